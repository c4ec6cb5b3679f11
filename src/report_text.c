/* report_text — the drill report as lines of text; see report_text.h and
 * docs/report.md, which shows its parts. */
#include "report_text.h"

#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "layout.h"
#include "text.h"

#define MIN_WIDTH 30
#define WIDE_BOARD 72      /* from this width the leaderboard has every column */
#define WIDE_QUESTIONS 60  /* and the questions' table */
#define BAR_MAX 40

/* The lines being made. */
struct out {
	const struct report_view *v;
	size_t width;
	report_line_fn *fn;
	void *ctx;
	int ret;               /* fn's value when it stopped, -1 out of memory; 0 */
	struct text_buf b;     /* the line being built */
	bool has_bar;
	struct chart_span bar;
};

static const char *dot(const struct out *o)
{
	return o->v->unicode ? " \u00b7 " : " - ";
}

static const char *none(const struct out *o)
{
	return o->v->unicode ? "\u2013" : "-";
}

/* Hands the line built to fn (unless it stopped already) and starts anew. */
static void line(struct out *o, enum report_look look)
{
	while (o->b.len && o->b.s[o->b.len - 1] == ' ' && (!o->has_bar || o->b.len > o->bar.end))
		o->b.s[--o->b.len] = '\0';  /* no trailing blanks */
	char *text = text_buf_finish(&o->b);
	if (!text && o->ret == 0)
		o->ret = -1;
	if (o->ret == 0) {
		struct report_line l = { text, look, o->has_bar, o->bar };
		o->ret = o->fn(o->ctx, &l);
	}
	free(text);
	o->has_bar = false;
}

/* The text built in t (emptied), which the caller frees; "" kept out of
 * a failed one, whose loss makes the whole rendering fail. */
static char *take(struct out *o, struct text_buf *t)
{
	char *s = text_buf_finish(t);
	if (!s && o->ret == 0)
		o->ret = -1;
	return s;
}

static void blank(struct out *o)
{
	line(o, REPORT_LOOK_PLAIN);
}

/* A cell of raw text (escaped here). */
static void cell(struct out *o, const char *raw, size_t width, bool right)
{
	char esc[1024];
	chart_cell(&o->b, text_escape_into(raw ? raw : "", false, esc, sizeof esc), width, right,
	           o->v->unicode);
}

/* A cell of text made here (numbers, words): nothing to escape. */
static void num(struct out *o, const char *s, size_t width)
{
	text_buf_puts(&o->b, " ");
	chart_cell(&o->b, s, width, true, o->v->unicode);
}

/* text (raw; escaped here), wrapped into the width, the lines after the
 * first indented by indent. */
static void para(struct out *o, const char *raw, size_t indent, enum report_look look)
{
	char *esc = text_escape(raw, false);
	struct layout_lines ls = {0};
	if (!esc || layout_wrap(esc, o->width - indent, &ls) != 0) {
		o->ret = o->ret ? o->ret : -1;
	} else {
		for (size_t i = 0; i < ls.n; i++) {
			if (i)
				chart_cell(&o->b, "", indent, false, o->v->unicode);
			text_buf_add(&o->b, esc + ls.v[i].start, ls.v[i].len);
			line(o, look);
		}
	}
	layout_lines_free(&ls);
	free(esc);
}

static void fmt_pct(char *buf, size_t size, double share)
{
	snprintf(buf, size, "%.0f%%", 100 * share);
}

/* ---- the drill ------------------------------------------------------------- */

