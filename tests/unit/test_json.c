/* Unit tests for json.c: the strict check, its positions, the top-level
 * spans and json_locate. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "diag.h"
#include "json.h"

/* Checks buf[0..len) and returns the result; diagnostics land in *d. */
static int run(const char *buf, size_t len, struct diags *d, struct json_top *top)
{
	struct diag_src src;
	diag_src_init(&src, "t.json", buf, len);
	return json_check(&src, d, top);
}

/* Expects buf[0..len) to be refused with a first diagnostic at line:col
 * whose message holds words. */
static void expect_error(int at, const char *buf, size_t len, unsigned line, unsigned col,
                         const char *words)
{
	struct diags d = {0};
	struct json_top top;
	int rc = run(buf, len, &d, &top);
	int before = check_failed_now;

	CHECK(rc == -1);
	CHECK(d.n >= 1 && d.nerrors >= 1);
	if (d.n >= 1) {
		CHECK(d.v[0].level == DIAG_ERROR);
		CHECK(d.v[0].line == line);
		CHECK(d.v[0].col == col);
		CHECK(strstr(d.v[0].msg, words) != NULL);
	}
	if (check_failed_now != before)
		printf("  (case at line %d: got %u:%u \"%s\", wanted %u:%u \"%s\")\n", at,
		       d.n ? d.v[0].line : 0, d.n ? d.v[0].col : 0, d.n ? d.v[0].msg : "",
		       line, col, words);
	diag_free(&d);
}

/* String literals may hold NUL bytes: take the length from sizeof. */
#define ERR(lit, line, col, words) expect_error(__LINE__, lit, sizeof(lit) - 1, line, col, words)

static void expect_ok(int at, const char *buf, size_t len)
{
	struct diags d = {0};
	int rc = run(buf, len, &d, NULL);
	CHECK(rc == 0);
	CHECK(d.n == 0);
	if (rc != 0 || d.n)
		printf("  (case at line %d: %s)\n", at, d.n ? d.v[0].msg : "?");
	diag_free(&d);
}

#define OK(lit) expect_ok(__LINE__, lit, sizeof(lit) - 1)

static void test_whitespace_control_bytes(void)
{
	ERR("[1,\x01 2]", 1, 4, "found byte 0x01");
	ERR("[1,\0 2]", 1, 4, "found byte 0x00");
	ERR("\0{}", 1, 1, "expected a JSON value, found byte 0x00");
	ERR("{\x0c}", 1, 2, "found byte 0x0c");
	ERR("[1\x0b]", 1, 3, "found byte 0x0b");
	ERR("{}\0", 1, 3, "unexpected byte 0x00 after the JSON value");
	OK(" \t\r\n[ 1 ,\t2\r\n]\r\n ");
}

static void test_control_in_string(void)
{
	ERR("[\"a\tb\"]", 1, 4, "control character 0x09");
	ERR("[\"a\0b\"]", 1, 4, "control character 0x00");
	ERR("{\n  \"k\": \"ab\ncd\"\n}", 2, 11, "control character 0x0a");
	ERR("[\"\x1f\"]", 1, 3, "control character 0x1f");
	OK("[\"a\x7f b\"]");  /* DEL is not a control character for JSON */
}

static void test_numbers(void)
{
	ERR("[01]", 1, 2, "leading zeros");
	ERR("[-01]", 1, 3, "leading zeros");
	ERR("00", 1, 1, "leading zeros");
	ERR("[2.]", 1, 4, "digit after the decimal point, found ']'");
	ERR("2.e5", 1, 3, "digit after the decimal point, found 'e'");
	ERR("[.5]", 1, 2, "expected a JSON value, found '.'");
	ERR("[+1]", 1, 2, "expected a JSON value, found '+'");
	ERR("[1e]", 1, 4, "digit in the exponent, found ']'");
	ERR("1e+", 1, 4, "digit in the exponent, found end of file");
	ERR("1E-x", 1, 4, "digit in the exponent, found 'x'");
	ERR("-", 1, 2, "digit after '-', found end of file");
	ERR("[- 1]", 1, 3, "digit after '-', found ' '");
	ERR("[1.5.3]", 1, 5, "expected ',' or ']' after array element, found '.'");
	ERR("0x1F", 1, 2, "unexpected 'x' after the JSON value");
	OK("[0, -0, 1, -12.5, 0.5e-10, 1E+2, 3e7, 123456789012345678901234567890, 1.0E0]");
	OK("0");
	OK("-7.25");
}

