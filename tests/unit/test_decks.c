/* Consistency of the shipped decks (the .json files in questions/): each
 * loads cleanly,
 * together they hold enough questions of every type, each question cites
 * its report and explains itself, and — when the reports are at hand — the
 * key of each right answer occurs in the paragraph it cites.  The key of each
 * type is documented in questions/README.md.  Run from the repository root.
 */
#include <dirent.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "check.h"
#include "deck.h"

#define QUESTIONS_DIR "questions"
#define REPORTS_DIR "../shared/reports"
#define MIN_QUESTIONS 60
#define MAX_DECKS 64
#define MAX_PARAGRAPHS 512

/* Source id -> report file in REPORTS_DIR; the same table is in
 * questions/README.md. */
static const struct {
	const char *id;
	const char *file;
} report_files[] = {
	{"report-000", "000_94b85d96ffde9c5a.txt"},
	{"report-001", "001_356e4c3b2ae95d9e.txt"},
};
#define NREPORTS (sizeof report_files / sizeof report_files[0])

/* Capitalised words that open sentences rather than name something; they
 * are not counted as names in true/false prompts and order items. */
static const char *const openers[] = {
	"The", "This", "That", "These", "Those", "There", "Both", "During", "After",
	"Before", "Following", "According", "When", "Which", "What", "Who", "Whom",
	"Where", "How", "Why", "Its", "Their", "His", "Her", "One", "Only", "All",
	"Each", "Every", "Some", "Neither", "Either", "And", "But", "For", "With",
	"From", "Into", "Put", "Match", "Name", "Complete", "True", "False", "Type",
	"Besides",
};

static char *deck_paths[MAX_DECKS];
static struct deck *decks[MAX_DECKS];
static struct diags deck_diags[MAX_DECKS];
static size_t ndecks;
static bool too_many_decks;

__attribute__((format(printf, 1, 2)))
static void fail(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("  ", stdout);
	vprintf(fmt, ap);
	fputc('\n', stdout);
	va_end(ap);
	check_failed_now++;
}

static bool is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_upper(char c)
{
	return c >= 'A' && c <= 'Z';
}

static bool is_alpha(char c)
{
	return is_upper(c) || (c >= 'a' && c <= 'z');
}

/* A folded copy of s (caller frees): ASCII in lower case, curly quotes as
 * straight ones, en and em dashes as '-', every run of white space (and
 * no-break spaces) as one space, no space at either end. */
static char *fold(const char *s)
{
	size_t n = strlen(s);
	char *out = malloc(n + 1), *o = out;
	bool space = false;
	if (!out)
		return NULL;
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		const unsigned char *u = (const unsigned char *)s + i;
		char put;
		size_t len = 1;
		if (is_space(c)) {
			space = true;
			i++;
			continue;
		}
		if (c == 0xC2 && i + 1 < n && u[1] == 0xA0) { /* U+00A0 */
			space = true;
			i += 2;
			continue;
		}
		if (c == 0xE2 && i + 2 < n && u[1] == 0x80 &&
		    (u[2] == 0x98 || u[2] == 0x99)) {          /* U+2018, U+2019 */
			put = '\'';
			len = 3;
		} else if (c == 0xE2 && i + 2 < n && u[1] == 0x80 &&
		           (u[2] == 0x9C || u[2] == 0x9D)) {   /* U+201C, U+201D */
			put = '"';
			len = 3;
		} else if (c == 0xE2 && i + 2 < n && u[1] == 0x80 &&
		           (u[2] == 0x93 || u[2] == 0x94)) {   /* U+2013, U+2014 */
			put = '-';
			len = 3;
		} else {
			put = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : (char)c;
		}
		if (space && o > out)
			*o++ = ' ';
		space = false;
		*o++ = put;
		i += len;
	}
	*o = '\0';
	return out;
}

/* True when needle, folded, is a non-empty substring of the folded hay. */
static bool occurs(const char *hay, const char *needle)
{
	char *f = fold(needle);
	bool found = f && *f && strstr(hay, f) != NULL;
	free(f);
	return found;
}

/* True when the digits occur in the folded hay, not inside a longer run of
 * digits ("22" is not in "2022"). */
static bool figure_occurs(const char *hay, const char *digits)
{
	size_t n = strlen(digits);
	if (n == 0)
		return false;
	for (const char *p = strstr(hay, digits); p; p = strstr(p + 1, digits)) {
		bool left = p == hay || !is_digit(p[-1]);
		bool right = !is_digit(p[n]);
		if (left && right)
			return true;
	}
	return false;
}

