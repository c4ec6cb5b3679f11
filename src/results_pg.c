/* results_pg — the PostgreSQL engine of the results store, through libpq:
 * the schema (in the schema "recall") and its migrations, the roles, and
 * the operations; see results.h and docs/results.md.
 *
 * Every query is parameterised (PQexecParams).  The connection URI is
 * never put in a message: it may hold a password.
 *
 * The order of answers: recall.record_answer, which every answer goes
 * through, takes a transaction-scoped advisory lock before it gives the
 * answer its id (the largest so far plus one), so answers are numbered and
 * committed one after another: an id is visible only once every smaller one
 * is, and results_changes_since never skips one that commits late. */
#include "results.h"

#include "pqlib.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "text.h"

#include "results_live_impl.h"
#include "results_pg_impl.h"

/* The schema version of the PostgreSQL schema (its own numbering). */
#define PG_SCHEMA_VERSION 2

/* The advisory lock keys: making the schema, numbering answers. */
#define LOCK_SCHEMA "7421001"
#define LOCK_ANSWERS "7421002"

/* Version 1, one statement an entry, in one transaction. */
static const char *const schema_v1[] = {
	"CREATE SCHEMA IF NOT EXISTS recall",
	"CREATE TABLE recall.meta (key text PRIMARY KEY, value text NOT NULL)",
	"INSERT INTO recall.meta (key, value) VALUES ('schema_version', '1'),"
	" ('kind', 'recall-results')",
	"CREATE TABLE recall.drills ("
	" id text PRIMARY KEY, class text NOT NULL, decks text NOT NULL,"
	" count integer NOT NULL CHECK (count > 0), seed bigint NOT NULL,"
	" time_limit double precision NOT NULL CHECK (time_limit >= 0),"
	" no_speed integer NOT NULL CHECK (no_speed IN (0, 1)),"
	" no_streak integer NOT NULL CHECK (no_streak IN (0, 1)),"
	" created bigint NOT NULL,"
	" seq bigserial NOT NULL)",  /* the order begun, for drills begun in one second */
	"CREATE INDEX drills_class ON recall.drills (class, created)",
	"CREATE TABLE recall.answers ("
	" id bigint PRIMARY KEY, drill text NOT NULL REFERENCES recall.drills (id),"
	" student text NOT NULL, qindex integer NOT NULL CHECK (qindex >= 0),"
	" deck text NOT NULL, question text NOT NULL, given text NOT NULL,"
	" outcome integer NOT NULL CHECK (outcome BETWEEN 0 AND 4),"
	" credit double precision NOT NULL CHECK (credit BETWEEN 0 AND 1),"
	" points double precision NOT NULL,"
	" seconds double precision NOT NULL CHECK (seconds >= 0),"
	" time bigint NOT NULL, UNIQUE (drill, student, qindex))",
	"CREATE INDEX answers_drill ON recall.answers (drill, id)",
	"CREATE TABLE recall.questions ("
	" drill text NOT NULL REFERENCES recall.drills (id),"
	" qindex integer NOT NULL CHECK (qindex >= 0),"
	" deck text NOT NULL, question text NOT NULL, type text NOT NULL,"
	" prompt text NOT NULL, answer text NOT NULL,"
	" points double precision NOT NULL CHECK (points >= 0),"
	" PRIMARY KEY (drill, qindex))",
	/* Returns the new answer's id, 0 when the student had answered that
	 * question, -1 when the drill has no such question.  A member of
	 * recall_student (and not of recall_teacher) records only as itself. */
	"CREATE FUNCTION recall.record_answer(p_drill text, p_student text, p_qindex integer,"
	" p_deck text, p_question text, p_given text, p_outcome integer,"
	" p_credit double precision, p_points double precision, p_seconds double precision,"
	" p_time bigint) RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER"
	" SET search_path = recall, pg_temp AS $f$"
	" DECLARE new_id bigint;"
	" BEGIN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recall_student')"
	"     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recall_teacher')"
	"     AND pg_has_role(session_user, 'recall_student', 'MEMBER')"
	"     AND NOT pg_has_role(session_user, 'recall_teacher', 'MEMBER')"
	"     AND p_student <> session_user::text THEN"
	"   RAISE EXCEPTION 'a student records answers under their own name only'"
	"    USING ERRCODE = '42501';"
	"  END IF;"
	"  PERFORM pg_advisory_xact_lock(" LOCK_ANSWERS ");"
	"  IF NOT EXISTS (SELECT 1 FROM drills WHERE id = p_drill AND p_qindex < count) THEN"
	"   RETURN -1;"
	"  END IF;"
	"  INSERT INTO answers (id, drill, student, qindex, deck, question, given, outcome,"
	"   credit, points, seconds, time)"
	"  SELECT coalesce(max(id), 0) + 1, p_drill, p_student, p_qindex, p_deck, p_question,"
	"   p_given, p_outcome, p_credit, p_points, p_seconds, p_time FROM answers"
	"  ON CONFLICT (drill, student, qindex) DO NOTHING RETURNING id INTO new_id;"
	"  RETURN coalesce(new_id, 0);"
	" END $f$",
	/* The leaderboard of a drill, for anyone: names and totals only. */
	"CREATE FUNCTION recall.leaderboard(p_drill text)"
	" RETURNS TABLE (student text, points double precision, answered bigint)"
	" LANGUAGE sql STABLE SECURITY DEFINER SET search_path = recall, pg_temp AS $f$"
	" SELECT student, sum(points), count(*) FROM answers WHERE drill = p_drill"
	" GROUP BY student ORDER BY sum(points) DESC, student $f$",
	/* Who reads which answers, once roles are given (results init). */
	"ALTER TABLE recall.answers ENABLE ROW LEVEL SECURITY",
	NULL,
};

