#include "lock.h"

#include "cpu.h"
#include "futex.h"

enum { LOCK_SPINS = 100 };

void ps_lock_slow(ps_lock *l)
{
    for (int i = 0; i < LOCK_SPINS; i++) {
        cpu_relax();
        /* relaxed peek; the CAS takes it with acquire. */
        uint32_t c = atomic_load_explicit(&l->word, memory_order_relaxed);
        if (c == 0 && atomic_compare_exchange_weak_explicit(&l->word, &c, 1, memory_order_acquire,
                                                            memory_order_relaxed))
            return;
        if (c == 2)
            break; /* someone already sleeps: queue behind it, do not burn the core */
    }
    /* acquire: as above.  Taking it as 2 is conservative: the unlocker may
     * wake a thread that finds the lock free, never miss one that sleeps. */
    while (atomic_exchange_explicit(&l->word, 2, memory_order_acquire) != 0)
        futex_wait(&l->word, 2, 0);
}

void ps_unlock_wake(ps_lock *l)
{
    futex_wake(&l->word, 1);
}
