/* stop — the signals that ask recall to stop a quiz; see stop.h. */
#include "stop.h"

#include <signal.h>
#include <stdbool.h>
#include <string.h>

static volatile sig_atomic_t caught;        /* the signal seen, or 0 */
static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
#define NSIGNALS (sizeof signals / sizeof signals[0])
static struct sigaction saved[NSIGNALS];    /* what stop_release puts back */
static bool installed;                      /* our handler is in place */

static void on_signal(int sig)
{
	caught = sig;
}

void stop_catch(void)
{
	caught = 0;
	if (installed)
		return;
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;  /* no SA_RESTART: blocked reads return */
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(signals[i], &sa, &saved[i]);
	installed = true;
}

void stop_release(void)
{
	if (!installed)
		return;
	for (size_t i = 0; i < NSIGNALS; i++)
		sigaction(signals[i], &saved[i], NULL);
	installed = false;
}

int stop_signal(void)
{
	return caught;
}
