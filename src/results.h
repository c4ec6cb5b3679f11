/* results — the results of classroom drills, shared by a class in one
 * database.
 *
 * A drill is one class's run of the same questions (decks, count, seed,
 * time limit and rules); its id is derived from those settings, so every
 * student who gives the same settings joins the same drill.  Each answer a
 * student gives is recorded once, in a transaction of its own committed
 * before results_record returns.  docs/results.md gives the schema and the
 * guarantees.
 *
 * Engines: the operations go through one table of functions (struct
 * results_engine), so that another database can be added beside SQLite.
 * results_open picks the engine by the form of where: a PostgreSQL
 * connection URI (postgresql:// or postgres://, as libpq reads it) is the
 * PostgreSQL engine (results_pg.c); anything else is the path of an SQLite
 * database.  A URI is never quoted in a message: it may hold a password.
 *
 * Refusals (SQLite): as the progress store's (store.h): a file that is not
 * SQLite, a damaged database, one that is not recall's results, one made by
 * a newer recall, a read-only file or folder and a database locked past the
 * busy timeout are each refused, and the file is left byte for byte as it
 * was.
 *
 * Errors: functions taking err, errsize return -1 with a one-line message
 * there; the others return -1 and keep the message, which results_error
 * gives.  Times are Unix seconds (UTC).
 */
#ifndef RECALL_RESULTS_H
#define RECALL_RESULTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* The schema version this program writes, and the newest it can read. */
#define RESULTS_SCHEMA_VERSION 4

/* How long a writer waits for another's write lock. */
#define RESULTS_BUSY_DEFAULT_MS 5000

/* The most decks a drill draws from. */
#define RESULTS_MAX_DECKS 64

/* An answer's outcome: enum outcome's values (answer.h: 0 right, 1 partly
 * right, 2 wrong, 3 skipped), and this one for an answer the clock ended. */
#define RESULTS_TIMED_OUT 4

/* results_record's value when the student had already answered that
 * question of that drill: nothing was recorded, and it is no error. */
#define RESULTS_ALREADY 1

/* A drill's settings.  For results_drill_begin the caller fills all but id
 * and created; for the listings every field is filled, the strings valid
 * during the callback only. */
struct results_drill {
	char id[17];              /* 16 hex digits, derived from what follows */
	const char *klass;        /* the class */
	const char *const *decks; /* the decks' ids, in the order given (no newline) */
	size_t ndecks;            /* 1 to RESULTS_MAX_DECKS */
	unsigned count;           /* how many questions */
	uint64_t seed;            /* the draw of the questions */
	double time_limit;        /* seconds per question; 0: no clock */
	bool no_speed;            /* drill_rules (drill_score.h) */
	bool no_streak;
	int64_t created;          /* when it was first begun */
};

/* One answer.  For results_record the caller fills all but id. */
struct results_answer {
	int64_t id;            /* its place: increasing in the order recorded */
	const char *drill;     /* the drill's id */
	const char *student;
	unsigned index;        /* the question's place in the drill, from 0 */
	const char *deck;      /* the question's deck id */
	const char *question;  /* the question's id within its deck */
	const char *given;     /* the answer as typed ("" for none) */
	int outcome;           /* enum outcome, or RESULTS_TIMED_OUT */
	double credit;         /* the verdict's fraction, 0 to 1 */
	double points;         /* points earned (drill_score_answer) */
	double seconds;        /* time taken */
	int64_t time;          /* when it was answered */
};

/* One question of a drill as it was asked: what a report shows of it
 * without the deck file. */
struct results_question {
	unsigned index;        /* its place in the drill, from 0 */
	const char *deck;      /* its deck's id */
	const char *question;  /* its id within the deck */
	const char *type;      /* its type's name (qtype.h) */
	const char *prompt;    /* the prompt */
	const char *answer;    /* the right answer, as the feedback writes it */
	double points;         /* its own points (0 or more) */
};

/* Callbacks: return 0 to go on, anything else to stop (which the query
 * returns).  What they are given is valid during the call only. */
typedef int results_drill_fn(void *ctx, const struct results_drill *d);
typedef int results_answer_fn(void *ctx, const struct results_answer *a);
typedef int results_question_fn(void *ctx, const struct results_question *q);

/* A live drill (docs/results.md, "The live drill"): the host posts events
 * in order; students read them, join, and answer the open question.  An
 * event of a live drill, as posted (the strings valid during a callback
 * only). */
struct results_live_event {
	int64_t seq;           /* its place: increasing in the order posted */
	const char *drill;     /* the drill's id */
	const char *klass;     /* its class */
	const char *kind;      /* "begin", "open", "close" or "end" */
	int index;             /* the question's index for open and close; -1 */
	double at;             /* when posted (Unix seconds, with fraction) */
	double closes;         /* open: when the question closes; else 0 */
	const char *payload;   /* what the event publishes (JSON; never an answer
	                          before the question closed) */
};

