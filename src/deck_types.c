/* deck_types — the fields of each question type: the loaders the rows of
 * the type table point to (qtype.h); see deck_load.h for the helpers. */
#include "deck_load.h"

#include <stdint.h>

#include "qtype.h"

/* Index of s in v[0..n), or -1. */
static long find_string(const char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] && strcmp(v[i], s) == 0)
			return (long)i;
	return -1;
}

static bool take_choices(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *ch = deck_field(obj, "choices");
	if (!ch) {
		deck_error_at(c, obj, "missing 'choices'");
		return false;
	}
	qn->choices = deck_take_string_list(c, ch, "choices", 2, DECK_MAX_CHOICES, &qn->nchoices);
	qn->shuffle = deck_opt_bool(c, obj, "shuffle", true);
	return qn->choices != NULL;
}

void deck_load_choice(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	if (!take_choices(c, obj, qn))
		return;
	const cJSON *a = deck_field(obj, "answer");
	if (!a) {
		deck_error_at(c, obj, "missing 'answer' (the text of the right choice)");
		return;
	}
	if (!cJSON_IsString(a)) {
		deck_error_at(c, a, "'answer' must be the text of the right choice, found %s", deck_json_kind(a));
		return;
	}
	long i = find_string(qn->choices, qn->nchoices, a->valuestring);
	if (i < 0) {
		char b[80];
		deck_error_at(c, a, "answer '%s' is not one of the choices", deck_quote(a->valuestring, b, sizeof b));
		return;
	}
	qn->correct = (unsigned long)i;
	if (i == 0 && !qn->shuffle)
		deck_warn_key(c, deck_field(obj, "shuffle"), "'shuffle' is false and the right option "
		              "is the first: it is always shown first, which gives it away");
}

void deck_load_multi(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	if (!take_choices(c, obj, qn))
		return;
	const cJSON *a = deck_field(obj, "answer");
	if (!a) {
		deck_error_at(c, obj, "missing 'answer' (the list of right choices)");
		return;
	}
	if (!cJSON_IsArray(a)) {
		deck_error_at(c, a, "'answer' must be an array of the right choices, found %s", deck_json_kind(a));
		return;
	}
	if (!a->child) {
		deck_error_at(c, a, "'answer' is empty: name at least one right choice");
		return;
	}
	for (const cJSON *e = a->child; e; e = e->next) {
		if (!cJSON_IsString(e)) {
			deck_error_at(c, e, "'answer' entries must be strings, found %s", deck_json_kind(e));
			continue;
		}
		long i = find_string(qn->choices, qn->nchoices, e->valuestring);
		char b[80];
		if (i < 0)
			deck_error_at(c, e, "answer '%s' is not one of the choices", deck_quote(e->valuestring, b, sizeof b));
		else if (i >= DECK_MAX_CHOICES)
			continue;  /* too many choices, said already */
		else if (qn->correct & (1ul << i))
			deck_error_at(c, e, "answer '%s' is listed twice", deck_quote(e->valuestring, b, sizeof b));
		else
			qn->correct |= 1ul << i;
	}
}

void deck_load_truefalse(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *a = deck_field(obj, "answer");
	if (!a)
		deck_error_at(c, obj, "missing 'answer' (true or false)");
	else if (!cJSON_IsBool(a))
		deck_error_at(c, a, "'answer' must be true or false, found %s", deck_json_kind(a));
	else
		qn->truth = cJSON_IsTrue(a);
}

void deck_load_number(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *a = deck_field(obj, "answer"), *tol = deck_field(obj, "tolerance");
	const cJSON *mn = deck_field(obj, "min"), *mx = deck_field(obj, "max");
	qn->unit = deck_opt_string(c, obj, "unit", false);
	if (!a) {
		deck_error_at(c, obj, "missing 'answer' (a number)");
		return;
	}
	if (!deck_take_number(c, a, "answer", &qn->number))
		return;
	qn->min = qn->max = qn->number;
	if (tol && (mn || mx)) {
		deck_error_at(c, tol, "give either 'tolerance' or 'min' and 'max', not both");
		return;
	}
	if (tol) {
		double t;
		if (!deck_take_number(c, tol, "tolerance", &t))
			return;
		if (t < 0) {
			deck_error_at(c, tol, "'tolerance' must not be below zero, found %g", t);
			return;
		}
		qn->min = qn->number - t;
		qn->max = qn->number + t;
	} else if (mn || mx) {
		if (!mn || !mx) {
			deck_error_at(c, mn ? mn : mx, "'min' and 'max' go together: give both");
			return;
		}
		if (!deck_take_number(c, mn, "min", &qn->min) || !deck_take_number(c, mx, "max", &qn->max))
			return;
		if (qn->min > qn->max)
			deck_error_at(c, mn, "'min' (%g) is above 'max' (%g)", qn->min, qn->max);
		else if (qn->number < qn->min || qn->number > qn->max)
			deck_error_at(c, a, "'answer' (%g) lies outside 'min' and 'max' (%g to %g)",
			              qn->number, qn->min, qn->max);
	}
}

