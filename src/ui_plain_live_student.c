/* ui_plain_live_student — a student of a live drill, line by line; see
 * ui_plain_live.h. */
#include "ui_plain_live.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "live.h"
#include "score.h"
#include "stop.h"
#include "text.h"
#include "ui_plain.h"
#include "verdict.h"

/* The last event of a batch: what the drill is at. */
struct last {
	int64_t seq;
	char drill[17];
	char kind[8];
	int index;
	double closes;
	char *payload;        /* owned */
	bool ended;           /* class search: the drill found has an end */
};

/* The events of one read, in order (owned). */
struct batch {
	struct last *ev;
	size_t n, cap;
	int64_t seq;           /* the last one's */
};

static void batch_clear(struct batch *b)
{
	for (size_t i = 0; i < b->n; i++)
		free(b->ev[i].payload);
	b->n = 0;
}

static int keep_event(void *ctx, const struct results_live_event *e)
{
	struct batch *b = ctx;
	if (b->n == b->cap) {
		size_t cap = b->cap ? 2 * b->cap : 8;
		struct last *ev = realloc(b->ev, cap * sizeof *ev);
		if (!ev)
			return 1;
		b->ev = ev, b->cap = cap;
	}
	struct last *l = &b->ev[b->n];
	memset(l, 0, sizeof *l);
	l->payload = strdup(e->payload);
	if (!l->payload)
		return 1;
	b->n++;
	b->seq = e->seq;
	l->seq = e->seq;
	snprintf(l->drill, sizeof l->drill, "%s", e->drill);
	snprintf(l->kind, sizeof l->kind, "%s", e->kind);
	l->index = e->index;
	l->closes = e->closes;
	return 0;
}

/* The class search: the latest drill begun, and whether it has ended. */
static int find_begun(void *ctx, const struct results_live_event *e)
{
	struct last *l = ctx;
	l->seq = e->seq;
	if (!strcmp(e->kind, "begin")) {
		snprintf(l->drill, sizeof l->drill, "%s", e->drill);
		l->ended = false;
	} else if (!strcmp(e->kind, "end") && !strcmp(e->drill, l->drill)) {
		l->ended = true;
	}
	return 0;
}

struct student {
	struct results *r;
	const char *klass, *name;
	FILE *out;
	struct ui_live_lines in;
	char drill[17];
	bool failed;
	/* the question on screen */
	struct live_question q;
	bool have_q, asking, answered, time_up, paused;
	int index;             /* the question shown; -1 none */
	int result_shown;      /* the last question whose result was shown; -1 */
	double closes;
};

static const char *esc(const char *s, char *buf, size_t size)
{
	return text_escape_into(s ? s : "", false, buf, size);
}

static const char *fmt_points(double p, char *buf, size_t size)
{
	score_format_points(p, buf, size);
	return buf;
}

static void store_failed(struct student *s)
{
	if (!s->failed)
		fprintf(stderr, "error: %s\n", results_error(s->r));
	s->failed = true;
}

static void prompt(struct student *s)
{
	fputs("> ", s->out);
	fflush(s->out);
}

static void put_left(struct student *s)
{
	if (s->closes > 0) {
		double left = s->closes - results_live_now();
		long secs = (long)ceil(left > 0 ? left : 0);
		fprintf(s->out, "%ld second%s left\n", secs, secs == 1 ? "" : "s");
	}
}

static int mine(void *ctx, const struct results_live_answer *a)
{
	struct student *s = ctx;
	if (!strcmp(a->student, s->name))
		s->answered = true;
	return 0;
}

