/* Unit tests of store: a real SQLite file in a temporary folder (removed
 * at the end), written through the store and looked at behind its back
 * through a connection of the test's own. */
#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "check.h"
#include "sqlraw.h"
#include "store.h"

static char err[1024];

static struct store *open_rw(const char *path)
{
	struct store *s = NULL;
	if (store_open(path, 0, 2000, &s, err, sizeof err) != 0)
		printf("  store_open %s: %s\n", path, err);
	return s;
}

/* ---- the test's own look at the file ---------------------------------- */

/* Opening path for writing (flags 0) or reading must be refused with a
 * message holding want and the path, and leave the file as it was. */
static void check_refused(const char *path, unsigned flags, int busy_ms, const char *want)
{
	size_t before_len, after_len;
	char *before = slurp(path, &before_len);
	struct store *s = (struct store *)1;
	int rc = store_open(path, flags, busy_ms, &s, err, sizeof err);
	CHECK(rc == -1);
	CHECK(s == NULL);
	if (rc == 0)
		store_close(s);
	if (!strstr(err, want) || !strstr(err, path)) {
		printf("  message \"%s\" lacks \"%s\" or the path\n", err, want);
		CHECK(0);
	}
	char *after = slurp(path, &after_len);
	/* Byte for byte as it was, or still missing. */
	bool same = before && after ? before_len == after_len &&
	                              memcmp(before, after, before_len) == 0 : before == after;
	CHECK(same);
	if (!same)
		printf("  %s: %zu bytes before, %zu after (%s)\n", path, before_len, after_len, want);
	free(before);
	free(after);
}

/* ---- items and reviews ---------------------------------------------- */

static struct store_item item(const char *deck, const char *q, int state, int64_t due)
{
	struct store_item it = { .deck = deck, .question = q, .state = state, .stability = 2.5,
	                         .difficulty = 5.25, .due = due, .last_review = 1000,
	                         .reps = 1, .lapses = 0, .step = 1, .scheduled_days = 2 };
	store_content_hash("prompt", "answer", it.content_hash);
	return it;
}

static int record(struct store *s, const char *deck, const char *q, int64_t t, int grade,
                  const char *answer)
{
	struct store_item before;
	if (store_get_item(s, deck, q, &before) < 0)
		return -1;
	struct store_item after = item(deck, q, STORE_STATE_REVIEW, t + 86400);
	after.reps = before.reps + 1;
	after.last_review = t;
	struct store_review r = { .time = t, .grade = grade, .answer = answer, .seconds = 3.5,
	                          .elapsed_days = 1.5 };
	return store_record_review(s, &r, &after);
}

static long long count_reviews(const char *path)
{
	return raw_int(path, "SELECT count(*) FROM reviews");
}

