/* ui_plain — the line-by-line front end; see ui_plain.h. */
#include "ui_plain.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "answer_line.h"
#include "layout.h"
#include "qtype.h"
#include "stop.h"
#include "text.h"
#include "verdict.h"

/* Reads one line without its end of line; NULL at end of input or when a
 * signal asks us to stop.  The result lives in *buf until the next call. */
char *ui_plain_read_line(FILE *in, char **buf, size_t *cap)
{
	if (stop_signal())
		return NULL;
	ssize_t n = getline(buf, cap, in);
	if (n < 0) {
		if (errno == EINTR)
			clearerr(in);
		return NULL;
	}
	while (n > 0 && ((*buf)[n - 1] == '\n' || (*buf)[n - 1] == '\r'))
		(*buf)[--n] = '\0';
	return *buf;
}

/* Prints deck text escaped; newlines kept when multiline. */
static void put_text(FILE *out, const char *s, bool multiline)
{
	char *e = text_escape(s, multiline);
	fputs(e ? e : "", out);
	free(e);
}

/* The columns to wrap out at: the terminal's width (or else $COLUMNS) when
 * out is a terminal; 0, no wrapping, otherwise. */
static size_t out_columns(FILE *out)
{
	int fd = fileno(out);
	if (fd < 0 || !isatty(fd))
		return 0;
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	long n = c ? strtol(c, NULL, 10) : 0;
	return n > 0 && n < 100000 ? (size_t)n : 0;
}

/* Prints the lines of s[0..) wrapped at width, each after indent spaces;
 * false when memory runs out (nothing printed). */
static bool put_wrapped_lines(FILE *out, const char *s, size_t width, size_t indent,
                              size_t max_lines, size_t *used)
{
	struct layout_lines l = {0};
	if (layout_wrap(s, width, &l) != 0) {
		layout_lines_free(&l);
		return false;
	}
	size_t n = l.n < max_lines ? l.n : max_lines;
	for (size_t i = 0; i < n; i++)
		fprintf(out, "%*s%.*s\n", (int)indent, "", (int)l.v[i].len, s + l.v[i].start);
	*used = n ? l.v[n - 1].start + l.v[n - 1].len : 0;
	layout_lines_free(&l);
	return true;
}

/* Prints label, then deck text escaped (newlines kept when multiline), then
 * a newline.  On a terminal the line wraps at word boundaries to its
 * width, by display width, the lines after the first indented under the
 * text. */
void ui_plain_put_line(FILE *out, const char *label, const char *text, bool multiline)
{
	char *e = text_escape(text ? text : "", multiline);
	size_t width = out_columns(out);
	struct text_buf b = {0};
	text_buf_puts(&b, label);
	text_buf_puts(&b, e ? e : "");
	char *all = text_buf_finish(&b);
	free(e);
	size_t indent = layout_width(label, strlen(label)), first = 0;
	if (indent > width / 2)
		indent = 0;
	if (!all || !width || !put_wrapped_lines(out, all, width, 0, 1, &first)) {
		fprintf(out, "%s\n", all ? all : label);
		free(all);
		return;
	}
	const char *rest = all + first;
	if (*rest == '\n')
		rest++;
	else
		while (*rest == ' ' || *rest == '\t')
			rest++;
	size_t used;
	if (*rest && !put_wrapped_lines(out, rest, width - indent, indent, SIZE_MAX, &used))
		fprintf(out, "%*s%s\n", (int)indent, "", rest);
	free(all);
}

static void put_points(FILE *out, double p)
{
	char b[32];
	score_format_points(p, b, sizeof b);
	fputs(b, out);
}

static void put_duration(FILE *out, double seconds)
{
	char b[48];
	score_format_duration(seconds, b, sizeof b);
	fputs(b, out);
}