/* A question opened (or posted again: paused, going on). */
static void on_open(struct student *s, const struct last *l)
{
	if (s->have_q && s->index == l->index) {
		bool paused = l->closes == 0 && s->q.time_limit > 0;
		if (paused != s->paused) {
			s->paused = paused;
			s->closes = l->closes;
			fputs(paused ? "Paused by the teacher\n" : "Going on\n", s->out);
			if (!paused && s->asking) {
				put_left(s);
				prompt(s);
			}
			fflush(s->out);
		}
		return;
	}
	if (s->have_q)
		live_question_free(&s->q);
	s->have_q = live_question_parse(l->payload, &s->q) == 0;
	if (!s->have_q)
		return;
	s->index = l->index;
	s->closes = l->closes;
	s->paused = l->closes == 0 && s->q.time_limit > 0;
	s->time_up = false;
	s->answered = false;
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_live_each_answer(s->r, s->drill, l->index, mine, s), &since))
		;
	if (rc < 0) {
		store_failed(s);
		return;
	}
	char p[32];
	fprintf(s->out, "\nQuestion %d of %u (%s, %s points", l->index + 1, s->q.count,
	        ui_plain_type_label(&s->q.q), fmt_points(s->q.q.points, p, sizeof p));
	if (s->q.time_limit > 0)
		fprintf(s->out, ", %.0f seconds)\n", s->q.time_limit);
	else
		fputs(")\n", s->out);
	ui_plain_show_body(s->out, &s->q.it);
	if (s->answered) {
		fputs("You answered this question already; waiting for it to close\n", s->out);
		s->asking = false;
	} else if (s->paused) {
		fputs("Paused by the teacher\n", s->out);
		s->asking = true;
		prompt(s);
	} else {
		put_left(s);
		s->asking = true;
		prompt(s);
	}
	fflush(s->out);
}

static void on_close(struct student *s, const struct last *l)
{
	struct live_result res;
	if (live_result_parse(l->payload, s->name, &res) != 0)
		return;
	if (s->asking && s->index == l->index) {
		s->asking = false;
		fputs("\nThe question closed\n", s->out);
	}
	if (res.judging || s->result_shown == l->index) {
		live_result_free(&res);
		fflush(s->out);
		return;
	}
	s->result_shown = l->index;
	char line[400], p[32];
	if (res.skipped) {
		fprintf(s->out, "Question %d was skipped by the teacher\n", l->index + 1);
	} else {
		fprintf(s->out, "Question %d closed\n", l->index + 1);
		ui_plain_put_line(s->out, "The answer: ", res.answer, false);
		if (!res.found) {
			fputs("You did not answer it\n", s->out);
		} else {
			struct verdict v = { .outcome = (enum outcome)res.outcome,
			                     .fraction = res.outcome == OUT_CORRECT ? 1 : 0 };
			verdict_drill_line(res.outcome == RESULTS_TIMED_OUT ? NULL : &v, res.points,
			                   res.bonus, line, sizeof line);
			ui_plain_put_line(s->out, "You: ", line, false);
		}
		fprintf(s->out, "The class: %u of %u right\n", res.nright, res.of);
	}
	if (res.rank)
		fprintf(s->out, "Your rank: %u of %u, %s points\n", res.rank, res.of,
		        fmt_points(res.score, p, sizeof p));
	fflush(s->out);
	live_result_free(&res);
}

static void on_end(struct student *s, const struct last *l)
{
	struct live_result res;
	fputs("\nThe drill is over\n", s->out);
	if (live_result_parse(l->payload, s->name, &res) == 0) {
		char p[32];
		if (res.rank)
			fprintf(s->out, "You finished %u of %u with %s points\n", res.rank, res.of,
			        fmt_points(res.score, p, sizeof p));
		live_result_free(&res);
	}
	fflush(s->out);
}

/* Sends what the student typed; false when the drill goes on without it. */
static void send(struct student *s, const char *given)
{
	struct results_live_answer a = { .drill = s->drill, .student = s->name, .index = s->index,
	                                 .given = given, .time = results_live_now() };
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_live_answer(s->r, &a), &since))
		;
	if (rc < 0) {
		store_failed(s);
		return;
	}
	s->asking = false;
	if (rc == 0)
		fputs("Answer sent; waiting for the question to close\n", s->out);
	else if (rc == RESULTS_ALREADY)
		fputs("You answered this question already\n", s->out);
	else
		fputs("Too late: the question closed\n", s->out);
	fflush(s->out);
}

