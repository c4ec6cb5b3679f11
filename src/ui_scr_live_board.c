/* ui_scr_live_board — a live drill's whole leaderboard after a question,
 * over the closed question it was opened from: each student's rank, how
 * it moved at that question, a bar of their score against the leader's,
 * the score and the grade.  Enter opens the next question (the podium
 * after the last); b goes back. */
#include <stdio.h>
#include <stdlib.h>

#include "ui_drill.h"
#include "ui_live_host.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct board {
	size_t scroll;   /* first body row shown */
};

static void board_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct board *st = state;
	const struct live_host_close *c = live_host_last(ui->live_host);
	char label[96];
	snprintf(label, sizeof label, "Leaderboard after question %u / %zu", c ? c->index + 1 : 0,
	         live_host_count(ui->live_host));
	ui_live_header(ui, label, ui_live_progress(ui));
	size_t n;
	const struct drill_entry *e = live_host_board(ui->live_host, &n);
	if (!n) {
		ui_draw_wrap(&ui->rows, area->width, 0, "", UI_LOOK_PLAIN, "Nobody joined.", UI_LOOK_DIM,
		             false);
	} else {
		char (*g)[32] = malloc(n * sizeof *g);
		const char **extra = malloc(n * sizeof *extra);
		for (size_t i = 0; g && extra && i < n; i++) {
			verdict_format_grade(e[i].grade, g[i], sizeof g[i]);
			extra[i] = g[i];
		}
		if (!g || !extra)
			ui->rows.oom = true;
		else
			ui_drill_ranking(&ui->rows, area->width, e, n, true, extra, NULL);
		free(g);
		free(extra);
	}
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool board_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct board *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER: ui_live_act(ui, live_host_next(ui->live_host)); return true;
	case UI_DO_CLOSE: ui_screen_pop(ui); return true;
	case UI_DO_QUIT: ui_live_ask_end(ui); return true;
	default: return false;
	}
}

static bool board_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                           struct ui_foot *f)
{
	const struct live_host *h = ui->live_host;
	if (row->act == UI_DO_ENTER && live_host_index(h) + 1 >= live_host_count(h))
		snprintf(f->does, sizeof f->does, "podium");
	return ui_live_describe(ui, state, row, f);
}

static const struct ui_key board_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next question"),
	UI_KEY('b', UI_DO_CLOSE, "b", "back"),
	UI_KEY(27, UI_DO_CLOSE, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_live_end_keys),
	UI_KEYS_END
};

const struct ui_screen ui_screen_live_board = {
	.name = "live leaderboard",
	.state_size = sizeof(struct board),
	.draw = board_draw,
	.key = board_key,
	.keys = board_keys,
	.describe = board_describe,
	.help = "The whole class by score (then grade), with how each rank moved at the last "
	        "question (up, down, or held), a bar of each score against the leader's, the score "
	        "and the grade (the share of the questions' own points, without speed or streak). "
	        "Students with equal score and grade share a rank. Enter opens the next question; "
	        "b goes back to the question's answers; e or q ends the drill.",
};
