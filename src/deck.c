/* deck — loading and checking decks; see deck.h and questions/FORMAT.md.
 *
 * The bytes are checked strictly first (json_check).  Then each top-level
 * member, and each question on its own, is handed to cJSON, checked against
 * the format and copied into the deck's arena, and its cJSON tree freed at
 * once: memory stays near the size of the file however many questions
 * there are.  Positions for messages are found only when there is something
 * to say (json_locate over the span of the value concerned).
 *
 * This file holds the top level, the sources and what every question has;
 * the fields of each type are read by the loader of its row in the type
 * table (qtype.h, deck_types.c), and the helpers are in deck_field.c.
 */
#include "deck.h"

#include <cJSON.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "deck_load.h"
#include "json.h"
#include "qtype.h"
#include "text.h"

/* ---- names ---------------------------------------------------------- */

const char *deck_type_name(enum qtype t)
{
	const struct qtype_row *row = qtype_get(t);
	return row ? row->name : NULL;
}

int deck_type_parse(const char *s)
{
	const struct qtype_row *row = qtype_find(s);
	return row ? (int)row->type : -1;
}

/* ---- sources ---------------------------------------------------------- */

static void load_sources(struct deck_loader *L, struct deck_ctx *c, const cJSON *arr)
{
	if (!cJSON_IsArray(arr)) {
		deck_error_at(c, arr, "'sources' must be an array, found %s", deck_json_kind(arr));
		return;
	}
	size_t n = (size_t)cJSON_GetArraySize(arr);
	struct source *v = n ? deck_arena_alloc(L->deck->arena, n * sizeof *v) : NULL;
	if (n && !v) {
		L->oom = true;
		return;
	}
	static const char *const allowed[] = { "id", "title", "date", "url", NULL };
	size_t k = 0, i = 0;
	for (const cJSON *e = arr->child; e; e = e->next, i++) {
		c->what = DECK_WHAT_SOURCE;
		c->what_index = i;
		if (!cJSON_IsObject(e)) {
			deck_error_at(c, e, "expected an object with 'id' and 'title', found %s", deck_json_kind(e));
			continue;
		}
		deck_check_fields(c, e, allowed, NULL, "a source");
		struct source s = {0};
		const cJSON *idn = deck_field(e, "id");
		s.id = deck_req_slug(c, e, "id");
		s.title = deck_req_string(c, e, "title");
		s.date = deck_opt_string(c, e, "date", false);
		s.url = deck_opt_string(c, e, "url", false);
		/* A source with faults is listed all the same (the deck is refused
		 * anyway), so that the questions citing it are not told that it is
		 * not listed; even under an id that is not a slug. */
		if (!s.id && cJSON_IsString(idn)) {
			s.id = deck_arena_strndup(L->deck->arena, idn->valuestring, strlen(idn->valuestring));
			if (!s.id)
				L->oom = true;
		}
		if (!s.id)
			continue;
		bool dup = false;
		for (size_t j = 0; j < k && !dup; j++) {
			if (strcmp(v[j].id, s.id) == 0) {
				char b[80];
				deck_error_at(c, deck_field(e, "id"), "duplicate source id '%s'", deck_quote(s.id, b, sizeof b));
				dup = true;
			}
		}
		if (!dup)
			v[k++] = s;
	}
	c->what = DECK_WHAT_NONE;
	L->deck->sources = v;
	L->deck->nsources = k;
}

/* ---- questions -------------------------------------------------------- */

/* Fields every question may have; each type adds its own (qtype.h). */
static const char *const common_fields[] = {
	"id", "type", "explanation", "source", "tags", "difficulty", "points", "hint",
};
#define NCOMMON (sizeof common_fields / sizeof common_fields[0])

/* True when k is one of the NULL-terminated list v. */
static bool listed(const char *k, const char *const *v)
{
	for (; *v; v++)
		if ((*v)[0] == k[0] && strcmp(*v, k) == 0)
			return true;
	return false;
}

/* True when a question of the type of row may have field k. */
static bool question_field_ok(const char *k, const struct qtype_row *row)
{
	for (size_t i = 0; i < NCOMMON; i++)
		if (common_fields[i][0] == k[0] && strcmp(common_fields[i], k) == 0)
			return true;
	return listed(k, row->fields);
}

