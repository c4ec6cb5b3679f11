/* ui_draw — drawing primitives of the full-screen front end; see ui_draw.h. */
#include "ui_draw.h"

#include <curses.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "layout.h"
#include "text.h"

/* Colour pairs, as ui_curses starts them. */
enum { PAIR_RIGHT = 1, PAIR_WRONG, PAIR_PARTIAL, PAIR_ACCENT };

static bool use_color;           /* colours are in use */
static bool use_unicode;         /* the locale is UTF-8: Unicode marks and bars */
static int cursor_y = -1;        /* where the text cursor goes; < 0: nowhere */
static int cursor_x;             /* its column */

static const char *const glyphs[UI_GLYPH_COUNT][2] = {
	[UI_GLYPH_RIGHT] = { "+", "\u2713" },       /* ✓ */
	[UI_GLYPH_WRONG] = { "x", "\u2717" },       /* ✗ */
	[UI_GLYPH_PARTIAL] = { "~", "\u25d0" },     /* ◐ */
	[UI_GLYPH_SKIP] = { "-", "\u00bb" },        /* » */
	[UI_GLYPH_POINTER] = { ">", "\u25b8" },     /* ▸ */
	[UI_GLYPH_HELD] = { "=", "\u2195" },        /* ↕ */
	[UI_GLYPH_ELLIPSIS] = { "...", "\u2026" },  /* … */
	[UI_GLYPH_DOT] = { "-", "\u00b7" },         /* · */
	[UI_GLYPH_ARROW] = { "->", "\u2192" },      /* → */
	[UI_GLYPH_RULE] = { "-", "\u2500" },        /* ─ */
	[UI_GLYPH_UP] = { "^", "\u2191" },          /* ↑ */
	[UI_GLYPH_DOWN] = { "v", "\u2193" },        /* ↓ */
	[UI_GLYPH_TIMES] = { "x", "\u00d7" },       /* × */
	[UI_GLYPH_RISE] = { "^", "\u25b2" },        /* ▲ */
	[UI_GLYPH_FALL] = { "v", "\u25bc" },        /* ▼ */
	[UI_GLYPH_CLOCK] = { "o", "\u25f7" },       /* ◷ */
};

void ui_draw_setup(bool color, bool unicode)
{
	use_color = color;
	use_unicode = unicode;
}

bool ui_draw_unicode(void)
{
	return use_unicode;
}

const char *ui_draw_glyph(enum ui_glyph g)
{
	return glyphs[g][use_unicode ? 1 : 0];
}

int ui_draw_attr(enum ui_look l)
{
	attr_t c = 0;
	switch (l) {
	case UI_LOOK_PLAIN: return A_NORMAL;
	case UI_LOOK_BOLD: case UI_LOOK_KEY: case UI_LOOK_TITLE: return A_BOLD;
	case UI_LOOK_DIM: case UI_LOOK_BAR_EMPTY: return A_DIM;
	case UI_LOOK_SELECT: return A_REVERSE;
	case UI_LOOK_FIELD: return A_UNDERLINE;
	case UI_LOOK_RIGHT: c = (attr_t)COLOR_PAIR(PAIR_RIGHT); break;
	case UI_LOOK_WRONG: case UI_LOOK_WARN: c = (attr_t)COLOR_PAIR(PAIR_WRONG); break;
	case UI_LOOK_PARTIAL: c = (attr_t)COLOR_PAIR(PAIR_PARTIAL); break;
	case UI_LOOK_ACCENT: case UI_LOOK_BAR: c = (attr_t)COLOR_PAIR(PAIR_ACCENT); break;
	}
	if (!use_color)
		c = 0;
	return (int)((l == UI_LOOK_BAR || l == UI_LOOK_ACCENT) ? c : (c | A_BOLD));
}

int ui_draw_int(size_t v)
{
	return v > 10000 ? 10000 : (int)v;
}

size_t ui_draw_cols(void)
{
	return COLS > 0 ? (size_t)COLS : 0;
}

size_t ui_draw_lines(void)
{
	return LINES > 0 ? (size_t)LINES : 0;
}

size_t ui_draw_width(const char *s)
{
	return layout_width(s, strlen(s));
}

size_t ui_draw_put(const char *s, size_t len, size_t maxw)
{
	wchar_t buf[128];
	size_t nb = 0, w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			cp = '?';
			k = 1;
		}
		if (cp == '\t')
			cp = ' ';
		if (text_is_control(cp) || (!use_unicode && cp > 0x7E))
			cp = '?';
		size_t cw = layout_cp_width(cp);
		if (w + cw > maxw)
			break;
		buf[nb++] = (wchar_t)cp;
		w += cw;
		i += k;
		if (nb == sizeof buf / sizeof buf[0]) {
			addnwstr(buf, (int)nb);
			nb = 0;
		}
	}
	if (nb)
		addnwstr(buf, (int)nb);
	return w;
}

