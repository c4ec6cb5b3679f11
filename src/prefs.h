/* prefs — what study, stats and export-progress share before they start:
 * where the progress database is, what time it is, and the scheduling
 * settings from the config file and the command line.
 *
 *   default database   $XDG_DATA_HOME/recall/recall.db, or
 *                      ~/.local/share/recall/recall.db when XDG_DATA_HOME is
 *                      unset or not absolute
 *   default results    $RECALL_RESULTS, else results.db in the same folder
 *                      (the classroom drills' database)
 *   config file        $XDG_CONFIG_HOME/recall/config, or
 *                      ~/.config/recall/config; optional
 *   --now TIME         ISO 8601 UTC ("2025-03-01T09:00:00Z", also with an
 *                      offset "+02:00", or a date alone "2025-03-01", read as
 *                      midnight UTC) or Unix seconds ("1740819600"); the
 *                      clock then reads that time and stands still (for
 *                      scripts and tests)
 *
 * The config file holds "key = value" lines; '#' starts a comment; blank
 * lines are skipped.  The keys are the long names of study's scheduling
 * options: retention, max-interval, learning-steps, relearning-steps,
 * day-starts, new-per-day, reviews-per-day, no-fuzz and cram (yes/no).  A bad line is
 * an error naming the file, the line and the column.
 *
 * No curses, no I/O but reading the config file.  Errors are returned as
 * values: -1 and a one-line message in err (always terminated; text from
 * the file or the command line escaped for the terminal).
 */
#ifndef RECALL_PREFS_H
#define RECALL_PREFS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sched.h"

/* The settings of a study session. */
struct prefs {
	struct sched_params sched;   /* retention, steps, maximum interval, day start, fuzz */
	unsigned new_per_day;        /* new questions a day; default 20 */
	unsigned reviews_per_day;    /* reviews a day; default 200 */
	bool cram;                   /* ask without due dates, change no schedule */
};

/* The defaults: sched_defaults, 20 new and 200 reviews a day. */
void prefs_defaults(struct prefs *p);

/* Sets the setting named key ("retention", "learning-steps", ...) from
 * value.  Returns 0; 1 when key names no setting; -1 with a message in err
 * when value is not valid for it (the message says what is allowed). */
int prefs_set(struct prefs *p, const char *key, const char *value, char *err, size_t errsize);

/* Reads the config file at path into p.  A file that does not exist is no
 * error (returns 0, p unchanged); path NULL means the default place.
 * Returns -1 with "PATH:LINE:COLUMN: error: ..." in err for a bad line, an
 * unknown key (with the keys that exist) or a file that cannot be read. */
int prefs_load(struct prefs *p, const char *path, char *err, size_t errsize);

/* The default config file's path into buf; -1 when neither
 * XDG_CONFIG_HOME nor HOME says where it is. */
int prefs_config_path(char *buf, size_t size);

/* The default database's path into buf; -1 when neither XDG_DATA_HOME nor
 * HOME says where it is. */
int prefs_db_path(char *buf, size_t size);

/* The default results database of classroom drills (results.h) into buf:
 * $RECALL_RESULTS when set and not empty, else results.db beside the
 * progress database ($XDG_DATA_HOME/recall/results.db, or
 * ~/.local/share/recall/results.db).  -1 when none of them says where. */
int prefs_results_path(char *buf, size_t size);

/* Parses a --now value into Unix seconds.  Returns 0, or -1 with a message
 * in err. */
int prefs_parse_now(const char *s, int64_t *out, char *err, size_t errsize);

/* The time: *fixed when fixed is not NULL (--now), else the real clock. */
int64_t prefs_now(const int64_t *fixed);

#endif