static void test_escapes(void)
{
	ERR("[\"\\u12\"]", 1, 3, "malformed \\u escape: expected 4 hex digits, found '\"'");
	ERR("[\"ab\\u12g4\"]", 1, 5, "malformed \\u escape");
	ERR("[\"\\u\"]", 1, 3, "found '\"'");
	ERR("[\"\\x41\"]", 1, 3, "unknown escape '\\x'");
	ERR("[\"\\a\"]", 1, 3, "unknown escape '\\a'");
	ERR("[\"\\\x01\"]", 1, 3, "unknown escape in string: '\\' followed by byte 0x01");
	ERR("[\"ok\\u0000\"]", 1, 5, "\\u0000 is not allowed");
	ERR("[\"\\ud800\"]", 1, 3, "unpaired surrogate escape '\\ud800'");
	ERR("[\"\\uDBFFx\"]", 1, 3, "unpaired surrogate");
	ERR("[\"\\udc00\"]", 1, 3, "low surrogate with no high surrogate");
	ERR("[\"\\ud800\\u0041\"]", 1, 3, "high surrogate must be followed by a low one");
	ERR("[\"\\ud800\\n\"]", 1, 3, "unpaired surrogate");
	ERR("[\"\\ud800\\ud800\\udc00\"]", 1, 3, "unpaired surrogate");
	OK("[\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u00e9 \\u00E9 \\ud83d\\ude00 \\uDBFF\\uDFFF \\u0001\"]");
}

static void test_invalid_utf8(void)
{
	ERR("[\"a\xff\"]", 1, 4, "invalid UTF-8 byte 0xff (byte offset 3)");
	ERR("[\"\xc0\xaf\"]", 1, 3, "invalid UTF-8 byte 0xc0 (byte offset 2): overlong");
	ERR("[\"\xc1\xbf\"]", 1, 3, "overlong");
	ERR("[\"\xe0\x80\x80\"]", 1, 3, "invalid UTF-8 byte 0xe0 (byte offset 2): overlong");
	ERR("[\"\xf0\x8f\xbf\xbf\"]", 1, 3, "overlong");
	ERR("[\"\xed\xa0\x80\"]", 1, 3, "invalid UTF-8 byte 0xed (byte offset 2): encoded surrogate");
	ERR("[\"\xed\xbf\xbf\"]", 1, 3, "encoded surrogate");
	ERR("[\"\xf4\x90\x80\x80\"]", 1, 3, "above U+10FFFF");
	ERR("[\"\xf5\x80\x80\x80\"]", 1, 3, "invalid UTF-8 byte 0xf5");
	ERR("[\"\xe2\x82\"]", 1, 3, "truncated");
	ERR("[\"\xf0\x9f\x98\"]", 1, 3, "truncated");
	ERR("[\"\xc3", 1, 3, "truncated");
	ERR("[\"\x80\"]", 1, 3, "invalid UTF-8 byte 0x80 (byte offset 2): unexpected continuation");
	ERR("[\"\xf8\x88\x80\x80\x80\"]", 1, 3, "invalid UTF-8 byte 0xf8");
	/* In a key, and outside any string. */
	ERR("{\"k\xfe\": 1}", 1, 4, "invalid UTF-8 byte 0xfe (byte offset 3)");
	ERR("[1,\xff]", 1, 4, "found invalid UTF-8 byte 0xff (byte offset 3)");
	ERR("{} \xc3\xa9", 1, 4, "unexpected character U+00E9 after the JSON value");
	/* A valid character before the fault: columns count code points, the
	 * message's byte offset counts bytes. */
	ERR("[\"\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\", \"x\xff\"]", 1, 11,
	    "invalid UTF-8 byte 0xff (byte offset 16)");
	OK("[\"\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80 \xf4\x8f\xbf\xbf \xee\x80\x80 \xc2\x80\"]");
}

