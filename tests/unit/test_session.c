/* Unit tests of the session engine: selection, order, shuffles, flow,
 * summary, retry and the JSON report. */
#include <cJSON.h>
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "session.h"

static const char deck_text[] =
	"{\"format\":\"recall-deck/1\",\"id\":\"s\",\"title\":\"S\",\"questions\":[\n"
	"{\"id\":\"q1\",\"type\":\"choice\",\"prompt\":\"P1\",\"choices\":[\"a\",\"b\",\"c\",\"d\"],\"answer\":\"c\",\"tags\":[\"x\"]},\n"
	"{\"id\":\"q2\",\"type\":\"truefalse\",\"prompt\":\"P2\",\"answer\":true,\"tags\":[\"x\",\"y\"],\"hint\":\"H\"},\n"
	"{\"id\":\"q3\",\"type\":\"order\",\"prompt\":\"P3\",\"items\":[\"1\",\"2\",\"3\",\"4\"],\"tags\":[\"y\"]},\n"
	"{\"id\":\"q4\",\"type\":\"match\",\"prompt\":\"P4\",\"pairs\":[[\"a\",\"A\"],[\"b\",\"B\"]]},\n"
	"{\"id\":\"q5\",\"type\":\"number\",\"prompt\":\"P5\",\"answer\":26,\"points\":200},\n"
	"{\"id\":\"q6\",\"type\":\"choice\",\"prompt\":\"P6\",\"choices\":[\"a\",\"b\",\"c\"],\"answer\":\"a\",\"shuffle\":false}\n"
	"]}";

static struct deck *the_deck(void)
{
	struct diags d = {0};
	struct deck *deck = deck_load_buffer("s.json", deck_text, sizeof deck_text - 1, &d);
	if (!deck)
		diag_print(&d, stdout);
	diag_free(&d);
	return deck;
}

static double fake_now;
static double fake_clock(void)
{
	return fake_now;
}

static struct session *start(struct deck *deck, struct session_opts o)
{
	o.clock = fake_clock;
	return session_new(&deck, 1, &o);
}

static const char *id_at(const struct session *s, size_t i)
{
	return session_item(s, i)->q->id;
}

static void in_order_keeps_the_deck_order(void)
{
	struct deck *deck = the_deck();
	struct session *s = start(deck, (struct session_opts){ .in_order = true });
	CHECK(session_count(s) == 6);
	for (size_t i = 0; i < 6; i++)
		CHECK(session_item(s, i)->q == &deck->questions[i]);
	/* options in deck order, except items to order and match partners */
	const struct item *q1 = session_item(s, 0);
	CHECK(q1->nshown == 4 && q1->shown[0] == 0 && q1->shown[3] == 3);
	session_free(s);
	deck_free(deck);
}

static void seed_makes_order_reproducible(void)
{
	struct deck *deck = the_deck();
	struct session *a = start(deck, (struct session_opts){ .seed = 7 });
	struct session *b = start(deck, (struct session_opts){ .seed = 7 });
	bool same = true, differs = false;
	for (size_t i = 0; i < 6; i++) {
		same = same && strcmp(id_at(a, i), id_at(b, i)) == 0;
		const struct item *x = session_item(a, i), *y = session_item(b, i);
		for (size_t k = 0; k < x->nshown; k++)
			same = same && x->shown[k] == y->shown[k];
	}
	CHECK(same);
	/* some other seed gives another order */
	for (uint64_t seed = 8; seed < 40 && !differs; seed++) {
		struct session *c = start(deck, (struct session_opts){ .seed = seed });
		for (size_t i = 0; i < 6; i++)
			differs = differs || strcmp(id_at(a, i), id_at(c, i)) != 0;
		session_free(c);
	}
	CHECK(differs);
	session_free(a);
	session_free(b);
	deck_free(deck);
}

static void shown_orders_are_permutations(void)
{
	struct deck *deck = the_deck();
	for (uint64_t seed = 1; seed <= 50; seed++) {
		struct session *s = start(deck, (struct session_opts){ .seed = seed });
		for (size_t i = 0; i < session_count(s); i++) {
			const struct item *it = session_item(s, i);
			unsigned seen = 0;
			bool identity = true;
			for (size_t k = 0; k < it->nshown; k++) {
				seen |= 1u << it->shown[k];
				identity = identity && it->shown[k] == k;
			}
			CHECK(it->nshown == it->q->nchoices);
			CHECK(seen == (1u << it->nshown) - 1);
			if (it->q->type == Q_ORDER || it->q->type == Q_MATCH)
				CHECK(!identity);  /* never shown already solved */
			if (!it->q->shuffle && it->q->type == Q_CHOICE)
				CHECK(identity);
		}
		session_free(s);
	}
	deck_free(deck);
}

