/* import_hascard — the text decks of hascard, a terminal flashcard
 * program: cards split by lines of "---", each a "# " header (the
 * question) and a body saying its kind:
 *
 *     # Capital of France?          # Which are prime?
 *     - Lyon                        [*] 2
 *     * Paris                       [ ] 4
 *     - Nice                        [x] 5
 *     ---                           ---
 *     # Fill in the gaps            # Alphabetical order
 *     The _Euro|euro_ is used       2. p
 *     in the _EU|European Union_.   1. l
 *     ---                           ---
 *     # ipRGC
 *     intrinsically photosensitive Retinal Ganglion Cell
 *
 * Multiple choice (one '*' option) makes a choice question, multiple
 * answer a multi one, reorder an order one, an open question one text
 * question per gap, and anything else (a definition) a card.  The kinds
 * are tried in hascard's order; see docs/import.md.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

#define MAX_ITEMS 64  /* options or elements of one card */
#define MAX_GAPS 64

/* One line, without its line break. */
struct line {
	size_t start, end;
};

/* One file being read. */
struct hascard {
	struct import_ctx *c;
	const char *buf;
	size_t nfiles, first_file;  /* included files (![](...)) left out */
};

static bool blank(const char *buf, struct line l)
{
	size_t a = l.start, e = l.end;
	text_trim_span(buf, &a, &e);
	return a == e;
}

/* True when the line is a card's header: '#', white space, its text. */
static bool is_header(const char *buf, struct line l)
{
	return l.end - l.start >= 2 && buf[l.start] == '#' && (buf[l.start + 1] == ' ' || buf[l.start + 1] == '\t');
}

/* The kinds of line that start an item of a card's body; the length of
 * what marks it (0: not one). */
static size_t choice_mark(const char *buf, struct line l)
{
	return l.end - l.start >= 2 && (buf[l.start] == '-' || buf[l.start] == '*') && buf[l.start + 1] == ' ' ? 2 : 0;
}

static size_t box_mark(const char *buf, struct line l)
{
	const char *s = buf + l.start;
	return l.end - l.start >= 4 && s[0] == '[' && (s[1] == '*' || s[1] == 'x' || s[1] == ' ') && s[2] == ']' &&
	       s[3] == ' ' ? 4 : 0;
}

/* "N. ": its length, with N in *n. */
static size_t number_mark(const char *buf, struct line l, unsigned *n)
{
	size_t i = l.start;
	unsigned v = 0;
	while (i < l.end && text_is_digit(buf[i]) && i - l.start < 4)
		v = v * 10 + (unsigned)(buf[i++] - '0');
	if (i == l.start || i + 1 >= l.end || buf[i] != '.' || buf[i + 1] != ' ')
		return 0;
	*n = v;
	return i + 2 - l.start;
}

/* Adds the text of buf[from..to) to b with "\_" as '_'. */
static void unescape(struct text_buf *b, const char *buf, size_t from, size_t to)
{
	size_t start = from;
	for (size_t i = from; i + 1 < to; i++) {
		if (buf[i] == '\\' && buf[i + 1] == '_') {
			text_buf_add(b, buf + start, i - start);
			start = i + 1;
			i++;
		}
	}
	text_buf_add(b, buf + start, to - start);
}

static const char *text_of(struct hascard *h, size_t from, size_t to)
{
	struct text_buf b = {0};
	unescape(&b, h->buf, from, to);
	const char *t = import_text_buf(h->c, &b);
	text_buf_free(&b);
	return t;
}

/* ---- the kinds of card ----------------------------------------------------- */

/* The items of a body whose lines each start with a mark (mark() gives
 * its length), or continue the item before (lines before the first item
 * are left to the caller); the number of items, or -1 having skipped the
 * card when there are more than MAX_ITEMS (what: "options", "elements"). */
struct item {
	size_t mark;       /* where its mark is */
	size_t from, to;   /* its text, over one line or more */
};

