/* ui_plain_live — the line-by-line front end of the live drill (live.h):
 * the host (the teacher, who holds the decks and paces the drill) and the
 * students (who hold no deck), for pipes, screen readers, scripts and
 * tests.  docs/results.md, "The live drill", gives the flow.  The host's
 * drill itself (what is posted, the clock, the judging) is the host core's
 * (live_host.h), which the full-screen host (ui_live_host.h) drives too.
 *
 * The host prints the class and how students join, each student as they
 * join ("Joined: Ana (1 in all)"), then for each question
 *   Question 1 of 5 opened (choice, 1000 points, 20 seconds)
 * with the question, "3 of 30 answered" as answers come, and when it
 * closes (time up, everyone who joined answered, or Enter) the right
 * answer, how the class answered (per option, or the share right) and the
 * leaderboard; at the end the podium and the final standings (a host
 * started again on a drill begun says "Resuming the drill at question N"
 * and goes on from there).  Lines the
 * host reads: Enter (an empty line) starts, closes the open question or
 * opens the next; :pause pauses or resumes the clock; :skip skips the
 * question (closed without scoring); :end ends the drill.  The end of its
 * input ends the drill as :end does (not with --auto: unattended).
 *
 * A student sees "Waiting for the teacher" until the host begins, joins,
 * then each question as it opens with the time left counted from when the
 * host opened it, answers it once (as in recall quiz --plain; :skip
 * gives no answer, :quit leaves), and when it closes: the right answer,
 * their verdict and points, the class's share right and their rank.  A
 * student who starts late or again catches up at the current question.
 * The end of input leaves the student following the drill to its end. */
#ifndef RECALL_UI_PLAIN_LIVE_H
#define RECALL_UI_PLAIN_LIVE_H

#include <stdbool.h>
#include <stdio.h>

#include "drill.h"
#include "results.h"

struct ui_live_host_opts {
	double auto_next;   /* >= 0: open the next question this many seconds after
	                       a close, without Enter; < 0: wait for Enter */
	unsigned wait_for;  /* with auto_next: open the first question once this many
	                       students joined (at least 1) */
};

/* The host: runs the live drill of d (built in class mode over results r)
 * reading lines from in, writing to out.  Returns 0, 1 when the results
 * store failed (said on stderr), 128 + a signal's number after one. */
int ui_plain_live_host(struct drill *d, struct results *r, const struct ui_live_host_opts *o,
                       int in, FILE *out);

struct live_host;

/* What the plain host prints at the end of a drill (live_host.h, ended):
 * the podium and the final standings.  The full-screen host leaves them in
 * the scrollback with it. */
void ui_plain_live_host_print_end(struct live_host *h, FILE *out);

/* A student of class klass named student: joins the class's live drill in
 * r (waiting for one to begin) and follows it to its end.  Return values
 * as for ui_plain_live_host. */
int ui_plain_live_student(struct results *r, const char *klass, const char *student, int in,
                          FILE *out);

struct live_student;

/* The end of a live drill as the student sees it, "The drill is over"
 * and their final rank, once ls has followed it there (nothing before):
 * the plain student's last lines, also printed after the full-screen
 * student has given the terminal back. */
void ui_plain_live_student_end(const struct live_student *ls, FILE *out);

/* ---- shared by the two halves (ui_plain_live.c) ---- */

/* Lines read straight from a file descriptor with a timeout. */
struct ui_live_lines {
	int fd;
	char buf[4096];
	size_t len, taken;
	bool eof;
};

/* The next line (trimmed; valid until the next call) into *line, waiting at
 * most ms: 1 a line, 0 none yet, -1 the end of input. */
int ui_live_read_line(struct ui_live_lines *l, int ms, char **line);

#endif
