/* scenario.c - the built-in scenarios: the lecture's Go programs as threads.
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
        if (run_job(self, j, (uint64_t)scenario_job_ns(&r->params, j)))
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

/* ---- shared by the scenarios below ---- */

/* main's side of "for i := 1..n { wg.Add(1); go f(i) }" */
static int spawn_all_counted(ps_run *r, ps_actor *self, ps_wg *wg)
{
    for (int w = 1; w <= r->params.workers; w++)
        if (wg_add(wg, self, 1) || run_spawn(r, self, w))
            return PS_ESTOPPED;
    return PS_OK;
}

static uint64_t job_dur(ps_run *r, int64_t job)
{
    return (uint64_t)scenario_job_ns(&r->params, job);
}

/* ---- waitgroup-workers: five workers of 1 s, Done in a wrapper ---- */

enum { SAY_WW_STARTING, SAY_WW_DONE };

static void ww_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "waitgroup-workers");
    name_copy(p->title, sizeof p->title, "WaitGroup: five workers of 1 s");
    p->kind = SK_WAITGROUP_WORKERS;
    p->workers = p->jobs = 5;
    p->job_ns = 1000 * MS;
    p->queue_cap = 1;
    p->speed_milli = 1000;
}

static void ww_layout(const ps_params *p, ps_layout *l)
{
    (void)p;
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "wg");
    l->n_says = 2;
    name_copy(l->says[SAY_WW_STARTING], PS_SAY_LEN, "Worker %w starting");
    name_copy(l->says[SAY_WW_DONE], PS_SAY_LEN, "Worker %w done");
}

static void ww_main(ps_run *r, ps_actor *self)
{
    if (run_begin(r, self) || spawn_all_counted(r, self, &r->wgs[0]) || wg_wait(&r->wgs[0], self))
        return;
    run_end(r, self);
}

/* func worker(id int): knows nothing of the WaitGroup (lecture note 2) */
static int ww_work(ps_run *r, ps_actor *self)
{
    if (run_say(self, SAY_WW_STARTING, self->id, 0) || run_sleep(self, job_dur(r, self->id)))
        return PS_ESTOPPED;
    return run_say(self, SAY_WW_DONE, self->id, 0);
}

/* go func(id int) { defer wg.Done(); worker(id) }(i) */
static void ww_wrapper(ps_run *r, ps_actor *self)
{
    if (ww_work(r, self) == PS_OK)
        wg_done(&r->wgs[0], self);
}

/* ---- atomic-counters: 50 threads x 1000 atomic adds ---- */

enum { SAY_OPS };

static void ac_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "atomic-counters");
    name_copy(p->title, sizeof p->title, "Atomic counters: 50 threads x 1000 adds");
    p->kind = SK_ATOMIC_COUNTERS;
    p->workers = 50;
    p->jobs = 1000;
    p->queue_cap = 1;
    p->speed_milli = 1000;
}

static void ac_layout(const ps_params *p, ps_layout *l)
{
    (void)p;
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "wg");
    l->n_counters = 1;
    name_copy(l->counters[0], PS_OBJ_NAME, "ops");
    l->n_says = 1;
    name_copy(l->says[SAY_OPS], PS_SAY_LEN, "ops: %v");
}

static void ac_main(ps_run *r, ps_actor *self)
{
    int64_t v;
    if (run_begin(r, self) || spawn_all_counted(r, self, &r->wgs[0]) || wg_wait(&r->wgs[0], self) ||
        counter_load(&r->counters[0], self, &v) || run_say(self, SAY_OPS, 0, v))
        return;
    run_end(r, self);
}

static void ac_worker(ps_run *r, ps_actor *self)
{
    for (int c = 0; c < r->params.jobs; c++)
        if (counter_add(&r->counters[0], self, 1, NULL)) /* ops.Add(1) */
            return;
    wg_done(&r->wgs[0], self);
}

/* ---- race: ops++ as load, add, store, next to an atomic add ---- */

enum { RACE_PLAIN, RACE_ATOMIC };
enum { SAY_RACE_PLAIN, SAY_RACE_ATOMIC };

static void race_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "race");
    name_copy(p->title, sizeof p->title, "Race: ops++ without atomics loses updates");
    p->kind = SK_RACE;
    p->workers = 2;
    p->jobs = 3;
    p->queue_cap = 1;
    p->speed_milli = 1000;
}

