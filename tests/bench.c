/* bench — load time and peak memory of the deck loader on a large deck.
 *
 *   bench              generate a deck, time it, measure memory, report
 *   bench --child FILE (internal) the memory probe, started by bench itself
 *
 * The deck is generated in memory (100,000 questions of all eight types,
 * from a fixed PRNG seed, so every run sees the same bytes) and written to
 * a temporary file that is removed at the end.
 *
 * Time: deck_load_buffer on the bytes in memory against cJSON alone
 * (cJSON_ParseWithLength + cJSON_Delete) on the same bytes.  Both read the
 * same buffer, so the comparison leaves out file reading.  Each run happens
 * in a child process of its own (see time_in_child); runs alternate between
 * the two (and swap which goes first each round) so that drift in clock
 * speed falls on both alike; medians are compared.  deck_load on the file
 * is timed too, for information.
 *
 * Memory: a fresh child process loads the file with deck_load and reports
 * how far its peak resident size rose during the call: that counts the
 * file buffer deck_load reads into, the spans json_check records, the
 * transient cJSON trees and the finished model, whichever coincide.
 *
 * The report ends with one line per target; the exit status is 1 when a
 * target is missed (or the bench could not run), so that `make bench`
 * fails.
 */
#include <cJSON.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_util.h"
#include "deck.h"
#include "diag.h"

#define NQUESTIONS 100000u
#define NSOURCES 40u
#define RUNS 7             /* timed runs of each contender */
#define FILE_RUNS 3        /* timed runs of deck_load on the file */
#define SEED 0x5eed2025u

#define TARGET_TIME 1.5    /* deck_load_buffer time over cJSON's, at most */
#define TARGET_MEM 3.0     /* peak memory over file size, at most */

/* ---- a deterministic PRNG (splitmix64) --------------------------------- */

static uint64_t rng_state = SEED;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

/* Uniform in [0, n); the modulo bias is irrelevant here. */
static size_t rnd(size_t n)
{
	return (size_t)(rng_next() % n);
}

/* In [lo, hi]. */
static size_t rnd_in(size_t lo, size_t hi)
{
	return lo + rnd(hi - lo + 1);
}

/* True with probability num/den. */
static int chance(size_t num, size_t den)
{
	return rnd(den) < num;
}

/* ---- the output buffer -------------------------------------------------- */

struct out {
	char *p;
	size_t n, cap;
};

static void die(const char *fmt, ...) __attribute__((format(printf, 1, 2), noreturn));

static void die(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(1);
}

static void out_reserve(struct out *o, size_t more)
{
	if (o->cap - o->n >= more)
		return;
	size_t cap = o->cap ? o->cap : 1u << 20;
	while (cap - o->n < more)
		cap *= 2;
	char *p = realloc(o->p, cap);
	if (!p)
		die("out of memory generating the deck");
	o->p = p;
	o->cap = cap;
}

static void out_mem(struct out *o, const char *s, size_t n)
{
	out_reserve(o, n);
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static void out_s(struct out *o, const char *s)
{
	out_mem(o, s, strlen(s));
}

static void out_fmt(struct out *o, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void out_fmt(struct out *o, const char *fmt, ...)
{
	char buf[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= sizeof buf)
		die("internal: formatted text too long");
	out_mem(o, buf, (size_t)n);
}

/* s as a JSON string, quotes included. */
static void out_json(struct out *o, const char *s)
{
	out_reserve(o, 3 + 6 * strlen(s));  /* the worst case, and snprintf's NUL */
	char *w = o->p + o->n;
	*w++ = '"';
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': *w++ = '\\'; *w++ = '"'; break;
		case '\\': *w++ = '\\'; *w++ = '\\'; break;
		case '\n': *w++ = '\\'; *w++ = 'n'; break;
		case '\t': *w++ = '\\'; *w++ = 't'; break;
		default:
			if (*p < 0x20) {
				snprintf(w, 7, "\\u%04x", *p);
				w += 6;
			} else {
				*w++ = (char)*p;
			}
		}
	}
	*w++ = '"';
	o->n = (size_t)(w - o->p);
}

