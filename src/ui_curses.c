/* ui_curses — the full-screen front end's dispatcher; see ui_curses.h.
 *
 * It owns the terminal (start, one restore for every way out), the loop
 * that draws the stack of screens (ui_screen.h) and hands the keys to the
 * one on top, resizes, signals (their handlers, in the stop module, only
 * set a flag that the loop reads), the too-small screen, the footer
 * written from the key rows of the screen on top, and the message line.
 * What each screen shows and does is in its own file (ui_screens.h); this
 * one knows them only through their descriptors.
 */
#include "ui_curses.h"

#include <curses.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "drill.h"
#include "layout.h"
#include "score.h"
#include "stop.h"
#include "store.h"
#include "study.h"
#include "text.h"
#include "ui_plain.h"
#include "ui_plain_study.h"
#include "ui_plain_drill.h"
#include "ui_live_host.h"
#include "ui_progress.h"
#include "ui_screens.h"

/* ---- the terminal ---------------------------------------------------- */

static SCREEN *term_screen;  /* while curses has the terminal */

#define KEY_WAIT_MS 200   /* the longest get_wch waits before the loop looks at stop_signal */
#define ESC_WAIT_MS 100   /* how long a lone Esc waits for the rest of a key */

void ui_curses_restore(void)
{
	if (term_screen) {
		endwin();
		delscreen(term_screen);
		term_screen = NULL;
	}
	stop_release();
}

static bool term_usable(void);  /* at the end of the file, with <term.h> */

/* Colour pairs, as ui_draw uses them. */
enum { PAIR_RIGHT = 1, PAIR_WRONG, PAIR_PARTIAL, PAIR_ACCENT };

/* Takes the terminal.  Returns 0, or -1 with a message in err. */
static int term_start(bool want_color, bool *color, char *err, size_t errsize)
{
	stop_catch();  /* before newterm, so that ncurses keeps its hands off these */
	term_screen = newterm(NULL, stdout, stdin);
	if (!term_screen) {
		const char *t = getenv("TERM");
		char b[64];
		ui_curses_restore();
		snprintf(err, errsize, "cannot use this terminal full-screen (TERM=%s); try --plain",
		         t ? text_escape_into(t, false, b, sizeof b) : "");
		return -1;
	}
	cbreak();        /* keys at once; Ctrl-C and Ctrl-Z still signal */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	intrflush(stdscr, FALSE);
	timeout(KEY_WAIT_MS);
	if (!getenv("ESCDELAY"))
		set_escdelay(ESC_WAIT_MS);
	curs_set(0);
	*color = false;
	if (want_color && has_colors() && start_color() == OK && use_default_colors() == OK) {
		/* The terminal's own background stays: these read on dark and light. */
		init_pair(PAIR_RIGHT, COLOR_GREEN, -1);
		init_pair(PAIR_WRONG, COLOR_RED, -1);
		init_pair(PAIR_PARTIAL, COLOR_MAGENTA, -1);
		init_pair(PAIR_ACCENT, COLOR_CYAN, -1);
		*color = true;
	}
	return 0;
}

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- the footer ------------------------------------------------------ */

/* The footer of a frame: the keys, laid out in rows at the bottom. */
struct footer {
	struct ui_foot v[UI_KEYS_MAX_FOOT];   /* the keys listed */
	size_t n;                             /* keys in v */
	size_t row_of[UI_KEYS_MAX_FOOT];      /* the row of each key */
	size_t rows;                          /* rows taken at the bottom of the window */
	bool terse;                           /* keys without what they do, for want of room */
};

/* Lays the keys of the screen on top out across the window: the keys with
 * what they do, or, when that takes more than two rows (three on a tall
 * window), the keys alone. */
static void footer_plan(const struct ui *u, struct footer *f)
{
	size_t width = ui_draw_cols() - 2, max_rows = ui_draw_lines() >= 20 ? 3 : 2;
	size_t w[UI_KEYS_MAX_FOOT] = {0};
	f->n = ui_screen_footer(u, ui_screen_top(u), f->v, UI_KEYS_MAX_FOOT);
	for (size_t i = 0; i < f->n; i++)
		w[i] = ui_draw_width(f->v[i].key) + 1 + ui_draw_width(f->v[i].does);
	f->terse = false;
	f->rows = layout_pack(w, f->n, width, 2, f->row_of);
	if (f->rows <= max_rows)
		return;
	for (size_t i = 0; i < f->n; i++)
		w[i] = ui_draw_width(f->v[i].key);
	f->terse = true;
	f->rows = layout_pack(w, f->n, width, 2, f->row_of);
}

