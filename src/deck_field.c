/* deck_field — checking single fields of a deck, and reporting problems at
 * their line and column; see deck_load.h. */
#include "deck_load.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "fold.h"
#include "text.h"

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
static size_t node_offset(struct deck_ctx *c, const cJSON *node, bool at_key)
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

void deck_ctx_done(struct deck_ctx *c)
{
	free(c->locs);
	free(c->nodes);
	c->locs = NULL;
	c->nodes = NULL;
}

/* Adds msg at byte offset off of the file, prefixed with what c is checking. */
static void report_at(struct deck_ctx *c, enum diag_level level, size_t off, const char *msg)
{
	char what[200] = "";
	if (c->what == DECK_WHAT_SOURCE) {
		snprintf(what, sizeof what, "source %zu", c->what_index + 1);
	} else if (c->what == DECK_WHAT_QUESTION && c->what_id) {
		char b[80];
		snprintf(what, sizeof what, "question %zu (id '%s')", c->what_index + 1,
		         deck_quote(c->what_id, b, sizeof b));
	} else if (c->what == DECK_WHAT_QUESTION) {
		snprintf(what, sizeof what, "question %zu", c->what_index + 1);
	}
	diag_at(c->L->d, &c->L->src, off, level, "%s%s%s", what, what[0] ? ": " : "", msg);
}

void deck_report(struct deck_ctx *c, enum diag_level level, const cJSON *node, bool at_key,
                   const char *fmt, ...)
{
	char msg[800];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	report_at(c, level, node_offset(c, node, at_key), msg);
}

/* Deck text quoted in a message: escaped and cut short. */
const char *deck_quote(const char *s, char *buf, size_t size)
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

const char *deck_json_kind(const cJSON *n)
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
void deck_check_duplicates(struct deck_ctx *c, const cJSON *n)
{
	for (; n; n = n->next) {
		if (cJSON_IsObject(n)) {
			for (const cJSON *a = n->child; a; a = a->next) {
				for (const cJSON *b = n->child; b != a; b = b->next) {
					/* The first bytes first: most keys differ there. */
					if (a->string[0] == b->string[0] && strcmp(a->string, b->string) == 0) {
						char k[80];
						deck_report(c, DIAG_ERROR, a, true, "duplicate key '%s'",
						            deck_quote(a->string, k, sizeof k));
						break;
					}
				}
			}
		}
		if (n->child)
			deck_check_duplicates(c, n->child);
	}
}

/* The bytes that stop scan_text's inner loop: the terminating NUL, the
 * control characters but '\n' and '\t', 0x7F, 0xC2 (the lead byte of
 * U+0080..U+009F), and the lead bytes of the invisible characters
 * (text_is_bidi_control, text_is_zero_width): 0xD8 (U+061C), 0xE2
 * (U+2000..U+2FFF) and 0xEF (U+FEFF).  Other characters with those lead
 * bytes are fine; the loop looks at the next byte and goes on. */
static const unsigned char text_stop[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1, 1,  /* 0x00..0x0f: not \t \n */
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,  /* 0x10..0x1f */
	[0x7F] = 1, [0xC2] = 1, [0xD8] = 1, [0xE2] = 1, [0xEF] = 1,
};

/* One pass over a string for take_string: its length in *len, whether it
 * is blank (spaces, tabs and newlines only, or empty), and whether it may
 * hold an invisible character (*odd: the lead bytes of one; a second pass
 * looks closer).  Returns true, with *len not set, when it holds a control
 * character other than '\n' and '\t'. */
static bool scan_text(const char *s, size_t *len, bool *blank, bool *odd)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p == ' ' || *p == '\t' || *p == '\n')
		p++;
	*blank = *p == '\0';
	*odd = false;
	for (;;) {
		while (!text_stop[*p])
			p++;
		if (*p == '\0')
			break;
		if (*p == 0xC2) {
			if (p[1] >= 0x80 && p[1] <= 0x9F)
				return true;  /* U+0080..U+009F */
		} else if (*p == 0xE2) {
			/* U+200B..U+200F, U+202A..U+202E; U+2060, U+2066..U+2069 */
			if (p[1] == 0x80)
				*odd |= (p[2] >= 0x8B && p[2] <= 0x8F) || (p[2] >= 0xAA && p[2] <= 0xAE);
			else if (p[1] == 0x81)
				*odd |= p[2] == 0xA0 || (p[2] >= 0xA6 && p[2] <= 0xA9);
		} else if (*p == 0xD8) {
			*odd |= p[1] == 0x9C;                  /* U+061C */
		} else if (*p == 0xEF) {
			*odd |= p[1] == 0xBB && p[2] == 0xBF;  /* U+FEFF */
		} else {
			return true;
		}
		p++;
	}
	*len = (size_t)((const char *)p - s);
	return false;
}

