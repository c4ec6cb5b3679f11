/* Unit tests of live_student, the student's side of a live drill: a real
 * SQLite file in a temporary folder, a host driven by hand through the
 * store's live operations (its events posted with payloads written here),
 * and students polling it, without a terminal. */
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "sqlraw.h"
#include "live_student.h"

static char err[1024];

static struct results *open_rw(const char *path)
{
	struct results *r = NULL;
	if (results_open(path, 5000, &r, err, sizeof err) != 0)
		printf("  results_open %s: %s\n", path, err);
	return r;
}

static void nap(double seconds)
{
	struct timespec ts = { (time_t)seconds, (long)((seconds - (double)(time_t)seconds) * 1e9) };
	nanosleep(&ts, NULL);
}

/* ---- the host, by hand ------------------------------------------------- */

static const char *const decks[1] = { "drill" };

struct host {
	struct results *r;
	struct results_drill d;
	int64_t last_seq;
	double last_at;
	char open[400];  /* the last open payload */
};

/* Begins a live drill of klass (count questions of time_limit seconds);
 * seed tells two drills of one class apart. */
static bool host_begin(struct host *h, const char *path, const char *klass, unsigned count,
                       double time_limit, uint64_t seed)
{
	memset(h, 0, sizeof *h);
	h->r = open_rw(path);
	if (!h->r)
		return false;
	h->d = (struct results_drill){ .klass = klass, .decks = decks, .ndecks = 1, .count = count,
	                               .seed = seed, .time_limit = time_limit };
	CHECK(results_drill_begin(h->r, &h->d) >= 0);
	char begin[80];
	snprintf(begin, sizeof begin, "{\"count\":%u,\"time\":%g}", count, time_limit);
	struct results_live_event e = { .drill = h->d.id, .klass = klass, .kind = "begin",
	                                .index = -1, .payload = begin };
	CHECK(results_live_post(h->r, &e) == 0);
	return true;
}

static void post(struct host *h, const char *kind, int index, double closes, const char *payload)
{
	struct results_live_event e = { .drill = h->d.id, .klass = h->d.klass, .kind = kind,
	                                .index = index, .closes = closes, .payload = payload };
	CHECK(results_live_post(h->r, &e) == 0);
	h->last_seq = e.seq;
	h->last_at = e.at;
}

/* Opens question index: a choice between "wrong" and "right" (even
 * indices) or a text question (odd ones), closing at closes. */
static void host_open(struct host *h, int index, double closes)
{
	char *p = h->open;
	size_t size = sizeof h->open;
	if (index % 2 == 0)
		snprintf(p, size, "{\"index\":%d,\"count\":%u,\"time\":%g,\"type\":\"choice\","
		         "\"prompt\":\"Question %d: which is right?\",\"points\":100,"
		         "\"choices\":[\"wrong\",\"right\"],\"rights\":[]}", index, h->d.count,
		         h->d.time_limit, index + 1);
	else
		snprintf(p, size, "{\"index\":%d,\"count\":%u,\"time\":%g,\"type\":\"text\","
		         "\"prompt\":\"Capital of France?\",\"points\":100,\"choices\":[],"
		         "\"rights\":[]}", index, h->d.count, h->d.time_limit);
	post(h, "open", index, closes, p);
}

/* The open question posted again: paused (closes 0) or going on. */
static void host_repost(struct host *h, int index, double closes)
{
	post(h, "open", index, closes, h->open);
}

/* The verdicts of a question: ana right (100 points), ben wrong. */
static const char verdicts[] =
	"{\"answer\":\"right\",\"verdicts\":[{\"student\":\"ana\",\"outcome\":0,\"points\":100,"
	"\"bonus\":0},{\"student\":\"ben\",\"outcome\":2,\"points\":0,\"bonus\":0}],\"right\":1,"
	"\"answered\":2,\"board\":[{\"student\":\"ana\",\"score\":100,\"grade\":100,\"rank\":1},"
	"{\"student\":\"ben\",\"score\":0,\"grade\":0,\"rank\":2}]}";

static const char final_board[] =
	"{\"board\":[{\"student\":\"ana\",\"score\":100,\"grade\":100,\"rank\":1},"
	"{\"student\":\"ben\",\"score\":0,\"grade\":0,\"rank\":2}]}";