static void race_layout(const ps_params *p, ps_layout *l)
{
    (void)p;
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "wg");
    l->n_counters = 2;
    name_copy(l->counters[RACE_PLAIN], PS_OBJ_NAME, "ops");
    name_copy(l->counters[RACE_ATOMIC], PS_OBJ_NAME, "atomicOps");
    l->n_says = 2;
    name_copy(l->says[SAY_RACE_PLAIN], PS_SAY_LEN, "ops: %v (expected %j)");
    name_copy(l->says[SAY_RACE_ATOMIC], PS_SAY_LEN, "atomic ops: %v (expected %j)");
}

static void race_main(ps_run *r, ps_actor *self)
{
    int64_t plain, atomic, want = (int64_t)r->params.workers * r->params.jobs;
    if (run_begin(r, self) || spawn_all_counted(r, self, &r->wgs[0]) || wg_wait(&r->wgs[0], self) ||
        counter_load(&r->counters[RACE_PLAIN], self, &plain) ||
        counter_load(&r->counters[RACE_ATOMIC], self, &atomic) ||
        run_say(self, SAY_RACE_PLAIN, want, plain) || run_say(self, SAY_RACE_ATOMIC, want, atomic))
        return;
    run_end(r, self);
}

static void race_worker(ps_run *r, ps_actor *self)
{
    for (int c = 0; c < r->params.jobs; c++) {
        int64_t v;
        /* ops++: read, add in a register, write back: three steps */
        if (counter_load(&r->counters[RACE_PLAIN], self, &v) ||
            counter_store(&r->counters[RACE_PLAIN], self, v + 1) ||
            counter_add(&r->counters[RACE_ATOMIC], self, 1, NULL)) /* atomicOps.Add(1) */
            return;
    }
    wg_done(&r->wgs[0], self);
}

/* ---- mutexes: named counters under one mutex ---- */

enum { SAY_MAP };

static void mx_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "mutexes");
    name_copy(p->title, sizeof p->title, "Mutexes: two threads add to a, one to b");
    p->kind = SK_MUTEXES;
    p->workers = 3;
    p->jobs = 10000;
    p->queue_cap = 1;
    p->speed_milli = 1000;
    p->n_names = 2;
    name_copy(p->names[0], PS_OBJ_NAME, "a");
    name_copy(p->names[1], PS_OBJ_NAME, "b");
    p->n_targets = 3;
    p->targets[0] = p->targets[1] = 0;
    p->targets[2] = 1;
}

static void mx_layout(const ps_params *p, ps_layout *l)
{
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "wg");
    l->n_mutexes = 1;
    name_copy(l->mutexes[0], PS_OBJ_NAME, "c.mu");
    l->n_counters = p->n_names;
    for (int i = 0; i < p->n_names; i++)
        name_copy(l->counters[i], PS_OBJ_NAME, p->names[i]);
    /* fmt.Println(c.counters): Go prints a map with its keys sorted */
    l->n_says = 1;
    int lo = p->n_names == 2 && strcmp(p->names[1], p->names[0]) < 0;
    if (p->n_names == 2)
        snprintf(l->says[SAY_MAP], PS_SAY_LEN, "map[%s:%s %s:%s]", p->names[lo], lo ? "%v" : "%j",
                 p->names[!lo], lo ? "%j" : "%v");
    else
        snprintf(l->says[SAY_MAP], PS_SAY_LEN, "map[%s:%%v]", p->names[0]);
}

static void mx_main(ps_run *r, ps_actor *self)
{
    int64_t v[2] = {0, 0};
    if (run_begin(r, self) || wg_add(&r->wgs[0], self, r->params.workers))
        return;
    for (int w = 1; w <= r->params.workers; w++)
        if (run_spawn(r, self, w))
            return;
    if (wg_wait(&r->wgs[0], self))
        return;
    for (int i = 0; i < r->params.n_names && i < 2; i++)
        if (counter_load(&r->counters[i], self, &v[i]))
            return;
    if (run_say(self, SAY_MAP, v[0], r->params.n_names == 2 ? v[1] : v[0]))
        return;
    run_end(r, self);
}

/* func (c *Container) inc(name string): the plain ++ of the race, locked */
static int mx_inc(ps_run *r, ps_actor *self, ps_counter *c)
{
    int64_t v;
    if (mutex_lock(&r->mutexes[0], self) || counter_load(c, self, &v) ||
        counter_store(c, self, v + 1))
        return PS_ESTOPPED;
    return mutex_unlock(&r->mutexes[0], self);
}

