/* live_host — the teacher's side of a live drill, driven by ticks; see
 * live_host.h.  Taking up a drill begun before is live_host_resume.c. */
#include "live_host_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer_line.h"

int live_host_fail(struct live_host *h, const char *msg)
{
	if (!h->failed)
		snprintf(h->err, sizeof h->err, "%s", msg ? msg : results_error(h->r));
	h->failed = true;
	return LIVE_HOST_ERROR;
}

struct live_host *live_host_new(struct drill *d, struct results *r, const struct live_host_opts *o)
{
	struct live_host *h = calloc(1, sizeof *h);
	if (!h)
		return NULL;
	h->d = d;
	h->r = r;
	h->now = o && o->now ? o->now : results_live_now;
	h->id = drill_id(d);
	h->cls.rules = *drill_rules(d);
	h->v = calloc(LIVE_MAX_STUDENTS, sizeof *h->v);
	h->board = calloc(LIVE_MAX_STUDENTS, sizeof *h->board);
	h->scratch = calloc(LIVE_MAX_STUDENTS, sizeof *h->scratch);
	if (!h->v || !h->board || !h->scratch) {
		live_host_free(h);
		return NULL;
	}
	h->last.answer = "";
	return h;
}

void live_host_free(struct live_host *h)
{
	if (!h)
		return;
	live_class_free(&h->cls);
	for (size_t i = 0; i < h->nrec; i++)
		free(h->rec[i].student);
	free(h->rec);
	free(h->payload);
	free(h->answer);
	free(h->v);
	free(h->board);
	free(h->scratch);
	free(h);
}

/* ---- the store ---------------------------------------------------------- */

/* Posts an event, tried again while the store is away. */
static int post(struct live_host *h, const char *kind, int index, double closes, const char *payload)
{
	if (!payload)
		return live_host_fail(h, "out of memory");
	struct results_live_event e = { .drill = h->id, .klass = drill_class(h->d), .kind = kind,
	                                .index = index, .closes = closes, .payload = payload };
	double since = 0;
	int rc;
	while (live_retry(rc = results_live_post(h->r, &e), &since))
		;
	return rc < 0 ? live_host_fail(h, NULL) : LIVE_HOST_OK;
}

static int add_joined(void *ctx, const char *name)
{
	struct live_host *h = ctx;
	return live_class_find(&h->cls, name) < 0 ? 1 : 0;  /* full: the rest are not kept */
}

int live_host_read_joined(struct live_host *h)
{
	double since = 0;
	int rc;
	while (live_retry(rc = results_live_each_joined(h->r, h->id, add_joined, h), &since))
		;
	return rc < 0 ? live_host_fail(h, NULL) : 0;
}

/* A poll's result rc: true when it answered; the store's being away
 * noted (and given up on past LIVE_RETRY_S) in *ch. */
static bool polled(struct live_host *h, int rc, unsigned *ch)
{
	if (rc >= 0) {
		if (h->away_since > 0) {
			h->away_since = 0;
			*ch |= LIVE_HOST_AWAY;
		}
		return true;
	}
	double t = live_clock();
	if (h->away_since <= 0) {
		h->away_since = t;
		*ch |= LIVE_HOST_AWAY;
	} else if (t - h->away_since > LIVE_RETRY_S) {
		live_host_fail(h, NULL);
		*ch |= LIVE_HOST_FAILED;
	}
	return false;
}

static int count_one(void *ctx, const struct results_live_answer *a)
{
	(void)a;
	++*(size_t *)ctx;
	return 0;
}

/* Records one judged answer, tried again while the store is away.  An
 * answer recorded already (RESULTS_ALREADY) is no error. */
static int record(struct live_host *h, const struct item *it, const char *student, const char *given,
                  const struct live_verdict *lv, double credit, double seconds, double time)
{
	struct results_answer ra = {
		.drill = h->id, .student = student, .index = (unsigned)h->index, .deck = it->deck->id,
		.question = it->q->id, .given = given, .outcome = lv->outcome, .credit = credit,
		.points = lv->points, .seconds = seconds, .time = (int64_t)time,
	};
	double since = 0;
	int rc;
	while (live_retry(rc = results_record(h->r, &ra), &since))
		;
	return rc < 0 ? live_host_fail(h, NULL) : 0;
}

/* ---- judging ------------------------------------------------------------ */

/* The answers to a question as typed, read whole before any is judged (a
 * read tried again starts over). */
struct given {
	char *student, *given;
	double time;
};

struct givens {
	struct given *v;
	size_t n, cap;
	bool oom;
};

