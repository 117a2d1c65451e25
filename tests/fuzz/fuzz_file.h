/* fuzz_file.h - the input as a file, for the targets whose code under test
 * opens a path (--replay FILE, --scenario FILE). */
#ifndef PS_FUZZ_FILE_H
#define PS_FUZZ_FILE_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char fuzz_file_path[96];

static void fuzz_file_remove(void)
{
    unlink(fuzz_file_path);
}

/* Writes data to /tmp/poolscope-fuzz-PID-TAG.EXT (the same path for every
 * input of this process); the path, or NULL if it cannot be written. */
static inline const char *fuzz_file(const char *tag, const char *ext, const uint8_t *data,
                                    size_t size)
{
    char *path = fuzz_file_path;
    if (!path[0]) /* the file goes when the process does */
        atexit(fuzz_file_remove);
    snprintf(path, sizeof fuzz_file_path, "/tmp/poolscope-fuzz-%ld-%s.%s", (long)getpid(), tag,
             ext);
    FILE *f = fopen(path, "wb");
    if (!f)
        return NULL;
    size_t put = fwrite(data, 1, size, f);
    return fclose(f) == 0 && put == size ? path : NULL;
}

#endif