/* migrations[v - 1] takes the schema from version v to v + 1, statement by
 * statement (NULL-ended); the last entry, NULL, stands for this version. */

static const char *const *const migrations[] = {
	results_pg_live_v2,
	NULL,
};

_Static_assert(sizeof migrations / sizeof *migrations == PG_SCHEMA_VERSION,
               "one migration per version step, then NULL");

/* ---- messages ---------------------------------------------------------- */

static void pg_fail(struct pg *p, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void pg_fail(struct pg *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err, sizeof p->err, fmt, ap);
	va_end(ap);
}

/* libpq's message, its first line, escaped. */
static const char *pq_message(const char *msg, char *buf, size_t size)
{
	char line[512];
	snprintf(line, sizeof line, "%s", msg ? msg : "");
	line[strcspn(line, "\n")] = '\0';
	return text_escape_into(line, false, buf, size);
}

static void fail_res(struct pg *p, const PGresult *res, const char *doing)
{
	char buf[512];
	const char *msg = res ? PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY) : NULL;
	if (!msg)
		msg = PQerrorMessage(p->conn);
	pg_fail(p, "results database (PostgreSQL): %s: %s", doing, pq_message(msg, buf, sizeof buf));
}

/* ---- queries ----------------------------------------------------------- */

/* Runs sql with n text parameters.  Returns the result when it succeeded
 * (the caller PQclears it), else NULL with the message set.  When the
 * connection was lost and retry is set, reconnects and runs it once more
 * (only where that cannot record twice). */
static PGresult *query(struct pg *p, const char *sql, int n, const char *const *params,
                       const char *doing)
{
	PGresult *res = PQexecParams(p->conn, sql, n, NULL, params, NULL, NULL, 0);
	ExecStatusType st = PQresultStatus(res);
	if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK)
		return res;
	fail_res(p, res, doing);
	PQclear(res);
	return NULL;
}

/* A statement whose result is not wanted: 0 or -1. */
static int run(struct pg *p, const char *sql, int n, const char *const *params,
               const char *doing)
{
	PGresult *res = query(p, sql, n, params, doing);
	PQclear(res);
	return res ? 0 : -1;
}

static void rollback(struct pg *p)
{
	if (PQtransactionStatus(p->conn) != PQTRANS_IDLE)
		PQclear(PQexecParams(p->conn, "ROLLBACK", 0, NULL, NULL, NULL, NULL, 0));
}