static void mx_worker(ps_run *r, ps_actor *self)
{
    const ps_params *p = &r->params;
    ps_counter *c = &r->counters[p->targets[(self->id - 1) % p->n_targets]];
    for (int i = 0; i < p->jobs; i++)
        if (mx_inc(r, self, c))
            return;
    wg_done(&r->wgs[0], self);
}

/* ---- errgroup: the first error cancels the rest ---- */

enum { SAY_EG_DONE, SAY_EG_FAILED, SAY_EG_CANCELLED, SAY_EG_WAIT_ERR, SAY_EG_WAIT_NIL };

static void eg_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "errgroup");
    name_copy(p->title, sizeof p->title, "errgroup: job 3 fails, the rest are cancelled");
    p->kind = SK_ERRGROUP;
    p->workers = p->jobs = 5;
    p->job_ns = 300 * MS;
    p->n_durations = 5;
    for (int i = 0; i < 5; i++)
        p->durations_ns[i] = (i + 1) * 300 * MS;
    p->fail_job = 3;
    p->queue_cap = 1;
    p->speed_milli = 1000;
}

static void eg_layout(const ps_params *p, ps_layout *l)
{
    (void)p;
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "g.wg");
    name_copy(l->job_started, PS_SAY_LEN, "job %j started");
    l->n_says = 5;
    name_copy(l->says[SAY_EG_DONE], PS_SAY_LEN, "job %j done");
    name_copy(l->says[SAY_EG_FAILED], PS_SAY_LEN, "job %j failed");
    name_copy(l->says[SAY_EG_CANCELLED], PS_SAY_LEN, "job %j cancelled");
    name_copy(l->says[SAY_EG_WAIT_ERR], PS_SAY_LEN, "Wait returned: job %v failed");
    name_copy(l->says[SAY_EG_WAIT_NIL], PS_SAY_LEN, "Wait returned: <nil>");
}

static void eg_main(ps_run *r, ps_actor *self)
{
    if (run_begin(r, self) || spawn_all_counted(r, self, &r->wgs[0]) || /* g.Go(...) */
        wg_wait(&r->wgs[0], self))
        return;
    /* seq_cst: read once after Wait; the error code is the failed job */
    int64_t err = atomic_load(&r->outcome);
    if (run_say(self, err ? SAY_EG_WAIT_ERR : SAY_EG_WAIT_NIL, 0, err))
        return;
    run_end(r, self);
}

/* The Go func: select { case <-time.After(d): ...; case <-ctx.Done(): ... } */
static int eg_job(ps_run *r, ps_actor *self, int64_t id)
{
    int rc = run_job_ctx(self, id, job_dur(r, id));
    if (rc == PS_ECANCELLED)
        return run_say(self, SAY_EG_CANCELLED, id, 0);
    if (rc)
        return rc;
    if (id != r->params.fail_job)
        return run_say(self, SAY_EG_DONE, id, 0);
    if (run_say(self, SAY_EG_FAILED, id, 0))
        return PS_ESTOPPED;
    return run_fail(r, self, id, id); /* g.once.Do(err = ...; cancel()) */
}

static void eg_worker(ps_run *r, ps_actor *self)
{
    if (eg_job(r, self, self->id) == PS_OK)
        wg_done(&r->wgs[0], self); /* defer g.wg.Done() */
}

/* ---- backpressure: a small queue makes the sender wait ---- */

static void bp_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "backpressure");
    name_copy(p->title, sizeof p->title, "Backpressure: 10 jobs through a queue of 2");
    p->kind = SK_BACKPRESSURE;
    p->workers = 2;
    p->jobs = 10;
    p->job_ns = 1000 * MS;
    p->queue_cap = 2;
    p->speed_milli = 1000;
}

static void bp_layout(const ps_params *p, ps_layout *l)
{
    pool_layout(p, l);
    name_copy(l->send_blocked, PS_SAY_LEN, "main blocked: queue full, job %j waits");
}

/* ---- thread-per-job: no pool, one thread for each job ---- */

enum { SAY_TPJ_ALL };

static void tpj_defaults(ps_params *p)
{
    name_copy(p->name, sizeof p->name, "thread-per-job");
    name_copy(p->title, sizeof p->title, "One thread per job: 9 jobs of 1 s");
    p->kind = SK_THREAD_PER_JOB;
    p->workers = p->jobs = 9;
    p->job_ns = 1000 * MS;
    p->queue_cap = 1;
    p->speed_milli = 1000;
}

