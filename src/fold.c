/* fold — lenient text comparison: folding and typo distance; see fold.h.
 *
 * Letters are folded with tables of our own rather than with <ctype.h>, so
 * nothing here depends on the locale.
 */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

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
		if (text_is_alpha(c) || text_is_digit(c)) {
			rep[0] = text_lower(c);
			rep[1] = '\0';
			return F_ASCII;
		}
		if (text_is_ascii_space(c) || c == '-' || c == '/' || c == '\\')
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
	if (text_is_wide_space(cp))
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

char *fold_text(const char *s)
{
	struct text_buf b = {0};
	size_t len = s ? strlen(s) : 0;
	bool space = false; /* a space is owed before the next character */

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode_lossy(s + i, len - i, &cp);
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
		i += text_utf8_decode_lossy(s + i, len - i, &cp);
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
/* Long: the banded table is one tight loop, kept whole for speed. */
size_t fold_distance(const char *a, const char *b, size_t limit)
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
		ai += text_utf8_decode_lossy(a + ai, alen - ai, &ca);
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
