/* sqlfile — what the progress and results databases share: opening an
 * SQLite file of ours safely (refusals before SQLite sees it, the check,
 * the schema version and its migrations in one transaction, the settings)
 * and the helpers that turn SQLite's failures into messages. */
#ifndef RECALL_SQLFILE_H
#define RECALL_SQLFILE_H

#include <sqlite3.h>
#include <stdarg.h>

struct sqlfile {
	sqlite3 *db;
	const char *what; /* "progress", "results": "<what> database" in messages */
	int busy_ms;      /* how long to wait for another program's lock */
	double busy_since;/* when the wait under way began (monotonic seconds) */
	unsigned busy_seed; /* for the random pauses of the wait */
	int readonly;     /* opened for reading only */
	int version;      /* the schema version of the file, once opened */
	char name[256];   /* the path, escaped for messages */
	char err[640];    /* the last failure's message, "" when none */
};

/* A database's schema, for sqlfile_open. */
struct sqlfile_schema {
	const char *v1;                /* version 1, run on an empty database */
	const char *const *migrations; /* [v - 1] takes version v to v + 1 */
	int version;                   /* the version this program writes */
	const char *version_sql;       /* meta's schema_version, a row only when ours */
	const char *whose;             /* "'...' is an SQLite database, but not recall's <whose>" */
	sqlite3_int64 check_bytes;     /* quick_check only up to this size; 0: always */
	int read_from;                 /* the oldest version a read-only open takes as it
	                                  is (its reader copes with what later versions
	                                  add); 0: only the current one */
};

/* Opens the database at path into f, whose what, busy_ms and readonly the
 * caller has set and the rest is zero: 0, or -1 with f->err set.  f->db
 * is to be closed either way.  f->version is then the schema version: the
 * current one, or for a read-only open one from schema->read_from on. */
int sqlfile_open(struct sqlfile *f, const char *path, const struct sqlfile_schema *schema);

/* Sets the message, printf-style. */
void sqlfile_fail(struct sqlfile *f, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void sqlfile_vfail(struct sqlfile *f, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));

/* Sets the message for the failed SQLite result rc of doing something
 * ("reading", "recording a review"). */
void sqlfile_fail_sql(struct sqlfile *f, int rc, const char *doing);

/* sqlite3_exec and sqlite3_prepare_v2 with the message set on failure;
 * 0 or -1. */
int sqlfile_exec(struct sqlfile *f, const char *sql, const char *doing);
int sqlfile_prepare(struct sqlfile *f, const char *sql, sqlite3_stmt **st);

/* Steps a statement that returns no row, and finalizes it: 0 or -1. */
int sqlfile_step_done(struct sqlfile *f, sqlite3_stmt *st, const char *doing);

/* Ends a loop over the rows of st, which stopped with ret (the callback's)
 * and rc (the last step's): finalizes st, and returns ret, or -1 with the
 * message set when the rows did not all come. */
int sqlfile_rows_end(struct sqlfile *f, sqlite3_stmt *st, int rc, int ret, const char *doing);

/* Rolls back the open transaction, if any. */
void sqlfile_rollback(struct sqlfile *f);

#endif
