/* Unit tests of study: sessions over decks in memory and a real SQLite
 * file in a temporary folder (removed at the end), with the clock fixed. */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "diag.h"
#include "study.h"

#define T0 1740819600   /* 2025-03-01T09:00:00Z */

static char tmp[64];
static char err[1024];
static int ndb;

static const char cards_json[] =
	"{\"format\": \"recall-deck/1\", \"id\": \"d\", \"title\": \"T\", \"questions\": ["
	"{\"id\": \"k1\", \"type\": \"card\", \"front\": \"1\", \"back\": \"one\"},"
	"{\"id\": \"k2\", \"type\": \"card\", \"front\": \"2\", \"back\": \"two\"},"
	"{\"id\": \"k3\", \"type\": \"card\", \"front\": \"3\", \"back\": \"three\"},"
	"{\"id\": \"k4\", \"type\": \"card\", \"front\": \"4\", \"back\": \"four\"},"
	"{\"id\": \"tf\", \"type\": \"truefalse\", \"prompt\": \"Green sky?\", \"answer\": false}]}";

static struct deck *cards(void)
{
	struct diags d = {0};
	struct deck *deck = deck_load_buffer("cards", cards_json, sizeof cards_json - 1, &d);
	diag_free(&d);
	return deck;
}

/* A fresh database in the test folder. */
static struct store *fresh_store(void)
{
	char path[128];
	snprintf(path, sizeof path, "%s/db%d/p.db", tmp, ndb++);
	struct store *st = NULL;
	if (store_open(path, 0, 2000, &st, err, sizeof err) != 0)
		printf("  store_open: %s\n", err);
	return st;
}

static double fake_seconds;
static double fake_clock(void)
{
	return fake_seconds;
}

/* The date of a session whose clock must move (start_moving). */
static int64_t fake_date;
static int64_t fake_now(void)
{
	return fake_date;
}

static struct study *open_with(struct deck *deck, struct store *st, struct study_opts *o,
                               void (*tweak)(struct prefs *))
{
	prefs_defaults(&o->prefs);
	o->prefs.sched.fuzz = false;
	if (tweak)
		tweak(&o->prefs);
	struct study *s = NULL;
	if (study_open(&deck, 1, st, o, &s, err, sizeof err) != 0)
		printf("  study_open: %s\n", err);
	return s;
}

/* A session whose clock reads fake_date, set to now to begin with. */
static struct study *start_moving(struct deck *deck, struct store *st, int64_t now,
                                  void (*tweak)(struct prefs *))
{
	fake_date = now;
	struct study_opts o = { .seed = 1, .clock = fake_clock, .date = fake_now };
	return open_with(deck, st, &o, tweak);
}

static struct study *start(struct deck *deck, struct store *st, int64_t now, void (*tweak)(struct prefs *))
{
	struct study_opts o = { .fixed_now = true, .now_value = now, .seed = 1, .clock = fake_clock };
	return open_with(deck, st, &o, tweak);
}

/* Rates the current card g and commits it; the card's id, or "" when none. */
static const char *rate(struct study *s, enum sched_grade g)
{
	const struct item *it = study_current(s);
	if (!it)
		return "";
	const char *id = it->q->id;
	struct response r = { .rating = (enum rating)g };
	enum sched_grade proposed;
	struct study_graded out;
	if (!study_answer(s, &r, &proposed) || proposed != g || study_grade(s, proposed, &out) != 0)
		return "(failed)";
	return id;
}

static int count_one(void *ctx, const struct store_review *r)
{
	(void)r;
	(*(int *)ctx)++;
	return 0;
}

static int reviews(struct store *st)
{
	int n = 0;
	store_each_review(st, count_one, &n);
	return n;
}

static void no_new(struct prefs *p) { p->new_per_day = 0; }
static void two_new(struct prefs *p) { p->new_per_day = 2; }
static void cram(struct prefs *p) { p->cram = true; }

/* Puts question id of deck d into state with due date due. */
static void seed_item(struct store *st, const char *id, int state, int64_t due)
{
	struct store_item it = { .deck = "d", .question = id, .state = state, .stability = 3,
	                         .difficulty = 5, .due = due, .last_review = due - 86400, .reps = 2 };
	struct store_review r = { .time = due - 86400, .grade = 3, .answer = "" };
	if (store_record_review(st, &r, &it) != 0)
		printf("  seed: %s\n", store_error(st));
}

