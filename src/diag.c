/* diag — diagnostics that travel as values; see diag.h. */
#include "diag.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

void diag_src_init(struct diag_src *s, const char *name, const char *buf, size_t len)
{
	s->name = name;
	s->buf = buf;
	s->len = len;
	s->last_off = 0;
	s->last_line = 1;
	s->last_col = 1;
}

void diag_src_pos(struct diag_src *s, size_t off, unsigned *line, unsigned *col)
{
	if (off > s->len)
		off = s->len;
	if (off < s->last_off) {  /* asked about an earlier place: start over */
		s->last_off = 0;
		s->last_line = 1;
		s->last_col = 1;
	}
	unsigned l = s->last_line, c = s->last_col;
	size_t i = s->last_off;
	/* A byte order mark is not a character an editor shows. */
	if (i == 0 && off >= 3 && s->len >= 3 && memcmp(s->buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (; i < off; i++) {
		unsigned char b = (unsigned char)s->buf[i];
		if (b == '\n') {
			l++;
			c = 1;
		} else if ((b & 0xC0) != 0x80) {  /* not a continuation byte */
			c++;
		}
	}
	s->last_off = off;
	s->last_line = l;
	s->last_col = c;
	*line = l;
	*col = c;
}

void diag_vadd(struct diags *d, const char *file, unsigned line, unsigned col,
               enum diag_level level, const char *fmt, va_list ap)
{
	char msg[1024];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (level == DIAG_ERROR)
		d->nerrors++;
	else
		d->nwarnings++;
	if (d->n == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 16;
		struct diag *v = realloc(d->v, cap * sizeof *v);
		if (!v)
			return;  /* counted above, so the caller still sees it failed */
		d->v = v;
		d->cap = cap;
	}
	struct diag *g = &d->v[d->n];
	g->level = level;
	g->line = line;
	g->col = col;
	g->file = strdup(file ? file : "");
	g->msg = strdup(msg);
	if (!g->file || !g->msg) {
		free(g->file);
		free(g->msg);
		return;
	}
	d->n++;
}

void diag_at(struct diags *d, struct diag_src *s, size_t off, enum diag_level level,
             const char *fmt, ...)
{
	unsigned line, col;
	diag_src_pos(s, off, &line, &col);
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, s->name, line, col, level, fmt, ap);
	va_end(ap);
}

void diag_file(struct diags *d, const char *file, enum diag_level level, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diag_vadd(d, file, 0, 0, level, fmt, ap);
	va_end(ap);
}

static bool diag_before(const struct diag *a, const struct diag *b)
{
	return a->line < b->line || (a->line == b->line && a->col < b->col);
}

void diag_sort(struct diags *d, size_t from)
{
	if (from >= d->n)
		return;
	struct diag *v = d->v + from;
	size_t n = d->n - from, i = 1;
	while (i < n && !diag_before(&v[i], &v[i - 1]))
		i++;
	if (i == n)
		return;  /* in order already, as most lists are */
	struct diag *tmp = malloc(n * sizeof *tmp);
	if (!tmp) {
		/* Insertion sort in place: slow for long lists, but stable. */
		for (i = 1; i < n; i++) {
			struct diag g = v[i];
			size_t j = i;
			for (; j > 0 && diag_before(&g, &v[j - 1]); j--)
				v[j] = v[j - 1];
			v[j] = g;
		}
		return;
	}
	/* Bottom-up merge sort, stable: of two equal places the left goes first. */
	for (size_t w = 1; w < n; w *= 2) {
		for (size_t lo = 0; lo < n; lo += 2 * w) {
			size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
			size_t a = lo, b = mid, k = lo;
			while (a < mid && b < hi)
				tmp[k++] = diag_before(&v[b], &v[a]) ? v[b++] : v[a++];
			while (a < mid)
				tmp[k++] = v[a++];
			while (b < hi)
				tmp[k++] = v[b++];
		}
		memcpy(v, tmp, n * sizeof *v);
	}
	free(tmp);
}

void diag_format(const struct diag *g, char *buf, size_t size)
{
	/* File names come from the command line or a folder listing: escape
	 * them as deck text is, so a crafted name cannot reach the terminal. */
	char name[512];
	text_escape_into(g->file, false, name, sizeof name);
	const char *what = g->level == DIAG_ERROR ? "error" : "warning";
	if (g->line && g->col)
		snprintf(buf, size, "%s:%u:%u: %s: %s", name, g->line, g->col, what, g->msg);
	else if (g->line)
		snprintf(buf, size, "%s:%u: %s: %s", name, g->line, what, g->msg);
	else
		snprintf(buf, size, "%s: %s: %s", name, what, g->msg);
}

void diag_print(const struct diags *d, FILE *out)
{
	char line[2048];
	for (size_t i = 0; i < d->n; i++) {
		diag_format(&d->v[i], line, sizeof line);
		fprintf(out, "%s\n", line);
	}
}

const struct diag *diag_first_error(const struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].level == DIAG_ERROR)
			return &d->v[i];
	return NULL;
}

void diag_clear(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	d->n = 0;
	d->nerrors = 0;
	d->nwarnings = 0;
}

void diag_free(struct diags *d)
{
	diag_clear(d);
	free(d->v);
	d->v = NULL;
	d->cap = 0;
}
