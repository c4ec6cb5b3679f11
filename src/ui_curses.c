/* ui_curses — the full-screen front end; see ui_curses.h.
 *
 * The file runs in this order: the terminal (signals, start, restore);
 * looks and glyphs; drawing primitives and body rows; the key table, which
 * maps every key to an action and also writes the footer and the help; the
 * state; then one part per screen, each with its draw and key function
 * (start, question, feedback, summary, help, too-small); then the main loop,
 * which draws the active screen and hands it the keys.
 */
#include "ui_curses.h"

#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wchar.h>

#include "layout.h"
#include "stop.h"
#include "text.h"

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

/* Colour pairs. */
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

/* ---- looks and glyphs -------------------------------------------------- */

/* What a piece of text looks like; looks become attributes in one place. */
enum look {
	L_PLAIN, L_BOLD, L_DIM, L_KEY, L_TITLE, L_RIGHT, L_WRONG, L_PARTIAL,
	L_ACCENT, L_SELECT, L_BAR, L_BAR_EMPTY, L_FIELD, L_WARN
};

/* Marks that have a Unicode and an ASCII form (for non-UTF-8 locales). */
enum glyph {
	G_RIGHT, G_WRONG, G_PARTIAL, G_SKIP, G_POINTER, G_HELD, G_ELLIPSIS, G_DOT,
	G_ARROW, G_RULE, G_UP, G_DOWN, G_TIMES, G_NGLYPHS
};

static const char *const glyphs[G_NGLYPHS][2] = {
	[G_RIGHT] = { "+", "\u2713" },       /* ✓ */
	[G_WRONG] = { "x", "\u2717" },       /* ✗ */
	[G_PARTIAL] = { "~", "\u25d0" },     /* ◐ */
	[G_SKIP] = { "-", "\u00bb" },        /* » */
	[G_POINTER] = { ">", "\u25b8" },     /* ▸ */
	[G_HELD] = { "=", "\u2195" },        /* ↕ */
	[G_ELLIPSIS] = { "...", "\u2026" },  /* … */
	[G_DOT] = { "-", "\u00b7" },         /* · */
	[G_ARROW] = { "->", "\u2192" },      /* → */
	[G_RULE] = { "-", "\u2500" },        /* ─ */
	[G_UP] = { "^", "\u2191" },          /* ↑ */
	[G_DOWN] = { "v", "\u2193" },        /* ↓ */
	[G_TIMES] = { "x", "\u00d7" },       /* × */
};

/* ---- state ------------------------------------------------------------- */

enum view { SCR_START, SCR_QUESTION, SCR_FEEDBACK, SCR_SUMMARY, SCR_HELP, SCR_SMALL };

/* A yes-or-no question open over the screen. */
enum confirm { ASK_NONE, ASK_QUIT, ASK_HINT };

/* Key contexts: which bindings hold.  Derived from the state. */
enum ctx {
	X_START, X_CHOICE, X_MULTI, X_TRUEFALSE, X_FIELD, X_FIELD_CMD, X_ORDER, X_MATCH,
	X_CARD_FRONT, X_CARD_BACK, X_FEEDBACK, X_SUMMARY, X_HELP, X_CONFIRM, X_SMALL, X_COUNT
};

#define NO_PAIR ((size_t)-1)
#define NSPANS 4

/* One part of a body row, drawn in one look. */
struct span {
	char *s;          /* escaped UTF-8 text (owned); NULL when unused */
	enum look look;   /* how it looks */
};

/* One row of a screen's body, at most the body's width. */
struct row {
	size_t x;                  /* its first column, from the body's left */
	struct span sp[NSPANS];    /* drawn one after the other */
	bool focus;                /* part of the focused thing, kept in view */
	bool field;                /* holds the text field; the cursor goes at x + cursor */
	size_t cursor;             /* field: the cursor's column from x */
};

/* The body of the frame being drawn. */
struct rows {
	struct row *v;    /* the rows, top to bottom (owned) */
	size_t n;         /* rows in v */
	size_t cap;       /* rows allocated */
	bool oom;         /* a row could not be added */
};

/* The start screen: decks, a tag, a number of questions. */
struct pick {
	const struct library *lib;  /* the decks found; NULL when the quiz came from the command line */
	bool *chosen;               /* chosen[i]: lib->v[i] is picked (owned) */
	size_t cur;                 /* the focused row: a deck, or one of the PICK_ rows after them */
	char **deck_tags;           /* deck_tags[i]: the tags of lib->v[i], "a, b, c" (owned); or NULL */
	const char **tags;          /* the tags of the decks in play (owned array, borrowed strings) */
	size_t ntags;               /* tags in tags */
	size_t tag;                 /* 0: every tag; k: tags[k - 1] */
	size_t limit;               /* an index into limits[] */
	size_t scroll;              /* first body row shown */
};

/* Rows of the start screen after the decks. */
enum { PICK_TAG, PICK_LIMIT, PICK_GO, PICK_NROWS };

static const size_t limits[] = { 0, 5, 10, 20, 30, 50 };  /* 0: all */
#define NLIMITS (sizeof limits / sizeof limits[0])

/* The question screen: the answer being put together. */
struct ask {
	size_t cur;                        /* the focused option (shown position); truefalse: 0 true */
	unsigned long picked;              /* multi: bit k set when shown option k is picked */
	size_t order[DECK_MAX_CHOICES];    /* order: shown positions, in the learner's order */
	bool held;                         /* order: the focused item moves with it */
	size_t pair[DECK_MAX_CHOICES];     /* match: the right (shown position) paired with left i */
	bool right;                        /* match: choosing in the right column */
	size_t rcur;                       /* match: the focused right item */
	bool flipped;                      /* card: the back is shown */
	bool command;                      /* typing: Esc was pressed, the next key is a command */
	struct layout_field field;         /* number, text: what is typed */
	const char *hint;                  /* the hint taken, or NULL */
	size_t scroll;                     /* first body row shown */
};

struct ui {
	enum view stack[4];        /* the open screens, the active one last */
	size_t depth;                /* screens in stack */
	struct session **sp;         /* the quiz in hand; *sp is NULL before one starts */
	struct session *own;         /* a quiz the start screen made, which the ui frees */
	struct pick pick;            /* the start screen's state */
	struct ask ask;              /* the question screen's state */
	const struct item *judged;   /* feedback: the item just answered or skipped */
	struct summary sum;          /* summary: of the quiz just ended */
	bool have_sum;               /* sum is filled */
	size_t scroll;               /* feedback, summary: first body row shown */
	size_t help_scroll;          /* help: first line shown */
	enum confirm confirm;        /* a yes-or-no question open, or ASK_NONE */
	char msg[240];               /* a note for the learner under the body; "" none */
	bool color;                  /* colours are in use */
	bool unicode;                /* the locale is UTF-8: Unicode marks and bars */
	const char *summary_json;    /* where the first summary goes too; or NULL */
	bool json_due;               /* the next summary is the first, still to be written */
	struct session_opts so;      /* start screen: the base of each quiz */
	char error[600];             /* printed once the terminal is restored; "" none */
	int status;                  /* the exit status so far */
	bool done;                   /* leave the key loop */
	struct rows rows;            /* the body of the frame being drawn */
	int cursor_y, cursor_x;      /* where the text cursor goes; cursor_y < 0: hidden */
	unsigned dead_reads;         /* key reads in a row that failed at once */
};

static const char *glyph(const struct ui *u, enum glyph g)
{
	return glyphs[g][u->unicode ? 1 : 0];
}

static attr_t look_attr(const struct ui *u, enum look l)
{
	attr_t c = 0;
	switch (l) {
	case L_PLAIN: return A_NORMAL;
	case L_BOLD: case L_KEY: case L_TITLE: return A_BOLD;
	case L_DIM: case L_BAR_EMPTY: return A_DIM;
	case L_SELECT: return A_REVERSE;
	case L_FIELD: return A_UNDERLINE;
	case L_RIGHT: c = (attr_t)COLOR_PAIR(PAIR_RIGHT); break;
	case L_WRONG: case L_WARN: c = (attr_t)COLOR_PAIR(PAIR_WRONG); break;
	case L_PARTIAL: c = (attr_t)COLOR_PAIR(PAIR_PARTIAL); break;
	case L_ACCENT: case L_BAR: c = (attr_t)COLOR_PAIR(PAIR_ACCENT); break;
	}
	if (!u->color)
		c = 0;
	return (l == L_BAR || l == L_ACCENT) ? c : (c | A_BOLD);
}

/* ---- drawing primitives --------------------------------------------- */

static int to_int(size_t v)
{
	return v > 10000 ? 10000 : (int)v;
}

static size_t cols(void)
{
	return COLS > 0 ? (size_t)COLS : 0;
}

static size_t lines(void)
{
	return LINES > 0 ? (size_t)LINES : 0;
}

/* Draws s[0..len) at the cursor, at most maxw columns; returns the columns
 * drawn.  s is escaped already; a control character that slipped through
 * would still be drawn as '?', never sent raw. */
static size_t put_n(const struct ui *u, const char *s, size_t len, size_t maxw)
{
	wchar_t buf[128];
	size_t nb = 0, w = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode(s + i, len - i, &cp);
		if (k == 0) {
			cp = '?';
			k = 1;
		}
		if (cp == '\t')
			cp = ' ';
		if (text_is_control(cp) || (!u->unicode && cp > 0x7E))
			cp = '?';
		size_t cw = layout_cp_width(cp);
		if (w + cw > maxw)
			break;
		buf[nb++] = (wchar_t)cp;
		w += cw;
		i += k;
		if (nb == sizeof buf / sizeof buf[0]) {
			addnwstr(buf, (int)nb);
			nb = 0;
		}
	}
	if (nb)
		addnwstr(buf, (int)nb);
	return w;
}

static size_t put_at(const struct ui *u, size_t y, size_t x, enum look l, const char *s, size_t maxw)
{
	move(to_int(y), to_int(x));
	attrset((int)look_attr(u, l));
	size_t w = put_n(u, s, strlen(s), maxw);
	attrset(A_NORMAL);
	return w;
}

static size_t width_of(const char *s)
{
	return layout_width(s, strlen(s));
}

/* ---- body rows ------------------------------------------------------- */

static void rows_clear(struct rows *r)
{
	for (size_t i = 0; i < r->n; i++)
		for (size_t k = 0; k < NSPANS; k++)
			free(r->v[i].sp[k].s);
	r->n = 0;
	r->oom = false;
}

static void rows_free(struct rows *r)
{
	rows_clear(r);
	free(r->v);
	memset(r, 0, sizeof *r);
}

/* A new empty row at column x, or NULL when memory runs out. */
static struct row *rows_push(struct rows *r, size_t x, bool focus)
{
	if (r->n == r->cap) {
		size_t cap = r->cap ? r->cap * 2 : 64;
		struct row *v = realloc(r->v, cap * sizeof *v);
		if (!v) {
			r->oom = true;
			return NULL;
		}
		r->v = v;
		r->cap = cap;
	}
	struct row *row = &r->v[r->n++];
	memset(row, 0, sizeof *row);
	row->x = x;
	row->focus = focus;
	return row;
}

