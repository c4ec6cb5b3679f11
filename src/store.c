/* store — opening the progress database: refusals, schema, migrations;
 * see store.h and docs/progress.md.  The reading and writing of items and
 * reviews is in store_item.c, the export in store_export.c. */
#include "store.h"
#include "store_db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

/* Version 1: what the first study mode wrote.  New databases are made by
 * running it and then every migration, so that a fresh database and an
 * upgraded one cannot differ. */
static const char schema_v1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL);"
	"INSERT INTO meta (key, value) VALUES ('schema_version', 1);"
	"CREATE TABLE items ("
	" id INTEGER PRIMARY KEY,"
	" deck TEXT NOT NULL, question TEXT NOT NULL,"
	" state INTEGER NOT NULL CHECK (state BETWEEN 0 AND 3),"
	" stability REAL NOT NULL, difficulty REAL NOT NULL,"
	" due INTEGER NOT NULL, last_review INTEGER NOT NULL,"
	" reps INTEGER NOT NULL CHECK (reps >= 0),"
	" lapses INTEGER NOT NULL CHECK (lapses >= 0),"
	" step INTEGER NOT NULL CHECK (step >= 0),"
	" scheduled_days INTEGER NOT NULL,"
	" UNIQUE (deck, question));"
	"CREATE INDEX items_due ON items (deck, due);"
	"CREATE TABLE reviews ("
	" id INTEGER PRIMARY KEY,"
	" item INTEGER NOT NULL REFERENCES items (id),"
	" time INTEGER NOT NULL,"
	" grade INTEGER NOT NULL CHECK (grade BETWEEN 1 AND 4),"
	" answer TEXT NOT NULL, seconds REAL NOT NULL,"
	" state_before INTEGER NOT NULL CHECK (state_before BETWEEN 0 AND 3),"
	" state_after INTEGER NOT NULL CHECK (state_after BETWEEN 0 AND 3),"
	" stability REAL NOT NULL, difficulty REAL NOT NULL,"
	" elapsed_days REAL NOT NULL, scheduled_days INTEGER NOT NULL);"
	"CREATE INDEX reviews_time ON reviews (time);"
	"CREATE INDEX reviews_item ON reviews (item);";

/* migrations[v - 1] takes a database from version v to v + 1. */
static const char *const migrations[] = {
	/* 1 -> 2: the content hash (stats flag a question edited since it was
	 * last reviewed; '' is unknown), and the item row as it was before
	 * each review, for undo (prev_state NULL: the item had no row).
	 * Reviews logged before have undoable 0. */
	"ALTER TABLE items ADD COLUMN content_hash TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE reviews ADD COLUMN undoable INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE reviews ADD COLUMN prev_state INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_stability REAL;"
	"ALTER TABLE reviews ADD COLUMN prev_difficulty REAL;"
	"ALTER TABLE reviews ADD COLUMN prev_due INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_last_review INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_reps INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_lapses INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_step INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_scheduled_days INTEGER;"
	"ALTER TABLE reviews ADD COLUMN prev_content_hash TEXT;",
	/* 2 -> 3: today's counts (new and review) read the index alone, not a
	 * row of the log per review: the index on time also holds the state
	 * before.  Undo's "since" uses it as it used the one it replaces. */
	"CREATE INDEX reviews_time_state ON reviews (time, state_before);"
	"DROP INDEX reviews_time;",
};

_Static_assert(sizeof migrations / sizeof *migrations == STORE_SCHEMA_VERSION - 1,
               "one migration per version step");

void store_fail(struct store *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(s->err, sizeof s->err, fmt, ap);
	va_end(ap);
}

/* The message for a failed SQLite call rc: the refusals by their cause,
 * anything else with SQLite's own words. */