static void test_structure(void)
{
	ERR("{} x", 1, 4, "unexpected 'x' after the JSON value");
	ERR("1 2", 1, 3, "unexpected '2' after the JSON value");
	ERR("{}\n\n  ]", 3, 3, "unexpected ']' after the JSON value");
	ERR("[1,2,]", 1, 6, "trailing comma");
	ERR("{\"a\":1,}", 1, 8, "trailing comma");
	ERR("{\"a\":1,\n}", 2, 1, "trailing comma");
	ERR("[,1]", 1, 2, "expected a JSON value, found ','");
	ERR("[1 2]", 1, 4, "expected ',' or ']' after array element, found '2'");
	ERR("[1}", 1, 3, "expected ',' or ']' after array element, found '}'");
	ERR("{\"a\":1 \"b\":2}", 1, 8, "expected ',' or '}' after object member, found '\"'");
	ERR("{\"a\":1]", 1, 7, "expected ',' or '}' after object member, found ']'");
	ERR("{\"a\" 1}", 1, 6, "expected ':' after object key, found '1'");
	ERR("{\"a\":}", 1, 6, "expected a JSON value, found '}'");
	ERR("{1:2}", 1, 2, "expected '\"' to start an object key, found '1'");
	ERR("{\"a\":1,,}", 1, 8, "expected '\"' to start an object key, found ','");
}

static void test_empty(void)
{
	ERR("", 1, 1, "empty file: expected a JSON value");
	ERR("   \n\t ", 2, 3, "empty file");
	ERR("\xef\xbb\xbf", 1, 1, "empty file");  /* a BOM takes no column */
}

static void test_unterminated(void)
{
	ERR("[\"abc", 1, 2, "unterminated string");
	ERR("{\"a\": \"x\\", 1, 7, "unterminated string");
	ERR("{\n  \"a\": [1, 2", 2, 8, "unterminated array");
	ERR("{\"a\": 1", 1, 1, "unterminated object");
	ERR("{\"a\":", 1, 1, "unterminated object");
	ERR("{\"a\"", 1, 1, "unterminated object");
	ERR("{", 1, 1, "unterminated object");
	ERR("[", 1, 1, "unterminated array");
	ERR("[[[], [", 1, 7, "unterminated array");
	ERR("[1,", 1, 1, "unterminated array");
}

static void test_not_json(void)
{
	ERR("{'a': 1}", 1, 2, "single quote");
	ERR("['x']", 1, 2, "single quote");
	ERR("[1, // one\n2]", 1, 5, "comment");
	ERR("/* deck */ {}", 1, 1, "comment");
	ERR("{} # done", 1, 4, "unexpected '#'");
	ERR("[NaN]", 1, 2, "expected a JSON value, found 'NaN'");
	ERR("Infinity", 1, 1, "found 'Infinity'");
	ERR("-Infinity", 1, 2, "digit after '-', found 'I'");
	ERR("tru", 1, 1, "found 'tru'");
	ERR("[nul]", 1, 2, "found 'nul'");
	ERR("[truex]", 1, 2, "found 'truex'");
	ERR("True", 1, 1, "found 'True'");
	ERR("[null_]", 1, 2, "found 'null_'");
	ERR("{\"a\": undefined}", 1, 7, "found 'undefined'");
	ERR("{a: 1}", 1, 2, "expected '\"' to start an object key, found 'a'");
	ERR("\xef\xbb\xbf\xef\xbb\xbf{}", 1, 1, "found character U+FEFF");
	OK("[true, false, null]");
	OK("true");
	OK(" null ");
}

