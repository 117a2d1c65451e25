/* test_chan.c - unbuffered channels, try operations and select, with real
 * threads: rendezvous, close, Go's uniform choice, exactly-once wake-ups,
 * nil channels, blocking for ever, and unwinding when the run stops. */
#include "harness.h"

#include <stdatomic.h>

#include "rt/chan.h"
#include "rt/chan_select.h"

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

typedef struct {
    chan_case c[4];
    int n, block;
    uint64_t rng;
    ps_actor *self;
    int rc, chosen;
} sel_arg;

static void *do_select(void *arg)
{
    sel_arg *s = arg;
    s->rc = chan_select(s->self, s->c, s->n, s->block, &s->rng, &s->chosen);
    return NULL;
}

static void *do_forever(void *arg)
{
    op_arg *o = arg;
    o->rc = chan_block_forever(o->self);
    return NULL;
}

static chan_case recv_case(ps_chan *q)
{
    return (chan_case){.q = q, .dir = CHAN_RECV, .item = -1, .ok = -1};
}

static chan_case send_case(ps_chan *q, int64_t item)
{
    return (chan_case){.q = q, .dir = CHAN_SEND, .item = item};
}

static void ck_event(const ps_event *e, int kind, int actor, int64_t arg, int64_t value)
{
    ck_assert_str_eq(event_kind_name(e->kind), event_kind_name(kind));
    ck_assert_int_eq(e->actor, actor);
    ck_assert_int_eq(e->arg, arg);
    ck_assert_int_eq(e->value, value);
}

/* ---- unbuffered channels ---- */

/* A sender that comes first blocks with its item until a receiver takes it;
 * the hand-off is queue-send (the sender's) then queue-recv, depth 0. */
