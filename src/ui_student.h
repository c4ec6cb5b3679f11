/* ui_student — what the full-screen screens of a live drill's student
 * share (ui->live, live_student.h): the header, the tick that polls the
 * core and puts the screen of where the student is on top, what a change
 * says on the message line, and leaving with a yes-or-no question first.
 *
 * Each phase of the core has its screen: waiting for the teacher (finding
 * the drill, or joined before the first question), the open question, the
 * answer sent (or the clock run out, or the question closed and judged)
 * while the others answer, the verdicts of a closed question, and the end.
 * Every screen's tick calls ui_student_tick, which replaces it with the
 * screen of the phase when that is another, or of another question. */
#ifndef RECALL_UI_STUDENT_H
#define RECALL_UI_STUDENT_H

#include <stdbool.h>
#include <stddef.h>

#include "live_student.h"
#include "ui_draw.h"
#include "ui_keys.h"

struct ui;
struct ui_screen;

/* The header: "Live drill" and the class on the left, the student's name
 * on the right, then label and a bar of fraction (< 0: none). */
void ui_student_header(const struct ui *ui, const char *label, double fraction);

/* "question 2 / 4" for question index (from 0) into buf.  Returns buf. */
char *ui_student_position(const struct ui *ui, int index, char *buf, size_t size);

/* The share of the drill done: the questions before index, and index
 * itself when done. */
double ui_student_progress(const struct ui *ui, int index, bool done);

/* The tick of every student screen (shown, at question index; -1 none):
 * polls the core until nothing is new, says on the message line what a
 * change says, then puts the screen of the phase in place of shown when
 * it is another screen or of another question.  Returns whether to draw
 * again; *gone is set when shown was replaced (its state is then gone). */
bool ui_student_tick(struct ui *ui, const struct ui_screen *shown, int index, bool *gone);

/* After an answer on the question screen (live_student_answer said c):
 * says what it says and puts the screen of the phase in its place when
 * that is another.  Returns true when the question screen is gone (its
 * state with it). */
bool ui_student_answered(struct ui *ui, enum live_change c);

/* Asks whether to leave the drill, and leaves on yes. */
void ui_student_ask_leave(struct ui *ui);

/* The key act on a student's screen that only shows (waiting, sent,
 * result): scrolls *scroll (NULL: nothing to scroll), q asks whether to
 * leave, and every key but ? is taken (true). */
bool ui_student_key(struct ui *ui, size_t *scroll, enum ui_action act);

/* A student screen's describe: q is "leave" (the footer and help). */
bool ui_student_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                         struct ui_foot *f);

/* The mark and look of an outcome at a closed question (enum outcome, or
 * RESULTS_TIMED_OUT). */
void ui_student_mark(int outcome, enum ui_glyph *g, enum ui_look *look);

/* " — " in a UTF-8 locale, " - " elsewhere. */
const char *ui_student_dash(void);

#endif
