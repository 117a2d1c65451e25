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

static int live_step(session *s, int actor)
{
    /* the view waits at most 0.2 s for every thread to come to rest */
    return run_step(((live *)s)->run, actor, 200000000u);
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
    model_free(m);
    if (model_init(m, &s->layout) != 0)
        return -1;
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

static void live_destroy(session *s)
{
    live *l = (live *)s;
    if (l->run) {
        run_shutdown(l->run, NULL, NULL);
        run_destroy(l->run);
    }
    free(l);
}

static const session_ops live_ops = {
    live_poll,    live_wait, live_finished, live_set_mode, live_set_speed, live_step,
    live_restart, NULL,      live_view,     live_length,   live_destroy,
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
    l->base.live = 1;
    l->ring_cap = ring_cap;
    l->run = live_start(l, p, mode, err);
    if (!l->run) {
        free(l);
        return NULL;
    }
    l->base.layout = l->run->layout;
    return &l->base;
}

ps_run *session_live_run(session *s)
{
    return s->live ? ((live *)s)->run : NULL;
}
