/* answer_format — writing right answers and responses out as text; see
 * answer.h (answer_format, answer_describe).
 *
 * Both look the question's type up in the table (qtype.h) and hand over to
 * the writer of its row, all of which are here.
 */
#include "answer.h"

#include <string.h>

#include "number.h"
#include "qtype.h"
#include "text.h"
#include "verdict.h"

#define ARROW " \xE2\x86\x92 " /* " → " */

static const char *option(const struct question *q, size_t i)
{
	return q->choices && i < q->nchoices && q->choices[i] ? q->choices[i] : "?";
}

static const char *right_side(const struct question *q, size_t i)
{
	return q->rights && i < q->nchoices && q->rights[i] ? q->rights[i] : "?";
}

/* The options whose bits are set in bits, joined by ", ". */
static void sb_options(struct text_buf *b, const struct question *q, unsigned long bits)
{
	bool first = true;
	bits &= answer_choice_mask(q->nchoices);
	for (size_t i = 0; i < q->nchoices && i < sizeof bits * 8; i++) {
		if (!((bits >> i) & 1UL))
			continue;
		if (!first)
			text_buf_puts(b, ", ");
		text_buf_puts(b, option(q, i));
		first = false;
	}
}

void answer_format_choice(struct text_buf *b, const struct question *q)
{
	if (q->correct < q->nchoices)
		text_buf_puts(b, option(q, (size_t)q->correct));
}

void answer_format_multi(struct text_buf *b, const struct question *q)
{
	sb_options(b, q, q->correct);
}

void answer_format_truefalse(struct text_buf *b, const struct question *q)
{
	text_buf_puts(b, q->truth ? "true" : "false");
}

void answer_format_number(struct text_buf *b, const struct question *q)
{
	number_write(b, q->number);
	if (q->unit) {
		text_buf_puts(b, " ");
		text_buf_puts(b, q->unit);
	}
	if (q->min != q->number || q->max != q->number) {
		text_buf_puts(b, " (between ");
		number_write(b, q->min);
		text_buf_puts(b, " and ");
		number_write(b, q->max);
		text_buf_puts(b, ")");
	}
}

void answer_format_text(struct text_buf *b, const struct question *q)
{
	if (q->accept && q->naccept > 0)
		text_buf_puts(b, q->accept[0]);
}

void answer_format_order(struct text_buf *b, const struct question *q)
{
	for (size_t i = 0; i < q->nchoices; i++) {
		text_buf_printf(b, "%s%zu. ", i ? "; " : "", i + 1);
		text_buf_puts(b, option(q, i));
	}
}

void answer_format_match(struct text_buf *b, const struct question *q)
{
	for (size_t i = 0; i < q->nchoices; i++) {
		if (i)
			text_buf_puts(b, "; ");
		text_buf_puts(b, option(q, i));
		text_buf_puts(b, ARROW);
		text_buf_puts(b, right_side(q, i));
	}
}

void answer_format_card(struct text_buf *b, const struct question *q)
{
	text_buf_puts(b, q->back);
}

void answer_describe_choice(struct text_buf *b, const struct question *q, const struct response *r)
{
	if (r->choice < q->nchoices)
		text_buf_puts(b, option(q, r->choice));
}

void answer_describe_multi(struct text_buf *b, const struct question *q, const struct response *r)
{
	sb_options(b, q, r->selected);
}

void answer_describe_truefalse(struct text_buf *b, const struct question *q, const struct response *r)
{
	(void)q;
	text_buf_puts(b, r->truth ? "true" : "false");
}

void answer_describe_typed(struct text_buf *b, const struct question *q, const struct response *r)
{
	(void)q;
	if (r->text) {
		size_t s = 0, e = strlen(r->text);
		text_trim_span(r->text, &s, &e);
		text_buf_add(b, r->text + s, e - s);
	}
}

void answer_describe_order(struct text_buf *b, const struct question *q, const struct response *r)
{
	for (size_t i = 0; r->order && i < q->nchoices; i++) {
		if (i)
			text_buf_puts(b, "; ");
		text_buf_puts(b, option(q, r->order[i]));
	}
}

void answer_describe_match(struct text_buf *b, const struct question *q, const struct response *r)
{
	for (size_t i = 0; i < q->nchoices; i++) {
		if (i)
			text_buf_puts(b, "; ");
		text_buf_puts(b, option(q, i));
		text_buf_puts(b, ARROW);
		if (r->match && r->match[i] < q->nchoices)
			text_buf_puts(b, right_side(q, r->match[i]));
		else
			text_buf_puts(b, "(none)");
	}
}

void answer_describe_card(struct text_buf *b, const struct question *q, const struct response *r)
{
	(void)q;
	text_buf_puts(b, verdict_rating_name(r->rating));
}

char *answer_format(const struct question *q)
{
	struct text_buf b = {0};
	const struct qtype_row *row = q ? qtype_get(q->type) : NULL;
	if (row)
		row->format(&b, q);
	return text_buf_finish(&b);
}

char *answer_describe(const struct question *q, const struct response *r)
{
	struct text_buf b = {0};
	const struct qtype_row *row = q && r ? qtype_get(q->type) : NULL;
	if (row)
		row->describe(&b, q, r);
	return text_buf_finish(&b);
}
