/* ui_plain — the line-by-line front end; see ui_plain.h. */
#include "ui_plain.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stop.h"
#include "text.h"
#include "verdict.h"

/* Reads one line without its end of line; NULL at end of input or when a
 * signal asks us to stop.  The result lives in *buf until the next call. */
static char *read_line(FILE *in, char **buf, size_t *cap)
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
	case Q_CHOICE: return "Type the number of your answer.";
	case Q_MULTI: return "Type the numbers of every right answer, e.g. 1 3.";
	case Q_TRUEFALSE: return "Type t (true) or f (false).";
	case Q_NUMBER: return "Type a number.";
	case Q_TEXT: return "Type your answer.";
	case Q_ORDER: return "Type the numbers in the right order, e.g. 3 1 2.";
	case Q_MATCH: return "For each numbered item, type the letter of its partner, e.g. b a c.";
	case Q_CARD: return "Press Enter to flip the card.";
	case Q_NTYPES: break;
	}
	return "";
}

static void show_question(FILE *out, const struct session *s, const struct item *it)
{
	const struct question *q = it->q;
	fprintf(out, "\nQuestion %zu of %zu (%s, ", session_position(s) + 1, session_count(s),
	        deck_type_name(q->type));
	put_points(out, q->points);
	fputs(" points)\n", out);
	if (q->type == Q_CARD)
		fputs("Card: ", out);
	put_text(out, q->prompt, true);
	fputc('\n', out);
	for (size_t k = 0; k < it->nshown; k++) {
		size_t i = q->type == Q_MATCH ? k : it->shown[k];
		fprintf(out, "  %zu. ", k + 1);
		put_text(out, q->choices[i], false);
		fputc('\n', out);
	}
	if (q->type == Q_MATCH) {
		for (size_t k = 0; k < it->nshown; k++) {
			fprintf(out, "  %c. ", (char)('a' + k));
			put_text(out, q->rights[it->shown[k]], false);
			fputc('\n', out);
		}
	}
	if (q->type == Q_NUMBER && q->unit) {
		fputs("(answer in ", out);
		put_text(out, q->unit, false);
		fputs(")\n", out);
	}
	fprintf(out, "%s%s\n", instruction(q), q->hint ? " (:hint for a hint)" : "");
}

/* Splits line into numbers (1-based, each at most max) separated by spaces
 * or commas; letters instead when letters is true.  Returns the count, or
 * -1 when something else is there.  Stores at most cap values. */
static int parse_list(const char *line, bool letters, size_t max, size_t *v, size_t cap)
{
	int n = 0;
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (!*p)
			return n;
		size_t x;
		if (letters) {
			int ch = tolower((unsigned char)*p);
			if (ch < 'a' || ch > 'z')
				return -1;
			x = (size_t)(ch - 'a') + 1;
			p++;
		} else {
			if (!isdigit((unsigned char)*p))
				return -1;
			x = 0;
			while (isdigit((unsigned char)*p) && x < 1000)
				x = x * 10 + (size_t)(*p++ - '0');
		}
		if (x < 1 || x > max || (*p && *p != ' ' && *p != ',' && *p != '\t'))
			return -1;
		if ((size_t)n < cap)
			v[n] = x - 1;
		n++;
	}
}

/* Turns an answer line into a response; false with a message to show when
 * the line does not fit the question. */
