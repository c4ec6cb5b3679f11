/* Unit tests of the exporters (export.c, export_aiken.c, export_csv.c):
 * what each format writes, what it leaves out and says so, and round
 * trips: a deck exported and imported again gives back the same
 * questions, for every type the format holds. */
#include <stdlib.h>

#include "check.h"
#include "export.h"
#include "import_util.h"

/* A deck with a question of every type. */
#define EVERY_TYPE "tests/data/basic.json"

#define HEAD "{\"format\": \"recall-deck/1\", \"id\": \"x\", \"title\": \"X\", \"questions\": [\n"
#define TAIL "\n]}"

static struct deck *load(const char *text)
{
	struct diags d = {0};
	struct deck *deck = deck_load_buffer("src.json", text, strlen(text), &d);
	if (!deck)
		diag_show(&d);
	diag_free(&d);
	return deck;
}

/* The deck exported in format, with its warnings in d. */
static char *export_one(const char *format, struct deck *deck, struct diags *d, struct export_counts *n)
{
	struct deck *v[1] = { deck };
	return export_decks(export_format_find(format), v, 1, d, n);
}

static bool same_list(const char *const *a, const char *const *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(a[i], b[i]) != 0)
			return false;
	return true;
}

static bool same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

/* True when a and b hold the same questions in the same order (ids
 * aside: an import makes its own); their explanations and tags too when
 * keeps says the format keeps them. */
static bool same_questions(const struct deck *a, const struct deck *b, unsigned keeps)
{
	if (a->nquestions != b->nquestions) {
		printf("  %zu questions, then %zu\n", a->nquestions, b->nquestions);
		return false;
	}
	for (size_t i = 0; i < a->nquestions; i++) {
		const struct question *p = &a->questions[i], *q = &b->questions[i];
		bool same = p->type == q->type && !strcmp(p->prompt, q->prompt) && p->nchoices == q->nchoices &&
		            p->correct == q->correct && p->truth == q->truth && same_list(p->choices, q->choices, p->nchoices);
		if (same && p->type == Q_MATCH)
			same = same_list(p->rights, q->rights, p->nchoices);
		if (same && p->type == Q_TEXT)
			same = p->naccept == q->naccept && same_list(p->accept, q->accept, p->naccept);
		if (same && p->type == Q_NUMBER)
			same = p->number == q->number && p->min == q->min && p->max == q->max;
		if (same && p->type == Q_CARD)
			same = !strcmp(p->back, q->back);
		if (same && (keeps & EXPORT_EXPLANATION))
			same = same_text(p->explanation, q->explanation);
		if (same && (keeps & EXPORT_TAGS))
			same = p->ntags == q->ntags && same_list(p->tags, q->tags, p->ntags);
		if (!same) {
			printf("  question %zu differs: '%s' / '%s'\n", i + 1, p->prompt, q->prompt);
			return false;
		}
	}
	return true;
}

/* Exports src in format, imports the text again, compares; then once
 * more, which must give the same bytes.  The import warns of nothing but
 * the questions left out and, when note is not NULL, note. */
static void round_trip(const char *format, const char *src_json, size_t want_left_out, const char *note)
{
	struct deck *src = load(src_json);
	CHECK(src != NULL);
	if (!src)
		return;
	struct diags d = {0};
	struct export_counts n;
	char *text = export_one(format, src, &d, &n);
	CHECK(text && n.written == src->nquestions - want_left_out && n.left_out == want_left_out);
	int rc;
	struct deck *back = text ? import_bytes("exported", text, strlen(text), format, &d, &rc, NULL) : NULL;
	CHECK(back && rc == 0 && d.nerrors == 0);
	size_t want = want_left_out + (note != NULL);
	if (d.nwarnings != want)
		diag_show(&d);
	CHECK(d.nwarnings == want);
	CHECK(!note || diag_has(&d, note));
	/* what was written comes back, in order */
	if (back && want_left_out == 0)
		CHECK(same_questions(src, back, export_format_find(format)->keeps));
	CHECK(written_errors(back) == 0);
	/* and a second trip changes nothing at all */
	char *again = back ? export_one(format, back, &d, &n) : NULL;
	CHECK(text && again && !strcmp(text, again));
	struct deck *back2 = again ? import_bytes("again", again, strlen(again), format, &d, &rc, NULL) : NULL;
	char *j1 = back ? deck_write_json(back) : NULL, *j2 = back2 ? deck_write_json(back2) : NULL;
	CHECK(j1 && j2 && !strcmp(j1, j2));  /* ids too */
	free(j1);
	free(j2);
	free(text);
	free(again);
	deck_free(src);
	deck_free(back);
	deck_free(back2);
	diag_free(&d);
}

