/* Unit tests of the import framework (import.c, import_add.c): the table
 * of formats and detection, text cleaning, the checks every imported
 * question goes through, ids and their stability, and the deck writer
 * (deck_write.c) the imports are written with. */
#include <stdlib.h>

#include "check.h"
#include "deck_write.h"
#include "import_util.h"

/* ---- the table and detection ------------------------------------------ */

static void test_table(void)
{
	CHECK_STR(import_format_get(0)->name, "opentdb");
	CHECK_STR(import_format_get(1)->name, "aiken");
	CHECK_STR(import_format_get(2)->name, "csv");
	CHECK_STR(import_format_get(3)->name, "gift");
	CHECK_STR(import_format_get(4)->name, "anki");
	CHECK_STR(import_format_get(5)->name, "hascard");
	CHECK(import_format_get(6) == NULL);
	CHECK(import_format_find("aiken") == import_format_get(1));
	CHECK(import_format_find("moodle") == NULL);
	char list[100];
	CHECK_STR(import_format_list(list, sizeof list), "opentdb, aiken, csv, gift, anki, hascard");
	for (size_t i = 0; import_format_get(i); i++)
		CHECK(import_format_get(i)->label && import_format_get(i)->detect && import_format_get(i)->parse);
}

/* The format import_detect finds for the file at path, or "none". */
static const char *detected(const char *path, const char *name)
{
	struct diags d = {0};
	size_t len = 0;
	char *buf = deck_read_file(path, &len, &d);
	const struct import_format *f = buf ? import_detect(name ? name : path, buf, len) : NULL;
	free(buf);
	diag_free(&d);
	return f ? f->name : "none";
}

static void test_detect_by_content(void)
{
	static const char *const files[][2] = {
		{ "tests/data/import/opentdb/api.json", "opentdb" },
		{ "tests/data/import/opentdb/results.json", "opentdb" },
		{ "tests/data/import/opentdb/base64.json", "opentdb" },
		{ "tests/data/import/opentdb/bom-crlf.json", "opentdb" },
		{ "tests/data/import/aiken/basic.txt", "aiken" },
		{ "tests/data/import/aiken/crlf-bom.txt", "aiken" },
		{ "tests/data/import/csv/template.csv", "csv" },
		{ "tests/data/import/csv/plain.csv", "csv" },
		{ "tests/data/import/csv/semicolon-bom-crlf.csv", "csv" },
		{ "tests/data/import/gift/kinds.gift", "gift" },
		{ "tests/data/import/gift/escapes.gift", "gift" },
		{ "tests/data/import/gift/broken.gift", "gift" },
		{ "tests/data/import/anki/notes.txt", "anki" },
		{ "tests/data/import/anki/comma.csv", "anki" },
		{ "tests/data/import/anki/noheader.txt", "anki" },
		{ "tests/data/import/hascard/cards.md", "hascard" },
		{ "tests/data/import/hascard/broken.txt", "hascard" },
	};
	for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
		CHECK_STR(detected(files[i][0], NULL), files[i][1]);
		/* the content says it whatever the file is called */
		CHECK_STR(detected(files[i][0], "upload.dat"), files[i][1]);
	}
}

static void test_detect_by_name(void)
{
	/* Nothing in the bytes says which: the name decides. */
	CHECK_STR(detected("tests/data/import/opentdb/not-trivia.json", NULL), "opentdb");
	CHECK_STR(detected("tests/data/import/opentdb/not-trivia.json", "x.dat"), "none");
	const char text[] = "just some words\n";
	CHECK(import_detect("notes.txt", text, sizeof text - 1) == import_format_find("aiken"));
	CHECK(import_detect("notes.csv", text, sizeof text - 1) == import_format_find("csv"));
	CHECK(import_detect("notes.md", text, sizeof text - 1) == NULL);
	CHECK(import_detect("NOTES.CSV", text, sizeof text - 1) == import_format_find("csv"));
}

