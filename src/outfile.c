/* outfile — replacing a whole file safely; see outfile.h. */
#include "outfile.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

#define MAX_LINKS 40

/* The file path stands for: path itself, or the end of its chain of
 * symbolic links (which need not exist).  NULL with a message in err. */
static char *resolve(const char *path, char *err, size_t errsize)
{
	char name[256];
	char *cur = strdup(path);
	for (int hops = 0; cur; hops++) {
		struct stat st;
		if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
			return cur;
		char link[4096];
		ssize_t n = hops < MAX_LINKS ? readlink(cur, link, sizeof link - 1) : -1;
		if (n < 0) {
			snprintf(err, errsize, "cannot write '%s': %s",
			         text_escape_into(path, false, name, sizeof name),
			         strerror(hops < MAX_LINKS ? errno : ELOOP));
			free(cur);
			return NULL;
		}
		link[n] = '\0';
		/* A relative link is relative to the folder holding it. */
		const char *slash = strrchr(cur, '/');
		size_t dirlen = link[0] == '/' || !slash ? 0 : (size_t)(slash - cur) + 1;
		char *next = malloc(dirlen + (size_t)n + 1);
		if (next) {
			memcpy(next, cur, dirlen);
			memcpy(next + dirlen, link, (size_t)n + 1);
		}
		free(cur);
		cur = next;
	}
	snprintf(err, errsize, "out of memory");
	return NULL;
}

/* The folder of target, as a new string ("." for a bare name). */
static char *folder_of(const char *target)
{
	const char *slash = strrchr(target, '/');
	if (!slash)
		return strdup(".");
	size_t n = slash == target ? 1 : (size_t)(slash - target);
	char *d = malloc(n + 1);
	if (d) {
		memcpy(d, target, n);
		d[n] = '\0';
	}
	return d;
}

/* Checks that target may be replaced, as path (its name on the command
 * line) stands for it.  Sets *exists and, when it exists, *st. */
static int check_target(const char *path, const char *target, struct stat *st, bool *exists,
                        char *err, size_t errsize)
{
	char name[256], tname[256], dname[256];
	text_escape_into(path, false, name, sizeof name);
	text_escape_into(target, false, tname, sizeof tname);
	const char *why = NULL;
	*exists = stat(target, st) == 0;
	if (*exists) {
		if (S_ISDIR(st->st_mode))
			why = "it is a folder";
		else if (!S_ISREG(st->st_mode))
			why = "not a regular file";
		else if ((st->st_mode & 0222) == 0 || access(target, W_OK) != 0)
			why = "the file is read-only";
	} else if (errno != ENOENT) {
		why = strerror(errno);
	}
	char *dir = why ? NULL : folder_of(target);
	if (!why && !dir)
		why = "out of memory";
	if (dir) {
		struct stat ds;
		text_escape_into(dir, false, dname, sizeof dname);
		if (stat(dir, &ds) != 0 || !S_ISDIR(ds.st_mode)) {
			snprintf(err, errsize, "cannot write '%s': the folder '%s' does not exist", name, dname);
			free(dir);
			return -1;
		}
		if (access(dir, W_OK | X_OK) != 0) {
			snprintf(err, errsize, "cannot write '%s': no permission to write in the folder '%s'",
			         name, dname);
			free(dir);
			return -1;
		}
		free(dir);
	}
	if (!why)
		return 0;
	if (strcmp(path, target) != 0)
		snprintf(err, errsize, "cannot write '%s' (a link to '%s'): %s", name, tname, why);
	else
		snprintf(err, errsize, "cannot write '%s': %s", name, why);
	return -1;
}

int outfile_check(const char *path, char *err, size_t errsize)
{
	char *target = resolve(path, err, errsize);
	if (!target)
		return -1;
	struct stat st;
	bool exists;
	int rc = check_target(path, target, &st, &exists, err, errsize);
	free(target);
	return rc;
}

