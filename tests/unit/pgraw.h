/* pgraw.h — test_results.c's look at a results database of either engine
 * behind the store's back: where a test's database is (a file in the test
 * folder, or with RECALL_TEST_PG_URI a PostgreSQL database of its own made
 * for it), and the first value of a query on it.  Included after sqlraw.h. */
#ifndef RECALL_TEST_PGRAW_H
#define RECALL_TEST_PGRAW_H

#include <ctype.h>
#include <libpq-fe.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* RECALL_TEST_PG_URI: postgresql:///postgres?host=...&port=...&user=... */
static const char *pg_admin;

static inline bool pg_mode(void)
{
	return pg_admin != NULL;
}

/* The admin URI with its database replaced by db, into out. */
static inline void pg_uri_of(const char *db, char *out, size_t size)
{
	const char *q = strchr(pg_admin, '?');
	const char *slash = q ? q : pg_admin + strlen(pg_admin);
	while (slash > pg_admin && *--slash != '/')
		;
	snprintf(out, size, "%.*s/%s%s", (int)(slash - pg_admin), pg_admin, db, q ? q : "");
}

/* Runs sql on database db (NULL: the admin's) as the superuser, or as user
 * when given; the first value of its first row into out (when not NULL).
 * Returns 0 when it succeeded, else -1 with the message into out. */
static inline int pg_raw(const char *db, const char *user, const char *sql, char *out,
                         size_t size)
{
	char uri[512];
	pg_uri_of(db ? db : "postgres", uri, sizeof uri);
	const char *keys[3] = { "dbname", "user", NULL };
	const char *values[3] = { uri, user, NULL };
	PGconn *c = PQconnectdbParams(keys, values, 1);
	int ret = -1;
	if (PQstatus(c) != CONNECTION_OK) {
		if (out)
			snprintf(out, size, "%s", PQerrorMessage(c));
		PQfinish(c);
		return -1;
	}
	PQclear(PQexec(c, "SET search_path = recall; SET client_min_messages = warning"));
	PGresult *res = PQexec(c, sql);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_TUPLES_OK || st == PGRES_COMMAND_OK) {
		ret = 0;
		if (out)
			snprintf(out, size, "%s", PQntuples(res) > 0 ? PQgetvalue(res, 0, 0) : "");
	} else if (out) {
		snprintf(out, size, "%s", PQresultErrorMessage(res));
	}
	PQclear(res);
	PQfinish(c);
	return ret;
}

/* The database name of a test's name ("a/b/results.db": "t_a_b_results_db"). */
static inline void pg_db_name(const char *name, char *out, size_t size)
{
	snprintf(out, size, "t_%s", name);
	for (char *p = out; *p; p++)
		if (!isalnum((unsigned char)*p))
			*p = '_';
}

/* Where the test's database of that name is: a path in the test folder, or
 * the URI of a new, empty PostgreSQL database (made anew each call). */
static inline const char *where(const char *name)
{
	if (!pg_mode())
		return at(name);
	static char bufs[4][512];
	static int i;
	i = (i + 1) % 4;
	char db[128], sql[300], msg[256];
	pg_db_name(name, db, sizeof db);
	snprintf(sql, sizeof sql, "DROP DATABASE IF EXISTS %s", db);
	pg_raw(NULL, NULL, sql, NULL, 0);
	snprintf(sql, sizeof sql, "CREATE DATABASE %s", db);
	if (pg_raw(NULL, NULL, sql, msg, sizeof msg) != 0)
		printf("  %s: %s\n", sql, msg);
	pg_uri_of(db, bufs[i], sizeof bufs[i]);
	return bufs[i];
}

/* The database name inside a URI made by where. */
static inline const char *pg_db_of(const char *uri, char *out, size_t size)
{
	const char *s = strstr(uri, ":///");
	s = s ? s + 4 : uri;
	snprintf(out, size, "%.*s", (int)strcspn(s, "?"), s);
	return out;
}

/* raw_value on either engine: the first value of sql on where as an
 * integer (-1 when no row or on error), or as text into out. */
static inline long long look_value(const char *where_, const char *sql, char *out, size_t size)
{
	if (!results_is_uri(where_))
		return raw_value(where_, sql, out, size);
	char db[128], v[256];
	if (pg_raw(pg_db_of(where_, db, sizeof db), NULL, sql, v, sizeof v) != 0) {
		printf("  %s: %s\n", sql, v);
		return -1;
	}
	if (out && size > 0) {
		size_t n = strlen(v) < size - 1 ? strlen(v) : size - 1;
		memcpy(out, v, n);
		out[n] = '\0';
	}
	return *v ? atoll(v) : -1;
}

static inline long long look_int(const char *where_, const char *sql)
{
	return look_value(where_, sql, NULL, 0);
}

#endif
