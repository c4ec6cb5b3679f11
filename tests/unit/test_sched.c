/* Unit tests of the FSRS-6 scheduler (sched.c).
 *
 * The expected numbers come from an independent model of the formulas in
 * docs/scheduling.md: a short Python 3 script (double precision, the
 * default weights, written from the formulas, not from sched.c), run once;
 * its printed values are pasted here with repr() precision.  The sequence in
 * test_reference_sequence is py-fsrs's own test (tests/test_basic.py,
 * test_review_card).  Times are UTC unless a test sets TZ.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "sched.h"

#define DAY   INT64_C(86400)
#define T0    INT64_C(1669725000) /* 2022-11-29 12:30:00 UTC */

/* Worked values from the Python model. */
#define D0_AGAIN     6.4133
#define D0_HARD      5.112170705601055
#define D0_GOOD      2.118103970459015
#define S_GOOD2      10.964332335820703 /* new Good, then Good 2 days later */
#define D_GOOD2      2.1112142357853942
#define R_AT_2       0.9094932559773545 /* R(2 days, S 2.3065) */

static void set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* Defaults without steps or fuzz, days starting at midnight. */
static struct sched_params plain(void)
{
	struct sched_params p;
	sched_defaults(&p);
	p.nlearning = 0;
	p.nrelearning = 0;
	p.fuzz = false;
	p.day_starts = 0;
	return p;
}

static struct sched_card review_card(double s, double d, int64_t last)
{
	struct sched_card c;
	memset(&c, 0, sizeof c);
	c.state = SCHED_REVIEW;
	c.stability = s;
	c.difficulty = d;
	c.last_review = last;
	c.due = last;
	c.reps = 3;
	return c;
}

static struct sched_card review(const struct sched_params *p, struct sched_card c,
                                enum sched_grade g, int64_t now)
{
	struct sched_card out;
	CHECK(sched_review(p, &c, g, now, 0, &out, NULL) == 0);
	return out;
}

/* ------------------------------------------------------------ the model */

static void test_defaults(void)
{
	struct sched_params p;
	sched_defaults(&p);
	CHECK_NUM(p.w[0], 0.212);
	CHECK_NUM(p.w[7], 0.001);
	CHECK_NUM(p.w[17], 0.5425);
	CHECK_NUM(p.w[20], 0.1542);
	CHECK_NUM(p.retention, 0.9);
	CHECK(p.max_interval == 36500);
	CHECK(p.nlearning == 2 && p.learning_steps[0] == 60 && p.learning_steps[1] == 600);
	CHECK(p.nrelearning == 1 && p.relearning_steps[0] == 600);
	CHECK(p.day_starts == 4 && p.fuzz);
	char err[80] = "";
	CHECK(sched_params_check(&p, err, sizeof err) == 0);
}

static void test_params_check(void)
{
	struct sched_params p = plain();
	char err[80];
	p.retention = 0.5;
	CHECK(sched_params_check(&p, err, sizeof err) == -1);
	CHECK(strstr(err, "retention") != NULL);
	p = plain();
	p.day_starts = 24;
	CHECK(sched_params_check(&p, err, sizeof err) == -1);
	p = plain();
	p.max_interval = 0;
	CHECK(sched_params_check(&p, err, sizeof err) == -1);
	p = plain();
	p.w[20] = 0.05;
	CHECK(sched_params_check(&p, err, sizeof err) == -1);
	p = plain();
	p.nlearning = 1;
	p.learning_steps[0] = 0;
	CHECK(sched_params_check(&p, err, sizeof err) == -1);
	p = plain();
	CHECK(sched_params_check(&p, err, 0) == 0);
}

/* The worked values: a new card rated Good, then Good at its due. */
static void test_worked_values(void)
{
	struct sched_params p = plain();
	struct sched_card c, a, b;
	struct sched_log log;
	memset(&c, 0, sizeof c);
	CHECK(sched_review(&p, &c, SCHED_GOOD, T0, 0, &a, &log) == 0);
	CHECK(a.state == SCHED_REVIEW);
	CHECK_NUM(a.stability, 2.3065);
	CHECK_NUM(a.difficulty, D0_GOOD);
	CHECK(a.scheduled_days == 2 && a.due == T0 + 2 * DAY);
	CHECK(a.reps == 1 && a.lapses == 0 && a.last_review == T0);
	CHECK(log.state == SCHED_NEW && log.elapsed_days == 0 && log.scheduled_days == 2);
	CHECK_NUM(log.retrievability, 0.0);

	CHECK(sched_review(&p, &a, SCHED_GOOD, a.due, 0, &b, &log) == 0);
	CHECK(b.state == SCHED_REVIEW);
	CHECK_NUM(b.stability, S_GOOD2);
	CHECK_NUM(b.difficulty, D_GOOD2);
	CHECK(b.scheduled_days == 11 && b.due == a.due + 11 * DAY);
	CHECK(b.reps == 2);
	CHECK(log.state == SCHED_REVIEW && log.elapsed_days == 2 && log.grade == SCHED_GOOD);
	CHECK_NUM(log.retrievability, R_AT_2);
	CHECK(log.scheduled_seconds == 11 * DAY);
}

