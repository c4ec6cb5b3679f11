/* Unit tests of the drill engine: the draw by seed, hot-seat turns and the
 * reveal, the clock (a fake one), scoring by the rules, the leaderboard,
 * and class mode on a real SQLite results file in a temporary folder. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "sqlraw.h"
#include "drill.h"

static const char deck_a_text[] =
	"{\"format\":\"recall-deck/1\",\"id\":\"alpha\",\"title\":\"A\",\"questions\":[\n"
	"{\"id\":\"c1\",\"type\":\"choice\",\"prompt\":\"C1\",\"choices\":[\"a\",\"b\",\"c\",\"d\"],\"answer\":\"c\"},\n"
	"{\"id\":\"t1\",\"type\":\"truefalse\",\"prompt\":\"T1\",\"answer\":true},\n"
	"{\"id\":\"n1\",\"type\":\"number\",\"prompt\":\"N1\",\"answer\":26,\"points\":200},\n"
	"{\"id\":\"m1\",\"type\":\"multi\",\"prompt\":\"M1\",\"choices\":[\"w\",\"x\",\"y\",\"z\"],\"answer\":[\"w\",\"y\"]},\n"
	"{\"id\":\"k1\",\"type\":\"card\",\"front\":\"K1\",\"back\":\"B\"}\n"
	"]}";

static const char deck_b_text[] =
	"{\"format\":\"recall-deck/1\",\"id\":\"beta\",\"title\":\"B\",\"questions\":[\n"
	"{\"id\":\"c2\",\"type\":\"choice\",\"prompt\":\"C2\",\"choices\":[\"e\",\"f\",\"g\"],\"answer\":\"e\"},\n"
	"{\"id\":\"x2\",\"type\":\"text\",\"prompt\":\"X2\",\"answer\":\"Paris\"},\n"
	"{\"id\":\"o2\",\"type\":\"order\",\"prompt\":\"O2\",\"items\":[\"1\",\"2\",\"3\"]},\n"
	"{\"id\":\"k2\",\"type\":\"card\",\"front\":\"K2\",\"back\":\"B\"}\n"
	"]}";

static const char cards_text[] =
	"{\"format\":\"recall-deck/1\",\"id\":\"cards\",\"title\":\"K\",\"questions\":[\n"
	"{\"id\":\"k\",\"type\":\"card\",\"front\":\"K\",\"back\":\"B\"}]}";

static struct deck *load(const char *name, const char *text)
{
	struct diags dg = {0};
	struct deck *d = deck_load_buffer(name, text, strlen(text), &dg);
	if (!d)
		diag_print(&dg, stdout);
	diag_free(&dg);
	return d;
}

static struct deck *deck_a, *deck_b;

static double fake_now;
static double fake_clock(void)
{
	return fake_now;
}

static int64_t fake_time(void)
{
	return 1700000000;
}

static char err[512];

static struct drill *make_quietly(struct drill_opts o)
{
	struct deck *decks[2] = { deck_a, deck_b };
	o.clock = fake_clock;
	o.now = fake_time;
	return drill_new(decks, 2, &o, err, sizeof err);
}

static struct drill *make(struct drill_opts o)
{
	struct drill *d = make_quietly(o);
	if (!d)
		printf("  drill_new: %s\n", err);
	return d;
}

/* True when options o are refused (the message in err). */
static bool refused(struct drill_opts o)
{
	struct drill *d = make_quietly(o);
	drill_free(d);
	return d == NULL;
}

/* The right answer to it, or (right false) a wrong one. */
static struct response response_for(const struct item *it, bool right, size_t *scratch)
{
	const struct question *q = it->q;
	struct response r;
	memset(&r, 0, sizeof r);
	switch (q->type) {
	case Q_CHOICE: r.choice = right ? q->correct : (q->correct + 1) % q->nchoices; break;
	case Q_MULTI: r.selected = right ? q->correct : ~q->correct & 0xful; break;
	case Q_TRUEFALSE: r.truth = right ? q->truth : !q->truth; break;
	case Q_NUMBER: r.text = right ? "26" : "99"; break;
	case Q_TEXT: r.text = right ? q->accept[0] : "Nowhere at all"; break;
	case Q_ORDER: case Q_MATCH:
		for (size_t i = 0; i < q->nchoices; i++)
			scratch[i] = right ? i : q->nchoices - 1 - i;
		if (q->type == Q_ORDER)
			r.order = scratch;
		else
			r.match = scratch;
		break;
	default: break;
	}
	return r;
}

