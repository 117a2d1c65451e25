/* clock.h - monotonic time in nanoseconds (vDSO: no system call).
 *
 * Event stamps come from here, and the bus orders events by them, so one
 * property matters: a read that happens-after another read (through a lock,
 * an atomic or a wake-up) returns a larger value.  Linux guarantees a
 * monotonic clock across cores (the vDSO fences before it reads the TSC), and
 * any hand-off between threads takes longer than its 1 ns resolution. */
#ifndef PS_CLOCK_H
#define PS_CLOCK_H

#include <stdint.h>
#include <time.h>

static inline uint64_t clock_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* d * milli / 1000 without overflowing 64 bits on the way (a virtual clock
 * at 100x overflowed (d * milli) after 51 hours); saturates at UINT64_MAX. */
static inline uint64_t clock_scale_milli(uint64_t d, uint64_t milli)
{
    uint64_t q = d / 1000u, r = d % 1000u;
    if (milli && q > UINT64_MAX / milli)
        return UINT64_MAX;
    uint64_t whole = q * milli, part = r * milli / 1000u; /* r * milli < 2^64: milli <= 2^54 */
    return whole > UINT64_MAX - part ? UINT64_MAX : whole + part;
}

#endif