/* ---- text --------------------------------------------------------------- */

/* Words for prompts, explanations and answers, in the register of the
 * shipped decks: some capitalised names, some Latin letters with
 * diacritics, possessives with a curly apostrophe, an en dash. */
static const char *const words[] = {
	"the", "the", "the", "of", "of", "a", "in", "to", "and", "and", "on", "for", "with",
	"which", "what", "when", "who", "whom", "where", "how", "many", "did", "was", "were",
	"after", "before", "during", "between", "against", "under", "about", "its", "their",
	"minister", "ministry", "ambassador", "envoy", "attaché", "delegation", "talks",
	"meeting", "summit", "treaty", "accord", "agreement", "report", "statement", "visit",
	"attack", "security", "counter-terrorism", "defence", "cooperation", "dialogue",
	"sanctions", "border", "region", "capital", "forum", "council", "committee",
	"régime", "détente", "communiqué", "protégé", "naïve", "café", "résumé", "entente",
	"India’s", "Russia’s", "minister’s", "council’s", "ministry’s", "envoy’s",
	"Rudenko", "Kumar", "Moscow", "Delhi", "Geneva", "Brussels", "Kashmir", "Pahalgam",
	"Islamabad", "Beijing", "Tashkent", "Astana", "Zürich", "Kraków", "São", "Paulo",
	"BRICS", "SCO", "UN", "G20", "ASEAN",
	"joint", "bilateral", "regional", "official", "senior", "deputy", "foreign", "national",
	"first", "second", "third", "last", "new", "annual", "formal", "public", "urgent",
	"signed", "named", "held", "condemned", "agreed", "discussed", "announced", "proposed",
	"recalled", "stressed", "welcomed", "visited", "opened", "closed", "suspended",
	"April", "May", "June", "2019", "2023", "2024", "2025", "26", "three", "seven",
	"–", "–", "also", "not", "only", "both", "each", "every", "other", "same",
};
#define NWORDS (sizeof words / sizeof words[0])

/* Tags: slugs mostly, one or two with a space or an accent. */
static const char *const tag_pool[] = {
	"people", "diplomacy", "dates", "places", "numbers", "terrorism", "security",
	"defence", "trade", "energy", "treaties", "organisations", "history", "law", "economy",
	"kashmir", "india", "russia", "pakistan", "china", "brics", "sco", "united-nations",
	"sanctions", "media", "military", "borders", "elections", "régions", "key terms",
};
#define NTAGS (sizeof tag_pool / sizeof tag_pool[0])

/* Question ids are a word and the question's number: unique, slugs. */
static const char *const id_words[] = {
	"who", "when", "where", "which", "how-many", "term", "place", "date", "treaty",
	"meeting", "attack", "forum", "role", "sequence", "pairs", "card",
};
#define NID_WORDS (sizeof id_words / sizeof id_words[0])

static const char *const units[] = {
	"people", "km", "%", "years", "days", "billion USD", "delegates", "countries", "km²",
};
#define NUNITS (sizeof units / sizeof units[0])

/* A piece of text being built; long enough for the longest we make. */
struct text {
	char s[400];
	size_t n;
};

static void text_add(struct text *t, const char *s)
{
	size_t k = strlen(s);
	if (t->n + k >= sizeof t->s)
		die("internal: text overflow");
	memcpy(t->s + t->n, s, k + 1);
	t->n += k;
}

/* Words to a length (in bytes) picked in [lo, hi], then end (may be NULL).
 * Some sentences put a word in curly quotes, a few in straight ones (which
 * JSON then escapes), a very few hold a newline. */
