/* ui_quiz — what the screens of a quiz or a study session share; see
 * ui_quiz.h. */
#include "ui_quiz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "layout.h"
#include "score.h"
#include "study.h"
#include "text.h"
#include "ui_input.h"
#include "ui_screens.h"
#include "verdict.h"

/* The header of a study session: the deck, what is left, the state of the
 * question in hand. */
static void study_header(const struct ui *ui, const struct item *it)
{
	struct study_summary sum;
	char title[512], right[96], label[96];
	study_summary(ui->study, &sum);
	const char *dot = ui_draw_glyph(UI_GLYPH_DOT);
	text_escape_into(it ? it->deck->title : "Study", false, title, sizeof title);
	snprintf(right, sizeof right, "new %zu %s due %zu", sum.new_left, dot, sum.due_now);
	snprintf(label, sizeof label, "study %s %s %s graded %u", dot,
	         sched_state_name(study_current_state(ui->study)), dot, sum.graded);
	ui_draw_header(title, right, label, -1.0);
}

void ui_quiz_header(const struct ui *ui, const struct item *it, bool answered)
{
	if (ui->study) {
		study_header(ui, it);
		return;
	}
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
	if (!ui->study)
		session_next(ui_screen_quiz(ui));
	if (ui_screen_item(ui))
		ui_screen_replace(ui, &ui_screen_question, NULL);
	else if (ui->study && study_error(ui->study)[0])
		ui_screen_fail(ui, study_error(ui->study));
	else
		ui_quiz_end(ui);
}

/* Study: the grade view of it, with the grade proposed; a card's rating
 * is its grade, committed at once. */
