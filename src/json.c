/* json — a strict RFC 8259 check in one pass, and the spans of top-level
 * values.
 *
 * The checker is a small state machine over the bytes with an explicit
 * stack of open containers (so depth costs no C stack), written with gotos:
 * "value" expects a value, "member" expects an object key, "after_value"
 * expects what may follow a complete value.  Strings get a fast loop over
 * plain ASCII bytes; only escapes, control bytes and bytes >= 0x80 leave it.
 * All reporting goes through cold functions, so the hot paths never call
 * out of this file.
 */
#include "json.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Faults inside strings do not stop the check, but a binary or wrongly
 * encoded file could otherwise yield millions of them: stop after this many. */
#define JSON_MAX_FAULTS 100

enum { KIND_ARRAY, KIND_OBJECT };

struct checker {
	struct diag_src *src;
	struct diags *d;
	const unsigned char *buf, *end;
	size_t nfaults;          /* errors reported so far */
	int rec;                 /* fill top? */
	struct json_top top;     /* what is being recorded */
	size_t members_cap;
	size_t elems_cap;        /* capacity of the last member's elems */
};

/* 1 for the bytes a string may hold as they are, with no further thought:
 * 0x20..0x7f except '"' and '\\'. */
static const unsigned char plain[256] = {
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
	1, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: '"' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x30 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x40 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 1, 1, /* 0x50: '\\' */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60 */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x70 */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x80.. */
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* Eight bytes at a time: nonzero when any of the bytes of x is not plain,
 * that is < 0x20, '"', '\\' or >= 0x80.  A byte compares as "less than n"
 * when subtracting n borrows into its top bit while its own top bit was
 * clear; borrows only travel upwards from a byte that really matched, so
 * the test can be wrong only about bytes after a true match, and a caller
 * that goes on byte by byte from the start of the word never sees that. */
#define ONES UINT64_C(0x0101010101010101)
#define HIGHS UINT64_C(0x8080808080808080)

static inline uint64_t any_special(uint64_t x)
{
	uint64_t lt20 = (x - ONES * 0x20) & ~x;
	uint64_t quote = ((x ^ (ONES * '"')) - ONES) & ~(x ^ (ONES * '"'));
	uint64_t bslash = ((x ^ (ONES * '\\')) - ONES) & ~(x ^ (ONES * '\\'));
	return (lt20 | quote | bslash | x) & HIGHS;
}

/* How many plain bytes start the word whose any_special is m (nonzero):
 * its lowest flagged byte is a true match.  Where the byte order is not
 * known to be little-endian, 0: the byte loop after finds the place. */
static inline size_t plain_prefix(uint64_t m)
{
#if defined(__GNUC__) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
	return (size_t)__builtin_ctzll(m) / 8;
#else
	(void)m;
	return 0;
#endif
}

/* Letters, digits and '_': what a bare word such as "NaN" is made of. */
static inline int is_word(unsigned ch)
{
	return text_is_digit((int)ch) || (ch | 0x20u) - 'a' < 26u || ch == '_';
}

static inline const unsigned char *skip_ws(const unsigned char *p, const unsigned char *end)
{
	while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
		p++;
	return p;
}

/* Length of the UTF-8 sequence at p, whose first byte is >= 0x80, when it
 * is a valid shortest-form encoding of a scalar value; otherwise 0, with
 * the reason in *why. */
static inline size_t utf8_seq(const unsigned char *p, const unsigned char *end,
                              const char **why)
{
	unsigned b0 = p[0];
	size_t avail = (size_t)(end - p), n, i;
	unsigned lo = 0x80, hi = 0xbf;  /* allowed range of the second byte */

	if (b0 < 0xc0) {
		*why = "unexpected continuation byte";
		return 0;
	}
	if (b0 < 0xc2) {
		*why = "overlong encoding";
		return 0;
	}
	if (b0 < 0xe0) {
		n = 2;
	} else if (b0 < 0xf0) {
		n = 3;
		if (b0 == 0xe0)
			lo = 0xa0;      /* below: overlong */
		else if (b0 == 0xed)
			hi = 0x9f;      /* above: U+D800..U+DFFF */
	} else if (b0 < 0xf5) {
		n = 4;
		if (b0 == 0xf0)
			lo = 0x90;      /* below: overlong */
		else if (b0 == 0xf4)
			hi = 0x8f;      /* above: beyond U+10FFFF */
	} else {
		*why = b0 < 0xf8 ? "code point above U+10FFFF" : "not a UTF-8 lead byte";
		return 0;
	}
	if (avail < 2 || (p[1] & 0xc0) != 0x80) {
		*why = "truncated sequence";
		return 0;
	}
	if (p[1] < lo) {
		*why = "overlong encoding";
		return 0;
	}
	if (p[1] > hi) {
		*why = b0 == 0xed ? "encoded surrogate" : "code point above U+10FFFF";
		return 0;
	}
	for (i = 2; i < n; i++) {
		if (i >= avail || (p[i] & 0xc0) != 0x80) {
			*why = "truncated sequence";
			return 0;
		}
	}
	return n;
}

static void report(struct checker *c, const unsigned char *at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4), cold, noinline));

