/* chan.h - a FIFO queue of int64 items with Go's channel semantics.
 *
 * Buffered (cap >= 1): send blocks while full; recv blocks while empty.
 * Unbuffered (cap 0): a rendezvous.  A send completes only when a receiver
 * takes its item: a sender that comes first blocks with its item until a
 * receiver takes it and wakes it; a receiver that comes first blocks until a
 * sender hands over.  The hand-off publishes queue-send (the sender's) then
 * queue-recv (the receiver's), both with depth 0, published by whichever of
 * the two came second, under the queue's lock, before it wakes the other.
 *
 * close lets receivers drain what is left and then see "closed" (the zero
 * value and PS_ECLOSED), waking every blocked receiver that way; a send on a
 * closed queue, including one blocked when the close came, is reported
 * (PS_ECLOSED and a queue-send-on-closed event: Go's "send on closed
 * channel" panic), and so is a close of a closed one (PS_ECLOSED and
 * queue-close-closed: Go's "close of closed channel"), never a crash.
 * Blocked threads wait in FIFO order, each on its own parker; a send to a
 * waiting receiver hands the item over directly, as Go does.  A select
 * (chan_select.h) waits on several queues at once with the same rules.
 */
#ifndef PS_CHAN_H
#define PS_CHAN_H

#include <stddef.h>
#include <stdint.h>

#include "actor.h"
#include "sync/lock.h"

typedef struct ps_chan {
    /* own cache lines: two queues must not share one (their locks are the
     * hottest words of a worker pool) */
    _Alignas(64) ps_lock mu; /* spin briefly, then futex: see lock.h */
    /* under mu */
    int64_t *items;
    size_t cap, head, len;
    int closed;
    actor_fifo senders, receivers;
    uint64_t stamp; /* the last event stamp published under mu */
    uint32_t obj;
} ps_chan;

/* cap 0: unbuffered.  -1 on ENOMEM. */
int chan_init(ps_chan *q, uint32_t obj, size_t cap);
void chan_destroy(ps_chan *q);
/* PS_OK once the item is in the buffer or taken by a receiver; PS_ECLOSED
 * on a closed queue; PS_ESTOPPED. */
int chan_send(ps_chan *q, ps_actor *self, int64_t item);
/* PS_OK with *item; PS_ECLOSED (closed and drained: *item = 0, Go's
 * "v, ok := <-ch" with ok false); PS_ESTOPPED. */
int chan_recv(ps_chan *q, ps_actor *self, int64_t *item);
/* Go's select with one case and default: as chan_send / chan_recv when they
 * can complete at once, else PS_EAGAIN and a select-default event. */
int chan_try_send(ps_chan *q, ps_actor *self, int64_t item);
int chan_try_recv(ps_chan *q, ps_actor *self, int64_t *item);
int chan_close(ps_chan *q, ps_actor *self);
/* Go's len(ch) and cap(ch): items buffered now, and the capacity (0 and 0
 * for an unbuffered queue). */
size_t chan_len(ps_chan *q);
size_t chan_cap(const ps_chan *q);

/* ---- the halves a select uses: under q->mu, with room for 2 events ----
 * A send or receive that can complete now does, publishing its events
 * (stamped by t) and waking the waiter it hands over to: 1, with *rc PS_OK
 * or PS_ECLOSED (and *item for a receive: 0 when closed).  0 if it would
 * block: nothing changed, nothing published. */
int chan_send_now(ps_chan *q, ps_actor *self, const actor_time *t, int64_t item, int *rc);
int chan_recv_now(ps_chan *q, ps_actor *self, const actor_time *t, int64_t *item, int *rc);
/* An event about actor 'who' on q, under q->mu, stamped by t. */
void chan_emit(ps_chan *q, ps_actor *self, const actor_time *t, int who, int kind, int64_t arg,
               int64_t value);

#define CHAN_CLOSE_CLOSED_MSG "close of closed channel"
#define CHAN_SEND_CLOSED_MSG "send on closed channel"

#endif
