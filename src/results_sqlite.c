/* results_sqlite — the SQLite engine of the results store: the schema and
 * its migrations, opened with sqlfile.c's refusals (as the progress store
 * is), and the operations; see results.h and docs/results.md. */
#include "results.h"

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sqlfile.h"
#include "results_live_impl.h"
#include "text.h"

/* Version 1.  New databases are made by running it and then every
 * migration, so that a fresh database and an upgraded one cannot differ.
 * meta's kind tells a results database from a progress one. */
static const char schema_v1[] =
	"CREATE TABLE meta (key TEXT PRIMARY KEY NOT NULL, value NOT NULL);"
	"INSERT INTO meta (key, value) VALUES ('schema_version', 1), ('kind', 'recall-results');"
	"CREATE TABLE drills ("
	" id TEXT PRIMARY KEY NOT NULL,"
	" class TEXT NOT NULL, decks TEXT NOT NULL,"
	" count INTEGER NOT NULL CHECK (count > 0),"
	" seed INTEGER NOT NULL,"
	" time_limit REAL NOT NULL CHECK (time_limit >= 0),"
	" no_speed INTEGER NOT NULL CHECK (no_speed IN (0, 1)),"
	" no_streak INTEGER NOT NULL CHECK (no_streak IN (0, 1)),"
	" created INTEGER NOT NULL);"
	"CREATE INDEX drills_class ON drills (class, created);"
	"CREATE TABLE answers ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" drill TEXT NOT NULL REFERENCES drills (id),"
	" student TEXT NOT NULL,"
	" qindex INTEGER NOT NULL CHECK (qindex >= 0),"
	" deck TEXT NOT NULL, question TEXT NOT NULL, given TEXT NOT NULL,"
	" outcome INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 4),"
	" credit REAL NOT NULL CHECK (credit BETWEEN 0 AND 1),"
	" points REAL NOT NULL,"
	" seconds REAL NOT NULL CHECK (seconds >= 0),"
	" time INTEGER NOT NULL,"
	" UNIQUE (drill, student, qindex));";

/* migrations[v - 1] takes a database from version v to v + 1; the last
 * entry, NULL, stands for the version this program writes. */
static const char *const migrations[] = {
	/* 1 -> 2: the questions of each drill, as asked, so that a report
	 * needs no deck files. */
	"CREATE TABLE questions ("
	" drill TEXT NOT NULL REFERENCES drills (id),"
	" qindex INTEGER NOT NULL CHECK (qindex >= 0),"
	" deck TEXT NOT NULL, question TEXT NOT NULL, type TEXT NOT NULL,"
	" prompt TEXT NOT NULL, answer TEXT NOT NULL,"
	" points REAL NOT NULL CHECK (points >= 0),"
	" PRIMARY KEY (drill, qindex));",
	/* 2 -> 3: a drill's answers in the order recorded without a sort (the
	 * index holds the rowid after the drill): what a report reads. */
	"CREATE INDEX answers_drill ON answers (drill);",
	/* 3 -> 4: live drills (results_live.h): the host's events, who joined,
	 * and the answers as typed, one per student and question. */
	"CREATE TABLE live_events ("
	" seq INTEGER PRIMARY KEY AUTOINCREMENT,"
	" drill TEXT NOT NULL REFERENCES drills (id), class TEXT NOT NULL,"
	" kind TEXT NOT NULL CHECK (kind IN ('begin', 'open', 'close', 'end')),"
	" qindex INTEGER NOT NULL, at REAL NOT NULL, closes REAL NOT NULL,"
	" payload TEXT NOT NULL);"
	"CREATE INDEX live_events_drill ON live_events (drill);"
	"CREATE INDEX live_events_class ON live_events (class);"
	"CREATE TABLE live_joined ("
	" drill TEXT NOT NULL REFERENCES drills (id), student TEXT NOT NULL,"
	" at REAL NOT NULL, PRIMARY KEY (drill, student));"
	"CREATE TABLE live_answers ("
	" id INTEGER PRIMARY KEY AUTOINCREMENT,"
	" drill TEXT NOT NULL REFERENCES drills (id), student TEXT NOT NULL,"
	" qindex INTEGER NOT NULL CHECK (qindex >= 0), given TEXT NOT NULL,"
	" time REAL NOT NULL, UNIQUE (drill, student, qindex));",
	NULL,
};

_Static_assert(sizeof migrations / sizeof *migrations == RESULTS_SCHEMA_VERSION,
               "one migration per version step, then NULL");

