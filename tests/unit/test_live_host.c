/* Unit tests of the live drill's host core (live_host.h), without a
 * terminal: a real results database (an SQLite file in a temporary
 * folder; with RECALL_TEST_PG_URI, a PostgreSQL database of its own per
 * test, as test_results does), students played by the store's own calls
 * (results_live_join, results_live_answer), and a clock the test moves. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "check.h"
#include "sqlraw.h"
#include "results.h"
#include "pgraw.h"
#include "live_host.h"

/* Four questions, one of each type the shares differ for; each right
 * answer typed as its text. */
static const char deck_text[] =
	"{\"format\":\"recall-deck/1\",\"id\":\"live\",\"title\":\"L\",\"questions\":[\n"
	"{\"id\":\"c\",\"type\":\"choice\",\"prompt\":\"C?\",\"choices\":[\"right\",\"wrong\",\"nope\"],\"answer\":\"right\"},\n"
	"{\"id\":\"t\",\"type\":\"truefalse\",\"prompt\":\"T?\",\"answer\":true},\n"
	"{\"id\":\"x\",\"type\":\"text\",\"prompt\":\"X?\",\"answer\":\"Paris\"},\n"
	"{\"id\":\"m\",\"type\":\"multi\",\"prompt\":\"M?\",\"choices\":[\"w\",\"x\",\"y\"],\"answer\":[\"w\",\"y\"]}\n"
	"]}";

static struct deck *deck;
static char err[1024];

/* The clock: the real one moved on by what the test adds (the store
 * stamps events with the real one). */
static double offset;
static double fake_now(void)
{
	return results_live_now() + offset;
}

static const struct live_host_opts opts = { .now = fake_now };

/* A drill of the four questions on the store at where. */
struct fixture {
	struct results *r;
	struct drill *d;
	struct live_host *h;
};

static struct drill *make_drill(struct results *r, double limit)
{
	struct deck *decks[1] = { deck };
	struct drill_opts o = { .count = 0, .seed = 9, .rules = { .time_limit = limit },
	                        .results = r, .klass = "7L" };
	struct drill *d = drill_new(decks, 1, &o, err, sizeof err);
	if (!d)
		printf("  drill_new: %s\n", err);
	return d;
}

static bool setup(struct fixture *f, const char *name, double limit)
{
	memset(f, 0, sizeof *f);
	offset = 0;
	if (results_open(where(name), 5000, &f->r, err, sizeof err) != 0) {
		printf("  results_open: %s\n", err);
		return false;
	}
	f->d = make_drill(f->r, limit);
	f->h = f->d ? live_host_new(f->d, f->r, &opts) : NULL;
	CHECK(f->h != NULL);
	return f->h != NULL;
}

/* Starts the host again over the same store, as after a crash: a new
 * drill of the same settings, a new host, begun. */
static int restart(struct fixture *f, double limit)
{
	live_host_free(f->h);
	drill_free(f->d);
	f->d = make_drill(f->r, limit);
	f->h = f->d ? live_host_new(f->d, f->r, &opts) : NULL;
	return f->h ? live_host_begin(f->h) : LIVE_HOST_ERROR;
}

static void teardown(struct fixture *f)
{
	live_host_free(f->h);
	drill_free(f->d);
	results_close(f->r);
}

/* The index of the question of id qid. */
static size_t index_of(const struct fixture *f, const char *qid)
{
	for (size_t i = 0; i < drill_count(f->d); i++)
		if (!strcmp(drill_item(f->d, i)->q->id, qid))
			return i;
	return (size_t)-1;
}

static void join(const struct fixture *f, const char *who)
{
	CHECK(results_live_join(f->r, drill_id(f->d), who) == 0);
}

/* A student's answer to question index, given at (clock) time t. */
static int answer(const struct fixture *f, const char *who, size_t index, const char *given, double t)
{
	struct results_live_answer a = { .drill = drill_id(f->d), .student = who, .index = (int)index,
	                                 .given = given, .time = t };
	return results_live_answer(f->r, &a);
}

/* The right answer to question index as a student types it. */
static const char *right_line(const struct fixture *f, size_t index)
{
	static char buf[32];
	const struct item *it = drill_item(f->d, index);
	switch (it->q->type) {
	case Q_CHOICE: return "right";
	case Q_TRUEFALSE: return "t";
	case Q_TEXT: return "Paris";
	default:  /* multi: the shown numbers of w and y */
		buf[0] = '\0';
		for (size_t k = 0; k < it->nshown; k++) {
			const char *o = it->q->choices[it->shown[k]];
			if (strcmp(o, "x") != 0)
				snprintf(buf + strlen(buf), sizeof buf - strlen(buf), "%zu ", k + 1);
		}
		return buf;
	}
}

