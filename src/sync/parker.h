/* parker.h - one thread's own wait object: a permit and a futex.
 *
 * Every blocked thread parks on its own parker, so the code that wakes it
 * chooses exactly which thread runs (FIFO in the primitives), never the OS.
 */
#ifndef PS_PARKER_H
#define PS_PARKER_H

#include <stdatomic.h>
#include <stdint.h>

typedef struct parker {
    _Atomic uint32_t state; /* PARK_EMPTY, PARK_NOTIFIED or PARK_PARKED */
} parker;

void parker_init(parker *p);
/* Returns when a permit is available (consuming it), after a brief spin and
 * then a futex sleep; or, with deadline_ns != 0 (CLOCK_MONOTONIC), at that
 * time.  May return spuriously: callers loop on their own condition. */
void parker_park(parker *p, uint64_t deadline_ns);
/* Gives the permit; wakes the thread if it sleeps. */
void parker_unpark(parker *p);

#endif
