/* test_results_pg.h — the tests of test_results.c that only PostgreSQL
 * has: its schema's version, a lost connection, the roles.  Included by
 * test_results.c once, after its helpers. */

/* uri as another user (the URIs made by where name none: PGUSER is the
 * superuser's). */
static const char *as_user(const char *uri, const char *user)
{
	static char buf[1200];
	size_t n = strlen(uri);
	if (n + strlen(user) + 7 > sizeof buf)
		return uri;
	memcpy(buf, uri, n);
	strcpy(buf + n, "&user=");
	strcpy(buf + n + 6, user);
	return buf;
}

/* Runs sql on uri's database as user: 0 when it succeeded, else -1 with
 * the message in err. */
static int sql_as(const char *uri, const char *user, const char *sql)
{
	char db[128];
	return pg_raw(pg_db_of(uri, db, sizeof db), user, sql, err, sizeof err);
}

static void pg_refuses_a_newer_or_foreign_schema(void)
{
	const char *uri = where("newer");
	results_close(open_rw(uri));
	CHECK(sql_as(uri, NULL, "UPDATE meta SET value = '99' WHERE key = 'schema_version'") == 0);
	struct results *r = (struct results *)1;
	CHECK(results_open(uri, 100, &r, err, sizeof err) == -1 && !r);
	CHECK(strstr(err, "was made by a newer recall; schema version 99, this program knows up to 2"));
	r = (struct results *)1;
	CHECK(results_open_readonly(uri, 100, &r, err, sizeof err) == -1 && !r);
	CHECK(strstr(err, "newer recall") != NULL);
	CHECK(look_int(uri, "SELECT value FROM meta WHERE key = 'schema_version'") == 99);
	CHECK(sql_as(uri, NULL, "UPDATE meta SET value = '1' WHERE key = 'schema_version';"
	             " UPDATE meta SET value = 'something-else' WHERE key = 'kind'") == 0);
	CHECK(results_open(uri, 100, &r, err, sizeof err) == -1);
	CHECK(strstr(err, "not recall's drill results") != NULL);
}

/* The server ends the connection between two answers (as a restart or a
 * network cut does): the next answer is recorded after connecting again,
 * once; the same answer given again after a cut counts as the one recorded,
 * and nothing is doubled. */
