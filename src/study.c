/* study — a spaced-repetition study session; see study.h. */
#include "study.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* One question of the decks and its progress. */
struct entry {
	const struct question *q;
	const struct deck *deck;
	struct store_item item;  /* deck and question point into the deck */
	bool crammed;            /* cram: asked and graded already */
};

/* One grade given in this session, for undo. */
struct given {
	size_t entry;
	enum sched_grade grade;
	struct store_item before;  /* the entry's progress before the grade */
	int64_t time;              /* when it was recorded */
};

struct study {
	struct entry *v;         /* every question of the decks, in deck order */
	size_t n;
	struct store *st;
	struct study_opts o;
	uint64_t rng;            /* shuffles of the options shown */
	struct item cur;         /* the question in hand */
	bool has_cur;            /* cur is set */
	bool answered;           /* cur has its verdict and awaits its grade */
	size_t cur_entry;        /* cur's index in v */
	double t0;               /* when cur was shown (o.clock) */
	struct given *log;       /* grades given, oldest first */
	size_t nlog, caplog;
	size_t forced;           /* the entry to ask next (after undo), or SIZE_MAX */
	char err[512];
};

static double monotonic_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

__attribute__((format(printf, 2, 3)))
static int fail(struct study *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
	return -1;
}

int64_t study_now(const struct study *s)
{
	return prefs_now(s->o.fixed_now ? &s->o.now_value : NULL);
}

/* When the study day holding t began: the last day_starts o'clock, local
 * time, at or before t. */
static int64_t day_start(int64_t t, int hour)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return t - t % 86400;
	if (tm.tm_hour < hour)
		tm.tm_mday--;
	tm.tm_hour = hour;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	time_t r = mktime(&tm);
	return r == (time_t)-1 ? t - t % 86400 : (int64_t)r;
}

/* The fuzz seed of a review: FNV-1a 64 over the deck id, a NUL byte, the
 * question id, a NUL byte and the number of reviews so far (8 bytes, least
 * significant first), so that a review done again gets the same fuzz. */
static uint64_t fuzz_seed(const char *deck, const char *question, unsigned reps)
{
	uint64_t h = 0xcbf29ce484222325u;
	const char *parts[2] = { deck, question };
	for (int p = 0; p < 2; p++) {
		for (const unsigned char *c = (const unsigned char *)parts[p]; ; c++) {
			h = (h ^ *c) * 0x100000001b3u;
			if (!*c)
				break;
		}
	}
	for (int i = 0; i < 8; i++)
		h = (h ^ (((uint64_t)reps >> (8 * i)) & 0xff)) * 0x100000001b3u;
	return h;
}

static void to_card(const struct store_item *it, struct sched_card *c)
{
	c->state = (enum sched_state)it->state;
	c->stability = it->stability;
	c->difficulty = it->difficulty;
	c->due = it->due;
	c->last_review = it->last_review;
	c->reps = it->reps;
	c->lapses = it->lapses;
	c->step = it->step;
	c->scheduled_days = it->scheduled_days;
}

static void from_card(const struct sched_card *c, struct store_item *it)
{
	it->state = (int)c->state;
	it->stability = c->stability;
	it->difficulty = c->difficulty;
	it->due = c->due;
	it->last_review = c->last_review;
	it->reps = c->reps;
	it->lapses = c->lapses;
	it->step = c->step;
	it->scheduled_days = c->scheduled_days;
}

/* Reads the progress of entry e from the store (not in cram: there it was
 * read once at the start, and nothing changes it). */
static int refresh(struct study *s, struct entry *e)
{
	if (store_get_item(s->st, e->deck->id, e->q->id, &e->item) < 0)
		return fail(s, "%s", store_error(s->st));
	return 0;
}

/* The entries of one deck, v[0..n), sorted by question id, while its
 * progress is read. */
struct deck_load {
	struct entry **by_id;
	size_t n;
};

static int by_question(const void *a, const void *b)
{
	const struct entry *x = *(struct entry *const *)a, *y = *(struct entry *const *)b;
	return strcmp(x->q->id, y->q->id);
}

