/* score — points, partial credit, streaks and hints.
 *
 * A question is worth its points (100 unless the deck says otherwise).  The
 * credit of a verdict (1 right, a fraction for partial answers, 0 wrong or
 * skipped) multiplies them; taking the hint halves them; a fully right answer
 * that continues a streak earns a bonus of 10 % for each right answer before
 * it in the streak, at most 50 %.  A partial, wrong or skipped answer ends
 * the streak.  The maximum is what a learner answering every question
 * presented so far fully right, without hints, would have.
 */
#ifndef RECALL_SCORE_H
#define RECALL_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "answer.h"

#define SCORE_STREAK_STEP 0.10   /* bonus for each earlier answer in a streak */
#define SCORE_STREAK_CAP 0.50    /* the largest bonus */
#define SCORE_HINT_FACTOR 0.50   /* what a question is worth after its hint */

struct score {
	double total;          /* points earned */
	double max;            /* points possible over the questions presented */
	unsigned streak;       /* right answers in a row, up to now */
	unsigned best_streak;  /* longest streak so far */
	unsigned ideal_streak; /* the streak a perfect learner would have */
};

/* Bonus multiplier (1.0 to 1.5) for the n-th right answer in a row (n >= 1). */
double score_streak_factor(unsigned n);

/* Records the outcome of one question worth points: adds the earned points
 * to s->total and the possible ones to s->max, updates the streaks, and
 * returns the points earned. */
double score_apply(struct score *s, double points, const struct verdict *v, bool hinted);

/* Points as people read them: "540", "67.5" (one decimal at most, none
 * when whole), into buf of size bytes. */
void score_format_points(double points, char *buf, size_t size);

/* A duration as "42 s", "3 min 5 s" or "1 h 2 min 3 s", into buf. */
void score_format_duration(double seconds, char *buf, size_t size);

#endif
