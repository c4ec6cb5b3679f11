/* sched — the FSRS-6 scheduler; see sched.h and docs/scheduling.md. */
#include "sched.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static const double default_w[SCHED_NPARAMS] = {
	0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001,
	1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014,
	1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
};

void sched_defaults(struct sched_params *p)
{
	memset(p, 0, sizeof *p);
	memcpy(p->w, default_w, sizeof p->w);
	p->retention = 0.9;
	p->max_interval = 36500;
	p->learning_steps[0] = 60;
	p->learning_steps[1] = 600;
	p->nlearning = 2;
	p->relearning_steps[0] = 600;
	p->nrelearning = 1;
	p->day_starts = 4;
	p->fuzz = true;
}

static int fail(char *err, size_t errsize, const char *msg)
{
	if (errsize > 0)
		snprintf(err, errsize, "%s", msg);
	return -1;
}

static bool steps_ok(const int *steps, size_t n)
{
	if (n > SCHED_MAX_STEPS)
		return false;
	for (size_t i = 0; i < n; i++)
		if (steps[i] <= 0)
			return false;
	return true;
}

int sched_params_check(const struct sched_params *p, char *err, size_t errsize)
{
	for (size_t i = 0; i < SCHED_NPARAMS; i++)
		if (!isfinite(p->w[i]))
			return fail(err, errsize, "a weight is not a finite number");
	for (size_t i = 0; i < 4; i++)
		if (p->w[i] <= 0)
			return fail(err, errsize, "the initial stabilities w0-w3 must be positive");
	if (!(p->w[20] >= 0.1 && p->w[20] <= 0.8))
		return fail(err, errsize, "the decay w20 must be between 0.1 and 0.8");
	if (!(p->retention >= 0.7 && p->retention <= 0.99))
		return fail(err, errsize, "the desired retention must be between 0.70 and 0.99");
	if (p->max_interval < 1 || p->max_interval > 36500)
		return fail(err, errsize, "the maximum interval must be between 1 and 36500 days");
	if (p->day_starts < 0 || p->day_starts > 23)
		return fail(err, errsize, "the day must start at an hour from 0 to 23");
	if (!steps_ok(p->learning_steps, p->nlearning) ||
	    !steps_ok(p->relearning_steps, p->nrelearning))
		return fail(err, errsize, "steps must be positive, at most 8 of each");
	return 0;
}

/* ------------------------------------------------------------ the model */

static double clamp(double x, double lo, double hi)
{
	return x < lo ? lo : x > hi ? hi : x;
}

static double clamp_s(double s)
{
	return clamp(s, SCHED_S_MIN, SCHED_S_MAX);
}

/* The curve's two constants: decay = -w20, and the factor that makes
 * R(S, S) = 0.9. */
static double decay_of(const struct sched_params *p)
{
	return -p->w[20];
}

static double factor_of(const struct sched_params *p)
{
	return pow(0.9, 1.0 / decay_of(p)) - 1.0;
}

static double forgetting_curve(const struct sched_params *p, double t, double s)
{
	return pow(1.0 + factor_of(p) * t / s, decay_of(p));
}

static double init_stability(const struct sched_params *p, enum sched_grade g)
{
	return clamp_s(p->w[g - 1]);
}

static double init_difficulty_raw(const struct sched_params *p, int g)
{
	return p->w[4] - exp(p->w[5] * (g - 1)) + 1.0;
}

static double next_difficulty(const struct sched_params *p, double d, enum sched_grade g)
{
	double delta = -p->w[6] * ((int)g - 3);
	double damped = d + delta * (10.0 - d) / 9.0;
	double target = init_difficulty_raw(p, SCHED_EASY);
	return clamp(p->w[7] * target + (1.0 - p->w[7]) * damped, 1.0, 10.0);
}