static void open_creates_folder_and_schema(void)
{
	const char *path = at("new/sub/progress.db");
	struct store *s = open_rw(path);
	CHECK(s != NULL);
	store_close(s);
	struct stat st;
	CHECK(stat(at("new/sub"), &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK(stat(at("new"), &st) == 0 && (st.st_mode & 0777) == 0700);
	CHECK(raw_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") ==
	      STORE_SCHEMA_VERSION);
	CHECK(raw_int(path, "SELECT journal_mode = 'wal' FROM pragma_journal_mode") == 1);
	CHECK(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'items_due'") == 1);
	s = open_rw(path);  /* and again: opens what it made */
	CHECK(s != NULL);
	store_close(s);
}

static void record_and_read_back(void)
{
	const char *path = at("rw.db");
	struct store *s = open_rw(path);
	struct store_item it;
	CHECK(store_get_item(s, "d", "q1", &it) == 0);
	CHECK(it.state == STORE_STATE_NEW && it.reps == 0 && it.content_hash[0] == '\0');
	CHECK_STR(it.question, "q1");
	struct store_item after = item("d", "q1", STORE_STATE_LEARNING, 5000);
	after.lapses = 2;
	after.step = 3;
	after.scheduled_days = -1;
	struct store_review r = { .time = 4000, .grade = 3, .answer = "la réponse", .seconds = 2.25,
	                          .elapsed_days = 0 };
	CHECK(store_record_review(s, &r, &after) == 0);
	CHECK(r.id > 0 && r.state_before == STORE_STATE_NEW && r.state_after == STORE_STATE_LEARNING);
	CHECK(store_get_item(s, "d", "q1", &it) == 1);
	CHECK(it.state == STORE_STATE_LEARNING && it.due == 5000 && it.last_review == 1000);
	CHECK_NUM(it.stability, 2.5);
	CHECK_NUM(it.difficulty, 5.25);
	CHECK(it.reps == 1 && it.lapses == 2 && it.step == 3 && it.scheduled_days == -1);
	CHECK_STR(it.content_hash, after.content_hash);
	struct store_review r2 = { .time = 6000, .grade = 1, .answer = "" };
	after.state = STORE_STATE_RELEARNING;
	CHECK(store_record_review(s, &r2, &after) == 0);
	CHECK(r2.id > r.id && r2.state_before == STORE_STATE_LEARNING);
	CHECK(store_get_item(s, "d", "q2", &it) == 0);
	store_close(s);
	CHECK(count_reviews(path) == 2);
	CHECK(raw_int(path, "SELECT count(*) FROM items") == 1);
	CHECK(raw_int(path, "SELECT prev_state IS NULL FROM reviews WHERE id = 1") == 1);
	CHECK(raw_int(path, "SELECT prev_state FROM reviews WHERE id = 2") == STORE_STATE_LEARNING);
}

static void a_review_is_one_transaction(void)
{
	const char *path = at("tx.db");
	struct store *s = open_rw(path);
	CHECK(record(s, "d", "q", 1000, 3, "a") == 0);
	/* The item is updated first, then the log entry fails: */
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "CREATE TRIGGER fail BEFORE INSERT ON reviews "
	               "BEGIN SELECT RAISE(ABORT, 'simulated failure'); END") == SQLITE_OK);
	CHECK(record(s, "d", "q", 2000, 3, "b") == -1);
	CHECK(strstr(store_error(s), "simulated failure") != NULL);
	CHECK(record(s, "d", "new", 2000, 3, "b") == -1);
	struct store_item it;
	CHECK(store_get_item(s, "d", "q", &it) == 1 && it.reps == 1 && it.last_review == 1000);
	CHECK(store_get_item(s, "d", "new", &it) == 0);
	CHECK(count_reviews(path) == 1);
	CHECK(raw_exec(db, "DROP TRIGGER fail") == SQLITE_OK);
	sqlite3_close(db);
	CHECK(record(s, "d", "q", 2000, 3, "b") == 0);  /* and the store goes on */
	CHECK(store_get_item(s, "d", "q", &it) == 1 && it.reps == 2);
	/* Out of range values are refused before anything is written. */
	CHECK(record(s, "d", "q", 3000, 5, "c") == -1);
	CHECK(count_reviews(path) == 2);
	store_close(s);
}

static void undo_puts_the_item_back(void)
{
	const char *path = at("undo.db");
	struct store *s = open_rw(path);
	struct store_undone u;
	CHECK(store_undo_last(s, 0, &u) == 0);
	CHECK(record(s, "d", "q1", 1000, 3, "a") == 0);
	CHECK(record(s, "d", "q1", 2000, 3, "a") == 0);
	CHECK(record(s, "d", "q2", 3000, 3, "a") == 0);
	CHECK(store_undo_last(s, 4000, &u) == 0);  /* nothing in that session */
	CHECK(store_undo_last(s, 0, &u) == 1);
	CHECK_STR(u.deck, "d");
	CHECK_STR(u.question, "q2");
	CHECK(u.time == 3000 && u.item.state == STORE_STATE_NEW);
	store_undone_free(&u);
	struct store_item it;
	CHECK(store_get_item(s, "d", "q2", &it) == 0);  /* its first review: no row */
	CHECK(store_undo_last(s, 1500, &u) == 1);
	CHECK_STR(u.question, "q1");
	CHECK(u.item.reps == 1 && u.item.last_review == 1000);
	store_undone_free(&u);
	CHECK(store_get_item(s, "d", "q1", &it) == 1 && it.reps == 1 && it.last_review == 1000);
	CHECK(count_reviews(path) == 1);
	/* Graded at 5000, then at 100 (a clock set back): undoing "since
	 * 4000" would undo the one before the last of q1: refused. */
	CHECK(record(s, "d", "q1", 5000, 3, "a") == 0);
	CHECK(record(s, "d", "q1", 100, 3, "a") == 0);
	CHECK(store_undo_last(s, 4000, &u) == -1);
	CHECK(strstr(store_error(s), "reviewed again") != NULL);
	CHECK(count_reviews(path) == 3);
	store_close(s);
}

static void two_connections_both_write(void)
{
	const char *path = at("two.db");
	struct store *a = open_rw(path), *b = open_rw(path);
	CHECK(a && b);
	for (int i = 0; i < 20; i++) {
		CHECK(record(a, "d", "qa", 1000 + i, 3, "a") == 0);
		CHECK(record(b, "d", "qb", 1000 + i, 3, "b") == 0);
	}
	struct store_item it;
	CHECK(store_get_item(b, "d", "qa", &it) == 1 && it.reps == 20);  /* b sees a's */
	/* And two processes at once. */
	pid_t pid = fork();
	if (pid == 0) {
		struct store *c = NULL;
		int bad = store_open(path, 0, 5000, &c, err, sizeof err) != 0;
		for (int i = 0; !bad && i < 100; i++)
			bad = record(c, "d", "qc", 2000 + i, 3, "c") != 0;
		store_close(c);
		_exit(bad);
	}
	for (int i = 0; i < 100; i++)
		CHECK(record(a, "d", "qa", 2000 + i, 3, "a") == 0);
	int status = -1;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	store_close(a);
	store_close(b);
	CHECK(count_reviews(path) == 240);
	CHECK(raw_int(path, "SELECT reps FROM items WHERE question = 'qc'") == 100);
}

static void kill_9_leaves_whole_reviews(void)
{
	const char *path = at("kill.db");
	store_close(open_rw(path));
	pid_t pid = fork();
	if (pid == 0) {
		struct store *c = NULL;
		if (store_open(path, 0, 5000, &c, err, sizeof err) != 0)
			_exit(1);
		for (int i = 0;; i++)
			record(c, "d", i % 2 ? "odd" : "even", i, 3, "x");
	}
	struct timespec wait = { 0, 300 * 1000 * 1000 };
	nanosleep(&wait, NULL);
	kill(pid, SIGKILL);
	waitpid(pid, NULL, 0);
	struct store *s = open_rw(path);  /* quick_check passes */
	CHECK(s != NULL);
	store_close(s);
	CHECK(count_reviews(path) > 0);
	/* Each item's count of reviews matches its log, to the last one. */
	CHECK(raw_int(path, "SELECT count(*) FROM items i WHERE reps != "
	              "(SELECT count(*) FROM reviews r WHERE r.item = i.id)") == 0);
}

/* ---- the schema's versions ------------------------------------------- */

/* Version 1 as the first study mode wrote it, with some progress. */
static const char v1_sql[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL);"
	"INSERT INTO meta VALUES ('schema_version', 1);"
	"CREATE TABLE items (id INTEGER PRIMARY KEY, deck TEXT NOT NULL, question TEXT NOT NULL,"
	" state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3), stability REAL NOT NULL,"
	" difficulty REAL NOT NULL, due INTEGER NOT NULL, last_review INTEGER NOT NULL,"
	" reps INTEGER NOT NULL CHECK (reps >= 0), lapses INTEGER NOT NULL CHECK (lapses >= 0),"
	" step INTEGER NOT NULL CHECK (step >= 0), scheduled_days INTEGER NOT NULL,"
	" UNIQUE (deck, question));"
	"CREATE INDEX items_due ON items (deck, due);"
	"CREATE TABLE reviews (id INTEGER PRIMARY KEY, item INTEGER NOT NULL REFERENCES items (id),"
	" time INTEGER NOT NULL, grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
	" answer TEXT NOT NULL, seconds REAL NOT NULL,"
	" state_before INTEGER NOT NULL CHECK (state_before BETWEEN 0 AND 3),"
	" state_after INTEGER NOT NULL CHECK (state_after BETWEEN 0 AND 3),"
	" stability REAL NOT NULL, difficulty REAL NOT NULL, elapsed_days REAL NOT NULL,"
	" scheduled_days INTEGER NOT NULL);"
	"CREATE INDEX reviews_time ON reviews (time);"
	"CREATE INDEX reviews_item ON reviews (item);"
	"INSERT INTO items VALUES (1, 'd', 'old', 2, 10.5, 4.0, 90000, 3000, 3, 1, 0, 1);"
	"INSERT INTO reviews VALUES (1, 1, 3000, 3, 'yes', 4.0, 1, 2, 10.5, 4.0, 1.0, 1);";

static void migrates_from_version_1(void)
{
	const char *path = at("v1.db");
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, v1_sql) == SQLITE_OK);
	sqlite3_close(db);
	/* A reading open does not upgrade. */
	check_refused(path, STORE_READONLY, 100, "schema version 1");
	struct store *s = open_rw(path);
	CHECK(s != NULL);
	CHECK(raw_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") == 3);
	/* 2 -> 3: the day's counts read one index holding time and state */
	CHECK(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'reviews_time_state'") == 1);
	CHECK(raw_int(path, "SELECT count(*) FROM sqlite_master WHERE name = 'reviews_time'") == 0);
	struct store_item it;
	CHECK(store_get_item(s, "d", "old", &it) == 1);
	CHECK(it.state == STORE_STATE_REVIEW && it.reps == 3 && it.due == 90000);
	CHECK_STR(it.content_hash, "");  /* unknown */
	struct store_undone u;
	CHECK(store_undo_last(s, 0, &u) == -1);  /* the old review cannot be undone */
	CHECK(strstr(store_error(s), "before undo existed") != NULL);
	CHECK(record(s, "d", "old", 5000, 4, "yes") == 0);
	CHECK(store_undo_last(s, 0, &u) == 1);
	store_undone_free(&u);
	CHECK(store_get_item(s, "d", "old", &it) == 1 && it.reps == 3 && it.last_review == 3000);
	store_close(s);
	CHECK(count_reviews(path) == 1);
}

/* ---- refusals ---------------------------------------------------------- */

/* A real database with enough rows to span many pages. */
static void make_big(const char *path)
{
	struct store *s = open_rw(path);
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c"
	               " WHERE i < 3000) INSERT INTO items (deck, question, state, stability,"
	               " difficulty, due, last_review, reps, lapses, step, scheduled_days)"
	               " SELECT 'deck', printf('question number %d', i), 2, 1, 1, i, 0, 1, 0, 0, 1"
	               " FROM c") == SQLITE_OK);
	sqlite3_close(db);
	store_close(s);
}

