/* ui_keys — reading keys, key tables, the footer's list; see ui_keys.h. */
#include "ui_keys.h"

#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "ui_draw.h"

const struct ui_key ui_keys_always[] = {
	UI_KEY(UI_CTRL('l'), UI_DO_REDRAW, NULL, NULL),
	UI_KEYS_END
};

const struct ui_key ui_keys_global[] = {
	UI_KEY('?', UI_DO_HELP, "?", "help"),
	UI_KEY('q', UI_DO_QUIT, "q", "quit"),
	UI_KEYS_END
};

/* Page Up and Down, Home and End: a page, or to either end. */
static const struct ui_key pages[] = {
	UI_FKEY(KEY_PPAGE, UI_DO_PGUP, NULL, NULL),
	UI_FKEY(KEY_NPAGE, UI_DO_PGDN, NULL, NULL),
	UI_FKEY(KEY_HOME, UI_DO_TOP, NULL, NULL),
	UI_FKEY(KEY_END, UI_DO_BOTTOM, NULL, NULL),
	UI_KEYS_END
};

const struct ui_key ui_keys_list[] = {
	UI_FKEY(KEY_UP, UI_DO_UP, "\u2191\u2193", "move"),
	UI_FKEY(KEY_DOWN, UI_DO_DOWN, NULL, NULL),
	UI_KEYS_USE(pages),
	UI_KEYS_END
};

const struct ui_key ui_keys_scroll[] = {
	UI_FKEY(KEY_UP, UI_DO_UP, "\u2191\u2193", "scroll"),
	UI_FKEY(KEY_DOWN, UI_DO_DOWN, NULL, NULL),
	UI_KEY('k', UI_DO_UP, NULL, NULL),
	UI_KEY('j', UI_DO_DOWN, NULL, NULL),
	UI_KEYS_USE(pages),
	UI_KEYS_END
};

static bool is_end(const struct ui_key *k)
{
	return k->act == UI_DO_NONE && !k->use;
}

void ui_keys_add(struct ui_keyset *ks, const struct ui_key *rows, const char *via)
{
	if (ks->n < UI_KEYS_MAX_PARTS) {
		ks->part[ks->n].rows = rows;
		ks->part[ks->n].via = via;
		ks->n++;
	}
}

/* How long the rest of an escape sequence may take to come, in ms: its
 * bytes come in one write, far faster than anyone types. */
#define SEQ_WAIT_MS 10

/* The next character of a sequence already under way; -1 when none comes
 * at once (or a key code comes instead, which is put back). */
static int seq_next(void)
{
	wint_t wc = 0;
	int r = get_wch(&wc);
	if (r == KEY_CODE_YES) {
		ungetch((int)wc);
		return -1;
	}
	return r == OK ? (int)wc : -1;
}

/* After an Esc read as a character: a CSI (Esc [ parameters and
 * intermediates, then a final byte from 0x40 to 0x7E) or an SS3 (Esc O,
 * parameter bytes, then one byte) that ncurses did not decode is read to
 * its end and dropped: returns true.  Otherwise false, with any character
 * that followed put back: a lone Esc, or Esc then a letter (Alt with it). */
static bool swallow_sequence(void)
{
	int was = wgetdelay(stdscr);
	timeout(SEQ_WAIT_MS);
	int c = seq_next();
	bool dropped = c == '[' || c == 'O';
	if (c == '[') {
		do
			c = seq_next();
		while (c >= 0x20 && c <= 0x3F);
	} else if (c == 'O') {
		do
			c = seq_next();
		while (c >= 0x30 && c <= 0x3F);
	} else if (c >= 0) {
		unget_wch((wchar_t)c);
	}
	timeout(was);
	return dropped;
}

