/* session — the quiz engine; see session.h. */
#include "session.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "outfile.h"
#include "qtype.h"

struct session {
	struct item *items;      /* the questions, in the order asked */
	size_t n;
	size_t pos;              /* index of the question in hand */
	bool answered;           /* the one in hand has its verdict, awaiting next */
	bool finished;           /* every question done, or the quiz ended early */
	bool in_order;           /* options keep the deck's order */
	uint64_t rng;            /* state of the shuffles */
	double (*clock)(void);
	bool started;            /* the clock started with the first question */
	double t_start, t_end;   /* of the whole quiz */
	double t_item;           /* when the question in hand was first shown */
	bool timing;             /* t_item is set */
	struct score score;
};

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* splitmix64: small, fast, and the same on every machine for a seed. */
static uint64_t rng_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

/* A uniform integer below n (n > 0), without modulo bias. */
static size_t rng_below(uint64_t *state, size_t n)
{
	uint64_t limit = UINT64_MAX - UINT64_MAX % n;
	uint64_t r;
	do
		r = rng_next(state);
	while (r >= limit);
	return (size_t)(r % n);
}

static void shuffle_indices(uint64_t *state, size_t *v, size_t n)
{
	for (size_t i = n; i > 1; i--) {
		size_t j = rng_below(state, i);
		size_t t = v[i - 1];
		v[i - 1] = v[j];
		v[j] = t;
	}
}

static bool is_identity(const size_t *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] != i)
			return false;
	return true;
}

/* Sets up the shown order of an item's options, as its type's row says
 * (qtype.h): none, shuffled when allowed, or always shuffled and never
 * left in the right order. */
int session_present(struct item *it, uint64_t *rng, bool in_order)
{
	const struct question *q = it->q;
	const struct qtype_row *row = qtype_get(q->type);
	free(it->shown);
	it->shown = NULL;
	it->nshown = 0;
	if (!row || row->shown == QTYPE_SHOWN_NONE)
		return 0;
	it->shown = malloc(q->nchoices * sizeof *it->shown);
	if (!it->shown)
		return -1;
	it->nshown = q->nchoices;
	for (size_t i = 0; i < q->nchoices; i++)
		it->shown[i] = i;
	bool must = row->shown == QTYPE_SHOWN_SCRAMBLED;
	if (must || (q->shuffle && !in_order)) {
		shuffle_indices(rng, it->shown, it->nshown);
		while (must && is_identity(it->shown, it->nshown))
			shuffle_indices(rng, it->shown, it->nshown);
	}
	return 0;
}

static bool keep(const struct question *q, const struct session_opts *o)
{
	if (o->types && !(o->types & (1u << q->type)))
		return false;
	if (o->ntags == 0)
		return true;
	for (size_t i = 0; i < o->ntags; i++)
		if (deck_has_tag(q, o->tags[i]))
			return true;
	return false;
}

static struct session *session_alloc(size_t n, uint64_t seed, bool in_order, double (*clock)(void))
{
	struct session *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->items = calloc(n ? n : 1, sizeof *s->items);
	if (!s->items) {
		free(s);
		return NULL;
	}
	s->rng = seed;
	s->in_order = in_order;
	s->clock = clock ? clock : monotonic;
	s->finished = n == 0;
	return s;
}

/* Gives every item its shown order; frees s when memory runs out. */
static struct session *present_all(struct session *s)
{
	for (size_t i = 0; i < s->n; i++) {
		if (session_present(&s->items[i], &s->rng, s->in_order) != 0) {
			session_free(s);
			return NULL;
		}
	}
	return s;
}

struct session *session_new(struct deck *const *decks, size_t ndecks, const struct session_opts *o)
{
	size_t total = 0;
	for (size_t d = 0; d < ndecks; d++)
		total += decks[d]->nquestions;
	struct session *s = session_alloc(total, o->seed, o->in_order, o->clock);
	if (!s)
		return NULL;
	for (size_t d = 0; d < ndecks; d++) {
		for (size_t i = 0; i < decks[d]->nquestions; i++) {
			const struct question *q = &decks[d]->questions[i];
			if (keep(q, o)) {
				s->items[s->n].q = q;
				s->items[s->n].deck = decks[d];
				s->n++;
			}
		}
	}
	if (!o->in_order) {
		for (size_t i = s->n; i > 1; i--) {
			size_t j = rng_below(&s->rng, i);
			struct item t = s->items[i - 1];
			s->items[i - 1] = s->items[j];
			s->items[j] = t;
		}
	}
	if (o->limit && s->n > o->limit)
		s->n = o->limit;
	s->finished = s->n == 0;
	return present_all(s);
}

