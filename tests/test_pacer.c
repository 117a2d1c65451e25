/* test_pacer.c - pause, step and speed on real threads: determinism, a
 * frozen clock while paused, exactly one thread per step. */
#include <check.h>
#include <string.h>
#include <unistd.h>

#include "sync/clock.h"
#include "testlib.h"

/* The parts of an event that the same keys must reproduce (not real time). */
static int same_event(const ps_event *a, const ps_event *b)
{
    return a->seq == b->seq && a->vt_ns == b->vt_ns && a->actor == b->actor && a->kind == b->kind &&
           a->obj == b->obj && a->arg == b->arg && a->value == b->value;
}

/* Runs worker-pool in step mode with a scripted key sequence (actor ids,
 * PACER_ANY = "n"), then the default rule to the end. */
static void scripted_pool(test_run *t)
{
    static const int keys[] = {PACER_ANY, PACER_ANY, PACER_ANY, 2, 0, 0, 3, PACER_ANY, 1, 0};
    ps_params p;
    scenario_defaults("worker-pool", &p);
    ck_assert_int_eq(test_start(t, &p, PACER_STEP, 0), 0);
    for (size_t k = 0; k < sizeof keys / sizeof keys[0]; k++) {
        test_drain(t);
        run_step(t->run, keys[k], 2000000000u);
    }
    test_finish(t);
}

START_TEST(step_same_keys_same_events_200x)
{
    test_run first;
    scripted_pool(&first);
    ck_assert_int_eq(first.m.ended, 1);
    ck_assert_uint_eq(first.m.jobs_finished, 5);
    for (int i = 0; i < 200; i++) {
        test_run t;
        scripted_pool(&t);
        ck_assert_uint_eq(t.n, first.n);
        for (size_t k = 0; k < t.n; k++)
            ck_assert_msg(same_event(&t.events[k], &first.events[k]), "run %d differs at event %zu",
                          i, k);
        test_free(&t);
    }
    test_free(&first);
}
END_TEST

/* Each step moves exactly one thread: every event between two ctl-step
 * events comes from the stepped thread or is a hand-off it published for
 * a thread it woke (at most one per woken thread). */
START_TEST(step_moves_one_thread)
{
    ps_params p;
    scenario_defaults("worker-pool", &p);
    test_run t;
    test_start(&t, &p, PACER_STEP, 0);
    size_t max_group = 0;
    while (!run_finished(t.run)) {
        ck_assert(pacer_wait_quiescent(t.run->pacer, 2000000000u));
        test_drain(&t);
        size_t before = t.n;
        int who = run_step(t.run, PACER_ANY, 2000000000u);
        if (who < 0) {
            test_drain(&t);
            continue;
        }
        ck_assert(pacer_wait_quiescent(t.run->pacer, 2000000000u) || run_live(t.run) == 0);
        test_drain(&t);
        ck_assert_uint_ge(t.n, before + 1);
        ck_assert_int_eq(t.events[before].kind, EV_CTL_STEP);
        ck_assert_int_eq(t.events[before].arg, who);
        size_t group = 0;
        for (size_t i = before + 1; i < t.n; i++, group++)
            if ((int)t.events[i].actor != who)
                /* a hand-off published by the stepped thread for its partner */
                ck_assert(t.events[i].kind == EV_Q_RECV || t.events[i].kind == EV_Q_SEND ||
                          t.events[i].kind == EV_THREAD_START ||
                          t.events[i].kind == EV_Q_RECV_CLOSED);
        if (group > max_group)
            max_group = group;
    }
    test_finish(&t);
    /* a close wakes at most all 3 workers: close + 3 "closed" */
    ck_assert_uint_le(max_group, 4);
    ck_assert_uint_eq(t.m.jobs_finished, 5);
    test_free(&t);
}
END_TEST

/* While paused nothing is published for 500 ms; on resume a job paused at
 * about 40% takes only the remaining 60% of its virtual time. */
START_TEST(pause_freezes_and_resume_continues)
{
    ps_params p;
    scenario_defaults("worker-pool", &p);
    p.jobs = 1;
    p.workers = 1;
    test_run t;
    test_start(&t, &p, PACER_RUN, 0);
    uint64_t started_vt = UINT64_MAX;
    while (started_vt == UINT64_MAX) {
        test_drain(&t);
        for (size_t i = 0; i < t.n; i++)
            if (t.events[i].kind == EV_JOB_STARTED)
                started_vt = t.events[i].vt_ns;
        usleep(1000);
    }
    /* sleep to 40% of the job, then pause */
    while (pacer_vnow(t.run->pacer) < started_vt + 400000000u)
        usleep(1000);
    run_set_mode(t.run, PACER_PAUSE);
    uint64_t v_paused = pacer_vnow(t.run->pacer);
    test_drain(&t);
    size_t n_paused = t.n;
    usleep(500000);
    test_drain(&t);
    ck_assert_uint_eq(t.n, n_paused); /* nothing moved */
    ck_assert_uint_eq(pacer_vnow(t.run->pacer), v_paused);
    uint64_t t_resume = clock_now_ns();
    run_set_mode(t.run, PACER_RUN);
    uint64_t finished_vt = 0, t_finished = 0;
    while (!finished_vt) {
        test_drain(&t);
        for (size_t i = n_paused; i < t.n; i++)
            if (t.events[i].kind == EV_JOB_FINISHED) {
                finished_vt = t.events[i].vt_ns;
                t_finished = clock_now_ns();
            }
        usleep(200);
    }
    test_finish(&t);
    ck_assert_uint_eq(finished_vt, started_vt + 1000000000u);
    double rest = (double)(t_finished - t_resume) / 1e9;
    double want = (double)(finished_vt - v_paused) / 1e9; /* about 0.6 s */
    ck_assert_msg(want > 0.5 && want < 0.62, "remaining %.3f s", want);
    ck_assert_msg(rest >= want - 0.002 && rest < (want + 0.15) * test_slack(),
                  "took %.3f s for %.3f s", rest, want);
    test_free(&t);
}
END_TEST

