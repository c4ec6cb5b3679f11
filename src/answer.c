/* answer — checking a learner's response against a question; see answer.h.
 *
 * The rules are those of questions/FORMAT.md, "How answers are checked".
 * answer_check looks the question's type up in the table (qtype.h) and
 * hands over to the check of its row, all of which are here.
 */
#include "answer.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "number.h"
#include "qtype.h"
#include "text.h"
#include "verdict.h"

/* Sets the outcome that goes with a credit. */
static void judge(struct verdict *v, double credit)
{
	if (!(credit > 0)) {
		v->outcome = OUT_WRONG;
		v->fraction = 0;
	} else if (credit >= 1) {
		v->outcome = OUT_CORRECT;
		v->fraction = 1;
	} else {
		v->outcome = OUT_PARTIAL;
		v->fraction = credit;
	}
}

static size_t bit_count(unsigned long x)
{
	size_t n = 0;
	for (; x; x &= x - 1)
		n++;
	return n;
}

unsigned long answer_choice_mask(size_t n)
{
	size_t bits = sizeof(unsigned long) * 8;
	return n >= bits ? ~0UL : (1UL << n) - 1;
}

void answer_check_multi(const struct question *q, const struct response *r, struct verdict *v)
{
	unsigned long mask = answer_choice_mask(q->nchoices);
	unsigned long right = q->correct & mask, picked = r->selected & mask;
	size_t nright = bit_count(right);
	size_t hits = bit_count(picked & right), misses = bit_count(picked & ~right);

	if (nright == 0) {
		judge(v, 0);
		return;
	}
	judge(v, hits > misses ? (double)(hits - misses) / (double)nright : 0.0);
	if (v->outcome != OUT_CORRECT) {
		if (misses)
			verdict_set_note(v, "%zu of %zu right option%s, %zu wrong", hits, nright,
			         nright == 1 ? "" : "s", misses);
		else
			verdict_set_note(v, "%zu of %zu right option%s", hits, nright, nright == 1 ? "" : "s");
	}
}

/* True when q asks for a day of the month: its answer is a whole number
 * from 1 to 31, and it has no unit or the unit is day(s). */
static bool asks_day(const struct question *q)
{
	if (!(q->number >= 1 && q->number <= 31 && q->number == floor(q->number)))
		return false;
	if (!q->unit)
		return true;
	size_t b = 0, e = strlen(q->unit);
	text_trim_span(q->unit, &b, &e);
	return e == b || (e - b == 3 && text_same_ci(q->unit + b, "day", 3)) ||
	       (e - b == 4 && text_same_ci(q->unit + b, "days", 4));
}

bool answer_read_number(const struct question *q, const char *s, double *out,
                        enum number_how *how)
{
	return number_read(s, q->unit, asks_day(q) ? NUMBER_DATES : 0, out, how);
}

void answer_check_number(const struct question *q, const struct response *r, struct verdict *v)
{
	double x;
	enum number_how how;
	if (!answer_read_number(q, r->text, &x, &how)) {
		judge(v, 0);
		v->unparsed = true;
		verdict_set_note(v, "not a number");
		return;
	}
	if (how != NUMBER_WHOLE) {  /* say what was read from the words around it */
		struct text_buf b = {0};
		number_write(&b, x);
		char *n = text_buf_finish(&b);
		verdict_set_note(v, "read as %s", n ? n : "?");
		free(n);
	}
	/* A hair of slack for answers like 0.3 +- 0.1, whose bounds are sums
	 * that binary fractions do not hit exactly. */
	double slack = 1e-12 * fmax(fabs(q->min), fabs(q->max));
	judge(v, (x >= q->min - slack && x <= q->max + slack) ? 1.0 : 0.0);
}

/* Equal when spaces are left out. */
static bool same_without_spaces(const char *a, const char *b)
{
	for (;;) {
		while (*a == ' ')
			a++;
		while (*b == ' ')
			b++;
		if (*a != *b)
			return false;
		if (!*a)
			return true;
		a++;
		b++;
	}
}

/* Equal digits, in the same order, whatever is around them. */
static bool same_digits(const char *a, const char *b)
{
	for (;;) {
		while (*a && !text_is_digit(*a))
			a++;
		while (*b && !text_is_digit(*b))
			b++;
		if (*a != *b)
			return false;
		if (!*a)
			return true;
		a++;
		b++;
	}
}

static char *without_spaces(const char *s)
{
	size_t len = strlen(s), o = 0;
	char *t = malloc(len + 1);
	if (!t)
		return NULL;
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ')
			t[o++] = s[i];
	t[o] = '\0';
	return t;
}

/* True when s and t are the same once trimmed. */
static bool same_trimmed(const char *s, const char *t)
{
	size_t sb = 0, se = strlen(s), tb = 0, te = strlen(t);
	text_trim_span(s, &sb, &se);
	text_trim_span(t, &tb, &te);
	return se - sb == te - tb && memcmp(s + sb, t + tb, se - sb) == 0;
}

