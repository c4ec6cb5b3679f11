/* drill — a classroom drill over the session's draw; see drill.h. */
#include "drill_impl.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "qtype.h"
#include "text.h"

void drill_fail(struct drill *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(d->err, sizeof d->err, fmt, ap);
	va_end(ap);
}

const struct question *drill_question_at(const struct drill *d, size_t i)
{
	return session_item(d->s, i)->q;
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
	if (d->results && drill_join(d, o) != 0) {
		snprintf(err, errsize, "%s", d->err);
		goto fail;
	}
	d->err[0] = '\0';
	return d;
fail:
	drill_free(d);
	return NULL;
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
	drill_board_free(d);
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

const struct item *drill_item(const struct drill *d, size_t i)
{
	return i < d->n ? session_item(d->s, i) : NULL;
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

/* Judges the current turn: v (NULL: timed out), given (owned; taken in
 * every case). */
static int conclude(struct drill *d, const struct verdict *v, char *given)
{
	if (d->phase != DRILL_TURN) {
		free(given);
		return drill_fail(d, "no turn is waiting for an answer"), -1;
	}
	if (!given) {
		return drill_fail(d, "out of memory"), -1;
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
	o.points = drill_score_answer(&d->rules, &t, drill_question_at(d, d->index)->points, v, secs,
	                              &o.bonus);
	if (d->results) {
		int rc = drill_record(d, &o);
		if (rc < 0) {
			free(given);
			return -1;
		}
		if (rc == RESULTS_ALREADY) {
			free(given);
			if (drill_take_record(d, p, &p->out) != 0)
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
		return drill_fail(d, "no turn is waiting for an answer"), -1;
	const struct question *q = drill_question_at(d, d->index);
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
