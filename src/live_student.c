/* live_student — a student's side of a live drill; see live_student.h. */
#include "live_student.h"

#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "score.h"
#include "verdict.h"

/* One event of a read, kept until acted on. */
struct event {
	int64_t seq;
	char drill[17];
	char kind[8];
	int index;
	double at, closes;
	char *payload;         /* owned */
};

struct live_student {
	struct live_student_view v;  /* what the front ends read */
	struct results *r;
	char drill[17];              /* v.drill */
	/* finding the drill */
	int64_t class_seq;           /* the last of the class's events read */
	char found[17];              /* the latest drill begun; "" none */
	bool found_ended;            /* it has ended */
	bool said_waiting;
	bool joined;
	/* the drill's events */
	struct event *ev;            /* the last read (owned) */
	size_t n, cap, next;         /* events in ev, room, the next to act on */
	int64_t seq;                 /* the last event read */
	bool caught_up;              /* the first read is done */
	int result_shown;            /* the last question whose verdicts were given; -1 */
	char *given;                 /* v.given (owned) */
	/* an answer being sent */
	char *pending;               /* the line (owned); NULL none */
	int pending_index;
	double pending_time;
	/* a failing store */
	double fail_since;           /* monotonic seconds of the first failure in a row; 0 none */
	double retry_s;
	bool failed;                 /* failed for good */
	char error[600];
};

