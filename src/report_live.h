/* report_live — a drill's report kept up to date while the class answers:
 * what `recall report --watch` polls, in plain mode and on its full
 * screen alike.
 *
 * Each poll looks for answers recorded since the last one seen
 * (results_changes_since) and adds them to the report, ranking again after
 * each.  Without a drill named it follows the class's latest drill: a new
 * one begun replaces the report.  A results database that does not exist
 * yet, or a class with no drill yet, is waited for: the poll finds nothing
 * until they come.  The database is only ever read (results_open_readonly).
 *
 * Pure but for reading the store.  Errors: -1 with a one-line message in
 * err.
 */
#ifndef RECALL_REPORT_LIVE_H
#define RECALL_REPORT_LIVE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "report.h"
#include "results.h"

struct report_live {
	const char *path;        /* the results database (borrowed) */
	const char *klass;       /* the class (borrowed) */
	const char *want;        /* the drill (its id or first characters), NULL: the latest */
	int busy_ms;             /* for opening */
	unsigned until_complete; /* > 0: report_live_complete once that many students
	                            have answered every question */
	struct results *r;       /* open once the file exists; owned */
	struct report *rep;      /* the drill's report, ranked; NULL while there is none */
	int64_t last_id;         /* the last answer added */
	bool waiting_file;       /* the file does not exist yet */
};

/* What a poll saw: a drill to report on (the first, or a newer one of the
 * class), or an answer (added, the report ranked; student its index). */
enum report_live_event { REPORT_LIVE_DRILL, REPORT_LIVE_ANSWER };

typedef void report_live_fn(void *ctx, enum report_live_event ev, const struct report_live *lv,
                            const struct results_answer *a, size_t student);

/* Sets lv up (lv zeroed before, its first five fields filled) and reads
 * what there is already, without events: the report, with every answer
 * so far.  Returns 0 (lv->rep may still be NULL: nothing to report yet), or
 * -1 with the message in err (a database that cannot be read; a drill
 * prefix that matches several). */
int report_live_start(struct report_live *lv, char *err, size_t errsize);

/* Looks once for a new drill and for new answers, calling fn (may be NULL)
 * for each.  Returns how many answers came, or -1 with the message in err. */
long report_live_poll(struct report_live *lv, report_live_fn *fn, void *ctx, char *err,
                      size_t errsize);

/* How many students have answered every question of the drill. */
size_t report_live_done(const struct report_live *lv);

/* True when until_complete students (at least) have answered every
 * question. */
bool report_live_complete(const struct report_live *lv);

/* Frees what lv owns. */
void report_live_end(struct report_live *lv);

#endif
