/* deck — loading and checking decks; see deck.h and questions/FORMAT.md.
 *
 * The bytes are checked strictly first (json_check).  Then each top-level
 * member, and each question on its own, is handed to cJSON, checked against
 * the format and copied into the deck's arena, and its cJSON tree freed at
 * once: memory stays near the size of the file however many questions
 * there are.  Positions for messages are found only when there is something
 * to say (json_locate over the span of the value concerned).
 */
#include "deck.h"

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "json.h"
#include "text.h"

/* ---- arena ---------------------------------------------------------- */

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
static void *arena_alloc_aligned(struct deck_arena *a, size_t n, size_t align)
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

static void *arena_alloc(struct deck_arena *a, size_t n)
{
	return arena_alloc_aligned(a, n, _Alignof(max_align_t));
}

/* Room for n string pointers. */
static const char **arena_ptrs(struct deck_arena *a, size_t n)
{
	return arena_alloc_aligned(a, n * sizeof(const char *), _Alignof(const char *));
}

/* A copy of the n bytes at s and a NUL. */
static char *arena_strndup(struct deck_arena *a, const char *s, size_t n)
{
	char *p = arena_alloc_aligned(a, n + 1, 1);
	if (p) {
		memcpy(p, s, n);
		p[n] = '\0';
	}
	return p;
}

static void arena_free(struct deck_arena *a)
{
	struct chunk *c = a->head;
	while (c) {
		struct chunk *next = c->next;
		free(c);
		c = next;
	}
	a->head = NULL;
}

/* ---- names ---------------------------------------------------------- */

static const char *const type_names[Q_NTYPES] = {
	"choice", "multi", "truefalse", "number", "text", "order", "match", "card",
};

const char *deck_type_name(enum qtype t)
{
	return (unsigned)t < Q_NTYPES ? type_names[t] : NULL;
}

int deck_type_parse(const char *s)
{
	for (int i = 0; i < Q_NTYPES; i++)
		if (strcmp(s, type_names[i]) == 0)
			return i;
	return -1;
}

/* ---- the loader's state --------------------------------------------- */

struct loader {
	struct diag_src src;
	struct diags *d;
	struct deck *deck;
	size_t nerrors_before;  /* d->nerrors when this file started */
	bool oom;
};

/* What is being checked: one value (a top-level member's value or one
 * question) parsed on its own, and how to find its nodes' positions. */
struct ctx {
	struct loader *L;
	struct json_span span;    /* its bytes */
	const cJSON *root;
	struct json_loc *locs;    /* found on first need */
	const cJSON **nodes;      /* the cJSON nodes in the same pre-order */
	size_t nlocs, nnodes;
	/* What is prefixed to messages: "source 2", "question 3 (id 'x')" or
	 * nothing.  Kept as parts and written out only when there is a message,
	 * which most values never have. */
	enum { WHAT_NONE, WHAT_SOURCE, WHAT_QUESTION } what;
	size_t what_index;        /* 0-based */
	const char *what_id;      /* a question's id, when known */
};

static void collect_nodes(const cJSON *n, const cJSON **out, size_t *k, size_t cap)
{
	for (; n; n = n->next) {
		if (*k < cap)
			out[*k] = n;
		(*k)++;
		collect_nodes(n->child, out, k, cap);
	}
}

static size_t count_nodes(const cJSON *n)
{
	size_t k = 0;
	for (; n; n = n->next)
		k += 1 + count_nodes(n->child);
	return k;
}

/* Byte offset of node (of its key when at_key and it has one). */
static size_t node_offset(struct ctx *c, const cJSON *node, bool at_key)
{
	if (!node || !c->root)
		return c->span.start;
	if (!c->locs) {
		if (json_locate(c->L->src.buf, c->span, &c->locs, &c->nlocs) != 0)
			return c->span.start;
		/* The root alone, not its siblings: it was parsed on its own. */
		size_t n = 1 + count_nodes(c->root->child);
		c->nodes = malloc(n * sizeof *c->nodes);
		if (!c->nodes)
			return c->span.start;
		c->nodes[0] = c->root;
		c->nnodes = 1;
		collect_nodes(c->root->child, c->nodes, &c->nnodes, n);
	}
	size_t n = c->nnodes < c->nlocs ? c->nnodes : c->nlocs;
	for (size_t i = 0; i < n; i++) {
		if (c->nodes[i] == node) {
			if (at_key && c->locs[i].key != (size_t)-1)
				return c->locs[i].key;
			return c->locs[i].val;
		}
	}
	return c->span.start;
}

static void ctx_done(struct ctx *c)
{
	free(c->locs);
	free(c->nodes);
	c->locs = NULL;
	c->nodes = NULL;
}

static const char *q(const char *s, char *buf, size_t size);

__attribute__((format(printf, 5, 6)))
static void report(struct ctx *c, enum diag_level level, const cJSON *node, bool at_key,
                   const char *fmt, ...)
{
	char msg[800];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	char what[200] = "";
	if (c->what == WHAT_SOURCE) {
		snprintf(what, sizeof what, "source %zu", c->what_index + 1);
	} else if (c->what == WHAT_QUESTION && c->what_id) {
		char b[80];
		snprintf(what, sizeof what, "question %zu (id '%s')", c->what_index + 1,
		         q(c->what_id, b, sizeof b));
	} else if (c->what == WHAT_QUESTION) {
		snprintf(what, sizeof what, "question %zu", c->what_index + 1);
	}
	diag_at(c->L->d, &c->L->src, node_offset(c, node, at_key), level, "%s%s%s",
	        what, what[0] ? ": " : "", msg);
}

