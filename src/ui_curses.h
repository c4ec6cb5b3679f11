/* ui_curses — the full-screen front end (ncursesw) over the quiz engine.
 *
 * It draws the state of a session and turns keys into session calls; the
 * engine knows nothing of it.  Screens: start (pick decks, a tag and a
 * number of questions), question, feedback, summary, help, and the
 * too-small screen shown while the window is below UI_CURSES_MIN_COLS x
 * UI_CURSES_MIN_ROWS.  Every string from a deck or a file name is escaped
 * (text_escape) before it is drawn.
 *
 * The terminal is restored on every way out: the normal end, a signal
 * (SIGINT, SIGTERM, SIGHUP: the handlers only set a flag that the key loop
 * reads), a terminal that went away (counted as SIGHUP), an error, and
 * through ui_curses_restore, which main registers with atexit.  Ctrl-Z is
 * left to ncurses, which redraws on resume.  Once the terminal is
 * restored, the summary of the last quiz in hand, or of the study session
 * in hand, is printed to stdout as the plain mode prints it.
 */
#ifndef RECALL_UI_CURSES_H
#define RECALL_UI_CURSES_H

#include <stdbool.h>
#include <stdint.h>

#include "library.h"
#include "session.h"

/* The smallest window drawn; below it the too-small screen says so. */
#define UI_CURSES_MIN_COLS 30
#define UI_CURSES_MIN_ROWS 10

/* Returned by ui_curses_quiz and ui_curses_start, which then have done
 * nothing, when this terminal cannot be driven full-screen (TERM unset or
 * unknown, or without cursor addressing, like "dumb"): the caller falls
 * back to the plain mode. */
#define UI_CURSES_NO_TERMINAL (-1)

struct ui_curses_opts {
	const char *summary_json;  /* write the first summary there too; or NULL */
	bool no_color;             /* --no-color (NO_COLOR in the environment is read here too) */
	const char *db;            /* the progress database (--db); NULL: the default one */
	bool fixed_now;            /* --now: the clock of the progress reads now_value and stands still */
	int64_t now_value;
	int busy_ms;               /* --busy-timeout, when busy_given; else STORE_BUSY_DEFAULT_MS */
	bool busy_given;
	struct deck *const *decks; /* study: the decks studied, for their statistics; NULL: every
	                              deck of the database */
	size_t ndecks;             /* decks in decks */
	struct session_opts so;    /* start screen: the base of each quiz (seed, order); its
	                              tags and limit are what the learner picks */
};

/* Runs the quiz of *s on the terminal until the learner leaves the summary;
 * r on the summary retries the missed questions, which replaces *s with the
 * retry session.  Returns the exit status: 0; 1 after an error, whose
 * message is printed once the terminal is restored; 128 + the signal's
 * number when SIGINT, SIGTERM or SIGHUP ended it (129 when the terminal went
 * away; the --summary-json report is written first); or
 * UI_CURSES_NO_TERMINAL. */
int ui_curses_quiz(struct session **s, const struct ui_curses_opts *o);

/* The start screen over the decks of lib, then the quiz picked there, and
 * back to the start screen after its summary if the learner wants.  The
 * same exit statuses as ui_curses_quiz. */
int ui_curses_start(const struct library *lib, const struct ui_curses_opts *o);

struct study;
struct stats;

/* Runs the study session s (study.h) on the terminal: each question, its
 * grade view, and the study summary, until the learner leaves.  The same
 * exit statuses as ui_curses_quiz; every grade is recorded as it is
 * given. */
int ui_curses_study(struct study *s, const struct ui_curses_opts *o);

/* Shows the statistics st (stats.h) until the learner leaves.  The same
 * exit statuses as ui_curses_quiz. */
int ui_curses_stats(const struct stats *st, const struct ui_curses_opts *o);

struct report_live;

/* Shows the drill report of lv->rep (report_update done) until the teacher
 * leaves; with watch, the live view, polling lv every half second (lv->rep
 * may be NULL while the watch waits for the file or a drill), which ends by
 * itself once lv is complete (report_live_complete).  The same exit
 * statuses as ui_curses_quiz. */
int ui_curses_report(struct report_live *lv, bool watch, const struct ui_curses_opts *o);
struct drill;

/* Runs the drill d (drill.h) on the terminal until it is over and the
 * podium left: each player's turn with the countdown of the question
 * (drill_time_up when it runs out), the reveal of every player's answer
 * and the leaderboard between questions, the podium at the end; in class
 * mode (drill_id not "") each answer is recorded by drill_answer before
 * the next screen, and the end shows the student's rank in the class so
 * far (drill_class_board).  The same exit statuses as ui_curses_quiz.
 * Defined with the drill's screens (ui_scr_drill*.c); recall drill calls
 * it on a terminal unless --plain. */
int ui_curses_drill(struct drill *d, const struct ui_curses_opts *o);

struct live_student;

/* Runs a live drill's student ls (live_student.h) on the terminal until
 * they leave (or the drill is over and its end left): waiting for the
 * teacher, each question as it opens with the countdown from the host's
 * opening, their answer sent, the verdicts of each closed question, the
 * end.  The screens' ticks poll ls.  The same exit statuses as
 * ui_curses_quiz.  Defined with the dispatcher; the screens are
 * ui_scr_student_*.c. */
int ui_curses_live_student(struct live_student *ls, const struct ui_curses_opts *o);

struct live_host;

/* Runs the live drill's host h (live_host.h; made, not yet begun) on the
 * terminal: begins it (ui_live_host.h), then its screens until the teacher
 * leaves the podium.  The same exit statuses as ui_curses_quiz; the caller
 * ends a drill left before its end (ui_live_host_run). */
int ui_curses_live_host(struct live_host *h, const struct ui_curses_opts *o);

/* Puts the terminal back as it was, if curses has it; safe to call at any
 * time and more than once (main registers it with atexit and calls it
 * before printing a fatal error). */
void ui_curses_restore(void);

#endif