static void test_aiken_round_trip(void)
{
	round_trip("aiken", HEAD
		"{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"Capital of France?\", \"choices\": [\"Lyon\", \"Paris\", \"Nice\"], \"answer\": \"Paris\"},\n"
		"{\"id\": \"b\", \"type\": \"choice\", \"prompt\": \"Over\\ntwo lines, \\\"quoted\\\": ünïcödé?\", \"choices\": [\"A. not an option\", \"ANSWER: no\"], \"answer\": \"ANSWER: no\"},\n"
		"{\"id\": \"c\", \"type\": \"truefalse\", \"prompt\": \"True?\", \"answer\": true},\n"
		"{\"id\": \"d\", \"type\": \"truefalse\", \"prompt\": \"False?\", \"answer\": false},\n"
		"{\"id\": \"e\", \"type\": \"choice\", \"prompt\": \"Twenty-six options\", \"choices\": [\"a\",\"b\",\"c\",\"d\",\"e\",\"f\",\"g\",\"h\",\"i\",\"j\",\"k\",\"l\",\"m\",\"n\",\"o\",\"p\",\"q\",\"r\",\"s\",\"t\",\"u\",\"v\",\"w\",\"x\",\"y\",\"z\"], \"answer\": \"z\"}"
		TAIL, 0, NULL);
}

static void test_csv_round_trip(void)
{
	round_trip("csv", HEAD
		"{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"Capital of France?\", \"choices\": [\"Lyon\", \"Paris\", \"Nice\"], \"answer\": \"Paris\"},\n"
		"{\"id\": \"b\", \"type\": \"multi\", \"prompt\": \"Commas, \\\"quotes\\\"\\nand lines?\", \"choices\": [\"a,b\", \"\\\"c\\\"\", \"d\\ne\", \"f\"], \"answer\": [\"a,b\", \"d\\ne\"]},\n"
		"{\"id\": \"c\", \"type\": \"truefalse\", \"prompt\": \"True?\", \"answer\": true},\n"
		"{\"id\": \"d\", \"type\": \"truefalse\", \"prompt\": \"False?\", \"answer\": false},\n"
		"{\"id\": \"e\", \"type\": \"multi\", \"prompt\": \"All four\", \"choices\": [\"1\", \"2\", \"3\", \"4\"], \"answer\": [\"1\", \"2\", \"3\", \"4\"]},\n"
		"{\"id\": \"f\", \"type\": \"choice\", \"prompt\": \"; semicolons; first\", \"choices\": [\"x;y\", \"z\"], \"answer\": \"z\"}"
		TAIL, 0, "exported:2:37: warning: time limits left out (6 questions had one): a deck has none");
}

