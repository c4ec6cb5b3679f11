/* import_csv — CSV from a spreadsheet made for classroom quiz games: per
 * row a question, up to four answers, a time limit and the numbers of the
 * right answers ("2", or "1,3" for several); see docs/import.md.
 *
 * A header row (a cell starting "Question" and one starting "Answer") is
 * recognised among the first rows, and names the columns; rows before it
 * (a template's instructions) are left out.  Without one, the columns are
 * question, answer 1-4, time limit, right answers, after a column of row
 * numbers when the first cell is a number and there are eight cells.
 */
#include "import.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "text.h"

#define NANSWERS 4
#define HEADER_SEARCH 20  /* rows looked at for a header */

/* Where each part of a row is; -1 when there is no such column. */
struct layout {
	long question, answer[NANSWERS], time, correct;
	long width;        /* the columns the layout names */
	long header;       /* the header row's index, or -1 */
};

/* The cell's value, trimmed, lower-cased (ASCII), cut to size; false when
 * memory ran out. */
static bool cell_lower(const char *buf, const struct csv_field *f, char *out, size_t size)
{
	struct text_buf b = {0};
	csv_field_value(buf, f, &b);
	bool ok = !b.failed;
	size_t from = 0, to = b.len;
	text_trim_span(b.s ? b.s : "", &from, &to);
	size_t k = 0;
	for (size_t i = from; i < to && k + 1 < size; i++)
		out[k++] = text_lower(b.s[i]);
	out[k] = '\0';
	text_buf_free(&b);
	return ok;
}

/* True when rec is a header row, whose columns then go into l; *nomem
 * set when memory ran out. */
static bool read_header(const char *buf, const struct csv_record *rec, struct layout *l, bool *nomem)
{
	struct layout h = { -1, { -1, -1, -1, -1 }, -1, -1, 0, -1 };
	size_t nanswers = 0;
	for (size_t i = 0; i < rec->n; i++) {
		char s[64];
		if (!cell_lower(buf, &rec->v[i], s, sizeof s))
			*nomem = true;
		if (h.question < 0 && strncmp(s, "question", 8) == 0)
			h.question = (long)i;
		else if (strncmp(s, "answer", 6) == 0 && nanswers < NANSWERS)
			h.answer[nanswers++] = (long)i;
		else if (h.time < 0 && strstr(s, "time"))
			h.time = (long)i;
		else if (h.correct < 0 && strstr(s, "correct"))
			h.correct = (long)i;
		else
			continue;
		h.width = (long)i + 1;
	}
	if (h.question < 0 || nanswers == 0)
		return false;
	*l = h;
	return true;
}

/* True when the cell holds a whole number and nothing else. */
static bool cell_is_number(const char *buf, const struct csv_field *f)
{
	char s[32];
	if (!cell_lower(buf, f, s, sizeof s))
		return false;
	size_t i = 0;
	while (text_is_digit(s[i]))
		i++;
	return i > 0 && s[i] == '\0';
}

enum import_likely import_csv_detect(const char *name, const char *buf, size_t len)
{
	size_t pos = import_bom(buf, len);
	char sep = csv_guess_sep(buf, len, pos);
	struct csv_reader r;
	csv_reader_init(&r, buf, len, pos, sep);
	struct csv_record rec = {0};
	enum import_likely like = import_name_ends(name, ".csv") ? IMPORT_BY_NAME : IMPORT_NO;
	size_t off;
	const char *why;
	for (int k = 0; k < HEADER_SEARCH && csv_next(&r, &rec, &off, &why) == CSV_RECORD; k++) {
		struct layout l;
		bool nomem = false;
		if (read_header(buf, &rec, &l, &nomem) && l.correct >= 0) {
			like = IMPORT_SURE;
			break;
		}
		/* seven or eight cells, the last a right answer's number */
		if ((rec.n == 7 || rec.n == 8) && cell_is_number(buf, &rec.v[rec.n - 1]) && like < IMPORT_LOOKS)
			like = IMPORT_LOOKS;
	}
	csv_record_free(&rec);
	return like;
}

/* ---- one row ---------------------------------------------------------- */

struct row_state {
	struct import_ctx *c;
	const char *buf;
	struct layout l;
	size_t ntimes;        /* rows whose time limit was left out */
	size_t first_time;    /* the first one's offset */
	bool warned_extra;
};

