/* test_pacer.c - pause, step and speed on a Go program's real threads:
 * determinism, a frozen clock while paused, one goroutine per step. */
#include <check.h>
#include <string.h>
#include <unistd.h>

#include "sync/clock.h"
#include "gotest.h"
#include "testlib.h" /* test_slack */

/* The parts of an event that the same keys must reproduce (not real time,
 * nor its place among the events of its step: see canonical). */
static int same_event(const ps_event *a, const ps_event *b)
{
    return a->vt_ns == b->vt_ns && a->actor == b->actor && a->kind == b->kind && a->obj == b->obj &&
           a->arg == b->arg && a->value == b->value && a->line == b->line;
}

typedef struct keyed {
    size_t step, i; /* the ctl-step it follows, its place */
    const ps_event *e;
} keyed;

static int keyed_cmp(const void *pa, const void *pb)
{
    const keyed *a = pa, *b = pb;
    if (a->step != b->step)
        return a->step < b->step ? -1 : 1;
    if (a->e->actor != b->e->actor)
        return a->e->actor < b->e->actor ? -1 : 1;
    return a->i < b->i ? -1 : a->i > b->i;
}

/* A step's events in a fixed order: by actor, each actor's in its own
 * order.  A goroutine that the step woke runs on to its next step point
 * (and publishes its "at" there) beside the stepped one, so the two
 * goroutines' events of one step interleave as their threads ran. */
static keyed *canonical(const gotest *t)
{
    keyed *k = malloc(t->n * sizeof *k);
    ck_assert_ptr_nonnull(k);
    size_t step = 0;
    for (size_t i = 0; i < t->n; i++) {
        step += t->events[i].kind == EV_CTL_STEP;
        k[i] = (keyed){step, i, &t->events[i]};
    }
    qsort(k, t->n, sizeof *k, keyed_cmp);
    return k;
}

/* worker-pool.go ran to its end: 5 jobs through the jobs channel (its first
 * make), closed, 5 results received from the second, every goroutine gone. */
static void pool_done(const gotest *t)
{
    ck_assert_int_eq(t->m.ended, 1);
    ck_assert_int_eq(t->m.n_objs, 2);
    const model_obj *jobs = gotest_obj(t, PS_OBJ_CHAN, 0), *results = gotest_obj(t, PS_OBJ_CHAN, 1);
    ck_assert_uint_eq(jobs->sent, 5);
    ck_assert_uint_eq(jobs->received, 5);
    ck_assert_int_eq(jobs->closed, 1);
    ck_assert_uint_eq(results->received, 5);
    ck_assert_uint_eq(t->m.threads_started, 3);
    ck_assert_uint_eq(t->m.threads_exited, 4); /* main's too */
    ck_assert_uint_eq(t->m.seq_errors, 0);
}

/* A step of actor (or PACER_ANY) once every goroutine rests: a step that
 * found one still running (PACER_EBUSY: a loaded machine) is tried again,
 * so each key is one step or one refusal (PACER_ENOTREADY), never lost. */
static int step_key(gotest *t, int actor)
{
    int who;
    while ((who = t->s->ops->step(t->s, actor)) == PACER_EBUSY)
        gotest_drain(t);
    return who;
}

/* The keys after the first 30 steps (actor ids, PACER_ANY = "n"; a key for
 * a goroutine that cannot move is refused). */
static const int pool_keys[] = {3, 3, 2, 3, 0, 0, 2, 2, 1, 3, 0, 0, 0, 3, 1, 1, 2, 0, 3, 3,
                                3, 3, 2, 2, 2, 2, 0, 0, 0, 0, 1, 1, 1, 1, 3, 2, 1, 0, 0, 0};
#define N_KEYS (sizeof pool_keys / sizeof pool_keys[0])

/* Runs worker-pool.go in step mode: 30 default steps (main makes the
 * channels and starts the three workers), then the keys (with keys 0: the
 * default rule throughout), then the default rule to the end. */
