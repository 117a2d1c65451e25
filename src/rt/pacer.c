#include "pacer.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "sync/clock.h"

/* An actor's state word: (version << 4) | pacer_state.  Every change bumps
 * the version, so a reader that collects all words twice and sees the same
 * values has a consistent snapshot (pacer_view_get).  Writers of one actor's
 * word never race: its own thread, the thread that wakes it (ordered with
 * its block by the primitive's lock, and done before the woken thread can
 * run on: actor_wake), the controller under mu when it grants a step to
 * a thread stopped at a point, and whoever gives a free slot to a new
 * goroutine (pacer_enter, ordered after the last occupant's pacer_exit by
 * the run's slot lock).
 *
 * Slots: actor id a lives in slot a % n (a scenario's ids are 0..n-1, so
 * its slot is its id).  A program run gives a goroutine an id whose slot is
 * free (run_go), so ids are never reused while slots are.
 *
 * The counts word: (live << 32) | active, where live is how many slots are
 * not PA_DONE and active how many are neither PA_DONE nor PA_BLOCKED.
 * st_set changes it whenever a slot's state crosses either line, with one
 * atomic add, so the adds of all slots are one total order (a read-modify-
 * write's modification order), consistent with happens-before: a block is
 * counted before the waker, who needs its lock, can count the wake, and the
 * wake before the woken thread can block again (actor_wake).  So active
 * reaches 0 only at an instant at which every live thread was blocked and
 * none had a hand-off on its way: Go's deadlock, exactly. */
/* The longest single sleep of timed work in RUN mode (it loops). */
#define PACER_PARK_MAX_NS 1000000000u
/* Equal deadlines in RUN mode (see first_due): how long a thread due at the
 * same virtual instant waits for one that began its timed work earlier and
 * has just woken, and how often it looks. */
#define PACER_TIE_GRACE_NS 10000000u
#define PACER_TIE_POLL_NS 100000u

#define ST_MASK 0xfu
#define ST_VER 0x10u

typedef struct pacer_actor {
    /* under pacer.mu, except state (see above) and pk (its own atomics).
     * In RUN mode pacer_block / pacer_wake change state without mu, so each
     * actor has its own cache line(s): W1's blocking must not evict W2's. */
    _Alignas(64) _Atomic uint32_t state;
    int id; /* the actor in this slot (its last one once done): ties go to the lowest */
    int granted;
    uint64_t ready_step;
    uint64_t deadline;
    int cancellable; /* in pacer_work_cancellable; under mu */
    /* under mu: the order timed works began (ties of equal deadlines), and
     * when the last one ended (real ns; 0: never, or cut short) */
    uint64_t tseq;
    uint64_t woke_real;
    parker pk;
} pacer_actor;

struct pacer {
    _Atomic int gate; /* must stay first: see pacer_gate() */
    pthread_mutex_t mu;
    pthread_cond_t ctl_cv; /* the controller waits here for quiescence */
    /* under mu */
    int mode;
    _Atomic int stopping; /* written under mu; read anywhere */
    int cancelled;        /* pacer_cancel was called; under mu */
    int64_t speed;
    uint64_t steps;
    uint64_t tseq; /* timed works begun */
    /* the virtual clock: v = vbase + (now - rbase) * rate / 1000; written
     * under mu inside a seqlock so pacer_vnow() reads it without the lock;
     * its own line, read by every event and written only on mode changes */
    _Alignas(64) _Atomic uint32_t clk_seq;
    _Atomic uint64_t clk_vbase;
    _Atomic uint64_t clk_rbase;
    _Atomic int64_t clk_rate;
    /* its own line: every block, wake, start and exit adds to it */
    _Alignas(64) _Atomic uint64_t counts; /* (live << 32) | active: see above */
    /* set before any thread runs (pacer_on_deadlock), read-only after */
    _Alignas(64) void (*on_deadlock)(void *ctx);
    void *deadlock_ctx;
    int n;
    int hi; /* slots [0, hi) were ever entered; under mu */
    pacer_actor a[];
};

#define COUNT_LIVE ((uint64_t)1 << 32)
#define COUNT_ACTIVE_MASK 0xffffffffu

/* The slot of actor id a. */
static inline pacer_actor *slot_of(pacer *p, int actor)
{
    return &p->a[actor < p->n ? actor : actor % p->n];
}

