#include "bus.h"

#include <linux/membarrier.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "sync/futex.h"
#include "ring.h"

/* A ring in the merge: the key of its head event, and which ring. */
struct bus_head {
    uint64_t key;
    int ring;
};

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
    ring rings[];
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
static inline int bus_commit(const bus *b, ring *r, uint64_t tail)
{
    if (b->heavy) {
        /* release: the slot's contents are visible before the new tail. */
        atomic_store_explicit(&r->tail, tail + 1, memory_order_release);
        atomic_signal_fence(memory_order_seq_cst);
        /* relaxed: the consumer's membarrier orders it after the store. */
        return atomic_load_explicit(&b->sleeping, memory_order_relaxed);
    }
    /* seq_cst: a store and a load in the single total order (see above). */
    atomic_store_explicit(&r->tail, tail + 1, memory_order_seq_cst);
    return atomic_load_explicit(&b->sleeping, memory_order_seq_cst);
}

bus *bus_create(int n_producers, size_t ring_capacity)
{
    if (n_producers < 1)
        return NULL;
    pthread_once(&bus_heavy_once, bus_heavy_register);
    bus *b = aligned_alloc(64, sizeof(bus) + (size_t)n_producers * sizeof(ring));
    if (!b)
        return NULL;
    memset(b, 0, sizeof(*b));
    atomic_init(&b->sleeping, 0);
    atomic_init(&b->wake_gen, 0);
    b->heavy = bus_heavy_ok;
    b->n = n_producers;
    b->heap = malloc((size_t)n_producers * sizeof(*b->heap));
    int ok = b->heap != NULL;
    for (int i = 0; i < n_producers; i++)
        if (ring_init(&b->rings[i], ring_capacity) != 0)
            ok = 0;
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
        ring_free(&b->rings[i]);
    free(b->heap);
    free(b);
}

/* Producer slow path: ring r looks full.  A napping consumer (see bus_wait)
 * is not flagged as sleeping, so it is woken here rather than after its nap. */
static void bus_wait_room(bus *b, ring *r, uint64_t tail)
{
    /* acquire: the consumer finished reading the slots it released. */
    r->head_cache = atomic_load_explicit(&r->head, memory_order_acquire);
    if (tail - r->head_cache <= r->mask)
        return;
    bus_kick(b);
    ring_wait_room(r, tail);
}

/* Producer: the consumer said it sleeps; the first producer to see it wakes
 * it, the others do not pay a system call. */
static void bus_wake(bus *b)
{
    /* relaxed: the futex word's change in bus_kick is the wake itself. */
    if (atomic_exchange_explicit(&b->sleeping, 0, memory_order_relaxed))
        bus_kick(b);
}

void bus_reserve(bus *b, int p, size_t n)
{
    ring *r = &b->rings[p];
    if (n > r->mask + 1)
        n = r->mask + 1;
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    /* room for n at tail means the slot at tail + n - 1 is free */
    if (tail + n - 1 - r->head_cache > r->mask)
        bus_wait_room(b, r, tail + n - 1);
}

int bus_fits(bus *b, int p, size_t n)
{
    ring *r = &b->rings[p];
    if (n > r->mask + 1) /* more than the ring holds never fits: it waits in publish */
        n = r->mask + 1;
    /* relaxed: only this producer writes tail. */
    uint64_t last = atomic_load_explicit(&r->tail, memory_order_relaxed) + n - 1;
    if (last - r->head_cache <= r->mask)
        return 1;
    /* acquire: the consumer finished reading the slots it released. */
    r->head_cache = atomic_load_explicit(&r->head, memory_order_acquire);
    return last - r->head_cache <= r->mask;
}

uint64_t bus_publish(bus *b, int p, const ps_event *e)
{
    ring *r = &b->rings[p];
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    if (tail - r->head_cache > r->mask)
        bus_wait_room(b, r, tail);
    ps_event *slot = &r->slots[tail & r->mask];
    uint64_t key = e->rt_ns >= r->min_key ? e->rt_ns : r->min_key;
    *slot = *e;
    slot->rt_ns = key;
    r->min_key = key + 1;
    if (bus_commit(b, r, tail))
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
        ring *r = &b->rings[i];
        r->seen = r->tail_cache;
        /* acquire: pairs with bus_publish's release store of tail. */
        r->tail_cache = atomic_load_explicit(&r->tail, memory_order_acquire);
        if (b->n == 1) /* one ring: nothing else to wait for */
            r->seen = r->tail_cache;
        if (r->tail_cache != r->pos)
            b->heap[na++] = (struct bus_head){r->slots[r->pos & r->mask].rt_ns, i};
    }
    return na;
}

static inline uint64_t bus_key(const ring *r, uint64_t pos)
{
    return r->slots[pos & r->mask].rt_ns;
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
static size_t bus_run(bus *b, ring *r, struct bus_head *h, struct bus_head next, ps_event *out,
                      size_t max)
{
    size_t got = 0;
    do {
        out[got] = r->slots[r->pos & r->mask];
        out[got++].seq = b->next++;
        r->pos++;
        h->key = r->pos < r->tail_cache ? bus_key(r, r->pos) : UINT64_MAX;
    } while (got < max && r->pos < r->seen && bus_before(*h, next));
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
        ring *r = &b->rings[h[best].ring];
        if (r->pos >= r->seen)
            break; /* its predecessors may not be visible yet */
        got += bus_run(b, r, &h[best], second, out + got, max - got);
        if (r->pos == r->tail_cache) /* drained: ties carry the ring, order is free */
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
        ring *r = &b->rings[h[0].ring];
        if (r->pos >= r->seen)
            break;
        /* the second in merge order: the smaller child of the root */
        struct bus_head next = {UINT64_MAX, b->n};
        if (na > 1)
            next = na > 2 && bus_before(h[2], h[1]) ? h[2] : h[1];
        got += bus_run(b, r, &h[0], next, out + got, max - got);
        if (r->pos == r->tail_cache) /* drained: the last leaf takes its place */
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
        ring *r = &b->rings[i];
        /* relaxed: only the consumer writes head. */
        uint64_t done = r->pos - atomic_load_explicit(&r->head, memory_order_relaxed);
        if (done && (all || done > r->mask / 2))
            ring_release(r, done);
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
        ring *r = &b->rings[i];
        if (atomic_load_explicit(&r->tail, memory_order_seq_cst) != r->pos)
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
        t += atomic_load_explicit(&b->rings[i].tail, memory_order_acquire);
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
        t += atomic_load_explicit(&b->rings[i].blocked_ns, memory_order_relaxed); /* a report */
    return t;
}

uint64_t bus_blocked_count(bus *b)
{
    uint64_t t = 0;
    for (int i = 0; i < b->n; i++)
        t += atomic_load_explicit(&b->rings[i].blocked_count, memory_order_relaxed); /* report */
    return t;
}

int bus_producers(const bus *b)
{
    return b->n;
}
