/* ui_screen — what a screen of the full-screen front end is, and what the
 * dispatcher (ui_curses) offers the screens.
 *
 * A screen is a value: a descriptor of functions and data (struct
 * ui_screen), exported by the one file that implements it (ui_screens.h
 * lists them).  The dispatcher keeps a stack of open screens; pushing one
 * allocates its state (state_size bytes, zeroed) and opens it, popping it
 * closes it and frees the state.  The screen on top gets the keys; the
 * topmost screen that is no overlay is drawn, then the overlays above it.
 * Help, the yes-or-no question and the too-small screen are screens too.
 *
 * What screens share (the quiz in hand, the rows of the body being drawn,
 * the message line, the way out) is struct ui; its stack is the
 * dispatcher's, which screens change only through the functions below.
 */
#ifndef RECALL_UI_SCREEN_H
#define RECALL_UI_SCREEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "library.h"
#include "session.h"
#include "ui_draw.h"
#include "ui_keys.h"

struct ui;
struct stats;
struct store;
struct study;
struct drill;
struct live_host;
struct live_student;

/* Where a screen draws: its body rows, between the header and the
 * message line; the width of their text. */
struct ui_area {
	size_t top;     /* the first row of the body */
	size_t height;  /* rows of the body, above the message line */
	size_t below;   /* rows of the message line under them, which an overlay may cover */
	size_t width;   /* columns of the body's text */
};

/* A screen: what it does, as functions and data.  Hooks marked optional
 * may be NULL. */
struct ui_screen {
	const char *name;    /* for people reading the code and debugging: "question" */
	size_t state_size;   /* bytes of state each open instance has (zeroed when pushed) */
	bool overlay;        /* drawn over the screen under it, in the body's area */
	bool whole_window;   /* takes the whole window alone: no footer, no message, nothing under it */
	/* Sets up a new instance with the argument of the push (see each
	 * screen for its type).  Returns 0, or -1 when memory runs out (the
	 * screen is then closed and popped).  Optional. */
	int (*open)(struct ui *ui, void *state, const void *arg);
	/* Frees what the instance owns; its state itself is freed after.  Optional. */
	void (*close)(struct ui *ui, void *state);
	/* Draws the instance into area (an overlay: over what is drawn already). */
	void (*draw)(struct ui *ui, void *state, const struct ui_area *area);
	/* Acts on the action of a key of its rows (key: the key itself, for the
	 * rows of a range).  Returns whether it handled the action; one it
	 * leaves is done by the dispatcher: UI_DO_HELP opens the help over it,
	 * UI_DO_QUIT leaves.  It may push, pop or replace screens, its own
	 * instance too, after which it must not touch its state. */
	bool (*key)(struct ui *ui, void *state, enum ui_action act, int key);
	/* Called every time the loop wakes (at least every 200 ms) with the
	 * monotonic time in seconds; returns whether to draw again.  NULL for
	 * a screen that does not change with time. */
	bool (*tick)(struct ui *ui, void *state, double now);
	/* Its key rows (ended by UI_KEYS_END), tried after ui_keys_always;
	 * they end with UI_KEYS_USE(ui_keys_global) where help and quit hold. */
	const struct ui_key *keys;
	/* The rows in force now, for a screen whose keys change with its
	 * state: fills ks instead of keys.  Optional. */
	void (*keys_now)(const struct ui *ui, const void *state, struct ui_keyset *ks);
	/* Whether a row is listed in the footer and help now, and in what
	 * words (see ui_keys_describe).  Optional: every row as written. */
	ui_keys_describe *describe;
	const char *help;    /* how it works, for the help over it; or NULL */
	/* The help of the moment, for a screen whose help changes with its
	 * state (a static string, or NULL).  Optional: help. */
	const char *(*help_now)(const struct ui *ui, const void *state);
};

/* One open screen. */
struct ui_frame {
	const struct ui_screen *screen;  /* what it is */
	void *state;                     /* its state (owned by the stack) */
};

#define UI_STACK_MAX 8

