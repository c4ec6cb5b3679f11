/* chart — tables and bar charts as lines of text; see chart.h. */
#include "chart.h"

#include <langinfo.h>
#include <string.h>

#include "layout.h"

bool chart_unicode(void)
{
	return strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
}

static void spaces(struct text_buf *b, size_t n)
{
	static const char blanks[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof blanks - 1 ? n : sizeof blanks - 1;
		text_buf_add(b, blanks, k);
		n -= k;
	}
}

void chart_cell(struct text_buf *b, const char *s, size_t width, bool right, bool unicode)
{
	char cut[1024];
	size_t w = layout_truncate(s ? s : "", width, unicode ? "\u2026" : "...", cut, sizeof cut);
	size_t pad = w < width ? width - w : 0;
	if (right)
		spaces(b, pad);
	text_buf_puts(b, cut);
	if (!right)
		spaces(b, pad);
}

void chart_bar(struct text_buf *b, double fraction, size_t width, bool unicode,
               struct chart_span *span)
{
	char bar[3 * 256 + 1];
	size_t split;
	if (width > 256)
		width = 256;
	layout_bar(fraction, width, unicode, bar, sizeof bar, &split);
	if (span) {
		span->start = b->len;
		span->split = b->len + split;
		span->end = b->len + strlen(bar);
	}
	text_buf_puts(b, bar);
}

void chart_bar_line(struct text_buf *b, size_t indent, const char *label, size_t labelw,
                    double fraction, size_t barw, bool unicode, const char *tail,
                    struct chart_span *span)
{
	spaces(b, indent);
	chart_cell(b, label, labelw, false, unicode);
	text_buf_puts(b, " ");
	chart_bar(b, fraction, barw, unicode, span);
	text_buf_puts(b, tail);
}
