/* live_host_resume — a host started again on a live drill begun and not
 * ended takes it up where it was; see live_host.h.
 *
 * What the store holds is enough: the drill's events say which question
 * was open, since when and until when (and whether paused), and whether it
 * was being judged or closed; live_joined who joined; the answers recorded
 * (results_each_answer) each student's tally, replayed question by question
 * (so that the leaderboard's moves come out as they did).  Nothing is
 * recorded twice: an answer recorded before keeps its record. */
#include "live_host_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* What the drill's events say. */
struct seen {
	bool any, ended;
	double limit;           /* the drill's time limit */
	int index;              /* the last question opened; -1: none */
	double first_at;        /* when it first opened */
	double last_closes;     /* its latest closing time (0: none yet) */
	bool paused;            /* its last open stood the clock still */
	double paused_at;       /* since when */
	bool closing, closed;   /* its fence posted; its verdicts posted */
	bool skipped;           /* it was skipped */
	char *payload;          /* its last open's payload (owned) */
	bool oom;
};

static void seen_clear(struct seen *s)
{
	free(s->payload);
	double limit = s->limit;
	*s = (struct seen){ .index = -1, .limit = limit };
}

static int see(void *ctx, const struct results_live_event *e)
{
	struct seen *s = ctx;
	s->any = true;
	if (!strcmp(e->kind, "end")) {
		s->ended = true;
	} else if (!strcmp(e->kind, "open")) {
		if (e->index != s->index) {
			s->index = e->index;
			s->first_at = e->at;
			s->last_closes = 0;
			s->closing = s->closed = s->skipped = false;
		}
		if (e->closes > 0)
			s->last_closes = e->closes;
		s->paused = s->limit > 0 && e->closes <= 0;
		s->paused_at = e->at;
		free(s->payload);
		if (!(s->payload = strdup(e->payload)))
			return s->oom = true, 1;
	} else if (!strcmp(e->kind, "close") && e->index == s->index) {
		struct live_result res;
		if (live_result_parse(e->payload, "", &res) != 0)
			return 0;
		if (res.judging) {
			s->closing = true;
			s->skipped = res.skipped;  /* the fence of a skip */
		} else {
			s->closed = true;
			s->skipped = res.skipped;
		}
		live_result_free(&res);
	}
	return 0;
}

/* The answers recorded, read whole into h->rec. */
struct recs {
	struct live_host *h;
	size_t cap;
	bool oom;
};

static void recs_clear(struct live_host *h)
{
	for (size_t i = 0; i < h->nrec; i++)
		free(h->rec[i].student);
	h->nrec = 0;
}

static int keep_rec(void *ctx, const struct results_answer *a)
{
	struct recs *c = ctx;
	struct live_host *h = c->h;
	if (h->nrec == c->cap) {
		size_t cap = c->cap ? 2 * c->cap : 64;
		struct live_host_rec *v = realloc(h->rec, cap * sizeof *v);
		if (!v)
			return c->oom = true, 1;
		h->rec = v, c->cap = cap;
	}
	struct live_host_rec *x = &h->rec[h->nrec];
	*x = (struct live_host_rec){ .student = strdup(a->student), .index = a->index,
	                             .outcome = a->outcome, .credit = a->credit, .points = a->points,
	                             .seconds = a->seconds };
	if (!x->student)
		return c->oom = true, 1;
	h->nrec++;
	return 0;
}

static int read_recs(struct live_host *h)
{
	struct recs c = { .h = h };
	double since = 0;
	int rc;
	while (live_retry(rc = results_each_answer(h->r, h->id, keep_rec, &c), &since)) {
		recs_clear(h);
		c.oom = false;
	}
	if (c.oom)
		return live_host_fail(h, "out of memory");
	return rc < 0 ? live_host_fail(h, NULL) : 0;
}

/* The tallies of the questions before index, question by question, each
 * ranking kept as the one the next is ranked against; the records of
 * index itself kept in h->rec, the others dropped. */
static void replay_before(struct live_host *h, size_t index)
{
	size_t kept = 0;
	for (size_t j = 0; j < index; j++) {
		const struct item *it = drill_item(h->d, j);
		double points = it && it->q->points > 0 ? it->q->points : 0;
		for (size_t i = 0; i < h->nrec; i++) {
			struct live_verdict lv;
			if (h->rec[i].index == j)
				live_host_replay(h, h->rec[i].student, &h->rec[i], points, &lv);
		}
		live_class_board(&h->cls, h->scratch, true);
	}
	for (size_t i = 0; i < h->nrec; i++) {
		if (h->rec[i].index == index)
			h->rec[kept++] = h->rec[i];
		else
			free(h->rec[i].student);
	}
	h->nrec = kept;
}

int live_host_resume(struct live_host *h)
{
	struct seen s = { .index = -1, .limit = drill_rules(h->d)->time_limit };
	double since = 0;
	int rc;
	while (live_retry(rc = results_live_events(h->r, h->id, NULL, 0, see, &s), &since))
		seen_clear(&s);
	if (s.oom || rc < 0) {
		free(s.payload);
		return live_host_fail(h, s.oom ? "out of memory" : NULL);
	}
	if (!s.any)
		return 1;
	if (s.ended) {
		char k[200], msg[400];
		snprintf(msg, sizeof msg, "the live drill of class %s with these settings has ended "
		         "already: give another --seed for a new one",
		         text_escape_into(drill_class(h->d), false, k, sizeof k));
		free(s.payload);
		return live_host_fail(h, msg);
	}
	if (live_host_read_joined(h) != 0) {
		free(s.payload);
		return LIVE_HOST_ERROR;
	}
	if (s.index < 0 || (size_t)s.index >= drill_count(h->d)) {
		free(s.payload);
		h->state = LIVE_HOST_LOBBY;
		h->index = 0;
		h->resumed_at = 1;
		return LIVE_HOST_OK;
	}
	size_t index = (size_t)s.index;
	if (read_recs(h) != 0) {
		free(s.payload);
		return LIVE_HOST_ERROR;
	}
	replay_before(h, index);
	h->index = index;
	h->asked = index;
	h->resumed_at = index + 1;
	/* The clock: the closing time moved on by every pause, and the open
	 * as long before it as a question lasts. */
	if (s.limit > 0 && s.last_closes > 0) {
		h->closes = s.last_closes;
		h->opened = s.last_closes - s.limit;
	} else {
		h->closes = 0;
		h->opened = s.first_at;
	}
	h->state = s.paused ? LIVE_HOST_PAUSED : LIVE_HOST_OPEN;
	h->paused_at = s.paused ? s.paused_at : 0;
	h->answered = 0;
	h->payload = s.payload;
	if (!s.closing && !s.closed)
		return LIVE_HOST_OK;  /* open again: the next tick counts, and closes it when due */
	/* Being judged: judged again (and posted); closed: its verdicts worked
	 * out again from the records. */
	rc = live_host_close_question(h, LIVE_HOST_BY_RESUME, s.skipped, false, !s.closed);
	recs_clear(h);
	return rc;
}