static void text_words(struct text *t, size_t lo, size_t hi, const char *end)
{
	size_t target = rnd_in(lo, hi);
	size_t quote_at = chance(1, 8) ? rnd(6) : SIZE_MAX;
	size_t straight_at = chance(1, 40) ? rnd(6) : SIZE_MAX;
	size_t newline_at = hi > 100 && chance(1, 60) ? rnd_in(5, 10) : SIZE_MAX;
	t->n = 0;
	t->s[0] = '\0';
	for (size_t i = 0; t->n < target; i++) {
		const char *w = words[rnd(NWORDS)];
		if (i == 0 && strcmp(w, "–") == 0)
			w = "the";
		size_t k = strlen(w) + 1;
		if (t->n >= lo && t->n + k > target)
			break;  /* stop near the target rather than overshoot it */
		if (i > 0)
			text_add(t, i == newline_at ? "\n" : " ");
		if (i == quote_at) {
			text_add(t, "“");
			text_add(t, w);
			text_add(t, "”");
		} else if (i == straight_at) {
			text_add(t, "\"");
			text_add(t, w);
			text_add(t, "\"");
		} else {
			text_add(t, w);
		}
	}
	if (t->s[0] >= 'a' && t->s[0] <= 'z')
		t->s[0] = (char)(t->s[0] - 'a' + 'A');
	if (end)
		text_add(t, end);
}

/* Up to 26 distinct short labels (choices, items, answers, pair sides). */
struct labels {
	char v[DECK_MAX_CHOICES][64];
	size_t n;
};

static void labels_make(struct labels *l, size_t n, size_t lo, size_t hi)
{
	struct text t;
	l->n = 0;
	while (l->n < n) {
		text_words(&t, lo, hi, NULL);
		int dup = 0;
		for (size_t j = 0; j < l->n && !dup; j++)
			dup = strcmp(l->v[j], t.s) == 0;
		if (dup || t.n >= sizeof l->v[0])
			continue;  /* try again: a fresh draw differs soon enough */
		memcpy(l->v[l->n++], t.s, t.n + 1);
	}
}

/* ---- the deck ------------------------------------------------------------ */

/* The mix of types, in percent; roughly that of the shipped decks, with
 * more of the rarer types so that every loader path gets real work. */
static const unsigned type_weight[Q_NTYPES] = {
	[Q_CHOICE] = 34, [Q_MULTI] = 10, [Q_TRUEFALSE] = 12, [Q_NUMBER] = 10,
	[Q_TEXT] = 10, [Q_ORDER] = 7, [Q_MATCH] = 7, [Q_CARD] = 10,
};

static enum qtype pick_type(void)
{
	size_t r = rnd(100);
	for (int t = 0; t < Q_NTYPES; t++) {
		if (r < type_weight[t])
			return (enum qtype)t;
		r -= type_weight[t];
	}
	return Q_CHOICE;
}

/* Starts field name of the open question: the first one goes on the line
 * after the brace, the others after a comma. */
static void field_start(struct out *o, int *first, const char *name)
{
	out_s(o, *first ? "\n      \"" : ",\n      \"");
	*first = 0;
	out_s(o, name);
	out_s(o, "\": ");
}

static void out_labels(struct out *o, const struct labels *l)
{
	out_s(o, "[");
	for (size_t i = 0; i < l->n; i++) {
		if (i)
			out_s(o, ", ");
		out_json(o, l->v[i]);
	}
	out_s(o, "]");
}

