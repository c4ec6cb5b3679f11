/* ui_scr_live_closed — a live drill's question just closed, on the
 * projector: the right answer, how the class answered (a bar per option
 * with the right ones marked, true and false, or the share right of a
 * typed answer) and the top of the leaderboard with how each rank moved
 * and what the question earned.  Enter opens the next question (the podium
 * after the last), l shows the whole leaderboard. */
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "score.h"
#include "text.h"
#include "ui_drill.h"
#include "ui_live_host.h"
#include "ui_screens.h"

/* The screen's state. */
struct closed {
	size_t scroll;   /* first body row shown */
};

/* How the question closed, in a few words. */
static const char *why_closed(const struct live_host_close *c)
{
	switch (c->why) {
	case LIVE_HOST_BY_CLOCK: return "Time is up";
	case LIVE_HOST_BY_ALL: return "Everyone answered";
	case LIVE_HOST_BY_END: return "The drill was ended";
	case LIVE_HOST_BY_RESUME: return "Closed";
	default: break;
	}
	return "Closed by the teacher";
}

/* One bar of the class's answers: the mark of a right option, its label,
 * a bar of count of the answers given, and the count. */
static void bar_row(struct ui_rows *r, size_t width, bool right, const char *label, size_t labelw,
                    unsigned count, unsigned of)
{
	char e[512], cut[512], tail[32], bar[1024];
	size_t split;
	text_escape_into(label, false, e, sizeof e);
	size_t w = layout_truncate(e, labelw, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
	size_t len = strlen(cut);
	for (; w < labelw + 2 && len + 1 < sizeof cut; w++)
		cut[len++] = ' ';
	cut[len] = '\0';
	snprintf(tail, sizeof tail, "  %u", count);
	size_t used = 2 + w + strlen(tail);
	size_t bw = width > used + 3 ? width - used : 3;
	if (bw > 40)
		bw = 40;
	layout_bar(of ? (double)count / of : 0, bw, ui_draw_unicode(), bar, sizeof bar, &split);
	struct ui_row *row = ui_draw_row(r, 0, false);
	const char *mark = right ? ui_draw_glyph(UI_GLYPH_RIGHT) : " ";
	ui_draw_span(r, row, 0, UI_LOOK_RIGHT, mark, strlen(mark));
	ui_draw_span(r, row, 1, right ? UI_LOOK_RIGHT : UI_LOOK_PLAIN, " ", 1);
	ui_draw_span(r, row, 2, right ? UI_LOOK_RIGHT : UI_LOOK_PLAIN, cut, len);
	ui_draw_span(r, row, 3, UI_LOOK_BAR, bar, split);
	ui_draw_span(r, row, 4, UI_LOOK_BAR_EMPTY, bar + split, strlen(bar + split));
	ui_draw_span(r, row, 5, UI_LOOK_PLAIN, tail, strlen(tail));
}

/* Whether the option of deck index i is a right one. */
static bool is_right(const struct question *q, size_t i)
{
	if (q->type == Q_CHOICE)
		return q->correct == i;
	return q->type == Q_MULTI && i < 8 * sizeof q->correct && ((q->correct >> i) & 1u);
}

/* How the class answered. */
static void build_shares(struct ui_rows *r, const struct item *it, const struct live_host_close *c,
                         size_t width)
{
	const struct question *q = it->q;
	char label[512];
	size_t labelw = 0;
	if (q->type == Q_CHOICE || q->type == Q_MULTI) {
		for (size_t k = 0; k < it->nshown; k++) {
			char e[512];
			snprintf(label, sizeof label, "%zu. %s", k + 1, q->choices[it->shown[k]]);
			size_t w = ui_draw_width(text_escape_into(label, false, e, sizeof e));
			labelw = w > labelw ? w : labelw;
		}
		labelw = labelw > width / 2 ? width / 2 : labelw;
		for (size_t k = 0; k < it->nshown && k < DECK_MAX_CHOICES; k++) {
			snprintf(label, sizeof label, "%zu. %s", k + 1, q->choices[it->shown[k]]);
			bar_row(r, width, is_right(q, it->shown[k]), label, labelw, c->share[k], c->nanswered);
		}
	} else if (q->type == Q_TRUEFALSE) {
		bar_row(r, width, q->truth, "true", 5, c->ntrue, c->nanswered);
		bar_row(r, width, !q->truth, "false", 5, c->nfalse, c->nanswered);
	} else {
		/* A typed answer: the share right of everyone judged. */
		bar_row(r, width, true, "right", 9, c->nright, (unsigned)c->nv);
		if (c->npartly)
			bar_row(r, width, false, "partly", 9, c->npartly, (unsigned)c->nv);
		unsigned rest = (unsigned)c->nv - c->nright - c->npartly;
		bar_row(r, width, false, "not right", 9, rest, (unsigned)c->nv);
	}
}

/* What each student earned at the question: "+950" (into g, n entries of
 * the board). */
static void gains(const struct live_host_close *c, const struct drill_entry *e, size_t n,
                  char (*g)[32], const char **extra)
{
	for (size_t i = 0; i < n; i++) {
		double p = 0;
		for (size_t k = 0; k < c->nv; k++)
			if (!strcmp(c->v[k].student, e[i].name))
				p = c->v[k].points;
		char pts[24];
		score_format_points(p, pts, sizeof pts);
		snprintf(g[i], sizeof g[i], "+%s", pts);
		extra[i] = g[i];
	}
}

/* The most rows the top of the leaderboard takes. */
#define TOP_MOST 5

/* The rows: the prompt, the answer, how the question closed, the class's
 * answers, the top of the leaderboard; compact: without the prompt, the
 * reason and the blank rows, for a low window. */
static void build(struct ui *ui, const struct live_host_close *c, const struct item *it,
                  size_t width, size_t height, bool compact)
{
	struct ui_rows *r = &ui->rows;
	char b[512];
	if (!compact)
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->prompt, UI_LOOK_BOLD, false);
	if (c->skipped) {
		snprintf(b, sizeof b, "Question %u was skipped: nothing was scored.", c->index + 1);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_WARN, false);
	} else {
		ui_draw_wrap(r, width, 0, "Answer: ", UI_LOOK_BOLD, c->answer, UI_LOOK_RIGHT, false);
		snprintf(b, sizeof b, "%s%s%u of %zu answered %s %u right", compact ? "" : why_closed(c),
		         compact ? "" : " · ", c->nanswered, c->nv, ui_draw_glyph(UI_GLYPH_DOT), c->nright);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
		if (!compact)
			ui_draw_blank(r);
		build_shares(r, it, c, width);
	}
	if (!c->nboard)
		return;
	size_t room = height > r->n + 2 ? height - r->n - 2 : 0;
	size_t n = c->nboard < TOP_MOST ? c->nboard : TOP_MOST;
	if (compact)
		n = c->nboard < 3 ? c->nboard : 3;
	else if (room >= 3 && room < n)
		n = room;
	char g[TOP_MOST][32];
	const char *extra[TOP_MOST];
	gains(c, c->board, n, g, extra);
	if (!compact) {
		ui_draw_blank(r);
		snprintf(b, sizeof b, n < c->nboard ? "Leaderboard (top %zu of %zu)" : "Leaderboard", n,
		         c->nboard);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	}
	ui_drill_ranking(r, width, c->board, n, true, extra, NULL);
}

