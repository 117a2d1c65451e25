/* chan.h - a bounded FIFO job queue with Go buffered-channel semantics.
 *
 * send blocks while full; recv blocks while empty; close lets receivers
 * drain what is left and then see "closed"; a send on a closed queue is
 * reported (PS_ECLOSED and a queue-send-on-closed event: Go's "send on
 * closed channel" panic), and so is a close of a closed one (PS_ECLOSED and
 * queue-close-closed: Go's "close of closed channel"), never a crash.
 * Blocked threads wait in FIFO order, each on its own parker; a send to a
 * waiting receiver hands the item over directly, as Go does.
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

int chan_init(ps_chan *q, uint32_t obj, size_t cap);
void chan_destroy(ps_chan *q);
int chan_send(ps_chan *q, ps_actor *self, int64_t item);
int chan_recv(ps_chan *q, ps_actor *self, int64_t *item);
int chan_close(ps_chan *q, ps_actor *self);
/* Go's len(ch) and cap(ch): items buffered now, and the capacity. */
size_t chan_len(ps_chan *q);
size_t chan_cap(const ps_chan *q);

#define CHAN_CLOSE_CLOSED_MSG "close of closed channel"
#define CHAN_SEND_CLOSED_MSG "send on closed channel"

#endif