/* A student's answer to a live drill's open question, as given. */
struct results_live_answer {
	const char *drill;
	const char *student;
	int index;
	const char *given;     /* the raw line the student typed */
	double time;           /* when (Unix seconds, with fraction) */
};

/* results_live_answer's value when the question is not the open one (not
 * opened yet, or closed): nothing was recorded. */
#define RESULTS_CLOSED 2

typedef int results_live_event_fn(void *ctx, const struct results_live_event *e);
typedef int results_live_answer_fn(void *ctx, const struct results_live_answer *a);
typedef int results_name_fn(void *ctx, const char *name);

/* An engine: the operations below on a handle of its own.  Each returns as
 * the function of the same name in this header says. */
struct results_engine {
	const char *name;
	int (*open)(const char *where, bool readonly, int busy_ms, void **h, char *err,
	            size_t errsize);
	void (*close)(void *h);
	const char *(*error)(const void *h);
	int (*drill_begin)(void *h, struct results_drill *d);
	int (*each_drill)(void *h, const char *klass, results_drill_fn *fn, void *ctx);
	int (*record)(void *h, struct results_answer *a);
	int (*each_answer)(void *h, const char *drill, results_answer_fn *fn, void *ctx);
	int (*next_index)(void *h, const char *drill, const char *student, unsigned *next);
	int (*changes_since)(void *h, const char *drill, int64_t last_id, results_answer_fn *fn,
	                     void *ctx);
	int (*set_questions)(void *h, const char *drill, const struct results_question *q,
	                     size_t n);
	int (*each_question)(void *h, const char *drill, results_question_fn *fn, void *ctx);
	int (*init_roles)(void *h);  /* NULL: the engine has no roles */
	int (*live_post)(void *h, struct results_live_event *e);
	int (*live_events)(void *h, const char *drill, const char *klass, int64_t after,
	                   results_live_event_fn *fn, void *ctx);
	int (*live_join)(void *h, const char *drill, const char *student);
	int (*live_each_joined)(void *h, const char *drill, results_name_fn *fn, void *ctx);
	int (*live_answer)(void *h, const struct results_live_answer *a);
	int (*live_each_answer)(void *h, const char *drill, int index,
	                        results_live_answer_fn *fn, void *ctx);
	int (*live_wait)(void *h, const char *drill, int timeout_ms);
};

/* For engines: a drill's decks as they are stored, one a line (the
 * caller frees it; NULL when memory runs out), and that text split again:
 * lines cuts into lines (in place) and points list (room for
 * RESULTS_MAX_DECKS) at each; returns how many. */
char *results_decks_join(const struct results_drill *d);
size_t results_decks_split(char *lines, const char **list);

/* The engines built in. */
extern const struct results_engine results_sqlite_engine;
extern const struct results_engine results_pg_engine;

/* Whether where names a PostgreSQL database (a postgresql:// or
 * postgres:// URI). */
bool results_is_uri(const char *where);

/* What a message may say of where: the path as it is, or for a URI
 * "the PostgreSQL database" (a URI may hold a password). */
const char *results_where_shown(const char *where);

struct results;

/* Opens the results database where (see above for the engine), creating
 * it (and its folder) when missing, bringing an older schema up to date
 * and checking it.  busy_ms: RESULTS_BUSY_DEFAULT_MS unless testing.  On
 * success *out is set (free it with results_close) and 0 returned; else -1,
 * *out NULL and a message in err. */
int results_open(const char *where, int busy_ms, struct results **out, char *err,
                 size_t errsize);

/* Opens the results database where for reading only, as results_open
 * does, but never creates, upgrades or writes it: a missing file is
 * refused ("no results database at ..."), and so is one older than what
 * this program reads as it is (schema version 1 and on are read; SQLite
 * may make its -wal and -shm files beside the database, which stays byte
 * for byte as it was).  The functions that write then fail. */
int results_open_readonly(const char *where, int busy_ms, struct results **out, char *err,
                          size_t errsize);

/* What `recall results init` does: opens where as results_open does
 * (making or upgrading the schema), and on PostgreSQL makes the roles
 * recall_student and recall_teacher and grants them what they may do
 * (docs/results.md); again on a database already set up it changes
 * nothing.  0, or -1 with a message in err. */
int results_init(const char *where, char *err, size_t errsize);

/* Closes; NULL is harmless. */
void results_close(struct results *r);

/* The message of the last failure ("" when none). */
const char *results_error(const struct results *r);

/* The engine's name ("sqlite", "postgresql"). */
const char *results_engine_name(const struct results *r);