static void test_bom(void)
{
	static const char doc[] = "\xef\xbb\xbf{\"a\": [1]}\n";
	struct diags d = {0};
	struct json_top top;

	CHECK(run(doc, sizeof doc - 1, &d, &top) == 0);
	CHECK(d.n == 0);
	CHECK(top.is_object == 1);
	CHECK(top.value.start == 3 && top.value.end == sizeof doc - 2);
	CHECK(top.nmembers == 1);
	if (top.nmembers == 1) {
		CHECK(top.members[0].key.start == 4 && top.members[0].key.end == 7);
		CHECK(top.members[0].nelems == 1);
	}
	json_top_free(&top);
	/* A BOM takes no column: the fault is where an editor shows it. */
	ERR("\xef\xbb\xbf[1,]", 1, 4, "trailing comma");
	ERR("\xef\xbb\xbf\n[1,]", 2, 4, "trailing comma");
	diag_free(&d);
}

/* The text of span in buf, in a static buffer. */
static const char *span_text(const char *buf, struct json_span s)
{
	static char out[256];
	size_t n = s.end > s.start ? s.end - s.start : 0;
	if (n >= sizeof out)
		n = sizeof out - 1;
	memcpy(out, buf + s.start, n);
	out[n] = '\0';
	return out;
}

static void test_valid_document(void)
{
	static const char doc[] =
		"{\n"
		"  \"format\": \"recall-deck/1\",\n"
		"  \"t\\u00eftle\" :\t\"Caf\xc3\xa9 \\\"quoted\\\" \\ud83d\\ude00\",\n"
		"  \"empty\": [],\n"
		"  \"nested\": {\"a\": [1, {\"b\": [2, 3]}], \"c\": null},\n"
		"  \"questions\": [\n"
		"    {\"id\": \"q1\", \"answer\": [\"x\", \"y\"]},\n"
		"    -1.5e3 ,\"two\",[[]], true,\n"
		"    {}\n"
		"  ],\n"
		"  \"n\": 0\n"
		"}";
	struct diags d = {0};
	struct json_top top;
	const struct json_member *m;

	CHECK(run(doc, sizeof doc - 1, &d, &top) == 0);
	CHECK(d.n == 0);
	CHECK(top.is_object == 1);
	CHECK(top.value.start == 0 && top.value.end == sizeof doc - 1);
	CHECK(top.nmembers == 6);
	if (top.nmembers != 6) {
		json_top_free(&top);
		return;
	}
	m = top.members;
	CHECK_STR(span_text(doc, m[0].key), "\"format\"");
	CHECK_STR(span_text(doc, m[0].value), "\"recall-deck/1\"");
	CHECK(m[0].elems == NULL && m[0].nelems == 0);
	CHECK_STR(span_text(doc, m[1].key), "\"t\\u00eftle\"");
	CHECK_STR(span_text(doc, m[1].value), "\"Caf\xc3\xa9 \\\"quoted\\\" \\ud83d\\ude00\"");
	CHECK_STR(span_text(doc, m[2].key), "\"empty\"");
	CHECK_STR(span_text(doc, m[2].value), "[]");
	CHECK(m[2].nelems == 0);
	CHECK_STR(span_text(doc, m[3].value), "{\"a\": [1, {\"b\": [2, 3]}], \"c\": null}");
	CHECK(m[3].elems == NULL && m[3].nelems == 0);  /* only arrays get elements */
	CHECK_STR(span_text(doc, m[4].key), "\"questions\"");
	CHECK(m[4].nelems == 6);
	if (m[4].nelems == 6) {
		CHECK_STR(span_text(doc, m[4].elems[0]), "{\"id\": \"q1\", \"answer\": [\"x\", \"y\"]}");
		CHECK_STR(span_text(doc, m[4].elems[1]), "-1.5e3");
		CHECK_STR(span_text(doc, m[4].elems[2]), "\"two\"");
		CHECK_STR(span_text(doc, m[4].elems[3]), "[[]]");
		CHECK_STR(span_text(doc, m[4].elems[4]), "true");
		CHECK_STR(span_text(doc, m[4].elems[5]), "{}");
	}
	CHECK_STR(span_text(doc, m[5].key), "\"n\"");
	CHECK_STR(span_text(doc, m[5].value), "0");
	json_top_free(&top);
	CHECK(top.members == NULL && top.nmembers == 0);

	/* The same without top. */
	CHECK(run(doc, sizeof doc - 1, &d, NULL) == 0);
	CHECK(d.n == 0);
	diag_free(&d);
}