static void refuses_what_is_not_sqlite(void)
{
	const char *path = at("garbage.db");
	char junk[3000];
	for (size_t i = 0; i < sizeof junk; i++)
		junk[i] = (char)(i * 7 + 3);
	spit(path, junk, sizeof junk);
	check_refused(path, 0, 100, "not an SQLite file");
	check_refused(path, STORE_READONLY, 100, "not an SQLite file");
	spit(path, "{\"questions\": []}\n", 18);  /* a deck given by mistake */
	check_refused(path, 0, 100, "not an SQLite file");
}

static void refuses_a_damaged_database(void)
{
	const char *path = at("trunc.db");
	make_big(path);
	size_t len;
	char *bytes = slurp(path, &len);
	CHECK(len > 100000);
	spit(path, bytes, len / 2);
	check_refused(path, 0, 100, "is damaged");
	check_refused(path, STORE_READONLY, 100, "is damaged");
	/* A page overwritten in the middle: found by quick_check. */
	path = at("scribbled.db");
	memset(bytes + len / 2 + 200, 0xff, 300);
	spit(path, bytes, len);
	check_refused(path, 0, 100, "is damaged");
	free(bytes);
}

static int count_one(void *ctx, const struct store_review *r)
{
	(void)ctx;
	(void)r;
	return 0;
}

