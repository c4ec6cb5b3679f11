/* ui_plain_drill — the plain front end of classroom drills; see
 * ui_plain_drill.h. */
#include "ui_plain_drill.h"

#include <errno.h>
#include <math.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "score.h"
#include "stop.h"
#include "text.h"
#include "ui_plain.h"
#include "verdict.h"

/* Lines read straight from a file descriptor, so that poll can wait for
 * them with a deadline (a FILE's buffer would hide lines from poll). */
struct lines {
	int fd;
	char *buf;
	size_t len, cap;
	size_t taken;   /* bytes of the line given last, to drop next time */
	bool eof;
};

enum got { GOT_LINE, GOT_TIMEOUT, GOT_END };

/* The next line of l, trimmed, into *line (valid until the next call),
 * waiting until the drill's turn has no time left (no clock: forever).
 * GOT_END at the end of input, or when a signal asks to stop. */
static enum got next_line(struct lines *l, const struct drill *d, char **line)
{
	if (l->taken) {
		memmove(l->buf, l->buf + l->taken, l->len - l->taken);
		l->len -= l->taken;
		l->taken = 0;
	}
	for (;;) {
		char *nl = l->len ? memchr(l->buf, '\n', l->len) : NULL;
		if (nl || (l->eof && l->len)) {
			size_t n = nl ? (size_t)(nl - l->buf) : l->len;
			l->taken = nl ? n + 1 : n;
			if (!nl) {  /* the last line, without its end */
				if (l->len == l->cap)
					return GOT_END;
				l->buf[l->len] = '\0';
			}
			l->buf[n] = '\0';
			if (memchr(l->buf, '\0', n))  /* a NUL inside: not a line of text */
				l->buf[0] = '\0';
			*line = text_trim(l->buf);
			return GOT_LINE;
		}
		if (l->eof || stop_signal())
			return GOT_END;
		double left = drill_time_left(d);
		if (left == 0)
			return GOT_TIMEOUT;
		int ms = left < 0 ? -1 : (int)ceil(left * 1000.0);
		struct pollfd p = { .fd = l->fd, .events = POLLIN };
		int r = poll(&p, 1, ms);
		if (r < 0 && errno != EINTR)
			return GOT_END;
		if (r <= 0)
			continue;  /* a signal (looked at above), or the time: see again */
		if (l->len + 1 >= l->cap) {
			size_t cap = l->cap ? 2 * l->cap : 4096;
			if (cap > (1u << 20))
				return GOT_END;  /* a line of a megabyte is no answer */
			char *b = realloc(l->buf, cap);
			if (!b)
				return GOT_END;
			l->buf = b;
			l->cap = cap;
		}
		ssize_t got = read(l->fd, l->buf + l->len, l->cap - l->len - 1);
		if (got < 0 && errno != EINTR && errno != EAGAIN)
			return GOT_END;
		if (got == 0)
			l->eof = true;
		if (got > 0)
			l->len += (size_t)got;
	}
}

/* What is left of the drill after each step. */
enum step {
	STEP_ON,     /* the turn is done */
	STEP_QUIT,   /* :quit, or the output is gone */
	STEP_END,    /* end of input, or a signal */
	STEP_ERROR,  /* the results store failed: said on stderr */
};

struct run {
	struct drill *d;
	struct lines in;
	FILE *out;
	bool echo;       /* input is a terminal: what is typed shows itself */
	bool hot_seat;   /* several players */
};

static const char *fmt_points(double p, char *buf, size_t size)
{
	score_format_points(p, buf, size);
	return buf;
}

static const char *escaped(const char *s, char *buf, size_t size)
{
	return text_escape_into(s ? s : "", false, buf, size);
}

/* "1st", "2nd", "3rd", "4th", "11th", "21st", ... */
static const char *ordinal(unsigned n, char *buf, size_t size)
{
	const char *suf = "th";
	if (n % 100 < 11 || n % 100 > 13) {
		if (n % 10 == 1)
			suf = "st";
		else if (n % 10 == 2)
			suf = "nd";
		else if (n % 10 == 3)
			suf = "rd";
	}
	snprintf(buf, size, "%u%s", n, suf);
	return buf;
}

/* Whole seconds left, rounded up: "20 seconds", "1 second". */
static void put_seconds(FILE *out, double left, const char *after)
{
	long s = (long)ceil(left);
	fprintf(out, "%ld second%s%s\n", s, s == 1 ? "" : "s", after);
}