static void test_gift_round_trip(void)
{
	round_trip("gift", HEAD
		"{\"id\": \"a\", \"type\": \"choice\", \"prompt\": \"Capital of France?\", \"choices\": [\"Lyon\", \"Paris\", \"Nice\"], \"answer\": \"Paris\", \"explanation\": \"On the Seine.\", \"tags\": [\"geo\", \"a ] bracket\", \"a \\\\ backslash\"]},\n"
		"{\"id\": \"b\", \"type\": \"choice\", \"prompt\": \"Escapes: ~ = # { } : \\\\ and\\na line break?\", \"choices\": [\"=a\", \"~b\", \"#c\", \"{d}\", \"e: f\", \"%50% g\", \"[html]h\", \"i -> j\"], \"answer\": \"%50% g\", \"explanation\": \"[plain] starts it\"},\n"
		"{\"id\": \"c\", \"type\": \"multi\", \"prompt\": \"Which are prime?\", \"choices\": [\"2\", \"3\", \"4\", \"5\", \"%7\"], \"answer\": [\"2\", \"3\", \"5\"]},\n"
		"{\"id\": \"d\", \"type\": \"multi\", \"prompt\": \"One right in a multi\", \"choices\": [\"x\", \"y\"], \"answer\": [\"y\"]},\n"
		"{\"id\": \"e\", \"type\": \"truefalse\", \"prompt\": \"True?\", \"answer\": true, \"explanation\": \"It is.\"},\n"
		"{\"id\": \"f\", \"type\": \"truefalse\", \"prompt\": \"False?\", \"answer\": false},\n"
		"{\"id\": \"g\", \"type\": \"text\", \"prompt\": \"Who wrote Hamlet?\", \"answer\": [\"Shakespeare\", \"%William\", \"W. = S.\"], \"explanation\": \"In 1600.\"},\n"
		"{\"id\": \"h\", \"type\": \"text\", \"prompt\": \"Two plus ___ equals four.\", \"answer\": [\"two\", \"2\"], \"explanation\": \"Arithmetic.\"},\n"
		"{\"id\": \"i\", \"type\": \"text\", \"prompt\": \"A blank at the end: ___\", \"answer\": \"end\"},\n"
		"{\"id\": \"j\", \"type\": \"number\", \"prompt\": \"How many?\", \"answer\": 26},\n"
		"{\"id\": \"k\", \"type\": \"number\", \"prompt\": \"Pi?\", \"answer\": 3.14, \"tolerance\": 0.005, \"explanation\": \"Roughly.\"},\n"
		"{\"id\": \"l\", \"type\": \"number\", \"prompt\": \"From 1 to 5?\", \"answer\": 3, \"min\": 1, \"max\": 5},\n"
		"{\"id\": \"m\", \"type\": \"number\", \"prompt\": \"Negative and small\", \"answer\": -1.5e-7, \"tolerance\": 1e-9},\n"
		"{\"id\": \"n\", \"type\": \"match\", \"prompt\": \"Match the pairs.\", \"pairs\": [[\"cat\", \"kitten -> young\"], [\"dog\", \"[puppy]\"], [\"cow # =\", \"calf\"]], \"explanation\": \"Young ones.\"},\n"
		"{\"id\": \"o\", \"type\": \"choice\", \"prompt\": \"[html] at the start, 3 < 5 & <b>plain</b>,  two  spaces\", \"choices\": [\"<i>a</i>\", \"b\"], \"answer\": \"b\"},\n"
		"{\"id\": \"p\", \"type\": \"choice\", \"prompt\": \"// not a comment\", \"choices\": [\"a\", \"b\"], \"answer\": \"a\"},\n"
		"{\"id\": \"q\", \"type\": \"truefalse\", \"prompt\": \"::not a title:: $CATEGORY: not one either\", \"answer\": true},\n"
		"{\"id\": \"r\", \"type\": \"text\", \"prompt\": \"Grant is ___ in Grant's tomb, <b>plainly</b>.\", \"answer\": \"entombed\"},\n"
		"{\"id\": \"s\", \"type\": \"choice\", \"prompt\": \"Blank lines\\n\\n\\nthree of them\", \"choices\": [\"T\", \"F\"], \"answer\": \"T\"}"
		TAIL, 0, NULL);
}

static void test_gift_loses(void)
{
	struct deck *deck = load(HEAD
		"{\"id\": \"u\", \"type\": \"number\", \"prompt\": \"How far?\", \"answer\": 5, \"unit\": \"km\"},\n"
		"{\"id\": \"v\", \"type\": \"number\", \"prompt\": \"Off the middle\", \"answer\": 2, \"min\": 1, \"max\": 5},\n"
		"{\"id\": \"w\", \"type\": \"text\", \"prompt\": \"Exactly\", \"answer\": \"Case\", \"exact\": true},\n"
		"{\"id\": \"x\", \"type\": \"text\", \"prompt\": \"Arrow\", \"answer\": \"a -> b\"},\n"
		"{\"id\": \"y\", \"type\": \"match\", \"prompt\": \"Arrow left\", \"pairs\": [[\"a -> b\", \"c\"], [\"d\", \"e\"]]},\n"
		"{\"id\": \"z\", \"type\": \"choice\", \"prompt\": \"Tab tag\", \"choices\": [\"a\", \"b\"], \"answer\": \"a\", \"tags\": [\"a\\tb\"]}"
		TAIL);
	CHECK(deck != NULL);
	if (!deck)
		return;
	struct diags d = {0};
	struct export_counts n;
	char *text = export_one("gift", deck, &d, &n);
	CHECK(n.written == 3 && n.left_out == 3);
	CHECK(diag_has(&d, "warning: units of 1 question left out: the gift format has no place for them"));
	CHECK(diag_has(&d, "warning: right answers off the middle of their range of 1 question left out: "
	                   "the gift format gives the middle of a range as its answer"));
	CHECK(diag_has(&d, "warning: exact answer checks of 1 question left out: the gift format ignores case in typed answers"));
	CHECK(diag_has(&d, "question 4 (id 'x', text) left out: an answer holds '->', which GIFT reads as a matching pair"));
	CHECK(diag_has(&d, "question 5 (id 'y', match) left out: a left item holds '->'"));
	CHECK(diag_has(&d, "question 6 (id 'z', choice) left out: a tag holds a line break or a tab"));
	CHECK_STR(text, "How far? {#5}\n\nOff the middle {#1..5}\n\nExactly {\n\t=Case\n}\n\n");
	free(text);
	diag_free(&d);
	deck_free(deck);
}