static void test_unknown_format(void)
{
	struct diags d = {0};
	int rc;
	const char text[] = "just some words\n";
	struct deck *deck = import_bytes("notes.md", text, sizeof text - 1, NULL, &d, &rc, NULL);
	CHECK(rc == -1);
	CHECK(diag_has(&d, "notes.md: error: not in a format recall can import "
	                   "(tried opentdb, aiken, csv, gift, anki, hascard); name one with --format"));
	deck_free(deck);
	diag_free(&d);
}

static void test_empty_files(void)
{
	static const char *const empties[] = { "", "\xef\xbb\xbf", "  \r\n\t\n", "\xef\xbb\xbf\n" };
	for (size_t i = 0; i < sizeof empties / sizeof empties[0]; i++) {
		for (size_t f = 0; import_format_get(f); f++) {
			struct diags d = {0};
			int rc;
			struct deck *deck = import_bytes("e.txt", empties[i], strlen(empties[i]),
			                                 import_format_get(f)->name, &d, &rc, NULL);
			CHECK(rc == -1);
			CHECK(diag_has(&d, "e.txt: error: the file is empty: there is nothing to import"));
			CHECK(deck && deck->nquestions == 0);
			deck_free(deck);
			diag_free(&d);
		}
	}
}

static void test_slug_name(void)
{
	char b[80];
	CHECK_STR(import_slug_name("banks/World Capitals (2024).csv", b, sizeof b), "world-capitals-2024");
	CHECK_STR(import_slug_name("trivia.json", b, sizeof b), "trivia");
	CHECK_STR(import_slug_name("/tmp/.hidden", b, sizeof b), "hidden");
	CHECK_STR(import_slug_name("Ελληνικά.txt", b, sizeof b), "imported");
	CHECK_STR(import_slug_name("dir.v2/file", b, sizeof b), "file");
	CHECK_STR(import_slug_name("", b, sizeof b), "imported");
	char longname[200];
	memset(longname, 'a', sizeof longname - 1);
	longname[sizeof longname - 1] = '\0';
	CHECK(strlen(import_slug_name(longname, b, sizeof b)) == 64);
}

/* ---- a format of the tests' own, to reach the helpers ---------------- */

/* Each line "TYPE|PROMPT|ANSWER|OPTION|OPTION..." is a question: TYPE c
 * (choice, the answer an option's number), t (truefalse, 1 or 0), x
 * (text: the options are the accepted answers), m (multi: the answer a
 * bit mask).  Lines end at LF only; in a prompt, \r and \n stand for CR
 * and LF. */
static int lines_parse(struct import_ctx *c, const char *buf, size_t len)
{
	/* lines end at LF alone, so that a test can put CR in the text */
	for (struct import_line l = { 0, 0 }; l.start < len; l.start = l.end + 1) {
		const char *nl = memchr(buf + l.start, '\n', len - l.start);
		l.end = nl ? (size_t)(nl - buf) : len;
		import_here(c, l.start);
		const char *f[40];
		size_t fl[40], n = 0, s = l.start;
		for (size_t i = l.start; i <= l.end && n < 40; i++) {
			if (i == l.end || buf[i] == '|') {
				f[n] = buf + s;
				fl[n++] = i - s;
				s = i + 1;
			}
		}
		if (n < 3)
			continue;
		struct question q;
		char type = f[0][0];
		import_question_init(&q, type == 'c' ? Q_CHOICE : type == 'm' ? Q_MULTI : type == 't' ? Q_TRUEFALSE : Q_TEXT);
		/* in the prompt, \r and \n stand for CR and LF */
		char prompt[200];
		size_t k = 0;
		for (size_t i = 0; i < fl[1] && k < sizeof prompt; i++) {
			bool esc = f[1][i] == '\\' && i + 1 < fl[1] && (f[1][i + 1] == 'r' || f[1][i + 1] == 'n');
			prompt[k++] = esc ? (f[1][++i] == 'r' ? '\r' : '\n') : f[1][i];
		}
		q.prompt = import_text(c, prompt, k);
		unsigned long ans = strtoul(f[2], NULL, 10);
		if (q.type == Q_TRUEFALSE) {
			q.truth = ans != 0;
		} else if (q.type == Q_TEXT) {
			q.accept = import_list(c, n - 3);
			q.naccept = n - 3;
			for (size_t i = 3; i < n; i++)
				q.accept[i - 3] = import_text(c, f[i], fl[i]);
		} else {
			q.correct = ans;
			q.nchoices = n - 3;
			q.choices = import_list(c, q.nchoices);
			for (size_t i = 3; i < n; i++)
				q.choices[i - 3] = import_text(c, f[i], fl[i]);
		}
		import_add(c, &q);
	}
	return 0;
}

