/* number — reading numbers as learners type them, and writing them out;
 * see number.h.
 *
 * Nothing here depends on the locale: numbers are read and written with a
 * '.' as the decimal point whatever LC_NUMERIC says.
 */
#include "number.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Length of the thousands separator at s[0..len) (',' or a space of some
 * kind), 0 if none; *kind tells which. */
static size_t group_sep(const char *s, size_t len, uint32_t *kind)
{
	if (len == 0)
		return 0;
	if (s[0] == ',' || s[0] == ' ') {
		*kind = (unsigned char)s[0];
		return 1;
	}
	uint32_t cp;
	size_t k = text_utf8_decode(s, len, &cp);
	if (k && (cp == 0x00A0 || cp == 0x202F || cp == 0x2009)) {
		*kind = cp;
		return k;
	}
	return 0;
}

static size_t digit_run(const char *s, size_t len)
{
	size_t n = 0;
	while (n < len && text_is_digit(s[n]))
		n++;
	return n;
}

#define MAX_SIG_DIGITS 40

struct digits {
	char d[MAX_SIG_DIGITS + 1];
	size_t n;      /* significant digits kept */
	long exp;      /* value = d * 10^exp */
};

static void add_digit(struct digits *g, char c, bool fraction)
{
	if (g->n == 0 && c == '0') {
		if (fraction)
			g->exp--;
		return;
	}
	if (g->n < MAX_SIG_DIGITS) {
		g->d[g->n++] = c;
		if (fraction)
			g->exp--;
	} else if (!fraction) {
		g->exp++; /* a digit beyond what matters still scales the value */
	}
}

/* Reads a numeral filling all of s[0..len): an optional sign (when
 * allow_sign), digits grouped by thousands or not ("1,000", "1 000",
 * "1000"), an optional fraction and an optional exponent.  A number may
 * start or end with its point (".5", "26."): both are plain enough to
 * read.  The digits are handed to strtod as "DIGITSeEXP", which has no
 * decimal point for the locale to get wrong, and it rounds correctly. */
/* Long: one pass over sign, groups, fraction and exponent, sharing the index. */
static bool parse_numeral(const char *s, size_t len, bool allow_sign, double *out)
{
	struct digits g = {{0}, 0, 0};
	size_t i = 0, run, ndigits = 0;
	bool neg = false;

	if (allow_sign && i < len && (s[i] == '+' || s[i] == '-')) {
		neg = s[i] == '-';
		i++;
	} else if (allow_sign && len - i >= 3 && memcmp(s + i, "\xE2\x88\x92", 3) == 0) {
		neg = true; /* U+2212 minus sign */
		i += 3;
	}

	run = digit_run(s + i, len - i);
	for (size_t k = 0; k < run; k++)
		add_digit(&g, s[i + k], false);
	i += run;
	ndigits += run;
	if (run >= 1 && run <= 3) {
		uint32_t sep = 0, kind = 0;
		size_t sl;
		while ((sl = group_sep(s + i, len - i, &kind)) > 0 &&
		       len - i - sl >= 3 && digit_run(s + i + sl, 3) == 3 &&
		       (len - i - sl == 3 || !text_is_digit(s[i + sl + 3]))) {
			if (sep && kind != sep)
				return false;
			sep = kind;
			for (size_t k = 0; k < 3; k++)
				add_digit(&g, s[i + sl + k], false);
			i += sl + 3;
			ndigits += 3;
		}
	}
	if (i < len && s[i] == '.') {
		i++;
		run = digit_run(s + i, len - i);
		for (size_t k = 0; k < run; k++)
			add_digit(&g, s[i + k], true);
		i += run;
		ndigits += run;
	}
	if (ndigits == 0)
		return false;
	long e = 0;
	if (i < len && (s[i] == 'e' || s[i] == 'E')) {
		bool eneg = false;
		i++;
		if (i < len && (s[i] == '+' || s[i] == '-')) {
			eneg = s[i] == '-';
			i++;
		}
		run = digit_run(s + i, len - i);
		if (run == 0)
			return false;
		for (size_t k = 0; k < run; k++)
			if (e < 100000)
				e = e * 10 + (s[i + k] - '0');
		i += run;
		if (eneg)
			e = -e;
	}
	if (i != len)
		return false;

	double v;
	long total = g.exp + e;
	if (g.n == 0) {
		v = 0.0;
	} else if (total > 400) {
		return false; /* far beyond DBL_MAX */
	} else if (total < -800) {
		v = 0.0;
	} else {
		char buf[MAX_SIG_DIGITS + 32];
		snprintf(buf, sizeof buf, "%.*se%ld", (int)g.n, g.d, total);
		v = strtod(buf, NULL);
	}
	if (!isfinite(v))
		return false;
	*out = neg && v != 0 ? -v : v;
	return true;
}

