/* drill — a classroom drill over the session's draw; see drill.h. */
#include "drill.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qtype.h"
#include "text.h"

struct player {
	char *name;                   /* owned */
	struct drill_tally tally;
	struct drill_outcome out;     /* at the current question */
};

struct drill {
	struct session *s;            /* the draw: items in order, options shown */
	struct deck **decks;          /* sorted by id (owned array, borrowed decks) */
	size_t ndecks;
	size_t n;                     /* questions */
	size_t index;                 /* the current one */
	enum drill_phase phase;
	struct player *p;
	size_t np;
	size_t turn;                  /* whose turn it is */
	bool started;                 /* the turn's clock runs */
	double t0;                    /* when it started */
	struct drill_rules rules;
	uint64_t seed;
	double (*clock)(void);
	int64_t (*now)(void);
	struct drill_entry *prev;     /* the ranking after the previous question */
	size_t nprev;                 /* 0: none yet */
	struct results *results;      /* class mode: the store (borrowed); or NULL */
	char *klass;                  /* owned; NULL without a class */
	char id[17];                  /* the drill's id in the store; "" without one */
	size_t resumed_at;
	struct drill_entry *board;    /* drill_class_board's last answer (owned) */
	struct drill_tally *board_t;  /* and the tallies behind it */
	char **board_names;           /* and their names (owned) */
	size_t nboard;
	char err[400];
};

static void fail(struct drill *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct drill *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->err, sizeof d->err, fmt, ap);
	va_end(ap);
}

static double monotonic(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int64_t wall_now(void)
{
	return (int64_t)time(NULL);
}

int drill_check_name(const char *name, char *err, size_t errsize)
{
	char shown[200];
	size_t len = name ? strlen(name) : 0;
	if (!len) {
		snprintf(err, errsize, "a name is empty");
		return -1;
	}
	text_escape_into(name, false, shown, sizeof shown);
	if (text_utf8_check(name, len) != len) {
		snprintf(err, errsize, "the name '%s' is not valid UTF-8", shown);
		return -1;
	}
	if (text_utf8_count(name, len) > DRILL_MAX_NAME) {
		snprintf(err, errsize, "the name '%s' is longer than %d characters", shown,
		         DRILL_MAX_NAME);
		return -1;
	}
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode(name + i, len - i, &cp);
		if (text_is_control(cp) || text_is_bidi_control(cp) || text_is_zero_width(cp)) {
			snprintf(err, errsize, "the name '%s' holds a control character", shown);
			return -1;
		}
		i += k;
	}
	size_t b = 0, e = len;
	text_trim_span(name, &b, &e);
	if (b != 0 || e != len) {
		snprintf(err, errsize, "the name '%s' begins or ends with a space", shown);
		return -1;
	}
	return 0;
}

static int cmp_deck_id(const void *a, const void *b)
{
	const struct deck *x = *(const struct deck *const *)a, *y = *(const struct deck *const *)b;
	return strcmp(x->id, y->id);
}

/* The players' names checked and copied; 0, or -1 with err set. */
static int set_players(struct drill *d, const struct drill_opts *o, char *err, size_t errsize)
{
	static const char *const you[1] = { "you" };
	const char *const *names = o->nplayers ? o->players : you;
	size_t n = o->nplayers ? o->nplayers : 1;
	if (o->nplayers > DRILL_MAX_PLAYERS || (o->nplayers && !o->players)) {
		snprintf(err, errsize, "a drill has 1 to %d players, not %zu", DRILL_MAX_PLAYERS,
		         o->nplayers);
		return -1;
	}
	if (o->results && o->nplayers > 1) {
		snprintf(err, errsize, "a class drill has one player, the student");
		return -1;
	}
	d->p = calloc(n, sizeof *d->p);
	if (!d->p) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < n; i++) {
		if (drill_check_name(names[i], err, errsize) != 0)
			return -1;
		for (size_t j = 0; j < i; j++) {
			if (!strcmp(names[i], names[j])) {
				char shown[200];
				snprintf(err, errsize, "the name '%s' is given twice",
				         text_escape_into(names[i], false, shown, sizeof shown));
				return -1;
			}
		}
		d->p[i].name = strdup(names[i]);
		d->np = i + 1;
		if (!d->p[i].name) {
			snprintf(err, errsize, "out of memory");
			return -1;
		}
		d->p[i].out.given = NULL;
	}
	return 0;
}

