/* cmd_import — `recall import` and `recall export`; see cmd_import.h. */
#include "cmd_import.h"

#include <getopt.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd_common.h"
#include "deck.h"
#include "deck_write.h"
#include "diag.h"
#include "export.h"
#include "import.h"
#include "outfile.h"
#include "stop.h"
#include "text.h"

static const char usage_import[] =
	"usage: recall import [OPTION]... FILE...\n"
	"\n"
	"Turns question banks in other formats into one recall deck, written to\n"
	"standard output or to -o FILE.  What cannot be carried over is said as\n"
	"file:line: warning: ..., and a count of what was imported ends the run.\n"
	"Question ids come from each question's text and answer, so importing a\n"
	"newer version of a bank keeps the progress of the unchanged questions.\n"
	"\n"
	"  -f, --format F     the files' format (found from each file's name and\n"
	"                     content when not given):\n"
	"                       opentdb  Open Trivia Database JSON\n"
	"                       aiken    Aiken, Moodle's multiple-choice text\n"
	"                       csv      a classroom quiz game's spreadsheet as CSV\n"
	"                       gift     GIFT, Moodle's question text\n"
	"                       anki     Anki notes exported as plain text\n"
	"                       hascard  hascard's text decks\n"
	"  -o, --output FILE  write the deck to FILE, which must not exist\n"
	"      --force        replace FILE when it exists\n"
	"      --id ID        the deck's id (default: from the first file's name)\n"
	"      --title TITLE  the deck's title (default: the first file's name)\n"
	"  -h, --help         show this help\n"
	"\n"
	"Exit status: 0 when the deck was written, 1 for a usage error, a file\n"
	"that cannot be opened or an output refused, 2 when a file could not be\n"
	"read in its format or held no question (then nothing is written).\n"
	"docs/import.md gives each format's mapping.\n";

static const char usage_export[] =
	"usage: recall export --format F [OPTION]... DECK...\n"
	"\n"
	"Writes the questions of decks in another format, to standard output or\n"
	"to -o FILE.  A question the format cannot hold is left out with a\n"
	"warning naming it; so are fields it has no place for.\n"
	"\n"
	"  -f, --format F     the format to write:\n"
	"                       aiken (choice and truefalse questions)\n"
	"                       csv   (a classroom quiz game's spreadsheet: choice,\n"
	"                             multi and truefalse of up to four options)\n"
	"                       gift  (Moodle: choice, multi, truefalse, text,\n"
	"                             number and match questions)\n"
	"                       anki  (Anki notes: cards and text questions, the\n"
	"                             others as cards with the answer written out)\n"
	"  -o, --output FILE  write to FILE, which must not exist\n"
	"      --force        replace FILE when it exists\n"
	"  -h, --help         show this help\n"
	"\n"
	"Exit status: 0 when written, 1 for a usage error, a deck that cannot be\n"
	"opened, an output refused or no question to write, 2 for an invalid deck.\n";

/* Options both commands share. */
struct out_opts {
	const char *output;  /* -o, or NULL for standard output */
	bool force;
};

/* Checks -o before any work; 0 or the exit status. */
static int check_output(const struct out_opts *o, const char *cmd)
{
	char err[1024];
	if (!o->output)
		return 0;
	int rc = o->force ? outfile_check(o->output, err, sizeof err) : outfile_check_new(o->output, err, sizeof err);
	if (rc != 0)
		return cmd_error("%s: %s%s", cmd, err, o->force || !strstr(err, "exists already") ? "" : " (--force replaces it)");
	return 0;
}

/* Writes text to -o or standard output; 0 or the exit status. */
static int write_output(const struct out_opts *o, const char *cmd, const char *text, size_t len)
{
	if (!o->output) {
		fwrite(text, 1, len, stdout);
		return 0;  /* main's close_stdout reports a write error */
	}
	char err[1024];
	int rc = o->force ? outfile_replace(o->output, text, len, err, sizeof err)
	                  : outfile_create(o->output, text, len, err, sizeof err);
	if (rc != 0)
		return cmd_error("%s: %s%s", cmd, err, o->force || !strstr(err, "exists already") ? "" : " (--force replaces it)");
	return 0;
}

/* Adds "(3 choice, 1 truefalse)" for the counts by type to b. */
static void by_type(struct text_buf *b, const size_t counts[Q_NTYPES])
{
	const char *sep = " (";
	for (int t = 0; t < Q_NTYPES; t++) {
		if (counts[t]) {
			text_buf_printf(b, "%s%zu %s", sep, counts[t], deck_type_name((enum qtype)t));
			sep = ", ";
		}
	}
	if (sep[0] == ',')
		text_buf_puts(b, ")");
}

/* A deck id: 1-64 of [a-z0-9._-]. */
static bool is_slug(const char *s)
{
	size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyz0123456789._-");
	return n == strlen(s) && n >= 1 && n <= 64;
}

