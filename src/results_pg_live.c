/* results_pg_live — the live drill on the PostgreSQL engine: events,
 * joins and answers (docs/results.md), signals by LISTEN/NOTIFY with a
 * polling fallback; see results.h. */
#include "results_live_impl.h"
#include "results_pg_impl.h"

#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The advisory lock that orders answers with the host's posts (results_pg.c
 * holds 7421001 and 7421002). */
#define LOCK_LIVE "7421003"

/* Schema version 1 -> 2: the live drill's tables and functions, one
 * statement an entry (results_pg.c's migrations). */
const char *const results_pg_live_v2[] = {
	"CREATE TABLE recall.live_events ("
	" seq bigserial PRIMARY KEY, drill text NOT NULL REFERENCES recall.drills (id),"
	" class text NOT NULL, kind text NOT NULL CHECK (kind IN ('begin', 'open', 'close', 'end')),"
	" qindex integer NOT NULL, at double precision NOT NULL,"
	" closes double precision NOT NULL, payload text NOT NULL)",
	"CREATE INDEX live_events_drill ON recall.live_events (drill, seq)",
	"CREATE INDEX live_events_class ON recall.live_events (class, seq)",
	"CREATE TABLE recall.live_joined ("
	" drill text NOT NULL REFERENCES recall.drills (id), student text NOT NULL,"
	" at double precision NOT NULL, PRIMARY KEY (drill, student))",
	"CREATE TABLE recall.live_answers ("
	" id bigserial PRIMARY KEY, drill text NOT NULL REFERENCES recall.drills (id),"
	" student text NOT NULL, qindex integer NOT NULL CHECK (qindex >= 0),"
	" given text NOT NULL, time double precision NOT NULL,"
	" UNIQUE (drill, student, qindex))",
	"ALTER TABLE recall.live_answers ENABLE ROW LEVEL SECURITY",
	/* A student's own name only, as record_answer. */
	"CREATE FUNCTION recall.own_name(p_student text) RETURNS void LANGUAGE plpgsql"
	" SECURITY DEFINER SET search_path = recall, pg_temp AS $f$ BEGIN"
	"  IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recall_student')"
	"     AND EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'recall_teacher')"
	"     AND pg_has_role(session_user, 'recall_student', 'MEMBER')"
	"     AND NOT pg_has_role(session_user, 'recall_teacher', 'MEMBER')"
	"     AND p_student <> session_user::text THEN"
	"   RAISE EXCEPTION 'a student answers under their own name only'"
	"    USING ERRCODE = '42501';"
	"  END IF; END $f$",
	/* 1 recorded, 0 answered before, -1 not the open question.  The shared
	 * lock orders it with the host's posts (which take it exclusively). */
	"CREATE FUNCTION recall.live_answer(p_drill text, p_student text, p_qindex integer,"
	" p_given text, p_time double precision) RETURNS integer LANGUAGE plpgsql"
	" SECURITY DEFINER SET search_path = recall, pg_temp AS $f$"
	" DECLARE new_id bigint;"
	" BEGIN"
	"  PERFORM own_name(p_student);"
	"  PERFORM pg_advisory_xact_lock_shared(" LOCK_LIVE ");"
	"  IF NOT coalesce((SELECT kind = 'open' AND qindex = p_qindex FROM live_events"
	"   WHERE drill = p_drill ORDER BY seq DESC LIMIT 1), false) THEN RETURN -1; END IF;"
	"  INSERT INTO live_answers (drill, student, qindex, given, time)"
	"  VALUES (p_drill, p_student, p_qindex, p_given, p_time)"
	"  ON CONFLICT (drill, student, qindex) DO NOTHING RETURNING id INTO new_id;"
	"  RETURN CASE WHEN new_id IS NULL THEN 0 ELSE 1 END;"
	" END $f$",
	"CREATE FUNCTION recall.live_join(p_drill text, p_student text) RETURNS void"
	" LANGUAGE plpgsql SECURITY DEFINER SET search_path = recall, pg_temp AS $f$"
	" BEGIN PERFORM own_name(p_student);"
	"  INSERT INTO live_joined (drill, student, at) SELECT id, p_student,"
	"   extract(epoch FROM clock_timestamp()) FROM drills WHERE id = p_drill"
	"  ON CONFLICT DO NOTHING; END $f$",
	NULL,
};

