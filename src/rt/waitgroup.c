#include "waitgroup.h"

void wg_init(ps_wg *wg, uint32_t obj)
{
    ps_lock_init(&wg->mu);
    wg->count = 0;
    wg->waiters = (actor_fifo){0};
    wg->obj = obj;
    wg->stamp = 0;
}

void wg_destroy(ps_wg *wg)
{
    (void)wg; /* a ps_lock holds no resources */
}

/* An event under wg->mu about actor 'who', stamped by t. */
static void wg_emit(ps_wg *wg, ps_actor *self, const actor_time *t, int who, int kind, int64_t arg,
                    int64_t value)
{
    actor_publish(self, t,
                  (ps_event){.actor = (uint32_t)who,
                             .kind = (uint16_t)kind,
                             .obj = wg->obj,
                             .arg = arg,
                             .value = value});
}

static int wg_change(ps_wg *wg, ps_actor *self, int64_t delta, int kind)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &wg->stamp);
    actor_room(self, 1);
    ps_lock_acquire(&wg->mu);
    /* one event for the change and one per waiter a zero wakes */
    while (!actor_fits(self, 1 + wg->waiters.n)) {
        int need = 1 + wg->waiters.n;
        ps_lock_release(&wg->mu);
        actor_room(self, need);
        ps_lock_acquire(&wg->mu);
    }
    if (wg->count + delta < 0) {
        wg_emit(wg, self, &t, self->id, EV_WG_NEGATIVE, delta, wg->count + delta);
        ps_lock_release(&wg->mu);
        return PS_ENEGATIVE;
    }
    wg->count += delta;
    wg_emit(wg, self, &t, self->id, kind, delta, wg->count);
    ps_actor *w;
    while (wg->count == 0 && (w = fifo_pop(&wg->waiters))) {
        wg_emit(wg, self, &t, w->id, EV_WG_WAIT_RETURN, 0, 0);
        actor_wake(self, w, 0, PS_OK);
    }
    ps_lock_release(&wg->mu);
    return PS_OK;
}

int wg_add(ps_wg *wg, ps_actor *self, int64_t delta)
{
    return wg_change(wg, self, delta, EV_WG_ADD);
}

int wg_done(ps_wg *wg, ps_actor *self)
{
    return wg_change(wg, self, -1, EV_WG_DONE);
}

int wg_wait(ps_wg *wg, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &wg->stamp);
    actor_room(self, 2);
    ps_lock_acquire(&wg->mu);
    wg_emit(wg, self, &t, self->id, EV_WG_WAIT, 0, wg->count);
    if (wg->count == 0) {
        wg_emit(wg, self, &t, self->id, EV_WG_WAIT_RETURN, 0, 0);
        ps_lock_release(&wg->mu);
        return PS_OK;
    }
    return actor_block(self, &wg->mu, &wg->waiters);
}
