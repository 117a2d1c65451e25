/* arena.h - bump allocation for one program's syntax tree and types.
 *
 * Everything the front end builds lives as long as the program, so it is
 * allocated from large chunks and freed at once.  The arena has a byte
 * limit: a hostile source cannot make the checker exhaust memory; the
 * first allocation past it fails and the caller reports the limit.
 */
#ifndef PS_GO_ARENA_H
#define PS_GO_ARENA_H

#include <stddef.h>

typedef struct go_arena {
    struct go_chunk *chunks;
    char *p, *end;
    size_t used, limit;
    int failed; /* 1 once an allocation went past the limit */
} go_arena;

void arena_init(go_arena *a, size_t limit);
void arena_free(go_arena *a);
/* Zeroed memory, aligned to 16; NULL (and a->failed) past the limit. */
void *arena_alloc(go_arena *a, size_t n);
/* A NUL-terminated copy of n bytes. */
char *arena_strndup(go_arena *a, const char *s, size_t n);

#endif
