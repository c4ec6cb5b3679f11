/* import_anki — Anki notes exported as plain text ("Notes in Plain Text"),
 * or written by hand for Anki's text import:
 *
 *     #separator:tab
 *     #html:true
 *     #notetype column:1
 *     #tags column:4
 *     Basic	What is the capital of France?	Paris	geography
 *     Cloze	{{c1::Paris}} is the capital of {{c2::France}}.		geography
 *
 * The header lines say how to read the records (see docs/import.md); each
 * record is a note, its fields split by the separator, quoted as Anki's
 * CSV has them.  Basic notes become cards (two for "Basic (and reversed
 * card)"), "Basic (type in the answer)" notes text questions, and Cloze
 * notes a text question per cloze number (import_anki_cloze.c).
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "html.h"
#include "import_anki.h"
#include "text.h"

#define MAX_GLOBAL_TAGS 32
#define CLOZE_BUDGET (16u * 1024 * 1024)  /* bytes of questions one Cloze note makes */

/* How the file says to read it. */
struct header {
	char sep;                   /* 0: guessed from the first record */
	int html;                   /* -1: guessed from the content */
	size_t guid, notetype, deck, tags;  /* columns from 1; 0 for none */
	const char *global_tags[MAX_GLOBAL_TAGS];
	size_t nglobal;
	const char *notetype_name;  /* #notetype:, or NULL */
	const char *deck_name;      /* #deck:, or NULL */
	size_t guid_at;             /* the "#guid column:" line */
	size_t data;                /* where the records start */
};

/* The kinds of note recall reads. */
enum kind { BASIC, REVERSED, OPTIONAL_REVERSED, TYPE_IN, CLOZE, OCCLUSION, UNKNOWN };

static const struct {
	const char *name;
	enum kind kind;
} notetypes[] = {
	{ "Basic", BASIC },
	{ "Basic (and reversed card)", REVERSED },
	{ "Basic (optional reversed card)", OPTIONAL_REVERSED },
	{ "Basic (type in the answer)", TYPE_IN },
	{ "Cloze", CLOZE },
	{ "Image Occlusion", OCCLUSION },
};

/* The kind of the note type named s[0..n): one of Anki's standard names,
 * or one with "-" and a suffix after it (a copy Anki renamed). */
static enum kind kind_of(const char *s, size_t n)
{
	for (size_t i = 0; i < sizeof notetypes / sizeof notetypes[0]; i++) {
		size_t k = strlen(notetypes[i].name);
		if (n >= k && text_same_ci(s, notetypes[i].name, k) && (n == k || s[k] == '-'))
			return notetypes[i].kind;
	}
	return UNKNOWN;
}

/* ---- the header ---------------------------------------------------------- */

static const char *const keys[] = {
	"separator", "html", "tags", "columns", "notetype", "deck",
	"notetype column", "deck column", "tags column", "guid column", NULL,
};

/* The key of a header line "#key:value" at buf[from..to), lower-cased
 * into out (of size bytes); false when the line has no ':'. */
static bool header_key(const char *buf, size_t from, size_t to, char *out, size_t size, size_t *value)
{
	const char *colon = memchr(buf + from, ':', to - from);
	if (!colon)
		return false;
	size_t a = from + 1, e = (size_t)(colon - buf), k = 0;
	text_trim_span(buf, &a, &e);
	for (size_t i = a; i < e && k + 1 < size; i++)
		out[k++] = text_lower(buf[i]);
	out[k] = '\0';
	*value = (size_t)(colon - buf) + 1;
	return true;
}

static bool known_key(const char *key)
{
	for (size_t i = 0; keys[i]; i++)
		if (strcmp(keys[i], key) == 0)
			return true;
	return false;
}

/* The separator a "#separator:" value names: tab, comma, semicolon,
 * space, pipe, colon (any case), or the character itself; 0 for none. */
