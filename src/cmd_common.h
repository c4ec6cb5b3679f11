/* cmd_common — what the commands (main.c, cmd_*.c) say when a command
 * line is wrong.  Not core: it may give the terminal back first. */
#ifndef RECALL_CMD_COMMON_H
#define RECALL_CMD_COMMON_H

/* Exit statuses, also listed in recall.1. */
enum { CMD_EXIT_OK = 0, CMD_EXIT_USAGE = 1, CMD_EXIT_INVALID = 2 };

/* Prints "recall: MESSAGE" on stderr, after giving the terminal back if
 * the full screen had it; returns CMD_EXIT_USAGE.  Text from the command
 * line in the arguments must be escaped by the caller. */
int cmd_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* The option getopt_long refused, c being what it returned: ':' for a
 * missing value, '?' for an unknown option (with opterr off).  Says which,
 * escaped, naming a short option alone (-x of -qx), as the command cmd's
 * (NULL: recall's own, before any command); returns CMD_EXIT_USAGE. */
int cmd_bad_option(int c, char **argv, const char *cmd);

#endif