static const struct sqlfile_schema schema = {
	.v1 = schema_v1,
	.migrations = migrations,
	.version = RESULTS_SCHEMA_VERSION,
	.version_sql = "SELECT value FROM meta WHERE key = 'schema_version'"
	               " AND typeof(value) = 'integer' AND EXISTS (SELECT 1 FROM meta"
	               " WHERE key = 'kind' AND value = 'recall-results')",
	.whose = "drill results",
	.check_bytes = 0,  /* always checked in full */
	.read_from = 1,    /* 2 adds the questions (none before), 3 an index */
};

static void sq_close(void *h)
{
	struct sqlfile *s = h;
	if (!s)
		return;
	sqlite3_close(s->db);
	free(s);
}

static int sq_open(const char *path, bool readonly, int busy_ms, void **h, char *err,
                   size_t errsize)
{
	*h = NULL;
	struct sqlfile *s = calloc(1, sizeof *s);
	if (!s)
		return snprintf(err, errsize, "out of memory"), -1;
	s->what = "results";
	s->busy_ms = busy_ms;
	s->readonly = readonly;
	if (sqlfile_open(s, path, &schema) != 0) {
		snprintf(err, errsize, "%s", s->err);
		sq_close(s);
		return -1;
	}
	*h = s;
	return 0;
}

static const char *sq_error(const void *h)
{
	return h ? ((const struct sqlfile *)h)->err : "";
}

/* ---- drills ----------------------------------------------------------- */

#define DRILL_COLS "id, class, decks, count, seed, time_limit, no_speed, no_streak, created"

/* The drill of row st (columns DRILL_COLS) handed to fn; its decks,
 * stored one a line, split into a list. */
static int drill_row(struct sqlfile *s, sqlite3_stmt *st, results_drill_fn *fn, void *ctx)
{
	const char *decks = (const char *)sqlite3_column_text(st, 2);
	char *copy = strdup(decks ? decks : "");
	if (!copy)
		return sqlfile_fail(s, "out of memory"), -1;
	const char *list[RESULTS_MAX_DECKS];
	size_t n = results_decks_split(copy, list);
	const char *id = (const char *)sqlite3_column_text(st, 0);
	const char *klass = (const char *)sqlite3_column_text(st, 1);
	struct results_drill d = {
		.klass = klass ? klass : "", .decks = list, .ndecks = n,
		.count = (unsigned)sqlite3_column_int64(st, 3),
		.seed = (uint64_t)sqlite3_column_int64(st, 4),
		.time_limit = sqlite3_column_double(st, 5),
		.no_speed = sqlite3_column_int(st, 6) != 0,
		.no_streak = sqlite3_column_int(st, 7) != 0,
		.created = sqlite3_column_int64(st, 8),
	};
	snprintf(d.id, sizeof d.id, "%s", id ? id : "");
	int ret = fn(ctx, &d);
	free(copy);
	return ret;
}

/* Binds a drill's id and settings to parameters 1 to 8, in the order of
 * DRILL_COLS. */
static void bind_drill(sqlite3_stmt *st, const struct results_drill *d, const char *decks)
{
	sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, d->klass, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, decks, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 4, d->count);
	sqlite3_bind_int64(st, 5, (sqlite3_int64)d->seed);
	sqlite3_bind_double(st, 6, d->time_limit);
	sqlite3_bind_int(st, 7, d->no_speed);
	sqlite3_bind_int(st, 8, d->no_streak);
}

/* Inserts the drill's row unless it is there: 1 inserted, 0 there, -1. */
static int insert_drill(struct sqlfile *s, const struct results_drill *d, const char *decks)
{
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "INSERT INTO drills (" DRILL_COLS ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
	            " ON CONFLICT (id) DO NOTHING", &st) != 0)
		return -1;
	bind_drill(st, d, decks);
	sqlite3_bind_int64(st, 9, (sqlite3_int64)time(NULL));
	if (sqlfile_step_done(s, st, "beginning a drill") != 0)
		return -1;
	return sqlite3_changes(s->db) > 0;
}

/* What the row of the drill's id holds must be its settings (two settings
 * sharing an id would take a collision of the hash): sets d->created. */
