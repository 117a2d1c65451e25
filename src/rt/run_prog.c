/* run_prog.c - a program run: goroutines started on demand (run.h).
 *
 * Slots.  Goroutine id g lives in slot g % max_goroutines, in the pacer
 * (pacer_create_slots) and here: its ps_actor, its thread and the
 * function it runs.  A slot is taken by run_go and given back when the
 * goroutine's thread has been joined, so its ps_actor and pthread_t are
 * never reused while the old thread or a waker may still touch them
 * (actor_wake touches nothing of its waiter after the hand-off).  run_go
 * takes the next id whose slot is free: ids only grow.
 *
 * Joining.  A goroutine that exits puts its slot on the reap list (once its
 * creator has also recorded the thread: whichever of the two comes second
 * does); the next run_go joins up to RUN_REAP_BATCH of them before it takes
 * a slot, and run_join the rest.  So a program that starts goroutines one
 * after another keeps about one exited thread unjoined, not a million.
 */
#define _GNU_SOURCE /* pthread_attr_setsigmask_np (glibc 2.32) */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "bus/ring.h"
#include "run.h"
#include "run_prog.h"
#include "run_signals.h"

enum { RUN_REAP_BATCH = 64 };

/* Why the last PS_ELIMIT. */
enum { LIMIT_NONE = 0, LIMIT_LIVE, LIMIT_IDS, LIMIT_THREAD, LIMIT_LANE };

/* One slot.  Its fields are written by run_go (the goroutine's creator)
 * before pthread_create and read by the goroutine; created, exited and
 * thread are under prog.mu. */
typedef struct run_g {
    ps_actor a; /* first: 64-byte aligned */
    run_go_fn fn;
    void *arg;
    pthread_t thread;
    int created; /* the creator recorded thread (under mu) */
    int exited;  /* the goroutine is done with the slot (under mu) */
} run_g;

typedef struct run_prog {
    run_program_opts o;
    run_g *g; /* o.max_goroutines slots: zero pages, resident as used */
    size_t g_bytes;
    pthread_attr_t attr, main_attr;
    int quiet; /* run_set_quiet: before run_start_program, read-only after */
    /* a goroutine's deadlock hook (pacer_on_deadlock) stores it */
    _Atomic int deadlocked;
    /* 0, or (1 << 32) | (uint32_t)status once the program ended */
    _Atomic int64_t exit_word;
    _Alignas(64) ps_lock mu;
    /* under mu */
    uint64_t *used; /* slot taken (not joined yet) */
    int n_used;
    int *reap; /* exited and recorded: to join */
    int n_reap;
    int64_t next_id; /* ids below it were given (or skipped) */
    int limit, limit_errno;
} run_prog;

static int bit_get(const uint64_t *m, int i)
{
    return (int)(m[i / 64] >> (i % 64)) & 1;
}

static void bit_set(uint64_t *m, int i, int v)
{
    if (v)
        m[i / 64] |= (uint64_t)1 << (i % 64);
    else
        m[i / 64] &= ~((uint64_t)1 << (i % 64));
}

/* The first clear bit at or after s, going round the n bits; -1 if none. */
static int free_from(const uint64_t *used, int n, int s)
{
    int nw = (n + 63) / 64;
    uint64_t low = ((uint64_t)1 << (s % 64)) - 1; /* bits of s's word below s */
    for (int step = 0; step <= nw; step++) {
        int w = (s / 64 + step) % nw;
        uint64_t f = ~used[w];
        if (w == nw - 1 && n % 64)
            f &= ((uint64_t)1 << (n % 64)) - 1; /* past the last slot */
        if (step == 0)
            f &= ~low;
        else if (step == nw)
            f &= low;
        if (f)
            return w * 64 + __builtin_ctzll(f);
    }
    return -1;
}

static int attr_init(pthread_attr_t *a, size_t stack)
{
    sigset_t ui;
    run_signals_ui(&ui);
    /* Set at creation (no pthread_sigmask around it): the signals the UI
     * thread owns never reach a goroutine; faults stay unblocked. */
    return pthread_attr_init(a) || pthread_attr_setstacksize(a, stack) ||
           pthread_attr_setsigmask_np(a, &ui);
}

