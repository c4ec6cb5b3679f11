/* strpool — interned strings, numbered in order; see strpool.h.
 *
 * An open-addressing hash table (linear probing, at most half full) of
 * string numbers; the strings themselves sit one after the other in blocks
 * of BLOCK bytes (a longer one gets a block of its own). */
#include "strpool.h"

#include <stdlib.h>
#include <string.h>

#define BLOCK 65536

struct entry {
	const char *s;  /* in a block */
	size_t len;
	uint64_t hash;
};

struct strpool {
	struct entry *v;   /* the strings, by number */
	size_t n, cap;     /* in v; allocated */
	uint32_t *slots;   /* the table: number + 1, 0 for an empty slot */
	size_t nslots;     /* a power of two */
	char **blocks;     /* the blocks, for freeing */
	size_t nblocks, capblocks;
	char *free_at;     /* room left in the last block */
	size_t room;
};

/* FNV-1a, 64 bits. */
static uint64_t hash_of(const char *s, size_t len)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	return h;
}

struct strpool *strpool_new(void)
{
	struct strpool *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->nslots = 64;
	p->slots = calloc(p->nslots, sizeof *p->slots);
	if (!p->slots) {
		free(p);
		return NULL;
	}
	return p;
}

void strpool_free(struct strpool *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nblocks; i++)
		free(p->blocks[i]);
	free(p->blocks);
	free(p->slots);
	free(p->v);
	free(p);
}

/* The slot of (s, len, h): where it is, or the empty slot where it would go. */
static size_t probe(const struct strpool *p, const char *s, size_t len, uint64_t h)
{
	size_t mask = p->nslots - 1, i = (size_t)h & mask;
	for (;;) {
		uint32_t k = p->slots[i];
		if (k == 0)
			return i;
		const struct entry *e = &p->v[k - 1];
		if (e->hash == h && e->len == len && memcmp(e->s, s, len) == 0)
			return i;
		i = (i + 1) & mask;
	}
}

int64_t strpool_find(const struct strpool *p, const char *s, size_t len)
{
	uint32_t k = p->slots[probe(p, s, len, hash_of(s, len))];
	return k ? (int64_t)k - 1 : -1;
}

/* Doubles the table. */
static int grow_slots(struct strpool *p)
{
	size_t n = p->nslots * 2;
	uint32_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return -1;
	free(p->slots);
	p->slots = slots;
	p->nslots = n;
	for (size_t k = 0; k < p->n; k++)
		p->slots[probe(p, p->v[k].s, p->v[k].len, p->v[k].hash)] = (uint32_t)(k + 1);
	return 0;
}

/* Room for len + 1 bytes in a block; NULL when memory runs out. */
static char *room_for(struct strpool *p, size_t len)
{
	if (len + 1 <= p->room) {
		char *at = p->free_at;
		p->free_at += len + 1;
		p->room -= len + 1;
		return at;
	}
	if (p->nblocks == p->capblocks) {
		size_t cap = p->capblocks ? 2 * p->capblocks : 16;
		char **b = realloc(p->blocks, cap * sizeof *b);
		if (!b)
			return NULL;
		p->blocks = b;
		p->capblocks = cap;
	}
	size_t size = len + 1 > BLOCK ? len + 1 : BLOCK;
	char *block = malloc(size);
	if (!block)
		return NULL;
	p->blocks[p->nblocks++] = block;
	if (size == BLOCK) {  /* a block of its own keeps the last one's room */
		p->free_at = block + len + 1;
		p->room = BLOCK - len - 1;
	}
	return block;
}

int64_t strpool_add(struct strpool *p, const char *s, size_t len)
{
	uint64_t h = hash_of(s, len);
	size_t slot = probe(p, s, len, h);
	if (p->slots[slot])
		return (int64_t)p->slots[slot] - 1;
	if (p->n >= UINT32_MAX - 1)
		return -1;
	if (2 * (p->n + 1) > p->nslots) {  /* at most half full: probing always ends */
		if (grow_slots(p) != 0)
			return -1;
		slot = probe(p, s, len, h);
	}
	if (p->n == p->cap) {
		size_t cap = p->cap ? 2 * p->cap : 64;
		struct entry *v = realloc(p->v, cap * sizeof *v);
		if (!v)
			return -1;
		p->v = v;
		p->cap = cap;
	}
	char *copy = room_for(p, len);
	if (!copy)
		return -1;
	memcpy(copy, s, len);
	copy[len] = '\0';
	p->v[p->n] = (struct entry){ copy, len, h };
	p->slots[slot] = (uint32_t)(p->n + 1);
	p->n++;
	return (int64_t)p->n - 1;
}

const char *strpool_get(const struct strpool *p, size_t id, size_t *len)
{
	if (len)
		*len = p->v[id].len;
	return p->v[id].s;
}

size_t strpool_count(const struct strpool *p)
{
	return p->n;
}