#define error_at(c, node, ...) report((c), DIAG_ERROR, (node), false, __VA_ARGS__)
#define warn_key(c, node, ...) report((c), DIAG_WARNING, (node), true, __VA_ARGS__)

/* Deck text quoted in a message: escaped and cut short. */
static const char *q(const char *s, char *buf, size_t size)
{
	size_t len = strlen(s);
	text_escape_into(s, false, buf, size);
	if (strlen(buf) < len && size > 4) {  /* cut: mark it */
		size_t n = strlen(buf);
		if (n > size - 4)
			n = size - 4;
		while (n > 0 && ((unsigned char)buf[n] & 0xC0) == 0x80)
			n--;
		memcpy(buf + n, "...", 4);
	}
	return buf;
}

static const char *json_kind(const cJSON *n)
{
	if (!n)
		return "nothing";
	if (cJSON_IsString(n)) return "a string";
	if (cJSON_IsNumber(n)) return "a number";
	if (cJSON_IsBool(n)) return "a boolean";
	if (cJSON_IsNull(n)) return "null";
	if (cJSON_IsArray(n)) return "an array";
	if (cJSON_IsObject(n)) return "an object";
	return "an unknown value";
}

/* ---- generic checks --------------------------------------------------- */

/* Reports duplicate keys in every object of the tree. */
static void check_duplicates(struct ctx *c, const cJSON *n)
{
	for (; n; n = n->next) {
		if (cJSON_IsObject(n)) {
			for (const cJSON *a = n->child; a; a = a->next) {
				for (const cJSON *b = n->child; b != a; b = b->next) {
					/* The first bytes first: most keys differ there. */
					if (a->string[0] == b->string[0] && strcmp(a->string, b->string) == 0) {
						char k[80];
						report(c, DIAG_ERROR, a, true, "duplicate key '%s'",
						       q(a->string, k, sizeof k));
						break;
					}
				}
			}
		}
		if (n->child)
			check_duplicates(c, n->child);
	}
}

/* The bytes that stop scan_text's inner loop: the terminating NUL, the
 * control characters but '\n' and '\t', 0x7F, and 0xC2 (the lead byte of
 * U+0080..U+009F, and of other characters that are fine). */
static const unsigned char text_stop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1,  /* 0x00..0x0f: not \t \n */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x10..0x1f */
	[0x7F] = 1, [0xC2] = 1,
};

/* One pass over a string for take_string: its length in *len, and whether
 * it holds a control character other than '\n' and '\t' (then *len is not
 * set) or is blank (spaces, tabs and newlines only, or empty). */
static bool scan_text(const char *s, size_t *len, bool *blank)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	*blank = *p == '\0';
	for (;;) {
		while (!text_stop[*p])
			p++;
		if (*p == '\0')
			break;
		if (*p != 0xC2)
			return true;
		if (p[1] >= 0x80 && p[1] <= 0x9F)
			return true;  /* U+0080..U+009F */
		p++;
	}
	*len = (size_t)((const char *)p - s);
	return false;
}

/* Checks that n is a usable string; returns an arena copy or NULL
 * (having reported why).  name is the field, for messages. */
static const char *take_string(struct ctx *c, const cJSON *n, const char *name, bool may_be_blank)
{
	if (!cJSON_IsString(n)) {
		error_at(c, n, "'%s' must be a string, found %s", name, json_kind(n));
		return NULL;
	}
	size_t len = 0;
	bool blank;
	if (scan_text(n->valuestring, &len, &blank)) {
		error_at(c, n, "'%s' holds a control character (only newline and tab are allowed)", name);
		return NULL;
	}
	if (!may_be_blank && blank) {
		error_at(c, n, "'%s' must not be empty", name);
		return NULL;
	}
	const char *s = arena_strndup(c->L->deck->arena, n->valuestring, len);
	if (!s)
		c->L->oom = true;
	return s;
}

/* cJSON_GetObjectItemCaseSensitive (the first member so named, NULL at a
 * member with no name), but comparing first bytes before calling strcmp:
 * the loader looks up a dozen names in each question, and most keys differ
 * from the name sought in their first byte. */
static const cJSON *field(const cJSON *obj, const char *name)
{
	if (!obj)
		return NULL;
	for (const cJSON *m = obj->child; m && m->string; m = m->next)
		if (m->string[0] == name[0] && strcmp(m->string, name) == 0)
			return m;
	return NULL;
}

/* A required string field of obj. */
static const char *req_string(struct ctx *c, const cJSON *obj, const char *name)
{
	const cJSON *n = field(obj, name);
	if (!n) {
		error_at(c, obj, "missing '%s'", name);
		return NULL;
	}
	return take_string(c, n, name, false);
}

static const char *opt_string(struct ctx *c, const cJSON *obj, const char *name, bool may_be_blank)
{
	const cJSON *n = field(obj, name);
	return n ? take_string(c, n, name, may_be_blank) : NULL;
}

static bool opt_bool(struct ctx *c, const cJSON *obj, const char *name, bool dflt)
{
	const cJSON *n = field(obj, name);
	if (!n)
		return dflt;
	if (!cJSON_IsBool(n)) {
		error_at(c, n, "'%s' must be true or false, found %s", name, json_kind(n));
		return dflt;
	}
	return cJSON_IsTrue(n);
}

