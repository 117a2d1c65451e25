#include "run.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run_prog.h"
#include "run_signals.h"
#include "sync/clock.h"

ps_run *run_create(const ps_params *p, pacer_mode mode, size_t ring_cap, const char **err)
{
    const scenario_def *def = scenario_by_kind(p->kind);
    if (!def) {
        *err = "unknown scenario kind";
        return NULL;
    }
    if (p->workers < 1 || p->workers > PS_MAX_WORKERS) {
        *err = "workers out of range (allowed: 1..64)";
        return NULL;
    }
    /* 64-byte aligned: the actors and primitives inside keep to their own
     * cache lines (see actor.h). */
    size_t size = (sizeof(ps_run) + 63) / 64 * 64;
    ps_run *r = aligned_alloc(64, size);
    if (!r) {
        *err = "out of memory";
        return NULL;
    }
    memset(r, 0, size);
    r->params = *p;
    r->def = def;
    scenario_layout(p, &r->layout);
    r->n_actors = p->workers + 1;
    /* one ring per scenario thread, plus the controller's */
    r->bus = bus_create(r->n_actors + 1, ring_cap ? ring_cap : RUN_RING_DEFAULT);
    r->pacer = pacer_create(r->n_actors, mode, p->speed_milli);
    r->rt0 = clock_now_ns();
    int ok = r->bus && r->pacer;
    for (int i = 0; ok && i < r->layout.n_queues; i++)
        ok = chan_init(&r->queues[i], (uint32_t)i, r->layout.queues[i].cap) == 0;
    if (!ok) {
        *err = "out of memory";
        run_destroy(r);
        return NULL;
    }
    for (int i = 0; i < r->layout.n_wgs; i++)
        wg_init(&r->wgs[i], (uint32_t)i);
    for (int i = 0; i < r->layout.n_counters; i++)
        counter_init(&r->counters[i], (uint32_t)i, 0);
    for (int i = 0; i < r->layout.n_mutexes; i++)
        mutex_init(&r->mutexes[i], (uint32_t)i);
    ps_lock_init(&r->spawn_mu);
    for (int i = 0; i <= r->n_actors; i++) {
        ps_actor *a = i < r->n_actors ? &r->actors[i] : &r->ctl;
        a->run = r;
        a->id = i < r->n_actors ? i : PS_ACTOR_CTL;
        a->producer = i;
        a->bus = r->bus;
        a->pacer = r->pacer;
        a->rt0 = r->rt0;
        atomic_init(&a->wdone, 0);
    }
    atomic_init(&r->live, 0);
    atomic_init(&r->outcome, 0);
    r->test_fault = run_signals_test_fault(); /* read once: docs/testing.md */
    return r;
}

/* A worker waits here until main spawns it. */
static int spawn_wait(ps_run *r, ps_actor *self)
{
    ps_lock_acquire(&r->spawn_mu);
    if (r->spawned[self->id]) {
        ps_lock_release(&r->spawn_mu);
        return PS_OK;
    }
    return actor_block(self, &r->spawn_mu, &r->unspawned);
}

int run_spawn(ps_run *r, ps_actor *self, int w)
{
    if (w < 1 || w >= r->n_actors)
        return PS_OK;
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_time t = actor_time_locked(self, &r->spawn_stamp);
    actor_room(self, 1);
    ps_lock_acquire(&r->spawn_mu);
    r->spawned[w] = 1;
    actor_publish(self, &t, (ps_event){.actor = (uint32_t)w, .kind = EV_THREAD_START});
    if (fifo_remove(&r->unspawned, &r->actors[w]))
        actor_wake(self, &r->actors[w], 0, PS_OK);
    ps_lock_release(&r->spawn_mu);
    return PS_OK;
}

static void *thread_entry(void *arg)
{
    ps_actor *self = arg;
    ps_run *r = self->run;
    if (self->id == PS_ACTOR_MAIN)
        r->def->main_fn(r, self);
    else if (spawn_wait(r, self) == PS_OK)
        r->def->worker_fn(r, self);
    actor_point(self); /* exiting is a visible action too */
    actor_emit(self, EV_THREAD_EXIT, 0, 0, 0);
    pacer_exit(r->pacer, self->id);
    /* release: every event this thread published is committed before live
     * drops; the consumer's acquire load in run_finished pairs with it. */
    atomic_fetch_sub_explicit(&r->live, 1, memory_order_release);
    bus_kick(r->bus);
    return NULL;
}