static int st_active(int st)
{
    return st != PA_BLOCKED && st != PA_DONE;
}

static int st_get(const pacer_actor *a)
{
    /* relaxed: callers hold mu, or only need the actor's own latest write
     * (pacer_view_get validates its snapshot by versions). */
    return (int)(atomic_load_explicit(&a->state, memory_order_relaxed) & ST_MASK);
}

static int is_stopping(pacer *p)
{
    /* acquire: pairs with pacer_stop's store (parkers also carry it). */
    return atomic_load_explicit(&p->stopping, memory_order_acquire);
}

/* The counts after a slot went from state 'was' to 'st'; calls the
 * deadlock hook if that left live threads and none active. */
static void count_change(pacer *p, int was, int st)
{
    int64_t d = (int64_t)st_active(st) - st_active(was);
    d += ((int64_t)(st != PA_DONE) - (was != PA_DONE)) * (int64_t)COUNT_LIVE;
    if (!d)
        return;
    /* relaxed: the add's modification order is all exactness needs (see
     * the counts word); the hook publishes what it records itself. */
    uint64_t c =
        atomic_fetch_add_explicit(&p->counts, (uint64_t)d, memory_order_relaxed) + (uint64_t)d;
    if (!(c & COUNT_ACTIVE_MASK) && (c >> 32) && p->on_deadlock && !is_stopping(p))
        p->on_deadlock(p->deadlock_ctx);
}

/* Sets an actor's state (see the writers' rule above).  seq_cst: orders it
 * with the gate load in pacer_block and with the controller's loads. */
static void st_set(pacer *p, pacer_actor *a, int st)
{
    uint32_t w = atomic_load_explicit(&a->state, memory_order_relaxed);
    atomic_store_explicit(&a->state, ((w & ~ST_MASK) + ST_VER) | (uint32_t)st,
                          memory_order_seq_cst);
    count_change(p, (int)(w & ST_MASK), st);
}

static uint64_t clock_read(pacer *p, uint64_t now)
{
    uint32_t s1, s2;
    uint64_t vb, rb;
    int64_t rate;
    do {
        /* acquire: the fields read below are not older than this version. */
        s1 = atomic_load_explicit(&p->clk_seq, memory_order_acquire);
        /* relaxed field reads, validated by the sequence re-check. */
        vb = atomic_load_explicit(&p->clk_vbase, memory_order_relaxed);
        rb = atomic_load_explicit(&p->clk_rbase, memory_order_relaxed);
        rate = atomic_load_explicit(&p->clk_rate, memory_order_relaxed);
        /* acquire fence: the field reads happen before the re-check. */
        atomic_thread_fence(memory_order_acquire);
        s2 = atomic_load_explicit(&p->clk_seq, memory_order_relaxed);
    } while (s1 != s2 || (s1 & 1));
    if (!rate || now <= rb)
        return vb;
    uint64_t dv = clock_scale_milli(now - rb, (uint64_t)rate);
    return dv > UINT64_MAX - vb ? UINT64_MAX : vb + dv;
}

uint64_t pacer_vnow(pacer *p)
{
    return clock_read(p, clock_now_ns());
}

uint64_t pacer_vnow_at(pacer *p, uint64_t now_ns)
{
    return clock_read(p, now_ns);
}

/* Under mu: the clock continues from v at the given rate (0 = frozen). */
static void clock_rebase(pacer *p, uint64_t v, int64_t rate)
{
    uint32_t s = atomic_load_explicit(&p->clk_seq, memory_order_relaxed);
    /* relaxed store + release fence: readers that see any new field see s odd. */
    atomic_store_explicit(&p->clk_seq, s + 1, memory_order_relaxed);
    atomic_thread_fence(memory_order_release);
    atomic_store_explicit(&p->clk_vbase, v, memory_order_relaxed);
    atomic_store_explicit(&p->clk_rbase, clock_now_ns(), memory_order_relaxed);
    atomic_store_explicit(&p->clk_rate, rate, memory_order_relaxed);
    /* release: the new fields are visible with the even sequence. */
    atomic_store_explicit(&p->clk_seq, s + 2, memory_order_release);
}