/* A new card's first grade: S0 = w[g-1], D0 clamped (Easy's is below 1). */
static void test_initial_grades(void)
{
	struct sched_params p = plain();
	struct sched_card c;
	memset(&c, 0, sizeof c);
	static const double d0[] = { D0_AGAIN, D0_HARD, D0_GOOD, 1.0 };
	static const int ivl[] = { 1, 1, 2, 8 };
	for (int g = SCHED_AGAIN; g <= SCHED_EASY; g++) {
		struct sched_card a = review(&p, c, (enum sched_grade)g, T0);
		CHECK_NUM(a.stability, p.w[g - 1]);
		CHECK_NUM(a.difficulty, d0[g - 1]);
		CHECK(a.scheduled_days == ivl[g - 1]);
		CHECK(a.state == SCHED_REVIEW);
	}
}

static void test_learning_steps(void)
{
	struct sched_params p = plain();
	p.nlearning = 2; /* 1m 10m */
	struct sched_card c;
	memset(&c, 0, sizeof c);
	struct sched_card good = review(&p, c, SCHED_GOOD, T0);
	CHECK(good.state == SCHED_LEARNING && good.step == 1);
	CHECK(good.due == T0 + 600 && good.scheduled_days == 0);
	struct sched_card again = review(&p, c, SCHED_AGAIN, T0);
	CHECK(again.state == SCHED_LEARNING && again.step == 0 && again.due == T0 + 60);
	struct sched_card hard = review(&p, c, SCHED_HARD, T0);
	CHECK(hard.state == SCHED_LEARNING && hard.step == 0 && hard.due == T0 + 330);
	struct sched_card easy = review(&p, c, SCHED_EASY, T0);
	CHECK(easy.state == SCHED_REVIEW && easy.scheduled_days == 8);

	/* from step 0 (after Again) Good moves on to the 10-minute step */
	struct sched_card next = review(&p, again, SCHED_GOOD, T0 + 60);
	CHECK(next.state == SCHED_LEARNING && next.step == 1 && next.due == T0 + 660);
	/* Hard on the last step repeats it */
	struct sched_card rep = review(&p, good, SCHED_HARD, T0 + 600);
	CHECK(rep.state == SCHED_LEARNING && rep.step == 1 && rep.due == T0 + 1200);
	/* Good on the last step, the same day: graduates; a pass the same day
	 * never lowers stability */
	struct sched_card grad = review(&p, good, SCHED_GOOD, T0 + 600);
	CHECK(grad.state == SCHED_REVIEW && grad.step == 0);
	CHECK_NUM(grad.stability, 2.3065);
	CHECK_NUM(grad.difficulty, D_GOOD2);
	CHECK(grad.scheduled_days == 2 && grad.due == T0 + 600 + 2 * DAY);
	CHECK(grad.reps == 2);
}

static void test_single_step(void)
{
	struct sched_params p = plain();
	p.nlearning = 1;
	p.learning_steps[0] = 600;
	struct sched_card c;
	memset(&c, 0, sizeof c);
	struct sched_card hard = review(&p, c, SCHED_HARD, T0);
	CHECK(hard.state == SCHED_LEARNING && hard.due == T0 + 900);
	struct sched_card good = review(&p, c, SCHED_GOOD, T0);
	CHECK(good.state == SCHED_REVIEW && good.scheduled_days == 2);
	/* a card left on a step the steps no longer have graduates */
	struct sched_card stale = hard;
	stale.step = 5;
	struct sched_card out = review(&p, stale, SCHED_HARD, T0 + 900);
	CHECK(out.state == SCHED_REVIEW);
}