static void host_close(struct host *h, int index)
{
	post(h, "close", index, 0, "{\"judging\":true}");
	post(h, "close", index, 0, verdicts);
}

static void host_end(struct host *h)
{
	results_close(h->r);
	h->r = NULL;
}

/* The answers to a question as typed, "ana=2 ben=1". */
struct seen {
	char text[200];
};

static int collect(void *ctx, const struct results_live_answer *a)
{
	struct seen *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s%s=%s", len ? " " : "", a->student, a->given);
	return 0;
}

static const char *answers_to(struct host *h, int index, struct seen *s)
{
	s->text[0] = '\0';
	CHECK(results_live_each_answer(h->r, h->d.id, index, collect, s) == 0);
	return s->text;
}

/* ---- the student ------------------------------------------------------- */

struct student {
	struct results *r;
	struct live_student *s;
};

static bool student_new(struct student *st, const char *path, const char *klass, const char *name)
{
	st->r = open_rw(path);
	st->s = st->r ? live_student_new(st->r, klass, name) : NULL;
	return st->s != NULL;
}

static void student_free(struct student *st)
{
	live_student_free(st->s);
	results_close(st->r);
}

/* The next change, polling a few times (a read may come up empty). */
static enum live_change next(struct student *st)
{
	for (int i = 0; i < 4; i++) {
		enum live_change c = live_student_poll(st->s);
		if (c != LIVE_NOTHING)
			return c;
	}
	return LIVE_NOTHING;
}

static const struct live_student_view *view(const struct student *st)
{
	return live_student_view(st->s);
}

/* ---- the tests --------------------------------------------------------- */

/* No drill of the class under way: waiting (said once), not joined by a
 * drill of another class or one that has ended; then the teacher begins,
 * and the student joins and waits for the first question. */
static void waits_for_the_teacher_then_joins(void)
{
	const char *db = at("wait.db");
	struct host other, old, h;
	struct student st;
	if (!host_begin(&other, db, "8M", 3, 20, 1) || !host_begin(&old, db, "7L", 2, 20, 2) ||
	    !student_new(&st, db, "7L", "ana"))
		return;
	post(&old, "end", -1, 0, final_board);
	CHECK(next(&st) == LIVE_WAITING);
	CHECK(view(&st)->phase == LIVE_FINDING);
	CHECK_STR(view(&st)->drill, "");
	CHECK(next(&st) == LIVE_NOTHING);  /* said once */
	if (!host_begin(&h, db, "7L", 3, 20, 3))
		return;
	CHECK(next(&st) == LIVE_JOINED);
	CHECK_STR(view(&st)->drill, h.d.id);
	CHECK(view(&st)->phase == LIVE_LOBBY);
	CHECK(next(&st) == LIVE_FIRST);
	CHECK(view(&st)->count == 3);
	CHECK_NUM(view(&st)->time_limit, 20);
	CHECK(view(&st)->phase == LIVE_LOBBY);
	CHECK(next(&st) == LIVE_NOTHING);
	CHECK(raw_int(db, "SELECT count(*) FROM live_joined WHERE student = 'ana'") == 1);
	student_free(&st);
	host_end(&h);
	host_end(&old);
	host_end(&other);
}

/* A question opens, is answered once (the store refuses a second), closes
 * (the fence, then the verdicts), and the drill ends. */