/* The decks sorted by id, refusing two of the same id; then the draw. */
static int draw(struct drill *d, struct deck *const *decks, size_t ndecks,
                const struct drill_opts *o, char *err, size_t errsize)
{
	if (ndecks == 0 || ndecks > RESULTS_MAX_DECKS) {
		snprintf(err, errsize, "a drill draws from 1 to %d decks, not %zu", RESULTS_MAX_DECKS,
		         ndecks);
		return -1;
	}
	d->decks = malloc(ndecks * sizeof *d->decks);
	if (!d->decks) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	memcpy(d->decks, decks, ndecks * sizeof *d->decks);
	d->ndecks = ndecks;
	qsort(d->decks, ndecks, sizeof *d->decks, cmp_deck_id);
	for (size_t i = 1; i < ndecks; i++) {
		if (!strcmp(d->decks[i]->id, d->decks[i - 1]->id)) {
			char id[160];
			snprintf(err, errsize, "two decks have the id '%s': a drill takes each deck once",
			         text_escape_into(d->decks[i]->id, false, id, sizeof id));
			return -1;
		}
	}
	struct session_opts so = {
		.types = ((1u << Q_NTYPES) - 1) & ~(1u << Q_CARD),  /* cards are self-rated */
		.limit = o->count,
		.seed = o->seed,
	};
	d->s = session_new(d->decks, ndecks, &so);
	if (!d->s) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	d->n = session_count(d->s);
	if (d->n == 0) {
		snprintf(err, errsize, "these decks hold no question a drill can ask (flashcards "
		         "are left out: a drill judges every answer itself)");
		return -1;
	}
	return 0;
}

static const struct question *question_at(const struct drill *d, size_t i)
{
	return session_item(d->s, i)->q;
}

