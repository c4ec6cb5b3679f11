/* import — the table of formats, one import's run, its diagnostics, and
 * the text helpers the parsers share; see import.h.  Checking and adding a
 * question is in import_add.c. */
#include "import.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import_impl.h"
#include "text.h"

/* ---- the table ------------------------------------------------------ */

static const struct import_format formats[] = {
	{ "opentdb", "Open Trivia Database JSON", import_opentdb_detect, import_opentdb_parse },
	{ "aiken", "Aiken (Moodle's multiple-choice text)", import_aiken_detect, import_aiken_parse },
	{ "csv", "CSV of a classroom quiz game spreadsheet", import_csv_detect, import_csv_parse },
	{ "gift", "GIFT (Moodle's question text)", import_gift_detect, import_gift_parse },
	{ "anki", "Anki notes as plain text", import_anki_detect, import_anki_parse },
	{ "hascard", "hascard's text decks", import_hascard_detect, import_hascard_parse },
};
#define NFORMATS (sizeof formats / sizeof formats[0])

const struct import_format *import_format_get(size_t i)
{
	return i < NFORMATS ? &formats[i] : NULL;
}

const struct import_format *import_format_find(const char *name)
{
	return text_table_find(formats, NFORMATS, sizeof *formats, name);
}

char *import_format_list(char *buf, size_t size)
{
	return text_table_names(formats, NFORMATS, sizeof *formats, buf, size);
}

const struct import_format *import_detect(const char *name, const char *buf, size_t len)
{
	const struct import_format *best = NULL;
	enum import_likely best_l = IMPORT_NO;
	for (size_t i = 0; i < NFORMATS; i++) {
		enum import_likely l = formats[i].detect(name, buf, len);
		if (l > best_l) {
			best = &formats[i];
			best_l = l;
		}
	}
	return best;
}

bool import_name_ends(const char *name, const char *ext)
{
	size_t n = strlen(name), e = strlen(ext);
	return n > e && text_same_ci(name + n - e, ext, e);
}

/* ---- an import ------------------------------------------------------ */

struct import_ctx *import_new(void)
{
	struct import_ctx *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	if (deck_build_init(&c->build, "imported") != 0) {
		free(c);
		return NULL;
	}
	return c;
}

const struct import_counts *import_get_counts(const struct import_ctx *c)
{
	return &c->counts;
}

/* True when buf holds nothing but a byte order mark and white space. */
static bool blank_file(const char *buf, size_t len)
{
	size_t i = import_bom(buf, len);
	while (i < len && text_is_ascii_space(buf[i]))
		i++;
	return i == len;
}

int import_buffer(struct import_ctx *c, const char *name, const char *buf, size_t len,
                  const struct import_format *f, struct diags *d)
{
	char **names = realloc(c->names, (c->nnames + 1) * sizeof *names);
	char *copy = strdup(name);
	if (names)
		c->names = names;
	if (!names || !copy) {
		free(copy);
		c->oom = true;
		diag_file(d, name, DIAG_ERROR, "out of memory");
		return -1;
	}
	c->names[c->nnames++] = copy;
	c->d = d;
	c->here = 0;
	diag_src_init(&c->src, name, buf, len);
	size_t first = d->n, nerrors = d->nerrors;
	if (blank_file(buf, len)) {
		diag_file(d, name, DIAG_ERROR, "the file is empty: there is nothing to import");
		return -1;
	}
	if (!f)
		f = import_detect(name, buf, len);
	if (!f) {
		char list[200];
		diag_file(d, name, DIAG_ERROR, "not in a format recall can import (tried %s); "
		          "name one with --format", import_format_list(list, sizeof list));
		return -1;
	}
	int rc = f->parse(c, buf, len);
	if (c->oom)
		diag_file(d, name, DIAG_ERROR, "out of memory");
	diag_sort(d, first);
	c->d = NULL;
	return rc == 0 && d->nerrors == nerrors && !c->oom ? 0 : -1;
}

static void free_state(struct import_ctx *c)
{
	for (size_t i = 0; i < c->nnames; i++)
		free(c->names[i]);
	free(c->names);
	free(c->origin);
	free(c->ids);
	free(c->contents);
	free(c);
}

struct deck *import_finish(struct import_ctx *c, const char *id, const char *title)
{
	struct deck *d = NULL;
	if (!c->oom) {
		c->build.deck->id = deck_build_strdup(&c->build, id);
		c->build.deck->title = deck_build_strdup(&c->build, title);
		if (c->build.deck->id && c->build.deck->title)
			d = deck_build_finish(&c->build);
	}
	deck_build_free(&c->build);
	free_state(c);
	return d;
}

void import_free(struct import_ctx *c)
{
	if (!c)
		return;
	deck_build_free(&c->build);
	free_state(c);
}

char *import_slug_name(const char *s, char *buf, size_t size)
{
	const char *base = strrchr(s, '/');
	base = base ? base + 1 : s;
	const char *dot = strrchr(base, '.');
	size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	size_t k = 0;
	for (size_t i = 0; i < n && k + 1 < size && k < 64; i++) {
		char ch = text_lower(base[i]);
		if (text_is_digit(ch) || (ch >= 'a' && ch <= 'z'))
			buf[k++] = ch;
		else if (k && buf[k - 1] != '-')
			buf[k++] = '-';
	}
	while (k && buf[k - 1] == '-')
		k--;
	if (!k)
		snprintf(buf, size, "imported");
	else
		buf[k] = '\0';
	return buf;
}

/* ---- diagnostics --------------------------------------------------- */

