/* test_ring.c - the SPSC ring and the merging bus. */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bus/bus.h"
#include "sync/clock.h"
#include "bus/ring.h"

static ps_event ev(int64_t v)
{
    ps_event e;
    memset(&e, 0, sizeof e);
    e.value = v;
    return e;
}

START_TEST(ring_fifo_wrap_full_empty)
{
    ring r;
    ck_assert_int_eq(ring_init(&r, 4), 0);
    ck_assert_uint_eq(ring_capacity(&r), 4);
    const ps_event *first;
    ck_assert_uint_eq(ring_peek(&r, &first), 0); /* empty */
    int64_t next_in = 0, next_out = 0;
    for (int round = 0; round < 10; round++) { /* wraps many times */
        for (int i = 0; i < 4; i++) {          /* fill to full */
            ck_assert_int_eq(ring_room(&r, (size_t)(4 - i)), 1);
            *ring_reserve(&r) = ev(next_in++);
            ring_commit(&r);
        }
        ck_assert_ptr_null(ring_reserve(&r)); /* full: the caller decides how to wait */
        ck_assert_int_eq(ring_room(&r, 1), 0);
        size_t total = 0, n;
        while ((n = ring_peek(&r, &first)) > 0) {
            for (size_t k = 0; k < n; k++)
                ck_assert_int_eq(first[k].value, next_out++);
            ring_release_to(&r, ring_head(&r) + n);
            total += n;
        }
        ck_assert_uint_eq(total, 4); /* full held exactly its capacity */
    }
    ring_free(&r);
}
END_TEST

START_TEST(bus_single_producer_sequence)
{
    bus *b = bus_create(1, 8);
    ck_assert_ptr_nonnull(b);
    for (int i = 0; i < 5; i++) {
        ps_event e = ev(i);
        bus_publish(b, 0, &e);
    }
    ps_event out[16];
    ck_assert_uint_eq(bus_poll(b, out, 16), 5);
    for (int i = 0; i < 5; i++)
        ck_assert_uint_eq(out[i].seq, (uint64_t)i);
    ck_assert_uint_eq(bus_poll(b, out, 16), 0);
    bus_destroy(b);
}
END_TEST

#define STRESS_PRODUCERS 4
#define STRESS_EVENTS 1000000

typedef struct {
    bus *b;
    int id;
} prod_arg;

static void *producer(void *arg)
{
    prod_arg *pa = arg;
    for (int64_t i = 0; i < STRESS_EVENTS; i++) {
        ps_event e = ev(i);
        e.actor = (uint32_t)pa->id;
        bus_publish(pa->b, pa->id, &e);
    }
    return NULL;
}

/* 4 producers x 1M events through rings of 64: each event arrives exactly
 * once, the sequence has no gap, and each producer's events keep their order. */
START_TEST(bus_stress_exactly_once_in_order)
{
    bus *b = bus_create(STRESS_PRODUCERS, 64);
    pthread_t t[STRESS_PRODUCERS];
    prod_arg pa[STRESS_PRODUCERS];
    for (int i = 0; i < STRESS_PRODUCERS; i++) {
        pa[i] = (prod_arg){b, i};
        pthread_create(&t[i], NULL, producer, &pa[i]);
    }
    int64_t next[STRESS_PRODUCERS] = {0};
    uint64_t seq = 0, total = STRESS_PRODUCERS * (uint64_t)STRESS_EVENTS;
    ps_event buf[256];
    while (seq < total) {
        size_t n = bus_poll(b, buf, 256);
        for (size_t i = 0; i < n; i++) {
            /* plain ifs: ck_assert per event would dominate the run time */
            if (buf[i].seq != seq || buf[i].actor >= STRESS_PRODUCERS ||
                buf[i].value != next[buf[i].actor])
                ck_abort_msg("event seq %llu (want %llu) from %d value %lld (want %lld)",
                             (unsigned long long)buf[i].seq, (unsigned long long)seq, buf[i].actor,
                             (long long)buf[i].value,
                             (long long)next[buf[i].actor % STRESS_PRODUCERS]);
            next[buf[i].actor]++;
            seq++;
        }
        if (!n)
            bus_wait(b, 0);
    }
    for (int i = 0; i < STRESS_PRODUCERS; i++)
        pthread_join(t[i], NULL);
    for (int i = 0; i < STRESS_PRODUCERS; i++)
        ck_assert_int_eq(next[i], STRESS_EVENTS);
    ck_assert_uint_eq(bus_poll(b, buf, 256), 0);
    ck_assert_uint_eq(bus_published(b), total);
    /* rings of 64 against a 4M-event flood: producers must have waited */
    ck_assert_uint_gt(bus_blocked_count(b), 0);
    bus_destroy(b);
}
END_TEST