static double recall_stability(const struct sched_params *p, double d, double s,
                               double r, enum sched_grade g)
{
	double hard = g == SCHED_HARD ? p->w[15] : 1.0;
	double easy = g == SCHED_EASY ? p->w[16] : 1.0;
	double inc = exp(p->w[8]) * (11.0 - d) * pow(s, -p->w[9]) *
	             (exp((1.0 - r) * p->w[10]) - 1.0) * hard * easy;
	return clamp_s(s * (1.0 + inc));
}

static double forget_stability(const struct sched_params *p, double d, double s, double r)
{
	double long_term = p->w[11] * pow(d, -p->w[12]) *
	                   (pow(s + 1.0, p->w[13]) - 1.0) * exp((1.0 - r) * p->w[14]);
	double short_term = s / exp(p->w[17] * p->w[18]);
	return clamp_s(fmin(long_term, short_term));
}

/* A review on the day of the last one.  A pass (Hard, Good, Easy) never
 * lowers stability, as in fsrs-rs and ts-fsrs. */
static double short_term_stability(const struct sched_params *p, double s, enum sched_grade g)
{
	double inc = exp(p->w[17] * ((int)g - 3 + p->w[18])) * pow(s, -p->w[19]);
	if (g >= SCHED_HARD && inc < 1.0)
		inc = 1.0;
	return clamp_s(s * inc);
}

/* The stability and difficulty after grade g, elapsed days after the last
 * review with retrievability r. */
static void next_memory(const struct sched_params *p, struct sched_card *c,
                        enum sched_grade g, int elapsed, double r)
{
	double s = c->stability, d = c->difficulty;
	if (c->state == SCHED_NEW) {
		c->stability = init_stability(p, g);
		c->difficulty = clamp(init_difficulty_raw(p, (int)g), 1.0, 10.0);
		return;
	}
	if (elapsed == 0)
		c->stability = short_term_stability(p, s, g);
	else if (g == SCHED_AGAIN)
		c->stability = forget_stability(p, d, s, r);
	else
		c->stability = recall_stability(p, d, s, r, g);
	c->difficulty = next_difficulty(p, d, g);
}

/* ------------------------------------------------------------ intervals */

static int round_days(double x)
{
	return (int)floor(x + 0.5);
}

/* Days until recall drops to the desired retention: rounded, 1 to max. */
static int interval_of(const struct sched_params *p, double s)
{
	double days = s / factor_of(p) * (pow(p->retention, 1.0 / decay_of(p)) - 1.0);
	if (!(days < (double)p->max_interval))
		return p->max_interval;
	int i = round_days(days);
	return i < 1 ? 1 : i > p->max_interval ? p->max_interval : i;
}

/* A number in [0, 1) from the seed (splitmix64's finaliser). */
static double fuzz_unit(uint64_t seed)
{
	uint64_t z = seed + UINT64_C(0x9e3779b97f4a7c15);
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	z ^= z >> 31;
	return (double)(z >> 11) / 9007199254740992.0; /* 2^53 */
}

/* The fuzz band around ivl: 1 day, plus 15% of the part between 2.5 and 7
 * days, 10% of the part between 7 and 20, 5% of the part over 20. */
static void fuzz_range(const struct sched_params *p, int ivl, int elapsed, int *lo, int *hi)
{
	double x = ivl, delta = 1.0;
	delta += 0.15 * fmax(fmin(x, 7.0) - 2.5, 0.0);
	delta += 0.10 * fmax(fmin(x, 20.0) - 7.0, 0.0);
	delta += 0.05 * fmax(x - 20.0, 0.0);
	*lo = round_days(x - delta);
	if (*lo < 2)
		*lo = 2;
	*hi = round_days(x + delta);
	if (*hi > p->max_interval)
		*hi = p->max_interval;
	if (ivl > elapsed && *lo < elapsed + 1)
		*lo = elapsed + 1;
	if (*lo > *hi)
		*lo = *hi;
}

static int fuzzed(const struct sched_params *p, int ivl, int elapsed, uint64_t seed)
{
	if (!p->fuzz || ivl < 3)
		return ivl;
	int lo, hi;
	fuzz_range(p, ivl, elapsed, &lo, &hi);
	return lo + (int)floor(fuzz_unit(seed) * (double)(hi - lo + 1));
}

