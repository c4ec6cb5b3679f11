/* import_add — checking an imported question against the deck format,
 * giving it its id, and adding it; see import.h.
 *
 * Everything recall check would refuse is caught here, so that an import
 * always gives a valid deck: the command checks the deck it writes all the
 * same (deck_load_buffer) before writing it out.
 */
#include "import.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "deck_limits.h"
#include "import_impl.h"
#include "text.h"

#define ID_PREFIX_MAX 24  /* characters of the prompt's words in an id */
#define MAX_TAGS 64

/* ---- hashing ---------------------------------------------------------- */

static uint64_t fnv(uint64_t h, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 1099511628211u;
	return h;
}

#define FNV_START 1469598103934665603u

static uint64_t hash_str(const char *s)
{
	return fnv(FNV_START, s, strlen(s));
}

/* The right answer of q as one string, for its content hash: its parts
 * joined by the separators below, which deck text cannot hold. */
static void answer_key(struct text_buf *b, const struct question *q)
{
	switch (q->type) {
	case Q_CHOICE:
		text_buf_puts(b, q->choices[q->correct]);
		break;
	case Q_MULTI:
		for (size_t i = 0; i < q->nchoices; i++)
			if (q->correct & (1ul << i)) {
				text_buf_puts(b, q->choices[i]);
				text_buf_add(b, "\x1e", 1);
			}
		break;
	case Q_TRUEFALSE:
		text_buf_puts(b, q->truth ? "true" : "false");
		break;
	case Q_NUMBER:
		text_buf_printf(b, "%.17g", q->number);
		break;
	case Q_TEXT:
		text_buf_puts(b, q->accept[0]);
		break;
	case Q_ORDER:
		for (size_t i = 0; i < q->nchoices; i++) {
			text_buf_puts(b, q->choices[i]);
			text_buf_add(b, "\x1e", 1);
		}
		break;
	case Q_MATCH:
		for (size_t i = 0; i < q->nchoices; i++) {
			text_buf_puts(b, q->choices[i]);
			text_buf_add(b, "\x1d", 1);
			text_buf_puts(b, q->rights[i]);
			text_buf_add(b, "\x1e", 1);
		}
		break;
	case Q_CARD:
		text_buf_puts(b, q->back);
		break;
	case Q_NTYPES:
		break;
	}
}

/* What makes q the question it is: its prompt and right answer, as one
 * string into b (false when memory ran out). */
static bool content_key(struct text_buf *b, const struct question *q)
{
	text_buf_puts(b, q->prompt);
	text_buf_add(b, "\x1f", 1);
	answer_key(b, q);
	return !b->failed;
}

/* A question's content: its key and the key's hash (FNV-1a, 64 bits). */
struct content {
	struct text_buf key;
	uint64_t hash;
};

/* ---- the two tables --------------------------------------------------- */

/* The slot for hash in t (of cap slots) whose question satisfies same, or
 * the empty slot where it would go. */
static struct import_slot *probe(struct import_slot *t, size_t cap, uint64_t hash,
                                 bool (*same)(const struct import_ctx *, size_t, const void *),
                                 const struct import_ctx *c, const void *arg)
{
	size_t h = (size_t)hash & (cap - 1);
	while (t[h].index && !(t[h].hash == hash && same(c, t[h].index - 1, arg)))
		h = (h + 1) & (cap - 1);
	return &t[h];
}

static bool same_id(const struct import_ctx *c, size_t i, const void *id)
{
	return strcmp(c->build.deck->questions[i].id, id) == 0;
}

/* Question i has the content arg points to (a struct content, or a
 * uint64_t hash alone while the tables are rebuilt, when no two questions
 * have the same content). */
static bool same_content(const struct import_ctx *c, size_t i, const void *arg)
{
	const struct content *k = arg;
	if (!k->key.s)
		return true;  /* a rebuild: the hashes agree, which is enough */
	struct text_buf b = {0};
	bool same = content_key(&b, &c->build.deck->questions[i]) && b.len == k->key.len &&
	            memcmp(b.s, k->key.s, b.len) == 0;
	text_buf_free(&b);
	return same;
}