static void head(struct out *o, const struct report *rep)
{
	const struct results_drill *d = &rep->drill;
	struct text_buf t = {0};
	char *s;
	if (o->v->show & REPORT_SHOW_TITLE) {
		text_buf_printf(&t, "Report: class %s%sdrill %s", d->klass, dot(o), d->id);
		s = take(o, &t);
		para(o, s ? s : "", 2, REPORT_LOOK_TITLE);
		free(s);
	}
	if (!(o->v->show & REPORT_SHOW_HEAD))
		return;
	char when[40] = "?";
	time_t tt = (time_t)d->created;
	struct tm tm;
	if (gmtime_r(&tt, &tm))
		strftime(when, sizeof when, "%Y-%m-%d %H:%M UTC", &tm);
	text_buf_printf(&t, "%u question%s from ", d->count, d->count == 1 ? "" : "s");
	for (size_t i = 0; i < d->ndecks; i++)
		text_buf_printf(&t, "%s%s", i ? ", " : "", d->decks[i]);
	if (d->time_limit > 0)
		text_buf_printf(&t, "%s%g s a question", dot(o), d->time_limit);
	else
		text_buf_printf(&t, "%sno clock", dot(o));
	if (d->no_speed)
		text_buf_puts(&t, ", no speed bonus");
	if (d->no_streak)
		text_buf_puts(&t, ", no streak bonus");
	text_buf_printf(&t, "%sseed %" PRIu64 "%sbegun %s", dot(o), d->seed, dot(o), when);
	s = take(o, &t);
	para(o, s ? s : "", 2, REPORT_LOOK_PLAIN);
	free(s);
	text_buf_printf(&t, "%zu student%s%s%zu answer%s%s", rep->nstudents,
	                rep->nstudents == 1 ? "" : "s", dot(o), rep->nanswers,
	                rep->nanswers == 1 ? "" : "s", dot(o));
	if (rep->points_known)
		text_buf_printf(&t, "grades of the questions' %g points", rep->points_total);
	else
		text_buf_puts(&t, "points unknown (the drill's questions were not recorded): "
		                  "every question weighs alike in the grades");
	s = take(o, &t);
	para(o, s ? s : "", 2, REPORT_LOOK_DIM);
	free(s);
}

/* ---- the leaderboard ------------------------------------------------------- */

static void change_cell(struct out *o, const struct report_student *s)
{
	char c[16] = "";
	if (s->change > 0)
		snprintf(c, sizeof c, "%s%d", o->v->unicode ? "\u25b2" : "+", s->change);
	else if (s->change < 0)
		snprintf(c, sizeof c, "%s%d", o->v->unicode ? "\u25bc" : "-", -s->change);
	text_buf_puts(&o->b, " ");
	chart_cell(&o->b, c, 3, false, o->v->unicode);
}

static void board(struct out *o, const struct report *rep)
{
	bool wide = o->width >= WIDE_BOARD && !o->v->live, live = o->v->live;
	/* Where there is room: the grade, then the questions answered. */
	size_t fixed = 2 + 4 + 2 + 7 + (wide ? 6 + 7 + 6 + 10 + 6u : 0u) + (live ? 4u : 0u);
	bool grade = o->width >= fixed + 7 + 8, done = grade && o->width >= fixed + 7 + 6 + 8;
	fixed += (grade ? 7u : 0u) + (done ? 6u : 0u);
	size_t nw = o->width > fixed + 8 ? o->width - fixed : 8;
	text_buf_puts(&o->b, "Leaderboard");
	line(o, REPORT_LOOK_TITLE);
	text_buf_puts(&o->b, "  rank");
	if (live)
		chart_cell(&o->b, "", 4, false, o->v->unicode);
	text_buf_puts(&o->b, "  ");
	cell(o, "student", nw, false);
	num(o, "score", 6);
	if (grade)
		num(o, "grade", 6);
	if (done)
		num(o, "done", 5);
	if (wide) {
		num(o, "right", 5);
		num(o, "partly", 6);
		num(o, "wrong", 5);
		num(o, "timed out", 9);
		num(o, "avg s", 5);
	}
	line(o, REPORT_LOOK_HEAD);
	if (rep->nstudents == 0) {
		text_buf_puts(&o->b, "  nobody has answered yet");
		line(o, REPORT_LOOK_DIM);
	}
	for (size_t i = 0; i < rep->nstudents && o->ret == 0; i++) {
		const struct report_student *s = &rep->students[rep->board[i]];
		char b[32];
		text_buf_printf(&o->b, "  %4u", s->rank);
		if (live)
			change_cell(o, s);
		text_buf_puts(&o->b, "  ");
		cell(o, s->name, nw, false);
		snprintf(b, sizeof b, "%.0f", s->score);
		num(o, b, 6);
		snprintf(b, sizeof b, "%.1f%%", s->grade);
		if (grade)
			num(o, b, 6);
		snprintf(b, sizeof b, "%u/%u", s->answered, rep->drill.count);
		if (done)
			num(o, b, 5);
		if (wide) {
			snprintf(b, sizeof b, "%u", s->right);
			num(o, b, 5);
			snprintf(b, sizeof b, "%u", s->partly);
			num(o, b, 6);
			snprintf(b, sizeof b, "%u", s->wrong);
			num(o, b, 5);
			snprintf(b, sizeof b, "%u", s->timed_out);
			num(o, b, 9);
			snprintf(b, sizeof b, "%.1f", s->avg_seconds);
			num(o, b, 5);
		}
		line(o, REPORT_LOOK_PLAIN);
	}
}

/* ---- the questions ---------------------------------------------------------- */

