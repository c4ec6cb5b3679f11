/* cmd_study — recall study and recall export-progress; see cmd_study.h. */
#include "cmd_study.h"

#include "cmd_common.h"

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "deck.h"
#include "diag.h"
#include "library.h"
#include "outfile.h"
#include "prefs.h"
#include "stop.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui_curses.h"
#include "ui_plain_study.h"

static const char usage_study[] =
	"usage: recall study [OPTION]... [DECK]...\n"
	"\n"
	"Spaced repetition (FSRS-6): asks the questions that are due, then new\n"
	"ones, and records every grade in the progress database.  No deck: every\n"
	"deck the start screen lists.\n"
	"\n"
	"  --db PATH                the progress database (default\n"
	"                           ~/.local/share/recall/recall.db)\n"
	"  --now TIME               study as at TIME (ISO 8601 or Unix seconds);\n"
	"                           the clock then stands still\n"
	"  --retention R            desired retention, 0.70-0.99 (0.9)\n"
	"  --max-interval DAYS      the longest interval (36500)\n"
	"  --learning-steps STEPS   e.g. \"1m 10m\" (the default)\n"
	"  --relearning-steps STEPS e.g. \"10m\" (the default)\n"
	"  --day-starts HOUR        the local hour a new day starts (4)\n"
	"  --new-per-day N          new questions a day (20)\n"
	"  --reviews-per-day N      reviews a day (200)\n"
	"  --no-fuzz                no random spread of intervals\n"
	"  --cram                   ask every question, ignore due dates and limits,\n"
	"                           record nothing and change no schedule\n"
	"  --busy-timeout MS        wait this long for another program's lock (5000)\n"
	"  --plain                  line-by-line mode (the default when not on a\n"
	"                           terminal)\n"
	"  -h, --help               show this help\n"
	"\n"
	"Each scheduling option is also a key of the config file\n"
	"(~/.config/recall/config: \"retention = 0.85\"); the command line wins.\n"
	"Answers as in recall quiz --plain; after the verdict, Enter keeps the\n"
	"proposed grade or 1-4 changes it (again, hard, good, easy).  At any\n"
	"prompt: :hint, :skip, :undo, :quit.\n";

static const char usage_export[] =
	"usage: recall export-progress [OPTION]...\n"
	"\n"
	"Writes the progress database out: JSON (the items and the reviews), or\n"
	"with --csv the review log as CSV.\n"
	"\n"
	"  --csv              CSV instead of JSON\n"
	"  -o, --output FILE  write to FILE (replaced whole, safely) not stdout\n"
	"  --db PATH          the progress database (default\n"
	"                     ~/.local/share/recall/recall.db)\n"
	"  --now TIME         accepted for symmetry with study; unused\n"
	"  --busy-timeout MS  wait this long for another program's lock (5000)\n"
	"  -h, --help         show this help\n";

/* What study and export-progress share: where the database is, the time. */
struct common {
	const char *db;
	char dbbuf[4096];
	bool fixed_now;
	int64_t now;
	int busy_ms;
	bool plain;  /* study: --plain */
};

enum { OPT_DB = 256, OPT_NOW, OPT_BUSY, OPT_PLAIN, OPT_CSV, OPT_SETTING };

/* Takes --db, --now and --busy-timeout; 0, or the exit status. */
static int common_option(struct common *c, int opt, const char *arg)
{
	char err[512], b[80];
	char *end;
	switch (opt) {
	case OPT_DB:
		c->db = arg;
		return 0;
	case OPT_NOW:
		if (prefs_parse_now(arg, &c->now, err, sizeof err) != 0)
			return cmd_error("%s", err);
		c->fixed_now = true;
		return 0;
	default:
		errno = 0;
		long ms = strtol(arg, &end, 10);
		if (!*arg || *end || errno || ms < 0 || ms > 3600000)
			return cmd_error("--busy-timeout wants milliseconds from 0 to 3600000, not '%s'",
			                 text_escape_into(arg, false, b, sizeof b));
		c->busy_ms = (int)ms;
		return 0;
	}
}

/* Opens the database named by c (or the default one). */
static int open_store(struct common *c, unsigned flags, struct store **st)
{
	char err[1024];
	if (!c->db) {
		if (prefs_db_path(c->dbbuf, sizeof c->dbbuf) != 0)
			return cmd_error("no place for the progress database: set HOME or XDG_DATA_HOME, or give --db");
		c->db = c->dbbuf;
	}
	if (store_open(c->db, flags, c->busy_ms, st, err, sizeof err) != 0)
		return cmd_error("%s", err);
	return 0;
}

/* The decks of a study session: loaded from the paths given (owned), or
 * borrowed from the library when none were given. */
