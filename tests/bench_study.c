/* bench_study — study mode on a large progress database.
 *
 *   bench_study CACHE_DIR RECALL
 *
 * Builds (once; cached in CACHE_DIR under the schema version) two
 * databases of 1,000,000 items over 1,000 decks, one with 10,000,000 logged
 * reviews and one with 1,000,000, in the store's own schema: store_open
 * makes the tables, then one transaction of prepared inserts fills them
 * with the indexes dropped and built again at the end.  Then, each as a
 * ratio or a figure with its target:
 *
 *   first question  `RECALL study --plain --db DB --now T deck-000.json`
 *                   until it prints a line beginning "Question", against
 *                   the sqlite3 tool running the due-queue query that
 *                   store_due_items runs, on the same database; medians,
 *                   runs alternating.  Without a study command in RECALL
 *                   this says so and, to keep the harness honest, times
 *                   `RECALL stats --db DB` instead (for information).
 *   store_open      the open (its check included) alone, in process.
 *   grade commit    1,000 store_record_review calls: median and 99th
 *                   percentile; they are undone afterwards.
 *   peak memory     ru_maxrss of the study (or stats) process with 1M and
 *                   with 10M reviews: it must not grow with the log.
 *
 * Exit status 1 when a target is missed or nothing could be measured.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "store.h"

#define NITEMS 1000000
#define NDECKS 1000
#define PER_DECK (NITEMS / NDECKS)
#define BIG_LOG 10000000
#define SMALL_LOG 1000000
#define NOW INT64_C(1767225600)      /* 2026-01-01T00:00:00Z */
#define NOW_ISO "2026-01-01T00:00:00Z"
#define RUNS 5
#define RACE_RUNS 31                 /* the first question and the query: a few ms each, and
                                        the ratio of two medians of 5 moved by 0.2 run to run */
#define GRADES 1000
#define DUE_LIMIT 200                /* what a day's reviews come to by default */

#define TARGET_FIRST 1.5             /* first question over the sqlite3 query, at most */
#define TARGET_MEM 1.25              /* peak memory, 10M log over 1M log, at most */
#define TARGET_GRADE_P99_MS 100.0    /* a grade committed, 99th percentile, at most */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench_study: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

/* The q-quantile of v (sorted in place). */
static double quantile(double *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, cmp_double);
	size_t i = (size_t)(q * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

/* ---- building the database ----------------------------------------------- */

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die("%s: %s", sql, msg ? msg : "?");
}

static sqlite3_stmt *prepare(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die("%s: %s", sql, sqlite3_errmsg(db));
	return st;
}

static void step(sqlite3 *db, sqlite3_stmt *st)
{
	if (sqlite3_step(st) != SQLITE_DONE)
		die("insert: %s", sqlite3_errmsg(db));
	sqlite3_reset(st);
}

static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Item i: deck-DDD/qQQQ; 5% learning, 5% relearning, the rest in review,
 * due from 30 days ago to a year ahead. */
