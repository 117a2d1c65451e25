#include "actor.h"

#include <string.h>

/* Builds and publishes the event; the callers checked self->quiet. */
static void emit(ps_actor *self, int who, int kind, uint32_t obj, int64_t arg, int64_t value,
                 uint64_t vt, uint64_t rt)
{
    ps_event e;
    memset(&e, 0, sizeof(e));
    e.rt_ns = rt;
    e.vt_ns = vt;
    e.arg = arg;
    e.value = value;
    e.obj = obj;
    e.actor = (uint16_t)who;
    e.kind = (uint16_t)kind;
    bus_publish(self->bus, self->producer, &e);
}

void actor_emit_full(ps_actor *self, int who, int kind, uint32_t obj, int64_t arg, int64_t value,
                     uint64_t vt)
{
    /* One clock read gives both times: they describe the same instant.
     * Quiet (benchmarks): no read, and actor_emit_at returns at once. */
    actor_emit_at(self, who, kind, obj, arg, value, vt, actor_clock(self));
}

void actor_emit_at(ps_actor *self, int who, int kind, uint32_t obj, int64_t arg, int64_t value,
                   uint64_t vt, uint64_t now)
{
    /* Quiet: one predictable branch on a field beside producer and bus,
     * which the instrumented path reads anyway; nothing else. */
    if (self->quiet)
        return;
    emit(self, who, kind, obj, arg, value, vt == PS_VT_NOW ? pacer_vnow_at(self->pacer, now) : vt,
         now - self->rt0);
}

void actor_emit_locked(ps_actor *self, uint64_t *last, uint64_t now, int who, int kind,
                       uint32_t obj, int64_t arg, int64_t value)
{
    if (self->quiet)
        return;
    uint64_t rt = now - self->rt0;
    if (rt <= *last) /* an earlier holder of the lock stamped later than 'now' */
        rt = *last + 1;
    *last = rt;
    emit(self, who, kind, obj, arg, value, pacer_vnow_at(self->pacer, now), rt);
}

int actor_wait_handoff(ps_actor *self)
{
    /* acquire: pairs with actor_handoff's release; witem/wresult are ready. */
    while (!atomic_load_explicit(&self->wdone, memory_order_acquire))
        if (pacer_park(self->pacer, self->id) != 0)
            return PS_ESTOPPED;
    return PS_OK;
}

void actor_handoff(ps_actor *waker, ps_actor *waiter, int64_t item, int result)
{
    (void)waker;
    waiter->witem = item;
    waiter->wresult = result;
    /* release: witem and wresult are visible before wdone. */
    atomic_store_explicit(&waiter->wdone, 1, memory_order_release);
    pacer_wake(waiter->pacer, waiter->id);
}

void fifo_push(actor_fifo *f, ps_actor *a)
{
    a->wnext = NULL;
    /* relaxed: only the primitive's lock holder touches wdone here. */
    atomic_store_explicit(&a->wdone, 0, memory_order_relaxed);
    if (f->tail)
        f->tail->wnext = a;
    else
        f->head = a;
    f->tail = a;
}

ps_actor *fifo_pop(actor_fifo *f)
{
    ps_actor *a = f->head;
    if (a) {
        f->head = a->wnext;
        if (!f->head)
            f->tail = NULL;
        a->wnext = NULL;
    }
    return a;
}

int fifo_remove(actor_fifo *f, ps_actor *a)
{
    ps_actor *prev = NULL;
    for (ps_actor *it = f->head; it; prev = it, it = it->wnext) {
        if (it != a)
            continue;
        if (prev)
            prev->wnext = it->wnext;
        else
            f->head = it->wnext;
        if (f->tail == it)
            f->tail = prev;
        it->wnext = NULL;
        return 1;
    }
    return 0;
}