static const char *instruction(const struct question *q)
{
	switch (q->type) {
	case Q_CHOICE: return "Type the number (or letter, or text) of your answer.";
	case Q_MULTI: return "Type the numbers (or letters) of every right answer, e.g. 1 3.";
	case Q_TRUEFALSE: return "Type t (true) or f (false).";
	case Q_NUMBER: return "Type a number.";
	case Q_TEXT: return "Type your answer.";
	case Q_ORDER: return "Type the numbers in the right order, e.g. 3 1 2.";
	case Q_MATCH: return "For each numbered item, type the letter of its partner, e.g. b a c.";
	case Q_CARD: return "Press Enter to flip the card (or type your guess first).";
	case Q_NTYPES: break;
	}
	return "";
}

static void show_question(FILE *out, const struct session *s, const struct item *it)
{
	const struct question *q = it->q;
	fprintf(out, "\nQuestion %zu of %zu (%s, ", session_position(s) + 1, session_count(s),
	        ui_plain_type_label(q));
	put_points(out, q->points);
	fputs(" points)\n", out);
	ui_plain_show_body(out, it);
}

const char *ui_plain_type_label(const struct question *q)
{
	const struct qtype_row *row = qtype_get(q->type);
	return row ? row->label : deck_type_name(q->type);
}

void ui_plain_show_body(FILE *out, const struct item *it)
{
	const struct question *q = it->q;
	ui_plain_put_line(out, q->type == Q_CARD ? "Card: " : "", q->prompt, true);
	char label[32];
	for (size_t k = 0; k < it->nshown; k++) {
		size_t i = q->type == Q_MATCH ? k : it->shown[k];
		snprintf(label, sizeof label, "  %zu. ", k + 1);
		ui_plain_put_line(out, label, q->choices[i], false);
	}
	if (q->type == Q_MATCH) {
		for (size_t k = 0; k < it->nshown; k++) {
			snprintf(label, sizeof label, "  %c. ", (char)('a' + k));
			ui_plain_put_line(out, label, q->rights[it->shown[k]], false);
		}
	}
	if (q->type == Q_NUMBER && q->unit) {
		fputs("(answer in ", out);
		put_text(out, q->unit, false);
		fputs(")\n", out);
	}
	char say[160];
	snprintf(say, sizeof say, "%s%s", instruction(q), q->hint ? " (:hint for a hint)" : "");
	ui_plain_put_line(out, "", say, false);
}

bool ui_plain_parse_answer(const struct item *it, const char *line, struct response *r,
                           size_t *scratch, const char **why)
{
	return answer_line_parse(it, line, r, scratch, why);
}

/* Says how the answer went; seen_back: a card whose back was shown. */
static void show_verdict(FILE *out, const struct session *s, const struct item *it, bool seen_back)
{
	const struct verdict *v = &it->verdict;
	const struct question *q = it->q;
	char b[256];
	if (q->type == Q_CARD && it->state == ITEM_ANSWERED)
		verdict_rated_headline(it->given, v->outcome, b, sizeof b);
	else
		verdict_headline(v, b, sizeof b);
	char earned[32], total[32], line[400];
	score_format_points(it->earned, earned, sizeof earned);
	score_format_points(session_score(s)->total, total, sizeof total);
	int n = snprintf(line, sizeof line, "%s +%s points", b, earned);
	if (session_score(s)->streak > 1 && n > 0 && (size_t)n < sizeof line)
		n += snprintf(line + n, sizeof line - (size_t)n, ", streak %u", session_score(s)->streak);
	if (n > 0 && (size_t)n < sizeof line)
		snprintf(line + n, sizeof line - (size_t)n, " (score %s)", total);
	ui_plain_put_line(out, "", line, false);
	ui_plain_show_details(out, it, seen_back);
}

