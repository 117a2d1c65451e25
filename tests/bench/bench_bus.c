/* bench_bus.c - row "bus": the event bus against two baselines.
 *
 * N producers (1, 2, 4) each publish the same number of real ps_event
 * records into one consumer that copies them out in batches of up to 256:
 *   bus    the engine's bus (per-producer SPSC rings merged by stamp; the
 *          producers leave rt_ns at 0, so the bus numbers each ring 0, 1,
 *          2, ... and the merge alternates rings event by event)
 *   mutex  a bounded queue under one pthread mutex, two condvars; the
 *          sequence number is taken under the lock (same total order)
 *   ck     ConcurrencyKit's ck_ring, typed to ps_event, enqueue_mpsc /
 *          dequeue_spsc (the slot order is the total order)
 * Every queue holds 1024 events per producer.  Waiting parks in all three:
 * bus rings and bus_wait use futexes; the mutex queue uses condvars; the ck
 * queue spins briefly, then sleeps on a futex (with a 0.1 ms backstop, since
 * the hot path carries no fence for the sleep flag).
 *
 * Producers time batches of 64 publishes (clock_gettime, vDSO), which gives
 * the publish cost per event as p50 and p99 over all batches.  A second,
 * single-threaded figure publishes 512 events then drains them, so nothing
 * else touches the queue while the batch is timed ("consumer idle").  Two
 * more figures bound the rest: the consumer alone draining pre-filled rings
 * (run_drain), and the clock read an engine event adds (run_clock).
 */
#include <limits.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "bus/bus.h"
#include "sync/clock.h"
#include "sync/futex.h"

#ifdef HAVE_CK
#include <ck_ring.h>
#endif

enum { IMPL_BUS, IMPL_MUTEX, IMPL_CK, IMPL_N };
static const char *const impl_name[IMPL_N] = {"bus", "mutex queue", "ck_ring mpsc"};

enum { BATCH = 64, RING_PER_PRODUCER = 1024, POLL_MAX = 256, MAX_PROD = 4 };
static const int prod_counts[] = {1, 2, 4};
enum { N_PC = 3 };
#define TRIAL_NS 2000000000u /* a trial that takes longer is cut here */

/* ---- baseline (a): mutex + condvar bounded queue ---- */

typedef struct mq {
    pthread_mutex_t mu;
    pthread_cond_t not_empty, not_full;
    ps_event *slots;
    uint64_t mask, head, tail, seq;
    int cwait, pwait;
} mq;

static mq *mq_create(size_t cap)
{
    mq *q = calloc(1, sizeof(*q));
    q->slots = aligned_alloc(64, cap * sizeof(ps_event));
    memset(q->slots, 0, cap * sizeof(ps_event));
    q->mask = cap - 1;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    pthread_cond_init(&q->not_full, NULL);
    return q;
}

static void mq_destroy(mq *q)
{
    pthread_cond_destroy(&q->not_empty);
    pthread_cond_destroy(&q->not_full);
    pthread_mutex_destroy(&q->mu);
    free(q->slots);
    free(q);
}

static inline void mq_publish(mq *q, ps_event *e)
{
    pthread_mutex_lock(&q->mu);
    while (q->tail - q->head > q->mask) {
        q->pwait++;
        pthread_cond_wait(&q->not_full, &q->mu);
        q->pwait--;
    }
    e->seq = q->seq++;
    q->slots[q->tail & q->mask] = *e;
    q->tail++;
    if (q->cwait)
        pthread_cond_signal(&q->not_empty);
    pthread_mutex_unlock(&q->mu);
}

static size_t mq_poll(mq *q, ps_event *out, size_t max, int block)
{
    pthread_mutex_lock(&q->mu);
    while (block && q->head == q->tail) {
        q->cwait++;
        pthread_cond_wait(&q->not_empty, &q->mu);
        q->cwait--;
    }
    size_t n = (size_t)(q->tail - q->head);
    n = n < max ? n : max;
    for (size_t i = 0; i < n; i++)
        out[i] = q->slots[(q->head + i) & q->mask];
    q->head += n;
    if (n && q->pwait)
        pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->mu);
    return n;
}

/* ---- baseline (b): ck_ring MPSC ---- */

#ifdef HAVE_CK
CK_RING_PROTOTYPE(psev, ps_event)