enum word_kind { W_ZERO, W_UNIT, W_TENS, W_HUNDRED, W_SCALE, W_AND, W_A, W_MINUS };

static const struct number_word {
	const char *word;
	enum word_kind kind;
	double value;
} number_words[] = {
	{"zero", W_ZERO, 0}, {"one", W_UNIT, 1}, {"two", W_UNIT, 2},
	{"three", W_UNIT, 3}, {"four", W_UNIT, 4}, {"five", W_UNIT, 5},
	{"six", W_UNIT, 6}, {"seven", W_UNIT, 7}, {"eight", W_UNIT, 8},
	{"nine", W_UNIT, 9}, {"ten", W_UNIT, 10}, {"eleven", W_UNIT, 11},
	{"twelve", W_UNIT, 12}, {"thirteen", W_UNIT, 13}, {"fourteen", W_UNIT, 14},
	{"fifteen", W_UNIT, 15}, {"sixteen", W_UNIT, 16}, {"seventeen", W_UNIT, 17},
	{"eighteen", W_UNIT, 18}, {"nineteen", W_UNIT, 19},
	{"twenty", W_TENS, 20}, {"thirty", W_TENS, 30}, {"forty", W_TENS, 40},
	{"fifty", W_TENS, 50}, {"sixty", W_TENS, 60}, {"seventy", W_TENS, 70},
	{"eighty", W_TENS, 80}, {"ninety", W_TENS, 90},
	{"hundred", W_HUNDRED, 100}, {"thousand", W_SCALE, 1e3},
	{"million", W_SCALE, 1e6}, {"billion", W_SCALE, 1e9},
	{"trillion", W_SCALE, 1e12},
	{"and", W_AND, 0}, {"a", W_A, 1}, {"minus", W_MINUS, 0},
	{"negative", W_MINUS, 0},
};

static const struct number_word *find_word(const char *s, size_t len)
{
	for (size_t i = 0; i < sizeof number_words / sizeof number_words[0]; i++) {
		const char *w = number_words[i].word;
		if (strlen(w) == len && text_same_ci(s, w, len))
			return &number_words[i];
	}
	return NULL;
}

/* The cardinal of an ordinal word ("second" -> two, "twentieth" ->
 * twenty, "hundredth" -> hundred), or NULL. */
static const struct number_word *find_ordinal(const char *s, size_t len)
{
	static const char *const odd[][2] = {
		{"first", "one"}, {"second", "two"}, {"third", "three"}, {"fifth", "five"},
		{"eighth", "eight"}, {"ninth", "nine"}, {"twelfth", "twelve"},
	};
	for (size_t i = 0; i < sizeof odd / sizeof odd[0]; i++)
		if (strlen(odd[i][0]) == len && text_same_ci(s, odd[i][0], len))
			return find_word(odd[i][1], strlen(odd[i][1]));
	char stem[16];
	const struct number_word *nw = NULL;
	if (len > 4 && len < sizeof stem && text_same_ci(s + len - 4, "ieth", 4)) {
		memcpy(stem, s, len - 4);   /* "twentieth" -> "twenty" */
		stem[len - 4] = 'y';
		nw = find_word(stem, len - 3);
	} else if (len > 2 && text_same_ci(s + len - 2, "th", 2)) {
		nw = find_word(s, len - 2);  /* "sixth", "hundredth" */
	}
	return nw && nw->kind != W_AND && nw->kind != W_A && nw->kind != W_MINUS ? nw : NULL;
}

/* What came last while reading number words. */
enum word_state { S_START, S_ZERO, S_A, S_UNIT, S_TENS, S_HUNDRED, S_SCALE, S_AND, S_NUMERAL };

struct word_reader {
	enum word_state last;
	double total;      /* the groups closed by a scale word */
	double small;      /* the group being read */
	double prev_scale; /* scales must fall: "a million two thousand" */
	bool hundred;      /* the group has had its "hundred" */
	bool neg;
	size_t tokens;     /* tokens read */
};

