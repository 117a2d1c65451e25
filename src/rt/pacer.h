/* pacer.h - the virtual clock and the gate every thread passes at each step point.
 *
 * Modes:
 *   RUN    step points pass freely (one relaxed atomic load); timed work
 *          follows the virtual clock, which runs at speed x real time.
 *   PAUSE  each thread stops at its next step point; timed work freezes;
 *          the virtual clock stands still.
 *   STEP   a step is granted only when every live thread is quiescent
 *          (stopped at a step point, in timed work, blocked in a primitive,
 *          or done); then exactly one thread runs to its next step point.
 *          The virtual clock moves only when a step finishes timed work: it
 *          jumps to that work's end.
 *
 * Default step rule (pacer_choose with PACER_ANY): the thread stopped at a step
 * point that has been ready longest (the lowest step count at which it
 * arrived; ties go to the lowest actor id, main first); if none, the thread
 * whose timed work ends first (ties: lowest id).  Both orders depend only on
 * the events so far, so the same start and the same keys give the same run.
 *
 * Threads woken by a primitive publish nothing before their next step point:
 * the waker publishes the hand-off on their behalf, so a step's events come
 * from one thread in one order.
 */
#ifndef PS_PACER_H
#define PS_PACER_H

#include <stdatomic.h>
#include <stdint.h>

#include "sync/parker.h"

typedef enum pacer_mode { PACER_RUN = 0, PACER_PAUSE = 1, PACER_STEP = 2 } pacer_mode;

typedef enum pacer_state {
    PA_RUNNING = 0, /* between step points (not quiescent) */
    PA_AT_POINT,    /* stopped at a step point: ready */
    PA_TIMED,       /* in timed work (ready in step mode: finishes the job) */
    PA_BLOCKED,     /* parked in a primitive */
    PA_DONE,        /* exited */
} pacer_state;

/* The most slots a pacer_view describes (main and 64 workers); a program's
 * goroutines beyond them: pacer_view_range. */
#define PACER_VIEW_MAX 65

#define PACER_ANY (-1)
/* pacer_choose results (negative) */
#define PACER_EBUSY (-1)     /* not every thread reached quiescence in time */
#define PACER_ENOTREADY (-2) /* the asked thread is blocked or done */
#define PACER_ENONE (-3)     /* no thread can move (all blocked or done) */
#define PACER_EMODE (-4)     /* not in step mode */
#define PACER_ESTOPPED (-5)

#define PACER_SPEED_MIN 100    /* thousandths: 0.1x */
#define PACER_SPEED_MAX 100000 /* 100x */

typedef struct pacer pacer;

/* One slot: the actor in it (its last one once PA_DONE) and its state. */
typedef struct pacer_slot_view {
    uint8_t state;
    int id;            /* actor id: a scenario's is its slot */
    uint64_t deadline; /* PA_TIMED: virtual end of the work */
} pacer_slot_view;

typedef struct pacer_view {
    int n_actors; /* slots ever used: a scenario's actors; a program's high-water mark */
    pacer_mode mode;
    int64_t speed_milli;
    uint64_t vnow;
    uint64_t steps;
    int next_default; /* who (actor id) PACER_ANY would move now, or -1 */
    int torn;         /* 1: the states below are not one snapshot (threads block and
                         wake without the pacer's lock in RUN mode; the reader gave up
                         after many tries) */
    int live, active; /* threads not done, and of them not blocked (pacer_counts) */
    int deadlocked;   /* pacer_deadlocked, exact (not from the states below) */
    pacer_slot_view actors[PACER_VIEW_MAX]; /* slots 0..PACER_VIEW_MAX-1 */
} pacer_view;

/* n_actors slots, every one live (running) from the start: a scenario's
 * threads, actor id i in slot i. */
pacer *pacer_create(int n_actors, pacer_mode mode, int64_t speed_milli);
/* n_slots slots, none live: a program's goroutines enter (pacer_enter) and
 * exit (pacer_exit); actor id a takes slot a % n_slots. */
pacer *pacer_create_slots(int n_slots, pacer_mode mode, int64_t speed_milli);
void pacer_destroy(pacer *p);
/* Before any thread runs: fn(ctx) is called by the thread whose block or
 * exit leaves live threads of which none is active (pacer_deadlocked), with
 * whatever lock that thread holds: it must not block. */
void pacer_on_deadlock(pacer *p, void (*fn)(void *ctx), void *ctx);

/* ---- thread side ---- */

/* The gate word: 0 means RUN and not stopping.  Fast path of pacer_point. */
static inline int pacer_gate(pacer *p);
int pacer_point_slow(pacer *p, int actor);
/* A step point, before a visible action.  0 to go on; -1 if the run stops. */
static inline int pacer_point(pacer *p, int actor)
{
    return pacer_gate(p) ? pacer_point_slow(p, actor) : 0;
}
/* Timed work of dur virtual ns from vstart.  On return *vend is the virtual
 * time it ended (exactly vstart + dur).  It is a step point.  -1 if stopping. */
