#include "chan.h"

#include <stdlib.h>

int chan_init(ps_chan *q, uint32_t obj, size_t cap)
{
    q->items = NULL;
    if (cap > 0 && !(q->items = calloc(cap, sizeof(int64_t))))
        return -1;
    ps_lock_init(&q->mu);
    q->cap = cap;
    q->head = q->len = 0;
    q->closed = 0;
    q->senders = q->receivers = (actor_fifo){0};
    q->obj = obj;
    q->stamp = 0;
    return 0;
}

void chan_destroy(ps_chan *q)
{
    free(q->items);
    q->items = NULL;
}

void chan_emit(ps_chan *q, ps_actor *self, const actor_time *t, int who, int kind, int64_t arg,
               int64_t value)
{
    actor_publish(self, t,
                  (ps_event){.actor = (uint32_t)who,
                             .kind = (uint16_t)kind,
                             .obj = q->obj,
                             .arg = arg,
                             .value = value});
}

static void push_item(ps_chan *q, int64_t item)
{
    q->items[(q->head + q->len) % q->cap] = item;
    q->len++;
}

static int64_t pop_item(ps_chan *q)
{
    int64_t item = q->items[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
    return item;
}

/* Takes q->mu with room in self's ring for n events (see actor_room). */
static void chan_lock(ps_chan *q, ps_actor *self, int n)
{
    actor_room(self, n);
    ps_lock_acquire(&q->mu);
}

int chan_send_now(ps_chan *q, ps_actor *self, const actor_time *t, int64_t item, int *rc)
{
    *rc = PS_OK;
    if (q->closed) { /* Go: panic: send on closed channel */
        chan_emit(q, self, t, self->id, EV_Q_SEND_CLOSED, item, (int64_t)q->len);
        *rc = PS_ECLOSED;
        return 1;
    }
    ps_waiter *r = fifo_take(&q->receivers);
    if (r) { /* a receiver waits (so nothing is buffered): hand over */
        chan_emit(q, self, t, self->id, EV_Q_SEND, item, 0);
        chan_emit(q, self, t, r->actor->id, EV_Q_RECV, item, 0);
        waiter_wake(self, r, item, PS_OK);
        return 1;
    }
    if (q->len < q->cap) {
        push_item(q, item);
        chan_emit(q, self, t, self->id, EV_Q_SEND, item, (int64_t)q->len);
        return 1;
    }
    return 0;
}

/* Under q->mu: takes the first buffered item; a blocked sender's item (the
 * queue was full) moves into the slot it freed. */
static int64_t recv_buffered(ps_chan *q, ps_actor *self, const actor_time *t)
{
    int64_t item = pop_item(q);
    chan_emit(q, self, t, self->id, EV_Q_RECV, item, (int64_t)q->len);
    ps_waiter *s = fifo_take(&q->senders);
    if (s) {
        push_item(q, s->item);
        chan_emit(q, self, t, s->actor->id, EV_Q_SEND, s->item, (int64_t)q->len);
        waiter_wake(self, s, s->item, PS_OK);
    }
    return item;
}

int chan_recv_now(ps_chan *q, ps_actor *self, const actor_time *t, int64_t *item, int *rc)
{
    *rc = PS_OK;
    if (q->len) {
        *item = recv_buffered(q, self, t);
        return 1;
    }
    ps_waiter *s = fifo_take(&q->senders);
    if (s) { /* unbuffered: the waiting sender's send completes now */
        *item = s->item;
        chan_emit(q, self, t, s->actor->id, EV_Q_SEND, s->item, 0);
        chan_emit(q, self, t, self->id, EV_Q_RECV, s->item, 0);
        waiter_wake(self, s, s->item, PS_OK);
        return 1;
    }
    if (q->closed) {
        chan_emit(q, self, t, self->id, EV_Q_RECV_CLOSED, 0, 0);
        *item = 0;
        *rc = PS_ECLOSED;
        return 1;
    }
    return 0;
}

int chan_send(ps_chan *q, ps_actor *self, int64_t item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 2);
    int rc;
    if (chan_send_now(q, self, &t, item, &rc)) {
        ps_lock_release(&q->mu);
        return rc;
    }
    chan_emit(q, self, &t, self->id, EV_Q_SEND_BLOCKED, item, (int64_t)q->len);
    self->wnode.item = item;
    return actor_block(self, &q->mu, &q->senders);
}

int chan_recv(ps_chan *q, ps_actor *self, int64_t *item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 2);
    int rc;
    if (chan_recv_now(q, self, &t, item, &rc)) {
        ps_lock_release(&q->mu);
        return rc;
    }
    chan_emit(q, self, &t, self->id, EV_Q_RECV_BLOCKED, 0, 0);
    rc = actor_block(self, &q->mu, &q->receivers);
    *item = rc == PS_OK ? self->witem : 0;
    return rc;
}

int chan_try_send(ps_chan *q, ps_actor *self, int64_t item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 2);
    int rc;
    if (!chan_send_now(q, self, &t, item, &rc)) {
        chan_emit(q, self, &t, self->id, EV_SELECT_DEFAULT, 1, 1); /* one case, not nil */
        rc = PS_EAGAIN;
    }
    ps_lock_release(&q->mu);
    return rc;
}

int chan_try_recv(ps_chan *q, ps_actor *self, int64_t *item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 2);
    int rc;
    if (!chan_recv_now(q, self, &t, item, &rc)) {
        chan_emit(q, self, &t, self->id, EV_SELECT_DEFAULT, 1, 1);
        *item = 0;
        rc = PS_EAGAIN;
    }
    ps_lock_release(&q->mu);
    return rc;
}

int chan_close(ps_chan *q, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 1);
    /* one event for the close and one per waiter it wakes */
    while (!actor_fits(self, 1 + q->receivers.n + q->senders.n)) {
        int need = 1 + q->receivers.n + q->senders.n;
        ps_lock_release(&q->mu);
        chan_lock(q, self, need);
    }
    if (q->closed) { /* Go: panic: close of closed channel */
        chan_emit(q, self, &t, self->id, EV_Q_CLOSE_CLOSED, 0, (int64_t)q->len);
        ps_lock_release(&q->mu);
        return PS_ECLOSED;
    }
    q->closed = 1;
    chan_emit(q, self, &t, self->id, EV_Q_CLOSE, 0, (int64_t)q->len);
    ps_waiter *w;
    while ((w = fifo_take(&q->receivers))) {
        chan_emit(q, self, &t, w->actor->id, EV_Q_RECV_CLOSED, 0, 0);
        waiter_wake(self, w, 0, PS_ECLOSED);
    }
    while ((w = fifo_take(&q->senders))) { /* Go panics in each sender */
        chan_emit(q, self, &t, w->actor->id, EV_Q_SEND_CLOSED, w->item, 0);
        waiter_wake(self, w, 0, PS_ECLOSED);
    }
    ps_lock_release(&q->mu);
    return PS_OK;
}

size_t chan_len(ps_chan *q)
{
    ps_lock_acquire(&q->mu);
    size_t n = q->len;
    ps_lock_release(&q->mu);
    return n;
}

size_t chan_cap(const ps_chan *q)
{
    return q->cap; /* set at init, read-only after */
}
