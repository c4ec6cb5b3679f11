/* number — reading numbers as learners type them, and writing them out.
 *
 * Pure functions, independent of the locale ('.' is always the decimal
 * point).
 */
#ifndef RECALL_NUMBER_H
#define RECALL_NUMBER_H

#include <stdbool.h>

#include "text.h"

/* Parses a number as a learner types it: "26", "-3", "26.0", "1,000",
 * "1 000", "2.5e3", and English number words ("twenty-six", "one hundred
 * and five", "a thousand", "3 million").  Surrounding space is ignored, and
 * so is unit (may be NULL) when it ends the text ("26 people"), also
 * without its final "s" or with one added ("1 year" for "years").  Returns
 * true and stores the value on success. */
bool number_parse(const char *s, const char *unit, double *out);

/* Adds x to b the way a person would write it: "26", "2.5", "-0.125",
 * "1e+21", "inf", "nan"; always with '.' as the decimal point. */
void number_write(struct text_buf *b, double x);

#endif