static int answer(struct drill *d, bool right)
{
	size_t scratch[DECK_MAX_CHOICES];
	struct response r = response_for(drill_current(d), right, scratch);
	return drill_answer(d, &r);
}

/* ---- the draw ------------------------------------------------------------ */

static void same_seed_same_questions_and_options(void)
{
	struct drill *d1 = make((struct drill_opts){ .count = 5, .seed = 42 });
	/* the decks named the other way round: the same drill */
	struct deck *rev[2] = { deck_b, deck_a };
	struct drill_opts o = { .count = 5, .seed = 42, .clock = fake_clock };
	struct drill *d2 = drill_new(rev, 2, &o, err, sizeof err);
	struct drill *d3 = make((struct drill_opts){ .count = 5, .seed = 43 });
	CHECK(d1 && d2 && d3);
	if (!d1 || !d2 || !d3)
		goto out;
	CHECK(drill_count(d1) == 5 && drill_count(d2) == 5);
	bool differ = false;
	for (size_t i = 0; i < 5; i++) {
		const struct item *a = drill_current(d1), *b = drill_current(d2), *c = drill_current(d3);
		CHECK(a->q == b->q);
		CHECK(a->nshown == b->nshown);
		for (size_t k = 0; k < a->nshown && k < b->nshown; k++)
			CHECK(a->shown[k] == b->shown[k]);
		differ |= a->q != c->q;
		CHECK(a->q->type != Q_CARD);
		drill_skip(d1), drill_skip(d2), drill_skip(d3);
		drill_next(d1), drill_next(d2), drill_next(d3);
	}
	CHECK(differ);  /* another seed, another draw */
	CHECK(drill_phase(d1) == DRILL_OVER && drill_current(d1) == NULL);
out:
	drill_free(d1);
	drill_free(d2);
	drill_free(d3);
}

static void cards_are_left_out_and_count_zero_is_all(void)
{
	struct drill *d = make((struct drill_opts){ .seed = 1 });
	CHECK(d && drill_count(d) == 7);  /* 9 questions, 2 of them cards */
	drill_free(d);
	d = make((struct drill_opts){ .count = 100, .seed = 1 });
	CHECK(d && drill_count(d) == 7);
	drill_free(d);
	struct deck *k = load("cards.json", cards_text);
	struct drill_opts o = { .seed = 1 };
	CHECK(drill_new(&k, 1, &o, err, sizeof err) == NULL);
	CHECK(strstr(err, "no question a drill can ask") != NULL);
	deck_free(k);
}

static void bad_options_are_refused(void)
{
	struct deck *twice[2] = { deck_a, deck_a };
	struct drill_opts o = { .seed = 1 };
	CHECK(drill_new(twice, 2, &o, err, sizeof err) == NULL);
	CHECK(strstr(err, "two decks have the id 'alpha'") != NULL);

	const char *dup[2] = { "Ana", "Ana" };
	CHECK(refused((struct drill_opts){ .players = dup, .nplayers = 2 }));
	CHECK(strstr(err, "given twice") != NULL);
	const char *empty[1] = { "" };
	CHECK(refused((struct drill_opts){ .players = empty, .nplayers = 1 }));
	CHECK(strstr(err, "empty") != NULL);

	CHECK(drill_check_name("Ana", err, sizeof err) == 0);
	CHECK(drill_check_name("Zoë Ñúñez", err, sizeof err) == 0);
	CHECK(drill_check_name("a\x1b[31m", err, sizeof err) == -1);
	CHECK(strstr(err, "control") && strstr(err, "\\e[31m"));  /* escaped */
	CHECK(drill_check_name(" Ana", err, sizeof err) == -1);
	CHECK(drill_check_name("\xff", err, sizeof err) == -1);
	CHECK(drill_check_name("Ana\xe2\x80\xae", err, sizeof err) == -1);  /* bidi override */
	CHECK(drill_check_name("0123456789012345678901234567890123456789", err, sizeof err) == 0);
	CHECK(drill_check_name("01234567890123456789012345678901234567890", err, sizeof err) == -1);
	CHECK(strstr(err, "longer than 40") != NULL);
}

/* ---- turns, the clock, scoring --------------------------------------------- */