static long items(struct hascard *h, const struct line *body, size_t nbody,
                  size_t (*mark)(const char *, struct line), const char *what, struct item *v)
{
	long n = 0;
	for (size_t i = 0; i < nbody; i++) {
		size_t k = mark(h->buf, body[i]);
		if (k) {
			if (n == MAX_ITEMS) {
				import_skip(h->c, body[0].start, "it has more than %d %s", MAX_ITEMS, what);
				return -1;
			}
			v[n++] = (struct item){ body[i].start, body[i].start + k, body[i].end };
		} else if (n) {
			v[n - 1].to = body[i].end;  /* a line more of the item */
		}
	}
	return n;
}

static size_t reorder_mark(const char *buf, struct line l)
{
	unsigned n;
	return number_mark(buf, l, &n);
}

static void add(struct hascard *h, struct question *q, const char *header)
{
	q->prompt = header;
	if (!import_out_of_memory(h->c))
		import_add(h->c, q);
}

static void multiple_choice(struct hascard *h, const char *header, const struct line *body, size_t nbody)
{
	struct import_ctx *c = h->c;
	struct item v[MAX_ITEMS];
	long n = items(h, body, nbody, choice_mark, "options", v);
	if (n < 0)
		return;
	struct question q;
	import_question_init(&q, Q_CHOICE);
	q.choices = import_list(c, (size_t)n);
	if (!q.choices)
		return;
	size_t nright = 0, second = 0;
	for (long i = 0; i < n; i++) {
		if (h->buf[v[i].mark] == '*') {
			if (nright++ == 1)
				second = v[i].mark;
			q.correct = (size_t)i;
		}
		q.choices[i] = text_of(h, v[i].from, v[i].to);
	}
	q.nchoices = (size_t)n;
	if (nright > 1) {
		import_skip(c, second, "%zu options are marked right ('*'); a multiple-choice card has one "
		            "(mark them '[*]' for a multiple-answer card)", nright);
		return;
	}
	add(h, &q, header);
}

static void multiple_answer(struct hascard *h, const char *header, const struct line *body, size_t nbody)
{
	struct import_ctx *c = h->c;
	struct item v[MAX_ITEMS];
	long n = items(h, body, nbody, box_mark, "options", v);
	if (n < 0)
		return;
	/* A line that starts with '[' but is no box is a fault in hascard. */
	for (size_t i = 0; i < nbody; i++) {
		if (h->buf[body[i].start] == '[' && !box_mark(h->buf, body[i])) {
			import_skip(c, body[i].start, "an option must start '[*] ', '[x] ' or '[ ] '");
			return;
		}
	}
	struct question q;
	import_question_init(&q, Q_MULTI);
	q.choices = import_list(c, (size_t)n);
	if (!q.choices)
		return;
	for (long i = 0; i < n; i++) {
		if (h->buf[v[i].mark + 1] != ' ')
			q.correct |= 1ul << i;
		q.choices[i] = text_of(h, v[i].from, v[i].to);
	}
	q.nchoices = (size_t)n;
	add(h, &q, header);
}

static void reorder(struct hascard *h, const char *header, const struct line *body, size_t nbody)
{
	struct import_ctx *c = h->c;
	struct item v[MAX_ITEMS];
	long n = items(h, body, nbody, reorder_mark, "elements", v);
	if (n < 0)
		return;
	struct question q;
	import_question_init(&q, Q_ORDER);
	q.choices = import_list(c, (size_t)n);
	if (!q.choices)
		return;
	/* each element goes to the place its number says */
	for (long i = 0; i < n; i++) {
		unsigned k = 0;
		struct line l = { v[i].mark, v[i].to };
		number_mark(h->buf, l, &k);
		if (k < 1 || k > (unsigned)n || q.choices[k - 1]) {
			import_skip(c, v[i].mark, "the elements must be numbered 1 to %ld, each once", n);
			return;
		}
		q.choices[k - 1] = text_of(h, v[i].from, v[i].to);
		if (!q.choices[k - 1]) {
			import_skip(c, v[i].mark, "element %u is empty", k);
			return;
		}
	}
	q.nchoices = (size_t)n;
	add(h, &q, header);
}

