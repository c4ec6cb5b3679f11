/* deck_limits — limits of the deck format that front ends share.
 *
 * A header of constants only, so that a front end can size what it keeps
 * (layout.h's text field) from the same number the checker enforces,
 * without taking in the deck model.
 */
#ifndef RECALL_DECK_LIMITS_H
#define RECALL_DECK_LIMITS_H

/* The longest accepted answer of a text question, in bytes: a learner must
 * be able to type it, and the full-screen answer field holds this much
 * (LAYOUT_FIELD_MAX).  `recall check` refuses longer ones. */
#define DECK_MAX_ANSWER_BYTES 1000

#endif