/* Makes room for one more question in the tables and in c->origin. */
static bool grow(struct import_ctx *c)
{
	size_t n = c->build.deck->nquestions;
	if (n == c->origin_cap) {
		size_t cap = c->origin_cap ? c->origin_cap * 2 : 64;
		struct import_origin *o = realloc(c->origin, cap * sizeof *o);
		if (!o)
			return false;
		c->origin = o;
		c->origin_cap = cap;
	}
	if ((n + 1) * 2 <= c->table_cap)
		return true;
	size_t cap = c->table_cap ? c->table_cap * 2 : 128;
	struct import_slot *ids = calloc(cap, sizeof *ids), *contents = calloc(cap, sizeof *contents);
	if (!ids || !contents) {
		free(ids);
		free(contents);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		const char *id = c->build.deck->questions[i].id;
		struct import_slot *s = probe(ids, cap, hash_str(id), same_id, c, id);
		*s = (struct import_slot){ hash_str(id), i + 1 };
		struct content k = { .hash = c->origin[i].content };
		s = probe(contents, cap, k.hash, same_content, c, &k);
		if (!s->index)  /* duplicates never get in: each content once */
			*s = (struct import_slot){ k.hash, i + 1 };
	}
	free(c->ids);
	free(c->contents);
	c->ids = ids;
	c->contents = contents;
	c->table_cap = cap;
	return true;
}

/* ---- ids ------------------------------------------------------------- */

/* The first words of the prompt as a slug: ASCII letters and digits in
 * lower case, anything else between them as '-'; whole words while they
 * fit in ID_PREFIX_MAX, or the first word cut. */
static size_t id_prefix(const char *prompt, char *out)
{
	size_t k = 0, word_end = 0;
	for (const char *p = prompt; *p; p++) {
		char ch = text_lower(*p);
		bool alnum = text_is_digit(ch) || (ch >= 'a' && ch <= 'z');
		if (alnum) {
			if (k == ID_PREFIX_MAX)
				return word_end ? word_end : k;
			out[k++] = ch;
		} else if (k && out[k - 1] != '-') {
			word_end = k;
			if (k == ID_PREFIX_MAX)
				return k;
			out[k++] = '-';
		}
	}
	while (k && out[k - 1] == '-')
		k--;
	return k;
}

/* Gives q its id: the prompt's first words and 8 hex digits of content,
 * then "-2", "-3"... while the id is taken. */
static bool give_id(struct import_ctx *c, struct question *q, uint64_t content)
{
	char id[80];
	size_t k = id_prefix(q->prompt, id);
	if (!k)
		id[k++] = 'q';
	snprintf(id + k, sizeof id - k, "-%08" PRIx32, (uint32_t)(content ^ (content >> 32)));
	size_t base = strlen(id);
	for (unsigned n = 2;; n++) {
		struct import_slot *s = probe(c->ids, c->table_cap, hash_str(id), same_id, c, id);
		if (!s->index)
			break;
		snprintf(id + base, sizeof id - base, "-%u", n);
	}
	q->id = deck_build_strdup(&c->build, id);
	return q->id != NULL;
}

/* ---- checks ------------------------------------------------------------ */

/* Deck text quoted in a message: escaped and cut short. */
static const char *quote(const char *s, char *buf, size_t size)
{
	char *e = text_escape(s, false);
	if (!e) {
		snprintf(buf, size, "...");
		return buf;
	}
	if (strlen(e) > 40) {
		size_t cut = 37;
		while (cut && ((unsigned char)e[cut] & 0xC0) == 0x80)
			cut--;
		snprintf(buf, size, "%.*s...", (int)cut, e);
	} else {
		snprintf(buf, size, "%s", e);
	}
	free(e);
	return buf;
}

/* A reason q cannot be imported, or NULL: its list of n options (what),
 * each there, at most DECK_MAX_CHOICES, distinct. */
static const char *check_list(const char **v, size_t n, const char *what, char *why, size_t size)
{
	if (n < 2) {
		snprintf(why, size, "a deck needs at least 2 %s, and it has %zu", what, n);
		return why;
	}
	if (n > DECK_MAX_CHOICES) {
		snprintf(why, size, "it has %zu %s; a deck takes at most %d", n, what, DECK_MAX_CHOICES);
		return why;
	}
	for (size_t i = 0; i < n; i++) {
		if (!v[i]) {
			snprintf(why, size, "its %s number %zu is empty", what, i + 1);
			return why;
		}
		for (size_t j = 0; j < i; j++) {
			if (strcmp(v[i], v[j]) == 0) {
				char b[80];
				snprintf(why, size, "'%s' is among its %s twice", quote(v[i], b, sizeof b), what);
				return why;
			}
		}
	}
	return NULL;
}

