/* ui_scr_student_end — the end of a live drill for one student: the
 * class's first three on a podium (the drill's drawing, ui_drill_podium)
 * where it fits, their final rank and score, and their verdict at the
 * last question (the end comes right after its close).  Enter or q
 * leaves. */
#include <stdio.h>

#include "ui_drill.h"
#include "ui_screens.h"
#include "ui_student.h"

/* The screen's state. */
struct end {
	size_t scroll;  /* first body row shown */
};

/* The verdicts of the last question closed, which the end may have
 * followed too closely to be seen: "Question 3: ✓ Right! +100 points". */
static void last_verdict(struct ui_rows *r, size_t width, const struct live_student_view *v)
{
	char b[300], head[32];
	enum ui_glyph g;
	enum ui_look look = UI_LOOK_DIM;
	if (!v->have_result || v->result_index < 0 || v->res.skipped)
		return;
	snprintf(head, sizeof head, "Question %d: ", v->result_index + 1);
	if (v->res.found) {
		ui_student_mark(v->res.outcome, &g, &look);
		char words[240];
		snprintf(b, sizeof b, "%s %s", ui_draw_glyph(g),
		         live_student_say_verdict(&v->res, words, sizeof words));
	} else {
		snprintf(b, sizeof b, "%s", LIVE_STUDENT_NOT_ANSWERED);
	}
	ui_draw_wrap(r, width, 0, head, UI_LOOK_DIM, b, look, false);
}

static void end_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct end *st = state;
	const struct live_student_view *v = live_student_view(ui->live_student);
	const struct live_result *fin = &v->final;
	struct ui_rows *r = &ui->rows;
	size_t top = area->top, height = area->height, width = area->width;
	char b[300], label[64];
	if (v->count)
		snprintf(label, sizeof label, "%u question%s", v->count, v->count == 1 ? "" : "s");
	else
		snprintf(label, sizeof label, "over");
	ui_student_header(ui, label, -1.0);
	/* The podium where it leaves room for the lines under it. */
	if (v->have_final && fin->ntop)
		ui_drill_podium(fin->top, fin->ntop, 3, &top, &height, width);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, "The drill is over", UI_LOOK_TITLE, false);
	if (v->have_final && fin->rank)
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, live_student_say_final(fin, b, sizeof b),
		             UI_LOOK_ACCENT, false);
	else
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, "You are not on the final leaderboard.",
		             UI_LOOK_DIM, false);
	last_verdict(r, width, v);
	ui_draw_body(r, top, height, &st->scroll);
}

static bool end_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct end *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	if (act == UI_DO_ENTER || act == UI_DO_QUIT) {
		ui->done = true;
		return true;
	}
	return act != UI_DO_HELP;
}

static const struct ui_key end_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "done"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_student_end = {
	.name = "student end",
	.state_size = sizeof(struct end),
	.draw = end_draw,
	.key = end_key,
	.keys = end_keys,
	.help = "The drill is over: the first three of the class, and your final rank and score "
	        "(with speed and streak bonuses). Enter or q leaves.",
};
