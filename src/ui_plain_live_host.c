/* ui_plain_live_host — the host of a live drill, line by line; see
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

struct host {
	struct drill *d;
	struct results *r;
	const struct ui_live_host_opts *o;
	FILE *out;
	struct ui_live_lines in;
	struct live_class cls;
	size_t njoined;        /* students who joined, as printed */
	const char *id;
	bool failed;           /* the store failed for good */
	bool ending;           /* :end, or the end of input */
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

static void store_failed(struct host *h)
{
	if (!h->failed)
		fprintf(stderr, "error: %s\n", results_error(h->r));
	h->failed = true;
}

static int add_joined(void *ctx, const char *name)
{
	struct host *h = ctx;
	size_t before = h->cls.n;
	if (live_class_find(&h->cls, name) < 0)
		return 1;
	if (h->cls.n > before) {
		char b[200];
		h->njoined = h->cls.n;
		fprintf(h->out, "Joined: %s (%zu in all)\n", esc(name, b, sizeof b), h->njoined);
		fflush(h->out);
	}
	return 0;
}

static void refresh_joined(struct host *h)
{
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_live_each_joined(h->r, h->id, add_joined, h), &since))
		;
	if (rc < 0)
		store_failed(h);
}

/* Posts an event, retried while the server is away.  0 or -1. */
static int post(struct host *h, const char *kind, int index, double closes, const char *payload)
{
	if (!payload) {
		fprintf(stderr, "error: out of memory\n");
		return h->failed = true, -1;
	}
	struct results_live_event e = { .drill = h->id, .klass = drill_class(h->d), .kind = kind,
	                                .index = index, .closes = closes, .payload = payload };
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_live_post(h->r, &e), &since))
		;
	if (rc < 0)
		store_failed(h);
	return rc;
}

static int count_one(void *ctx, const struct results_live_answer *a)
{
	(void)a;
	++*(size_t *)ctx;
	return 0;
}

static size_t count_answers(struct host *h, int index)
{
	size_t n = 0;
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_live_each_answer(h->r, h->id, index, count_one, &n),
	                     &since))
		n = 0;
	if (rc < 0)
		store_failed(h);
	return n;
}

/* What the host reads between events: Enter, :pause, :skip, :end. */
enum cmd { CMD_NONE, CMD_ENTER, CMD_PAUSE, CMD_SKIP, CMD_END };

static enum cmd read_cmd(struct host *h, int ms)
{
	if (h->in.eof) {
		ui_live_nap(ms);
		return CMD_NONE;
	}
	char *l;
	int got = ui_live_read_line(&h->in, ms, &l);
	if (got < 0)  /* unattended (--auto), the end of input ends nothing */
		return h->o->auto_next >= 0 ? CMD_NONE : CMD_END;
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
	fputs("Enter: go on; :pause, :skip or :end\n", h->out);
	fflush(h->out);
	return CMD_NONE;
}

/* The lobby: until Enter, or (auto) enough students joined. */
static void lobby(struct host *h)
{
	unsigned want = h->o->wait_for ? h->o->wait_for : 1;
	while (!h->failed && !stop_signal()) {
		refresh_joined(h);
		if (h->o->auto_next >= 0 && h->njoined >= want)
			return;
		enum cmd c = read_cmd(h, 100);
		if (c == CMD_ENTER)
			return;
		if (c == CMD_END) {
			h->ending = true;
			return;
		}
	}
}

/* The answers of one question, judged. */
struct judging {
	struct host *h;
	const struct item *it;
	double opened, limit;
	unsigned index;
	struct live_verdict *v;
	size_t nv;
	unsigned share[DECK_MAX_CHOICES + 2];   /* per shown option; true, false */
	bool failed;
};

