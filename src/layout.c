/* layout — text laid out by display width; see layout.h. */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "text.h"

/* Decodes the character at s[i..len): its code point and byte length.  An
 * invalid byte is taken alone, as U+FFFD. */
static size_t next_cp(const char *s, size_t len, size_t i, uint32_t *cp)
{
	size_t k = text_utf8_decode(s + i, len - i, cp);
	if (k == 0) {
		*cp = 0xFFFD;
		k = 1;
	}
	return k;
}

/* Byte offset of the character before offset i of s (i > 0). */
static size_t prev_start(const char *s, size_t i)
{
	size_t j = i - 1;
	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	uint32_t cp;
	/* Only a whole sequence ending at i counts as one character. */
	if (text_utf8_decode(s + j, i - j, &cp) == i - j)
		return j;
	return i - 1;
}

size_t layout_cp_width(uint32_t cp)
{
	if ((cp >= 0x20 && cp < 0x7f) || cp == '\t')
		return 1;  /* printable ASCII: what wcwidth says in every locale, without asking */
	if (cp > 0x10FFFF)
		return 1;
	int w = wcwidth((wchar_t)cp);
	if (w < 0)
		return 1;
	return (size_t)w;
}

size_t layout_width(const char *s, size_t len)
{
	size_t w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += next_cp(s, len, i, &cp);
		w += layout_cp_width(cp);
	}
	return w;
}

size_t layout_fit(const char *s, size_t len, size_t width)
{
	size_t w = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = next_cp(s, len, i, &cp);
		size_t cw = layout_cp_width(cp);
		if (w + cw > width)
			break;
		w += cw;
		i += k;
	}
	return i;
}

/* ---- wrapping -------------------------------------------------------- */

static int add_line(struct layout_lines *out, size_t start, size_t len, size_t width)
{
	if (out->n == out->cap) {
		size_t cap = out->cap ? out->cap * 2 : 16;
		struct layout_line *v = realloc(out->v, cap * sizeof *v);
		if (!v)
			return -1;
		out->v = v;
		out->cap = cap;
	}
	out->v[out->n++] = (struct layout_line){ start, len, width };
	return 0;
}

static bool is_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t';
}

/* Adds the line s[start..end) without its trailing spaces. */
static int emit(struct layout_lines *out, const char *s, size_t start, size_t end)
{
	while (end > start && (s[end - 1] == ' ' || s[end - 1] == '\t'))
		end--;
	return add_line(out, start, end - start, layout_width(s + start, end - start));
}

/* Wraps one paragraph, s[a..b) with no '\n' in it. */
static int wrap_paragraph(const char *s, size_t a, size_t b, size_t width, struct layout_lines *out)
{
	size_t start = a;       /* where the line being built starts */
	size_t w = 0;           /* the width of s[start..i) */
	size_t brk = 0;         /* where the last run of spaces after a word starts */
	bool have_brk = false;  /* brk is set for this line */
	bool in_space = false;  /* the character before i is a space */
	size_t i = a;
	while (i < b) {
		uint32_t cp;
		size_t k = next_cp(s, b, i, &cp);
		size_t cw = layout_cp_width(cp);
		if (is_space(cp)) {
			if (!in_space && i > start) {
				brk = i;
				have_brk = true;
			}
			in_space = true;
			w += cw;  /* spaces may overflow: they are dropped at the break */
			i += k;
			continue;
		}
		if (w + cw > width && i > start) {
			/* End the line at the last space, or cut a word too long. */
			size_t end = have_brk ? brk : i;
			if (emit(out, s, start, end) != 0)
				return -1;
			start = end;
			while (start < i && is_space((unsigned char)s[start]))
				start++;
			w = layout_width(s + start, i - start);
			have_brk = false;
			in_space = false;
			continue;  /* the same character again, on the new line */
		}
		in_space = false;
		w += cw;
		i += k;
	}
	return emit(out, s, start, b);
}