static bool word_step(struct word_reader *w, const struct number_word *nw, size_t left)
{
	enum word_state l = w->last;
	bool group_start = l == S_START || l == S_HUNDRED || l == S_SCALE || l == S_AND;

	switch (nw->kind) {
	case W_MINUS:
		if (w->tokens != 0 || left == 0 || w->neg)
			return false;
		w->neg = true;
		return true; /* the state stays at the start */
	case W_ZERO:
		if (l != S_START)
			return false;
		w->last = S_ZERO;
		return true;
	case W_A:
		if (l != S_START)
			return false;
		w->small = 1;
		w->last = S_A;
		return true;
	case W_UNIT:
		if (!(group_start || (l == S_TENS && nw->value < 10)))
			return false;
		w->small += nw->value;
		w->last = S_UNIT;
		return true;
	case W_TENS:
		if (!group_start)
			return false;
		w->small += nw->value;
		w->last = S_TENS;
		return true;
	case W_HUNDRED:
		if (l == S_START)
			w->small = 1;
		else if (l != S_A && l != S_UNIT && l != S_TENS && l != S_NUMERAL)
			return false;
		if (w->hundred || w->small < 1 || w->small >= 100 || w->small != floor(w->small))
			return false;
		w->small *= 100;
		w->hundred = true;
		w->last = S_HUNDRED;
		return true;
	case W_SCALE:
		if (l == S_START)
			w->small = 1;
		else if (l != S_A && l != S_UNIT && l != S_TENS && l != S_HUNDRED && l != S_NUMERAL)
			return false;
		if (nw->value >= w->prev_scale)
			return false;
		w->total += w->small * nw->value;
		w->small = 0;
		w->hundred = false;
		w->prev_scale = nw->value;
		w->last = S_SCALE;
		return true;
	case W_AND:
		if (l != S_HUNDRED && l != S_SCALE)
			return false;
		w->last = S_AND;
		return true;
	}
	return false;
}

/* Reads English number words, with numerals allowed where a group starts
 * ("3 million", "2.5 million"): "twenty-six", "twenty six", "a hundred",
 * "one hundred and five", "minus three", "one million two thousand". */
static bool parse_words(const char *s, size_t len, double *out)
{
	struct word_reader w = {S_START, 0, 0, HUGE_VAL, false, false, 0};
	size_t i = 0;

	for (;;) {
		while (i < len && text_is_ascii_space(s[i]))
			i++;
		if (i == len)
			break;
		size_t start = i;
		while (i < len && !text_is_ascii_space(s[i]))
			i++;
		const char *tok = s + start;
		size_t tlen = i - start;
		size_t rest = i;
		while (rest < len && text_is_ascii_space(s[rest]))
			rest++;
		bool last_token = rest == len;

		bool signed_ok = w.tokens == 0 && !w.neg;
		if (text_is_digit(tok[0]) || tok[0] == '.' ||
		    (signed_ok && (tok[0] == '-' || tok[0] == '+'))) {
			/* a numeral starts a group, or ends one after "hundred"
			 * or "and": "3 million", "one hundred and 5" */
			double x;
			enum word_state l = w.last;
			if (!(l == S_START || l == S_SCALE || l == S_HUNDRED || l == S_AND))
				return false;
			if (!parse_numeral(tok, tlen, signed_ok, &x))
				return false;
			if (l != S_START && !(x >= 0 && x < (w.hundred ? 100 : 1000)))
				return false;
			if (x < 0) { /* "-3 million" is minus three million */
				w.neg = true;
				x = -x;
			}
			w.small += x;
			w.last = S_NUMERAL;
		} else {
			/* words joined by hyphens: "twenty-six" */
			for (size_t p = 0; p <= tlen;) {
				size_t q = p;
				while (q < tlen && tok[q] != '-')
					q++;
				if (q == p)
					return false;
				for (size_t k = p; k < q; k++)
					if (!text_is_alpha(tok[k]))
						return false;
				const struct number_word *nw = find_word(tok + p, q - p);
				if (!nw && q == tlen && last_token)
					nw = find_ordinal(tok + p, q - p);  /* "twenty-second" */
				if (!nw || !word_step(&w, nw, (q < tlen || !last_token) ? 1 : 0))
					return false;
				if (nw->kind != W_MINUS)
					w.tokens++;
				p = q + 1;
			}
			continue;
		}
		w.tokens++;
	}
	switch (w.last) {
	case S_ZERO: case S_UNIT: case S_TENS: case S_HUNDRED: case S_SCALE: case S_NUMERAL:
		break;
	default:
		return false;
	}
	double v = w.total + w.small;
	if (!isfinite(v))
		return false;
	*out = w.neg && v != 0 ? -v : v;
	return true;
}

/* Length of a unit of ulen bytes ending s[0..len) (compared without regard
 * to ASCII case), 0 when there is none: the unit must follow white space
 * or the number itself ("26 people", "26km"). */
