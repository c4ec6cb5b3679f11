/* import_util.h — what the importers' and exporters' unit tests share:
 * importing a fixture file, finding diagnostics and questions, and
 * checking that a deck made is one recall check passes. */
#ifndef RECALL_TEST_IMPORT_UTIL_H
#define RECALL_TEST_IMPORT_UTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deck.h"
#include "deck_write.h"
#include "diag.h"
#include "import.h"

/* Imports buf[0..len) named name in format (NULL: detected) into a deck
 * with id "t" and title "T"; *rc is import_buffer's result, counts what
 * was imported.  NULL when memory ran out. */
static inline struct deck *import_bytes(const char *name, const char *buf, size_t len, const char *format,
                                        struct diags *d, int *rc, struct import_counts *counts)
{
	struct import_ctx *c = import_new();
	*rc = -2;
	if (!c)
		return NULL;
	*rc = import_buffer(c, name, buf, len, format ? import_format_find(format) : NULL, d);
	if (counts)
		*counts = *import_get_counts(c);
	return import_finish(c, "t", "T");
}

/* The same for the file at path. */
static inline struct deck *import_path(const char *path, const char *format, struct diags *d, int *rc,
                                       struct import_counts *counts)
{
	size_t len = 0;
	char *buf = deck_read_file(path, &len, d);
	if (!buf) {
		*rc = -2;
		return NULL;
	}
	struct deck *deck = import_bytes(path, buf, len, format, d, rc, counts);
	free(buf);
	return deck;
}

/* True when one of the diagnostics, formatted, contains want. */
static inline bool diag_has(const struct diags *d, const char *want)
{
	char line[2048];
	for (size_t i = 0; i < d->n; i++) {
		diag_format(&d->v[i], line, sizeof line);
		if (strstr(line, want))
			return true;
	}
	return false;
}

/* How many of want[0..n) no diagnostic contains (diag_has); each one
 * missing is printed. */
static inline size_t diag_missing(const struct diags *d, const char *const *want, size_t n)
{
	size_t missing = 0;
	for (size_t i = 0; i < n; i++) {
		if (!diag_has(d, want[i])) {
			printf("  missing: %s\n", want[i]);
			missing++;
		}
	}
	return missing;
}

/* Prints the diagnostics, for a test that failed to find one. */
static inline void diag_show(const struct diags *d)
{
	char line[2048];
	for (size_t i = 0; i < d->n; i++) {
		diag_format(&d->v[i], line, sizeof line);
		printf("    | %s\n", line);
	}
}

/* The errors recall check finds in the deck once written out (-1 when
 * memory ran out); its warnings are printed. */
static inline int written_errors(const struct deck *deck)
{
	char *text = deck_write_json(deck);
	if (!text)
		return -1;
	struct diags d = {0};
	struct deck *again = deck_load_buffer("written.json", text, strlen(text), &d);
	int n = (int)d.nerrors;
	if (d.n)
		diag_show(&d);
	deck_free(again);
	diag_free(&d);
	free(text);
	return n;
}

/* The question whose prompt is prompt, or NULL. */
static inline const struct question *by_prompt(const struct deck *deck, const char *prompt)
{
	for (size_t i = 0; deck && i < deck->nquestions; i++)
		if (strcmp(deck->questions[i].prompt, prompt) == 0)
			return &deck->questions[i];
	return NULL;
}

/* The right option of a choice question, or "". */
static inline const char *right_of(const struct question *q)
{
	return q && q->type == Q_CHOICE && q->correct < q->nchoices ? q->choices[q->correct] : "";
}

#endif
