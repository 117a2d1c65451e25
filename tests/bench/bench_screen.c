/* bench_screen.c - rows "heavy" and "output": does the consumer keep up?
 *
 * heavy   64 workers x JOBS zero-length jobs (the worker-pool scenario,
 *         --job-ms 0 --speed 100, its default queue), three ways back to
 *         back in every run:
 *           quiet     in this process, the same engine with instrumentation
 *                     off (run_set_quiet): the rate the threads reach alone
 *           headless  the real binary, --headless, stdout to /dev/null
 *           screen    the real binary on an 80x24 tmux screen, timed from
 *                     the start to the header's DONE (polled every 20 ms)
 *         Goal: screen >= 50 % of quiet (same run).
 * output  the real binary, --headless, 2 workers x JOBS zero-length jobs,
 *         jobs queue 1024: events per second of wall time (its own summary
 *         line), stdout to a file in the build directory (the page cache:
 *         the summary line must be read back; /dev/null costs the same).
 *         Goal: >= 3 M events/s.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"
#include "model/model.h"
#include "rt/run.h"
#include "tui/tui_app.h"

enum { HEAVY_WORKERS = 64 };

static int heavy_quiet(int jobs, double *jobs_s)
{
    ps_params p;
    const char *err = NULL;
    scenario_defaults("worker-pool", &p);
    p.workers = HEAVY_WORKERS;
    p.jobs = jobs;
    p.job_ns = 0;
    p.speed_milli = PACER_SPEED_MAX;
    char msg[160];
    if (scenario_finish(&p, msg, sizeof msg) != 0)
        return -1;
    ps_run *r = run_create(&p, PACER_RUN, 0, &err);
    if (!r)
        return -1;
    run_set_quiet(r, 1);
    uint64_t t0 = bench_now_ns();
    if (run_start(r) != 0) {
        run_destroy(r);
        return -1;
    }
    while (!run_finished(r))
        bus_wait(r->bus, 10000000);
    run_join(r);
    uint64_t el = bench_now_ns() - t0;
    int ok = run_jobs_done(r) == (uint64_t)jobs;
    run_destroy(r);
    *jobs_s = (double)jobs / ((double)el / 1e9);
    return ok ? 0 : -1;
}

static int heavy_headless(const bench_ctx *c, int jobs, double *jobs_s)
{
    char w[16], j[16];
    snprintf(w, sizeof w, "%d", HEAVY_WORKERS);
    snprintf(j, sizeof j, "%d", jobs);
    char *argv[] = {(char *)c->poolscope, "--headless", "--workers", w,     "--jobs", j,
                    "--job-ms",           "0",          "--speed",   "100", NULL};
    uint64_t ns;
    if (bench_spawn(argv, NULL, &ns, NULL) != 0)
        return -1;
    *jobs_s = (double)jobs / ((double)ns / 1e9);
    return 0;
}

static int heavy_screen(const bench_ctx *c, int jobs, double *jobs_s)
{
    char cmd[PATH_MAX + 256], top[4096];
    bench_sh("tmux -L ps-bench-heavy kill-server 2>/dev/null", NULL, 0);
    snprintf(cmd, sizeof cmd,
             "tmux -L ps-bench-heavy new-session -d -x 80 -y 24 "
             "'exec %s --workers %d --jobs %d --job-ms 0 --speed 100'",
             c->poolscope, HEAVY_WORKERS, jobs);
    uint64_t t0 = bench_now_ns(), limit = t0 + 600ull * 1000000000u;
    if (bench_sh(cmd, NULL, 0) != 0)
        return -1;
    int done = 0;
    while (!done && bench_now_ns() < limit) {
        usleep(20000);
        if (bench_sh("tmux -L ps-bench-heavy capture-pane -p -S 0 -E 0 2>/dev/null", top,
                     sizeof top) != 0)
            break;
        done = strstr(top, "DONE") != NULL;
    }
    uint64_t el = bench_now_ns() - t0;
    bench_sh("tmux -L ps-bench-heavy kill-server 2>/dev/null", NULL, 0);
    if (!done)
        return -1;
    *jobs_s = (double)jobs / ((double)el / 1e9);
    return 0;
}

int bench_heavy(const bench_ctx *c)
{
    if (!c->poolscope || access(c->poolscope, X_OK) != 0) {
        bench_skip("heavy", "64 workers", "no --poolscope program given");
        return 0;
    }
    int have_tmux = bench_sh("command -v tmux >/dev/null 2>&1", NULL, 0) == 0;
    int jobs = c->quick ? 30000 : 300000, runs = c->runs, bad = 0;
    double *q = calloc((size_t)runs, sizeof(double)), *h = calloc((size_t)runs, sizeof(double));
    double *s = calloc((size_t)runs, sizeof(double)), *sq = calloc((size_t)runs, sizeof(double));
    double *hq = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs && !bad; r++) {
        bad = heavy_quiet(jobs, &q[r]) || heavy_headless(c, jobs, &h[r]) ||
              (have_tmux && heavy_screen(c, jobs, &s[r]));
        hq[r] = h[r] / q[r];
        sq[r] = s[r] / q[r];
        bench_progress("  heavy run %d: quiet %.0f, headless %.0f, screen %.0f jobs/s", r + 1, q[r],
                       h[r], s[r]);
    }
    if (bad) {
        fprintf(stderr, "heavy: a run failed\n");
    } else {
        char note[128];
        snprintf(note, sizeof note, "%d workers x %d zero-length jobs", HEAVY_WORKERS, jobs);
        bench_figure("heavy", "engine quiet (instrumentation off), in process", q, runs, " jobs/s",
                     note);
        bench_figure("heavy", "headless, real binary, stdout /dev/null", h, runs, " jobs/s", note);
        bench_ratio("heavy", "headless / quiet", hq, runs, "");
        if (have_tmux) {
            bench_figure("heavy", "screen, real binary in tmux 80x24, start to DONE", s, runs,
                         " jobs/s", note);
            bench_ratio("heavy", "screen / quiet", sq, runs, "");
            bench_goal("heavy scenario on the screen >= 50% of the quiet rate",
                       100.0 * bench_median(sq, runs), 50, 1, "%");
        } else {
            bench_skip("heavy", "screen", "tmux not installed");
        }
    }
    free(q);
    free(h);
    free(s);
    free(sq);
    free(hq);
    return bad ? -1 : 0;
}

/* The events and wall seconds from the summary line of a headless run. */
static int read_summary(const char *path, double *events, double *wall)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[512], last[512] = "";
    while (fgets(line, sizeof line, f))
        if (line[0] == '#')
            memcpy(last, line, sizeof last);
    fclose(f);
    const char *w = strstr(last, ": "), *e = strstr(last, " virtual, ");
    if (!w || !e)
        return -1;
    *wall = strtod(w + 2, NULL);
    *events = strtod(e + 10, NULL);
    return *wall > 0 && *events > 0 ? 0 : -1;
}

