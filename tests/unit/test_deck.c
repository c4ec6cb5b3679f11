/* Unit tests of the deck loader: a valid deck, and every kind of refusal. */
#include <stdarg.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "deck.h"
#include "layout.h"

#define HEAD "{\"format\":\"recall-deck/1\",\"id\":\"t\",\"title\":\"T\",\n" \
	"\"sources\":[{\"id\":\"r1\",\"title\":\"Report\"}],\n\"questions\":[\n"
#define TAIL "\n]}"

/* Loads text; returns the deck (or NULL) and leaves diagnostics in d. */
static struct deck *load(const char *text, struct diags *d)
{
	diag_free(d);
	return deck_load_buffer("t.json", text, strlen(text), d);
}

/* True when some diagnostic of the level sits at line:col and says want. */
static bool has(const struct diags *d, enum diag_level lv, unsigned line, unsigned col,
                const char *want)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		if (g->level == lv && g->line == line && g->col == col &&
		    strstr(g->msg, want))
			return true;
	}
	printf("  no %s at %u:%u saying \"%s\"; got:\n", lv == DIAG_ERROR ? "error" : "warning",
	       line, col, want);
	diag_print(d, stdout);
	return false;
}

/* Expects exactly the diagnostics want (NULL-terminated), each as printed
 * ("t.json:4:5: error: ..."), in that order; and a deck only when there
 * is no error among them. */
static void says(const char *text, const char *const *want)
{
	struct diags d = {0};
	struct deck *deck = load(text, &d);
	size_t n = 0;
	bool error = false;
	for (; want[n]; n++)
		error |= strstr(want[n], ": error: ") != NULL;
	bool same = d.n == n;
	char line[2048];
	for (size_t i = 0; same && i < n; i++) {
		diag_format(&d.v[i], line, sizeof line);
		same = strcmp(line, want[i]) == 0;
	}
	CHECK(same);
	CHECK((deck != NULL) == !error);
	if (!same) {
		printf("  expected:\n");
		for (size_t i = 0; i < n; i++)
			printf("    %s\n", want[i]);
		printf("  got:\n");
		for (size_t i = 0; i < d.n; i++) {
			diag_format(&d.v[i], line, sizeof line);
			printf("    %s\n", line);
		}
	}
	deck_free(deck);
	diag_free(&d);
}

/* Expects text to be refused with an error at line:col saying want. */
static void refused(const char *text, unsigned line, unsigned col, const char *want)
{
	struct diags d = {0};
	struct deck *deck = load(text, &d);
	CHECK(deck == NULL);
	CHECK(d.nerrors > 0);
	CHECK(has(&d, DIAG_ERROR, line, col, want));
	deck_free(deck);
	diag_free(&d);
}

