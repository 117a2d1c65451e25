#include "bus.h"

#include <linux/membarrier.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "ring.h"
#include "sync/clock.h"
#include "sync/cpu.h"
#include "sync/futex.h"
#include "sync/lock.h"

/* A ring in the merge: the key of its head event, and which ring. */
struct bus_head {
    uint64_t key;
    int ring;
};

enum { BUS_SPINS = 256 }; /* looks at a full ring before its producer sleeps */

/* One producer's lane: its ring, and the bus's own state around it (the
 * key rule, the wait for room, the listing, the merge), each on the line of
 * its owner. */
typedef struct bus_lane {
    ring r;
    /* producer-owned */
    _Alignas(64) uint64_t min_key; /* least rt_ns the next publish may carry */
    /* Rarely written: read by the producer at every publish (listed) and by
     * the consumer at a release (waiting) or on an idle lane (closed). */
    _Alignas(64) _Atomic uint32_t listed; /* 1: in the consumer's looks (see bus_announce) */
    _Atomic uint32_t closed;              /* the producer is gone (bus_close) */
    _Atomic uint32_t waiting;             /* the producer sleeps for room (Dekker with release) */
    _Atomic uint64_t blocked_ns;          /* time the producer spent waiting for room */
    _Atomic uint64_t blocked_count;
    /* consumer-owned */
    _Alignas(64) uint64_t view; /* the tail as of the latest look */
    uint64_t seen;              /* the tail as of the look before: deliverable up to here */
    uint64_t pos;               /* next to deliver (the ring's head until released) */
    int in_list;                /* in b->live: looked at by every look */
    int index;                  /* read-only: its number */
    _Atomic uint32_t space_gen; /* futex word the producer sleeps on */
} bus_lane;

/* Dynamic lanes are made 64 at a time, structs and slots in one mapping. */
enum { BUS_CHUNK = 64 };

struct bus {
    /* Read by every publish, written only when the consumer falls asleep or
     * wakes: the line stays shared in every core's cache. */
    _Alignas(64) _Atomic uint32_t sleeping;
    int heavy; /* read-only after bus_create: membarrier() is available */
    _Alignas(64) _Atomic uint32_t wake_gen; /* futex word the consumer sleeps on */
    /* consumer-owned */
    _Alignas(64) uint64_t next; /* events delivered = the next delivery number */
    uint64_t wait_next;         /* 'next' when bus_wait was last called */
    uint32_t wait_gen;          /* wake_gen when bus_wait last looked at it */
    struct bus_head *heap;      /* rings with visible events, a min-heap by head */
    int *live;                  /* the lanes every look reads: the static ones first */
    int n_live;
    int *drop; /* bus_drop_begin's candidates */
    /* read-only after bus_create */
    int n_static;       /* lanes 0..n_static-1: always open, always listed */
    int n_max;          /* every lane there can be: static + dynamic */
    size_t dyn_cap;     /* a dynamic lane's ring capacity */
    size_t chunk_bytes; /* one chunk's mapping */
    /* lp[i] is lane i, written under lanes_mu before the lane is first handed
     * out (bus_open), so it happens-before any use by its producer and, via
     * the announcement, by the consumer. */
    bus_lane **lp;
    _Atomic uint64_t *bits; /* announced lanes, a bit each (bus_announce) */
    int n_words;
    bus_lane *statics;
    /* under lanes_mu */
    _Alignas(64) ps_lock lanes_mu;
    int n_made; /* dynamic lanes made so far: n_static..n_static+n_made-1 */
    int *free;  /* retired lanes, ready for a new producer */
    int n_free;
    int waiters; /* threads waiting in bus_open for a lane */
    void **chunks;
    _Atomic uint32_t free_gen; /* futex word bus_open waits on; changed under lanes_mu */
};

