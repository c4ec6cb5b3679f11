/* cmd_stats — `recall stats`: the figures of stats.c as text with bars, or
 * as JSON (docs/progress.md gives its shape). */
#include "cmd_stats.h"

#include "cmd_common.h"

#include <cJSON.h>
#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "deck.h"
#include "diag.h"
#include "layout.h"
#include "prefs.h"
#include "stats.h"
#include "store.h"
#include "text.h"
#include "ui_curses.h"


#define BAR_WIDTH 40   /* columns of a bar: with its label and number, within 80 */

static const char usage_stats[] =
	"usage: recall stats [OPTION]... [DECK]...\n"
	"\n"
	"Shows the progress of study mode: questions by state, what is due today\n"
	"and in the next 30 days, reviews per day, true retention per week, the\n"
	"daily streak, the hardest questions and those changed since their last\n"
	"review.  With decks, only those (their questions never studied count as\n"
	"new); without, every deck in the database.\n"
	"\n"
	"      --json          the same figures as JSON\n"
	"      --plain         as text even on a terminal (full-screen there otherwise)\n"
	"      --db PATH       the progress database (default\n"
	"                      ~/.local/share/recall/recall.db)\n"
	"      --now TIME      the time to count from (ISO 8601 or Unix seconds)\n"
	"      --day-starts H  the hour a new day starts (0-23; default 4)\n"
	"  -h, --help          show this help\n";

struct stats_args {
	const char *db;
	char db_buf[4096];
	int64_t now;
	bool have_now, json, plain;
	struct prefs prefs;
};

/* s escaped for the terminal, in b. */
#define ESC(s, b) text_escape_into((s), false, (b), sizeof (b))

/* Parses the options; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct stats_args *a)
{
	enum { OPT_JSON = 256, OPT_DB, OPT_NOW, OPT_DAY, OPT_PLAIN };
	static const struct option opts[] = {
		{ "json", no_argument, NULL, OPT_JSON },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "db", required_argument, NULL, OPT_DB },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "day-starts", required_argument, NULL, OPT_DAY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char err[1024];
	int c;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_JSON: a->json = true; break;
		case OPT_PLAIN: a->plain = true; break;
		case OPT_DB: a->db = optarg; break;
		case OPT_NOW:
			if (prefs_parse_now(optarg, &a->now, err, sizeof err) != 0)
				return cmd_error("%s", err);
			a->have_now = true;
			break;
		case OPT_DAY:
			if (prefs_set(&a->prefs, "day-starts", optarg, err, sizeof err) != 0)
				return cmd_error("--%s", err);  /* "day-starts: ..." */
			break;
		case 'h': fputs(usage_stats, stdout); return CMD_EXIT_OK;
		default: return cmd_bad_option(c, argv, "stats");
		}
	}
	if (!a->db) {
		if (prefs_db_path(a->db_buf, sizeof a->db_buf) != 0)
			return cmd_error("%s", "cannot tell where the progress database is (set HOME or use --db)");
		a->db = a->db_buf;
	}
	return -1;
}

/* ---- text ------------------------------------------------------------ */

