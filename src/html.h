/* html — what importers need of HTML: its character references, and the
 * text a piece of HTML shows.
 *
 * Question banks exported from web applications carry their text HTML
 * escaped ("Schr&ouml;dinger&#039;s cat").  html_unescape turns the named
 * references of HTML 4 (and &apos;) and the numeric ones (decimal and hex)
 * back into UTF-8.  Some carry HTML itself (Moodle's [html] text, Anki
 * fields): html_to_text reduces it to the text it shows.  Pure functions;
 * nothing here reaches a terminal.
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

/* What html_to_text could not carry into text, counted. */
struct html_dropped {
	size_t unknown;        /* named references not known, kept as written */
	size_t first_unknown;  /* the offset of the first of them */
	size_t images;         /* <img> elements left out */
};

/* html_to_text's flags. */
#define HTML_KEEP_NEWLINES 1u  /* a line break in the source is one in the
                                * text (Moodle's auto-format); without it,
                                * white space runs are one space, as in a
                                * browser */

/* Adds the text that the HTML s[0..len) shows to out:
 *  - tags left out; <br> a line break, <p> a blank line before and after,
 *    <div>, headings, <tr>, <blockquote> and other blocks a line of their
 *    own; <li> a line starting "- " (in an <ol>, "1. ", "2. "...), nested
 *    lists indented by two spaces; table cells of a row split by " | ";
 *  - comments, <!DOCTYPE>, and the content of <script> and <style> left
 *    out; <img> left out and counted;
 *  - character references decoded as html_unescape does, &nbsp; as a
 *    plain space;
 *  - runs of white space one space, none at the start or end of a line
 *    (kept as written inside <pre>); line breaks at the start and end
 *    left out, at most one blank line in a row.
 * A '<' that starts no tag (one before a space or digit, or a tag never
 * closed) and an '&' that starts no reference are text.  dropped, when
 * not NULL, counts what was left out (zero it first). */
void html_to_text(struct text_buf *out, const char *s, size_t len, unsigned flags, struct html_dropped *dropped);

#endif
