/* text — UTF-8 helpers; see text.h. */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (len == 0)
		return 0;
	unsigned char b = u[0];
	if (b < 0x80) {
		*cp = b;
		return 1;
	}
	size_t n;
	uint32_t c, lowest;
	if (b >= 0xC2 && b <= 0xDF) {
		n = 2; c = b & 0x1Fu; lowest = 0x80;
	} else if (b >= 0xE0 && b <= 0xEF) {
		n = 3; c = b & 0x0Fu; lowest = 0x800;
	} else if (b >= 0xF0 && b <= 0xF4) {
		n = 4; c = b & 0x07u; lowest = 0x10000;
	} else {
		return 0;  /* a continuation byte, C0/C1 (overlong) or F5..FF */
	}
	if (len < n)
		return 0;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (u[i] & 0x3Fu);
	}
	if (c < lowest || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return n;
}

size_t text_utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

size_t text_utf8_check(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (!n)
			return i;
		i += n;
	}
	return len;
}

size_t text_utf8_count(const char *s, size_t len)
{
	size_t count = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		i += n ? n : 1;
		count++;
	}
	return count;
}

bool text_is_control(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F);
}

bool text_is_bidi_control(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C;
}

bool text_is_zero_width(uint32_t cp)
{
	return cp == 0x200B || cp == 0x200C || cp == 0x2060 || cp == 0xFEFF;
}

/* Appends the visible form of one control code point (or bidirectional
 * control) to out (room for 8). */
static size_t escape_control(uint32_t cp, char *out)
{
	switch (cp) {
	case 0x1B: memcpy(out, "\\e", 2); return 2;
	case '\n': memcpy(out, "\\n", 2); return 2;
	case '\t': memcpy(out, "\\t", 2); return 2;
	case '\r': memcpy(out, "\\r", 2); return 2;
	default: break;
	}
	if (cp < 0x80)
		return (size_t)snprintf(out, 8, "\\x%02x", (unsigned)cp);
	return (size_t)snprintf(out, 8, "\\u%04x", (unsigned)cp);
}

/* Calls emit for each piece of the escaped form of s, in order. */
static void escape_walk(const char *s, bool keep_newlines,
                        void (*emit)(void *ctx, const char *p, size_t n), void *ctx)
{
	size_t len = strlen(s), i = 0;
	char tmp[8];
	while (i < len) {
		uint32_t cp;
		size_t n = text_utf8_decode(s + i, len - i, &cp);
		if (!n) {
			snprintf(tmp, sizeof tmp, "\\x%02x", (unsigned char)s[i]);
			emit(ctx, tmp, 4);
			i++;
			continue;
		}
		if ((text_is_control(cp) && !(keep_newlines && (cp == '\n' || cp == '\t'))) ||
		    (cp >= 0x061C && text_is_bidi_control(cp)))
			emit(ctx, tmp, escape_control(cp, tmp));
		else
			emit(ctx, s + i, n);
		i += n;
	}
}

static void emit_buf(void *ctx, const char *p, size_t n)
{
	text_buf_add(ctx, p, n);
}

char *text_escape(const char *s, bool keep_newlines)
{
	struct text_buf b = {0};
	escape_walk(s, keep_newlines, emit_buf, &b);
	return text_buf_finish(&b);
}

struct fixed {
	char *buf;
	size_t size, len;
	bool full;
};

static void emit_fixed(void *ctx, const char *p, size_t n)
{
	struct fixed *f = ctx;
	if (f->full || f->len + n + 1 > f->size) {
		f->full = true;  /* keep whole characters only */
		return;
	}
	memcpy(f->buf + f->len, p, n);
	f->len += n;
}

char *text_escape_into(const char *s, bool keep_newlines, char *buf, size_t size)
{
	struct fixed f = { buf, size, 0, false };
	if (size == 0)
		return buf;
	escape_walk(s, keep_newlines, emit_fixed, &f);
	buf[f.len] = '\0';
	return buf;
}