/* Not fully right: wrong, partly right or skipped (not: unreached). */
static bool missed(const struct item *it)
{
	return it->state == ITEM_SKIPPED ||
	       (it->state == ITEM_ANSWERED && it->verdict.outcome != OUT_CORRECT);
}

/* Asked again by a retry: missed, or never asked. */
static bool to_retry(const struct item *it)
{
	return missed(it) || it->state == ITEM_UNREACHED || it->state == ITEM_PENDING;
}

struct session *session_retry(const struct session *old)
{
	size_t n = 0;
	for (size_t i = 0; i < old->n; i++) {
		if (to_retry(&old->items[i]))
			n++;
	}
	uint64_t seed = old->rng;
	struct session *s = session_alloc(n, rng_next(&seed), old->in_order, old->clock);
	if (!s)
		return NULL;
	for (size_t i = 0; i < old->n; i++) {
		const struct item *it = &old->items[i];
		if (to_retry(it)) {
			s->items[s->n].q = it->q;
			s->items[s->n].deck = it->deck;
			s->n++;
		}
	}
	return present_all(s);
}

void session_free(struct session *s)
{
	if (!s)
		return;
	for (size_t i = 0; i < s->n; i++) {
		free(s->items[i].shown);
		free(s->items[i].given);
	}
	free(s->items);
	free(s);
}

size_t session_count(const struct session *s)
{
	return s->n;
}

size_t session_position(const struct session *s)
{
	return s->pos;
}

const struct item *session_item(const struct session *s, size_t i)
{
	return i < s->n ? &s->items[i] : NULL;
}

static struct item *in_hand(struct session *s)
{
	if (s->finished || s->answered || s->pos >= s->n)
		return NULL;
	double now = s->clock();
	if (!s->started) {
		s->started = true;
		s->t_start = now;
	}
	if (!s->timing) {
		s->timing = true;
		s->t_item = now;
	}
	return &s->items[s->pos];
}

const struct item *session_current(const struct session *s)
{
	/* Starting the clocks is bookkeeping, not a change a caller can see. */
	return in_hand((struct session *)s);
}

const char *session_hint(struct session *s)
{
	struct item *it = in_hand(s);
	if (!it || !it->q->hint)
		return NULL;
	it->hinted = true;
	return it->q->hint;
}

/* Records the verdict of the item in hand and scores it. */
static const struct item *conclude(struct session *s, struct item *it, enum item_state state)
{
	double now = s->clock();
	it->seconds = now - s->t_item;
	s->timing = false;
	it->state = state;
	it->earned = score_apply(&s->score, it->q->points, &it->verdict, it->hinted);
	s->answered = true;
	return it;
}

const struct item *session_answer(struct session *s, const struct response *r)
{
	struct item *it = in_hand(s);
	if (!it)
		return NULL;
	answer_check(it->q, r, &it->verdict);
	free(it->given);
	it->given = answer_describe(it->q, r);
	return conclude(s, it, ITEM_ANSWERED);
}

const struct item *session_skip(struct session *s)
{
	struct item *it = in_hand(s);
	if (!it)
		return NULL;
	memset(&it->verdict, 0, sizeof it->verdict);
	it->verdict.outcome = OUT_SKIPPED;
	return conclude(s, it, ITEM_SKIPPED);
}

void session_next(struct session *s)
{
	if (s->finished || !s->answered)
		return;
	s->answered = false;
	s->pos++;
	if (s->pos >= s->n) {
		s->finished = true;
		s->t_end = s->clock();
	}
}

void session_finish(struct session *s)
{
	if (s->finished)
		return;
	for (size_t i = s->answered ? s->pos + 1 : s->pos; i < s->n; i++)
		s->items[i].state = ITEM_UNREACHED;
	s->finished = true;
	s->t_end = s->clock();
}

bool session_done(const struct session *s)
{
	return s->finished;
}

const struct score *session_score(const struct session *s)
{
	return &s->score;
}

/* ---- summary ---------------------------------------------------------- */

static struct tag_stat *tag_slot(struct summary *sum, size_t *cap, const char *tag)
{
	for (size_t i = 0; i < sum->ntags; i++)
		if (strcmp(sum->tags[i].tag, tag) == 0)
			return &sum->tags[i];
	if (sum->ntags == *cap) {
		size_t ncap = *cap ? *cap * 2 : 8;
		struct tag_stat *v = realloc(sum->tags, ncap * sizeof *v);
		if (!v)
			return NULL;
		sum->tags = v;
		*cap = ncap;
	}
	struct tag_stat *t = &sum->tags[sum->ntags++];
	memset(t, 0, sizeof *t);
	t->tag = tag;
	return t;
}

/* The points a question is worth without streak bonuses: halved by the
 * hint. */
static double grade_base(const struct item *it)
{
	return it->hinted ? it->q->points * SCORE_HINT_FACTOR : it->q->points;
}

