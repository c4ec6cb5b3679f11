/* study — a spaced-repetition study session; see study.h. */
#include "study.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* What a session knows of a question's progress.  It reads the store's
 * rows in full only for the questions due soon (the queue's); of the
 * others it learns, when first needed, only which have a row. */
enum known {
	UNSURE,   /* not read yet, nor whether the store has a row (new or later) */
	LATER,    /* the store has a row, due after the horizon: not read yet */
	READ,     /* item is its progress (new when the store has no row) */
};

/* One question of the decks and its progress. */
struct entry {
	const struct question *q;
	const struct deck *deck;
	struct store_item item;  /* its progress when READ (deck and question point
	                            into the deck); else all zeros */
	enum known known;
	bool crammed;            /* cram: asked and graded already */
};

/* The entries of one deck by question id, to find the entry of a row the
 * store hands out: an open-addressing hash table (building it costs a
 * hash per question, where sorting them cost a dozen comparisons each). */
struct deck_ix {
	const char *id;          /* the deck's id */
	struct entry *v;         /* the deck's entries (into s->v) */
	size_t *slot;            /* owned: index in v + 1, or 0 for an empty slot */
	size_t mask;             /* slots - 1: a power of two, at least twice the entries */
};

/* How far past the early limit a session reads ahead, so that with the
 * clock running it reads again once an hour, not at every question. */
#define READ_AHEAD_SECONDS 3600

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
	struct deck_ix *ix;      /* one per deck, in the order given */
	size_t nix;
	int64_t horizon;         /* every row due at or before it has been read */
	bool listed;             /* no entry is UNSURE (list_stored ran) */
	bool later_known;        /* later_due is up to date */
	int64_t later_due;       /* the earliest due date of a LATER entry; 0: none */
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
	if (s->o.date)
		return s->o.date();
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

/* Reads the progress of entry e from the store (before it is asked: another
 * program may have studied it meanwhile). */
static int refresh(struct study *s, struct entry *e)
{
	if (store_get_item(s->st, e->deck->id, e->q->id, &e->item) < 0)
		return fail(s, "%s", store_error(s->st));
	if (e->known == LATER)
		s->later_known = false;
	e->known = READ;
	return 0;
}

/* FNV-1a 64 over a question id. */
static uint64_t hash_id(const char *id)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (const unsigned char *c = (const unsigned char *)id; *c; c++)
		h = (h ^ *c) * 0x100000001b3u;
	return h;
}

/* The entry of question id in deck x; NULL when the deck has no such
 * question (it was removed: it keeps its history). */
static struct entry *find(const struct deck_ix *x, const char *id)
{
	for (size_t h = (size_t)hash_id(id) & x->mask; x->slot[h]; h = (h + 1) & x->mask)
		if (strcmp(x->v[x->slot[h] - 1].q->id, id) == 0)
			return &x->v[x->slot[h] - 1];
	return NULL;
}

/* A row read in full: an entry not read yet takes it (one read already
 * keeps what this session knows of it). */
static int take_item(void *ctx, const struct store_item *it)
{
	struct entry *e = find(ctx, it->question);
	if (e && e->known != READ) {
		e->item = *it;
		e->item.deck = e->deck->id;  /* the deck's strings outlive the row */
		e->item.question = e->q->id;
		e->known = READ;
	}
	return 0;
}

/* Reads the rows of every deck due after s->horizon and at or before to,
 * and moves the horizon there. */
static int read_due(struct study *s, int64_t to)
{
	for (size_t d = 0; d < s->nix; d++)
		if (store_each_deck_due(s->st, s->ix[d].id, s->horizon, to, take_item, &s->ix[d]) < 0)
			return fail(s, "%s", store_error(s->st));
	s->horizon = to;
	s->later_known = false;
	return 0;
}

/* Makes sure every question that the queue may ask at now has its
 * progress read: those due by now + STUDY_EARLY_SECONDS. */
static int catch_up(struct study *s, int64_t now)
{
	if (now + STUDY_EARLY_SECONDS <= s->horizon)
		return 0;
	return read_due(s, now + STUDY_EARLY_SECONDS + READ_AHEAD_SECONDS);
}

/* A question the store has a row for. */
static int mark_stored(void *ctx, const char *question)
{
	struct entry *e = find(ctx, question);
	if (e && e->known == UNSURE)
		e->known = LATER;
	return 0;
}

