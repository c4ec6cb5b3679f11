/* live_host — the teacher's side of a live drill, as a value driven by
 * ticks: no terminal, no printing.  Both front ends of the host (the plain
 * one, ui_plain_live_host.c, and the full-screen one, ui_scr_live_*.c) read
 * its state, call live_host_tick when they wake, and call the teacher's
 * actions on a key or a line.  docs/results.md, "The live drill", gives
 * what is posted and why.
 *
 * States:
 *   LOBBY   begun ("begin" posted): students join; no question asked yet
 *   OPEN    a question is open (posted without its answer), its clock runs
 *   PAUSED  it is open, its clock stands still (posted again with no
 *           closing time); resuming moves its closing time on by the pause
 *   CLOSED  it closed (the clock, everyone who joined answered, the
 *           teacher): the answers judged, scored and recorded, the
 *           verdicts and the leaderboard posted (live_host_last)
 *   ENDED   "end" posted with the final leaderboard
 *
 *   LOBBY --next--> OPEN <--pause--> PAUSED
 *   OPEN, PAUSED --close, skip, the clock, all answered--> CLOSED
 *   CLOSED --next--> OPEN of the next question, or ENDED after the last
 *   any --end--> ENDED (an open question is closed and judged first)
 *
 * A host started again on a drill begun and not ended (the same class and
 * settings: the same drill id) takes it up where it was (live_host_begin):
 * the class rebuilt from who joined and the answers recorded, an open
 * question open again with the time it has left (closed at once when its
 * time ran out while the host was away), a question being judged judged
 * again (what was recorded of it kept), a closed question closed.
 *
 * The store: a failed operation is tried again for up to LIVE_RETRY_S
 * seconds (the server may be restarting): posting and recording wait for
 * it (an action returns once done); polling does not (live_host_away says
 * the store is not answering).  Past that the host has failed for good:
 * LIVE_HOST_ERROR, and live_host_error holds the store's message.
 */
#ifndef RECALL_LIVE_HOST_H
#define RECALL_LIVE_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "drill.h"
#include "live.h"
#include "results.h"

enum live_host_state { LIVE_HOST_LOBBY, LIVE_HOST_OPEN, LIVE_HOST_PAUSED, LIVE_HOST_CLOSED,
                       LIVE_HOST_ENDED };

/* What an action returns. */
enum live_host_status {
	LIVE_HOST_OK = 0,
	LIVE_HOST_NOT_NOW = 1,    /* the action does nothing in this state */
	LIVE_HOST_ERROR = -1,     /* the store failed for good, or memory ran out:
	                             live_host_error says why; the host is done */
};

/* What live_host_tick found changed: bits. */
#define LIVE_HOST_JOINED    0x01u  /* someone joined */
#define LIVE_HOST_ANSWERED  0x02u  /* the number of answers to the open question changed */
#define LIVE_HOST_CLOSED_NOW 0x04u /* the open question closed (the clock, or all answered) */
#define LIVE_HOST_AWAY      0x08u  /* the store stopped or started answering again */
#define LIVE_HOST_FAILED    0x10u  /* the host failed for good (live_host_error) */

/* Why a question closed. */
enum live_host_why { LIVE_HOST_BY_TEACHER, LIVE_HOST_BY_CLOCK, LIVE_HOST_BY_ALL,
                     LIVE_HOST_BY_SKIP, LIVE_HOST_BY_END, LIVE_HOST_BY_RESUME };

/* A question as it closed: what the front ends show of it. */
struct live_host_close {
	unsigned serial;          /* 1 for the first close of this run, then 2, ... */
	unsigned index;           /* the question, from 0 */
	bool skipped;             /* the teacher skipped it: no verdicts, nothing recorded */
	enum live_host_why why;
	const char *answer;       /* the right answer as the feedback writes it; "" when skipped */
	unsigned share[DECK_MAX_CHOICES];  /* choice, multi: the answers naming each shown option */
	unsigned ntrue, nfalse;   /* truefalse: the answers of each */
	unsigned nright, npartly; /* verdicts right, partly right */
	unsigned nanswered;       /* students who gave an answer (a skip too) */
	const struct live_verdict *v;  /* each student's verdict: whoever answered, then
	                                  whoever joined and gave nothing (timed out) */
	size_t nv;
	const struct drill_entry *board;  /* the leaderboard after it, ranked against the one
	                                     before (rank moves); names owned by the host */
	size_t nboard;
};

