/* outfile.h - an export written whole or not at all.
 *
 * A regular file (or a new one) is written to a temporary file beside it and
 * renamed over it only when every write succeeded, so a failed export never
 * leaves half a file where a good one was.  A path that exists and is not a
 * regular file (/dev/null, /dev/full, a FIFO) is written directly: nothing
 * can be renamed over a device, and nothing is lost there either.
 */
#ifndef PS_OUTFILE_H
#define PS_OUTFILE_H

#include <stdio.h>

typedef struct outfile {
    FILE *f;
    char path[4096]; /* where it goes */
    char tmp[4096];  /* where it is written, or "" when written directly */
} outfile;

/* 0 and of->f open for writing, or -1 with errno set. */
int outfile_open(outfile *of, const char *path);
/* Closes; with ok, the file takes its place (0), else it is removed.  -1
 * with errno when a write, the close or the rename failed. */
int outfile_close(outfile *of, int ok);

#endif