static size_t unit_tail(const char *s, size_t len, const char *unit, size_t ulen)
{
	if (ulen == 0 || ulen >= len || !text_same_ci(s + len - ulen, unit, ulen))
		return 0;
	char before = s[len - ulen - 1];
	if (text_is_digit(before) || text_is_ascii_space(before) || text_space_before(s, len - ulen))
		return ulen;
	return 0;
}

/* A whole number written with an ordinal suffix: "22nd", "1st", "3rd",
 * "4th" (the suffix is not checked against the number: "22th" is read too). */
static bool parse_ordinal_numeral(const char *s, size_t len, double *out)
{
	static const char *const suffixes[] = { "st", "nd", "rd", "th" };
	if (len < 3 || !text_is_digit(s[len - 3]))
		return false;
	for (size_t i = 0; i < 4; i++) {
		double x;
		if (text_same_ci(s + len - 2, suffixes[i], 2) &&
		    parse_numeral(s, len - 2, false, &x) && x == floor(x)) {
			*out = x;
			return true;
		}
	}
	return false;
}

/* The whole of s[0..len) as one number: digits, an ordinal, or words. */
static bool parse_one(const char *s, size_t len, double *out)
{
	return parse_numeral(s, len, true, out) || parse_ordinal_numeral(s, len, out) ||
	       parse_words(s, len, out);
}

/* The words of a text: at most MAX_TOKENS spans between white space. */
#define MAX_TOKENS 16
struct tokens {
	size_t n;
	size_t b[MAX_TOKENS], e[MAX_TOKENS];
};

/* Splits s[0..len) at white space, and also at commas when commas is true;
 * false when there are too many words. */
static bool split(const char *s, size_t len, bool commas, struct tokens *t)
{
	t->n = 0;
	for (size_t i = 0;;) {
		while (i < len && (text_is_ascii_space(s[i]) || (commas && s[i] == ',')))
			i++;
		if (i == len)
			return true;
		if (t->n == MAX_TOKENS)
			return false;
		t->b[t->n] = i;
		while (i < len && !text_is_ascii_space(s[i]) && !(commas && s[i] == ','))
			i++;
		t->e[t->n++] = i;
	}
}

/* True when the word s[0..len) is a number by itself or a part of one: it
 * holds a digit, or one of its hyphenated parts is a number word other
 * than "a" ("and" and "minus" count only when first is true: they would
 * join the number to what follows). */
static bool numberish(const char *s, size_t len, bool first)
{
	for (size_t i = 0; i < len; i++)
		if (text_is_digit(s[i]))
			return true;
	for (size_t p = 0; p < len;) {
		size_t q = p;
		while (q < len && text_is_alpha(s[q]))
			q++;
		const struct number_word *nw = q > p ? find_word(s + p, q - p) : NULL;
		if (nw && nw->kind != W_A && (first || (nw->kind != W_AND && nw->kind != W_MINUS)))
			return true;
		p = q < len ? q + 1 : q;
	}
	return false;
}

/* A number followed by words that are not themselves a number: "26
 * civilians", "twenty-six people were killed".  The longest leading run of
 * words that reads as a number counts; a comma may end it ("26, I think").
 * Two numbers ("26 27", "26 or 27 people") are ambiguous: refused. */
static bool parse_leading(const char *s, size_t len, double *out)
{
	struct tokens t;
	if (!split(s, len, false, &t) || t.n < 2)
		return false;
	for (size_t k = t.n - 1; k >= 1; k--) {
		size_t end = t.e[k - 1];
		if (s[end - 1] == ',' && end - 1 > 0)
			end--;
		double x;
		if (!parse_one(s, end, &x))
			continue;
		for (size_t i = k; i < t.n; i++)
			if (numberish(s + t.b[i], t.e[i] - t.b[i], i == k))
				return false;
		*out = x;
		return true;
	}
	return false;
}

/* The month named by s[0..len): its full English name or its first three
 * letters, with or without a full stop ("April", "apr", "Sept."). */
static bool is_month(const char *s, size_t len)
{
	static const char *const months[] = {
		"january", "february", "march", "april", "may", "june", "july",
		"august", "september", "october", "november", "december",
	};
	if (len > 0 && s[len - 1] == '.')
		len--;
	for (size_t i = 0; i < 12; i++) {
		size_t ml = strlen(months[i]);
		if ((len == ml || len == 3 || (i == 8 && len == 4)) && len <= ml &&
		    text_same_ci(s, months[i], len))
			return true;
	}
	return false;
}

