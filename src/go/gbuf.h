/* gbuf.h - a growable byte buffer for the Go library's text output.
 *
 * fmt and strconv build their results here; the evaluator copies the bytes
 * into a Go string (gor_str).  malloc-based and owned by one thread.  A
 * failed allocation does not abort: the buffer keeps what it had, sets
 * failed and drops later appends, so the caller checks failed once at the
 * end (the evaluator turns it into its out-of-memory exit).
 */
#ifndef PS_GO_GBUF_H
#define PS_GO_GBUF_H

#include <stddef.h>
#include <stdint.h>

typedef struct gbuf {
    char *p;
    size_t len, cap;
    int failed;
} gbuf;

#define GBUF_INIT                                                                                  \
    {                                                                                              \
        0                                                                                          \
    }

void gbuf_init(gbuf *b);
void gbuf_free(gbuf *b);
/* Empties the buffer, keeping its memory. */
void gbuf_reset(gbuf *b);
/* Room for n more bytes; 0 on success, -1 (and failed) otherwise. */
int gbuf_reserve(gbuf *b, size_t n);
void gbuf_put(gbuf *b, const char *p, size_t n);
void gbuf_puts(gbuf *b, const char *s);
void gbuf_putc(gbuf *b, char c);
/* n copies of byte c. */
void gbuf_fill(gbuf *b, char c, size_t n);
/* A rune in UTF-8 (invalid runes as U+FFFD, as Go's utf8.EncodeRune). */
void gbuf_put_rune(gbuf *b, int32_t r);
/* Truncates to len bytes (len <= b->len). */
void gbuf_truncate(gbuf *b, size_t len);
/* The bytes, NUL-terminated (never NULL: "" for an empty buffer). */
const char *gbuf_cstr(gbuf *b);

#endif