/* Review -> Relearning -> Review: the worked card forgotten at its due. */
static void test_lapse_and_relearning(void)
{
	struct sched_params p = plain();
	p.nrelearning = 1; /* 10m */
	int64_t last = T0 + 2 * DAY, now = last + 11 * DAY;
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, last);
	struct sched_card a;
	struct sched_log log;
	CHECK(sched_review(&p, &c, SCHED_AGAIN, now, 0, &a, &log) == 0);
	CHECK(a.state == SCHED_RELEARNING && a.step == 0 && a.due == now + 600);
	CHECK(a.lapses == 1 && a.scheduled_days == 0);
	CHECK_NUM(a.stability, 1.5383372358832696);
	CHECK_NUM(a.difficulty, 7.392238132342694);
	CHECK_NUM(log.retrievability, 0.8997767176252719);
	CHECK(log.elapsed_days == 11);

	struct sched_card b = review(&p, a, SCHED_GOOD, now + 600);
	CHECK(b.state == SCHED_REVIEW && b.lapses == 1);
	CHECK_NUM(b.stability, 1.57119726342993);
	CHECK_NUM(b.difficulty, 7.38007426350719);
	CHECK(b.scheduled_days == 2);

	/* Again while relearning: back to the first relearning step */
	struct sched_card again = review(&p, a, SCHED_AGAIN, now + 600);
	CHECK(again.state == SCHED_RELEARNING && again.due == now + 1200 && again.lapses == 1);
}

static void test_lapse_without_relearning_steps(void)
{
	struct sched_params p = plain();
	int64_t last = T0 + 2 * DAY, now = last + 11 * DAY;
	struct sched_card a = review(&p, review_card(S_GOOD2, D_GOOD2, last), SCHED_AGAIN, now);
	CHECK(a.state == SCHED_REVIEW && a.lapses == 1);
	CHECK_NUM(a.stability, 1.5383372358832696);
	CHECK(a.scheduled_days == 2 && a.due == now + 2 * DAY);
	/* where the long-term value (0.013546…) passes the bound S / e^(w17 w18),
	 * the bound wins: S = 0.01, D = 1, 100 days on (R 0.2423943178147179) */
	struct sched_card b = review(&p, review_card(0.01, 1.0, T0), SCHED_AGAIN, T0 + 100 * DAY);
	CHECK_NUM(b.stability, 0.009517279993343508);
	CHECK_NUM(b.difficulty, 7.0269895692968385);
	CHECK(b.scheduled_days == 1 && b.lapses == 1);
}

/* A review card reviewed again on the day of its last review. */
static void test_same_day_review(void)
{
	struct sched_params p = plain();
	int64_t last = T0, now = T0 + 3600;
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, last);
	struct sched_card a = review(&p, c, SCHED_AGAIN, now);
	CHECK_NUM(a.stability, 3.325285997580933);
	CHECK_NUM(a.difficulty, 7.392238132342694);
	CHECK(a.scheduled_days == 3);
	struct sched_card h = review(&p, c, SCHED_HARD, now);
	CHECK_NUM(h.stability, S_GOOD2); /* never lowered by a pass */
	CHECK_NUM(h.difficulty, 4.7482847615945705);
	CHECK(h.scheduled_days == 11);
	struct sched_card g = review(&p, c, SCHED_GOOD, now);
	CHECK_NUM(g.stability, S_GOOD2);
	CHECK_NUM(g.difficulty, 2.1043313908464474);
	CHECK(g.scheduled_days == 12); /* Hard's 11 pushes Good to 12 */
	struct sched_card e = review(&p, c, SCHED_EASY, now);
	CHECK_NUM(e.stability, 16.929466519960002);
	CHECK_NUM(e.difficulty, 1.0);
	CHECK(e.scheduled_days == 17);
}

/* 30 days after the last review of a card with S = 10: R below 0.9. */
static void test_overdue_review(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(10.0, 5.0, T0);
	int64_t now = T0 + 30 * DAY;
	double r = sched_retrievability(&p, &c, now);
	CHECK_NUM(r, 0.8093881035731708);
	CHECK(r < p.retention);
	CHECK_NUM(sched_retrievability(&p, &c, T0 + 3600), 1.0);
	struct sched_card h = review(&p, c, SCHED_HARD, now);
	struct sched_card g = review(&p, c, SCHED_GOOD, now);
	struct sched_card e = review(&p, c, SCHED_EASY, now);
	CHECK_NUM(h.stability, 36.19554802460354);
	CHECK_NUM(g.stability, 53.55761227902151);
	CHECK_NUM(e.stability, 91.5790520373794);
	CHECK_NUM(h.difficulty, 6.665995369296838);
	CHECK_NUM(g.difficulty, 4.9902283692968386);
	CHECK_NUM(e.difficulty, 3.3144613692968385);
	CHECK(h.scheduled_days == 36 && g.scheduled_days == 54 && e.scheduled_days == 92);
	struct sched_card n;
	memset(&n, 0, sizeof n);
	CHECK_NUM(sched_retrievability(&p, &n, now), 0.0);
}

