/* import_opentdb — Open Trivia Database JSON, as its API returns it
 * ({"response_code": 0, "results": [...]}) or as a dump of the results
 * array; see docs/import.md for the mapping.
 *
 * Each result is {"type", "difficulty", "category", "question",
 * "correct_answer", "incorrect_answers"}.  Its strings come in one of the
 * API's three encodings: HTML character references (the default),
 * url3986 (percent-encoded UTF-8) or base64; which one is seen per result.
 */
#include "import.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "html.h"
#include "text.h"

/* ---- detection -------------------------------------------------------- */

/* True when needle occurs in buf[0..len). */
static bool contains(const char *buf, size_t len, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *p = buf; len >= n && (p = memchr(p, needle[0], len - n + 1)) != NULL; p++) {
		if (memcmp(p, needle, n) == 0)
			return true;
		len -= (size_t)(p + 1 - buf);
		buf = p + 1;
	}
	return false;
}

enum import_likely import_opentdb_detect(const char *name, const char *buf, size_t len)
{
	size_t i = import_bom(buf, len);
	while (i < len && text_is_ascii_space(buf[i]))
		i++;
	if (i == len || (buf[i] != '{' && buf[i] != '['))
		return IMPORT_NO;
	if (contains(buf, len, "\"correct_answer\"") || contains(buf, len, "\"incorrect_answers\""))
		return IMPORT_SURE;
	return import_name_ends(name, ".json") ? IMPORT_BY_NAME : IMPORT_NO;
}

/* ---- the encodings -------------------------------------------------------- */

enum encoding { ENC_HTML, ENC_URL3986, ENC_BASE64 };

static int base64_value(char ch)
{
	if (ch >= 'A' && ch <= 'Z') return ch - 'A';
	if (ch >= 'a' && ch <= 'z') return ch - 'a' + 26;
	if (ch >= '0' && ch <= '9') return ch - '0' + 52;
	if (ch == '+') return 62;
	if (ch == '/') return 63;
	return -1;
}

/* Decodes base64 (padding optional) into b; false when s is not base64. */
static bool base64_decode(struct text_buf *b, const char *s)
{
	unsigned acc = 0;
	int bits = 0;
	size_t i = 0;
	for (; s[i] && s[i] != '='; i++) {
		int v = base64_value(s[i]);
		if (v < 0)
			return false;
		acc = (acc << 6 | (unsigned)v) & 0xFFFFFF;
		bits += 6;
		if (bits >= 8) {
			bits -= 8;
			char ch = (char)(acc >> bits & 0xFF);
			text_buf_add(b, &ch, 1);
		}
	}
	for (; s[i] == '='; i++)
		;
	return s[i] == '\0' && bits < 6;
}

/* Decodes %XX escapes into b; false at a '%' not followed by two hex digits. */
static bool percent_decode(struct text_buf *b, const char *s)
{
	size_t start = 0, i = 0;
	for (; s[i]; i++) {
		if (s[i] != '%')
			continue;
		int hi = text_hex_value(s[i + 1]), lo = hi < 0 ? -1 : text_hex_value(s[i + 2]);
		if (lo < 0)
			return false;
		char ch = (char)(hi << 4 | lo);
		text_buf_add(b, s + start, i - start);
		text_buf_add(b, &ch, 1);
		i += 2;
		start = i + 1;
	}
	text_buf_add(b, s + start, i - start);
	return true;
}

/* True when s could be url3986-encoded: RFC 3986's unreserved characters
 * and '%' only; *escaped set when it holds a %XX escape. */
static bool url3986_like(const char *s, bool *escaped)
{
	for (; *s; s++) {
		if (*s == '%' && text_hex_value(s[1]) >= 0 && text_hex_value(s[2]) >= 0)
			*escaped = true;
		else if (!(text_is_alpha(*s) || text_is_digit(*s) || *s == '-' || *s == '.' ||
		           *s == '_' || *s == '~'))
			return false;
	}
	return true;
}

/* The strings of one result, for finding its encoding. */
static const char *const text_fields[] = {
	"type", "difficulty", "category", "question", "correct_answer", NULL,
};

static const cJSON *member(const cJSON *obj, const char *name)
{
	return cJSON_GetObjectItemCaseSensitive(obj, name);
}

/* The encoding of result r: base64 when its type is "multiple" or
 * "boolean" in base64; url3986 when all its strings could be, and one has
 * an escape (a question has a space or punctuation, which url3986
 * escapes); HTML otherwise. */
