/* store_export — the progress written out as JSON or CSV, one row at a
 * time; see store.h and docs/progress.md. */
#include "store.h"
#include "store_db.h"

#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "emit.h"

void store_time_iso(int64_t t, char out[32])
{
	time_t tt = (time_t)t;
	struct tm tm;
	if ((int64_t)tt != t || !gmtime_r(&tt, &tm) ||
	    strftime(out, 32, "%Y-%m-%dT%H:%M:%SZ", &tm) == 0)
		snprintf(out, 32, "?");
}

static void write_json_time(FILE *out, int64_t t)
{
	char iso[32];
	store_time_iso(t, iso);
	emit_json_string(out, iso);
}

struct export {
	FILE *out;
	size_t n;  /* rows written so far in the current array */
};

static int json_item(void *ctx, const struct store_item *it)
{
	struct export *x = ctx;
	fputs(x->n++ ? ",\n    {\"deck\": " : "\n    {\"deck\": ", x->out);
	emit_json_string(x->out, it->deck);
	fputs(", \"question\": ", x->out);
	emit_json_string(x->out, it->question);
	fprintf(x->out, ", \"state\": \"%s\", \"stability\": ", store_state_name(it->state));
	emit_number(x->out, it->stability);
	fputs(", \"difficulty\": ", x->out);
	emit_number(x->out, it->difficulty);
	fputs(", \"due\": ", x->out);
	write_json_time(x->out, it->due);
	fputs(", \"last_review\": ", x->out);
	write_json_time(x->out, it->last_review);
	fprintf(x->out, ", \"reps\": %u, \"lapses\": %u}", it->reps, it->lapses);
	return ferror(x->out) ? 1 : 0;
}

static int json_review(void *ctx, const struct store_review *r)
{
	struct export *x = ctx;
	fputs(x->n++ ? ",\n    {\"deck\": " : "\n    {\"deck\": ", x->out);
	emit_json_string(x->out, r->deck);
	fputs(", \"question\": ", x->out);
	emit_json_string(x->out, r->question);
	fputs(", \"time\": ", x->out);
	write_json_time(x->out, r->time);
	fprintf(x->out, ", \"grade\": %d, \"state_before\": \"%s\", \"state_after\": \"%s\", "
	        "\"stability\": ", r->grade, store_state_name(r->state_before),
	        store_state_name(r->state_after));
	emit_number(x->out, r->stability);
	fputs(", \"difficulty\": ", x->out);
	emit_number(x->out, r->difficulty);
	fputs(", \"elapsed_days\": ", x->out);
	emit_number(x->out, r->elapsed_days);
	fprintf(x->out, ", \"scheduled_days\": %d, \"answer\": ", r->scheduled_days);
	emit_json_string(x->out, r->answer);
	fputs(", \"seconds\": ", x->out);
	emit_number(x->out, r->seconds);
	putc('}', x->out);
	return ferror(x->out) ? 1 : 0;
}

static int csv_review(void *ctx, const struct store_review *r)
{
	struct export *x = ctx;
	char iso[32];
	store_time_iso(r->time, iso);
	emit_csv_field(x->out, r->deck);
	putc(',', x->out);
	emit_csv_field(x->out, r->question);
	fprintf(x->out, ",%s,%d,%s,%s,", iso, r->grade, store_state_name(r->state_before),
	        store_state_name(r->state_after));
	emit_number(x->out, r->stability);
	putc(',', x->out);
	emit_number(x->out, r->difficulty);
	putc(',', x->out);
	emit_number(x->out, r->elapsed_days);
	fprintf(x->out, ",%d,", r->scheduled_days);
	emit_csv_field(x->out, r->answer);
	putc(',', x->out);
	emit_number(x->out, r->seconds);
	fputs("\r\n", x->out);
	return ferror(x->out) ? 1 : 0;
}

static int export_json(struct store *s, struct export *x)
{
	fputs("{\n  \"format\": \"recall-progress/1\",\n  \"items\": [", x->out);
	int ret = store_each_item(s, json_item, x);
	if (ret == 0) {
		fputs(x->n ? "\n  ],\n  \"reviews\": [" : "],\n  \"reviews\": [", x->out);
		x->n = 0;
		ret = store_each_review(s, json_review, x);
	}
	if (ret == 0)
		fputs(x->n ? "\n  ]\n}\n" : "]\n}\n", x->out);
	return ret;
}

int store_export(struct store *s, FILE *out, enum store_format format, char *err,
                 size_t errsize)
{
	struct export x = { out, 0 };
	/* One read transaction: the items and the reviews of one moment. */
	int ret = store_exec(s, "BEGIN", "exporting");
	if (ret != 0) {
	} else if (format == STORE_EXPORT_JSON) {
		ret = export_json(s, &x);
	} else {
		fputs("deck,question,time,grade,state_before,state_after,stability,difficulty,"
		      "elapsed_days,scheduled_days,answer,seconds\r\n", out);
		ret = store_each_review(s, csv_review, &x);
	}
	store_rollback(s);  /* it only read */
	if (ret < 0) {
		snprintf(err, errsize, "%s", store_error(s));
		return -1;
	}
	if (ret > 0 || fflush(out) != 0 || ferror(out)) {
		snprintf(err, errsize, "cannot write the export: %s",
		         errno ? strerror(errno) : "write error");
		return -1;
	}
	return 0;
}
