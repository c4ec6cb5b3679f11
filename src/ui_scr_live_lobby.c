/* ui_scr_live_lobby — the live drill's lobby, on the projector: the class
 * code big and plain, how a student joins (the command spelled out), who
 * has joined in columns and how many.  Enter opens the first question. */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "text.h"
#include "ui_live_host.h"
#include "ui_screens.h"

/* The screen's state. */
struct lobby {
	size_t scroll;   /* first body row shown */
};

/* A font of 3 x 5 cells for the class code drawn big: digits, capitals and
 * - _ . (a code holding anything else is written plainly only).  Each
 * glyph is five rows of three cells, '#' full. */
struct glyph {
	char c;
	const char *rows[5];
};

static const struct glyph font[] = {
	{ '0', { "###", "# #", "# #", "# #", "###" } }, { '1', { " # ", "## ", " # ", " # ", "###" } },
	{ '2', { "###", "  #", "###", "#  ", "###" } }, { '3', { "###", "  #", "###", "  #", "###" } },
	{ '4', { "# #", "# #", "###", "  #", "  #" } }, { '5', { "###", "#  ", "## ", "  #", "## " } },
	{ '6', { "###", "#  ", "###", "# #", "###" } }, { '7', { "###", "  #", "  #", "  #", "  #" } },
	{ '8', { "###", "# #", "###", "# #", "###" } }, { '9', { "###", "# #", "###", "  #", "###" } },
	{ 'A', { "###", "# #", "###", "# #", "# #" } }, { 'B', { "## ", "# #", "## ", "# #", "## " } },
	{ 'C', { "###", "#  ", "#  ", "#  ", "###" } }, { 'D', { "## ", "# #", "# #", "# #", "## " } },
	{ 'E', { "###", "#  ", "## ", "#  ", "###" } }, { 'F', { "###", "#  ", "## ", "#  ", "#  " } },
	{ 'G', { "###", "#  ", "# #", "# #", "###" } }, { 'H', { "# #", "# #", "###", "# #", "# #" } },
	{ 'I', { "###", " # ", " # ", " # ", "###" } }, { 'J', { "  #", "  #", "  #", "# #", "###" } },
	{ 'K', { "# #", "# #", "## ", "# #", "# #" } }, { 'L', { "#  ", "#  ", "#  ", "#  ", "###" } },
	{ 'M', { "# #", "###", "###", "# #", "# #" } }, { 'N', { "###", "# #", "# #", "# #", "# #" } },
	{ 'O', { " # ", "# #", "# #", "# #", " # " } }, { 'P', { "###", "# #", "###", "#  ", "#  " } },
	{ 'Q', { "###", "# #", "# #", "###", "  #" } }, { 'R', { "## ", "# #", "## ", "# #", "# #" } },
	{ 'S', { "###", "#  ", "###", "  #", "###" } }, { 'T', { "###", " # ", " # ", " # ", " # " } },
	{ 'U', { "# #", "# #", "# #", "# #", "###" } }, { 'V', { "# #", "# #", "# #", "# #", " # " } },
	{ 'W', { "# #", "# #", "###", "###", "# #" } }, { 'X', { "# #", "# #", " # ", "# #", "# #" } },
	{ 'Y', { "# #", "# #", " # ", " # ", " # " } }, { 'Z', { "###", "  #", " # ", "#  ", "###" } },
	{ '-', { "   ", "   ", "###", "   ", "   " } }, { '_', { "   ", "   ", "   ", "   ", "###" } },
	{ '.', { "   ", "   ", "   ", "   ", " # " } },
};

#define BIG_ROWS 5
#define CELL 2   /* columns a cell takes: terminal cells are about twice as high as wide */
#define GAP 2    /* columns between two glyphs */

static const struct glyph *glyph_of(char c)
{
	for (size_t i = 0; i < sizeof font / sizeof font[0]; i++)
		if (font[i].c == c)
			return &font[i];
	return NULL;
}

/* Columns the code takes drawn big; 0 when it holds a character the font
 * has not. */
static size_t big_width(const char *code)
{
	size_t n = strlen(code);
	for (size_t i = 0; i < n; i++)
		if (!glyph_of(code[i]))
			return 0;
	return n ? n * (3 * CELL + GAP) - GAP : 0;
}

/* Adds the code drawn big, centred in width. */
static void build_big(struct ui_rows *r, const char *code, size_t width)
{
	size_t w = big_width(code), n = strlen(code);
	const char *full = ui_draw_unicode() ? "\u2588" : "#";
	for (size_t y = 0; y < BIG_ROWS; y++) {
		char line[1024];
		size_t len = 0;
		for (size_t i = 0; i < n && len + 64 < sizeof line; i++) {
			const char *cells = glyph_of(code[i])->rows[y];
			for (size_t c = 0; c < 3; c++)
				for (size_t k = 0; k < CELL; k++)
					len += (size_t)snprintf(line + len, sizeof line - len, "%s",
					                        cells[c] == '#' ? full : " ");
			if (i + 1 < n)
				len += (size_t)snprintf(line + len, sizeof line - len, "%*s", GAP, "");
		}
		struct ui_row *row = ui_draw_row(r, (width - w) / 2, false);
		ui_draw_span(r, row, 0, UI_LOOK_ACCENT, line, len);
	}
}

