/* study — a spaced-repetition study session, shared by every front end.
 *
 * A study session asks the questions of some decks that are due, as the
 * FSRS-6 scheduler (sched.h) and the progress database (store.h) say, and
 * records every grade.  It prints nothing and reads no keys: a front end
 * asks for the current question, draws it, turns keys or lines into a
 * struct response (answer.h) and hands it back, shows the verdict and the
 * proposed grade, lets the learner change the grade, and commits it.
 *
 * Life of one question:
 *   study_current -> [study_hint] -> study_answer or study_skip (verdict and
 *   proposed grade) -> (front end shows them; the learner may pick another
 *   grade) -> study_grade (recorded in the database before it returns).
 *   study_undo takes back the last grade of this session (the database's
 *   too) and makes that question the current one again.
 *
 * The queue, recomputed at each study_current from the time now:
 *   1. learning and relearning questions that are due, earliest first;
 *   2. review questions that are due, earliest first, while the day's
 *      reviews (prefs.reviews_per_day, less those already graded today,
 *      store_count_today) are not used up;
 *   3. new questions in deck order, while the day's new questions
 *      (prefs.new_per_day, likewise) are not used up;
 *   4. with nothing else left, a learning or relearning question due within
 *      STUDY_EARLY_SECONDS is shown early, earliest first, so that a
 *      question rated Again is seen again the same day (and with --now the
 *      clock stands still, so it is how a step comes back).
 * "Today" starts at prefs.sched.day_starts o'clock, local time.
 *
 * What is read, and when: a large progress database holds rows for most
 * questions, and a session reads in full only the rows it may ask soon,
 * those due within STUDY_EARLY_SECONDS (and an hour ahead, so that with
 * the clock running it reads again once an hour).  Which questions have a
 * row at all (the others are new) is read from an index when first needed:
 * for a new question, or for study_summary, which finds the earliest due
 * date of the rows not read by a query of its own.  A question is read
 * again from the store each time it is asked.
 *
 * Grades proposed from a verdict (study_propose):
 *   card                         the learner's own rating
 *   wrong or skipped             Again
 *   right after the hint, partly right, accepted with a typo   Hard
 *   right within STUDY_QUICK_SECONDS (not a card)              Easy
 *   right                        Good
 *
 * Cram (prefs.cram): every question of the decks once, in deck order, with
 * no regard to due dates or daily limits; grades are proposed and taken as
 * usual, but nothing is recorded and no schedule changes (the database is
 * only read).
 *
 * Time: the date of a review comes from prefs_now (the --now value when
 * given: the clock then stands still); the seconds taken come from
 * opts.clock (monotonic by default), which runs either way.
 *
 * Errors are values: -1 and study_error says why (the store's message).
 * The decks and the store must outlive the session.
 */
#ifndef RECALL_STUDY_H
#define RECALL_STUDY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "answer.h"
#include "deck.h"
#include "prefs.h"
#include "sched.h"
#include "session.h"
#include "store.h"

/* A right answer (not to a card, no hint, no typo) given within this many
 * seconds is proposed Easy. */
#define STUDY_QUICK_SECONDS 10.0

/* With nothing else to ask, a learning question due within this many
 * seconds is asked early. */
#define STUDY_EARLY_SECONDS (20 * 60)

struct study_opts {
	struct prefs prefs;      /* scheduling settings, limits, cram */
	bool fixed_now;          /* --now was given: the clock reads now_value */
	int64_t now_value;
	uint64_t seed;           /* shuffles of the options shown */
	double (*clock)(void);   /* seconds from any fixed point; NULL: monotonic */
	int64_t (*date)(void);   /* the time now, Unix seconds, for tests whose clock must
	                            move; NULL: prefs_now (now_value when fixed_now) */
};

/* What study_grade did. */
struct study_graded {
	enum sched_grade grade;
	enum sched_state state;  /* the question's state after it */
	int64_t due;             /* when it is next due */
	int64_t interval;        /* seconds until then, as sched_format_interval
	                            wants it (scheduled_days * 86400 for days) */
	bool recorded;           /* false in cram: nothing was written */
};

/* What study_undo took back. */
struct study_undone {
	const struct question *q;   /* the question, now current again */
	const struct deck *deck;
	enum sched_grade grade;     /* the grade that was taken back */
};

struct study_summary {
	unsigned grades[5];      /* grades given, by enum sched_grade (1-4) */
	unsigned graded;         /* all of them */
	int64_t next_due;        /* the earliest due date of a studied question
	                            of the decks after now; 0 when none */
	size_t due_now;          /* questions still due now (past the limits too) */
	size_t new_left;         /* questions of the decks never studied */
};

struct study;

/* Opens a session over decks, reading their progress from st.  Returns 0
 * with *out set (free with study_free), or -1 with a message in err. */
int study_open(struct deck *const *decks, size_t ndecks, struct store *st,
               const struct study_opts *o, struct study **out, char *err, size_t errsize);
void study_free(struct study *s);

/* The question waiting for a response (its options' shown order set up as
 * in a quiz), or NULL when the session has nothing more to ask.  Between
 * study_answer and study_grade it is the question being graded. */
const struct item *study_current(struct study *s);

/* The state of the current question before this review; SCHED_NEW when
 * there is none. */
enum sched_state study_current_state(const struct study *s);

/* The hint of the current question, marking it taken; NULL when none. */
const char *study_hint(struct study *s);

/* Checks r against the current question; returns the item with its
 * verdict and sets *proposed, or NULL when there is no question waiting. */
const struct item *study_answer(struct study *s, const struct response *r,
                                enum sched_grade *proposed);
const struct item *study_skip(struct study *s, enum sched_grade *proposed);

/* The grade the verdict of it earns (the table above), with it->seconds
 * the time taken; rating is a card's rating (RATE_NONE for other types). */
enum sched_grade study_propose(const struct item *it, enum rating rating);

/* Commits grade g for the question answered last: schedules it and records
 * the review in one transaction before returning (in cram: nothing).
 * Returns 0 with *out filled in, or -1 (nothing recorded, the question
 * still waits for its grade). */
int study_grade(struct study *s, enum sched_grade g, struct study_graded *out);

/* What each grade would do to the question in hand, as study_grade would
 * schedule it now, without recording anything: seconds[g], for g from
 * SCHED_AGAIN to SCHED_EASY, is the interval study_graded.interval would
 * be (seconds[0] is 0).  It does not depend on the answer, so a front end
 * may show it before the answer too.  Returns 1 with seconds filled in, 0
 * when there is nothing to preview: no question in hand, or cram (where no
 * grade changes a schedule). */
int study_preview(const struct study *s, int64_t seconds[5]);

/* Takes back the last grade of this session (the database's row and log
 * too), and makes its question the current one again (a question in hand,
 * not yet graded, goes back to the queue).  In cram only the session's
 * own record goes back (nothing was written).  Returns 1 with *u filled
 * in, 0 when this session has no grade left to take back, -1 on error.
 * The database's last review at or after the grade's time is the one
 * removed: with another program studying the same database at once, that
 * may be the other's. */
int study_undo(struct study *s, struct study_undone *u);

/* Grades given, and what is due next. */
int study_summary(struct study *s, struct study_summary *sum);

/* The message of the last failure. */
const char *study_error(const struct study *s);

/* The time as the session reads it (prefs_now). */
int64_t study_now(const struct study *s);

#endif