static void queue_learning_then_reviews_then_new(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	seed_item(st, "k1", STORE_STATE_REVIEW, T0 - 7200);
	seed_item(st, "k2", STORE_STATE_REVIEW, T0 - 3 * 3600);
	seed_item(st, "k3", STORE_STATE_LEARNING, T0 - 60);
	seed_item(st, "k4", STORE_STATE_REVIEW, T0 + 5 * 86400);  /* not due */
	struct study *s = start(deck, st, T0, NULL);
	CHECK_STR(rate(s, SCHED_EASY), "k3");
	CHECK_STR(rate(s, SCHED_EASY), "k2");
	CHECK_STR(rate(s, SCHED_EASY), "k1");
	CHECK_STR(study_current(s)->q->id, "tf");   /* then the new one */
	study_free(s);
	store_close(st);
	deck_free(deck);
}

static void daily_new_limit(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	struct study *s = start(deck, st, T0, two_new);
	CHECK_STR(rate(s, SCHED_EASY), "k1");
	CHECK_STR(rate(s, SCHED_EASY), "k2");
	CHECK(study_current(s) == NULL);
	study_free(s);
	s = start(deck, st, T0 + 3600, two_new);   /* the same day: none left */
	CHECK(study_current(s) == NULL);
	study_free(s);
	s = start(deck, st, T0 + 86400, two_new);  /* the next day: two more */
	CHECK_STR(rate(s, SCHED_EASY), "k3");
	CHECK_STR(rate(s, SCHED_EASY), "k4");
	CHECK(study_current(s) == NULL);
	study_free(s);
	s = start(deck, st, T0 + 86400, no_new);
	CHECK(study_current(s) == NULL);
	study_free(s);
	store_close(st);
	deck_free(deck);
}

static void again_comes_back_the_same_session(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	struct study *s = start(deck, st, T0, two_new);
	CHECK_STR(rate(s, SCHED_AGAIN), "k1");
	CHECK_STR(rate(s, SCHED_EASY), "k2");
	/* nothing else left: k1, due in a minute, is shown early */
	CHECK_STR(study_current(s)->q->id, "k1");
	CHECK(study_current_state(s) == SCHED_LEARNING);
	CHECK_STR(rate(s, SCHED_GOOD), "k1");   /* step 2: 10 minutes, shown early */
	CHECK_STR(rate(s, SCHED_GOOD), "k1");   /* graduates */
	CHECK(study_current(s) == NULL);
	struct study_summary sum;
	study_summary(s, &sum);
	CHECK(sum.graded == 4 && sum.grades[SCHED_AGAIN] == 1 && sum.grades[SCHED_GOOD] == 2);
	CHECK(sum.grades[SCHED_EASY] == 1);
	CHECK(sum.next_due > T0);
	CHECK(reviews(st) == 4);
	study_free(s);
	store_close(st);
	deck_free(deck);
}

static void grade_proposed_from_the_verdict(void)
{
	struct deck *deck = cards();
	struct item it = { .q = &deck->questions[4], .state = ITEM_ANSWERED };
	it.verdict.outcome = OUT_CORRECT;
	it.seconds = 3;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_EASY);
	it.seconds = STUDY_QUICK_SECONDS + 1;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_GOOD);
	it.verdict.typo = true;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_HARD);
	it.verdict.typo = false;
	it.hinted = true;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_HARD);
	it.hinted = false;
	it.verdict.outcome = OUT_PARTIAL;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_HARD);
	it.verdict.outcome = OUT_WRONG;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_AGAIN);
	it.state = ITEM_SKIPPED;
	it.verdict.outcome = OUT_SKIPPED;
	CHECK(study_propose(&it, RATE_NONE) == SCHED_AGAIN);
	struct item card = { .q = &deck->questions[0], .state = ITEM_ANSWERED };
	card.seconds = 1;
	CHECK(study_propose(&card, RATE_HARD) == SCHED_HARD);
	CHECK(study_propose(&card, RATE_EASY) == SCHED_EASY);
	/* through a session, with the clock running 30 s: right is Good */
	struct store *st = fresh_store();
	struct study *s = start(deck, st, T0, NULL);
	seed_item(st, "k1", STORE_STATE_REVIEW, T0 + 86400);
	seed_item(st, "k2", STORE_STATE_REVIEW, T0 + 86400);
	seed_item(st, "k3", STORE_STATE_REVIEW, T0 + 86400);
	seed_item(st, "k4", STORE_STATE_REVIEW, T0 + 86400);
	study_free(s);
	s = start(deck, st, T0, NULL);
	CHECK_STR(study_current(s)->q->id, "tf");
	fake_seconds += 30;
	struct response r = { .truth = false };
	enum sched_grade g;
	CHECK(study_answer(s, &r, &g) != NULL && g == SCHED_GOOD);
	study_free(s);
	store_close(st);
	deck_free(deck);
}

