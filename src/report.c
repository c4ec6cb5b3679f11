/* report — the teacher's report of a classroom drill; see report.h and
 * docs/report.md.
 *
 * Each answer added is kept as a small record (student and answer text as
 * numbers into string pools), and the counts that only grow are kept up
 * to date as answers come; report_rank and report_update figure the rest
 * from the records. */
#include "report.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "drill_score.h"
#include "fold.h"
#include "strpool.h"
#include "text.h"

/* One answer, as the figures need it. */
struct rec {
	uint32_t student;   /* into students */
	uint32_t question;  /* its index */
	uint32_t given;     /* into acc->givens: the answer trimmed */
	int outcome;
	double credit, points, seconds;
};

/* A spelling of a wrong answer to a question, and how often it came. */
struct form {
	uint32_t question, given;
	uint32_t count;
	size_t first;       /* the record it first came in */
};

struct report_acc {
	struct strpool *names;    /* the students: number = index into students */
	struct strpool *givens;   /* the answers as typed, trimmed */
	struct strpool *strings;  /* the drill's and the questions' texts */
	struct strpool *form_keys;/* (question, given) as 8 bytes: number = index into forms */
	struct form *forms;
	size_t nforms, capforms;
	struct rec *recs;
	size_t capstudents, caprecs;
	unsigned *prev_rank;      /* by student, at report_mark; NULL before */
	size_t nprev;             /* students in prev_rank */
	bool regrade;             /* a question came after answers: grade again from recs */
};

static void say(char *err, size_t errsize, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void say(char *err, size_t errsize, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err, errsize, fmt, ap);
	va_end(ap);
}

const char *report_outcome_name(int outcome)
{
	switch (outcome) {
	case OUT_CORRECT: return "right";
	case OUT_PARTIAL: return "partly";
	case OUT_WRONG: return "wrong";
	case OUT_SKIPPED: return "skipped";
	case RESULTS_TIMED_OUT: return "timed out";
	default: return "?";
	}
}

size_t report_group_size(size_t n)
{
	if (n < 2)
		return 0;
	size_t g = (n * REPORT_GROUP_PERCENT + 99) / 100;
	return g ? g : 1;
}

/* ---- building ---------------------------------------------------------- */

/* s kept in the report's pool; NULL when memory runs out. */
static const char *keep(struct report *rep, const char *s)
{
	s = s ? s : "";
	int64_t id = strpool_add(rep->acc->strings, s, strlen(s));
	return id < 0 ? NULL : strpool_get(rep->acc->strings, (size_t)id, NULL);
}

struct report *report_new(const struct results_drill *d, char *err, size_t errsize)
{
	struct report *rep = calloc(1, sizeof *rep);
	struct report_acc *acc = calloc(1, sizeof *acc);
	const char **decks = calloc(d->ndecks ? d->ndecks : 1, sizeof *decks);
	if (!rep || !acc || !decks) {
		free(rep);
		free(acc);
		free(decks);
		say(err, errsize, "out of memory");
		return NULL;
	}
	rep->acc = acc;
	if (!(acc->names = strpool_new()) ||
	    !(acc->givens = strpool_new()) || !(acc->strings = strpool_new()) ||
	    !(acc->form_keys = strpool_new()))
		goto oom;
	rep->drill = *d;
	rep->drill.decks = decks;
	if (!(rep->drill.klass = keep(rep, d->klass)))
		goto oom;
	for (size_t i = 0; i < d->ndecks; i++)
		if (!(decks[i] = keep(rep, d->decks[i])))
			goto oom;
	rep->nquestions = d->count;
	rep->questions = calloc(d->count ? d->count : 1, sizeof *rep->questions);
	rep->hardest = calloc(d->count ? d->count : 1, sizeof *rep->hardest);
	if (!rep->questions || !rep->hardest)
		goto oom;
	for (size_t i = 0; i < d->count; i++) {
		struct report_question *q = &rep->questions[i];
		q->index = (unsigned)i;
		q->deck = q->question = "";
		q->points = q->avg_seconds = q->facility = q->discrimination = NAN;
		rep->hardest[i] = i;
	}
	rep->points_total = d->count;
	return rep;
oom:
	if (!rep->drill.decks)
		free(decks);
	report_free(rep);
	say(err, errsize, "out of memory");
	return NULL;
}