/* Settles every UNSURE entry: LATER when the store has a row for it (the
 * index on deck and question alone tells), else READ as new.  Needed for
 * new questions and for the summary, not for the questions due. */
static int list_stored(struct study *s)
{
	if (s->listed)
		return 0;
	for (size_t d = 0; d < s->nix; d++)
		if (store_each_deck_question(s->st, s->ix[d].id, mark_stored, &s->ix[d]) < 0)
			return fail(s, "%s", store_error(s->st));
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].known == UNSURE)
			s->v[i].known = READ;  /* no row: new, as item says */
	s->listed = true;
	s->later_known = false;
	return 0;
}

/* Indexes the entries of deck d, v[0..n), by question id into s->ix[d]
 * (a deck's ids are unique: its loader says so). */
static int index_deck(struct study *s, size_t d, struct entry *v, size_t n)
{
	struct deck_ix *x = &s->ix[d];
	size_t cap = 16;
	while (cap < 2 * n)
		cap *= 2;
	x->id = n ? v[0].deck->id : "";
	x->v = v;
	x->mask = cap - 1;
	x->slot = calloc(cap, sizeof *x->slot);
	if (!x->slot)
		return fail(s, "out of memory");
	for (size_t i = 0; i < n; i++) {
		size_t h = (size_t)hash_id(v[i].q->id) & x->mask;
		while (x->slot[h])
			h = (h + 1) & x->mask;
		x->slot[h] = i + 1;
	}
	return 0;
}

