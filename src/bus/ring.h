/* ring.h - a single-producer single-consumer ring of events (after
 * ConcurrencyKit's ck_ring): the memory order of each access is stated
 * where it happens; waiting is the caller's policy (the bus's, bus.c).
 *
 * The producer and consumer indices live on separate cache lines, and each
 * side keeps a private copy of the other's index, so the fast path touches
 * the other side's line only when its copy says the ring looks full (the
 * producer) or empty (the consumer).  Indices count up forever; a slot is
 * index & mask.
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
    /* consumer's line */
    _Alignas(64) _Atomic uint64_t head; /* next slot to free; consumer stores */
    uint64_t tail_cache;                /* consumer-owned copy of tail */
    /* read-only after init */
    _Alignas(64) uint64_t mask;
    ps_event *slots; /* page-aligned, zero until written (ps_pages_alloc) */
    int own;         /* 1: ring_free unmaps the slots (ring_init); 0: the caller's */
} ring;

/* Zeroed anonymous memory that becomes resident only as it is written (not
 * calloc: MALLOC_PERTURB_, which meson test sets, makes calloc touch every
 * page).  Page-aligned.  NULL on failure. */
void *ps_pages_alloc(size_t bytes);
void ps_pages_free(void *p, size_t bytes);

/* capacity is rounded up to a power of two (at least 2).  0, or -1 on
 * ENOMEM.  The slots are never written here: a large ring costs resident
 * memory only as far as it has been used. */
int ring_init(ring *r, size_t capacity);
/* A ring over the caller's slots (capacity a power of two, at least 2),
 * which ring_free leaves alone: many small rings in one mapping (bus.c). */
void ring_init_in(ring *r, ps_event *slots, size_t capacity);
void ring_free(ring *r);

static inline size_t ring_capacity(const ring *r)
{
    return (size_t)r->mask + 1;
}

/* ---- producer ---- */

/* 1 if n more events fit (n <= capacity).  Looks at the consumer's head
 * only when the cached copy says they do not. */
static inline int ring_room(ring *r, size_t n)
{
    /* relaxed: only this producer writes tail. */
    uint64_t last = atomic_load_explicit(&r->tail, memory_order_relaxed) + n - 1;
    if (last - r->head_cache <= r->mask)
        return 1;
    /* acquire: the consumer finished reading the slots it freed. */
    r->head_cache = atomic_load_explicit(&r->head, memory_order_acquire);
    return last - r->head_cache <= r->mask;
}

/* ring_room with a fresh seq_cst load of the head, for a producer whose
 * preceding seq_cst store must not pass it (a Dekker pair: bus.c). */
static inline int ring_room_sc(ring *r, size_t n)
{
    uint64_t last = atomic_load_explicit(&r->tail, memory_order_relaxed) + n - 1;
    r->head_cache = atomic_load_explicit(&r->head, memory_order_seq_cst);
    return last - r->head_cache <= r->mask;
}

/* The slot the next commit publishes, or NULL if the ring is full. */
static inline ps_event *ring_reserve(ring *r)
{
    if (!ring_room(r, 1))
        return NULL;
    /* relaxed: only this producer writes tail. */
    return &r->slots[atomic_load_explicit(&r->tail, memory_order_relaxed) & r->mask];
}

/* Makes the reserved slot visible; returns the new tail.  release: the
 * slot's contents are visible before the tail that covers it. */
static inline uint64_t ring_commit(ring *r)
{
    uint64_t t = atomic_load_explicit(&r->tail, memory_order_relaxed) + 1;
    atomic_store_explicit(&r->tail, t, memory_order_release);
    return t;
}

/* The same as a seq_cst store, for a caller whose next load must not be
 * ordered before it (the bus's sleep handshake without membarrier). */
static inline uint64_t ring_commit_sc(ring *r)
{
    uint64_t t = atomic_load_explicit(&r->tail, memory_order_relaxed) + 1;
    atomic_store_explicit(&r->tail, t, memory_order_seq_cst);
    return t;
}

/* ---- consumer ---- */

/* The producer's tail now (events committed so far); refreshes the cached
 * copy.  acquire: pairs with ring_commit's release, so the slots below it
 * are readable. */
static inline uint64_t ring_tail(ring *r)
{
    r->tail_cache = atomic_load_explicit(&r->tail, memory_order_acquire);
    return r->tail_cache;
}

/* The slot of index pos (head <= pos < a tail the consumer read). */
static inline const ps_event *ring_slot(const ring *r, uint64_t pos)
{
    return &r->slots[pos & r->mask];
}

/* How many committed events are readable from *first on, without
 * wrapping (the consumer's simple path; the bus reads by index). */
size_t ring_peek(ring *r, const ps_event **first);

/* Frees every slot below pos.  seq_cst: the slots are free before the
 * producer can see the new head, and the store is ordered before a load the
 * caller makes next (the bus's Dekker pair with a waiting producer). */
static inline void ring_release_to(ring *r, uint64_t pos)
{
    atomic_store_explicit(&r->head, pos, memory_order_seq_cst);
}

/* The consumer's own head.  relaxed: only the consumer writes it. */
static inline uint64_t ring_head(const ring *r)
{
    return atomic_load_explicit(&((ring *)r)->head, memory_order_relaxed);
}

#endif