static void report(struct checker *c, const unsigned char *at, const char *fmt, ...)
{
	char msg[320];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_at(c->d, c->src, (size_t)(at - c->buf), DIAG_ERROR, "%s", msg);
	c->nfaults++;
}

/* Describes the byte at p (or the end of the input) for "found ..." in a
 * message, escaping anything that is not printable ASCII. */
static const char *found(const struct checker *c, const unsigned char *p, char *buf, size_t size)
	__attribute__((cold, noinline));

static const char *found(const struct checker *c, const unsigned char *p, char *buf, size_t size)
{
	unsigned ch;
	const char *why;

	if (p >= c->end)
		return "end of file";
	ch = *p;
	if (ch == '\'')
		return "a single quote (JSON strings take double quotes)";
	if (ch == '/' && p + 1 < c->end && (p[1] == '/' || p[1] == '*'))
		return "a comment (JSON has no comments)";
	if (ch >= 0x20 && ch < 0x7f) {
		snprintf(buf, size, "'%c'", (char)ch);
	} else if (ch < 0x80) {
		snprintf(buf, size, "byte 0x%02x", ch);
	} else {
		size_t n = utf8_seq(p, c->end, &why);
		uint32_t cp = 0;
		size_t i;
		if (n == 0) {
			snprintf(buf, size, "invalid UTF-8 byte 0x%02x (byte offset %zu)", ch,
			         (size_t)(p - c->buf));
		} else {
			/* Strip the length marker off the lead byte, then add six
			 * bits per continuation byte. */
			cp = ch & (0x7fu >> n);
			for (i = 1; i < n; i++)
				cp = cp << 6 | (p[i] & 0x3fu);
			snprintf(buf, size, "character U+%04X", (unsigned)cp);
		}
	}
	return buf;
}

/* The fault at a place where a value should start. */
static void bad_value(struct checker *c, const unsigned char *p) __attribute__((cold, noinline));

static void bad_value(struct checker *c, const unsigned char *p)
{
	char fb[96];

	if (p < c->end && is_word(*p)) {
		/* A bare word: tru, nul, NaN, Infinity, True... */
		const unsigned char *q = p;
		while (q < c->end && is_word(*q) && q - p < 32)
			q++;
		report(c, p, "expected a JSON value, found '%.*s%s'", (int)(q - p), (const char *)p,
		       q < c->end && is_word(*q) ? "..." : "");
	} else if (p < c->end && (*p == '.' || *p == '+')) {
		report(c, p, "expected a JSON value, found '%c' (a number starts with a digit or '-')",
		       (char)*p);
	} else {
		report(c, p, "expected a JSON value, found %s", found(c, p, fb, sizeof fb));
	}
}

static void unterminated(struct checker *c, const unsigned char *open) __attribute__((cold, noinline));

/* Reports a container left open at the end of the input, where it opened. */
static void unterminated(struct checker *c, const unsigned char *open)
{
	if (*open == '[')
		report(c, open, "unterminated array: end of file before its closing ']'");
	else
		report(c, open, "unterminated object: end of file before its closing '}'");
}

/* Checks the escape whose backslash is at p, inside a string; returns where
 * the string goes on.  Reports faults but never stops. */
