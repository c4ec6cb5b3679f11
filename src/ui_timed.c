/* ui_timed — a question asked against a clock; see ui_timed.h. */
#include "ui_timed.h"

#include <curses.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "layout.h"
#include "qtype.h"
#include "score.h"
#include "ui_draw.h"
#include "ui_screen.h"

void ui_timed_open(struct ui_timed *t, const struct item *it, double total, const char *clock_help)
{
	ui_input_reset(&t->ask);
	t->total = total;
	t->clock = (struct ui_timed_clock){ 0 };
	snprintf(t->help, sizeof t->help, "%s %s", it ? ui_input_for(it->q->type)->help : "",
	         clock_help ? clock_help : "");
}

void ui_timed_close(struct ui_timed *t)
{
	layout_field_free(&t->ask.field);
}

/* Whole seconds left, as shown: 0.2 s left shows as 1. */
static long shown_seconds(double left)
{
	return left > 0 ? (long)ceil(left) : 0;
}

void ui_timed_countdown(size_t y, size_t x, size_t width, double left, double total,
                        const char *note, struct ui_timed_clock *c)
{
	char secs[96], bar[2048];
	size_t split;
	long s = shown_seconds(left);
	int digits = snprintf(NULL, 0, "%ld", shown_seconds(total));
	snprintf(secs, sizeof secs, "%s %*ld s %s%s", ui_draw_glyph(UI_GLYPH_CLOCK), digits, s,
	         note ? note : "", note ? " " : "");
	bool low = left <= fmin(total / 4, 5.0);
	size_t end = x + width, at = x + ui_draw_put_at(y, x, low ? UI_LOOK_WARN : UI_LOOK_BOLD, secs, width);
	size_t bw = end > at ? end - at : 0;
	double frac = total > 0 ? left / total : 0;
	layout_bar(frac, bw, ui_draw_unicode(), bar, sizeof bar, &split);
	move(ui_draw_int(y), ui_draw_int(at));
	attrset(ui_draw_attr(low ? UI_LOOK_WARN : UI_LOOK_BAR));
	ui_draw_put(bar, split, bw);
	attrset(ui_draw_attr(UI_LOOK_BAR_EMPTY));
	ui_draw_put(bar + split, strlen(bar + split), bw);
	attrset(A_NORMAL);
	c->secs = s + 1;
	c->bar_width = bw;
	c->cells = layout_bar_cells(frac, bw);
}

bool ui_timed_countdown_changed(const struct ui_timed_clock *c, double left, double total)
{
	return c->secs != shown_seconds(left) + 1 ||
	       layout_bar_cells(total > 0 ? left / total : 0, c->bar_width) != c->cells;
}

void ui_timed_clock(struct ui_timed *t, double left, const char *note, size_t *top,
                    size_t *height)
{
	if (t->total <= 0 || *height <= 1)
		return;
	ui_timed_countdown(*top, 1, ui_draw_cols() - 2, left, t->total, note, &t->clock);
	size_t skip = *height >= 12 ? 2 : 1;  /* a blank row under it where there is room */
	*top += skip;
	*height -= skip;
}

/* The rows of the question: its type and points, the prompt and the
 * answer in hand; compact: without the type and the blank rows, for a low
 * window. */
void ui_timed_head(struct ui_rows *r, const struct item *it, size_t width, bool compact)
{
	char b[512], pts[32];
	if (!compact) {
		score_format_points(it->q->points, pts, sizeof pts);
		snprintf(b, sizeof b, "%s %s %s points", qtype_get(it->q->type)->label,
		         ui_draw_glyph(UI_GLYPH_DOT), pts);
		ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, b, UI_LOOK_DIM, false);
		ui_draw_blank(r);
	}
	ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, it->q->prompt, UI_LOOK_BOLD, false);
	if (!compact)
		ui_draw_blank(r);
}

static void build_question(const struct ui_timed *t, const struct item *it, struct ui_rows *r,
                           size_t width, bool compact)
{
	ui_timed_head(r, it, width, compact);
	ui_input_for(it->q->type)->build(&t->ask, it, r, width);
}

void ui_timed_draw(struct ui *ui, struct ui_timed *t, const struct item *it, double left,
                   const char *note, const struct ui_area *area)
{
	struct ui_rows *r = &ui->rows;
	size_t width = area->width, top = area->top, height = area->height;
	ui_timed_clock(t, left, note, &top, &height);
	build_question(t, it, r, width, false);
	if (r->n > height) {  /* the whole question rather than the blank rows */
		ui_draw_rows_clear(r);
		build_question(t, it, r, width, true);
	}
	ui_draw_body(r, top, height, &t->ask.scroll);
}

bool ui_timed_changed(const struct ui_timed *t, double left)
{
	return ui_timed_countdown_changed(&t->clock, left, t->total);
}

enum ui_timed_do ui_timed_key(struct ui *ui, struct ui_timed *t, const struct item *it,
                              enum ui_action act, int key, struct response *r)
{
	bool after_esc = t->ask.command;
	t->ask.command = false;
	switch (act) {
	case UI_DO_SKIP: return UI_TIMED_SKIP;
	case UI_DO_QUIT: return UI_TIMED_QUIT;
	case UI_DO_HELP: return UI_TIMED_HELP;
	case UI_DO_COMMAND: t->ask.command = true; return UI_TIMED_DONE;
	default: break;
	}
	if (after_esc && act != UI_DO_WORD_LEFT && act != UI_DO_WORD_RIGHT)
		return UI_TIMED_DONE;  /* a key that is no command (nor Alt-B, Alt-F) just leaves the command */
	memset(r, 0, sizeof *r);
	return ui_input_for(it->q->type)->key(ui, &t->ask, it, act, key, r) ? UI_TIMED_ANSWER
	                                                                     : UI_TIMED_DONE;
}

void ui_timed_keys(const struct ui_timed *t, const struct item *it, const struct ui_key *commands,
                   struct ui_keyset *ks)
{
	const struct ui_input *in = ui_input_for(it->q->type);
	bool alt = in->alt && in->alt(&t->ask);
	ui_keys_add(ks, commands, in->typing && !alt ? "Esc " : NULL);
	ui_keys_add(ks, alt ? in->keys_alt : in->keys, NULL);
}

bool ui_timed_describe(const struct ui_timed *t, const struct item *it, const struct ui_key *row,
                       struct ui_foot *f)
{
	const struct ui_input *in = ui_input_for(it->q->type);
	(void)row;
	return in->words ? in->words(&t->ask, it, f) : true;
}