START_TEST(unbuffered_send_waits_for_receiver)
{
    harness h;
    h_init(&h);
    ps_chan q;
    ck_assert_int_eq(chan_init(&q, 3, 0), 0);
    op_arg o = {&q, &h.a[1], 7, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_send, &o);
    wait_blocked(&h, 1);
    ck_assert_msg(still_blocked(&h, 1, 20), "a send completed with no receiver");
    ck_assert_uint_eq(chan_len(&q), 0); /* Go: len and cap of an unbuffered channel */
    ck_assert_uint_eq(chan_cap(&q), 0);
    int64_t v = 0;
    ck_assert_int_eq(chan_recv(&q, &h.a[0], &v), PS_OK);
    ck_assert_int_eq(v, 7);
    pthread_join(t, NULL);
    ck_assert_int_eq(o.rc, PS_OK);
    ps_event ev[8];
    ck_assert_uint_eq(h_events(&h, ev, 8), 3);
    ck_event(&ev[0], EV_Q_SEND_BLOCKED, 1, 7, 0);
    ck_event(&ev[1], EV_Q_SEND, 1, 7, 0);
    ck_event(&ev[2], EV_Q_RECV, 0, 7, 0);
    ck_assert_int_eq(ev[2].obj, 3);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

/* A receiver that comes first blocks until a sender hands over. */
START_TEST(unbuffered_recv_waits_for_sender)
{
    harness h;
    h_init(&h);
    ps_chan q;
    ck_assert_int_eq(chan_init(&q, 0, 0), 0);
    op_arg o = {&q, &h.a[1], 0, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_recv, &o);
    wait_blocked(&h, 1);
    ck_assert_int_eq(chan_send(&q, &h.a[0], 9), PS_OK);
    pthread_join(t, NULL);
    ck_assert_int_eq(o.rc, PS_OK);
    ck_assert_int_eq(o.item, 9);
    ps_event ev[8];
    ck_assert_uint_eq(h_events(&h, ev, 8), 3);
    ck_event(&ev[0], EV_Q_RECV_BLOCKED, 1, 0, 0);
    ck_event(&ev[1], EV_Q_SEND, 0, 9, 0);
    ck_event(&ev[2], EV_Q_RECV, 1, 9, 0);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

/* Ping-pong over two unbuffered channels.  Each side announces (armed_*)
 * the item it is about to receive before it calls recv; a send that
 * returned before its receiver got there (a buffered send does) finds the
 * receiver's announcement behind it. */
typedef struct {
    ps_chan *c1, *c2;
    ps_actor *a, *b;
    int n;
    _Atomic int64_t armed_a, armed_b;
    _Atomic int bad;
} pp_arg;

static void *pp_a(void *arg)
{
    pp_arg *p = arg;
    for (int64_t i = 1; i <= p->n; i++) {
        int64_t v = 0;
        ck_assert_int_eq(chan_send(p->c1, p->a, i), PS_OK);
        /* seq_cst loads and stores: test bookkeeping, ordered by the hand-off */
        if (atomic_load(&p->armed_b) < i)
            atomic_fetch_add(&p->bad, 1);
        atomic_store(&p->armed_a, i);
        ck_assert_int_eq(chan_recv(p->c2, p->a, &v), PS_OK);
        if (v != i)
            atomic_fetch_add(&p->bad, 1);
    }
    return NULL;
}

static void *pp_b(void *arg)
{
    pp_arg *p = arg;
    for (int64_t i = 1; i <= p->n; i++) {
        int64_t v = 0;
        atomic_store(&p->armed_b, i);
        ck_assert_int_eq(chan_recv(p->c1, p->b, &v), PS_OK);
        if (v != i)
            atomic_fetch_add(&p->bad, 1);
        ck_assert_int_eq(chan_send(p->c2, p->b, i), PS_OK);
        if (atomic_load(&p->armed_a) < i)
            atomic_fetch_add(&p->bad, 1);
    }
    return NULL;
}

START_TEST(unbuffered_ping_pong)
{
    harness h;
    h_init_n(&h, 3, 1024);
    ps_chan c1, c2;
    chan_init(&c1, 1, 0);
    chan_init(&c2, 2, 0);
    pp_arg p = {.c1 = &c1, .c2 = &c2, .a = &h.a[1], .b = &h.a[2], .n = 5000};
    pthread_t t[2];
    pthread_create(&t[0], NULL, pp_a, &p);
    pthread_create(&t[1], NULL, pp_b, &p);
    h_join(&h, t, 2);
    int bad = atomic_load(&p.bad); /* seq_cst: after the joins */
    ck_assert_int_eq(bad, 0);
    /* on each channel: send i then recv i, both depth 0, alternating */
    for (uint32_t obj = 1; obj <= 2; obj++) {
        int64_t want = 1;
        int send_next = 1;
        for (size_t i = 0; i < h.n_ev; i++) {
            const ps_event *e = &h.ev[i];
            if (e->obj != obj || (e->kind != EV_Q_SEND && e->kind != EV_Q_RECV))
                continue;
            ck_assert_int_eq(e->kind, send_next ? EV_Q_SEND : EV_Q_RECV);
            ck_assert_int_eq(e->arg, want);
            ck_assert_int_eq(e->value, 0);
            want += !send_next;
            send_next = !send_next;
        }
        ck_assert_int_eq(want, p.n + 1);
    }
    chan_destroy(&c1);
    chan_destroy(&c2);
    h_free(&h);
}
END_TEST

/* Close wakes blocked receivers (closed, zero value) and makes blocked
 * senders fail (Go panics in them); their items are not delivered. */
START_TEST(unbuffered_close_wakes_receivers_and_senders)
{
    harness h;
    h_init(&h);
    ps_chan q, s;
    chan_init(&q, 0, 0);
    chan_init(&s, 1, 0);
    op_arg r1 = {&q, &h.a[1], 55, -99}, r2 = {&q, &h.a[2], 55, -99};
    pthread_t t[2];
    pthread_create(&t[0], NULL, do_recv, &r1);
    wait_blocked(&h, 1);
    pthread_create(&t[1], NULL, do_recv, &r2);
    wait_blocked(&h, 2);
    ck_assert_int_eq(chan_close(&q, &h.a[0]), PS_OK);
    h_join(&h, t, 2);
    ck_assert_int_eq(r1.rc, PS_ECLOSED);
    ck_assert_int_eq(r2.rc, PS_ECLOSED);
    ck_assert_int_eq(r1.item, 0);
    ck_assert_int_eq(r2.item, 0);
    op_arg s1 = {&s, &h.a[1], 5, -99}, s2 = {&s, &h.a[2], 6, -99};
    pthread_create(&t[0], NULL, do_send, &s1);
    wait_blocked(&h, 1);
    pthread_create(&t[1], NULL, do_send, &s2);
    wait_blocked(&h, 2);
    ck_assert_int_eq(chan_close(&s, &h.a[0]), PS_OK);
    h_join(&h, t, 2);
    ck_assert_int_eq(s1.rc, PS_ECLOSED);
    ck_assert_int_eq(s2.rc, PS_ECLOSED);
    int64_t v = 1;
    ck_assert_int_eq(chan_recv(&s, &h.a[0], &v), PS_ECLOSED);
    ck_assert_int_eq(v, 0);
    h_drain(&h);
    ck_assert_uint_eq(h_count(&h, EV_Q_RECV_CLOSED, 0), 2);
    ck_assert_uint_eq(h_count(&h, EV_Q_SEND_CLOSED, 1), 2);
    ck_assert_uint_eq(h_count(&h, EV_Q_SEND, -1), 0);
    ck_assert_ptr_null(q.receivers.head);
    ck_assert_ptr_null(s.senders.head);
    chan_destroy(&q);
    chan_destroy(&s);
    h_free(&h);
}
END_TEST

/* ---- try_send / try_recv ---- */

START_TEST(try_send_and_recv)
{
    harness h;
    h_init(&h);
    ps_chan u, b;
    chan_init(&u, 0, 0);
    chan_init(&b, 1, 1);
    int64_t v = 3;
    ck_assert_int_eq(chan_try_send(&u, &h.a[0], 1), PS_EAGAIN); /* nobody receives */
    ck_assert_int_eq(chan_try_recv(&u, &h.a[0], &v), PS_EAGAIN);
    ck_assert_int_eq(v, 0);
    op_arg r = {&u, &h.a[1], 0, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_recv, &r); /* a receiver waits: try_send hands over */
    wait_blocked(&h, 1);
    ck_assert_int_eq(chan_try_send(&u, &h.a[0], 4), PS_OK);
    pthread_join(t, NULL);
    ck_assert_int_eq(r.item, 4);
    op_arg s = {&u, &h.a[1], 8, -99};
    pthread_create(&t, NULL, do_send, &s); /* a sender waits: try_recv takes it */
    wait_blocked(&h, 1);
    ck_assert_int_eq(chan_try_recv(&u, &h.a[0], &v), PS_OK);
    pthread_join(t, NULL);
    ck_assert_int_eq(v, 8);
    ck_assert_int_eq(s.rc, PS_OK);
    ck_assert_int_eq(chan_try_recv(&b, &h.a[0], &v), PS_EAGAIN); /* buffered: empty */
    ck_assert_int_eq(chan_try_send(&b, &h.a[0], 1), PS_OK);
    ck_assert_int_eq(chan_try_send(&b, &h.a[0], 2), PS_EAGAIN); /* full */
    ck_assert_uint_eq(chan_len(&b), 1);
    ck_assert_int_eq(chan_try_recv(&b, &h.a[0], &v), PS_OK);
    ck_assert_int_eq(v, 1);
    chan_close(&b, &h.a[0]);
    ck_assert_int_eq(chan_try_recv(&b, &h.a[0], &v), PS_ECLOSED);
    ck_assert_int_eq(chan_try_send(&b, &h.a[0], 1), PS_ECLOSED);
    h_drain(&h);
    ck_assert_uint_eq(h_count(&h, EV_SELECT_DEFAULT, 0), 2);
    ck_assert_uint_eq(h_count(&h, EV_SELECT_DEFAULT, 1), 2);
    ck_assert_uint_eq(h_count(&h, EV_Q_SEND_CLOSED, 1), 1);
    for (size_t i = 0; i < h.n_ev; i++)
        if (h.ev[i].kind == EV_SELECT_DEFAULT) {
            ck_assert_int_eq(h.ev[i].arg, 1);
            ck_assert_int_eq(h.ev[i].value, 1);
        }
    chan_destroy(&u);
    chan_destroy(&b);
    h_free(&h);
}
END_TEST

/* ---- select ---- */

/* 3000 selects over three ready receive cases: each case about a third of
 * the time; the choices are a function of the seed. */
static void select_ready_runs(uint64_t seed, int *choices, int n, int counts[3])
{
    harness h;
    h_init(&h);
    ps_chan q[3];
    for (int i = 0; i < 3; i++) {
        chan_init(&q[i], (uint32_t)i, 2);
        chan_send(&q[i], &h.a[0], i);
    }
    uint64_t rng = seed;
    for (int k = 0; k < n; k++) {
        chan_case c[3] = {recv_case(&q[0]), recv_case(&q[1]), recv_case(&q[2])};
        int chosen;
        ck_assert_int_eq(chan_select(&h.a[0], c, 3, 1, &rng, &chosen), PS_OK);
        ck_assert_int_ge(chosen, 0);
        ck_assert_int_lt(chosen, 3);
        ck_assert_int_eq(c[chosen].item, chosen);
        ck_assert_int_eq(c[chosen].ok, 1);
        choices[k] = chosen;
        counts[chosen]++;
        chan_send(&q[chosen], &h.a[0], chosen); /* ready again */
        h_drain(&h);
        h.n_ev = 0;
    }
    for (int i = 0; i < 3; i++)
        chan_destroy(&q[i]);
    h_free(&h);
}

START_TEST(select_uniform_and_reproducible)
{
    enum { N = 3000 };
    static int a[N], b[N], c[N];
    int ca[3] = {0}, cb[3] = {0}, cc[3] = {0};
    select_ready_runs(42, a, N, ca);
    select_ready_runs(42, b, N, cb);
    select_ready_runs(43, c, N, cc);
    for (int i = 0; i < 3; i++) /* expected 1000, sd 26: +-150 is 6 sd */
        ck_assert_msg(ca[i] > 850 && ca[i] < 1150, "case %d chosen %d times of %d", i, ca[i], N);
    ck_assert_mem_eq(a, b, sizeof a); /* the same seed, the same choices */
    ck_assert_msg(memcmp(a, c, sizeof a) != 0, "another seed made the same 3000 choices");
}
END_TEST

/* A select blocked on three channels is woken by a send on any one of them
 * exactly once: its nodes leave the other queues, which then have no
 * receiver. */
START_TEST(select_blocks_and_wakes_once)
{
    for (int k = 0; k < 3; k++) {
        harness h;
        h_init(&h);
        ps_chan q[3];
        for (int i = 0; i < 3; i++)
            chan_init(&q[i], (uint32_t)i, 0);
        sel_arg s = {.c = {recv_case(&q[0]), recv_case(&q[1]), recv_case(&q[2])},
                     .n = 3,
                     .block = 1,
                     .rng = 7,
                     .self = &h.a[1]};
        pthread_t t;
        pthread_create(&t, NULL, do_select, &s);
        wait_blocked(&h, 1);
        ck_assert_int_eq(chan_send(&q[k], &h.a[0], 10 + k), PS_OK);
        pthread_join(t, NULL);
        ck_assert_int_eq(s.rc, PS_OK);
        ck_assert_int_eq(s.chosen, k);
        ck_assert_int_eq(s.c[k].item, 10 + k);
        ck_assert_int_eq(s.c[k].ok, 1);
        for (int i = 0; i < 3; i++) {
            ck_assert_ptr_null(q[i].receivers.head);
            ck_assert_int_eq(q[i].receivers.n, 0);
            ck_assert_int_eq(chan_try_send(&q[i], &h.a[0], 1), PS_EAGAIN);
        }
        ps_event ev[16];
        ck_assert_uint_eq(h_events(&h, ev, 16), 6);
        ck_event(&ev[0], EV_SELECT_BLOCKED, 1, 3, 3);
        ck_event(&ev[1], EV_Q_SEND, 0, 10 + k, 0);
        ck_event(&ev[2], EV_Q_RECV, 1, 10 + k, 0);
        ck_assert_int_eq(ev[2].obj, k);
        for (int i = 0; i < 3; i++)
            chan_destroy(&q[i]);
        h_free(&h);
    }
}
END_TEST

/* A blocked select's send case proceeds when a receiver comes; a buffered
 * queue's receiver moves a blocked select's item into the freed slot. */
START_TEST(select_blocked_send_cases)
{
    harness h;
    h_init(&h);
    ps_chan u, b, e;
    chan_init(&u, 0, 0);
    chan_init(&b, 1, 1);
    chan_init(&e, 2, 0);
    chan_send(&b, &h.a[0], 100); /* full */
    sel_arg s = {.c = {send_case(&u, 10), send_case(&b, 11), recv_case(&e)},
                 .n = 3,
                 .block = 1,
                 .rng = 1,
                 .self = &h.a[1]};
    pthread_t t;
    pthread_create(&t, NULL, do_select, &s);
    wait_blocked(&h, 1);
    int64_t v;
    ck_assert_int_eq(chan_recv(&b, &h.a[0], &v), PS_OK);
    ck_assert_int_eq(v, 100);
    pthread_join(t, NULL);
    ck_assert_int_eq(s.rc, PS_OK);
    ck_assert_int_eq(s.chosen, 1);
    ck_assert_uint_eq(chan_len(&b), 1); /* the select's 11 went in */
    ck_assert_int_eq(chan_try_recv(&u, &h.a[0], &v), PS_EAGAIN);
    s.rng = 2;
    pthread_create(&t, NULL, do_select, &s);
    wait_blocked(&h, 1);
    ck_assert_int_eq(chan_recv(&u, &h.a[0], &v), PS_OK);
    pthread_join(t, NULL);
    ck_assert_int_eq(v, 10);
    ck_assert_int_eq(s.chosen, 0);
    ck_assert_ptr_null(e.receivers.head);
    ck_assert_ptr_null(b.senders.head);
    chan_destroy(&u);
    chan_destroy(&b);
    chan_destroy(&e);
    h_free(&h);
}
END_TEST

/* Closed queues in a select: a receive case proceeds with ok 0, a send
 * case reports PS_ECLOSED (Go panics), both at once or while blocked. */
START_TEST(select_on_closed_queues)
{
    harness h;
    h_init(&h);
    ps_chan a, b;
    chan_init(&a, 0, 0);
    chan_init(&b, 1, 0);
    uint64_t rng = 5;
    int chosen;
    sel_arg s = {.c = {recv_case(&a)}, .n = 1, .block = 1, .self = &h.a[1]};
    pthread_t t;
    pthread_create(&t, NULL, do_select, &s);
    wait_blocked(&h, 1);
    chan_close(&a, &h.a[0]);
    pthread_join(t, NULL);
    ck_assert_int_eq(s.rc, PS_OK);
    ck_assert_int_eq(s.chosen, 0);
    ck_assert_int_eq(s.c[0].ok, 0);
    ck_assert_int_eq(s.c[0].item, 0);
    s = (sel_arg){.c = {send_case(&b, 3)}, .n = 1, .block = 1, .self = &h.a[1]};
    pthread_create(&t, NULL, do_select, &s);
    wait_blocked(&h, 1);
    chan_close(&b, &h.a[0]);
    pthread_join(t, NULL);
    ck_assert_int_eq(s.rc, PS_ECLOSED);
    ck_assert_int_eq(s.chosen, 0);
    chan_case c[2] = {send_case(&b, 4), recv_case(&a)};
    int picked[2] = {0, 0};
    for (int i = 0; i < 40; i++) { /* both ready: either may be picked */
        int rc = chan_select(&h.a[0], c, 2, 0, &rng, &chosen);
        ck_assert_int_eq(rc, chosen == 0 ? PS_ECLOSED : PS_OK);
        if (chosen == 1)
            ck_assert_int_eq(c[1].ok, 0);
        picked[chosen]++;
    }
    ck_assert_int_gt(picked[0], 0); /* all 40 the same: 2^-39 */
    ck_assert_int_gt(picked[1], 0);
    h_drain(&h);
    ck_assert_uint_eq(h_count(&h, EV_Q_SEND_CLOSED, 1), 1 + (size_t)picked[0]);
    ck_assert_uint_eq(h_count(&h, EV_Q_RECV_CLOSED, 0), 1 + (size_t)picked[1]);
    chan_destroy(&a);
    chan_destroy(&b);
    h_free(&h);
}
END_TEST

/* A nil channel is never ready; a select with only nil cases takes its
 * default, or blocks for ever (a deadlock the pacer sees) until stopped. */
START_TEST(select_nil_channels)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 4, 1);
    uint64_t rng = 9;
    int chosen;
    for (int i = 0; i < 100; i++) {
        chan_send(&q, &h.a[0], i);
        chan_case c[3] = {recv_case(NULL), send_case(NULL, 1), recv_case(&q)};
        ck_assert_int_eq(chan_select(&h.a[0], c, 3, 1, &rng, &chosen), PS_OK);
        ck_assert_int_eq(chosen, 2);
        ck_assert_int_eq(c[2].item, i);
        h_drain(&h);
    }
    chan_case nil[2] = {recv_case(NULL), send_case(NULL, 1)};
    ck_assert_int_eq(chan_select(&h.a[0], nil, 2, 0, &rng, &chosen), PS_EAGAIN);
    ck_assert_int_eq(chosen, CHAN_DEFAULT);
    h_drain(&h);
    ck_assert_int_eq(h.ev[h.n_ev - 1].kind, EV_SELECT_DEFAULT);
    ck_assert_int_eq(h.ev[h.n_ev - 1].arg, 2);
    ck_assert_int_eq(h.ev[h.n_ev - 1].value, 0);
    sel_arg s = {.c = {recv_case(NULL), send_case(NULL, 1)}, .n = 2, .block = 1, .self = &h.a[1]};
    pthread_t t;
    pthread_create(&t, NULL, do_select, &s);
    wait_blocked(&h, 1);
    pacer_exit(h.p, 0);
    pacer_exit(h.p, 2);
    pacer_exit(h.p, 3);
    pacer_view v;
    pacer_view_get(h.p, &v);
    ck_assert_int_eq(pacer_view_deadlocked(&v), 1);
    pacer_stop(h.p);
    pthread_join(t, NULL);
    ck_assert_int_eq(s.rc, PS_ESTOPPED);
    ck_assert_int_eq(s.chosen, CHAN_DEFAULT);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

START_TEST(select_bad_arguments)
{
    harness h;
    h_init(&h);
    ps_chan q;
    chan_init(&q, 0, 1);
    static chan_case many[CHAN_SELECT_MAX + 1];
    uint64_t rng = 1;
    int chosen = 5;
    ck_assert_int_eq(chan_select(&h.a[0], many, CHAN_SELECT_MAX + 1, 0, &rng, &chosen), PS_EINVAL);
    ck_assert_int_eq(chosen, CHAN_DEFAULT);
    chan_case c[2] = {recv_case(&q), recv_case(&q)};
    ck_assert_int_eq(chan_select(&h.a[0], c, 2, 0, NULL, &chosen), PS_EINVAL);
    c[1].dir = 0;
    ck_assert_int_eq(chan_select(&h.a[0], c, 2, 0, &rng, &chosen), PS_EINVAL);
    ck_assert_int_eq(chan_select(&h.a[0], NULL, 1, 0, &rng, &chosen), PS_EINVAL);
    ck_assert_uint_eq(h_events(&h, (ps_event[4]){0}, 4), 0); /* refused before any event */
    /* the same queue in several cases is locked once */
    chan_send(&q, &h.a[0], 6);
    chan_case d[3] = {recv_case(&q), send_case(&q, 1), recv_case(&q)};
    ck_assert_int_eq(chan_select(&h.a[0], d, 3, 0, &rng, &chosen), PS_OK);
    ck_assert_int_ne(chosen, 1); /* full: the send cannot proceed */
    ck_assert_int_eq(d[chosen].item, 6);
    chan_destroy(&q);
    h_free(&h);
}
END_TEST

START_TEST(block_forever_is_a_deadlock_until_stopped)
{
    harness h;
    h_init(&h);
    op_arg o = {NULL, &h.a[1], 0, -99};
    pthread_t t;
    pthread_create(&t, NULL, do_forever, &o);
    wait_blocked(&h, 1);
    ck_assert(still_blocked(&h, 1, 20));
    pacer_exit(h.p, 0);
    pacer_exit(h.p, 2);
    pacer_view v;
    pacer_view_get(h.p, &v);
    ck_assert_int_eq(pacer_view_deadlocked(&v), 0); /* actor 3 still runs */
    pacer_exit(h.p, 3);
    pacer_view_get(h.p, &v);
    ck_assert_int_eq(pacer_view_deadlocked(&v), 1);
    pacer_stop(h.p);
    pthread_join(t, NULL);
    ck_assert_int_eq(o.rc, PS_ESTOPPED);
    ps_event ev[4];
    ck_assert_uint_eq(h_events(&h, ev, 4), 1);
    ck_event(&ev[0], EV_SELECT_BLOCKED, 1, 0, 0);
    h_free(&h);
}
END_TEST

/* Two selecting threads receive from two channels (one unbuffered, one
 * buffered) fed by two senders that then close them: every item is
 * received exactly once, and each select proceeds on one case only. */
typedef struct {
    ps_chan *q[2];
    ps_actor *self;
    int n;        /* sender: items per channel */
    int base;     /* sender: its first item */
    uint64_t rng; /* selector */
    int *seen;    /* selector: its own counts per item */
    int got;
} stress_arg;

static void *stress_send(void *arg)
{
    stress_arg *s = arg;
    for (int i = 0; i < s->n; i++)
        ck_assert_int_eq(chan_send(s->q[0], s->self, s->base + i), PS_OK);
    ck_assert_int_eq(chan_close(s->q[0], s->self), PS_OK);
    return NULL;
}

static void *stress_select(void *arg)
{
    stress_arg *s = arg;
    chan_case c[2] = {recv_case(s->q[0]), recv_case(s->q[1])};
    while (c[0].q || c[1].q) {
        int chosen;
        ck_assert_int_eq(chan_select(s->self, c, 2, 1, &s->rng, &chosen), PS_OK);
        if (!c[chosen].ok) {
            c[chosen].q = NULL; /* closed: Go's idiom, a nil channel is never ready */
            continue;
        }
        s->seen[c[chosen].item]++;
        s->got++;
    }
    return NULL;
}

START_TEST(select_stress_exactly_once)
{
    enum { N = 4000 };
    harness h;
    h_init_n(&h, 5, 1024);
    ps_chan q[2];
    chan_init(&q[0], 0, 0);
    chan_init(&q[1], 1, 3);
    static int seen[2][2 * N];
    memset(seen, 0, sizeof seen);
    stress_arg sel[2], snd[2];
    pthread_t t[4];
    for (int i = 0; i < 2; i++) {
        sel[i] =
            (stress_arg){.q = {&q[0], &q[1]}, .self = &h.a[1 + i], .rng = 11u + i, .seen = seen[i]};
        snd[i] = (stress_arg){.q = {&q[i]}, .self = &h.a[3 + i], .n = N, .base = i * N};
        pthread_create(&t[i], NULL, stress_select, &sel[i]);
        pthread_create(&t[2 + i], NULL, stress_send, &snd[i]);
    }
    h_join(&h, t, 4);
    ck_assert_int_eq(sel[0].got + sel[1].got, 2 * N);
    for (int item = 0; item < 2 * N; item++)
        ck_assert_msg(seen[0][item] + seen[1][item] == 1, "item %d received %d times", item,
                      seen[0][item] + seen[1][item]);
    ck_assert_uint_eq(h_count(&h, EV_Q_RECV, -1), 2 * N);
    for (int i = 0; i < 2; i++) {
        ck_assert_ptr_null(q[i].receivers.head);
        ck_assert_ptr_null(q[i].senders.head);
    }
    chan_destroy(&q[0]);
    chan_destroy(&q[1]);
    h_free(&h);
}
END_TEST

/* ---- the run stops ---- */

START_TEST(blocking_ops_unwind_on_stop)
{
    harness h;
    h_init(&h);
    ps_chan u, v, w[2];
    chan_init(&u, 0, 0);
    chan_init(&v, 1, 0);
    chan_init(&w[0], 2, 0);
    chan_init(&w[1], 3, 1);
    op_arg s = {&u, &h.a[1], 1, -99}, r = {&v, &h.a[2], 0, -99};
    sel_arg x = {.c = {recv_case(&w[0]), send_case(&w[0], 1), recv_case(&w[1]), recv_case(NULL)},
                 .n = 4,
                 .block = 1,
                 .rng = 3,
                 .self = &h.a[3]};
    pthread_t t[3];
    pthread_create(&t[0], NULL, do_send, &s);
    pthread_create(&t[1], NULL, do_recv, &r);
    pthread_create(&t[2], NULL, do_select, &x);
    for (int i = 1; i <= 3; i++)
        wait_blocked(&h, i);
    pacer_stop(h.p); /* what run_stop does */
    h_join(&h, t, 3);
    ck_assert_int_eq(s.rc, PS_ESTOPPED);
    ck_assert_int_eq(r.rc, PS_ESTOPPED);
    ck_assert_int_eq(x.rc, PS_ESTOPPED);
    ck_assert_int_eq(x.chosen, CHAN_DEFAULT);
    ps_chan *all[4] = {&u, &v, &w[0], &w[1]};
    for (int i = 0; i < 4; i++) { /* everyone left the queues */
        ck_assert_ptr_null(all[i]->senders.head);
        ck_assert_ptr_null(all[i]->receivers.head);
        ck_assert_int_eq(all[i]->senders.n + all[i]->receivers.n, 0);
        chan_destroy(all[i]);
    }
    h_free(&h);
}
END_TEST

/* A hand-off to a select that came as the run stopped is kept: the waker
 * stops the run from inside the hand-off (after it claimed the select,
 * before its release of wdone), and the select still returns the item. */
static harness *kh;

static void stop_inside_wake(actor_hook_at at, ps_actor *w)
{
    if (at == ACTOR_HOOK_WAKE && w->id == 1) {
        pacer_stop(kh->p);
        usleep(20000); /* the select sees the stop first and waits for the lock */
    }
}

START_TEST(select_keeps_a_handoff_at_stop)
{
    harness h;
    h_init(&h);
    kh = &h;
    ps_chan q[2];
    chan_init(&q[0], 0, 0);
    chan_init(&q[1], 1, 0);
    sel_arg s = {
        .c = {recv_case(&q[0]), recv_case(&q[1])}, .n = 2, .block = 1, .rng = 4, .self = &h.a[1]};
    pthread_t t;
    pthread_create(&t, NULL, do_select, &s);
    wait_blocked(&h, 1);
    actor_set_test_hook(stop_inside_wake);
    ck_assert_int_eq(chan_send(&q[1], &h.a[0], 77), PS_OK);
    pthread_join(t, NULL);
    actor_set_test_hook(NULL);
    ck_assert_int_eq(s.rc, PS_OK);
    ck_assert_int_eq(s.chosen, 1);
    ck_assert_int_eq(s.c[1].item, 77);
    ck_assert_ptr_null(q[0].receivers.head);
    chan_destroy(&q[0]);
    chan_destroy(&q[1]);
    h_free(&h);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("chan");
    TCase *tc = tcase_create("chan");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, unbuffered_send_waits_for_receiver);
    tcase_add_test(tc, unbuffered_recv_waits_for_sender);
    tcase_add_test(tc, unbuffered_ping_pong);
    tcase_add_test(tc, unbuffered_close_wakes_receivers_and_senders);
    tcase_add_test(tc, try_send_and_recv);
    tcase_add_test(tc, select_uniform_and_reproducible);
    tcase_add_test(tc, select_blocks_and_wakes_once);
    tcase_add_test(tc, select_blocked_send_cases);
    tcase_add_test(tc, select_on_closed_queues);
    tcase_add_test(tc, select_nil_channels);
    tcase_add_test(tc, select_bad_arguments);
    tcase_add_test(tc, block_forever_is_a_deadlock_until_stopped);
    tcase_add_test(tc, select_stress_exactly_once);
    tcase_add_test(tc, blocking_ops_unwind_on_stop);
    tcase_add_test(tc, select_keeps_a_handoff_at_stop);
    suite_add_tcase(s, tc);
    return s;
}
