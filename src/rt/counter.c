#include "counter.h"

void counter_init(ps_counter *c, uint32_t obj, int64_t value)
{
    pthread_mutex_init(&c->mu, NULL);
    atomic_init(&c->value, value);
    c->obj = obj;
    c->stamp = 0;
}

void counter_destroy(ps_counter *c)
{
    pthread_mutex_destroy(&c->mu);
}

int counter_add(ps_counter *c, ps_actor *self, int64_t delta, int64_t *out)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&c->mu);
    /* seq_cst: what Go's atomic.AddInt32 promises (sequentially consistent). */
    int64_t v = atomic_fetch_add(&c->value, delta) + delta;
    actor_emit_locked(self, &c->stamp, now, self->id, EV_ATOMIC_ADD, c->obj, delta, v);
    pthread_mutex_unlock(&c->mu);
    if (out)
        *out = v;
    return PS_OK;
}

int counter_load(ps_counter *c, ps_actor *self, int64_t *out)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&c->mu);
    /* relaxed: the race lesson's "plain read"; the atomic scenarios read with
     * the lock's ordering, and Go's Load is seq_cst only to order other data. */
    int64_t v = atomic_load_explicit(&c->value, memory_order_relaxed);
    actor_emit_locked(self, &c->stamp, now, self->id, EV_ATOMIC_LOAD, c->obj, 0, v);
    pthread_mutex_unlock(&c->mu);
    *out = v;
    return PS_OK;
}

int counter_store(ps_counter *c, ps_actor *self, int64_t value)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    pthread_mutex_lock(&c->mu);
    /* relaxed: the race lesson's "plain write" of a value computed earlier. */
    atomic_store_explicit(&c->value, value, memory_order_relaxed);
    actor_emit_locked(self, &c->stamp, now, self->id, EV_ATOMIC_STORE, c->obj, 0, value);
    pthread_mutex_unlock(&c->mu);
    return PS_OK;
}

int64_t counter_peek(ps_counter *c)
{
    return atomic_load(&c->value); /* seq_cst: after joins, any order is fine */
}