static const unsigned char *escape(struct checker *c, const unsigned char *p)
{
	const unsigned char *end = c->end;
	unsigned v, v2;
	int n;
	char fb[96];

	if (p + 1 >= end)
		return end;  /* the caller reports the unterminated string */
	switch (p[1]) {
	case '"': case '\\': case '/': case 'b': case 'f': case 'n': case 'r': case 't':
		return p + 2;
	case 'u':
		break;
	default:
		if (p[1] >= 0x20 && p[1] < 0x7f)
			report(c, p, "unknown escape '\\%c' in string", (char)p[1]);
		else
			report(c, p, "unknown escape in string: '\\' followed by %s",
			       found(c, p + 1, fb, sizeof fb));
		/* Leave a byte >= 0x80 to the UTF-8 check. */
		return p[1] < 0x80 ? p + 2 : p + 1;
	}

	n = text_hex4(p + 2, end, &v);
	if (n < 4) {
		report(c, p, "malformed \\u escape: expected 4 hex digits, found %s",
		       found(c, p + 2 + n, fb, sizeof fb));
		return p + 2 + n;
	}
	if (v == 0) {
		report(c, p, "\\u0000 is not allowed in strings (it would cut the string short)");
		return p + 6;
	}
	if (v >= 0xdc00 && v <= 0xdfff) {
		report(c, p, "unpaired surrogate escape '\\%.5s': a low surrogate with no high "
		       "surrogate before it", (const char *)p + 1);
		return p + 6;
	}
	if (v >= 0xd800 && v <= 0xdbff) {
		if (p + 7 < end && p[6] == '\\' && p[7] == 'u' && text_hex4(p + 8, end, &v2) == 4 &&
		    v2 >= 0xdc00 && v2 <= 0xdfff)
			return p + 12;
		/* Whatever follows is checked on its own. */
		report(c, p, "unpaired surrogate escape '\\%.5s': a high surrogate must be "
		       "followed by a low one (\\udc00 to \\udfff)", (const char *)p + 1);
	}
	return p + 6;
}

static void bad_utf8(struct checker *c, const unsigned char *p, const char *why)
	__attribute__((cold, noinline));

static void bad_utf8(struct checker *c, const unsigned char *p, const char *why)
{
	report(c, p, "invalid UTF-8 byte 0x%02x (byte offset %zu): %s", *p, (size_t)(p - c->buf),
	       why);
}

/* Checks the string whose opening quote is at p; returns the byte after
 * its closing quote, or NULL when the check must stop (unterminated, or
 * too many faults).  Faults inside are reported and scanning goes on. */
static const unsigned char *scan_string(struct checker *c, const unsigned char *p)
{
	const unsigned char *open = p, *end = c->end;
	const char *why;
	size_t n;

	p++;
	for (;;) {
		/* Most of a deck is plain text: skip it a word at a time (memcpy
		 * keeps the unaligned load well defined), then to the byte that
		 * stopped the word, and byte by byte near the end of the input. */
		while (end - p >= 8) {
			uint64_t x, m;
			memcpy(&x, p, sizeof x);
			if ((m = any_special(x)) != 0) {
				p += plain_prefix(m);
				break;
			}
			p += 8;
		}
		while (p < end && plain[*p])
			p++;
		if (p >= end)
			break;
		if (*p == '"')
			return p + 1;
		if (*p >= 0x80) {
			n = utf8_seq(p, end, &why);
			if (n) {
				p += n;
				continue;
			}
			bad_utf8(c, p, why);
			/* Resume after the bad lead byte and the continuation
			 * bytes that hang off it: one report per bad sequence. */
			p++;
			for (n = 0; n < 3 && p < end && (*p & 0xc0) == 0x80; n++)
				p++;
		} else if (*p == '\\') {
			size_t before = c->nfaults;
			p = escape(c, p);
			if (c->nfaults == before)
				continue;
		} else {
			report(c, p, "control character 0x%02x in string must be escaped%s", *p,
			       *p == '\n' ? " (as \\n), or the string lacks its closing '\"'" : "");
			p++;
		}
		if (c->nfaults >= JSON_MAX_FAULTS) {
			report(c, p < end ? p : end, "too many faults in strings; giving up");
			return NULL;
		}
	}
	report(c, open, "unterminated string: end of file before its closing '\"'");
	return NULL;
}

/* Checks the number at p ('-' or a digit); returns the byte after it, or
 * NULL after reporting a fault. */
