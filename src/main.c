/* main — the command line: parses it, loads decks, hands over to a front end. */
#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <poll.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdio_ext.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cmd_common.h"
#include "cmd_report.h"
#include "cmd_import.h"
#include "cmd_drill.h"
#include "cmd_study.h"
#include "cmd_stats.h"
#include "cmd_results.h"
#include "deck.h"
#include "diag.h"
#include "library.h"
#include "outfile.h"
#include "prefs.h"
#include "qtype.h"
#include "session.h"
#include "stop.h"
#include "text.h"
#include "ui_curses.h"
#include "ui_plain.h"

#ifndef RECALL_VERSION
#define RECALL_VERSION "dev"
#endif


static const char usage_main[] =
	"usage: recall [OPTION]... COMMAND [OPTION]... [FILE]...\n"
	"       recall [OPTION]...   (the start screen)\n"
	"\n"
	"A quiz and flashcard trainer over JSON question decks.\n"
	"\n"
	"Commands:\n"
	"  quiz DECK...    answer the questions of the decks\n"
	"  check FILE...   validate decks and list every problem\n"
	"  study [DECK...] spaced repetition: the questions due, then new ones,\n"
	"                  with progress kept in ~/.local/share/recall/recall.db\n"
	"  export-progress the progress database as JSON, or CSV with --csv\n"
	"  stats [DECK...] progress figures of study mode, as text or --json\n"
	"  drill DECK...   a classroom drill: timed questions, a leaderboard, players\n"
	"                  taking turns (--players) or a class's shared results\n"
	"                  (--class, --student)\n"
	"  report --class NAME  the teacher's report of a classroom drill: the\n"
	"                  leaderboard, each question's figures, what each student\n"
	"                  missed; as text, --csv or --json, or --watch it live\n"
	"  results init    make a class's results database ready (--results; on\n"
	"                  PostgreSQL also the student and teacher roles)\n"
	"  import FILE...  question banks in other formats (Open Trivia Database\n"
	"                  JSON, Aiken, a quiz game's CSV, GIFT, Anki notes as\n"
	"                  text, hascard) turned into a deck\n"
	"  export DECK...  decks written out as Aiken, CSV, GIFT or Anki notes\n"
	"                  (--format)\n"
	"  (none)          the start screen: pick among the decks found in the\n"
	"                  bundled questions/ and in ~/.local/share/recall/decks/\n"
	"                  ($XDG_DATA_HOME/recall/decks/) and the folders below,\n"
	"                  each with its questions due and new; quiz or study them\n"
	"\n"
	"Options may come before or after the files; -- ends them.\n"
	"\n"
	"Options:\n"
	"  -h, --help      show this help (recall COMMAND --help for a command's)\n"
	"  -V, --version   show the version\n"
	"\n"
	"Options of the start screen, which a command given after them takes as its\n"
	"own (recall --db P study is recall study --db P):\n"
	"  --db PATH         the progress database (default\n"
	"                    ~/.local/share/recall/recall.db)\n"
	"  --now TIME        read the progress as at TIME (ISO 8601 or Unix seconds);\n"
	"                    the clock then stands still\n"
	"  --busy-timeout MS wait this long for another program's lock (5000)\n"
	"  --no-color        no colours (so does NO_COLOR in the environment)\n"
	"\n"
	"See recall(1) for the deck format, scoring and the plain mode's answers.\n";