static int check_drill_row(struct sqlfile *s, struct results_drill *d, const char *decks)
{
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT class = ?2 AND decks = ?3 AND count = ?4 AND seed = ?5"
	            " AND time_limit = ?6 AND no_speed = ?7 AND no_streak = ?8, created"
	            " FROM drills WHERE id = ?1", &st) != 0)
		return -1;
	bind_drill(st, d, decks);
	int rc = sqlite3_step(st), ret = 0;
	if (rc != SQLITE_ROW) {
		sqlfile_fail_sql(s, rc == SQLITE_DONE ? SQLITE_ERROR : rc, "beginning a drill");
		ret = -1;
	} else if (sqlite3_column_int(st, 0) != 1) {
		sqlfile_fail(s, "results database '%s': drill %s holds other settings", s->name, d->id);
		ret = -1;
	} else {
		d->created = sqlite3_column_int64(st, 1);
	}
	sqlite3_finalize(st);
	return ret;
}

static int sq_drill_begin(void *h, struct results_drill *d)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	char *decks = results_decks_join(d);
	if (!decks)
		return sqlfile_fail(s, "out of memory"), -1;
	int begun = -1;
	if (sqlfile_exec(s, "BEGIN IMMEDIATE", "beginning a drill") == 0) {
		begun = insert_drill(s, d, decks);
		if (begun >= 0 && (check_drill_row(s, d, decks) != 0 ||
		                   sqlfile_exec(s, "COMMIT", "beginning a drill") != 0))
			begun = -1;
		sqlfile_rollback(s);
	}
	free(decks);
	return begun;
}

static int sq_each_drill(void *h, const char *klass, results_drill_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT " DRILL_COLS " FROM drills WHERE class = ?"
	            " ORDER BY created, rowid", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, klass, -1, SQLITE_STATIC);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW)
		ret = drill_row(s, st, fn, ctx);
	return sqlfile_rows_end(s, st, rc, ret, "reading the drills");
}

/* ---- answers ---------------------------------------------------------- */

#define ANSWER_COLS "id, drill, student, qindex, deck, question, given, outcome, credit," \
	" points, seconds, time"

static const char *text_at(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);
	return t ? t : "";
}

/* Steps st (columns ANSWER_COLS), handing each answer to fn; finalizes it.
 * Returns 0, the callback's value, or -1. */
static int answer_rows(struct sqlfile *s, sqlite3_stmt *st, results_answer_fn *fn, void *ctx)
{
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct results_answer a = {
			.id = sqlite3_column_int64(st, 0), .drill = text_at(st, 1),
			.student = text_at(st, 2), .index = (unsigned)sqlite3_column_int64(st, 3),
			.deck = text_at(st, 4), .question = text_at(st, 5), .given = text_at(st, 6),
			.outcome = sqlite3_column_int(st, 7), .credit = sqlite3_column_double(st, 8),
			.points = sqlite3_column_double(st, 9), .seconds = sqlite3_column_double(st, 10),
			.time = sqlite3_column_int64(st, 11),
		};
		ret = fn(ctx, &a);
	}
	return sqlfile_rows_end(s, st, rc, ret, "reading the answers");
}

/* The insert, in the open transaction: 0, RESULTS_ALREADY, or -1.  Only a
 * question of the drill (index below its count) is taken. */
static int insert_answer(struct sqlfile *s, struct results_answer *a)
{
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "INSERT INTO answers (drill, student, qindex, deck, question, given,"
	            " outcome, credit, points, seconds, time)"
	            " SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 FROM drills"
	            " WHERE id = ?1 AND ?3 < count", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, a->drill, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, a->student, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 3, a->index);
	sqlite3_bind_text(st, 4, a->deck, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 5, a->question, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 6, a->given, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 7, a->outcome);
	sqlite3_bind_double(st, 8, a->credit);
	sqlite3_bind_double(st, 9, a->points);
	sqlite3_bind_double(st, 10, a->seconds);
	sqlite3_bind_int64(st, 11, a->time);
	int rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc == SQLITE_CONSTRAINT_UNIQUE)
		return RESULTS_ALREADY;
	if (rc != SQLITE_DONE)
		return sqlfile_fail_sql(s, rc, "recording an answer"), -1;
	if (sqlite3_changes(s->db) == 0) {
		char drill[64];
		sqlfile_fail(s, "results database '%s' has no drill %s with a question %u", s->name,
		     text_escape_into(a->drill, false, drill, sizeof drill), a->index);
		return -1;
	}
	a->id = sqlite3_last_insert_rowid(s->db);
	return 0;
}

static int sq_record(void *h, struct results_answer *a)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (sqlfile_exec(s, "BEGIN IMMEDIATE", "recording an answer") != 0)
		return -1;
	int ret = insert_answer(s, a);
	if (ret == 0 && sqlfile_exec(s, "COMMIT", "recording an answer") != 0)
		ret = -1;
	sqlfile_rollback(s);
	return ret;
}

