/* ui_scr_confirm — a yes-or-no question in a box over the screen: the
 * question in full, or its short form in a window too low for it; a yes
 * calls back whoever asked. */
#include <curses.h>
#include <stdio.h>

#include "layout.h"
#include "ui_screens.h"

/* The screen's state. */
struct confirm {
	char text[256];                         /* the question in full */
	char brief[128];                        /* its short form */
	void (*yes)(struct ui *ui, void *ctx);  /* what a yes does; or NULL */
	void *ctx;                              /* passed to yes (borrowed) */
};

static int confirm_open(struct ui *ui, void *state, const void *arg)
{
	(void)ui;
	struct confirm *st = state;
	const struct ui_confirm_arg *a = arg;
	snprintf(st->text, sizeof st->text, "%s", a->text);
	snprintf(st->brief, sizeof st->brief, "%s", a->brief);
	st->yes = a->yes;
	st->ctx = a->ctx;
	return 0;
}

static void confirm_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	(void)ui;
	struct confirm *st = state;
	size_t cols = ui_draw_cols(), height = area->height;
	size_t w = cols > 6 ? cols - 6 : cols;
	if (w > 60)
		w = 60;
	const char *text = st->text;
	struct layout_lines l = {0};
	if (layout_wrap(text, w > 4 ? w - 4 : 1, &l) != 0)
		return;
	if (l.n + 4 > height) {
		layout_lines_free(&l);
		text = st->brief;
		if (layout_wrap(text, w > 4 ? w - 4 : 1, &l) != 0)
			return;
	}
	size_t h = l.n + 4 < height ? l.n + 4 : height;
	size_t y0 = area->top + (height - h) / 2, x0 = (cols - w) / 2;
	ui_draw_box(y0, x0, h, w);
	for (size_t i = 0; i < l.n && i + 4 <= h; i++) {
		move(ui_draw_int(y0 + 1 + i), ui_draw_int(x0 + 2));
		attrset(ui_draw_attr(UI_LOOK_BOLD));
		ui_draw_put(text + l.v[i].start, l.v[i].len, w - 4);
	}
	attrset(A_NORMAL);
	if (h >= 4)
		ui_draw_put_at(y0 + h - 2, x0 + 2, UI_LOOK_DIM, "y yes, n no", w - 4);
	layout_lines_free(&l);
}

/* The question stays until answered; it closes before a yes is acted on. */
static bool confirm_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct confirm *st = state;
	if (act != UI_DO_YES && act != UI_DO_NO)
		return true;
	void (*yes)(struct ui *, void *) = st->yes;
	void *ctx = st->ctx;
	ui_screen_pop(ui);
	if (act == UI_DO_YES && yes)
		yes(ui, ctx);
	return true;
}

static const struct ui_key confirm_keys[] = {
	UI_KEY('y', UI_DO_YES, "y", "yes"),
	UI_KEY('Y', UI_DO_YES, NULL, NULL),
	UI_KEY('n', UI_DO_NO, "n", "no"),
	UI_KEY('N', UI_DO_NO, NULL, NULL),
	UI_KEY(27, UI_DO_NO, NULL, NULL),
	UI_KEYS_END
};

const struct ui_screen ui_screen_confirm = {
	.name = "confirm",
	.state_size = sizeof(struct confirm),
	.overlay = true,
	.open = confirm_open,
	.draw = confirm_draw,
	.key = confirm_key,
	.keys = confirm_keys,
};
