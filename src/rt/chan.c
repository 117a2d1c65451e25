#include "chan.h"

#include <stdlib.h>

int chan_init(ps_chan *q, uint32_t obj, size_t cap)
{
    if (cap < 1)
        return -1;
    q->items = calloc(cap, sizeof(int64_t));
    if (!q->items)
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

/* An event under q->mu about actor 'who', stamped by t (read before the lock). */
static void chan_emit(ps_chan *q, ps_actor *self, const actor_time *t, int who, int kind,
                      int64_t arg, int64_t value)
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

int chan_send(ps_chan *q, ps_actor *self, int64_t item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 2);
    if (q->closed) {
        chan_emit(q, self, &t, self->id, EV_Q_SEND_CLOSED, item, (int64_t)q->len);
        ps_lock_release(&q->mu);
        return PS_ECLOSED;
    }
    ps_actor *r = fifo_pop(&q->receivers);
    if (r) { /* an empty queue with a waiting receiver: hand over */
        chan_emit(q, self, &t, self->id, EV_Q_SEND, item, 0);
        chan_emit(q, self, &t, r->id, EV_Q_RECV, item, 0);
        actor_wake(self, r, item, PS_OK);
        ps_lock_release(&q->mu);
        return PS_OK;
    }
    if (q->len < q->cap) {
        push_item(q, item);
        chan_emit(q, self, &t, self->id, EV_Q_SEND, item, (int64_t)q->len);
        ps_lock_release(&q->mu);
        return PS_OK;
    }
    chan_emit(q, self, &t, self->id, EV_Q_SEND_BLOCKED, item, (int64_t)q->len);
    self->witem = item;
    return actor_block(self, &q->mu, &q->senders);
}

int chan_recv(ps_chan *q, ps_actor *self, int64_t *item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &q->stamp);
    chan_lock(q, self, 2);
    if (q->len) {
        *item = pop_item(q);
        chan_emit(q, self, &t, self->id, EV_Q_RECV, *item, (int64_t)q->len);
        ps_actor *s = fifo_pop(&q->senders);
        if (s) { /* room now: the first blocked sender's item goes in */
            push_item(q, s->witem);
            chan_emit(q, self, &t, s->id, EV_Q_SEND, s->witem, (int64_t)q->len);
            actor_wake(self, s, s->witem, PS_OK);
        }
        ps_lock_release(&q->mu);
        return PS_OK;
    }
    if (q->closed) {
        chan_emit(q, self, &t, self->id, EV_Q_RECV_CLOSED, 0, 0);
        ps_lock_release(&q->mu);
        return PS_ECLOSED;
    }
    chan_emit(q, self, &t, self->id, EV_Q_RECV_BLOCKED, 0, 0);
    int rc = actor_block(self, &q->mu, &q->receivers);
    if (rc == PS_OK)
        *item = self->witem;
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
    ps_actor *a;
    while ((a = fifo_pop(&q->receivers))) {
        chan_emit(q, self, &t, a->id, EV_Q_RECV_CLOSED, 0, 0);
        actor_wake(self, a, 0, PS_ECLOSED);
    }
    while ((a = fifo_pop(&q->senders))) { /* Go panics in each sender */
        chan_emit(q, self, &t, a->id, EV_Q_SEND_CLOSED, a->witem, 0);
        actor_wake(self, a, 0, PS_ECLOSED);
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
