/* ui_plain_live_student — a student of a live drill, line by line; see
 * ui_plain_live.h.  What the student does is live_student's (the core):
 * this file reads the lines typed and prints each change the core says. */
#include "ui_plain_live.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "live_student.h"
#include "score.h"
#include "stop.h"
#include "text.h"
#include "ui_plain.h"

struct plain {
	struct live_student *ls;
	const struct live_student_view *v;
	FILE *out;
	struct ui_live_lines in;
};

static const char *esc(const char *s, char *buf, size_t size)
{
	return text_escape_into(s ? s : "", false, buf, size);
}

static void prompt(struct plain *p)
{
	fputs("> ", p->out);
}

/* The seconds left on the clock, counted from the host's opening. */
static void put_left(struct plain *p)
{
	if (p->v->closes > 0) {
		double left = p->v->closes - results_live_now();
		long secs = (long)ceil(left > 0 ? left : 0);
		fprintf(p->out, "%ld second%s left\n", secs, secs == 1 ? "" : "s");
	}
}

static void say_opened(struct plain *p)
{
	const struct live_student_view *v = p->v;
	char pts[32];
	score_format_points(v->q.q.points, pts, sizeof pts);
	fprintf(p->out, "\nQuestion %d of %u (%s, %s points", v->index + 1, v->q.count,
	        ui_plain_type_label(&v->q.q), pts);
	if (v->q.time_limit > 0)
		fprintf(p->out, ", %.0f seconds)\n", v->q.time_limit);
	else
		fputs(")\n", p->out);
	ui_plain_show_body(p->out, &v->q.it);
	if (v->answered_before) {
		fputs("You answered this question already; waiting for it to close\n", p->out);
	} else if (v->paused) {
		fputs("Paused by the teacher\n", p->out);
		prompt(p);
	} else {
		put_left(p);
		prompt(p);
	}
}

static void say_result(struct plain *p)
{
	const struct live_result *res = &p->v->res;
	char line[400];
	int q = p->v->result_index + 1;
	if (res->skipped) {
		fprintf(p->out, "Question %d was skipped by the teacher\n", q);
	} else {
		fprintf(p->out, "Question %d closed\n", q);
		ui_plain_put_line(p->out, "The answer: ", res->answer, false);
		if (!res->found)
			fputs(LIVE_STUDENT_NOT_ANSWERED "\n", p->out);
		else
			ui_plain_put_line(p->out, "You: ", live_student_say_verdict(res, line, sizeof line),
			                  false);
		fprintf(p->out, "%s\n", live_student_say_class(res, line, sizeof line));
	}
	if (res->rank)
		fprintf(p->out, "%s\n", live_student_say_rank(res, line, sizeof line));
}

/* Says change c; false when the student is done (the end, a failure). */
static bool say(struct plain *p, enum live_change c)
{
	const struct live_student_view *v = p->v;
	char b[200], b2[200];
	switch (c) {
	case LIVE_WAITING:
		fprintf(p->out, "Waiting for the teacher to begin a live drill of class %s\n",
		        esc(v->klass, b, sizeof b));
		break;
	case LIVE_JOINED:
		fprintf(p->out, "Joined the live drill of class %s as %s\n", esc(v->klass, b, sizeof b),
		        esc(v->student, b2, sizeof b2));
		break;
	case LIVE_FIRST: fputs("Waiting for the first question\n", p->out); break;
	case LIVE_OPENED: say_opened(p); break;
	case LIVE_PAUSED: fputs("Paused by the teacher\n", p->out); break;
	case LIVE_RESUMED:
		fputs("Going on\n", p->out);
		if (v->phase == LIVE_OPEN) {
			put_left(p);
			prompt(p);
		}
		break;
	case LIVE_TIME_UP: fputs("\nTime is up\n", p->out); break;
	case LIVE_SENT: fputs("Answer sent; waiting for the question to close\n", p->out); break;
	case LIVE_ALREADY: fputs("You answered this question already\n", p->out); break;
	case LIVE_TOO_LATE: fputs("Too late: the question closed\n", p->out); break;
	case LIVE_JUDGING_NOW:
	case LIVE_RESULT:
		if (v->cut_off)
			fputs("\nThe question closed\n", p->out);
		if (c == LIVE_RESULT)
			say_result(p);
		break;
	case LIVE_ENDED_NOW:
		ui_plain_live_student_end(p->ls, p->out);
		fflush(p->out);
		return false;
	case LIVE_FAILED:
		fflush(p->out);
		fprintf(stderr, "error: %s\n", live_student_error(p->ls));
		return false;
	case LIVE_NOTHING:
	case LIVE_RETRYING:
		break;
	}
	fflush(p->out);
	return true;
}

void ui_plain_live_student_end(const struct live_student *ls, FILE *out)
{
	const struct live_student_view *v = live_student_view(ls);
	char line[200];
	if (v->phase != LIVE_ENDED)
		return;
	fputs("\nThe drill is over\n", out);
	if (v->have_final && v->final.rank)
		fprintf(out, "%s\n", live_student_say_final(&v->final, line, sizeof line));
}

/* A line typed while a question is open; false after :quit. */
static bool on_line(struct plain *p, const char *l)
{
	if (!strcmp(l, ":quit") || !strcmp(l, ":q"))
		return false;
	if (p->v->phase != LIVE_OPEN)
		return true;
	bool late = live_student_clock_out(p->ls);
	bool skip = !strcmp(l, ":skip") || !strcmp(l, ":s");
	struct response resp;
	size_t scratch[DECK_MAX_CHOICES];
	const char *why = "";
	if (!late && !skip && !ui_plain_parse_answer(&p->v->q.it, l, &resp, scratch, &why)) {
		fprintf(p->out, "%s\n", why);
		put_left(p);
		prompt(p);
		fflush(p->out);
		return true;
	}
	enum live_change c = live_student_answer(p->ls, skip ? ":skip" : l);
	if (c == LIVE_TIME_UP) {
		fputs("Too late: the time is up\n", p->out);
		fflush(p->out);
		return true;
	}
	return say(p, c);
}

int ui_plain_live_student(struct results *r, const char *klass, const char *student, int in,
                          FILE *out)
{
	struct live_student *ls = live_student_new(r, klass, student);
	if (!ls) {
		fputs("error: out of memory\n", stderr);
		return 1;
	}
	struct plain p = { .ls = ls, .v = live_student_view(ls), .out = out, .in = { .fd = in } };
	bool going = true, failed = false;
	while (going && !stop_signal()) {
		enum live_change c;
		while (going && !stop_signal() && (c = live_student_poll(ls)) != LIVE_NOTHING &&
		       c != LIVE_RETRYING) {
			going = say(&p, c);
			failed = c == LIVE_FAILED;
		}
		if (!going || stop_signal())
			break;
		if (p.v->phase == LIVE_OPEN && !p.in.eof) {
			char *line;
			int got = ui_live_read_line(&p.in, 50, &line);
			if (got > 0 && !on_line(&p, line)) {
				failed = live_student_error(ls)[0] != '\0';
				break;
			}
			live_student_wait(ls, 50);
		} else {
			live_student_wait(ls, p.v->phase == LIVE_FINDING ? 250 : 200);
		}
	}
	live_student_free(ls);
	if (failed)
		return 1;
	return stop_signal() ? 128 + stop_signal() : 0;
}
