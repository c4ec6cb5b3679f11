/* ui_input — answering each question type; see ui_input.h.
 *
 * The file runs type by type (choice and multi, true or false, a typed
 * number or text, order, match, card), each with its body rows, key
 * handler, key rows and footer words; the table indexed by type comes
 * last. */
#include "ui_input.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "answer.h"
#include "text.h"
#include "ui_pick.h"
#include "ui_screen.h"
#include "verdict.h"

/* A digit toward the number of one of n things (what: "option",
 * "item"): true with *i the thing once its number is whole.  While it
 * waits for another digit the focus *cur goes to the thing named so far,
 * and the message line says so; a number too big is said too. */
static bool typed_option(struct ui *ui, struct ui_ask *a, size_t n, int key, const char *what,
                         size_t *cur, size_t *i)
{
	switch (ui_pick_digit(&a->typed, n, key, i)) {
	case UI_PICK_WHOLE:
		return true;
	case UI_PICK_WAIT:
		*cur = *i;
		ui_screen_say(ui, "%s %zu%s (another digit, or Enter)", what, *i + 1,
		              ui_draw_glyph(UI_GLYPH_ELLIPSIS));
		return false;
	default:
		ui_screen_say(ui, "There is no %s with that number: 1 to %zu.", what, n);
		return false;
	}
}

/* The number being typed before this key, forgotten unless the key is a
 * digit that goes on with it. */
static size_t take_typed(struct ui_ask *a, enum ui_action act)
{
	size_t t = a->typed;
	if (act != UI_DO_NUMBER)
		a->typed = 0;
	return t;
}

/* Columns of the numbers of n options, so that they line up. */
static int num_width(size_t n)
{
	return n > 9 ? 2 : 1;
}

/* The mark before an option: the pointer on the focused one. */
static const char *pointer(bool on)
{
	return on ? ui_draw_glyph(UI_GLYPH_POINTER) : " ";
}

/* Footer words shared by the types whose options number and letter keys
 * reach: the range of those keys. */
static bool range_words(const struct ui_ask *a, const struct item *it, struct ui_foot *f)
{
	(void)a;
	if (f->act == UI_DO_NUMBER || f->act == UI_DO_LETTER)
		return ui_pick_range(f, it->nshown);
	return true;
}

/* ---- choice and multi ------------------------------------------------ */

/* The options, each with its number; with boxes for multi. */
static void build_options(const struct ui_ask *a, const struct item *it, struct ui_rows *r,
                          size_t width, bool boxes)
{
	char b[64];
	for (size_t i = 0; i < it->nshown; i++) {
		bool on = a->cur == i;
		if (boxes)
			snprintf(b, sizeof b, "%s [%s] %*zu. ", pointer(on), (a->picked >> i) & 1 ? "x" : " ",
			         num_width(it->nshown), i + 1);
		else
			snprintf(b, sizeof b, "%s %*zu. ", pointer(on), num_width(it->nshown), i + 1);
		ui_draw_wrap(r, width, 0, b, on ? UI_LOOK_ACCENT : UI_LOOK_PLAIN, it->q->choices[it->shown[i]],
		             on ? UI_LOOK_SELECT : UI_LOOK_PLAIN, on);
	}
}

static void build_choice(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	build_options(a, it, r, width, false);
}

static void build_multi(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	build_options(a, it, r, width, true);
}

/* A number answers once whole; Enter answers with the marked option (the
 * one a number waiting for its next digit names). */
static bool key_choice(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                       int key, struct response *r)
{
	take_typed(a, act);
	if (ui_keys_move(&a->cur, it->nshown, act, 5))
		return false;
	if (act == UI_DO_NUMBER) {
		size_t i;
		if (!typed_option(ui, a, it->nshown, key, "option", &a->cur, &i))
			return false;
		a->cur = i;
	} else if (act != UI_DO_ENTER) {
		return false;
	}
	r->choice = it->shown[a->cur];
	return true;
}

