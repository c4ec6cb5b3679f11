/* diag — diagnostics that travel as values.
 *
 * A diagnostic is a warning or an error with the place it refers to, printed
 * as "file:line:column: error: message" so that editors can jump to it.
 * Lines and columns are 1-based; a column counts characters (UTF-8 code
 * points), not bytes.  Line 0 means "the whole file" and prints as "file:";
 * column 0 with a line means the whole line ("file:line:").
 */
#ifndef RECALL_DIAG_H
#define RECALL_DIAG_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

enum diag_level { DIAG_WARNING, DIAG_ERROR };

struct diag {
	enum diag_level level;
	char *file;      /* owned by the list */
	unsigned line;   /* 1-based; 0 when the file as a whole is meant */
	unsigned col;    /* 1-based code point column; 0 with line 0, or for
	                    the whole line */
	char *msg;       /* owned by the list */
};

/* A growing list of diagnostics.  Zero-initialise it before use. */
struct diags {
	struct diag *v;
	size_t n, cap;
	size_t nerrors, nwarnings;
};

/* A source buffer that byte offsets refer to.  Turning an offset into a
 * line and column walks forward from the last offset asked about, so
 * reporting in increasing offset order costs one pass over the buffer. */
struct diag_src {
	const char *name;  /* file name shown in messages; borrowed */
	const char *buf;   /* borrowed */
	size_t len;
	size_t last_off;   /* memo of the last position computed */
	unsigned last_line, last_col;
};

void diag_src_init(struct diag_src *s, const char *name, const char *buf, size_t len);

/* Line and column (both 1-based) of byte offset off in s. */
void diag_src_pos(struct diag_src *s, size_t off, unsigned *line, unsigned *col);

/* Adds a diagnostic at byte offset off of s. */
void diag_at(struct diags *d, struct diag_src *s, size_t off, enum diag_level level,
             const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* Adds a diagnostic about a whole file (no line or column). */
void diag_file(struct diags *d, const char *file, enum diag_level level, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

void diag_vadd(struct diags *d, const char *file, unsigned line, unsigned col,
               enum diag_level level, const char *fmt, va_list ap)
	__attribute__((format(printf, 6, 0)));

/* Puts the diagnostics from index from on in order of line and column
 * (those about the whole file first), keeping the order they were added
 * in among those at one place. */
void diag_sort(struct diags *d, size_t from);

/* Prints every diagnostic, one a line, in the order they were added.
 * Text taken from decks is already escaped by whoever formatted it. */
void diag_print(const struct diags *d, FILE *out);

/* The first error (or NULL), for callers that report only one. */
const struct diag *diag_first_error(const struct diags *d);

/* Formats one diagnostic into buf (always NUL-terminated). */
void diag_format(const struct diag *g, char *buf, size_t size);

void diag_clear(struct diags *d);
void diag_free(struct diags *d);

#endif
