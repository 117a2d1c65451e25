#define _GNU_SOURCE /* pthread_tryjoin_np */
/* test_primitives.c - queue, WaitGroup, mutex and counter with real threads. */
#include <check.h>
#include <pthread.h>
#include <string.h>
#include <unistd.h>

#include "rt/chan.h"
#include "sync/clock.h"
#include "rt/counter.h"
#include "rt/mutex.h"
#include "rt/waitgroup.h"

/* A bare harness: a bus and a pacer with N actors, no scenario. */
typedef struct harness {
    bus *b;
    pacer *p;
    ps_actor a[4];
} harness;

static void h_init(harness *h)
{
    h->b = bus_create(4, 256);
    h->p = pacer_create(4, PACER_RUN, 1000);
    for (int i = 0; i < 4; i++) {
        memset(&h->a[i], 0, sizeof h->a[i]);
        h->a[i].id = i;
        h->a[i].producer = i;
        h->a[i].bus = h->b;
        h->a[i].pacer = h->p;
        h->a[i].rt0 = clock_now_ns();
    }
}

static void h_free(harness *h)
{
    pacer_destroy(h->p);
    bus_destroy(h->b);
}

/* Every event so far, in order; returns how many. */
static size_t h_events(harness *h, ps_event *out, size_t max)
{
    size_t n = 0, k;
    while ((k = bus_poll(h->b, out + n, max - n)) > 0)
        n += k;
    return n;
}

/* Waits until actor id is parked in a primitive. */
static void wait_blocked(harness *h, int id)
{
    for (int i = 0; i < 5000; i++) {
        pacer_view v;
        pacer_view_get(h->p, &v);
        if (v.actors[id].state == PA_BLOCKED)
            return;
        usleep(1000);
    }
    ck_abort_msg("actor %d never blocked", id);
}

typedef struct {
    ps_chan *q;
    ps_actor *self;
    int64_t item;
    int rc;
} op_arg;

static void *do_send(void *arg)
{
    op_arg *o = arg;
    o->rc = chan_send(o->q, o->self, o->item);
    return NULL;
}

static void *do_recv(void *arg)
{
    op_arg *o = arg;
    o->rc = chan_recv(o->q, o->self, &o->item);
    return NULL;
}

START_TEST(queue_fifo_close_drain)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 3);
    for (int i = 1; i <= 3; i++)
        ck_assert_int_eq(chan_send(&q, &h.a[0], i), PS_OK);
    ck_assert_int_eq(chan_close(&q, &h.a[0]), PS_OK);
    int64_t v;
    for (int i = 1; i <= 3; i++) { /* closed: what is left still drains, in order */
        ck_assert_int_eq(chan_recv(&q, &h.a[1], &v), PS_OK);
        ck_assert_int_eq(v, i);
    }
    ck_assert_int_eq(chan_recv(&q, &h.a[1], &v), PS_ECLOSED);
    ck_assert_int_eq(chan_recv(&q, &h.a[1], &v), PS_ECLOSED);
    ps_event ev[64];
    size_t n = h_events(&h, ev, 64);
    ck_assert_uint_eq(n, 9);
    ck_assert_int_eq(ev[3].kind, EV_Q_CLOSE);
    ck_assert_int_eq(ev[7].kind, EV_Q_RECV_CLOSED);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

START_TEST(queue_send_on_closed_is_reported)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 2, 2);
    chan_close(&q, &h.a[0]);
    ck_assert_int_eq(chan_send(&q, &h.a[0], 7), PS_ECLOSED);
    ps_event ev[8];
    size_t n = h_events(&h, ev, 8);
    ck_assert_uint_eq(n, 2);
    ck_assert_int_eq(ev[1].kind, EV_Q_SEND_CLOSED);
    ck_assert_int_eq(ev[1].obj, 2);
    ck_assert_int_eq(ev[1].arg, 7);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

/* A full queue blocks the sender until a receiver makes room; the blocked
 * sender's item goes in behind the others. */