/* The gaps of an open question: each "_a|b_" in buf[from..to), "\_"
 * aside; how many, or 0 when the underscores do not pair up. */
struct gap {
	size_t open, close;  /* its two underscores */
};

static size_t find_gaps(const char *buf, size_t from, size_t to, struct gap *g, bool *too_many)
{
	size_t n = 0;
	long open = -1;
	*too_many = false;
	for (size_t i = from; i < to; i++) {
		if (buf[i] == '\\' && i + 1 < to && buf[i + 1] == '_') {
			i++;
			continue;
		}
		if (buf[i] != '_')
			continue;
		if (open < 0) {
			open = (long)i;
		} else {
			if (n == MAX_GAPS) {
				*too_many = true;
				return 0;
			}
			g[n++] = (struct gap){ (size_t)open, i };
			open = -1;
		}
	}
	return open < 0 ? n : 0;
}

/* The text of an open question with gap k blank (___) and the others
 * filled with their first answer. */
static void sentence(const char *buf, size_t from, size_t to, const struct gap *g, size_t n, size_t k,
                     struct text_buf *b)
{
	size_t pos = from;
	for (size_t i = 0; i < n; i++) {
		unescape(b, buf, pos, g[i].open);
		if (i == k) {
			text_buf_puts(b, "___");
		} else {
			const char *bar = memchr(buf + g[i].open + 1, '|', g[i].close - g[i].open - 1);
			size_t end = bar ? (size_t)(bar - buf) : g[i].close;
			text_buf_add(b, buf + g[i].open + 1, end - g[i].open - 1);
		}
		pos = g[i].close + 1;
	}
	unescape(b, buf, pos, to);
}

static void open_question(struct hascard *h, struct line head, const struct line *body, size_t nbody,
                          const struct gap *g, size_t n)
{
	struct import_ctx *c = h->c;
	size_t from = body[0].start, to = body[nbody - 1].end;
	for (size_t k = 0; k < n && !import_out_of_memory(c); k++) {
		struct text_buf b = {0};
		unescape(&b, h->buf, head.start, head.end);
		text_buf_puts(&b, "\n");
		sentence(h->buf, from, to, g, n, k, &b);
		struct question q;
		import_question_init(&q, Q_TEXT);
		q.prompt = import_text_buf(c, &b);
		text_buf_free(&b);
		size_t nalt = 1;
		for (size_t i = g[k].open + 1; i < g[k].close; i++)
			nalt += h->buf[i] == '|';
		q.accept = import_list(c, nalt);
		if (!q.accept)
			return;
		size_t start = g[k].open + 1;
		for (size_t i = start; i <= g[k].close; i++) {
			if (i < g[k].close && h->buf[i] != '|')
				continue;
			const char *t = import_text(c, h->buf + start, i - start);
			if (t)
				q.accept[q.naccept++] = t;
			start = i + 1;
		}
		if (!q.naccept) {
			import_skip(c, g[k].open, "gap %zu is empty", k + 1);
			continue;
		}
		if (!import_out_of_memory(c))
			import_add(c, &q);
	}
}

/* ---- one card ---------------------------------------------------------------- */

