/* Unit tests of qtype.c: the table of question types has a row for every
 * type, with its name, its fields and its functions, and the core looks
 * types up there. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "deck.h"
#include "qtype.h"

/* Every value of enum qtype has its own row, which says it is that type. */
static void test_every_type_has_a_row(void)
{
	for (int t = 0; t < Q_NTYPES; t++) {
		const struct qtype_row *row = qtype_get((enum qtype)t);
		CHECK(row != NULL);
		if (row)
			CHECK(row->type == (enum qtype)t);
	}
	CHECK(qtype_get(Q_NTYPES) == NULL);
	CHECK(qtype_get((enum qtype)-1) == NULL);
}

/* Names are distinct, and name and row go back and forth, also through the
 * deck_type_ wrappers. */
static void test_names_round_trip(void)
{
	for (int t = 0; t < Q_NTYPES; t++) {
		const struct qtype_row *row = qtype_get((enum qtype)t);
		CHECK(row->name && row->name[0]);
		CHECK(qtype_find(row->name) == row);
		CHECK_STR(deck_type_name((enum qtype)t), row->name);
		CHECK(deck_type_parse(row->name) == t);
		for (int u = 0; u < t; u++)
			CHECK(strcmp(qtype_get((enum qtype)u)->name, row->name) != 0);
	}
	CHECK(qtype_find("Choice") == NULL);
	CHECK(qtype_find("") == NULL);
	CHECK(deck_type_parse("quiz") == -1);
	CHECK(deck_type_name(Q_NTYPES) == NULL);
}

/* The names as decks write them, and the learners' names. */
static void test_names(void)
{
	CHECK_STR(qtype_get(Q_CHOICE)->name, "choice");
	CHECK_STR(qtype_get(Q_TRUEFALSE)->name, "truefalse");
	CHECK_STR(qtype_get(Q_CARD)->name, "card");
	CHECK_STR(qtype_get(Q_TRUEFALSE)->label, "true or false");
	CHECK_STR(qtype_get(Q_CARD)->label, "flashcard");
	for (int t = 0; t < Q_NTYPES; t++)
		CHECK(qtype_get((enum qtype)t)->label && qtype_get((enum qtype)t)->label[0]);
	char b[160];
	CHECK_STR(qtype_list(b, sizeof b), "choice, multi, truefalse, number, text, order, match, card");
	CHECK_STR(qtype_list(b, 10), "choice, m");
}

/* Each row has its functions, and lists its prompt field (and back field)
 * among its fields; only a row with nothing beyond those has no loader. */
static void test_rows_have_their_functions(void)
{
	for (int t = 0; t < Q_NTYPES; t++) {
		const struct qtype_row *row = qtype_get((enum qtype)t);
		CHECK(row->check != NULL);
		CHECK(row->format != NULL);
		CHECK(row->describe != NULL);
		CHECK(row->fields != NULL && row->fields[0] != NULL);
		size_t n = 0;
		bool prompt = false, back = !row->back_field;
		for (const char *const *f = row->fields; *f; f++, n++) {
			prompt = prompt || strcmp(*f, row->prompt_field) == 0;
			back = back || strcmp(*f, row->back_field) == 0;
		}
		CHECK(prompt);
		CHECK(back);
		CHECK(row->load != NULL || n == (row->back_field ? 2u : 1u));
	}
	CHECK(qtype_get(Q_CARD)->load == NULL);
	CHECK_STR(qtype_get(Q_CARD)->prompt_field, "front");
	CHECK_STR(qtype_get(Q_CARD)->back_field, "back");
}

/* Which types a session shows options for, and which it must scramble. */
static void test_shown(void)
{
	CHECK(qtype_get(Q_CHOICE)->shown == QTYPE_SHOWN_OPTIONAL);
	CHECK(qtype_get(Q_MULTI)->shown == QTYPE_SHOWN_OPTIONAL);
	CHECK(qtype_get(Q_ORDER)->shown == QTYPE_SHOWN_SCRAMBLED);
	CHECK(qtype_get(Q_MATCH)->shown == QTYPE_SHOWN_SCRAMBLED);
	CHECK(qtype_get(Q_TRUEFALSE)->shown == QTYPE_SHOWN_NONE);
	CHECK(qtype_get(Q_NUMBER)->shown == QTYPE_SHOWN_NONE);
	CHECK(qtype_get(Q_TEXT)->shown == QTYPE_SHOWN_NONE);
	CHECK(qtype_get(Q_CARD)->shown == QTYPE_SHOWN_NONE);
}

/* answer_check and answer_format go through the row: a question of an
 * unknown type is wrong and has no answer to write. */
static void test_lookups_go_through_the_table(void)
{
	struct question q = {0};
	struct response r = {0};
	struct verdict v;
	q.type = Q_TRUEFALSE;
	q.truth = true;
	r.truth = true;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_CORRECT);
	char *s = answer_format(&q);
	CHECK_STR(s, "true");
	free(s);
	q.type = Q_NTYPES;
	answer_check(&q, &r, &v);
	CHECK(v.outcome == OUT_WRONG);
	s = answer_format(&q);
	CHECK_STR(s, "");
	free(s);
	s = answer_describe(&q, &r);
	CHECK_STR(s, "");
	free(s);
}

int main(void)
{
	RUN(test_every_type_has_a_row);
	RUN(test_names_round_trip);
	RUN(test_names);
	RUN(test_rows_have_their_functions);
	RUN(test_shown);
	RUN(test_lookups_go_through_the_table);
	return check_done();
}
