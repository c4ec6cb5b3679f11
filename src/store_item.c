/* store_item — reading and writing items and reviews; see store.h. */
#include "store.h"
#include "store_db.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* The columns of an item, in the order item_from_row reads them from
 * column `at` on. */
#define ITEM_COLS "deck, question, state, stability, difficulty, due, last_review, " \
                  "reps, lapses, step, scheduled_days, content_hash"
#define ITEM_NCOLS 12

static unsigned to_unsigned(sqlite3_int64 v)
{
	return v < 0 ? 0 : v > (sqlite3_int64)UINT32_MAX ? UINT32_MAX : (unsigned)v;
}

static int to_int(sqlite3_int64 v)
{
	return v < INT32_MIN ? INT32_MIN : v > INT32_MAX ? INT32_MAX : (int)v;
}

static void copy_hash(char out[17], const unsigned char *h)
{
	snprintf(out, 17, "%s", h ? (const char *)h : "");
}

/* Fills item from the columns at, at + 1, ... of the current row.  The
 * strings point into the row. */
static void item_from_row(sqlite3_stmt *st, int at, struct store_item *it)
{
	it->deck = (const char *)sqlite3_column_text(st, at);
	it->question = (const char *)sqlite3_column_text(st, at + 1);
	it->state = to_int(sqlite3_column_int64(st, at + 2));
	it->stability = sqlite3_column_double(st, at + 3);
	it->difficulty = sqlite3_column_double(st, at + 4);
	it->due = sqlite3_column_int64(st, at + 5);
	it->last_review = sqlite3_column_int64(st, at + 6);
	it->reps = to_unsigned(sqlite3_column_int64(st, at + 7));
	it->lapses = to_unsigned(sqlite3_column_int64(st, at + 8));
	it->step = to_unsigned(sqlite3_column_int64(st, at + 9));
	it->scheduled_days = to_int(sqlite3_column_int64(st, at + 10));
	copy_hash(it->content_hash, sqlite3_column_text(st, at + 11));
}

/* Binds the item's fields but deck and question to parameters at, at + 1,
 * ... (state to content_hash: ten of them). */
static void bind_item(sqlite3_stmt *st, int at, const struct store_item *it)
{
	sqlite3_bind_int(st, at, it->state);
	sqlite3_bind_double(st, at + 1, it->stability);
	sqlite3_bind_double(st, at + 2, it->difficulty);
	sqlite3_bind_int64(st, at + 3, it->due);
	sqlite3_bind_int64(st, at + 4, it->last_review);
	sqlite3_bind_int64(st, at + 5, it->reps);
	sqlite3_bind_int64(st, at + 6, it->lapses);
	sqlite3_bind_int64(st, at + 7, it->step);
	sqlite3_bind_int(st, at + 8, it->scheduled_days);
	sqlite3_bind_text(st, at + 9, it->content_hash, -1, SQLITE_TRANSIENT);
}

/* Steps a statement that returns no row; 0 or -1 with the message set. */
static int step_done(struct store *s, sqlite3_stmt *st, const char *doing)
{
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE) {
		store_fail_sql(s, rc, doing);
		return -1;
	}
	return 0;
}

int store_get_item(struct store *s, const char *deck, const char *question,
                   struct store_item *item)
{
	memset(item, 0, sizeof *item);
	item->deck = deck;
	item->question = question;
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT " ITEM_COLS " FROM items WHERE deck = ? AND question = ?",
	                  &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, deck, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, question, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st), ret = 0;
	if (rc == SQLITE_ROW) {
		item_from_row(st, 0, item);
		item->deck = deck;
		item->question = question;
		ret = 1;
	} else if (rc != SQLITE_DONE) {
		store_fail_sql(s, rc, "reading");
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

static bool item_valid(const struct store_item *it)
{
	return it->deck && it->question && it->state >= 0 && it->state <= 3 &&
	       isfinite(it->stability) && isfinite(it->difficulty) &&
	       strlen(it->content_hash) < sizeof it->content_hash;
}

/* The row of after's item as it is now: its id (0 when it has none) and,
 * when it has one, its fields in *prev. */
static int read_prev(struct store *s, const struct store_item *after, sqlite3_int64 *id,
                     struct store_item *prev)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT id, " ITEM_COLS " FROM items WHERE deck = ? AND question = ?",
	                  &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, after->deck, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, after->question, -1, SQLITE_STATIC);
	int rc = sqlite3_step(st);
	*id = 0;
	memset(prev, 0, sizeof *prev);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		item_from_row(st, 1, prev);
		prev->deck = prev->question = NULL;  /* the row goes with finalize */
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		store_fail_sql(s, rc, "recording a review");
		return -1;
	}
	return 0;
}

