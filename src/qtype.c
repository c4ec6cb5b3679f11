/* qtype — the one table of question types; see qtype.h. */
#include "qtype.h"

#include <stdio.h>
#include <string.h>

static const char *const choice_fields[] = { "prompt", "choices", "answer", "shuffle", NULL };
static const char *const truefalse_fields[] = { "prompt", "answer", NULL };
static const char *const number_fields[] = { "prompt", "answer", "tolerance", "min", "max", "unit", NULL };
static const char *const text_fields[] = { "prompt", "answer", "exact", NULL };
static const char *const order_fields[] = { "prompt", "items", NULL };
static const char *const match_fields[] = { "prompt", "pairs", NULL };
static const char *const card_fields[] = { "front", "back", NULL };

static const struct qtype_row rows[Q_NTYPES] = {
	[Q_CHOICE] = {
		Q_CHOICE, "choice", "multiple choice", "prompt", NULL, choice_fields,
		deck_load_choice, answer_check_choice, answer_format_choice, answer_describe_choice,
		QTYPE_SHOWN_OPTIONAL,
	},
	[Q_MULTI] = {
		Q_MULTI, "multi", "several right answers", "prompt", NULL, choice_fields,
		deck_load_multi, answer_check_multi, answer_format_multi, answer_describe_multi,
		QTYPE_SHOWN_OPTIONAL,
	},
	[Q_TRUEFALSE] = {
		Q_TRUEFALSE, "truefalse", "true or false", "prompt", NULL, truefalse_fields,
		deck_load_truefalse, answer_check_truefalse, answer_format_truefalse,
		answer_describe_truefalse, QTYPE_SHOWN_NONE,
	},
	[Q_NUMBER] = {
		Q_NUMBER, "number", "number", "prompt", NULL, number_fields,
		deck_load_number, answer_check_number, answer_format_number, answer_describe_typed,
		QTYPE_SHOWN_NONE,
	},
	[Q_TEXT] = {
		Q_TEXT, "text", "typed answer", "prompt", NULL, text_fields,
		deck_load_text, answer_check_text, answer_format_text, answer_describe_typed,
		QTYPE_SHOWN_NONE,
	},
	[Q_ORDER] = {
		Q_ORDER, "order", "put in order", "prompt", NULL, order_fields,
		deck_load_order, answer_check_order, answer_format_order, answer_describe_order,
		QTYPE_SHOWN_SCRAMBLED,
	},
	[Q_MATCH] = {
		Q_MATCH, "match", "matching pairs", "prompt", NULL, match_fields,
		deck_load_match, answer_check_match, answer_format_match, answer_describe_match,
		QTYPE_SHOWN_SCRAMBLED,
	},
	[Q_CARD] = {
		Q_CARD, "card", "flashcard", "front", "back", card_fields,
		NULL, answer_check_card, answer_format_card, answer_describe_card,
		QTYPE_SHOWN_NONE,
	},
};

const struct qtype_row *qtype_get(enum qtype t)
{
	return (unsigned)t < Q_NTYPES ? &rows[t] : NULL;
}

const struct qtype_row *qtype_find(const char *name)
{
	for (size_t i = 0; i < Q_NTYPES; i++)
		if (strcmp(name, rows[i].name) == 0)
			return &rows[i];
	return NULL;
}

char *qtype_list(char *buf, size_t size)
{
	size_t used = 0;
	if (size == 0)
		return buf;
	buf[0] = '\0';
	for (size_t i = 0; i < Q_NTYPES && used < size; i++) {
		int n = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", rows[i].name);
		if (n < 0)
			break;
		used += (size_t)n;
	}
	return buf;
}