static double mono(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

struct live_student *live_student_new(struct results *r, const char *klass, const char *student)
{
	struct live_student *s = calloc(1, sizeof *s);
	if (!s)
		return NULL;
	s->r = r;
	s->retry_s = LIVE_STUDENT_RETRY_S;
	s->result_shown = -1;
	s->v.klass = klass;
	s->v.student = student;
	s->v.drill = s->drill;
	s->v.index = -1;
	s->v.result_index = -1;
	return s;
}

static void clear_events(struct live_student *s)
{
	for (size_t i = 0; i < s->n; i++)
		free(s->ev[i].payload);
	s->n = s->next = 0;
}

void live_student_free(struct live_student *s)
{
	if (!s)
		return;
	clear_events(s);
	free(s->ev);
	if (s->v.have_q)
		live_question_free(&s->v.q);
	if (s->v.have_result)
		live_result_free(&s->v.res);
	if (s->v.have_final)
		live_result_free(&s->v.final);
	free(s->given);
	free(s->pending);
	free(s);
}

void live_student_set_retry(struct live_student *s, double seconds)
{
	s->retry_s = seconds;
}

const struct live_student_view *live_student_view(const struct live_student *s)
{
	return &s->v;
}

const char *live_student_error(const struct live_student *s)
{
	return s->error;
}

/* Says why it failed for good. */
static enum live_change fail(struct live_student *s, const char *why)
{
	if (!s->failed)
		snprintf(s->error, sizeof s->error, "%s", why);
	s->failed = true;
	return LIVE_FAILED;
}

/* A store operation failed: tried again later, until the time is up. */
static enum live_change trouble(struct live_student *s)
{
	double now = mono();
	if (s->fail_since == 0)
		s->fail_since = now;
	if (now - s->fail_since >= s->retry_s)
		return fail(s, results_error(s->r));
	return LIVE_RETRYING;
}

static void set_given(struct live_student *s, const char *given)
{
	free(s->given);
	s->given = given ? strdup(given) : NULL;
	s->v.given = s->given;
}

double live_student_time_left(const struct live_student *s)
{
	const struct live_student_view *v = &s->v;
	if (!v->have_q || v->time_limit <= 0)
		return -1;
	if (v->paused)
		return v->paused_left > 0 ? v->paused_left : 0;
	double left = v->closes - results_live_now();
	return left > 0 ? left : 0;
}

/* ---- finding and joining --------------------------------------------- */

/* The class's events: the latest drill begun, and whether it ended. */
static int find_begun(void *ctx, const struct results_live_event *e)
{
	struct live_student *s = ctx;
	s->class_seq = e->seq;
	if (!strcmp(e->kind, "begin")) {
		snprintf(s->found, sizeof s->found, "%s", e->drill);
		s->found_ended = false;
	} else if (!strcmp(e->kind, "end") && !strcmp(e->drill, s->found)) {
		s->found_ended = true;
	}
	return 0;
}

static enum live_change find_and_join(struct live_student *s)
{
	if (!s->drill[0]) {
		int rc = results_live_events(s->r, NULL, s->v.klass, s->class_seq, find_begun, s);
		if (rc < 0)
			return trouble(s);
		s->fail_since = 0;
		if (!s->found[0] || s->found_ended) {
			if (s->said_waiting)
				return LIVE_NOTHING;
			s->said_waiting = true;
			return LIVE_WAITING;
		}
		snprintf(s->drill, sizeof s->drill, "%s", s->found);
	}
	if (results_live_join(s->r, s->drill, s->v.student) < 0)
		return trouble(s);
	s->fail_since = 0;
	s->joined = true;
	s->v.phase = LIVE_LOBBY;
	return LIVE_JOINED;
}

/* ---- the drill's events ---------------------------------------------- */

static int keep_event(void *ctx, const struct results_live_event *e)
{
	struct live_student *s = ctx;
	if (s->n == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 8;
		struct event *ev = realloc(s->ev, cap * sizeof *ev);
		if (!ev)
			return 1;
		s->ev = ev, s->cap = cap;
	}
	struct event *k = &s->ev[s->n];
	memset(k, 0, sizeof *k);
	k->payload = strdup(e->payload ? e->payload : "");
	if (!k->payload)
		return 1;
	s->n++;
	s->seq = e->seq;
	k->seq = e->seq;
	snprintf(k->drill, sizeof k->drill, "%s", e->drill);
	snprintf(k->kind, sizeof k->kind, "%s", e->kind);
	k->index = e->index;
	k->at = e->at;
	k->closes = e->closes;
	return 0;
}

/* The begin payload's count and time limit. */
static void read_begin(struct live_student *s, const char *payload)
{
	cJSON *o = cJSON_Parse(payload);
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(o, "count");
	const cJSON *t = cJSON_GetObjectItemCaseSensitive(o, "time");
	if (cJSON_IsNumber(c) && c->valuedouble > 0)
		s->v.count = (unsigned)c->valuedouble;
	if (cJSON_IsNumber(t) && t->valuedouble >= 0)
		s->v.time_limit = t->valuedouble;
	cJSON_Delete(o);
}

/* Their own answer to a question, from the store. */
struct mine {
	const char *student;
	bool found;
	char *given;           /* owned */
};

static int find_mine(void *ctx, const struct results_live_answer *a)
{
	struct mine *m = ctx;
	if (!strcmp(a->student, m->student) && !m->found) {
		m->found = true;
		m->given = strdup(a->given ? a->given : "");
	}
	return 0;
}

/* The seconds left when the open at e paused its clock: from the last
 * open of the same question before it (at k) that had a closing time. */
static double left_at_pause(const struct live_student *s, size_t k, double fallback)
{
	const struct event *e = &s->ev[k];
	while (k-- > 0) {
		const struct event *o = &s->ev[k];
		if (!strcmp(o->kind, "open") && o->index == e->index && o->closes > 0)
			return o->closes - e->at > 0 ? o->closes - e->at : 0;
	}
	return fallback;
}

/* An open event (at k): a new question, or the open one paused or going on. */
static enum live_change on_open(struct live_student *s, size_t k)
{
	const struct event *e = &s->ev[k];
	struct live_student_view *v = &s->v;
	if (v->have_q && v->index == e->index) {
		bool paused = e->closes == 0 && v->q.time_limit > 0;
		if (paused == v->paused)
			return LIVE_NOTHING;
		if (paused)
			v->paused_left = v->closes - e->at > 0 ? v->closes - e->at : 0;
		v->paused = paused;
		v->closes = e->closes;
		return paused ? LIVE_PAUSED : LIVE_RESUMED;
	}
	struct mine m = { .student = v->student };
	int rc = results_live_each_answer(s->r, s->drill, e->index, find_mine, &m);
	if (rc < 0 || (m.found && !m.given)) {
		free(m.given);
		return rc < 0 ? trouble(s) : fail(s, "out of memory");
	}
	s->fail_since = 0;
	if (v->have_q)
		live_question_free(&v->q);
	/* Parsed in place: the item points into the question. */
	v->have_q = live_question_parse(e->payload, &v->q) == 0;
	if (!v->have_q) {
		free(m.given);
		return LIVE_NOTHING;
	}
	v->index = e->index;
	v->closes = e->closes;
	if (v->q.count)
		v->count = v->q.count;
	v->time_limit = v->q.time_limit;
	v->paused = e->closes == 0 && v->q.time_limit > 0;
	v->paused_left = v->paused ? left_at_pause(s, k, v->q.time_limit) : 0;
	v->answered_before = m.found;
	set_given(s, m.given);
	free(m.given);
	v->phase = m.found ? LIVE_ANSWERED : LIVE_OPEN;
	return LIVE_OPENED;
}

/* A close event: the fence (judging), then the verdicts. */
static enum live_change on_close(struct live_student *s, const struct event *e)
{
	struct live_student_view *v = &s->v;
	struct live_result res;
	if (live_result_parse(e->payload, v->student, &res) != 0)
		return LIVE_NOTHING;
	if (s->result_shown == e->index) {
		live_result_free(&res);
		return LIVE_NOTHING;
	}
	v->cut_off = v->phase == LIVE_OPEN && v->have_q && v->index == e->index;
	if (res.judging) {
		live_result_free(&res);
		v->phase = LIVE_JUDGING;
		return LIVE_JUDGING_NOW;
	}
	if (v->have_result)
		live_result_free(&v->res);
	v->res = res;
	v->have_result = true;
	v->result_index = e->index;
	s->result_shown = e->index;
	v->phase = LIVE_CLOSED;
	return LIVE_RESULT;
}

static enum live_change on_end(struct live_student *s, const struct event *e)
{
	struct live_student_view *v = &s->v;
	if (v->have_final)
		live_result_free(&v->final);
	v->have_final = live_result_parse(e->payload, v->student, &v->final) == 0;
	v->phase = LIVE_ENDED;
	return LIVE_ENDED_NOW;
}

/* Catching up: the question of a close that is the last event read, from
 * the last open of it before, taken in without a change. */
static void catch_up_question(struct live_student *s, size_t last)
{
	const struct event *c = &s->ev[last];
	for (size_t k = last; k-- > 0;) {
		const struct event *o = &s->ev[k];
		if (strcmp(o->kind, "open") || o->index != c->index)
			continue;
		if (s->v.have_q)
			live_question_free(&s->v.q);
		s->v.have_q = live_question_parse(o->payload, &s->v.q) == 0;
		if (!s->v.have_q)
			return;
		s->v.index = o->index;
		s->v.time_limit = s->v.q.time_limit;
		if (s->v.q.count)
			s->v.count = s->v.q.count;
		return;
	}
}

/* Acts on event k (retried at the next poll when the store fails). */
static enum live_change act(struct live_student *s, size_t k)
{
	const struct event *e = &s->ev[k];
	if (!strcmp(e->kind, "open"))
		return on_open(s, k);
	if (!strcmp(e->kind, "close"))
		return on_close(s, e);
	if (!strcmp(e->kind, "end"))
		return on_end(s, e);
	return LIVE_NOTHING;
}

/* Reads the events after the last one read.  The first read starts at
 * its last event (catching up).  0, or a change (a failure). */
static enum live_change fetch(struct live_student *s, bool *first_begin)
{
	clear_events(s);
	int rc = results_live_events(s->r, s->drill, NULL, s->seq, keep_event, s);
	if (rc > 0)
		return fail(s, "out of memory");
	if (rc < 0)
		return trouble(s);
	s->fail_since = 0;
	if (!s->caught_up && s->n) {
		s->caught_up = true;
		for (size_t i = 0; i < s->n; i++)
			if (!strcmp(s->ev[i].kind, "begin"))
				read_begin(s, s->ev[i].payload);
		s->next = s->n - 1;
		const struct event *last = &s->ev[s->next];
		if (!strcmp(last->kind, "close"))
			catch_up_question(s, s->next);
		*first_begin = !strcmp(last->kind, "begin");
	}
	return LIVE_NOTHING;
}

/* ---- answering -------------------------------------------------------- */

static enum live_change send_pending(struct live_student *s)
{
	struct results_live_answer a = { .drill = s->drill, .student = s->v.student,
	                                 .index = s->pending_index, .given = s->pending,
	                                 .time = s->pending_time };
	int rc = results_live_answer(s->r, &a);
	if (rc < 0)
		return trouble(s);
	s->fail_since = 0;
	bool here = s->v.index == s->pending_index;
	if (rc == 0 && here)
		set_given(s, s->pending);
	free(s->pending);
	s->pending = NULL;
	if (!here)
		return LIVE_NOTHING;
	if (rc == 0 || rc == RESULTS_ALREADY) {
		if (s->v.phase == LIVE_OPEN)
			s->v.phase = LIVE_ANSWERED;
		return rc == 0 ? LIVE_SENT : LIVE_ALREADY;
	}
	if (s->v.phase == LIVE_OPEN)
		s->v.phase = LIVE_MISSED;
	return LIVE_TOO_LATE;
}

bool live_student_clock_out(const struct live_student *s)
{
	const struct live_student_view *v = &s->v;
	return v->phase == LIVE_OPEN && !v->paused && v->closes > 0 && results_live_now() > v->closes;
}

enum live_change live_student_answer(struct live_student *s, const char *given)
{
	if (s->failed)
		return LIVE_FAILED;
	if (s->v.phase == LIVE_ANSWERED)
		return LIVE_ALREADY;
	if (s->v.phase != LIVE_OPEN || s->pending)
		return LIVE_NOTHING;
	if (live_student_clock_out(s)) {
		s->v.phase = LIVE_MISSED;
		return LIVE_TIME_UP;
	}
	s->pending = strdup(given ? given : "");
	if (!s->pending)
		return fail(s, "out of memory");
	s->pending_index = s->v.index;
	s->pending_time = results_live_now();
	return send_pending(s);
}

/* ---- polling ---------------------------------------------------------- */

enum live_change live_student_poll(struct live_student *s)
{
	s->v.cut_off = false;
	if (s->failed)
		return LIVE_FAILED;
	if (s->v.phase == LIVE_ENDED)
		return LIVE_NOTHING;
	if (s->pending)
		return send_pending(s);
	if (!s->joined)
		return find_and_join(s);
	bool fetched = false;
	for (;;) {
		if (s->next < s->n) {
			enum live_change c = act(s, s->next);
			if (c == LIVE_RETRYING || c == LIVE_FAILED)
				return c;
			s->next++;
			if (c != LIVE_NOTHING)
				return c;
			continue;
		}
		if (fetched)
			break;
		bool first_begin = false;
		enum live_change c = fetch(s, &first_begin);
		if (c != LIVE_NOTHING)
			return c;
		fetched = true;
		if (first_begin) {
			s->next = s->n;
			return LIVE_FIRST;
		}
	}
	if (live_student_clock_out(s)) {
		s->v.phase = LIVE_MISSED;
		return LIVE_TIME_UP;
	}
	return LIVE_NOTHING;
}

void live_student_wait(struct live_student *s, int ms)
{
	if (ms <= 0)
		return;
	/* A failing store is left alone for a while (the server may be
	 * restarting); one that cannot wait, too. */
	if (s->fail_since > 0 || results_live_wait(s->r, s->drill[0] ? s->drill : NULL, ms) < 0) {
		struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
		nanosleep(&ts, NULL);
	}
}

/* ---- words ------------------------------------------------------------ */

char *live_student_say_verdict(const struct live_result *r, char *buf, size_t size)
{
	if (!r->found) {
		snprintf(buf, size, "%s", "");
		return buf;
	}
	struct verdict v = { .outcome = (enum outcome)r->outcome,
	                     .fraction = r->outcome == OUT_CORRECT ? 1 : 0 };
	return verdict_drill_line(r->outcome == RESULTS_TIMED_OUT ? NULL : &v, r->points, r->bonus,
	                          buf, size);
}

char *live_student_say_rank(const struct live_result *r, char *buf, size_t size)
{
	char p[32];
	score_format_points(r->score, p, sizeof p);
	if (!r->rank)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "Your rank: %u of %u, %s points", r->rank, r->of, p);
	return buf;
}

