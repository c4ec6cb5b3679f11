/* Unit tests of the CSV reader (csv.c) and of the importer of classroom
 * quiz game spreadsheets (import_csv.c) on tests/data/import/csv/: RFC
 * 4180 quoting, separators, a header row and rows before it, a column of
 * row numbers, one and several right answers, true/false, a byte order
 * mark and CR LF, each faulty row and each syntax fault with its place. */
#include <stdlib.h>

#include "check.h"
#include "csv.h"
#include "import_util.h"

#define DIR "tests/data/import/csv/"

/* ---- the reader ------------------------------------------------------- */

/* The fields of the next record of r joined by '|'; "END" or "FAULT@off:
 * why" when there is none. */
static const char *next(struct csv_reader *r, char *out, size_t size)
{
	struct csv_record rec = {0};
	size_t off = 0;
	const char *why = "";
	enum csv_status st = csv_next(r, &rec, &off, &why);
	if (st == CSV_END)
		snprintf(out, size, "END");
	else if (st != CSV_RECORD)
		snprintf(out, size, "FAULT@%zu: %s", off, why);
	else {
		struct text_buf b = {0};
		for (size_t i = 0; i < rec.n; i++) {
			if (i)
				text_buf_puts(&b, "|");
			csv_field_value(r->buf, &rec.v[i], &b);
		}
		snprintf(out, size, "%s", b.s ? b.s : "");
		text_buf_free(&b);
	}
	csv_record_free(&rec);
	return out;
}

static bool starts(const char *s, const char *prefix)
{
	bool ok = strncmp(s, prefix, strlen(prefix)) == 0;
	if (!ok)
		printf("  \"%s\" does not start with \"%s\"\n", s, prefix);
	return ok;
}

static void test_reader(void)
{
	const char text[] = "a,b,c\r\n\"q,1\",\"say \"\"hi\"\"\",\"two\nlines\"\n\n,,\rlast,\"\"";
	struct csv_reader r;
	char out[200];
	csv_reader_init(&r, text, sizeof text - 1, 0, ',');
	CHECK_STR(next(&r, out, sizeof out), "a|b|c");
	CHECK_STR(next(&r, out, sizeof out), "q,1|say \"hi\"|two\nlines");
	CHECK_STR(next(&r, out, sizeof out), "");       /* an empty line: one empty field */
	CHECK_STR(next(&r, out, sizeof out), "||");
	CHECK_STR(next(&r, out, sizeof out), "last|");  /* a lone CR ends a record */
	CHECK_STR(next(&r, out, sizeof out), "END");

	const char bad1[] = "a,\"open";
	csv_reader_init(&r, bad1, sizeof bad1 - 1, 0, ',');
	CHECK(starts(next(&r, out, sizeof out), "FAULT@2: this quoted field is never closed"));
	const char bad2[] = "a,b\"c";
	csv_reader_init(&r, bad2, sizeof bad2 - 1, 0, ',');
	CHECK(starts(next(&r, out, sizeof out), "FAULT@3: a '\"' inside a field"));
	const char bad3[] = "\"a\" ,b";
	csv_reader_init(&r, bad3, sizeof bad3 - 1, 0, ',');
	CHECK(starts(next(&r, out, sizeof out), "FAULT@3: after a quoted field's closing"));

	const char semi[] = "a;\"b;c\";d\n";
	CHECK(csv_guess_sep(semi, sizeof semi - 1, 0) == ';');
	csv_reader_init(&r, semi, sizeof semi - 1, 0, ';');
	CHECK_STR(next(&r, out, sizeof out), "a|b;c|d");
	CHECK(csv_guess_sep("a\tb\tc,d\n", 8, 0) == '\t');
	CHECK(csv_guess_sep("\"a;b;c\",d\n", 10, 0) == ',');  /* not inside quotes */
	CHECK(csv_guess_sep("", 0, 0) == ',');
}

static void test_writer(void)
{
	struct text_buf b = {0};
	static const char *const fields[] = { "plain", "a,b", "say \"hi\"", "two\nlines", " padded", "cr\r", "" };
	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		if (i)
			text_buf_puts(&b, ",");
		csv_write_field(&b, fields[i], ',');
	}
	CHECK_STR(b.s, "plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",\" padded\",\"cr\r\",");
	/* and read back, the same fields */
	struct csv_reader r;
	char out[200];
	csv_reader_init(&r, b.s, b.len, 0, ',');
	CHECK_STR(next(&r, out, sizeof out), "plain|a,b|say \"hi\"|two\nlines| padded|cr\r|");
	text_buf_free(&b);
}

