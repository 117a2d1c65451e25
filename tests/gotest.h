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
#include <fcntl.h>
#include <unistd.h>

#include "version.h" /* PS_SOURCE_ASSETS */

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

/* Starts program g (owned from here) with the engine options o (mode,
 * speed, ring sizes...) and select's seed; fails the test on error. */
static inline void gotest_start_prog_opts(gotest *t, goprog *g, const char *path,
                                          const run_program_opts *o, uint64_t seed)
{
    memset(t, 0, sizeof *t);
    ck_assert_ptr_nonnull(g);
    const char *err = NULL;
    t->s = session_go_create(g, path, o, seed, &err);
    ck_assert_msg(t->s != NULL, "session_go_create %s: %s", path, err ? err : "?");
    ck_assert_int_eq(model_init(&t->m, &t->s->layout), 0);
}

/* Starts program g (owned from here) in mode; fails the test on error. */
static inline void gotest_start_prog(gotest *t, goprog *g, const char *path, pacer_mode mode,
                                     int64_t speed_milli, uint64_t seed)
{
    run_program_opts o = {.mode = mode, .speed_milli = speed_milli};
    gotest_start_prog_opts(t, g, path, &o, seed);
}

/* Loads the Go file at path with nsets --set values: NULL-checked, owned
 * by the caller (or by the session it is given to). */
static inline goprog *gotest_load(const char *path, int nsets, const char *const names[],
                                  const char *const values[])
{
    char err[512] = "";
    goprog *g = goprog_load(path, nsets, names, values, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    return g;
}

/* The Go file at path with nsets --set values, under the options o. */
static inline void gotest_start_opts(gotest *t, const char *path, const run_program_opts *o,
                                     uint64_t seed, int nsets, const char *const names[],
                                     const char *const values[])
{
    gotest_start_prog_opts(t, gotest_load(path, nsets, names, values), path, o, seed);
}

/* Loads and starts the Go file at path with nsets --set values. */
static inline void gotest_start(gotest *t, const char *path, pacer_mode mode, int64_t speed_milli,
                                int nsets, const char *const names[], const char *const values[])
{
    gotest_start_prog(t, gotest_load(path, nsets, names, values), path, mode, speed_milli, 0);
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

/* The run's virtual clock now (ns). */
static inline uint64_t gotest_vnow(gotest *t)
{
    pacer_view v;
    t->s->ops->view(t->s, &v);
    return v.vnow;
}

/* The events collected so far of kind by actor (-1: anyone). */
static inline size_t gotest_count(const gotest *t, int kind, int actor)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += t->events[i].kind == kind && (actor < 0 || t->events[i].actor == (uint32_t)actor);
    return n;
}

/* The index of the first event collected from index 'from' on of kind by
 * actor (-1: anyone), or t->n. */
static inline size_t gotest_find(const gotest *t, size_t from, int kind, int actor)
{
    for (size_t i = from; i < t->n; i++)
        if (t->events[i].kind == kind && (actor < 0 || t->events[i].actor == (uint32_t)actor))
            return i;
    return t->n;
}

/* The n-th (0 first) object of kind (PS_OBJ_*) the program made, as the
 * model folded it; fails the test if there is none. */
static inline const model_obj *gotest_obj(const gotest *t, int kind, int n)
{
    for (int i = 0, k = 0; i < t->m.n_objs; i++)
        if (t->m.objs[i].kind == kind && k++ == n)
            return &t->m.objs[i];
    ck_abort_msg("no object of kind %d number %d", kind, n);
    return NULL;
}

/* tests/data/NAME of the source tree, into buf. */
static inline const char *gotest_data(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/../tests/data/%s", PS_SOURCE_ASSETS, name);
    return buf;
}

/* What the program wrote to its stdout so far (the last cap - 1 bytes). */
static inline size_t gotest_output(gotest *t, char *buf, size_t cap)
{
    return session_go_output(t->s, buf, cap);
}

/* Ends the run.  The program's output, which the session keeps for
 * gotest_output, is dropped (the session would write it to stdout). */
static inline void gotest_free(gotest *t)
{
    fflush(stdout);
    int out = dup(1), null = open("/dev/null", O_WRONLY);
    if (out >= 0 && null >= 0)
        dup2(null, 1);
    t->s->ops->destroy(t->s);
    if (out >= 0 && null >= 0)
        dup2(out, 1);
    if (out >= 0)
        close(out);
    if (null >= 0)
        close(null);
    model_free(&t->m);
    free(t->events);
    memset(t, 0, sizeof *t);
}

#endif
