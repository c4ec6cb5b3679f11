/* text — UTF-8 helpers shared by the core and the front ends.
 *
 * No terminal code here: these are pure functions over byte strings.
 */
#ifndef RECALL_TEXT_H
#define RECALL_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one UTF-8 sequence at s[0..len).  On success stores the code point
 * in *cp and returns its length (1-4).  Returns 0 when the bytes are not a
 * valid, shortest-form sequence of a Unicode scalar value (overlong forms,
 * surrogates and values above U+10FFFF are invalid), or len is 0. */
size_t text_utf8_decode(const char *s, size_t len, uint32_t *cp);

/* Encodes cp into out (room for 4 bytes); returns the length written. */
size_t text_utf8_encode(uint32_t cp, char *out);

/* Offset of the first byte that does not start a valid sequence, or len when
 * the whole of s[0..len) is valid UTF-8. */
size_t text_utf8_check(const char *s, size_t len);

/* Number of code points in s[0..len) (invalid bytes count one each). */
size_t text_utf8_count(const char *s, size_t len);

/* True for C0 controls, DEL and C1 controls (U+0080..U+009F). */
bool text_is_control(uint32_t cp);

/* True for the bidirectional formatting characters, which can reorder what
 * a terminal shows around them: the embeddings and overrides U+202A..U+202E,
 * the isolates U+2066..U+2069, and the marks U+200E, U+200F and U+061C. */
bool text_is_bidi_control(uint32_t cp);

/* True for the invisible characters a deck should not hide in its text:
 * the zero-width space U+200B, non-joiner U+200C, word joiner U+2060 and
 * U+FEFF.  The zero-width joiner U+200D, which builds emoji, is not one. */
bool text_is_zero_width(uint32_t cp);

/* Returns a copy of s safe to send to a terminal: control characters
 * (including ESC) become visible escapes such as \e, \r, \x07 and \u009b,
 * bidirectional controls (text_is_bidi_control) escapes such as \u202e,
 * a backslash stays a single backslash, and invalid UTF-8 bytes become \xNN.
 * When keep_newlines is true, '\n' and '\t' pass through.  The caller frees
 * the result; NULL only when memory runs out. */
char *text_escape(const char *s, bool keep_newlines);

/* Same as text_escape, written into buf of size bytes (always terminated,
 * truncated on a character boundary if needed).  Returns buf. */
char *text_escape_into(const char *s, bool keep_newlines, char *buf, size_t size);

/* A growing byte string.  Zero-initialise it; add to it; then either take
 * the string with text_buf_finish or drop it with text_buf_free.  When
 * memory runs out the buffer stops growing and remembers it: what was added
 * before stays, and text_buf_finish gives NULL. */
struct text_buf {
	char *s;      /* NUL-terminated when non-NULL */
	size_t len, cap;
	bool failed;  /* memory ran out at some point */
};
void text_buf_add(struct text_buf *b, const char *s, size_t len);
void text_buf_puts(struct text_buf *b, const char *s);  /* NULL adds nothing */
void text_buf_printf(struct text_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The string built ("" when nothing was added), which the caller frees, or
 * NULL when memory ran out.  The buffer is left empty. */
char *text_buf_finish(struct text_buf *b);
void text_buf_free(struct text_buf *b);

/* Removes leading and trailing ASCII white space in place; returns s. */
char *text_trim(char *s);

/* ---- single characters: ASCII only, whatever the locale says ---------- */

/* '0'..'9'.  Takes an int so that char and unsigned char both fit. */
static inline bool text_is_digit(int c)
{
	return c >= '0' && c <= '9';
}

/* 'a'..'z' and 'A'..'Z'. */
static inline bool text_is_alpha(int c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* 'A'..'Z' made lower case; every other byte as it is. */
static inline char text_lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

/* Space, tab, newline, vertical tab, form feed, carriage return. */
static inline bool text_is_ascii_space(int c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* The value of a hex digit ('0'..'9', 'a'..'f', 'A'..'F'), or -1. */
static inline int text_hex_value(int c)
{
	if (text_is_digit(c))
		return c - '0';
	c |= 0x20;  /* 'A'..'F' to 'a'..'f'; no other byte lands there */
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Reads up to four hex digits at p, not past end; returns how many there
 * were, with their value in *v (complete when there were four). */
static inline int text_hex4(const unsigned char *p, const unsigned char *end, unsigned *v)
{
	unsigned acc = 0;
	int i;
	for (i = 0; i < 4 && p + i < end; i++) {
		int h = text_hex_value(p[i]);
		if (h < 0)
			break;
		acc = acc << 4 | (unsigned)h;
	}
	*v = acc;
	return i;
}

/* ---- white space and case over UTF-8 ---------------------------------- */

/* Unicode white space other than ASCII: no-break and typographic spaces. */
bool text_is_wide_space(uint32_t cp);

/* Like text_utf8_decode, but never fails while len > 0: an invalid byte
 * counts as one code point of its own, outside Unicode (0x110000 + byte),
 * so that it never equals a real character.  Returns the bytes read. */
size_t text_utf8_decode_lossy(const char *s, size_t len, uint32_t *cp);

/* Length of the white space (ASCII or Unicode) at s[0..len), 0 if none. */
size_t text_space_at(const char *s, size_t len);

/* Length of the white space that ends s[0..len), 0 if none. */
size_t text_space_before(const char *s, size_t len);

/* Narrows s[*b..*e) by the white space (ASCII or Unicode) at both ends. */
void text_trim_span(const char *s, size_t *b, size_t *e);

/* True when a[0..n) and b[0..n) are equal but for ASCII case. */
bool text_same_ci(const char *a, const char *b, size_t n);

/* Tables whose rows begin with their name (a const char *), n rows of
 * stride bytes from rows: the row named name (NULL when none), and the
 * names joined with ", " into buf (returned; cut to fit). */
const void *text_table_find(const void *rows, size_t n, size_t stride, const char *name);
char *text_table_names(const void *rows, size_t n, size_t stride, char *buf, size_t size);

#endif
