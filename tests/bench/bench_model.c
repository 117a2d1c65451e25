/* bench_model.c - row "model": how fast model_apply folds events.
 *
 * The events come from a real run (tests/bench/go/worker_pool.go: 2 workers,
 * zero-length jobs, jobs channel 64, full speed: bench_gopool.h), recorded
 * once; each timed run folds all of them into a fresh model over the layout
 * the screen's session gives the program (session_go_layout, its diagram's
 * job channel).  The event array is larger than the caches, as a replay's
 * would be.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "bench_gopool.h"
#include "model/model.h"
#include "rec/session_go.h"

/* The run's events; *results the object id of its results channel. */
static ps_event *record(const bench_ctx *c, int jobs, size_t *n_out, ps_layout *layout,
                        uint32_t *results)
{
    ps_params p;
    bench_gorun b;
    char path[4096];
    goprog *g = bench_gopool_load(c, 2, jobs, 64);
    if (!g || bench_gorun_start(&b, g, 0) != 0) {
        goprog_free(g);
        return NULL;
    }
    size_t cap = (size_t)jobs * 7 + 1024, n = 0;
    ps_event *ev = malloc(cap * sizeof(ps_event));
    while (!run_finished(b.r)) {
        if (n + 256 > cap) {
            cap *= 2;
            ev = realloc(ev, cap * sizeof(ps_event));
        }
        size_t k = bus_poll(b.r->bus, ev + n, 256);
        n += k;
        if (!k)
            bus_wait(b.r->bus, 10000000);
    }
    int status = bench_gorun_end(&b);
    for (size_t i = 0; i < n; i++)
        if (bench_gopool_is_chan(g, &ev[i], "results"))
            *results = ev[i].obj;
    session_go_layout(&p, layout, bench_gopool_path(c, path, sizeof path));
    layout->job_line = goprog_job_line(g);
    goprog_free(g);
    if (status != 0) {
        free(ev);
        return NULL;
    }
    *n_out = n;
    return ev;
}

/* The results main received, as the model's results channel counts them. */
static uint64_t results_received(const model *m, uint32_t results)
{
    const model_obj *o = model_obj_find(m, results);
    return o ? o->received : 0;
}

int bench_model(const bench_ctx *c)
{
    int jobs = c->quick ? 20000 : 200000;
    size_t n = 0;
    ps_layout layout;
    uint32_t results = UINT32_MAX;
    ps_event *ev = record(c, jobs, &n, &layout, &results);
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
        if (m->events != n || m->seq_errors || results_received(m, results) != (uint64_t)jobs ||
            !m->ended) {
            fprintf(stderr, "model: fold disagrees with the run\n");
            bad = 1;
        }
        model_free(m);
    }
    if (!bad) {
        char note[128];
        snprintf(note, sizeof note, "%zu events (%.0f MB) from worker_pool.go, %d jobs", n,
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
