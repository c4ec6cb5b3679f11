/* Unit tests of report: a drill recorded through the results store in a
 * temporary folder, read back read-only, and every figure compared with
 * what was worked out by hand (in the comments beside each). */
#include <locale.h>
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "sqlraw.h"
#include "answer.h"
#include "layout.h"
#include "report.h"
#include "report_export.h"
#include "report_text.h"
#include "results.h"
#include "strpool.h"

static char err[1024];

static const char *const decks[1] = { "geo" };

static struct results_drill drill_of(unsigned count, uint64_t seed)
{
	struct results_drill d = { .klass = "5b", .decks = decks, .ndecks = 1, .count = count,
	                           .seed = seed, .time_limit = 20 };
	return d;
}

/* One answer to record: student, question index, outcome, credit, points
 * earned, seconds, what was typed. */
struct ans {
	const char *student;
	unsigned q;
	int outcome;
	double credit, points, seconds;
	const char *given;
};

#define R OUT_CORRECT
#define P OUT_PARTIAL
#define W OUT_WRONG
#define S OUT_SKIPPED
#define T RESULTS_TIMED_OUT

/* The class's drill of four questions (points 100, 200, 100, 100; the
 * fourth answered by nobody), answered question by question as a class
 * would:
 *
 *            q1 (100)          q2 (200)            q3 (100)
 *   ana      right 90  4 s     right 280  6 s      partly .5 40 10 s "2 4 6"
 *   ben      right 100 2 s     wrong "Amazon" 8 s  right 150 5 s
 *   chen     wrong "Lyon" 12 s wrong " amazon " 9  wrong "1 3" 20 s
 *   dana     wrong "lyon" 11 s right 250 7 s       (not answered)
 *   eve      skipped 3 s       timed out 20 s      (not answered)
 */
static const struct ans class_answers[] = {
	{ "ana", 0, R, 1, 90, 4, "Paris" },   { "ben", 0, R, 1, 100, 2, "paris" },
	{ "chen", 0, W, 0, 0, 12, "Lyon" },   { "dana", 0, W, 0, 0, 11, "lyon" },
	{ "eve", 0, S, 0, 0, 3, "" },
	{ "ana", 1, R, 1, 280, 6, "Nile" },   { "ben", 1, W, 0, 0, 8, "Amazon" },
	{ "chen", 1, W, 0, 0, 9, " amazon " }, { "dana", 1, R, 1, 250, 7, "nile" },
	{ "eve", 1, T, 0, 0, 20, "" },
	{ "ana", 2, P, 0.5, 40, 10, "2 4 6" }, { "ben", 2, R, 1, 150, 5, "2 4" },
	{ "chen", 2, W, 0, 0, 20, "1 3" },
};

static const struct results_question class_questions[4] = {
	{ 0, "geo", "fr", "text", "Capital of France?", "Paris", 100 },
	{ 1, "geo", "nile", "choice", "Longest river?", "Nile", 200 },
	{ 2, "geo", "even", "multi", "Which are even?", "2, 4", 100 },
	{ 3, "geo", "peak", "number", "Height of Everest (m)?", "8849", 100 },
};

/* Records the drill (with its questions unless schema 1 is played) at
 * path; fills d. */
static void record_class(const char *path, struct results_drill *d, bool with_questions)
{
	struct results *r = NULL;
	if (results_open(path, 2000, &r, err, sizeof err) != 0) {
		printf("  %s\n", err);
		CHECK(0);
		return;
	}
	CHECK(results_drill_begin(r, d) == 1);
	if (with_questions)
		CHECK(results_set_questions(r, d->id, class_questions, 4) == 0);
	for (size_t i = 0; i < sizeof class_answers / sizeof *class_answers; i++) {
		const struct ans *x = &class_answers[i];
		struct results_answer a = {
			.drill = d->id, .student = x->student, .index = x->q,
			.deck = "geo", .question = class_questions[x->q].question, .given = x->given,
			.outcome = x->outcome, .credit = x->credit, .points = x->points,
			.seconds = x->seconds, .time = 1700000000 + (int64_t)i,
		};
		CHECK(results_record(r, &a) == 0);
	}
	results_close(r);
}

