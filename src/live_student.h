/* live_student — a student's side of a live drill (docs/results.md, "The
 * live drill"), for every front end: no terminal, no printing.
 *
 * A front end makes one with live_student_new and calls live_student_poll
 * again and again (its tick, or its loop between lines): each call acts on
 * at most one thing and says what changed (enum live_change), so a front
 * end that prints can say each change in order and one that draws can
 * draw the state after them (live_student_view).  The student finds the
 * class's drill (waiting for one to begin), joins it, then follows its
 * events: the batch of events read at a time, acted on in order; the
 * first read only at the last of them, so that a student who starts late
 * or again catches up at the current question.  live_student_answer sends
 * the answer to the open question, once.
 *
 * A store that fails is tried again at the next poll (the server may be
 * restarting) for up to LIVE_STUDENT_RETRY_S seconds (LIVE_RETRYING), then
 * the poll fails (LIVE_FAILED, live_student_error says why).  Between
 * polls, live_student_wait waits for the store to have something new.
 */
#ifndef RECALL_LIVE_STUDENT_H
#define RECALL_LIVE_STUDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "answer.h"
#include "live.h"
#include "results.h"

#define LIVE_STUDENT_RETRY_S 60.0

/* Where the student is. */
enum live_phase {
	LIVE_FINDING,    /* no live drill of the class under way: waiting for the teacher */
	LIVE_LOBBY,      /* joined; no question opened yet */
	LIVE_OPEN,       /* a question is open and they have not answered it */
	LIVE_ANSWERED,   /* they answered it (now, or before a restart): waiting for the close */
	LIVE_MISSED,     /* the clock ran out, or the question closed, before their answer */
	LIVE_JUDGING,    /* the question closed; the host is judging (no verdicts yet) */
	LIVE_CLOSED,     /* the verdicts are in (res) */
	LIVE_ENDED       /* the drill is over (final: the final ranking) */
};

/* What one poll (or an answer) changed. */
enum live_change {
	LIVE_FAILED = -1,  /* the store failed for good (live_student_error) */
	LIVE_NOTHING = 0,  /* nothing new */
	LIVE_WAITING,      /* no drill under way: waiting for the teacher (said once) */
	LIVE_JOINED,       /* the class's drill was found and joined */
	LIVE_FIRST,        /* caught up: the drill has begun, no question opened yet */
	LIVE_OPENED,       /* a question opened (phase OPEN, or ANSWERED when answered_before) */
	LIVE_PAUSED,       /* the teacher paused the open question's clock */
	LIVE_RESUMED,      /* and started it again */
	LIVE_TIME_UP,      /* the clock ran out before an answer (phase MISSED) */
	LIVE_SENT,         /* their answer is recorded (phase ANSWERED) */
	LIVE_ALREADY,      /* they had answered it already; nothing recorded (phase ANSWERED) */
	LIVE_TOO_LATE,     /* the question closed before the answer came; nothing recorded
	                      (phase MISSED) */
	LIVE_JUDGING_NOW,  /* the question closed, verdicts to come (phase JUDGING) */
	LIVE_RESULT,       /* the verdicts of a question (phase CLOSED) */
	LIVE_ENDED_NOW,    /* the drill ended (phase ENDED) */
	LIVE_RETRYING      /* the store failed; tried again at the next poll */
};

/* What a front end reads of the student's state (valid until the next
 * poll or answer; strings owned by the student). */
