#include "parker.h"

#include "clock.h"
#include "cpu.h"
#include "futex.h"

enum { PARK_EMPTY = 0, PARK_NOTIFIED = 1, PARK_PARKED = 2 };
enum { PARK_SPINS = 64 };

void parker_init(parker *p)
{
    atomic_init(&p->state, PARK_EMPTY);
}

void parker_park(parker *p, uint64_t deadline_ns)
{
    /* acquire: the waker's writes before unpark are visible after return. */
    if (atomic_exchange_explicit(&p->state, PARK_EMPTY, memory_order_acquire) == PARK_NOTIFIED)
        return;
    for (int i = 0; i < PARK_SPINS; i++) {
        cpu_relax();
        /* relaxed peek; the exchange below re-reads with acquire. */
        if (atomic_load_explicit(&p->state, memory_order_relaxed) == PARK_NOTIFIED) {
            atomic_exchange_explicit(&p->state, PARK_EMPTY, memory_order_acquire);
            return;
        }
    }
    uint32_t expect = PARK_EMPTY;
    /* acquire on failure: the permit that beat us carries the waker's writes. */
    if (!atomic_compare_exchange_strong_explicit(&p->state, &expect, PARK_PARKED,
                                                 memory_order_acq_rel, memory_order_acquire)) {
        atomic_exchange_explicit(&p->state, PARK_EMPTY, memory_order_acquire);
        return;
    }
    uint64_t timeout = 0;
    if (deadline_ns) {
        uint64_t now = clock_now_ns();
        timeout = deadline_ns > now ? deadline_ns - now : 1;
    }
    futex_wait(&p->state, PARK_PARKED, timeout);
    /* Woken, timed out or spurious: leave PARKED either way (acquire as above). */
    atomic_exchange_explicit(&p->state, PARK_EMPTY, memory_order_acquire);
}

void parker_unpark(parker *p)
{
    /* release: publishes the waker's writes to the parked thread. */
    if (atomic_exchange_explicit(&p->state, PARK_NOTIFIED, memory_order_release) == PARK_PARKED)
        futex_wake(&p->state, 1);
}