/* The names of the characters invisible_chars warns about. */
static const char *invisible_name(uint32_t cp)
{
	switch (cp) {
	case 0x061C: return "ARABIC LETTER MARK";
	case 0x200B: return "ZERO WIDTH SPACE";
	case 0x200C: return "ZERO WIDTH NON-JOINER";
	case 0x200E: return "LEFT-TO-RIGHT MARK";
	case 0x200F: return "RIGHT-TO-LEFT MARK";
	case 0x202A: return "LEFT-TO-RIGHT EMBEDDING";
	case 0x202B: return "RIGHT-TO-LEFT EMBEDDING";
	case 0x202C: return "POP DIRECTIONAL FORMATTING";
	case 0x202D: return "LEFT-TO-RIGHT OVERRIDE";
	case 0x202E: return "RIGHT-TO-LEFT OVERRIDE";
	case 0x2060: return "WORD JOINER";
	case 0x2066: return "LEFT-TO-RIGHT ISOLATE";
	case 0x2067: return "RIGHT-TO-LEFT ISOLATE";
	case 0x2068: return "FIRST STRONG ISOLATE";
	case 0x2069: return "POP DIRECTIONAL ISOLATE";
	case 0xFEFF: return "ZERO WIDTH NO-BREAK SPACE";
	default: return "an invisible character";
	}
}

/* Warns about each bidirectional control and zero-width character in the
 * string n (named name), at the character itself within the string. */
static void invisible_chars(struct deck_ctx *c, const cJSON *n, const char *name, size_t len)
{
	const char *s = n->valuestring;
	size_t quote = (size_t)-1;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t k = text_utf8_decode_lossy(s + i, len - i, &cp);
		bool bidi = text_is_bidi_control(cp);
		if (bidi || text_is_zero_width(cp)) {
			if (quote == (size_t)-1)
				quote = node_offset(c, n, false);
			char msg[300];
			snprintf(msg, sizeof msg, "'%s' holds U+%04X %s, %s", name, (unsigned)cp,
			         invisible_name(cp),
			         bidi ? "a bidirectional control that can reorder the text shown around it"
			              : "an invisible character");
			/* quote is the string's opening quote unless its place was not
			 * found (memory ran out): then say it there */
			const char *buf = c->L->src.buf;
			report_at(c, DIAG_WARNING, buf[quote] == '"' ? json_string_offset(buf, quote, i) : quote, msg);
		}
		i += k;
	}
}

/* Checks that n is a usable string; returns an arena copy or NULL
 * (having reported why).  name is the field, for messages. */
const char *deck_take_string(struct deck_ctx *c, const cJSON *n, const char *name, bool may_be_blank)
{
	if (!cJSON_IsString(n)) {
		deck_error_at(c, n, "'%s' must be a string, found %s", name, deck_json_kind(n));
		return NULL;
	}
	size_t len = 0;
	bool blank, odd;
	if (scan_text(n->valuestring, &len, &blank, &odd)) {
		deck_error_at(c, n, "'%s' holds a control character (only newline and tab are allowed)", name);
		return NULL;
	}
	if (!may_be_blank && blank) {
		deck_error_at(c, n, "'%s' must not be empty", name);
		return NULL;
	}
	if (odd)
		invisible_chars(c, n, name, len);
	const char *s = deck_arena_strndup(c->L->deck->arena, n->valuestring, len);
	if (!s)
		c->L->oom = true;
	return s;
}

/* A required string field of obj. */
const char *deck_req_string(struct deck_ctx *c, const cJSON *obj, const char *name)
{
	const cJSON *n = deck_field(obj, name);
	if (!n) {
		deck_error_at(c, obj, "missing '%s'", name);
		return NULL;
	}
	return deck_take_string(c, n, name, false);
}

const char *deck_opt_string(struct deck_ctx *c, const cJSON *obj, const char *name, bool may_be_blank)
{
	const cJSON *n = deck_field(obj, name);
	return n ? deck_take_string(c, n, name, may_be_blank) : NULL;
}

bool deck_opt_bool(struct deck_ctx *c, const cJSON *obj, const char *name, bool dflt)
{
	const cJSON *n = deck_field(obj, name);
	if (!n)
		return dflt;
	if (!cJSON_IsBool(n)) {
		deck_error_at(c, n, "'%s' must be true or false, found %s", name, deck_json_kind(n));
		return dflt;
	}
	return cJSON_IsTrue(n);
}

/* A finite number; false (reported) otherwise. */
bool deck_take_number(struct deck_ctx *c, const cJSON *n, const char *name, double *out)
{
	if (!cJSON_IsNumber(n)) {
		deck_error_at(c, n, "'%s' must be a number, found %s", name, deck_json_kind(n));
		return false;
	}
	if (!isfinite(n->valuedouble)) {
		deck_error_at(c, n, "'%s' is too large a number", name);
		return false;
	}
	*out = n->valuedouble;
	return true;
}