static bool is_opener(const char *w, size_t n)
{
	for (size_t i = 0; i < sizeof openers / sizeof openers[0]; i++)
		if (strlen(openers[i]) == n && memcmp(openers[i], w, n) == 0)
			return true;
	return false;
}

/* Checks the names and figures of text against paragraph para (folded):
 * at least one must be there, every name must occur, and when figures is
 * set every figure too.  On failure, says why in why. */
static bool tokens_occur(const char *para, const char *text, bool figures, char *why, size_t whysize)
{
	size_t ntokens = 0;
	why[0] = '\0';
	for (const char *p = text; *p;) {
		char tok[128];
		size_t n = 0;
		bool name;
		if (is_alpha(*p)) {
			while (is_alpha(p[n]))
				n++;
			name = true;
		} else if (is_digit(*p)) {
			while (is_digit(p[n]))
				n++;
			name = false;
		} else {
			p++;
			continue;
		}
		if (name && (n < 3 || !is_upper(*p) || is_opener(p, n))) {
			p += n;
			continue;
		}
		if (n >= sizeof tok) {
			snprintf(why, whysize, "a word of %zu characters", n);
			return false;
		}
		memcpy(tok, p, n);
		tok[n] = '\0';
		p += n;
		ntokens++;
		if (name ? !occurs(para, tok) : (figures && !figure_occurs(para, tok))) {
			snprintf(why, whysize, "%s \"%s\" is not there", name ? "name" : "figure", tok);
			return false;
		}
	}
	if (ntokens == 0) {
		snprintf(why, whysize, "no name or figure to check in \"%s\"", text);
		return false;
	}
	return true;
}

/* Splits text into paragraphs (runs of non-blank lines) and folds each;
 * returns how many, at most max. */
static size_t split_paragraphs(const char *text, char **paras, size_t max)
{
	size_t np = 0, len = strlen(text);
	char *buf = malloc(len + 1);
	size_t blen = 0;
	if (!buf)
		return 0;
	for (const char *line = text; *line;) {
		const char *end = strchr(line, '\n');
		size_t n = end ? (size_t)(end - line) : strlen(line);
		bool blank = true;
		for (size_t i = 0; i < n; i++)
			if (!is_space((unsigned char)line[i]))
				blank = false;
		if (!blank) {
			if (blen)
				buf[blen++] = '\n';
			memcpy(buf + blen, line, n);
			blen += n;
		}
		if (blank && blen) {
			buf[blen] = '\0';
			if (np < max)
				paras[np++] = fold(buf);
			blen = 0;
		}
		line = end ? end + 1 : line + n;
	}
	if (blen) {
		buf[blen] = '\0';
		if (np < max)
			paras[np++] = fold(buf);
	}
	free(buf);
	return np;
}

static char *read_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t len = 0, cap = 0, got;
	if (!f)
		return NULL;
	do {
		if (cap - len < 4096) {
			char *nb = realloc(buf, cap = cap * 2 + 4096);
			if (!nb) {
				free(buf);
				fclose(f);
				return NULL;
			}
			buf = nb;
		}
		got = fread(buf + len, 1, cap - len - 1, f);
		len += got;
	} while (got > 0);
	fclose(f);
	buf[len] = '\0';
	return buf;
}

static int compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Loads every .json file of questions/, in name order, keeping decks and
 * diagnostics. */
static void load_decks(void)
{
	DIR *dir = opendir(QUESTIONS_DIR);
	struct dirent *e;
	if (!dir)
		return;
	while ((e = readdir(dir)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n <= 5 || strcmp(e->d_name + n - 5, ".json") != 0)
			continue;
		if (ndecks == MAX_DECKS) {
			too_many_decks = true;
			break;
		}
		deck_paths[ndecks] = malloc(sizeof QUESTIONS_DIR + 1 + n);
		if (!deck_paths[ndecks])
			break;
		snprintf(deck_paths[ndecks], sizeof QUESTIONS_DIR + 1 + n, "%s/%s", QUESTIONS_DIR, e->d_name);
		ndecks++;
	}
	closedir(dir);
	qsort(deck_paths, ndecks, sizeof deck_paths[0], compare_names);
	for (size_t i = 0; i < ndecks; i++)
		decks[i] = deck_load(deck_paths[i], &deck_diags[i]);
}

static void free_decks(void)
{
	for (size_t i = 0; i < ndecks; i++) {
		deck_free(decks[i]);
		diag_free(&deck_diags[i]);
		free(deck_paths[i]);
	}
}

static const char *report_file(const char *id)
{
	for (size_t i = 0; i < NREPORTS; i++)
		if (strcmp(report_files[i].id, id) == 0)
			return report_files[i].file;
	return NULL;
}

/* ---- the tests ---- */

