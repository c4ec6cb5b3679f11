/* ui_scr_drill_pass — the hand-over between turns of a hot-seat drill:
 * whose turn it is, and nothing of what the others answered.  The
 * question shows, and its clock starts, when that player presses Enter. */
#include <stdio.h>

#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_screens.h"

/* The screen's state. */
struct pass {
	double guard_until;  /* Enter is ignored until then (ui_drill_clock): a late key of the last turn */
	size_t scroll;       /* first body row shown */
};

/* arg: const bool *, whether the last turn ran out of time. */
static int pass_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct pass *st = state;
	if (arg && *(const bool *)arg)
		st->guard_until = ui_drill_clock() + UI_DRILL_GUARD_SECONDS;
	return 0;
}

static void pass_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct pass *st = state;
	const struct drill *d = ui->drill;
	size_t p = drill_turn(d);
	char who[160], pos[64], big[256], say[320], note[256], pts[32];
	text_escape_into(drill_player(d, p), false, who, sizeof who);
	ui_drill_position(ui, pos, sizeof pos);
	ui_drill_header(ui, NULL, "", pos, ui_drill_progress(ui, false));
	score_format_points(drill_tally(d, p)->score, pts, sizeof pts);
	snprintf(big, sizeof big, "Pass to %s", who);
	double limit = drill_rules(d)->time_limit;
	if (limit > 0)
		snprintf(say, sizeof say, "%s, press Enter when ready: the clock starts then (%g s).", who, limit);
	else
		snprintf(say, sizeof say, "%s, press Enter when ready.", who);
	snprintf(note, sizeof note, "%s's score: %s", who, pts);
	const char *lines[] = { big, "", say, "", note, NULL };
	const enum ui_look looks[] = { UI_LOOK_TITLE, UI_LOOK_PLAIN, UI_LOOK_PLAIN, UI_LOOK_PLAIN, UI_LOOK_DIM };
	ui_drill_centred(&ui->rows, area->width, area->height, lines, looks);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool pass_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct pass *st = state;
	switch (act) {
	case UI_DO_ENTER:
		if (ui_drill_clock() >= st->guard_until)
			ui_screen_replace(ui, &ui_screen_drill, NULL);
		return true;
	case UI_DO_QUIT:
		ui_drill_ask_quit(ui);
		return true;
	default:
		return false;
	}
}

static bool pass_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                          struct ui_foot *f)
{
	(void)ui, (void)state;
	if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "end");
	return true;
}

static const struct ui_key pass_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "ready"),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_drill_pass = {
	.name = "drill hand-over",
	.state_size = sizeof(struct pass),
	.open = pass_open,
	.draw = pass_draw,
	.key = pass_key,
	.keys = pass_keys,
	.describe = pass_describe,
	.help = "Players take turns at each question on this terminal. Hand the keyboard to the "
	        "player named; the question shows and its clock starts when they press Enter. What "
	        "the others answered stays hidden until everyone has answered.",
};
