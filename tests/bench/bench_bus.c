/* bench_bus.c - row "bus": the event bus against four baselines that wait
 * exactly as it does.
 *
 * N producers (1, 2, 4) each publish the same number of real ps_event
 * records (64 B) into one consumer that takes them in batches of up to
 * POLL_MAX (256), numbers them (seq = 0, 1, 2, ...) and checks the order
 * (gap-free seq, FIFO per producer).  The queues:
 *   bus    the engine's bus: per-producer SPSC rings merged by stamp (the
 *          producers leave rt_ns at 0, so the bus numbers each ring 0, 1,
 *          2, ... and the merge alternates rings event by event, its worst
 *          case)
 *   ck     ConcurrencyKit's ck_ring typed to ps_event, enqueue_mpsc /
 *          dequeue_mpsc (only when libck is found: HAVE_CK)
 *   vyukov Dmitry Vyukov's bounded MPMC queue used as MPSC: a CAS on one
 *          enqueue counter, then a sequence number per cell says "full" or
 *          "free".  The cell's sequence lives in the event's own seq field,
 *          which the consumer overwrites with the delivery number anyway, so
 *          a cell is one 64-byte line like a bus slot.
 *   spsc   per-producer SPSC rings polled round-robin, no merge: the bus's
 *          own design without the causal merge, i.e. its lower bound
 *   mutex  one pthread mutex around a bounded array
 * Same for all: the payload (ps_event, 64 B, copied in and out), capacity
 * (1024 slots per producer: the bus and spsc have one ring of 1024 per
 * producer, the MPSC queues one array of 1024 * N; ck_ring holds one less
 * than its size), the consumer's batch (256), the slot memory (anonymous
 * pages, ps_pages_alloc), the consumer numbering what it delivers, and the
 * wait policy below.
 *
 * The wait policy is the bus's (src/bus/bus.c: bus_commit, bus_wake,
 * bus_wait, bus_wait_room; src/bus/ring.c: ring_wait_room, ring_release),
 * written once here (wait_*) and used by every baseline; the bus runs its
 * own copy:
 *   consumer, after an empty poll: return at once after a kick it has not
 *     seen; if events were delivered since its last wait, nap on a futex
 *     for 50 us WITHOUT raising 'sleeping' (producers are not asked to wake
 *     it); otherwise raise 'sleeping', fence (membarrier(2) when the kernel
 *     has it, which lets producers skip their fence; else a seq_cst fence),
 *     re-check, and sleep until kicked (10 ms limit in this loop).
 *   producer, after each commit: read 'sleeping' (a compiler barrier before
 *     it with membarrier, a seq_cst fence without); if raised, the first to
 *     clear it kicks the consumer (one futex_wake).
 *   producer, on a full queue: kick the consumer (it may be napping), poll
 *     the queue 256 times, then announce itself in 'waiting', re-check and
 *     park on a futex until the consumer frees slots.
 *   consumer, after freeing slots: one seq_cst fence and a read of
 *     'waiting' per poll (per ring for spsc); wake the parked producers.
 * The differences left are the queues' own: how a slot is claimed and
 * freed.  (The bus also times its full-ring waits, two clock reads each.)
 *
 * Producers time batches of 64 publishes (clock_gettime, vDSO), which gives
 * the publish cost per event as p50 and p99 over all batches.  A second,
 * single-threaded figure publishes 512 events then drains them, so nothing
 * else touches the queue while the batch is timed ("consumer idle").  Two
 * more figures bound the rest: the consumer alone draining pre-filled
 * queues (run_drain), and the clock read an engine event adds (run_clock).
 * The order of the queues rotates from run to run, so drift in the
 * machine's load does not always favour the same one.
 */
#include <limits.h>
#include <linux/membarrier.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "bench.h"
#include "bus/bus.h"
#include "bus/ring.h"
#include "sync/clock.h"
#include "sync/futex.h"

#ifdef HAVE_CK
#include <ck_ring.h>
#endif

enum { IMPL_BUS, IMPL_CK, IMPL_VY, IMPL_SPSC, IMPL_MUTEX, IMPL_N };
static const char *const impl_name[IMPL_N] = {"bus", "ck_ring mpsc", "vyukov mpsc",
                                              "spsc rings (no merge)", "mutex queue"};

enum { BATCH = 64, RING_PER_PRODUCER = 1024, POLL_MAX = 256, MAX_PROD = 4 };
static const int prod_counts[] = {1, 2, 4};
enum { N_PC = 3 };
#define TRIAL_NS 2000000000u /* a trial that takes longer is cut here */

/* ---- the wait policy every baseline shares (the bus's own) ---- */

enum { WAIT_NAP_NS = 50000, WAIT_SPINS = 256 };
#define WAIT_SLEEP_NS 10000000u /* the consumer loop's limit on a sleep, bus included */

/* The consumer's side: one per queue. */
typedef struct waker {
    _Alignas(64) _Atomic uint32_t sleeping; /* read by every commit, written rarely */
    int heavy;                              /* read-only: membarrier(2) is available */
    _Alignas(64) _Atomic uint32_t wake_gen; /* futex word the consumer sleeps on */
    /* consumer-owned */
    _Alignas(64) uint64_t next; /* events delivered = the next delivery number */
    uint64_t wait_next;         /* 'next' at the last wait */
    uint32_t wait_gen;          /* wake_gen at the last wait */
} waker;

/* Producers waiting for room: one per ring (spsc) or per queue (MPSC). */
typedef struct room {
    _Alignas(64) _Atomic uint32_t waiting; /* producers parked (a count: MPSC) */
    _Atomic uint32_t space_gen;            /* futex word they park on */
} room;

static int wait_heavy_ok;
static pthread_once_t wait_heavy_once = PTHREAD_ONCE_INIT;

