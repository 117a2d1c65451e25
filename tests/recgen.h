/* recgen.h - writes a plausible recording of a Go worker pool of any size,
 * fast: a version 2 recording of assets/scenarios/worker-pool.go (with
 * --set numJobs=jobs), whose events are shaped as a run of it publishes
 * them.  main makes the jobs and results channels and starts the workers;
 * then per job main sends it, a worker takes it, sleeps, sends the result
 * and main takes the result; then (with 'close') the close, each worker's
 * range ending and every goroutine's exit.  Used where a test needs a large
 * recording (seek, the replay screen). */
#ifndef PS_RECGEN_H
#define PS_RECGEN_H

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "version.h" /* PS_SOURCE_ASSETS */

#include "go/goprog.h"
#include "go/gort.h"
#include "rec/record.h"
#include "rec/session_go.h"

typedef struct recgen {
    recorder *rec;
    uint64_t seq, vt;
} recgen;

static inline void recgen_emit(recgen *g, int actor, int kind, uint32_t obj, int64_t arg,
                               int64_t value, uint32_t line)
{
    ps_event e = {.seq = g->seq++,
                  .vt_ns = g->vt,
                  .rt_ns = g->vt / 10,
                  .actor = (uint32_t)actor,
                  .kind = (uint16_t)kind,
                  .obj = obj,
                  .arg = arg,
                  .value = value,
                  .line = line};
    ck_assert_int_eq(record_event(g->rec, &e), 0);
}

/* The source line of the first line of g that contains text (1-based). */
static inline uint32_t recgen_line(const goprog *g, const char *text)
{
    uint32_t line = 1;
    size_t n = strlen(text);
    for (size_t i = 0; i + n <= g->len; i++) {
        if (!memcmp(g->src + i, text, n))
            return line;
        line += g->src[i] == '\n';
    }
    ck_abort_msg("%s has no line with '%s'", g->path, text);
    return 0;
}

/* The thread-start label of g's function name (1 + its index). */
static inline uint32_t recgen_label(const goprog *g, const char *name)
{
    for (int i = 0; i < g->nlabels; i++)
        if (g->labels[i] && !strcmp(g->labels[i], name))
            return (uint32_t)i + 1;
    ck_abort_msg("%s has no function %s", g->path, name);
    return 0;
}

/* 6 events a job, plus the start (3 and a thread-start per worker; with
 * 'close' the ending); each job advances virtual time by job_vt.  *p gets
 * the recording's parameters, as a replay reads them.  The program starts 3
 * workers: other counts are a stretch its events still fit. */
static inline void recgen_pool(const char *path, ps_params *p, int workers, int64_t jobs,
                               uint64_t job_vt, int close)
{
    char err[512], prog[4096], njobs[32];
    ps_layout l;
    snprintf(prog, sizeof prog, "%s/scenarios/worker-pool.go", PS_SOURCE_ASSETS);
    snprintf(njobs, sizeof njobs, "%lld", (long long)jobs);
    const char *const names[] = {"numJobs"}, *const values[] = {njobs};
    goprog *gp = goprog_load(prog, 1, names, values, err, sizeof err);
    ck_assert_msg(gp != NULL, "%s", err);
    session_go_layout(p, &l, prog);
    recgen g = {record_open_go(path, gp, err, sizeof err), 0, 0};
    ck_assert_msg(g.rec != NULL, "%s", err);
    /* where each statement is: the events carry their lines */
    uint32_t make_jobs = recgen_line(gp, "jobs := make(chan"),
             make_results = recgen_line(gp, "results := make(chan"),
             range = recgen_line(gp, "for j := range jobs"), sleep = recgen_line(gp, "time.Sleep"),
             send_result = recgen_line(gp, "results <- "), send_job = recgen_line(gp, "jobs <- j"),
             close_jobs = recgen_line(gp, "close(jobs)"),
             recv_result = recgen_line(gp, "<-results"), worker = recgen_label(gp, "worker");
    enum { JOBS = 0, RESULTS = 1 }; /* the channels' object ids, in the order made */
    recgen_emit(&g, 0, EV_SCENARIO_START, 0, GORT_MAX_GOROUTINES, 0, 0);
    recgen_emit(&g, 0, EV_OBJECT, JOBS, PS_OBJ_CHAN, jobs, make_jobs);
    recgen_emit(&g, 0, EV_OBJECT, RESULTS, PS_OBJ_CHAN, jobs, make_results);
    for (int w = 1; w <= workers; w++) /* published by main, about W<w>: go worker(w, ...) */
        recgen_emit(&g, w, EV_THREAD_START, worker, 0, w, 0);
    for (int64_t j = 1; j <= jobs; j++) {
        int w = (int)((j - 1) % workers) + 1;
        recgen_emit(&g, 0, EV_Q_SEND, JOBS, j, 1, send_job);
        recgen_emit(&g, w, EV_Q_RECV, JOBS, j, 0, range);
        recgen_emit(&g, w, EV_SLEEP, 0, 0, (int64_t)job_vt, sleep);
        g.vt += job_vt;
        recgen_emit(&g, w, EV_WAKE, 0, 0, (int64_t)job_vt, sleep);
        recgen_emit(&g, w, EV_Q_SEND, RESULTS, 2 * j, 1, send_result);
        recgen_emit(&g, 0, EV_Q_RECV, RESULTS, 2 * j, 0, recv_result);
    }
    if (close) {
        recgen_emit(&g, 0, EV_Q_CLOSE, JOBS, 0, 0, close_jobs);
        for (int w = 1; w <= workers; w++) {
            recgen_emit(&g, w, EV_Q_RECV_CLOSED, JOBS, 0, 0, range);
            recgen_emit(&g, w, EV_THREAD_EXIT, 0, 0, 0, 0);
        }
    }
    recgen_emit(&g, 0, EV_SCENARIO_END, 0, 0, 0, 0);
    if (close)
        recgen_emit(&g, 0, EV_THREAD_EXIT, 0, 0, 0, 0);
    ck_assert_int_eq(record_close(g.rec, err, sizeof err), 0);
    goprog_free(gp);
}

#endif
