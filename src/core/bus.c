#include "bus.h"

#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

#include "futex.h"
#include "ring.h"

/* The global counter holds seq << 1; bit 0 says "the consumer is asleep". */
#define BUS_SLEEPING 1u
#define BUS_SEQ_STEP 2u

struct bus {
    _Alignas(64) _Atomic uint64_t seq;      /* shared by all producers */
    _Alignas(64) _Atomic uint32_t wake_gen; /* futex word the consumer sleeps on */
    /* consumer-owned */
    _Alignas(64) uint64_t next; /* next sequence number to deliver */
    uint64_t window;            /* reorder window size (power of two) */
    ps_event *rob;              /* reorder buffer, slot = seq & (window - 1) */
    uint64_t wait_next;         /* 'next' when bus_wait was last called */
    int n;
    int cursor; /* ring to start the next drain at, for fairness */
    ring rings[];
};

bus *bus_create(int n_producers, size_t ring_capacity)
{
    if (n_producers < 1)
        return NULL;
    bus *b = aligned_alloc(64, sizeof(bus) + (size_t)n_producers * sizeof(ring));
    if (!b)
        return NULL;
    memset(b, 0, sizeof(*b));
    atomic_init(&b->seq, 0);
    atomic_init(&b->wake_gen, 0);
    b->n = n_producers;
    /* A window of 2x all ring capacity can hold every event in flight. */
    size_t w = 64;
    while (w < 2 * ring_capacity * (size_t)n_producers && w < (1u << 16))
        w <<= 1;
    b->window = w;
    /* Zero pages, not written: resident only as the window is used.  A zero
     * slot reads as "seq 0", which slot i >= 1 is never asked for (it is
     * asked for next = i mod window, next >= 1); slot 0 is marked. */
    b->rob = ps_pages_alloc(w * sizeof(ps_event));
    int ok = b->rob != NULL;
    for (int i = 0; i < n_producers; i++)
        if (ring_init(&b->rings[i], ring_capacity) != 0)
            ok = 0;
    if (!ok) {
        bus_destroy(b);
        return NULL;
    }
    b->rob[0].seq = UINT64_MAX;
    return b;
}

void bus_destroy(bus *b)
{
    if (!b)
        return;
    for (int i = 0; i < b->n; i++)
        ring_free(&b->rings[i]);
    if (b->rob)
        ps_pages_free(b->rob, b->window * sizeof(ps_event));
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

void bus_publish(bus *b, int p, ps_event *e)
{
    ring *r = &b->rings[p];
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    if (tail - r->head_cache > r->mask)
        bus_wait_room(b, r, tail);
    ps_event *slot = &r->slots[tail & r->mask];
    /* relaxed: happens-before between two publishes already orders their
     * fetch-adds in the counter's modification order (write-write coherence);
     * the slot itself is published by ring_commit's release. */
    uint64_t old = atomic_fetch_add_explicit(&b->seq, BUS_SEQ_STEP, memory_order_relaxed);
    /* Copy, then stamp: writing e->seq first and copying would load 16 bytes
     * over a just-stored 8 (a store-forwarding stall on every publish). */
    *slot = *e;
    slot->seq = old >> 1;
    e->seq = old >> 1;
    ring_commit(r);
    if (old & BUS_SLEEPING)
        bus_kick(b);
}

void bus_kick(bus *b)
{
    /* relaxed: the sleeping bit is a hint; the futex word change is the wake. */
    atomic_fetch_and_explicit(&b->seq, ~(uint64_t)BUS_SLEEPING, memory_order_relaxed);
    atomic_fetch_add_explicit(&b->wake_gen, 1, memory_order_release);
    futex_wake(&b->wake_gen, 1);
}

/* Moves events from ring i into the reorder buffer while they fit the window. */
static size_t bus_drain_ring(bus *b, int i)
{
    ring *r = &b->rings[i];
    size_t moved = 0;
    for (;;) {
        ps_event *ev;
        size_t n = ring_peek(r, &ev);
        size_t k = 0;
        while (k < n && ev[k].seq - b->next < b->window) {
            b->rob[ev[k].seq & (b->window - 1)] = ev[k];
            k++;
        }
        ring_release(r, k);
        moved += k;
        if (k < n || n == 0)
            return moved;
    }
}

size_t bus_poll(bus *b, ps_event *out, size_t max)
{
    size_t got = 0;
    uint64_t mask = b->window - 1;
    while (got < max) {
        while (got < max && b->rob[b->next & mask].seq == b->next) {
            out[got++] = b->rob[b->next & mask];
            b->next++;
        }
        if (got == max)
            break;
        size_t moved = 0;
        for (int k = 0; k < b->n; k++)
            moved += bus_drain_ring(b, (b->cursor + k) % b->n);
        b->cursor = (b->cursor + 1) % b->n;
        if (!moved)
            break;
    }
    return got;
}

/* Consumer: drains what the rings hold; is event 'next' deliverable? */
static int bus_ready(bus *b)
{
    for (int i = 0; i < b->n; i++)
        bus_drain_ring(b, i);
    return b->rob[b->next & (b->window - 1)].seq == b->next;
}

/* A nap: how long a busy consumer sleeps without asking to be kicked. */
enum { BUS_NAP_NS = 50000, BUS_POLLS = 32 };

static inline void bus_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

void bus_wait(bus *b, uint64_t timeout_ns)
{
    /* acquire: pairs with bus_kick's release, so a later check sees events. */
    uint32_t gen = atomic_load_explicit(&b->wake_gen, memory_order_acquire);
    /* Busy: events were delivered since the last wait. */
    int busy = b->next != b->wait_next;
    b->wait_next = b->next;
    if (bus_ready(b))
        return;
    if (busy) {
        /* A number taken but not committed yet (the usual gap when the
         * consumer is the bottleneck) is committed within nanoseconds: poll
         * a little before giving the core away. */
        for (int i = 0; i < BUS_POLLS; i++) {
            bus_relax();
            if (bus_ready(b))
                return;
        }
        /* Events are flowing: nap without setting the sleeping bit, so the
         * producers publish without kicking (a futex_wake per sleep, paid
         * inside their primitives' critical sections) and the rings fill into
         * one large batch.  A producer that finds its ring full kicks anyway
         * (bus_wait_room); a quiet bus gets the full sleep below at the next
         * wait, so an idle consumer does not wake every nap. */
        futex_wait(&b->wake_gen, gen,
                   timeout_ns && timeout_ns < BUS_NAP_NS ? timeout_ns : BUS_NAP_NS);
        return;
    }
    /* relaxed RMW: producers whose fetch-add comes later in the counter's
     * modification order see the bit and kick; those before it are counted in
     * 'taken'. */
    uint64_t taken = atomic_fetch_or_explicit(&b->seq, BUS_SLEEPING, memory_order_relaxed) >> 1;
    if (bus_ready(b))
        goto awake;
    if (taken > b->next) {
        /* A producer took a sequence number and has not committed it yet
         * (maybe preempted): it will not kick, so sleep briefly, not forever. */
        uint64_t t = 200000; /* 0.2 ms */
        futex_wait(&b->wake_gen, gen, timeout_ns && timeout_ns < t ? timeout_ns : t);
    } else {
        futex_wait(&b->wake_gen, gen, timeout_ns);
    }
awake:
    atomic_fetch_and_explicit(&b->seq, ~(uint64_t)BUS_SLEEPING, memory_order_relaxed);
}

uint64_t bus_published(bus *b)
{
    return atomic_load_explicit(&b->seq, memory_order_relaxed) >> 1; /* a report */
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