static long long num(const PGresult *res, int row, int col)
{
	return strtoll(PQgetvalue(res, row, col), NULL, 10);
}

static double real(const PGresult *res, int row, int col)
{
	return strtod(PQgetvalue(res, row, col), NULL);
}

static int post_once(struct pg *p, struct results_live_event *e)
{
	const char *doing = "posting to a live drill";
	char index[16], at[40], closes[40];
	e->at = results_live_now();
	snprintf(index, sizeof index, "%d", e->index);
	snprintf(at, sizeof at, "%.17g", e->at);
	snprintf(closes, sizeof closes, "%.17g", e->closes);
	const char *params[7] = { e->drill, e->klass, e->kind, index, at, closes, e->payload };
	if (results_pg_run(p, "BEGIN", 0, NULL, doing) != 0)
		return -1;
	/* Exclusive: no answer is being recorded while the state changes. */
	PGresult *res = NULL;
	if (results_pg_run(p, "SELECT pg_advisory_xact_lock(" LOCK_LIVE ")", 0, NULL, doing) == 0)
		res = results_pg_query(p, "INSERT INTO recall.live_events (drill, class, kind, qindex,"
		                       " at, closes, payload) VALUES ($1, $2, $3, $4::integer,"
		                       " $5::double precision, $6::double precision, $7) RETURNING seq",
		                       7, params, doing);
	if (!res || results_pg_run(p, "NOTIFY recall_live", 0, NULL, doing) != 0 ||
	    results_pg_run(p, "COMMIT", 0, NULL, doing) != 0) {
		PQclear(res);
		results_pg_rollback(p);
		return -1;
	}
	e->seq = num(res, 0, 0);
	PQclear(res);
	return 0;
}

int results_pg_live_post(void *h, struct results_live_event *e)
{
	struct pg *p = h;
	p->err[0] = '\0';
	int ret = post_once(p, e);
	/* A lost connection: the event is there only if the COMMIT went
	 * through, and a second one of the same kind and index is harmless to
	 * readers (they act on the state, not the count of events). */
	if (ret != 0 && results_pg_reconnect(p))
		ret = post_once(p, e);
	return ret;
}

int results_pg_live_events(void *h, const char *drill, const char *klass, int64_t after,
                           results_live_event_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	char last[32];
	snprintf(last, sizeof last, "%lld", (long long)after);
	const char *params[3] = { last, drill, klass };
	PGresult *res = results_pg_read(p, "SELECT seq, drill, class, kind, qindex, at, closes,"
	                                " payload FROM recall.live_events WHERE seq > $1::bigint"
	                                " AND CASE WHEN $2::text IS NULL THEN class = $3"
	                                " ELSE drill = $2 END ORDER BY seq", 3, params,
	                                "reading a live drill");
	if (!res)
		return -1;
	int ret = 0;
	for (int i = 0; ret == 0 && i < PQntuples(res); i++) {
		struct results_live_event e = {
			.seq = num(res, i, 0), .drill = PQgetvalue(res, i, 1),
			.klass = PQgetvalue(res, i, 2), .kind = PQgetvalue(res, i, 3),
			.index = (int)num(res, i, 4), .at = real(res, i, 5),
			.closes = real(res, i, 6), .payload = PQgetvalue(res, i, 7),
		};
		ret = fn(ctx, &e);
	}
	PQclear(res);
	return ret;
}

int results_pg_live_join(void *h, const char *drill, const char *student)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *params[2] = { drill, student };
	/* Joining twice changes nothing: retried as a read. */
	PGresult *res = results_pg_read(p, "SELECT recall.live_join($1, $2)", 2, params,
	                                "joining a live drill");
	PQclear(res);
	return res ? 0 : -1;
}

