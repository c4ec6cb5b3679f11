/* import_aiken — the Aiken format, Moodle's plain multiple-choice text:
 *
 *     What is the capital of France?
 *     A. Lyon
 *     B) Paris
 *     ANSWER: B
 *
 * A question is its text (one line or more), its options lettered from A
 * in turn ("A." or "A)" and a space), and "ANSWER: " with the right
 * option's letter; blank lines come between questions.  Options that are
 * exactly True and False make a truefalse question.  See docs/import.md.
 */
#include "import.h"

#include <stdio.h>
#include <string.h>

#include "text.h"

/* What one line is. */
enum kind { BLANK, OPTION, ANSWER, OTHER };

struct line {
	enum kind kind;
	size_t start, end;   /* the line without surrounding white space */
	char letter;         /* OPTION, ANSWER: the letter, in upper case */
	size_t text;         /* OPTION: where its text starts; ANSWER: the letter */
};

static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t';
}

static struct line classify(const char *buf, struct import_line l)
{
	struct line r = { OTHER, l.start, l.end, 0, 0 };
	while (r.start < r.end && is_space(buf[r.start]))
		r.start++;
	while (r.end > r.start && is_space(buf[r.end - 1]))
		r.end--;
	const char *s = buf + r.start;
	size_t n = r.end - r.start;
	if (n == 0) {
		r.kind = BLANK;
	} else if (n >= 7 && text_same_ci(s, "ANSWER:", 7)) {
		r.kind = ANSWER;
		size_t i = 7;
		while (i < n && is_space(s[i]))
			i++;
		r.text = r.start + i;
		r.letter = i < n && text_is_alpha(s[i]) ? (char)(text_lower(s[i]) - 'a' + 'A') : 0;
	} else if (n >= 3 && ((s[0] >= 'A' && s[0] <= 'Z') || (s[0] >= 'a' && s[0] <= 'z')) &&
	           (s[1] == '.' || s[1] == ')') && is_space(s[2])) {
		r.kind = OPTION;
		r.letter = (char)(text_lower(s[0]) - 'a' + 'A');
		size_t i = 2;
		while (i < n && is_space(s[i]))
			i++;
		r.text = r.start + i;
	}
	return r;
}

enum import_likely import_aiken_detect(const char *name, const char *buf, size_t len)
{
	size_t pos = import_bom(buf, len);
	struct import_line l;
	bool option = false;
	/* The first few hundred lines say enough. */
	for (int k = 0; k < 400 && import_next_line(buf, len, &pos, &l); k++) {
		struct line r = classify(buf, l);
		if (r.kind == OPTION && r.letter == 'A')
			option = true;
		if (r.kind == ANSWER && option && r.letter >= 'A' && r.letter <= 'Z')
			return IMPORT_SURE;
	}
	return import_name_ends(name, ".txt") ? IMPORT_BY_NAME : IMPORT_NO;
}

/* The question being read. */
struct block {
	size_t start;                      /* its first line */
	size_t nprompt;                    /* lines of text */
	struct line prompt[64];            /* the first of them; more are joined */
	struct text_buf more;              /* text lines past the 64th */
	size_t noptions;
	struct line options[DECK_MAX_CHOICES];
	bool blank;                        /* a blank line came after an option */
};

