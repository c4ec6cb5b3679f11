/* live — the payloads of a live drill and the host's tallies; see live.h. */
#include "live.h"

#include <cJSON.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qtype.h"

static bool add_string(cJSON *o, const char *key, const char *v)
{
	return cJSON_AddStringToObject(o, key, v ? v : "") != NULL;
}

static bool add_number(cJSON *o, const char *key, double v)
{
	return cJSON_AddNumberToObject(o, key, v) != NULL;
}

/* o serialised and deleted; NULL when memory ran out (ok false). */
static char *finish(cJSON *o, bool ok)
{
	char *s = ok ? cJSON_PrintUnformatted(o) : NULL;
	cJSON_Delete(o);
	return s;
}

char *live_open_payload(const struct item *it, unsigned index, unsigned count, double time_limit)
{
	const struct question *q = it->q;
	cJSON *o = cJSON_CreateObject();
	bool ok = o && add_number(o, "index", index) && add_number(o, "count", count) &&
	          add_number(o, "time", time_limit) &&
	          add_string(o, "type", deck_type_name(q->type)) &&
	          add_string(o, "prompt", q->prompt) &&
	          add_number(o, "points", q->points > 0 ? q->points : 0);
	if (ok && q->unit)
		ok = add_string(o, "unit", q->unit);
	cJSON *choices = ok ? cJSON_AddArrayToObject(o, "choices") : NULL;
	cJSON *rights = ok ? cJSON_AddArrayToObject(o, "rights") : NULL;
	ok = ok && choices && rights;
	for (size_t k = 0; ok && k < it->nshown && k < DECK_MAX_CHOICES; k++) {
		/* choice, multi, order: in the order shown; match: the left column
		 * in deck order, the right one as shown. */
		size_t i = q->type == Q_MATCH ? k : it->shown[k];
		ok = cJSON_AddItemToArray(choices, cJSON_CreateString(q->choices[i]));
		if (ok && q->type == Q_MATCH)
			ok = cJSON_AddItemToArray(rights, cJSON_CreateString(q->rights[it->shown[k]]));
	}
	return finish(o, ok);
}

static const char *str_of(const cJSON *o, const char *key)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsString(v) ? v->valuestring : NULL;
}

static double num_of(const cJSON *o, const char *key, double dflt)
{
	const cJSON *v = cJSON_GetObjectItemCaseSensitive(o, key);
	return cJSON_IsNumber(v) ? v->valuedouble : dflt;
}

int live_question_parse(const char *payload, struct live_question *lq)
{
	memset(lq, 0, sizeof *lq);
	cJSON *o = cJSON_Parse(payload);
	if (!o)
		return -1;
	lq->json = o;
	const char *type = str_of(o, "type"), *prompt = str_of(o, "prompt");
	const struct qtype_row *row = type ? qtype_find(type) : NULL;
	if (!row || !prompt || row->type == Q_CARD) {
		live_question_free(lq);
		return -1;
	}
	lq->index = (unsigned)num_of(o, "index", 0);
	lq->count = (unsigned)num_of(o, "count", 0);
	lq->time_limit = num_of(o, "time", 0);
	enum qtype t = row->type;
	struct question *q = &lq->q;
	q->id = "";
	q->type = t;
	q->prompt = prompt;
	q->points = num_of(o, "points", 0);
	q->unit = str_of(o, "unit");
	q->min = 1, q->max = 0;  /* no right answer here */
	const cJSON *c = cJSON_GetObjectItemCaseSensitive(o, "choices");
	const cJSON *r = cJSON_GetObjectItemCaseSensitive(o, "rights");
	size_t n = 0, nr = 0;
	const cJSON *e;
	cJSON_ArrayForEach(e, c)
		if (cJSON_IsString(e) && n < DECK_MAX_CHOICES)
			lq->choices[n++] = e->valuestring;
	cJSON_ArrayForEach(e, r)
		if (cJSON_IsString(e) && nr < DECK_MAX_CHOICES)
			lq->rights[nr++] = e->valuestring;
	if (t == Q_MATCH && nr != n) {
		live_question_free(lq);
		return -1;
	}
	for (size_t k = 0; k < n; k++)
		lq->shown[k] = k;
	q->choices = lq->choices;
	q->nchoices = n;
	q->rights = t == Q_MATCH ? lq->rights : NULL;
	lq->it.q = q;
	lq->it.shown = lq->shown;
	lq->it.nshown = n;
	return 0;
}

void live_question_free(struct live_question *lq)
{
	cJSON_Delete(lq->json);
	lq->json = NULL;
}

int live_class_find(struct live_class *c, const char *student)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->names[i], student))
			return (int)i;
	if (c->n == LIVE_MAX_STUDENTS || !(c->names[c->n] = strdup(student)))
		return -1;
	memset(&c->tally[c->n], 0, sizeof c->tally[c->n]);
	return (int)c->n++;
}

void live_class_free(struct live_class *c)
{
	for (size_t i = 0; i < c->n; i++)
		free(c->names[i]);
	for (size_t i = 0; i < c->nprev; i++)
		free((char *)c->prev[i].name);
	c->n = c->nprev = 0;
}

