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

#include <stdbool.h>
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

/* The pieces the plain study front end (ui_plain_study.c) shares: */

/* Reads one line without its end of line; NULL at end of input or when a
 * signal asks to stop.  The result lives in *buf until the next call. */
char *ui_plain_read_line(FILE *in, char **buf, size_t *cap);

/* Prints label, then deck text escaped (newlines kept when multiline), then
 * a newline, wrapped at word boundaries to a terminal's width. */
void ui_plain_put_line(FILE *out, const char *label, const char *text, bool multiline);

/* The question type's name for learners ("true or false"). */
const char *ui_plain_type_label(const struct question *q);

/* Prints a question as the quiz shows it, after its header line: the
 * prompt, the options in their shown order, the unit, what to type. */
void ui_plain_show_body(FILE *out, const struct item *it);

/* Turns an answer line into a response (scratch: DECK_MAX_CHOICES values
 * for order and match); false with *why, a message to show, when the line
 * does not fit the question.  A card's line is its rating, 1-4. */
bool ui_plain_parse_answer(const struct item *it, const char *line, struct response *r,
                           size_t *scratch, const char **why);

/* Shows a card's back, the guess typed (when not ""), and asks for a
 * rating. */
void ui_plain_flip_card(FILE *out, const struct item *it, const char *guess);

/* What follows a verdict's headline: its note, the right answer when it
 * was not given (not again for a card whose back was seen), the
 * explanation and the source. */
void ui_plain_show_details(FILE *out, const struct item *it, bool seen_back);

#endif