static void scripted_pool(gotest *t, int keys)
{
    gotest_start_scenario(t, "worker-pool", PACER_STEP, 0);
    for (int k = 0; k < 30; k++) {
        gotest_drain(t);
        ck_assert_int_ge(step_key(t, PACER_ANY), 0);
    }
    for (size_t k = 0; keys && k < N_KEYS; k++) {
        gotest_drain(t);
        step_key(t, pool_keys[k]);
    }
    gotest_finish(t);
}

/* 1 if the two runs' events are the same (in canonical order). */
static int same_run(const gotest *x, const keyed *a, const gotest *y, const keyed *b, size_t *at)
{
    for (size_t k = 0; k < x->n && k < y->n; k++)
        if (a[k].step != b[k].step || !same_event(a[k].e, b[k].e)) {
            *at = k;
            return 0;
        }
    *at = x->n < y->n ? x->n : y->n;
    return x->n == y->n;
}

#define SAME_KEYS_RUNS 50

START_TEST(step_same_keys_same_events)
{
    gotest first, plain;
    size_t at;
    scripted_pool(&first, 1);
    pool_done(&first);
    ck_assert_int_eq(first.deadlocked, 0);
    keyed *a = canonical(&first);
    /* the keys did steer it: the default rule alone runs another way */
    scripted_pool(&plain, 0);
    pool_done(&plain);
    keyed *p = canonical(&plain);
    ck_assert_msg(!same_run(&first, a, &plain, p, &at), "the keys changed nothing");
    free(p);
    gotest_free(&plain);
    for (int i = 0; i < SAME_KEYS_RUNS; i++) {
        gotest t;
        scripted_pool(&t, 1);
        keyed *b = canonical(&t);
        ck_assert_msg(same_run(&first, a, &t, b, &at), "run %d differs at event %zu of step %zu", i,
                      at < t.n ? b[at].i : at, at < t.n ? b[at].step : 0);
        free(b);
        gotest_free(&t);
    }
    free(a);
    gotest_free(&first);
}
END_TEST

/* A hand-off: what a goroutine that moved publishes for one it woke or
 * started (the woken one publishes nothing before its next step point). */
static int hand_off(int kind)
{
    return kind == EV_Q_RECV || kind == EV_Q_SEND || kind == EV_THREAD_START ||
           kind == EV_Q_RECV_CLOSED;
}

/* Each step moves exactly one goroutine: every event between two ctl-step
 * events comes from the stepped goroutine, or is a hand-off it published
 * for a goroutine it woke or started (at most one each), or that
 * goroutine's "at" event after its hand-off, once it stopped at its next
 * step point; once main's step ended the program, every goroutine's exit. */
START_TEST(step_moves_one_thread)
{
    gotest t;
    gotest_start_scenario(&t, "worker-pool", PACER_STEP, 0);
    gotest_finish(&t);
    pool_done(&t);
    ck_assert_int_eq(t.events[0].kind, EV_CTL_STEP); /* nothing moves before the first step */
    int who = -1, ending = 0;
    size_t max_group = 0, group = 0, steps = 0, moved = 0;
    uint32_t handed[8], at[8];
    int n_handed = 0, n_at = 0;
    for (size_t i = 0; i < t.n; i++) {
        const ps_event *e = &t.events[i];
        if (e->kind == EV_CTL_STEP) {
            who = (int)e->arg;
            group = 0;
            n_handed = n_at = 0;
            steps++;
            continue;
        }
        ck_assert_uint_ne(e->actor, PS_ACTOR_CTL); /* no other controller event */
        if ((int)e->actor == who) {
            moved++;
            ending |= e->kind == EV_SCENARIO_END;
            continue;
        }
        if (ending && e->kind == EV_THREAD_EXIT)
            continue; /* main returned: the others unwind (Go's end of a program) */
        group++;
        if (group > max_group)
            max_group = group;
        if (hand_off(e->kind)) {
            for (int k = 0; k < n_handed; k++)
                ck_assert_msg(handed[k] != e->actor, "event %zu: a second hand-off for %u", i,
                              e->actor);
            ck_assert_int_lt(n_handed, 8);
            handed[n_handed++] = e->actor;
            continue;
        }
        ck_assert_msg(e->kind == EV_AT, "event %zu: %s of %u in a step of %d", i,
                      event_kind_name(e->kind), e->actor, who);
        int found = 0;
        for (int k = 0; k < n_handed; k++)
            found |= handed[k] == e->actor;
        ck_assert_msg(found, "event %zu: %u at a step point in a step of %d, not woken by it", i,
                      e->actor, who);
        for (int k = 0; k < n_at; k++)
            ck_assert_msg(at[k] != e->actor, "event %zu: %u at a second step point", i, e->actor);
        ck_assert_int_lt(n_at, 8);
        at[n_at++] = e->actor;
    }
    ck_assert_uint_gt(steps, 50);
    ck_assert_uint_gt(moved, t.n / 3);
    /* a close wakes at most all 3 workers: 3 "closed" and their 3 "at" */
    ck_assert_uint_ge(max_group, 2);
    ck_assert_uint_le(max_group, 6);
    gotest_free(&t);
}
END_TEST