static void tpj_layout(const ps_params *p, ps_layout *l)
{
    (void)p;
    l->n_wgs = 1;
    name_copy(l->wgs[0], PS_OBJ_NAME, "wg");
    name_copy(l->job_started, PS_SAY_LEN, "thread %w started  job %j");
    name_copy(l->job_finished, PS_SAY_LEN, "thread %w finished job %j");
    l->n_says = 1;
    name_copy(l->says[SAY_TPJ_ALL], PS_SAY_LEN, "all %v jobs done");
}

static void tpj_main(ps_run *r, ps_actor *self)
{
    if (run_begin(r, self) || spawn_all_counted(r, self, &r->wgs[0]) || wg_wait(&r->wgs[0], self) ||
        run_say(self, SAY_TPJ_ALL, 0, r->params.jobs))
        return;
    run_end(r, self);
}

static void tpj_worker(ps_run *r, ps_actor *self)
{
    if (run_job(self, self->id, job_dur(r, self->id)) == PS_OK)
        wg_done(&r->wgs[0], self);
}

/* ---- registry ---- */

#define USES_POOL (SP_WORKERS | SP_JOBS | SP_JOB_MS | SP_DURATIONS | SP_QUEUE | SP_SPEED)
#define USES_PER_JOB (SP_JOBS | SP_JOB_MS | SP_DURATIONS | SP_SPEED | SP_PER_JOB)

static const scenario_def worker_pool = {
    .name = "worker-pool",
    .summary = "the lecture's worker pool: 3 workers take 5 jobs of 1 s from a queue",
    .kind = SK_WORKER_POOL,
    .defaults = pool_defaults,
    .layout = pool_layout,
    .main_fn = pool_main,
    .worker_fn = pool_worker,
    .uses = USES_POOL,
};
static const scenario_def waitgroup = {
    .name = "waitgroup",
    .summary = "the lecture's WaitGroup: two threads move one atomic counter up and down",
    .kind = SK_WAITGROUP,
    .defaults = wg_defaults,
    .layout = wg_layout,
    .main_fn = wg_main,
    .worker_fn = wg_worker,
    .uses = SP_WORKERS | SP_JOBS | SP_JOB_MS | SP_SPEED,
};
static const scenario_def waitgroup_workers = {
    .name = "waitgroup-workers",
    .summary = "five workers of 1 s; a wrapper calls wg.Done, main waits",
    .kind = SK_WAITGROUP_WORKERS,
    .defaults = ww_defaults,
    .layout = ww_layout,
    .main_fn = ww_main,
    .worker_fn = ww_wrapper,
    .uses = USES_PER_JOB,
};
static const scenario_def atomic_counters = {
    .name = "atomic-counters",
    .summary = "50 threads x 1000 atomic adds: always 50000",
    .kind = SK_ATOMIC_COUNTERS,
    .defaults = ac_defaults,
    .layout = ac_layout,
    .main_fn = ac_main,
    .worker_fn = ac_worker,
    .uses = SP_WORKERS | SP_JOBS | SP_SPEED,
};
static const scenario_def race = {
    .name = "race",
    .summary = "ops++ as load, add, store: updates get lost (step it to lose one on purpose)",
    .kind = SK_RACE,
    .defaults = race_defaults,
    .layout = race_layout,
    .main_fn = race_main,
    .worker_fn = race_worker,
    .uses = SP_WORKERS | SP_JOBS | SP_SPEED,
};
static const scenario_def mutexes = {
    .name = "mutexes",
    .summary = "named counters under one mutex: a=20000, b=10000",
    .kind = SK_MUTEXES,
    .defaults = mx_defaults,
    .layout = mx_layout,
    .main_fn = mx_main,
    .worker_fn = mx_worker,
    .uses = SP_WORKERS | SP_JOBS | SP_COUNTERS | SP_SPEED,
};
static const scenario_def errgroup = {
    .name = "errgroup",
    .summary = "jobs of N x 300 ms; job 3 fails and cancels the rest",
    .kind = SK_ERRGROUP,
    .defaults = eg_defaults,
    .layout = eg_layout,
    .main_fn = eg_main,
    .worker_fn = eg_worker,
    .uses = USES_PER_JOB | SP_FAIL_JOB,
};
static const scenario_def backpressure = {
    .name = "backpressure",
    .summary = "10 jobs through a queue of 2: the sender blocks while it is full",
    .kind = SK_BACKPRESSURE,
    .defaults = bp_defaults,
    .layout = bp_layout,
    .main_fn = pool_main,
    .worker_fn = pool_worker,
    .uses = USES_POOL,
};
static const scenario_def thread_per_job = {
    .name = "thread-per-job",
    .summary = "one thread per job (9 jobs) to compare with the 3-worker pool",
    .kind = SK_THREAD_PER_JOB,
    .defaults = tpj_defaults,
    .layout = tpj_layout,
    .main_fn = tpj_main,
    .worker_fn = tpj_worker,
    .uses = USES_PER_JOB,
};

