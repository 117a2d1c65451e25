#include "run.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "run_prog.h"
#include "run_signals.h"
#include "sync/clock.h"

void run_set_quiet(ps_run *r, int quiet)
{
    /* plain stores: no thread runs yet; pthread_create publishes them. */
    r->ctl.quiet = quiet != 0;
    run_prog_set_quiet(r, quiet);
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
    run_prog_join(r);
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
    run_prog_free(r);
    pacer_destroy(r->pacer);
    bus_destroy(r->bus);
    free(r);
}

void run_ctl_emit(ps_run *r, int kind, int64_t arg, int64_t value)
{
    actor_emit(&r->ctl, kind, 0, arg, value);
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

int run_sleep(ps_actor *self, uint64_t dur)
{
    return timed(self, EV_SLEEP, EV_WAKE, 0, dur, 0);
}

int run_sleep_from(ps_actor *self, uint64_t vfrom, uint64_t dur)
{
    return timed_from(self, EV_SLEEP, EV_WAKE, 0, vfrom, dur, 0);
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

void run_stamp_wall(const ps_run *r, ps_event *ev, size_t n, uint64_t *last)
{
    if (!n)
        return;
    uint64_t now = clock_now_ns() - r->rt0;
    for (size_t i = 0; i < n; i++)
        ev[i].wt_ns = *last = now > *last ? now : *last + 1;
}
