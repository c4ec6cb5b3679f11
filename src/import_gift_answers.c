/* import_gift_answers — the answer block of a GIFT question, read as
 * Moodle reads it (question/format/gift), and the question it makes:
 *
 *     {=right ~wrong ~%50%half right#its feedback ####general feedback}
 *     {~%50%a ~%50%b ~%-100%c}     several right: a multi question
 *     {T}  {FALSE#said to a wrong answer#said to a right one}
 *     {=answer =another}            short answer: a text question
 *     {#3.14:0.005}  {#1..5}  {#=1:0 =%50%2:0 ~#other answers}
 *     {=left -> right =left2 -> right2}
 *
 * The kind is found as Moodle finds it: '#' first is numerical, a '~'
 * anywhere multiple choice, '=' with "->" matching, T/F/TRUE/FALSE
 * true/false, anything else short answer; an empty block is an essay.
 * Feedback goes into the explanation, general feedback first.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_gift.h"

#define MAX_PARTS 64  /* answers in one block */

/* One answer of a block: what follows its mark ('=', '~'; 0 for text
 * before the first mark). */
struct part {
	char mark;
	size_t from, to;
};

/* Splits s[from..to) at each mark (one of marks, outside escapes) into
 * parts; false when there are more than MAX_PARTS. */
static bool split(const char *s, size_t from, size_t to, const char *marks, struct part *v, size_t *n)
{
	*n = 0;
	v[(*n)++] = (struct part){ 0, from, to };
	for (size_t i = from; i < to; i++) {
		if (s[i] == '\\' && i + 1 < to && gift_escapable(s[i + 1])) {
			i++;
			continue;
		}
		if (!strchr(marks, s[i]) || !s[i])
			continue;
		if (*n == MAX_PARTS)
			return false;
		v[*n - 1].to = i;
		v[(*n)++] = (struct part){ s[i], i + 1, to };
	}
	return true;
}

/* A weight "%50%" or "%-33.3%" at the start of s[*from..to): its value in
 * *w, *from moved past it; false (nothing moved) when there is none.  A
 * weight outside -100..100 is a fault: *bad is set. */
static bool weight(const char *s, size_t *from, size_t to, double *w, bool *bad)
{
	size_t i = *from;
	gift_trim(s, &i, &to);
	if (i >= to || s[i] != '%')
		return false;
	size_t k = i + 1, digits;
	if (k < to && s[k] == '-')
		k++;
	digits = k;
	while (k < to && text_is_digit(s[k]))
		k++;
	if (k == digits)
		return false;
	if (k < to && s[k] == '.') {
		k++;
		while (k < to && text_is_digit(s[k]))
			k++;
	}
	if (k >= to || s[k] != '%')
		return false;
	char num[40];
	size_t n = k - i - 1 < sizeof num - 1 ? k - i - 1 : sizeof num - 1;
	memcpy(num, s + i + 1, n);
	num[n] = '\0';
	*w = strtod(num, NULL);
	*bad = !(*w >= -100 && *w <= 100);
	*from = k + 1;
	return true;
}

/* A number as GIFT writes it: [-+]digits[.digits][e[-+]digits], or
 * .digits; false for anything else. */
static bool number(const char *s, size_t from, size_t to, double *out)
{
	gift_trim(s, &from, &to);
	size_t i = from, d = 0;
	if (i < to && (s[i] == '-' || s[i] == '+'))
		i++;
	while (i < to && text_is_digit(s[i]))
		i++, d++;
	if (i < to && s[i] == '.') {
		i++;
		while (i < to && text_is_digit(s[i]))
			i++, d++;
	}
	if (!d)
		return false;
	if (i < to && (s[i] == 'e' || s[i] == 'E')) {
		size_t e = ++i;
		if (i < to && (s[i] == '-' || s[i] == '+'))
			i++;
		e = i;
		while (i < to && text_is_digit(s[i]))
			i++;
		if (i == e)
			return false;
	}
	if (i != to || to - from >= 64)
		return false;
	char num[64];
	memcpy(num, s + from, to - from);
	num[to - from] = '\0';
	*out = strtod(num, NULL);
	return isfinite(*out);
}

/* ---- the question being made ------------------------------------------ */

struct making {
	struct gift *g;
	struct gift_question *gq;
	struct question q;
	struct text_buf feedback;  /* "label: feedback" lines */
	size_t gf_from, gf_to;     /* the general feedback */
};