/* Adds text centred in width (escaped), or wrapped when it is wider. */
static void centre(struct ui_rows *r, size_t width, const char *text, enum ui_look look)
{
	char e[512];
	size_t w = ui_draw_width(text_escape_into(text, false, e, sizeof e));
	if (w >= width) {
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, e, look, false);
		return;
	}
	struct ui_row *row = ui_draw_row(r, (width - w) / 2, false);
	ui_draw_span(r, row, 0, look, e, strlen(e));
}

/* The students who joined in columns, row by row, the first first. */
static void build_joined(struct ui_rows *r, const char *const *names, size_t n, size_t width)
{
	char e[200], cut[200];
	size_t colw = 4;
	for (size_t i = 0; i < n; i++) {
		size_t w = ui_draw_width(text_escape_into(names[i], false, e, sizeof e));
		colw = w > colw ? w : colw;
	}
	colw = (colw > 20 ? 20 : colw) + 3;
	size_t cols = width > 2 && (width - 2) / colw > 0 ? (width - 2) / colw : 1;
	for (size_t i = 0; i < n; i += cols) {
		char line[2048];
		size_t len = 0;
		for (size_t k = i; k < n && k < i + cols && len + 200 < sizeof line; k++) {
			text_escape_into(names[k], false, e, sizeof e);
			size_t w = layout_truncate(e, colw - 3, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
			len += (size_t)snprintf(line + len, sizeof line - len, "%s%*s", cut,
			                        k + 1 < i + cols && k + 1 < n ? (int)(colw - w) : 0, "");
		}
		struct ui_row *row = ui_draw_row(r, 2, false);
		ui_draw_span(r, row, 0, UI_LOOK_BOLD, line, len);
	}
}

static void lobby_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct lobby *st = state;
	const struct live_host *h = ui->live_host;
	const char *code = drill_class(live_host_drill(h));
	char label[128], b[512];
	size_t count = live_host_count(h);
	double limit = live_host_time_limit(h);
	if (limit > 0)
		snprintf(label, sizeof label, "%zu question%s %s %.0f s each", count, count == 1 ? "" : "s",
		         ui_draw_glyph(UI_GLYPH_DOT), limit);
	else
		snprintf(label, sizeof label, "%zu question%s %s no clock", count, count == 1 ? "" : "s",
		         ui_draw_glyph(UI_GLYPH_DOT));
	ui_live_header(ui, label, -1.0);
	struct ui_rows *r = &ui->rows;
	size_t width = area->width, n;
	const char *const *names = live_host_joined(h, &n);
	size_t bw = big_width(code);
	if (bw && bw <= width && area->height >= 16) {
		centre(r, width, "Class code", UI_LOOK_DIM);
		ui_draw_blank(r);
		build_big(r, code, width);
		ui_draw_blank(r);
	} else {
		snprintf(b, sizeof b, "Class %s", code);
		centre(r, width, b, UI_LOOK_BOLD);
	}
	centre(r, width, "Join with:", UI_LOOK_DIM);
	snprintf(b, sizeof b, "recall drill --join %s --student NAME", code);
	centre(r, width, b, UI_LOOK_BOLD);
	ui_draw_blank(r);
	if (n)
		snprintf(b, sizeof b, "%zu joined", n);
	else
		snprintf(b, sizeof b, "Waiting for the class to join%s", ui_draw_glyph(UI_GLYPH_ELLIPSIS));
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, n ? UI_LOOK_RIGHT : UI_LOOK_DIM, false);
	build_joined(r, names, n, width);
	ui_draw_body(r, area->top, area->height, &st->scroll);
}

static bool lobby_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct lobby *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER: ui_live_act(ui, live_host_next(ui->live_host)); return true;
	case UI_DO_QUIT: ui_live_ask_end(ui); return true;
	default: return false;
	}
}

static bool lobby_tick(struct ui *ui, void *state, double now)
{
	(void)state, (void)now;
	bool moved;
	unsigned ch = ui_live_tick(ui, LIVE_HOST_LOBBY, &moved);
	return moved || ch != 0;
}

static const struct ui_key lobby_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "start"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_live_end_keys),
	UI_KEYS_END
};

const struct ui_screen ui_screen_live_lobby = {
	.name = "live lobby",
	.state_size = sizeof(struct lobby),
	.draw = lobby_draw,
	.key = lobby_key,
	.tick = lobby_tick,
	.keys = lobby_keys,
	.describe = ui_live_describe,
	.help = "The class joins: each student runs the command shown, with their own name, and "
	        "appears here as they join. Enter opens the first question for everyone who joined "
	        "(a student may join later too, and catches up). e or q ends the drill.",
};
