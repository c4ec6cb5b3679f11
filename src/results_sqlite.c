/* results_sqlite — the SQLite engine of the results store: opening (with
 * the progress store's refusals, store.c), the schema and its migrations,
 * and the operations; see results.h and docs/results.md. */
#include "results.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

/* Version 1.  New databases are made by running it and then every
 * migration, so that a fresh database and an upgraded one cannot differ.
 * meta's kind tells a results database from a progress one. */
static const char schema_v1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL);"
	"INSERT INTO meta (key, value) VALUES ('schema_version', 1), ('kind', 'recall-results');"
	"CREATE TABLE drills ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" class TEXT NOT NULL, decks TEXT NOT NULL,"
	" count INTEGER NOT NULL CHECK (count > 0),"
	" seed INTEGER NOT NULL,"
	" time_limit REAL NOT NULL CHECK (time_limit >= 0),"
	" no_speed INTEGER NOT NULL CHECK (no_speed IN (0, 1)),"
	" no_streak INTEGER NOT NULL CHECK (no_streak IN (0, 1)),"
	" created INTEGER NOT NULL);"
	"CREATE INDEX drills_class ON drills (class, created);"
	"CREATE TABLE answers ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" drill TEXT NOT NULL REFERENCES drills (id),"
	" student TEXT NOT NULL,"
	" qindex INTEGER NOT NULL CHECK (qindex >= 0),"
	" deck TEXT NOT NULL, question TEXT NOT NULL, given TEXT NOT NULL,"
	" outcome INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 4),"
	" credit REAL NOT NULL CHECK (credit BETWEEN 0 AND 1),"
	" points REAL NOT NULL,"
	" seconds REAL NOT NULL CHECK (seconds >= 0),"
	" time INTEGER NOT NULL,"
	" UNIQUE (drill, student, qindex));";

/* migrations[v - 1] takes a database from version v to v + 1; the last
 * entry, NULL, stands for the version this program writes. */
static const char *const migrations[] = {
	NULL,
};

_Static_assert(sizeof migrations / sizeof *migrations == RESULTS_SCHEMA_VERSION,
               "one migration per version step, then NULL");

struct rsql {
	sqlite3 *db;
	int busy_ms;      /* the busy timeout, for messages */
	char name[256];   /* the path, escaped for messages */
	char err[640];    /* the last failure's message, "" when none */
};

static void fail(struct rsql *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void fail(struct rsql *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
}

/* The message for a failed SQLite call rc: the refusals by their cause,
 * anything else with SQLite's own words. */
static void fail_sql(struct rsql *s, int rc, const char *doing)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		fail(s, "results database '%s' is locked by another program (waited %d ms); "
		     "try again when it is done", s->name, s->busy_ms);
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		fail(s, "results database '%s' is damaged (%s); it was left as it is", s->name,
		     sqlite3_errstr(rc));
		break;
	case SQLITE_READONLY:
		fail(s, "cannot write results database '%s': it is read-only", s->name);
		break;
	default:
		fail(s, "results database '%s': %s: %s", s->name, doing,
		     s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	}
}

static int exec_sql(struct rsql *s, const char *sql, const char *doing)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		fail_sql(s, rc, doing);
		return -1;
	}
	return 0;
}

static int prepare(struct rsql *s, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		fail_sql(s, rc, "reading");
		*st = NULL;
		return -1;
	}
	return 0;
}

static void rollback(struct rsql *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

/* Steps a statement that returns no row, and finalizes it: 0 or -1. */
static int step_done(struct rsql *s, sqlite3_stmt *st, const char *doing)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		fail_sql(s, rc, doing);
		return -1;
	}
	return 0;
}

/* ---- before SQLite sees the file (as store.c) ------------------------- */

/* Creates the folders leading to path that are missing, mode 0700. */
static int make_parents(const char *path, const char *name, char *err, size_t errsize)
{
	char *dir = strdup(path);
	if (!dir)
		return snprintf(err, errsize, "out of memory"), -1;
	int ret = 0;
	for (char *p = dir + 1; ret == 0 && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			char dname[256];
			snprintf(err, errsize, "cannot create the folder '%s' for results database '%s': %s",
			         text_escape_into(dir, false, dname, sizeof dname), name, strerror(errno));
			ret = -1;
		}
		*p = '/';
	}
	free(dir);
	return ret;
}