int bench_output(const bench_ctx *c)
{
    if (!c->poolscope || access(c->poolscope, X_OK) != 0) {
        bench_skip("output", "headless lines", "no --poolscope program given");
        return 0;
    }
    int jobs = c->quick ? 200000 : 2000000, runs = c->runs, bad = 0;
    char j[16], path[PATH_MAX];
    snprintf(j, sizeof j, "%d", jobs);
    snprintf(path, sizeof path, "%s/bench-output.txt", c->out_dir);
    char *argv[BENCH_POOL_ARGC];
    bench_pool_argv(c, j, argv);
    double *ev = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs && !bad; r++) {
        uint64_t ns;
        double events, wall;
        bad = bench_spawn(argv, path, &ns, NULL) || read_summary(path, &events, &wall);
        ev[r] = bad ? 0 : events / wall;
    }
    unlink(path);
    if (bad) {
        fprintf(stderr, "output: poolscope --headless failed\n");
    } else {
        char note[128];
        snprintf(note, sizeof note, "2 workers x %d zero-length jobs, lecture lines", jobs);
        double med = bench_median(ev, runs);
        bench_figure("output", "headless lecture output, events per wall second", ev, runs, " ev/s",
                     note);
        bench_goal("headless lecture output >= 3 M events/s", med, 3e6, 1, " ev/s");
    }
    free(ev);
    return bad ? -1 : 0;
}

