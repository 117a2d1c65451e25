/* test_rwmutex.c - Go's sync.RWMutex with real threads: readers together,
 * writers alone, writer preference and Go's hand-off order, misuse, stop. */
#include "harness.h"

#include <stdatomic.h>

#include "rt/rwmutex.h"

typedef struct {
    ps_rwmutex *m;
    ps_actor *self;
    int rc;
} rw_arg;

static void *do_lock(void *arg)
{
    rw_arg *x = arg;
    x->rc = rwmutex_lock(x->m, x->self);
    return NULL;
}

static void *do_rlock(void *arg)
{
    rw_arg *x = arg;
    x->rc = rwmutex_rlock(x->m, x->self);
    return NULL;
}

/* Three readers hold the read lock at the same time: each waits, holding
 * it, until all three are inside. */
typedef struct {
    ps_rwmutex *m;
    ps_actor *self;
    _Atomic int *inside;
    int met; /* 1: saw all three inside */
} par_arg;

static void *reader_meets(void *arg)
{
    par_arg *p = arg;
    ck_assert_int_eq(rwmutex_rlock(p->m, p->self), PS_OK);
    atomic_fetch_add(p->inside, 1); /* seq_cst: test bookkeeping */
    for (int i = 0; i < 5000 && atomic_load(p->inside) < 3; i++)
        usleep(1000);
    p->met = atomic_load(p->inside) == 3;
    ck_assert_int_eq(rwmutex_runlock(p->m, p->self), PS_OK);
    return NULL;
}

START_TEST(rwmutex_readers_in_parallel)
{
    harness h;
    h_init(&h);
    ps_rwmutex m;
    rwmutex_init(&m, 2);
    _Atomic int inside = 0;
    par_arg p[3];
    pthread_t t[3];
    for (int i = 0; i < 3; i++) {
        p[i] = (par_arg){&m, &h.a[i + 1], &inside, 0};
        pthread_create(&t[i], NULL, reader_meets, &p[i]);
    }
    h_join(&h, t, 3);
    for (int i = 0; i < 3; i++)
        ck_assert_msg(p[i].met, "reader %d never saw the other two inside", i + 1);
    ck_assert_int_eq(m.readers, 0);
    int64_t peak = 0;
    for (size_t i = 0; i < h.n_ev; i++)
        if (h.ev[i].kind == EV_RW_RLOCK_ACQUIRED && h.ev[i].value > peak)
            peak = h.ev[i].value;
    ck_assert_int_eq(peak, 3); /* the events say so too: 3 readers at once */
    ck_assert_uint_eq(h_count(&h, EV_RW_RUNLOCK, 2), 3);
    rwmutex_destroy(&m);
    h_free(&h);
}
END_TEST

/* Two writers and two readers, many rounds: a writer is always alone, and
 * the writers' plain (unsynchronised but for the mutex) counter loses
 * nothing; under ThreadSanitizer a missing exclusion is also a data race. */
typedef struct {
    ps_rwmutex *m;
    ps_actor *self;
    int writer, rounds;
    _Atomic int *readers, *writers, *bad;
    int64_t *plain;
} mix_arg;

static void *mix_worker(void *arg)
{
    mix_arg *x = arg;
    for (int i = 0; i < x->rounds; i++) {
        if (x->writer) {
            ck_assert_int_eq(rwmutex_lock(x->m, x->self), PS_OK);
            /* seq_cst: test bookkeeping */
            if (atomic_fetch_add(x->writers, 1) != 0 || atomic_load(x->readers) != 0)
                atomic_fetch_add(x->bad, 1);
            (*x->plain)++;
            atomic_fetch_sub(x->writers, 1);
            ck_assert_int_eq(rwmutex_unlock(x->m, x->self), PS_OK);
        } else {
            ck_assert_int_eq(rwmutex_rlock(x->m, x->self), PS_OK);
            atomic_fetch_add(x->readers, 1);
            if (atomic_load(x->writers) != 0 || *x->plain < 0)
                atomic_fetch_add(x->bad, 1);
            atomic_fetch_sub(x->readers, 1);
            ck_assert_int_eq(rwmutex_runlock(x->m, x->self), PS_OK);
        }
    }
    return NULL;
}