/* An optional whole number in [lo, hi]; 0 when absent or wrong. */
int deck_opt_int(struct deck_ctx *c, const cJSON *obj, const char *name, int lo, int hi)
{
	const cJSON *n = deck_field(obj, name);
	double v;
	if (!n || !deck_take_number(c, n, name, &v))
		return 0;
	if (v != floor(v) || v < lo || v > hi) {
		deck_error_at(c, n, "'%s' must be a whole number from %d to %d", name, lo, hi);
		return 0;
	}
	return (int)v;
}

/* A slug: 1-64 of [a-z0-9._-]. */
bool deck_is_slug(const char *s)
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

const char *deck_req_slug(struct deck_ctx *c, const cJSON *obj, const char *name)
{
	const char *s = deck_req_string(c, obj, name);
	if (s && !deck_is_slug(s)) {
		char b[80];
		deck_error_at(c, deck_field(obj, name),
		              "'%s' must be a slug of 1 to 64 lower-case letters, digits, '-', '_' or '.', found '%s'",
		         name, deck_quote(s, b, sizeof b));
		return NULL;
	}
	return s;
}

/* How close name is to s as a misspelling: 0 when they differ in case
 * only, the edit distance when it is at most 2 and less than name's length
 * (so that "x" is not taken for "id"), otherwise SIZE_MAX. */
static size_t misspelling(const char *s, const char *name)
{
	size_t n = strlen(name);
	if (strlen(s) == n && text_same_ci(s, name, n))
		return 0;
	size_t d = fold_distance(s, name, 2);
	return d <= 2 && d < n ? d : SIZE_MAX;
}

const char *deck_suggest(const char *s, const char *const *v, const char *const *more)
{
	const char *best = NULL;
	size_t best_d = SIZE_MAX;
	for (int pass = 0; pass < 2; pass++)
		for (const char *const *a = pass ? more : v; a && *a; a++) {
			size_t d = misspelling(s, *a);
			if (d < best_d) {
				best = *a;
				best_d = d;
			}
		}
	return best;
}

/* Warns about fields of obj not in allowed (NULL-terminated); those in
 * elsewhere (fields of other question types) get a more helpful word. */
void deck_check_fields(struct deck_ctx *c, const cJSON *obj, const char *const *allowed,
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
		const char *near = other ? NULL : deck_suggest(m->string, allowed, elsewhere);
		if (other)
			deck_warn_key(c, m, "field '%s' does not apply to %s (ignored)", deck_quote(m->string, k, sizeof k), kind);
		else if (near)
			deck_warn_key(c, m, "unknown field '%s' (ignored); did you mean '%s'?",
			              deck_quote(m->string, k, sizeof k), near);
		else
			deck_warn_key(c, m, "unknown field '%s' (ignored)", deck_quote(m->string, k, sizeof k));
	}
}

/* "1 entry", "2 entries". */
static const char *entries(size_t n)
{
	return n == 1 ? "entry" : "entries";
}

/* A list of distinct non-empty strings, count within [lo, hi].  Returns an
 * arena array of the entries (NULL where one is not a usable string), even
 * when some are wrong or there are too few or too many, so that callers can
 * go on checking against it; every fault is reported.  NULL when n is not
 * an array or is empty (reported), or memory runs out. */
const char **deck_take_string_list(struct deck_ctx *c, const cJSON *n, const char *name,
                                     size_t lo, size_t hi, size_t *count)
{
	if (!cJSON_IsArray(n)) {
		deck_error_at(c, n, "'%s' must be an array of strings, found %s", name, deck_json_kind(n));
		return NULL;
	}
	size_t k = (size_t)cJSON_GetArraySize(n);
	if (k == 0) {
		deck_error_at(c, n, "'%s' is empty; it needs at least %zu %s", name, lo, entries(lo));
		return NULL;
	}
	if (k < lo)
		deck_error_at(c, n, "'%s' has %zu %s; it needs at least %zu", name, k, entries(k), lo);
	else if (k > hi)
		deck_error_at(c, n, "'%s' has %zu entries; it needs at most %zu", name, k, hi);
	const char **v = deck_arena_ptrs(c->L->deck->arena, k);
	if (!v) {
		c->L->oom = true;
		return NULL;
	}
	size_t i = 0;
	for (const cJSON *e = n->child; e; e = e->next, i++) {
		v[i] = deck_take_string(c, e, name, false);
		if (!v[i])
			continue;
		for (size_t j = 0; j < i; j++) {
			if (v[j] && strcmp(v[j], v[i]) == 0) {
				char b[80];
				deck_error_at(c, e, "'%s' lists '%s' twice", name, deck_quote(v[i], b, sizeof b));
				break;
			}
		}
	}
	*count = k;
	return v;
}