static void on_deadlock(void *ctx)
{
    ps_run *r = ctx;
    /* release: pairs with run_deadlocked's acquire */
    atomic_store_explicit(&r->prog->deadlocked, 1, memory_order_release);
    bus_kick(r->bus); /* the consumer sees it at its next look */
}

static const char *opts_check(run_program_opts *o)
{
    if (!o->max_goroutines)
        o->max_goroutines = RUN_GOROUTINES_DEFAULT;
    if (o->max_goroutines < 1 || o->max_goroutines > RUN_GOROUTINES_MAX)
        return "max_goroutines out of range (allowed: 1..30000)";
    o->stack_size = o->stack_size ? o->stack_size : RUN_STACK_DEFAULT;
    o->main_stack_size = o->main_stack_size ? o->main_stack_size : RUN_MAIN_STACK_DEFAULT;
    if (o->stack_size < 16384 || o->main_stack_size < 16384)
        return "stack size too small (allowed: 16 KiB or more)";
    o->speed_milli = o->speed_milli ? o->speed_milli : 1000;
    o->ring_cap = o->ring_cap ? o->ring_cap : RUN_RING_DEFAULT;
    o->goroutine_ring_cap = o->goroutine_ring_cap ? o->goroutine_ring_cap : RUN_GO_RING_DEFAULT;
    return NULL;
}

static run_prog *prog_new(const run_program_opts *o)
{
    run_prog *pg = aligned_alloc(64, (sizeof(run_prog) + 63) / 64 * 64);
    if (!pg)
        return NULL;
    memset(pg, 0, sizeof(*pg));
    pg->o = *o;
    int n = o->max_goroutines;
    pg->g_bytes = (size_t)n * sizeof(run_g);
    pg->g = ps_pages_alloc(pg->g_bytes);
    pg->used = calloc((size_t)(n + 63) / 64, sizeof(uint64_t));
    pg->reap = malloc((size_t)n * sizeof(int));
    ps_lock_init(&pg->mu);
    atomic_init(&pg->deadlocked, 0);
    atomic_init(&pg->exit_word, 0);
    int bad = !pg->g || !pg->used || !pg->reap;
    bad =
        bad || attr_init(&pg->attr, o->stack_size) || attr_init(&pg->main_attr, o->main_stack_size);
    if (bad) {
        if (pg->g)
            ps_pages_free(pg->g, pg->g_bytes);
        free(pg->used);
        free(pg->reap);
        free(pg);
        return NULL;
    }
    return pg;
}

ps_run *run_create_program(const run_program_opts *opts, const char **err)
{
    run_program_opts o = opts ? *opts : (run_program_opts){0};
    if ((*err = opts_check(&o)))
        return NULL;
    size_t size = (sizeof(ps_run) + 63) / 64 * 64;
    ps_run *r = aligned_alloc(64, size);
    if (!r) {
        *err = "out of memory";
        return NULL;
    }
    memset(r, 0, size);
    snprintf(r->params.name, sizeof r->params.name, "program");
    r->params.speed_milli = o.speed_milli;
    /* views keep detail for the first actors: main and 64 goroutines */
    r->layout.workers = PS_MAX_WORKERS;
    /* lanes 0 (main) and 1 (controller); a dynamic lane for every other
     * goroutine, twice as many as live ones: the exited stay until drained */
    r->bus = bus_create_lanes(2, o.ring_cap, 2 * o.max_goroutines, o.goroutine_ring_cap);
    r->pacer = pacer_create_slots(o.max_goroutines, o.mode, o.speed_milli);
    r->prog = r->bus && r->pacer ? prog_new(&o) : NULL;
    if (!r->prog) {
        *err = "out of memory";
        run_destroy(r);
        return NULL;
    }
    pacer_on_deadlock(r->pacer, on_deadlock, r);
    r->rt0 = clock_now_ns();
    r->ctl = (ps_actor){.run = r, .id = PS_ACTOR_CTL, .producer = 1};
    r->ctl.bus = r->bus;
    r->ctl.pacer = r->pacer;
    r->ctl.rt0 = r->rt0;
    atomic_init(&r->ctl.wdone, 0);
    atomic_init(&r->live, 0);
    r->test_fault = run_signals_test_fault();
    if (o.quiet)
        run_prog_set_quiet(r, 1);
    return r;
}

