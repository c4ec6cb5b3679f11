/* Unit tests of verdict.c: the words both front ends use about a verdict,
 * which must be those of the full-screen front end. */
#include <string.h>

#include "check.h"
#include "session.h"
#include "verdict.h"

static struct verdict judged(enum outcome o, double fraction)
{
	struct verdict v;
	memset(&v, 0, sizeof v);
	v.outcome = o;
	v.fraction = fraction;
	return v;
}

static void test_headlines(void)
{
	char b[64];
	struct verdict v = judged(OUT_CORRECT, 1);
	CHECK_STR(verdict_headline(&v, b, sizeof b), "Right!");
	v = judged(OUT_PARTIAL, 0.75);
	CHECK_STR(verdict_headline(&v, b, sizeof b), "Partly right (75%).");
	v = judged(OUT_PARTIAL, 1.0 / 3.0);
	CHECK_STR(verdict_headline(&v, b, sizeof b), "Partly right (33%).");
	v = judged(OUT_WRONG, 0);
	CHECK_STR(verdict_headline(&v, b, sizeof b), "Wrong.");
	v = judged(OUT_SKIPPED, 0);
	CHECK_STR(verdict_headline(&v, b, sizeof b), "Skipped.");
	v = judged(OUT_PARTIAL, 0.5);
	CHECK_STR(verdict_headline(&v, b, 8), "Partly ");  /* cut, terminated */
}

static void test_drill_line(void)
{
	char b[128];
	struct verdict v = judged(OUT_CORRECT, 1);
	CHECK_STR(verdict_drill_line(&v, 295, 200, b, sizeof b), "Right! +295 points (streak bonus +200)");
	CHECK_STR(verdict_drill_line(&v, 875, 0, b, sizeof b), "Right! +875 points");
	v = judged(OUT_PARTIAL, 0.5);
	CHECK_STR(verdict_drill_line(&v, 37.5, 0, b, sizeof b), "Partly right (50%). +37.5 points");
	v = judged(OUT_WRONG, 0);
	CHECK_STR(verdict_drill_line(&v, 0, 0, b, sizeof b), "Wrong. +0 points");
	v = judged(OUT_SKIPPED, 0);
	CHECK_STR(verdict_drill_line(&v, 0, 0, b, sizeof b), "Skipped. +0 points");
	CHECK_STR(verdict_drill_line(NULL, 0, 0, b, sizeof b), "Time is up: counts as wrong. +0 points");
	CHECK_STR(verdict_drill_line(NULL, 0, 0, b, 12), "Time is up:");  /* cut, terminated */
}

static void test_ratings(void)
{
	char b[64];
	CHECK_STR(verdict_rating_name(RATE_AGAIN), "again");
	CHECK_STR(verdict_rating_name(RATE_HARD), "hard");
	CHECK_STR(verdict_rating_name(RATE_GOOD), "good");
	CHECK_STR(verdict_rating_name(RATE_EASY), "easy");
	CHECK_STR(verdict_rating_name(RATE_NONE), "");
	CHECK_STR(verdict_rating_name((enum rating)99), "");
	CHECK_STR(verdict_rated_headline("good", OUT_CORRECT, b, sizeof b), "Rated good: counts as right.");
	CHECK_STR(verdict_rated_headline("hard", OUT_PARTIAL, b, sizeof b), "Rated hard: counts as half right.");
	CHECK_STR(verdict_rated_headline("again", OUT_WRONG, b, sizeof b), "Rated again: counts as wrong.");
	CHECK_STR(verdict_rated_headline(NULL, OUT_WRONG, b, sizeof b), "Rated : counts as wrong.");
	CHECK_STR(verdict_rating_prompt(), "How well did you know it? 1 again, 2 hard, 3 good, 4 easy.");
}

static void test_percent(void)
{
	char b[16];
	CHECK_STR(verdict_format_percent(75, b, sizeof b), "75%");
	CHECK_STR(verdict_format_percent(0, b, sizeof b), "0%");
	CHECK_STR(verdict_format_percent(100, b, sizeof b), "100%");
	CHECK_STR(verdict_format_percent(66.7, b, sizeof b), "67%");
}

