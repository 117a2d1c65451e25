/* mutex.h - an instrumented mutex with FIFO hand-off.
 *
 * lock publishes mutex-request, then mutex-acquired when it gets it; unlock
 * publishes mutex-released and, if a thread waits, hands the mutex straight
 * to the first waiter (its mutex-acquired is published by the unlocker), so
 * the program, not the OS scheduler, decides who runs next.  Go's mutex is
 * not FIFO in normal mode; this choice is what makes stepping deterministic.
 */
#ifndef PS_MUTEX_H
#define PS_MUTEX_H

#include <stdint.h>

#include "actor.h"

typedef struct ps_mutex {
    _Alignas(64) ps_lock mu; /* own line; guards the fields below */
    uint64_t stamp;          /* under mu: the last event stamp published under it */
    int owner;               /* actor id, or -1 */
    actor_fifo waiters;
    uint32_t obj;
    uint64_t contended; /* acquisitions that had to wait */
    uint64_t handoffs;
} ps_mutex;

void mutex_init(ps_mutex *m, uint32_t obj);
void mutex_destroy(ps_mutex *m);
int mutex_lock(ps_mutex *m, ps_actor *self);
/* PS_EUNLOCKED (and a mutex-unlock-unlocked event) if m is not locked:
 * Go's "fatal error: sync: unlock of unlocked mutex".  Any thread may unlock
 * a locked mutex, as in Go. */
/* Go's TryLock: takes m if it is free (*locked 1, an acquired event), or
 * leaves it (*locked 0, no event); never waits. */
int mutex_trylock(ps_mutex *m, ps_actor *self, int *locked);
int mutex_unlock(ps_mutex *m, ps_actor *self);

#define MUTEX_UNLOCKED_MSG "sync: unlock of unlocked mutex"

#endif
