/* deck_build — making a deck in memory; see deck_build.h.  One of the
 * loader's files (deck_load.h): it shares the deck's arena. */
#include "deck_build.h"

#include <stdlib.h>
#include <string.h>

#include "deck_load.h"

int deck_build_init(struct deck_build *b, const char *path)
{
	b->deck = calloc(1, sizeof *b->deck);
	b->cap = 0;
	if (!b->deck)
		return -1;
	b->deck->arena = deck_arena_new();
	b->deck->path = strdup(path);
	if (!b->deck->arena || !b->deck->path) {
		deck_build_free(b);
		return -1;
	}
	return 0;
}

char *deck_build_strndup(struct deck_build *b, const char *s, size_t n)
{
	return deck_arena_strndup(b->deck->arena, s, n);
}

char *deck_build_strdup(struct deck_build *b, const char *s)
{
	return deck_arena_strndup(b->deck->arena, s, strlen(s));
}

const char **deck_build_ptrs(struct deck_build *b, size_t n)
{
	return deck_arena_ptrs(b->deck->arena, n ? n : 1);
}

struct question *deck_build_add(struct deck_build *b, const struct question *q)
{
	struct deck *d = b->deck;
	if (d->nquestions == b->cap) {
		/* The arena frees nothing: the old array stays until deck_free,
		 * which doubling keeps below the size of the final one. */
		size_t cap = b->cap ? b->cap * 2 : 64;
		struct question *v = deck_arena_alloc(d->arena, cap * sizeof *v);
		if (!v)
			return NULL;
		if (d->nquestions)
			memcpy(v, d->questions, d->nquestions * sizeof *v);
		d->questions = v;
		b->cap = cap;
	}
	d->questions[d->nquestions] = *q;
	return &d->questions[d->nquestions++];
}

struct deck *deck_build_finish(struct deck_build *b)
{
	struct deck *d = b->deck;
	b->deck = NULL;
	b->cap = 0;
	return d;
}

void deck_build_free(struct deck_build *b)
{
	deck_free(b->deck);
	b->deck = NULL;
	b->cap = 0;
}