static char separator(const char *s, size_t n)
{
	static const struct {
		const char *name;
		char ch;
	} seps[] = {
		{ "tab", '\t' }, { "comma", ',' }, { "semicolon", ';' },
		{ "space", ' ' }, { "pipe", '|' }, { "colon", ':' },
	};
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (n == 1 && s[0] == seps[i].ch)
			return s[0];
	size_t a = 0, e = n;
	text_trim_span(s, &a, &e);
	for (size_t i = 0; i < sizeof seps / sizeof seps[0]; i++)
		if (e - a == strlen(seps[i].name) && text_same_ci(s + a, seps[i].name, e - a))
			return seps[i].ch;
	return 0;
}

/* A column number from 1, or 0 when s[0..n) is none. */
static size_t column(const char *s, size_t n)
{
	size_t a = 0, e = n, v = 0;
	text_trim_span(s, &a, &e);
	if (a == e || e - a > 4)
		return 0;
	for (size_t i = a; i < e; i++) {
		if (!text_is_digit(s[i]))
			return 0;
		v = v * 10 + (size_t)(s[i] - '0');
	}
	return v;
}

/* Adds the tags in s[0..n), split by white space, to h's global ones. */
static void global_tags(struct import_ctx *c, struct header *h, const char *s, size_t n)
{
	for (size_t i = 0; i < n;) {
		while (i < n && text_is_ascii_space(s[i]))
			i++;
		size_t start = i;
		while (i < n && !text_is_ascii_space(s[i]))
			i++;
		if (i > start && h->nglobal < MAX_GLOBAL_TAGS) {
			const char *t = import_text(c, s + start, i - start);
			if (t)
				h->global_tags[h->nglobal++] = t;
		}
	}
}

/* Reads one header line buf[from..to) (a '#' first) into h. */
static void header_line(struct import_ctx *c, struct header *h, const char *buf, size_t from, size_t to)
{
	char key[40];
	size_t v;
	if (!header_key(buf, from, to, key, sizeof key, &v))
		return;  /* a comment */
	const char *val = buf + v;
	size_t n = to - v;
	char shown[80];
	import_here(c, from);
	if (!known_key(key)) {
		import_warn_at(c, from, "the header line '#%s:' is not one Anki writes: left out",
		               text_escape_into(key, false, shown, sizeof shown));
	} else if (!strcmp(key, "separator")) {
		h->sep = separator(val, n);
		if (!h->sep)
			import_warn_at(c, v, "'#separator:' names no separator (tab, comma, semicolon, space, pipe, colon): "
			               "the separator is guessed");
	} else if (!strcmp(key, "html")) {
		size_t a = 0, e = n;
		text_trim_span(val, &a, &e);
		if (e - a == 4 && text_same_ci(val + a, "true", 4))
			h->html = 1;
		else if (e - a == 5 && text_same_ci(val + a, "false", 5))
			h->html = 0;
		else
			import_warn_at(c, v, "'#html:' is neither true nor false: whether fields are HTML is guessed");
	} else if (!strcmp(key, "tags")) {
		global_tags(c, h, val, n);
	} else if (!strcmp(key, "notetype") || !strcmp(key, "deck")) {
		const char *t = import_text(c, val, n);
		if (key[0] == 'n')
			h->notetype_name = t;
		else
			h->deck_name = t;
	} else if (!strcmp(key, "columns")) {
		/* the columns' names: the note types' fields are taken in order */
	} else {
		size_t col = column(val, n);
		if (!col)
			import_warn_at(c, v, "'#%s:' wants a column number from 1: left out", key);
		else if (!strcmp(key, "guid column"))
			h->guid = col, h->guid_at = from;
		else if (!strcmp(key, "notetype column"))
			h->notetype = col;
		else if (!strcmp(key, "deck column"))
			h->deck = col;
		else
			h->tags = col;
	}
}

/* Reads the header lines at the start of buf into h. */
static void read_header(struct import_ctx *c, struct header *h, const char *buf, size_t len)
{
	size_t pos = import_bom(buf, len);
	struct import_line l;
	bool first = true;
	h->data = pos;
	while (import_next_line(buf, len, &pos, &l)) {
		if (first && l.end - l.start >= 5 && memcmp(buf + l.start, "tags:", 5) == 0) {
			global_tags(c, h, buf + l.start + 5, l.end - l.start - 5);  /* the old form */
		} else if (l.end > l.start && buf[l.start] == '#') {
			header_line(c, h, buf, l.start, l.end);
		} else {
			break;
		}
		first = false;
		h->data = pos;
	}
}

