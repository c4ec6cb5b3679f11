/* ui_progress — the progress database as the start screen sees it: how
 * many questions of each deck are due and new today (read-only), and a
 * study session over picked decks, which the ui then owns.  The database
 * is the default one (prefs_db_path), the settings those of the config
 * file; none of it is curses. */
#ifndef RECALL_UI_PROGRESS_H
#define RECALL_UI_PROGRESS_H

#include <stddef.h>

#include "deck.h"
#include "library.h"

struct ui;

/* Per deck i of lib (valid ones): due[i] questions due today and fresh[i]
 * never studied; with no database every question is new.  Returns 0, or -1
 * with a message in err (the counts are then all new). */
int ui_progress_counts(const struct library *lib, unsigned *due, unsigned *fresh, char *err,
                       size_t errsize);

/* Opens a study session over decks[0..n) and the database (created if need
 * be) as ui->study, owned by the ui; 0, or -1 with a message in err. */
int ui_progress_study(struct ui *ui, struct deck *const *decks, size_t n, char *err, size_t errsize);

/* Closes the study session the ui owns, if any (ui->study is then NULL). */
void ui_progress_end(struct ui *ui);

#endif
