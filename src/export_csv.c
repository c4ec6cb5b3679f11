/* export_csv — questions written as rows of a classroom quiz game's
 * spreadsheet (see import_csv.c): choice and multi questions of up to four
 * options, and truefalse ones as the answers True and False.  Every row
 * gets the time limit of 20 seconds, since the games want one; records end
 * in CR LF, as RFC 4180 has them. */
#include "export.h"

#include <stdio.h>

#include "csv.h"

#define NANSWERS 4
#define TIME_LIMIT "20"

void export_csv_begin(struct text_buf *out)
{
	text_buf_puts(out, "Question,Answer 1,Answer 2,Answer 3,Answer 4,Time limit (sec),Correct answer(s)\r\n");
}

const char *export_csv_question(struct text_buf *out, const struct question *q, char *why, size_t size)
{
	static const char *const tf[] = { "True", "False" };
	const char *const *options;
	size_t n;
	unsigned long right;
	if (q->type == Q_CHOICE || q->type == Q_MULTI) {
		options = q->choices;
		n = q->nchoices;
		right = q->type == Q_CHOICE ? 1ul << q->correct : q->correct;
	} else if (q->type == Q_TRUEFALSE) {
		options = tf;
		n = 2;
		right = q->truth ? 1 : 2;
	} else {
		return "the CSV holds only choice, multi and truefalse questions";
	}
	if (n > NANSWERS) {
		snprintf(why, size, "it has %zu options; the CSV has room for %d", n, NANSWERS);
		return why;
	}
	csv_write_field(out, q->prompt, ',');
	for (size_t i = 0; i < NANSWERS; i++) {
		text_buf_puts(out, ",");
		if (i < n)
			csv_write_field(out, options[i], ',');
	}
	text_buf_puts(out, "," TIME_LIMIT ",");
	char nums[16];
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		if (right & (1ul << i))
			k += (size_t)snprintf(nums + k, sizeof nums - k, "%s%zu", k ? "," : "", i + 1);
	csv_write_field(out, nums, ',');
	text_buf_puts(out, "\r\n");
	return NULL;
}