/* The separator of a file that names none: in its first record, a tab if
 * any, else the most frequent of '|', ';' and ',' outside quotes. */
static char guess_separator(const char *buf, size_t len, size_t pos)
{
	static const char cand[] = "\t|;,";
	size_t count[4] = {0};
	bool quoted = false;
	for (size_t i = pos; i < len && (quoted || (buf[i] != '\n' && buf[i] != '\r')); i++) {
		if (buf[i] == '"')
			quoted = !quoted;
		else if (!quoted && strchr(cand, buf[i]) && buf[i])
			count[strchr(cand, buf[i]) - cand]++;
	}
	size_t best = 0;
	for (size_t k = 1; k < 4; k++)
		if (count[k] > count[best])
			best = k;
	return cand[best];
}

/* True when buf[from..len) looks like HTML: a tag or a character
 * reference in it. */
static bool looks_html(const char *buf, size_t from, size_t len)
{
	size_t gt = from, nl = from;  /* the next '>' and line break, once looked for */
	for (size_t i = from; i + 2 < len; i++) {
		if (buf[i] == '<' && (text_is_alpha(buf[i + 1]) || buf[i + 1] == '/')) {
			if (gt <= i) {
				const char *p = memchr(buf + i, '>', len - i);
				gt = p ? (size_t)(p - buf) : len;
			}
			if (nl <= i) {
				const char *p = memchr(buf + i, '\n', len - i);
				nl = p ? (size_t)(p - buf) : len;
			}
			if (gt < len && gt < nl)
				return true;
		}
		if (buf[i] == '&' && (text_is_alpha(buf[i + 1]) || buf[i + 1] == '#')) {
			size_t k = i + 1;
			while (k < len && k - i < 12 && (text_is_alpha(buf[k]) || text_is_digit(buf[k]) || buf[k] == '#'))
				k++;
			if (k < len && buf[k] == ';')
				return true;
		}
	}
	return false;
}

enum import_likely import_anki_detect(const char *name, const char *buf, size_t len)
{
	size_t pos = import_bom(buf, len);
	struct import_line l;
	if (import_next_line(buf, len, &pos, &l) && l.end > l.start && buf[l.start] == '#') {
		char key[40];
		size_t v;
		if (header_key(buf, l.start, l.end, key, sizeof key, &v) && known_key(key))
			return IMPORT_SURE;
	}
	/* no header: the first lines split by tabs alike, or a cloze */
	pos = import_bom(buf, len);
	size_t lines = 0, tabs = 0;
	bool same = true;
	for (int k = 0; k < 20 && import_next_line(buf, len, &pos, &l); k++) {
		size_t t = 0;
		for (size_t i = l.start; i < l.end; i++)
			t += buf[i] == '\t';
		if (l.end == l.start)
			continue;
		if (lines++ == 0)
			tabs = t;
		same = same && t == tabs;
		if (anki_has_cloze(buf + l.start, l.end - l.start) && t)
			return IMPORT_LOOKS;
	}
	if (lines && tabs && same)
		return IMPORT_LOOKS;
	return import_name_ends(name, ".tsv") ? IMPORT_BY_NAME : IMPORT_NO;
}

/* ---- the notes ---------------------------------------------------------- */

/* One file being read. */
struct anki {
	struct import_ctx *c;
	const char *buf;
	struct header h;
	bool html;
	size_t images, first_image;    /* <img> left out */
	size_t sounds, first_sound;    /* [sound:...] left out */
	size_t extra, first_extra;     /* notes with fields past their type's */
	char unknown[8][64];           /* note types not known, said once each */
	size_t nunknown;
};

/* s[0..n), a field or a part of one, made deck text: Anki's [sound:...]
 * left out, reduced to text when the file's fields are HTML; NULL when
 * nothing is left.  What is left out is counted when count is true (at
 * is where, for the warning). */