static void test_top_level_not_object(void)
{
	static const char doc[] = "  [{\"a\": 1}, 2]  ";
	struct diags d = {0};
	struct json_top top;

	CHECK(run(doc, sizeof doc - 1, &d, &top) == 0);
	CHECK(top.is_object == 0);
	CHECK(top.nmembers == 0 && top.members == NULL);
	CHECK_STR(span_text(doc, top.value), "[{\"a\": 1}, 2]");
	json_top_free(&top);

	CHECK(run("\"s\"", 3, &d, &top) == 0);
	CHECK(top.is_object == 0 && top.value.start == 0 && top.value.end == 3);
	json_top_free(&top);
	diag_free(&d);
}

/* Many members and elements, past the arrays' first growth. */
static void test_many_members(void)
{
	size_t cap = 1 << 16, len = 0, i;
	char *buf = malloc(cap);
	struct diags d = {0};
	struct json_top top;

	if (!buf)
		return;
	len += (size_t)snprintf(buf + len, cap - len, "{\"list\": [");
	for (i = 0; i < 1000; i++)
		len += (size_t)snprintf(buf + len, cap - len, "%s%zu", i ? "," : "", i);
	len += (size_t)snprintf(buf + len, cap - len, "]");
	for (i = 0; i < 100; i++)
		len += (size_t)snprintf(buf + len, cap - len, ", \"k%zu\": [%zu]", i, i);
	len += (size_t)snprintf(buf + len, cap - len, "}");

	CHECK(run(buf, len, &d, &top) == 0);
	CHECK(top.nmembers == 101);
	if (top.nmembers == 101) {
		CHECK(top.members[0].nelems == 1000);
		if (top.members[0].nelems == 1000)
			CHECK_STR(span_text(buf, top.members[0].elems[999]), "999");
		CHECK_STR(span_text(buf, top.members[100].key), "\"k99\"");
		CHECK_STR(span_text(buf, top.members[100].value), "[99]");
		CHECK(top.members[100].nelems == 1);
	}
	json_top_free(&top);
	diag_free(&d);
	free(buf);
}

static char *nested(size_t levels, size_t *len)
{
	char *buf = malloc(2 * levels + 1);
	if (!buf)
		return NULL;
	memset(buf, '[', levels);
	memset(buf + levels, ']', levels);
	buf[2 * levels] = '\0';
	*len = 2 * levels;
	return buf;
}

static void test_depth(void)
{
	size_t len;
	char *buf;
	struct diags d = {0};

	buf = nested(100, &len);
	CHECK(buf && run(buf, len, &d, NULL) == 0 && d.n == 0);
	free(buf);

	buf = nested(JSON_MAX_DEPTH, &len);
	CHECK(buf && run(buf, len, &d, NULL) == 0 && d.n == 0);
	free(buf);

	buf = nested(JSON_MAX_DEPTH + 1, &len);
	CHECK(buf && run(buf, len, &d, NULL) == -1);
	CHECK(d.n == 1 && d.v[0].line == 1 && d.v[0].col == JSON_MAX_DEPTH + 1 &&
	      strstr(d.v[0].msg, "nesting deeper than 256"));
	diag_clear(&d);
	free(buf);

	buf = nested(100000, &len);
	CHECK(buf && run(buf, len, &d, NULL) == -1);
	CHECK(d.n == 1 && d.v[0].col == JSON_MAX_DEPTH + 1 && strstr(d.v[0].msg, "nesting"));
	diag_clear(&d);
	/* Unclosed, and objects as well. */
	CHECK(buf && run(buf, 100000, &d, NULL) == -1 && d.n == 1);
	diag_free(&d);
	free(buf);

	{
		size_t i, n = 100000;
		char *o = malloc(6 * n + 1);
		if (o) {
			for (i = 0; i < n; i++)
				memcpy(o + 6 * i, "{\"a\":", 5), o[6 * i + 5] = ' ';
			CHECK(run(o, 6 * n, &d, NULL) == -1);
			CHECK(d.n == 1 && strstr(d.v[0].msg, "nesting"));
			diag_free(&d);
			free(o);
		}
	}
}

