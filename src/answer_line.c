/* answer_line — an answer typed on one line, read as recall quiz --plain
 * reads it; see answer_line.h. */
#include "answer_line.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "verdict.h"

/* Splits line into numbers (1-based, each at most max) separated by spaces
 * or commas; letters instead when letters is true.  Returns the count, or
 * -1 when something else is there.  Stores at most cap values. */
static int parse_list(const char *line, bool letters, size_t max, size_t *v, size_t cap)
{
	int n = 0;
	const char *p = line;
	for (;;) {
		while (*p == ' ' || *p == ',' || *p == '\t')
			p++;
		if (!*p)
			return n;
		size_t x;
		if (letters) {
			int ch = tolower((unsigned char)*p);
			if (ch < 'a' || ch > 'z')
				return -1;
			x = (size_t)(ch - 'a') + 1;
			p++;
		} else {
			if (!isdigit((unsigned char)*p))
				return -1;
			x = 0;
			while (isdigit((unsigned char)*p) && x < 1000)
				x = x * 10 + (size_t)(*p++ - '0');
		}
		if (x < 1 || x > max || (*p && *p != ' ' && *p != ',' && *p != '\t'))
			return -1;
		if ((size_t)n < cap)
			v[n] = x - 1;
		n++;
	}
}

/* The shown position of the one option line names, into *pos: by its
 * number ("2"), its letter ("b"), or its text, compared folded (case,
 * accents and punctuation aside).  False when it names none, or several. */
static bool pick_option(const struct item *it, const char *line, size_t *pos)
{
	size_t n = it->nshown;
	if (parse_list(line, false, n, pos, 1) == 1 || parse_list(line, true, n, pos, 1) == 1)
		return true;
	char *typed = fold_text(line);
	size_t found = 0;
	for (size_t k = 0; typed && *typed && k < n; k++) {
		char *option = fold_text(it->q->choices[it->shown[k]]);
		if (option && strcmp(option, typed) == 0) {
			*pos = k;
			found++;
		}
		free(option);
	}
	free(typed);
	return found == 1;
}

/* True when the n values of v (each below DECK_MAX_CHOICES) differ. */
static bool distinct(const size_t *v, size_t n)
{
	bool seen[DECK_MAX_CHOICES] = { false };
	for (size_t i = 0; i < n; i++) {
		if (seen[v[i]])
			return false;
		seen[v[i]] = true;
	}
	return true;
}

/* Long: one short case per question type, kept together to read side by side. */
bool answer_line_parse(const struct item *it, const char *line, struct response *r,
                       size_t *scratch, const char **why)
{
	const struct question *q = it->q;
	size_t n = it->nshown;
	size_t picks[DECK_MAX_CHOICES];
	int k;
	memset(r, 0, sizeof *r);
	switch (q->type) {
	case Q_CHOICE:
		if (!pick_option(it, line, picks)) {
			*why = "Type one option's number (1), letter (a) or text.";
			return false;
		}
		r->choice = it->shown[picks[0]];
		return true;
	case Q_MULTI:
		k = parse_list(line, false, n, picks, DECK_MAX_CHOICES);
		if (k < 1)
			k = parse_list(line, true, n, picks, DECK_MAX_CHOICES);
		if (k < 1 || k > (int)n) {
			*why = "Type the numbers or letters of the options you pick, e.g. 1 3 or a c.";
			return false;
		}
		for (int i = 0; i < k; i++)
			r->selected |= 1ul << it->shown[picks[i]];
		return true;
	case Q_TRUEFALSE:
		if (!strcasecmp(line, "t") || !strcasecmp(line, "true") || !strcasecmp(line, "yes") ||
		    !strcasecmp(line, "y")) {
			r->truth = true;
			return true;
		}
		if (!strcasecmp(line, "f") || !strcasecmp(line, "false") || !strcasecmp(line, "no") ||
		    !strcasecmp(line, "n")) {
			r->truth = false;
			return true;
		}
		*why = "Type t (true) or f (false).";
		return false;
	case Q_NUMBER: {
		double x;
		if (!answer_read_number(q, line, &x, NULL)) {
			*why = "That is not a number: type digits (26, 1,000, 2.5) or words (twenty-six).";
			return false;
		}
		r->text = line;
		return true;
	}
	case Q_TEXT:
		if (!*line) {
			*why = "Type your answer, or :skip.";
			return false;
		}
		r->text = line;
		return true;
	case Q_ORDER:
		k = parse_list(line, false, n, picks, DECK_MAX_CHOICES);
		if (k != (int)n || !distinct(picks, n)) {
			*why = "Type each of the shown numbers once, in the right order.";
			return false;
		}
		for (size_t i = 0; i < n; i++)
			scratch[i] = it->shown[picks[i]];
		r->order = scratch;
		return true;
	case Q_MATCH:
		k = parse_list(line, true, n, picks, DECK_MAX_CHOICES);
		if (k != (int)n) {
			*why = "Type one letter for each numbered item, in order, e.g. b a c.";
			return false;
		}
		if (!distinct(picks, n)) {
			*why = "Each letter pairs with one item only: type each letter once, e.g. b a c.";
			return false;
		}
		for (size_t i = 0; i < n; i++)
			scratch[i] = it->shown[picks[i]];
		r->match = scratch;
		return true;
	case Q_CARD:
		if (strlen(line) == 1 && line[0] >= '1' && line[0] <= '4') {
			r->rating = (enum rating)(line[0] - '0');
			return true;
		}
		*why = verdict_rating_prompt();
		return false;
	case Q_NTYPES:
		break;
	}
	return false;
}
