/* Unit tests of drill_score: exact points for each rule, the grade, and
 * the leaderboard's order, ranks and changes. */
#include "check.h"
#include "drill_score.h"

static const struct verdict right = { .outcome = OUT_CORRECT, .fraction = 1.0 };
static const struct verdict wrong = { .outcome = OUT_WRONG, .fraction = 0.0 };
static const struct verdict skipped = { .outcome = OUT_SKIPPED, .fraction = 0.0 };

static struct verdict partly(double fraction)
{
	struct verdict v = { .outcome = OUT_PARTIAL, .fraction = fraction };
	return v;
}

/* One answer on a fresh tally. */
static double one(const struct drill_rules *r, double points, const struct verdict *v,
                  double seconds)
{
	struct drill_tally t = { 0 };
	return drill_score_answer(r, &t, points, v, seconds, NULL);
}

static void speed_scales_from_all_to_half(void)
{
	struct drill_rules r = { .time_limit = 20 };
	CHECK_NUM(one(&r, 1000, &right, 0), 1000);
	CHECK_NUM(one(&r, 1000, &right, 5), 875);
	CHECK_NUM(one(&r, 1000, &right, 10), 750);
	CHECK_NUM(one(&r, 1000, &right, 20), 500);
	CHECK_NUM(one(&r, 1000, &right, 45), 500);   /* clamped to T: at least half */
	CHECK_NUM(one(&r, 1000, &right, -3), 1000);  /* clamped to 0 */
	CHECK_NUM(one(&r, 100, &right, 3), 93);      /* 92.5 rounds away from zero */
	CHECK_NUM(one(&r, 100, &right, 7), 83);      /* 82.5 */
	CHECK_NUM(one(&r, 100, &right, 0.4), 99);    /* 99 exactly */
	CHECK_NUM(one(&r, 100, &right, 0.8), 98);
}

static void partial_credit_scales_the_speed_points(void)
{
	struct drill_rules r = { .time_limit = 20 };
	struct verdict half = partly(0.5), most = partly(0.75), none = partly(0.0);
	CHECK_NUM(one(&r, 1000, &half, 10), 375);   /* 1000 x 0.75 x 0.5 */
	CHECK_NUM(one(&r, 1000, &most, 0), 750);
	CHECK_NUM(one(&r, 100, &most, 20), 38);     /* 37.5 */
	struct drill_tally t = { 0 };
	CHECK_NUM(drill_score_answer(&r, &t, 1000, &none, 1, NULL), 0);
	CHECK(t.partly == 0 && t.wrong == 1);        /* no credit is wrong */
}

static void wrong_skipped_and_timed_out_earn_nothing(void)
{
	struct drill_rules r = { .time_limit = 20 };
	struct drill_tally t = { 0 };
	double bonus = -1;
	CHECK_NUM(drill_score_answer(&r, &t, 1000, &wrong, 2, &bonus), 0);
	CHECK_NUM(bonus, 0);
	CHECK_NUM(drill_score_answer(&r, &t, 1000, &skipped, 2, NULL), 0);
	CHECK_NUM(drill_score_answer(&r, &t, 1000, NULL, 20, NULL), 0);
	CHECK(t.wrong == 2 && t.timed_out == 1 && t.right == 0 && t.partly == 0);
	CHECK_NUM(t.score, 0);
	CHECK_NUM(t.max, 3000);
	CHECK_NUM(t.seconds, 24);
	CHECK_NUM(drill_grade(&t), 0);
}

static void streak_adds_100_each_up_to_500(void)
{
	struct drill_rules r = { .time_limit = 20 };
	struct drill_tally t = { 0 };
	static const double want[8] = { 1000, 1100, 1200, 1300, 1400, 1500, 1500, 1500 };
	static const double bonus_want[8] = { 0, 100, 200, 300, 400, 500, 500, 500 };
	double sum = 0;
	for (int i = 0; i < 8; i++) {
		double bonus = -1;
		CHECK_NUM(drill_score_answer(&r, &t, 1000, &right, 0, &bonus), want[i]);
		CHECK_NUM(bonus, bonus_want[i]);
		sum += want[i];
	}
	CHECK_NUM(t.score, sum);
	CHECK(t.streak == 8 && t.best_streak == 8 && t.right == 8);
	/* The bonus is not scaled by speed. */
	CHECK_NUM(drill_score_answer(&r, &t, 1000, &right, 20, NULL), 1000);
}

static void partial_wrong_or_timeout_ends_the_streak(void)
{
	struct drill_rules r = { .time_limit = 10 };
	struct verdict half = partly(0.5);
	const struct verdict *breakers[3] = { &half, &wrong, NULL };
	for (int k = 0; k < 3; k++) {
		struct drill_tally t = { 0 };
		CHECK_NUM(drill_score_answer(&r, &t, 100, &right, 0, NULL), 100);
		CHECK_NUM(drill_score_answer(&r, &t, 100, &right, 0, NULL), 200);
		double bonus = -1;
		drill_score_answer(&r, &t, 100, breakers[k], 0, &bonus);
		CHECK_NUM(bonus, 0);
		CHECK(t.streak == 0 && t.best_streak == 2);
		CHECK_NUM(drill_score_answer(&r, &t, 100, &right, 0, NULL), 100);  /* starts anew */
		CHECK(t.streak == 1);
	}
}

