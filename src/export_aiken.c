/* export_aiken — questions written in the Aiken format (see
 * import_aiken.c): choice questions, and truefalse ones as the options
 * True and False.  A text import_aiken would read otherwise is refused: a
 * line break in an option, a blank line in the prompt, or a prompt line
 * after the first that reads as an option or an answer. */
#include "export.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

/* What of s, one line of a prompt, import_aiken would not take as text. */
static const char *bad_line(const char *s, size_t n, bool first)
{
	while (n && (*s == ' ' || *s == '\t')) {
		s++;
		n--;
	}
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0)
		return "its prompt has a blank line, which ends a question in Aiken";
	if (n >= 7 && text_same_ci(s, "ANSWER:", 7))
		return "a line of its prompt starts with 'ANSWER:'";
	if (!first && n >= 3 && (s[0] == 'A' || s[0] == 'a') && (s[1] == '.' || s[1] == ')') &&
	    (s[2] == ' ' || s[2] == '\t'))
		return "a line of its prompt reads as an option ('A. ...')";
	return NULL;
}

const char *export_aiken_question(struct text_buf *out, const struct question *q, char *why, size_t size)
{
	(void)why;
	(void)size;
	static const char *const tf[] = { "True", "False" };
	const char *const *options;
	size_t n, right;
	if (q->type == Q_CHOICE) {
		options = q->choices;
		n = q->nchoices;
		right = q->correct;
	} else if (q->type == Q_TRUEFALSE) {
		options = tf;
		n = 2;
		right = q->truth ? 0 : 1;
	} else {
		return "Aiken holds only choice and truefalse questions";
	}
	const char *p = q->prompt;
	for (bool first = true;; first = false) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		const char *bad = bad_line(p, len, first);
		if (bad)
			return bad;
		if (!nl)
			break;
		p = nl + 1;
	}
	for (size_t i = 0; i < n; i++)
		if (strchr(options[i], '\n'))
			return "an option holds a line break, which Aiken cannot";
	text_buf_puts(out, q->prompt);
	text_buf_puts(out, "\n");
	for (size_t i = 0; i < n; i++)
		text_buf_printf(out, "%c. %s\n", (char)('A' + i), options[i]);
	text_buf_printf(out, "ANSWER: %c\n\n", (char)('A' + right));
	return NULL;
}