static void filters_and_limit(void)
{
	struct deck *deck = the_deck();
	const char *tags[] = { "y" };
	struct session *s = start(deck, (struct session_opts){ .tags = tags, .ntags = 1, .in_order = true });
	CHECK(session_count(s) == 2);
	CHECK_STR(id_at(s, 0), "q2");
	CHECK_STR(id_at(s, 1), "q3");
	session_free(s);
	s = start(deck, (struct session_opts){ .types = 1u << Q_CHOICE, .in_order = true });
	CHECK(session_count(s) == 2);
	CHECK_STR(id_at(s, 1), "q6");
	session_free(s);
	s = start(deck, (struct session_opts){ .limit = 3, .seed = 3 });
	CHECK(session_count(s) == 3);
	session_free(s);
	const char *none[] = { "nope" };
	s = start(deck, (struct session_opts){ .tags = none, .ntags = 1 });
	CHECK(session_count(s) == 0 && session_done(s) && session_current(s) == NULL);
	session_free(s);
	deck_free(deck);
}

static void a_whole_quiz(void)
{
	struct deck *deck = the_deck();
	struct session *s = start(deck, (struct session_opts){ .in_order = true });
	fake_now = 100;
	const struct item *it = session_current(s);
	CHECK(it && it->q == &deck->questions[0]);
	struct response r = { .choice = 2 };
	fake_now = 104;
	it = session_answer(s, &r);
	CHECK(it->verdict.outcome == OUT_CORRECT);
	CHECK_NUM(it->earned, 100);
	CHECK_NUM(it->seconds, 4);
	CHECK_STR(it->given, "c");
	CHECK(session_current(s) == NULL);  /* awaiting session_next */
	CHECK(session_answer(s, &r) == NULL);
	session_next(s);

	CHECK_STR(session_hint(s), "H");
	r = (struct response){ .truth = true };
	it = session_answer(s, &r);
	CHECK(it->hinted);
	CHECK_NUM(it->earned, 55);   /* half of 100, with the second-in-a-row bonus */
	session_next(s);

	CHECK(session_hint(s) == NULL);  /* q3 has no hint */
	it = session_skip(s);
	CHECK(it->state == ITEM_SKIPPED && it->verdict.outcome == OUT_SKIPPED);
	CHECK(session_score(s)->streak == 0);
	session_next(s);

	size_t m[2] = { 1, 0 };
	r = (struct response){ .match = m };
	it = session_answer(s, &r);
	CHECK(it->verdict.outcome == OUT_WRONG);
	session_next(s);
	fake_now = 130;
	session_finish(s);  /* q5 and q6 not reached */
	CHECK(session_done(s));
	CHECK(session_item(s, 4)->state == ITEM_UNREACHED);

	struct summary sum;
	CHECK(session_summarize(s, &sum) == 0);
	CHECK(sum.asked == 4 && sum.correct == 2 && sum.wrong == 1 && sum.skipped == 1);
	CHECK(sum.unreached == 2);
	CHECK_NUM(sum.score, 155);
	/* the most a score could be: all six held, right in a row */
	CHECK_NUM(sum.max, 100 + 110 + 120 + 130 + 200 * 1.4 + 100 * 1.5);
	/* the grade: no streak bonus, the hint halves q2, over all six held */
	CHECK_NUM(sum.grade_points, 150);
	CHECK_NUM(sum.grade_max, 700);
	CHECK_NUM(sum.grade, 100.0 * 150 / 700);
	CHECK_NUM(sum.percent, sum.grade);
	CHECK(sum.questions == 6);
	CHECK(sum.nretry == 4);
	CHECK_NUM(sum.seconds, 30);
	CHECK(sum.best_streak == 2);
	CHECK(sum.nmissed == 2);
	CHECK(sum.ntags == 3);
	if (sum.ntags == 3) {
		CHECK_STR(sum.tags[0].tag, "(untagged)");
		CHECK_STR(sum.tags[1].tag, "x");
		CHECK(sum.tags[1].asked == 2 && sum.tags[1].correct == 2);
		CHECK_NUM(sum.tags[1].earned, 150);  /* the hint halved q2; no bonuses per tag */
		CHECK_NUM(sum.tags[1].grade, 75);
		CHECK(sum.tags[2].asked == 2 && sum.tags[2].skipped == 1);
		/* untagged: q4 asked, q5 and q6 not reached but held */
		CHECK(sum.tags[0].held == 3 && sum.tags[0].asked == 1 && sum.tags[0].unreached == 2);
		CHECK_NUM(sum.tags[0].max, 400);
	}
	session_summary_free(&sum);

	/* the retry asks the missed and the not reached, in their order */
	struct session *again = session_retry(s);
	CHECK(session_count(again) == 4);
	CHECK_STR(id_at(again, 0), "q3");
	CHECK_STR(id_at(again, 1), "q4");
	CHECK_STR(id_at(again, 2), "q5");
	CHECK_STR(id_at(again, 3), "q6");
	session_free(again);
	session_free(s);
	deck_free(deck);
}

/* Six true-or-false questions, all true, answered as pattern says ('R'
 * right, 'W' wrong); returns the summary's grade and score. */
