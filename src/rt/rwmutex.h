/* rwmutex.h - Go's sync.RWMutex, instrumented: many readers or one writer.
 *
 * RLock gets a read lock at once unless a writer holds the mutex or waits
 * for it: a blocked Lock stops new RLock calls from acquiring (writer
 * preference, so a stream of readers cannot starve a writer).  Lock waits
 * for the writer and every reader to leave; writers queue in FIFO order.
 * The last RUnlock hands the mutex to the first waiting writer.  Unlock
 * first lets in every reader that blocked while it was write-locked (so
 * readers are not starved either), then, if none did, hands over to the
 * next writer; a writer still waiting then keeps new readers out again until
 * those readers leave.  This is the order Go's RWMutex gives.  As in Go, any
 * thread may unlock, and RLock of a read-locked mutex blocks behind a
 * waiting writer (no recursive read locking).
 *
 * Misuse is reported, never a crash: RUnlock with no read lock held
 * returns PS_EUNLOCKED and publishes rw-runlock-unlocked (Go: "fatal error:
 * sync: RUnlock of unlocked RWMutex"); Unlock with no writer returns
 * PS_EUNLOCKED and publishes rw-unlock-unlocked ("fatal error: sync: Unlock
 * of unlocked RWMutex").  The mutex is unchanged.
 *
 * Events (obj = the rwmutex, arg = the writer holding it after the event or
 * -1, value = the readers after): rw-rlock-request, rw-rlock-acquired,
 * rw-runlock, rw-lock-request, rw-lock-acquired, rw-unlock.  A blocked
 * request's acquired event is published by the thread that hands over.
 */
#ifndef PS_RWMUTEX_H
#define PS_RWMUTEX_H

#include <stdint.h>

#include "actor.h"

typedef struct ps_rwmutex {
    _Alignas(64) ps_lock mu; /* own line; guards the fields below */
    uint64_t stamp;          /* the last event stamp published under mu */
    int writer;              /* the actor holding the write lock, or -1 */
    int64_t readers;         /* read locks held */
    actor_fifo rwait;        /* blocked RLock calls */
    actor_fifo wwait;        /* blocked Lock calls, the first one next */
    uint32_t obj;
} ps_rwmutex;

#define RWMUTEX_RUNLOCK_MSG "sync: RUnlock of unlocked RWMutex"
#define RWMUTEX_UNLOCK_MSG "sync: Unlock of unlocked RWMutex"

void rwmutex_init(ps_rwmutex *m, uint32_t obj);
void rwmutex_destroy(ps_rwmutex *m);
/* PS_OK once held; PS_ESTOPPED. */
int rwmutex_rlock(ps_rwmutex *m, ps_actor *self);
int rwmutex_lock(ps_rwmutex *m, ps_actor *self);
/* PS_OK; PS_EUNLOCKED on misuse (see above); PS_ESTOPPED. */
int rwmutex_runlock(ps_rwmutex *m, ps_actor *self);
int rwmutex_unlock(ps_rwmutex *m, ps_actor *self);

#endif