static int interval_fuzzed(const struct sched_params *p, double s, int elapsed, uint64_t seed)
{
	return fuzzed(p, interval_of(p, s), elapsed, seed);
}

/* A review card passed: the three grades' intervals are kept apart, Hard
 * below Good below Easy, as ts-fsrs does (within the maximum). */
static int review_interval(const struct sched_params *p, const struct sched_card *before,
                           enum sched_grade g, int elapsed, double r, uint64_t seed)
{
	int ivl[SCHED_EASY + 1];
	for (int k = SCHED_HARD; k <= SCHED_EASY; k++) {
		struct sched_card c = *before;
		next_memory(p, &c, (enum sched_grade)k, elapsed, r);
		ivl[k] = interval_fuzzed(p, c.stability, elapsed, seed);
	}
	if (ivl[SCHED_HARD] > ivl[SCHED_GOOD])
		ivl[SCHED_HARD] = ivl[SCHED_GOOD];
	if (ivl[SCHED_GOOD] < ivl[SCHED_HARD] + 1)
		ivl[SCHED_GOOD] = ivl[SCHED_HARD] + 1;
	if (ivl[SCHED_EASY] < ivl[SCHED_GOOD] + 1)
		ivl[SCHED_EASY] = ivl[SCHED_GOOD] + 1;
	return ivl[g] > p->max_interval ? p->max_interval : ivl[g];
}

/* ---------------------------------------------------------------- steps */

/* Hard on a step: halfway between the first two steps on the first (one
 * and a half times the only step when there is one), the same step's
 * delay on a later one. */
static int64_t hard_delay(const int *steps, size_t n, size_t k)
{
	if (k > 0)
		return steps[k];
	if (n == 1)
		return ((int64_t)steps[0] * 3 + 1) / 2;
	return ((int64_t)steps[0] + steps[1] + 1) / 2;
}

/* A new, learning or relearning card: the next step (its delay into
 * *secs, returning 0), or graduation (returning the interval in days). */
static int on_steps(const struct sched_params *p, struct sched_card *c,
                    enum sched_grade g, int elapsed, uint64_t seed, int64_t *secs)
{
	bool re = c->state == SCHED_RELEARNING;
	const int *steps = re ? p->relearning_steps : p->learning_steps;
	size_t n = re ? p->nrelearning : p->nlearning;
	size_t k = c->state == SCHED_NEW ? 0 : c->step;

	if (n == 0 || g == SCHED_EASY || (k >= n && g != SCHED_AGAIN) ||
	    (g == SCHED_GOOD && k + 1 >= n)) {
		c->state = SCHED_REVIEW;
		c->step = 0;
		return interval_fuzzed(p, c->stability, elapsed, seed);
	}
	c->state = re ? SCHED_RELEARNING : SCHED_LEARNING;
	if (g == SCHED_AGAIN)
		k = 0;
	else if (g == SCHED_GOOD)
		k++;
	*secs = g == SCHED_HARD ? hard_delay(steps, n, k) : steps[k];
	c->step = (unsigned)k;
	return 0;
}

/* A review card: a lapse goes to the relearning steps (or straight to a
 * new interval when there are none); a pass gets a new interval. */
static int on_review(const struct sched_params *p, const struct sched_card *before,
                     struct sched_card *c, enum sched_grade g, int elapsed, double r,
                     uint64_t seed, int64_t *secs)
{
	if (g != SCHED_AGAIN)
		return review_interval(p, before, g, elapsed, r, seed);
	c->lapses++;
	c->step = 0;
	if (p->nrelearning == 0)
		return interval_fuzzed(p, c->stability, elapsed, seed);
	c->state = SCHED_RELEARNING;
	*secs = p->relearning_steps[0];
	return 0;
}

