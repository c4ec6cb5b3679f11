/* cmd_report — `recall report`: the teacher's report of a classroom drill
 * (report.h) as text, CSV or JSON, a list of a class's drills, and the
 * watch (report_live.h) as lines or on the full screen.  The results are
 * opened read-only and never changed. */
#include "cmd_report.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "chart.h"
#include "cmd_common.h"
#include "outfile.h"
#include "prefs.h"
#include "report.h"
#include "report_export.h"
#include "report_live.h"
#include "report_text.h"
#include "results.h"
#include "stop.h"
#include "text.h"
#include "ui_curses.h"

#define TEXT_WIDTH 80
#define POLL_MS 500   /* the watch looks for new answers this often */

static const char usage_report[] =
	"usage: recall report --class NAME [OPTION]...\n"
	"\n"
	"The teacher's report of a classroom drill, from the class's results: the\n"
	"leaderboard; each question, hardest first, with the share right, how well\n"
	"it tells the stronger students from the weaker (discrimination), the most\n"
	"common wrong answer and the average time; and what each student missed.\n"
	"The results are only read, never changed.\n"
	"\n"
	"      --class NAME     the class (required)\n"
	"      --drill ID       the drill: its id, or its first 4 characters or more\n"
	"                       (default: the class's latest)\n"
	"      --list           list the class's drills\n"
	"      --results PATH   the results database, an SQLite file or a PostgreSQL\n"
	"                       URI (default: $RECALL_RESULTS, else\n"
	"                       ~/.local/share/recall/results.db)\n"
	"      --csv            as CSV: with -o FOLDER, leaderboard.csv, questions.csv\n"
	"                       and missed.csv there; with --table, that table alone\n"
	"      --table NAME     leaderboard, questions or missed (with --csv)\n"
	"      --json           the whole report as JSON\n"
	"  -o, --output PATH    write to PATH (replaced whole) instead of the output\n"
	"      --watch          follow the drill while the class answers: full screen\n"
	"                       on a terminal, else a line per answer until Ctrl-C\n"
	"      --until-complete N  the watch ends once N students have answered every\n"
	"                       question\n"
	"      --plain          text (a watch: lines) even on a terminal\n"
	"  -h, --help           show this help\n"
	"\n"
	"docs/report.md defines each figure and the CSV and JSON formats.\n";

struct report_args {
	const char *klass, *drill, *results, *output, *table;
	char results_buf[4096];
	bool list, csv, json, watch, plain;
	unsigned until_complete;
};

/* s escaped for the terminal, in b. */
#define ESC(s, b) text_escape_into((s), false, (b), sizeof (b))

