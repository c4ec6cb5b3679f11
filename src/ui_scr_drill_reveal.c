/* ui_scr_drill_reveal — what each player did at the question just
 * answered by all: the verdict, the points with speed and streak, what a
 * player who missed answered; then the right answer and why.  With one
 * player it is simply their feedback. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "layout.h"
#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct reveal {
	double guard_until;  /* Enter is ignored until then (ui_drill_clock): a late key of the last turn */
	size_t scroll;       /* first body row shown */
};

/* arg: const bool *, whether the last turn ran out of time. */
static int reveal_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct reveal *st = state;
	if (arg && *(const bool *)arg)
		st->guard_until = ui_drill_clock() + UI_DRILL_GUARD_SECONDS;
	return 0;
}

/* The verdict on o and its points (verdict_drill_line), and the time an
 * answer took. */
static char *outcome_line(const struct drill_outcome *o, char *buf, size_t size)
{
	char line[256];
	if (!o->answered) {
		snprintf(buf, size, "Not answered.");
		return buf;
	}
	verdict_drill_line(o->timed_out ? NULL : &o->verdict, o->points, o->bonus, line, sizeof line);
	if (o->timed_out)
		snprintf(buf, size, "%s", line);
	else
		snprintf(buf, size, "%s %s %.1f s", line, ui_draw_glyph(UI_GLYPH_DOT), o->seconds);
	return buf;
}

/* One player: the feedback on their answer. */
static void build_one(struct ui *ui, size_t width)
{
	const struct drill *d = ui->drill;
	const struct drill_outcome *o = drill_outcome(d, 0);
	const struct item *it = drill_current(d);
	struct ui_rows *r = &ui->rows;
	char b[600], mark[16], tot[32];
	enum ui_glyph g;
	enum ui_look look;
	ui_drill_mark(o, &g, &look);
	snprintf(mark, sizeof mark, "%s ", ui_draw_glyph(g));
	ui_draw_wrap(r, width, 0, mark, look, outcome_line(o, b, sizeof b), look, false);
	const struct drill_tally *t = drill_tally(d, 0);
	score_format_points(t->score, tot, sizeof tot);
	if (t->streak > 1)
		snprintf(b, sizeof b, "Score %s, streak %u", tot, t->streak);
	else
		snprintf(b, sizeof b, "Score %s", tot);
	ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	if (o->answered && !o->timed_out && o->verdict.note[0])
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, verdict_note_sentence(&o->verdict, b, sizeof b),
		             UI_LOOK_PLAIN, false);
	if (o->recorded) {  /* class mode: committed to the class's results */
		char k[200];
		snprintf(b, sizeof b, "Recorded in the results of class %s.",
		         text_escape_into(drill_class(d), false, k, sizeof k));
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
	}
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->prompt, UI_LOOK_DIM, false);
	bool right = o->answered && !o->timed_out && o->verdict.outcome == OUT_CORRECT;
	if (o->answered && !o->timed_out && o->given && o->given[0] && !right)
		ui_draw_wrap(r, width, 0, "Your answer: ", UI_LOOK_BOLD, o->given, UI_LOOK_PLAIN, false);
	if (!right || o->verdict.typo) {
		char *ans = answer_format(it->q);
		ui_draw_wrap(r, width, 0, "Answer: ", UI_LOOK_BOLD, ans ? ans : "", UI_LOOK_PLAIN, false);
		free(ans);
	}
	ui_quiz_why_rows(r, width, it->q);
}

