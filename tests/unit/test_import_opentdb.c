/* Unit tests of the Open Trivia Database importer (import_opentdb.c) on
 * the files of tests/data/import/opentdb/: the API's response and a dump
 * of its results, its three encodings, HTML references, a byte order mark
 * and CR LF, what is dropped or skipped, and files that cannot be read. */
#include <stdlib.h>

#include "check.h"
#include "import_util.h"

#define DIR "tests/data/import/opentdb/"

/* Imports DIR name as opentdb; *rc as import_buffer gives it. */
static struct deck *get(const char *name, struct diags *d, int *rc, struct import_counts *n)
{
	char path[200];
	snprintf(path, sizeof path, DIR "%s", name);
	return import_path(path, "opentdb", d, rc, n);
}

/* The four questions of api.json, as every encoding of them must give. */
static void check_api_questions(const struct deck *deck)
{
	CHECK(deck && deck->nquestions == 4);
	if (!deck || deck->nquestions != 4)
		return;
	const struct question *q = &deck->questions[0];
	CHECK(q->type == Q_CHOICE);
	/* named and numeric references, quotes */
	CHECK_STR(q->prompt, "What is Schr\xc3\xb6" "dinger's cat \"famous\" for?");
	CHECK(q->nchoices == 4);
	CHECK_STR(right_of(q), "A thought experiment");
	/* the wrong answers in their order, around the right one */
	CHECK(q->nchoices == 4 && !strcmp(q->choices[1], "A musical") && !strcmp(q->choices[2], "A painting"));
	CHECK_STR(q->choices[3], "A \xf0\x9f\x90\x88 <emoji>");  /* &#x1F408; &lt; &gt; */
	CHECK(q->ntags == 1 && !strcmp(q->tags[0], "Science & Nature"));
	CHECK(q->difficulty == 3);  /* medium */

	q = &deck->questions[1];
	CHECK(q->type == Q_TRUEFALSE && q->truth);
	/* &ldquo; &eacute; &rdquo; &ndash; &hellip; */
	CHECK_STR(q->prompt, "\xe2\x80\x9c" "Caf\xc3\xa9\xe2\x80\x9d comes from French \xe2\x80\x93 true\xe2\x80\xa6");
	CHECK(q->difficulty == 1);  /* easy */

	q = &deck->questions[2];
	CHECK(q->type == Q_TRUEFALSE && !q->truth);
	/* &euro; &amp; &#8364; and &#128;, which browsers read as Windows-1252 */
	CHECK_STR(q->prompt, "The \xe2\x82\xac sign is U+20AC & \xe2\x82\xac \xe2\x82\xac agree.");
	CHECK(q->difficulty == 5);  /* hard */
	CHECK(q->ntags == 1 && !strcmp(q->tags[0], "Entertainment: Video Games"));

	q = &deck->questions[3];
	/* Greek letters by name, a hex reference, parentheses by number */
	CHECK_STR(q->prompt, "Who is the Greek god of the sea (\xce\xa0\xce\xbf\xcf\x83\xce\xb5\xce\xb9\xce\xb4\xcf\x8e\xce\xbd)?");
	CHECK_STR(right_of(q), "Poseidon");
	CHECK(written_errors(deck) == 0);
}

static void test_api_response(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = get("api.json", &d, &rc, &n);
	CHECK(rc == 0 && d.n == 0);
	CHECK(n.imported == 4 && n.skipped == 0 && n.by_type[Q_CHOICE] == 2 && n.by_type[Q_TRUEFALSE] == 2);
	check_api_questions(deck);
	deck_free(deck);
	diag_free(&d);
}

static void test_encodings(void)
{
	/* base64 and url3986 give what the HTML-escaped response gives */
	static const char *const files[] = { "base64.json", "url3986.json" };
	for (size_t i = 0; i < 2; i++) {
		struct diags d = {0};
		int rc;
		struct deck *deck = get(files[i], &d, &rc, NULL);
		CHECK(rc == 0 && d.n == 0);
		check_api_questions(deck);
		deck_free(deck);
		diag_free(&d);
	}
}

static void test_results_dump(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = get("results.json", &d, &rc, NULL);
	CHECK(rc == 0 && deck && deck->nquestions == 2);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

static void test_bom_crlf(void)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = get("bom-crlf.json", &d, &rc, NULL);
	CHECK(rc == 0 && d.n == 0 && deck && deck->nquestions == 1);
	if (deck && deck->nquestions == 1)
		CHECK_STR(deck->questions[0].prompt, "What is Schr\xc3\xb6" "dinger's cat \"famous\" for?");
	deck_free(deck);
	diag_free(&d);
}