/* False, having said so, when the accepted answer s (from the node n) is
 * too long for a learner to type. */
static bool answer_fits(struct deck_ctx *c, const cJSON *n, const char *s)
{
	size_t len = strlen(s);
	if (len <= DECK_MAX_ANSWER_BYTES)
		return true;
	deck_error_at(c, n, "'answer' is %zu bytes long: a typed answer can be at most %u bytes, "
	              "what the answer field holds", len, (unsigned)DECK_MAX_ANSWER_BYTES);
	return false;
}

void deck_load_text(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *a = deck_field(obj, "answer");
	qn->exact = deck_opt_bool(c, obj, "exact", false);
	if (!a) {
		deck_error_at(c, obj, "missing 'answer' (a string or a list of accepted strings)");
		return;
	}
	if (cJSON_IsString(a)) {
		const char **v = deck_arena_ptrs(c->L->deck->arena, 1);
		if (!v) {
			c->L->oom = true;
			return;
		}
		v[0] = deck_take_string(c, a, "answer", false);
		if (v[0] && answer_fits(c, a, v[0])) {
			qn->accept = v;
			qn->naccept = 1;
		}
		return;
	}
	if (!cJSON_IsArray(a)) {
		deck_error_at(c, a, "'answer' must be a string or an array of strings, found %s", deck_json_kind(a));
		return;
	}
	qn->accept = deck_take_string_list(c, a, "answer", 1, SIZE_MAX, &qn->naccept);
	if (!qn->accept)
		return;
	bool fit = true;
	size_t i = 0;
	for (const cJSON *e = a->child; e; e = e->next, i++)
		if (qn->accept[i] && !answer_fits(c, e, qn->accept[i]))
			fit = false;
	if (!fit)
		qn->accept = NULL;
}

void deck_load_order(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *it = deck_field(obj, "items");
	if (!it)
		deck_error_at(c, obj, "missing 'items' (listed in the right order)");
	else
		qn->choices = deck_take_string_list(c, it, "items", 2, DECK_MAX_CHOICES, &qn->nchoices);
}

void deck_load_match(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *p = deck_field(obj, "pairs");
	if (!p) {
		deck_error_at(c, obj, "missing 'pairs' (a list of [left, right])");
		return;
	}
	if (!cJSON_IsArray(p)) {
		deck_error_at(c, p, "'pairs' must be an array of [left, right] pairs, found %s", deck_json_kind(p));
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(p);
	bool ok = n >= 2 && n <= DECK_MAX_CHOICES;
	if (n == 0) {
		deck_error_at(c, p, "'pairs' is empty; it needs at least 2 entries");
		return;
	}
	if (n < 2)
		deck_error_at(c, p, "'pairs' has 1 entry; it needs at least 2");
	else if (n > DECK_MAX_CHOICES)
		deck_error_at(c, p, "'pairs' has %zu entries; it needs at most %u", n, DECK_MAX_CHOICES);
	const char **l = deck_arena_ptrs(c->L->deck->arena, n);
	const char **r = deck_arena_ptrs(c->L->deck->arena, n);
	if (!l || !r) {
		c->L->oom = true;
		return;
	}
	size_t i = 0;
	for (const cJSON *e = p->child; e; e = e->next, i++) {
		l[i] = r[i] = NULL;
		if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 2) {
			deck_error_at(c, e, "each pair must be an array of two strings [left, right], found %s",
			              cJSON_IsArray(e) ? "an array of another length" : deck_json_kind(e));
			ok = false;
			continue;
		}
		l[i] = deck_take_string(c, e->child, "pairs", false);
		r[i] = deck_take_string(c, e->child->next, "pairs", false);
		if (!l[i] || !r[i]) {
			ok = false;
			continue;
		}
		char b[80];
		for (size_t j = 0; j < i; j++) {
			if (l[j] && strcmp(l[j], l[i]) == 0) {
				deck_error_at(c, e->child, "left item '%s' appears twice", deck_quote(l[i], b, sizeof b));
				ok = false;
			}
			if (r[j] && strcmp(r[j], r[i]) == 0) {
				deck_error_at(c, e->child->next, "right item '%s' appears twice", deck_quote(r[i], b, sizeof b));
				ok = false;
			}
		}
	}
	if (ok) {
		qn->choices = l;
		qn->rights = r;
		qn->nchoices = n;
	}
}
