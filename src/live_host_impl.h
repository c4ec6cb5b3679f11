/* live_host_impl — the host's state and what live_host.c and
 * live_host_resume.c share; nobody else includes it. */
#ifndef RECALL_LIVE_HOST_IMPL_H
#define RECALL_LIVE_HOST_IMPL_H

#include "live_host.h"

/* An answer recorded in the results store before this run (a resumed
 * drill): counted as it was, never recorded again. */
struct live_host_rec {
	char *student;           /* owned */
	unsigned index;
	int outcome;             /* enum outcome, or RESULTS_TIMED_OUT */
	double credit, points, seconds;
};

struct live_host {
	struct drill *d;              /* borrowed */
	struct results *r;            /* borrowed */
	double (*now)(void);          /* Unix seconds */
	const char *id;               /* the drill's id (the drill's) */
	struct live_class cls;        /* who joined and their tallies */
	enum live_host_state state;
	bool begun;                   /* live_host_begin succeeded */
	size_t index;                 /* the question open or last closed; lobby: the first to open */
	size_t asked;                 /* questions closed (skipped ones too) */
	double opened;                /* when the open question opened, moved on by pauses */
	double closes;                /* when it closes; 0: no clock */
	double paused_at;             /* PAUSED: since when */
	char *payload;                /* the open question's payload (owned), posted again on a pause */
	size_t answered;              /* answers to the open question, as last counted */
	struct live_host_close last;  /* the last close (its arrays the ones below) */
	char *answer;                 /* last.answer when not "" (owned) */
	struct live_verdict *v;       /* LIVE_MAX_STUDENTS: the last close's verdicts */
	struct drill_entry *board;    /* LIVE_MAX_STUDENTS: the leaderboard after the last close */
	struct drill_entry *scratch;  /* LIVE_MAX_STUDENTS: a leaderboard worked out now */
	struct live_host_rec *rec;    /* answers recorded before this run (owned) */
	size_t nrec;
	size_t resumed_at;            /* live_host_resumed_at */
	double away_since;            /* monotonic: when the polls began failing; 0: they do not */
	bool failed;                  /* for good: err says why */
	char err[600];
};

/* Records the failure (once) from the store's message, or msg when not
 * NULL.  Returns LIVE_HOST_ERROR. */
int live_host_fail(struct live_host *h, const char *msg);

/* Adds a recorded answer to the student's tally as it was recorded (the
 * points the record says) and fills *out.  0, or -1 (the class is full). */
int live_host_replay(struct live_host *h, const char *student, const struct live_host_rec *rec,
                     double qpoints, struct live_verdict *out);

/* Reads who joined (retried while the store is away).  0 or -1 (failed). */
int live_host_read_joined(struct live_host *h);

/* Closes the question at h->index (state OPEN or PAUSED, h->opened set):
 * the fence posted (unless fence is false), the answers judged, scored and
 * recorded (those of h->rec kept as they were), the verdicts posted, the
 * state CLOSED.  post false: nothing posted or recorded at all (a question
 * closed before the host was started again: its verdicts worked out anew
 * from what was recorded).  Returns LIVE_HOST_OK or LIVE_HOST_ERROR. */
int live_host_close_question(struct live_host *h, enum live_host_why why, bool skipped, bool fence,
                             bool post);

/* live_host_begin for a drill found begun (live_host_resume.c): rebuilds
 * the class and the state from the store.  Returns 1 when the drill has no
 * event yet (begin it), LIVE_HOST_OK once resumed, LIVE_HOST_ERROR. */
int live_host_resume(struct live_host *h);

#endif
