/* chan_select.h - Go's select over ps_chan queues.
 *
 * chan_select takes an array of cases, each a send (queue, item) or a
 * receive (queue; out: item and ok); a NULL queue is a nil channel, never
 * ready.  It follows Go's rules:
 *   - if one or more cases can proceed, it picks one uniformly at random
 *     from the caller's generator state (rng.h), so the same seed makes the
 *     same choices;
 *   - if none can and block is 0 (a select with default), it returns
 *     PS_EAGAIN with *chosen = CHAN_DEFAULT;
 *   - else it blocks on all of them until exactly one proceeds.
 *
 * How (Go's selectgo): the select takes the locks of all its queues in
 * address order (a global order: no two selects deadlock), visits the cases
 * in a random permutation and performs the first that can complete now
 * (chan_send_now / chan_recv_now), so the pick is uniform among the ready
 * ones.  If none is ready it queues one waiter node per case (the node
 * inside each chan_case) on that queue's senders or receivers, every node
 * pointing at one claim word, tells the pacer it is blocked
 * (actor_block_begin), releases the locks and parks (actor_await).  A waker
 * on any of the queues claims the select by compare-exchange on that word
 * (fifo_take) and hands over exactly as to a plain waiter, recording the
 * case (wcase); a waker that loses the race drops the node and serves the
 * next waiter.  The select, woken, takes its locks again and removes its
 * other nodes.  If the run stops first it takes its locks and claims its
 * own word: winning means no hand-off will come (PS_ESTOPPED); losing means
 * one came, and it is kept.
 *
 * Events: a case that proceeds publishes what chan_send / chan_recv would
 * (queue-send, queue-recv, queue-recv-closed, queue-send-on-closed), by the
 * select itself or, after it blocked, by its waker.  A select that blocks
 * publishes select-blocked, one with default that finds nothing ready
 * select-default (obj: the first non-nil case's queue, arg: cases, value:
 * non-nil cases).  The events of one select are published with every one of
 * its locks held and stamped above each queue's last event.
 */
#ifndef PS_CHAN_SELECT_H
#define PS_CHAN_SELECT_H

#include <stdint.h>

#include "actor.h"
#include "chan.h"

/* The most cases of one select (more: PS_EINVAL). */
#define CHAN_SELECT_MAX 128
/* *chosen when no case proceeded (default taken, stopped, bad arguments). */
#define CHAN_DEFAULT (-1)

typedef enum chan_dir { CHAN_SEND = 1, CHAN_RECV = 2 } chan_dir;

typedef struct chan_case {
    ps_chan *q;     /* NULL: a nil channel (never ready) */
    chan_dir dir;   /* CHAN_SEND or CHAN_RECV */
    int64_t item;   /* send: the item; receive, out: the item (0 when closed) */
    int ok;         /* receive, out: 1 received, 0 the queue is closed (v, ok) */
    ps_waiter node; /* private: the case's wait while the select blocks */
} chan_case;

/* Returns PS_OK with *chosen the index of the case that proceeded (for a
 * receive: item and ok set; a closed queue is ok 0, not an error); or
 * PS_ECLOSED with *chosen a send case whose queue is closed (Go: panic:
 * send on closed channel); PS_EAGAIN (block 0 and nothing ready); PS_ESTOPPED;
 * PS_EINVAL (n < 0, n > CHAN_SELECT_MAX, cases NULL with n > 0, a bad dir,
 * or rng NULL with n > 1).  rng is the caller's generator state (rng.h),
 * drawn from only when n > 1.  A select whose cases are all nil (or n 0)
 * with block 1 blocks for ever: Go's select {}. */
int chan_select(ps_actor *self, chan_case *cases, int n, int block, uint64_t *rng, int *chosen);

/* Blocks for ever (an operation on a nil channel, an empty select {}): a
 * select-blocked event with no case; blocked for deadlock detection;
 * returns PS_ESTOPPED when the run stops. */
int chan_block_forever(ps_actor *self);

#endif