void store_fail_sql(struct store *s, int rc, const char *doing)
{
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		store_fail(s, "progress database '%s' is locked by another program "
		           "(waited %d ms); try again when it is done", s->name, s->busy_ms);
		break;
	case SQLITE_NOTADB:
	case SQLITE_CORRUPT:
		store_fail(s, "progress database '%s' is damaged (%s); it was left as it is",
		           s->name, sqlite3_errstr(rc));
		break;
	case SQLITE_READONLY:
		if (s->readonly)  /* SQLite could not make its shared-memory file */
			store_fail(s, "cannot read progress database '%s': SQLite needs to write "
			           "next to it, and its folder may not be written in", s->name);
		else
			store_fail(s, "cannot write progress database '%s': it is read-only", s->name);
		break;
	default:
		store_fail(s, "progress database '%s': %s: %s", s->name, doing,
		           s->db ? sqlite3_errmsg(s->db) : sqlite3_errstr(rc));
	}
}

int store_exec(struct store *s, const char *sql, const char *doing)
{
	int rc = sqlite3_exec(s->db, sql, NULL, NULL, NULL);
	if (rc != SQLITE_OK) {
		store_fail_sql(s, rc, doing);
		return -1;
	}
	return 0;
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	int rc = sqlite3_prepare_v2(s->db, sql, -1, st, NULL);
	if (rc != SQLITE_OK) {
		store_fail_sql(s, rc, "reading");
		*st = NULL;
		return -1;
	}
	return 0;
}

void store_rollback(struct store *s)
{
	if (!sqlite3_get_autocommit(s->db))
		sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
}

const char *store_error(const struct store *s)
{
	return s ? s->err : "";
}

/* Creates the folders leading to path that are missing, mode 0700. */
static int make_parents(const char *path, const char *name, char *err, size_t errsize)
{
	char *dir = strdup(path);
	if (!dir) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	int ret = 0;
	for (char *p = dir + 1; ret == 0 && (p = strchr(p, '/')) != NULL; p++) {
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST) {
			char dname[256];
			snprintf(err, errsize, "cannot create the folder '%s' for progress database '%s': %s",
			         text_escape_into(dir, false, dname, sizeof dname), name, strerror(errno));
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
static int check_writable(const char *path, bool exists, const struct stat *st,
                          const char *name, char *err, size_t errsize)
{
	if (exists && ((st->st_mode & 0222) == 0 || access(path, W_OK) != 0)) {
		snprintf(err, errsize, "cannot write progress database '%s': the file is read-only",
		         name);
		return -1;
	}
	if (!exists && make_parents(path, name, err, errsize) != 0)
		return -1;
	const char *slash = strrchr(path, '/');
	char *dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path)) : strdup(".");
	struct stat dst;
	int ret = 0;
	if (!dir)
		snprintf(err, errsize, "out of memory"), ret = -1;
	else if (stat(dir, &dst) != 0 || (dst.st_mode & 0222) == 0 || access(dir, W_OK | X_OK) != 0) {
		char dname[256];
		snprintf(err, errsize, "cannot write progress database '%s': its folder '%s' "
		         "may not be written in", name, text_escape_into(dir, false, dname, sizeof dname));
		ret = -1;
	}
	free(dir);
	return ret;
}

/* What the file at path is, before SQLite sees it: 0 when it may be
 * opened (missing, empty, or starting as an SQLite database does). */
static int check_file(const char *path, unsigned flags, const char *name, char *err,
                      size_t errsize)
{
	struct stat st;
	bool exists = stat(path, &st) == 0;
	if (!exists && errno != ENOENT) {
		snprintf(err, errsize, "cannot open progress database '%s': %s", name, strerror(errno));
		return -1;
	}
	if (!exists && (flags & STORE_READONLY)) {
		snprintf(err, errsize, "no progress database at '%s'", name);
		return -1;
	}
	if (exists && !S_ISREG(st.st_mode)) {
		snprintf(err, errsize, "progress database '%s' is not a regular file", name);
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
			snprintf(err, errsize, "cannot read progress database '%s': %s", name,
			         strerror(errno));
			return -1;
		}
		if ((size_t)n < sizeof head || memcmp(head, magic, sizeof magic) != 0) {
			snprintf(err, errsize, "'%s' is not a recall progress database (not an SQLite "
			         "file); it was left as it is", name);
			return -1;
		}
	}
	if (!(flags & STORE_READONLY))
		return check_writable(path, exists, &st, name, err, errsize);
	return 0;
}