static void a_question_is_answered_once_then_closes(void)
{
	const char *db = at("once.db");
	struct host h;
	struct student st;
	struct seen seen;
	char b[200];
	if (!host_begin(&h, db, "5B", 2, 20, 1) || !student_new(&st, db, "5B", "ana"))
		return;
	CHECK(next(&st) == LIVE_JOINED);
	CHECK(next(&st) == LIVE_FIRST);
	CHECK(live_student_answer(st.s, "2") == LIVE_NOTHING);  /* nothing open */
	host_open(&h, 0, results_live_now() + 20);
	CHECK(next(&st) == LIVE_OPENED);
	const struct live_student_view *v = view(&st);
	CHECK(v->phase == LIVE_OPEN && v->have_q && v->index == 0);
	CHECK(v->q.q.type == Q_CHOICE && v->q.q.nchoices == 2);
	CHECK(v->q.it.q == &v->q.q && v->q.it.shown == v->q.shown && v->q.it.nshown == 2);
	CHECK_STR(v->q.it.q->choices[v->q.it.shown[1]], "right");
	CHECK_STR(v->q.q.prompt, "Question 1: which is right?");
	CHECK(!v->answered_before && v->given == NULL);
	double left = live_student_time_left(st.s);
	CHECK(left > 19 && left <= 20);
	CHECK(live_student_answer(st.s, "2") == LIVE_SENT);
	CHECK(v->phase == LIVE_ANSWERED);
	CHECK_STR(v->given, "2");
	CHECK(live_student_answer(st.s, "1") == LIVE_ALREADY);
	CHECK_STR(answers_to(&h, 0, &seen), "ana=2");
	CHECK(next(&st) == LIVE_NOTHING);
	post(&h, "close", 0, 0, "{\"judging\":true}");
	CHECK(next(&st) == LIVE_JUDGING_NOW);
	CHECK(v->phase == LIVE_JUDGING && !v->cut_off);
	post(&h, "close", 0, 0, verdicts);
	CHECK(next(&st) == LIVE_RESULT);
	CHECK(v->phase == LIVE_CLOSED && v->have_result && v->result_index == 0);
	CHECK(v->res.found && v->res.outcome == OUT_CORRECT);
	CHECK_STR(v->res.answer, "right");
	CHECK_STR(live_student_say_verdict(&v->res, b, sizeof b), "Right! +100 points");
	CHECK_STR(live_student_say_rank(&v->res, b, sizeof b), "Your rank: 1 of 2, 100 points");
	CHECK_STR(live_student_say_class(&v->res, b, sizeof b), "The class: 1 of 2 right");
	post(&h, "close", 0, 0, verdicts);  /* the same verdicts again: nothing new */
	CHECK(next(&st) == LIVE_NOTHING);
	post(&h, "end", -1, 0, final_board);
	CHECK(next(&st) == LIVE_ENDED_NOW);
	CHECK(v->phase == LIVE_ENDED && v->have_final);
	CHECK_STR(live_student_say_final(&v->final, b, sizeof b), "You finished 1 of 2 with 100 points");
	CHECK(v->final.ntop == 2 && v->final.top[0].rank == 1);
	CHECK_STR(v->final.top[0].name, "ana");
	CHECK(v->have_result && v->result_index == 0);  /* the last question's verdicts are kept */
	CHECK(next(&st) == LIVE_NOTHING);
	student_free(&st);
	host_end(&h);
}

/* Ben's verdict is wrong; a student with none did not answer. */
static void the_words_of_other_verdicts(void)
{
	struct live_result res;
	char b[200];
	CHECK(live_result_parse(verdicts, "ben", &res) == 0);
	CHECK_STR(live_student_say_verdict(&res, b, sizeof b), "Wrong. +0 points");
	CHECK_STR(live_student_say_rank(&res, b, sizeof b), "Your rank: 2 of 2, 0 points");
	live_result_free(&res);
	CHECK(live_result_parse(verdicts, "cy", &res) == 0);
	CHECK(!res.found);
	CHECK_STR(live_student_say_verdict(&res, b, sizeof b), "");
	CHECK_STR(live_student_say_rank(&res, b, sizeof b), "");
	CHECK_STR(live_student_say_final(&res, b, sizeof b), "");
	live_result_free(&res);
	CHECK(live_result_parse("{\"answer\":\"x\",\"verdicts\":[{\"student\":\"cy\",\"outcome\":4,"
	                        "\"points\":0,\"bonus\":0}],\"board\":[]}", "cy", &res) == 0);
	CHECK_STR(live_student_say_verdict(&res, b, sizeof b), "Time is up: counts as wrong. +0 points");
	live_result_free(&res);
}

/* The time left is counted from the host's opening, not from when the
 * student read it; a pause stops it, going on starts it again; a drill
 * with no clock has none. */
