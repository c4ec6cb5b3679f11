/* Unit tests of results: a real SQLite file in a temporary folder (removed
 * at the end), written through the results store, by several processes at
 * once, and looked at behind its back through a connection of the test's
 * own.  With RECALL_TEST_PG_URI set (the URI of a PostgreSQL server's
 * "postgres" database, as superuser: tests/e2e/pg.sh starts a throwaway
 * one), the same tests run on the PostgreSQL engine, a database of its own
 * each, and the PostgreSQL ones beside them (roles, a lost connection). */
#include <ftw.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "sqlraw.h"
#include "results.h"
#include "pgraw.h"

static char err[1024];

static struct results *open_rw(const char *path)
{
	struct results *r = NULL;
	if (results_open(path, 5000, &r, err, sizeof err) != 0)
		printf("  results_open %s: %s\n", path, err);
	return r;
}

/* ---- the test's own look at the file ---------------------------------- */

/* Opening path must be refused with a message holding want (and the path
 * when with_path), and leave the file byte for byte as it was. */
static void check_refused(const char *path, int busy_ms, const char *want, bool with_path)
{
	size_t before_len, after_len;
	char *before = slurp(path, &before_len);
	struct results *r = (struct results *)1;
	int rc = results_open(path, busy_ms, &r, err, sizeof err);
	CHECK(rc == -1);
	CHECK(r == NULL);
	if (rc == 0)
		results_close(r);
	if (!strstr(err, want) || (with_path && !strstr(err, path))) {
		printf("  message \"%s\" lacks \"%s\" or the path\n", err, want);
		CHECK(0);
	}
	char *after = slurp(path, &after_len);
	bool same = before && after ? before_len == after_len &&
	                              memcmp(before, after, before_len) == 0 : before == after;
	CHECK(same);
	if (!same)
		printf("  %s: %zu bytes before, %zu after (%s)\n", path, before_len, after_len, want);
	free(before);
	free(after);
}

/* ---- drills and answers ------------------------------------------------ */

static const char *const two_decks[2] = { "capitals", "rivers" };

static struct results_drill drill(const char *klass, unsigned count, uint64_t seed)
{
	struct results_drill d = { .klass = klass, .decks = two_decks, .ndecks = 2,
	                           .count = count, .seed = seed, .time_limit = 20 };
	return d;
}

static struct results_answer answer(const char *drill_id, const char *student, unsigned index)
{
	struct results_answer a = {
		.drill = drill_id, .student = student, .index = index, .deck = "capitals",
		.question = "q-fr", .given = "Paris", .outcome = 0, .credit = 1, .points = 875,
		.seconds = 5, .time = 1700000000 + index,
	};
	return a;
}

/* What a listing callback saw. */
struct seen {
	struct results_answer a[16];
	char student[16][16];
	char drill[16][17];
	char given[16][48];
	size_t n;
	size_t stop_after;  /* 0: never */
};

static int collect_answer(void *ctx, const struct results_answer *a)
{
	struct seen *s = ctx;
	if (s->n < 16) {
		s->a[s->n] = *a;
		snprintf(s->student[s->n], sizeof s->student[0], "%s", a->student);
		snprintf(s->drill[s->n], sizeof s->drill[0], "%s", a->drill);
		s->a[s->n].student = s->student[s->n];
		s->a[s->n].drill = s->drill[s->n];
		snprintf(s->given[s->n], sizeof s->given[0], "%s|%s|%s", a->deck, a->question,
		         a->given);
		s->a[s->n].given = s->given[s->n];
		s->a[s->n].deck = s->a[s->n].question = NULL;
	}
	s->n++;
	return s->stop_after && s->n == s->stop_after ? 7 : 0;
}

struct drills_seen {
	char id[8][17];
	char decks[8][64];
	unsigned count[8];
	size_t n;
};

