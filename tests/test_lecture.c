/* test_lecture.c - every lecture topic as a scenario, run to its end with its
 * reference invariant (seed/reference/README.md), free-running and stepped. */
#include <check.h>
#include <stdio.h>
#include <string.h>

#include "sync/clock.h"
#include "model/logfmt.h"
#include "scen/params_kv.h"
#include "scen/scenfile.h"
#include "testlib.h"

#define SEC 1000000000ull

static void params(const char *name, ps_params *p, int64_t speed_milli)
{
    ck_assert_int_eq(scenario_defaults(name, p), 0);
    p->speed_milli = speed_milli;
}

static void run_to_end(test_run *t, const ps_params *p, pacer_mode mode)
{
    ck_assert_int_eq(test_start(t, p, mode, 0), 0);
    test_finish(t);
    ck_assert_int_eq(t->m.ended, 1);
    ck_assert_uint_eq(t->m.seq_errors, 0);
}

/* The lecture line of event i, or "" if it makes none. */
static const char *line_of(const test_run *t, size_t i)
{
    static char buf[128];
    buf[0] = '\0';
    logfmt_line(&t->m.layout, &t->events[i], buf, sizeof buf);
    return buf;
}

/* The index of the first event of this kind (and actor, unless -1), or n. */
static size_t find(const test_run *t, int kind, int actor)
{
    size_t i = 0;
    while (i < t->n &&
           !(t->events[i].kind == kind && (actor < 0 || (int)t->events[i].actor == actor)))
        i++;
    return i;
}

static int has_line(const test_run *t, const char *text)
{
    for (size_t i = 0; i < t->n; i++)
        if (!strcmp(line_of(t, i), text))
            return 1;
    return 0;
}

/* ---- waitgroup-workers ---- */

static void check_ww(const test_run *t)
{
    int started = 0, done = 0, wg_done = 0;
    for (size_t i = 0; i < t->n; i++) {
        const char *l = line_of(t, i);
        if (strstr(l, " starting")) {
            ck_assert_int_eq(done, 0); /* all start before any finishes */
            started++;
        }
        done += strstr(l, " done") != NULL;
        wg_done += t->events[i].kind == EV_WG_DONE;
    }
    ck_assert_int_eq(started, 5);
    ck_assert_int_eq(done, 5);
    ck_assert_int_eq(wg_done, 5);
    ck_assert_int_eq(t->m.wgs[0].count, 0);
}

START_TEST(waitgroup_workers_all_start_first)
{
    ps_params p;
    /* 10x: a 1 s sleep lasts 100 ms, longer than starting five threads; under
     * valgrind (PS_TIME_SLACK=20) starting them can take longer, so the
     * speed drops by the slack (0.5x there) and the order still holds */
    params("waitgroup-workers", &p, (int64_t)(10000 / test_slack()));
    test_run t;
    run_to_end(&t, &p, PACER_RUN);
    check_ww(&t);
    size_t w = find(&t, EV_WG_WAIT_RETURN, PS_ACTOR_MAIN);
    ck_assert_uint_lt(w, t.n);
    /* Wait returns one job of 1 s after the last worker started, not five:
     * measured from the last start, so a slow start-up (10x!) cannot move it */
    uint64_t last_start = 0;
    for (size_t i = 0; i < w; i++)
        if (strstr(line_of(&t, i), " starting") && t.events[i].vt_ns > last_start)
            last_start = t.events[i].vt_ns;
    ck_assert_uint_ge(t.events[w].vt_ns, last_start + 1 * SEC);
    ck_assert_uint_lt(t.events[w].vt_ns, last_start + 1 * SEC + (uint64_t)(SEC / 2 * test_slack()));
    test_free(&t);
}
END_TEST

START_TEST(waitgroup_workers_stepped_exact)
{
    ps_params p;
    params("waitgroup-workers", &p, 1000);
    test_run t;
    run_to_end(&t, &p, PACER_STEP);
    check_ww(&t);
    ck_assert_uint_eq(t.events[find(&t, EV_WG_WAIT_RETURN, 0)].vt_ns, 1 * SEC);
    test_free(&t);
}
END_TEST

