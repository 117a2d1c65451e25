/* bus.h - every thread's events, merged into one causal total order.
 *
 * Each producer owns an SPSC ring (ring.h).  A publish fills a slot in its
 * own ring and commits it: no shared counter, no lock.  The caller stamps
 * the event (rt_ns) from the monotonic clock inside the critical section
 * that orders it against other threads (clock.h says why such stamps respect
 * happens-before); the bus keeps each ring's stamps strictly increasing.
 *
 * The causal invariant: if event A happens-before event B, then key(A) <
 * key(B) and A is committed before B is.  Callers keep it by stamping inside
 * the section that orders the two (or with a hybrid clock: max(reading,
 * previous key published under the lock + 1), where "published" is the key
 * bus_publish returned, after any raise), and by committing before they let
 * another thread act on what the event describes (a hand-off wakes its
 * waiter only after the hand-off's events are published).
 * The one consumer merges the rings by stamp, delivering an event only once
 * every event that happens-before it is visible too, and numbers the merged
 * stream gap-free (seq).  See docs/architecture.md.
 */
#ifndef PS_BUS_H
#define PS_BUS_H

#include <stddef.h>
#include <stdint.h>

#include "event.h"

typedef struct bus bus;

/* n_producers rings of ring_capacity events each.  NULL on ENOMEM. */
bus *bus_create(int n_producers, size_t ring_capacity);
/* Lanes 0..n_static-1 of static_cap events, open for the bus's life, and
 * room for max_dynamic more of dynamic_cap events (rounded up to a power of
 * two) that producers open and close as they come and go (a program's
 * goroutines).  A dynamic lane is made when first needed (64 at a time in
 * one mapping, resident only as written) and reused once its producer
 * closed it and the consumer delivered all it held.  NULL on ENOMEM. */
bus *bus_create_lanes(int n_static, size_t static_cap, int max_dynamic, size_t dynamic_cap);
void bus_destroy(bus *b);

/* Any thread: a dynamic lane for one new producer (its index, >= n_static).
 * When all max_dynamic lanes are open or not yet drained it waits for the
 * consumer to retire one (kicking it).  -1 on ENOMEM or with no dynamic
 * lanes.  The lane's producer is whichever thread the caller hands it to
 * (through a lock or pthread_create, which order the hand-over). */
int bus_open(bus *b);
/* Producer p, after its last publish: the lane returns to the bus.  Its
 * events are all delivered before the lane goes to another producer.  A
 * static lane is not closed. */
void bus_close(bus *b, int p);

/* Producer p (one thread at a time per p).  e->rt_ns is the merge key: it is
 * raised to one more than the ring's previous key if it is not above it (the
 * slot gets the raised value; e is not written); returns the key published.
 * Never drops: waits (spin, then park) while ring p is full.  No lock, no
 * system call and no allocation unless the ring is full or the consumer
 * sleeps. */
uint64_t bus_publish(bus *b, int p, const ps_event *e);
/* Producer p: waits (spin, then park) until ring p has room for n more
 * events (at most its capacity), so that the next n publishes never wait.
 * Callers reserve before a critical section and publish inside it. */
void bus_reserve(bus *b, int p, size_t n);
/* Producer p: 1 if n more events fit in ring p now; never waits. */
int bus_fits(bus *b, int p, size_t n);

/* Consumer: copies up to max events, in merged order, into out; their seq
 * fields are the delivery numbers 0, 1, 2, ... */
size_t bus_poll(bus *b, ps_event *out, size_t max);
/* Consumer: sleeps until an event may be ready, at most timeout_ns (0: no
 * limit).  Returns at once if one already is. */
void bus_wait(bus *b, uint64_t timeout_ns);
/* Wakes a consumer sleeping in bus_wait (from any thread). */
void bus_kick(bus *b);

/* Consumer: 1 if every event committed was delivered, as far as the
 * consumer can see (the listed lanes and the announced ones, not every lane
 * made); exact once no producer publishes any more (say every thread
 * exited).  O(listed lanes), where bus_published is O(lanes made). */
int bus_drained(bus *b);
/* Consumer: the lanes made so far, and (listed) how many its looks read. */
int bus_lanes(bus *b, int *listed);

/* Events committed so far (all rings), and delivered so far. */
uint64_t bus_published(bus *b);
uint64_t bus_delivered(const bus *b);
/* Total time producers spent waiting for room, and how often. */
uint64_t bus_blocked_ns(bus *b);
uint64_t bus_blocked_count(bus *b);

#endif