static struct report *load(const char *path, const char *drill)
{
	struct results *r = NULL;
	struct report *rep = NULL;
	if (results_open_readonly(path, 2000, &r, err, sizeof err) != 0) {
		printf("  %s\n", err);
		CHECK(0);
		return NULL;
	}
	int rc = report_load(r, "5b", drill, &rep, err, sizeof err);
	if (rc != 0)
		printf("  report_load: %s\n", err);
	CHECK(rc == 0);
	results_close(r);
	return rep;
}

/* The class's drill of record_class, by its id. */
static struct report *load_class(const char *path)
{
	struct results_drill d = drill_of(4, 42);
	results_drill_id(&d, d.id);
	return load(path, d.id);
}

static const struct report_student *on_board(const struct report *rep, size_t i)
{
	return &rep->students[rep->board[i]];
}

static const struct report_student *student(const struct report *rep, const char *name)
{
	for (size_t i = 0; i < rep->nstudents; i++)
		if (!strcmp(rep->students[i].name, name))
			return &rep->students[i];
	printf("  no student %s\n", name);
	return &rep->students[0];
}

static void group_size(void)
{
	CHECK(report_group_size(0) == 0);
	CHECK(report_group_size(1) == 0);
	CHECK(report_group_size(2) == 1);   /* ceil(0.54) */
	CHECK(report_group_size(3) == 1);   /* ceil(0.81) */
	CHECK(report_group_size(4) == 2);   /* ceil(1.08) */
	CHECK(report_group_size(5) == 2);   /* ceil(1.35) */
	CHECK(report_group_size(30) == 9);  /* ceil(8.1) */
	CHECK(report_group_size(100) == 27);
	CHECK(report_group_size(101) == 28);  /* ceil(27.27) */
}

/* Scores summed; grades of the 500 points: ana 100 + 200 + 0.5 x 100 = 350
 * (70 %), ben 100 + 100 = 200 (40 %), dana 200 (40 %), chen and eve 0.
 * ben and dana tie on score and grade (rank 2, then 4 for the next). */
static void leaderboard_with_ties(void)
{
	const char *path = at("class.db");
	struct results_drill d = drill_of(4, 42);
	record_class(path, &d, true);
	struct report *rep = load(path, NULL);
	if (!rep)
		return;
	CHECK_STR(rep->drill.id, d.id);
	CHECK(rep->points_known);
	CHECK_NUM(rep->points_total, 500);
	CHECK(rep->nstudents == 5 && rep->nanswers == 13);
	static const char *const order[5] = { "ana", "ben", "dana", "chen", "eve" };
	static const unsigned ranks[5] = { 1, 2, 2, 4, 4 };
	static const double scores[5] = { 410, 250, 250, 0, 0 }, grades[5] = { 70, 40, 40, 0, 0 };
	for (size_t i = 0; i < 5; i++) {
		CHECK_STR(on_board(rep, i)->name, order[i]);
		CHECK(on_board(rep, i)->rank == ranks[i]);
		CHECK_NUM(on_board(rep, i)->score, scores[i]);
		CHECK_NUM(on_board(rep, i)->grade, grades[i]);
		CHECK(on_board(rep, i)->change == 0 && on_board(rep, i)->prev_rank == 0);
	}
	const struct report_student *s = student(rep, "ana");
	CHECK(s->answered == 3 && s->right == 2 && s->partly == 1 && s->wrong == 0);
	CHECK_NUM(s->avg_seconds, 20.0 / 3);
	s = student(rep, "chen");
	CHECK(s->answered == 3 && s->right == 0 && s->wrong == 3 && s->timed_out == 0);
	CHECK_NUM(s->avg_seconds, 41.0 / 3);
	/* eve: the skip counts as wrong, the time-out as timed out. */
	s = student(rep, "eve");
	CHECK(s->answered == 2 && s->wrong == 1 && s->timed_out == 1);
	CHECK_NUM(s->avg_seconds, 11.5);
	s = student(rep, "dana");  /* answered only part */
	CHECK(s->answered == 2 && s->right == 1 && s->wrong == 1);
	CHECK_NUM(s->grade, 40);
	report_free(rep);
}

