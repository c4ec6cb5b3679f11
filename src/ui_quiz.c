/* ui_quiz — what the screens of a quiz share; see ui_quiz.h. */
#include "ui_quiz.h"

#include <stdio.h>

#include "score.h"
#include "text.h"
#include "ui_input.h"
#include "ui_screens.h"
#include "verdict.h"

void ui_quiz_header(const struct ui *ui, const struct item *it, bool answered)
{
	const struct session *s = ui_screen_quiz(ui);
	const struct score *sc = session_score(s);
	char title[512], right[96], label[64], pts[32];
	text_escape_into(it->deck->title, false, title, sizeof title);
	score_format_points(sc->total, pts, sizeof pts);
	snprintf(right, sizeof right, "score %s %s streak %u", pts, ui_draw_glyph(UI_GLYPH_DOT), sc->streak);
	size_t pos = session_position(s), n = session_count(s);
	snprintf(label, sizeof label, "question %zu / %zu", pos + 1, n);
	ui_draw_header(title, right, label, (double)(pos + (answered ? 1 : 0)) / (double)n);
}

void ui_quiz_next(struct ui *ui)
{
	session_next(ui_screen_quiz(ui));
	if (ui_screen_item(ui))
		ui_screen_replace(ui, &ui_screen_question, NULL);
	else
		ui_quiz_end(ui);
}

void ui_quiz_judge(struct ui *ui, const struct item *it)
{
	if (!it)
		return;
	if (it->state != ITEM_ANSWERED || !ui_input_for(it->q->type)->rated) {
		ui_screen_replace(ui, &ui_screen_feedback, it);
		return;
	}
	/* A rating is the learner's own verdict: on at once, and said on the
	 * message line of what comes next. */
	char b[160], pts[32];
	verdict_rated_headline(it->given, it->verdict.outcome, b, sizeof b);
	score_format_points(it->earned, pts, sizeof pts);
	ui_quiz_next(ui);
	ui_screen_say(ui, "%s +%s points", b, pts);
}

void ui_quiz_end(struct ui *ui)
{
	/* From under the too-small screen too: it and what is over the
	 * quiz's screen go; the dispatcher shows it again while needed. */
	while (ui->depth > 1 && (ui_screen_top(ui)->screen->overlay || ui_screen_top(ui)->screen == &ui_screen_small))
		ui_screen_pop(ui);
	ui_screen_replace(ui, &ui_screen_summary, NULL);
}

/* The yes of the question whether to quit. */
static void quit_yes(struct ui *ui, void *ctx)
{
	(void)ctx;
	ui_quiz_end(ui);
}

void ui_quiz_ask_quit(struct ui *ui, bool answered)
{
	const struct session *s = ui_screen_quiz(ui);
	size_t left = session_count(s) - session_position(s) - (answered ? 1 : 0);
	char b[256];
	if (left)
		snprintf(b, sizeof b, "Quit the quiz? The %zu question%s not answered yet count%s as "
		         "not reached; the summary follows.", left, left == 1 ? "" : "s", left == 1 ? "s" : "");
	else
		snprintf(b, sizeof b, "Quit the quiz? The summary follows.");
	struct ui_confirm_arg q = { b, "Quit the quiz?", quit_yes, NULL };
	ui_screen_push(ui, &ui_screen_confirm, &q);
}

void ui_quiz_finish(struct ui *ui)
{
	struct session *s = ui_screen_quiz(ui);
	session_finish(s);
	if (ui->json_due) {
		char err[512], e[512];
		ui->json_due = false;
		if (session_write_json(s, ui->summary_json, err, sizeof err) != 0) {
			snprintf(ui->error, sizeof ui->error, "recall: %s", text_escape_into(err, false, e, sizeof e));
			ui->status = 1;
		}
	}
}
