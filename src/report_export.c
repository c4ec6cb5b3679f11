/* report_export — the report's tables as CSV and the report as JSON; see
 * report_export.h and docs/report.md. */
#include "report_export.h"

#include <inttypes.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emit.h"
#include "text.h"

static const char *const table_names[REPORT_NTABLES] = { "leaderboard", "questions", "missed" };

const char *report_table_name(enum report_table t)
{
	return t < REPORT_NTABLES ? table_names[t] : "?";
}

int report_table_by_name(const char *name)
{
	for (int t = 0; t < REPORT_NTABLES; t++)
		if (!strcmp(name, table_names[t]))
			return t;
	return -1;
}

/* One value of a row, whichever way it is written. */
enum kind { TEXT, NUMBER, COUNT };
struct field {
	const char *name;
	enum kind kind;
	const char *text;   /* TEXT: NULL for none */
	double number;      /* NUMBER: NAN for none; COUNT: a whole number */
};

#define F_TEXT(n, v) { (n), TEXT, (v), 0 }
#define F_NUM(n, v) { (n), NUMBER, NULL, (v) }
#define F_COUNT(n, v) { (n), COUNT, NULL, (double)(v) }

/* The rows of each table: fills f (room for 20) with row i; returns how
 * many rows there are when i is past them, else the number of fields. */
static size_t leaderboard_row(const struct report *rep, size_t i, struct field *f)
{
	if (i >= rep->nstudents)
		return 0;
	const struct report_student *s = &rep->students[rep->board[i]];
	struct field row[] = {
		F_COUNT("rank", s->rank), F_TEXT("student", s->name), F_NUM("score", s->score),
		F_NUM("grade", s->grade), F_COUNT("answered", s->answered),
		F_COUNT("right", s->right), F_COUNT("partly", s->partly), F_COUNT("wrong", s->wrong),
		F_COUNT("timed_out", s->timed_out), F_NUM("avg_seconds", s->avg_seconds),
	};
	memcpy(f, row, sizeof row);
	return sizeof row / sizeof *row;
}

static size_t questions_row(const struct report *rep, size_t i, struct field *f)
{
	if (i >= rep->nquestions)
		return 0;
	const struct report_question *q = &rep->questions[rep->hardest[i]];
	struct field row[] = {
		F_COUNT("order", i + 1), F_COUNT("number", q->index + 1), F_TEXT("deck", q->deck),
		F_TEXT("question", q->question), F_TEXT("type", q->type),
		F_TEXT("prompt", q->prompt), F_TEXT("answer", q->answer), F_NUM("points", q->points),
		F_COUNT("answered", q->answered), F_COUNT("right", q->right),
		F_COUNT("partly", q->partly), F_COUNT("wrong", q->wrong),
		F_COUNT("timed_out", q->timed_out), F_NUM("facility", q->facility),
		F_NUM("discrimination", q->discrimination), F_TEXT("common_wrong", q->common_wrong),
		F_COUNT("common_wrong_count", q->common_wrong_count),
		F_NUM("avg_seconds", q->avg_seconds),
	};
	memcpy(f, row, sizeof row);
	return sizeof row / sizeof *row;
}

static size_t missed_row(const struct report *rep, size_t i, struct field *f)
{
	if (i >= rep->nmissed)
		return 0;
	const struct report_miss *m = &rep->missed[i];
	const struct report_question *q = &rep->questions[m->question];
	struct field row[] = {
		F_TEXT("student", rep->students[m->student].name), F_COUNT("number", q->index + 1),
		F_TEXT("deck", q->deck), F_TEXT("question", q->question),
		F_TEXT("prompt", q->prompt), F_TEXT("outcome", report_outcome_name(m->outcome)),
		F_TEXT("given", m->given), F_TEXT("answer", q->answer), F_NUM("points", m->points),
		F_NUM("seconds", m->seconds),
	};
	memcpy(f, row, sizeof row);
	return sizeof row / sizeof *row;
}

typedef size_t row_fn(const struct report *rep, size_t i, struct field *f);
static row_fn *const rows[REPORT_NTABLES] = { leaderboard_row, questions_row, missed_row };