static void study_judge(struct ui *ui, const struct item *it, enum sched_grade g)
{
	if (it->state == ITEM_ANSWERED && ui_input_for(it->q->type)->rated)
		ui_quiz_grade(ui, g);
	else
		ui_screen_replace(ui, &ui_screen_study, &g);
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

const char *ui_quiz_hint(struct ui *ui)
{
	return ui->study ? study_hint(ui->study) : session_hint(ui_screen_quiz(ui));
}

void ui_quiz_skip(struct ui *ui)
{
	enum sched_grade g;
	const struct item *it;
	if (!ui->study)
		ui_quiz_judge(ui, session_skip(ui_screen_quiz(ui)));
	else if ((it = study_skip(ui->study, &g)) != NULL)
		study_judge(ui, it, g);
}

void ui_quiz_answer(struct ui *ui, const struct response *r)
{
	enum sched_grade g;
	const struct item *it;
	if (!ui->study)
		ui_quiz_judge(ui, session_answer(ui_screen_quiz(ui), r));
	else if ((it = study_answer(ui->study, r, &g)) != NULL)
		study_judge(ui, it, g);
}

void ui_quiz_grade(struct ui *ui, enum sched_grade g)
{
	struct study_graded gr;
	char b[600], dot[16];
	if (study_grade(ui->study, g, &gr) != 0) {
		snprintf(b, sizeof b, "the grade was not recorded: %s", study_error(ui->study));
		ui_screen_fail(ui, b);
		return;
	}
	snprintf(dot, sizeof dot, " %s ", ui_draw_glyph(UI_GLYPH_DOT));
	verdict_graded(g, gr.recorded, gr.interval, dot, b, sizeof b);
	ui_quiz_next(ui);
	ui_screen_say(ui, "%s", b);
}

/* Units from..to-1 of the preview, two spaces apart, into buf. */
static void join(char unit[][48], size_t from, size_t to, char *buf, size_t size)
{
	buf[0] = '\0';
	for (size_t i = from; i < to; i++) {
		size_t len = strlen(buf);
		snprintf(buf + len, size - len, "%s%s", i > from ? "  " : "", unit[i]);
	}
}

void ui_quiz_preview_rows(const struct ui *ui, struct ui_rows *r, size_t width, enum sched_grade picked)
{
	static const char label[] = "Next review: ";
	int64_t sec[5];
	if (study_preview(ui->study, sec) != 1)
		return;
	char unit[4][48], when[32];
	size_t w[4], row_of[4];
	for (int g = SCHED_AGAIN; g <= SCHED_EASY; g++) {
		snprintf(unit[g - 1], sizeof unit[0], "%s %s", verdict_grade_word((enum sched_grade)g),
		         sched_format_interval_short(sec[g], when, sizeof when));
		w[g - 1] = ui_draw_width(unit[g - 1]);
	}
	size_t lw = ui_draw_width(label), p = picked ? (size_t)picked - 1 : 4;
	size_t rows = layout_pack(w, 4, width > lw ? width - lw : 1, 2, row_of);
	for (size_t k = 0, from = 0; k < rows; k++) {
		size_t to = from;
		while (to < 4 && row_of[to] == k)
			to++;
		/* the grades of this row before the one picked, it, those after */
		size_t mid = p < from ? from : p > to ? to : p;
		bool here = p >= from && p < to;
		char before[160], it[48] = "", after[160];
		join(unit, from, mid, before, sizeof before - 2);
		if (here)
			snprintf(it, sizeof it, "%s", unit[p]);
		join(unit, here ? mid + 1 : mid, to, after + 2, sizeof after - 2);
		if (before[0] && (here || after[2]))
			strcat(before, "  ");
		const char *tail = here && after[2] ? memcpy(after, "  ", 2) : after + 2;
		struct ui_row *row = ui_draw_row(r, k ? lw : 0, false);
		if (!k)
			ui_draw_span(r, row, 0, UI_LOOK_BOLD, label, strlen(label));
		ui_draw_span(r, row, 1, UI_LOOK_PLAIN, before, strlen(before));
		ui_draw_span(r, row, 2, UI_LOOK_ACCENT, it, strlen(it));
		ui_draw_span(r, row, 3, UI_LOOK_PLAIN, tail, strlen(tail));
		from = to;
	}
}

/* Closes what is over the screen of the quiz (overlays, the too-small
 * screen: the dispatcher shows it again while needed). */
static void pop_over(struct ui *ui)
{
	while (ui->depth > 1 && (ui_screen_top(ui)->screen->overlay || ui_screen_top(ui)->screen == &ui_screen_small))
		ui_screen_pop(ui);
}

void ui_quiz_undo(struct ui *ui)
{
	struct study_undone u;
	char id[160], deck[160];
	int r = study_undo(ui->study, &u);
	if (r < 0) {
		char b[600];
		snprintf(b, sizeof b, "undo failed: %s", study_error(ui->study));
		ui_screen_fail(ui, b);
		return;
	}
	if (r == 0) {
		ui_screen_say(ui, "Nothing to undo in this session.");
		return;
	}
	pop_over(ui);
	ui_screen_replace(ui, &ui_screen_question, NULL);
	ui_screen_say(ui, "Undone: %s on question %s of deck %s; here it is again.",
	              verdict_grade_word(u.grade), text_escape_into(u.q->id, false, id, sizeof id),
	              text_escape_into(u.deck->id, false, deck, sizeof deck));
}

void ui_quiz_end(struct ui *ui)
{
	pop_over(ui);
	ui_screen_replace(ui, ui->study ? &ui_screen_study_end : &ui_screen_summary, NULL);
}

/* The yes of the question whether to quit. */
static void quit_yes(struct ui *ui, void *ctx)
{
	(void)ctx;
	ui_quiz_end(ui);
}

void ui_quiz_ask_quit(struct ui *ui, bool answered)
{
	char b[256];
	if (ui->study) {
		snprintf(b, sizeof b, "End the study session? What was graded is recorded%s; the summary follows.",
		         answered ? ", this answer is not" : "");
		struct ui_confirm_arg q = { b, "End the study session?", quit_yes, NULL };
		ui_screen_push(ui, &ui_screen_confirm, &q);
		return;
	}
	const struct session *s = ui_screen_quiz(ui);
	size_t left = session_count(s) - session_position(s) - (answered ? 1 : 0);
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

void ui_quiz_verdict_row(struct ui_rows *r, size_t width, const struct item *it, bool rated)
{
	const struct verdict *v = &it->verdict;
	char b[512], mark[16];
	enum ui_glyph g;
	enum ui_look look;
	switch (v->outcome) {
	case OUT_CORRECT: g = UI_GLYPH_RIGHT; look = UI_LOOK_RIGHT; break;
	case OUT_PARTIAL: g = UI_GLYPH_PARTIAL; look = UI_LOOK_PARTIAL; break;
	case OUT_WRONG: g = UI_GLYPH_WRONG; look = UI_LOOK_WRONG; break;
	default: g = UI_GLYPH_SKIP; look = UI_LOOK_BOLD; break;
	}
	if (rated && it->state == ITEM_ANSWERED)
		verdict_rated_headline(it->given, v->outcome, b, sizeof b);
	else
		verdict_headline(v, b, sizeof b);  /* a typo is told by the note below */
	snprintf(mark, sizeof mark, "%s ", ui_draw_glyph(g));
	ui_draw_wrap(r, width, 0, mark, look, b, look, false);
}

void ui_quiz_answer_rows(struct ui_rows *r, size_t width, const struct item *it, bool rated)
{
	const struct question *q = it->q;
	const struct verdict *v = &it->verdict;
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, q->prompt, UI_LOOK_DIM, false);
	if (rated) {
		ui_draw_wrap(r, width, 0, "Back: ", UI_LOOK_BOLD, q->back, UI_LOOK_PLAIN, false);
	} else {
		if (it->state == ITEM_ANSWERED && it->given && v->outcome != OUT_CORRECT)
			ui_draw_wrap(r, width, 0, "Your answer: ", UI_LOOK_BOLD, it->given, UI_LOOK_PLAIN, false);
		if (v->outcome != OUT_CORRECT || v->typo) {
			char *right = answer_format(q);
			ui_draw_wrap(r, width, 0, "Answer: ", UI_LOOK_BOLD, right ? right : "", UI_LOOK_PLAIN, false);
			free(right);
		}
	}
	ui_quiz_why_rows(r, width, q);
}

void ui_quiz_why_rows(struct ui_rows *r, size_t width, const struct question *q)
{
	if (q->explanation) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "Why: ", UI_LOOK_BOLD, q->explanation, UI_LOOK_PLAIN, false);
	}
	if (q->source) {
		struct text_buf tb = {0};
		text_buf_puts(&tb, q->source->title);
		if (q->paragraph)
			text_buf_printf(&tb, ", paragraph %u", q->paragraph);
		ui_draw_wrap(r, width, 0, "Source: ", UI_LOOK_BOLD, tb.s ? tb.s : "", UI_LOOK_DIM, false);
		text_buf_free(&tb);
	}
}