/* Sets span k of row to s[0..len), escaped. */
static void span_set(struct rows *r, struct row *row, size_t k, enum look look, const char *s, size_t len)
{
	if (!row)
		return;
	char *copy = malloc(len + 1);
	if (!copy) {
		r->oom = true;
		return;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	char *e = text_escape(copy, false);
	free(copy);
	if (!e) {
		r->oom = true;
		return;
	}
	free(row->sp[k].s);
	row->sp[k].s = e;
	row->sp[k].look = look;
}

static void rows_blank(struct rows *r)
{
	rows_push(r, 0, false);
}

/* Adds text wrapped into the body: the first row starts with prefix (in
 * plook) at column x, the others are indented under the text.  text may be
 * deck text with newlines; it is escaped here, like everything in rows. */
static void rows_wrap(struct rows *r, size_t width, size_t x, const char *prefix, enum look plook,
                      const char *text, enum look tlook, bool focus)
{
	char *e = text_escape(text, true);
	if (!e) {
		r->oom = true;
		return;
	}
	size_t pw = width_of(prefix);
	size_t avail = width > x + pw ? width - x - pw : 1;
	struct layout_lines l = {0};
	if (layout_wrap(e, avail, &l) != 0) {
		r->oom = true;
	} else {
		for (size_t i = 0; i < l.n; i++) {
			struct row *row = rows_push(r, i == 0 ? x : x + pw, focus);
			if (i == 0 && pw)
				span_set(r, row, 0, plook, prefix, strlen(prefix));
			span_set(r, row, 1, tlook, e + l.v[i].start, l.v[i].len);
		}
		if (l.n == 0 && pw) {
			struct row *row = rows_push(r, x, focus);
			span_set(r, row, 0, plook, prefix, strlen(prefix));
		}
	}
	layout_lines_free(&l);
	free(e);
}

/* Chooses the first row to show in height rows: keeps the focused rows in
 * view (moving as little as it can), and never scrolls past the end. */
static size_t fix_scroll(const struct rows *r, size_t height, size_t scroll)
{
	size_t fa = SIZE_MAX, fb = 0;
	for (size_t i = 0; i < r->n; i++) {
		if (r->v[i].focus) {
			if (fa == SIZE_MAX)
				fa = i;
			fb = i;
		}
	}
	if (fa != SIZE_MAX && height > 0) {
		if (fa < scroll || fb - fa + 1 > height)
			scroll = fa;
		else if (fb >= scroll + height)
			scroll = fb + 1 - height;
	}
	size_t max = r->n > height ? r->n - height : 0;
	return scroll > max ? max : scroll;
}

/* Draws the rows of r from *scroll into an area of the screen: height
 * rows from top, width columns from left.  A mark in column mark_x says
 * there is more above or below.  The row holding the text field puts the
 * text cursor. */
static void draw_rows(struct ui *u, const struct rows *r, size_t top, size_t left, size_t width,
                      size_t height, size_t *scroll, size_t mark_x)
{
	*scroll = fix_scroll(r, height, *scroll);
	for (size_t y = 0; y < height && *scroll + y < r->n; y++) {
		const struct row *row = &r->v[*scroll + y];
		size_t x = row->x;
		move(to_int(top + y), to_int(left + x));
		for (size_t k = 0; k < NSPANS; k++) {
			if (!row->sp[k].s || x >= width)
				continue;
			attrset((int)look_attr(u, row->sp[k].look));
			x += put_n(u, row->sp[k].s, strlen(row->sp[k].s), width - x);
		}
		attrset(A_NORMAL);
		if (row->field) {
			u->cursor_y = to_int(top + y);
			u->cursor_x = to_int(left + row->x + row->cursor);
		}
	}
	if (height == 0)
		return;
	if (*scroll > 0)
		put_at(u, top, mark_x, L_DIM, glyph(u, G_UP), 1);
	if (*scroll + height < r->n)
		put_at(u, top + height - 1, mark_x, L_DIM, glyph(u, G_DOWN), 1);
}

/* The body of a screen: rows from top, at most height, across the window
 * with a margin of one column each side and the scroll marks at the right. */
static void draw_body(struct ui *u, size_t top, size_t height, size_t *scroll)
{
	draw_rows(u, &u->rows, top, 1, cols() - 3, height, scroll, cols() - 1);
}

/* ---- keys and actions ------------------------------------------------ */

/* What a key does.  The order is the order of the footer. */
enum action {
	DO_NONE, DO_REDRAW, DO_INSERT, DO_NUMBER, DO_LETTER, DO_TRUE, DO_FALSE, DO_RATE,
	DO_UP, DO_DOWN, DO_PGUP, DO_PGDN, DO_TOP, DO_BOTTOM, DO_LEFT, DO_RIGHT,
	DO_HOME, DO_END, DO_BACKSPACE, DO_DELETE, DO_KILL, DO_SPACE, DO_ENTER,
	DO_TAG, DO_LIMIT, DO_YES, DO_NO, DO_RETRY, DO_DECKS, DO_HINT, DO_SKIP,
	DO_COMMAND, DO_CANCEL, DO_CLOSE, DO_HELP, DO_QUIT
};

/* One line of the key table. */
struct binding {
	unsigned in;         /* the contexts where it holds: bits (1u << enum ctx) */
	int key;             /* the key, or the first of a range of them */
	int last;            /* the last key of the range (key itself for one key) */
	bool fkey;           /* key and last are KEY_ codes, not characters */
	enum action act;     /* what it does */
	const char *shown;   /* the key as the footer and help write it; NULL: not listed */
	const char *does;    /* what the footer and help say it does */
};

#define IN(x) (1u << (x))
#define CTRL(c) ((c) & 0x1f)
#define ALL_CTX 0xFFFFu
#define ASKING (IN(X_CHOICE) | IN(X_MULTI) | IN(X_TRUEFALSE) | IN(X_FIELD_CMD) | IN(X_ORDER) | \
                IN(X_MATCH) | IN(X_CARD_FRONT) | IN(X_CARD_BACK))
#define LISTS (IN(X_START) | IN(X_CHOICE) | IN(X_MULTI) | IN(X_TRUEFALSE) | IN(X_ORDER) | IN(X_MATCH))
#define SCROLLS (IN(X_FEEDBACK) | IN(X_SUMMARY) | IN(X_CARD_FRONT) | IN(X_CARD_BACK))
#define MENUS (ASKING | IN(X_FEEDBACK) | IN(X_START) | IN(X_SUMMARY))

#define K(in, k, act, shown, does) { (in), (k), (k), false, (act), (shown), (does) }
#define F(in, k, act, shown, does) { (in), (k), (k), true, (act), (shown), (does) }
#define R(in, a, b, act, shown, does) { (in), (a), (b), false, (act), (shown), (does) }

/* Every key of every screen.  The first line that matches wins, so the
 * commands come before the ranges of letters they would otherwise fall
 * in.  Enter arrives as '\r' and Backspace as 127 (see read_key). */
static const struct binding keys[] = {
	K(ALL_CTX, CTRL('l'), DO_REDRAW, NULL, NULL),
	/* the too-small screen */
	K(IN(X_SMALL), 'q', DO_QUIT, "q", "quit"),
	/* a yes-or-no question */
	K(IN(X_CONFIRM), 'y', DO_YES, "y", "yes"),
	K(IN(X_CONFIRM), 'Y', DO_YES, NULL, NULL),
	K(IN(X_CONFIRM), 'n', DO_NO, "n", "no"),
	K(IN(X_CONFIRM), 'N', DO_NO, NULL, NULL),
	K(IN(X_CONFIRM), 27, DO_NO, NULL, NULL),
	/* the help */
	F(IN(X_HELP), KEY_UP, DO_UP, "\u2191\u2193", "scroll"),
	F(IN(X_HELP), KEY_DOWN, DO_DOWN, NULL, NULL),
	F(IN(X_HELP), KEY_PPAGE, DO_PGUP, NULL, NULL),
	F(IN(X_HELP), KEY_NPAGE, DO_PGDN, NULL, NULL),
	R(IN(X_HELP), 1, 0x10FFFF, DO_CLOSE, "any other key", "close"),
	{ IN(X_HELP), KEY_MIN, KEY_MAX, true, DO_CLOSE, NULL, NULL },
	/* typing an answer */
	F(IN(X_FIELD), KEY_LEFT, DO_LEFT, "\u2190\u2192", "move"),
	F(IN(X_FIELD), KEY_RIGHT, DO_RIGHT, NULL, NULL),
	F(IN(X_FIELD), KEY_HOME, DO_HOME, NULL, NULL),
	K(IN(X_FIELD), CTRL('a'), DO_HOME, NULL, NULL),
	F(IN(X_FIELD), KEY_END, DO_END, NULL, NULL),
	K(IN(X_FIELD), CTRL('e'), DO_END, NULL, NULL),
	K(IN(X_FIELD), 127, DO_BACKSPACE, NULL, NULL),
	F(IN(X_FIELD), KEY_DC, DO_DELETE, NULL, NULL),
	K(IN(X_FIELD), CTRL('d'), DO_DELETE, NULL, NULL),
	K(IN(X_FIELD), CTRL('u'), DO_KILL, "^U", "clear"),
	K(IN(X_FIELD), '\r', DO_ENTER, "Enter", "answer"),
	K(IN(X_FIELD), 27, DO_COMMAND, NULL, NULL),
	R(IN(X_FIELD), ' ', 0x10FFFF, DO_INSERT, NULL, NULL),
	/* the commands of a question (while typing, after Esc), and of every
	 * screen but the text field; before the ranges of letters below */
	K(ASKING, 'h', DO_HINT, "h", "hint"),
	K(ASKING, 's', DO_SKIP, "s", "skip"),
	K(MENUS, '?', DO_HELP, "?", "help"),
	K(MENUS, 'q', DO_QUIT, "q", "quit"),
	K(IN(X_FIELD_CMD), 27, DO_CANCEL, "Esc", "back to typing"),
	/* a card */
	K(IN(X_CARD_FRONT), ' ', DO_SPACE, "Space", "flip"),
	K(IN(X_CARD_FRONT), '\r', DO_SPACE, NULL, NULL),
	K(IN(X_CARD_BACK), '1', DO_RATE, "1", "again"),
	K(IN(X_CARD_BACK), '2', DO_RATE, "2", "hard"),
	K(IN(X_CARD_BACK), '3', DO_RATE, "3", "good"),
	K(IN(X_CARD_BACK), '4', DO_RATE, "4", "easy"),
	/* true or false */
	K(IN(X_TRUEFALSE), 't', DO_TRUE, "t", "true"),
	K(IN(X_TRUEFALSE), 'f', DO_FALSE, "f", "false"),
	/* options by number and letter */
	R(IN(X_CHOICE), '1', '9', DO_NUMBER, "1-9", "answer"),
	R(IN(X_CHOICE), 'a', 'z', DO_LETTER, NULL, NULL),
	R(IN(X_MULTI), '1', '9', DO_NUMBER, "1-9", "pick"),
	R(IN(X_MULTI), 'a', 'z', DO_LETTER, NULL, NULL),
	R(IN(X_ORDER), '1', '9', DO_NUMBER, NULL, NULL),
	R(IN(X_MATCH), '1', '9', DO_NUMBER, "1-9", "item"),
	R(IN(X_MATCH), 'a', 'z', DO_LETTER, "a-z", "partner"),
	/* moving and scrolling */
	F(LISTS, KEY_UP, DO_UP, "\u2191\u2193", "move"),
	F(LISTS, KEY_DOWN, DO_DOWN, NULL, NULL),
	F(SCROLLS, KEY_UP, DO_UP, "\u2191\u2193", "scroll"),
	F(SCROLLS, KEY_DOWN, DO_DOWN, NULL, NULL),
	K(SCROLLS | IN(X_START), 'k', DO_UP, NULL, NULL),
	K(SCROLLS | IN(X_START), 'j', DO_DOWN, NULL, NULL),
	F(SCROLLS | LISTS, KEY_PPAGE, DO_PGUP, NULL, NULL),
	F(SCROLLS | LISTS, KEY_NPAGE, DO_PGDN, NULL, NULL),
	F(SCROLLS | LISTS, KEY_HOME, DO_TOP, NULL, NULL),
	F(SCROLLS | LISTS, KEY_END, DO_BOTTOM, NULL, NULL),
	F(IN(X_MATCH), KEY_LEFT, DO_LEFT, "\u2190\u2192", "column"),
	F(IN(X_MATCH), KEY_RIGHT, DO_RIGHT, NULL, NULL),
	K(IN(X_MATCH), '\t', DO_RIGHT, NULL, NULL),
	F(IN(X_MATCH), KEY_BTAB, DO_LEFT, NULL, NULL),
	F(IN(X_START), KEY_LEFT, DO_LEFT, "\u2190\u2192", "change"),
	F(IN(X_START), KEY_RIGHT, DO_RIGHT, NULL, NULL),
	K(IN(X_START), 't', DO_TAG, NULL, NULL),
	K(IN(X_START), 'n', DO_LIMIT, NULL, NULL),
	/* Space and Enter */
	K(IN(X_MULTI), ' ', DO_SPACE, "Space", "pick"),
	K(IN(X_ORDER), ' ', DO_SPACE, "Space", "grab"),
	K(IN(X_MATCH), ' ', DO_SPACE, NULL, NULL),
	K(IN(X_START), ' ', DO_SPACE, "Space", "select"),
	K(IN(X_CHOICE) | IN(X_TRUEFALSE), '\r', DO_ENTER, "Enter", "choose"),
	K(IN(X_MULTI) | IN(X_ORDER) | IN(X_MATCH), '\r', DO_ENTER, "Enter", "answer"),
	K(IN(X_START), '\r', DO_ENTER, "Enter", "start"),
	K(IN(X_FEEDBACK), '\r', DO_ENTER, "Enter", "next"),
	K(IN(X_FEEDBACK), ' ', DO_ENTER, NULL, NULL),
	/* the summary */
	K(IN(X_SUMMARY), 'r', DO_RETRY, "r", "retry missed"),
	K(IN(X_SUMMARY), 'b', DO_DECKS, "b", "decks"),
};

