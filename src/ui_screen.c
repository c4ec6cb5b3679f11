/* ui_screen — the stack of screens and what it offers them; see
 * ui_screen.h.  The dispatcher (ui_curses) drives it: the loop, drawing,
 * keys. */
#include "ui_screen.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "drill.h"
#include "study.h"


/* Closes and frees the screen on top, whatever is under it. */
static void drop_top(struct ui *ui)
{
	struct ui_frame *fr = &ui->stack[--ui->depth];
	if (fr->screen->close)
		fr->screen->close(ui, fr->state);
	free(fr->state);
	memset(fr, 0, sizeof *fr);
}

int ui_screen_push(struct ui *ui, const struct ui_screen *s, const void *arg)
{
	if (ui->depth == UI_STACK_MAX) {
		ui_screen_fail(ui, "too many screens open");
		return -1;
	}
	void *state = calloc(1, s->state_size ? s->state_size : 1);
	if (!state) {
		ui_screen_fail(ui, "out of memory");
		return -1;
	}
	ui->stack[ui->depth].screen = s;
	ui->stack[ui->depth].state = state;
	ui->depth++;
	if (s->open && s->open(ui, state, arg) != 0) {
		drop_top(ui);
		ui_screen_fail(ui, "out of memory");
		return -1;
	}
	return 0;
}

void ui_screen_pop(struct ui *ui)
{
	if (ui->depth > 1)
		drop_top(ui);
}

int ui_screen_replace(struct ui *ui, const struct ui_screen *s, const void *arg)
{
	if (ui->depth > 0)
		drop_top(ui);
	return ui_screen_push(ui, s, arg);
}

void ui_screen_close_all(struct ui *ui)
{
	while (ui->depth > 0)
		drop_top(ui);
}

const struct ui_frame *ui_screen_top(const struct ui *ui)
{
	return &ui->stack[ui->depth - 1];
}

const struct ui_frame *ui_screen_under(const struct ui *ui, const void *state)
{
	for (size_t i = 1; i < ui->depth; i++)
		if (ui->stack[i].state == state)
			return &ui->stack[i - 1];
	return NULL;
}

void ui_screen_keys(const struct ui *ui, const struct ui_frame *fr, struct ui_keyset *ks)
{
	ks->n = 0;
	if (fr->screen->keys_now)
		fr->screen->keys_now(ui, fr->state, ks);
	else if (fr->screen->keys)
		ui_keys_add(ks, fr->screen->keys, NULL);
}

size_t ui_screen_footer(const struct ui *ui, const struct ui_frame *fr, struct ui_foot *v, size_t cap)
{
	struct ui_keyset ks;
	ui_screen_keys(ui, fr, &ks);
	return ui_keys_footer(&ks, fr->screen->describe, ui, fr->state, v, cap);
}

void ui_screen_say(struct ui *ui, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(ui->msg, sizeof ui->msg, fmt, ap);
	va_end(ap);
}

void ui_screen_fail(struct ui *ui, const char *what)
{
	snprintf(ui->error, sizeof ui->error, "recall: %s", what);
	ui->status = 1;
	ui->done = true;
}

struct session *ui_screen_quiz(const struct ui *ui)
{
	return ui->sp ? *ui->sp : NULL;
}

const struct item *ui_screen_item(const struct ui *ui)
{
	if (ui->drill)
		return drill_current(ui->drill);
	if (ui->study)
		return study_current(ui->study);
	return ui_screen_quiz(ui) ? session_current(ui_screen_quiz(ui)) : NULL;
}
