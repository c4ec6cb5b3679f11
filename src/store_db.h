/* store_db — what the store's files share and nothing else sees: the
 * handle and the helpers that turn SQLite's failures into messages. */
#ifndef RECALL_STORE_DB_H
#define RECALL_STORE_DB_H

#include <sqlite3.h>

#include "sqlfile.h"
#include "store.h"

struct store {
	struct sqlfile f;  /* readonly: opened with STORE_READONLY */
};

/* Sets the store's message, printf-style. */
void store_fail(struct store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Sets the message for the failed SQLite result rc of doing something
 * ("reading", "recording a review"): sqlfile_fail_sql. */
void store_fail_sql(struct store *s, int rc, const char *doing);

/* sqlite3_exec and sqlite3_prepare_v2 with the message set on failure;
 * 0 or -1. */
int store_exec(struct store *s, const char *sql, const char *doing);
int store_prepare(struct store *s, const char *sql, sqlite3_stmt **st);

/* Rolls back the open transaction, if any. */
void store_rollback(struct store *s);

#endif