struct live_student_view {
	enum live_phase phase;
	const char *klass, *student;  /* as given to live_student_new */
	const char *drill;            /* the drill's id; "" until found */
	unsigned count;               /* questions in the drill; 0 while unknown */
	double time_limit;            /* seconds a question has; 0: no clock */
	bool have_q;                  /* q is the question of index */
	struct live_question q;       /* the question open, or the last one opened */
	int index;                    /* its index (from 0); -1 none */
	double closes;                /* when it closes (Unix seconds); 0: no clock, or paused */
	bool paused;                  /* the teacher paused its clock */
	double paused_left;           /* paused: the seconds that were left */
	bool answered_before;         /* the store had their answer when it opened (they started
	                                 again) */
	const char *given;            /* their answer to it as sent (a line as typed); NULL when
	                                 unknown */
	bool cut_off;                 /* with this change only: the question closed while open to
	                                 them (they had not answered, the clock had not run out) */
	bool have_result;             /* res holds the verdicts of result_index */
	struct live_result res;       /* the last closed question's (kept at the end) */
	int result_index;             /* the question of res; -1 none */
	bool have_final;              /* ended: final holds the final ranking */
	struct live_result final;
};

struct live_student;

/* A student named student of class klass, over the store r (all borrowed:
 * they outlive it).  Nothing is read until the first poll.  NULL when
 * memory runs out.  Free with live_student_free. */
struct live_student *live_student_new(struct results *r, const char *klass, const char *student);
void live_student_free(struct live_student *s);

/* How long a failing store is tried again (LIVE_STUDENT_RETRY_S unless
 * set; 0: not at all). */
void live_student_set_retry(struct live_student *s, double seconds);

/* Acts on the next thing there is: an answer to send again, then the
 * next event read, else the clock of the open question, else a new read
 * of the store.  Returns what changed (LIVE_NOTHING: nothing now). */
enum live_change live_student_poll(struct live_student *s);

/* Sends given (the line as typed; ":skip" gives no answer) to the open
 * question: LIVE_SENT, LIVE_ALREADY, LIVE_TOO_LATE, LIVE_TIME_UP (the
 * clock had run out: nothing sent), LIVE_RETRYING (sent again at the next
 * poll, which says how it went), LIVE_FAILED; LIVE_NOTHING when no
 * question is open to them (LIVE_ALREADY when they answered it). */
enum live_change live_student_answer(struct live_student *s, const char *given);

/* Waits at most ms for something new: the store's wait while it works,
 * a pause while it is being tried again. */
void live_student_wait(struct live_student *s, int ms);

const struct live_student_view *live_student_view(const struct live_student *s);

/* Seconds left on the open question's clock (counted from when the host
 * opened it, not from when the student read it; paused: as it stood),
 * at least 0; -1 when there is no clock. */
double live_student_time_left(const struct live_student *s);

/* Whether the open question's clock has run out: an answer now is too
 * late (live_student_answer says LIVE_TIME_UP and sends nothing). */
bool live_student_clock_out(const struct live_student *s);

/* Why the last poll or answer failed: one line. */
const char *live_student_error(const struct live_student *s);

/* ---- what every front end says of a result, in the same words ---- */

#define LIVE_STUDENT_NOT_ANSWERED "You did not answer it"

/* Their verdict at a closed question, as a drill says it
 * (verdict_drill_line): "Right! +950 points", "Time is up: counts as
 * wrong. +0 points"; "" when they had none (LIVE_STUDENT_NOT_ANSWERED).
 * Returns buf. */
char *live_student_say_verdict(const struct live_result *r, char *buf, size_t size);
/* "Your rank: 2 of 5, 1,900 points"; "" when not ranked. */
char *live_student_say_rank(const struct live_result *r, char *buf, size_t size);
/* "The class: 3 of 5 right". */
char *live_student_say_class(const struct live_result *r, char *buf, size_t size);
/* The end: "You finished 2 of 5 with 1,900 points"; "" when not ranked. */
char *live_student_say_final(const struct live_result *r, char *buf, size_t size);

/* The answer line (as plain mode reads it, and the host judges it) that
 * gives response r to question q: "2" (choice), "1 3" (multi), "true",
 * the text typed (number, text), "3 1 2" (order), "b a c" (match).
 * Returns 0, or -1 when r gives no whole answer or buf is too small. */
int live_student_answer_line(const struct live_question *q, const struct response *r, char *buf,
                     size_t size);

#endif
