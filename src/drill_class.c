/* drill_class — a drill's class mode: the results store behind it
 * (docs/results.md says how a drill uses it); see drill.h and
 * drill_impl.h. */
#include "drill_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Records the drill's questions as asked. */
static int record_questions(struct drill *d)
{
	struct results_question *q = calloc(d->n, sizeof *q);
	char **answers = calloc(d->n, sizeof *answers);
	int rc = -1;
	if (!q || !answers) {
		drill_fail(d, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct item *it = session_item(d->s, i);
		answers[i] = answer_format(it->q);
		if (!answers[i]) {
			drill_fail(d, "out of memory");
			goto out;
		}
		q[i] = (struct results_question){
			.index = (unsigned)i, .deck = it->deck->id, .question = it->q->id,
			.type = deck_type_name(it->q->type), .prompt = it->q->prompt,
			.answer = answers[i], .points = it->q->points > 0 ? it->q->points : 0,
		};
	}
	rc = results_set_questions(d->results, d->id, q, d->n);
	if (rc != 0)
		drill_fail(d, "%s", results_error(d->results));
out:
	for (size_t i = 0; answers && i < d->n; i++)
		free(answers[i]);
	free(answers);
	free(q);
	return rc;
}

/* A recorded answer as the verdict it stands for (NULL: timed out). */
static const struct verdict *as_verdict(const struct results_answer *a, struct verdict *v)
{
	if (a->outcome == RESULTS_TIMED_OUT)
		return NULL;
	memset(v, 0, sizeof *v);
	v->outcome = (enum outcome)a->outcome;
	v->fraction = a->credit;
	return v;
}

/* Adds one recorded answer to a tally: counted as drill_score_answer
 * counts it, with the points the record says. */
static void replay(const struct drill *d, struct drill_tally *t, const struct results_answer *a,
                   double qpoints, double *bonus)
{
	struct verdict v;
	double before = t->score;
	drill_score_answer(&d->rules, t, qpoints, as_verdict(a, &v), a->seconds, bonus);
	t->score = before + a->points;
}

/* The student's answers, by index, for the resume. */
struct mine {
	const struct drill *d;
	const char *student;
	struct results_answer *a;   /* d->n, index -> answer (a->drill NULL: none) */
	char **given;               /* d->n, owned copies */
	bool oom;
};

static int collect_mine(void *ctx, const struct results_answer *a)
{
	struct mine *m = ctx;
	if (strcmp(a->student, m->student) || a->index >= m->d->n || m->a[a->index].drill)
		return 0;
	m->a[a->index] = *a;
	m->a[a->index].drill = "";
	m->a[a->index].student = m->a[a->index].deck = m->a[a->index].question = NULL;
	m->given[a->index] = strdup(a->given);
	if (!m->given[a->index])
		m->oom = true;
	m->a[a->index].given = m->given[a->index];
	return m->oom ? 1 : 0;
}

static void mine_free(struct mine *m)
{
	for (size_t i = 0; m->given && i < m->d->n; i++)
		free(m->given[i]);
	free(m->given);
	free(m->a);
}

/* Reads the student's answers to the drill; 0, or -1 with the error set. */
static int read_mine(struct drill *d, struct mine *m)
{
	*m = (struct mine){ .d = d, .student = d->p[0].name };
	m->a = calloc(d->n, sizeof *m->a);
	m->given = calloc(d->n, sizeof *m->given);
	if (!m->a || !m->given) {
		mine_free(m);
		return drill_fail(d, "out of memory"), -1;
	}
	int rc = results_each_answer(d->results, d->id, collect_mine, m);
	if (rc != 0 || m->oom) {
		if (m->oom)
			drill_fail(d, "out of memory");
		else
			drill_fail(d, "%s", results_error(d->results));
		mine_free(m);
		return -1;
	}
	return 0;
}

/* Resumes the student at their first unanswered question, their tally
 * rebuilt from what they answered before it. */
static int resume(struct drill *d)
{
	unsigned next;
	if (results_next_index(d->results, d->id, d->p[0].name, &next) != 0)
		return drill_fail(d, "%s", results_error(d->results)), -1;
	if (next == 0)
		return 0;
	struct mine m;
	if (read_mine(d, &m) != 0)
		return -1;
	for (size_t i = 0; i < next && i < d->n; i++)
		if (m.a[i].drill)
			replay(d, &d->p[0].tally, &m.a[i], drill_question_at(d, i)->points, NULL);
	mine_free(&m);
	d->resumed_at = next < d->n ? next : d->n;
	d->index = d->resumed_at;
	if (d->index >= d->n)
		d->phase = DRILL_OVER;
	return 0;
}

int drill_join(struct drill *d, const struct drill_opts *o)
{
	if (!o->klass || !*o->klass)
		return drill_fail(d, "a class drill needs the class's name"), -1;
	if (drill_check_name(o->klass, d->err, sizeof d->err) != 0)
		return -1;
	d->klass = strdup(o->klass);
	const char **ids = malloc(d->ndecks * sizeof *ids);
	if (!d->klass || !ids) {
		free(ids);
		return drill_fail(d, "out of memory"), -1;
	}
	for (size_t i = 0; i < d->ndecks; i++)
		ids[i] = d->decks[i]->id;
	struct results_drill rd = {
		.klass = d->klass, .decks = ids, .ndecks = d->ndecks, .count = (unsigned)d->n,
		.seed = o->seed, .time_limit = d->rules.time_limit > 0 ? d->rules.time_limit : 0,
		.no_speed = d->rules.no_speed, .no_streak = d->rules.no_streak,
	};
	int rc = results_drill_begin(d->results, &rd);
	free(ids);
	if (rc < 0)
		return drill_fail(d, "%s", results_error(d->results)), -1;
	memcpy(d->id, rd.id, sizeof d->id);
	if (record_questions(d) != 0)
		return -1;
	return resume(d);
}

/* Records the answer o of the student at the current question.  Returns
 * 0 recorded, RESULTS_ALREADY, or -1 with the error set. */
int drill_record(struct drill *d, const struct drill_outcome *o)
{
	const struct item *it = session_item(d->s, d->index);
	struct results_answer a = {
		.drill = d->id, .student = d->p[0].name, .index = (unsigned)d->index,
		.deck = it->deck->id, .question = it->q->id, .given = o->given ? o->given : "",
		.outcome = o->timed_out ? RESULTS_TIMED_OUT : (int)o->verdict.outcome,
		.credit = o->timed_out ? 0 : o->verdict.fraction, .points = o->points,
		.seconds = o->seconds, .time = d->now(),
	};
	if (a.credit < 0)
		a.credit = 0;
	if (a.credit > 1)
		a.credit = 1;
	int rc = results_record(d->results, &a);
	if (rc < 0)
		drill_fail(d, "%s", results_error(d->results));
	return rc;
}

/* The student had answered the current question already: their record
 * becomes the outcome, and counts in the tally. */
int drill_take_record(struct drill *d, struct player *p, struct drill_outcome *o)
{
	struct mine m;
	if (read_mine(d, &m) != 0)
		return -1;
	const struct results_answer *a = &m.a[d->index];
	if (!a->drill) {  /* recorded, then gone: cannot be */
		mine_free(&m);
		return drill_fail(d, "the results store said the answer was recorded, but it is not "
		            "there"), -1;
	}
	char *given = strdup(a->given);
	if (!given) {
		mine_free(&m);
		return drill_fail(d, "out of memory"), -1;
	}
	double bonus = 0;
	replay(d, &p->tally, a, drill_question_at(d, d->index)->points, &bonus);
	free(o->given);
	*o = (struct drill_outcome){
		.answered = true, .timed_out = a->outcome == RESULTS_TIMED_OUT, .given = given,
		.seconds = a->seconds, .points = a->points, .recorded = true, .bonus = bonus,
	};
	as_verdict(a, &o->verdict);
	if (o->timed_out) {
		o->verdict.outcome = OUT_WRONG;
		o->verdict.fraction = 0;
	}
	mine_free(&m);
	return 0;
}

void drill_board_free(struct drill *d)
{
	for (size_t i = 0; d->board_names && i < d->nboard; i++)
		free(d->board_names[i]);
	free(d->board_names);
	free(d->board);
	free(d->board_t);
	d->board_names = NULL;
	d->board = NULL;
	d->board_t = NULL;
	d->nboard = 0;
}

/* ---- the class's board ------------------------------------------------ */

struct board_ctx {
	struct drill *d;
	size_t cap;
	bool oom;
};

static int board_add(void *ctx, const struct results_answer *a)
{
	struct board_ctx *c = ctx;
	struct drill *d = c->d;
	if (a->index >= d->n)
		return 0;
	size_t i = 0;
	while (i < d->nboard && strcmp(d->board_names[i], a->student))
		i++;
	if (i == d->nboard) {
		if (d->nboard == c->cap) {
			size_t cap = c->cap ? 2 * c->cap : 16;
			char **names = realloc(d->board_names, cap * sizeof *names);
			if (names)
				d->board_names = names;
			struct drill_tally *t = realloc(d->board_t, cap * sizeof *t);
			if (t)
				d->board_t = t;
			if (!names || !t)
				return c->oom = true, 1;
			c->cap = cap;
		}
		d->board_names[i] = strdup(a->student);
		if (!d->board_names[i])
			return c->oom = true, 1;
		memset(&d->board_t[i], 0, sizeof d->board_t[i]);
		d->nboard++;
	}
	replay(d, &d->board_t[i], a, drill_question_at(d, a->index)->points, NULL);
	return 0;
}

int drill_class_board(struct drill *d, const struct drill_entry **e, size_t *n)
{
	*e = NULL;
	*n = 0;
	if (!d->results)
		return drill_fail(d, "not a class drill"), -1;
	drill_board_free(d);
	struct board_ctx c = { .d = d };
	int rc = results_each_answer(d->results, d->id, board_add, &c);
	if (rc != 0 || c.oom) {
		if (c.oom)
			drill_fail(d, "out of memory");
		else
			drill_fail(d, "%s", results_error(d->results));
		drill_board_free(d);
		return -1;
	}
	if (d->nboard) {
		d->board = calloc(d->nboard, sizeof *d->board);
		if (!d->board) {
			drill_board_free(d);
			return drill_fail(d, "out of memory"), -1;
		}
	}
	for (size_t i = 0; i < d->nboard; i++)
		d->board[i] = (struct drill_entry){ .name = d->board_names[i],
		                                    .score = d->board_t[i].score,
		                                    .grade = drill_grade(&d->board_t[i]) };
	drill_rank(d->board, d->nboard, NULL, 0);
	*e = d->board;
	*n = d->nboard;
	return 0;
}