static enum encoding encoding_of(const cJSON *r)
{
	const cJSON *t = member(r, "type");
	if (cJSON_IsString(t) && (strcmp(t->valuestring, "bXVsdGlwbGU=") == 0 ||
	                          strcmp(t->valuestring, "Ym9vbGVhbg==") == 0))
		return ENC_BASE64;
	bool escaped = false;
	for (size_t i = 0; text_fields[i]; i++) {
		const cJSON *s = member(r, text_fields[i]);
		if (cJSON_IsString(s) && !url3986_like(s->valuestring, &escaped))
			return ENC_HTML;
	}
	const cJSON *wrong = member(r, "incorrect_answers");
	for (const cJSON *e = cJSON_IsArray(wrong) ? wrong->child : NULL; e; e = e->next)
		if (cJSON_IsString(e) && !url3986_like(e->valuestring, &escaped))
			return ENC_HTML;
	return escaped ? ENC_URL3986 : ENC_HTML;
}

/* ---- one result ------------------------------------------------------- */

struct reader {
	struct import_ctx *c;
	const struct import_json *j;
	enum encoding enc;
	const char *bad;       /* the field that could not be decoded, or NULL */
};

/* The string n decoded from the result's encoding (a raw copy into b,
 * cleared first); false, noting the field in r->bad, when it cannot be. */
static bool decode(struct reader *r, const cJSON *n, const char *field, struct text_buf *b)
{
	text_buf_free(b);
	bool ok = true;
	switch (r->enc) {
	case ENC_BASE64:
		ok = base64_decode(b, n->valuestring);
		break;
	case ENC_URL3986:
		ok = percent_decode(b, n->valuestring);
		break;
	case ENC_HTML: {
		size_t at = 0, len = strlen(n->valuestring);
		size_t unknown = html_unescape(b, n->valuestring, len, &at);
		if (unknown) {
			size_t k = at + 1;
			while (k < len && n->valuestring[k] != ';')
				k++;
			char name[40];
			snprintf(name, sizeof name, "%.*s", (int)(k + 1 - at < 30 ? k + 1 - at : 30),
			         n->valuestring + at);
			char esc[80];
			import_warn(r->c, "'%s': unknown HTML entity '%s' kept as written%s", field,
			            text_escape_into(name, false, esc, sizeof esc), unknown > 1 ? " (and others)" : "");
		}
		break;
	}
	}
	if (b->failed) {
		import_nomem(r->c);
		return false;
	}
	if (!ok && !r->bad)
		r->bad = field;
	return ok;
}

/* The text of the string field n: decoded and cleaned, owned by the deck,
 * or NULL (when blank, or not decodable: r->bad). */
static const char *text_of(struct reader *r, const cJSON *n, const char *field)
{
	struct text_buf b = {0};
	const char *s = NULL;
	if (decode(r, n, field, &b))
		s = import_text_buf(r->c, &b);
	text_buf_free(&b);
	return s;
}

static const char *const difficulties[] = { "easy", "medium", "hard" };