static bool key_multi(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                      int key, struct response *r)
{
	size_t typed = take_typed(a, act);
	if (ui_keys_move(&a->cur, it->nshown, act, 5))
		return false;
	switch (act) {
	case UI_DO_NUMBER: {
		size_t i;
		if (typed_option(ui, a, it->nshown, key, "option", &a->cur, &i)) {
			a->cur = i;
			a->picked ^= 1ul << i;
		}
		return false;
	}
	case UI_DO_SPACE:
		a->picked ^= 1ul << a->cur;
		return false;
	case UI_DO_ENTER:
		if (typed) {  /* ends the number typed: picks the option it names */
			a->picked ^= 1ul << a->cur;
			return false;
		}
		if (!a->picked) {
			ui_screen_say(ui, "Pick at least one option first (Space or its number).");
			return false;
		}
		for (size_t i = 0; i < it->nshown; i++)
			if ((a->picked >> i) & 1)
				r->selected |= 1ul << it->shown[i];
		return true;
	default:
		return false;
	}
}

static const struct ui_key choice_keys[] = {
	UI_KEYS('0', '9', UI_DO_NUMBER, "1-9", "answer"),
	UI_KEYS_USE(ui_keys_list),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "choose"),
	UI_KEYS_END
};

static const struct ui_key multi_keys[] = {
	UI_KEYS('0', '9', UI_DO_NUMBER, "1-9", "pick"),
	UI_KEYS_USE(ui_keys_list),
	UI_KEY(' ', UI_DO_SPACE, "Space", "pick"),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "answer"),
	UI_KEYS_END
};

/* ---- true or false --------------------------------------------------- */

static void build_truefalse(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	(void)it;
	char b[32];
	for (size_t i = 0; i < 2; i++) {
		bool on = a->cur == i;
		snprintf(b, sizeof b, "%s %c  ", pointer(on), i == 0 ? 't' : 'f');
		ui_draw_wrap(r, width, 0, b, on ? UI_LOOK_ACCENT : UI_LOOK_PLAIN, i == 0 ? "True" : "False",
		             on ? UI_LOOK_SELECT : UI_LOOK_PLAIN, on);
	}
}

static bool key_truefalse(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                          int key, struct response *r)
{
	(void)ui, (void)it, (void)key;
	if (ui_keys_move(&a->cur, 2, act, 1))
		return false;
	if (act != UI_DO_TRUE && act != UI_DO_FALSE && act != UI_DO_ENTER)
		return false;
	r->truth = act == UI_DO_ENTER ? a->cur == 0 : act == UI_DO_TRUE;
	return true;
}

static const struct ui_key truefalse_keys[] = {
	UI_KEY('t', UI_DO_TRUE, "t", "true"),
	UI_KEY('f', UI_DO_FALSE, "f", "false"),
	UI_KEYS_USE(ui_keys_list),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "choose"),
	UI_KEYS_END
};

/* ---- a typed number or text ------------------------------------------ */

/* The field, and after Esc the line saying which commands follow. */
static void build_field(const struct ui_ask *a, struct ui_rows *r, size_t width)
{
	char pad[512];
	size_t fw = width > 4 ? width - 3 : 1;
	size_t first, col;
	layout_field_view(&a->field, fw, &first, &col);
	const char *s = layout_field_text(&a->field);
	size_t len = layout_fit(s + first, strlen(s + first), fw);
	struct ui_row *row = ui_draw_row(r, 0, true);
	if (row) {
		ui_draw_span(r, row, 0, UI_LOOK_ACCENT, "> ", 2);
		ui_draw_span(r, row, 1, UI_LOOK_FIELD, s + first, len);
		size_t used = layout_width(s + first, len);
		memset(pad, ' ', sizeof pad);
		size_t n = fw - used < sizeof pad ? fw - used : sizeof pad - 1;
		ui_draw_span(r, row, 2, UI_LOOK_FIELD, pad, n);
		row->field = !a->command;  /* after Esc the cursor hides */
		row->cursor = 2 + col;
	}
	if (a->command) {
		ui_draw_blank(r);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN,
		             "Command: h hint, s skip, ? help, q quit; Esc goes back to typing.", UI_LOOK_BOLD, true);
	}
}