/* One stored item of the deck: its entry takes the progress. */
static int take_item(void *ctx, const struct store_item *it)
{
	const struct deck_load *dl = ctx;
	size_t lo = 0, hi = dl->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(dl->by_id[mid]->q->id, it->question);
		if (c == 0) {
			struct entry *e = dl->by_id[mid];
			e->item = *it;
			e->item.deck = e->deck->id;  /* the deck's strings outlive the row */
			e->item.question = e->q->id;
			return 0;
		}
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;  /* a question no longer in the deck keeps its history */
}

/* Reads the progress of the n entries from v on, all of one deck, in one
 * query; those the store has no row for stay new. */
static int load_deck(struct study *s, struct entry *v, size_t n)
{
	struct deck_load dl = { calloc(n ? n : 1, sizeof *dl.by_id), n };
	if (!dl.by_id)
		return fail(s, "out of memory");
	for (size_t i = 0; i < n; i++) {
		memset(&v[i].item, 0, sizeof v[i].item);
		v[i].item.deck = v[i].deck->id;
		v[i].item.question = v[i].q->id;
		dl.by_id[i] = &v[i];
	}
	qsort(dl.by_id, n, sizeof *dl.by_id, by_question);
	int rc = n ? store_each_deck_item(s->st, v[0].deck->id, take_item, &dl) : 0;
	free(dl.by_id);
	return rc < 0 ? fail(s, "%s", store_error(s->st)) : 0;
}

int study_open(struct deck *const *decks, size_t ndecks, struct store *st,
               const struct study_opts *o, struct study **out, char *err, size_t errsize)
{
	*out = NULL;
	struct study *s = calloc(1, sizeof *s);
	size_t total = 0;
	for (size_t d = 0; d < ndecks; d++)
		total += decks[d]->nquestions;
	if (s)
		s->v = calloc(total ? total : 1, sizeof *s->v);
	if (!s || !s->v) {
		free(s);
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	s->st = st;
	s->o = *o;
	if (!s->o.clock)
		s->o.clock = monotonic_seconds;
	s->rng = o->seed;
	s->forced = SIZE_MAX;
	for (size_t d = 0; d < ndecks; d++) {
		struct entry *first = &s->v[s->n];
		for (size_t i = 0; i < decks[d]->nquestions; i++) {
			struct entry *e = &s->v[s->n++];
			e->q = &decks[d]->questions[i];
			e->deck = decks[d];
		}
		if (load_deck(s, first, decks[d]->nquestions) != 0) {
			snprintf(err, errsize, "%s", s->err);
			study_free(s);
			return -1;
		}
	}
	*out = s;
	return 0;
}

static void drop_current(struct study *s)
{
	free(s->cur.shown);
	free(s->cur.given);
	memset(&s->cur, 0, sizeof s->cur);
	s->has_cur = s->answered = false;
}

void study_free(struct study *s)
{
	if (!s)
		return;
	drop_current(s);
	free(s->log);
	free(s->v);
	free(s);
}

static bool learning(const struct entry *e)
{
	return e->item.state == STORE_STATE_LEARNING || e->item.state == STORE_STATE_RELEARNING;
}

/* The entry of the given kind due at or before by, earliest first; SIZE_MAX
 * when none.  kind: learning (true) or review (false). */
static size_t earliest(const struct study *s, bool kind_learning, int64_t by)
{
	size_t best = SIZE_MAX;
	for (size_t i = 0; i < s->n; i++) {
		const struct entry *e = &s->v[i];
		bool fits = kind_learning ? learning(e) : e->item.state == STORE_STATE_REVIEW;
		if (fits && e->item.due <= by && (best == SIZE_MAX || e->item.due < s->v[best].item.due))
			best = i;
	}
	return best;
}

static size_t first_new(const struct study *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].item.state == STORE_STATE_NEW)
			return i;
	return SIZE_MAX;
}