int pacer_work(pacer *p, int actor, uint64_t vstart, uint64_t dur, uint64_t *vend);
/* Timed work that a cancellation cuts short (errgroup's ctx.Done()): as
 * pacer_work, but once pacer_cancel was called it ends at its next step
 * point and returns 1, *vend being the virtual time it stopped.  In step
 * mode a cancelled work turns into a thread stopped at a step point: the
 * grant that lets it see the cancellation does not move the clock. */
int pacer_work_cancellable(pacer *p, int actor, uint64_t vstart, uint64_t dur, uint64_t *vend);
/* Cancels every cancellable timed work, now and later (set once). */
void pacer_cancel(pacer *p);
/* Called with the primitive's lock held, before parking: now quiescent. */
void pacer_block(pacer *p, int actor);
/* Parks the calling actor (blocked in a primitive).  -1 if the run stops. */
int pacer_park(pacer *p, int actor);
/* Called with the primitive's lock held by the waker, before the waiter can
 * see its hand-off: running again (see actor_wake for why before). */
void pacer_wake(pacer *p, int actor);
/* Then: wakes the actor if it sleeps in pacer_park. */
void pacer_unpark(pacer *p, int actor);
/* The thread is done; it no longer counts for quiescence. */
void pacer_exit(pacer *p, int actor);
/* A new thread takes actor's free slot (PA_DONE), running from now on; its
 * creator, running too, calls it before the thread exists.  -1 if the slot
 * is in use. */
int pacer_enter(pacer *p, int actor);

/* Live threads (not done) and, of those, active ones (not blocked in a
 * primitive: running, at a step point or in timed work).  Every block,
 * wake, start and exit changes both with one atomic add. */
void pacer_counts(pacer *p, int *live, int *active);
/* 1 if threads are live, none is active and the run is not stopping: every
 * one is blocked in a primitive and none can wake another (Go's "all
 * goroutines are asleep - deadlock!").  Exact: a block is counted before its
 * waker can count the wake (under the primitive's lock), and a wake before
 * the woken thread can block again (actor_wake), so the count reaches 0 only
 * at an instant at which every live thread was blocked with no hand-off on
 * its way.  A sleeping thread, or one held at a step point by a pause, is
 * active. */
int pacer_deadlocked(pacer *p);

/* Virtual now (ns). Lock-free (seqlock). */
uint64_t pacer_vnow(pacer *p);
/* Virtual time at real monotonic time now_ns (from clock_now_ns), so a caller
 * that already read the clock does not read it twice. */
uint64_t pacer_vnow_at(pacer *p, uint64_t now_ns);

/* ---- controller side ---- */
void pacer_set_mode(pacer *p, pacer_mode mode);
pacer_mode pacer_get_mode(pacer *p);
/* Clamped to PACER_SPEED_MIN..MAX; returns the speed set. */
int64_t pacer_set_speed(pacer *p, int64_t speed_milli);
/* A step, in two halves so the controller can publish its ctl-step event
 * before the thread moves (run_step does both).  Step mode: choose waits up
 * to timeout_ns for quiescence and names the actor that actor (or PACER_ANY)
 * means, or returns a PACER_E* code; nothing can move in between, since
 * every thread waits for the controller; grant lets it move. */
int pacer_choose(pacer *p, int actor, uint64_t timeout_ns);
void pacer_grant(pacer *p, int actor);
/* Waits up to timeout_ns until every live thread is quiescent.  1 if so. */
int pacer_wait_quiescent(pacer *p, uint64_t timeout_ns);
void pacer_view_get(pacer *p, pacer_view *v);
/* Slots first..first+n-1 (of those ever used) into out; returns how many.
 * One collect under the pacer's lock, not a snapshot in RUN mode. */
int pacer_view_range(pacer *p, int first, int n, pacer_slot_view *out);
/* v->deadlocked: pacer_deadlocked when v was taken. */
int pacer_view_deadlocked(const pacer_view *v);
/* Every wait returns -1 from now on; threads unwind and exit. */
void pacer_stop(pacer *p);

/* ---- inline ---- */
struct pacer_gate_word {
    _Atomic int gate;
};
static inline int pacer_gate(pacer *p)
{
    /* relaxed: a hint.  A thread that misses a just-set pause passes one more
     * point, exactly as if it had passed it before the pause; the slow path
     * then synchronises through the pacer's mutex. */
    return atomic_load_explicit(&((struct pacer_gate_word *)(void *)p)->gate, memory_order_relaxed);
}

#endif
