/* session_live.c - a session over real threads (run.h). */
#include <stdlib.h>

#include "rt/run.h"
#include "session.h"

typedef struct live {
    session base; /* first: a live * is a session * */
    ps_run *run;
    pacer_mode start_mode;
    size_t ring_cap;
} live;

static size_t live_poll(session *s, ps_event *out, size_t max)
{
    return bus_poll(((live *)s)->run->bus, out, max);
}

static void live_wait(session *s, uint64_t timeout_ns)
{
    bus_wait(((live *)s)->run->bus, timeout_ns);
}

static int live_finished(session *s)
{
    return run_finished(((live *)s)->run);
}

static void live_set_mode(session *s, pacer_mode mode)
{
    run_set_mode(((live *)s)->run, mode);
}

static int64_t live_set_speed(session *s, int64_t speed_milli)
{
    return run_set_speed(((live *)s)->run, speed_milli);
}

/* A step waits this long at most for every thread to come to rest. */
#define LIVE_STEP_WAIT_NS 200000000u /* 0.2 s */

static int live_step(session *s, int actor)
{
    return run_step(((live *)s)->run, actor, LIVE_STEP_WAIT_NS);
}

static ps_run *live_start(live *l, const ps_params *p, pacer_mode mode, const char **err)
{
    ps_run *r = run_create(p, mode, l->ring_cap, err);
    if (r && run_start(r) != 0) {
        *err = "cannot start threads";
        run_shutdown(r, NULL, NULL);
        run_destroy(r);
        r = NULL;
    }
    return r;
}

/* The new run is created before the old one goes, so a failure leaves the
 * session with a run to show: the old one if creating failed, or the new one
 * stopped (and finished) if its threads could not start. */
static int live_restart(session *s, model *m)
{
    live *l = (live *)s;
    const char *err;
    ps_run *next = run_create(&s->params, pacer_get_mode(l->run->pacer), l->ring_cap, &err);
    if (!next)
        return -1;
    run_shutdown(l->run, NULL, NULL);
    run_destroy(l->run);
    l->run = next;
    const scenario_text *text = m->text; /* the view's listing stays */
    model_free(m);
    if (model_init(m, &s->layout) != 0)
        return -1;
    model_set_text(m, text);
    return run_start(next) == 0 ? 0 : -1;
}

static void live_view(session *s, pacer_view *v)
{
    pacer_view_get(((live *)s)->run->pacer, v);
}

static uint64_t live_length(session *s)
{
    (void)s;
    return 0;
}

static int live_deadlocked(session *s)
{
    pacer_view v;
    pacer_view_get(((live *)s)->run->pacer, &v);
    return pacer_view_deadlocked(&v);
}

static void live_stop(session *s)
{
    run_stop(((live *)s)->run);
}

static void live_stats(session *s, session_stats *st)
{
    bus *b = ((live *)s)->run->bus;
    *st = (session_stats){
        .replayed = 0,
        .blocked_count = bus_blocked_count(b),
        .blocked_ns = bus_blocked_ns(b),
    };
}

static void live_destroy(session *s)
{
    live *l = (live *)s;
    if (l->run) {
        run_shutdown(l->run, NULL, NULL);
        run_destroy(l->run);
    }
    free(l);
}

/* Real threads only go forward; a restart or the picker starts new ones. */
static const session_ops live_ops = {
    .caps = SESSION_PICK,
    .poll = live_poll,
    .wait = live_wait,
    .finished = live_finished,
    .set_mode = live_set_mode,
    .set_speed = live_set_speed,
    .step = live_step,
    .restart = live_restart,
    .seek = NULL,
    .view = live_view,
    .length = live_length,
    .deadlocked = live_deadlocked,
    .stop = live_stop,
    .stats = live_stats,
    .destroy = live_destroy,
};

session *session_live_create(const ps_params *p, pacer_mode mode, size_t ring_cap, const char **err)
{
    live *l = calloc(1, sizeof(*l));
    if (!l) {
        *err = "out of memory";
        return NULL;
    }
    l->base.ops = &live_ops;
    l->base.params = *p;
    l->ring_cap = ring_cap;
    l->run = live_start(l, p, mode, err);
    if (!l->run) {
        free(l);
        return NULL;
    }
    l->base.layout = l->run->layout;
    return &l->base;
}