/* A database over STORE_FULL_CHECK_BYTES is not checked in full at open;
 * a damaged page in it is refused when it is read, and left as it is. */
static void refuses_a_damaged_page_of_a_large_database(void)
{
	const char *path = at("large.db");
	struct store *s = open_rw(path);
	CHECK(record(s, "d", "q", 1000, 3, "x") == 0);
	store_close(s);
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c"
	               " WHERE i < 24000) INSERT INTO reviews (item, time, grade, answer, seconds,"
	               " state_before, state_after, stability, difficulty, elapsed_days,"
	               " scheduled_days) SELECT 1, 1000 + i, 3, printf('%.800c', 'a'), 1, 2, 2,"
	               " 1, 5, 1, 1 FROM c") == SQLITE_OK);
	sqlite3_close(db);
	size_t len;
	char *bytes = slurp(path, &len);
	CHECK(len > STORE_FULL_CHECK_BYTES);
	/* Eight whole pages in the middle, where the log's rows are. */
	size_t page = (size_t)raw_int(path, "PRAGMA page_size"), first = len / 2 / page * page;
	memset(bytes + first, 0xff, 8 * page);
	spit(path, bytes, len);
	s = NULL;
	CHECK(store_open(path, STORE_READONLY, 100, &s, err, sizeof err) == 0);
	if (s) {
		CHECK(store_each_review(s, count_one, NULL) == -1);
		CHECK(strstr(store_error(s), "is damaged") != NULL);
		CHECK(strstr(store_error(s), path) != NULL);
		store_close(s);
	}
	size_t after_len;
	char *after = slurp(path, &after_len);
	CHECK(after && after_len == len && memcmp(after, bytes, len) == 0);
	free(after);
	free(bytes);
}

