/* ui_scr_small — shown alone while the window is below UI_CURSES_MIN_COLS x
 * UI_CURSES_MIN_ROWS: it says how big the window must be; q quits, asking
 * first when a quiz or a drill is under way. */
#include <curses.h>
#include <stdio.h>

#include "drill.h"
#include "layout.h"
#include "ui_curses.h"
#include "ui_drill.h"
#include "ui_quiz.h"
#include "ui_screens.h"

static void small_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	(void)area;
	if (ui_screen_top(ui)->state != state)
		return;  /* a question over it shows alone: there is no room for both */
	size_t cols = ui_draw_cols(), lines = ui_draw_lines();
	char b[200];
	snprintf(b, sizeof b, "Make the window at least %d%s%d; now %zu%s%zu. q quits.", UI_CURSES_MIN_COLS,
	         ui_draw_glyph(UI_GLYPH_TIMES), UI_CURSES_MIN_ROWS, cols, ui_draw_glyph(UI_GLYPH_TIMES), lines);
	size_t width = cols > 2 ? cols - 2 : cols;
	struct layout_lines l = {0};
	if (width == 0 || layout_wrap(b, width, &l) != 0)
		return;
	size_t y0 = lines > l.n ? (lines - l.n) / 2 : 0;
	for (size_t i = 0; i < l.n && y0 + i < lines; i++) {
		size_t x = cols > 2 ? 1 : 0;
		/* The bottom-right cell stays empty: writing it would scroll. */
		size_t maxw = y0 + i + 1 == lines ? width - (x + width >= cols) : width;
		move(ui_draw_int(y0 + i), ui_draw_int(x));
		attrset(ui_draw_attr(UI_LOOK_BOLD));
		ui_draw_put(b + l.v[i].start, l.v[i].len, maxw);
	}
	attrset(A_NORMAL);
	layout_lines_free(&l);
}

/* q, as everywhere: a quiz under way asks first (the yes-or-no question
 * over this screen, in its short form), then ends with its summary under
 * this screen; otherwise it leaves at once. */
static bool small_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	if (act != UI_DO_QUIT)
		return true;
	const struct session *s = ui_screen_quiz(ui);
	if (ui->drill && drill_phase(ui->drill) != DRILL_OVER)
		ui_drill_ask_quit(ui);
	else if (ui->study && ui_screen_under(ui, state)->screen != &ui_screen_study_end)
		ui_quiz_ask_quit(ui, ui_screen_under(ui, state)->screen == &ui_screen_study);
	else if (s && !session_done(s))
		ui_quiz_ask_quit(ui, session_current(s) == NULL);
	else
		ui->done = true;
	return true;
}

static const struct ui_key small_keys[] = {
	UI_KEY('q', UI_DO_QUIT, "q", "quit"),
	UI_KEYS_END
};

const struct ui_screen ui_screen_small = {
	.name = "small",
	.whole_window = true,
	.draw = small_draw,
	.key = small_key,
	.keys = small_keys,
};
