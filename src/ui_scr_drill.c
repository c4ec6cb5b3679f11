/* ui_scr_drill — the question of a drill for the player in turn: the
 * prompt and the answer being put together, in the way its type takes it,
 * under a countdown that shrinks with the time left (ui_timed, which the
 * live drill's open question shares).  Opening it starts the turn's clock
 * (drill_turn_start); when the clock runs out the turn counts as timed out
 * (drill_time_up) and the drill moves on. */
#include <stdio.h>

#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_screens.h"
#include "ui_timed.h"

/* The screen's state. */
struct turn {
	struct ui_timed t;     /* the question in hand, against the drill's clock */
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
	ui_timed_open(&st->t, drill_current(ui->drill), drill_rules(ui->drill)->time_limit, clock_help);
	drill_turn_start(ui->drill);
	return 0;
}

static void turn_close(struct ui *ui, void *state)
{
	(void)ui;
	struct turn *st = state;
	ui_timed_close(&st->t);
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

static void turn_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	if (!it)
		return;
	turn_header(ui);
	ui_timed_draw(ui, &st->t, it, drill_time_left(ui->drill), NULL, area);
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
	return st->t.total > 0 && drill_time_left(ui->drill) <= 0;
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
	struct response r;
	switch (ui_timed_key(ui, &st->t, it, act, key, &r)) {
	case UI_TIMED_SKIP: give(ui, NULL); return true;
	case UI_TIMED_QUIT: ui_drill_ask_quit(ui); return true;
	case UI_TIMED_HELP: return false;
	case UI_TIMED_ANSWER: give(ui, &r); return true;
	case UI_TIMED_DONE: return true;
	}
	return true;
}

/* Draws again when the seconds shown or the bar's cells change; moves on
 * when the clock runs out. */
static bool turn_tick(struct ui *ui, void *state, double now)
{
	(void)now;
	struct turn *st = state;
	if (st->t.total <= 0 || drill_phase(ui->drill) != DRILL_TURN)
		return false;
	double left = drill_time_left(ui->drill);
	if (left <= 0) {
		time_up(ui);  /* this instance is replaced: no more of st */
		return true;
	}
	return ui_timed_changed(&st->t, left);
}

/* The commands, then the rows of the item's type in its mode; while
 * typing the commands are reached through Esc. */
static void turn_keys(const struct ui *ui, const void *state, struct ui_keyset *ks)
{
	const struct turn *st = state;
	const struct item *it = drill_current(ui->drill);
	if (!it)
		return;
	ui_timed_keys(&st->t, it, drill_commands, ks);
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
	return ui_timed_describe(&st->t, it, row, f);
}

static const char *turn_help(const struct ui *ui, const void *state)
{
	(void)ui;
	const struct turn *st = state;
	return st->t.help;
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