/* Warns about fields a question of the type of row does not have; when
 * row is NULL (the type is unknown), about those no question has. */
static void question_fields(struct deck_ctx *c, const cJSON *obj, const struct qtype_row *row)
{
	/* Nearly always every field is in order: make sure of that first,
	 * cheaply, and only otherwise build the lists the warnings need. */
	const cJSON *m = obj->child;
	while (m && row && question_field_ok(m->string, row))
		m = m->next;
	if (!m)
		return;

	/* allowed: the common fields and those of the type, or of every type
	 * when the type is not known; others: those of every type. */
	const char *allowed[NCOMMON + 128];
	const char *others[128];
	size_t na = 0, no = 0;
	for (size_t i = 0; i < NCOMMON; i++)
		allowed[na++] = common_fields[i];
	for (int u = 0; u < Q_NTYPES; u++) {
		const struct qtype_row *r = qtype_get((enum qtype)u);
		for (const char *const *f = r->fields; *f && no + 1 < sizeof others / sizeof others[0]; f++) {
			others[no++] = *f;
			if (!row || r == row)
				allowed[na++] = *f;
		}
	}
	allowed[na] = NULL;
	others[no] = NULL;
	if (!row) {
		deck_check_fields(c, obj, allowed, NULL, "a question");
		return;
	}
	char kind[40];
	snprintf(kind, sizeof kind, "a %s question", row->name);
	deck_check_fields(c, obj, allowed, others, kind);
}

static void load_source_ref(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *s = deck_field(obj, "source");
	if (!s)
		return;
	if (!cJSON_IsObject(s)) {
		deck_error_at(c, s, "'source' must be an object {\"ref\": ..., \"paragraph\": ...}, found %s",
		              deck_json_kind(s));
		return;
	}
	static const char *const allowed[] = { "ref", "paragraph", NULL };
	deck_check_fields(c, s, allowed, NULL, "a source reference");
	const cJSON *ref = deck_field(s, "ref");
	if (!ref) {
		deck_error_at(c, s, "'source' is missing 'ref' (the id of an entry of 'sources')");
		return;
	}
	if (!cJSON_IsString(ref)) {
		deck_error_at(c, ref, "'ref' must be a string, found %s", deck_json_kind(ref));
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
		deck_error_at(c, ref, "source '%s' is not listed in the deck's 'sources'",
		              deck_quote(ref->valuestring, b, sizeof b));
	}
	qn->paragraph = (unsigned)deck_opt_int(c, s, "paragraph", 1, 1000000);
}

static void load_tags(struct deck_ctx *c, const cJSON *obj, struct question *qn)
{
	const cJSON *t = deck_field(obj, "tags");
	if (t)
		qn->tags = deck_take_string_list(c, t, "tags", 1, 64, &qn->ntags);
	if (!qn->tags)
		qn->ntags = 0;
}

/* Checks one question into qn (qn->id stays NULL when the id is unusable):
 * what every question has, then what its type's row reads. */
