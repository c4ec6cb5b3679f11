/* Unit tests of stats: a real SQLite file in a temporary folder, written
 * through store_record_review with hand-made reviews at fixed times over
 * several days (TZ=UTC, days starting at 04:00), and every figure checked. */
#include <ftw.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "answer.h"
#include "check.h"
#include "deck.h"
#include "stats.h"
#include "store.h"

static char tmp[64], db[128], err[1024];
static struct deck *d1;
static struct sched_params params;

/* 2025-03-10T00:00:00Z, a Monday; now is noon that day. */
#define BASE INT64_C(1741564800)
#define NOW (BASE + 12 * 3600)

static int64_t at(int day, int hour, int min)
{
	return BASE + day * 86400 + hour * 3600 + min * 60;
}

static const char deck_json[] =
	"{\"format\": \"recall-deck/1\", \"id\": \"d1\", \"title\": \"Deck one\", \"questions\": ["
	"{\"id\": \"q1\", \"type\": \"card\", \"front\": \"front 1\", \"back\": \"back 1\"},"
	"{\"id\": \"q2\", \"type\": \"card\", \"front\": \"front 2\", \"back\": \"back 2\"},"
	"{\"id\": \"q3\", \"type\": \"card\", \"front\": \"front 3\", \"back\": \"back 3\"},"
	"{\"id\": \"q4\", \"type\": \"card\", \"front\": \"front 4\", \"back\": \"back 4\"},"
	"{\"id\": \"q5\", \"type\": \"card\", \"front\": \"front 5\", \"back\": \"back 5\"},"
	"{\"id\": \"q6\", \"type\": \"card\", \"front\": \"front 6\", \"back\": \"back 6\"}]}";

/* The hash of d1's question i (0-based) as the deck has it now. */
static void hash_of(size_t i, char out[17])
{
	char *a = answer_format(&d1->questions[i]);
	store_content_hash(d1->questions[i].prompt, a, out);
	free(a);
}

/* One review at t graded grade, after which the item is as given. */
static void rev(struct store *s, const char *deck, const char *q, int64_t t, int grade, int state,
                double stability, int sched, int64_t due, unsigned lapses, const char *hash)
{
	struct store_review r = { .time = t, .grade = grade, .answer = "", .seconds = 2 };
	struct store_item after = {
		.deck = deck, .question = q, .state = state, .stability = stability, .difficulty = 5,
		.due = due, .last_review = t, .reps = 1, .lapses = lapses, .scheduled_days = sched,
	};
	snprintf(after.content_hash, sizeof after.content_hash, "%s", hash);
	CHECK(store_record_review(s, &r, &after) == 0);
}

/* The log (chronological): see each line's note for the day it falls on
 * (days before today, counted from 04:00). */
static void build(void)
{
	struct store *s = NULL;
	char h1[17], h3[17];
	hash_of(0, h1);
	hash_of(2, h3);
	CHECK(store_open(db, 0, 2000, &s, err, sizeof err) == 0);
	if (!s)
		return;
	rev(s, "d2", "x", at(-20, 10, 0), 2, 2, 21, 21, at(-1, 10, 0), 2, "");    /* day 20, new */
	rev(s, "d2", "x", at(-10, 10, 0), 1, 3, 2, 0, at(0, 13, 0), 3, "");       /* day 10, lapse */
	rev(s, "d1", "q1", at(-3, 10, 0), 3, 1, 1, 0, NOW - 3600, 0, h1);         /* day 3, new */
	rev(s, "d1", "q2", at(-2, 11, 0), 3, 2, 5, 5, at(3, 11, 0), 0, "0123456789abcdef"); /* day 2 */
	rev(s, "d1", "q1", at(-1, 3, 30), 3, 2, 25, 25, at(2, 10, 0), 0, h1);     /* day 2: before 04:00 */
	rev(s, "d1", "q2", at(-1, 10, 0), 1, 3, 1, 0, NOW + 600, 1, "0123456789abcdef"); /* day 1, lapse */
	rev(s, "d1", "q3", at(0, 5, 0), 3, 2, 3, 3, at(3, 5, 0), 0, h3);          /* day 0, new */
	rev(s, "d1", "q3", at(0, 6, 0), 4, 2, 0.5, 10, at(10, 6, 0), 0, h3);      /* day 0, passed */
	store_close(s);
}