static void pg_lost_connection_records_once(void)
{
	const char *uri = where("lost");
	char db[128];
	pg_db_of(uri, db, sizeof db);
	char kill[300];
	snprintf(kill, sizeof kill, "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
	         " WHERE datname = '%s' AND application_name = 'recall'", db);
	struct results *r = open_rw(uri);
	struct results_drill d = drill("5b", 5, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_answer a = answer(d.id, "ana", 0), b = answer(d.id, "ana", 1);
	CHECK(results_record(r, &a) == 0);
	CHECK(look_int(uri, kill) == 1);
	CHECK(results_record(r, &b) == 0);
	CHECK(b.id == a.id + 1);
	CHECK(look_int(uri, kill) == 1);
	struct results_answer again = b;
	again.id = 0;
	CHECK(results_record(r, &again) == 0 && again.id == b.id);  /* its reply was lost */
	CHECK(results_record(r, &again) == RESULTS_ALREADY);
	CHECK(look_int(uri, kill) == 1);
	struct seen seen = { 0 };
	CHECK(results_each_answer(r, d.id, collect_answer, &seen) == 0 && seen.n == 2);
	CHECK(look_int(uri, "SELECT count(*) FROM answers") == 2);
	results_close(r);
}

static void pg_student_role_is_confined(void)
{
	const char *uri = where("roles");
	char uri_copy[600];
	snprintf(uri_copy, sizeof uri_copy, "%s", uri);
	uri = uri_copy;
	CHECK(results_init(uri, err, sizeof err) == 0);
	CHECK(sql_as(uri, NULL, "DO $$ BEGIN"
	             " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ana') THEN"
	             "  CREATE ROLE ana LOGIN IN ROLE recall_student; END IF;"
	             " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ben') THEN"
	             "  CREATE ROLE ben LOGIN IN ROLE recall_student; END IF;"
	             " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tess') THEN"
	             "  CREATE ROLE tess LOGIN IN ROLE recall_teacher; END IF; END $$") == 0);
	struct results *owner = open_rw(uri);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(owner, &d) == 1);
	struct results_question q = { 0, "capitals", "q-fr", "text", "Capital of France?", "Paris", 100 };
	CHECK(results_set_questions(owner, d.id, &q, 1) == 0);
	struct results_answer b = answer(d.id, "ben", 0);
	CHECK(results_record(owner, &b) == 0);
	results_close(owner);

	/* Ana, a student: joins the drill, records her own answers, reads them. */
	struct results *ana = open_rw(as_user(uri, "ana"));
	CHECK(ana != NULL);
	if (!ana)
		return;
	struct results_drill same = drill("5b", 3, 42);
	CHECK(results_drill_begin(ana, &same) == 0);
	CHECK(results_set_questions(ana, d.id, &q, 1) == 0);
	struct results_answer a = answer(d.id, "ana", 0), forged = answer(d.id, "ben", 1);
	CHECK(results_record(ana, &a) == 0);
	CHECK(results_record(ana, &forged) == -1);  /* not under another's name */
	CHECK(strstr(results_error(ana), "their own name") != NULL);
	struct seen seen = { 0 };
	CHECK(results_each_answer(ana, d.id, collect_answer, &seen) == 0);
	CHECK(seen.n == 1 && !strcmp(seen.a[0].student, "ana"));  /* not Ben's */
	struct questions_seen qs = { 0 };
	CHECK(results_each_question(ana, d.id, collect_question, &qs) == -1);  /* no answers */
	results_close(ana);
	/* Behind the store's back, as Ana: no update, no delete, no insert of
	 * her own, no right answers; the leaderboard she may read. */
	static const char *const refused[] = {
		"UPDATE answers SET points = 10000 WHERE student = 'ana'",
		"DELETE FROM answers",
		"DELETE FROM answers WHERE student = 'ana'",
		"INSERT INTO answers (id, drill, student, qindex, deck, question, given, outcome,"
		" credit, points, seconds, time) SELECT 99, id, 'ana', 2, 'd', 'q', '', 0, 1, 5000, 1, 1"
		" FROM drills",
		"SELECT answer FROM questions",
		"UPDATE drills SET count = 1",
		"DELETE FROM questions",
		"TRUNCATE answers",
	};
	for (size_t i = 0; i < sizeof refused / sizeof *refused; i++) {
		CHECK(sql_as(uri, "ana", refused[i]) == -1);
		if (!strstr(err, "permission denied"))
			printf("  %s: %s\n", refused[i], err);
		CHECK(strstr(err, "permission denied") != NULL);
	}
	char v[64];
	CHECK(pg_raw(pg_db_of(uri, v, sizeof v), "ana",
	             "SELECT count(*) FROM answers WHERE student = 'ben'", v, sizeof v) == 0);
	CHECK_STR(v, "0");
	char lb[128];
	snprintf(lb, sizeof lb, "SELECT string_agg(student, ',') FROM leaderboard('%s')", d.id);
	CHECK(pg_raw(pg_db_of(uri, v, sizeof v), "ana", lb, v, sizeof v) == 0);
	CHECK_STR(v, "ana,ben");
	CHECK(look_int(uri, "SELECT count(*) FROM answers") == 2);
	CHECK(look_int(uri, "SELECT sum(points) FROM answers") == 1750);
	/* Tess, a teacher, reads everything: the report's view. */
	struct results *tess = NULL;
	CHECK(results_open_readonly(as_user(uri, "tess"), 100, &tess, err, sizeof err) == 0);
	seen = (struct seen){ 0 };
	CHECK(tess && results_each_answer(tess, d.id, collect_answer, &seen) == 0 && seen.n == 2);
	qs = (struct questions_seen){ 0 };
	CHECK(tess && results_each_question(tess, d.id, collect_question, &qs) == 0 && qs.n == 1);
	results_close(tess);
	CHECK(sql_as(uri, "tess", "DELETE FROM answers") == -1);
}

static void pg_init_again_changes_nothing(void)
{
	const char *uri = where("init");
	CHECK(results_init(uri, err, sizeof err) == 0);
	struct results *r = open_rw(uri);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	struct results_answer a = answer(d.id, "ana", 0);
	CHECK(results_record(r, &a) == 0);
	results_close(r);
	CHECK(results_init(uri, err, sizeof err) == 0);
	CHECK(look_int(uri, "SELECT count(*) FROM answers") == 1);
	CHECK(look_int(uri, "SELECT count(*) FROM pg_policies WHERE schemaname = 'recall'") == 4);
}

/* An answer whose transaction is still open holds back the ones after it:
 * a watcher sees neither until it commits, then both in order, so polling
 * with the last id seen skips none. */
