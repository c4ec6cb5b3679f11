/* csv — RFC 4180 records; see csv.h. */
#include "csv.h"

#include <stdlib.h>
#include <string.h>

void csv_reader_init(struct csv_reader *r, const char *buf, size_t len, size_t pos, char sep)
{
	r->buf = buf;
	r->len = len;
	r->pos = pos;
	r->sep = sep;
	r->lenient = false;
}

static bool push(struct csv_record *rec, struct csv_field f)
{
	if (rec->n == rec->cap) {
		size_t cap = rec->cap ? rec->cap * 2 : 8;
		struct csv_field *v = realloc(rec->v, cap * sizeof *v);
		if (!v)
			return false;
		rec->v = v;
		rec->cap = cap;
	}
	rec->v[rec->n++] = f;
	return true;
}

enum csv_status csv_next(struct csv_reader *r, struct csv_record *rec, size_t *fault_off,
                         const char **fault)
{
	const char *b = r->buf;
	size_t i = r->pos, n = r->len;
	if (i >= n)
		return CSV_END;
	rec->n = 0;
	rec->start = i;
	for (;;) {
		struct csv_field f = { i, i, false };
		if (i < n && b[i] == '"') {
			f.quoted = true;
			size_t open = i++;
			for (;;) {
				if (i >= n) {
					*fault_off = open;
					*fault = "this quoted field is never closed (a '\"' is missing)";
					return CSV_FAULT;
				}
				if (b[i] == '"') {
					if (i + 1 < n && b[i + 1] == '"') {
						i += 2;
						continue;
					}
					i++;
					break;
				}
				i++;
			}
			if (i < n && b[i] != r->sep && b[i] != '\n' && b[i] != '\r') {
				*fault_off = i;
				*fault = "after a quoted field's closing '\"', expected the separator or the end of the line";
				return CSV_FAULT;
			}
		} else {
			while (i < n && b[i] != r->sep && b[i] != '\n' && b[i] != '\r') {
				if (b[i] == '"' && !r->lenient) {
					*fault_off = i;
					*fault = "a '\"' inside a field that does not start with one "
					         "(put the field in quotes and double the '\"')";
					return CSV_FAULT;
				}
				i++;
			}
		}
		f.end = i;
		if (!push(rec, f))
			return CSV_NOMEM;
		if (i < n && b[i] == r->sep) {
			i++;
			continue;
		}
		if (i < n && b[i] == '\r')
			i++;
		if (i < n && b[i] == '\n')
			i++;
		break;
	}
	r->pos = i;
	return CSV_RECORD;
}

void csv_field_value(const char *buf, const struct csv_field *f, struct text_buf *b)
{
	if (!f->quoted) {
		text_buf_add(b, buf + f->start, f->end - f->start);
		return;
	}
	size_t i = f->start + 1, end = f->end - 1, from = i;  /* inside the quotes */
	for (; i < end; i++) {
		if (buf[i] == '"') {  /* the first of two */
			text_buf_add(b, buf + from, i + 1 - from);
			i++;
			from = i + 1;
		}
	}
	text_buf_add(b, buf + from, end - from);
}

bool csv_field_blank(const char *buf, const struct csv_field *f)
{
	size_t i = f->start + f->quoted, end = f->end - f->quoted;
	while (i < end && (buf[i] == ' ' || buf[i] == '\t'))
		i++;
	return i >= end;
}

void csv_record_free(struct csv_record *rec)
{
	free(rec->v);
	rec->v = NULL;
	rec->n = rec->cap = 0;
}

char csv_guess_sep(const char *buf, size_t len, size_t pos)
{
	size_t comma = 0, semi = 0, tab = 0;
	bool quoted = false;
	for (size_t i = pos; i < len; i++) {
		char ch = buf[i];
		if (ch == '"')
			quoted = !quoted;
		else if (quoted)
			continue;
		else if (ch == '\n' || ch == '\r')
			break;
		else if (ch == ',')
			comma++;
		else if (ch == ';')
			semi++;
		else if (ch == '\t')
			tab++;
	}
	if (semi > comma && semi >= tab)
		return ';';
	if (tab > comma && tab > semi)
		return '\t';
	return ',';
}

void csv_write_field(struct text_buf *b, const char *s, char sep)
{
	size_t n = strlen(s);
	bool quote = n && (s[0] == ' ' || s[n - 1] == ' ');
	for (size_t i = 0; i < n && !quote; i++)
		quote = s[i] == sep || s[i] == '"' || s[i] == '\n' || s[i] == '\r';
	if (!quote) {
		text_buf_add(b, s, n);
		return;
	}
	text_buf_add(b, "\"", 1);
	for (const char *p = s; *p; p++) {
		const char *q = strchr(p, '"');
		size_t k = q ? (size_t)(q - p) + 1 : strlen(p);
		text_buf_add(b, p, k);
		if (q)
			text_buf_add(b, "\"", 1);
		p += k - 1;
	}
	text_buf_add(b, "\"", 1);
}