static const unsigned char *scan_number(struct checker *c, const unsigned char *p)
{
	const unsigned char *end = c->end;
	char fb[96];

	if (*p == '-') {
		p++;
		if (p >= end || !text_is_digit(*p)) {
			report(c, p, "expected a digit after '-', found %s", found(c, p, fb, sizeof fb));
			return NULL;
		}
	}
	if (*p == '0') {
		p++;
		if (p < end && text_is_digit(*p)) {
			report(c, p - 1, "leading zeros are not allowed in numbers");
			return NULL;
		}
	} else {
		while (p < end && text_is_digit(*p))
			p++;
	}
	if (p < end && *p == '.') {
		p++;
		if (p >= end || !text_is_digit(*p)) {
			report(c, p, "expected a digit after the decimal point, found %s",
			       found(c, p, fb, sizeof fb));
			return NULL;
		}
		while (p < end && text_is_digit(*p))
			p++;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			p++;
		if (p >= end || !text_is_digit(*p)) {
			report(c, p, "expected a digit in the exponent, found %s",
			       found(c, p, fb, sizeof fb));
			return NULL;
		}
		while (p < end && text_is_digit(*p))
			p++;
	}
	return p;
}

/* Matches the literal word (true, false, null) at p, not followed by more
 * word characters; returns the byte after it, or NULL. */
static inline const unsigned char *literal(const unsigned char *p, const unsigned char *end,
                                           const char *word, size_t len)
{
	if ((size_t)(end - p) < len || memcmp(p, word, len) != 0)
		return NULL;
	if (p + len < end && is_word(p[len]))
		return NULL;
	return p + len;
}

static int out_of_memory(struct checker *c) __attribute__((cold, noinline));

static int out_of_memory(struct checker *c)
{
	diag_file(c->d, c->src->name, DIAG_ERROR, "out of memory");
	c->nfaults++;
	return -1;
}

/* Appends a member with key span [start, end) to the top level. */
static int add_member(struct checker *c, size_t start, size_t end)
{
	struct json_top *t = &c->top;
	struct json_member *m;

	if (t->nmembers == c->members_cap) {
		size_t cap = c->members_cap ? c->members_cap * 2 : 16;
		m = realloc(t->members, cap * sizeof *m);
		if (!m)
			return out_of_memory(c);
		t->members = m;
		c->members_cap = cap;
	}
	m = &t->members[t->nmembers++];
	m->key.start = start;
	m->key.end = end;
	m->value.start = m->value.end = 0;
	m->elems = NULL;
	m->nelems = 0;
	c->elems_cap = 0;
	return 0;
}

/* Appends an element span to the last member's array. */
static int add_elem(struct checker *c, size_t start, size_t end)
{
	struct json_member *m = &c->top.members[c->top.nmembers - 1];

	if (m->nelems == c->elems_cap) {
		size_t cap = c->elems_cap ? c->elems_cap * 2 : 16;
		struct json_span *e = realloc(m->elems, cap * sizeof *e);
		if (!e)
			return out_of_memory(c);
		m->elems = e;
		c->elems_cap = cap;
	}
	m->elems[m->nelems].start = start;
	m->elems[m->nelems].end = end;
	m->nelems++;
	return 0;
}

void json_top_free(struct json_top *top)
{
	size_t i;

	if (!top)
		return;
	for (i = 0; i < top->nmembers; i++)
		free(top->members[i].elems);
	free(top->members);
	memset(top, 0, sizeof *top);
}