/* Reads a key: returns get_wch's result, with *key the character or
 * KEY_ code.  Enter comes back as '\r' and Backspace as 127, whichever
 * way the terminal sends them. */
static int read_key(int *key, bool *fkey)
{
	wint_t wc = 0;
	int r = get_wch(&wc);
	*fkey = r == KEY_CODE_YES;
	*key = (int)wc;
	if (*fkey && *key == KEY_ENTER) {
		*fkey = false;
		*key = '\r';
	} else if (*fkey && *key == KEY_BACKSPACE) {
		*fkey = false;
		*key = 127;
	} else if (!*fkey && *key == '\n') {
		*key = '\r';
	} else if (!*fkey && *key == 8) {
		*key = 127;
	}
	return r;
}

static const struct binding *lookup(enum ctx c, int key, bool fkey)
{
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++) {
		const struct binding *b = &keys[i];
		if ((b->in & IN(c)) && b->fkey == fkey && key >= b->key && key <= b->last)
			return b;
	}
	return NULL;
}

/* ---- the state: helpers ---------------------------------------------- */

static enum view top_screen(const struct ui *u)
{
	return u->stack[u->depth - 1];
}

static void push_screen(struct ui *u, enum view s)
{
	if (u->depth < sizeof u->stack / sizeof u->stack[0])
		u->stack[u->depth++] = s;
}

static void pop_screen(struct ui *u)
{
	if (u->depth > 1)
		u->depth--;
}

/* Replaces the screen under any overlay. */
static void set_base(struct ui *u, enum view s)
{
	u->stack[0] = s;
	u->depth = 1;
	u->scroll = 0;
}

static struct session *quiz(const struct ui *u)
{
	return u->sp ? *u->sp : NULL;
}

static const struct item *current(const struct ui *u)
{
	return quiz(u) ? session_current(quiz(u)) : NULL;
}

/* The context of a question screen for the item in hand. */
static enum ctx question_ctx(const struct ui *u)
{
	const struct item *it = current(u);
	if (!it)
		return X_FEEDBACK;
	switch (it->q->type) {
	case Q_CHOICE: return X_CHOICE;
	case Q_MULTI: return X_MULTI;
	case Q_TRUEFALSE: return X_TRUEFALSE;
	case Q_NUMBER: case Q_TEXT: return u->ask.command ? X_FIELD_CMD : X_FIELD;
	case Q_ORDER: return X_ORDER;
	case Q_MATCH: return X_MATCH;
	case Q_CARD: return u->ask.flipped ? X_CARD_BACK : X_CARD_FRONT;
	case Q_NTYPES: break;
	}
	return X_CHOICE;
}

static enum ctx screen_ctx(const struct ui *u, enum view s)
{
	switch (s) {
	case SCR_START: return X_START;
	case SCR_QUESTION: return question_ctx(u);
	case SCR_FEEDBACK: return X_FEEDBACK;
	case SCR_SUMMARY: return X_SUMMARY;
	case SCR_HELP: return X_HELP;
	case SCR_SMALL: return X_SMALL;
	}
	return X_START;
}

static enum ctx context(const struct ui *u)
{
	if (top_screen(u) == SCR_SMALL)
		return X_SMALL;
	if (u->confirm != ASK_NONE)
		return X_CONFIRM;
	return screen_ctx(u, top_screen(u));
}

static void say(struct ui *u, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void say(struct ui *u, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
}

/* Keeps an error for after the terminal is restored; the quiz ends. */
static void fail_out(struct ui *u, const char *what)
{
	snprintf(u->error, sizeof u->error, "recall: %s", what);
	u->status = 1;
	u->done = true;
}

/* ---- the footer ---------------------------------------------------- */

/* One key of the footer. */
struct foot {
	char key[40];     /* as written, e.g. "1-4" or "Esc h" */
	char does[48];    /* what it does */
	enum action act;  /* for ordering */
};

#define MAX_FOOT 24

/* Replaces arrows by words when the locale has no Unicode. */
static void key_text(const struct ui *u, const char *shown, char *buf, size_t size)
{
	if (u->unicode)
		snprintf(buf, size, "%s", shown);
	else if (!strcmp(shown, "\u2191\u2193"))
		snprintf(buf, size, "Up/Down");
	else if (!strcmp(shown, "\u2190\u2192"))
		snprintf(buf, size, "Left/Right");
	else
		snprintf(buf, size, "%s", shown);
}

/* Options the number and letter keys reach in the question in hand. */
static size_t option_count(const struct ui *u)
{
	const struct item *it = current(u);
	return it ? it->nshown : 0;
}

static bool all_paired(const struct ui *u)
{
	for (size_t i = 0; i < option_count(u); i++)
		if (u->ask.pair[i] == NO_PAIR)
			return false;
	return true;
}

/* Whether the footer lists b now, and how: fills f.  The availability of
 * hint, retry and decks, and the words that change with the state. */
static bool describe(const struct ui *u, enum ctx c, const struct binding *b, struct foot *f)
{
	const struct item *it = current(u);
	f->act = b->act;
	key_text(u, b->shown, f->key, sizeof f->key);
	snprintf(f->does, sizeof f->does, "%s", b->does);
	switch (b->act) {
	case DO_HINT:
		return it && it->q->hint && !u->ask.hint;
	case DO_RETRY:
		if (!u->have_sum || u->sum.nmissed == 0)
			return false;
		snprintf(f->does, sizeof f->does, "retry %zu missed", u->sum.nmissed);
		return true;
	case DO_DECKS:
		return u->pick.lib != NULL;
	case DO_NUMBER: case DO_LETTER: {
		size_t n = option_count(u);
		if (n == 0)
			return false;
		if (n > 9 && b->act == DO_NUMBER)
			n = 9;
		char first = b->act == DO_NUMBER ? '1' : 'a';
		if (n == 1)
			snprintf(f->key, sizeof f->key, "%c", first);
		else
			snprintf(f->key, sizeof f->key, "%c-%c", first, (char)(first + (int)n - 1));
		return true;
	}
	case DO_SPACE:
		if (c == X_ORDER && u->ask.held)
			snprintf(f->does, sizeof f->does, "drop");
		return true;
	case DO_ENTER:
		if (c == X_FEEDBACK && quiz(u) && session_position(quiz(u)) + 1 >= session_count(quiz(u)))
			snprintf(f->does, sizeof f->does, "summary");
		if (c == X_MATCH && (u->ask.right || !all_paired(u)))
			snprintf(f->does, sizeof f->does, "pair");
		return true;
	default:
		return true;
	}
}

/* The keys to list for context c, in footer order.  While typing, the
 * question's commands are listed with the Esc that leads to them. */
static size_t footer_keys(const struct ui *u, enum ctx c, struct foot *v, size_t cap)
{
	size_t n = 0;
	for (size_t i = 0; i < sizeof keys / sizeof keys[0] && n < cap; i++) {
		const struct binding *b = &keys[i];
		bool direct = (b->in & IN(c)) != 0;
		bool via_esc = c == X_FIELD && (b->in & IN(X_FIELD_CMD)) && b->act != DO_CANCEL;
		if (!b->shown || !(direct || via_esc))
			continue;
		if (!describe(u, c, b, &v[n]))
			continue;
		if (via_esc && !direct) {
			char k[sizeof v[n].key];
			memcpy(k, v[n].key, sizeof k);
			snprintf(v[n].key, sizeof v[n].key, "Esc %.30s", k);
		}
		n++;
	}
	/* Stable sort by action: the footer's order. */
	for (size_t i = 1; i < n; i++) {
		struct foot t = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1].act > t.act) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
	return n;
}

/* The footer of a frame: the keys, laid out in rows at the bottom. */
struct footer {
	struct foot v[MAX_FOOT];   /* the keys listed */
	size_t n;                  /* keys in v */
	size_t row_of[MAX_FOOT];   /* the row of each key */
	size_t rows;               /* rows taken at the bottom of the window */
	bool terse;                /* keys without what they do, for want of room */
};

/* Lays the footer out across the window: the keys with what they do, or,
 * when that takes more than two rows (three on a tall window), the keys
 * alone. */
static void footer_plan(const struct ui *u, struct footer *f)
{
	size_t width = cols() - 2, max_rows = lines() >= 20 ? 3 : 2;
	size_t w[MAX_FOOT] = {0};
	f->n = footer_keys(u, context(u), f->v, MAX_FOOT);
	for (size_t i = 0; i < f->n; i++)
		w[i] = width_of(f->v[i].key) + 1 + width_of(f->v[i].does);
	f->terse = false;
	f->rows = layout_pack(w, f->n, width, 2, f->row_of);
	if (f->rows <= max_rows)
		return;
	for (size_t i = 0; i < f->n; i++)
		w[i] = width_of(f->v[i].key);
	f->terse = true;
	f->rows = layout_pack(w, f->n, width, 2, f->row_of);
}

static void draw_footer(const struct ui *u, const struct footer *f)
{
	size_t width = cols() - 2;
	size_t y0 = lines() - f->rows, x = 1, row = 0;
	for (size_t i = 0; i < f->n; i++) {
		if (i == 0 || f->row_of[i] != row) {
			row = f->row_of[i];
			x = 1;
		} else {
			x += 2;
		}
		if (x > width)
			continue;
		x += put_at(u, y0 + row, x, L_KEY, f->v[i].key, width + 1 - x);
		if (!f->terse && x < width + 1) {
			x += put_at(u, y0 + row, x, L_PLAIN, " ", 1);
			x += put_at(u, y0 + row, x, L_DIM, f->v[i].does, width + 1 - x);
		}
	}
}

/* ---- the header ---------------------------------------------------- */

/* Draws the header's two rows: a title on the left and a note on the
 * right, then a label followed by a bar of fraction.  Returns 2. */