static void valid_deck_of_every_type(void)
{
	const char *text = HEAD
		"{\"id\":\"c\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"a\",\"b\"],\"answer\":\"b\","
		"\"source\":{\"ref\":\"r1\",\"paragraph\":2},\"tags\":[\"x\",\"y\"],\"difficulty\":3,\"points\":50,\"hint\":\"h\"},\n"
		"{\"id\":\"m\",\"type\":\"multi\",\"prompt\":\"P\",\"choices\":[\"a\",\"b\",\"c\"],\"answer\":[\"a\",\"c\"],\"shuffle\":false},\n"
		"{\"id\":\"tf\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":false},\n"
		"{\"id\":\"n\",\"type\":\"number\",\"prompt\":\"P\",\"answer\":26,\"tolerance\":1,\"unit\":\"people\"},\n"
		"{\"id\":\"n2\",\"type\":\"number\",\"prompt\":\"P\",\"answer\":5,\"min\":4,\"max\":7},\n"
		"{\"id\":\"t\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":[\"One\",\"Two\"],\"exact\":true},\n"
		"{\"id\":\"o\",\"type\":\"order\",\"prompt\":\"P\",\"items\":[\"1\",\"2\",\"3\"]},\n"
		"{\"id\":\"p\",\"type\":\"match\",\"prompt\":\"P\",\"pairs\":[[\"l1\",\"r1\"],[\"l2\",\"r2\"]]},\n"
		"{\"id\":\"k\",\"type\":\"card\",\"front\":\"F\",\"back\":\"B\"}" TAIL;
	struct diags d = {0};
	struct deck *deck = load(text, &d);
	CHECK(deck != NULL);
	CHECK(d.n == 0);
	if (!deck)
		return;
	CHECK_STR(deck->id, "t");
	CHECK(deck->nquestions == 9);
	const struct question *q = deck->questions;
	CHECK(q[0].type == Q_CHOICE && q[0].correct == 1 && q[0].nchoices == 2);
	CHECK(q[0].source == &deck->sources[0] && q[0].paragraph == 2);
	CHECK(q[0].ntags == 2 && deck_has_tag(&q[0], "y") && !deck_has_tag(&q[0], "z"));
	CHECK(q[0].difficulty == 3);
	CHECK_NUM(q[0].points, 50);
	CHECK(q[0].shuffle);
	CHECK_STR(q[0].hint, "h");
	CHECK(q[1].correct == 5ul && !q[1].shuffle);
	CHECK(q[2].type == Q_TRUEFALSE && !q[2].truth);
	CHECK_NUM(q[3].min, 25);
	CHECK_NUM(q[3].max, 27);
	CHECK_STR(q[3].unit, "people");
	CHECK_NUM(q[4].min, 4);
	CHECK_NUM(q[4].max, 7);
	CHECK(q[5].naccept == 2 && q[5].exact);
	CHECK_STR(q[5].accept[1], "Two");
	CHECK(q[6].nchoices == 3);
	CHECK_STR(q[7].rights[1], "r2");
	CHECK_STR(q[8].prompt, "F");
	CHECK_STR(q[8].back, "B");
	CHECK_NUM(q[2].points, DECK_DEFAULT_POINTS);
	size_t counts[Q_NTYPES];
	deck_count_types(deck, counts);
	CHECK(counts[Q_NUMBER] == 2 && counts[Q_CARD] == 1);
	deck_free(deck);
	diag_free(&d);
}

static void syntax_errors_have_positions(void)
{
	refused("", 1, 1, "empty");
	refused("{\"format\":\"recall-deck/1\",\n  \"id\": 01}", 2, 9, "");
	refused("{\"a\":1} x", 1, 9, "after");
	refused("[1,2,]", 1, 6, "");
}

static void not_a_deck(void)
{
	refused("[1,2]", 1, 1, "not a deck");
	refused("{\"title\":\"x\"}", 1, 1, "missing \"format\"");
	refused("{\"format\":\"recall-deck/9\",\"id\":\"x\",\"title\":\"x\",\"questions\":[]}", 1, 11,
	        "unsupported format");
	refused("{\"format\":\"recall-deck/1\",\"id\":\"x\",\"title\":\"x\",\"questions\":[]}", 1, 60,
	        "'questions' is empty");
	refused("{\"format\":\"recall-deck/1\",\"title\":\"x\",\"questions\":[{}]}", 1, 1, "missing 'id'");
	refused("{\"format\":\"recall-deck/1\",\"id\":\"Bad Id\",\"title\":\"x\",\"questions\":[]}", 1, 32,
	        "slug");
	refused("{\"format\":\"recall-deck/1\",\"format\":\"recall-deck/1\"}", 1, 27, "duplicate key");
	/* field names are case-sensitive, unlike cJSON_GetObjectItem */
	refused("{\"Format\":\"recall-deck/1\",\"id\":\"x\",\"title\":\"x\",\"questions\":[]}", 1, 1,
	        "missing \"format\"");
}