static void givens_clear(struct givens *g)
{
	for (size_t i = 0; i < g->n; i++) {
		free(g->v[i].student);
		free(g->v[i].given);
	}
	g->n = 0;
	g->oom = false;
}

static int keep_given(void *ctx, const struct results_live_answer *a)
{
	struct givens *g = ctx;
	if (g->n == g->cap) {
		size_t cap = g->cap ? 2 * g->cap : 32;
		struct given *v = realloc(g->v, cap * sizeof *v);
		if (!v)
			return g->oom = true, 1;
		g->v = v, g->cap = cap;
	}
	struct given *x = &g->v[g->n];
	x->student = strdup(a->student);
	x->given = strdup(a->given);
	x->time = a->time;
	if (!x->student || !x->given) {
		free(x->student);
		free(x->given);
		return g->oom = true, 1;
	}
	g->n++;
	return 0;
}

/* The answer of student to the question at h->index recorded before this
 * run; NULL when none. */
static const struct live_host_rec *rec_of(const struct live_host *h, const char *student)
{
	for (size_t i = 0; i < h->nrec; i++)
		if (h->rec[i].index == h->index && !strcmp(h->rec[i].student, student))
			return &h->rec[i];
	return NULL;
}

int live_host_replay(struct live_host *h, const char *student, const struct live_host_rec *rec,
                     double qpoints, struct live_verdict *out)
{
	int i = live_class_find(&h->cls, student);
	if (i < 0)
		return -1;
	struct verdict v = { .outcome = (enum outcome)rec->outcome, .fraction = rec->credit };
	const struct verdict *vp = rec->outcome == RESULTS_TIMED_OUT ? NULL : &v;
	struct drill_tally *t = &h->cls.tally[i];
	double before = t->score;
	memset(out, 0, sizeof *out);
	out->student = h->cls.names[i];
	out->answered = vp != NULL;
	out->outcome = rec->outcome;
	drill_score_answer(&h->cls.rules, t, qpoints, vp, rec->seconds, &out->bonus);
	t->score = before + rec->points;
	out->points = rec->points;
	return 0;
}

/* How the class answered: the options an answer names. */
static void count_share(struct live_host *h, const struct item *it, const struct response *resp)
{
	struct live_host_close *c = &h->last;
	switch (it->q->type) {
	case Q_CHOICE:
		for (size_t k = 0; k < it->nshown && k < DECK_MAX_CHOICES; k++)
			c->share[k] += it->shown[k] == resp->choice;
		break;
	case Q_MULTI:
		for (size_t k = 0; k < it->nshown && k < DECK_MAX_CHOICES; k++)
			c->share[k] += (unsigned)((resp->selected >> it->shown[k]) & 1u);
		break;
	case Q_TRUEFALSE:
		if (resp->truth)
			c->ntrue++;
		else
			c->nfalse++;
		break;
	default:
		break;
	}
}

/* Judges one answer as typed (g) into h->v[*nv]: parsed as recall quiz
 * --plain reads a line (a line it cannot read is wrong, "" and :skip
 * skipped), checked, scored for the seconds since the open (an answer
 * past the time limit times out), recorded.  stood: when the clock stood
 * still (paused; 0: it did not).  post false: only what was recorded
 * before is counted. */
static int judge_one(struct live_host *h, const struct item *it, const struct given *g, double stood,
                     bool post, size_t *nv)
{
	double limit = drill_rules(h->d)->time_limit;
	double points = it->q->points > 0 ? it->q->points : 0;
	double t = stood > 0 && g->time > stood ? stood : g->time;
	double seconds = t - h->opened > 0 ? t - h->opened : 0;
	struct verdict v = { .outcome = OUT_WRONG };
	struct response resp;
	size_t scratch[DECK_MAX_CHOICES];
	const char *why = "";
	if (!*g->given || !strcmp(g->given, ":skip")) {
		v.outcome = OUT_SKIPPED;
	} else if (answer_line_parse(it, g->given, &resp, scratch, &why)) {
		answer_check(it->q, &resp, &v);
		count_share(h, it, &resp);
	}
	bool late = limit > 0 && seconds > limit;
	if (late)
		seconds = limit;
	struct live_verdict *lv = &h->v[*nv];
	const struct live_host_rec *rec = rec_of(h, g->student);
	if (rec) {
		if (live_host_replay(h, g->student, rec, points, lv) == 0)
			++*nv;
		return 0;
	}
	if (!post)
		return 0;
	if (live_host_score(&h->cls, g->student, late ? NULL : &v, points, seconds, lv) != 0)
		return 0;  /* past the most students kept */
	if (record(h, it, g->student, g->given, lv, late ? 0 : v.fraction, seconds, g->time) != 0)
		return -1;
	++*nv;
	return 0;
}

