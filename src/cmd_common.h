/* cmd_common — what the commands (main.c, cmd_*.c) say when a command
 * line is wrong.  Not core: it may give the terminal back first. */
#ifndef RECALL_CMD_COMMON_H
#define RECALL_CMD_COMMON_H

#include <stddef.h>

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

struct deck;

/* Loads the decks at paths[0..n) into *decks (an array of n, which the
 * caller frees, each deck with deck_free), saying every problem on stderr
 * as recall quiz does: a file that cannot be opened ("recall: cannot open
 * 'x.json': why"), an invalid deck (its problems, then "refusing to
 * start").  Returns 0; CMD_EXIT_USAGE (a file that cannot be opened, out
 * of memory), CMD_EXIT_INVALID (an invalid deck) or 128 + a signal's
 * number, and then *decks is NULL with nothing left to free. */
int cmd_load_decks(char *const *paths, size_t n, struct deck ***decks);

#endif