static void question_errors_name_question_and_field(void)
{
	refused(HEAD "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"answer\":\"z\"}" TAIL,
	        4, 69, "question 1 (id 'a'): answer 'z' is not one of the choices");
	refused(HEAD "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[],\"answer\":\"z\"}" TAIL,
	        4, 50, "'choices' is empty");
	refused(HEAD "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"x\"],\"answer\":\"x\"}" TAIL,
	        4, 50, "'choices' has 1 entry; it needs at least 2");
	refused(HEAD "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"x\",\"x\"],\"answer\":\"x\"}" TAIL,
	        4, 55, "lists 'x' twice");
	refused(HEAD "{\"id\":\"a\",\"type\":\"number\",\"prompt\":\"P\",\"answer\":3,\"tolerance\":-1}" TAIL,
	        4, 63, "'tolerance' must not be below zero");
	refused(HEAD "{\"id\":\"a\",\"type\":\"number\",\"prompt\":\"P\",\"answer\":3,\"min\":5,\"max\":4}" TAIL,
	        4, 57, "'min' (5) is above 'max' (4)");
	refused(HEAD "{\"id\":\"a\",\"type\":\"number\",\"prompt\":\"P\",\"answer\":1e999}" TAIL,
	        4, 49, "too large");
	refused(HEAD "{\"id\":\"a\",\"type\":\"number\",\"prompt\":\"P\",\"answer\":\"3\"}" TAIL,
	        4, 49, "'answer' must be a number, found a string");
	refused(HEAD "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"answer\":\"x\","
	        "\"source\":{\"ref\":\"nope\"}}" TAIL, 4, 89, "source 'nope' is not listed");
	refused(HEAD "{\"id\":\"a\",\"type\":\"quiz\",\"prompt\":\"P\"}" TAIL, 4, 18, "unknown type 'quiz'");
	refused(HEAD "{\"id\":\"a\",\"prompt\":\"P\"}" TAIL, 4, 1, "missing 'type'");
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"  \",\"answer\":true}" TAIL,
	        4, 39, "'prompt' must not be empty");
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true,\"difficulty\":6}" TAIL,
	        4, 70, "'difficulty' must be a whole number from 1 to 5");
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true,\"points\":0}" TAIL,
	        4, 66, "'points' must be above 0");
	refused(HEAD "{\"id\":\"a\",\"type\":\"multi\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"answer\":[]}" TAIL,
	        4, 68, "'answer' is empty");
	refused(HEAD "{\"id\":\"a\",\"type\":\"match\",\"prompt\":\"P\",\"pairs\":[[\"l\",\"r\"],[\"l2\"]]}" TAIL,
	        4, 58, "two strings");
	refused(HEAD "{\"id\":\"a\",\"type\":\"card\",\"front\":\"F\"}" TAIL, 4, 1, "missing 'back'");
	refused(HEAD "{\"id\":\"a\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":[]}" TAIL, 4, 47, "'answer' is empty");
	refused(HEAD "\"just a string\"" TAIL, 4, 1, "question 1: expected an object");
}

static void duplicate_ids(void)
{
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},\n"
	        "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"Q\",\"answer\":false}" TAIL,
	        5, 1, "question 2: duplicate id 'a' (question 1 at line 4 has it already)");
	refused("{\"format\":\"recall-deck/1\",\"id\":\"t\",\"title\":\"T\",\"sources\":["
	        "{\"id\":\"r\",\"title\":\"A\"},{\"id\":\"r\",\"title\":\"B\"}],\"questions\":[]}",
	        1, 88, "duplicate source id 'r'");
	refused(HEAD "{\"id\":\"a\",\"id\":\"b\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true}" TAIL,
	        4, 11, "duplicate key 'id'");
}

/* Messages come in file order, whichever check found them. */
static void messages_in_file_order(void)
{
	says(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},\n"
	     "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"Q\",\"answer\":false},\n"
	     "{\"id\":\"b\",\"type\":\"truefalse\",\"prompt\":\"R\",\"answer\":0}" TAIL,
	     (const char *const[]){
		"t.json:5:1: error: question 2: duplicate id 'a' (question 1 at line 4 has it already)",
		"t.json:6:52: error: question 3 (id 'b'): 'answer' must be true or false, found a number",
		NULL });
}

__attribute__((format(printf, 4, 5)))
static void add_diag(struct diags *d, unsigned line, unsigned col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, "t.json", line, col, DIAG_ERROR, fmt, ap);
	va_end(ap);
}