static size_t draw_header(const struct ui *u, const char *title, const char *right,
                          const char *label, double fraction)
{
	size_t width = cols() - 2;
	size_t rw = width_of(right);
	char t[512];
	if (rw + 2 > width)
		rw = 0;
	layout_truncate(title, rw ? width - rw - 2 : width, glyph(u, G_ELLIPSIS), t, sizeof t);
	put_at(u, 0, 1, L_TITLE, t, width);
	if (rw)
		put_at(u, 0, 1 + width - rw, L_PLAIN, right, rw);
	layout_truncate(label, width, glyph(u, G_ELLIPSIS), t, sizeof t);
	size_t lw = put_at(u, 1, 1, L_PLAIN, t, width);
	if (fraction >= 0 && lw + 2 < width) {
		char bar[2048];
		size_t split;
		layout_bar(fraction, width - lw - 1, u->unicode, bar, sizeof bar, &split);
		move(1, to_int(2 + lw));
		attrset((int)look_attr(u, L_BAR));
		put_n(u, bar, split, width);
		attrset((int)look_attr(u, L_BAR_EMPTY));
		put_n(u, bar + split, strlen(bar + split), width);
		attrset(A_NORMAL);
	}
	return 2;
}

/* The header of the question and feedback screens. */
static void question_header(const struct ui *u, const struct item *it)
{
	const struct session *s = quiz(u);
	const struct score *sc = session_score(s);
	char title[512], right[96], label[64], pts[32];
	text_escape_into(it->deck->title, false, title, sizeof title);
	score_format_points(sc->total, pts, sizeof pts);
	snprintf(right, sizeof right, "score %s %s streak %u", pts, glyph(u, G_DOT), sc->streak);
	size_t pos = session_position(s), n = session_count(s);
	snprintf(label, sizeof label, "question %zu / %zu", pos + 1, n);
	bool answered = u->stack[0] == SCR_FEEDBACK;
	draw_header(u, title, right, label, (double)(pos + (answered ? 1 : 0)) / (double)n);
}


/* Draws an empty box with a border: rows y..y+h-1, columns x..x+w-1. */
static void draw_box(size_t y, size_t x, size_t h, size_t w)
{
	if (h < 2 || w < 2)
		return;
	attrset(A_NORMAL);
	for (size_t i = 0; i < h; i++)
		mvhline(to_int(y + i), to_int(x), ' ', to_int(w));
	mvaddch(to_int(y), to_int(x), ACS_ULCORNER);
	mvhline(to_int(y), to_int(x + 1), ACS_HLINE, to_int(w - 2));
	mvaddch(to_int(y), to_int(x + w - 1), ACS_URCORNER);
	mvvline(to_int(y + 1), to_int(x), ACS_VLINE, to_int(h - 2));
	mvvline(to_int(y + 1), to_int(x + w - 1), ACS_VLINE, to_int(h - 2));
	mvaddch(to_int(y + h - 1), to_int(x), ACS_LLCORNER);
	mvhline(to_int(y + h - 1), to_int(x + 1), ACS_HLINE, to_int(w - 2));
	mvaddch(to_int(y + h - 1), to_int(x + w - 1), ACS_LRCORNER);
}

/* Moves a focus among n things for the moving actions; returns whether
 * the action was one of them. */
static bool move_in(size_t *cur, size_t n, enum action a, size_t page)
{
	if (n == 0)
		return false;
	switch (a) {
	case DO_UP: if (*cur > 0) (*cur)--; return true;
	case DO_DOWN: if (*cur + 1 < n) (*cur)++; return true;
	case DO_PGUP: *cur = *cur > page ? *cur - page : 0; return true;
	case DO_PGDN: *cur = *cur + page < n ? *cur + page : n - 1; return true;
	case DO_TOP: *cur = 0; return true;
	case DO_BOTTOM: *cur = n - 1; return true;
	default: return false;
	}
}

/* Scrolls a body whose rows have no focus; the drawing clamps the end. */
static bool scroll_by(size_t *scroll, enum action a)
{
	size_t page = lines() > 8 ? lines() - 8 : 1;
	switch (a) {
	case DO_UP: if (*scroll > 0) (*scroll)--; return true;
	case DO_DOWN: (*scroll)++; return true;
	case DO_PGUP: *scroll = *scroll > page ? *scroll - page : 0; return true;
	case DO_PGDN: *scroll += page; return true;
	case DO_TOP: *scroll = 0; return true;
	case DO_BOTTOM: *scroll = SIZE_MAX / 2; return true;
	default: return false;
	}
}

static void open_help(struct ui *u)
{
	u->help_scroll = 0;
	push_screen(u, SCR_HELP);
}

/* ---- the start screen ---------------------------------------------- */

static bool any_chosen(const struct pick *p)
{
	for (size_t i = 0; i < p->lib->n; i++)
		if (p->chosen[i])
			return true;
	return false;
}

/* A deck takes part: it is valid, and picked (or none is). */
static bool in_play(const struct pick *p, size_t i)
{
	return p->lib->v[i].deck && (p->chosen[i] || !any_chosen(p));
}

static const char *picked_tag(const struct pick *p)
{
	return p->tag ? p->tags[p->tag - 1] : NULL;
}

/* Questions of the decks in play that carry the tag picked. */
static size_t pick_count(const struct pick *p, size_t *ndecks)
{
	const char *tag = picked_tag(p);
	size_t n = 0;
	*ndecks = 0;
	for (size_t i = 0; i < p->lib->n; i++) {
		if (!in_play(p, i))
			continue;
		(*ndecks)++;
		const struct deck *d = p->lib->v[i].deck;
		for (size_t k = 0; k < d->nquestions; k++)
			if (!tag || deck_has_tag(&d->questions[k], tag))
				n++;
	}
	return n;
}

/* Gathers the tags of the decks in play again, keeping the one picked
 * when it is still among them. */
static void pick_tags(struct pick *p)
{
	const char *was = picked_tag(p);
	size_t n;
	const char **tags = library_tags(p->lib, any_chosen(p) ? p->chosen : NULL, &n);
	size_t tag = 0;
	for (size_t i = 0; was && i < n; i++)
		if (!strcmp(tags[i], was))
			tag = i + 1;
	free(p->tags);
	p->tags = tags;
	p->ntags = tags ? n : 0;
	p->tag = tag;
}

static void pick_free(struct pick *p)
{
	if (p->deck_tags)
		for (size_t i = 0; i < p->lib->n; i++)
			free(p->deck_tags[i]);
	free(p->deck_tags);
	free(p->chosen);
	free(p->tags);
	memset(p, 0, sizeof *p);
}

/* Sets the start screen up over lib.  Returns 0, or -1 when memory runs
 * out. */
static int pick_init(struct pick *p, const struct library *lib)
{
	size_t n = lib->n ? lib->n : 1;
	memset(p, 0, sizeof *p);
	p->lib = lib;
	p->chosen = calloc(n, sizeof *p->chosen);
	p->deck_tags = calloc(n, sizeof *p->deck_tags);
	bool *one = calloc(n, sizeof *one);
	if (!p->chosen || !p->deck_tags || !one) {
		free(one);
		return -1;
	}
	/* Each deck's own tags, once: the second line of its entry. */
	for (size_t i = 0; i < lib->n; i++) {
		if (!lib->v[i].deck)
			continue;
		size_t nt;
		one[i] = true;
		const char **tags = library_tags(lib, one, &nt);
		one[i] = false;
		struct text_buf tb = {0};
		for (size_t k = 0; tags && k < nt; k++)
			text_buf_printf(&tb, "%s%s", k ? ", " : "", tags[k]);
		free(tags);
		p->deck_tags[i] = tb.s;
	}
	free(one);
	for (size_t i = 0; i < lib->n; i++) {
		if (lib->v[i].deck) {
			p->cur = i;
			break;
		}
	}
	pick_tags(p);
	return 0;
}

static void build_start(struct ui *u, size_t width)
{
	struct pick *p = &u->pick;
	struct rows *r = &u->rows;
	const struct library *lib = p->lib;
	char b[1024], t[1024];
	if (lib->n == 0)
		rows_wrap(r, width, 0, "", L_PLAIN, "No decks found.", L_BOLD, false);
	for (size_t i = 0; i < lib->n; i++) {
		const struct library_entry *e = &lib->v[i];
		bool focus = p->cur == i;
		const char *slash = strrchr(e->path, '/');
		const char *file = slash ? slash + 1 : e->path;
		const char *ptr = focus ? glyph(u, G_POINTER) : " ";
		struct row *row = rows_push(r, 0, focus);
		span_set(r, row, 0, L_ACCENT, ptr, strlen(ptr));
		if (!e->deck) {
			/* An invalid deck: its name and first error, never its text raw. */
			snprintf(b, sizeof b, " %s  ", glyph(u, G_WRONG));
			span_set(r, row, 1, L_WRONG, b, strlen(b));
			text_escape_into(file, false, t, sizeof t);
			snprintf(b, sizeof b, "%.900s: not a valid deck", t);
			layout_truncate(b, width > 6 ? width - 6 : 1, glyph(u, G_ELLIPSIS), t, sizeof t);
			span_set(r, row, 2, focus ? L_SELECT : L_PLAIN, t, strlen(t));
			rows_wrap(r, width, 6, "", L_PLAIN, e->problem ? e->problem : "", L_DIM, focus);
			continue;
		}
		snprintf(b, sizeof b, " [%s] ", p->chosen[i] ? "x" : " ");
		span_set(r, row, 1, L_BOLD, b, strlen(b));
		char count[48];
		snprintf(count, sizeof count, "  %zu question%s", e->deck->nquestions,
		         e->deck->nquestions == 1 ? "" : "s");
		size_t cw = width_of(count);
		bool with_count = width > 6 + cw + 8;
		size_t room = width > 6 ? width - 6 - (with_count ? cw : 0) : 1;
		text_escape_into(e->deck->title, false, b, sizeof b);
		size_t tw = layout_truncate(b, room, glyph(u, G_ELLIPSIS), t, sizeof t);
		size_t tl = strlen(t);
		while (with_count && tw < room && tl + 1 < sizeof t) {
			t[tl++] = ' ';  /* pads the title so that the counts line up */
			tw++;
		}
		t[tl] = '\0';
		span_set(r, row, 2, focus ? L_SELECT : L_BOLD, t, strlen(t));
		if (with_count)
			span_set(r, row, 3, L_DIM, count, strlen(count));
		/* The second line: the file, then as many tags as fit. */
		text_escape_into(file, false, t, sizeof t);
		snprintf(b, sizeof b, "%.500s%s%.500s", t, p->deck_tags[i] ? "  " : "",
		         p->deck_tags[i] ? p->deck_tags[i] : "");
		layout_truncate(b, width > 6 ? width - 6 : 1, glyph(u, G_ELLIPSIS), t, sizeof t);
		row = rows_push(r, 6, focus);
		span_set(r, row, 0, L_DIM, t, strlen(t));
	}
	rows_blank(r);
	size_t ndecks, nq = pick_count(p, &ndecks);
	size_t lim = limits[p->limit];
	const char *tag = picked_tag(p);
	for (size_t k = 0; k < PICK_NROWS; k++) {
		bool focus = p->cur == lib->n + k;
		const char *ptr = focus ? glyph(u, G_POINTER) : " ";
		struct row *row = rows_push(r, 0, focus);
		span_set(r, row, 0, L_ACCENT, ptr, strlen(ptr));
		switch (k) {
		case PICK_TAG:
			span_set(r, row, 1, L_PLAIN, "  Tag        ", 13);
			text_escape_into(tag ? tag : "every tag", false, t, sizeof t);
			snprintf(b, sizeof b, "< %.1000s >", t);
			break;
		case PICK_LIMIT:
			span_set(r, row, 1, L_PLAIN, "  Questions  ", 13);
			if (lim && lim < nq)
				snprintf(b, sizeof b, "< %zu of %zu >", lim, nq);
			else
				snprintf(b, sizeof b, "< all %zu >", nq);
			break;
		default:
			rows_blank(r);
			row = &r->v[r->n - 2];  /* the blank line goes before the button */
			r->v[r->n - 1] = *row;
			memset(row, 0, sizeof *row);
			row = &r->v[r->n - 1];
			snprintf(b, sizeof b, "[ Start: %zu question%s from %zu deck%s ]",
			         lim && lim < nq ? lim : nq, (lim && lim < nq ? lim : nq) == 1 ? "" : "s",
			         ndecks, ndecks == 1 ? "" : "s");
			span_set(r, row, 1, L_PLAIN, "  ", 2);
			break;
		}
		layout_truncate(b, width > 16 ? width - 16 : 1, glyph(u, G_ELLIPSIS), t, sizeof t);
		span_set(r, row, 2, focus ? L_SELECT : L_BOLD, t, strlen(t));
	}
}

