#include "mutex.h"

void mutex_init(ps_mutex *m, uint32_t obj)
{
    ps_lock_init(&m->mu);
    m->owner = -1;
    m->waiters = (actor_fifo){0};
    m->obj = obj;
    m->stamp = 0;
    m->contended = m->handoffs = 0;
}

void mutex_destroy(ps_mutex *m)
{
    (void)m; /* a ps_lock holds no resources */
}

/* An event under m->mu about actor 'who', stamped by t. */
static void mutex_emit(ps_mutex *m, ps_actor *self, const actor_time *t, int who, int kind,
                       int64_t arg)
{
    actor_publish(
        self, t,
        (ps_event){.actor = (uint32_t)who, .kind = (uint16_t)kind, .obj = m->obj, .arg = arg});
}

int mutex_lock(ps_mutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &m->stamp);
    actor_room(self, 2);
    ps_lock_acquire(&m->mu);
    mutex_emit(m, self, &t, self->id, EV_MUTEX_REQUEST, m->owner);
    if (m->owner < 0) {
        m->owner = self->id;
        mutex_emit(m, self, &t, self->id, EV_MUTEX_ACQUIRED, self->id);
        ps_lock_release(&m->mu);
        return PS_OK;
    }
    m->contended++;
    int rc = actor_block(self, &m->mu, &m->waiters);
    /* A hand-off kept as the run stopped leaves self the owner: the run is
     * being torn down, so no one will wait for it again. */
    return rc;
}

int mutex_trylock(ps_mutex *m, ps_actor *self, int *locked)
{
    *locked = 0;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &m->stamp);
    actor_room(self, 1);
    ps_lock_acquire(&m->mu);
    if (m->owner < 0) { /* only a free mutex is taken: TryLock never waits */
        m->owner = self->id;
        mutex_emit(m, self, &t, self->id, EV_MUTEX_ACQUIRED, self->id);
        *locked = 1;
    }
    ps_lock_release(&m->mu);
    return PS_OK;
}

int mutex_unlock(ps_mutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &m->stamp);
    actor_room(self, 2);
    ps_lock_acquire(&m->mu);
    if (m->owner < 0) { /* Go: fatal error: sync: unlock of unlocked mutex */
        mutex_emit(m, self, &t, self->id, EV_MUTEX_UNLOCK_UNLOCKED, -1);
        ps_lock_release(&m->mu);
        return PS_EUNLOCKED;
    }
    /* Go lets any goroutine unlock a locked mutex, not only its locker. */
    mutex_emit(m, self, &t, self->id, EV_MUTEX_RELEASED, m->owner);
    ps_actor *w = fifo_pop(&m->waiters);
    m->owner = w ? w->id : -1;
    if (w) {
        m->handoffs++;
        mutex_emit(m, self, &t, w->id, EV_MUTEX_ACQUIRED, w->id);
        actor_wake(self, w, 0, PS_OK);
    }
    ps_lock_release(&m->mu);
    return PS_OK;
}