/* The settings of every (re)connection. */
static int session_setup(struct pg *p)
{
	char ms[32];
	snprintf(ms, sizeof ms, "%d", p->busy_ms);
	const char *params[2] = { ms, p->readonly ? "on" : "off" };
	return run(p, "SELECT set_config('lock_timeout', $1, false),"
	           " set_config('default_transaction_read_only', $2, false),"
	           " set_config('client_min_messages', 'warning', false)", 2, params,
	           "setting up the connection");
}

/* After a failure: when the connection is gone, connects again (once).
 * Returns 1 when it did and the call may be retried, else 0. */
static int reconnect(struct pg *p)
{
	if (PQstatus(p->conn) == CONNECTION_OK)
		return 0;
	p->listening = false;
	PQreset(p->conn);
	if (PQstatus(p->conn) != CONNECTION_OK)
		return 0;
	return session_setup(p) == 0;
}

static long long num(const PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

static double real(const PGresult *res, int row, int col)
{
	return strtod(PQgetvalue(res, row, col), NULL);
}

/* ---- opening ----------------------------------------------------------- */

/* The schema version, 0 when there is no recall schema, -1 on error
 * (another database's meta included). */
static int schema_version(struct pg *p)
{
	PGresult *res = query(p, "SELECT to_regclass('recall.meta') IS NOT NULL", 0, NULL,
	                      "reading the schema version");
	if (!res)
		return -1;
	bool there = PQgetvalue(res, 0, 0)[0] == 't';
	PQclear(res);
	if (!there)
		return 0;
	res = query(p, "SELECT (SELECT value FROM recall.meta WHERE key = 'schema_version'),"
	            " (SELECT value FROM recall.meta WHERE key = 'kind')", 0, NULL,
	            "reading the schema version");
	if (!res)
		return -1;
	int v = -1;
	if (strcmp(PQgetvalue(res, 0, 1), "recall-results") != 0)
		pg_fail(p, "results database (PostgreSQL): its schema \"recall\" is not recall's "
		        "drill results");
	else
		v = atoi(PQgetvalue(res, 0, 0));
	PQclear(res);
	if (v == 0)
		v = -1, pg_fail(p, "results database (PostgreSQL): no schema version in recall.meta");
	return v;
}

/* Makes or upgrades the schema, in one transaction under a lock so that a
 * class opening it at once makes it once.  0 or -1. */
static int make_schema(struct pg *p)
{
	const char *doing = "making the schema";
	if (run(p, "BEGIN", 0, NULL, doing) != 0 ||
	    run(p, "SELECT pg_advisory_xact_lock(" LOCK_SCHEMA ")", 0, NULL, doing) != 0)
		return rollback(p), -1;
	int v = schema_version(p);
	if (v > PG_SCHEMA_VERSION)
		pg_fail(p, "results database (PostgreSQL) was made by a newer recall; schema "
		        "version %d, this program knows up to %d", v, PG_SCHEMA_VERSION);
	int ok = v >= 0 && v <= PG_SCHEMA_VERSION;
	if (ok && v == 0) {
		for (size_t i = 0; ok && schema_v1[i]; i++)
			ok = run(p, schema_v1[i], 0, NULL, doing) == 0;
		v = 1;
	}
	for (; ok && v < PG_SCHEMA_VERSION; v++) {
		for (size_t i = 0; ok && migrations[v - 1][i]; i++)
			ok = run(p, migrations[v - 1][i], 0, NULL, "upgrading the schema") == 0;
		char ver[16];
		snprintf(ver, sizeof ver, "%d", v + 1);
		const char *params[1] = { ver };
		ok = ok && run(p, "UPDATE recall.meta SET value = $1 WHERE key = 'schema_version'",
		               1, params, "upgrading the schema") == 0;
	}
	if (ok && run(p, "COMMIT", 0, NULL, doing) == 0)
		return 0;
	rollback(p);
	return -1;
}

/* The server's notices (a FATAL one as it shuts down, say) are not for the
 * terminal: libpq would print them raw on stderr.  A failure that matters
 * comes back as an error from the call it failed. */
static void quiet_notice(void *arg, const char *message)
{
	(void)arg, (void)message;
}

static void pg_close(void *h)
{
	struct pg *p = h;
	if (!p)
		return;
	PQfinish(p->conn);
	free(p);
}

static int pg_open(const char *uri, bool readonly, int busy_ms, void **h, char *err,
                   size_t errsize)
{
	*h = NULL;
	char why[300];
	if (pqlib_load(why, sizeof why) != 0)
		return snprintf(err, errsize, "results database (PostgreSQL): %s", why), -1;
	struct pg *p = calloc(1, sizeof *p);
	if (!p)
		return snprintf(err, errsize, "out of memory"), -1;
	p->readonly = readonly;
	p->busy_ms = busy_ms;
	/* The URI's own settings override these defaults. */
	const char *const keys[] = { "connect_timeout", "fallback_application_name", "dbname", NULL };
	const char *const values[] = { "10", "recall", uri, NULL };
	p->conn = PQconnectdbParams(keys, values, 1);
	if (!p->conn) {
		pg_close(p);
		return snprintf(err, errsize, "out of memory"), -1;
	}
	PQsetNoticeProcessor(p->conn, quiet_notice, NULL);
	int ret = -1;
	char buf[512];
	if (PQstatus(p->conn) != CONNECTION_OK) {
		snprintf(err, errsize, "results database (PostgreSQL): cannot connect: %s",
		         pq_message(PQerrorMessage(p->conn), buf, sizeof buf));
	} else if (session_setup(p) != 0) {
		snprintf(err, errsize, "%s", p->err);
	} else if (readonly) {
		int v = schema_version(p);
		if (v == 0)
			snprintf(err, errsize, "no results database at that PostgreSQL database (no "
			         "schema \"recall\"; see 'recall results init')");
		else if (v > PG_SCHEMA_VERSION)
			snprintf(err, errsize, "results database (PostgreSQL) was made by a newer recall;"
			         " schema version %d, this program knows up to %d", v, PG_SCHEMA_VERSION);
		else if (v < 0)
			snprintf(err, errsize, "%s", p->err);
		else
			ret = 0;
	} else if (make_schema(p) != 0) {
		snprintf(err, errsize, "%s", p->err);
	} else {
		ret = 0;
	}
	if (ret != 0) {
		pg_close(p);
		return -1;
	}
	p->err[0] = '\0';
	*h = p;
	return 0;
}

static const char *pg_error(const void *h)
{
	return h ? ((const struct pg *)h)->err : "";
}

/* ---- drills ----------------------------------------------------------- */

#define DRILL_COLS "id, class, decks, count, seed, time_limit, no_speed, no_streak, created"

/* Row i of res (columns DRILL_COLS) handed to fn, its decks split. */
static int drill_row(struct pg *p, const PGresult *res, int i, results_drill_fn *fn, void *ctx)
{
	char *copy = strdup(PQgetvalue(res, i, 2));
	if (!copy)
		return pg_fail(p, "out of memory"), -1;
	const char *list[RESULTS_MAX_DECKS];
	size_t n = results_decks_split(copy, list);
	struct results_drill d = {
		.klass = PQgetvalue(res, i, 1), .decks = list, .ndecks = n,
		.count = (unsigned)num(res, i, 3), .seed = (uint64_t)num(res, i, 4),
		.time_limit = real(res, i, 5), .no_speed = num(res, i, 6) != 0,
		.no_streak = num(res, i, 7) != 0, .created = num(res, i, 8),
	};
	snprintf(d.id, sizeof d.id, "%s", PQgetvalue(res, i, 0));
	int ret = fn(ctx, &d);
	free(copy);
	return ret;
}

/* One try of beginning the drill: 1 begun, 0 continued, -1. */
static int begin_once(struct pg *p, struct results_drill *d, const char *decks)
{
	char count[16], seed[32], limit[40], now[32];
	snprintf(count, sizeof count, "%u", d->count);
	snprintf(seed, sizeof seed, "%lld", (long long)(int64_t)d->seed);
	snprintf(limit, sizeof limit, "%.17g", d->time_limit);
	snprintf(now, sizeof now, "%lld", (long long)time(NULL));
	const char *params[9] = { d->id, d->klass, decks, count, seed, limit,
	                          d->no_speed ? "1" : "0", d->no_streak ? "1" : "0", now };
	const char *doing = "beginning a drill";
	PGresult *res = query(p, "INSERT INTO recall.drills (" DRILL_COLS ") VALUES ($1, $2, $3,"
	                      " $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING", 9, params, doing);
	if (!res)
		return -1;
	int begun = atoi(PQcmdTuples(res)) > 0;
	PQclear(res);
	res = query(p, "SELECT class = $2 AND decks = $3 AND count = $4::integer"
	            " AND seed = $5::bigint AND time_limit = $6::double precision"
	            " AND no_speed = $7::integer AND no_streak = $8::integer, created"
	            " FROM recall.drills WHERE id = $1", 8, params, doing);
	if (!res)
		return -1;
	int ret = begun;
	if (PQntuples(res) != 1) {
		pg_fail(p, "results database (PostgreSQL): %s: the drill's row is missing", doing);
		ret = -1;
	} else if (PQgetvalue(res, 0, 0)[0] != 't') {
		pg_fail(p, "results database (PostgreSQL): drill %s holds other settings", d->id);
		ret = -1;
	} else {
		d->created = num(res, 0, 1);
	}
	PQclear(res);
	return ret;
}

static int pg_drill_begin(void *h, struct results_drill *d)
{
	struct pg *p = h;
	p->err[0] = '\0';
	char *decks = results_decks_join(d);
	if (!decks)
		return pg_fail(p, "out of memory"), -1;
	int ret = begin_once(p, d, decks);  /* each statement commits by itself */
	if (ret < 0 && reconnect(p))
		ret = begin_once(p, d, decks);  /* both statements may run twice */
	free(decks);
	return ret;
}

/* Runs a read, retried once on a lost connection: the result or NULL. */
static PGresult *read_query(struct pg *p, const char *sql, int n, const char *const *params,
                            const char *doing)
{
	PGresult *res = query(p, sql, n, params, doing);
	if (!res && reconnect(p))
		res = query(p, sql, n, params, doing);
	return res;
}

static int pg_each_drill(void *h, const char *klass, results_drill_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *params[1] = { klass };
	PGresult *res = read_query(p, "SELECT " DRILL_COLS " FROM recall.drills WHERE class = $1"
	                           " ORDER BY created, seq", 1, params, "reading the drills");
	if (!res)
		return -1;
	int ret = 0;
	for (int i = 0; ret == 0 && i < PQntuples(res); i++)
		ret = drill_row(p, res, i, fn, ctx);
	PQclear(res);
	return ret;
}

/* ---- answers ---------------------------------------------------------- */

#define ANSWER_COLS "id, drill, student, qindex, deck, question, given, outcome, credit," \
	" points, seconds, time"

static int answer_rows(PGresult *res, results_answer_fn *fn, void *ctx)
{
	int ret = 0;
	for (int i = 0; ret == 0 && i < PQntuples(res); i++) {
		struct results_answer a = {
			.id = num(res, i, 0), .drill = PQgetvalue(res, i, 1),
			.student = PQgetvalue(res, i, 2), .index = (unsigned)num(res, i, 3),
			.deck = PQgetvalue(res, i, 4), .question = PQgetvalue(res, i, 5),
			.given = PQgetvalue(res, i, 6), .outcome = (int)num(res, i, 7),
			.credit = real(res, i, 8), .points = real(res, i, 9),
			.seconds = real(res, i, 10), .time = num(res, i, 11),
		};
		ret = fn(ctx, &a);
	}
	PQclear(res);
	return ret;
}

/* The answer's parameters, $1 to $11 of record_answer. */
struct answer_params {
	char index[16], outcome[16], credit[40], points[40], seconds[40], time[32];
	const char *v[11];
};

static void answer_params(struct answer_params *ap, const struct results_answer *a)
{
	snprintf(ap->index, sizeof ap->index, "%u", a->index);
	snprintf(ap->outcome, sizeof ap->outcome, "%d", a->outcome);
	snprintf(ap->credit, sizeof ap->credit, "%.17g", a->credit);
	snprintf(ap->points, sizeof ap->points, "%.17g", a->points);
	snprintf(ap->seconds, sizeof ap->seconds, "%.17g", a->seconds);
	snprintf(ap->time, sizeof ap->time, "%lld", (long long)a->time);
	const char *v[11] = { a->drill, a->student, ap->index, a->deck, a->question, a->given,
	                      ap->outcome, ap->credit, ap->points, ap->seconds, ap->time };
	memcpy(ap->v, v, sizeof v);
}

/* The id of the student's answer to that question when it is this very
 * answer (recorded by a try whose reply was lost), else 0; -1 on error. */
static int64_t same_answer(struct pg *p, const struct answer_params *ap)
{
	PGresult *res = query(p, "SELECT id FROM recall.answers WHERE drill = $1 AND student = $2"
	                      " AND qindex = $3::integer AND deck = $4 AND question = $5"
	                      " AND given = $6 AND outcome = $7::integer"
	                      " AND credit = $8::double precision AND points = $9::double precision"
	                      " AND seconds = $10::double precision AND time = $11::bigint",
	                      11, ap->v, "recording an answer");
	if (!res)
		return -1;
	int64_t id = PQntuples(res) == 1 ? num(res, 0, 0) : 0;
	PQclear(res);
	return id;
}

static int pg_record(void *h, struct results_answer *a)
{
	struct pg *p = h;
	p->err[0] = '\0';
	struct answer_params ap;
	answer_params(&ap, a);
	static const char sql[] =
		"SELECT recall.record_answer($1, $2, $3::integer, $4, $5, $6, $7::integer,"
		" $8::double precision, $9::double precision, $10::double precision, $11::bigint)";
	/* One statement: its own transaction, committed when it returns. */
	PGresult *res = query(p, sql, 11, ap.v, "recording an answer");
	bool retried = false;
	if (!res && reconnect(p)) {
		retried = true;
		res = query(p, sql, 11, ap.v, "recording an answer");
	}
	if (!res)
		return -1;
	int64_t id = num(res, 0, 0);
	PQclear(res);
	if (id < 0) {
		char drill[64];
		pg_fail(p, "results database (PostgreSQL) has no drill %s with a question %u",
		        text_escape_into(a->drill, false, drill, sizeof drill), a->index);
		return -1;
	}
	if (id == 0 && retried) {
		/* Maybe the lost try committed it: then it is recorded once, now. */
		int64_t same = same_answer(p, &ap);
		if (same < 0)
			return -1;
		id = same;
		if (id == 0)
			return RESULTS_ALREADY;
	} else if (id == 0) {
		return RESULTS_ALREADY;
	}
	a->id = id;
	return 0;
}

static int pg_each_answer(void *h, const char *drill, results_answer_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *params[1] = { drill };
	PGresult *res = read_query(p, "SELECT " ANSWER_COLS " FROM recall.answers WHERE drill = $1"
	                           " ORDER BY id", 1, params, "reading the answers");
	return res ? answer_rows(res, fn, ctx) : -1;
}

static int pg_changes_since(void *h, const char *drill, int64_t last_id,
                            results_answer_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	char last[32];
	snprintf(last, sizeof last, "%lld", (long long)last_id);
	const char *params[2] = { last, drill };
	PGresult *res = read_query(p, "SELECT " ANSWER_COLS " FROM recall.answers"
	                           " WHERE id > $1::bigint AND ($2::text IS NULL OR drill = $2)"
	                           " ORDER BY id", 2, params, "reading the answers");
	return res ? answer_rows(res, fn, ctx) : -1;
}

static int pg_next_index(void *h, const char *drill, const char *student, unsigned *next)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *params[2] = { drill, student };
	PGresult *res = read_query(p,
		"SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM recall.answers"
		"  WHERE drill = $1 AND student = $2 AND qindex = 0) THEN 0"
		" ELSE (SELECT min(a.qindex) + 1 FROM recall.answers a"
		"  WHERE a.drill = $1 AND a.student = $2 AND NOT EXISTS (SELECT 1 FROM recall.answers b"
		"   WHERE b.drill = $1 AND b.student = $2 AND b.qindex = a.qindex + 1)) END",
		2, params, "reading the answers");
	if (!res)
		return -1;
	*next = (unsigned)num(res, 0, 0);
	PQclear(res);
	return 0;
}