static void test_max_interval(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(10.0, 5.0, T0);
	int64_t now = T0 + 30 * DAY;
	p.max_interval = 50;
	CHECK(review(&p, c, SCHED_HARD, now).scheduled_days == 36);
	CHECK(review(&p, c, SCHED_GOOD, now).scheduled_days == 50);
	CHECK(review(&p, c, SCHED_EASY, now).scheduled_days == 50);
	p.max_interval = 30;
	for (int g = SCHED_HARD; g <= SCHED_EASY; g++) {
		struct sched_card a = review(&p, c, (enum sched_grade)g, now);
		CHECK(a.scheduled_days == 30 && a.due == now + 30 * DAY);
	}
	/* a stability past the ceiling still gives the maximum */
	p.max_interval = 36500;
	struct sched_card big = review(&p, review_card(36000.0, 1.0, T0), SCHED_EASY, T0 + 3000 * DAY);
	CHECK(big.scheduled_days == 36500);
	CHECK(big.stability <= SCHED_S_MAX);
}

/* New card rated Easy (S = 8.2956): the interval from the retention. */
static void test_retention(void)
{
	struct sched_params p = plain();
	struct sched_card c;
	memset(&c, 0, sizeof c);
	CHECK(review(&p, c, SCHED_EASY, T0).scheduled_days == 8);
	p.retention = 0.8; /* 27.50787600265773 days */
	CHECK(review(&p, c, SCHED_EASY, T0).scheduled_days == 28);
	p.retention = 0.95; /* 3.3394658852721784 days */
	CHECK(review(&p, c, SCHED_EASY, T0).scheduled_days == 3);
}

/* Review cards: Hard < Good < Easy even when the stabilities round alike. */
static void test_hard_good_easy_order(void)
{
	struct sched_params p = plain();
	static const struct { double s, d; int hard, good, easy; } cases[] = {
		{ 1.0, 10.0, 1, 2, 3 },   /* unordered 1, 2, 2 */
		{ 0.1, 10.0, 1, 2, 3 },   /* unordered 1, 1, 1 */
		{ 0.5, 9.0, 1, 2, 3 },    /* unordered 1, 1, 2 */
		{ S_GOOD2, D_GOOD2, 32, 46, 77 }, /* 11 days on: already apart */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int t = i == 3 ? 11 : 1;
		struct sched_card c = review_card(cases[i].s, cases[i].d, T0);
		int64_t now = T0 + t * DAY;
		CHECK(review(&p, c, SCHED_HARD, now).scheduled_days == cases[i].hard);
		CHECK(review(&p, c, SCHED_GOOD, now).scheduled_days == cases[i].good);
		CHECK(review(&p, c, SCHED_EASY, now).scheduled_days == cases[i].easy);
	}
	/* a Hard interval past Good's (a hard "penalty" w15 above 1): Hard takes
	 * Good's (46), Good moves to 47; unordered 64, 46, 77 */
	p.w[15] = 1.5;
	struct sched_card k = review_card(S_GOOD2, D_GOOD2, T0);
	CHECK(review(&p, k, SCHED_HARD, T0 + 11 * DAY).scheduled_days == 46);
	CHECK(review(&p, k, SCHED_GOOD, T0 + 11 * DAY).scheduled_days == 47);
	CHECK(review(&p, k, SCHED_EASY, T0 + 11 * DAY).scheduled_days == 77);
	p.w[15] = 0.6014;
	/* with fuzz, for any seed */
	p.fuzz = true;
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, T0);
	for (uint64_t seed = 0; seed < 200; seed++) {
		struct sched_card h, g, e;
		sched_review(&p, &c, SCHED_HARD, T0 + 11 * DAY, seed, &h, NULL);
		sched_review(&p, &c, SCHED_GOOD, T0 + 11 * DAY, seed, &g, NULL);
		sched_review(&p, &c, SCHED_EASY, T0 + 11 * DAY, seed, &e, NULL);
		CHECK(h.scheduled_days < g.scheduled_days && g.scheduled_days < e.scheduled_days);
	}
}

/* Good 11 days on (46 days unfuzzed): fuzz spreads it over 46 +- 4.275,
 * i.e. 42 to 50; the same seed gives the same date; off, exactly 46. */