static int collect_drill(void *ctx, const struct results_drill *d)
{
	struct drills_seen *s = ctx;
	if (s->n < 8) {
		snprintf(s->id[s->n], sizeof s->id[0], "%s", d->id);
		s->decks[s->n][0] = '\0';
		for (size_t i = 0; i < d->ndecks; i++)
			snprintf(s->decks[s->n] + strlen(s->decks[s->n]),
			         sizeof s->decks[0] - strlen(s->decks[s->n]), "%s%s", i ? "+" : "",
			         d->decks[i]);
		s->count[s->n] = d->count;
		CHECK(d->time_limit == 20 && !d->no_speed && !d->no_streak && d->created > 0);
	}
	s->n++;
	return 0;
}

static void open_creates_folder_and_schema(void)
{
	const char *path = where("a/b/results.db");
	struct results *r = open_rw(path);
	CHECK(r != NULL);
	CHECK_STR(results_engine_name(r), pg_mode() ? "postgresql" : "sqlite");
	CHECK_STR(results_error(r), "");
	results_close(r);
	if (pg_mode()) {
		CHECK(look_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") == 2);
		CHECK(look_int(path, "SELECT count(*) FROM pg_tables WHERE schemaname = 'recall'") == 7);
	} else {
		CHECK(look_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
		      RESULTS_SCHEMA_VERSION);
		char mode[16] = "";
		look_value(path, "PRAGMA journal_mode", mode, sizeof mode);
		CHECK_STR(mode, "wal");
	}
	r = open_rw(path);  /* and again, as it is */
	CHECK(r != NULL);
	results_close(r);
	results_close(NULL);
}

static void drill_id_comes_from_the_settings(void)
{
	struct results_drill d = drill("5b", 10, 42);
	char id[17], other[17];
	results_drill_id(&d, id);
	CHECK(strlen(id) == 16 && strspn(id, "0123456789abcdef") == 16);
	results_drill_id(&d, other);
	CHECK_STR(other, id);
	struct results_drill v[8];
	for (int i = 0; i < 8; i++)
		v[i] = d;
	static const char *const swapped[2] = { "rivers", "capitals" };
	static const char *const joined[1] = { "capitalsrivers" };
	static const char *const split[2] = { "capital", "srivers" };
	v[0].klass = "5c";
	v[1].decks = swapped;
	v[2].count = 11;
	v[3].seed = 43;
	v[4].time_limit = 20.5;
	v[5].no_speed = true;
	v[6].no_streak = true;
	v[7].decks = split;
	for (int i = 0; i < 8; i++) {
		results_drill_id(&v[i], other);
		CHECK(strcmp(other, id) != 0);
	}
	v[0] = d;
	v[0].decks = joined;
	v[0].ndecks = 1;
	results_drill_id(&v[0], other);
	CHECK(strcmp(other, id) != 0);
}

static void drill_begun_then_continued(void)
{
	const char *path = where("drills.db");
	struct results *a = open_rw(path), *b = open_rw(path);
	struct results_drill d = drill("5b", 10, 42), same = drill("5b", 10, 42);
	CHECK(results_drill_begin(a, &d) == 1);
	CHECK(d.created > 0);
	CHECK(results_drill_begin(b, &same) == 0);  /* another student joins it */
	CHECK_STR(same.id, d.id);
	CHECK(same.created == d.created);
	struct results_drill later = drill("5b", 5, 7), elsewhere = drill("6a", 10, 42);
	CHECK(results_drill_begin(b, &later) == 1);
	CHECK(results_drill_begin(b, &elsewhere) == 1);
	CHECK(strcmp(later.id, d.id) != 0 && strcmp(elsewhere.id, d.id) != 0);
	struct drills_seen seen = { 0 };
	CHECK(results_each_drill(a, "5b", collect_drill, &seen) == 0);
	CHECK(seen.n == 2);
	CHECK_STR(seen.id[0], d.id);
	CHECK_STR(seen.id[1], later.id);
	CHECK_STR(seen.decks[0], "capitals+rivers");
	CHECK(seen.count[0] == 10 && seen.count[1] == 5);
	seen.n = 0;
	CHECK(results_each_drill(a, "7z", collect_drill, &seen) == 0 && seen.n == 0);
	CHECK(look_int(path, "SELECT count(*) FROM drills") == 3);
	/* Settings that make no sense are refused, and nothing is written. */
	static const char *const bad_deck[1] = { "a\nb" };
	struct results_drill bad[5] = { drill("", 10, 1), drill("5b", 10, 1), drill("5b", 10, 1),
	                                drill("5b", 0, 1), drill("5b", 10, 1) };
	bad[1].ndecks = 0;
	bad[2].decks = bad_deck, bad[2].ndecks = 1;
	bad[4].time_limit = -1;
	for (int i = 0; i < 5; i++) {
		CHECK(results_drill_begin(a, &bad[i]) == -1);
		CHECK(strstr(results_error(a), "drill") != NULL);
	}
	CHECK(look_int(path, "SELECT count(*) FROM drills") == 3);
	results_close(a);
	results_close(b);
}

static void answers_recorded_and_listed(void)
{
	const char *path = where("answers.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", 10, 42), o = drill("5b", 10, 43);
	CHECK(results_drill_begin(r, &d) == 1 && results_drill_begin(r, &o) == 1);
	struct results_answer a = answer(d.id, "ana", 0), b = answer(d.id, "ben", 0),
	                      c = answer(o.id, "ana", 0);
	b.outcome = RESULTS_TIMED_OUT, b.credit = 0, b.points = 0, b.seconds = 20, b.given = "";
	CHECK(results_record(r, &a) == 0);
	CHECK(results_record(r, &b) == 0);
	CHECK(results_record(r, &c) == 0);
	CHECK(a.id > 0 && b.id > a.id && c.id > b.id);
	struct seen seen = { 0 };
	CHECK(results_each_answer(r, d.id, collect_answer, &seen) == 0);
	CHECK(seen.n == 2);
	CHECK(seen.a[0].id == a.id && seen.a[1].id == b.id);
	CHECK_STR(seen.a[0].student, "ana");
	CHECK_STR(seen.a[0].drill, d.id);
	CHECK_STR(seen.a[0].given, "capitals|q-fr|Paris");
	CHECK(seen.a[0].index == 0 && seen.a[0].outcome == 0 && seen.a[0].time == 1700000000);
	CHECK_NUM(seen.a[0].credit, 1);
	CHECK_NUM(seen.a[0].points, 875);
	CHECK_NUM(seen.a[0].seconds, 5);
	CHECK_STR(seen.a[1].given, "capitals|q-fr|");
	CHECK(seen.a[1].outcome == RESULTS_TIMED_OUT);
	CHECK_NUM(seen.a[1].seconds, 20);
	/* A callback stops the listing, and its value comes back. */
	seen = (struct seen){ .stop_after = 1 };
	CHECK(results_each_answer(r, d.id, collect_answer, &seen) == 7 && seen.n == 1);
	results_close(r);
}

static void an_answer_is_recorded_once(void)
{
	const char *path = where("once.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_answer a = answer(d.id, "ana", 1), again = answer(d.id, "ana", 1);
	again.given = "Lyon", again.outcome = 2, again.credit = 0, again.points = 0;
	CHECK(results_record(r, &a) == 0);
	CHECK(results_record(r, &again) == RESULTS_ALREADY);
	CHECK_STR(results_error(r), "");  /* no error */
	char given[16] = "";
	look_value(path, "SELECT given FROM answers", given, sizeof given);
	CHECK_STR(given, "Paris");  /* the first stays */
	struct results_answer ben = answer(d.id, "ben", 1);
	CHECK(results_record(r, &ben) == 0);  /* another student may */
	/* Past the drill's questions, an unknown drill, an answer that makes no
	 * sense: refused, nothing recorded. */
	struct results_answer past = answer(d.id, "ana", 3), lost = answer("0123456789abcdef", "ana", 0);
	CHECK(results_record(r, &past) == -1);
	CHECK(strstr(results_error(r), "no drill") != NULL);
	CHECK(results_record(r, &lost) == -1);
	struct results_answer odd[3] = { answer(d.id, "ana", 0), answer(d.id, "ana", 0),
	                                 answer(d.id, "", 0) };
	odd[0].outcome = 5;
	odd[1].credit = 1.5;
	for (int i = 0; i < 3; i++)
		CHECK(results_record(r, &odd[i]) == -1);
	CHECK(look_int(path, "SELECT count(*) FROM answers") == 2);
	results_close(r);
}

static void resumes_at_the_first_unanswered(void)
{
	const char *path = where("resume.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", 6, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	unsigned next = 99;
	CHECK(results_next_index(r, d.id, "ana", &next) == 0 && next == 0);
	static const unsigned order[6] = { 0, 1, 2, 4, 3, 5 };
	static const unsigned want[6] = { 1, 2, 3, 3, 5, 6 };  /* 6: all answered */
	for (int i = 0; i < 6; i++) {
		struct results_answer a = answer(d.id, "ana", order[i]);
		CHECK(results_record(r, &a) == 0);
		CHECK(results_next_index(r, d.id, "ana", &next) == 0);
		CHECK(next == want[i]);
	}
	struct results_answer late = answer(d.id, "ben", 2);  /* 0 missing */
	CHECK(results_record(r, &late) == 0);
	CHECK(results_next_index(r, d.id, "ben", &next) == 0 && next == 0);
	CHECK(results_next_index(r, "0123456789abcdef", "ana", &next) == 0 && next == 0);
	results_close(r);
}

static void changes_since_the_last_seen(void)
{
	const char *path = where("changes.db");
	struct results *w = open_rw(path), *watch = open_rw(path);
	struct results_drill d = drill("5b", 10, 42), o = drill("5b", 10, 43);
	CHECK(results_drill_begin(w, &d) == 1 && results_drill_begin(w, &o) == 1);
	struct seen seen = { 0 };
	CHECK(results_changes_since(watch, d.id, 0, collect_answer, &seen) == 0 && seen.n == 0);
	for (unsigned i = 0; i < 3; i++) {
		struct results_answer a = answer(d.id, "ana", i), b = answer(o.id, "ana", i);
		CHECK(results_record(w, &a) == 0 && results_record(w, &b) == 0);
	}
	CHECK(results_changes_since(watch, d.id, 0, collect_answer, &seen) == 0 && seen.n == 3);
	int64_t last = seen.a[2].id;
	CHECK(seen.a[0].index == 0 && seen.a[2].index == 2);
	seen = (struct seen){ 0 };
	CHECK(results_changes_since(watch, d.id, last, collect_answer, &seen) == 0 && seen.n == 0);
	struct results_answer a = answer(d.id, "ben", 0), b = answer(o.id, "ben", 0);
	CHECK(results_record(w, &a) == 0 && results_record(w, &b) == 0);
	CHECK(results_changes_since(watch, d.id, last, collect_answer, &seen) == 0 && seen.n == 1);
	CHECK(seen.a[0].id == a.id);
	CHECK_STR(seen.a[0].student, "ben");
	seen = (struct seen){ 0 };
	/* Of every drill: the other drill's last answer came after last too. */
	CHECK(results_changes_since(watch, NULL, last, collect_answer, &seen) == 0 && seen.n == 3);
	CHECK_STR(seen.a[0].drill, o.id);
	CHECK(seen.a[0].id == last + 1 && seen.a[1].id == a.id && seen.a[2].id == b.id);
	results_close(w);
	results_close(watch);
}

/* ---- several writers --------------------------------------------------- */

#define WRITERS 5
#define PER_WRITER 200

struct questions_seen {
	unsigned index[4];
	char prompt[4][32];
	double points[4];
	size_t n;
};

static int collect_question(void *ctx, const struct results_question *q)
{
	struct questions_seen *s = ctx;
	if (s->n < 4) {
		s->index[s->n] = q->index;
		snprintf(s->prompt[s->n], sizeof s->prompt[0], "%s", q->prompt);
		s->points[s->n] = q->points;
	}
	s->n++;
	return 0;
}

static void questions_recorded_once_per_index(void)
{
	const char *path = where("questions.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_question q[3] = {
		{ 1, "capitals", "fr", "choice", "Capital of France?", "Paris", 100 },
		{ 0, "rivers", "nile", "text", "Longest river?", "Nile", 200 },
		{ 2, "capitals", "de", "text", "Capital of Germany?", "Berlin", 0 },
	};
	CHECK(results_set_questions(r, d.id, q, 3) == 0);
	/* A second student records them again: the first recording stays. */
	struct results_question again = q[1];
	again.prompt = "changed";
	CHECK(results_set_questions(r, d.id, &again, 1) == 0);
	struct questions_seen seen = { 0 };
	CHECK(results_each_question(r, d.id, collect_question, &seen) == 0);
	CHECK(seen.n == 3);
	CHECK(seen.index[0] == 0 && seen.index[1] == 1 && seen.index[2] == 2);
	CHECK_STR(seen.prompt[0], "Longest river?");
	CHECK(seen.points[0] == 200 && seen.points[2] == 0);
	/* Past the drill's count, an unknown drill, negative points: nothing. */
	struct results_question past = q[0];
	past.index = 3;
	CHECK(results_set_questions(r, d.id, &past, 1) == 0);
	CHECK(results_set_questions(r, "0000000000000000", q, 1) == 0);
	struct results_question bad = q[0];
	bad.points = -1;
	CHECK(results_set_questions(r, d.id, &bad, 1) == -1);
	CHECK(strstr(results_error(r), "points") != NULL);
	CHECK(look_int(path, "SELECT count(*) FROM questions") == 3);
	results_close(r);
}

/* A database of schema version 1 (no questions table) is brought up to
 * date on opening, its drills and answers kept. */
static void version_1_is_migrated(void)
{
	const char *path = at("v1.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_answer a = answer(d.id, "ana", 0);
	CHECK(results_record(r, &a) == 0);
	results_close(r);
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "DROP TABLE questions; DROP INDEX answers_drill; DROP TABLE live_events;"
	                   " DROP TABLE live_joined; DROP TABLE live_answers; UPDATE meta SET value = 1"
	                   " WHERE key = 'schema_version'") == SQLITE_OK);
	sqlite3_close(db);
	r = open_rw(path);
	CHECK(r != NULL);
	if (!r)
		return;
	CHECK(look_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
	      RESULTS_SCHEMA_VERSION);
	CHECK(look_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'answers_drill'") == 1);
	CHECK(look_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'live_answers'") == 1);
	CHECK(look_int(path, "SELECT count(*) FROM answers") == 1);
	struct questions_seen seen = { 0 };
	CHECK(results_each_question(r, d.id, collect_question, &seen) == 0 && seen.n == 0);
	results_close(r);
}

static void two_connections_both_write(void)
{
	const char *path = where("two.db");
	struct results *a = open_rw(path), *b = open_rw(path);
	struct results_drill d = drill("5b", 50, 1);
	CHECK(results_drill_begin(a, &d) == 1);
	for (unsigned i = 0; i < 50; i++) {
		struct results_answer x = answer(d.id, "ana", i), y = answer(d.id, "ben", i);
		CHECK(results_record(a, &x) == 0);
		CHECK(results_record(b, &y) == 0);
		CHECK(results_record(b, &x) == RESULTS_ALREADY);  /* b sees a's at once */
	}
	results_close(a);
	results_close(b);
	CHECK(look_int(path, "SELECT count(*) FROM answers") == 100);
}

/* One writer process: its student answers every question, each one twice
 * (the second must be refused as already answered).  Exit status 0 when
 * all went as it should. */
static int writer(const char *path, const char *drill_id, int n)
{
	struct results *r = NULL;
	if (results_open(path, 10000, &r, err, sizeof err) != 0)
		return 1;
	char student[32];
	snprintf(student, sizeof student, "student-%d", n);
	int bad = 0;
	for (unsigned i = 0; !bad && i < PER_WRITER; i++) {
		struct results_answer a = answer(drill_id, student, i);
		bad = results_record(r, &a) != 0 || results_record(r, &a) != RESULTS_ALREADY;
	}
	unsigned next = 0;
	bad = bad || results_next_index(r, drill_id, student, &next) != 0 || next != PER_WRITER;
	if (bad)
		printf("  writer %d: %s\n", n, results_error(r));
	results_close(r);
	return bad;
}

static void concurrent_writers_lose_and_double_nothing(void)
{
	const char *path = where("class.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", PER_WRITER, 9);
	CHECK(results_drill_begin(r, &d) == 1);
	results_close(r);
	fflush(stdout);
	pid_t pids[WRITERS];
	for (int n = 0; n < WRITERS; n++) {
		pids[n] = fork();
		if (pids[n] == 0)
			_exit(writer(path, d.id, n));
		CHECK(pids[n] > 0);
	}
	for (int n = 0; n < WRITERS; n++) {
		int status = -1;
		waitpid(pids[n], &status, 0);
		CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	}
	CHECK(look_int(path, "SELECT count(*) FROM answers") == WRITERS * PER_WRITER);
	CHECK(look_int(path, "SELECT count(*) FROM (SELECT DISTINCT drill, student, qindex"
	              " FROM answers) AS t") == WRITERS * PER_WRITER);
	CHECK(look_int(path, "SELECT count(DISTINCT student) FROM answers") == WRITERS);
	CHECK(look_int(path, "SELECT max(id) - min(id) + 1 FROM answers") == WRITERS * PER_WRITER);
	/* And a watcher from the start sees every one, in order. */
	r = open_rw(path);
	struct seen seen = { 0 };
	CHECK(results_changes_since(r, d.id, 0, collect_answer, &seen) == 0);
	CHECK(seen.n == WRITERS * PER_WRITER);
	results_close(r);
}

static void locked_answer_lands_whole_or_not_at_all(void)
{
	const char *path = at("locked.db");
	struct results *r = NULL;
	CHECK(results_open(path, 150, &r, err, sizeof err) == 0);
	struct results_drill d = drill("5b", 10, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "BEGIN IMMEDIATE") == SQLITE_OK);
	check_refused(path, 150, "is locked by another program (waited 150 ms)", true);
	struct results_answer a = answer(d.id, "ana", 0);
	CHECK(results_record(r, &a) == -1);
	CHECK(strstr(results_error(r), "locked") != NULL);
	CHECK(raw_exec(db, "COMMIT") == SQLITE_OK);
	sqlite3_close(db);
	CHECK(look_int(path, "SELECT count(*) FROM answers") == 0);
	CHECK(results_record(r, &a) == 0);
	CHECK(look_int(path, "SELECT count(*) FROM answers") == 1);
	results_close(r);
}

/* ---- refusals ---------------------------------------------------------- */

static void refuses_what_is_not_sqlite(void)
{
	const char *path = at("notes.txt");
	FILE *f = fopen(path, "w");
	if (f) {
		fputs("These are my notes, not a database.\n", f);
		fclose(f);
	}
	check_refused(path, 100, "is not a recall results database (not an SQLite file)", true);
	check_refused(tmp, 100, "is not a regular file", true);
}

static void refuses_a_newer_or_foreign_database(void)
{
	const char *path = at("newer.db");
	results_close(open_rw(path));
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "UPDATE meta SET value = 99 WHERE key = 'schema_version'") == SQLITE_OK);
	sqlite3_close(db);
	check_refused(path, 100, "was made by a newer recall; schema version 99, "
	              "this program knows up to 4", true);
	/* A progress database has a meta table and a version too. */
	path = at("progress.db");
	db = raw_open(path);
	CHECK(raw_exec(db, "CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL);"
	               "INSERT INTO meta VALUES ('schema_version', 2)") == SQLITE_OK);
	sqlite3_close(db);
	check_refused(path, 100, "not recall's drill results", true);
}

static void refuses_to_write_read_only(void)
{
	const char *path = at("ro/results.db");
	results_close(open_rw(path));
	chmod(path, 0444);
	check_refused(path, 100, "the file is read-only", true);
	chmod(path, 0644);
	chmod(at("ro"), 0555);
	check_refused(path, 100, "may not be written in", true);
	check_refused(at("ro/none.db"), 100, "may not be written in", true);
	CHECK(access(at("ro/none.db"), F_OK) != 0);
	chmod(at("ro"), 0755);
}

/* ---- reading only -------------------------------------------------------- */

/* The bytes of path, to compare before and after. */
static bool same_bytes(const char *path, const char *before, size_t before_len)
{
	size_t len;
	char *now = slurp(path, &len);
	bool same = now && len == before_len && memcmp(now, before, len) == 0;
	free(now);
	return same;
}

/* PostgreSQL: the session is read-only (default_transaction_read_only);
 * what writes is refused, the answers stay as they were, and a database
 * without recall's schema is refused and left without one. */
static void read_only_pg(const char *uri, const struct results_drill *d)
{
	struct results *r = NULL;
	CHECK(results_open_readonly(uri, 100, &r, err, sizeof err) == 0);
	struct seen seen = { 0 };
	CHECK(r && results_each_answer(r, d->id, collect_answer, &seen) == 0 && seen.n == 1);
	struct results_answer b = answer(d->id, "ben", 0);
	CHECK(r && results_record(r, &b) == -1);
	CHECK(r && strstr(results_error(r), "reading only") != NULL);
	results_close(r);
	CHECK(look_int(uri, "SELECT count(*) FROM answers") == 1);
	const char *empty = where("ro-empty");
	r = (struct results *)1;
	CHECK(results_open_readonly(empty, 100, &r, err, sizeof err) == -1 && !r);
	CHECK(strstr(err, "no results database at") != NULL);
	CHECK(look_int(empty, "SELECT count(*) FROM pg_namespace WHERE nspname = 'recall'") == 0);
}

static void read_only_reads_and_never_writes(void)
{
	const char *path = where("ro-read.db");
	struct results *r = open_rw(path);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_answer a = answer(d.id, "ana", 0);
	CHECK(results_record(r, &a) == 0);
	results_close(r);
	if (pg_mode()) {
		read_only_pg(path, &d);
		return;
	}
	size_t len;
	char *before = slurp(path, &len);
	chmod(path, 0444);
	r = NULL;
	CHECK(results_open_readonly(path, 100, &r, err, sizeof err) == 0);
	struct seen seen = { 0 };
	CHECK(r && results_each_answer(r, d.id, collect_answer, &seen) == 0 && seen.n == 1);
	/* What writes is refused, and says so. */
	struct results_answer b = answer(d.id, "ben", 0);
	CHECK(r && results_record(r, &b) == -1);
	CHECK(r && strstr(results_error(r), "reading only") != NULL);
	struct results_drill d2 = drill("5b", 4, 42);
	CHECK(r && results_drill_begin(r, &d2) == -1);
	results_close(r);
	CHECK(same_bytes(path, before, len));
	chmod(path, 0644);
	free(before);
	/* A missing file is refused, and not made. */
	r = (struct results *)1;
	CHECK(results_open_readonly(at("none/r.db"), 100, &r, err, sizeof err) == -1 && !r);
	CHECK(strstr(err, "no results database at") != NULL);
	CHECK(access(at("none"), F_OK) != 0);
}

/* An older database is read as it is, never upgraded: version 1 has no
 * questions (none listed), version 2 no index. */
static void read_only_reads_older_versions_as_they_are(void)
{
	for (int v = 1; v <= 2; v++) {
		const char *path = at(v == 1 ? "old1.db" : "old2.db");
		struct results *r = open_rw(path);
		struct results_drill d = drill("5b", 3, 42);
		CHECK(results_drill_begin(r, &d) == 1);
		struct results_question q = { 0, "capitals", "q-fr", "text", "Capital of France?",
		                              "Paris", 100 };
		CHECK(results_set_questions(r, d.id, &q, 1) == 0);
		struct results_answer a = answer(d.id, "ana", 0);
		CHECK(results_record(r, &a) == 0);
		results_close(r);
		sqlite3 *db = raw_open(path);
		CHECK(raw_exec(db, v == 1 ? "DROP TABLE questions; DROP INDEX answers_drill;"
		                            " UPDATE meta SET value = 1 WHERE key = 'schema_version'"
		                          : "DROP INDEX answers_drill;"
		                            " UPDATE meta SET value = 2 WHERE key = 'schema_version'")
		      == SQLITE_OK);
		sqlite3_close(db);
		size_t len;
		char *before = slurp(path, &len);
		r = NULL;
		CHECK(results_open_readonly(path, 100, &r, err, sizeof err) == 0);
		struct seen seen = { 0 };
		CHECK(r && results_each_answer(r, d.id, collect_answer, &seen) == 0 && seen.n == 1);
		struct questions_seen qs = { 0 };
		CHECK(r && results_each_question(r, d.id, collect_question, &qs) == 0);
		CHECK(qs.n == (v == 1 ? 0u : 1u));
		results_close(r);
		CHECK(same_bytes(path, before, len));
		CHECK(look_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") == v);
		free(before);
	}
}

/* A PostgreSQL URI is never quoted back (it may hold a password), and a
 * server that is not there is refused with libpq's reason. */
static void a_uri_is_never_shown(void)
{
	char uri[2][600];
	snprintf(uri[0], sizeof uri[0], "postgresql://teacher:s3cret@%s/recall?host=%s/none",
	         "localhost", tmp);
	snprintf(uri[1], sizeof uri[1], "postgres:///recall?host=%s/none&password=s3cret", tmp);
	for (int i = 0; i < 2; i++) {
		struct results *r = (struct results *)1;
		CHECK(results_open(uri[i], 100, &r, err, sizeof err) == -1);
		CHECK(r == NULL);
		CHECK(strstr(err, "results database (PostgreSQL): cannot connect") != NULL);
		CHECK(strstr(err, "s3cret") == NULL);  /* a password is never shown */
	}
	CHECK(access("postgresql:", F_OK) != 0 && access("postgres:", F_OK) != 0);
	CHECK_STR(results_where_shown(uri[0]), "the PostgreSQL database");
	CHECK_STR(results_where_shown("a/b.db"), "a/b.db");
	struct results *r = (struct results *)1;
	CHECK(results_open("", 100, &r, err, sizeof err) == -1 && r == NULL);
}

#include "test_results_live.h"
#include "test_results_pg.h"

int main(void)
{
	if (tmp_make("/tmp/recall-results-XXXXXX") != 0)
		return 1;
	pg_admin = getenv("RECALL_TEST_PG_URI");
	if (pg_admin && !*pg_admin)
		pg_admin = NULL;
	if (pg_mode()) {
		printf("(on PostgreSQL)\n");
		RUN(open_creates_folder_and_schema);
		RUN(drill_begun_then_continued);
		RUN(answers_recorded_and_listed);
		RUN(an_answer_is_recorded_once);
		RUN(resumes_at_the_first_unanswered);
		RUN(changes_since_the_last_seen);
		RUN(questions_recorded_once_per_index);
		RUN(two_connections_both_write);
		RUN(concurrent_writers_lose_and_double_nothing);
		RUN(read_only_reads_and_never_writes);
		RUN(pg_refuses_a_newer_or_foreign_schema);
		RUN(pg_lost_connection_records_once);
		RUN(pg_student_role_is_confined);
		RUN(pg_init_again_changes_nothing);
		RUN(pg_ids_become_visible_in_order);
		RUN(live_answers_only_to_the_open_question);
		RUN(pg_student_role_in_a_live_drill);
		tmp_remove();
		return check_done();
	}
	RUN(open_creates_folder_and_schema);
	RUN(drill_id_comes_from_the_settings);
	RUN(drill_begun_then_continued);
	RUN(answers_recorded_and_listed);
	RUN(an_answer_is_recorded_once);
	RUN(resumes_at_the_first_unanswered);
	RUN(changes_since_the_last_seen);
	RUN(questions_recorded_once_per_index);
	RUN(version_1_is_migrated);
	RUN(two_connections_both_write);
	RUN(concurrent_writers_lose_and_double_nothing);
	RUN(locked_answer_lands_whole_or_not_at_all);
	RUN(refuses_what_is_not_sqlite);
	RUN(refuses_a_newer_or_foreign_database);
	RUN(refuses_to_write_read_only);
	RUN(read_only_reads_and_never_writes);
	RUN(read_only_reads_older_versions_as_they_are);
	RUN(a_uri_is_never_shown);
	RUN(live_answers_only_to_the_open_question);
	tmp_remove();
	return check_done();
}
