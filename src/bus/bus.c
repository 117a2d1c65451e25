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

/* A ring in the merge: the key of its head event, and which ring. */
struct bus_head {
    uint64_t key;
    int ring;
};

enum { BUS_SPINS = 256 }; /* looks at a full ring before its producer sleeps */

/* One producer's lane: its ring, and the bus's own state around it (the
 * key rule, the wait for room, the merge), each on the line of its owner. */
typedef struct bus_lane {
    ring r;
    /* producer-owned, except the futex word and the statistics */
    _Alignas(64) uint64_t min_key; /* least rt_ns the next publish may carry */
    _Atomic uint32_t waiting;      /* the producer sleeps for room (Dekker with release) */
    _Atomic uint64_t blocked_ns;   /* time the producer spent waiting for room */
    _Atomic uint64_t blocked_count;
    /* consumer-owned */
    _Alignas(64) uint64_t view; /* the tail as of the latest look */
    uint64_t seen;              /* the tail as of the look before: deliverable up to here */
    uint64_t pos;               /* next to deliver (the ring's head until released) */
    _Atomic uint32_t space_gen; /* futex word the producer sleeps on */
} bus_lane;

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
    int n;
    bus_lane lanes[];
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

/* The producers' half: commit the slot, then read 'sleeping'.  With
 * membarrier a compiler barrier keeps the two in order; without it both are
 * seq_cst, which forbids the store-buffering outcome. */
static inline int bus_commit(const bus *b, ring *r)
{
    if (b->heavy) {
        ring_commit(r); /* release */
        atomic_signal_fence(memory_order_seq_cst);
        /* relaxed: the consumer's membarrier orders it after the store. */
        return atomic_load_explicit(&b->sleeping, memory_order_relaxed);
    }
    /* seq_cst: a store and a load in the single total order (see above). */
    ring_commit_sc(r);
    return atomic_load_explicit(&b->sleeping, memory_order_seq_cst);
}

bus *bus_create(int n_producers, size_t ring_capacity)
{
    if (n_producers < 1)
        return NULL;
    pthread_once(&bus_heavy_once, bus_heavy_register);
    bus *b = aligned_alloc(64, sizeof(bus) + (size_t)n_producers * sizeof(bus_lane));
    if (!b)
        return NULL;
    memset(b, 0, sizeof(bus) + (size_t)n_producers * sizeof(bus_lane));
    atomic_init(&b->sleeping, 0);
    atomic_init(&b->wake_gen, 0);
    b->heavy = bus_heavy_ok;
    b->n = n_producers;
    b->heap = malloc((size_t)n_producers * sizeof(*b->heap));
    int ok = b->heap != NULL;
    for (int i = 0; i < n_producers; i++) {
        bus_lane *l = &b->lanes[i];
        if (ring_init(&l->r, ring_capacity) != 0)
            ok = 0;
        atomic_init(&l->waiting, 0);
        atomic_init(&l->space_gen, 0);
        atomic_init(&l->blocked_ns, 0);
        atomic_init(&l->blocked_count, 0);
    }
    if (!ok) {
        bus_destroy(b);
        return NULL;
    }
    return b;
}

void bus_destroy(bus *b)
{
    if (!b)
        return;
    for (int i = 0; i < b->n; i++)
        ring_free(&b->lanes[i].r);
    free(b->heap);
    free(b);
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
    bus_lane *l = &b->lanes[p];
    n = bus_clamp(l, n);
    if (!ring_room(&l->r, n))
        bus_wait_room(b, l, n);
}

int bus_fits(bus *b, int p, size_t n)
{
    bus_lane *l = &b->lanes[p];
    return ring_room(&l->r, bus_clamp(l, n));
}

uint64_t bus_publish(bus *b, int p, const ps_event *e)
{
    bus_lane *l = &b->lanes[p];
    ps_event *slot = ring_reserve(&l->r);
    if (!slot) {
        bus_wait_room(b, l, 1);
        slot = ring_reserve(&l->r);
    }
    uint64_t key = e->rt_ns >= l->min_key ? e->rt_ns : l->min_key;
    *slot = *e;
    slot->rt_ns = key;
    l->min_key = key + 1;
    if (bus_commit(b, &l->r))
        bus_wake(b);
    return key;
}

void bus_kick(bus *b)
{
    /* release: pairs with bus_wait's acquire load of the generation. */
    atomic_fetch_add_explicit(&b->wake_gen, 1, memory_order_release);
    futex_wake(&b->wake_gen, 1);
}

/* One look at every ring.  What the previous look saw becomes deliverable
 * ('seen'); tail_cache takes a fresh view.  Why two looks: an event seen at
 * the previous look was committed after everything that happens-before it,
 * so this later look sees all of those too; an event first seen now may
 * still have a predecessor that no look has seen.  Returns how many rings
 * hold visible events (in b->heap, not yet a heap). */
static int bus_look(bus *b)
{
    int na = 0;
    for (int i = 0; i < b->n; i++) {
        bus_lane *l = &b->lanes[i];
        l->seen = l->view;
        l->view = ring_tail(&l->r); /* acquire: the slots below it are readable */
        if (b->n == 1)              /* one ring: nothing else to wait for */
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
        struct bus_head second = {UINT64_MAX, b->n};
        for (int k = 1; k < na; k++) {
            if (bus_before(h[k], h[best])) {
                second = h[best];
                best = k;
            } else if (bus_before(h[k], second)) {
                second = h[k];
            }
        }
        bus_lane *l = &b->lanes[h[best].ring];
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
        bus_lane *l = &b->lanes[h[0].ring];
        if (l->pos >= l->seen)
            break;
        /* the second in merge order: the smaller child of the root */
        struct bus_head next = {UINT64_MAX, b->n};
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
    for (int i = 0; i < b->n; i++) {
        bus_lane *l = &b->lanes[i];
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
    return got;
}

/* Consumer: does any ring hold an undelivered event?  seq_cst loads: the
 * sleep handshake's second half (acquire would do for the rest). */
static int bus_ready(bus *b)
{
    for (int i = 0; i < b->n; i++) {
        bus_lane *l = &b->lanes[i];
        if (atomic_load_explicit(&l->r.tail, memory_order_seq_cst) != l->pos)
            return 1;
    }
    return 0;
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
    /* seq_cst: the handshake's store, before the re-check below. */
    atomic_store_explicit(&b->sleeping, 1, memory_order_seq_cst);
    bus_heavy_fence(b);
    if (!bus_ready(b))
        futex_wait(&b->wake_gen, gen, timeout_ns);
    /* relaxed: a hint for producers; a stale 1 costs one extra wake. */
    atomic_store_explicit(&b->sleeping, 0, memory_order_relaxed);
}

uint64_t bus_published(bus *b)
{
    uint64_t t = 0;
    for (int i = 0; i < b->n; i++)
        /* acquire: a count that includes an event also makes it visible. */
        t += atomic_load_explicit(&b->lanes[i].r.tail, memory_order_acquire);
    return t;
}

uint64_t bus_delivered(const bus *b)
{
    return b->next;
}

uint64_t bus_blocked_ns(bus *b)
{
    uint64_t t = 0;
    for (int i = 0; i < b->n; i++)
        t += atomic_load_explicit(&b->lanes[i].blocked_ns, memory_order_relaxed); /* a report */
    return t;
}

uint64_t bus_blocked_count(bus *b)
{
    uint64_t t = 0;
    for (int i = 0; i < b->n; i++)
        t += atomic_load_explicit(&b->lanes[i].blocked_count, memory_order_relaxed); /* report */
    return t;
}
