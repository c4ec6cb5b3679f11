/* store — the progress of study mode, kept in one SQLite database.
 *
 * What is kept: one row per question ever studied (its scheduling state,
 * keyed on deck id + question id, so that editing a deck keeps progress and
 * a question removed from its deck keeps its history) and an append-only
 * log of every review.  docs/progress.md gives the schema, the guarantees
 * and the export formats.
 *
 * Durability: store_record_review and store_undo_last each run as one
 * transaction (BEGIN IMMEDIATE ... COMMIT) that is committed, and synced,
 * before they return: a kill -9 at any moment loses at most the review
 * being recorded, never half of one.  Two processes may use one database at
 * once (WAL); a writer waits up to the busy timeout for the other.
 *
 * Refusals: store_open never overwrites, repairs or upgrades what it does
 * not understand.  A file that is not SQLite, a damaged database, a
 * database that is not recall's, one made by a newer recall, a read-only
 * file or folder (when writing) and a database locked past the busy timeout
 * are each refused with a message naming the path, and the file is left
 * byte for byte as it was.
 *
 * Numbers shared with the scheduler (its header is not included here):
 *   state   0 new, 1 learning, 2 review, 3 relearning (STORE_STATE_*)
 *   grade   1 again, 2 hard, 3 good, 4 easy           (STORE_GRADE_*)
 * Times are Unix seconds (UTC).
 *
 * Errors: functions taking err, errsize return -1 with a one-line message
 * in err (always terminated, paths escaped for the terminal); the others
 * keep the message of the last failure, which store_error gives.
 */
#ifndef RECALL_STORE_H
#define RECALL_STORE_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* The schema version this program writes, and the newest it can read. */
#define STORE_SCHEMA_VERSION 3

/* How long a writer waits for another process's write lock. */
#define STORE_BUSY_DEFAULT_MS 5000

enum store_state {
	STORE_STATE_NEW = 0,
	STORE_STATE_LEARNING = 1,
	STORE_STATE_REVIEW = 2,
	STORE_STATE_RELEARNING = 3
};

enum store_grade {
	STORE_GRADE_AGAIN = 1,
	STORE_GRADE_HARD = 2,
	STORE_GRADE_GOOD = 3,
	STORE_GRADE_EASY = 4
};

/* store_open flags. */
#define STORE_READONLY 1u  /* for stats and export: never writes, never creates */

/* The name of a state ("new", "learning", "review", "relearning"), or "?"
 * for a number out of range. */
const char *store_state_name(int state);

/* One question's scheduling state.  deck and question are borrowed: the
 * caller's strings when the caller fills the item, else valid only as long
 * as the function that handed the item out says. */
struct store_item {
	const char *deck;      /* the deck's id */
	const char *question;  /* the question's id within its deck */
	int state;             /* STORE_STATE_* */
	double stability;      /* days */
	double difficulty;
	int64_t due;           /* when it is next due; 0 for a new item */
	int64_t last_review;   /* 0 for a new item */
	unsigned reps;
	unsigned lapses;
	unsigned step;         /* index in the learning (or relearning) steps */
	int scheduled_days;
	/* store_content_hash of the prompt and answer when it was last
	 * reviewed, 16 hex digits; "" when unknown (a version-1 database). */
	char content_hash[17];
};

/* One entry of the review log.  For store_record_review the caller fills
 * time, grade, answer, seconds and elapsed_days; the rest is filled in by
 * it (see there).  The strings are borrowed like those of store_item. */
struct store_review {
	int64_t id;            /* its place in the log: increasing */
	const char *deck;
	const char *question;
	int64_t time;          /* when it was graded */
	int grade;             /* STORE_GRADE_* */
	const char *answer;    /* the answer given, as typed ("" for none) */
	double seconds;        /* time taken to answer */
	int state_before;      /* STORE_STATE_* */
	int state_after;
	double stability;      /* after the review */
	double difficulty;     /* after the review */
	double elapsed_days;   /* since the review before, as the scheduler saw it */
	int scheduled_days;    /* after the review */
};

struct store;

/* A database up to this size is checked in full (PRAGMA quick_check, about
 * 0.3 s per 100 MB) at every open; a larger one only as far as opening
 * reads it (header, schema, version), and a damaged page in it is refused
 * when it is read: the query fails with the "is damaged" message. */
#define STORE_FULL_CHECK_BYTES (16 * 1024 * 1024)

/* Opens (and for writing, creates if missing, with its folder, mode 0700)
 * the database at path, brings an older schema up to date in one
 * transaction, and checks it (see STORE_FULL_CHECK_BYTES).  busy_ms is how long to
 * wait for another process's write lock (STORE_BUSY_DEFAULT_MS).  With
 * STORE_READONLY the file must exist and be of the current version, and
 * nothing is ever written.  On success *out is the store (free it with
 * store_close) and 0 is returned; else -1, *out NULL and a message in err. */
