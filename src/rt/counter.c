#include "counter.h"

void counter_init(ps_counter *c, uint32_t obj, int64_t value)
{
    ps_lock_init(&c->mu);
    atomic_init(&c->value, value);
    c->obj = obj;
    c->stamp = 0;
}

void counter_destroy(ps_counter *c)
{
    (void)c; /* a ps_lock holds no resources */
}

/* Takes c->mu with room for its one event; the clock is read before it. */
static actor_time counter_lock(ps_counter *c, ps_actor *self)
{
    actor_time t = actor_time_locked(self, &c->stamp);
    actor_room(self, 1);
    ps_lock_acquire(&c->mu);
    return t;
}

/* Publishes the operation's event and releases c->mu. */
static void counter_unlock(ps_counter *c, ps_actor *self, const actor_time *t, int kind,
                           int64_t arg, int64_t value)
{
    actor_publish(self, t,
                  (ps_event){.actor = (uint32_t)self->id,
                             .kind = (uint16_t)kind,
                             .obj = c->obj,
                             .arg = arg,
                             .value = value});
    ps_lock_release(&c->mu);
}

int counter_add(ps_counter *c, ps_actor *self, int64_t delta, int64_t *out)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    /* seq_cst: what Go's atomic.AddInt32 promises (sequentially consistent). */
    int64_t v = atomic_fetch_add(&c->value, delta) + delta;
    counter_unlock(c, self, &t, EV_ATOMIC_ADD, delta, v);
    if (out)
        *out = v;
    return PS_OK;
}

int counter_load(ps_counter *c, ps_actor *self, int64_t *out)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    /* relaxed: the race lesson's "plain read"; the atomic scenarios read with
     * the lock's ordering, and Go's Load is seq_cst only to order other data. */
    int64_t v = atomic_load_explicit(&c->value, memory_order_relaxed);
    counter_unlock(c, self, &t, EV_ATOMIC_LOAD, 0, v);
    *out = v;
    return PS_OK;
}

int counter_store(ps_counter *c, ps_actor *self, int64_t value)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    /* relaxed: the race lesson's "plain write" of a value computed earlier. */
    atomic_store_explicit(&c->value, value, memory_order_relaxed);
    counter_unlock(c, self, &t, EV_ATOMIC_STORE, 0, value);
    return PS_OK;
}

int64_t counter_peek(ps_counter *c)
{
    return atomic_load(&c->value); /* seq_cst: after joins, any order is fine */
}