/* The typo allowance of an accepted answer of n code points (folded). */
static size_t typo_allowance(size_t n)
{
	return n >= 10 ? 2 : n >= 5 ? 1 : 0;
}

/* Is folded typed text t within the typo allowance of folded answer a? */
static bool near_enough(const char *t, const char *a)
{
	size_t allow = typo_allowance(text_utf8_count(a, strlen(a)));
	if (allow == 0 || !*t || !same_digits(t, a))
		return false;
	if (fold_distance(t, a, allow) <= allow)
		return true;
	/* a space left out or put in need not use up the allowance */
	char *t2 = without_spaces(t), *a2 = without_spaces(a);
	bool near = t2 && a2 && fold_distance(t2, a2, allow) <= allow;
	free(t2);
	free(a2);
	return near;
}

void answer_check_text(const struct question *q, const struct response *r, struct verdict *v)
{
	const char *typed = r->text;
	judge(v, 0);
	if (!typed || !q->accept)
		return;
	if (q->exact) {
		for (size_t k = 0; k < q->naccept; k++)
			if (q->accept[k] && same_trimmed(typed, q->accept[k])) {
				judge(v, 1);
				return;
			}
		return;
	}

	char *t = fold_text(typed);
	if (!t)
		return;
	/* folded the same, or the same but for spaces ("S-400" = "S400") */
	for (size_t k = 0; k < q->naccept && v->outcome != OUT_CORRECT; k++) {
		if (!q->accept[k])
			continue;
		char *a = fold_text(q->accept[k]);
		if (!a)
			continue;
		if (*a ? (strcmp(t, a) == 0 || same_without_spaces(t, a))
		       : same_trimmed(typed, q->accept[k])) /* nothing left to fold */
			judge(v, 1);
		free(a);
	}
	/* then a small typo */
	for (size_t k = 0; k < q->naccept && v->outcome != OUT_CORRECT; k++) {
		if (!q->accept[k])
			continue;
		char *a = fold_text(q->accept[k]);
		if (a && near_enough(t, a)) {
			size_t b = 0, e = strlen(typed);
			text_trim_span(typed, &b, &e);
			judge(v, 1);
			verdict_note_typo(v, typed + b, e - b);
		}
		free(a);
	}
	free(t);
}

/* Is order a permutation of 0..n-1? */
static bool is_permutation(const size_t *order, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (order[i] >= n)
			return false;
		for (size_t j = 0; j < i; j++)
			if (order[j] == order[i])
				return false;
	}
	return true;
}

void answer_check_order(const struct question *q, const struct response *r, struct verdict *v)
{
	size_t n = q->nchoices;
	if (!r->order || n == 0 || !is_permutation(r->order, n)) {
		judge(v, 0);
		return;
	}
	if (n == 1) {
		judge(v, 1);
		return;
	}
	size_t pairs = n * (n - 1) / 2, good = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = i + 1; j < n; j++)
			if (r->order[i] < r->order[j])
				good++;
	judge(v, (double)good / (double)pairs);
	if (v->outcome != OUT_CORRECT)
		verdict_set_note(v, "%zu of %zu pairs of items in the right order", good, pairs);
}

void answer_check_match(const struct question *q, const struct response *r, struct verdict *v)
{
	size_t n = q->nchoices, good = 0;
	if (!r->match || n == 0) {
		judge(v, 0);
		return;
	}
	for (size_t i = 0; i < n; i++)
		if (r->match[i] == i)
			good++;
	judge(v, (double)good / (double)n);
	if (v->outcome != OUT_CORRECT)
		verdict_set_note(v, "%zu of %zu pairs matched", good, n);
}

void answer_check_choice(const struct question *q, const struct response *r, struct verdict *v)
{
	judge(v, r->choice < q->nchoices && r->choice == q->correct ? 1.0 : 0.0);
}

void answer_check_truefalse(const struct question *q, const struct response *r, struct verdict *v)
{
	judge(v, r->truth == q->truth ? 1.0 : 0.0);
}

/* Credit of a flashcard's self-rating: again 0, hard 0.5, good and easy 1. */
void answer_check_card(const struct question *q, const struct response *r, struct verdict *v)
{
	(void)q;
	switch (r->rating) {
	case RATE_HARD: judge(v, 0.5); break;
	case RATE_GOOD: case RATE_EASY: judge(v, 1.0); break;
	case RATE_NONE: case RATE_AGAIN: default: judge(v, 0.0); break;
	}
}

void answer_check(const struct question *q, const struct response *r, struct verdict *v)
{
	if (!v)
		return;
	v->outcome = OUT_WRONG;
	v->fraction = 0;
	v->typo = false;
	v->unparsed = false;
	v->note[0] = '\0';
	if (!q || !r)
		return;
	const struct qtype_row *row = qtype_get(q->type);
	if (row)
		row->check(q, r, v);
}

bool answer_parse_number(const char *s, const char *unit, double *out)
{
	return number_parse(s, unit, out);
}
