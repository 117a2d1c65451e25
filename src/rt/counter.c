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

/* ---- Go's sync/atomic on an external word ---- */

static int word_valid(counter_word w)
{
    return w.at && (w.bits == 32 || w.bits == 64);
}

/* The word's canonical bits for v: the low 32 sign- or zero-extended. */
static uint64_t word_wrap(counter_word w, uint64_t v)
{
    if (w.bits == 64)
        return v;
    uint64_t low = v & 0xffffffffu;
    return w.is_signed ? (low ^ 0x80000000u) - 0x80000000u : low;
}

/* The int64 with the same bits (no implementation-defined conversion). */
static int64_t word_value(uint64_t u)
{
    return u <= (uint64_t)INT64_MAX ? (int64_t)u : -(int64_t)(~u) - 1;
}

static uint64_t word_add(counter_word w, int64_t delta)
{
    uint64_t d = (uint64_t)delta;
    if (w.bits == 64) /* seq_cst: Go's atomics are sequentially consistent */
        return atomic_fetch_add(w.at, d) + d;
    /* A 32-bit add must not carry into the high half: a compare-exchange
     * loop (the word may be stored to outside the lock meanwhile). */
    uint64_t old = atomic_load(w.at), new; /* seq_cst: as above */
    do
        new = word_wrap(w, old + d);
    while (!atomic_compare_exchange_weak(w.at, &old, new)); /* seq_cst: as above */
    return new;
}

int counter_add_at(ps_counter *c, ps_actor *self, counter_word w, int64_t delta, int64_t *out)
{
    if (!word_valid(w))
        return PS_EINVAL;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    int64_t v = word_value(word_add(w, delta));
    counter_unlock(c, self, &t, EV_ATOMIC_ADD, delta, v);
    if (out)
        *out = v;
    return PS_OK;
}

int counter_load_at(ps_counter *c, ps_actor *self, counter_word w, int64_t *out)
{
    if (!word_valid(w))
        return PS_EINVAL;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    int64_t v = word_value(word_wrap(w, atomic_load(w.at))); /* seq_cst: Go's Load */
    counter_unlock(c, self, &t, EV_ATOMIC_LOAD, 0, v);
    *out = v;
    return PS_OK;
}

int counter_store_at(ps_counter *c, ps_actor *self, counter_word w, int64_t value)
{
    if (!word_valid(w))
        return PS_EINVAL;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    uint64_t u = word_wrap(w, (uint64_t)value);
    atomic_store(w.at, u); /* seq_cst: Go's Store */
    counter_unlock(c, self, &t, EV_ATOMIC_STORE, 0, word_value(u));
    return PS_OK;
}

int counter_swap_at(ps_counter *c, ps_actor *self, counter_word w, int64_t value, int64_t *old)
{
    if (!word_valid(w))
        return PS_EINVAL;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    uint64_t u = word_wrap(w, (uint64_t)value);
    int64_t was = word_value(word_wrap(w, atomic_exchange(w.at, u))); /* seq_cst: Go's Swap */
    counter_unlock(c, self, &t, EV_ATOMIC_SWAP, was, word_value(u));
    if (old)
        *old = was;
    return PS_OK;
}

int counter_cas_at(ps_counter *c, ps_actor *self, counter_word w, int64_t old, int64_t value,
                   int *swapped)
{
    if (!word_valid(w))
        return PS_EINVAL;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = counter_lock(c, self);
    uint64_t expect = word_wrap(w, (uint64_t)old), u = word_wrap(w, (uint64_t)value);
    /* seq_cst both ways: Go's CompareAndSwap */
    int ok = atomic_compare_exchange_strong(w.at, &expect, u);
    counter_unlock(c, self, &t, ok ? EV_ATOMIC_CAS : EV_ATOMIC_CAS_FAILED,
                   word_value(word_wrap(w, (uint64_t)old)),
                   word_value(ok ? u : word_wrap(w, expect)));
    if (swapped)
        *swapped = ok;
    return PS_OK;
}