static void test_anki_round_trip(void)
{
	round_trip("anki", HEAD
		"{\"id\": \"a\", \"type\": \"card\", \"front\": \"Andrey Rudenko\", \"back\": \"Russia's Deputy Foreign Minister\", \"tags\": [\"people\", \"a::b\"]},\n"
		"{\"id\": \"b\", \"type\": \"card\", \"front\": \"Tabs\\tquotes \\\"here\\\"\\nand lines, <b>not HTML</b> &amp;\", \"back\": \"\\\"quoted\\\" back\"},\n"
		"{\"id\": \"c\", \"type\": \"text\", \"prompt\": \"[...] is the capital of France.\", \"answer\": \"Paris\", \"explanation\": \"On the Seine.\", \"tags\": [\"geo\"]},\n"
		"{\"id\": \"d\", \"type\": \"text\", \"prompt\": \"Spanish for thank you?\", \"answer\": \"gracias\"},\n"
		"{\"id\": \"e\", \"type\": \"text\", \"prompt\": \"A cloze [...] without explanation\", \"answer\": \"here\"},\n"
		"{\"id\": \"f\", \"type\": \"card\", \"front\": \"# not a comment\", \"back\": \"{{c1::not a cloze}}\"},\n"
		"{\"id\": \"g\", \"type\": \"text\", \"prompt\": \"Two blanks [...] and [...]\", \"answer\": \"typed\"}"
		TAIL, 0, NULL);
}

static void test_anki_loses(void)
{
	struct diags d = {0};
	struct deck *deck = deck_load(EVERY_TYPE, &d);
	CHECK(deck != NULL);
	if (!deck)
		return;
	struct export_counts n;
	char *text = export_one("anki", deck, &d, &n);
	CHECK(n.written == 8 && n.left_out == 0);
	CHECK(diag_has(&d, "warning: question types of 6 questions left out: the anki format has them as flashcards "
	                   "with the answer written out"));
	CHECK(diag_has(&d, "warning: accepted answers after the first of 1 question left out: the anki format takes one typed answer"));
	CHECK(diag_has(&d, "warning: explanations of 2 questions left out: the anki format has no place for them"));
	CHECK_STR(text, "#separator:tab\n#html:false\n#notetype column:1\n#tags column:4\n"
	                "Basic\t\"Which is second?\n\n- one\n- two\n- three\"\ttwo\tnumbers\n"
	                "Basic\t\"Which are even?\n\n- 2\n- 3\n- 4\n- 5\"\t\"2\n4\"\tnumbers\n"
	                "Basic\tThe sky is green.\tFalse\tfacts\n"
	                "Basic\tHow many were killed?\t26 people\tnumbers\n"
	                "Basic (type in the answer)\tNear which meadow?\tBaisaran Meadow\tplaces\n"
	                "Basic\tPut these in order.\t\"1. first\n2. second\n3. third\"\t\n"
	                "Basic\tMatch the pairs.\t\"cat \xe2\x86\x92 kitten\ndog \xe2\x86\x92 puppy\ncow \xe2\x86\x92 calf\"\t\n"
	                "Basic\tAndrey Rudenko\tRussia's Deputy Foreign Minister\t\n");
	free(text);
	diag_free(&d);
	deck_free(deck);
	deck = load(HEAD
		"{\"id\": \"r\", \"type\": \"number\", \"prompt\": \"Range\", \"answer\": 2, \"min\": 1, \"max\": 5, \"tags\": [\"with space\"]},\n"
		"{\"id\": \"t\", \"type\": \"number\", \"prompt\": \"Tolerance\", \"answer\": 2.5, \"tolerance\": 0.5}"
		TAIL);
	text = deck ? export_one("anki", deck, &d, &n) : NULL;
	CHECK(text && strstr(text, "Basic\tRange\t2 (1 to 5)\twith_space\n") &&
	      strstr(text, "Basic\tTolerance\t2.5 (\xc2\xb1" "0.5)\t\n"));
	free(text);
	diag_free(&d);
	deck_free(deck);
}