struct live_host_opts {
	double (*now)(void);      /* Unix seconds with fraction; NULL: results_live_now */
};

struct live_host;

/* A host for the live drill d (built in class mode over results r; both
 * must outlive it).  Nothing is posted yet.  Returns NULL when memory runs
 * out.  Free with live_host_free. */
struct live_host *live_host_new(struct drill *d, struct results *r, const struct live_host_opts *o);
void live_host_free(struct live_host *h);

/* Begins the drill: posts "begin" and the host is in the lobby; or, when
 * the store holds this drill begun and not ended, takes it up where it was
 * (live_host_resumed_at says where).  A drill that has ended is refused
 * (LIVE_HOST_ERROR: a new drill of the same decks needs another seed).
 * Again: LIVE_HOST_NOT_NOW. */
int live_host_begin(struct live_host *h);

/* Looks at the store and the clock: who joined, how many answered the
 * open question; closes it when its time is up or when everyone who
 * joined has answered.  Returns what changed (LIVE_HOST_* bits, 0 when
 * nothing did). */
unsigned live_host_tick(struct live_host *h);

/* The teacher's actions (each LIVE_HOST_NOT_NOW before live_host_begin,
 * and where the state takes no such action). */
int live_host_next(struct live_host *h);   /* LOBBY, CLOSED: opens the next question, or ends
                                              after the last */
int live_host_close(struct live_host *h);  /* OPEN, PAUSED: closes it now, judged */
int live_host_pause(struct live_host *h);  /* OPEN <-> PAUSED */
int live_host_skip(struct live_host *h);   /* OPEN, PAUSED: closes it, nothing judged or recorded */
int live_host_end(struct live_host *h);    /* any but ENDED: ends the drill (an open question
                                              is closed and judged first) */

enum live_host_state live_host_state(const struct live_host *h);
const struct drill *live_host_drill(const struct live_host *h);
size_t live_host_count(const struct live_host *h);    /* questions in the drill */
/* The question open or last closed, from 0; in the lobby the one to open
 * first. */
size_t live_host_index(const struct live_host *h);
/* Questions closed so far (skipped ones too): how far an ended drill got. */
size_t live_host_asked(const struct live_host *h);
/* The question open or last closed (its shown option order included);
 * NULL in the lobby. */
const struct item *live_host_item(const struct live_host *h);
double live_host_time_limit(const struct live_host *h);  /* seconds a question; 0: no clock */
/* Seconds left to the open question (a paused one: when it paused), never
 * below 0; negative when the drill has no clock or nothing is open. */
double live_host_time_left(const struct live_host *h);

/* The students who joined, the first first (names owned by the host). */
const char *const *live_host_joined(const struct live_host *h, size_t *n);
/* Answers given to the open question (to the last one once it closed), as
 * last counted by live_host_tick. */
size_t live_host_answered(const struct live_host *h);
/* The last question closed; NULL before the first close. */
const struct live_host_close *live_host_last(const struct live_host *h);
/* The leaderboard now (after the last close: ranked against the one
 * before it), n entries, names owned by the host; valid until the next
 * call of anything here.  NULL with *n 0 when nobody joined. */
const struct drill_entry *live_host_board(struct live_host *h, size_t *n);
/* A student's tally (answers by outcome, score); NULL when not in the class. */
const struct drill_tally *live_host_tally(const struct live_host *h, const char *student);

/* Where a resumed drill went on: the question (from 1) it was open at or
 * goes on to next; 0 when the drill was begun by this host. */
size_t live_host_resumed_at(const struct live_host *h);
/* Whether the store is not answering the polls just now (being retried). */
bool live_host_away(const struct live_host *h);
/* Why the host failed ("" when it has not). */
const char *live_host_error(const struct live_host *h);

#endif
