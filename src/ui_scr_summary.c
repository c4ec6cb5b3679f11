/* ui_scr_summary — the end of a quiz: the score, the results by tag as
 * bars, and every missed question with its answer; retry the missed ones,
 * or back to the decks. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "layout.h"
#include "score.h"
#include "text.h"
#include "ui_quiz.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct summary_screen {
	struct summary sum;  /* of the quiz just ended (owned arrays) */
	bool have_sum;       /* sum is filled */
	size_t scroll;       /* first body row shown */
};

/* Ends the quiz in hand and sums it up; the first summary also goes to
 * --summary-json. */
static int summary_open(struct ui *ui, void *state, const void *arg)
{
	(void)arg;
	struct summary_screen *st = state;
	ui_quiz_finish(ui);
	st->have_sum = session_summarize(ui_screen_quiz(ui), &st->sum) == 0;
	return st->have_sum ? 0 : -1;
}

static void summary_close(struct ui *ui, void *state)
{
	(void)ui;
	struct summary_screen *st = state;
	if (st->have_sum)
		session_summary_free(&st->sum);
	st->have_sum = false;
}

/* One row of the bar chart: the tag, a bar of its share of points, the
 * percentage and the count right. */
static void tag_row(struct ui_rows *r, size_t width, size_t namew, const struct tag_stat *t)
{
	char tail[96];
	snprintf(tail, sizeof tail, " %3.0f%%  %zu of %zu right", t->grade, t->correct, t->held);
	if (namew + 2 + ui_draw_width(tail) + 6 > width)
		snprintf(tail, sizeof tail, " %3.0f%%", t->grade);  /* no room for the count */
	ui_draw_bar_row(r, 2, width, t->tag, namew, t->grade / 100.0, tail);
}

/* The grade and the score, the counts, the streak and time; then the
 * bars by tag. */
static void build_totals(struct ui *ui, const struct summary *m, size_t width)
{
	struct ui_rows *r = &ui->rows;
	char b[512], x[32];
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, verdict_summary_grade(m, b, sizeof b), UI_LOOK_BOLD, false);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, verdict_summary_score(m, b, sizeof b), UI_LOOK_PLAIN, false);
	const char *dot = ui_draw_glyph(UI_GLYPH_DOT);
	snprintf(b, sizeof b, "%s %zu right %s %s %zu partly right %s %s %zu wrong %s %s %zu skipped",
	         ui_draw_glyph(UI_GLYPH_RIGHT), m->correct, dot, ui_draw_glyph(UI_GLYPH_PARTIAL), m->partial, dot,
	         ui_draw_glyph(UI_GLYPH_WRONG), m->wrong, dot, ui_draw_glyph(UI_GLYPH_SKIP), m->skipped);
	if (m->unreached)
		snprintf(b + strlen(b), sizeof b - strlen(b), " %s %zu not reached", dot, m->unreached);
	snprintf(b + strlen(b), sizeof b - strlen(b), " (of %zu)", session_count(ui_screen_quiz(ui)));
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	score_format_duration(m->seconds, x, sizeof x);
	snprintf(b, sizeof b, "Best streak %u %s time %s", m->best_streak, dot, x);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_PLAIN, false);
	if (!m->ntags)
		return;
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, "By tag (share of the points)", UI_LOOK_BOLD, false);
	size_t namew = 0;
	for (size_t i = 0; i < m->ntags; i++) {
		text_escape_into(m->tags[i].tag, false, b, sizeof b);
		size_t w = ui_draw_width(b);
		namew = w > namew ? w : namew;
	}
	size_t cap = width / 3 > 6 ? width / 3 : 6;
	namew = namew > cap ? cap : namew;
	for (size_t i = 0; i < m->ntags; i++)
		tag_row(r, width > 2 ? width - 2 : 1, namew, &m->tags[i]);
}

/* The offer of a retry, when there is anything to retry. */
static void build_retry(struct ui_rows *r, const struct summary *m, size_t width)
{
	char b[160];
	if (!m->nretry)
		return;
	verdict_retry_offer(m->nmissed, m->unreached, b, sizeof b);
	snprintf(b + strlen(b), sizeof b - strlen(b), " Press r.");
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
}

/* Every missed question, with its answer and why; then the offer of a
 * retry. */