void run_prog_set_quiet(ps_run *r, int quiet)
{
    r->prog->quiet = quiet != 0; /* before any goroutine: run_go copies it */
}

/* Slot s's goroutine: its actor and what it runs (no thread yet). */
static run_g *g_init(ps_run *r, int id, int lane, run_go_fn fn, void *arg)
{
    run_prog *pg = r->prog;
    run_g *g = &pg->g[id % pg->o.max_goroutines];
    memset(&g->a, 0, sizeof(g->a));
    g->a.run = r;
    g->a.id = id;
    g->a.producer = lane;
    g->a.quiet = pg->quiet;
    g->a.bus = r->bus;
    g->a.pacer = r->pacer;
    g->a.rt0 = r->rt0;
    atomic_init(&g->a.wdone, 0);
    g->fn = fn;
    g->arg = arg;
    return g;
}

/* Under mu: the slot goes to the reap list once both its goroutine and
 * its creator are done with it. */
static void g_done_locked(run_prog *pg, run_g *g)
{
    if (g->created && g->exited)
        pg->reap[pg->n_reap++] = (int)(g - pg->g);
}

/* The creator recorded the thread. */
static void g_created(run_prog *pg, run_g *g, pthread_t t)
{
    ps_lock_acquire(&pg->mu);
    g->thread = t;
    g->created = 1;
    g_done_locked(pg, g);
    ps_lock_release(&pg->mu);
}

/* The goroutine is done with its slot: the last thing it does with it. */
static void g_exited(run_prog *pg, run_g *g)
{
    ps_lock_acquire(&pg->mu);
    g->exited = 1;
    g_done_locked(pg, g);
    ps_lock_release(&pg->mu);
}

/* Ends the program once: scenario-end with the status, then every wait
 * returns.  1 for the first caller. */
static int program_end(ps_run *r, ps_actor *self, int status)
{
    int64_t none = 0, word = ((int64_t)1 << 32) | (uint32_t)status;
    /* acq_rel: the first caller wins; run_exit_status reads it (acquire) */
    if (!atomic_compare_exchange_strong_explicit(&r->prog->exit_word, &none, word,
                                                 memory_order_acq_rel, memory_order_acquire))
        return 0;
    actor_emit(self, EV_SCENARIO_END, 0, 0, status);
    run_stop(r);
    return 1;
}

int run_program_exit(ps_run *r, ps_actor *self, int status)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    return program_end(r, self, status) ? PS_OK : PS_ESTOPPED;
}

int run_exit_status(ps_run *r, int *status)
{
    if (!r->prog)
        return 0;
    int64_t w = atomic_load_explicit(&r->prog->exit_word, memory_order_acquire); /* see above */
    if (w && status)
        *status = (int)(uint32_t)w;
    return w != 0;
}

int run_deadlocked(ps_run *r)
{
    if (!r->prog)
        return pacer_deadlocked(r->pacer);
    return atomic_load_explicit(&r->prog->deadlocked, memory_order_acquire); /* on_deadlock */
}

/* A goroutine's last actions: thread-exit, its lane and pacer slot back,
 * its slot to be joined, then live (the consumer's run_finished). */