static void test_left_out(void)
{
	struct diags d = {0};
	struct deck *deck = deck_load(EVERY_TYPE, &d);
	CHECK(deck && deck->nquestions == 8);
	struct export_counts n;
	char *text = deck ? export_one("aiken", deck, &d, &n) : NULL;
	CHECK(text && n.written == 2 && n.left_out == 6);
	CHECK(n.left_by_type[Q_MULTI] == 1 && n.left_by_type[Q_CARD] == 1);
	CHECK(diag_has(&d, EVERY_TYPE ": warning: question 2 (id 'm', multi) left out: "
	                   "Aiken holds only choice and truefalse questions"));
	CHECK(diag_has(&d, EVERY_TYPE ": warning: question 6 (id 'o', order) left out:"));
	CHECK(diag_has(&d, EVERY_TYPE ": warning: explanations of 1 question left out: the aiken format has no place for them"));
	CHECK(diag_has(&d, EVERY_TYPE ": warning: tags of 2 questions left out:"));
	CHECK(diag_has(&d, EVERY_TYPE ": warning: hints of 1 question left out:"));
	CHECK(diag_has(&d, EVERY_TYPE ": warning: sources of 1 question left out:"));
	CHECK_STR(text, "Which is second?\nA. one\nB. two\nC. three\nANSWER: B\n\n"
	                "The sky is green.\nA. True\nB. False\nANSWER: B\n\n");
	free(text);
	diag_free(&d);

	text = deck ? export_one("csv", deck, &d, &n) : NULL;
	CHECK(text && n.written == 3 && n.left_out == 5);
	CHECK(diag_has(&d, EVERY_TYPE ": warning: question 4 (id 'n', number) left out: "
	                   "the CSV holds only choice, multi and truefalse questions"));
	CHECK_STR(text, "Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)\r\n"
	                "Which is second?,one,two,three,,20,2\r\n"
	                "Which are even?,2,3,4,5,20,\"1,3\"\r\n"
	                "The sky is green.,True,False,,,20,2\r\n");
	free(text);
	diag_free(&d);
	deck_free(deck);
}

static void test_cannot_hold(void)
{
	struct deck *deck = load(HEAD
		"{\"id\": \"blank\", \"type\": \"choice\", \"prompt\": \"A blank\\n\\nline\", \"choices\": [\"a\", \"b\"], \"answer\": \"a\"},\n"
		"{\"id\": \"opt\", \"type\": \"choice\", \"prompt\": \"Text\\nA. like an option\", \"choices\": [\"a\", \"b\"], \"answer\": \"a\"},\n"
		"{\"id\": \"ans\", \"type\": \"choice\", \"prompt\": \"ANSWER: first\", \"choices\": [\"a\", \"b\"], \"answer\": \"a\"},\n"
		"{\"id\": \"nl\", \"type\": \"choice\", \"prompt\": \"Fine\", \"choices\": [\"a\\nb\", \"c\"], \"answer\": \"c\"},\n"
		"{\"id\": \"five\", \"type\": \"choice\", \"prompt\": \"Five\", \"choices\": [\"a\", \"b\", \"c\", \"d\", \"e\"], \"answer\": \"e\"}"
		TAIL);
	CHECK(deck != NULL);
	if (!deck)
		return;
	struct diags d = {0};
	struct export_counts n;
	char *text = export_one("aiken", deck, &d, &n);
	CHECK(n.written == 1 && n.left_out == 4);
	CHECK(diag_has(&d, "question 1 (id 'blank', choice) left out: its prompt has a blank line, which ends a question in Aiken"));
	CHECK(diag_has(&d, "question 2 (id 'opt', choice) left out: a line of its prompt reads as an option ('A. ...')"));
	CHECK(diag_has(&d, "question 3 (id 'ans', choice) left out: a line of its prompt starts with 'ANSWER:'"));
	CHECK(diag_has(&d, "question 4 (id 'nl', choice) left out: an option holds a line break, which Aiken cannot"));
	free(text);
	diag_free(&d);
	text = export_one("csv", deck, &d, &n);
	CHECK(n.written == 4 && n.left_out == 1);
	CHECK(diag_has(&d, "question 5 (id 'five', choice) left out: it has 5 options; the CSV has room for 4"));
	free(text);
	diag_free(&d);
	deck_free(deck);
}

static void test_table(void)
{
	char list[100];
	CHECK_STR(export_format_list(list, sizeof list), "aiken, csv, gift, anki");
	CHECK(export_format_find("csv") == export_format_get(1));
	CHECK(export_format_find("moodle") == NULL);
	CHECK(export_format_get(4) == NULL);
	/* every format written out can be read back in */
	for (size_t i = 0; export_format_get(i); i++)
		CHECK(import_format_find(export_format_get(i)->name) != NULL);
}

int main(void)
{
	RUN(test_table);
	RUN(test_aiken_round_trip);
	RUN(test_csv_round_trip);
	RUN(test_gift_round_trip);
	RUN(test_gift_loses);
	RUN(test_anki_round_trip);
	RUN(test_anki_loses);
	RUN(test_left_out);
	RUN(test_cannot_hold);
	return check_done();
}
