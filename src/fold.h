/* fold — lenient text comparison: folding and typo distance.
 *
 * Pure functions over UTF-8 strings, independent of the locale.
 */
#ifndef RECALL_FOLD_H
#define RECALL_FOLD_H

#include <stddef.h>

/* Folds s for lenient text comparison: lower case, Latin diacritics
 * removed, curly quotes and dashes made plain, punctuation dropped (hyphens
 * and slashes become spaces), white space collapsed and trimmed.  NULL
 * folds as "".  The caller frees the result (NULL only when memory runs
 * out). */
char *fold_text(const char *s);

/* Damerau-Levenshtein distance (optimal string alignment) between two UTF-8
 * strings (NULL counts as ""), counted in code points (an invalid byte is
 * one), or limit+1 when it exceeds limit or memory runs out. */
size_t fold_distance(const char *a, const char *b, size_t limit);

#endif
