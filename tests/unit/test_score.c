/* Unit tests of scoring: points, partial credit, streaks, hints (card credit is tested with answer checking). */
#include "check.h"
#include "score.h"

static struct verdict v(enum outcome o, double fraction)
{
	struct verdict x = { .outcome = o, .fraction = fraction };
	return x;
}

static void streak_factor_steps_and_caps(void)
{
	CHECK_NUM(score_streak_factor(1), 1.0);
	CHECK_NUM(score_streak_factor(2), 1.1);
	CHECK_NUM(score_streak_factor(4), 1.3);
	CHECK_NUM(score_streak_factor(6), 1.5);
	CHECK_NUM(score_streak_factor(40), 1.5);
}

static void right_answers_build_a_streak(void)
{
	struct score s = {0};
	struct verdict ok = v(OUT_CORRECT, 1);
	CHECK_NUM(score_apply(&s, 100, &ok, false), 100);
	CHECK_NUM(score_apply(&s, 100, &ok, false), 110);
	CHECK_NUM(score_apply(&s, 100, &ok, false), 120);
	CHECK(s.streak == 3 && s.best_streak == 3);
	CHECK_NUM(s.total, 330);
	CHECK_NUM(s.max, 330);
}

static void wrong_and_partial_end_the_streak(void)
{
	struct score s = {0};
	struct verdict ok = v(OUT_CORRECT, 1), part = v(OUT_PARTIAL, 0.5), bad = v(OUT_WRONG, 0);
	score_apply(&s, 100, &ok, false);
	score_apply(&s, 100, &ok, false);
	CHECK_NUM(score_apply(&s, 100, &part, false), 50);
	CHECK(s.streak == 0 && s.best_streak == 2);
	CHECK_NUM(score_apply(&s, 100, &ok, false), 100);  /* no bonus: a new streak */
	CHECK_NUM(score_apply(&s, 100, &bad, false), 0);
	CHECK(s.streak == 0);
	/* the maximum is a perfect run: 100+110+120+130+140 */
	CHECK_NUM(s.max, 600);
	CHECK_NUM(s.total, 360);
}

static void hint_halves_the_points(void)
{
	struct score s = {0};
	struct verdict ok = v(OUT_CORRECT, 1), part = v(OUT_PARTIAL, 0.5);
	CHECK_NUM(score_apply(&s, 200, &ok, true), 100);
	CHECK_NUM(score_apply(&s, 200, &ok, true), 110);   /* the streak bonus applies to what is left */
	CHECK_NUM(score_apply(&s, 200, &part, true), 50);
	CHECK(s.streak == 0);
}

static void skipped_earns_nothing(void)
{
	struct score s = {0};
	struct verdict skip = v(OUT_SKIPPED, 0);
	CHECK_NUM(score_apply(&s, 100, &skip, false), 0);
	CHECK_NUM(s.max, 100);
}

static void points_and_durations_read_well(void)
{
	char b[48];
	score_format_points(540, b, sizeof b);
	CHECK_STR(b, "540");
	score_format_points(67.5, b, sizeof b);
	CHECK_STR(b, "67.5");
	score_format_points(66.666, b, sizeof b);
	CHECK_STR(b, "66.7");
	score_format_points(99.96, b, sizeof b);
	CHECK_STR(b, "100");
	score_format_duration(42.4, b, sizeof b);
	CHECK_STR(b, "42 s");
	score_format_duration(185, b, sizeof b);
	CHECK_STR(b, "3 min 5 s");
	score_format_duration(3723, b, sizeof b);
	CHECK_STR(b, "1 h 2 min 3 s");
}

int main(void)
{
	RUN(streak_factor_steps_and_caps);
	RUN(right_answers_build_a_streak);
	RUN(wrong_and_partial_end_the_streak);
	RUN(hint_halves_the_points);
	RUN(skipped_earns_nothing);
	RUN(points_and_durations_read_well);
	return check_done();
}