/* ---- atomic-counters ---- */

START_TEST(atomic_counters_always_50000)
{
    ps_params p;
    params("atomic-counters", &p, 1000);
    ck_assert_int_eq(p.workers, 50);
    ck_assert_int_eq(p.jobs, 1000);
    test_run t;
    run_to_end(&t, &p, PACER_RUN);
    ck_assert_int_eq(counter_peek(&t.run->counters[0]), 50000);
    ck_assert_int_eq(t.m.counters[0].value, 50000);
    ck_assert_uint_eq(t.m.counters[0].ops, 50000);
    ck_assert(has_line(&t, "ops: 50000"));
    test_free(&t);
}
END_TEST

/* ---- race ---- */

START_TEST(race_expected_actual_and_lost_agree)
{
    ps_params p;
    params("race", &p, 1000);
    p.workers = 4;
    p.jobs = 2000;
    test_run t;
    run_to_end(&t, &p, PACER_RUN);
    int64_t plain = counter_peek(&t.run->counters[0]);
    const model_counter *c = &t.m.counters[0];
    ck_assert_int_eq(c->expected, 8000);
    ck_assert_int_eq(c->value, plain);
    ck_assert_uint_eq(c->lost, (uint64_t)(8000 - plain));
    ck_assert_int_eq(counter_peek(&t.run->counters[1]), 8000); /* the atomic never loses */
    char want[64];
    snprintf(want, sizeof want, "ops: %lld (expected 8000)", (long long)plain);
    ck_assert(has_line(&t, want));
    ck_assert(has_line(&t, "atomic ops: 8000 (expected 8000)"));
    test_free(&t);
}
END_TEST

/* Waits until the step's events are all folded. */
static void settle(test_run *t)
{
    ck_assert(pacer_wait_quiescent(t->run->pacer, 5 * SEC));
    while (bus_delivered(t->run->bus) != bus_published(t->run->bus))
        if (!test_drain(t))
            bus_wait(t->run->bus, 1000000);
}

static int step(test_run *t, int actor)
{
    int who = run_step(t->run, actor, 5 * SEC);
    settle(t);
    return who;
}

/* The last event folded. */
static const ps_event *last(const test_run *t)
{
    return &t->events[t->n - 1];
}

START_TEST(race_stepped_loses_exactly_one)
{
    ps_params p;
    params("race", &p, 1000);
    test_run t;
    ck_assert_int_eq(test_start(&t, &p, PACER_STEP, 0), 0);
    /* main starts both workers and waits for them */
    while (find(&t, EV_WG_WAIT, PS_ACTOR_MAIN) == t.n)
        ck_assert_int_eq(step(&t, PS_ACTOR_MAIN), PS_ACTOR_MAIN);
    /* W1 load, W2 load, W1 store, W2 store */
    static const int order[] = {1, 2, 1, 2};
    static const int kinds[] = {EV_ATOMIC_LOAD, EV_ATOMIC_LOAD, EV_ATOMIC_STORE, EV_ATOMIC_STORE};
    static const int64_t values[] = {0, 0, 1, 1};
    for (int i = 0; i < 4; i++) {
        ck_assert_int_eq(step(&t, order[i]), order[i]);
        ck_assert_int_eq(last(&t)->actor, order[i]);
        ck_assert_int_eq(last(&t)->kind, kinds[i]);
        ck_assert_int_eq(last(&t)->value, values[i]);
    }
    ck_assert_uint_eq(t.m.counters[0].lost, 1);
    /* the rest without overlap: W1 to its end, then W2 */
    for (int w = 1; w <= 2; w++)
        while (step(&t, w) == w)
            ;
    test_finish(&t);
    ck_assert_int_eq(counter_peek(&t.run->counters[0]), 5);
    ck_assert_int_eq(counter_peek(&t.run->counters[1]), 6);
    ck_assert_uint_eq(t.m.counters[0].lost, 1);
    ck_assert_int_eq(t.m.counters[0].expected, 6);
    ck_assert(has_line(&t, "ops: 5 (expected 6)"));
    ck_assert(has_line(&t, "atomic ops: 6 (expected 6)"));
    ck_assert_int_eq(t.m.ended, 1);
    test_free(&t);
}
END_TEST

