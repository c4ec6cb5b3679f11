/* ui_scr_live_podium — the end of a live drill, on the projector: the
 * first three on the podium (drawn as the drill's podium is), then the
 * whole class by rank with score, grade and answers right. */
#include <stdio.h>
#include <stdlib.h>

#include "ui_drill.h"
#include "ui_live_host.h"
#include "ui_screens.h"
#include "verdict.h"

/* The screen's state. */
struct podium {
	size_t scroll;   /* first body row shown */
};

/* Each student's grade and answers right: "66.7% · 2 right". */
static bool build_ranking(struct ui *ui, const struct drill_entry *e, size_t n, size_t width)
{
	char (*x)[64] = malloc(n * sizeof *x);
	const char **extra = malloc(n * sizeof *extra);
	if (!x || !extra) {
		free(x);
		free(extra);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		char g[32];
		const struct drill_tally *t = live_host_tally(ui->live_host, e[i].name);
		verdict_format_grade(e[i].grade, g, sizeof g);
		snprintf(x[i], sizeof x[i], "%s %s %u right", g, ui_draw_glyph(UI_GLYPH_DOT),
		         t ? t->right : 0);
		extra[i] = x[i];
	}
	ui_drill_ranking(&ui->rows, width, e, n, false, extra, NULL);
	free(x);
	free(extra);
	return true;
}

static void podium_draw(struct ui *ui, void *state, const struct ui_area *area)
{
	struct podium *st = state;
	const struct live_host *h = ui->live_host;
	size_t asked = live_host_asked(h), count = live_host_count(h);
	char label[96];
	if (asked < count)
		snprintf(label, sizeof label, "Podium %s ended after %zu of %zu questions",
		         ui_draw_glyph(UI_GLYPH_DOT), asked, count);
	else
		snprintf(label, sizeof label, "Podium %s %zu questions", ui_draw_glyph(UI_GLYPH_DOT), count);
	ui_live_header(ui, label, -1.0);
	size_t n, top = area->top, height = area->height;
	const struct drill_entry *e = live_host_board(ui->live_host, &n);
	if (!n) {
		ui_draw_wrap(&ui->rows, area->width, 0, "", UI_LOOK_PLAIN, "Nobody joined.", UI_LOOK_DIM,
		             false);
	} else {
		/* The drawing where it leaves room for the first rows of the ranking. */
		ui_drill_podium(e, n, n < 3 ? n : 3, &top, &height, area->width);
		if (!build_ranking(ui, e, n, area->width))
			ui->rows.oom = true;
	}
	ui_draw_body(&ui->rows, top, height, &st->scroll);
}

static bool podium_key(struct ui *ui, void *state, enum ui_action act, int key)
{
	(void)key;
	struct podium *st = state;
	if (ui_keys_scroll_by(&st->scroll, act))
		return true;
	if (act == UI_DO_ENTER) {
		ui->done = true;
		return true;
	}
	return false;
}

static const struct ui_key podium_keys[] = {
	UI_KEY('\r', UI_DO_ENTER, "Enter", "done"),
	UI_KEYS_USE(ui_keys_scroll),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

const struct ui_screen ui_screen_live_podium = {
	.name = "live podium",
	.state_size = sizeof(struct podium),
	.draw = podium_draw,
	.key = podium_key,
	.keys = podium_keys,
	.help = "The drill is over and every answer recorded: the first three on the podium, then "
	        "the whole class by score (then grade), each with the grade (the share of the "
	        "questions' own points, without speed or streak) and the answers right. Enter or q "
	        "leaves; the final standings stay on the terminal.",
};