static void build_missed(struct ui_rows *r, const struct summary *m, size_t width)
{
	char b[64];
	if (m->nmissed == 0) {
		const char *say = !m->asked ? "No question answered." : m->unreached ?
		                  "Nothing missed of those answered." : "Nothing missed.";
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, say, UI_LOOK_BOLD, false);
		build_retry(r, m, width);
		return;
	}
	snprintf(b, sizeof b, "Missed (%zu)", m->nmissed);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	for (size_t i = 0; i < m->nmissed; i++) {
		const struct item *it = m->missed[i];
		enum outcome o = it->verdict.outcome;
		char mark[16];
		snprintf(mark, sizeof mark, "%s ", ui_draw_glyph(o == OUT_PARTIAL ? UI_GLYPH_PARTIAL :
		                                                 o == OUT_WRONG ? UI_GLYPH_WRONG : UI_GLYPH_SKIP));
		ui_draw_wrap(r, width, 0, mark, o == OUT_PARTIAL ? UI_LOOK_PARTIAL : o == OUT_WRONG ? UI_LOOK_WRONG :
		             UI_LOOK_BOLD, it->q->prompt, UI_LOOK_PLAIN, false);
		char *right = answer_format(it->q);
		ui_draw_wrap(r, width, 2, "Answer: ", UI_LOOK_BOLD, right ? right : "", UI_LOOK_PLAIN, false);
		free(right);
		if (it->q->explanation)
			ui_draw_wrap(r, width, 2, "Why: ", UI_LOOK_DIM, it->q->explanation, UI_LOOK_DIM, false);
	}
	build_retry(r, m, width);
}

/* The header: the deck's title when the quiz had one deck. */
static void summary_header(const struct ui *ui, const struct summary *m)
{
	const struct session *s = ui_screen_quiz(ui);
	const struct deck *d = NULL;
	bool one = true;
	for (size_t i = 0; i < session_count(s); i++) {
		const struct deck *di = session_item(s, i)->deck;
		one = one && (!d || d == di);
		d = di;
	}
	char title[512], e[480], label[64], g[32];
	if (d && one)
		snprintf(title, sizeof title, "Summary: %s", text_escape_into(d->title, false, e, sizeof e));
	else
		snprintf(title, sizeof title, "Summary");
	snprintf(label, sizeof label, "grade %s", verdict_format_grade(m->grade, g, sizeof g));
	ui_draw_header(title, "", label, m->grade / 100.0);
}

static void summary_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct summary_screen *st = state;
	summary_header(ui, &st->sum);
	if (ui->error[0]) {
		ui_draw_wrap(&ui->rows, area->width, 0, "", UI_LOOK_PLAIN, ui->error, UI_LOOK_WARN, false);
		ui_draw_blank(&ui->rows);
	}
	build_totals(ui, &st->sum, area->width);
	ui_draw_blank(&ui->rows);
	build_missed(&ui->rows, &st->sum, area->width);
	ui_draw_body(&ui->rows, area->top, area->height, &st->scroll);
}

/* Asks the missed questions and those not reached again, in a new
 * session in place of this one. */
static void retry(struct ui *ui, struct summary_screen *st)
{
	if (!st->have_sum || st->sum.nretry == 0)
		return;
	struct session *r = session_retry(ui_screen_quiz(ui));
	if (!r) {
		ui_screen_fail(ui, "out of memory");
		return;
	}
	session_free(*ui->sp);
	*ui->sp = r;
	ui_screen_replace(ui, &ui_screen_question, NULL);
}

/* Back to the start screen under this one.  The quiz stays the last one
 * in hand (its summary is printed at the end) until another starts. */
static void back_to_decks(struct ui *ui)
{
	if (ui->lib)
		ui_screen_pop(ui);
}

static bool summary_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct summary_screen *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	switch (act) {
	case UI_DO_RETRY: retry(ui, st); return true;
	case UI_DO_DECKS: back_to_decks(ui); return true;
	default: return false;
	}
}

static bool summary_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                             struct ui_foot *f)
{
	const struct summary_screen *st = state;
	switch (row->act) {
	case UI_DO_RETRY:
		if (!st->have_sum || st->sum.nretry == 0)
			return false;
		if (st->sum.nmissed && st->sum.unreached)  /* the body says how many of each */
			snprintf(f->does, sizeof f->does, "retry %zu questions", st->sum.nretry);
		else if (st->sum.nmissed)
			snprintf(f->does, sizeof f->does, "retry %zu missed", st->sum.nmissed);
		else
			snprintf(f->does, sizeof f->does, "retry %zu not reached", st->sum.unreached);
		return true;
	case UI_DO_DECKS:
		return ui->lib != NULL;
	default:
		return true;
	}
}

static const struct ui_key summary_keys[] = {
	UI_KEY('r', UI_DO_RETRY, "r", "retry missed"),
	UI_KEY('b', UI_DO_DECKS, "b", "decks"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_summary = {
	.name = "summary",
	.state_size = sizeof(struct summary_screen),
	.open = summary_open,
	.close = summary_close,
	.draw = summary_draw,
	.key = summary_key,
	.keys = summary_keys,
	.describe = summary_describe,
	.help = "The grade (the share of the questions' points earned), the score (with streak "
	        "bonuses), the results by tag, and every missed question with its answer. "
	        "r asks the missed questions and those not reached again.",
};
