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
#define PS_EUNLOCKED (-5) /* unlock of a lock not held: Mutex, RWMutex Unlock or RUnlock */
#define PS_EAGAIN (-6)    /* a non-blocking operation (try, select with default) would block */
#define PS_EINVAL (-7)    /* bad arguments (a select of more than CHAN_SELECT_MAX cases) */

typedef struct ps_actor ps_actor;
struct ps_run;

/* One wait in a FIFO (actor_fifo).  A plain wait (every blocking operation
 * but select) queues the actor's own node, wnode; a blocked select queues
 * one node per case, all pointing at the select's claim word.  A waker pops
 * nodes under the FIFO's primitive lock and claims the first it can
 * (fifo_take): a plain node is claimed by the pop itself, a select's node by
 * the compare-exchange of its claim word from 0 to 1, so exactly one waker
 * (or the select itself, when the run stops) wins; the others drop that
 * node.  All fields are under the lock of the FIFO the node is in, except
 * the claim word (atomic). */
typedef struct ps_waiter {
    ps_actor *actor;        /* who waits */
    struct ps_waiter *next; /* the next in its FIFO */
    _Atomic int *claim;     /* a select's claim word, or NULL for a plain wait */
    int index;              /* the select's case index (0 for a plain wait) */
    int64_t item;           /* a blocked sender's item */
} ps_waiter;
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
    /* waiter fields: wnode under the lock of the FIFO it is queued in; the
     * hand-off (witem, wresult, wcase) written by the one waker that claimed
     * the wait, before its release store of wdone */
    ps_waiter wnode;    /* its node for a plain wait */
    int64_t witem;      /* the item handed over */
    int wresult;        /* the waker's result */
    int wcase;          /* the claimed node's index (a select's chosen case) */
    _Atomic int wdone;  /* set (release) by the waker, read (acquire) by the waiter */
    uint64_t jobs_done; /* written by its own thread only; read after the join */
    /* A goroutine's virtual birth (its creator's clock at `go`), and 1 until
     * it first blocks or does timed work.  Written by the creator before
     * pthread_create (which orders them), then its own thread's alone. */
    uint64_t vborn;
    int fresh;
    /* A Go goroutine's current source line (0: none), stamped on every event
     * it publishes about itself (not on one a waker publishes for it).  Its
     * own thread's alone: written at each statement. */
    uint32_t line;
    /* 1 from a Go statement's step point (gort) until its next event: the
     * operation the statement does (a send, a lock, a go) stops at no point
     * of its own, so a step moves it through the statement and the
     * operation at once; so does another point on the same line (a
     * for-range's first turn after the for statement's).  Its own thread's
     * alone; at_line is the line of that point. */
    int at_point;
    uint32_t at_line;
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

/* A step point before a visible action: 0 to go on, -1 if the run stops.
 * Right after a statement's point (at_point) it is the same step: nothing
 * happened in between to show, and a key that moved nothing would look
 * lost to the class.  A wait it then makes still sees the run stop. */
static inline int actor_point(ps_actor *self)
{
    if (self->at_point)
        return 0;
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

/* A FIFO of waiter nodes (intrusive through ps_waiter.next), under the lock
 * of the primitive that owns it. */
typedef struct actor_fifo {
    ps_waiter *head, *tail;
    int n; /* nodes queued: an upper bound on the waiters a waker can claim */
} actor_fifo;

/* Queues a's own node as a plain wait. */
void fifo_push(actor_fifo *f, ps_actor *a);
/* fifo_take's actor, or NULL. */
ps_actor *fifo_pop(actor_fifo *f);
/* 1 if a's own node was queued and is now removed. */
int fifo_remove(actor_fifo *f, ps_actor *a);
/* Node level (select): queue w; take the first node still waiting (a plain
 * one, or a select's whose claim this call wins; the nodes of selects that
 * are already claimed are popped and dropped on the way), or NULL; remove w
 * if it is still queued (1) or not (0). */
void fifo_push_waiter(actor_fifo *f, ps_waiter *w);
ps_waiter *fifo_take(actor_fifo *f);
int fifo_remove_waiter(actor_fifo *f, ps_waiter *w);
/* 1 if no node is queued (a select's stale node counts as queued). */
static inline int fifo_empty(const actor_fifo *f)
{
    return f->head == NULL;
}

/* 1 if the caller claims w's wait (always for a plain wait).  Under the
 * lock of a FIFO holding w, or with every lock of a select's FIFOs held. */
int waiter_claim(ps_waiter *w);

/* The waiter's side of every blocking operation.  Called with l held, after
 * the caller published its "blocked" event (and set self->wnode.item if it
 * hands something over): queues self on f, tells the pacer it is blocked,
 * releases l and parks until a waker calls actor_wake.  Returns the waker's
 * result.  If the run stops first, it takes l again and leaves f:
 * PS_ESTOPPED, unless a waker got there first, whose hand-off is then kept
 * and its result returned (nothing handed over is lost).  l is not held on
 * return. */
int actor_block(ps_actor *self, ps_lock *l, actor_fifo *f);
/* actor_block in two halves, for a waiter queued on several FIFOs at once
 * (a select, which holds every lock of them): begin, with those locks held
 * and the nodes queued, clears wdone and tells the pacer it is blocked;
 * then, with no lock held, await parks until a waker's hand-off (1) or until
 * the run stops (0: the caller takes the locks again and claims its own wait
 * to tell a late hand-off from none). */
void actor_block_begin(ps_actor *self);
int actor_await(ps_actor *self);

/* The waker's side, under the lock of the primitive w waited in (w already
 * popped from its FIFO): hands over item and result and wakes w.  w's pacer
 * state becomes running before w can see the hand-off, so from then on only
 * w writes its state (the pacer's single-writer rule).  Nothing of *w is
 * touched after the release store of wdone: from then on w may exit and a
 * program run may give its ps_actor to a new goroutine (run_go). */
void actor_wake(ps_actor *waker, ps_actor *w, int64_t item, int result);
/* actor_wake of the node's actor that also hands over the node's index
 * (wcase): the node was taken (fifo_take) under the lock held now. */
void waiter_wake(ps_actor *waker, ps_waiter *w, int64_t item, int result);

/* Test hooks (tests only; NULL in the program): called at the two places
 * where a delay exposes an ordering bug in the hand-off. */
typedef enum actor_hook_at {
    ACTOR_HOOK_WAKE,  /* waker: the waiter is running again, not yet handed over */
    ACTOR_HOOK_BLOCK, /* waiter: queued and unlocked, before its first look */
} actor_hook_at;
typedef void (*actor_hook_fn)(actor_hook_at at, ps_actor *waiter);
void actor_set_test_hook(actor_hook_fn fn);

#endif