uint64_t run_jobs_done(const ps_run *r)
{
    uint64_t n = 0;
    for (int a = 0; a < r->n_actors; a++)
        n += r->actors[a].jobs_done; /* joined: plain reads */
    return n;
}

void run_set_quiet(ps_run *r, int quiet)
{
    /* plain stores: no thread runs yet; pthread_create publishes them. */
    for (int i = 0; i < r->n_actors; i++)
        r->actors[i].quiet = quiet != 0;
    r->ctl.quiet = quiet != 0;
    if (r->prog)
        run_prog_set_quiet(r, quiet);
}

/* Test hook (POOLSCOPE_TEST_FAULT): main faults at its first step point, so
 * a crash happens inside a scenario thread while the view runs. */
static void *test_fault_entry(void *arg)
{
    ps_actor *self = arg;
    if (actor_point(self) == 0)
        run_signals_fault(self->run->test_fault);
    return thread_entry(arg);
}

int run_start(ps_run *r)
{
    sigset_t ui, old;
    run_signals_ui(&ui);
    /* Threads inherit the mask: the signals the UI thread owns never reach a
     * scenario thread; faults stay unblocked so their handler runs. */
    pthread_sigmask(SIG_BLOCK, &ui, &old);
    int rc = 0;
    atomic_store_explicit(&r->live, r->n_actors, memory_order_relaxed); /* before any thread */
    for (int i = 0; i < r->n_actors; i++) {
        void *(*entry)(void *) =
            i == PS_ACTOR_MAIN && r->test_fault ? test_fault_entry : thread_entry;
        if (pthread_create(&r->threads[i], NULL, entry, &r->actors[i]) != 0) {
            rc = -1;
            /* threads never created will never exit: account for them */
            atomic_fetch_sub_explicit(&r->live, r->n_actors - i, memory_order_relaxed);
            for (int j = i; j < r->n_actors; j++)
                pacer_exit(r->pacer, j);
            run_stop(r);
            break;
        }
        r->n_threads++;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
    return rc;
}

int run_live(ps_run *r)
{
    return atomic_load_explicit(&r->live, memory_order_acquire); /* see thread_entry */
}

int run_finished(ps_run *r)
{
    /* no thread publishes any more (live is 0): bus_drained is exact */
    return run_live(r) == 0 && bus_drained(r->bus);
}

void run_stop(ps_run *r)
{
    pacer_stop(r->pacer);
}

void run_join(ps_run *r)
{
    if (r->prog)
        run_prog_join(r);
    for (int i = 0; i < r->n_threads; i++)
        pthread_join(r->threads[i], NULL);
    r->n_threads = 0;
}

void run_shutdown(ps_run *r, void (*fn)(void *ctx, const ps_event *e), void *ctx)
{
    ps_event buf[256];
    run_stop(r);
    while (!run_finished(r)) {
        size_t n = bus_poll(r->bus, buf, 256);
        for (size_t i = 0; fn && i < n; i++)
            fn(ctx, &buf[i]);
        if (!n)
            bus_wait(r->bus, 10000000);
    }
    run_join(r);
}

void run_destroy(ps_run *r)
{
    if (!r)
        return;
    for (int i = 0; i < r->layout.n_queues; i++)
        if (r->queues[i].items)
            chan_destroy(&r->queues[i]);
    for (int i = 0; i < r->layout.n_wgs; i++)
        wg_destroy(&r->wgs[i]);
    for (int i = 0; i < r->layout.n_counters; i++)
        counter_destroy(&r->counters[i]);
    for (int i = 0; i < r->layout.n_mutexes; i++)
        mutex_destroy(&r->mutexes[i]);
    if (r->prog)
        run_prog_free(r);
    pacer_destroy(r->pacer);
    bus_destroy(r->bus);
    free(r);
}

void run_ctl_emit(ps_run *r, int kind, int64_t arg, int64_t value)
{
    actor_emit(&r->ctl, kind, 0, arg, value);
}

int run_begin(ps_run *r, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_emit(self, EV_SCENARIO_START, 0, r->params.workers, r->params.jobs);
    return PS_OK;
}

int run_end(ps_run *r, ps_actor *self)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_emit(self, EV_SCENARIO_END, 0, 0, atomic_load(&r->outcome)); /* seq_cst: rare */
    return PS_OK;
}

/* Timed work between two events: 'begin' at the step point, 'end' when the
 * pacer says the virtual time is up, or cancel if a cancellable work was
 * cut short. */