/* ---- row "consumer": the screen's consumer alone ----
 * Events of a real run (worker-pool, 4 workers, zero-length jobs) are
 * recorded once, then in every trial published into a fresh bus, one ring
 * per thread as they were made (their stamps kept, so the merge has the
 * run's real interleaving), and drained as the screen drains: bus_poll in
 * batches of 256 and tui_app_fold (the model's fold; no outputs).  Nothing
 * else runs meanwhile, so this is the consumer's ceiling.  Goal: >= 5 M/s. */

typedef struct recorded {
    ps_event *ev;
    size_t n, cap;
    ps_layout layout;
    int producers;
} recorded;

static int record_run(int jobs, recorded *out)
{
    ps_params p;
    const char *err = NULL;
    char msg[160];
    scenario_defaults("worker-pool", &p);
    p.workers = 4;
    p.jobs = jobs;
    p.job_ns = 0;
    p.queue_cap = 1024;
    p.speed_milli = PACER_SPEED_MAX;
    if (scenario_finish(&p, msg, sizeof msg) != 0)
        return -1;
    ps_run *r = run_create(&p, PACER_RUN, 0, &err);
    if (!r || run_start(r) != 0) {
        run_destroy(r);
        return -1;
    }
    *out = (recorded){.layout = r->layout, .producers = r->n_actors + 1};
    ps_event buf[256];
    while (!run_finished(r)) {
        size_t n = bus_poll(r->bus, buf, 256);
        if (out->n + n > out->cap) {
            out->cap = out->cap ? out->cap * 2 : 1 << 16;
            out->ev = realloc(out->ev, out->cap * sizeof(ps_event));
        }
        memcpy(out->ev + out->n, buf, n * sizeof(ps_event));
        out->n += n;
        if (!n)
            bus_wait(r->bus, 10000000);
    }
    run_join(r);
    run_destroy(r);
    return 0;
}

/* One trial: events per second through merge and fold. */
static int consume_once(const recorded *rec, double *ev_s)
{
    bus *b = bus_create(rec->producers, rec->n);
    model *m = malloc(sizeof(*m));
    if (!b || !m || model_init(m, &rec->layout) != 0) {
        bus_destroy(b);
        free(m);
        return -1;
    }
    for (size_t i = 0; i < rec->n; i++) {
        int p = rec->ev[i].actor == PS_ACTOR_CTL ? rec->producers - 1 : (int)rec->ev[i].actor;
        bus_publish(b, p, &rec->ev[i]);
    }
    tui_app a = {.m = m};
    ps_event buf[256];
    size_t got = 0, n;
    uint64_t t0 = bench_now_ns();
    while ((n = bus_poll(b, buf, 256)) > 0) {
        tui_app_fold(&a, buf, n);
        got += n;
    }
    uint64_t el = bench_now_ns() - t0;
    int ok = got == rec->n && m->ended;
    model_free(m);
    free(m);
    bus_destroy(b);
    *ev_s = (double)got / ((double)el / 1e9);
    return ok ? 0 : -1;
}

int bench_consumer(const bench_ctx *c)
{
    recorded rec = {0};
    int jobs = c->quick ? 20000 : 100000, runs = c->runs, bad = 0;
    if (record_run(jobs, &rec) != 0) {
        fprintf(stderr, "consumer: recording the run failed\n");
        return -1;
    }
    double *ev = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs && !bad; r++)
        bad = consume_once(&rec, &ev[r]);
    if (bad) {
        fprintf(stderr, "consumer: a trial did not deliver every event\n");
    } else {
        char note[128];
        snprintf(note, sizeof note, "%zu events of worker-pool, 4 workers x %d jobs, 6 rings",
                 rec.n, jobs);
        double med = bench_median(ev, runs);
        bench_figure("consumer", "screen consumer: bus merge + model fold (tui_app_fold)", ev, runs,
                     " ev/s", note);
        bench_goal("the screen's consumer sustains >= 5 M events/s", med, 5e6, 1, " ev/s");
    }
    free(ev);
    free(rec.ev);
    return bad ? -1 : 0;
}
