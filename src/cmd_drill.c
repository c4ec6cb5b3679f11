/* cmd_drill — recall drill; see cmd_drill.h. */
#include "cmd_drill.h"

#include "cmd_common.h"

#include <errno.h>
#include <getopt.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "deck.h"
#include "drill.h"
#include "prefs.h"
#include "results.h"
#include "stop.h"
#include "text.h"
#include "ui_curses.h"
#include "ui_live_host.h"
#include "ui_plain_drill.h"
#include "ui_plain_live.h"
#include "live.h"
#include "live_student.h"

static const char usage[] =
	"usage: recall drill [OPTION]... DECK...\n"
	"       recall drill --host --class NAME [OPTION]... DECK...\n"
	"       recall drill --join CLASS --student NAME [--results WHERE]\n"
	"\n"
	"A classroom drill: the same questions, in the same order with the same\n"
	"option order, for everyone who gives the same decks, count and seed; each\n"
	"against the clock, scored for speed and streaks, with a leaderboard.\n"
	"Flashcards are left out.\n"
	"\n"
	"  -n, --count N          questions to ask (10; 0: every one)\n"
	"      --time SECONDS     seconds for each question (20; 0: no clock)\n"
	"  -s, --seed N           the draw (random; 1 for a class: give a new seed\n"
	"                         for a new drill of the same decks)\n"
	"      --no-speed         full points whatever the time\n"
	"      --no-streak        no streak bonus\n"
	"      --players NAMES    hot-seat: players taking turns, e.g. \"Ana,Ben,Chen\"\n"
	"      --class NAME       a class drill: every answer is recorded in the\n"
	"                         class's results database (with --student)\n"
	"      --student NAME     the student answering\n"
	"      --results PATH     the results database, an SQLite file or a PostgreSQL\n"
	"                         URI (RECALL_RESULTS, else\n"
	"                         ~/.local/share/recall/results.db)\n"
	"      --busy-timeout MS  wait this long for another program's lock (5000)\n"
	"      --host             a live drill the teacher paces (with --class): each\n"
	"                         question opens for the whole class at once\n"
	"      --auto SECONDS     host: open the next question this long after a close\n"
	"                         without Enter (the first once --wait-for joined);\n"
	"                         line by line\n"
	"      --wait-for N       host with --auto: students to wait for (1)\n"
	"      --join CLASS       a student of CLASS's live drill (no deck: the host\n"
	"                         publishes each question as it opens); full-screen\n"
	"                         on a terminal unless --plain\n"
	"      --plain            line-by-line mode (the default when not on a terminal)\n"
	"  -h, --help             show this help\n"
	"Options may come before or after the decks; -- ends them.\n"
	"\n"
	"A right answer earns round(points x (1 - (t/T)/2)): all of them at once,\n"
	"half at the last moment; each right answer in a row after the first adds\n"
	"100 (at most 500).  When the time runs out the answer counts as wrong.\n"
	"Answers as in recall quiz --plain; at any prompt :skip or :quit.  A\n"
	"student who starts again with the same names goes on where they left off.\n"
	"The live drill's host is full-screen on a terminal: Enter starts, closes the\n"
	"open question and opens the next, p pauses, s skips, l the leaderboard, e\n"
	"ends.  Line by line (--plain, --auto): Enter, :pause, :skip, :end.  A host\n"
	"started again goes on where the drill was.\n";

struct args {
	struct drill_opts o;
	bool seeded;
	const char *players;  /* --players, as given */
	const char *klass, *student, *results;
	int busy_ms;
	bool plain;
	bool host;            /* --host */
	const char *join;     /* --join CLASS */
	struct ui_live_host_opts live;
	char *names_buf;      /* --players split in place (owned) */
	const char *names[DRILL_MAX_PLAYERS];
};