static void draw_footer(const struct footer *f)
{
	size_t width = ui_draw_cols() - 2;
	size_t y0 = ui_draw_lines() - f->rows, x = 1, row = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (i == 0 || f->row_of[i] != row) {
			row = f->row_of[i];
			x = 1;
		} else {
			x += 2;
		}
		if (x > width)
			continue;
		x += ui_draw_put_at(y0 + row, x, UI_LOOK_KEY, f->v[i].key, width + 1 - x);
		if (!f->terse && x < width + 1) {
			x += ui_draw_put_at(y0 + row, x, UI_LOOK_PLAIN, " ", 1);
			x += ui_draw_put_at(y0 + row, x, UI_LOOK_DIM, f->v[i].does, width + 1 - x);
		}
	}
}

/* ---- drawing --------------------------------------------------------- */

/* The topmost screen that is no overlay: where drawing starts. */
static size_t first_drawn(const struct ui *u)
{
	size_t i = u->depth - 1;
	while (i > 0 && u->stack[i].screen->overlay)
		i--;
	return i;
}

/* Draws the screens from the first drawn up, the message line under the
 * body, the footer; the text cursor shows on a field of a screen with
 * nothing over it. */
static void draw(struct ui *u)
{
	ui_draw_begin();
	const struct ui_frame *top = ui_screen_top(u);
	size_t first = first_drawn(u);
	ui_draw_rows_clear(&u->rows);
	if (top->screen->whole_window) {
		struct ui_area all = { 0, ui_draw_lines(), 0, ui_draw_cols() };
		top->screen->draw(u, top->state, &all);
	} else {
		struct footer foot;
		footer_plan(u, &foot);
		size_t gap = ui_draw_lines() >= 16 ? 1 : 0;
		size_t body = 2 + gap;
		size_t end = ui_draw_lines() > foot.rows + gap ? ui_draw_lines() - foot.rows - gap : 0;
		struct layout_lines msg = {0};
		size_t width = ui_draw_cols() - 3;
		if (u->msg[0] && layout_wrap(u->msg, width, &msg) == 0 && msg.n > 2)
			msg.n = 2;
		end = end > body + msg.n ? end - msg.n : body;
		struct ui_area area = { body, end - body, msg.n, width };
		u->stack[first].screen->draw(u, u->stack[first].state, &area);
		if (u->rows.oom)
			ui_screen_fail(u, "out of memory");
		for (size_t i = 0; i < msg.n; i++) {
			move(ui_draw_int(end + i), 1);
			attrset(ui_draw_attr(UI_LOOK_WARN));
			ui_draw_put(u->msg + msg.v[i].start, msg.v[i].len, width);
			attrset(A_NORMAL);
		}
		layout_lines_free(&msg);
		for (size_t i = first + 1; i < u->depth; i++)
			u->stack[i].screen->draw(u, u->stack[i].state, &area);
		draw_footer(&foot);
	}
	int y, x;
	if (ui_draw_cursor(&y, &x) && first == u->depth - 1 && !top->screen->whole_window) {
		curs_set(1);
		move(y, x);
	} else {
		curs_set(0);
	}
	refresh();
}

/* ---- keys and the loop ----------------------------------------------- */

/* Hands a key to the screen on top, as the action its rows bind it to;
 * help and quit, when the screen leaves them, open the help and leave. */