static void gen_question(struct out *o, size_t index, enum qtype type)
{
	struct text t;
	struct labels l, r;
	int first = 1;

	out_s(o, "    {");
	field_start(o, &first, "id");
	out_fmt(o, "\"%s-%06zu\"", id_words[rnd(NID_WORDS)], index + 1);
	field_start(o, &first, "type");
	out_json(o, deck_type_name(type));
	if (type == Q_CARD) {
		field_start(o, &first, "front");
		text_words(&t, 10, 50, NULL);
		out_json(o, t.s);
		field_start(o, &first, "back");
		text_words(&t, 20, 120, ".");
		out_json(o, t.s);
	} else {
		field_start(o, &first, "prompt");
		text_words(&t, 40, 119, "?");
		out_json(o, t.s);
	}

	switch (type) {
	case Q_CHOICE:
	case Q_MULTI: {
		size_t n = type == Q_CHOICE ? rnd_in(3, 5) : rnd_in(4, 6);
		labels_make(&l, n, 8, 40);
		field_start(o, &first, "choices");
		out_labels(o, &l);
		field_start(o, &first, "answer");
		size_t right = 1;  /* a choice question's right option */
		if (type == Q_CHOICE) {
			right = rnd(n);
			out_json(o, l.v[right]);
		} else {
			/* One to three distinct right options. */
			size_t k = rnd_in(1, 3), start = rnd(n);
			out_s(o, "[");
			for (size_t i = 0; i < k; i++) {
				if (i)
					out_s(o, ", ");
				out_json(o, l.v[(start + i) % n]);
			}
			out_s(o, "]");
		}
		/* Not with the right option first: check warns about that. */
		if (chance(1, 20) && right != 0) {
			field_start(o, &first, "shuffle");
			out_s(o, "false");
		}
		break;
	}
	case Q_TRUEFALSE:
		field_start(o, &first, "answer");
		out_s(o, chance(1, 2) ? "true" : "false");
		break;
	case Q_NUMBER: {
		field_start(o, &first, "answer");
		size_t kind = rnd(4);
		long v = 0;
		if (kind == 0) {
			v = (long)rnd_in(1, 500);
			out_fmt(o, "%ld", v);
		} else if (kind == 1) {
			v = (long)rnd_in(1900, 2025);
			out_fmt(o, "%ld", v);
		} else if (kind == 2) {
			v = (long)rnd_in(0, 999);
			out_fmt(o, "%ld.%zu", v, rnd(10));
		} else {
			v = -(long)rnd_in(1, 60);
			out_fmt(o, "%ld", v);
		}
		size_t bounds = rnd(3);
		if (bounds == 1) {
			field_start(o, &first, "tolerance");
			out_s(o, chance(1, 2) ? "1" : "2.5");
		} else if (bounds == 2) {
			field_start(o, &first, "min");
			out_fmt(o, "%ld", v - (long)rnd_in(1, 10));
			field_start(o, &first, "max");
			out_fmt(o, "%ld", v + (long)rnd_in(1, 10));
		}
		if (chance(1, 2)) {
			field_start(o, &first, "unit");
			out_json(o, units[rnd(NUNITS)]);
		}
		break;
	}
	case Q_TEXT:
		field_start(o, &first, "answer");
		if (chance(3, 5)) {
			text_words(&t, 4, 30, NULL);
			out_json(o, t.s);
		} else {
			labels_make(&l, rnd_in(2, 3), 4, 30);
			out_labels(o, &l);
		}
		if (chance(1, 10)) {
			field_start(o, &first, "exact");
			out_s(o, "true");
		}
		break;
	case Q_ORDER:
		labels_make(&l, rnd_in(3, 6), 8, 40);
		field_start(o, &first, "items");
		out_labels(o, &l);
		break;
	case Q_MATCH: {
		size_t n = rnd_in(3, 5);
		labels_make(&l, n, 4, 24);
		labels_make(&r, n, 8, 40);
		field_start(o, &first, "pairs");
		out_s(o, "[");
		for (size_t i = 0; i < n; i++) {
			out_s(o, i ? ", [" : "[");
			out_json(o, l.v[i]);
			out_s(o, ", ");
			out_json(o, r.v[i]);
			out_s(o, "]");
		}
		out_s(o, "]");
		break;
	}
	case Q_CARD:
	case Q_NTYPES:
		break;
	}

	if (chance(17, 20)) {
		field_start(o, &first, "explanation");
		text_words(&t, 50, 220, ".");
		out_json(o, t.s);
	}
	if (chance(4, 5)) {
		field_start(o, &first, "source");
		out_fmt(o, "{\"ref\": \"report-%03zu\"", rnd(NSOURCES));
		if (chance(3, 4))
			out_fmt(o, ", \"paragraph\": %zu", rnd_in(1, 40));
		out_s(o, "}");
	}
	if (chance(9, 10)) {
		/* One to three distinct tags, picked from a window of the pool. */
		size_t k = rnd_in(1, 3), start = rnd(NTAGS);
		field_start(o, &first, "tags");
		out_s(o, "[");
		for (size_t i = 0; i < k; i++) {
			if (i)
				out_s(o, ", ");
			out_json(o, tag_pool[(start + i * 7) % NTAGS]);
		}
		out_s(o, "]");
	}
	if (chance(3, 4)) {
		field_start(o, &first, "difficulty");
		out_fmt(o, "%zu", rnd_in(1, 5));
	}
	if (chance(1, 10)) {
		field_start(o, &first, "points");
		out_fmt(o, "%zu", 50 * rnd_in(1, 5));
	}
	if (chance(3, 10)) {
		field_start(o, &first, "hint");
		text_words(&t, 25, 80, ".");
		out_json(o, t.s);
	}
	out_s(o, "\n    }");
}