static void build_number(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	if (it->q->unit) {
		ui_draw_wrap(r, width, 0, "answer in ", UI_LOOK_DIM, it->q->unit, UI_LOOK_DIM, false);
		ui_draw_blank(r);
	}
	build_field(a, r, width);
}

static void build_text(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	(void)it;
	build_field(a, r, width);
}

/* The editing keys of a field, as readline has them: an action, and what
 * it does to the field. */
static const struct {
	enum ui_action act;
	void (*edit)(struct layout_field *f);
} edits[] = {
	{ UI_DO_LEFT, layout_field_left },
	{ UI_DO_RIGHT, layout_field_right },
	{ UI_DO_WORD_LEFT, layout_field_word_left },
	{ UI_DO_WORD_RIGHT, layout_field_word_right },
	{ UI_DO_HOME, layout_field_home },
	{ UI_DO_END, layout_field_end },
	{ UI_DO_BACKSPACE, layout_field_backspace },
	{ UI_DO_DELETE, layout_field_delete },
	{ UI_DO_KILL, layout_field_kill },
	{ UI_DO_KILL_END, layout_field_kill_end },
	{ UI_DO_RUBOUT, layout_field_rubout_word },
};

/* Edits the field; on Enter, puts its trimmed text in a->line and returns
 * true when there is any. */
static bool key_field(struct ui *ui, struct ui_ask *a, enum ui_action act, int key)
{
	struct layout_field *f = &a->field;
	if (act == UI_DO_INSERT) {
		if (layout_field_insert(f, (uint32_t)key) != 0 && f->len + 4 > LAYOUT_FIELD_MAX)
			ui_screen_say(ui, "That is as long as an answer can be.");
		return false;
	}
	for (size_t i = 0; i < sizeof edits / sizeof edits[0]; i++) {
		if (edits[i].act == act) {
			edits[i].edit(f);
			return false;
		}
	}
	if (act != UI_DO_ENTER)
		return false;
	snprintf(a->line, sizeof a->line, "%s", layout_field_text(f));
	text_trim(a->line);
	return true;
}

/* The typed text as the response, or a note when there is none. */
static bool give_line(struct ui *ui, struct ui_ask *a, struct response *r)
{
	if (!*a->line) {
		ui_screen_say(ui, "Type your answer, or Esc s to skip.");
		return false;
	}
	r->text = a->line;
	return true;
}

static bool key_number(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                       int key, struct response *r)
{
	double x;
	enum number_how how;
	if (!key_field(ui, a, act, key))
		return false;
	if (!answer_read_number(it->q, a->line, &x, &how)) {
		ui_screen_say(ui, "That is not a number: type digits (26, 1,000, 2.5) or words (twenty-six).");
		return false;
	}
	return give_line(ui, a, r);
}

static bool key_text(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                     int key, struct response *r)
{
	(void)it;
	return key_field(ui, a, act, key) && give_line(ui, a, r);
}

static bool after_esc(const struct ui_ask *a)
{
	return a->command;
}

/* Typing: every key that is no editing key is text; Esc leads to the
 * question's commands.  The editing keys are readline's. */
static const struct ui_key field_keys[] = {
	UI_FKEY(KEY_LEFT, UI_DO_LEFT, "\u2190\u2192", "move"),
	UI_FKEY(KEY_RIGHT, UI_DO_RIGHT, NULL, NULL),
	UI_KEY(UI_CTRL('b'), UI_DO_LEFT, NULL, NULL),
	UI_KEY(UI_CTRL('f'), UI_DO_RIGHT, NULL, NULL),
	UI_FKEY(KEY_HOME, UI_DO_HOME, NULL, NULL),
	UI_KEY(UI_CTRL('a'), UI_DO_HOME, NULL, NULL),
	UI_FKEY(KEY_END, UI_DO_END, NULL, NULL),
	UI_KEY(UI_CTRL('e'), UI_DO_END, NULL, NULL),
	UI_KEY(127, UI_DO_BACKSPACE, NULL, NULL),
	UI_FKEY(KEY_DC, UI_DO_DELETE, NULL, NULL),
	UI_KEY(UI_CTRL('d'), UI_DO_DELETE, NULL, NULL),
	UI_KEY(UI_CTRL('u'), UI_DO_KILL, "^U ^K ^W", "delete"),
	UI_KEY(UI_CTRL('k'), UI_DO_KILL_END, NULL, NULL),
	UI_KEY(UI_CTRL('w'), UI_DO_RUBOUT, NULL, NULL),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "answer"),
	UI_KEY(27, UI_DO_COMMAND, NULL, NULL),
	UI_KEYS(' ', 0x10FFFF, UI_DO_INSERT, NULL, NULL),
	UI_KEYS_END
};

