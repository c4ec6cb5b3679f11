/* check.h — the unit tests' few macros.
 *
 * A test file defines static void functions and a main that runs each with
 * RUN(fn) and returns check_done().  Every test prints one line, "PASS name"
 * or "FAIL name", and each failed CHECK prints where and what; tests/run.sh
 * counts the lines.
 */
#ifndef RECALL_TEST_CHECK_H
#define RECALL_TEST_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

static int check_failed_now;   /* failures inside the running test */
static int check_failed_tests; /* tests that failed */

#define CHECK(cond) do { \
	if (!(cond)) { \
		check_failed_now++; \
		printf("  %s:%d: check failed: %s\n", __FILE__, __LINE__, #cond); \
	} \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *check_g_ = (got), *check_w_ = (want); \
	if (!check_g_ || !check_w_ || strcmp(check_g_, check_w_) != 0) { \
		check_failed_now++; \
		printf("  %s:%d: %s is \"%s\", expected \"%s\"\n", __FILE__, __LINE__, \
		       #got, check_g_ ? check_g_ : "(null)", check_w_ ? check_w_ : "(null)"); \
	} \
} while (0)

#define CHECK_NUM(got, want) do { \
	double check_g_ = (double)(got), check_w_ = (double)(want); \
	if (!(fabs(check_g_ - check_w_) <= 1e-9 * (1.0 + fabs(check_w_)))) { \
		check_failed_now++; \
		printf("  %s:%d: %s is %.10g, expected %.10g\n", __FILE__, __LINE__, \
		       #got, check_g_, check_w_); \
	} \
} while (0)

#define RUN(fn) do { \
	check_failed_now = 0; \
	fn(); \
	printf("%s %s\n", check_failed_now ? "FAIL" : "PASS", #fn); \
	if (check_failed_now) check_failed_tests++; \
	fflush(stdout); \
} while (0)

static inline int check_done(void)
{
	return check_failed_tests ? 1 : 0;
}

#endif