static const scenario_def *const all[] = {
    &worker_pool, &waitgroup, &waitgroup_workers, &atomic_counters, &race,
    &mutexes,     &errgroup,  &backpressure,      &thread_per_job,  NULL};

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

/* splitmix64: a well-mixed hash, so job durations from a seed look random
 * yet are the same on every run. */
static uint64_t mix64(uint64_t x)
{
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

int64_t scenario_job_ns(const ps_params *p, int64_t job)
{
    if (p->n_durations > 0) {
        int64_t i = (job > 0 ? job - 1 : 0) % p->n_durations;
        return p->durations_ns[i];
    }
    if (p->job_ns_max > p->job_ns) {
        uint64_t span = (uint64_t)(p->job_ns_max - p->job_ns) + 1;
        return p->job_ns + (int64_t)(mix64(p->seed ^ mix64((uint64_t)job)) % span);
    }
    return p->job_ns;
}

int scenario_finish(ps_params *p, char *err, size_t len)
{
    const scenario_def *d = scenario_by_kind(p->kind);
    if (!d) {
        snprintf(err, len, "unknown scenario kind %d", p->kind);
        return -1;
    }
    if (d->uses & SP_PER_JOB) {
        if (p->jobs < 1 || p->jobs > PS_MAX_WORKERS) {
            snprintf(err, len, "%d jobs for %s, which runs one thread per job (allowed: 1..%d)",
                     p->jobs, d->name, PS_MAX_WORKERS);
            return -1;
        }
        p->workers = p->jobs;
    }
    if (p->workers < 1 || p->workers > PS_MAX_WORKERS) {
        snprintf(err, len, "%d workers (allowed: 1..%d)", p->workers, PS_MAX_WORKERS);
        return -1;
    }
    if (p->jobs < 0 || p->jobs > PS_MAX_JOBS) {
        snprintf(err, len, "%d jobs (allowed: 0..%d)", p->jobs, PS_MAX_JOBS);
        return -1;
    }
    if (p->queue_cap < 1 || p->queue_cap > PS_MAX_QUEUE) {
        snprintf(err, len, "queue capacity %d (allowed: 1..%d)", p->queue_cap, PS_MAX_QUEUE);
        return -1;
    }
    if (p->speed_milli < PS_SPEED_MIN_MILLI || p->speed_milli > PS_SPEED_MAX_MILLI) {
        snprintf(err, len, "speed %lld thousandths (allowed: %d..%d)", (long long)p->speed_milli,
                 PS_SPEED_MIN_MILLI, PS_SPEED_MAX_MILLI);
        return -1;
    }
    int64_t longest = p->job_ns > p->job_ns_max ? p->job_ns : p->job_ns_max;
    for (int i = 0; i < p->n_durations && i < PS_MAX_DURATIONS; i++)
        if (p->durations_ns[i] < 0 || p->durations_ns[i] > longest)
            longest = p->durations_ns[i] < 0 ? -1 : p->durations_ns[i];
    if (p->job_ns < 0 || p->job_ns_max < 0 || longest < 0 || longest > PS_MAX_DURATION_NS ||
        p->n_durations < 0 || p->n_durations > PS_MAX_DURATIONS) {
        snprintf(err, len, "a job duration out of range (allowed: 0..%lld ns, at most %d of them)",
                 (long long)PS_MAX_DURATION_NS, PS_MAX_DURATIONS);
        return -1;
    }
    if (p->fail_job < 0 || p->fail_job > p->jobs) {
        snprintf(err, len, "fail_job %d is not one of the %d jobs (allowed: 0..%d, 0 for none)",
                 p->fail_job, p->jobs, p->jobs);
        return -1;
    }
    if ((d->uses & SP_COUNTERS) && (p->n_names < 1 || p->n_names > 2 || p->n_targets < 1)) {
        snprintf(err, len, "%d counter names (allowed: 1 or 2 distinct names)", p->n_names);
        return -1;
    }
    return 0;
}
