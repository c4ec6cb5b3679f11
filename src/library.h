/* library — finding the decks a learner has, for the start screen.
 *
 * Decks are looked for in three places, in this order:
 *   1. the bundled questions/ of the source tree, when the program runs from
 *      it (the folder questions/ beside the folder holding the binary, with
 *      a FORMAT.md in it, as for build/recall);
 *   2. the installed copy, RECALL_DATADIR/questions (the Makefile sets
 *      RECALL_DATADIR to $(PREFIX)/share/recall), when 1 does not apply;
 *   3. the learner's own, $XDG_DATA_HOME/recall/decks (by default
 *      ~/.local/share/recall/decks).
 * Every *.json file there and in the folders below (at most 8 deep; hidden
 * names and links that lead back up are passed over) is loaded and checked;
 * decks that fail keep their first error for display.  A file found twice
 * (by another path or link), or a copy of a deck (same id, same bytes), is
 * listed once, noting the other path.  No curses here.
 */
#ifndef RECALL_LIBRARY_H
#define RECALL_LIBRARY_H

#include <stddef.h>
#include <sys/types.h>

#include "deck.h"

struct library_entry {
	char *path;          /* owned */
	struct deck *deck;   /* owned; NULL when the file is not a valid deck */
	char *problem;       /* owned; the first error, formatted, when deck is NULL */
	size_t nwarnings;
	dev_t dev;           /* the file, to know it again by another path */
	ino_t ino;
	off_t size;
};

/* A path where a listed deck was found again: the same file (a link, a
 * hard link) or a copy of it (same id, same bytes). */
struct library_copy {
	char *path;    /* owned */
	size_t entry;  /* the index of the listed one in library.v */
};

struct library {
	struct library_entry *v;  /* sorted by path within each folder */
	size_t n;
	char *dirs[3];            /* the folders looked in (owned; NULL unused) */
	size_t ndirs;
	struct library_copy *copies;  /* decks found again, not listed twice */
	size_t ncopies;
};

/* Fills lib from the default folders.  Returns 0, or -1 when memory runs
 * out.  A folder that does not exist is passed over quietly. */
int library_scan_default(struct library *lib);

/* Fills lib from the given folders, in order. */
int library_scan(struct library *lib, const char *const *dirs, size_t ndirs);

/* The distinct tags of the valid decks of lib whose flag in chosen is set
 * (chosen may be NULL: all), sorted; *n receives the count.  The strings
 * belong to the decks; the array is the caller's to free. */
const char **library_tags(const struct library *lib, const bool *chosen, size_t *n);

/* The distinct tags of decks[0..ndecks), sorted, into *tags (the caller
 * frees the array; NULL when there are none) and *n.  Returns 0, or -1
 * when memory runs out. */
int library_deck_tags(struct deck *const *decks, size_t ndecks, const char ***tags, size_t *n);

void library_free(struct library *lib);

#endif
