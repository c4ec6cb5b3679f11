/* pqlib — see pqlib.h.  Here the table is filled, so the usual names
 * must stay the library's own. */
#define PQLIB_NO_ROUTES
#include "pqlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#ifndef RECALL_LIBPQ
#define RECALL_LIBPQ "libpq.so.5"
#endif

struct pqlib pqlib;

int pqlib_load(char *err, size_t errsize)
{
	static void *lib;
	if (lib)
		return 0;
	void *h = dlopen(RECALL_LIBPQ, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(err, errsize, "the client library libpq cannot be loaded (%s)",
		         why ? why : RECALL_LIBPQ);
		return -1;
	}
	struct pqlib t;
	/* dlsym returns an object pointer; POSIX guarantees it converts to a
	 * function pointer, which C leaves to the platform: copied as bytes. */
#define PQLIB_RESOLVE(ret, name, params) \
	{ \
		void *sym = dlsym(h, #name); \
		if (!sym) { \
			snprintf(err, errsize, "the client library %s has no %s", \
			         RECALL_LIBPQ, #name); \
			dlclose(h); \
			return -1; \
		} \
		memcpy(&t.name, &sym, sizeof t.name); \
	}
	PQLIB_FUNCTIONS(PQLIB_RESOLVE)
#undef PQLIB_RESOLVE
	pqlib = t;
	lib = h;
	return 0;
}