#define CAUSAL_EVENTS 50000

typedef struct {
    bus *b;
    pthread_mutex_t mu;
    int64_t counter; /* under mu */
} causal;

typedef struct {
    causal *c;
    int id;
} causal_arg;

/* Each critical section publishes the counter it saw, stamped inside the
 * section as the engine's primitives do: consecutive sections are ordered by
 * the mutex, so every delivered value must be the previous one plus one. */
static void *causal_producer(void *arg)
{
    causal_arg *ca = arg;
    for (int i = 0; i < CAUSAL_EVENTS; i++) {
        pthread_mutex_lock(&ca->c->mu);
        ps_event e = ev(ca->c->counter++);
        e.actor = (uint32_t)ca->id;
        e.rt_ns = clock_now_ns();
        bus_publish(ca->c->b, ca->id, &e);
        pthread_mutex_unlock(&ca->c->mu);
    }
    return NULL;
}

/* Producers hand a counter round under a mutex through rings of 16: the
 * merge must deliver the values 0, 1, 2, ... -- happens-before is kept even
 * though no shared sequence counter exists and rings fill and wrap.  3
 * producers take the merge's scan path, 12 its heap path. */
START_TEST(bus_merge_keeps_happens_before)
{
    const int np = _i ? 12 : 3;
    causal c = {.b = bus_create(np, 16), .counter = 0};
    pthread_mutex_init(&c.mu, NULL);
    pthread_t t[12];
    causal_arg ca[12];
    for (int i = 0; i < np; i++) {
        ca[i] = (causal_arg){&c, i};
        pthread_create(&t[i], NULL, causal_producer, &ca[i]);
    }
    int64_t want = 0, total = (int64_t)np * CAUSAL_EVENTS;
    ps_event buf[64];
    while (want < total) {
        size_t n = bus_poll(c.b, buf, 64);
        for (size_t i = 0; i < n; i++, want++)
            if (buf[i].value != want || buf[i].seq != (uint64_t)want)
                ck_abort_msg("delivered value %lld seq %llu, want %lld", (long long)buf[i].value,
                             (unsigned long long)buf[i].seq, (long long)want);
        if (!n)
            bus_wait(c.b, 0);
    }
    for (int i = 0; i < np; i++)
        pthread_join(t[i], NULL);
    ck_assert_uint_eq(bus_published(c.b), (uint64_t)total);
    pthread_mutex_destroy(&c.mu);
    bus_destroy(c.b);
}
END_TEST

/* Stamps that do not rise (equal, or going back) are raised per ring, so a
 * ring's order is kept whatever its producer stamped. */
START_TEST(bus_ring_keys_rise)
{
    bus *b = bus_create(2, 8);
    const uint64_t stamps[2][4] = {{5, 5, 3, 9}, {6, 6, 6, 6}};
    for (int k = 0; k < 4; k++)
        for (int p = 0; p < 2; p++) {
            ps_event e = ev(p * 10 + k);
            e.rt_ns = stamps[p][k];
            bus_publish(b, p, &e);
        }
    ps_event out[16];
    size_t n = 0;
    for (int tries = 0; tries < 4 && n < 8; tries++)
        n += bus_poll(b, out + n, 16 - n);
    ck_assert_uint_eq(n, 8);
    /* keys: ring 0 = 5 6 7 9, ring 1 = 6 7 8 9; ties go to ring 0 */
    const int64_t want[8] = {0, 1, 10, 2, 11, 12, 3, 13};
    for (int i = 0; i < 8; i++)
        ck_assert_int_eq(out[i].value, want[i]);
    bus_destroy(b);
}
END_TEST

