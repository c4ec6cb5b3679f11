/* prefs: settings by name, the config file with its positions, --now, and
 * the default paths. */
#include <stdlib.h>
#include <unistd.h>

#include "check.h"
#include "prefs.h"

static void defaults_and_names(void)
{
	struct prefs p;
	char err[512];
	prefs_defaults(&p);
	CHECK(p.new_per_day == 20 && p.reviews_per_day == 200 && !p.cram);
	CHECK_NUM(p.sched.retention, 0.9);
	CHECK(prefs_set(&p, "retention", "0.8", err, sizeof err) == 0);
	CHECK_NUM(p.sched.retention, 0.8);
	CHECK(prefs_set(&p, "learning-steps", "30s 5m 1h", err, sizeof err) == 0);
	CHECK(p.sched.nlearning == 3 && p.sched.learning_steps[2] == 3600);
	CHECK(prefs_set(&p, "relearning-steps", "", err, sizeof err) == 0);
	CHECK(p.sched.nrelearning == 0);
	CHECK(prefs_set(&p, "day-starts", "0", err, sizeof err) == 0 && p.sched.day_starts == 0);
	CHECK(prefs_set(&p, "no-fuzz", "yes", err, sizeof err) == 0 && !p.sched.fuzz);
	CHECK(prefs_set(&p, "cram", "on", err, sizeof err) == 0 && p.cram);
	CHECK(prefs_set(&p, "new-per-day", "5", err, sizeof err) == 0 && p.new_per_day == 5);
	CHECK(prefs_set(&p, "max-interval", "30", err, sizeof err) == 0 && p.sched.max_interval == 30);
	CHECK(prefs_set(&p, "speed", "1", err, sizeof err) == 1);
}

static void bad_values_say_what_is_allowed(void)
{
	struct prefs p;
	char err[512];
	prefs_defaults(&p);
	CHECK(prefs_set(&p, "retention", "0.5", err, sizeof err) == -1);
	CHECK_STR(err, "retention: '0.5' is not a desired retention from 0.70 to 0.99");
	CHECK_NUM(p.sched.retention, 0.9);
	CHECK(prefs_set(&p, "day-starts", "24", err, sizeof err) == -1);
	CHECK(prefs_set(&p, "reviews-per-day", "-1", err, sizeof err) == -1);
	CHECK(prefs_set(&p, "learning-steps", "1x", err, sizeof err) == -1);
	CHECK(strstr(err, "learning-steps: '1x' is not steps") == err);
	CHECK(prefs_set(&p, "retention", "\033[31m", err, sizeof err) == -1);
	CHECK(!strchr(err, '\033'));
}

/* Writes text to a fresh file; returns its path (static). */
static const char *config_file(const char *text)
{
	static char path[] = "/tmp/recall-prefs-XXXXXX";
	strcpy(path, "/tmp/recall-prefs-XXXXXX");
	int fd = mkstemp(path);
	if (fd < 0)
		return NULL;
	ssize_t w = write(fd, text, strlen(text));
	close(fd);
	return w == (ssize_t)strlen(text) ? path : NULL;
}

static void config_file_lines(void)
{
	struct prefs p;
	char err[512], want[600];
	prefs_defaults(&p);
	const char *path = config_file("# my settings\n\nretention = 0.85\n  learning-steps = \"\"  # none\n"
	                               "new-per-day=7\n");
	CHECK(path && prefs_load(&p, path, err, sizeof err) == 0);
	CHECK_NUM(p.sched.retention, 0.85);
	CHECK(p.sched.nlearning == 0 && p.new_per_day == 7);
	unlink(path);

	path = config_file("retention = 0.85\nday-starts =  25\n");
	CHECK(path && prefs_load(&p, path, err, sizeof err) == -1);
	snprintf(want, sizeof want, "%s:2:15: error: day-starts: '25' is not an hour from 0 to 23", path);
	CHECK_STR(err, want);
	unlink(path);

	path = config_file("retention 0.85\n");
	CHECK(path && prefs_load(&p, path, err, sizeof err) == -1);
	snprintf(want, sizeof want, "%s:1:1: error: expected 'key = value'", path);
	CHECK_STR(err, want);
	unlink(path);

	path = config_file("\n  retentoin = 0.9\n");
	CHECK(path && prefs_load(&p, path, err, sizeof err) == -1);
	snprintf(want, sizeof want, "%s:2:3: error: unknown setting 'retentoin' (the settings: retention,", path);
	CHECK(strncmp(err, want, strlen(want)) == 0);
	unlink(path);

	CHECK(prefs_load(&p, "/nonexistent/recall/config", err, sizeof err) == 0);
}

