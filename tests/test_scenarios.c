/* test_scenarios.c - the built-in scenarios end to end, with their invariants. */
#include <check.h>
#include <string.h>

#include "sync/clock.h"
#include "model/logfmt.h"
#include "testlib.h"

static void params(const char *name, ps_params *p, int64_t speed_milli)
{
    ck_assert_int_eq(scenario_defaults(name, p), 0);
    p->speed_milli = speed_milli;
}

/* Each job started and finished exactly once, never more than 3 at once. */
static void check_pool(const test_run *t, int workers, int jobs)
{
    static int started[2001], finished[2001];
    int running = 0, max_running = 0;
    memset(started, 0, sizeof started);
    memset(finished, 0, sizeof finished);
    for (size_t i = 0; i < t->n; i++) {
        const ps_event *e = &t->events[i];
        ck_assert_uint_eq(e->seq, i);
        if (e->kind == EV_JOB_STARTED) {
            started[e->arg]++;
            if (++running > max_running)
                max_running = running;
        } else if (e->kind == EV_JOB_FINISHED) {
            ck_assert_int_eq(started[e->arg], 1); /* finished after started */
            finished[e->arg]++;
            running--;
        }
    }
    for (int j = 1; j <= jobs; j++) {
        ck_assert_int_eq(started[j], 1);
        ck_assert_int_eq(finished[j], 1);
    }
    ck_assert_int_le(max_running, workers);
    ck_assert_int_eq(t->m.max_running_jobs, max_running);
    ck_assert_uint_eq(t->m.results, (uint64_t)jobs);
    ck_assert_int_eq(t->m.ended, 1);
    ck_assert_uint_eq(t->m.seq_errors, 0);
}

START_TEST(worker_pool_invariants_speed_10)
{
    ps_params p;
    params("worker-pool", &p, 10000);
    test_run t;
    uint64_t t0 = clock_now_ns();
    ck_assert_int_eq(test_start(&t, &p, PACER_RUN, 0), 0);
    test_finish(&t);
    double wall = (double)(clock_now_ns() - t0) / 1e9;
    check_pool(&t, 3, 5);
    /* ceil(5/3) jobs of 1 s at 10x: 0.2 s */
    ck_assert_msg(wall >= 0.199 && wall < 0.35 * test_slack(), "wall %.3f s", wall);
    ck_assert_uint_ge(t.m.vt, 2000000000u);
    test_free(&t);
}
END_TEST

START_TEST(worker_pool_real_time_2s)
{
    ps_params p;
    params("worker-pool", &p, 1000);
    test_run t;
    uint64_t t0 = clock_now_ns(); /* the virtual clock starts inside test_start */
    test_start(&t, &p, PACER_RUN, 0);
    test_finish(&t);
    double wall = (double)(clock_now_ns() - t0) / 1e9;
    check_pool(&t, 3, 5);
    /* the floor is 2.000 s; allow for a loaded (sanitizer) machine above it */
    ck_assert_msg(wall >= 2.0 && wall < 2.3 * test_slack(), "wall %.3f s", wall);
    test_free(&t);
}
END_TEST

/* Causality: a worker's receive of job J never comes before main's send of J. */
START_TEST(worker_pool_causal_order)
{
    ps_params p;
    params("worker-pool", &p, 100000);
    p.jobs = 2000;
    p.job_ns = 0;
    p.workers = 8;
    test_run t;
    test_start(&t, &p, PACER_RUN, 16);
    test_finish(&t);
    static uint8_t sent[2001];
    memset(sent, 0, sizeof sent);
    for (size_t i = 0; i < t.n; i++) {
        const ps_event *e = &t.events[i];
        if (e->obj != 0)
            continue;
        if (e->kind == EV_Q_SEND)
            sent[e->arg] = 1;
        if (e->kind == EV_Q_RECV)
            ck_assert_msg(sent[e->arg], "job %lld received before sent", (long long)e->arg);
    }
    check_pool(&t, 8, 2000);
    test_free(&t);
}
END_TEST