int layout_wrap(const char *s, size_t width, struct layout_lines *out)
{
	if (width == 0)
		width = 1;
	size_t len = strlen(s);
	size_t a = 0;
	for (;;) {
		const char *nl = memchr(s + a, '\n', len - a);
		size_t b = nl ? (size_t)(nl - s) : len;
		if (wrap_paragraph(s, a, b, width, out) != 0)
			return -1;
		if (!nl)
			break;
		a = b + 1;
		if (a == len)
			break;  /* a final '\n' ends the text; it adds no empty line */
	}
	return 0;
}

void layout_lines_free(struct layout_lines *l)
{
	free(l->v);
	memset(l, 0, sizeof *l);
}

/* ---- truncation and bars ------------------------------------------- */

size_t layout_truncate(const char *s, size_t width, const char *ellipsis, char *buf, size_t size)
{
	if (size == 0)
		return 0;
	size_t len = strlen(s);
	size_t n = len, el = 0;
	if (layout_width(s, len) > width) {
		el = strlen(ellipsis);
		size_t ew = layout_width(ellipsis, el);
		if (ew > width) {
			el = 0;  /* no room even for the ellipsis */
			ew = 0;
		}
		n = layout_fit(s, len, width - ew);
		while (el && n > 0 && s[n - 1] == ' ')
			n--;  /* spaces before the ellipsis say nothing */
	}
	/* A buffer too small cuts further, on a character boundary. */
	while (n > 0 && n + el + 1 > size)
		n = prev_start(s, n);
	if (n + el + 1 > size)
		el = 0;
	memcpy(buf, s, n);
	memcpy(buf + n, ellipsis, el);
	buf[n + el] = '\0';
	return layout_width(buf, n + el);
}

size_t layout_bar_cells(double fraction, size_t width)
{
	if (!(fraction > 0.0) || width == 0)
		return 0;
	if (fraction >= 1.0)
		return width;
	size_t cells = (size_t)lround(fraction * (double)width);
	if (cells == 0)
		cells = 1;
	if (cells >= width)
		cells = width - 1;
	return cells;
}

void layout_bar(double fraction, size_t width, bool unicode, char *buf, size_t size, size_t *split)
{
	const char *full = unicode ? "\u2588" : "#";
	const char *empty = unicode ? "\u2591" : "-";
	size_t fl = strlen(full), el = strlen(empty);
	size_t cells = layout_bar_cells(fraction, width);
	size_t n = 0;
	*split = 0;
	if (size == 0)
		return;
	for (size_t i = 0; i < width; i++) {
		const char *g = i < cells ? full : empty;
		size_t gl = i < cells ? fl : el;
		if (n + gl + 1 > size)
			break;
		memcpy(buf + n, g, gl);
		n += gl;
		if (i < cells)
			*split = n;
	}
	buf[n] = '\0';
}

size_t layout_pack(const size_t *widths, size_t n, size_t width, size_t gap, size_t *row_of)
{
	size_t rows = 0, used = 0;
	for (size_t i = 0; i < n; i++) {
		if (rows == 0 || (used > 0 && used + gap + widths[i] > width)) {
			rows++;
			used = widths[i];
		} else {
			used += (used > 0 ? gap : 0) + widths[i];
		}
		if (row_of)
			row_of[i] = rows - 1;
	}
	return rows;
}

/* ---- the text field ------------------------------------------------ */