static bool asked(const struct item *it)
{
	return it->state == ITEM_ANSWERED || it->state == ITEM_SKIPPED;
}

static void tally(struct tag_stat *t, const struct item *it)
{
	t->held++;
	t->max += it->q->points;
	if (!asked(it)) {
		t->unreached++;
		return;
	}
	t->asked++;
	switch (it->verdict.outcome) {
	case OUT_CORRECT: t->correct++; break;
	case OUT_PARTIAL: t->partial++; break;
	case OUT_WRONG: t->wrong++; break;
	case OUT_SKIPPED: t->skipped++; break;
	}
	t->earned += grade_base(it) * it->verdict.fraction;
}

/* 100 * part / whole, 0 when whole is 0. */
static double percent_of(double part, double whole)
{
	return whole > 0 ? 100.0 * part / whole : 0.0;
}

static int by_tag(const void *a, const void *b)
{
	return strcmp(((const struct tag_stat *)a)->tag, ((const struct tag_stat *)b)->tag);
}

/* Adds it to the tallies of its tags ("(untagged)" when it has none);
 * -1 when memory runs out. */
static int tally_tags(struct summary *sum, size_t *cap, const struct item *it)
{
	if (it->q->ntags == 0) {
		struct tag_stat *t = tag_slot(sum, cap, "(untagged)");
		if (!t)
			return -1;
		tally(t, it);
	}
	for (size_t k = 0; k < it->q->ntags; k++) {
		struct tag_stat *t = tag_slot(sum, cap, it->q->tags[k]);
		if (!t)
			return -1;
		tally(t, it);
	}
	return 0;
}

int session_summarize(const struct session *s, struct summary *sum)
{
	memset(sum, 0, sizeof *sum);
	sum->score = s->score.total;
	sum->best_streak = s->score.best_streak;
	sum->questions = s->n;
	if (s->started)
		sum->seconds = (s->finished ? s->t_end : s->clock()) - s->t_start;
	sum->missed = malloc((s->n ? s->n : 1) * sizeof *sum->missed);
	if (!sum->missed)
		return -1;
	size_t cap = 0;
	for (size_t i = 0; i < s->n; i++) {
		const struct item *it = &s->items[i];
		/* every question held counts towards what could be earned */
		sum->grade_max += it->q->points;
		sum->max += it->q->points * score_streak_factor((unsigned)(i + 1));
		if (tally_tags(sum, &cap, it) != 0)
			goto oom;
		if (!asked(it)) {
			if (it->state == ITEM_UNREACHED || s->finished)
				sum->unreached++;
			continue;
		}
		sum->asked++;
		sum->grade_points += grade_base(it) * it->verdict.fraction;
		switch (it->verdict.outcome) {
		case OUT_CORRECT: sum->correct++; break;
		case OUT_PARTIAL: sum->partial++; break;
		case OUT_WRONG: sum->wrong++; break;
		case OUT_SKIPPED: sum->skipped++; break;
		}
		if (missed(it))
			sum->missed[sum->nmissed++] = it;
	}
	sum->grade = percent_of(sum->grade_points, sum->grade_max);
	sum->percent = sum->grade;
	sum->nretry = sum->nmissed + sum->unreached;
	for (size_t i = 0; i < sum->ntags; i++)
		sum->tags[i].grade = percent_of(sum->tags[i].earned, sum->tags[i].max);
	if (sum->ntags)
		qsort(sum->tags, sum->ntags, sizeof *sum->tags, by_tag);
	return 0;
oom:
	session_summary_free(sum);
	return -1;
}

void session_summary_free(struct summary *sum)
{
	free(sum->tags);
	free(sum->missed);
	sum->tags = NULL;
	sum->missed = NULL;
	sum->ntags = sum->nmissed = 0;
}

/* ---- the summary as JSON ------------------------------------------- */

static const char *outcome_name(const struct item *it)
{
	switch (it->state) {
	case ITEM_PENDING: return "pending";
	case ITEM_UNREACHED: return "unreached";
	case ITEM_SKIPPED: return "skipped";
	case ITEM_ANSWERED: break;
	}
	switch (it->verdict.outcome) {
	case OUT_CORRECT: return "correct";
	case OUT_PARTIAL: return "partial";
	case OUT_WRONG: return "wrong";
	case OUT_SKIPPED: return "skipped";
	}
	return "?";
}

/* Rounds to 2 decimals, for figures people read. */
static double r2(double x)
{
	return (double)(long long)(x * 100.0 + (x < 0 ? -0.5 : 0.5)) / 100.0;
}

/* cJSON_Add...ToObject give NULL when memory runs out: *ok remembers. */
static void put_num(bool *ok, cJSON *o, const char *key, double v)
{
	*ok = *ok && cJSON_AddNumberToObject(o, key, v);
}