/* Adds "label: feedback" for the feedback s[from..to) of an answer. */
static void feedback(struct making *m, const char *label, size_t from, size_t to)
{
	const char *s = m->g->s;
	gift_trim(s, &from, &to);
	if (from >= to)
		return;
	enum gift_format f = gift_read_format(s, &from, to, m->gq->format);
	struct text_buf b = {0};
	gift_text_buf(m->g, &b, from, to, f);
	if (b.len) {
		text_buf_printf(&m->feedback, "%s%s: ", m->feedback.len ? "\n" : "", label ? label : "");
		text_buf_add(&m->feedback, b.s, b.len);
	}
	if (b.failed)
		m->feedback.failed = true;
	text_buf_free(&b);
}

/* An answer's text s[from..hash) in its format, and its feedback after
 * the '#' at hash (hash == to: none) under the answer's label. */
static const char *answer_text(struct making *m, size_t from, size_t to, size_t *hash)
{
	const char *s = m->g->s;
	*hash = gift_find(s, from, to, "#");
	size_t f = from;
	enum gift_format fmt = gift_read_format(s, &f, *hash, m->gq->format);
	return gift_text(m->g, f, *hash, fmt);
}

/* Finishes m's question and adds it. */
static void finish(struct making *m)
{
	struct gift *g = m->g;
	struct import_ctx *c = g->c;
	struct question *q = &m->q;
	q->prompt = gift_prompt(g, m->gq);
	struct text_buf b = {0};
	if (m->gf_from < m->gf_to) {
		size_t f = m->gf_from;
		enum gift_format fmt = gift_read_format(g->s, &f, m->gf_to, m->gq->format);
		gift_text_buf(g, &b, f, m->gf_to, fmt);
	}
	if (m->feedback.len) {
		if (b.len)
			text_buf_puts(&b, "\n");
		text_buf_add(&b, m->feedback.s, m->feedback.len);
	}
	if (m->feedback.failed)
		b.failed = true;
	q->explanation = import_text_buf(c, &b);
	text_buf_free(&b);
	size_t ntags = (g->category != NULL) + g->ntags;
	if (ntags) {
		q->tags = import_list(c, ntags);
		if (q->tags) {
			size_t k = 0;
			if (g->category)
				q->tags[k++] = g->category;
			for (size_t i = 0; i < g->ntags; i++)
				q->tags[k++] = g->tags[i];
			q->ntags = k;
		}
	}
	if (g->dropped.images)
		import_warn(c, "%zu image%s (<img>) left out: a deck holds text", g->dropped.images,
		            g->dropped.images == 1 ? "" : "s");
	if (g->dropped.unknown)
		import_warn(c, "%zu character reference%s that HTML does not know kept as written", g->dropped.unknown,
		            g->dropped.unknown == 1 ? "" : "s");
	if (!import_out_of_memory(c))
		import_add(c, q);
}

/* ---- each kind ------------------------------------------------------------ */

static void multiple_choice(struct making *m, size_t a, size_t e)
{
	struct import_ctx *c = m->g->c;
	const char *s = m->g->s;
	struct part v[MAX_PARTS];
	size_t n;
	if (!split(s, a, e, "~=", v, &n)) {
		import_skip(c, a, "it has more than %d answers", MAX_PARTS - 1);
		return;
	}
	size_t f0 = v[0].from, t0 = v[0].to;
	gift_trim(s, &f0, &t0);
	if (f0 < t0) {
		import_skip(c, f0, "text before its first option ('=' or '~')");
		return;
	}
	double w[MAX_PARTS];
	size_t nright = 0, nopt = n - 1;
	bool single = false;
	for (size_t i = 1; i < n; i++)
		single = single || v[i].mark == '=';
	struct question *q = &m->q;
	import_question_init(q, single ? Q_CHOICE : Q_MULTI);
	q->choices = import_list(c, nopt);
	if (!q->choices)
		return;
	q->nchoices = nopt;
	double first_w = 0;
	bool uneven = false;
	for (size_t i = 1; i < n; i++) {
		size_t from = v[i].from, hash;
		bool bad = false;
		w[i] = v[i].mark == '=' ? 100 : 0;
		if (v[i].mark == '~' && weight(s, &from, v[i].to, &w[i], &bad) && bad) {
			import_skip(c, v[i].from, "its weight is not between -100%% and 100%%");
			return;
		}
		const char *t = answer_text(m, from, v[i].to, &hash);
		q->choices[i - 1] = t;
		if (hash < v[i].to)
			feedback(m, t, hash + 1, v[i].to);
		if (single && w[i] >= 100) {
			q->correct = i - 1;
			nright++;
		} else if (single && w[i] > 0) {
			char b[80];
			import_warn(c, "the partial credit of option '%s' (%g%%) left out: it counts as wrong",
			            text_escape_into(t ? t : "", false, b, sizeof b), w[i]);
		} else if (!single && w[i] > 0) {
			q->correct |= 1ul << (i - 1);
			if (nright++ == 0)
				first_w = w[i];
			else if (fabs(w[i] - first_w) > 0.01)
				uneven = true;
		}
	}
	if (single && nright > 1) {
		import_skip(c, a, "%zu of its options are fully right, but a learner picks one "
		            "(give the others '~' and a weight to make several right)", nright);
		return;
	}
	if (!nright) {
		import_skip(c, a, "none of its options has a positive weight");
		return;
	}
	if (uneven)
		import_warn(c, "the different weights of its right options left out: each right option counts the same");
	finish(m);
}

