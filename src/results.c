/* results — the engine-independent half: choosing the engine, checking
 * what is given, the drill id; see results.h.  The SQLite engine is in
 * results_sqlite.c. */
#include "results.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct results {
	const struct results_engine *engine;
	void *h;          /* the engine's handle */
	char err[320];    /* a refusal of this file's own; "" when the engine's holds */
	bool readonly;    /* results_open_readonly: the writing functions refuse */
};

static void fail(struct results *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct results *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->err, sizeof r->err, fmt, ap);
	va_end(ap);
}

static bool starts_with(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool results_is_uri(const char *where)
{
	return where && (starts_with(where, "postgresql://") || starts_with(where, "postgres://"));
}

const char *results_where_shown(const char *where)
{
	return results_is_uri(where) ? "the PostgreSQL database" : where ? where : "";
}

static int open_as(const char *where, bool readonly, int busy_ms, struct results **out,
                   char *err, size_t errsize)
{
	*out = NULL;
	if (!where || !*where) {
		snprintf(err, errsize, "no results database given");
		return -1;
	}
	struct results *r = calloc(1, sizeof *r);
	if (!r) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	/* The URI is never quoted back: it may hold a password. */
	r->engine = results_is_uri(where) ? &results_pg_engine : &results_sqlite_engine;
	r->readonly = readonly;
	if (r->engine->open(where, readonly, busy_ms, &r->h, err, errsize) != 0) {
		free(r);
		return -1;
	}
	*out = r;
	return 0;
}

int results_open(const char *where, int busy_ms, struct results **out, char *err,
                 size_t errsize)
{
	return open_as(where, false, busy_ms, out, err, errsize);
}

int results_open_readonly(const char *where, int busy_ms, struct results **out, char *err,
                          size_t errsize)
{
	return open_as(where, true, busy_ms, out, err, errsize);
}

int results_init(const char *where, char *err, size_t errsize)
{
	struct results *r;
	if (results_open(where, RESULTS_BUSY_DEFAULT_MS, &r, err, errsize) != 0)
		return -1;
	int ret = 0;
	if (r->engine->init_roles && r->engine->init_roles(r->h) != 0) {
		snprintf(err, errsize, "%s", results_error(r));
		ret = -1;
	}
	results_close(r);
	return ret;
}

/* The writing functions on a read-only handle: -1 with the message set. */
static int refuse_readonly(struct results *r, const char *doing)
{
	fail(r, "results database opened for reading only: not %s", doing);
	return -1;
}

void results_close(struct results *r)
{
	if (!r)
		return;
	r->engine->close(r->h);
	free(r);
}

const char *results_error(const struct results *r)
{
	if (!r)
		return "";
	return r->err[0] ? r->err : r->engine->error(r->h);
}

const char *results_engine_name(const struct results *r)
{
	return r ? r->engine->name : "";
}

/* FNV-1a over len bytes. */
static uint64_t fnv(uint64_t h, const void *bytes, size_t len)
{
	const unsigned char *p = bytes;
	for (size_t i = 0; i < len; i++) {
		h ^= p[i];
		h *= 0x100000001b3u;
	}
	return h;
}

/* A string and the NUL after it, so that no two lists of strings hash the
 * same bytes. */
static uint64_t fnv_str(uint64_t h, const char *s)
{
	return fnv(h, s ? s : "", strlen(s ? s : "") + 1);
}

void results_drill_id(const struct results_drill *d, char out[17])
{
	uint64_t h = fnv_str(0xcbf29ce484222325u, "recall-drill/1");
	h = fnv_str(h, d->klass);
	char num[96];
	snprintf(num, sizeof num, "%zu", d->ndecks);
	h = fnv_str(h, num);
	for (size_t i = 0; i < d->ndecks; i++)
		h = fnv_str(h, d->decks[i]);
	snprintf(num, sizeof num, "%u %llu %.17g %d %d", d->count, (unsigned long long)d->seed,
	         d->time_limit, d->no_speed ? 1 : 0, d->no_streak ? 1 : 0);
	h = fnv_str(h, num);
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* Settings that make sense: 0, else -1 with the message set. */
static int check_drill(struct results *r, const struct results_drill *d)
{
	if (!d->klass || !*d->klass)
		return fail(r, "a drill needs a class"), -1;
	if (d->ndecks < 1 || d->ndecks > RESULTS_MAX_DECKS || !d->decks)
		return fail(r, "a drill draws from 1 to %d decks, not %zu", RESULTS_MAX_DECKS,
		            d->ndecks), -1;
	for (size_t i = 0; i < d->ndecks; i++)
		if (!d->decks[i] || !*d->decks[i] || strchr(d->decks[i], '\n'))
			return fail(r, "a drill's deck id is empty or holds a line break"), -1;
	if (d->count < 1)
		return fail(r, "a drill asks at least 1 question"), -1;
	if (!isfinite(d->time_limit) || d->time_limit < 0)
		return fail(r, "a drill's time limit is 0 (none) or more seconds"), -1;
	return 0;
}

int results_drill_begin(struct results *r, struct results_drill *d)
{
	r->err[0] = '\0';
	if (r->readonly)
		return refuse_readonly(r, "beginning a drill");
	if (check_drill(r, d) != 0)
		return -1;
	results_drill_id(d, d->id);
	return r->engine->drill_begin(r->h, d);
}

int results_each_drill(struct results *r, const char *klass, results_drill_fn *fn, void *ctx)
{
	r->err[0] = '\0';
	return r->engine->each_drill(r->h, klass ? klass : "", fn, ctx);
}

/* An answer that makes sense: 0, else -1 with the message set. */
static int check_answer(struct results *r, const struct results_answer *a)
{
	if (!a->drill || !a->student || !*a->student || !a->deck || !a->question || !a->given)
		return fail(r, "an answer needs its drill, student, deck, question and answer"), -1;
	if (a->outcome < 0 || a->outcome > RESULTS_TIMED_OUT)
		return fail(r, "an answer's outcome %d is unknown", a->outcome), -1;
	if (!(a->credit >= 0 && a->credit <= 1))
		return fail(r, "an answer's credit is from 0 to 1"), -1;
	if (!(a->seconds >= 0) || !isfinite(a->seconds) || !isfinite(a->points))
		return fail(r, "an answer's seconds and points are numbers, the seconds not "
		            "negative"), -1;
	return 0;
}

int results_record(struct results *r, struct results_answer *a)
{
	r->err[0] = '\0';
	if (r->readonly)
		return refuse_readonly(r, "recording an answer");
	if (check_answer(r, a) != 0)
		return -1;
	return r->engine->record(r->h, a);
}

int results_each_answer(struct results *r, const char *drill, results_answer_fn *fn,
                        void *ctx)
{
	r->err[0] = '\0';
	return r->engine->each_answer(r->h, drill ? drill : "", fn, ctx);
}

int results_next_index(struct results *r, const char *drill, const char *student,
                       unsigned *next)
{
	r->err[0] = '\0';
	return r->engine->next_index(r->h, drill ? drill : "", student ? student : "", next);
}

int results_changes_since(struct results *r, const char *drill, int64_t last_id,
                          results_answer_fn *fn, void *ctx)
{
	r->err[0] = '\0';
	return r->engine->changes_since(r->h, drill, last_id, fn, ctx);
}

int results_set_questions(struct results *r, const char *drill, const struct results_question *q,
                          size_t n)
{
	r->err[0] = '\0';
	if (r->readonly)
		return refuse_readonly(r, "recording a drill's questions");
	for (size_t i = 0; i < n; i++)
		if (!q[i].deck || !q[i].question || !q[i].type || !q[i].prompt || !q[i].answer ||
		    !(q[i].points >= 0) || !isfinite(q[i].points))
			return fail(r, "a drill's question needs its ids, type, prompt and answer, "
			            "and points of 0 or more"), -1;
	return r->engine->set_questions(r->h, drill ? drill : "", q, n);
}

int results_each_question(struct results *r, const char *drill, results_question_fn *fn,
                          void *ctx)
{
	r->err[0] = '\0';
	return r->engine->each_question(r->h, drill ? drill : "", fn, ctx);
}

/* ---- the live drill ---------------------------------------------------- */

int results_live_post(struct results *r, struct results_live_event *e)
{
	r->err[0] = '\0';
	if (r->readonly)
		return refuse_readonly(r, "posting to a live drill");
	if (!e->drill || !e->klass || !e->kind || !e->payload)
		return fail(r, "a live drill's event needs its drill, class, kind and payload"), -1;
	return r->engine->live_post(r->h, e);
}

int results_live_events(struct results *r, const char *drill, const char *klass,
                        int64_t after, results_live_event_fn *fn, void *ctx)
{
	r->err[0] = '\0';
	return r->engine->live_events(r->h, drill, klass ? klass : "", after, fn, ctx);
}

int results_live_join(struct results *r, const char *drill, const char *student)
{
	r->err[0] = '\0';
	if (r->readonly)
		return refuse_readonly(r, "joining a live drill");
	return r->engine->live_join(r->h, drill ? drill : "", student ? student : "");
}

int results_live_each_joined(struct results *r, const char *drill, results_name_fn *fn,
                             void *ctx)
{
	r->err[0] = '\0';
	return r->engine->live_each_joined(r->h, drill ? drill : "", fn, ctx);
}

int results_live_answer(struct results *r, const struct results_live_answer *a)
{
	r->err[0] = '\0';
	if (r->readonly)
		return refuse_readonly(r, "answering a live drill");
	if (!a->drill || !a->student || !a->given || a->index < 0)
		return fail(r, "a live answer needs its drill, student, question and text"), -1;
	return r->engine->live_answer(r->h, a);
}

int results_live_each_answer(struct results *r, const char *drill, int index,
                             results_live_answer_fn *fn, void *ctx)
{
	r->err[0] = '\0';
	return r->engine->live_each_answer(r->h, drill ? drill : "", index, fn, ctx);
}

int results_live_wait(struct results *r, const char *drill, int timeout_ms)
{
	r->err[0] = '\0';
	return r->engine->live_wait(r->h, drill, timeout_ms);
}

char *results_decks_join(const struct results_drill *d)
{
	size_t len = 1;
	for (size_t i = 0; i < d->ndecks; i++)
		len += strlen(d->decks[i]) + 1;
	char *out = malloc(len), *p = out;
	if (out)
		*out = '\0';
	for (size_t i = 0; out && i < d->ndecks; i++) {
		size_t n = strlen(d->decks[i]);
		memcpy(p, d->decks[i], n);
		p += n;
		*p++ = i + 1 < d->ndecks ? '\n' : '\0';
	}
	return out;
}

size_t results_decks_split(char *lines, const char **list)
{
	size_t n = 0;
	for (char *p = lines; p && n < RESULTS_MAX_DECKS;) {
		list[n++] = p;
		if ((p = strchr(p, '\n')) != NULL)
			*p++ = '\0';
	}
	return n;
}