/* ---- mutexes ---- */

START_TEST(mutexes_a_20000_b_10000)
{
    ps_params p;
    params("mutexes", &p, 1000);
    test_run t;
    run_to_end(&t, &p, PACER_RUN);
    ck_assert_int_eq(counter_peek(&t.run->counters[0]), 20000);
    ck_assert_int_eq(counter_peek(&t.run->counters[1]), 10000);
    ck_assert_uint_eq(t.m.counters[0].lost, 0);
    ck_assert_uint_eq(t.m.mutexes[0].acquisitions, 30000);
    ck_assert_int_eq(t.m.mutexes[0].owner, -1);
    ck_assert(has_line(&t, "map[a:20000 b:10000]"));
    test_free(&t);
}
END_TEST

START_TEST(mutexes_names_sorted_like_go)
{
    ps_params p;
    params("mutexes", &p, 1000);
    p.jobs = 100;
    snprintf(p.names[0], PS_OBJ_NAME, "zeta");
    snprintf(p.names[1], PS_OBJ_NAME, "alpha");
    test_run t;
    run_to_end(&t, &p, PACER_RUN);
    ck_assert(has_line(&t, "map[alpha:100 zeta:200]"));
    test_free(&t);
}
END_TEST

/* ---- errgroup ---- */

static void check_errgroup(const test_run *t, uint64_t vt_lo, uint64_t vt_hi)
{
    ck_assert_int_eq(t->m.errors, 1);
    ck_assert_int_eq(t->m.first_error_job, 3);
    ck_assert_int_eq(t->m.cancelled, 2);
    ck_assert_int_eq(t->m.running_jobs, 0);
    ck_assert_uint_eq(t->m.jobs_finished, 3); /* 1, 2 and the failing 3 */
    for (size_t i = 0; i < t->n; i++) {
        const ps_event *e = &t->events[i];
        if (e->kind == EV_CANCEL) {
            ck_assert(e->arg == 4 || e->arg == 5);
            ck_assert_uint_ge(e->vt_ns, vt_lo);
            ck_assert_uint_le(e->vt_ns, vt_hi);
        }
        if (e->kind == EV_JOB_FINISHED)
            ck_assert_int_le(e->arg, 3);
    }
    const ps_event *w = &t->events[find(t, EV_WG_WAIT_RETURN, PS_ACTOR_MAIN)];
    ck_assert_uint_ge(w->vt_ns, vt_lo);
    ck_assert_uint_le(w->vt_ns, vt_hi);
    ck_assert_uint_ge(t->m.first_error_vt, 900000000u);
    ck_assert(has_line(t, "job 3 failed"));
    ck_assert(has_line(t, "job 4 cancelled"));
    ck_assert(has_line(t, "job 5 cancelled"));
    ck_assert(has_line(t, "job 2 done"));
    ck_assert_str_eq(line_of(t, find(t, EV_SAY, PS_ACTOR_MAIN)), "Wait returned: job 3 failed");
}

START_TEST(errgroup_first_error_cancels_at_0_9_s)
{
    ps_params p;
    params("errgroup", &p, 1000);
    test_run t;
    uint64_t t0 = clock_now_ns();
    run_to_end(&t, &p, PACER_RUN);
    double wall = (double)(clock_now_ns() - t0) / 1e9;
    /* slowed runs (valgrind, sanitizers) get their slack; the stepped test is exact */
    check_errgroup(&t, 900000000u, 900000000u + (uint64_t)(100000000 * test_slack()));
    ck_assert_msg(wall >= 0.9 && wall < 0.9 + 0.3 * test_slack(), "wall %.3f s", wall);
    test_free(&t);
}
END_TEST

