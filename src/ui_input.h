/* ui_input — how the question screen takes an answer of each question
 * type: a table indexed by the type (ui_input_for), whose row gives the
 * rows of the body under the prompt, the key handler, the key rows (the
 * footer and help are written from them), the help paragraph, and the
 * footer's words that change with the answer in hand.
 *
 * A new question type gets one row here; the question screen needs no
 * change.
 */
#ifndef RECALL_UI_INPUT_H
#define RECALL_UI_INPUT_H

#include <stdbool.h>
#include <stddef.h>

#include "deck.h"
#include "layout.h"
#include "session.h"
#include "ui_draw.h"
#include "ui_keys.h"

struct ui;

#define UI_INPUT_NO_PAIR ((size_t)-1)

/* The answer being put together on the question screen. */
struct ui_ask {
	size_t cur;                              /* the focused option (shown position); truefalse: 0 true */
	size_t typed;                            /* the number of an option typed so far, waiting for
	                                            another digit or Enter (ui_pick); 0 none */
	unsigned long picked;                    /* multi: bit k set when shown option k is picked */
	size_t order[DECK_MAX_CHOICES];          /* order: shown positions, in the learner's order */
	bool held;                               /* order: the focused item moves with it */
	size_t pair[DECK_MAX_CHOICES];           /* match: the right (shown position) paired with left i */
	bool right;                              /* match: choosing in the right column */
	size_t rcur;                             /* match: the focused right item */
	bool flipped;                            /* card: the back is shown */
	bool command;                            /* typing: Esc was pressed, the next key is a command */
	struct layout_field field;               /* number, text: what is typed (owned) */
	const char *hint;                        /* the hint taken, or NULL */
	size_t scroll;                           /* first body row shown */
	size_t scratch[DECK_MAX_CHOICES];        /* order, match: the array of the response given */
	char line[LAYOUT_FIELD_MAX + 1];         /* number, text: the text of the response given */
};

/* How one question type is answered.  Hooks marked optional may be NULL. */
struct ui_input {
	/* Adds the rows of the answer in hand under the prompt, width columns. */
	void (*build)(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width);
	/* Acts on an action of its rows; returns true when *r then holds an
	 * answer to give (its arrays point into a).  Notes go to ui's message
	 * line. */
	bool (*key)(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act, int key,
	            struct response *r);
	const struct ui_key *keys;       /* its key rows (static), in its first mode */
	const struct ui_key *keys_alt;   /* its rows in its second mode (card flipped, a command after
	                                    Esc); NULL: one mode */
	bool (*alt)(const struct ui_ask *a);  /* whether it is in its second mode; optional */
	bool typing;                     /* in its first mode keys are text: the question's commands are
	                                    listed after Esc, which leads to them */
	const char *help;                /* its paragraph of the help */
	/* Its say on one row listed (see ui_keys_describe).  Optional. */
	bool (*words)(const struct ui_ask *a, const struct item *it, struct ui_foot *f);
	bool rated;                      /* answered by rating oneself, not checked: the feedback tells
	                                    the rating and shows the back instead of the answer */
};

/* The row of type t (a static row). */
const struct ui_input *ui_input_for(enum qtype t);

/* Clears the answer in hand for a new question; the field keeps its memory. */
void ui_input_reset(struct ui_ask *a);

#endif
