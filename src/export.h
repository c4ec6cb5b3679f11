/* export — decks written out in other formats, so that a deck made here
 * can go into other programs (Moodle, a classroom quiz game).
 *
 * Each format is one row of a table (export.c): its name for --format, a
 * label, what goes before the questions, and a function that writes one
 * question or says why the format cannot hold it.  What a format cannot
 * hold is left out with a warning naming it: a whole question (an order
 * question in Aiken), or a field (explanations, tags, units...), said once
 * per deck with the number of questions that had one.  Importing what was
 * exported gives back the same questions, for every type the format holds
 * (tests/unit/test_export.c).
 *
 * Adding a format: its functions in export_NAME.c, declared below, a row
 * in the table, and a round trip in the tests.
 */
#ifndef RECALL_EXPORT_H
#define RECALL_EXPORT_H

#include <stddef.h>

#include "deck.h"
#include "diag.h"
#include "text.h"

/* The fields beside a question's type, prompt and answer that a format
 * may keep. */
enum {
	EXPORT_EXPLANATION = 1 << 0,
	EXPORT_HINT = 1 << 1,
	EXPORT_TAGS = 1 << 2,
	EXPORT_DIFFICULTY = 1 << 3,
	EXPORT_POINTS = 1 << 4,
	EXPORT_SOURCE = 1 << 5,
	/* What a format may lose of a question it writes (its drops
	 * function says which, per question): */
	EXPORT_UNIT = 1 << 6,           /* a number's unit */
	EXPORT_EXACT = 1 << 7,          /* a text answer checked exactly */
	EXPORT_MORE_ANSWERS = 1 << 8,   /* accepted answers after the first */
	EXPORT_OFF_MIDDLE = 1 << 9,     /* a number's answer off the middle of its range */
	EXPORT_TYPE = 1 << 10,          /* the type: written as a flashcard */
};

struct export_format {
	const char *name;    /* for --format: "aiken" */
	const char *label;   /* for people */
	/* Adds what goes before the first question to out (a header row);
	 * NULL when nothing does. */
	void (*begin)(struct text_buf *out);
	/* Adds q to out and returns NULL, or returns why the format cannot
	 * hold q (a constant, or written into why) and adds nothing. */
	const char *(*question)(struct text_buf *out, const struct question *q, char *why, size_t size);
	unsigned keeps;      /* EXPORT_* bits of the fields it keeps */
	/* The EXPORT_* bits of what it loses of q, a question it writes,
	 * beyond the fields it does not keep; NULL when it loses nothing
	 * else. */
	unsigned (*drops)(const struct question *q);
};

/* Row i of the table, or NULL past its end. */
const struct export_format *export_format_get(size_t i);

/* The row named name, or NULL. */
const struct export_format *export_format_find(const char *name);

/* The names of every row, joined by ", ", into buf; returns buf. */
char *export_format_list(char *buf, size_t size);

struct export_counts {
	size_t written;                 /* questions written */
	size_t left_out;                /* questions the format cannot hold */
	size_t left_by_type[Q_NTYPES];
};

/* The questions of decks[0..n) in format f, as one text the caller frees
 * (NULL when memory runs out).  Each question left out, and each kind of
 * field dropped, is a warning in d about its deck's file.  counts is
 * filled in. */
char *export_decks(const struct export_format *f, struct deck *const *decks, size_t n,
                   struct diags *d, struct export_counts *counts);

/* ---- the formats (one file each) ----------------------------------- */

const char *export_aiken_question(struct text_buf *out, const struct question *q, char *why, size_t size);
void export_csv_begin(struct text_buf *out);
const char *export_csv_question(struct text_buf *out, const struct question *q, char *why, size_t size);
const char *export_gift_question(struct text_buf *out, const struct question *q, char *why, size_t size);
unsigned export_gift_drops(const struct question *q);
void export_anki_begin(struct text_buf *out);
const char *export_anki_question(struct text_buf *out, const struct question *q, char *why, size_t size);
unsigned export_anki_drops(const struct question *q);

#endif