/* As bus_heavy_register, and off under the same variable. */
static void wait_heavy_register(void)
{
    const char *off = getenv("PS_BUS_NO_MEMBARRIER");
    if (off && *off)
        return;
    long cmds = syscall(SYS_membarrier, MEMBARRIER_CMD_QUERY, 0, 0);
    if (cmds > 0 && (cmds & MEMBARRIER_CMD_PRIVATE_EXPEDITED) &&
        syscall(SYS_membarrier, MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED, 0, 0) == 0)
        wait_heavy_ok = 1;
}

static void waker_init(waker *w)
{
    pthread_once(&wait_heavy_once, wait_heavy_register);
    memset(w, 0, sizeof(*w));
    w->heavy = wait_heavy_ok;
}

/* Any thread: wake the consumer (bus_kick). */
static void wait_kick(waker *w)
{
    /* release: pairs with wait_empty's acquire load of the generation. */
    atomic_fetch_add_explicit(&w->wake_gen, 1, memory_order_release);
    futex_wake(&w->wake_gen, 1);
}

/* Producer, right after the store that commits an event (bus_commit, then
 * bus_wake): a sleeping consumer is woken by the first to see it. */
static inline void wait_committed(waker *w)
{
    if (w->heavy)
        atomic_signal_fence(memory_order_seq_cst); /* the consumer's membarrier does the rest */
    else
        atomic_thread_fence(memory_order_seq_cst); /* commit before the flag load (SB pair) */
    /* relaxed: ordered by the fence above (or the consumer's membarrier). */
    if (atomic_load_explicit(&w->sleeping, memory_order_relaxed) &&
        /* relaxed: the futex word's change in wait_kick is the wake itself. */
        atomic_exchange_explicit(&w->sleeping, 0, memory_order_relaxed))
        wait_kick(w);
}

/* Producer: its queue is full (bus_wait_room, ring_wait_room).  Returns once
 * full(q) says there is room. */
static inline void wait_room(waker *w, room *r, int (*full)(const void *), const void *q)
{
    wait_kick(w); /* a napping consumer is not flagged, so wake it now */
    for (int i = 0;; i++) {
        if (!full(q))
            return;
        if (i < WAIT_SPINS)
            continue;
        /* relaxed: read before announcing; a change after it fails the futex. */
        uint32_t gen = atomic_load_explicit(&r->space_gen, memory_order_relaxed);
        /* relaxed, then the fence: announce before the re-check (Dekker with wait_freed). */
        atomic_fetch_add_explicit(&r->waiting, 1, memory_order_relaxed);
        atomic_thread_fence(memory_order_seq_cst);
        if (full(q))
            futex_wait(&r->space_gen, gen, 0);
        /* relaxed: a hint; a stale count costs the consumer one extra wake. */
        atomic_fetch_sub_explicit(&r->waiting, 1, memory_order_relaxed);
    }
}

/* Consumer: it freed slots (ring_release); wake producers parked for room. */
static inline void wait_freed(room *r)
{
    /* seq_cst: the frees before the 'waiting' load (Dekker with wait_room). */
    atomic_thread_fence(memory_order_seq_cst);
    /* relaxed: ordered by the fence. */
    if (atomic_load_explicit(&r->waiting, memory_order_relaxed)) {
        /* relaxed: the futex word only needs to change. */
        atomic_fetch_add_explicit(&r->space_gen, 1, memory_order_relaxed);
        futex_wake(&r->space_gen, INT_MAX);
    }
}

/* Consumer, after an empty poll (bus_wait).  ready(q): an event is visible. */
static void wait_empty(waker *w, int (*ready)(const void *), const void *q, uint64_t timeout_ns)
{
    /* acquire: pairs with wait_kick's release, so a later poll sees events. */
    uint32_t gen = atomic_load_explicit(&w->wake_gen, memory_order_acquire);
    if (gen != w->wait_gen) { /* a kick since the last wait: poll again */
        w->wait_gen = gen;
        return;
    }
    int busy = w->next != w->wait_next;
    w->wait_next = w->next;
    if (ready(q))
        return;
    if (busy) { /* events are flowing: a nap nobody is asked to cut short */
        futex_wait(&w->wake_gen, gen, timeout_ns < WAIT_NAP_NS ? timeout_ns : WAIT_NAP_NS);
        return;
    }
    /* seq_cst: the handshake's store, before the re-check below. */
    atomic_store_explicit(&w->sleeping, 1, memory_order_seq_cst);
    if (w->heavy)
        syscall(SYS_membarrier, MEMBARRIER_CMD_PRIVATE_EXPEDITED, 0, 0);
    else
        atomic_thread_fence(memory_order_seq_cst); /* ready()'s loads are not seq_cst */
    if (!ready(q))
        futex_wait(&w->wake_gen, gen, timeout_ns);
    /* relaxed: a hint for producers; a stale 1 costs one extra wake. */
    atomic_store_explicit(&w->sleeping, 0, memory_order_relaxed);
}

/* Slot memory for every queue: what the bus's rings use. */
static void *slots_alloc(size_t bytes)
{
    return ps_pages_alloc(bytes);
}

/* ---- baseline: ck_ring MPSC ---- */

#ifdef HAVE_CK
CK_RING_PROTOTYPE(psev, ps_event)

typedef struct ckq {
    waker w;
    room room;
    _Alignas(64) ck_ring_t ring;
    ps_event *buf;
    size_t cap;
} ckq;

static ckq *ckq_create(size_t cap)
{
    ckq *q = aligned_alloc(64, sizeof(ckq));
    memset(q, 0, sizeof(*q));
    waker_init(&q->w);
    q->cap = cap;
    q->buf = slots_alloc(cap * sizeof(ps_event));
    ck_ring_init(&q->ring, (unsigned int)cap);
    return q;
}

static void ckq_destroy(ckq *q)
{
    ps_pages_free(q->buf, q->cap * sizeof(ps_event));
    free(q);
}

static int ckq_full(const void *p)
{
    const ckq *q = p;
    return ck_ring_size(&q->ring) >= ck_ring_capacity(&q->ring) - 1;
}

