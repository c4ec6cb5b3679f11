/* sqlfile — opening an SQLite file of ours safely, and SQLite's failures
 * as messages; see sqlfile.h.  The words that differ between the progress
 * and the results database come in f->what and the schema. */
#include "sqlfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

void sqlfile_vfail(struct sqlfile *f, const char *fmt, va_list ap)
{
	vsnprintf(f->err, sizeof f->err, fmt, ap);
}

void sqlfile_fail(struct sqlfile *f, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlfile_vfail(f, fmt, ap);
	va_end(ap);
}

/* The refusals by their cause, anything else with SQLite's own words. */
void sqlfile_fail_sql(struct sqlfile *f, int rc, const char *doing)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		sqlfile_fail(f, "%s database '%s' is locked by another program "
		             "(waited %d ms); try again when it is done", f->what, f->name, f->busy_ms);
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		sqlfile_fail(f, "%s database '%s' is damaged (%s); it was left as it is",
		             f->what, f->name, sqlite3_errstr(rc));
		break;
	case SQLITE_READONLY:
		if (f->readonly)  /* SQLite could not make its shared-memory file */
			sqlfile_fail(f, "cannot read %s database '%s': SQLite needs to write "
			             "next to it, and its folder may not be written in", f->what, f->name);
		else
			sqlfile_fail(f, "cannot write %s database '%s': it is read-only", f->what,
			             f->name);
		break;
	default:
		sqlfile_fail(f, "%s database '%s': %s: %s", f->what, f->name, doing,
		             f->db ? sqlite3_errmsg(f->db) : sqlite3_errstr(rc));
	}
}

int sqlfile_exec(struct sqlfile *f, const char *sql, const char *doing)
{
	int rc = sqlite3_exec(f->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		sqlfile_fail_sql(f, rc, doing);
		return -1;
	}
	return 0;
}

int sqlfile_prepare(struct sqlfile *f, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(f->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		sqlfile_fail_sql(f, rc, "reading");
		*st = NULL;
		return -1;
	}
	return 0;
}

int sqlfile_step_done(struct sqlfile *f, sqlite3_stmt *st, const char *doing)
{
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		sqlfile_fail_sql(f, rc, doing);
		return -1;
	}
	return 0;
}

int sqlfile_rows_end(struct sqlfile *f, sqlite3_stmt *st, int rc, int ret, const char *doing)
{
	if (ret == 0 && rc != SQLITE_DONE) {
		sqlfile_fail_sql(f, rc, doing);
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

void sqlfile_rollback(struct sqlfile *f)
{
	if (!sqlite3_get_autocommit(f->db))
		sqlite3_exec(f->db, "ROLLBACK", NULL, NULL, NULL);
}

/* ---- before SQLite sees the file -------------------------------------- */

/* Creates the folders leading to path that are missing, mode 0700. */
static int make_parents(struct sqlfile *f, const char *path)
{
	char *dir = strdup(path);
	if (!dir) {
		sqlfile_fail(f, "out of memory");
		return -1;
	}
	int ret = 0;
	for (char *p = dir + 1; ret == 0 && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			char dname[256];
			sqlfile_fail(f, "cannot create the folder '%s' for %s database '%s': %s",
			             text_escape_into(dir, false, dname, sizeof dname), f->what, f->name,
			             strerror(errno));
			ret = -1;
		}
		*p = '/';
	}
	free(dir);
	return ret;
}

/* For a writing open: the file, when it exists, and its folder must be
 * writable (SQLite keeps its journal next to the database).  Mode bits are
 * looked at as well, so that root too is refused a read-only file. */
static int check_writable(struct sqlfile *f, const char *path, bool exists, const struct stat *st)
{
	if (exists && ((st->st_mode & 0222) == 0 || access(path, W_OK) != 0)) {
		sqlfile_fail(f, "cannot write %s database '%s': the file is read-only", f->what,
		             f->name);
		return -1;
	}
	if (!exists && make_parents(f, path) != 0)
		return -1;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	struct stat dst;
	int ret = 0;
	if (!dir) {
		sqlfile_fail(f, "out of memory");
		ret = -1;
	} else if (stat(dir, &dst) != 0 || (dst.st_mode & 0222) == 0 ||
	           access(dir, W_OK | X_OK) != 0) {
		char dname[256];
		sqlfile_fail(f, "cannot write %s database '%s': its folder '%s' may not be written in",
		             f->what, f->name, text_escape_into(dir, false, dname, sizeof dname));
		ret = -1;
	}
	free(dir);
	return ret;
}

/* What the file at path is, before SQLite sees it: 0 when it may be
 * opened (missing, empty, or starting as an SQLite database does). */
static int check_file(struct sqlfile *f, const char *path)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT) {
		sqlfile_fail(f, "cannot open %s database '%s': %s", f->what, f->name, strerror(errno));
		return -1;
	}
	if (!exists && f->readonly) {
		sqlfile_fail(f, "no %s database at '%s'", f->what, f->name);
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		sqlfile_fail(f, "%s database '%s' is not a regular file", f->what, f->name);
		return -1;
	}
	if (exists && st.st_size > 0) {
		static const char magic[16] = "SQLite format 3";  /* and its NUL */
		char head[16];
		int fd = open(path, O_RDONLY | O_CLOEXEC);
		ssize_t n = fd >= 0 ? read(fd, head, sizeof head) : -1;
		if (fd >= 0)
			close(fd);
		if (n < 0) {
			sqlfile_fail(f, "cannot read %s database '%s': %s", f->what, f->name,
			             strerror(errno));
			return -1;
		}
		if ((size_t)n < sizeof head || memcmp(head, magic, sizeof magic) != 0) {
			sqlfile_fail(f, "'%s' is not a recall %s database (not an SQLite file); "
			             "it was left as it is", f->name, f->what);
			return -1;
		}
	}
	if (!f->readonly)
		return check_writable(f, path, exists, &st);
	return 0;
}