static int64_t clamp_speed(int64_t s)
{
    return s < PACER_SPEED_MIN ? PACER_SPEED_MIN : s > PACER_SPEED_MAX ? PACER_SPEED_MAX : s;
}

/* n slots, each live (running) or free (done). */
static pacer *pacer_new(int n_actors, pacer_mode mode, int64_t speed_milli, int live)
{
    if (n_actors < 1)
        return NULL;
    size_t size = sizeof(pacer) + (size_t)n_actors * sizeof(pacer_actor);
    pacer *p = aligned_alloc(64, (size + 63) / 64 * 64); /* the lines above */
    if (!p)
        return NULL;
    memset(p, 0, size);
    pthread_mutex_init(&p->mu, NULL);
    pthread_condattr_t ca;
    pthread_condattr_init(&ca);
    pthread_condattr_setclock(&ca, CLOCK_MONOTONIC);
    pthread_cond_init(&p->ctl_cv, &ca);
    pthread_condattr_destroy(&ca);
    p->n = n_actors;
    p->mode = mode;
    p->speed = clamp_speed(speed_milli);
    atomic_init(&p->stopping, 0);
    atomic_init(&p->gate, mode != PACER_RUN);
    atomic_init(&p->clk_seq, 0);
    atomic_init(&p->clk_vbase, 0);
    atomic_init(&p->clk_rbase, clock_now_ns());
    atomic_init(&p->clk_rate, mode == PACER_RUN ? p->speed : 0);
    uint64_t n = live ? (uint64_t)n_actors : 0;
    atomic_init(&p->counts, n * COUNT_LIVE + n);
    p->hi = live ? n_actors : 0;
    for (int i = 0; i < n_actors; i++) {
        atomic_init(&p->a[i].state, live ? PA_RUNNING : PA_DONE);
        p->a[i].id = i;
        parker_init(&p->a[i].pk);
    }
    return p;
}

pacer *pacer_create(int n_actors, pacer_mode mode, int64_t speed_milli)
{
    return pacer_new(n_actors, mode, speed_milli, 1);
}

pacer *pacer_create_slots(int n_slots, pacer_mode mode, int64_t speed_milli)
{
    return pacer_new(n_slots, mode, speed_milli, 0);
}

void pacer_on_deadlock(pacer *p, void (*fn)(void *ctx), void *ctx)
{
    p->on_deadlock = fn;
    p->deadlock_ctx = ctx;
}

void pacer_destroy(pacer *p)
{
    if (!p)
        return;
    pthread_cond_destroy(&p->ctl_cv);
    pthread_mutex_destroy(&p->mu);
    free(p);
}

static void lock(pacer *p)
{
    pthread_mutex_lock(&p->mu);
}

static void unlock(pacer *p)
{
    pthread_mutex_unlock(&p->mu);
}

/* Under mu: every actor re-checks its condition (the stop: also those
 * parked in a primitive). */
static void unpark_all(pacer *p)
{
    for (int i = 0; i < p->hi; i++)
        parker_unpark(&p->a[i].pk);
}

/* Under mu: the actors waiting on the pacer's own conditions (at a step
 * point or in timed work) re-check them after a change of mode, speed or
 * cancellation.  Those states are only entered and left under mu, so the
 * set is exact here; a thread blocked in a primitive waits for its waker,
 * and 10 000 of them must not all wake at each key. */
static void unpark_waiting(pacer *p)
{
    for (int i = 0; i < p->hi; i++) {
        int st = st_get(&p->a[i]);
        if (st == PA_AT_POINT || st == PA_TIMED)
            parker_unpark(&p->a[i].pk);
    }
}

static void update_gate(pacer *p)
{
    /* seq_cst: pacer_gate() reads it relaxed (a hint); pacer_block's seq_cst
     * load pairs with it (Dekker: state store / gate load against this gate
     * store / the controller's state loads under mu). */
    atomic_store_explicit(&p->gate, p->mode != PACER_RUN || is_stopping(p), memory_order_seq_cst);
}

/* Under mu: sleeps on the actor's own parker with mu released. */
static void park_unlocked(pacer *p, pacer_actor *a, uint64_t deadline)
{
    pthread_cond_broadcast(&p->ctl_cv);
    unlock(p);
    parker_park(&a->pk, deadline);
    lock(p);
}

