/* bench_results — the results of classroom drills under load.
 *
 *   bench_results CACHE_DIR RECALL
 *
 * 1. Thirty writers: 30 processes, started together, each a student
 *    recording 1,000 answers with results_record into one new results
 *    database (each answer its own transaction, committed and synced, as
 *    `recall drill` records them).  Figures: answers per second over the
 *    whole run, the 99th percentile (and median) of the time one
 *    results_record call takes, a lock wait included; and the check that
 *    every answer is there once: none lost, none doubled.
 *
 * 2. The report over 1,000,000 answers: a drill of 100 questions answered
 *    by 10,000 students, built once in the store's own schema (results_open
 *    makes it; one transaction of prepared inserts fills it) and kept in
 *    CACHE_DIR under the schema version.  `RECALL report` (text, read to
 *    the end) is timed against the sqlite3 tool running the report's main
 *    query (the drill's answers in the order recorded, as
 *    results_each_answer reads them), output read to the end too; medians
 *    of RUNS runs, alternating.
 *
 * Targets (exit status 1 when one is missed): the writers lose and double
 * nothing, their p99 commit is at most TARGET_P99_MS, and the report takes
 * at most TARGET_REPORT times the query.
 */
#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"
#include "results.h"

#define WRITERS 30
#define PER_WRITER 1000
#define STUDENTS 10000
#define QUESTIONS 100
#define ANSWERS (STUDENTS * QUESTIONS)
#define RUNS 5

#define TARGET_P99_MS 500.0    /* one answer committed, 99th percentile, at most */
#define TARGET_REPORT 2.0      /* recall report over the sqlite3 query, at most */

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench_results: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static double quantile(double *v, size_t n, double q)
{
	qsort(v, n, sizeof *v, cmp_double);
	size_t i = (size_t)(q * (double)(n - 1) + 0.5);
	return v[i < n ? i : n - 1];
}

static const char *const bench_decks[1] = { "bench" };

static struct results_drill bench_drill(unsigned count)
{
	struct results_drill d = { .klass = "bench", .decks = bench_decks, .ndecks = 1,
	                           .count = count, .seed = 42, .time_limit = 20 };
	results_drill_id(&d, d.id);
	return d;
}

/* ---- 1. thirty writers ------------------------------------------------------ */

/* Writer n: waits for the start, then records its answers, each timed into
 * ms[0..PER_WRITER).  Exit status 0 when every one was recorded. */
static int writer(const char *path, int n, int start_fd, double *ms)
{
	char err[1024], student[32], given[32];
	struct results *r;
	char go;
	if (read(start_fd, &go, 1) < 0)
		return 2;
	if (results_open(path, RESULTS_BUSY_DEFAULT_MS, &r, err, sizeof err) != 0) {
		fprintf(stderr, "writer %d, opening: %s\n", n, err);
		return 1;
	}
	struct results_drill d = bench_drill(PER_WRITER);
	if (results_drill_begin(r, &d) < 0) {
		fprintf(stderr, "writer %d, beginning: %s\n", n, results_error(r));
		results_close(r);
		return 1;
	}
	snprintf(student, sizeof student, "student-%02d", n);
	int bad = 0;
	for (unsigned i = 0; i < PER_WRITER && !bad; i++) {
		snprintf(given, sizeof given, "answer %u", i);
		struct results_answer a = {
			.drill = d.id, .student = student, .index = i, .deck = "bench",
			.question = "q", .given = given, .outcome = (int)(i % 3), .credit = i % 3 ? 0 : 1,
			.points = i % 3 ? 0 : 500, .seconds = 4, .time = 1767225600 + i,
		};
		double t0 = now_ms();
		int rc = results_record(r, &a);
		ms[i] = now_ms() - t0;
		if (rc != 0) {
			fprintf(stderr, "writer %d, answer %u: %s\n", n, i,
			        rc < 0 ? results_error(r) : "already recorded");
			bad = 1;
		}
	}
	results_close(r);
	return bad;
}

