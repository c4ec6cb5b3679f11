/* ui_keys — keys of the full-screen front end: reading a key, the tables
 * that map keys to actions, looking a key up in them, and the list of keys
 * that the footer and the help show, written from the same rows.
 *
 * A key table is an array of rows ended by UI_KEYS_END; a row binds one
 * key or a range of keys to an action, and says how the footer and the
 * help write it.  A row may instead include another table (UI_KEYS_USE),
 * whose rows then hold at that place: shared rows (moving in a list,
 * scrolling, the global help and quit) are written once.  In a table the
 * first row that matches wins.
 */
#ifndef RECALL_UI_KEYS_H
#define RECALL_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* What a key does.  The order is the order of the footer. */
enum ui_action {
	UI_DO_NONE, UI_DO_REDRAW, UI_DO_INSERT, UI_DO_NUMBER, UI_DO_LETTER, UI_DO_TRUE, UI_DO_FALSE,
	UI_DO_RATE, UI_DO_UP, UI_DO_DOWN, UI_DO_PGUP, UI_DO_PGDN, UI_DO_TOP, UI_DO_BOTTOM,
	UI_DO_LEFT, UI_DO_RIGHT, UI_DO_WORD_LEFT, UI_DO_WORD_RIGHT, UI_DO_HOME, UI_DO_END,
	UI_DO_BACKSPACE, UI_DO_DELETE, UI_DO_KILL, UI_DO_KILL_END, UI_DO_RUBOUT,
	UI_DO_SPACE, UI_DO_ENTER, UI_DO_TAG, UI_DO_LIMIT, UI_DO_YES, UI_DO_NO, UI_DO_RETRY,
	UI_DO_DECKS, UI_DO_STUDY, UI_DO_STATS, UI_DO_PAUSE, UI_DO_BOARD, UI_DO_HINT, UI_DO_SKIP, UI_DO_UNDO, UI_DO_COMMAND, UI_DO_CANCEL, UI_DO_CLOSE, UI_DO_HELP,
	UI_DO_QUIT
};

/* One row of a key table. */
struct ui_key {
	int key;                    /* the key, or the first of a range of them */
	int last;                   /* the last key of the range (key itself for one key) */
	bool fkey;                  /* key and last are KEY_ codes, not characters */
	enum ui_action act;         /* what it does; UI_DO_NONE ends the table */
	const char *shown;          /* the key as the footer and help write it; NULL: not listed */
	const char *does;           /* what the footer and help say it does */
	const struct ui_key *use;   /* not NULL: this row stands for the rows of that table */
};

#define UI_CTRL(c) ((c) & 0x1f)
/* A character key, a KEY_ code, a range of characters, a range of KEY_
 * codes, an included table, and the end of a table. */
#define UI_KEY(k, act, shown, does) { (k), (k), false, (act), (shown), (does), NULL }
#define UI_FKEY(k, act, shown, does) { (k), (k), true, (act), (shown), (does), NULL }
#define UI_KEYS(a, b, act, shown, does) { (a), (b), false, (act), (shown), (does), NULL }
#define UI_FKEYS(a, b, act, shown, does) { (a), (b), true, (act), (shown), (does), NULL }
#define UI_KEYS_USE(table) { 0, -1, false, UI_DO_NONE, NULL, NULL, (table) }
#define UI_KEYS_END { 0, -1, false, UI_DO_NONE, NULL, NULL, NULL }

/* Rows every screen shares, each table written once:
 *   ui_keys_always  Ctrl-L redraws; tried before any screen's rows
 *   ui_keys_global  ? help and q quit, at the end of the screens they hold in
 *   ui_keys_list    the arrows, Page Up/Down, Home and End move in a list
 *   ui_keys_scroll  the same keys, and k and j, scroll a body */
extern const struct ui_key ui_keys_always[];
extern const struct ui_key ui_keys_global[];
extern const struct ui_key ui_keys_list[];
extern const struct ui_key ui_keys_scroll[];

#define UI_KEYS_MAX_PARTS 6

/* The rows in force on a screen: tables tried one after the other.  A
 * table with a `via` is only listed, each key written after it: the
 * commands a text field reaches through Esc ("Esc h"). */
struct ui_keyset {
	struct {
		const struct ui_key *rows;  /* the table (borrowed, static) */
		const char *via;            /* NULL: its keys hold; else listed only, after this text */
	} part[UI_KEYS_MAX_PARTS];      /* the tables, in lookup order */
	size_t n;                       /* parts used */
};

/* Adds a table to ks (nothing once it is full). */
void ui_keys_add(struct ui_keyset *ks, const struct ui_key *rows, const char *via);

/* Reads a key: returns get_wch's result, with *key the character or KEY_
 * code.  Enter comes back as '\r' and Backspace as 127, whichever way the
 * terminal sends them.  An escape sequence that ncurses does not know (a
 * CSI such as Esc [ 4 ~, or an SS3 such as Esc O 5 F) is read whole and
 * dropped, never turned into keys; a lone Esc, and Esc then a letter (Alt
 * with the letter), come back as Esc followed by the letter. */
int ui_keys_read(int *key, bool *fkey);

/* The row of ks that key matches (ui_keys_always first), or NULL; a row
 * of the static tables, never to be freed. */
const struct ui_key *ui_keys_find(const struct ui_keyset *ks, int key, bool fkey);

/* One key of the footer or the help. */
struct ui_foot {
	char key[40];         /* as written, e.g. "1-4" or "Esc h" */
	char does[48];        /* what it does */
	enum ui_action act;   /* for ordering */
};

#define UI_KEYS_MAX_FOOT 24

struct ui;
/* A screen's say on one row it lists: whether the row is listed now, and
 * how (f is filled from the row already; the words may change). */
typedef bool ui_keys_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                              struct ui_foot *f);

/* The keys of ks to list, in footer order, at most cap into v; describe
 * (may be NULL) is asked about each with ui and state.  Returns how many. */
size_t ui_keys_footer(const struct ui_keyset *ks, ui_keys_describe *describe, const struct ui *ui,
                      const void *state, struct ui_foot *v, size_t cap);

/* Moves a focus among n things for the moving actions (page: a page's
 * worth); returns whether act was one of them. */
bool ui_keys_move(size_t *cur, size_t n, enum ui_action act, size_t page);
/* Scrolls a body whose rows have no focus; the drawing clamps the end.
 * Returns whether act was a scrolling one. */
bool ui_keys_scroll_by(size_t *scroll, enum ui_action act);

#endif