/* 12 rings (the heap path): ring p holds keys p, p + 12, p + 24 and ring 11
 * also holds them again as ties with ring 0's; delivery is by key, ties to
 * the lower ring. */
START_TEST(bus_heap_merge_order)
{
    bus *b = bus_create(12, 8);
    for (int k = 0; k < 3; k++)
        for (int p = 0; p < 12; p++) {
            ps_event e = ev(p * 100 + k);
            e.rt_ns = (uint64_t)(p == 11 ? k * 12 : p + k * 12);
            bus_publish(b, p, &e);
        }
    ps_event out[64];
    size_t n = 0;
    for (int tries = 0; tries < 4 && n < 36; tries++)
        n += bus_poll(b, out + n, 64 - n);
    ck_assert_uint_eq(n, 36);
    for (size_t i = 1; i < n; i++) {
        uint64_t ka = out[i - 1].rt_ns, kb = out[i].rt_ns;
        int ra = (int)(out[i - 1].value / 100), rb = (int)(out[i].value / 100);
        ck_assert_msg(ka < kb || (ka == kb && ra < rb),
                      "event %zu: key %llu ring %d after %llu ring %d", i, (unsigned long long)kb,
                      rb, (unsigned long long)ka, ra);
    }
    bus_destroy(b);
}
END_TEST

/* ---- dynamic lanes: producers that come and go ---- */

#define CHURN_SPAWNERS 4
#define CHURN_ROUNDS 300
#define CHURN_EVENTS 20

typedef struct {
    causal *c;
    int round;
} churn_arg;

/* A short-lived producer: opens a lane, publishes under the shared mutex
 * (the counter orders every event across lanes), sometimes pauses long
 * enough for the consumer to sleep and drop idle lanes, and closes. */
static void *churn_producer(void *arg)
{
    churn_arg *ca = arg;
    int lane = bus_open(ca->c->b);
    for (int i = 0; i < CHURN_EVENTS; i++) {
        if (ca->round % 50 == 0 && i == CHURN_EVENTS / 2)
            usleep(2000);
        pthread_mutex_lock(&ca->c->mu);
        ps_event e = ev(ca->c->counter++);
        e.actor = (uint32_t)lane;
        e.rt_ns = clock_now_ns();
        bus_publish(ca->c->b, lane, &e);
        pthread_mutex_unlock(&ca->c->mu);
    }
    bus_close(ca->c->b, lane);
    return NULL;
}

static void *churn_spawner(void *arg)
{
    causal *c = arg;
    for (int r = 0; r < CHURN_ROUNDS; r++) {
        pthread_t t;
        churn_arg ca = {c, r};
        pthread_create(&t, NULL, churn_producer, &ca);
        pthread_join(t, NULL);
    }
    return NULL;
}

/* 1 200 producers, 4 at a time, on 6 dynamic lanes of 8 events beside one
 * static lane: lanes are reused once drained (and openers wait for that),
 * idle lanes leave the list and come back, and still every event arrives
 * once, in the order the mutex gave them (the causal invariant). */
