/* run.h - one run of a program: its goroutines' threads, bus and pacer.
 *
 * run_create_program builds it; run_start_program starts main, and every
 * goroutine a `go` statement starts (run_go) is a pthread of its own,
 * created on demand with the UI thread's signals blocked (run_signals.h;
 * faults stay unblocked so a crash handler runs in whichever thread
 * crashed) and joined after it exits.  The one consumer polls the bus until
 * run_finished, then joins.  run_stop makes every wait return so that all
 * threads unwind; the consumer keeps draining while they do, so nothing is
 * lost and nobody waits on a full ring forever.
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

/* run_go: max_goroutines are live (or a thread or a lane could not be made:
 * run_go_limit says which); the caller reports it, nothing crashes. */
#define PS_ELIMIT (-10)

struct run_prog;

typedef struct ps_run {
    ps_params params;
    ps_layout layout;
    bus *bus;
    pacer *pacer;
    uint64_t rt0;
    ps_actor ctl;     /* the controller's own producer: pause, step, speed */
    _Atomic int live; /* threads not yet exited */
    int test_fault;   /* test hook: a signal or 0; plain, set before pthread_create orders it */
    struct run_prog *prog; /* the goroutines (run_prog.c) */
} ps_run;

/* Benchmarks: the same threads and primitives, no events (RUN mode only).
 * Call before run_start.  Every actor, the controller's too, skips its clock
 * read and publish, so bus_published stays 0 and run_finished means every
 * thread exited.  Timed work still reads the clock once: the pacer needs
 * its virtual start, instrumented or not.  Step mode and pause are not supported quiet: the pacer
 * still obeys them, but with no events no consumer can tell what to step
 * (no ctl-step events, no model), so use PACER_RUN. */
void run_set_quiet(ps_run *r, int quiet);
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

/* ---- goroutine side ---- */
/* sleep / wake around dur virtual ns. */
int run_sleep(ps_actor *self, uint64_t dur);
/* A sleep that began at virtual instant vfrom (a timer's, set by another
 * thread before this one ran): it ends at vfrom + dur, or now if that has
 * passed.  Its events say so: the sleep event's value is what was left. */
int run_sleep_from(ps_actor *self, uint64_t vfrom, uint64_t dur);

/* ---- programs: goroutines started on demand (the Go interpreter) ----
 *
 * Main is actor 0 (Go's goroutine 1), the controller PS_ACTOR_CTL.  Each
 * goroutine gets the next free id (never reused in a run; ids whose slot,
 * id % max_goroutines, still holds a live goroutine are skipped, so there
 * are gaps), its own thread with a small stack, its own lane in the bus
 * (opened when it starts, reused once drained after it exits) and its
 * pacer slot.  Events: main publishes scenario-start (arg = max_goroutines)
 * first and scenario-end (value = exit status) when the program ends; a go
 * statement publishes thread-start about the new goroutine (arg = the
 * parent's id) before the thread exists; each goroutine publishes
 * thread-exit last (value PS_ELIMIT from the parent if its thread could not
 * be made).  So every goroutine has one thread-start and one thread-exit.
 */
typedef int (*run_go_fn)(ps_actor *self, void *arg);

#define RUN_GOROUTINES_DEFAULT 10000
#define RUN_GOROUTINES_MAX                                                                         \
    30000 /* kernel.pid_max is 32768 here, vm.max_map_count                                        \
             65530: two mappings a thread stack */
#define RUN_STACK_DEFAULT (256u * 1024u)
#define RUN_MAIN_STACK_DEFAULT (64u * 1024u * 1024u) /* a tree-walker recurses */
#define RUN_GO_RING_DEFAULT 64                       /* events a goroutine's lane holds */

typedef struct run_program_opts {
    int max_goroutines;        /* live at once, main included; 0: RUN_GOROUTINES_DEFAULT,
                                  at most RUN_GOROUTINES_MAX */
    size_t stack_size;         /* a goroutine's thread stack; 0: RUN_STACK_DEFAULT */
    size_t main_stack_size;    /* main's; 0: RUN_MAIN_STACK_DEFAULT */
    pacer_mode mode;           /* PACER_RUN (0), PACER_PAUSE or PACER_STEP */
    int64_t speed_milli;       /* 0: 1000 (1x) */
    size_t ring_cap;           /* main's and the controller's lanes; 0: RUN_RING_DEFAULT */
    size_t goroutine_ring_cap; /* every other goroutine's; 0: RUN_GO_RING_DEFAULT */
    int quiet;                 /* 1: no goroutine publishes (run_prog_set_quiet); RUN mode only */
} run_program_opts;

/* A program run, no thread started.  NULL with *err set (bad options, ENOMEM). */
ps_run *run_create_program(const run_program_opts *o, const char **err);
/* Starts main: main_fn(main's actor, arg) on its own thread, with the UI
 * thread's signals blocked (run_signals.h) as every goroutine has them.
 * When main_fn returns (its value is the exit status) the program ends as
 * in Go: run_program_exit.  0, or -1 if the thread could not be made (the
 * run is then stopped and finished). */
int run_start_program(ps_run *r, run_go_fn main_fn, void *arg);
/* Go's `go fn(arg)` from goroutine self: a step point, then a new goroutine
 * running fn(its actor, arg); its id in *id_out (may be NULL).  PS_OK,
 * PS_ESTOPPED, or PS_ELIMIT: max_goroutines live, the ids used up, or no
 * thread (EAGAIN: kernel.pid_max, ulimit -u, vm.max_map_count) or lane
 * (ENOMEM) for it; run_go_limit names it.  Exited goroutines' threads are
 * joined by the next run_go (a batch at a time) and the rest by run_join. */
int run_go(ps_run *r, ps_actor *self, run_go_fn fn, void *arg, int *id_out);
/* run_go with what its thread-start event says of the new goroutine: obj =
 * label (a Go program's: 1 + its function's index, 0: none), value =
 * label_arg (its first argument when that is an integer). */
int run_go_labelled(ps_run *r, ps_actor *self, run_go_fn fn, void *arg, uint32_t label,
                    int64_t label_arg, int *id_out);
/* Why the last PS_ELIMIT of r: a line such as "too many goroutines: 10000
 * live (max_goroutines)", into buf. */
void run_go_limit(ps_run *r, char *buf, size_t len);
/* Ends the program (os.Exit(status), or main returning): a step point, then
 * scenario-end (value = status) and run_stop: every other goroutine unwinds
 * at its next step point or wait (PS_ESTOPPED).  PS_OK for the first call;
 * PS_ESTOPPED if the run was already ending (the status stays the first). */
int run_program_exit(ps_run *r, ps_actor *self, int status);
/* 1 and *status once the program ended through run_program_exit. */
int run_exit_status(ps_run *r, int *status);
/* 1 once every live goroutine was blocked in a channel, mutex, WaitGroup or
 * select wait with none able to wake another (pacer_deadlocked: exact, in
 * RUN, PAUSE and STEP modes; a sleeping goroutine is not blocked).  The
 * goroutine whose block made it so records it and kicks the consumer, which
 * then reports Go's "fatal error: all goroutines are asleep - deadlock!" and
 * stops the run. */
int run_deadlocked(ps_run *r);

/* Stamps the lecture clock (event.h: wt_ns) on n events the consumer has
 * just taken from r's bus: real ns since the run started, one clock read a
 * batch, each at least 1 ns after the one before (*last, the consumer's own),
 * so no two events share a time. */
void run_stamp_wall(const ps_run *r, ps_event *ev, size_t n, uint64_t *last);

#endif