/* Builds the question of b, whose right option has the letter at ans. */
static void finish(struct import_ctx *c, const char *buf, struct block *b, const struct line *ans)
{
	import_here(c, b->start);
	if (b->noptions < 2) {
		import_skip(c, b->start, "%s", b->noptions ? "it has one option; a question needs at least 2"
		                                           : "it has no options ('A. ...')");
		return;
	}
	size_t right = (size_t)(ans->letter - 'A');
	if (ans->letter < 'A' || ans->letter > 'Z' || ans->text + 1 != ans->end) {
		import_skip(c, ans->text, "'ANSWER:' must be followed by one option's letter");
		return;
	}
	if (right >= b->noptions) {
		import_skip(c, ans->text, "the answer %c is not one of its options (A to %c)", ans->letter,
		            (char)('A' + b->noptions - 1));
		return;
	}
	struct text_buf t = {0};
	for (size_t i = 0; i < b->nprompt && i < 64; i++) {
		if (i)
			text_buf_add(&t, "\n", 1);
		text_buf_add(&t, buf + b->prompt[i].start, b->prompt[i].end - b->prompt[i].start);
	}
	text_buf_add(&t, b->more.s ? b->more.s : "", b->more.len);
	struct question q;
	import_question_init(&q, Q_CHOICE);
	if (b->more.failed)
		import_nomem(c);
	q.prompt = import_text_buf(c, &t);
	text_buf_free(&t);
	q.nchoices = b->noptions;
	q.choices = import_list(c, q.nchoices);
	if (!q.choices)
		return;
	for (size_t i = 0; i < q.nchoices; i++)
		q.choices[i] = import_text(c, buf + b->options[i].text, b->options[i].end - b->options[i].text);
	q.correct = right;
	/* Exactly True and False: a truefalse question. */
	if (q.nchoices == 2 && q.choices[0] && q.choices[1]) {
		int truth = -1;
		const char *r = q.choices[right], *o = q.choices[1 - right];
		if (strlen(r) == 4 && text_same_ci(r, "true", 4) && strlen(o) == 5 && text_same_ci(o, "false", 5))
			truth = 1;
		if (strlen(r) == 5 && text_same_ci(r, "false", 5) && strlen(o) == 4 && text_same_ci(o, "true", 4))
			truth = 0;
		if (truth >= 0) {
			q.type = Q_TRUEFALSE;
			q.truth = truth == 1;
			q.choices = NULL;
			q.nchoices = 0;
			q.correct = 0;
		}
	}
	if (!import_out_of_memory(c))
		import_add(c, &q);
}

static void reset(struct block *b, size_t start)
{
	text_buf_free(&b->more);
	memset(b, 0, sizeof *b);
	b->start = start;
}

int import_aiken_parse(struct import_ctx *c, const char *buf, size_t len)
{
	if (import_check_text(c, buf, len) != 0)
		return -1;
	struct block b;
	memset(&b, 0, sizeof b);
	bool open = false;        /* a question is being read */
	size_t pos = import_bom(buf, len);
	struct import_line l;
	while (import_next_line(buf, len, &pos, &l) && !import_out_of_memory(c)) {
		struct line r = classify(buf, l);
		if (!open) {
			if (r.kind == BLANK)
				continue;
			reset(&b, r.start);
			open = true;
			if (r.kind == ANSWER) {
				import_skip(c, r.start, "'ANSWER:' with no question before it");
				open = false;
				continue;
			}
			/* The first line is the question's text, whatever it looks like. */
			b.prompt[b.nprompt++] = r;
			continue;
		}
		if (r.kind == ANSWER) {
			finish(c, buf, &b, &r);
			open = false;
		} else if (r.kind == OPTION && r.letter == (char)('A' + b.noptions) && b.noptions < DECK_MAX_CHOICES) {
			b.options[b.noptions++] = r;
		} else if (b.noptions == 0 && r.kind != BLANK) {
			if (b.nprompt < 64) {
				b.prompt[b.nprompt] = r;
			} else {
				text_buf_add(&b.more, "\n", 1);
				text_buf_add(&b.more, buf + r.start, r.end - r.start);
			}
			b.nprompt++;
		} else if (r.kind == BLANK && b.noptions > 0) {
			b.blank = true;  /* between options, or before the answer */
		} else if (r.kind == OTHER && b.blank) {
			/* Text after a blank line: the answer line was missing, and
			 * this is the next question. */
			import_here(c, b.start);
			import_skip(c, b.start, "no 'ANSWER: ...' line after its options");
			reset(&b, r.start);
			b.prompt[b.nprompt++] = r;
		} else {
			/* A blank line before any option, an option out of turn, or
			 * text among the options: this question ends here, unread,
			 * and the lines up to its answer or a blank line are passed
			 * over. */
			import_here(c, b.start);
			if (r.kind == BLANK)
				import_skip(c, b.start, "a blank line before its options ('A. ...')");
			else if (r.kind == OPTION)
				import_skip(c, r.start, "option %c comes where %c was expected", r.letter,
				            (char)('A' + b.noptions));
			else
				import_skip(c, r.start, "expected option %c or 'ANSWER: ...' here", (char)('A' + b.noptions));
			open = false;
			while (r.kind != BLANK && import_next_line(buf, len, &pos, &l)) {
				struct line s = classify(buf, l);
				if (s.kind == ANSWER || s.kind == BLANK)
					break;
			}
		}
	}
	if (open) {
		import_here(c, b.start);
		import_skip(c, b.start, "the file ends before its 'ANSWER: ...' line");
	}
	text_buf_free(&b.more);
	return import_out_of_memory(c) ? -1 : 0;
}
