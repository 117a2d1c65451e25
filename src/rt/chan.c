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
    q->senders.head = q->senders.tail = NULL;
    q->receivers.head = q->receivers.tail = NULL;
    q->obj = obj;
    q->stamp = 0;
    return 0;
}

void chan_destroy(ps_chan *q)
{
    free(q->items);
    q->items = NULL;
}

/* An event under q->mu, stamped from 'now', read before the lock. */
static void emit_q(ps_chan *q, ps_actor *self, uint64_t now, int who, int kind, int64_t arg,
                   int64_t value)
{
    actor_emit_locked(self, &q->stamp, now, who, kind, q->obj, arg, value);
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

/* Blocks self in fifo f (q->mu held on entry, released on return). */
static int block_on(ps_chan *q, actor_fifo *f, ps_actor *self)
{
    fifo_push(f, self);
    pacer_block(self->pacer, self->id);
    ps_lock_release(&q->mu);
    if (actor_wait_handoff(self) == PS_OK)
        return self->wresult;
    ps_lock_acquire(&q->mu);
    fifo_remove(f, self);
    ps_lock_release(&q->mu);
    return PS_ESTOPPED;
}

int chan_send(ps_chan *q, ps_actor *self, int64_t item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    ps_lock_acquire(&q->mu);
    if (q->closed) {
        emit_q(q, self, now, self->id, EV_Q_SEND_CLOSED, item, (int64_t)q->len);
        ps_lock_release(&q->mu);
        return PS_ECLOSED;
    }
    ps_actor *r = fifo_pop(&q->receivers);
    if (r) { /* an empty queue with a waiting receiver: hand over */
        emit_q(q, self, now, self->id, EV_Q_SEND, item, 0);
        emit_q(q, self, now, r->id, EV_Q_RECV, item, 0);
        actor_handoff(self, r, item, PS_OK);
        ps_lock_release(&q->mu);
        return PS_OK;
    }
    if (q->len < q->cap) {
        push_item(q, item);
        emit_q(q, self, now, self->id, EV_Q_SEND, item, (int64_t)q->len);
        ps_lock_release(&q->mu);
        return PS_OK;
    }
    emit_q(q, self, now, self->id, EV_Q_SEND_BLOCKED, item, (int64_t)q->len);
    self->witem = item;
    return block_on(q, &q->senders, self);
}

int chan_recv(ps_chan *q, ps_actor *self, int64_t *item)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    ps_lock_acquire(&q->mu);
    if (q->len) {
        *item = pop_item(q);
        emit_q(q, self, now, self->id, EV_Q_RECV, *item, (int64_t)q->len);
        ps_actor *s = fifo_pop(&q->senders);
        if (s) { /* room now: the first blocked sender's item goes in */
            push_item(q, s->witem);
            emit_q(q, self, now, s->id, EV_Q_SEND, s->witem, (int64_t)q->len);
            actor_handoff(self, s, s->witem, PS_OK);
        }
        ps_lock_release(&q->mu);
        return PS_OK;
    }
    if (q->closed) {
        emit_q(q, self, now, self->id, EV_Q_RECV_CLOSED, 0, 0);
        ps_lock_release(&q->mu);
        return PS_ECLOSED;
    }
    emit_q(q, self, now, self->id, EV_Q_RECV_BLOCKED, 0, 0);
    int rc = block_on(q, &q->receivers, self);
    if (rc == PS_OK)
        *item = self->witem;
    return rc;
}

int chan_close(ps_chan *q, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    uint64_t now = actor_clock(self); /* outside the lock: see actor_emit_locked */
    ps_lock_acquire(&q->mu);
    if (q->closed) {
        emit_q(q, self, now, self->id, EV_Q_SEND_CLOSED, 0, (int64_t)q->len);
        ps_lock_release(&q->mu);
        return PS_ECLOSED;
    }
    q->closed = 1;
    emit_q(q, self, now, self->id, EV_Q_CLOSE, 0, (int64_t)q->len);
    ps_actor *a;
    while ((a = fifo_pop(&q->receivers))) {
        emit_q(q, self, now, a->id, EV_Q_RECV_CLOSED, 0, 0);
        actor_handoff(self, a, 0, PS_ECLOSED);
    }
    while ((a = fifo_pop(&q->senders))) { /* Go panics here; we report it */
        emit_q(q, self, now, a->id, EV_Q_SEND_CLOSED, a->witem, 0);
        actor_handoff(self, a, 0, PS_ECLOSED);
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
