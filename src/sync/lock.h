/* lock.h - a small mutex: one futex word, a bounded spin, then sleep.
 *
 * The primitives publish their events while holding their lock, so a
 * critical section is a clock read, a fetch-add and a 64-byte copy: long
 * enough to be found taken, far shorter than a futex sleep and wake.  The
 * lock therefore spins a little (about a microsecond) before it sleeps, and
 * sleeps rather than spins on: a holder preempted on a busy machine costs
 * the others a sleep, never a time slice of spinning.  Not FIFO (the FIFO
 * the lecture shows is the primitives' own waiter queues); not recursive.
 *
 * Word: 0 free, 1 held, 2 held and someone may sleep (Drepper, "Futexes
 * are tricky", mutex 3).
 */
#ifndef PS_LOCK_H
#define PS_LOCK_H

#include <stdatomic.h>
#include <stdint.h>

typedef struct ps_lock {
    _Atomic uint32_t word;
} ps_lock;

static inline void ps_lock_init(ps_lock *l)
{
    atomic_init(&l->word, 0);
}

void ps_lock_slow(ps_lock *l);
void ps_unlock_wake(ps_lock *l);

static inline void ps_lock_acquire(ps_lock *l)
{
    uint32_t c = 0;
    /* acquire: the critical section sees the previous holder's writes. */
    if (!atomic_compare_exchange_strong_explicit(&l->word, &c, 1, memory_order_acquire,
                                                 memory_order_relaxed))
        ps_lock_slow(l);
}

static inline void ps_lock_release(ps_lock *l)
{
    /* release: the critical section's writes go with the lock. */
    if (atomic_exchange_explicit(&l->word, 0, memory_order_release) == 2)
        ps_unlock_wake(l);
}

#endif