/* The cell at column i of rec, or NULL. */
static const struct csv_field *cell(const struct csv_record *rec, long i)
{
	return i >= 0 && (size_t)i < rec->n ? &rec->v[i] : NULL;
}

static const char *cell_text(struct row_state *s, const struct csv_field *f)
{
	if (!f)
		return NULL;
	struct text_buf b = {0};
	csv_field_value(s->buf, f, &b);
	const char *t = import_text_buf(s->c, &b);
	text_buf_free(&b);
	return t;
}

/* The right answers' numbers (1-4) in the cell f, as bits 0-3 of *mask;
 * false, with the offset of the fault in *bad, when it holds anything but
 * numbers split by commas, semicolons or spaces. */
static bool right_numbers(struct import_ctx *c, const char *buf, const struct csv_field *f, unsigned *mask,
                          size_t *bad)
{
	struct text_buf b = {0};
	csv_field_value(buf, f, &b);
	if (b.failed)
		import_nomem(c);
	const char *s = b.s ? b.s : "";
	*mask = 0;
	bool ok = true;
	for (size_t i = 0; s[i] && ok;) {
		if (s[i] == ',' || s[i] == ';' || s[i] == ' ' || s[i] == '\t') {
			i++;
			continue;
		}
		size_t j = i;
		unsigned v = 0;
		while (text_is_digit(s[j]) && j - i < 4)
			v = v * 10 + (unsigned)(s[j++] - '0');
		if (j == i || v < 1 || v > NANSWERS || text_is_digit(s[j])) {
			ok = false;
			*bad = f->start + f->quoted + i;
		} else {
			*mask |= 1u << (v - 1);
		}
		i = j;
	}
	text_buf_free(&b);
	return ok;
}

static bool is_word(const char *s, const char *w)
{
	size_t n = strlen(w);
	return s && strlen(s) == n && text_same_ci(s, w, n);
}

static void read_row(struct row_state *s, const struct csv_record *rec)
{
	struct import_ctx *c = s->c;
	const struct layout *l = &s->l;
	import_here(c, rec->start);
	bool blank = true;
	for (size_t i = 0; i < rec->n && blank; i++)
		blank = csv_field_blank(s->buf, &rec->v[i]);
	if (blank)
		return;  /* an empty row */
	const struct csv_field *qf = cell(rec, l->question), *cf = cell(rec, l->correct);
	if (!qf || csv_field_blank(s->buf, qf)) {
		import_skip(c, rec->start, "the row has no question (column %ld)", l->question + 1);
		return;
	}
	/* The answers given, by their number. */
	const char *answers[NANSWERS] = {0};
	size_t nanswers = 0;
	for (size_t k = 0; k < NANSWERS; k++) {
		answers[k] = cell_text(s, cell(rec, l->answer[k]));
		nanswers += answers[k] != NULL;
	}
	unsigned mask = 0;
	size_t bad = rec->start;
	if (!cf || csv_field_blank(s->buf, cf)) {
		import_skip(c, cf ? cf->start : rec->start, "no right answer given (column %ld: the numbers of the right answers)",
		            l->correct + 1);
		return;
	}
	bool numbers = right_numbers(c, s->buf, cf, &mask, &bad);
	if (import_out_of_memory(c))
		return;
	if (!numbers) {
		import_skip(c, bad, "the right answers must be numbers from 1 to %d, split by commas", NANSWERS);
		return;
	}
	for (size_t k = 0; k < NANSWERS; k++) {
		if ((mask & (1u << k)) && !answers[k]) {
			import_skip(c, cf->start, "answer %zu is marked right but is empty", k + 1);
			return;
		}
	}
	if ((long)rec->n > l->width && !s->warned_extra) {
		for (size_t i = (size_t)l->width; i < rec->n; i++) {
			if (!csv_field_blank(s->buf, &rec->v[i])) {
				import_warn_at(c, rec->v[i].start, "cells after column %ld left out (here and in any later row)",
				               l->width);
				s->warned_extra = true;
				break;
			}
		}
	}
	struct question q;
	unsigned nright = 0;
	for (size_t k = 0; k < NANSWERS; k++)
		nright += (mask >> k) & 1u;
	import_question_init(&q, nright > 1 ? Q_MULTI : Q_CHOICE);
	q.prompt = cell_text(s, qf);
	q.choices = import_list(c, nanswers ? nanswers : 1);
	if (!q.choices)
		return;
	for (size_t k = 0; k < NANSWERS; k++) {
		if (!answers[k])
			continue;
		if (mask & (1u << k))
			q.correct = q.type == Q_MULTI ? q.correct | 1ul << q.nchoices : q.nchoices;
		q.choices[q.nchoices++] = answers[k];
	}
	if (q.type == Q_CHOICE && q.nchoices == 2) {
		const char *r = q.choices[q.correct], *o = q.choices[1 - q.correct];
		if ((is_word(r, "true") && is_word(o, "false")) || (is_word(r, "false") && is_word(o, "true"))) {
			q.type = Q_TRUEFALSE;
			q.truth = is_word(r, "true");
			q.choices = NULL;
			q.nchoices = 0;
			q.correct = 0;
		}
	}
	const struct csv_field *tf = cell(rec, l->time);
	if (!import_out_of_memory(c) && import_add(c, &q) && tf && !csv_field_blank(s->buf, tf) &&
	    s->ntimes++ == 0)
		s->first_time = tf->start;
}