static int ckq_ready(const void *p)
{
    return ck_ring_size(&((const ckq *)p)->ring) != 0;
}

static inline void ckq_publish(ckq *q, const ps_event *e)
{
    /* ck's typed enqueue takes a non-const pointer; it only copies from it */
    while (!ck_ring_enqueue_mpsc_psev(&q->ring, q->buf, (ps_event *)e))
        wait_room(&q->w, &q->room, ckq_full, q);
    wait_committed(&q->w);
}

static size_t ckq_poll(ckq *q, ps_event *out, size_t max)
{
    size_t n = 0;
    while (n < max && ck_ring_dequeue_mpsc_psev(&q->ring, q->buf, &out[n]))
        out[n++].seq = q->w.next++;
    if (n)
        wait_freed(&q->room);
    return n;
}
#endif

/* ---- baseline: Vyukov bounded MPSC ---- */

/* A cell is an event whose first word (seq) is the cell's sequence number
 * while it sits in the queue: pos = free for the producer of ticket pos,
 * pos + 1 = holds that event; the consumer writes the delivery number into
 * the copy it hands out.  So a cell is one line, like a bus slot. */
typedef struct vcell {
    _Alignas(64) _Atomic uint64_t seq;
    unsigned char rest[sizeof(ps_event) - sizeof(uint64_t)];
} vcell;
_Static_assert(sizeof(vcell) == sizeof(ps_event), "a cell is one event");
_Static_assert(offsetof(ps_event, seq) == 0, "the cell's sequence is the event's seq");

typedef struct vyq {
    waker w;
    room room;
    _Alignas(64) _Atomic uint64_t enq; /* next ticket; every producer CASes it */
    _Alignas(64) uint64_t deq;         /* consumer-owned: next ticket to take */
    uint64_t mask;
    vcell *cells;
} vyq;

static vyq *vyq_create(size_t cap)
{
    vyq *q = aligned_alloc(64, sizeof(vyq));
    memset(q, 0, sizeof(*q));
    waker_init(&q->w);
    q->mask = cap - 1;
    q->cells = slots_alloc(cap * sizeof(vcell));
    for (size_t i = 0; i < cap; i++)
        atomic_init(&q->cells[i].seq, i);
    return q;
}

static void vyq_destroy(vyq *q)
{
    ps_pages_free(q->cells, (q->mask + 1) * sizeof(vcell));
    free(q);
}

/* Called after the policy's fence, which orders these loads. */
static int vyq_full(const void *p)
{
    const vyq *q = p;
    /* relaxed: a re-check; wait_room's fence orders it after the announcement. */
    uint64_t pos = atomic_load_explicit(&q->enq, memory_order_relaxed);
    /* relaxed: as above. */
    uint64_t seq = atomic_load_explicit(&q->cells[pos & q->mask].seq, memory_order_relaxed);
    return (int64_t)(seq - pos) < 0;
}

static int vyq_ready(const void *p)
{
    const vyq *q = p;
    /* relaxed: a re-check; the poll that follows loads it with acquire. */
    return atomic_load_explicit(&q->cells[q->deq & q->mask].seq, memory_order_relaxed) ==
           q->deq + 1;
}

static inline int vyq_try(vyq *q, const ps_event *e)
{
    /* relaxed: the cell's seq, not the ticket, publishes and frees cells. */
    uint64_t pos = atomic_load_explicit(&q->enq, memory_order_relaxed);
    for (;;) {
        vcell *c = &q->cells[pos & q->mask];
        /* acquire: the consumer finished reading the cell before freeing it. */
        uint64_t seq = atomic_load_explicit(&c->seq, memory_order_acquire);
        int64_t dif = (int64_t)(seq - pos);
        if (dif == 0) {
            /* relaxed: the ticket only has to be unique (cell seq orders data). */
            if (atomic_compare_exchange_weak_explicit(&q->enq, &pos, pos + 1, memory_order_relaxed,
                                                      memory_order_relaxed)) {
                memcpy(c->rest, (const unsigned char *)e + sizeof(uint64_t), sizeof(c->rest));
                /* release: the contents are visible before the cell says full. */
                atomic_store_explicit(&c->seq, pos + 1, memory_order_release);
                return 1;
            }
        } else if (dif < 0) {
            return 0; /* the cell still holds the event of one lap ago: full */
        } else {
            /* relaxed: another producer took this ticket; take a fresh one. */
            pos = atomic_load_explicit(&q->enq, memory_order_relaxed);
        }
    }
}

static inline void vyq_publish(vyq *q, const ps_event *e)
{
    while (!vyq_try(q, e))
        wait_room(&q->w, &q->room, vyq_full, q);
    wait_committed(&q->w);
}

static size_t vyq_poll(vyq *q, ps_event *out, size_t max)
{
    size_t n = 0;
    while (n < max) {
        vcell *c = &q->cells[q->deq & q->mask];
        /* acquire: pairs with the producer's release; the contents are there. */
        if (atomic_load_explicit(&c->seq, memory_order_acquire) != q->deq + 1)
            break;
        memcpy((unsigned char *)&out[n] + sizeof(uint64_t), c->rest, sizeof(c->rest));
        out[n++].seq = q->w.next++;
        /* release: the copy is done before a producer may refill the cell. */
        atomic_store_explicit(&c->seq, q->deq + q->mask + 1, memory_order_release);
        q->deq++;
    }
    if (n)
        wait_freed(&q->room);
    return n;
}

/* ---- baseline: per-producer SPSC rings, round-robin, no merge ---- */

/* Laid out like ring.h: each side on its own line with a cached copy of the
 * other's index, so the fast path reads a shared line only when the cache
 * says full (producer) or empty (consumer). */
typedef struct sring {
    _Alignas(64) _Atomic uint64_t tail; /* producer stores */
    uint64_t head_cache;                /* producer-owned */
    _Alignas(64) _Atomic uint64_t head; /* consumer stores */
    uint64_t tail_cache;                /* consumer-owned */
    room room;
    _Alignas(64) uint64_t mask;
    ps_event *slots;
} sring;