static int judge_one(void *ctx, const struct results_live_answer *a)
{
	struct judging *j = ctx;
	const struct item *it = j->it;
	double seconds = a->time - j->opened;
	if (seconds < 0)
		seconds = 0;
	struct verdict v = { .outcome = OUT_WRONG };
	struct response resp;
	size_t scratch[DECK_MAX_CHOICES];
	const char *why = "";
	bool late = j->limit > 0 && seconds > j->limit;
	if (!*a->given || !strcmp(a->given, ":skip")) {
		v.outcome = OUT_SKIPPED;
	} else if (ui_plain_parse_answer(it, a->given, &resp, scratch, &why)) {
		answer_check(it->q, &resp, &v);
		for (size_t k = 0; it->q->type == Q_CHOICE && k < it->nshown; k++)
			j->share[k] += it->shown[k] == resp.choice;
		if (it->q->type == Q_TRUEFALSE)
			j->share[resp.truth ? 0 : 1]++;
	}
	if (late)
		seconds = j->limit;
	struct live_verdict *lv = &j->v[j->nv];
	if (live_host_score(&j->h->cls, a->student, late ? NULL : &v, it->q->points > 0 ?
	                    it->q->points : 0, seconds, lv) != 0)
		return 0;  /* past the most students kept */
	struct results_answer ra = {
		.drill = j->h->id, .student = a->student, .index = j->index, .deck = it->deck->id,
		.question = it->q->id, .given = a->given, .outcome = lv->outcome,
		.credit = late ? 0 : v.fraction, .points = lv->points, .seconds = seconds,
		.time = (int64_t)a->time,
	};
	double since = 0;
	int rc;
	while (ui_live_retry(rc = results_record(j->h->r, &ra), &since))
		;
	if (rc < 0)
		return j->failed = true, 1;
	j->nv++;
	return 0;
}

static void show_shares(struct host *h, struct judging *j)
{
	const struct item *it = j->it;
	size_t answered = 0, right = 0;
	for (size_t i = 0; i < j->nv; i++) {
		answered += j->v[i].answered;
		right += j->v[i].outcome == OUT_CORRECT;
	}
	fprintf(h->out, "The class: %zu of %zu answered, %zu right\n", answered, j->nv, right);
	if (it->q->type == Q_CHOICE) {
		for (size_t k = 0; k < it->nshown; k++) {
			char label[48];
			snprintf(label, sizeof label, "  %zu. [%u] ", k + 1, j->share[k]);
			ui_plain_put_line(h->out, label, it->q->choices[it->shown[k]], false);
		}
	} else if (it->q->type == Q_TRUEFALSE) {
		fprintf(h->out, "  true: %u\n  false: %u\n", j->share[0], j->share[1]);
	}
}

static void show_board(struct host *h, const char *title, size_t most)
{
	struct drill_entry *e = malloc((h->cls.n ? h->cls.n : 1) * sizeof *e);
	if (!e)
		return;
	size_t n = live_class_board(&h->cls, e, false);
	fprintf(h->out, "%s\n", title);
	for (size_t i = 0; i < n && i < most; i++) {
		char b[200], p[32];
		fprintf(h->out, "  %u. %s: %s points\n", e[i].rank, esc(e[i].name, b, sizeof b),
		        fmt_points(e[i].score, p, sizeof p));
	}
	free(e);
}