/* q1: 2 of 5 right (0.4), q2: 2 of 5 (0.4), q3: 1 of 3 (ana's partly is not
 * right), q4: nobody.  The groups (5 students: 2 each), by grade then
 * score then name: top ana, ben; bottom chen, eve.  q1: top 2 of 2 right,
 * bottom 0: 1.0; q2: top 1 of 2 (ana), 0.5; q3: top 1 of 2 (ben), 0.5. */
static void questions_hardest_first(void)
{
	const char *path = at("class.db");
	struct report *rep = load(path, NULL);
	if (!rep)
		return;
	CHECK(rep->nquestions == 4 && rep->group == 2);
	const struct report_question *q = rep->questions;
	CHECK_NUM(q[0].facility, 0.4);
	CHECK_NUM(q[1].facility, 0.4);
	CHECK_NUM(q[2].facility, 1.0 / 3);
	CHECK(isnan(q[3].facility));
	CHECK_NUM(q[0].discrimination, 1.0);
	CHECK_NUM(q[1].discrimination, 0.5);
	CHECK_NUM(q[2].discrimination, 0.5);
	CHECK(isnan(q[3].discrimination));
	CHECK(q[0].answered == 5 && q[0].right == 2 && q[0].wrong == 3 && q[0].timed_out == 0);
	CHECK(q[1].answered == 5 && q[1].right == 2 && q[1].wrong == 2 && q[1].timed_out == 1);
	CHECK(q[2].answered == 3 && q[2].right == 1 && q[2].partly == 1 && q[2].wrong == 1);
	CHECK(q[3].answered == 0);
	CHECK_NUM(q[0].avg_seconds, 6.4);
	CHECK_NUM(q[1].avg_seconds, 10);
	CHECK_NUM(q[2].avg_seconds, 35.0 / 3);
	CHECK(isnan(q[3].avg_seconds));
	/* Hardest first; q1 and q2 tie (by index); nobody's last. */
	CHECK(rep->hardest[0] == 2 && rep->hardest[1] == 0 && rep->hardest[2] == 1 &&
	      rep->hardest[3] == 3);
	/* Wrong answers folded: "Lyon" and "lyon" are one (2), shown as the
	 * first given, both given once; " amazon " trimmed and "Amazon"; the
	 * empty skip and time-out are no answer; q3: "2 4 6" (partly) and
	 * "1 3" once each: the first given wins. */
	CHECK_STR(q[0].common_wrong, "Lyon");
	CHECK(q[0].common_wrong_count == 2);
	CHECK_STR(q[1].common_wrong, "Amazon");
	CHECK(q[1].common_wrong_count == 2);
	CHECK_STR(q[2].common_wrong, "2 4 6");
	CHECK(q[2].common_wrong_count == 1);
	CHECK(q[3].common_wrong == NULL && q[3].common_wrong_count == 0);
	CHECK(q[1].known && q[1].points == 200);
	CHECK_STR(q[1].prompt, "Longest river?");
	CHECK_STR(q[1].answer, "Nile");
	CHECK_STR(q[1].type, "choice");
	CHECK_STR(q[3].question, "peak");
	report_free(rep);
}

/* By student name, then question; what was typed, trimmed. */
static void missed_by_student(void)
{
	struct report *rep = load(at("class.db"), NULL);
	if (!rep)
		return;
	static const struct { const char *student; unsigned q; int outcome; const char *given; } want[] = {
		{ "ana", 2, P, "2 4 6" }, { "ben", 1, W, "Amazon" }, { "chen", 0, W, "Lyon" },
		{ "chen", 1, W, "amazon" }, { "chen", 2, W, "1 3" }, { "dana", 0, W, "lyon" },
		{ "eve", 0, S, "" }, { "eve", 1, T, "" },
	};
	CHECK(rep->nmissed == 8);
	for (size_t i = 0; i < 8 && i < rep->nmissed; i++) {
		const struct report_miss *m = &rep->missed[i];
		CHECK_STR(rep->students[m->student].name, want[i].student);
		CHECK(m->question == want[i].q);
		CHECK(m->outcome == want[i].outcome);
		CHECK_STR(m->given, want[i].given);
	}
	CHECK_STR(report_outcome_name(T), "timed out");
	CHECK_STR(report_outcome_name(P), "partly");
	CHECK_STR(report_outcome_name(9), "?");
	report_free(rep);
}

