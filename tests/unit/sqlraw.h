/* sqlraw.h — what the tests of the SQLite stores share: a temporary folder
 * of their own, and a look at a database file behind the store's back
 * (through a connection of the test's own) or at its bytes.  Included by
 * one test file each, after check.h. */
#ifndef RECALL_TEST_SQLRAW_H
#define RECALL_TEST_SQLRAW_H

#include <ftw.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char tmp[64];  /* the test folder */

/* Makes the test folder from a template such as "/tmp/recall-x-XXXXXX";
 * 0, or -1 (said on stderr). */
static inline int tmp_make(const char *templ)
{
	snprintf(tmp, sizeof tmp, "%s", templ);
	if (!mkdtemp(tmp)) {
		perror("mkdtemp");
		return -1;
	}
	return 0;
}

static inline int tmp_rm_one(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
	(void)st, (void)flag, (void)ftw;
	return remove(path);
}

/* Removes the test folder and everything in it. */
static inline void tmp_remove(void)
{
	nftw(tmp, tmp_rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

/* A path in the test folder (one of four rotating buffers). */
static inline const char *at(const char *name)
{
	static char bufs[4][256];
	static int i;
	i = (i + 1) % 4;
	snprintf(bufs[i], sizeof bufs[i], "%s/%s", tmp, name);
	return bufs[i];
}

static inline sqlite3 *raw_open(const char *path)
{
	sqlite3 *db = NULL;
	if (sqlite3_open(path, &db) != SQLITE_OK)
		printf("  raw open %s: %s\n", path, sqlite3_errmsg(db));
	sqlite3_busy_timeout(db, 2000);
	return db;
}

static inline int raw_exec(sqlite3 *db, const char *sql)
{
	char *msg = NULL;
	int rc = sqlite3_exec(db, sql, NULL, NULL, &msg);
	if (rc != SQLITE_OK)
		printf("  raw exec: %s\n", msg ? msg : "?");
	sqlite3_free(msg);
	return rc;
}

/* The first column of the first row of sql on path, as an integer (-1
 * when there is no row), or as text into out (when out is not NULL). */
static inline long long raw_value(const char *path, const char *sql, char *out, size_t size)
{
	sqlite3 *db = raw_open(path);
	sqlite3_stmt *st;
	long long v = -1;
	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW) {
			v = sqlite3_column_int64(st, 0);
			if (out)
				snprintf(out, size, "%s", (const char *)sqlite3_column_text(st, 0));
		}
		sqlite3_finalize(st);
	} else {
		printf("  raw prepare: %s\n", sqlite3_errmsg(db));
	}
	sqlite3_close(db);
	return v;
}

static inline long long raw_int(const char *path, const char *sql)
{
	return raw_value(path, sql, NULL, 0);
}

/* The bytes of the file at path, NUL-terminated, their count in *len
 * (the caller frees them); NULL when it cannot be opened. */
static inline char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	*len = 0;
	if (!f)
		return NULL;
	size_t cap = 0, n;
	char chunk[8192];
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0) {
		char *nb = realloc(buf, cap + n + 1);
		if (!nb)
			break;
		buf = nb;
		memcpy(buf + cap, chunk, n);
		cap += n;
		buf[cap] = '\0';
	}
	fclose(f);
	*len = cap;
	return buf ? buf : calloc(1, 1);
}

/* Writes len bytes to path, replacing it. */
static inline void spit(const char *path, const void *bytes, size_t len)
{
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(bytes, 1, len, f) != len)
		printf("  cannot write %s\n", path);
	if (f)
		fclose(f);
}

#endif