static int write_all(int fd, const char *p, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, p, len);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			return -1;
		p += n;
		len -= (size_t)n;
	}
	return 0;
}

/* Makes a rename in dir last; a failure there is not the writer's to fix. */
static void sync_folder(const char *target)
{
	char *dir = folder_of(target);
	int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	free(dir);
}

/* Writes text to a new temporary file in target's folder, with mode,
 * synced; its name in *tmp (the caller frees it, and unlinks the file
 * unless it renames it).  name is the path as given, for messages. */
static int write_temp(const char *target, const char *name, mode_t mode, const char *text, size_t len,
                      char **tmp, char *err, size_t errsize)
{
	size_t n = strlen(target);
	*tmp = malloc(n + 16);
	if (!*tmp) {
		snprintf(err, errsize, "out of memory");
		return -1;
	}
	snprintf(*tmp, n + 16, "%s.tmp.XXXXXX", target);
	int fd = mkstemp(*tmp);
	if (fd < 0) {
		snprintf(err, errsize, "cannot write '%s': %s", name, strerror(errno));
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	if (fchmod(fd, mode) != 0 || write_all(fd, text, len) != 0 || fsync(fd) != 0) {
		snprintf(err, errsize, "cannot write '%s': %s", name, strerror(errno));
		close(fd);
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	if (close(fd) != 0) {
		snprintf(err, errsize, "cannot write '%s': %s", name, strerror(errno));
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return -1;
	}
	return 0;
}

/* The mode a new file gets: 0666 less the umask. */
static mode_t new_mode(void)
{
	mode_t mask = umask(0);
	umask(mask);
	return 0666 & ~mask;
}

int outfile_replace(const char *path, const char *text, size_t len, char *err, size_t errsize)
{
	char *target = resolve(path, err, errsize);
	if (!target)
		return -1;
	struct stat st;
	bool exists;
	if (check_target(path, target, &st, &exists, err, errsize) != 0) {
		free(target);
		return -1;
	}
	char name[256];
	text_escape_into(path, false, name, sizeof name);
	char *tmp = NULL;
	int rc = -1;
	if (write_temp(target, name, exists ? st.st_mode & 07777 : new_mode(), text, len, &tmp, err, errsize) != 0)
		goto out;
	if (rename(tmp, target) != 0) {
		snprintf(err, errsize, "cannot write '%s': %s", name, strerror(errno));
		unlink(tmp);
		goto out;
	}
	sync_folder(target);
	rc = 0;
out:
	free(tmp);
	free(target);
	return rc;
}

/* The message for a path that is there already (a file, a folder, a link
 * even to nothing). */
static void exists_already(const char *path, char *err, size_t errsize)
{
	char name[256];
	struct stat st;
	text_escape_into(path, false, name, sizeof name);
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		snprintf(err, errsize, "cannot write '%s': it is a folder", name);
	else
		snprintf(err, errsize, "'%s' exists already", name);
}

int outfile_check_new(const char *path, char *err, size_t errsize)
{
	struct stat st;
	if (lstat(path, &st) == 0) {
		exists_already(path, err, errsize);
		return -1;
	}
	return outfile_check(path, err, errsize);
}

int outfile_create(const char *path, const char *text, size_t len, char *err, size_t errsize)
{
	if (outfile_check_new(path, err, errsize) != 0)
		return -1;
	char name[256];
	text_escape_into(path, false, name, sizeof name);
	char *tmp = NULL;
	if (write_temp(path, name, new_mode(), text, len, &tmp, err, errsize) != 0)
		return -1;
	/* A hard link fails if anything, even a dangling link, took the name
	 * since the check: the new file never replaces one. */
	int rc = 0;
	if (link(tmp, path) != 0) {
		if (errno == EEXIST)
			exists_already(path, err, errsize);
		else
			snprintf(err, errsize, "cannot write '%s': %s", name, strerror(errno));
		rc = -1;
	}
	unlink(tmp);
	free(tmp);
	if (rc == 0)
		sync_folder(path);
	return rc;
}
