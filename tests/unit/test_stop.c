/* Unit tests of stop: the signals that end a quiz are recorded, not acted
 * on, and the previous actions come back. */
#include <signal.h>
#include <string.h>

#include "check.h"
#include "stop.h"

static void a_signal_is_recorded(void)
{
	stop_catch();
	CHECK(stop_signal() == 0);
	raise(SIGTERM);  /* would end the test program without the handler */
	CHECK(stop_signal() == SIGTERM);
	stop_catch();    /* again: keeps what came */
	CHECK(stop_signal() == SIGTERM);
	stop_forget();
	CHECK(stop_signal() == 0);
	raise(SIGHUP);
	CHECK(stop_signal() == SIGHUP);
	stop_release();
}

static void release_puts_back_what_was_there(void)
{
	struct sigaction before, after, dfl;
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;  /* not ignored, as in a background job */
	sigaction(SIGINT, &dfl, &before);
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

static void an_ignored_signal_stays_ignored(void)
{
	struct sigaction ign, was, during;
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &was);
	stop_forget();
	stop_init();
	sigaction(SIGINT, NULL, &during);
	CHECK(during.sa_handler == SIG_IGN);
	raise(SIGINT);
	CHECK(stop_signal() == 0);
	sigaction(SIGPIPE, NULL, &during);
	CHECK(during.sa_handler == SIG_IGN);
	raise(SIGTERM);  /* the others are caught all the same */
	CHECK(stop_signal() == SIGTERM);
	stop_release();
	sigaction(SIGINT, NULL, &during);
	CHECK(during.sa_handler == SIG_IGN);
	sigaction(SIGINT, &was, NULL);
	stop_forget();
}

int main(void)
{
	RUN(a_signal_is_recorded);
	RUN(release_puts_back_what_was_there);
	RUN(an_ignored_signal_stays_ignored);
	return check_done();
}