/* After Esc: the question's commands hold, Esc goes back, and b and f
 * move by words (Alt-B and Alt-F, which send Esc and the letter). */
static const struct ui_key field_command_keys[] = {
	UI_KEY(27, UI_DO_CANCEL, "Esc", "back to typing"),
	UI_KEY('b', UI_DO_WORD_LEFT, NULL, NULL),
	UI_KEY('f', UI_DO_WORD_RIGHT, NULL, NULL),
	UI_KEYS_END
};

/* ---- order ----------------------------------------------------------- */

static void build_order(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	char b[64];
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, a->held ? "Move it with the arrows; Space drops it." :
	             "The first at the top: mark an item, Space grabs it.", UI_LOOK_DIM, false);
	for (size_t i = 0; i < it->nshown; i++) {
		bool on = a->cur == i;
		snprintf(b, sizeof b, "%s %s %*zu. ", pointer(on), on && a->held ? ui_draw_glyph(UI_GLYPH_HELD) : " ",
		         num_width(it->nshown), i + 1);
		ui_draw_wrap(r, width, 0, b, on ? UI_LOOK_ACCENT : UI_LOOK_PLAIN, it->q->choices[it->shown[a->order[i]]],
		             on ? UI_LOOK_SELECT : UI_LOOK_PLAIN, on);
	}
}

static bool key_order(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                      int key, struct response *r)
{
	size_t n = it->nshown;
	size_t typed = take_typed(a, act);
	if (a->held && (act == UI_DO_UP || act == UI_DO_DOWN)) {
		size_t to = act == UI_DO_UP ? a->cur - (a->cur > 0) : a->cur + (a->cur + 1 < n);
		size_t t = a->order[to];
		a->order[to] = a->order[a->cur];
		a->order[a->cur] = t;
		a->cur = to;
		return false;
	}
	if (ui_keys_move(&a->cur, n, act, 5))
		return false;
	switch (act) {
	case UI_DO_NUMBER: {
		size_t i;
		a->held = false;
		if (typed_option(ui, a, n, key, "item", &a->cur, &i))
			a->cur = i;
		return false;
	}
	case UI_DO_SPACE:
		a->held = !a->held;
		return false;
	case UI_DO_ENTER:
		if (typed)
			return false;  /* ends the number typed: the item stays marked */
		for (size_t i = 0; i < n; i++)
			a->scratch[i] = it->shown[a->order[i]];
		r->order = a->scratch;
		return true;
	default:
		return false;
	}
}

static bool order_words(const struct ui_ask *a, const struct item *it, struct ui_foot *f)
{
	(void)it;
	if (f->act == UI_DO_SPACE && a->held)
		snprintf(f->does, sizeof f->does, "drop");
	return true;
}

static const struct ui_key order_keys[] = {
	UI_KEYS('0', '9', UI_DO_NUMBER, NULL, NULL),
	UI_KEYS_USE(ui_keys_list),
	UI_KEY(' ', UI_DO_SPACE, "Space", "grab"),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "answer"),
	UI_KEYS_END
};

/* ---- match ----------------------------------------------------------- */

static bool all_paired(const struct ui_ask *a, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (a->pair[i] == UI_INPUT_NO_PAIR)
			return false;
	return true;
}