int pacer_point_slow(pacer *p, int actor)
{
    pacer_actor *a = slot_of(p, actor);
    int rc = 0;
    lock(p);
    if (p->mode != PACER_RUN && !is_stopping(p)) {
        st_set(p, a, PA_AT_POINT);
        a->ready_step = p->steps;
        while (!is_stopping(p) && p->mode != PACER_RUN && !(p->mode == PACER_STEP && a->granted))
            park_unlocked(p, a, 0);
    }
    rc = is_stopping(p) ? -1 : 0;
    a->granted = 0;
    st_set(p, a, PA_RUNNING);
    unlock(p);
    return rc;
}

/* Under mu, in step mode: a cancelled work waits as a thread at a step
 * point (ready since the cancellation), not as timed work. */
static void step_wait_state(pacer *p, pacer_actor *a, int cancel)
{
    if (!cancel)
        st_set(p, a, PA_TIMED);
    else if (st_get(a) != PA_AT_POINT) {
        st_set(p, a, PA_AT_POINT);
        a->ready_step = p->steps;
    }
}

/* Under mu, RUN mode: may a, due at virtual deadline d, end its timed work
 * now?  Not while another is due before it, or at the same instant having
 * begun earlier, and has not woken yet or woke less than the grace ago and
 * still runs.  Go's clock never stands still, so of two sleeps that end at
 * the same virtual instant the one begun first ends first there; the
 * virtual clock does stand still (each timed work ends exactly at vstart +
 * dur), so without this their threads would race: `time.Sleep(2s)` in one
 * goroutine against `Sleep(1.5s)` then `Sleep(0.5s)` in main. */
static int first_due(pacer *p, const pacer_actor *a, uint64_t d, uint64_t now)
{
    for (int i = 0; i < p->hi; i++) {
        const pacer_actor *y = &p->a[i];
        if (y == a)
            continue;
        uint32_t s = st_get(y);
        int before = y->deadline < d || (y->deadline == d && y->tseq < a->tseq);
        if (s == PA_TIMED && before)
            return 0;
        if (s == PA_RUNNING && y->deadline == d && y->tseq < a->tseq && y->woke_real &&
            now - y->woke_real < PACER_TIE_GRACE_NS)
            return 0;
    }
    return 1;
}

static int work(pacer *p, int actor, uint64_t vstart, uint64_t dur, uint64_t *vend, int cancellable)
{
    pacer_actor *a = slot_of(p, actor);
    uint64_t deadline = vstart + dur;
    /* Fast path: RUN mode (gate open) and the work is already over (a zero-
     * length job).  The locked path would set PA_TIMED and PA_RUNNING back
     * under mu with nothing in between, which no one can observe; a missed
     * just-set pause/stop passes this point as pacer_point's does.  dur == 0
     * needs no clock: vstart was read from the virtual clock, which never
     * goes back (a rebase continues from the current value).  A job over
     * before it could see a cancellation simply finished. */
    if (!pacer_gate(p) && (dur == 0 || clock_read(p, clock_now_ns()) >= deadline)) {
        *vend = deadline;
        return 0;
    }
    int cancel = 0;
    lock(p);
    a->deadline = deadline;
    a->cancellable = cancellable;
    a->tseq = ++p->tseq;
    a->woke_real = 0;
    for (;;) {
        if (is_stopping(p))
            break;
        cancel = cancellable && p->cancelled;
        if (p->mode == PACER_STEP) {
            step_wait_state(p, a, cancel);
            if (a->granted)
                break;
            park_unlocked(p, a, 0);
            continue;
        }
        st_set(p, a, PA_TIMED);
        if (p->mode == PACER_RUN) {
            uint64_t now = clock_now_ns();
            uint64_t v = clock_read(p, now);
            if (cancel)
                break;
            if (v >= deadline) {
                if (first_due(p, a, deadline, now))
                    break;
                park_unlocked(p, a, now + PACER_TIE_POLL_NS);
                continue;
            }
            /* at most PACER_PARK_MAX_NS per park: the loop re-reads the clock,
             * and a far deadline (time.Sleep of years) cannot overflow */
            /* the real time that is left at this speed (a 1 s sleep at 100x is
             * 10 ms: capping the virtual time left at 1 s before scaling made
             * it a second of real time, and the clock ran 100 s past it) */
            uint64_t left = deadline - v, sp = (uint64_t)p->speed;
            uint64_t real = left <= UINT64_MAX / 1000u ? left * 1000u / sp : left / sp * 1000u;
            if (real > PACER_PARK_MAX_NS)
                real = PACER_PARK_MAX_NS;
            park_unlocked(p, a, now + (real ? real : 1));
        } else {
            park_unlocked(p, a, 0);
        }
    }
    int rc = is_stopping(p) ? -1 : cancel ? 1 : 0;
    if (rc == 1) {
        /* cut short: it ended when it saw the cancellation, not later */
        uint64_t v = clock_read(p, clock_now_ns());
        deadline = v < vstart ? vstart : v < deadline ? v : deadline;
    }
    a->granted = 0;
    a->cancellable = 0;
    a->woke_real = rc == 0 ? clock_now_ns() : 0;
    st_set(p, a, PA_RUNNING);
    unlock(p);
    *vend = deadline;
    return rc;
}