/* Parses the options; returns -1 to go on, else the exit status. */
static int parse_args(int argc, char **argv, struct report_args *a)
{
	enum { OPT_CLASS = 256, OPT_DRILL, OPT_LIST, OPT_RESULTS, OPT_CSV, OPT_TABLE, OPT_JSON,
	       OPT_WATCH, OPT_UNTIL, OPT_PLAIN };
	static const struct option opts[] = {
		{ "class", required_argument, NULL, OPT_CLASS },
		{ "drill", required_argument, NULL, OPT_DRILL },
		{ "list", no_argument, NULL, OPT_LIST },
		{ "results", required_argument, NULL, OPT_RESULTS },
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "table", required_argument, NULL, OPT_TABLE },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "output", required_argument, NULL, 'o' },
		{ "watch", no_argument, NULL, OPT_WATCH },
		{ "until-complete", required_argument, NULL, OPT_UNTIL },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char b[128];
	int c;
	while ((c = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_CLASS: a->klass = optarg; break;
		case OPT_DRILL: a->drill = optarg; break;
		case OPT_LIST: a->list = true; break;
		case OPT_RESULTS: a->results = optarg; break;
		case OPT_CSV: a->csv = true; break;
		case OPT_TABLE: a->table = optarg; break;
		case OPT_JSON: a->json = true; break;
		case 'o': a->output = optarg; break;
		case OPT_WATCH: a->watch = true; break;
		case OPT_PLAIN: a->plain = true; break;
		case OPT_UNTIL: {
			char *end;
			errno = 0;
			unsigned long n = strtoul(optarg, &end, 10);
			if (end == optarg || *end || errno || n < 1 || n > 1000000 || optarg[0] == '-')
				return cmd_error("--until-complete takes a number of students from 1 "
				                 "to 1000000, not '%s'", ESC(optarg, b));
			a->until_complete = (unsigned)n;
			break;
		}
		case 'h': fputs(usage_report, stdout); return CMD_EXIT_OK;
		default: return cmd_bad_option(c, argv, "report");
		}
	}
	if (optind < argc)
		return cmd_error("report takes no files: '%s' (try 'recall report --help')",
		                 ESC(argv[optind], b));
	if (!a->klass || !a->klass[0])
		return cmd_error("report needs the class: --class NAME (try 'recall report --help')");
	if (a->csv && a->json)
		return cmd_error("--csv and --json: one or the other");
	if (a->table && !a->csv)
		return cmd_error("--table chooses a table of --csv");
	if (a->table && report_table_by_name(a->table) < 0)
		return cmd_error("--table: no table '%s'; there are leaderboard, questions and missed",
		                 ESC(a->table, b));
	if (a->csv && !a->table && !a->output)
		return cmd_error("--csv writes three tables: give -o FOLDER for the three files, or "
		                 "--table NAME for one");
	if (a->output && !a->csv && !a->json)
		return cmd_error("-o writes --csv or --json");
	if (a->watch && (a->csv || a->json || a->list))
		return cmd_error("--watch shows the report as it changes; --csv, --json and --list "
		                 "are for a report as it is");
	if (a->until_complete && !a->watch)
		return cmd_error("--until-complete ends a --watch");
	if (a->list && (a->csv || a->json))
		return cmd_error("--list lists the drills as text");
	if (!a->results) {
		if (prefs_results_path(a->results_buf, sizeof a->results_buf) != 0)
			return cmd_error("cannot tell where the results are (set RECALL_RESULTS or HOME, "
			                 "or use --results)");
		a->results = a->results_buf;
	}
	return -1;
}

/* ---- the list of drills ------------------------------------------------- */

/* A drill's counts, for the list. */
struct counting {
	size_t answers;
	struct report *rep;  /* a report of the drill, which counts its students */
};

static int count_answer(void *ctx, const struct results_answer *a)
{
	struct counting *c = ctx;
	c->answers++;
	return report_add_answer(c->rep, a, NULL) != 0;
}

/* The drills listed, one a line. */
struct listing {
	struct results *r;
	size_t n;
	int failed;
};