static void true_false(struct making *m, size_t a, size_t e, bool truth)
{
	const char *s = m->g->s;
	size_t h1 = gift_find(s, a, e, "#"), h2 = h1 < e ? gift_find(s, h1 + 1, e, "#") : e;
	import_question_init(&m->q, Q_TRUEFALSE);
	m->q.truth = truth;
	/* the first feedback is for a wrong answer, the second for a right one */
	size_t wf = h1 < e ? h1 + 1 : e, wt = h2, rf = h2 < e ? h2 + 1 : e;
	if (truth) {
		feedback(m, "True", rf, e);
		feedback(m, "False", wf, wt);
	} else {
		feedback(m, "True", wf, wt);
		feedback(m, "False", rf, e);
	}
	finish(m);
}

static void short_answer(struct making *m, size_t a, size_t e)
{
	struct import_ctx *c = m->g->c;
	const char *s = m->g->s;
	struct part v[MAX_PARTS];
	size_t n;
	if (!split(s, a, e, "=", v, &n)) {
		import_skip(c, a, "it has more than %d answers", MAX_PARTS - 1);
		return;
	}
	struct question *q = &m->q;
	import_question_init(q, Q_TEXT);
	q->accept = import_list(c, n);
	if (!q->accept)
		return;
	for (size_t i = 0; i < n; i++) {
		size_t from = v[i].from, to = v[i].to, hash;
		gift_trim(s, &from, &to);
		if (i == 0 && from == to)
			continue;  /* nothing before the first '=' */
		double w = 100;
		bool bad = false;
		if (weight(s, &from, to, &w, &bad) && bad) {
			import_skip(c, v[i].from, "its weight is not between -100%% and 100%%");
			return;
		}
		const char *t = answer_text(m, from, to, &hash);
		if (hash < to)
			feedback(m, t, hash + 1, to);
		char b[80];
		if (w >= 100)
			q->accept[q->naccept++] = t;
		else if (w > 0)
			import_warn(c, "answer '%s' (%g%% credit) left out: a typed answer is right or wrong",
			            text_escape_into(t ? t : "", false, b, sizeof b), w);
	}
	finish(m);
}

static void numerical(struct making *m, size_t a, size_t e)
{
	struct import_ctx *c = m->g->c;
	const char *s = m->g->s;
	size_t tilde = gift_find(s, a, e, "~");
	struct part v[MAX_PARTS];
	size_t n;
	if (!split(s, a, tilde, "=", v, &n)) {
		import_skip(c, a, "it has more than %d answers", MAX_PARTS - 1);
		return;
	}
	struct question *q = &m->q;
	import_question_init(q, Q_NUMBER);
	bool have = false;
	size_t given = 0;
	for (size_t i = 0; i < n; i++) {
		size_t from = v[i].from, to = v[i].to;
		gift_trim(s, &from, &to);
		if (i == 0 && from == to)
			continue;
		given++;
		double w = 100;
		bool bad = false;
		if (weight(s, &from, to, &w, &bad) && bad) {
			import_skip(c, v[i].from, "its weight is not between -100%% and 100%%");
			return;
		}
		size_t hash = gift_find(s, from, to, "#"), vf = from, vt = hash;
		gift_trim(s, &vf, &vt);
		char label[80];
		snprintf(label, sizeof label, "%.*s", (int)(vt - vf < 60 ? vt - vf : 60), s + vf);
		if (hash < to)
			feedback(m, label, hash + 1, to);
		if (vt - vf == 1 && s[vf] == '*') {
			if (w >= 100)
				import_warn(c, "the answer '*' (any number) left out: a number question has one right answer");
			continue;
		}
		double ans, lo, hi;
		size_t dots = gift_find(s, vf, vt, ".."), colon = gift_find(s, vf, vt, ":");
		if (dots > vf && dots < vt) {
			if (!number(s, vf, dots, &lo) || !number(s, dots + 2, vt, &hi)) {
				import_skip(c, vf, "'%s' is not a range of numbers (LOW..HIGH)", label);
				return;
			}
			if (lo > hi) {
				import_skip(c, vf, "the range '%s' starts above its end", label);
				return;
			}
			ans = lo + (hi - lo) / 2;
		} else if (colon > vf && colon < vt) {
			double tol;
			if (!number(s, vf, colon, &ans) || !number(s, colon + 1, vt, &tol)) {
				import_skip(c, vf, "'%s' is not a number and its margin (NUMBER:MARGIN)", label);
				return;
			}
			lo = ans - fabs(tol);
			hi = ans + fabs(tol);
		} else {
			if (!number(s, vf, vt, &ans)) {
				import_skip(c, vf, "'%s' is not a number", label);
				return;
			}
			lo = hi = ans;
		}
		if (!isfinite(lo) || !isfinite(hi)) {
			import_skip(c, vf, "'%s' is too large a number", label);
			return;
		}
		if (w < 100) {
			if (w > 0)
				import_warn(c, "answer '%s' (%g%% credit) left out: a number question's answer is right or wrong",
				            label, w);
		} else if (have) {
			import_warn(c, "answer '%s' left out: a number question has one right answer (the first is kept)",
			            label);
		} else {
			have = true;
			q->number = ans;
			q->min = lo;
			q->max = hi;
		}
	}
	if (!have) {
		import_skip(c, a, "%s", given ? "none of its numbers has full credit" : "it gives no number");
		return;
	}
	if (tilde < e) {  /* what is said to any other answer */
		size_t hash = gift_find(s, tilde, e, "#");
		if (hash < e)
			feedback(m, "Other answers", hash + 1, e);
	}
	finish(m);
}

