/* drill_score — the scoring of a classroom drill, and its leaderboard; see
 * drill_score.h. */
#include "drill_score.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* seconds clamped to [0, T] (not clamped above when there is no clock); a
 * value that is not a number counts as the whole time. */
static double clamp_seconds(const struct drill_rules *rules, double seconds)
{
	bool clock = rules->time_limit > 0;
	if (isnan(seconds))
		return clock ? rules->time_limit : 0.0;
	if (seconds < 0)
		return 0.0;
	return clock && seconds > rules->time_limit ? rules->time_limit : seconds;
}

/* What speed leaves of the points: 1 at once, 1/2 at the last moment. */
static double speed_factor(const struct drill_rules *rules, double seconds)
{
	if (rules->no_speed || !(rules->time_limit > 0))
		return 1.0;
	return 1.0 - seconds / rules->time_limit / 2.0;
}

static double streak_bonus(const struct drill_rules *rules, unsigned streak)
{
	if (rules->no_streak || streak < 2)
		return 0.0;
	double bonus = DRILL_STREAK_STEP * (double)(streak - 1);
	return bonus < DRILL_STREAK_CAP ? bonus : DRILL_STREAK_CAP;
}

double drill_score_answer(const struct drill_rules *rules, struct drill_tally *t, double points,
                          const struct verdict *v, double seconds, double *bonus_out)
{
	if (!(points > 0))  /* negative, zero or not a number */
		points = 0.0;
	double secs = clamp_seconds(rules, seconds);
	double credit = 0.0, earned = 0.0, bonus = 0.0;
	t->seconds += secs;
	t->max += points;
	if (!v) {
		t->timed_out++;
	} else if (v->outcome == OUT_CORRECT) {
		t->right++;
		credit = 1.0;
	} else if (v->outcome == OUT_PARTIAL && v->fraction > 0) {
		t->partly++;
		credit = v->fraction < 1.0 ? v->fraction : 1.0;
	} else {
		t->wrong++;
	}
	if (v && v->outcome == OUT_CORRECT) {
		t->streak++;
		if (t->streak > t->best_streak)
			t->best_streak = t->streak;
		bonus = streak_bonus(rules, t->streak);
	} else {
		t->streak = 0;
	}
	if (credit > 0)
		earned = round(points * speed_factor(rules, secs) * credit);
	earned += bonus;
	t->grade_points += points * credit;
	t->score += earned;
	if (bonus_out)
		*bonus_out = bonus;
	return earned;
}

double drill_grade(const struct drill_tally *t)
{
	return t->max > 0 ? 100.0 * t->grade_points / t->max : 0.0;
}

static int cmp_double_desc(double a, double b)
{
	return a > b ? -1 : a < b ? 1 : 0;
}

/* Leaderboard order: score, then grade, both descending. */
static int cmp_standing(const struct drill_entry *a, const struct drill_entry *b)
{
	int c = cmp_double_desc(a->score, b->score);
	return c ? c : cmp_double_desc(a->grade, b->grade);
}

static int cmp_entry(const void *pa, const void *pb)
{
	const struct drill_entry *a = pa, *b = pb;
	int c = cmp_standing(a, b);
	return c ? c : strcmp(a->name ? a->name : "", b->name ? b->name : "");
}

static unsigned rank_before(const char *name, const struct drill_entry *prev, size_t nprev)
{
	for (size_t i = 0; prev && i < nprev; i++)
		if (strcmp(prev[i].name ? prev[i].name : "", name ? name : "") == 0)
			return prev[i].rank;
	return 0;
}

void drill_rank(struct drill_entry *e, size_t n, const struct drill_entry *prev, size_t nprev)
{
	if (n > 1)
		qsort(e, n, sizeof *e, cmp_entry);
	for (size_t i = 0; i < n; i++) {
		e[i].rank = i > 0 && cmp_standing(&e[i - 1], &e[i]) == 0 ? e[i - 1].rank
		                                                          : (unsigned)(i + 1);
		e[i].prev_rank = rank_before(e[i].name, prev, nprev);
		e[i].change = e[i].prev_rank ? (int)e[i].prev_rank - (int)e[i].rank : 0;
	}
}