/* The header row's names, from a row made of nothing. */
static size_t header_of(enum report_table t, struct field *f)
{
	static const struct report_student s;
	static const struct report_question q = { .deck = "", .question = "" };
	static const struct report_miss m = { .given = "" };
	size_t zero = 0;
	struct report rep = { .students = (struct report_student *)&s, .nstudents = 1,
	                      .board = &zero, .questions = (struct report_question *)&q,
	                      .nquestions = 1, .hardest = &zero,
	                      .missed = (struct report_miss *)&m, .nmissed = 1 };
	return rows[t](&rep, 0, f);
}

/* ---- CSV ---------------------------------------------------------------- */

/* A text field; -1 when memory ran out (escaping it for a terminal). */
static int csv_text(FILE *out, const char *s, bool for_terminal)
{
	if (!s)
		return 0;
	char *esc = for_terminal ? text_escape(s, false) : NULL;
	if (for_terminal && !esc)
		return -1;
	const char *t = esc ? esc : s;
	emit_csv_field_led(out, t[0] && strchr("=+-@\t\r", t[0]) ? '\'' : '\0', t);
	free(esc);
	return 0;
}

int report_write_csv(const struct report *rep, enum report_table t, FILE *out, bool for_terminal)
{
	struct field f[20];
	size_t n = header_of(t, f);
	for (size_t k = 0; k < n; k++)
		fprintf(out, "%s%s", k ? "," : "", f[k].name);
	fputs("\r\n", out);
	for (size_t i = 0; (n = rows[t](rep, i, f)) > 0; i++) {
		for (size_t k = 0; k < n; k++) {
			if (k)
				putc(',', out);
			if (f[k].kind != TEXT) {
				if (!isnan(f[k].number))
					emit_number(out, f[k].number);
			} else if (csv_text(out, f[k].text, for_terminal) != 0) {
				return REPORT_EXPORT_OOM;
			}
		}
		fputs("\r\n", out);
		if (ferror(out))
			return -1;
	}
	return ferror(out) ? -1 : 0;
}

/* ---- JSON ---------------------------------------------------------------- */

static void json_value(FILE *out, const struct field *f)
{
	if (f->kind == TEXT && f->text)
		emit_json_string(out, f->text);
	else if (f->kind == TEXT)
		fputs("null", out);
	else
		emit_number(out, f->number);  /* NAN: null */
}

static void json_table(FILE *out, const struct report *rep, enum report_table t)
{
	struct field f[20];
	size_t n;
	fprintf(out, ",\n  \"%s\": [", report_table_name(t));
	for (size_t i = 0; (n = rows[t](rep, i, f)) > 0 && !ferror(out); i++) {
		fputs(i ? ",\n    {" : "\n    {", out);
		for (size_t k = 0; k < n; k++) {
			fprintf(out, "%s\"%s\": ", k ? ", " : "", f[k].name);
			json_value(out, &f[k]);
		}
		putc('}', out);
	}
	fputs(rows[t](rep, 0, f) ? "\n  ]" : "]", out);
}

int report_write_json(const struct report *rep, FILE *out)
{
	const struct results_drill *d = &rep->drill;
	char when[32] = "?";
	time_t tt = (time_t)d->created;
	struct tm tm;
	if (gmtime_r(&tt, &tm))
		strftime(when, sizeof when, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fputs("{\n  \"format\": \"recall-report/1\",\n  \"class\": ", out);
	emit_json_string(out, d->klass);
	fputs(",\n  \"drill\": {\"id\": ", out);
	emit_json_string(out, d->id);
	fputs(", \"decks\": [", out);
	for (size_t i = 0; i < d->ndecks; i++) {
		fputs(i ? ", " : "", out);
		emit_json_string(out, d->decks[i]);
	}
	fprintf(out, "], \"count\": %u, \"seed\": %" PRIu64 ", \"time_limit\": ", d->count, d->seed);
	emit_number(out, d->time_limit);
	fprintf(out, ", \"no_speed\": %s, \"no_streak\": %s, \"created\": \"%s\"},\n",
	        d->no_speed ? "true" : "false", d->no_streak ? "true" : "false", when);
	fprintf(out, "  \"points_known\": %s,\n  \"points_total\": ",
	        rep->points_known ? "true" : "false");
	emit_number(out, rep->points_total);
	fprintf(out, ",\n  \"students\": %zu,\n  \"answers\": %zu,\n  \"group\": %zu",
	        rep->nstudents, rep->nanswers, rep->group);
	for (int t = 0; t < REPORT_NTABLES; t++)
		json_table(out, rep, (enum report_table)t);
	fputs("\n}\n", out);
	return ferror(out) ? -1 : 0;
}