static void matching(struct making *m, size_t a, size_t e)
{
	struct import_ctx *c = m->g->c;
	const char *s = m->g->s;
	struct part v[MAX_PARTS];
	size_t n;
	if (!split(s, a, e, "=", v, &n)) {
		import_skip(c, a, "it has more than %d pairs", MAX_PARTS - 1);
		return;
	}
	struct question *q = &m->q;
	import_question_init(q, Q_MATCH);
	q->choices = import_list(c, n);
	q->rights = import_list(c, n);
	if (!q->choices || !q->rights)
		return;
	size_t distractors = 0;
	for (size_t i = 0; i < n; i++) {
		size_t from = v[i].from, to = v[i].to;
		gift_trim(s, &from, &to);
		if (i == 0 && from == to)
			continue;
		size_t arrow = gift_find(s, from, to, "->");
		if (arrow == to) {
			import_skip(c, from, "a pair without '->' between its two items");
			return;
		}
		size_t lf = from;
		enum gift_format f = gift_read_format(s, &lf, arrow, m->gq->format);
		const char *left = gift_text(m->g, lf, arrow, f);
		/* the right items are plain text, as Moodle has them */
		const char *right = gift_text(m->g, arrow + 2, to, GIFT_PLAIN);
		if (!left) {
			distractors++;
			continue;
		}
		q->choices[q->nchoices] = left;
		q->rights[q->nchoices++] = right;
	}
	if (distractors)
		import_warn(c, "%zu extra right item%s (pairs with no left item) left out: a match question pairs every item",
		            distractors, distractors == 1 ? "" : "s");
	finish(m);
}

/* ---- the block ------------------------------------------------------------- */

/* True when s[from..to) is word, ASCII case ignored. */
static bool is(const char *s, size_t from, size_t to, const char *word)
{
	return to - from == strlen(word) && text_same_ci(s + from, word, to - from);
}

void gift_read_answers(struct gift *g, struct gift_question *gq)
{
	const char *s = g->s;
	struct import_ctx *c = g->c;
	memset(&g->dropped, 0, sizeof g->dropped);
	struct making m = { .g = g, .gq = gq };
	size_t a = gq->open + 1, e = gq->close;
	size_t gf = gift_find_last(s, a, e, "####");
	if (gf < e) {
		m.gf_from = gf + 4;
		m.gf_to = e;
		e = gf;
	}
	gift_trim(s, &a, &e);
	size_t tf_to = gift_find(s, a, e, "#"), tf_from = a;
	gift_trim(s, &tf_from, &tf_to);
	if (a == e) {
		import_skip(c, gq->open, "an essay (an empty answer block {}) has no answer to check");
	} else if (s[a] == '#') {
		numerical(&m, a + 1, e);
	} else if (gift_find(s, a, e, "~") < e) {
		multiple_choice(&m, a, e);
	} else if (gift_find(s, a, e, "=") < e && gift_find(s, a, e, "->") < e) {
		matching(&m, a, e);
	} else if (is(s, tf_from, tf_to, "T") || is(s, tf_from, tf_to, "TRUE")) {
		true_false(&m, tf_to, e, true);
	} else if (is(s, tf_from, tf_to, "F") || is(s, tf_from, tf_to, "FALSE")) {
		true_false(&m, tf_to, e, false);
	} else {
		short_answer(&m, a, e);
	}
	text_buf_free(&m.feedback);
}
