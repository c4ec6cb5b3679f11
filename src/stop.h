/* stop — the signals that ask recall to stop: SIGINT, SIGTERM and SIGHUP.
 * The handler only records which signal came; whoever is at work looks:
 * before a quiz starts, main ends the program quietly with 128 + the
 * signal, writing nothing; during a quiz, the front end's loop ends it as
 * a quit would (summary, report) and exits with 128 + the signal.
 *
 * stop_init runs first thing in main, so that no signal finds the default
 * action (death, with nothing said) in the first milliseconds.  A signal
 * the parent left ignored stays ignored, as shells expect of a background
 * job.  SIGPIPE is ignored for good: a closed output shows as EPIPE.
 *
 * The handler is installed without SA_RESTART, so that a read blocked
 * waiting for the learner returns (with EINTR) and the loop can act.
 */
#ifndef RECALL_STOP_H
#define RECALL_STOP_H

/* Ignores SIGPIPE and installs the handler; at the start of main. */
void stop_init(void);

/* Installs the handler (keeping the actions it replaces) when it is not in
 * place; a signal seen before is kept, so that one that came while the
 * decks loaded still ends the quiz. */
void stop_catch(void);

/* Forgets the signal seen, if any. */
void stop_forget(void);

/* Puts the replaced actions back; safe to call at any time, more than once. */
void stop_release(void);

/* The signal that came since the handler was installed, or 0. */
int stop_signal(void);

#endif
