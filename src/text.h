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

/* Returns a copy of s safe to send to a terminal: control characters
 * (including ESC) become visible escapes such as \e, \r, \x07 and \u009b,
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

#endif