static void load_question(struct deck_ctx *c, const cJSON *obj, size_t index, struct question *qn)
{
	memset(qn, 0, sizeof *qn);
	c->what = DECK_WHAT_QUESTION;
	c->what_index = index;
	c->what_id = NULL;
	if (!cJSON_IsObject(obj)) {
		deck_error_at(c, obj, "expected an object, found %s", deck_json_kind(obj));
		return;
	}
	deck_check_duplicates(c, obj);
	qn->points = DECK_DEFAULT_POINTS;
	const cJSON *idn = deck_field(obj, "id");
	qn->id = deck_req_slug(c, obj, "id");
	if (qn->id)
		c->what_id = qn->id;
	else if (cJSON_IsString(idn))
		c->what_id = idn->valuestring;  /* lives as long as the tree, as c does */

	const cJSON *tn = deck_field(obj, "type");
	const struct qtype_row *row = NULL;
	char types[160], b[80];
	if (!tn) {
		deck_error_at(c, obj, "missing 'type' (one of %s)", qtype_list(types, sizeof types));
	} else if (!cJSON_IsString(tn)) {
		deck_error_at(c, tn, "'type' must be a string, found %s", deck_json_kind(tn));
	} else if (!(row = qtype_find(tn->valuestring))) {
		const char *names[Q_NTYPES + 1];
		for (int t = 0; t < Q_NTYPES; t++)
			names[t] = qtype_get((enum qtype)t)->name;
		names[Q_NTYPES] = NULL;
		const char *near = deck_suggest(tn->valuestring, names, NULL);
		if (near)
			deck_error_at(c, tn, "unknown type '%s' (did you mean '%s'?): expected one of %s",
			              deck_quote(tn->valuestring, b, sizeof b), near, qtype_list(types, sizeof types));
		else
			deck_error_at(c, tn, "unknown type '%s': expected one of %s",
			              deck_quote(tn->valuestring, b, sizeof b), qtype_list(types, sizeof types));
	}
	/* Without a type, what every question has is still checked. */
	question_fields(c, obj, row);
	if (row) {
		qn->type = row->type;
		qn->prompt = deck_req_string(c, obj, row->prompt_field);
		if (row->back_field)
			qn->back = deck_req_string(c, obj, row->back_field);
	}
	qn->explanation = deck_opt_string(c, obj, "explanation", false);
	qn->hint = deck_opt_string(c, obj, "hint", false);
	load_source_ref(c, obj, qn);
	load_tags(c, obj, qn);
	qn->difficulty = deck_opt_int(c, obj, "difficulty", 1, 5);
	const cJSON *pts = deck_field(obj, "points");
	if (pts && deck_take_number(c, pts, "points", &qn->points) &&
	    !(qn->points > 0 && qn->points <= 10000)) {
		deck_error_at(c, pts, "'points' must be above 0 and at most 10000, found %g", qn->points);
	}
	if (row && row->load)
		row->load(c, obj, qn);
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
static void check_unique_ids(struct deck_loader *L, const struct json_span *spans,
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
		        i + 1, deck_quote(id, b, sizeof b), first + 1, line);
	}
	free(slot);
}

/* ---- where the right option sits ------------------------------------- */

/* Warns, at off, when the right option sits at one position in more than
 * half of the deck's choice questions (five or more): at[p] counts those
 * whose right option is option p + 1, of nchoice.  Shuffled options hide
 * it, but a quiz in deck order, or a learner who reads the file, sees it. */
static void check_positions(struct deck_loader *L, size_t off, const size_t *at, size_t nchoice)
{
	if (nchoice < 5)
		return;
	for (size_t p = 0; p < DECK_MAX_CHOICES; p++) {
		if (2 * at[p] > nchoice) {
			diag_at(L->d, &L->src, off, DIAG_WARNING,
			        "the right option is option %zu in %zu of %zu choice questions; "
			        "a quiz in deck order gives it away", p + 1, at[p], nchoice);
			return;
		}
	}
}

/* ---- the top level ------------------------------------------------- */

/* Parses the span on its own with cJSON. */
static cJSON *parse_span(const char *buf, struct json_span sp)
{
	return cJSON_ParseWithLengthOpts(buf + sp.start, sp.end - sp.start, NULL, 0);
}

/* "$schema" names the JSON Schema of the format for editors
 * (questions/schema/recall-deck.schema.json); recall only checks that it is
 * a string. */
static const char *const top_fields[] = {
	"format", "id", "title", "description", "language", "sources", "questions", "$schema", NULL,
};