size_t ui_draw_put_at(size_t y, size_t x, enum ui_look l, const char *s, size_t maxw)
{
	move(ui_draw_int(y), ui_draw_int(x));
	attrset(ui_draw_attr(l));
	size_t w = ui_draw_put(s, strlen(s), maxw);
	attrset(A_NORMAL);
	return w;
}

void ui_draw_begin(void)
{
	erase();
	cursor_y = -1;
}

bool ui_draw_cursor(int *y, int *x)
{
	*y = cursor_y;
	*x = cursor_x;
	return cursor_y >= 0;
}

/* ---- body rows ------------------------------------------------------- */

void ui_draw_rows_clear(struct ui_rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < UI_DRAW_SPANS; k++)
			free(r->v[i].sp[k].s);
	r->n = 0;
	r->oom = false;
}

void ui_draw_rows_free(struct ui_rows *r)
{
	ui_draw_rows_clear(r);
	free(r->v);
	memset(r, 0, sizeof *r);
}

struct ui_row *ui_draw_row(struct ui_rows *r, size_t x, bool focus)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct ui_row *v = realloc(r->v, cap * sizeof *v);
		if (!v) {
			r->oom = true;
			return NULL;
		}
		r->v = v;
		r->cap = cap;
	}
	struct ui_row *row = &r->v[r->n++];
	memset(row, 0, sizeof *row);
	row->x = x;
	row->focus = focus;
	return row;
}

void ui_draw_span(struct ui_rows *r, struct ui_row *row, size_t k, enum ui_look look,
                  const char *s, size_t len)
{
	if (!row)
		return;
	char *copy = malloc(len + 1);
	if (!copy) {
		r->oom = true;
		return;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	char *e = text_escape(copy, false);
	free(copy);
	if (!e) {
		r->oom = true;
		return;
	}
	free(row->sp[k].s);
	row->sp[k].s = e;
	row->sp[k].look = look;
}

void ui_draw_blank(struct ui_rows *r)
{
	ui_draw_row(r, 0, false);
}

void ui_draw_wrap(struct ui_rows *r, size_t width, size_t x, const char *prefix, enum ui_look plook,
                  const char *text, enum ui_look tlook, bool focus)
{
	char *e = text_escape(text, true);
	if (!e) {
		r->oom = true;
		return;
	}
	size_t pw = ui_draw_width(prefix);
	size_t avail = width > x + pw ? width - x - pw : 1;
	struct layout_lines l = {0};
	if (layout_wrap(e, avail, &l) != 0) {
		r->oom = true;
	} else {
		for (size_t i = 0; i < l.n; i++) {
			struct ui_row *row = ui_draw_row(r, i == 0 ? x : x + pw, focus);
			if (i == 0 && pw)
				ui_draw_span(r, row, 0, plook, prefix, strlen(prefix));
			ui_draw_span(r, row, 1, tlook, e + l.v[i].start, l.v[i].len);
		}
		if (l.n == 0 && pw) {
			struct ui_row *row = ui_draw_row(r, x, focus);
			ui_draw_span(r, row, 0, plook, prefix, strlen(prefix));
		}
	}
	layout_lines_free(&l);
	free(e);
}

/* Chooses the first row to show in height rows: keeps the focused rows in
 * view (moving as little as it can), and never scrolls past the end. */
static size_t fix_scroll(const struct ui_rows *r, size_t height, size_t scroll)
{
	size_t fa = SIZE_MAX, fb = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].focus) {
			if (fa == SIZE_MAX)
				fa = i;
			fb = i;
		}
	}
	if (fa != SIZE_MAX && height > 0) {
		if (fa < scroll || fb - fa + 1 > height)
			scroll = fa;
		else if (fb >= scroll + height)
			scroll = fb + 1 - height;
	}
	size_t max = r->n > height ? r->n - height : 0;
	return scroll > max ? max : scroll;
}

void ui_draw_rows(const struct ui_rows *r, size_t top, size_t left, size_t width, size_t height,
                  size_t *scroll, size_t mark_x)
{
	*scroll = fix_scroll(r, height, *scroll);
	for (size_t y = 0; y < height && *scroll + y < r->n; y++) {
		const struct ui_row *row = &r->v[*scroll + y];
		size_t x = row->x;
		move(ui_draw_int(top + y), ui_draw_int(left + x));
		for (size_t k = 0; k < UI_DRAW_SPANS; k++) {
			if (!row->sp[k].s || x >= width)
				continue;
			attrset(ui_draw_attr(row->sp[k].look));
			x += ui_draw_put(row->sp[k].s, strlen(row->sp[k].s), width - x);
		}
		attrset(A_NORMAL);
		if (row->field) {
			cursor_y = ui_draw_int(top + y);
			cursor_x = ui_draw_int(left + row->x + row->cursor);
		}
	}
	if (height == 0)
		return;
	if (*scroll > 0)
		ui_draw_put_at(top, mark_x, UI_LOOK_DIM, ui_draw_glyph(UI_GLYPH_UP), 1);
	if (*scroll + height < r->n)
		ui_draw_put_at(top + height - 1, mark_x, UI_LOOK_DIM, ui_draw_glyph(UI_GLYPH_DOWN), 1);
}

