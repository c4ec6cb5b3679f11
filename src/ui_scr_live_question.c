/* ui_scr_live_question — the live drill's open question, on the
 * projector: its countdown (PAUSED while the teacher holds the clock), how
 * many of the class answered, the prompt and the options as the students
 * see them.  Enter closes it now, p pauses or goes on, s skips it. */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "ui_drill.h"
#include "ui_timed.h"
#include "ui_live_host.h"
#include "ui_screens.h"

/* The screen's state. */
struct asking {
	size_t scroll;                /* first body row shown */
	struct ui_timed_clock clock;  /* the countdown as last drawn */
	size_t answered, joined;      /* as last drawn */
};

/* The options as the students see them: numbered in the order shown
 * (match: the items numbered, their partners lettered), or what they type. */
static void build_options(struct ui_rows *r, const struct item *it, size_t width)
{
	const struct question *q = it->q;
	char label[32];
	for (size_t k = 0; k < it->nshown; k++) {
		size_t i = q->type == Q_MATCH ? k : it->shown[k];
		snprintf(label, sizeof label, "%zu. ", k + 1);
		ui_draw_wrap(r, width, 2, label, UI_LOOK_KEY, q->choices[i], UI_LOOK_PLAIN, false);
	}
	if (q->type == Q_MATCH) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, "Partners:", UI_LOOK_DIM, false);
		for (size_t k = 0; k < it->nshown; k++) {
			snprintf(label, sizeof label, "%c. ", (char)('a' + k));
			ui_draw_wrap(r, width, 2, label, UI_LOOK_KEY, q->rights[it->shown[k]], UI_LOOK_PLAIN, false);
		}
	}
	char say[256];
	switch (q->type) {
	case Q_TRUEFALSE: snprintf(say, sizeof say, "true or false"); break;
	case Q_NUMBER:
		if (q->unit)
			snprintf(say, sizeof say, "a number, in %s", q->unit);
		else
			snprintf(say, sizeof say, "a number");
		break;
	case Q_TEXT: snprintf(say, sizeof say, "a typed answer"); break;
	default: say[0] = '\0'; break;
	}
	if (say[0])
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, say, UI_LOOK_DIM, false);
}

/* The rows of the question: its type and points, the prompt, the options;
 * compact: without the type and the blank rows, for a low window. */
static void build(struct ui_rows *r, const struct item *it, size_t width, bool compact)
{
	ui_timed_head(r, it, width, compact);
	build_options(r, it, width);
}

/* "2 of 30 answered" and a bar of it, at row y across width columns. */
static void draw_answered(struct asking *st, size_t y, size_t width)
{
	char b[96], bar[1024];
	size_t split;
	snprintf(b, sizeof b, "%zu of %zu answered ", st->answered, st->joined);
	size_t x = 1 + ui_draw_put_at(y, 1, UI_LOOK_BOLD, b, width);
	size_t bw = width + 1 > x ? width + 1 - x : 0;
	if (bw > 40)
		bw = 40;
	double frac = st->joined ? (double)st->answered / (double)st->joined : 0;
	layout_bar(frac > 1 ? 1 : frac, bw, ui_draw_unicode(), bar, sizeof bar, &split);
	move(ui_draw_int(y), ui_draw_int(x));
	attrset(ui_draw_attr(UI_LOOK_BAR));
	ui_draw_put(bar, split, bw);
	attrset(ui_draw_attr(UI_LOOK_BAR_EMPTY));
	ui_draw_put(bar + split, strlen(bar + split), bw);
	attrset(A_NORMAL);
}

static void question_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct asking *st = state;
	const struct live_host *h = ui->live_host;
	const struct item *it = live_host_item(h);
	if (!it)
		return;
	char label[96];
	snprintf(label, sizeof label, "question %zu / %zu", live_host_index(h) + 1, live_host_count(h));
	ui_live_header(ui, label, ui_live_progress(ui));
	size_t top = area->top, height = area->height, cols = ui_draw_cols() - 2;
	bool paused = live_host_state(h) == LIVE_HOST_PAUSED;
	double limit = live_host_time_limit(h);
	live_host_joined(h, &st->joined);
	st->answered = live_host_answered(h);
	size_t gap = height >= 12 ? 1 : 0;  /* a blank row under each where there is room */
	if ((limit > 0 || paused) && height > 2) {
		size_t x = 1;
		if (paused)
			x += ui_draw_put_at(top, 1, UI_LOOK_WARN, "PAUSED ", cols);
		if (limit > 0)
			ui_timed_countdown(top, x, cols + 1 - x, live_host_time_left(h), limit, NULL, &st->clock);
		top += 1 + gap;
		height -= 1 + gap;
	}
	if (height > 2) {
		draw_answered(st, top, cols);
		top += 1 + gap;
		height -= 1 + gap;
	}
	build(&ui->rows, it, area->width, false);
	if (ui->rows.n > height) {
		ui_draw_rows_clear(&ui->rows);
		build(&ui->rows, it, area->width, true);
	}
	ui_draw_body(&ui->rows, top, height, &st->scroll);
}

static bool question_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct asking *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_ENTER: ui_live_act(ui, live_host_close(ui->live_host)); return true;
	case UI_DO_PAUSE: ui_live_act(ui, live_host_pause(ui->live_host)); return true;
	case UI_DO_SKIP: ui_live_act(ui, live_host_skip(ui->live_host)); return true;
	case UI_DO_QUIT: ui_live_ask_end(ui); return true;
	default: return false;
	}
}

/* Draws again when the answers or the class changed, or the countdown
 * moved; a question that closed shows closed. */
static bool question_tick(struct ui *ui, void *state, double now)
{
	(void)now;
	struct asking *st = state;
	bool moved;
	unsigned ch = ui_live_tick(ui, LIVE_HOST_OPEN, &moved);
	if (moved)
		return true;
	double limit = live_host_time_limit(ui->live_host);
	return ch != 0 || (limit > 0 && live_host_state(ui->live_host) == LIVE_HOST_OPEN &&
	                   ui_timed_countdown_changed(&st->clock, live_host_time_left(ui->live_host), limit));
}

static bool question_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                              struct ui_foot *f)
{
	if (row->act == UI_DO_PAUSE && live_host_state(ui->live_host) == LIVE_HOST_PAUSED)
		snprintf(f->does, sizeof f->does, "go on");
	return ui_live_describe(ui, state, row, f);
}

static const struct ui_key question_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "close now"),
	UI_KEY('p', UI_DO_PAUSE, "p", "pause"),
	UI_KEY('s', UI_DO_SKIP, "s", "skip"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_live_end_keys),
	UI_KEYS_END
};

const struct ui_screen ui_screen_live_question = {
	.name = "live question",
	.state_size = sizeof(struct asking),
	.draw = question_draw,
	.key = question_key,
	.tick = question_tick,
	.keys = question_keys,
	.describe = question_describe,
	.help = "The question is open for the whole class, with the options in the order the "
	        "students see them. It closes when its time is up, when everyone who joined has "
	        "answered, or on Enter; then come the right answer, how the class answered and "
	        "the leaderboard. p stops the clock (the students see PAUSED) and p again lets it "
	        "go on; s skips the question (nothing is scored); e or q ends the drill after "
	        "this question is judged.",
};
