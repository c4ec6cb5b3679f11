/* import_gift — GIFT, the text format of Moodle's question bank:
 *
 *     // a comment
 *     $CATEGORY: Geography
 *
 *     ::Q1:: What is the capital of France? {=Paris ~Lyon ~Nice}
 *
 *     Two plus {=two =2} equals four.
 *
 * A question is a block of lines ending at a blank line: an optional
 * ::title::, its text, and one answer block in braces, whose content says
 * the kind of question (multiple choice, true/false, short answer,
 * numerical, matching).  An answer block inside the text is a missing
 * word, shown as ___.  See docs/import.md for the mapping; the answer
 * block's own grammar is read in import_gift_answers.c.
 */
#include "import.h"

#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "import_gift.h"
#include "text.h"

/* ---- scanning, escapes aside --------------------------------------------- */

bool gift_escapable(char ch)
{
	return ch == '~' || ch == '=' || ch == '#' || ch == '{' || ch == '}' || ch == ':' || ch == 'n' ||
	       ch == '\\';
}

size_t gift_find(const char *s, size_t from, size_t to, const char *what)
{
	size_t n = strlen(what);
	for (size_t i = from; i < to; i++) {
		if (s[i] == '\\' && i + 1 < to && gift_escapable(s[i + 1])) {
			i++;
			continue;
		}
		if (i + n <= to && memcmp(s + i, what, n) == 0)
			return i;
	}
	return to;
}

size_t gift_find_last(const char *s, size_t from, size_t to, const char *what)
{
	size_t last = to, n = strlen(what);
	for (size_t i = from; i < to; i++) {
		if (s[i] == '\\' && i + 1 < to && gift_escapable(s[i + 1])) {
			i++;
			continue;
		}
		if (i + n <= to && memcmp(s + i, what, n) == 0)
			last = i;
	}
	return last;
}

void gift_trim(const char *s, size_t *from, size_t *to)
{
	text_trim_span(s, from, to);
}

/* ---- text ------------------------------------------------------------- */

enum gift_format gift_read_format(const char *s, size_t *from, size_t to, enum gift_format dflt)
{
	static const char *const names[] = { "moodle", "html", "plain", "markdown" };
	gift_trim(s, from, &to);
	if (*from >= to || s[*from] != '[')
		return dflt;
	for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
		size_t n = strlen(names[k]);
		if (*from + n + 2 <= to && memcmp(s + *from + 1, names[k], n) == 0 && s[*from + 1 + n] == ']') {
			*from += n + 2;
			return (enum gift_format)k;
		}
	}
	return dflt;
}

/* Adds s[from..to) to b with its escapes undone: \~ \= \# \{ \} \: \\ as
 * the character, \n as a line break; any other backslash stays. */
static void unescape(struct text_buf *b, const char *s, size_t from, size_t to)
{
	size_t start = from;
	for (size_t i = from; i < to; i++) {
		if (s[i] != '\\' || i + 1 >= to || !gift_escapable(s[i + 1]))
			continue;
		text_buf_add(b, s + start, i - start);
		text_buf_add(b, s[i + 1] == 'n' ? "\n" : s + i + 1, 1);
		i++;
		start = i + 1;
	}
	text_buf_add(b, s + start, to - start);
}

void gift_text_buf(struct gift *g, struct text_buf *out, size_t from, size_t to, enum gift_format f)
{
	gift_trim(g->s, &from, &to);
	struct text_buf raw = {0};
	unescape(&raw, g->s, from, to);
	if (f == GIFT_HTML || f == GIFT_MOODLE) {
		html_to_text(out, raw.s ? raw.s : "", raw.len, f == GIFT_MOODLE ? HTML_KEEP_NEWLINES : 0,
		             &g->dropped);
	} else {
		text_buf_add(out, raw.s ? raw.s : "", raw.len);
	}
	if (raw.failed)
		out->failed = true;
	text_buf_free(&raw);
}

const char *gift_text(struct gift *g, size_t from, size_t to, enum gift_format f)
{
	struct text_buf b = {0};
	gift_text_buf(g, &b, from, to, f);
	const char *t = import_text_buf(g->c, &b);
	text_buf_free(&b);
	return t;
}

/* ---- detection -------------------------------------------------------------- */

/* What GIFT has that other text does not: a "::title::" at a line's start,
 * "$CATEGORY:", or an answer block ending a line: "{T}", "{=...}",
 * "{~...", "{#...}". */