static void hot_seat_turns_and_reveal(void)
{
	const char *names[3] = { "Ana", "Ben", "Chen" };
	struct drill *d = make((struct drill_opts){ .count = 3, .seed = 7, .players = names,
	                                            .nplayers = 3,
	                                            .rules = { .time_limit = 20 } });
	CHECK(d != NULL);
	if (!d)
		return;
	CHECK(drill_nplayers(d) == 3);
	CHECK_STR(drill_player(d, 2), "Chen");
	CHECK(drill_phase(d) == DRILL_TURN && drill_turn(d) == 0);
	const struct item *first = drill_current(d);
	CHECK_STR(first->q->id, "x2");  /* 100 points */
	fake_now = 100;
	drill_turn_start(d);
	fake_now = 102;
	CHECK(answer(d, true) == 0);            /* Ana: right at 2 s of 20 */
	CHECK(drill_phase(d) == DRILL_TURN && drill_turn(d) == 1);
	CHECK(drill_current(d) == first);       /* the same question for Ben */
	CHECK(drill_outcome(d, 0)->answered && !drill_outcome(d, 1)->answered);
	drill_turn_start(d);
	CHECK(answer(d, false) == 0);           /* Ben: wrong */
	drill_turn_start(d);
	fake_now = 112;
	CHECK(drill_skip(d) == 0);              /* Chen: skips */
	CHECK(drill_phase(d) == DRILL_REVEAL);
	CHECK(drill_answer(d, &(struct response){0}) == -1);  /* no turn now */
	const struct drill_outcome *a = drill_outcome(d, 0), *b = drill_outcome(d, 1),
	                           *c = drill_outcome(d, 2);
	CHECK(a->verdict.outcome == OUT_CORRECT && a->seconds == 2 && !a->timed_out);
	CHECK_NUM(a->points, 95);
	CHECK(b->verdict.outcome == OUT_WRONG && b->points == 0);
	CHECK(c->verdict.outcome == OUT_SKIPPED && c->points == 0 && c->seconds == 10);
	CHECK_STR(c->given, "");
	CHECK(strlen(a->given) > 0);
	struct drill_entry e[3];
	CHECK(drill_leaderboard(d, e) == 3);
	CHECK_STR(e[0].name, "Ana");
	CHECK(e[0].rank == 1 && e[1].rank == 2 && e[2].rank == 2);
	CHECK(e[0].prev_rank == 0 && e[0].change == 0);  /* no earlier question */
	CHECK_STR(e[1].name, "Ben");  /* tied: by name */
	drill_next(d);
	CHECK(drill_phase(d) == DRILL_TURN && drill_turn(d) == 0 && drill_index(d) == 1);
	CHECK(!drill_outcome(d, 0)->answered);
	/* question 2: Chen alone right, at once: Chen goes first, Ana down */
	drill_turn_start(d);
	CHECK(answer(d, false) == 0);
	drill_turn_start(d);
	CHECK(answer(d, false) == 0);
	drill_turn_start(d);
	CHECK(answer(d, true) == 0);
	CHECK(drill_leaderboard(d, e) == 3);
	CHECK_NUM(drill_current(d)->q->points, 100);
	CHECK_STR(e[0].name, "Chen");
	CHECK(e[0].rank == 1 && e[0].prev_rank == 2 && e[0].change == 1);
	CHECK_STR(e[1].name, "Ana");
	CHECK(e[1].prev_rank == 1 && e[1].change == -1);
	CHECK(drill_tally(d, 2)->right == 1 && drill_tally(d, 2)->wrong == 1);
	drill_next(d);
	drill_finish(d);
	CHECK(drill_phase(d) == DRILL_OVER && drill_current(d) == NULL);
	drill_free(d);
}

static void time_up_counts_wrong(void)
{
	struct drill *d = make((struct drill_opts){ .count = 3, .seed = 3,
	                                            .rules = { .time_limit = 10 } });
	CHECK(d != NULL);
	if (!d)
		return;
	fake_now = 50;
	CHECK(drill_time_left(d) == 10);  /* not started: all of it */
	drill_turn_start(d);
	fake_now = 54;
	CHECK(drill_time_left(d) == 6);
	drill_turn_start(d);  /* again: no restart */
	CHECK(drill_time_left(d) == 6);
	fake_now = 61;
	CHECK(drill_time_left(d) == 0);
	CHECK(drill_time_up(d) == 0);
	const struct drill_outcome *o = drill_outcome(d, 0);
	CHECK(o->answered && o->timed_out && o->points == 0 && o->seconds == 10);
	CHECK(o->verdict.outcome == OUT_WRONG);
	CHECK(drill_tally(d, 0)->timed_out == 1 && drill_tally(d, 0)->right == 0);
	drill_next(d);
	/* a right answer that comes too late is a time-out too */
	drill_turn_start(d);
	fake_now = 75;
	CHECK(answer(d, true) == 0);
	o = drill_outcome(d, 0);
	CHECK(o->timed_out && o->points == 0 && o->seconds == 10);
	CHECK(drill_tally(d, 0)->timed_out == 2);
	drill_free(d);

	/* no clock: no time left to tell, never too late */
	d = make((struct drill_opts){ .count = 1, .seed = 3 });
	drill_turn_start(d);
	CHECK(drill_time_left(d) < 0);
	fake_now += 1000;
	CHECK(answer(d, true) == 0);
	CHECK(!drill_outcome(d, 0)->timed_out && drill_outcome(d, 0)->points > 0);
	drill_free(d);
}