void report_free(struct report *rep)
{
	if (!rep)
		return;
	struct report_acc *acc = rep->acc;
	if (acc) {
		strpool_free(acc->names);
		strpool_free(acc->givens);
		strpool_free(acc->strings);
		strpool_free(acc->form_keys);
		free(acc->forms);
		free(acc->recs);
		free(acc->prev_rank);
		free(acc);
	}
	free((void *)rep->drill.decks);
	free(rep->students);
	free(rep->board);
	free(rep->questions);
	free(rep->hardest);
	free(rep->missed);
	free(rep);
}

int report_add_question(struct report *rep, const struct results_question *rq)
{
	if (rq->index >= rep->nquestions || rep->questions[rq->index].known)
		return 0;
	struct report_question *q = &rep->questions[rq->index];
	const char *deck = keep(rep, rq->deck), *id = keep(rep, rq->question);
	const char *type = keep(rep, rq->type), *prompt = keep(rep, rq->prompt);
	const char *answer = keep(rep, rq->answer);
	if (!deck || !id || !type || !prompt || !answer)
		return -1;
	q->deck = deck;
	q->question = id;
	q->type = type;
	q->prompt = prompt;
	q->answer = answer;
	q->points = rq->points;
	q->known = true;
	rep->acc->regrade = true;  /* the weights of the grades changed */
	return 0;
}

/* Makes room for one more of what *v holds n of (cap allocated). */
static int grow(void **v, size_t *cap, size_t n, size_t size)
{
	if (n < *cap)
		return 0;
	size_t c = *cap ? 2 * *cap : 64;
	void *nv = realloc(*v, c * size);
	if (!nv)
		return -1;
	*v = nv;
	*cap = c;
	return 0;
}

/* The student's index, added when new; -1 when memory runs out. */
static int64_t student_of(struct report *rep, const char *name)
{
	struct report_acc *acc = rep->acc;
	size_t len = strlen(name);
	int64_t id = strpool_find(acc->names, name, len);
	if (id >= 0)
		return id;
	if (grow((void **)&rep->students, &acc->capstudents, rep->nstudents, sizeof *rep->students))
		return -1;
	if ((id = strpool_add(acc->names, name, len)) < 0)
		return -1;
	struct report_student *s = &rep->students[rep->nstudents++];
	memset(s, 0, sizeof *s);
	s->name = strpool_get(acc->names, (size_t)id, NULL);
	return id;
}

/* Counts a spelling of a wrong answer to question q. */
static int count_form(struct report *rep, uint32_t q, uint32_t given)
{
	struct report_acc *acc = rep->acc;
	unsigned char key[8];
	for (int i = 0; i < 4; i++) {
		key[i] = (unsigned char)(q >> (8 * i));
		key[4 + i] = (unsigned char)(given >> (8 * i));
	}
	int64_t id = strpool_add(acc->form_keys, (const char *)key, sizeof key);
	if (id < 0)
		return -1;
	if ((size_t)id == acc->nforms) {
		if (grow((void **)&acc->forms, &acc->capforms, acc->nforms, sizeof *acc->forms))
			return -1;
		acc->forms[acc->nforms++] = (struct form){ q, given, 0, rep->nanswers };
	}
	acc->forms[id].count++;
	return 0;
}