enum import_likely import_gift_detect(const char *name, const char *buf, size_t len)
{
	size_t pos = import_bom(buf, len);
	struct import_line l;
	int signs = 0;
	for (int k = 0; k < 400 && import_next_line(buf, len, &pos, &l); k++) {
		size_t a = l.start, e = l.end;
		text_trim_span(buf, &a, &e);
		const char *s = buf + a;
		size_t n = e - a;
		if (n >= 10 && memcmp(s, "$CATEGORY:", 10) == 0)
			return IMPORT_SURE;
		if (n >= 4 && s[0] == ':' && s[1] == ':' && gift_find(buf, a + 2, e, "::") < e)
			signs++;
		size_t open = gift_find(buf, a, e, "{");
		if (open < e && open + 1 < e) {
			char ch = buf[open + 1];
			size_t close = gift_find(buf, open, e, "}");
			if (ch == '=' || ch == '~' || ch == '#' ||
			    (close < e && (close == open + 2 || close == open + 5 || close == open + 6) &&
			     (ch == 'T' || ch == 'F')))
				signs++;
		}
		if (signs >= 2)
			return IMPORT_SURE;
	}
	if (signs)
		return IMPORT_LOOKS;
	return import_name_ends(name, ".gift") ? IMPORT_BY_NAME : IMPORT_NO;
}

/* ---- one block of lines ------------------------------------------------- */

/* Reads the tags of the comment lines of the block s[from..to):
 * "[tag:NAME]" (a ']' in NAME written "\]"); "[id:...]" is counted. */
static void comment_tags(struct gift *g, size_t from, size_t to)
{
	const char *s = g->buf;  /* comments are blanked in g->s */
	size_t pos = from;
	struct import_line l;
	while (pos < to && import_next_line(s, to, &pos, &l)) {
		size_t a = l.start, e = l.end;
		text_trim_span(s, &a, &e);
		if (e - a < 2 || s[a] != '/' || s[a + 1] != '/')
			continue;
		for (size_t i = a; i < e; i++) {
			bool tag = e - i > 5 && memcmp(s + i, "[tag:", 5) == 0;
			bool id = e - i > 4 && memcmp(s + i, "[id:", 4) == 0;
			if (!tag && !id)
				continue;
			size_t start = i + (tag ? 5 : 4), k = start;
			struct text_buf b = {0};
			while (k < e && s[k] != ']') {
				if (s[k] == '\\' && k + 1 < e && s[k + 1] == ']')
					k++;
				text_buf_add(&b, s + k, 1);
				k++;
			}
			if (k < e && tag && g->ntags < GIFT_MAX_TAGS) {
				const char *t = import_text_buf(g->c, &b);
				if (t)
					g->tags[g->ntags++] = t;
			} else if (k < e && id && g->nids++ == 0) {
				g->first_id = i;
			}
			text_buf_free(&b);
			i = k;
		}
	}
}

/* The category of "$CATEGORY: PATH" as a tag: the path without a context
 * ("$course$/") and "top", each "//" (a '/' in a name) as '/'. */
static void read_category(struct gift *g, size_t from, size_t to)
{
	const char *s = g->s;
	gift_trim(s, &from, &to);
	if (from < to && s[from] == '$') {
		size_t k = from + 1;
		while (k < to && s[k] != '$' && s[k] != '/')
			k++;
		if (k + 1 < to && s[k] == '$' && s[k + 1] == '/')
			from = k + 2;
	}
	if (to - from >= 3 && memcmp(s + from, "top", 3) == 0 && (to - from == 3 || s[from + 3] == '/'))
		from += to - from == 3 ? 3 : 4;
	struct text_buf b = {0};
	for (size_t i = from; i < to; i++) {
		if (s[i] == '/' && i + 1 < to && s[i + 1] == '/')
			i++;
		text_buf_add(&b, s + i, 1);
	}
	g->category = import_text_buf(g->c, &b);
	text_buf_free(&b);
}

