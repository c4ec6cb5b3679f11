/* ui_scr_drill_podium — the end of a drill: the first three on a podium
 * (hot-seat), then every player's rank, score, grade and answers right,
 * partly right, wrong and timed out; with one player, their result. */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct podium {
	struct drill_entry e[DRILL_MAX_PLAYERS];  /* the final ranking (names borrowed from the drill) */
	size_t n;                                 /* entries in e */
	size_t scroll;                            /* first body row shown */
	const struct drill_entry *cls;            /* class mode: the class so far (the drill's); or NULL */
	size_t ncls;                              /* entries in cls */
	char cls_error[320];                      /* why the class could not be read; "" */
};

static int podium_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct podium *st = state;
	st->n = drill_leaderboard(ui->drill, st->e);
	if (drill_class(ui->drill)[0] && drill_class_board(ui->drill, &st->cls, &st->ncls) != 0) {
		snprintf(st->cls_error, sizeof st->cls_error, "The class's results could not be read: %s",
		         drill_error(ui->drill));
		st->cls = NULL;
	}
	return 0;
}

/* The tally of the player of e, or NULL. */
static const struct drill_tally *tally_of(const struct ui *ui, const struct drill_entry *e)
{
	size_t p = ui_drill_player_of(ui, e->name);
	return p < drill_nplayers(ui->drill) ? drill_tally(ui->drill, p) : NULL;
}

/* "✓ 4  ◐ 1  ✗ 2  ◷ 1": a player's answers by outcome, in glyphs. */
static char *counts(const struct drill_tally *t, char *buf, size_t size)
{
	snprintf(buf, size, "%s %u  %s %u  %s %u  %s %u", ui_draw_glyph(UI_GLYPH_RIGHT), t->right,
	         ui_draw_glyph(UI_GLYPH_PARTIAL), t->partly, ui_draw_glyph(UI_GLYPH_WRONG), t->wrong,
	         ui_draw_glyph(UI_GLYPH_CLOCK), t->timed_out);
	return buf;
}

/* The ranking, a row each: as a table where it fits, else two rows a
 * player with the answers in glyphs and a key to them. */
static void build_ranking(struct ui *ui, const struct podium *st, size_t width)
{
	struct ui_rows *r = &ui->rows;
	size_t namew = 6, rankw = 1;
	char b[512], who[160], cut[200], g[32], pts[32];
	for (size_t i = 0; i < st->n; i++) {
		size_t w = ui_draw_width(text_escape_into(st->e[i].name, false, who, sizeof who));
		namew = w > namew ? w : namew;
		snprintf(b, sizeof b, "%u", st->e[i].rank);
		rankw = strlen(b) > rankw ? strlen(b) : rankw;
	}
	namew = namew > 20 ? 20 : namew;
	bool table = rankw + namew + 53 <= width;  /* the columns after the name take 51 */
	if (!table && namew > width / 2)
		namew = width / 2;
	if (table) {
		snprintf(b, sizeof b, "%*s  %-*s  %7s  %6s  %5s  %6s  %5s  %9s", (int)rankw, "#", (int)namew, "Player",
		         "Score", "Grade", "Right", "Partly", "Wrong", "Timed out");
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
	}
	for (size_t i = 0; i < st->n; i++) {
		const struct drill_entry *e = &st->e[i];
		const struct drill_tally *t = tally_of(ui, e);
		static const struct drill_tally none;
		if (!t)
			t = &none;
		text_escape_into(e->name, false, who, sizeof who);
		size_t w = layout_truncate(who, namew, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
		score_format_points(e->score, pts, sizeof pts);
		verdict_format_grade(e->grade, g, sizeof g);
		struct ui_row *row = ui_draw_row(r, 0, false);
		snprintf(b, sizeof b, "%*u  ", (int)rankw, e->rank);
		ui_draw_span(r, row, 0, e->rank <= 3 ? UI_LOOK_BOLD : UI_LOOK_PLAIN, b, strlen(b));
		snprintf(b, sizeof b, "%s%*s", cut, (int)(namew - w), "");
		ui_draw_span(r, row, 1, UI_LOOK_BOLD, b, strlen(b));
		if (table)
			snprintf(b, sizeof b, "  %7s  %6s  %5u  %6u  %5u  %9u", pts, g, t->right, t->partly, t->wrong,
			         t->timed_out);
		else
			snprintf(b, sizeof b, "  %s %s %s", pts, ui_draw_glyph(UI_GLYPH_DOT), g);
		ui_draw_span(r, row, 2, UI_LOOK_PLAIN, b, strlen(b));
		if (!table)
			ui_draw_wrap(r, width, rankw + 2, "", UI_LOOK_PLAIN, counts(t, b, sizeof b), UI_LOOK_DIM, false);
	}
	if (!table) {
		snprintf(b, sizeof b, "%s right %s partly %s wrong %s timed out", ui_draw_glyph(UI_GLYPH_RIGHT),
		         ui_draw_glyph(UI_GLYPH_PARTIAL), ui_draw_glyph(UI_GLYPH_WRONG), ui_draw_glyph(UI_GLYPH_CLOCK));
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
	}
}

/* Class mode: the student's rank in the class so far, and the class. */
static void build_class(struct ui *ui, const struct podium *st, size_t width)
{
	struct ui_rows *r = &ui->rows;
	const char *me = drill_player(ui->drill, 0);
	char b[512], k[200];
	if (st->cls_error[0]) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, st->cls_error, UI_LOOK_WARN, false);
	}
	if (!st->cls)
		return;
	unsigned rank = 0;
	for (size_t i = 0; i < st->ncls; i++)
		if (strcmp(st->cls[i].name, me) == 0)
			rank = st->cls[i].rank;
	text_escape_into(drill_class(ui->drill), false, k, sizeof k);
	if (rank)
		snprintf(b, sizeof b, "Class %s so far: rank %u of %zu", k, rank, st->ncls);
	else
		snprintf(b, sizeof b, "Class %s so far (%zu)", k, st->ncls);
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	ui_drill_ranking(r, width, st->cls, st->ncls, false, NULL, me);
}