int report_add_answer(struct report *rep, const struct results_answer *a, size_t *student)
{
	if (a->index >= rep->nquestions)
		return 0;
	struct report_acc *acc = rep->acc;
	int64_t sid = student_of(rep, a->student ? a->student : "");
	if (sid < 0 || grow((void **)&acc->recs, &acc->caprecs, rep->nanswers, sizeof *acc->recs))
		return -1;
	const char *given = a->given ? a->given : "";
	size_t b = 0, e = strlen(given);
	text_trim_span(given, &b, &e);
	int64_t gid = strpool_add(acc->givens, given + b, e - b);
	if (gid < 0)
		return -1;
	struct report_question *q = &rep->questions[a->index];
	if (!q->known && !q->deck[0] && !q->question[0]) {  /* the ids, until its row comes */
		const char *deck = keep(rep, a->deck), *id = keep(rep, a->question);
		if (!deck || !id)
			return -1;
		q->deck = deck;
		q->question = id;
	}
	if (a->outcome != OUT_CORRECT && e > b && count_form(rep, a->index, (uint32_t)gid) != 0)
		return -1;
	acc->recs[rep->nanswers++] = (struct rec){
		(uint32_t)sid, a->index, (uint32_t)gid, a->outcome, a->credit, a->points, a->seconds,
	};
	struct report_student *s = &rep->students[sid];
	s->answered++;
	s->score += a->points;
	s->seconds += a->seconds;
	q->answered++;
	q->seconds += a->seconds;
	switch (a->outcome) {
	case OUT_CORRECT: s->right++, q->right++; break;
	case OUT_PARTIAL: s->partly++, q->partly++; break;
	case RESULTS_TIMED_OUT: s->timed_out++, q->timed_out++; break;
	default: s->wrong++, q->wrong++; break;
	}
	if (!acc->regrade)
		s->grade_points += a->credit * (rep->points_known ? q->points : 1.0);
	if (student)
		*student = (size_t)sid;
	return 0;
}

/* ---- the leaderboard ---------------------------------------------------- */

/* Whether every question has its row, the drill's own points, and each
 * student's grade points, from the records when the weights changed. */
static void grade(struct report *rep)
{
	struct report_acc *acc = rep->acc;
	if (acc->regrade) {
		bool known = rep->nquestions > 0;
		double total = 0;
		for (size_t i = 0; i < rep->nquestions; i++) {
			known = known && rep->questions[i].known;
			total += rep->questions[i].known ? rep->questions[i].points : 0;
		}
		rep->points_known = known;
		rep->points_total = known ? total : (double)rep->nquestions;
		for (size_t i = 0; i < rep->nstudents; i++)
			rep->students[i].grade_points = 0;
		for (size_t i = 0; i < rep->nanswers; i++) {
			const struct rec *r = &acc->recs[i];
			double w = known ? rep->questions[r->question].points : 1.0;
			rep->students[r->student].grade_points += r->credit * w;
		}
		acc->regrade = false;
	}
	for (size_t i = 0; i < rep->nstudents; i++) {
		struct report_student *s = &rep->students[i];
		struct drill_tally t = { .grade_points = s->grade_points, .max = rep->points_total };
		s->grade = drill_grade(&t);
		s->avg_seconds = s->answered ? s->seconds / s->answered : 0;
	}
}