static void show_question(struct run *r)
{
	const struct item *it = drill_current(r->d);
	const struct drill_rules *rules = drill_rules(r->d);
	char p[32];
	fprintf(r->out, "\nQuestion %zu of %zu (%s, %s points", drill_index(r->d) + 1,
	        drill_count(r->d), ui_plain_type_label(it->q), fmt_points(it->q->points, p, sizeof p));
	if (rules->time_limit > 0) {
		fputs(", ", r->out);
		put_seconds(r->out, rules->time_limit, ")");
	} else {
		fputs(")\n", r->out);
	}
	ui_plain_show_body(r->out, it);
}

/* Prompts; false when nobody reads the output. */
static bool prompt(struct run *r)
{
	fputs("> ", r->out);
	return fflush(r->out) == 0 && !ferror(r->out);
}

/* The line that answers the prompt starts a line of its own. */
static void after_prompt(struct run *r)
{
	if (!r->echo)
		fputc('\n', r->out);
}

/* Drops what was typed but not entered when the time ran out. */
static void drop_typing(struct run *r)
{
	if (r->echo)
		tcflush(r->in.fd, TCIFLUSH);
}

/* The current player's turn: the time there is, then lines until one
 * answers (or skips), the time runs out, or the player leaves. */
static enum step turn(struct run *r)
{
	struct drill *d = r->d;
	const struct item *it = drill_current(d);
	size_t scratch[DECK_MAX_CHOICES];
	char name[200];
	drill_turn_start(d);
	double left = drill_time_left(d);
	if (r->hot_seat) {
		fprintf(r->out, "%s's turn", escaped(drill_player(d, drill_turn(d)), name, sizeof name));
		if (left >= 0) {
			fputs(": ", r->out);
			put_seconds(r->out, left, "");
		} else {
			fputc('\n', r->out);
		}
	} else if (left >= 0) {
		put_seconds(r->out, left, "");
	}
	for (;;) {
		if (!prompt(r))
			return STEP_QUIT;
		char *l;
		enum got g = next_line(&r->in, d, &l);
		if (g == GOT_END)
			return STEP_END;
		if (g == GOT_TIMEOUT) {
			drop_typing(r);
			fputs("\nTime is up\n", r->out);
			return drill_time_up(d) == 0 ? STEP_ON : STEP_ERROR;
		}
		after_prompt(r);
		if (!strcmp(l, ":quit") || !strcmp(l, ":q"))
			return STEP_QUIT;
		int rc;
		if (!strcmp(l, ":skip") || !strcmp(l, ":s")) {
			rc = drill_skip(d);
		} else if (!strcmp(l, ":hint") || !strcmp(l, ":h")) {
			fputs("A drill gives no hints.\n", r->out);
			continue;
		} else {
			struct response resp;
			const char *why = "";
			if (!ui_plain_parse_answer(it, l, &resp, scratch, &why)) {
				fprintf(r->out, "%s\n", why);
				left = drill_time_left(d);
				if (left > 0)
					put_seconds(r->out, left, " left");
				continue;
			}
			rc = drill_answer(d, &resp);
		}
		return rc == 0 ? STEP_ON : STEP_ERROR;
	}
}

/* "Right! +295 points (streak bonus +200)" for an outcome: the words of
 * every front end (verdict_drill_line). */
static void outcome_words(const struct drill_outcome *o, char *buf, size_t size)
{
	verdict_drill_line(o->timed_out ? NULL : &o->verdict, o->points, o->bonus, buf, size);
}

/* A copy of the current item with the outcome's verdict, for the shared
 * details (note, right answer, explanation, source). */
static void show_details(struct run *r, const struct drill_outcome *o, bool always_answer)
{
	struct item it = *drill_current(r->d);
	it.verdict = o->verdict;
	if (always_answer && it.verdict.outcome == OUT_CORRECT)
		it.verdict.outcome = OUT_WRONG;  /* the right answer is shown all the same */
	if (always_answer)
		it.verdict.note[0] = '\0';
	ui_plain_show_details(r->out, &it, false);
}

static const char *const outcome_names[] = { "right", "partly right", "wrong", "skipped" };

/* "Recorded question 3 of 10: right, +875 points": after the commit. */
static void say_recorded(struct run *r, const struct drill_outcome *o)
{
	if (!o->recorded)
		return;
	char p[32];
	const char *what = o->timed_out ? "timed out" : outcome_names[o->verdict.outcome];
	fprintf(r->out, "Recorded question %zu of %zu: %s, +%s points\n", drill_index(r->d) + 1,
	        drill_count(r->d), what, fmt_points(o->points, p, sizeof p));
}

