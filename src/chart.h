/* chart — tables and bar charts as lines of text, for what the commands
 * print (recall stats, recall report) and what the report's full screen
 * shows of the same lines.
 *
 * Text is laid out by display columns (layout.h), never bytes.  The text
 * given must be escaped already (text_escape): nothing here makes text
 * safe for a terminal.  Bars are "█" and "░" in a UTF-8 locale, '#' and
 * '-' otherwise (chart_unicode says which).
 */
#ifndef RECALL_CHART_H
#define RECALL_CHART_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* True when the locale's character set is UTF-8. */
bool chart_unicode(void);

/* Where a bar sits in a line: byte offsets of its first cell, of its first
 * empty cell, and one past its last cell.  A front end that colours the
 * two parts reads them; the text alone needs none. */
struct chart_span {
	size_t start, split, end;
};

/* Appends s cut to width columns (ending in an ellipsis when cut) and
 * padded with spaces to exactly width: on the right, or on the left when
 * right (for numbers). */
void chart_cell(struct text_buf *b, const char *s, size_t width, bool right, bool unicode);

/* Appends a bar of width cells filled for fraction (0 to 1; layout_bar);
 * *span (may be NULL) receives where it is in b. */
void chart_bar(struct text_buf *b, double fraction, size_t width, bool unicode,
               struct chart_span *span);

/* Appends a bar line: indent spaces, label in labelw columns, a space, a
 * bar of barw cells and tail (may be NULL). */
void chart_bar_line(struct text_buf *b, size_t indent, const char *label, size_t labelw,
                    double fraction, size_t barw, bool unicode, const char *tail,
                    struct chart_span *span);

#endif