static void diag_sort_is_stable(void)
{
	struct diags d = {0};
	static const unsigned at[][2] = { {3, 1}, {1, 5}, {3, 1}, {0, 0}, {1, 2}, {3, 1}, {2, 9} };
	for (size_t i = 0; i < sizeof at / sizeof at[0]; i++)
		add_diag(&d, at[i][0], at[i][1], "m%zu", i);
	diag_sort(&d, 1);  /* the first stays where it is */
	char got[64] = "";
	for (size_t i = 0; i < d.n; i++) {
		strcat(got, d.v[i].msg);
		strcat(got, " ");
	}
	CHECK_STR(got, "m0 m3 m4 m1 m6 m2 m5 ");
	diag_free(&d);
}

static void control_characters_refused(void)
{
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"bad \\u001b[31m\",\"answer\":true}" TAIL,
	        4, 39, "control character");
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"cr\\r\",\"answer\":true}" TAIL,
	        4, 39, "control character");
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"c1 \\u009b\",\"answer\":true}" TAIL,
	        4, 39, "control character");
	/* newline and tab are fine */
	struct diags d = {0};
	struct deck *deck = load(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"l1\\nl2\\tx\",\"answer\":true}" TAIL, &d);
	CHECK(deck != NULL);
	if (deck)
		CHECK_STR(deck->questions[0].prompt, "l1\nl2\tx");
	deck_free(deck);
	diag_free(&d);
}

static void invalid_utf8_with_byte_offset(void)
{
	refused(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"caf\xc3\",\"answer\":true}" TAIL,
	        4, 43, "byte offset 146");
}

static void unknown_fields_warn_but_load(void)
{
	struct diags d = {0};
	struct deck *deck = load(
		"{\"format\":\"recall-deck/1\",\"id\":\"t\",\"title\":\"T\",\"colour\":1,\n\"questions\":[\n"
		"{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true,\"anwser\":1,\"choices\":[]}]}", &d);
	CHECK(deck != NULL);
	CHECK(d.nerrors == 0 && d.nwarnings == 3);
	CHECK(has(&d, DIAG_WARNING, 1, 48, "unknown field 'colour'"));
	CHECK(has(&d, DIAG_WARNING, 3, 57, "unknown field 'anwser'"));
	CHECK(has(&d, DIAG_WARNING, 3, 68, "field 'choices' does not apply to a truefalse question"));
	deck_free(deck);
	diag_free(&d);
}

static void every_error_reported_not_only_the_first(void)
{
	struct diags d = {0};
	struct deck *deck = load(HEAD
		"{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":1},\n"
		"{\"id\":\"b\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"answer\":\"q\"},\n"
		"{\"id\":\"c\",\"type\":\"number\",\"prompt\":\"P\"}" TAIL, &d);
	CHECK(deck == NULL);
	CHECK(d.nerrors == 3);
	CHECK(has(&d, DIAG_ERROR, 4, 52, "question 1 (id 'a')"));
	CHECK(has(&d, DIAG_ERROR, 5, 69, "question 2 (id 'b'): answer 'q'"));
	CHECK(has(&d, DIAG_ERROR, 6, 1, "question 3 (id 'c'): missing 'answer'"));
	deck_free(deck);
	diag_free(&d);
}

/* Bidirectional controls and zero-width characters load, with a warning
 * at the character itself, escaped or not in the file. */
