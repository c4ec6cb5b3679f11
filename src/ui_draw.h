/* ui_draw — drawing primitives of the full-screen front end: looks and
 * glyphs, text put at a place, the rows of a screen's body (wrapped,
 * scrolled, drawn), the header, boxes.
 *
 * Every string drawn is escaped (text_escape) before it reaches the
 * terminal; widths are display columns, never bytes.  The looks and glyphs
 * depend on the terminal (colour, a UTF-8 locale), set once by
 * ui_draw_setup; like curses itself, this is state of the one terminal.
 */
#ifndef RECALL_UI_DRAW_H
#define RECALL_UI_DRAW_H

#include <stdbool.h>
#include <stddef.h>

/* What a piece of text looks like; looks become attributes in one place. */
enum ui_look {
	UI_LOOK_PLAIN, UI_LOOK_BOLD, UI_LOOK_DIM, UI_LOOK_KEY, UI_LOOK_TITLE, UI_LOOK_RIGHT,
	UI_LOOK_WRONG, UI_LOOK_PARTIAL, UI_LOOK_ACCENT, UI_LOOK_SELECT, UI_LOOK_BAR,
	UI_LOOK_BAR_EMPTY, UI_LOOK_FIELD, UI_LOOK_WARN
};

/* Marks that have a Unicode and an ASCII form (for non-UTF-8 locales). */
enum ui_glyph {
	UI_GLYPH_RIGHT, UI_GLYPH_WRONG, UI_GLYPH_PARTIAL, UI_GLYPH_SKIP, UI_GLYPH_POINTER,
	UI_GLYPH_HELD, UI_GLYPH_ELLIPSIS, UI_GLYPH_DOT, UI_GLYPH_ARROW, UI_GLYPH_RULE,
	UI_GLYPH_UP, UI_GLYPH_DOWN, UI_GLYPH_TIMES, UI_GLYPH_RISE, UI_GLYPH_FALL, UI_GLYPH_CLOCK,
	UI_GLYPH_COUNT
};

#define UI_DRAW_SPANS 6

/* One part of a body row, drawn in one look. */
struct ui_span {
	char *s;            /* escaped UTF-8 text (owned); NULL when unused */
	enum ui_look look;  /* how it looks */
};

/* One row of a screen's body, at most the body's width. */
struct ui_row {
	size_t x;                          /* its first column, from the body's left */
	struct ui_span sp[UI_DRAW_SPANS];  /* drawn one after the other */
	bool focus;                        /* part of the focused thing, kept in view */
	bool field;                        /* holds the text field; the cursor goes at x + cursor */
	size_t cursor;                     /* field: the cursor's column from x */
};

/* The body of the frame being drawn. */
struct ui_rows {
	struct ui_row *v;  /* the rows, top to bottom (owned) */
	size_t n;          /* rows in v */
	size_t cap;        /* rows allocated */
	bool oom;          /* a row could not be added */
};

/* Takes the looks of this terminal: colours in use, a UTF-8 locale. */
void ui_draw_setup(bool color, bool unicode);
bool ui_draw_unicode(void);               /* the locale is UTF-8 */
const char *ui_draw_glyph(enum ui_glyph g);  /* a static string */
int ui_draw_attr(enum ui_look l);         /* the curses attributes of a look */

size_t ui_draw_cols(void);   /* the window's width, 0 before curses starts */
size_t ui_draw_lines(void);  /* its height */
int ui_draw_int(size_t v);   /* a coordinate for curses, capped */
size_t ui_draw_width(const char *s);  /* display columns of s */

/* Draws s[0..len) at the cursor in the attributes set, at most maxw
 * columns; returns the columns drawn.  s is escaped already; a control
 * character that slipped through is drawn as '?', never sent raw. */
size_t ui_draw_put(const char *s, size_t len, size_t maxw);
/* Moves to (y, x) and draws s in look l, at most maxw columns. */
size_t ui_draw_put_at(size_t y, size_t x, enum ui_look l, const char *s, size_t maxw);

/* Starts a frame: an empty window, and no text cursor until a field row
 * is drawn. */
void ui_draw_begin(void);
/* Where the last field row drawn put the text cursor; false when none. */
bool ui_draw_cursor(int *y, int *x);

void ui_draw_rows_clear(struct ui_rows *r);  /* empties r, keeping its memory */
void ui_draw_rows_free(struct ui_rows *r);   /* releases r; empty again */
/* A new empty row at column x, owned by r; NULL when memory runs out
 * (r->oom is then set). */
struct ui_row *ui_draw_row(struct ui_rows *r, size_t x, bool focus);
/* Sets span k of row to s[0..len), escaped; nothing when row is NULL. */
void ui_draw_span(struct ui_rows *r, struct ui_row *row, size_t k, enum ui_look look,
                  const char *s, size_t len);
void ui_draw_blank(struct ui_rows *r);  /* an empty row */
/* Adds text wrapped into width columns: the first row starts with prefix
 * (in plook) at column x, the others are indented under the text.  text
 * may be deck text with newlines; it is escaped here. */
void ui_draw_wrap(struct ui_rows *r, size_t width, size_t x, const char *prefix, enum ui_look plook,
                  const char *text, enum ui_look tlook, bool focus);

/* Adds a row at column x, width columns: label (escaped, cut or padded to
 * labelw columns, then two spaces), a bar of fraction (0..1) as wide as is
 * left after tail (at most 40 columns, at least 3), and tail. */
void ui_draw_bar_row(struct ui_rows *r, size_t x, size_t width, const char *label, size_t labelw,
                     double fraction, const char *tail);

/* Draws the rows of r from *scroll (adjusted to keep the focused rows in
 * view) into height rows from top, width columns from left.  A mark in
 * column mark_x says there is more above or below. */
void ui_draw_rows(const struct ui_rows *r, size_t top, size_t left, size_t width, size_t height,
                  size_t *scroll, size_t mark_x);
/* The body of a screen: rows from top, at most height, across the window
 * with a margin of one column each side and the scroll marks at the right. */
void ui_draw_body(const struct ui_rows *r, size_t top, size_t height, size_t *scroll);

/* Draws the header's two rows: a title on the left and a note on the
 * right, then a label followed by a bar of fraction (none when negative).
 * Returns 2, the rows taken. */
size_t ui_draw_header(const char *title, const char *right, const char *label, double fraction);
/* Blanks rows y..y+h-1 across the whole window (what an overlay covers). */
void ui_draw_clear(size_t y, size_t h);
/* Draws an empty box with a border: rows y..y+h-1, columns x..x+w-1. */
void ui_draw_box(size_t y, size_t x, size_t h, size_t w);

#endif