size_t live_class_board(struct live_class *c, struct drill_entry *e, bool remember)
{
	for (size_t i = 0; i < c->n; i++)
		e[i] = (struct drill_entry){ .name = c->names[i], .score = c->tally[i].score,
		                             .grade = drill_grade(&c->tally[i]) };
	drill_rank(e, c->n, c->prev, c->nprev);
	if (remember) {
		for (size_t i = 0; i < c->nprev; i++)
			free((char *)c->prev[i].name);
		c->nprev = 0;
		for (size_t i = 0; i < c->n; i++) {
			c->prev[i] = e[i];
			c->prev[i].name = strdup(e[i].name ? e[i].name : "");
			if (!c->prev[i].name)
				break;
			c->nprev = i + 1;
		}
	}
	return c->n;
}

int live_host_score(struct live_class *c, const char *student, const struct verdict *v,
                    double points, double seconds, struct live_verdict *out)
{
	int i = live_class_find(c, student);
	if (i < 0)
		return -1;
	memset(out, 0, sizeof *out);
	out->student = c->names[i];
	out->answered = v != NULL;
	out->outcome = v ? (int)v->outcome : RESULTS_TIMED_OUT;
	out->points = drill_score_answer(&c->rules, &c->tally[i], points, v, seconds, &out->bonus);
	return 0;
}

static bool add_board(cJSON *o, struct live_class *c)
{
	struct drill_entry *e = malloc((c->n ? c->n : 1) * sizeof *e);
	cJSON *b = cJSON_AddArrayToObject(o, "board");
	bool ok = e && b;
	size_t n = ok ? live_class_board(c, e, true) : 0;
	for (size_t i = 0; ok && i < n; i++) {
		cJSON *x = cJSON_CreateObject();
		ok = x && cJSON_AddItemToArray(b, x) && add_string(x, "student", e[i].name) &&
		     add_number(x, "score", e[i].score) && add_number(x, "grade", e[i].grade) &&
		     add_number(x, "rank", e[i].rank);
	}
	free(e);
	return ok;
}

char *live_close_payload(struct live_class *c, const struct item *it, const struct live_verdict *v,
                         size_t nv, bool skipped)
{
	cJSON *o = cJSON_CreateObject();
	char *answer = skipped ? NULL : answer_format(it->q);
	bool ok = o && (skipped || answer);
	if (ok && skipped)
		ok = cJSON_AddTrueToObject(o, "skipped") != NULL;
	ok = ok && add_string(o, "answer", answer ? answer : "");
	free(answer);
	unsigned nright = 0, nanswered = 0;
	cJSON *res = ok ? cJSON_AddArrayToObject(o, "verdicts") : NULL;
	ok = ok && res;
	for (size_t i = 0; ok && i < nv; i++) {
		nanswered += v[i].answered;
		nright += v[i].outcome == OUT_CORRECT;
		cJSON *x = cJSON_CreateObject();
		ok = x && cJSON_AddItemToArray(res, x) && add_string(x, "student", v[i].student) &&
		     add_number(x, "outcome", v[i].outcome) && add_number(x, "points", v[i].points) &&
		     add_number(x, "bonus", v[i].bonus);
	}
	ok = ok && add_number(o, "right", nright) && add_number(o, "answered", nanswered) &&
	     add_board(o, c);
	return finish(o, ok);
}

char *live_end_payload(struct live_class *c)
{
	cJSON *o = cJSON_CreateObject();
	return finish(o, o && add_board(o, c));
}

int live_result_parse(const char *payload, const char *student, struct live_result *r)
{
	memset(r, 0, sizeof *r);
	cJSON *o = cJSON_Parse(payload);
	if (!o)
		return -1;
	r->json = o;
	r->judging = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "judging"));
	r->skipped = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(o, "skipped"));
	r->answer = str_of(o, "answer");
	if (!r->answer)
		r->answer = "";
	r->nright = (unsigned)num_of(o, "right", 0);
	r->nanswered = (unsigned)num_of(o, "answered", 0);
	const cJSON *e;
	cJSON_ArrayForEach(e, cJSON_GetObjectItemCaseSensitive(o, "verdicts")) {
		const char *s = str_of(e, "student");
		if (s && !strcmp(s, student)) {
			r->found = true;
			r->outcome = (int)num_of(e, "outcome", RESULTS_TIMED_OUT);
			r->points = num_of(e, "points", 0);
			r->bonus = num_of(e, "bonus", 0);
		}
	}
	const cJSON *b = cJSON_GetObjectItemCaseSensitive(o, "board");
	r->of = (unsigned)cJSON_GetArraySize(b);
	cJSON_ArrayForEach(e, b) {
		const char *s = str_of(e, "student");
		if (s && !strcmp(s, student)) {
			r->rank = (unsigned)num_of(e, "rank", 0);
			r->score = num_of(e, "score", 0);
		}
		if (s && r->ntop < sizeof r->top / sizeof r->top[0])
			r->top[r->ntop++] = (struct drill_entry){ .name = s, .score = num_of(e, "score", 0),
			                                          .grade = num_of(e, "grade", 0),
			                                          .rank = (unsigned)num_of(e, "rank", 0) };
	}
	return 0;
}

void live_result_free(struct live_result *r)
{
	cJSON_Delete(r->json);
	r->json = NULL;
}

double live_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void live_nap(int ms)
{
	if (ms <= 0)
		return;
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

bool live_retry(int rc, double *since)
{
	if (rc >= 0) {
		*since = 0;
		return false;
	}
	double now = live_clock();
	if (*since == 0)
		*since = now;
	if (now - *since > LIVE_RETRY_S)
		return false;
	live_nap(250);
	return true;
}
