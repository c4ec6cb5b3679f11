/* drill_score — the scoring of a classroom drill, and its leaderboard.
 *
 * A drill asks the whole class the same questions, each with a clock.  A
 * right answer earns the question's points scaled by speed:
 *
 *     round(points x (1 - (t / T) / 2))
 *
 * t the seconds taken (clamped to [0, T]), T the time allowed: an answer
 * given at once earns all the points, one given at the last moment half.
 * A partly right answer earns the same scaled by its credit (the verdict's
 * fraction) before rounding.  A wrong or skipped answer earns 0, and so does
 * a timed-out one (no verdict), which counts as wrong.
 *
 * A streak of right answers earns a bonus on top: 100 for each right answer
 * after the first in a row (the second earns 100, the third 200, ...), at
 * most 500.  A partly right, wrong, skipped or timed-out answer ends the
 * streak.
 *
 * Rules: no_speed gives the full points whatever the time (as does a time
 * limit of 0 or less: no clock); no_streak gives no streak bonus.
 *
 * Beside the score the tally keeps the grade: the share of the questions'
 * own points earned, with partial credit, without speed or streak.
 */
#ifndef RECALL_DRILL_SCORE_H
#define RECALL_DRILL_SCORE_H

#include <stdbool.h>
#include <stddef.h>

#include "answer.h"

#define DRILL_STREAK_STEP 100.0  /* bonus for each earlier right answer in a row */
#define DRILL_STREAK_CAP 500.0   /* the largest bonus */

struct drill_rules {
	double time_limit;  /* T: seconds allowed per question; <= 0: no clock */
	bool no_speed;      /* full points whatever the time */
	bool no_streak;     /* no streak bonus */
};

/* One student's running totals; start from all zeros. */
struct drill_tally {
	double score;         /* points earned: speed and streak bonuses included */
	double grade_points;  /* the questions' own points earned (partial credit) */
	double max;           /* the questions' own points, over the questions answered */
	unsigned streak;      /* right answers in a row, up to now */
	unsigned best_streak; /* the longest streak so far */
	unsigned right, partly, wrong, timed_out;  /* answers by outcome; skipped
	                         counts as wrong, a time-out only as timed_out */
	double seconds;       /* time taken, summed (each clamped to [0, T]) */
};

/* Scores one answer to a question worth points: v is its verdict, NULL
 * when the clock ran out; seconds the time taken.  Adds to *t and returns
 * the points earned (the streak bonus included); *bonus_out (may be NULL)
 * is set to the streak bonus in it. */
double drill_score_answer(const struct drill_rules *rules, struct drill_tally *t, double points,
                          const struct verdict *v, double seconds, double *bonus_out);

/* The grade as a percentage, 0 to 100: grade_points of max (0 when max is
 * 0). */
double drill_grade(const struct drill_tally *t);

/* One line of the leaderboard.  The caller fills name, score and grade;
 * drill_rank fills the rest. */
struct drill_entry {
	const char *name;    /* the student (borrowed; NULL reads as "") */
	double score;
	double grade;        /* a percentage (drill_grade) */
	unsigned rank;       /* 1 for the first; equal score and grade share a rank */
	unsigned prev_rank;  /* the rank in the previous ranking; 0 when not in it */
	int change;          /* prev_rank - rank: > 0 moved up, < 0 down; 0 when new */
};

/* Sorts e (n entries) into leaderboard order, score descending, then grade
 * descending, then name (byte order), and ranks them: entries with equal
 * score and grade share a rank, and the next rank skips as many (1, 2, 2,
 * 4).  prev (nprev entries, ranked before; NULL for none) is the previous
 * ranking: each entry's prev_rank and change come from the entry of the
 * same name there. */
void drill_rank(struct drill_entry *e, size_t n, const struct drill_entry *prev, size_t nprev);

#endif