/* One player: the verdict at once. */
static void show_verdict(struct run *r)
{
	const struct drill_outcome *o = drill_outcome(r->d, 0);
	char line[400], s[32];
	outcome_words(o, line, sizeof line);
	size_t n = strlen(line);
	snprintf(line + n, sizeof line - n, "; score %s",
	         fmt_points(drill_tally(r->d, 0)->score, s, sizeof s));
	ui_plain_put_line(r->out, "", line, false);
	show_details(r, o, false);
	say_recorded(r, o);
}

static void show_leaderboard(struct run *r)
{
	size_t np = drill_nplayers(r->d);
	struct drill_entry e[DRILL_MAX_PLAYERS];
	drill_leaderboard(r->d, e);
	fprintf(r->out, "Leaderboard after question %zu of %zu:\n", drill_index(r->d) + 1,
	        drill_count(r->d));
	for (size_t i = 0; i < np; i++) {
		char name[200], p[32];
		fprintf(r->out, "  %u. %s: %s points", e[i].rank, escaped(e[i].name, name, sizeof name),
		        fmt_points(e[i].score, p, sizeof p));
		if (e[i].prev_rank == 0)
			fputc('\n', r->out);
		else if (e[i].change == 0)
			fputs(" (=)\n", r->out);
		else
			fprintf(r->out, " (%+d)\n", e[i].change);
	}
}

/* Hot-seat: every player's answer once all have answered. */
static void reveal(struct run *r)
{
	char name[200], given[400], line[800];
	fprintf(r->out, "\nAnswers to question %zu of %zu:\n", drill_index(r->d) + 1,
	        drill_count(r->d));
	for (size_t i = 0; i < drill_nplayers(r->d); i++) {
		const struct drill_outcome *o = drill_outcome(r->d, i);
		char words[300];
		outcome_words(o, words, sizeof words);
		escaped(drill_player(r->d, i), name, sizeof name);
		if (o->timed_out || !o->given || !*o->given)
			snprintf(line, sizeof line, "  %s: %s", name, words);
		else
			snprintf(line, sizeof line, "  %s answered %s: %s", name,
			         escaped(o->given, given, sizeof given), words);
		ui_plain_put_line(r->out, "", line, false);
	}
	show_details(r, drill_outcome(r->d, 0), true);
	show_leaderboard(r);
}

static void show_podium(struct run *r)
{
	size_t np = drill_nplayers(r->d);
	struct drill_entry e[DRILL_MAX_PLAYERS];
	drill_leaderboard(r->d, e);
	char name[200], p[32], g[32], o[16];
	fputs("\n== Podium ==\n", r->out);
	for (size_t i = 0; i < np && e[i].rank <= 3; i++)
		fprintf(r->out, "%s: %s, %s points\n", ordinal(e[i].rank, o, sizeof o),
		        escaped(e[i].name, name, sizeof name), fmt_points(e[i].score, p, sizeof p));
	fputs("Final ranking:\n", r->out);
	for (size_t i = 0; i < np; i++) {
		size_t k = 0;
		while (k < np && strcmp(drill_player(r->d, k), e[i].name))
			k++;
		const struct drill_tally *t = drill_tally(r->d, k);
		fprintf(r->out, "  %u. %s: %s points, grade %s (right %u, partly right %u, wrong %u, "
		        "timed out %u)\n", e[i].rank, escaped(e[i].name, name, sizeof name),
		        fmt_points(e[i].score, p, sizeof p), verdict_format_grade(e[i].grade, g, sizeof g),
		        t->right, t->partly, t->wrong, t->timed_out);
	}
}

/* The student's place in the class, from the results store. */
static int show_class_rank(struct run *r)
{
	const struct drill_entry *e;
	size_t n;
	if (drill_class_board(r->d, &e, &n) != 0) {
		fflush(r->out);
		fprintf(stderr, "recall: the class's results could not be read: %s\n",
		        drill_error(r->d));
		return 1;
	}
	char klass[200], name[200], p[32], o[16];
	for (size_t i = 0; i < n; i++) {
		if (strcmp(e[i].name, drill_player(r->d, 0)))
			continue;
		fprintf(r->out, "Rank in class %s so far: %s of %zu (%s, %s points)\n",
		        escaped(drill_class(r->d), klass, sizeof klass), ordinal(e[i].rank, o, sizeof o),
		        n, escaped(e[i].name, name, sizeof name), fmt_points(e[i].score, p, sizeof p));
	}
	return 0;
}