START_TEST(rwmutex_writer_excludes)
{
    enum { ROUNDS = 3000 };
    harness h;
    h_init_n(&h, 4, 1024);
    ps_rwmutex m;
    rwmutex_init(&m, 0);
    _Atomic int readers = 0, writers = 0, bad = 0;
    int64_t plain = 0;
    mix_arg x[4];
    pthread_t t[4];
    for (int i = 0; i < 4; i++) {
        x[i] = (mix_arg){&m, &h.a[i], i < 2, ROUNDS, &readers, &writers, &bad, &plain};
        pthread_create(&t[i], NULL, mix_worker, &x[i]);
    }
    h_join(&h, t, 4);
    int b = atomic_load(&bad); /* seq_cst: after the joins */
    ck_assert_int_eq(b, 0);
    ck_assert_int_eq(plain, 2 * ROUNDS);
    ck_assert_int_eq(m.writer, -1);
    ck_assert_int_eq(m.readers, 0);
    ck_assert_uint_eq(h_count(&h, EV_RW_LOCK_ACQUIRED, 0), 2 * ROUNDS);
    ck_assert_uint_eq(h_count(&h, EV_RW_RLOCK_ACQUIRED, 0), 2 * ROUNDS);
    rwmutex_destroy(&m);
    h_free(&h);
}
END_TEST

/* A waiting writer keeps new readers out; the last RUnlock hands over to
 * it; its Unlock lets the readers that waited in before the next writer,
 * who gets the mutex when they leave (Go's order). */
START_TEST(rwmutex_writer_preference)
{
    harness h;
    h_init(&h);
    ps_rwmutex m;
    rwmutex_init(&m, 1);
    ps_actor *a = h.a;
    ck_assert_int_eq(rwmutex_rlock(&m, &a[0]), PS_OK);
    rw_arg w1 = {&m, &a[1], -99}, r2 = {&m, &a[2], -99}, w3 = {&m, &a[3], -99};
    pthread_t t1, t2, t3;
    pthread_create(&t1, NULL, do_lock, &w1);
    wait_blocked(&h, 1); /* a reader holds it */
    pthread_create(&t2, NULL, do_rlock, &r2);
    wait_blocked(&h, 2);
    ck_assert_msg(still_blocked(&h, 2, 20), "a reader got in past a waiting writer");
    ck_assert_int_eq(m.readers, 1);
    ck_assert_int_eq(rwmutex_runlock(&m, &a[0]), PS_OK); /* the last reader leaves */
    pthread_join(t1, NULL);
    ck_assert_int_eq(w1.rc, PS_OK);
    ck_assert_int_eq(m.writer, 1);
    ck_assert(still_blocked(&h, 2, 5));
    pthread_create(&t3, NULL, do_lock, &w3);
    wait_blocked(&h, 3);
    ck_assert_int_eq(rwmutex_unlock(&m, &a[0]), PS_OK); /* any thread may unlock */
    pthread_join(t2, NULL);                             /* the waiting reader first ... */
    ck_assert_int_eq(r2.rc, PS_OK);
    ck_assert_int_eq(m.readers, 1);
    ck_assert_msg(still_blocked(&h, 3, 20), "the next writer got in past a reader");
    ck_assert_int_eq(rwmutex_runlock(&m, &a[0]), PS_OK);
    pthread_join(t3, NULL); /* ... then the next writer */
    ck_assert_int_eq(w3.rc, PS_OK);
    ck_assert_int_eq(m.writer, 3);
    ck_assert_int_eq(rwmutex_unlock(&m, &a[3]), PS_OK);
    ps_event ev[32];
    size_t n = h_events(&h, ev, 32);
    static const struct {
        int kind, actor, writer, readers;
    } want[] = {
        {EV_RW_RLOCK_REQUEST, 0, -1, 0},  {EV_RW_RLOCK_ACQUIRED, 0, -1, 1},
        {EV_RW_LOCK_REQUEST, 1, -1, 1},   {EV_RW_RLOCK_REQUEST, 2, -1, 1},
        {EV_RW_RUNLOCK, 0, -1, 0},        {EV_RW_LOCK_ACQUIRED, 1, 1, 0},
        {EV_RW_LOCK_REQUEST, 3, 1, 0},    {EV_RW_UNLOCK, 0, -1, 0},
        {EV_RW_RLOCK_ACQUIRED, 2, -1, 1}, {EV_RW_RUNLOCK, 0, -1, 0},
        {EV_RW_LOCK_ACQUIRED, 3, 3, 0},   {EV_RW_UNLOCK, 3, -1, 0},
    };
    ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
    for (size_t i = 0; i < n; i++) {
        ck_assert_msg(ev[i].kind == want[i].kind && ev[i].actor == (uint32_t)want[i].actor,
                      "event %zu: %s by %d, want %s by %d", i, event_kind_name(ev[i].kind),
                      (int)ev[i].actor, event_kind_name(want[i].kind), want[i].actor);
        ck_assert_int_eq(ev[i].arg, want[i].writer);
        ck_assert_int_eq(ev[i].value, want[i].readers);
        ck_assert_int_eq(ev[i].obj, 1);
    }
    rwmutex_destroy(&m);
    h_free(&h);
}
END_TEST

