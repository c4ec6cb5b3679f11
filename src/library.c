/* library — finding the decks a learner has; see library.h. */
#include "library.h"

#include <dirent.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifndef RECALL_DATADIR
#define RECALL_DATADIR "/usr/local/share/recall"
#endif

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A deck's file name: NAME.json, but not hidden, and not NAME.schema.json
 * (the JSON Schema of the format, bundled beside the decks). */
static bool ends_with_json(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".json") == 0 && name[0] != '.' &&
	       !(n > 12 && strcmp(name + n - 12, ".schema.json") == 0);
}

#define MAX_DEPTH 8  /* folders below the top one that are searched */

/* The folders from the top one down to the one being read, to refuse a
 * link that leads back up (a loop). */
struct walk {
	dev_t dev;
	ino_t ino;
	const struct walk *up;
};

/* True when the files at a and b hold the same bytes. */
static bool same_bytes(const char *a, const char *b)
{
	FILE *fa = fopen(a, "rb"), *fb = fopen(b, "rb");
	bool same = fa && fb;
	while (same) {
		char ba[4096], bb[4096];
		size_t na = fread(ba, 1, sizeof ba, fa), nb = fread(bb, 1, sizeof bb, fb);
		same = na == nb && memcmp(ba, bb, na) == 0 && !ferror(fa) && !ferror(fb);
		if (na == 0)
			break;
	}
	if (fa)
		fclose(fa);
	if (fb)
		fclose(fb);
	return same;
}

/* The index of the entry already listed for the file at path (st): the
 * same file, or a copy of the same deck (same id, same bytes); -1 when it
 * is new. */
static long listed(const struct library *lib, const char *path, const struct stat *st,
                   const struct deck *deck)
{
	for (size_t i = 0; i < lib->n; i++) {
		const struct library_entry *e = &lib->v[i];
		if (e->dev == st->st_dev && e->ino == st->st_ino)
			return (long)i;
		if (deck && e->deck && e->size == st->st_size && strcmp(e->deck->id, deck->id) == 0 &&
		    same_bytes(e->path, path))
			return (long)i;
	}
	return -1;
}

/* Adds the deck at path (owned by the call), or, when it is listed
 * already, the note of where this other copy is. */
static int add_deck(struct library *lib, char *path, const struct stat *st)
{
	long seen = listed(lib, path, st, NULL);
	struct diags dg = {0};
	struct deck *deck = seen >= 0 ? NULL : deck_load(path, &dg);
	if (seen < 0 && deck)
		seen = listed(lib, path, st, deck);
	if (seen >= 0) {
		deck_free(deck);
		diag_free(&dg);
		struct library_copy *c = realloc(lib->copies, (lib->ncopies + 1) * sizeof *c);
		if (!c) {
			free(path);
			return -1;
		}
		lib->copies = c;
		c[lib->ncopies].path = path;
		c[lib->ncopies++].entry = (size_t)seen;
		return 0;
	}
	struct library_entry *v = realloc(lib->v, (lib->n + 1) * sizeof *v);
	if (!v) {
		free(path);
		deck_free(deck);
		diag_free(&dg);
		return -1;
	}
	lib->v = v;
	struct library_entry *en = &lib->v[lib->n++];
	memset(en, 0, sizeof *en);
	en->path = path;
	en->dev = st->st_dev;
	en->ino = st->st_ino;
	en->size = st->st_size;
	en->deck = deck;
	en->nwarnings = dg.nwarnings;
	int rc = 0;
	if (!en->deck) {
		const struct diag *first = diag_first_error(&dg);
		char line[1024] = "not a valid deck";
		if (first)
			diag_format(first, line, sizeof line);
		en->problem = strdup(line);
		if (!en->problem)
			rc = -1;
	}
	diag_free(&dg);
	return rc;
}

/* Adds the decks of one folder and of the folders in it, in name order. */
static int scan_dir(struct library *lib, const char *dir, int depth, const struct walk *up)
{
	struct stat dst;
	if (depth > MAX_DEPTH || stat(dir, &dst) != 0 || !S_ISDIR(dst.st_mode))
		return 0;
	for (const struct walk *w = up; w; w = w->up)
		if (w->dev == dst.st_dev && w->ino == dst.st_ino)
			return 0;  /* a link back up: a loop */
	struct walk here = { dst.st_dev, dst.st_ino, up };
	DIR *d = opendir(dir);
	if (!d)
		return 0;
	char **names = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;  /* hidden, and . and .. */
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			char **v = realloc(names, cap * sizeof *v);
			if (!v) {
				rc = -1;
				break;
			}
			names = v;
		}
		if (!(names[n] = strdup(e->d_name))) {
			rc = -1;
			break;
		}
		n++;
	}
	closedir(d);
	if (n)
		qsort(names, n, sizeof *names, by_name);
	for (size_t i = 0; i < n && rc == 0; i++) {
		size_t len = strlen(dir) + strlen(names[i]) + 2;
		char *path = malloc(len);
		if (!path) {
			rc = -1;
			break;
		}
		snprintf(path, len, "%s/%s", dir, names[i]);
		struct stat st;
		if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
			rc = scan_dir(lib, path, depth + 1, &here);
			free(path);
		} else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && ends_with_json(names[i])) {
			rc = add_deck(lib, path, &st);
		} else {
			free(path);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return rc;
}

