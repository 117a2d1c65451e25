/* testlib.h - helpers shared by the engine tests: run a scenario to its end
 * (folding every event into a model), and drive the primitives from threads. */
#ifndef PS_TESTLIB_H
#define PS_TESTLIB_H

#include <stdlib.h>
#include <string.h>

#include "model/model.h"
#include "rt/run.h"

typedef struct test_run {
    ps_run *run;
    model m;
    ps_event *events; /* every event, in order */
    size_t n, cap;
} test_run;

/* Collects every delivered event into t (and folds it). */
static inline void test_collect(test_run *t, const ps_event *e)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 1024;
        t->events = realloc(t->events, t->cap * sizeof(ps_event));
    }
    t->events[t->n++] = *e;
    model_apply(&t->m, e);
}

static inline size_t test_drain(test_run *t)
{
    ps_event buf[256];
    size_t n = bus_poll(t->run->bus, buf, 256), i;
    for (i = 0; i < n; i++)
        test_collect(t, &buf[i]);
    return n;
}

/* Creates and starts a run of params p in the given mode. */
/* The run and its model, threads not started yet (to set it up first). */
static inline int test_create(test_run *t, const ps_params *p, pacer_mode mode, size_t ring)
{
    const char *err;
    memset(t, 0, sizeof(*t));
    t->run = run_create(p, mode, ring, &err);
    if (!t->run)
        return -1;
    return model_init(&t->m, &t->run->layout) ? -1 : 0;
}

static inline int test_start(test_run *t, const ps_params *p, pacer_mode mode, size_t ring)
{
    return test_create(t, p, mode, ring) ? -1 : run_start(t->run);
}

/* Drains until every thread exited; in step mode steps with the default rule. */
static inline void test_finish(test_run *t)
{
    while (!run_finished(t->run)) {
        if (test_drain(t))
            continue;
        if (pacer_get_mode(t->run->pacer) == PACER_STEP) {
            if (run_step(t->run, PACER_ANY, 1000000000u) < 0)
                bus_wait(t->run->bus, 1000000);
        } else {
            bus_wait(t->run->bus, 50000000);
        }
    }
    test_drain(t);
    run_join(t->run);
}

/* Upper time bounds are multiplied by PS_TIME_SLACK (valgrind and the
 * sanitizers slow threads down); lower bounds are semantics and never move. */
static inline double test_slack(void)
{
    const char *s = getenv("PS_TIME_SLACK");
    double v = s ? atof(s) : 1.0;
    return v >= 1.0 ? v : 1.0;
}

static inline void test_free(test_run *t)
{
    model_free(&t->m);
    run_destroy(t->run);
    free(t->events);
}

#endif