int results_pg_live_each_joined(void *h, const char *drill, results_name_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	const char *params[1] = { drill };
	PGresult *res = results_pg_read(p, "SELECT student FROM recall.live_joined WHERE drill = $1"
	                                " ORDER BY at, student", 1, params, "reading a live drill");
	if (!res)
		return -1;
	int ret = 0;
	for (int i = 0; ret == 0 && i < PQntuples(res); i++)
		ret = fn(ctx, PQgetvalue(res, i, 0));
	PQclear(res);
	return ret;
}

int results_pg_live_answer(void *h, const struct results_live_answer *a)
{
	struct pg *p = h;
	p->err[0] = '\0';
	char index[16], time[40];
	snprintf(index, sizeof index, "%d", a->index);
	snprintf(time, sizeof time, "%.17g", a->time);
	const char *params[5] = { a->drill, a->student, index, a->given, time };
	static const char sql[] = "SELECT recall.live_answer($1, $2, $3::integer, $4,"
	                          " $5::double precision)";
	/* One statement, its own transaction; UNIQUE makes a retry after a
	 * lost reply record nothing twice (it reads RESULTS_ALREADY then). */
	PGresult *res = results_pg_read(p, sql, 5, params, "recording a live answer");
	if (!res)
		return -1;
	long long v = num(res, 0, 0);
	PQclear(res);
	return v > 0 ? 0 : v == 0 ? RESULTS_ALREADY : RESULTS_CLOSED;
}

int results_pg_live_each_answer(void *h, const char *drill, int index,
                                results_live_answer_fn *fn, void *ctx)
{
	struct pg *p = h;
	p->err[0] = '\0';
	char ix[16];
	snprintf(ix, sizeof ix, "%d", index);
	const char *params[2] = { drill, ix };
	PGresult *res = results_pg_read(p, "SELECT drill, student, qindex, given, time"
	                                " FROM recall.live_answers WHERE drill = $1"
	                                " AND qindex = $2::integer ORDER BY id", 2, params,
	                                "reading a live drill's answers");
	if (!res)
		return -1;
	int ret = 0;
	for (int i = 0; ret == 0 && i < PQntuples(res); i++) {
		struct results_live_answer a = {
			.drill = PQgetvalue(res, i, 0), .student = PQgetvalue(res, i, 1),
			.index = (int)num(res, i, 2), .given = PQgetvalue(res, i, 3),
			.time = real(res, i, 4),
		};
		ret = fn(ctx, &a);
	}
	PQclear(res);
	return ret;
}

static void nap(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

/* Drops the notifications that came; true when there was one. */
static bool drain(PGconn *c)
{
	bool any = false;
	PGnotify *n;
	while ((n = PQnotifies(c)) != NULL) {
		any = true;
		PQfreemem(n);
	}
	return any;
}

int results_pg_live_wait(void *h, const char *drill, int timeout_ms)
{
	(void)drill;
	struct pg *p = h;
	p->err[0] = '\0';
	int ms = timeout_ms < 250 ? timeout_ms : 250;  /* the polling fallback */
	if (PQstatus(p->conn) != CONNECTION_OK && !results_pg_reconnect(p)) {
		nap(ms);
		return 0;  /* the server is away: the caller polls again */
	}
	if (!p->listening) {
		if (results_pg_run(p, "LISTEN recall_live", 0, NULL, "waiting for the host") != 0) {
			nap(ms);
			return 0;
		}
		p->listening = true;
	}
	if (PQconsumeInput(p->conn) && drain(p->conn))
		return 0;
	struct pollfd pfd = { .fd = PQsocket(p->conn), .events = POLLIN };
	if (pfd.fd >= 0 && ms > 0 && poll(&pfd, 1, ms) > 0) {
		if (!PQconsumeInput(p->conn))
			p->listening = false;
		drain(p->conn);
	} else if (pfd.fd < 0) {
		nap(ms);
	}
	return 0;
}
