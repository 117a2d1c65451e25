/* counter.h - an instrumented atomic counter (C11 atomics).
 *
 * Each operation is a step point and publishes the value it produced.  The
 * operation and its event happen under a small per-counter lock, so the event
 * order is the memory's modification order: the screen never shows a value
 * going backwards that never did.  The lock serialises the observation, not
 * the lesson: load and store stay separate operations, so the race scenario
 * (relaxed load, add in a register, relaxed store) still loses updates.
 */
#ifndef PS_COUNTER_H
#define PS_COUNTER_H

#include <stdatomic.h>

#include "actor.h"

typedef struct ps_counter {
    _Alignas(64) ps_lock mu; /* own line; orders an operation with its event */
    uint64_t stamp;          /* under mu: the last event stamp published under it */
    _Atomic int64_t value;
    uint32_t obj;
} ps_counter;

void counter_init(ps_counter *c, uint32_t obj, int64_t value);
void counter_destroy(ps_counter *c);
/* atomic fetch-add; *out (may be NULL) gets the new value. */
int counter_add(ps_counter *c, ps_actor *self, int64_t delta, int64_t *out);
int counter_load(ps_counter *c, ps_actor *self, int64_t *out);
int counter_store(ps_counter *c, ps_actor *self, int64_t value);
/* Uninstrumented read, for checks after all threads are joined. */
int64_t counter_peek(ps_counter *c);

#endif
