/* prefs — database and config paths, --now, scheduling settings; see prefs.h. */
#include "prefs.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "text.h"

void prefs_defaults(struct prefs *p)
{
	memset(p, 0, sizeof *p);
	sched_defaults(&p->sched);
	p->new_per_day = 20;
	p->reviews_per_day = 200;
}

/* Reads a whole decimal number in [lo, hi] from s. */
static bool read_long(const char *s, long lo, long hi, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (end == s || *end || errno || v < lo || v > hi)
		return false;
	*out = v;
	return true;
}

/* "yes"/"no" and their kin; -1 when s is neither. */
static int read_bool(const char *s)
{
	static const char *const yes[] = { "yes", "true", "on", "1" }, *const no[] = { "no", "false", "off", "0" };
	for (size_t i = 0; i < 4; i++) {
		if (!strcasecmp(s, yes[i]))
			return 1;
		if (!strcasecmp(s, no[i]))
			return 0;
	}
	return -1;
}

/* The settings, one row each: the key, and what a bad value is told. */
enum pkey { P_RETENTION, P_MAX_INTERVAL, P_LEARNING, P_RELEARNING, P_DAY_STARTS, P_NEW,
            P_REVIEWS, P_NO_FUZZ, P_CRAM, P_NKEYS };
static const struct {
	const char *key;
	const char *wants;
} keys[P_NKEYS] = {
	[P_RETENTION] = { "retention", "a desired retention from 0.70 to 0.99" },
	[P_MAX_INTERVAL] = { "max-interval", "a whole number of days from 1 to 36500" },
	[P_LEARNING] = { "learning-steps", "steps such as \"1m 10m\" (s, m, h, d), or \"\" for none" },
	[P_RELEARNING] = { "relearning-steps", "steps such as \"10m\" (s, m, h, d), or \"\" for none" },
	[P_DAY_STARTS] = { "day-starts", "an hour from 0 to 23" },
	[P_NEW] = { "new-per-day", "a whole number from 0 to 100000" },
	[P_REVIEWS] = { "reviews-per-day", "a whole number from 0 to 1000000" },
	[P_NO_FUZZ] = { "no-fuzz", "yes or no" },
	[P_CRAM] = { "cram", "yes or no" },
};

/* Sets setting k from value; false when the value is not valid for it
 * (steps: with sched's message in err). */
static bool set_one(struct prefs *p, enum pkey k, const char *value, char *err, size_t errsize)
{
	long n;
	int b;
	char *end;
	switch (k) {
	case P_RETENTION: {
		errno = 0;
		double r = strtod(value, &end);
		if (end == value || *end || errno || !(r >= 0.70 && r <= 0.99))
			return false;
		p->sched.retention = r;
		return true;
	}
	case P_MAX_INTERVAL:
		if (!read_long(value, 1, 36500, &n))
			return false;
		p->sched.max_interval = (int)n;
		return true;
	case P_LEARNING:
		return sched_parse_steps(value, p->sched.learning_steps, SCHED_MAX_STEPS,
		                         &p->sched.nlearning, err, errsize) == 0;
	case P_RELEARNING:
		return sched_parse_steps(value, p->sched.relearning_steps, SCHED_MAX_STEPS,
		                         &p->sched.nrelearning, err, errsize) == 0;
	case P_DAY_STARTS:
		if (!read_long(value, 0, 23, &n))
			return false;
		p->sched.day_starts = (int)n;
		return true;
	case P_NEW: case P_REVIEWS:
		if (!read_long(value, 0, k == P_NEW ? 100000 : 1000000, &n))
			return false;
		*(k == P_NEW ? &p->new_per_day : &p->reviews_per_day) = (unsigned)n;
		return true;
	case P_NO_FUZZ: case P_CRAM:
		if ((b = read_bool(value)) < 0)
			return false;
		if (k == P_NO_FUZZ)
			p->sched.fuzz = !b;
		else
			p->cram = b;
		return true;
	case P_NKEYS:
		break;
	}
	return false;
}