/* What a question is called: its prompt, else deck/question, else nothing. */
static void question_name(const struct report_question *q, char *buf, size_t size)
{
	if (q->prompt)
		snprintf(buf, size, "%s", q->prompt);
	else if (q->deck[0] || q->question[0])
		snprintf(buf, size, "%s/%s", q->deck, q->question);
	else
		buf[0] = '\0';
}

/* The line under a question: its most common wrong answer and its right
 * answer. */
static void question_note(struct out *o, const struct report_question *q)
{
	struct text_buf t = {0};
	if (!q->answered)
		text_buf_puts(&t, "nobody answered it");
	else if (q->common_wrong)
		text_buf_printf(&t, "most common wrong answer: \"%s\" (%u)", q->common_wrong,
		                q->common_wrong_count);
	else
		text_buf_puts(&t, "no wrong answer");
	if (q->answer)
		text_buf_printf(&t, "%sright: %s", dot(o), q->answer);
	char *s = take(o, &t);
	chart_cell(&o->b, "", 8, false, o->v->unicode);
	cell(o, s ? s : "", o->width - 8, false);
	free(s);
	line(o, REPORT_LOOK_DIM);
}

static void questions(struct out *o, const struct report *rep)
{
	bool wide = o->width >= WIDE_QUESTIONS;
	size_t fixed = 2 + 4 + 2 + 9 + (wide ? 7 + 6u : 0u);
	bool count = o->width >= fixed + 8 + 8;  /* right of answered, where there is room */
	fixed += count ? 8u : 0u;
	size_t pw = o->width > fixed + 8 ? o->width - fixed : 8;
	text_buf_puts(&o->b, "Questions, hardest first");
	line(o, REPORT_LOOK_TITLE);
	text_buf_puts(&o->b, "  q     ");
	cell(o, "question", pw, false);
	if (count)
		num(o, "right", 7);
	num(o, "facility", 8);
	if (wide) {
		num(o, "discr.", 6);
		num(o, "avg s", 5);
	}
	line(o, REPORT_LOOK_HEAD);
	for (size_t i = 0; i < rep->nquestions && o->ret == 0; i++) {
		const struct report_question *q = &rep->questions[rep->hardest[i]];
		char b[1024];
		snprintf(b, sizeof b, "q%u", q->index + 1);
		text_buf_puts(&o->b, "  ");
		chart_cell(&o->b, b, 4, false, o->v->unicode);
		text_buf_puts(&o->b, "  ");
		question_name(q, b, sizeof b);
		cell(o, b, pw, false);
		snprintf(b, sizeof b, "%u/%u", q->right, q->answered);
		if (count)
			num(o, b, 7);
		if (isnan(q->facility))
			snprintf(b, sizeof b, "%s", none(o));
		else
			fmt_pct(b, sizeof b, q->facility);
		num(o, b, 8);
		if (wide) {
			if (isnan(q->discrimination))
				snprintf(b, sizeof b, "%s", none(o));
			else
				snprintf(b, sizeof b, "%+.2f", q->discrimination);
			num(o, b, 6);
			if (isnan(q->avg_seconds))
				snprintf(b, sizeof b, "%s", none(o));
			else
				snprintf(b, sizeof b, "%.1f", q->avg_seconds);
			num(o, b, 5);
		}
		line(o, REPORT_LOOK_PLAIN);
		question_note(o, q);
	}
}

/* The share right of each question, in the drill's order, as bars. */
static void shares(struct out *o, const struct report *rep)
{
	text_buf_puts(&o->b, "Share right, by question");
	line(o, REPORT_LOOK_TITLE);
	for (size_t i = 0; i < rep->nquestions && o->ret == 0; i++) {
		const struct report_question *q = &rep->questions[i];
		char label[16], tail[64];
		snprintf(label, sizeof label, "q%u", q->index + 1);
		if (q->answered)
			snprintf(tail, sizeof tail, " %4.0f%%  %u of %u", 100 * q->facility, q->right,
			         q->answered);
		else
			snprintf(tail, sizeof tail, "    %s  %s", none(o),
			         o->v->live ? "nobody yet" : "nobody answered");
		size_t tw = layout_width(tail, strlen(tail));
		if (2 + 4 + 1 + 3 + tw > o->width && !q->answered) {
			snprintf(tail, sizeof tail, "    %s", none(o));  /* the empty bar says the rest */
			tw = layout_width(tail, strlen(tail));
		}
		size_t room = o->width > 2 + 4 + 1 + tw ? o->width - 2 - 4 - 1 - tw : 3;
		size_t bw = room < 3 ? 3 : room > BAR_MAX ? BAR_MAX : room;
		chart_bar_line(&o->b, 2, label, 4, q->answered ? q->facility : 0, bw, o->v->unicode,
		               tail, &o->bar);
		o->has_bar = true;
		line(o, REPORT_LOOK_PLAIN);
	}
}

