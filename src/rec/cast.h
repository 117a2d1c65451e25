/* cast.h - an asciicast v2 writer (the format asciinema plays).
 *
 * Line 1 is the header object; every later line is [time, code, data] with
 * code "o" (bytes written to the terminal) or "m" (a marker, a label to
 * jump to).  Times are seconds from the start and never decrease: a time
 * earlier than the last one written is written as the last one.
 */
#ifndef PS_CAST_H
#define PS_CAST_H

#include <stddef.h>

typedef struct cast_writer cast_writer;

/* NULL with a message in err if path cannot be created. */
cast_writer *cast_open(const char *path, int width, int height, const char *title, char *err,
                       size_t len);
/* n bytes of terminal output at t s (split UTF-8 sequences are replaced:
 * hand over whole characters). */
void cast_output(cast_writer *c, double t, const char *data, size_t n);
void cast_marker(cast_writer *c, double t, const char *label);
/* Closes and frees c; the file takes its place only if ok and every write succeeded
 * (outfile.h).  0, or -1 with a message. */
int cast_close(cast_writer *c, int ok, char *err, size_t len);

#endif