/* The front end's state, shared by the dispatcher and the screens. */
struct ui {
	struct ui_frame stack[UI_STACK_MAX];  /* the open screens, the active one last (the dispatcher's) */
	size_t depth;                  /* screens in stack */
	struct session **sp;           /* the quiz in hand; *sp is NULL before one starts */
	struct session *own;           /* a quiz the start screen made, which the ui frees */
	struct study *study;           /* the study session in hand; NULL in a quiz */
	struct drill *drill;           /* the drill in hand (the caller's of ui_curses_drill); or NULL */
	struct live_student *live_student;  /* a live drill's student (the caller's of
	                                       ui_curses_live_student); or NULL */
	struct live_host *live_host;   /* the live drill's host in hand (the caller's of
	                                  ui_curses_live_host); or NULL */
	struct store *store;           /* the database of a study the start screen opened, which the ui
	                                  closes with that study (ui_progress); NULL: the study is the
	                                  caller's of ui_curses_study */
	char *study_said;              /* the summary of the last study session the start screen
	                                  closed after a grade (ui_plain_study_summary's text, owned),
	                                  printed at the end; or NULL */
	const char *db;                /* the progress database (--db); NULL: the default one */
	const int64_t *now;            /* --now: the time the progress is read at (&now_value); NULL:
	                                  the clock */
	int64_t now_value;
	int busy_ms;                   /* how long the progress database waits for another's lock */
	struct deck *const *decks;     /* the decks of the study from the command line (borrowed); or NULL */
	size_t ndecks;                 /* decks in decks */
	struct stats *stats;           /* figures the ui computed for the statistics screen (owned); or NULL */
	const struct library *lib;     /* the decks of the start screen; NULL when the quiz came from the command line */
	struct session_opts so;        /* start screen: the base of each quiz */
	const char *summary_json;      /* where the first summary goes too; or NULL */
	bool json_due;                 /* the next summary is the first, still to be written */
	struct ui_rows rows;           /* the body of the frame being drawn (emptied before each frame) */
	char msg[240];                 /* a note for the learner under the body; "" none */
	char error[600];               /* printed once the terminal is restored; "" none */
	int status;                    /* the exit status so far */
	bool done;                     /* leave the key loop */
	unsigned dead_reads;           /* key reads in a row that failed at once */
	bool hangup;                   /* the terminal went away: the quiz ends as on SIGHUP */
};

/* The yes-or-no question's argument (ui_screen_confirm): the question in
 * full and in a short form for a window too low for it, and what a yes
 * does.  The texts are copied; ctx must outlive the question. */
struct ui_confirm_arg {
	const char *text;                            /* the question in full */
	const char *brief;                           /* the short form */
	void (*yes)(struct ui *ui, void *ctx);       /* called on yes, the question closed already */
	void *ctx;                                   /* passed to yes */
};

/* Opens screen s with arg on top.  Returns 0, or -1 when memory runs out
 * (the quiz then ends with that error). */
int ui_screen_push(struct ui *ui, const struct ui_screen *s, const void *arg);
/* Closes the screen on top (never the last one). */
void ui_screen_pop(struct ui *ui);
/* Closes the screen on top and opens s with arg in its place. */
int ui_screen_replace(struct ui *ui, const struct ui_screen *s, const void *arg);
/* Closes every screen, the last one too (the dispatcher, at the end). */
void ui_screen_close_all(struct ui *ui);
/* The screen on top (a pointer into the stack, good until the next push
 * or pop). */
const struct ui_frame *ui_screen_top(const struct ui *ui);
/* The screen under the one whose state is state (into the stack, like
 * ui_screen_top); NULL when none. */
const struct ui_frame *ui_screen_under(const struct ui *ui, const void *state);

/* The rows in force on fr, and the keys they list, in footer order (see
 * ui_keys_footer). */
void ui_screen_keys(const struct ui *ui, const struct ui_frame *fr, struct ui_keyset *ks);
size_t ui_screen_footer(const struct ui *ui, const struct ui_frame *fr, struct ui_foot *v, size_t cap);

/* Writes a note for the learner on the message line (until the next key). */
void ui_screen_say(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Keeps an error for after the terminal is restored; the quiz ends. */
void ui_screen_fail(struct ui *ui, const char *what);

/* The quiz in hand, or NULL; and the current item of the drill, the study
 * session or else of the quiz, or NULL (both borrowed: the session is
 * ui->own or the caller's of ui_curses_quiz, the study session and the
 * drill the caller's). */
struct session *ui_screen_quiz(const struct ui *ui);
const struct item *ui_screen_item(const struct ui *ui);
#endif