/* Reads the card of lines l[0..n) (not all blank). */
static void read_card(struct hascard *h, struct line *l, size_t n)
{
	struct import_ctx *c = h->c;
	const char *buf = h->buf;
	size_t i = 0;
	while (i < n && blank(buf, l[i]))
		i++;
	import_here(c, l[i].start);
	if (!is_header(buf, l[i])) {
		import_skip(c, l[i].start, "a card starts with a header line, '# ' and its question");
		return;
	}
	struct line head = { l[i].start + 2, l[i].end };
	text_trim_span(buf, &head.start, &head.end);
	const char *header = text_of(h, head.start, head.end);
	i++;
	while (i < n && blank(buf, l[i]))
		i++;
	/* a file to open with the card ("![alt](file)"): not carried */
	if (i < n && l[i].end - l[i].start >= 4 && buf[l[i].start] == '!' && buf[l[i].start + 1] == '[') {
		if (h->nfiles++ == 0)
			h->first_file = l[i].start;
		i++;
		while (i < n && blank(buf, l[i]))
			i++;
	}
	while (n > i && blank(buf, l[n - 1]))
		n--;
	const struct line *body = l + i;
	size_t nbody = n - i;
	unsigned num;
	if (nbody && choice_mark(buf, body[0])) {
		size_t stars = 0;
		for (size_t k = 0; k < nbody; k++)
			stars += choice_mark(buf, body[k]) && buf[body[k].start] == '*';
		if (stars) {
			multiple_choice(h, header, body, nbody);
			return;
		}
	} else if (nbody && box_mark(buf, body[0])) {
		multiple_answer(h, header, body, nbody);
		return;
	} else if (nbody && number_mark(buf, body[0], &num)) {
		reorder(h, header, body, nbody);
		return;
	}
	if (nbody) {
		struct gap g[MAX_GAPS];
		bool too_many;
		size_t ngaps = find_gaps(buf, body[0].start, body[nbody - 1].end, g, &too_many);
		if (too_many) {
			import_skip(c, body[0].start, "it has more than %d gaps", MAX_GAPS);
			return;
		}
		if (ngaps) {
			open_question(h, head, body, nbody, g, ngaps);
			return;
		}
	}
	/* a definition: a flashcard */
	struct question q;
	import_question_init(&q, Q_CARD);
	q.back = nbody ? text_of(h, body[0].start, body[nbody - 1].end) : NULL;
	add(h, &q, header);
}

/* ---- the file ------------------------------------------------------------------ */

static bool is_separator(const char *buf, struct line l)
{
	size_t a = l.start, e = l.end;
	text_trim_span(buf, &a, &e);
	return e - a == 3 && memcmp(buf + a, "---", 3) == 0;
}

enum import_likely import_hascard_detect(const char *name, const char *buf, size_t len)
{
	size_t pos = import_bom(buf, len);
	struct import_line il;
	bool first = true, header = false;
	for (int k = 0; k < 400 && import_next_line(buf, len, &pos, &il); k++) {
		struct line l = { il.start, il.end };
		if (first && blank(buf, l))
			continue;
		if (first) {
			header = is_header(buf, l);
			first = false;
			if (!header)
				return IMPORT_NO;
		} else if (is_separator(buf, l)) {
			return IMPORT_LOOKS;
		}
	}
	return header && (import_name_ends(name, ".md") || import_name_ends(name, ".txt")) ? IMPORT_LOOKS
	                                                                                 : IMPORT_NO;
}

int import_hascard_parse(struct import_ctx *c, const char *buf, size_t len)
{
	if (import_check_text(c, buf, len) != 0)
		return -1;
	struct hascard h = { .c = c, .buf = buf };
	struct line *lines = NULL;
	size_t n = 0, cap = 0;
	size_t pos = import_bom(buf, len);
	struct import_line il;
	bool more = true;
	while (more && !import_out_of_memory(c)) {
		more = import_next_line(buf, len, &pos, &il);
		struct line l = { il.start, il.end };
		if (!more || is_separator(buf, l)) {
			bool all_blank = true;
			for (size_t i = 0; i < n && all_blank; i++)
				all_blank = blank(buf, lines[i]);
			if (!all_blank)
				read_card(&h, lines, n);
			n = 0;
			continue;
		}
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 64;
			struct line *v = realloc(lines, ncap * sizeof *v);
			if (!v) {
				import_nomem(c);
				break;
			}
			lines = v;
			cap = ncap;
		}
		lines[n++] = l;
	}
	free(lines);
	if (h.nfiles) {
		import_here(c, h.first_file);
		import_warn_at(c, h.first_file, "files the cards open (![](...)) left out (%zu): a deck holds text",
		               h.nfiles);
	}
	return import_out_of_memory(c) ? -1 : 0;
}
