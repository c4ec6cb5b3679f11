/* results_live_impl — the live drill's operations of each engine, for the
 * engines' tables (results_sqlite.c, results_pg.c); see results.h. */
#ifndef RECALL_RESULTS_LIVE_IMPL_H
#define RECALL_RESULTS_LIVE_IMPL_H

#include "results.h"

int results_sqlite_live_post(void *h, struct results_live_event *e);
int results_sqlite_live_events(void *h, const char *drill, const char *klass, int64_t after,
                               results_live_event_fn *fn, void *ctx);
int results_sqlite_live_join(void *h, const char *drill, const char *student);
int results_sqlite_live_each_joined(void *h, const char *drill, results_name_fn *fn, void *ctx);
int results_sqlite_live_answer(void *h, const struct results_live_answer *a);
int results_sqlite_live_each_answer(void *h, const char *drill, int index,
                                    results_live_answer_fn *fn, void *ctx);
int results_sqlite_live_wait(void *h, const char *drill, int timeout_ms);

int results_pg_live_post(void *h, struct results_live_event *e);
int results_pg_live_events(void *h, const char *drill, const char *klass, int64_t after,
                           results_live_event_fn *fn, void *ctx);
int results_pg_live_join(void *h, const char *drill, const char *student);
int results_pg_live_each_joined(void *h, const char *drill, results_name_fn *fn, void *ctx);
int results_pg_live_answer(void *h, const struct results_live_answer *a);
int results_pg_live_each_answer(void *h, const char *drill, int index,
                                results_live_answer_fn *fn, void *ctx);
int results_pg_live_wait(void *h, const char *drill, int timeout_ms);

#endif