typedef struct spq {
    waker w;
    _Alignas(64) int n, first; /* consumer: the ring a poll starts at */
    sring r[MAX_PROD];
} spq;

static spq *spq_create(int n, size_t cap)
{
    spq *q = aligned_alloc(64, sizeof(spq));
    memset(q, 0, sizeof(*q));
    waker_init(&q->w);
    q->n = n;
    for (int i = 0; i < n; i++) {
        q->r[i].mask = cap - 1;
        q->r[i].slots = slots_alloc(cap * sizeof(ps_event));
    }
    return q;
}

static void spq_destroy(spq *q)
{
    for (int i = 0; i < q->n; i++)
        ps_pages_free(q->r[i].slots, (q->r[i].mask + 1) * sizeof(ps_event));
    free(q);
}

static int sring_full(const void *p)
{
    const sring *r = p;
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    /* acquire: the consumer finished reading the slots it freed. */
    return tail - atomic_load_explicit(&r->head, memory_order_acquire) > r->mask;
}

static int spq_ready(const void *p)
{
    const spq *q = p;
    for (int i = 0; i < q->n; i++) {
        /* relaxed: a re-check after wait_empty's fence; the poll loads it with acquire. */
        uint64_t tail = atomic_load_explicit(&q->r[i].tail, memory_order_relaxed);
        /* relaxed: only the consumer writes head. */
        if (tail != atomic_load_explicit(&q->r[i].head, memory_order_relaxed))
            return 1;
    }
    return 0;
}

static inline void spq_publish(spq *q, int p, const ps_event *e)
{
    sring *r = &q->r[p];
    /* relaxed: only this producer writes tail. */
    uint64_t tail = atomic_load_explicit(&r->tail, memory_order_relaxed);
    if (tail - r->head_cache > r->mask) {
        /* acquire: the consumer finished reading the slots it freed. */
        r->head_cache = atomic_load_explicit(&r->head, memory_order_acquire);
        if (tail - r->head_cache > r->mask) {
            wait_room(&q->w, &r->room, sring_full, r);
            /* acquire: as above. */
            r->head_cache = atomic_load_explicit(&r->head, memory_order_acquire);
        }
    }
    r->slots[tail & r->mask] = *e;
    /* release: the slot's contents are visible before the new tail. */
    atomic_store_explicit(&r->tail, tail + 1, memory_order_release);
    wait_committed(&q->w);
}

/* Each ring's visible events in turn, starting one ring later every poll. */
static size_t spq_poll(spq *q, ps_event *out, size_t max)
{
    size_t got = 0;
    for (int empty = 0, i = q->first; got < max && empty < q->n; i = (i + 1) % q->n) {
        sring *r = &q->r[i];
        /* relaxed: only the consumer writes head. */
        uint64_t head = atomic_load_explicit(&r->head, memory_order_relaxed);
        if (r->tail_cache == head)
            /* acquire: pairs with spq_publish's release; the slots are there. */
            r->tail_cache = atomic_load_explicit(&r->tail, memory_order_acquire);
        size_t n = (size_t)(r->tail_cache - head);
        if (!n) {
            empty++;
            continue;
        }
        empty = 0;
        n = n < max - got ? n : max - got;
        for (size_t k = 0; k < n; k++) {
            out[got] = r->slots[(head + k) & r->mask];
            out[got++].seq = q->w.next++;
        }
        /* release: the copies are done before the producer reuses the slots. */
        atomic_store_explicit(&r->head, head + n, memory_order_release);
        wait_freed(&r->room);
    }
    q->first = (q->first + 1) % q->n;
    return got;
}

/* ---- baseline: mutex queue ---- */

typedef struct mq {
    waker w;
    room room;
    _Alignas(64) pthread_mutex_t mu;
    /* written under mu; atomics so the policy's re-checks may read them unlocked */
    _Atomic uint64_t head, tail;
    uint64_t mask;
    ps_event *slots;
} mq;

static mq *mq_create(size_t cap)
{
    mq *q = aligned_alloc(64, sizeof(mq));
    memset(q, 0, sizeof(*q));
    waker_init(&q->w);
    pthread_mutex_init(&q->mu, NULL);
    q->mask = cap - 1;
    q->slots = slots_alloc(cap * sizeof(ps_event));
    return q;
}

static void mq_destroy(mq *q)
{
    pthread_mutex_destroy(&q->mu);
    ps_pages_free(q->slots, (q->mask + 1) * sizeof(ps_event));
    free(q);
}

/* Unlocked re-checks: wait_room's / wait_empty's fence orders them. */
static int mq_full(const void *p)
{
    const mq *q = p;
    /* relaxed: a re-check (see above); the lock orders the real accesses. */
    return atomic_load_explicit(&q->tail, memory_order_relaxed) -
               atomic_load_explicit(&q->head, memory_order_relaxed) >
           q->mask;
}

static int mq_ready(const void *p)
{
    const mq *q = p;
    /* relaxed: a re-check (see mq_full). */
    return atomic_load_explicit(&q->tail, memory_order_relaxed) !=
           atomic_load_explicit(&q->head, memory_order_relaxed);
}

static inline void mq_publish(mq *q, const ps_event *e)
{
    pthread_mutex_lock(&q->mu);
    /* relaxed (all under mu): the lock orders them. */
    uint64_t tail = atomic_load_explicit(&q->tail, memory_order_relaxed);
    while (tail - atomic_load_explicit(&q->head, memory_order_relaxed) > q->mask) {
        pthread_mutex_unlock(&q->mu);
        wait_room(&q->w, &q->room, mq_full, q);
        pthread_mutex_lock(&q->mu);
        tail = atomic_load_explicit(&q->tail, memory_order_relaxed); /* under mu */
    }
    q->slots[tail & q->mask] = *e;
    atomic_store_explicit(&q->tail, tail + 1, memory_order_relaxed); /* under mu */
    pthread_mutex_unlock(&q->mu);
    wait_committed(&q->w);
}