void ui_plain_show_details(FILE *out, const struct item *it, bool seen_back)
{
	const struct verdict *v = &it->verdict;
	const struct question *q = it->q;
	char b[256];
	if (v->note[0] && q->type != Q_CARD)
		ui_plain_put_line(out, "", verdict_note_sentence(v, b, sizeof b), false);
	if ((v->outcome != OUT_CORRECT || v->typo) && !(q->type == Q_CARD && seen_back)) {
		char *right = answer_format(q);
		ui_plain_put_line(out, q->type == Q_CARD ? "Back: " : "Answer: ", right, true);
		free(right);
	}
	if (q->explanation)
		ui_plain_put_line(out, "Why: ", q->explanation, true);
	if (q->source) {
		struct text_buf src = {0};
		text_buf_puts(&src, q->source->title);
		if (q->paragraph)
			text_buf_printf(&src, ", paragraph %u", q->paragraph);
		char *cited = text_buf_finish(&src);
		ui_plain_put_line(out, "Source: ", cited ? cited : q->source->title, false);
		free(cited);
	}
}

enum step {
	STEP_NEXT,   /* the question has its verdict */
	STEP_QUIT,   /* the learner typed :quit */
	STEP_END,    /* the input ended, or a signal asks us to stop */
};

/* Asks one question until it has a verdict or the learner quits. */
static enum step ask(struct session *s, FILE *in, FILE *out, char **line, size_t *cap)
{
	const struct item *it = session_current(s);
	size_t scratch[DECK_MAX_CHOICES];
	bool flipped = false;
	show_question(out, s, it);
	for (;;) {
		fputs("> ", out);
		if (fflush(out) != 0 || ferror(out))
			return STEP_QUIT;  /* nobody reads the output (EPIPE) or it is full */
		char *l = ui_plain_read_line(in, line, cap);
		if (!l)
			return STEP_END;
		text_trim(l);
		if (!strcmp(l, ":quit") || !strcmp(l, ":q"))
			return STEP_QUIT;
		if (!strcmp(l, ":skip") || !strcmp(l, ":s")) {
			show_verdict(out, s, session_skip(s), flipped);
			return STEP_NEXT;
		}
		if (!strcmp(l, ":hint") || !strcmp(l, ":h")) {
			const char *h = session_hint(s);
			if (h) {
				ui_plain_put_line(out, "Hint (the question is now worth half): ", h, true);
			} else {
				fputs("This question has no hint.\n", out);
			}
			continue;
		}
		if (it->q->type == Q_CARD && !flipped) {
			/* Any line flips the card: the back is always shown
			 * before a rating, and what was typed is the learner's
			 * guess, shown beside it. */
			flipped = true;
			ui_plain_flip_card(out, it, l);
			continue;
		}
		struct response r;
		const char *why = "";
		if (!ui_plain_parse_answer(it, l, &r, scratch, &why)) {
			fprintf(out, "%s\n", why);
			continue;
		}
		show_verdict(out, s, session_answer(s, &r), flipped);
		return STEP_NEXT;
	}
}

void ui_plain_flip_card(FILE *out, const struct item *it, const char *guess)
{
	ui_plain_put_line(out, "Back: ", it->q->back, true);
	if (*guess)
		ui_plain_put_line(out, "Your guess: ", guess, true);
	fputs(verdict_rating_prompt(), out);
	fputc('\n', out);
}