/* ---- the importer ------------------------------------------------------ */

static void test_template(void)
{
	/* A template's instructions, then a header naming the columns after
	 * a column of row numbers. */
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "template.csv", "csv", &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0);
	CHECK(n.imported == 4 && n.skipped == 0);
	CHECK(n.by_type[Q_CHOICE] == 2 && n.by_type[Q_MULTI] == 1 && n.by_type[Q_TRUEFALSE] == 1);
	CHECK(diag_has(&d, DIR "template.csv:1: warning: 2 rows before the header row left out"));
	CHECK(diag_has(&d, DIR "template.csv:4:60: warning: time limits left out (4 questions had one): a deck has none"));
	CHECK(d.n == 2);
	const struct question *q = by_prompt(deck, "What is the capital of France?");
	CHECK(q && q->type == Q_CHOICE && q->nchoices == 4 && !strcmp(right_of(q), "Paris"));
	q = by_prompt(deck, "Which of these are prime numbers?");
	CHECK(q && q->type == Q_MULTI && q->nchoices == 4 && q->correct == 0x5);  /* 1 and 3 */
	q = by_prompt(deck, "The sky is green.");
	CHECK(q && q->type == Q_TRUEFALSE && !q->truth);
	q = by_prompt(deck, "Which is a mammal?");
	CHECK(q && q->nchoices == 2 && !strcmp(right_of(q), "Dolphin"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_plain(void)
{
	/* No header: question, four answers, time, right answers. */
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "plain.csv", "csv", &d, &rc, NULL);
	CHECK(rc == 0 && d.nerrors == 0 && deck && deck->nquestions == 5);
	const struct question *q = by_prompt(deck, "A question with a comma, and \"quotes\"");
	CHECK(q && !strcmp(right_of(q), "yes"));
	q = by_prompt(deck, "A question over\ntwo lines");
	CHECK(q && q->nchoices == 3 && !strcmp(right_of(q), "third"));
	q = by_prompt(deck, "Pick the even numbers");
	CHECK(q && q->type == Q_MULTI && q->correct == 0xA);  /* "2, 4" */
	q = by_prompt(deck, "Is this true?");
	CHECK(q && q->type == Q_TRUEFALSE && q->truth);
	/* answers 1 and 3 only: the right one is the second kept */
	q = by_prompt(deck, "Answers in columns 1 and 3 only");
	CHECK(q && q->nchoices == 2 && !strcmp(right_of(q), "three"));
	CHECK(diag_has(&d, DIR "plain.csv:1:52: warning: time limits left out (3 questions had one)"));
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_semicolon_bom_crlf(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(DIR "semicolon-bom-crlf.csv", "csv", &d, &rc, NULL);
	CHECK(rc == 0 && d.nerrors == 0 && deck && deck->nquestions == 2);
	const struct question *q = by_prompt(deck, "Semi;colons; inside");
	CHECK(q && q->nchoices == 4 && !strcmp(right_of(q), "d"));
	q = by_prompt(deck, "Which is blue?");
	CHECK(q && !strcmp(right_of(q), "the sky"));
	/* the byte order mark is no character: columns count from after it */
	CHECK(diag_has(&d, DIR "semicolon-bom-crlf.csv:2:32: warning: time limits left out"));
	deck_free(deck);
	diag_free(&d);
}

static void test_bad_rows(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = import_path(DIR "bad-rows.csv", "csv", &d, &rc, &n);
	CHECK(rc == 0 && d.nerrors == 0);
	CHECK(n.imported == 1 && n.skipped == 7);
	static const char *const want[] = {
		DIR "bad-rows.csv:2:38: warning: question skipped: the right answers must be numbers from 1 to 4, split by commas",
		DIR "bad-rows.csv:3:32: warning: question skipped: no right answer given (column 7: the numbers of the right answers)",
		DIR "bad-rows.csv:4:39: warning: question skipped: answer 3 is marked right but is empty",
		DIR "bad-rows.csv:5:1: warning: question skipped: the row has no question (column 1)",
		DIR "bad-rows.csv:6:1: warning: question skipped: a deck needs at least 2 options, and it has 1",
		DIR "bad-rows.csv:7:1: warning: question skipped: 'a' is among its options twice",
		DIR "bad-rows.csv:8:37: warning: question skipped: the right answers must be numbers from 1 to 4, split by commas",
		DIR "bad-rows.csv:9:35: warning: time limits left out (1 question had one): a deck has none",
		DIR "bad-rows.csv:9:40: warning: cells after column 7 left out (here and in any later row)",
	};
	CHECK(diag_missing(&d, want, sizeof want / sizeof want[0]) == 0);
	CHECK(d.n == sizeof want / sizeof want[0]);  /* the empty row is no question */
	CHECK(by_prompt(deck, "A good row with extra cells") != NULL);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

/* Expects the file refused with the error want (and rows before the
 * fault not written: the import as a whole fails). */
static void refused(const char *name, const char *want)
{
	char path[200];
	snprintf(path, sizeof path, DIR "%s", name);
	struct diags d = {0};
	int rc;
	struct deck *deck = import_path(path, "csv", &d, &rc, NULL);
	CHECK(rc == -1);
	bool ok = diag_has(&d, want);
	CHECK(ok);
	if (!ok)
		diag_show(&d);
	deck_free(deck);
	diag_free(&d);
}

static void test_syntax_faults(void)
{
	refused("open-quote.csv", DIR "open-quote.csv:3:1: error: this quoted field is never closed (a '\"' is missing)");
	refused("stray-quote.csv", DIR "stray-quote.csv:2:3: error: a '\"' inside a field that does not start with one");
	refused("after-quote.csv", DIR "after-quote.csv:2:9: error: after a quoted field's closing '\"', expected "
	                           "the separator or the end of the line");
	struct diags d = {0};
	int rc;
	const char latin1[] = "Question,Answer 1,Answer 2,Answer 3,Answer 4,Time,Correct\nCaf\xe9?,a,b,,,,1\n";
	struct deck *deck = import_bytes("l.csv", latin1, sizeof latin1 - 1, "csv", &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, "l.csv:2:4: error: byte 0xE9 at offset 61 is not UTF-8"));
	deck_free(deck);
	diag_free(&d);
	const char nocorrect[] = "Question,Answer 1,Answer 2\nQ,a,b\n";
	deck = import_bytes("h.csv", nocorrect, sizeof nocorrect - 1, "csv", &d, &rc, NULL);
	CHECK(rc == -1 && diag_has(&d, "h.csv:1:1: error: the header row has no column of right answers"));
	deck_free(deck);
	diag_free(&d);
}

static void test_layouts(void)
{
	/* A header names the columns in any order. */
	struct diags d = {0};
	int rc;
	const char reordered[] = "Correct answer,Time limit,Question,Answer A,Answer B\n2,30,Which?,x,y\n";
	struct deck *deck = import_bytes("r.csv", reordered, sizeof reordered - 1, "csv", &d, &rc, NULL);
	const struct question *q = by_prompt(deck, "Which?");
	CHECK(rc == 0 && q && !strcmp(right_of(q), "y"));
	deck_free(deck);
	diag_free(&d);
	/* No header, eight cells, a number first: a column of row numbers. */
	const char numbered[] = "1,Which?,x,y,,,20,1\n2,Which else?,x,y,z,,20,3\n";
	deck = import_bytes("n.csv", numbered, sizeof numbered - 1, "csv", &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 2);
	q = by_prompt(deck, "Which else?");
	CHECK(q && !strcmp(right_of(q), "z"));
	deck_free(deck);
	diag_free(&d);
	/* Right answers written "1;3", "1 3". */
	const char sep[] = "Q1,a,b,c,,,\"1;3\"\nQ2,a,b,c,,,1 3\n";
	deck = import_bytes("s.csv", sep, sizeof sep - 1, "csv", &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 2);
	for (size_t i = 0; deck && i < deck->nquestions; i++)
		CHECK(deck->questions[i].type == Q_MULTI && deck->questions[i].correct == 0x5);
	deck_free(deck);
	diag_free(&d);
}

int main(void)
{
	RUN(test_reader);
	RUN(test_writer);
	RUN(test_template);
	RUN(test_plain);
	RUN(test_semicolon_bom_crlf);
	RUN(test_bad_rows);
	RUN(test_syntax_faults);
	RUN(test_layouts);
	return check_done();
}
