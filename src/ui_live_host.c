/* ui_live_host — the full-screen host of a live drill: the way in, and
 * what its screens share; see ui_live_host.h. */
#include "ui_live_host.h"

#include <stdio.h>
#include <string.h>

#include "stop.h"
#include "text.h"
#include "ui_curses.h"
#include "ui_plain_live.h"
#include "ui_screens.h"

int ui_live_host_run(struct drill *d, struct results *r, bool no_color)
{
	struct live_host *h = live_host_new(d, r, NULL);
	if (!h) {
		fprintf(stderr, "error: out of memory\n");
		return 1;
	}
	struct ui_curses_opts co = { .no_color = no_color };
	int rc = ui_curses_live_host(h, &co);
	if (rc == UI_CURSES_NO_TERMINAL) {
		live_host_free(h);
		return rc;
	}
	/* The terminal is given back, and with it the signals' old actions:
	 * caught again while the drill is ended (a closed terminal sends its
	 * hangup twice), so that ending it is not cut short. */
	stop_catch();
	/* A way out before the podium (a signal, the terminal gone, an error
	 * of the screens') ends the drill too, its open question judged, so
	 * that the class and the results agree; not when the host failed, nor
	 * when it never began. */
	if (!live_host_error(h)[0] && live_host_state(h) != LIVE_HOST_ENDED &&
	    live_host_end(h) == LIVE_HOST_ERROR)
		fprintf(stderr, "error: %s\n", live_host_error(h));
	if (live_host_state(h) == LIVE_HOST_ENDED) {
		ui_plain_live_host_print_end(h, stdout);
		fflush(stdout);
	}
	stop_release();
	if (live_host_error(h)[0] && rc == 0)
		rc = 1;
	live_host_free(h);
	return rc;
}

int ui_live_start(struct ui *ui)
{
	if (live_host_begin(ui->live_host) != LIVE_HOST_OK) {
		ui_screen_fail(ui, live_host_error(ui->live_host));
		return -1;
	}
	live_host_tick(ui->live_host);
	ui_live_show(ui);
	if (ui->depth == 0)
		return -1;
	size_t at = live_host_resumed_at(ui->live_host);
	if (at)
		ui_screen_say(ui, "Resuming the drill at question %zu.", at);
	return 0;
}

/* The screen of a state. */
static const struct ui_screen *screen_of(enum live_host_state st)
{
	switch (st) {
	case LIVE_HOST_LOBBY: return &ui_screen_live_lobby;
	case LIVE_HOST_OPEN:
	case LIVE_HOST_PAUSED: return &ui_screen_live_question;
	case LIVE_HOST_CLOSED: return &ui_screen_live_closed;
	case LIVE_HOST_ENDED: break;
	}
	return &ui_screen_live_podium;
}

void ui_live_show(struct ui *ui)
{
	const struct ui_screen *s = screen_of(live_host_state(ui->live_host));
	while (ui->depth > 1)  /* overlays, the leaderboard over a closed question */
		ui_screen_pop(ui);
	if (ui->depth == 0)
		ui_screen_push(ui, s, NULL);
	else
		ui_screen_replace(ui, s, NULL);
}

unsigned ui_live_tick(struct ui *ui, enum live_host_state shown, bool *moved)
{
	*moved = false;
	unsigned ch = live_host_tick(ui->live_host);
	if (ch & LIVE_HOST_FAILED) {
		ui_screen_fail(ui, live_host_error(ui->live_host));
		*moved = true;
		return ch;
	}
	enum live_host_state st = live_host_state(ui->live_host);
	bool same = st == shown || (shown == LIVE_HOST_OPEN && st == LIVE_HOST_PAUSED) ||
	            (shown == LIVE_HOST_PAUSED && st == LIVE_HOST_OPEN);
	if (!same) {
		ui_live_show(ui);
		*moved = true;
	}
	return ch;
}

void ui_live_act(struct ui *ui, int rc)
{
	if (rc == LIVE_HOST_ERROR) {
		ui_screen_fail(ui, live_host_error(ui->live_host));
		return;
	}
	ui_live_show(ui);
}

/* The yes of the question whether to end the drill. */
static void end_yes(struct ui *ui, void *ctx)
{
	(void)ctx;
	ui_live_act(ui, live_host_end(ui->live_host));
}

void ui_live_ask_end(struct ui *ui)
{
	char b[256];
	const struct live_host *h = ui->live_host;
	enum live_host_state st = live_host_state(h);
	size_t left = live_host_count(h) - live_host_asked(h);
	if (st == LIVE_HOST_OPEN || st == LIVE_HOST_PAUSED)
		snprintf(b, sizeof b, "End the drill? The open question closes and is judged; %zu "
		         "after it are not asked. The podium follows.", left - 1);
	else if (left)
		snprintf(b, sizeof b, "End the drill? The %zu question%s not asked yet stay%s "
		         "unasked; the podium follows.", left, left == 1 ? "" : "s", left == 1 ? "s" : "");
	else
		snprintf(b, sizeof b, "End the drill? The podium follows.");
	struct ui_confirm_arg q = { b, "End the drill?", end_yes, NULL };
	ui_screen_push(ui, &ui_screen_confirm, &q);
}

void ui_live_header(const struct ui *ui, const char *label, double fraction)
{
	char title[256], k[160], right[96];
	size_t n;
	live_host_joined(ui->live_host, &n);
	snprintf(title, sizeof title, "Live drill %s class %s", ui_draw_glyph(UI_GLYPH_DOT),
	         text_escape_into(drill_class(live_host_drill(ui->live_host)), false, k, sizeof k));
	if (live_host_away(ui->live_host))
		snprintf(right, sizeof right, "results database not answering%s",
		         ui_draw_glyph(UI_GLYPH_ELLIPSIS));
	else
		snprintf(right, sizeof right, "%zu joined", n);
	ui_draw_header(title, right, label, fraction);
}

double ui_live_progress(const struct ui *ui)
{
	size_t n = live_host_count(ui->live_host), done = live_host_asked(ui->live_host);
	return n ? (double)(done < n ? done : n) / (double)n : 1.0;
}

const struct ui_key ui_live_end_keys[] = {
	UI_KEY('e', UI_DO_QUIT, "e/q", "end"),
	UI_KEYS_USE(ui_keys_global),
	UI_KEYS_END
};

bool ui_live_describe(const struct ui *ui, const void *state, const struct ui_key *row,
                      struct ui_foot *f)
{
	(void)ui, (void)state, (void)f;
	return !(row->act == UI_DO_QUIT && row->key == 'q');
}