static int sq_each_answer(void *h, const char *drill, results_answer_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT " ANSWER_COLS " FROM answers WHERE drill = ? ORDER BY id", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	return answer_rows(s, st, fn, ctx);
}

static int sq_changes_since(void *h, const char *drill, int64_t last_id,
                            results_answer_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT " ANSWER_COLS " FROM answers WHERE id > ?1"
	            " AND (?2 IS NULL OR drill = ?2) ORDER BY id", &st) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, last_id);
	if (drill)
		sqlite3_bind_text(st, 2, drill, -1, SQLITE_STATIC);
	return answer_rows(s, st, fn, ctx);
}

/* The first index with no answer: 0 when the first is unanswered, else the
 * first answered one whose next is not. */
static int sq_next_index(void *h, const char *drill, const char *student, unsigned *next)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM answers"
	            "  WHERE drill = ?1 AND student = ?2 AND qindex = 0) THEN 0"
	            " ELSE (SELECT min(a.qindex) + 1 FROM answers a"
	            "  WHERE a.drill = ?1 AND a.student = ?2 AND NOT EXISTS (SELECT 1 FROM answers b"
	            "   WHERE b.drill = ?1 AND b.student = ?2 AND b.qindex = a.qindex + 1)) END",
	            &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, student, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*next = (unsigned)sqlite3_column_int64(st, 0);
	else
		sqlfile_fail_sql(s, rc, "reading the answers");
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

/* ---- questions -------------------------------------------------------- */

static int sq_set_questions(void *h, const char *drill, const struct results_question *q,
                            size_t n)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (sqlfile_exec(s, "BEGIN IMMEDIATE", "recording a drill's questions") != 0)
		return -1;
	sqlite3_stmt *st = NULL;
	int ret = sqlfile_prepare(s, "INSERT INTO questions (drill, qindex, deck, question, type,"
	                  " prompt, answer, points) SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8"
	                  " FROM drills WHERE id = ?1 AND ?2 < count"
	                  " ON CONFLICT (drill, qindex) DO NOTHING", &st);
	for (size_t i = 0; ret == 0 && i < n; i++) {
		sqlite3_reset(st);
		sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
		sqlite3_bind_int64(st, 2, q[i].index);
		sqlite3_bind_text(st, 3, q[i].deck, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 4, q[i].question, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 5, q[i].type, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 6, q[i].prompt, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 7, q[i].answer, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 8, q[i].points);
		int rc = sqlite3_step(st);
		if (rc != SQLITE_DONE)
			sqlfile_fail_sql(s, rc, "recording a drill's questions"), ret = -1;
	}
	sqlite3_finalize(st);
	if (ret == 0 && sqlfile_exec(s, "COMMIT", "recording a drill's questions") != 0)
		ret = -1;
	sqlfile_rollback(s);
	return ret;
}

static int sq_each_question(void *h, const char *drill, results_question_fn *fn, void *ctx)
{
	struct sqlfile *s = h;
	s->err[0] = '\0';
	if (s->version < 2)
		return 0;  /* read as it is: the questions were not kept yet */
	sqlite3_stmt *st;
	if (sqlfile_prepare(s, "SELECT qindex, deck, question, type, prompt, answer, points"
	            " FROM questions WHERE drill = ? ORDER BY qindex", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, drill, -1, SQLITE_STATIC);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct results_question q = {
			.index = (unsigned)sqlite3_column_int64(st, 0), .deck = text_at(st, 1),
			.question = text_at(st, 2), .type = text_at(st, 3), .prompt = text_at(st, 4),
			.answer = text_at(st, 5), .points = sqlite3_column_double(st, 6),
		};
		ret = fn(ctx, &q);
	}
	return sqlfile_rows_end(s, st, rc, ret, "reading a drill's questions");
}

const struct results_engine results_sqlite_engine = {
	.name = "sqlite",
	.open = sq_open,
	.close = sq_close,
	.error = sq_error,
	.drill_begin = sq_drill_begin,
	.each_drill = sq_each_drill,
	.record = sq_record,
	.each_answer = sq_each_answer,
	.next_index = sq_next_index,
	.changes_since = sq_changes_since,
	.set_questions = sq_set_questions,
	.each_question = sq_each_question,
	.live_post = results_sqlite_live_post,
	.live_events = results_sqlite_live_events,
	.live_join = results_sqlite_live_join,
	.live_each_joined = results_sqlite_live_each_joined,
	.live_answer = results_sqlite_live_answer,
	.live_each_answer = results_sqlite_live_each_answer,
	.live_wait = results_sqlite_live_wait,
};
