/* score — points, partial credit, streaks and hints; see score.h. */
#include "score.h"

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

double score_card_credit(enum rating r)
{
	switch (r) {
	case RATE_HARD: return 0.5;
	case RATE_GOOD: case RATE_EASY: return 1.0;
	case RATE_AGAIN: case RATE_NONE: break;
	}
	return 0.0;
}