/* The file, when it exists, and its folder must be writable; mode bits are
 * looked at as well, so that root too is refused a read-only file. */
static int check_writable(const char *path, bool exists, const struct stat *st,
                          const char *name, char *err, size_t errsize)
{
	if (exists && ((st->st_mode & 0222) == 0 || access(path, W_OK) != 0))
		return snprintf(err, errsize, "cannot write results database '%s': the file is "
		                "read-only", name), -1;
	if (!exists && make_parents(path, name, err, errsize) != 0)
		return -1;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	struct stat dst;
	int ret = 0;
	if (!dir) {
		snprintf(err, errsize, "out of memory");
		ret = -1;
	} else if (stat(dir, &dst) != 0 || (dst.st_mode & 0222) == 0 ||
	           access(dir, W_OK | X_OK) != 0) {
		char dname[256];
		snprintf(err, errsize, "cannot write results database '%s': its folder '%s' may not "
		         "be written in", name, text_escape_into(dir, false, dname, sizeof dname));
		ret = -1;
	}
	free(dir);
	return ret;
}

/* 0 when the file at path may be opened: missing, empty, or starting as an
 * SQLite database does, and writable. */
static int check_file(const char *path, const char *name, char *err, size_t errsize)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT)
		return snprintf(err, errsize, "cannot open results database '%s': %s", name,
		                strerror(errno)), -1;
	if (exists && !S_ISREG(st.st_mode))
		return snprintf(err, errsize, "results database '%s' is not a regular file",
		                name), -1;
	if (exists && st.st_size > 0) {
		static const char magic[16] = "SQLite format 3";  /* and its NUL */
		char head[16];
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : -1;
		if (fd >= 0)
			close(fd);
		if (n < 0)
			return snprintf(err, errsize, "cannot read results database '%s': %s", name,
			                strerror(errno)), -1;
		if ((size_t)n < sizeof head || memcmp(head, magic, sizeof magic) != 0)
			return snprintf(err, errsize, "'%s' is not a recall results database (not an "
			                "SQLite file); it was left as it is", name), -1;
	}
	return check_writable(path, exists, &st, name, err, errsize);
}

/* ---- the schema ----------------------------------------------------- */

