/* json_locate — positions inside JSON text that json_check has passed:
 * where each value and its key start (json_locate), and where the k-th
 * decoded byte of a string stands in the raw text (json_string_offset).
 * See json.h. */
#include "json.h"

#include <stdlib.h>

#include "text.h"

/* Offset one past the string whose opening quote is at p (valid JSON). */
static const char *skip_string(const char *p, const char *end)
{
	for (p++; p < end; p++) {
		if (*p == '\\')
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return end;
}

int json_locate(const char *buf, struct json_span span, struct json_loc **out, size_t *n)
{
	/* In valid JSON every value starts with its own token, in pre-order,
	 * so one left-to-right pass over the tokens finds them all; a string
	 * followed by ':' is a key, and belongs to the value after it. */
	const char *p = buf + span.start, *end = buf + span.end, *q;
	struct json_loc *v = NULL, *nv;
	size_t len = 0, cap = 0;
	size_t key = (size_t)-1;

	while (p < end) {
		const char *start = p;
		switch (*p) {
		case ' ': case '\t': case '\n': case '\r': case ',': case ':': case ']': case '}':
			p++;
			continue;
		case '"':
			p = skip_string(p, end);
			q = p;
			while (q < end && (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r'))
				q++;
			if (q < end && *q == ':') {
				key = (size_t)(start - buf);
				p = q + 1;
				continue;
			}
			break;
		case '{': case '[':
			p++;
			break;
		default:
			/* A number or a literal. */
			while (p < end && (text_is_digit(*p) || text_is_alpha(*p) || *p == '-' ||
			                   *p == '+' || *p == '.'))
				p++;
			break;
		}
		if (len == cap) {
			cap = cap ? cap * 2 : 16;
			nv = realloc(v, cap * sizeof *v);
			if (!nv) {
				free(v);
				*out = NULL;
				*n = 0;
				return -1;
			}
			v = nv;
		}
		v[len].key = key;
		v[len].val = (size_t)(start - buf);
		len++;
		key = (size_t)-1;
	}
	*out = v;
	*n = len;
	return 0;
}

size_t json_string_offset(const char *buf, size_t quote, size_t k)
{
	const unsigned char *u = (const unsigned char *)buf;
	size_t p = quote + 1, got = 0;  /* raw offset; decoded bytes before it */
	while (u[p] != '"') {
		size_t raw = 1, dec = 1;
		if (u[p] == '\\') {
			raw = 2;
			if (u[p + 1] == 'u') {
				unsigned cp = 0, lo = 0;
				const unsigned char *end = u + p + 6;
				text_hex4(u + p + 2, end, &cp);
				raw = 6;
				if (cp >= 0xD800 && cp <= 0xDBFF && u[p + 6] == '\\' && u[p + 7] == 'u' &&
				    text_hex4(u + p + 8, u + p + 12, &lo) == 4 && lo >= 0xDC00 && lo <= 0xDFFF) {
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					raw = 12;
				}
				dec = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
			}
		}
		if (got + dec > k)
			break;
		got += dec;
		p += raw;
	}
	return p;
}