/* Text a deck may hold as its title: UTF-8, not blank, no control
 * characters but tabs. */
static bool is_title(const char *s)
{
	size_t n = strlen(s);
	if (text_utf8_check(s, n) != n)
		return false;
	bool blank = true;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, n - i, &cp);
		if (text_is_control(cp) && cp != '\t')
			return false;
		blank = blank && (cp == ' ' || cp == '\t');
		i += k;
	}
	return !blank;
}

/* The default title: the file's name without its folder and extension,
 * or the deck id when that is no usable title. */
static char *default_title(const char *path, const char *id)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	char *t = malloc(n + 1);
	if (!t)
		return NULL;
	memcpy(t, base, n);
	t[n] = '\0';
	if (!is_title(t)) {
		free(t);
		t = strdup(id);
	}
	return t;
}

/* ---- import --------------------------------------------------------- */

struct import_args {
	struct out_opts out;
	const struct import_format *format;
	const char *id, *title;
};

static int parse_import_args(int argc, char **argv, struct import_args *a, bool *help)
{
	enum { OPT_ID = 256, OPT_TITLE, OPT_FORCE };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "id", required_argument, NULL, OPT_ID },
		{ "title", required_argument, NULL, OPT_TITLE },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	char b[200], list[200];
	int c;
	while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			a->format = import_format_find(optarg);
			if (!a->format)
				return cmd_error("import: unknown format '%s' (%s)", text_escape_into(optarg, false, b, sizeof b),
				                 import_format_list(list, sizeof list));
			break;
		case 'o': a->out.output = optarg; break;
		case OPT_ID:
			if (!is_slug(optarg))
				return cmd_error("import: --id wants 1 to 64 lower-case letters, digits, '-', '_' or '.', not '%s'",
				                 text_escape_into(optarg, false, b, sizeof b));
			a->id = optarg;
			break;
		case OPT_TITLE:
			if (!is_title(optarg))
				return cmd_error("import: --title wants text that is not blank, without control characters");
			a->title = optarg;
			break;
		case OPT_FORCE: a->out.force = true; break;
		case 'h': *help = true; return 0;
		default: return cmd_bad_option(c, argv, "import");
		}
	}
	if (optind >= argc)
		return cmd_error("import: name at least one file to import (try 'recall import --help')");
	return 0;
}

/* Reads every file into imp; 0, or the exit status. */
static int import_files(struct import_ctx *imp, const struct import_args *a, int argc, char **argv)
{
	size_t nmissing = 0, ninvalid = 0;
	for (int i = optind; i < argc && !stop_signal(); i++) {
		struct diags d = {0};
		size_t len;
		char *buf = deck_read_file(argv[i], &len, &d);
		if (!buf) {
			nmissing++;
		} else if (len > DECK_MAX_BYTES) {
			diag_file(&d, argv[i], DIAG_ERROR, "file is larger than the %u MiB recall reads",
			          DECK_MAX_BYTES / (1024u * 1024u));
			ninvalid++;
		} else if (import_buffer(imp, argv[i], buf, len, a->format, &d) != 0) {
			ninvalid++;
		}
		free(buf);
		diag_print(&d, stderr);
		diag_free(&d);
	}
	if (stop_signal())
		return 128 + stop_signal();
	if (nmissing || ninvalid) {
		fprintf(stderr, "recall: import: nothing written: %s\n",
		        nmissing ? "a file could not be opened" : "fix the file above, or leave it out");
		return nmissing ? CMD_EXIT_USAGE : CMD_EXIT_INVALID;
	}
	if (import_get_counts(imp)->imported == 0) {
		fprintf(stderr, "recall: import: nothing written: no question could be imported\n");
		return CMD_EXIT_INVALID;
	}
	return 0;
}

/* The deck as text, checked as recall check would; NULL having said why. */
static char *deck_text(struct deck *deck, const char *name)
{
	char *text = deck_write_json(deck);
	if (!text) {
		fputs("recall: out of memory\n", stderr);
		return NULL;
	}
	struct diags d = {0};
	struct deck *again = deck_load_buffer(name, text, strlen(text), &d);
	diag_print(&d, stderr);  /* warnings of the check: invisible characters */
	const struct diag *e = diag_first_error(&d);
	if (!again && e && strcmp(e->msg, "out of memory") == 0) {
		free(text);
		text = NULL;
	} else if (!again) {
		fputs("recall: import: the deck made does not pass the check (a fault of recall's); nothing written\n",
		      stderr);
		free(text);
		text = NULL;
	}
	deck_free(again);
	diag_free(&d);
	return text;
}