/* Judges the answers to the question at h->index into h->v and h->last:
 * each answer given, then whoever joined and gave nothing (timed out). */
static int judge(struct live_host *h, const struct item *it, double stood, bool post)
{
	struct givens g = { 0 };
	double since = 0;
	int rc;
	while (live_retry(rc = results_live_each_answer(h->r, h->id, (int)h->index, keep_given, &g),
	                  &since))
		givens_clear(&g);
	if (g.oom || rc < 0) {
		givens_clear(&g);
		free(g.v);
		return live_host_fail(h, g.oom ? "out of memory" : NULL);
	}
	size_t nv = 0;
	for (size_t i = 0; i < g.n && nv < LIVE_MAX_STUDENTS; i++) {
		if (judge_one(h, it, &g.v[i], stood, post, &nv) != 0) {
			givens_clear(&g);
			free(g.v);
			return LIVE_HOST_ERROR;
		}
	}
	givens_clear(&g);
	free(g.v);
	double limit = drill_rules(h->d)->time_limit > 0 ? drill_rules(h->d)->time_limit : 0;
	double points = it->q->points > 0 ? it->q->points : 0;
	size_t ngiven = nv;
	for (size_t s = 0; s < h->cls.n && nv < LIVE_MAX_STUDENTS; s++) {
		const char *name = h->cls.names[s];
		bool gave = false;
		for (size_t i = 0; i < ngiven && !gave; i++)
			gave = !strcmp(h->v[i].student, name);
		if (gave)
			continue;
		const struct live_host_rec *rec = rec_of(h, name);
		struct live_verdict *lv = &h->v[nv];
		if (rec) {
			if (live_host_replay(h, name, rec, points, lv) == 0)
				nv++;
			continue;
		}
		if (!post || live_host_score(&h->cls, name, NULL, points, limit, lv) != 0)
			continue;
		if (record(h, it, name, "", lv, 0, limit, h->opened + limit) != 0)
			return LIVE_HOST_ERROR;
		nv++;
	}
	h->last.nv = nv;
	for (size_t i = 0; i < nv; i++) {
		h->last.nanswered += h->v[i].answered;
		h->last.nright += h->v[i].outcome == OUT_CORRECT;
		h->last.npartly += h->v[i].outcome == OUT_PARTIAL;
	}
	return LIVE_HOST_OK;
}

int live_host_close_question(struct live_host *h, enum live_host_why why, bool skipped, bool fence,
                             bool post_it)
{
	const struct item *it = drill_item(h->d, h->index);
	int index = (int)h->index;
	if (!it)
		return live_host_fail(h, "no such question");
	/* The fence says whether it is a skip, so that a host started again
	 * before the close skips it too rather than judging it. */
	if (fence && post(h, "close", index, 0, skipped ? "{\"judging\":true,\"skipped\":true}"
	                                                 : "{\"judging\":true}") != LIVE_HOST_OK)
		return LIVE_HOST_ERROR;
	if (post_it && live_host_read_joined(h) != 0)
		return LIVE_HOST_ERROR;
	double stood = h->state == LIVE_HOST_PAUSED ? h->paused_at : 0;
	unsigned serial = h->last.serial;
	memset(&h->last, 0, sizeof h->last);
	h->last.serial = serial + 1;
	h->last.index = (unsigned)h->index;
	h->last.skipped = skipped;
	h->last.why = why;
	h->last.answer = "";
	h->last.v = h->v;
	h->last.board = h->board;
	free(h->answer);
	h->answer = NULL;
	if (!skipped) {
		if (judge(h, it, stood, post_it) != LIVE_HOST_OK)
			return LIVE_HOST_ERROR;
		if (!(h->answer = answer_format(it->q)))
			return live_host_fail(h, "out of memory");
		h->last.answer = h->answer;
	}
	/* The board as it stands now, ranked against the one before; the
	 * close then makes it the one the next is ranked against. */
	h->last.nboard = live_class_board(&h->cls, h->board, false);
	if (post_it) {
		char *payload = live_close_payload(&h->cls, it, h->v, h->last.nv, skipped);
		int rc = post(h, "close", index, 0, payload);
		free(payload);
		if (rc != LIVE_HOST_OK)
			return rc;
	} else {
		live_class_board(&h->cls, h->scratch, true);
	}
	free(h->payload);
	h->payload = NULL;
	h->state = LIVE_HOST_CLOSED;
	h->asked = h->index + 1;
	return LIVE_HOST_OK;
}