/* Opens questions until question index is open (closing each before it
 * by skipping it). */
static void open_at(struct fixture *f, size_t index)
{
	CHECK(live_host_next(f->h) == LIVE_HOST_OK);
	while (live_host_index(f->h) < index) {
		CHECK(live_host_skip(f->h) == LIVE_HOST_OK);
		CHECK(live_host_next(f->h) == LIVE_HOST_OK);
	}
	CHECK(live_host_state(f->h) == LIVE_HOST_OPEN && live_host_index(f->h) == index);
}

/* The answers recorded: "student:index:outcome:points ..." in id order. */
struct recorded {
	char text[512];
	size_t n;
};

static int add_recorded(void *ctx, const struct results_answer *a)
{
	struct recorded *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s%s:%u:%d:%g", len ? " " : "", a->student,
	         a->index, a->outcome, a->points);
	s->n++;
	return 0;
}

static struct recorded recorded(const struct fixture *f)
{
	struct recorded s = { "", 0 };
	CHECK(results_each_answer(f->r, drill_id(f->d), add_recorded, &s) == 0);
	return s;
}

/* The events posted: "kind:index ...", and the last close's payload. */
struct events {
	char kinds[512];
	char last_close[4096];
	double last_open_closes;
};

static int add_event(void *ctx, const struct results_live_event *e)
{
	struct events *s = ctx;
	size_t len = strlen(s->kinds);
	snprintf(s->kinds + len, sizeof s->kinds - len, "%s%s:%d", len ? " " : "", e->kind, e->index);
	if (!strcmp(e->kind, "close"))
		snprintf(s->last_close, sizeof s->last_close, "%s", e->payload);
	if (!strcmp(e->kind, "open"))
		s->last_open_closes = e->closes;
	return 0;
}

static struct events events(const struct fixture *f)
{
	struct events s;
	memset(&s, 0, sizeof s);
	CHECK(results_live_events(f->r, drill_id(f->d), NULL, 0, add_event, &s) == 0);
	return s;
}

/* ---- the tests ---------------------------------------------------------- */

/* The lobby, a choice question opened, answered by everyone who joined
 * (through the store, as students do), closed at once: the shares per
 * shown option, the verdicts, the board, the records and what is posted. */
