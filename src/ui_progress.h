/* ui_progress — the progress database as the full-screen front end sees
 * it: how many questions of each deck are due and new today, and the
 * statistics (read-only); a study session over picked decks, which the ui
 * then owns.  The database is ui->db, else the default one
 * (prefs_db_path), waited for ui->busy_ms; the time is ui->now's (--now),
 * else the clock's; the settings are those of the config file.  None of
 * it is curses. */
#ifndef RECALL_UI_PROGRESS_H
#define RECALL_UI_PROGRESS_H

#include <stddef.h>

#include "deck.h"
#include "library.h"

struct ui;

/* Per deck i of lib (valid ones): due[i] questions due today and fresh[i]
 * never studied; with no database every question is new.  Returns 0, or -1
 * with a message in err (the counts are then all new). */
int ui_progress_counts(const struct ui *ui, const struct library *lib, unsigned *due, unsigned *fresh,
                       char *err, size_t errsize);

/* Computes the statistics of decks[0..n) (n 0: every deck in the
 * database) into ui->stats, owned by the ui, in place of any before; 0,
 * or -1 with a message in err. */
int ui_progress_stats(struct ui *ui, struct deck *const *decks, size_t n, char *err, size_t errsize);
/* Frees ui->stats, if any. */
void ui_progress_stats_free(struct ui *ui);

/* Opens a study session over decks[0..n) and the database (created if need
 * be) as ui->study, owned by the ui; 0, or -1 with a message in err. */
int ui_progress_study(struct ui *ui, struct deck *const *decks, size_t n, char *err, size_t errsize);

/* Closes the study session the ui owns, if any (ui->study is then NULL),
 * keeping its summary in ui->study_said when it graded something. */
void ui_progress_end(struct ui *ui);

#endif