struct deckset {
	struct library lib;
	bool scanned;
	struct deck **v;
	size_t n;
	bool owned;
};

static void decks_free(struct deckset *ds)
{
	for (size_t i = 0; ds->owned && i < ds->n; i++)
		deck_free(ds->v[i]);
	free(ds->v);
	if (ds->scanned)
		library_free(&ds->lib);
}

/* Loads the decks at paths[0..n); every problem goes to stderr.  0, or the
 * exit status. */
static int load_named(struct deckset *ds, char **paths, size_t n)
{
	size_t ninvalid = 0;
	ds->owned = true;
	ds->v = calloc(n, sizeof *ds->v);
	if (!ds->v)
		return cmd_error("out of memory");
	for (size_t i = 0; i < n && !stop_signal(); i++) {
		struct diags d = {0};
		struct deck *deck = deck_load(paths[i], &d);
		diag_print(&d, stderr);
		diag_free(&d);
		if (deck)
			ds->v[ds->n++] = deck;
		else
			ninvalid++;
	}
	if (stop_signal())
		return 128 + stop_signal();
	if (ninvalid) {
		fprintf(stderr, "recall: refusing to start: fix the deck%s above (recall check shows every problem)\n",
		        ninvalid == 1 ? "" : "s");
		return CMD_EXIT_INVALID;
	}
	return 0;
}

/* The valid decks the start screen would list; the others are named on
 * stderr. */
static int load_library(struct deckset *ds)
{
	ds->scanned = true;
	if (library_scan_default(&ds->lib) != 0)
		return cmd_error("out of memory");
	if (stop_signal())
		return 128 + stop_signal();
	ds->v = calloc(ds->lib.n ? ds->lib.n : 1, sizeof *ds->v);
	if (!ds->v)
		return cmd_error("out of memory");
	for (size_t i = 0; i < ds->lib.n; i++) {
		const struct library_entry *e = &ds->lib.v[i];
		if (e->deck)
			ds->v[ds->n++] = e->deck;
		else
			fprintf(stderr, "%s\n", e->problem ? e->problem : "recall: a deck is not valid");
	}
	if (ds->n == 0)
		return cmd_error("no decks found (try 'recall study DECK...' or 'recall --help')");
	return 0;
}

/* A scheduling setting from the command line, applied after the config
 * file so that it wins. */
struct setting {
	const char *key, *value;
};

/* Reads the config file, then applies the command line's settings. */
static int settle_prefs(struct prefs *p, const struct setting *set, size_t nset)
{
	char err[1024];
	prefs_defaults(p);
	if (prefs_load(p, NULL, err, sizeof err) != 0) {
		fflush(stdout);
		fprintf(stderr, "%s\n", err);
		return CMD_EXIT_USAGE;
	}
	for (size_t i = 0; i < nset; i++) {
		if (prefs_set(p, set[i].key, set[i].value, err, sizeof err) != 0)
			return cmd_error("--%s", err);  /* "KEY: ..." */
	}
	if (sched_params_check(&p->sched, err, sizeof err) != 0)
		return cmd_error("%s", err);
	return 0;
}

static const struct option study_opts[] = {
	{ "db", required_argument, NULL, OPT_DB },
	{ "now", required_argument, NULL, OPT_NOW },
	{ "busy-timeout", required_argument, NULL, OPT_BUSY },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "help", no_argument, NULL, 'h' },
	{ "retention", required_argument, NULL, OPT_SETTING },
	{ "max-interval", required_argument, NULL, OPT_SETTING },
	{ "learning-steps", required_argument, NULL, OPT_SETTING },
	{ "relearning-steps", required_argument, NULL, OPT_SETTING },
	{ "day-starts", required_argument, NULL, OPT_SETTING },
	{ "new-per-day", required_argument, NULL, OPT_SETTING },
	{ "reviews-per-day", required_argument, NULL, OPT_SETTING },
	{ "no-fuzz", no_argument, NULL, OPT_SETTING },
	{ "cram", no_argument, NULL, OPT_SETTING },
	{ NULL, 0, NULL, 0 },
};

/* Parses study's options into c and set (argc entries); 0, -1 after
 * --help, or the exit status. */
static int study_args(int argc, char **argv, struct common *c, struct setting *set, size_t *nset)
{
	int opt, idx, rc;
	while ((opt = getopt_long(argc, argv, ":h", study_opts, &idx)) != -1) {
		switch (opt) {
		case 'h': fputs(usage_study, stdout); return -1;
		case OPT_PLAIN: c->plain = true; break;
		case OPT_SETTING:
			set[(*nset)++] = (struct setting){ study_opts[idx].name, optarg ? optarg : "yes" };
			break;
		case OPT_DB: case OPT_NOW: case OPT_BUSY:
			if ((rc = common_option(c, opt, optarg)) != 0)
				return rc;
			break;
		default: return cmd_bad_option(opt, argv, "study");
		}
	}
	return 0;
}