/* Answers every question right, each after secs seconds; the points of
 * each answer into pts. */
static void all_right(struct drill *d, double secs, double *pts, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		drill_turn_start(d);
		fake_now += secs;
		answer(d, true);
		pts[i] = drill_outcome(d, 0)->points;
		drill_next(d);
	}
}

static void speed_and_streak_by_the_rules(void)
{
	/* seed 11's first three questions, whatever they are worth */
	struct drill *d = make((struct drill_opts){ .count = 7, .seed = 11,
	                                            .rules = { .time_limit = 20 } });
	double base[7], pts[7];
	for (size_t i = 0; i < 7; i++) {
		base[i] = drill_current(d)->q->points;
		drill_skip(d);
		drill_next(d);
	}
	drill_free(d);

	d = make((struct drill_opts){ .count = 7, .seed = 11, .rules = { .time_limit = 20 } });
	all_right(d, 10, pts, 7);  /* half the time: 3/4 of the points */
	for (size_t i = 0; i < 7; i++) {
		double bonus = i == 0 ? 0 : (i >= 5 ? 500 : 100.0 * (double)i);
		CHECK_NUM(pts[i], round(base[i] * 0.75) + bonus);
	}
	CHECK(drill_tally(d, 0)->best_streak == 7);
	CHECK_NUM(drill_grade(drill_tally(d, 0)), 100);
	drill_free(d);

	d = make((struct drill_opts){ .count = 7, .seed = 11,
	                              .rules = { .time_limit = 20, .no_speed = true } });
	all_right(d, 10, pts, 7);
	CHECK_NUM(pts[0], base[0]);
	CHECK_NUM(pts[1], base[1] + 100);
	drill_free(d);

	d = make((struct drill_opts){ .count = 7, .seed = 11,
	                              .rules = { .time_limit = 20, .no_streak = true } });
	all_right(d, 20, pts, 7);  /* at the last moment: half */
	CHECK_NUM(pts[0], round(base[0] / 2));
	CHECK_NUM(pts[3], round(base[3] / 2));
	CHECK(drill_outcome(d, 0)->bonus == 0);
	drill_free(d);

	/* a wrong answer ends the streak */
	d = make((struct drill_opts){ .count = 4, .seed = 11, .rules = { .no_speed = true } });
	answer(d, true), drill_next(d);
	answer(d, true), drill_next(d);
	CHECK(drill_tally(d, 0)->streak == 2);
	answer(d, false), drill_next(d);
	answer(d, true);
	CHECK(drill_tally(d, 0)->streak == 1 && drill_outcome(d, 0)->bonus == 0);
	CHECK(drill_tally(d, 0)->best_streak == 2);
	drill_free(d);
}

static void one_player_is_you(void)
{
	struct drill *d = make((struct drill_opts){ .count = 2, .seed = 5 });
	CHECK(drill_nplayers(d) == 1);
	CHECK_STR(drill_player(d, 0), "you");
	CHECK_STR(drill_id(d), "");
	CHECK_STR(drill_class(d), "");
	answer(d, true);
	CHECK(drill_phase(d) == DRILL_REVEAL);  /* the one turn done */
	struct drill_entry e[1];
	CHECK(drill_leaderboard(d, e) == 1 && e[0].rank == 1);
	const struct drill_entry *b;
	size_t n;
	CHECK(drill_class_board(d, &b, &n) == -1);
	drill_free(d);
}

/* ---- class mode ---------------------------------------------------------- */

static struct results *open_results(const char *path)
{
	struct results *r = NULL;
	if (results_open(path, 5000, &r, err, sizeof err) != 0)
		printf("  results_open: %s\n", err);
	return r;
}

