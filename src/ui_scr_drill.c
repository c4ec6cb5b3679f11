/* ui_scr_drill — the question of a drill for the player in turn: the
 * prompt and the answer being put together, in the way its type takes it
 * (ui_input), under a countdown that shrinks with the time left.  Opening
 * it starts the turn's clock (drill_turn_start); when the clock runs out
 * the turn counts as timed out (drill_time_up) and the drill moves on. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "qtype.h"
#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_input.h"
#include "ui_screens.h"

/* The screen's state. */
struct turn {
	struct ui_ask ask;     /* the answer in hand */
	double total;          /* seconds a turn has (the drill's time limit); <= 0: no clock */
	struct ui_drill_clock clock;  /* the countdown as last drawn */
	char help[1024];       /* the help: the type's, then the clock's */
};

/* What a drill asks about: skip, help and quit (no hints, nothing to
 * undo); ui_pick keeps these letters free. */
static const struct ui_key drill_commands[] = {
	UI_KEY('s', UI_DO_SKIP, "s", "skip"),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

static const char clock_help[] =
	"The clock started when the question showed; when it runs out the answer counts as wrong "
	"and the drill goes on. s skips (it counts as wrong); q ends the drill.";

static int turn_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	ui_input_reset(&st->ask);
	drill_turn_start(ui->drill);
	st->total = drill_rules(ui->drill)->time_limit;
	snprintf(st->help, sizeof st->help, "%s %s", it ? ui_input_for(it->q->type)->help : "", clock_help);
	return 0;
}

static void turn_close(struct ui *ui, void *state)
{
	(void)ui;
	struct turn *st = state;
	layout_field_free(&st->ask.field);
}

/* The header: the deck; the player in turn and the question; their score
 * and streak. */
static void turn_header(const struct ui *ui)
{
	const struct drill *d = ui->drill;
	size_t p = drill_turn(d);
	const struct drill_tally *t = drill_tally(d, p);
	char right[96], label[256], pos[64], pts[32], who[160];
	score_format_points(t->score, pts, sizeof pts);
	snprintf(right, sizeof right, "score %s %s streak %u", pts, ui_draw_glyph(UI_GLYPH_DOT), t->streak);
	ui_drill_position(ui, pos, sizeof pos);
	if (ui_drill_hot_seat(ui))
		snprintf(label, sizeof label, "%s's turn %s %s",
		         text_escape_into(drill_player(d, p), false, who, sizeof who), ui_draw_glyph(UI_GLYPH_DOT), pos);
	else
		snprintf(label, sizeof label, "%s", pos);
	ui_drill_header(ui, NULL, right, label, ui_drill_progress(ui, false));
}

/* The rows of the question: its type and points, the prompt and the
 * answer in hand; compact: without the type and the blank rows, for a low
 * window. */
static void build_question(const struct turn *st, const struct item *it, struct ui_rows *r, size_t width,
                           bool compact)
{
	char b[512], pts[32];
	if (!compact) {
		score_format_points(it->q->points, pts, sizeof pts);
		snprintf(b, sizeof b, "%s %s %s points", qtype_get(it->q->type)->label, ui_draw_glyph(UI_GLYPH_DOT),
		         pts);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
		ui_draw_blank(r);
	}
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->prompt, UI_LOOK_BOLD, false);
	if (!compact)
		ui_draw_blank(r);
	ui_input_for(it->q->type)->build(&st->ask, it, r, width);
}

static void turn_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	if (!it)
		return;
	struct ui_rows *r = &ui->rows;
	size_t width = area->width, top = area->top, height = area->height;
	turn_header(ui);
	if (st->total > 0 && height > 1) {
		ui_drill_countdown(top, 1, ui_draw_cols() - 2, drill_time_left(ui->drill), st->total, &st->clock);
		size_t skip = height >= 12 ? 2 : 1;  /* a blank row under it where there is room */
		top += skip;
		height -= skip;
	}
	build_question(st, it, r, width, false);
	if (r->n > height) {  /* the whole question rather than the blank rows */
		ui_draw_rows_clear(r);
		build_question(st, it, r, width, true);
	}
	ui_draw_body(r, top, height, &st->ask.scroll);
}