/* ---- the drill's life --------------------------------------------------- */

int live_host_begin(struct live_host *h)
{
	if (h->failed)
		return LIVE_HOST_ERROR;
	if (h->begun)
		return LIVE_HOST_NOT_NOW;
	int rc = live_host_resume(h);
	if (rc == LIVE_HOST_OK)
		h->begun = true;
	if (rc != 1)
		return rc;
	char begin[96];
	snprintf(begin, sizeof begin, "{\"count\":%zu,\"time\":%.17g}", drill_count(h->d),
	         drill_rules(h->d)->time_limit);
	if (post(h, "begin", -1, 0, begin) != LIVE_HOST_OK)
		return LIVE_HOST_ERROR;
	h->state = LIVE_HOST_LOBBY;
	h->index = 0;
	h->begun = true;
	return LIVE_HOST_OK;
}

unsigned live_host_tick(struct live_host *h)
{
	unsigned ch = 0;
	if (h->failed || !h->begun || h->state == LIVE_HOST_ENDED)
		return 0;
	size_t before = h->cls.n;
	if (!polled(h, results_live_each_joined(h->r, h->id, add_joined, h), &ch))
		return ch;
	if (h->cls.n != before)
		ch |= LIVE_HOST_JOINED;
	if (h->state != LIVE_HOST_OPEN && h->state != LIVE_HOST_PAUSED)
		return ch;
	size_t n = 0;
	if (!polled(h, results_live_each_answer(h->r, h->id, (int)h->index, count_one, &n), &ch))
		return ch;
	if (n != h->answered) {
		h->answered = n;
		ch |= LIVE_HOST_ANSWERED;
	}
	if (h->state != LIVE_HOST_OPEN)
		return ch;
	enum live_host_why why;
	if (h->cls.n > 0 && n >= h->cls.n)
		why = LIVE_HOST_BY_ALL;
	else if (h->closes > 0 && h->now() >= h->closes)
		why = LIVE_HOST_BY_CLOCK;
	else
		return ch;
	if (live_host_close_question(h, why, false, true, true) != LIVE_HOST_OK)
		return ch | LIVE_HOST_FAILED;
	return ch | LIVE_HOST_CLOSED_NOW;
}

/* Posts question i open: its payload without the answer, when it closes. */
static int open_question(struct live_host *h, size_t i)
{
	const struct item *it = drill_item(h->d, i);
	if (!it)
		return live_host_fail(h, "no such question");
	double limit = drill_rules(h->d)->time_limit;
	char *payload = live_open_payload(it, (unsigned)i, (unsigned)drill_count(h->d), limit);
	double now = h->now();
	double closes = limit > 0 ? now + limit : 0;
	if (post(h, "open", (int)i, closes, payload) != LIVE_HOST_OK) {
		free(payload);
		return LIVE_HOST_ERROR;
	}
	free(h->payload);
	h->payload = payload;
	h->index = i;
	h->opened = now;
	h->closes = closes;
	h->paused_at = 0;
	h->answered = 0;
	h->state = LIVE_HOST_OPEN;
	return LIVE_HOST_OK;
}

/* Posts the end with the final leaderboard. */
static int end_drill(struct live_host *h)
{
	char *payload = live_end_payload(&h->cls);
	int rc = post(h, "end", -1, 0, payload);
	free(payload);
	if (rc == LIVE_HOST_OK)
		h->state = LIVE_HOST_ENDED;
	return rc;
}

int live_host_next(struct live_host *h)
{
	if (h->failed)
		return LIVE_HOST_ERROR;
	if (!h->begun)
		return LIVE_HOST_NOT_NOW;
	if (h->state == LIVE_HOST_LOBBY)
		return open_question(h, h->index);
	if (h->state != LIVE_HOST_CLOSED)
		return LIVE_HOST_NOT_NOW;
	if (h->index + 1 < drill_count(h->d))
		return open_question(h, h->index + 1);
	return end_drill(h);
}

int live_host_close(struct live_host *h)
{
	if (h->failed)
		return LIVE_HOST_ERROR;
	if (!h->begun)
		return LIVE_HOST_NOT_NOW;
	if (h->state != LIVE_HOST_OPEN && h->state != LIVE_HOST_PAUSED)
		return LIVE_HOST_NOT_NOW;
	return live_host_close_question(h, LIVE_HOST_BY_TEACHER, false, true, true);
}

