/* deck_arena — the memory a deck owns: every string and array of a loaded
 * deck lives in its arena, freed at once by deck_free; see deck_load.h.
 *
 * Blocks are carved out of chunks of CHUNK_SIZE bytes; nothing is freed on
 * its own.
 */
#include "deck_load.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

struct chunk {
	struct chunk *next;
	size_t used, size;
	max_align_t data[];
};

struct deck_arena {
	struct chunk *head;
};

#define CHUNK_SIZE (256u * 1024u)

/* n bytes aligned to align (a power of two, at most that of max_align_t).
 * Strings ask for no alignment and pointer arrays for a pointer's: rounding
 * every block up to sizeof (max_align_t), 32 bytes on x86-64, made the
 * model of a deck of short strings some 30% larger. */
static void *alloc_aligned(struct deck_arena *a, size_t n, size_t align)
{
	struct chunk *c = a->head;
	size_t pad = c ? (align - c->used % align) % align : 0;
	if (!c || c->size - c->used < n || c->size - c->used - n < pad) {
		pad = 0;
		size_t size = n > CHUNK_SIZE ? n : CHUNK_SIZE;
		c = malloc(sizeof *c + size);
		if (!c)
			return NULL;
		c->size = size;
		c->used = 0;
		/* A chunk made for one large block goes behind the current one,
		 * so the space left in the current one is not wasted. */
		if (a->head && size > CHUNK_SIZE) {
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	void *p = (char *)c->data + c->used + pad;
	c->used += pad + n;
	return p;
}

void *deck_arena_alloc(struct deck_arena *a, size_t n)
{
	return alloc_aligned(a, n, _Alignof(max_align_t));
}

/* Room for n string pointers. */
const char **deck_arena_ptrs(struct deck_arena *a, size_t n)
{
	return alloc_aligned(a, n * sizeof(const char *), _Alignof(const char *));
}

/* A copy of the n bytes at s and a NUL. */
char *deck_arena_strndup(struct deck_arena *a, const char *s, size_t n)
{
	char *p = alloc_aligned(a, n + 1, 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

struct deck_arena *deck_arena_new(void)
{
	return calloc(1, sizeof(struct deck_arena));
}

void deck_arena_free(struct deck_arena *a)
{
	if (!a)
		return;
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	free(a);
}