/* Closes question index: the fence, the judging, the verdicts posted. */
static void close_question(struct host *h, const struct item *it, unsigned index, double opened,
                           bool skipped)
{
	if (post(h, "close", (int)index, 0, "{\"judging\":true}") != 0)
		return;
	struct judging j = { .h = h, .it = it, .opened = opened, .index = index,
	                     .limit = drill_rules(h->d)->time_limit };
	j.v = calloc(LIVE_MAX_STUDENTS, sizeof *j.v);
	if (!j.v) {
		fprintf(stderr, "error: out of memory\n");
		h->failed = true;
		return;
	}
	refresh_joined(h);
	if (!skipped) {
		double since = 0;
		int rc;
		while (ui_live_retry(rc = results_live_each_answer(h->r, h->id, (int)index, judge_one,
		                                                   &j), &since))
			;
		if (rc != 0 || j.failed) {
			store_failed(h);
			free(j.v);
			return;
		}
		/* Whoever joined and gave nothing: timed out. */
		size_t nv = j.nv;
		for (size_t s = 0; s < h->cls.n && !h->failed; s++) {
			bool gave = false;
			for (size_t i = 0; i < nv && !gave; i++)
				gave = !strcmp(j.v[i].student, h->cls.names[s]);
			if (gave)
				continue;
			struct results_live_answer none = { .drill = h->id, .student = h->cls.names[s],
			                                    .index = (int)index, .given = "",
			                                    .time = opened + (j.limit > 0 ? j.limit : 0) };
			struct live_verdict *lv = &j.v[j.nv];
			if (live_host_score(&h->cls, none.student, NULL, it->q->points > 0 ?
			                    it->q->points : 0, j.limit > 0 ? j.limit : 0, lv) != 0)
				continue;
			struct results_answer ra = {
				.drill = h->id, .student = none.student, .index = index, .deck = it->deck->id,
				.question = it->q->id, .given = "", .outcome = RESULTS_TIMED_OUT,
				.credit = 0, .points = lv->points, .seconds = j.limit > 0 ? j.limit : 0,
				.time = (int64_t)none.time,
			};
			double since2 = 0;
			while (ui_live_retry(rc = results_record(h->r, &ra), &since2))
				;
			if (rc < 0)
				store_failed(h);
			j.nv++;
		}
	}
	char *payload = live_close_payload(&h->cls, it, j.v, j.nv, skipped);
	post(h, "close", (int)index, 0, payload);
	free(payload);
	if (skipped) {
		fprintf(h->out, "Question %u skipped\n", index + 1);
	} else {
		char *answer = answer_format(it->q);
		ui_plain_put_line(h->out, "The answer: ", answer ? answer : "", false);
		free(answer);
		show_shares(h, &j);
		char title[80];
		snprintf(title, sizeof title, "Leaderboard after question %u of %zu:", index + 1,
		         drill_count(h->d));
		show_board(h, title, 10);
	}
	fflush(h->out);
	free(j.v);
}

/* One question: open, the answers coming, closed.  Returns false when
 * the drill is to end (after this question). */
static void ask(struct host *h, unsigned index)
{
	const struct item *it = drill_item(h->d, index);
	double limit = drill_rules(h->d)->time_limit;
	char *payload = live_open_payload(it, index, (unsigned)drill_count(h->d), limit);
	double now = results_live_now();
	double closes = limit > 0 ? now + limit : 0;
	if (post(h, "open", (int)index, closes, payload) != 0) {
		free(payload);
		return;
	}
	double opened = now;   /* moved on by pauses */
	char p[32];
	fprintf(h->out, "\nQuestion %u of %zu opened (%s, %s points", index + 1, drill_count(h->d),
	        ui_plain_type_label(it->q), fmt_points(it->q->points, p, sizeof p));
	if (limit > 0)
		fprintf(h->out, ", %.0f seconds)\n", limit);
	else
		fputs(")\n", h->out);
	ui_plain_show_body(h->out, it);
	fflush(h->out);
	size_t shown = (size_t)-1;
	bool paused = false, skipped = false;
	double paused_at = 0;
	while (!h->failed && !stop_signal()) {
		refresh_joined(h);
		size_t n = count_answers(h, (int)index);
		if (n != shown) {
			fprintf(h->out, "%zu of %zu answered\n", n, h->njoined);
			fflush(h->out);
			shown = n;
		}
		if (!paused && h->njoined > 0 && n >= h->njoined)
			break;
		if (!paused && closes > 0 && results_live_now() >= closes) {
			fputs("Time is up\n", h->out);
			break;
		}
		enum cmd c = read_cmd(h, 100);
		if (c == CMD_ENTER && !paused)
			break;
		if (c == CMD_SKIP) {
			skipped = true;
			break;
		}
		if (c == CMD_END) {
			h->ending = true;
			break;
		}
		if (c == CMD_PAUSE || (c == CMD_ENTER && paused)) {
			double t = results_live_now();
			if (!paused) {
				paused_at = t;
				/* Posted again with no closing time: the clock stands. */
				post(h, "open", (int)index, 0, payload);
				fputs("Paused (:pause or Enter goes on)\n", h->out);
			} else {
				opened += t - paused_at;
				if (closes > 0)
					closes += t - paused_at;
				post(h, "open", (int)index, closes, payload);
				fputs("Going on\n", h->out);
			}
			fflush(h->out);
			paused = !paused;
		}
	}
	free(payload);
	if (!h->failed)
		close_question(h, it, index, opened, skipped);
}