static const char *clean(struct anki *a, const char *s, size_t n, size_t at, bool count)
{
	struct text_buf nosound = {0};
	size_t start = 0;
	for (size_t i = 0; i + 7 <= n; i++) {
		if (memcmp(s + i, "[sound:", 7) != 0)
			continue;
		const char *close = memchr(s + i, ']', n - i);
		if (!close)
			break;
		text_buf_add(&nosound, s + start, i - start);
		if (count && a->sounds++ == 0)
			a->first_sound = at;
		i = (size_t)(close - s);
		start = i + 1;
	}
	text_buf_add(&nosound, s + start, n - start);
	struct text_buf b = {0};
	const char *t = nosound.s ? nosound.s : "";
	if (a->html) {
		struct html_dropped d = {0};
		html_to_text(&b, t, nosound.len, 0, &d);
		if (count && d.images && a->images == 0)
			a->first_image = at;
		if (count)
			a->images += d.images;
	} else {
		text_buf_add(&b, t, nosound.len);
	}
	if (nosound.failed)
		b.failed = true;
	const char *r = import_text_buf(a->c, &b);
	text_buf_free(&b);
	text_buf_free(&nosound);
	return r;
}

/* The text of a field, or NULL. */
static const char *field_text(struct anki *a, const struct csv_field *f)
{
	if (!f)
		return NULL;
	struct text_buf raw = {0};
	csv_field_value(a->buf, f, &raw);
	if (raw.failed)
		import_nomem(a->c);
	const char *t = clean(a, raw.s ? raw.s : "", raw.len, f->start, true);
	text_buf_free(&raw);
	return t;
}

/* The tags of a note: the file's, its deck's name, its tags column's. */
static void note_tags(struct anki *a, struct question *q, const struct csv_record *rec)
{
	struct import_ctx *c = a->c;
	const struct csv_field *tf = a->h.tags && a->h.tags <= rec->n ? &rec->v[a->h.tags - 1] : NULL;
	const struct csv_field *df = a->h.deck && a->h.deck <= rec->n ? &rec->v[a->h.deck - 1] : NULL;
	struct text_buf tags = {0}, deck = {0};
	if (tf)
		csv_field_value(a->buf, tf, &tags);
	if (df)
		csv_field_value(a->buf, df, &deck);
	size_t max = a->h.nglobal + 1 + tags.len / 2 + 1;
	q->tags = import_list(c, max);
	if (!q->tags) {
		text_buf_free(&tags);
		text_buf_free(&deck);
		return;
	}
	for (size_t i = 0; i < a->h.nglobal; i++)
		q->tags[q->ntags++] = a->h.global_tags[i];
	const char *dname = df ? import_text_buf(c, &deck) : a->h.deck_name;
	if (dname)
		q->tags[q->ntags++] = dname;
	const char *s = tags.s ? tags.s : "";
	for (size_t i = 0; i < tags.len && q->ntags < max;) {
		while (i < tags.len && text_is_ascii_space(s[i]))
			i++;
		size_t start = i;
		while (i < tags.len && !text_is_ascii_space(s[i]))
			i++;
		if (i > start)
			q->tags[q->ntags++] = import_text(c, s + start, i - start);
	}
	if (tags.failed || deck.failed)
		import_nomem(c);
	text_buf_free(&tags);
	text_buf_free(&deck);
}

/* A card front -> back, with the note's tags. */
static void card(struct anki *a, const struct csv_record *rec, const char *front, const char *back)
{
	struct question q;
	import_question_init(&q, Q_CARD);
	q.prompt = front;
	q.back = back;
	note_tags(a, &q, rec);
	if (!import_out_of_memory(a->c))
		import_add(a->c, &q);
}