void text_buf_add(struct text_buf *b, const char *s, size_t len)
{
	if (b->failed)
		return;
	if (len > SIZE_MAX / 2 - b->len) {
		b->failed = true;
		return;
	}
	if (b->len + len + 1 > b->cap) {
		size_t cap = b->cap ? b->cap : 64;
		while (cap < b->len + len + 1)
			cap *= 2;
		char *p = realloc(b->s, cap);
		if (!p) {
			b->failed = true;
			return;
		}
		b->s = p;
		b->cap = cap;
	}
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

void text_buf_puts(struct text_buf *b, const char *s)
{
	if (s)
		text_buf_add(b, s, strlen(s));
}

void text_buf_printf(struct text_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	if ((size_t)n < sizeof small) {
		text_buf_add(b, small, (size_t)n);
		return;
	}
	char *big = malloc((size_t)n + 1);
	if (!big) {
		b->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(big, (size_t)n + 1, fmt, ap);
	va_end(ap);
	text_buf_add(b, big, (size_t)n);
	free(big);
}

char *text_buf_finish(struct text_buf *b)
{
	char *s = b->s;
	if (b->failed) {
		free(s);
		s = NULL;
	} else if (!s) {
		s = malloc(1);
		if (s)
			s[0] = '\0';
	}
	b->s = NULL;
	b->len = b->cap = 0;
	b->failed = false;
	return s;
}

void text_buf_free(struct text_buf *b)
{
	free(text_buf_finish(b));
}

char *text_trim(char *s)
{
	size_t len = strlen(s), start = 0;
	while (start < len && text_is_ascii_space(s[start]))
		start++;
	while (len > start && text_is_ascii_space(s[len - 1]))
		len--;
	memmove(s, s + start, len - start);
	s[len - start] = '\0';
	return s;
}

bool text_is_wide_space(uint32_t cp)
{
	return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

size_t text_utf8_decode_lossy(const char *s, size_t len, uint32_t *cp)
{
	size_t k = text_utf8_decode(s, len, cp);
	if (k == 0) {
		*cp = 0x110000u + (unsigned char)s[0];
		k = 1;
	}
	return k;
}

size_t text_space_at(const char *s, size_t len)
{
	uint32_t cp;
	if (len == 0)
		return 0;
	if (text_is_ascii_space(s[0]))
		return 1;
	if ((unsigned char)s[0] < 0x80)
		return 0;
	size_t k = text_utf8_decode(s, len, &cp);
	return (k && text_is_wide_space(cp)) ? k : 0;
}

size_t text_space_before(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (text_is_ascii_space(s[len - 1]))
		return 1;
	size_t start = len - 1;
	while (start > 0 && len - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	size_t k = text_space_at(s + start, len - start);
	return (k == len - start) ? k : 0;
}

void text_trim_span(const char *s, size_t *b, size_t *e)
{
	size_t k;
	while (*b < *e && (k = text_space_at(s + *b, *e - *b)) > 0)
		*b += k;
	while (*e > *b && (k = text_space_before(s + *b, *e - *b)) > 0)
		*e -= k;
}

bool text_same_ci(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (text_lower(a[i]) != text_lower(b[i]))
			return false;
	return true;
}

/* The name that begins the row i of a table. */
static const char *row_name(const void *rows, size_t i, size_t stride)
{
	const char *name;
	memcpy(&name, (const char *)rows + i * stride, sizeof name);
	return name;
}

const void *text_table_find(const void *rows, size_t n, size_t stride, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(row_name(rows, i, stride), name) == 0)
			return (const char *)rows + i * stride;
	return NULL;
}

char *text_table_names(const void *rows, size_t n, size_t stride, char *buf, size_t size)
{
	size_t used = 0;
	if (size)
		buf[0] = '\0';
	for (size_t i = 0; i < n && used < size; i++) {
		int k = snprintf(buf + used, size - used, "%s%s", i ? ", " : "", row_name(rows, i, stride));
		if (k < 0)
			break;
		used += (size_t)k;
	}
	return buf;
}