int report_rank(struct report *rep)
{
	struct report_acc *acc = rep->acc;
	grade(rep);
	size_t n = rep->nstudents;
	struct drill_entry *e = calloc(n ? n : 1, sizeof *e);
	size_t *board = calloc(n ? n : 1, sizeof *board);
	if (!e || !board) {
		free(e);
		free(board);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		e[i] = (struct drill_entry){ .name = rep->students[i].name,
		                             .score = rep->students[i].score,
		                             .grade = rep->students[i].grade };
	drill_rank(e, n, NULL, 0);
	for (size_t i = 0; i < n; i++) {
		size_t k = (size_t)strpool_find(acc->names, e[i].name, strlen(e[i].name));
		struct report_student *s = &rep->students[k];
		board[i] = k;
		s->rank = e[i].rank;
		s->prev_rank = acc->prev_rank && k < acc->nprev ? acc->prev_rank[k] : 0;
		s->change = s->prev_rank ? (int)s->prev_rank - (int)s->rank : 0;
	}
	free(e);
	free(rep->board);
	rep->board = board;
	for (size_t i = 0; i < rep->nquestions; i++) {
		struct report_question *q = &rep->questions[i];
		q->facility = q->answered ? (double)q->right / q->answered : NAN;
		q->avg_seconds = q->answered ? q->seconds / q->answered : NAN;
	}
	return 0;
}

void report_mark(struct report *rep)
{
	struct report_acc *acc = rep->acc;
	unsigned *v = realloc(acc->prev_rank, (rep->nstudents ? rep->nstudents : 1) * sizeof *v);
	if (!v)
		return;  /* changes are then counted from the mark before */
	for (size_t i = 0; i < rep->nstudents; i++)
		v[i] = rep->students[i].rank;
	acc->prev_rank = v;
	acc->nprev = rep->nstudents;
}

/* ---- discrimination ------------------------------------------------------ */

static const struct report *sort_rep;  /* for the comparisons below (qsort has no context) */

/* By grade, then score (both descending), then name. */
static int cmp_by_grade(const void *pa, const void *pb)
{
	const struct report_student *a = &sort_rep->students[*(const size_t *)pa];
	const struct report_student *b = &sort_rep->students[*(const size_t *)pb];
	if (a->grade != b->grade)
		return a->grade > b->grade ? -1 : 1;
	if (a->score != b->score)
		return a->score > b->score ? -1 : 1;
	return strcmp(a->name, b->name);
}

/* Each question's discrimination; -1 when memory runs out. */
static int discriminate(struct report *rep)
{
	size_t n = rep->nstudents, g = report_group_size(n);
	rep->group = g;
	for (size_t i = 0; i < rep->nquestions; i++)
		rep->questions[i].discrimination = NAN;
	if (g == 0)
		return 0;
	size_t *order = malloc(n * sizeof *order);
	signed char *side = calloc(n, 1);
	unsigned *top = calloc(rep->nquestions ? rep->nquestions : 1, 2 * sizeof *top);
	if (!order || !side || !top) {
		free(order);
		free(side);
		free(top);
		return -1;
	}
	for (size_t i = 0; i < n; i++)
		order[i] = i;
	sort_rep = rep;
	qsort(order, n, sizeof *order, cmp_by_grade);
	for (size_t i = 0; i < g; i++) {
		side[order[i]] = 1;
		side[order[n - 1 - i]] = -1;
	}
	unsigned *bottom = top + rep->nquestions;
	for (size_t i = 0; i < rep->nanswers; i++) {
		const struct rec *r = &rep->acc->recs[i];
		if (r->outcome != OUT_CORRECT || !side[r->student])
			continue;
		(side[r->student] > 0 ? top : bottom)[r->question]++;
	}
	for (size_t i = 0; i < rep->nquestions; i++)
		if (rep->questions[i].answered)
			rep->questions[i].discrimination = ((double)top[i] - (double)bottom[i]) / (double)g;
	free(order);
	free(side);
	free(top);
	return 0;
}

/* ---- the most common wrong answers --------------------------------------- */

/* The spellings that fold alike, of one question: how often, and the
 * spelling given most often. */
struct group {
	uint32_t count;
	size_t first;        /* the record the group first came in */
	size_t best;         /* into forms: the spelling shown */
};

/* Each question's most common wrong answer; -1 when memory runs out. */
static int common_wrong(struct report *rep)
{
	struct report_acc *acc = rep->acc;
	struct strpool *folds = strpool_new(), *keys = strpool_new();
	int64_t *fold_of = malloc((strpool_count(acc->givens) + 1) * sizeof *fold_of);
	struct group *groups = NULL;
	size_t ngroups = 0, capgroups = 0;
	int ret = -1;
	if (!folds || !keys || !fold_of)
		goto out;
	for (size_t i = 0; i < strpool_count(acc->givens); i++)
		fold_of[i] = -1;
	for (size_t i = 0; i < acc->nforms; i++) {
		const struct form *f = &acc->forms[i];
		if (fold_of[f->given] < 0) {
			char *folded = fold_text(strpool_get(acc->givens, f->given, NULL));
			fold_of[f->given] = folded ? strpool_add(folds, folded, strlen(folded)) : -1;
			free(folded);
			if (fold_of[f->given] < 0)
				goto out;
		}
		unsigned char key[8];
		uint32_t fid = (uint32_t)fold_of[f->given];
		for (int k = 0; k < 4; k++) {
			key[k] = (unsigned char)(f->question >> (8 * k));
			key[4 + k] = (unsigned char)(fid >> (8 * k));
		}
		int64_t gid = strpool_add(keys, (const char *)key, sizeof key);
		if (gid < 0)
			goto out;
		if ((size_t)gid == ngroups) {
			if (grow((void **)&groups, &capgroups, ngroups, sizeof *groups))
				goto out;
			groups[ngroups++] = (struct group){ 0, f->first, i };
		}
		struct group *g = &groups[gid];
		const struct form *b = &acc->forms[g->best];
		g->count += f->count;
		if (f->first < g->first)
			g->first = f->first;
		if (f->count > b->count || (f->count == b->count && f->first < b->first))
			g->best = i;
	}
	for (size_t i = 0; i < rep->nquestions; i++) {
		rep->questions[i].common_wrong = NULL;
		rep->questions[i].common_wrong_count = 0;
	}
	/* The first of each question's groups to be counted wins a tie only
	 * when it came first: compare by count, then by first. */
	size_t *won = malloc((rep->nquestions ? rep->nquestions : 1) * sizeof *won);
	if (!won)
		goto out;
	for (size_t i = 0; i < ngroups; i++) {
		const struct group *g = &groups[i];
		struct report_question *q = &rep->questions[acc->forms[g->best].question];
		if (q->common_wrong && (g->count < q->common_wrong_count ||
		                        (g->count == q->common_wrong_count &&
		                         g->first > groups[won[q->index]].first)))
			continue;
		won[q->index] = i;
		q->common_wrong = strpool_get(acc->givens, acc->forms[g->best].given, NULL);
		q->common_wrong_count = g->count;
	}
	free(won);
	ret = 0;
out:
	strpool_free(folds);
	strpool_free(keys);
	free(fold_of);
	free(groups);
	return ret;
}

/* ---- hardest, missed ------------------------------------------------------ */

static int cmp_hardest(const void *pa, const void *pb)
{
	const struct report_question *a = &sort_rep->questions[*(const size_t *)pa];
	const struct report_question *b = &sort_rep->questions[*(const size_t *)pb];
	bool na = isnan(a->facility), nb = isnan(b->facility);
	if (na != nb)
		return na ? 1 : -1;
	if (!na && a->facility != b->facility)
		return a->facility < b->facility ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static const size_t *name_rank;  /* by student: place in name order, for cmp_miss */

static int cmp_name(const void *pa, const void *pb)
{
	return strcmp(sort_rep->students[*(const size_t *)pa].name,
	              sort_rep->students[*(const size_t *)pb].name);
}

static int cmp_miss(const void *pa, const void *pb)
{
	const struct report_miss *a = pa, *b = pb;
	if (a->student != b->student)
		return name_rank[a->student] < name_rank[b->student] ? -1 : 1;
	return a->question < b->question ? -1 : a->question > b->question;
}

/* The answers missed, by student name then question; -1 when memory runs out. */
static int list_missed(struct report *rep)
{
	struct report_acc *acc = rep->acc;
	size_t n = 0, ns = rep->nstudents;
	for (size_t i = 0; i < rep->nanswers; i++)
		n += acc->recs[i].outcome != OUT_CORRECT;
	struct report_miss *m = malloc((n ? n : 1) * sizeof *m);
	size_t *order = malloc((ns ? ns : 1) * sizeof *order);
	size_t *ranks = malloc((ns ? ns : 1) * sizeof *ranks);
	if (!m || !order || !ranks) {
		free(m);
		free(order);
		free(ranks);
		return -1;
	}
	for (size_t i = 0; i < ns; i++)
		order[i] = i;
	qsort(order, ns, sizeof *order, cmp_name);
	for (size_t i = 0; i < ns; i++)
		ranks[order[i]] = i;
	n = 0;
	for (size_t i = 0; i < rep->nanswers; i++) {
		const struct rec *r = &acc->recs[i];
		if (r->outcome != OUT_CORRECT)
			m[n++] = (struct report_miss){ r->student, r->question, r->outcome,
			                              strpool_get(acc->givens, r->given, NULL),
			                              r->points, r->seconds };
	}
	name_rank = ranks;
	qsort(m, n, sizeof *m, cmp_miss);
	free(rep->missed);
	rep->missed = m;
	rep->nmissed = n;
	free(order);
	free(ranks);
	return 0;
}

int report_update(struct report *rep)
{
	if (report_rank(rep) != 0)
		return -1;
	sort_rep = rep;
	if (discriminate(rep) != 0 || common_wrong(rep) != 0 || list_missed(rep) != 0)
		return -1;
	for (size_t i = 0; i < rep->nquestions; i++)
		rep->hardest[i] = i;
	sort_rep = rep;
	qsort(rep->hardest, rep->nquestions, sizeof *rep->hardest, cmp_hardest);
	return 0;
}

/* ---- from the store -------------------------------------------------------- */

/* What report_find_drill looks for, and what it found. */
struct find {
	const char *want;         /* the id or its beginning; "" for the latest */
	size_t matches;           /* drills that match */
	struct results_drill d;   /* the last match (strings copied below) */
	char klass[256], decks[RESULTS_MAX_DECKS][256];
	const char *deckv[RESULTS_MAX_DECKS];
};

static int find_drill(void *ctx, const struct results_drill *d)
{
	struct find *f = ctx;
	if (f->want[0] && strncmp(d->id, f->want, strlen(f->want)) != 0)
		return 0;
	f->matches++;
	f->d = *d;
	snprintf(f->klass, sizeof f->klass, "%s", d->klass);
	f->d.klass = f->klass;
	for (size_t i = 0; i < d->ndecks && i < RESULTS_MAX_DECKS; i++) {
		snprintf(f->decks[i], sizeof f->decks[i], "%s", d->decks[i]);
		f->deckv[i] = f->decks[i];
	}
	f->d.decks = f->deckv;
	return 0;
}

int report_find_drill(struct results *r, const char *klass, const char *drill,
                      struct report **out, char *err, size_t errsize)
{
	*out = NULL;
	char k[128], id[64];
	text_escape_into(klass, false, k, sizeof k);
	text_escape_into(drill ? drill : "", false, id, sizeof id);
	struct find *f = calloc(1, sizeof *f);
	if (!f)
		return say(err, errsize, "out of memory"), -1;
	f->want = drill ? drill : "";
	int ret = 0;
	if (f->want[0] && strlen(f->want) < 4) {
		say(err, errsize, "a drill is named by its id or its first 4 characters or more, "
		    "not '%s'", id);
		ret = 1;
	} else if (results_each_drill(r, klass, find_drill, f) != 0) {
		say(err, errsize, "%s", results_error(r));
		ret = -1;
	} else if (f->matches == 0 && !f->want[0]) {
		say(err, errsize, "class '%s' has no drill yet", k);
		ret = 1;
	} else if (f->matches == 0) {
		say(err, errsize, "class '%s' has no drill '%s' (--list lists its drills)", k, id);
		ret = 1;
	} else if (f->matches > 1 && f->want[0]) {
		say(err, errsize, "%zu drills of class '%s' begin with '%s'; give more of the id",
		    f->matches, k, id);
		ret = 1;
	} else if (!(*out = report_new(&f->d, err, errsize))) {
		ret = -1;
	}
	free(f);
	return ret;
}

/* What report_read hands the callbacks. */
struct reading {
	struct report *rep;
	bool oom;
};

static int read_question(void *ctx, const struct results_question *q)
{
	struct reading *x = ctx;
	return (x->oom = report_add_question(x->rep, q) != 0) ? 1 : 0;
}

static int read_answer(void *ctx, const struct results_answer *a)
{
	struct reading *x = ctx;
	return (x->oom = report_add_answer(x->rep, a, NULL) != 0) ? 1 : 0;
}

int report_read(struct results *r, struct report *rep, char *err, size_t errsize)
{
	struct reading x = { rep, false };
	int rc = results_each_question(r, rep->drill.id, read_question, &x);
	if (rc == 0)
		rc = results_each_answer(r, rep->drill.id, read_answer, &x);
	if (rc == 0 && report_update(rep) != 0)
		x.oom = true;
	if (x.oom)
		return say(err, errsize, "out of memory"), -1;
	if (rc != 0)
		return say(err, errsize, "%s", results_error(r)), -1;
	return 0;
}

int report_load(struct results *r, const char *klass, const char *drill, struct report **out,
                char *err, size_t errsize)
{
	int rc = report_find_drill(r, klass, drill, out, err, errsize);
	if (rc == 0 && report_read(r, *out, err, errsize) != 0) {
		report_free(*out);
		*out = NULL;
		rc = -1;
	}
	return rc;
}