static void closes_when_all_answered(void)
{
	struct fixture f;
	if (!setup(&f, "all.db", 20))
		return;
	CHECK(live_host_state(f.h) == LIVE_HOST_LOBBY);
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	CHECK(live_host_state(f.h) == LIVE_HOST_LOBBY);
	CHECK(live_host_resumed_at(f.h) == 0);
	CHECK(live_host_tick(f.h) == 0);
	join(&f, "ana");
	join(&f, "ben");
	join(&f, "cy");
	CHECK(live_host_tick(f.h) == LIVE_HOST_JOINED);
	size_t n;
	const char *const *names = live_host_joined(f.h, &n);
	CHECK(n == 3 && !strcmp(names[0], "ana") && !strcmp(names[2], "cy"));
	CHECK(live_host_close(f.h) == LIVE_HOST_NOT_NOW);
	CHECK(live_host_pause(f.h) == LIVE_HOST_NOT_NOW);
	size_t c = index_of(&f, "c");
	open_at(&f, c);
	const struct item *it = live_host_item(f.h);
	CHECK(it && !strcmp(it->q->id, "c"));
	CHECK(live_host_time_left(f.h) > 19.5 && live_host_time_left(f.h) <= 20);
	double t0 = fake_now();
	/* ana right at once, ben wrong, cy right after 10 of 20 seconds */
	CHECK(answer(&f, "ana", c, "right", t0) == 0);
	CHECK(answer(&f, "ben", c, "wrong", t0 + 1) == 0);
	CHECK(answer(&f, "ana", c, "wrong", t0 + 1) == RESULTS_ALREADY);
	CHECK(live_host_tick(f.h) == LIVE_HOST_ANSWERED);
	CHECK(live_host_answered(f.h) == 2 && live_host_state(f.h) == LIVE_HOST_OPEN);
	CHECK(answer(&f, "cy", c, "right", t0 + 10) == 0);
	CHECK(live_host_tick(f.h) == (LIVE_HOST_ANSWERED | LIVE_HOST_CLOSED_NOW));
	CHECK(live_host_state(f.h) == LIVE_HOST_CLOSED);
	CHECK(answer(&f, "cy", c, "right", t0 + 11) == RESULTS_CLOSED);
	const struct live_host_close *l = live_host_last(f.h);
	if (!l) {
		CHECK(0);
		teardown(&f);
		return;
	}
	CHECK(l->index == c && !l->skipped && l->why == LIVE_HOST_BY_ALL);
	CHECK_STR(l->answer, "right");
	CHECK(l->nv == 3 && l->nright == 2 && l->nanswered == 3);
	for (size_t k = 0; k < it->nshown; k++) {
		const char *o = it->q->choices[it->shown[k]];
		CHECK(l->share[k] == (!strcmp(o, "right") ? 2u : !strcmp(o, "wrong") ? 1u : 0u));
	}
	/* The board: ana 100 (at once), cy 75 (half the time), ben 0. */
	CHECK(l->nboard == 3);
	CHECK_STR(l->board[0].name, "ana");
	CHECK_NUM(l->board[0].score, 100);
	CHECK_STR(l->board[1].name, "cy");
	CHECK_NUM(l->board[1].score, 75);
	CHECK(l->board[2].rank == 3);
	struct recorded rec = recorded(&f);
	CHECK(rec.n == 3);
	char want[128];
	snprintf(want, sizeof want, "ana:%zu:0:100", c);
	CHECK(strstr(rec.text, want) != NULL);
	snprintf(want, sizeof want, "ben:%zu:2:0", c);
	CHECK(strstr(rec.text, want) != NULL);
	/* Posted: the fence, then the verdicts; a student reads theirs. */
	struct events ev = events(&f);
	snprintf(want, sizeof want, "open:%zu close:%zu close:%zu", c, c, c);
	CHECK(strstr(ev.kinds, want) != NULL);
	struct live_result res;
	CHECK(live_result_parse(ev.last_close, "cy", &res) == 0);
	CHECK(res.found && res.outcome == 0 && res.points == 75 && res.rank == 2 && res.of == 3);
	CHECK_STR(res.answer, "right");
	live_result_free(&res);
	teardown(&f);
}

/* The clock closes a question; whoever joined and gave nothing times out,
 * and a truefalse question counts true and false. */