static size_t mq_poll(mq *q, ps_event *out, size_t max)
{
    pthread_mutex_lock(&q->mu);
    /* relaxed (under mu): the lock orders them. */
    uint64_t head = atomic_load_explicit(&q->head, memory_order_relaxed);
    size_t n = (size_t)(atomic_load_explicit(&q->tail, memory_order_relaxed) - head);
    n = n < max ? n : max;
    for (size_t i = 0; i < n; i++)
        out[i] = q->slots[(head + i) & q->mask];
    atomic_store_explicit(&q->head, head + n, memory_order_relaxed); /* under mu */
    pthread_mutex_unlock(&q->mu);
    for (size_t i = 0; i < n; i++)
        out[i].seq = q->w.next++;
    if (n)
        wait_freed(&q->room);
    return n;
}

/* ---- dispatch ---- */

static void *q_create(int impl, int nprod, size_t per_prod)
{
    size_t cap = per_prod * (size_t)nprod;
    switch (impl) {
    case IMPL_BUS:
        return bus_create(nprod, per_prod);
#ifdef HAVE_CK
    case IMPL_CK:
        return ckq_create(cap);
#endif
    case IMPL_VY:
        return vyq_create(cap);
    case IMPL_SPSC:
        return spq_create(nprod, per_prod);
    case IMPL_MUTEX:
        return mq_create(cap);
    }
    return NULL;
}

static void q_destroy(int impl, void *q)
{
    switch (impl) {
    case IMPL_BUS:
        bus_destroy(q);
        break;
#ifdef HAVE_CK
    case IMPL_CK:
        ckq_destroy(q);
        break;
#endif
    case IMPL_VY:
        vyq_destroy(q);
        break;
    case IMPL_SPSC:
        spq_destroy(q);
        break;
    case IMPL_MUTEX:
        mq_destroy(q);
        break;
    }
}

/* Inline with a constant impl, the switch folds away (see producer()). */
static inline void q_publish(int impl, void *q, int id, const ps_event *e)
{
    switch (impl) {
    case IMPL_BUS:
        bus_publish(q, id, e);
        break;
#ifdef HAVE_CK
    case IMPL_CK:
        ckq_publish(q, e);
        break;
#endif
    case IMPL_VY:
        vyq_publish(q, e);
        break;
    case IMPL_SPSC:
        spq_publish(q, id, e);
        break;
    case IMPL_MUTEX:
        mq_publish(q, e);
        break;
    }
}

static size_t q_poll(int impl, void *q, ps_event *out, size_t max)
{
    switch (impl) {
    case IMPL_BUS:
        return bus_poll(q, out, max);
#ifdef HAVE_CK
    case IMPL_CK:
        return ckq_poll(q, out, max);
#endif
    case IMPL_VY:
        return vyq_poll(q, out, max);
    case IMPL_SPSC:
        return spq_poll(q, out, max);
    case IMPL_MUTEX:
        return mq_poll(q, out, max);
    }
    return 0;
}

/* After an empty poll: the bus's own wait, or the same policy's copy. */
static void q_wait(int impl, void *q)
{
    switch (impl) {
    case IMPL_BUS:
        bus_wait(q, WAIT_SLEEP_NS);
        break;
#ifdef HAVE_CK
    case IMPL_CK:
        wait_empty(&((ckq *)q)->w, ckq_ready, q, WAIT_SLEEP_NS);
        break;
#endif
    case IMPL_VY:
        wait_empty(&((vyq *)q)->w, vyq_ready, q, WAIT_SLEEP_NS);
        break;
    case IMPL_SPSC:
        wait_empty(&((spq *)q)->w, spq_ready, q, WAIT_SLEEP_NS);
        break;
    case IMPL_MUTEX:
        wait_empty(&((mq *)q)->w, mq_ready, q, WAIT_SLEEP_NS);
        break;
    }
}

static int have_impl(int impl)
{
#ifdef HAVE_CK
    (void)impl;
    return 1;
#else
    return impl != IMPL_CK;
#endif
}

/* ---- one trial ---- */

typedef struct trial trial;
typedef struct prod {
    trial *t;
    int id;
    uint64_t *lat; /* ns per batch of BATCH publishes */
    size_t nlat;
    size_t published;
    pthread_t th;
} prod;

struct trial {
    int impl, nprod;
    size_t per_prod;
    void *q;
    _Atomic int ready, go, stop, done;
    prod p[MAX_PROD];
};

#define TIMED_LOOP(IMPL)                                                                           \
    for (size_t i = 0; i < n; i += BATCH) {                                                        \
        /* relaxed: a request to stop soon; nothing is read through it */                          \
        if (atomic_load_explicit(&t->stop, memory_order_relaxed))                                  \
            break;                                                                                 \
        uint64_t t0 = bench_now_ns();                                                              \
        for (size_t k = 0; k < BATCH; k++) {                                                       \
            e.arg = (int64_t)(i + k);                                                              \
            q_publish(IMPL, t->q, p->id, &e);                                                      \
        }                                                                                          \
        p->lat[p->nlat++] = bench_now_ns() - t0;                                                   \
        p->published += BATCH;                                                                     \
    }

static void *producer(void *arg)
{
    prod *p = arg;
    trial *t = p->t;
    size_t n = t->per_prod;
    ps_event e;
    memset(&e, 0, sizeof(e));
    e.actor = (uint32_t)(p->id + 1);
    e.kind = EV_Q_SEND;
    atomic_fetch_add(&t->ready, 1);
    /* acquire: pairs with the consumer's release of go (the queue is set up). */
    while (!atomic_load_explicit(&t->go, memory_order_acquire))
        bench_relax();
    switch (t->impl) {
    case IMPL_BUS:
        TIMED_LOOP(IMPL_BUS);
        break;
    case IMPL_CK:
        TIMED_LOOP(IMPL_CK);
        break;
    case IMPL_VY:
        TIMED_LOOP(IMPL_VY);
        break;
    case IMPL_SPSC:
        TIMED_LOOP(IMPL_SPSC);
        break;
    case IMPL_MUTEX:
        TIMED_LOOP(IMPL_MUTEX);
        break;
    }
    /* release: 'published' is read by the consumer after it sees done. */
    atomic_fetch_add_explicit(&t->done, 1, memory_order_release);
    return NULL;
}