static void test_fuzz(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, T0), a, b;
	int64_t now = T0 + 11 * DAY;
	CHECK(review(&p, c, SCHED_GOOD, now).scheduled_days == 46);
	p.fuzz = true;
	int lo = 1000, hi = 0, seen[64] = { 0 };
	for (uint64_t seed = 0; seed < 500; seed++) {
		uint64_t s = seed * UINT64_C(0x9e3779b97f4a7c15);
		sched_review(&p, &c, SCHED_GOOD, now, s, &a, NULL);
		sched_review(&p, &c, SCHED_GOOD, now, s, &b, NULL);
		CHECK(a.due == b.due && a.scheduled_days == b.scheduled_days);
		CHECK(a.due == sched_add_days(now, a.scheduled_days));
		int d = a.scheduled_days;
		lo = d < lo ? d : lo;
		hi = d > hi ? d : hi;
		if (d >= 0 && d < 64)
			seen[d] = 1;
	}
	CHECK(lo == 42 && hi == 50);
	for (int d = 42; d <= 50; d++)
		CHECK(seen[d]);
	/* the band starts after the days already elapsed: S 20, D 8, Hard 35
	 * days on gives 37 (S 37.14384426352921), band 33-41 raised to 36-41 */
	c = review_card(20.0, 8.0, T0);
	now = T0 + 35 * DAY;
	p.fuzz = false;
	CHECK(review(&p, c, SCHED_HARD, now).scheduled_days == 37);
	p.fuzz = true;
	lo = 1000, hi = 0;
	for (uint64_t seed = 0; seed < 500; seed++) {
		sched_review(&p, &c, SCHED_HARD, now, seed * UINT64_C(0x9e3779b97f4a7c15), &a, NULL);
		lo = a.scheduled_days < lo ? a.scheduled_days : lo;
		hi = a.scheduled_days > hi ? a.scheduled_days : hi;
	}
	CHECK(lo == 36 && hi == 41);
	/* intervals under 3 days are not fuzzed */
	struct sched_card n;
	memset(&n, 0, sizeof n);
	for (uint64_t seed = 0; seed < 50; seed++) {
		sched_review(&p, &n, SCHED_GOOD, T0, seed, &a, NULL);
		CHECK(a.scheduled_days == 2);
	}
}

static void test_difficulty_clamps(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(10.0, 5.0, T0);
	for (int i = 0; i < 3; i++)
		c = review(&p, c, SCHED_EASY, c.due);
	CHECK_NUM(c.difficulty, 1.0);
	/* a stored difficulty above 10 comes back to 10 */
	struct sched_card hi = review(&p, review_card(10.0, 10.5, T0), SCHED_AGAIN, T0 + 5 * DAY);
	CHECK_NUM(hi.difficulty, 10.0);
	/* repeated lapses approach 10 but never pass it */
	c = review_card(10.0, 5.0, T0);
	for (int i = 0; i < 30; i++) {
		c = review(&p, c, SCHED_AGAIN, c.due);
		CHECK(c.difficulty <= 10.0 && c.difficulty >= 1.0);
	}
	CHECK(c.difficulty > 9.9);
	/* the initial difficulty too */
	p.w[4] = 10.5;
	struct sched_card n;
	memset(&n, 0, sizeof n);
	CHECK_NUM(review(&p, n, SCHED_AGAIN, T0).difficulty, 10.0);
}

/* Same-day lapses shrink stability down to the references' floor. */
static void test_stability_floor(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(2.3065, D0_GOOD, T0);
	for (int i = 0; i < 3; i++)
		c = review(&p, c, SCHED_AGAIN, T0 + 60 * (i + 1));
	CHECK_NUM(c.stability, 0.10803846327184485);
	c = review_card(2.3065, D0_GOOD, T0);
	for (int i = 0; i < 10; i++)
		c = review(&p, c, SCHED_AGAIN, T0 + 60 * (i + 1));
	CHECK_NUM(c.stability, SCHED_S_MIN);
	for (int i = 0; i < 10; i++)
		c = review(&p, c, SCHED_AGAIN, T0 + 3600 + 60 * i);
	CHECK_NUM(c.stability, SCHED_S_MIN);
	CHECK(c.scheduled_days == 1);
}

/* Default steps, no fuzz, each review at the card's due: the days from each
 * review to the next due, and the last memory state, as ts-fsrs 5.4 gives
 * them for the same reviews (its values are rounded to 8 decimals).  The
 * same grades as py-fsrs's test_review_card, whose list (…, 497, …, 20)
 * comes from an older revision of that library. */