/* A finite number; false (reported) otherwise. */
static bool take_number(struct ctx *c, const cJSON *n, const char *name, double *out)
{
	if (!cJSON_IsNumber(n)) {
		error_at(c, n, "'%s' must be a number, found %s", name, json_kind(n));
		return false;
	}
	if (!isfinite(n->valuedouble)) {
		error_at(c, n, "'%s' is too large a number", name);
		return false;
	}
	*out = n->valuedouble;
	return true;
}

/* An optional whole number in [lo, hi]; 0 when absent or wrong. */
static int opt_int(struct ctx *c, const cJSON *obj, const char *name, int lo, int hi)
{
	const cJSON *n = field(obj, name);
	double v;
	if (!n || !take_number(c, n, name, &v))
		return 0;
	if (v != floor(v) || v < lo || v > hi) {
		error_at(c, n, "'%s' must be a whole number from %d to %d", name, lo, hi);
		return 0;
	}
	return (int)v;
}

/* A slug: 1-64 of [a-z0-9._-]. */
static bool is_slug(const char *s)
{
	size_t n = 0;
	for (; s[n]; n++) {
		char ch = s[n];
		if (!((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' ||
		      ch == '_' || ch == '.'))
			return false;
	}
	return n >= 1 && n <= 64;
}

static const char *req_slug(struct ctx *c, const cJSON *obj, const char *name)
{
	const char *s = req_string(c, obj, name);
	if (s && !is_slug(s)) {
		char b[80];
		error_at(c, field(obj, name),
		         "'%s' must be a slug of 1 to 64 lower-case letters, digits, '-', '_' or '.', found '%s'",
		         name, q(s, b, sizeof b));
		return NULL;
	}
	return s;
}

/* Warns about fields of obj not in allowed (NULL-terminated); those in
 * elsewhere (fields of other question types) get a more helpful word. */
static void check_fields(struct ctx *c, const cJSON *obj, const char *const *allowed,
                         const char *const *elsewhere, const char *kind)
{
	for (const cJSON *m = obj->child; m; m = m->next) {
		bool ok = false, other = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = (*a)[0] == m->string[0] && strcmp(*a, m->string) == 0;
		for (const char *const *a = elsewhere; a && *a && !ok && !other; a++)
			other = (*a)[0] == m->string[0] && strcmp(*a, m->string) == 0;
		if (ok)
			continue;
		char k[80];
		if (other)
			warn_key(c, m, "field '%s' does not apply to %s (ignored)", q(m->string, k, sizeof k), kind);
		else
			warn_key(c, m, "unknown field '%s' (ignored)", q(m->string, k, sizeof k));
	}
}

/* A list of distinct non-empty strings, count within [lo, hi].  Returns an
 * arena array, or NULL having reported why. */
static const char **take_string_list(struct ctx *c, const cJSON *n, const char *name,
                                     size_t lo, size_t hi, size_t *count)
{
	if (!cJSON_IsArray(n)) {
		error_at(c, n, "'%s' must be an array of strings, found %s", name, json_kind(n));
		return NULL;
	}
	size_t k = (size_t)cJSON_GetArraySize(n);
	if (k == 0 && hi == SIZE_MAX) {
		error_at(c, n, "'%s' is empty: it needs at least %zu %s", name, lo, lo == 1 ? "entry" : "entries");
		return NULL;
	}
	if (k == 0) {
		error_at(c, n, "'%s' is empty: it needs %zu to %zu entries", name, lo, hi);
		return NULL;
	}
	if (k < lo || k > hi) {
		error_at(c, n, "'%s' has %zu entries: it needs %zu to %zu", name, k, lo, hi);
		return NULL;
	}
	const char **v = arena_ptrs(c->L->deck->arena, k);
	if (!v) {
		c->L->oom = true;
		return NULL;
	}
	size_t i = 0;
	bool ok = true;
	for (const cJSON *e = n->child; e; e = e->next, i++) {
		v[i] = take_string(c, e, name, false);
		if (!v[i]) {
			ok = false;
			continue;
		}
		for (size_t j = 0; j < i; j++) {
			if (v[j] && strcmp(v[j], v[i]) == 0) {
				char b[80];
				error_at(c, e, "'%s' lists '%s' twice", name, q(v[i], b, sizeof b));
				ok = false;
				break;
			}
		}
	}
	*count = k;
	return ok ? v : NULL;
}

/* ---- sources ---------------------------------------------------------- */

static void load_sources(struct loader *L, struct ctx *c, const cJSON *arr)
{
	if (!cJSON_IsArray(arr)) {
		error_at(c, arr, "'sources' must be an array, found %s", json_kind(arr));
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(arr);
	struct source *v = n ? arena_alloc(L->deck->arena, n * sizeof *v) : NULL;
	if (n && !v) {
		L->oom = true;
		return;
	}
	static const char *const allowed[] = { "id", "title", "date", "url", NULL };
	size_t k = 0, i = 0;
	for (const cJSON *e = arr->child; e; e = e->next, i++) {
		c->what = WHAT_SOURCE;
		c->what_index = i;
		if (!cJSON_IsObject(e)) {
			error_at(c, e, "expected an object with 'id' and 'title', found %s", json_kind(e));
			continue;
		}
		check_fields(c, e, allowed, NULL, "a source");
		struct source s = {0};
		s.id = req_slug(c, e, "id");
		s.title = req_string(c, e, "title");
		s.date = opt_string(c, e, "date", false);
		s.url = opt_string(c, e, "url", false);
		if (field(e, "date") && !s.date)
			continue;
		if (field(e, "url") && !s.url)
			continue;
		if (!s.id || !s.title)
			continue;
		bool dup = false;
		for (size_t j = 0; j < k && !dup; j++) {
			if (strcmp(v[j].id, s.id) == 0) {
				char b[80];
				error_at(c, field(e, "id"), "duplicate source id '%s'", q(s.id, b, sizeof b));
				dup = true;
			}
		}
		if (!dup)
			v[k++] = s;
	}
	c->what = WHAT_NONE;
	L->deck->sources = v;
	L->deck->nsources = k;
}

/* ---- questions -------------------------------------------------------- */

static const char *const common_fields[] = {
	"id", "type", "prompt", "explanation", "source", "tags", "difficulty", "points", "hint",
};
#define NCOMMON (sizeof common_fields / sizeof common_fields[0])

/* Fields of each type beyond the common ones. */
static const char *const type_fields[Q_NTYPES][6] = {
	[Q_CHOICE] = { "choices", "answer", "shuffle" },
	[Q_MULTI] = { "choices", "answer", "shuffle" },
	[Q_TRUEFALSE] = { "answer" },
	[Q_NUMBER] = { "answer", "tolerance", "min", "max", "unit" },
	[Q_TEXT] = { "answer", "exact" },
	[Q_ORDER] = { "items" },
	[Q_MATCH] = { "pairs" },
	[Q_CARD] = { "front", "back" },
};

/* True when a question of type t may have field k. */
static bool question_field_ok(const char *k, enum qtype t)
{
	for (size_t i = 0; i < NCOMMON; i++)
		if (common_fields[i][0] == k[0] && strcmp(common_fields[i], k) == 0)
			return t != Q_CARD || strcmp(k, "prompt") != 0;
	for (size_t i = 0; i < 6 && type_fields[t][i]; i++)
		if (type_fields[t][i][0] == k[0] && strcmp(type_fields[t][i], k) == 0)
			return true;
	return false;
}

static void question_fields(struct ctx *c, const cJSON *obj, enum qtype t)
{
	/* Nearly always every field is in order: make sure of that first,
	 * cheaply, and only otherwise build the lists the warnings need. */
	const cJSON *m = obj->child;
	while (m && question_field_ok(m->string, t))
		m = m->next;
	if (!m)
		return;

	const char *allowed[NCOMMON + 8];
	const char *others[64];
	size_t na = 0, no = 0;
	for (size_t i = 0; i < NCOMMON; i++)
		if (!(t == Q_CARD && strcmp(common_fields[i], "prompt") == 0))
			allowed[na++] = common_fields[i];
	for (size_t i = 0; i < 6 && type_fields[t][i]; i++)
		allowed[na++] = type_fields[t][i];
	allowed[na] = NULL;
	for (int u = 0; u < Q_NTYPES; u++)
		for (size_t i = 0; i < 6 && type_fields[u][i]; i++)
			others[no++] = type_fields[u][i];
	others[no++] = "prompt";
	others[no] = NULL;
	char kind[40];
	snprintf(kind, sizeof kind, "a %s question", type_names[t]);
	check_fields(c, obj, allowed, others, kind);
}

/* Index of s in v[0..n), or -1. */
static long find_string(const char **v, size_t n, const char *s)
{
	for (size_t i = 0; i < n; i++)
		if (v[i] && strcmp(v[i], s) == 0)
			return (long)i;
	return -1;
}

static bool load_choices(struct ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *ch = field(obj, "choices");
	if (!ch) {
		error_at(c, obj, "missing 'choices'");
		return false;
	}
	qn->choices = take_string_list(c, ch, "choices", 2, DECK_MAX_CHOICES, &qn->nchoices);
	qn->shuffle = opt_bool(c, obj, "shuffle", true);
	return qn->choices != NULL;
}

static void load_choice(struct ctx *c, const cJSON *obj, struct question *qn)
{
	if (!load_choices(c, obj, qn))
		return;
	const cJSON *a = field(obj, "answer");
	if (!a) {
		error_at(c, obj, "missing 'answer' (the text of the right choice)");
		return;
	}
	if (!cJSON_IsString(a)) {
		error_at(c, a, "'answer' must be the text of the right choice, found %s", json_kind(a));
		return;
	}
	long i = find_string(qn->choices, qn->nchoices, a->valuestring);
	if (i < 0) {
		char b[80];
		error_at(c, a, "answer '%s' is not one of the choices", q(a->valuestring, b, sizeof b));
		return;
	}
	qn->correct = (unsigned long)i;
}

static void load_multi(struct ctx *c, const cJSON *obj, struct question *qn)
{
	if (!load_choices(c, obj, qn))
		return;
	const cJSON *a = field(obj, "answer");
	if (!a) {
		error_at(c, obj, "missing 'answer' (the list of right choices)");
		return;
	}
	if (!cJSON_IsArray(a)) {
		error_at(c, a, "'answer' must be an array of the right choices, found %s", json_kind(a));
		return;
	}
	if (!a->child) {
		error_at(c, a, "'answer' is empty: name at least one right choice");
		return;
	}
	for (const cJSON *e = a->child; e; e = e->next) {
		if (!cJSON_IsString(e)) {
			error_at(c, e, "'answer' entries must be strings, found %s", json_kind(e));
			continue;
		}
		long i = find_string(qn->choices, qn->nchoices, e->valuestring);
		char b[80];
		if (i < 0)
			error_at(c, e, "answer '%s' is not one of the choices", q(e->valuestring, b, sizeof b));
		else if (qn->correct & (1ul << i))
			error_at(c, e, "answer '%s' is listed twice", q(e->valuestring, b, sizeof b));
		else
			qn->correct |= 1ul << i;
	}
}

static void load_number(struct ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *a = field(obj, "answer"), *tol = field(obj, "tolerance");
	const cJSON *mn = field(obj, "min"), *mx = field(obj, "max");
	qn->unit = opt_string(c, obj, "unit", false);
	if (!a) {
		error_at(c, obj, "missing 'answer' (a number)");
		return;
	}
	if (!take_number(c, a, "answer", &qn->number))
		return;
	qn->min = qn->max = qn->number;
	if (tol && (mn || mx)) {
		error_at(c, tol, "give either 'tolerance' or 'min' and 'max', not both");
		return;
	}
	if (tol) {
		double t;
		if (!take_number(c, tol, "tolerance", &t))
			return;
		if (t < 0) {
			error_at(c, tol, "'tolerance' must not be below zero, found %g", t);
			return;
		}
		qn->min = qn->number - t;
		qn->max = qn->number + t;
	} else if (mn || mx) {
		if (!mn || !mx) {
			error_at(c, mn ? mn : mx, "'min' and 'max' go together: give both");
			return;
		}
		if (!take_number(c, mn, "min", &qn->min) || !take_number(c, mx, "max", &qn->max))
			return;
		if (qn->min > qn->max)
			error_at(c, mn, "'min' (%g) is above 'max' (%g)", qn->min, qn->max);
		else if (qn->number < qn->min || qn->number > qn->max)
			error_at(c, a, "'answer' (%g) lies outside 'min' and 'max' (%g to %g)",
			         qn->number, qn->min, qn->max);
	}
}

static void load_text(struct ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *a = field(obj, "answer");
	qn->exact = opt_bool(c, obj, "exact", false);
	if (!a) {
		error_at(c, obj, "missing 'answer' (a string or a list of accepted strings)");
		return;
	}
	if (cJSON_IsString(a)) {
		const char **v = arena_ptrs(c->L->deck->arena, 1);
		if (!v) {
			c->L->oom = true;
			return;
		}
		v[0] = take_string(c, a, "answer", false);
		if (v[0]) {
			qn->accept = v;
			qn->naccept = 1;
		}
		return;
	}
	if (!cJSON_IsArray(a)) {
		error_at(c, a, "'answer' must be a string or an array of strings, found %s", json_kind(a));
		return;
	}
	qn->accept = take_string_list(c, a, "answer", 1, SIZE_MAX, &qn->naccept);
}

static void load_match(struct ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *p = field(obj, "pairs");
	if (!p) {
		error_at(c, obj, "missing 'pairs' (a list of [left, right])");
		return;
	}
	if (!cJSON_IsArray(p)) {
		error_at(c, p, "'pairs' must be an array of [left, right] pairs, found %s", json_kind(p));
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(p);
	if (n < 2 || n > DECK_MAX_CHOICES) {
		error_at(c, p, "'pairs' has %zu entries: it needs 2 to %u", n, DECK_MAX_CHOICES);
		return;
	}
	const char **l = arena_ptrs(c->L->deck->arena, n);
	const char **r = arena_ptrs(c->L->deck->arena, n);
	if (!l || !r) {
		c->L->oom = true;
		return;
	}
	bool ok = true;
	size_t i = 0;
	for (const cJSON *e = p->child; e; e = e->next, i++) {
		l[i] = r[i] = NULL;
		if (!cJSON_IsArray(e) || cJSON_GetArraySize(e) != 2) {
			error_at(c, e, "each pair must be an array of two strings [left, right], found %s",
			         cJSON_IsArray(e) ? "an array of another length" : json_kind(e));
			ok = false;
			continue;
		}
		l[i] = take_string(c, e->child, "pairs", false);
		r[i] = take_string(c, e->child->next, "pairs", false);
		if (!l[i] || !r[i]) {
			ok = false;
			continue;
		}
		char b[80];
		for (size_t j = 0; j < i; j++) {
			if (l[j] && strcmp(l[j], l[i]) == 0) {
				error_at(c, e->child, "left item '%s' appears twice", q(l[i], b, sizeof b));
				ok = false;
			}
			if (r[j] && strcmp(r[j], r[i]) == 0) {
				error_at(c, e->child->next, "right item '%s' appears twice", q(r[i], b, sizeof b));
				ok = false;
			}
		}
	}
	if (ok) {
		qn->choices = l;
		qn->rights = r;
		qn->nchoices = n;
	}
}

static void load_source_ref(struct ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *s = field(obj, "source");
	if (!s)
		return;
	if (!cJSON_IsObject(s)) {
		error_at(c, s, "'source' must be an object {\"ref\": ..., \"paragraph\": ...}, found %s",
		         json_kind(s));
		return;
	}
	static const char *const allowed[] = { "ref", "paragraph", NULL };
	check_fields(c, s, allowed, NULL, "a source reference");
	const cJSON *ref = field(s, "ref");
	if (!ref) {
		error_at(c, s, "'source' is missing 'ref' (the id of an entry of 'sources')");
		return;
	}
	if (!cJSON_IsString(ref)) {
		error_at(c, ref, "'ref' must be a string, found %s", json_kind(ref));
		return;
	}
	const struct deck *d = c->L->deck;
	/* Source ids are unique (duplicates are left out of d->sources): the
	 * first match is the only one. */
	for (size_t i = 0; i < d->nsources; i++) {
		if (d->sources[i].id[0] == ref->valuestring[0] &&
		    strcmp(d->sources[i].id, ref->valuestring) == 0) {
			qn->source = &d->sources[i];
			break;
		}
	}
	if (!qn->source) {
		char b[80];
		error_at(c, ref, "source '%s' is not listed in the deck's 'sources'",
		         q(ref->valuestring, b, sizeof b));
	}
	qn->paragraph = (unsigned)opt_int(c, s, "paragraph", 1, 1000000);
}

static void load_tags(struct ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *t = field(obj, "tags");
	if (t)
		qn->tags = take_string_list(c, t, "tags", 1, 64, &qn->ntags);
	if (!qn->tags)
		qn->ntags = 0;
}

/* Checks one question into qn (qn->id stays NULL when the id is unusable). */
static void load_question(struct ctx *c, const cJSON *obj, size_t index, struct question *qn)
{
	memset(qn, 0, sizeof *qn);
	c->what = WHAT_QUESTION;
	c->what_index = index;
	c->what_id = NULL;
	if (!cJSON_IsObject(obj)) {
		error_at(c, obj, "expected an object, found %s", json_kind(obj));
		return;
	}
	check_duplicates(c, obj);
	qn->points = DECK_DEFAULT_POINTS;
	const cJSON *idn = field(obj, "id");
	qn->id = req_slug(c, obj, "id");
	if (qn->id)
		c->what_id = qn->id;
	else if (cJSON_IsString(idn))
		c->what_id = idn->valuestring;  /* lives as long as the tree, as c does */

	const cJSON *tn = field(obj, "type");
	int t = -1;
	if (!tn) {
		error_at(c, obj, "missing 'type' (one of choice, multi, truefalse, number, text, order, match, card)");
	} else if (!cJSON_IsString(tn)) {
		error_at(c, tn, "'type' must be a string, found %s", json_kind(tn));
	} else if ((t = deck_type_parse(tn->valuestring)) < 0) {
		char b[80];
		error_at(c, tn, "unknown type '%s': expected one of choice, multi, truefalse, number, text, order, match, card",
		         q(tn->valuestring, b, sizeof b));
	}
	if (t < 0)
		return;
	qn->type = (enum qtype)t;
	question_fields(c, obj, qn->type);

	if (qn->type == Q_CARD) {
		qn->prompt = req_string(c, obj, "front");
		qn->back = req_string(c, obj, "back");
	} else {
		qn->prompt = req_string(c, obj, "prompt");
	}
	qn->explanation = opt_string(c, obj, "explanation", false);
	qn->hint = opt_string(c, obj, "hint", false);
	load_source_ref(c, obj, qn);
	load_tags(c, obj, qn);
	qn->difficulty = opt_int(c, obj, "difficulty", 1, 5);
	const cJSON *pts = field(obj, "points");
	if (pts && take_number(c, pts, "points", &qn->points) &&
	    !(qn->points > 0 && qn->points <= 10000)) {
		error_at(c, pts, "'points' must be above 0 and at most 10000, found %g", qn->points);
	}

	switch (qn->type) {
	case Q_CHOICE: load_choice(c, obj, qn); break;
	case Q_MULTI: load_multi(c, obj, qn); break;
	case Q_TRUEFALSE: {
		const cJSON *a = field(obj, "answer");
		if (!a)
			error_at(c, obj, "missing 'answer' (true or false)");
		else if (!cJSON_IsBool(a))
			error_at(c, a, "'answer' must be true or false, found %s", json_kind(a));
		else
			qn->truth = cJSON_IsTrue(a);
		break;
	}
	case Q_NUMBER: load_number(c, obj, qn); break;
	case Q_TEXT: load_text(c, obj, qn); break;
	case Q_ORDER: {
		const cJSON *it = field(obj, "items");
		if (!it)
			error_at(c, obj, "missing 'items' (listed in the right order)");
		else
			qn->choices = take_string_list(c, it, "items", 2, DECK_MAX_CHOICES, &qn->nchoices);
		break;
	}
	case Q_MATCH: load_match(c, obj, qn); break;
	case Q_CARD: case Q_NTYPES: break;
	}
}

/* ---- duplicate ids ---------------------------------------------------- */

static uint64_t hash_str(const char *s)
{
	uint64_t h = 1469598103934665603u;  /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* Reports questions whose id an earlier question already has (questions
 * with other faults too: a valid id is all it takes).  hashes[i] is
 * hash_str of question i's id, taken while the id was still in the cache:
 * with the hash kept in each slot, a probe reads another question's id
 * only when the hashes agree, instead of at every collision. */
static void check_unique_ids(struct loader *L, const struct json_span *spans,
                             const uint64_t *hashes)
{
	struct deck *d = L->deck;
	struct id_slot {
		uint64_t hash;
		size_t index;  /* question index + 1; 0 empty */
	};
	size_t cap = 16;
	while (cap < d->nquestions * 2)
		cap *= 2;
	struct id_slot *slot = calloc(cap, sizeof *slot);
	if (!slot) {
		L->oom = true;
		return;
	}
	for (size_t i = 0; i < d->nquestions; i++) {
		if (!d->questions[i].id)
			continue;
		const char *id = d->questions[i].id;
		uint64_t hash = hashes[i];
		size_t h = (size_t)hash & (cap - 1);
		while (slot[h].index && (slot[h].hash != hash ||
		                         strcmp(d->questions[slot[h].index - 1].id, id) != 0))
			h = (h + 1) & (cap - 1);
		if (!slot[h].index) {
			slot[h].hash = hash;
			slot[h].index = i + 1;
			continue;
		}
		size_t first = slot[h].index - 1;
		unsigned line, col;
		diag_src_pos(&L->src, spans[first].start, &line, &col);
		char b[80];
		diag_at(L->d, &L->src, spans[i].start, DIAG_ERROR,
		        "question %zu: duplicate id '%s' (question %zu at line %u has it already)",
		        i + 1, q(id, b, sizeof b), first + 1, line);
	}
	free(slot);
}

/* ---- the top level ------------------------------------------------- */

/* Parses the span on its own with cJSON. */
static cJSON *parse_span(const char *buf, struct json_span sp)
{
	return cJSON_ParseWithLengthOpts(buf + sp.start, sp.end - sp.start, NULL, 0);
}

static const char *const top_fields[] = {
	"format", "id", "title", "description", "language", "sources", "questions", NULL,
};

static void load_questions(struct loader *L, const struct json_member *m)
{
	struct deck *d = L->deck;
	struct ctx c = { .L = L, .span = m->value };
	if (L->src.buf[m->value.start] != '[') {
		cJSON *v = parse_span(L->src.buf, m->value);
		c.root = v;
		error_at(&c, v, "'questions' must be an array of questions, found %s", json_kind(v));
		ctx_done(&c);
		cJSON_Delete(v);
		return;
	}
	if (m->nelems == 0) {
		diag_at(L->d, &L->src, m->value.start, DIAG_ERROR,
		        "'questions' is empty: a deck needs at least one question");
		return;
	}
	d->questions = arena_alloc(d->arena, m->nelems * sizeof *d->questions);
	if (!d->questions) {
		L->oom = true;
		return;
	}
	uint64_t *hashes = malloc(m->nelems * sizeof *hashes);
	if (!hashes) {
		L->oom = true;
		return;
	}
	d->nquestions = m->nelems;
	for (size_t i = 0; i < m->nelems && !L->oom; i++) {
		struct ctx qc = { .L = L, .span = m->elems[i] };
		cJSON *v = parse_span(L->src.buf, m->elems[i]);
		if (!v) {
			L->oom = true;  /* the bytes were checked: only memory can fail */
			break;
		}
		qc.root = v;
		load_question(&qc, v, i, &d->questions[i]);
		hashes[i] = d->questions[i].id ? hash_str(d->questions[i].id) : 0;
		ctx_done(&qc);
		cJSON_Delete(v);
	}
	if (!L->oom)
		check_unique_ids(L, m->elems, hashes);
	free(hashes);
}

/* Decodes a key token (quotes included) into buf. */
static void decode_key(const char *src, struct json_span sp, char *buf, size_t size)
{
	cJSON *k = parse_span(src, sp);
	snprintf(buf, size, "%s", cJSON_IsString(k) ? k->valuestring : "");
	cJSON_Delete(k);
}

static void load_top(struct loader *L, const struct json_top *top)
{
	struct deck *d = L->deck;
	struct ctx c = { .L = L, .span = top->value };
	if (!top->is_object) {
		diag_at(L->d, &L->src, top->value.start, DIAG_ERROR,
		        "not a deck: expected a JSON object with \"format\": \"%s\"", DECK_FORMAT);
		return;
	}
	/* Keys first: duplicates and unknown fields, and where each one is. */
	const struct json_member *by_name[7] = {0};
	for (size_t i = 0; i < top->nmembers; i++) {
		char key[256], b[80];
		decode_key(L->src.buf, top->members[i].key, key, sizeof key);
		size_t f = 0;
		while (top_fields[f] && strcmp(top_fields[f], key) != 0)
			f++;
		bool dup = false;
		for (size_t j = 0; j < i && !dup; j++) {
			char other[256];
			decode_key(L->src.buf, top->members[j].key, other, sizeof other);
			dup = strcmp(other, key) == 0;
		}
		if (dup)
			diag_at(L->d, &L->src, top->members[i].key.start, DIAG_ERROR,
			        "duplicate key '%s'", q(key, b, sizeof b));
		else if (!top_fields[f])
			diag_at(L->d, &L->src, top->members[i].key.start, DIAG_WARNING,
			        "unknown field '%s' (ignored)", q(key, b, sizeof b));
		else
			by_name[f] = &top->members[i];
	}
	/* format decides whether anything else is worth saying. */
	if (!by_name[0]) {
		diag_at(L->d, &L->src, top->value.start, DIAG_ERROR,
		        "not a deck: missing \"format\": \"%s\"", DECK_FORMAT);
		return;
	}
	cJSON *f = parse_span(L->src.buf, by_name[0]->value);
	if (!cJSON_IsString(f) || strcmp(f->valuestring, DECK_FORMAT) != 0) {
		char b[80];
		diag_at(L->d, &L->src, by_name[0]->value.start, DIAG_ERROR,
		        "unsupported format %s%s%s: this version of recall reads \"%s\"",
		        cJSON_IsString(f) ? "'" : "", cJSON_IsString(f) ? q(f->valuestring, b, sizeof b) : json_kind(f),
		        cJSON_IsString(f) ? "'" : "", DECK_FORMAT);
		cJSON_Delete(f);
		return;
	}
	cJSON_Delete(f);

	/* The header fields, each parsed on its own from a wrapper object, so
	 * that the req_ and opt_ helpers can look them up by name. */
	for (size_t i = 1; i <= 5; i++) {
		const struct json_member *m = by_name[i];
		if (!m)
			continue;
		cJSON *v = parse_span(L->src.buf, m->value);
		c.span = m->value;
		c.root = v;
		if (!v) {
			L->oom = true;
		} else if (i == 5) {
			check_duplicates(&c, v);
			load_sources(L, &c, v);
		} else {
			const char *s = take_string(&c, v, top_fields[i], i == 3);
			if (s && i == 1 && !is_slug(s)) {
				char b[80];
				error_at(&c, v, "'id' must be a slug of 1 to 64 lower-case letters, digits, '-', '_' or '.', found '%s'",
				         q(s, b, sizeof b));
			}
			if (i == 1) d->id = s;
			if (i == 2) d->title = s;
			if (i == 3) d->description = s;
			if (i == 4) d->language = s;
		}
		ctx_done(&c);
		cJSON_Delete(v);
	}
	if (!by_name[1])
		diag_at(L->d, &L->src, top->value.start, DIAG_ERROR, "missing 'id' (a slug naming the deck)");
	if (!by_name[2])
		diag_at(L->d, &L->src, top->value.start, DIAG_ERROR, "missing 'title'");
	if (!by_name[6])
		diag_at(L->d, &L->src, top->value.start, DIAG_ERROR, "missing 'questions'");
	else
		load_questions(L, by_name[6]);
}

struct deck *deck_load_buffer(const char *name, const char *buf, size_t len, struct diags *d)
{
	struct loader L = { .d = d, .nerrors_before = d->nerrors };
	diag_src_init(&L.src, name, buf, len);
	if (len > DECK_MAX_BYTES) {
		diag_file(d, name, DIAG_ERROR, "file is larger than the %u MiB a deck may have",
		          DECK_MAX_BYTES / (1024u * 1024u));
		return NULL;
	}
	struct json_top top;
	if (json_check(&L.src, d, &top) != 0)
		return NULL;
	struct deck *deck = calloc(1, sizeof *deck);
	struct deck_arena *arena = calloc(1, sizeof *arena);
	char *path = strdup(name);
	if (!deck || !arena || !path) {
		free(deck);
		free(arena);
		free(path);
		json_top_free(&top);
		diag_file(d, name, DIAG_ERROR, "out of memory");
		return NULL;
	}
	deck->arena = arena;
	deck->path = path;
	L.deck = deck;
	load_top(&L, &top);
	json_top_free(&top);
	if (L.oom)
		diag_file(d, name, DIAG_ERROR, "out of memory");
	if (d->nerrors != L.nerrors_before) {
		deck_free(deck);
		return NULL;
	}
	return deck;
}

struct deck *deck_load(const char *path, struct diags *d)
{
	int fd = open(path, O_RDONLY);
	if (fd < 0) {
		diag_file(d, path, DIAG_ERROR, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0) {
		diag_file(d, path, DIAG_ERROR, "cannot read: %s", strerror(errno));
		close(fd);
		return NULL;
	}
	if (!S_ISREG(st.st_mode)) {
		diag_file(d, path, DIAG_ERROR, S_ISDIR(st.st_mode) ? "is a folder, not a deck file"
		                                                  : "not a regular file");
		close(fd);
		return NULL;
	}
	if ((uintmax_t)st.st_size > DECK_MAX_BYTES) {
		diag_file(d, path, DIAG_ERROR, "file is larger than the %u MiB a deck may have",
		          DECK_MAX_BYTES / (1024u * 1024u));
		close(fd);
		return NULL;
	}
	size_t size = (size_t)st.st_size, len = 0;
	char *buf = malloc(size + 1);
	if (!buf) {
		diag_file(d, path, DIAG_ERROR, "out of memory");
		close(fd);
		return NULL;
	}
	while (len < size) {
		ssize_t n = read(fd, buf + len, size - len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			diag_file(d, path, DIAG_ERROR, "cannot read: %s", strerror(errno));
			free(buf);
			close(fd);
			return NULL;
		}
		if (n == 0)
			break;  /* the file shrank while we read it */
		len += (size_t)n;
	}
	close(fd);
	buf[len] = '\0';
	struct deck *deck = deck_load_buffer(path, buf, len, d);
	free(buf);
	return deck;
}

void deck_free(struct deck *deck)
{
	if (!deck)
		return;
	if (deck->arena) {
		arena_free(deck->arena);
		free(deck->arena);
	}
	free((char *)deck->path);
	free(deck);
}

void deck_count_types(const struct deck *deck, size_t counts[Q_NTYPES])
{
	memset(counts, 0, Q_NTYPES * sizeof counts[0]);
	for (size_t i = 0; i < deck->nquestions; i++)
		counts[deck->questions[i].type]++;
}

bool deck_has_tag(const struct question *qn, const char *tag)
{
	for (size_t i = 0; i < qn->ntags; i++)
		if (strcmp(qn->tags[i], tag) == 0)
			return true;
	return false;
}
