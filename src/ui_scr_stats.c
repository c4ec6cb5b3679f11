/* ui_scr_stats — the statistics of the progress database (stats.h), as
 * `recall stats` prints them, drawn with bars and scrolled: questions by
 * state, due today, the forecast, reviews per day, retention per week, the
 * streak, the hardest questions and those changed since their review. */
#include <stdio.h>
#include <time.h>

#include "stats.h"
#include "ui_screens.h"

#define LABEL_W 10  /* the labels of the bars: "learning", "Mon 03 Mar" */

/* The screen's state. */
struct stats_screen {
	const struct stats *st;  /* the figures (borrowed) */
	size_t scroll;           /* first body row shown */
};

static int stats_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct stats_screen *s = state;
	s->st = arg;
	return 0;
}

static unsigned max_of(const unsigned *v, size_t n)
{
	unsigned m = 0;
	for (size_t i = 0; i < n; i++)
		m = v[i] > m ? v[i] : m;
	return m;
}

/* The local date of the start of day `day` as "Mon 03 Mar". */
static const char *date_of(const struct stats *st, int day, char buf[32])
{
	time_t t = (time_t)stats_day_start(st, day);
	struct tm tm;
	localtime_r(&t, &tm);
	strftime(buf, 32, "%a %d %b", &tm);
	return buf;
}

static void title(struct ui_rows *r, size_t width, const char *text)
{
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, text, UI_LOOK_BOLD, false);
}

/* One bar of v out of max, the count after it. */
static void count_bar(struct ui_rows *r, size_t width, const char *label, unsigned v, unsigned max)
{
	char tail[32];
	snprintf(tail, sizeof tail, " %5u", v);
	ui_draw_bar_row(r, 2, width > 2 ? width - 2 : 1, label, LABEL_W, max ? (double)v / max : 0.0, tail);
}

static void build_items(struct ui_rows *r, size_t width, const struct stats *st)
{
	static const char *const names[4] = { "new", "learning", "review", "mature" };
	unsigned v[4] = { st->items_new, st->items_learning, st->items_review, st->items_mature };
	char b[128];
	snprintf(b, sizeof b, "Questions (%u)%s", v[0] + v[1] + v[2] + v[3], st->missing ? ", none studied yet" : "");
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_BOLD, false);
	for (int i = 0; i < 4; i++)
		count_bar(r, width, names[i], v[i], max_of(v, 4));
	snprintf(b, sizeof b, "Due today: %u", st->due_today);
	title(r, width, b);
}

static void build_days(struct ui_rows *r, size_t width, const struct stats *st)
{
	char b[128], d[32];
	snprintf(b, sizeof b, "Due in the next %d days", STATS_FORECAST_DAYS);
	title(r, width, b);
	unsigned max = max_of(st->forecast, STATS_FORECAST_DAYS);
	for (int i = 0; i < STATS_FORECAST_DAYS; i++)
		count_bar(r, width, i ? date_of(st, i, d) : "today", st->forecast[i], max);
	snprintf(b, sizeof b, "Reviews in the last %d days (%llu in all)", STATS_HISTORY_DAYS,
	         (unsigned long long)st->reviews_total);
	title(r, width, b);
	max = max_of(st->history, STATS_HISTORY_DAYS);
	for (int i = STATS_HISTORY_DAYS - 1; i >= 0; i--)
		count_bar(r, width, i ? date_of(st, -i, d) : "today", st->history[i], max);
}

static void build_weeks(struct ui_rows *r, size_t width, const struct stats *st)
{
	char d[32], tail[64];
	title(r, width, "Retention per week (reviews in review not graded again)");
	for (int i = STATS_WEEKS - 1; i >= 0; i--) {
		const struct stats_week *w = &st->weeks[i];
		double ret = stats_week_retention(w);
		snprintf(tail, sizeof tail, " %3.0f%% %u/%u", 100 * ret, w->passed, w->reviews);
		ui_draw_bar_row(r, 2, width > 2 ? width - 2 : 1, date_of(st, -7 * i - 6, d), LABEL_W, ret, tail);
	}
}

/* deck/question, as one text (escaped when drawn). */
static const char *qname(const struct stats_question *q, char *buf, size_t size)
{
	snprintf(buf, size, "%s/%s", q->deck, q->question);
	return buf;
}

static void build_lists(struct ui_rows *r, size_t width, const struct stats *st)
{
	char b[600], n[64];
	snprintf(b, sizeof b, "Streak: %u day%s", st->streak, st->streak == 1 ? "" : "s");
	title(r, width, b);
	title(r, width, "Hardest questions (most lapses, then lowest recall now)");
	if (!st->nhardest)
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, "none yet", UI_LOOK_DIM, false);
	for (size_t i = 0; i < st->nhardest; i++) {
		snprintf(n, sizeof n, "%u lapses, %.0f%%: ", st->hardest[i].lapses, 100 * st->hardest[i].retrievability);
		ui_draw_wrap(r, width, 2, n, UI_LOOK_DIM, qname(&st->hardest[i], b, sizeof b), UI_LOOK_PLAIN, false);
	}
	snprintf(b, sizeof b, "Changed since their last review: %u", st->changed);
	title(r, width, b);
	for (size_t i = 0; i < st->nchanged_list; i++)
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, qname(&st->changed_list[i], b, sizeof b), UI_LOOK_PLAIN, false);
	if (st->changed > st->nchanged_list) {
		snprintf(b, sizeof b, "and %zu more", (size_t)st->changed - st->nchanged_list);
		ui_draw_wrap(r, width, 2, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
	}
}

static void stats_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct stats_screen *s = state;
	char right[64], label[64];
	snprintf(right, sizeof right, "streak %u day%s", s->st->streak, s->st->streak == 1 ? "" : "s");
	snprintf(label, sizeof label, "%u due today", s->st->due_today);
	ui_draw_header("Statistics", right, label, -1.0);
	build_items(&ui->rows, area->width, s->st);
	build_days(&ui->rows, area->width, s->st);
	build_weeks(&ui->rows, area->width, s->st);
	build_lists(&ui->rows, area->width, s->st);
	ui_draw_body(&ui->rows, area->top, area->height, &s->scroll);
}

static bool stats_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct stats_screen *s = state;
	if (act == UI_DO_CLOSE && ui_screen_under(ui, state)) {
		ui_screen_pop(ui);  /* back to the screen it was opened from */
		return true;
	}
	return ui_keys_scroll_by(&s->scroll, act);
}

static bool stats_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                           struct ui_foot *f)
{
	(void)f;
	return row->act != UI_DO_CLOSE || ui_screen_under(ui, state);
}

static const struct ui_key stats_keys[] = {
	UI_KEY('b', UI_DO_CLOSE, "b", "back"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_stats = {
	.name = "stats",
	.state_size = sizeof(struct stats_screen),
	.open = stats_open,
	.draw = stats_draw,
	.key = stats_key,
	.keys = stats_keys,
	.describe = stats_describe,
	.help = "The progress database's figures, as recall stats prints them: questions by "
	        "state, what is due today and in the next 30 days, the reviews of the last 30 "
	        "days, the retention of each week, the streak, the hardest questions and those "
	        "changed since their last review. The arrows, j and k, Page Up and Page Down "
	        "scroll; b goes back where it was opened from.",
};
