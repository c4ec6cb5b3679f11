/* deck — the question deck model and its loader (format "recall-deck/1").
 *
 * A deck is loaded from a JSON file, checked in full against the format
 * described in questions/FORMAT.md, and held in memory that the deck owns:
 * every string and array below lives until deck_free.  Strings are valid
 * UTF-8 with no control characters other than '\n' and '\t' (the loader
 * refuses the rest), but they still come from a file: front ends escape them
 * (text_escape) before display all the same.  Nothing here writes files.
 */
#ifndef RECALL_DECK_H
#define RECALL_DECK_H

#include <stdbool.h>
#include <stddef.h>

#include "deck_limits.h"
#include "diag.h"

#define DECK_FORMAT "recall-deck/1"
#define DECK_MAX_BYTES (64u * 1024u * 1024u)  /* larger files are refused */
#define DECK_MAX_CHOICES 26
#define DECK_DEFAULT_POINTS 100.0

enum qtype {
	Q_CHOICE,     /* one right option among choices */
	Q_MULTI,      /* every right option among choices */
	Q_TRUEFALSE,
	Q_NUMBER,
	Q_TEXT,
	Q_ORDER,      /* items to put in order */
	Q_MATCH,      /* left items to pair with right items */
	Q_CARD,       /* flashcard, self-rated */
	Q_NTYPES
};

/* "choice", "multi", ...; NULL for an out-of-range value. */
const char *deck_type_name(enum qtype t);
/* The type named s, or -1. */
int deck_type_parse(const char *s);

struct source {
	const char *id;
	const char *title;
	const char *date;   /* NULL when absent */
	const char *url;    /* NULL when absent */
};

struct question {
	const char *id;          /* unique within its deck */
	enum qtype type;
	const char *prompt;      /* for cards: the front */
	const char *explanation; /* NULL when absent */
	const char *hint;        /* NULL when absent */
	const struct source *source; /* NULL when absent; points into the deck */
	unsigned paragraph;      /* paragraph of the source, 0 when not given */
	const char **tags;
	size_t ntags;
	int difficulty;          /* 1-5, 0 when not given */
	double points;           /* DECK_DEFAULT_POINTS when not given */
	bool shuffle;            /* choice, multi: shuffle options (default true) */

	/* choice, multi: the options as written; order: the items in their
	 * right order; match: the left column. */
	const char **choices;
	size_t nchoices;
	/* choice: the one right option's index; multi: bit i set when
	 * choices[i] is right. */
	unsigned long correct;

	bool truth;              /* truefalse */

	double number;           /* number: the answer */
	double min, max;         /* number: accepted range, from tolerance or min/max */
	const char *unit;        /* number: NULL when absent */

	const char **accept;     /* text: accepted answers, the first is shown */
	size_t naccept;
	bool exact;              /* text: no folding beyond trimming, no typos */

	const char **rights;     /* match: right column, rights[i] pairs choices[i] */

	const char *back;        /* card: the back */
};

struct deck {
	const char *path;        /* as given to deck_load */
	const char *id;
	const char *title;
	const char *description; /* NULL when absent */
	const char *language;    /* NULL when absent */
	struct source *sources;
	size_t nsources;
	struct question *questions;
	size_t nquestions;
	struct deck_arena *arena; /* owns everything above */
};

/* Loads and checks the deck at path.  Every problem found is added to d
 * (errors and warnings, each with file, line and column).  Returns the deck
 * when there was no error (warnings allowed), which the caller frees with
 * deck_free; NULL otherwise. */
struct deck *deck_load(const char *path, struct diags *d);

/* The same for bytes already in memory; name is used in messages.  The deck
 * keeps no pointer into buf. */
struct deck *deck_load_buffer(const char *name, const char *buf, size_t len, struct diags *d);

void deck_free(struct deck *deck);

/* Reads the whole regular file at path, as deck_load does: a folder, a
 * FIFO or a device is refused, and so is a file over DECK_MAX_BYTES (a
 * file that grows past it while read is returned a little over it, for
 * the caller to refuse).  Returns the bytes and a NUL, which the caller
 * frees, with their number in *len; NULL with the reason in d. */
char *deck_read_file(const char *path, size_t *len, struct diags *d);

/* Counts questions by type into counts[Q_NTYPES]. */
void deck_count_types(const struct deck *deck, size_t counts[Q_NTYPES]);

/* True when q carries tag (exact match). */
bool deck_has_tag(const struct question *q, const char *tag);

#endif
