/* ui_scr_drill_board — the leaderboard of a hot-seat drill between
 * questions: each player's rank, how it moved since the last question, a
 * bar of their score against the leader's, the score and what the last
 * question earned. */
#include <stdio.h>

#include "score.h"
#include "ui_drill.h"
#include "ui_screens.h"

/* The screen's state. */
struct board {
	struct drill_entry e[DRILL_MAX_PLAYERS];  /* the ranking (names borrowed from the drill) */
	size_t n;                                 /* entries in e */
	size_t scroll;                            /* first body row shown */
};

static int board_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct board *st = state;
	st->n = drill_leaderboard(ui->drill, st->e);
	return 0;
}

/* What each player earned at the question just answered: "+950". */
static void gains(const struct ui *ui, const struct board *st, char (*g)[32])
{
	for (size_t i = 0; i < st->n; i++) {
		size_t p = ui_drill_player_of(ui, st->e[i].name);
		const struct drill_outcome *o = p < drill_nplayers(ui->drill) ? drill_outcome(ui->drill, p) : NULL;
		char pts[24];
		score_format_points(o ? o->points : 0, pts, sizeof pts);
		snprintf(g[i], sizeof g[i], "+%s", pts);
	}
}

static void board_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct board *st = state;
	char pos[64], label[96];
	ui_drill_position(ui, pos, sizeof pos);
	snprintf(label, sizeof label, "after %s", pos);
	ui_drill_header(ui, "Leaderboard", NULL, label, ui_drill_progress(ui, true));
	char g[DRILL_MAX_PLAYERS][32];
	const char *extra[DRILL_MAX_PLAYERS];
	gains(ui, st, g);
	for (size_t i = 0; i < st->n; i++)
		extra[i] = g[i];
	ui_drill_ranking(&ui->rows, area->width, st->e, st->n, true, extra, NULL);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool board_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct board *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER: ui_drill_next(ui); return true;
	case UI_DO_QUIT: ui_drill_ask_quit(ui); return true;
	default: return false;
	}
}

static bool board_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                           struct ui_foot *f)
{
	(void)ui, (void)state;
	if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "end");
	return true;
}

static const struct ui_key board_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next question"),
	UI_KEY(' ', UI_DO_ENTER, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_drill_board = {
	.name = "drill leaderboard",
	.state_size = sizeof(struct board),
	.open = board_open,
	.draw = board_draw,
	.key = board_key,
	.keys = board_keys,
	.describe = board_describe,
	.help = "The players by score (then grade), with how each rank moved since the last "
	        "question (up, down, or held), a bar of each score against the leader's, the "
	        "score, and what the last question earned. Players with equal score and grade "
	        "share a rank. Enter asks the next question.",
};