static int count_item(void *ctx, const struct store_item *it)
{
	(void)it;
	(*(int *)ctx)++;
	return 0;
}

static void cram_records_nothing(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	seed_item(st, "k2", STORE_STATE_REVIEW, T0 + 30 * 86400);
	struct study *s = start(deck, st, T0, cram);
	CHECK_STR(rate(s, SCHED_AGAIN), "k1");
	CHECK_STR(rate(s, SCHED_GOOD), "k2");   /* not due, asked all the same */
	CHECK_STR(rate(s, SCHED_GOOD), "k3");
	CHECK_STR(rate(s, SCHED_GOOD), "k4");
	CHECK_STR(study_current(s)->q->id, "tf");
	struct study_undone u;
	CHECK(study_undo(s, &u) == 1 && !strcmp(u.q->id, "k4"));
	CHECK_STR(study_current(s)->q->id, "k4");
	study_free(s);
	int n = 0;
	store_each_item(st, count_item, &n);
	CHECK(n == 1);
	CHECK(reviews(st) == 1);   /* the seed's only */
	store_close(st);
	deck_free(deck);
}

static void undo_takes_back_the_last_grade(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	struct study *s = start(deck, st, T0, NULL);
	struct study_undone u;
	CHECK(study_undo(s, &u) == 0);
	CHECK_STR(rate(s, SCHED_EASY), "k1");
	CHECK_STR(rate(s, SCHED_HARD), "k2");
	CHECK(reviews(st) == 2);
	CHECK(study_current(s) != NULL);   /* k3 in hand goes back */
	CHECK(study_undo(s, &u) == 1);
	CHECK_STR(u.q->id, "k2");
	CHECK(u.grade == SCHED_HARD);
	CHECK(reviews(st) == 1);
	struct store_item it;
	CHECK(store_get_item(st, "d", "k2", &it) == 0 && it.state == STORE_STATE_NEW);
	CHECK_STR(study_current(s)->q->id, "k2");
	CHECK(study_current_state(s) == SCHED_NEW);
	CHECK_STR(rate(s, SCHED_EASY), "k2");
	struct study_summary sum;
	study_summary(s, &sum);
	CHECK(sum.graded == 2 && sum.grades[SCHED_HARD] == 0 && sum.grades[SCHED_EASY] == 2);
	study_free(s);
	store_close(st);
	deck_free(deck);
}

/* A session reads in full only the rows due soon; the summary still
 * counts every question: those not read are neither new nor due, and the
 * earliest of them is the next due date (not a question removed from the
 * deck, whose row stays). */
static void summary_counts_questions_not_read(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	seed_item(st, "k1", STORE_STATE_REVIEW, T0 - 3600);          /* due now */
	seed_item(st, "k2", STORE_STATE_REVIEW, T0 + 5 * 86400);
	seed_item(st, "k3", STORE_STATE_RELEARNING, T0 + 2 * 86400);
	seed_item(st, "gone", STORE_STATE_REVIEW, T0 + 86400);       /* no longer in the deck */
	struct study *s = start(deck, st, T0, NULL);
	struct study_summary sum;
	CHECK(study_summary(s, &sum) == 0);
	CHECK(sum.due_now == 1);
	CHECK(sum.new_left == 2);   /* k4 and tf */
	CHECK(sum.next_due == T0 + 2 * 86400);
	CHECK_STR(rate(s, SCHED_AGAIN), "k1");   /* relearning, due in 10 minutes */
	CHECK(study_summary(s, &sum) == 0);
	CHECK(sum.due_now == 0 && sum.new_left == 2);
	CHECK(sum.next_due == T0 + 600);
	CHECK_STR(rate(s, SCHED_GOOD), "k4");    /* the new ones come next */
	CHECK(study_summary(s, &sum) == 0 && sum.new_left == 1);
	study_free(s);
	store_close(st);
	deck_free(deck);
}

