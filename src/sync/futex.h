/* futex.h - the two futex calls every waiting point parks on (Linux). */
#ifndef PS_FUTEX_H
#define PS_FUTEX_H

#include <stdatomic.h>
#include <stdint.h>

/* Sleeps while *word == expect, at most timeout_ns (0 = no limit).
 * Returns early on wake, signal, or a changed word; callers re-check. */
void futex_wait(_Atomic uint32_t *word, uint32_t expect, uint64_t timeout_ns);
void futex_wake(_Atomic uint32_t *word, int count);

#endif