static void draw_start(struct ui *u, size_t top, size_t height, size_t width)
{
	size_t valid = 0;
	for (size_t i = 0; i < u->pick.lib->n; i++)
		valid += u->pick.lib->v[i].deck != NULL;
	char right[64];
	snprintf(right, sizeof right, "%zu deck%s found", valid, valid == 1 ? "" : "s");
	draw_header(u, "recall", right, "pick decks, a tag, how many; then Enter", -1.0);
	build_start(u, width);
	draw_body(u, top, height, &u->pick.scroll);
}

static void ask_reset(struct ui *u);

/* Starts a quiz over the decks in play with the tag and number picked. */
static void start_quiz(struct ui *u)
{
	struct pick *p = &u->pick;
	size_t ndecks, nq = pick_count(p, &ndecks);
	if (ndecks == 0 || nq == 0) {
		say(u, "No valid deck to start with: recall check FILE shows what is wrong.");
		return;
	}
	struct deck **decks = calloc(ndecks, sizeof *decks);
	if (!decks) {
		fail_out(u, "out of memory");
		return;
	}
	size_t n = 0;
	for (size_t i = 0; i < p->lib->n; i++)
		if (in_play(p, i))
			decks[n++] = p->lib->v[i].deck;
	const char *tag = picked_tag(p);
	struct session_opts so = u->so;
	so.tags = tag ? &tag : NULL;
	so.ntags = tag ? 1 : 0;
	so.limit = limits[p->limit];
	struct session *s = session_new(decks, n, &so);
	free(decks);
	u->so.seed = u->so.seed * 6364136223846793005u + 1442695040888963407u;  /* the next quiz differs */
	if (!s) {
		fail_out(u, "out of memory");
		return;
	}
	if (session_count(s) == 0) {
		session_free(s);
		say(u, "No question matches.");
		return;
	}
	session_free(u->own);
	u->own = s;
	u->sp = &u->own;
	ask_reset(u);
	set_base(u, SCR_QUESTION);
}

static void change_tag(struct pick *p, bool back)
{
	size_t n = p->ntags + 1;
	p->tag = back ? (p->tag + n - 1) % n : (p->tag + 1) % n;
}

static void change_limit(struct pick *p, bool back)
{
	p->limit = back ? (p->limit + NLIMITS - 1) % NLIMITS : (p->limit + 1) % NLIMITS;
}

static void key_start(struct ui *u, enum action a)
{
	struct pick *p = &u->pick;
	size_t n = p->lib->n;
	size_t row = p->cur;
	if (move_in(&p->cur, n + PICK_NROWS, a, 5))
		return;
	switch (a) {
	case DO_SPACE:
		if (row < n && !p->lib->v[row].deck) {
			char b[256];
			const char *slash = strrchr(p->lib->v[row].path, '/');
			text_escape_into(slash ? slash + 1 : p->lib->v[row].path, false, b, sizeof b);
			say(u, "%s is not a valid deck (recall check shows every problem).", b);
		} else if (row < n) {
			p->chosen[row] = !p->chosen[row];
			pick_tags(p);
		} else if (row == n + PICK_TAG) {
			change_tag(p, false);
		} else if (row == n + PICK_LIMIT) {
			change_limit(p, false);
		} else {
			start_quiz(u);
		}
		break;
	case DO_LEFT: case DO_RIGHT:
		if (row == n + PICK_TAG)
			change_tag(p, a == DO_LEFT);
		else if (row == n + PICK_LIMIT)
			change_limit(p, a == DO_LEFT);
		break;
	case DO_TAG: change_tag(p, false); break;
	case DO_LIMIT: change_limit(p, false); break;
	case DO_ENTER: start_quiz(u); break;
	case DO_HELP: open_help(u); break;
	case DO_QUIT: u->done = true; break;
	default: break;
	}
}

/* ---- the question screen ------------------------------------------- */

/* Clears the answer in hand for the next question; the field keeps its
 * memory. */
static void ask_reset(struct ui *u)
{
	struct layout_field f = u->ask.field;
	layout_field_clear(&f);
	memset(&u->ask, 0, sizeof u->ask);
	u->ask.field = f;
	for (size_t i = 0; i < DECK_MAX_CHOICES; i++) {
		u->ask.order[i] = i;
		u->ask.pair[i] = NO_PAIR;
	}
}

/* The rows of the question in hand. */
static void build_question(struct ui *u, size_t width)
{
	const struct item *it = current(u);
	const struct question *q = it->q;
	struct rows *r = &u->rows;
	struct ask *k = &u->ask;
	size_t n = it->nshown;
	char b[512], pts[32];
	score_format_points(k->hint ? q->points * SCORE_HINT_FACTOR : q->points, pts, sizeof pts);
	snprintf(b, sizeof b, "%s %s %s points%s", deck_type_name(q->type), glyph(u, G_DOT), pts,
	         k->hint ? " (hint taken)" : "");
	rows_wrap(r, width, 0, "", L_PLAIN, b, L_DIM, false);
	rows_blank(r);
	rows_wrap(r, width, 0, "", L_PLAIN, q->prompt, L_BOLD, false);
	rows_blank(r);
	const char *ptr = glyph(u, G_POINTER);
	switch (q->type) {
	case Q_CHOICE: case Q_MULTI:
		for (size_t i = 0; i < n; i++) {
			bool on = k->cur == i;
			if (q->type == Q_MULTI)
				snprintf(b, sizeof b, "%s [%s] %zu. ", on ? ptr : " ",
				         (k->picked >> i) & 1 ? "x" : " ", i + 1);
			else
				snprintf(b, sizeof b, "%s %zu. ", on ? ptr : " ", i + 1);
			rows_wrap(r, width, 0, b, on ? L_ACCENT : L_PLAIN, q->choices[it->shown[i]],
			          on ? L_SELECT : L_PLAIN, on);
		}
		break;
	case Q_TRUEFALSE:
		for (size_t i = 0; i < 2; i++) {
			bool on = k->cur == i;
			snprintf(b, sizeof b, "%s %c  ", on ? ptr : " ", i == 0 ? 't' : 'f');
			rows_wrap(r, width, 0, b, on ? L_ACCENT : L_PLAIN, i == 0 ? "True" : "False",
			          on ? L_SELECT : L_PLAIN, on);
		}
		break;
	case Q_NUMBER: case Q_TEXT: {
		if (q->type == Q_NUMBER && q->unit) {
			rows_wrap(r, width, 0, "answer in ", L_DIM, q->unit, L_DIM, false);
			rows_blank(r);
		}
		size_t fw = width > 4 ? width - 3 : 1;
		size_t first, col;
		layout_field_view(&k->field, fw, &first, &col);
		const char *s = layout_field_text(&k->field);
		size_t len = layout_fit(s + first, strlen(s + first), fw);
		struct row *row = rows_push(r, 0, true);
		if (row) {
			span_set(r, row, 0, L_ACCENT, "> ", 2);
			span_set(r, row, 1, L_FIELD, s + first, len);
			size_t used = layout_width(s + first, len);
			memset(b, ' ', sizeof b);
			size_t pad = fw - used < sizeof b ? fw - used : sizeof b - 1;
			span_set(r, row, 2, L_FIELD, b, pad);
			row->field = true;
			row->cursor = 2 + col;
		}
		if (k->command) {
			rows_blank(r);
			rows_wrap(r, width, 0, "", L_PLAIN, "Command: h hint, s skip, ? help, q quit; Esc goes back to typing.",
			          L_BOLD, true);
		}
		break;
	}
	case Q_ORDER:
		rows_wrap(r, width, 0, "", L_PLAIN, k->held ? "Move it with the arrows; Space drops it." :
		          "The first at the top: mark an item, Space grabs it.", L_DIM, false);
		for (size_t i = 0; i < n; i++) {
			bool on = k->cur == i;
			snprintf(b, sizeof b, "%s %s %zu. ", on ? ptr : " ", on && k->held ? glyph(u, G_HELD) : " ", i + 1);
			rows_wrap(r, width, 0, b, on ? L_ACCENT : L_PLAIN, q->choices[it->shown[k->order[i]]],
			          on ? L_SELECT : L_PLAIN, on);
		}
		break;
	case Q_MATCH:
		if (k->right)
			snprintf(b, sizeof b, "The partner of item %zu: its letter, or the arrows and Enter.", k->cur + 1);
		else
			snprintf(b, sizeof b, "Pick an item (number or arrows), then its partner (letter).");
		rows_wrap(r, width, 0, "", L_PLAIN, b, L_DIM, false);
		for (size_t i = 0; i < n; i++) {
			bool on = k->cur == i;
			struct text_buf tb = {0};
			text_buf_printf(&tb, "%s  %s ", q->choices[i], glyph(u, G_ARROW));
			if (k->pair[i] == NO_PAIR)
				text_buf_puts(&tb, "?");
			else
				text_buf_printf(&tb, "%c. %s", (char)('a' + k->pair[i]), q->rights[it->shown[k->pair[i]]]);
			snprintf(b, sizeof b, "%s %zu. ", on ? ptr : " ", i + 1);
			rows_wrap(r, width, 0, b, on ? L_ACCENT : L_PLAIN, tb.s ? tb.s : "",
			          on && !k->right ? L_SELECT : (on ? L_BOLD : L_PLAIN), on && !k->right);
			text_buf_free(&tb);
		}
		rows_blank(r);
		rows_wrap(r, width, 0, "", L_PLAIN, "Partners:", L_DIM, false);
		for (size_t j = 0; j < n; j++) {
			bool on = k->right && k->rcur == j;
			size_t with = NO_PAIR;
			for (size_t i = 0; i < n; i++)
				if (k->pair[i] == j)
					with = i;
			snprintf(b, sizeof b, "%s %c. ", on ? ptr : " ", (char)('a' + j));
			struct text_buf tb = {0};
			text_buf_puts(&tb, q->rights[it->shown[j]]);
			if (with != NO_PAIR)
				text_buf_printf(&tb, "  (with %zu)", with + 1);
			rows_wrap(r, width, 0, b, on ? L_ACCENT : L_PLAIN, tb.s ? tb.s : "",
			          on ? L_SELECT : (with != NO_PAIR ? L_DIM : L_PLAIN), on);
			text_buf_free(&tb);
		}
		break;
	case Q_CARD:
		if (!k->flipped) {
			rows_wrap(r, width, 0, "", L_PLAIN, "Recall the back, then press Space to flip the card.", L_DIM, false);
			break;
		}
		{
			struct row *row = rows_push(r, 0, false);
			char rule[256] = "";
			for (size_t i = 0; i < (width < 40 ? width : 40) && strlen(rule) + 4 < sizeof rule; i++)
				strcat(rule, glyph(u, G_RULE));
			span_set(r, row, 0, L_DIM, rule, strlen(rule));
		}
		rows_wrap(r, width, 0, "", L_PLAIN, q->back, L_BOLD, false);
		rows_blank(r);
		rows_wrap(r, width, 0, "", L_PLAIN, "How well did you know it? 1 again, 2 hard, 3 good, 4 easy.", L_DIM, false);
		break;
	case Q_NTYPES:
		break;
	}
	if (k->hint) {
		rows_blank(r);
		rows_wrap(r, width, 0, "Hint: ", L_ACCENT, k->hint, L_PLAIN, false);
	}
}

static void draw_question(struct ui *u, size_t top, size_t height, size_t width)
{
	question_header(u, current(u));
	build_question(u, width);
	draw_body(u, top, height, &u->ask.scroll);
}

