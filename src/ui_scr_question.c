/* ui_scr_question — the question screen: the prompt of the current item
 * of the quiz or the study session and the answer being put together, in
 * the way its type takes it (ui_input); hint, skip, quit, and in study
 * undo. */
#include <stdio.h>

#include "qtype.h"
#include "score.h"
#include "ui_input.h"
#include "ui_pick.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct asking {
	struct ui_ask ask;  /* the answer in hand */
};

static int question_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui, (void)arg;
	struct asking *st = state;
	ui_input_reset(&st->ask);
	return 0;
}

static void question_close(struct ui *ui, void *state)
{
	(void)ui;
	struct asking *st = state;
	layout_field_free(&st->ask.field);
}

static void question_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct asking *st = state;
	const struct item *it = ui_screen_item(ui);
	const struct ui_ask *k = &st->ask;
	struct ui_rows *r = &ui->rows;
	size_t width = area->width;
	char b[512], pts[32];
	ui_quiz_header(ui, it, false);
	score_format_points(k->hint ? it->q->points * SCORE_HINT_FACTOR : it->q->points, pts, sizeof pts);
	if (ui->study)  /* no points in study: the grade is what counts */
		snprintf(b, sizeof b, "%s%s", qtype_get(it->q->type)->label, k->hint ? " (hint taken)" : "");
	else
		snprintf(b, sizeof b, "%s %s %s points%s", qtype_get(it->q->type)->label,
		         ui_draw_glyph(UI_GLYPH_DOT), pts, k->hint ? " (hint taken)" : "");
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->prompt, UI_LOOK_BOLD, false);
	ui_draw_blank(r);
	ui_input_for(it->q->type)->build(k, it, r, width);
	if (ui->study && ui_input_for(it->q->type)->rated && k->flipped)
		ui_quiz_preview_rows(ui, r, width, (enum sched_grade)0);  /* the rating is the grade */
	if (k->hint) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "Hint: ", UI_LOOK_ACCENT, k->hint, UI_LOOK_PLAIN, false);
	}
	ui_draw_body(r, area->top, area->height, &st->ask.scroll);
}

/* The yes of the question whether to take the hint; ctx: the answer in hand. */
static void hint_yes(struct ui *ui, void *ctx)
{
	struct ui_ask *k = ctx;
	k->hint = ui_quiz_hint(ui);
}

/* Offers the hint of it, at the price it costs. */
static void ask_hint(struct ui *ui, struct ui_ask *k, const struct item *it)
{
	char b[256], brief[128];
	if (!it->q->hint) {
		ui_screen_say(ui, "This question has no hint.");
		return;
	}
	if (k->hint) {
		ui_screen_say(ui, "The hint is under the question.");
		return;
	}
	if (ui->study) {  /* no points to lose in study */
		k->hint = ui_quiz_hint(ui);
		return;
	}
	verdict_hint_offer(it->q->points, b, sizeof b);
	verdict_hint_offer_short(it->q->points, brief, sizeof brief);
	struct ui_confirm_arg q = { b, brief, hint_yes, k };
	ui_screen_push(ui, &ui_screen_confirm, &q);
}

static bool question_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	struct asking *st = state;
	const struct item *it = ui_screen_item(ui);
	if (!it)
		return true;
	bool after_esc = st->ask.command;
	st->ask.command = false;
	switch (act) {
	case UI_DO_HINT: ask_hint(ui, &st->ask, it); return true;
	case UI_DO_SKIP: ui_quiz_skip(ui); return true;
	case UI_DO_UNDO:
		if (ui->study)
			ui_quiz_undo(ui);  /* this instance is replaced: no more of st */
		return true;
	case UI_DO_QUIT: ui_quiz_ask_quit(ui, false); return true;
	case UI_DO_HELP: return false;
	case UI_DO_COMMAND: st->ask.command = true; return true;
	default: break;
	}
	if (after_esc && act != UI_DO_WORD_LEFT && act != UI_DO_WORD_RIGHT)
		return true;  /* a key that is no command (nor Alt-B, Alt-F) just leaves the command */
	struct response r = {0};
	if (ui_input_for(it->q->type)->key(ui, &st->ask, it, act, key, &r))
		ui_quiz_answer(ui, &r);
	return true;
}

/* The commands, then the rows of the item's type in its mode; while
 * typing the commands are reached through Esc. */
static void question_keys(const struct ui *ui, const void *state, struct ui_keyset *ks)
{
	const struct asking *st = state;
	const struct item *it = ui_screen_item(ui);
	if (!it)
		return;
	const struct ui_input *in = ui_input_for(it->q->type);
	bool alt = in->alt && in->alt(&st->ask);
	/* The commands first: no key of a type is one of them (ui_pick). */
	ui_keys_add(ks, ui_pick_commands, in->typing && !alt ? "Esc " : NULL);
	ui_keys_add(ks, alt ? in->keys_alt : in->keys, NULL);
}

static bool question_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                              struct ui_foot *f)
{
	const struct asking *st = state;
	const struct item *it = ui_screen_item(ui);
	if (!it)
		return true;
	if (row->act == UI_DO_HINT)
		return it->q->hint && !st->ask.hint;
	if (row->act == UI_DO_UNDO)
		return ui->study != NULL;
	const struct ui_input *in = ui_input_for(it->q->type);
	return in->words ? in->words(&st->ask, it, f) : true;
}

static const char *question_help(const struct ui *ui, const void *state)
{
	(void)state;
	const struct item *it = ui_screen_item(ui);
	return it ? ui_input_for(it->q->type)->help : NULL;
}

const struct ui_screen ui_screen_question = {
	.name = "question",
	.state_size = sizeof(struct asking),
	.open = question_open,
	.close = question_close,
	.draw = question_draw,
	.key = question_key,
	.keys_now = question_keys,
	.describe = question_describe,
	.help_now = question_help,
};
