/* ui_plain_study — the line-by-line front end of study mode (study.h).
 *
 * Each question is shown as the quiz shows it and answered with the same
 * lines (ui_plain.h); then come the verdict and the proposed grade:
 *   Grade: Good (Enter keeps it; 1 again 1m, 2 hard 6m, 3 good 10m, 4 easy 8d)
 * each grade with the interval it would give (study_preview; none in
 * cram).  A line there keeps it (empty) or changes it (1-4, or the grade's
 * name).  A card's rating is its grade: no second question; after its
 * back, "Next review: again 1m, hard 6m, good 10m, easy 8d".  Once the grade is
 * recorded in the database, and only then, one line says so:
 *   Graded Good · next review in 10 minutes
 * ("-" for "·" when the locale is not UTF-8).  In cram the line is
 *   Cram: Good (nothing recorded)
 * At any prompt: :hint, :skip, :undo (takes back the last grade, in the
 * database too, and asks that question again), :quit.  The end of input
 * and SIGINT, SIGTERM and SIGHUP end the session as :quit does: what was
 * graded is recorded already; an answer not yet graded is not.
 */
#ifndef RECALL_UI_PLAIN_STUDY_H
#define RECALL_UI_PLAIN_STUDY_H

#include <stdio.h>

#include "study.h"

/* Runs the study session s from in to out until it ends, then prints the
 * grades given and what is due next.  Returns 0; 1 when the database
 * failed (the message is on stderr); 128 + the signal's number after a
 * signal. */
int ui_plain_study_run(struct study *s, FILE *in, FILE *out);

/* The summary of s, as ui_plain_study_run ends with it (and the
 * full-screen front end leaves it on the terminal once it has closed):
 *   == Study summary ==
 *   Grades given: Again 1, Hard 0, Good 3, Easy 1 (5 in all)
 *   Still due now: 2                   (only when some are)
 *   Next review: in 10 minutes         (or "none scheduled")
 *   New questions not yet studied: 12 */
void ui_plain_study_summary(struct study *s, FILE *out);

#endif