/* A whole number from 0 to max, into *out; false when s is not one. */
static bool whole(const char *s, unsigned long long max, unsigned long long *out)
{
	char *end;
	if (!*s || *s == '-' || *s == '+' || *s == ' ')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return !*end && errno == 0 && *out <= max;
}

static int bad_value(const char *opt, const char *wants, const char *arg)
{
	char b[80];
	return cmd_error("drill: %s wants %s, not '%s'", opt, wants,
	                 text_escape_into(arg, false, b, sizeof b));
}

/* Splits --players into names, each checked. */
static int split_players(struct args *a)
{
	char err[400];
	a->names_buf = strdup(a->players);
	if (!a->names_buf)
		return cmd_error("out of memory");
	size_t n = 0;
	char *p = a->names_buf;
	for (;;) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		char *name = text_trim(p);
		if (n == DRILL_MAX_PLAYERS)
			return cmd_error("drill: --players names more than %d players", DRILL_MAX_PLAYERS);
		if (drill_check_name(name, err, sizeof err) != 0)
			return cmd_error("drill: --players: %s", err);
		for (size_t j = 0; j < n; j++) {
			if (!strcmp(a->names[j], name)) {
				char b[200];
				return cmd_error("drill: --players: '%s' is named twice",
				                 text_escape_into(name, false, b, sizeof b));
			}
		}
		a->names[n++] = name;
		if (!comma)
			break;
		p = comma + 1;
	}
	a->o.players = a->names;
	a->o.nplayers = n;
	return 0;
}

/* Options that go together, and the names. */
static int check_args(struct args *a)
{
	char err[400];
	if (a->host && a->join)
		return cmd_error("drill: --host and --join do not go together");
	if (a->join) {
		if (a->klass || a->players)
			return cmd_error("drill: --join names the class; give --student, not --class "
			                 "or --players");
		if (!a->student)
			return cmd_error("drill: --join needs --student (who is answering)");
		if (drill_check_name(a->join, err, sizeof err) != 0)
			return cmd_error("drill: --join: %s", err);
		if (drill_check_name(a->student, err, sizeof err) != 0)
			return cmd_error("drill: --student: %s", err);
		return 0;
	}
	if ((a->live.auto_next >= 0 || a->live.wait_for) && !a->host)
		return cmd_error("drill: --auto and --wait-for are for the host (--host)");
	if (a->host) {
		if (!a->klass)
			return cmd_error("drill: --host needs --class (the class that joins)");
		if (a->student || a->players)
			return cmd_error("drill: the host of a live drill does not answer: no --student "
			                 "or --players");
		if (drill_check_name(a->klass, err, sizeof err) != 0)
			return cmd_error("drill: --class: %s", err);
		a->o.klass = a->klass;
		if (!a->seeded)
			a->o.seed = CMD_DRILL_CLASS_SEED;
		return 0;
	}
	if (a->student && !a->klass)
		return cmd_error("drill: --student needs --class (the class the student is in)");
	if (a->results && !a->klass && !a->join)
		return cmd_error("drill: --results is for a class drill: give --class and --student");
	if (a->klass && !a->student)
		return cmd_error("drill: --class needs --student (who is answering)");
	if (a->klass && a->players)
		return cmd_error("drill: --players is for one terminal; a class drill has one "
		                 "student (--student)");
	if (a->klass && drill_check_name(a->klass, err, sizeof err) != 0)
		return cmd_error("drill: --class: %s", err);
	if (a->student) {
		if (drill_check_name(a->student, err, sizeof err) != 0)
			return cmd_error("drill: --student: %s", err);
		a->names[0] = a->student;
		a->o.players = a->names;
		a->o.nplayers = 1;
		a->o.klass = a->klass;
		if (!a->seeded)
			a->o.seed = CMD_DRILL_CLASS_SEED;
	}
	if (a->players)
		return split_players(a);
	return 0;
}

