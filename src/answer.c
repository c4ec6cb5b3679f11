/* answer — checking a learner's response against a question.
 *
 * The rules are those of questions/FORMAT.md, "How answers are checked".
 * Nothing here depends on the locale: numbers are read and written with a
 * '.' as the decimal point whatever LC_NUMERIC says, and letters are folded
 * with tables of our own rather than with <ctype.h>.
 */
#include "answer.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---------------------------------------------------------------- bytes */

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_alpha(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static char lower(char c)
{
	return (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
}

static bool is_ascii_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/* Unicode white space other than ASCII: no-break and typographic spaces. */
static bool is_wide_space(uint32_t cp)
{
	return cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

/* Decodes the code point at s[0..len); an invalid byte counts as one code
 * point of its own, outside Unicode (0x110000 + byte) so that it never
 * equals a real character. */
static size_t decode(const char *s, size_t len, uint32_t *cp)
{
	size_t k = text_utf8_decode(s, len, cp);
	if (k == 0) {
		*cp = 0x110000u + (unsigned char)s[0];
		k = 1;
	}
	return k;
}

/* Length of the white space (ASCII or Unicode) at s[0..len), 0 if none. */
static size_t space_at(const char *s, size_t len)
{
	uint32_t cp;
	if (len == 0)
		return 0;
	if (is_ascii_space(s[0]))
		return 1;
	if ((unsigned char)s[0] < 0x80)
		return 0;
	size_t k = text_utf8_decode(s, len, &cp);
	return (k && is_wide_space(cp)) ? k : 0;
}

/* Length of the white space that ends s[0..len), 0 if none. */
static size_t space_before(const char *s, size_t len)
{
	if (len == 0)
		return 0;
	if (is_ascii_space(s[len - 1]))
		return 1;
	size_t start = len - 1;
	while (start > 0 && len - start < 4 && ((unsigned char)s[start] & 0xC0) == 0x80)
		start--;
	size_t k = space_at(s + start, len - start);
	return (k == len - start) ? k : 0;
}

/* Narrows s[*b..*e) by the white space at both ends. */
static void trim_span(const char *s, size_t *b, size_t *e)
{
	size_t k;
	while (*b < *e && (k = space_at(s + *b, *e - *b)) > 0)
		*b += k;
	while (*e > *b && (k = space_before(s + *b, *e - *b)) > 0)
		*e -= k;
}

static bool same_ci(const char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (lower(a[i]) != lower(b[i]))
			return false;
	return true;
}

/* Writes x the way a person would: "26", "2.5", "-0.125", "1e+21"; always
 * with '.' as the decimal point.  printf follows LC_NUMERIC, so whatever
 * it puts between the digits is replaced by '.'. */
static void sb_number(struct text_buf *b, double x)
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
		if (is_digit(*p) || *p == '-' || *p == '+' || *p == 'e' || *p == 'E') {
			out[o++] = *p;
			gap = false;
		} else if (!gap) {
			out[o++] = '.';
			gap = true;
		}
	}
	text_buf_add(b, out, o);
}

/* -------------------------------------------------------------- folding */

/* Latin-1 letters U+00C0..U+00FF without their marks.  Upper-case letters
 * stand for two: A = "ae", T = "th", S = "ss"; '*' is a sign (× ÷) that
 * stays as it is. */
static const char latin1_base[] =
	"aaaaaaAceeeeiiiidnooooo*ouuuuyTS"
	"aaaaaaAceeeeiiiidnooooo*ouuuuyTy";
_Static_assert(sizeof latin1_base == 65, "one entry per code point U+00C0..U+00FF");

/* Latin Extended-A U+0100..U+017F; J = "ij", O = "oe". */
static const char latin_a_base[] =
	"aaaaaa" "cccccccc" "dddd" "eeeeeeeeee" "gggggggg" "hhhh" "iiiiiiiiii"
	"JJ" "jj" "kkk" "llllllllll" "nnnnnnnnn" "oooooo" "OO" "rrrrrr"
	"ssssssss" "tttttt" "uuuuuuuuuuuu" "ww" "yyy" "zzzzzz" "s";
_Static_assert(sizeof latin_a_base == 129, "one entry per code point U+0100..U+017F");

static const char *base_expand(char c)
{
	switch (c) {
	case 'A': return "ae";
	case 'T': return "th";
	case 'S': return "ss";
	case 'J': return "ij";
	case 'O': return "oe";
	default: return NULL;
	}
}

enum fold_kind { F_KEEP, F_DROP, F_SPACE, F_ASCII };

/* What folding does with cp: keeps it, drops it, makes it a space, or
 * replaces it by the ASCII letters stored in rep. */
static enum fold_kind fold_class(uint32_t cp, char rep[3])
{
	if (cp >= 0xFF01 && cp <= 0xFF5E)  /* full-width ASCII */
		cp -= 0xFEE0;
	if (cp < 0x80) {
		char c = (char)cp;
		if (is_alpha(c) || is_digit(c)) {
			rep[0] = lower(c);
			rep[1] = '\0';
			return F_ASCII;
		}
		if (is_ascii_space(c) || c == '-' || c == '/' || c == '\\')
			return F_SPACE;
		return F_DROP; /* punctuation and control characters */
	}
	if (cp < 0xA0 || cp == 0xAD)  /* C1 controls, soft hyphen */
		return F_DROP;
	if (cp < 0xC0) {
		switch (cp) {
		case 0xA0:
			return F_SPACE;
		case 0xA1: case 0xA7: case 0xAB: case 0xB6: case 0xB7: case 0xBB: case 0xBF:
			return F_DROP; /* ¡ § « ¶ · » ¿ */
		default:
			return F_KEEP; /* signs such as £ ° ² */
		}
	}
	if (cp < 0x180) {
		char c = cp < 0x100 ? latin1_base[cp - 0xC0] : latin_a_base[cp - 0x100];
		const char *two = base_expand(c);
		if (c == '*')
			return F_KEEP;
		if (two) {
			rep[0] = two[0];
			rep[1] = two[1];
			rep[2] = '\0';
		} else {
			rep[0] = c;
			rep[1] = '\0';
		}
		return F_ASCII;
	}
	if (cp >= 0x218 && cp <= 0x21B) {  /* Romanian ș ț with a comma below */
		rep[0] = cp < 0x21A ? 's' : 't';
		rep[1] = '\0';
		return F_ASCII;
	}
	if (cp == 0x1E9E) {  /* capital sharp s */
		rep[0] = rep[1] = 's';
		rep[2] = '\0';
		return F_ASCII;
	}
	if (cp >= 0x300 && cp <= 0x36F)  /* combining marks */
		return F_DROP;
	if (is_wide_space(cp))
		return F_SPACE;
	if ((cp >= 0x200B && cp <= 0x200D) || cp == 0x2060 || cp == 0xFEFF)
		return F_DROP; /* zero-width characters */
	if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2043 || cp == 0x2044 ||
	    cp == 0x2212 || cp == 0x2215 || cp == 0xFE58 || cp == 0xFE63)
		return F_SPACE; /* dashes, the minus sign, slashes */
	if ((cp >= 0x2016 && cp <= 0x2027) || (cp >= 0x2030 && cp <= 0x205E))
		return F_DROP; /* curly quotes, daggers, bullets, primes, ‹ › ... */
	if ((cp >= 0x3001 && cp <= 0x3003) || (cp >= 0x300C && cp <= 0x300F))
		return F_DROP; /* CJK commas, stops and quotes */
	return F_KEEP;
}

