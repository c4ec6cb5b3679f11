/* verdict — the words every front end uses about a verdict, written once.
 *
 * Headlines ("Right!", "Partly right (75%)."), card ratings and the line
 * for a rated card, the offer of a hint, the prompt for a rating, a
 * percentage, the summary's grade and score and the offer of a retry, the
 * grades of study mode and the line that says one was given, and the note
 * a check leaves on a verdict (struct verdict, answer.h).  The words are those of the full-screen front end.  Every
 * function writes into a caller's buffer of size bytes, always terminated
 * and cut short if need be, or returns a constant string; nothing here
 * allocates.
 */
#ifndef RECALL_VERDICT_H
#define RECALL_VERDICT_H

#include <stddef.h>

#include <stdbool.h>
#include <stdint.h>

#include "answer.h"
#include "sched.h"

struct summary;   /* session.h */

/* "Right!", "Partly right (75%).", "Wrong." or "Skipped.".  A typo is not
 * told here but by the note (verdict_note_sentence).  Returns buf. */
char *verdict_headline(const struct verdict *v, char *buf, size_t size);

/* A card's rating: "again", "hard", "good", "easy"; "" for RATE_NONE or
 * an unknown value. */
const char *verdict_rating_name(enum rating r);

/* The headline of a rated card: "Rated good: counts as right.", "...:
 * counts as half right.", "...: counts as wrong.".  rating is the name the
 * learner chose (verdict_rating_name; NULL counts as "").  Returns buf. */
char *verdict_rated_headline(const char *rating, enum outcome o, char *buf, size_t size);

/* What a card asks once its back is shown:
 * "How well did you know it? 1 again, 2 hard, 3 good, 4 easy." */
const char *verdict_rating_prompt(void);

/* A percentage, rounded to a whole number: 75 -> "75%".  Returns buf. */
char *verdict_format_percent(double percent, char *buf, size_t size);

/* A grade (a percentage, session.h), with one decimal when not whole:
 * "12.5%", "50%"; never "100%" short of 100 nor "0%" above 0 (99.97 ->
 * "99.9%", 0.01 -> "0.1%").  Returns buf. */
char *verdict_format_grade(double percent, char *buf, size_t size);

/* The summary's headline lines, the same in every front end (session.h
 * says what the figures mean):
 *   verdict_summary_grade  "Grade: 12.5% (100 of 800 points)"
 *   verdict_summary_score  "Score: 100 (with streak bonuses)"
 * Each returns buf. */
char *verdict_summary_grade(const struct summary *sum, char *buf, size_t size);
char *verdict_summary_score(const struct summary *sum, char *buf, size_t size);

/* The offer of a retry (session_retry) of missed questions and of those
 * not reached: "Retry the 2 missed questions?", "Retry the 1 missed and 7
 * not reached?", "Retry the 7 questions not reached?"; "" when both are 0.
 * Returns buf. */
char *verdict_retry_offer(size_t missed, size_t unreached, char *buf, size_t size);

/* Study mode's grades as learners read them: "Again", "Hard", "Good",
 * "Easy"; "?" for anything else. */
const char *verdict_grade_word(enum sched_grade g);

/* The line that says a grade was given (study_grade; scripts count the
 * lines that begin "Graded"): "Graded Good<dot>next review in 10 minutes"
 * with interval the study_graded one, or in cram, where nothing is
 * recorded, "Cram: Good (nothing recorded)".  dot joins the two halves
 * (" · ", or " - " outside UTF-8).  Returns buf. */
char *verdict_graded(enum sched_grade g, bool recorded, int64_t interval, const char *dot,
                     char *buf, size_t size);
/* What a drill's turn earned (drill.h), the same in every front end: the
 * headline, then the points with the streak bonus in them said apart:
 * "Right! +295 points (streak bonus +200)", "Wrong. +0 points"; a turn
 * whose clock ran out (v NULL): "Time is up: counts as wrong. +0 points".
 * Returns buf. */
char *verdict_drill_line(const struct verdict *v, double points, double bonus, char *buf, size_t size);

/* The offer of a hint for a question worth points: "Take the hint? This
 * question is then worth 50 points instead of 100 (and half any streak
 * bonus)."  Returns buf. */
char *verdict_hint_offer(double points, char *buf, size_t size);

/* Its short form, for little room: "Take the hint? 50 points, not 100."
 * Returns buf. */
char *verdict_hint_offer_short(double points, char *buf, size_t size);

/* Sets v's note from a printf format, cut if need be on a character
 * boundary. */
void verdict_set_note(struct verdict *v, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Marks v accepted with a typo and says so in its note, quoting the len
 * bytes typed (at most 1000 of them): "accepted with a typo: Pahalgan". */
void verdict_note_typo(struct verdict *v, const char *typed, size_t len);

/* v's note as a sentence to show: its first letter upper case and a full
 * stop added ("Accepted with a typo: Pahalgan."); "" when v has no note.
 * Deck text inside is not escaped.  Returns buf. */
char *verdict_note_sentence(const struct verdict *v, char *buf, size_t size);

#endif
