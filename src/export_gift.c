/* export_gift — questions written in GIFT, Moodle's question text (see
 * import_gift.c), so that import_gift reads them back as they were:
 *
 *     // [tag:geography]
 *     What is the capital of France? {
 *     	=Paris
 *     	~Lyon
 *     	####The explanation, as general feedback.
 *     }
 *
 * choice as '=' and '~' options, multi as weighted options (each right one
 * 100/R %, each wrong one -100/R %, as recall scores them), truefalse as
 * {TRUE} or {FALSE}, text as short answers {=a =b}, number as {#A},
 * {#A:TOLERANCE} or {#MIN..MAX}, match as {=left -> right}.  A prompt
 * holding one "___" with text after it gets its answer block there (a
 * missing word).  The special characters are escaped; text that Moodle's
 * default format would change (HTML, runs of spaces) is marked [plain].
 */
#include "export.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- text ------------------------------------------------------------- */

/* True when import_gift, reading s in Moodle's default format, would
 * change it: HTML markup or references, tabs, runs of spaces, spaces at a
 * line's ends, more than one blank line. */
static bool changes(const char *s)
{
	if (!s)
		return false;
	for (const char *p = s; *p; p++) {
		if (*p == '<' || *p == '&' || *p == '\t')
			return true;
		if (*p == ' ' && (p[1] == ' ' || p[1] == '\n' || p == s || p[-1] == '\n'))
			return true;
		if (*p == '\n' && p[1] == '\n' && p[2] == '\n')
			return true;
	}
	return false;
}

static bool any_changes(const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (changes(v[i]))
			return true;
	return false;
}

/* Adds s[0..n) with GIFT's special characters escaped, a line break as \n. */
static void escaped(struct text_buf *out, const char *s, size_t n)
{
	size_t start = 0;
	for (size_t i = 0; i < n; i++) {
		char ch = s[i];
		if (!strchr("~=#{}:\\\n", ch) || !ch)
			continue;
		text_buf_add(out, s + start, i - start);
		text_buf_puts(out, ch == '\n' ? "\\n" : "\\");
		if (ch != '\n')
			text_buf_add(out, &ch, 1);
		start = i + 1;
	}
	text_buf_add(out, s + start, n - start);
}

/* Adds a text of the question: escaped, and after its format's name when
 * it starts with '[' (which would read as a format) or, for the text of
 * the question, with "//" (a comment). */
static void text(struct text_buf *out, const char *s, const char *format)
{
	if (s[0] == '[' || (s[0] == '/' && s[1] == '/'))
		text_buf_printf(out, "[%s]", format);
	escaped(out, s, strlen(s));
}

/* A number written so that it reads back as the same double. */
static void put_number(struct text_buf *out, double x)
{
	char b[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(b, sizeof b, "%.*g", prec, x == 0 ? 0.0 : x);
		if (strtod(b, NULL) == x)
			break;
	}
	text_buf_puts(out, b);
}

/* An option's text after its mark: a text starting with a weight ("%50%")
 * gets an explicit one before it, which import_gift reads first. */
static void option(struct text_buf *out, bool in_line, const char *mark, const char *weight, const char *s,
                   const char *format)
{
	text_buf_printf(out, "%s%s", in_line ? " " : "\t", mark);
	if (weight)
		text_buf_puts(out, weight);
	else if (s[0] == '%')
		text_buf_puts(out, mark[0] == '=' && mark[1] == '\0' ? "" : "%0%");
	text(out, s, format);
	if (!in_line)
		text_buf_puts(out, "\n");
}

/* ---- numbers ---------------------------------------------------------- */

/* The tolerance t written for a range answer ± t, or -1 when the range is
 * not one. */
static double tolerance(const struct question *q)
{
	double t = q->number - q->min;
	if (!(t >= 0) || q->number + t != q->max)
		return -1;
	char b[40];
	for (int prec = 1; prec <= 17; prec++) {
		snprintf(b, sizeof b, "%.*g", prec, t);
		double s = strtod(b, NULL);
		if (q->number - s == q->min && q->number + s == q->max)
			return s;
	}
	return t;
}

unsigned export_gift_drops(const struct question *q)
{
	unsigned lost = 0;
	if (q->type == Q_NUMBER) {
		if (q->unit)
			lost |= EXPORT_UNIT;
		if (tolerance(q) < 0 && q->min + (q->max - q->min) / 2 != q->number)
			lost |= EXPORT_OFF_MIDDLE;
	}
	if (q->type == Q_TEXT && q->exact)
		lost |= EXPORT_EXACT;
	return lost;
}

/* ---- a question ----------------------------------------------------------- */

/* Why q cannot be written, or NULL. */
static const char *cannot(const struct question *q)
{
	switch (q->type) {
	case Q_ORDER:
		return "GIFT has no order questions";
	case Q_CARD:
		return "GIFT has no flashcards";
	case Q_TEXT:
		for (size_t i = 0; i < q->naccept; i++)
			if (strstr(q->accept[i], "->"))
				return "an answer holds '->', which GIFT reads as a matching pair";
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->nchoices; i++)
			if (strstr(q->choices[i], "->"))
				return "a left item holds '->', which GIFT reads as the pair's arrow";
		break;
	default:
		break;
	}
	for (size_t i = 0; i < q->ntags; i++) {
		const char *t = q->tags[i];
		size_t n = strlen(t);
		if (strpbrk(t, "\n\t"))
			return "a tag holds a line break or a tab, which a GIFT comment cannot";
		if (n && t[n - 1] == '\\')
			return "a tag ends with a backslash, which GIFT reads as escaping its ']'";
	}
	return NULL;
}