/* With the clock running, a question due after what the session read at
 * its start is read, and asked, once its time comes. */
static void a_running_clock_reads_what_comes_due(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	seed_item(st, "k2", STORE_STATE_LEARNING, T0 + 3 * 3600);
	seed_item(st, "k3", STORE_STATE_REVIEW, T0 + 2 * 86400);
	struct study *s = start_moving(deck, st, T0, no_new);
	CHECK(study_current(s) == NULL);
	struct study_summary sum;
	CHECK(study_summary(s, &sum) == 0 && sum.next_due == T0 + 3 * 3600 && sum.due_now == 0);
	fake_date = T0 + 3 * 3600;
	CHECK(study_summary(s, &sum) == 0 && sum.due_now == 1 && sum.next_due == T0 + 2 * 86400);
	CHECK_STR(rate(s, SCHED_EASY), "k2");   /* out of learning, due in days */
	CHECK(study_current(s) == NULL);
	fake_date = T0 + 2 * 86400 + 1;
	CHECK_STR(rate(s, SCHED_GOOD), "k3");
	study_free(s);
	store_close(st);
	deck_free(deck);
}

/* The preview of each grade is what that grade then does; it records
 * nothing, and there is none without a question in hand or in cram. */
static void preview_is_what_the_grade_does(void)
{
	struct deck *deck = cards();
	struct store *st = fresh_store();
	int64_t want[5], sec[5];
	struct study *s = start(deck, st, T0, NULL);
	CHECK(study_preview(s, sec) == 0);            /* nothing in hand yet */
	CHECK(study_current(s) != NULL);
	CHECK(study_preview(s, want) == 1);
	/* a new card, default steps 1m 10m: Again the first step, Hard between
	 * the two, Good the second; Easy leaves learning (days) */
	CHECK(want[SCHED_AGAIN] == 60 && want[SCHED_HARD] == 330 && want[SCHED_GOOD] == 600);
	CHECK(want[SCHED_EASY] >= 86400 && want[SCHED_EASY] % 86400 == 0);
	study_free(s);
	CHECK(reviews(st) == 0);
	for (int g = SCHED_AGAIN; g <= SCHED_EASY; g++) {
		s = start(deck, st, T0, NULL);
		const struct item *it = study_current(s);
		struct response r = { .rating = (enum rating)g };
		enum sched_grade proposed;
		struct study_graded out;
		CHECK(it && study_preview(s, sec) == 1 && sec[g] == want[g]);
		CHECK(study_answer(s, &r, &proposed) && study_preview(s, sec) == 1 && sec[g] == want[g]);
		CHECK(study_grade(s, (enum sched_grade)g, &out) == 0 && out.interval == want[g]);
		struct study_undone u;
		CHECK(study_undo(s, &u) == 1);
		study_free(s);
	}
	/* a review card: Hard sooner than Good, Easy later */
	seed_item(st, "k1", STORE_STATE_REVIEW, T0 - 3600);
	s = start(deck, st, T0, NULL);
	CHECK_STR(study_current(s)->q->id, "k1");
	CHECK(study_preview(s, sec) == 1);
	CHECK(sec[SCHED_AGAIN] == 600);               /* the relearning step */
	CHECK(sec[SCHED_HARD] < sec[SCHED_GOOD] && sec[SCHED_GOOD] < sec[SCHED_EASY]);
	study_free(s);
	s = start(deck, st, T0, cram);
	CHECK(study_current(s) != NULL && study_preview(s, sec) == 0);
	study_free(s);
	store_close(st);
	deck_free(deck);
}

static int rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb; (void)flag; (void)f;
	return remove(p);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	snprintf(tmp, sizeof tmp, "%s", "/tmp/recall-study-XXXXXX");
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return 1;
	}
	RUN(queue_learning_then_reviews_then_new);
	RUN(daily_new_limit);
	RUN(again_comes_back_the_same_session);
	RUN(grade_proposed_from_the_verdict);
	RUN(cram_records_nothing);
	RUN(undo_takes_back_the_last_grade);
	RUN(summary_counts_questions_not_read);
	RUN(a_running_clock_reads_what_comes_due);
	RUN(preview_is_what_the_grade_does);
	nftw(tmp, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return check_done();
}
