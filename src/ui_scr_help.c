/* ui_scr_help — the help over a screen: its keys, written from its key
 * rows like its footer, how it works, and what holds everywhere. */
#include <curses.h>
#include <stdio.h>

#include "drill_score.h"

#include "ui_screens.h"

/* The screen's state. */
struct help {
	size_t scroll;  /* first line shown */
};

static const char help_common[] =
	"A hint halves the question's points. Each right answer in a row earns 10% more than the "
	"last, up to 50% more. Ctrl-C leaves at once; Ctrl-Z suspends (fg resumes). "
	"recall(1) tells the rest.";

/* The same in a drill (drill_score.h): its format, with the streak's
 * step and cap. */
static const char help_drill[] =
	"A right answer earns more the sooner it comes: all of the question's points at once, "
	"half at the last moment. Each right answer in a row after the first adds %.0f, up to "
	"%.0f. Ctrl-C leaves at once; Ctrl-Z suspends (fg resumes; the clock runs on). recall(1) "
	"tells the rest.";

/* The rows of the help of the screen under it, inner columns wide. */
static void build_help(struct ui *ui, const struct ui_frame *under, size_t inner)
{
	struct ui_rows *r = &ui->rows;
	ui_draw_wrap(r, inner, 0, "", UI_LOOK_PLAIN, "Keys here", UI_LOOK_BOLD, false);
	struct ui_foot v[UI_KEYS_MAX_FOOT];
	size_t n = under ? ui_screen_footer(ui, under, v, UI_KEYS_MAX_FOOT) : 0, kw = 0;
	for (size_t i = 0; i < n; i++)
		kw = ui_draw_width(v[i].key) > kw ? ui_draw_width(v[i].key) : kw;
	for (size_t i = 0; i < n; i++) {
		char k[64];
		size_t pad = kw - ui_draw_width(v[i].key) + 2;  /* the descriptions line up */
		snprintf(k, sizeof k, "%.40s%*s", v[i].key, (int)(pad < 20 ? pad : 20), "");
		ui_draw_wrap(r, inner, 0, k, UI_LOOK_KEY, v[i].does, UI_LOOK_PLAIN, false);
	}
	const struct ui_screen *s = under ? under->screen : NULL;
	const char *text = !s ? NULL : s->help_now ? s->help_now(ui, under->state) : s->help;
	if (text) {
		ui_draw_blank(r);
		ui_draw_wrap(r, inner, 0, "", UI_LOOK_PLAIN, text, UI_LOOK_PLAIN, false);
	}
	char drill[sizeof help_drill + 64];
	bool drilling = ui->drill || ui->live_student || ui->live_host;  /* a drill, live or not */
	if (drilling)
		snprintf(drill, sizeof drill, help_drill, DRILL_STREAK_STEP, DRILL_STREAK_CAP);
	ui_draw_blank(r);
	ui_draw_wrap(r, inner, 0, "", UI_LOOK_PLAIN, drilling ? drill : help_common, UI_LOOK_DIM, false);
}

/* A box in the middle, at most 72 columns wide, over the body and the
 * message line; the rows it spans are blanked first, so that nothing of
 * the screen under it shows beside it. */
static void help_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct help *st = state;
	size_t cols = ui_draw_cols();
	size_t w = cols > 4 ? cols - 4 : cols;
	if (w > 72)
		w = 72;
	size_t x0 = (cols - w) / 2;
	size_t inner = w > 4 ? w - 4 : 1;
	size_t height = area->height + area->below;
	ui_draw_rows_clear(&ui->rows);
	build_help(ui, ui_screen_under(ui, state), inner);
	size_t h = ui->rows.n + 2 < height ? ui->rows.n + 2 : height;
	if (h < 3)
		return;
	ui_draw_clear(area->top, h);
	ui_draw_box(area->top, x0, h, w);
	ui_draw_rows(&ui->rows, area->top + 1, x0 + 2, inner, h - 2, &st->scroll, x0 + w - 2);
}

static bool help_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct help *st = state;
	if (act == UI_DO_CLOSE)
		ui_screen_pop(ui);
	else
		ui_keys_scroll_by(&st->scroll, act);
	return true;
}

/* Every key closes it but those that scroll. */
static const struct ui_key help_keys[] = {
	UI_FKEY(KEY_UP, UI_DO_UP, "\u2191\u2193", "scroll"),
	UI_FKEY(KEY_DOWN, UI_DO_DOWN, NULL, NULL),
	UI_FKEY(KEY_PPAGE, UI_DO_PGUP, NULL, NULL),
	UI_FKEY(KEY_NPAGE, UI_DO_PGDN, NULL, NULL),
	UI_KEYS(1, 0x10FFFF, UI_DO_CLOSE, "any other key", "close"),
	UI_FKEYS(KEY_MIN, KEY_MAX, UI_DO_CLOSE, NULL, NULL),
	UI_KEYS_END
};

const struct ui_screen ui_screen_help = {
	.name = "help",
	.state_size = sizeof(struct help),
	.overlay = true,
	.draw = help_draw,
	.key = help_key,
	.keys = help_keys,
};