/* The answer block of q: one answer a line, or all on one (in_line, in
 * the place of a missing word). */
static void block(struct text_buf *out, const struct question *q, const char *format, bool in_line)
{
	const char *open = in_line ? "{" : "{\n";
	switch (q->type) {
	case Q_CHOICE:
		text_buf_puts(out, open);
		for (size_t i = 0; i < q->nchoices; i++)
			option(out, in_line, i == q->correct ? "=" : "~", NULL, q->choices[i], format);
		break;
	case Q_MULTI: {
		size_t nright = 0;
		for (size_t i = 0; i < q->nchoices; i++)
			nright += (q->correct >> i) & 1ul;
		char right[40], wrong[40];
		snprintf(right, sizeof right, "%%%.7g%%", 100.0 / (double)nright);
		snprintf(wrong, sizeof wrong, "%%-%.7g%%", 100.0 / (double)nright);
		text_buf_puts(out, open);
		for (size_t i = 0; i < q->nchoices; i++)
			option(out, in_line, "~", (q->correct >> i) & 1ul ? right : wrong, q->choices[i], format);
		break;
	}
	case Q_TRUEFALSE:
		text_buf_puts(out, q->truth ? "{TRUE" : "{FALSE");
		break;
	case Q_TEXT:
		text_buf_puts(out, open);
		for (size_t i = 0; i < q->naccept; i++)
			option(out, in_line, "=", q->accept[i][0] == '%' ? "%100%" : NULL, q->accept[i], format);
		break;
	case Q_NUMBER: {
		text_buf_puts(out, "{#");
		double t = tolerance(q);
		if (t == 0) {
			put_number(out, q->number);
		} else if (t > 0) {
			put_number(out, q->number);
			text_buf_puts(out, ":");
			put_number(out, t);
		} else {
			put_number(out, q->min);
			text_buf_puts(out, "..");
			put_number(out, q->max);
		}
		break;
	}
	case Q_MATCH:
		text_buf_puts(out, open);
		for (size_t i = 0; i < q->nchoices; i++) {
			text_buf_puts(out, in_line ? " =" : "\t=");
			text(out, q->choices[i], format);
			text_buf_puts(out, " -> ");
			escaped(out, q->rights[i], strlen(q->rights[i]));
			if (!in_line)
				text_buf_puts(out, "\n");
		}
		break;
	case Q_ORDER:
	case Q_CARD:
	case Q_NTYPES:
		break;
	}
	if (q->explanation) {
		bool lines = out->len && out->s[out->len - 1] == '\n';
		text_buf_puts(out, lines ? "\t####" : in_line && q->type != Q_NUMBER && q->type != Q_TRUEFALSE ? " ####" : "####");
		text(out, q->explanation, format);
		if (lines)
			text_buf_puts(out, "\n");
	}
	text_buf_puts(out, "}");
}

const char *export_gift_question(struct text_buf *out, const struct question *q, char *why, size_t size)
{
	(void)why;
	(void)size;
	const char *no = cannot(q);
	if (no)
		return no;
	for (size_t i = 0; i < q->ntags; i++) {
		text_buf_puts(out, "// [tag:");
		for (const char *p = q->tags[i]; *p; p++)
			text_buf_puts(out, *p == ']' ? "\\]" : (char[2]){ *p, 0 });
		text_buf_puts(out, "]\n");
	}
	/* Moodle's default format, or plain when that would change a text */
	bool plain = changes(q->prompt) || changes(q->explanation) ||
	             ((q->type == Q_CHOICE || q->type == Q_MULTI || q->type == Q_MATCH) &&
	              any_changes(q->choices, q->nchoices)) ||
	             (q->type == Q_TEXT && any_changes(q->accept, q->naccept));
	const char *format = plain ? "plain" : "moodle";
	if (plain)
		text_buf_puts(out, "[plain]");
	/* a blank with text after it: the answer block goes there */
	const char *blank = strstr(q->prompt, "___");
	if (blank && (strstr(blank + 3, "___") || !blank[3 + strspn(blank + 3, " \t\n")]))
		blank = NULL;
	if (blank) {
		size_t before = (size_t)(blank - q->prompt);
		if (!plain && (q->prompt[0] == '[' || (q->prompt[0] == '/' && q->prompt[1] == '/')))
			text_buf_puts(out, "[moodle]");
		escaped(out, q->prompt, before);
		block(out, q, format, true);
		escaped(out, blank + 3, strlen(blank + 3));
	} else {
		if (plain)
			escaped(out, q->prompt, strlen(q->prompt));
		else
			text(out, q->prompt, format);
		text_buf_puts(out, " ");
		block(out, q, format, false);
	}
	text_buf_puts(out, "\n\n");
	return NULL;
}
