/* ui_plain_live_host — the host of a live drill, line by line; see
 * ui_plain_live.h.  The drill itself (what is posted, the clock, the
 * judging) is the host core's (live_host.h); this file reads the
 * teacher's lines, calls the core's actions and tick, and prints what
 * changed. */
#include "ui_plain_live.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "live_host.h"
#include "score.h"
#include "stop.h"
#include "text.h"
#include "ui_plain.h"

struct host {
	struct live_host *h;
	const struct drill *d;
	const struct ui_live_host_opts *o;
	FILE *out;
	struct ui_live_lines in;
	size_t njoined;        /* students who joined, as printed */
	size_t shown;          /* the answers counted, as printed; (size_t)-1: none yet */
	size_t opened;         /* the questions whose opening was printed */
	unsigned closes_shown; /* the serial of the last close printed */
	bool failed;           /* the host failed for good (said) */
};

static const char *fmt_points(double p, char *buf, size_t size)
{
	score_format_points(p, buf, size);
	return buf;
}

static const char *esc(const char *s, char *buf, size_t size)
{
	return text_escape_into(s ? s : "", false, buf, size);
}

/* An action's or a tick's result: the failure said once. */
static void check(struct host *p, bool failed)
{
	if (failed && !p->failed) {
		fprintf(stderr, "error: %s\n", live_host_error(p->h));
		p->failed = true;
	}
}

static void act(struct host *p, int rc)
{
	check(p, rc == LIVE_HOST_ERROR);
}

/* What the host reads between events: Enter, :pause, :skip, :end. */
enum cmd { CMD_NONE, CMD_ENTER, CMD_PAUSE, CMD_SKIP, CMD_END };

static enum cmd read_cmd(struct host *p, int ms)
{
	if (p->in.eof) {
		live_nap(ms);
		return CMD_NONE;
	}
	char *l;
	int got = ui_live_read_line(&p->in, ms, &l);
	if (got < 0)  /* unattended (--auto), the end of input ends nothing */
		return p->o->auto_next >= 0 ? CMD_NONE : CMD_END;
	if (got == 0)
		return CMD_NONE;
	if (!*l)
		return CMD_ENTER;
	if (!strcmp(l, ":pause") || !strcmp(l, ":p"))
		return CMD_PAUSE;
	if (!strcmp(l, ":skip") || !strcmp(l, ":s"))
		return CMD_SKIP;
	if (!strcmp(l, ":end") || !strcmp(l, ":quit") || !strcmp(l, ":q"))
		return CMD_END;
	fputs("Enter: go on; :pause, :skip or :end\n", p->out);
	fflush(p->out);
	return CMD_NONE;
}

/* ---- what is printed ---------------------------------------------------- */

static void show_joined(struct host *p)
{
	size_t n;
	const char *const *names = live_host_joined(p->h, &n);
	for (; p->njoined < n; p->njoined++) {
		char b[200];
		fprintf(p->out, "Joined: %s (%zu in all)\n", esc(names[p->njoined], b, sizeof b),
		        p->njoined + 1);
	}
}

static void show_opened(struct host *p)
{
	const struct item *it = live_host_item(p->h);
	size_t index = live_host_index(p->h);
	double limit = live_host_time_limit(p->h);
	char pts[32];
	fprintf(p->out, "\nQuestion %zu of %zu opened (%s, %s points", index + 1,
	        live_host_count(p->h), ui_plain_type_label(it->q),
	        fmt_points(it->q->points, pts, sizeof pts));
	if (limit > 0)
		fprintf(p->out, ", %.0f seconds)\n", limit);
	else
		fputs(")\n", p->out);
	ui_plain_show_body(p->out, it);
	p->opened = index + 1;
	p->shown = (size_t)-1;
}

static void show_board(struct host *p, const char *title, size_t most)
{
	size_t n;
	const struct drill_entry *e = live_host_board(p->h, &n);
	fprintf(p->out, "%s\n", title);
	for (size_t i = 0; i < n && i < most; i++) {
		char b[200], pts[32];
		fprintf(p->out, "  %u. %s: %s points\n", e[i].rank, esc(e[i].name, b, sizeof b),
		        fmt_points(e[i].score, pts, sizeof pts));
	}
}