/* Long: one short case per question type, kept together to read side by side. */
static bool parse_answer(const struct item *it, const char *line, struct response *r,
                         size_t *scratch, const char **why)
{
	const struct question *q = it->q;
	size_t n = it->nshown;
	size_t picks[DECK_MAX_CHOICES];
	int k;
	memset(r, 0, sizeof *r);
	switch (q->type) {
	case Q_CHOICE:
		k = parse_list(line, false, n, picks, DECK_MAX_CHOICES);
		if (k != 1) {
			*why = "Type one option's number.";
			return false;
		}
		r->choice = it->shown[picks[0]];
		return true;
	case Q_MULTI:
		k = parse_list(line, false, n, picks, DECK_MAX_CHOICES);
		if (k < 1 || k > (int)n) {
			*why = "Type the numbers of the options you pick, e.g. 1 3.";
			return false;
		}
		for (int i = 0; i < k; i++)
			r->selected |= 1ul << it->shown[picks[i]];
		return true;
	case Q_TRUEFALSE:
		if (!strcasecmp(line, "t") || !strcasecmp(line, "true") || !strcasecmp(line, "yes") ||
		    !strcasecmp(line, "y")) {
			r->truth = true;
			return true;
		}
		if (!strcasecmp(line, "f") || !strcasecmp(line, "false") || !strcasecmp(line, "no") ||
		    !strcasecmp(line, "n")) {
			r->truth = false;
			return true;
		}
		*why = "Type t (true) or f (false).";
		return false;
	case Q_NUMBER: {
		double x;
		if (!answer_parse_number(line, q->unit, &x)) {
			*why = "That is not a number: type digits (26, 1,000, 2.5) or words (twenty-six).";
			return false;
		}
		r->text = line;
		return true;
	}
	case Q_TEXT:
		if (!*line) {
			*why = "Type your answer, or :skip.";
			return false;
		}
		r->text = line;
		return true;
	case Q_ORDER: {
		k = parse_list(line, false, n, picks, DECK_MAX_CHOICES);
		bool seen[DECK_MAX_CHOICES] = { false };
		bool ok = k == (int)n;
		for (int i = 0; ok && i < k; i++) {
			ok = !seen[picks[i]];
			seen[picks[i]] = true;
		}
		if (!ok) {
			*why = "Type each of the shown numbers once, in the right order.";
			return false;
		}
		for (size_t i = 0; i < n; i++)
			scratch[i] = it->shown[picks[i]];
		r->order = scratch;
		return true;
	}
	case Q_MATCH:
		k = parse_list(line, true, n, picks, DECK_MAX_CHOICES);
		if (k != (int)n) {
			*why = "Type one letter for each numbered item, in order, e.g. b a c.";
			return false;
		}
		for (size_t i = 0; i < n; i++)
			scratch[i] = it->shown[picks[i]];
		r->match = scratch;
		return true;
	case Q_CARD:
		if (strlen(line) == 1 && line[0] >= '1' && line[0] <= '4') {
			r->rating = (enum rating)(line[0] - '0');
			return true;
		}
		*why = verdict_rating_prompt();
		return false;
	case Q_NTYPES:
		break;
	}
	return false;
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
	put_text(out, b, false);
	fputs(" +", out);
	put_points(out, it->earned);
	fputs(" points", out);
	if (session_score(s)->streak > 1)
		fprintf(out, ", streak %u", session_score(s)->streak);
	fputs(" (score ", out);
	put_points(out, session_score(s)->total);
	fputs(")\n", out);
	if (v->note[0] && q->type != Q_CARD) {
		put_text(out, verdict_note_sentence(v, b, sizeof b), false);
		fputc('\n', out);
	}
	if ((v->outcome != OUT_CORRECT || v->typo) && !(q->type == Q_CARD && seen_back)) {
		char *right = answer_format(q);
		fputs(q->type == Q_CARD ? "Back: " : "Answer: ", out);
		put_text(out, right ? right : "", true);
		fputc('\n', out);
		free(right);
	}
	if (q->explanation) {
		fputs("Why: ", out);
		put_text(out, q->explanation, true);
		fputc('\n', out);
	}
	if (q->source) {
		fputs("Source: ", out);
		put_text(out, q->source->title, false);
		if (q->paragraph)
			fprintf(out, ", paragraph %u", q->paragraph);
		fputc('\n', out);
	}
}