int ui_keys_read(int *key, bool *fkey)
{
	wint_t wc = 0;
	int r = get_wch(&wc);
	while (r == OK && wc == 27 && swallow_sequence())
		r = get_wch(&wc);
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

/* The first row of rows (and the tables it includes) that key matches. */
static const struct ui_key *find_in(const struct ui_key *rows, int key, bool fkey)
{
	for (const struct ui_key *b = rows; !is_end(b); b++) {
		if (b->use) {
			const struct ui_key *m = find_in(b->use, key, fkey);
			if (m)
				return m;
		} else if (b->fkey == fkey && key >= b->key && key <= b->last) {
			return b;
		}
	}
	return NULL;
}

const struct ui_key *ui_keys_find(const struct ui_keyset *ks, int key, bool fkey)
{
	const struct ui_key *b = find_in(ui_keys_always, key, fkey);
	for (size_t i = 0; !b && i < ks->n; i++)
		if (!ks->part[i].via)
			b = find_in(ks->part[i].rows, key, fkey);
	return b;
}

/* Replaces arrows by words when the locale has no Unicode. */
static void key_text(const char *shown, char *buf, size_t size)
{
	if (ui_draw_unicode())
		snprintf(buf, size, "%s", shown);
	else if (!strcmp(shown, "\u2191\u2193"))
		snprintf(buf, size, "Up/Down");
	else if (!strcmp(shown, "\u2190\u2192"))
		snprintf(buf, size, "Left/Right");
	else
		snprintf(buf, size, "%s", shown);
}

/* What ui_keys_footer walks over: its arguments and the list so far. */
struct listing {
	ui_keys_describe *describe;  /* the screen's say on each row; or NULL */
	const struct ui *ui;         /* passed on to describe */
	const void *state;           /* passed on to describe */
	struct ui_foot *v;           /* the keys listed */
	size_t n;                    /* keys in v */
	size_t cap;                  /* room in v */
};

/* Lists the shown rows of rows, and of the tables it includes. */
static void list_rows(struct listing *l, const struct ui_key *rows, const char *via)
{
	for (const struct ui_key *b = rows; !is_end(b) && l->n < l->cap; b++) {
		if (b->use) {
			list_rows(l, b->use, via);
			continue;
		}
		if (!b->shown)
			continue;
		struct ui_foot *f = &l->v[l->n];
		f->act = b->act;
		key_text(b->shown, f->key, sizeof f->key);
		snprintf(f->does, sizeof f->does, "%s", b->does);
		if (l->describe && !l->describe(l->ui, l->state, b, f))
			continue;
		if (via) {
			char k[sizeof f->key];
			memcpy(k, f->key, sizeof k);
			snprintf(f->key, sizeof f->key, "%s%.30s", via, k);
		}
		l->n++;
	}
}

size_t ui_keys_footer(const struct ui_keyset *ks, ui_keys_describe *describe, const struct ui *ui,
                      const void *state, struct ui_foot *v, size_t cap)
{
	struct listing l = { describe, ui, state, v, 0, cap };
	list_rows(&l, ui_keys_always, NULL);
	for (size_t i = 0; i < ks->n; i++)
		list_rows(&l, ks->part[i].rows, ks->part[i].via);
	/* Stable sort by action: the footer's order. */
	for (size_t i = 1; i < l.n; i++) {
		struct ui_foot t = v[i];
		size_t j = i;
		while (j > 0 && v[j - 1].act > t.act) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = t;
	}
	return l.n;
}

bool ui_keys_move(size_t *cur, size_t n, enum ui_action act, size_t page)
{
	if (n == 0)
		return false;
	switch (act) {
	case UI_DO_UP: if (*cur > 0) (*cur)--; return true;
	case UI_DO_DOWN: if (*cur + 1 < n) (*cur)++; return true;
	case UI_DO_PGUP: *cur = *cur > page ? *cur - page : 0; return true;
	case UI_DO_PGDN: *cur = *cur + page < n ? *cur + page : n - 1; return true;
	case UI_DO_TOP: *cur = 0; return true;
	case UI_DO_BOTTOM: *cur = n - 1; return true;
	default: return false;
	}
}

bool ui_keys_scroll_by(size_t *scroll, enum ui_action act)
{
	size_t page = ui_draw_lines() > 8 ? ui_draw_lines() - 8 : 1;
	switch (act) {
	case UI_DO_UP: if (*scroll > 0) (*scroll)--; return true;
	case UI_DO_DOWN: (*scroll)++; return true;
	case UI_DO_PGUP: *scroll = *scroll > page ? *scroll - page : 0; return true;
	case UI_DO_PGDN: *scroll += page; return true;
	case UI_DO_TOP: *scroll = 0; return true;
	case UI_DO_BOTTOM: *scroll = SIZE_MAX / 2; return true;
	default: return false;
	}
}
