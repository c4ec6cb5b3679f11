/* fuzz_layout — a libFuzzer target for laying out text by width:
 * layout_wrap, layout_truncate and layout_width.  Wrapped lines lie inside
 * the text, in order, each within the width (a character wider than the
 * whole width may stand alone); a truncated copy is at most the width given
 * and says its own width.  Built and run by `make fuzz` (clang). */
#include <locale.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	if (!setlocale(LC_CTYPE, "C.UTF-8"))
		setlocale(LC_CTYPE, "");
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t width = data[0] % 100;
	bool unicode = data[1] & 1;
	char *s = malloc(size - 1);
	if (!s)
		return 0;
	memcpy(s, data + 2, size - 2);
	s[size - 2] = '\0';
	size_t len = strlen(s);

	(void)layout_width(s, len);
	size_t fit = layout_fit(s, len, width);
	if (fit > len || layout_width(s, fit) > width)
		__builtin_trap();

	struct layout_lines lines = {0};
	if (layout_wrap(s, width, &lines) == 0) {
		size_t w = width ? width : 1, end = 0;
		for (size_t i = 0; i < lines.n; i++) {
			const struct layout_line *l = &lines.v[i];
			if (l->start < end || l->start + l->len > len)
				__builtin_trap();
			if (l->width != layout_width(s + l->start, l->len))
				__builtin_trap();
			if (l->width > w && layout_fit(s + l->start, l->len, w) != 0)
				__builtin_trap();  /* too wide, yet a piece of it would fit */
			end = l->start + l->len;
		}
	}
	layout_lines_free(&lines);

	char buf[512];
	const char *ellipsis = unicode ? "\xe2\x80\xa6" : "...";
	size_t got = layout_truncate(s, width, ellipsis, buf, sizeof buf);
	if (got != layout_width(buf, strlen(buf)))
		__builtin_trap();
	if (got > width && width >= layout_width(ellipsis, strlen(ellipsis)))
		__builtin_trap();
	free(s);
	return 0;
}
