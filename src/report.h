/* report — the teacher's report of a classroom drill, from the results
 * store (results.h): the leaderboard, each question's figures, and what
 * each student missed.  docs/report.md defines every figure; in short:
 *
 *   score       the points a student's answers earned, summed (speed and
 *               streak bonuses included: results_answer.points)
 *   grade       the share of the drill's own points earned with credit:
 *               credit x the question's points, summed over the student's
 *               answers, over the points of all the drill's questions, as
 *               a percentage (drill_grade).  When a question of the drill
 *               has no row in the store (a drill recorded before schema 2)
 *               the points are unknown (points_known false) and every
 *               question weighs alike: the credits summed over the count.
 *   rank        drill_rank: score, then grade, then name; ties share a rank
 *   facility    of a question: the share of its answers that were right
 *               (partly right is not right); none when nobody answered it
 *   discrimination  the share right in the top group minus the share right
 *               in the bottom group, the groups being the first and the
 *               last g students ordered by grade (then score, then name),
 *               g = ceil(0.27 n) and at least 1, n the students who
 *               answered anything; a student of a group who did not answer
 *               the question counts as not right.  None when n < 2 or
 *               nobody answered the question.
 *   most common wrong answer  among the answers not right and not empty,
 *               counted by their folded form (fold_text: trimmed, case,
 *               accents and punctuation aside); shown as the spelling
 *               given most often (the first given on a tie); between forms
 *               given equally often, the one given first wins
 *   missed      each answer not fully right (partly right, wrong, skipped,
 *               timed out), by student name then question; questions not
 *               answered are not listed (the leaderboard counts answers)
 *
 * Wrong counts skipped answers too, as drill_score does.  Figures that do
 * not exist (a question nobody answered) are NAN.
 *
 * The report is built from what the store lists, answer by answer, so that
 * a live view can add the answers that come in and figure again:
 * report_new, report_add_question, report_add_answer, then report_rank
 * (the leaderboard and the per-question counts and facility: quick) or
 * report_update (every figure).  report_load does it all for one drill.
 *
 * Pure but for report_load, which reads the store.  Errors: -1 with a
 * one-line message in err (text from the store escaped).
 */
#ifndef RECALL_REPORT_H
#define RECALL_REPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "results.h"

/* The share of the students in each discrimination group, in percent. */
#define REPORT_GROUP_PERCENT 27

/* One student's line of the leaderboard. */
struct report_student {
	const char *name;          /* owned by the report */
	double score;              /* points earned, summed */
	double grade;              /* a percentage, 0 to 100 */
	double grade_points;       /* credit x points summed (credits alone: points unknown) */
	unsigned rank;             /* 1 for the first (drill_rank) */
	unsigned prev_rank;        /* the rank at report_mark; 0 when none */
	int change;                /* prev_rank - rank: > 0 moved up; 0 when none */
	unsigned answered;         /* answers given, of the drill's count */
	unsigned right, partly, wrong, timed_out;  /* wrong: skipped included */
	double seconds;            /* time taken, summed */
	double avg_seconds;        /* per answer; 0 when none */
};

/* One question of the drill. */
struct report_question {
	unsigned index;            /* its place in the drill, from 0 (shown as q1, q2, ...) */
	const char *deck;          /* its ids: from its row, else from its first answer; "" */
	const char *question;      /*   when neither (owned by the report) */
	bool known;                /* it has a row in the store: what follows is set */
	const char *type;          /* its type's name; NULL when not known */
	const char *prompt;        /* NULL when not known */
	const char *answer;        /* the right answer as written; NULL when not known */
	double points;             /* its own points; NAN when not known */
	unsigned answered, right, partly, wrong, timed_out;
	double seconds;            /* time taken, summed */
	double avg_seconds;        /* per answer; NAN when none */
	double facility;           /* right / answered, 0 to 1; NAN when none answered */
	double discrimination;     /* -1 to 1; NAN when there is none (see above) */
	const char *common_wrong;  /* the most common wrong answer; NULL when none */
	unsigned common_wrong_count;  /* the answers that fold to it */
};

/* One answer a student missed. */
struct report_miss {
	size_t student;            /* index into students */
	unsigned question;         /* index into questions */
	int outcome;               /* enum outcome (answer.h) or RESULTS_TIMED_OUT; not right */
	const char *given;         /* as typed, trimmed ("" for none) */
	double points;             /* earned */
	double seconds;
};

struct report_acc;

struct report {
	struct results_drill drill;       /* the drill (its strings owned by the report) */
	bool points_known;                /* every question has its row (see above) */
	double points_total;              /* the drill's own points (its count when unknown) */
	size_t nanswers;                  /* answers added */
	struct report_student *students;  /* in the order first seen */
	size_t nstudents;
	size_t *board;                    /* indexes into students, in leaderboard order */
	struct report_question *questions;  /* by index, drill.count of them */
	size_t nquestions;
	size_t *hardest;                  /* indexes into questions, hardest first (lowest
	                                     facility; none last; then by index); report_update */
	struct report_miss *missed;       /* report_update */
	size_t nmissed;
	size_t group;                     /* students in each discrimination group; 0: none */
	struct report_acc *acc;           /* what the figures are made from (private) */
};

/* A report of drill d with nothing added yet (the settings are copied).
 * NULL with a message in err when memory runs out. */
struct report *report_new(const struct results_drill *d, char *err, size_t errsize);

/* Frees the report and everything it owns; NULL is harmless. */
void report_free(struct report *rep);

/* Adds a question of the drill (its row in the store); one at or past
 * the drill's count is ignored, and so is an index already added.
 * Returns 0, or -1 when memory runs out. */
int report_add_question(struct report *rep, const struct results_question *q);

/* Adds an answer of the drill; one at or past the drill's count is
 * ignored.  *student (may be NULL) receives the student's index.  Returns
 * 0, or -1 when memory runs out. */
int report_add_answer(struct report *rep, const struct results_answer *a, size_t *student);

/* Figures the grades, the leaderboard (board, ranks, changes since
 * report_mark), and each question's counts, average time and facility.
 * Returns 0, or -1 when memory runs out. */
int report_rank(struct report *rep);

/* report_rank, then every other figure: discrimination, the most common
 * wrong answers, hardest, missed.  Returns 0, or -1 when memory runs out
 * (the figures are then those of before). */
int report_update(struct report *rep);

/* The ranking now becomes the one that later changes are counted from. */
void report_mark(struct report *rep);

/* The drill of class klass whose id is drill or begins with it (4
 * characters at least); drill NULL or "": the class's latest.  Copies its
 * settings into a report (0) and returns 0; 1 when the class has no drill
 * (or none of that id) with the message in err; -1 on error. */
int report_find_drill(struct results *r, const char *klass, const char *drill,
                      struct report **out, char *err, size_t errsize);

/* Adds every question and answer the store has for the report's drill
 * and updates it (report_update): 0, or -1 with the message in err. */
int report_read(struct results *r, struct report *rep, char *err, size_t errsize);

/* report_find_drill then report_read: 0 with *out set, 1 when there is no
 * such drill (message in err), -1 on error. */
int report_load(struct results *r, const char *klass, const char *drill, struct report **out,
                char *err, size_t errsize);

/* An outcome's name: "right", "partly", "wrong", "skipped", "timed out";
 * "?" for another value. */
const char *report_outcome_name(int outcome);

/* The size of each discrimination group among n students: ceil(0.27 n),
 * at least 1; 0 when n < 2. */
size_t report_group_size(size_t n);

#endif
