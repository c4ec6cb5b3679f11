/* ui_scr_study_end — the end of a study session: the grades given and
 * what is due next; u takes the last grade back and asks that question
 * again. */
#include <stdio.h>

#include "study.h"
#include "ui_progress.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct study_end {
	size_t scroll;  /* first body row shown */
};

/* One line of the body. */
static void line(struct ui *ui, size_t width, const char *prefix, const char *text)
{
	ui_draw_wrap(&ui->rows, width, 0, prefix, UI_LOOK_BOLD, text, UI_LOOK_PLAIN, false);
}

static void study_end_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct study_end *st = state;
	struct study_summary sum;
	char b[256], label[64], when[64];
	study_summary(ui->study, &sum);
	snprintf(label, sizeof label, "%u graded", sum.graded);
	ui_draw_header("Study summary", "", label, -1.0);
	if (ui->error[0]) {
		ui_draw_wrap(&ui->rows, area->width, 0, "", UI_LOOK_PLAIN, ui->error, UI_LOOK_WARN, false);
		ui_draw_blank(&ui->rows);
	}
	snprintf(b, sizeof b, "Grades given (%u)", sum.graded);
	ui_draw_wrap(&ui->rows, area->width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	for (int g = SCHED_AGAIN; g <= SCHED_EASY; g++) {
		snprintf(b, sizeof b, " %3u", sum.grades[g]);
		ui_draw_bar_row(&ui->rows, 2, area->width > 2 ? area->width - 2 : 1,
		                verdict_grade_word((enum sched_grade)g),
		                5, sum.graded ? (double)sum.grades[g] / sum.graded : 0.0, b);
	}
	ui_draw_blank(&ui->rows);
	if (sum.due_now) {
		snprintf(b, sizeof b, "%zu", sum.due_now);
		line(ui, area->width, "Still due now: ", b);
	}
	if (sum.next_due)
		line(ui, area->width, "Next review: ",
		     sched_format_interval(sum.next_due - study_now(ui->study), when, sizeof when));
	else if (!sum.due_now)
		line(ui, area->width, "Next review: ", "none scheduled");
	snprintf(b, sizeof b, "%zu", sum.new_left);
	line(ui, area->width, "New questions not yet studied: ", b);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool study_end_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct study_end *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	if (act == UI_DO_UNDO) {
		ui_quiz_undo(ui);
		return true;
	}
	if (act == UI_DO_STATS) {  /* the decks studied, when known; else every deck of the database */
		char err[600];
		if (ui_progress_stats(ui, ui->decks, ui->ndecks, err, sizeof err) != 0)
			ui_screen_say(ui, "%s", err);
		else
			ui_screen_push(ui, &ui_screen_stats, ui->stats);
		return true;
	}
	if (act == UI_DO_DECKS && ui->lib) {  /* back to the start screen under it */
		ui_progress_end(ui);
		ui_screen_pop(ui);
		return true;
	}
	return false;
}

static bool study_end_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                               struct ui_foot *f)
{
	(void)state, (void)f;
	struct study_summary sum;
	if (row->act == UI_DO_DECKS)
		return ui->lib != NULL;
	if (row->act != UI_DO_UNDO)
		return true;
	study_summary(ui->study, &sum);
	return sum.graded > 0;
}

static const struct ui_key study_end_keys[] = {
	UI_KEY('u', UI_DO_UNDO, "u", "undo"),
	UI_KEY('b', UI_DO_DECKS, "b", "decks"),
	UI_KEY('p', UI_DO_STATS, "p", "progress"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_study_end = {
	.name = "study summary",
	.state_size = sizeof(struct study_end),
	.draw = study_end_draw,
	.key = study_end_key,
	.keys = study_end_keys,
	.describe = study_end_describe,
	.help = "The grades given in this session and what is due next; every grade is in the "
	        "progress database already. u takes back the last grade and asks that question "
	        "again; p shows the progress of the decks.",
};
