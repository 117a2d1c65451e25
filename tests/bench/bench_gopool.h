/* bench_gopool.h - the benchmarks' worker pool, a Go program
 * (tests/bench/go/worker_pool.go: pool.go's program with its arguments as
 * constants that --set overrides), run in this process as `poolscope
 * --headless` runs a program (app/gorun.c): loaded and checked once
 * (goprog_load), then per run a fresh machine (goprog_vm) started on the
 * engine (gort_start: main on its thread, every goroutine a thread of its
 * own); this thread is the consumer.  Rows pool, model, heavy and
 * consumer. */
#ifndef PS_BENCH_GOPOOL_H
#define PS_BENCH_GOPOOL_H

#include <stdio.h>
#include <string.h>

#include "bench.h"
#include "go/goprog.h"
#include "go/gort.h"
#include "rt/run.h"

/* tests/bench/go/worker_pool.go (beside pool.go) into buf. */
static inline const char *bench_gopool_path(const bench_ctx *c, char *buf, size_t len)
{
    bench_src_path(c, "go/worker_pool.go", buf, len);
    return buf;
}

/* The pool with numWorkers, numJobs and the jobs channel's capacity set;
 * NULL (the message on stderr) if it does not load. */
static inline goprog *bench_gopool_load(const bench_ctx *c, int workers, long jobs, int qcap)
{
    char path[4096], w[24], j[24], q[24], err[1024];
    snprintf(w, sizeof w, "%d", workers);
    snprintf(j, sizeof j, "%ld", jobs);
    snprintf(q, sizeof q, "%d", qcap);
    const char *names[] = {"numWorkers", "numJobs", "qcap"}, *values[] = {w, j, q};
    goprog *g =
        goprog_load(bench_gopool_path(c, path, sizeof path), 3, names, values, err, sizeof err);
    if (!g)
        fprintf(stderr, "%s\n", err);
    return g;
}

/* 1 if e is an object event making the program's channel called name. */
static inline int bench_gopool_is_chan(const goprog *g, const ps_event *e, const char *name)
{
    const char *n = e->kind == EV_OBJECT && e->arg == PS_OBJ_CHAN
                        ? goprog_object_name(g, PS_OBJ_CHAN, e->line, e->value)
                        : NULL;
    return n && !strcmp(n, name);
}

typedef struct bench_gorun {
    gvm vm;
    ps_run *r;
} bench_gorun;

/* The program's own output ("jobs N"): not part of what is measured. */
static inline void bench_gorun_discard(void *ctx, int fd, const char *p, size_t n)
{
    (void)ctx, (void)fd, (void)p, (void)n;
}

/* Starts a run of g (not owned) in RUN mode at full speed, as headless
 * does (its options: gorun_opts); quiet: no goroutine publishes
 * (--no-events).  0, or -1 with the message on stderr. */
static inline int bench_gorun_start(bench_gorun *b, goprog *g, int quiet)
{
    memset(b, 0, sizeof *b);
    if (goprog_vm(g, &b->vm, 1, bench_gorun_discard, NULL) != 0) {
        fprintf(stderr, "bench: out of memory\n");
        return -1;
    }
    run_program_opts o = {.mode = PACER_RUN,
                          .speed_milli = PACER_SPEED_MAX,
                          .main_stack_size = (size_t)1 << 30,
                          .quiet = quiet,
                          .max_goroutines = GORT_MAX_GOROUTINES,
                          .goroutine_ring_cap = GORT_RING_CAP};
    const char *err = NULL;
    if (gort_start(&b->vm, &o, &b->r, &err) != 0) {
        fprintf(stderr, "bench: %s\n", err ? err : "cannot start the program");
        if (b->r)
            gort_free(&b->vm);
        vm_free(&b->vm);
        return -1;
    }
    return 0;
}

/* Once run_finished: joins the threads and frees the run; the program's
 * exit status (0: every result came back). */
static inline int bench_gorun_end(bench_gorun *b)
{
    run_join(b->r);
    int status = 0;
    if (!run_exit_status(b->r, &status))
        status = 0;
    gort_free(&b->vm);
    vm_free(&b->vm);
    return status;
}

#endif