static enum import_likely lines_detect(const char *name, const char *buf, size_t len)
{
	(void)name, (void)buf, (void)len;
	return IMPORT_NO;
}

static const struct import_format lines = { "lines", "test lines", lines_detect, lines_parse };

static struct deck *import_lines(const char *text, struct diags *d, struct import_counts *counts)
{
	struct import_ctx *c = import_new();
	if (import_buffer(c, "l.txt", text, strlen(text), &lines, d) != 0)
		printf("  import_buffer failed\n");
	if (counts)
		*counts = *import_get_counts(c);
	return import_finish(c, "t", "T");
}

static void test_text_cleaning(void)
{
	struct diags d = {0};
	struct deck *deck = import_lines("t|  Line one\\r\\nline two \xe2\x80\x83|1\n"
	                                 "t|A bell\a and an escape\x1b[31m and DEL\x7f|0\n"
	                                 "t|Bad \xff bytes \xc3|1\n"
	                                 "t|Lone\\rcarriage return|1\n"
	                                 "t|   \t |1\n", &d, NULL);
	CHECK(deck && deck->nquestions == 4);
	if (!deck || deck->nquestions != 4)
		diag_show(&d);
	if (deck && deck->nquestions == 4) {
		/* CR LF is LF, a lone CR too; white space trimmed, Unicode's too */
		CHECK_STR(deck->questions[0].prompt, "Line one\nline two");
		CHECK_STR(deck->questions[1].prompt, "A bell and an escape[31m and DEL");
		CHECK_STR(deck->questions[2].prompt, "Bad \xef\xbf\xbd bytes \xef\xbf\xbd");
		CHECK_STR(deck->questions[3].prompt, "Lone\ncarriage return");
	}
	CHECK(diag_has(&d, "l.txt:2: warning: 3 control characters left out (U+0007, ...)"));
	CHECK(diag_has(&d, "l.txt:3: warning: 2 bytes that are not UTF-8 replaced with U+FFFD"));
	CHECK(diag_has(&d, "l.txt:5:1: warning: question skipped: it has no question text"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_question_checks(void)
{
	struct diags d = {0};
	struct import_counts n;
	char big[1200];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	char text[4000];
	snprintf(text, sizeof text,
	         "c|One option|0|a\n"
	         "c|An option twice|0|a|b|a\n"
	         "c|No option right|5|a|b\n"
	         "c|An empty option|0|a|  \n"
	         "m|Nothing right|0|a|b\n"
	         "m|Two right|5|a|b|c\n"
	         "x|Overlong and repeated answers|0|right|%s|right|also\n"
	         "x|Only an overlong answer|0|%s\n"
	         "c|Twenty-seven options|0|a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q|r|s|t|u|v|w|x|y|z|zz\n",
	         big, big);
	struct deck *deck = import_lines(text, &d, &n);
	CHECK(n.imported == 2 && n.skipped == 7);
	CHECK(n.by_type[Q_MULTI] == 1 && n.by_type[Q_TEXT] == 1);
	CHECK(diag_has(&d, "l.txt:1:1: warning: question skipped: a deck needs at least 2 options, and it has 1"));
	CHECK(diag_has(&d, "l.txt:2:1: warning: question skipped: 'a' is among its options twice"));
	CHECK(diag_has(&d, "l.txt:3:1: warning: question skipped: none of its options is marked right"));
	CHECK(diag_has(&d, "l.txt:4:1: warning: question skipped: its options number 2 is empty"));
	CHECK(diag_has(&d, "l.txt:5:1: warning: question skipped: none of its options is marked right"));
	CHECK(diag_has(&d, "l.txt:7: warning: answer 'xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx...' left out: "
	                   "it is longer than the 1000 bytes a typed answer may have"));
	CHECK(diag_has(&d, "l.txt:8:1: warning: question skipped: it has no answer to type"));
	CHECK(diag_has(&d, "l.txt:9:1: warning: question skipped: it has 27 options; a deck takes at most 26"));
	const struct question *q = by_prompt(deck, "Overlong and repeated answers");
	CHECK(q && q->naccept == 2 && !strcmp(q->accept[0], "right") && !strcmp(q->accept[1], "also"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

/* ---- ids ----------------------------------------------------------------- */

static void test_ids(void)
{
	struct diags d = {0};
	struct deck *deck = import_lines("t|What is the capital of France, really?|1\n"
	                                 "t|Supercalifragilisticexpialidocious words|1\n"
	                                 "t|Ελληνικά μόνο|1\n"
	                                 "t|What is the capital of France, really?|0\n", &d, NULL);
	CHECK(deck && deck->nquestions == 4);
	if (deck && deck->nquestions == 4) {
		/* the prompt's first words in at most 24 characters, then 8 hex digits */
		CHECK(strncmp(deck->questions[0].id, "what-is-the-capital-of-", 23) == 0);
		CHECK(strlen(deck->questions[0].id) == 23 + 8);
		CHECK(strncmp(deck->questions[1].id, "supercalifragilisticexpi-", 25) == 0);
		CHECK(strncmp(deck->questions[2].id, "q-", 2) == 0 && strlen(deck->questions[2].id) == 10);
		/* the same prompt with another answer is another question */
		CHECK(strcmp(deck->questions[0].id, deck->questions[3].id) != 0);
	}
	deck_free(deck);
	diag_free(&d);
}

static void test_ids_collide(void)
{
	/* Two prompts whose ids would be the same (the same words, and the
	 * same 32 bits of hash: found by a search): the second gets "-2",
	 * whichever order they come in. */
	struct diags d = {0};
	struct deck *a = import_lines("t|Collide!,!?.!..?!|1\nt|Collide?.!,.?,.?!|1\n", &d, NULL);
	struct deck *b = import_lines("t|Collide?.!,.?,.?!|1\nt|Collide!,!?.!..?!|1\n", &d, NULL);
	CHECK(a && a->nquestions == 2 && b && b->nquestions == 2);
	if (a && b && a->nquestions == 2 && b->nquestions == 2) {
		CHECK_STR(a->questions[0].id, "collide-47e4643b");
		CHECK_STR(a->questions[1].id, "collide-47e4643b-2");
		CHECK_STR(b->questions[0].id, "collide-47e4643b");
		CHECK_STR(b->questions[1].id, "collide-47e4643b-2");
	}
	CHECK(written_errors(a) == 0);
	deck_free(a);
	deck_free(b);
	diag_free(&d);
}

static void test_duplicates(void)
{
	struct diags d = {0};
	struct import_counts n;
	struct deck *deck = import_lines("c|Same?|1|x|y\nc|Same?|0|y|x|z\nc|Same?|0|x|y\n", &d, &n);
	/* the same prompt and right answer: the same question, whatever else */
	CHECK(n.imported == 2 && n.skipped == 1);
	CHECK(diag_has(&d, "l.txt:2:1: warning: question skipped: 'Same?' has the same question and answer as line 1"));
	deck_free(deck);
	diag_free(&d);

	/* across files, named with their file */
	struct import_ctx *c = import_new();
	const char *one = "t|Once?|1\n", *two = "t|Other?|1\nt|Once?|1\n";
	CHECK(import_buffer(c, "one.txt", one, strlen(one), &lines, &d) == 0);
	CHECK(import_buffer(c, "two.txt", two, strlen(two), &lines, &d) == 0);
	CHECK(diag_has(&d, "two.txt:2:1: warning: question skipped: 'Once?' has the same question and answer as one.txt:1"));
	CHECK(import_get_counts(c)->imported == 2);
	deck = import_finish(c, "t", "T");
	CHECK(deck && deck->nquestions == 2);
	deck_free(deck);
	diag_free(&d);
}

/* The ids of the deck's questions by prompt, for comparing imports. */
static const char *id_of(const struct deck *deck, const char *prompt)
{
	const struct question *q = by_prompt(deck, prompt);
	return q ? q->id : "(none)";
}

static void test_ids_stable(void)
{
	struct diags d = {0};
	int rc;
	/* twice the same bank: the same deck, byte for byte */
	struct deck *a = import_path("tests/data/import/aiken/basic.txt", NULL, &d, &rc, NULL);
	struct deck *b = import_path("tests/data/import/aiken/basic.txt", NULL, &d, &rc, NULL);
	char *ta = a ? deck_write_json(a) : NULL, *tb = b ? deck_write_json(b) : NULL;
	CHECK(ta && tb && strcmp(ta, tb) == 0);
	free(ta);
	free(tb);
	/* an edited bank: the unchanged questions keep their ids, wherever
	 * they moved; a changed answer makes another question */
	struct deck *e = import_path("tests/data/import/aiken/basic-edited.txt", NULL, &d, &rc, NULL);
	CHECK(a && e);
	static const char *const kept[] = {
		"Which planet is known as the Red Planet?",
		"Water boils at 100 \xc2\xb0" "C at sea level.",
		"Lower-case letters and a lower-case answer line work too.",
		/* another option, the same right answer: the same question */
		"A question whose text\nruns over two lines: which is even?",
	};
	for (size_t i = 0; a && e && i < sizeof kept / sizeof kept[0]; i++) {
		CHECK(by_prompt(e, kept[i]) != NULL);
		CHECK_STR(id_of(e, kept[i]), id_of(a, kept[i]));
	}
	CHECK(strcmp(id_of(e, "What is the capital of France?"), id_of(a, "What is the capital of France?")) != 0);
	deck_free(a);
	deck_free(b);
	deck_free(e);
	diag_free(&d);
}

static void test_right_place(void)
{
	/* OpenTDB gives the right answer apart: it goes to each place in turn */
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path("tests/data/import/opentdb/api.json", NULL, &d, &rc, NULL);
	CHECK(deck && deck->nquestions == 4);
	if (deck && deck->nquestions == 4) {
		CHECK(deck->questions[0].type == Q_CHOICE && deck->questions[0].correct == 0);
		CHECK(deck->questions[3].type == Q_CHOICE && deck->questions[3].correct == 1);
	}
	deck_free(deck);
	diag_free(&d);
}

/* ---- the deck writer --------------------------------------------------- */

/* True when decks a and b hold the same questions, field by field. */
static bool same_deck(const struct deck *a, const struct deck *b)
{
	bool same = a->nquestions == b->nquestions && !strcmp(a->id, b->id) && !strcmp(a->title, b->title) &&
	            a->nsources == b->nsources;
	for (size_t i = 0; same && i < a->nquestions; i++) {
		const struct question *p = &a->questions[i], *q = &b->questions[i];
		same = !strcmp(p->id, q->id) && p->type == q->type && !strcmp(p->prompt, q->prompt) &&
		       p->nchoices == q->nchoices && p->correct == q->correct && p->truth == q->truth &&
		       p->number == q->number && p->min == q->min && p->max == q->max &&
		       p->naccept == q->naccept && p->exact == q->exact && p->shuffle == q->shuffle &&
		       p->ntags == q->ntags && p->difficulty == q->difficulty && p->points == q->points &&
		       p->paragraph == q->paragraph && !p->explanation == !q->explanation &&
		       !p->hint == !q->hint && !p->unit == !q->unit && !p->back == !q->back &&
		       !p->source == !q->source;
		for (size_t k = 0; same && k < p->nchoices; k++)
			same = !strcmp(p->choices[k], q->choices[k]) &&
			       (!p->rights || !strcmp(p->rights[k], q->rights[k]));
		for (size_t k = 0; same && k < p->naccept; k++)
			same = !strcmp(p->accept[k], q->accept[k]);
		for (size_t k = 0; same && k < p->ntags; k++)
			same = !strcmp(p->tags[k], q->tags[k]);
		same = same && (!p->explanation || !strcmp(p->explanation, q->explanation)) &&
		       (!p->hint || !strcmp(p->hint, q->hint)) && (!p->unit || !strcmp(p->unit, q->unit)) &&
		       (!p->back || !strcmp(p->back, q->back)) &&
		       (!p->source || !strcmp(p->source->id, q->source->id));
		if (!same)
			printf("  question %zu (%s) differs\n", i + 1, p->id);
	}
	return same;
}

static void test_write_round_trip(void)
{
	static const char *const decks[] = {
		"questions/who-is-who.json", "questions/rudenko-kumar-meeting.json",
		"questions/counterterrorism-defence-talks.json", "tests/data/basic.json",
		"tests/data/cards.json", "tests/data/study.json",
	};
	for (size_t i = 0; i < sizeof decks / sizeof decks[0]; i++) {
		struct diags d = {0};
		struct deck *a = deck_load(decks[i], &d);
		char *text = a ? deck_write_json(a) : NULL;
		struct deck *b = text ? deck_load_buffer("again.json", text, strlen(text), &d) : NULL;
		char *again = b ? deck_write_json(b) : NULL;
		CHECK(a && b && same_deck(a, b));
		CHECK(d.nerrors == 0 && d.nwarnings == 0);
		/* the same deck gives the same bytes */
		CHECK(text && again && !strcmp(text, again));
		free(text);
		free(again);
		deck_free(a);
		deck_free(b);
		diag_free(&d);
	}
}

static void test_write_layout(void)
{
	const char src[] =
		"{\"format\": \"recall-deck/1\", \"id\": \"w\", \"title\": \"Quotes \\\" and \\\\ and \\n\", "
		"\"questions\": [{\"id\": \"n\", \"type\": \"number\", \"prompt\": \"P\", \"answer\": 0.1, "
		"\"tolerance\": 0.05, \"points\": 250, \"difficulty\": 2}, "
		"{\"id\": \"r\", \"type\": \"number\", \"prompt\": \"P\", \"answer\": 3, \"min\": 1, \"max\": 4}, "
		"{\"id\": \"c\", \"type\": \"choice\", \"prompt\": \"P\", \"choices\": [\"a\", \"b\"], \"answer\": \"b\", "
		"\"shuffle\": false}]}";
	struct diags d = {0};
	struct deck *deck = deck_load_buffer("w.json", src, strlen(src), &d);
	char *text = deck ? deck_write_json(deck) : NULL;
	CHECK_STR(text,
	          "{\n"
	          "  \"format\": \"recall-deck/1\",\n"
	          "  \"id\": \"w\",\n"
	          "  \"title\": \"Quotes \\\" and \\\\ and \\n\",\n"
	          "  \"questions\": [\n"
	          "    {\n"
	          "      \"id\": \"n\",\n"
	          "      \"type\": \"number\",\n"
	          "      \"prompt\": \"P\",\n"
	          "      \"answer\": 0.1,\n"
	          "      \"tolerance\": 0.05,\n"
	          "      \"difficulty\": 2,\n"
	          "      \"points\": 250\n"
	          "    },\n"
	          "    {\n"
	          "      \"id\": \"r\",\n"
	          "      \"type\": \"number\",\n"
	          "      \"prompt\": \"P\",\n"
	          "      \"answer\": 3,\n"
	          "      \"min\": 1,\n"
	          "      \"max\": 4\n"
	          "    },\n"
	          "    {\n"
	          "      \"id\": \"c\",\n"
	          "      \"type\": \"choice\",\n"
	          "      \"prompt\": \"P\",\n"
	          "      \"choices\": [\"a\", \"b\"],\n"
	          "      \"answer\": \"b\",\n"
	          "      \"shuffle\": false\n"
	          "    }\n"
	          "  ]\n"
	          "}\n");
	free(text);
	deck_free(deck);
	diag_free(&d);
}

int main(void)
{
	RUN(test_table);
	RUN(test_detect_by_content);
	RUN(test_detect_by_name);
	RUN(test_unknown_format);
	RUN(test_empty_files);
	RUN(test_slug_name);
	RUN(test_text_cleaning);
	RUN(test_question_checks);
	RUN(test_ids);
	RUN(test_ids_collide);
	RUN(test_duplicates);
	RUN(test_ids_stable);
	RUN(test_right_place);
	RUN(test_write_round_trip);
	RUN(test_write_layout);
	return check_done();
}