/* The entry to ask next (the queue of study.h), into *idx: 1 when there is
 * one, 0 when none, -1 on error. */
static int pick(struct study *s, size_t *idx)
{
	if (s->forced != SIZE_MAX) {
		*idx = s->forced;
		return 1;
	}
	if (s->o.prefs.cram) {
		for (size_t i = 0; i < s->n; i++) {
			if (!s->v[i].crammed) {
				*idx = i;
				return 1;
			}
		}
		return 0;
	}
	int64_t now = study_now(s);
	*idx = earliest(s, true, now);
	if (*idx != SIZE_MAX)
		return 1;
	unsigned new_done, reviews_done;
	if (store_count_today(s->st, day_start(now, s->o.prefs.sched.day_starts), &new_done,
	                      &reviews_done) != 0)
		return fail(s, "%s", store_error(s->st));
	if (reviews_done < s->o.prefs.reviews_per_day)
		*idx = earliest(s, false, now);
	if (*idx == SIZE_MAX && new_done < s->o.prefs.new_per_day)
		*idx = first_new(s);
	if (*idx == SIZE_MAX)
		*idx = earliest(s, true, now + STUDY_EARLY_SECONDS);
	return *idx != SIZE_MAX;
}

const struct item *study_current(struct study *s)
{
	if (s->has_cur)
		return &s->cur;
	size_t i;
	if (pick(s, &i) != 1)
		return NULL;
	struct entry *e = &s->v[i];
	if (!s->o.prefs.cram && refresh(s, e) != 0)
		return NULL;
	s->cur.q = e->q;
	s->cur.deck = e->deck;
	if (session_present(&s->cur, &s->rng, false) != 0) {
		fail(s, "out of memory");
		return NULL;
	}
	s->cur_entry = i;
	s->has_cur = true;
	s->t0 = s->o.clock();
	return &s->cur;
}

enum sched_state study_current_state(const struct study *s)
{
	return s->has_cur ? (enum sched_state)s->v[s->cur_entry].item.state : SCHED_NEW;
}

const char *study_hint(struct study *s)
{
	if (!s->has_cur || s->answered || !s->cur.q->hint)
		return NULL;
	s->cur.hinted = true;
	return s->cur.q->hint;
}

enum sched_grade study_propose(const struct item *it, enum rating rating)
{
	const struct verdict *v = &it->verdict;
	if (it->q->type == Q_CARD && it->state == ITEM_ANSWERED && rating != RATE_NONE)
		return (enum sched_grade)rating;  /* the same numbers, 1-4 */
	if (it->state == ITEM_SKIPPED || v->outcome == OUT_WRONG || v->outcome == OUT_SKIPPED)
		return SCHED_AGAIN;
	if (it->hinted || v->outcome == OUT_PARTIAL || v->typo)
		return SCHED_HARD;
	if (it->q->type != Q_CARD && it->seconds <= STUDY_QUICK_SECONDS)
		return SCHED_EASY;
	return SCHED_GOOD;
}

static const struct item *conclude(struct study *s, enum item_state state, enum rating rating,
                                   enum sched_grade *proposed)
{
	s->cur.seconds = s->o.clock() - s->t0;
	if (s->cur.seconds < 0)
		s->cur.seconds = 0;
	s->cur.state = state;
	s->answered = true;
	*proposed = study_propose(&s->cur, rating);
	return &s->cur;
}

const struct item *study_answer(struct study *s, const struct response *r,
                                enum sched_grade *proposed)
{
	if (!s->has_cur || s->answered)
		return NULL;
	answer_check(s->cur.q, r, &s->cur.verdict);
	free(s->cur.given);
	s->cur.given = answer_describe(s->cur.q, r);
	return conclude(s, ITEM_ANSWERED, r->rating, proposed);
}

const struct item *study_skip(struct study *s, enum sched_grade *proposed)
{
	if (!s->has_cur || s->answered)
		return NULL;
	memset(&s->cur.verdict, 0, sizeof s->cur.verdict);
	s->cur.verdict.outcome = OUT_SKIPPED;
	return conclude(s, ITEM_SKIPPED, RATE_NONE, proposed);
}