static void show_closed(struct host *p, const struct live_host_close *c)
{
	const struct item *it = drill_item(p->d, c->index);
	p->closes_shown = c->serial;
	if (c->why == LIVE_HOST_BY_CLOCK)
		fputs("Time is up\n", p->out);
	if (c->skipped) {
		fprintf(p->out, "Question %u skipped\n", c->index + 1);
		return;
	}
	ui_plain_put_line(p->out, "The answer: ", c->answer, false);
	fprintf(p->out, "The class: %u of %zu answered, %u right\n", c->nanswered, c->nv, c->nright);
	if (it->q->type == Q_CHOICE) {
		for (size_t k = 0; k < it->nshown; k++) {
			char label[48];
			snprintf(label, sizeof label, "  %zu. [%u] ", k + 1, c->share[k]);
			ui_plain_put_line(p->out, label, it->q->choices[it->shown[k]], false);
		}
	} else if (it->q->type == Q_TRUEFALSE) {
		fprintf(p->out, "  true: %u\n  false: %u\n", c->ntrue, c->nfalse);
	}
	char title[80];
	snprintf(title, sizeof title, "Leaderboard after question %u of %zu:", c->index + 1,
	         live_host_count(p->h));
	show_board(p, title, 10);
}

void ui_plain_live_host_print_end(struct live_host *h, FILE *out)
{
	struct host p = { .h = h, .out = out };
	size_t n;
	const struct drill_entry *e = live_host_board(h, &n);
	static const char *const place[] = { "1st", "2nd", "3rd" };
	fputs("\nThe drill is over.\n", out);
	for (size_t i = 0; i < n && e[i].rank <= 3; i++) {
		char b[200], pts[32];
		fprintf(out, "%s: %s, %s points\n", place[e[i].rank - 1], esc(e[i].name, b, sizeof b),
		        fmt_points(e[i].score, pts, sizeof pts));
	}
	show_board(&p, "Final standings:", (size_t)-1);
}

/* Prints what changed since the last time: who joined, a question opened,
 * the answers counted, a question closed. */
static void show(struct host *p)
{
	show_joined(p);
	enum live_host_state st = live_host_state(p->h);
	const struct live_host_close *c = live_host_last(p->h);
	bool closed_now = c && c->serial != p->closes_shown;
	if ((st == LIVE_HOST_OPEN || st == LIVE_HOST_PAUSED) && live_host_index(p->h) + 1 != p->opened)
		show_opened(p);
	if (st == LIVE_HOST_OPEN || st == LIVE_HOST_PAUSED || (closed_now && !c->skipped &&
	                                                         c->why != LIVE_HOST_BY_RESUME)) {
		size_t n = live_host_answered(p->h);
		if (n != p->shown && p->opened) {
			fprintf(p->out, "%zu of %zu answered\n", n, p->njoined);
			p->shown = n;
		}
	}
	if (closed_now)
		show_closed(p, c);
	fflush(p->out);
}

/* ---- the drill ---------------------------------------------------------- */

/* The lobby: Enter opens the first question (or, with --auto, enough
 * students joining). */
static void in_lobby(struct host *p)
{
	size_t n;
	live_host_joined(p->h, &n);
	if (p->o->auto_next >= 0 && n >= (p->o->wait_for ? p->o->wait_for : 1)) {
		act(p, live_host_next(p->h));
		return;
	}
	enum cmd c = read_cmd(p, 100);
	if (c == CMD_ENTER)
		act(p, live_host_next(p->h));
	else if (c == CMD_END)
		act(p, live_host_end(p->h));
}

/* A question open: Enter closes it (or goes on after a pause), :pause,
 * :skip, :end. */
