/* stats — the figures of `recall stats`; see stats.h. */
#include "stats.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "answer.h"

/* A deck given: its questions sorted by id, and which the store had. */
struct deck_index {
	const struct deck *deck;
	const struct question **q;  /* sorted by id */
	bool *seen;                 /* seen[i]: the store has a row for q[i] */
};

/* What the two walks over the store share. */
struct walk {
	const struct sched_params *p;
	struct stats *out;
	struct deck_index *idx;      /* NULL when every deck counts */
	size_t ndecks;
	int64_t fbound[STATS_FORECAST_DAYS];  /* the end of forecast day i */
	int64_t c_start, c_end;      /* the day last placed, [start, end) ... */
	int c_day;                   /* ... and its number before today */
	unsigned char days[(STATS_STREAK_MAX + 7) / 8];  /* a bit per day with a review */
	bool oom;
};

/* The start of the day holding t, moved by offset days (local time). */
static int64_t day_start(int64_t t, int day_starts, int offset)
{
	time_t tt = (time_t)t;
	struct tm tm;
	localtime_r(&tt, &tm);
	if (tm.tm_hour < day_starts)
		tm.tm_mday--;
	tm.tm_mday += offset;
	tm.tm_hour = day_starts;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	return (int64_t)mktime(&tm);
}

static int cmp_question(const void *a, const void *b)
{
	return strcmp((*(const struct question *const *)a)->id, (*(const struct question *const *)b)->id);
}

static int index_decks(struct walk *w, struct deck *const *decks, size_t ndecks)
{
	w->idx = calloc(ndecks, sizeof *w->idx);
	if (!w->idx)
		return -1;
	w->ndecks = ndecks;
	for (size_t i = 0; i < ndecks; i++) {
		struct deck_index *d = &w->idx[i];
		size_t n = decks[i]->nquestions;
		d->deck = decks[i];
		d->q = malloc((n ? n : 1) * sizeof *d->q);
		d->seen = calloc(n ? n : 1, sizeof *d->seen);
		if (!d->q || !d->seen)
			return -1;
		for (size_t k = 0; k < n; k++)
			d->q[k] = &decks[i]->questions[k];
		qsort(d->q, n, sizeof *d->q, cmp_question);
	}
	return 0;
}

static void free_index(struct walk *w)
{
	for (size_t i = 0; w->idx && i < w->ndecks; i++) {
		free(w->idx[i].q);
		free(w->idx[i].seen);
	}
	free(w->idx);
}

/* The deck given whose id is id, or NULL. */
static struct deck_index *find_deck(const struct walk *w, const char *id)
{
	for (size_t i = 0; i < w->ndecks; i++)
		if (strcmp(w->idx[i].deck->id, id) == 0)
			return &w->idx[i];
	return NULL;
}

/* The place of question id in d, or -1. */
static long find_question(const struct deck_index *d, const char *id)
{
	struct question key = { .id = id };
	const struct question *kp = &key;
	const struct question **hit = bsearch(&kp, d->q, d->deck->nquestions, sizeof *d->q, cmp_question);
	return hit ? (long)(hit - d->q) : -1;
}

/* Sets q to a copy of deck and question; false when memory ran out. */
static bool name_question(struct stats_question *q, const char *deck, const char *question)
{
	q->deck = strdup(deck ? deck : "");
	q->question = strdup(question ? question : "");
	return q->deck && q->question;
}

static void drop_question(struct stats_question *q)
{
	free(q->deck);
	free(q->question);
	memset(q, 0, sizeof *q);
}

/* True when a is harder than b: more lapses, then a lower retrievability. */
static bool harder(unsigned lapses, double r, const struct stats_question *b)
{
	return lapses != b->lapses ? lapses > b->lapses : r < b->retrievability;
}

/* Keeps the item among the hardest when it is one of them. */
static void consider_hard(struct walk *w, const struct store_item *it, double r)
{
	struct stats *o = w->out;
	size_t at = o->nhardest;
	while (at > 0 && harder(it->lapses, r, &o->hardest[at - 1]))
		at--;
	if (at >= STATS_HARDEST)
		return;
	struct stats_question q = { .lapses = it->lapses, .retrievability = r };
	if (!name_question(&q, it->deck, it->question)) {
		drop_question(&q);
		w->oom = true;
		return;
	}
	if (o->nhardest == STATS_HARDEST)
		drop_question(&o->hardest[--o->nhardest]);
	memmove(&o->hardest[at + 1], &o->hardest[at], (o->nhardest - at) * sizeof q);
	o->hardest[at] = q;
	o->nhardest++;
}

/* Counts a question whose prompt or answer changed since its last review. */
static void check_changed(struct walk *w, const struct store_item *it, const struct question *q)
{
	if (!it->content_hash[0])
		return;  /* unknown: a row from before the hash was kept */
	char *answer = answer_format(q), hash[17];
	if (!answer) {
		w->oom = true;
		return;
	}
	store_content_hash(q->prompt, answer, hash);
	free(answer);
	if (strcmp(hash, it->content_hash) == 0)
		return;
	struct stats *o = w->out;
	if (o->nchanged_list < STATS_CHANGED_MAX) {
		if (!name_question(&o->changed_list[o->nchanged_list], it->deck, it->question))
			w->oom = true;
		o->nchanged_list++;
	}
	o->changed++;
}