int import_csv_parse(struct import_ctx *c, const char *buf, size_t len)
{
	if (import_check_text(c, buf, len) != 0)
		return -1;
	size_t start = import_bom(buf, len);
	char sep = csv_guess_sep(buf, len, start);
	struct row_state s = { .c = c, .buf = buf };
	struct csv_reader r;
	struct csv_record rec = {0};
	size_t off = 0;
	const char *why = NULL;
	enum csv_status st = CSV_END;

	/* First the header, among the first rows. */
	csv_reader_init(&r, buf, len, start, sep);
	bool found = false;
	size_t first_data = start;  /* where the questions start */
	for (long k = 0; k < HEADER_SEARCH && (st = csv_next(&r, &rec, &off, &why)) == CSV_RECORD; k++) {
		bool nomem = false;
		bool header = read_header(buf, &rec, &s.l, &nomem);
		if (nomem) {
			import_nomem(c);
			csv_record_free(&rec);
			return -1;
		}
		if (header) {
			s.l.header = k;
			found = true;
			first_data = r.pos;
			if (k > 0) {
				import_here(c, start);
				import_warn(c, "%ld row%s before the header row left out", k, k == 1 ? "" : "s");
			}
			break;
		}
	}
	if (st == CSV_NOMEM) {
		import_nomem(c);
		csv_record_free(&rec);
		return -1;
	}
	if (!found) {
		/* No header: the default columns, after a column of row numbers
		 * when the first row starts with a number and has eight cells. */
		csv_reader_init(&r, buf, len, start, sep);
		st = csv_next(&r, &rec, &off, &why);
		if (st == CSV_NOMEM) {
			import_nomem(c);
			csv_record_free(&rec);
			return -1;
		}
		long o = st == CSV_RECORD && rec.n >= 8 && cell_is_number(buf, &rec.v[0]) ? 1 : 0;
		s.l = (struct layout){ o, { o + 1, o + 2, o + 3, o + 4 }, o + 5, o + 6, o + 7, -1 };
	}
	if (found && s.l.correct < 0) {
		import_here(c, start);
		import_error_at(c, start, "the header row has no column of right answers ('Correct answer(s)')");
		csv_record_free(&rec);
		return -1;
	}
	csv_reader_init(&r, buf, len, first_data, sep);
	int rc = 0;
	while ((st = csv_next(&r, &rec, &off, &why)) == CSV_RECORD && !import_out_of_memory(c))
		read_row(&s, &rec);
	if (st == CSV_FAULT) {
		import_error_at(c, off, "%s", why);
		rc = -1;
	} else if (st == CSV_NOMEM || import_out_of_memory(c)) {
		import_nomem(c);
		rc = -1;
	}
	if (s.ntimes) {
		import_here(c, s.first_time);
		import_warn_at(c, s.first_time, "time limits left out (%zu question%s had one): a deck has none",
		               s.ntimes, s.ntimes == 1 ? "" : "s");
	}
	csv_record_free(&rec);
	return rc;
}
