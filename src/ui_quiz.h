/* ui_quiz — what the screens of a quiz under way share: its header, the
 * way from a question to its verdict and on to the summary, and quitting
 * with a yes-or-no question first. */
#ifndef RECALL_UI_QUIZ_H
#define RECALL_UI_QUIZ_H

#include <stdbool.h>

#include "session.h"

struct ui;

/* Draws the header of the question and feedback screens over item it:
 * the deck, the score and streak, the position and a bar of progress
 * (answered: it counts as done). */
void ui_quiz_header(const struct ui *ui, const struct item *it, bool answered);

/* Shows the verdict on it (NULL: nothing) in place of the screen on top;
 * a rated card goes on at once instead, its rating said on the message
 * line of the next question or the summary. */
void ui_quiz_judge(struct ui *ui, const struct item *it);

/* Moves on from the item judged: the next question, or the summary. */
void ui_quiz_next(struct ui *ui);

/* Ends the quiz: its summary in place of the screen on top. */
void ui_quiz_end(struct ui *ui);

/* Asks whether to quit the quiz, and ends it on yes; answered: the item
 * in hand is answered already (the feedback). */
void ui_quiz_ask_quit(struct ui *ui, bool answered);

/* Ends the quiz in hand; the first time, writes its summary to
 * --summary-json (an error is kept in ui->error, the status becomes 1). */
void ui_quiz_finish(struct ui *ui);

#endif
