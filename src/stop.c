/* stop — the signals that ask recall to stop a quiz; see stop.h. */
#include "stop.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>

static volatile sig_atomic_t caught;        /* the signal seen, or 0 */
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS (sizeof signals / sizeof signals[0])
static struct sigaction saved[NSIGNALS];    /* what stop_release puts back */
static bool handled[NSIGNALS];              /* our handler is in place for it */
static bool installed;                      /* stop_catch or stop_init ran */

static void on_signal(int sig)
{
	caught = sig;
}

/* Puts our handler in place of each signal's action, except where the
 * parent left the signal ignored: a shell does so for a background job,
 * and expects it to stay so. */
static void install(void)
{
	if (installed)
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;  /* no SA_RESTART: blocked reads return */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++) {
		handled[i] = sigaction(signals[i], NULL, &saved[i]) == 0 &&
		             saved[i].sa_handler != SIG_IGN &&
		             sigaction(signals[i], &sa, NULL) == 0;
	}
	installed = true;
}

void stop_init(void)
{
	struct sigaction ign;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGPIPE, &ign, NULL);  /* a closed output is an error value, EPIPE */
	install();
}

void stop_catch(void)
{
	install();
}

void stop_forget(void)
{
	caught = 0;
}

void stop_release(void)
{
	if (!installed)
		return;
	for (size_t i = 0; i < NSIGNALS; i++)
		if (handled[i])
			sigaction(signals[i], &saved[i], NULL);
	installed = false;
}

int stop_signal(void)
{
	return caught;
}
