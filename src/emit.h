/* emit — values written out for other programs: JSON strings and numbers,
 * CSV fields (RFC 4180).  What the exports (store_export) and the drill
 * report (report_out) share.
 *
 * Pure but for the FILE written to; errors show as ferror on it.
 */
#ifndef RECALL_EMIT_H
#define RECALL_EMIT_H

#include <stdio.h>

/* d as the shortest decimal that reads back as d; "null" for what JSON
 * cannot hold (infinities, NaN). */
void emit_number(FILE *out, double d);

/* s (NULL: "") as a JSON string, in quotes.  Escaped: the quote, the
 * backslash and the controls (\n, \t, \u00XX), and also DEL, the C1
 * controls and the bidirectional controls (text_is_bidi_control), so that
 * the JSON is safe to show on a terminal; a byte that is not valid UTF-8
 * becomes U+FFFD.  The string read back is s, but for invalid bytes. */
void emit_json_string(FILE *out, const char *s);

/* s (NULL: "") as one CSV field (RFC 4180): in quotes, with quotes doubled,
 * when it holds a comma, a quote, a line break, or space at either end;
 * as it is otherwise.  Records end with "\r\n", which the caller writes. */
void emit_csv_field(FILE *out, const char *s);

/* The same, the field beginning with the character lead (a printable ASCII
 * one that needs no quoting; '\0' for none) before s. */
void emit_csv_field_led(FILE *out, char lead, const char *s);

#endif