/* While paused nothing is published for 500 ms; on resume a job (a
 * worker's sleep) paused at about 40% takes only the remaining 60% of its
 * virtual time. */
START_TEST(pause_freezes_and_resume_continues)
{
    static const char *const names[] = {"workers", "jobs", "jobMs"};
    static const char *const values[] = {"1", "1", "1000"};
    char path[4096];
    gotest t;
    gotest_start(&t, gotest_data("pool.go", path, sizeof path), PACER_RUN, 0, 3, names, values);
    size_t at;
    while ((at = gotest_find(&t, 0, EV_SLEEP, 1)) == t.n) {
        gotest_drain(&t);
        usleep(1000);
    }
    uint64_t started_vt = t.events[at].vt_ns, dur = (uint64_t)t.events[at].value;
    ck_assert_uint_gt(dur, 990000000u);
    ck_assert_uint_le(dur, 1000000000u);
    /* sleep to 40% of the job, then pause */
    while (gotest_vnow(&t) < started_vt + 400000000u)
        usleep(1000);
    t.s->ops->set_mode(t.s, PACER_PAUSE);
    uint64_t v_paused = gotest_vnow(&t);
    gotest_drain(&t);
    size_t n_paused = t.n;
    ck_assert_int_eq(t.events[n_paused - 1].kind, EV_CTL_PAUSE);
    usleep(500000);
    gotest_drain(&t);
    ck_assert_uint_eq(t.n, n_paused); /* nothing moved */
    ck_assert_uint_eq(gotest_vnow(&t), v_paused);
    uint64_t t_resume = clock_now_ns();
    t.s->ops->set_mode(t.s, PACER_RUN);
    uint64_t finished_vt = 0, t_finished = 0;
    while (!finished_vt) {
        gotest_drain(&t);
        size_t w = gotest_find(&t, n_paused, EV_WAKE, 1);
        if (w < t.n) {
            finished_vt = t.events[w].vt_ns;
            t_finished = clock_now_ns();
        }
        usleep(200);
    }
    gotest_finish(&t);
    ck_assert_uint_eq(finished_vt, started_vt + dur);
    double rest = (double)(t_finished - t_resume) / 1e9;
    double want = (double)(finished_vt - v_paused) / 1e9; /* about 0.6 s */
    ck_assert_msg(want > 0.5 && want < 0.62, "remaining %.3f s", want);
    ck_assert_msg(rest >= want - 0.002 && rest < (want + 0.15) * test_slack(),
                  "took %.3f s for %.3f s", rest, want);
    /* and the program went on to its end */
    char out[256];
    gotest_output(&t, out, sizeof out);
    ck_assert_msg(strstr(out, "jobs 1 sum 2 did 1\n"), "output: %s", out);
    ck_assert_int_eq(t.m.ended, 1);
    gotest_free(&t);
}
END_TEST