static const char usage_quiz[] =
	"usage: recall quiz [OPTION]... DECK...\n"
	"\n"
	"Asks the questions of the decks and scores the answers.\n"
	"\n"
	"  -t, --tag TAG         only questions with this tag (repeat, or TAG,TAG)\n"
	"  -T, --type TYPE       only questions of this type (repeat, or TYPE,TYPE):\n"
	"                        choice multi truefalse number text order match card\n"
	"  -n, --limit N         at most N questions\n"
	"  -s, --seed N          reproducible order and option shuffles\n"
	"      --in-order        keep the decks' order of questions and options\n"
	"      --plain           line-by-line mode (the default when not on a terminal)\n"
	"      --summary-json FILE  also write the summary as JSON to FILE\n"
	"      --no-color        no colours (so does NO_COLOR in the environment)\n"
	"  -h, --help            show this help\n"
	"Options may come before or after the decks; -- ends them.\n"
	"\n"
	"Plain mode answers, one line each: choice: the option's number; multi:\n"
	"numbers (1 3); truefalse: t or f; number, text: the answer; order: the\n"
	"numbers in the right order; match: for each numbered item the letter of\n"
	"its partner (b a c); card: Enter flips, then 1-4 rates (again, hard, good,\n"
	"easy).  At any prompt: :hint, :skip, :quit.  End of input quits.\n";

static const char usage_check[] =
	"usage: recall check FILE...\n"
	"\n"
	"Validates decks and prints every problem as file:line:column: message,\n"
	"then one line per deck.  Exit status 0 when all are valid, 2 when not.\n"
	"\n"
	"  -q, --quiet   print only the problems\n"
	"  -h, --help    show this help\n";

/* A seed for a quiz nobody asked to repeat: different each run. */
static uint64_t fresh_seed(void)
{
	return (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
}

/* The status main returns, for close_stdout to keep. */
static int exit_status;

/* Why stdout failed, when the errno of the failed write is gone (stdio
 * drops the buffer it could not write): a pipe whose reader went away says
 * so to poll; a full device or disk says so again to an empty write. */
static int stdout_errno(void)
{
	struct stat st;
	if (fstat(STDOUT_FILENO, &st) != 0)
		return errno;
	if (S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)) {
		struct pollfd p = { .fd = STDOUT_FILENO, .events = POLLOUT };
		return poll(&p, 1, 0) == 1 && (p.revents & (POLLERR | POLLHUP)) ? EPIPE : 0;
	}
	return write(STDOUT_FILENO, "", 0) < 0 ? errno : 0;
}

/* Registered once, first, so that it runs last at exit: writes out what
 * stdout still holds and closes it.  A write error is said, once, and the
 * status becomes 1 (unless already a failure).  EPIPE is not an error: the
 * reader went away (recall ... | head), which ends the output, and the
 * quiz, as :quit does. */
static void close_stdout(void)
{
	bool pending = __fpending(stdout) != 0, failed = ferror(stdout) != 0;
	int e = failed ? stdout_errno() : 0;
	errno = 0;
	if (fclose(stdout) != 0 && (pending || errno != EBADF)) {
		failed = true;
		e = errno;
	}
	if (!failed || e == EPIPE)
		return;
	char b[160];
	text_escape_into(e ? strerror(e) : "", false, b, sizeof b);
	fprintf(stderr, "recall: write error%s%s\n", e ? ": " : "", b);
	_exit(exit_status ? exit_status : CMD_EXIT_USAGE);
}

/* The status for a signal that came before the quiz started: the program
 * ends quietly, having written nothing, as the signal's default would. */
static int stopped(void)
{
	return 128 + stop_signal();
}

/* ---- check -------------------------------------------------------- */