static struct drill *student(struct results *r, const char *const *name)
{
	return make((struct drill_opts){ .count = 5, .seed = 9, .players = name, .nplayers = 1,
	                                 .results = r, .klass = "5B",
	                                 .rules = { .time_limit = 30 } });
}

static long long answers_of(const char *path, const char *who)
{
	char sql[200];
	snprintf(sql, sizeof sql, "SELECT count(*) FROM answers WHERE student = '%s'", who);
	return raw_int(path, sql);
}

static void class_answers_committed_and_resumed(void)
{
	const char *path = at("class.db");
	const char *ana[1] = { "Ana" };
	struct results *r = open_results(path);
	struct drill *d = student(r, ana);
	CHECK(d != NULL);
	if (!d) {
		results_close(r);
		return;
	}
	CHECK(strlen(drill_id(d)) == 16);
	CHECK_STR(drill_class(d), "5B");
	CHECK(drill_seed(d) == 9 && drill_rules(d)->time_limit == 30);
	CHECK(drill_resumed_at(d) == 0);
	CHECK(raw_int(path, "SELECT count(*) FROM questions") == 5);
	CHECK(raw_int(path, "SELECT count(*) FROM drills") == 1);
	bool rights[3] = { true, true, false };
	double score = 0;
	for (size_t i = 0; i < 3; i++) {
		drill_turn_start(d);
		fake_now += 3;
		CHECK(answer(d, rights[i]) == 0);
		CHECK(drill_outcome(d, 0)->recorded);
		score += drill_outcome(d, 0)->points;
		/* committed before drill_answer returned: another connection sees it */
		CHECK(answers_of(path, "Ana") == (long long)i + 1);
		drill_next(d);
	}
	struct drill_tally before = *drill_tally(d, 0);
	CHECK_NUM(before.score, score);
	CHECK(raw_int(path, "SELECT sum(points) FROM answers") == (long long)score);
	CHECK(raw_int(path, "SELECT seconds FROM answers WHERE qindex = 0") == 3);
	CHECK(raw_int(path, "SELECT time FROM answers WHERE qindex = 0") == 1700000000);
	CHECK(raw_int(path, "SELECT outcome FROM answers WHERE qindex = 2") == OUT_WRONG);
	char id[17];
	snprintf(id, sizeof id, "%s", drill_id(d));
	drill_free(d);  /* the student's program ends, mid-drill */
	results_close(r);

	r = open_results(path);
	d = student(r, ana);
	CHECK(d != NULL);
	if (!d) {
		results_close(r);
		return;
	}
	CHECK_STR(drill_id(d), id);
	CHECK(drill_resumed_at(d) == 3 && drill_index(d) == 3);
	const struct drill_tally *t = drill_tally(d, 0);
	CHECK_NUM(t->score, before.score);
	CHECK(t->right == 2 && t->wrong == 1 && t->streak == 0 && t->best_streak == 2);
	CHECK_NUM(drill_grade(t), drill_grade(&before));
	CHECK(raw_int(path, "SELECT count(*) FROM questions") == 5);  /* not again */
	CHECK(answer(d, true) == 0);
	drill_next(d);
	CHECK(drill_time_up(d) == 0);
	CHECK(raw_int(path, "SELECT outcome FROM answers WHERE qindex = 4") == RESULTS_TIMED_OUT);
	drill_next(d);
	CHECK(drill_phase(d) == DRILL_OVER);
	CHECK(answers_of(path, "Ana") == 5);
	CHECK(raw_int(path, "SELECT count(DISTINCT qindex) FROM answers") == 5);
	drill_free(d);

	/* all answered: a new start is over at once */
	d = student(r, ana);
	CHECK(d && drill_phase(d) == DRILL_OVER && drill_resumed_at(d) == 5);
	CHECK(answers_of(path, "Ana") == 5);
	drill_free(d);
	results_close(r);
}

static void class_never_records_twice(void)
{
	const char *path = at("twice.db");
	const char *ben[1] = { "Ben" };
	struct results *r1 = open_results(path), *r2 = open_results(path);
	struct drill *d1 = student(r1, ben), *d2 = student(r2, ben);
	CHECK(d1 && d2);
	if (!d1 || !d2)
		goto out;
	/* two programs of the same student: the first answer holds */
	CHECK(answer(d1, true) == 0);
	double first = drill_outcome(d1, 0)->points;
	CHECK(answer(d2, false) == 0);
	const struct drill_outcome *o = drill_outcome(d2, 0);
	CHECK(o->recorded && o->verdict.outcome == OUT_CORRECT);
	CHECK_NUM(o->points, first);
	CHECK_NUM(drill_tally(d2, 0)->score, first);
	CHECK(drill_tally(d2, 0)->right == 1 && drill_tally(d2, 0)->wrong == 0);
	CHECK(answers_of(path, "Ben") == 1);
out:
	drill_free(d1);
	drill_free(d2);
	results_close(r1);
	results_close(r2);
}

