/* verdict — the words every front end uses about a verdict; see verdict.h. */
#include "verdict.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>

#include "score.h"
#include "session.h"
#include "text.h"

const char *verdict_grade_word(enum sched_grade g)
{
	static const char *const words[] = { "?", "Again", "Hard", "Good", "Easy" };
	return g >= SCHED_AGAIN && g <= SCHED_EASY ? words[g] : words[0];
}

char *verdict_graded(enum sched_grade g, bool recorded, int64_t interval, const char *dot,
                     char *buf, size_t size)
{
	char when[64];
	if (recorded)
		snprintf(buf, size, "Graded %s%snext review %s", verdict_grade_word(g), dot,
		         sched_format_interval(interval, when, sizeof when));
	else
		snprintf(buf, size, "Cram: %s (nothing recorded)", verdict_grade_word(g));
	return buf;
}

char *verdict_format_percent(double percent, char *buf, size_t size)
{
	snprintf(buf, size, "%.0f%%", percent);
	return buf;
}

char *verdict_format_grade(double percent, char *buf, size_t size)
{
	char p[32];
	double shown = round(percent * 10.0) / 10.0;
	if (shown >= 100.0 && percent < 100.0)
		shown = 99.9;
	else if (shown <= 0.0 && percent > 0.0)
		shown = 0.1;
	score_format_points(shown, p, sizeof p);
	snprintf(buf, size, "%s%%", p);
	return buf;
}

char *verdict_summary_grade(const struct summary *sum, char *buf, size_t size)
{
	char g[32], x[32], y[32];
	score_format_points(sum->grade_points, x, sizeof x);
	score_format_points(sum->grade_max, y, sizeof y);
	snprintf(buf, size, "Grade: %s (%s of %s points)",
	         verdict_format_grade(sum->grade, g, sizeof g), x, y);
	return buf;
}

char *verdict_summary_score(const struct summary *sum, char *buf, size_t size)
{
	char x[32];
	score_format_points(sum->score, x, sizeof x);
	snprintf(buf, size, "Score: %s (with streak bonuses)", x);
	return buf;
}

char *verdict_retry_offer(size_t missed, size_t unreached, char *buf, size_t size)
{
	if (missed && unreached)
		snprintf(buf, size, "Retry the %zu missed and %zu not reached?", missed, unreached);
	else if (missed)
		snprintf(buf, size, "Retry the %zu missed question%s?", missed, missed == 1 ? "" : "s");
	else if (unreached)
		snprintf(buf, size, "Retry the %zu question%s not reached?", unreached,
		         unreached == 1 ? "" : "s");
	else if (size)
		buf[0] = '\0';
	return buf;
}

char *verdict_headline(const struct verdict *v, char *buf, size_t size)
{
	char pc[32];
	switch (v->outcome) {
	case OUT_CORRECT:
		snprintf(buf, size, "Right!");
		break;
	case OUT_PARTIAL:
		snprintf(buf, size, "Partly right (%s).",
		         verdict_format_percent(100.0 * v->fraction, pc, sizeof pc));
		break;
	case OUT_WRONG:
		snprintf(buf, size, "Wrong.");
		break;
	case OUT_SKIPPED:
	default:
		snprintf(buf, size, "Skipped.");
		break;
	}
	return buf;
}

char *verdict_drill_line(const struct verdict *v, double points, double bonus, char *buf, size_t size)
{
	char h[160], p[32], b[32];
	if (v)
		verdict_headline(v, h, sizeof h);
	else
		snprintf(h, sizeof h, "Time is up: counts as wrong.");
	score_format_points(points, p, sizeof p);
	score_format_points(bonus, b, sizeof b);
	if (bonus > 0)
		snprintf(buf, size, "%s +%s points (streak bonus +%s)", h, p, b);
	else
		snprintf(buf, size, "%s +%s points", h, p);
	return buf;
}

static const char *const rating_names[] = {
	[RATE_NONE] = "", [RATE_AGAIN] = "again", [RATE_HARD] = "hard",
	[RATE_GOOD] = "good", [RATE_EASY] = "easy",
};

const char *verdict_rating_name(enum rating r)
{
	return (unsigned)r < sizeof rating_names / sizeof rating_names[0] ? rating_names[r] : "";
}

char *verdict_rated_headline(const char *rating, enum outcome o, char *buf, size_t size)
{
	snprintf(buf, size, "Rated %s: %s.", rating ? rating : "",
	         o == OUT_CORRECT ? "counts as right" :
	         o == OUT_PARTIAL ? "counts as half right" : "counts as wrong");
	return buf;
}

const char *verdict_rating_prompt(void)
{
	return "How well did you know it? 1 again, 2 hard, 3 good, 4 easy.";
}

/* The points of a question worth points, and what it is worth after its
 * hint, as people read them. */
static void hint_points(double points, char *x, char *y, size_t size)
{
	score_format_points(points, x, size);
	score_format_points(points * SCORE_HINT_FACTOR, y, size);
}

char *verdict_hint_offer(double points, char *buf, size_t size)
{
	char x[32], y[32];
	hint_points(points, x, y, sizeof x);
	snprintf(buf, size, "Take the hint? This question is then worth %s points instead of %s "
	         "(and half any streak bonus).", y, x);
	return buf;
}

char *verdict_hint_offer_short(double points, char *buf, size_t size)
{
	char x[32], y[32];
	hint_points(points, x, y, sizeof x);
	snprintf(buf, size, "Take the hint? %s points, not %s.", y, x);
	return buf;
}

void verdict_set_note(struct verdict *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(v->note, sizeof v->note, fmt, ap);
	va_end(ap);
	if (n < 0) {
		v->note[0] = '\0';
	} else if ((size_t)n >= sizeof v->note) {
		size_t len = sizeof v->note - 1;
		size_t start = len;
		/* back off over a sequence the cut left incomplete */
		while (start > 0 && len - start < 4 && ((unsigned char)v->note[start - 1] & 0xC0) == 0x80)
			start--;
		if (start > 0 && (unsigned char)v->note[start - 1] >= 0xC0) {
			uint32_t cp;
			start--;
			if (text_utf8_decode(v->note + start, len - start, &cp) == len - start)
				start = len;
		} else {
			start = len;
		}
		v->note[start] = '\0';
	}
}

void verdict_note_typo(struct verdict *v, const char *typed, size_t len)
{
	v->typo = true;
	verdict_set_note(v, "accepted with a typo: %.*s", (int)(len < 1000 ? len : 1000), typed);
}

char *verdict_note_sentence(const struct verdict *v, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (!v->note[0]) {
		buf[0] = '\0';
		return buf;
	}
	snprintf(buf, size, "%s.", v->note);
	if (buf[0] >= 'a' && buf[0] <= 'z')
		buf[0] = (char)(buf[0] - 'a' + 'A');
	return buf;
}
