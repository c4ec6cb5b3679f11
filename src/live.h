/* live — what a live drill publishes, shared by the host and the students
 * of every front end (docs/results.md, "The live drill").
 *
 * The host (who holds the decks) posts each question as it opens without
 * its answer (live_open_payload), judges the answers the students typed
 * when it closes (live_host_judge: scored as any drill, recorded in the
 * results like any drill's answers) and posts the verdicts, the class's
 * answer shares and the leaderboard (live_close_payload).  A student
 * rebuilds the question from what was posted (live_question_parse) to show
 * it and check what they type, and reads their verdict and rank from the
 * close (live_close_parse).  Payloads are JSON.
 */
#ifndef RECALL_LIVE_H
#define RECALL_LIVE_H

#include <stdbool.h>
#include <stddef.h>

#include "answer.h"
#include "deck.h"
#include "drill_score.h"
#include "results.h"
#include "session.h"

/* The most students a live drill keeps a tally of. */
#define LIVE_MAX_STUDENTS 1000

/* The open payload of item it, question index of count, for a drill of
 * time_limit seconds a question: type, prompt, options in the order shown
 * (match: both columns), unit, points, hint left out.  Returns a string
 * the caller frees, or NULL when memory runs out. */
char *live_open_payload(const struct item *it, unsigned index, unsigned count, double time_limit);

/* A question rebuilt from an open payload: the item (with a question that
 * holds no answer) a front end shows and checks typing against. */
struct live_question {
	struct item it;
	struct question q;
	unsigned index, count;
	double time_limit;
	size_t shown[DECK_MAX_CHOICES];
	const char *choices[DECK_MAX_CHOICES];
	const char *rights[DECK_MAX_CHOICES];
	void *json;              /* owns the strings */
};

/* Parses payload into *q (free with live_question_free).  Returns 0, or -1
 * when it is not an open payload. */
int live_question_parse(const char *payload, struct live_question *q);
void live_question_free(struct live_question *q);

/* One student's verdict at a closed question. */
struct live_verdict {
	const char *student;     /* borrowed */
	bool answered;           /* false: they gave nothing (timed out) */
	int outcome;             /* enum outcome, or RESULTS_TIMED_OUT */
	double points, bonus;
	unsigned choice_pick;    /* choice/truefalse: the shown option picked + 1; 0 none */
};

/* The host's running state: every student who joined, and their tallies. */
struct live_class {
	struct drill_rules rules;
	size_t n;
	char *names[LIVE_MAX_STUDENTS];
	struct drill_tally tally[LIVE_MAX_STUDENTS];
	struct drill_entry prev[LIVE_MAX_STUDENTS];   /* the last ranking */
	size_t nprev;
};

/* The student's place in c (added when new; -1 when full or out of
 * memory). */
int live_class_find(struct live_class *c, const char *student);
void live_class_free(struct live_class *c);

/* The leaderboard now into e (room for c->n), ranked against the last one;
 * with remember set it becomes the last one.  Returns how many. */
size_t live_class_board(struct live_class *c, struct drill_entry *e, bool remember);

/* Scores one student's verdict v (NULL: timed out) at a question worth
 * points, given seconds after it opened: adds to their tally and fills
 * *out.  Returns 0, or -1 (the class is full). */
int live_host_score(struct live_class *c, const char *student, const struct verdict *v,
                    double points, double seconds, struct live_verdict *out);

/* The close payload: the right answer (as answer_format writes it), the
 * shares (choice, multi, truefalse: answers per shown option, truefalse's
 * as true, false; others: how many right), each student's verdict (v, nv)
 * and the leaderboard.  skipped: the teacher skipped the question (no
 * verdicts).  A string the caller frees, or NULL when memory runs out. */
char *live_close_payload(struct live_class *c, const struct item *it, const struct live_verdict *v,
                         size_t nv, bool skipped);

/* The end payload: the final leaderboard. */
char *live_end_payload(struct live_class *c);

/* What a student reads from a close or end payload. */
struct live_result {
	bool skipped;            /* close: the teacher skipped it */
	bool judging;            /* close: the host is still judging (the fence) */
	const char *answer;      /* close: the right answer, "" when none */
	bool found;              /* the student had a verdict */
	int outcome;
	double points, bonus;
	unsigned rank, of;       /* their rank of how many; 0 when not ranked */
	double score;
	unsigned nright, nanswered;  /* the class: right answers, answers */
	struct drill_entry top[3];   /* the first three of the leaderboard, in its order (names
	                                borrowed from json), for a podium */
	size_t ntop;                 /* entries in top */
	void *json;
};

/* Parses a close or end payload for student.  Returns 0 or -1. */
int live_result_parse(const char *payload, const char *student, struct live_result *r);
void live_result_free(struct live_result *r);

/* The retry policy of the host and the students for a store operation's
 * result rc: a failure (rc < 0) is tried again for up to LIVE_RETRY_S
 * seconds (the server may be restarting), after a pause of 250 ms.  *since
 * is 0 before the first failure, and set back to 0 by a success.  Returns
 * true when the caller should try again. */
#define LIVE_RETRY_S 60.0
bool live_retry(int rc, double *since);

/* Seconds on the monotonic clock; a sleep of ms milliseconds. */
double live_clock(void);
void live_nap(int ms);

#endif