static void show_summary(struct run *r)
{
	const struct drill_tally *t = drill_tally(r->d, 0);
	char p[32], g[32], m[32];
	unsigned answered = t->right + t->partly + t->wrong + t->timed_out;
	fputs("\n== Drill summary ==\n", r->out);
	fprintf(r->out, "Score: %s points\n", fmt_points(t->score, p, sizeof p));
	fprintf(r->out, "Grade: %s (%s of %s points)\n", verdict_format_grade(drill_grade(t), g, sizeof g),
	        fmt_points(t->grade_points, p, sizeof p), fmt_points(t->max, m, sizeof m));
	fprintf(r->out, "Right %u, partly right %u, wrong %u, timed out %u (of %zu questions)\n",
	        t->right, t->partly, t->wrong, t->timed_out, drill_count(r->d));
	fprintf(r->out, "Best streak: %u\n", t->best_streak);
	if (answered < drill_count(r->d))
		fprintf(r->out, "Not answered: %zu%s\n", drill_count(r->d) - answered,
		        *drill_id(r->d) ? " (start again with the same names to go on)" : "");
}

static void show_start(struct run *r)
{
	struct drill *d = r->d;
	const struct drill_rules *rules = drill_rules(d);
	char a[200], b[200], p[32];
	fprintf(r->out, "Drill: %zu question%s", drill_count(d), drill_count(d) == 1 ? "" : "s");
	if (rules->time_limit > 0) {
		fputs(", ", r->out);
		put_seconds(r->out, rules->time_limit, " each");
	} else {
		fputs(", no clock\n", r->out);
	}
	if (rules->no_speed || rules->no_streak)
		fprintf(r->out, "Rules:%s%s\n", rules->no_speed ? " no speed bonus" : "",
		        rules->no_speed && rules->no_streak ? ", no streak bonus"
		                                            : rules->no_streak ? " no streak bonus" : "");
	if (r->hot_seat) {
		fputs("Players in turn: ", r->out);
		for (size_t i = 0; i < drill_nplayers(d); i++)
			fprintf(r->out, "%s%s", i ? ", " : "", escaped(drill_player(d, i), a, sizeof a));
		fputc('\n', r->out);
	}
	if (*drill_id(d)) {
		fprintf(r->out, "Class %s, student %s, drill %s\n", escaped(drill_class(d), a, sizeof a),
		        escaped(drill_player(d, 0), b, sizeof b), drill_id(d));
		size_t at = drill_resumed_at(d);
		if (at >= drill_count(d))
			fputs("Every question of this drill is answered already.\n", r->out);
		else if (at)
			fprintf(r->out, "Resuming at question %zu of %zu (score %s)\n", at + 1,
			        drill_count(d), fmt_points(drill_tally(d, 0)->score, p, sizeof p));
	}
}

/* Ends the drill and says how it ended; rank: the student's rank in the
 * class too (class mode).  Returns show_class_rank's status, or 0. */
static int show_end(struct run *r, bool rank)
{
	drill_finish(r->d);
	if (r->hot_seat)
		show_podium(r);
	else
		show_summary(r);
	return rank && *drill_id(r->d) ? show_class_rank(r) : 0;
}

int ui_plain_drill_print_end(struct drill *d, FILE *out)
{
	struct run r = { .d = d, .out = out, .hot_seat = drill_nplayers(d) > 1 };
	return show_end(&r, true);
}

int ui_plain_drill_run(struct drill *d, int in, FILE *out)
{
	struct run r = { .d = d, .in = { .fd = in }, .out = out, .echo = isatty(in) != 0,
	                 .hot_seat = drill_nplayers(d) > 1 };
	enum step step = STEP_ON;
	stop_catch();
	show_start(&r);
	while (step == STEP_ON && drill_phase(d) != DRILL_OVER) {
		if (drill_turn(d) == 0)
			show_question(&r);
		step = turn(&r);
		if (step != STEP_ON)
			break;
		if (!r.hot_seat) {
			show_verdict(&r);
		} else if (drill_phase(d) == DRILL_TURN) {
			char name[200];
			fprintf(out, "%s has answered.\n",
			        escaped(drill_player(d, drill_turn(d) - 1), name, sizeof name));
		} else {
			reveal(&r);
		}
		if (drill_phase(d) == DRILL_REVEAL)
			drill_next(d);
	}
	int rc = 0;
	if (step == STEP_ERROR) {
		fflush(out);
		fprintf(stderr, "recall: the answer was not recorded: %s\n", drill_error(d));
		rc = 1;
	}
	if (stop_signal() || step == STEP_END)
		fputc('\n', out);  /* the prompt was left open */
	int end = show_end(&r, rc == 0);
	rc = rc ? rc : end;
	free(r.in.buf);
	fflush(out);
	int sig = stop_signal();
	stop_release();
	return sig ? 128 + sig : rc;
}