/* ---- the schema ------------------------------------------------------- */

/* An integer PRAGMA's value, -1 on error. */
static sqlite3_int64 pragma_int(struct sqlfile *f, const char *sql)
{
	sqlite3_stmt *st;
	if (sqlfile_prepare(f, sql, &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_int64 v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	if (rc != SQLITE_ROW)
		sqlfile_fail_sql(f, rc, "checking");
	sqlite3_finalize(st);
	return v;
}

/* PRAGMA quick_check: 0 when it says "ok".  With check_bytes, only for a
 * database of at most that size: a larger one is checked as far as opening
 * reads it (the header, the schema, meta), and a damaged page further in is
 * refused when a query reads it (SQLITE_CORRUPT, sqlfile_fail_sql). */
static int quick_check(struct sqlfile *f, sqlite3_int64 check_bytes)
{
	if (check_bytes > 0) {
		sqlite3_int64 pages = pragma_int(f, "PRAGMA page_count");
		sqlite3_int64 size = pragma_int(f, "PRAGMA page_size");
		if (pages < 0 || size < 0)
			return -1;
		if (pages * size > check_bytes)
			return 0;
	}
	sqlite3_stmt *st;
	if (sqlfile_prepare(f, "PRAGMA quick_check(1)", &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	int ret = 0;
	if (rc != SQLITE_ROW) {
		sqlfile_fail_sql(f, rc, "checking");
		ret = -1;
	} else if (!res || strcmp(res, "ok") != 0) {
		char why[160];
		sqlfile_fail(f, "%s database '%s' is damaged (%s); it was left as it is", f->what,
		             f->name, text_escape_into(res ? res : "?", false, why, sizeof why));
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

/* The schema version: 0 for an empty database, -1 on error (a database
 * that is not ours included). */
static int schema_version(struct sqlfile *f, const struct sqlfile_schema *schema)
{
	sqlite3_stmt *st;
	if (sqlfile_prepare(f, "SELECT (SELECT count(*) FROM sqlite_master),"
	                    " (SELECT count(*) FROM sqlite_master WHERE type = 'table'"
	                    " AND name = 'meta')", &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_int64 objects = sqlite3_column_int64(st, 0), meta = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		sqlfile_fail_sql(f, rc, "reading");
		return -1;
	}
	if (objects == 0)
		return 0;
	sqlite3_int64 v = 0;
	if (meta == 1 && sqlfile_prepare(f, schema->version_sql, &st) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (v < 1 || v > 1000000) {
		sqlfile_fail(f, "'%s' is an SQLite database, but not recall's %s; "
		             "it was left as it is", f->name, schema->whose);
		return -1;
	}
	return (int)v;
}

/* Runs the migrations from version v up to the current one. */
static int migrate(struct sqlfile *f, const struct sqlfile_schema *schema, int v)
{
	if (v == 0 && sqlfile_exec(f, schema->v1, "creating the tables") != 0)
		return -1;
	for (int from = v ? v : 1; from < schema->version; from++)
		if (sqlfile_exec(f, schema->migrations[from - 1], "upgrading the schema") != 0)
			return -1;
	sqlite3_stmt *st;
	if (sqlfile_prepare(f, "UPDATE meta SET value = ? WHERE key = 'schema_version'", &st) != 0)
		return -1;
	sqlite3_bind_int(st, 1, schema->version);
	return sqlfile_step_done(f, st, "upgrading the schema");
}

/* Checks the database and brings it to the current version, all in one
 * transaction (a write lock at once when writing, so that two programs
 * opening an old database do not both upgrade it). */
static int check_and_migrate(struct sqlfile *f, const struct sqlfile_schema *schema)
{
	if (sqlfile_exec(f, f->readonly ? "BEGIN" : "BEGIN IMMEDIATE", "opening") != 0)
		return -1;
	int v = quick_check(f, schema->check_bytes) == 0 ? schema_version(f, schema) : -1;
	if (v > schema->version) {
		sqlfile_fail(f, "%s database '%s' was made by a newer recall; schema version %d, "
		             "this program knows up to %d", f->what, f->name, v, schema->version);
		v = -1;
	} else if (v > 0 && f->readonly && schema->read_from > 0 && v >= schema->read_from) {
		/* read as it is */
	} else if (v >= 0 && v < schema->version && f->readonly) {
		if (v == 0)
			sqlfile_fail(f, "%s database '%s' is empty", f->what, f->name);
		else
			sqlfile_fail(f, "%s database '%s' has schema version %d, which a writing "
			             "command brings up to date; this one only reads", f->what, f->name, v);
		v = -1;
	} else if (v >= 0 && v < schema->version) {
		v = migrate(f, schema, v) == 0 ? schema->version : -1;
	}
	if (v < 0 || sqlfile_exec(f, "COMMIT", "opening") != 0) {
		sqlfile_rollback(f);
		return -1;
	}
	f->version = v;
	return 0;
}

static int on_busy(void *arg, int count);

/* The settings of the connection: WAL (readers do not block the writer,
 * nor it them), every commit synced (FULL: see docs/progress.md), foreign
 * keys enforced. */
static int configure(struct sqlfile *f)
{
	if (sqlfile_exec(f, "PRAGMA foreign_keys = ON", "opening") != 0)
		return -1;
	if (f->readonly)
		return 0;
	/* Turning a new file to WAL needs it alone for a moment.  When another
	 * program holds a write lock, SQLite answers "busy" at once, without
	 * its busy handler (this connection's read of the file would block
	 * the other's commit): so the step is tried again here, in the busy
	 * handler's pauses, for as long as the handler would wait. */
	int rc, tries = 0;
	bool wal;
	for (;;) {
		sqlite3_stmt *st;
		if (sqlfile_prepare(f, "PRAGMA journal_mode = WAL", &st) != 0)
			return -1;
		rc = sqlite3_step(st);
		wal = rc == SQLITE_ROW &&
		      strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
		sqlite3_finalize(st);
		if ((rc & 0xff) != SQLITE_BUSY || !on_busy(f, tries++))
			break;
	}
	if (!wal) {
		if (rc == SQLITE_ROW)
			sqlfile_fail(f, "%s database '%s': cannot use a write-ahead log here", f->what,
			             f->name);
		else
			sqlfile_fail_sql(f, rc, "opening");
		return -1;
	}
	return sqlfile_exec(f, "PRAGMA synchronous = FULL", "opening");
}

/* ---- waiting for a lock ------------------------------------------------- */

static double mono_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* SQLite's busy handler, in place of its own timeout: tries again every
 * 0.5 to 2 ms (at random), until busy_ms have passed.  SQLite's own waits
 * grow to 100 ms between tries, so that with many writers (a class of 30
 * recording answers) one that has waited long tries seldom while newcomers
 * try often, and can starve past the timeout; short tries at random give
 * every waiter its turn. */
static int on_busy(void *arg, int count)
{
	struct sqlfile *f = arg;
	double now = mono_seconds();
	if (count == 0)
		f->busy_since = now;
	if ((now - f->busy_since) * 1000 >= f->busy_ms)
		return 0;
	unsigned r = (unsigned)rand_r(&f->busy_seed);
	long cap_us = count < 16 ? 1000L + 250L * count : 5000L;  /* 1 ms, growing to 5 */
	struct timespec ts = { 0, (cap_us / 2 + (long)(r % (unsigned)cap_us)) * 1000L };
	nanosleep(&ts, NULL);
	return 1;
}

int sqlfile_open(struct sqlfile *f, const char *path, const struct sqlfile_schema *schema)
{
	text_escape_into(path, false, f->name, sizeof f->name);
	if (check_file(f, path) != 0)
		return -1;
	int oflags = f->readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &f->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(f->db, 1);
		f->busy_seed = (unsigned)getpid() ^ (unsigned)(mono_seconds() * 1e6);
		sqlite3_busy_handler(f->db, on_busy, f);
	}
	if (rc != SQLITE_OK)
		sqlfile_fail_sql(f, rc, "opening");
	else if (!f->readonly && sqlite3_db_readonly(f->db, "main") == 1)
		sqlfile_fail_sql(f, SQLITE_READONLY, "opening");
	else if (check_and_migrate(f, schema) == 0 && configure(f) == 0)
		f->err[0] = '\0';
	return f->err[0] ? -1 : 0;
}
