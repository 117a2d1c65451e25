/* recgen.h - writes a plausible worker-pool recording of any size, fast:
 * main sends each job, a worker takes it, works, sends the result, main
 * takes the result; then (with 'close') the close and every thread's exit.
 * Used where a test needs a large recording (seek, the replay screen). */
#ifndef PS_RECGEN_H
#define PS_RECGEN_H

#include <check.h>

#include "rec/record.h"

typedef struct recgen {
    recorder *rec;
    uint64_t seq, vt;
} recgen;

static inline void recgen_emit(recgen *g, int actor, int kind, uint32_t obj, int64_t arg,
                               int64_t value)
{
    ps_event e = {.seq = g->seq++,
                  .vt_ns = g->vt,
                  .rt_ns = g->vt / 10,
                  .actor = (uint32_t)actor,
                  .kind = (uint16_t)kind,
                  .obj = obj,
                  .arg = arg,
                  .value = value};
    ck_assert_int_eq(record_event(g->rec, &e), 0);
}

/* 6 events a job, plus the start (and with 'close' the ending); each job
 * advances virtual time by job_vt.  *p gets the recorded parameters. */
static inline void recgen_pool(const char *path, ps_params *p, int workers, int64_t jobs,
                               uint64_t job_vt, int close)
{
    char err[256];
    scenario_defaults("worker-pool", p);
    p->workers = workers;
    p->jobs = (int)jobs;
    recgen g = {record_open(path, p, err, sizeof err), 0, 0};
    ck_assert_msg(g.rec != NULL, "%s", err);
    recgen_emit(&g, 0, EV_SCENARIO_START, 0, workers, jobs);
    for (int w = 1; w <= workers; w++)
        recgen_emit(&g, w, EV_THREAD_START, 0, 0, 0);
    for (int64_t j = 1; j <= jobs; j++) {
        int w = (int)((j - 1) % workers) + 1;
        recgen_emit(&g, 0, EV_Q_SEND, 0, j, 1);
        recgen_emit(&g, w, EV_Q_RECV, 0, j, 0);
        recgen_emit(&g, w, EV_JOB_STARTED, 0, j, 1000000);
        g.vt += job_vt;
        recgen_emit(&g, w, EV_JOB_FINISHED, 0, j, 0);
        recgen_emit(&g, w, EV_Q_SEND, 1, 2 * j, 1);
        recgen_emit(&g, 0, EV_Q_RECV, 1, 2 * j, 0);
    }
    if (close) {
        recgen_emit(&g, 0, EV_Q_CLOSE, 0, 0, 0);
        for (int w = 1; w <= workers; w++) {
            recgen_emit(&g, w, EV_Q_RECV_CLOSED, 0, 0, 0);
            recgen_emit(&g, w, EV_THREAD_EXIT, 0, 0, 0);
        }
    }
    recgen_emit(&g, 0, EV_SCENARIO_END, 0, 0, 0);
    if (close)
        recgen_emit(&g, 0, EV_THREAD_EXIT, 0, 0, 0);
    ck_assert_int_eq(record_close(g.rec, err, sizeof err), 0);
}

#endif