char *answer_fold(const char *s)
{
	struct text_buf b = {0};
	size_t len = s ? strlen(s) : 0;
	bool space = false; /* a space is owed before the next character */

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = decode(s + i, len - i, &cp);
		char rep[3];
		enum fold_kind f = fold_class(cp, rep);

		if (f == F_SPACE) {
			space = b.len > 0;
		} else if (f != F_DROP) {
			if (space)
				text_buf_puts(&b, " ");
			space = false;
			if (f == F_ASCII)
				text_buf_puts(&b, rep);
			else if (cp >= 0x110000u)
				text_buf_puts(&b, "\xEF\xBF\xBD"); /* U+FFFD for a bad byte */
			else
				text_buf_add(&b, s + i, k);
		}
		i += k;
	}
	return text_buf_finish(&b);
}

/* ------------------------------------------------------------- distance */

/* Code points in s, invalid bytes one each; when out is not NULL they are
 * stored there. */
static size_t code_points(const char *s, uint32_t *out)
{
	size_t n = 0, len = strlen(s);
	for (size_t i = 0; i < len; n++) {
		uint32_t cp;
		i += decode(s + i, len - i, &cp);
		if (out)
			out[n] = cp;
	}
	return n;
}

/* Optimal string alignment: edits are inserting, deleting or changing one
 * code point, or swapping two adjacent ones, and no substring is edited
 * twice.  Only the band of cells with |i - j| <= limit is computed (a
 * cheaper alignment cannot leave it), three rows of the shorter string's
 * length plus one are kept, and the work stops as soon as two rows in a
 * row exceed limit.  When memory runs out the strings count as far apart
 * (limit + 1). */
