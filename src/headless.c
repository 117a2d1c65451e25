#include "headless.h"

#include <inttypes.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/logfmt.h"
#include "core/model.h"
#include "core/run.h"

typedef struct printer {
    FILE *out;
    log_kind log;
    model *m;
} printer;

static void print_event(void *ctx, const ps_event *e)
{
    printer *p = ctx;
    char line[256];
    model_apply(p->m, e);
    if (p->log == LOG_EVENTS) {
        event_format(e, line, sizeof line);
        fprintf(p->out, "%s\n", line);
    } else if (logfmt_line(&p->m->layout, e, line, sizeof line)) {
        fprintf(p->out, "%s\n", line);
    }
}

/* Step mode without a screen: the default rule chooses every step, which
 * gives one deterministic interleaving. */
static void auto_step(ps_run *r)
{
    if (pacer_get_mode(r->pacer) != PACER_STEP)
        return;
    if (run_step(r, PACER_ANY, 1000000000u) < 0)
        bus_wait(r->bus, 10000000); /* nobody can move: don't spin */
}

static void summary(FILE *out, const model *m, ps_run *r, uint64_t wall)
{
    fprintf(out,
            "# %s: %.3f s wall, %.3f s virtual, %" PRIu64 " events, %" PRIu64
            " jobs, ring waits %" PRIu64 " (%.3f ms blocked)\n",
            r->params.name, (double)wall / 1e9, (double)m->vt / 1e9, m->events,
            m->jobs_finished, bus_blocked_count(r->bus), (double)bus_blocked_ns(r->bus) / 1e6);
}

int headless_run(const options *o, FILE *out)
{
    const char *err = NULL;
    ps_run *r = run_create(&o->params, o->start_mode, o->ring_cap, &err);
    if (!r) {
        fprintf(stderr, "poolscope: %s\n", err);
        return 1;
    }
    model *m = malloc(sizeof(*m));
    if (!m || model_init(m, &r->layout) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        free(m);
        run_destroy(r);
        return 1;
    }
    printer p = {out, o->log, m};
    uint64_t t0 = clock_now_ns();
    if (run_start(r) != 0)
        fprintf(stderr, "poolscope: cannot start threads\n");
    ps_event buf[256];
    while (!run_finished(r)) {
        size_t n = bus_poll(r->bus, buf, 256);
        for (size_t i = 0; i < n; i++)
            print_event(&p, &buf[i]);
        if (n)
            continue;
        if (pacer_get_mode(r->pacer) == PACER_STEP)
            auto_step(r);
        else
            bus_wait(r->bus, 50000000);
    }
    run_join(r);
    uint64_t wall = clock_now_ns() - t0;
    int ok = m->ended && !m->seq_errors;
    fflush(out);
    summary(out, m, r, wall);
    model_free(m);
    free(m);
    run_destroy(r);
    return ok ? 0 : 1;
}
