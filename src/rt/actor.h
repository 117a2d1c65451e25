/* actor.h - one thread of a scenario: who it is, how it publishes, and the
 * one blocking protocol every primitive uses.
 *
 * Publishing: actor_publish takes an event record (subject, kind, object,
 * argument, value) and an actor_time that says how to stamp it.  Inside a
 * primitive's critical section the stamp is a hybrid logical clock: the
 * clock is read before the lock (actor_time_locked), and under the lock the
 * stamp becomes max(reading, the lock's last published key + 1), so every
 * event published under a lock has a larger key than the ones published
 * under it before (bus.h states the causal invariant this keeps).
 *
 * Blocking: a primitive that must wait publishes its "blocked" event, then
 * calls actor_block with its lock held; a waker, under the same lock, pops
 * the waiter and calls actor_wake.  actor_room, called before a critical
 * section, makes sure the section's events fit in the ring, so no thread
 * ever waits for the consumer while it holds a primitive's lock.
 */
#ifndef PS_ACTOR_H
#define PS_ACTOR_H

#include <stdatomic.h>
#include <stdint.h>

#include "bus/bus.h"
#include "bus/event.h"
#include "pacer.h"
#include "sync/clock.h"
#include "sync/lock.h"

#define PS_VT_NOW UINT64_MAX

_Static_assert(PS_MAX_ACTORS <= PACER_VIEW_MAX, "a pacer view holds every actor");

/* Results of the instrumented primitives. */
#define PS_OK 0
#define PS_ESTOPPED (-1)  /* the run is stopping: unwind */
#define PS_ECLOSED (-2)   /* receive: closed and drained; send or close: on a closed queue */
#define PS_ENEGATIVE (-3) /* WaitGroup counter would go negative */
#define PS_ECANCELLED (-4)
#define PS_EUNLOCKED (-5) /* unlock of an unlocked mutex */

typedef struct ps_actor ps_actor;
struct ps_run;
struct ps_actor {
    /* Own cache line(s): W1 and W2 write their waiter fields and counts on
     * every job, and a shared line would move between the cores each time. */
    _Alignas(64) struct ps_run *run; /* the run it belongs to */
    int id;       /* PS_ACTOR_MAIN, 1..workers (a program: its goroutine id), or the controller */
    int producer; /* its ring in the bus */
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

/* How to stamp a publish. */
typedef struct actor_time {
    uint64_t now;   /* a clock_now_ns() reading (0 for a quiet actor) */
    uint64_t vt;    /* virtual time, or PS_VT_NOW: the pacer's at 'now' */
    uint64_t *last; /* a lock's last published key (under that lock), or NULL */
} actor_time;

/* A reading for a publish outside any lock: the clock now. */
static inline actor_time actor_time_now(const ps_actor *self)
{
    return (actor_time){.now = self->quiet ? 0 : clock_now_ns(), .vt = PS_VT_NOW};
}

/* A reading taken before a critical section whose lock guards *last: the
 * clock read stays out of the section (no reading when nothing publishes). */
static inline actor_time actor_time_locked(const ps_actor *self, uint64_t *last)
{
    return (actor_time){.now = self->quiet ? 0 : clock_now_ns(), .vt = PS_VT_NOW, .last = last};
}

/* Publishes e (its actor, kind, obj, arg and value; seq and the times are
 * set here) stamped by t.  A quiet actor returns at once. */
void actor_publish(ps_actor *self, const actor_time *t, ps_event e);

/* The usual event: subject self, stamped now. */
static inline void actor_emit(ps_actor *self, int kind, uint32_t obj, int64_t arg, int64_t value)
{
    actor_time t = actor_time_now(self);
    actor_publish(self, &t,
                  (ps_event){.actor = (uint32_t)self->id,
                             .kind = (uint16_t)kind,
                             .obj = obj,
                             .arg = arg,
                             .value = value});
}

static inline int actor_point(ps_actor *self)
{
    return pacer_point(self->pacer, self->id);
}

/* Before taking a primitive's lock: waits (with no lock held) until self's
 * ring has room for n more events, so the critical section never waits for
 * the consumer.  Only self fills its ring, so the room lasts. */
void actor_room(ps_actor *self, int n);
/* Inside a critical section: 1 if n more events fit in self's ring now
 * (never waits).  A section whose event count depends on its state (a close
 * that wakes every waiter) checks it, and if not, unlocks, calls actor_room
 * and starts again. */
int actor_fits(ps_actor *self, int n);

/* A FIFO of waiting actors (intrusive through wnext). */
typedef struct actor_fifo {
    ps_actor *head, *tail;
    int n; /* how many wait */
} actor_fifo;

void fifo_push(actor_fifo *f, ps_actor *a);
ps_actor *fifo_pop(actor_fifo *f);
/* 1 if a was queued and is now removed. */
int fifo_remove(actor_fifo *f, ps_actor *a);
/* 1 if nobody waits. */
static inline int fifo_empty(const actor_fifo *f)
{
    return f->head == NULL;
}

/* The waiter's side of every blocking operation.  Called with l held, after
 * the caller published its "blocked" event (and set self->witem if it hands
 * something over): queues self on f, tells the pacer it is blocked, releases
 * l and parks until a waker calls actor_wake.  Returns the waker's result.
 * If the run stops first, it takes l again and leaves f: PS_ESTOPPED, unless
 * a waker got there first, whose hand-off is then kept and its result
 * returned (nothing handed over is lost).  l is not held on return. */
int actor_block(ps_actor *self, ps_lock *l, actor_fifo *f);

/* The waker's side, under the lock of the primitive w waited in (w already
 * popped from its FIFO): hands over item and result and wakes w.  w's pacer
 * state becomes running before w can see the hand-off, so from then on only
 * w writes its state (the pacer's single-writer rule).  Nothing of *w is
 * touched after the release store of wdone: from then on w may exit and a
 * program run may give its ps_actor to a new goroutine (run_go). */
void actor_wake(ps_actor *waker, ps_actor *w, int64_t item, int result);

/* Test hooks (tests only; NULL in the program): called at the two places
 * where a delay exposes an ordering bug in the hand-off. */
typedef enum actor_hook_at {
    ACTOR_HOOK_WAKE,  /* waker: the waiter is running again, not yet handed over */
    ACTOR_HOOK_BLOCK, /* waiter: queued and unlocked, before its first look */
} actor_hook_at;
typedef void (*actor_hook_fn)(actor_hook_at at, ps_actor *waiter);
void actor_set_test_hook(actor_hook_fn fn);

#endif
