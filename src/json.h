/* json — the checks cJSON 1.7 lacks, and positions for the values it parses.
 *
 * cJSON accepts input that RFC 8259 refuses (control bytes as white space,
 * raw control characters in strings, leading zeros, "2.", malformed \u
 * escapes, invalid UTF-8, trailing garbage).  json_check reads the bytes
 * first, strictly, and reports the first fault with its line and column, so
 * that cJSON only ever sees valid JSON.  It also records the byte spans of
 * the top-level members and of the elements of top-level arrays, which lets
 * the deck loader hand cJSON one question at a time and keep memory small.
 */
#ifndef RECALL_JSON_H
#define RECALL_JSON_H

#include <stddef.h>

#include "diag.h"

/* Deepest nesting of arrays and objects accepted. */
#define JSON_MAX_DEPTH 256

struct json_span {
	size_t start;  /* offset of the value's first byte */
	size_t end;    /* offset one past its last byte */
};

struct json_member {
	struct json_span key;    /* the key token, quotes included */
	struct json_span value;
	struct json_span *elems; /* when value is an array: its elements; else NULL */
	size_t nelems;
};

/* What json_check learns about the document's top level. */
struct json_top {
	struct json_span value;       /* the whole top-level value */
	int is_object;                /* 1 when the top-level value is an object */
	struct json_member *members;  /* when is_object: its members, in order */
	size_t nmembers;
};

/* Checks that src->buf is exactly one JSON text (RFC 8259), in valid UTF-8,
 * optionally preceded by a UTF-8 byte order mark, and surrounded only by
 * JSON white space.  Also refuses what cJSON cannot represent faithfully:
 * "\u0000" in strings and unpaired surrogate escapes, and nesting deeper
 * than JSON_MAX_DEPTH.
 *
 * Every fault is reported to d at its position (invalid UTF-8 messages also
 * give the byte offset).  Faults inside strings (invalid UTF-8, raw control
 * characters, bad escapes) do not stop the check; a syntax fault does.
 * Returns 0 when the document is valid, -1 otherwise.  top, when not NULL,
 * is filled in (only when 0 is returned) and must be released with
 * json_top_free. */
int json_check(struct diag_src *src, struct diags *d, struct json_top *top);

void json_top_free(struct json_top *top);

/* Position of one value in pre-order, for locating schema errors. */
struct json_loc {
	size_t key;  /* offset of its key's opening quote, or (size_t)-1 */
	size_t val;  /* offset of the value's first byte */
};

/* Lists the positions of the values in buf[span.start..span.end), which
 * must hold one valid JSON value, in pre-order: the value itself, then for
 * an object each member's value (with its key) followed by that value's own
 * contents, for an array each element likewise.  This is the order in which
 * a cJSON tree parsed from the same bytes lists its nodes (child before next
 * sibling).  Stores a malloc'd array in *out (caller frees) and its length
 * in *n; returns 0, or -1 when memory runs out. */
int json_locate(const char *buf, struct json_span span, struct json_loc **out, size_t *n);

/* Where byte k of a string's decoded value comes from: buf[quote] is the
 * opening quote of a valid JSON string, and the result is the offset in buf
 * of the raw character or escape (such as \u202e) that gives that byte, or
 * of the closing quote when the value is shorter. */
size_t json_string_offset(const char *buf, size_t quote, size_t k);

#endif
