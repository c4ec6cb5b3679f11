/* ui_drill — what the screens of a drill share (ui->drill, drill.h): the
 * header, the way from one turn to the next (the hand-over in hot-seat,
 * the reveal, the leaderboard, the podium), ending the drill with a
 * yes-or-no question first, and the mark of what a player did. */
#ifndef RECALL_UI_DRILL_H
#define RECALL_UI_DRILL_H

#include <stdbool.h>
#include <stddef.h>

#include "drill.h"
#include "ui_draw.h"

struct ui;

/* How long a screen that follows a time-out ignores the key that goes
 * on: a key meant for the question, pressed as its clock ran out, must
 * not pass the turn or skip the answers. */
#define UI_DRILL_GUARD_SECONDS 0.6

/* Monotonic seconds, for the guard above. */
double ui_drill_clock(void);

/* Whether several players take turns on this terminal. */
bool ui_drill_hot_seat(const struct ui *ui);

/* The header of a drill screen: title (NULL: the deck of the question in
 * hand), right the note (NULL: none), then label and a bar of fraction
 * (< 0: none). */
void ui_drill_header(const struct ui *ui, const char *title, const char *right, const char *label,
                     double fraction);

/* "question 3 / 10" into buf.  Returns buf. */
char *ui_drill_position(const struct ui *ui, char *buf, size_t size);

/* The progress of the drill: the questions done (the one in hand too when
 * answered) of all. */
double ui_drill_progress(const struct ui *ui, bool answered);

/* The start of a turn: the hand-over in hot-seat, else the question (in
 * place of the screen on top).  after_timeout: the last turn ran out of
 * time (the screen shown guards against a late key). */
void ui_drill_turn(struct ui *ui, bool after_timeout);

/* After drill_answer, drill_skip or drill_time_up: the next player's
 * turn, or the reveal of the question. */
void ui_drill_after_turn(struct ui *ui, bool after_timeout);

/* From the reveal or the leaderboard: drill_next, then the first turn of
 * the next question, or the podium. */
void ui_drill_next(struct ui *ui);

/* Ends the drill (drill_finish): the podium in place of everything. */
void ui_drill_end(struct ui *ui);

/* Asks whether to end the drill, and ends it on yes. */
void ui_drill_ask_quit(struct ui *ui);

/* The mark and look of what a player did. */
void ui_drill_mark(const struct drill_outcome *o, enum ui_glyph *g, enum ui_look *look);

/* The index of the player named name (a pointer from drill_leaderboard,
 * or a name equal to one), or drill_nplayers when none. */
size_t ui_drill_player_of(const struct ui *ui, const char *name);

/* Adds rows of lines (NULL-ended), each centred in width, after blank
 * rows that centre them all in height.  Lines are escaped when drawn. */
void ui_drill_centred(struct ui_rows *r, size_t width, size_t height, const char *const *lines,
                      const enum ui_look *looks);

/* Adds the rows of a ranking (e, n entries, ranked): each rank, how it
 * moved since the ranking before (moves), the name, a bar of the score
 * against the highest, the score, and a last column (extra[i]; extra
 * NULL: none), each column as wide as its widest.  The row of the entry
 * named mine (NULL: none) is marked. */
void ui_drill_ranking(struct ui_rows *r, size_t width, const struct drill_entry *e, size_t n, bool moves,
                      const char *const *extra, const char *mine);

/* Rows the podium drawing takes: a name and a score over the highest
 * block. */
#define UI_DRILL_PODIUM_ROWS 5

/* Draws the podium of the first three of e (n entries, ranked; names
 * escaped here) from row *at across width columns: second, first and
 * third side by side, each name and score over a block as high as the
 * rank is good, the rank's number in the block; then moves *at and
 * *height past it and a blank row.  Only where it fits with below rows to
 * spare under it, in at least 24 columns; else nothing. */
void ui_drill_podium(const struct drill_entry *e, size_t n, size_t below, size_t *at,
                     size_t *height, size_t width);

#endif