static void closed_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct closed *st = state;
	const struct live_host_close *c = live_host_last(ui->live_host);
	const struct item *it = live_host_item(ui->live_host);
	if (!c || !it)
		return;
	char label[96];
	snprintf(label, sizeof label, "question %u / %zu closed", c->index + 1,
	         live_host_count(ui->live_host));
	ui_live_header(ui, label, ui_live_progress(ui));
	build(ui, c, it, area->width, area->height, false);
	if (ui->rows.n > area->height) {  /* the answers and the board rather than the rest */
		ui_draw_rows_clear(&ui->rows);
		build(ui, c, it, area->width, area->height, true);
	}
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

static bool closed_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct closed *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER: ui_live_act(ui, live_host_next(ui->live_host)); return true;
	case UI_DO_BOARD: ui_screen_push(ui, &ui_screen_live_board, NULL); return true;
	case UI_DO_QUIT: ui_live_ask_end(ui); return true;
	default: return false;
	}
}

static bool closed_tick(struct ui *ui, void *state, double now)
{
	(void)state, (void)now;
	bool moved;
	unsigned ch = ui_live_tick(ui, LIVE_HOST_CLOSED, &moved);
	return moved || ch != 0;
}

static bool closed_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                            struct ui_foot *f)
{
	const struct live_host *h = ui->live_host;
	if (row->act == UI_DO_ENTER && live_host_index(h) + 1 >= live_host_count(h))
		snprintf(f->does, sizeof f->does, "podium");
	return ui_live_describe(ui, state, row, f);
}

static const struct ui_key closed_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "next question"),
	UI_KEY('l', UI_DO_BOARD, "l", "leaderboard"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_live_end_keys),
	UI_KEYS_END
};

const struct ui_screen ui_screen_live_closed = {
	.name = "live closed",
	.state_size = sizeof(struct closed),
	.draw = closed_draw,
	.key = closed_key,
	.tick = closed_tick,
	.keys = closed_keys,
	.describe = closed_describe,
	.help = "The question is closed: its right answer, how the class answered (a bar for each "
	        "option, the right ones marked, or for a typed answer how many were right), and the "
	        "top of the leaderboard, with how each rank moved and what the question earned. "
	        "Every answer is judged and recorded already. Enter opens the next question for "
	        "everyone (after the last, the podium); l shows the whole leaderboard; e or q ends "
	        "the drill.",
};
