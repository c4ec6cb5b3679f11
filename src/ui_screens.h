/* ui_screens — the screens of the full-screen front end, one file each
 * (ui_scr_NAME.c); each exports only its descriptor.  The argument each
 * takes when pushed is said beside it. */
#ifndef RECALL_UI_SCREENS_H
#define RECALL_UI_SCREENS_H

#include "ui_screen.h"

extern const struct ui_screen ui_screen_start;     /* arg: const struct library *, the decks */
extern const struct ui_screen ui_screen_question;  /* arg: NULL; asks the quiz's current item */
extern const struct ui_screen ui_screen_feedback;  /* arg: const struct item *, just judged */
extern const struct ui_screen ui_screen_study;     /* arg: const enum sched_grade *, the grade
                                                      proposed for ui->study's current item */
extern const struct ui_screen ui_screen_study_end; /* arg: NULL; the end of ui->study */
extern const struct ui_screen ui_screen_stats;     /* arg: const struct stats *, borrowed */
extern const struct ui_screen ui_screen_summary;   /* arg: NULL; ends the quiz in hand */
extern const struct ui_screen ui_screen_drill;        /* arg: NULL; the turn in hand of ui->drill,
                                                        whose clock it starts */
extern const struct ui_screen ui_screen_drill_pass;   /* arg: const bool *, after a time-out; the
                                                        hand-over to the player in turn */
extern const struct ui_screen ui_screen_drill_reveal; /* arg: const bool *, after a time-out; what
                                                        each player did at the question */
extern const struct ui_screen ui_screen_drill_board;  /* arg: NULL; the leaderboard between questions */
extern const struct ui_screen ui_screen_drill_podium; /* arg: NULL; the end of the drill */
extern const struct ui_screen ui_screen_student_wait;     /* arg: NULL; a live drill's student
                                                            (ui->live) waiting for the teacher */
extern const struct ui_screen ui_screen_student_question; /* arg: NULL; the question open to them */
extern const struct ui_screen ui_screen_student_sent;     /* arg: NULL; answered (or the clock ran
                                                            out): waiting for the close */
extern const struct ui_screen ui_screen_student_result;   /* arg: NULL; a closed question's verdicts */
extern const struct ui_screen ui_screen_student_end;      /* arg: NULL; the end: their final rank */
extern const struct ui_screen ui_screen_live_lobby;    /* arg: NULL; the live drill's lobby (ui->live) */
extern const struct ui_screen ui_screen_live_question; /* arg: NULL; its open question (or paused) */
extern const struct ui_screen ui_screen_live_closed;   /* arg: NULL; its last question closed */
extern const struct ui_screen ui_screen_live_board;    /* arg: NULL; its leaderboard */
extern const struct ui_screen ui_screen_live_podium;   /* arg: NULL; its end */
extern const struct ui_screen ui_screen_help;      /* arg: NULL; the help of the screen under it */
extern const struct ui_screen ui_screen_confirm;   /* arg: const struct ui_confirm_arg * */
extern const struct ui_screen ui_screen_small;     /* arg: NULL; the window is too small */
extern const struct ui_screen ui_screen_report;    /* arg: const struct ui_report_arg * */

struct report_live;

/* The report screen's argument: the report and where it comes from
 * (report_live.h; lv->rep updated, or NULL while the watch waits), and
 * whether to watch it change. */
struct ui_report_arg {
	struct report_live *lv;  /* borrowed: outlives the screen */
	bool watch;
};

#endif