/* ---- questions -------------------------------------------------------- */

/* One try: every question in one transaction.  0 or -1. */
static int set_questions_once(struct pg *p, const char *drill, const struct results_question *q,
                              size_t n)
{
	const char *doing = "recording a drill's questions";
	if (run(p, "BEGIN", 0, NULL, doing) != 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; ret == 0 && i < n; i++) {
		char index[16], points[40];
		snprintf(index, sizeof index, "%u", q[i].index);
		snprintf(points, sizeof points, "%.17g", q[i].points);
		const char *params[8] = { drill, index, q[i].deck, q[i].question, q[i].type,
		                          q[i].prompt, q[i].answer, points };
		ret = run(p, "INSERT INTO recall.questions (drill, qindex, deck, question, type,"
		          " prompt, answer, points) SELECT id, $2::integer, $3, $4, $5, $6, $7,"
		          " $8::double precision FROM recall.drills WHERE id = $1"
		          " AND $2::integer < count ON CONFLICT (drill, qindex) DO NOTHING",
		          8, params, doing);
	}
	if (ret == 0)
		ret = run(p, "COMMIT", 0, NULL, doing);
	if (ret != 0)
		rollback(p);
	return ret;
}

static int pg_set_questions(void *h, const char *drill, const struct results_question *q,
                            size_t n)
{
	struct pg *p = h;
	p->err[0] = '\0';
	int ret = set_questions_once(p, drill, q, n);
	if (ret != 0 && reconnect(p))
		ret = set_questions_once(p, drill, q, n);  /* what is there is kept */
	return ret;
}

