/* bench_live — the live drill's signal path: thirty student processes,
 * each with its own connection, follow a drill as `recall drill --join`
 * does (results_live_wait, then the events since the last seen), while a
 * host opens questions; for each question and student, the time from the
 * host's post of the open (its `at`) to the student's process having the
 * event.  Prints the median and the maximum (target under 0.5 s).
 *
 *   bench_live WHERE [LABEL]   WHERE: an SQLite path or a PostgreSQL URI */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"
#include "results.h"

#define STUDENTS 30
#define QUESTIONS 20

static const char *const decks[1] = { "bench" };

struct follow {
	int fd;
	int64_t seq;
	bool over;
};

static int on_event(void *ctx, const struct results_live_event *e)
{
	struct follow *f = ctx;
	f->seq = e->seq;
	if (!strcmp(e->kind, "open")) {
		double seen[2] = { e->index, results_live_now() - e->at };
		if (write(f->fd, seen, sizeof seen) != (ssize_t)sizeof seen)
			return 1;
	}
	if (!strcmp(e->kind, "end"))
		f->over = true;
	return 0;
}

static int student(const char *where, const char *drill, int fd)
{
	char err[512];
	struct results *r;
	if (results_open(where, 60000, &r, err, sizeof err) != 0) {
		fprintf(stderr, "bench_live: %s\n", err);
		return 1;
	}
	struct follow f = { .fd = fd };
	/* Only what comes from now on: the begin is already there. */
	while (!f.over) {
		if (results_live_events(r, drill, NULL, f.seq, on_event, &f) < 0) {
			fprintf(stderr, "bench_live: %s\n", results_error(r));
			break;
		}
		if (!f.over)
			results_live_wait(r, drill, 200);
	}
	results_close(r);
	return 0;
}

static void nap_ms(int ms)
{
	struct timespec ts = { ms / 1000, (long)(ms % 1000) * 1000000L };
	nanosleep(&ts, NULL);
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: bench_live WHERE [LABEL]\n");
		return 2;
	}
	const char *where = argv[1], *label = argc > 2 ? argv[2] : "";
	char err[512];
	struct results *host;
	if (results_open(where, 60000, &host, err, sizeof err) != 0) {
		fprintf(stderr, "bench_live: %s\n", err);
		return 1;
	}
	struct results_drill d = { .klass = "bench", .decks = decks, .ndecks = 1,
	                           .count = QUESTIONS, .seed = (uint64_t)getpid(), .time_limit = 20 };
	struct results_live_event e = { .klass = "bench", .kind = "begin", .index = -1,
	                                .payload = "{}" };
	if (results_drill_begin(host, &d) < 0 || (e.drill = d.id, results_live_post(host, &e)) != 0) {
		fprintf(stderr, "bench_live: %s\n", results_error(host));
		return 1;
	}
	int fds[2];
	if (pipe(fds) != 0)
		return 1;
	pid_t pids[STUDENTS];
	for (int i = 0; i < STUDENTS; i++) {
		pids[i] = fork();
		if (pids[i] == 0) {
			close(fds[0]);
			_exit(student(where, d.id, fds[1]));
		}
	}
	close(fds[1]);
	nap_ms(1000);  /* everyone connected and listening */
	for (int q = 0; q < QUESTIONS; q++) {
		e = (struct results_live_event){ .drill = d.id, .klass = "bench", .kind = "open",
		                                 .index = q, .closes = results_live_now() + 20,
		                                 .payload = "{}" };
		if (results_live_post(host, &e) != 0)
			break;
		nap_ms(400);
		e.kind = "close";
		e.closes = 0;
		if (results_live_post(host, &e) != 0)
			break;
		nap_ms(100);
	}
	e = (struct results_live_event){ .drill = d.id, .klass = "bench", .kind = "end",
	                                 .index = -1, .payload = "{}" };
	results_live_post(host, &e);
	/* Per question, when the last student had it: every process has it. */
	double lag[QUESTIONS] = { 0 }, seen[2];
	size_t n = 0;
	while (n < STUDENTS * QUESTIONS && read(fds[0], seen, sizeof seen) == sizeof seen) {
		int q = (int)seen[0];
		if (q >= 0 && q < QUESTIONS && seen[1] > lag[q])
			lag[q] = seen[1];
		n++;
	}
	for (int i = 0; i < STUDENTS; i++)
		waitpid(pids[i], NULL, 0);
	results_close(host);
	if (n < STUDENTS * QUESTIONS) {
		fprintf(stderr, "bench_live: %zu of %d arrivals seen\n", n, STUDENTS * QUESTIONS);
		return 1;
	}
	qsort(lag, QUESTIONS, sizeof *lag, cmp_double);
	printf("live drill, %s: %d student processes x %d questions: from the host's open to "
	       "every student having it: median %.0f ms, max %.0f ms (target under 500 ms)\n",
	       label, STUDENTS, QUESTIONS, lag[QUESTIONS / 2] * 1e3, lag[QUESTIONS - 1] * 1e3);
	return 0;
}
