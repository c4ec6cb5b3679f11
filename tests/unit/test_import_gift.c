/* Unit tests of the GIFT importer (import_gift.c, import_gift_answers.c)
 * on the files of tests/data/import/gift/: every kind of question (multiple
 * choice, multiple answers with weights, true/false in its four spellings,
 * short answer, numerical in its three forms and with several answers,
 * matching, missing word), titles, comments, categories and tags, feedback,
 * each escape, the text formats, essays and descriptions, and each way a
 * question can be malformed (with its line and column). */
#include <stdlib.h>

#include "check.h"
#include "import_util.h"
#include "text.h"

#define DIR "tests/data/import/gift/"

static struct deck *gift(const char *text, struct diags *d, int *rc, struct import_counts *n)
{
	return import_bytes("t.gift", text, strlen(text), "gift", d, rc, n);
}

static bool has_tag(const struct question *q, const char *tag)
{
	return q && deck_has_tag(q, tag);
}

static void test_kinds(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "kinds.gift", NULL, &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0);
	CHECK(n.imported == 14 && n.skipped == 2);
	CHECK(n.by_type[Q_CHOICE] == 3 && n.by_type[Q_MULTI] == 1 && n.by_type[Q_TRUEFALSE] == 4 &&
	      n.by_type[Q_TEXT] == 2 && n.by_type[Q_NUMBER] == 3 && n.by_type[Q_MATCH] == 1);
	/* multiple choice, the options in their order */
	const struct question *q = by_prompt(deck, "What is the capital of France?");
	CHECK(q && q->nchoices == 3 && !strcmp(right_of(q), "Paris") && !strcmp(q->choices[2], "Marseille"));
	CHECK(has_tag(q, "Geography/Capitals") && q->ntags == 1);
	/* feedback: the general one first, then each answer's */
	q = by_prompt(deck, "Which planet is known as the Red Planet?");
	CHECK(q && !strcmp(right_of(q), "Mars"));
	CHECK_STR(q ? q->explanation : NULL, "Mars looks red from its rusty dust.\n"
	                                     "Venus: No, Venus is yellowish.\nMars: Yes: iron oxide.");
	/* weights: the positive ones right, the negative ones wrong */
	q = by_prompt(deck, "Which of these are prime numbers?");
	CHECK(q && q->type == Q_MULTI && q->nchoices == 4 && q->correct == 3);
	/* true/false, four spellings, with the feedback for each answer */
	q = by_prompt(deck, "The Sun is a star.");
	CHECK(q && q->type == Q_TRUEFALSE && q->truth);
	q = by_prompt(deck, "The Moon is a planet.");
	CHECK(q && q->type == Q_TRUEFALSE && !q->truth);
	CHECK_STR(q ? q->explanation : NULL, "True: No: it orbits the Earth.\nFalse: Right: it is a moon.");
	CHECK(has_tag(q, "space") && has_tag(q, "moons") && has_tag(q, "Geography/Capitals"));
	q = by_prompt(deck, "Is water wet?");
	CHECK(q && q->type == Q_TRUEFALSE && q->truth);
	q = by_prompt(deck, "Is fire cold?");
	CHECK(q && q->type == Q_TRUEFALSE && !q->truth);
	/* short answer: every accepted answer */
	q = by_prompt(deck, "Who wrote \"Hamlet\"?");
	CHECK(q && q->type == Q_TEXT && q->naccept == 3 && !strcmp(q->accept[2], "Will Shakespeare"));
	/* missing words */
	q = by_prompt(deck, "Two plus ___ equals four.");
	CHECK(q && q->type == Q_TEXT && q->naccept == 2 && !strcmp(q->accept[1], "2"));
	q = by_prompt(deck, "Grant is ___ in Grant's tomb.");
	CHECK(q && q->type == Q_CHOICE && !strcmp(right_of(q), "entombed"));
	/* numerical: a margin, a range, several answers */
	q = by_prompt(deck, "What is pi to two decimals?");
	CHECK(q && q->type == Q_NUMBER && q->number == 3.14 && q->min == 3.14 - 0.005 && q->max == 3.14 + 0.005);
	q = by_prompt(deck, "What is a number from 1 to 5?");
	CHECK(q && q->number == 3 && q->min == 1 && q->max == 5);
	q = by_prompt(deck, "When was Ulysses S. Grant born?");
	CHECK(q && q->number == 1822 && q->min == 1822 && q->max == 1822);
	CHECK_STR(q ? q->explanation : NULL, "1821:2: Close.\nOther answers: Look it up.");
	CHECK(diag_has(&d, DIR "kinds.gift:40: warning: answer '1821:2' (50% credit) left out: "
	                   "a number question's answer is right or wrong"));
	/* matching */
	q = by_prompt(deck, "Match each country with its capital.");
	CHECK(q && q->type == Q_MATCH && q->nchoices == 3 && !strcmp(q->choices[1], "Italy") &&
	      !strcmp(q->rights[1], "Rome"));
	/* titles, essays and descriptions said */
	CHECK(diag_has(&d, DIR "kinds.gift:4:1: warning: question titles (::title::) left out (4 questions had one)"));
	CHECK(diag_has(&d, DIR "kinds.gift:52:35: warning: question skipped: an essay (an empty answer block {}) "
	                   "has no answer to check"));
	CHECK(diag_has(&d, DIR "kinds.gift:54:1: warning: question skipped: a description (text with no answer "
	                   "block {...}) asks nothing"));
	CHECK(d.n == 4);
	if (d.n != 4)
		diag_show(&d);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_escapes_formats(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "escapes.gift", "gift", &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 8);
	/* \: \~ \= \# \{ \} in text and answers; \\ a backslash */
	const struct question *q = by_prompt(deck, "Escapes: a tilde ~, an equals sign =, a hash #, braces { and }.");
	CHECK(q && q->nchoices == 3 && !strcmp(right_of(q), "a ~ and = and # in an answer"));
	CHECK(q && !strcmp(q->choices[1], "and a colon: here") && !strcmp(q->choices[2], "a backslash \\ and a brace {}"));
	/* \n a line break; a backslash before anything else stays */
	q = by_prompt(deck, "A line break\nin the middle, and a \\(backslash) that escapes nothing.");
	CHECK(q && q->type == Q_TRUEFALSE);
	/* [html]: reduced to text, script left out; answers inherit it, and
	 * may name their own */
	q = by_prompt(deck, "Which element is a noble gas?");
	CHECK(q && !strcmp(right_of(q), "Neon") && q->nchoices == 3 && !strcmp(q->choices[2], "<b>not bold</b>"));
	CHECK_STR(q ? q->explanation : NULL, "Neon: Yes: \"Ne\".");
	/* [plain] and [markdown]: as written */
	CHECK(by_prompt(deck, "Is 3 < 5 & 5 > 3, written <b>plain</b>?") != NULL);
	CHECK(by_prompt(deck, "Is **this** markdown kept as written?") != NULL);
	/* Moodle's default format: tags and references go, line breaks stay */
	q = by_prompt(deck, "Line one of a Moodle text\nline two, tags gone and \xc3\xa9 decoded.");
	CHECK(q && q->type == Q_TEXT);
	/* a comment inside the answer block; a missing word over lines */
	q = by_prompt(deck, "Which is the ___ option?");
	CHECK(q && q->nchoices == 2 && !strcmp(right_of(q), "first"));
	/* an image left out, said; a tag with an escaped ']' */
	q = by_prompt(deck, "A picture: and a span.");
	CHECK(q && has_tag(q, "with ] bracket"));
	CHECK(diag_has(&d, DIR "escapes.gift:31: warning: 1 image (<img>) left out: a deck holds text"));
	CHECK(d.n == 2);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_broken(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "broken.gift", "gift", &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0 && n.imported == 1 && n.skipped == 17);
	static const char *const want[] = {
		"broken.gift:3:1: warning: question skipped: its title '::...' is never closed with '::'",
		"broken.gift:5:30: warning: question skipped: this '{' is never closed with '}' (write \\{ for the character)",
		"broken.gift:7:9: warning: question skipped: a '}' with no '{' before it (write \\} for the character)",
		"broken.gift:9:12: warning: question skipped: a '{' inside an answer block (write \\{ for the character)",
		"broken.gift:12:33: warning: question skipped: a second answer block: a question has one "
		"(is a blank line missing before the next question?)",
		"broken.gift:14:13: warning: question skipped: text before its first option ('=' or '~')",
		"broken.gift:16:22: warning: question skipped: 2 of its options are fully right, but a learner picks one",
		"broken.gift:18:21: warning: question skipped: none of its options has a positive weight",
		"broken.gift:20:25: warning: question skipped: its weight is not between -100% and 100%",
		"broken.gift:22:16: warning: question skipped: 'three' is not a number",
		"broken.gift:24:15: warning: question skipped: '1..x' is not a range of numbers (LOW..HIGH)",
		"broken.gift:26:16: warning: question skipped: '3:x' is not a number and its margin (NUMBER:MARGIN)",
		"broken.gift:28:21: warning: question skipped: the range '5..1' starts above its end",
		"broken.gift:30: warning: answer '3' (50% credit) left out",
		"broken.gift:30:23: warning: question skipped: none of its numbers has full credit",
		"broken.gift:32:35: warning: question skipped: a pair without '->' between its two items",
		"broken.gift:34:20: warning: question skipped: it gives no number",
		"broken.gift:36:1: warning: question skipped: its options number 2 is empty",
	};
	CHECK(diag_missing(&d, want, sizeof want / sizeof want[0]) == 0);
	CHECK(d.n == sizeof want / sizeof want[0]);
	CHECK(by_prompt(deck, "A good question at last") != NULL);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_categories(void)
{
	struct diags d = {0};
	int rc;
	const char *text =
		"\xef\xbb\xbf$CATEGORY: $course$/top\r\n"
		"Untagged? {T}\r\n"
		"\r\n"
		"$CATEGORY: top/Science//Nature/Birds\r\n"
		"\r\n"
		"// [tag:one][tag:two] [id:Q7]\r\n"
		"Birds? {=yes}\r\n"
		"\r\n"
		"$CATEGORY:Plain\n"
		"Plain? {F}\n";
	struct deck *deck = gift(text, &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 3);
	const struct question *q = by_prompt(deck, "Untagged?");
	CHECK(q && q->ntags == 0);
	q = by_prompt(deck, "Birds?");
	CHECK(q && q->ntags == 3 && !strcmp(q->tags[0], "Science/Nature/Birds") && !strcmp(q->tags[1], "one") &&
	      !strcmp(q->tags[2], "two"));
	q = by_prompt(deck, "Plain?");
	CHECK(q && q->ntags == 1 && !strcmp(q->tags[0], "Plain"));
	CHECK(diag_has(&d, "t.gift:6:23: warning: Moodle ids ([id:...]) left out (1): ids come from the questions' content"));
	CHECK(d.n == 1);
	deck_free(deck);
	diag_free(&d);
}

