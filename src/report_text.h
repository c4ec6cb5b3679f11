/* report_text — the drill report (report.h) laid out as lines of text at a
 * given width: what `recall report` prints, what its full screen shows, and
 * the live view of `recall report --watch`.  The words and the layout live
 * here once; the front ends only print the lines or draw them.
 *
 * Every text from the results store is escaped (text_escape) and every
 * line fits the width in display columns.  Pure: no I/O.
 */
#ifndef RECALL_REPORT_TEXT_H
#define RECALL_REPORT_TEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "chart.h"
#include "report.h"

/* What a line is, for a front end that draws it in a look of its own. */
enum report_look {
	REPORT_LOOK_PLAIN,
	REPORT_LOOK_TITLE,   /* a section's title */
	REPORT_LOOK_HEAD,    /* a table's column names */
	REPORT_LOOK_DIM      /* a note */
};

/* One line. */
struct report_line {
	const char *text;       /* escaped UTF-8, at most the width; valid during the call */
	enum report_look look;
	bool has_bar;           /* bar says where its bar is */
	struct chart_span bar;
};

/* Gets each line in turn; returns 0 to go on, anything else to stop
 * (report_render returns it). */
typedef int report_line_fn(void *ctx, const struct report_line *l);

/* The sections. */
#define REPORT_SHOW_TITLE     1u   /* the class and the drill's id */
#define REPORT_SHOW_HEAD      2u   /* the drill's settings, the counts */
#define REPORT_SHOW_BOARD     4u   /* the leaderboard */
#define REPORT_SHOW_QUESTIONS 8u   /* per question, hardest first, and the shares */
#define REPORT_SHOW_MISSED    16u  /* per student, what was missed */
#define REPORT_SHOW_ALL       31u

struct report_view {
	size_t width;         /* columns (at least 30 are used) */
	bool unicode;         /* block bars and typographic marks; else ASCII */
	unsigned show;        /* REPORT_SHOW_* */
	bool live;            /* the watch's view: the leaderboard with each rank's
	                         change and the answers given, the shares right by
	                         question in order; no discrimination, no missed */
};

/* Lays the report out, handing each line to fn; blank lines separate the
 * sections.  Returns 0, fn's value when it stopped, or -1 when memory ran
 * out. */
int report_render(const struct report *rep, const struct report_view *v, report_line_fn *fn,
                  void *ctx);

/* The one line the plain watch prints for an answer just added (rep ranked
 * since): "answer: ana q3 right +850 · ana 1st 2350", escaped, into buf. */
void report_answer_line(const struct report *rep, const struct results_answer *a, size_t student,
                        bool unicode, char *buf, size_t size);

/* 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st, ... into buf (16 bytes). */
const char *report_ordinal(unsigned n, char buf[16]);

#endif
