/* actor.h - one thread of a scenario: who it is and how it publishes.
 *
 * A primitive that blocks keeps its waiters as a FIFO of actors; the waiter
 * fields below belong to the primitive whose lock is held while they change.
 */
#ifndef PS_ACTOR_H
#define PS_ACTOR_H

#include <stdatomic.h>
#include <stdint.h>

#include "bus/bus.h"
#include "sync/clock.h"
#include "bus/event.h"
#include "pacer.h"

#define PS_VT_NOW UINT64_MAX

/* Results of the instrumented primitives. */
#define PS_OK 0
#define PS_ESTOPPED (-1)  /* the run is stopping: unwind */
#define PS_ECLOSED (-2)   /* receive: closed and drained; send: on a closed queue */
#define PS_ENEGATIVE (-3) /* WaitGroup counter would go negative */
#define PS_ECANCELLED (-4)

typedef struct ps_actor ps_actor;
struct ps_run;
struct ps_actor {
    /* Own cache line(s): W1 and W2 write their waiter fields and counts on
     * every job, and a shared line would move between the cores each time. */
    _Alignas(64) struct ps_run *run; /* the run it belongs to */
    int id;                          /* PS_ACTOR_MAIN, 1..workers, or the controller */
    int producer;                    /* its ring in the bus */
    /* 1: emits nothing (run_set_quiet).  Set before run_start, read-only
     * afterwards (pthread_create orders the store): a plain int, no atomics. */
    int quiet;
    bus *bus;
    pacer *pacer;
    uint64_t rt0; /* real time of the scenario's start */
    /* waiter fields: under the lock of the primitive it waits in */
    ps_actor *wnext;
    int64_t witem;
    int wresult;
    _Atomic int wdone;  /* set (release) by the waker, read (acquire) by the waiter */
    uint64_t jobs_done; /* written by its own thread only; read after the join */
};

/* Publishes one event with subject 'who' (usually self->id: a waker publishes
 * the hand-off for the thread it wakes).  vt = PS_VT_NOW takes the clock.
 * A quiet actor returns at once: no clock read, no event. */
void actor_emit_full(ps_actor *self, int who, int kind, uint32_t obj, int64_t arg, int64_t value,
                     uint64_t vt);

/* The same with the real time given: now is a clock_now_ns() reading the
 * caller just took (and used for vt), so an event costs one clock read. */
void actor_emit_at(ps_actor *self, int who, int kind, uint32_t obj, int64_t arg, int64_t value,
                   uint64_t vt, uint64_t now);

/* Publishes an event inside a primitive's critical section without reading
 * the clock there: now is a clock_now_ns() reading taken before the lock,
 * and *last (under the same lock) the stamp of the lock's previous event.
 * The stamp is max(now, *last + 1): a hybrid logical clock.  It is larger
 * than every stamp published under the lock before, so stamps still respect
 * happens-before (bus.h), and never ahead of the real time at which it is
 * taken, so events stamped later by the clock itself come after it. */
void actor_emit_locked(ps_actor *self, uint64_t *last, uint64_t now, int who, int kind,
                       uint32_t obj, int64_t arg, int64_t value);

/* The 'now' for actor_emit_locked: no clock read when nothing is published. */
static inline uint64_t actor_clock(const ps_actor *self)
{
    return self->quiet ? 0 : clock_now_ns();
}

static inline void actor_emit(ps_actor *self, int kind, uint32_t obj, int64_t arg, int64_t value)
{
    actor_emit_full(self, self->id, kind, obj, arg, value, PS_VT_NOW);
}

static inline int actor_point(ps_actor *self)
{
    return pacer_point(self->pacer, self->id);
}

/* Parks until a waker sets wdone (0) or the run stops (PS_ESTOPPED).  The
 * caller has queued itself and called pacer_block under the primitive lock. */
int actor_wait_handoff(ps_actor *self);
/* Waker side, under the primitive lock: hand over result and wake. */
void actor_handoff(ps_actor *waker, ps_actor *waiter, int64_t item, int result);

/* A FIFO of waiting actors (intrusive through wnext). */
typedef struct actor_fifo {
    ps_actor *head, *tail;
} actor_fifo;

void fifo_push(actor_fifo *f, ps_actor *a);
ps_actor *fifo_pop(actor_fifo *f);
/* 1 if a was queued and is now removed. */
int fifo_remove(actor_fifo *f, ps_actor *a);

#endif