static void test_cases(void)
{
	struct diags d = {0};
	int rc;
	/* weights in a single-answer question; uneven weights; lower-case
	 * true; partial and wrong short answers; '*' and several numbers;
	 * extra right items in a matching question */
	const char *text =
		"Partial? {=full ~%50%half ~none}\n\n"
		"Uneven? {~%70%a ~%30%b ~c}\n\n"
		"Lower case? {true}\n\n"
		"Short? {=right =%50%half =%0%wrong#No.}\n\n"
		"Numbers? {#=5 =6 =%0%*#Anything else.}\n\n"
		"Pairs? {=a -> 1 =b -> 2 = -> 3}\n\n"
		"{=An answer block first} and text after it.\n";
	struct deck *deck = gift(text, &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 7);
	const struct question *q = by_prompt(deck, "Partial?");
	CHECK(q && q->type == Q_CHOICE && !strcmp(right_of(q), "full"));
	CHECK(diag_has(&d, "t.gift:1: warning: the partial credit of option 'half' (50%) left out: it counts as wrong"));
	q = by_prompt(deck, "Uneven?");
	CHECK(q && q->type == Q_MULTI && q->correct == 3);
	CHECK(diag_has(&d, "t.gift:3: warning: the different weights of its right options left out"));
	q = by_prompt(deck, "Lower case?");
	CHECK(q && q->type == Q_TRUEFALSE && q->truth);
	q = by_prompt(deck, "Short?");
	CHECK(q && q->type == Q_TEXT && q->naccept == 1 && !strcmp(q->accept[0], "right"));
	CHECK_STR(q ? q->explanation : NULL, "wrong: No.");
	CHECK(diag_has(&d, "t.gift:7: warning: answer 'half' (50% credit) left out: a typed answer is right or wrong"));
	q = by_prompt(deck, "Numbers?");
	CHECK(q && q->number == 5);
	CHECK_STR(q ? q->explanation : NULL, "*: Anything else.");
	CHECK(diag_has(&d, "t.gift:9: warning: answer '6' left out: a number question has one right answer"));
	q = by_prompt(deck, "Pairs?");
	CHECK(q && q->type == Q_MATCH && q->nchoices == 2);
	CHECK(diag_has(&d, "t.gift:11: warning: 1 extra right item (pairs with no left item) left out"));
	q = by_prompt(deck, "___ and text after it.");
	CHECK(q && q->type == Q_TEXT);
	CHECK(d.n == 5);
	if (d.n != 5)
		diag_show(&d);
	deck_free(deck);
	diag_free(&d);
}

