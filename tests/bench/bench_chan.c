/* bench_chan.c - row "chan": Go channel semantics on the engine.
 *
 *   ping-pong   two threads pass a counter back and forth over two queues
 *               (A sends on c1, B receives and sends it back on c2): round
 *               trips per second, unbuffered (cap 0) and buffered (cap 1)
 *               in the same run, quiet (no events: the primitives alone)
 *               and instrumented (every event published and merged by a
 *               consumer thread);
 *   select      B receives with a select over c1 and a second, idle queue
 *               instead of chan_recv (a blocking select per round trip);
 *   ready       one thread: chan_select over two ready buffered queues
 *               against chan_recv on one (ns per operation, quiet).
 */
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "rt/chan_select.h"
#include "sync/clock.h"
#include "sync/rng.h"

typedef struct pp_ctx {
    bus *b;
    pacer *p;
    ps_actor a[2];
    ps_chan c1, c2, idle;
    int n, use_select;
    _Atomic int done; /* how many sides finished */
    int broken;
} pp_ctx;

static void pp_init(pp_ctx *x, size_t cap, int quiet, int use_select, int n)
{
    memset(x, 0, sizeof *x);
    x->b = bus_create(2, 8192);
    x->p = pacer_create(2, PACER_RUN, 1000);
    for (int i = 0; i < 2; i++)
        x->a[i] = (ps_actor){.id = i,
                             .producer = i,
                             .bus = x->b,
                             .pacer = x->p,
                             .rt0 = clock_now_ns(),
                             .quiet = quiet};
    chan_init(&x->c1, 0, cap);
    chan_init(&x->c2, 1, cap);
    chan_init(&x->idle, 2, cap);
    x->n = n;
    x->use_select = use_select;
}

static void pp_free(pp_ctx *x)
{
    chan_destroy(&x->c1);
    chan_destroy(&x->c2);
    chan_destroy(&x->idle);
    pacer_destroy(x->p);
    bus_destroy(x->b);
}

static void *pp_b(void *arg)
{
    pp_ctx *x = arg;
    uint64_t rng = rng_seed(1, 1);
    for (int64_t i = 0; i < x->n; i++) {
        int64_t v = -1;
        if (x->use_select) {
            chan_case c[2] = {{.q = &x->c1, .dir = CHAN_RECV}, {.q = &x->idle, .dir = CHAN_RECV}};
            int chosen;
            if (chan_select(&x->a[1], c, 2, 1, &rng, &chosen) == PS_OK && chosen == 0)
                v = c[0].item;
        } else {
            chan_recv(&x->c1, &x->a[1], &v);
        }
        if (v != i || chan_send(&x->c2, &x->a[1], v) != PS_OK)
            x->broken = 1;
    }
    atomic_fetch_add_explicit(&x->done, 1, memory_order_release); /* its events are committed */
    return NULL;
}

static void *pp_a(void *arg)
{
    pp_ctx *x = arg;
    for (int64_t i = 0; i < x->n; i++) {
        int64_t v = -1;
        if (chan_send(&x->c1, &x->a[0], i) != PS_OK || chan_recv(&x->c2, &x->a[0], &v) != PS_OK ||
            v != i)
            x->broken = 1;
    }
    atomic_fetch_add_explicit(&x->done, 1, memory_order_release); /* its events are committed */
    return NULL;
}