/* Long on purpose: one state machine whose gotos jump between its parts. */
int json_check(struct diag_src *src, struct diags *d, struct json_top *top)
{
	struct checker c;
	const unsigned char *p, *q, *end, *base;
	/* The open containers: their kind and where they opened. */
	unsigned char kind[JSON_MAX_DEPTH];
	const unsigned char *opened[JSON_MAX_DEPTH];
	size_t depth = 0;
	/* Where the value being read at depth 0, 1 and 2 started. */
	const unsigned char *start0, *start1 = NULL, *start2 = NULL;
	char fb[96];

	memset(&c, 0, sizeof c);
	c.src = src;
	c.d = d;
	c.buf = base = (const unsigned char *)src->buf;
	c.end = end = base + src->len;
	c.rec = top != NULL;
	p = base;

	if (src->len >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf)
		p += 3;
	p = skip_ws(p, end);
	if (p >= end) {
		report(&c, p, "empty file: expected a JSON value");
		goto fail;
	}
	start0 = p;

value:
	/* p is at the first byte of a value, after any white space. */
	if (p >= end) {
		unterminated(&c, opened[depth - 1]);
		goto fail;
	}
	if (depth == 1)
		start1 = p;
	else if (depth == 2)
		start2 = p;
	switch (*p) {
	case '"':
		if (!(q = scan_string(&c, p)))
			goto fail;
		p = q;
		goto after_value;
	case '{':
	case '[':
		if (depth == JSON_MAX_DEPTH) {
			report(&c, p, "nesting deeper than %d levels", JSON_MAX_DEPTH);
			goto fail;
		}
		kind[depth] = *p == '{' ? KIND_OBJECT : KIND_ARRAY;
		opened[depth++] = p;
		p = skip_ws(p + 1, end);
		if (p < end && *p == (kind[depth - 1] == KIND_OBJECT ? '}' : ']')) {
			/* Empty. */
			depth--;
			p++;
			goto after_value;
		}
		if (kind[depth - 1] == KIND_OBJECT)
			goto member;
		goto value;
	case '-': case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (!(q = scan_number(&c, p)))
			goto fail;
		p = q;
		goto after_value;
	case 't':
		q = literal(p, end, "true", 4);
		break;
	case 'f':
		q = literal(p, end, "false", 5);
		break;
	case 'n':
		q = literal(p, end, "null", 4);
		break;
	default:
		q = NULL;
		break;
	}
	if (!q) {
		bad_value(&c, p);
		goto fail;
	}
	p = q;
	/* fall through */

after_value:
	/* p is one past a complete value whose container is at depth. */
	if (depth <= 2 && c.rec) {
		if (depth == 0) {
			c.top.value.start = (size_t)(start0 - base);
			c.top.value.end = (size_t)(p - base);
		} else if (kind[0] == KIND_OBJECT) {
			if (depth == 1) {
				struct json_member *m = &c.top.members[c.top.nmembers - 1];
				m->value.start = (size_t)(start1 - base);
				m->value.end = (size_t)(p - base);
			} else if (kind[1] == KIND_ARRAY &&
			           add_elem(&c, (size_t)(start2 - base), (size_t)(p - base)) < 0) {
				goto fail;
			}
		}
	}
	p = skip_ws(p, end);
	if (depth == 0)
		goto done;
	if (kind[depth - 1] == KIND_ARRAY) {
		if (p < end && *p == ',') {
			p = skip_ws(p + 1, end);
			if (p < end && *p == ']') {
				report(&c, p, "trailing comma: expected a JSON value after ',', found ']'");
				goto fail;
			}
			goto value;
		}
		if (p < end && *p == ']') {
			depth--;
			p++;
			goto after_value;
		}
		if (p >= end)
			unterminated(&c, opened[depth - 1]);
		else
			report(&c, p, "expected ',' or ']' after array element, found %s",
			       found(&c, p, fb, sizeof fb));
		goto fail;
	}
	if (p < end && *p == ',') {
		p = skip_ws(p + 1, end);
		if (p < end && *p == '}') {
			report(&c, p, "trailing comma: expected '\"' to start an object key after ',', "
			       "found '}'");
			goto fail;
		}
		goto member;
	}
	if (p < end && *p == '}') {
		depth--;
		p++;
		goto after_value;
	}
	if (p >= end)
		unterminated(&c, opened[depth - 1]);
	else
		report(&c, p, "expected ',' or '}' after object member, found %s",
		       found(&c, p, fb, sizeof fb));
	goto fail;

member:
	/* p is where an object key should start, after any white space. */
	if (p >= end) {
		unterminated(&c, opened[depth - 1]);
		goto fail;
	}
	if (*p != '"') {
		report(&c, p, "expected '\"' to start an object key, found %s",
		       found(&c, p, fb, sizeof fb));
		goto fail;
	}
	if (!(q = scan_string(&c, p)))
		goto fail;
	if (depth == 1 && c.rec && add_member(&c, (size_t)(p - base), (size_t)(q - base)) < 0)
		goto fail;
	p = skip_ws(q, end);
	if (p < end && *p == ':') {
		p = skip_ws(p + 1, end);
		goto value;
	}
	if (p >= end)
		unterminated(&c, opened[depth - 1]);
	else
		report(&c, p, "expected ':' after object key, found %s", found(&c, p, fb, sizeof fb));
	goto fail;

done:
	if (p < end) {
		report(&c, p, "unexpected %s after the JSON value", found(&c, p, fb, sizeof fb));
		goto fail;
	}
	if (c.nfaults)
		goto fail;
	if (top) {
		c.top.is_object = *start0 == '{';
		*top = c.top;
	}
	return 0;

fail:
	json_top_free(&c.top);
	if (top)
		memset(top, 0, sizeof *top);
	return -1;
}
