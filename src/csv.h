/* csv — comma-separated values as RFC 4180 has them, read and written.
 *
 * A record is a line of fields split by the separator (',' unless told);
 * a field in double quotes may hold the separator, line breaks and quotes
 * (doubled).  Records end at LF, CR LF or CR.  Reading is strict: a quote
 * inside an unquoted field, anything but the separator or the end of the
 * line after a closing quote, and a quote never closed are faults with
 * their offset, for a line and column.  Pure functions over bytes.
 */
#ifndef RECALL_CSV_H
#define RECALL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

struct csv_field {
	size_t start, end;  /* its bytes, quotes included */
	bool quoted;
};

struct csv_record {
	size_t start;            /* offset of its first byte */
	struct csv_field *v;     /* its fields (owned; csv_record_free) */
	size_t n, cap;
};

struct csv_reader {
	const char *buf;
	size_t len, pos;
	char sep;
	bool lenient;  /* a '"' inside an unquoted field is a character, as
	                * Anki reads it (false after csv_reader_init) */
};

enum csv_status { CSV_RECORD, CSV_END, CSV_FAULT, CSV_NOMEM };

/* Starts reading buf[0..len) from offset pos with separator sep. */
void csv_reader_init(struct csv_reader *r, const char *buf, size_t len, size_t pos, char sep);

/* Reads the next record into rec (its fields replaced).  An empty line is
 * a record of one empty field.  On CSV_FAULT, *fault_off is where the
 * fault is and *fault says what it is (a constant string). */
enum csv_status csv_next(struct csv_reader *r, struct csv_record *rec, size_t *fault_off,
                         const char **fault);

/* Adds the value of field f of buf to b: without its quotes, "" as ". */
void csv_field_value(const char *buf, const struct csv_field *f, struct text_buf *b);

/* True when the field's value is empty or only spaces and tabs. */
bool csv_field_blank(const char *buf, const struct csv_field *f);

void csv_record_free(struct csv_record *rec);

/* The separator the first record of buf[0..len) (from pos) most likely
 * uses: ',' ';' or a tab, whichever occurs most outside quotes (',' when
 * none does). */
char csv_guess_sep(const char *buf, size_t len, size_t pos);

/* Adds s to b as one field: in quotes, with quotes doubled, when it holds
 * sep, a quote, CR or LF, or begins or ends with a space. */
void csv_write_field(struct text_buf *b, const char *s, char sep);

#endif