static void handle_key(struct ui *u, int key, bool fkey)
{
	const struct ui_frame *top = ui_screen_top(u);
	struct ui_keyset ks;
	ui_screen_keys(u, top, &ks);
	const struct ui_key *b = ui_keys_find(&ks, key, fkey);
	enum ui_action a = b ? b->act : UI_DO_NONE;
	if (a == UI_DO_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	u->msg[0] = '\0';
	if (top->screen->key(u, top->state, a, key))
		return;
	if (a == UI_DO_HELP)
		ui_screen_push(u, &ui_screen_help, NULL);
	else if (a == UI_DO_QUIT)
		u->done = true;
}

/* Lets every open screen that changes with time look at the clock;
 * returns whether one wants to be drawn again. */
static bool tick(struct ui *u)
{
	bool dirty = false;
	double now = now_seconds();
	for (size_t i = 0; i < u->depth && !u->done; i++)
		if (u->stack[i].screen->tick)
			dirty = u->stack[i].screen->tick(u, u->stack[i].state, now) || dirty;
	return dirty;
}

/* Shows the too-small screen over everything while the window is below
 * the minimum (a question it asks stays over it), and takes it away after,
 * once nothing is over it; returns whether it changed. */
static bool check_size(struct ui *u)
{
	bool small = ui_draw_lines() < UI_CURSES_MIN_ROWS || ui_draw_cols() < UI_CURSES_MIN_COLS;
	bool shown = u->stack[first_drawn(u)].screen == &ui_screen_small;
	if (small && !shown) {
		ui_screen_push(u, &ui_screen_small, NULL);
		return true;
	}
	if (!small && shown && ui_screen_top(u)->screen == &ui_screen_small) {
		ui_screen_pop(u);
		return true;
	}
	return false;
}

/* Draws and reads keys until the learner leaves, a signal comes, or the
 * terminal goes away (reads that fail at once, again and again: ncdu's
 * lesson, so as never to spin), which counts as a hangup. */
static void run_loop(struct ui *u)
{
	bool dirty = true;
	while (!u->done && !stop_signal()) {
		dirty = check_size(u) || dirty;
		if (u->done)
			break;
		if (dirty)
			draw(u);
		dirty = false;
		int key;
		bool fkey;
		double t0 = now_seconds();
		int r = ui_keys_read(&key, &fkey);
		if (stop_signal())
			break;
		dirty = tick(u);
		if (r == ERR) {
			if (now_seconds() - t0 < KEY_WAIT_MS / 4000.0) {
				if (++u->dead_reads >= 50) {
					u->hangup = true;
					break;
				}
			} else {
				u->dead_reads = 0;
			}
			continue;
		}
		u->dead_reads = 0;
		dirty = true;
		if (fkey && key == KEY_RESIZE)
			continue;  /* drawn again at the new size; nothing typed is lost */
		handle_key(u, key, fkey);
	}
}

/* ---- entry points ---------------------------------------------------- */

static int ui_begin(struct ui *u, const struct ui_curses_opts *o)
{
	memset(u, 0, sizeof *u);
	u->summary_json = o->summary_json;
	u->json_due = o->summary_json != NULL;
	u->so = o->so;
	u->db = o->db;
	u->now_value = o->now_value;
	u->now = o->fixed_now ? &u->now_value : NULL;
	u->busy_ms = o->busy_given ? o->busy_ms : STORE_BUSY_DEFAULT_MS;
	u->decks = o->decks;
	u->ndecks = o->ndecks;
	if (!term_usable()) {
		u->status = UI_CURSES_NO_TERMINAL;
		return -1;
	}
	const char *nc = getenv("NO_COLOR");
	bool want_color = !o->no_color && !(nc && *nc);
	bool color;
	char err[256];
	if (term_start(want_color, &color, err, sizeof err) != 0) {
		snprintf(u->error, sizeof u->error, "recall: %s", err);
		u->status = 1;
		return -1;
	}
	ui_draw_setup(color, strcmp(nl_langinfo(CODESET), "UTF-8") == 0);
	return 0;
}

/* Gives the terminal back; a quiz ended by a signal or a hangup is
 * finished and leaves its report first; the summary of the last quiz in
 * hand, and of the study session in hand (unless an error ended it), is
 * printed so that it stays in the scrollback; every screen closes and any
 * error is printed.  Returns the exit status. */
static int ui_end(struct ui *u)
{
	int sig = stop_signal();
	if (!sig && u->hangup)
		sig = SIGHUP;  /* the terminal went away without saying so */
	ui_curses_restore();
	struct session *s = u->sp ? *u->sp : NULL;
	if (s && sig) {
		/* What was answered is committed, the rest counts as not reached. */
		session_finish(s);
		if (u->json_due) {
			char err[512];
			u->json_due = false;
			if (session_write_json(s, u->summary_json, err, sizeof err) != 0)
				fprintf(stderr, "recall: %s\n", err);
		}
	}
	if (u->drill) {
		/* What was not answered stays so; how it ended stays in the scrollback. */
		ui_plain_drill_print_end(u->drill, stdout);
		fflush(stdout);
	}
	if (s) {
		session_finish(s);
		ui_plain_print_summary(s, stdout);
		fflush(stdout);
	}
	/* A study session's summary (every grade is recorded already): that of
	 * the caller's session, or of the last one the start screen ran. */
	if (u->study && !u->store && !u->error[0])
		ui_plain_study_summary(u->study, stdout);
	ui_screen_close_all(u);
	ui_progress_end(u);
	if (u->study_said && !u->error[0])
		fputs(u->study_said, stdout);
	fflush(stdout);
	free(u->study_said);
	ui_progress_stats_free(u);
	ui_draw_rows_free(&u->rows);
	session_free(u->own);
	if (sig)
		return 128 + sig;
	if (u->error[0])
		fprintf(stderr, "%s\n", u->error);
	return u->status;
}

int ui_curses_quiz(struct session **s, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		u.sp = s;
		if (ui_screen_push(&u, session_current(*s) ? &ui_screen_question : &ui_screen_summary, NULL) == 0)
			run_loop(&u);
	}
	return ui_end(&u);
}