static void refuses_a_locked_database(void)
{
	const char *path = at("locked.db");
	struct store *s = open_rw(path);
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "BEGIN IMMEDIATE") == SQLITE_OK);
	check_refused(path, 0, 150, "is locked by another program (waited 150 ms)");
	/* One already open cannot record, and nothing of it lands. */
	CHECK(record(s, "d", "q", 1000, 3, "a") == -1);
	CHECK(strstr(store_error(s), "locked") != NULL);
	CHECK(raw_exec(db, "COMMIT") == SQLITE_OK);
	sqlite3_close(db);
	CHECK(count_reviews(path) == 0);
	CHECK(record(s, "d", "q", 1000, 3, "a") == 0);
	store_close(s);
}

static void refuses_to_write_read_only(void)
{
	const char *path = at("ro/progress.db");
	struct store *s = open_rw(path);
	CHECK(record(s, "d", "q", 1000, 3, "a") == 0);
	store_close(s);
	chmod(path, 0444);
	check_refused(path, 0, 100, "the file is read-only");
	s = NULL;
	CHECK(store_open(path, STORE_READONLY, 100, &s, err, sizeof err) == 0);
	struct store_item it;
	CHECK(s && store_get_item(s, "d", "q", &it) == 1 && it.reps == 1);
	CHECK(s && record(s, "d", "q", 2000, 3, "a") == -1);  /* and it never writes */
	store_close(s);
	chmod(path, 0644);
	chmod(at("ro"), 0555);
	check_refused(path, 0, 100, "may not be written in");
	chmod(at("ro"), 0755);
	/* Nothing is created for a reading open. */
	check_refused(at("ro/none.db"), STORE_READONLY, 100, "no progress database");
	CHECK(access(at("ro/none.db"), F_OK) != 0);
}

static void refuses_a_newer_or_foreign_database(void)
{
	const char *path = at("newer.db");
	store_close(open_rw(path));
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "UPDATE meta SET value = 99 WHERE key = 'schema_version'") == SQLITE_OK);
	sqlite3_close(db);
	check_refused(path, 0, 100, "was made by a newer recall; schema version 99, "
	              "this program knows up to 3");
	check_refused(path, STORE_READONLY, 100, "schema version 99");
	path = at("foreign.db");
	db = raw_open(path);
	CHECK(raw_exec(db, "CREATE TABLE notes (body TEXT); INSERT INTO notes VALUES ('mine')")
	      == SQLITE_OK);
	sqlite3_close(db);
	check_refused(path, 0, 100, "not recall's progress");
}