/* A drill of schema 1: no questions kept.  The ids come from the answers;
 * every question weighs alike: ana (1 + 1 + 0.5) / 4 = 62.5 %, ben 2 / 4,
 * dana 1 / 4. */
static void schema_1_points_unknown(void)
{
	const char *path = at("v1.db");
	struct results_drill d = drill_of(4, 42);
	record_class(path, &d, false);
	sqlite3 *db = raw_open(path);
	CHECK(raw_exec(db, "DROP TABLE questions; DROP INDEX answers_drill;"
	                   " UPDATE meta SET value = 1 WHERE key = 'schema_version'") == SQLITE_OK);
	sqlite3_close(db);
	struct report *rep = load(path, NULL);
	if (!rep)
		return;
	CHECK(!rep->points_known);
	CHECK_NUM(rep->points_total, 4);
	CHECK_NUM(student(rep, "ana")->grade, 62.5);
	CHECK_NUM(student(rep, "ben")->grade, 50);
	CHECK_NUM(student(rep, "dana")->grade, 25);
	CHECK_STR(on_board(rep, 0)->name, "ana");
	CHECK(!rep->questions[0].known && rep->questions[0].prompt == NULL);
	CHECK(isnan(rep->questions[0].points));
	CHECK_STR(rep->questions[1].deck, "geo");
	CHECK_STR(rep->questions[1].question, "nile");
	CHECK_STR(rep->questions[3].question, "");  /* nobody answered it: no ids either */
	CHECK_NUM(rep->questions[0].facility, 0.4);
	CHECK(raw_int(path, "SELECT value FROM meta WHERE key = 'schema_version'") == 1);
	report_free(rep);
}

/* Among spellings that fold alike, the one given most often is shown. */
static void most_given_spelling_shown(void)
{
	struct results_drill d = drill_of(2, 7);
	results_drill_id(&d, d.id);
	struct report *rep = report_new(&d, err, sizeof err);
	if (!rep)
		return;
	/* Question 2: only empty answers, which are no wrong answer. */
	static const char *const blank[] = { "", "  " };
	for (size_t i = 0; i < 2; i++) {
		struct results_answer a = { .drill = d.id, .student = "s0", .index = 1,
		                            .given = blank[i], .outcome = i ? T : S };
		CHECK(report_add_answer(rep, &a, NULL) == 0);
	}
	static const char *const given[] = { "Lyon", "Marseille", "lyon", "LYON.", "lyon",
	                                     "Marseille", "Marseille", "Paris" };
	for (size_t i = 0; i < 8; i++) {
		char name[8];
		snprintf(name, sizeof name, "s%zu", i);
		struct results_answer a = { .drill = d.id, .student = name, .index = 0, .deck = "geo",
		                            .question = "fr", .given = given[i],
		                            .outcome = i == 7 ? R : W, .seconds = 1 };
		CHECK(report_add_answer(rep, &a, NULL) == 0);
	}
	CHECK(report_update(rep) == 0);
	/* lyon: 4 (Lyon, lyon, LYON., lyon), shown as "lyon" (twice); Marseille 3. */
	CHECK_STR(rep->questions[0].common_wrong, "lyon");
	CHECK(rep->questions[0].common_wrong_count == 4);
	CHECK_NUM(rep->questions[0].facility, 1.0 / 8);
	CHECK(rep->group == 3);  /* ceil(0.27 x 8) */
	CHECK(rep->questions[1].common_wrong == NULL && rep->questions[1].answered == 2);
	/* An answer past the drill's count is left out. */
	struct results_answer past = { .drill = d.id, .student = "s0", .index = 2, .deck = "geo",
	                               .question = "x", .given = "", .outcome = R };
	CHECK(report_add_answer(rep, &past, NULL) == 0 && rep->nanswers == 10);
	report_free(rep);
}

