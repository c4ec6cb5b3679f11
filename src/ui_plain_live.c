/* ui_plain_live — what the host and student halves of the live drill's
 * plain front end share; see ui_plain_live.h. */
#include "ui_plain_live.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

#include "text.h"

int ui_live_read_line(struct ui_live_lines *l, int ms, char **line)
{
	if (l->taken) {
		memmove(l->buf, l->buf + l->taken, l->len - l->taken);
		l->len -= l->taken;
		l->taken = 0;
	}
	for (int round = 0;; round++) {
		char *nl = l->len ? memchr(l->buf, '\n', l->len) : NULL;
		if (nl || (l->len && (l->eof || l->len == sizeof l->buf - 1))) {
			size_t n = nl ? (size_t)(nl - l->buf) : l->len;
			l->taken = nl ? n + 1 : n;
			l->buf[n] = '\0';
			if (memchr(l->buf, '\0', n))
				l->buf[0] = '\0';
			*line = text_trim(l->buf);
			return 1;
		}
		if (l->eof)
			return -1;
		if (round > 0)
			return 0;
		struct pollfd p = { .fd = l->fd, .events = POLLIN };
		int rc = poll(&p, 1, ms);
		if (rc <= 0)
			return 0;
		ssize_t got = read(l->fd, l->buf + l->len, sizeof l->buf - 1 - l->len);
		if (got < 0 && (errno == EINTR || errno == EAGAIN))
			return 0;
		if (got <= 0)
			l->eof = true;
		else
			l->len += (size_t)got;
	}
}