static int pg_each_question(void *h, const char *drill, results_question_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *params[1] = { drill };
	PGresult *res = read_query(p, "SELECT qindex, deck, question, type, prompt, answer, points"
	                           " FROM recall.questions WHERE drill = $1 ORDER BY qindex", 1,
	                           params, "reading a drill's questions");
	if (!res)
		return -1;
	int ret = 0;
	for (int i = 0; ret == 0 && i < PQntuples(res); i++) {
		struct results_question q = {
			.index = (unsigned)num(res, i, 0), .deck = PQgetvalue(res, i, 1),
			.question = PQgetvalue(res, i, 2), .type = PQgetvalue(res, i, 3),
			.prompt = PQgetvalue(res, i, 4), .answer = PQgetvalue(res, i, 5),
			.points = real(res, i, 6),
		};
		ret = fn(ctx, &q);
	}
	PQclear(res);
	return ret;
}

/* ---- roles ------------------------------------------------------------ */

/* recall_student may begin a drill and record its questions (a drill on
 * one's own pace needs it), record answers through record_answer under its
 * own name, read the drills, the questions without their answers, its own
 * answers and the leaderboard; nothing else: no UPDATE, no DELETE, no
 * other student's answer.  recall_teacher reads everything. */
static const char *const roles_sql[] = {
	"DO $d$ BEGIN"
	" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recall_student') THEN"
	"  CREATE ROLE recall_student NOLOGIN; END IF;"
	" IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recall_teacher') THEN"
	"  CREATE ROLE recall_teacher NOLOGIN; END IF; END $d$",
	"REVOKE ALL ON ALL TABLES IN SCHEMA recall FROM PUBLIC, recall_student, recall_teacher",
	"REVOKE ALL ON ALL FUNCTIONS IN SCHEMA recall FROM PUBLIC",
	"GRANT USAGE ON SCHEMA recall TO recall_student, recall_teacher",
	"GRANT SELECT ON recall.meta TO recall_student",
	"GRANT SELECT, INSERT ON recall.drills TO recall_student",
	"GRANT SELECT (drill, qindex, deck, question, type, prompt, points), INSERT"
	" ON recall.questions TO recall_student",
	"GRANT SELECT ON recall.answers TO recall_student",
	"GRANT USAGE ON SEQUENCE recall.drills_seq_seq TO recall_student, recall_teacher",
	"GRANT EXECUTE ON FUNCTION recall.record_answer(text, text, integer, text, text, text,"
	" integer, double precision, double precision, double precision, bigint),"
	" recall.leaderboard(text) TO recall_student, recall_teacher",
	"GRANT SELECT ON ALL TABLES IN SCHEMA recall TO recall_teacher",
	"GRANT INSERT ON recall.drills, recall.questions TO recall_teacher",
	"DROP POLICY IF EXISTS own_answers ON recall.answers",
	"DROP POLICY IF EXISTS all_answers ON recall.answers",
	"CREATE POLICY own_answers ON recall.answers FOR SELECT TO recall_student"
	" USING (student = session_user::text)",
	"CREATE POLICY all_answers ON recall.answers FOR SELECT TO recall_teacher USING (true)",
	/* The live drill: the host (a teacher) posts; a student reads the
	 * events (never an answer before its question closed), joins and
	 * answers through the functions, and reads only their own answers. */
	"GRANT SELECT ON recall.live_events, recall.live_joined, recall.live_answers"
	" TO recall_student",
	"GRANT INSERT ON recall.live_events TO recall_teacher",
	"GRANT USAGE ON SEQUENCE recall.live_events_seq_seq TO recall_teacher",
	"GRANT EXECUTE ON FUNCTION recall.own_name(text),"
	" recall.live_answer(text, text, integer, text, double precision),"
	" recall.live_join(text, text) TO recall_student, recall_teacher",
	"DROP POLICY IF EXISTS own_live ON recall.live_answers",
	"DROP POLICY IF EXISTS all_live ON recall.live_answers",
	"CREATE POLICY own_live ON recall.live_answers FOR SELECT TO recall_student"
	" USING (student = session_user::text)",
	"CREATE POLICY all_live ON recall.live_answers FOR SELECT TO recall_teacher USING (true)",
};