int cmd_import(int argc, char **argv)
{
	struct import_args a = {0};
	bool help = false;
	int rc = parse_import_args(argc, argv, &a, &help);
	if (rc || help) {
		if (help)
			fputs(usage_import, stdout);
		return rc;
	}
	if ((rc = check_output(&a.out, "import")) != 0)
		return rc;
	struct import_ctx *imp = import_new();
	if (!imp) {
		fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	if ((rc = import_files(imp, &a, argc, argv)) != 0) {
		import_free(imp);
		return rc;
	}
	struct import_counts counts = *import_get_counts(imp);
	char id[80];
	if (a.id)
		snprintf(id, sizeof id, "%s", a.id);
	else
		import_slug_name(argv[optind], id, sizeof id);
	char *title = a.title ? strdup(a.title) : default_title(argv[optind], id);
	struct deck *deck = title ? import_finish(imp, id, title) : (import_free(imp), NULL);
	free(title);
	char *text = deck ? deck_text(deck, a.out.output ? a.out.output : "(the deck)") : NULL;
	deck_free(deck);
	if (!text) {
		if (!deck)
			fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	if (stop_signal()) {
		free(text);
		return 128 + stop_signal();
	}
	rc = write_output(&a.out, "import", text, strlen(text));
	free(text);
	if (rc == 0) {
		struct text_buf b = {0};
		text_buf_printf(&b, "recall: import: %zu question%s imported", counts.imported,
		                counts.imported == 1 ? "" : "s");
		by_type(&b, counts.by_type);
		text_buf_printf(&b, ", %zu skipped", counts.skipped);
		char *line = text_buf_finish(&b);
		if (line)
			fprintf(stderr, "%s\n", line);
		free(line);
	}
	return rc;
}

/* ---- export --------------------------------------------------------- */

int cmd_export(int argc, char **argv)
{
	enum { OPT_FORCE = 256 };
	static const struct option opts[] = {
		{ "format", required_argument, NULL, 'f' },
		{ "output", required_argument, NULL, 'o' },
		{ "force", no_argument, NULL, OPT_FORCE },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 },
	};
	struct out_opts out = {0};
	const struct export_format *f = NULL;
	char b[200], list[200];
	int c;
	while ((c = getopt_long(argc, argv, ":f:o:h", opts, NULL)) != -1) {
		switch (c) {
		case 'f':
			f = export_format_find(optarg);
			if (!f)
				return cmd_error("export: unknown format '%s' (%s)", text_escape_into(optarg, false, b, sizeof b),
				                 export_format_list(list, sizeof list));
			break;
		case 'o': out.output = optarg; break;
		case OPT_FORCE: out.force = true; break;
		case 'h': fputs(usage_export, stdout); return CMD_EXIT_OK;
		default: return cmd_bad_option(c, argv, "export");
		}
	}
	if (!f)
		return cmd_error("export: name the format with --format (%s)", export_format_list(list, sizeof list));
	if (optind >= argc)
		return cmd_error("export: name at least one deck (try 'recall export --help')");
	int rc = check_output(&out, "export");
	if (rc)
		return rc;
	size_t n = (size_t)(argc - optind), nmissing = 0, ninvalid = 0;
	struct deck **decks = calloc(n, sizeof *decks);
	if (!decks) {
		fputs("recall: out of memory\n", stderr);
		return CMD_EXIT_USAGE;
	}
	for (size_t i = 0; i < n && !stop_signal(); i++) {
		struct diags d = {0};
		decks[i] = deck_load(argv[optind + (int)i], &d);
		diag_print(&d, stderr);
		if (!decks[i] && d.n == 1 && d.v[0].line == 0 && strncmp(d.v[0].msg, "cannot ", 7) == 0)
			nmissing++;
		else if (!decks[i])
			ninvalid++;
		diag_free(&d);
	}
	char *text = NULL;
	struct export_counts counts = {0};
	struct diags d = {0};
	if (stop_signal()) {
		rc = 128 + stop_signal();
	} else if (nmissing || ninvalid) {
		fputs("recall: export: nothing written\n", stderr);
		rc = ninvalid ? CMD_EXIT_INVALID : CMD_EXIT_USAGE;
	} else if (!(text = export_decks(f, decks, n, &d, &counts))) {
		fputs("recall: out of memory\n", stderr);
		rc = CMD_EXIT_USAGE;
	} else {
		diag_print(&d, stderr);
		if (counts.written == 0) {
			fprintf(stderr, "recall: export: nothing written: no question %s can hold\n", f->name);
			rc = CMD_EXIT_USAGE;
		} else {
			rc = write_output(&out, "export", text, strlen(text));
		}
	}
	if (rc == 0) {
		struct text_buf t = {0};
		text_buf_printf(&t, "recall: export: %zu question%s written, %zu left out", counts.written,
		                counts.written == 1 ? "" : "s", counts.left_out);
		by_type(&t, counts.left_by_type);
		char *line = text_buf_finish(&t);
		if (line)
			fprintf(stderr, "%s\n", line);
		free(line);
	}
	free(text);
	diag_free(&d);
	for (size_t i = 0; i < n; i++)
		deck_free(decks[i]);
	free(decks);
	return rc;
}
