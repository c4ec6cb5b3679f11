/* ui_plain — the line-by-line front end, for pipes, screen readers, scripts
 * and tests.  Its input lines are fixed and documented in recall.1 and the
 * README:
 *   choice     the option's number, letter or text ("2", "b", "two")
 *   multi      numbers or letters, e.g. "1 3", "1,3" or "a c"
 *   truefalse  t, f, true, false, yes, no      number, text  the answer itself
 *   order      the shown numbers in the right order
 *   match      for each left item in order, the letter of its partner ("b a c"),
 *              each letter once
 *   card       any line flips it (a typed one is kept as the guess), then 1-4
 *              rates it (again, hard, good, easy)
 *   at any prompt  :hint  :skip  :quit        end of input is :quit
 * On a terminal, long lines wrap at word boundaries to its width.
 */
#ifndef RECALL_UI_PLAIN_H
#define RECALL_UI_PLAIN_H

#include <stdio.h>

#include "session.h"

struct ui_plain_opts {
	const char *summary_json;  /* write the summary there too; or NULL */
};

/* Runs the quiz of *s from in to out until it ends, prints the summary, and
 * offers to retry the missed questions and those not reached (which
 * replaces *s with the retry session; the summary already printed stays in
 * the output, and summary_json keeps the first quiz's).  :quit ends a quiz
 * and still offers the retry; the end of input does not.  SIGINT, SIGTERM and SIGHUP end the quiz as :quit does (summary
 * and JSON included).  Returns 0; 1 when the summary could not be written
 * (the message is on stderr); 128 + the signal's number after a signal. */
int ui_plain_run(struct session **s, FILE *in, FILE *out, const struct ui_plain_opts *o);

/* Prints the summary of s to out as the plain mode does: the grade and
 * the score, the counts, the best streak and time, the result per tag,
 * every missed question with its answer and explanation, and how many were
 * not reached.  Returns 0, or -1 when memory runs out (said on out). */
int ui_plain_print_summary(const struct session *s, FILE *out);

#endif