static void test_reference_sequence(void)
{
	struct sched_params p;
	sched_defaults(&p);
	p.fuzz = false;
	p.day_starts = 0;
	static const enum sched_grade grades[] = {
		SCHED_GOOD, SCHED_GOOD, SCHED_GOOD, SCHED_GOOD, SCHED_GOOD, SCHED_GOOD,
		SCHED_AGAIN, SCHED_AGAIN, SCHED_GOOD, SCHED_GOOD, SCHED_GOOD, SCHED_GOOD,
		SCHED_GOOD,
	};
	static const int64_t want[] = { 0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21 };
	struct sched_card c;
	memset(&c, 0, sizeof c);
	int64_t now = T0;
	for (size_t i = 0; i < sizeof grades / sizeof grades[0]; i++) {
		c = review(&p, c, grades[i], now);
		int64_t days = (c.due - c.last_review) / DAY;
		if (days != want[i])
			printf("  review %zu: %lld days, expected %lld\n", i, (long long)days,
			       (long long)want[i]);
		CHECK(days == want[i]);
		now = c.due;
	}
	CHECK(c.lapses == 1 && c.reps == 13);
	CHECK(fabs(c.stability - 20.77035737) < 1e-6);
	CHECK(fabs(c.difficulty - 9.0557599) < 1e-6);
}

/* ----------------------------------------------------------------- days */

static void test_elapsed_days_utc(void)
{
	int64_t midnight = INT64_C(1669680000); /* 2022-11-29 00:00 UTC */
	CHECK(sched_elapsed_days(midnight - 60, midnight + 60, 0) == 1);
	CHECK(sched_elapsed_days(midnight, midnight + DAY - 1, 0) == 0);
	CHECK(sched_elapsed_days(midnight, midnight + 10 * DAY, 0) == 10);
	CHECK(sched_elapsed_days(midnight + DAY, midnight, 0) == -1);
	/* days starting at 04:00: 03:00 -> 05:00 passes one */
	CHECK(sched_elapsed_days(midnight + 3 * 3600, midnight + 5 * 3600, 4) == 1);
	CHECK(sched_elapsed_days(midnight + 5 * 3600, midnight + DAY + 3 * 3600, 4) == 0);
	CHECK(sched_elapsed_days(midnight - 60, midnight + 60, 4) == 0);
	/* a review at 01:00 after one the evening before is on the same day */
	struct sched_params p = plain();
	p.day_starts = 4;
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, midnight - 3 * 3600);
	struct sched_log log;
	struct sched_card a;
	sched_review(&p, &c, SCHED_GOOD, midnight + 3600, 0, &a, &log);
	CHECK(log.elapsed_days == 0);
	CHECK_NUM(a.stability, S_GOOD2);
	/* a clock set back: a review before the last one counts as the same day */
	sched_review(&p, &c, SCHED_GOOD, midnight - 3 * DAY, 0, &a, &log);
	CHECK(log.elapsed_days == 0);
	CHECK_NUM(log.retrievability, 1.0);
	CHECK_NUM(a.stability, S_GOOD2);
	CHECK_NUM(sched_retrievability(&p, &c, midnight - 3 * DAY), 1.0);
}

/* Europe/Berlin: summer time starts 2024-03-31 at 02:00 (CET -> CEST) and
 * ends 2024-10-27 at 03:00 (02:00-03:00 happens twice). */
static void test_elapsed_days_dst(void)
{
	set_tz("Europe/Berlin");
	const int64_t sat_noon = INT64_C(1711796400);  /* 2024-03-30 12:00 CET */
	const int64_t sun_noon = INT64_C(1711879200);  /* 2024-03-31 12:00 CEST */
	const int64_t sun_0330 = INT64_C(1711848600);  /* 2024-03-31 03:30 CEST */
	const int64_t sun_0400 = INT64_C(1711850400);  /* 2024-03-31 04:00 CEST */
	CHECK(sun_noon - sat_noon == 23 * 3600);
	CHECK(sched_elapsed_days(sat_noon, sun_noon, 4) == 1);
	CHECK(sched_elapsed_days(sat_noon, sun_noon, 0) == 1);
	CHECK(sched_elapsed_days(sat_noon, sun_0330, 4) == 0);
	CHECK(sched_elapsed_days(sun_0330, sun_0400, 4) == 1);
	CHECK(sched_elapsed_days(sat_noon, sun_0330, 0) == 1);
	const int64_t first_0230 = INT64_C(1729989000);  /* 2024-10-27 02:30 CEST */
	const int64_t second_0230 = INT64_C(1729992600); /* 2024-10-27 02:30 CET */
	CHECK(sched_elapsed_days(first_0230, second_0230, 4) == 0);
	CHECK(sched_elapsed_days(first_0230, second_0230, 0) == 0);
	CHECK(sched_elapsed_days(first_0230 - 3 * 3600, second_0230, 0) == 1);
	/* a due date keeps the local time of day across the change */
	CHECK(sched_add_days(sat_noon, 1) == sun_noon);
	struct sched_params p = plain();
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, sat_noon - 11 * DAY);
	struct sched_card a = review(&p, c, SCHED_AGAIN, sat_noon);
	CHECK(a.scheduled_days == 2);
	CHECK(a.due == sun_noon + DAY);
	set_tz("UTC");
}