/* A line typed while a question is open. */
static bool on_line(struct student *s, char *l)
{
	if (!strcmp(l, ":quit") || !strcmp(l, ":q"))
		return false;
	if (!s->asking)
		return true;
	if (s->closes > 0 && results_live_now() > s->closes) {
		fputs("Too late: the time is up\n", s->out);
		s->asking = false;
		return true;
	}
	if (!strcmp(l, ":skip") || !strcmp(l, ":s")) {
		send(s, ":skip");
		return true;
	}
	struct response resp;
	size_t scratch[DECK_MAX_CHOICES];
	const char *why = "";
	if (!ui_plain_parse_answer(&s->q.it, l, &resp, scratch, &why)) {
		fprintf(s->out, "%s\n", why);
		put_left(s);
		prompt(s);
		return true;
	}
	send(s, l);
	return true;
}

/* Finds the class's drill under way, waiting for one.  0, or -1. */
static int find_drill(struct student *s)
{
	struct last l = { .index = -1 };
	bool said = false;
	double since = 0;
	while (!stop_signal()) {
		int rc = results_live_events(s->r, NULL, s->klass, l.seq, find_begun, &l);
		if (ui_live_retry(rc, &since))
			continue;
		if (rc < 0)
			return store_failed(s), -1;
		if (l.drill[0] && !l.ended) {
			snprintf(s->drill, sizeof s->drill, "%s", l.drill);
			return 0;
		}
		if (!said) {
			char b[200];
			fprintf(s->out, "Waiting for the teacher to begin a live drill of class %s\n",
			        esc(s->klass, b, sizeof b));
			fflush(s->out);
			said = true;
		}
		results_live_wait(s->r, NULL, 250);
	}
	return -1;
}

int ui_plain_live_student(struct results *r, const char *klass, const char *student, int in,
                          FILE *out)
{
	struct student s = { .r = r, .klass = klass, .name = student, .out = out,
	                     .in = { .fd = in }, .index = -1, .result_shown = -1 };
	if (find_drill(&s) != 0)
		return s.failed ? 1 : 128 + stop_signal();
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_live_join(r, s.drill, student), &since))
		;
	if (rc < 0)
		return store_failed(&s), 1;
	char b[200], c[200];
	fprintf(out, "Joined the live drill of class %s as %s\n", esc(klass, b, sizeof b),
	        esc(student, c, sizeof c));
	fflush(out);
	struct batch bt = { 0 };
	bool over = false, first = true;
	while (!over && !s.failed && !stop_signal()) {
		batch_clear(&bt);
		rc = results_live_events(r, s.drill, NULL, bt.seq, keep_event, &bt);
		if (rc > 0) {
			fputs("error: out of memory\n", stderr);
			s.failed = true;
			break;
		}
		if (ui_live_retry(rc, &since))
			continue;
		if (rc < 0) {
			store_failed(&s);
			break;
		}
		/* Catching up (the first read): where the drill is now only. */
		for (size_t i = first && bt.n ? bt.n - 1 : 0; i < bt.n && !over; i++) {
			const struct last *l = &bt.ev[i];
			if (!strcmp(l->kind, "open"))
				on_open(&s, l);
			else if (!strcmp(l->kind, "close"))
				on_close(&s, l);
			else if (!strcmp(l->kind, "end"))
				on_end(&s, l), over = true;
			else if (first)
				fputs("Waiting for the first question\n", out), fflush(out);
		}
		first = false;
		if (over)
			break;
		if (s.asking && !s.paused && !s.time_up && s.closes > 0 &&
		    results_live_now() > s.closes) {
			fputs("\nTime is up\n", out);
			fflush(out);
			s.time_up = true;
			s.asking = false;
		}
		if (s.asking && !s.in.eof) {
			char *line;
			int got = ui_live_read_line(&s.in, 50, &line);
			if (got > 0 && !on_line(&s, line))
				break;
			results_live_wait(r, s.drill, 50);
		} else {
			results_live_wait(r, s.drill, 200);
		}
	}
	batch_clear(&bt);
	free(bt.ev);
	if (s.have_q)
		live_question_free(&s.q);
	if (s.failed)
		return 1;
	return stop_signal() ? 128 + stop_signal() : 0;
}
