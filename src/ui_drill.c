/* ui_drill — what the screens of a drill share; see ui_drill.h. */
#include "ui_drill.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "score.h"
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

/* How a rank moved: "▲2", "▼1", "·" (held), "" (no rank before), in the
 * look to show it in. */
static const char *moved(const struct drill_entry *e, char *buf, size_t size, enum ui_look *look)
{
	*look = UI_LOOK_DIM;
	if (!e->prev_rank) {
		snprintf(buf, size, "%s", "");
	} else if (e->change > 0) {
		snprintf(buf, size, "%s%d", ui_draw_glyph(UI_GLYPH_RISE), e->change);
		*look = UI_LOOK_RIGHT;
	} else if (e->change < 0) {
		snprintf(buf, size, "%s%d", ui_draw_glyph(UI_GLYPH_FALL), -e->change);
		*look = UI_LOOK_WRONG;
	} else {
		snprintf(buf, size, "%s", ui_draw_glyph(UI_GLYPH_DOT));
	}
	return buf;
}

/* s (w_s columns wide) with spaces to w columns, before it (right) or
 * after it, into buf; cut short when buf is too small. */
static char *pad(const char *s, size_t w_s, size_t w, bool right, char *buf, size_t size)
{
	size_t n = w > w_s ? w - w_s : 0, len = strlen(s), at = 0;
	if (size == 0)
		return buf;
	if (!right)
		for (size_t i = 0; i < len && at + 1 < size; i++)
			buf[at++] = s[i];
	for (size_t i = 0; i < n && at + 1 < size; i++)
		buf[at++] = ' ';
	if (right)
		for (size_t i = 0; i < len && at + 1 < size; i++)
			buf[at++] = s[i];
	buf[at] = '\0';
	return buf;
}

/* The widths of the columns of a ranking. */
struct columns {
	size_t rank, move, name, score, extra;
};

static void measure(const struct drill_entry *e, size_t n, bool moves, const char *const *extra,
                    struct columns *c)
{
	char b[256];
	enum ui_look look;
	memset(c, 0, sizeof *c);
	for (size_t i = 0; i < n; i++) {
		size_t w;
		snprintf(b, sizeof b, "%u.", e[i].rank);
		c->rank = (w = ui_draw_width(b)) > c->rank ? w : c->rank;
		if (moves)
			c->move = (w = ui_draw_width(moved(&e[i], b, sizeof b, &look))) > c->move ? w : c->move;
		text_escape_into(e[i].name, false, b, sizeof b);
		c->name = (w = ui_draw_width(b)) > c->name ? w : c->name;
		score_format_points(e[i].score, b, sizeof b);
		c->score = (w = ui_draw_width(b)) > c->score ? w : c->score;
		if (extra)
			c->extra = (w = ui_draw_width(extra[i])) > c->extra ? w : c->extra;
	}
}