/* Live: answers added after a mark move ranks, and the change says so. */
static void live_changes_since_the_mark(void)
{
	struct results_drill d = drill_of(2, 7);
	results_drill_id(&d, d.id);
	struct report *rep = report_new(&d, err, sizeof err);
	if (!rep)
		return;
	struct results_question q = { 0, "geo", "fr", "text", "?", "Paris", 100 };
	struct results_question q2 = { 1, "geo", "de", "text", "?", "Berlin", 100 };
	CHECK(report_add_question(rep, &q) == 0 && report_add_question(rep, &q2) == 0);
	struct results_answer a = { .drill = d.id, .student = "ana", .index = 0, .given = "Paris",
	                            .outcome = R, .credit = 1, .points = 100, .seconds = 1 };
	size_t who = 99;
	CHECK(report_add_answer(rep, &a, &who) == 0 && who == 0);
	a.student = "ben";
	a.points = 50;
	CHECK(report_add_answer(rep, &a, &who) == 0 && who == 1);
	CHECK(report_rank(rep) == 0);
	CHECK(student(rep, "ana")->rank == 1 && student(rep, "ben")->rank == 2);
	CHECK_NUM(student(rep, "ana")->grade, 50);  /* 100 of the drill's 200 */
	report_mark(rep);
	a.index = 1;
	a.points = 100;
	CHECK(report_add_answer(rep, &a, &who) == 0 && who == 1);  /* ben: 150 */
	CHECK(report_rank(rep) == 0);
	CHECK_STR(on_board(rep, 0)->name, "ben");
	CHECK(student(rep, "ben")->change == 1 && student(rep, "ben")->prev_rank == 2);
	CHECK(student(rep, "ana")->change == -1);
	CHECK_NUM(rep->questions[1].facility, 1);
	/* A newcomer after the mark has no change. */
	a.student = "chen";
	CHECK(report_add_answer(rep, &a, NULL) == 0 && report_rank(rep) == 0);
	CHECK(student(rep, "chen")->prev_rank == 0 && student(rep, "chen")->change == 0);
	report_free(rep);
}

/* The drill is found by its id or its beginning; the latest by default. */
static void drills_found_by_id(void)
{
	const char *path = at("class.db");
	struct results *r = NULL;
	CHECK(results_open(path, 2000, &r, err, sizeof err) == 0);
	if (!r)
		return;
	struct results_drill first = drill_of(4, 42), later = drill_of(3, 43);
	CHECK(results_drill_begin(r, &first) == 0);  /* recorded by record_class */
	CHECK(results_drill_begin(r, &later) == 1);
	sqlite3 *db = raw_open(path);  /* begun a second later */
	CHECK(raw_exec(db, "UPDATE drills SET created = created + 1 WHERE count = 3") == SQLITE_OK);
	sqlite3_close(db);
	struct report *rep = NULL;
	CHECK(report_find_drill(r, "5b", NULL, &rep, err, sizeof err) == 0);
	CHECK(rep && !strcmp(rep->drill.id, later.id) && rep->drill.count == 3);
	CHECK(rep && rep->drill.ndecks == 1 && !strcmp(rep->drill.decks[0], "geo"));
	CHECK(rep && !strcmp(rep->drill.klass, "5b"));
	report_free(rep);
	char prefix[8];
	snprintf(prefix, sizeof prefix, "%.6s", first.id);
	CHECK(report_load(r, "5b", prefix, &rep, err, sizeof err) == 0);
	CHECK(rep && !strcmp(rep->drill.id, first.id) && rep->nanswers == 13);
	report_free(rep);
	CHECK(report_find_drill(r, "5b", "abc", &rep, err, sizeof err) == 1 && !rep);
	CHECK(strstr(err, "first 4 characters") != NULL);
	CHECK(report_find_drill(r, "5b", "zzzzzzzz", &rep, err, sizeof err) == 1 && !rep);
	CHECK(strstr(err, "has no drill 'zzzzzzzz'") != NULL);
	CHECK(report_find_drill(r, "6a\x1b[31m", NULL, &rep, err, sizeof err) == 1 && !rep);
	CHECK_STR(err, "class '6a\\e[31m' has no drill yet");
	results_close(r);
}

