#include "waitgroup.h"

void wg_init(ps_wg *wg, uint32_t obj)
{
    pthread_mutex_init(&wg->mu, NULL);
    wg->count = 0;
    wg->waiters.head = wg->waiters.tail = NULL;
    wg->obj = obj;
    wg->stamp = 0;
}

void wg_destroy(ps_wg *wg)
{
    pthread_mutex_destroy(&wg->mu);
}

static int wg_change(ps_wg *wg, ps_actor *self, int64_t delta, int kind)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&wg->mu);
    if (wg->count + delta < 0) {
        actor_emit_locked(self, &wg->stamp, now, self->id, EV_WG_NEGATIVE, wg->obj, delta,
                          wg->count + delta);
        pthread_mutex_unlock(&wg->mu);
        return PS_ENEGATIVE;
    }
    wg->count += delta;
    actor_emit_locked(self, &wg->stamp, now, self->id, kind, wg->obj, delta, wg->count);
    if (wg->count == 0) {
        ps_actor *w;
        while ((w = fifo_pop(&wg->waiters))) {
            actor_emit_locked(self, &wg->stamp, now, w->id, EV_WG_WAIT_RETURN, wg->obj, 0, 0);
            actor_handoff(self, w, 0, PS_OK);
        }
    }
    pthread_mutex_unlock(&wg->mu);
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
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&wg->mu);
    actor_emit_locked(self, &wg->stamp, now, self->id, EV_WG_WAIT, wg->obj, 0, wg->count);
    if (wg->count == 0) {
        actor_emit_locked(self, &wg->stamp, now, self->id, EV_WG_WAIT_RETURN, wg->obj, 0, 0);
        pthread_mutex_unlock(&wg->mu);
        return PS_OK;
    }
    fifo_push(&wg->waiters, self);
    pacer_block(self->pacer, self->id);
    pthread_mutex_unlock(&wg->mu);
    if (actor_wait_handoff(self) == PS_OK)
        return PS_OK;
    pthread_mutex_lock(&wg->mu);
    fifo_remove(&wg->waiters, self);
    pthread_mutex_unlock(&wg->mu);
    return PS_ESTOPPED;
}