/* vfrom: the virtual instant the work began, or UINT64_MAX for now. */
static int timed_from(ps_actor *self, int begin, int end, int64_t job, uint64_t vfrom, uint64_t dur,
                      int cancellable)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    /* One clock read: the work starts at the instant of its 'begin' event
     * (a quiet actor still reads it: the pacer needs the virtual start). */
    uint64_t now = clock_now_ns();
    uint64_t v0 = pacer_vnow_at(self->pacer, now), v1;
    if (self->fresh) {
        /* A goroutine that has not waited yet: Go starts it at once, so its
         * first timed work begins at its birth plus the CPU time it has
         * used, not later by the time its thread took to be scheduled (ms
         * on a loaded machine, which would reorder sleeps due together). */
        self->fresh = 0;
        struct timespec ts;
        if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) == 0) {
            uint64_t born = self->vborn + (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
            vfrom = born < vfrom ? born : vfrom;
        }
    }
    if (vfrom < v0) { /* begun earlier, by whoever asked for it: less of it is left */
        uint64_t gone = v0 - vfrom;
        dur = dur > gone ? dur - gone : 0;
    }
    ps_event e = {
        .actor = (uint32_t)self->id, .kind = (uint16_t)begin, .arg = job, .value = (int64_t)dur};
    actor_publish(self, &(actor_time){.now = now, .vt = v0}, e);
    int rc = cancellable ? pacer_work_cancellable(self->pacer, self->id, v0, dur, &v1)
                         : pacer_work(self->pacer, self->id, v0, dur, &v1);
    if (rc < 0)
        return PS_ESTOPPED;
    e.kind = (uint16_t)(rc ? EV_CANCEL : end);
    actor_time t = actor_time_now(self);
    t.vt = v1;
    actor_publish(self, &t, e);
    return rc ? PS_ECANCELLED : PS_OK;
}

static int timed(ps_actor *self, int begin, int end, int64_t job, uint64_t dur, int cancellable)
{
    return timed_from(self, begin, end, job, UINT64_MAX, dur, cancellable);
}

int run_job(ps_actor *self, int64_t job, uint64_t dur)
{
    int rc = timed(self, EV_JOB_STARTED, EV_JOB_FINISHED, job, dur, 0);
    if (rc == PS_OK)
        self->jobs_done++; /* the thread's own count, for checks */
    return rc;
}

int run_job_ctx(ps_actor *self, int64_t job, uint64_t dur)
{
    int rc = timed(self, EV_JOB_STARTED, EV_JOB_FINISHED, job, dur, 1);
    if (rc == PS_OK)
        self->jobs_done++; /* cancelled jobs did not finish */
    return rc;
}

int run_fail(ps_run *r, ps_actor *self, int64_t job, int64_t code)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_emit(self, EV_ERROR, 0, job, code);
    int64_t none = 0;
    /* seq_cst: once, rare; the first error wins (sync.Once in Go). */
    if (atomic_compare_exchange_strong(&r->outcome, &none, code)) {
        pacer_cancel(r->pacer);
    }
    return PS_OK;
}

int run_sleep(ps_actor *self, uint64_t dur)
{
    return timed(self, EV_SLEEP, EV_WAKE, 0, dur, 0);
}

int run_sleep_from(ps_actor *self, uint64_t vfrom, uint64_t dur)
{
    return timed_from(self, EV_SLEEP, EV_WAKE, 0, vfrom, dur, 0);
}

int run_say(ps_actor *self, int say, int64_t job, int64_t value)
{
    if (actor_point(self))
        return PS_ESTOPPED;
    actor_emit(self, EV_SAY, (uint32_t)say, job, value);
    return PS_OK;
}

int run_step(ps_run *r, int actor, uint64_t timeout_ns)
{
    int who = pacer_choose(r->pacer, actor, timeout_ns);
    if (who >= 0) {
        run_ctl_emit(r, EV_CTL_STEP, who, 0);
        pacer_grant(r->pacer, who);
    }
    return who;
}

void run_set_mode(ps_run *r, pacer_mode mode)
{
    static const int kinds[] = {EV_CTL_RESUME, EV_CTL_PAUSE, EV_CTL_STEP_MODE};
    if (pacer_get_mode(r->pacer) == mode)
        return;
    run_ctl_emit(r, kinds[mode], 0, 0);
    pacer_set_mode(r->pacer, mode);
}

int64_t run_set_speed(ps_run *r, int64_t speed_milli)
{
    int64_t s = pacer_set_speed(r->pacer, speed_milli);
    run_ctl_emit(r, EV_CTL_SPEED, 0, s);
    return s;
}