static void class_board_ranks_the_students(void)
{
	const char *path = at("board.db");
	const char *names[3] = { "Ana", "Ben", "Chen" };
	struct results *r = open_results(path);
	struct drill *d[3];
	for (size_t i = 0; i < 3; i++)
		d[i] = student(r, &names[i]);
	CHECK(d[0] && d[1] && d[2]);
	if (!d[0] || !d[1] || !d[2])
		goto out;
	/* Chen 2 right, Ana 1, Ben none */
	answer(d[0], true), drill_next(d[0]);
	answer(d[0], false), drill_next(d[0]);
	answer(d[1], false), drill_next(d[1]);
	answer(d[2], true), drill_next(d[2]);
	answer(d[2], true), drill_next(d[2]);
	const struct drill_entry *e;
	size_t n;
	CHECK(drill_class_board(d[0], &e, &n) == 0);
	CHECK(n == 3);
	if (n == 3) {
		CHECK_STR(e[0].name, "Chen");
		CHECK_STR(e[1].name, "Ana");
		CHECK_STR(e[2].name, "Ben");
		CHECK(e[0].rank == 1 && e[2].rank == 3);
		CHECK_NUM(e[0].score, drill_tally(d[2], 0)->score);
		CHECK_NUM(e[1].grade, drill_grade(drill_tally(d[0], 0)));
	}
	CHECK(drill_class_board(d[0], &e, &n) == 0 && n == 3);  /* again: no leak */
out:
	for (size_t i = 0; i < 3; i++)
		drill_free(d[i]);
	results_close(r);
}

static void class_settings_checked(void)
{
	const char *path = at("bad.db");
	struct results *r = open_results(path);
	const char *two[2] = { "Ana", "Ben" };
	CHECK(refused((struct drill_opts){ .seed = 1, .players = two, .nplayers = 2, .results = r,
	                                   .klass = "5B" }));
	CHECK(strstr(err, "one player") != NULL);
	CHECK(refused((struct drill_opts){ .seed = 1, .players = two, .nplayers = 1, .results = r }));
	CHECK(strstr(err, "class") != NULL);
	results_close(r);
	/* a class drill's settings make its id: another count, another drill */
	r = open_results(path);
	struct drill *a = make((struct drill_opts){ .count = 2, .seed = 1, .players = two,
	                                            .nplayers = 1, .results = r, .klass = "5B" });
	struct drill *b = make((struct drill_opts){ .count = 3, .seed = 1, .players = two,
	                                            .nplayers = 1, .results = r, .klass = "5B" });
	CHECK(a && b && strcmp(drill_id(a), drill_id(b)) != 0);
	/* the decks named the other way round: the same drill */
	struct deck *rev[2] = { deck_b, deck_a };
	struct drill_opts o = { .count = 2, .seed = 1, .players = two + 1, .nplayers = 1,
	                        .results = r, .klass = "5B", .clock = fake_clock };
	struct drill *c = drill_new(rev, 2, &o, err, sizeof err);
	CHECK(a && c && strcmp(drill_id(a), drill_id(c)) == 0);
	CHECK(raw_int(path, "SELECT count(*) FROM drills") == 2);
	drill_free(a);
	drill_free(b);
	drill_free(c);
	results_close(r);
}

int main(void)
{
	if (tmp_make("/tmp/recall-drill-XXXXXX") != 0)
		return 1;
	deck_a = load("a.json", deck_a_text);
	deck_b = load("b.json", deck_b_text);
	if (!deck_a || !deck_b)
		return 1;
	RUN(same_seed_same_questions_and_options);
	RUN(cards_are_left_out_and_count_zero_is_all);
	RUN(bad_options_are_refused);
	RUN(hot_seat_turns_and_reveal);
	RUN(time_up_counts_wrong);
	RUN(speed_and_streak_by_the_rules);
	RUN(one_player_is_you);
	RUN(class_answers_committed_and_resumed);
	RUN(class_never_records_twice);
	RUN(class_board_ranks_the_students);
	RUN(class_settings_checked);
	deck_free(deck_a);
	deck_free(deck_b);
	tmp_remove();
	return check_done();
}
