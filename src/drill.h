/* drill — a classroom drill, shared by every front end.
 *
 * A drill asks the same questions, in the same order and with the same
 * option shuffles, of everyone who gives the same decks, count and seed:
 * the decks are taken in the order of their ids (so the order they are
 * named in does not matter), the questions are drawn with the seed, and
 * self-rated cards are left out (a drill judges every answer itself).
 * Each question has a clock (rules.time_limit seconds; 0: none) and is
 * scored by drill_score.h.
 *
 * Players: one (a student of a class, or one learner) or several taking
 * turns on one terminal (hot-seat).  At each question every player has a
 * turn, in the order given; what each answered is revealed when the last
 * has answered (DRILL_REVEAL), then the leaderboard, then the next
 * question.
 *
 * A class: with opts.results set the drill is begun (or joined) in the
 * results store, its questions are recorded there, and each answer is
 * recorded, committed, before drill_answer returns.  A student who starts
 * again with the same settings and name continues at the first question
 * they have not answered, with the score they had.
 *
 * Life of one question:
 *   DRILL_TURN:   drill_current, drill_player -> drill_turn_start (the
 *                 clock starts) -> drill_answer, drill_skip or
 *                 drill_time_up -> the next player's DRILL_TURN, or
 *   DRILL_REVEAL: drill_outcome per player, drill_leaderboard ->
 *                 drill_next -> DRILL_TURN of the next question, or
 *   DRILL_OVER:   drill_leaderboard is the final ranking (the podium).
 * drill_finish ends the drill early.  The decks must outlive the drill.
 *
 * Errors: drill_new fills err; the others return -1 and drill_error holds
 * a one-line message (a results database that failed, in class mode).
 */
#ifndef RECALL_DRILL_H
#define RECALL_DRILL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answer.h"
#include "deck.h"
#include "drill_score.h"
#include "results.h"
#include "session.h"

/* The most players of a hot-seat drill. */
#define DRILL_MAX_PLAYERS 32

/* The longest name of a player or a student, in characters. */
#define DRILL_MAX_NAME 40

struct drill_opts {
	unsigned count;              /* questions to ask; 0: every one the decks hold */
	uint64_t seed;               /* the draw: the same seed, the same questions */
	struct drill_rules rules;    /* clock, speed and streak (drill_score.h) */
	const char *const *players;  /* names in turn order (borrowed); none: one
	                                player named "you" */
	size_t nplayers;             /* 0 to DRILL_MAX_PLAYERS */
	struct results *results;     /* record into this store (borrowed); NULL: none */
	const char *klass;           /* with results: the class (required) */
	double (*clock)(void);       /* seconds from any fixed point; NULL: monotonic */
	int64_t (*now)(void);        /* Unix seconds for the record; NULL: time() */
};

enum drill_phase { DRILL_TURN, DRILL_REVEAL, DRILL_OVER };

/* What one player did at one question. */
struct drill_outcome {
	bool answered;               /* false: not yet (or the drill ended first) */
	bool timed_out;              /* the clock ran out: no verdict */
	struct verdict verdict;      /* valid when answered and not timed out */
	char *given;                 /* the answer as text (owned by the drill); "" for none */
	double seconds;              /* time taken (at most the limit) */
	double points;               /* earned, the streak bonus included */
	double bonus;                /* the streak bonus in points */
	bool recorded;               /* class mode: committed in the results store
	                                (by this answer, or by an earlier run of
	                                the same student, whose record it then is) */
};

struct drill;

/* Checks the name of a player or a student: not empty, valid UTF-8, at
 * most DRILL_MAX_NAME characters, no control or bidirectional formatting
 * characters, no space at either end.  Returns 0, or -1 with a message in
 * err (the name escaped in it). */
int drill_check_name(const char *name, char *err, size_t errsize);

/* Builds a drill over decks.  In class mode (o->results) it begins or
 * joins the drill in the store, records its questions, and resumes the
 * first player (the student) where they left off.  Returns NULL with a
 * message in err when the decks hold no question a drill can ask, the
 * options make no sense, the store fails, or memory runs out.  Free with
 * drill_free. */
struct drill *drill_new(struct deck *const *decks, size_t ndecks, const struct drill_opts *o,
                        char *err, size_t errsize);
void drill_free(struct drill *d);

const char *drill_error(const struct drill *d);

/* The drill's id in the results store ("" without one). */
const char *drill_id(const struct drill *d);

/* The class ("" without one), the seed and the rules it was built with
 * (a time limit below 0 reads as 0: no clock). */
const char *drill_class(const struct drill *d);
uint64_t drill_seed(const struct drill *d);
const struct drill_rules *drill_rules(const struct drill *d);

enum drill_phase drill_phase(const struct drill *d);
size_t drill_count(const struct drill *d);     /* questions in all */
size_t drill_index(const struct drill *d);     /* the current one, from 0 */
size_t drill_resumed_at(const struct drill *d);/* where a class student resumed (0: fresh) */

/* The current question (its shown option order included); NULL when over. */
const struct item *drill_current(const struct drill *d);

/* Question i of the drill as asked (its shown option order included);
 * NULL past the last.  What a live drill's host asks (live.h). */
const struct item *drill_item(const struct drill *d, size_t i);

size_t drill_nplayers(const struct drill *d);
const char *drill_player(const struct drill *d, size_t i);
size_t drill_turn(const struct drill *d);      /* whose turn it is (DRILL_TURN) */
const struct drill_tally *drill_tally(const struct drill *d, size_t player);

/* Starts the clock of the current turn: call when the question is shown
 * to the player whose turn it is.  Calling it again does not restart it. */
void drill_turn_start(struct drill *d);

/* Seconds left in the current turn (never below 0); a negative value when
 * the drill has no clock. */
double drill_time_left(const struct drill *d);

/* The current player answers r / skips / ran out of time: judged, scored,
 * recorded (class mode), and the turn passes on.  An answer given after
 * the time limit counts as a time-out.  Returns 0, or -1 (not this phase,
 * or the store failed: nothing recorded, the turn stays).  When the
 * student had answered this question already (another run of theirs, by
 * the same names), the record is kept and becomes the outcome. */
int drill_answer(struct drill *d, const struct response *r);
int drill_skip(struct drill *d);
int drill_time_up(struct drill *d);

/* What player did at the current question (during DRILL_TURN, for the
 * players before the one in turn; at DRILL_REVEAL, for all). */
const struct drill_outcome *drill_outcome(const struct drill *d, size_t player);

/* The leaderboard now, into e (room for drill_nplayers entries), ranked by
 * drill_rank with the previous question's ranking as prev: names borrowed
 * from the drill.  Returns how many. */
size_t drill_leaderboard(const struct drill *d, struct drill_entry *e);

/* Class mode: every student of the drill so far ranked by what the
 * results store holds (the student's own answers included), into *e (n
 * entries; owned by the drill, valid until the next call or drill_free).
 * Returns 0, or -1 (no class, or the store failed). */
int drill_class_board(struct drill *d, const struct drill_entry **e, size_t *n);

/* From DRILL_REVEAL to the next question's first turn, or DRILL_OVER. */
void drill_next(struct drill *d);

/* Ends the drill now: what was not answered stays so. */
void drill_finish(struct drill *d);

#endif