START_TEST(queue_blocked_send_resumes_fifo)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 1);
    ck_assert_int_eq(chan_send(&q, &h.a[0], 1), PS_OK);
    op_arg o = {&q, &h.a[1], 2, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_send, &o);
    wait_blocked(&h, 1);
    int64_t v;
    ck_assert_int_eq(chan_recv(&q, &h.a[2], &v), PS_OK);
    ck_assert_int_eq(v, 1);
    pthread_join(t, NULL);
    ck_assert_int_eq(o.rc, PS_OK);
    ck_assert_int_eq(chan_recv(&q, &h.a[2], &v), PS_OK);
    ck_assert_int_eq(v, 2);
    ps_event ev[16];
    size_t n = h_events(&h, ev, 16);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(ev[1].kind, EV_Q_SEND_BLOCKED);
    ck_assert_int_eq(ev[2].kind, EV_Q_RECV); /* receiver takes 1 ... */
    ck_assert_int_eq(ev[3].kind, EV_Q_SEND); /* ... and publishes W1's send */
    ck_assert_int_eq(ev[3].actor, 1);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

/* Receivers blocked on an empty queue wake in FIFO order; close wakes the rest
 * with "closed". */
START_TEST(queue_blocked_receivers_fifo_and_close)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 4);
    op_arg o1 = {&q, &h.a[1], 0, -99}, o2 = {&q, &h.a[2], 0, -99};
    pthread_t t1, t2;
    pthread_create(&t1, NULL, do_recv, &o1);
    wait_blocked(&h, 1);
    pthread_create(&t2, NULL, do_recv, &o2);
    wait_blocked(&h, 2);
    ck_assert_int_eq(chan_send(&q, &h.a[0], 42), PS_OK);
    pthread_join(t1, NULL); /* the first to block gets the item */
    ck_assert_int_eq(o1.rc, PS_OK);
    ck_assert_int_eq(o1.item, 42);
    ck_assert_int_eq(chan_close(&q, &h.a[0]), PS_OK);
    pthread_join(t2, NULL);
    ck_assert_int_eq(o2.rc, PS_ECLOSED);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

START_TEST(queue_blocked_sender_sees_close)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 1);
    chan_send(&q, &h.a[0], 1);
    op_arg o = {&q, &h.a[1], 2, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_send, &o);
    wait_blocked(&h, 1);
    chan_close(&q, &h.a[0]);
    pthread_join(t, NULL);
    ck_assert_int_eq(o.rc, PS_ECLOSED); /* Go would panic: we report */
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

START_TEST(waitgroup_negative_counter)
{
    harness h;
    h_init(&h);
    ps_wg wg;
    wg_init(&wg, 0);
    ck_assert_int_eq(wg_add(&wg, &h.a[0], 1), PS_OK);
    ck_assert_int_eq(wg_done(&wg, &h.a[0]), PS_OK);
    ck_assert_int_eq(wg_done(&wg, &h.a[0]), PS_ENEGATIVE);
    ck_assert_int_eq(wg.count, 0); /* reported, not applied */
    ps_event ev[8];
    size_t n = h_events(&h, ev, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(ev[2].kind, EV_WG_NEGATIVE);
    ck_assert_int_eq(ev[2].value, -1);
    ck_assert_str_eq(WG_NEGATIVE_MSG, "sync: negative WaitGroup counter");
    wg_destroy(&wg);
    h_free(&h);
}
END_TEST

typedef struct {
    ps_wg *wg;
    ps_actor *self;
    int rc;
} wg_arg;

static void *do_wait(void *arg)
{
    wg_arg *w = arg;
    w->rc = wg_wait(w->wg, w->self);
    return NULL;
}

START_TEST(waitgroup_wait_returns_at_zero)
{
    harness h;
    h_init(&h);
    ps_wg wg;
    wg_init(&wg, 0);
    wg_add(&wg, &h.a[0], 2);
    wg_arg w = {&wg, &h.a[1], -99};
    pthread_t t;
    pthread_create(&t, NULL, do_wait, &w);
    wait_blocked(&h, 1);
    wg_done(&wg, &h.a[0]);
    usleep(20000);
    ck_assert_int_eq(w.rc, -99); /* still waiting at 1 */
    wg_done(&wg, &h.a[2]);
    pthread_join(t, NULL);
    ck_assert_int_eq(w.rc, PS_OK);
    ps_event ev[16];
    size_t n = h_events(&h, ev, 16);
    ck_assert_int_eq(ev[n - 1].kind, EV_WG_WAIT_RETURN);
    ck_assert_int_eq(ev[n - 1].actor, 1);
    wg_destroy(&wg);
    h_free(&h);
}
END_TEST

START_TEST(stop_unblocks_waiters)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 1);
    op_arg o = {&q, &h.a[1], 0, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_recv, &o);
    wait_blocked(&h, 1);
    pacer_stop(h.p);
    pthread_join(t, NULL);
    ck_assert_int_eq(o.rc, PS_ESTOPPED);
    ck_assert_ptr_null(q.receivers.head); /* it took itself off the queue */
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