/* The sleep handshake is a store-buffering pair: a producer stores its tail
 * then loads 'sleeping'; the consumer stores 'sleeping' then loads the tails.
 * Each side needs a full barrier between its store and its load.  With
 * membarrier(2) the consumer, which sleeps rarely, pays for both: it forces
 * a barrier on every running thread of the process, so the producers' side
 * shrinks to a compiler barrier (the technique of liburcu and folly).
 * Without it (old kernels, seccomp, valgrind) producers pay a seq_cst store. */
static int bus_heavy_ok;
static pthread_once_t bus_heavy_once = PTHREAD_ONCE_INIT;

static void bus_heavy_register(void)
{
    const char *off = getenv("PS_BUS_NO_MEMBARRIER"); /* tests the fallback */
    if (off && *off)
        return;
    long cmds = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    if (cmds > 0 && (cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
        syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0)
        bus_heavy_ok = 1;
}

/* The consumer's half of the handshake: the seq_cst store of 'sleeping' in
 * bus_wait, this, then seq_cst loads of the tails. */
static void bus_heavy_fence(const bus *b)
{
    if (b->heavy)
        syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
}

/* Listing.  The consumer looks only at the lanes in its list (b->live), so
 * that 10 000 goroutines blocked with nothing to say cost it nothing.  A
 * lane leaves the list when it is idle (bus_drop_*): the consumer stores
 * 'listed' = 0, then (after a full barrier) reads its tail once more and
 * keeps it if an event came.  A producer reads 'listed' after each commit
 * and, if it is 0, announces the lane: 'listed' = 1 and its bit in b->bits,
 * which every look collects first.  The same store-buffering pair as the
 * sleep (the consumer: store listed, barrier, load tail; the producer:
 * store tail, barrier, load listed), so either the consumer sees the new
 * tail or the producer sees 0 and announces; never neither.  Static lanes
 * stay listed.  Why the two looks still hold: an event B first seen at look
 * k was committed after its predecessors, and each predecessor's producer
 * read 'listed' (and announced) before it let B's happen; look k+1 starts
 * by collecting the bits, after the acquire that saw B, so it reads every
 * lane that holds one. */
static void bus_announce(bus *b, bus_lane *l)
{
    /* relaxed: only the consumer sets it back to 0, after it collected the
     * bit below, which this store precedes. */
    atomic_store_explicit(&l->listed, 1, memory_order_relaxed);
    /* release: the lane (lp[i], its slots) is visible to the consumer that
     * collects the bit; seq_cst without membarrier (the pair with sleep). */
    atomic_fetch_or_explicit(&b->bits[l->index / 64], (uint64_t)1 << (l->index % 64),
                             b->heavy ? memory_order_release : memory_order_seq_cst);
}

/* The producers' half: commit the slot, then read 'listed' and 'sleeping'.
 * With membarrier a compiler barrier keeps the store before the loads;
 * without it all are seq_cst, which forbids the store-buffering outcome. */
static inline int bus_commit(bus *b, bus_lane *l)
{
    if (b->heavy) {
        ring_commit(&l->r); /* release */
        atomic_signal_fence(memory_order_seq_cst);
        /* relaxed: the consumer's membarrier orders them after the store. */
        if (!atomic_load_explicit(&l->listed, memory_order_relaxed))
            bus_announce(b, l);
        return atomic_load_explicit(&b->sleeping, memory_order_relaxed);
    }
    /* seq_cst: a store and loads in the single total order (see above). */
    ring_commit_sc(&l->r);
    if (!atomic_load_explicit(&l->listed, memory_order_seq_cst))
        bus_announce(b, l);
    return atomic_load_explicit(&b->sleeping, memory_order_seq_cst);
}

static size_t pow2_at_least(size_t n)
{
    size_t c = 2;
    while (c < n)
        c <<= 1;
    return c;
}

/* A lane's own fields (its ring is set up by the caller). */
static void lane_init(bus_lane *l, int index, int listed)
{
    l->index = index;
    atomic_init(&l->listed, (uint32_t)listed);
    atomic_init(&l->closed, 0);
    atomic_init(&l->waiting, 0);
    atomic_init(&l->space_gen, 0);
    atomic_init(&l->blocked_ns, 0);
    atomic_init(&l->blocked_count, 0);
}

static int bus_alloc(bus *b, int n_static, int max_dynamic)
{
    size_t n = (size_t)n_static + (size_t)max_dynamic;
    b->n_words = max_dynamic ? (int)((n + 63) / 64) : 0;
    b->heap = malloc(n * sizeof(*b->heap));
    b->live = malloc(n * sizeof(int));
    b->drop = malloc(n * sizeof(int));
    b->lp = calloc(n, sizeof(*b->lp));
    b->free = malloc((size_t)(max_dynamic ? max_dynamic : 1) * sizeof(int));
    b->chunks = calloc((size_t)max_dynamic / BUS_CHUNK + 1, sizeof(void *));
    b->bits = calloc((size_t)b->n_words + 1, sizeof(*b->bits));
    b->statics = aligned_alloc(64, (size_t)n_static * sizeof(bus_lane));
    return b->heap && b->live && b->drop && b->lp && b->free && b->chunks && b->bits && b->statics
               ? 0
               : -1;
}

bus *bus_create_lanes(int n_static, size_t static_cap, int max_dynamic, size_t dynamic_cap)
{
    if (n_static < 1 || max_dynamic < 0)
        return NULL;
    pthread_once(&bus_heavy_once, bus_heavy_register);
    bus *b = aligned_alloc(64, sizeof(bus));
    if (!b)
        return NULL;
    memset(b, 0, sizeof(bus));
    atomic_init(&b->sleeping, 0);
    atomic_init(&b->wake_gen, 0);
    atomic_init(&b->free_gen, 0);
    ps_lock_init(&b->lanes_mu);
    b->heavy = bus_heavy_ok;
    b->n_static = n_static;
    b->n_max = n_static + max_dynamic;
    b->dyn_cap = pow2_at_least(dynamic_cap);
    b->chunk_bytes = BUS_CHUNK * (sizeof(bus_lane) + b->dyn_cap * sizeof(ps_event));
    int ok = bus_alloc(b, n_static, max_dynamic) == 0;
    for (int i = 0; ok && i < n_static; i++) {
        bus_lane *l = &b->statics[i];
        memset(l, 0, sizeof(*l));
        if (ring_init(&l->r, static_cap) != 0)
            ok = 0;
        lane_init(l, i, 1);
        l->in_list = 1;
        b->lp[i] = l;
        b->live[b->n_live++] = i;
    }
    if (!ok) {
        bus_destroy(b);
        return NULL;
    }
    return b;
}

bus *bus_create(int n_producers, size_t ring_capacity)
{
    return bus_create_lanes(n_producers, ring_capacity, 0, 0);
}

void bus_destroy(bus *b)
{
    if (!b)
        return;
    for (int i = 0; b->lp && i < b->n_static; i++)
        if (b->lp[i])
            ring_free(&b->lp[i]->r);
    for (int c = 0; b->chunks && c * BUS_CHUNK < b->n_made; c++)
        ps_pages_free(b->chunks[c], b->chunk_bytes);
    free(b->heap);
    free(b->live);
    free(b->drop);
    free(b->lp);
    free(b->free);
    free(b->chunks);
    free(b->bits);
    free(b->statics);
    free(b);
}

/* Under lanes_mu: a new dynamic lane (a new chunk every BUS_CHUNK), or -1. */
static int lane_make(bus *b)
{
    int k = b->n_made, c = k / BUS_CHUNK;
    if (b->n_static + k >= b->n_max)
        return -1;
    if (k % BUS_CHUNK == 0 && !(b->chunks[c] = ps_pages_alloc(b->chunk_bytes)))
        return -1;
    char *base = b->chunks[c];
    bus_lane *l = (bus_lane *)(void *)base + k % BUS_CHUNK;
    ps_event *slots = (ps_event *)(void *)(base + BUS_CHUNK * sizeof(bus_lane)) +
                      (size_t)(k % BUS_CHUNK) * b->dyn_cap;
    ring_init_in(&l->r, slots, b->dyn_cap); /* the mapping is zero: the rest is too */
    lane_init(l, b->n_static + k, 0);
    b->lp[b->n_static + k] = l;
    b->n_made++;
    return b->n_static + k;
}

int bus_open(bus *b)
{
    int i = -1;
    ps_lock_acquire(&b->lanes_mu);
    while (b->n_max > b->n_static) {
        if (b->n_free) {
            i = b->free[--b->n_free];
            break;
        }
        if ((i = lane_make(b)) >= 0 || b->n_static + b->n_made < b->n_max)
            break; /* made one, or out of memory */
        /* every lane is in use: the consumer retires one once drained */
        b->waiters++;
        /* relaxed: read under lanes_mu, where bus_retire changes it */
        uint32_t gen = atomic_load_explicit(&b->free_gen, memory_order_relaxed);
        ps_lock_release(&b->lanes_mu);
        bus_kick(b);
        futex_wait(&b->free_gen, gen, 10000000u);
        ps_lock_acquire(&b->lanes_mu);
        b->waiters--;
    }
    ps_lock_release(&b->lanes_mu);
    return i;
}

void bus_close(bus *b, int p)
{
    bus_lane *l = b->lp[p];
    if (p < b->n_static)
        return;
    /* release: every event committed before is visible with it. */
    atomic_store_explicit(&l->closed, 1, memory_order_release);
    /* Always announced (not only when unlisted): after 'closed' the lane is
     * the consumer's, and 'listed' is no longer ours to write.  A late bit
     * on a lane retired and reused meanwhile costs one empty look. */
    atomic_fetch_or_explicit(&b->bits[p / 64], (uint64_t)1 << (p % 64),
                             b->heavy ? memory_order_release : memory_order_seq_cst);
    if (b->heavy)
        atomic_signal_fence(memory_order_seq_cst);
    /* relaxed with membarrier, seq_cst without: the pair with the sleep. */
    if (atomic_load_explicit(&b->sleeping, b->heavy ? memory_order_relaxed : memory_order_seq_cst))
        bus_kick(b);
}

/* Producer slow path: lane l lacks room for n events.  A napping consumer
 * (see bus_wait) is not flagged as sleeping, so it is kicked here rather
 * than after its nap; then a brief spin, then a sleep on space_gen. */
static void bus_wait_room(bus *b, bus_lane *l, size_t n)
{
    uint64_t t0 = clock_now_ns();
    bus_kick(b);
    for (int i = 0; !ring_room(&l->r, n); i++) {
        if (i < BUS_SPINS) {
            cpu_relax();
            continue;
        }
        /* relaxed: read before announcing; a change after it fails the futex. */
        uint32_t gen = atomic_load_explicit(&l->space_gen, memory_order_relaxed);
        /* seq_cst store and load: the Dekker pair with bus_release's head
         * store and waiting load (announce, then re-check the head). */
        atomic_store_explicit(&l->waiting, 1, memory_order_seq_cst);
        if (!ring_room_sc(&l->r, n))
            futex_wait(&l->space_gen, gen, 0);
        atomic_store_explicit(&l->waiting, 0, memory_order_relaxed); /* hint only */
    }
    /* relaxed: statistics, read only for reports. */
    atomic_fetch_add_explicit(&l->blocked_ns, clock_now_ns() - t0, memory_order_relaxed);
    atomic_fetch_add_explicit(&l->blocked_count, 1, memory_order_relaxed);
}

/* Producer: the consumer said it sleeps; the first producer to see it wakes
 * it, the others do not pay a system call. */
static void bus_wake(bus *b)
{
    /* relaxed: the futex word's change in bus_kick is the wake itself. */
    if (atomic_exchange_explicit(&b->sleeping, 0, memory_order_relaxed))
        bus_kick(b);
}

static size_t bus_clamp(const bus_lane *l, size_t n)
{
    size_t cap = ring_capacity(&l->r);
    return n < 1 ? 1 : n > cap ? cap : n; /* more than the ring holds waits in publish */
}

void bus_reserve(bus *b, int p, size_t n)
{
    bus_lane *l = b->lp[p];
    n = bus_clamp(l, n);
    if (!ring_room(&l->r, n))
        bus_wait_room(b, l, n);
}

int bus_fits(bus *b, int p, size_t n)
{
    bus_lane *l = b->lp[p];
    return ring_room(&l->r, bus_clamp(l, n));
}

uint64_t bus_publish(bus *b, int p, const ps_event *e)
{
    bus_lane *l = b->lp[p];
    ps_event *slot = ring_reserve(&l->r);
    if (!slot) {
        bus_wait_room(b, l, 1);
        slot = ring_reserve(&l->r);
    }
    uint64_t key = e->rt_ns >= l->min_key ? e->rt_ns : l->min_key;
    *slot = *e;
    slot->rt_ns = key;
    l->min_key = key + 1;
    if (bus_commit(b, l))
        bus_wake(b);
    return key;
}

void bus_kick(bus *b)
{
    /* release: pairs with bus_wait's acquire load of the generation. */
    atomic_fetch_add_explicit(&b->wake_gen, 1, memory_order_release);
    futex_wake(&b->wake_gen, 1);
}

/* The announced lanes join the list (see bus_announce). */
static void bus_collect(bus *b)
{
    for (int w = 0; w < b->n_words; w++) {
        /* relaxed peek: a bit set before (happens-before) this look is seen */
        if (!atomic_load_explicit(&b->bits[w], memory_order_relaxed))
            continue;
        /* acquire: pairs with bus_announce's release (the lane is ready) */
        uint64_t m = atomic_exchange_explicit(&b->bits[w], 0, memory_order_acquire);
        for (; m; m &= m - 1) {
            int i = w * 64 + __builtin_ctzll(m);
            bus_lane *l = b->lp[i];
            if (l && !l->in_list) {
                l->in_list = 1;
                b->live[b->n_live++] = i;
            }
        }
    }
}

/* One look at every listed ring.  What the previous look saw becomes
 * deliverable ('seen'); tail_cache takes a fresh view.  Why two looks: an
 * event seen at the previous look was committed after everything that
 * happens-before it, so this later look sees all of those too; an event
 * first seen now may still have a predecessor that no look has seen.
 * Returns how many rings hold visible events (in b->heap, not yet a heap). */
static int bus_look(bus *b)
{
    int na = 0;
    bus_collect(b);
    for (int k = 0; k < b->n_live; k++) {
        int i = b->live[k];
        bus_lane *l = b->lp[i];
        l->seen = l->view;
        l->view = ring_tail(&l->r); /* acquire: the slots below it are readable */
        if (b->n_max == 1)          /* one ring: nothing else to wait for */
            l->seen = l->view;
        if (l->view != l->pos)
            b->heap[na++] = (struct bus_head){ring_slot(&l->r, l->pos)->rt_ns, i};
    }
    return na;
}

static inline uint64_t bus_key(const bus_lane *l, uint64_t pos)
{
    return ring_slot(&l->r, pos)->rt_ns;
}

/* Merge order: the smaller key first; ties (concurrent events) go to the
 * lower ring. */
static inline int bus_before(struct bus_head x, struct bus_head y)
{
    return x.key < y.key || (x.key == y.key && x.ring < y.ring);
}

static void bus_sift_down(struct bus_head *h, int n, int i)
{
    for (;;) {
        int c = 2 * i + 1;
        if (c >= n)
            return;
        if (c + 1 < n && bus_before(h[c + 1], h[c]))
            c++;
        if (!bus_before(h[c], h[i]))
            return;
        struct bus_head t = h[i];
        h[i] = h[c];
        h[c] = t;
        i = c;
    }
}

/* Delivers ring r's head, then more of ring r while they stay 'seen' and
 * come before 'next' in merge order.  h is r's entry; its key follows. */
static size_t bus_run(bus *b, bus_lane *l, struct bus_head *h, struct bus_head next, ps_event *out,
                      size_t max)
{
    size_t got = 0;
    do {
        out[got] = *ring_slot(&l->r, l->pos);
        out[got++].seq = b->next++;
        l->pos++;
        h->key = l->pos < l->view ? bus_key(l, l->pos) : UINT64_MAX;
    } while (got < max && l->pos < l->seen && bus_before(*h, next));
    return got;
}

/* Few rings with events (the usual case: main, a few workers): a scan of
 * the heads for the first and second in merge order beats keeping a heap. */
static size_t bus_merge_scan(bus *b, int na, ps_event *out, size_t max)
{
    struct bus_head *h = b->heap;
    size_t got = 0;
    while (got < max && na > 0) {
        int best = 0;
        struct bus_head second = {UINT64_MAX, b->n_max};
        for (int k = 1; k < na; k++) {
            if (bus_before(h[k], h[best])) {
                second = h[best];
                best = k;
            } else if (bus_before(h[k], second)) {
                second = h[k];
            }
        }
        bus_lane *l = b->lp[h[best].ring];
        if (l->pos >= l->seen)
            break; /* its predecessors may not be visible yet */
        got += bus_run(b, l, &h[best], second, out + got, max - got);
        if (l->pos == l->view) /* drained: ties carry the ring, order is free */
            h[best] = h[--na];
    }
    return got;
}

/* Many rings with events (64 workers): a min-heap of the heads.  A scan per
 * event cost 4x more there (44 vs 164 M events/s drained from 64 rings). */
static size_t bus_merge_heap(bus *b, int na, ps_event *out, size_t max)
{
    struct bus_head *h = b->heap;
    for (int i = na / 2 - 1; i >= 0; i--)
        bus_sift_down(h, na, i);
    size_t got = 0;
    while (got < max && na > 0) {
        bus_lane *l = b->lp[h[0].ring];
        if (l->pos >= l->seen)
            break;
        /* the second in merge order: the smaller child of the root */
        struct bus_head next = {UINT64_MAX, b->n_max};
        if (na > 1)
            next = na > 2 && bus_before(h[2], h[1]) ? h[2] : h[1];
        got += bus_run(b, l, &h[0], next, out + got, max - got);
        if (l->pos == l->view) /* drained: the last leaf takes its place */
            h[0] = h[--na];
        bus_sift_down(h, na, 0);
    }
    return got;
}

enum { BUS_SCAN_MAX = 8 };

/* Delivers visible events in merge order until the first in that order is
 * one not yet 'seen', or out is full. */
static size_t bus_merge(bus *b, int na, ps_event *out, size_t max)
{
    return na <= BUS_SCAN_MAX ? bus_merge_scan(b, na, out, max) : bus_merge_heap(b, na, out, max);
}

/* Hands delivered slots back to their producers: every one (all = 1), or
 * only where half a ring is waiting to be freed.  A release writes the head
 * line and reads the producer's line, so it is batched across looks. */
static void bus_release(bus *b, int all)
{
    for (int k = 0; k < b->n_live; k++) {
        bus_lane *l = b->lp[b->live[k]];
        uint64_t done = l->pos - ring_head(&l->r);
        if (!done || (!all && done <= l->r.mask / 2))
            continue;
        ring_release_to(&l->r, l->pos); /* seq_cst: before the waiting load */
        if (atomic_load_explicit(&l->waiting, memory_order_seq_cst)) {
            /* relaxed: the futex word only needs to change. */
            atomic_fetch_add_explicit(&l->space_gen, 1, memory_order_relaxed);
            futex_wake(&l->space_gen, 1);
        }
    }
}

/* Consumer: lane l (in the list at k, closed and drained) goes back to the
 * free lanes for a new producer.  Its producer stored 'closed' after its
 * last commit and writes nothing of the lane after it (bus_close). */
static void bus_retire(bus *b, int k)
{
    bus_lane *l = b->lp[b->live[k]];
    ring_release_to(&l->r, l->pos);
    l->in_list = 0;
    b->live[k] = b->live[--b->n_live];
    /* relaxed: the next producer gets the lane through lanes_mu */
    atomic_store_explicit(&l->closed, 0, memory_order_relaxed);
    atomic_store_explicit(&l->listed, 0, memory_order_relaxed);
    ps_lock_acquire(&b->lanes_mu);
    b->free[b->n_free++] = l->index;
    int wake = b->waiters > 0;
    if (wake) /* relaxed: the futex word only needs to change (under lanes_mu) */
        atomic_fetch_add_explicit(&b->free_gen, 1, memory_order_relaxed);
    ps_lock_release(&b->lanes_mu);
    if (wake)
        futex_wake(&b->free_gen, INT32_MAX);
}

/* Consumer: 1 if lane l has delivered all it committed and is released. */
static int bus_lane_idle(const bus_lane *l)
{
    return l->pos == l->view && l->view == l->r.tail_cache && ring_head(&l->r) == l->pos;
}

/* The first half of dropping idle lanes from the list: 'listed' = 0 on each
 * (the consumer's store of the pair in bus_announce).  Returns how many. */
static int bus_drop_begin(bus *b)
{
    int n = 0;
    for (int k = b->n_static; k < b->n_live; k++) {
        bus_lane *l = b->lp[b->live[k]];
        if (!bus_lane_idle(l))
            continue;
        /* relaxed with membarrier (it orders the loads after), else seq_cst */
        atomic_store_explicit(&l->listed, 0,
                              b->heavy ? memory_order_relaxed : memory_order_seq_cst);
        b->drop[n++] = b->live[k];
    }
    return n;
}

/* The second half, after the barrier: a candidate whose tail moved (or
 * that closed) stays listed; the others leave the list. */
static void bus_drop_finish(bus *b, int n)
{
    for (int j = 0; j < n; j++) {
        bus_lane *l = b->lp[b->drop[j]];
        /* acquire with membarrier, seq_cst without (the pair's loads) */
        uint64_t t = atomic_load_explicit(&l->r.tail,
                                          b->heavy ? memory_order_acquire : memory_order_seq_cst);
        if (t != l->pos || atomic_load_explicit(&l->closed, memory_order_acquire))
            atomic_store_explicit(&l->listed, 1, memory_order_relaxed); /* stays */
        else
            l->in_list = 0;
    }
    int k = b->n_static;
    for (int j = b->n_static; j < b->n_live; j++)
        if (b->lp[b->live[j]]->in_list)
            b->live[k++] = b->live[j];
    b->n_live = k;
}

enum { BUS_DROP_MIN = 32 }; /* idle lanes worth a barrier */

/* After a poll: closed lanes that are drained retire; many idle ones leave
 * the list (one membarrier for all: ~1 us, against a tail load per idle
 * lane at every look). */
static void bus_tidy(bus *b)
{
    int idle = 0;
    for (int k = b->n_static; k < b->n_live;) {
        bus_lane *l = b->lp[b->live[k]];
        if (l->pos == l->view && atomic_load_explicit(&l->closed, memory_order_acquire) &&
            ring_tail(&l->r) == l->pos) {
            bus_retire(b, k); /* acquire above: the tail read after it is final */
            continue;
        }
        idle += bus_lane_idle(l);
        k++;
    }
    if (idle >= BUS_DROP_MIN && 2 * idle >= b->n_live - b->n_static) {
        int n = bus_drop_begin(b);
        bus_heavy_fence(b);
        bus_drop_finish(b, n);
    }
}

size_t bus_poll(bus *b, ps_event *out, size_t max)
{
    size_t got = 0;
    int stalled = 0;
    while (got < max) {
        int na = bus_look(b);
        if (!na)
            break;
        size_t k = bus_merge(b, na, out + got, max - got);
        if (k)
            bus_release(b, 0);
        got += k;
        /* Nothing deliverable means an event became visible only at this
         * look; the next look makes it deliverable.  Twice: give up. */
        if (!k && ++stalled > 1)
            break;
    }
    bus_release(b, 1);
    if (b->n_live > b->n_static)
        bus_tidy(b);
    return got;
}

/* Consumer: does any ring hold an undelivered event?  seq_cst loads: the
 * sleep handshake's second half (acquire would do for the rest). */
static int bus_ready(bus *b)
{
    for (int k = 0; k < b->n_live; k++) {
        bus_lane *l = b->lp[b->live[k]];
        if (atomic_load_explicit(&l->r.tail, memory_order_seq_cst) != l->pos)
            return 1;
    }
    for (int w = 0; w < b->n_words; w++)
        if (atomic_load_explicit(&b->bits[w], memory_order_seq_cst))
            return 1; /* an announced lane (or a close) */
    return 0;
}

int bus_drained(bus *b)
{
    return !bus_ready(b);
}

/* A nap: how long a busy consumer sleeps without asking to be woken. */
enum { BUS_NAP_NS = 50000 };

void bus_wait(bus *b, uint64_t timeout_ns)
{
    /* acquire: pairs with bus_kick's release, so a later check sees events. */
    uint32_t gen = atomic_load_explicit(&b->wake_gen, memory_order_acquire);
    /* A kick since the last wait (say the last thread exiting, after the
     * caller checked that threads still run): return, the caller re-checks. */
    if (gen != b->wait_gen) {
        b->wait_gen = gen;
        return;
    }
    /* Busy: events were delivered since the last wait. */
    int busy = b->next != b->wait_next;
    b->wait_next = b->next;
    if (bus_ready(b))
        return;
    if (busy) {
        /* Events are flowing: nap without saying so, so the producers
         * publish without waking us (a futex_wake per sleep, paid inside
         * their primitives' critical sections) and the rings fill into one
         * large batch.  A producer that finds its ring full wakes us anyway
         * (bus_wait_room); a quiet bus gets the full sleep below at the next
         * wait, so an idle consumer does not wake every nap. */
        futex_wait(&b->wake_gen, gen,
                   timeout_ns && timeout_ns < BUS_NAP_NS ? timeout_ns : BUS_NAP_NS);
        return;
    }
    /* Idle lanes leave the list under the same barrier (bus_announce). */
    int n = bus_drop_begin(b);
    /* seq_cst: the handshake's store, before the re-check below. */
    atomic_store_explicit(&b->sleeping, 1, memory_order_seq_cst);
    bus_heavy_fence(b);
    bus_drop_finish(b, n);
    if (!bus_ready(b))
        futex_wait(&b->wake_gen, gen, timeout_ns);
    /* relaxed: a hint for producers; a stale 1 costs one extra wake. */
    atomic_store_explicit(&b->sleeping, 0, memory_order_relaxed);
}

/* The lanes made so far (static and dynamic). */
static int bus_lanes_made(bus *b)
{
    ps_lock_acquire(&b->lanes_mu);
    int n = b->n_static + b->n_made;
    ps_lock_release(&b->lanes_mu);
    return n;
}

uint64_t bus_published(bus *b)
{
    uint64_t t = 0;
    int n = bus_lanes_made(b);
    for (int i = 0; i < n; i++)
        /* acquire: a count that includes an event also makes it visible. */
        t += atomic_load_explicit(&b->lp[i]->r.tail, memory_order_acquire);
    return t;
}

uint64_t bus_delivered(const bus *b)
{
    return b->next;
}

uint64_t bus_blocked_ns(bus *b)
{
    uint64_t t = 0;
    int n = bus_lanes_made(b);
    for (int i = 0; i < n; i++)
        t += atomic_load_explicit(&b->lp[i]->blocked_ns, memory_order_relaxed); /* a report */
    return t;
}

uint64_t bus_blocked_count(bus *b)
{
    uint64_t t = 0;
    int n = bus_lanes_made(b);
    for (int i = 0; i < n; i++)
        t += atomic_load_explicit(&b->lp[i]->blocked_count, memory_order_relaxed); /* report */
    return t;
}

int bus_lanes(bus *b, int *listed)
{
    if (listed)
        *listed = b->n_live; /* consumer-owned */
    return bus_lanes_made(b);
}