/* Round trips per second; the test's thread is the consumer. */
static double pp_run(size_t cap, int quiet, int use_select, int n, int *broken)
{
    pp_ctx x;
    pp_init(&x, cap, quiet, use_select, n);
    pthread_t ta, tb;
    uint64_t t0 = bench_now_ns();
    pthread_create(&tb, NULL, pp_b, &x);
    pthread_create(&ta, NULL, pp_a, &x);
    ps_event buf[256];
    uint64_t recvs = 0;
    /* acquire: pairs with the threads' release; then every event is visible */
    while (atomic_load_explicit(&x.done, memory_order_acquire) < 2 ||
           bus_delivered(x.b) < bus_published(x.b)) {
        size_t k = bus_poll(x.b, buf, 256);
        for (size_t i = 0; i < k; i++)
            recvs += buf[i].kind == EV_Q_RECV;
        if (!k)
            bus_wait(x.b, 1000000);
    }
    pthread_join(ta, NULL);
    pthread_join(tb, NULL);
    uint64_t ns = bench_now_ns() - t0;
    if (x.broken || recvs != (quiet ? 0 : 2 * (uint64_t)n)) /* one recv per hand-off */
        *broken = 1;
    pp_free(&x);
    return (double)n * 1e9 / (double)ns;
}

/* ns per operation of one thread: select over two ready queues, or recv. */
static double ready_run(int use_select, int n)
{
    pp_ctx x;
    pp_init(&x, 4, 1, 0, n);
    uint64_t rng = rng_seed(2, 0);
    chan_send(&x.c1, &x.a[0], 1);
    chan_send(&x.c2, &x.a[0], 2);
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < n; i++) {
        if (use_select) {
            chan_case c[2] = {{.q = &x.c1, .dir = CHAN_RECV}, {.q = &x.c2, .dir = CHAN_RECV}};
            int chosen;
            chan_select(&x.a[0], c, 2, 1, &rng, &chosen);
            chan_send(chosen ? &x.c2 : &x.c1, &x.a[0], c[chosen].item);
        } else {
            int64_t v;
            chan_recv(&x.c1, &x.a[0], &v);
            chan_send(&x.c1, &x.a[0], v);
        }
    }
    uint64_t ns = bench_now_ns() - t0;
    pp_free(&x);
    return (double)ns / n;
}

enum { PP_KINDS = 5 };

int bench_chan(const bench_ctx *c)
{
    static const struct {
        const char *name;
        size_t cap;
        int quiet, use_select;
    } kinds[PP_KINDS] = {
        {"ping-pong unbuffered, quiet", 0, 1, 0},
        {"ping-pong buffered cap 1, quiet", 1, 1, 0},
        {"ping-pong unbuffered, events", 0, 0, 0},
        {"ping-pong buffered cap 1, events", 1, 0, 0},
        {"ping-pong unbuffered, B selects over 2 queues, quiet", 0, 1, 1},
    };
    int n = c->quick ? 5000 : 100000, broken = 0;
    double rate[PP_KINDS][64], ratio[2][64], ready[2][64], ready_ratio[64];
    int runs = c->runs < 64 ? c->runs : 64;
    for (int r = 0; r < runs; r++) {
        for (int k = 0; k < PP_KINDS; k++)
            rate[k][r] = pp_run(kinds[k].cap, kinds[k].quiet, kinds[k].use_select, n, &broken);
        ratio[0][r] = rate[0][r] / rate[1][r];
        ratio[1][r] = rate[4][r] / rate[0][r];
        ready[0][r] = ready_run(1, n * 10);
        ready[1][r] = ready_run(0, n * 10);
        ready_ratio[r] = ready[0][r] / ready[1][r];
    }
    for (int k = 0; k < PP_KINDS; k++)
        bench_figure("chan", kinds[k].name, rate[k], runs, "round trips/s", "2 threads");
    bench_figure("chan", "select over 2 ready queues + send back", ready[0], runs, "ns/op",
                 "1 thread, quiet");
    bench_figure("chan", "chan_recv + send back", ready[1], runs, "ns/op", "1 thread, quiet");
    bench_ratio("chan", "unbuffered / buffered ping-pong (quiet)", ratio[0], runs,
                "a rendezvous parks on every send");
    bench_ratio("chan", "select / recv ping-pong (quiet)", ratio[1], runs, "blocking select");
    bench_ratio("chan", "ready select / recv (ns per op)", ready_ratio, runs, "2 locks, 1 draw");
    return broken ? -1 : 0;
}