typedef struct ckq {
    ck_ring_t ring;
    ps_event *buf;
    _Alignas(64) _Atomic uint32_t cons_gen;
    _Atomic uint32_t cons_sleeping;
    _Alignas(64) _Atomic uint32_t prod_gen;
    _Atomic uint32_t prod_sleeping;
} ckq;

enum { CK_BACKSTOP_NS = 100000, CK_SPINS = 256 };

static ckq *ckq_create(size_t cap)
{
    ckq *q = aligned_alloc(64, sizeof(ckq));
    memset(q, 0, sizeof(*q));
    q->buf = aligned_alloc(64, cap * sizeof(ps_event));
    memset(q->buf, 0, cap * sizeof(ps_event));
    ck_ring_init(&q->ring, (unsigned int)cap);
    return q;
}

static void ckq_destroy(ckq *q)
{
    free(q->buf);
    free(q);
}

static inline void ckq_publish(ckq *q, ps_event *e)
{
    int spins = 0;
    while (!ck_ring_enqueue_mpsc_psev(&q->ring, q->buf, e)) {
        if (++spins < CK_SPINS) {
            bench_relax();
            continue;
        }
        uint32_t g = atomic_load(&q->prod_gen);
        atomic_fetch_add(&q->prod_sleeping, 1);
        if (ck_ring_size(&q->ring) >= ck_ring_capacity(&q->ring) - 1)
            futex_wait(&q->prod_gen, g, CK_BACKSTOP_NS);
        atomic_fetch_sub(&q->prod_sleeping, 1);
    }
    /* relaxed peek (the enqueue's CAS is a full barrier on x86; elsewhere the
     * consumer's backstop timeout bounds a missed wake) */
    if (atomic_load_explicit(&q->cons_sleeping, memory_order_relaxed) &&
        atomic_exchange(&q->cons_sleeping, 0)) {
        atomic_fetch_add(&q->cons_gen, 1);
        futex_wake(&q->cons_gen, 1);
    }
}

static size_t ckq_poll(ckq *q, ps_event *out, size_t max, int block)
{
    size_t n = 0;
    while (n < max && ck_ring_dequeue_spsc_psev(&q->ring, q->buf, &out[n]))
        n++;
    if (n) {
        if (atomic_load_explicit(&q->prod_sleeping, memory_order_relaxed)) {
            atomic_fetch_add(&q->prod_gen, 1);
            futex_wake(&q->prod_gen, INT_MAX);
        }
    } else if (block) {
        uint32_t g = atomic_load(&q->cons_gen);
        atomic_store(&q->cons_sleeping, 1);
        if (ck_ring_size(&q->ring) == 0)
            futex_wait(&q->cons_gen, g, CK_BACKSTOP_NS);
        atomic_store(&q->cons_sleeping, 0);
    }
    return n;
}
#endif

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

