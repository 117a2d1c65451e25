/* ring.h - single-producer single-consumer ring of events.
 *
 * Each publishing thread owns one ring; the bus (bus.h) merges them.  The
 * producer and consumer indices live on separate cache lines, and each side
 * keeps a private copy of the other's index so the fast path touches a
 * shared line only when its cached view says the ring looks full or empty.
 */
#ifndef PS_RING_H
#define PS_RING_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "event.h"

typedef struct ring {
    /* producer's line */
    _Alignas(64) _Atomic uint64_t tail; /* next slot to write; producer stores */
    uint64_t head_cache;                /* producer-owned copy of head */
    uint64_t min_key;                   /* producer-owned: least rt_ns the next publish may carry */
    _Atomic uint32_t waiting;           /* producer parked on a full ring */
    _Atomic uint64_t blocked_ns;        /* producer time spent waiting for room */
    _Atomic uint64_t blocked_count;     /* how many publishes had to wait */
    /* consumer's line */
    _Alignas(64) _Atomic uint64_t head; /* next slot to read; consumer stores */
    uint64_t tail_cache;                /* consumer-owned copy of tail */
    uint64_t seen;                      /* consumer-owned: tail_cache one look earlier */
    uint64_t pos;                       /* consumer-owned: next to deliver (head until released) */
    _Atomic uint32_t space_gen;         /* futex word the producer sleeps on */
    /* read-only after init */
    _Alignas(64) uint64_t mask;
    ps_event *slots; /* page-aligned, zero until written (ps_pages_alloc) */
} ring;

/* Zeroed anonymous memory that becomes resident only as it is written (not
 * calloc: MALLOC_PERTURB_, which meson test sets, makes calloc touch every
 * page).  Page-aligned.  NULL on failure. */
void *ps_pages_alloc(size_t bytes);
void ps_pages_free(void *p, size_t bytes);

/* capacity is rounded up to a power of two (at least 2). 0 or -1 on ENOMEM.
 * The slots are never written here: a large ring costs resident memory only
 * as far as it has been used. */
int ring_init(ring *r, size_t capacity);
void ring_free(ring *r);

/* Producer slow path of ring_reserve: waits (brief spin, then park) until
 * the slot at tail is free. */
void ring_wait_room(ring *r, uint64_t tail);

/* Producer: a free slot to fill, waiting (brief spin, then park) while full.
 * Inline: it is on every publish, and a call into ring.c costs as much as
 * the fast path itself. */
static inline ps_event *ring_reserve(ring *r)
{
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    if (tail - r->head_cache > r->mask)
        ring_wait_room(r, tail);
    return &r->slots[tail & r->mask];
}

/* Producer: makes the slot from ring_reserve visible to the consumer. */
static inline void ring_commit(ring *r)
{
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    /* release: the slot's contents are visible before the new tail. */
    atomic_store_explicit(&r->tail, tail + 1, memory_order_release);
}

/* Consumer: how many events are readable; *first is the oldest. */
size_t ring_peek(ring *r, ps_event **first);
/* Consumer: the n oldest events are consumed; wakes a producer that waits. */
void ring_release(ring *r, size_t n);
size_t ring_capacity(const ring *r);

#endif