/* The local date of t as "Mon 03 Mar". */
static const char *date_of(int64_t t, char buf[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	strftime(buf, 32, "%a %d %b", &tm);
	return buf;
}

/* Prints a line built in b, and empties b. */
static void put_line(struct text_buf *b)
{
	char *line = text_buf_finish(b);
	puts(line ? line : "");
	free(line);
}

/* One bar line: label, bar for value of max, the value and a note. */
static void bar_line(const char *label, double value, double max, bool unicode, const char *note)
{
	struct text_buf b = {0};
	char tail[64];
	snprintf(tail, sizeof tail, " %6.0f%s", value, note ? note : "");
	chart_bar_line(&b, 2, label, 11, max > 0 ? value / max : 0, BAR_WIDTH, unicode, tail, NULL);
	put_line(&b);
}

static unsigned max_of(const unsigned *v, size_t n)
{
	unsigned m = 0;
	for (size_t i = 0; i < n; i++)
		m = v[i] > m ? v[i] : m;
	return m;
}

/* deck/question, escaped, cut to width columns. */
static const char *qname(const struct stats_question *q, size_t width, char *buf, size_t size)
{
	char d[256], k[256], both[520];
	snprintf(both, sizeof both, "%s/%s", text_escape_into(q->deck, false, d, sizeof d),
	         text_escape_into(q->question, false, k, sizeof k));
	layout_truncate(both, width, "...", buf, size);
	return buf;
}

static void print_items(const struct stats *st, bool u)
{
	unsigned v[4] = { st->items_new, st->items_learning, st->items_review, st->items_mature };
	static const char *const names[4] = { "new", "learning", "review", "mature" };
	double max = max_of(v, 4);
	printf("Questions (%u)\n", v[0] + v[1] + v[2] + v[3]);
	for (int i = 0; i < 4; i++)
		bar_line(names[i], v[i], max, u, NULL);
}

static void print_days(const struct stats *st, bool u)
{
	char d[32];
	printf("\nDue today: %u\n\nDue in the next %d days\n", st->due_today, STATS_FORECAST_DAYS);
	double max = max_of(st->forecast, STATS_FORECAST_DAYS);
	for (int i = 0; i < STATS_FORECAST_DAYS; i++)
		bar_line(date_of(stats_day_start(st, i), d), st->forecast[i], max, u, i ? NULL : "  today");
	printf("\nReviews in the last %d days (%llu in all)\n", STATS_HISTORY_DAYS,
	       (unsigned long long)st->reviews_total);
	max = max_of(st->history, STATS_HISTORY_DAYS);
	for (int i = STATS_HISTORY_DAYS - 1; i >= 0; i--)
		bar_line(date_of(stats_day_start(st, -i), d), st->history[i], max, u, i ? NULL : "  today");
}

static void print_weeks(const struct stats *st, bool u)
{
	char d[32], label[48], tail[64];
	printf("\nTrue retention per week (reviews of questions in review not graded again)\n");
	for (int i = STATS_WEEKS - 1; i >= 0; i--) {
		const struct stats_week *w = &st->weeks[i];
		double r = stats_week_retention(w);
		struct text_buf b = {0};
		snprintf(label, sizeof label, "from %s", date_of(stats_day_start(st, -7 * i - 6), d));
		snprintf(tail, sizeof tail, " %3.0f%%  %u of %u", 100 * r, w->passed, w->reviews);
		chart_bar_line(&b, 2, label, 15, r, BAR_WIDTH - 6, u, tail, NULL);
		put_line(&b);
	}
}

static void print_lists(const struct stats *st)
{
	char b[256];
	printf("\nStreak: %u day%s\n", st->streak, st->streak == 1 ? "" : "s");
	printf("\nHardest questions (most lapses, then lowest recall now)\n");
	if (!st->nhardest)
		printf("  none yet\n");
	for (size_t i = 0; i < st->nhardest; i++)
		printf("  %2zu. %-50s %3u lapses  %3.0f%%\n", i + 1, qname(&st->hardest[i], 50, b, sizeof b),
		       st->hardest[i].lapses, 100 * st->hardest[i].retrievability);
	printf("\nChanged since their last review: %u\n", st->changed);
	for (size_t i = 0; i < st->nchanged_list; i++)
		printf("  %s\n", qname(&st->changed_list[i], 76, b, sizeof b));
	if (st->changed > st->nchanged_list)
		printf("  and %zu more\n", (size_t)st->changed - st->nchanged_list);
}

static void print_text(const struct stats *st, const char *db)
{
	bool u = chart_unicode();
	char b[512];
	printf("Progress in '%s'%s\n\n", text_escape_into(db, false, b, sizeof b),
	       st->missing ? " (none yet)" : "");
	print_items(st, u);
	print_days(st, u);
	print_weeks(st, u);
	print_lists(st);
}

/* ---- JSON ------------------------------------------------------------ */

static cJSON *iso(int64_t t)
{
	char b[32];
	store_time_iso(t, b);
	return cJSON_CreateString(b);
}

static cJSON *counts(const unsigned *v, size_t n)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < n; i++)
		cJSON_AddItemToArray(a, cJSON_CreateNumber(v[i]));
	return a;
}