static long long count_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK)
		die("%s: %s", sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Removes the database at path and SQLite's files beside it. */
static void remove_db(const char *path)
{
	static const char *const suffixes[] = { "", "-wal", "-shm", "-journal" };
	for (size_t i = 0; i < 4; i++) {
		char p[4300];
		snprintf(p, sizeof p, "%s%s", path, suffixes[i]);
		unlink(p);
	}
}

/* Runs the writers on a new database in dir; prints the figures.  Returns
 * 1 when the targets were met. */
static int thirty_writers(const char *dir)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/writers.db", dir);
	remove_db(path);
	struct results *r;
	char err[1024];
	if (results_open(path, RESULTS_BUSY_DEFAULT_MS, &r, err, sizeof err) != 0)
		die("%s", err);
	results_close(r);
	size_t n = (size_t)WRITERS * PER_WRITER;
	double *ms = mmap(NULL, n * sizeof *ms, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	                  -1, 0);
	if (ms == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	int start[2];
	if (pipe(start) != 0)
		die("pipe: %s", strerror(errno));
	fflush(stdout);
	pid_t pids[WRITERS];
	for (int w = 0; w < WRITERS; w++) {
		pids[w] = fork();
		if (pids[w] < 0)
			die("fork: %s", strerror(errno));
		if (pids[w] == 0) {
			close(start[1]);
			_exit(writer(path, w, start[0], ms + (size_t)w * PER_WRITER));
		}
	}
	close(start[0]);
	double t0 = now_ms();
	close(start[1]);  /* every writer's read returns: they start together */
	int failed = 0;
	for (int w = 0; w < WRITERS; w++) {
		int status;
		if (waitpid(pids[w], &status, 0) != pids[w] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			failed++;
	}
	double wall = now_ms() - t0;
	sqlite3 *db;
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
		die("cannot open %s", path);
	long long rows = count_of(db, "SELECT count(*) FROM answers");
	long long distinct = count_of(db, "SELECT count(*) FROM (SELECT DISTINCT drill, student,"
	                                  " qindex FROM answers)");
	long long students = count_of(db, "SELECT count(*) FROM (SELECT student FROM answers"
	                                  " GROUP BY student HAVING count(*) = 1000)");
	sqlite3_close(db);
	double med = quantile(ms, n, 0.5), p99 = quantile(ms, n, 0.99), max = ms[n - 1];
	munmap(ms, n * sizeof *ms);
	int whole = failed == 0 && rows == (long long)n && distinct == rows && students == WRITERS;
	printf("thirty writers: %d processes x %d answers, each results_record its own synced "
	       "transaction\n", WRITERS, PER_WRITER);
	printf("  %.0f answers per second (%zu in %.1f s)\n", (double)n / (wall / 1e3), n, wall / 1e3);
	printf("  one answer committed: median %.2f ms, p99 %.2f ms, slowest %.1f ms\n", med, p99, max);
	printf("  in the database: %lld answers, %lld distinct, %lld students with all %d; "
	       "writers failed: %d\n", rows, distinct, students, PER_WRITER, failed);
	printf("  none lost, none doubled: %s\n", whole ? "PASS" : "FAIL");
	printf("  commit p99 %.2f ms (target <= %.0f ms): %s\n", p99, TARGET_P99_MS,
	       p99 <= TARGET_P99_MS ? "PASS" : "FAIL");
	remove_db(path);
	return whole && p99 <= TARGET_P99_MS;
}

/* ---- 2. the report over a million answers --------------------------------------- */

static void exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK)
		die("%s: %s", sql, msg ? msg : "?");
}

static uint64_t mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* The wrong answers a class gives, in the spellings it types them. */
static const char *const wrongs[] = { "Lyon", "lyon", " LYON ", "Marseille", "marseille",
                                      "Nice", "Toulouse", "Bordeaux", "lille", "I don't know" };

/* Student s's answer to question q: 60 % right (quicker for the stronger
 * students), 10 % partly right, 5 % timed out, the rest wrong. */