/* What report_render gave: the widest line, and whether a raw control
 * character came through. */
struct lines_seen {
	size_t n, widest;
	bool control;
	char first[128], bar_line[256];
};

static int see_line(void *ctx, const struct report_line *l)
{
	struct lines_seen *s = ctx;
	size_t w = layout_width(l->text, strlen(l->text));
	s->widest = w > s->widest ? w : s->widest;
	for (const char *p = l->text; *p; p++)
		s->control = s->control || (unsigned char)*p < 0x20 || *p == 0x7f;
	if (s->n++ == 0)
		snprintf(s->first, sizeof s->first, "%s", l->text);
	if (l->has_bar && !s->bar_line[0]) {
		CHECK(l->bar.start < l->bar.end && l->bar.start <= l->bar.split &&
		      l->bar.split <= l->bar.end);
		snprintf(s->bar_line, sizeof s->bar_line, "%s", l->text);
	}
	return 0;
}

/* Every line of every view fits every width from 30 columns on, and what
 * the results hold comes escaped. */
static void lines_fit_the_width(void)
{
	struct report *rep = load_class(at("class.db"));
	if (!rep)
		return;
	/* A student's name with an escape and a long wrong answer. */
	struct results_answer a = { .drill = rep->drill.id, .student = "\x1b[31mmallory", .index = 3,
	                            .deck = "geo", .question = "peak", .outcome = W, .seconds = 1,
	                            .given = "a very long answer that goes on and on, far past the "
	                                     "width of any terminal line, and then some more" };
	CHECK(report_add_answer(rep, &a, NULL) == 0 && report_update(rep) == 0);
	for (size_t w = 20; w <= 132; w++) {
		for (int live = 0; live < 2; live++) {
			struct report_view v = { w, true, REPORT_SHOW_ALL, live != 0 };
			struct lines_seen seen = { 0 };
			CHECK(report_render(rep, &v, see_line, &seen) == 0);
			if (seen.widest > (w < 30 ? 30 : w) || seen.control) {
				printf("  width %zu%s: a line of %zu columns%s\n", w, live ? " live" : "",
				       seen.widest, seen.control ? ", a control character" : "");
				CHECK(0);
			}
		}
	}
	struct report_view v = { 80, false, REPORT_SHOW_ALL, false };
	struct lines_seen seen = { 0 };
	CHECK(report_render(rep, &v, see_line, &seen) == 0);
	CHECK(strncmp(seen.first, "Report: class 5b - drill ", 25) == 0);
	CHECK_STR(seen.bar_line, "  q1   ################------------------------   40%  2 of 5");
	report_free(rep);
}

static int stop_at_once(void *ctx, const struct report_line *l)
{
	(void)ctx, (void)l;
	return 7;
}

static void render_stops_when_asked(void)
{
	struct report *rep = load_class(at("class.db"));
	if (!rep)
		return;
	struct report_view v = { 80, true, REPORT_SHOW_ALL, false };
	CHECK(report_render(rep, &v, stop_at_once, NULL) == 7);
	report_free(rep);
}

static void watch_lines_and_ordinals(void)
{
	char b[16], line[256];
	CHECK_STR(report_ordinal(1, b), "1st");
	CHECK_STR(report_ordinal(2, b), "2nd");
	CHECK_STR(report_ordinal(3, b), "3rd");
	CHECK_STR(report_ordinal(4, b), "4th");
	CHECK_STR(report_ordinal(11, b), "11th");
	CHECK_STR(report_ordinal(12, b), "12th");
	CHECK_STR(report_ordinal(13, b), "13th");
	CHECK_STR(report_ordinal(21, b), "21st");
	CHECK_STR(report_ordinal(112, b), "112th");
	struct report *rep = load_class(at("class.db"));
	if (!rep)
		return;
	struct results_answer a = { .drill = rep->drill.id, .student = "dana", .index = 2,
	                            .given = "2 4", .outcome = R, .credit = 1, .points = 150 };
	size_t who;
	CHECK(report_add_answer(rep, &a, &who) == 0 && report_rank(rep) == 0);
	report_answer_line(rep, &a, who, true, line, sizeof line);
	CHECK_STR(line, "answer: dana q3 right +150 \u00b7 dana 2nd 400");
	report_answer_line(rep, &a, who, false, line, sizeof line);
	CHECK_STR(line, "answer: dana q3 right +150 - dana 2nd 400");
	report_free(rep);
}