/* ---- what each student missed ------------------------------------------------ */

static void missed(struct out *o, const struct report *rep)
{
	text_buf_puts(&o->b, "Missed, by student");
	line(o, REPORT_LOOK_TITLE);
	if (rep->nmissed == 0) {
		text_buf_puts(&o->b, "  nobody missed a question");
		line(o, REPORT_LOOK_DIM);
	}
	for (size_t i = 0; i < rep->nmissed && o->ret == 0; i++) {
		const struct report_miss *m = &rep->missed[i];
		const struct report_student *s = &rep->students[m->student];
		if (i == 0 || rep->missed[i - 1].student != m->student) {
			size_t n = 0;
			while (i + n < rep->nmissed && rep->missed[i + n].student == m->student)
				n++;
			char b[64];
			text_buf_puts(&o->b, "  ");
			snprintf(b, sizeof b, ": %zu of %u answer%s missed", n, s->answered,
			         s->answered == 1 ? "" : "s");
			size_t bw = strlen(b);
			cell(o, s->name, o->width > bw + 2 ? o->width - bw - 2 : 1, false);
			while (o->b.len && o->b.s[o->b.len - 1] == ' ')
				o->b.s[--o->b.len] = '\0';  /* the count right after the name */
			text_buf_puts(&o->b, b);
			line(o, REPORT_LOOK_PLAIN);
		}
		const struct report_question *q = &rep->questions[m->question];
		char b[32];
		snprintf(b, sizeof b, "q%u", q->index + 1);
		text_buf_puts(&o->b, "    ");
		chart_cell(&o->b, b, 4, false, o->v->unicode);
		text_buf_puts(&o->b, "  ");
		chart_cell(&o->b, report_outcome_name(m->outcome), 10, false, o->v->unicode);
		struct text_buf t = {0};
		if (m->given[0])
			text_buf_printf(&t, "\"%s\"", m->given);
		if (q->answer)
			text_buf_printf(&t, "%sright: %s", m->given[0] ? dot(o) : "", q->answer);
		char *s2 = take(o, &t);
		text_buf_puts(&o->b, " ");
		cell(o, s2 ? s2 : "", o->width > 21 ? o->width - 21 : 1, false);
		free(s2);
		line(o, REPORT_LOOK_PLAIN);
	}
}

int report_render(const struct report *rep, const struct report_view *v, report_line_fn *fn,
                  void *ctx)
{
	struct out o = { .v = v, .width = v->width < MIN_WIDTH ? MIN_WIDTH : v->width,
	                 .fn = fn, .ctx = ctx };
	bool first = true;
	if (v->show & (REPORT_SHOW_TITLE | REPORT_SHOW_HEAD)) {
		head(&o, rep);
		first = false;
	}
	if (v->show & REPORT_SHOW_BOARD) {
		if (!first)
			blank(&o);
		board(&o, rep);
		first = false;
	}
	if (v->show & REPORT_SHOW_QUESTIONS) {
		if (!first)
			blank(&o);
		if (!v->live) {
			questions(&o, rep);
			blank(&o);
		}
		shares(&o, rep);
		first = false;
	}
	if ((v->show & REPORT_SHOW_MISSED) && !v->live) {
		if (!first)
			blank(&o);
		missed(&o, rep);
	}
	text_buf_free(&o.b);
	return o.ret;
}

/* ---- the watch's lines ---------------------------------------------------- */

const char *report_ordinal(unsigned n, char buf[16])
{
	unsigned tens = n % 100, ones = n % 10;
	const char *suffix = tens >= 11 && tens <= 13 ? "th"
	                   : ones == 1 ? "st" : ones == 2 ? "nd" : ones == 3 ? "rd" : "th";
	snprintf(buf, 16, "%u%s", n, suffix);
	return buf;
}

void report_answer_line(const struct report *rep, const struct results_answer *a, size_t student,
                        bool unicode, char *buf, size_t size)
{
	const struct report_student *s = &rep->students[student];
	char name[256], ord[16];
	text_escape_into(s->name, false, name, sizeof name);
	snprintf(buf, size, "answer: %s q%u %s %+.0f%s%s %s %.0f", name, a->index + 1,
	         report_outcome_name(a->outcome), a->points, unicode ? " \u00b7 " : " - ", name,
	         report_ordinal(s->rank, ord), s->score);
}