int study_open(struct deck *const *decks, size_t ndecks, struct store *st,
               const struct study_opts *o, struct study **out, char *err, size_t errsize)
{
	*out = NULL;
	struct study *s = calloc(1, sizeof *s);
	size_t total = 0;
	for (size_t d = 0; d < ndecks; d++)
		total += decks[d]->nquestions;
	if (s) {
		s->v = calloc(total ? total : 1, sizeof *s->v);
		s->ix = calloc(ndecks ? ndecks : 1, sizeof *s->ix);
	}
	if (!s || !s->v || !s->ix) {
		if (s)
			free(s->v);
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
	int rc = 0;
	for (size_t d = 0; d < ndecks && rc == 0; d++) {
		struct entry *first = &s->v[s->n];
		for (size_t i = 0; i < decks[d]->nquestions; i++) {
			struct entry *e = &s->v[s->n++];
			e->q = &decks[d]->questions[i];
			e->deck = decks[d];
			e->item.deck = e->deck->id;
			e->item.question = e->q->id;
		}
		rc = index_deck(s, s->nix++, first, decks[d]->nquestions);
	}
	if (rc == 0) {  /* the rows of the questions due soon; the rest when needed */
		s->horizon = INT64_MIN;
		rc = catch_up(s, study_now(s));
	}
	if (rc != 0) {
		snprintf(err, errsize, "%s", s->err);
		study_free(s);
		return -1;
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
	for (size_t d = 0; d < s->nix; d++)
		free(s->ix[d].slot);
	free(s->ix);
	free(s->v);
	free(s);
}

static bool learning(const struct entry *e)
{
	return e->item.state == STORE_STATE_LEARNING || e->item.state == STORE_STATE_RELEARNING;
}

/* The entry of the given kind due at or before by, earliest first; SIZE_MAX
 * when none.  kind: learning (true) or review (false).  Every entry due by
 * then has been read (catch_up); one not READ has no state but new. */
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

/* The first new question in deck order; SIZE_MAX when none, or on error
 * (s->err says so). */
static size_t first_new(struct study *s)
{
	if (list_stored(s) != 0)
		return SIZE_MAX;
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i].known == READ && s->v[i].item.state == STORE_STATE_NEW)
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
	if (catch_up(s, now) != 0)
		return -1;
	*idx = earliest(s, true, now);
	if (*idx != SIZE_MAX)
		return 1;
	unsigned new_done, reviews_done;
	if (store_count_today(s->st, day_start(now, s->o.prefs.sched.day_starts), &new_done,
	                      &reviews_done) != 0)
		return fail(s, "%s", store_error(s->st));
	if (reviews_done < s->o.prefs.reviews_per_day)
		*idx = earliest(s, false, now);
	if (*idx == SIZE_MAX && new_done < s->o.prefs.new_per_day) {
		*idx = first_new(s);
		if (!s->listed)
			return -1;
	}
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
	if (refresh(s, e) != 0)
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

/* The question in hand graded g at now, as the scheduler has it: the card
 * after, and the log; 0, or -1 when g is no grade. */
static int schedule(const struct study *s, enum sched_grade g, int64_t now,
                    struct sched_card *after, struct sched_log *lg)
{
	const struct entry *e = &s->v[s->cur_entry];
	struct sched_card before;
	to_card(&e->item, &before);
	uint64_t seed = fuzz_seed(e->deck->id, e->q->id, before.reps);
	return sched_review(&s->o.prefs.sched, &before, g, now, seed, after, lg);
}

/* The time until the card after is due, as sched_format_interval wants it:
 * whole days for an interval of days (due - now is 23 hours across the
 * start of summer time), the seconds of a step. */
static int64_t interval_of(const struct sched_card *after, int64_t now)
{
	return after->scheduled_days > 0 ? (int64_t)after->scheduled_days * 86400 : after->due - now;
}

int study_preview(const struct study *s, int64_t seconds[5])
{
	if (!s->has_cur || s->o.prefs.cram)
		return 0;
	int64_t now = study_now(s);
	seconds[0] = 0;
	for (int g = SCHED_AGAIN; g <= SCHED_EASY; g++) {
		struct sched_card after;
		struct sched_log lg;
		if (schedule(s, (enum sched_grade)g, now, &after, &lg) != 0)
			return 0;
		seconds[g] = interval_of(&after, now);
	}
	return 1;
}

int study_grade(struct study *s, enum sched_grade g, struct study_graded *out)
{
	if (!s->has_cur || !s->answered)
		return fail(s, "no answer waits for its grade");
	struct entry *e = &s->v[s->cur_entry];
	struct sched_card after;
	struct sched_log lg;
	int64_t now = study_now(s);
	if (schedule(s, g, now, &after, &lg) != 0)
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
	                              .interval = interval_of(&after, now), .recorded = !cram };
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

/* What later_first looks for in one deck: the due date of its first later
 * entry (0 until found). */
struct later_ctx {
	const struct deck_ix *x;
	int64_t due;
};

/* The row of a later entry that comes first. */
static int first_later(void *ctx, const struct store_item *it)
{
	struct later_ctx *c = ctx;
	const struct entry *e = find(c->x, it->question);
	if (!e || e->known != LATER)
		return 0;  /* a question removed from the deck, or read already */
	c->due = it->due;
	return 1;
}

/* Sets s->later_due: the earliest due date of the later entries, each
 * deck's found by reading its rows due after the horizon in order until
 * one belongs to a later entry (most often the first). */
static int later_first(struct study *s)
{
	if (s->later_known)
		return 0;
	s->later_due = 0;
	for (size_t d = 0; d < s->nix; d++) {
		struct later_ctx c = { &s->ix[d], 0 };
		if (store_each_deck_due(s->st, s->ix[d].id, s->horizon, INT64_MAX, first_later, &c) < 0)
			return fail(s, "%s", store_error(s->st));
		if (c.due && (!s->later_due || c.due < s->later_due))
			s->later_due = c.due;
	}
	s->later_known = true;
	return 0;
}

int study_summary(struct study *s, struct study_summary *sum)
{
	memset(sum, 0, sizeof *sum);
	for (size_t i = 0; i < s->nlog; i++) {
		sum->grades[s->log[i].grade]++;
		sum->graded++;
	}
	int64_t now = study_now(s);
	int rc = catch_up(s, now) == 0 && list_stored(s) == 0 && later_first(s) == 0 ? 0 : -1;
	for (size_t i = 0; i < s->n; i++) {
		const struct store_item *it = &s->v[i].item;
		if (s->v[i].known != READ)
			continue;  /* studied, and due after the horizon: counted below */
		if (it->state == STORE_STATE_NEW)
			sum->new_left++;
		else if (it->due <= now)
			sum->due_now++;
		else if (!sum->next_due || it->due < sum->next_due)
			sum->next_due = it->due;
	}
	if (rc == 0 && s->later_due && (!sum->next_due || s->later_due < sum->next_due))
		sum->next_due = s->later_due;
	return rc;
}

const char *study_error(const struct study *s)
{
	return s->err;
}
