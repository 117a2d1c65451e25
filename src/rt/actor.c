#include "actor.h"

/* Tests only: relaxed, the hook is set before the threads that call it start
 * (pthread_create orders the store) and cleared after they are joined. */
static _Atomic(actor_hook_fn) actor_hook;

void actor_set_test_hook(actor_hook_fn fn)
{
    atomic_store_explicit(&actor_hook, fn, memory_order_relaxed);
}

static void actor_hook_call(actor_hook_at at, ps_actor *waiter)
{
    actor_hook_fn fn = atomic_load_explicit(&actor_hook, memory_order_relaxed);
    if (fn)
        fn(at, waiter);
}

void actor_publish(ps_actor *self, const actor_time *t, ps_event e)
{
    self->at_point = 0; /* something to show happened: the next point is a step of its own */
    /* Quiet: one predictable branch on a field beside producer and bus,
     * which the instrumented path reads anyway; nothing else. */
    if (self->quiet)
        return;
    uint64_t rt = t->now - self->rt0;
    if (t->last && rt <= *t->last) /* an earlier holder of the lock stamped later */
        rt = *t->last + 1;
    e.seq = 0;
    e.rt_ns = rt;
    if (!e.line && e.actor == (uint32_t)self->id) /* its own line, not a waker's */
        e.line = self->line;
    e.vt_ns = t->vt == PS_VT_NOW ? pacer_vnow_at(self->pacer, t->now) : t->vt;
    /* The key the ring gave it (raised above the ring's previous one if need
     * be) is the lock's last: the next holder stamps above what was really
     * published, not above what was asked for. */
    uint64_t key = bus_publish(self->bus, self->producer, &e);
    if (t->last)
        *t->last = key;
}

void actor_room(ps_actor *self, int n)
{
    if (!self->quiet)
        bus_reserve(self->bus, self->producer, n > 0 ? (size_t)n : 1);
}

int actor_fits(ps_actor *self, int n)
{
    return self->quiet || bus_fits(self->bus, self->producer, n > 0 ? (size_t)n : 1);
}

void actor_block_begin(ps_actor *self)
{
    self->fresh = 0; /* its clock is the pacer's from here: see timed_from */
    /* relaxed: until it parks only lock holders touch wdone, and the waker's
     * release store comes under one of the locks held now. */
    atomic_store_explicit(&self->wdone, 0, memory_order_relaxed);
    pacer_block(self->pacer, self->id);
}

int actor_await(ps_actor *self)
{
    actor_hook_call(ACTOR_HOOK_BLOCK, self);
    /* acquire: pairs with actor_wake's release; witem, wresult, wcase are ready. */
    while (!atomic_load_explicit(&self->wdone, memory_order_acquire))
        if (pacer_park(self->pacer, self->id) != 0)
            break;
    /* acquire: as above (a hand-off that came with the stop). */
    return atomic_load_explicit(&self->wdone, memory_order_acquire);
}

int actor_block(ps_actor *self, ps_lock *l, actor_fifo *f)
{
    fifo_push(f, self);
    actor_block_begin(self);
    ps_lock_release(l);
    if (actor_await(self))
        return self->wresult;
    /* Stopping.  A waker that popped self did so under l and finished its
     * hand-off before it released l: if self is no longer queued, wdone is
     * set and visible now (the lock orders it), and the hand-off stands. */
    ps_lock_acquire(l);
    int queued = fifo_remove(f, self);
    ps_lock_release(l);
    return queued ? PS_ESTOPPED : self->wresult;
}

void actor_wake(ps_actor *waker, ps_actor *w, int64_t item, int result)
{
    (void)waker;
    /* Read before the release below: once w sees wdone it may run on and
     * exit, and a program run gives its ps_actor to a new goroutine. */
    pacer *p = w->pacer;
    int id = w->id;
    w->witem = item;
    w->wresult = result;
    /* Running again before w can see wdone: once it does, it may block on
     * something else at once, and a later store of ours would overwrite
     * that state (the bug this order fixes). */
    pacer_wake(p, id);
    actor_hook_call(ACTOR_HOOK_WAKE, w);
    /* release: witem, wresult, wcase and the pacer state are visible before wdone. */
    atomic_store_explicit(&w->wdone, 1, memory_order_release);
    pacer_unpark(p, id); /* the pacer's parker: a spare permit is harmless */
}

void waiter_wake(ps_actor *waker, ps_waiter *w, int64_t item, int result)
{
    w->actor->wcase = w->index;
    actor_wake(waker, w->actor, item, result);
}

int waiter_claim(ps_waiter *w)
{
    int free = 0;
    /* relaxed: the claim only picks who hands over; the hand-off travels by
     * wdone's release/acquire, and the select's setup and cleanup are ordered
     * with every claimer by the locks of the FIFOs its nodes are in. */
    return !w->claim || atomic_compare_exchange_strong_explicit(
                            w->claim, &free, 1, memory_order_relaxed, memory_order_relaxed);
}

void fifo_push_waiter(actor_fifo *f, ps_waiter *w)
{
    w->next = NULL;
    if (f->tail)
        f->tail->next = w;
    else
        f->head = w;
    f->tail = w;
    f->n++;
}

void fifo_push(actor_fifo *f, ps_actor *a)
{
    a->wnode.actor = a;
    a->wnode.claim = NULL;
    a->wnode.index = 0;
    fifo_push_waiter(f, &a->wnode);
}

static ps_waiter *fifo_pop_head(actor_fifo *f)
{
    ps_waiter *w = f->head;
    if (w) {
        f->head = w->next;
        if (!f->head)
            f->tail = NULL;
        w->next = NULL;
        f->n--;
    }
    return w;
}

ps_waiter *fifo_take(actor_fifo *f)
{
    ps_waiter *w;
    while ((w = fifo_pop_head(f)) && !waiter_claim(w))
        ; /* a select someone else claimed: drop its node */
    return w;
}

ps_actor *fifo_pop(actor_fifo *f)
{
    ps_waiter *w = fifo_take(f);
    return w ? w->actor : NULL;
}

int fifo_remove_waiter(actor_fifo *f, ps_waiter *w)
{
    ps_waiter *prev = NULL;
    for (ps_waiter *it = f->head; it; prev = it, it = it->next) {
        if (it != w)
            continue;
        if (prev)
            prev->next = it->next;
        else
            f->head = it->next;
        if (f->tail == it)
            f->tail = prev;
        it->next = NULL;
        f->n--;
        return 1;
    }
    return 0;
}

int fifo_remove(actor_fifo *f, ps_actor *a)
{
    return fifo_remove_waiter(f, &a->wnode);
}