static void in_question(struct host *p)
{
	bool paused = live_host_state(p->h) == LIVE_HOST_PAUSED;
	enum cmd c = read_cmd(p, 100);
	if (c == CMD_ENTER && paused)
		c = CMD_PAUSE;  /* Enter goes on after a pause */
	switch (c) {
	case CMD_ENTER: act(p, live_host_close(p->h)); break;
	case CMD_PAUSE:
		act(p, live_host_pause(p->h));
		if (!p->failed) {
			fputs(paused ? "Going on\n" : "Paused (:pause or Enter goes on)\n", p->out);
			fflush(p->out);
		}
		break;
	case CMD_SKIP: act(p, live_host_skip(p->h)); break;
	case CMD_END: act(p, live_host_end(p->h)); break;
	case CMD_NONE: break;
	}
}

/* Between questions: Enter (or the pause of --auto) opens the next; after
 * the last the drill ends at once. */
static void between(struct host *p, double *until)
{
	if (live_host_index(p->h) + 1 >= live_host_count(p->h)) {
		act(p, live_host_next(p->h));
		return;
	}
	if (*until < 0) {
		*until = live_clock() + p->o->auto_next;
		if (p->o->auto_next < 0) {
			fputs("Enter opens the next question (:end ends)\n", p->out);
			fflush(p->out);
		}
	}
	if (p->o->auto_next >= 0 && live_clock() >= *until) {
		act(p, live_host_next(p->h));
		return;
	}
	enum cmd c = read_cmd(p, 50);
	if (c == CMD_ENTER || c == CMD_SKIP)
		act(p, live_host_next(p->h));
	else if (c == CMD_END)
		act(p, live_host_end(p->h));
}

int ui_plain_live_host(struct drill *d, struct results *r, const struct ui_live_host_opts *o,
                       int in, FILE *out)
{
	struct live_host *h = live_host_new(d, r, NULL);
	if (!h) {
		fprintf(stderr, "error: out of memory\n");
		return 1;
	}
	struct host p = { .h = h, .d = d, .o = o, .out = out, .in = { .fd = in },
	                  .shown = (size_t)-1 };
	char b[200], b2[200];
	fprintf(out, "Live drill of class %s: %zu questions", esc(drill_class(d), b, sizeof b),
	        drill_count(d));
	if (drill_rules(d)->time_limit > 0)
		fprintf(out, ", %.0f seconds each", drill_rules(d)->time_limit);
	fprintf(out, "\nStudents join with: recall drill --join %s --student NAME\n",
	        esc(drill_class(d), b2, sizeof b2));
	act(&p, live_host_begin(h));
	if (!p.failed && live_host_resumed_at(h))
		fprintf(out, "Resuming the drill at question %zu\n", live_host_resumed_at(h));
	if (!p.failed && o->auto_next < 0 && live_host_state(h) == LIVE_HOST_LOBBY)
		fputs("Enter opens the first question\n", out);
	fflush(out);
	double until = -1;   /* between questions: when --auto opens the next; -1 not yet set */
	unsigned seen = 0;   /* the close the pause between questions is of */
	while (!p.failed && live_host_state(h) != LIVE_HOST_ENDED) {
		if (stop_signal()) {
			act(&p, live_host_end(h));
			show(&p);
			break;
		}
		check(&p, live_host_tick(h) & LIVE_HOST_FAILED);
		show(&p);
		if (p.failed)
			break;
		switch (live_host_state(h)) {
		case LIVE_HOST_LOBBY: in_lobby(&p); break;
		case LIVE_HOST_OPEN:
		case LIVE_HOST_PAUSED: in_question(&p); break;
		case LIVE_HOST_CLOSED:
			if (live_host_last(h) && live_host_last(h)->serial != seen) {
				seen = live_host_last(h)->serial;
				until = -1;
			}
			between(&p, &until);
			break;
		case LIVE_HOST_ENDED: break;
		}
		show(&p);
	}
	if (!p.failed)
		ui_plain_live_host_print_end(h, out);
	fflush(out);
	live_host_free(h);
	if (p.failed)
		return 1;
	return stop_signal() ? 128 + stop_signal() : 0;
}