/* The session itself, once everything is in place. */
static int run_study(struct deckset *ds, struct store *st, const struct prefs *p,
                     const struct common *c)
{
	struct study_opts so = { .prefs = *p, .fixed_now = c->fixed_now, .now_value = c->now,
	                         .seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) };
	struct study *s;
	char err[1024];
	if (study_open(ds->v, ds->n, st, &so, &s, err, sizeof err) != 0)
		return cmd_error("%s", err);
	/* Full-screen on a terminal, unless --plain or the terminal cannot be
	 * driven; plain mode otherwise. */
	int rc = UI_CURSES_NO_TERMINAL;
	if (!c->plain && isatty(STDIN_FILENO) && isatty(STDOUT_FILENO)) {
		struct ui_curses_opts co = { .db = c->db, .fixed_now = c->fixed_now, .now_value = c->now,
		                             .busy_ms = c->busy_ms, .busy_given = true,
		                             .decks = ds->v, .ndecks = ds->n };
		rc = ui_curses_study(s, &co);
	}
	if (rc == UI_CURSES_NO_TERMINAL)
		rc = ui_plain_study_run(s, stdin, stdout);
	study_free(s);
	return rc;
}

int cmd_study(int argc, char **argv)
{
	struct common c = { .busy_ms = STORE_BUSY_DEFAULT_MS };
	struct setting *set = calloc((size_t)argc, sizeof *set);
	size_t nset = 0;
	struct deckset ds = {0};
	struct store *st = NULL;
	struct prefs p;
	if (!set)
		return cmd_error("out of memory");
	int rc = study_args(argc, argv, &c, set, &nset);
	if (rc == 0)
		rc = settle_prefs(&p, set, nset);
	if (rc == 0)
		rc = optind < argc ? load_named(&ds, argv + optind, (size_t)(argc - optind))
		                   : load_library(&ds);
	if (rc == 0)
		rc = open_store(&c, 0, &st);
	if (rc == 0)
		rc = run_study(&ds, st, &p, &c);
	store_close(st);
	decks_free(&ds);
	free(set);
	return rc < 0 ? CMD_EXIT_OK : rc;
}

/* ---- export-progress ---------------------------------------------- */

/* Writes the export to path through outfile (never over anything but a
 * regular file). */
static int export_to_file(struct store *st, enum store_format f, const char *path)
{
	char err[1024];
	char *buf = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&buf, &len);
	if (!mem)
		return cmd_error("out of memory");
	int r = store_export(st, mem, f, err, sizeof err);
	if (fclose(mem) != 0 && r == 0) {
		r = -1;
		snprintf(err, sizeof err, "out of memory");
	}
	if (r == 0 && outfile_replace(path, buf, len, err, sizeof err) != 0)
		r = -1;
	free(buf);
	return r == 0 ? CMD_EXIT_OK : cmd_error("%s", err);
}

int cmd_export_progress(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "csv", no_argument, NULL, OPT_CSV },
		{ "output", required_argument, NULL, 'o' },
		{ "db", required_argument, NULL, OPT_DB },
		{ "now", required_argument, NULL, OPT_NOW },
		{ "busy-timeout", required_argument, NULL, OPT_BUSY },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct common c = { .busy_ms = STORE_BUSY_DEFAULT_MS };
	enum store_format f = STORE_EXPORT_JSON;
	const char *out = NULL;
	char err[1024];
	int opt, rc;
	while ((opt = getopt_long(argc, argv, ":o:h", opts, NULL)) != -1) {
		switch (opt) {
		case OPT_CSV: f = STORE_EXPORT_CSV; break;
		case 'o': out = optarg; break;
		case 'h': fputs(usage_export, stdout); return CMD_EXIT_OK;
		case OPT_DB: case OPT_NOW: case OPT_BUSY:
			if ((rc = common_option(&c, opt, optarg)) != 0)
				return rc;
			break;
		default: return cmd_bad_option(opt, argv, "export-progress");
		}
	}
	if (optind < argc)
		return cmd_error("export-progress takes no files (try 'recall export-progress --help')");
	if (out && outfile_check(out, err, sizeof err) != 0)
		return cmd_error("-o: %s", err);
	struct store *st;
	if ((rc = open_store(&c, STORE_READONLY, &st)) != 0)
		return rc;
	if (out)
		rc = export_to_file(st, f, out);
	else if (store_export(st, stdout, f, err, sizeof err) != 0)
		rc = cmd_error("%s", err);
	store_close(st);
	return rc;
}