int sched_review(const struct sched_params *p, const struct sched_card *before,
                 enum sched_grade g, int64_t now, uint64_t fuzz_seed,
                 struct sched_card *after, struct sched_log *log)
{
	if (g < SCHED_AGAIN || g > SCHED_EASY)
		return -1;
	bool is_new = before->state == SCHED_NEW;
	int elapsed = is_new ? 0 : sched_elapsed_days(before->last_review, now, p->day_starts);
	if (elapsed < 0)
		elapsed = 0;
	double r = is_new ? 0.0 : forgetting_curve(p, elapsed, before->stability);

	struct sched_card c = *before;
	next_memory(p, &c, g, elapsed, r);
	int64_t secs = 0;
	int days = before->state == SCHED_REVIEW
	           ? on_review(p, before, &c, g, elapsed, r, fuzz_seed, &secs)
	           : on_steps(p, &c, g, elapsed, fuzz_seed, &secs);
	c.reps++;
	c.last_review = now;
	c.scheduled_days = days;
	c.due = days > 0 ? sched_add_days(now, days) : now + secs;
	if (log) {
		log->grade = g;
		log->state = before->state;
		log->review = now;
		log->elapsed_days = elapsed;
		log->scheduled_days = days;
		log->scheduled_seconds = c.due - now;
		log->retrievability = r;
	}
	*after = c;
	return 0;
}

double sched_retrievability(const struct sched_params *p, const struct sched_card *c,
                            int64_t now)
{
	if (c->state == SCHED_NEW || c->stability <= 0)
		return 0.0;
	int t = sched_elapsed_days(c->last_review, now, p->day_starts);
	return forgetting_curve(p, t < 0 ? 0 : t, c->stability);
}

/* ----------------------------------------------------------------- days */

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1-12). */
static long days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The number of the "day" t falls in: its local date, less one before the
 * day-start hour. */
static long day_number(int64_t t, int day_starts)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (!localtime_r(&tt, &tm))
		return (long)(t / 86400);
	long n = days_from_civil(tm.tm_year + 1900L, tm.tm_mon + 1L, tm.tm_mday);
	return tm.tm_hour < day_starts ? n - 1 : n;
}

int sched_elapsed_days(int64_t from, int64_t to, int day_starts)
{
	return (int)(day_number(to, day_starts) - day_number(from, day_starts));
}

int64_t sched_add_days(int64_t t, int days)
{
	time_t tt = (time_t)t;
	struct tm tm;
	if (localtime_r(&tt, &tm)) {
		tm.tm_mday += days;
		tm.tm_isdst = -1;
		time_t r = mktime(&tm);
		if (r != (time_t)-1)
			return (int64_t)r;
	}
	return t + (int64_t)days * 86400;
}

/* ---------------------------------------------------------------- words */

const char *sched_state_name(enum sched_state s)
{
	switch (s) {
	case SCHED_NEW: return "new";
	case SCHED_LEARNING: return "learning";
	case SCHED_REVIEW: return "review";
	case SCHED_RELEARNING: return "relearning";
	}
	return "?";
}

const char *sched_grade_name(enum sched_grade g)
{
	switch (g) {
	case SCHED_AGAIN: return "again";
	case SCHED_HARD: return "hard";
	case SCHED_GOOD: return "good";
	case SCHED_EASY: return "easy";
	}
	return "?";
}

static int unit_seconds(char u)
{
	switch (u) {
	case 's': return 1;
	case 'm': return 60;
	case 'h': return 3600;
	case 'd': return 86400;
	}
	return 0;
}

static int step_error(char *err, size_t errsize, size_t col, const char *what)
{
	if (errsize > 0)
		snprintf(err, errsize, "column %zu: %s", col, what);
	return -1;
}

