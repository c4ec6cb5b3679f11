/* sched.h — the FSRS-6 spaced-repetition scheduler.
 *
 * Pure functions on values: no I/O, no allocation, no global state (the
 * only outside input is the time zone, through localtime_r and mktime, for
 * counting days and placing due dates in local time).  Every struct here is
 * a plain value the caller owns; no function keeps a pointer it was given.
 *
 * Units: times are Unix seconds (int64_t); stability and intervals are in
 * days; learning steps are in seconds; difficulty runs from 1 to 10.
 * docs/scheduling.md gives the formulas, their sources and worked values.
 */
#ifndef RECALL_SCHED_H
#define RECALL_SCHED_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define SCHED_NPARAMS    21   /* w0 … w20 */
#define SCHED_MAX_STEPS  8    /* learning or relearning steps */
#define SCHED_S_MIN      0.001   /* the references' stability floor, days */
#define SCHED_S_MAX      36500.0 /* and ceiling */
#define SCHED_STEP_MAX   (365 * 86400) /* the longest step sched_parse_steps takes */

enum sched_state { SCHED_NEW, SCHED_LEARNING, SCHED_REVIEW, SCHED_RELEARNING };
enum sched_grade { SCHED_AGAIN = 1, SCHED_HARD, SCHED_GOOD, SCHED_EASY };

struct sched_params {
	double w[SCHED_NPARAMS];    /* the model's weights; w20 is the decay */
	double retention;           /* desired retention, 0.70–0.99; default 0.9 */
	int max_interval;           /* days, at least 1; default 36500 */
	int learning_steps[SCHED_MAX_STEPS];   /* seconds; default 60, 600 */
	size_t nlearning;
	int relearning_steps[SCHED_MAX_STEPS]; /* seconds; default 600 */
	size_t nrelearning;
	int day_starts;             /* the local hour a new day starts, 0–23; default 4 */
	bool fuzz;                  /* spread intervals of 3 days and more; default on */
};

/* A card's scheduling state.  A new card is all zeros (state SCHED_NEW). */
struct sched_card {
	enum sched_state state;
	double stability;           /* days; 0 while new */
	double difficulty;          /* 1–10; 0 while new */
	int64_t due;                /* when the card is next due */
	int64_t last_review;        /* when it was last reviewed; 0 while new */
	unsigned reps;              /* reviews so far */
	unsigned lapses;            /* times a review card was forgotten */
	unsigned step;              /* index in the current (re)learning steps */
	int scheduled_days;         /* the last interval in days; 0 on a step */
};

/* What one review did, for the review log. */
struct sched_log {
	enum sched_grade grade;
	enum sched_state state;     /* the card's state before the review */
	int64_t review;             /* when it happened */
	int elapsed_days;           /* day starts passed since the last review */
	int scheduled_days;         /* the new interval in days; 0 on a step */
	int64_t scheduled_seconds;  /* due - review */
	double retrievability;      /* predicted recall before the review (0 if new) */
};

/* The default parameters above. */
void sched_defaults(struct sched_params *p);

/* Checks p; on a problem returns -1 and describes it in err (if errsize > 0),
 * else returns 0. */
int sched_params_check(const struct sched_params *p, char *err, size_t errsize);

/* The card after grade g at time now, into *after (which may be before);
 * fills *log when log is not NULL.  fuzz_seed picks the fuzz (the same seed
 * gives the same due date); it is unused when p->fuzz is off.  Returns 0, or
 * -1 (leaving *after and *log untouched) when g is not a grade. */
int sched_review(const struct sched_params *p, const struct sched_card *before,
                 enum sched_grade g, int64_t now, uint64_t fuzz_seed,
                 struct sched_card *after, struct sched_log *log);

/* The predicted probability of recall at now: 0 for a new card. */
double sched_retrievability(const struct sched_params *p, const struct sched_card *c,
                            int64_t now);

/* Day starts (at hour day_starts, local time as TZ says) passed from from to
 * to; negative when to is earlier.  With TZ=UTC and day_starts 0 this is the
 * difference of the calendar dates. */
int sched_elapsed_days(int64_t from, int64_t to, int day_starts);

/* t plus days whole days in local time, keeping the time of day. */
int64_t sched_add_days(int64_t t, int days);

/* "new", "learning", "review", "relearning"; "again", "hard", "good",
 * "easy"; "?" for anything else. */
const char *sched_state_name(enum sched_state s);
const char *sched_grade_name(enum sched_grade g);

/* Parses steps such as "1m 10m" (numbers with a unit s, m, h or d,
 * separated by spaces or commas) into out as seconds, at most cap of them;
 * "" gives none.  Returns 0 and sets *n, or -1 with a message naming the
 * 1-based column in err (if errsize > 0), *n then unchanged. */
int sched_parse_steps(const char *s, int *out, size_t cap, size_t *n,
                      char *err, size_t errsize);

/* "in 10 minutes", "in 1 day", "in 1.4 years", "now" for seconds <= 0:
 * the interval rounded to its largest fitting unit, into buf (truncated to
 * size); returns buf.  For a day interval pass scheduled_days * 86400:
 * due - now is 23 hours across the start of summer time. */
char *sched_format_interval(int64_t seconds, char *buf, size_t size);

/* The same interval in short, as a preview of grades shows it: "10m",
 * "6h", "3d", "2y", "1.4y", "45s", "now"; the same units and rounding. */
char *sched_format_interval_short(int64_t seconds, char *buf, size_t size);

#endif
