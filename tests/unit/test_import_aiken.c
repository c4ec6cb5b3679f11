/* Unit tests of the Aiken importer (import_aiken.c) on the files of
 * tests/data/import/aiken/: every form of option and answer line, prompts
 * over several lines, true/false, a byte order mark and CR LF, each way a
 * question can be malformed (with its line and column), and a file that is
 * not UTF-8. */
#include <stdlib.h>

#include "check.h"
#include "import_util.h"
#include "text.h"

#define DIR "tests/data/import/aiken/"

static void test_basic(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "basic.txt", "aiken", &d, &rc, &n);
	CHECK(rc == 0 && d.n == 0);
	CHECK(n.imported == 6 && n.skipped == 0 && n.by_type[Q_CHOICE] == 4 && n.by_type[Q_TRUEFALSE] == 2);
	const struct question *q = by_prompt(deck, "What is the capital of France?");
	CHECK(q && q->nchoices == 3 && !strcmp(right_of(q), "Paris") && !strcmp(q->choices[2], "Marseille"));
	/* "A)" as well as "A." */
	q = by_prompt(deck, "Which planet is known as the Red Planet?");
	CHECK(q && q->nchoices == 4 && !strcmp(right_of(q), "Mars") && !strcmp(q->choices[3], "Saturn"));
	/* a question over two lines */
	q = by_prompt(deck, "A question whose text\nruns over two lines: which is even?");
	CHECK(q && !strcmp(right_of(q), "8"));
	/* options True and False: a truefalse question */
	q = by_prompt(deck, "Water boils at 100 \xc2\xb0" "C at sea level.");
	CHECK(q && q->type == Q_TRUEFALSE && q->truth);
	q = by_prompt(deck, "The Moon is a planet.");
	CHECK(q && q->type == Q_TRUEFALSE && !q->truth);
	/* lower-case letters */
	q = by_prompt(deck, "Lower-case letters and a lower-case answer line work too.");
	CHECK(q && !strcmp(right_of(q), "first"));
	/* questions keep the file's order, and options theirs */
	CHECK(deck && !strcmp(deck->questions[0].prompt, "What is the capital of France?"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_bom_crlf(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "crlf-bom.txt", "aiken", &d, &rc, NULL);
	CHECK(rc == 0 && d.n == 0 && deck && deck->nquestions == 2);
	const struct question *q = by_prompt(deck, "Which is a prime?");
	CHECK(q && !strcmp(right_of(q), "7"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_broken(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "broken.txt", "aiken", &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0);
	CHECK(n.imported == 1 && n.skipped == 9);
	static const char *const want[] = {
		DIR "broken.txt:1:1: warning: question skipped: no 'ANSWER: ...' line after its options",
		DIR "broken.txt:8:9: warning: question skipped: the answer D is not one of its options (A to B)",
		DIR "broken.txt:12:1: warning: question skipped: option C comes where B was expected",
		DIR "broken.txt:15:1: warning: question skipped: it has one option; a question needs at least 2",
		DIR "broken.txt:19:1: warning: question skipped: 'ANSWER:' with no question before it",
		DIR "broken.txt:23:1: warning: question skipped: expected option B or 'ANSWER: ...' here",
		DIR "broken.txt:30:9: warning: question skipped: 'ANSWER:' must be followed by one option's letter",
		DIR "broken.txt:37:1: warning: question skipped: 'same' is among its options twice",
		DIR "broken.txt:42:1: warning: question skipped: the file ends before its 'ANSWER: ...' line",
	};
	CHECK(diag_missing(&d, want, sizeof want / sizeof want[0]) == 0);
	CHECK(d.n == sizeof want / sizeof want[0]);
	/* the question after them all is read */
	const struct question *q = by_prompt(deck, "A good question at last");
	CHECK(q && !strcmp(right_of(q), "yes"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_not_utf8(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "latin1.txt", "aiken", &d, &rc, NULL);
	CHECK(rc == -1);
	CHECK(diag_has(&d, DIR "latin1.txt:1:4: error: byte 0xE9 at offset 3 is not UTF-8; save the file as UTF-8"));
	deck_free(deck);
	diag_free(&d);
	const char nul[] = "Q?\nA. a\0b\nB. c\nANSWER: A\n";
	deck = import_bytes("n.txt", nul, sizeof nul - 1, "aiken", &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, "n.txt:2:5: error: a NUL byte: this is not a text file"));
	deck_free(deck);
	diag_free(&d);
}

static void test_text_cases(void)
{
	struct diags d = {0};
	int rc;
	const char *text =
		"  Spaces around the text are trimmed  \t\n"
		"A.   first option  \n"
		"B)\tsecond option\n"
		"\n"
		"ANSWER:B\n"
		"\n\n\n"
		"B. A first line that looks like an option is the text\n"
		"C. and so is a later line, not being option A\n"
		"A. one\n"
		"B. two\n"
		"  answer:   a  \n"
		"A lone CR\rends a line too\rA. x\rB. y\rANSWER: B\r";
	struct deck *deck = import_bytes("c.txt", text, strlen(text), "aiken", &d, &rc, NULL);
	CHECK(rc == 0 && d.n == 0 && deck && deck->nquestions == 3);
	if (!deck || deck->nquestions != 3)
		diag_show(&d);
	const struct question *q = by_prompt(deck, "Spaces around the text are trimmed");
	CHECK(q && !strcmp(q->choices[0], "first option") && !strcmp(right_of(q), "second option"));
	q = by_prompt(deck, "B. A first line that looks like an option is the text\n"
	                    "C. and so is a later line, not being option A");
	CHECK(q && !strcmp(right_of(q), "one"));
	q = by_prompt(deck, "A lone CR\nends a line too");
	CHECK(q && !strcmp(right_of(q), "y"));
	deck_free(deck);
	diag_free(&d);
}

static void test_many_options(void)
{
	/* 26 options, A to Z, fit; the prompt may run over many lines */
	struct text_buf b = {0};
	for (int i = 0; i < 80; i++)
		text_buf_printf(&b, "line %d of the text\n", i + 1);
	for (int i = 0; i < 26; i++)
		text_buf_printf(&b, "%c. option %c\n", 'A' + i, 'a' + i);
	text_buf_puts(&b, "ANSWER: Z\n");
	struct diags d = {0};
	int rc;
	struct deck *deck = import_bytes("m.txt", b.s, b.len, "aiken", &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 1);
	if (deck && deck->nquestions == 1) {
		const struct question *q = &deck->questions[0];
		CHECK(q->nchoices == 26 && !strcmp(right_of(q), "option z"));
		CHECK(strncmp(q->prompt, "line 1 of the text\nline 2", 25) == 0);
		CHECK(strstr(q->prompt, "\nline 80 of the text") != NULL);
	}
	CHECK(written_errors(deck) == 0);
	text_buf_free(&b);
	deck_free(deck);
	diag_free(&d);
}

int main(void)
{
	RUN(test_basic);
	RUN(test_bom_crlf);
	RUN(test_broken);
	RUN(test_not_utf8);
	RUN(test_text_cases);
	RUN(test_many_options);
	return check_done();
}