int prefs_set(struct prefs *p, const char *key, const char *value, char *err, size_t errsize)
{
	for (size_t k = 0; k < P_NKEYS; k++) {
		if (strcmp(key, keys[k].key))
			continue;
		char why[160] = "", v[96];
		if (set_one(p, (enum pkey)k, value, why, sizeof why))
			return 0;
		snprintf(err, errsize, "%s: '%s' is not %s%s%s", key, text_escape_into(value, false, v, sizeof v),
		         keys[k].wants, why[0] ? ": " : "", why);
		return -1;
	}
	return 1;
}

/* The keys that exist, "retention, max-interval, ...", into buf. */
static void key_list(char *buf, size_t size)
{
	size_t len = 0;
	buf[0] = '\0';
	for (size_t k = 0; k < P_NKEYS && len < size; k++)
		len += (size_t)snprintf(buf + len, size - len, "%s%s", k ? ", " : "", keys[k].key);
}

/* One line of the config file: "key = value", a comment or blank.  Returns
 * 0 or -1 with "path:line:column: error: ..." in err. */
static int config_line(struct prefs *p, const char *path, unsigned lineno, char *line,
                       char *err, size_t errsize)
{
	char *hash = strchr(line, '#');
	if (hash)
		*hash = '\0';
	size_t lead = strspn(line, " \t");
	char *key = line + lead;
	text_trim(key);
	if (!*key)
		return 0;
	char ep[256], why[400];
	text_escape_into(path, false, ep, sizeof ep);
	char *eq = strchr(key, '=');
	if (!eq) {
		snprintf(err, errsize, "%s:%u:%zu: error: expected 'key = value'", ep, lineno, lead + 1);
		return -1;
	}
	size_t vcol = (size_t)(eq - line) + 2;
	*eq = '\0';
	char *value = eq + 1;
	text_trim(key);
	vcol += (size_t)(value + strspn(value, " \t") - (eq + 1));
	text_trim(value);
	size_t vlen = strlen(value);
	if (vlen >= 2 && value[0] == '"' && value[vlen - 1] == '"') {  /* "" for no steps */
		value[vlen - 1] = '\0';
		value++;
	}
	int r = prefs_set(p, key, value, why, sizeof why);
	if (r == 0)
		return 0;
	if (r > 0) {
		char list[256], ek[96];
		key_list(list, sizeof list);
		snprintf(err, errsize, "%s:%u:%zu: error: unknown setting '%s' (the settings: %s)", ep, lineno,
		         lead + 1, text_escape_into(key, false, ek, sizeof ek), list);
	} else {
		snprintf(err, errsize, "%s:%u:%zu: error: %s", ep, lineno, vcol, why);
	}
	return -1;
}

int prefs_load(struct prefs *p, const char *path, char *err, size_t errsize)
{
	char def[4096];
	if (!path) {
		if (prefs_config_path(def, sizeof def) != 0)
			return 0;
		path = def;
	}
	FILE *f = fopen(path, "r");
	if (!f) {
		if (errno == ENOENT)
			return 0;
		char ep[256];
		snprintf(err, errsize, "%s: error: cannot read: %s", text_escape_into(path, false, ep, sizeof ep),
		         strerror(errno));
		return -1;
	}
	char *line = NULL;
	size_t cap = 0;
	unsigned lineno = 0;
	int rc = 0;
	while (rc == 0 && getline(&line, &cap, f) >= 0)
		rc = config_line(p, path, ++lineno, line, err, errsize);
	if (rc == 0 && ferror(f)) {
		char ep[256];
		snprintf(err, errsize, "%s: error: cannot read: %s", text_escape_into(path, false, ep, sizeof ep),
		         strerror(errno));
		rc = -1;
	}
	free(line);
	fclose(f);
	return rc;
}

