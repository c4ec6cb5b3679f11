/* cmd_common — command-line errors; see cmd_common.h. */
#include "cmd_common.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"
#include "diag.h"
#include "stop.h"
#include "text.h"
#include "ui_curses.h"

int cmd_error(const char *fmt, ...)
{
	va_list ap;
	ui_curses_restore();  /* an error is never printed over the full screen */
	fflush(stdout);
	fputs("recall: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	return CMD_EXIT_USAGE;
}

int cmd_bad_option(int c, char **argv, const char *cmd)
{
	char b[80], shortopt[3] = { '-', (char)optopt, '\0' };
	const char *arg = argv[optind - 1];
	if (strncmp(arg, "--", 2) != 0 && optopt > 0 && optopt < 128)
		arg = shortopt;
	text_escape_into(arg, false, b, sizeof b);
	char *eq = strchr(b, '=');  /* --tag=..., named without its value */
	if (eq && b[0] == '-' && b[1] == '-')
		*eq = '\0';
	if (!cmd)  /* recall's own, before any command */
		return cmd_error(c == ':' ? "option '%s' needs a value (try 'recall --help')"
		                          : "unknown option '%s' (try 'recall --help')", b);
	if (c == ':')
		return cmd_error("%s: option '%s' needs a value (try 'recall %s --help')", cmd, b, cmd);
	return cmd_error("%s: unknown option '%s' (try 'recall %s --help')", cmd, b, cmd);
}

/* A deck file that could not be opened is no broken deck: says so as
 * "recall: cannot open 'x.json': why". */
static bool cannot_open(const char *path, const struct diags *d)
{
	static const char what[] = "cannot open: ";
	if (d->n != 1 || d->v[0].line != 0 || strncmp(d->v[0].msg, what, sizeof what - 1) != 0)
		return false;
	char b[512];
	fprintf(stderr, "recall: cannot open '%s': %s\n", text_escape_into(path, false, b, sizeof b),
	        d->v[0].msg + sizeof what - 1);
	return true;
}

int cmd_load_decks(char *const *paths, size_t n, struct deck ***decks)
{
	struct deck **v = calloc(n ? n : 1, sizeof *v);
	size_t nmissing = 0, ninvalid = 0;
	int rc = 0;
	*decks = NULL;
	if (!v)
		return cmd_error("out of memory");
	for (size_t i = 0; i < n && !stop_signal(); i++) {
		struct diags d = {0};
		v[i] = deck_load(paths[i], &d);
		if (!stop_signal() && !cannot_open(paths[i], &d)) {
			diag_print(&d, stderr);
			ninvalid += d.nerrors != 0;
		} else if (!v[i]) {
			nmissing++;
		}
		diag_free(&d);
	}
	if (stop_signal()) {
		rc = 128 + stop_signal();
	} else if (ninvalid) {
		fprintf(stderr, "recall: refusing to start: fix the deck%s above (recall check shows "
		        "every problem)\n", ninvalid == 1 ? "" : "s");
		rc = CMD_EXIT_INVALID;
	} else if (nmissing) {
		rc = CMD_EXIT_USAGE;
	}
	if (rc != 0) {
		for (size_t i = 0; i < n; i++)
			deck_free(v[i]);
		free(v);
		return rc;
	}
	*decks = v;
	return 0;
}
