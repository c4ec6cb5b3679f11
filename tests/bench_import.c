/* bench_import — the time to import a trivia dump of 5,000 questions.
 *
 *   bench_import RECALL    generate the dump, time the import, report
 *
 * The dump is an Open Trivia Database API response generated from a fixed
 * PRNG seed (so every run sees the same bytes): four in five questions
 * multiple choice, the rest true/false, 24 categories, the three
 * difficulties, and text HTML-escaped as the API sends it (&quot;
 * &#039; &amp; &eacute;...).
 *
 * Timed: the whole of an import in this process, as `recall import` does
 * it (import_buffer, import_finish, deck_write_json, and the check of the
 * written deck with deck_load_buffer), median of RUNS; and the command
 * itself, RECALL import DUMP -o OUT, fork to exit, median of RUNS.  The
 * exit status is 1 when the median in-process time misses TARGET_MS (or
 * the bench could not run), so that `make bench` fails.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench_util.h"
#include "deck.h"
#include "deck_write.h"
#include "import.h"
#include "text.h"

#define NQUESTIONS 5000u
#define RUNS 7
#define SEED 0x7217a2025u
#define TARGET_MS 500.0   /* in-process import of the dump, at most */

static uint64_t rng_state = SEED;

static uint64_t rng_next(void)
{
	uint64_t z = (rng_state += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t rnd(size_t n)
{
	return (size_t)(rng_next() % n);
}

static const char *const words[] = {
	"capital", "river", "&quot;famous&quot;", "painter", "Schr&ouml;dinger&#039;s", "element",
	"planet", "caf&eacute;", "king", "album", "&amp;", "novel", "mountain", "year", "language",
	"bridge", "&ldquo;quote&rdquo;", "engine", "island", "emperor", "symphony", "desert",
	"currency", "&Pi;", "treaty", "festival", "dynasty", "glacier", "orbit", "&hellip;",
};
#define NWORDS (sizeof words / sizeof words[0])

static const char *const categories[] = {
	"General Knowledge", "Entertainment: Books", "Entertainment: Film", "Entertainment: Music",
	"Entertainment: Musicals &amp; Theatres", "Entertainment: Television",
	"Entertainment: Video Games", "Entertainment: Board Games", "Science &amp; Nature",
	"Science: Computers", "Science: Mathematics", "Mythology", "Sports", "Geography", "History",
	"Politics", "Art", "Celebrities", "Animals", "Vehicles", "Entertainment: Comics",
	"Science: Gadgets", "Entertainment: Japanese Anime &amp; Manga",
	"Entertainment: Cartoon &amp; Animations",
};
static const char *const difficulties[] = { "easy", "medium", "hard" };

/* A few words, into b. */
static void phrase(struct text_buf *b, size_t lo, size_t hi)
{
	size_t n = lo + rnd(hi - lo + 1);
	for (size_t i = 0; i < n; i++)
		text_buf_printf(b, "%s%s", i ? " " : "", words[rnd(NWORDS)]);
}

static void gen_dump(struct text_buf *b, size_t *nmultiple)
{
	*nmultiple = 0;
	text_buf_puts(b, "{\"response_code\":0,\"results\":[");
	for (unsigned i = 0; i < NQUESTIONS; i++) {
		bool multiple = rnd(5) != 0;
		*nmultiple += multiple;
		text_buf_printf(b, "%s{\"type\":\"%s\",\"difficulty\":\"%s\",\"category\":\"%s\",\"question\":\"",
		                i ? "," : "", multiple ? "multiple" : "boolean", difficulties[rnd(3)],
		                categories[rnd(sizeof categories / sizeof categories[0])]);
		text_buf_printf(b, "Question %u: which ", i + 1);
		phrase(b, 6, 14);
		text_buf_puts(b, "?\",\"correct_answer\":\"");
		if (multiple) {
			text_buf_printf(b, "Right %u ", i + 1);
			phrase(b, 1, 3);
			text_buf_puts(b, "\",\"incorrect_answers\":[");
			for (int k = 0; k < 3; k++) {
				text_buf_printf(b, "%s\"Wrong %d ", k ? "," : "", k + 1);
				phrase(b, 1, 3);
				text_buf_puts(b, "\"");
			}
			text_buf_puts(b, "]}");
		} else {
			bool t = rnd(2);
			text_buf_printf(b, "%s\",\"incorrect_answers\":[\"%s\"]}", t ? "True" : "False", t ? "False" : "True");
		}
	}
	text_buf_puts(b, "]}\n");
}

/* One import as the command does it; the milliseconds it took, or -1. */
static double import_once(const char *buf, size_t len, size_t *imported)
{
	double t0 = now_ms();
	struct diags d = {0};
	struct import_ctx *c = import_new();
	int rc = c ? import_buffer(c, "dump.json", buf, len, NULL, &d) : -1;
	*imported = c ? import_get_counts(c)->imported : 0;
	struct deck *deck = c ? import_finish(c, "trivia", "Trivia") : NULL;
	char *text = deck ? deck_write_json(deck) : NULL;
	struct diags again = {0};
	struct deck *check = text ? deck_load_buffer("trivia.json", text, strlen(text), &again) : NULL;
	double t = now_ms() - t0;
	bool ok = rc == 0 && check && d.nwarnings == 0;
	if (!ok) {
		diag_print(&d, stderr);
		diag_print(&again, stderr);
	}
	deck_free(check);
	deck_free(deck);
	free(text);
	diag_free(&d);
	diag_free(&again);
	return ok ? t : -1;
}

/* The command, fork to exit; milliseconds, or -1. */
static double command_once(const char *recall, const char *dump, const char *out)
{
	unlink(out);
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid == 0) {
		freopen("/dev/null", "w", stderr);
		execl(recall, recall, "import", dump, "-o", out, (char *)NULL);
		_exit(127);
	}
	int st;
	if (pid < 0 || waitpid(pid, &st, 0) != pid || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
		return -1;
	return now_ms() - t0;
}

static double median(double *v, size_t n)
{
	qsort(v, n, sizeof *v, cmp_double);
	return v[n / 2];
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s RECALL\n", argv[0]);
		return 2;
	}
	struct text_buf dump = {0};
	size_t nmultiple;
	gen_dump(&dump, &nmultiple);
	if (!dump.s) {
		fputs("bench_import: out of memory\n", stderr);
		return 1;
	}
	const char *tmp = getenv("TMPDIR");
	char dir[4096], path[4200], out[4200];
	snprintf(dir, sizeof dir, "%s/recall-bench-import-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench_import: cannot make a folder in /tmp: %s\n", strerror(errno));
		return 1;
	}
	snprintf(path, sizeof path, "%s/dump.json", dir);
	snprintf(out, sizeof out, "%s/trivia.json", dir);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(dump.s, 1, dump.len, f) != dump.len || fclose(f) != 0) {
		fprintf(stderr, "bench_import: cannot write %s\n", path);
		return 1;
	}
	printf("recall bench_import: an Open Trivia Database dump of %u questions (%zu multiple, %zu boolean; "
	       "seed %#llx), %zu bytes\n", NQUESTIONS, nmultiple, NQUESTIONS - nmultiple,
	       (unsigned long long)SEED, dump.len);

	double in[RUNS], cmd[RUNS];
	size_t imported = 0;
	int failed = 0;
	for (int i = 0; i < RUNS && !failed; i++) {
		in[i] = import_once(dump.s, dump.len, &imported);
		cmd[i] = command_once(argv[1], path, out);
		if (in[i] < 0 || cmd[i] < 0 || imported != NQUESTIONS) {
			fprintf(stderr, "bench_import: the import failed (%zu of %u questions)\n", imported, NQUESTIONS);
			failed = 1;
		}
	}
	if (!failed) {
		double mi = median(in, RUNS), mc = median(cmd, RUNS);
		printf("  in process (read, build, write JSON, check it): median %.1f ms of %d runs, "
		       "%.0f questions a second\n", mi, RUNS, NQUESTIONS / (mi / 1000.0));
		printf("  recall import DUMP -o OUT, fork to exit: median %.1f ms of %d runs\n", mc, RUNS);
		printf("  target: in process at most %.0f ms: %s\n", TARGET_MS, mi <= TARGET_MS ? "met" : "MISSED");
		failed = mi > TARGET_MS;
	}
	unlink(out);
	unlink(path);
	rmdir(dir);
	text_buf_free(&dump);
	return failed;
}