/* The left column, each item with its partner so far. */
static void build_match_left(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	const struct question *q = it->q;
	char b[64];
	for (size_t i = 0; i < it->nshown; i++) {
		bool on = a->cur == i;
		struct text_buf tb = {0};
		text_buf_printf(&tb, "%s  %s ", q->choices[i], ui_draw_glyph(UI_GLYPH_ARROW));
		if (a->pair[i] == UI_INPUT_NO_PAIR)
			text_buf_puts(&tb, "?");
		else
			text_buf_printf(&tb, "%c. %s", ui_pick_label(a->pair[i]), q->rights[it->shown[a->pair[i]]]);
		snprintf(b, sizeof b, "%s %*zu. ", pointer(on), num_width(it->nshown), i + 1);
		ui_draw_wrap(r, width, 0, b, on ? UI_LOOK_ACCENT : UI_LOOK_PLAIN, tb.s ? tb.s : "",
		             on && !a->right ? UI_LOOK_SELECT : (on ? UI_LOOK_BOLD : UI_LOOK_PLAIN), on && !a->right);
		text_buf_free(&tb);
	}
}

/* The right column, each partner with the item it is paired with. */
static void build_match_right(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	size_t n = it->nshown;
	char b[64];
	for (size_t j = 0; j < n; j++) {
		bool on = a->right && a->rcur == j;
		size_t with = UI_INPUT_NO_PAIR;
		for (size_t i = 0; i < n; i++)
			if (a->pair[i] == j)
				with = i;
		snprintf(b, sizeof b, "%s %c. ", pointer(on), ui_pick_label(j));
		struct text_buf tb = {0};
		text_buf_puts(&tb, it->q->rights[it->shown[j]]);
		if (with != UI_INPUT_NO_PAIR)
			text_buf_printf(&tb, "  (with %zu)", with + 1);
		ui_draw_wrap(r, width, 0, b, on ? UI_LOOK_ACCENT : UI_LOOK_PLAIN, tb.s ? tb.s : "",
		             on ? UI_LOOK_SELECT : (with != UI_INPUT_NO_PAIR ? UI_LOOK_DIM : UI_LOOK_PLAIN), on);
		text_buf_free(&tb);
	}
}

static void build_match(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	char b[128];
	if (a->right)
		snprintf(b, sizeof b, "The partner of item %zu: its letter, or the arrows and Enter.", a->cur + 1);
	else
		snprintf(b, sizeof b, "Pick an item (number or arrows), then its partner (letter).");
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
	build_match_left(a, it, r, width);
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, "Partners:", UI_LOOK_DIM, false);
	build_match_right(a, it, r, width);
}

/* Pairs the focused left item with right item j, then moves on to the
 * next item without a partner. */
static void pair_with(struct ui_ask *a, size_t n, size_t j)
{
	for (size_t i = 0; i < n; i++)
		if (a->pair[i] == j)
			a->pair[i] = UI_INPUT_NO_PAIR;
	a->pair[a->cur] = j;
	a->right = false;
	for (size_t step = 1; step < n; step++) {
		size_t i = (a->cur + step) % n;
		if (a->pair[i] == UI_INPUT_NO_PAIR) {
			a->cur = i;
			break;
		}
	}
}

/* Moves the focus to the right column, on the current partner or the
 * first right item still free. */
static void go_right(struct ui_ask *a, size_t n)
{
	a->right = true;
	if (a->pair[a->cur] != UI_INPUT_NO_PAIR) {
		a->rcur = a->pair[a->cur];
		return;
	}
	for (size_t j = 0; j < n; j++) {
		bool used = false;
		for (size_t i = 0; i < n; i++)
			used = used || a->pair[i] == j;
		if (!used) {
			a->rcur = j;
			return;
		}
	}
}

