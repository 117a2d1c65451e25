/* waitgroup.h - Go's sync.WaitGroup: add / done / wait, instrumented.
 *
 * A counter that would go negative is reported as Go reports it
 * ("sync: negative WaitGroup counter": PS_ENEGATIVE and a wg-negative
 * event); the counter keeps its value.  Waiters wake in FIFO order.
 */
#ifndef PS_WAITGROUP_H
#define PS_WAITGROUP_H

#include "actor.h"

typedef struct ps_wg {
    _Alignas(64) ps_lock mu; /* own line */
    uint64_t stamp;          /* under mu: the last event stamp published under it */
    int64_t count;           /* under mu */
    actor_fifo waiters;
    uint32_t obj;
} ps_wg;

#define WG_NEGATIVE_MSG "sync: negative WaitGroup counter"

void wg_init(ps_wg *wg, uint32_t obj);
void wg_destroy(ps_wg *wg);
int wg_add(ps_wg *wg, ps_actor *self, int64_t delta);
int wg_done(ps_wg *wg, ps_actor *self);
int wg_wait(ps_wg *wg, ps_actor *self);

#endif