int live_host_skip(struct live_host *h)
{
	if (h->failed)
		return LIVE_HOST_ERROR;
	if (!h->begun)
		return LIVE_HOST_NOT_NOW;
	if (h->state != LIVE_HOST_OPEN && h->state != LIVE_HOST_PAUSED)
		return LIVE_HOST_NOT_NOW;
	return live_host_close_question(h, LIVE_HOST_BY_SKIP, true, true, true);
}

int live_host_pause(struct live_host *h)
{
	if (h->failed)
		return LIVE_HOST_ERROR;
	if (!h->begun)
		return LIVE_HOST_NOT_NOW;
	double t = h->now();
	if (h->state == LIVE_HOST_OPEN) {
		/* Posted again with no closing time: the clock stands. */
		if (post(h, "open", (int)h->index, 0, h->payload) != LIVE_HOST_OK)
			return LIVE_HOST_ERROR;
		h->paused_at = t;
		h->state = LIVE_HOST_PAUSED;
		return LIVE_HOST_OK;
	}
	if (h->state != LIVE_HOST_PAUSED)
		return LIVE_HOST_NOT_NOW;
	double stood = t - h->paused_at > 0 ? t - h->paused_at : 0;
	double closes = h->closes > 0 ? h->closes + stood : 0;
	if (post(h, "open", (int)h->index, closes, h->payload) != LIVE_HOST_OK)
		return LIVE_HOST_ERROR;
	h->opened += stood;
	h->closes = closes;
	h->paused_at = 0;
	h->state = LIVE_HOST_OPEN;
	return LIVE_HOST_OK;
}

int live_host_end(struct live_host *h)
{
	if (h->failed)
		return LIVE_HOST_ERROR;
	if (!h->begun)
		return LIVE_HOST_NOT_NOW;
	if (h->state == LIVE_HOST_ENDED)
		return LIVE_HOST_NOT_NOW;
	if ((h->state == LIVE_HOST_OPEN || h->state == LIVE_HOST_PAUSED) &&
	    live_host_close_question(h, LIVE_HOST_BY_END, false, true, true) != LIVE_HOST_OK)
		return LIVE_HOST_ERROR;
	return end_drill(h);
}

/* ---- what the front ends read ------------------------------------------- */

enum live_host_state live_host_state(const struct live_host *h)
{
	return h->state;
}

const struct drill *live_host_drill(const struct live_host *h)
{
	return h->d;
}

size_t live_host_count(const struct live_host *h)
{
	return drill_count(h->d);
}

size_t live_host_index(const struct live_host *h)
{
	return h->index;
}

size_t live_host_asked(const struct live_host *h)
{
	return h->asked;
}

const struct item *live_host_item(const struct live_host *h)
{
	return h->state == LIVE_HOST_LOBBY ? NULL : drill_item(h->d, h->index);
}

double live_host_time_limit(const struct live_host *h)
{
	return drill_rules(h->d)->time_limit;
}

double live_host_time_left(const struct live_host *h)
{
	if ((h->state != LIVE_HOST_OPEN && h->state != LIVE_HOST_PAUSED) || h->closes <= 0)
		return -1;
	double at = h->state == LIVE_HOST_PAUSED ? h->paused_at : h->now();
	return h->closes - at > 0 ? h->closes - at : 0;
}

const char *const *live_host_joined(const struct live_host *h, size_t *n)
{
	*n = h->cls.n;
	return (const char *const *)h->cls.names;
}

size_t live_host_answered(const struct live_host *h)
{
	return h->answered;
}

const struct live_host_close *live_host_last(const struct live_host *h)
{
	return h->last.serial ? &h->last : NULL;
}

const struct drill_entry *live_host_board(struct live_host *h, size_t *n)
{
	if (h->last.serial && h->last.nboard == h->cls.n) {
		*n = h->last.nboard;
		return *n ? h->board : NULL;
	}
	*n = live_class_board(&h->cls, h->scratch, false);
	return *n ? h->scratch : NULL;
}

const struct drill_tally *live_host_tally(const struct live_host *h, const char *student)
{
	for (size_t i = 0; student && i < h->cls.n; i++)
		if (!strcmp(h->cls.names[i], student))
			return &h->cls.tally[i];
	return NULL;
}

size_t live_host_resumed_at(const struct live_host *h)
{
	return h->resumed_at;
}

bool live_host_away(const struct live_host *h)
{
	return h->away_since > 0;
}

const char *live_host_error(const struct live_host *h)
{
	return h->err;
}