/* The questions of a Cloze note: one per cloze number of its text. */
static void cloze(struct anki *a, const struct csv_record *rec, const struct csv_field *text,
                  const struct csv_field *extra)
{
	struct import_ctx *c = a->c;
	struct text_buf raw = {0};
	csv_field_value(a->buf, text, &raw);
	struct anki_clozes *z = raw.failed ? NULL : anki_clozes_read(raw.s ? raw.s : "", raw.len);
	if (!z) {
		import_nomem(c);
		text_buf_free(&raw);
		return;
	}
	unsigned n = anki_clozes_next(z, 0);
	size_t numbers = 0;
	for (unsigned k = n; k; k = anki_clozes_next(z, k))
		numbers++;
	if (!n) {
		import_skip(c, text->start, "a Cloze note without a cloze deletion ({{c1::...}})");
	} else if (numbers * raw.len > CLOZE_BUDGET) {
		/* each number's question repeats the text */
		import_skip(c, text->start, "%zu cloze numbers in a text of %zu bytes: more than recall makes questions of",
		            numbers, raw.len);
		n = 0;
	}
	const char *explanation = extra ? field_text(a, extra) : NULL;
	bool count = true;  /* what the text leaves out, said once */
	for (; n && !import_out_of_memory(c); n = anki_clozes_next(z, n), count = false) {
		struct text_buf p = {0}, ans = {0};
		anki_clozes_question(z, n, &p);
		anki_clozes_answer(z, n, &ans);
		struct question q;
		import_question_init(&q, Q_TEXT);
		if (p.failed || ans.failed)
			import_nomem(c);
		q.prompt = clean(a, p.s ? p.s : "", p.len, text->start, count);
		q.accept = import_list(c, 1);
		if (q.accept) {
			q.accept[0] = clean(a, ans.s ? ans.s : "", ans.len, text->start, false);
			q.naccept = 1;
		}
		q.explanation = explanation;
		note_tags(a, &q, rec);
		if (!import_out_of_memory(c))
			import_add(c, &q);
		text_buf_free(&p);
		text_buf_free(&ans);
	}
	anki_clozes_free(z);
	text_buf_free(&raw);
}

/* Says once per note type that it is not known. */
static void unknown_notetype(struct anki *a, const char *name, size_t off)
{
	for (size_t i = 0; i < a->nunknown; i++)
		if (!strcmp(a->unknown[i], name))
			return;
	if (a->nunknown < sizeof a->unknown / sizeof a->unknown[0])
		snprintf(a->unknown[a->nunknown++], sizeof a->unknown[0], "%s", name);
	char shown[80];
	import_warn_at(a->c, off, "note type '%s' is not one recall knows: its notes are read as Basic "
	               "(the first field the front, the second the back)",
	               text_escape_into(name, false, shown, sizeof shown));
}

