/* report_live — a drill's report kept up to date; see report_live.h. */
#include "report_live.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Opens the database once it exists: 0 (lv->r set, or still waiting), -1. */
static int open_when_there(struct report_live *lv, char *err, size_t errsize)
{
	if (lv->r)
		return 0;
	struct stat st;
	if (!results_is_uri(lv->path) && stat(lv->path, &st) != 0 && errno == ENOENT) {
		lv->waiting_file = true;
		return 0;
	}
	lv->waiting_file = false;
	return results_open_readonly(lv->path, lv->busy_ms, &lv->r, err, errsize);
}

/* The id of the class's latest drill, when lv follows it. */
static int latest_id(void *ctx, const struct results_drill *d)
{
	memcpy(ctx, d->id, 17);
	return 0;
}

/* What reading the answers of a new report hands the callback. */
struct reading {
	struct report_live *lv;
	report_live_fn *fn;
	void *ctx;
	long n;
	bool oom;
};

static int add_answer(void *ctx, const struct results_answer *a)
{
	struct reading *x = ctx;
	size_t student;
	if (x->n == 0)
		report_mark(x->lv->rep);  /* rank changes count from the last answers before */
	if (report_add_answer(x->lv->rep, a, &student) != 0 ||
	    (x->fn && report_rank(x->lv->rep) != 0)) {
		x->oom = true;
		return 1;
	}
	x->lv->last_id = a->id;
	x->n++;
	if (x->fn)
		x->fn(x->ctx, REPORT_LIVE_ANSWER, x->lv, a, student);
	return 0;
}

static int add_question(void *ctx, const struct results_question *q)
{
	struct reading *x = ctx;
	return (x->oom = report_add_question(x->lv->rep, q) != 0) ? 1 : 0;
}

/* A fail of the store's, or out of memory: -1 with the message. */
static int failed(struct report_live *lv, const struct reading *x, char *err, size_t errsize)
{
	snprintf(err, errsize, "%s", x->oom ? "out of memory" : results_error(lv->r));
	return -1;
}

/* Replaces the report with the drill's (found by lv->want, or the latest)
 * when there is one and it is not the one in hand: 1 when replaced, 0 when
 * not, -1 on error. */
static int find_drill(struct report_live *lv, char *err, size_t errsize)
{
	if (lv->rep && lv->want)
		return 0;  /* a drill named stays */
	if (!lv->want) {
		char id[17] = "";
		if (results_each_drill(lv->r, lv->klass, latest_id, id) != 0) {
			snprintf(err, errsize, "%s", results_error(lv->r));
			return -1;
		}
		if (!id[0] || (lv->rep && !strcmp(id, lv->rep->drill.id)))
			return 0;
	}
	struct report *rep;
	int rc = report_find_drill(lv->r, lv->klass, lv->want, &rep, err, errsize);
	if (rc == 1 && lv->want && strstr(err, "begin with"))
		return -1;  /* an ambiguous prefix stays so */
	if (rc != 0)
		return rc < 0 ? -1 : 0;
	report_free(lv->rep);
	lv->rep = rep;
	lv->last_id = 0;
	return 1;
}

int report_live_start(struct report_live *lv, char *err, size_t errsize)
{
	if (open_when_there(lv, err, errsize) != 0)
		return -1;
	if (!lv->r)
		return 0;
	long n = report_live_poll(lv, NULL, NULL, err, errsize);
	return n < 0 ? -1 : 0;
}

long report_live_poll(struct report_live *lv, report_live_fn *fn, void *ctx, char *err,
                      size_t errsize)
{
	if (open_when_there(lv, err, errsize) != 0)
		return -1;
	if (!lv->r)
		return 0;
	int found = find_drill(lv, err, errsize);
	if (found < 0)
		return -1;
	if (!lv->rep)
		return 0;
	struct reading x = { lv, fn, ctx, 0, false };
	if (found && fn)
		fn(ctx, REPORT_LIVE_DRILL, lv, NULL, 0);
	/* The questions, until every one is there (they are recorded as a
	 * drill begins, and may come after the first answers seen). */
	if (!lv->rep->points_known &&
	    results_each_question(lv->r, lv->rep->drill.id, add_question, &x) != 0)
		return failed(lv, &x, err, errsize);
	if (results_changes_since(lv->r, lv->rep->drill.id, lv->last_id, add_answer, &x) != 0)
		return failed(lv, &x, err, errsize);
	if (report_rank(lv->rep) != 0) {
		x.oom = true;
		return failed(lv, &x, err, errsize);
	}
	return x.n;
}

size_t report_live_done(const struct report_live *lv)
{
	size_t n = 0;
	for (size_t i = 0; lv->rep && i < lv->rep->nstudents; i++)
		n += lv->rep->students[i].answered >= lv->rep->drill.count;
	return n;
}

bool report_live_complete(const struct report_live *lv)
{
	return lv->until_complete > 0 && report_live_done(lv) >= lv->until_complete;
}

void report_live_end(struct report_live *lv)
{
	report_free(lv->rep);
	results_close(lv->r);
	lv->rep = NULL;
	lv->r = NULL;
}
