/* cmd_common — command-line errors; see cmd_common.h. */
#include "cmd_common.h"

#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

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
