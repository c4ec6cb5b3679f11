/* ui_live_host — the full-screen host of a live drill (the teacher's side,
 * on the projector): the way in from the command, and what its screens
 * (ui_scr_live_*.c) share over ui->live (live_host.h): the header, the
 * screen that shows the host's state, the tick that drives the host, and
 * ending the drill after a yes-or-no question.
 *
 * Screens: the lobby (the class code, how to join, who joined; Enter
 * opens the first question), the open question (its countdown, how many
 * answered; Enter closes it, p pauses, s skips), the closed question (the
 * right answer, how the class answered, the top of the leaderboard; Enter
 * opens the next, l the whole leaderboard), the leaderboard, the podium.
 * On each but the podium e or q ends the drill after asking.  Each
 * screen's tick runs the host's (live_host_tick): a question the clock or
 * the class closes shows closed at once. */
#ifndef RECALL_UI_LIVE_HOST_H
#define RECALL_UI_LIVE_HOST_H

#include <stdbool.h>
#include <stddef.h>

#include "drill.h"
#include "live_host.h"
#include "results.h"
#include "ui_keys.h"

struct ui;

/* Runs the live drill d (class mode, over results r) full-screen: begins
 * it, or takes it up where a host before left it (live_host_begin), until
 * the teacher leaves the podium.  Once the terminal is given back (also
 * after Ctrl-C, SIGTERM or a hangup: an open question is then closed and
 * judged, and the drill ended), the final standings are printed as the
 * plain host prints them.  Returns 0; 1 after an error (said on stderr);
 * 128 + a signal's number; UI_CURSES_NO_TERMINAL when this terminal cannot
 * be driven, nothing done (the plain host is the way then). */
int ui_live_host_run(struct drill *d, struct results *r, bool no_color);

/* For ui_curses_live_host: begins the host (or takes it up) and opens the
 * screen of its state, saying where a drill taken up goes on.  0, or -1
 * (the error kept for after the terminal is restored). */
int ui_live_start(struct ui *ui);

/* The screen of the host's state in place of the one on top (overlays
 * over it closed). */
void ui_live_show(struct ui *ui);

/* Runs the host's tick.  Returns what changed (LIVE_HOST_* bits); *moved
 * is set when the state changed and another screen took the place of the
 * caller's (whose state must not be touched then), or the host failed. */
unsigned ui_live_tick(struct ui *ui, enum live_host_state shown, bool *moved);

/* After one of the teacher's actions (its status rc): a failure ends the
 * front end with the error; else the screen of the new state. */
void ui_live_act(struct ui *ui, int rc);

/* Asks whether to end the drill, and ends it on yes (the podium). */
void ui_live_ask_end(struct ui *ui);

/* The header of a live screen: the class and who joined above, label and
 * a bar of fraction (< 0: none) under it. */
void ui_live_header(const struct ui *ui, const char *label, double fraction);

/* The share of the drill done: questions closed of all. */
double ui_live_progress(const struct ui *ui);

/* Rows the live screens end with: e (and q) ends the drill, ? helps. */
extern const struct ui_key ui_live_end_keys[];

/* A describe (ui_keys.h) for screens ending with ui_live_end_keys: q is
 * not listed beside e. */
bool ui_live_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                      struct ui_foot *f);

#endif