/* Makes room in the session's log of grades for one more. */
static int reserve(struct study *s)
{
	if (s->nlog < s->caplog)
		return 0;
	size_t cap = s->caplog ? 2 * s->caplog : 32;
	struct given *v = realloc(s->log, cap * sizeof *v);
	if (!v)
		return fail(s, "out of memory");
	s->log = v;
	s->caplog = cap;
	return 0;
}

/* Writes the review of the question in hand, graded g, with its progress
 * after it. */
static int record(struct study *s, enum sched_grade g, const struct sched_log *lg,
                  struct store_item *after)
{
	char *right = answer_format(s->cur.q);
	if (!right)
		return fail(s, "out of memory");
	store_content_hash(s->cur.q->prompt, right, after->content_hash);
	free(right);
	struct store_review r = {0};
	r.time = lg->review;
	r.grade = (int)g;
	r.answer = s->cur.given ? s->cur.given : "";
	r.seconds = s->cur.seconds;
	r.elapsed_days = lg->elapsed_days;
	if (store_record_review(s->st, &r, after) != 0)
		return fail(s, "%s", store_error(s->st));
	return 0;
}

int study_grade(struct study *s, enum sched_grade g, struct study_graded *out)
{
	if (!s->has_cur || !s->answered)
		return fail(s, "no answer waits for its grade");
	struct entry *e = &s->v[s->cur_entry];
	struct sched_card before, after;
	struct sched_log lg;
	int64_t now = study_now(s);
	to_card(&e->item, &before);
	uint64_t seed = fuzz_seed(e->deck->id, e->q->id, before.reps);
	if (sched_review(&s->o.prefs.sched, &before, g, now, seed, &after, &lg) != 0)
		return fail(s, "not a grade: %d", (int)g);
	struct store_item next = e->item;
	from_card(&after, &next);
	bool cram = s->o.prefs.cram;
	if (reserve(s) != 0 || (!cram && record(s, g, &lg, &next) != 0))
		return -1;
	s->log[s->nlog++] = (struct given){ s->cur_entry, g, e->item, now };
	if (cram)
		e->crammed = true;
	else
		e->item = next;
	*out = (struct study_graded){ .grade = g, .state = after.state, .due = after.due,
	                              .interval = after.scheduled_days > 0
	                                      ? (int64_t)after.scheduled_days * 86400
	                                      : after.due - now,
	                              .recorded = !cram };
	if (s->forced == s->cur_entry)
		s->forced = SIZE_MAX;
	drop_current(s);
	return 0;
}

int study_undo(struct study *s, struct study_undone *u)
{
	if (s->nlog == 0)
		return 0;
	struct given *g = &s->log[s->nlog - 1];
	struct entry *e = &s->v[g->entry];
	if (!s->o.prefs.cram) {
		struct store_undone su;
		int r = store_undo_last(s->st, g->time, &su);
		if (r < 0)
			return fail(s, "%s", store_error(s->st));
		if (r == 0)
			return fail(s, "the last grade is no longer in the progress database");
		store_undone_free(&su);
	}
	e->item = g->before;
	e->crammed = false;
	*u = (struct study_undone){ e->q, e->deck, g->grade };
	s->nlog--;
	drop_current(s);
	s->forced = g->entry;
	return 1;
}

int study_summary(struct study *s, struct study_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	for (size_t i = 0; i < s->nlog; i++) {
		sum->grades[s->log[i].grade]++;
		sum->graded++;
	}
	int64_t now = study_now(s);
	for (size_t i = 0; i < s->n; i++) {
		const struct store_item *it = &s->v[i].item;
		if (it->state == STORE_STATE_NEW)
			sum->new_left++;
		else if (it->due <= now)
			sum->due_now++;
		else if (!sum->next_due || it->due < sum->next_due)
			sum->next_due = it->due;
	}
	return 0;
}

const char *study_error(const struct study *s)
{
	return s->err;
}
