/* strpool — a set of strings, each numbered in the order it was first
 * added: interning names and answers that repeat many times (a drill
 * report counts a million answers from a few thousand strings).
 *
 * The strings are copies kept in blocks the pool owns, valid until
 * strpool_free.  Pure: no I/O.
 */
#ifndef RECALL_STRPOOL_H
#define RECALL_STRPOOL_H

#include <stddef.h>
#include <stdint.h>

struct strpool;

/* An empty pool; NULL when memory runs out.  Free it with strpool_free. */
struct strpool *strpool_new(void);

/* Frees the pool and its strings; NULL is harmless. */
void strpool_free(struct strpool *p);

/* The number of s[0..len) (which may hold no NUL), added when new: 0 for
 * the first string added, 1 for the next, and so on.  Returns -1 when
 * memory runs out (nothing added). */
int64_t strpool_add(struct strpool *p, const char *s, size_t len);

/* The number of s[0..len) when it is in the pool, else -1. */
int64_t strpool_find(const struct strpool *p, const char *s, size_t len);

/* String number id (below strpool_count), NUL-terminated; its length in
 * *len when len is not NULL. */
const char *strpool_get(const struct strpool *p, size_t id, size_t *len);

/* How many strings the pool holds. */
size_t strpool_count(const struct strpool *p);

#endif