typedef struct {
    ps_mutex *m;
    ps_counter *c;
    ps_actor *self;
    int n;
} mx_arg;

static void *mx_worker(void *arg)
{
    mx_arg *x = arg;
    for (int i = 0; i < x->n; i++) {
        int64_t v;
        mutex_lock(x->m, x->self);
        counter_load(x->c, x->self, &v);
        counter_store(x->c, x->self, v + 1);
        mutex_unlock(x->m, x->self);
    }
    return NULL;
}

/* Load and store under the mutex: no update is lost, whatever the interleaving. */
START_TEST(mutex_protects_load_store)
{
    harness h;
    h_init(&h);
    ps_mutex m;
    ps_counter c;
    mutex_init(&m, 0);
    counter_init(&c, 0, 0);
    pthread_t t[3];
    mx_arg a[3];
    for (int i = 0; i < 3; i++) {
        a[i] = (mx_arg){&m, &c, &h.a[i + 1], 2000};
        pthread_create(&t[i], NULL, mx_worker, &a[i]);
    }
    ps_event ev[256];
    int running = 3;
    while (running) { /* keep draining so the rings never stay full */
        h_events(&h, ev, 256);
        for (int i = 0; i < 3; i++)
            if (a[i].n && pthread_tryjoin_np(t[i], NULL) == 0) {
                a[i].n = 0;
                running--;
            }
        usleep(100);
    }
    ck_assert_int_eq(counter_peek(&c), 6000);
    ck_assert_int_eq(m.owner, -1);
    mutex_destroy(&m);
    counter_destroy(&c);
    h_free(&h);
}
END_TEST

/* One thread blocked on an empty queue, everyone else gone: Go's deadlock. */
START_TEST(deadlock_detected)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 1);
    op_arg o = {&q, &h.a[1], 0, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_recv, &o);
    wait_blocked(&h, 1);
    pacer_view v;
    pacer_view_get(h.p, &v);
    ck_assert_int_eq(pacer_view_deadlocked(&v), 0); /* actors 0, 2, 3 still live */
    pacer_exit(h.p, 0);
    pacer_exit(h.p, 2);
    pacer_exit(h.p, 3);
    pacer_view_get(h.p, &v);
    ck_assert_int_eq(pacer_view_deadlocked(&v), 1);
    pacer_stop(h.p);
    pthread_join(t, NULL);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("primitives");
    TCase *tc = tcase_create("primitives");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, queue_fifo_close_drain);
    tcase_add_test(tc, queue_send_on_closed_is_reported);
    tcase_add_test(tc, queue_blocked_send_resumes_fifo);
    tcase_add_test(tc, queue_blocked_receivers_fifo_and_close);
    tcase_add_test(tc, queue_blocked_sender_sees_close);
    tcase_add_test(tc, waitgroup_negative_counter);
    tcase_add_test(tc, waitgroup_wait_returns_at_zero);
    tcase_add_test(tc, stop_unblocks_waiters);
    tcase_add_test(tc, mutex_protects_load_store);
    tcase_add_test(tc, deadlock_detected);
    suite_add_tcase(s, tc);
    return s;
}