int pacer_work(pacer *p, int actor, uint64_t vstart, uint64_t dur, uint64_t *vend)
{
    return work(p, actor, vstart, dur, vend, 0);
}

int pacer_work_cancellable(pacer *p, int actor, uint64_t vstart, uint64_t dur, uint64_t *vend)
{
    return work(p, actor, vstart, dur, vend, 1);
}

void pacer_cancel(pacer *p)
{
    lock(p);
    if (!p->cancelled) {
        p->cancelled = 1;
        /* in step mode, cancelled timed work becomes ready at a step point */
        for (int i = 0; p->mode == PACER_STEP && i < p->hi; i++)
            if (st_get(&p->a[i]) == PA_TIMED && p->a[i].cancellable)
                step_wait_state(p, &p->a[i], 1);
        unpark_waiting(p);
        pthread_cond_broadcast(&p->ctl_cv);
    }
    unlock(p);
}

/* RUN mode (gate 0) needs no mutex: no one waits for a thread to become
 * quiescent then.  The state store and the gate load are seq_cst, as are
 * update_gate's store and the controller's state loads (Dekker): either
 * this thread sees the gate a mode change just closed and broadcasts under
 * mu, or the controller, which closes the gate before it waits for
 * quiescence, sees PA_BLOCKED. */
void pacer_block(pacer *p, int actor)
{
    st_set(p, slot_of(p, actor), PA_BLOCKED);
    if (!atomic_load_explicit(&p->gate, memory_order_seq_cst))
        return;
    lock(p);
    pthread_cond_broadcast(&p->ctl_cv);
    unlock(p);
}

int pacer_park(pacer *p, int actor)
{
    if (is_stopping(p))
        return -1;
    parker_park(&slot_of(p, actor)->pk, 0);
    /* pacer_stop stores stopping before it unparks everyone: a thread woken
     * by it sees it through the parker's release / acquire. */
    return is_stopping(p) ? -1 : 0;
}

/* No mutex: becoming RUNNING never completes anyone's wait for quiescence,
 * and the waker is itself running, so the controller sees this store before
 * it sees the waker quiescent (the waker's own later state change is a
 * seq_cst store after this one, or is made under mu). */
void pacer_wake(pacer *p, int actor)
{
    st_set(p, slot_of(p, actor), PA_RUNNING);
}

void pacer_unpark(pacer *p, int actor)
{
    parker_unpark(&slot_of(p, actor)->pk);
}

void pacer_exit(pacer *p, int actor)
{
    lock(p);
    st_set(p, slot_of(p, actor), PA_DONE);
    pthread_cond_broadcast(&p->ctl_cv);
    unlock(p);
}

int pacer_enter(pacer *p, int actor)
{
    pacer_actor *a = slot_of(p, actor);
    int rc = -1;
    lock(p);
    if (st_get(a) == PA_DONE) {
        a->id = actor;
        a->granted = a->cancellable = 0;
        a->ready_step = a->deadline = 0;
        a->tseq = a->woke_real = 0;
        /* running: the creator runs too, so no wait for quiescence ends here */
        st_set(p, a, PA_RUNNING);
        int s = (int)(a - p->a);
        p->hi = s >= p->hi ? s + 1 : p->hi;
        rc = 0;
    }
    unlock(p);
    return rc;
}