/* Reads result e (the i-th, from 1). */
static void read_result(struct reader *r, const cJSON *e, size_t i)
{
	struct import_ctx *c = r->c;
	size_t off = import_json_offset(r->j, e);
	import_here(c, off);
	if (!cJSON_IsObject(e)) {
		import_skip(c, off, "result %zu is not an object", i);
		return;
	}
	static const char *const required[] = { "type", "question", "correct_answer", NULL };
	for (size_t k = 0; required[k]; k++) {
		const cJSON *n = member(e, required[k]);
		if (!cJSON_IsString(n)) {
			import_skip(c, n ? import_json_offset(r->j, n) : off, "'%s' is %s", required[k],
			            n ? "not a string" : "missing");
			return;
		}
	}
	r->enc = encoding_of(e);
	r->bad = NULL;
	struct text_buf b = {0};
	const cJSON *tn = member(e, "type");
	decode(r, tn, "type", &b);
	char type[16];
	snprintf(type, sizeof type, "%s", b.s && !r->bad ? b.s : "");
	text_buf_free(&b);

	struct question q;
	bool multiple = strcmp(type, "multiple") == 0;
	if (import_out_of_memory(c))
		return;
	if (!multiple && strcmp(type, "boolean") != 0) {
		char esc[80];
		import_skip(c, import_json_offset(r->j, tn), "type '%s' is not one recall reads (multiple, boolean)",
		            text_escape_into(r->bad ? tn->valuestring : type, false, esc, sizeof esc));
		return;
	}
	import_question_init(&q, multiple ? Q_CHOICE : Q_TRUEFALSE);
	q.prompt = text_of(r, member(e, "question"), "question");
	const cJSON *right = member(e, "correct_answer");
	if (multiple) {
		const cJSON *wrong = member(e, "incorrect_answers");
		size_t nwrong = (size_t)cJSON_GetArraySize(wrong);
		if (!cJSON_IsArray(wrong) || nwrong == 0 || nwrong >= DECK_MAX_CHOICES) {
			import_skip(c, wrong ? import_json_offset(r->j, wrong) : off,
			            "'incorrect_answers' is %s", !wrong ? "missing" : !cJSON_IsArray(wrong) ? "not a list"
			            : nwrong ? "longer than a deck takes" : "empty");
			return;
		}
		q.nchoices = nwrong + 1;
		q.choices = import_list(c, q.nchoices);
		if (!q.choices)
			return;
		q.correct = import_right_place(c, q.nchoices);
		size_t k = 0;
		for (const cJSON *w = wrong->child; w; w = w->next, k++) {
			if (!cJSON_IsString(w)) {
				import_skip(c, import_json_offset(r->j, w), "'incorrect_answers' holds %s",
				            "something that is not a string");
				return;
			}
			q.choices[k + (k >= q.correct)] = text_of(r, w, "incorrect_answers");
		}
		q.choices[q.correct] = text_of(r, right, "correct_answer");
	} else {
		struct text_buf a = {0};
		decode(r, right, "correct_answer", &a);
		const char *s = a.s ? a.s : "";
		bool t = strcmp(s, "True") == 0 || strcmp(s, "true") == 0;
		bool f = strcmp(s, "False") == 0 || strcmp(s, "false") == 0;
		text_buf_free(&a);
		if (import_out_of_memory(c))
			return;
		if (!t && !f && !r->bad) {
			import_skip(c, import_json_offset(r->j, right),
			            "the answer of a boolean question must be True or False");
			return;
		}
		q.truth = t;
	}
	const cJSON *cat = member(e, "category");
	const char *tag = cJSON_IsString(cat) ? text_of(r, cat, "category") : NULL;
	if (tag) {
		q.tags = import_list(c, 1);
		if (q.tags) {
			q.tags[0] = tag;
			q.ntags = 1;
		}
	}
	const cJSON *dn = member(e, "difficulty");
	if (cJSON_IsString(dn) && decode(r, dn, "difficulty", &b)) {
		for (size_t k = 0; k < 3; k++)
			if (b.s && strcmp(b.s, difficulties[k]) == 0)
				q.difficulty = (int)(1 + 2 * k);  /* 1, 3, 5 */
		if (!q.difficulty) {
			char esc[80];
			import_warn(c, "difficulty '%s' left out (easy, medium and hard are known)",
			            text_escape_into(b.s ? b.s : "", false, esc, sizeof esc));
		}
	}
	text_buf_free(&b);
	if (import_out_of_memory(c))
		return;
	if (r->bad) {
		import_skip(c, off, "'%s' is not valid %s", r->bad, r->enc == ENC_BASE64 ? "base64" : "url3986");
		return;
	}
	if (!import_out_of_memory(c))
		import_add(c, &q);
}

/* What the API's response codes mean. */
static const char *response_meaning(double code)
{
	static const char *const meaning[] = {
		"success", "no results", "invalid parameter", "token not found", "token empty", "rate limit",
	};
	return code >= 0 && code <= 5 && code == (int)code ? meaning[(int)code] : "unknown code";
}

int import_opentdb_parse(struct import_ctx *c, const char *buf, size_t len)
{
	struct import_json j;
	if (import_json_parse(c, buf, len, &j) != 0) {
		import_json_free(&j);
		return -1;
	}
	const cJSON *results = j.root;
	int rc = 0;
	if (cJSON_IsObject(j.root)) {
		const cJSON *code = member(j.root, "response_code");
		results = member(j.root, "results");
		if (code && (!cJSON_IsNumber(code) || code->valuedouble != 0)) {
			if (cJSON_IsNumber(code))
				import_error_at(c, import_json_offset(&j, code),
				                "the response has response_code %g (%s): it holds no questions",
				                code->valuedouble, response_meaning(code->valuedouble));
			else
				import_error_at(c, import_json_offset(&j, code), "response_code is not a number");
			rc = -1;
			goto out;
		}
		if (!cJSON_IsArray(results)) {
			import_error_at(c, results ? import_json_offset(&j, results) : 0,
			                "%s: an Open Trivia Database response has a list of questions in \"results\"",
			                results ? "\"results\" is not a list" : "no \"results\"");
			rc = -1;
			goto out;
		}
	} else if (!cJSON_IsArray(j.root)) {
		import_error_at(c, 0, "expected an object {\"results\": [...]} or a list of questions");
		rc = -1;
		goto out;
	}
	struct reader r = { .c = c, .j = &j };
	size_t i = 0;
	for (const cJSON *e = results->child; e && !import_out_of_memory(c); e = e->next)
		read_result(&r, e, ++i);
	if (import_out_of_memory(c))
		rc = -1;
out:
	import_json_free(&j);
	return rc;
}