/* Shows the verdict of it on the feedback screen. */
static void judge(struct ui *u, const struct item *it)
{
	if (!it)
		return;
	u->judged = it;
	set_base(u, SCR_FEEDBACK);
}

static void answer(struct ui *u, const struct response *r)
{
	judge(u, session_answer(quiz(u), r));
}

/* The option a number or letter key names (0-based). */
static size_t option_of(enum action a, int key)
{
	return (size_t)(key - (a == DO_NUMBER ? '1' : 'a'));
}

static void key_choice(struct ui *u, const struct item *it, enum action a, int key)
{
	struct ask *k = &u->ask;
	struct response r = {0};
	size_t n = it->nshown;
	if (move_in(&k->cur, n, a, 5))
		return;
	switch (a) {
	case DO_NUMBER: case DO_LETTER: {
		size_t i = option_of(a, key);
		if (i >= n) {
			say(u, "There are %zu options.", n);
			return;
		}
		k->cur = i;
		if (it->q->type == Q_MULTI) {
			k->picked ^= 1ul << i;
			return;
		}
		r.choice = it->shown[i];
		answer(u, &r);
		return;
	}
	case DO_SPACE:
		k->picked ^= 1ul << k->cur;
		return;
	case DO_ENTER:
		if (it->q->type == Q_CHOICE) {
			r.choice = it->shown[k->cur];
		} else {
			if (!k->picked) {
				say(u, "Pick at least one option first (Space or its number).");
				return;
			}
			for (size_t i = 0; i < n; i++)
				if ((k->picked >> i) & 1)
					r.selected |= 1ul << it->shown[i];
		}
		answer(u, &r);
		return;
	default:
		return;
	}
}

static void key_truefalse(struct ui *u, enum action a)
{
	struct response r = {0};
	if (move_in(&u->ask.cur, 2, a, 1))
		return;
	if (a == DO_TRUE || a == DO_FALSE || a == DO_ENTER) {
		r.truth = a == DO_ENTER ? u->ask.cur == 0 : a == DO_TRUE;
		answer(u, &r);
	}
}

static void key_field(struct ui *u, const struct item *it, enum action a, int key)
{
	struct layout_field *f = &u->ask.field;
	switch (a) {
	case DO_INSERT:
		if (layout_field_insert(f, (uint32_t)key) != 0 && f->len + 4 > LAYOUT_FIELD_MAX)
			say(u, "That is as long as an answer can be.");
		return;
	case DO_LEFT: layout_field_left(f); return;
	case DO_RIGHT: layout_field_right(f); return;
	case DO_HOME: layout_field_home(f); return;
	case DO_END: layout_field_end(f); return;
	case DO_BACKSPACE: layout_field_backspace(f); return;
	case DO_DELETE: layout_field_delete(f); return;
	case DO_KILL: layout_field_kill(f); return;
	case DO_ENTER: break;
	default: return;
	}
	char line[LAYOUT_FIELD_MAX + 1];
	snprintf(line, sizeof line, "%s", layout_field_text(f));
	text_trim(line);
	double x;
	if (it->q->type == Q_NUMBER && !answer_parse_number(line, it->q->unit, &x)) {
		say(u, "That is not a number: type digits (26, 1,000, 2.5) or words (twenty-six).");
		return;
	}
	if (!*line) {
		say(u, "Type your answer, or Esc s to skip.");
		return;
	}
	struct response r = {0};
	r.text = line;
	answer(u, &r);
}

static void key_order(struct ui *u, const struct item *it, enum action a, int key)
{
	struct ask *k = &u->ask;
	size_t n = it->nshown;
	if (k->held && (a == DO_UP || a == DO_DOWN)) {
		size_t to = a == DO_UP ? k->cur - (k->cur > 0) : k->cur + (k->cur + 1 < n);
		size_t t = k->order[to];
		k->order[to] = k->order[k->cur];
		k->order[k->cur] = t;
		k->cur = to;
		return;
	}
	if (move_in(&k->cur, n, a, 5))
		return;
	switch (a) {
	case DO_NUMBER:
		if (option_of(a, key) < n) {
			k->cur = option_of(a, key);
			k->held = false;
		}
		return;
	case DO_SPACE:
		k->held = !k->held;
		return;
	case DO_ENTER: {
		size_t scratch[DECK_MAX_CHOICES];
		for (size_t i = 0; i < n; i++)
			scratch[i] = it->shown[k->order[i]];
		struct response r = {0};
		r.order = scratch;
		answer(u, &r);
		return;
	}
	default:
		return;
	}
}

/* Match: pairs the focused left item with right item j, then moves on to
 * the next item without a partner. */
static void pair_with(struct ui *u, size_t j)
{
	struct ask *k = &u->ask;
	size_t n = option_count(u);
	for (size_t i = 0; i < n; i++)
		if (k->pair[i] == j)
			k->pair[i] = NO_PAIR;
	k->pair[k->cur] = j;
	k->right = false;
	for (size_t step = 1; step < n; step++) {
		size_t i = (k->cur + step) % n;
		if (k->pair[i] == NO_PAIR) {
			k->cur = i;
			break;
		}
	}
}

/* Match: moves the focus to the right column, on the current partner or
 * the first right item still free. */
static void go_right(struct ui *u)
{
	struct ask *k = &u->ask;
	size_t n = option_count(u);
	k->right = true;
	if (k->pair[k->cur] != NO_PAIR) {
		k->rcur = k->pair[k->cur];
		return;
	}
	for (size_t j = 0; j < n; j++) {
		bool used = false;
		for (size_t i = 0; i < n; i++)
			used = used || k->pair[i] == j;
		if (!used) {
			k->rcur = j;
			return;
		}
	}
}

static void key_match(struct ui *u, const struct item *it, enum action a, int key)
{
	struct ask *k = &u->ask;
	size_t n = it->nshown;
	if (move_in(k->right ? &k->rcur : &k->cur, n, a, 5))
		return;
	switch (a) {
	case DO_LEFT: k->right = false; return;
	case DO_RIGHT: go_right(u); return;
	case DO_NUMBER:
		if (option_of(a, key) >= n) {
			say(u, "There are %zu items.", n);
			return;
		}
		k->cur = option_of(a, key);
		go_right(u);
		return;
	case DO_LETTER:
		if (option_of(a, key) >= n) {
			say(u, "There are %zu partners, a to %c.", n, (char)('a' + n - 1));
			return;
		}
		pair_with(u, option_of(a, key));
		return;
	case DO_SPACE: case DO_ENTER:
		if (k->right) {
			pair_with(u, k->rcur);
		} else if (a == DO_ENTER && all_paired(u)) {
			size_t scratch[DECK_MAX_CHOICES];
			for (size_t i = 0; i < n; i++)
				scratch[i] = it->shown[k->pair[i]];
			struct response r = {0};
			r.match = scratch;
			answer(u, &r);
		} else {
			go_right(u);
		}
		return;
	default:
		return;
	}
}

static void key_card(struct ui *u, enum action a, int key)
{
	if (scroll_by(&u->ask.scroll, a))
		return;
	if (a == DO_SPACE) {
		u->ask.flipped = true;
	} else if (a == DO_RATE) {
		struct response r = {0};
		r.rating = (enum rating)(key - '0');
		answer(u, &r);
	}
}

static void key_question(struct ui *u, enum action a, int key)
{
	struct session *s = quiz(u);
	const struct item *it = session_current(s);
	if (!it)
		return;
	bool after_esc = u->ask.command;
	u->ask.command = false;
	switch (a) {
	case DO_HINT:
		if (!it->q->hint)
			say(u, "This question has no hint.");
		else if (u->ask.hint)
			say(u, "The hint is under the question.");
		else
			u->confirm = ASK_HINT;
		return;
	case DO_SKIP: judge(u, session_skip(s)); return;
	case DO_QUIT: u->confirm = ASK_QUIT; return;
	case DO_HELP: open_help(u); return;
	case DO_COMMAND: u->ask.command = true; return;
	default: break;
	}
	if (after_esc)
		return;  /* a key that is no command just leaves the command */
	switch (it->q->type) {
	case Q_CHOICE: case Q_MULTI: key_choice(u, it, a, key); break;
	case Q_TRUEFALSE: key_truefalse(u, a); break;
	case Q_NUMBER: case Q_TEXT: key_field(u, it, a, key); break;
	case Q_ORDER: key_order(u, it, a, key); break;
	case Q_MATCH: key_match(u, it, a, key); break;
	case Q_CARD: key_card(u, a, key); break;
	case Q_NTYPES: break;
	}
}

/* ---- the feedback screen ------------------------------------------- */

static void build_feedback(struct ui *u, size_t width)
{
	const struct item *it = u->judged;
	const struct question *q = it->q;
	const struct verdict *v = &it->verdict;
	const struct score *sc = session_score(quiz(u));
	struct rows *r = &u->rows;
	char b[512], pts[32], tot[32];
	enum glyph g;
	enum look look;
	switch (v->outcome) {
	case OUT_CORRECT: g = G_RIGHT; look = L_RIGHT; break;
	case OUT_PARTIAL: g = G_PARTIAL; look = L_PARTIAL; break;
	case OUT_WRONG: g = G_WRONG; look = L_WRONG; break;
	default: g = G_SKIP; look = L_BOLD; break;
	}
	if (q->type == Q_CARD && it->state == ITEM_ANSWERED)
		snprintf(b, sizeof b, "Rated %s: %s.", it->given ? it->given : "",
		         v->outcome == OUT_CORRECT ? "counts as right" :
		         v->outcome == OUT_PARTIAL ? "counts as half right" : "counts as wrong");
	else if (v->outcome == OUT_CORRECT)
		snprintf(b, sizeof b, "Right!");  /* a typo is told by the note below */
	else if (v->outcome == OUT_PARTIAL)
		snprintf(b, sizeof b, "Partly right (%.0f%%).", 100.0 * v->fraction);
	else
		snprintf(b, sizeof b, "%s", v->outcome == OUT_WRONG ? "Wrong." : "Skipped.");
	char mark[16];
	snprintf(mark, sizeof mark, "%s ", glyph(u, g));
	rows_wrap(r, width, 0, mark, look, b, look, false);
	score_format_points(it->earned, pts, sizeof pts);
	score_format_points(sc->total, tot, sizeof tot);
	if (sc->streak > 1)
		snprintf(b, sizeof b, "+%s points, streak %u (score %s)", pts, sc->streak, tot);
	else
		snprintf(b, sizeof b, "+%s points (score %s)", pts, tot);
	rows_wrap(r, width, 2, "", L_PLAIN, b, L_PLAIN, false);
	if (v->note[0] && q->type != Q_CARD) {
		snprintf(b, sizeof b, "%s.", v->note);
		if (b[0] >= 'a' && b[0] <= 'z')
			b[0] = (char)(b[0] - 'a' + 'A');
		rows_wrap(r, width, 2, "", L_PLAIN, b, L_PLAIN, false);
	}
	rows_blank(r);
	rows_wrap(r, width, 0, "", L_PLAIN, q->prompt, L_DIM, false);
	if (q->type == Q_CARD) {
		rows_wrap(r, width, 0, "Back: ", L_BOLD, q->back, L_PLAIN, false);
	} else {
		if (it->state == ITEM_ANSWERED && it->given && v->outcome != OUT_CORRECT)
			rows_wrap(r, width, 0, "Your answer: ", L_BOLD, it->given, L_PLAIN, false);
		if (v->outcome != OUT_CORRECT || v->typo) {
			char *right = answer_format(q);
			rows_wrap(r, width, 0, "Answer: ", L_BOLD, right ? right : "", L_PLAIN, false);
			free(right);
		}
	}
	if (q->explanation) {
		rows_blank(r);
		rows_wrap(r, width, 0, "Why: ", L_BOLD, q->explanation, L_PLAIN, false);
	}
	if (q->source) {
		struct text_buf tb = {0};
		text_buf_puts(&tb, q->source->title);
		if (q->paragraph)
			text_buf_printf(&tb, ", paragraph %u", q->paragraph);
		rows_wrap(r, width, 0, "Source: ", L_BOLD, tb.s ? tb.s : "", L_DIM, false);
		text_buf_free(&tb);
	}
}

