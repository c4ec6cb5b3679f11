/* ui_scr_feedback — the verdict on the item just answered or skipped: the
 * points, the right answer, why, and where it comes from. */
#include <stdio.h>
#include <stdlib.h>

#include "answer.h"
#include "score.h"
#include "text.h"
#include "ui_input.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct feedback {
	const struct item *judged;  /* the item just answered or skipped (the session's) */
	size_t scroll;              /* first body row shown */
};

static int feedback_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct feedback *st = state;
	st->judged = arg;
	return 0;
}

/* The first line: the verdict, with its mark and look. */
static void verdict_row(struct ui_rows *r, size_t width, const struct item *it, bool rated)
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

/* The rows of the verdict on it. */
static void build_feedback(struct ui *ui, const struct item *it, size_t width)
{
	const struct question *q = it->q;
	const struct verdict *v = &it->verdict;
	const struct score *sc = session_score(ui_screen_quiz(ui));
	bool rated = ui_input_for(q->type)->rated;
	struct ui_rows *r = &ui->rows;
	char b[512], pts[32], tot[32];
	verdict_row(r, width, it, rated);
	score_format_points(it->earned, pts, sizeof pts);
	score_format_points(sc->total, tot, sizeof tot);
	if (sc->streak > 1)
		snprintf(b, sizeof b, "+%s points, streak %u (score %s)", pts, sc->streak, tot);
	else
		snprintf(b, sizeof b, "+%s points (score %s)", pts, tot);
	ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	if (v->note[0] && !rated)
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, verdict_note_sentence(v, b, sizeof b),
		             UI_LOOK_PLAIN, false);
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

static void feedback_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct feedback *st = state;
	ui_quiz_header(ui, st->judged, true);
	build_feedback(ui, st->judged, area->width);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool is_last(const struct ui *ui)
{
	const struct session *s = ui_screen_quiz(ui);
	return s && session_position(s) + 1 >= session_count(s);
}

static bool feedback_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct feedback *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER:
		ui_quiz_next(ui);
		return true;
	case UI_DO_QUIT:
		ui_quiz_ask_quit(ui, true);
		return true;
	default:
		return false;
	}
}

static bool feedback_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                              struct ui_foot *f)
{
	(void)state;
	if (row->act == UI_DO_ENTER && is_last(ui))
		snprintf(f->does, sizeof f->does, "summary");
	return true;
}

static const struct ui_key feedback_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next"),
	UI_KEY(' ', UI_DO_ENTER, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_feedback = {
	.name = "feedback",
	.state_size = sizeof(struct feedback),
	.open = feedback_open,
	.draw = feedback_draw,
	.key = feedback_key,
	.keys = feedback_keys,
	.describe = feedback_describe,
	.help = "The verdict, the right answer, why, and the report it comes from. Enter goes on.",
};