static bool key_match(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                      int key, struct response *r)
{
	size_t n = it->nshown;
	size_t typed = take_typed(a, act);
	if (ui_keys_move(a->right ? &a->rcur : &a->cur, n, act, 5))
		return false;
	switch (act) {
	case UI_DO_LEFT: a->right = false; return false;
	case UI_DO_RIGHT: go_right(a, n); return false;
	case UI_DO_NUMBER: {
		size_t i;
		a->right = false;
		if (typed_option(ui, a, n, key, "item", &a->cur, &i)) {
			a->cur = i;
			go_right(a, n);
		}
		return false;
	}
	case UI_DO_LETTER: {
		size_t j = ui_pick_partner(key, n);
		if (j == SIZE_MAX) {
			ui_screen_say(ui, "There are %zu partners, %c to %c.", n, ui_pick_label(0), ui_pick_label(n - 1));
			return false;
		}
		pair_with(a, n, j);
		return false;
	}
	case UI_DO_SPACE: case UI_DO_ENTER:
		if (typed) {
			go_right(a, n);  /* ends the item's number typed: now its partner */
		} else if (a->right) {
			pair_with(a, n, a->rcur);
		} else if (act == UI_DO_ENTER && all_paired(a, n)) {
			for (size_t i = 0; i < n; i++)
				a->scratch[i] = it->shown[a->pair[i]];
			r->match = a->scratch;
			return true;
		} else {
			go_right(a, n);
		}
		return false;
	default:
		return false;
	}
}

static bool match_words(const struct ui_ask *a, const struct item *it, struct ui_foot *f)
{
	if (f->act == UI_DO_ENTER && (a->right || !all_paired(a, it->nshown)))
		snprintf(f->does, sizeof f->does, "pair");
	return range_words(a, it, f);
}

/* The partners' letters skip the commands, which come first (ui_pick). */
static const struct ui_key match_keys[] = {
	UI_KEYS('0', '9', UI_DO_NUMBER, "1-9", "item"),
	UI_KEYS('a', 'z', UI_DO_LETTER, "a-z", "partner"),
	UI_KEYS('A', 'Z', UI_DO_LETTER, NULL, NULL),
	UI_KEYS_USE(ui_keys_list),
	UI_FKEY(KEY_LEFT, UI_DO_LEFT, "\u2190\u2192", "column"),
	UI_FKEY(KEY_RIGHT, UI_DO_RIGHT, NULL, NULL),
	UI_KEY('\t', UI_DO_RIGHT, NULL, NULL),
	UI_FKEY(KEY_BTAB, UI_DO_LEFT, NULL, NULL),
	UI_KEY(' ', UI_DO_SPACE, NULL, NULL),
	UI_KEY('\r', UI_DO_ENTER, "Enter", "answer"),
	UI_KEYS_END
};

/* ---- card ------------------------------------------------------------ */

static void build_card(const struct ui_ask *a, const struct item *it, struct ui_rows *r, size_t width)
{
	if (!a->flipped) {
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, "Recall the back, then press Space to flip the card.",
		             UI_LOOK_DIM, false);
		return;
	}
	struct ui_row *row = ui_draw_row(r, 0, false);
	char rule[256] = "";
	for (size_t i = 0; i < (width < 40 ? width : 40) && strlen(rule) + 4 < sizeof rule; i++)
		strcat(rule, ui_draw_glyph(UI_GLYPH_RULE));
	ui_draw_span(r, row, 0, UI_LOOK_DIM, rule, strlen(rule));
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->back, UI_LOOK_BOLD, false);
	ui_draw_blank(r);
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, verdict_rating_prompt(),
	             UI_LOOK_DIM, false);
}

static bool key_card(struct ui *ui, struct ui_ask *a, const struct item *it, enum ui_action act,
                     int key, struct response *r)
{
	(void)ui, (void)it;
	if (ui_keys_scroll_by(&a->scroll, act))
		return false;
	if (act == UI_DO_SPACE) {
		a->flipped = true;
	} else if (act == UI_DO_RATE) {
		r->rating = (enum rating)(key - '0');
		return true;
	}
	return false;
}

static bool flipped(const struct ui_ask *a)
{
	return a->flipped;
}

static const struct ui_key card_front_keys[] = {
	UI_KEY(' ', UI_DO_SPACE, "Space", "flip"),
	UI_KEY('\r', UI_DO_SPACE, NULL, NULL),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_END
};