static int list_drill(void *ctx, const struct results_drill *d)
{
	struct listing *l = ctx;
	char err[256], when[40] = "?", b[512];
	struct counting c = { 0 };
	c.rep = report_new(d, err, sizeof err);
	if (!c.rep || results_each_answer(l->r, d->id, count_answer, &c) != 0) {
		report_free(c.rep);
		l->failed = 1;
		return 1;
	}
	time_t tt = (time_t)d->created;
	struct tm tm;
	if (gmtime_r(&tt, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	struct text_buf t = {0};
	for (size_t i = 0; i < d->ndecks; i++)
		text_buf_printf(&t, "%s%s", i ? ", " : "", d->decks[i]);
	char *decks = text_buf_finish(&t);
	if (!decks) {
		report_free(c.rep);
		l->failed = 1;
		return 1;
	}
	printf("  %s  %s  %3u question%s  %4zu student%s  %6zu answer%s  %s\n", d->id, when,
	       d->count, d->count == 1 ? " " : "s", c.rep->nstudents,
	       c.rep->nstudents == 1 ? " " : "s", c.answers, c.answers == 1 ? " " : "s",
	       ESC(decks, b));
	free(decks);
	report_free(c.rep);
	l->n++;
	return 0;
}

static int list_drills(struct results *r, const struct report_args *a)
{
	char k[256], p[512];
	printf("Drills of class '%s' in '%s', the first begun first:\n", ESC(a->klass, k),
	       ESC(results_where_shown(a->results), p));
	struct listing l = { r, 0, 0 };
	if (results_each_drill(r, a->klass, list_drill, &l) != 0)
		return cmd_error("%s", l.failed && !results_error(r)[0] ? "out of memory"
		                                                       : results_error(r));
	if (l.failed)
		return cmd_error("out of memory");
	if (l.n == 0)
		printf("  none yet\n");
	return CMD_EXIT_OK;
}

/* ---- text, CSV, JSON ------------------------------------------------------ */

static int print_line(void *ctx, const struct report_line *l)
{
	(void)ctx;
	puts(l->text);
	return ferror(stdout) ? 1 : 0;
}

static int print_text(const struct report *rep)
{
	struct report_view v = { .width = TEXT_WIDTH, .unicode = chart_unicode(),
	                         .show = REPORT_SHOW_ALL };
	if (report_render(rep, &v, print_line, NULL) < 0)
		return cmd_error("out of memory");
	return CMD_EXIT_OK;
}

/* What one output is: the JSON, or a table as CSV. */
struct output {
	bool json;
	enum report_table table;
};

/* 0, -1 when out failed, REPORT_EXPORT_OOM. */
static int write_one(const struct report *rep, struct output w, FILE *out, bool for_terminal)
{
	return w.json ? report_write_json(rep, out) : report_write_csv(rep, w.table, out, for_terminal);
}

/* Writes the output to path, replacing it whole (outfile). */
static int write_file(const struct report *rep, struct output w, const char *path)
{
	char err[1024];
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return cmd_error("out of memory");
	int r = write_one(rep, w, mem, false);
	if (fclose(mem) != 0)
		r = -1;
	if (r != 0) {
		free(buf);
		return cmd_error("out of memory");
	}
	r = outfile_replace(path, buf, len, err, sizeof err);
	free(buf);
	return r == 0 ? CMD_EXIT_OK : cmd_error("%s", err);
}

static bool is_folder(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The three tables into the folder, made when missing. */
static int write_folder(const struct report *rep, const char *dir)
{
	char b[512];
	if (!is_folder(dir) && mkdir(dir, 0777) != 0)
		return cmd_error("-o: cannot make the folder '%s': %s", ESC(dir, b), strerror(errno));
	for (int t = 0; t < REPORT_NTABLES; t++) {
		char path[4200];
		snprintf(path, sizeof path, "%s/%s.csv", dir, report_table_name((enum report_table)t));
		struct output w = { false, (enum report_table)t };
		int rc = write_file(rep, w, path);
		if (rc != CMD_EXIT_OK)
			return rc;
	}
	return CMD_EXIT_OK;
}

/* Where -o points must take what is written, before the work. */
static int check_output(const struct report_args *a)
{
	char err[1024], b[512];
	if (!a->output)
		return -1;
	if (a->csv && !a->table) {
		struct stat st;
		if (stat(a->output, &st) == 0 && !S_ISDIR(st.st_mode))
			return cmd_error("-o: '%s' is not a folder (--csv without --table writes three "
			                 "files into a folder)", ESC(a->output, b));
		return -1;
	}
	if (is_folder(a->output))
		return a->json ? cmd_error("-o: '%s' is a folder", ESC(a->output, b)) : -1;
	if (outfile_check(a->output, err, sizeof err) != 0)
		return cmd_error("-o: %s", err);
	return -1;
}

static int export(const struct report *rep, const struct report_args *a)
{
	struct output w = { a->json, a->table ? (enum report_table)report_table_by_name(a->table)
	                                      : REPORT_TABLE_LEADERBOARD };
	if (a->csv && !a->table)
		return write_folder(rep, a->output);
	if (a->output) {
		char path[4200];
		if (is_folder(a->output))  /* a table into a folder: NAME.csv there */
			snprintf(path, sizeof path, "%s/%s.csv", a->output, a->table);
		else
			snprintf(path, sizeof path, "%s", a->output);
		return write_file(rep, w, path);
	}
	if (write_one(rep, w, stdout, isatty(STDOUT_FILENO)) == REPORT_EXPORT_OOM)
		return cmd_error("out of memory");
	return CMD_EXIT_OK;  /* a write error is said when stdout closes */
}

/* ---- the watch, in lines ---------------------------------------------------- */

static void watch_event(void *ctx, enum report_live_event ev, const struct report_live *lv,
                        const struct results_answer *a, size_t student)
{
	bool *oom = ctx;
	char b[1024], d[600];
	const struct results_drill *dr = &lv->rep->drill;
	if (ev == REPORT_LIVE_DRILL) {
		struct text_buf t = {0};
		for (size_t i = 0; i < dr->ndecks; i++)
			text_buf_printf(&t, "%s%s", i ? ", " : "", dr->decks[i]);
		char *decks = text_buf_finish(&t);
		if (decks)
			printf("drill: %s, %u question%s from %s\n", dr->id, dr->count,
			       dr->count == 1 ? "" : "s", ESC(decks, d));
		*oom = *oom || !decks;
		free(decks);
	} else {
		report_answer_line(lv->rep, a, student, chart_unicode(), b, sizeof b);
		puts(b);
	}
	fflush(stdout);
}

static void sleep_ms(long ms)
{
	struct timespec ts = { ms / 1000, (ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);  /* a signal ends it early: the loop looks at once */
}

static int watch_lines(struct report_live *lv, const struct report_args *a)
{
	char err[1024], k[256], p[512];
	bool said_file = false, said_drill = false;
	printf("watching class '%s' in '%s'", ESC(a->klass, k), ESC(results_where_shown(a->results), p));
	if (a->until_complete)
		printf(" until %u student%s have answered every question", a->until_complete,
		       a->until_complete == 1 ? "" : "s");
	printf("; Ctrl-C ends\n");
	if (lv->rep)
		printf("drill: %s, %zu answer%s so far\n", lv->rep->drill.id, lv->rep->nanswers,
		       lv->rep->nanswers == 1 ? "" : "s");
	fflush(stdout);
	while (!stop_signal()) {
		if (report_live_complete(lv)) {
			printf("complete: %zu students have answered all %u questions\n",
			       report_live_done(lv), lv->rep->drill.count);
			return CMD_EXIT_OK;
		}
		if (lv->waiting_file && !said_file) {
			printf("waiting: no results database at '%s' yet\n", p);
			said_file = true;
		} else if (lv->r && !lv->rep && !said_drill) {
			printf("waiting: class '%s' has no drill yet\n", k);
			said_drill = true;
		}
		fflush(stdout);
		if (ferror(stdout))
			return CMD_EXIT_OK;  /* the reader went away; said when stdout closes */
		sleep_ms(POLL_MS);
		bool oom = false;
		if (report_live_poll(lv, watch_event, &oom, err, sizeof err) < 0)
			return cmd_error("%s", err);
		if (oom)
			return cmd_error("out of memory");
	}
	return 128 + stop_signal();
}

/* ---- the command -------------------------------------------------------------- */

static int run(const struct report_args *a)
{
	char err[1024];
	struct report_live lv = { .path = a->results, .klass = a->klass, .want = a->drill,
	                          .busy_ms = RESULTS_BUSY_DEFAULT_MS,
	                          .until_complete = a->until_complete };
	bool screen = !a->plain && !a->csv && !a->json && isatty(STDIN_FILENO) &&
	              isatty(STDOUT_FILENO);
	int rc = -1;
	if (a->watch) {
		if (report_live_start(&lv, err, sizeof err) != 0)
			rc = cmd_error("%s", err);
	} else if (results_open_readonly(a->results, RESULTS_BUSY_DEFAULT_MS, &lv.r, err,
	                                 sizeof err) != 0) {
		rc = cmd_error("%s", err);
	} else if (a->list) {
		rc = list_drills(lv.r, a);
	} else if (report_load(lv.r, a->klass, a->drill, &lv.rep, err, sizeof err) != 0) {
		rc = cmd_error("%s", err);
	}
	if (rc < 0 && screen) {
		struct ui_curses_opts co = {0};
		rc = ui_curses_report(&lv, a->watch, &co);
		rc = rc == UI_CURSES_NO_TERMINAL ? -1 : rc;
	}
	if (rc < 0 && a->watch)
		rc = watch_lines(&lv, a);
	else if (rc < 0 && (a->csv || a->json))
		rc = export(lv.rep, a);
	else if (rc < 0)
		rc = print_text(lv.rep);
	report_live_end(&lv);
	return rc;
}

int cmd_report(int argc, char **argv)
{
	struct report_args a = {0};
	int rc = parse_args(argc, argv, &a);
	if (rc >= 0)
		return rc;
	if ((rc = check_output(&a)) >= 0)
		return rc;
	return run(&a);
}