void pacer_counts(pacer *p, int *live, int *active)
{
    /* relaxed: a report; pacer_deadlocked says why it is exact */
    uint64_t c = atomic_load_explicit(&p->counts, memory_order_relaxed);
    *live = (int)(c >> 32);
    *active = (int)(c & COUNT_ACTIVE_MASK);
}

int pacer_deadlocked(pacer *p)
{
    int live, active;
    pacer_counts(p, &live, &active);
    return live > 0 && active == 0 && !is_stopping(p);
}

void pacer_set_mode(pacer *p, pacer_mode mode)
{
    lock(p);
    if ((int)mode != p->mode) {
        uint64_t v = clock_read(p, clock_now_ns());
        clock_rebase(p, v, mode == PACER_RUN ? p->speed : 0);
        p->mode = mode;
        for (int i = 0; i < p->hi; i++)
            p->a[i].granted = 0;
        update_gate(p);
        unpark_waiting(p);
        pthread_cond_broadcast(&p->ctl_cv);
    }
    unlock(p);
}

pacer_mode pacer_get_mode(pacer *p)
{
    lock(p);
    pacer_mode m = (pacer_mode)p->mode;
    unlock(p);
    return m;
}

int64_t pacer_set_speed(pacer *p, int64_t speed_milli)
{
    lock(p);
    p->speed = clamp_speed(speed_milli);
    if (p->mode == PACER_RUN) {
        clock_rebase(p, clock_read(p, clock_now_ns()), p->speed);
        unpark_waiting(p); /* timed work recomputes its real deadline */
    }
    int64_t s = p->speed;
    unlock(p);
    return s;
}

static int quiescent(const pacer *p)
{
    for (int i = 0; i < p->hi; i++)
        /* seq_cst: the controller's side of pacer_block's Dekker pair. */
        if ((atomic_load_explicit(&p->a[i].state, memory_order_seq_cst) & ST_MASK) == PA_RUNNING)
            return 0;
    return 1;
}

/* Under mu: 0 on quiescence, -1 on timeout or stop. */
static int wait_quiescent_locked(pacer *p, uint64_t timeout_ns)
{
    uint64_t end = clock_now_ns() + timeout_ns;
    while (!quiescent(p) && !is_stopping(p)) {
        /* Re-check at least every 2 ms: pacer_block broadcasts only when the
         * gate is closed (see there), so this bounds what a missed broadcast
         * could cost even if a mode change raced with it. */
        uint64_t now = clock_now_ns();
        if (now >= end)
            return quiescent(p) ? 0 : -1;
        uint64_t until = end - now > 2000000u ? now + 2000000u : end;
        struct timespec ts = {.tv_sec = (time_t)(until / 1000000000u),
                              .tv_nsec = (long)(until % 1000000000u)};
        pthread_cond_timedwait(&p->ctl_cv, &p->mu, &ts);
    }
    return is_stopping(p) ? -1 : 0;
}

/* x comes before y by key, ties to the lower actor id. */
static int before(const pacer_actor *x, uint64_t kx, const pacer_actor *y, uint64_t ky)
{
    return kx < ky || (kx == ky && x->id < y->id);
}

/* Under mu: the slot in state st that comes first by key (ready_step or
 * deadline), ties to the lowest actor id; NULL if none. */
static const pacer_actor *first_in(const pacer *p, int st, int by_deadline)
{
    const pacer_actor *best = NULL;
    for (int i = 0; i < p->hi; i++) {
        const pacer_actor *a = &p->a[i];
        if (st_get(a) != st)
            continue;
        uint64_t ka = by_deadline ? a->deadline : a->ready_step;
        if (!best || before(a, ka, best, by_deadline ? best->deadline : best->ready_step))
            best = a;
    }
    return best;
}

/* Under mu: who the default rule moves (its actor id), or -1. */
static int default_actor(const pacer *p)
{
    const pacer_actor *best = first_in(p, PA_AT_POINT, 0);
    if (!best)
        best = first_in(p, PA_TIMED, 1);
    return best ? best->id : -1;
}