int ui_curses_start(const struct library *lib, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		u.lib = lib;
		u.sp = &u.own;
		if (ui_screen_push(&u, &ui_screen_start, lib) == 0)
			run_loop(&u);
	}
	return ui_end(&u);
}

int ui_curses_study(struct study *s, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		u.study = s;
		const struct item *it = study_current(s);
		if (!it && study_error(s)[0])
			ui_screen_fail(&u, study_error(s));
		else if (ui_screen_push(&u, it ? &ui_screen_question : &ui_screen_study_end, NULL) == 0)
			run_loop(&u);
	}
	return ui_end(&u);
}

int ui_curses_drill(struct drill *d, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		u.drill = d;
		const struct ui_screen *first = &ui_screen_drill_podium;
		bool no = false;
		if (drill_phase(d) == DRILL_TURN)
			first = drill_nplayers(d) > 1 ? &ui_screen_drill_pass : &ui_screen_drill;
		else if (drill_phase(d) == DRILL_REVEAL)
			first = &ui_screen_drill_reveal;
		if (ui_screen_push(&u, first, &no) == 0) {
			size_t at = drill_resumed_at(d);
			if (at && drill_phase(d) != DRILL_OVER) {
				char pts[32];
				score_format_points(drill_tally(d, 0)->score, pts, sizeof pts);
				ui_screen_say(&u, "Resuming at question %zu of %zu (score %s).", at + 1, drill_count(d), pts);
			}
			run_loop(&u);
		}
	}
	return ui_end(&u);
}

int ui_curses_live_student(struct live_student *ls, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		u.live_student = ls;
		if (ui_screen_push(&u, &ui_screen_student_wait, NULL) == 0)
			run_loop(&u);
	}
	return ui_end(&u);
}

int ui_curses_live_host(struct live_host *h, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		u.live_host = h;
		if (ui_live_start(&u) == 0)
			run_loop(&u);
	}
	return ui_end(&u);
}

int ui_curses_stats(const struct stats *st, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0 && ui_screen_push(&u, &ui_screen_stats, st) == 0)
		run_loop(&u);
	return ui_end(&u);
}

int ui_curses_report(struct report_live *lv, bool watch, const struct ui_curses_opts *o)
{
	struct ui u;
	struct ui_report_arg arg = { lv, watch };
	if (ui_begin(&u, o) == 0 && ui_screen_push(&u, &ui_screen_report, &arg) == 0)
		run_loop(&u);
	return ui_end(&u);
}

/* ---- whether the terminal can be driven ------------------------------ */

/* <term.h> comes last: its lower-case capability macros (lines, key_help,
 * and hundreds more) would clash with the names above. */
#include <term.h>

/* True when TERM names a terminal that terminfo knows and that can move
 * the cursor.  Asked before newterm, whose failure ncurses does not clean
 * up after; the description read here is freed again. */
static bool term_usable(void)
{
	TERMINAL *was = cur_term;
	int err = 0;
	if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
		return false;
	const char *cup = tigetstr("cup");
	bool ok = cup && cup != (char *)-1;
	del_curterm(cur_term);
	set_curterm(was);
	return ok;
}
