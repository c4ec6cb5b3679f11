/* deck_write — a deck model written out as a recall-deck/1 file.
 *
 * The text is JSON as questions/FORMAT.md describes it, laid out as the
 * bundled decks are: two spaces of indent, one question per object with a
 * field per line, lists on one line.  Fields come in a fixed order (id,
 * type, prompt, the type's fields, then explanation, hint, tags,
 * difficulty, points, source), and fields holding their default are left
 * out, so that the same deck always gives the same bytes.  Loading the
 * text gives back the same model (the number range may be written as
 * min and max where the file said tolerance).
 */
#ifndef RECALL_DECK_WRITE_H
#define RECALL_DECK_WRITE_H

#include "deck.h"

/* The deck as JSON text ending in a newline, which the caller frees; NULL
 * when memory runs out.  d's strings must be valid UTF-8. */
char *deck_write_json(const struct deck *d);

#endif