static void test_string_faults_all_reported(void)
{
	static const char doc[] =
		"{\"a\": \"\\x\",\n"
		" \"b\": \"x\x01y\",\n"
		" \"c\xff\": \"\\ud800\",\n"
		" \"d\": \"\\u0000\\u12\"\n"
		"}";
	struct diags d = {0};
	struct json_top top;

	CHECK(run(doc, sizeof doc - 1, &d, &top) == -1);
	CHECK(top.members == NULL && top.nmembers == 0);
	CHECK(d.n == 6 && d.nerrors == 6);
	if (d.n == 6) {
		CHECK(d.v[0].line == 1 && d.v[0].col == 8 && strstr(d.v[0].msg, "unknown escape"));
		CHECK(d.v[1].line == 2 && d.v[1].col == 9 && strstr(d.v[1].msg, "control character"));
		CHECK(d.v[2].line == 3 && d.v[2].col == 4 && strstr(d.v[2].msg, "invalid UTF-8"));
		CHECK(d.v[3].line == 3 && d.v[3].col == 9 && strstr(d.v[3].msg, "unpaired surrogate"));
		CHECK(d.v[4].line == 4 && d.v[4].col == 8 && strstr(d.v[4].msg, "\\u0000"));
		CHECK(d.v[5].line == 4 && d.v[5].col == 14 && strstr(d.v[5].msg, "malformed \\u"));
	}
	diag_free(&d);

	/* A syntax fault after string faults still stops the check there. */
	CHECK(run("[\"\\q\" 1, 01]", 12, &d, NULL) == -1);
	CHECK(d.n == 2);
	if (d.n == 2) {
		CHECK(strstr(d.v[0].msg, "unknown escape") && d.v[0].col == 3);
		CHECK(strstr(d.v[1].msg, "expected ',' or ']'") && d.v[1].col == 7);
	}
	diag_free(&d);

	/* One report per bad UTF-8 sequence, not per byte. */
	CHECK(run("[\"\xed\xa0\x80 \x80\x80\"]", 10, &d, NULL) == -1);
	CHECK(d.n == 2);
	diag_free(&d);
}

static void test_too_many_faults(void)
{
	size_t n = 5000, i;
	char *buf = malloc(2 * n + 2);
	struct diags d = {0};

	if (!buf)
		return;
	buf[0] = '"';
	for (i = 0; i < n; i++)
		buf[1 + 2 * i] = '\x01', buf[2 + 2 * i] = 'a';
	buf[2 * n + 1] = '"';
	CHECK(run(buf, 2 * n + 2, &d, NULL) == -1);
	CHECK(d.n > 10 && d.n <= 101);
	if (d.n)
		CHECK(strstr(d.v[d.n - 1].msg, "too many") != NULL);
	diag_free(&d);
	free(buf);
}