enum step { STEP_NEXT, STEP_QUIT };

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
		char *l = read_line(in, line, cap);
		if (!l)
			return STEP_QUIT;
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
				fputs("Hint (the question is now worth half): ", out);
				put_text(out, h, true);
				fputc('\n', out);
			} else {
				fputs("This question has no hint.\n", out);
			}
			continue;
		}
		if (it->q->type == Q_CARD && !flipped && !*l) {
			flipped = true;
			fputs("Back: ", out);
			put_text(out, it->q->back, true);
			fputc('\n', out);
			fputs(verdict_rating_prompt(), out);
			fputc('\n', out);
			continue;
		}
		struct response r;
		const char *why = "";
		if (!parse_answer(it, l, &r, scratch, &why)) {
			fprintf(out, "%s\n", why);
			continue;
		}
		show_verdict(out, s, session_answer(s, &r), flipped);
		return STEP_NEXT;
	}
}

/* Prints the summary of s; returns how many questions were missed. */
static size_t show_summary(FILE *out, const struct session *s)
{
	struct summary sum;
	if (session_summarize(s, &sum) != 0) {
		fputs("(not enough memory for the summary)\n", out);
		return 0;
	}
	fputs("\n== Summary ==\n", out);
	fputs("Score: ", out);
	put_points(out, sum.score);
	fputs(" of ", out);
	put_points(out, sum.max);
	char pc[32];
	fprintf(out, " (%s)\n", verdict_format_percent(sum.percent, pc, sizeof pc));
	fprintf(out, "Correct %zu, partly right %zu, wrong %zu, skipped %zu", sum.correct,
	        sum.partial, sum.wrong, sum.skipped);
	if (sum.unreached)
		fprintf(out, ", not reached %zu", sum.unreached);
	fprintf(out, " (of %zu)\n", session_count(s));
	fprintf(out, "Best streak: %u\n", sum.best_streak);
	fputs("Time: ", out);
	put_duration(out, sum.seconds);
	fputc('\n', out);
	if (sum.ntags) {
		fputs("By tag:\n", out);
		for (size_t i = 0; i < sum.ntags; i++) {
			const struct tag_stat *t = &sum.tags[i];
			fputs("  ", out);
			put_text(out, t->tag, false);
			fprintf(out, ": %zu of %zu right (%s)\n", t->correct, t->asked,
			        verdict_format_percent(t->max > 0 ? 100.0 * t->earned / t->max : 0.0,
			                               pc, sizeof pc));
		}
	}
	if (sum.nmissed) {
		fputs("Missed:\n", out);
		for (size_t i = 0; i < sum.nmissed; i++) {
			const struct item *it = sum.missed[i];
			fprintf(out, "  - ");
			put_text(out, it->q->prompt, false);
			fputc('\n', out);
			char *right = answer_format(it->q);
			fputs("    Answer: ", out);
			put_text(out, right ? right : "", false);
			fputc('\n', out);
			free(right);
			if (it->q->explanation) {
				fputs("    Why: ", out);
				put_text(out, it->q->explanation, false);
				fputc('\n', out);
			}
		}
	}
	size_t nmissed = sum.nmissed;
	session_summary_free(&sum);
	return nmissed;
}

/* True when the learner says yes to a retry. */
static bool want_retry(FILE *in, FILE *out, size_t nmissed, char **line, size_t *cap)
{
	fprintf(out, "Retry the %zu missed question%s? [y/N] ", nmissed, nmissed == 1 ? "" : "s");
	if (fflush(out) != 0 || ferror(out))
		return false;  /* as in ask: the output is gone */
	char *l = read_line(in, line, cap);
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
		bool quit = false;
		while (!quit && session_current(s)) {
			quit = ask(s, in, out, &line, &cap) == STEP_QUIT;
			session_next(s);
		}
		session_finish(s);
		if (stop_signal())
			fputc('\n', out);  /* the prompt was left open */
		size_t nmissed = show_summary(out, s);
		if (first && o->summary_json) {
			char err[512];
			if (session_write_json(s, o->summary_json, err, sizeof err) != 0) {
				fflush(out);
				fprintf(stderr, "recall: %s\n", err);
				rc = 1;
			}
		}
		first = false;
		if (quit || stop_signal() || nmissed == 0 || !want_retry(in, out, nmissed, &line, &cap))
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