static void g_finish(ps_run *r, run_g *g)
{
    ps_actor *self = &g->a;
    actor_emit(self, EV_THREAD_EXIT, 0, 0, 0);
    if (self->id != PS_ACTOR_MAIN)
        bus_close(r->bus, self->producer);
    pacer_exit(r->pacer, self->id);
    g_exited(r->prog, g);
    /* release: every event is committed before live drops; run_live's
     * acquire pairs with it.  r outlives the thread: run_join joins it.
     * Only the last one kicks the consumer, which may have seen live > 0
     * after its last event: the others' thread-exit woke it if it slept. */
    if (atomic_fetch_sub_explicit(&r->live, 1, memory_order_release) == 1)
        bus_kick(r->bus);
}

static void *g_entry(void *arg)
{
    run_g *g = arg;
    g->fn(&g->a, g->arg);
    actor_point(&g->a); /* exiting is a visible action too */
    g_finish(g->a.run, g);
    return NULL;
}

static void *main_entry(void *arg)
{
    run_g *g = arg;
    ps_actor *self = &g->a;
    ps_run *r = self->run;
    if (r->test_fault && actor_point(self) == 0) /* POOLSCOPE_TEST_FAULT: docs/testing.md */
        run_signals_fault(r->test_fault);
    if (actor_point(self) == 0) {
        actor_emit(self, EV_SCENARIO_START, 0, r->prog->o.max_goroutines, 0);
        int status = g->fn(self, g->arg);
        if (actor_point(self) == 0) /* main returning ends the program */
            program_end(r, self, status);
    }
    g_finish(r, g);
    return NULL;
}

int run_start_program(ps_run *r, run_go_fn main_fn, void *arg)
{
    run_prog *pg = r->prog;
    ps_lock_acquire(&pg->mu);
    bit_set(pg->used, 0, 1);
    pg->n_used = 1;
    pg->next_id = 1;
    ps_lock_release(&pg->mu);
    run_g *g = g_init(r, PS_ACTOR_MAIN, 0, main_fn, arg);
    pacer_enter(r->pacer, PS_ACTOR_MAIN);
    atomic_store_explicit(&r->live, 1, memory_order_relaxed); /* before the thread */
    pthread_t t;
    if (pthread_create(&t, &pg->main_attr, main_entry, g) != 0) {
        pacer_exit(r->pacer, PS_ACTOR_MAIN);
        atomic_store_explicit(&r->live, 0, memory_order_relaxed); /* no thread ran */
        ps_lock_acquire(&pg->mu);
        bit_set(pg->used, 0, 0);
        pg->n_used = 0;
        ps_lock_release(&pg->mu);
        run_stop(r);
        return -1;
    }
    g_created(pg, g, t);
    return 0;
}

/* Joins up to a batch of exited goroutines and frees their slots. */
static void reap(run_prog *pg)
{
    int batch[RUN_REAP_BATCH], n = 0;
    pthread_t th[RUN_REAP_BATCH];
    ps_lock_acquire(&pg->mu);
    while (n < RUN_REAP_BATCH && pg->n_reap) {
        batch[n] = pg->reap[--pg->n_reap];
        th[n] = pg->g[batch[n]].thread;
        n++;
    }
    ps_lock_release(&pg->mu);
    if (!n)
        return;
    for (int i = 0; i < n; i++)
        pthread_join(th[i], NULL); /* done with its slot: at most its last few instructions */
    ps_lock_acquire(&pg->mu);
    for (int i = 0; i < n; i++)
        bit_set(pg->used, batch[i], 0);
    pg->n_used -= n;
    ps_lock_release(&pg->mu);
}

/* Under mu: the next id with a free slot, the slot taken; -1 (limit set)
 * if max_goroutines are taken or the ids are used up, -2 if taken slots
 * wait to be joined. */
static int id_take_locked(run_prog *pg)
{
    int max = pg->o.max_goroutines;
    if (pg->n_used >= max) {
        pg->limit = LIMIT_LIVE;
        return pg->n_reap ? -2 : -1;
    }
    int s0 = (int)(pg->next_id % max), s = free_from(pg->used, max, s0);
    int64_t id = pg->next_id + (s - s0 + max) % max;
    if (s < 0 || id > PS_ACTOR_ID_MAX) {
        pg->limit = LIMIT_IDS;
        return -1;
    }
    pg->next_id = id + 1;
    bit_set(pg->used, s, 1);
    pg->n_used++;
    pg->g[s].created = pg->g[s].exited = 0;
    return (int)id;
}

