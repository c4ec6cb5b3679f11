/* drill_impl.h — what drill.c and drill_class.c share: the drill's
 * state, and the class mode's steps (drill_class.c), which drill.c calls.
 * Not for front ends: they use drill.h. */
#ifndef RECALL_DRILL_IMPL_H
#define RECALL_DRILL_IMPL_H

#include "drill.h"

/* One player (the student, in class mode). */
struct player {
	char *name;                   /* owned */
	struct drill_tally tally;
	struct drill_outcome out;     /* at the current question */
};

struct drill {
	struct session *s;            /* the draw: items in order, options shown */
	struct deck **decks;          /* sorted by id (owned array, borrowed decks) */
	size_t ndecks;
	size_t n;                     /* questions */
	size_t index;                 /* the current one */
	enum drill_phase phase;
	struct player *p;
	size_t np;
	size_t turn;                  /* whose turn it is */
	bool started;                 /* the turn's clock runs */
	double t0;                    /* when it started */
	struct drill_rules rules;     /* a time limit below 0 made 0 */
	uint64_t seed;
	double (*clock)(void);        /* the turns' clock (drill_opts.clock or monotonic) */
	int64_t (*now)(void);         /* the records' time (drill_opts.now or time()) */
	struct drill_entry *prev;     /* the ranking after the previous question */
	size_t nprev;                 /* 0: none yet */
	struct results *results;      /* class mode: the store (borrowed); or NULL */
	char *klass;                  /* owned; NULL without a class */
	char id[17];                  /* the drill's id in the store; "" without one */
	size_t resumed_at;            /* where the student resumed (0: fresh) */
	struct drill_entry *board;    /* drill_class_board's last answer (owned) */
	struct drill_tally *board_t;  /* and the tallies behind it */
	char **board_names;           /* and their names (owned) */
	size_t nboard;
	char err[400];                /* drill_error's message */
};

/* Sets d's message from a printf format. */
void drill_fail(struct drill *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The question at index i of the draw. */
const struct question *drill_question_at(const struct drill *d, size_t i);

/* Class mode (d->results): begins or joins the drill in the store, records
 * its questions, and resumes the student where they left off.  0, or -1
 * with the message set. */
int drill_join(struct drill *d, const struct drill_opts *o);

/* Records the student's answer o to the current question: 0 recorded,
 * RESULTS_ALREADY (answered before: see drill_take_record), or -1 with
 * the message set (nothing recorded). */
int drill_record(struct drill *d, const struct drill_outcome *o);

/* After RESULTS_ALREADY: the record of the current question becomes p's
 * outcome *o (its given freed and replaced) and counts in p's tally.  0,
 * or -1 with the message set. */
int drill_take_record(struct drill *d, struct player *p, struct drill_outcome *o);

/* Frees what drill_class_board keeps. */
void drill_board_free(struct drill *d);

#endif