size_t answer_distance(const char *a, const char *b, size_t limit)
{
	if (!a)
		a = "";
	if (!b)
		b = "";
	size_t m = code_points(a, NULL), n = code_points(b, NULL);
	if (n > m) { /* the rows follow b: make it the shorter */
		const char *t = a;
		a = b;
		b = t;
		size_t tn = m;
		m = n;
		n = tn;
	}
	if (m - n > limit)
		return limit + 1;
	if (limit > m)
		limit = m; /* the distance is never above m: limit + 1 cannot wrap */
	if (n == 0)
		return m;

	const size_t inf = limit + 1;
	uint32_t small_b[64];
	size_t small_rows[3 * 65];
	uint32_t *ub = small_b;
	size_t *rows = small_rows;
	if (n > 64) {
		if (n > (SIZE_MAX / sizeof *rows - 3) / 3) /* rows would not fit */
			return limit + 1;
		ub = malloc(n * sizeof *ub);
		rows = malloc(3 * (n + 1) * sizeof *rows);
		if (!ub || !rows) {
			free(ub);
			free(rows);
			return limit + 1;
		}
	}
	code_points(b, ub);

	size_t *pp = rows, *prev = rows + (n + 1), *cur = rows + 2 * (n + 1);
	for (size_t j = 0; j <= n; j++) {
		pp[j] = cur[j] = inf;
		prev[j] = j < inf ? j : inf;
	}
	size_t prev_min = 0, result;
	uint32_t ca = 0, pa = 0; /* a[i-1] and a[i-2], 0-based */
	size_t alen = strlen(a), ai = 0;
	for (size_t i = 1; i <= m; i++) {
		pa = ca;
		ai += decode(a + ai, alen - ai, &ca);
		size_t lo = i > limit ? i - limit : 1;
		size_t hi = i + limit < n ? i + limit : n;
		size_t row_min;

		cur[0] = i < inf ? i : inf;
		if (lo > 1)
			cur[lo - 1] = inf;
		row_min = lo == 1 ? cur[0] : inf;
		for (size_t j = lo; j <= hi; j++) {
			size_t d = prev[j - 1] + (ca != ub[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			if (i > 1 && j > 1 && ca == ub[j - 2] && pa == ub[j - 1] && pp[j - 2] + 1 < d)
				d = pp[j - 2] + 1;
			if (d > inf)
				d = inf;
			cur[j] = d;
			if (d < row_min)
				row_min = d;
		}
		if (hi < n)
			cur[hi + 1] = inf;

		size_t *t = pp;
		pp = prev;
		prev = cur;
		cur = t;
		if (row_min > limit && prev_min > limit) {
			prev[n] = inf; /* every later row is beyond limit too */
			break;
		}
		prev_min = row_min;
	}
	result = prev[n];
	if (ub != small_b) {
		free(ub);
		free(rows);
	}
	return result > limit ? limit + 1 : result;
}

/* -------------------------------------------------------------- numbers */

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
	while (n < len && is_digit(s[n]))
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
		       (len - i - sl == 3 || !is_digit(s[i + sl + 3]))) {
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
		if (strlen(w) == len && same_ci(s, w, len))
			return &number_words[i];
	}
	return NULL;
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
		while (i < len && is_ascii_space(s[i]))
			i++;
		if (i == len)
			break;
		size_t start = i;
		while (i < len && !is_ascii_space(s[i]))
			i++;
		const char *tok = s + start;
		size_t tlen = i - start;
		size_t rest = i;
		while (rest < len && is_ascii_space(s[rest]))
			rest++;
		bool last_token = rest == len;

		bool signed_ok = w.tokens == 0 && !w.neg;
		if (is_digit(tok[0]) || tok[0] == '.' ||
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
					if (!is_alpha(tok[k]))
						return false;
				const struct number_word *nw = find_word(tok + p, q - p);
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
	if (ulen == 0 || ulen >= len || !same_ci(s + len - ulen, unit, ulen))
		return 0;
	char before = s[len - ulen - 1];
	if (is_digit(before) || is_ascii_space(before) || space_before(s, len - ulen))
		return ulen;
	return 0;
}

/* Surrounding white space is ignored, and so is the unit that ends the text
 * — also without its final "s" or with one added ("1 year" for "years",
 * "2 kgs" for "kg"). */
bool answer_parse_number(const char *s, const char *unit, double *out)
{
	if (!s)
		return false;
	size_t b = 0, e = strlen(s);
	trim_span(s, &b, &e);
	if (unit) {
		size_t ub = 0, ue = strlen(unit);
		trim_span(unit, &ub, &ue);
		const char *u = unit + ub;
		size_t ul = ue - ub, cut = 0;
		if (ul > 0) {
			cut = unit_tail(s + b, e - b, u, ul);
			if (!cut && ul > 1 && lower(u[ul - 1]) == 's')
				cut = unit_tail(s + b, e - b, u, ul - 1);
			if (!cut && lower(u[ul - 1]) != 's' && e - b > ul + 1 &&
			    lower(s[e - 1]) == 's') {
				cut = unit_tail(s + b, e - b - 1, u, ul);
				if (cut)
					cut++;
			}
		}
		if (cut) {
			e -= cut;
			trim_span(s, &b, &e);
		}
	}
	if (b == e)
		return false;
	double v;
	if (parse_numeral(s + b, e - b, true, &v) || parse_words(s + b, e - b, &v)) {
		*out = v;
		return true;
	}
	return false;
}

/* ------------------------------------------------------------- checking */

static void note_set(struct verdict *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Writes the note, cut if need be on a character boundary. */
static void note_set(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(v->note, sizeof v->note, fmt, ap);
	va_end(ap);
	if (n < 0) {
		v->note[0] = '\0';
	} else if ((size_t)n >= sizeof v->note) {
		size_t len = sizeof v->note - 1;
		size_t start = len;
		/* back off over a sequence the cut left incomplete */
		while (start > 0 && len - start < 4 && ((unsigned char)v->note[start - 1] & 0xC0) == 0x80)
			start--;
		if (start > 0 && (unsigned char)v->note[start - 1] >= 0xC0) {
			uint32_t cp;
			start--;
			if (text_utf8_decode(v->note + start, len - start, &cp) == len - start)
				start = len;
		} else {
			start = len;
		}
		v->note[start] = '\0';
	}
}

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

static unsigned long choice_mask(size_t n)
{
	size_t bits = sizeof(unsigned long) * 8;
	return n >= bits ? ~0UL : (1UL << n) - 1;
}

static void check_multi(const struct question *q, const struct response *r, struct verdict *v)
{
	unsigned long mask = choice_mask(q->nchoices);
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
			note_set(v, "%zu of %zu right option%s, %zu wrong", hits, nright,
			         nright == 1 ? "" : "s", misses);
		else
			note_set(v, "%zu of %zu right option%s", hits, nright, nright == 1 ? "" : "s");
	}
}

static void check_number(const struct question *q, const struct response *r, struct verdict *v)
{
	double x;
	if (!answer_parse_number(r->text, q->unit, &x)) {
		judge(v, 0);
		v->unparsed = true;
		note_set(v, "not a number");
		return;
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
		while (*a && !is_digit(*a))
			a++;
		while (*b && !is_digit(*b))
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
	trim_span(s, &sb, &se);
	trim_span(t, &tb, &te);
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
	if (answer_distance(t, a, allow) <= allow)
		return true;
	/* a space left out or put in need not use up the allowance */
	char *t2 = without_spaces(t), *a2 = without_spaces(a);
	bool near = t2 && a2 && answer_distance(t2, a2, allow) <= allow;
	free(t2);
	free(a2);
	return near;
}

static void check_text(const struct question *q, const struct response *r, struct verdict *v)
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

	char *t = answer_fold(typed);
	if (!t)
		return;
	/* folded the same, or the same but for spaces ("S-400" = "S400") */
	for (size_t k = 0; k < q->naccept && v->outcome != OUT_CORRECT; k++) {
		if (!q->accept[k])
			continue;
		char *a = answer_fold(q->accept[k]);
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
		char *a = answer_fold(q->accept[k]);
		if (a && near_enough(t, a)) {
			size_t b = 0, e = strlen(typed);
			trim_span(typed, &b, &e);
			judge(v, 1);
			v->typo = true;
			note_set(v, "accepted with a typo: %.*s", (int)(e - b < 1000 ? e - b : 1000),
			         typed + b);
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

static void check_order(const struct question *q, const struct response *r, struct verdict *v)
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
		note_set(v, "%zu of %zu pairs of items in the right order", good, pairs);
}

static void check_match(const struct question *q, const struct response *r, struct verdict *v)
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
		note_set(v, "%zu of %zu pairs matched", good, n);
}

/* Credit of a flashcard's self-rating: again 0, hard 0.5, good and easy 1. */
static double card_credit(enum rating rt)
{
	switch (rt) {
	case RATE_HARD: return 0.5;
	case RATE_GOOD: case RATE_EASY: return 1.0;
	case RATE_NONE: case RATE_AGAIN: default: return 0.0;
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

	switch (q->type) {
	case Q_CHOICE:
		judge(v, r->choice < q->nchoices && r->choice == q->correct ? 1.0 : 0.0);
		break;
	case Q_MULTI:
		check_multi(q, r, v);
		break;
	case Q_TRUEFALSE:
		judge(v, r->truth == q->truth ? 1.0 : 0.0);
		break;
	case Q_NUMBER:
		check_number(q, r, v);
		break;
	case Q_TEXT:
		check_text(q, r, v);
		break;
	case Q_ORDER:
		check_order(q, r, v);
		break;
	case Q_MATCH:
		check_match(q, r, v);
		break;
	case Q_CARD:
		judge(v, card_credit(r->rating));
		break;
	case Q_NTYPES:
	default:
		break;
	}
}

/* ------------------------------------------------------------ reporting */

#define ARROW " \xE2\x86\x92 " /* " → " */

static const char *option(const struct question *q, size_t i)
{
	return q->choices && i < q->nchoices && q->choices[i] ? q->choices[i] : "?";
}

static const char *right_side(const struct question *q, size_t i)
{
	return q->rights && i < q->nchoices && q->rights[i] ? q->rights[i] : "?";
}

/* The options whose bits are set in bits, joined by ", ". */
static void sb_options(struct text_buf *b, const struct question *q, unsigned long bits)
{
	bool first = true;
	bits &= choice_mask(q->nchoices);
	for (size_t i = 0; i < q->nchoices && i < sizeof bits * 8; i++) {
		if (!((bits >> i) & 1UL))
			continue;
		if (!first)
			text_buf_puts(b, ", ");
		text_buf_puts(b, option(q, i));
		first = false;
	}
}

char *answer_format(const struct question *q)
{
	struct text_buf b = {0};
	if (!q)
		return text_buf_finish(&b);

	switch (q->type) {
	case Q_CHOICE:
		if (q->correct < q->nchoices)
			text_buf_puts(&b, option(q, (size_t)q->correct));
		break;
	case Q_MULTI:
		sb_options(&b, q, q->correct);
		break;
	case Q_TRUEFALSE:
		text_buf_puts(&b, q->truth ? "true" : "false");
		break;
	case Q_NUMBER:
		sb_number(&b, q->number);
		if (q->unit) {
			text_buf_puts(&b, " ");
			text_buf_puts(&b, q->unit);
		}
		if (q->min != q->number || q->max != q->number) {
			text_buf_puts(&b, " (between ");
			sb_number(&b, q->min);
			text_buf_puts(&b, " and ");
			sb_number(&b, q->max);
			text_buf_puts(&b, ")");
		}
		break;
	case Q_TEXT:
		if (q->accept && q->naccept > 0)
			text_buf_puts(&b, q->accept[0]);
		break;
	case Q_ORDER:
		for (size_t i = 0; i < q->nchoices; i++) {
			char num[32];
			snprintf(num, sizeof num, "%s%zu. ", i ? "; " : "", i + 1);
			text_buf_puts(&b, num);
			text_buf_puts(&b, option(q, i));
		}
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->nchoices; i++) {
			if (i)
				text_buf_puts(&b, "; ");
			text_buf_puts(&b, option(q, i));
			text_buf_puts(&b, ARROW);
			text_buf_puts(&b, right_side(q, i));
		}
		break;
	case Q_CARD:
		text_buf_puts(&b, q->back);
		break;
	case Q_NTYPES:
	default:
		break;
	}
	return text_buf_finish(&b);
}

static const char *rating_name(enum rating rt)
{
	switch (rt) {
	case RATE_AGAIN: return "again";
	case RATE_HARD: return "hard";
	case RATE_GOOD: return "good";
	case RATE_EASY: return "easy";
	case RATE_NONE: default: return "";
	}
}

char *answer_describe(const struct question *q, const struct response *r)
{
	struct text_buf b = {0};
	if (!q || !r)
		return text_buf_finish(&b);

	switch (q->type) {
	case Q_CHOICE:
		if (r->choice < q->nchoices)
			text_buf_puts(&b, option(q, r->choice));
		break;
	case Q_MULTI:
		sb_options(&b, q, r->selected);
		break;
	case Q_TRUEFALSE:
		text_buf_puts(&b, r->truth ? "true" : "false");
		break;
	case Q_NUMBER:
	case Q_TEXT:
		if (r->text) {
			size_t s = 0, e = strlen(r->text);
			trim_span(r->text, &s, &e);
			text_buf_add(&b, r->text + s, e - s);
		}
		break;
	case Q_ORDER:
		for (size_t i = 0; r->order && i < q->nchoices; i++) {
			if (i)
				text_buf_puts(&b, "; ");
			text_buf_puts(&b, option(q, r->order[i]));
		}
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->nchoices; i++) {
			if (i)
				text_buf_puts(&b, "; ");
			text_buf_puts(&b, option(q, i));
			text_buf_puts(&b, ARROW);
			if (r->match && r->match[i] < q->nchoices)
				text_buf_puts(&b, right_side(q, r->match[i]));
			else
				text_buf_puts(&b, "(none)");
		}
		break;
	case Q_CARD:
		text_buf_puts(&b, rating_name(r->rating));
		break;
	case Q_NTYPES:
	default:
		break;
	}
	return text_buf_finish(&b);
}