static void the_clock_counts_from_the_hosts_opening(void)
{
	const char *db = at("clock.db");
	struct host h, nc;
	struct student st, sn;
	if (!host_begin(&h, db, "6C", 2, 20, 1) || !host_begin(&nc, db, "6D", 2, 0, 1) ||
	    !student_new(&st, db, "6C", "ana") || !student_new(&sn, db, "6D", "ana"))
		return;
	CHECK(next(&st) == LIVE_JOINED && next(&st) == LIVE_FIRST);
	host_open(&h, 0, results_live_now() + 5);  /* opened 15 s ago, as it were */
	CHECK(next(&st) == LIVE_OPENED);
	double left = live_student_time_left(st.s);
	CHECK(left > 4 && left <= 5);
	host_repost(&h, 0, 0);  /* paused: posted again without a closing time */
	CHECK(next(&st) == LIVE_PAUSED);
	CHECK(view(&st)->paused && view(&st)->phase == LIVE_OPEN);
	double at_pause = live_student_time_left(st.s);
	CHECK(at_pause > 4 && at_pause <= 5);
	nap(0.2);
	CHECK_NUM(live_student_time_left(st.s), at_pause);  /* it stands still */
	CHECK(next(&st) == LIVE_NOTHING);
	host_repost(&h, 0, results_live_now() + at_pause);
	CHECK(next(&st) == LIVE_RESUMED);
	CHECK(!view(&st)->paused);
	left = live_student_time_left(st.s);
	CHECK(left > at_pause - 0.5 && left <= at_pause);
	/* No clock: never paused, no time left, never up. */
	CHECK(next(&sn) == LIVE_JOINED && next(&sn) == LIVE_FIRST);
	host_open(&nc, 0, 0);
	CHECK(next(&sn) == LIVE_OPENED);
	CHECK(!view(&sn)->paused);
	CHECK_NUM(live_student_time_left(sn.s), -1);
	CHECK(live_student_answer(sn.s, "2") == LIVE_SENT);
	student_free(&st);
	student_free(&sn);
	host_end(&h);
	host_end(&nc);
}

/* The clock runs out before an answer: time up, nothing sent; an answer
 * that comes after the close is refused by the store; a question closed
 * while still open to the student is cut off. */
static void no_answer_after_the_clock_or_the_close(void)
{
	const char *db = at("late.db");
	struct host h;
	struct student st;
	struct seen seen;
	if (!host_begin(&h, db, "4K", 4, 20, 1) || !student_new(&st, db, "4K", "cy"))
		return;
	CHECK(next(&st) == LIVE_JOINED && next(&st) == LIVE_FIRST);
	host_open(&h, 0, results_live_now() + 0.2);
	CHECK(next(&st) == LIVE_OPENED);
	nap(0.3);
	CHECK(next(&st) == LIVE_TIME_UP);
	CHECK(view(&st)->phase == LIVE_MISSED);
	CHECK(live_student_answer(st.s, "2") == LIVE_NOTHING);
	host_close(&h, 0);
	CHECK(next(&st) == LIVE_JUDGING_NOW && !view(&st)->cut_off);
	CHECK(next(&st) == LIVE_RESULT);
	host_open(&h, 1, results_live_now() + 0.2);
	CHECK(next(&st) == LIVE_OPENED);
	nap(0.3);
	CHECK(live_student_answer(st.s, "Paris") == LIVE_TIME_UP);  /* before any poll */
	CHECK(view(&st)->phase == LIVE_MISSED);
	host_close(&h, 1);
	CHECK(next(&st) == LIVE_JUDGING_NOW && next(&st) == LIVE_RESULT);
	host_open(&h, 2, results_live_now() + 20);
	CHECK(next(&st) == LIVE_OPENED);
	post(&h, "close", 2, 0, "{\"judging\":true}");
	CHECK(live_student_answer(st.s, "2") == LIVE_TOO_LATE);
	CHECK(view(&st)->phase == LIVE_MISSED);
	CHECK(next(&st) == LIVE_JUDGING_NOW && !view(&st)->cut_off);
	host_open(&h, 3, results_live_now() + 20);
	CHECK(next(&st) == LIVE_OPENED);
	host_close(&h, 3);
	CHECK(next(&st) == LIVE_JUDGING_NOW);
	CHECK(view(&st)->cut_off);
	CHECK(next(&st) == LIVE_RESULT);
	CHECK(!view(&st)->cut_off);
	CHECK(!view(&st)->res.found);
	for (int i = 0; i < 4; i++)
		CHECK_STR(answers_to(&h, i, &seen), "");
	student_free(&st);
	host_end(&h);
}

