/* html — what importers need of HTML: its character references.
 *
 * Question banks exported from web applications carry their text HTML
 * escaped ("Schr&ouml;dinger&#039;s cat").  html_unescape turns the named
 * references of HTML 4 (and &apos;) and the numeric ones (decimal and hex)
 * back into UTF-8.  Pure functions; nothing here reaches a terminal.
 */
#ifndef RECALL_HTML_H
#define RECALL_HTML_H

#include <stddef.h>
#include <stdint.h>

#include "text.h"

/* Adds s[0..len) to out with every character reference decoded.  A
 * reference is "&name;", "&#digits;" or "&#xhex;" (the semicolon is
 * required).  As in browsers, a numeric reference to U+0000, a surrogate
 * or a value above U+10FFFF gives U+FFFD, and one to U+0080..U+009F the
 * character Windows-1252 has there (&#150; is an en dash).  An '&' that
 * starts no reference, or a name not known, is kept as written.
 *
 * Returns how many names were not known (and kept); *unknown, when not
 * NULL, is set to the offset in s of the first of them. */
size_t html_unescape(struct text_buf *out, const char *s, size_t len, size_t *unknown);

/* The code point of the named reference name[0..len) (without '&' and
 * ';'), or 0 when HTML 4 has no such name. */
uint32_t html_entity(const char *name, size_t len);

#endif
