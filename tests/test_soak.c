/* test_soak.c - 64 workers x SOAK_JOBS zero-length jobs at top speed through
 * rings of 16 events: no event lost or duplicated, the model's totals equal
 * the workers' own counters, and memory does not keep growing. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sync/clock.h"
#include "testlib.h"

static long rss_kb(void)
{
    long pages = 0, rss = 0;
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        if (fscanf(f, "%ld %ld", &pages, &rss) != 2)
            rss = 0;
        fclose(f);
    }
    return rss * (sysconf(_SC_PAGESIZE) / 1024);
}

START_TEST(soak_64_workers)
{
    const char *env = getenv("SOAK_JOBS");
    int jobs = env ? atoi(env) : 1000000;
    ps_params p;
    scenario_defaults("worker-pool", &p);
    p.workers = 64;
    p.jobs = jobs;
    p.job_ns = 0;
    p.queue_cap = 64;
    p.speed_milli = PACER_SPEED_MAX;
    /* count and check as we go instead of keeping every event */
    const char *err;
    ps_run *r = run_create(&p, PACER_RUN, 16, &err);
    ck_assert_ptr_nonnull(r);
    model *m = malloc(sizeof *m);
    model_init(m, &r->layout);
    uint64_t t0 = clock_now_ns();
    run_start(r);
    ps_event buf[512];
    uint64_t delivered = 0;
    long rss_first = 0, rss_max = 0;
    while (!run_finished(r)) {
        size_t n = bus_poll(r->bus, buf, 512);
        for (size_t i = 0; i < n; i++) {
            if (buf[i].seq != delivered)
                ck_abort_msg("event %llu arrived as number %llu", (unsigned long long)buf[i].seq,
                             (unsigned long long)delivered);
            delivered++;
            model_apply(m, &buf[i]);
        }
        if (!n)
            bus_wait(r->bus, 10000000);
        /* about every 64 K events, so the short sanitizer runs sample too */
        if ((delivered & 0xffff) < n) {
            long rss = rss_kb();
            if (!rss_first)
                rss_first = rss;
            if (rss > rss_max)
                rss_max = rss;
        }
    }
    run_join(r);
    double secs = (double)(clock_now_ns() - t0) / 1e9;
    uint64_t own = 0;
    for (int w = 1; w <= 64; w++) {
        ck_assert_uint_eq(m->actors[w].jobs_done, r->actors[w].jobs_done);
        own += r->actors[w].jobs_done;
    }
    ck_assert_uint_eq(own, (uint64_t)jobs);
    ck_assert_uint_eq(m->jobs_finished, (uint64_t)jobs);
    ck_assert_uint_eq(m->results, (uint64_t)jobs);
    ck_assert_uint_eq(m->seq_errors, 0);
    ck_assert_uint_eq(delivered, bus_published(r->bus));
    ck_assert_uint_eq(m->events, delivered);
    printf("soak: %d jobs, %llu events in %.2f s (%.2f M events/s), ring waits %llu, "
           "RSS first %ld kB max %ld kB\n",
           jobs, (unsigned long long)delivered, secs, (double)delivered / secs / 1e6,
           (unsigned long long)bus_blocked_count(r->bus), rss_first, rss_max);
    /* the only growth allowed is the queues' fixed rings being touched */
    ck_assert_msg(rss_max - rss_first < 64 * 1024, "RSS grew by %ld kB", rss_max - rss_first);
    model_free(m);
    free(m);
    run_destroy(r);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("soak");
    TCase *tc = tcase_create("soak");
    tcase_set_timeout(tc, 900);
    tcase_add_test(tc, soak_64_workers);
    suite_add_tcase(s, tc);
    return s;
}
