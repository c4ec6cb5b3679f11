/* Unit tests of the Anki importer (import_anki.c, import_anki_cloze.c) on
 * the files of tests/data/import/anki/: each header line (#separator: in
 * every spelling, #html:, #tags:, #deck:, #notetype:, #columns:, the
 * guid, note type, deck and tags columns, one Anki does not write), each
 * note type (Basic, reversed, optional reversed, type in the answer,
 * Cloze with hints, nested and repeated deletions, Image Occlusion, one
 * not known), fields quoted as Anki's CSV has them, HTML, media, comments,
 * a file with no header, and a quote never closed (line and column). */
#include <stdlib.h>

#include "check.h"
#include "import_util.h"
#include "text.h"

#define DIR "tests/data/import/anki/"

static struct deck *anki(const char *text, struct diags *d, int *rc)
{
	return import_bytes("t.txt", text, strlen(text), "anki", d, rc, NULL);
}

/* The card whose front is front, or NULL. */
static const struct question *card(const struct deck *deck, const char *front)
{
	const struct question *q = by_prompt(deck, front);
	return q && q->type == Q_CARD ? q : NULL;
}

static bool tags_are(const struct question *q, const char *const *want, size_t n)
{
	if (!q || q->ntags != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (strcmp(q->tags[i], want[i]) != 0)
			return false;
	return true;
}

static void test_notes(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "notes.txt", NULL, &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0);
	CHECK(n.imported == 15 && n.skipped == 3 && n.by_type[Q_CARD] == 10 && n.by_type[Q_TEXT] == 5);
	/* Basic, HTML reduced; the deck a tag, then the tags column's */
	const struct question *q = card(deck, "What is the capital of France?");
	CHECK(q && !strcmp(q->back, "Paris"));
	CHECK(tags_are(q, (const char *const[]){ "Geography::Europe", "geography", "europe" }, 3));
	/* reversed: two cards */
	CHECK(card(deck, "chat") && card(deck, "cat") && !strcmp(card(deck, "cat")->back, "chat"));
	/* optional reversed: two when its third field says so, else one */
	CHECK(card(deck, "chien") && card(deck, "dog"));
	CHECK(card(deck, "oiseau") && !card(deck, "bird"));
	/* type in the answer: a text question; references decoded */
	q = by_prompt(deck, "Spanish for \"thank you\"?");
	CHECK(q && q->type == Q_TEXT && q->naccept == 1 && !strcmp(q->accept[0], "gracias"));
	/* Cloze: one question per number, hints, repeats joined, Back Extra */
	q = by_prompt(deck, "[...] is the capital of France.\nIt lies on the [...].");
	CHECK(q && q->type == Q_TEXT && !strcmp(q->accept[0], "Paris, Seine"));
	CHECK_STR(q ? q->explanation : NULL, "The Seine flows through Paris.");
	q = by_prompt(deck, "Paris is the capital of [a country].\nIt lies on the Seine.");
	CHECK(q && !strcmp(q->accept[0], "France"));
	/* nested deletions */
	q = by_prompt(deck, "The [...].");
	CHECK(q && !strcmp(q->accept[0], "mitochondria produce energy") && !q->explanation);
	q = by_prompt(deck, "The mitochondria [...] energy.");
	CHECK(q && !strcmp(q->accept[0], "produce"));
	/* a quoted field holding quotes, a tab and a line break */
	q = card(deck, "A field with \"quotes\", a tab and a line break\nin it over two lines");
	CHECK(q && !strcmp(q->back, "yes") && tags_are(q, (const char *const[]){ "Geography" }, 1));
	/* media left out */
	q = card(deck, "Who painted this?");
	CHECK(q && !strcmp(q->back, "Leonardo"));
	/* a note type not known: read as Basic; Anki's renamed copies known */
	CHECK(card(deck, "maison") && card(deck, "Renamed Basic?"));
	static const char *const want[] = {
		DIR "notes.txt:3: warning: the guid column (1) left out: ids come from the notes' content",
		DIR "notes.txt:16:1: warning: question skipped: an Image Occlusion note: its image is not in the file",
		DIR "notes.txt:17: warning: 1 image (<img>) left out: a deck holds text",
		DIR "notes.txt:17: warning: 1 sound ([sound:...]) left out: a deck holds text",
		DIR "notes.txt:18:1: warning: note type 'Vocabulary' is not one recall knows: its notes are read as Basic",
		DIR "notes.txt:19:1: warning: question skipped: its front is empty",
		DIR "notes.txt:20:28: warning: question skipped: a Cloze note without a cloze deletion ({{c1::...}})",
	};
	CHECK(diag_missing(&d, want, sizeof want / sizeof want[0]) == 0);
	CHECK(d.n == sizeof want / sizeof want[0]);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_comma_headers(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "comma.csv", NULL, &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 8);
	/* #notetype: for every note, #tags: and #deck: as tags; CR LF */
	const struct question *q = card(deck, "le chat");
	CHECK(q && !strcmp(q->back, "the cat"));
	CHECK(tags_are(q, (const char *const[]){ "vocab", "french", "French::Basics", "animals" }, 4));
	CHECK(card(deck, "the cat") != NULL);
	CHECK(card(deck, "la maison, grande") && card(deck, "the house, big"));
	/* #html:false: markup kept as written; comment lines passed over */
	q = card(deck, "<b>not</b> HTML");
	CHECK(q && !strcmp(q->back, "kept as written &amp; all"));
	/* a quote inside an unquoted field is a character, as Anki has it */
	CHECK(card(deck, "un \"mot\" entre guillemets") != NULL);
	CHECK(diag_has(&d, DIR "comma.csv:8:1: warning: the header line '#colour:' is not one Anki writes: left out"));
	CHECK(d.n == 1);
	deck_free(deck);
	diag_free(&d);
}

