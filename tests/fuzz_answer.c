/* fuzz_answer — a libFuzzer target for checking responses: any typed text
 * and any picks against any question must give a verdict, never a crash, a
 * hang or a sanitizer report.  Built and run by `make fuzz` (clang), from
 * the repository root.
 *
 * The first byte chooses what is fuzzed:
 *   even: a question of the bundled decks (the .json files of questions/),
 *         chosen by the next two bytes; the rest is the response (typed
 *         text, and picks);
 *   odd:  a text or number question made from the bytes: up to the first
 *         '\n' is the answer (text) or the unit (number), the rest is what
 *         the learner typed.
 * Besides answer_check, the typed text goes through number_parse (with the
 * question's unit), fold_text and fold_distance, as answer checking does,
 * and the answer and the response are written out.
 */
#include <dirent.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "answer.h"
#include "deck.h"
#include "fold.h"
#include "number.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv);

static struct deck *decks[64];
static const struct question *questions[4096];
static size_t ndecks, nquestions;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	DIR *dir = opendir("questions");
	struct dirent *e;
	while (dir && (e = readdir(dir)) && ndecks < sizeof decks / sizeof decks[0]) {
		size_t n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		char path[512];
		snprintf(path, sizeof path, "questions/%s", e->d_name);
		struct diags d = {0};
		struct deck *deck = deck_load(path, &d);
		diag_free(&d);
		if (!deck)
			continue;
		decks[ndecks++] = deck;
		for (size_t i = 0; i < deck->nquestions && nquestions < sizeof questions / sizeof questions[0]; i++)
			questions[nquestions++] = &deck->questions[i];
	}
	if (dir)
		closedir(dir);
	return 0;
}

/* Everything answer checking does with a typed text and a question. */
static void typed(const struct question *q, const char *text)
{
	double x;
	(void)number_parse(text, q->unit, &x);
	free(fold_text(text));
	for (size_t i = 0; i < q->naccept; i++)
		(void)fold_distance(text, q->accept[i], 2);
}

static void check(const struct question *q, const struct response *r)
{
	struct verdict v;
	answer_check(q, r, &v);
	if (v.fraction < 0 || v.fraction > 1 || memchr(v.note, '\0', sizeof v.note) == NULL)
		__builtin_trap();
	free(answer_format(q));
	free(answer_describe(q, r));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 3)
		return 0;
	char *text = malloc(size + 1);
	if (!text)
		return 0;
	size_t order[DECK_MAX_CHOICES], match[DECK_MAX_CHOICES];
	struct response r = {0};
	if (!(data[0] & 1) && nquestions) {
		const struct question *q = questions[((size_t)data[1] << 8 | data[2]) % nquestions];
		/* picks from the bytes after the selector; the text is all of the rest */
		const uint8_t *p = data + 3;
		size_t n = size - 3;
		memcpy(text, p, n);
		text[n] = '\0';
		r.text = text;
		r.choice = n ? p[0] : 0;
		r.selected = 0;
		for (size_t i = 0; i < n && i < sizeof r.selected; i++)
			r.selected |= (unsigned long)p[i] << (8 * i);
		r.truth = n && (p[0] & 1);
		r.rating = (enum rating)(n ? p[0] % (RATE_EASY + 1) : 0);
		for (size_t i = 0; i < q->nchoices && i < DECK_MAX_CHOICES; i++) {
			order[i] = i < n ? p[i] % (q->nchoices + 1) : i;  /* may repeat, or be out of range */
			match[i] = i < n ? (p[i] == 0xFF ? (size_t)-1 : p[i] % (q->nchoices + 1)) : i;
		}
		r.order = order;
		r.match = match;
		typed(q, text);
		check(q, &r);
	} else {
		/* answer (or unit) '\n' typed text */
		const char *s = (const char *)data + 1;
		size_t n = size - 1;
		const char *nl = memchr(s, '\n', n);
		size_t alen = nl ? (size_t)(nl - s) : n / 2;
		char *answer = malloc(alen + 1);
		if (!answer) {
			free(text);
			return 0;
		}
		memcpy(answer, s, alen);
		answer[alen] = '\0';
		size_t tlen = n - alen - (nl ? 1 : 0);
		memcpy(text, s + n - tlen, tlen);
		text[tlen] = '\0';
		const char *accept[1] = { answer };
		struct question q = {
			.id = "f", .prompt = "P", .points = DECK_DEFAULT_POINTS, .shuffle = true,
		};
		if (data[0] & 2) {
			q.type = Q_NUMBER;
			q.unit = alen ? answer : NULL;
			q.number = (double)(int8_t)data[0];
			q.min = q.number - (data[0] & 4 ? 0.5 : 0);
			q.max = q.number + (data[0] & 8 ? 1e9 : 0);
		} else {
			q.type = Q_TEXT;
			q.accept = accept;
			q.naccept = 1;
			q.exact = (data[0] & 4) != 0;
		}
		r.text = text;
		typed(&q, text);
		check(&q, &r);
		free(answer);
	}
	free(text);
	return 0;
}