static void now_values(void)
{
	int64_t t;
	char err[256];
	CHECK(prefs_parse_now("2025-03-01T09:00:00Z", &t, err, sizeof err) == 0 && t == 1740819600);
	CHECK(prefs_parse_now("1740819600", &t, err, sizeof err) == 0 && t == 1740819600);
	CHECK(prefs_parse_now("2025-03-01T11:00:00+02:00", &t, err, sizeof err) == 0 && t == 1740819600);
	CHECK(prefs_parse_now("2025-03-01", &t, err, sizeof err) == 0 && t == 1740787200);
	CHECK(prefs_parse_now("2024-02-29T00:00Z", &t, err, sizeof err) == 0 && t == 1709164800);
	CHECK(prefs_parse_now("2025-02-29", &t, err, sizeof err) == -1);
	CHECK(prefs_parse_now("2025-03-01T09:00:00", &t, err, sizeof err) == -1);
	CHECK(prefs_parse_now("tomorrow", &t, err, sizeof err) == -1);
	CHECK(strstr(err, "--now: 'tomorrow' is not a time") == err);
	CHECK(prefs_parse_now("", &t, err, sizeof err) == -1);
	CHECK(prefs_now(NULL) > 1700000000);
	t = 42;
	CHECK(prefs_now(&t) == 42);
}

static void default_paths(void)
{
	char b[512];
	setenv("XDG_DATA_HOME", "/x/data", 1);
	setenv("XDG_CONFIG_HOME", "/x/conf", 1);
	CHECK(prefs_db_path(b, sizeof b) == 0);
	CHECK_STR(b, "/x/data/recall/recall.db");
	CHECK(prefs_config_path(b, sizeof b) == 0);
	CHECK_STR(b, "/x/conf/recall/config");
	setenv("XDG_DATA_HOME", "relative", 1);
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", "/home/u", 1);
	CHECK(prefs_db_path(b, sizeof b) == 0);
	CHECK_STR(b, "/home/u/.local/share/recall/recall.db");
	CHECK(prefs_config_path(b, sizeof b) == 0);
	CHECK_STR(b, "/home/u/.config/recall/config");
	CHECK(prefs_results_path(b, sizeof b) == 0);
	CHECK_STR(b, "/home/u/.local/share/recall/results.db");
	setenv("XDG_DATA_HOME", "/x/data", 1);
	CHECK(prefs_results_path(b, sizeof b) == 0);
	CHECK_STR(b, "/x/data/recall/results.db");
	setenv("RECALL_RESULTS", "/srv/class/results.db", 1);
	CHECK(prefs_results_path(b, sizeof b) == 0);
	CHECK_STR(b, "/srv/class/results.db");
	setenv("RECALL_RESULTS", "", 1);  /* empty: as if unset */
	CHECK(prefs_results_path(b, sizeof b) == 0);
	CHECK_STR(b, "/x/data/recall/results.db");
	unsetenv("RECALL_RESULTS");
	unsetenv("HOME");
	unsetenv("XDG_DATA_HOME");
	CHECK(prefs_db_path(b, sizeof b) == -1);
	CHECK(prefs_results_path(b, sizeof b) == -1);
}

int main(void)
{
	RUN(defaults_and_names);
	RUN(bad_values_say_what_is_allowed);
	RUN(config_file_lines);
	RUN(now_values);
	RUN(default_paths);
	return check_done();
}