/* Speed 10x halfway through: virtual time keeps running, real time shrinks. */
START_TEST(speed_change_mid_run)
{
    ps_params p;
    scenario_defaults("worker-pool", &p);
    test_run t;
    uint64_t t0 = clock_now_ns();
    test_start(&t, &p, PACER_RUN, 0);
    usleep(500000);
    run_set_speed(t.run, 10000);
    test_finish(&t);
    double wall = (double)(clock_now_ns() - t0) / 1e9;
    /* 0.5 s at 1x covers 0.5 s virtual; the other 1.5 s at 10x takes 0.15 s */
    ck_assert_msg(wall > 0.64 && wall < 0.85 * test_slack(), "wall %.3f", wall);
    ck_assert_uint_eq(t.m.jobs_finished, 5);
    ck_assert_int_eq(t.m.speed_milli, 10000);
    test_free(&t);
}
END_TEST

/* A program's pacer: slots start free, actor id a takes slot a % n, a slot
 * is reused only once its last actor exited, and the counts follow every
 * start, block, wake and exit. */
START_TEST(slots_enter_exit_reuse)
{
    pacer *p = pacer_create_slots(4, PACER_RUN, 1000);
    int live, active;
    pacer_counts(p, &live, &active);
    ck_assert_int_eq(live, 0);
    ck_assert_int_eq(pacer_deadlocked(p), 0); /* nobody live: not a deadlock */
    ck_assert_int_eq(pacer_enter(p, 0), 0);
    ck_assert_int_eq(pacer_enter(p, 5), 0);  /* slot 1 */
    ck_assert_int_eq(pacer_enter(p, 1), -1); /* slot 1 is taken */
    ck_assert_int_eq(pacer_enter(p, 4), -1); /* slot 0 too */
    pacer_counts(p, &live, &active);
    ck_assert_int_eq(live, 2);
    ck_assert_int_eq(active, 2);
    pacer_block(p, 5);
    pacer_counts(p, &live, &active);
    ck_assert_int_eq(active, 1);
    pacer_slot_view sv[8];
    ck_assert_int_eq(pacer_view_range(p, 0, 8, sv), 2); /* slots ever used */
    ck_assert_int_eq(sv[1].id, 5);
    ck_assert_int_eq(sv[1].state, PA_BLOCKED);
    pacer_wake(p, 5);
    pacer_exit(p, 5);
    ck_assert_int_eq(pacer_enter(p, 9), 0); /* slot 1 again, a new id */
    pacer_view v;
    pacer_view_get(p, &v);
    ck_assert_int_eq(v.n_actors, 2);
    ck_assert_int_eq(v.actors[1].id, 9);
    ck_assert_int_eq(v.live, 2);
    ck_assert_int_eq(v.active, 2);
    pacer_destroy(p);
}
END_TEST

static _Atomic int dl_calls;

static void dl_hook(void *ctx)
{
    (void)ctx;
    atomic_fetch_add(&dl_calls, 1); /* seq_cst: a test counter */
}

/* The hook runs when the last active thread blocks or exits with others
 * blocked, not when everyone exits, and not once the run stops. */
START_TEST(deadlock_hook_exact)
{
    pacer *p = pacer_create_slots(8, PACER_RUN, 1000);
    atomic_store(&dl_calls, 0);
    pacer_on_deadlock(p, dl_hook, NULL);
    pacer_enter(p, 0);
    pacer_enter(p, 1);
    pacer_enter(p, 2);
    pacer_block(p, 1);
    ck_assert_int_eq(atomic_load(&dl_calls), 0);
    pacer_exit(p, 2); /* 0 still runs */
    ck_assert_int_eq(atomic_load(&dl_calls), 0);
    pacer_block(p, 0); /* the last one: 0 and 1 blocked for good */
    ck_assert_int_eq(atomic_load(&dl_calls), 1);
    ck_assert_int_eq(pacer_deadlocked(p), 1);
    pacer_wake(p, 1); /* a wake (by a thread outside the run, here) */
    ck_assert_int_eq(pacer_deadlocked(p), 0);
    pacer_exit(p, 1); /* 0 is blocked, nobody else live */
    ck_assert_int_eq(atomic_load(&dl_calls), 2);
    pacer_wake(p, 0);
    pacer_exit(p, 0); /* everyone gone: not a deadlock */
    ck_assert_int_eq(atomic_load(&dl_calls), 2);
    ck_assert_int_eq(pacer_deadlocked(p), 0);
    pacer_enter(p, 3);
    pacer_enter(p, 4);
    pacer_block(p, 3);
    pacer_stop(p);
    pacer_block(p, 4); /* stopping: unwinding, not a deadlock */
    ck_assert_int_eq(atomic_load(&dl_calls), 2);
    ck_assert_int_eq(pacer_deadlocked(p), 0);
    pacer_destroy(p);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("pacer");
    TCase *tc = tcase_create("pacer");
    tcase_set_timeout(tc, 240);
    tcase_add_test(tc, step_same_keys_same_events_200x);
    tcase_add_test(tc, step_moves_one_thread);
    tcase_add_test(tc, pause_freezes_and_resume_continues);
    tcase_add_test(tc, speed_change_mid_run);
    tcase_add_test(tc, slots_enter_exit_reuse);
    tcase_add_test(tc, deadlock_hook_exact);
    suite_add_tcase(s, tc);
    return s;
}
