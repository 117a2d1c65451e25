/* bench_model.c - row "model": how fast model_apply folds events.
 *
 * The events come from a real run (worker-pool, 2 workers, zero-length jobs,
 * speed max), recorded once; each timed run folds all of them into a fresh
 * model.  The event array is larger than the caches, as a replay's would be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "model/model.h"
#include "rt/run.h"

static ps_event *record(int jobs, size_t *n_out, ps_layout *layout)
{
    ps_params p;
    const char *err = NULL;
    scenario_defaults("worker-pool", &p);
    p.workers = 2;
    p.jobs = jobs;
    p.job_ns = 0;
    p.queue_cap = 64;
    p.speed_milli = PACER_SPEED_MAX;
    ps_run *r = run_create(&p, PACER_RUN, 0, &err);
    if (!r)
        return NULL;
    size_t cap = (size_t)jobs * 7 + 1024, n = 0;
    ps_event *ev = malloc(cap * sizeof(ps_event));
    run_start(r);
    while (!run_finished(r)) {
        if (n + 256 > cap) {
            cap *= 2;
            ev = realloc(ev, cap * sizeof(ps_event));
        }
        size_t k = bus_poll(r->bus, ev + n, 256);
        n += k;
        if (!k)
            bus_wait(r->bus, 10000000);
    }
    run_join(r);
    *layout = r->layout;
    run_destroy(r);
    *n_out = n;
    return ev;
}

int bench_model(const bench_ctx *c)
{
    int jobs = c->quick ? 20000 : 200000;
    size_t n = 0;
    ps_layout layout;
    ps_event *ev = record(jobs, &n, &layout);
    if (!ev)
        return -1;
    int runs = c->runs, bad = 0;
    double *rate = calloc((size_t)runs, sizeof(double));
    model *m = malloc(sizeof(model));
    for (int r = 0; r < runs && !bad; r++) {
        if (model_init(m, &layout) != 0) {
            bad = 1;
            break;
        }
        uint64_t t0 = bench_now_ns();
        for (size_t i = 0; i < n; i++)
            model_apply(m, &ev[i]);
        uint64_t el = bench_now_ns() - t0;
        rate[r] = (double)n / ((double)el / 1e9);
        if (m->events != n || m->seq_errors || m->jobs_finished != (uint64_t)jobs || !m->ended) {
            fprintf(stderr, "model: fold disagrees with the run\n");
            bad = 1;
        }
        model_free(m);
    }
    if (!bad) {
        char note[128];
        snprintf(note, sizeof note, "%zu events (%.0f MB) from a worker-pool run, %d jobs", n,
                 (double)n * sizeof(ps_event) / 1e6, jobs);
        double *tmp = calloc((size_t)runs, sizeof(double));
        memcpy(tmp, rate, (size_t)runs * sizeof(double));
        double med = bench_median(tmp, runs);
        free(tmp);
        bench_figure("model", "fold rate (model_apply)", rate, runs, " ev/s", note);
        bench_goal("model fold >= 50 M events/s", med, 50e6, 1, " ev/s");
    }
    free(m);
    free(rate);
    free(ev);
    return bad ? -1 : 0;
}