static void insert_items(sqlite3 *db)
{
	sqlite3_stmt *st = prepare(db, "INSERT INTO items (id, deck, question, state, stability,"
	                           " difficulty, due, last_review, reps, lapses, step, scheduled_days)"
	                           " VALUES (?, ?, ?, ?, ?, 5, ?, ?, 10, ?, 0, ?)");
	for (int i = 0; i < NITEMS; i++) {
		char deck[16], q[16];
		snprintf(deck, sizeof deck, "deck-%03d", i / PER_DECK);
		snprintf(q, sizeof q, "q%03d", i % PER_DECK);
		int state = i % 20 == 0 ? 1 : i % 20 == 1 ? 3 : 2, days = 1 + i % 300;
		sqlite3_bind_int(st, 1, i + 1);
		sqlite3_bind_text(st, 2, deck, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(st, 3, q, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int(st, 4, state);
		sqlite3_bind_double(st, 5, days);
		sqlite3_bind_int64(st, 6, NOW - 30 * 86400 + (int64_t)(mix((uint64_t)i) % (395u * 86400u)));
		sqlite3_bind_int64(st, 7, NOW - (i % 30) * 86400 - 3600);
		sqlite3_bind_int(st, 8, i % 7);
		sqlite3_bind_int(st, 9, state == 2 ? days : 0);
		step(db, st);
	}
	sqlite3_finalize(st);
}

/* n reviews spread evenly over the three years before NOW, cycling over
 * the items; one in ten graded again. */
static void insert_reviews(sqlite3 *db, long n)
{
	sqlite3_stmt *st = prepare(db, "INSERT INTO reviews (item, time, grade, answer, seconds,"
	                           " state_before, state_after, stability, difficulty, elapsed_days,"
	                           " scheduled_days) VALUES (?, ?, ?, '', 4.5, 2, 2, 10, 5, 3, 10)");
	const int64_t span = 3 * 365 * 86400;
	for (long k = 0; k < n; k++) {
		sqlite3_bind_int64(st, 1, k % NITEMS + 1);
		sqlite3_bind_int64(st, 2, NOW - span + (int64_t)((double)k * ((double)span / (double)n)));
		sqlite3_bind_int(st, 3, k % 10 == 0 ? 1 : 3);
		step(db, st);
	}
	sqlite3_finalize(st);
}

/* Builds the database with nreviews logged at path. */
static void build_now(const char *path, long nreviews)
{
	char tmp[4200], err[1024];
	snprintf(tmp, sizeof tmp, "%s.part", path);
	unlink(tmp);
	struct store *s;
	if (store_open(tmp, 0, STORE_BUSY_DEFAULT_MS, &s, err, sizeof err) != 0)
		die("%s", err);
	store_close(s);
	sqlite3 *db;
	if (sqlite3_open(tmp, &db) != SQLITE_OK)
		die("cannot open %s", tmp);
	exec(db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF; PRAGMA cache_size = -262144;"
	         " BEGIN; DROP INDEX items_due; DROP INDEX reviews_time_state; DROP INDEX reviews_item");
	insert_items(db);
	insert_reviews(db, nreviews);
	exec(db, "CREATE INDEX items_due ON items (deck, due);"
	         " CREATE INDEX reviews_time_state ON reviews (time, state_before);"
	         " CREATE INDEX reviews_item ON reviews (item); COMMIT; PRAGMA journal_mode = WAL");
	sqlite3_close(db);
	if (rename(tmp, path) != 0)
		die("cannot rename %s: %s", tmp, strerror(errno));
}

/* The database with nreviews logged at path, built unless already there,
 * in a child process: this one stays small, so that the children it
 * measures later do not inherit a large peak (ru_maxrss survives fork and
 * exec).  Returns the seconds building took, 0 when cached. */
static double build_db(const char *path, long nreviews)
{
	struct stat sb;
	if (stat(path, &sb) == 0)
		return 0;
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		build_now(path, nreviews);
		_exit(0);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("building %s failed", path);
	return (now_ms() - t0) / 1e3;
}

/* deck-000's file: the questions the database has for that deck. */
static void write_deck(const char *path)
{
	FILE *f = fopen(path, "w");
	if (!f)
		die("cannot write %s: %s", path, strerror(errno));
	fputs("{\"format\": \"recall-deck/1\", \"id\": \"deck-000\", \"title\": \"Bench\",\n"
	      " \"questions\": [\n", f);
	for (int i = 0; i < PER_DECK; i++)
		fprintf(f, "  {\"id\": \"q%03d\", \"type\": \"card\", \"front\": \"Front %d\","
		        " \"back\": \"Back %d\"}%s\n", i, i, i, i + 1 < PER_DECK ? "," : "");
	fputs("]}\n", f);
	if (fclose(f) != 0)
		die("cannot write %s", path);
}

/* ---- running a program ----------------------------------------------------- */

struct run {
	double ms;        /* until the line wanted, or until the end */
	long maxrss_kb;   /* the child's peak resident set */
	int found;        /* the line wanted came (or none was wanted and it exited 0) */
};

/* Reads the child's output until a line starting with want (NULL: to the
 * end); returns 1 when it came, *ms the time it took from t0. */
static int read_until(int fd, const char *want, double t0, double *ms)
{
	char buf[65536];
	size_t wl = want ? strlen(want) : 0, matched = 0;  /* of want, on this line */
	int live = 1;  /* this line may still begin with want */
	for (;;) {
		ssize_t n = read(fd, buf, sizeof buf);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return 0;
		for (ssize_t i = 0; want && i < n; i++) {
			if (buf[i] == '\n') {
				live = 1;
				matched = 0;
			} else if (live && buf[i] == want[matched]) {
				if (++matched == wl) {
					*ms = now_ms() - t0;
					return 1;
				}
			} else {
				live = 0;
			}
		}
	}
}

/* Runs argv with stdin from /dev/null and stdout piped back. */
static struct run run_child(char *const argv[], const char *want)
{
	struct run r = { -1, -1, 0 };
	int p[2];
	if (pipe(p) != 0)
		die("pipe: %s", strerror(errno));
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		dup2(p[1], 1);
		close(p[0]);
		close(p[1]);
		if (!freopen("/dev/null", "r", stdin) || !freopen("/dev/null", "w", stderr))
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(p[1]);
	int got = read_until(p[0], want, t0, &r.ms);
	if (got)
		kill(pid, SIGKILL);  /* the first question is all that is measured */
	close(p[0]);
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	if (!want) {
		r.ms = now_ms() - t0;
		got = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	r.found = got;
	r.maxrss_kb = ru.ru_maxrss;
	return r;
}

/* Exit status of RECALL study --help: 0 when the command is there. */
static int have_study(const char *recall)
{
	char *argv[] = { (char *)recall, "study", "--help", NULL };
	return run_child(argv, NULL).found;
}

/* ---- the contenders ---------------------------------------------------------- */

/* The due queue of deck-000 as store_due_items asks for it. */
static const char due_sql[] =
	"SELECT deck, question, state, stability, difficulty, due, last_review, reps, lapses,"
	" step, scheduled_days, content_hash FROM items WHERE state IN (1, 3) AND due <= 1767225600"
	" AND deck IN ('deck-000') ORDER BY due, id LIMIT 200;"
	"SELECT deck, question, state, stability, difficulty, due, last_review, reps, lapses,"
	" step, scheduled_days, content_hash FROM items WHERE state = 2 AND due <= 1767225600"
	" AND deck IN ('deck-000') ORDER BY due, id LIMIT 200;";

struct setup {
	const char *recall, *deck;
	int study;        /* the study command is there */
};

/* The program measured against the query: study, or stats meanwhile. */
static struct run run_recall(const struct setup *su, const char *db)
{
	if (su->study) {
		char *argv[] = { (char *)su->recall, "study", "--plain", "--db", (char *)db,
		                 "--now", NOW_ISO, (char *)su->deck, NULL };
		return run_child(argv, "Question");
	}
	char *argv[] = { (char *)su->recall, "stats", "--db", (char *)db, "--now", NOW_ISO, NULL };
	return run_child(argv, NULL);
}

static struct run run_query(const char *db)
{
	char *argv[] = { "sqlite3", "-batch", "-readonly", (char *)db, (char *)due_sql, NULL };
	return run_child(argv, NULL);
}

/* Median times of RACE_RUNS runs each, alternating; 0 when all went well. */
static int time_both(const struct setup *su, const char *db, double *recall_ms, double *query_ms)
{
	double a[RACE_RUNS], b[RACE_RUNS];
	for (int i = 0; i < RACE_RUNS; i++) {
		struct run x, y;
		if (i % 2) {
			y = run_query(db);
			x = run_recall(su, db);
		} else {
			x = run_recall(su, db);
			y = run_query(db);
		}
		if (!x.found || !y.found) {
			fprintf(stderr, "bench_study: %s did not run as it should\n",
			        !y.found ? "the sqlite3 tool" : su->study ? "recall study" : "recall stats");
			return -1;
		}
		a[i] = x.ms;
		b[i] = y.ms;
	}
	*recall_ms = quantile(a, RACE_RUNS, 0.5);
	*query_ms = quantile(b, RACE_RUNS, 0.5);
	return 0;
}

/* ---- in process: the open, and grades ---------------------------------------- */

/* Median of RUNS read-only opens (the check included), in ms. */
static double time_open(const char *db)
{
	double t[RUNS];
	char err[1024];
	for (int i = 0; i < RUNS; i++) {
		struct store *s;
		double t0 = now_ms();
		if (store_open(db, STORE_READONLY, STORE_BUSY_DEFAULT_MS, &s, err, sizeof err) != 0)
			die("%s", err);
		t[i] = now_ms() - t0;
		store_close(s);
	}
	return quantile(t, RUNS, 0.5);
}

static int count_item(void *ctx, const struct store_item *it)
{
	(void)it;
	++*(size_t *)ctx;
	return 0;
}

/* What study does before its first question, in process: a writing open
 * and the due queue of deck-000; median of RUNS, in ms. */
static double time_open_due(const char *db)
{
	double t[RUNS];
	char err[1024];
	const char *decks[] = { "deck-000" };
	for (int i = 0; i < RUNS; i++) {
		struct store *s;
		size_t n = 0;
		double t0 = now_ms();
		if (store_open(db, 0, STORE_BUSY_DEFAULT_MS, &s, err, sizeof err) != 0)
			die("%s", err);
		if (store_due_items(s, decks, 1, NOW, DUE_LIMIT, count_item, &n) != 0 || n == 0)
			die("the due queue: %s", store_error(s));
		t[i] = now_ms() - t0;
		store_close(s);
	}
	return quantile(t, RUNS, 0.5);
}

/* PRAGMA quick_check alone on the database, in ms. */
static double time_quick_check(const char *db)
{
	sqlite3 *h;
	if (sqlite3_open_v2(db, &h, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("cannot open %s", db);
	double t0 = now_ms();
	exec(h, "PRAGMA quick_check(1)");
	double ms = now_ms() - t0;
	sqlite3_close(h);
	return ms;
}

/* GRADES store_record_review calls on items of deck-001, each timed; then
 * undone (timed too: the 99th percentile), so that the cached database
 * stays as it was built. */
static void time_grades(const char *db, double *median_ms, double *p99_ms, double *undo_ms)
{
	static double t[GRADES];
	char err[1024], q[16];
	struct store *s;
	if (store_open(db, 0, STORE_BUSY_DEFAULT_MS, &s, err, sizeof err) != 0)
		die("%s", err);
	for (int i = 0; i < GRADES; i++) {
		snprintf(q, sizeof q, "q%03d", i % PER_DECK);
		struct store_item after = { .deck = "deck-001", .question = q, .state = STORE_STATE_REVIEW,
			.stability = 12, .difficulty = 5, .due = NOW + 12 * 86400, .last_review = NOW + i,
			.reps = 11, .scheduled_days = 12 };
		struct store_review r = { .time = NOW + i, .grade = STORE_GRADE_GOOD, .answer = "",
			.seconds = 3, .elapsed_days = 3 };
		double t0 = now_ms();
		if (store_record_review(s, &r, &after) != 0)
			die("%s", store_error(s));
		t[i] = now_ms() - t0;
	}
	*median_ms = quantile(t, GRADES, 0.5);
	*p99_ms = quantile(t, GRADES, 0.99);
	for (int i = 0; i < GRADES; i++) {  /* half since the start, half the last of all */
		struct store_undone u;
		double t0 = now_ms();
		if (store_undo_last(s, i % 2 ? 0 : NOW, &u) != 1)
			die("undo: %s", store_error(s));
		t[i] = now_ms() - t0;
		store_undone_free(&u);
	}
	store_close(s);
	*undo_ms = quantile(t, GRADES, 0.99);
}

/* ---- the report ------------------------------------------------------------------ */

static const char *verdict(int ok)
{
	return ok ? "PASS" : "FAIL";
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s CACHE_DIR RECALL\n", argv[0]);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	char big[4096], small[4096], deck[4096];
	snprintf(big, sizeof big, "%s/study-v%d-%d-%d.db", argv[1], STORE_SCHEMA_VERSION, NITEMS, BIG_LOG);
	snprintf(small, sizeof small, "%s/study-v%d-%d-%d.db", argv[1], STORE_SCHEMA_VERSION, NITEMS, SMALL_LOG);
	snprintf(deck, sizeof deck, "%s/deck-000.json", argv[1]);
	printf("recall study bench: %d items over %d decks; logs of %d and %d reviews\n",
	       NITEMS, NDECKS, BIG_LOG, SMALL_LOG);
	double tb = build_db(big, BIG_LOG), ts = build_db(small, SMALL_LOG);
	printf("  databases: %s (%s), %s (%s)\n", big,
	       tb > 0 ? "built now" : "cached", small, ts > 0 ? "built now" : "cached");
	if (tb > 0 || ts > 0)
		printf("  building took %.1f s (10M log) and %.1f s (1M log)\n", tb, ts);
	write_deck(deck);
	struct setup su = { .recall = argv[2], .deck = deck, .study = have_study(argv[2]) };

	/* The children first, while this process is small. */
	double r_ms, q_ms;
	if (time_both(&su, big, &r_ms, &q_ms) != 0)
		return 1;
	struct run m_big = run_recall(&su, big), m_small = run_recall(&su, small);
	double open_ms = time_open(big), qc_ms = time_quick_check(big), od_ms = time_open_due(big);
	printf("\nstore_open (read-only, its check included), 10M log: %.1f ms; "
	       "PRAGMA quick_check alone: %.1f ms\n", open_ms, qc_ms);
	printf("in process, store_open (writing) + store_due_items of deck-000: %.1f ms\n", od_ms);
	double g_med, g_p99, u_p99;
	time_grades(big, &g_med, &g_p99, &u_p99);
	double ratio = r_ms / q_ms, mem = (double)m_big.maxrss_kb / (double)m_small.maxrss_kb;

	printf("\nthe sqlite3 tool, the due query of deck-000: %.2f ms (median of %d)\n", q_ms, RACE_RUNS);
	if (su.study)
		printf("recall study to its first question:          %.2f ms (median of %d)\n", r_ms, RACE_RUNS);
	else
		printf("study command missing: skipped\n"
		       "  meanwhile, recall stats --db (the whole log): %.1f ms (median of %d), "
		       "%.2fx the query (for information)\n", r_ms, RACE_RUNS, ratio);
	printf("grade commit (store_record_review, %d on the 10M log): median %.2f ms, p99 %.2f ms\n",
	       GRADES, g_med, g_p99);
	printf("undo (store_undo_last, since a time or 0): p99 %.2f ms\n", u_p99);
	printf("peak memory of recall %s: %ld KiB with 1M reviews, %ld KiB with 10M\n\n",
	       su.study ? "study" : "stats", m_small.maxrss_kb, m_big.maxrss_kb);

	int ok = 1;
	if (su.study) {
		printf("first question: %.2fx the query (target <= %.1f): %s\n", ratio, TARGET_FIRST,
		       verdict(ratio <= TARGET_FIRST));
		ok &= ratio <= TARGET_FIRST;
	}
	printf("grade commit p99: %.2f ms (target <= %.0f ms): %s\n", g_p99, TARGET_GRADE_P99_MS,
	       verdict(g_p99 <= TARGET_GRADE_P99_MS));
	printf("peak memory: %.2fx from 1M to 10M reviews (target <= %.2f): %s\n", mem, TARGET_MEM,
	       verdict(mem <= TARGET_MEM));
	printf("undo p99: %.2f ms (target <= %.0f ms): %s\n", u_p99, TARGET_GRADE_P99_MS,
	       verdict(u_p99 <= TARGET_GRADE_P99_MS));
	ok &= g_p99 <= TARGET_GRADE_P99_MS && u_p99 <= TARGET_GRADE_P99_MS && mem <= TARGET_MEM;
	return ok ? 0 : 1;
}