static int id_take(run_prog *pg)
{
    for (;;) {
        reap(pg);
        ps_lock_acquire(&pg->mu);
        int id = id_take_locked(pg);
        ps_lock_release(&pg->mu);
        if (id != -2)
            return id;
    }
}

/* 1 if waiting may free a goroutine's slot or thread: paused (the waiter
 * parks at its step point until the run goes on), or running with more
 * than `mine` threads active (the waiter, and a goroutine entered but not
 * yet running, do not count).  Not in step mode: the others move only when
 * stepped, and the waiter's step would never end. */
static int slot_may_free(ps_run *r, int mine)
{
    pacer_mode mode = pacer_get_mode(r->pacer);
    if (mode == PACER_PAUSE)
        return 1;
    int live = 0, active = 0;
    pacer_counts(r->pacer, &live, &active);
    return mode == PACER_RUN && active > mine;
}

/* Every slot holds a live goroutine: running or paused, the go statement
 * waits for one to end.  Go's go never waits, but the wait shows only to a
 * program that needs more goroutines alive at once than there can be
 * threads (100 000 that each lock a mutex and end are a classic demo, and
 * never that many at once), and then every other goroutine is blocked: it
 * fails as before (slot_may_free).  -3: the run stops. */
static int id_take_waiting(ps_run *r, ps_actor *self)
{
    run_prog *pg = r->prog;
    for (;;) {
        int id = id_take(pg);
        if (id >= 0)
            return id;
        ps_lock_acquire(&pg->mu);
        int limit = pg->limit;
        ps_lock_release(&pg->mu);
        if (limit != LIMIT_LIVE || !slot_may_free(r, 1))
            return -1; /* only this one could free a slot: waiting cannot help */
        if (actor_point(self))
            return -3;
        struct timespec ts = {.tv_nsec = 100000}; /* 0.1 ms: a goroutine's end is near */
        nanosleep(&ts, NULL);
    }
}

/* A slot taken by run_go whose goroutine never ran. */
static void id_untake(run_prog *pg, int id, int limit, int err)
{
    ps_lock_acquire(&pg->mu);
    bit_set(pg->used, id % pg->o.max_goroutines, 0);
    pg->n_used--;
    pg->limit = limit;
    pg->limit_errno = err;
    ps_lock_release(&pg->mu);
}

/* An event about goroutine id, from self's lane. */
static void emit_about(ps_actor *self, int id, int kind, int64_t arg, int64_t value)
{
    actor_time t = actor_time_now(self);
    actor_publish(
        self, &t,
        (ps_event){.actor = (uint32_t)id, .kind = (uint16_t)kind, .arg = arg, .value = value});
}

/* thread-start about goroutine id: arg = its parent, obj and value its label. */
static void emit_labelled(ps_actor *self, int id, uint32_t label, int64_t label_arg)
{
    actor_time t = actor_time_now(self);
    actor_publish(self, &t,
                  (ps_event){.actor = (uint32_t)id,
                             .kind = EV_THREAD_START,
                             .obj = label,
                             .arg = self->id,
                             .value = label_arg});
}

/* The thread for goroutine g could not be made: it started and exited
 * without running, told by its parent. */
static int go_failed(ps_run *r, ps_actor *self, run_g *g, int err)
{
    int id = g->a.id;
    emit_about(self, id, EV_THREAD_EXIT, 0, PS_ELIMIT);
    bus_close(r->bus, g->a.producer);
    pacer_exit(r->pacer, id);
    atomic_fetch_sub_explicit(&r->live, 1, memory_order_relaxed); /* it never ran */
    id_untake(r->prog, id, LIMIT_THREAD, err);
    return PS_ELIMIT;
}

int run_go(ps_run *r, ps_actor *self, run_go_fn fn, void *arg, int *id_out)
{
    return run_go_labelled(r, self, fn, arg, 0, 0, id_out);
}