/* Writes after as the item's row: an update of row id, or a new row
 * (whose id is stored in *id). */
static int write_item(struct store *s, sqlite3_int64 *id, const struct store_item *after)
{
	sqlite3_stmt *st;
	int p = store_prepare(s, *id
		? "UPDATE items SET state = ?1, stability = ?2, difficulty = ?3, due = ?4,"
		  " last_review = ?5, reps = ?6, lapses = ?7, step = ?8, scheduled_days = ?9,"
		  " content_hash = ?10 WHERE id = ?11"
		: "INSERT INTO items (state, stability, difficulty, due, last_review, reps, lapses,"
		  " step, scheduled_days, content_hash, deck, question)"
		  " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", &st);
	if (p != 0)
		return -1;
	bind_item(st, 1, after);
	if (*id) {
		sqlite3_bind_int64(st, 11, *id);
	} else {
		sqlite3_bind_text(st, 11, after->deck, -1, SQLITE_STATIC);
		sqlite3_bind_text(st, 12, after->question, -1, SQLITE_STATIC);
	}
	int ret = step_done(s, st, "recording a review");
	sqlite3_finalize(st);
	if (ret == 0 && !*id)
		*id = sqlite3_last_insert_rowid(s->f.db);
	return ret;
}

/* Appends r to the log, with prev (the item's row before; none when
 * had_prev is false) for undo. */
static int append_review(struct store *s, sqlite3_int64 item, const struct store_review *r,
                         bool had_prev, const struct store_item *prev)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "INSERT INTO reviews (item, time, grade, answer, seconds,"
	                  " state_before, state_after, stability, difficulty, elapsed_days,"
	                  " scheduled_days, undoable, prev_state, prev_stability, prev_difficulty,"
	                  " prev_due, prev_last_review, prev_reps, prev_lapses, prev_step,"
	                  " prev_scheduled_days, prev_content_hash) VALUES (?1, ?2, ?3, ?4, ?5,"
	                  " ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?13, ?14, ?15, ?16, ?17, ?18, ?19,"
	                  " ?20, ?21)", &st) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, item);
	sqlite3_bind_int64(st, 2, r->time);
	sqlite3_bind_int(st, 3, r->grade);
	sqlite3_bind_text(st, 4, r->answer ? r->answer : "", -1, SQLITE_STATIC);
	sqlite3_bind_double(st, 5, r->seconds);
	sqlite3_bind_int(st, 6, r->state_before);
	sqlite3_bind_int(st, 7, r->state_after);
	sqlite3_bind_double(st, 8, r->stability);
	sqlite3_bind_double(st, 9, r->difficulty);
	sqlite3_bind_double(st, 10, r->elapsed_days);
	sqlite3_bind_int(st, 11, r->scheduled_days);
	if (had_prev)
		bind_item(st, 12, prev);  /* ?12 .. ?21; else they stay NULL */
	int ret = step_done(s, st, "recording a review");
	sqlite3_finalize(st);
	return ret;
}

/* Writing through a store opened for reading is a caller's mistake. */
static int check_writable(struct store *s)
{
	if (s->f.readonly)
		store_fail(s, "progress database '%s' was opened for reading only", s->f.name);
	return s->f.readonly ? -1 : 0;
}

