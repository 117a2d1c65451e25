#include "chan_select.h"

#include <string.h>

#include "sync/rng.h"

/* The distinct queues of a select in address order, and the stamp of the
 * events published while all their locks are held. */
typedef struct sel_locks {
    ps_chan *q[CHAN_SELECT_MAX];
    int n;
    uint64_t last; /* max of their stamps, then the last key published */
} sel_locks;

static int sel_valid(const chan_case *cases, int n, const uint64_t *rng)
{
    if (n < 0 || n > CHAN_SELECT_MAX || (n > 0 && !cases) || (n > 1 && !rng))
        return 0;
    for (int i = 0; i < n; i++)
        if (cases[i].dir != CHAN_SEND && cases[i].dir != CHAN_RECV)
            return 0;
    return 1;
}

/* Insertion by address (uintptr_t: unrelated pointers do not compare),
 * each queue once however many cases name it. */
static void sel_order(sel_locks *l, const chan_case *cases, int n)
{
    l->n = 0;
    for (int i = 0; i < n; i++) {
        ps_chan *q = cases[i].q;
        int j = l->n;
        if (!q)
            continue;
        while (j > 0 && (uintptr_t)l->q[j - 1] > (uintptr_t)q)
            j--;
        if (j > 0 && l->q[j - 1] == q)
            continue;
        memmove(&l->q[j + 1], &l->q[j], (size_t)(l->n - j) * sizeof l->q[0]);
        l->q[j] = q;
        l->n++;
    }
}

static void sel_lock(sel_locks *l)
{
    l->last = 0;
    for (int i = 0; i < l->n; i++) {
        ps_lock_acquire(&l->q[i]->mu);
        if (l->q[i]->stamp > l->last)
            l->last = l->q[i]->stamp;
    }
}

/* published: events went out under the locks, so each queue's next event
 * must be stamped above the last of them. */
static void sel_unlock(sel_locks *l, int published)
{
    for (int i = l->n - 1; i >= 0; i--) {
        if (published)
            l->q[i]->stamp = l->last;
        ps_lock_release(&l->q[i]->mu);
    }
}

/* A uniform permutation of 0..n-1 (Fisher-Yates). */
static void sel_permute(uint16_t *order, int n, uint64_t *rng)
{
    for (int i = 0; i < n; i++)
        order[i] = (uint16_t)i;
    for (int i = n - 1; i > 0; i--) {
        int j = (int)rng_below(rng, (uint32_t)i + 1);
        uint16_t x = order[i];
        order[i] = order[j];
        order[j] = x;
    }
}

/* Under the locks: the first case in 'order' that can complete now does;
 * its index, with *rc its result, or CHAN_DEFAULT. */
static int sel_try(chan_case *cases, const uint16_t *order, int n, ps_actor *self,
                   const actor_time *t, int *rc)
{
    for (int k = 0; k < n; k++) {
        chan_case *c = &cases[order[k]];
        if (!c->q)
            continue;
        if (c->dir == CHAN_SEND) {
            if (chan_send_now(c->q, self, t, c->item, rc))
                return order[k];
        } else if (chan_recv_now(c->q, self, t, &c->item, rc)) {
            c->ok = *rc == PS_OK;
            *rc = PS_OK; /* a closed queue is a case that proceeds, ok 0 */
            return order[k];
        }
    }
    return CHAN_DEFAULT;
}

/* select-blocked or select-default, under the locks. */
static void sel_emit(ps_actor *self, const actor_time *t, int kind, const chan_case *cases, int n)
{
    int live = 0;
    uint32_t obj = 0;
    for (int i = 0; i < n; i++)
        if (cases[i].q && !live++)
            obj = cases[i].q->obj;
    actor_publish(self, t,
                  (ps_event){.actor = (uint16_t)self->id,
                             .kind = (uint16_t)kind,
                             .obj = obj,
                             .arg = n,
                             .value = live});
}

static actor_fifo *case_fifo(chan_case *c)
{
    return c->dir == CHAN_SEND ? &c->q->senders : &c->q->receivers;
}

/* Under the locks: one node per non-nil case, all claimed through *claim. */
static void sel_queue(chan_case *cases, int n, ps_actor *self, _Atomic int *claim)
{
    for (int i = 0; i < n; i++) {
        if (!cases[i].q)
            continue;
        cases[i].node = (ps_waiter){.actor = self, .claim = claim, .index = i};
        cases[i].node.item = cases[i].dir == CHAN_SEND ? cases[i].item : 0;
        fifo_push_waiter(case_fifo(&cases[i]), &cases[i].node);
    }
}

/* Under the locks: the nodes no waker popped leave their queues. */
static void sel_dequeue(chan_case *cases, int n)
{
    for (int i = 0; i < n; i++)
        if (cases[i].q)
            fifo_remove_waiter(case_fifo(&cases[i]), &cases[i].node);
}

/* Blocked: parks until a waker claims a case or the run stops (see the
 * header); returns the case's result and sets *chosen. */
static int sel_block(chan_case *cases, int n, ps_actor *self, sel_locks *l, int *chosen)
{
    _Atomic int claim;
    /* relaxed: published to wakers by the locks released below. */
    atomic_init(&claim, 0);
    sel_queue(cases, n, self, &claim);
    actor_block_begin(self);
    sel_unlock(l, 1);
    int handed = actor_await(self);
    sel_lock(l);
    ps_waiter own = {.claim = &claim};
    /* Stopping and no waker claimed it: winning its own claim word means
     * none will.  With every lock held, a waker that did claim it has
     * finished its hand-off (it claims and hands over under one of them). */
    int stopped = !handed && waiter_claim(&own);
    sel_dequeue(cases, n);
    sel_unlock(l, 0);
    if (stopped)
        return PS_ESTOPPED;
    chan_case *c = &cases[self->wcase];
    *chosen = self->wcase;
    if (c->dir == CHAN_SEND)
        return self->wresult;
    c->ok = self->wresult == PS_OK;
    c->item = c->ok ? self->witem : 0;
    return PS_OK;
}

int chan_select(ps_actor *self, chan_case *cases, int n, int block, uint64_t *rng, int *chosen)
{
    *chosen = CHAN_DEFAULT;
    if (!sel_valid(cases, n, rng))
        return PS_EINVAL;
    if (actor_point(self))
        return PS_ESTOPPED;
    uint16_t order[CHAN_SELECT_MAX];
    sel_permute(order, n, rng);
    sel_locks l;
    sel_order(&l, cases, n);
    actor_time t = actor_time_locked(self, &l.last);
    actor_room(self, 2); /* a case's two events, or the select's one */
    sel_lock(&l);
    int rc = PS_OK;
    if ((*chosen = sel_try(cases, order, n, self, &t, &rc)) != CHAN_DEFAULT) {
        sel_unlock(&l, 1);
        return rc;
    }
    sel_emit(self, &t, block ? EV_SELECT_BLOCKED : EV_SELECT_DEFAULT, cases, n);
    if (!block) {
        sel_unlock(&l, 1);
        return PS_EAGAIN;
    }
    return sel_block(cases, n, self, &l, chosen);
}

int chan_block_forever(ps_actor *self)
{
    int chosen;
    return chan_select(self, NULL, 0, 1, NULL, &chosen);
}