static struct store *open_ro(void)
{
	struct store *s = NULL;
	if (store_open(db, STORE_READONLY, 2000, &s, err, sizeof err) != 0)
		printf("  store_open: %s\n", err);
	return s;
}

static double r_of(const char *deck, const char *q)
{
	struct store *s = open_ro();
	struct store_item it;
	store_get_item(s, deck, q, &it);
	struct sched_card c = { .state = (enum sched_state)it.state, .stability = it.stability,
		.difficulty = it.difficulty, .due = it.due, .last_review = it.last_review,
		.reps = it.reps, .lapses = it.lapses, .scheduled_days = it.scheduled_days };
	store_close(s);
	return sched_retrievability(&params, &c, NOW);
}

static void every_deck(void)
{
	struct store *s = open_ro();
	struct stats st;
	CHECK(stats_compute(s, NULL, 0, &params, NOW, &st, err, sizeof err) == 0);
	CHECK(!st.missing);
	CHECK(st.today == at(0, 4, 0));
	CHECK(st.items_new == 0 && st.items_learning == 2 && st.items_review == 1 && st.items_mature == 1);
	unsigned fc[STATS_FORECAST_DAYS] = { [0] = 2, [2] = 1, [10] = 1 };
	CHECK(memcmp(st.forecast, fc, sizeof fc) == 0);
	CHECK(st.due_today == 2);
	unsigned hist[STATS_HISTORY_DAYS] = { [0] = 2, [1] = 1, [2] = 2, [3] = 1, [10] = 1, [20] = 1 };
	for (int i = 0; i < STATS_HISTORY_DAYS; i++)
		if (st.history[i] != hist[i])
			printf("  history[%d] is %u, expected %u\n", i, st.history[i], hist[i]);
	CHECK(memcmp(st.history, hist, sizeof hist) == 0);
	CHECK(st.reviews_total == 8);
	CHECK(st.weeks[0].reviews == 2 && st.weeks[0].passed == 1);
	CHECK(st.weeks[1].reviews == 1 && st.weeks[1].passed == 0);
	for (int i = 2; i < STATS_WEEKS; i++)
		CHECK(st.weeks[i].reviews == 0);
	CHECK_NUM(stats_week_retention(&st.weeks[0]), 0.5);
	CHECK_NUM(stats_week_retention(&st.weeks[2]), 0);
	CHECK(st.streak == 4);
	CHECK(st.nhardest == 4);
	if (st.nhardest == 4) {
		CHECK_STR(st.hardest[0].question, "x");
		CHECK(st.hardest[0].lapses == 3);
		CHECK_STR(st.hardest[1].question, "q2");
		CHECK_STR(st.hardest[2].question, "q1");  /* no lapses: the lower recall first */
		CHECK_STR(st.hardest[3].question, "q3");  /* reviewed today: 1 */
		CHECK_NUM(st.hardest[2].retrievability, r_of("d1", "q1"));
		CHECK_NUM(st.hardest[3].retrievability, r_of("d1", "q3"));
		CHECK(st.hardest[2].retrievability < st.hardest[3].retrievability);
	}
	CHECK(st.changed == 0);  /* only decks given are compared */
	stats_free(&st);
	store_close(s);
}

