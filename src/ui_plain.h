/* ui_plain — the line-by-line front end, for pipes, screen readers, scripts
 * and tests.  Its input lines are fixed and documented in recall.1 and the
 * README:
 *   choice     the option's number            multi  numbers, e.g. "1 3" or "1,3"
 *   truefalse  t, f, true, false, yes, no      number, text  the answer itself
 *   order      the shown numbers in the right order
 *   match      for each left item in order, the letter of its partner ("b a c")
 *   card       an empty line flips it, then 1-4 rates it (again, hard, good, easy)
 *   at any prompt  :hint  :skip  :quit        end of input is :quit
 */
#ifndef RECALL_UI_PLAIN_H
#define RECALL_UI_PLAIN_H

#include <stdio.h>

#include "session.h"

struct ui_plain_opts {
	const char *summary_json;  /* write the summary there too; or NULL */
};

/* Runs the quiz of *s from in to out until it ends, prints the summary, and
 * offers to retry the missed questions (which replaces *s with the retry
 * session).  SIGINT, SIGTERM and SIGHUP end the quiz as :quit does (summary
 * and JSON included).  Returns 0; 1 when the summary could not be written
 * (the message is on stderr); 128 + the signal's number after a signal. */
int ui_plain_run(struct session **s, FILE *in, FILE *out, const struct ui_plain_opts *o);

#endif