/* One player: their score, grade, answers, best streak and time. */
static void build_result(struct ui *ui, size_t width)
{
	const struct drill *d = ui->drill;
	const struct drill_tally *t = drill_tally(d, 0);
	struct ui_rows *r = &ui->rows;
	const char *dot = ui_draw_glyph(UI_GLYPH_DOT);
	char b[512], pts[32], g[32], x[32], gp[32], mx[32];
	score_format_points(t->score, pts, sizeof pts);
	verdict_format_grade(drill_grade(t), g, sizeof g);
	score_format_points(t->grade_points, gp, sizeof gp);
	score_format_points(t->max, mx, sizeof mx);
	snprintf(b, sizeof b, "Score: %s (with speed and streak bonuses)", pts);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	snprintf(b, sizeof b, "Grade: %s (%s of %s points)", g, gp, mx);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	snprintf(b, sizeof b, "%s %u right %s %s %u partly right %s %s %u wrong %s %s %u timed out",
	         ui_draw_glyph(UI_GLYPH_RIGHT), t->right, dot, ui_draw_glyph(UI_GLYPH_PARTIAL), t->partly, dot,
	         ui_draw_glyph(UI_GLYPH_WRONG), t->wrong, dot, ui_draw_glyph(UI_GLYPH_CLOCK), t->timed_out);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	score_format_duration(t->seconds, x, sizeof x);
	snprintf(b, sizeof b, "Best streak %u %s time %s", t->best_streak, dot, x);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
}

static void podium_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct podium *st = state;
	const struct drill *d = ui->drill;
	size_t asked = drill_index(d), n = drill_count(d);
	char label[96], g[32];
	bool hot = ui_drill_hot_seat(ui);
	if (asked < n)
		snprintf(label, sizeof label, "ended after %zu of %zu questions", asked, n);
	else
		snprintf(label, sizeof label, "%zu questions", n);
	if (hot) {
		ui_drill_header(ui, "Podium", NULL, label, -1.0);
	} else {
		double grade = drill_grade(drill_tally(d, 0));
		snprintf(label, sizeof label, "grade %s", verdict_format_grade(grade, g, sizeof g));
		ui_drill_header(ui, "Drill over", NULL, label, grade / 100.0);
	}
	size_t top = area->top, height = area->height;
	if (hot) {
		/* The drawing where it leaves room for the first rows of the
		 * ranking (its column heads, or each player's second row). */
		ui_drill_podium(st->e, st->n, (st->n < 3 ? st->n : 3) + 1, &top, &height, area->width);
		build_ranking(ui, st, area->width);
	} else {
		build_result(ui, area->width);
		build_class(ui, st, area->width);
	}
	ui_draw_body(&ui->rows, top, height, &st->scroll);
}

static bool podium_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct podium *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	if (act == UI_DO_ENTER) {
		ui->done = true;
		return true;
	}
	return false;
}

static const struct ui_key podium_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "done"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_drill_podium = {
	.name = "drill podium",
	.state_size = sizeof(struct podium),
	.open = podium_open,
	.draw = podium_draw,
	.key = podium_key,
	.keys = podium_keys,
	.help = "The end of the drill: the players by score (then grade), each with the grade (the "
	        "share of the questions' own points, without speed or streak) and the answers right, "
	        "partly right, wrong (skipped ones too) and timed out. Enter or q leaves.",
};
