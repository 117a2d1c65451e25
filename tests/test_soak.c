/* test_soak.c - a Go worker pool (tests/data/pool.go) of 64 goroutines
 * taking SOAK_JOBS jobs that do nothing, at top speed, through bus rings of
 * 16 events: no event lost or duplicated, the model's totals equal what the
 * program counted itself, and memory does not keep growing. */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "sync/clock.h"
#include "gotest.h"

#define WORKERS 64
#define JOBS_DEFAULT 100000 /* 2 to 5 s here; SOAK_JOBS=1000000 for a long run */

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

/* Each item (1..jobs) of a channel seen once: sent, then received. */
typedef struct seen_items {
    uint8_t *state; /* per item: 1 sent, 2 received */
    int64_t n;
} seen_items;

static void item_sent(seen_items *s, int64_t item, uint64_t seq)
{
    ck_assert_msg(item >= 1 && item <= s->n && s->state[item] == 0,
                  "event %llu: item %lld sent twice or out of range", (unsigned long long)seq,
                  (long long)item);
    s->state[item] = 1;
}

static void item_received(seen_items *s, int64_t item, uint64_t seq)
{
    ck_assert_msg(item >= 1 && item <= s->n && s->state[item] == 1,
                  "event %llu: item %lld received twice, or before it was sent",
                  (unsigned long long)seq, (long long)item);
    s->state[item] = 2;
}

