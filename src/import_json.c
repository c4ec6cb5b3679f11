/* import_json — JSON files for importers: checked by json_check, parsed by
 * cJSON, and each node's place in the file known; see import.h. */
#include "import.h"

#include <cJSON.h>
#include <stdint.h>
#include <stdlib.h>

#include "import_impl.h"
#include "json.h"

struct import_json_node {
	const cJSON *node;
	size_t off;
};

/* Pairs the nodes of the tree under n, in pre-order, with locs (the same
 * order: json_locate). */
static void pair(const cJSON *n, const struct json_loc *locs, size_t nlocs,
                 struct import_json_node *at, size_t *k)
{
	for (; n; n = n->next) {
		if (*k < nlocs) {
			at[*k] = (struct import_json_node){ n, locs[*k].val };
			(*k)++;
		}
		pair(n->child, locs, nlocs, at, k);
	}
}

static int by_node(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct import_json_node *)a)->node;
	uintptr_t y = (uintptr_t)((const struct import_json_node *)b)->node;
	return (x > y) - (x < y);
}

int import_json_parse(struct import_ctx *c, const char *buf, size_t len, struct import_json *j)
{
	(void)len;  /* c->src holds the same bytes */
	j->root = NULL;
	j->at = NULL;
	j->n = 0;
	struct json_top top;
	if (json_check(&c->src, c->d, &top) != 0)
		return -1;
	struct json_span span = top.value;
	json_top_free(&top);
	j->root = cJSON_ParseWithLengthOpts(buf + span.start, span.end - span.start, NULL, 0);
	struct json_loc *locs = NULL;
	size_t nlocs = 0;
	if (!j->root || json_locate(buf, span, &locs, &nlocs) != 0) {
		c->oom = true;
		return -1;
	}
	j->at = malloc((nlocs ? nlocs : 1) * sizeof *j->at);
	if (!j->at) {
		free(locs);
		c->oom = true;
		return -1;
	}
	pair(j->root, locs, nlocs, j->at, &j->n);
	free(locs);
	qsort(j->at, j->n, sizeof *j->at, by_node);
	return 0;
}

size_t import_json_offset(const struct import_json *j, const struct cJSON *node)
{
	struct import_json_node key = { node, 0 };
	const struct import_json_node *e = bsearch(&key, j->at, j->n, sizeof *j->at, by_node);
	return e ? e->off : 0;
}

void import_json_free(struct import_json *j)
{
	cJSON_Delete(j->root);
	free(j->at);
	j->root = NULL;
	j->at = NULL;
	j->n = 0;
}