static void test_separators(void)
{
	static const char *const files[][3] = {
		{ DIR "pipe.txt", "one", "un" },
		{ DIR "semicolon.txt", "question", "answer" },
		{ DIR "space.txt", "goodbye", "au-revoir" },
		{ DIR "cards.txt", "What is 2+2?", "4" },
		{ DIR "noheader.txt", "two", "dos" },
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		struct diags d = {0};
		int rc;
		struct deck *deck = import_path(files[i][0], NULL, &d, &rc, NULL);
		const struct question *q = card(deck, files[i][1]);
		CHECK(rc == 0 && d.n == 0 && q && !strcmp(q->back, files[i][2]));
		if (!q)
			printf("  in %s\n", files[i][0]);
		deck_free(deck);
		diag_free(&d);
	}
	/* a cloze with no header: a Cloze note */
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "noheader.txt", NULL, &d, &rc, NULL);
	const struct question *q = by_prompt(deck, "[...] is tres");
	CHECK(q && q->type == Q_TEXT && !strcmp(q->accept[0], "three"));
	deck_free(deck);
	diag_free(&d);
	/* the separator named by its character; #separator: naming none */
	deck = anki("#separator:;\na;b\n", &d, &rc);
	CHECK(card(deck, "a") && !strcmp(card(deck, "a")->back, "b"));
	deck_free(deck);
	deck = anki("#separator:Colon\na:b\n", &d, &rc);
	CHECK(card(deck, "a") && !strcmp(card(deck, "a")->back, "b"));
	deck_free(deck);
	deck = anki("#separator:dash\na\tb\n", &d, &rc);
	CHECK(card(deck, "a") && diag_has(&d, "t.txt:1:12: warning: '#separator:' names no separator"));
	deck_free(deck);
	diag_free(&d);
}

