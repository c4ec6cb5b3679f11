/* ui_pick — naming an option by keys; see ui_pick.h. */
#include "ui_pick.h"

#include <stdint.h>
#include <stdio.h>

const struct ui_key ui_pick_commands[] = {
	UI_KEY('h', UI_DO_HINT, "h", "hint"),
	UI_KEY('s', UI_DO_SKIP, "s", "skip"),
	UI_KEY('u', UI_DO_UNDO, "u", "undo"),  /* study only: the quiz's screens do not list it */
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

enum ui_pick ui_pick_digit(size_t *typed, size_t n, int key, size_t *i)
{
	size_t v = *typed * 10 + (size_t)(key - '0');
	*typed = 0;
	if (v == 0 || v > n)
		return UI_PICK_NONE;
	*i = v - 1;
	if (v * 10 > n)
		return UI_PICK_WHOLE;  /* no longer number starts with it */
	*typed = v;
	return UI_PICK_WAIT;
}

/* Whether letter c is a command of the question screen. */
static bool is_command(int c)
{
	struct ui_keyset ks = {0};
	ui_keys_add(&ks, ui_pick_commands, NULL);
	return ui_keys_find(&ks, c, false) != NULL;
}

char ui_pick_label(size_t j)
{
	static const char letters[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
	for (const char *c = letters; *c; c++)
		if (!is_command(*c) && j-- == 0)
			return *c;
	return '?';
}

size_t ui_pick_partner(int key, size_t n)
{
	for (size_t j = 0; j < n; j++)
		if (ui_pick_label(j) == key)
			return j;
	return SIZE_MAX;
}

bool ui_pick_range(struct ui_foot *f, size_t n)
{
	if (n == 0)
		return false;
	if (f->act == UI_DO_NUMBER && n == 1)
		snprintf(f->key, sizeof f->key, "1");
	else if (f->act == UI_DO_NUMBER)
		snprintf(f->key, sizeof f->key, "1-%zu", n);
	else if (n == 1)
		snprintf(f->key, sizeof f->key, "%c", ui_pick_label(0));
	else
		snprintf(f->key, sizeof f->key, "%c-%c", ui_pick_label(0), ui_pick_label(n - 1));
	return true;
}
