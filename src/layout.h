/* layout — text laid out by display width, for the full-screen front end.
 *
 * Pure functions over UTF-8 byte strings: no curses, no terminal, so the
 * unit tests can check them at any width.  A column count comes from
 * wcwidth(3) in the current LC_CTYPE locale: a combining mark takes no
 * column, a wide (CJK) character two, a tab one, and a code point the
 * locale cannot print one.  Bytes that are not valid UTF-8 count one column
 * each.  The strings given here are expected to be escaped already
 * (text_escape); nothing here makes text safe for a terminal.
 */
#ifndef RECALL_LAYOUT_H
#define RECALL_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck_limits.h"

/* Columns taken by one code point (0, 1 or 2). */
size_t layout_cp_width(uint32_t cp);

/* Columns taken by s[0..len). */
size_t layout_width(const char *s, size_t len);

/* Bytes of the longest prefix of s[0..len) that fits in width columns, cut
 * on a character boundary (a combining mark stays with its base). */
size_t layout_fit(const char *s, size_t len, size_t width);

/* One line of wrapped text: a slice of the text wrapped. */
struct layout_line {
	size_t start;   /* byte offset of the line in the text */
	size_t len;     /* its length in bytes, without the break */
	size_t width;   /* its width in columns */
};

/* The lines of a wrapped text. */
struct layout_lines {
	struct layout_line *v;  /* the lines, top to bottom; owned */
	size_t n;               /* lines in v */
	size_t cap;             /* lines allocated */
};

/* Wraps s into lines of at most width columns (a width of 0 counts as 1).
 * Lines break at spaces and tabs, which are dropped at the break; '\n'
 * starts a new line, and an empty paragraph gives an empty line; a word
 * wider than a line is cut by characters.  The spaces that open a text or
 * follow a '\n' are kept (they indent), those at a line's end are not.
 * The lines are added to out (zero-initialised, freed with
 * layout_lines_free).  Returns 0, or -1 when memory runs out. */
int layout_wrap(const char *s, size_t width, struct layout_lines *out);

void layout_lines_free(struct layout_lines *l);

/* Copies s into buf (size bytes, always terminated), cut to at most width
 * columns; when cut, the copy ends with ellipsis (e.g. "…" or "..."),
 * which counts within width.  Returns the width of the copy. */
size_t layout_truncate(const char *s, size_t width, const char *ellipsis, char *buf, size_t size);

/* Cells of a bar of width columns filled for fraction (clamped to 0..1):
 * rounded, but never 0 for a fraction above 0, nor width for one below 1,
 * so that a sliver and a near miss both show. */
size_t layout_bar_cells(double fraction, size_t width);

/* Writes a bar of width columns into buf (size bytes, always terminated):
 * filled cells then empty ones, as "█" and "░" when unicode, '#' and '-'
 * otherwise.  *split receives the byte offset where the empty cells start,
 * so the caller can draw the two parts differently. */
void layout_bar(double fraction, size_t width, bool unicode, char *buf, size_t size, size_t *split);

/* Packs n items of the given widths into rows of width columns, gap
 * columns between items on a row, in order; an item wider than a row gets
 * a row of its own.  row_of[i] receives the row of item i (row_of may be
 * NULL).  Returns the number of rows (0 when n is 0). */
size_t layout_pack(const size_t *widths, size_t n, size_t width, size_t gap, size_t *row_of);

/* A one-line text field being typed into: UTF-8 text and a cursor. */
struct layout_field {
	char *s;        /* the text, NUL-terminated; NULL until the first insert */
	size_t len;     /* its length in bytes */
	size_t cap;     /* bytes allocated for s */
	size_t cursor;  /* byte offset of the cursor, on a character boundary */
};

/* The longest text a field keeps, in bytes: the longest answer a deck may
 * ask to be typed (deck_limits.h), so that every one fits. */
#define LAYOUT_FIELD_MAX DECK_MAX_ANSWER_BYTES

/* Inserts the code point cp at the cursor and moves past it.  Control
 * characters are refused.  Returns 0, or -1 when refused, when the field is
 * full, or when memory runs out. */
int layout_field_insert(struct layout_field *f, uint32_t cp);

void layout_field_left(struct layout_field *f);       /* one character left */
void layout_field_right(struct layout_field *f);      /* one character right */
void layout_field_home(struct layout_field *f);       /* to the start */
void layout_field_end(struct layout_field *f);        /* to the end */
void layout_field_backspace(struct layout_field *f);  /* deletes before the cursor */
void layout_field_delete(struct layout_field *f);     /* deletes at the cursor */
void layout_field_kill(struct layout_field *f);       /* deletes from the start to the cursor (^U) */
void layout_field_kill_end(struct layout_field *f);   /* deletes from the cursor to the end (^K) */
/* Deletes the word before the cursor and the spaces between them, words
 * being split by spaces and tabs (^W, readline's unix-word-rubout). */
void layout_field_rubout_word(struct layout_field *f);
void layout_field_word_left(struct layout_field *f);  /* to the start of this or the word before */
void layout_field_word_right(struct layout_field *f); /* to the end of this or the next word */
void layout_field_clear(struct layout_field *f);      /* empties it, keeping the memory */
void layout_field_free(struct layout_field *f);       /* releases it; empty again */

/* The text of the field, "" when empty. */
const char *layout_field_text(const struct layout_field *f);

/* What to show of the field in width columns (at least 1): *first receives
 * the byte offset of the first character shown, *col the column of the
 * cursor from there.  The start is shown when the cursor fits; otherwise
 * the text scrolls so the cursor sits in the last column. */
void layout_field_view(const struct layout_field *f, size_t width, size_t *first, size_t *col);

#endif
