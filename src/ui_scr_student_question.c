/* ui_scr_student_question — the question open to a live drill's student:
 * the prompt and the answer being put together in the way its type takes
 * it, under the countdown counted from when the teacher opened it
 * (ui_timed, as a drill's turn shows a question).  A whole answer is sent
 * at once as the line plain mode would read (live_student_answer_line),
 * once; s sends none.  Its tick follows the drill: the clock running out,
 * a pause, the question closing lead to the screen that says so. */
#include <stdio.h>

#include "layout.h"
#include "ui_screens.h"
#include "ui_student.h"
#include "ui_timed.h"

/* The screen's state. */
struct open_q {
	struct ui_timed t;   /* the question in hand, against the host's clock */
	int index;           /* the question shown */
};

/* What the question screen asks about: skip, help and leave (no hints);
 * ui_pick keeps these letters free. */
static const struct ui_key student_commands[] = {
	UI_KEY('s', UI_DO_SKIP, "s", "skip"),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

static const char clock_help[] =
	"The clock started when the teacher opened the question, for the whole class; when it "
	"runs out, or the teacher closes the question, no answer is taken. An answer is sent at "
	"once and cannot be changed. s sends none (it counts as wrong); q leaves the drill (join "
	"again with the same command).";

/* The question, or NULL when the core has none (never while open). */
static const struct item *item_of(const struct ui *ui)
{
	const struct live_student_view *v = live_student_view(ui->live_student);
	return v->have_q ? &v->q.it : NULL;
}

static int question_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct open_q *st = state;
	const struct live_student_view *v = live_student_view(ui->live_student);
	st->index = v->index;
	ui_timed_open(&st->t, item_of(ui), v->have_q ? v->q.time_limit : 0, clock_help);
	return 0;
}

static void question_close(struct ui *ui, void *state)
{
	(void)ui;
	struct open_q *st = state;
	ui_timed_close(&st->t);
}

static void question_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct open_q *st = state;
	const struct item *it = item_of(ui);
	char pos[64];
	ui_student_header(ui, ui_student_position(ui, st->index, pos, sizeof pos),
	                  ui_student_progress(ui, st->index, false));
	if (!it)
		return;
	bool paused = live_student_view(ui->live_student)->paused;
	ui_timed_draw(ui, &st->t, it, live_student_time_left(ui->live_student), paused ? "paused" : NULL, area);
}

/* Sends the line of response r (NULL: skips). */
static void send(struct ui *ui, const struct response *r)
{
	char line[LAYOUT_FIELD_MAX * 4 + 64];
	const struct live_student_view *v = live_student_view(ui->live_student);
	if (r && live_student_answer_line(&v->q, r, line, sizeof line) != 0) {
		ui_screen_say(ui, "That answer cannot be sent: it is not whole, or too long.");
		return;
	}
	ui_student_answered(ui, live_student_answer(ui->live_student, r ? line : ":skip"));
}

static bool question_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	struct open_q *st = state;
	const struct item *it = item_of(ui);
	if (!it)
		return act != UI_DO_HELP && act != UI_DO_QUIT;
	struct response r;
	switch (ui_timed_key(ui, &st->t, it, act, key, &r)) {
	case UI_TIMED_SKIP: send(ui, NULL); return true;
	case UI_TIMED_QUIT: ui_student_ask_leave(ui); return true;
	case UI_TIMED_HELP: return false;
	case UI_TIMED_ANSWER: send(ui, &r); return true;
	case UI_TIMED_DONE: return true;
	}
	return true;
}

/* Follows the drill; draws again when the countdown's seconds or cells
 * change. */
static bool question_tick(struct ui *ui, void *state, double now)
{
	(void)now;
	struct open_q *st = state;
	bool gone;
	bool dirty = ui_student_tick(ui, &ui_screen_student_question, st->index, &gone);
	if (gone || st->t.total <= 0)
		return dirty;
	return ui_timed_changed(&st->t, live_student_time_left(ui->live_student)) || dirty;
}

static void question_keys(const struct ui *ui, const void *state, struct ui_keyset *ks)
{
	const struct open_q *st = state;
	const struct item *it = item_of(ui);
	if (it)
		ui_timed_keys(&st->t, it, student_commands, ks);
	else
		ui_keys_add(ks, ui_keys_global, NULL);
}

static bool question_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                              struct ui_foot *f)
{
	const struct open_q *st = state;
	const struct item *it = item_of(ui);
	if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "leave");
	return it ? ui_timed_describe(&st->t, it, row, f) : true;
}

static const char *question_help(const struct ui *ui, const void *state)
{
	(void)ui;
	const struct open_q *st = state;
	return st->t.help;
}

const struct ui_screen ui_screen_student_question = {
	.name = "student question",
	.state_size = sizeof(struct open_q),
	.open = question_open,
	.close = question_close,
	.draw = question_draw,
	.key = question_key,
	.tick = question_tick,
	.keys_now = question_keys,
	.describe = question_describe,
	.help_now = question_help,
};
