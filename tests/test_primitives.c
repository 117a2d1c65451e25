/* test_primitives.c - queue, WaitGroup, mutex and counter with real threads. */
#include "harness.h"

#include <stdatomic.h>

#include "rt/chan.h"
#include "sync/clock.h"
#include "rt/counter.h"
#include "rt/mutex.h"
#include "rt/waitgroup.h"

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

/* ---- bug: a hand-off overwrote the woken thread's state ----
 * The waker used to publish wdone before it set the waiter running; a waiter
 * that looked before parking ran on, blocked on a second queue, and then the
 * waker's late "running" store hid that block from the pacer (a missed
 * deadlock).  Two hooks widen the window: the waiter waits, before its first
 * look, until the waker is inside the hand-off; the waker then waits (at
 * most 300 ms) for the waiter to block again before it finishes. */
static harness *hk_h;
static _Atomic int hk_waker_in, hk_blocks, hk_second;

static void hk_hook(actor_hook_at at, ps_actor *w)
{
    /* relaxed/seq_cst flags: test orchestration only, polled with sleeps */
    if (at == ACTOR_HOOK_BLOCK && w->id == 1 && atomic_fetch_add(&hk_blocks, 1) == 0) {
        for (int i = 0; i < 1000 && !atomic_load(&hk_waker_in); i++)
            usleep(1000);
    } else if (at == ACTOR_HOOK_WAKE && w->id == 1) {
        atomic_store(&hk_waker_in, 1);
        for (int i = 0; i < 300; i++) {
            pacer_view v;
            pacer_view_get(hk_h->p, &v);
            if (atomic_load(&hk_second) && v.actors[1].state == PA_BLOCKED)
                return;
            usleep(1000);
        }
    }
}

typedef struct {
    ps_chan *q1, *q2;
    ps_actor *self;
} two_arg;

static void *recv_twice(void *arg)
{
    two_arg *x = arg;
    int64_t v;
    chan_recv(x->q1, x->self, &v);
    atomic_store(&hk_second, 1);
    chan_recv(x->q2, x->self, &v); /* nobody sends: blocked for good */
    return NULL;
}

START_TEST(handoff_keeps_the_woken_state)
{
    harness h;
    h_init(&h);
    hk_h = &h;
    atomic_store(&hk_waker_in, 0);
    atomic_store(&hk_blocks, 0);
    atomic_store(&hk_second, 0);
    ps_chan q1, q2;
    chan_init(&q1, 0, 1);
    chan_init(&q2, 1, 1);
    actor_set_test_hook(hk_hook);
    two_arg x = {&q1, &q2, &h.a[1]};
    pthread_t t;
    pthread_create(&t, NULL, recv_twice, &x);
    wait_blocked(&h, 1);
    ck_assert_int_eq(chan_send(&q1, &h.a[2], 7), PS_OK); /* the hand-off */
    pacer_exit(h.p, 0);
    pacer_exit(h.p, 2);
    pacer_exit(h.p, 3);
    /* actor 1 ends up blocked on q2, and the pacer knows: a deadlock */
    int deadlocked = 0;
    for (int i = 0; i < 2000 && !deadlocked; i++) {
        pacer_view v;
        pacer_view_get(h.p, &v);
        deadlocked = pacer_view_deadlocked(&v);
        if (!deadlocked)
            usleep(1000);
    }
    pacer_view v;
    pacer_view_get(h.p, &v);
    ck_assert_msg(deadlocked, "actor 1 parked on q2 reads state %d, not blocked",
                  v.actors[1].state);
    pacer_stop(h.p);
    pthread_join(t, NULL);
    actor_set_test_hook(NULL);
    chan_destroy(&q1);
    chan_destroy(&q2);
    h_free(&h);
}
END_TEST

/* Go: close of a closed channel panics; the queue reports it as its own
 * kind (not as a send on a closed queue) and stays as it was. */