/* Checks order: gap-free seq and FIFO per producer. */
typedef struct checker {
    uint64_t got;
    int64_t next_arg[MAX_PROD + 1];
    int bad;
} checker;

static void check_batch(checker *c, const ps_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (ev[i].seq != c->got + i)
            c->bad = 1;
        int a = ev[i].actor;
        if (a < 1 || a > MAX_PROD || ev[i].arg != c->next_arg[a]++)
            c->bad = 1;
    }
    c->got += n;
}

typedef struct result {
    double mev_s;    /* million events per second */
    double p50, p99; /* ns per publish */
} result;

static void lat_result(trial *t, result *r)
{
    size_t total = 0;
    for (int i = 0; i < t->nprod; i++)
        total += t->p[i].nlat;
    uint64_t *all = malloc(total * sizeof(uint64_t));
    size_t k = 0;
    for (int i = 0; i < t->nprod; i++) {
        memcpy(all + k, t->p[i].lat, t->p[i].nlat * sizeof(uint64_t));
        k += t->p[i].nlat;
    }
    r->p50 = (double)bench_percentile_u64(all, total, 50) / BATCH;
    r->p99 = (double)bench_percentile_u64(all, total, 99) / BATCH;
    free(all);
}

/* Producers on their own threads, the consumer on this one. */
static int run_trial(int impl, int nprod, size_t total, result *r)
{
    trial *t = calloc(1, sizeof(*t));
    t->impl = impl;
    t->nprod = nprod;
    t->per_prod = total / (size_t)nprod;
    t->q = q_create(impl, nprod, RING_PER_PRODUCER);
    if (!t->q) {
        free(t);
        return -1;
    }
    for (int i = 0; i < nprod; i++) {
        t->p[i].t = t;
        t->p[i].id = i;
        t->p[i].lat = malloc((t->per_prod / BATCH + 1) * sizeof(uint64_t));
        pthread_create(&t->p[i].th, NULL, producer, &t->p[i]);
    }
    while (atomic_load(&t->ready) < nprod)
        bench_relax();
    static ps_event buf[POLL_MAX];
    checker c;
    memset(&c, 0, sizeof(c));
    uint64_t want = t->per_prod * (uint64_t)nprod;
    uint64_t t0 = bench_now_ns(), el = 0, counted = 0;
    /* release: the queue is set up before producers touch it. */
    atomic_store_explicit(&t->go, 1, memory_order_release);
    /* Time-bounded: after TRIAL_NS the figure is what arrived so far; the
     * producers stop at their next batch and the rest is drained unmeasured. */
    while (c.got < want) {
        size_t n = q_poll(impl, t->q, buf, POLL_MAX);
        check_batch(&c, buf, n);
        if (!n)
            q_wait(impl, t->q);
        if (!el && c.got < want && bench_now_ns() - t0 > TRIAL_NS) {
            el = bench_now_ns() - t0;
            counted = c.got;
            atomic_store(&t->stop, 1);
        }
        /* acquire: pairs with the producers' release; 'published' is final. */
        if (el && atomic_load_explicit(&t->done, memory_order_acquire) == nprod) {
            want = 0;
            for (int i = 0; i < nprod; i++)
                want += t->p[i].published;
        }
    }
    if (!el) {
        el = bench_now_ns() - t0;
        counted = c.got;
    }
    for (int i = 0; i < nprod; i++)
        pthread_join(t->p[i].th, NULL);
    r->mev_s = (double)counted / ((double)el / 1e9) / 1e6;
    lat_result(t, r);
    for (int i = 0; i < nprod; i++)
        free(t->p[i].lat);
    q_destroy(impl, t->q);
    free(t);
    if (c.bad || c.got != want) {
        fprintf(stderr, "bus: %s with %d producers delivered events out of order\n",
                impl_name[impl], nprod);
        return -1;
    }
    return 0;
}

/* One thread: publish 512 (timed in batches), drain 512, repeat. */
static int run_idle(int impl, size_t total, result *r)
{
    enum { ROUND = 512 };
    void *q = q_create(impl, 1, RING_PER_PRODUCER);
    trial t;
    memset(&t, 0, sizeof(t));
    t.impl = impl;
    t.nprod = 1;
    t.q = q;
    prod *p = &t.p[0];
    p->lat = malloc((total / BATCH + 1) * sizeof(uint64_t));
    ps_event e, buf[POLL_MAX];
    memset(&e, 0, sizeof(e));
    e.actor = 1;
    e.kind = EV_Q_SEND;
    checker c;
    memset(&c, 0, sizeof(c));
    for (size_t base = 0; base < total; base += ROUND) {
        size_t n = ROUND;
        for (size_t i = 0; i < n; i += BATCH) {
            uint64_t a = bench_now_ns();
            for (size_t k = 0; k < BATCH; k++) {
                e.arg = (int64_t)(base + i + k);
                switch (impl) { /* constant per case: each inlines its own publish */
                case IMPL_BUS:
                    q_publish(IMPL_BUS, q, 0, &e);
                    break;
                case IMPL_CK:
                    q_publish(IMPL_CK, q, 0, &e);
                    break;
                case IMPL_VY:
                    q_publish(IMPL_VY, q, 0, &e);
                    break;
                case IMPL_SPSC:
                    q_publish(IMPL_SPSC, q, 0, &e);
                    break;
                case IMPL_MUTEX:
                    q_publish(IMPL_MUTEX, q, 0, &e);
                    break;
                }
            }
            p->lat[p->nlat++] = bench_now_ns() - a;
        }
        size_t got = 0;
        while (got < n) {
            size_t k = q_poll(impl, q, buf, POLL_MAX);
            check_batch(&c, buf, k);
            got += k;
        }
    }
    lat_result(&t, r);
    free(p->lat);
    q_destroy(impl, q);
    if (c.bad || c.got != total) {
        fprintf(stderr, "bus: %s single-threaded delivered events out of order\n", impl_name[impl]);
        return -1;
    }
    return 0;
}

