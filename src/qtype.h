/* qtype — the one table of question types.
 *
 * Each type of question (enum qtype, deck.h) has one row: its name in
 * decks, a name for learners, the fields it allows, how it is loaded and
 * checked from a deck, how a response to it is checked and scored, how its
 * right answer and a response are written out, and how a session shows its
 * options.  The loader, answer checking, answer formatting and the session
 * look a type up here instead of switching on it.
 *
 * Adding a type: a value in enum qtype, a row in qtype.c, and the functions
 * the row points to, each written beside its kind and declared below.
 * Front ends still decide how a learner enters a response to it.
 *
 * The rows are constant and live as long as the program.
 */
#ifndef RECALL_QTYPE_H
#define RECALL_QTYPE_H

#include <stddef.h>

#include "answer.h"
#include "deck.h"

struct cJSON;
struct deck_ctx;   /* the loader's state for one value (deck_load.h) */
struct text_buf;   /* text.h */

/* How a session shows the options of a question. */
enum qtype_shown {
	QTYPE_SHOWN_NONE,       /* it has no options to show */
	QTYPE_SHOWN_OPTIONAL,   /* shuffled when the question allows it (its
	                           "shuffle") and the session is not in order */
	QTYPE_SHOWN_SCRAMBLED,  /* always shuffled and never left in the right
	                           order: in deck order they give the answer away */
};

struct qtype_row {
	enum qtype type;
	const char *name;          /* its "type" in decks: "truefalse" */
	const char *label;         /* its name for learners: "true or false" */
	const char *prompt_field;  /* the field read into question.prompt */
	const char *back_field;    /* a second required text read straight after
	                              it into question.back; NULL for none */
	/* Every field of this type beyond those all questions share (the two
	 * above included); NULL-terminated. */
	const char *const *fields;
	/* Reads and checks the fields of this type from obj into qn, reporting
	 * what is wrong; NULL when the fields above are all there is. */
	void (*load)(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
	/* Judges r against q into v (already reset to wrong, with no note). */
	void (*check)(const struct question *q, const struct response *r, struct verdict *v);
	/* Adds the right answer, as answer_format describes it, to b. */
	void (*format)(struct text_buf *b, const struct question *q);
	/* Adds the response r, as answer_describe describes it, to b. */
	void (*describe)(struct text_buf *b, const struct question *q, const struct response *r);
	enum qtype_shown shown;
};

/* The row of type t; NULL when t is out of range. */
const struct qtype_row *qtype_get(enum qtype t);

/* The row whose name is name (exactly), or NULL. */
const struct qtype_row *qtype_find(const char *name);

/* The names of every type in table order, joined by ", " into buf of size
 * bytes ("choice, multi, ..."), for messages.  Returns buf. */
char *qtype_list(char *buf, size_t size);

/* ---- the functions of the rows ----------------------------------------
 * Callers outside the table use answer_check, answer_format,
 * answer_describe and deck_load instead. */

/* Loaders, in deck_types.c. */
void deck_load_choice(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
void deck_load_multi(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
void deck_load_truefalse(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
void deck_load_number(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
void deck_load_text(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
void deck_load_order(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);
void deck_load_match(struct deck_ctx *c, const struct cJSON *obj, struct question *qn);

/* Checks, in answer.c. */
void answer_check_choice(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_multi(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_truefalse(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_number(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_text(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_order(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_match(const struct question *q, const struct response *r, struct verdict *v);
void answer_check_card(const struct question *q, const struct response *r, struct verdict *v);

/* Writers of the right answer and of a response, in answer_format.c. */
void answer_format_choice(struct text_buf *b, const struct question *q);
void answer_format_multi(struct text_buf *b, const struct question *q);
void answer_format_truefalse(struct text_buf *b, const struct question *q);
void answer_format_number(struct text_buf *b, const struct question *q);
void answer_format_text(struct text_buf *b, const struct question *q);
void answer_format_order(struct text_buf *b, const struct question *q);
void answer_format_match(struct text_buf *b, const struct question *q);
void answer_format_card(struct text_buf *b, const struct question *q);
void answer_describe_choice(struct text_buf *b, const struct question *q, const struct response *r);
void answer_describe_multi(struct text_buf *b, const struct question *q, const struct response *r);
void answer_describe_truefalse(struct text_buf *b, const struct question *q, const struct response *r);
/* number and text: what was typed, trimmed */
void answer_describe_typed(struct text_buf *b, const struct question *q, const struct response *r);
void answer_describe_order(struct text_buf *b, const struct question *q, const struct response *r);
void answer_describe_match(struct text_buf *b, const struct question *q, const struct response *r);
void answer_describe_card(struct text_buf *b, const struct question *q, const struct response *r);

#endif
