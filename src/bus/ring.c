#include "ring.h"

#include <string.h>
#include <sys/mman.h>

void *ps_pages_alloc(size_t bytes)
{
    void *p = mmap(NULL, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    return p == MAP_FAILED ? NULL : p;
}

void ps_pages_free(void *p, size_t bytes)
{
    munmap(p, bytes);
}

int ring_init(ring *r, size_t capacity)
{
    size_t cap = 2;
    while (cap < capacity)
        cap <<= 1;
    memset(r, 0, sizeof(*r));
    r->slots = ps_pages_alloc(cap * sizeof(ps_event));
    if (!r->slots)
        return -1;
    r->mask = cap - 1;
    r->own = 1;
    atomic_init(&r->tail, 0);
    atomic_init(&r->head, 0);
    return 0;
}

void ring_init_in(ring *r, ps_event *slots, size_t capacity)
{
    memset(r, 0, sizeof(*r));
    r->slots = slots;
    r->mask = capacity - 1;
    atomic_init(&r->tail, 0);
    atomic_init(&r->head, 0);
}

void ring_free(ring *r)
{
    if (r->slots && r->own)
        ps_pages_free(r->slots, ring_capacity(r) * sizeof(ps_event));
    r->slots = NULL;
}

size_t ring_peek(ring *r, const ps_event **first)
{
    uint64_t head = ring_head(r);
    if (r->tail_cache == head)
        ring_tail(r);
    size_t n = (size_t)(r->tail_cache - head);
    size_t to_end = (size_t)(r->mask + 1 - (head & r->mask));
    *first = ring_slot(r, head);
    return n < to_end ? n : to_end;
}