/* The whole deck into o; counts[] gets the number of each type. */
static void gen_deck(struct out *o, size_t counts[Q_NTYPES])
{
	struct text t;
	memset(counts, 0, Q_NTYPES * sizeof counts[0]);
	out_s(o, "{\n  \"format\": \"" DECK_FORMAT "\",\n  \"id\": \"bench-generated\",\n");
	out_s(o, "  \"title\": \"Generated deck for the loader benchmark – 100,000 questions\",\n");
	out_s(o, "  \"description\": \"Machine-made questions of every type, for timing only; "
	         "the text is word salad in the shipped decks’ register.\",\n");
	out_s(o, "  \"language\": \"en\",\n  \"sources\": [\n");
	for (size_t i = 0; i < NSOURCES; i++) {
		text_words(&t, 40, 110, NULL);
		out_fmt(o, "    {\"id\": \"report-%03zu\", \"title\": ", i);
		out_json(o, t.s);
		out_fmt(o, ", \"date\": \"2025-%02zu-%02zu\"", rnd_in(1, 12), rnd_in(1, 28));
		if (chance(1, 2))
			out_fmt(o, ", \"url\": \"https://example.org/reports/%03zu\"", i);
		out_s(o, i + 1 < NSOURCES ? "},\n" : "}\n");
	}
	out_s(o, "  ],\n  \"questions\": [\n");
	for (size_t i = 0; i < NQUESTIONS; i++) {
		enum qtype type = pick_type();
		counts[type]++;
		gen_question(o, i, type);
		out_s(o, i + 1 < NQUESTIONS ? ",\n" : "\n");
	}
	out_s(o, "  ]\n}\n");
}

/* ---- timing --------------------------------------------------------------- */

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Loads the bytes once; returns the time, or a negative value when the deck
 * was refused or did not come out as generated. */
static double time_deck_buffer(const char *buf, size_t len, const size_t counts[Q_NTYPES])
{
	struct diags d = {0};
	double t0 = now_ms();
	struct deck *deck = deck_load_buffer("generated.json", buf, len, &d);
	double t = now_ms() - t0;
	int ok = deck && d.n == 0;
	if (!ok) {
		fprintf(stderr, "bench: the generated deck was not loaded cleanly:\n");
		diag_print(&d, stderr);
	}
	if (deck && counts) {
		size_t got[Q_NTYPES];
		deck_count_types(deck, got);
		for (int i = 0; i < Q_NTYPES; i++)
			if (got[i] != counts[i])
				ok = 0;
		if (!ok)
			fprintf(stderr, "bench: the loaded deck's questions differ from those generated\n");
	}
	deck_free(deck);
	diag_free(&d);
	return ok ? t : -1;
}

static double time_deck_file(const char *path)
{
	struct diags d = {0};
	double t0 = now_ms();
	struct deck *deck = deck_load(path, &d);
	double t = now_ms() - t0;
	int ok = deck && d.n == 0;
	deck_free(deck);
	diag_free(&d);
	return ok ? t : -1;
}

static double time_cjson(const char *buf, size_t len)
{
	double t0 = now_ms();
	cJSON *root = cJSON_ParseWithLength(buf, len);
	cJSON_Delete(root);
	double t = now_ms() - t0;
	return root ? t : -1;
}

/* What a timed run does. */
enum contender { RUN_DECK, RUN_CJSON, RUN_FILE };