int store_record_review(struct store *s, struct store_review *r, const struct store_item *after)
{
	if (check_writable(s) != 0)
		return -1;
	if (!item_valid(after) || r->grade < 1 || r->grade > 4 || !isfinite(r->seconds) ||
	    !isfinite(r->elapsed_days)) {
		store_fail(s, "progress database '%s': a review with values out of range was not "
		           "recorded", s->f.name);
		return -1;
	}
	if (store_exec(s, "BEGIN IMMEDIATE", "recording a review") != 0)
		return -1;
	sqlite3_int64 id;
	struct store_item prev;
	if (read_prev(s, after, &id, &prev) != 0)
		goto fail;
	bool had_prev = id != 0;
	r->deck = after->deck;
	r->question = after->question;
	r->state_before = had_prev ? prev.state : STORE_STATE_NEW;
	r->state_after = after->state;
	r->stability = after->stability;
	r->difficulty = after->difficulty;
	r->scheduled_days = after->scheduled_days;
	if (write_item(s, &id, after) != 0 || append_review(s, id, r, had_prev, &prev) != 0)
		goto fail;
	sqlite3_int64 rid = sqlite3_last_insert_rowid(s->f.db);
	if (store_exec(s, "COMMIT", "recording a review") != 0)
		goto fail;
	r->id = rid;
	return 0;
fail:
	store_rollback(s);
	return -1;
}

void store_undone_free(struct store_undone *u)
{
	free(u->deck);
	free(u->question);
	u->deck = u->question = NULL;
}

#define FIND_LAST_SQL \
	"SELECT r.id, r.time, r.item, r.undoable, i.deck, i.question," \
	" r.prev_state, prev_stability, prev_difficulty, prev_due," \
	" prev_last_review, prev_reps, prev_lapses, prev_step," \
	" prev_scheduled_days, prev_content_hash," \
	" EXISTS (SELECT 1 FROM reviews l WHERE l.item = r.item AND l.id > r.id)" \
	" FROM reviews r JOIN items i ON i.id = r.item"

/* The last review at or after since, for undo: fills u (its item's row as
 * it was before, prev_state NULL leaving u->item.state new with *had_prev
 * false) and *item.  1 found, 0 none, -1 error or refused. */
static int find_last(struct store *s, sqlite3_int64 since, struct store_undone *u,
                     sqlite3_int64 *item, bool *had_prev)
{
	/* Since 0 is the last of the log, found by its id: through the time
	 * index it would mean reading the whole index of a large log. */
	sqlite3_stmt *st;
	if (store_prepare(s, since > 0
		? FIND_LAST_SQL " WHERE r.time >= ? ORDER BY r.id DESC LIMIT 1"
		: FIND_LAST_SQL " WHERE ? IS NOT NULL ORDER BY r.id DESC LIMIT 1", &st) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, since);
	int rc = sqlite3_step(st), ret = rc == SQLITE_ROW ? 1 : 0;
	if (rc == SQLITE_ROW) {
		u->review_id = sqlite3_column_int64(st, 0);
		u->time = sqlite3_column_int64(st, 1);
		*item = sqlite3_column_int64(st, 2);
		*had_prev = sqlite3_column_type(st, 6) != SQLITE_NULL;
		/* deck, question, then the prev_ columns: NULLs read as 0 and "",
		 * a new item. */
		item_from_row(st, 4, &u->item);
		u->deck = strdup(u->item.deck ? u->item.deck : "");
		u->question = strdup(u->item.question ? u->item.question : "");
		if (!u->deck || !u->question)
			store_fail(s, "out of memory"), ret = -1;
		else if (!sqlite3_column_int(st, 3))
			store_fail(s, "the last review was recorded before undo existed; it stays"), ret = -1;
		else if (sqlite3_column_int(st, 16))
			store_fail(s, "the question of the last review was reviewed again since "
			           "(by another recall); nothing was undone"), ret = -1;
		u->item.deck = u->deck;
		u->item.question = u->question;
	} else if (rc != SQLITE_DONE) {
		store_fail_sql(s, rc, "undoing a review");
		ret = -1;
	}
	sqlite3_finalize(st);
	return ret;
}

/* Puts item row id back as u->item says (had_prev), or removes it (the
 * review undone was its first). */