/* A student who starts late, or again, catches up at the current
 * question: the questions before are not shown; one answered before is
 * known as answered (and a second answer refused); one that closed shows
 * its verdicts; a paused one its time left at the pause. */
static void a_late_or_restarted_student_catches_up(void)
{
	const char *db = at("late2.db");
	struct host h;
	struct student st, again, third, fourth;
	struct seen seen;
	if (!host_begin(&h, db, "3A", 3, 20, 1))
		return;
	host_open(&h, 0, results_live_now() + 20);
	host_close(&h, 0);
	host_open(&h, 1, results_live_now() + 20);
	if (!student_new(&st, db, "3A", "ana"))
		return;
	CHECK(next(&st) == LIVE_JOINED);
	CHECK(next(&st) == LIVE_OPENED);
	CHECK(view(&st)->index == 1 && view(&st)->phase == LIVE_OPEN);
	CHECK(view(&st)->count == 3);
	CHECK(live_student_answer(st.s, "Paris") == LIVE_SENT);
	student_free(&st);
	if (!student_new(&again, db, "3A", "ana"))
		return;
	CHECK(next(&again) == LIVE_JOINED);
	CHECK(next(&again) == LIVE_OPENED);
	CHECK(view(&again)->phase == LIVE_ANSWERED && view(&again)->answered_before);
	CHECK_STR(view(&again)->given, "Paris");
	CHECK(live_student_answer(again.s, "Lyon") == LIVE_ALREADY);
	CHECK_STR(answers_to(&h, 1, &seen), "ana=Paris");
	student_free(&again);
	host_close(&h, 1);
	if (!student_new(&third, db, "3A", "ana"))
		return;
	CHECK(next(&third) == LIVE_JOINED);
	CHECK(next(&third) == LIVE_RESULT);  /* no question shown: its verdicts */
	CHECK(view(&third)->phase == LIVE_CLOSED && view(&third)->result_index == 1);
	CHECK(view(&third)->have_q && view(&third)->index == 1);
	CHECK_STR(view(&third)->q.q.prompt, "Capital of France?");
	CHECK(view(&third)->q.it.q == &view(&third)->q.q);
	CHECK(next(&third) == LIVE_NOTHING);
	student_free(&third);
	host_open(&h, 2, results_live_now() + 10);
	double opened = h.last_at;
	host_repost(&h, 2, 0);
	double paused = h.last_at;
	if (!student_new(&fourth, db, "3A", "ben"))
		return;
	CHECK(next(&fourth) == LIVE_JOINED);
	CHECK(next(&fourth) == LIVE_OPENED);
	CHECK(view(&fourth)->paused && view(&fourth)->index == 2);
	CHECK(fabs(live_student_time_left(fourth.s) - (10 - (paused - opened))) < 0.5);
	student_free(&fourth);
	host_end(&h);
}

/* The teacher skipped the question: its result says so. */
static void a_skipped_question(void)
{
	const char *db = at("skip.db");
	struct host h;
	struct student st;
	if (!host_begin(&h, db, "2B", 2, 20, 1) || !student_new(&st, db, "2B", "ana"))
		return;
	CHECK(next(&st) == LIVE_JOINED && next(&st) == LIVE_FIRST);
	host_open(&h, 0, results_live_now() + 20);
	CHECK(next(&st) == LIVE_OPENED);
	post(&h, "close", 0, 0, "{\"judging\":true}");
	post(&h, "close", 0, 0, "{\"skipped\":true,\"answer\":\"\",\"verdicts\":[],\"right\":0,"
	     "\"answered\":0,\"board\":[{\"student\":\"ana\",\"score\":0,\"grade\":0,\"rank\":1}]}");
	CHECK(next(&st) == LIVE_JUDGING_NOW && view(&st)->cut_off);
	CHECK(next(&st) == LIVE_RESULT);
	CHECK(view(&st)->res.skipped && view(&st)->res.rank == 1);
	student_free(&st);
	host_end(&h);
}