static void draw_feedback(struct ui *u, size_t top, size_t height, size_t width)
{
	question_header(u, u->judged);
	build_feedback(u, width);
	draw_body(u, top, height, &u->scroll);
}

static void to_summary(struct ui *u);

/* On from the feedback: the next question, or the summary. */
static void advance(struct ui *u)
{
	session_next(quiz(u));
	if (session_current(quiz(u))) {
		ask_reset(u);
		set_base(u, SCR_QUESTION);
	} else {
		to_summary(u);
	}
}

static void key_feedback(struct ui *u, enum action a)
{
	if (scroll_by(&u->scroll, a))
		return;
	switch (a) {
	case DO_ENTER: advance(u); break;
	case DO_QUIT: u->confirm = ASK_QUIT; break;
	case DO_HELP: open_help(u); break;
	default: break;
	}
}

/* ---- the summary screen -------------------------------------------- */

/* Ends the quiz and shows its summary; the first one also goes to
 * --summary-json. */
static void to_summary(struct ui *u)
{
	struct session *s = quiz(u);
	session_finish(s);
	if (u->have_sum)
		session_summary_free(&u->sum);
	u->have_sum = session_summarize(s, &u->sum) == 0;
	if (!u->have_sum) {
		fail_out(u, "out of memory");
		return;
	}
	if (u->json_due) {
		char err[512], e[512];
		u->json_due = false;
		if (session_write_json(s, u->summary_json, err, sizeof err) != 0) {
			snprintf(u->error, sizeof u->error, "recall: %s", text_escape_into(err, false, e, sizeof e));
			u->status = 1;
		}
	}
	set_base(u, SCR_SUMMARY);
}

/* One row of the bar chart: the tag, a bar of its share of points, the
 * percentage and the count right. */
static void tag_row(struct ui *u, size_t width, size_t namew, const struct tag_stat *t)
{
	struct rows *r = &u->rows;
	char name[256], cut[256], bar[1024], tail[96];
	double frac = t->max > 0 ? t->earned / t->max : 0.0;
	text_escape_into(t->tag, false, name, sizeof name);
	size_t w = layout_truncate(name, namew, glyph(u, G_ELLIPSIS), cut, sizeof cut);
	size_t len = strlen(cut);
	while (w < namew + 2 && len + 1 < sizeof cut) {
		cut[len++] = ' ';
		w++;
	}
	cut[len] = '\0';
	snprintf(tail, sizeof tail, " %3.0f%%  %zu of %zu right", 100.0 * frac, t->correct, t->asked);
	size_t tw = width_of(tail);
	if (namew + 2 + tw + 6 > width) {
		snprintf(tail, sizeof tail, " %3.0f%%", 100.0 * frac);  /* no room for the count */
		tw = width_of(tail);
	}
	size_t bw = width > namew + 2 + tw + 3 ? width - namew - 2 - tw : 3;
	if (bw > 40)
		bw = 40;
	size_t split;
	layout_bar(frac, bw, u->unicode, bar, sizeof bar, &split);
	struct row *row = rows_push(r, 2, false);
	span_set(r, row, 0, L_PLAIN, cut, strlen(cut));
	span_set(r, row, 1, L_BAR, bar, split);
	span_set(r, row, 2, L_BAR_EMPTY, bar + split, strlen(bar + split));
	span_set(r, row, 3, L_PLAIN, tail, strlen(tail));
}

static void build_summary(struct ui *u, size_t width)
{
	const struct summary *m = &u->sum;
	struct rows *r = &u->rows;
	char b[512], x[32], y[32];
	if (u->error[0]) {
		rows_wrap(r, width, 0, "", L_PLAIN, u->error, L_WARN, false);
		rows_blank(r);
	}
	score_format_points(m->score, x, sizeof x);
	score_format_points(m->max, y, sizeof y);
	snprintf(b, sizeof b, "Score %s of %s (%.0f%%)", x, y, m->percent);
	rows_wrap(r, width, 0, "", L_PLAIN, b, L_BOLD, false);
	const char *dot = glyph(u, G_DOT);
	snprintf(b, sizeof b, "%s %zu right %s %s %zu partly right %s %s %zu wrong %s %s %zu skipped",
	         glyph(u, G_RIGHT), m->correct, dot, glyph(u, G_PARTIAL), m->partial, dot,
	         glyph(u, G_WRONG), m->wrong, dot, glyph(u, G_SKIP), m->skipped);
	if (m->unreached)
		snprintf(b + strlen(b), sizeof b - strlen(b), " %s %zu not reached", dot, m->unreached);
	snprintf(b + strlen(b), sizeof b - strlen(b), " (of %zu)", session_count(quiz(u)));
	rows_wrap(r, width, 0, "", L_PLAIN, b, L_PLAIN, false);
	score_format_duration(m->seconds, x, sizeof x);
	snprintf(b, sizeof b, "Best streak %u %s time %s", m->best_streak, dot, x);
	rows_wrap(r, width, 0, "", L_PLAIN, b, L_PLAIN, false);
	if (m->ntags) {
		rows_blank(r);
		rows_wrap(r, width, 0, "", L_PLAIN, "By tag (share of the points)", L_BOLD, false);
		size_t namew = 0;
		for (size_t i = 0; i < m->ntags; i++) {
			text_escape_into(m->tags[i].tag, false, b, sizeof b);
			size_t w = width_of(b);
			namew = w > namew ? w : namew;
		}
		size_t cap = width / 3 > 6 ? width / 3 : 6;
		namew = namew > cap ? cap : namew;
		for (size_t i = 0; i < m->ntags; i++)
			tag_row(u, width > 2 ? width - 2 : 1, namew, &m->tags[i]);
	}
	rows_blank(r);
	if (m->nmissed == 0) {
		rows_wrap(r, width, 0, "", L_PLAIN, m->asked ? "Nothing missed." : "No question answered.", L_BOLD, false);
		return;
	}
	snprintf(b, sizeof b, "Missed (%zu)", m->nmissed);
	rows_wrap(r, width, 0, "", L_PLAIN, b, L_BOLD, false);
	for (size_t i = 0; i < m->nmissed; i++) {
		const struct item *it = m->missed[i];
		enum outcome o = it->verdict.outcome;
		char mark[16];
		snprintf(mark, sizeof mark, "%s ", glyph(u, o == OUT_PARTIAL ? G_PARTIAL : o == OUT_WRONG ? G_WRONG : G_SKIP));
		rows_wrap(r, width, 0, mark, o == OUT_PARTIAL ? L_PARTIAL : o == OUT_WRONG ? L_WRONG : L_BOLD,
		          it->q->prompt, L_PLAIN, false);
		char *right = answer_format(it->q);
		rows_wrap(r, width, 2, "Answer: ", L_BOLD, right ? right : "", L_PLAIN, false);
		free(right);
		if (it->q->explanation)
			rows_wrap(r, width, 2, "Why: ", L_DIM, it->q->explanation, L_DIM, false);
	}
}

static void draw_summary(struct ui *u, size_t top, size_t height, size_t width)
{
	const struct session *s = quiz(u);
	const struct deck *d = NULL;
	bool one = true;
	for (size_t i = 0; i < session_count(s); i++) {
		const struct deck *di = session_item(s, i)->deck;
		one = one && (!d || d == di);
		d = di;
	}
	char title[512], e[480], label[64];
	if (d && one)
		snprintf(title, sizeof title, "Summary: %s", text_escape_into(d->title, false, e, sizeof e));
	else
		snprintf(title, sizeof title, "Summary");
	snprintf(label, sizeof label, "score %.0f%%", u->sum.percent);
	draw_header(u, title, "", label, u->sum.percent / 100.0);
	build_summary(u, width);
	draw_body(u, top, height, &u->scroll);
}

static void key_summary(struct ui *u, enum action a)
{
	if (scroll_by(&u->scroll, a))
		return;
	switch (a) {
	case DO_RETRY: {
		if (!u->have_sum || u->sum.nmissed == 0)
			return;
		struct session *r = session_retry(quiz(u));
		if (!r) {
			fail_out(u, "out of memory");
			return;
		}
		session_free(*u->sp);
		*u->sp = r;
		session_summary_free(&u->sum);
		u->have_sum = false;
		u->judged = NULL;
		ask_reset(u);
		set_base(u, SCR_QUESTION);
		return;
	}
	case DO_DECKS:
		if (!u->pick.lib)
			return;
		session_summary_free(&u->sum);
		u->have_sum = false;
		u->judged = NULL;
		session_free(u->own);
		u->own = NULL;
		set_base(u, SCR_START);
		return;
	case DO_HELP: open_help(u); return;
	case DO_QUIT: u->done = true; return;
	default: return;
	}
}

/* ---- the help overlay ---------------------------------------------- */

/* How each screen works, for the help. */
static const char *const how[X_COUNT] = {
	[X_START] = "Pick the decks with Space (none picked: every deck), then a tag and how many "
	            "questions with the arrows on their rows (or t and n), and press Enter. A deck "
	            "marked as not valid shows its first error; recall check FILE lists them all.",
	[X_CHOICE] = "Press an option's number or letter to answer at once, or mark one with the "
	             "arrows and press Enter.",
	[X_MULTI] = "Pick every right option: its number or letter, or Space on the marked one, "
	            "turns it on or off. Enter answers. A wrong pick costs as much as a right one earns.",
	[X_TRUEFALSE] = "Press t for true or f for false, or mark one and press Enter.",
	[X_FIELD] = "Type the answer and press Enter. Numbers may be digits (26, 1,000, 2.5) or words "
	            "(twenty-six), with their unit. Case, accents and a small typo are forgiven. "
	            "While typing, letters are text: press Esc first for a command (Esc h hint, "
	            "Esc s skip, Esc ? help, Esc q quit); Alt with the letter does the same.",
	[X_ORDER] = "Put the items in order, the first at the top: mark one (arrows or its number), "
	            "Space grabs it, the arrows move it, Space drops it. Enter answers; each pair of "
	            "items in the right order earns its share.",
	[X_MATCH] = "Pair each numbered item with its partner: press the item's number (or mark it), "
	            "then the partner's letter (or the arrows and Enter in the right column). Tab or "
	            "the left and right arrows switch columns. Enter answers once all are paired.",
	[X_CARD_FRONT] = "Recall the back of the card, press Space to flip it, then rate yourself: "
	                 "1 again (counts as wrong), 2 hard (half right), 3 good, 4 easy.",
	[X_FEEDBACK] = "The verdict, the right answer, why, and the report it comes from. Enter goes "
	               "on.",
	[X_SUMMARY] = "The score, the results by tag, and every missed question with its answer. "
	              "r asks the missed questions again.",
};

static const char help_common[] =
	"A hint halves the question's points. Each right answer in a row earns 10% more than the "
	"last, up to 50% more. Ctrl-C leaves at once; Ctrl-Z suspends (fg resumes). "
	"recall(1) tells the rest.";

