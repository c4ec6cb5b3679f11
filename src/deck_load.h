/* deck_load — what the files of the deck loader share (internal).
 *
 * The loader is deck.c (the top level and the public API of deck.h),
 * deck_arena.c (the memory a deck owns), deck_field.c (checking single
 * fields and reporting problems at their place in the file) and
 * deck_types.c (the fields of each question type, for the rows of
 * qtype.c); deck_build.c makes decks in memory from the same arena.
 * Nothing outside these files and qtype.c includes this header.
 *
 * Strings and arrays the helpers return live in the deck's arena: the
 * deck owns them.  A helper that returns NULL or false has reported why,
 * or set the loader's oom.
 */
#ifndef RECALL_DECK_LOAD_H
#define RECALL_DECK_LOAD_H

#include <cJSON.h>
#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#include "deck.h"
#include "diag.h"
#include "json.h"

/* ---- the arena (deck_arena.c) ------------------------------------------ */

/* A new, empty arena, or NULL when memory runs out; free with
 * deck_arena_free. */
struct deck_arena *deck_arena_new(void);
/* n bytes aligned for any type, or NULL when memory runs out. */
void *deck_arena_alloc(struct deck_arena *a, size_t n);
/* Room for n string pointers, or NULL. */
const char **deck_arena_ptrs(struct deck_arena *a, size_t n);
/* A copy of the n bytes at s and a NUL, or NULL. */
char *deck_arena_strndup(struct deck_arena *a, const char *s, size_t n);
/* Frees a and everything allocated from it; NULL is fine. */
void deck_arena_free(struct deck_arena *a);

/* ---- the loader's state ------------------------------------------------ */

struct deck_loader {
	struct diag_src src;
	struct diags *d;
	struct deck *deck;
	size_t nerrors_before;  /* d->nerrors when this file started */
	bool oom;
};

/* What is being checked: one value (a top-level member's value or one
 * question) parsed on its own, and how to find its nodes' positions. */
struct deck_ctx {
	struct deck_loader *L;
	struct json_span span;    /* its bytes */
	const cJSON *root;
	struct json_loc *locs;    /* found on first need */
	const cJSON **nodes;      /* the cJSON nodes in the same pre-order */
	size_t nlocs, nnodes;
	/* What is prefixed to messages: "source 2", "question 3 (id 'x')" or
	 * nothing.  Kept as parts and written out only when there is a message,
	 * which most values never have. */
	enum { DECK_WHAT_NONE, DECK_WHAT_SOURCE, DECK_WHAT_QUESTION } what;
	size_t what_index;        /* 0-based */
	const char *what_id;      /* a question's id, when known */
};

/* Releases what c found out about positions (c itself is the caller's). */
void deck_ctx_done(struct deck_ctx *c);

/* ---- reporting (deck_field.c) ------------------------------------------ */

/* Adds a message about node (its key when at_key and it has one), placed
 * at its line and column and prefixed with what c is checking. */
void deck_report(struct deck_ctx *c, enum diag_level level, const cJSON *node, bool at_key,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#define deck_error_at(c, node, ...) deck_report((c), DIAG_ERROR, (node), false, __VA_ARGS__)
#define deck_warn_key(c, node, ...) deck_report((c), DIAG_WARNING, (node), true, __VA_ARGS__)

/* Deck text quoted in a message: escaped and cut short, in buf; returns buf. */
const char *deck_quote(const char *s, char *buf, size_t size);

/* "a string", "a number", ... "nothing" for NULL: what n is, for messages. */
const char *deck_json_kind(const cJSON *n);

/* ---- fields (deck_field.c) --------------------------------------------- */

/* cJSON_GetObjectItemCaseSensitive (the first member so named, NULL at a
 * member with no name), but comparing first bytes before calling strcmp:
 * the loader looks up a dozen names in each question, and most keys differ
 * from the name sought in their first byte.  Inline: it is the hot path. */
static inline const cJSON *deck_field(const cJSON *obj, const char *name)
{
	if (!obj)
		return NULL;
	for (const cJSON *m = obj->child; m && m->string; m = m->next)
		if (m->string[0] == name[0] && strcmp(m->string, name) == 0)
			return m;
	return NULL;
}

/* Reports duplicate keys in every object of the tree n. */
void deck_check_duplicates(struct deck_ctx *c, const cJSON *n);

/* The name in v or else in more (both NULL-terminated; more may be NULL)
 * that s most likely misspells: one differing in case only, or else the
 * nearest within an edit distance of 2 (and less than the name's length);
 * NULL when none is near. */
const char *deck_suggest(const char *s, const char *const *v, const char *const *more);

/* Warns about fields of obj not in allowed (NULL-terminated); those in
 * elsewhere (fields of other question types; may be NULL) get a more
 * helpful word naming kind ("a choice question"). */
void deck_check_fields(struct deck_ctx *c, const cJSON *obj, const char *const *allowed,
                       const char *const *elsewhere, const char *kind);

/* n as a usable string (no control characters but newline and tab; not
 * blank unless may_be_blank); name is the field, for messages. */
const char *deck_take_string(struct deck_ctx *c, const cJSON *n, const char *name, bool may_be_blank);
const char *deck_req_string(struct deck_ctx *c, const cJSON *obj, const char *name);
/* NULL when absent too. */
const char *deck_opt_string(struct deck_ctx *c, const cJSON *obj, const char *name, bool may_be_blank);
/* dflt when absent or wrong. */
bool deck_opt_bool(struct deck_ctx *c, const cJSON *obj, const char *name, bool dflt);
/* A finite number into *out. */
bool deck_take_number(struct deck_ctx *c, const cJSON *n, const char *name, double *out);
/* An optional whole number in [lo, hi]; 0 when absent or wrong. */
int deck_opt_int(struct deck_ctx *c, const cJSON *obj, const char *name, int lo, int hi);
/* A slug: 1-64 of [a-z0-9._-]. */
bool deck_is_slug(const char *s);
const char *deck_req_slug(struct deck_ctx *c, const cJSON *obj, const char *name);
/* A list of distinct non-empty strings, count within [lo, hi] (stored in
 * *count).  Returned with every fault reported, NULL entries for strings
 * that are not usable, even when entries or the count are wrong, so that
 * what depends on the list can still be checked; NULL only when there is
 * no list (not an array, or empty) or memory runs out. */
const char **deck_take_string_list(struct deck_ctx *c, const cJSON *n, const char *name,
                                   size_t lo, size_t hi, size_t *count);

#endif