/* A drill's id from its settings (d->id is ignored): FNV-1a (64 bits) over
 * class, decks, count, seed, time limit and rules, as 16 lower-case hex
 * digits (out: 17 bytes). */
void results_drill_id(const struct results_drill *d, char out[17]);

/* Begins the drill of settings d for its class, or continues it when it was
 * begun before: fills d->id, and d->created (now, or when first begun).
 * Returns 1 when it was begun now, 0 when continued, -1 on error (settings
 * that make no sense included). */
int results_drill_begin(struct results *r, struct results_drill *d);

/* The drills of a class, the first begun first.  Returns 0 when done, the
 * callback's value when it stopped, -1 on error. */
int results_each_drill(struct results *r, const char *klass, results_drill_fn *fn, void *ctx);

/* Records one answer, in one transaction committed before it returns, and
 * sets a->id.  Returns 0 when recorded, RESULTS_ALREADY when that student
 * had answered that question (a->index) of that drill already (nothing
 * recorded), -1 on error (nothing recorded: an unknown drill included). */
int results_record(struct results *r, struct results_answer *a);

/* A drill's answers in the order recorded, one row at a time.  Return
 * values as for results_each_drill. */
int results_each_answer(struct results *r, const char *drill, results_answer_fn *fn,
                        void *ctx);

/* The first question index (from 0) the student has not answered in the
 * drill, into *next: where to resume after a crash (the drill's count when
 * all are answered).  Returns 0 or -1. */
int results_next_index(struct results *r, const char *drill, const char *student,
                       unsigned *next);

/* The answers recorded after the one of id last_id (0: all), in the order
 * recorded, of one drill (NULL: of every drill).  Called again with the
 * last id seen, it gives what came since: polling for new answers.  Return
 * values as for results_each_drill. */
int results_changes_since(struct results *r, const char *drill, int64_t last_id,
                          results_answer_fn *fn, void *ctx);

/* Records the drill's questions (n of them, each index below the drill's
 * count), in one transaction; a question already recorded for its index
 * is kept as it was (everyone of a drill asks the same ones, and the first
 * to begin records them).  Returns 0 or -1 (an unknown drill records
 * nothing and is no error: see results_drill_begin first). */
int results_set_questions(struct results *r, const char *drill, const struct results_question *q,
                          size_t n);

/* A drill's questions, by index.  Drills recorded by schema version 1 have
 * none.  Return values as for results_each_drill. */
int results_each_question(struct results *r, const char *drill, results_question_fn *fn,
                          void *ctx);

/* ---- the live drill ---------------------------------------------------- */

/* The host posts an event (e->drill, klass, kind, index, closes, payload;
 * e->at is set to now and e->seq to its place), in one transaction, and
 * signals it (PostgreSQL: NOTIFY recall_live).  A close is posted only
 * once no answer to that question is being recorded: an answer the store
 * accepted is before it.  Returns 0 or -1. */
int results_live_post(struct results *r, struct results_live_event *e);

/* The events posted after seq after (0: all), in order: of one drill, or
 * with drill NULL of the class klass's live drills (a student looking for
 * the class's drill).  Return values as for results_each_drill. */
int results_live_events(struct results *r, const char *drill, const char *klass,
                        int64_t after, results_live_event_fn *fn, void *ctx);

/* A student joins a live drill (again: no change).  Returns 0 or -1. */
int results_live_join(struct results *r, const char *drill, const char *student);

/* The students who joined, the first first.  As results_each_drill. */
int results_live_each_joined(struct results *r, const char *drill, results_name_fn *fn,
                             void *ctx);

/* Records a student's answer to the open question, in one transaction:
 * 0 when recorded, RESULTS_ALREADY when they had answered it (nothing
 * recorded: a retry after a lost connection is this), RESULTS_CLOSED when
 * the index is not the open question's (not yet opened, or closed), -1 on
 * error. */
int results_live_answer(struct results *r, const struct results_live_answer *a);

/* The answers to one question (index) in the order recorded.  On
 * PostgreSQL a student's role reads only their own.  As
 * results_each_drill. */
int results_live_each_answer(struct results *r, const char *drill, int index,
                             results_live_answer_fn *fn, void *ctx);

/* Waits until something may have been posted to the drill (NULL: any),
 * at most timeout_ms: PostgreSQL waits for a NOTIFY (checking at least
 * every 250 ms), SQLite sleeps a short while (150 ms).  Read the events
 * after it.  Returns 0, or -1 when the connection is lost for good. */
int results_live_wait(struct results *r, const char *drill, int timeout_ms);

/* Unix seconds now, with fraction: the clock of a live drill's events and
 * answers (the host's and the students' machines are assumed to keep the
 * same time, as NTP does). */
double results_live_now(void);

#endif
