/* export_anki — questions written as Anki notes in plain text, the file
 * Anki's File > Import reads (and import_anki reads back):
 *
 *     #separator:tab
 *     #html:false
 *     #notetype column:1
 *     #tags column:4
 *     Basic	Andrey Rudenko	Russia's Deputy Foreign Minister	people
 *     Cloze	{{c1::Paris}} is the capital of France.	On the Seine.	geography
 *
 * A card is a Basic note; a text question a Cloze note when its prompt
 * holds one "[...]" (the blank, filled with its answer; the explanation as
 * Back Extra), else a "Basic (type in the answer)" note.  Other questions
 * become Basic notes with the answer written out on the back: Anki has no
 * choice, number, order or matching questions.  Fields are quoted as
 * Anki's CSV has them; tags cannot hold white space in Anki, so a space
 * in a tag is written '_'.
 */
#include "export.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "csv.h"
#include "number.h"

void export_anki_begin(struct text_buf *out)
{
	text_buf_puts(out, "#separator:tab\n#html:false\n#notetype column:1\n#tags column:4\n");
}

/* Where the blank of a text question that can be a Cloze note is, or
 * NULL: one "[...]" in its prompt, no cloze syntax around, and an answer
 * that cannot end the deletion early. */
static const char *cloze_blank(const struct question *q)
{
	if (q->type != Q_TEXT)
		return NULL;
	const char *b = strstr(q->prompt, "[...]"), *a = q->accept[0];
	if (!b || strstr(b + 5, "[...]") || strstr(q->prompt, "{{") || strstr(a, "::") || strstr(a, "}}") ||
	    strstr(a, "{{") || a[strlen(a) - 1] == '}')
		return NULL;
	return b;
}

unsigned export_anki_drops(const struct question *q)
{
	unsigned lost = 0;
	bool cloze = cloze_blank(q) != NULL;
	if (q->explanation && !cloze)
		lost |= EXPORT_EXPLANATION;
	if (q->type == Q_TEXT && q->naccept > 1)
		lost |= EXPORT_MORE_ANSWERS;
	if (q->type == Q_TEXT && q->exact)
		lost |= EXPORT_EXACT;
	if (q->type != Q_TEXT && q->type != Q_CARD)
		lost |= EXPORT_TYPE;
	return lost;
}

static void field(struct text_buf *out, const char *s)
{
	text_buf_puts(out, "\t");
	csv_write_field(out, s, '\t');
}

/* The options of a choice or multi question under its prompt. */
static void with_options(struct text_buf *b, const struct question *q)
{
	text_buf_puts(b, q->prompt);
	text_buf_puts(b, "\n");
	for (size_t i = 0; i < q->nchoices; i++)
		text_buf_printf(b, "\n- %s", q->choices[i]);
}

/* The right answer of q, written out, into b. */
static void answer(struct text_buf *b, const struct question *q)
{
	switch (q->type) {
	case Q_CHOICE:
		text_buf_puts(b, q->choices[q->correct]);
		break;
	case Q_MULTI:
		for (size_t i = 0, k = 0; i < q->nchoices; i++)
			if ((q->correct >> i) & 1ul)
				text_buf_printf(b, "%s%s", k++ ? "\n" : "", q->choices[i]);
		break;
	case Q_TRUEFALSE:
		text_buf_puts(b, q->truth ? "True" : "False");
		break;
	case Q_NUMBER:
		number_write(b, q->number);
		if (q->unit)
			text_buf_printf(b, " %s", q->unit);
		if (q->min != q->number || q->max != q->number) {
			double t = q->number - q->min;
			if (q->number + t == q->max) {
				text_buf_puts(b, " (\xc2\xb1");  /* ± */
				number_write(b, t);
			} else {
				text_buf_puts(b, " (");
				number_write(b, q->min);
				text_buf_puts(b, " to ");
				number_write(b, q->max);
			}
			text_buf_puts(b, ")");
		}
		break;
	case Q_ORDER:
		for (size_t i = 0; i < q->nchoices; i++)
			text_buf_printf(b, "%s%zu. %s", i ? "\n" : "", i + 1, q->choices[i]);
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->nchoices; i++)
			text_buf_printf(b, "%s%s \xe2\x86\x92 %s", i ? "\n" : "", q->choices[i], q->rights[i]);
		break;
	case Q_TEXT:
		text_buf_puts(b, q->accept[0]);
		break;
	case Q_CARD:
		text_buf_puts(b, q->back);
		break;
	case Q_NTYPES:
		break;
	}
}

const char *export_anki_question(struct text_buf *out, const struct question *q, char *why, size_t size)
{
	(void)why;
	(void)size;
	const char *blank = cloze_blank(q);
	struct text_buf front = {0}, back = {0};
	const char *type = "Basic";
	if (blank) {
		type = "Cloze";
		text_buf_add(&front, q->prompt, (size_t)(blank - q->prompt));
		text_buf_printf(&front, "{{c1::%s}}%s", q->accept[0], blank + 5);
		text_buf_puts(&back, q->explanation ? q->explanation : "");
	} else {
		if (q->type == Q_TEXT)
			type = "Basic (type in the answer)";
		if (q->type == Q_CHOICE || q->type == Q_MULTI)
			with_options(&front, q);
		else
			text_buf_puts(&front, q->prompt);
		answer(&back, q);
	}
	struct text_buf tags = {0};
	for (size_t i = 0; i < q->ntags; i++) {
		if (i)
			text_buf_puts(&tags, " ");
		for (const char *p = q->tags[i]; *p; p++)
			text_buf_add(&tags, *p == ' ' || *p == '\t' || *p == '\n' ? "_" : p, 1);
	}
	text_buf_puts(out, type);
	field(out, front.s ? front.s : "");
	field(out, back.s ? back.s : "");
	field(out, tags.s ? tags.s : "");
	text_buf_puts(out, "\n");
	if (front.failed || back.failed || tags.failed)
		out->failed = true;
	text_buf_free(&front);
	text_buf_free(&back);
	text_buf_free(&tags);
	return NULL;
}