static void test_due_keeps_time_of_day(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(S_GOOD2, D_GOOD2, T0);
	struct sched_card a = review(&p, c, SCHED_GOOD, T0 + 11 * DAY + 7);
	CHECK(a.due == T0 + (11 + 46) * DAY + 7);
	/* steps add seconds */
	p.nrelearning = 1;
	a = review(&p, c, SCHED_AGAIN, T0 + 11 * DAY + 7);
	CHECK(a.due == T0 + 11 * DAY + 7 + 600);
}

/* ---------------------------------------------------------------- words */

static void test_parse_steps(void)
{
	int st[SCHED_MAX_STEPS];
	size_t n = 99;
	char err[80] = "";
	CHECK(sched_parse_steps("1m 10m", st, SCHED_MAX_STEPS, &n, err, sizeof err) == 0);
	CHECK(n == 2 && st[0] == 60 && st[1] == 600);
	CHECK(sched_parse_steps("30s,1h  2d", st, SCHED_MAX_STEPS, &n, err, sizeof err) == 0);
	CHECK(n == 3 && st[0] == 30 && st[1] == 3600 && st[2] == 172800);
	CHECK(sched_parse_steps("", st, SCHED_MAX_STEPS, &n, err, sizeof err) == 0);
	CHECK(n == 0);
	n = 99;
	CHECK(sched_parse_steps("  ", st, SCHED_MAX_STEPS, &n, err, sizeof err) == 0);
	CHECK(n == 0);
	CHECK(sched_parse_steps("365d", st, SCHED_MAX_STEPS, &n, err, sizeof err) == 0);
	CHECK(n == 1 && st[0] == 365 * 86400);
}

static void expect_step_error(const char *s, size_t cap, const char *want)
{
	int st[SCHED_MAX_STEPS] = { 0 };
	size_t n = 77;
	char err[80] = "";
	CHECK(sched_parse_steps(s, st, cap, &n, err, sizeof err) == -1);
	CHECK(n == 77);
	CHECK_STR(err, want);
}

static void test_parse_steps_errors(void)
{
	expect_step_error("10x", 8, "column 3: unknown unit (use s, m, h or d)");
	expect_step_error("1m 10", 8, "column 6: missing unit (s, m, h or d)");
	expect_step_error("m", 8, "column 1: expected a number such as 10m");
	expect_step_error("1m -5m", 8, "column 4: expected a number such as 10m");
	expect_step_error("1m 0m", 8, "column 4: a step must be longer than 0");
	expect_step_error("1m10m", 8, "column 3: expected a space or comma after the unit");
	expect_step_error("366d", 8, "column 1: step too long (at most 365d)");
	expect_step_error("99999999999999999999s", 8, "column 1: step too long (at most 365d)");
	expect_step_error("1m 2m 3m", 2, "column 7: too many steps (at most 2)");
	expect_step_error("1s 2s 3s 4s 5s 6s 7s 8s 9s", 8, "column 25: too many steps (at most 8)");
	int st[1];
	size_t n = 5;
	CHECK(sched_parse_steps("1x", st, 1, &n, NULL, 0) == -1); /* no room for a message */
}