/* Why q cannot be a question of a deck, or NULL when it can. */
static const char *check_question(struct import_ctx *c, struct question *q, char *why, size_t size)
{
	if (!q->prompt)
		return q->type == Q_CARD ? "its front is empty" : "it has no question text";
	switch (q->type) {
	case Q_CHOICE:
	case Q_MULTI:
		if (check_list(q->choices, q->nchoices, "options", why, size))
			return why;
		if (q->type == Q_CHOICE && q->correct >= q->nchoices)
			return "none of its options is marked right";
		if (q->type == Q_MULTI && (q->correct & answer_choice_mask(q->nchoices)) == 0)
			return "none of its options is marked right";
		break;
	case Q_ORDER:
		return check_list(q->choices, q->nchoices, "items", why, size);
	case Q_MATCH:
		if (check_list(q->choices, q->nchoices, "left items", why, size) ||
		    check_list(q->rights, q->nchoices, "right items", why, size))
			return why;
		break;
	case Q_TEXT: {
		/* Drops what no learner could type, and repeats. */
		size_t k = 0;
		for (size_t i = 0; i < q->naccept; i++) {
			const char *a = q->accept[i];
			if (!a)
				continue;
			if (strlen(a) > DECK_MAX_ANSWER_BYTES) {
				char b[80];
				import_warn(c, "answer '%s' left out: it is longer than the %d bytes a typed answer may have",
				            quote(a, b, sizeof b), DECK_MAX_ANSWER_BYTES);
				continue;
			}
			bool seen = false;
			for (size_t j = 0; j < k && !seen; j++)
				seen = strcmp(q->accept[j], a) == 0;
			if (!seen)
				q->accept[k++] = a;
		}
		q->naccept = k;
		if (!k)
			return "it has no answer to type";
		break;
	}
	case Q_NUMBER:
		if (!(q->min <= q->number && q->number <= q->max))
			return "its answer is outside the range it accepts";
		break;
	case Q_CARD:
		if (!q->back)
			return "its back is empty";
		break;
	case Q_TRUEFALSE:
	case Q_NTYPES:
		break;
	}
	return NULL;
}

/* Tags: the empty and repeated ones dropped, at most MAX_TAGS kept. */
static void clean_tags(struct import_ctx *c, struct question *q)
{
	size_t k = 0;
	for (size_t i = 0; i < q->ntags; i++) {
		const char *t = q->tags[i];
		bool seen = !t;
		for (size_t j = 0; j < k && !seen; j++)
			seen = strcmp(q->tags[j], t) == 0;
		if (seen)
			continue;
		if (k == MAX_TAGS) {
			import_warn(c, "%zu tags left out: a question has at most %d", q->ntags - i, MAX_TAGS);
			break;
		}
		q->tags[k++] = t;
	}
	q->ntags = k;
	if (!k)
		q->tags = NULL;
}

bool import_add(struct import_ctx *c, struct question *q)
{
	char why[300];
	const char *bad = check_question(c, q, why, sizeof why);
	if (!bad && (q->difficulty < 0 || q->difficulty > 5))
		q->difficulty = 0;
	if (!bad && !(q->points > 0 && q->points <= 10000))
		q->points = DECK_DEFAULT_POINTS;
	if (bad) {
		import_skip(c, c->here, "%s", bad);
		return false;
	}
	struct content k = {0};
	if (!content_key(&k.key, q) || !k.key.s || !grow(c)) {
		text_buf_free(&k.key);
		c->oom = true;
		return false;
	}
	k.hash = fnv(FNV_START, k.key.s, k.key.len);
	uint64_t content = k.hash;
	struct import_slot *s = probe(c->contents, c->table_cap, content, same_content, c, &k);
	text_buf_free(&k.key);
	if (s->index) {
		const struct import_origin *o = &c->origin[s->index - 1];
		char b[80], name[300];
		const char *prompt = quote(q->prompt, b, sizeof b);
		if (o->file == c->nnames - 1)
			import_skip(c, c->here, "'%s' has the same question and answer as line %u", prompt, o->line);
		else
			import_skip(c, c->here, "'%s' has the same question and answer as %s:%u", prompt,
			            text_escape_into(c->names[o->file], false, name, sizeof name), o->line);
		return false;
	}
	clean_tags(c, q);
	if (!give_id(c, q, content)) {
		c->oom = true;
		return false;
	}
	size_t i = c->build.deck->nquestions;
	if (!deck_build_add(&c->build, q)) {
		c->oom = true;
		return false;
	}
	unsigned line, col;
	diag_src_pos(&c->src, c->here, &line, &col);
	c->origin[i] = (struct import_origin){ content, c->nnames - 1, line };
	*s = (struct import_slot){ content, i + 1 };
	s = probe(c->ids, c->table_cap, hash_str(q->id), same_id, c, q->id);
	*s = (struct import_slot){ hash_str(q->id), i + 1 };
	c->counts.imported++;
	c->counts.by_type[q->type]++;
	return true;
}
