/* bench_results — the results of classroom drills under load.
 *
 *   bench_results CACHE_DIR RECALL PG_URI
 *
 * (tests/bench_results.sh runs it with PG_URI a new database on a
 * throwaway PostgreSQL server; "" says the server did not start.)
 *
 * 1. Thirty writers, on SQLite and then on PostgreSQL: 30 processes,
 *    started together, each a student with its own connection recording
 *    1,000 answers with results_record into one new results database (a
 *    file in CACHE_DIR; PG_URI), its schema made as `recall results init`
 *    makes it.  Each answer is its own transaction, committed before the
 *    call returns, as `recall drill` records them.  Figures, side by side:
 *    answers per second over the whole run, the median, 99th percentile
 *    and slowest of the time one results_record call takes, a lock wait
 *    included; and the check, by counting rows and distinct (drill,
 *    student, question) with each engine's own client, that every answer
 *    is there once: none lost, none doubled.
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
 * Targets (exit status 1 when one is missed): on each engine the writers
 * lose and double nothing and their p99 commit is at most TARGET_P99_MS;
 * the report takes at most TARGET_REPORT times the query.
 */
#include <errno.h>
#include <libpq-fe.h>
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
#define STR(x) #x
#define XSTR(x) STR(x)

#define TARGET_P99_MS 500.0    /* one answer committed, 99th percentile, at most (each engine) */
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

/* Writer n: waits for the start, then records its answers into where (a
 * path or a PostgreSQL URI), each timed into ms[0..PER_WRITER).  Exit
 * status 0 when every one was recorded. */