static int pg_init_roles(void *h)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *doing = "making the roles";
	if (run(p, "BEGIN", 0, NULL, doing) != 0)
		return -1;
	int ret = 0;
	for (size_t i = 0; ret == 0 && i < sizeof roles_sql / sizeof *roles_sql; i++)
		ret = run(p, roles_sql[i], 0, NULL, doing);
	if (ret == 0)
		ret = run(p, "COMMIT", 0, NULL, doing);
	if (ret != 0)
		rollback(p);
	return ret;
}

const struct results_engine results_pg_engine = {
	.name = "postgresql",
	.open = pg_open,
	.close = pg_close,
	.error = pg_error,
	.drill_begin = pg_drill_begin,
	.each_drill = pg_each_drill,
	.record = pg_record,
	.each_answer = pg_each_answer,
	.next_index = pg_next_index,
	.changes_since = pg_changes_since,
	.set_questions = pg_set_questions,
	.each_question = pg_each_question,
	.init_roles = pg_init_roles,
	.live_post = results_pg_live_post,
	.live_events = results_pg_live_events,
	.live_join = results_pg_live_join,
	.live_each_joined = results_pg_live_each_joined,
	.live_answer = results_pg_live_answer,
	.live_each_answer = results_pg_live_each_answer,
	.live_wait = results_pg_live_wait,
};

/* ---- for the live drill's half (results_pg_live.c) ---------------------- */

PGresult *results_pg_query(struct pg *p, const char *sql, int n, const char *const *params,
                           const char *doing)
{
	return query(p, sql, n, params, doing);
}

PGresult *results_pg_read(struct pg *p, const char *sql, int n, const char *const *params,
                          const char *doing)
{
	return read_query(p, sql, n, params, doing);
}

int results_pg_run(struct pg *p, const char *sql, int n, const char *const *params,
                   const char *doing)
{
	return run(p, sql, n, params, doing);
}

void results_pg_rollback(struct pg *p)
{
	rollback(p);
}

int results_pg_reconnect(struct pg *p)
{
	return reconnect(p);
}
