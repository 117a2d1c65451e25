#include "arena.h"

#include <stdlib.h>
#include <string.h>

struct go_chunk {
    struct go_chunk *next;
    size_t size;
    _Alignas(16) char data[];
};

enum { ARENA_CHUNK = 1 << 16 };

void arena_init(go_arena *a, size_t limit)
{
    memset(a, 0, sizeof *a);
    a->limit = limit;
}

void arena_free(go_arena *a)
{
    struct go_chunk *c = a->chunks;
    while (c) {
        struct go_chunk *n = c->next;
        free(c);
        c = n;
    }
    a->chunks = NULL;
    a->p = a->end = NULL;
}

void *arena_alloc(go_arena *a, size_t n)
{
    n = (n + 15) & ~(size_t)15;
    if (n > (size_t)(a->end - a->p)) {
        size_t size = n > ARENA_CHUNK ? n : ARENA_CHUNK;
        if (a->used + size > a->limit) {
            a->failed = 1;
            return NULL;
        }
        struct go_chunk *c = malloc(sizeof *c + size);
        if (!c) {
            a->failed = 1;
            return NULL;
        }
        c->next = a->chunks;
        c->size = size;
        a->chunks = c;
        a->p = c->data;
        a->end = c->data + size;
        a->used += size;
    }
    void *r = a->p;
    a->p += n;
    memset(r, 0, n);
    return r;
}

char *arena_strndup(go_arena *a, const char *s, size_t n)
{
    char *r = arena_alloc(a, n + 1);
    if (r)
        memcpy(r, s, n);
    return r;
}
