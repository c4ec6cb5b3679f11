/* ui_scr_study — the grade view of a study session: the verdict on the
 * question just answered or skipped, the right answer, the grade proposed
 * for it (study_propose), which 1-4 change and Enter records (study_grade)
 * before the next question is shown, and what each grade would make the
 * next review (study_preview).  u takes back the last grade recorded
 * instead. */
#include <stdio.h>

#include "study.h"
#include "ui_input.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct grading {
	enum sched_grade proposed;  /* the grade the verdict earns */
	enum sched_grade grade;     /* the grade Enter records: proposed, or the learner's pick */
	size_t scroll;              /* first body row shown */
};

/* arg: the enum sched_grade proposed. */
static int grade_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct grading *st = state;
	st->proposed = st->grade = *(const enum sched_grade *)arg;
	return 0;
}

/* The grade Enter records, and the one proposed when another was picked. */
static void grade_row(struct ui_rows *r, size_t width, const struct grading *st)
{
	char b[128];
	if (st->grade == st->proposed)
		snprintf(b, sizeof b, "%s (proposed)", verdict_grade_word(st->grade));
	else
		snprintf(b, sizeof b, "%s (proposed: %s)", verdict_grade_word(st->grade),
		         verdict_grade_word(st->proposed));
	ui_draw_wrap(r, width, 0, "Grade: ", UI_LOOK_BOLD, b, UI_LOOK_ACCENT, false);
}

static void grade_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct grading *st = state;
	const struct item *it = ui_screen_item(ui);
	struct ui_rows *r = &ui->rows;
	char b[512];
	ui_quiz_header(ui, it, true);
	if (!it)
		return;
	bool rated = ui_input_for(it->q->type)->rated;
	ui_quiz_verdict_row(r, area->width, it, rated);
	grade_row(r, area->width, st);
	ui_quiz_preview_rows(ui, r, area->width, st->grade);
	if (it->verdict.note[0] && !rated)
		ui_draw_wrap(r, area->width, 2, "", UI_LOOK_PLAIN, verdict_note_sentence(&it->verdict, b, sizeof b),
		             UI_LOOK_PLAIN, false);
	ui_quiz_answer_rows(r, area->width, it, rated);
	ui_draw_body(r, area->top, area->height, &st->scroll);
}

static bool grade_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	struct grading *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_RATE: st->grade = (enum sched_grade)(key - '0'); return true;
	case UI_DO_ENTER: ui_quiz_grade(ui, st->grade); return true;
	case UI_DO_UNDO: ui_quiz_undo(ui); return true;
	case UI_DO_QUIT: ui_quiz_ask_quit(ui, true); return true;
	default: return false;
	}
}

static bool grade_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                           struct ui_foot *f)
{
	(void)ui;
	const struct grading *st = state;
	if (row->act == UI_DO_ENTER && ui_draw_cols() >= 60)  /* narrower: the body says which */
		snprintf(f->does, sizeof f->does, "record %s", verdict_grade_word(st->grade));
	return true;
}

static const struct ui_key grade_keys[] = {
	UI_KEYS('1', '4', UI_DO_RATE, "1-4", "grade"),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "record"),
	UI_KEY('u', UI_DO_UNDO, "u", "undo"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_study = {
	.name = "study",
	.state_size = sizeof(struct grading),
	.open = grade_open,
	.draw = grade_draw,
	.key = grade_key,
	.keys = grade_keys,
	.describe = grade_describe,
	.help = "The verdict, the right answer, and the grade it earns: 1 again, 2 hard, 3 good, "
	        "4 easy. Next review says when each grade would bring the question back (m minutes, "
	        "h hours, d days, y years). A digit picks another grade; Enter records the grade in "
	        "the progress database and goes on. u takes back the last grade recorded and asks "
	        "that question again.",
};
