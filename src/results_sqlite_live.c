/* results_sqlite_live — the live drill on the SQLite engine: events,
 * joins and answers in tables of their own (docs/results.md), signals by
 * polling; see results.h. */
#include "results_live_impl.h"

#include <sqlite3.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "sqlfile.h"

double results_live_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_REALTIME, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *text_at(sqlite3_stmt *st, int col)
{
	const unsigned char *t = sqlite3_column_text(st, col);
	return t ? (const char *)t : "";
}

/* A schema older than version 4 has no live tables: -1 with a message. */
static int need_live(struct sqlfile *s)
{
	if (s->version >= 4)
		return 0;
	sqlfile_fail(s, "results database '%s' is too old for a live drill (open it for "
	             "writing once to upgrade it)", s->name);
	return -1;
}

int results_sqlite_live_post(void *h, struct results_live_event *e)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (need_live(s) != 0 || sqlfile_exec(s, "BEGIN IMMEDIATE", "posting to a live drill") != 0)
		return -1;
	sqlite3_stmt *st;
	int ret = -1;
	e->at = results_live_now();
	if (sqlfile_prepare(s, "INSERT INTO live_events (drill, class, kind, qindex, at, closes,"
	                    " payload) VALUES (?, ?, ?, ?, ?, ?, ?)", &st) == 0) {
		sqlite3_bind_text(st, 1, e->drill, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, e->klass, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 3, e->kind, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 4, e->index);
		sqlite3_bind_double(st, 5, e->at);
		sqlite3_bind_double(st, 6, e->closes);
		sqlite3_bind_text(st, 7, e->payload, -1, SQLITE_STATIC);
		if (sqlfile_step_done(s, st, "posting to a live drill") == 0) {
			e->seq = sqlite3_last_insert_rowid(s->db);
			ret = sqlfile_exec(s, "COMMIT", "posting to a live drill");
		}
	}
	sqlfile_rollback(s);
	return ret;
}

int results_sqlite_live_events(void *h, const char *drill, const char *klass, int64_t after,
                               results_live_event_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (s->version < 4)
		return 0;  /* no live drill there */
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT seq, drill, class, kind, qindex, at, closes, payload"
	                    " FROM live_events WHERE seq > ? AND (CASE WHEN ?2 IS NULL"
	                    " THEN class = ?3 ELSE drill = ?2 END) ORDER BY seq", &st) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, after);
	if (drill)
		sqlite3_bind_text(st, 2, drill, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, klass, -1, SQLITE_STATIC);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct results_live_event e = {
			.seq = sqlite3_column_int64(st, 0), .drill = text_at(st, 1),
			.klass = text_at(st, 2), .kind = text_at(st, 3),
			.index = sqlite3_column_int(st, 4), .at = sqlite3_column_double(st, 5),
			.closes = sqlite3_column_double(st, 6), .payload = text_at(st, 7),
		};
		ret = fn(ctx, &e);
	}
	return sqlfile_rows_end(s, st, rc, ret, "reading a live drill");
}

int results_sqlite_live_join(void *h, const char *drill, const char *student)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (need_live(s) != 0 || sqlfile_exec(s, "BEGIN IMMEDIATE", "joining a live drill") != 0)
		return -1;
	int ret = -1;
	if (sqlfile_prepare(s, "INSERT OR IGNORE INTO live_joined (drill, student, at)"
	                    " SELECT id, ?2, ?3 FROM drills WHERE id = ?1", &st) == 0) {
		sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, student, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 3, results_live_now());
		if (sqlfile_step_done(s, st, "joining a live drill") == 0)
			ret = sqlfile_exec(s, "COMMIT", "joining a live drill");
	}
	sqlfile_rollback(s);
	return ret;
}

int results_sqlite_live_each_joined(void *h, const char *drill, results_name_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (s->version < 4)
		return 0;
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT student FROM live_joined WHERE drill = ?"
	                    " ORDER BY at, student", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ret = fn(ctx, text_at(st, 0));
	return sqlfile_rows_end(s, st, rc, ret, "reading a live drill");
}

int results_sqlite_live_answer(void *h, const struct results_live_answer *a)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	const char *doing = "recording a live answer";
	if (need_live(s) != 0 || sqlfile_exec(s, "BEGIN IMMEDIATE", doing) != 0)
		return -1;
	/* The write lock orders it with the host's posts: the last event is
	 * the state the answer meets. */
	sqlite3_stmt *st;
	int ret = -1;
	if (sqlfile_prepare(s, "INSERT INTO live_answers (drill, student, qindex, given, time)"
	                    " SELECT ?1, ?2, ?3, ?4, ?5 WHERE (SELECT kind = 'open' AND qindex = ?3"
	                    " FROM live_events WHERE drill = ?1 ORDER BY seq DESC LIMIT 1)",
	                    &st) == 0) {
		sqlite3_bind_text(st, 1, a->drill, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 2, a->student, -1, SQLITE_STATIC);
		sqlite3_bind_int(st, 3, a->index);
		sqlite3_bind_text(st, 4, a->given, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 5, a->time);
		int rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT)
			ret = RESULTS_ALREADY;
		else if (rc != SQLITE_DONE)
			sqlfile_fail_sql(s, rc, doing);
		else if (sqlite3_changes(s->db) == 0)
			ret = RESULTS_CLOSED;
		else
			ret = sqlfile_exec(s, "COMMIT", doing);
	}
	sqlfile_rollback(s);
	return ret;
}

int results_sqlite_live_each_answer(void *h, const char *drill, int index,
                                    results_live_answer_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (s->version < 4)
		return 0;
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT drill, student, qindex, given, time FROM live_answers"
	                    " WHERE drill = ? AND qindex = ? ORDER BY id", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 2, index);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct results_live_answer a = {
			.drill = text_at(st, 0), .student = text_at(st, 1),
			.index = sqlite3_column_int(st, 2), .given = text_at(st, 3),
			.time = sqlite3_column_double(st, 4),
		};
		ret = fn(ctx, &a);
	}
	return sqlfile_rows_end(s, st, rc, ret, "reading a live drill's answers");
}

int results_sqlite_live_wait(void *h, const char *drill, int timeout_ms)
{
	(void)h, (void)drill;
	int ms = timeout_ms < 150 ? timeout_ms : 150;
	if (ms > 0) {
		struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
		nanosleep(&ts, NULL);
	}
	return 0;
}