enum { OPT_TIME = 256, OPT_NO_SPEED, OPT_NO_STREAK, OPT_PLAYERS, OPT_CLASS, OPT_STUDENT,
       OPT_RESULTS, OPT_BUSY, OPT_PLAIN, OPT_HOST, OPT_JOIN, OPT_AUTO, OPT_WAIT_FOR };

static const struct option opts[] = {
	{ "count", required_argument, NULL, 'n' },
	{ "time", required_argument, NULL, OPT_TIME },
	{ "seed", required_argument, NULL, 's' },
	{ "no-speed", no_argument, NULL, OPT_NO_SPEED },
	{ "no-streak", no_argument, NULL, OPT_NO_STREAK },
	{ "players", required_argument, NULL, OPT_PLAYERS },
	{ "class", required_argument, NULL, OPT_CLASS },
	{ "student", required_argument, NULL, OPT_STUDENT },
	{ "results", required_argument, NULL, OPT_RESULTS },
	{ "busy-timeout", required_argument, NULL, OPT_BUSY },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "host", no_argument, NULL, OPT_HOST },
	{ "join", required_argument, NULL, OPT_JOIN },
	{ "auto", required_argument, NULL, OPT_AUTO },
	{ "wait-for", required_argument, NULL, OPT_WAIT_FOR },
	{ "help", no_argument, NULL, 'h' },
	{ NULL, 0, NULL, 0 },
};

/* Parses the options into a; 0, -1 after --help, or the exit status. */
static int parse(int argc, char **argv, struct args *a)
{
	unsigned long long x;
	int c;
	while ((c = getopt_long(argc, argv, ":n:s:h", opts, NULL)) != -1) {
		switch (c) {
		case 'n':
			if (!whole(optarg, 100000, &x))
				return bad_value("--count", "a whole number from 0 (every question) to 100000",
				                 optarg);
			a->o.count = (unsigned)x;
			break;
		case OPT_TIME:
			if (!whole(optarg, 3600, &x))
				return bad_value("--time", "whole seconds from 0 (no clock) to 3600", optarg);
			a->o.rules.time_limit = (double)x;
			break;
		case 's':
			if (!whole(optarg, UINT64_MAX, &x))
				return bad_value("--seed", "a whole number", optarg);
			a->o.seed = x;
			a->seeded = true;
			break;
		case OPT_NO_SPEED: a->o.rules.no_speed = true; break;
		case OPT_NO_STREAK: a->o.rules.no_streak = true; break;
		case OPT_PLAYERS: a->players = optarg; break;
		case OPT_CLASS: a->klass = optarg; break;
		case OPT_STUDENT: a->student = optarg; break;
		case OPT_RESULTS: a->results = optarg; break;
		case OPT_BUSY:
			if (!whole(optarg, 3600000, &x))
				return bad_value("--busy-timeout", "milliseconds from 0 to 3600000", optarg);
			a->busy_ms = (int)x;
			break;
		case OPT_PLAIN: a->plain = true; break;
		case OPT_HOST: a->host = true; break;
		case OPT_JOIN: a->join = optarg; break;
		case OPT_AUTO:
			if (!whole(optarg, 3600, &x))
				return bad_value("--auto", "whole seconds from 0 to 3600", optarg);
			a->live.auto_next = (double)x;
			break;
		case OPT_WAIT_FOR:
			if (!whole(optarg, LIVE_MAX_STUDENTS, &x) || x == 0)
				return bad_value("--wait-for", "a number of students from 1", optarg);
			a->live.wait_for = (unsigned)x;
			break;
		case 'h': fputs(usage, stdout); return -1;
		default: return cmd_bad_option(c, argv, "drill");
		}
	}
	if (a->join && optind < argc)
		return cmd_error("drill: a student of a live drill names no deck (the host "
		                 "publishes each question)");
	if (!a->join && optind >= argc)
		return cmd_error("drill: name at least one deck file (try 'recall drill --help')");
	return check_args(a);
}