START_TEST(errgroup_stepped_exact)
{
    ps_params p;
    params("errgroup", &p, 1000);
    test_run t;
    run_to_end(&t, &p, PACER_STEP);
    check_errgroup(&t, 900000000u, 900000000u);
    ck_assert_uint_eq(t.m.first_error_vt, 900000000u);
    test_free(&t);
}
END_TEST

START_TEST(errgroup_no_failure_waits_for_all)
{
    ps_params p;
    params("errgroup", &p, 1000);
    p.fail_job = 0;
    test_run t;
    run_to_end(&t, &p, PACER_STEP);
    ck_assert_int_eq(t.m.errors, 0);
    ck_assert_int_eq(t.m.cancelled, 0);
    ck_assert_uint_eq(t.m.jobs_finished, 5);
    ck_assert_uint_eq(t.m.vt, 1500000000u);
    ck_assert(has_line(&t, "Wait returned: <nil>"));
    test_free(&t);
}
END_TEST

/* ---- backpressure and thread-per-job ---- */

START_TEST(backpressure_sender_blocks)
{
    ps_params p;
    params("backpressure", &p, 20000);
    test_run t;
    run_to_end(&t, &p, PACER_RUN);
    int blocked = 0;
    for (size_t i = 0; i < t.n; i++) {
        const ps_event *e = &t.events[i];
        if (e->obj == 0 && (e->kind == EV_Q_SEND || e->kind == EV_Q_SEND_BLOCKED))
            ck_assert_int_le(e->value, 2); /* never more than the queue holds */
        if (e->kind == EV_Q_SEND_BLOCKED && e->actor == PS_ACTOR_MAIN && e->obj == 0) {
            blocked++;
            ck_assert_str_eq(line_of(&t, i) + strlen(line_of(&t, i)) - 5, "waits");
        }
    }
    ck_assert_int_ge(blocked, 1);
    ck_assert_uint_eq(t.m.jobs_finished, 10);
    ck_assert_uint_eq(t.m.results, 10);
    test_free(&t);
}
END_TEST

START_TEST(thread_per_job_runs_all_at_once)
{
    ps_params p;
    params("thread-per-job", &p, 1000);
    test_run t;
    run_to_end(&t, &p, PACER_STEP);
    ck_assert_int_eq(t.m.max_running_jobs, 9);
    ck_assert_uint_eq(t.m.jobs_finished, 9);
    ck_assert_uint_eq(t.m.vt, 1 * SEC); /* against 3 s for the 3-worker pool */
    ck_assert(has_line(&t, "all 9 jobs done"));
    test_free(&t);
}
END_TEST

/* ---- durations and the files that define the built-ins ---- */

START_TEST(durations_list_and_seeded_range)
{
    ps_params p;
    params("errgroup", &p, 1000);
    ck_assert_int_eq(scenario_job_ns(&p, 3), 900000000);
    ck_assert_int_eq(scenario_job_ns(&p, 6), 300000000); /* the list cycles */
    p.n_durations = 0;
    p.job_ns = 200000000;
    p.job_ns_max = 800000000;
    p.seed = 7;
    int64_t first[10];
    int differ = 0;
    for (int j = 1; j <= 10; j++) {
        first[j - 1] = scenario_job_ns(&p, j);
        ck_assert_int_ge(first[j - 1], 200000000);
        ck_assert_int_le(first[j - 1], 800000000);
        differ += j > 1 && first[j - 1] != first[0];
    }
    ck_assert_int_gt(differ, 0);
    for (int j = 1; j <= 10; j++) /* the same seed, the same durations */
        ck_assert_int_eq(scenario_job_ns(&p, j), first[j - 1]);
    p.seed = 8;
    differ = 0;
    for (int j = 1; j <= 10; j++)
        differ += scenario_job_ns(&p, j) != first[j - 1];
    ck_assert_int_gt(differ, 0);
}
END_TEST

/* Each built-in's .ini gives exactly its C defaults, from the source tree
 * and from the copy compiled into the program. */