char *live_student_say_class(const struct live_result *r, char *buf, size_t size)
{
	snprintf(buf, size, "The class: %u of %u right", r->nright, r->of);
	return buf;
}

char *live_student_say_final(const struct live_result *r, char *buf, size_t size)
{
	char p[32];
	score_format_points(r->score, p, sizeof p);
	if (!r->rank)
		snprintf(buf, size, "%s", "");
	else
		snprintf(buf, size, "You finished %u of %u with %s points", r->rank, r->of, p);
	return buf;
}

/* Appends word to buf (at *at), after a space unless first; false when
 * it does not fit. */
static bool put(char *buf, size_t size, size_t *at, const char *word)
{
	int n = snprintf(buf + *at, size - *at, "%s%s", *at ? " " : "", word);
	if (n < 0 || (size_t)n >= size - *at)
		return false;
	*at += (size_t)n;
	return true;
}

/* Appends the number x (from 1). */
static bool put_number(char *buf, size_t size, size_t *at, size_t x)
{
	char w[24];
	snprintf(w, sizeof w, "%zu", x);
	return put(buf, size, at, w);
}

int live_student_answer_line(const struct live_question *lq, const struct response *r, char *buf,
                             size_t size)
{
	const struct question *q = &lq->q;
	size_t n = q->nchoices, at = 0;
	bool ok = size > 0;
	if (ok)
		buf[0] = '\0';
	switch (ok ? q->type : Q_NTYPES) {
	case Q_CHOICE:
		ok = r->choice < n && put_number(buf, size, &at, r->choice + 1);
		break;
	case Q_MULTI:
		for (size_t i = 0; ok && i < n; i++)
			if (r->selected & (1ul << i))
				ok = put_number(buf, size, &at, i + 1);
		ok = ok && at > 0;
		break;
	case Q_TRUEFALSE:
		ok = put(buf, size, &at, r->truth ? "true" : "false");
		break;
	case Q_NUMBER:
	case Q_TEXT:
		ok = r->text && *r->text && put(buf, size, &at, r->text);
		break;
	case Q_ORDER:
		for (size_t i = 0; ok && i < n; i++)
			ok = r->order && r->order[i] < n && put_number(buf, size, &at, r->order[i] + 1);
		ok = ok && n > 0;
		break;
	case Q_MATCH:
		for (size_t i = 0; ok && i < n; i++) {
			char letter[2] = { r->match && r->match[i] < n && r->match[i] < 26 ?
			                   (char)('a' + r->match[i]) : '\0', '\0' };
			ok = letter[0] && put(buf, size, &at, letter);
		}
		ok = ok && n > 0;
		break;
	default:
		ok = false;
		break;
	}
	if (!ok && size > 0)
		buf[0] = '\0';
	return ok ? 0 : -1;
}
