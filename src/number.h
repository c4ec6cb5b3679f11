/* number — reading numbers as learners type them, and writing them out.
 *
 * Pure functions, independent of the locale ('.' is always the decimal
 * point).
 */
#ifndef RECALL_NUMBER_H
#define RECALL_NUMBER_H

#include <stdbool.h>

#include "text.h"

/* How number_read read a text. */
enum number_how {
	NUMBER_WHOLE,    /* the text is the number (and its unit) */
	NUMBER_LEADING,  /* a number, then words that are not one: "26 civilians" */
	NUMBER_DAY,      /* a date, read as its day of the month: "April 22" */
};

/* number_read's flags. */
#define NUMBER_DATES 1u  /* read a date as its day: "April 22", "22 April 2025" */

/* Reads a number as a learner types it: "26", "-3", "26.0", "1,000",
 * "1 000", "2.5e3"; English number words ("twenty-six", "one hundred and
 * five", "a thousand", "3 million"); ordinals ("22nd", "1st", "twenty-
 * second", "first", "hundredth").  Surrounding space is ignored, and so is
 * unit (may be NULL) when it ends the text ("26 people"), also without its
 * final "s" or with one added ("1 year" for "years").  Failing that, a
 * number followed by words that are not themselves a number is read as
 * that number ("26 civilians", "22nd April"); two numbers are ambiguous
 * and refused ("26 27", "26 or 27").  With NUMBER_DATES in flags, a date
 * ("April 22", "22 April", "22 April 2025", "April 22nd") is read as its
 * day.  Returns true and stores the value in *out and how it was read in
 * *how (when how is not NULL) on success. */
bool number_read(const char *s, const char *unit, unsigned flags, double *out,
                 enum number_how *how);

/* number_read without flags, and without saying how. */
bool number_parse(const char *s, const char *unit, double *out);

/* Adds x to b the way a person would write it: "26", "2.5", "-0.125",
 * "1e+21", "inf", "nan"; always with '.' as the decimal point. */
void number_write(struct text_buf *b, double x);

#endif