START_TEST(builtin_files_match_defaults)
{
    for (const scenario_def *const *d = scenario_all(); *d; d++) {
        ps_params c, f, e;
        static scenario_text text, etext;
        char err[512] = "", path[SCENTEXT_PATH_LEN];
        ck_assert_int_eq(scenario_defaults((*d)->name, &c), 0);
        ck_assert_msg(scenfile_find((*d)->name, path, sizeof path), "%s", (*d)->name);
        ck_assert_msg(scenfile_load(path, &f, &text, err, sizeof err) == 0, "%s", err);
        ck_assert_msg(memcmp(&c, &f, sizeof c) == 0, "%s: file differs from defaults", path);
        ck_assert_msg(text.n_lines > 5 && text.description[0], "%s", path);
        const char *ini = scenfile_embedded((*d)->name);
        ck_assert_ptr_nonnull(ini);
        snprintf(path, sizeof path, "<built-in>/%s.ini", (*d)->name);
        ck_assert_msg(scenfile_load_string(path, ini, &e, &etext, err, sizeof err) == 0, "%s", err);
        ck_assert_msg(memcmp(&c, &e, sizeof c) == 0, "%s: embedded differs", (*d)->name);
        /* the listing comes from assets/code, and the compiled-in copy is the same */
        ck_assert_msg(strstr(text.code_source, "/code/"), "%s", text.code_source);
        static char disk[16384];
        FILE *fp = fopen(text.code_source, "r");
        ck_assert_ptr_nonnull(fp);
        disk[fread(disk, 1, sizeof disk - 1, fp)] = '\0';
        fclose(fp);
        snprintf(path, sizeof path, "%s.go", (*d)->name);
        ck_assert_ptr_nonnull(scenfile_embedded_code(path));
        ck_assert_str_eq(scenfile_embedded_code(path), disk);
        ck_assert_int_eq(text.n_lines, etext.n_lines);
        ck_assert(!memcmp(text.lines, etext.lines, sizeof text.lines));
        ck_assert(!memcmp(text.line_of, etext.line_of, sizeof text.line_of));
    }
}
END_TEST

static void kv_copy(void *ctx, const char *key, const char *value)
{
    char err[128];
    ck_assert_msg(params_kv_set(ctx, key, value, err, sizeof err) == 0, "%s", err);
}

/* Recordings keep every parameter a lecture scenario uses. */
START_TEST(params_round_trip_through_kv)
{
    for (const scenario_def *const *d = scenario_all(); *d; d++) {
        ps_params a, b;
        ck_assert_int_eq(scenario_defaults((*d)->name, &a), 0);
        a.seed = 4000000000u;
        a.job_ns_max = a.job_ns + 5;
        memset(&b, 0, sizeof b);
        params_kv_each(&a, kv_copy, &b);
        ck_assert_msg(memcmp(&a, &b, sizeof a) == 0, "%s", (*d)->name);
    }
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("lecture");
    TCase *tc = tcase_create("lecture");
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, waitgroup_workers_all_start_first);
    tcase_add_test(tc, waitgroup_workers_stepped_exact);
    tcase_add_test(tc, atomic_counters_always_50000);
    tcase_add_test(tc, race_expected_actual_and_lost_agree);
    tcase_add_test(tc, race_stepped_loses_exactly_one);
    tcase_add_test(tc, mutexes_a_20000_b_10000);
    tcase_add_test(tc, mutexes_names_sorted_like_go);
    tcase_add_test(tc, errgroup_first_error_cancels_at_0_9_s);
    tcase_add_test(tc, errgroup_stepped_exact);
    tcase_add_test(tc, errgroup_no_failure_waits_for_all);
    tcase_add_test(tc, backpressure_sender_blocks);
    tcase_add_test(tc, thread_per_job_runs_all_at_once);
    tcase_add_test(tc, durations_list_and_seeded_range);
    tcase_add_test(tc, builtin_files_match_defaults);
    tcase_add_test(tc, params_round_trip_through_kv);
    suite_add_tcase(s, tc);
    return s;
}
