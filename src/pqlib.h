/* pqlib — the PostgreSQL client library, loaded on first use.
 *
 * recall is not linked with libpq: most runs never touch PostgreSQL, and
 * loading libpq with the two dozen libraries it needs (TLS, Kerberos, LDAP)
 * costs every start of the program about 3 ms.  pqlib_load() opens the
 * library (RECALL_LIBPQ, set by the Makefile) the first time a PostgreSQL
 * results store is opened and fills a table of the functions recall calls;
 * after including this header, those functions' usual names (PQexecParams,
 * PQgetvalue, ...) go through that table, so the code that uses them reads
 * as ordinary libpq code.  A function not in PQLIB_FUNCTIONS does not link:
 * add it to the list.
 *
 * The library stays loaded until the program exits (unloading libpq while
 * its TLS library keeps exit handlers is unsafe). */
#ifndef RECALL_PQLIB_H
#define RECALL_PQLIB_H

#include <libpq-fe.h>
#include <stddef.h>

/* Each function recall uses: its return type, name and parameters. */
#define PQLIB_FUNCTIONS(X) \
	X(PGconn *, PQconnectdbParams, (const char *const *, const char *const *, int)) \
	X(void, PQfinish, (PGconn *)) \
	X(void, PQreset, (PGconn *)) \
	X(ConnStatusType, PQstatus, (const PGconn *)) \
	X(PGTransactionStatusType, PQtransactionStatus, (const PGconn *)) \
	X(char *, PQerrorMessage, (const PGconn *)) \
	X(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *, PQnoticeProcessor, void *)) \
	X(int, PQsocket, (const PGconn *)) \
	X(int, PQconsumeInput, (PGconn *)) \
	X(PGnotify *, PQnotifies, (PGconn *)) \
	X(void, PQfreemem, (void *)) \
	X(PGresult *, PQexecParams, (PGconn *, const char *, int, const Oid *, \
	                             const char *const *, const int *, const int *, int)) \
	X(ExecStatusType, PQresultStatus, (const PGresult *)) \
	X(char *, PQresultErrorField, (const PGresult *, int)) \
	X(int, PQntuples, (const PGresult *)) \
	X(char *, PQgetvalue, (const PGresult *, int, int)) \
	X(char *, PQcmdTuples, (PGresult *)) \
	X(void, PQclear, (PGresult *))

#define PQLIB_MEMBER(ret, name, params) ret (*name) params;
struct pqlib {
	PQLIB_FUNCTIONS(PQLIB_MEMBER)
};
#undef PQLIB_MEMBER

/* The table; all NULL until pqlib_load() succeeds. */
extern struct pqlib pqlib;

/* Loads the library once.  Returns 0, or -1 with why in err (the library's
 * name and the loader's words). */
int pqlib_load(char *err, size_t errsize);

#ifndef PQLIB_NO_ROUTES
/* The usual names, through the table (a macro cannot define macros, so
 * they are spelled out; keep them in step with PQLIB_FUNCTIONS). */
#define PQconnectdbParams (pqlib.PQconnectdbParams)
#define PQfinish (pqlib.PQfinish)
#define PQreset (pqlib.PQreset)
#define PQstatus (pqlib.PQstatus)
#define PQtransactionStatus (pqlib.PQtransactionStatus)
#define PQerrorMessage (pqlib.PQerrorMessage)
#define PQsetNoticeProcessor (pqlib.PQsetNoticeProcessor)
#define PQsocket (pqlib.PQsocket)
#define PQconsumeInput (pqlib.PQconsumeInput)
#define PQnotifies (pqlib.PQnotifies)
#define PQfreemem (pqlib.PQfreemem)
#define PQexecParams (pqlib.PQexecParams)
#define PQresultStatus (pqlib.PQresultStatus)
#define PQresultErrorField (pqlib.PQresultErrorField)
#define PQntuples (pqlib.PQntuples)
#define PQgetvalue (pqlib.PQgetvalue)
#define PQcmdTuples (pqlib.PQcmdTuples)
#define PQclear (pqlib.PQclear)
#endif

#endif