/* Prints sum, the summary of s. */
static void print_summary(FILE *out, const struct session *s, const struct summary *sum)
{
	char b[256], pc[32];
	fputs("\n== Summary ==\n", out);
	fprintf(out, "%s\n", verdict_summary_grade(sum, b, sizeof b));
	fprintf(out, "%s\n", verdict_summary_score(sum, b, sizeof b));
	char unreached[48] = "";
	if (sum->unreached)
		snprintf(unreached, sizeof unreached, ", not reached %zu", sum->unreached);
	snprintf(b, sizeof b, "Correct %zu, partly right %zu, wrong %zu, skipped %zu%s (of %zu)",
	         sum->correct, sum->partial, sum->wrong, sum->skipped, unreached, session_count(s));
	ui_plain_put_line(out, "", b, false);
	fprintf(out, "Best streak: %u\n", sum->best_streak);
	fputs("Time: ", out);
	put_duration(out, sum->seconds);
	fputc('\n', out);
	if (sum->ntags) {
		fputs("By tag:\n", out);
		for (size_t i = 0; i < sum->ntags; i++) {
			const struct tag_stat *t = &sum->tags[i];
			fputs("  ", out);
			put_text(out, t->tag, false);
			fprintf(out, ": %zu of %zu right", t->correct, t->held);
			if (t->unreached)
				fprintf(out, ", %zu not reached", t->unreached);
			fprintf(out, " (%s)\n", verdict_format_grade(t->grade, pc, sizeof pc));
		}
	}
	if (sum->nmissed) {
		fputs("Missed:\n", out);
		for (size_t i = 0; i < sum->nmissed; i++) {
			const struct item *it = sum->missed[i];
			ui_plain_put_line(out, "  - ", it->q->prompt, false);
			char *right = answer_format(it->q);
			ui_plain_put_line(out, "    Answer: ", right, false);
			free(right);
			if (it->q->explanation)
				ui_plain_put_line(out, "    Why: ", it->q->explanation, false);
		}
	} else if (sum->asked && !sum->unreached) {
		fputs("Nothing missed.\n", out);
	}
	if (sum->unreached)
		fprintf(out, "Not reached: %zu (not shown, so that a retry can ask them)\n",
		        sum->unreached);
}

int ui_plain_print_summary(const struct session *s, FILE *out)
{
	struct summary sum;
	if (session_summarize(s, &sum) != 0) {
		fputs("(not enough memory for the summary)\n", out);
		return -1;
	}
	print_summary(out, s, &sum);
	session_summary_free(&sum);
	return 0;
}

/* True when the learner says yes to a retry of missed and unreached
 * questions. */
static bool want_retry(FILE *in, FILE *out, size_t missed, size_t unreached, char **line,
                       size_t *cap)
{
	char b[160];
	fprintf(out, "%s [y/N] ", verdict_retry_offer(missed, unreached, b, sizeof b));
	if (fflush(out) != 0 || ferror(out))
		return false;  /* as in ask: the output is gone */
	char *l = ui_plain_read_line(in, line, cap);
	if (!l) {
		fputc('\n', out);
		return false;
	}
	text_trim(l);
	return !strcasecmp(l, "y") || !strcasecmp(l, "yes");
}

int ui_plain_run(struct session **sp, FILE *in, FILE *out, const struct ui_plain_opts *o)
{
	char *line = NULL;
	size_t cap = 0;
	int rc = 0;
	bool first = true;
	stop_catch();
	for (;;) {
		struct session *s = *sp;
		enum step step = STEP_NEXT;
		while (step == STEP_NEXT && session_current(s)) {
			step = ask(s, in, out, &line, &cap);
			session_next(s);
		}
		session_finish(s);
		if (stop_signal())
			fputc('\n', out);  /* the prompt was left open */
		struct summary sum;
		size_t missed = 0, unreached = 0;
		if (session_summarize(s, &sum) == 0) {
			print_summary(out, s, &sum);
			missed = sum.nmissed;
			unreached = sum.unreached;
			session_summary_free(&sum);
		} else {
			fputs("(not enough memory for the summary)\n", out);
		}
		/* Only the first quiz's summary is written: a retry's would
		 * replace the record of the whole quiz with a part of it. */
		if (first && o->summary_json) {
			char err[512];
			if (session_write_json(s, o->summary_json, err, sizeof err) != 0) {
				fflush(out);
				fprintf(stderr, "recall: %s\n", err);
				rc = 1;
			}
		}
		first = false;
		/* :quit still offers the retry; the end of input and signals do not */
		if (step == STEP_END || stop_signal() || missed + unreached == 0 ||
		    !want_retry(in, out, missed, unreached, &line, &cap))
			break;
		struct session *r = session_retry(s);
		if (!r) {
			fputs("recall: out of memory\n", stderr);
			rc = 1;
			break;
		}
		session_free(s);
		*sp = r;
	}
	free(line);
	fflush(out);
	int sig = stop_signal();
	stop_release();
	return sig ? 128 + sig : rc;
}