static void test_detect(void)
{
	const char *a = "::Q1:: What? {=a ~b}\n\n::Q2:: Why? {T}\n";
	CHECK_STR(import_detect("quiz.txt", a, strlen(a))->name, "gift");
	const char *b = "// a comment\n$CATEGORY: x\n";
	CHECK_STR(import_detect("x", b, strlen(b))->name, "gift");
	const char *c = "What is two and two? {#4}\n";
	CHECK_STR(import_detect("x", c, strlen(c))->name, "gift");
	const char *e = "Nothing like it.\n";
	CHECK(import_detect("x.gift", e, strlen(e)) == import_format_find("gift"));
	CHECK(import_detect("x", e, strlen(e)) == NULL);
	/* Aiken stays Aiken */
	const char *f = "Q?\nA. {=a}\nB. b\nANSWER: A\n";
	CHECK_STR(import_detect("x.txt", f, strlen(f))->name, "aiken");
}

static void test_not_text(void)
{
	struct diags d = {0};
	int rc;
	const char bad[] = "Caf\xe9? {T}\n";
	struct deck *deck = gift(bad, &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, "t.gift:1:4: error: byte 0xE9 at offset 3 is not UTF-8"));
	deck_free(deck);
	diag_free(&d);
	const char nul[] = "Q? {T}\n\0";
	deck = import_bytes("t.gift", nul, sizeof nul - 1, "gift", &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, "t.gift:2:1: error: a NUL byte: this is not a text file"));
	deck_free(deck);
	diag_free(&d);
}

int main(void)
{
	RUN(test_kinds);
	RUN(test_escapes_formats);
	RUN(test_broken);
	RUN(test_categories);
	RUN(test_cases);
	RUN(test_detect);
	RUN(test_not_text);
	return check_done();
}