void ui_drill_ranking(struct ui_rows *r, size_t width, const struct drill_entry *e, size_t n, bool moves,
                      const char *const *extra, const char *mine)
{
	struct columns c;
	double top = 0;
	char b[256], d[256];
	enum ui_look look;
	measure(e, n, moves, extra, &c);
	for (size_t i = 0; i < n; i++)
		top = e[i].score > top ? e[i].score : top;
	if (c.name > width / 4)
		c.name = width / 4 > 3 ? width / 4 : 3;
	/* The mark, the rank, the move, the name, two spaces, the bar, the
	 * score and the extra column after two spaces each. */
	size_t fixed = 1 + c.rank + (c.move ? c.move + 1 : 0) + 1 + c.name + 2 + 2 + c.score +
	               (c.extra ? 2 + c.extra : 0);
	size_t barw = width > fixed + 3 ? width - fixed : 3;
	if (barw > 40)
		barw = 40;
	for (size_t i = 0; i < n; i++) {
		bool me = mine && e[i].name && strcmp(e[i].name, mine) == 0;
		struct ui_row *row = ui_draw_row(r, 0, false);
		char bar[1024], cut[200], sc[32];
		size_t split;
		snprintf(d, sizeof d, "%u.", e[i].rank);
		pad(d, ui_draw_width(d), c.rank, true, cut, sizeof cut);
		snprintf(b, sizeof b, "%s%s", me ? ui_draw_glyph(UI_GLYPH_POINTER) : " ", cut);
		ui_draw_span(r, row, 0, me ? UI_LOOK_ACCENT : e[i].rank <= 3 ? UI_LOOK_BOLD : UI_LOOK_PLAIN, b, strlen(b));
		if (c.move) {
			moved(&e[i], b + 1, sizeof b - 1, &look);
			b[0] = ' ';
			pad(b, ui_draw_width(b), c.move + 1, false, d, sizeof d);
			ui_draw_span(r, row, 1, look, d, strlen(d));
		}
		text_escape_into(e[i].name, false, d, sizeof d);
		size_t w = layout_truncate(d, c.name, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
		b[0] = ' ';
		pad(cut, w, c.name + 2, false, b + 1, sizeof b - 1);
		ui_draw_span(r, row, 2, me ? UI_LOOK_ACCENT : UI_LOOK_BOLD, b, strlen(b));
		layout_bar(top > 0 ? e[i].score / top : 0, barw, ui_draw_unicode(), bar, sizeof bar, &split);
		ui_draw_span(r, row, 3, UI_LOOK_BAR, bar, split);
		ui_draw_span(r, row, 4, UI_LOOK_BAR_EMPTY, bar + split, strlen(bar + split));
		score_format_points(e[i].score, sc, sizeof sc);
		snprintf(b, sizeof b, "  ");
		pad(sc, ui_draw_width(sc), c.score, true, b + 2, sizeof b - 2);
		if (c.extra) {
			size_t at = strlen(b);
			snprintf(b + at, sizeof b - at, "  ");
			pad(extra[i], ui_draw_width(extra[i]), c.extra, true, b + at + 2, sizeof b - at - 2);
		}
		ui_draw_span(r, row, 5, UI_LOOK_PLAIN, b, strlen(b));
	}
}

/* Draws s centred in the cw columns from x, at row y. */
static void centre_at(size_t y, size_t x, size_t cw, enum ui_look look, const char *s)
{
	char cut[256];
	size_t w = layout_truncate(s, cw, ui_draw_glyph(UI_GLYPH_ELLIPSIS), cut, sizeof cut);
	ui_draw_put_at(y, x + (cw - w) / 2, look, cut, cw);
}

void ui_drill_podium(const struct drill_entry *e, size_t n, size_t below, size_t *at,
                     size_t *height, size_t width)
{
	if (*height < UI_DRILL_PODIUM_ROWS + 1 + below || width < 24)
		return;
	size_t top = *at;
	*at += UI_DRILL_PODIUM_ROWS + 1;
	*height -= UI_DRILL_PODIUM_ROWS + 1;
	static const size_t place_of_column[3] = { 1, 0, 2 };
	size_t cw = (width - 2) / 3 < 15 ? (width - 2) / 3 : 15;
	if (cw % 2 == 0)
		cw--;  /* odd, so that the place's number sits in the middle */
	size_t x0 = 1 + (width - (3 * cw + 2)) / 2;
	const char *full = ui_draw_unicode() ? "\u2588" : "#";
	for (size_t c = 0; c < 3; c++) {
		size_t k = place_of_column[c];
		if (k >= n)
			continue;
		const struct drill_entry *p = &e[k];
		size_t h = p->rank < 3 ? 4 - p->rank : 1, x = x0 + c * (cw + 1);  /* a shared rank, the same height */
		size_t y = top + UI_DRILL_PODIUM_ROWS - h;
		char who[160], pts[32], num[16];
		centre_at(y - 2, x, cw, UI_LOOK_BOLD, text_escape_into(p->name, false, who, sizeof who));
		score_format_points(p->score, pts, sizeof pts);
		centre_at(y - 1, x, cw, UI_LOOK_PLAIN, pts);
		snprintf(num, sizeof num, " %u ", p->rank);
		size_t nw = strlen(num), lead = cw > nw ? (cw - nw) / 2 : 0;
		for (size_t row = 0; row < h; row++) {
			move(ui_draw_int(y + row), ui_draw_int(x));
			attrset(ui_draw_attr(UI_LOOK_BAR));
			for (size_t i = 0; i < cw; i++) {
				if (row == 0 && i >= lead && i - lead < nw) {
					attrset(ui_draw_attr(UI_LOOK_BOLD));
					addch((chtype)(unsigned char)num[i - lead]);
					attrset(ui_draw_attr(UI_LOOK_BAR));
				} else {
					ui_draw_put(full, strlen(full), 1);
				}
			}
			attrset(A_NORMAL);
		}
	}
}