/* CSV: RFC 4180 quoting, CRLF, none empty, formulas kept from running. */
static void csv_quoting_and_formulas(void)
{
	struct results_drill d = drill_of(1, 9);
	results_drill_id(&d, d.id);
	struct report *rep = report_new(&d, err, sizeof err);
	if (!rep)
		return;
	static const char *const names[] = { "=1+1", "Smith, \"Jo\"", "-x", "\x1b[1mbold" };
	for (size_t i = 0; i < 4; i++) {
		struct results_answer a = { .drill = d.id, .student = names[i], .index = 0, .deck = "geo",
		                            .question = "fr", .given = "@SUM(A1)", .outcome = W,
		                            .seconds = 2 };
		CHECK(report_add_answer(rep, &a, NULL) == 0);
	}
	CHECK(report_update(rep) == 0);
	char *buf = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&buf, &len);
	if (!f)
		return;
	CHECK(report_write_csv(rep, REPORT_TABLE_MISSED, f, false) == 0);
	fclose(f);
	/* By name, in byte order: ESC, '-', '=', 'S'. */
	CHECK_STR(buf, "student,number,deck,question,prompt,outcome,given,answer,points,seconds\r\n"
	               "\x1b[1mbold,1,geo,fr,,wrong,'@SUM(A1),,0,2\r\n"
	               "'-x,1,geo,fr,,wrong,'@SUM(A1),,0,2\r\n"
	               "'=1+1,1,geo,fr,,wrong,'@SUM(A1),,0,2\r\n"
	               "\"Smith, \"\"Jo\"\"\",1,geo,fr,,wrong,'@SUM(A1),,0,2\r\n");
	free(buf);
	/* For a terminal, the text is escaped too. */
	f = open_memstream(&buf, &len);
	if (!f)
		return;
	CHECK(report_write_csv(rep, REPORT_TABLE_LEADERBOARD, f, true) == 0);
	fclose(f);
	CHECK(strstr(buf, "\\e[1mbold,0,0,") != NULL && !strchr(buf, '\x1b'));
	free(buf);
	CHECK(report_table_by_name("questions") == REPORT_TABLE_QUESTIONS);
	CHECK(report_table_by_name("students") == -1);
	report_free(rep);
}

static void strpool_numbers_in_order(void)
{
	struct strpool *p = strpool_new();
	if (!p)
		return;
	char b[32];
	for (int i = 0; i < 5000; i++) {
		snprintf(b, sizeof b, "s%d", i);
		CHECK(strpool_add(p, b, strlen(b)) == i);
	}
	CHECK(strpool_add(p, "s42", 3) == 42);
	CHECK(strpool_find(p, "s4999", 5) == 4999);
	CHECK(strpool_find(p, "s5000", 5) == -1);
	CHECK(strpool_add(p, "a\0b", 3) == 5000);  /* bytes, NULs and all */
	size_t len;
	CHECK(memcmp(strpool_get(p, 5000, &len), "a\0b", 4) == 0 && len == 3);
	CHECK(strpool_count(p) == 5001);
	strpool_free(p);
}

int main(void)
{
	if (tmp_make("/tmp/recall-report-XXXXXX") != 0)
		return 1;
	setlocale(LC_CTYPE, "C.UTF-8");
	RUN(group_size);
	RUN(leaderboard_with_ties);
	RUN(questions_hardest_first);
	RUN(missed_by_student);
	RUN(schema_1_points_unknown);
	RUN(most_given_spelling_shown);
	RUN(live_changes_since_the_mark);
	RUN(drills_found_by_id);
	RUN(lines_fit_the_width);
	RUN(render_stops_when_asked);
	RUN(watch_lines_and_ordinals);
	RUN(csv_quoting_and_formulas);
	RUN(strpool_numbers_in_order);
	tmp_remove();
	return check_done();
}