static void load_questions(struct deck_loader *L, const struct json_member *m)
{
	struct deck *d = L->deck;
	struct deck_ctx c = { .L = L, .span = m->value };
	if (L->src.buf[m->value.start] != '[') {
		cJSON *v = parse_span(L->src.buf, m->value);
		c.root = v;
		deck_error_at(&c, v, "'questions' must be an array of questions, found %s", deck_json_kind(v));
		deck_ctx_done(&c);
		cJSON_Delete(v);
		return;
	}
	if (m->nelems == 0) {
		diag_at(L->d, &L->src, m->value.start, DIAG_ERROR,
		        "'questions' is empty: a deck needs at least one question");
		return;
	}
	d->questions = deck_arena_alloc(d->arena, m->nelems * sizeof *d->questions);
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
	/* Where the right option of each sound choice question sits. */
	size_t at[DECK_MAX_CHOICES] = {0}, nchoice = 0;
	for (size_t i = 0; i < m->nelems && !L->oom; i++) {
		struct deck_ctx qc = { .L = L, .span = m->elems[i] };
		cJSON *v = parse_span(L->src.buf, m->elems[i]);
		if (!v) {
			L->oom = true;  /* the bytes were checked: only memory can fail */
			break;
		}
		qc.root = v;
		size_t nerrors = L->d->nerrors;
		load_question(&qc, v, i, &d->questions[i]);
		if (L->d->nerrors == nerrors && d->questions[i].type == Q_CHOICE &&
		    d->questions[i].correct < DECK_MAX_CHOICES) {
			at[d->questions[i].correct]++;
			nchoice++;
		}
		hashes[i] = d->questions[i].id ? hash_str(d->questions[i].id) : 0;
		deck_ctx_done(&qc);
		cJSON_Delete(v);
	}
	if (!L->oom)
		check_unique_ids(L, m->elems, hashes);
	free(hashes);
	check_positions(L, m->value.start, at, nchoice);
}

/* Decodes a key token (quotes included) into buf. */
static bool decode_key(const char *src, struct json_span sp, char *buf, size_t size)
{
	cJSON *k = parse_span(src, sp);  /* checked bytes: NULL means out of memory */
	snprintf(buf, size, "%s", cJSON_IsString(k) ? k->valuestring : "");
	cJSON_Delete(k);
	return k != NULL;
}