static void no_speed_and_no_streak(void)
{
	struct drill_rules r = { .time_limit = 20, .no_speed = true };
	CHECK_NUM(one(&r, 1000, &right, 20), 1000);
	struct verdict half = partly(0.5);
	CHECK_NUM(one(&r, 1000, &half, 19), 500);
	r = (struct drill_rules){ .time_limit = 20, .no_streak = true };
	struct drill_tally t = { 0 };
	double bonus = -1;
	CHECK_NUM(drill_score_answer(&r, &t, 1000, &right, 10, &bonus), 750);
	CHECK_NUM(drill_score_answer(&r, &t, 1000, &right, 10, &bonus), 750);
	CHECK_NUM(bonus, 0);
	CHECK(t.streak == 2);  /* still counted, for display */
	r = (struct drill_rules){ .time_limit = 0 };  /* no clock: full points */
	CHECK_NUM(one(&r, 1000, &right, 300), 1000);
}

static void grade_is_own_points_with_partial_credit(void)
{
	struct drill_rules r = { .time_limit = 20 };
	struct drill_tally t = { 0 };
	struct verdict quarter = partly(0.25);
	drill_score_answer(&r, &t, 100, &right, 20, NULL);    /* 50 */
	drill_score_answer(&r, &t, 100, &right, 0, NULL);     /* 100 + 100 */
	drill_score_answer(&r, &t, 200, &quarter, 0, NULL);   /* 50 */
	drill_score_answer(&r, &t, 100, NULL, 20, NULL);      /* 0 */
	CHECK_NUM(t.score, 300);
	CHECK_NUM(t.grade_points, 250);
	CHECK_NUM(t.max, 500);
	CHECK_NUM(drill_grade(&t), 50);
	CHECK(t.right == 2 && t.partly == 1 && t.wrong == 0 && t.timed_out == 1);
	CHECK_NUM(t.seconds, 40);
	struct drill_tally empty = { 0 };
	CHECK_NUM(drill_grade(&empty), 0);
	/* Points that are not a number, or negative, are worth nothing. */
	CHECK_NUM(drill_score_answer(&r, &t, -5, &wrong, 0, NULL), 0);
	CHECK_NUM(t.max, 500);
}

static void leaderboard_order_and_shared_ranks(void)
{
	struct drill_entry e[6] = {
		{ .name = "dana", .score = 900, .grade = 80 },
		{ .name = "ari", .score = 1200, .grade = 70 },
		{ .name = "cleo", .score = 900, .grade = 80 },
		{ .name = "bo", .score = 900, .grade = 90 },
		{ .name = "eve", .score = 100, .grade = 10 },
		{ .name = NULL, .score = 100, .grade = 10 },
	};
	drill_rank(e, 6, NULL, 0);
	static const char *const order[6] = { "ari", "bo", "cleo", "dana", "", "eve" };
	static const unsigned ranks[6] = { 1, 2, 3, 3, 5, 5 };
	for (int i = 0; i < 6; i++) {
		CHECK_STR(e[i].name ? e[i].name : "", order[i]);
		CHECK(e[i].rank == ranks[i]);
		CHECK(e[i].prev_rank == 0 && e[i].change == 0);
	}
	drill_rank(e, 0, NULL, 0);  /* nothing to do */
}

static void leaderboard_change_since_before(void)
{
	struct drill_entry before[3] = {
		{ .name = "ari", .score = 300 }, { .name = "bo", .score = 200 },
		{ .name = "cleo", .score = 100 },
	};
	drill_rank(before, 3, NULL, 0);
	struct drill_entry now[4] = {
		{ .name = "ari", .score = 300 }, { .name = "bo", .score = 200 },
		{ .name = "cleo", .score = 1100 }, { .name = "dana", .score = 250 },
	};
	drill_rank(now, 4, before, 3);
	CHECK_STR(now[0].name, "cleo");
	CHECK(now[0].rank == 1 && now[0].prev_rank == 3 && now[0].change == 2);
	CHECK_STR(now[1].name, "ari");
	CHECK(now[1].rank == 2 && now[1].prev_rank == 1 && now[1].change == -1);
	CHECK_STR(now[2].name, "dana");
	CHECK(now[2].rank == 3 && now[2].prev_rank == 0 && now[2].change == 0);
	CHECK_STR(now[3].name, "bo");
	CHECK(now[3].rank == 4 && now[3].prev_rank == 2 && now[3].change == -2);
}

int main(void)
{
	RUN(speed_scales_from_all_to_half);
	RUN(partial_credit_scales_the_speed_points);
	RUN(wrong_skipped_and_timed_out_earn_nothing);
	RUN(streak_adds_100_each_up_to_500);
	RUN(partial_wrong_or_timeout_ends_the_streak);
	RUN(no_speed_and_no_streak);
	RUN(grade_is_own_points_with_partial_credit);
	RUN(leaderboard_order_and_shared_ranks);
	RUN(leaderboard_change_since_before);
	return check_done();
}
