/* ui_drill — what the screens of a drill share; see ui_drill.h. */
#include "ui_drill.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#include "text.h"
#include "ui_screens.h"

double ui_drill_clock(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

bool ui_drill_hot_seat(const struct ui *ui)
{
	return drill_nplayers(ui->drill) > 1;
}

void ui_drill_header(const struct ui *ui, const char *title, const char *right, const char *label,
                     double fraction)
{
	const struct item *it = drill_current(ui->drill);
	char t[512];
	if (title)
		snprintf(t, sizeof t, "%s", title);
	else if (it)
		text_escape_into(it->deck->title, false, t, sizeof t);
	else
		snprintf(t, sizeof t, "Drill");
	ui_draw_header(t, right ? right : "", label, fraction);
}

char *ui_drill_position(const struct ui *ui, char *buf, size_t size)
{
	size_t n = drill_count(ui->drill), i = drill_index(ui->drill);
	snprintf(buf, size, "question %zu / %zu", i < n ? i + 1 : n, n);
	return buf;
}

double ui_drill_progress(const struct ui *ui, bool answered)
{
	size_t n = drill_count(ui->drill), i = drill_index(ui->drill) + (answered ? 1 : 0);
	return n ? (double)(i < n ? i : n) / (double)n : 1.0;
}

/* Closes what is over the screen of the drill (overlays, the too-small
 * screen: the dispatcher shows it again while needed). */
static void pop_over(struct ui *ui)
{
	while (ui->depth > 1 && (ui_screen_top(ui)->screen->overlay || ui_screen_top(ui)->screen == &ui_screen_small))
		ui_screen_pop(ui);
}

void ui_drill_turn(struct ui *ui, bool after_timeout)
{
	pop_over(ui);
	if (ui_drill_hot_seat(ui))
		ui_screen_replace(ui, &ui_screen_drill_pass, &after_timeout);
	else
		ui_screen_replace(ui, &ui_screen_drill, NULL);
}

void ui_drill_after_turn(struct ui *ui, bool after_timeout)
{
	switch (drill_phase(ui->drill)) {
	case DRILL_TURN: ui_drill_turn(ui, after_timeout); break;
	case DRILL_REVEAL:
		pop_over(ui);
		ui_screen_replace(ui, &ui_screen_drill_reveal, &after_timeout);
		break;
	case DRILL_OVER: ui_drill_end(ui); break;
	}
}

void ui_drill_next(struct ui *ui)
{
	drill_next(ui->drill);
	if (drill_phase(ui->drill) == DRILL_TURN)
		ui_drill_turn(ui, false);
	else
		ui_drill_end(ui);
}

void ui_drill_end(struct ui *ui)
{
	drill_finish(ui->drill);
	pop_over(ui);
	ui_screen_replace(ui, &ui_screen_drill_podium, NULL);
}

/* The yes of the question whether to end the drill. */
static void quit_yes(struct ui *ui, void *ctx)
{
	(void)ctx;
	ui_drill_end(ui);
}

void ui_drill_ask_quit(struct ui *ui)
{
	char b[256];
	size_t left = drill_count(ui->drill) - drill_index(ui->drill);
	if (drill_phase(ui->drill) == DRILL_REVEAL)
		left--;
	if (left)
		snprintf(b, sizeof b, "End the drill? The %zu question%s not asked yet stay%s unanswered; "
		         "the podium follows.", left, left == 1 ? "" : "s", left == 1 ? "s" : "");
	else
		snprintf(b, sizeof b, "End the drill? The podium follows.");
	struct ui_confirm_arg q = { b, "End the drill?", quit_yes, NULL };
	ui_screen_push(ui, &ui_screen_confirm, &q);
}

void ui_drill_mark(const struct drill_outcome *o, enum ui_glyph *g, enum ui_look *look)
{
	if (!o || !o->answered) {
		*g = UI_GLYPH_DOT;
		*look = UI_LOOK_DIM;
	} else if (o->timed_out) {
		*g = UI_GLYPH_CLOCK;
		*look = UI_LOOK_WRONG;
	} else {
		switch (o->verdict.outcome) {
		case OUT_CORRECT: *g = UI_GLYPH_RIGHT; *look = UI_LOOK_RIGHT; break;
		case OUT_PARTIAL: *g = UI_GLYPH_PARTIAL; *look = UI_LOOK_PARTIAL; break;
		case OUT_WRONG: *g = UI_GLYPH_WRONG; *look = UI_LOOK_WRONG; break;
		default: *g = UI_GLYPH_SKIP; *look = UI_LOOK_BOLD; break;
		}
	}
}

size_t ui_drill_player_of(const struct ui *ui, const char *name)
{
	size_t n = drill_nplayers(ui->drill);
	for (size_t i = 0; i < n; i++)
		if (drill_player(ui->drill, i) == name)
			return i;
	for (size_t i = 0; name && i < n; i++)
		if (strcmp(drill_player(ui->drill, i), name) == 0)
			return i;
	return n;
}

void ui_drill_centred(struct ui_rows *r, size_t width, size_t height, const char *const *lines,
                      const enum ui_look *looks)
{
	size_t n = 0;
	while (lines[n])
		n++;
	for (size_t pad = height > n ? (height - n) / 2 : 0; pad > 0; pad--)
		ui_draw_blank(r);
	for (size_t i = 0; i < n; i++) {
		char e[512];
		size_t w = ui_draw_width(text_escape_into(lines[i], false, e, sizeof e));
		if (w >= width) {
			ui_draw_wrap(r, width, 0, "", UI_LOOK_PLAIN, e, looks[i], false);
			continue;
		}
		struct ui_row *row = ui_draw_row(r, (width - w) / 2, false);
		ui_draw_span(r, row, 0, looks[i], e, strlen(e));
	}
}