START_TEST(queue_close_of_closed_is_reported)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 1, 2);
    ck_assert_int_eq(chan_send(&q, &h.a[0], 5), PS_OK);
    ck_assert_int_eq(chan_close(&q, &h.a[0]), PS_OK);
    ck_assert_int_eq(chan_close(&q, &h.a[0]), PS_ECLOSED);
    ck_assert_uint_eq(chan_len(&q), 1);
    ck_assert_uint_eq(chan_cap(&q), 2);
    ps_event ev[8];
    size_t n = h_events(&h, ev, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(ev[2].kind, EV_Q_CLOSE_CLOSED);
    ck_assert_str_eq(event_kind_name(ev[2].kind), "queue-close-closed");
    ck_assert_int_eq(ev[2].obj, 1);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

/* Go: unlocking an unlocked mutex is fatal; unlocking one that another
 * goroutine locked is allowed. */
START_TEST(mutex_unlock_of_unlocked_is_reported)
{
    harness h;
    h_init(&h);
    ps_mutex m;
    mutex_init(&m, 0);
    ck_assert_int_eq(mutex_unlock(&m, &h.a[0]), PS_EUNLOCKED);
    ck_assert_int_eq(mutex_lock(&m, &h.a[1]), PS_OK);
    ck_assert_int_eq(mutex_unlock(&m, &h.a[2]), PS_OK); /* not the locker: fine in Go */
    ck_assert_int_eq(mutex_unlock(&m, &h.a[2]), PS_EUNLOCKED);
    ps_event ev[16];
    size_t n = h_events(&h, ev, 16);
    ck_assert_uint_eq(n, 5);
    ck_assert_int_eq(ev[0].kind, EV_MUTEX_UNLOCK_UNLOCKED);
    ck_assert_int_eq(ev[3].kind, EV_MUTEX_RELEASED);
    ck_assert_int_eq(ev[3].arg, 1); /* whose lock it released */
    ck_assert_int_eq(ev[4].kind, EV_MUTEX_UNLOCK_UNLOCKED);
    ck_assert_int_eq(m.owner, -1);
    mutex_destroy(&m);
    h_free(&h);
}
END_TEST

/* The lock's last key is the key the ring really published: actor 1's ring
 * holds a key far ahead of the clock, so its next event under the counter's
 * lock is raised to it; actor 2's event under the same lock afterwards must
 * still merge after it (the value 1 before the value 2). */
START_TEST(lock_stamp_is_the_published_key)
{
    harness h;
    h_init(&h);
    ps_counter c;
    counter_init(&c, 0, 0);
    ps_actor *a = &h.a[1], *b = &h.a[2];
    actor_time ahead = {.now = clock_now_ns() + 5000000000u, .vt = 0}; /* 5 s ahead */
    actor_publish(a, &ahead, (ps_event){.actor = 1, .kind = EV_SAY});
    ck_assert_int_eq(counter_add(&c, a, 1, NULL), PS_OK);
    ck_assert_int_eq(counter_add(&c, b, 1, NULL), PS_OK);
    ps_event ev[8];
    size_t n = h_events(&h, ev, 8);
    ck_assert_uint_eq(n, 3);
    ck_assert_int_eq(ev[1].kind, EV_ATOMIC_ADD);
    ck_assert_int_eq(ev[1].value, 1);
    ck_assert_int_eq(ev[2].value, 2);
    ck_assert_uint_lt(ev[1].rt_ns, ev[2].rt_ns);
    counter_destroy(&c);
    h_free(&h);
}
END_TEST

typedef struct {
    ps_chan *q;
    ps_actor *self;
    _Atomic int done;
} fill_arg;

static void *send_into_full_ring(void *arg)
{
    fill_arg *f = arg;
    chan_send(f->q, f->self, 1); /* its ring is full: it waits for room */
    atomic_store(&f->done, 1);
    return NULL;
}

/* A thread whose ring is full waits for the consumer before it takes the
 * queue's lock, never while holding it: others still get the lock. */
START_TEST(full_ring_waits_outside_the_lock)
{
    bus *b = bus_create(2, 4);
    pacer *p = pacer_create(2, PACER_RUN, 1000);
    ps_actor a[2];
    for (int i = 0; i < 2; i++)
        a[i] = (ps_actor){.id = i, .producer = i, .bus = b, .pacer = p, .rt0 = clock_now_ns()};
    ps_chan q;
    chan_init(&q, 0, 8);
    for (int i = 0; i < 3; i++) /* 3 of 4 slots: a send needs room for 2 */
        actor_emit(&a[1], EV_SAY, 0, i, 0);
    fill_arg f = {&q, &a[1], 0};
    pthread_t t;
    pthread_create(&t, NULL, send_into_full_ring, &f);
    usleep(50000);
    ck_assert_int_eq(atomic_load(&f.done), 0);
    /* the queue's lock is free meanwhile */
    ck_assert_int_eq(chan_send(&q, &a[0], 9), PS_OK);
    ck_assert_uint_eq(chan_len(&q), 1);
    ps_event ev[16];
    size_t n = 0;
    while (!atomic_load(&f.done) || bus_delivered(b) < bus_published(b)) {
        n += bus_poll(b, ev + n, 16 - n);
        usleep(1000);
    }
    pthread_join(t, NULL);
    n += bus_poll(b, ev + n, 16 - n);
    ck_assert_uint_eq(n, 5);
    ck_assert_uint_eq(chan_len(&q), 2);
    chan_destroy(&q);
    pacer_destroy(p);
    bus_destroy(b);
}
END_TEST

/* The virtual clock at 100x does not wrap after 51 hours (it used to
 * multiply the elapsed nanoseconds by the rate first). */
START_TEST(clock_scale_does_not_overflow)
{
    uint64_t h60 = 60ull * 3600 * 1000000000ull;
    ck_assert_uint_eq(clock_scale_milli(h60, 100000), h60 * 100);
    ck_assert_uint_eq(clock_scale_milli(1999, 500), 999);
    ck_assert_uint_eq(clock_scale_milli(UINT64_MAX, 100000), UINT64_MAX);
    ck_assert_uint_eq(clock_scale_milli(123456789, 1000), 123456789);
}
END_TEST

/* ---- Go's sync/atomic on an external word ---- */

/* Int32 and Uint32 wrap at 32 bits and stay sign- / zero-extended in the
 * word; Uint64 wraps at 64; every operation publishes its value. */
START_TEST(atomic_at_wraps_at_32_bits)
{
    harness h;
    h_init_n(&h, 1, 1024);
    ps_counter c;
    counter_init(&c, 5, 0);
    _Atomic uint64_t word = INT32_MAX;
    counter_word i32 = {&word, 32, 1}, u32 = {&word, 32, 0}, u64 = {&word, 64, 0};
    ps_actor *a = &h.a[0];
    int64_t v = 0;
    ck_assert_int_eq(counter_add_at(&c, a, i32, 1, &v), PS_OK);
    ck_assert_int_eq(v, INT32_MIN);
    ck_assert_uint_eq(atomic_load(&word), (uint64_t)0xffffffff80000000u); /* sign-extended */
    ck_assert_int_eq(counter_add_at(&c, a, i32, -1, &v), PS_OK);
    ck_assert_int_eq(v, INT32_MAX);
    ck_assert_int_eq(counter_store_at(&c, a, u32, 0xffffffff), PS_OK);
    ck_assert_int_eq(counter_add_at(&c, a, u32, 1, &v), PS_OK); /* Uint32 max + 1 */
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(counter_add_at(&c, a, u32, -1, &v), PS_OK); /* AddUint32(p, ^uint32(0)) */
    ck_assert_int_eq(v, 4294967295);
    ck_assert_uint_eq(atomic_load(&word), 0xffffffffu); /* zero-extended */
    ck_assert_int_eq(counter_store_at(&c, a, i32, (1ll << 32) + 5), PS_OK);
    ck_assert_int_eq(counter_load_at(&c, a, i32, &v), PS_OK);
    ck_assert_int_eq(v, 5);
    ck_assert_int_eq(counter_store_at(&c, a, u64, -1), PS_OK);
    ck_assert_int_eq(counter_add_at(&c, a, u64, 1, &v), PS_OK); /* Uint64 max + 1 */
    ck_assert_int_eq(v, 0);
    ck_assert_int_eq(counter_add_at(&c, a, (counter_word){&word, 16, 0}, 1, &v), PS_EINVAL);
    ps_event ev[16];
    size_t n = h_events(&h, ev, 16);
    ck_assert_uint_eq(n, 9);
    ck_assert_int_eq(ev[0].kind, EV_ATOMIC_ADD);
    ck_assert_int_eq(ev[0].obj, 5);
    ck_assert_int_eq(ev[0].arg, 1);
    ck_assert_int_eq(ev[0].value, INT32_MIN);
    ck_assert_int_eq(ev[5].kind, EV_ATOMIC_STORE);
    ck_assert_int_eq(ev[5].value, 5); /* the value written, wrapped */
    ck_assert_int_eq(ev[6].kind, EV_ATOMIC_LOAD);
    counter_destroy(&c);
    h_free(&h);
}
END_TEST

START_TEST(atomic_at_swap_and_cas)
{
    harness h;
    h_init(&h);
    ps_counter c;
    counter_init(&c, 1, 0);
    _Atomic uint64_t word = 7;
    counter_word w = {&word, 64, 1}, u32 = {&word, 32, 0};
    int64_t old = 0;
    int swapped = -1;
    ck_assert_int_eq(counter_swap_at(&c, &h.a[0], w, -3, &old), PS_OK);
    ck_assert_int_eq(old, 7);
    ck_assert_int_eq(counter_cas_at(&c, &h.a[0], w, 7, 9, &swapped), PS_OK);
    ck_assert_int_eq(swapped, 0); /* it holds -3 */
    ck_assert_int_eq(counter_cas_at(&c, &h.a[0], w, -3, 9, &swapped), PS_OK);
    ck_assert_int_eq(swapped, 1);
    ck_assert_uint_eq(atomic_load(&word), 9);
    /* a 32-bit CAS compares the wrapped values: -1 as a Uint32 is 0xffffffff */
    ck_assert_int_eq(counter_store_at(&c, &h.a[0], u32, 0xffffffff), PS_OK);
    ck_assert_int_eq(counter_cas_at(&c, &h.a[0], u32, -1, 1, &swapped), PS_OK);
    ck_assert_int_eq(swapped, 1);
    ps_event ev[8];
    ck_assert_uint_eq(h_events(&h, ev, 8), 5);
    ck_assert_int_eq(ev[0].kind, EV_ATOMIC_SWAP);
    ck_assert_int_eq(ev[0].arg, 7);
    ck_assert_int_eq(ev[0].value, -3);
    ck_assert_int_eq(ev[1].kind, EV_ATOMIC_CAS_FAILED);
    ck_assert_int_eq(ev[1].arg, 7);
    ck_assert_int_eq(ev[1].value, -3); /* the value it found */
    ck_assert_int_eq(ev[2].kind, EV_ATOMIC_CAS);
    ck_assert_int_eq(ev[2].arg, -3);
    ck_assert_int_eq(ev[2].value, 9);
    ck_assert_int_eq(ev[4].arg, 4294967295);
    counter_destroy(&c);
    h_free(&h);
}
END_TEST

/* Four threads add 1 to one Int32 word across its wrap: nothing is lost,
 * and the events of the counter, in delivered order, are the word's
 * modification order (each value one more than the last, wrapped). */
typedef struct {
    ps_counter *c;
    ps_actor *self;
    counter_word w;
    int n;
} at_arg;

static void *at_adder(void *arg)
{
    at_arg *x = arg;
    for (int i = 0; i < x->n; i++)
        ck_assert_int_eq(counter_add_at(x->c, x->self, x->w, 1, NULL), PS_OK);
    return NULL;
}

START_TEST(atomic_at_concurrent_adds_in_order)
{
    enum { N = 5000 };
    harness h;
    h_init_n(&h, 4, 1024);
    ps_counter c;
    counter_init(&c, 0, 0);
    int64_t start = INT32_MAX - 2 * N;
    _Atomic uint64_t word = (uint64_t)start;
    at_arg x[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        x[i] = (at_arg){&c, &h.a[i], {&word, 32, 1}, N};
        pthread_create(&t[i], NULL, at_adder, &x[i]);
    }
    h_join(&h, t, 4);
    ck_assert_uint_eq(atomic_load(&word), (uint64_t)(int64_t)(INT32_MIN + 2 * N - 1));
    ck_assert_uint_eq(h.n_ev, 4 * N);
    int64_t last = start;
    for (size_t i = 0; i < h.n_ev; i++) {
        int64_t want = last == INT32_MAX ? INT32_MIN : last + 1;
        ck_assert_int_eq(h.ev[i].value, want);
        last = want;
    }
    counter_destroy(&c);
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
    tcase_add_test(tc, handoff_keeps_the_woken_state);
    tcase_add_test(tc, queue_close_of_closed_is_reported);
    tcase_add_test(tc, mutex_unlock_of_unlocked_is_reported);
    tcase_add_test(tc, lock_stamp_is_the_published_key);
    tcase_add_test(tc, full_ring_waits_outside_the_lock);
    tcase_add_test(tc, clock_scale_does_not_overflow);
    tcase_add_test(tc, atomic_at_wraps_at_32_bits);
    tcase_add_test(tc, atomic_at_swap_and_cas);
    tcase_add_test(tc, atomic_at_concurrent_adds_in_order);
    suite_add_tcase(s, tc);
    return s;
}
