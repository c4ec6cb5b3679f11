/* stats — the figures of `recall stats`, computed from the progress store.
 *
 * No curses and no printing: cmd_stats.c prints these figures as text or
 * JSON, and a statistics screen can draw the same struct.  The review log
 * is streamed (store_each_review) into fixed per-day buckets, so memory
 * does not grow with the log; the items are streamed too (store_each_item).
 *
 * Days are the scheduler's: a day starts at the hour day_starts, local time
 * (sched_elapsed_days).  Day 0 is today, the day holding now.
 *
 * Errors are values: -1 with a one-line message in err.
 */
#ifndef RECALL_STATS_H
#define RECALL_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "deck.h"
#include "sched.h"
#include "store.h"

#define STATS_FORECAST_DAYS 30  /* forecast[0] is today, overdue included */
#define STATS_HISTORY_DAYS 30   /* reviews per day, history[0] is today */
#define STATS_WEEKS 12          /* retention per week, weeks[0] the last 7 days */
#define STATS_HARDEST 10        /* the hardest questions listed */
#define STATS_CHANGED_MAX 20    /* the changed questions listed (all are counted) */
#define STATS_STREAK_MAX 3650   /* the streak is counted back at most this many days */
#define STATS_MATURE_DAYS 21    /* a review item with an interval this long is mature */

/* A question named by its deck's id and its own; both owned. */
struct stats_question {
	char *deck;
	char *question;
	unsigned lapses;         /* for the hardest */
	double retrievability;   /* now, 0..1, for the hardest */
};

/* One week of true retention: reviews of items in review (state_before
 * review) and how many of them were not graded again. */
struct stats_week {
	unsigned reviews;
	unsigned passed;
};

struct stats {
	int64_t now;
	int64_t today;           /* the start of today */
	int day_starts;          /* the hour a day starts, as given */
	bool missing;            /* no database: every figure from the decks alone */
	/* Items by state; the four add up to the items of the decks.  learning
	 * includes relearning; review is review-state items with an interval
	 * under STATS_MATURE_DAYS, mature those at or above it.  new counts
	 * the decks' questions never studied (and rows still new). */
	unsigned items_new, items_learning, items_review, items_mature;
	unsigned due_today;                          /* = forecast[0] */
	unsigned forecast[STATS_FORECAST_DAYS];      /* items due on day i (0: today, overdue too) */
	unsigned history[STATS_HISTORY_DAYS];        /* reviews graded on day -i */
	struct stats_week weeks[STATS_WEEKS];        /* week i: days -7i-6 .. -7i */
	uint64_t reviews_total;                      /* every review of the decks */
	unsigned streak;         /* consecutive days with a review, ending today or yesterday */
	struct stats_question hardest[STATS_HARDEST];/* most lapses, then lowest retrievability */
	size_t nhardest;
	/* Questions whose prompt or answer changed since their last review
	 * (decks given only): all counted, the first STATS_CHANGED_MAX listed. */
	unsigned changed;
	struct stats_question changed_list[STATS_CHANGED_MAX];
	size_t nchanged_list;
};

/* Computes the figures into *out (which stats_free releases, also after a
 * failure).  s: the store, opened STORE_READONLY, or NULL when there is no
 * database yet (every figure then comes from the decks alone).  decks: the
 * decks to count, or ndecks 0 for every deck in the store.  p: day_starts
 * and the model's weights for the retrievability.  A pure function of its
 * inputs: the statistics screen calls it the same way.  Returns 0, or -1
 * with a message in err. */
int stats_compute(struct store *s, struct deck *const *decks, size_t ndecks,
                  const struct sched_params *p, int64_t now, struct stats *out,
                  char *err, size_t errsize);

/* The start of day `day` (0 today, -1 yesterday, 1 tomorrow), local time. */
int64_t stats_day_start(const struct stats *st, int day);

/* The share of a week's reviews passed, 0..1; 0 when it has none. */
double stats_week_retention(const struct stats_week *w);

void stats_free(struct stats *st);

#endif