/* Times one run of what in a child process forked for it; returns the
 * time, or a negative value when the run failed.
 *
 * Why a process per run: the two contenders leave the allocator in very
 * different states.  After cJSON_Delete of a whole-deck tree, the heap
 * holds millions of freed nodes, which the next large malloc has glibc
 * consolidate (tens of milliseconds, charged to whoever runs next), while
 * a parse that follows another parse finds its memory already faulted in.
 * Measured in one process, the loader took half as long again after a
 * cJSON run as from a clean heap, and cJSON a fifth less after another.
 * A child forked from this process, which has parsed nothing, starts each
 * run from the same small heap, as a program does that loads its decks:
 * every run pays for the fresh memory it needs, and for nothing else. */
static double time_in_child(enum contender what, const char *buf, size_t len, const char *path,
                            const size_t counts[Q_NTYPES])
{
	int fd[2];
	if (pipe(fd) != 0)
		return -1;
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		close(fd[0]);
		double t = what == RUN_DECK ? time_deck_buffer(buf, len, counts)
		         : what == RUN_CJSON ? time_cjson(buf, len)
		         : time_deck_file(path);
		ssize_t w = write(fd[1], &t, sizeof t);
		_exit(w == (ssize_t)sizeof t ? 0 : 1);
	}
	close(fd[1]);
	double t = -1;
	size_t got = 0;
	unsigned char *into = (unsigned char *)&t;
	while (got < sizeof t) {
		ssize_t k = read(fd[0], into + got, sizeof t - got);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		got += (size_t)k;
	}
	close(fd[0]);
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (got != sizeof t || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return t;
}

/* ---- memory ---------------------------------------------------------------- */

/* A field of /proc/self/status in KiB ("VmRSS:", "VmHWM:"), or -1. */
static long proc_status_kib(const char *name)
{
	FILE *f = fopen("/proc/self/status", "r");
	if (!f)
		return -1;
	char line[256];
	long v = -1;
	size_t k = strlen(name);
	while (fgets(line, sizeof line, f))
		if (strncmp(line, name, k) == 0)
			v = strtol(line + k, NULL, 10);
	fclose(f);
	return v;
}

/* The child: waits for a byte on stdin (the parent sends it once the file
 * is written), loads the file, and prints one line on stdout:
 *   ru_maxrss before, ru_maxrss after, VmRSS before, VmHWM after (KiB),
 *   and the number of questions loaded (0 when refused).
 *
 * Why the parent starts this child before it generates anything: on Linux
 * ru_maxrss survives execve, and a forked child's resident set counts the
 * pages it shares with its parent.  A child forked while the parent holds
 * the 40-odd MB of generated deck would start with a ru_maxrss of that size
 * already, and the rise during deck_load would be understated.  Forked
 * while the parent is small, the child's own ru_maxrss before the load is a
 * megabyte or two: libc and this program, nothing else.  As a second
 * opinion the child also reads VmHWM (the peak of this process image alone,
 * which execve does reset) against VmRSS before the load; the parent counts
 * whichever rise is larger. */
static int child_main(const char *path)
{
	char go;
	ssize_t r;
	do
		r = read(0, &go, 1);
	while (r < 0 && errno == EINTR);
	if (r != 1)
		return 1;  /* the parent gave up */

	struct rusage before, after;
	long rss_before = proc_status_kib("VmRSS:");
	getrusage(RUSAGE_SELF, &before);
	struct diags d = {0};
	struct deck *deck = deck_load(path, &d);
	getrusage(RUSAGE_SELF, &after);
	long hwm_after = proc_status_kib("VmHWM:");
	printf("%ld %ld %ld %ld %zu\n", before.ru_maxrss, after.ru_maxrss, rss_before, hwm_after,
	       deck ? deck->nquestions : 0);
	fflush(stdout);
	diag_print(&d, stderr);
	deck_free(deck);
	diag_free(&d);
	return deck ? 0 : 1;
}

struct child {
	pid_t pid;
	int to, from;  /* pipe ends: its stdin, its stdout */
};