int run_go_labelled(ps_run *r, ps_actor *self, run_go_fn fn, void *arg, uint32_t label,
                    int64_t label_arg, int *id_out)
{
    run_prog *pg = r->prog;
    if (!pg)
        return PS_ELIMIT;
    if (actor_point(self))
        return PS_ESTOPPED;
    int id = id_take_waiting(r, self);
    if (id == -3)
        return PS_ESTOPPED;
    if (id < 0)
        return PS_ELIMIT;
    int lane = bus_open(r->bus);
    if (lane < 0) {
        id_untake(pg, id, LIMIT_LANE, ENOMEM);
        return PS_ELIMIT;
    }
    run_g *g = g_init(r, id, lane, fn, arg);
    g->a.vborn = pacer_vnow(r->pacer);
    g->a.fresh = 1;
    if (pacer_enter(r->pacer, id) != 0) { /* cannot be: the slot was joined */
        bus_close(r->bus, lane);
        id_untake(pg, id, LIMIT_LIVE, 0);
        return PS_ELIMIT;
    }
    /* relaxed: the thread's own exit (release) comes after pthread_create */
    atomic_fetch_add_explicit(&r->live, 1, memory_order_relaxed);
    /* committed before the thread exists: its events come after (bus.h) */
    emit_labelled(self, id, label, label_arg);
    pthread_t t;
    int rc;
    /* out of threads for now (EAGAIN: the system's limit on processes, shared
     * with everything else running): while others run, one will end */
    while ((rc = pthread_create(&t, &pg->attr, g_entry, g)) == EAGAIN && slot_may_free(r, 2) &&
           !actor_point(self)) {
        struct timespec ts = {.tv_nsec = 100000};
        nanosleep(&ts, NULL);
    }
    if (rc != 0)
        return go_failed(r, self, g, rc);
    g_created(pg, g, t);
    if (id_out)
        *id_out = id;
    return PS_OK;
}

void run_go_limit(ps_run *r, char *buf, size_t len)
{
    run_prog *pg = r->prog;
    if (!pg) {
        snprintf(buf, len, "not a program run");
        return;
    }
    ps_lock_acquire(&pg->mu);
    int limit = pg->limit, err = pg->limit_errno, used = pg->n_used;
    ps_lock_release(&pg->mu);
    int max = pg->o.max_goroutines;
    if (limit == LIMIT_LIVE)
        snprintf(buf, len, "too many goroutines: %d live (max_goroutines %d)", used, max);
    else if (limit == LIMIT_IDS)
        snprintf(buf, len, "goroutine ids used up (%d)", PS_ACTOR_ID_MAX);
    else if (limit == LIMIT_THREAD)
        snprintf(buf, len,
                 "cannot create a thread for a goroutine: %s (%d live; the system's limits: "
                 "kernel.pid_max, ulimit -u, vm.max_map_count)",
                 strerror(err), used);
    else if (limit == LIMIT_LANE)
        snprintf(buf, len, "cannot make an event lane for a goroutine: %s", strerror(err));
    else
        snprintf(buf, len, "no limit reached");
}

void run_prog_join(ps_run *r)
{
    run_prog *pg = r->prog;
    /* live is 0: every goroutine exited, every creator recorded its thread */
    ps_lock_acquire(&pg->mu);
    for (int s = 0; s < pg->o.max_goroutines; s++) {
        if (!bit_get(pg->used, s))
            continue;
        pthread_join(pg->g[s].thread, NULL); /* exited: returns at once */
        bit_set(pg->used, s, 0);
    }
    pg->n_used = 0;
    pg->n_reap = 0;
    ps_lock_release(&pg->mu);
}

void run_prog_free(ps_run *r)
{
    run_prog *pg = r->prog;
    pthread_attr_destroy(&pg->attr);
    pthread_attr_destroy(&pg->main_attr);
    ps_pages_free(pg->g, pg->g_bytes);
    free(pg->used);
    free(pg->reap);
    free(pg);
    r->prog = NULL;
}