static int restore_item(struct store *s, sqlite3_int64 id, bool had_prev,
                        const struct store_undone *u)
{
	sqlite3_stmt *st;
	if (store_prepare(s, had_prev
		? "UPDATE items SET state = ?1, stability = ?2, difficulty = ?3, due = ?4,"
		  " last_review = ?5, reps = ?6, lapses = ?7, step = ?8, scheduled_days = ?9,"
		  " content_hash = ?10 WHERE id = ?11"
		: "DELETE FROM items WHERE id = ?11", &st) != 0)
		return -1;
	if (had_prev)
		bind_item(st, 1, &u->item);
	sqlite3_bind_int64(st, 11, id);
	int ret = step_done(s, st, "undoing a review");
	sqlite3_finalize(st);
	return ret;
}

int store_undo_last(struct store *s, int64_t since, struct store_undone *u)
{
	memset(u, 0, sizeof *u);
	if (check_writable(s) != 0)
		return -1;
	if (store_exec(s, "BEGIN IMMEDIATE", "undoing a review") != 0)
		return -1;
	sqlite3_int64 item = 0;
	bool had_prev = false;
	int found = find_last(s, since, u, &item, &had_prev);
	if (found <= 0) {
		store_rollback(s);
		if (found < 0)
			store_undone_free(u);
		return found;
	}
	sqlite3_stmt *st;
	int ret = store_prepare(s, "DELETE FROM reviews WHERE id = ?", &st);
	if (ret == 0) {
		sqlite3_bind_int64(st, 1, u->review_id);
		ret = step_done(s, st, "undoing a review");
		sqlite3_finalize(st);
	}
	if (ret == 0)
		ret = restore_item(s, item, had_prev, u);
	if (ret == 0)
		ret = store_exec(s, "COMMIT", "undoing a review");
	if (ret != 0) {
		store_rollback(s);
		store_undone_free(u);
		return -1;
	}
	return 1;
}

/* Runs a query of items (ITEM_COLS from column 0), calling fn for each.
 * 0 at the end, fn's value when it stopped, -1 on error. */
static int each_item_row(struct store *s, sqlite3_stmt *st, store_item_fn *fn, void *ctx,
                         size_t *count)
{
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_item it;
		item_from_row(st, 0, &it);
		ret = fn(ctx, &it);
		if (count)
			(*count)++;
	}
	if (ret == 0 && rc != SQLITE_DONE) {
		store_fail_sql(s, rc, "reading");
		ret = -1;
	}
	return ret;
}

/* One half of the due queue: the items of decks in learning or
 * relearning (learning) or in review, at most limit (0: all) of them;
 * *got counts those handed to fn. */
static int due_part(struct store *s, const char *const decks[], size_t ndecks, int64_t now,
                    bool learning, size_t limit, size_t *got, store_item_fn *fn, void *ctx)
{
	/* Only placeholders go into the text; the deck ids are bound. */
	struct text_buf sql = { 0 };
	text_buf_printf(&sql, "SELECT " ITEM_COLS " FROM items WHERE %s AND due <= ?1",
	                learning ? "state IN (1, 3)" : "state = 2");
	if (decks) {
		text_buf_puts(&sql, " AND deck IN (");
		for (size_t i = 0; i < ndecks; i++)
			text_buf_printf(&sql, "%s?%zu", i ? ", " : "", i + 3);
		text_buf_puts(&sql, ndecks ? ")" : "NULL)");
	}
	text_buf_puts(&sql, " ORDER BY due, id LIMIT ?2");
	char *text = text_buf_finish(&sql);
	sqlite3_stmt *st;
	if (!text) {
		store_fail(s, "out of memory");
		return -1;
	}
	int ret = store_prepare(s, text, &st);
	free(text);
	if (ret != 0)
		return -1;
	sqlite3_bind_int64(st, 1, now);
	sqlite3_bind_int64(st, 2, limit ? (sqlite3_int64)limit : -1);
	for (size_t i = 0; decks && i < ndecks; i++)
		sqlite3_bind_text(st, (int)i + 3, decks[i], -1, SQLITE_STATIC);
	ret = each_item_row(s, st, fn, ctx, got);
	sqlite3_finalize(st);
	return ret;
}