/* Starts `self --child path`, waiting for its go. */
static int child_start(struct child *c, const char *self, const char *path)
{
	int in[2], out[2];
	if (pipe(in) != 0)
		return -1;
	if (pipe(out) != 0) {
		close(in[0]);
		close(in[1]);
		return -1;
	}
	fflush(NULL);
	pid_t pid = fork();
	if (pid < 0) {
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		return -1;
	}
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(out[1], 1);
		close(in[0]);
		close(in[1]);
		close(out[0]);
		close(out[1]);
		char *args[] = { (char *)self, (char *)"--child", (char *)path, NULL };
		/* /proc/self/exe is this very program wherever it was started
		 * from; argv[0] is the fallback where /proc is missing. */
		execv("/proc/self/exe", args);
		execv(self, args);
		_exit(127);
	}
	close(in[0]);
	close(out[1]);
	c->pid = pid;
	c->to = in[1];
	c->from = out[0];
	return 0;
}

/* Lets the child load and reads its figures; returns 0 when it reported. */
static int child_finish(struct child *c, long v[4], size_t *nq)
{
	char buf[256];
	size_t n = 0;
	ssize_t r = write(c->to, "g", 1);
	close(c->to);
	c->to = -1;
	while (r == 1 && n + 1 < sizeof buf) {
		ssize_t k = read(c->from, buf + n, sizeof buf - 1 - n);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		n += (size_t)k;
	}
	buf[n] = '\0';
	close(c->from);
	c->from = -1;
	int status = 0;
	while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
		;
	if (r != 1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		return -1;
	return sscanf(buf, "%ld %ld %ld %ld %zu", &v[0], &v[1], &v[2], &v[3], nq) == 5 ? 0 : -1;
}

/* ---- the report -------------------------------------------------------------- */

static double mb(size_t bytes)
{
	return (double)bytes / 1e6;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--child") == 0)
		return child_main(argv[2]);
	if (argc != 1) {
		fprintf(stderr, "usage: %s\n", argv[0]);
		return 2;
	}
	/* A child that failed to start must not kill us with SIGPIPE. */
	signal(SIGPIPE, SIG_IGN);

	const char *tmp = getenv("TMPDIR");
	char path[4096];
	snprintf(path, sizeof path, "%s/recall-bench-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	int fd = mkstemp(path);
	if (fd < 0)
		die("cannot create a temporary file in %s: %s", tmp && *tmp ? tmp : "/tmp",
		    strerror(errno));

	/* The memory probe first, while this process is small (see child_main). */
	struct child probe = { .pid = -1, .to = -1, .from = -1 };
	int probe_ok = child_start(&probe, argv[0], path) == 0;

	struct out deck = {0};
	size_t counts[Q_NTYPES];
	gen_deck(&deck, counts);
	int failed = 0;

	size_t off = 0;
	while (off < deck.n) {
		ssize_t w = write(fd, deck.p + off, deck.n - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fprintf(stderr, "bench: cannot write %s: %s\n", path, strerror(errno));
			failed = 1;
			break;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0 && !failed) {
		fprintf(stderr, "bench: cannot write %s: %s\n", path, strerror(errno));
		failed = 1;
	}

	printf("recall bench: a generated deck of %u questions (seed %#x)\n", NQUESTIONS, SEED);
	printf("  types:");
	for (int i = 0; i < Q_NTYPES; i++)
		printf(" %s %zu", deck_type_name((enum qtype)i), counts[i]);
	printf("\n  file: %zu bytes (%.1f MB), %.0f bytes a question, in %s\n", deck.n, mb(deck.n),
	       (double)deck.n / NQUESTIONS, path);
	if (deck.n > DECK_MAX_BYTES) {
		fprintf(stderr, "bench: the generated deck is over the %u MiB limit\n",
		        DECK_MAX_BYTES / (1024u * 1024u));
		failed = 1;
	}

	/* One load to check that the deck is what we meant (and to warm up). */
	if (!failed && time_in_child(RUN_DECK, deck.p, deck.n, path, counts) < 0)
		failed = 1;

	/* Memory. */
	long mem[4] = {0};
	size_t child_nq = 0;
	double peak_bytes = -1;
	if (!failed) {
		if (!probe_ok || child_finish(&probe, mem, &child_nq) != 0 || child_nq != NQUESTIONS) {
			fprintf(stderr, "bench: the memory probe (%s --child) failed\n", argv[0]);
			failed = 1;
		} else {
			long rise = mem[1] - mem[0];          /* ru_maxrss */
			long rise2 = mem[2] >= 0 && mem[3] >= 0 ? mem[3] - mem[2] : -1;  /* VmHWM */
			peak_bytes = 1024.0 * (double)(rise > rise2 ? rise : rise2);
		}
	}

	/* Time. */
	double t_deck[RUNS], t_json[RUNS], t_file[FILE_RUNS];
	if (!failed && time_in_child(RUN_CJSON, deck.p, deck.n, path, NULL) < 0) {  /* warm-up */
		fprintf(stderr, "bench: cJSON refused the generated deck\n");
		failed = 1;
	}
	for (int i = 0; i < RUNS && !failed; i++) {
		if (i % 2 == 0) {
			t_deck[i] = time_in_child(RUN_DECK, deck.p, deck.n, path, NULL);
			t_json[i] = time_in_child(RUN_CJSON, deck.p, deck.n, path, NULL);
		} else {
			t_json[i] = time_in_child(RUN_CJSON, deck.p, deck.n, path, NULL);
			t_deck[i] = time_in_child(RUN_DECK, deck.p, deck.n, path, NULL);
		}
		if (t_deck[i] < 0 || t_json[i] < 0)
			failed = 1;
	}
	for (int i = 0; i < FILE_RUNS && !failed; i++)
		if ((t_file[i] = time_in_child(RUN_FILE, deck.p, deck.n, path, NULL)) < 0)
			failed = 1;

	if (probe.pid > 0 && probe.to >= 0) {  /* never told to go: let it end */
		close(probe.to);
		close(probe.from);
		waitpid(probe.pid, NULL, 0);
	}
	unlink(path);
	if (failed) {
		free(deck.p);
		printf("bench: could not measure (see above)\n");
		return 1;
	}

	double md = median(t_deck, RUNS), mj = median(t_json, RUNS), mf = median(t_file, FILE_RUNS);
	double ratio = md / mj, mem_ratio = peak_bytes / (double)deck.n;
	printf("\nload time: deck_load_buffer on the bytes in memory (check and model) against\n"
	       "cJSON_ParseWithLength + cJSON_Delete on the same bytes; median of %d runs each,\n"
	       "alternating, each run in a fresh child process (MB = 10^6 bytes)\n", RUNS);
	printf("  deck_load_buffer   %8.1f ms  %7.1f MB/s   (fastest %.1f, slowest %.1f)\n", md,
	       mb(deck.n) / (md / 1e3), t_deck[0], t_deck[RUNS - 1]);
	printf("  cJSON alone        %8.1f ms  %7.1f MB/s   (fastest %.1f, slowest %.1f)\n", mj,
	       mb(deck.n) / (mj / 1e3), t_json[0], t_json[RUNS - 1]);
	printf("  deck_load (file)   %8.1f ms  %7.1f MB/s   (median of %d, for information: adds the read)\n",
	       mf, mb(deck.n) / (mf / 1e3), FILE_RUNS);
	printf("\npeak memory: rise of the resident set during deck_load(file) in a fresh child\n"
	       "(file buffer, spans, cJSON trees, model: whatever coincides at the peak)\n");
	printf("  ru_maxrss %ld -> %ld KiB (+%ld); VmRSS before %ld, VmHWM after %ld KiB (+%ld)\n",
	       mem[0], mem[1], mem[1] - mem[0], mem[2], mem[3], mem[3] - mem[2]);
	printf("  counted: %.1f MB for a %.1f MB file\n\n", peak_bytes / 1e6, mb(deck.n));

	int time_ok = ratio <= TARGET_TIME, mem_ok = mem_ratio <= TARGET_MEM;
	printf("load time: %.2fx cJSON (target <= %.1f): %s\n", ratio, TARGET_TIME,
	       time_ok ? "ok" : "MISSED");
	printf("peak memory: %.2fx file size (target <= %.1f): %s\n", mem_ratio, TARGET_MEM,
	       mem_ok ? "ok" : "MISSED");
	free(deck.p);
	return time_ok && mem_ok ? 0 : 1;
}