/* ---- queries and export ----------------------------------------------- */

struct seen {
	char names[16][16];
	size_t n;
	size_t stop_after;  /* 0: never */
};

static int collect(void *ctx, const struct store_item *it)
{
	struct seen *w = ctx;
	if (w->n < 16)
		snprintf(w->names[w->n++], sizeof w->names[0], "%s", it->question);
	return w->stop_after && w->n >= w->stop_after ? 7 : 0;
}

static void put(struct store *s, const char *deck, const char *q, int state, int64_t due)
{
	struct store_item it = item(deck, q, state, due);
	struct store_review r = { .time = 10, .grade = 3, .answer = "" };
	CHECK(store_record_review(s, &r, &it) == 0);
}

static void due_queue_order_and_limit(void)
{
	struct store *s = open_rw(at("due.db"));
	put(s, "d", "review200", STORE_STATE_REVIEW, 200);
	put(s, "d", "learn300", STORE_STATE_LEARNING, 300);
	put(s, "d", "review50", STORE_STATE_REVIEW, 50);
	put(s, "d", "relearn100", STORE_STATE_RELEARNING, 100);
	put(s, "d", "later", STORE_STATE_REVIEW, 5000);
	put(s, "d", "learnlater", STORE_STATE_LEARNING, 5000);
	put(s, "e", "other", STORE_STATE_REVIEW, 10);
	const char *decks[] = { "d" };
	struct seen w = { 0 };
	CHECK(store_due_items(s, decks, 1, 1000, 0, collect, &w) == 0);
	CHECK(w.n == 4);
	CHECK_STR(w.names[0], "relearn100");
	CHECK_STR(w.names[1], "learn300");
	CHECK_STR(w.names[2], "review50");
	CHECK_STR(w.names[3], "review200");
	memset(&w, 0, sizeof w);
	CHECK(store_due_items(s, decks, 1, 1000, 3, collect, &w) == 0 && w.n == 3);
	CHECK_STR(w.names[2], "review50");
	memset(&w, 0, sizeof w);
	CHECK(store_due_items(s, decks, 1, 1000, 2, collect, &w) == 0 && w.n == 2);
	CHECK_STR(w.names[1], "learn300");
	memset(&w, 0, sizeof w);
	CHECK(store_due_items(s, NULL, 0, 1000, 0, collect, &w) == 0 && w.n == 5);
	CHECK_STR(w.names[2], "other");
	const char *both[] = { "e", "d" };
	memset(&w, 0, sizeof w);
	CHECK(store_due_items(s, both, 2, 1000, 0, collect, &w) == 0 && w.n == 5);
	memset(&w, 0, sizeof w);
	CHECK(store_due_items(s, both, 0, 1000, 0, collect, &w) == 0 && w.n == 0);
	memset(&w, 0, sizeof w);
	w.stop_after = 1;
	CHECK(store_due_items(s, decks, 1, 1000, 0, collect, &w) == 7 && w.n == 1);
	store_close(s);
}

static int collect_question(void *ctx, const char *question)
{
	struct seen *w = ctx;
	if (w->n < 16)
		snprintf(w->names[w->n++], sizeof w->names[0], "%s", question);
	return w->stop_after && w->n >= w->stop_after ? 7 : 0;
}

/* What a study session reads of a deck: the questions that have a row,
 * and the rows due in a range, earliest first. */