static void one_deck(void)
{
	struct store *s = open_ro();
	struct stats st;
	CHECK(stats_compute(s, &d1, 1, &params, NOW, &st, err, sizeof err) == 0);
	CHECK(st.items_new == 3 && st.items_learning == 1 && st.items_review == 1 && st.items_mature == 1);
	unsigned fc[STATS_FORECAST_DAYS] = { [0] = 1, [2] = 1, [10] = 1 };
	CHECK(memcmp(st.forecast, fc, sizeof fc) == 0);
	unsigned hist[STATS_HISTORY_DAYS] = { [0] = 2, [1] = 1, [2] = 2, [3] = 1 };
	CHECK(memcmp(st.history, hist, sizeof hist) == 0);
	CHECK(st.reviews_total == 6);
	CHECK(st.weeks[0].reviews == 2 && st.weeks[0].passed == 1 && st.weeks[1].reviews == 0);
	CHECK(st.streak == 4);
	CHECK(st.nhardest == 3);
	CHECK(st.changed == 1 && st.nchanged_list == 1);
	if (st.nchanged_list == 1) {
		CHECK_STR(st.changed_list[0].deck, "d1");
		CHECK_STR(st.changed_list[0].question, "q2");
	}
	stats_free(&st);
	store_close(s);
}

static void streak_ends_yesterday_or_today(void)
{
	struct store *s = open_ro();
	struct stats st;
	CHECK(stats_compute(s, NULL, 0, &params, NOW + 86400, &st, err, sizeof err) == 0);
	CHECK(st.streak == 4);  /* nothing yet today: the streak ending yesterday */
	CHECK(st.history[1] == 2 && st.history[0] == 0);
	stats_free(&st);
	CHECK(stats_compute(s, NULL, 0, &params, NOW + 2 * 86400, &st, err, sizeof err) == 0);
	CHECK(st.streak == 0);
	stats_free(&st);
	/* Seen from the past, later reviews are in the total; those of a
	 * later day are on no day (03:30 the next morning is still today). */
	CHECK(stats_compute(s, NULL, 0, &params, at(-2, 12, 0), &st, err, sizeof err) == 0);
	CHECK(st.reviews_total == 8 && st.history[0] == 2 && st.history[1] == 1 && st.streak == 2);
	CHECK(st.weeks[0].reviews == 0 && st.history[8] == 1);
	stats_free(&st);
	store_close(s);
}

static void no_database_counts_the_decks(void)
{
	struct stats st;
	CHECK(stats_compute(NULL, &d1, 1, &params, NOW, &st, err, sizeof err) == 0);
	CHECK(st.missing && st.items_new == 6 && st.items_learning == 0 && st.reviews_total == 0);
	CHECK(st.streak == 0 && st.nhardest == 0 && st.changed == 0);
	stats_free(&st);
}

static void day_starts_moves_the_days(void)
{
	struct sched_params p = params;
	p.day_starts = 0;  /* 03:30 on day -1 is now day 1, not day 2 */
	struct store *s = open_ro();
	struct stats st;
	CHECK(stats_compute(s, &d1, 1, &p, NOW, &st, err, sizeof err) == 0);
	CHECK(st.history[1] == 2 && st.history[2] == 1 && st.history[3] == 1);
	CHECK(st.today == BASE && stats_day_start(&st, -1) == BASE - 86400);
	stats_free(&st);
	store_close(s);
}

static int rm_one(const char *path, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb; (void)flag; (void)f;
	return remove(path);
}

int main(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	sched_defaults(&params);
	snprintf(tmp, sizeof tmp, "/tmp/recall-stats-XXXXXX");
	if (!mkdtemp(tmp))
		return 1;
	snprintf(db, sizeof db, "%s/p.db", tmp);
	struct diags d = {0};
	d1 = deck_load_buffer("d1.json", deck_json, sizeof deck_json - 1, &d);
	diag_print(&d, stdout);
	diag_free(&d);
	if (!d1)
		return 1;
	RUN(build);
	RUN(every_deck);
	RUN(one_deck);
	RUN(streak_ends_yesterday_or_today);
	RUN(no_database_counts_the_decks);
	RUN(day_starts_moves_the_days);
	deck_free(d1);
	nftw(tmp, rm_one, 8, FTW_DEPTH | FTW_PHYS);
	return check_done();
}
