/* ui_quiz — what the screens of a quiz or a study session under way
 * share: the header, the way from a question to its verdict (in study: to
 * its grade) and on to the summary, quitting with a yes-or-no question
 * first, and the rows of a verdict.  Where a study session is in hand
 * (ui->study) the functions act on it, else on the quiz. */
#ifndef RECALL_UI_QUIZ_H
#define RECALL_UI_QUIZ_H

#include <stdbool.h>

#include "sched.h"
#include "session.h"
#include "ui_draw.h"

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

/* Takes the hint of the item in hand; NULL when it has none. */
const char *ui_quiz_hint(struct ui *ui);
/* Skips the item in hand, or gives it response r, and shows the verdict
 * (ui_quiz_judge). */
void ui_quiz_skip(struct ui *ui);
void ui_quiz_answer(struct ui *ui, const struct response *r);

/* Study: commits grade g for the question just answered (in the database
 * before anything else is shown), says so on the message line, and moves
 * on.  An error ends the session with it. */
void ui_quiz_grade(struct ui *ui, enum sched_grade g);
/* Study: takes back the last grade and asks that question again (over
 * whatever screen is on top); says when there is nothing to take back. */
void ui_quiz_undo(struct ui *ui);

/* Study: what each grade would make the next review of the question in
 * hand (study_preview), "Next review: Again 1m  Hard 6m  Good 10m  Easy
 * 8d", as many grades a row as fit width, each whole, under the label;
 * the grade picked (0: none) in the accent.  Nothing in cram. */
void ui_quiz_preview_rows(const struct ui *ui, struct ui_rows *r, size_t width, enum sched_grade picked);

/* The first line of a verdict, with its mark and look (rated: the item
 * was a card, rated by the learner). */
void ui_quiz_verdict_row(struct ui_rows *r, size_t width, const struct item *it, bool rated);
/* The rows after the verdict: the prompt, the learner's answer and the
 * right one (a card: its back), why, and the source. */
void ui_quiz_answer_rows(struct ui_rows *r, size_t width, const struct item *it, bool rated);
/* The last of those: why (the explanation) and the source, when q has
 * them. */
void ui_quiz_why_rows(struct ui_rows *r, size_t width, const struct question *q);

#endif