#define TIMED_LOOP(PUBLISH)                                                                        \
    for (size_t i = 0; i < n; i += BATCH) {                                                        \
        if (atomic_load_explicit(&t->stop, memory_order_relaxed))                                  \
            break;                                                                                 \
        uint64_t t0 = bench_now_ns();                                                              \
        for (size_t k = 0; k < BATCH; k++) {                                                       \
            e.arg = (int64_t)(i + k);                                                              \
            PUBLISH;                                                                               \
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
    e.actor = (uint16_t)(p->id + 1);
    e.kind = EV_Q_SEND;
    atomic_fetch_add(&t->ready, 1);
    while (!atomic_load_explicit(&t->go, memory_order_acquire))
        bench_relax();
    switch (t->impl) {
    case IMPL_BUS: {
        bus *b = t->q;
        int id = p->id;
        TIMED_LOOP(bus_publish(b, id, &e));
        break;
    }
    case IMPL_MUTEX: {
        mq *q = t->q;
        TIMED_LOOP(mq_publish(q, &e));
        break;
    }
#ifdef HAVE_CK
    case IMPL_CK: {
        ckq *q = t->q;
        TIMED_LOOP(ckq_publish(q, &e));
        break;
    }
#endif
    }
    /* release: 'published' is read by the consumer after it sees done. */
    atomic_fetch_add_explicit(&t->done, 1, memory_order_release);
    return NULL;
}

static void *q_create(int impl, int nprod)
{
    switch (impl) {
    case IMPL_BUS:
        return bus_create(nprod, RING_PER_PRODUCER);
    case IMPL_MUTEX:
        return mq_create((size_t)RING_PER_PRODUCER * (size_t)nprod);
#ifdef HAVE_CK
    case IMPL_CK:
        return ckq_create((size_t)RING_PER_PRODUCER * (size_t)nprod);
#endif
    }
    return NULL;
}

static void q_destroy(int impl, void *q)
{
    switch (impl) {
    case IMPL_BUS:
        bus_destroy(q);
        break;
    case IMPL_MUTEX:
        mq_destroy(q);
        break;
#ifdef HAVE_CK
    case IMPL_CK:
        ckq_destroy(q);
        break;
#endif
    }
}

static size_t q_poll(int impl, void *q, ps_event *out, size_t max, int block)
{
    switch (impl) {
    case IMPL_BUS: {
        size_t n = bus_poll(q, out, max);
        if (!n && block)
            bus_wait(q, 10000000);
        return n;
    }
    case IMPL_MUTEX:
        return mq_poll(q, out, max, block);
#ifdef HAVE_CK
    case IMPL_CK:
        return ckq_poll(q, out, max, block);
#endif
    }
    return 0;
}

/* Checks order: gap-free seq (bus, mutex) and FIFO per producer (all). */
typedef struct checker {
    uint64_t got;
    int64_t next_arg[MAX_PROD + 1];
    int bad;
} checker;

static void check_batch(checker *c, int impl, const ps_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (impl != IMPL_CK && ev[i].seq != c->got + i)
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

static int lat_result(trial *t, result *r)
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
    return 0;
}

/* Producers on their own threads, the consumer on this one. */
static int run_trial(int impl, int nprod, size_t total, result *r)
{
    trial *t = calloc(1, sizeof(*t));
    t->impl = impl;
    t->nprod = nprod;
    t->per_prod = total / (size_t)nprod;
    t->q = q_create(impl, nprod);
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
    atomic_store_explicit(&t->go, 1, memory_order_release);
    /* Time-bounded: after TRIAL_NS the figure is what arrived so far; the
     * producers stop at their next batch and the rest is drained unmeasured. */
    while (c.got < want) {
        size_t n = q_poll(impl, t->q, buf, POLL_MAX, !el);
        check_batch(&c, impl, buf, n);
        if (!el && c.got < want && bench_now_ns() - t0 > TRIAL_NS) {
            el = bench_now_ns() - t0;
            counted = c.got;
            atomic_store(&t->stop, 1);
        }
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
    void *q = q_create(impl, 1);
    trial t;
    memset(&t, 0, sizeof(t));
    t.impl = impl;
    t.nprod = 1;
    prod *p = &t.p[0];
    p->lat = malloc((total / BATCH + 1) * sizeof(uint64_t));
    ps_event e, buf[POLL_MAX];
    memset(&e, 0, sizeof(e));
    e.actor = 1;
    e.kind = EV_Q_SEND;
    checker c;
    memset(&c, 0, sizeof(c));
    uint64_t t0 = bench_now_ns();
    for (size_t base = 0; base < total; base += ROUND) {
        size_t n = ROUND;
        switch (impl) {
        case IMPL_BUS:
            for (size_t i = 0; i < n; i += BATCH) {
                uint64_t a = bench_now_ns();
                for (size_t k = 0; k < BATCH; k++) {
                    e.arg = (int64_t)(base + i + k);
                    bus_publish(q, 0, &e);
                }
                p->lat[p->nlat++] = bench_now_ns() - a;
            }
            break;
        case IMPL_MUTEX:
            for (size_t i = 0; i < n; i += BATCH) {
                uint64_t a = bench_now_ns();
                for (size_t k = 0; k < BATCH; k++) {
                    e.arg = (int64_t)(base + i + k);
                    mq_publish(q, &e);
                }
                p->lat[p->nlat++] = bench_now_ns() - a;
            }
            break;
#ifdef HAVE_CK
        case IMPL_CK:
            for (size_t i = 0; i < n; i += BATCH) {
                uint64_t a = bench_now_ns();
                for (size_t k = 0; k < BATCH; k++) {
                    e.arg = (int64_t)(base + i + k);
                    ckq_publish(q, &e);
                }
                p->lat[p->nlat++] = bench_now_ns() - a;
            }
            break;
#endif
        }
        size_t got = 0;
        while (got < n) {
            size_t k = q_poll(impl, q, buf, POLL_MAX, 0);
            check_batch(&c, impl, buf, k);
            got += k;
        }
    }
    uint64_t el = bench_now_ns() - t0;
    r->mev_s = (double)total / ((double)el / 1e9) / 1e6;
    lat_result(&t, r);
    free(p->lat);
    q_destroy(impl, q);
    if (c.bad || c.got != total) {
        fprintf(stderr, "bus: %s single-threaded delivered events out of order\n", impl_name[impl]);
        return -1;
    }
    return 0;
}

/* The consumer alone: two threads fill two rings, then this thread times
 * draining them.  What the consumer can deliver when producers cost nothing:
 * the ceiling of any 2P->1C figure. */
enum { DRAIN_RING = 16384 };

typedef struct filler {
    bus *b;
    int id;
    pthread_t th;
} filler;

static void *fill_ring(void *arg)
{
    filler *f = arg;
    ps_event e;
    memset(&e, 0, sizeof(e));
    e.actor = (uint16_t)(f->id + 1);
    e.kind = EV_Q_SEND;
    for (int i = 0; i < DRAIN_RING; i++) {
        e.arg = i;
        bus_publish(f->b, f->id, &e);
    }
    return NULL;
}

static int run_drain(size_t total, double *mev_s)
{
    static ps_event buf[POLL_MAX];
    uint64_t el = 0, got = 0;
    for (size_t done = 0; done < total; done += 2 * DRAIN_RING) {
        bus *b = bus_create(2, DRAIN_RING);
        filler f[2];
        for (int i = 0; i < 2; i++) {
            f[i] = (filler){.b = b, .id = i};
            pthread_create(&f[i].th, NULL, fill_ring, &f[i]);
        }
        for (int i = 0; i < 2; i++)
            pthread_join(f[i].th, NULL);
        checker c;
        memset(&c, 0, sizeof(c));
        uint64_t t0 = bench_now_ns();
        while (c.got < 2 * DRAIN_RING)
            check_batch(&c, IMPL_BUS, buf, bus_poll(b, buf, POLL_MAX));
        el += bench_now_ns() - t0;
        got += c.got;
        bus_destroy(b);
        if (c.bad)
            return -1;
    }
    *mev_s = (double)got / ((double)el / 1e9) / 1e6;
    return 0;
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

int bench_bus(const bench_ctx *c)
{
    size_t total = c->quick ? (1u << 18) : (1u << 21);
    int runs = c->runs;
#ifdef HAVE_CK
    int have_ck = 1;
#else
    int have_ck = 0;
#endif
    /* [impl][pc][run] */
    double *thr = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *p50 = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *p99 = calloc((size_t)(IMPL_N * N_PC * runs), sizeof(double));
    double *idle50 = calloc((size_t)(IMPL_N * runs), sizeof(double));
    double *idle99 = calloc((size_t)(IMPL_N * runs), sizeof(double));
    double *drain = calloc((size_t)runs, sizeof(double));
    double *stamp = calloc((size_t)runs, sizeof(double));
#define AT(a, i, pc, r) a[((i)*N_PC + (pc)) * runs + (r)]
    int bad = 0;
    for (int r = 0; r < runs && !bad; r++) {
        bench_progress("  run %d/%d", r + 1, runs);
        for (int pc = 0; pc < N_PC && !bad; pc++)
            for (int i = 0; i < IMPL_N && !bad; i++) {
                if (i == IMPL_CK && !have_ck)
                    continue;
                result res;
                bad = run_trial(i, prod_counts[pc], total, &res) != 0;
                AT(thr, i, pc, r) = res.mev_s;
                AT(p50, i, pc, r) = res.p50;
                AT(p99, i, pc, r) = res.p99;
            }
        for (int i = 0; i < IMPL_N && !bad; i++) {
            if (i == IMPL_CK && !have_ck)
                continue;
            result res;
            bad = run_idle(i, total, &res) != 0;
            idle50[i * runs + r] = res.p50;
            idle99[i * runs + r] = res.p99;
        }
        if (!bad)
            bad = run_drain(total, &drain[r]) != 0;
        stamp[r] = run_clock(total);
    }
    if (bad)
        goto out;
    char name[96], note[96];
    double *tmp = calloc((size_t)runs, sizeof(double));
    /* goal inputs, taken before the figures sort their arrays */
    double *vs_ck = calloc((size_t)(N_PC * runs), sizeof(double));
    double *vs_mq = calloc((size_t)(N_PC * runs), sizeof(double));
    for (int pc = 0; pc < N_PC; pc++)
        for (int r = 0; r < runs; r++) {
            vs_mq[pc * runs + r] = AT(thr, IMPL_BUS, pc, r) / AT(thr, IMPL_MUTEX, pc, r);
            if (have_ck)
                vs_ck[pc * runs + r] = AT(thr, IMPL_BUS, pc, r) / AT(thr, IMPL_CK, pc, r);
        }
    for (int pc = 0; pc < N_PC; pc++)
        for (int i = 0; i < IMPL_N; i++) {
            snprintf(name, sizeof name, "throughput, %dP->1C, %s", prod_counts[pc], impl_name[i]);
            if (i == IMPL_CK && !have_ck) {
                bench_skip("bus", name, "libck-dev not installed");
                continue;
            }
            snprintf(note, sizeof note, "%zu events of 64 B", total);
            bench_figure("bus", name, &AT(thr, i, pc, 0), runs, " Mev/s", note);
        }
    snprintf(note, sizeof note, "2 rings of %d filled first; producers cost nothing", DRAIN_RING);
    bench_figure("bus", "consumer alone: drain, 2 rings, bus", drain, runs, " Mev/s", note);
    bench_figure("bus", "clock read: an engine event's stamp (not in publish)", stamp, runs, " ns",
                 "clock_now_ns = CLOCK_MONOTONIC (vDSO), batches of 64");
    for (int pc = 0; pc < N_PC; pc++)
        for (int i = 0; i < IMPL_N; i++) {
            if (i == IMPL_CK && !have_ck)
                continue;
            snprintf(name, sizeof name, "publish p50, %dP->1C, %s", prod_counts[pc], impl_name[i]);
            bench_figure("bus", name, &AT(p50, i, pc, 0), runs, " ns", "per event, batches of 64");
            snprintf(name, sizeof name, "publish p99, %dP->1C, %s", prod_counts[pc], impl_name[i]);
            bench_figure("bus", name, &AT(p99, i, pc, 0), runs, " ns", "per event, batches of 64");
        }
    for (int i = 0; i < IMPL_N; i++) {
        if (i == IMPL_CK && !have_ck)
            continue;
        snprintf(name, sizeof name, "publish p50, 1 thread (consumer idle), %s", impl_name[i]);
        bench_figure("bus", name, &idle50[i * runs], runs, " ns", "publish 512, then drain 512");
        snprintf(name, sizeof name, "publish p99, 1 thread (consumer idle), %s", impl_name[i]);
        bench_figure("bus", name, &idle99[i * runs], runs, " ns", "publish 512, then drain 512");
    }
    for (int pc = 0; pc < N_PC; pc++) {
        snprintf(name, sizeof name, "bus / mutex queue, %dP->1C throughput", prod_counts[pc]);
        memcpy(tmp, &vs_mq[pc * runs], (size_t)runs * sizeof(double));
        double m = bench_median(tmp, runs);
        bench_ratio("bus", name, &vs_mq[pc * runs], runs, NULL);
        if (prod_counts[pc] == 2)
            bench_goal("bus 2P->1C >= 20x mutex queue", m, 20, 1, "x");
        snprintf(name, sizeof name, "bus / ck_ring mpsc, %dP->1C throughput", prod_counts[pc]);
        if (!have_ck) {
            if (prod_counts[pc] == 2)
                bench_skip("bus", "bus 2P->1C >= 10x ck_ring", "libck-dev not installed");
            continue;
        }
        memcpy(tmp, &vs_ck[pc * runs], (size_t)runs * sizeof(double));
        m = bench_median(tmp, runs);
        bench_ratio("bus", name, &vs_ck[pc * runs], runs, NULL);
        if (prod_counts[pc] == 2)
            bench_goal("bus 2P->1C >= 10x ck_ring MPSC", m, 10, 1, "x");
    }
    /* the figures above sorted p50 in place; the median is unchanged */
    memcpy(tmp, &AT(p50, IMPL_BUS, 0, 0), (size_t)runs * sizeof(double));
    bench_goal("uncontended publish (1P, consumer draining) <= 10 ns median",
               bench_median(tmp, runs), 10, 0, " ns");
    memcpy(tmp, &idle50[IMPL_BUS * runs], (size_t)runs * sizeof(double));
    bench_goal("uncontended publish (1 thread, consumer idle) <= 10 ns median",
               bench_median(tmp, runs), 10, 0, " ns");
    free(tmp);
    free(vs_ck);
    free(vs_mq);
out:
    free(thr);
    free(p50);
    free(p99);
    free(idle50);
    free(idle99);
    free(drain);
    free(stamp);
    return bad ? -1 : 0;
#undef AT
}