/* The consumer alone: two threads fill a queue (each its own producer id,
 * each 'per' events), they are joined, then this thread times draining it;
 * repeated on the same queue until 'total' events were drained.  What the
 * consumer can deliver when producers cost nothing: the ceiling of a 2P->1C
 * figure.  The slots were written on other threads, so the drain pulls
 * them from the other core's cache (or its own, where the scheduler put a
 * filler on this core). */
typedef struct filler {
    int impl;
    void *q;
    int id;
    size_t per;
    uint64_t base;
    pthread_t th;
} filler;

static void *fill_queue(void *arg)
{
    filler *f = arg;
    ps_event e;
    memset(&e, 0, sizeof(e));
    e.actor = (uint32_t)(f->id + 1);
    e.kind = EV_Q_SEND;
    for (size_t i = 0; i < f->per; i++) {
        e.arg = (int64_t)(f->base + i);
        q_publish(f->impl, f->q, f->id, &e);
    }
    return NULL;
}

static int run_drain(int impl, size_t per_prod, size_t per, size_t total, double *mev_s)
{
    static ps_event buf[POLL_MAX];
    void *q = q_create(impl, 2, per_prod);
    if (!q)
        return -1;
    checker c;
    memset(&c, 0, sizeof(c));
    uint64_t el = 0;
    for (uint64_t base = 0; c.got < total; base += per) {
        filler f[2];
        for (int i = 0; i < 2; i++) {
            f[i] = (filler){.impl = impl, .q = q, .id = i, .per = per, .base = base};
            pthread_create(&f[i].th, NULL, fill_queue, &f[i]);
        }
        for (int i = 0; i < 2; i++)
            pthread_join(f[i].th, NULL);
        uint64_t want = c.got + 2 * per, t0 = bench_now_ns();
        while (c.got < want)
            check_batch(&c, buf, q_poll(impl, q, buf, POLL_MAX));
        el += bench_now_ns() - t0;
    }
    q_destroy(impl, q);
    *mev_s = (double)c.got / ((double)el / 1e9) / 1e6;
    return c.bad ? -1 : 0;
}

/* What an engine event costs on top of bus_publish: its stamp, one read of
 * the clock the bus orders by (clock.h).  ns per read, batches of 64. */
static double run_clock(size_t total)
{
    size_t nb = total / BATCH;
    uint64_t *lat = malloc(nb * sizeof(uint64_t));
    volatile uint64_t sink = 0;
    for (size_t b = 0; b < nb; b++) {
        uint64_t t0 = bench_now_ns();
        for (int k = 0; k < BATCH; k++)
            sink += clock_now_ns();
        lat[b] = bench_now_ns() - t0;
    }
    (void)sink;
    double p50 = (double)bench_percentile_u64(lat, nb, 50) / BATCH;
    free(lat);
    return p50;
}

/* The old consumer-alone figure (2 rings of 16384, bus only), kept to show
 * what it measures next to the one at the trials' capacity. */
enum { BIG_RING = 16384 };