/* Long: one pass in the order that matters (keys, format, header, questions). */
static void load_top(struct deck_loader *L, const struct json_top *top)
{
	struct deck *d = L->deck;
	struct deck_ctx c = { .L = L, .span = top->value };
	if (!top->is_object) {
		diag_at(L->d, &L->src, top->value.start, DIAG_ERROR,
		        "not a deck: expected a JSON object with \"format\": \"%s\"", DECK_FORMAT);
		return;
	}
	/* Keys first: duplicates and unknown fields, and where each one is. */
	const struct json_member *by_name[8] = {0};
	for (size_t i = 0; i < top->nmembers; i++) {
		char key[256], b[80];
		if (!decode_key(L->src.buf, top->members[i].key, key, sizeof key)) {
			L->oom = true;
			return;
		}
		size_t f = 0;
		while (top_fields[f] && strcmp(top_fields[f], key) != 0)
			f++;
		bool dup = false;
		for (size_t j = 0; j < i && !dup; j++) {
			char other[256];
			if (!decode_key(L->src.buf, top->members[j].key, other, sizeof other)) {
				L->oom = true;
				return;
			}
			dup = strcmp(other, key) == 0;
		}
		if (dup)
			diag_at(L->d, &L->src, top->members[i].key.start, DIAG_ERROR,
			        "duplicate key '%s'", deck_quote(key, b, sizeof b));
		else if (!top_fields[f] && deck_suggest(key, top_fields, NULL))
			diag_at(L->d, &L->src, top->members[i].key.start, DIAG_WARNING,
			        "unknown field '%s' (ignored); did you mean '%s'?", deck_quote(key, b, sizeof b),
			        deck_suggest(key, top_fields, NULL));
		else if (!top_fields[f])
			diag_at(L->d, &L->src, top->members[i].key.start, DIAG_WARNING,
			        "unknown field '%s' (ignored)", deck_quote(key, b, sizeof b));
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
	if (!f) {
		L->oom = true;
		return;
	}
	if (!cJSON_IsString(f) || strcmp(f->valuestring, DECK_FORMAT) != 0) {
		char b[80];
		diag_at(L->d, &L->src, by_name[0]->value.start, DIAG_ERROR,
		        "unsupported format %s%s%s: this version of recall reads \"%s\"",
		        cJSON_IsString(f) ? "'" : "", cJSON_IsString(f) ? deck_quote(f->valuestring, b, sizeof b) : deck_json_kind(f),
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
			deck_check_duplicates(&c, v);
			load_sources(L, &c, v);
		} else {
			const char *s = deck_take_string(&c, v, top_fields[i], i == 3);
			if (s && i == 1 && !deck_is_slug(s)) {
				char b[80];
				deck_error_at(&c, v, "'id' must be a slug of 1 to 64 lower-case letters, digits, '-', '_' or '.', found '%s'",
				              deck_quote(s, b, sizeof b));
			}
			if (i == 1) d->id = s;
			if (i == 2) d->title = s;
			if (i == 3) d->description = s;
			if (i == 4) d->language = s;
		}
		deck_ctx_done(&c);
		cJSON_Delete(v);
	}
	if (by_name[7] && L->src.buf[by_name[7]->value.start] != '"')
		diag_at(L->d, &L->src, by_name[7]->value.start, DIAG_ERROR,
		        "'$schema' must be a string (the path or URL of the deck format's JSON Schema)");
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
	struct deck_loader L = { .d = d, .nerrors_before = d->nerrors };
	size_t first = d->n;  /* this file's diagnostics start here */
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
	struct deck_arena *arena = deck_arena_new();
	char *path = strdup(name);
	if (!deck || !arena || !path) {
		free(deck);
		deck_arena_free(arena);
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
	/* Checks that span the deck (duplicate ids, say) report after the
	 * questions: put every message in its place in the file. */
	diag_sort(d, first);
	if (d->nerrors != L.nerrors_before) {
		deck_free(deck);
		return NULL;
	}
	return deck;
}

/* Reads fd to its end into a NUL-terminated buffer (the caller frees it),
 * its length in *len; size is what stat says, which may be short: some
 * files (those of /proc) are not empty but have a size of 0.  Stops
 * reading once past DECK_MAX_BYTES, for deck_load_buffer to refuse.
 * NULL when reading fails (*err is errno) or memory runs out (*err 0). */
static char *read_all(int fd, size_t size, size_t *len, int *err)
{
	size_t cap = size + 1, n = 0;
	char *buf = malloc(cap);
	*err = 0;
	if (!buf)
		return NULL;
	for (;;) {
		/* A full buffer is the common end: a small read to see whether
		 * there is more, before doubling it. */
		char probe[4096];
		bool full = n + 1 == cap;
		ssize_t k = full ? read(fd, probe, sizeof probe) : read(fd, buf + n, cap - 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			*err = errno;
			free(buf);
			return NULL;
		}
		if (k == 0 || n > DECK_MAX_BYTES)
			break;
		if (full) {
			size_t more = cap * 2 > cap + (size_t)k ? cap * 2 : cap + (size_t)k;
			char *p = realloc(buf, more);
			if (!p) {
				free(buf);
				return NULL;
			}
			buf = p;
			cap = more;
			memcpy(buf + n, probe, (size_t)k);
		}
		n += (size_t)k;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

char *deck_read_file(const char *path, size_t *len, struct diags *d)
{
	/* Non-blocking, so that a FIFO with no writer is refused below instead
	 * of hanging the open; blocking again once it is known to be a file. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
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
	int fl = fcntl(fd, F_GETFL);
	if (fl == -1 || fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) == -1) {
		diag_file(d, path, DIAG_ERROR, "cannot read: %s", strerror(errno));
		close(fd);
		return NULL;
	}
	if ((uintmax_t)st.st_size > DECK_MAX_BYTES) {
		diag_file(d, path, DIAG_ERROR, "file is larger than the %u MiB a deck may have",
		          DECK_MAX_BYTES / (1024u * 1024u));
		close(fd);
		return NULL;
	}
	int err;
	char *buf = read_all(fd, (size_t)st.st_size, len, &err);
	if (!buf) {
		if (err)
			diag_file(d, path, DIAG_ERROR, "cannot read: %s", strerror(err));
		else
			diag_file(d, path, DIAG_ERROR, "out of memory");
	}
	close(fd);
	return buf;
}

struct deck *deck_load(const char *path, struct diags *d)
{
	size_t len;
	char *buf = deck_read_file(path, &len, d);
	if (!buf)
		return NULL;
	struct deck *deck = deck_load_buffer(path, buf, len, d);
	free(buf);
	return deck;
}

void deck_free(struct deck *deck)
{
	if (!deck)
		return;
	deck_arena_free(deck->arena);
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
	size_t n = strlen(tag);
	for (size_t i = 0; i < qn->ntags; i++)  /* People finds people */
		if (strlen(qn->tags[i]) == n && text_same_ci(qn->tags[i], tag, n))
			return true;
	return false;
}