static void test_dropped_and_skipped(void)
{
	struct diags d = {0};
	int rc;
	struct import_counts n;
	struct deck *deck = get("odd.json", &d, &rc, &n);
	CHECK(rc == 0);
	CHECK(n.imported == 2 && n.skipped == 8);
	static const char *const want[] = {
		DIR "odd.json:4: warning: 'question': unknown HTML entity '&bogus;' kept as written",
		DIR "odd.json:4: warning: 1 control character left out (U+0007)",
		DIR "odd.json:17:12: warning: question skipped: type 'essay' is not one recall reads (multiple, boolean)",
		DIR "odd.json:29:22: warning: question skipped: the answer of a boolean question must be True or False",
		DIR "odd.json:34:3: warning: question skipped: 'question' is missing",
		DIR "odd.json:43: warning: difficulty 'very hard' left out (easy, medium and hard are known)",
		DIR "odd.json:59:25: warning: question skipped: 'incorrect_answers' is not a list",
		DIR "odd.json:61:3: warning: question skipped: 'same' is among its options twice",
		DIR "odd.json:72:3: warning: question skipped: 'question' is not valid base64",
		DIR "odd.json:82:3: warning: question skipped: 'Unknown &bogus; entity and a bell here?' has the "
		    "same question and answer as line 4",
		DIR "odd.json:92:3: warning: question skipped: result 10 is not an object",
	};
	CHECK(diag_missing(&d, want, sizeof want / sizeof want[0]) == 0);
	CHECK(d.nerrors == 0);
	const struct question *q = by_prompt(deck, "Unknown &bogus; entity and a bell here?");
	CHECK(q && q->type == Q_CHOICE && !strcmp(right_of(q), "Yes"));
	q = by_prompt(deck, "A difficulty recall does not know?");
	CHECK(q && q->difficulty == 0 && q->nchoices == 2);
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

/* Expects the file to be refused with exactly the error want. */
static void refused(const char *name, const char *want)
{
	struct diags d = {0};
	int rc;
	struct deck *deck = get(name, &d, &rc, NULL);
	CHECK(rc == -1);
	CHECK(d.nerrors == 1);
	bool ok = diag_has(&d, want);
	CHECK(ok);
	if (!ok)
		diag_show(&d);
	deck_free(deck);
	diag_free(&d);
}

static void test_refused(void)
{
	refused("syntax.json", DIR "syntax.json:3:66: error: trailing comma: expected '\"' to start an object key after ',', found '}'");
	refused("code.json", DIR "code.json:1:19: error: the response has response_code 5 (rate limit): it holds no questions");
	refused("not-trivia.json", DIR "not-trivia.json:1:1: error: no \"results\": an Open Trivia Database "
	                           "response has a list of questions in \"results\"");
	refused("empty.json", DIR "empty.json: error: the file is empty: there is nothing to import");
	refused("blank.json", DIR "blank.json: error: the file is empty: there is nothing to import");
}

/* Imports text as opentdb; returns the deck, diagnostics in d. */
static struct deck *from_text(const char *text, struct diags *d, int *rc)
{
	return import_bytes("t.json", text, strlen(text), "opentdb", d, rc, NULL);
}

static void test_json_faults(void)
{
	/* What json_check refuses, with its place: invalid UTF-8, a raw
	 * control character, a top level that is neither object nor list. */
	struct diags d = {0};
	int rc;
	struct deck *deck = from_text("[{\"type\": \"boolean\", \"question\": \"Caf\xe9?\"}]", &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.json:1:38: error:"));
	deck_free(deck);
	diag_free(&d);
	deck = from_text("{\"results\": [\n\"a\tb\"]}", &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.json:2:3: error:"));
	deck_free(deck);
	diag_free(&d);
	deck = from_text("\"results\"", &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.json:1:1: error: expected an object {\"results\": [...]} or a list of questions"));
	deck_free(deck);
	diag_free(&d);
	deck = from_text("{\"response_code\": \"0\", \"results\": []}", &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.json:1:19: error: response_code is not a number"));
	deck_free(deck);
	diag_free(&d);
	deck = from_text("{\"results\": {}}", &d, &rc);
	CHECK(rc == -1 && diag_has(&d, "t.json:1:13: error: \"results\" is not a list"));
	deck_free(deck);
	diag_free(&d);
}

static void test_encoding_cases(void)
{
	struct diags d = {0};
	int rc;
	/* url3986 is told from HTML by its escapes and lack of spaces; a
	 * percent sign in an HTML-escaped question is only a percent sign */
	struct deck *deck = from_text(
		"[{\"type\": \"boolean\", \"question\": \"Is 100% of 5 five?\", \"correct_answer\": \"True\"},"
		" {\"type\": \"boolean\", \"question\": \"Caf%C3%A9%3F\", \"correct_answer\": \"False\"},"
		" {\"type\": \"Ym9vbGVhbg==\", \"question\": \"w4ljb2xlPw\", \"correct_answer\": \"VHJ1ZQ==\"},"
		" {\"type\": \"boolean\", \"question\": \"&#0; &#xD800; &#1114112; &#99999999999; &#; &#x; &amp &\","
		"  \"correct_answer\": \"true\"}]", &d, &rc);
	CHECK(rc == 0 && deck && deck->nquestions == 4);
	if (deck && deck->nquestions == 4) {
		CHECK_STR(deck->questions[0].prompt, "Is 100% of 5 five?");
		CHECK_STR(deck->questions[1].prompt, "Caf\xc3\xa9?");
		CHECK(!deck->questions[1].truth);
		/* base64 without its padding */
		CHECK_STR(deck->questions[2].prompt, "\xc3\x89" "cole?");
		CHECK(deck->questions[2].truth);
		/* references to nothing are U+FFFD; what is no reference stays */
		CHECK_STR(deck->questions[3].prompt, "\xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd \xef\xbf\xbd &#; &#x; &amp &");
	}
	CHECK(written_errors(deck) == 0);
	deck_free(deck);
	diag_free(&d);
}

int main(void)
{
	RUN(test_api_response);
	RUN(test_encodings);
	RUN(test_results_dump);
	RUN(test_bom_crlf);
	RUN(test_dropped_and_skipped);
	RUN(test_refused);
	RUN(test_json_faults);
	RUN(test_encoding_cases);
	return check_done();
}
