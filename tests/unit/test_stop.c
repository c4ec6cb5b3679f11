/* Unit tests of stop: the signals that end a quiz are recorded, not acted
 * on, and the previous actions come back. */
#include <signal.h>

#include "check.h"
#include "stop.h"

static void a_signal_is_recorded(void)
{
	stop_catch();
	CHECK(stop_signal() == 0);
	raise(SIGTERM);  /* would end the test program without the handler */
	CHECK(stop_signal() == SIGTERM);
	stop_catch();    /* again: forgets what came */
	CHECK(stop_signal() == 0);
	raise(SIGHUP);
	CHECK(stop_signal() == SIGHUP);
	stop_release();
}

static void release_puts_back_what_was_there(void)
{
	struct sigaction before, after;
	sigaction(SIGINT, NULL, &before);
	stop_catch();
	struct sigaction during;
	sigaction(SIGINT, NULL, &during);
	CHECK(during.sa_handler != before.sa_handler);
	CHECK(!(during.sa_flags & SA_RESTART));  /* blocked reads must return */
	stop_release();
	stop_release();  /* twice is harmless */
	sigaction(SIGINT, NULL, &after);
	CHECK(after.sa_handler == before.sa_handler);
}

int main(void)
{
	RUN(a_signal_is_recorded);
	RUN(release_puts_back_what_was_there);
	return check_done();
}