int bench_bus(const bench_ctx *c)
{
    size_t total = c->quick ? (1u << 18) : (1u << 21);
    size_t drain_total = total / 2;
    /* ck_ring holds one less than its size, so every queue drains 1023 per
     * producer (the same for all), out of 1024 slots per producer */
    size_t drain_per = RING_PER_PRODUCER - 1;
    int runs = c->runs;
    /* [impl][pc][run] */
    double *thr = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *p50 = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *p99 = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *idle50 = calloc((size_t)(IMPL_N * runs), sizeof(double));
    double *idle99 = calloc((size_t)(IMPL_N * runs), sizeof(double));
    double *drain = calloc((size_t)(IMPL_N * runs), sizeof(double));
    double *drain_big = calloc((size_t)runs, sizeof(double));
    double *stamp = calloc((size_t)runs, sizeof(double));
#define AT(a, i, pc, r) a[((i)*N_PC + (pc)) * runs + (r)]
    int bad = 0;
    for (int r = 0; r < runs && !bad; r++) {
        bench_progress("  run %d/%d", r + 1, runs);
        /* the queues take turns going first: run r starts with queue r */
        for (int pc = 0; pc < N_PC && !bad; pc++)
            for (int k = 0; k < IMPL_N && !bad; k++) {
                int i = (r + k) % IMPL_N;
                if (!have_impl(i))
                    continue;
                result res;
                bad = run_trial(i, prod_counts[pc], total, &res) != 0;
                AT(thr, i, pc, r) = res.mev_s;
                AT(p50, i, pc, r) = res.p50;
                AT(p99, i, pc, r) = res.p99;
            }
        for (int k = 0; k < IMPL_N && !bad; k++) {
            int i = (r + k) % IMPL_N;
            if (!have_impl(i))
                continue;
            result res;
            bad = run_idle(i, total, &res) != 0;
            idle50[i * runs + r] = res.p50;
            idle99[i * runs + r] = res.p99;
            if (!bad)
                bad = run_drain(i, RING_PER_PRODUCER, drain_per, drain_total,
                                &drain[i * runs + r]) != 0;
        }
        if (!bad)
            bad = run_drain(IMPL_BUS, BIG_RING, BIG_RING, drain_total, &drain_big[r]) != 0;
        stamp[r] = run_clock(total);
    }
    if (bad) {
        fprintf(stderr, "bus: a queue lost or misordered events\n");
        goto out;
    }
    char name[128], note[160];
    double *tmp = calloc((size_t)runs, sizeof(double));
    /* same-run ratios bus / baseline, taken before the figures sort their arrays:
     * [impl][pc][run] for throughput, [impl][run] for the drain */
    double *vs = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *vs_drain = calloc((size_t)(IMPL_N * runs), sizeof(double));
    for (int i = 1; i < IMPL_N; i++)
        for (int r = 0; r < runs && have_impl(i); r++) {
            for (int pc = 0; pc < N_PC; pc++)
                AT(vs, i, pc, r) = AT(thr, IMPL_BUS, pc, r) / AT(thr, i, pc, r);
            vs_drain[i * runs + r] = drain[IMPL_BUS * runs + r] / drain[i * runs + r];
        }
    for (int pc = 0; pc < N_PC; pc++)
        for (int i = 0; i < IMPL_N; i++) {
            snprintf(name, sizeof name, "throughput, %dP->1C, %s", prod_counts[pc], impl_name[i]);
            if (!have_impl(i)) {
                bench_skip("bus", name, "libck-dev not installed");
                continue;
            }
            snprintf(note, sizeof note,
                     "%zu events of 64 B; %d slots per producer; batch %d; shared wait policy",
                     total, RING_PER_PRODUCER, POLL_MAX);
            bench_figure("bus", name, &AT(thr, i, pc, 0), runs, " Mev/s", note);
        }
    for (int i = 0; i < IMPL_N; i++) {
        if (!have_impl(i))
            continue;
        snprintf(name, sizeof name, "consumer alone: drain, 2P, %s", impl_name[i]);
        snprintf(note, sizeof note,
                 "2 threads put %zu each into %d slots per producer, joined; drain timed",
                 drain_per, RING_PER_PRODUCER);
        bench_figure("bus", name, &drain[i * runs], runs, " Mev/s", note);
    }
    snprintf(note, sizeof note, "as above with 2 rings of %d, filled full (the old figure)",
             BIG_RING);
    bench_figure("bus", "consumer alone: drain, 2P, bus, rings of 16384", drain_big, runs, " Mev/s",
                 note);
    bench_figure("bus", "clock read: an engine event's stamp (not in publish)", stamp, runs, " ns",
                 "clock_now_ns = CLOCK_MONOTONIC (vDSO), batches of 64");
    for (int pc = 0; pc < N_PC; pc++)
        for (int i = 0; i < IMPL_N; i++) {
            if (!have_impl(i))
                continue;
            snprintf(name, sizeof name, "publish p50, %dP->1C, %s", prod_counts[pc], impl_name[i]);
            bench_figure("bus", name, &AT(p50, i, pc, 0), runs, " ns", "per event, batches of 64");
            snprintf(name, sizeof name, "publish p99, %dP->1C, %s", prod_counts[pc], impl_name[i]);
            bench_figure("bus", name, &AT(p99, i, pc, 0), runs, " ns", "per event, batches of 64");
        }
    for (int i = 0; i < IMPL_N; i++) {
        if (!have_impl(i))
            continue;
        snprintf(name, sizeof name, "publish p50, 1 thread (consumer idle), %s", impl_name[i]);
        bench_figure("bus", name, &idle50[i * runs], runs, " ns", "publish 512, then drain 512");
        snprintf(name, sizeof name, "publish p99, 1 thread (consumer idle), %s", impl_name[i]);
        bench_figure("bus", name, &idle99[i * runs], runs, " ns", "publish 512, then drain 512");
    }
    double goal_mq = 0, goal_ck = 0;
    for (int pc = 0; pc < N_PC; pc++)
        for (int i = 1; i < IMPL_N; i++) {
            snprintf(name, sizeof name, "bus / %s, %dP->1C throughput", impl_name[i],
                     prod_counts[pc]);
            if (!have_impl(i)) {
                if (prod_counts[pc] == 2)
                    bench_skip("bus", "bus 2P->1C >= 10x ck_ring", "libck-dev not installed");
                continue;
            }
            memcpy(tmp, &AT(vs, i, pc, 0), (size_t)runs * sizeof(double));
            double m = bench_median(tmp, runs);
            bench_ratio("bus", name, &AT(vs, i, pc, 0), runs, "same wait policy, payload, slots");
            if (prod_counts[pc] == 2 && i == IMPL_MUTEX)
                goal_mq = m;
            if (prod_counts[pc] == 2 && i == IMPL_CK)
                goal_ck = m;
        }
    /* the goals in the order: mutex queue, then ck_ring */
    bench_goal("bus 2P->1C >= 20x mutex queue", goal_mq, 20, 1, "x");
    if (have_impl(IMPL_CK))
        bench_goal("bus 2P->1C >= 10x ck_ring MPSC", goal_ck, 10, 1, "x");
    for (int i = 1; i < IMPL_N; i++) {
        if (!have_impl(i))
            continue;
        snprintf(name, sizeof name, "bus / %s, consumer alone (drain, 2P)", impl_name[i]);
        bench_ratio("bus", name, &vs_drain[i * runs], runs, NULL);
    }
    /* the figures above sorted p50 in place; the median is unchanged */
    memcpy(tmp, &AT(p50, IMPL_BUS, 0, 0), (size_t)runs * sizeof(double));
    bench_goal("uncontended publish (1P, consumer draining) <= 10 ns median",
               bench_median(tmp, runs), 10, 0, " ns");
    memcpy(tmp, &idle50[IMPL_BUS * runs], (size_t)runs * sizeof(double));
    bench_goal("uncontended publish (1 thread, consumer idle) <= 10 ns median",
               bench_median(tmp, runs), 10, 0, " ns");
    free(tmp);
    free(vs);
    free(vs_drain);
out:
    free(thr);
    free(p50);
    free(p99);
    free(idle50);
    free(idle99);
    free(drain);
    free(drain_big);
    free(stamp);
    return bad ? -1 : 0;
#undef AT
}
