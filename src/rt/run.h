/* run.h - one run of a scenario: its threads, objects, bus and pacer.
 *
 * run_create builds everything; run_start starts main and one pthread per
 * worker with the UI thread's signals blocked (run_signals.h; faults stay
 * unblocked so a crash handler runs in whichever thread crashed).  The
 * one consumer polls the bus until run_finished, then joins.  run_stop makes
 * every wait return so that all threads unwind; the consumer keeps draining
 * while they do, so nothing is lost and nobody waits on a full ring forever.
 */
#ifndef PS_RUN_H
#define PS_RUN_H

#include <pthread.h>
#include <stdatomic.h>

#include "actor.h"
#include "bus/bus.h"
#include "chan.h"
#include "counter.h"
#include "mutex.h"
#include "pacer.h"
#include "scenario.h"
#include "waitgroup.h"

#define RUN_RING_DEFAULT 8192

typedef struct ps_run {
    ps_params params;
    ps_layout layout;
    const scenario_def *def;
    bus *bus;
    pacer *pacer;
    uint64_t rt0;
    int n_actors;
    ps_actor actors[PS_MAX_ACTORS];
    ps_actor ctl; /* the controller's own producer: pause, step, speed */
    ps_chan queues[PS_MAX_QUEUES];
    ps_wg wgs[PS_MAX_WGS];
    ps_counter counters[PS_MAX_COUNTERS];
    ps_mutex mutexes[PS_MAX_MUTEXES];
    pthread_t threads[PS_MAX_ACTORS];
    int n_threads; /* created so far */
    ps_lock spawn_mu;
    uint64_t spawn_stamp;       /* under spawn_mu: its last published key */
    int spawned[PS_MAX_ACTORS]; /* under spawn_mu: 1 once main said go */
    actor_fifo unspawned;       /* under spawn_mu: workers waiting to be spawned */
    _Atomic int live;           /* threads not yet exited */
    _Atomic int64_t outcome;    /* what main reports: 0, or an error code */
    int test_fault; /* test hook: a signal or 0; plain, set before pthread_create orders it */
} ps_run;

/* NULL with *err set to a message on failure (bad params, ENOMEM). */
ps_run *run_create(const ps_params *p, pacer_mode mode, size_t ring_cap, const char **err);
int run_start(ps_run *r);
/* Benchmarks: the same threads and primitives, no events (RUN mode only).
 * Call before run_start.  Every actor, the controller's too, skips its clock
 * read and publish, so bus_published stays 0 and run_finished means every
 * thread exited.  Timed work still reads the clock once: the pacer needs
 * its virtual start, instrumented or not.  Step mode and pause are not supported quiet: the pacer
 * still obeys them, but with no events no consumer can tell what to step
 * (no ctl-step events, no model), so use PACER_RUN. */
void run_set_quiet(ps_run *r, int quiet);
/* Jobs finished, from the threads' own counts (not from events): call after
 * run_join. */
uint64_t run_jobs_done(const ps_run *r);
/* 1 once every thread exited and every event was delivered. */
int run_finished(ps_run *r);
int run_live(ps_run *r);
void run_stop(ps_run *r);
/* Joins all threads; call when run_live() == 0 (or after run_stop while
 * still draining: see run_drain_join). */
void run_join(ps_run *r);
/* Stops, drains (calling fn for each event, may be NULL) and joins. */
void run_shutdown(ps_run *r, void (*fn)(void *ctx, const ps_event *e), void *ctx);
void run_destroy(ps_run *r);

/* Controller: one step (pacer_choose, ctl-step event, pacer_grant).
 * Returns the actor moved or a PACER_E* code. */
int run_step(ps_run *r, int actor, uint64_t timeout_ns);
/* Controller: mode and speed changes, each published as a ctl event. */
void run_set_mode(ps_run *r, pacer_mode mode);
int64_t run_set_speed(ps_run *r, int64_t speed_milli);
/* Controller-side events (one controller thread). */
void run_ctl_emit(ps_run *r, int kind, int64_t arg, int64_t value);

/* ---- used by scenario code (thread side) ---- */
int run_begin(ps_run *r, ps_actor *self); /* scenario-start */
int run_end(ps_run *r, ps_actor *self);   /* scenario-end */
/* main starts worker w (Go's "go worker(w)"): w may run from now on. */
int run_spawn(ps_run *r, ps_actor *self, int w);
/* job-started, timed work of dur virtual ns, job-finished. */
int run_job(ps_actor *self, int64_t job, uint64_t dur);
/* run_job under errgroup's context: once the run is cancelled it stops at
 * its next step point, publishes cancel (arg = job) instead of
 * job-finished and returns PS_ECANCELLED. */
int run_job_ctx(ps_actor *self, int64_t job, uint64_t dur);
/* errgroup's failing Go func: publishes error (arg = job, value = code); the
 * first error becomes the run's outcome and cancels the others. */
int run_fail(ps_run *r, ps_actor *self, int64_t job, int64_t code);
/* sleep / wake around dur virtual ns. */
int run_sleep(ps_actor *self, uint64_t dur);
/* A lecture line from template 'say' of the layout. */
int run_say(ps_actor *self, int say, int64_t job, int64_t value);

#endif