static void test_grade_and_score_lines(void)
{
	char b[96];
	CHECK_STR(verdict_format_grade(12.5, b, sizeof b), "12.5%");
	CHECK_STR(verdict_format_grade(50, b, sizeof b), "50%");
	CHECK_STR(verdict_format_grade(100.0 * 2 / 3, b, sizeof b), "66.7%");
	CHECK_STR(verdict_format_grade(99.97, b, sizeof b), "99.9%");
	CHECK_STR(verdict_format_grade(100, b, sizeof b), "100%");
	CHECK_STR(verdict_format_grade(0.01, b, sizeof b), "0.1%");
	CHECK_STR(verdict_format_grade(0, b, sizeof b), "0%");
	struct summary sum;
	memset(&sum, 0, sizeof sum);
	sum.grade_points = 100;
	sum.grade_max = 800;
	sum.grade = 12.5;
	sum.score = 110.5;
	CHECK_STR(verdict_summary_grade(&sum, b, sizeof b), "Grade: 12.5% (100 of 800 points)");
	CHECK_STR(verdict_summary_score(&sum, b, sizeof b), "Score: 110.5 (with streak bonuses)");
}

static void test_retry_offer(void)
{
	char b[96];
	CHECK_STR(verdict_retry_offer(2, 0, b, sizeof b), "Retry the 2 missed questions?");
	CHECK_STR(verdict_retry_offer(1, 0, b, sizeof b), "Retry the 1 missed question?");
	CHECK_STR(verdict_retry_offer(1, 7, b, sizeof b), "Retry the 1 missed and 7 not reached?");
	CHECK_STR(verdict_retry_offer(0, 7, b, sizeof b), "Retry the 7 questions not reached?");
	CHECK_STR(verdict_retry_offer(0, 0, b, sizeof b), "");
}

static void test_hint_offer(void)
{
	char b[160];
	CHECK_STR(verdict_hint_offer(100, b, sizeof b),
	          "Take the hint? This question is then worth 50 points instead of 100 "
	          "(and half any streak bonus).");
	CHECK_STR(verdict_hint_offer_short(100, b, sizeof b), "Take the hint? 50 points, not 100.");
	CHECK_STR(verdict_hint_offer_short(135, b, sizeof b), "Take the hint? 67.5 points, not 135.");
}

static void test_notes(void)
{
	char b[200];
	struct verdict v = judged(OUT_CORRECT, 1);
	CHECK_STR(verdict_note_sentence(&v, b, sizeof b), "");
	verdict_note_typo(&v, "Pahalgan  ", 8);
	CHECK(v.typo);
	CHECK_STR(v.note, "accepted with a typo: Pahalgan");
	CHECK_STR(verdict_note_sentence(&v, b, sizeof b), "Accepted with a typo: Pahalgan.");
	verdict_set_note(&v, "%d of %d pairs matched", 3, 4);
	CHECK_STR(verdict_note_sentence(&v, b, sizeof b), "3 of 4 pairs matched.");
	/* a note too long is cut on a character boundary */
	char longer[400];
	memset(longer, 0, sizeof longer);
	for (size_t i = 0; i + 2 < 300; i += 2)
		memcpy(longer + i, "\xC3\xA9", 2);  /* é */
	verdict_set_note(&v, "x%s", longer);
	size_t n = strlen(v.note);
	CHECK(n < sizeof v.note);
	CHECK(n % 2 == 1);  /* "x" and whole é's only */
}

static void test_study_grades(void)
{
	char b[160];
	CHECK_STR(verdict_grade_word(SCHED_AGAIN), "Again");
	CHECK_STR(verdict_grade_word(SCHED_EASY), "Easy");
	CHECK_STR(verdict_grade_word((enum sched_grade)0), "?");
	CHECK_STR(verdict_grade_word((enum sched_grade)5), "?");
	CHECK_STR(verdict_graded(SCHED_GOOD, true, 600, " \xc2\xb7 ", b, sizeof b),
	          "Graded Good \xc2\xb7 next review in 10 minutes");
	CHECK_STR(verdict_graded(SCHED_HARD, true, 3 * 86400, " - ", b, sizeof b),
	          "Graded Hard - next review in 3 days");
	CHECK_STR(verdict_graded(SCHED_EASY, false, 3 * 86400, " - ", b, sizeof b),
	          "Cram: Easy (nothing recorded)");
	CHECK_STR(verdict_graded(SCHED_GOOD, true, 600, " - ", b, 12), "Graded Good");
}

int main(void)
{
	RUN(test_headlines);
	RUN(test_drill_line);
	RUN(test_ratings);
	RUN(test_percent);
	RUN(test_grade_and_score_lines);
	RUN(test_retry_offer);
	RUN(test_hint_offer);
	RUN(test_notes);
	RUN(test_study_grades);
	return check_done();
}
