/* ui_scr_student_sent — a live drill's student between their answer and
 * the verdicts: "Answer sent — waiting for the others" (or that they had
 * answered before starting again, that the clock ran out, that the
 * question closed and is being judged), the question and what they
 * answered, under the countdown the others still have.  Its tick follows
 * the drill to the verdicts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "ui_plain.h"
#include "ui_screens.h"
#include "ui_student.h"
#include "ui_timed.h"

/* The screen's state. */
struct sent {
	struct ui_timed clock;  /* the countdown only (no answer is taken here) */
	int index;              /* the question */
	size_t scroll;          /* first body row shown */
};

static int sent_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct sent *st = state;
	const struct live_student_view *v = live_student_view(ui->live_student);
	st->index = v->index;
	ui_timed_open(&st->clock, NULL, v->have_q ? v->q.time_limit : 0, NULL);
	return 0;
}

static void sent_close(struct ui *ui, void *state)
{
	(void)ui;
	struct sent *st = state;
	ui_timed_close(&st->clock);
}

/* The headline of where the student is. */
static void headline(const struct live_student_view *v, double left, char *buf, size_t size)
{
	const char *dash = ui_student_dash();
	if (v->phase == LIVE_JUDGING)
		snprintf(buf, size, "The question closed%sthe verdicts are coming", dash);
	else if (v->phase == LIVE_MISSED && left == 0)
		snprintf(buf, size, "Time is up%swaiting for the question to close", dash);
	else if (v->phase == LIVE_MISSED)
		snprintf(buf, size, "No answer taken%swaiting for the verdicts", dash);
	else if (v->answered_before)
		snprintf(buf, size, "You answered this question already%swaiting for the others", dash);
	else
		snprintf(buf, size, "Answer sent%swaiting for the others", dash);
}

/* Their answer in words (as the feedback writes a response), from the
 * line sent; NULL when there is none to tell. */
static char *their_answer(const struct live_student_view *v)
{
	if (!v->given || !v->have_q)
		return NULL;
	if (!strcmp(v->given, ":skip"))
		return strdup("(none: skipped)");
	struct response r;
	size_t scratch[DECK_MAX_CHOICES];
	const char *why;
	if (!ui_plain_parse_answer(&v->q.it, v->given, &r, scratch, &why))
		return strdup(v->given);
	return answer_describe(&v->q.q, &r);
}

static void sent_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct sent *st = state;
	const struct live_student_view *v = live_student_view(ui->live_student);
	struct ui_rows *r = &ui->rows;
	char pos[64], b[300];
	ui_student_header(ui, ui_student_position(ui, st->index, pos, sizeof pos),
	                  ui_student_progress(ui, st->index, false));
	size_t top = area->top, height = area->height, width = area->width;
	double left = live_student_time_left(ui->live_student);
	if (v->phase != LIVE_JUDGING)
		ui_timed_clock(&st->clock, left, v->paused ? "paused" : NULL, &top, &height);
	headline(v, left, b, sizeof b);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_ACCENT, false);
	if (v->have_q && v->index == st->index) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, v->q.q.prompt, UI_LOOK_BOLD, false);
		char *said = their_answer(v);
		if (said) {
			ui_draw_blank(r);
			ui_draw_wrap(r, width, 0, "Your answer: ", UI_LOOK_DIM, said, UI_LOOK_PLAIN, false);
		}
		free(said);
	}
	ui_draw_body(r, top, height, &st->scroll);
}

static bool sent_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct sent *st = state;
	return ui_student_key(ui, &st->scroll, act);
}

static bool sent_tick(struct ui *ui, void *state, double now)
{
	(void)now;
	struct sent *st = state;
	bool gone;
	bool dirty = ui_student_tick(ui, &ui_screen_student_sent, st->index, &gone);
	if (gone || st->clock.total <= 0)
		return dirty;
	return ui_timed_changed(&st->clock, live_student_time_left(ui->live_student)) || dirty;
}

static const struct ui_key sent_keys[] = {
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_student_sent = {
	.name = "student sent",
	.state_size = sizeof(struct sent),
	.open = sent_open,
	.close = sent_close,
	.draw = sent_draw,
	.key = sent_key,
	.tick = sent_tick,
	.keys = sent_keys,
	.describe = ui_student_describe,
	.help = "Your answer is in (one answer a question: it cannot be changed), or the time ran "
	        "out. The question closes when the clock runs out, when everyone has answered, or "
	        "when the teacher closes it; then the verdicts show by themselves. q leaves the "
	        "drill (join again with the same command).",
};