static int cmd_check(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "quiet", no_argument, NULL, 'q' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	bool quiet = false;
	int c;
	while ((c = getopt_long(argc, argv, ":qh", opts, NULL)) != -1) {
		switch (c) {
		case 'q': quiet = true; break;
		case 'h': fputs(usage_check, stdout); return CMD_EXIT_OK;
		default: return cmd_bad_option(c, argv, "check");
		}
	}
	if (optind >= argc)
		return cmd_error("check: name at least one deck file (try 'recall check --help')");
	int rc = CMD_EXIT_OK;
	for (int i = optind; i < argc; i++) {
		struct diags d = {0};
		struct deck *deck = stop_signal() ? NULL : deck_load(argv[i], &d);
		if (stop_signal()) {  /* nothing printed about a deck half done */
			deck_free(deck);
			diag_free(&d);
			return stopped();
		}
		diag_print(&d, stdout);
		char name[512];
		text_escape_into(argv[i], false, name, sizeof name);
		if (deck) {
			if (!quiet) {
				size_t counts[Q_NTYPES];
				deck_count_types(deck, counts);
				printf("%s: ok: %zu question%s", name, deck->nquestions,
				       deck->nquestions == 1 ? "" : "s");
				const char *sep = " (";
				for (int t = 0; t < Q_NTYPES; t++) {
					if (counts[t]) {
						printf("%s%zu %s", sep, counts[t], deck_type_name((enum qtype)t));
						sep = ", ";
					}
				}
				printf(")%s", d.nwarnings ? "" : "\n");
				if (d.nwarnings)
					printf(", %zu warning%s\n", d.nwarnings, d.nwarnings == 1 ? "" : "s");
			}
			deck_free(deck);
		} else {
			rc = CMD_EXIT_INVALID;
			if (!quiet)
				printf("%s: invalid: %zu error%s%s", name, d.nerrors, d.nerrors == 1 ? "" : "s",
				       d.nwarnings ? "" : "\n");
			if (!quiet && d.nwarnings)
				printf(", %zu warning%s\n", d.nwarnings, d.nwarnings == 1 ? "" : "s");
		}
		diag_free(&d);
	}
	return rc;
}

/* ---- quiz --------------------------------------------------------- */

/* Adds each comma-separated part of arg to *list. */
static bool add_list(char *arg, const char ***list, size_t *n)
{
	for (char *save = NULL, *p = strtok_r(arg, ",", &save); p; p = strtok_r(NULL, ",", &save)) {
		const char **v = realloc(*list, (*n + 1) * sizeof *v);
		if (!v)
			return false;
		*list = v;
		v[(*n)++] = p;
	}
	return true;
}

static bool parse_size(const char *s, unsigned long long *out)
{
	char *end;
	if (!*s || *s == '-')
		return false;
	errno = 0;
	*out = strtoull(s, &end, 10);
	return !*end && errno == 0;
}

struct quiz_args {
	const char **tags;
	size_t ntags;
	const char **types;
	size_t ntypes;
	struct session_opts so;
	bool plain, no_color;
	const char *summary_json;
};

/* The full-screen front end is for a terminal on both sides. */
static bool on_terminal(void)
{
	return isatty(STDIN_FILENO) && isatty(STDOUT_FILENO);
}

/* Says that the filters left no question, and what there is to pick from:
 * the tags and types of the decks given. */