int store_open(const char *path, unsigned flags, int busy_ms, struct store **out,
               char *err, size_t errsize);

/* Closes the database; NULL is harmless. */
void store_close(struct store *s);

/* The message of the store's last failure ("" when none). */
const char *store_error(const struct store *s);

/* The content hash of a question: FNV-1a (64 bits) over prompt, a NUL
 * byte and answer, as 16 lower-case hex digits (out: 17 bytes). */
void store_content_hash(const char *prompt, const char *answer, char out[17]);

/* Reads the item (deck, question) into *item, whose deck and question
 * become the caller's strings.  A question never studied comes back as a
 * new item (state new, everything else zero, content_hash "").  Returns 1
 * when the store had a row for it, 0 when it came back new, -1 on error. */
int store_get_item(struct store *s, const char *deck, const char *question,
                   struct store_item *item);

/* Records one review in one transaction: the item's row becomes *after
 * (inserted when the question had none), and r is appended to the log
 * together with the item's row as it was before, for store_undo_last.
 * r->deck and r->question are set to after's, r->state_before to the state
 * the store had (new when it had no row), r->state_after, stability,
 * difficulty and scheduled_days to after's, and r->id to the new entry's.
 * On error nothing at all was recorded.  Returns 0 or -1. */
int store_record_review(struct store *s, struct store_review *r, const struct store_item *after);

/* What store_undo_last undid: the question (owned; free with
 * store_undone_free) and the row it went back to. */
struct store_undone {
	int64_t review_id;       /* the entry removed from the log */
	int64_t time;            /* when that review was graded */
	char *deck;
	char *question;
	struct store_item item;  /* deck and question point at the two above */
};

/* Removes the last review graded at or after since (0: the last of all)
 * and puts its item back as it was before it, in one transaction.  Refused
 * (-1) when a later review of the same question exists, or when the review
 * predates undo (recorded by a version-1 database).  Returns 1 with *u
 * filled in, 0 when there is nothing to undo, -1 on error. */
int store_undo_last(struct store *s, int64_t since, struct store_undone *u);
void store_undone_free(struct store_undone *u);

/* Callbacks for the queries below: return 0 to go on, anything else to
 * stop (which the query returns).  The item or review and its strings are
 * valid during the call only. */
typedef int store_item_fn(void *ctx, const struct store_item *item);
typedef int store_review_fn(void *ctx, const struct store_review *review);

/* The due queue of the given decks: items in learning or relearning due
 * at or before now, earliest first, then items in review due at or before
 * now, earliest first; at most limit of them (0: no limit).  Returns 0
 * when done, the callback's value when it stopped, -1 on error. */
int store_due_items(struct store *s, const char *const decks[], size_t ndecks, int64_t now,
                    size_t limit, store_item_fn *fn, void *ctx);

/* Reviews graded at or after day_start: *new_done counts those of new
 * items (introduced today), *reviews_done those of items in review.
 * Learning steps count in neither.  Returns 0 or -1. */
int store_count_today(struct store *s, int64_t day_start, unsigned *new_done,
                      unsigned *reviews_done);

/* Every item, by deck and question; every review, in the order graded
 * (by id).  One row at a time: nothing is held in memory.  Return values as
 * for store_due_items. */
int store_each_item(struct store *s, store_item_fn *fn, void *ctx);
/* The questions of one deck that have an item row, from the index on
 * (deck, question) alone: no row is read, so a deck's thousand questions
 * cost little.  The string is valid during the call only. */
typedef int store_question_fn(void *ctx, const char *question);
int store_each_deck_question(struct store *s, const char *deck, store_question_fn *fn, void *ctx);
/* The items of one deck due after after and at or before by, earliest
 * first (then in the order they were first studied), through the index on
 * (deck, due): a study session reads in full only the items due soon. */
int store_each_deck_due(struct store *s, const char *deck, int64_t after, int64_t by,
                        store_item_fn *fn, void *ctx);
int store_each_review(struct store *s, store_review_fn *fn, void *ctx);

enum store_format { STORE_EXPORT_JSON, STORE_EXPORT_CSV };

/* Writes the progress to out, streamed row by row: JSON (format
 * "recall-progress/1": the items and the reviews) or CSV (RFC 4180, header
 * row: the review log).  docs/progress.md describes both.  Returns 0, or
 * -1 with a message in err (a write error on out included). */
int store_export(struct store *s, FILE *out, enum store_format format, char *err,
                 size_t errsize);

/* Formats t as ISO 8601 UTC, "2025-03-01T09:00:00Z" (out: 32 bytes). */
void store_time_iso(int64_t t, char out[32]);

#endif
