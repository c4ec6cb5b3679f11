/* deck_build — making a deck in memory instead of loading one from a file,
 * for the importers (import.h).
 *
 * The deck is the same model deck_load gives (deck.h), and owns its memory
 * the same way: every string and array given out here lives in the deck's
 * arena until deck_free.  Nothing is checked here: the caller makes each
 * question valid (import.c does, and the deck written from it is checked
 * again with deck_load_buffer).
 */
#ifndef RECALL_DECK_BUILD_H
#define RECALL_DECK_BUILD_H

#include <stddef.h>

#include "deck.h"

struct deck_build {
	struct deck *deck;  /* the deck being made */
	size_t cap;         /* room for questions in deck->questions */
};

/* Starts an empty deck (no id, no title, no questions) named path in
 * messages.  Returns 0, or -1 when memory runs out (b is then empty). */
int deck_build_init(struct deck_build *b, const char *path);

/* A copy of the n bytes at s and a NUL, owned by the deck; NULL when
 * memory runs out. */
char *deck_build_strndup(struct deck_build *b, const char *s, size_t n);
char *deck_build_strdup(struct deck_build *b, const char *s);

/* Room for n string pointers, owned by the deck; NULL when memory runs out. */
const char **deck_build_ptrs(struct deck_build *b, size_t n);

/* Appends a copy of *q (whose strings and arrays must already belong to
 * the deck) to the deck's questions.  Returns the copy, or NULL when
 * memory runs out. */
struct question *deck_build_add(struct deck_build *b, const struct question *q);

/* Hands the deck over (the caller frees it with deck_free); b is left
 * empty. */
struct deck *deck_build_finish(struct deck_build *b);

/* Frees a deck that was not handed over; an empty b is fine. */
void deck_build_free(struct deck_build *b);

#endif
