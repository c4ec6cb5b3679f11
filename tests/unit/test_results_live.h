/* test_results_live.h — the live drill's store operations, run on both
 * engines.  Included by test_results.c once, after its helpers. */

struct events_seen {
	char kinds[64];
	int64_t last;
	size_t n;
};

static int collect_event(void *ctx, const struct results_live_event *e)
{
	struct events_seen *s = ctx;
	size_t len = strlen(s->kinds);
	snprintf(s->kinds + len, sizeof s->kinds - len, "%s%s:%d", len ? " " : "", e->kind, e->index);
	CHECK(e->seq > s->last);
	s->last = e->seq;
	s->n++;
	return 0;
}

struct live_seen {
	char text[200];
	size_t n;
};

static int collect_live(void *ctx, const struct results_live_answer *a)
{
	struct live_seen *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s%s=%s", len ? " " : "", a->student, a->given);
	s->n++;
	return 0;
}

static int collect_name(void *ctx, const char *name)
{
	struct live_seen *s = ctx;
	size_t len = strlen(s->text);
	snprintf(s->text + len, sizeof s->text - len, "%s%s", len ? " " : "", name);
	s->n++;
	return 0;
}

static struct results_live_answer live_answer(const char *drill_id, const char *student, int index,
                                              const char *given)
{
	struct results_live_answer a = { .drill = drill_id, .student = student, .index = index,
	                                 .given = given, .time = results_live_now() };
	return a;
}

/* Only the open question takes answers, once each; events come in order,
 * by drill or by class. */
static void live_answers_only_to_the_open_question(void)
{
	struct results *r = open_rw(where("live.db"));
	if (!r)
		return;
	struct results_drill d = drill("7L", 3, 5);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_live_event e = { .drill = d.id, .klass = "7L", .kind = "begin", .index = -1,
	                                .payload = "{}" };
	CHECK(results_live_post(r, &e) == 0 && e.seq > 0 && e.at > 1e9);
	struct results_live_answer a = live_answer(d.id, "ana", 0, "1");
	CHECK(results_live_answer(r, &a) == RESULTS_CLOSED);  /* not opened yet */
	CHECK(results_live_join(r, d.id, "ana") == 0);
	CHECK(results_live_join(r, d.id, "ana") == 0);
	CHECK(results_live_join(r, d.id, "ben") == 0);
	struct live_seen names = { "", 0 };
	CHECK(results_live_each_joined(r, d.id, collect_name, &names) == 0);
	CHECK_STR(names.text, "ana ben");
	e = (struct results_live_event){ .drill = d.id, .klass = "7L", .kind = "open", .index = 0,
	                                 .closes = results_live_now() + 20, .payload = "{\"q\":1}" };
	CHECK(results_live_post(r, &e) == 0);
	CHECK(results_live_answer(r, &a) == 0);
	struct results_live_answer again = live_answer(d.id, "ana", 0, "2");
	CHECK(results_live_answer(r, &again) == RESULTS_ALREADY);
	struct results_live_answer ahead = live_answer(d.id, "ana", 1, "2");
	CHECK(results_live_answer(r, &ahead) == RESULTS_CLOSED);
	e = (struct results_live_event){ .drill = d.id, .klass = "7L", .kind = "close", .index = 0,
	                                 .payload = "{}" };
	CHECK(results_live_post(r, &e) == 0);
	struct results_live_answer late = live_answer(d.id, "ben", 0, "3");
	CHECK(results_live_answer(r, &late) == RESULTS_CLOSED);
	struct live_seen seen = { "", 0 };
	CHECK(results_live_each_answer(r, d.id, 0, collect_live, &seen) == 0);
	CHECK_STR(seen.text, "ana=1");
	struct events_seen ev = { "", 0, 0 };
	CHECK(results_live_events(r, d.id, NULL, 0, collect_event, &ev) == 0);
	CHECK_STR(ev.kinds, "begin:-1 open:0 close:0");
	struct events_seen by_class = { "", 0, 0 };
	CHECK(results_live_events(r, NULL, "7L", 0, collect_event, &by_class) == 0);
	CHECK(by_class.n == 3);
	struct events_seen other = { "", 0, 0 };
	CHECK(results_live_events(r, NULL, "8M", 0, collect_event, &other) == 0 && other.n == 0);
	struct events_seen since = { "", 0, 0 };
	CHECK(results_live_events(r, d.id, NULL, e.seq - 1, collect_event, &since) == 0);
	CHECK_STR(since.kinds, "close:0");
	CHECK(results_live_wait(r, d.id, 10) == 0);
	results_close(r);
}

