/* ui_plain_drill — the line-by-line front end of classroom drills
 * (drill.h), for pipes, screen readers, scripts and tests.
 *
 * Each question is shown as the quiz shows it (ui_plain.h), under
 *   Question 3 of 10 (choice, 100 points, 20 seconds)
 * and answered with the same lines.  Each turn begins with the time there
 * is ("20 seconds"; in hot-seat "Ana's turn: 20 seconds"), read with that
 * deadline: a line that does not fit is asked again with the seconds left
 * ("14 seconds left"); when the time runs out, "Time is up", and the
 * answer counts as wrong.  Nothing else is printed while the clock runs.
 *
 * One player: the verdict, the points (speed, streak bonus) and the score,
 * and the right answer when it was not given.  Hot-seat: "Ana has
 * answered." only, until the last has answered; then every player's answer
 * and verdict, the right answer, and the leaderboard
 *   1. Chen: 200 points (+1)
 * (the change since the question before: +N up, -N down, = the same); at
 * the end the podium (1st, 2nd, 3rd) and the final ranking with grades.
 * Class mode: once an answer is committed to the results store, and only
 * then, one line says so:
 *   Recorded question 3 of 10: right, +875 points
 * (nothing else begins with "Recorded"); at the end, the student's rank in
 * the class so far.
 *
 * At any prompt :skip skips (counts as wrong) and :quit ends the drill;
 * the end of input, SIGINT, SIGTERM and SIGHUP end it as :quit does.  In
 * class mode what was recorded stays, and starting again with the same
 * names goes on at the first question not answered.
 */
#ifndef RECALL_UI_PLAIN_DRILL_H
#define RECALL_UI_PLAIN_DRILL_H

#include <stdio.h>

#include "drill.h"

/* Runs drill d, reading answers from the file descriptor in (read
 * directly, to wait with a deadline) and writing to out, until it is over
 * or left; then the podium or the summary.  Returns 0; 1 when the results
 * store failed (the message is on stderr; what was recorded stays); 128 +
 * the signal's number after a signal. */
int ui_plain_drill_run(struct drill *d, int in, FILE *out);

/* Ends d (drill_finish) and prints how it ended, as the end of
 * ui_plain_drill_run does: the podium and the final ranking, or one
 * player's summary; in class mode the student's rank in the class so far.
 * The full-screen front end prints it too, once the terminal is restored.
 * Returns 0, or 1 when the class's results could not be read (said on
 * stderr). */
int ui_plain_drill_print_end(struct drill *d, FILE *out);

#endif
