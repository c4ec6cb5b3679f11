/* answer — checking a learner's response against a question.
 *
 * Responses refer to options by their index in the deck (the order the
 * question was written in), never by the position they were shown at; the
 * session maps shown positions to deck indices.
 */
#ifndef RECALL_ANSWER_H
#define RECALL_ANSWER_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"

/* Self-ratings of a flashcard. */
enum rating { RATE_NONE, RATE_AGAIN, RATE_HARD, RATE_GOOD, RATE_EASY };

struct response {
	size_t choice;          /* choice: index of the picked option */
	unsigned long selected; /* multi: bit i set when choices[i] is picked */
	bool truth;             /* truefalse */
	const char *text;       /* number, text: what was typed (borrowed) */
	const size_t *order;    /* order: item indices in the learner's order,
	                           nchoices of them (borrowed) */
	const size_t *match;    /* match: match[i] = right index paired with left
	                           i, or (size_t)-1 when left unpaired (borrowed) */
	enum rating rating;     /* card */
};

enum outcome { OUT_CORRECT, OUT_PARTIAL, OUT_WRONG, OUT_SKIPPED };

struct verdict {
	enum outcome outcome;
	double fraction;   /* credit from 0 to 1 (1 correct, 0 wrong or skipped) */
	bool typo;         /* text: accepted with a small typo */
	bool unparsed;     /* number: the text was not a number at all */
	char note[160];    /* a short remark, e.g. "accepted with a typo (Pahalgan)"
	                      or "3 of 4 pairs matched"; empty when none */
};

/* Checks r against q and fills v.  Never fails: a response that makes no
 * sense for the question is wrong. */
void answer_check(const struct question *q, const struct response *r, struct verdict *v);

/* Parses a number as a learner types it: "26", "-3", "26.0", "1,000",
 * "1 000", "2.5e3", and English number words ("twenty-six", "one hundred
 * and five", "a thousand", "3 million").  Surrounding space is ignored, and
 * so is unit when it ends the text ("26 people").  Returns true and stores
 * the value on success. */
bool answer_parse_number(const char *s, const char *unit, double *out);

/* Folds s for lenient text comparison: lower case, Latin diacritics
 * removed, curly quotes and dashes made plain, punctuation dropped (hyphens
 * and slashes become spaces), white space collapsed and trimmed.  The caller
 * frees the result (NULL only when memory runs out). */
char *answer_fold(const char *s);

/* Damerau-Levenshtein distance (optimal string alignment) between two UTF-8
 * strings, counted in code points, or limit+1 when it exceeds limit. */
size_t answer_distance(const char *a, const char *b, size_t limit);

/* The right answer written out for display ("Andrey Rudenko", "26 (25-27)",
 * "1. a  2. b", "true").  Deck text inside is not escaped: the caller escapes
 * it.  The caller frees the result. */
char *answer_format(const struct question *q);

/* A response written out for reports ("Andrey Rudenko"; "BRICS, SCO";
 * "26"; for match "Rudenko -> Ambassador; ...").  Deck text inside is not
 * escaped.  The caller frees the result; NULL when memory runs out. */
char *answer_describe(const struct question *q, const struct response *r);

#endif
