/* ui_scr_student_result — a closed question of a live drill, for one
 * student: right or wrong in the words of a drill (verdict.c, as the plain
 * student says them), the points, the right answer, their rank and the
 * class's share right; or that the teacher skipped it.  Its tick follows
 * the drill to the next question, or the end. */
#include <stdio.h>

#include "ui_screens.h"
#include "ui_student.h"

/* The screen's state. */
struct result {
	int index;      /* the question closed */
	size_t scroll;  /* first body row shown */
};

static int result_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct result *st = state;
	st->index = live_student_view(ui->live_student)->result_index;
	return 0;
}

/* Their verdict, marked as the drill marks it. */
static void verdict_row(struct ui_rows *r, size_t width, const struct live_result *res)
{
	char b[300], mark[16];
	enum ui_glyph g;
	enum ui_look look;
	if (!res->found) {
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, LIVE_STUDENT_NOT_ANSWERED, UI_LOOK_WRONG,
		             false);
		return;
	}
	ui_student_mark(res->outcome, &g, &look);
	snprintf(mark, sizeof mark, "%s ", ui_draw_glyph(g));
	ui_draw_wrap(r, width, 0, mark, look, live_student_say_verdict(res, b, sizeof b), look, false);
}

static void result_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct result *st = state;
	const struct live_student_view *v = live_student_view(ui->live_student);
	const struct live_result *res = &v->res;
	struct ui_rows *r = &ui->rows;
	size_t width = area->width;
	char pos[64], label[96], b[300];
	snprintf(label, sizeof label, "%s closed", ui_student_position(ui, st->index, pos, sizeof pos));
	ui_student_header(ui, label, ui_student_progress(ui, st->index, true));
	if (!v->have_result)
		return;
	if (res->skipped) {
		snprintf(b, sizeof b, "Question %d was skipped by the teacher", st->index + 1);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	} else {
		verdict_row(r, width, res);
	}
	if (v->have_q && v->index == st->index) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, v->q.q.prompt, UI_LOOK_BOLD, false);
	}
	if (!res->skipped)
		ui_draw_wrap(r, width, 0, "The answer: ", UI_LOOK_DIM, res->answer, UI_LOOK_PLAIN, false);
	ui_draw_blank(r);
	if (res->rank)
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, live_student_say_rank(res, b, sizeof b),
		             UI_LOOK_ACCENT, false);
	if (!res->skipped) {
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, live_student_say_class(res, b, sizeof b),
		             UI_LOOK_PLAIN, false);
		ui_draw_bar_row(r, 0, width, "", 0, res->of ? (double)res->nright / res->of : 0, "");
	}
	if (v->count && (unsigned)st->index + 1 < v->count) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN,
		             "Waiting for the teacher to open the next question", UI_LOOK_DIM, false);
	}
	ui_draw_body(r, area->top, area->height, &st->scroll);
}

static bool result_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct result *st = state;
	return ui_student_key(ui, &st->scroll, act);
}

static bool result_tick(struct ui *ui, void *state, double now)
{
	(void)now;
	struct result *st = state;
	bool gone;
	return ui_student_tick(ui, &ui_screen_student_result, st->index, &gone);
}

static const struct ui_key result_keys[] = {
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_student_result = {
	.name = "student result",
	.state_size = sizeof(struct result),
	.open = result_open,
	.close = NULL,
	.draw = result_draw,
	.key = result_key,
	.tick = result_tick,
	.keys = result_keys,
	.describe = ui_student_describe,
	.help = "The question closed: your verdict and points (a right answer earns more the sooner "
	        "it came), the right answer, your rank in the class so far and how many of the "
	        "class were right. The teacher opens the next question; it shows by itself. q "
	        "leaves the drill (join again with the same command).",
};