void import_here(struct import_ctx *c, size_t off)
{
	c->here = off;
}

void import_report_line(struct import_ctx *c, enum diag_level level, const char *fmt, va_list ap)
{
	unsigned line, col;
	diag_src_pos(&c->src, c->here, &line, &col);
	diag_vadd(c->d, c->src.name, line, 0, level, fmt, ap);
}

void import_warn(struct import_ctx *c, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	import_report_line(c, DIAG_WARNING, fmt, ap);
	va_end(ap);
}

static void report_at(struct import_ctx *c, size_t off, enum diag_level level, const char *fmt, va_list ap)
	__attribute__((format(printf, 4, 0)));

static void report_at(struct import_ctx *c, size_t off, enum diag_level level, const char *fmt, va_list ap)
{
	unsigned line, col;
	diag_src_pos(&c->src, off, &line, &col);
	diag_vadd(c->d, c->src.name, line, col, level, fmt, ap);
}

void import_warn_at(struct import_ctx *c, size_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report_at(c, off, DIAG_WARNING, fmt, ap);
	va_end(ap);
}

void import_error_at(struct import_ctx *c, size_t off, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report_at(c, off, DIAG_ERROR, fmt, ap);
	va_end(ap);
}

void import_skip(struct import_ctx *c, size_t off, const char *fmt, ...)
{
	char why[900];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	import_warn_at(c, off, "question skipped: %s", why);
	c->counts.skipped++;
}

bool import_out_of_memory(const struct import_ctx *c)
{
	return c->oom;
}

void import_nomem(struct import_ctx *c)
{
	c->oom = true;
}

const char *import_text_buf(struct import_ctx *c, const struct text_buf *b)
{
	if (b->failed) {
		c->oom = true;
		return NULL;
	}
	return import_text(c, b->s ? b->s : "", b->len);
}

/* ---- text ----------------------------------------------------------- */

const char *import_text(struct import_ctx *c, const char *s, size_t len)
{
	struct text_buf b = {0};
	size_t ncontrol = 0, ninvalid = 0;
	uint32_t first_control = 0;
	size_t start = 0, i = 0;
	while (i < len) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, len - i, &cp);
		const char *put = NULL;
		size_t putlen = 0;
		if (k == 0) {
			ninvalid++;
			put = "\xef\xbf\xbd";  /* U+FFFD */
			putlen = 3;
			k = 1;
		} else if (cp == '\r') {
			put = "\n";
			putlen = 1;
			if (i + 1 < len && s[i + 1] == '\n')
				k = 2;
		} else if (cp != '\n' && cp != '\t' && text_is_control(cp)) {
			if (ncontrol++ == 0)
				first_control = cp;
		} else {
			i += k;
			continue;
		}
		text_buf_add(&b, s + start, i - start);
		text_buf_add(&b, put, putlen);
		i += k;
		start = i;
	}
	if (start > 0) {  /* else nothing changed: s itself is trimmed below */
		text_buf_add(&b, s + start, len - start);
		if (b.failed) {
			text_buf_free(&b);
			c->oom = true;
			return NULL;
		}
		s = b.s ? b.s : "";
		len = b.len;
	}
	if (ncontrol)
		import_warn(c, "%zu control character%s left out (U+%04X%s)", ncontrol,
		            ncontrol == 1 ? "" : "s", (unsigned)first_control, ncontrol == 1 ? "" : ", ...");
	if (ninvalid)
		import_warn(c, "%zu byte%s that are not UTF-8 replaced with U+FFFD", ninvalid,
		            ninvalid == 1 ? "" : "s");
	size_t from = 0, to = len;
	text_trim_span(s, &from, &to);
	const char *r = NULL;
	if (to > from) {
		r = deck_build_strndup(&c->build, s + from, to - from);
		if (!r)
			c->oom = true;
	}
	text_buf_free(&b);
	return r;
}

const char **import_list(struct import_ctx *c, size_t n)
{
	const char **v = deck_build_ptrs(&c->build, n);
	if (!v)
		c->oom = true;
	else
		memset(v, 0, (n ? n : 1) * sizeof *v);
	return v;
}

void import_question_init(struct question *q, enum qtype t)
{
	memset(q, 0, sizeof *q);
	q->type = t;
	q->points = DECK_DEFAULT_POINTS;
	q->shuffle = true;
}

size_t import_right_place(struct import_ctx *c, size_t n)
{
	return n ? c->nplaced++ % n : 0;
}

/* ---- text files ------------------------------------------------------ */

size_t import_bom(const char *buf, size_t len)
{
	return len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0 ? 3 : 0;
}

int import_check_text(struct import_ctx *c, const char *buf, size_t len)
{
	size_t bad = text_utf8_check(buf, len);
	const char *nul = memchr(buf, '\0', bad);
	if (nul) {
		import_error_at(c, (size_t)(nul - buf), "a NUL byte: this is not a text file");
		return -1;
	}
	if (bad < len) {
		import_error_at(c, bad, "byte 0x%02X at offset %zu is not UTF-8; save the file as UTF-8",
		                (unsigned char)buf[bad], bad);
		return -1;
	}
	return 0;
}

bool import_next_line(const char *buf, size_t len, size_t *pos, struct import_line *l)
{
	size_t i = *pos;
	if (i >= len)
		return false;
	l->start = i;
	while (i < len && buf[i] != '\n' && buf[i] != '\r')
		i++;
	l->end = i;
	if (i < len && buf[i] == '\r')
		i++;
	if (i < len && buf[i] == '\n' && (i == l->end || buf[i - 1] == '\r'))
		i++;
	*pos = i;
	return true;
}
