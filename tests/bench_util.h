/* bench_util.h — what the two benchmarks (bench.c, bench_study.c) share:
 * the clock and sorting timings. */
#ifndef RECALL_BENCH_UTIL_H
#define RECALL_BENCH_UTIL_H

#include <stdlib.h>
#include <time.h>

/* A monotonic clock in milliseconds. */
static inline double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static inline int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

#endif
