/* ui_scr_drill_board — the leaderboard of a hot-seat drill between
 * questions: each player's rank, how it moved since the last question, a
 * bar of their score against the leader's, the score and what the last
 * question earned. */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_screens.h"

/* The screen's state. */
struct board {
	struct drill_entry e[DRILL_MAX_PLAYERS];  /* the ranking (names borrowed from the drill) */
	size_t n;                                 /* entries in e */
	size_t scroll;                            /* first body row shown */
};

static int board_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct board *st = state;
	st->n = drill_leaderboard(ui->drill, st->e);
	return 0;
}

/* How a rank moved: "▲2", "▼1", "·" (held), "" (no rank before), in the
 * look to show it in. */
static const char *moved(const struct drill_entry *e, char *buf, size_t size, enum ui_look *look)
{
	*look = UI_LOOK_DIM;
	if (!e->prev_rank)
		snprintf(buf, size, "%s", "");
	else if (e->change > 0)
		snprintf(buf, size, "%s%d", ui_draw_glyph(UI_GLYPH_RISE), e->change), *look = UI_LOOK_RIGHT;
	else if (e->change < 0)
		snprintf(buf, size, "%s%d", ui_draw_glyph(UI_GLYPH_FALL), -e->change), *look = UI_LOOK_WRONG;
	else
		snprintf(buf, size, "%s", ui_draw_glyph(UI_GLYPH_DOT));
	return buf;
}

/* What the player of e earned at the question just answered: "+950". */
static char *gained(const struct ui *ui, const struct drill_entry *e, char *buf, size_t size)
{
	size_t p = ui_drill_player_of(ui, e->name);
	const struct drill_outcome *o = p < drill_nplayers(ui->drill) ? drill_outcome(ui->drill, p) : NULL;
	char pts[32];
	score_format_points(o ? o->points : 0, pts, sizeof pts);
	snprintf(buf, size, "+%s", pts);
	return buf;
}

/* s (w_s columns wide) with spaces to w columns, before it (right) or
 * after it, into buf; cut short when buf is too small. */
static char *pad(const char *s, size_t w_s, size_t w, bool right, char *buf, size_t size)
{
	size_t n = w > w_s ? w - w_s : 0, len = strlen(s), at = 0;
	if (size == 0)
		return buf;
	if (!right)
		for (size_t i = 0; i < len && at + 1 < size; i++)
			buf[at++] = s[i];
	for (size_t i = 0; i < n && at + 1 < size; i++)
		buf[at++] = ' ';
	if (right)
		for (size_t i = 0; i < len && at + 1 < size; i++)
			buf[at++] = s[i];
	buf[at] = '\0';
	return buf;
}

/* The rows of the ranking: rank, move, name, bar, score and gain, each in
 * a column as wide as its widest. */
static void build_board(struct ui *ui, const struct board *st, size_t width)
{
	struct ui_rows *r = &ui->rows;
	size_t rankw = 0, movew = 0, namew = 0, scorew = 0, gainw = 0;
	double top = 0;
	char b[256], c[256], who[160];
	enum ui_look look;
	for (size_t i = 0; i < st->n; i++) {
		const struct drill_entry *e = &st->e[i];
		size_t w;
		snprintf(b, sizeof b, "%u.", e->rank);
		rankw = (w = ui_draw_width(b)) > rankw ? w : rankw;
		movew = (w = ui_draw_width(moved(e, b, sizeof b, &look))) > movew ? w : movew;
		namew = (w = ui_draw_width(text_escape_into(e->name, false, who, sizeof who))) > namew ? w : namew;
		score_format_points(e->score, b, sizeof b);
		scorew = (w = ui_draw_width(b)) > scorew ? w : scorew;
		gainw = (w = ui_draw_width(gained(ui, e, b, sizeof b))) > gainw ? w : gainw;
		top = e->score > top ? e->score : top;
	}
	if (namew > width / 4)
		namew = width / 4 > 3 ? width / 4 : 3;
	size_t fixed = rankw + 1 + (movew ? movew + 1 : 0) + namew + 2 + 2 + scorew + 2 + gainw;
	size_t barw = width > fixed + 3 ? width - fixed : 3;
	if (barw > 40)
		barw = 40;
	for (size_t i = 0; i < st->n; i++) {
		const struct drill_entry *e = &st->e[i];
		struct ui_row *row = ui_draw_row(r, 0, false);
		char bar[1024], cut[200], sc[32], gn[32];
		size_t split;
		snprintf(c, sizeof c, "%u.", e->rank);
		pad(c, ui_draw_width(c), rankw + 1, true, b, sizeof b);
		ui_draw_span(r, row, 0, e->rank <= 3 ? UI_LOOK_BOLD : UI_LOOK_PLAIN, b, strlen(b));
		if (movew) {
			moved(e, b + 1, sizeof b - 1, &look);
			b[0] = ' ';
			pad(b, ui_draw_width(b), movew + 1, false, c, sizeof c);
			ui_draw_span(r, row, 1, look, c, strlen(c));
		}
		text_escape_into(e->name, false, who, sizeof who);
		size_t w = layout_truncate(who, namew, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
		b[0] = ' ';
		pad(cut, w, namew + 2, false, b + 1, sizeof b - 1);
		ui_draw_span(r, row, 2, UI_LOOK_BOLD, b, strlen(b));
		layout_bar(top > 0 ? e->score / top : 0, barw, ui_draw_unicode(), bar, sizeof bar, &split);
		ui_draw_span(r, row, 3, UI_LOOK_BAR, bar, split);
		ui_draw_span(r, row, 4, UI_LOOK_BAR_EMPTY, bar + split, strlen(bar + split));
		score_format_points(e->score, sc, sizeof sc);
		gained(ui, e, gn, sizeof gn);
		char sp[64], gp[64];
		snprintf(b, sizeof b, "  %s  %s", pad(sc, ui_draw_width(sc), scorew, true, sp, sizeof sp),
		         pad(gn, ui_draw_width(gn), gainw, true, gp, sizeof gp));
		ui_draw_span(r, row, 5, UI_LOOK_PLAIN, b, strlen(b));
	}
}

static void board_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct board *st = state;
	char pos[64], label[96];
	ui_drill_position(ui, pos, sizeof pos);
	snprintf(label, sizeof label, "after %s", pos);
	ui_drill_header(ui, "Leaderboard", NULL, label, ui_drill_progress(ui, true));
	build_board(ui, st, area->width);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool board_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct board *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER: ui_drill_next(ui); return true;
	case UI_DO_QUIT: ui_drill_ask_quit(ui); return true;
	default: return false;
	}
}

static bool board_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                           struct ui_foot *f)
{
	(void)ui, (void)state;
	if (row->act == UI_DO_QUIT)
		snprintf(f->does, sizeof f->does, "end");
	return true;
}

static const struct ui_key board_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next question"),
	UI_KEY(' ', UI_DO_ENTER, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_drill_board = {
	.name = "drill leaderboard",
	.state_size = sizeof(struct board),
	.open = board_open,
	.draw = board_draw,
	.key = board_key,
	.keys = board_keys,
	.describe = board_describe,
	.help = "The players by score (then grade), with how each rank moved since the last "
	        "question (up, down, or held), a bar of each score against the leader's, the "
	        "score, and what the last question earned. Players with equal score and grade "
	        "share a rank. Enter asks the next question.",
};