/* Records the drill's questions as asked. */
static int record_questions(struct drill *d)
{
	struct results_question *q = calloc(d->n, sizeof *q);
	char **answers = calloc(d->n, sizeof *answers);
	int rc = -1;
	if (!q || !answers) {
		fail(d, "out of memory");
		goto out;
	}
	for (size_t i = 0; i < d->n; i++) {
		const struct item *it = session_item(d->s, i);
		answers[i] = answer_format(it->q);
		if (!answers[i]) {
			fail(d, "out of memory");
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
		fail(d, "%s", results_error(d->results));
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
		return fail(d, "out of memory"), -1;
	}
	int rc = results_each_answer(d->results, d->id, collect_mine, m);
	if (rc != 0 || m->oom) {
		if (m->oom)
			fail(d, "out of memory");
		else
			fail(d, "%s", results_error(d->results));
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
		return fail(d, "%s", results_error(d->results)), -1;
	if (next == 0)
		return 0;
	struct mine m;
	if (read_mine(d, &m) != 0)
		return -1;
	for (size_t i = 0; i < next && i < d->n; i++)
		if (m.a[i].drill)
			replay(d, &d->p[0].tally, &m.a[i], question_at(d, i)->points, NULL);
	mine_free(&m);
	d->resumed_at = next < d->n ? next : d->n;
	d->index = d->resumed_at;
	if (d->index >= d->n)
		d->phase = DRILL_OVER;
	return 0;
}

/* Class mode: begins or joins the drill, records its questions, resumes. */
static int join(struct drill *d, const struct drill_opts *o)
{
	if (!o->klass || !*o->klass)
		return fail(d, "a class drill needs the class's name"), -1;
	if (drill_check_name(o->klass, d->err, sizeof d->err) != 0)
		return -1;
	d->klass = strdup(o->klass);
	const char **ids = malloc(d->ndecks * sizeof *ids);
	if (!d->klass || !ids) {
		free(ids);
		return fail(d, "out of memory"), -1;
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
		return fail(d, "%s", results_error(d->results)), -1;
	memcpy(d->id, rd.id, sizeof d->id);
	if (record_questions(d) != 0)
		return -1;
	return resume(d);
}

struct drill *drill_new(struct deck *const *decks, size_t ndecks, const struct drill_opts *o,
                        char *err, size_t errsize)
{
	struct drill *d = calloc(1, sizeof *d);
	if (!d) {
		snprintf(err, errsize, "out of memory");
		return NULL;
	}
	d->rules = o->rules;
	d->seed = o->seed;
	if (!isfinite(d->rules.time_limit) || d->rules.time_limit < 0)
		d->rules.time_limit = 0;
	d->clock = o->clock ? o->clock : monotonic;
	d->now = o->now ? o->now : wall_now;
	d->results = o->results;
	if (set_players(d, o, err, errsize) != 0 || draw(d, decks, ndecks, o, err, errsize) != 0)
		goto fail;
	if (d->results && join(d, o) != 0) {
		snprintf(err, errsize, "%s", d->err);
		goto fail;
	}
	d->err[0] = '\0';
	return d;
fail:
	drill_free(d);
	return NULL;
}

static void board_free(struct drill *d)
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

void drill_free(struct drill *d)
{
	if (!d)
		return;
	for (size_t i = 0; i < d->np; i++) {
		free(d->p[i].name);
		free(d->p[i].out.given);
	}
	free(d->p);
	session_free(d->s);
	free(d->decks);
	free(d->prev);
	free(d->klass);
	board_free(d);
	free(d);
}

const char *drill_error(const struct drill *d)
{
	return d->err;
}

const char *drill_id(const struct drill *d)
{
	return d->id;
}

const char *drill_class(const struct drill *d)
{
	return d->klass ? d->klass : "";
}

uint64_t drill_seed(const struct drill *d)
{
	return d->seed;
}

const struct drill_rules *drill_rules(const struct drill *d)
{
	return &d->rules;
}

enum drill_phase drill_phase(const struct drill *d)
{
	return d->phase;
}

size_t drill_count(const struct drill *d)
{
	return d->n;
}

size_t drill_index(const struct drill *d)
{
	return d->index;
}

size_t drill_resumed_at(const struct drill *d)
{
	return d->resumed_at;
}

const struct item *drill_current(const struct drill *d)
{
	return d->phase == DRILL_OVER ? NULL : session_item(d->s, d->index);
}

size_t drill_nplayers(const struct drill *d)
{
	return d->np;
}

const char *drill_player(const struct drill *d, size_t i)
{
	return i < d->np ? d->p[i].name : NULL;
}

size_t drill_turn(const struct drill *d)
{
	return d->turn;
}

const struct drill_tally *drill_tally(const struct drill *d, size_t player)
{
	return player < d->np ? &d->p[player].tally : NULL;
}

void drill_turn_start(struct drill *d)
{
	if (d->phase != DRILL_TURN || d->started)
		return;
	d->started = true;
	d->t0 = d->clock();
}

/* Seconds the current turn has taken (0 before its clock started). */
static double elapsed(const struct drill *d)
{
	if (!d->started)
		return 0;
	double t = d->clock() - d->t0;
	return t > 0 ? t : 0;
}

double drill_time_left(const struct drill *d)
{
	if (!(d->rules.time_limit > 0))
		return -1;
	double left = d->rules.time_limit - elapsed(d);
	return left > 0 ? left : 0;
}

/* Records the answer o of the student at the current question.  Returns
 * 0 recorded, RESULTS_ALREADY, or -1 with the error set. */
static int record(struct drill *d, const struct drill_outcome *o)
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
		fail(d, "%s", results_error(d->results));
	return rc;
}

/* The student had answered the current question already: their record
 * becomes the outcome, and counts in the tally. */
static int take_record(struct drill *d, struct player *p, struct drill_outcome *o)
{
	struct mine m;
	if (read_mine(d, &m) != 0)
		return -1;
	const struct results_answer *a = &m.a[d->index];
	if (!a->drill) {  /* recorded, then gone: cannot be */
		mine_free(&m);
		return fail(d, "the results store said the answer was recorded, but it is not "
		            "there"), -1;
	}
	char *given = strdup(a->given);
	if (!given) {
		mine_free(&m);
		return fail(d, "out of memory"), -1;
	}
	double bonus = 0;
	replay(d, &p->tally, a, question_at(d, d->index)->points, &bonus);
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

/* Judges the current turn: v (NULL: timed out), given (owned; taken in
 * every case). */
static int conclude(struct drill *d, const struct verdict *v, char *given)
{
	if (d->phase != DRILL_TURN) {
		free(given);
		return fail(d, "no turn is waiting for an answer"), -1;
	}
	if (!given) {
		return fail(d, "out of memory"), -1;
	}
	struct player *p = &d->p[d->turn];
	double secs = elapsed(d);
	bool limit = d->rules.time_limit > 0;
	if (limit && secs > d->rules.time_limit) {
		v = NULL;  /* too late: the clock had run out */
		given[0] = '\0';
	}
	if (limit && secs > d->rules.time_limit)
		secs = d->rules.time_limit;
	struct drill_tally t = p->tally;
	struct drill_outcome o = { .answered = true, .timed_out = v == NULL, .given = given,
	                           .seconds = secs };
	if (v) {
		o.verdict = *v;
	} else {
		o.verdict.outcome = OUT_WRONG;
	}
	o.points = drill_score_answer(&d->rules, &t, question_at(d, d->index)->points, v, secs,
	                              &o.bonus);
	if (d->results) {
		int rc = record(d, &o);
		if (rc < 0) {
			free(given);
			return -1;
		}
		if (rc == RESULTS_ALREADY) {
			free(given);
			if (take_record(d, p, &p->out) != 0)
				return -1;
			goto next_turn;
		}
		o.recorded = true;
	}
	free(p->out.given);
	p->out = o;
	p->tally = t;
next_turn:
	d->started = false;
	d->turn++;
	if (d->turn >= d->np)
		d->phase = DRILL_REVEAL;
	d->err[0] = '\0';
	return 0;
}

int drill_answer(struct drill *d, const struct response *r)
{
	if (d->phase != DRILL_TURN)
		return fail(d, "no turn is waiting for an answer"), -1;
	const struct question *q = question_at(d, d->index);
	struct verdict v;
	answer_check(q, r, &v);
	return conclude(d, &v, answer_describe(q, r));
}

int drill_skip(struct drill *d)
{
	struct verdict v;
	memset(&v, 0, sizeof v);
	v.outcome = OUT_SKIPPED;
	return conclude(d, &v, strdup(""));
}

int drill_time_up(struct drill *d)
{
	return conclude(d, NULL, strdup(""));
}

const struct drill_outcome *drill_outcome(const struct drill *d, size_t player)
{
	return player < d->np ? &d->p[player].out : NULL;
}

size_t drill_leaderboard(const struct drill *d, struct drill_entry *e)
{
	for (size_t i = 0; i < d->np; i++)
		e[i] = (struct drill_entry){ .name = d->p[i].name, .score = d->p[i].tally.score,
		                             .grade = drill_grade(&d->p[i].tally) };
	drill_rank(e, d->np, d->nprev ? d->prev : NULL, d->nprev);
	return d->np;
}

void drill_next(struct drill *d)
{
	if (d->phase != DRILL_REVEAL)
		return;
	if (!d->prev)
		d->prev = calloc(d->np, sizeof *d->prev);
	if (d->prev) {  /* without memory, the changes stay unknown */
		d->nprev = drill_leaderboard(d, d->prev);
	}
	for (size_t i = 0; i < d->np; i++) {
		free(d->p[i].out.given);
		memset(&d->p[i].out, 0, sizeof d->p[i].out);
	}
	d->index++;
	d->turn = 0;
	d->started = false;
	d->phase = d->index >= d->n ? DRILL_OVER : DRILL_TURN;
}

void drill_finish(struct drill *d)
{
	d->phase = DRILL_OVER;
	d->started = false;
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
	replay(d, &d->board_t[i], a, question_at(d, a->index)->points, NULL);
	return 0;
}

int drill_class_board(struct drill *d, const struct drill_entry **e, size_t *n)
{
	*e = NULL;
	*n = 0;
	if (!d->results)
		return fail(d, "not a class drill"), -1;
	board_free(d);
	struct board_ctx c = { .d = d };
	int rc = results_each_answer(d->results, d->id, board_add, &c);
	if (rc != 0 || c.oom) {
		if (c.oom)
			fail(d, "out of memory");
		else
			fail(d, "%s", results_error(d->results));
		board_free(d);
		return -1;
	}
	if (d->nboard) {
		d->board = calloc(d->nboard, sizeof *d->board);
		if (!d->board) {
			board_free(d);
			return fail(d, "out of memory"), -1;
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