static int no_match(struct deck *const *decks, size_t ndecks)
{
	const char **tags;
	size_t ntags;
	if (library_deck_tags(decks, ndecks, &tags, &ntags) != 0) {
		fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	fputs("recall: no question matches the filters given\n", stderr);
	fputs("recall: tags in these decks:", stderr);
	char b[160];
	for (size_t i = 0; i < ntags; i++)
		fprintf(stderr, "%s%s", i ? ", " : " ", text_escape_into(tags[i], false, b, sizeof b));
	fputs(ntags ? "\n" : " none\n", stderr);
	free(tags);
	size_t counts[Q_NTYPES] = {0}, c[Q_NTYPES];
	for (size_t i = 0; i < ndecks; i++) {
		deck_count_types(decks[i], c);
		for (int t = 0; t < Q_NTYPES; t++)
			counts[t] += c[t];
	}
	fputs("recall: types in these decks:", stderr);
	const char *sep = " ";
	for (int t = 0; t < Q_NTYPES; t++) {
		if (counts[t]) {
			fprintf(stderr, "%s%s (%zu)", sep, deck_type_name((enum qtype)t), counts[t]);
			sep = ", ";
		}
	}
	fputs("\n", stderr);
	return CMD_EXIT_USAGE;
}

/* Runs a quiz over decks with the front end that suits the terminal. */
static int run_quiz(struct deck *const *decks, size_t ndecks, const struct quiz_args *a)
{
	struct session *s = session_new(decks, ndecks, &a->so);
	if (!s) {
		fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	int rc;
	if (stop_signal()) {
		rc = stopped();
	} else if (session_count(s) == 0) {
		rc = no_match(decks, ndecks);
	} else {
		rc = UI_CURSES_NO_TERMINAL;
		if (!a->plain && on_terminal()) {
			struct ui_curses_opts co = { .summary_json = a->summary_json, .no_color = a->no_color };
			rc = ui_curses_quiz(&s, &co);
		}
		if (rc == UI_CURSES_NO_TERMINAL) {
			struct ui_plain_opts po = { .summary_json = a->summary_json };
			rc = ui_plain_run(&s, stdin, stdout, &po);
		}
	}
	session_free(s);
	return rc;
}

/* The options of the start screen (usage_main). */
struct start_args {
	struct ui_curses_opts co;
};

enum { START_DB = 256, START_NOW, START_BUSY, START_NO_COLOR };

static const struct option start_opts[] = {
	{ "db", required_argument, NULL, START_DB },
	{ "now", required_argument, NULL, START_NOW },
	{ "busy-timeout", required_argument, NULL, START_BUSY },
	{ "no-color", no_argument, NULL, START_NO_COLOR },
	{ NULL, 0, NULL, 0 },
};

/* Parses the start screen's options from argv[1] on, up to the first
 * argument that is none (a command, at *cmd; argc when none).  Returns -1
 * to go on, else the exit status. */
static int start_args(int argc, char **argv, struct start_args *a, int *cmd)
{
	char err[512], b[80], *end;
	int c;
	while ((c = getopt_long(argc, argv, "+:", start_opts, NULL)) != -1) {
		switch (c) {
		case START_DB: a->co.db = optarg; break;
		case START_NOW:
			if (prefs_parse_now(optarg, &a->co.now_value, err, sizeof err) != 0)
				return cmd_error("%s", err);
			a->co.fixed_now = true;
			break;
		case START_BUSY: {
			errno = 0;
			long ms = strtol(optarg, &end, 10);
			if (!*optarg || *end || errno || ms < 0 || ms > 3600000)
				return cmd_error("--busy-timeout wants milliseconds from 0 to 3600000, not '%s'",
				                 text_escape_into(optarg, false, b, sizeof b));
			a->co.busy_ms = (int)ms;
			a->co.busy_given = true;
			break;
		}
		case START_NO_COLOR: a->co.no_color = true; break;
		default: return cmd_bad_option(c, argv, NULL);
		}
	}
	*cmd = optind;
	return -1;
}

/* recall with no command: the start screen over the decks found; without a
 * terminal, a plain quiz over all of them.  a: its options. */
static int cmd_start(const struct start_args *a)
{
	struct library lib;
	int scanned = library_scan_default(&lib);
	if (stop_signal()) {
		library_free(&lib);
		return stopped();
	}
	if (scanned != 0) {
		library_free(&lib);
		fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	struct deck **decks = calloc(lib.n ? lib.n : 1, sizeof *decks);
	size_t n = 0;
	int rc = CMD_EXIT_USAGE;
	if (!decks) {
		fputs("recall: out of memory\n", stderr);
		goto out;
	}
	if (lib.n && on_terminal()) {
		/* The start screen lists invalid decks too, with their first error. */
		struct ui_curses_opts co = a->co;
		co.so.seed = fresh_seed();
		rc = ui_curses_start(&lib, &co);
		if (rc != UI_CURSES_NO_TERMINAL)
			goto out;
		rc = CMD_EXIT_USAGE;  /* a terminal too dumb to draw on: a plain quiz */
	}
	for (size_t i = 0; i < lib.n; i++) {
		const struct library_entry *e = &lib.v[i];
		if (e->deck)
			decks[n++] = e->deck;
		else
			fprintf(stderr, "%s\n", e->problem ? e->problem : "recall: a deck is not valid");
	}
	for (size_t i = 0; i < lib.ncopies; i++) {
		char p1[512], p2[512];
		fprintf(stderr, "recall: note: '%s' is the same deck as '%s' (listed once)\n",
		        text_escape_into(lib.copies[i].path, false, p1, sizeof p1),
		        text_escape_into(lib.v[lib.copies[i].entry].path, false, p2, sizeof p2));
	}
	if (n == 0) {
		fputs("recall: no decks found", stderr);
		for (size_t i = 0; i < lib.ndirs; i++) {
			char b[512];
			fprintf(stderr, "%s'%s'", i ? " or " : " in ", text_escape_into(lib.dirs[i], false, b, sizeof b));
		}
		fputs(" (try 'recall quiz DECK...' or 'recall --help')\n", stderr);
		goto out;
	}
	struct quiz_args qa = { .no_color = a->co.no_color };
	qa.so.seed = fresh_seed();
	rc = run_quiz(decks, n, &qa);
out:
	free(decks);
	library_free(&lib);
	return rc;
}

/* Long: options, decks, then the front end, in the order they are used. */
static int cmd_quiz(int argc, char **argv)
{
	enum { OPT_IN_ORDER = 256, OPT_PLAIN, OPT_SUMMARY, OPT_NO_COLOR };
	static const struct option opts[] = {
		{ "tag", required_argument, NULL, 't' },
		{ "type", required_argument, NULL, 'T' },
		{ "limit", required_argument, NULL, 'n' },
		{ "seed", required_argument, NULL, 's' },
		{ "in-order", no_argument, NULL, OPT_IN_ORDER },
		{ "plain", no_argument, NULL, OPT_PLAIN },
		{ "summary-json", required_argument, NULL, OPT_SUMMARY },
		{ "no-color", no_argument, NULL, OPT_NO_COLOR },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct quiz_args a = {0};
	a.so.seed = fresh_seed();
	int rc = CMD_EXIT_OK, c;
	unsigned long long x;
	char b[80];
	struct deck **decks = NULL;
	size_t ndecks = 0;

	while ((c = getopt_long(argc, argv, ":t:T:n:s:h", opts, NULL)) != -1) {
		switch (c) {
		case 't':
			if (!add_list(optarg, &a.tags, &a.ntags))
				goto oom;
			break;
		case 'T':
			if (!add_list(optarg, &a.types, &a.ntypes))
				goto oom;
			break;
		case 'n':
			if (!parse_size(optarg, &x) || x == 0 || x > SIZE_MAX) {
				rc = cmd_error("--limit wants a whole number above 0, not '%s'",
				                 text_escape_into(optarg, false, b, sizeof b));
				goto out;
			}
			a.so.limit = (size_t)x;
			break;
		case 's':
			if (!parse_size(optarg, &x)) {
				rc = cmd_error("--seed wants a whole number, not '%s'",
				                 text_escape_into(optarg, false, b, sizeof b));
				goto out;
			}
			a.so.seed = x;
			break;
		case OPT_IN_ORDER: a.so.in_order = true; break;
		case OPT_PLAIN: a.plain = true; break;
		case OPT_SUMMARY: a.summary_json = optarg; break;
		case OPT_NO_COLOR: a.no_color = true; break;
		case 'h': fputs(usage_quiz, stdout); goto out;
		default: rc = cmd_bad_option(c, argv, "quiz"); goto out;
		}
	}
	for (size_t i = 0; i < a.ntypes; i++) {
		int t = deck_type_parse(a.types[i]);
		if (t < 0) {
			char types[160];
			rc = cmd_error("unknown question type '%s' (%s)",
			                 text_escape_into(a.types[i], false, b, sizeof b),
			                 qtype_list(types, sizeof types));
			goto out;
		}
		a.so.types |= 1u << t;
	}
	a.so.tags = a.tags;
	a.so.ntags = a.ntags;
	if (optind >= argc) {
		rc = cmd_error("quiz: name at least one deck file (try 'recall quiz --help')");
		goto out;
	}
	if (a.summary_json) {  /* refused now, not after the whole quiz */
		char err[1024];
		if (outfile_check(a.summary_json, err, sizeof err) != 0) {
			rc = cmd_error("--summary-json: %s", err);
			goto out;
		}
	}

	rc = cmd_load_decks(argv + optind, (size_t)(argc - optind), &decks);
	if (rc != 0)
		goto out;
	ndecks = (size_t)(argc - optind);  /* only now: out frees decks[0..ndecks) */

	rc = run_quiz(decks, ndecks, &a);
	goto out;
oom:
	fputs("recall: out of memory\n", stderr);
	rc = CMD_EXIT_USAGE;
out:
	for (size_t i = 0; i < ndecks; i++)
		deck_free(decks[i]);
	free(decks);
	free(a.tags);
	free(a.types);
	return rc;
}

/* A command given after the start screen's options, argv[cmd]: argv
 * becomes "recall COMMAND OPTIONS... ARGS...", the options handed to it. */
static void hand_options(char **argv, int cmd)
{
	char *name = argv[cmd];
	memmove(argv + 2, argv + 1, (size_t)(cmd - 1) * sizeof *argv);
	argv[1] = name;
}

static int dispatch(int argc, char **argv)
{
	if (argc >= 2 && argv[1][0] == '-' && argv[1][1] && strcmp(argv[1], "-h") &&
	    strcmp(argv[1], "--help") && strcmp(argv[1], "-V") && strcmp(argv[1], "--version")) {
		struct start_args a = {0};
		int cmd = argc, rc = start_args(argc, argv, &a, &cmd);
		if (rc >= 0)
			return rc;
		if (cmd >= argc)
			return cmd_start(&a);
		hand_options(argv, cmd);  /* the command checks them again, as its own */
		optind = 0;  /* getopt starts afresh, permuting again (glibc) */
	} else if (argc < 2) {
		struct start_args a = {0};
		return cmd_start(&a);
	}
	const char *cmd = argv[1];
	if (!strcmp(cmd, "-h") || !strcmp(cmd, "--help")) {
		fputs(usage_main, stdout);
		return CMD_EXIT_OK;
	}
	if (!strcmp(cmd, "-V") || !strcmp(cmd, "--version")) {
		printf("recall %s\n", RECALL_VERSION);
		return CMD_EXIT_OK;
	}
	/* Each command parses its own options from argv[1] on. */
	if (!strcmp(cmd, "quiz"))
		return cmd_quiz(argc - 1, argv + 1);
	if (!strcmp(cmd, "check"))
		return cmd_check(argc - 1, argv + 1);
	if (!strcmp(cmd, "study"))
		return cmd_study(argc - 1, argv + 1);
	if (!strcmp(cmd, "export-progress"))
		return cmd_export_progress(argc - 1, argv + 1);
	if (!strcmp(cmd, "stats"))
		return cmd_stats(argc - 1, argv + 1);
	if (!strcmp(cmd, "report"))
		return cmd_report(argc - 1, argv + 1);
	/* Importers and exporters (cmd_import.c). */
	if (!strcmp(cmd, "import"))
		return cmd_import(argc - 1, argv + 1);
	if (!strcmp(cmd, "export"))
		return cmd_export(argc - 1, argv + 1);
	if (!strcmp(cmd, "drill"))
		return cmd_drill(argc - 1, argv + 1);
	if (!strcmp(cmd, "results"))
		return cmd_results(argc - 1, argv + 1);
	char b[80];
	return cmd_error("unknown command '%s' (try 'recall --help')",
	                   text_escape_into(cmd, false, b, sizeof b));
}

int main(int argc, char **argv)
{
	stop_init();  /* before anything else: a signal from now on is a value */
	atexit(close_stdout);       /* registered first, so it runs last */
	atexit(ui_curses_restore);  /* whatever way out, the terminal is given back */
	setlocale(LC_CTYPE, "");
	opterr = 0;
	exit_status = dispatch(argc, argv);
	return exit_status;
}