START_TEST(soak_64_workers)
{
    const char *env = getenv("SOAK_JOBS");
    int jobs = env ? atoi(env) : JOBS_DEFAULT;
    ck_assert_int_gt(jobs, 0);
    char path[4096], njobs[32], nworkers[16];
    snprintf(njobs, sizeof njobs, "%d", jobs);
    snprintf(nworkers, sizeof nworkers, "%d", WORKERS);
    const char *const names[] = {"workers", "jobs", "jobMs"};
    const char *const values[] = {nworkers, njobs, "0"};
    /* tiny rings: every goroutine's lane, main's and the controller's */
    run_program_opts o = {.mode = PACER_RUN,
                          .speed_milli = PACER_SPEED_MAX,
                          .ring_cap = 16,
                          .goroutine_ring_cap = 16};
    gotest t;
    uint64_t t0 = clock_now_ns();
    gotest_start_opts(&t, gotest_data("pool.go", path, sizeof path), &o, 0, 3, names, values);
    /* count and check as we go instead of keeping every event (gotest_drain
     * would keep them: memory would grow with the run) */
    model *m = &t.m;
    seen_items jq = {calloc((size_t)jobs + 1, 1), jobs}, rq = {calloc((size_t)jobs + 1, 1), jobs};
    ck_assert(jq.state && rq.state);
    uint32_t jobs_id = UINT32_MAX, results_id = UINT32_MAX;
    int n_chans = 0;
    ps_event buf[512];
    uint64_t delivered = 0, beyond = 0;
    long rss_first = 0, rss_max = 0;
    while (!t.s->ops->finished(t.s)) {
        size_t n = session_poll(t.s, buf, 512);
        for (size_t i = 0; i < n; i++) {
            const ps_event *e = &buf[i];
            if (e->seq != delivered)
                ck_abort_msg("event %llu arrived as number %llu", (unsigned long long)e->seq,
                             (unsigned long long)delivered);
            delivered++;
            model_apply(m, e);
            beyond += e->actor > WORKERS && e->actor != PS_ACTOR_CTL;
            if (e->kind == EV_OBJECT && e->arg == PS_OBJ_CHAN && n_chans++ < 2)
                *(n_chans == 1 ? &jobs_id : &results_id) = e->obj; /* the first two makes */
            else if (e->kind == EV_Q_SEND && e->obj == jobs_id)
                item_sent(&jq, e->arg, e->seq);
            else if (e->kind == EV_Q_RECV && e->obj == jobs_id)
                item_received(&jq, e->arg, e->seq);
            else if (e->kind == EV_Q_SEND && e->obj == results_id)
                item_sent(&rq, e->arg / 2, e->seq); /* j * 2 */
            else if (e->kind == EV_Q_RECV && e->obj == results_id)
                item_received(&rq, e->arg / 2, e->seq);
        }
        if (!n) {
            ck_assert_int_eq(t.s->ops->deadlocked(t.s), 0);
            t.s->ops->wait(t.s, 10000000);
        }
        /* about every 64 K events, so the short sanitizer runs sample too */
        if ((delivered & 0xffff) < n) {
            long rss = rss_kb();
            if (!rss_first)
                rss_first = rss;
            if (rss > rss_max)
                rss_max = rss;
        }
    }
    double secs = (double)(clock_now_ns() - t0) / 1e9;
    /* every item went through both channels exactly once */
    for (int64_t j = 1; j <= jobs; j++) {
        ck_assert_msg(jq.state[j] == 2, "job %lld never received", (long long)j);
        ck_assert_msg(rq.state[j] == 2, "result %lld never received", (long long)j);
    }
    const model_obj *jo = model_obj_find(m, jobs_id), *ro = model_obj_find(m, results_id);
    ck_assert_ptr_nonnull(jo);
    ck_assert_ptr_nonnull(ro);
    ck_assert_uint_eq(jo->sent, (uint64_t)jobs);
    ck_assert_uint_eq(jo->received, (uint64_t)jobs);
    ck_assert_int_eq(jo->closed, 1);
    ck_assert_uint_eq(ro->sent, (uint64_t)jobs);
    ck_assert_uint_eq(ro->received, (uint64_t)jobs);
    ck_assert_uint_eq(m->seq_errors, 0);
    ck_assert_uint_eq(m->events, delivered);
    ck_assert_int_eq(m->ended, 1);
    ck_assert_uint_eq(m->threads_started, WORKERS + 1); /* and the feeder */
    ck_assert_uint_eq(m->threads_exited, WORKERS + 2);  /* main too */
    ck_assert_uint_eq(m->untracked, beyond); /* the feeder's: goroutine 65, past those kept */
    /* what the program counted itself: each worker's jobs (its last line)
     * against the jobs the model saw its goroutine receive, and the total */
    static char out[1 << 16];
    gotest_output(&t, out, sizeof out);
    uint64_t own = 0;
    int lines = 0;
    for (const char *p = out; (p = strstr(p, "worker ")); p++) {
        int w, did;
        if (sscanf(p, "worker %d did %d", &w, &did) != 2)
            continue;
        lines++;
        ck_assert_int_ge(w, 1);
        ck_assert_int_le(w, WORKERS);
        /* goroutine w runs worker(w): the go statements come in order */
        ck_assert_int_eq(m->actors[w].label_arg, w);
        ck_assert_uint_eq(m->actors[w].received, (uint64_t)did);
        ck_assert_uint_eq(m->actors[w].sent, (uint64_t)did + 1); /* its results, and done */
        own += (uint64_t)did;
    }
    ck_assert_int_eq(lines, WORKERS);
    ck_assert_uint_eq(own, (uint64_t)jobs);
    char want[128];
    snprintf(want, sizeof want, "jobs %d sum %lld did %d\n", jobs,
             (long long)jobs * ((long long)jobs + 1), jobs);
    ck_assert_msg(strstr(out, want), "output lacks '%s'", want);
    session_stats st;
    t.s->ops->stats(t.s, &st);
    printf("soak: %d jobs, %llu events in %.2f s (%.2f M events/s), ring waits %llu, "
           "RSS first %ld kB max %ld kB\n",
           jobs, (unsigned long long)delivered, secs, (double)delivered / secs / 1e6,
           (unsigned long long)st.blocked_count, rss_first, rss_max);
    ck_assert_uint_gt(delivered, 4 * (uint64_t)jobs);
    /* the only growth allowed is the lanes' and channels' fixed rings being
     * touched */
    ck_assert_msg(rss_max - rss_first < 64 * 1024, "RSS grew by %ld kB", rss_max - rss_first);
    free(jq.state);
    free(rq.state);
    gotest_free(&t);
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