int library_scan(struct library *lib, const char *const *dirs, size_t ndirs)
{
	memset(lib, 0, sizeof *lib);
	for (size_t i = 0; i < ndirs && i < 3; i++) {
		if (!(lib->dirs[i] = strdup(dirs[i])))
			return -1;
		lib->ndirs++;
		if (scan_dir(lib, dirs[i], 0, NULL) != 0)
			return -1;
	}
	return 0;
}

/* The source tree's questions/ when the binary runs from it, else NULL. */
static char *source_tree_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n <= 0)
		return NULL;
	exe[n] = '\0';
	char *slash = strrchr(exe, '/');
	if (!slash)
		return NULL;
	*slash = '\0';  /* the binary's folder, e.g. <root>/build */
	char dir[PATH_MAX + 32], probe[PATH_MAX + 48];
	/* build/recall, build/san/recall: look one and two folders up */
	for (int up = 1; up <= 2; up++) {
		slash = strrchr(exe, '/');
		if (!slash)
			return NULL;
		*slash = '\0';
		snprintf(dir, sizeof dir, "%s/questions", exe[0] ? exe : "/");
		snprintf(probe, sizeof probe, "%s/FORMAT.md", dir);
		if (is_file(probe))
			return strdup(dir);
	}
	return NULL;
}

int library_scan_default(struct library *lib)
{
	char *bundled = source_tree_dir();
	if (!bundled)
		bundled = strdup(RECALL_DATADIR "/questions");
	char own[PATH_MAX];
	const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
	if (xdg && xdg[0] == '/')
		snprintf(own, sizeof own, "%s/recall/decks", xdg);
	else if (home && home[0])
		snprintf(own, sizeof own, "%s/.local/share/recall/decks", home);
	else
		own[0] = '\0';
	if (!bundled) {
		memset(lib, 0, sizeof *lib);
		return -1;
	}
	/* Both are named even when missing, to say where decks are looked for. */
	const char *dirs[2];
	size_t n = 0;
	dirs[n++] = bundled;
	if (own[0])
		dirs[n++] = own;
	int rc = library_scan(lib, dirs, n);
	free(bundled);
	return rc;
}

/* Adds the tags of d that v[0..*k) lacks; false when memory runs out. */
static bool add_tags(const char ***v, size_t *k, size_t *cap, const struct deck *d)
{
	for (size_t q = 0; q < d->nquestions; q++) {
		for (size_t t = 0; t < d->questions[q].ntags; t++) {
			const char *tag = d->questions[q].tags[t];
			bool seen = false;
			for (size_t j = 0; j < *k && !seen; j++)
				seen = strcmp((*v)[j], tag) == 0;
			if (seen)
				continue;
			if (*k == *cap) {
				*cap = *cap ? *cap * 2 : 16;
				const char **nv = realloc(*v, *cap * sizeof *nv);
				if (!nv)
					return false;
				*v = nv;
			}
			(*v)[(*k)++] = tag;
		}
	}
	return true;
}

/* Sorts v[0..k); NULL (freeing v) when memory ran out. */
static const char **tags_done(const char **v, size_t k, bool ok, size_t *n)
{
	if (!ok) {
		free(v);
		return NULL;
	}
	if (k)
		qsort(v, k, sizeof *v, by_name);
	*n = k;
	return v;
}

const char **library_tags(const struct library *lib, const bool *chosen, size_t *n)
{
	const char **v = NULL;
	size_t k = 0, cap = 0;
	bool ok = true;
	*n = 0;
	for (size_t i = 0; ok && i < lib->n; i++)
		if (lib->v[i].deck && (!chosen || chosen[i]))
			ok = add_tags(&v, &k, &cap, lib->v[i].deck);
	return tags_done(v, k, ok, n);
}

int library_deck_tags(struct deck *const *decks, size_t ndecks, const char ***tags, size_t *n)
{
	const char **v = NULL;
	size_t k = 0, cap = 0;
	bool ok = true;
	*n = 0;
	for (size_t i = 0; ok && i < ndecks; i++)
		ok = add_tags(&v, &k, &cap, decks[i]);
	*tags = tags_done(v, k, ok, n);
	return ok ? 0 : -1;
}

void library_free(struct library *lib)
{
	for (size_t i = 0; i < lib->n; i++) {
		free(lib->v[i].path);
		deck_free(lib->v[i].deck);
		free(lib->v[i].problem);
	}
	for (size_t i = 0; i < lib->ncopies; i++)
		free(lib->copies[i].path);
	free(lib->copies);
	free(lib->v);
	for (size_t i = 0; i < lib->ndirs; i++)
		free(lib->dirs[i]);
	memset(lib, 0, sizeof *lib);
}