/* One step at s[*i] (a digit): its seconds into *out, *i past it. */
static int parse_step(const char *s, size_t *i, int *out, char *err, size_t errsize)
{
	size_t start = *i;
	long long v = 0;
	while (s[*i] >= '0' && s[*i] <= '9') {
		v = v * 10 + (s[*i] - '0');
		if (v > SCHED_STEP_MAX)
			return step_error(err, errsize, start + 1, "step too long (at most 365d)");
		(*i)++;
	}
	int unit = unit_seconds(s[*i]);
	if (unit == 0)
		return step_error(err, errsize, *i + 1,
		                  s[*i] ? "unknown unit (use s, m, h or d)" : "missing unit (s, m, h or d)");
	(*i)++;
	if (s[*i] && s[*i] != ' ' && s[*i] != ',' && s[*i] != '\t')
		return step_error(err, errsize, *i + 1, "expected a space or comma after the unit");
	v *= unit;
	if (v == 0)
		return step_error(err, errsize, start + 1, "a step must be longer than 0");
	if (v > SCHED_STEP_MAX)
		return step_error(err, errsize, start + 1, "step too long (at most 365d)");
	*out = (int)v;
	return 0;
}

int sched_parse_steps(const char *s, int *out, size_t cap, size_t *n,
                      char *err, size_t errsize)
{
	size_t i = 0, count = 0;
	int tmp[SCHED_MAX_STEPS];
	size_t room = cap < SCHED_MAX_STEPS ? cap : SCHED_MAX_STEPS;
	for (;;) {
		while (s[i] == ' ' || s[i] == ',' || s[i] == '\t')
			i++;
		if (!s[i])
			break;
		if (s[i] < '0' || s[i] > '9')
			return step_error(err, errsize, i + 1, "expected a number such as 10m");
		if (count == room) {
			char what[48];
			snprintf(what, sizeof what, "too many steps (at most %zu)", room);
			return step_error(err, errsize, i + 1, what);
		}
		if (parse_step(s, &i, &tmp[count], err, errsize) != 0)
			return -1;
		count++;
	}
	if (count > 0)
		memcpy(out, tmp, count * sizeof *tmp);
	*n = count;
	return 0;
}

/* The units of an interval, and their long and short names. */
enum unit { U_SECOND, U_MINUTE, U_HOUR, U_DAY, U_YEAR };
static const char *const unit_name[] = { "second", "minute", "hour", "day", "year" };
static const char unit_letter[] = "smhdy";

/* The largest unit that seconds (> 0) fills, and the interval in it: a
 * whole number in *n, rounded, or for years one decimal in *years (*n 0
 * when it is not whole). */
static enum unit interval_unit(long long s, long long *n, double *years)
{
	*years = 0;
	if (s < 60)
		return *n = s, U_SECOND;
	if ((s + 30) / 60 < 60)
		return *n = (s + 30) / 60, U_MINUTE;
	if ((s + 1800) / 3600 < 24)
		return *n = (s + 1800) / 3600, U_HOUR;
	if ((s + 43200) / 86400 < 365)
		return *n = (s + 43200) / 86400, U_DAY;
	*years = round((double)s / (86400.0 * 365.25) * 10.0) / 10.0;
	*n = *years == floor(*years) ? (long long)*years : 0;
	return U_YEAR;
}

char *sched_format_interval(int64_t seconds, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (seconds <= 0) {
		snprintf(buf, size, "now");
		return buf;
	}
	long long n;
	double years;
	enum unit u = interval_unit(seconds, &n, &years);
	if (n)
		snprintf(buf, size, "in %lld %s%s", n, unit_name[u], n == 1 ? "" : "s");
	else
		snprintf(buf, size, "in %.1f years", years);
	return buf;
}

char *sched_format_interval_short(int64_t seconds, char *buf, size_t size)
{
	if (size == 0)
		return buf;
	if (seconds <= 0) {
		snprintf(buf, size, "now");
		return buf;
	}
	long long n;
	double years;
	enum unit u = interval_unit(seconds, &n, &years);
	if (n)
		snprintf(buf, size, "%lld%c", n, unit_letter[u]);
	else
		snprintf(buf, size, "%.1fy", years);
	return buf;
}
