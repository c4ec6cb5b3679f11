/* ui_scr_student_wait — a live drill's student waiting for the teacher:
 * to begin a drill of the class, or, joined, to open the first question;
 * the class and the student's name.  Its tick follows the drill
 * (ui_student_tick). */
#include <stdio.h>

#include "ui_drill.h"
#include "ui_screens.h"
#include "ui_student.h"

/* The screen's state. */
struct waiting {
	size_t scroll;   /* first body row shown */
};

static void wait_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct waiting *st = state;
	const struct live_student_view *v = live_student_view(ui->live_student);
	char klass[200], you[200], what[200], secs[64];
	bool joined = v->phase != LIVE_FINDING;
	ui_student_header(ui, joined ? "joined" : "not begun yet", -1.0);
	snprintf(klass, sizeof klass, "Class %s", v->klass);
	snprintf(you, sizeof you, "You: %s", v->student);
	if (!joined) {
		snprintf(what, sizeof what, "The drill has not begun yet.");
	} else if (v->count) {
		if (v->time_limit > 0)
			snprintf(secs, sizeof secs, ", %.0f seconds each", v->time_limit);
		else
			secs[0] = '\0';
		snprintf(what, sizeof what, "Joined: %u question%s%s. The first opens soon.", v->count,
		         v->count == 1 ? "" : "s", secs);
	} else {
		snprintf(what, sizeof what, "Joined. The first question opens soon.");
	}
	const char *lines[] = { "Waiting for the teacher", "", klass, you, "", what, NULL };
	static const enum ui_look looks[] = { UI_LOOK_TITLE, UI_LOOK_PLAIN, UI_LOOK_BOLD,
	                                      UI_LOOK_BOLD, UI_LOOK_PLAIN, UI_LOOK_DIM };
	ui_drill_centred(&ui->rows, area->width, area->height, lines, looks);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool wait_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	(void)state;
	return ui_student_key(ui, NULL, act);
}

static bool wait_tick(struct ui *ui, void *state, double now)
{
	(void)state, (void)now;
	bool gone;
	return ui_student_tick(ui, &ui_screen_student_wait, -1, &gone);
}

static const struct ui_key wait_keys[] = {
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_student_wait = {
	.name = "student wait",
	.state_size = sizeof(struct waiting),
	.draw = wait_draw,
	.key = wait_key,
	.tick = wait_tick,
	.keys = wait_keys,
	.describe = ui_student_describe,
	.help = "A live drill: the teacher opens each question for the whole class at once. This "
	        "screen waits for the teacher to begin the drill, or to open its first question; "
	        "the question shows by itself. q leaves (join again with the same command).",
};
