/* gotest.h - the engine tests' way to run a Go scenario as the screen does:
 * a Go session (rec/session_go.h) over a program of assets/scenarios (or
 * any path, or a source text), every event collected in order and folded
 * into a model over the session's layout.  The program's own output is
 * kept by the session; gotest_output reads it. */
#ifndef PS_GOTEST_H
#define PS_GOTEST_H

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "go/goprog.h"
#include "model/model.h"
#include "rec/session_go.h"

typedef struct gotest {
    session *s;
    model m;
    ps_event *events; /* every event, in order */
    size_t n, cap;
    int deadlocked; /* the session said every goroutine was asleep */
} gotest;

/* assets/scenarios/NAME.go of the source tree, into buf. */
static inline const char *gotest_scenario(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/scenarios/%s.go", PS_SOURCE_ASSETS, name);
    return buf;
}

static inline void gotest_collect(gotest *t, const ps_event *e)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4096;
        t->events = realloc(t->events, t->cap * sizeof(ps_event));
        ck_assert_ptr_nonnull(t->events);
    }
    t->events[t->n++] = *e;
    model_apply(&t->m, e);
}

/* Starts program g (owned from here) in mode; fails the test on error. */
static inline void gotest_start_prog(gotest *t, goprog *g, const char *path, pacer_mode mode,
                                     int64_t speed_milli, uint64_t seed)
{
    memset(t, 0, sizeof *t);
    ck_assert_ptr_nonnull(g);
    run_program_opts o = {.mode = mode, .speed_milli = speed_milli};
    const char *err = NULL;
    t->s = session_go_create(g, path, &o, seed, &err);
    ck_assert_msg(t->s != NULL, "session_go_create %s: %s", path, err ? err : "?");
    ck_assert_int_eq(model_init(&t->m, &t->s->layout), 0);
}

/* Loads and starts the Go file at path with nsets --set values. */
static inline void gotest_start(gotest *t, const char *path, pacer_mode mode, int64_t speed_milli,
                                int nsets, const char *const names[], const char *const values[])
{
    char err[512] = "";
    goprog *g = goprog_load(path, nsets, names, values, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    gotest_start_prog(t, g, path, mode, speed_milli, 0);
}

/* The built-in scenario NAME (assets/scenarios/NAME.go). */
static inline void gotest_start_scenario(gotest *t, const char *name, pacer_mode mode,
                                         int64_t speed_milli)
{
    char path[4096];
    gotest_start(t, gotest_scenario(name, path, sizeof path), mode, speed_milli, 0, NULL, NULL);
}

static inline size_t gotest_drain(gotest *t)
{
    ps_event buf[256];
    size_t n = session_poll(t->s, buf, 256);
    for (size_t i = 0; i < n; i++)
        gotest_collect(t, &buf[i]);
    return n;
}

/* Drains until no event will come (in step mode stepping PACER_ANY); a
 * deadlock stops the run, as the screen does. */
static inline void gotest_finish(gotest *t)
{
    while (!t->s->ops->finished(t->s)) {
        if (gotest_drain(t))
            continue;
        if (t->s->ops->deadlocked(t->s)) {
            t->deadlocked = 1;
            t->s->ops->stop(t->s);
        }
        pacer_view v;
        t->s->ops->view(t->s, &v);
        if (v.mode == PACER_STEP) {
            if (t->s->ops->step(t->s, PACER_ANY) < 0)
                t->s->ops->wait(t->s, 1000000);
        } else {
            t->s->ops->wait(t->s, 20000000);
        }
    }
    gotest_drain(t);
}

/* What the program wrote to its stdout so far (the last cap - 1 bytes). */
static inline size_t gotest_output(gotest *t, char *buf, size_t cap)
{
    return session_go_output(t->s, buf, cap);
}

static inline void gotest_free(gotest *t)
{
    t->s->ops->destroy(t->s);
    model_free(&t->m);
    free(t->events);
    memset(t, 0, sizeof *t);
}

#endif