static void deck_questions_and_due_ranges(void)
{
	struct store *s = open_rw(at("deckdue.db"));
	put(s, "d", "b", STORE_STATE_REVIEW, 300);
	put(s, "d", "a", STORE_STATE_LEARNING, 100);
	put(s, "d", "c", STORE_STATE_RELEARNING, 200);
	put(s, "d", "e", STORE_STATE_REVIEW, 200);
	put(s, "e", "x", STORE_STATE_REVIEW, 150);
	struct seen w = { 0 };
	CHECK(store_each_deck_question(s, "d", collect_question, &w) == 0 && w.n == 4);
	CHECK_STR(w.names[0], "a");   /* in the index's order */
	CHECK_STR(w.names[3], "e");
	memset(&w, 0, sizeof w);
	CHECK(store_each_deck_question(s, "none", collect_question, &w) == 0 && w.n == 0);
	memset(&w, 0, sizeof w);
	w.stop_after = 2;
	CHECK(store_each_deck_question(s, "d", collect_question, &w) == 7 && w.n == 2);
	memset(&w, 0, sizeof w);
	/* after 100 (not included), up to 300 (included); ties by first study */
	CHECK(store_each_deck_due(s, "d", 100, 300, collect, &w) == 0 && w.n == 3);
	CHECK_STR(w.names[0], "c");
	CHECK_STR(w.names[1], "e");
	CHECK_STR(w.names[2], "b");
	memset(&w, 0, sizeof w);
	CHECK(store_each_deck_due(s, "d", INT64_MIN, 299, collect, &w) == 0 && w.n == 3);
	CHECK_STR(w.names[0], "a");
	memset(&w, 0, sizeof w);
	w.stop_after = 1;
	CHECK(store_each_deck_due(s, "d", 150, INT64_MAX, collect, &w) == 7 && w.n == 1);
	CHECK_STR(w.names[0], "c");
	store_close(s);
}

static void counts_today(void)
{
	struct store *s = open_rw(at("today.db"));
	struct store_item it = item("d", "a", STORE_STATE_LEARNING, 0);
	struct store_review r = { .time = 50, .grade = 3, .answer = "" };
	CHECK(store_record_review(s, &r, &it) == 0);  /* yesterday, new */
	it.question = "b";
	r.time = 150;
	CHECK(store_record_review(s, &r, &it) == 0);  /* new */
	it.state = STORE_STATE_REVIEW;
	CHECK(store_record_review(s, &r, &it) == 0);  /* learning */
	CHECK(store_record_review(s, &r, &it) == 0);  /* review */
	it.question = "a";
	CHECK(store_record_review(s, &r, &it) == 0);  /* learning */
	CHECK(store_record_review(s, &r, &it) == 0);  /* review */
	CHECK(store_record_review(s, &r, &it) == 0);  /* review */
	unsigned n = 9, v = 9;
	CHECK(store_count_today(s, 100, &n, &v) == 0);
	CHECK(n == 1 && v == 3);
	CHECK(store_count_today(s, 0, &n, &v) == 0);
	CHECK(n == 2 && v == 3);
	store_close(s);
}

static void content_hash_sees_edits(void)
{
	char a[17], b[17], c[17];
	store_content_hash("", "", a);
	CHECK_STR(a, "af63bd4c8601b7df");  /* FNV-1a 64 of the single NUL byte */
	store_content_hash("ab", "c", a);
	store_content_hash("a", "bc", b);
	store_content_hash("ab", "c", c);
	CHECK(strcmp(a, b) != 0);
	CHECK_STR(a, c);
	CHECK(strlen(a) == 16);
}

static FILE *export_of(struct store *s, enum store_format f, char **text)
{
	FILE *out = tmpfile();
	CHECK(store_export(s, out, f, err, sizeof err) == 0);
	long n = ftell(out);
	*text = calloc(1, (size_t)n + 1);
	rewind(out);
	CHECK(fread(*text, 1, (size_t)n, out) == (size_t)n);
	return out;
}

static struct store *export_store(const char *name)
{
	struct store *s = open_rw(at(name));
	struct store_item it = item("deck \"1\"", "q,1", STORE_STATE_REVIEW, 1740823200);
	it.last_review = 1740819600;  /* 2025-03-01T09:00:00Z */
	struct store_review r = { .time = 1740819600, .grade = 2,
	                          .answer = "say \"hi\",\nthen \x01 \xff end", .seconds = 1.5,
	                          .elapsed_days = 0.25 };
	CHECK(store_record_review(s, &r, &it) == 0);
	it.question = "q2";
	r.answer = "plain";
	r.grade = 4;
	CHECK(store_record_review(s, &r, &it) == 0);
	return s;
}

