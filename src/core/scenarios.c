/* scenarios.c - the built-in scenarios: the lecture's Go programs as threads.
 *
 * Each is a main function and a worker function over the run's objects,
 * written to read like the Go program it reproduces.
 */
#include <stdio.h>
#include <string.h>

#include "run.h"
#include "scenario.h"

#define MS 1000000LL

static void name_copy(char *dst, size_t n, const char *src)
{
    snprintf(dst, n, "%s", src);
}

/* ---- worker-pool: the lecture's first program ---- */

static void pool_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "worker-pool");
    name_copy(p->title, sizeof p->title, "Worker pool: 3 workers, 5 jobs of 1 s");
    p->kind = SK_WORKER_POOL;
    p->workers = 3;
    p->jobs = 5;
    p->job_ns = 1000 * MS;
    p->queue_cap = 5;
    p->speed_milli = 1000;
}

static void pool_layout(const ps_params *p, ps_layout *l)
{
    l->n_queues = 2;
    name_copy(l->queues[0].name, PS_OBJ_NAME, "jobs");
    l->queues[0].cap = (uint32_t)p->queue_cap;
    name_copy(l->queues[1].name, PS_OBJ_NAME, "results");
    l->queues[1].cap = (uint32_t)(p->jobs > 0 ? p->jobs : 1);
    l->job_queue = 0;
    l->result_queue = 1;
    name_copy(l->job_started, PS_SAY_LEN, "worker %w started  job %j");
    name_copy(l->job_finished, PS_SAY_LEN, "worker %w finished job %j");
}

static void pool_main(ps_run *r, ps_actor *self)
{
    if (run_begin(r, self))
        return;
    for (int w = 1; w <= r->params.workers; w++)
        if (run_spawn(r, self, w))
            return;
    for (int j = 1; j <= r->params.jobs; j++)
        if (chan_send(&r->queues[0], self, j) == PS_ESTOPPED)
            return;
    if (chan_close(&r->queues[0], self) == PS_ESTOPPED)
        return;
    for (int a = 1; a <= r->params.jobs; a++) {
        int64_t v;
        if (chan_recv(&r->queues[1], self, &v) != PS_OK)
            return;
    }
    run_end(r, self);
}

static void pool_worker(ps_run *r, ps_actor *self)
{
    int64_t j;
    while (chan_recv(&r->queues[0], self, &j) == PS_OK) {
        if (run_job(self, j, (uint64_t)r->params.job_ns))
            return;
        if (chan_send(&r->queues[1], self, j * 2) != PS_OK)
            return;
    }
}

/* ---- waitgroup: the lecture's second program ---- */

enum { SAY_INCREMENTED, SAY_DECREMENTED, SAY_FINAL };

static void wg_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "waitgroup");
    name_copy(p->title, sizeof p->title, "WaitGroup: one atomic counter, +1 x5 and -1 x5");
    p->kind = SK_WAITGROUP;
    p->workers = 2;
    p->jobs = 5;
    p->job_ns = 1 * MS;
    p->queue_cap = 1;
    p->speed_milli = 1000;
}

static void wg_layout(const ps_params *p, ps_layout *l)
{
    (void)p;
    l->job_queue = l->result_queue = -1;
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "wg");
    l->n_counters = 1;
    name_copy(l->counters[0], PS_OBJ_NAME, "counter");
    l->n_says = 3;
    name_copy(l->says[SAY_INCREMENTED], PS_SAY_LEN, "Incremented: %v");
    name_copy(l->says[SAY_DECREMENTED], PS_SAY_LEN, "Decremented: %v");
    name_copy(l->says[SAY_FINAL], PS_SAY_LEN, "Final Value: %v");
}

static void wg_main(ps_run *r, ps_actor *self)
{
    int64_t v;
    if (run_begin(r, self) || wg_add(&r->wgs[0], self, r->params.workers))
        return;
    for (int w = 1; w <= r->params.workers; w++)
        if (run_spawn(r, self, w))
            return;
    if (wg_wait(&r->wgs[0], self) || counter_load(&r->counters[0], self, &v))
        return;
    if (run_say(self, SAY_FINAL, 0, v))
        return;
    run_end(r, self);
}

static void wg_worker(ps_run *r, ps_actor *self)
{
    /* odd workers increment, even ones decrement, like the lecture's pair */
    int up = self->id % 2 == 1;
    for (int i = 0; i < r->params.jobs; i++) {
        int64_t v;
        if (counter_add(&r->counters[0], self, up ? 1 : -1, NULL) ||
            counter_load(&r->counters[0], self, &v) ||
            run_say(self, up ? SAY_INCREMENTED : SAY_DECREMENTED, 0, v) ||
            run_sleep(self, (uint64_t)r->params.job_ns))
            return;
    }
    wg_done(&r->wgs[0], self); /* "Decrement the WaitGroup counter" */
}

/* ---- registry ---- */

static const scenario_def worker_pool = {
    "worker-pool", "the lecture's worker pool: 3 workers take 5 jobs of 1 s from a queue",
    SK_WORKER_POOL, pool_defaults, pool_layout, pool_main, pool_worker};
static const scenario_def waitgroup = {
    "waitgroup", "the lecture's WaitGroup: two threads move one atomic counter up and down",
    SK_WAITGROUP, wg_defaults, wg_layout, wg_main, wg_worker};

static const scenario_def *const all[] = {&worker_pool, &waitgroup, NULL};

const scenario_def *const *scenario_all(void)
{
    return all;
}

const scenario_def *scenario_find(const char *name)
{
    for (int i = 0; all[i]; i++)
        if (strcmp(all[i]->name, name) == 0)
            return all[i];
    return NULL;
}

const scenario_def *scenario_by_kind(int kind)
{
    for (int i = 0; all[i]; i++)
        if ((int)all[i]->kind == kind)
            return all[i];
    return NULL;
}

int scenario_defaults(const char *name, ps_params *p)
{
    const scenario_def *d = scenario_find(name);
    if (!d)
        return -1;
    memset(p, 0, sizeof(*p));
    d->defaults(p);
    return 0;
}

void scenario_layout(const ps_params *p, ps_layout *l)
{
    memset(l, 0, sizeof(*l));
    l->workers = p->workers;
    l->job_queue = l->result_queue = -1;
    const scenario_def *d = scenario_by_kind(p->kind);
    if (d)
        d->layout(p, l);
}
