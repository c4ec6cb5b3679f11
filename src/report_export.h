/* report_export — the drill report (report.h) for other programs: each of
 * its three tables as CSV (RFC 4180: CRLF line ends, fields quoted when
 * they need it, a header row), and all of it as one JSON document.
 * docs/report.md gives the columns and the document's shape.
 *
 * Figures that do not exist (a question nobody answered) are empty in CSV
 * and null in JSON; numbers are written as the shortest decimal that reads
 * back the same (emit_number), so that CSV and JSON agree.  A CSV text
 * field that begins with =, +, -, @, a tab or a carriage return, which a
 * spreadsheet would take for a formula, gets a ' in front.
 */
#ifndef RECALL_REPORT_EXPORT_H
#define RECALL_REPORT_EXPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "report.h"

enum report_table { REPORT_TABLE_LEADERBOARD, REPORT_TABLE_QUESTIONS, REPORT_TABLE_MISSED,
                    REPORT_NTABLES };

/* "leaderboard", "questions", "missed". */
const char *report_table_name(enum report_table t);

/* The table of that name, or -1. */
int report_table_by_name(const char *name);

/* What report_write_csv returns when memory ran out. */
#define REPORT_EXPORT_OOM (-2)

/* Writes table t as CSV to out.  for_terminal: text fields escaped
 * (text_escape) too, for a terminal; the figures stay as they are.
 * Returns 0, -1 when out failed (ferror), or REPORT_EXPORT_OOM. */
int report_write_csv(const struct report *rep, enum report_table t, FILE *out,
                     bool for_terminal);

/* Writes the whole report as JSON to out ("format": "recall-report/1").
 * Returns 0, or -1 when out failed. */
int report_write_json(const struct report *rep, FILE *out);

#endif
