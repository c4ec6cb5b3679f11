/* ui_pick — naming an option by keys on the question screen, so that
 * every option can be picked and no option key is also a command.
 *
 * Options (and the items of order and match) are picked by number.  Up to
 * 9 a digit picks at once; with more, the number is typed digit by digit:
 * a digit that could start a longer number that exists waits for the next
 * digit or Enter ("option 1…" on the message line), any other picks.  On
 * a 19-option question 1 then 2 picks 12, 1 then Enter picks 1, 5 picks 5.
 *
 * The partners of a match are picked by letter: a, b, c, … skipping every
 * letter that is a command of the question screen (ui_pick_commands: h,
 * s, u, q), then capitals when the small letters run out.  Choice and multi
 * options have no letters: numbers name them all.
 */
#ifndef RECALL_UI_PICK_H
#define RECALL_UI_PICK_H

#include <stdbool.h>
#include <stddef.h>

#include "ui_keys.h"

/* The commands of every question (hint, skip, undo in study, help, quit), tried before
 * the keys of its type. */
extern const struct ui_key ui_pick_commands[];

/* What a digit did toward a number from 1 to n. */
enum ui_pick { UI_PICK_NONE, UI_PICK_WAIT, UI_PICK_WHOLE };

/* Adds the digit key to the number being typed (*typed, 0 when none):
 * UI_PICK_WHOLE with *i the option (0-based) once the number is whole;
 * UI_PICK_WAIT with *i the option named so far, while it could go on;
 * UI_PICK_NONE when no option has that number (*typed is then 0). */
enum ui_pick ui_pick_digit(size_t *typed, size_t n, int key, size_t *i);

/* The letter of partner j (0-based; at most 26 + 26 - the commands). */
char ui_pick_label(size_t j);
/* The partner of n that letter key names, or SIZE_MAX. */
size_t ui_pick_partner(int key, size_t n);

/* Writes the keys of n options or partners into f's key: "1-19", "a-m",
 * "1"; false when n is 0. */
bool ui_pick_range(struct ui_foot *f, size_t n);

#endif
