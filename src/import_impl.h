/* import_impl — the state of an import, shared by import.c (the table, the
 * run, diagnostics and text) and import_add.c (checking questions, ids).
 * Nothing else includes this header: parsers see struct import_ctx only
 * through import.h. */
#ifndef RECALL_IMPORT_IMPL_H
#define RECALL_IMPORT_IMPL_H

#include <stdint.h>

#include "deck_build.h"
#include "import.h"

/* Where a question came from, and what it holds, for duplicates. */
struct import_origin {
	uint64_t content;  /* hash of its prompt and answer (import_add.c) */
	size_t file;       /* index in names */
	unsigned line;
};

/* An open-addressing table from a 64-bit hash to a question index. */
struct import_slot {
	uint64_t hash;
	size_t index;      /* question index + 1; 0 for an empty slot */
};

struct import_ctx {
	struct deck_build build;     /* the deck being made */
	struct import_counts counts;
	struct diags *d;             /* where the file being read reports */
	struct diag_src src;         /* the file being read */
	char **names;                /* every file read, in order (owned) */
	size_t nnames;
	size_t here;                 /* offset of the question being read */
	size_t nplaced;              /* import_right_place's turn */
	struct import_origin *origin;  /* per question of the deck */
	size_t origin_cap;
	struct import_slot *ids;     /* by hash of the id */
	struct import_slot *contents;  /* by import_origin.content */
	size_t table_cap;            /* slots in each table, a power of two */
	bool oom;
};

/* Adds a diagnostic at the line of c->here, without a column. */
void import_report_line(struct import_ctx *c, enum diag_level level, const char *fmt, va_list ap)
	__attribute__((format(printf, 3, 0)));

#endif
