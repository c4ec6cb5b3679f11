/* import_anki — what the Anki importer's two files share: import_anki.c
 * (the file headers, the records, the note types) and import_anki_cloze.c
 * (cloze deletions, {{c1::answer::hint}}).  Nothing else includes this
 * header.
 */
#ifndef RECALL_IMPORT_ANKI_H
#define RECALL_IMPORT_ANKI_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* The cloze deletions of one field. */
struct anki_clozes;

/* Reads the cloze deletions of s[0..len) ("{{c1::text}}",
 * "{{c2::text::hint}}", nested ones; a deletion never closed is text).
 * NULL when memory runs out; free with anki_clozes_free. */
struct anki_clozes *anki_clozes_read(const char *s, size_t len);

void anki_clozes_free(struct anki_clozes *z);

/* The cloze numbers used, from 1 up, one by one: the next above after
 * (0 for the first), or 0 when there is none. */
unsigned anki_clozes_next(const struct anki_clozes *z, unsigned after);

/* Adds the text as the card of cloze number n shows it to out: deletion
 * n as "[...]" (or "[hint]"), the others as their text. */
void anki_clozes_question(const struct anki_clozes *z, unsigned n, struct text_buf *out);

/* Adds the answer of cloze number n to out: the text of each of its
 * deletions (with those nested in it shown), joined by ", ". */
void anki_clozes_answer(const struct anki_clozes *z, unsigned n, struct text_buf *out);

/* True when s[0..len) holds a cloze deletion's start, "{{c" and a number
 * and "::". */
bool anki_has_cloze(const char *s, size_t len);

#endif
