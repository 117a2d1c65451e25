#include "rwmutex.h"

void rwmutex_init(ps_rwmutex *m, uint32_t obj)
{
    ps_lock_init(&m->mu);
    m->stamp = 0;
    m->writer = -1;
    m->readers = 0;
    m->rwait = m->wwait = (actor_fifo){0};
    m->obj = obj;
}

void rwmutex_destroy(ps_rwmutex *m)
{
    (void)m; /* a ps_lock holds no resources */
}

/* An event under m->mu about actor 'who', stamped by t: the state after. */
static void rw_emit(ps_rwmutex *m, ps_actor *self, const actor_time *t, int who, int kind)
{
    actor_publish(self, t,
                  (ps_event){.actor = (uint16_t)who,
                             .kind = (uint16_t)kind,
                             .obj = m->obj,
                             .arg = m->writer,
                             .value = m->readers});
}

/* Takes m->mu with room for n events; the clock is read before it. */
static actor_time rw_lock(ps_rwmutex *m, ps_actor *self, int n)
{
    actor_time t = actor_time_locked(self, &m->stamp);
    actor_room(self, n);
    ps_lock_acquire(&m->mu);
    return t;
}

/* Under m->mu, free of readers and writer: the first waiting writer gets it. */
static void grant_writer(ps_rwmutex *m, ps_actor *self, const actor_time *t)
{
    ps_actor *w = fifo_pop(&m->wwait);
    if (!w)
        return;
    m->writer = w->id;
    rw_emit(m, self, t, w->id, EV_RW_LOCK_ACQUIRED);
    actor_wake(self, w, 0, PS_OK);
}

/* Under m->mu, just write-unlocked: every blocked reader gets in. */
static void grant_readers(ps_rwmutex *m, ps_actor *self, const actor_time *t)
{
    ps_actor *r;
    while ((r = fifo_pop(&m->rwait))) {
        m->readers++;
        rw_emit(m, self, t, r->id, EV_RW_RLOCK_ACQUIRED);
        actor_wake(self, r, 0, PS_OK);
    }
}

int rwmutex_rlock(ps_rwmutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = rw_lock(m, self, 2);
    rw_emit(m, self, &t, self->id, EV_RW_RLOCK_REQUEST);
    if (m->writer < 0 && fifo_empty(&m->wwait)) {
        m->readers++;
        rw_emit(m, self, &t, self->id, EV_RW_RLOCK_ACQUIRED);
        ps_lock_release(&m->mu);
        return PS_OK;
    }
    return actor_block(self, &m->mu, &m->rwait); /* a writer holds or waits */
}

int rwmutex_lock(ps_rwmutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = rw_lock(m, self, 2);
    rw_emit(m, self, &t, self->id, EV_RW_LOCK_REQUEST);
    if (m->writer < 0 && m->readers == 0 && fifo_empty(&m->wwait)) {
        m->writer = self->id;
        rw_emit(m, self, &t, self->id, EV_RW_LOCK_ACQUIRED);
        ps_lock_release(&m->mu);
        return PS_OK;
    }
    /* Queued, it keeps new readers out (rwmutex_rlock) until it has had its
     * turn; a hand-off kept as the run stops leaves it the owner. */
    return actor_block(self, &m->mu, &m->wwait);
}

int rwmutex_runlock(ps_rwmutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = rw_lock(m, self, 2);
    if (m->readers == 0) { /* Go: fatal error: sync: RUnlock of unlocked RWMutex */
        rw_emit(m, self, &t, self->id, EV_RW_RUNLOCK_UNLOCKED);
        ps_lock_release(&m->mu);
        return PS_EUNLOCKED;
    }
    m->readers--;
    rw_emit(m, self, &t, self->id, EV_RW_RUNLOCK);
    if (m->readers == 0 && m->writer < 0)
        grant_writer(m, self, &t);
    ps_lock_release(&m->mu);
    return PS_OK;
}

int rwmutex_unlock(ps_rwmutex *m, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = rw_lock(m, self, 2);
    /* the unlock, one event per reader it lets in, or the next writer's */
    while (!actor_fits(self, 2 + m->rwait.n)) {
        int need = 2 + m->rwait.n;
        ps_lock_release(&m->mu);
        actor_room(self, need);
        ps_lock_acquire(&m->mu);
    }
    if (m->writer < 0) { /* Go: fatal error: sync: Unlock of unlocked RWMutex */
        rw_emit(m, self, &t, self->id, EV_RW_UNLOCK_UNLOCKED);
        ps_lock_release(&m->mu);
        return PS_EUNLOCKED;
    }
    m->writer = -1;
    rw_emit(m, self, &t, self->id, EV_RW_UNLOCK);
    grant_readers(m, self, &t);
    if (m->readers == 0)
        grant_writer(m, self, &t);
    ps_lock_release(&m->mu);
    return PS_OK;
}
