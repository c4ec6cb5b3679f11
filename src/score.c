/* score — points, partial credit, streaks and hints; see score.h. */
#include "score.h"

#include <math.h>
#include <stdio.h>

double score_streak_factor(unsigned n)
{
	double bonus = n > 1 ? SCORE_STREAK_STEP * (double)(n - 1) : 0.0;
	return 1.0 + (bonus < SCORE_STREAK_CAP ? bonus : SCORE_STREAK_CAP);
}

double score_apply(struct score *s, double points, const struct verdict *v, bool hinted)
{
	s->ideal_streak++;
	s->max += points * score_streak_factor(s->ideal_streak);

	double base = hinted ? points * SCORE_HINT_FACTOR : points;
	double earned;
	if (v->outcome == OUT_CORRECT) {
		s->streak++;
		if (s->streak > s->best_streak)
			s->best_streak = s->streak;
		earned = base * score_streak_factor(s->streak);
	} else {
		s->streak = 0;
		earned = v->outcome == OUT_PARTIAL ? base * v->fraction : 0.0;
	}
	s->total += earned;
	return earned;
}

void score_format_points(double points, char *buf, size_t size)
{
	double r = round(points * 10.0) / 10.0;
	if (r == floor(r))
		snprintf(buf, size, "%.0f", r);
	else
		snprintf(buf, size, "%.1f", r);
}

void score_format_duration(double seconds, char *buf, size_t size)
{
	long s = lround(seconds);
	if (s >= 3600)
		snprintf(buf, size, "%ld h %ld min %ld s", s / 3600, s / 60 % 60, s % 60);
	else if (s >= 60)
		snprintf(buf, size, "%ld min %ld s", s / 60, s % 60);
	else
		snprintf(buf, size, "%ld s", s);
}