static void folding_and_matching(void)
{
	char *f = fold("  Russia\xE2\x80\x99s  \xE2\x80\x9C" "Brutal Crime\xE2\x80\x9D\n\tRudenko\xE2\x80\x93Kumar ");
	CHECK_STR(f, "russia's \"brutal crime\" rudenko-kumar");
	free(f);
	CHECK(occurs("india's ambassador to russia", "India\xE2\x80\x99s Ambassador"));
	CHECK(!occurs("india's ambassador to russia", "ambassador to India"));
	CHECK(!occurs("anything", "   "));
	CHECK(figure_occurs("on april 22, which", "22"));
	CHECK(!figure_occurs("in 2022 and 122", "22"));
	CHECK(figure_occurs("the 2019 pulwama", "2019"));

	char why[256];
	CHECK(tokens_occur("putin condemned it; russia's solidarity with india", "Putin restated Russia\xE2\x80\x99s solidarity with India.", true, why, sizeof why));
	CHECK(!tokens_occur("putin condemned it", "Putin spoke to Modi.", true, why, sizeof why));
	CHECK(strstr(why, "Modi") != NULL);
	CHECK(tokens_occur("attack on april 22", "The attack came on April 23.", false, why, sizeof why));
	CHECK(!tokens_occur("attack on april 22", "The attack came on April 23.", true, why, sizeof why));
	CHECK(!tokens_occur("anything at all", "The meeting was long.", true, why, sizeof why));
}

static void paragraphs_split_on_blank_lines(void)
{
	const char *texts[] = {
		"\n\n \nFirst line\nsame paragraph\n\n\t\n\nSecond\n\n\nThird",
		"First line\r\nsame paragraph\r\n\r\nSecond\n   \nThird\n\n\n",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		char *p[8];
		size_t n = split_paragraphs(texts[t], p, 8);
		CHECK(n == 3);
		if (n == 3) {
			CHECK_STR(p[0], "first line same paragraph");
			CHECK_STR(p[1], "second");
			CHECK_STR(p[2], "third");
		}
		for (size_t i = 0; i < n; i++)
			free(p[i]);
	}
}

static void decks_found(void)
{
	CHECK(ndecks > 0);
	CHECK(!too_many_decks);
}

static void decks_load_without_errors_or_warnings(void)
{
	for (size_t i = 0; i < ndecks; i++) {
		const struct diags *d = &deck_diags[i];
		if (!decks[i] || d->nerrors || d->nwarnings) {
			fail("%s: %s, %zu errors, %zu warnings:", deck_paths[i],
			     decks[i] ? "loaded" : "refused", d->nerrors, d->nwarnings);
			diag_print(d, stdout);
		}
	}
}

static void enough_questions(void)
{
	size_t total = 0;
	for (size_t i = 0; i < ndecks; i++)
		if (decks[i])
			total += decks[i]->nquestions;
	if (total < MIN_QUESTIONS)
		fail("%zu questions in all, expected at least %d", total, MIN_QUESTIONS);
}

static void every_type_occurs(void)
{
	size_t all[Q_NTYPES] = {0};
	for (size_t i = 0; i < ndecks; i++) {
		size_t counts[Q_NTYPES] = {0};
		if (!decks[i])
			continue;
		deck_count_types(decks[i], counts);
		for (int t = 0; t < Q_NTYPES; t++)
			all[t] += counts[t];
	}
	for (int t = 0; t < Q_NTYPES; t++)
		if (all[t] == 0)
			fail("no question of type %s", deck_type_name((enum qtype)t));
}

static void every_question_has_source_and_explanation(void)
{
	for (size_t i = 0; i < ndecks; i++) {
		const struct deck *dk = decks[i];
		if (!dk)
			continue;
		for (size_t j = 0; j < dk->nquestions; j++) {
			const struct question *q = &dk->questions[j];
			const char *e = q->explanation;
			while (e && is_space((unsigned char)*e))
				e++;
			if (!e || !*e)
				fail("%s: %s: no explanation", deck_paths[i], q->id);
			if (!q->source)
				fail("%s: %s: no source", deck_paths[i], q->id);
			else if (!q->paragraph)
				fail("%s: %s: the source names no paragraph", deck_paths[i], q->id);
			else if (!report_file(q->source->id))
				fail("%s: %s: source \"%s\" is not in the table of reports",
				     deck_paths[i], q->id, q->source->id);
		}
	}
}

struct report {
	char *paras[MAX_PARAGRAPHS];
	size_t n;
	bool read;
};

/* Checks the key of q's right answer against para (folded); on failure,
 * says why in why. */