static void pg_ids_become_visible_in_order(void)
{
	const char *uri = where("order");
	char db[128], uri_copy[600];
	snprintf(uri_copy, sizeof uri_copy, "%s", uri);
	uri = uri_copy;
	struct results *r = open_rw(uri);
	struct results_drill d = drill("5b", 3, 42);
	CHECK(results_drill_begin(r, &d) == 1);
	char conninfo[600];
	pg_uri_of(pg_db_of(uri, db, sizeof db), conninfo, sizeof conninfo);
	PGconn *c = PQconnectdb(conninfo);
	CHECK(PQstatus(c) == CONNECTION_OK);
	const char *params[1] = { d.id };
	PGresult *res = PQexecParams(c, "BEGIN", 0, NULL, NULL, NULL, NULL, 0);
	PQclear(res);
	res = PQexecParams(c, "SELECT recall.record_answer($1, 'ana', 0, 'capitals', 'q-fr',"
	                   " 'Paris', 0, 1, 875, 5, 1700000000)", 1, NULL, params, NULL, NULL, 0);
	CHECK(PQresultStatus(res) == PGRES_TUPLES_OK && !strcmp(PQgetvalue(res, 0, 0), "1"));
	PQclear(res);
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		struct results *w = NULL;
		struct results_answer b = answer(d.id, "ben", 0);
		int bad = results_open(uri, 10000, &w, err, sizeof err) != 0 ||
		          results_record(w, &b) != 0 || b.id != 2;
		results_close(w);
		_exit(bad);
	}
	/* Until the child waits for the lock. */
	long long waiting = 0;
	for (int tries = 0; waiting < 1 && tries < 400; tries++) {
		waiting = look_int(uri, "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory'"
		                   " AND NOT granted");
		if (waiting < 1)
			usleep(25000);
	}
	CHECK(waiting == 1);
	struct seen seen = { 0 };
	CHECK(results_changes_since(r, d.id, 0, collect_answer, &seen) == 0 && seen.n == 0);
	PQclear(PQexecParams(c, "COMMIT", 0, NULL, NULL, NULL, NULL, 0));
	int status = -1;
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	CHECK(results_changes_since(r, d.id, 0, collect_answer, &seen) == 0 && seen.n == 2);
	CHECK(seen.a[0].id == 1 && seen.a[1].id == 2);
	CHECK_STR(seen.a[0].student, "ana");
	PQfinish(c);
	results_close(r);
}

/* In a live drill a student answers the open question under their own
 * name only, reads their own answers only, and can neither post, change
 * nor delete anything. */
static void pg_student_role_in_a_live_drill(void)
{
	const char *uri = where("liveroles");
	char uri_copy[600];
	snprintf(uri_copy, sizeof uri_copy, "%s", uri);
	uri = uri_copy;
	CHECK(results_init(uri, err, sizeof err) == 0);
	CHECK(sql_as(uri, NULL, "DO $$ BEGIN"
	             " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ana') THEN"
	             "  CREATE ROLE ana LOGIN IN ROLE recall_student; END IF;"
	             " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'ben') THEN"
	             "  CREATE ROLE ben LOGIN IN ROLE recall_student; END IF;"
	             " IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'tess') THEN"
	             "  CREATE ROLE tess LOGIN IN ROLE recall_teacher; END IF; END $$") == 0);
	struct results *tess = open_rw(as_user(uri, "tess"));
	struct results *ana = open_rw(as_user(uri, "ana"));
	struct results *ben = open_rw(as_user(uri, "ben"));
	CHECK(tess && ana && ben);
	if (!tess || !ana || !ben) {
		results_close(tess), results_close(ana), results_close(ben);
		return;
	}
	struct results_drill d = drill("6R", 2, 9);
	CHECK(results_drill_begin(tess, &d) == 1);
	struct results_live_event e = { .drill = d.id, .klass = "6R", .kind = "open", .index = 0,
	                                .payload = "{}" };
	CHECK(results_live_post(tess, &e) == 0);
	CHECK(results_live_join(ana, d.id, "ana") == 0);
	CHECK(results_live_join(ana, d.id, "ben") == -1);  /* not as another */
	struct results_live_answer a = live_answer(d.id, "ana", 0, "Paris");
	struct results_live_answer forged = live_answer(d.id, "ben", 0, "Rome");
	struct results_live_answer b = live_answer(d.id, "ben", 0, "Lyon");
	CHECK(results_live_answer(ana, &a) == 0);
	CHECK(results_live_answer(ana, &forged) == -1);
	CHECK(strstr(results_error(ana), "their own name") != NULL);
	CHECK(results_live_answer(ben, &b) == 0);
	struct live_seen seen = { "", 0 };
	CHECK(results_live_each_answer(ana, d.id, 0, collect_live, &seen) == 0);
	CHECK_STR(seen.text, "ana=Paris");  /* not Ben's */
	struct live_seen all = { "", 0 };
	CHECK(results_live_each_answer(tess, d.id, 0, collect_live, &all) == 0);
	CHECK_STR(all.text, "ana=Paris ben=Lyon");
	/* A student posts nothing (a close of their own would end answering). */
	struct results_live_event fake = { .drill = d.id, .klass = "6R", .kind = "close",
	                                   .index = 0, .payload = "{}" };
	CHECK(results_live_post(ana, &fake) == -1);
	CHECK(sql_as(uri, "ana", "UPDATE recall.live_answers SET given = 'x'") == -1);
	CHECK(sql_as(uri, "ana", "DELETE FROM recall.live_answers") == -1);
	CHECK(sql_as(uri, "ana", "INSERT INTO recall.live_answers (drill, student, qindex, given,"
	             " time) VALUES ('x', 'ana', 1, 'y', 0)") == -1);
	CHECK(sql_as(uri, "ana", "UPDATE recall.live_events SET kind = 'end'") == -1);
	CHECK(look_int(uri, "SELECT count(*) FROM live_answers") == 2);
	CHECK(look_int(uri, "SELECT count(*) FROM live_events") == 1);
	results_close(tess), results_close(ana), results_close(ben);
}