static void test_format_interval(void)
{
	char buf[32];
	CHECK_STR(sched_format_interval(600, buf, sizeof buf), "in 10 minutes");
	CHECK_STR(sched_format_interval(60, buf, sizeof buf), "in 1 minute");
	CHECK_STR(sched_format_interval(330, buf, sizeof buf), "in 6 minutes");
	CHECK_STR(sched_format_interval(30, buf, sizeof buf), "in 30 seconds");
	CHECK_STR(sched_format_interval(1, buf, sizeof buf), "in 1 second");
	CHECK_STR(sched_format_interval(3599, buf, sizeof buf), "in 1 hour");
	CHECK_STR(sched_format_interval(5 * 3600, buf, sizeof buf), "in 5 hours");
	CHECK_STR(sched_format_interval(23 * 3600, buf, sizeof buf), "in 23 hours");
	CHECK_STR(sched_format_interval(23 * 3600 + 1800, buf, sizeof buf), "in 1 day");
	CHECK_STR(sched_format_interval(3 * DAY, buf, sizeof buf), "in 3 days");
	CHECK_STR(sched_format_interval(364 * DAY, buf, sizeof buf), "in 364 days");
	CHECK_STR(sched_format_interval(500 * DAY, buf, sizeof buf), "in 1.4 years");
	CHECK_STR(sched_format_interval(36500 * DAY, buf, sizeof buf), "in 99.9 years");
	CHECK_STR(sched_format_interval(731 * DAY, buf, sizeof buf), "in 2 years");
	CHECK_STR(sched_format_interval(0, buf, sizeof buf), "now");
	CHECK_STR(sched_format_interval(-5, buf, sizeof buf), "now");
	char small[6];
	CHECK_STR(sched_format_interval(3 * DAY, small, sizeof small), "in 3 ");
	/* the short form: the same units and rounding */
	CHECK_STR(sched_format_interval_short(600, buf, sizeof buf), "10m");
	CHECK_STR(sched_format_interval_short(330, buf, sizeof buf), "6m");
	CHECK_STR(sched_format_interval_short(45, buf, sizeof buf), "45s");
	CHECK_STR(sched_format_interval_short(3599, buf, sizeof buf), "1h");
	CHECK_STR(sched_format_interval_short(23 * 3600, buf, sizeof buf), "23h");
	CHECK_STR(sched_format_interval_short(23 * 3600 + 1800, buf, sizeof buf), "1d");
	CHECK_STR(sched_format_interval_short(364 * DAY, buf, sizeof buf), "364d");
	CHECK_STR(sched_format_interval_short(500 * DAY, buf, sizeof buf), "1.4y");
	CHECK_STR(sched_format_interval_short(731 * DAY, buf, sizeof buf), "2y");
	CHECK_STR(sched_format_interval_short(0, buf, sizeof buf), "now");
	CHECK_STR(sched_format_interval_short(8 * DAY, small, 3), "8d");
	CHECK_STR(sched_format_interval_short(10 * DAY, small, 3), "10");
}

static void test_names(void)
{
	CHECK_STR(sched_state_name(SCHED_NEW), "new");
	CHECK_STR(sched_state_name(SCHED_LEARNING), "learning");
	CHECK_STR(sched_state_name(SCHED_REVIEW), "review");
	CHECK_STR(sched_state_name(SCHED_RELEARNING), "relearning");
	CHECK_STR(sched_state_name((enum sched_state)9), "?");
	CHECK_STR(sched_grade_name(SCHED_AGAIN), "again");
	CHECK_STR(sched_grade_name(SCHED_HARD), "hard");
	CHECK_STR(sched_grade_name(SCHED_GOOD), "good");
	CHECK_STR(sched_grade_name(SCHED_EASY), "easy");
	CHECK_STR(sched_grade_name((enum sched_grade)0), "?");
}

static void test_bad_grade(void)
{
	struct sched_params p = plain();
	struct sched_card c = review_card(5.0, 5.0, T0), a = c;
	a.reps = 1234;
	struct sched_log log;
	memset(&log, 0, sizeof log);
	log.elapsed_days = 99;
	CHECK(sched_review(&p, &c, (enum sched_grade)0, T0 + DAY, 0, &a, &log) == -1);
	CHECK(sched_review(&p, &c, (enum sched_grade)5, T0 + DAY, 0, &a, &log) == -1);
	CHECK(a.reps == 1234 && log.elapsed_days == 99);
	/* after may be before */
	CHECK(sched_review(&p, &c, SCHED_GOOD, T0 + DAY, 0, &c, NULL) == 0);
	CHECK(c.reps == 4 && c.last_review == T0 + DAY);
}

int main(void)
{
	set_tz("UTC");
	RUN(test_defaults);
	RUN(test_params_check);
	RUN(test_worked_values);
	RUN(test_initial_grades);
	RUN(test_learning_steps);
	RUN(test_single_step);
	RUN(test_lapse_and_relearning);
	RUN(test_lapse_without_relearning_steps);
	RUN(test_same_day_review);
	RUN(test_overdue_review);
	RUN(test_max_interval);
	RUN(test_retention);
	RUN(test_hard_good_easy_order);
	RUN(test_fuzz);
	RUN(test_difficulty_clamps);
	RUN(test_stability_floor);
	RUN(test_reference_sequence);
	RUN(test_elapsed_days_utc);
	RUN(test_elapsed_days_dst);
	RUN(test_due_keeps_time_of_day);
	RUN(test_parse_steps);
	RUN(test_parse_steps_errors);
	RUN(test_format_interval);
	RUN(test_names);
	RUN(test_bad_grade);
	return check_done();
}