static void put_str(bool *ok, cJSON *o, const char *key, const char *v)
{
	*ok = *ok && cJSON_AddStringToObject(o, key, v);
}

static void put_bool(bool *ok, cJSON *o, const char *key, bool v)
{
	*ok = *ok && cJSON_AddBoolToObject(o, key, v);
}

static cJSON *summary_json(const struct session *s, const struct summary *sum)
{
	cJSON *root = cJSON_CreateObject();
	if (!root)
		return NULL;
	bool ok = true;
	put_str(&ok, root, "format", "recall-summary/1");
	put_num(&ok, root, "grade", r2(sum->grade));
	put_num(&ok, root, "grade_points", r2(sum->grade_points));
	put_num(&ok, root, "grade_max", r2(sum->grade_max));
	put_num(&ok, root, "score", r2(sum->score));
	put_num(&ok, root, "max", r2(sum->max));
	put_num(&ok, root, "percent", r2(sum->grade));  /* = grade, for older readers */
	put_num(&ok, root, "questions", (double)s->n);
	put_num(&ok, root, "asked", (double)sum->asked);
	put_num(&ok, root, "correct", (double)sum->correct);
	put_num(&ok, root, "partial", (double)sum->partial);
	put_num(&ok, root, "wrong", (double)sum->wrong);
	put_num(&ok, root, "skipped", (double)sum->skipped);
	put_num(&ok, root, "unreached", (double)sum->unreached);
	put_num(&ok, root, "best_streak", sum->best_streak);
	put_num(&ok, root, "seconds", r2(sum->seconds));
	cJSON *tags = cJSON_AddArrayToObject(root, "tags");
	ok = ok && tags;
	for (size_t i = 0; ok && i < sum->ntags; i++) {
		const struct tag_stat *t = &sum->tags[i];
		cJSON *o = cJSON_CreateObject();
		if (!o || !cJSON_AddItemToArray(tags, o)) {
			cJSON_Delete(o);
			ok = false;
			break;
		}
		put_str(&ok, o, "tag", t->tag);
		put_num(&ok, o, "asked", (double)t->asked);
		put_num(&ok, o, "correct", (double)t->correct);
		put_num(&ok, o, "partial", (double)t->partial);
		put_num(&ok, o, "wrong", (double)t->wrong);
		put_num(&ok, o, "skipped", (double)t->skipped);
		put_num(&ok, o, "unreached", (double)t->unreached);
		put_num(&ok, o, "grade", r2(t->grade));
		put_num(&ok, o, "grade_points", r2(t->earned));
		put_num(&ok, o, "grade_max", r2(t->max));
		put_num(&ok, o, "percent", r2(t->grade));  /* = grade */
	}
	cJSON *qs = cJSON_AddArrayToObject(root, "items");
	ok = ok && qs;
	for (size_t i = 0; ok && i < s->n; i++) {
		const struct item *it = &s->items[i];
		cJSON *o = cJSON_CreateObject();
		if (!o || !cJSON_AddItemToArray(qs, o)) {
			cJSON_Delete(o);
			ok = false;
			break;
		}
		put_str(&ok, o, "deck", it->deck->id);
		put_str(&ok, o, "id", it->q->id);
		put_str(&ok, o, "type", deck_type_name(it->q->type));
		put_str(&ok, o, "outcome", outcome_name(it));
		if (it->state == ITEM_ANSWERED || it->state == ITEM_SKIPPED) {
			put_num(&ok, o, "credit", r2(it->verdict.fraction));
			put_num(&ok, o, "points", r2(it->earned));
			put_bool(&ok, o, "hint", it->hinted);
			if (it->verdict.typo)
				put_bool(&ok, o, "typo", true);
			if (it->given)
				put_str(&ok, o, "given", it->given);
			put_num(&ok, o, "seconds", r2(it->seconds));
		}
		char *right = answer_format(it->q);
		if (right)
			put_str(&ok, o, "answer", right);
		else
			ok = false;
		free(right);
	}
	if (!ok) {  /* a report with a hole in it is no report */
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

int session_write_json(const struct session *s, const char *path, char *err, size_t errsize)
{
	struct summary sum;
	if (session_summarize(s, &sum) != 0) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	cJSON *root = summary_json(s, &sum);
	session_summary_free(&sum);
	char *text = root ? cJSON_Print(root) : NULL;
	cJSON_Delete(root);
	if (!text) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	/* Whole or not at all, and only where outfile_check agreed. */
	size_t len = strlen(text);
	char *line = realloc(text, len + 2);
	if (!line) {
		snprintf(err, errsize, "out of memory");
		free(text);
		return -1;
	}
	memcpy(line + len, "\n", 2);
	int rc = outfile_replace(path, line, len + 1, err, errsize);
	free(line);
	return rc;
}