/* Under mu: 1 if actor id 'actor' is in its slot and ready to step. */
static int step_ready(pacer *p, int actor)
{
    if (actor < 0)
        return 0;
    const pacer_actor *a = slot_of(p, actor);
    int st = st_get(a);
    return a->id == actor && (st == PA_AT_POINT || st == PA_TIMED);
}

int pacer_choose(pacer *p, int actor, uint64_t timeout_ns)
{
    lock(p);
    int rc;
    if (is_stopping(p))
        rc = PACER_ESTOPPED;
    else if (p->mode != PACER_STEP)
        rc = PACER_EMODE;
    else if (wait_quiescent_locked(p, timeout_ns) != 0)
        rc = is_stopping(p) ? PACER_ESTOPPED : PACER_EBUSY;
    else if (actor == PACER_ANY)
        rc = default_actor(p) >= 0 ? default_actor(p) : PACER_ENONE;
    else if (!step_ready(p, actor))
        rc = PACER_ENOTREADY;
    else
        rc = actor;
    unlock(p);
    return rc;
}

void pacer_grant(pacer *p, int actor)
{
    lock(p);
    pacer_actor *a = slot_of(p, actor);
    if (st_get(a) == PA_TIMED) {
        uint64_t v = clock_read(p, clock_now_ns());
        clock_rebase(p, v > a->deadline ? v : a->deadline, 0);
    }
    a->granted = 1;
    st_set(p, a, PA_RUNNING);
    p->steps++;
    parker_unpark(&a->pk);
    unlock(p);
}

int pacer_wait_quiescent(pacer *p, uint64_t timeout_ns)
{
    lock(p);
    int ok = wait_quiescent_locked(p, timeout_ns) == 0;
    unlock(p);
    return ok;
}

void pacer_view_get(pacer *p, pacer_view *v)
{
    memset(v, 0, sizeof(*v));
    lock(p);
    v->n_actors = p->hi;
    v->mode = (pacer_mode)p->mode;
    v->speed_milli = p->speed;
    v->vnow = clock_read(p, clock_now_ns());
    v->steps = p->steps;
    v->next_default = p->mode == PACER_STEP && quiescent(p) ? default_actor(p) : -1;
    /* In RUN mode threads block and wake without mu: collect the state words
     * until two collects agree (versions make that a real snapshot). */
    int n = p->hi < PACER_VIEW_MAX ? p->hi : PACER_VIEW_MAX;
    uint32_t w1[PACER_VIEW_MAX], w2[PACER_VIEW_MAX];
    v->torn = 1;
    for (int tries = 0; tries < 100 && v->torn; tries++) {
        for (int i = 0; i < n; i++)
            /* acquire: pairs with st_set (seq_cst); see the version rule. */
            w1[i] = atomic_load_explicit(&p->a[i].state, memory_order_acquire);
        v->torn = 0;
        for (int i = 0; i < n; i++) {
            w2[i] = atomic_load_explicit(&p->a[i].state, memory_order_acquire);
            if (w2[i] != w1[i])
                v->torn = 1;
        }
    }
    for (int i = 0; i < n; i++) {
        v->actors[i].state = (uint8_t)(w2[i] & ST_MASK);
        v->actors[i].id = p->a[i].id;
        v->actors[i].deadline = p->a[i].deadline;
    }
    pacer_counts(p, &v->live, &v->active);
    v->deadlocked = pacer_deadlocked(p);
    unlock(p);
}

int pacer_view_range(pacer *p, int first, int n, pacer_slot_view *out)
{
    int got = 0;
    lock(p);
    for (int i = first < 0 ? 0 : first; i < p->hi && got < n; i++, got++) {
        /* acquire: as in pacer_view_get; one collect, not a snapshot */
        out[got].state =
            (uint8_t)(atomic_load_explicit(&p->a[i].state, memory_order_acquire) & ST_MASK);
        out[got].id = p->a[i].id;
        out[got].deadline = p->a[i].deadline;
    }
    unlock(p);
    return got;
}

int pacer_view_deadlocked(const pacer_view *v)
{
    return v->deadlocked;
}

void pacer_stop(pacer *p)
{
    lock(p);
    /* release: a thread that sees it sees what came before the stop. */
    atomic_store_explicit(&p->stopping, 1, memory_order_release);
    update_gate(p);
    unpark_all(p);
    pthread_cond_broadcast(&p->ctl_cv);
    unlock(p);
}