START_TEST(bus_dynamic_lanes_keep_order)
{
    causal c = {.b = bus_create_lanes(1, 64, 6, 8), .counter = 0};
    ck_assert_ptr_nonnull(c.b);
    pthread_mutex_init(&c.mu, NULL);
    pthread_t t[CHURN_SPAWNERS];
    for (int i = 0; i < CHURN_SPAWNERS; i++)
        pthread_create(&t[i], NULL, churn_spawner, &c);
    int64_t want = 0, total = (int64_t)CHURN_SPAWNERS * CHURN_ROUNDS * CHURN_EVENTS;
    ps_event buf[64];
    while (want < total) {
        size_t n = bus_poll(c.b, buf, 64);
        for (size_t i = 0; i < n; i++, want++)
            if (buf[i].value != want || buf[i].seq != (uint64_t)want)
                ck_abort_msg("delivered value %lld seq %llu, want %lld", (long long)buf[i].value,
                             (unsigned long long)buf[i].seq, (long long)want);
        if (!n)
            bus_wait(c.b, 0);
    }
    for (int i = 0; i < CHURN_SPAWNERS; i++)
        pthread_join(t[i], NULL);
    bus_poll(c.b, buf, 64); /* the last closes retire */
    ck_assert_int_eq(bus_drained(c.b), 1);
    int listed, made = bus_lanes(c.b, &listed);
    ck_assert_int_le(made, 7);
    ck_assert_uint_eq(bus_published(c.b), (uint64_t)total);
    pthread_mutex_destroy(&c.mu);
    bus_destroy(c.b);
}
END_TEST

/* 1 000 lanes with one event each: once drained they leave the consumer's
 * list at its next sleep (its looks read only the static lane), a lane
 * that publishes again comes back, and closed lanes are reused. */
START_TEST(bus_idle_lanes_leave_the_list)
{
    enum { N = 1000 };
    bus *b = bus_create_lanes(1, 64, N, 64);
    static int lanes[N];
    for (int i = 0; i < N; i++) {
        lanes[i] = bus_open(b);
        ck_assert_int_ge(lanes[i], 1);
        ps_event e = ev(i);
        e.rt_ns = (uint64_t)i + 1;
        bus_publish(b, lanes[i], &e);
    }
    ps_event buf[256];
    size_t got = 0, n;
    int listed;
    while (got < N) {
        n = bus_poll(b, buf, 256);
        for (size_t k = 0; k < n; k++)
            ck_assert_int_eq(buf[k].value, (int64_t)(got + k)); /* stamps 1..N: in order */
        got += n;
        if (!n)
            bus_wait(b, 1000000);
    }
    bus_poll(b, buf, 256);
    bus_wait(b, 1000000); /* quiet: drops the idle lanes under its barrier */
    ck_assert_int_eq(bus_lanes(b, &listed), N + 1);
    ck_assert_int_eq(listed, 1);
    ps_event e = ev(-1);
    e.rt_ns = N + 10;
    bus_publish(b, lanes[500], &e); /* announced again */
    ck_assert_int_eq(bus_drained(b), 0);
    got = 0;
    for (int tries = 0; tries < 10 && !got; tries++)
        got = bus_poll(b, buf, 256);
    ck_assert_uint_eq(got, 1);
    ck_assert_int_eq(buf[0].value, -1);
    for (int i = 0; i < N; i++)
        bus_close(b, lanes[i]);
    bus_poll(b, buf, 256);
    bus_poll(b, buf, 256);
    bus_lanes(b, &listed);
    ck_assert_int_eq(listed, 1); /* all retired */
    for (int i = 0; i < N; i++)
        ck_assert_int_le(bus_open(b), N); /* reused, none made */
    ck_assert_int_eq(bus_lanes(b, NULL), N + 1);
    ck_assert_uint_eq(bus_published(b), N + 1);
    bus_destroy(b);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("ring");
    TCase *tc = tcase_create("ring");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, ring_fifo_wrap_full_empty);
    tcase_add_test(tc, bus_single_producer_sequence);
    tcase_add_test(tc, bus_stress_exactly_once_in_order);
    tcase_add_loop_test(tc, bus_merge_keeps_happens_before, 0, 2);
    tcase_add_test(tc, bus_heap_merge_order);
    tcase_add_test(tc, bus_ring_keys_rise);
    tcase_add_test(tc, bus_dynamic_lanes_keep_order);
    tcase_add_test(tc, bus_idle_lanes_leave_the_list);
    suite_add_tcase(s, tc);
    return s;
}
