#include "mutex.h"

void mutex_init(ps_mutex *m, uint32_t obj)
{
    pthread_mutex_init(&m->mu, NULL);
    m->owner = -1;
    m->waiters.head = m->waiters.tail = NULL;
    m->obj = obj;
    m->stamp = 0;
    m->contended = m->handoffs = 0;
}

void mutex_destroy(ps_mutex *m)
{
    pthread_mutex_destroy(&m->mu);
}

int mutex_lock(ps_mutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&m->mu);
    actor_emit_locked(self, &m->stamp, now, self->id, EV_MUTEX_REQUEST, m->obj, m->owner, 0);
    if (m->owner < 0) {
        m->owner = self->id;
        actor_emit_locked(self, &m->stamp, now, self->id, EV_MUTEX_ACQUIRED, m->obj, self->id, 0);
        pthread_mutex_unlock(&m->mu);
        return PS_OK;
    }
    m->contended++;
    fifo_push(&m->waiters, self);
    pacer_block(self->pacer, self->id);
    pthread_mutex_unlock(&m->mu);
    if (actor_wait_handoff(self) == PS_OK)
        return PS_OK;
    pthread_mutex_lock(&m->mu);
    if (!fifo_remove(&m->waiters, self) && m->owner == self->id)
        m->owner = -1; /* handed over as the run stopped: give it back */
    pthread_mutex_unlock(&m->mu);
    return PS_ESTOPPED;
}

int mutex_unlock(ps_mutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&m->mu);
    actor_emit_locked(self, &m->stamp, now, self->id, EV_MUTEX_RELEASED, m->obj, self->id, 0);
    ps_actor *w = fifo_pop(&m->waiters);
    m->owner = w ? w->id : -1;
    if (w) {
        m->handoffs++;
        actor_emit_locked(self, &m->stamp, now, w->id, EV_MUTEX_ACQUIRED, m->obj, w->id, 0);
        actor_handoff(self, w, 0, PS_OK);
    }
    pthread_mutex_unlock(&m->mu);
    return PS_OK;
}
