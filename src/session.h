/* session — the quiz engine, shared by every front end.
 *
 * A session picks questions from decks (filters, order, limit), presents
 * them one at a time with their options in a shown order, takes responses,
 * and keeps the verdicts and the score.  It knows nothing of terminals: a
 * front end asks for the current item, draws it, turns keys or lines into a
 * struct response, and hands it back.
 *
 * Life of one question:  session_current -> [session_hint] ->
 * session_answer or session_skip -> (front end shows the verdict) ->
 * session_next.  session_finish ends the quiz early (the rest are "not
 * reached").  The decks must outlive the session.
 */
#ifndef RECALL_SESSION_H
#define RECALL_SESSION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answer.h"
#include "deck.h"
#include "score.h"

struct session_opts {
	const char *const *tags; /* keep questions carrying any of these; none: all */
	size_t ntags;
	unsigned types;          /* bit (1u << enum qtype) per type kept; 0: all */
	size_t limit;            /* at most this many questions; 0: no limit */
	uint64_t seed;           /* seeds the order and the option shuffles */
	bool in_order;           /* keep the decks' order of questions and options */
	double (*clock)(void);   /* seconds from any fixed point; NULL: monotonic */
};

enum item_state { ITEM_PENDING, ITEM_ANSWERED, ITEM_SKIPPED, ITEM_UNREACHED };

/* One question as presented in this session. */
struct item {
	const struct question *q;
	const struct deck *deck;
	/* choice, multi, order: shown[k] is the deck index of the option shown
	 * at position k; match: the same for the right column (the left column
	 * is shown in deck order).  Empty for other types. */
	size_t *shown;
	size_t nshown;
	enum item_state state;
	bool hinted;             /* the hint was taken */
	struct verdict verdict;  /* valid once answered or skipped */
	double earned;           /* points earned */
	char *given;             /* the response as text, for reports; or NULL */
	double seconds;          /* time spent on it */
};

struct session;

/* Sets up the shown order of it->q's options (it->shown, it->nshown;
 * freeing any before) as its type's row says (qtype.h): none, shuffled
 * with rng unless in_order, or always shuffled and never left in the right
 * order.  For engines that present items themselves (study.c).  Returns 0,
 * or -1 when memory runs out. */
int session_present(struct item *it, uint64_t *rng, bool in_order);

/* Builds a session over the questions of decks that pass the filters.
 * Returns NULL only when memory runs out; a session with no questions is
 * valid (session_count is 0).  Free with session_free. */
struct session *session_new(struct deck *const *decks, size_t ndecks, const struct session_opts *o);

/* A new session over the items of s that were not fully right (wrong,
 * partial, skipped) and those never asked (not reached, or still pending),
 * in their order in s, with their options shuffled afresh unless in order.
 * Returns NULL only when memory runs out. */
struct session *session_retry(const struct session *s);

void session_free(struct session *s);

size_t session_count(const struct session *s);        /* questions in all */
size_t session_position(const struct session *s);     /* 0-based index of the current one */
const struct item *session_item(const struct session *s, size_t i);

/* The question waiting for a response, or NULL when there is none (between
 * session_answer and session_next, or at the end). */
const struct item *session_current(const struct session *s);

/* The hint of the current question, marking it taken; NULL when it has none
 * or there is no current question. */
const char *session_hint(struct session *s);

/* Checks r against the current question and scores it.  Returns the item
 * with its verdict, or NULL when there is no current question. */
const struct item *session_answer(struct session *s, const struct response *r);

/* Skips the current question (no credit, ends the streak). */
const struct item *session_skip(struct session *s);

/* Moves on to the next question after a verdict. */
void session_next(struct session *s);

/* Ends the quiz now: the question in hand and the rest are not reached. */
void session_finish(struct session *s);

/* True once every question has a verdict or the quiz was finished. */
bool session_done(const struct session *s);

const struct score *session_score(const struct session *s);

/* The grade and the score (score.h says how each is earned):
 *   the grade is the share of the questions' own points earned, with
 *     partial credit and the hint's halving but without streak bonuses,
 *     over every question the quiz held (asked or not): what a teacher
 *     records, and the same whatever the order of the answers;
 *   the score is the points earned with streak bonuses, for motivation.
 * verdict_summary_grade and verdict_summary_score (verdict.h) write them
 * as the front ends show them. */

struct tag_stat {
	const char *tag;         /* borrowed from a deck; "(untagged)" for none */
	size_t held;             /* questions of the quiz with this tag */
	size_t asked;            /* of those, answered or skipped */
	size_t correct, partial, wrong, skipped, unreached;
	double earned;           /* grade points earned on them (no streak bonuses) */
	double max;              /* their points: the grade points possible */
	double grade;            /* 100 * earned / max (0 to 100); 0 when max is 0 */
};

struct summary {
	double grade_points;     /* the questions' own points earned: partial
	                            credit and hint halving, no streak bonuses */
	double grade_max;        /* the points of every question the quiz held */
	double grade;            /* 100 * grade_points / grade_max, 0 to 100;
	                            0 when grade_max is 0 */
	double score;            /* points earned, streak bonuses included */
	double max;              /* the most score could have been: every question
	                            held answered fully right in a row, no hints */
	double percent;          /* the same as grade (the name of older callers) */
	size_t questions;        /* held by the quiz: asked + unreached */
	size_t asked;            /* answered or skipped */
	size_t correct, partial, wrong, skipped;
	size_t unreached;        /* never asked: the quiz ended first */
	size_t nretry;           /* what session_retry would ask: missed + unreached */
	unsigned best_streak;
	double seconds;          /* from the first question to the end */
	struct tag_stat *tags;   /* sorted by tag; owned */
	size_t ntags;
	const struct item **missed;   /* wrong, partial or skipped, in order; owned array
	                                 (not reached ones are not in it) */
	size_t nmissed;
};

/* Fills sum from s; release with session_summary_free.  Returns 0, or -1
 * when memory runs out. */
int session_summarize(const struct session *s, struct summary *sum);
void session_summary_free(struct summary *sum);

/* Writes the summary of s as JSON to path (atomically: a temporary file in
 * the same folder, then renamed).  Returns 0, or -1 with a message in err. */
int session_write_json(const struct session *s, const char *path, char *err, size_t errsize);

#endif