/* PRAGMA quick_check: 0 when it says "ok". */
static int quick_check(struct rsql *s)
{
	sqlite3_stmt *st;
	if (prepare(s, "PRAGMA quick_check(1)", &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	int ret = 0;
	if (rc != SQLITE_ROW) {
		fail_sql(s, rc, "checking");
		ret = -1;
	} else if (!res || strcmp(res, "ok") != 0) {
		char why[160];
		fail(s, "results database '%s' is damaged (%s); it was left as it is", s->name,
		     text_escape_into(res ? res : "?", false, why, sizeof why));
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

/* The schema version: 0 for an empty database, -1 on error (a database
 * that is not recall's results included). */
static int schema_version(struct rsql *s)
{
	sqlite3_stmt *st;
	if (prepare(s, "SELECT (SELECT count(*) FROM sqlite_master),"
	            " (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
	            &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_int64 objects = sqlite3_column_int64(st, 0), meta = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return fail_sql(s, rc, "reading"), -1;
	if (objects == 0)
		return 0;
	sqlite3_int64 v = 0;
	if (meta == 1 && prepare(s, "SELECT value FROM meta WHERE key = 'schema_version'"
	                         " AND typeof(value) = 'integer' AND EXISTS (SELECT 1 FROM meta"
	                         " WHERE key = 'kind' AND value = 'recall-results')", &st) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (v < 1 || v > 1000000)
		return fail(s, "'%s' is an SQLite database, but not recall's drill results; "
		            "it was left as it is", s->name), -1;
	return (int)v;
}

/* Runs the migrations from version v up to the current one. */
static int migrate(struct rsql *s, int v)
{
	if (v == 0 && exec_sql(s, schema_v1, "creating the tables") != 0)
		return -1;
	for (int from = v ? v : 1; from < RESULTS_SCHEMA_VERSION; from++)
		if (exec_sql(s, migrations[from - 1], "upgrading the schema") != 0)
			return -1;
	sqlite3_stmt *st;
	if (prepare(s, "UPDATE meta SET value = ? WHERE key = 'schema_version'", &st) != 0)
		return -1;
	sqlite3_bind_int(st, 1, RESULTS_SCHEMA_VERSION);
	return step_done(s, st, "upgrading the schema");
}

/* Checks the database and brings it to the current version in one
 * transaction, under the write lock from the start. */
static int check_and_migrate(struct rsql *s)
{
	if (exec_sql(s, "BEGIN IMMEDIATE", "opening") != 0)
		return -1;
	int v = quick_check(s) == 0 ? schema_version(s) : -1;
	if (v > RESULTS_SCHEMA_VERSION) {
		fail(s, "results database '%s' was made by a newer recall; schema version %d, "
		     "this program knows up to %d", s->name, v, RESULTS_SCHEMA_VERSION);
		v = -1;
	} else if (v >= 0 && v < RESULTS_SCHEMA_VERSION && migrate(s, v) != 0) {
		v = -1;
	}
	if (v < 0 || exec_sql(s, "COMMIT", "opening") != 0) {
		rollback(s);
		return -1;
	}
	return 0;
}

/* WAL (readers and the writer do not block each other), every commit
 * synced, foreign keys enforced. */
static int configure(struct rsql *s)
{
	if (exec_sql(s, "PRAGMA foreign_keys = ON", "opening") != 0)
		return -1;
	sqlite3_stmt *st;
	if (prepare(s, "PRAGMA journal_mode = WAL", &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	bool wal = rc == SQLITE_ROW && strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal) {
		if (rc == SQLITE_ROW)
			fail(s, "results database '%s': cannot use a write-ahead log here", s->name);
		else
			fail_sql(s, rc, "opening");
		return -1;
	}
	return exec_sql(s, "PRAGMA synchronous = FULL", "opening");
}

static void sq_close(void *h)
{
	struct rsql *s = h;
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s);
}

static int sq_open(const char *path, int busy_ms, void **h, char *err, size_t errsize)
{
	*h = NULL;
	char name[256];
	text_escape_into(path, false, name, sizeof name);
	if (check_file(path, name, err, errsize) != 0)
		return -1;
	struct rsql *s = calloc(1, sizeof *s);
	if (!s)
		return snprintf(err, errsize, "out of memory"), -1;
	memcpy(s->name, name, sizeof name);
	s->busy_ms = busy_ms;
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE |
	                         SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, busy_ms);
	}
	if (rc != SQLITE_OK)
		fail_sql(s, rc, "opening");
	else if (sqlite3_db_readonly(s->db, "main") == 1)
		fail_sql(s, SQLITE_READONLY, "opening");
	else if (check_and_migrate(s) == 0 && configure(s) == 0)
		s->err[0] = '\0';
	if (s->err[0]) {
		snprintf(err, errsize, "%s", s->err);
		sq_close(s);
		return -1;
	}
	*h = s;
	return 0;
}

static const char *sq_error(const void *h)
{
	return h ? ((const struct rsql *)h)->err : "";
}

/* ---- drills ----------------------------------------------------------- */

#define DRILL_COLS "id, class, decks, count, seed, time_limit, no_speed, no_streak, created"

/* The drill of row st (columns DRILL_COLS) handed to fn; its decks,
 * stored one a line, split into a list. */
static int drill_row(struct rsql *s, sqlite3_stmt *st, results_drill_fn *fn, void *ctx)
{
	const char *decks = (const char *)sqlite3_column_text(st, 2);
	char *copy = strdup(decks ? decks : "");
	if (!copy)
		return fail(s, "out of memory"), -1;
	const char *list[RESULTS_MAX_DECKS];
	size_t n = 0;
	for (char *p = copy; p && n < RESULTS_MAX_DECKS;) {
		list[n++] = p;
		if ((p = strchr(p, '\n')) != NULL)
			*p++ = '\0';
	}
	const char *id = (const char *)sqlite3_column_text(st, 0);
	const char *klass = (const char *)sqlite3_column_text(st, 1);
	struct results_drill d = {
		.klass = klass ? klass : "", .decks = list, .ndecks = n,
		.count = (unsigned)sqlite3_column_int64(st, 3),
		.seed = (uint64_t)sqlite3_column_int64(st, 4),
		.time_limit = sqlite3_column_double(st, 5),
		.no_speed = sqlite3_column_int(st, 6) != 0,
		.no_streak = sqlite3_column_int(st, 7) != 0,
		.created = sqlite3_column_int64(st, 8),
	};
	snprintf(d.id, sizeof d.id, "%s", id ? id : "");
	int ret = fn(ctx, &d);
	free(copy);
	return ret;
}

/* The decks one a line (the caller frees it); NULL when memory runs out. */
static char *join_decks(const struct results_drill *d)
{
	size_t len = 1;
	for (size_t i = 0; i < d->ndecks; i++)
		len += strlen(d->decks[i]) + 1;
	char *out = malloc(len), *p = out;
	for (size_t i = 0; out && i < d->ndecks; i++) {
		size_t n = strlen(d->decks[i]);
		memcpy(p, d->decks[i], n);
		p += n;
		*p++ = i + 1 < d->ndecks ? '\n' : '\0';
	}
	return out;
}

/* Inserts the drill's row unless it is there: 1 inserted, 0 there, -1. */
static int insert_drill(struct rsql *s, const struct results_drill *d, const char *decks)
{
	sqlite3_stmt *st;
	if (prepare(s, "INSERT INTO drills (" DRILL_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
	            " ON CONFLICT (id) DO NOTHING", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->klass, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, decks, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, d->count);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)d->seed);
	sqlite3_bind_double(st, 6, d->time_limit);
	sqlite3_bind_int(st, 7, d->no_speed);
	sqlite3_bind_int(st, 8, d->no_streak);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)time(NULL));
	if (step_done(s, st, "beginning a drill") != 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

/* What the row of the drill's id holds must be its settings (two settings
 * sharing an id would take a collision of the hash): sets d->created. */
static int check_drill_row(struct rsql *s, struct results_drill *d, const char *decks)
{
	sqlite3_stmt *st;
	if (prepare(s, "SELECT class = ?2 AND decks = ?3 AND count = ?4 AND seed = ?5"
	            " AND time_limit = ?6 AND no_speed = ?7 AND no_streak = ?8, created"
	            " FROM drills WHERE id = ?1", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->klass, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, decks, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, d->count);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)d->seed);
	sqlite3_bind_double(st, 6, d->time_limit);
	sqlite3_bind_int(st, 7, d->no_speed);
	sqlite3_bind_int(st, 8, d->no_streak);
	int rc = sqlite3_step(st), ret = 0;
	if (rc != SQLITE_ROW) {
		fail_sql(s, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "beginning a drill");
		ret = -1;
	} else if (sqlite3_column_int(st, 0) != 1) {
		fail(s, "results database '%s': drill %s holds other settings", s->name, d->id);
		ret = -1;
	} else {
		d->created = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return ret;
}

static int sq_drill_begin(void *h, struct results_drill *d)
{
	struct rsql *s = h;
	s->err[0] = '\0';
	char *decks = join_decks(d);
	if (!decks)
		return fail(s, "out of memory"), -1;
	int begun = -1;
	if (exec_sql(s, "BEGIN IMMEDIATE", "beginning a drill") == 0) {
		begun = insert_drill(s, d, decks);
		if (begun >= 0 && (check_drill_row(s, d, decks) != 0 ||
		                   exec_sql(s, "COMMIT", "beginning a drill") != 0))
			begun = -1;
		rollback(s);
	}
	free(decks);
	return begun;
}

static int sq_each_drill(void *h, const char *klass, results_drill_fn *fn, void *ctx)
{
	struct rsql *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (prepare(s, "SELECT " DRILL_COLS " FROM drills WHERE class = ?"
	            " ORDER BY created, rowid", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, klass, -1, SQLITE_STATIC);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ret = drill_row(s, st, fn, ctx);
	if (ret == 0 && rc != SQLITE_DONE) {
		fail_sql(s, rc, "reading the drills");
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

/* ---- answers ---------------------------------------------------------- */

#define ANSWER_COLS "id, drill, student, qindex, deck, question, given, outcome, credit," \
	" points, seconds, time"

static const char *text_at(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t ? t : "";
}

/* Steps st (columns ANSWER_COLS), handing each answer to fn; finalizes it.
 * Returns 0, the callback's value, or -1. */
static int answer_rows(struct rsql *s, sqlite3_stmt *st, results_answer_fn *fn, void *ctx)
{
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct results_answer a = {
			.id = sqlite3_column_int64(st, 0), .drill = text_at(st, 1),
			.student = text_at(st, 2), .index = (unsigned)sqlite3_column_int64(st, 3),
			.deck = text_at(st, 4), .question = text_at(st, 5), .given = text_at(st, 6),
			.outcome = sqlite3_column_int(st, 7), .credit = sqlite3_column_double(st, 8),
			.points = sqlite3_column_double(st, 9), .seconds = sqlite3_column_double(st, 10),
			.time = sqlite3_column_int64(st, 11),
		};
		ret = fn(ctx, &a);
	}
	if (ret == 0 && rc != SQLITE_DONE) {
		fail_sql(s, rc, "reading the answers");
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

/* The insert, in the open transaction: 0, RESULTS_ALREADY, or -1.  Only a
 * question of the drill (index below its count) is taken. */
static int insert_answer(struct rsql *s, struct results_answer *a)
{
	sqlite3_stmt *st;
	if (prepare(s, "INSERT INTO answers (drill, student, qindex, deck, question, given,"
	            " outcome, credit, points, seconds, time)"
	            " SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM drills"
	            " WHERE id = ?1 AND ?3 < count", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, a->drill, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->student, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, a->index);
	sqlite3_bind_text(st, 4, a->deck, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->question, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, a->given, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, a->outcome);
	sqlite3_bind_double(st, 8, a->credit);
	sqlite3_bind_double(st, 9, a->points);
	sqlite3_bind_double(st, 10, a->seconds);
	sqlite3_bind_int64(st, 11, a->time);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return RESULTS_ALREADY;
	if (rc != SQLITE_DONE)
		return fail_sql(s, rc, "recording an answer"), -1;
	if (sqlite3_changes(s->db) == 0) {
		char drill[64];
		fail(s, "results database '%s' has no drill %s with a question %u", s->name,
		     text_escape_into(a->drill, false, drill, sizeof drill), a->index);
		return -1;
	}
	a->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int sq_record(void *h, struct results_answer *a)
{
	struct rsql *s = h;
	s->err[0] = '\0';
	if (exec_sql(s, "BEGIN IMMEDIATE", "recording an answer") != 0)
		return -1;
	int ret = insert_answer(s, a);
	if (ret == 0 && exec_sql(s, "COMMIT", "recording an answer") != 0)
		ret = -1;
	rollback(s);
	return ret;
}

static int sq_each_answer(void *h, const char *drill, results_answer_fn *fn, void *ctx)
{
	struct rsql *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (prepare(s, "SELECT " ANSWER_COLS " FROM answers WHERE drill = ? ORDER BY id", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	return answer_rows(s, st, fn, ctx);
}

static int sq_changes_since(void *h, const char *drill, int64_t last_id,
                            results_answer_fn *fn, void *ctx)
{
	struct rsql *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (prepare(s, "SELECT " ANSWER_COLS " FROM answers WHERE id > ?1"
	            " AND (?2 IS NULL OR drill = ?2) ORDER BY id", &st) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, last_id);
	if (drill)
		sqlite3_bind_text(st, 2, drill, -1, SQLITE_STATIC);
	return answer_rows(s, st, fn, ctx);
}

/* The first index with no answer: 0 when the first is unanswered, else the
 * first answered one whose next is not. */
static int sq_next_index(void *h, const char *drill, const char *student, unsigned *next)
{
	struct rsql *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (prepare(s, "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM answers"
	            "  WHERE drill = ?1 AND student = ?2 AND qindex = 0) THEN 0"
	            " ELSE (SELECT min(a.qindex) + 1 FROM answers a"
	            "  WHERE a.drill = ?1 AND a.student = ?2 AND NOT EXISTS (SELECT 1 FROM answers b"
	            "   WHERE b.drill = ?1 AND b.student = ?2 AND b.qindex = a.qindex + 1)) END",
	            &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, student, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*next = (unsigned)sqlite3_column_int64(st, 0);
	else
		fail_sql(s, rc, "reading the answers");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

const struct results_engine results_sqlite_engine = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.error = sq_error,
	.drill_begin = sq_drill_begin,
	.each_drill = sq_each_drill,
	.record = sq_record,
	.each_answer = sq_each_answer,
	.next_index = sq_next_index,
	.changes_since = sq_changes_since,
};