static void test_locate(void)
{
	/*                      0         1         2         3         4
	 *                      0123456789012345678901234567890123456789012345 */
	static const char doc[] = "{\"a\": [1, {\"b\": null}], \"c\": \"x:\\\"\", \"d\": {}}";
	struct json_loc *loc = NULL;
	size_t n = 0;
	struct json_span all = {0, sizeof doc - 1};
	struct json_span sub = {6, 22};  /* [1, {"b": null}] */
	static const size_t want_key[] = {(size_t)-1, 1, (size_t)-1, (size_t)-1, 11, 24, 37};
	static const size_t want_val[] = {0, 6, 7, 10, 16, 29, 42};
	size_t i;

	CHECK(json_locate(doc, all, &loc, &n) == 0);
	CHECK(n == 7);
	for (i = 0; i < n && i < 7; i++) {
		CHECK(loc[i].key == want_key[i]);
		CHECK(loc[i].val == want_val[i]);
	}
	free(loc);

	CHECK_STR(span_text(doc, sub), "[1, {\"b\": null}]");
	CHECK(json_locate(doc, sub, &loc, &n) == 0);
	CHECK(n == 4);
	if (n == 4) {
		CHECK(loc[0].key == (size_t)-1 && loc[0].val == 6);
		CHECK(loc[1].key == (size_t)-1 && loc[1].val == 7);
		CHECK(loc[2].key == (size_t)-1 && loc[2].val == 10);
		CHECK(loc[3].key == 11 && loc[3].val == 16);
	}
	free(loc);

	/* A scalar, with white space around it. */
	CHECK(json_locate(" -1.5e+3 ", (struct json_span){0, 9}, &loc, &n) == 0);
	CHECK(n == 1 && loc[0].val == 1 && loc[0].key == (size_t)-1);
	free(loc);
}

/* json_locate agrees with the top-level spans that json_check records. */
static void test_locate_matches_check(void)
{
	static const char doc[] = "{\"q\": [{\"id\": \"x\", \"t\": [1, 2]}, [3], 4], \"z\": {\"k\": []}}";
	struct diags d = {0};
	struct json_top top;
	struct json_loc *loc = NULL;
	size_t n = 0;

	CHECK(run(doc, sizeof doc - 1, &d, &top) == 0);
	CHECK(json_locate(doc, top.value, &loc, &n) == 0);
	CHECK(n == 12);
	if (n == 12 && top.nmembers == 2 && top.members[0].nelems == 3) {
		CHECK(loc[1].key == top.members[0].key.start);
		CHECK(loc[1].val == top.members[0].value.start);
		CHECK(loc[2].val == top.members[0].elems[0].start);
		CHECK(loc[3].key == 8 && loc[3].val == 14);   /* "id": "x" */
		CHECK(loc[7].val == top.members[0].elems[1].start);
		CHECK(loc[9].val == top.members[0].elems[2].start);
		CHECK(loc[10].key == top.members[1].key.start);
		CHECK(loc[11].key != (size_t)-1 && doc[loc[11].val] == '[');
	}
	free(loc);
	json_top_free(&top);
	diag_free(&d);
}

/* json_string_offset: from a byte of a decoded string back to the file. */
static void test_string_offset(void)
{
	/* decoded: a b \n é(2) U+1F600(4) U+202E(3) z */
	const char *buf = "x \"ab\\n\\u00e9\\ud83d\\ude00\xe2\x80\xaez\" y";
	size_t want[] = { 3, 4, 5, 7, 7, 13, 13, 13, 13, 25, 26, 27, 28, 29, 29 };
	for (size_t k = 0; k < sizeof want / sizeof want[0]; k++) {
		size_t got = json_string_offset(buf, 2, k);
		if (got != want[k])
			printf("  byte %zu: offset %zu, expected %zu\n", k, got, want[k]);
		CHECK(got == want[k]);
	}
}

int main(void)
{
	RUN(test_whitespace_control_bytes);
	RUN(test_control_in_string);
	RUN(test_numbers);
	RUN(test_escapes);
	RUN(test_invalid_utf8);
	RUN(test_structure);
	RUN(test_empty);
	RUN(test_unterminated);
	RUN(test_not_json);
	RUN(test_bom);
	RUN(test_valid_document);
	RUN(test_top_level_not_object);
	RUN(test_many_members);
	RUN(test_depth);
	RUN(test_string_faults_all_reported);
	RUN(test_too_many_faults);
	RUN(test_locate);
	RUN(test_locate_matches_check);
	RUN(test_string_offset);
	return check_done();
}
