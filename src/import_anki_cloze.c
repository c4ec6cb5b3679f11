/* import_anki_cloze — Anki's cloze deletions, read as Anki renders them:
 * "{{c1::Paris}} is the capital of {{c2::France::a country}}" makes card 1
 * "[...] is the capital of France" (answer Paris) and card 2 "Paris is the
 * capital of [a country]" (answer France).  Deletions may nest, and a
 * number may be used more than once (its answers are then joined with
 * ", ", as Anki's typed cloze answers are).  See import_anki.h.
 */
#include "import_anki.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DEPTH 32         /* deletions in deletions; deeper is text */
#define MAX_DELETIONS 1000   /* in one field; more are text */

struct deletion {
	unsigned n;              /* its number, from 1 */
	size_t start, end;       /* "{{c" up to past "}}" */
	size_t text, text_end;   /* its text */
	size_t hint, hint_end;   /* its hint (hint == hint_end: none) */
	long parent;             /* the deletion it is in, or -1 */
	bool closed;
};

struct anki_clozes {
	const char *s;
	size_t len;
	struct deletion *v;
	size_t n, cap;
};

/* The length of "{{cN::" at s[0..len), with N in *n, or 0. */
static size_t opening(const char *s, size_t len, unsigned *n)
{
	if (len < 6 || s[0] != '{' || s[1] != '{' || (s[2] != 'c' && s[2] != 'C'))
		return 0;
	size_t i = 3;
	unsigned v = 0;
	while (i < len && text_is_digit(s[i]) && i < 8)
		v = v * 10 + (unsigned)(s[i++] - '0');
	if (i == 3 || v == 0 || i + 2 > len || s[i] != ':' || s[i + 1] != ':')
		return 0;
	*n = v;
	return i + 2;
}

bool anki_has_cloze(const char *s, size_t len)
{
	unsigned n;
	for (size_t i = 0; i + 6 <= len; i++)
		if (s[i] == '{' && opening(s + i, len - i, &n))
			return true;
	return false;
}

struct anki_clozes *anki_clozes_read(const char *s, size_t len)
{
	struct anki_clozes *z = calloc(1, sizeof *z);
	if (!z)
		return NULL;
	z->s = s;
	z->len = len;
	long open = -1;  /* the innermost deletion not yet closed */
	unsigned depth = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned n;
		size_t k = s[i] == '{' && depth < MAX_DEPTH && z->n < MAX_DELETIONS ? opening(s + i, len - i, &n) : 0;
		if (k) {
			if (z->n == z->cap) {
				size_t cap = z->cap ? z->cap * 2 : 8;
				struct deletion *v = realloc(z->v, cap * sizeof *v);
				if (!v) {
					anki_clozes_free(z);
					return NULL;
				}
				z->v = v;
				z->cap = cap;
			}
			z->v[z->n] = (struct deletion){ n, i, 0, i + k, 0, 0, 0, open, false };
			open = (long)z->n++;
			depth++;
			i += k - 1;
		} else if (open >= 0 && s[i] == ':' && i + 1 < len && s[i + 1] == ':' &&
		           !z->v[open].hint) {
			z->v[open].text_end = i;
			z->v[open].hint = i + 2;
			i++;
		} else if (open >= 0 && s[i] == '}' && i + 1 < len && s[i + 1] == '}') {
			struct deletion *d = &z->v[open];
			if (d->hint) {
				d->hint_end = i;
			} else {
				d->text_end = i;
			}
			d->end = i + 2;
			d->closed = true;
			open = d->parent;
			depth--;
			i++;
		}
	}
	/* Deletions never closed are text: what is in them belongs to the
	 * one around them. */
	for (size_t i = 0; i < z->n; i++) {
		long p = z->v[i].parent;
		while (p >= 0 && !z->v[p].closed)
			p = z->v[p].parent;
		z->v[i].parent = p;
	}
	return z;
}

void anki_clozes_free(struct anki_clozes *z)
{
	if (!z)
		return;
	free(z->v);
	free(z);
}

unsigned anki_clozes_next(const struct anki_clozes *z, unsigned after)
{
	unsigned best = 0;
	for (size_t i = 0; i < z->n; i++)
		if (z->v[i].closed && z->v[i].n > after && (!best || z->v[i].n < best))
			best = z->v[i].n;
	return best;
}

/* Adds s[from..to), inside deletion parent (-1: none), with the deletions
 * in it shown: number n hidden unless n is 0. */
static void render(const struct anki_clozes *z, size_t from, size_t to, long parent, unsigned n,
                   struct text_buf *out)
{
	size_t pos = from;
	/* the deletions in parent follow it, in the order they start */
	for (size_t i = (size_t)(parent + 1); i < z->n && z->v[i].start < to; i++) {
		const struct deletion *d = &z->v[i];
		if (!d->closed || d->parent != parent || d->start < pos || d->end > to)
			continue;
		text_buf_add(out, z->s + pos, d->start - pos);
		if (n && d->n == n) {
			text_buf_puts(out, "[");
			if (d->hint < d->hint_end)
				text_buf_add(out, z->s + d->hint, d->hint_end - d->hint);
			else
				text_buf_puts(out, "...");
			text_buf_puts(out, "]");
		} else {
			render(z, d->text, d->text_end, (long)i, n, out);
		}
		pos = d->end;
	}
	text_buf_add(out, z->s + pos, to - pos);
}

void anki_clozes_question(const struct anki_clozes *z, unsigned n, struct text_buf *out)
{
	render(z, 0, z->len, -1, n, out);
}

void anki_clozes_answer(const struct anki_clozes *z, unsigned n, struct text_buf *out)
{
	size_t first = out->len;
	for (size_t i = 0; i < z->n; i++) {
		const struct deletion *d = &z->v[i];
		if (!d->closed || d->n != n)
			continue;
		/* one inside another of the same number is in that one's text */
		bool inside = false;
		for (long p = d->parent; p >= 0 && !inside; p = z->v[p].parent)
			inside = z->v[p].n == n;
		if (inside)
			continue;
		if (out->len > first)
			text_buf_puts(out, ", ");
		render(z, d->text, d->text_end, (long)i, 0, out);
	}
}
