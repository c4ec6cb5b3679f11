/* store — the progress database's schema and migrations, opened with
 * sqlfile.c's refusals; see store.h and docs/progress.md.  The reading and writing of items and
 * reviews is in store_item.c, the export in store_export.c. */
#include "store.h"
#include "store_db.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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

static const struct sqlfile_schema schema = {
	.v1 = schema_v1,
	.migrations = migrations,
	.version = STORE_SCHEMA_VERSION,
	.version_sql = "SELECT value FROM meta WHERE key = 'schema_version'"
	               " AND typeof(value) = 'integer'",
	.whose = "progress",
	/* A larger database is checked as far as opening reads it (the header,
	 * the schema, meta), and a damaged page further in is refused when a
	 * query reads it. */
	.check_bytes = STORE_FULL_CHECK_BYTES,
};

void store_fail(struct store *s, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	sqlfile_vfail(&s->f, fmt, ap);
	va_end(ap);
}

void store_fail_sql(struct store *s, int rc, const char *doing)
{
	sqlfile_fail_sql(&s->f, rc, doing);
}

int store_exec(struct store *s, const char *sql, const char *doing)
{
	return sqlfile_exec(&s->f, sql, doing);
}

int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st)
{
	return sqlfile_prepare(&s->f, sql, st);
}

void store_rollback(struct store *s)
{
	sqlfile_rollback(&s->f);
}

const char *store_error(const struct store *s)
{
	return s ? s->f.err : "";
}

int store_open(const char *path, unsigned flags, int busy_ms, struct store **out,
               char *err, size_t errsize)
{
	*out = NULL;
	struct store *s = calloc(1, sizeof *s);
	if (!s) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	s->f.what = "progress";
	s->f.busy_ms = busy_ms;
	s->f.readonly = (flags & STORE_READONLY) != 0;
	if (sqlfile_open(&s->f, path, &schema) != 0) {
		snprintf(err, errsize, "%s", s->f.err);
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
	sqlite3_close(s->f.db);
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
