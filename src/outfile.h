/* outfile — replacing a whole file safely, for the reports recall writes.
 *
 * A path that is a symbolic link stands for the file it points to (through
 * any number of links, up to 40): that file is replaced and the link stays.
 * Only a regular file that may be written is ever replaced; a folder, a
 * device, a FIFO or a read-only file is refused, and so is a path whose
 * folder does not exist or may not be written in.
 *
 * outfile_check says all of that before any work is done, so that a long
 * quiz does not end in a report that cannot be written.  outfile_replace
 * writes to a temporary file in the target's folder, syncs it, and renames
 * it over the target: a reader sees the old file or the new one, never half
 * of one.  A replaced file keeps its permissions; a new one gets 0666 less
 * the umask.
 *
 * All return 0, or -1 with a message naming the path (escaped) in err.
 */
#ifndef RECALL_OUTFILE_H
#define RECALL_OUTFILE_H

#include <stddef.h>

int outfile_check(const char *path, char *err, size_t errsize);
int outfile_replace(const char *path, const char *text, size_t len, char *err, size_t errsize);

/* The same for a file that must be new: nothing at all may be at path (a
 * symbolic link, even one that leads nowhere, counts), and none is ever
 * replaced, even one that appears while the text is written (the new file
 * is written aside, then linked to its name, which fails if the name is
 * taken). */
int outfile_check_new(const char *path, char *err, size_t errsize);
int outfile_create(const char *path, const char *text, size_t len, char *err, size_t errsize);

#endif