int store_due_items(struct store *s, const char *const decks[], size_t ndecks, int64_t now,
                    size_t limit, store_item_fn *fn, void *ctx)
{
	if (decks && ndecks > 30000) {
		store_fail(s, "too many decks at once (%zu)", ndecks);
		return -1;
	}
	size_t got = 0;
	int ret = due_part(s, decks, ndecks, now, true, limit, &got, fn, ctx);
	if (ret != 0 || (limit && got >= limit))
		return ret;
	return due_part(s, decks, ndecks, now, false, limit ? limit - got : 0, &got, fn, ctx);
}

int store_count_today(struct store *s, int64_t day_start, unsigned *new_done,
                      unsigned *reviews_done)
{
	*new_done = *reviews_done = 0;
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT coalesce(sum(state_before = 0), 0),"
	                  " coalesce(sum(state_before = 2), 0) FROM reviews WHERE time >= ?", &st) != 0)
		return -1;
	sqlite3_bind_int64(st, 1, day_start);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*new_done = to_unsigned(sqlite3_column_int64(st, 0));
		*reviews_done = to_unsigned(sqlite3_column_int64(st, 1));
	} else {
		store_fail_sql(s, rc, "reading");
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 0 : -1;
}

int store_each_item(struct store *s, store_item_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT " ITEM_COLS " FROM items ORDER BY deck, question", &st) != 0)
		return -1;
	int ret = each_item_row(s, st, fn, ctx, NULL);
	sqlite3_finalize(st);
	return ret;
}

int store_each_deck_question(struct store *s, const char *deck, store_question_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	/* The UNIQUE (deck, question) index holds both: no row is read. */
	if (store_prepare(s, "SELECT question FROM items WHERE deck = ?", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, deck, -1, SQLITE_STATIC);
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		const unsigned char *q = sqlite3_column_text(st, 0);
		ret = fn(ctx, q ? (const char *)q : "");
	}
	return sqlfile_rows_end(&s->f, st, rc, ret, "reading");
}

int store_each_deck_due(struct store *s, const char *deck, int64_t after, int64_t by,
                        store_item_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT " ITEM_COLS " FROM items WHERE deck = ?1 AND due > ?2"
	                  " AND due <= ?3 ORDER BY due, id", &st) != 0)
		return -1;
	sqlite3_bind_text(st, 1, deck, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 2, after);
	sqlite3_bind_int64(st, 3, by);
	int ret = each_item_row(s, st, fn, ctx, NULL);
	sqlite3_finalize(st);
	return ret;
}

int store_each_review(struct store *s, store_review_fn *fn, void *ctx)
{
	sqlite3_stmt *st;
	if (store_prepare(s, "SELECT r.id, i.deck, i.question, r.time, r.grade, r.answer,"
	                  " r.seconds, r.state_before, r.state_after, r.stability, r.difficulty,"
	                  " r.elapsed_days, r.scheduled_days"
	                  " FROM reviews r JOIN items i ON i.id = r.item ORDER BY r.id", &st) != 0)
		return -1;
	int rc, ret = 0;
	while (ret == 0 && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct store_review r = {
			.id = sqlite3_column_int64(st, 0),
			.deck = (const char *)sqlite3_column_text(st, 1),
			.question = (const char *)sqlite3_column_text(st, 2),
			.time = sqlite3_column_int64(st, 3),
			.grade = to_int(sqlite3_column_int64(st, 4)),
			.answer = (const char *)sqlite3_column_text(st, 5),
			.seconds = sqlite3_column_double(st, 6),
			.state_before = to_int(sqlite3_column_int64(st, 7)),
			.state_after = to_int(sqlite3_column_int64(st, 8)),
			.stability = sqlite3_column_double(st, 9),
			.difficulty = sqlite3_column_double(st, 10),
			.elapsed_days = sqlite3_column_double(st, 11),
			.scheduled_days = to_int(sqlite3_column_int64(st, 12)),
		};
		ret = fn(ctx, &r);
	}
	return sqlfile_rows_end(&s->f, st, rc, ret, "reading");
}