/* Go: RUnlock with no reader and Unlock with no writer are fatal errors;
 * here they are reported and change nothing. */
START_TEST(rwmutex_misuse_is_reported)
{
    harness h;
    h_init(&h);
    ps_rwmutex m;
    rwmutex_init(&m, 0);
    ck_assert_int_eq(rwmutex_runlock(&m, &h.a[0]), PS_EUNLOCKED);
    ck_assert_int_eq(rwmutex_unlock(&m, &h.a[0]), PS_EUNLOCKED);
    ck_assert_int_eq(rwmutex_lock(&m, &h.a[1]), PS_OK);
    ck_assert_int_eq(rwmutex_runlock(&m, &h.a[1]), PS_EUNLOCKED); /* write-locked */
    ck_assert_int_eq(m.writer, 1);
    ck_assert_int_eq(rwmutex_unlock(&m, &h.a[1]), PS_OK);
    ck_assert_int_eq(rwmutex_rlock(&m, &h.a[2]), PS_OK);
    ck_assert_int_eq(rwmutex_unlock(&m, &h.a[2]), PS_EUNLOCKED); /* read-locked only */
    ck_assert_int_eq(m.readers, 1);
    ck_assert_int_eq(rwmutex_runlock(&m, &h.a[2]), PS_OK);
    h_drain(&h);
    ck_assert_uint_eq(h_count(&h, EV_RW_RUNLOCK_UNLOCKED, 0), 2);
    ck_assert_uint_eq(h_count(&h, EV_RW_UNLOCK_UNLOCKED, 0), 2);
    ck_assert_int_eq(h.ev[0].kind, EV_RW_RUNLOCK_UNLOCKED);
    ck_assert_str_eq(event_kind_name(EV_RW_RUNLOCK_UNLOCKED), "rw-runlock-unlocked");
    ck_assert_str_eq(event_kind_name(EV_RW_UNLOCK_UNLOCKED), "rw-unlock-unlocked");
    ck_assert_str_eq(RWMUTEX_RUNLOCK_MSG, "sync: RUnlock of unlocked RWMutex");
    ck_assert_str_eq(RWMUTEX_UNLOCK_MSG, "sync: Unlock of unlocked RWMutex");
    rwmutex_destroy(&m);
    h_free(&h);
}
END_TEST

START_TEST(rwmutex_waiters_unwind_on_stop)
{
    harness h;
    h_init(&h);
    ps_rwmutex m;
    rwmutex_init(&m, 0);
    ck_assert_int_eq(rwmutex_lock(&m, &h.a[0]), PS_OK);
    rw_arg w = {&m, &h.a[1], -99}, r = {&m, &h.a[2], -99};
    pthread_t t[2];
    pthread_create(&t[0], NULL, do_lock, &w);
    pthread_create(&t[1], NULL, do_rlock, &r);
    wait_blocked(&h, 1);
    wait_blocked(&h, 2);
    pacer_stop(h.p); /* what run_stop does */
    h_join(&h, t, 2);
    ck_assert_int_eq(w.rc, PS_ESTOPPED);
    ck_assert_int_eq(r.rc, PS_ESTOPPED);
    ck_assert_ptr_null(m.wwait.head);
    ck_assert_ptr_null(m.rwait.head);
    ck_assert_int_eq(m.readers, 0);
    rwmutex_destroy(&m);
    h_free(&h);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("rwmutex");
    TCase *tc = tcase_create("rwmutex");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, rwmutex_readers_in_parallel);
    tcase_add_test(tc, rwmutex_writer_excludes);
    tcase_add_test(tc, rwmutex_writer_preference);
    tcase_add_test(tc, rwmutex_misuse_is_reported);
    tcase_add_test(tc, rwmutex_waiters_unwind_on_stop);
    suite_add_tcase(s, tc);
    return s;
}
