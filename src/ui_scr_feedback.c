/* ui_scr_feedback — the verdict on the item just answered or skipped: the
 * points, the right answer, why, and where it comes from. */
#include <stdio.h>

#include "score.h"
#include "ui_input.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct feedback {
	const struct item *judged;  /* the item just answered or skipped (the session's) */
	size_t scroll;              /* first body row shown */
};

static int feedback_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct feedback *st = state;
	st->judged = arg;
	return 0;
}

/* The rows of the verdict on it. */
static void build_feedback(struct ui *ui, const struct item *it, size_t width)
{
	const struct question *q = it->q;
	const struct verdict *v = &it->verdict;
	const struct score *sc = session_score(ui_screen_quiz(ui));
	bool rated = ui_input_for(q->type)->rated;
	struct ui_rows *r = &ui->rows;
	char b[512], pts[32], tot[32];
	ui_quiz_verdict_row(r, width, it, rated);
	score_format_points(it->earned, pts, sizeof pts);
	score_format_points(sc->total, tot, sizeof tot);
	if (sc->streak > 1)
		snprintf(b, sizeof b, "+%s points, streak %u (score %s)", pts, sc->streak, tot);
	else
		snprintf(b, sizeof b, "+%s points (score %s)", pts, tot);
	ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	if (v->note[0] && !rated)
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, verdict_note_sentence(v, b, sizeof b),
		             UI_LOOK_PLAIN, false);
	ui_quiz_answer_rows(r, width, it, rated);
}

static void feedback_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct feedback *st = state;
	ui_quiz_header(ui, st->judged, true);
	build_feedback(ui, st->judged, area->width);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool is_last(const struct ui *ui)
{
	const struct session *s = ui_screen_quiz(ui);
	return s && session_position(s) + 1 >= session_count(s);
}

static bool feedback_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct feedback *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER:
		ui_quiz_next(ui);
		return true;
	case UI_DO_QUIT:
		ui_quiz_ask_quit(ui, true);
		return true;
	default:
		return false;
	}
}

static bool feedback_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                              struct ui_foot *f)
{
	(void)state;
	if (row->act == UI_DO_ENTER && is_last(ui))
		snprintf(f->does, sizeof f->does, "summary");
	return true;
}

static const struct ui_key feedback_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next"),
	UI_KEY(' ', UI_DO_ENTER, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_feedback = {
	.name = "feedback",
	.state_size = sizeof(struct feedback),
	.open = feedback_open,
	.draw = feedback_draw,
	.key = feedback_key,
	.keys = feedback_keys,
	.describe = feedback_describe,
	.help = "The verdict, the right answer, why, and the report it comes from. Enter goes on.",
};
