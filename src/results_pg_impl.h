/* results_pg_impl — what the PostgreSQL engine's two files share
 * (results_pg.c, results_pg_live.c). */
#ifndef RECALL_RESULTS_PG_IMPL_H
#define RECALL_RESULTS_PG_IMPL_H

#include "pqlib.h"
#include <stdbool.h>

struct pg {
	PGconn *conn;
	bool readonly;
	bool listening;   /* LISTEN recall_live done on this connection */
	int busy_ms;
	char err[640];
};

/* As results_pg.c's own: a query's result (PQclear it) or NULL with the
 * message set; _read retries once after a lost connection (reads only). */
PGresult *results_pg_query(struct pg *p, const char *sql, int n, const char *const *params,
                           const char *doing);
PGresult *results_pg_read(struct pg *p, const char *sql, int n, const char *const *params,
                          const char *doing);
int results_pg_run(struct pg *p, const char *sql, int n, const char *const *params,
                   const char *doing);
void results_pg_rollback(struct pg *p);
int results_pg_reconnect(struct pg *p);

/* The migration from schema version 1 to 2 (results_pg_live.c). */
extern const char *const results_pg_live_v2[];

#endif