/* A date read as its day of the month: "April 22", "22 April", "22 April
 * 2025", "April 22nd, 2025", "the 22nd of April".  The day is a number
 * from 1 to 31 (digits, an ordinal or words); the year, when there is one,
 * digits. */
static bool parse_date(const char *s, size_t len, double *out)
{
	struct tokens t, w = { 0, {0}, {0} };
	if (!split(s, len, true, &t))
		return false;
	for (size_t i = 0; i < t.n; i++) {  /* "the" and "of" say nothing here */
		size_t n = t.e[i] - t.b[i];
		if ((n == 3 && text_same_ci(s + t.b[i], "the", 3)) ||
		    (n == 2 && text_same_ci(s + t.b[i], "of", 2)))
			continue;
		w.b[w.n] = t.b[i];
		w.e[w.n++] = t.e[i];
	}
	if (w.n < 2 || w.n > 3)
		return false;
	size_t month = is_month(s + w.b[0], w.e[0] - w.b[0]) ? 0 : 1;
	size_t day = 1 - month;
	if (!is_month(s + w.b[month], w.e[month] - w.b[month]))
		return false;
	if (w.n == 3) {
		for (size_t i = w.b[2]; i < w.e[2]; i++)
			if (!text_is_digit(s[i]))
				return false;
	}
	double x;
	if (!parse_one(s + w.b[day], w.e[day] - w.b[day], &x) || x < 1 || x > 31 || x != floor(x))
		return false;
	*out = x;
	return true;
}

bool number_parse(const char *s, const char *unit, double *out)
{
	return number_read(s, unit, 0, out, NULL);
}

/* Surrounding white space is ignored, and so is the unit that ends the text
 * — also without its final "s" or with one added ("1 year" for "years",
 * "2 kgs" for "kg"). */
/* Long: the unit's three spellings, then each way of reading in turn. */
bool number_read(const char *s, const char *unit, unsigned flags, double *out,
                 enum number_how *how)
{
	if (!s)
		return false;
	size_t b = 0, e = strlen(s);
	text_trim_span(s, &b, &e);
	if (unit) {
		size_t ub = 0, ue = strlen(unit);
		text_trim_span(unit, &ub, &ue);
		const char *u = unit + ub;
		size_t ul = ue - ub, cut = 0;
		if (ul > 0) {
			cut = unit_tail(s + b, e - b, u, ul);
			if (!cut && ul > 1 && text_lower(u[ul - 1]) == 's')
				cut = unit_tail(s + b, e - b, u, ul - 1);
			if (!cut && text_lower(u[ul - 1]) != 's' && e - b > ul + 1 &&
			    text_lower(s[e - 1]) == 's') {
				cut = unit_tail(s + b, e - b - 1, u, ul);
				if (cut)
					cut++;
			}
		}
		if (cut) {
			e -= cut;
			text_trim_span(s, &b, &e);
		}
	}
	if (b == e)
		return false;
	double v;
	enum number_how h;
	if (parse_one(s + b, e - b, &v))
		h = NUMBER_WHOLE;
	else if ((flags & NUMBER_DATES) && parse_date(s + b, e - b, &v))
		h = NUMBER_DAY;
	else if (parse_leading(s + b, e - b, &v))
		h = NUMBER_LEADING;
	else
		return false;
	*out = v;
	if (how)
		*how = h;
	return true;
}

/* -------------------------------------------------------------- writing */

/* printf follows LC_NUMERIC, so whatever it puts between the digits is
 * replaced by '.'. */
void number_write(struct text_buf *b, double x)
{
	char tmp[64], out[64];
	size_t o = 0;
	bool gap = false;

	if (isnan(x)) {
		text_buf_puts(b, "nan");
		return;
	}
	if (isinf(x)) {
		text_buf_puts(b, x < 0 ? "-inf" : "inf");
		return;
	}
	if (x == 0)
		x = 0.0; /* no "-0" */
	if (x == floor(x) && fabs(x) < 1e18)
		snprintf(tmp, sizeof tmp, "%.0f", x);
	else
		snprintf(tmp, sizeof tmp, "%.15g", x);
	for (const char *p = tmp; *p && o < sizeof out - 1; p++) {
		if (text_is_digit(*p) || *p == '-' || *p == '+' || *p == 'e' || *p == 'E') {
			out[o++] = *p;
			gap = false;
		} else if (!gap) {
			out[o++] = '.';
			gap = true;
		}
	}
	text_buf_add(b, out, o);
}