/* Reads the question in s[from..to) (comments blanked, not empty). */
static void read_question(struct gift *g, size_t from, size_t to)
{
	const char *s = g->s;
	struct import_ctx *c = g->c;
	size_t start = from;
	import_here(c, start);
	if (to - from >= 2 && s[from] == ':' && s[from + 1] == ':') {
		size_t end = gift_find(s, from + 2, to, "::");
		if (end == to) {
			import_skip(c, from, "its title '::...' is never closed with '::'");
			return;
		}
		if (g->ntitles++ == 0)
			g->first_title = from;
		from = end + 2;
	}
	size_t open = gift_find(s, from, to, "{"), close = gift_find(s, from, to, "}");
	if (open == to && close == to) {
		import_skip(c, start, "a description (text with no answer block {...}) asks nothing");
		return;
	}
	if (close < open) {
		import_skip(c, close, "a '}' with no '{' before it (write \\} for the character)");
		return;
	}
	if (close == to) {
		import_skip(c, open, "this '{' is never closed with '}' (write \\{ for the character)");
		return;
	}
	size_t inner = gift_find(s, open + 1, close, "{");
	if (inner < close) {
		import_skip(c, inner, "a '{' inside an answer block (write \\{ for the character)");
		return;
	}
	size_t again = gift_find(s, close + 1, to, "{"), stray = gift_find(s, close + 1, to, "}");
	if (again < to || stray < to) {
		import_skip(c, again < stray ? again : stray,
		            "a second answer block: a question has one (is a blank line missing before the next question?)");
		return;
	}
	/* The text, with the block taken out, or a blank where it stood. */
	size_t after = close + 1, after_end = to;
	gift_trim(s, &after, &after_end);
	struct gift_question q = {
		.text_from = from, .open = open, .close = close,
		.blank = after < after_end, .start = start, .end = to,
	};
	size_t tf = from;
	q.format = gift_read_format(s, &tf, open, GIFT_MOODLE);
	q.text_from = tf;
	gift_read_answers(g, &q);
}

/* The prompt of q: its text, with ___ where the answer block stood when
 * text follows it. */
const char *gift_prompt(struct gift *g, const struct gift_question *q)
{
	struct text_buf b = {0};
	size_t to = q->open;
	if (q->blank) {
		/* the whole text, the block as a blank, read as one */
		struct text_buf raw = {0};
		text_buf_add(&raw, g->s + q->text_from, q->open - q->text_from);
		text_buf_puts(&raw, "___");
		text_buf_add(&raw, g->s + q->close + 1, q->end - q->close - 1);
		struct gift sub = *g;
		sub.s = raw.s ? raw.s : "";
		gift_text_buf(&sub, &b, 0, raw.len, q->format);
		g->dropped = sub.dropped;
		if (raw.failed)
			b.failed = true;
		text_buf_free(&raw);
	} else {
		gift_text_buf(g, &b, q->text_from, to, q->format);
	}
	const char *t = import_text_buf(g->c, &b);
	text_buf_free(&b);
	return t;
}

/* Reads one block of lines, buf[from..to): a category, a question, or
 * both. */
static void read_block(struct gift *g, size_t from, size_t to)
{
	g->ntags = 0;
	comment_tags(g, from, to);
	size_t a = from, e = to;
	gift_trim(g->s, &a, &e);
	if (a == e)
		return;  /* comments only */
	if (e - a >= 10 && memcmp(g->s + a, "$CATEGORY:", 10) == 0) {
		size_t pos = a;
		struct import_line l;
		import_next_line(g->s, e, &pos, &l);
		read_category(g, a + 10, l.end);
		a = pos;
		gift_trim(g->s, &a, &e);
		if (a == e)
			return;
	}
	g->end = e;
	read_question(g, a, e);
}

int import_gift_parse(struct import_ctx *c, const char *buf, size_t len)
{
	if (import_check_text(c, buf, len) != 0)
		return -1;
	char *clean = malloc(len + 1);
	if (!clean) {
		import_nomem(c);
		return -1;
	}
	memcpy(clean, buf, len);
	clean[len] = '\0';
	struct gift g = { .c = c, .buf = buf, .s = clean, .len = len };
	/* Comment lines blanked (offsets kept), then blocks split at blank
	 * lines. */
	size_t pos = import_bom(buf, len);
	memset(clean, ' ', pos);
	struct import_line l;
	size_t block = pos;
	bool open = false;
	while (import_next_line(buf, len, &pos, &l) && !import_out_of_memory(c)) {
		size_t a = l.start, e = l.end;
		text_trim_span(buf, &a, &e);
		if (e - a >= 2 && buf[a] == '/' && buf[a + 1] == '/')
			memset(clean + l.start, ' ', l.end - l.start);
		if (a == e) {
			if (open)
				read_block(&g, block, l.start);
			open = false;
		} else if (!open) {
			open = true;
			block = l.start;
		}
	}
	if (open && !import_out_of_memory(c))
		read_block(&g, block, len);
	if (g.ntitles) {
		import_here(c, g.first_title);
		import_warn_at(c, g.first_title, "question titles (::title::) left out (%zu question%s had one): "
		               "a deck question has none", g.ntitles, g.ntitles == 1 ? "" : "s");
	}
	if (g.nids) {
		import_here(c, g.first_id);
		import_warn_at(c, g.first_id, "Moodle ids ([id:...]) left out (%zu): ids come from the questions' content",
		               g.nids);
	}
	free(clean);
	return import_out_of_memory(c) ? -1 : 0;
}