static void answer_pattern(const char *pattern, double *grade, double *score)
{
	static const char six[] =
		"{\"format\":\"recall-deck/1\",\"id\":\"t\",\"title\":\"T\",\"questions\":["
		"{\"id\":\"1\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},"
		"{\"id\":\"2\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},"
		"{\"id\":\"3\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},"
		"{\"id\":\"4\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},"
		"{\"id\":\"5\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true},"
		"{\"id\":\"6\",\"type\":\"truefalse\",\"prompt\":\"P\",\"answer\":true}]}";
	struct diags d = {0};
	struct deck *deck = deck_load_buffer("t.json", six, sizeof six - 1, &d);
	diag_free(&d);
	struct session *s = start(deck, (struct session_opts){ .in_order = true,
	                                                      .limit = strlen(pattern) });
	for (const char *p = pattern; *p; p++) {
		struct response r = { .truth = *p == 'R' };
		session_answer(s, &r);
		session_next(s);
	}
	struct summary sum;
	CHECK(session_summarize(s, &sum) == 0);
	*grade = sum.grade;
	*score = sum.score;
	session_summary_free(&sum);
	session_free(s);
	deck_free(deck);
}

static void grade_ignores_the_order_of_answers(void)
{
	double g1, g2, s1, s2;
	answer_pattern("RW", &g1, &s1);
	answer_pattern("WR", &g2, &s2);
	CHECK_NUM(g1, 50);
	CHECK_NUM(g2, 50);
	answer_pattern("RRRWWW", &g1, &s1);
	answer_pattern("RWRWRW", &g2, &s2);
	CHECK_NUM(g1, 50);
	CHECK_NUM(g2, 50);
	/* the score still rewards the streak */
	CHECK_NUM(s1, 100 + 110 + 120);
	CHECK_NUM(s2, 300);
}

/* A session over deck in order whose first question is answered right
 * before the quiz ends: the other five are not reached. */
static struct session *one_right_then_quit(struct deck *deck)
{
	struct session *s = start(deck, (struct session_opts){ .in_order = true });
	struct response r = { .choice = 2 };
	session_answer(s, &r);
	session_next(s);
	session_finish(s);
	return s;
}

static void quitting_early_grades_every_question_held(void)
{
	struct deck *deck = the_deck();
	struct session *s = one_right_then_quit(deck);
	struct summary sum;
	CHECK(session_summarize(s, &sum) == 0);
	CHECK_NUM(sum.grade_points, 100);
	CHECK_NUM(sum.grade_max, 700);
	CHECK(sum.grade < 15);
	CHECK(sum.nmissed == 0 && sum.unreached == 5 && sum.nretry == 5);
	for (size_t i = 0; i < sum.ntags; i++)
		CHECK(sum.tags[i].grade <= 100);
	session_summary_free(&sum);
	struct session *again = session_retry(s);
	CHECK(session_count(again) == 5);
	CHECK_STR(id_at(again, 0), "q2");
	session_free(again);
	session_free(s);
	deck_free(deck);
}

static void finish_after_a_verdict_keeps_it(void)
{
	struct deck *deck = the_deck();
	struct session *s = start(deck, (struct session_opts){ .in_order = true });
	struct response r = { .choice = 0 };
	session_answer(s, &r);
	session_finish(s);
	CHECK(session_item(s, 0)->state == ITEM_ANSWERED);
	CHECK(session_item(s, 1)->state == ITEM_UNREACHED);
	session_free(s);
	deck_free(deck);
}

static void summary_json_is_written_whole(void)
{
	struct deck *deck = the_deck();
	struct session *s = one_right_then_quit(deck);
	char path[64], err[256];
	snprintf(path, sizeof path, "/tmp/recall-sum-%d.json", (int)getpid());
	CHECK(session_write_json(s, path, err, sizeof err) == 0);
	FILE *f = fopen(path, "r");
	CHECK(f != NULL);
	if (f) {
		char buf[8192];
		size_t n = fread(buf, 1, sizeof buf - 1, f);
		buf[n] = '\0';
		fclose(f);
		cJSON *j = cJSON_Parse(buf);
		CHECK(j != NULL);
		CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(j, "format")), "recall-summary/1");
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "correct")), 1);
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "unreached")), 5);
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "grade_points")), 100);
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "grade_max")), 700);
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "grade")), 14.29);
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "percent")), 14.29);
		CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItemCaseSensitive(j, "score")), 100);
		cJSON *items = cJSON_GetObjectItemCaseSensitive(j, "items");
		CHECK(cJSON_GetArraySize(items) == 6);
		cJSON *first = cJSON_GetArrayItem(items, 0);
		CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(first, "outcome")), "correct");
		CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(first, "answer")), "c");
		cJSON_Delete(j);
	}
	remove(path);
	CHECK(session_write_json(s, "/nonexistent-dir/x.json", err, sizeof err) == -1);
	CHECK(strstr(err, "nonexistent-dir") != NULL);
	session_free(s);
	deck_free(deck);
}

int main(void)
{
	RUN(in_order_keeps_the_deck_order);
	RUN(seed_makes_order_reproducible);
	RUN(shown_orders_are_permutations);
	RUN(filters_and_limit);
	RUN(a_whole_quiz);
	RUN(grade_ignores_the_order_of_answers);
	RUN(quitting_early_grades_every_question_held);
	RUN(finish_after_a_verdict_keeps_it);
	RUN(summary_json_is_written_whole);
	return check_done();
}
