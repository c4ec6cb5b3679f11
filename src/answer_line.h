/* answer_line — an answer typed on one line, read the way recall quiz
 * --plain reads it (the README's table of answer lines):
 *   choice     the option's number, letter or text ("2", "b", "two")
 *   multi      numbers or letters, e.g. "1 3", "1,3" or "a c"
 *   truefalse  t, f, true, false, yes, no
 *   number     the number, in digits or words; text  the answer itself
 *   order      the shown numbers in the right order
 *   match      for each left item in order, the letter of its partner
 *   card       the rating, 1-4
 * Numbers and letters name options by the place they are shown at.  The
 * plain front ends read what is typed with it, and a live drill's host
 * judges the lines its students typed with it (live_host.h). */
#ifndef RECALL_ANSWER_LINE_H
#define RECALL_ANSWER_LINE_H

#include <stdbool.h>
#include <stddef.h>

#include "answer.h"
#include "session.h"

/* Turns an answer line into a response for item it (scratch:
 * DECK_MAX_CHOICES values for order and match, which r then points into;
 * r->text points into line); false with *why, a message to show (static),
 * when the line does not fit the question. */
bool answer_line_parse(const struct item *it, const char *line, struct response *r,
                       size_t *scratch, const char **why);

#endif
