#define _GNU_SOURCE /* pthread_tryjoin_np */
/* harness.h - a bare harness for the primitive tests: a bus and a pacer with
 * n actors and no scenario; the test's own thread is the consumer, and
 * threads started with h_spawn are joined by h_join while it drains. */
#ifndef PS_HARNESS_H
#define PS_HARNESS_H

#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rt/actor.h"
#include "sync/clock.h"

#define H_MAX 8

typedef struct harness {
    bus *b;
    pacer *p;
    int n;
    ps_actor a[H_MAX];
    ps_event *ev; /* every event h_drain collected, in order */
    size_t n_ev, cap_ev;
} harness;

static inline void h_init_n(harness *h, int n, size_t ring)
{
    memset(h, 0, sizeof *h);
    h->n = n;
    h->b = bus_create(n, ring);
    h->p = pacer_create(n, PACER_RUN, 1000);
    for (int i = 0; i < n; i++) {
        h->a[i].id = i;
        h->a[i].producer = i;
        h->a[i].bus = h->b;
        h->a[i].pacer = h->p;
        h->a[i].rt0 = clock_now_ns();
    }
}

/* Four actors, rings of 256. */
static inline void h_init(harness *h)
{
    h_init_n(h, 4, 256);
}

static inline void h_free(harness *h)
{
    pacer_destroy(h->p);
    bus_destroy(h->b);
    free(h->ev);
}

/* Every event so far, in order, into out; returns how many. */
static inline size_t h_events(harness *h, ps_event *out, size_t max)
{
    size_t n = 0, k;
    while ((k = bus_poll(h->b, out + n, max - n)) > 0)
        n += k;
    return n;
}

/* Appends every event delivered now to h->ev; returns how many. */
static inline size_t h_drain(harness *h)
{
    size_t got = 0;
    for (;;) {
        if (h->cap_ev - h->n_ev < 256) {
            h->cap_ev = h->cap_ev ? h->cap_ev * 2 : 4096;
            h->ev = realloc(h->ev, h->cap_ev * sizeof *h->ev);
            ck_assert_ptr_nonnull(h->ev);
        }
        size_t k = bus_poll(h->b, h->ev + h->n_ev, 256);
        if (!k)
            return got;
        h->n_ev += k;
        got += k;
    }
}

/* Drains (so no ring stays full) until every thread in t[0..n) is joined. */
static inline void h_join(harness *h, pthread_t *t, int n)
{
    int joined[H_MAX] = {0}, left = n;
    while (left) {
        h_drain(h);
        for (int i = 0; i < n; i++)
            if (!joined[i] && pthread_tryjoin_np(t[i], NULL) == 0) {
                joined[i] = 1;
                left--;
            }
        if (left)
            usleep(100);
    }
    h_drain(h);
}

/* Waits until actor id is parked in a primitive. */
static inline void wait_blocked(harness *h, int id)
{
    for (int i = 0; i < 5000; i++) {
        pacer_view v;
        pacer_view_get(h->p, &v);
        if (v.actors[id].state == PA_BLOCKED)
            return;
        usleep(1000);
    }
    ck_abort_msg("actor %d never blocked", id);
}

/* 1 if actor id is still blocked after ms milliseconds (a wait that must
 * not end by itself). */
static inline int still_blocked(harness *h, int id, int ms)
{
    usleep((useconds_t)ms * 1000);
    pacer_view v;
    pacer_view_get(h->p, &v);
    return v.actors[id].state == PA_BLOCKED;
}

/* The collected events of one kind (and obj, or any if obj < 0). */
static inline size_t h_count(const harness *h, int kind, int64_t obj)
{
    size_t n = 0;
    for (size_t i = 0; i < h->n_ev; i++)
        if (h->ev[i].kind == kind && (obj < 0 || h->ev[i].obj == (uint32_t)obj))
            n++;
    return n;
}

#endif