static int writer(const char *where, int n, int start_fd, double *ms)
{
	char err[1024], student[32], given[32];
	struct results *r;
	char go;
	if (read(start_fd, &go, 1) < 0)
		return 2;
	if (results_open(where, RESULTS_BUSY_DEFAULT_MS, &r, err, sizeof err) != 0) {
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

/* What one engine's run of the writers came to. */
struct writers {
	const char *engine;       /* "SQLite", "PostgreSQL" */
	const char *where;        /* a path or a URI; "" when there is no server */
	const char *settings;     /* how commits reach the disk */
	int ran;                  /* the writers ran and their answers were counted */
	int failed;               /* writers that did not record all theirs */
	double wall_ms, med, p99, max;
	long long rows, distinct, students;
};

/* The three counts of the check (rows, distinct (drill, student,
 * question), students with all theirs) from a query of them. */
#define COUNTS_SQL(answers) \
	"SELECT (SELECT count(*) FROM " answers "), (SELECT count(*) FROM (SELECT DISTINCT" \
	" drill, student, qindex FROM " answers ") d), (SELECT count(*) FROM (SELECT student" \
	" FROM " answers " GROUP BY student HAVING count(*) = " XSTR(PER_WRITER) ") s)"

/* The counts on SQLite, read with SQLite itself: 0 or -1. */
static int sqlite_counts(const char *path, long long c[3])
{
	sqlite3 *db;
	sqlite3_stmt *st = NULL;
	int ok = sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK &&
	         sqlite3_prepare_v2(db, COUNTS_SQL("answers"), -1, &st, NULL) == SQLITE_OK &&
	         sqlite3_step(st) == SQLITE_ROW;
	for (int i = 0; ok && i < 3; i++)
		c[i] = sqlite3_column_int64(st, i);
	if (!ok)
		fprintf(stderr, "bench_results: counting on %s: %s\n", path, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	sqlite3_close(db);
	return ok ? 0 : -1;
}

/* The counts on PostgreSQL, read with libpq itself; with settings, the
 * server's fsync and synchronous_commit too.  0 or -1. */
static int pg_counts(const char *uri, long long c[3], char *settings, size_t size)
{
	PGconn *conn = PQconnectdb(uri);
	PGresult *res = NULL;
	int ok = PQstatus(conn) == CONNECTION_OK;
	if (ok) {
		res = PQexec(conn, COUNTS_SQL("recall.answers") ", current_setting('fsync'),"
		             " current_setting('synchronous_commit')");
		ok = PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1;
	}
	for (int i = 0; ok && i < 3; i++)
		c[i] = strtoll(PQgetvalue(res, 0, i), NULL, 10);
	if (ok && settings)
		snprintf(settings, size, "fsync %s, synchronous_commit %s", PQgetvalue(res, 0, 3),
		         PQgetvalue(res, 0, 4));
	if (!ok)
		fprintf(stderr, "bench_results: counting on PostgreSQL: %s", PQerrorMessage(conn));
	PQclear(res);
	PQfinish(conn);
	return ok ? 0 : -1;
}

static int counts(const struct writers *w, long long c[3], char *settings, size_t size)
{
	return results_is_uri(w->where) ? pg_counts(w->where, c, settings, size)
	                                : sqlite_counts(w->where, c);
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

/* Runs the writers on w->where, a new database (SQLite: made anew;
 * PostgreSQL: one without answers), its schema made as `recall results
 * init` makes it; fills in the figures.  A failure to start is said on
 * stderr and leaves w->ran 0. */
static void run_writers(struct writers *w)
{
	static char settings[128];
	char err[1024];
	long long c[3];
	if (!*w->where) {
		fprintf(stderr, "bench_results: %s: no server to measure (see above)\n", w->engine);
		return;
	}
	if (!results_is_uri(w->where))
		remove_db(w->where);
	if (results_init(w->where, err, sizeof err) != 0) {
		fprintf(stderr, "bench_results: %s: %s\n", w->engine, err);
		return;
	}
	if (counts(w, c, settings, sizeof settings) != 0)
		return;
	if (results_is_uri(w->where))
		w->settings = settings;
	if (c[0] != 0) {
		fprintf(stderr, "bench_results: %s: the database holds answers already: it must be"
		        " new\n", w->engine);
		return;
	}
	size_t n = (size_t)WRITERS * PER_WRITER;
	double *ms = mmap(NULL, n * sizeof *ms, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS,
	                  -1, 0);
	if (ms == MAP_FAILED)
		die("mmap: %s", strerror(errno));
	int start[2];
	if (pipe(start) != 0)
		die("pipe: %s", strerror(errno));
	fflush(stdout);
	fflush(stderr);
	pid_t pids[WRITERS];
	for (int i = 0; i < WRITERS; i++) {
		pids[i] = fork();
		if (pids[i] < 0)
			die("fork: %s", strerror(errno));
		if (pids[i] == 0) {
			close(start[1]);
			_exit(writer(w->where, i, start[0], ms + (size_t)i * PER_WRITER));
		}
	}
	close(start[0]);
	double t0 = now_ms();
	close(start[1]);  /* every writer's read returns: they start together */
	for (int i = 0; i < WRITERS; i++) {
		int status;
		if (waitpid(pids[i], &status, 0) != pids[i] || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0)
			w->failed++;
	}
	w->wall_ms = now_ms() - t0;
	w->med = quantile(ms, n, 0.5);
	w->p99 = quantile(ms, n, 0.99);
	w->max = ms[n - 1];
	munmap(ms, n * sizeof *ms);
	if (counts(w, c, NULL, 0) != 0)
		return;
	w->rows = c[0], w->distinct = c[1], w->students = c[2];
	w->ran = 1;
	if (!results_is_uri(w->where))
		remove_db(w->where);
}

static int whole(const struct writers *w)
{
	return w->ran && w->failed == 0 && w->rows == (long long)WRITERS * PER_WRITER &&
	       w->distinct == w->rows && w->students == WRITERS;
}

/* One line of the table: SQLite's figure and PostgreSQL's with prec
 * decimals, "-" for an engine whose writers did not run. */
static void row(const char *label, const struct writers w[2], double sq, double pg, int prec)
{
	double v[2] = { sq, pg };
	printf("  %-34s", label);
	for (size_t i = 0; i < 2; i++) {
		if (w[i].ran)
			printf(" %11.*f", prec, v[i]);
		else
			printf(" %11s", "-");
	}
	putchar('\n');
}

/* The writers on SQLite (a new file in dir), then on PostgreSQL (pg_uri;
 * "" when the server did not start); prints the figures side by side.
 * Returns 1 when the targets were met on both. */
static int thirty_writers(const char *dir, const char *pg_uri)
{
	char path[4200];
	snprintf(path, sizeof path, "%s/writers.db", dir);
	struct writers w[2] = {
		{ .engine = "SQLite", .where = path, .settings = "WAL, synchronous FULL" },
		{ .engine = "PostgreSQL", .where = pg_uri, .settings = "-" },
	};
	for (size_t i = 0; i < 2; i++)
		run_writers(&w[i]);
	size_t n = (size_t)WRITERS * PER_WRITER;
	printf("thirty writers: %d processes x %d answers, each process its own connection, each"
	       " answer one results_record, its own committed transaction\n", WRITERS, PER_WRITER);
	for (size_t i = 0; i < 2; i++)
		printf("  %s: %s\n", w[i].engine, w[i].settings);
	printf("  %-34s %11s %11s\n", "", w[0].engine, w[1].engine);
	row("answers per second", w, (double)n / (w[0].wall_ms / 1e3),
	    (double)n / (w[1].wall_ms / 1e3), 0);
	row("the whole run, s", w, w[0].wall_ms / 1e3, w[1].wall_ms / 1e3, 1);
	row("one answer committed: median, ms", w, w[0].med, w[1].med, 2);
	row("                      p99, ms", w, w[0].p99, w[1].p99, 2);
	row("                      slowest, ms", w, w[0].max, w[1].max, 1);
	row("answers in the database", w, (double)w[0].rows, (double)w[1].rows, 0);
	row("distinct (drill, student, question)", w, (double)w[0].distinct, (double)w[1].distinct,
	    0);
	row("students with all " XSTR(PER_WRITER), w, (double)w[0].students, (double)w[1].students, 0);
	row("writers that failed", w, w[0].failed, w[1].failed, 0);
	int ok = 1;
	for (size_t i = 0; i < 2; i++) {
		printf("  %s: none lost, none doubled: %s\n", w[i].engine, whole(&w[i]) ? "PASS" : "FAIL");
		ok &= whole(&w[i]);
	}
	for (size_t i = 0; i < 2; i++) {
		int met = w[i].ran && w[i].p99 <= TARGET_P99_MS;
		if (w[i].ran)
			printf("  %s: commit p99 %.2f ms (target <= %.0f ms): %s\n", w[i].engine, w[i].p99,
			       TARGET_P99_MS, met ? "PASS" : "FAIL");
		else
			printf("  %s: commit p99 not measured (target <= %.0f ms): FAIL\n", w[i].engine,
			       TARGET_P99_MS);
		ok &= met;
	}
	return ok;
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
	if (argc != 4) {
		fprintf(stderr, "usage: %s CACHE_DIR RECALL PG_URI\n", argv[0]);
		return 2;
	}
	signal(SIGPIPE, SIG_IGN);
	setvbuf(stdout, NULL, _IOLBF, 0);
	printf("recall results bench\n");
	int ok = thirty_writers(argv[1], argv[3]);
	ok &= report_over_a_million(argv[1], argv[2]);
	return ok ? 0 : 1;
}