static void closes_when_time_is_up(void)
{
	struct fixture f;
	if (!setup(&f, "clock.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	size_t t = index_of(&f, "t");
	open_at(&f, t);
	CHECK(answer(&f, "ana", t, "f", fake_now() + 1) == 0);
	live_host_tick(f.h);
	offset += 19;
	CHECK(live_host_tick(f.h) == 0 && live_host_state(f.h) == LIVE_HOST_OPEN);
	CHECK(live_host_time_left(f.h) > 0 && live_host_time_left(f.h) < 1.5);
	offset += 2;
	CHECK(live_host_tick(f.h) == LIVE_HOST_CLOSED_NOW);
	const struct live_host_close *l = live_host_last(f.h);
	if (!l) {
		CHECK(0);
		teardown(&f);
		return;
	}
	CHECK(l->why == LIVE_HOST_BY_CLOCK && l->ntrue == 0 && l->nfalse == 1);
	CHECK(l->nv == 2 && l->nanswered == 1 && l->nright == 0);
	CHECK(live_host_time_left(f.h) < 0);
	char want[64];
	snprintf(want, sizeof want, "ben:%zu:%d:0", t, RESULTS_TIMED_OUT);
	CHECK(strstr(recorded(&f).text, want) != NULL);
	teardown(&f);
}

/* A pause stands the clock still (posted with no closing time) and moves
 * the closing time on by its length; the speed leaves it out. */
static void pause_moves_the_closing_time(void)
{
	struct fixture f;
	if (!setup(&f, "pause.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	size_t x = index_of(&f, "x");
	open_at(&f, x);
	double closes = events(&f).last_open_closes;
	offset += 5;
	CHECK(live_host_pause(f.h) == LIVE_HOST_OK && live_host_state(f.h) == LIVE_HOST_PAUSED);
	CHECK(events(&f).last_open_closes == 0);
	offset += 100;
	live_host_tick(f.h);
	CHECK(live_host_state(f.h) == LIVE_HOST_PAUSED);
	CHECK(live_host_time_left(f.h) > 14.5 && live_host_time_left(f.h) < 15.5);
	CHECK(live_host_pause(f.h) == LIVE_HOST_OK && live_host_state(f.h) == LIVE_HOST_OPEN);
	double moved = events(&f).last_open_closes;
	CHECK(moved > closes + 99.5 && moved < closes + 100.5);
	CHECK(live_host_time_left(f.h) > 14.5 && live_host_time_left(f.h) < 15.5);
	/* 5 s before the pause and 1 after: 6 of 20, so 100 x (1 - 0.15). */
	CHECK(answer(&f, "ana", x, "paris", fake_now() + 1) == 0);
	CHECK(answer(&f, "ben", x, "Lyon", fake_now() + 1) == 0);
	CHECK(live_host_tick(f.h) & LIVE_HOST_CLOSED_NOW);
	const struct live_host_close *l = live_host_last(f.h);
	CHECK(l && l->nright == 1 && l->board[0].score > 84 && l->board[0].score < 86);
	teardown(&f);
}

/* A skipped question: nothing judged, nothing recorded, posted skipped. */
static void skip_records_nothing(void)
{
	struct fixture f;
	if (!setup(&f, "skip.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	CHECK(answer(&f, "ana", 0, right_line(&f, 0), fake_now()) == 0);
	CHECK(live_host_skip(f.h) == LIVE_HOST_OK);
	const struct live_host_close *l = live_host_last(f.h);
	CHECK(l && l->skipped && l->nv == 0 && l->why == LIVE_HOST_BY_SKIP);
	CHECK(recorded(&f).n == 0);
	struct live_result res;
	CHECK(live_result_parse(events(&f).last_close, "ana", &res) == 0 && res.skipped && !res.found);
	live_result_free(&res);
	CHECK(live_host_skip(f.h) == LIVE_HOST_NOT_NOW);
	teardown(&f);
}

/* Ending early: the open question is closed and judged first, the end
 * posted, the later questions never opened; the last question's close
 * ends the drill too. */
static void ends_early_and_after_the_last(void)
{
	struct fixture f;
	if (!setup(&f, "end.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	CHECK(answer(&f, "ana", 0, "nonsense", fake_now()) == 0);
	live_host_tick(f.h);
	CHECK(live_host_end(f.h) == LIVE_HOST_OK && live_host_state(f.h) == LIVE_HOST_ENDED);
	CHECK(live_host_asked(f.h) == 1);
	CHECK(live_host_last(f.h)->why == LIVE_HOST_BY_END);
	CHECK_STR(events(&f).kinds, "begin:-1 open:0 close:0 close:0 end:-1");
	CHECK(recorded(&f).n == 2);
	CHECK(live_host_end(f.h) == LIVE_HOST_NOT_NOW);
	CHECK(live_host_next(f.h) == LIVE_HOST_NOT_NOW);
	teardown(&f);

	if (!setup(&f, "last.db", 0))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	for (size_t i = 0; i < 4; i++) {
		CHECK(live_host_time_left(f.h) < 0);  /* no clock */
		CHECK(live_host_close(f.h) == LIVE_HOST_OK);
		CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	}
	CHECK(live_host_state(f.h) == LIVE_HOST_ENDED && live_host_asked(f.h) == 4);
	size_t n;
	const struct drill_entry *b = live_host_board(f.h, &n);
	CHECK(n == 1 && b && !strcmp(b[0].name, "ana") && b[0].score == 0);
	CHECK(live_host_tally(f.h, "ana") && live_host_tally(f.h, "ana")->timed_out == 4);
	teardown(&f);
}

/* A host started again while a question is open: it is open again with the
 * time it has left, what was answered meanwhile counts, nobody twice. */
static void resumes_an_open_question(void)
{
	struct fixture f;
	if (!setup(&f, "resume-open.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	CHECK(answer(&f, "ana", 0, right_line(&f, 0), fake_now()) == 0);
	CHECK(answer(&f, "ben", 0, right_line(&f, 0), fake_now()) == 0);
	live_host_tick(f.h);  /* closed: all answered */
	CHECK(live_host_next(f.h) == LIVE_HOST_OK && live_host_index(f.h) == 1);
	CHECK(answer(&f, "ana", 1, ":skip", fake_now()) == 0);
	offset += 5;
	/* The host dies; ben answers meanwhile; it starts again. */
	CHECK(answer(&f, "ben", 1, "x", fake_now()) == 0);
	CHECK(restart(&f, 20) == LIVE_HOST_OK);
	CHECK(live_host_resumed_at(f.h) == 2);
	CHECK(live_host_state(f.h) == LIVE_HOST_OPEN && live_host_index(f.h) == 1);
	CHECK(live_host_time_left(f.h) > 14.5 && live_host_time_left(f.h) < 15.5);
	size_t n;
	live_host_joined(f.h, &n);
	CHECK(n == 2);
	const struct drill_entry *b = live_host_board(f.h, &n);
	CHECK(n == 2 && b && b[0].score == 100 && b[1].score == 100);  /* question 1 replayed */
	CHECK(live_host_tick(f.h) & LIVE_HOST_CLOSED_NOW);
	const struct live_host_close *l = live_host_last(f.h);
	CHECK(l && l->index == 1 && l->nv == 2 && l->nanswered == 2);
	CHECK(live_host_next(f.h) == LIVE_HOST_OK && live_host_index(f.h) == 2);
	struct recorded rec = recorded(&f);
	CHECK(rec.n == 4);
	CHECK(strstr(rec.text, "ana:1:3:0") != NULL);  /* :skip: skipped */
	CHECK(strstr(rec.text, "ben:1:") != NULL);
	teardown(&f);
}

/* A host started again after the time of the open question ran out closes
 * it at once; one started again while paused is paused with the time it
 * had left. */
static void resumes_out_of_time_or_paused(void)
{
	struct fixture f;
	if (!setup(&f, "resume-late.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	CHECK(answer(&f, "ana", 0, right_line(&f, 0), fake_now() + 2) == 0);
	offset += 30;
	CHECK(restart(&f, 20) == LIVE_HOST_OK);
	CHECK(live_host_state(f.h) == LIVE_HOST_OPEN && live_host_time_left(f.h) == 0);
	CHECK(live_host_tick(f.h) & LIVE_HOST_CLOSED_NOW);
	const struct live_host_close *l = live_host_last(f.h);
	CHECK(l && l->why == LIVE_HOST_BY_CLOCK && l->nv == 2 && l->nanswered == 1);
	CHECK(l && l->board[0].score == 95);  /* 2 of 20 seconds: 100 x (1 - 0.05) */
	teardown(&f);

	if (!setup(&f, "resume-paused.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	live_host_pause(f.h);
	CHECK(restart(&f, 20) == LIVE_HOST_OK);
	CHECK(live_host_state(f.h) == LIVE_HOST_PAUSED);
	CHECK(live_host_time_left(f.h) > 19 && live_host_time_left(f.h) <= 20);
	CHECK(live_host_pause(f.h) == LIVE_HOST_OK && live_host_state(f.h) == LIVE_HOST_OPEN);
	CHECK(live_host_time_left(f.h) > 19 && live_host_time_left(f.h) <= 20);
	teardown(&f);
}

/* A host started again while judging (the fence posted, one answer of two
 * recorded) judges again, keeping the record; one started again after a
 * close shows that close and goes on to the next question. */
static void resumes_judging_or_closed(void)
{
	struct fixture f;
	if (!setup(&f, "resume-judging.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	join(&f, "ben");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	double t0 = fake_now();
	CHECK(answer(&f, "ana", 0, right_line(&f, 0), t0) == 0);
	CHECK(answer(&f, "ben", 0, right_line(&f, 0), t0) == 0);
	/* The host posts the fence, records ana's answer (77 points, as if
	 * scored slower), and dies. */
	struct results_live_event fence = { .drill = drill_id(f.d), .klass = "7L", .kind = "close",
	                                     .index = 0, .payload = "{\"judging\":true}" };
	CHECK(results_live_post(f.r, &fence) == 0);
	const struct item *it = drill_item(f.d, 0);
	struct results_answer ra = { .drill = drill_id(f.d), .student = "ana", .index = 0,
	                             .deck = "live", .question = it->q->id, .given = "right",
	                             .outcome = 0, .credit = 1, .points = 77, .seconds = 9,
	                             .time = (int64_t)t0 };
	CHECK(results_record(f.r, &ra) == 0);
	CHECK(restart(&f, 20) == LIVE_HOST_OK);
	CHECK(live_host_state(f.h) == LIVE_HOST_CLOSED && live_host_resumed_at(f.h) == 1);
	const struct live_host_close *l = live_host_last(f.h);
	CHECK(l && l->nv == 2 && l->why == LIVE_HOST_BY_RESUME);
	struct recorded rec = recorded(&f);
	CHECK(rec.n == 2 && strstr(rec.text, "ana:0:0:77") && strstr(rec.text, "ben:0:0:100"));
	struct live_result res;
	CHECK(live_result_parse(events(&f).last_close, "ana", &res) == 0 && !res.judging &&
	      res.found && res.points == 77);
	live_result_free(&res);

	/* Started again after that close: closed, the same verdicts, nothing
	 * posted or recorded; Enter opens the next question. */
	struct events before = events(&f);
	CHECK(restart(&f, 20) == LIVE_HOST_OK);
	CHECK(live_host_state(f.h) == LIVE_HOST_CLOSED && live_host_index(f.h) == 0);
	l = live_host_last(f.h);
	CHECK(l && l->nv == 2 && l->nright == 2 && l->nboard == 2);
	CHECK(l && l->nboard == 2 && !strcmp(l->board[0].name, "ben") && l->board[0].score == 100 &&
	      l->board[1].score == 77);
	CHECK_STR(events(&f).kinds, before.kinds);
	CHECK(recorded(&f).n == 2);
	CHECK(live_host_next(f.h) == LIVE_HOST_OK && live_host_index(f.h) == 1);
	CHECK(answer(&f, "ana", 1, right_line(&f, 1), fake_now()) == 0);
	CHECK(answer(&f, "ben", 1, right_line(&f, 1), fake_now()) == 0);
	CHECK(live_host_tick(f.h) & LIVE_HOST_CLOSED_NOW);
	/* The streak went on across both restarts: a second right answer in a
	 * row earns 100 more when right (whatever the draw put at index 1,
	 * both gave the same line, so they earned the same). */
	l = live_host_last(f.h);
	CHECK(l && l->nv == 2 && l->v[0].points == l->v[1].points);
	teardown(&f);
}

/* A host started again after the fence of a skip, before its close,
 * skips the question too: nothing judged or recorded, posted skipped. */
static void resumes_a_skip(void)
{
	struct fixture f;
	if (!setup(&f, "resume-skip.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	join(&f, "ana");
	CHECK(live_host_next(f.h) == LIVE_HOST_OK);
	CHECK(answer(&f, "ana", 0, right_line(&f, 0), fake_now()) == 0);
	/* The host skips: posts the fence of a skip, and dies. */
	struct results_live_event fence = { .drill = drill_id(f.d), .klass = "7L", .kind = "close",
	                                     .index = 0,
	                                     .payload = "{\"judging\":true,\"skipped\":true}" };
	CHECK(results_live_post(f.r, &fence) == 0);
	CHECK(restart(&f, 20) == LIVE_HOST_OK);
	CHECK(live_host_state(f.h) == LIVE_HOST_CLOSED);
	const struct live_host_close *l = live_host_last(f.h);
	CHECK(l && l->skipped && l->nv == 0);
	CHECK(recorded(&f).n == 0);
	struct live_result res;
	CHECK(live_result_parse(events(&f).last_close, "ana", &res) == 0 && !res.judging &&
	      res.skipped && !res.found);
	live_result_free(&res);
	teardown(&f);
}

/* A drill that ended is not begun again. */
static void an_ended_drill_is_refused(void)
{
	struct fixture f;
	if (!setup(&f, "ended.db", 20))
		return;
	CHECK(live_host_begin(f.h) == LIVE_HOST_OK);
	CHECK(live_host_end(f.h) == LIVE_HOST_OK);
	CHECK(restart(&f, 20) == LIVE_HOST_ERROR);
	CHECK(strstr(live_host_error(f.h), "has ended already") != NULL);
	CHECK(live_host_next(f.h) == LIVE_HOST_ERROR);
	teardown(&f);
}

int main(void)
{
	if (tmp_make("/tmp/recall-live-host-XXXXXX") != 0)
		return 1;
	pg_admin = getenv("RECALL_TEST_PG_URI");
	if (pg_admin && !*pg_admin)
		pg_admin = NULL;
	if (pg_mode())
		printf("(on PostgreSQL)\n");
	struct diags dg = { 0 };
	deck = deck_load_buffer("live.json", deck_text, strlen(deck_text), &dg);
	if (!deck)
		diag_print(&dg, stdout);
	diag_free(&dg);
	if (!deck)
		return 1;
	RUN(closes_when_all_answered);
	RUN(closes_when_time_is_up);
	RUN(pause_moves_the_closing_time);
	RUN(skip_records_nothing);
	RUN(resumes_a_skip);
	RUN(ends_early_and_after_the_last);
	RUN(resumes_an_open_question);
	RUN(resumes_out_of_time_or_paused);
	RUN(resumes_judging_or_closed);
	RUN(an_ended_drill_is_refused);
	deck_free(deck);
	tmp_remove();
	return check_done();
}
