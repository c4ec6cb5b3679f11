/* ui_timed — a question asked against a clock, as the drill's turn
 * (ui_scr_drill) and the live drill's open question (ui_scr_live_question)
 * show it: a countdown across the body (the seconds left and a bar that
 * shrinks with them), the question's type and points, its prompt, and the
 * answer being put together in the way its type takes it (ui_input).  The
 * screens hold the item and the clock, and give what they hold; this
 * draws, reads the keys and says what a key comes to. */
#ifndef RECALL_UI_TIMED_H
#define RECALL_UI_TIMED_H

#include <stdbool.h>
#include <stddef.h>

#include "session.h"
#include "ui_input.h"
#include "ui_keys.h"

struct ui;
struct ui_area;
struct ui_rows;

/* A countdown as last drawn (ui_timed_countdown): what decides whether
 * it must be drawn again.  Zeroed: nothing drawn yet. */
struct ui_timed_clock {
	long secs;           /* the seconds left as drawn, plus 1 (0: not drawn) */
	size_t bar_width;    /* columns of its bar */
	size_t cells;        /* its full cells */
};

/* Draws a countdown at row y from column x, width columns: a clock, the
 * seconds left (of total: as many digits), note after them (NULL: none)
 * and a bar of the time left; the last quarter (at most 5 s) in the look
 * of a warning.  What it drew goes in *c.  Also for a screen that shows a
 * clock without asking (the live drill's host). */
void ui_timed_countdown(size_t y, size_t x, size_t width, double left, double total,
                        const char *note, struct ui_timed_clock *c);
/* Whether the countdown of *c would be drawn otherwise with left now. */
bool ui_timed_countdown_changed(const struct ui_timed_clock *c, double left, double total);

/* A question in hand against a clock: part of a screen's state. */
struct ui_timed {
	struct ui_ask ask;     /* the answer in hand */
	double total;          /* seconds a question has; <= 0: no clock */
	struct ui_timed_clock clock;  /* the countdown as last drawn */
	char help[1024];       /* the help: the type's, then the clock's */
};

/* What a key came to. */
enum ui_timed_do {
	UI_TIMED_DONE,    /* handled: the answer in hand changed, or nothing */
	UI_TIMED_ANSWER,  /* the answer is whole: *r holds it (its arrays point into the state) */
	UI_TIMED_SKIP,    /* s: skip the question */
	UI_TIMED_QUIT,    /* q */
	UI_TIMED_HELP     /* ?: left to the dispatcher, which opens the help */
};

/* Sets t up for item it, against a clock of total seconds (<= 0: none);
 * clock_help is said after the type's help. */
void ui_timed_open(struct ui_timed *t, const struct item *it, double total, const char *clock_help);
/* Frees what t holds. */
void ui_timed_close(struct ui_timed *t);

/* Draws into area: the countdown at left seconds (note after the seconds,
 * e.g. "paused"; NULL: none) when there is a clock, then the question. */
void ui_timed_draw(struct ui *ui, struct ui_timed *t, const struct item *it, double left,
                   const char *note, const struct ui_area *area);

/* The countdown alone, at row *top of a body of *height rows, when there
 * is a clock and room; *top and *height are moved past it. */
void ui_timed_clock(struct ui_timed *t, double left, const char *note, size_t *top,
                    size_t *height);

/* Adds the rows over a question's answer: its type and points, then its
 * prompt (compact: the prompt alone, without blank rows, for a low
 * window).  Also for the live host, which shows a question it does not
 * ask. */
void ui_timed_head(struct ui_rows *r, const struct item *it, size_t width, bool compact);

/* Whether the countdown at left seconds differs from the one drawn. */
bool ui_timed_changed(const struct ui_timed *t, double left);

/* Acts on key (its action act) for the question: the commands (s, q, ?,
 * Esc before a command while typing), else the answer's keys. */
enum ui_timed_do ui_timed_key(struct ui *ui, struct ui_timed *t, const struct item *it,
                              enum ui_action act, int key, struct response *r);

/* The rows in force: commands (a static table: s skip, ?, q), reached
 * through Esc while typing, then the rows of the item's type. */
void ui_timed_keys(const struct ui_timed *t, const struct item *it, const struct ui_key *commands,
                   struct ui_keyset *ks);

/* The type's say on a row listed (see ui_keys_describe). */
bool ui_timed_describe(const struct ui_timed *t, const struct item *it, const struct ui_key *row,
                       struct ui_foot *f);

#endif