/* The clock ran out: the turn counts as timed out, and the drill goes on. */
static void time_up(struct ui *ui)
{
	char b[600], who[160];
	size_t p = drill_turn(ui->drill);
	text_escape_into(drill_player(ui->drill, p), false, who, sizeof who);
	if (drill_time_up(ui->drill) != 0) {
		snprintf(b, sizeof b, "the time-out was not recorded: %s", drill_error(ui->drill));
		ui_screen_fail(ui, b);
		return;
	}
	ui_drill_after_turn(ui, true);
	if (ui_drill_hot_seat(ui))
		ui_screen_say(ui, "Time is up for %s.", who);
	else
		ui_screen_say(ui, "Time is up.");
}

/* Whether the clock of the turn ran out (drill_time_left is never below 0). */
static bool out_of_time(const struct ui *ui, const struct turn *st)
{
	return st->total > 0 && drill_time_left(ui->drill) <= 0;
}

/* Gives response r (NULL: skips) for the player in turn, and moves on. */
static void give(struct ui *ui, const struct response *r)
{
	char b[600];
	int rc = r ? drill_answer(ui->drill, r) : drill_skip(ui->drill);
	if (rc != 0) {
		snprintf(b, sizeof b, "the answer was not recorded: %s", drill_error(ui->drill));
		ui_screen_fail(ui, b);
		return;
	}
	ui_drill_after_turn(ui, false);
}

static bool turn_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	if (!it || drill_phase(ui->drill) != DRILL_TURN)
		return true;
	if (out_of_time(ui, st) && act != UI_DO_HELP) {
		time_up(ui);  /* the key came too late: this instance is replaced */
		return true;
	}
	bool after_esc = st->ask.command;
	st->ask.command = false;
	switch (act) {
	case UI_DO_SKIP: give(ui, NULL); return true;
	case UI_DO_QUIT: ui_drill_ask_quit(ui); return true;
	case UI_DO_HELP: return false;
	case UI_DO_COMMAND: st->ask.command = true; return true;
	default: break;
	}
	if (after_esc && act != UI_DO_WORD_LEFT && act != UI_DO_WORD_RIGHT)
		return true;  /* a key that is no command (nor Alt-B, Alt-F) just leaves the command */
	struct response r = {0};
	if (ui_input_for(it->q->type)->key(ui, &st->ask, it, act, key, &r))
		give(ui, &r);
	return true;
}

/* Draws again when the seconds shown or the bar's cells change; moves on
 * when the clock runs out. */
static bool turn_tick(struct ui *ui, void *state, double now)
{
	(void)now;
	struct turn *st = state;
	if (st->total <= 0 || drill_phase(ui->drill) != DRILL_TURN)
		return false;
	double left = drill_time_left(ui->drill);
	if (left <= 0) {
		time_up(ui);  /* this instance is replaced: no more of st */
		return true;
	}
	return ui_drill_countdown_changed(&st->clock, left, st->total);
}

/* The commands, then the rows of the item's type in its mode; while
 * typing the commands are reached through Esc. */
static void turn_keys(const struct ui *ui, const void *state, struct ui_keyset *ks)
{
	const struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	if (!it)
		return;
	const struct ui_input *in = ui_input_for(it->q->type);
	bool alt = in->alt && in->alt(&st->ask);
	ui_keys_add(ks, drill_commands, in->typing && !alt ? "Esc " : NULL);
	ui_keys_add(ks, alt ? in->keys_alt : in->keys, NULL);
}

static bool turn_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                          struct ui_foot *f)
{
	const struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	if (!it)
		return true;
	if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "end");
	const struct ui_input *in = ui_input_for(it->q->type);
	return in->words ? in->words(&st->ask, it, f) : true;
}

static const char *turn_help(const struct ui *ui, const void *state)
{
	(void)ui;
	const struct turn *st = state;
	return st->help;
}

const struct ui_screen ui_screen_drill = {
	.name = "drill",
	.state_size = sizeof(struct turn),
	.open = turn_open,
	.close = turn_close,
	.draw = turn_draw,
	.key = turn_key,
	.tick = turn_tick,
	.keys_now = turn_keys,
	.describe = turn_describe,
	.help_now = turn_help,
};
