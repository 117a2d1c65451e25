/* bus.h - every thread's events, merged into one causal total order.
 *
 * Each producer owns an SPSC ring (ring.h).  A publish reserves a slot in its
 * own ring, takes the next global sequence number with one fetch-add, fills
 * the slot and commits it.  The one consumer merges the rings by sequence
 * number through a reorder window, so it delivers every event exactly once,
 * in gap-free sequence order.  Because every instrumented hand-off publishes
 * its "send" before the hand-off and the receiver publishes after it, and
 * because fetch-adds on one atomic are totally ordered consistently with
 * happens-before, the sequence order respects causality.  See
 * docs/architecture.md.
 */
#ifndef PS_BUS_H
#define PS_BUS_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

typedef struct bus bus;

/* n_producers rings of ring_capacity events each.  NULL on ENOMEM. */
bus *bus_create(int n_producers, size_t ring_capacity);
void bus_destroy(bus *b);

/* Producer p (one thread at a time per p): e->seq is assigned here.  Never
 * drops: waits (spin, then park) while ring p is full.  No lock, no system
 * call and no allocation unless the ring is full or the consumer sleeps. */
void bus_publish(bus *b, int p, ps_event *e);

/* Consumer: copies up to max events, in sequence order, into out. */
size_t bus_poll(bus *b, ps_event *out, size_t max);
/* Consumer: sleeps until an event may be ready, at most timeout_ns (0: no
 * limit).  Returns at once if one already is. */
void bus_wait(bus *b, uint64_t timeout_ns);
/* Wakes a consumer sleeping in bus_wait (from any thread). */
void bus_kick(bus *b);

/* Sequence numbers handed out so far, and delivered so far. */
uint64_t bus_published(bus *b);
uint64_t bus_delivered(const bus *b);
/* Total time producers spent waiting for room, and how often. */
uint64_t bus_blocked_ns(bus *b);
uint64_t bus_blocked_count(bus *b);
int bus_producers(const bus *b);

#endif
