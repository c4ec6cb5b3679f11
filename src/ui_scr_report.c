/* ui_scr_report — the drill report on the full screen: the lines
 * report_text lays out, drawn with their looks and bars and scrolled.
 * Watching (recall report --watch), it polls the results every half
 * second (report_live) and shows the leaderboard, with each rank's change
 * since the answers before, and the share right of each question as they
 * change; it ends by itself once the class is complete (--until-complete). */
#include <stdio.h>
#include <string.h>

#include "report_live.h"
#include "report_text.h"
#include "text.h"
#include "ui_screens.h"

#define POLL_SECONDS 0.5

/* The screen's state. */
struct report_screen {
	struct report_live *lv;  /* the report and the store (borrowed) */
	bool watch;              /* live: poll, and the live view */
	size_t scroll;           /* first body row shown */
	double next_poll;        /* when to look again (monotonic seconds); 0: at once */
	size_t polls;            /* polls done, for the note of waiting */
};

static int report_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct report_screen *s = state;
	const struct ui_report_arg *a = arg;
	s->lv = a->lv;
	s->watch = a->watch;
	return 0;
}

/* What report_render hands each line: made into a row of the body. */
struct drawing {
	struct ui *ui;
};

static enum ui_look look_of(enum report_look l)
{
	switch (l) {
	case REPORT_LOOK_TITLE: return UI_LOOK_BOLD;
	case REPORT_LOOK_HEAD:
	case REPORT_LOOK_DIM: return UI_LOOK_DIM;
	default: return UI_LOOK_PLAIN;
	}
}

static int add_row(void *ctx, const struct report_line *l)
{
	struct drawing *d = ctx;
	struct ui_rows *r = &d->ui->rows;
	struct ui_row *row = ui_draw_row(r, 0, false);
	enum ui_look look = look_of(l->look);
	if (!l->has_bar) {
		ui_draw_span(r, row, 0, look, l->text, strlen(l->text));
		return 0;
	}
	const struct chart_span *b = &l->bar;
	ui_draw_span(r, row, 0, look, l->text, b->start);
	ui_draw_span(r, row, 1, UI_LOOK_BAR, l->text + b->start, b->split - b->start);
	ui_draw_span(r, row, 2, UI_LOOK_BAR_EMPTY, l->text + b->split, b->end - b->split);
	ui_draw_span(r, row, 3, look, l->text + b->end, strlen(l->text + b->end));
	return 0;
}

/* The body while there is nothing to report: what the watch waits for. */
static void waiting(struct ui *ui, const struct report_screen *s, size_t width)
{
	char b[1024], e[600];
	const struct report_live *lv = s->lv;
	if (lv->waiting_file)
		snprintf(b, sizeof b, "Waiting: no results database at '%s' yet.",
		         text_escape_into(lv->path, false, e, sizeof e));
	else
		snprintf(b, sizeof b, "Waiting: class '%s' has no drill yet.",
		         text_escape_into(lv->klass, false, e, sizeof e));
	ui_draw_wrap(&ui->rows, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
}

static void report_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct report_screen *s = state;
	const struct report *rep = s->lv->rep;
	char klass[256], right[96], label[128];
	text_escape_into(s->lv->klass, false, klass, sizeof klass);
	snprintf(right, sizeof right, "%s%s%zu answer%s", s->watch ? "live" : "",
	         !s->watch ? "" : ui_draw_unicode() ? " \u00b7 " : " - ", rep ? rep->nanswers : 0,
	         rep && rep->nanswers == 1 ? "" : "s");
	char title[300];
	snprintf(title, sizeof title, "Report: class %s", klass);
	double done = -1;
	if (rep && s->watch) {
		size_t want = rep->nstudents * rep->drill.count;
		done = want ? (double)rep->nanswers / (double)want : 0;
		snprintf(label, sizeof label, "drill %.8s: %zu of %zu answers", rep->drill.id,
		         rep->nanswers, want);
	} else if (rep) {
		snprintf(label, sizeof label, "drill %s", rep->drill.id);
	} else {
		snprintf(label, sizeof label, "no drill yet");
	}
	ui_draw_header(title, right, label, s->watch ? done : -1.0);
	if (!rep) {
		waiting(ui, s, area->width);
	} else {
		unsigned show = s->watch ? REPORT_SHOW_BOARD | REPORT_SHOW_QUESTIONS
		                         : REPORT_SHOW_ALL & ~REPORT_SHOW_TITLE;
		struct report_view v = { .width = area->width, .unicode = ui_draw_unicode(),
		                         .show = show, .live = s->watch };
		struct drawing d = { ui };
		if (report_render(rep, &v, add_row, &d) < 0)
			ui_screen_fail(ui, "out of memory");
	}
	ui_draw_body(&ui->rows, area->top, area->height, &s->scroll);
}

static bool report_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)ui, (void)key;
	struct report_screen *s = state;
	return ui_keys_scroll_by(&s->scroll, act);
}

/* Watching: looks for answers every half second; draws again when some
 * came (or a drill); ends the screen once the class is complete. */
static bool report_tick(struct ui *ui, void *state, double now)
{
	struct report_screen *s = state;
	if (!s->watch || now < s->next_poll)
		return false;
	s->next_poll = now + POLL_SECONDS;
	char err[1024];
	bool had = s->lv->rep != NULL, waited = s->lv->waiting_file;
	long n = report_live_poll(s->lv, NULL, NULL, err, sizeof err);
	if (n < 0) {
		ui_screen_fail(ui, err);
		return true;
	}
	if (report_live_complete(s->lv))
		ui->done = true;
	return n > 0 || had != (s->lv->rep != NULL) || waited != s->lv->waiting_file ||
	       s->polls++ == 0;
}

static const struct ui_key report_keys[] = {
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

static const char *report_help(const struct ui *ui, const void *state)
{
	(void)ui;
	const struct report_screen *s = state;
	if (s->watch)
		return "The drill as the class answers it, looked at every half second: the "
		       "leaderboard (rank, its change since the answers before, score, grade, "
		       "questions answered) and the share right of each question. The results are "
		       "only read. The arrows, j and k, Page Up and Page Down scroll; q leaves.";
	return "The drill's report: the leaderboard; each question, hardest first, with the "
	       "share right (facility), discrimination (the share right among the top 27% of "
	       "students by grade less that among the bottom 27%), the most common wrong answer "
	       "and the average seconds; the share right of each question as bars; what each "
	       "student missed. The arrows, j and k, Page Up and Page Down scroll; q leaves.";
}

const struct ui_screen ui_screen_report = {
	.name = "report",
	.state_size = sizeof(struct report_screen),
	.open = report_open,
	.draw = report_draw,
	.key = report_key,
	.tick = report_tick,
	.keys = report_keys,
	.help_now = report_help,
};