/* A store that fails is a value: tried again while the time allows, then
 * the poll fails with the store's message, and keeps failing. */
static void store_failures_are_values(void)
{
	const char *db = at("fail.db");
	struct host h;
	if (!host_begin(&h, db, "1A", 2, 20, 1))
		return;
	struct results *ro = NULL;
	CHECK(results_open_readonly(db, 1000, &ro, err, sizeof err) == 0);
	if (!ro)
		return;
	struct live_student *s = live_student_new(ro, "1A", "ana");
	if (!s)
		return;
	CHECK(live_student_poll(s) == LIVE_RETRYING);  /* joining writes */
	CHECK(live_student_poll(s) == LIVE_RETRYING);
	live_student_set_retry(s, 0);
	CHECK(live_student_poll(s) == LIVE_FAILED);
	CHECK(strstr(live_student_error(s), "reading only") != NULL);
	CHECK(live_student_poll(s) == LIVE_FAILED);
	CHECK(live_student_answer(s, "1") == LIVE_FAILED);
	live_student_free(s);
	results_close(ro);
	host_end(&h);
}

/* The answer lines the host reads, from a response of each type. */
static void answer_lines(void)
{
	struct live_question q;
	struct response r = { 0 };
	char b[64];
	CHECK(live_question_parse("{\"type\":\"choice\",\"prompt\":\"p\",\"choices\":[\"a\",\"b\",\"c\"]}",
	                          &q) == 0);
	r.choice = 1;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "2");
	r.choice = 3;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == -1);
	live_question_free(&q);
	CHECK(live_question_parse("{\"type\":\"multi\",\"prompt\":\"p\",\"choices\":[\"a\",\"b\",\"c\"]}",
	                          &q) == 0);
	r.selected = 1ul | 4ul;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "1 3");
	CHECK(live_student_answer_line(&q, &r, b, 3) == -1);  /* too small */
	r.selected = 0;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == -1);
	live_question_free(&q);
	CHECK(live_question_parse("{\"type\":\"truefalse\",\"prompt\":\"p\"}", &q) == 0);
	r.truth = true;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "true");
	r.truth = false;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "false");
	live_question_free(&q);
	CHECK(live_question_parse("{\"type\":\"text\",\"prompt\":\"p\"}", &q) == 0);
	r.text = "Baisaran meadow";
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "Baisaran meadow");
	r.text = "";
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == -1);
	live_question_free(&q);
	CHECK(live_question_parse("{\"type\":\"number\",\"prompt\":\"p\",\"unit\":\"km\"}", &q) == 0);
	r.text = "twenty-six";
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "twenty-six");
	live_question_free(&q);
	size_t order[3] = { 2, 0, 1 };
	CHECK(live_question_parse("{\"type\":\"order\",\"prompt\":\"p\",\"choices\":[\"a\",\"b\",\"c\"]}",
	                          &q) == 0);
	r.order = order;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "3 1 2");
	live_question_free(&q);
	size_t match[3] = { 1, 0, 2 };
	CHECK(live_question_parse("{\"type\":\"match\",\"prompt\":\"p\",\"choices\":[\"a\",\"b\",\"c\"],"
	                          "\"rights\":[\"x\",\"y\",\"z\"]}", &q) == 0);
	r.match = match;
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == 0);
	CHECK_STR(b, "b a c");
	match[2] = (size_t)-1;  /* unpaired */
	CHECK(live_student_answer_line(&q, &r, b, sizeof b) == -1);
	CHECK_STR(b, "");
	live_question_free(&q);
}

int main(void)
{
	if (tmp_make("/tmp/recall-live-XXXXXX") != 0)
		return 1;
	RUN(waits_for_the_teacher_then_joins);
	RUN(a_question_is_answered_once_then_closes);
	RUN(the_words_of_other_verdicts);
	RUN(the_clock_counts_from_the_hosts_opening);
	RUN(no_answer_after_the_clock_or_the_close);
	RUN(a_late_or_restarted_student_catches_up);
	RUN(a_skipped_question);
	RUN(store_failures_are_values);
	RUN(answer_lines);
	tmp_remove();
	return check_done();
}