/* Instrumentation off (run_set_quiet): the same engine does every job,
 * publishes nothing, and run_finished still ends the run (0 == 0 events). */
static void quiet_pool(int workers, int jobs, int64_t job_ns, int qcap, int64_t speed_milli)
{
    ps_params p;
    params("worker-pool", &p, speed_milli);
    p.workers = workers;
    p.jobs = jobs;
    p.job_ns = job_ns;
    p.queue_cap = qcap;
    test_run t;
    ck_assert_int_eq(test_create(&t, &p, PACER_RUN, 16), 0);
    run_set_quiet(t.run, 1);
    ck_assert_int_eq(run_start(t.run), 0);
    test_finish(&t);
    ck_assert_uint_eq(run_jobs_done(t.run), (uint64_t)jobs);
    ck_assert_uint_eq(bus_published(t.run->bus), 0);
    ck_assert_uint_eq(bus_delivered(t.run->bus), 0);
    ck_assert_uint_eq(t.n, 0);
    ck_assert_int_eq(run_live(t.run), 0);
    test_free(&t);
}

START_TEST(worker_pool_quiet_zero_length)
{
    /* a jobs queue of 2 for 8 workers: senders and receivers block and hand off */
    quiet_pool(8, 20000, 0, 2, PACER_SPEED_MAX);
}
END_TEST

START_TEST(worker_pool_quiet_timed)
{
    /* the lecture's 5 jobs of 1 s at top speed: timed work, quiet */
    quiet_pool(3, 5, 1000000000, 5, PACER_SPEED_MAX);
}
END_TEST

/* A quiet run stopped half way still unwinds: run_shutdown returns. */
START_TEST(worker_pool_quiet_shutdown)
{
    ps_params p;
    params("worker-pool", &p, 1000); /* 1 s jobs in real time: far from done */
    const char *err = NULL;
    ps_run *r = run_create(&p, PACER_RUN, 16, &err);
    ck_assert_ptr_nonnull(r);
    run_set_quiet(r, 1);
    ck_assert_int_eq(run_start(r), 0);
    uint64_t t0 = clock_now_ns();
    run_shutdown(r, NULL, NULL);
    double wall = (double)(clock_now_ns() - t0) / 1e9;
    ck_assert_msg(wall < 0.5 * test_slack(), "shutdown took %.3f s", wall);
    ck_assert_int_eq(run_live(r), 0);
    ck_assert_uint_eq(bus_published(r->bus), 0);
    run_destroy(r);
}
END_TEST

START_TEST(waitgroup_final_zero)
{
    ps_params p;
    params("waitgroup", &p, 1000);
    test_run t;
    test_start(&t, &p, PACER_RUN, 0);
    test_finish(&t);
    int inc = 0, dec = 0;
    char line[64];
    for (size_t i = 0; i < t.n; i++) {
        if (!logfmt_line(&t.m.layout, &t.events[i], line, sizeof line))
            continue;
        inc += strncmp(line, "Incremented: ", 13) == 0;
        dec += strncmp(line, "Decremented: ", 13) == 0;
    }
    ck_assert_int_eq(inc, 5);
    ck_assert_int_eq(dec, 5);
    logfmt_line(&t.m.layout, model_line_at(&t.m, 0), line, sizeof line);
    ck_assert_str_eq(line, "Final Value: 0");
    ck_assert_int_eq(t.m.counters[0].value, 0);
    ck_assert_int_eq(counter_peek(&t.run->counters[0]), 0);
    test_free(&t);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("scenarios");
    TCase *tc = tcase_create("scenarios");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, worker_pool_invariants_speed_10);
    tcase_add_test(tc, worker_pool_real_time_2s);
    tcase_add_test(tc, worker_pool_causal_order);
    tcase_add_test(tc, waitgroup_final_zero);
    tcase_add_test(tc, worker_pool_quiet_zero_length);
    tcase_add_test(tc, worker_pool_quiet_timed);
    tcase_add_test(tc, worker_pool_quiet_shutdown);
    suite_add_tcase(s, tc);
    return s;
}