/* Speed 10x halfway through: virtual time keeps running, real time shrinks. */
START_TEST(speed_change_mid_run)
{
    gotest t;
    uint64_t t0 = clock_now_ns();
    gotest_start_scenario(&t, "worker-pool", PACER_RUN, 0);
    usleep(500000);
    ck_assert_int_eq(t.s->ops->set_speed(t.s, 10000), 10000);
    gotest_finish(&t);
    double wall = (double)(clock_now_ns() - t0) / 1e9;
    /* 0.5 s at 1x covers 0.5 s virtual; the other 1.5 s at 10x takes 0.15 s */
    ck_assert_msg(wall > 0.64 && wall < 0.85 * test_slack(), "wall %.3f", wall);
    ck_assert_uint_ge(t.m.vt, 2000000000u); /* two rounds of 1 s jobs */
    pool_done(&t);
    ck_assert_int_eq(t.m.speed_milli, 10000);
    ck_assert_uint_eq(gotest_count(&t, EV_CTL_SPEED, -1), 1);
    gotest_free(&t);
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

/* Timed work at 100x takes a hundredth of its virtual time in real time,
 * also when it is a second or more: a 2 s sleep parked a whole real second
 * at a time (the virtual time left was capped at 1 s before it was
 * scaled), so the clock ran 100 s past its end.  The end is exact. */
START_TEST(timed_work_at_speed)
{
    pacer *p = pacer_create_slots(2, PACER_RUN, 100000);
    ck_assert_int_eq(pacer_enter(p, 0), 0);
    uint64_t t0 = clock_now_ns(), vend = 0;
    uint64_t v0 = pacer_vnow_at(p, t0);
    ck_assert_int_eq(pacer_work(p, 0, v0, 2000000000u, &vend), 0);
    uint64_t real = clock_now_ns() - t0;
    ck_assert_uint_eq(vend, v0 + 2000000000u);
    /* 20 ms of real time; under valgrind and the sanitizers more */
    ck_assert_msg(real < (uint64_t)(200000000.0 * test_slack()), "2 s at 100x took %.3f s",
                  (double)real / 1e9);
    ck_assert_uint_ge(real, 19000000u); /* and not less than its share */
    pacer_exit(p, 0);
    pacer_destroy(p);
}
END_TEST

/* A package-level integer that goroutines share is watched as a shared
 * plain integer: every store counted, its value the program's, and what
 * the lost updates are: the 2000 increments it was meant to get less its
 * value (stepped, so the same run every time). */
START_TEST(package_variable_watched)
{
    gotest t;
    char path[4096], out[256];
    gotest_start(&t, gotest_data("global_race.go", path, sizeof path), PACER_STEP, 1000, 0, NULL,
                 NULL);
    gotest_finish(&t);
    const model_obj *o = gotest_obj(&t, PS_OBJ_VAR, 0);
    ck_assert_uint_eq(o->stores, 2000);
    ck_assert_uint_ge(o->loads, 2000);
    ck_assert_int_eq(o->expected, 2000);
    ck_assert_uint_eq(o->lost, (uint64_t)(2000 - o->value));
    gotest_output(&t, out, sizeof out);
    char want[64];
    snprintf(want, sizeof want, "counter: %lld\n", (long long)o->value);
    ck_assert_str_eq(out, want);
    gotest_free(&t);
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
    tcase_add_test(tc, step_same_keys_same_events);
    tcase_add_test(tc, step_moves_one_thread);
    tcase_add_test(tc, pause_freezes_and_resume_continues);
    tcase_add_test(tc, speed_change_mid_run);
    tcase_add_test(tc, slots_enter_exit_reuse);
    tcase_add_test(tc, deadlock_hook_exact);
    tcase_add_test(tc, timed_work_at_speed);
    tcase_add_test(tc, package_variable_watched);
    suite_add_tcase(s, tc);
    return s;
}