/* Opens the class's results database. */
static int open_results(struct args *a, struct results **r)
{
	char path[4096], err[1024];
	const char *where = a->results;
	if (!where) {
		if (prefs_results_path(path, sizeof path) != 0)
			return cmd_error("drill: no place for the results database: set RECALL_RESULTS, "
			                 "HOME or XDG_DATA_HOME, or give --results");
		where = path;
	}
	if (results_open(where, a->busy_ms, r, err, sizeof err) != 0)
		return cmd_error("%s", err);
	return 0;
}

/* The drill itself, once the decks and the store are in place. */
static int run(struct deck **decks, size_t n, struct args *a)
{
	char err[1024];
	struct drill *d = drill_new(decks, n, &a->o, err, sizeof err);
	if (!d)
		return cmd_error("drill: %s", err);
	/* Full-screen on a terminal, unless --plain or the terminal cannot be
	 * driven; line by line otherwise. */
	int rc = UI_CURSES_NO_TERMINAL;
	if (a->host && !stop_signal()) {
		/* The host full-screen on a terminal; unattended (--auto), line by line. */
		if (!a->plain && a->live.auto_next < 0 && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO))
			rc = ui_live_host_run(d, a->o.results, false);
		if (rc == UI_CURSES_NO_TERMINAL)
			rc = ui_plain_live_host(d, a->o.results, &a->live, STDIN_FILENO, stdout);
		drill_free(d);
		return rc;
	}
	if (stop_signal()) {
		rc = 128 + stop_signal();
	} else if (!a->plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		struct ui_curses_opts co = { .no_color = false };
		rc = ui_curses_drill(d, &co);
	}
	if (rc == UI_CURSES_NO_TERMINAL)
		rc = ui_plain_drill_run(d, STDIN_FILENO, stdout);
	drill_free(d);
	return rc;
}

/* A student of a live drill: full-screen on a terminal, unless --plain or
 * the terminal cannot be driven; line by line otherwise. */
static int join(struct results *r, const struct args *a)
{
	if (!a->plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		struct live_student *ls = live_student_new(r, a->join, a->student);
		if (!ls)
			return cmd_error("out of memory");
		struct ui_curses_opts co = { .no_color = false };
		int rc = ui_curses_live_student(ls, &co);
		if (rc != UI_CURSES_NO_TERMINAL) {
			/* How it ended stays in the scrollback. */
			ui_plain_live_student_end(ls, stdout);
			fflush(stdout);
		}
		live_student_free(ls);
		if (rc != UI_CURSES_NO_TERMINAL)
			return rc;
	}
	return ui_plain_live_student(r, a->join, a->student, STDIN_FILENO, stdout);
}

int cmd_drill(int argc, char **argv)
{
	struct args a = { .o = { .count = CMD_DRILL_DEFAULT_COUNT,
	                         .rules = { .time_limit = CMD_DRILL_DEFAULT_TIME } },
	                  .busy_ms = RESULTS_BUSY_DEFAULT_MS, .live = { .auto_next = -1 } };
	a.o.seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	struct deck **decks = NULL;
	size_t n = 0;
	struct results *r = NULL;
	int rc = parse(argc, argv, &a);
	if (rc == 0 && !a.join) {
		n = (size_t)(argc - optind);
		rc = cmd_load_decks(argv + optind, n, &decks);
	}
	if (rc == 0 && (a.klass || a.join))
		rc = open_results(&a, &r);
	if (rc == 0 && a.join) {
		rc = stop_signal() ? 128 + stop_signal() : join(r, &a);
	} else if (rc == 0) {
		a.o.results = r;
		rc = run(decks, n, &a);
	}
	results_close(r);
	for (size_t i = 0; decks && i < n; i++)
		deck_free(decks[i]);
	free(decks);
	free(a.names_buf);
	return rc < 0 ? CMD_EXIT_OK : rc;
}