static void insert_answers(sqlite3 *db, const char *drill)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(db, "INSERT INTO answers (drill, student, qindex, deck, question,"
	                       " given, outcome, credit, points, seconds, time)"
	                       " VALUES (?1, ?2, ?3, 'bench', ?4, ?5, ?6, ?7, ?8, ?9, ?10)", -1,
	                       &st, NULL) != SQLITE_OK)
		die("prepare: %s", sqlite3_errmsg(db));
	for (int q = 0; q < QUESTIONS; q++) {
		char qid[16], right[32];
		snprintf(qid, sizeof qid, "q%03d", q);
		snprintf(right, sizeof right, "answer %d", q);
		for (int s = 0; s < STUDENTS; s++) {
			char student[32];
			snprintf(student, sizeof student, "student-%05d", s);
			uint64_t h = mix((uint64_t)q * STUDENTS + (uint64_t)s);
			unsigned roll = (unsigned)(h % 100) + (unsigned)(s % 20);  /* stronger: lower s */
			int outcome = roll < 60 ? 0 : roll < 70 ? 1 : roll < 75 ? 4 : 2;
			double credit = outcome == 0 ? 1 : outcome == 1 ? 0.5 : 0;
			double seconds = 2 + (double)(h >> 8 & 15);
			const char *given = outcome == 0 ? right : outcome == 4 ? ""
			                  : wrongs[(h >> 16) % (sizeof wrongs / sizeof *wrongs)];
			sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
			sqlite3_bind_text(st, 2, student, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 3, q);
			sqlite3_bind_text(st, 4, qid, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(st, 5, given, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(st, 6, outcome);
			sqlite3_bind_double(st, 7, credit);
			sqlite3_bind_double(st, 8, credit * (1000 - seconds * 25));
			sqlite3_bind_double(st, 9, seconds);
			sqlite3_bind_int64(st, 10, 1767225600 + (int64_t)q * 30 + s % 30);
			if (sqlite3_step(st) != SQLITE_DONE)
				die("insert: %s", sqlite3_errmsg(db));
			sqlite3_reset(st);
		}
	}
	sqlite3_finalize(st);
}

static void build_now(const char *path)
{
	char tmp[4300], err[1024];
	snprintf(tmp, sizeof tmp, "%s.part", path);
	unlink(tmp);
	struct results *r;
	if (results_open(tmp, RESULTS_BUSY_DEFAULT_MS, &r, err, sizeof err) != 0)
		die("%s", err);
	struct results_drill d = bench_drill(QUESTIONS);
	if (results_drill_begin(r, &d) != 1)
		die("%s", results_error(r));
	struct results_question q[QUESTIONS];
	char prompts[QUESTIONS][64], ids[QUESTIONS][16], answers[QUESTIONS][32];
	for (int i = 0; i < QUESTIONS; i++) {
		snprintf(ids[i], sizeof ids[i], "q%03d", i);
		snprintf(prompts[i], sizeof prompts[i], "Question %d of the bench drill?", i + 1);
		snprintf(answers[i], sizeof answers[i], "answer %d", i);
		q[i] = (struct results_question){ (unsigned)i, "bench", ids[i], "text", prompts[i],
		                                  answers[i], 1000 };
	}
	if (results_set_questions(r, d.id, q, QUESTIONS) != 0)
		die("%s", results_error(r));
	results_close(r);
	sqlite3 *db;
	if (sqlite3_open(tmp, &db) != SQLITE_OK)
		die("cannot open %s", tmp);
	exec(db, "PRAGMA journal_mode = DELETE; PRAGMA synchronous = OFF;"
	         " PRAGMA cache_size = -262144; BEGIN; DROP INDEX answers_drill");
	insert_answers(db, d.id);
	exec(db, "CREATE INDEX answers_drill ON answers (drill); COMMIT; PRAGMA journal_mode = WAL");
	sqlite3_close(db);
	if (rename(tmp, path) != 0)
		die("cannot rename %s: %s", tmp, strerror(errno));
}

/* The database at path, built unless there, in a child (so that this
 * process stays small); the seconds it took, 0 when cached. */
static double build_db(const char *path)
{
	struct stat sb;
	if (stat(path, &sb) == 0)
		return 0;
	double t0 = now_ms();
	fflush(stdout);
	pid_t pid = fork();
	if (pid < 0)
		die("fork: %s", strerror(errno));
	if (pid == 0) {
		build_now(path);
		_exit(0);
	}
	int status;
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		die("building %s failed", path);
	return (now_ms() - t0) / 1e3;
}

struct run {
	double ms;
	long maxrss_kb;
	size_t bytes;   /* of output */
	int ok;         /* exited 0 */
};

/* Runs argv, its output read to the end (and counted), stdin and stderr
 * /dev/null. */
static struct run run_child(char *const argv[])
{
	struct run r = { -1, -1, 0, 0 };
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
	char buf[65536];
	ssize_t n;
	while ((n = read(p[0], buf, sizeof buf)) != 0) {
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			break;
		r.bytes += (size_t)n;
	}
	close(p[0]);
	int status;
	struct rusage ru;
	wait4(pid, &status, 0, &ru);
	r.ms = now_ms() - t0;
	r.ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
	r.maxrss_kb = ru.ru_maxrss;
	return r;
}

/* Median times of RUNS runs of each, alternating; the last runs in *last. */
static void time_pair(char *const a[], char *const b[], double *ma, double *mb, struct run *la,
                      struct run *lb)
{
	double ta[RUNS], tb[RUNS];
	for (int i = 0; i < RUNS; i++) {
		if (i % 2) {
			*lb = run_child(b);
			*la = run_child(a);
		} else {
			*la = run_child(a);
			*lb = run_child(b);
		}
		if (!la->ok || !lb->ok)
			die("%s did not run as it should", !la->ok ? a[0] : b[0]);
		ta[i] = la->ms;
		tb[i] = lb->ms;
	}
	*ma = quantile(ta, RUNS, 0.5);
	*mb = quantile(tb, RUNS, 0.5);
}

static int report_over_a_million(const char *dir, const char *recall)
{
	char path[4200], query[512];
	snprintf(path, sizeof path, "%s/results-v%d-%d.db", dir, RESULTS_SCHEMA_VERSION, ANSWERS);
	double tb = build_db(path);
	printf("\nthe report over %d answers (%d students x %d questions): %s (%s)\n", ANSWERS,
	       STUDENTS, QUESTIONS, path, tb > 0 ? "built now" : "cached");
	if (tb > 0)
		printf("  building took %.1f s\n", tb);
	struct results_drill d = bench_drill(QUESTIONS);
	snprintf(query, sizeof query, "SELECT id, drill, student, qindex, deck, question, given,"
	         " outcome, credit, points, seconds, time FROM answers WHERE drill = '%s'"
	         " ORDER BY id;", d.id);
	char *rep[] = { (char *)recall, "report", "--class", "bench", "--results", path, NULL };
	char *sql[] = { "sqlite3", "-batch", "-readonly", path, query, NULL };
	char *json[] = { (char *)recall, "report", "--class", "bench", "--results", path, "--json",
	                 NULL };
	double mr, mq, mj, mq2;
	struct run lr, lq, lj, lq2;
	time_pair(rep, sql, &mr, &mq, &lr, &lq);
	time_pair(json, sql, &mj, &mq2, &lj, &lq2);
	double ratio = mr / mq;
	printf("  the sqlite3 tool, the main query (the drill's answers in order): %.0f ms, "
	       "%zu bytes out (median of %d)\n", mq, lq.bytes, RUNS);
	printf("  recall report (text):  %.0f ms, %zu bytes out, peak memory %ld KiB\n", mr,
	       lr.bytes, lr.maxrss_kb);
	printf("  recall report --json:  %.0f ms, %zu bytes out, peak memory %ld KiB "
	       "(%.2fx the query, for information)\n", mj, lj.bytes, lj.maxrss_kb, mj / mq2);
	printf("  report: %.2fx the query (target <= %.1f): %s\n", ratio, TARGET_REPORT,
	       ratio <= TARGET_REPORT ? "PASS" : "FAIL");
	return ratio <= TARGET_REPORT;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fprintf(stderr, "usage: %s CACHE_DIR RECALL\n", argv[0]);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("recall results bench\n");
	int ok = thirty_writers(argv[1]);
	ok &= report_over_a_million(argv[1], argv[2]);
	return ok ? 0 : 1;
}
