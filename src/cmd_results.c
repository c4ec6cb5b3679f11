/* cmd_results — `recall results init`; see cmd_results.h. */
#include "cmd_results.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cmd_common.h"
#include "prefs.h"
#include "results.h"
#include "text.h"

static const char usage_results[] =
	"usage: recall results init [--results PATH|URI]\n"
	"\n"
	"Makes a class's results database ready: creates it, or brings an older\n"
	"one up to date.  On PostgreSQL (a postgresql:// URI, as libpq reads it;\n"
	"the password from ~/.pgpass or PGPASSWORD, never on the command line) it\n"
	"also makes the roles recall_student, which may only add its own answers\n"
	"and read what a student needs, and recall_teacher, which reads\n"
	"everything; give them to the class with GRANT (see docs/results.md).\n"
	"Run it again at any time: what is there is kept.\n"
	"\n"
	"      --results PATH   the results database, an SQLite file or a PostgreSQL\n"
	"                       URI (default: $RECALL_RESULTS, else\n"
	"                       ~/.local/share/recall/results.db)\n"
	"  -h, --help           show this help\n";

enum { OPT_RESULTS = 256 };

int cmd_results(int argc, char **argv)
{
	static const struct option opts[] = {
		{ "results", required_argument, NULL, OPT_RESULTS },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	const char *where = NULL;
	int c;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", opts, NULL)) != -1) {
		switch (c) {
		case OPT_RESULTS: where = optarg; break;
		case 'h': fputs(usage_results, stdout); return CMD_EXIT_OK;
		default: return cmd_bad_option(c, argv, "results");
		}
	}
	if (optind >= argc)
		return cmd_error("results: name what to do: init (try 'recall results --help')");
	if (strcmp(argv[optind], "init") != 0) {
		char b[80];
		return cmd_error("results: unknown action '%s' (try 'recall results --help')",
		                 text_escape_into(argv[optind], false, b, sizeof b));
	}
	if (optind + 1 < argc)
		return cmd_error("results init takes no more arguments (try 'recall results --help')");
	char path[4096], err[1024];
	if (!where) {
		if (prefs_results_path(path, sizeof path) != 0)
			return cmd_error("results: no place for the results database: set "
			                 "RECALL_RESULTS, HOME or XDG_DATA_HOME, or give --results");
		where = path;
	}
	if (results_init(where, err, sizeof err) != 0)
		return cmd_error("%s", err);
	char shown[512];
	printf("The results database %s%s%s is ready%s.\n", results_is_uri(where) ? "" : "'",
	       text_escape_into(results_where_shown(where), false, shown, sizeof shown),
	       results_is_uri(where) ? "" : "'",
	       results_is_uri(where) ? ", with the roles recall_student and recall_teacher" : "");
	return CMD_EXIT_OK;
}