/* An integer PRAGMA's value, -1 on error. */
static sqlite3_int64 pragma_int(struct store *s, const char *sql)
{
	sqlite3_stmt *st;
	if (store_prepare(s, sql, &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_int64 v = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	if (rc != SQLITE_ROW)
		store_fail_sql(s, rc, "checking");
	sqlite3_finalize(st);
	return v;
}

/* PRAGMA quick_check: 0 when it says "ok".  Only for a database of at most
 * STORE_FULL_CHECK_BYTES: a larger one is checked as far as opening reads
 * it (the header, the schema, meta), and a damaged page further in is
 * refused when a query reads it (SQLITE_CORRUPT, store_fail_sql). */
static int quick_check(struct store *s)
{
	sqlite3_int64 pages = pragma_int(s, "PRAGMA page_count"), size = pragma_int(s, "PRAGMA page_size");
	if (pages < 0 || size < 0)
		return -1;
	if (pages * size > STORE_FULL_CHECK_BYTES)
		return 0;
	sqlite3_stmt *st;
	if (store_prepare(s, "PRAGMA quick_check(1)", &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	const char *res = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	int ret = 0;
	if (rc != SQLITE_ROW) {
		store_fail_sql(s, rc, "checking");
		ret = -1;
	} else if (!res || strcmp(res, "ok") != 0) {
		char why[160];
		store_fail(s, "progress database '%s' is damaged (%s); it was left as it is", s->name,
		           text_escape_into(res ? res : "?", false, why, sizeof why));
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

/* The schema version: 0 for an empty database, -1 on error (a database
 * that is not recall's included). */
static int schema_version(struct store *s)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT (SELECT count(*) FROM sqlite_master),"
	                  " (SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
	                  &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	sqlite3_int64 objects = sqlite3_column_int64(st, 0), meta = sqlite3_column_int64(st, 1);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW) {
		store_fail_sql(s, rc, "reading");
		return -1;
	}
	if (objects == 0)
		return 0;
	sqlite3_int64 v = 0;
	if (meta == 1 && store_prepare(s, "SELECT value FROM meta WHERE key = 'schema_version'"
	                               " AND typeof(value) = 'integer'", &st) == 0) {
		if (sqlite3_step(st) == SQLITE_ROW)
			v = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	if (v < 1 || v > 1000000) {
		store_fail(s, "'%s' is an SQLite database, but not recall's progress; "
		           "it was left as it is", s->name);
		return -1;
	}
	return (int)v;
}

/* Runs the migrations from version v up to the current one. */
static int migrate(struct store *s, int v)
{
	if (v == 0 && store_exec(s, schema_v1, "creating the tables") != 0)
		return -1;
	for (int from = v ? v : 1; from < STORE_SCHEMA_VERSION; from++)
		if (store_exec(s, migrations[from - 1], "upgrading the schema") != 0)
			return -1;
	sqlite3_stmt *st;
	if (store_prepare(s, "UPDATE meta SET value = ? WHERE key = 'schema_version'", &st) != 0)
		return -1;
	sqlite3_bind_int(st, 1, STORE_SCHEMA_VERSION);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		store_fail_sql(s, rc, "upgrading the schema");
		return -1;
	}
	return 0;
}

/* Checks the database and brings it to the current version, all in one
 * transaction (a write lock at once when writing, so that two programs
 * opening an old database do not both upgrade it). */
static int check_and_migrate(struct store *s, bool readonly)
{
	if (store_exec(s, readonly ? "BEGIN" : "BEGIN IMMEDIATE", "opening") != 0)
		return -1;
	int v = quick_check(s) == 0 ? schema_version(s) : -1;
	if (v > STORE_SCHEMA_VERSION) {
		store_fail(s, "progress database '%s' was made by a newer recall; schema version %d, "
		           "this program knows up to %d", s->name, v, STORE_SCHEMA_VERSION);
		v = -1;
	} else if (v >= 0 && v < STORE_SCHEMA_VERSION && readonly) {
		if (v == 0)
			store_fail(s, "progress database '%s' is empty", s->name);
		else
			store_fail(s, "progress database '%s' has schema version %d, which a writing "
			           "command brings up to date; this one only reads", s->name, v);
		v = -1;
	} else if (v >= 0 && v < STORE_SCHEMA_VERSION && migrate(s, v) != 0) {
		v = -1;
	}
	if (v < 0 || store_exec(s, "COMMIT", "opening") != 0) {
		store_rollback(s);
		return -1;
	}
	return 0;
}

/* The settings of the connection: WAL (readers do not block the writer,
 * nor it them), every commit synced (FULL: see docs/progress.md), foreign
 * keys enforced. */
static int configure(struct store *s, bool readonly)
{
	if (store_exec(s, "PRAGMA foreign_keys = ON", "opening") != 0)
		return -1;
	if (readonly)
		return 0;
	sqlite3_stmt *st;
	if (store_prepare(s, "PRAGMA journal_mode = WAL", &st) != 0)
		return -1;
	int rc = sqlite3_step(st);
	bool wal = rc == SQLITE_ROW &&
	           strcmp((const char *)sqlite3_column_text(st, 0), "wal") == 0;
	sqlite3_finalize(st);
	if (!wal) {
		if (rc == SQLITE_ROW)
			store_fail(s, "progress database '%s': cannot use a write-ahead log here", s->name);
		else
			store_fail_sql(s, rc, "opening");
		return -1;
	}
	return store_exec(s, "PRAGMA synchronous = FULL", "opening");
}

int store_open(const char *path, unsigned flags, int busy_ms, struct store **out,
               char *err, size_t errsize)
{
	*out = NULL;
	bool readonly = (flags & STORE_READONLY) != 0;
	char name[256];
	text_escape_into(path, false, name, sizeof name);
	if (check_file(path, flags, name, err, errsize) != 0)
		return -1;
	struct store *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	memcpy(s->name, name, sizeof name);
	s->busy_ms = busy_ms;
	s->readonly = readonly;
	int oflags = readonly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
	int rc = sqlite3_open_v2(path, &s->db, oflags | SQLITE_OPEN_NOMUTEX, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_extended_result_codes(s->db, 1);
		sqlite3_busy_timeout(s->db, busy_ms);
	}
	if (rc != SQLITE_OK)
		store_fail_sql(s, rc, "opening");
	else if (!readonly && sqlite3_db_readonly(s->db, "main") == 1)
		store_fail_sql(s, SQLITE_READONLY, "opening");
	else if (check_and_migrate(s, readonly) == 0 && configure(s, readonly) == 0)
		s->err[0] = '\0';
	if (s->err[0]) {
		snprintf(err, errsize, "%s", s->err);
		store_close(s);
		return -1;
	}
	*out = s;
	return 0;
}

void store_close(struct store *s)
{
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s);
}

const char *store_state_name(int state)
{
	static const char *const names[] = { "new", "learning", "review", "relearning" };
	return state >= 0 && state < 4 ? names[state] : "?";
}

void store_content_hash(const char *prompt, const char *answer, char out[17])
{
	uint64_t h = 0xcbf29ce484222325u;  /* FNV-1a */
	const char *parts[2] = { prompt ? prompt : "", answer ? answer : "" };
	for (int i = 0; i < 2; i++) {
		const unsigned char *p = (const unsigned char *)parts[i];
		size_t n = strlen(parts[i]) + (i == 0);  /* the NUL between the two */
		for (size_t k = 0; k < n; k++) {
			h ^= p[k];
			h *= 0x100000001b3u;
		}
	}
	snprintf(out, 17, "%016llx", (unsigned long long)h);
}