/* The forecast day an item due at due falls on, or -1 past the forecast. */
static int forecast_day(const struct walk *w, int64_t due)
{
	for (int i = 0; i < STATS_FORECAST_DAYS; i++)
		if (due < w->fbound[i])
			return i;
	return -1;
}

static int on_item(void *ctx, const struct store_item *it)
{
	struct walk *w = ctx;
	struct stats *o = w->out;
	const struct question *q = NULL;
	if (w->idx) {
		struct deck_index *d = find_deck(w, it->deck);
		if (!d)
			return 0;
		long k = find_question(d, it->question);
		if (k >= 0) {
			d->seen[k] = true;
			q = d->q[k];
		}
	}
	if (it->state == STORE_STATE_NEW) {
		o->items_new++;
		return 0;
	}
	if (it->state == STORE_STATE_REVIEW && it->scheduled_days >= STATS_MATURE_DAYS)
		o->items_mature++;
	else if (it->state == STORE_STATE_REVIEW)
		o->items_review++;
	else
		o->items_learning++;
	int day = forecast_day(w, it->due);
	if (day >= 0)
		o->forecast[day]++;
	struct sched_card c = {
		.state = (enum sched_state)it->state, .stability = it->stability,
		.difficulty = it->difficulty, .due = it->due, .last_review = it->last_review,
		.reps = it->reps, .lapses = it->lapses, .step = it->step,
		.scheduled_days = it->scheduled_days,
	};
	consider_hard(w, it, sched_retrievability(w->p, &c, o->now));
	if (q)
		check_changed(w, it, q);
	return w->oom ? -1 : 0;
}

/* The number of days before today of a review at t (negative: after
 * today), placing each day once and remembering it: the log comes in the
 * order graded, so most reviews fall on the day of the one before. */
static int review_day(struct walk *w, int64_t t)
{
	if (t < w->c_start || t >= w->c_end) {
		int ds = w->p->day_starts;
		w->c_start = day_start(t, ds, 0);
		w->c_end = day_start(t, ds, 1);
		w->c_day = sched_elapsed_days(t, w->out->now, ds);
	}
	return w->c_day;
}

static int on_review(void *ctx, const struct store_review *r)
{
	struct walk *w = ctx;
	struct stats *o = w->out;
	if (w->idx && !find_deck(w, r->deck))
		return 0;
	o->reviews_total++;
	int day = review_day(w, r->time);
	if (day < 0)
		return 0;  /* after now (a --now in the past) */
	if (day < STATS_HISTORY_DAYS)
		o->history[day]++;
	if (day < STATS_STREAK_MAX)
		w->days[day / 8] |= (unsigned char)(1u << (day % 8));
	if (day < 7 * STATS_WEEKS && r->state_before == STORE_STATE_REVIEW) {
		o->weeks[day / 7].reviews++;
		o->weeks[day / 7].passed += r->grade != STORE_GRADE_AGAIN ? 1u : 0u;
	}
	return 0;
}

static bool had_review(const struct walk *w, int day)
{
	return day < STATS_STREAK_MAX && (w->days[day / 8] >> (day % 8) & 1) != 0;
}

static unsigned streak(const struct walk *w)
{
	int day = had_review(w, 0) ? 0 : had_review(w, 1) ? 1 : -1;
	unsigned n = 0;
	while (day >= 0 && had_review(w, day)) {
		n++;
		day++;
	}
	return n;
}

/* The decks' questions the store has no row for are new. */
static void count_unseen(struct walk *w)
{
	for (size_t i = 0; i < w->ndecks; i++)
		for (size_t k = 0; k < w->idx[i].deck->nquestions; k++)
			w->out->items_new += !w->idx[i].seen[k];
}

int stats_compute(struct store *s, struct deck *const *decks, size_t ndecks,
                  const struct sched_params *p, int64_t now, struct stats *out,
                  char *err, size_t errsize)
{
	memset(out, 0, sizeof *out);
	out->now = now;
	out->today = day_start(now, p->day_starts, 0);
	out->day_starts = p->day_starts;
	out->missing = s == NULL;
	struct walk *w = calloc(1, sizeof *w);
	int ret = -1;
	if (!w || (w->p = p, w->out = out, ndecks && index_decks(w, decks, ndecks) != 0)) {
		snprintf(err, errsize, "out of memory");
		goto out;
	}
	for (int i = 0; i < STATS_FORECAST_DAYS; i++)
		w->fbound[i] = day_start(now, p->day_starts, i + 1);
	if (s && (store_each_item(s, on_item, w) != 0 || store_each_review(s, on_review, w) != 0)) {
		snprintf(err, errsize, "%s", w->oom ? "out of memory" : store_error(s));
		goto out;
	}
	count_unseen(w);
	out->due_today = out->forecast[0];
	out->streak = streak(w);
	ret = 0;
out:
	if (w)
		free_index(w);
	free(w);
	return ret;
}

int64_t stats_day_start(const struct stats *st, int day)
{
	return day_start(st->now, st->day_starts, day);
}

double stats_week_retention(const struct stats_week *w)
{
	return w->reviews ? (double)w->passed / w->reviews : 0.0;
}

void stats_free(struct stats *st)
{
	for (size_t i = 0; i < st->nhardest; i++)
		drop_question(&st->hardest[i]);
	for (size_t i = 0; i < st->nchanged_list && i < STATS_CHANGED_MAX; i++)
		drop_question(&st->changed_list[i]);
	st->nhardest = st->nchanged_list = 0;
}