static const struct ui_key card_back_keys[] = {
	UI_KEY('1', UI_DO_RATE, "1", "again"),
	UI_KEY('2', UI_DO_RATE, "2", "hard"),
	UI_KEY('3', UI_DO_RATE, "3", "good"),
	UI_KEY('4', UI_DO_RATE, "4", "easy"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_END
};

/* ---- the table ------------------------------------------------------- */

static const char field_help[] =
	"Type the answer and press Enter. Numbers may be digits (26, 1,000, 2.5) or words "
	"(twenty-six), with their unit. Case, accents and a small typo are forgiven. "
	"Editing as in a shell: Ctrl-A or Home to the start, Ctrl-E or End to the end, "
	"Ctrl-B and Ctrl-F a character, Alt-B and Alt-F a word; Ctrl-U deletes to the start, "
	"Ctrl-K to the end, Ctrl-W the word before the cursor. "
	"While typing, letters are text: press Esc first for a command (Esc h hint, "
	"Esc s skip, Esc ? help, Esc q quit); Alt with the letter does the same.";

/* How numbers past 9 are typed (ui_pick). */
#define NUMBER_HELP "With more than 9, type the number digit by digit: 1 then 2 is 12, " \
	"1 then Enter is 1."

static const struct ui_input inputs[Q_NTYPES] = {
	[Q_CHOICE] = {
		.build = build_choice, .key = key_choice, .keys = choice_keys, .words = range_words,
		.help = "Press an option's number to answer at once, or mark one with the arrows and "
		        "press Enter. " NUMBER_HELP,
	},
	[Q_MULTI] = {
		.build = build_multi, .key = key_multi, .keys = multi_keys, .words = range_words,
		.help = "Pick every right option: its number, or Space on the marked one, turns it on "
		        "or off. Enter answers. A wrong pick costs as much as a right one earns. " NUMBER_HELP,
	},
	[Q_TRUEFALSE] = {
		.build = build_truefalse, .key = key_truefalse, .keys = truefalse_keys,
		.help = "Press t for true or f for false, or mark one and press Enter.",
	},
	[Q_NUMBER] = {
		.build = build_number, .key = key_number, .keys = field_keys,
		.keys_alt = field_command_keys, .alt = after_esc, .typing = true, .help = field_help,
	},
	[Q_TEXT] = {
		.build = build_text, .key = key_text, .keys = field_keys,
		.keys_alt = field_command_keys, .alt = after_esc, .typing = true, .help = field_help,
	},
	[Q_ORDER] = {
		.build = build_order, .key = key_order, .keys = order_keys, .words = order_words,
		.help = "Put the items in order, the first at the top: mark one (arrows or its number), "
		        "Space grabs it, the arrows move it, Space drops it. Enter answers; each pair of "
		        "items in the right order earns its share. " NUMBER_HELP,
	},
	[Q_MATCH] = {
		.build = build_match, .key = key_match, .keys = match_keys, .words = match_words,
		.help = "Pair each numbered item with its partner: press the item's number (or mark it), "
		        "then the partner's letter (or the arrows and Enter in the right column). Tab or "
		        "the left and right arrows switch columns. Enter answers once all are paired. "
		        "The letters skip h, s and q, which are commands. " NUMBER_HELP,
	},
	[Q_CARD] = {
		.build = build_card, .key = key_card, .keys = card_front_keys,
		.keys_alt = card_back_keys, .alt = flipped, .rated = true,
		.help = "Recall the back of the card, press Space to flip it, then rate yourself: "
		        "1 again (counts as wrong), 2 hard (half right), 3 good, 4 easy.",
	},
};

const struct ui_input *ui_input_for(enum qtype t)
{
	return &inputs[(unsigned)t < Q_NTYPES ? t : Q_CHOICE];
}

void ui_input_reset(struct ui_ask *a)
{
	struct layout_field f = a->field;
	layout_field_clear(&f);
	memset(a, 0, sizeof *a);
	a->field = f;
	for (size_t i = 0; i < DECK_MAX_CHOICES; i++) {
		a->order[i] = i;
		a->pair[i] = UI_INPUT_NO_PAIR;
	}
}