void ui_draw_body(const struct ui_rows *r, size_t top, size_t height, size_t *scroll)
{
	ui_draw_rows(r, top, 1, ui_draw_cols() - 3, height, scroll, ui_draw_cols() - 1);
}

/* ---- the header and boxes -------------------------------------------- */

size_t ui_draw_header(const char *title, const char *right, const char *label, double fraction)
{
	size_t width = ui_draw_cols() - 2;
	size_t rw = ui_draw_width(right);
	char t[512];
	if (rw + 2 > width)
		rw = 0;
	layout_truncate(title, rw ? width - rw - 2 : width, ui_draw_glyph(UI_GLYPH_ELLIPSIS), t, sizeof t);
	ui_draw_put_at(0, 1, UI_LOOK_TITLE, t, width);
	if (rw)
		ui_draw_put_at(0, 1 + width - rw, UI_LOOK_PLAIN, right, rw);
	layout_truncate(label, width, ui_draw_glyph(UI_GLYPH_ELLIPSIS), t, sizeof t);
	size_t lw = ui_draw_put_at(1, 1, UI_LOOK_PLAIN, t, width);
	if (fraction >= 0 && lw + 2 < width) {
		char bar[2048];
		size_t split;
		layout_bar(fraction, width - lw - 1, use_unicode, bar, sizeof bar, &split);
		move(1, ui_draw_int(2 + lw));
		attrset(ui_draw_attr(UI_LOOK_BAR));
		ui_draw_put(bar, split, width);
		attrset(ui_draw_attr(UI_LOOK_BAR_EMPTY));
		ui_draw_put(bar + split, strlen(bar + split), width);
		attrset(A_NORMAL);
	}
	return 2;
}

void ui_draw_clear(size_t y, size_t h)
{
	attrset(A_NORMAL);
	for (size_t i = 0; i < h; i++) {
		move(ui_draw_int(y + i), 0);
		clrtoeol();
	}
}

void ui_draw_box(size_t y, size_t x, size_t h, size_t w)
{
	if (h < 2 || w < 2)
		return;
	attrset(A_NORMAL);
	for (size_t i = 0; i < h; i++)
		mvhline(ui_draw_int(y + i), ui_draw_int(x), ' ', ui_draw_int(w));
	mvaddch(ui_draw_int(y), ui_draw_int(x), ACS_ULCORNER);
	mvhline(ui_draw_int(y), ui_draw_int(x + 1), ACS_HLINE, ui_draw_int(w - 2));
	mvaddch(ui_draw_int(y), ui_draw_int(x + w - 1), ACS_URCORNER);
	mvvline(ui_draw_int(y + 1), ui_draw_int(x), ACS_VLINE, ui_draw_int(h - 2));
	mvvline(ui_draw_int(y + 1), ui_draw_int(x + w - 1), ACS_VLINE, ui_draw_int(h - 2));
	mvaddch(ui_draw_int(y + h - 1), ui_draw_int(x), ACS_LLCORNER);
	mvhline(ui_draw_int(y + h - 1), ui_draw_int(x + 1), ACS_HLINE, ui_draw_int(w - 2));
	mvaddch(ui_draw_int(y + h - 1), ui_draw_int(x + w - 1), ACS_LRCORNER);
}

void ui_draw_bar_row(struct ui_rows *r, size_t x, size_t width, const char *label, size_t labelw,
                     double fraction, const char *tail)
{
	char name[256], cut[256], bar[1024];
	text_escape_into(label, false, name, sizeof name);
	size_t w = layout_truncate(name, labelw, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
	size_t len = strlen(cut);
	while (w < labelw + 2 && len + 1 < sizeof cut) {
		cut[len++] = ' ';
		w++;
	}
	cut[len] = '\0';
	size_t tw = ui_draw_width(tail);
	size_t bw = width > labelw + 2 + tw + 3 ? width - labelw - 2 - tw : 3;
	if (bw > 40)
		bw = 40;
	size_t split;
	layout_bar(fraction, bw, ui_draw_unicode(), bar, sizeof bar, &split);
	struct ui_row *row = ui_draw_row(r, x, false);
	ui_draw_span(r, row, 0, UI_LOOK_PLAIN, cut, strlen(cut));
	ui_draw_span(r, row, 1, UI_LOOK_BAR, bar, split);
	ui_draw_span(r, row, 2, UI_LOOK_BAR_EMPTY, bar + split, strlen(bar + split));
	ui_draw_span(r, row, 3, UI_LOOK_PLAIN, tail, strlen(tail));
}