static void draw_help(struct ui *u, size_t top, size_t height)
{
	enum ctx under = screen_ctx(u, u->stack[u->depth >= 2 ? u->depth - 2 : 0]);
	if (under == X_FIELD_CMD)
		under = X_FIELD;
	size_t w = cols() > 4 ? cols() - 4 : cols();
	if (w > 72)
		w = 72;
	size_t x0 = (cols() - w) / 2;
	size_t inner = w > 4 ? w - 4 : 1;
	struct rows *r = &u->rows;
	rows_clear(r);
	rows_wrap(r, inner, 0, "", L_PLAIN, "Keys here", L_BOLD, false);
	struct foot v[MAX_FOOT];
	size_t n = footer_keys(u, under, v, MAX_FOOT), kw = 0;
	for (size_t i = 0; i < n; i++)
		kw = width_of(v[i].key) > kw ? width_of(v[i].key) : kw;
	for (size_t i = 0; i < n; i++) {
		char k[64];
		size_t pad = kw - width_of(v[i].key) + 2;  /* the descriptions line up */
		snprintf(k, sizeof k, "%.40s%*s", v[i].key, (int)(pad < 20 ? pad : 20), "");
		rows_wrap(r, inner, 0, k, L_KEY, v[i].does, L_PLAIN, false);
	}
	const char *text = how[under == X_CARD_BACK ? X_CARD_FRONT : under];
	if (text) {
		rows_blank(r);
		rows_wrap(r, inner, 0, "", L_PLAIN, text, L_PLAIN, false);
	}
	rows_blank(r);
	rows_wrap(r, inner, 0, "", L_PLAIN, help_common, L_DIM, false);
	size_t h = r->n + 2 < height ? r->n + 2 : height;
	if (h < 3)
		return;
	draw_box(top, x0, h, w);
	draw_rows(u, r, top + 1, x0 + 2, inner, h - 2, &u->help_scroll, x0 + w - 2);
}

static void key_help(struct ui *u, enum action a)
{
	if (a == DO_CLOSE) {
		pop_screen(u);
		return;
	}
	scroll_by(&u->help_scroll, a);
}

/* ---- the yes-or-no question ----------------------------------------- */

static void draw_confirm(struct ui *u, size_t top, size_t height)
{
	/* The question in full, and a short form for a window too low for it. */
	char b[256], brief[128], x[32], y[32];
	if (u->confirm == ASK_HINT) {
		const struct question *q = current(u)->q;
		score_format_points(q->points, x, sizeof x);
		score_format_points(q->points * SCORE_HINT_FACTOR, y, sizeof y);
		snprintf(b, sizeof b, "Take the hint? This question is then worth %s points instead of %s "
		         "(and half any streak bonus).", y, x);
		snprintf(brief, sizeof brief, "Take the hint? %s points, not %s.", y, x);
	} else {
		const struct session *s = quiz(u);
		size_t left = session_count(s) - session_position(s) - (top_screen(u) == SCR_FEEDBACK ? 1 : 0);
		if (left)
			snprintf(b, sizeof b, "Quit the quiz? The %zu question%s not answered yet count%s as "
			         "not reached; the summary follows.", left, left == 1 ? "" : "s", left == 1 ? "s" : "");
		else
			snprintf(b, sizeof b, "Quit the quiz? The summary follows.");
		snprintf(brief, sizeof brief, "Quit the quiz?");
	}
	size_t w = cols() > 6 ? cols() - 6 : cols();
	if (w > 60)
		w = 60;
	const char *text = b;
	struct layout_lines l = {0};
	if (layout_wrap(text, w > 4 ? w - 4 : 1, &l) != 0)
		return;
	if (l.n + 4 > height) {
		layout_lines_free(&l);
		text = brief;
		if (layout_wrap(text, w > 4 ? w - 4 : 1, &l) != 0)
			return;
	}
	size_t h = l.n + 4 < height ? l.n + 4 : height;
	size_t y0 = top + (height - h) / 2, x0 = (cols() - w) / 2;
	draw_box(y0, x0, h, w);
	for (size_t i = 0; i < l.n && i + 4 <= h; i++) {
		move(to_int(y0 + 1 + i), to_int(x0 + 2));
		attrset((int)look_attr(u, L_BOLD));
		put_n(u, text + l.v[i].start, l.v[i].len, w - 4);
	}
	attrset(A_NORMAL);
	if (h >= 4)
		put_at(u, y0 + h - 2, x0 + 2, L_DIM, "y yes, n no", w - 4);
	layout_lines_free(&l);
}

static void key_confirm(struct ui *u, enum action a)
{
	enum confirm c = u->confirm;
	if (a != DO_YES && a != DO_NO)
		return;  /* the question stays until answered */
	u->confirm = ASK_NONE;
	if (a == DO_NO)
		return;
	if (c == ASK_HINT)
		u->ask.hint = session_hint(quiz(u));
	else
		to_summary(u);
}

/* ---- the too-small screen ------------------------------------------ */

static void draw_small(struct ui *u)
{
	char b[200];
	snprintf(b, sizeof b, "Make the window at least %d%s%d; now %zu%s%zu. q quits.",
	         UI_CURSES_MIN_COLS, glyph(u, G_TIMES), UI_CURSES_MIN_ROWS, cols(), glyph(u, G_TIMES), lines());
	size_t width = cols() > 2 ? cols() - 2 : cols();
	struct layout_lines l = {0};
	if (width == 0 || layout_wrap(b, width, &l) != 0)
		return;
	size_t y0 = lines() > l.n ? (lines() - l.n) / 2 : 0;
	for (size_t i = 0; i < l.n && y0 + i < lines(); i++) {
		size_t x = cols() > 2 ? 1 : 0;
		/* The bottom-right cell stays empty: writing it would scroll. */
		size_t maxw = y0 + i + 1 == lines() ? width - (x + width >= cols()) : width;
		move(to_int(y0 + i), to_int(x));
		attrset((int)look_attr(u, L_BOLD));
		put_n(u, b + l.v[i].start, l.v[i].len, maxw);
	}
	attrset(A_NORMAL);
	layout_lines_free(&l);
}

/* Leaves at once; a quiz under way ends, and its summary still goes to
 * --summary-json. */
static void key_small(struct ui *u, enum action a)
{
	if (a != DO_QUIT)
		return;
	if (quiz(u) && u->json_due)
		to_summary(u);
	u->done = true;
}

/* ---- the main loop ------------------------------------------------- */

static void draw(struct ui *u)
{
	erase();
	u->cursor_y = -1;
	enum view top = top_screen(u);
	if (top == SCR_SMALL) {
		draw_small(u);
	} else {
		struct footer foot;
		footer_plan(u, &foot);
		size_t gap = lines() >= 16 ? 1 : 0;
		size_t body = 2 + gap;
		size_t end = lines() > foot.rows + gap ? lines() - foot.rows - gap : 0;
		struct layout_lines msg = {0};
		size_t width = cols() - 3;
		if (u->msg[0] && layout_wrap(u->msg, width, &msg) == 0 && msg.n > 2)
			msg.n = 2;
		end = end > body + msg.n ? end - msg.n : body;
		size_t height = end - body;
		rows_clear(&u->rows);
		switch (u->stack[0]) {
		case SCR_START: draw_start(u, body, height, width); break;
		case SCR_QUESTION: draw_question(u, body, height, width); break;
		case SCR_FEEDBACK: draw_feedback(u, body, height, width); break;
		case SCR_SUMMARY: draw_summary(u, body, height, width); break;
		case SCR_HELP: case SCR_SMALL: break;
		}
		if (u->rows.oom)
			fail_out(u, "out of memory");
		for (size_t i = 0; i < msg.n; i++) {
			move(to_int(end + i), 1);
			attrset((int)look_attr(u, L_WARN));
			put_n(u, u->msg + msg.v[i].start, msg.v[i].len, width);
			attrset(A_NORMAL);
		}
		layout_lines_free(&msg);
		if (top == SCR_HELP)
			draw_help(u, body, height + msg.n);
		if (u->confirm != ASK_NONE)
			draw_confirm(u, body, height);
		draw_footer(u, &foot);
	}
	if (u->cursor_y >= 0 && top == SCR_QUESTION && u->confirm == ASK_NONE && !u->ask.command) {
		curs_set(1);
		move(u->cursor_y, u->cursor_x);
	} else {
		curs_set(0);
	}
	refresh();
}

static void handle_key(struct ui *u, int key, bool fkey)
{
	enum ctx c = context(u);
	const struct binding *b = lookup(c, key, fkey);
	enum action a = b ? b->act : DO_NONE;
	if (a == DO_REDRAW) {
		clearok(curscr, TRUE);
		return;
	}
	u->msg[0] = '\0';
	if (c == X_SMALL) {
		key_small(u, a);
		return;
	}
	if (c == X_CONFIRM) {
		key_confirm(u, a);
		return;
	}
	switch (top_screen(u)) {
	case SCR_START: key_start(u, a); break;
	case SCR_QUESTION: key_question(u, a, key); break;
	case SCR_FEEDBACK: key_feedback(u, a); break;
	case SCR_SUMMARY: key_summary(u, a); break;
	case SCR_HELP: key_help(u, a); break;
	case SCR_SMALL: break;
	}
}

/* Draws and reads keys until the learner leaves, a signal comes, or the
 * terminal goes away (reads that fail at once, again and again: ncdu's
 * lesson, so as never to spin). */
static void run_loop(struct ui *u)
{
	bool dirty = true;
	while (!u->done && !stop_signal()) {
		bool small = lines() < UI_CURSES_MIN_ROWS || cols() < UI_CURSES_MIN_COLS;
		if (small && top_screen(u) != SCR_SMALL) {
			push_screen(u, SCR_SMALL);
			dirty = true;
		} else if (!small && top_screen(u) == SCR_SMALL) {
			pop_screen(u);
			dirty = true;
		}
		if (dirty)
			draw(u);
		dirty = false;
		int key;
		bool fkey;
		double t0 = now_seconds();
		int r = read_key(&key, &fkey);
		if (stop_signal())
			break;
		if (r == ERR) {
			if (now_seconds() - t0 < KEY_WAIT_MS / 4000.0) {
				if (++u->dead_reads >= 50)
					fail_out(u, "the terminal went away");
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

/* ---- entry points -------------------------------------------------- */

static int ui_begin(struct ui *u, const struct ui_curses_opts *o)
{
	memset(u, 0, sizeof *u);
	u->depth = 1;
	u->cursor_y = -1;
	u->unicode = strcmp(nl_langinfo(CODESET), "UTF-8") == 0;
	u->summary_json = o->summary_json;
	u->json_due = o->summary_json != NULL;
	u->so = o->so;
	ask_reset(u);
	if (!term_usable()) {
		u->status = UI_CURSES_NO_TERMINAL;
		return -1;
	}
	const char *nc = getenv("NO_COLOR");
	bool want_color = !o->no_color && !(nc && *nc);
	char err[256];
	if (term_start(want_color, &u->color, err, sizeof err) != 0) {
		snprintf(u->error, sizeof u->error, "recall: %s", err);
		u->status = 1;
		return -1;
	}
	return 0;
}

/* Gives the terminal back, frees the ui, prints any error; returns the
 * exit status. */
static int ui_end(struct ui *u)
{
	int sig = stop_signal();
	ui_curses_restore();
	/* A quiz ended by a signal still leaves its report: what was answered
	 * is committed, the rest counts as not reached. */
	if (sig && u->json_due && u->sp && *u->sp) {
		char err[512];
		session_finish(*u->sp);
		if (session_write_json(*u->sp, u->summary_json, err, sizeof err) != 0)
			fprintf(stderr, "recall: %s\n", err);
	}
	rows_free(&u->rows);
	layout_field_free(&u->ask.field);
	if (u->have_sum)
		session_summary_free(&u->sum);
	if (u->pick.lib)
		pick_free(&u->pick);
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
		set_base(&u, SCR_QUESTION);
		if (!session_current(*s))
			to_summary(&u);
		run_loop(&u);
	}
	return ui_end(&u);
}

int ui_curses_start(const struct library *lib, const struct ui_curses_opts *o)
{
	struct ui u;
	if (ui_begin(&u, o) == 0) {
		if (pick_init(&u.pick, lib) != 0) {
			fail_out(&u, "out of memory");
		} else {
			u.sp = &u.own;
			set_base(&u, SCR_START);
			run_loop(&u);
		}
	}
	return ui_end(&u);
}

/* ---- whether the terminal can be driven ---------------------------- */

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