static void test_headers(void)
{
	struct diags d = {0};
	int rc;
	/* a deck column, a global note type overridden by none, a bad
	 * column number, #html: neither true nor false (guessed: HTML) */
	const char *text =
		"tags:old-style\n"
		"#html:perhaps\n"
		"#deck column:1\n"
		"#tags column:x\n"
		"#notetype:Basic (type in the answer)\n"
		"Maths\t2 &times; 3?\t6\n";
	struct deck *deck = anki(text, &d, &rc);
	const struct question *q = by_prompt(deck, "2 \xc3\x97 3?");
	CHECK(q && q->type == Q_TEXT && !strcmp(q->accept[0], "6"));
	CHECK(tags_are(q, (const char *const[]){ "old-style", "Maths" }, 2));
	CHECK(diag_has(&d, "t.txt:2:7: warning: '#html:' is neither true nor false"));
	CHECK(diag_has(&d, "t.txt:4:14: warning: '#tags column:' wants a column number from 1: left out"));
	CHECK(d.n == 2);
	deck_free(deck);
	diag_free(&d);
	/* fields past a note type's, said once; a blank line passed over */
	deck = anki("#separator:tab\n#html:false\nf\tb\textra\n\nf2\tb2\n", &d, &rc);
	CHECK(deck && deck->nquestions == 2);
	CHECK(diag_has(&d, "t.txt:3: warning: fields past those of their note type left out (1 note)"));
	deck_free(deck);
	diag_free(&d);
}

static void test_cloze_cases(void)
{
	struct diags d = {0};
	int rc;
	/* numbers out of order and past 9, a hint with HTML, a deletion
	 * never closed (text), a repeated number inside itself */
	const char *text =
		"#separator:tab\n#html:true\n#notetype column:1\n"
		"Cloze\t{{c12::twelve}} {{c2::two::<i>hint</i>}} {{c1::one}} {{c3::open\n"
		"Cloze\t{{c1::outer {{c1::inner}} end}}\n";
	struct deck *deck = anki(text, &d, &rc);
	CHECK(rc == 0 && deck && deck->nquestions == 4);
	if (deck && deck->nquestions == 4) {
		CHECK_STR(deck->questions[0].prompt, "twelve two [...] {{c3::open");
		CHECK_STR(deck->questions[0].accept[0], "one");
		CHECK_STR(deck->questions[1].prompt, "twelve [hint] one {{c3::open");
		CHECK_STR(deck->questions[2].prompt, "[...] two one {{c3::open");
		CHECK_STR(deck->questions[3].prompt, "[...]");
		CHECK_STR(deck->questions[3].accept[0], "outer inner end");
	}
	deck_free(deck);
	diag_free(&d);
}

static void test_faults(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "broken.txt", "anki", &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, DIR "broken.txt:3:1: error: this quoted field is never closed"));
	deck_free(deck);
	diag_free(&d);
	deck = anki("#separator:tab\n\"a\"b\tc\n", &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.txt:2:4: error: after a quoted field's closing '\"'"));
	deck_free(deck);
	diag_free(&d);
	const char bad[] = "#separator:tab\nfa\xe7" "ade\tfront\n";
	deck = anki(bad, &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.txt:2:3: error: byte 0xE7 at offset 17 is not UTF-8"));
	deck_free(deck);
	diag_free(&d);
}

static void test_detect(void)
{
	const char *a = "#separator:tab\na\tb\n";
	CHECK_STR(import_detect("notes.txt", a, strlen(a))->name, "anki");
	const char *b = "#html:false\na,b\n";
	CHECK_STR(import_detect("notes.csv", b, strlen(b))->name, "anki");
	const char *c = "one\tuno\ntwo\tdos\n";
	CHECK_STR(import_detect("x", c, strlen(c))->name, "anki");
	const char *e = "one\tuno\ntwo\n";
	CHECK(import_detect("x", e, strlen(e)) == NULL);
	CHECK(import_detect("x.tsv", e, strlen(e)) == import_format_find("anki"));
	/* a '#' line that is not a header is no sign */
	const char *f = "# Title\nText\n";
	CHECK(import_detect("x", f, strlen(f)) != import_format_find("anki"));
}

int main(void)
{
	RUN(test_notes);
	RUN(test_comma_headers);
	RUN(test_separators);
	RUN(test_headers);
	RUN(test_cloze_cases);
	RUN(test_faults);
	RUN(test_detect);
	return check_done();
}