/* $VAR/rest when VAR is an absolute path, else $HOME/fallback/rest. */
static int xdg_path(const char *var, const char *fallback, const char *rest, char *buf, size_t size)
{
	const char *base = getenv(var), *home = getenv("HOME");
	int n;
	if (base && base[0] == '/')
		n = snprintf(buf, size, "%s/%s", base, rest);
	else if (home && home[0])
		n = snprintf(buf, size, "%s/%s/%s", home, fallback, rest);
	else
		return -1;
	return n > 0 && (size_t)n < size ? 0 : -1;
}

int prefs_config_path(char *buf, size_t size)
{
	return xdg_path("XDG_CONFIG_HOME", ".config", "recall/config", buf, size);
}

int prefs_db_path(char *buf, size_t size)
{
	return xdg_path("XDG_DATA_HOME", ".local/share", "recall/recall.db", buf, size);
}

int prefs_results_path(char *buf, size_t size)
{
	const char *env = getenv("RECALL_RESULTS");
	if (env && *env) {
		int n = snprintf(buf, size, "%s", env);
		return n > 0 && (size_t)n < size ? 0 : -1;
	}
	return xdg_path("XDG_DATA_HOME", ".local/share", "recall/results.db", buf, size);
}

/* Days from 1970-01-01 to the civil date y-m-d (proleptic Gregorian). */
static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	y -= m <= 2;
	int64_t era = (y >= 0 ? y : y - 399) / 400;
	unsigned yoe = (unsigned)(y - era * 400);
	unsigned doy = (153 * (m + (m > 2 ? (unsigned)-3 : 9)) + 2) / 5 + d - 1;
	unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

/* Reads exactly n digits at *s into *v and moves past them. */
static bool digits(const char **s, int n, unsigned *v)
{
	*v = 0;
	for (int i = 0; i < n; i++, (*s)++) {
		if (!text_is_digit(**s))
			return false;
		*v = *v * 10 + (unsigned)(**s - '0');
	}
	return true;
}

/* ISO 8601: YYYY-MM-DD, then optionally THH:MM[:SS] and Z or +HH:MM. */
static bool parse_iso(const char *s, int64_t *out)
{
	unsigned y, mo, d, h = 0, mi = 0, se = 0, oh = 0, om = 0;
	int sign = 0;
	if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) || *s++ != '-' || !digits(&s, 2, &d))
		return false;
	if (*s == 'T' || *s == 't' || *s == ' ') {
		s++;
		if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
			return false;
		if (*s == ':') {
			s++;
			if (!digits(&s, 2, &se))
				return false;
		}
		if (*s == 'Z' || *s == 'z') {
			s++;
		} else if (*s == '+' || *s == '-') {
			sign = *s++ == '-' ? -1 : 1;
			if (!digits(&s, 2, &oh))
				return false;
			if (*s == ':')
				s++;
			if (!digits(&s, 2, &om))
				return false;
		} else {
			return false;  /* a time without a zone would depend on TZ: refused */
		}
	}
	static const unsigned mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (*s || mo < 1 || mo > 12 || d < 1 || d > mdays[mo - 1] || h > 23 || mi > 59 || se > 60 ||
	    oh > 23 || om > 59)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (mo == 2 && d == 29 && !leap)
		return false;
	int64_t t = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	*out = t - sign * (int64_t)(oh * 3600 + om * 60);
	return true;
}

int prefs_parse_now(const char *s, int64_t *out, char *err, size_t errsize)
{
	char *end;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (*s && end != s && !*end && !errno && v >= 0) {
		*out = (int64_t)v;
		return 0;
	}
	if (parse_iso(s, out))
		return 0;
	char e[96];
	snprintf(err, errsize, "--now: '%s' is not a time: write it as 2025-03-01T09:00:00Z "
	         "(ISO 8601, with Z or an offset) or as Unix seconds", text_escape_into(s, false, e, sizeof e));
	return -1;
}

int64_t prefs_now(const int64_t *fixed)
{
	return fixed ? *fixed : (int64_t)time(NULL);
}
