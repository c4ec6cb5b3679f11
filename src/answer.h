/* answer — checking a learner's response against a question, and writing
 * answers and responses out (answer.c, answer_format.c).
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
#include "number.h"

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

/* The same as number_parse (number.h), under the name the front ends use. */
bool answer_parse_number(const char *s, const char *unit, double *out);

/* Reads s as an answer to the number question q, as its check does: as
 * number_read (number.h) with q's unit, and dates read as their day when q
 * asks for a day of the month (a whole answer from 1 to 31, with no unit
 * or the unit day or days).  how (may be NULL) says how it was read. */
bool answer_read_number(const struct question *q, const char *s, double *out,
                        enum number_how *how);

/* The bits of the first n options set (all bits when n is that many or
 * more): what a choice mask of a question with n options may hold. */
unsigned long answer_choice_mask(size_t n);

/* The right answer written out for display ("Andrey Rudenko", "26 (between
 * 25 and 27)", "1. a; 2. b", "true"); in answer_format.c.  Deck text inside is not escaped: the caller escapes
 * it.  The caller frees the result. */
char *answer_format(const struct question *q);

/* A response written out for reports ("Andrey Rudenko"; "BRICS, SCO";
 * "26"; for match "Rudenko -> Ambassador; ...").  Deck text inside is not
 * escaped.  The caller frees the result; NULL when memory runs out. */
char *answer_describe(const struct question *q, const struct response *r);

#endif