static void export_json_reads_back(void)
{
	struct store *s = export_store("export.db");
	char *text;
	fclose(export_of(s, STORE_EXPORT_JSON, &text));
	cJSON *j = cJSON_Parse(text);
	CHECK(j != NULL);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(j, "format")), "recall-progress/1");
	cJSON *items = cJSON_GetObjectItem(j, "items"), *revs = cJSON_GetObjectItem(j, "reviews");
	CHECK(cJSON_GetArraySize(items) == 2 && cJSON_GetArraySize(revs) == 2);
	cJSON *i0 = cJSON_GetArrayItem(items, 0), *r0 = cJSON_GetArrayItem(revs, 0);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(i0, "deck")), "deck \"1\"");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(i0, "question")), "q,1");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(i0, "state")), "review");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(i0, "due")), "2025-03-01T10:00:00Z");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(i0, "last_review")),
	          "2025-03-01T09:00:00Z");
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(i0, "stability")), 2.5);
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(i0, "difficulty")), 5.25);
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(i0, "reps")), 1);
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(i0, "lapses")), 0);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(r0, "time")), "2025-03-01T09:00:00Z");
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(r0, "grade")), 2);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(r0, "state_before")), "new");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(r0, "state_after")), "review");
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(r0, "answer")),
	          "say \"hi\",\nthen \x01 \xef\xbf\xbd end");
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(r0, "seconds")), 1.5);
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(r0, "elapsed_days")), 0.25);
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(r0, "scheduled_days")), 2);
	CHECK_NUM(cJSON_GetNumberValue(cJSON_GetObjectItem(r0, "stability")), 2.5);
	CHECK_STR(cJSON_GetStringValue(cJSON_GetObjectItem(cJSON_GetArrayItem(revs, 1), "question")),
	          "q2");
	cJSON_Delete(j);
	free(text);
	store_close(s);
	/* And an empty store: still one valid document. */
	s = open_rw(at("empty.db"));
	fclose(export_of(s, STORE_EXPORT_JSON, &text));
	j = cJSON_Parse(text);
	CHECK(j && cJSON_GetArraySize(cJSON_GetObjectItem(j, "items")) == 0);
	cJSON_Delete(j);
	free(text);
	store_close(s);
}

static void export_csv_is_rfc_4180(void)
{
	struct store *s = export_store("export-csv.db");
	char *text;
	fclose(export_of(s, STORE_EXPORT_CSV, &text));
	CHECK_STR(text,
	          "deck,question,time,grade,state_before,state_after,stability,difficulty,"
	          "elapsed_days,scheduled_days,answer,seconds\r\n"
	          "\"deck \"\"1\"\"\",\"q,1\",2025-03-01T09:00:00Z,2,new,review,2.5,5.25,0.25,2,"
	          "\"say \"\"hi\"\",\nthen \x01 \xff end\",1.5\r\n"
	          "\"deck \"\"1\"\"\",q2,2025-03-01T09:00:00Z,4,new,review,2.5,5.25,0.25,2,plain,1.5\r\n");
	free(text);
	/* A write error is reported. */
	FILE *full = fopen("/dev/full", "w");
	if (full) {
		CHECK(store_export(s, full, STORE_EXPORT_CSV, err, sizeof err) == -1);
		CHECK(strstr(err, "cannot write") != NULL);
		fclose(full);
	}
	store_close(s);
}

int main(void)
{
	if (tmp_make("/tmp/recall-store-XXXXXX") != 0)
		return 1;
	RUN(open_creates_folder_and_schema);
	RUN(record_and_read_back);
	RUN(a_review_is_one_transaction);
	RUN(undo_puts_the_item_back);
	RUN(two_connections_both_write);
	RUN(kill_9_leaves_whole_reviews);
	RUN(migrates_from_version_1);
	RUN(refuses_what_is_not_sqlite);
	RUN(refuses_a_damaged_database);
	RUN(refuses_a_damaged_page_of_a_large_database);
	RUN(refuses_a_locked_database);
	RUN(refuses_to_write_read_only);
	RUN(refuses_a_newer_or_foreign_database);
	RUN(due_queue_order_and_limit);
	RUN(deck_questions_and_due_ranges);
	RUN(counts_today);
	RUN(content_hash_sees_edits);
	RUN(export_json_reads_back);
	RUN(export_csv_is_rfc_4180);
	tmp_remove();
	return check_done();
}