static void read_note(struct anki *a, const struct csv_record *rec)
{
	struct import_ctx *c = a->c;
	const struct header *h = &a->h;
	import_here(c, rec->start);
	bool blank = true;
	for (size_t i = 0; i < rec->n && blank; i++)
		blank = csv_field_blank(a->buf, &rec->v[i]);
	if (blank)
		return;
	/* the fields: every column but the guid, note type, deck and tags */
	const struct csv_field *fields[4] = {0};
	size_t nfields = 0, more = 0;
	for (size_t i = 0; i < rec->n; i++) {
		size_t col = i + 1;
		if (col == h->guid || col == h->notetype || col == h->deck || col == h->tags)
			continue;
		if (nfields < 4)
			fields[nfields++] = &rec->v[i];
		else if (!csv_field_blank(a->buf, &rec->v[i]))
			more++;
	}
	/* its note type */
	enum kind kind = BASIC;
	char name[64] = "";
	if (h->notetype && h->notetype <= rec->n) {
		struct text_buf b = {0};
		csv_field_value(a->buf, &rec->v[h->notetype - 1], &b);
		snprintf(name, sizeof name, "%s", b.s ? b.s : "");
		text_trim(name);
		kind = kind_of(name, strlen(name));
		text_buf_free(&b);
	} else if (h->notetype_name) {
		snprintf(name, sizeof name, "%s", h->notetype_name);
		kind = kind_of(name, strlen(name));
	}
	bool has_cloze = false;
	for (size_t i = 0; i < nfields && !has_cloze; i++)
		has_cloze = anki_has_cloze(a->buf + fields[i]->start, fields[i]->end - fields[i]->start);
	if (kind == UNKNOWN && has_cloze)
		kind = CLOZE;
	else if (kind == UNKNOWN && name[0])
		unknown_notetype(a, name, rec->start);
	else if (!name[0] && has_cloze)
		kind = CLOZE;
	if (kind == UNKNOWN)
		kind = BASIC;
	size_t used = kind == OPTIONAL_REVERSED ? 3 : 2;
	for (size_t i = used; i < nfields; i++)
		if (!csv_field_blank(a->buf, fields[i]))
			more++;
	if (more && a->extra++ == 0)
		a->first_extra = rec->start;
	const struct csv_field *f1 = nfields > 0 ? fields[0] : NULL, *f2 = nfields > 1 ? fields[1] : NULL;
	switch (kind) {
	case OCCLUSION:
		import_skip(c, rec->start, "an Image Occlusion note: its image is not in the file");
		break;
	case CLOZE:
		if (f1)
			cloze(a, rec, f1, f2);
		break;
	case TYPE_IN: {
		struct question q;
		import_question_init(&q, Q_TEXT);
		q.prompt = field_text(a, f1);
		q.accept = import_list(c, 1);
		if (!q.accept)
			break;
		q.accept[0] = field_text(a, f2);
		q.naccept = 1;
		note_tags(a, &q, rec);
		if (!import_out_of_memory(c))
			import_add(c, &q);
		break;
	}
	case BASIC:
	case REVERSED:
	case OPTIONAL_REVERSED:
	case UNKNOWN: {
		const char *front = field_text(a, f1), *back = field_text(a, f2);
		card(a, rec, front, back);
		bool reverse = kind == REVERSED ||
		               (kind == OPTIONAL_REVERSED && nfields > 2 && !csv_field_blank(a->buf, fields[2]));
		if (reverse && front && back)
			card(a, rec, back, front);
		break;
	}
	}
}

int import_anki_parse(struct import_ctx *c, const char *buf, size_t len)
{
	if (import_check_text(c, buf, len) != 0)
		return -1;
	struct anki a = { .c = c, .buf = buf, .h = { .html = -1 } };
	read_header(c, &a.h, buf, len);
	char sep = a.h.sep ? a.h.sep : guess_separator(buf, len, a.h.data);
	a.html = a.h.html >= 0 ? a.h.html == 1 : looks_html(buf, a.h.data, len);
	struct csv_reader r;
	csv_reader_init(&r, buf, len, a.h.data, sep);
	r.lenient = true;
	struct csv_record rec = {0};
	size_t off = 0;
	const char *why = NULL;
	enum csv_status st = CSV_END;
	for (;;) {
		/* a line starting with '#' is a comment, as in Anki */
		while (r.pos < len && buf[r.pos] == '#') {
			struct import_line l;
			import_next_line(buf, len, &r.pos, &l);
		}
		st = csv_next(&r, &rec, &off, &why);
		if (st != CSV_RECORD || import_out_of_memory(c))
			break;
		read_note(&a, &rec);
	}
	int rc = 0;
	if (st == CSV_FAULT) {
		import_error_at(c, off, "%s", why);
		rc = -1;
	} else if (st == CSV_NOMEM || import_out_of_memory(c)) {
		import_nomem(c);
		rc = -1;
	}
	if (a.h.guid) {
		import_here(c, a.h.guid_at);
		import_warn(c, "the guid column (%zu) left out: ids come from the notes' content", a.h.guid);
	}
	if (a.extra) {
		import_here(c, a.first_extra);
		import_warn(c, "fields past those of their note type left out (%zu note%s)", a.extra,
		            a.extra == 1 ? "" : "s");
	}
	if (a.images) {
		import_here(c, a.first_image);
		import_warn(c, "%zu image%s (<img>) left out: a deck holds text", a.images, a.images == 1 ? "" : "s");
	}
	if (a.sounds) {
		import_here(c, a.first_sound);
		import_warn(c, "%zu sound%s ([sound:...]) left out: a deck holds text", a.sounds, a.sounds == 1 ? "" : "s");
	}
	csv_record_free(&rec);
	return rc;
}