static cJSON *questions(const struct stats_question *v, size_t n, bool hard)
{
	cJSON *a = cJSON_CreateArray();
	for (size_t i = 0; a && i < n; i++) {
		cJSON *o = cJSON_CreateObject();
		cJSON_AddStringToObject(o, "deck", v[i].deck);
		cJSON_AddStringToObject(o, "question", v[i].question);
		if (hard) {
			cJSON_AddNumberToObject(o, "lapses", v[i].lapses);
			cJSON_AddNumberToObject(o, "retrievability", v[i].retrievability);
		}
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static cJSON *weeks(const struct stats *st)
{
	cJSON *a = cJSON_CreateArray();
	for (int i = 0; a && i < STATS_WEEKS; i++) {
		const struct stats_week *w = &st->weeks[i];
		cJSON *o = cJSON_CreateObject();
		cJSON_AddItemToObject(o, "from", iso(stats_day_start(st, -7 * i - 6)));
		cJSON_AddNumberToObject(o, "reviews", w->reviews);
		cJSON_AddNumberToObject(o, "passed", w->passed);
		if (w->reviews)
			cJSON_AddNumberToObject(o, "retention", stats_week_retention(w));
		else
			cJSON_AddNullToObject(o, "retention");
		cJSON_AddItemToArray(a, o);
	}
	return a;
}

static int print_json(const struct stats *st, const char *db)
{
	cJSON *root = cJSON_CreateObject(), *items = cJSON_CreateObject();
	cJSON_AddStringToObject(root, "database", db);
	cJSON_AddBoolToObject(root, "missing", st->missing);
	cJSON_AddItemToObject(root, "now", iso(st->now));
	cJSON_AddItemToObject(root, "today", iso(st->today));
	cJSON_AddNumberToObject(items, "new", st->items_new);
	cJSON_AddNumberToObject(items, "learning", st->items_learning);
	cJSON_AddNumberToObject(items, "review", st->items_review);
	cJSON_AddNumberToObject(items, "mature", st->items_mature);
	cJSON_AddItemToObject(root, "items", items);
	cJSON_AddNumberToObject(root, "due_today", st->due_today);
	cJSON_AddItemToObject(root, "forecast", counts(st->forecast, STATS_FORECAST_DAYS));
	cJSON_AddItemToObject(root, "reviews_per_day", counts(st->history, STATS_HISTORY_DAYS));
	cJSON_AddNumberToObject(root, "reviews_total", (double)st->reviews_total);
	cJSON_AddItemToObject(root, "retention", weeks(st));
	cJSON_AddNumberToObject(root, "streak", st->streak);
	cJSON_AddItemToObject(root, "hardest", questions(st->hardest, st->nhardest, true));
	cJSON *changed = cJSON_CreateObject();
	cJSON_AddNumberToObject(changed, "count", st->changed);
	cJSON_AddItemToObject(changed, "questions", questions(st->changed_list, st->nchanged_list, false));
	cJSON_AddItemToObject(root, "changed", changed);
	char *text = cJSON_Print(root);
	cJSON_Delete(root);
	if (!text) {
		fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	printf("%s\n", text);
	cJSON_free(text);
	return CMD_EXIT_OK;
}

/* ---- the command ------------------------------------------------------ */

/* Loads the decks named; returns -1 when all loaded, else the exit status. */
static int load_decks(char **paths, size_t n, struct deck **decks)
{
	int rc = -1;
	for (size_t i = 0; i < n; i++) {
		struct diags d = {0};
		decks[i] = deck_load(paths[i], &d);
		diag_print(&d, stderr);
		if (!decks[i])
			rc = d.nerrors == 1 && d.v[0].line == 0 ? CMD_EXIT_USAGE : CMD_EXIT_INVALID;
		diag_free(&d);
	}
	return rc;
}

/* Opens the database read-only; *s NULL when there is none yet.  Returns
 * -1 when opened (or missing), else the exit status. */
static int open_db(const char *path, struct store **s)
{
	struct stat sb;
	char err[1024];
	*s = NULL;
	if (stat(path, &sb) != 0 && errno == ENOENT) {
		cmd_error("no progress yet at '%s'", ESC(path, err));
		return -1;
	}
	if (store_open(path, STORE_READONLY, STORE_BUSY_DEFAULT_MS, s, err, sizeof err) != 0) {
		fprintf(stderr, "recall: %s\n", err);
		return CMD_EXIT_USAGE;
	}
	return -1;
}

int cmd_stats(int argc, char **argv)
{
	struct stats_args a = {0};
	char err[1024];
	prefs_defaults(&a.prefs);
	if (prefs_load(&a.prefs, NULL, err, sizeof err) != 0)
		return cmd_error("%s", err);
	int rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	size_t ndecks = (size_t)(argc - optind);
	struct deck **decks = calloc(ndecks ? ndecks : 1, sizeof *decks);
	struct store *s = NULL;
	struct stats st;
	memset(&st, 0, sizeof st);
	if (!decks)
		return cmd_error("%s", "out of memory");
	rc = load_decks(argv + optind, ndecks, decks);
	if (rc < 0)
		rc = open_db(a.db, &s);
	if (rc < 0 && stats_compute(s, decks, ndecks, &a.prefs.sched, prefs_now(a.have_now ? &a.now : NULL),
	                            &st, err, sizeof err) != 0)
		rc = cmd_error("%s", err);
	if (rc < 0 && a.json)
		rc = print_json(&st, a.db);
	if (rc < 0 && !a.plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		struct ui_curses_opts co = {0};
		rc = ui_curses_stats(&st, &co);  /* full-screen on a terminal */
		rc = rc == UI_CURSES_NO_TERMINAL ? -1 : rc;
	}
	if (rc < 0) {
		print_text(&st, a.db);
		rc = CMD_EXIT_OK;
	}
	stats_free(&st);
	store_close(s);
	for (size_t i = 0; i < ndecks; i++)
		deck_free(decks[i]);
	free(decks);
	return rc;
}
