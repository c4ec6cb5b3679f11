/* Unit tests of the hascard importer (import_hascard.c) on the files of
 * tests/data/import/hascard/: every kind of card (definition, multiple
 * choice, multiple answer with '*' and 'x', open question with gaps and
 * alternatives, reorder), included files, escaped underscores, options
 * over several lines, and each way a card can be malformed (with its line
 * and column). */
#include <stdlib.h>

#include "check.h"
#include "import_util.h"
#include "text.h"

#define DIR "tests/data/import/hascard/"

static void test_cards(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "cards.md", NULL, &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0);
	CHECK(n.imported == 10 && n.skipped == 0 && n.by_type[Q_CARD] == 3 && n.by_type[Q_CHOICE] == 3 &&
	      n.by_type[Q_MULTI] == 1 && n.by_type[Q_TEXT] == 2 && n.by_type[Q_ORDER] == 1);
	/* definitions: cards, a body of '-' lines with no '*' among them */
	const struct question *q = by_prompt(deck, "ipRGC");
	CHECK(q && q->type == Q_CARD && !strcmp(q->back, "intrinsically photosensitive Retinal Ganglion Cell"));
	q = by_prompt(deck, "The visual system");
	CHECK(q && q->type == Q_CARD && strstr(q->back, "\n- An image-processing system.") != NULL);
	/* multiple choice */
	q = by_prompt(deck, "Peak intensity of photopic vision is at a wavelength of around");
	CHECK(q && q->type == Q_CHOICE && q->nchoices == 4 && !strcmp(right_of(q), "555 nm"));
	/* multiple answer: '*' and 'x' mark the right ones */
	q = by_prompt(deck, "Which of these are prime numbers?");
	CHECK(q && q->type == Q_MULTI && q->nchoices == 4 && q->correct == 5);
	/* open question: one question per gap, the other gaps filled */
	q = by_prompt(deck, "Fill in the gaps\nThe symbol \xe2\x82\xac is for the currency named ___, and is used in the EU.");
	CHECK(q && q->type == Q_TEXT && q->naccept == 1 && !strcmp(q->accept[0], "Euro"));
	q = by_prompt(deck, "Fill in the gaps\nThe symbol \xe2\x82\xac is for the currency named Euro, and is used in the ___.");
	CHECK(q && q->naccept == 2 && !strcmp(q->accept[1], "European Union"));
	/* reorder: the items in the order their numbers give */
	q = by_prompt(deck, "Order the letters in alphabetical order");
	CHECK(q && q->type == Q_ORDER && q->nchoices == 4 && !strcmp(q->choices[0], "l") && !strcmp(q->choices[3], "u"));
	/* an included file left out, said */
	q = by_prompt(deck, "What type of fruit is this?");
	CHECK(q && !strcmp(right_of(q), "Pear"));
	CHECK(diag_has(&d, DIR "cards.md:33:1: warning: files the cards open (![](...)) left out (1): a deck holds text"));
	/* \_ an underscore, no gap */
	q = by_prompt(deck, "snake_case");
	CHECK(q && q->type == Q_CARD && !strcmp(q->back, "A name written in lower case with words joined by _."));
	/* an option over two lines */
	q = by_prompt(deck, "A multiple-choice option");
	CHECK(q && !strcmp(q->choices[0], "over\n  two lines"));
	CHECK(d.n == 1);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_broken(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "broken.txt", "hascard", &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0 && n.imported == 1 && n.skipped == 8);
	static const char *const want[] = {
		"broken.txt:3:1: warning: question skipped: 2 options are marked right ('*'); a multiple-choice card has one",
		"broken.txt:6:1: warning: question skipped: a card starts with a header line, '# ' and its question",
		"broken.txt:8:1: warning: question skipped: a card starts with a header line",
		"broken.txt:13:1: warning: question skipped: the elements must be numbered 1 to 2, each once",
		"broken.txt:17:1: warning: question skipped: the elements must be numbered 1 to 2, each once",
		"broken.txt:21:1: warning: question skipped: an option must start '[*] ', '[x] ' or '[ ] '",
		"broken.txt:24:6: warning: question skipped: gap 1 is empty",
		"broken.txt:26:1: warning: question skipped: its back is empty",
	};
	CHECK(diag_missing(&d, want, sizeof want / sizeof want[0]) == 0);
	CHECK(d.n == sizeof want / sizeof want[0]);
	CHECK(by_prompt(deck, "A good card at last") != NULL);
	deck_free(deck);
	diag_free(&d);
}

static void test_text_cases(void)
{
	struct diags d = {0};
	int rc;
	/* CR LF and a byte order mark; a lone underscore: a definition;
	 * "---" inside a line is text; blank cards passed over */
	const char *text =
		"\xef\xbb\xbf---\r\n\r\n---\r\n"
		"#\tTabbed header\r\nsnake_case alone --- in a line\r\n---\r\n"
		"# Last\r\n1. only\r\n2. two\r\n";
	struct deck *deck = import_bytes("t.txt", text, strlen(text), "hascard", &d, &rc, NULL);
	CHECK(rc == 0 && d.n == 0 && deck && deck->nquestions == 2);
	const struct question *q = by_prompt(deck, "Tabbed header");
	CHECK(q && q->type == Q_CARD && !strcmp(q->back, "snake_case alone --- in a line"));
	q = by_prompt(deck, "Last");
	CHECK(q && q->type == Q_ORDER && q->nchoices == 2);
	deck_free(deck);
	diag_free(&d);
	const char bad[] = "# Caf\xe9\nx\n";
	deck = import_bytes("t.txt", bad, sizeof bad - 1, "hascard", &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, "t.txt:1:6: error: byte 0xE9 at offset 5 is not UTF-8"));
	deck_free(deck);
	diag_free(&d);
}

/* A card of more options than are kept is skipped, said where it
 * starts; so is an order of more elements. */
static void test_too_many(void)
{
	char buf[4096];
	size_t len = (size_t)snprintf(buf, sizeof buf, "# Many options\n");
	for (int i = 0; i < 65; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%s option %d\n", i ? "-" : "*", i);
	len += (size_t)snprintf(buf + len, sizeof buf - len, "---\n# Many elements\n");
	for (int i = 1; i <= 65; i++)
		len += (size_t)snprintf(buf + len, sizeof buf - len, "%d. element\n", i);
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_bytes("many.md", buf, len, "hascard", &d, &rc, &n);
	CHECK(n.imported == 0 && n.skipped == 2);
	CHECK(diag_has(&d, "many.md:2:1: warning: question skipped: it has more than 64 options"));
	CHECK(diag_has(&d, "warning: question skipped: it has more than 64 elements"));
	deck_free(deck);
	diag_free(&d);
}

static void test_detect(void)
{
	const char *a = "\n# Question\nanswer\n---\n# Another\n- a\n* b\n";
	CHECK_STR(import_detect("deck", a, strlen(a))->name, "hascard");
	const char *b = "# One card\nits back\n";
	CHECK_STR(import_detect("deck.md", b, strlen(b))->name, "hascard");
	CHECK(import_detect("deck", b, strlen(b)) == NULL);
	const char *c = "Not a header\n---\n";
	CHECK(import_detect("deck", c, strlen(c)) == NULL);
}

int main(void)
{
	RUN(test_cards);
	RUN(test_broken);
	RUN(test_text_cases);
	RUN(test_too_many);
	RUN(test_detect);
	return check_done();
}