/* Several players: a row each, then the question and its answer. */
static void build_all(struct ui *ui, size_t width)
{
	const struct drill *d = ui->drill;
	const struct item *it = drill_current(d);
	struct ui_rows *r = &ui->rows;
	size_t n = drill_nplayers(d), namew = 0;
	char b[600], who[160];
	for (size_t i = 0; i < n; i++) {
		size_t w = ui_draw_width(text_escape_into(drill_player(d, i), false, who, sizeof who));
		namew = w > namew ? w : namew;
	}
	if (namew > width / 3)
		namew = width / 3;
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->prompt, UI_LOOK_BOLD, false);
	char *ans = answer_format(it->q);
	ui_draw_wrap(r, width, 0, "Answer: ", UI_LOOK_BOLD, ans ? ans : "", UI_LOOK_PLAIN, false);
	free(ans);
	ui_draw_blank(r);
	for (size_t i = 0; i < n; i++) {
		const struct drill_outcome *o = drill_outcome(d, i);
		enum ui_glyph g;
		enum ui_look look;
		char prefix[256], cut[200];
		ui_drill_mark(o, &g, &look);
		text_escape_into(drill_player(d, i), false, who, sizeof who);
		size_t w = layout_truncate(who, namew, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
		snprintf(prefix, sizeof prefix, "%s %s%*s  ", ui_draw_glyph(g), cut, (int)(namew - w), "");
		ui_draw_wrap(r, width, 0, prefix, look, outcome_line(o, b, sizeof b), UI_LOOK_PLAIN, false);
		bool missed = o->answered && !o->timed_out && o->verdict.outcome != OUT_CORRECT &&
		              o->verdict.outcome != OUT_SKIPPED;
		if (missed && o->given && o->given[0])
			ui_draw_wrap(r, width, ui_draw_width(prefix), "answered: ", UI_LOOK_DIM, o->given, UI_LOOK_PLAIN,
			             false);
	}
	ui_quiz_why_rows(r, width, it->q);
}

static void reveal_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct reveal *st = state;
	char pos[64], right[96], pts[32];
	ui_drill_position(ui, pos, sizeof pos);
	if (ui_drill_hot_seat(ui)) {
		snprintf(right, sizeof right, "the answers");
	} else {
		const struct drill_tally *t = drill_tally(ui->drill, 0);
		score_format_points(t->score, pts, sizeof pts);
		snprintf(right, sizeof right, "score %s %s streak %u", pts, ui_draw_glyph(UI_GLYPH_DOT), t->streak);
	}
	ui_drill_header(ui, NULL, right, pos, ui_drill_progress(ui, true));
	if (!drill_current(ui->drill))
		return;
	if (ui_drill_hot_seat(ui))
		build_all(ui, area->width);
	else
		build_one(ui, area->width);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool is_last(const struct ui *ui)
{
	return drill_index(ui->drill) + 1 >= drill_count(ui->drill);
}

static bool reveal_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct reveal *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER:
		if (ui_drill_clock() < st->guard_until)
			return true;
		if (ui_drill_hot_seat(ui) && !is_last(ui))
			ui_screen_replace(ui, &ui_screen_drill_board, NULL);
		else
			ui_drill_next(ui);
		return true;
	case UI_DO_QUIT:
		ui_drill_ask_quit(ui);
		return true;
	default:
		return false;
	}
}

static bool reveal_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                            struct ui_foot *f)
{
	(void)state;
	if (row->act == UI_DO_ENTER)
		snprintf(f->does, sizeof f->does, "%s", is_last(ui) ? "podium" :
		         ui_drill_hot_seat(ui) ? "leaderboard" : "next");
	else if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "end");
	return true;
}

static const struct ui_key reveal_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next"),
	UI_KEY(' ', UI_DO_ENTER, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_drill_reveal = {
	.name = "drill reveal",
	.state_size = sizeof(struct reveal),
	.open = reveal_open,
	.draw = reveal_draw,
	.key = reveal_key,
	.keys = reveal_keys,
	.describe = reveal_describe,
	.help = "What each player answered, with the points it earned: a right answer earns more "
	        "the sooner it came (at least half the question's points), and each right answer "
	        "in a row after the first adds a streak bonus. Then the right answer and why. "
	        "Enter goes on.",
};