/* Between questions: Enter (or the pause of auto) opens the next. */
static void between(struct host *h)
{
	double until = ui_live_clock() + h->o->auto_next;
	if (h->o->auto_next < 0) {
		fputs("Enter opens the next question (:end ends)\n", h->out);
		fflush(h->out);
	}
	while (!h->failed && !stop_signal() && !h->ending) {
		if (h->o->auto_next >= 0 && ui_live_clock() >= until)
			return;
		enum cmd c = read_cmd(h, 50);
		if (c == CMD_ENTER || c == CMD_SKIP)
			return;
		if (c == CMD_END)
			h->ending = true;
	}
}

static void podium(struct host *h)
{
	struct drill_entry *e = malloc((h->cls.n ? h->cls.n : 1) * sizeof *e);
	if (!e)
		return;
	size_t n = live_class_board(&h->cls, e, false);
	static const char *const place[] = { "1st", "2nd", "3rd" };
	fputs("\nThe drill is over.\n", h->out);
	for (size_t i = 0; i < n && e[i].rank <= 3; i++) {
		char b[200], p[32];
		fprintf(h->out, "%s: %s, %s points\n", place[e[i].rank - 1], esc(e[i].name, b, sizeof b),
		        fmt_points(e[i].score, p, sizeof p));
	}
	free(e);
	show_board(h, "Final standings:", (size_t)-1);
}

int ui_plain_live_host(struct drill *d, struct results *r, const struct ui_live_host_opts *o,
                       int in, FILE *out)
{
	struct host h = { .d = d, .r = r, .o = o, .out = out, .in = { .fd = in }, .id = drill_id(d) };
	h.cls.rules = *drill_rules(d);
	char begin[96], b[200], b2[200];
	snprintf(begin, sizeof begin, "{\"count\":%zu,\"time\":%.17g}", drill_count(d),
	         drill_rules(d)->time_limit);
	fprintf(out, "Live drill of class %s: %zu questions", esc(drill_class(d), b, sizeof b),
	        drill_count(d));
	if (drill_rules(d)->time_limit > 0)
		fprintf(out, ", %.0f seconds each", drill_rules(d)->time_limit);
	fprintf(out, "\nStudents join with: recall drill --join %s --student NAME\n",
	        esc(drill_class(d), b2, sizeof b2));
	if (o->auto_next < 0)
		fputs("Enter opens the first question\n", out);
	fflush(out);
	if (post(&h, "begin", -1, 0, begin) == 0)
		lobby(&h);
	for (unsigned i = 0; i < drill_count(d) && !h.failed && !h.ending && !stop_signal(); i++) {
		if (i > 0)
			between(&h);
		if (!h.ending && !stop_signal())
			ask(&h, i);
	}
	int rc = 0;
	if (!h.failed) {
		char *payload = live_end_payload(&h.cls);
		post(&h, "end", -1, 0, payload);
		free(payload);
		podium(&h);
	}
	fflush(out);
	live_class_free(&h.cls);
	if (h.failed)
		rc = 1;
	else if (stop_signal())
		rc = 128 + stop_signal();
	return rc;
}