static void invisible_characters_warn_where_they_are(void)
{
	says(HEAD "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"abc\\u202Efed \\\"q\\\" \\u200b!\",\"answer\":true,\n"
	     "\"hint\":\"caf\xc3\xa9\xe2\x81\xa6x\xe2\x81\xa9 \xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x92\xbb \xe2\x80\x99\"}" TAIL,
	     (const char *const[]){
		"t.json:4:43: warning: question 1 (id 'a'): 'prompt' holds U+202E RIGHT-TO-LEFT OVERRIDE, "
		"a bidirectional control that can reorder the text shown around it",
		"t.json:4:59: warning: question 1 (id 'a'): 'prompt' holds U+200B ZERO WIDTH SPACE, "
		"an invisible character",
		"t.json:5:13: warning: question 1 (id 'a'): 'hint' holds U+2066 LEFT-TO-RIGHT ISOLATE, "
		"a bidirectional control that can reorder the text shown around it",
		"t.json:5:15: warning: question 1 (id 'a'): 'hint' holds U+2069 POP DIRECTIONAL ISOLATE, "
		"a bidirectional control that can reorder the text shown around it",
		NULL });
	/* in the deck's own fields and in lists too; a byte order mark in a
	 * string is one, at the start of the file it is not */
	says("\xef\xbb\xbf{\"format\":\"recall-deck/1\",\"id\":\"t\",\"title\":\"\\ufeffT\\u061c\",\"questions\":[\n"
	     "{\"id\":\"a\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":[\"x\",\"y\\u2060\"]}]}",
	     (const char *const[]){
		"t.json:1:45: warning: 'title' holds U+FEFF ZERO WIDTH NO-BREAK SPACE, an invisible character",
		"t.json:1:52: warning: 'title' holds U+061C ARABIC LETTER MARK, "
		"a bidirectional control that can reorder the text shown around it",
		"t.json:2:54: warning: question 1 (id 'a'): 'answer' holds U+2060 WORD JOINER, an invisible character",
		NULL });
}

/* A text answer longer than the answer field could never be typed. */
static void answers_fit_the_answer_field(void)
{
	CHECK(LAYOUT_FIELD_MAX == DECK_MAX_ANSWER_BYTES);
	size_t n = DECK_MAX_ANSWER_BYTES;
	char *fits = malloc(n + 1), *over = malloc(n + 2), *text = malloc(3 * n + 400);
	if (!fits || !over || !text) {
		CHECK(!"out of memory");
		free(fits); free(over); free(text);
		return;
	}
	memset(fits, 'a', n);
	fits[n] = '\0';
	memset(over, 'b', n + 1);
	over[n + 1] = '\0';
	snprintf(text, 3 * n + 400, HEAD "{\"id\":\"a\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":\"%s\"},\n"
	         "{\"id\":\"b\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":[\"x\",\"%s\"]}" TAIL, fits, fits);
	struct diags d = {0};
	struct deck *deck = load(text, &d);
	CHECK(deck != NULL && d.n == 0);
	deck_free(deck);
	diag_free(&d);
	snprintf(text, 3 * n + 400, HEAD "{\"id\":\"a\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":\"%s\"},\n"
	         "{\"id\":\"b\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":[\"x\",\"%s\",\"%s\"]}" TAIL,
	         over, over, fits);
	says(text, (const char *const[]){
		"t.json:4:47: error: question 1 (id 'a'): 'answer' is 1001 bytes long: "
		"a typed answer can be at most 1000 bytes, what the answer field holds",
		"t.json:5:52: error: question 2 (id 'b'): 'answer' is 1001 bytes long: "
		"a typed answer can be at most 1000 bytes, what the answer field holds",
		NULL });
	free(fits);
	free(over);
	free(text);
}

/* One fault in a list does not hide the next: what depends on the list is
 * still checked against it, and counts are said in good English. */
static void list_faults_hide_nothing(void)
{
	says(HEAD "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"A\",\"B\",\"A\"],\"answer\":\"C\"},\n"
	     "{\"id\":\"b\",\"type\":\"multi\",\"prompt\":\"P\",\"choices\":[\"A\"],\"answer\":[\"A\",\"Z\"]},\n"
	     "{\"id\":\"c\",\"type\":\"order\",\"prompt\":\"P\",\"items\":[\"x\"]},\n"
	     "{\"id\":\"d\",\"type\":\"order\",\"prompt\":\"P\",\"items\":[]},\n"
	     "{\"id\":\"e\",\"type\":\"match\",\"prompt\":\"P\",\"pairs\":[[\"l\",1]]},\n"
	     "{\"id\":\"f\",\"type\":\"text\",\"prompt\":\"P\",\"answer\":[\"x\",\"\",\"x\"],\"tags\":[\"t\",\"t\"]}" TAIL,
	     (const char *const[]){
		"t.json:4:59: error: question 1 (id 'a'): 'choices' lists 'A' twice",
		"t.json:4:73: error: question 1 (id 'a'): answer 'C' is not one of the choices",
		"t.json:5:49: error: question 2 (id 'b'): 'choices' has 1 entry; it needs at least 2",
		"t.json:5:69: error: question 2 (id 'b'): answer 'Z' is not one of the choices",
		"t.json:6:47: error: question 3 (id 'c'): 'items' has 1 entry; it needs at least 2",
		"t.json:7:47: error: question 4 (id 'd'): 'items' is empty; it needs at least 2 entries",
		"t.json:8:47: error: question 5 (id 'e'): 'pairs' has 1 entry; it needs at least 2",
		"t.json:8:53: error: question 5 (id 'e'): 'pairs' must be a string, found a number",
		"t.json:9:52: error: question 6 (id 'f'): 'answer' must not be empty",
		"t.json:9:55: error: question 6 (id 'f'): 'answer' lists 'x' twice",
		"t.json:9:72: error: question 6 (id 'f'): 'tags' lists 't' twice",
		NULL });
}

/* A source with a fault is still one the questions may cite. */
static void faulty_source_still_listed(void)
{
	says("{\"format\":\"recall-deck/1\",\"id\":\"t\",\"title\":\"T\",\n"
	     "\"sources\":[{\"id\":\"r1\",\"title\":\"\"},{\"id\":\"R2\",\"title\":\"Two\",\"url\":5}],\n"
	     "\"questions\":[\n"
	     "{\"id\":\"a\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true,\"source\":{\"ref\":\"r1\"}},\n"
	     "{\"id\":\"b\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true,\"source\":{\"ref\":\"R2\"}},\n"
	     "{\"id\":\"c\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true,\"source\":{\"ref\":\"r3\"}}]}",
	     (const char *const[]){
		"t.json:2:31: error: source 1: 'title' must not be empty",
		"t.json:2:41: error: source 2: 'id' must be a slug of 1 to 64 lower-case letters, digits, '-', '_' or '.', found 'R2'",
		"t.json:2:66: error: source 2: 'url' must be a string, found a number",
		"t.json:6:73: error: question 3 (id 'c'): source 'r3' is not listed in the deck's 'sources'",
		NULL });
}

/* An unknown type still has what every question has checked, and is
 * named with the known types and the one it likely misspells. */
static void unknown_type_hides_nothing(void)
{
	says(HEAD "{\"id\":\"a\",\"type\":\"chioce\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"shufle\":true,\n"
	     "\"hint\":\" \",\"tags\":[],\"difficulty\":9,\"points\":-1,\"source\":{\"ref\":\"nope\"}},\n"
	     "{\"id\":\"b\",\"type\":\"quiz\",\"front\":\"F\"},\n"
	     "{\"id\":\"c\",\"prompt\":\"P\",\"explanation\":7}" TAIL,
	     (const char *const[]){
		"t.json:4:18: error: question 1 (id 'a'): unknown type 'chioce' (did you mean 'choice'?): "
		"expected one of choice, multi, truefalse, number, text, order, match, card",
		"t.json:4:60: warning: question 1 (id 'a'): unknown field 'shufle' (ignored); did you mean 'shuffle'?",
		"t.json:5:8: error: question 1 (id 'a'): 'hint' must not be empty",
		"t.json:5:19: error: question 1 (id 'a'): 'tags' is empty; it needs at least 1 entry",
		"t.json:5:35: error: question 1 (id 'a'): 'difficulty' must be a whole number from 1 to 5",
		"t.json:5:46: error: question 1 (id 'a'): 'points' must be above 0 and at most 10000, found -1",
		"t.json:5:65: error: question 1 (id 'a'): source 'nope' is not listed in the deck's 'sources'",
		"t.json:6:18: error: question 2 (id 'b'): unknown type 'quiz': "
		"expected one of choice, multi, truefalse, number, text, order, match, card",
		"t.json:7:1: error: question 3 (id 'c'): missing 'type' "
		"(one of choice, multi, truefalse, number, text, order, match, card)",
		"t.json:7:38: error: question 3 (id 'c'): 'explanation' must be a string, found a number",
		NULL });
}

/* A misspelt field name gets a suggestion: within two edits, or a
 * difference in case only. */
static void misspelt_fields_get_a_suggestion(void)
{
	says("{\"format\":\"recall-deck/1\",\"id\":\"t\",\"titel\":\"T\",\"sauces\":[],\n\"questions\":[\n"
	     "{\"id\":\"a\",\"type\":\"choice\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"answer\":\"x\",\"shufle\":false,\n"
	     "\"Hint\":\"h\",\"xyz\":1,\"explaination\":\"e\",\"tolerance\":1,\"ID\":\"q\",\"source\":{\"ref\":\"r\",\"pargraph\":2}}]}",
	     (const char *const[]){
		"t.json:1:1: error: missing 'title'",
		"t.json:1:36: warning: unknown field 'titel' (ignored); did you mean 'title'?",
		"t.json:1:48: warning: unknown field 'sauces' (ignored); did you mean 'sources'?",
		"t.json:3:73: warning: question 1 (id 'a'): unknown field 'shufle' (ignored); did you mean 'shuffle'?",
		"t.json:4:1: warning: question 1 (id 'a'): unknown field 'Hint' (ignored); did you mean 'hint'?",
		"t.json:4:12: warning: question 1 (id 'a'): unknown field 'xyz' (ignored)",
		"t.json:4:20: warning: question 1 (id 'a'): unknown field 'explaination' (ignored); did you mean 'explanation'?",
		"t.json:4:39: warning: question 1 (id 'a'): field 'tolerance' does not apply to a choice question (ignored)",
		"t.json:4:53: warning: question 1 (id 'a'): unknown field 'ID' (ignored); did you mean 'id'?",
		"t.json:4:78: error: question 1 (id 'a'): source 'r' is not listed in the deck's 'sources'",
		"t.json:4:82: warning: question 1 (id 'a'): unknown field 'pargraph' (ignored); did you mean 'paragraph'?",
		NULL });
}

/* A choice question whose right option is always at one place. */
#define CQ(id, answer, more) "{\"id\":\"" id "\",\"type\":\"choice\",\"prompt\":\"P\"," \
	"\"choices\":[\"x\",\"y\",\"z\"],\"answer\":\"" answer "\"" more "}"

/* The right option at one position in most choice questions gives it away
 * in deck order; "shuffle": false with the right option first always does. */
static void right_option_position_warned(void)
{
	says(HEAD CQ("a", "x", "") ",\n" CQ("b", "y", "") ",\n" CQ("c", "x", ",\"shuffle\":false") ",\n"
	     CQ("d", "z", ",\"shuffle\":false") ",\n" CQ("e", "x", "") ",\n"
	     "{\"id\":\"f\",\"type\":\"multi\",\"prompt\":\"P\",\"choices\":[\"x\",\"y\"],\"answer\":[\"x\"],\"shuffle\":false}" TAIL,
	     (const char *const[]){
		"t.json:3:13: warning: the right option is option 1 in 3 of 5 choice questions; "
		"a quiz in deck order gives it away",
		"t.json:6:77: warning: question 3 (id 'c'): 'shuffle' is false and the right option is the first: "
		"it is always shown first, which gives it away",
		NULL });
	/* half is not more than half; fewer than five say little; questions
	 * with faults are not counted */
	says(HEAD CQ("a", "x", "") ",\n" CQ("b", "y", "") ",\n" CQ("c", "x", "") ",\n"
	     CQ("d", "z", "") ",\n" CQ("e", "x", "") ",\n" CQ("f", "y", "") TAIL, (const char *const[]){ NULL });
	says(HEAD CQ("a", "x", "") ",\n" CQ("b", "x", "") ",\n" CQ("c", "x", "") ",\n" CQ("d", "x", "") TAIL,
	     (const char *const[]){ NULL });
	says(HEAD CQ("a", "x", "") ",\n" CQ("b", "x", "") ",\n" CQ("c", "x", "") ",\n"
	     CQ("d", "y", "") ",\n" CQ("e", "z", "") ",\n" CQ("f", "y", "") ",\n" CQ("g", "x", ",\"points\":0") TAIL,
	     (const char *const[]){
		"t.json:10:86: error: question 7 (id 'g'): 'points' must be above 0 and at most 10000, found 0",
		NULL });
}

static void files_on_disk(void)
{
	struct diags d = {0};
	CHECK(deck_load("/nonexistent/deck.json", &d) == NULL);
	CHECK(d.nerrors == 1 && d.v[0].line == 0 && strstr(d.v[0].msg, "cannot open"));
	diag_free(&d);
	CHECK(deck_load("tests", &d) == NULL);
	CHECK(d.nerrors == 1 && strstr(d.v[0].msg, "folder"));
	diag_free(&d);
	/* stat gives /proc/version a size of 0, yet it is not empty */
	if (access("/proc/version", R_OK) == 0) {
		CHECK(deck_load("/proc/version", &d) == NULL);
		CHECK(d.nerrors == 1 && d.v[0].line == 1 && d.v[0].col == 1 && !strstr(d.v[0].msg, "empty"));
		CHECK(d.n == 1 && strstr(d.v[0].msg, "expected a JSON value, found 'Linux'"));
		diag_free(&d);
	}
	/* a deck read whole, larger than any first guess at its size */
	char path[64];
	snprintf(path, sizeof path, "/tmp/recall-long-%d.json", (int)getpid());
	FILE *lf = fopen(path, "w");
	CHECK(lf != NULL);
	if (lf) {
		fputs(HEAD, lf);
		for (int i = 0; i < 2000; i++)
			fprintf(lf, "%s{\"id\":\"q%d\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true}",
			        i ? ",\n" : "", i);
		fputs(TAIL, lf);
		fclose(lf);
		struct deck *deck = deck_load(path, &d);
		CHECK(deck != NULL && deck->nquestions == 2000 && d.n == 0);
		deck_free(deck);
		diag_free(&d);
		remove(path);
	}
	char big[64];
	snprintf(big, sizeof big, "/tmp/recall-big-%d.json", (int)getpid());
	FILE *f = fopen(big, "w");
	CHECK(f != NULL);
	if (f) {
		fseek(f, (long)DECK_MAX_BYTES, SEEK_SET);
		fputc(' ', f);
		fclose(f);
		CHECK(deck_load(big, &d) == NULL);
		CHECK(d.nerrors == 1 && strstr(d.v[0].msg, "larger than the 64 MiB"));
		remove(big);
	}
	diag_free(&d);
}

static void diagnostics_print_like_a_compiler(void)
{
	struct diags d = {0};
	CHECK(load("{\n  \"format\": 1}", &d) == NULL);
	char line[256];
	CHECK(d.n >= 1);
	if (d.n) {
		diag_format(&d.v[0], line, sizeof line);
		CHECK(strncmp(line, "t.json:2:13: error: unsupported format", 38) == 0);
	}
	diag_free(&d);
}

int main(void)
{
	RUN(valid_deck_of_every_type);
	RUN(syntax_errors_have_positions);
	RUN(not_a_deck);
	RUN(question_errors_name_question_and_field);
	RUN(duplicate_ids);
	RUN(messages_in_file_order);
	RUN(diag_sort_is_stable);
	RUN(control_characters_refused);
	RUN(invalid_utf8_with_byte_offset);
	RUN(unknown_fields_warn_but_load);
	RUN(every_error_reported_not_only_the_first);
	RUN(invisible_characters_warn_where_they_are);
	RUN(answers_fit_the_answer_field);
	RUN(list_faults_hide_nothing);
	RUN(faulty_source_still_listed);
	RUN(unknown_type_hides_nothing);
	RUN(misspelt_fields_get_a_suggestion);
	RUN(right_option_position_warned);
	RUN(files_on_disk);
	RUN(diagnostics_print_like_a_compiler);
	return check_done();
}
