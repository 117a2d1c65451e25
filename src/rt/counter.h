/* counter.h - an instrumented atomic counter (C11 atomics).
 *
 * Each operation is a step point and publishes the value it produced.  The
 * operation and its event happen under a small per-counter lock, so the event
 * order is the memory's modification order: the screen never shows a value
 * going backwards that never did.  The lock serialises the observation, not
 * the lesson: load and store stay separate operations, so the race scenario
 * (relaxed load, add in a register, relaxed store) still loses updates.
 *
 * The _at operations are Go's sync/atomic on a Go variable that lives
 * outside the counter (the interpreter keeps every shared variable in a
 * 64-bit word): atomic.AddInt32/Int64/Uint32/Uint64, Load*, Store*, Swap*
 * and CompareAndSwap*.  Each is seq_cst, as Go's are, and runs with its event
 * under the counter's lock as the others do, so the events of one counter
 * are in the word's modification order; the counter then only names the
 * object (obj) and owns the lock: use one counter per word.  Values wrap to
 * the word's width, as Go's do.
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

/* A Go variable's word.  A 32-bit value sits in the word sign-extended
 * (signed) or zero-extended (unsigned), and every _at operation leaves it
 * so; a 64-bit value is its two's complement bits.  Values go in and come
 * out as int64: a Uint64 above INT64_MAX is the int64 with the same bits
 * (cast it to uint64_t).  A plain Go read or write of the variable may use
 * the word at the same time (relaxed atomics): the read-modify-writes are
 * single atomic operations on it. */
typedef struct counter_word {
    _Atomic uint64_t *at;
    int bits;      /* 32 or 64 (else PS_EINVAL) */
    int is_signed; /* Int32 / Int64: 1; Uint32 / Uint64 (and Uintptr): 0 */
} counter_word;

/* atomic.Add*: *out (may be NULL) gets the new value; atomic-add
 * (arg = delta, value = new value). */
int counter_add_at(ps_counter *c, ps_actor *self, counter_word w, int64_t delta, int64_t *out);
/* atomic.Load*: atomic-load (value = the value read). */
int counter_load_at(ps_counter *c, ps_actor *self, counter_word w, int64_t *out);
/* atomic.Store*: atomic-store (value = the value written, wrapped). */
int counter_store_at(ps_counter *c, ps_actor *self, counter_word w, int64_t value);
/* atomic.Swap*: *old (may be NULL) gets the previous value; atomic-swap
 * (arg = old, value = new). */
int counter_swap_at(ps_counter *c, ps_actor *self, counter_word w, int64_t value, int64_t *old);
/* atomic.CompareAndSwap*: *swapped (may be NULL) is 1 if the word held old
 * and now holds value: atomic-cas (arg = old, value = new); else 0:
 * atomic-cas-failed (arg = old, value = the value found). */
int counter_cas_at(ps_counter *c, ps_actor *self, counter_word w, int64_t old, int64_t value,
                   int *swapped);

#endif