static bool key_occurs(const struct question *q, const char *para, char *why, size_t whysize)
{
	why[0] = '\0';
	switch (q->type) {
	case Q_CHOICE:
		snprintf(why, whysize, "the answer \"%s\" is not there", q->choices[q->correct]);
		return occurs(para, q->choices[q->correct]);
	case Q_MULTI:
		for (size_t i = 0; i < q->nchoices; i++)
			if (((q->correct >> i) & 1ul) && !occurs(para, q->choices[i])) {
				snprintf(why, whysize, "the right option \"%s\" is not there", q->choices[i]);
				return false;
			}
		return true;
	case Q_NUMBER: {
		char digits[64];
		snprintf(digits, sizeof digits, "%.15g", fabs(q->number));
		snprintf(why, whysize, "the figure %s is not there", digits);
		return figure_occurs(para, digits);
	}
	case Q_TEXT:
		for (size_t i = 0; i < q->naccept; i++)
			if (occurs(para, q->accept[i]))
				return true;
		snprintf(why, whysize, "none of the %zu accepted answers (first \"%s\") is there",
		         q->naccept, q->naccept ? q->accept[0] : "");
		return false;
	case Q_CARD:
		snprintf(why, whysize, "neither the front \"%s\" nor the back is there", q->prompt);
		return occurs(para, q->prompt) || occurs(para, q->back);
	case Q_MATCH: {
		bool lefts = true, rights = true;
		for (size_t i = 0; i < q->nchoices; i++) {
			lefts = lefts && occurs(para, q->choices[i]);
			rights = rights && occurs(para, q->rights[i]);
		}
		snprintf(why, whysize, "neither every left item nor every right item is there");
		return lefts || rights;
	}
	case Q_TRUEFALSE:
		return tokens_occur(para, q->prompt, q->truth, why, whysize);
	case Q_ORDER:
		for (size_t i = 0; i < q->nchoices; i++)
			if (!tokens_occur(para, q->choices[i], true, why, whysize))
				return false;
		return true;
	case Q_NTYPES:
		break;
	}
	snprintf(why, whysize, "unknown type");
	return false;
}

static void decks_consistent_with_reports(void)
{
	struct report reports[NREPORTS] = {0};
	size_t checked = 0;

	for (size_t r = 0; r < NREPORTS; r++) {
		char path[512];
		char *text;
		snprintf(path, sizeof path, "%s/%s", REPORTS_DIR, report_files[r].file);
		text = read_file(path);
		if (!text) {
			fail("cannot read %s", path);
			continue;
		}
		reports[r].n = split_paragraphs(text, reports[r].paras, MAX_PARAGRAPHS);
		reports[r].read = true;
		free(text);
	}

	for (size_t i = 0; i < ndecks; i++) {
		const struct deck *dk = decks[i];
		if (!dk)
			continue;
		for (size_t j = 0; j < dk->nquestions; j++) {
			const struct question *q = &dk->questions[j];
			const struct report *rep = NULL;
			char why[512];
			if (!q->source)
				continue;
			for (size_t r = 0; r < NREPORTS; r++)
				if (strcmp(report_files[r].id, q->source->id) == 0)
					rep = &reports[r];
			if (!rep) {
				fail("%s: %s: source \"%s\" is not in the table of reports",
				     deck_paths[i], q->id, q->source->id);
				continue;
			}
			if (!rep->read)
				continue;
			if (q->paragraph < 1 || q->paragraph > rep->n) {
				fail("%s: %s: paragraph %u of %s, which has %zu", deck_paths[i], q->id,
				     q->paragraph, q->source->id, rep->n);
				continue;
			}
			if (!key_occurs(q, rep->paras[q->paragraph - 1], why, sizeof why))
				fail("%s: %s (%s): %s in %s paragraph %u", deck_paths[i], q->id,
				     deck_type_name(q->type), why, q->source->id, q->paragraph);
			checked++;
		}
	}
	CHECK(checked > 0);

	for (size_t r = 0; r < NREPORTS; r++)
		for (size_t p = 0; p < reports[r].n; p++)
			free(reports[r].paras[p]);
}

static bool reports_present(void)
{
	struct stat st;
	return stat(REPORTS_DIR, &st) == 0 && S_ISDIR(st.st_mode);
}

int main(void)
{
	load_decks();
	RUN(folding_and_matching);
	RUN(paragraphs_split_on_blank_lines);
	RUN(decks_found);
	RUN(decks_load_without_errors_or_warnings);
	RUN(enough_questions);
	RUN(every_type_occurs);
	RUN(every_question_has_source_and_explanation);
	if (reports_present())
		RUN(decks_consistent_with_reports);
	else
		printf("SKIP decks-consistency: %s not found\n", REPORTS_DIR);
	free_decks();
	return check_done();
}