int layout_field_insert(struct layout_field *f, uint32_t cp)
{
	char enc[4];
	if (text_is_control(cp) || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return -1;
	size_t k = text_utf8_encode(cp, enc);
	if (f->len + k > LAYOUT_FIELD_MAX)
		return -1;
	if (f->len + k + 1 > f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 64;
		while (cap < f->len + k + 1)
			cap *= 2;
		char *s = realloc(f->s, cap);
		if (!s)
			return -1;
		f->s = s;
		f->cap = cap;
	}
	memmove(f->s + f->cursor + k, f->s + f->cursor, f->len - f->cursor);
	memcpy(f->s + f->cursor, enc, k);
	f->len += k;
	f->cursor += k;
	f->s[f->len] = '\0';
	return 0;
}

void layout_field_left(struct layout_field *f)
{
	if (f->cursor > 0)
		f->cursor = prev_start(f->s, f->cursor);
}

void layout_field_right(struct layout_field *f)
{
	if (f->cursor < f->len) {
		uint32_t cp;
		f->cursor += next_cp(f->s, f->len, f->cursor, &cp);
	}
}

void layout_field_home(struct layout_field *f)
{
	f->cursor = 0;
}

void layout_field_end(struct layout_field *f)
{
	f->cursor = f->len;
}

/* Removes s[a..b) from the field and puts the cursor at a. */
static void cut(struct layout_field *f, size_t a, size_t b)
{
	memmove(f->s + a, f->s + b, f->len - b + 1);
	f->len -= b - a;
	f->cursor = a;
}

void layout_field_backspace(struct layout_field *f)
{
	if (f->cursor > 0)
		cut(f, prev_start(f->s, f->cursor), f->cursor);
}

void layout_field_delete(struct layout_field *f)
{
	if (f->cursor < f->len) {
		uint32_t cp;
		cut(f, f->cursor, f->cursor + next_cp(f->s, f->len, f->cursor, &cp));
	}
}

void layout_field_kill(struct layout_field *f)
{
	if (f->cursor > 0)
		cut(f, 0, f->cursor);
}

void layout_field_kill_end(struct layout_field *f)
{
	if (f->cursor < f->len)
		cut(f, f->cursor, f->len);
}

/* Whether the character before offset i of the field is a space. */
static bool space_before(const struct layout_field *f, size_t i)
{
	return i > 0 && (f->s[i - 1] == ' ' || f->s[i - 1] == '\t');
}

/* The offset where the word before offset i starts, past the spaces that
 * end it. */
static size_t word_start(const struct layout_field *f, size_t i)
{
	while (space_before(f, i))
		i--;
	while (i > 0 && !space_before(f, i))
		i = prev_start(f->s, i);
	return i;
}

void layout_field_rubout_word(struct layout_field *f)
{
	if (f->cursor > 0)
		cut(f, word_start(f, f->cursor), f->cursor);
}

void layout_field_word_left(struct layout_field *f)
{
	f->cursor = word_start(f, f->cursor);
}

void layout_field_word_right(struct layout_field *f)
{
	size_t i = f->cursor;
	while (i < f->len && (f->s[i] == ' ' || f->s[i] == '\t'))
		i++;
	while (i < f->len && f->s[i] != ' ' && f->s[i] != '\t') {
		uint32_t cp;
		i += next_cp(f->s, f->len, i, &cp);
	}
	f->cursor = i;
}

void layout_field_clear(struct layout_field *f)
{
	f->len = 0;
	f->cursor = 0;
	if (f->s)
		f->s[0] = '\0';
}

void layout_field_free(struct layout_field *f)
{
	free(f->s);
	memset(f, 0, sizeof *f);
}

const char *layout_field_text(const struct layout_field *f)
{
	return f->s ? f->s : "";
}

void layout_field_view(const struct layout_field *f, size_t width, size_t *first, size_t *col)
{
	if (width == 0)
		width = 1;
	const char *s = layout_field_text(f);
	size_t before = layout_width(s, f->cursor);
	*first = 0;
	if (before < width) {
		*col = before;
		return;
	}
	/* Scroll: drop characters from the left until the cursor sits in the
	 * last column. */
	size_t start = 0;
	while (start < f->cursor && before >= width) {
		uint32_t cp;
		size_t k = next_cp(s, f->len, start, &cp);
		before -= layout_cp_width(cp);
		start += k;
	}
	*first = start;
	*col = before;
}
