/* ui_progress — the progress database for the start screen; see
 * ui_progress.h. */
#include "ui_progress.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "prefs.h"
#include "stats.h"
#include "store.h"
#include "study.h"
#include "ui_plain_study.h"
#include "ui_screen.h"

/* The settings of the config file, and the database's path; 0, or -1 with
 * a message in err. */
static int settings(const struct ui *ui, struct prefs *p, char *db, size_t dbsize, char *err, size_t errsize)
{
	prefs_defaults(p);
	if (prefs_load(p, NULL, err, errsize) != 0)
		return -1;
	if (ui->db) {
		snprintf(db, dbsize, "%s", ui->db);
		return 0;
	}
	if (prefs_db_path(db, dbsize) != 0) {
		snprintf(err, errsize, "no place for the progress database: set HOME or XDG_DATA_HOME");
		return -1;
	}
	return 0;
}

/* Every valid deck of lib all new, nothing due. */
static void all_new(const struct library *lib, unsigned *due, unsigned *fresh)
{
	for (size_t i = 0; i < lib->n; i++) {
		due[i] = 0;
		fresh[i] = lib->v[i].deck ? (unsigned)lib->v[i].deck->nquestions : 0;
	}
}

/* Opens the database read-only into *st (NULL when there is none yet),
 * with the settings; 0, or -1 with a message in err. */
static int open_readonly(const struct ui *ui, struct prefs *p, struct store **st, char *err, size_t errsize)
{
	char db[4096];
	struct stat sb;
	*st = NULL;
	if (settings(ui, p, db, sizeof db, err, errsize) != 0)
		return -1;
	if (stat(db, &sb) != 0 && errno == ENOENT)
		return 0;  /* nothing studied yet */
	return store_open(db, STORE_READONLY, ui->busy_ms, st, err, errsize);
}

int ui_progress_counts(const struct ui *ui, const struct library *lib, unsigned *due, unsigned *fresh,
                       char *err, size_t errsize)
{
	struct prefs p;
	struct store *st;
	all_new(lib, due, fresh);
	if (open_readonly(ui, &p, &st, err, errsize) != 0)
		return -1;
	if (!st)
		return 0;
	int rc = 0;
	int64_t now = prefs_now(ui->now);
	for (size_t i = 0; i < lib->n && rc == 0; i++) {
		struct stats s;
		memset(&s, 0, sizeof s);
		struct deck *d = lib->v[i].deck;
		if (!d)
			continue;
		rc = stats_compute(st, &d, 1, &p.sched, now, &s, err, errsize);
		if (rc == 0) {
			due[i] = s.due_today;
			fresh[i] = s.items_new;
		}
		stats_free(&s);
	}
	store_close(st);
	return rc;
}

int ui_progress_study(struct ui *ui, struct deck *const *decks, size_t n, char *err, size_t errsize)
{
	struct prefs p;
	char db[4096];
	struct store *st;
	struct study *s;
	ui_progress_end(ui);
	if (settings(ui, &p, db, sizeof db, err, errsize) != 0)
		return -1;
	if (store_open(db, 0, ui->busy_ms, &st, err, errsize) != 0)
		return -1;
	struct study_opts so = { .prefs = p, .fixed_now = ui->now != NULL, .now_value = ui->now_value,
	                         .seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32) };
	if (study_open(decks, n, st, &so, &s, err, errsize) != 0) {
		store_close(st);
		return -1;
	}
	ui->study = s;
	ui->store = st;
	return 0;
}

/* Keeps the summary of ui->study, when it graded something, in
 * ui->study_said for the end (out of memory: the one before stays). */
static void keep_summary(struct ui *ui)
{
	struct study_summary sum;
	char *text = NULL;
	size_t len = 0;
	if (study_summary(ui->study, &sum) != 0 || sum.graded == 0)
		return;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return;
	ui_plain_study_summary(ui->study, f);
	if (fclose(f) != 0) {
		free(text);
		return;
	}
	free(ui->study_said);
	ui->study_said = text;
}

void ui_progress_end(struct ui *ui)
{
	if (!ui->store)
		return;  /* the study, if any, is the caller's */
	keep_summary(ui);
	study_free(ui->study);
	store_close(ui->store);
	ui->study = NULL;
	ui->store = NULL;
}

int ui_progress_stats(struct ui *ui, struct deck *const *decks, size_t n, char *err, size_t errsize)
{
	struct prefs p;
	struct store *st;
	ui_progress_stats_free(ui);
	if (open_readonly(ui, &p, &st, err, errsize) != 0)
		return -1;
	ui->stats = calloc(1, sizeof *ui->stats);
	if (!ui->stats) {
		store_close(st);
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	int64_t now = ui->study ? study_now(ui->study) : prefs_now(ui->now);
	int rc = stats_compute(st, decks, n, &p.sched, now, ui->stats, err, errsize);
	store_close(st);
	if (rc != 0)
		ui_progress_stats_free(ui);
	return rc;
}

void ui_progress_stats_free(struct ui *ui)
{
	if (ui->stats)
		stats_free(ui->stats);
	free(ui->stats);
	ui->stats = NULL;
}
