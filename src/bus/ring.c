#include "ring.h"

#include <string.h>
#include <sys/mman.h>

#include "sync/clock.h"
#include "sync/futex.h"

enum { RING_SPINS = 256 };

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
    atomic_init(&r->tail, 0);
    atomic_init(&r->head, 0);
    atomic_init(&r->waiting, 0);
    atomic_init(&r->space_gen, 0);
    atomic_init(&r->blocked_ns, 0);
    atomic_init(&r->blocked_count, 0);
    return 0;
}

void ring_free(ring *r)
{
    if (r->slots)
        ps_pages_free(r->slots, (size_t)(r->mask + 1) * sizeof(ps_event));
    r->slots = NULL;
}

size_t ring_capacity(const ring *r)
{
    return (size_t)r->mask + 1;
}

/* Slow path: the ring is full.  Spin briefly, then park on space_gen. */
void ring_wait_room(ring *r, uint64_t tail)
{
    uint64_t t0 = clock_now_ns();
    for (int i = 0;; i++) {
        /* acquire: the consumer finished reading the slots it released. */
        r->head_cache = atomic_load_explicit(&r->head, memory_order_acquire);
        if (tail - r->head_cache <= r->mask)
            break;
        if (i < RING_SPINS)
            continue;
        /* relaxed: read before announcing; a change after it fails the futex. */
        uint32_t gen = atomic_load_explicit(&r->space_gen, memory_order_relaxed);
        /* seq_cst: orders this store before the head re-check (Dekker with
         * ring_release's head store and waiting load). */
        atomic_store_explicit(&r->waiting, 1, memory_order_seq_cst);
        if (tail - atomic_load_explicit(&r->head, memory_order_seq_cst) > r->mask)
            futex_wait(&r->space_gen, gen, 0);
        atomic_store_explicit(&r->waiting, 0, memory_order_relaxed); /* hint only */
    }
    /* relaxed: statistics, read only for reports. */
    atomic_fetch_add_explicit(&r->blocked_ns, clock_now_ns() - t0, memory_order_relaxed);
    atomic_fetch_add_explicit(&r->blocked_count, 1, memory_order_relaxed);
}

size_t ring_peek(ring *r, ps_event **first)
{
    /* relaxed: only the consumer writes head. */
    uint64_t head = atomic_load_explicit(&r->head, memory_order_relaxed);
    if (r->tail_cache == head)
        /* acquire: pairs with ring_commit's release. */
        r->tail_cache = atomic_load_explicit(&r->tail, memory_order_acquire);
    size_t n = (size_t)(r->tail_cache - head);
    size_t to_end = (size_t)(r->mask + 1 - (head & r->mask));
    *first = &r->slots[head & r->mask];
    return n < to_end ? n : to_end;
}

void ring_release(ring *r, size_t n)
{
    if (!n)
        return;
    uint64_t head = atomic_load_explicit(&r->head, memory_order_relaxed);
    /* seq_cst: the slots are free before the producer sees the new head,
     * and the store is ordered before the waiting load below (Dekker). */
    atomic_store_explicit(&r->head, head + n, memory_order_seq_cst);
    if (atomic_load_explicit(&r->waiting, memory_order_seq_cst)) {
        /* relaxed: the futex word only needs to change. */
        atomic_fetch_add_explicit(&r->space_gen, 1, memory_order_relaxed);
        futex_wake(&r->space_gen, 1);
    }
}
