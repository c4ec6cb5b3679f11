/* stop — the signals that ask recall to stop a quiz: SIGINT, SIGTERM and
 * SIGHUP.  Every front end handles them the same way: the handler only
 * records which signal came; the front end's loop sees it, ends the quiz as
 * a quit would (summary, report), and exits with 128 + the signal.
 *
 * The handler is installed without SA_RESTART, so that a read blocked
 * waiting for the learner returns (with EINTR) and the loop can act.
 */
#ifndef RECALL_STOP_H
#define RECALL_STOP_H

/* Installs the handler (keeping the actions it replaces) and forgets any
 * signal seen before.  Calling it again while installed only forgets. */
void stop_catch(void);

/* Puts the replaced actions back; safe to call at any time, more than once. */
void stop_release(void);

/* The signal that came since stop_catch, or 0. */
int stop_signal(void);

#endif
