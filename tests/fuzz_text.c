/* fuzz_text — a libFuzzer target for text_escape: whatever the bytes, the
 * escaped text is valid UTF-8 holding no control character (but '\n' and
 * '\t' when kept) and no bidirectional control, and the fixed-size form is
 * a prefix of the other, cut on a character boundary.  Built and run by
 * `make fuzz` (clang). */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Traps unless s is safe for a terminal as text_escape promises. */
static void safe(const char *s, bool keep_newlines)
{
	size_t len = strlen(s);
	if (text_utf8_check(s, len) != len)
		__builtin_trap();
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, len - i, &cp);
		bool kept = keep_newlines && (cp == '\n' || cp == '\t');
		if ((text_is_control(cp) && !kept) || text_is_bidi_control(cp))
			__builtin_trap();
		i += k;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	bool keep = data[0] & 1;
	size_t small = data[0] >> 1;  /* a size for the fixed buffer: 0..127 */
	char *s = malloc(size);
	if (!s)
		return 0;
	memcpy(s, data + 1, size - 1);
	s[size - 1] = '\0';  /* text ends at its first NUL, as C strings do */
	char *e = text_escape(s, keep);
	if (e) {
		safe(e, keep);
		char *buf = malloc(small + 1);
		if (buf) {
			text_escape_into(s, keep, buf, small + 1);
			size_t n = strlen(buf);
			if (n > small || strncmp(buf, e, n) != 0)
				__builtin_trap();
			safe(buf, keep);
			free(buf);
		}
		free(e);
	}
	size_t b = 0, en = strlen(s);
	text_trim_span(s, &b, &en);
	if (b > en)
		__builtin_trap();
	(void)text_utf8_count(s, strlen(s));
	free(s);
	return 0;
}
