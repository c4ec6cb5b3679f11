/* failalloc — for the allocation-failure test only, never in the shipped
 * binary: linked into build/san/recall-failalloc with
 * -Wl,--wrap=malloc,--wrap=calloc,--wrap=realloc,--wrap=strdup, so that
 * every allocation recall's own code makes comes here, and cJSON's too
 * (through cJSON_InitHooks).
 *
 * With RECALL_FAIL_ALLOC=N in the environment, the Nth allocation fails
 * (returns NULL, as when memory runs out) and "failalloc: failed
 * allocation N" goes to stderr; the others, and every one without the
 * variable, are served as usual.  tests/e2e/failalloc.sh runs recall for
 * N = 1, 2, ... until a run ends without reaching N.
 */
#include <cJSON.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
char *__real_strdup(const char *s);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);
char *__wrap_strdup(const char *s);

static unsigned long target, count;

/* True for the allocation that is to fail. */
static bool fail_now(void)
{
	if (target == 0 || ++count != target)
		return false;
	char msg[64];
	int n = snprintf(msg, sizeof msg, "failalloc: failed allocation %lu\n", count);
	if (n > 0 && write(STDERR_FILENO, msg, (size_t)n) < 0)
		return true;
	return true;
}

void *__wrap_malloc(size_t n)
{
	return fail_now() ? NULL : __real_malloc(n);
}

void *__wrap_calloc(size_t n, size_t size)
{
	return fail_now() ? NULL : __real_calloc(n, size);
}

void *__wrap_realloc(void *p, size_t n)
{
	return fail_now() ? NULL : __real_realloc(p, n);
}

char *__wrap_strdup(const char *s)
{
	return fail_now() ? NULL : __real_strdup(s);
}

__attribute__((constructor)) static void failalloc_init(void)
{
	const char *e = getenv("RECALL_FAIL_ALLOC");
	target = e ? strtoul(e, NULL, 10) : 0;
	cJSON_Hooks hooks = { __wrap_malloc, free };
	cJSON_InitHooks(&hooks);
}
