/* bench_pool.c - row "pool": worker pool throughput with zero-length jobs.
 *
 * The same program four ways, 2 workers, a jobs channel of QCAP and a results
 * channel as large as the job count (the lecture's make(chan int, numJobs)):
 *   engine on   poolscope's way: tests/bench/go/worker_pool.go (pool.go's
 *               program) run by the Go evaluator on the engine in this
 *               process, as `poolscope --headless` runs it (bench_gopool.h),
 *               RUN mode at full speed; this thread is the consumer and drains
 *               every event (no model)
 *   engine off  the same program with no goroutine publishing
 *               (run_program_opts.quiet, --no-events): the same evaluator,
 *               threads, channels, pacer and consumer loop, but no clock read
 *               or publish per event.  on vs off is the issue's
 *               "instrumentation on and off"
 *   plain       the same pool in plain C: bounded FIFO queues under a pthread
 *               mutex with condvars, close-and-drain semantics, no events.  A
 *               different program, so only a baseline, not "instrumentation off"
 *   go          tests/bench/pool.go: buffered channels, built at bench time with
 *               GO111MODULE=off into the build directory; prints its own jobs/s
 * Each run measures all four back to back, so the ratios are same-run; on and
 * off swap places every other run so neither always runs on a warmer machine.
 * poolscope interprets the program (a tree-walking evaluator) where Go
 * compiles it, so engine / Go is the cost of both the interpreter and the
 * engine; on / off is the instrumentation's alone.
 * Timing: the plain pool from after its queues exist, Go from before its
 * workers start (its own timer), both until main has every result; the
 * engine from the start of its run (a fresh machine for the program, which
 * is loaded and checked once, before; its main then makes the two channels
 * and the workers) until every event is delivered and the threads are
 * joined.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "bench_gopool.h"

enum { WORKERS = 2, QCAP = 1024 };

/* ---- the engine ---- */

/* One run of g (the pool of 'jobs' jobs).  quiet = 1: instrumentation off
 * (no events).  events_per_job may be NULL. */
static int engine_pool(goprog *g, int jobs, int quiet, double *jobs_s, double *events_per_job)
{
    bench_gorun b;
    static ps_event buf[256];
    uint64_t events = 0, results = 0, t0 = bench_now_ns();
    int64_t results_obj = -1;
    if (bench_gorun_start(&b, g, quiet) != 0)
        return -1;
    /* The same consumer loop both ways; quiet, it sleeps until the threads
     * exit (bus_kick), which is what a consumer of an idle bus does.  Main's
     * receives on results count the results that came back. */
    while (!run_finished(b.r)) {
        size_t n = bus_poll(b.r->bus, buf, 256);
        for (size_t i = 0; i < n; i++) {
            const ps_event *e = &buf[i];
            if (bench_gopool_is_chan(g, e, "results"))
                results_obj = e->obj;
            results +=
                e->kind == EV_Q_RECV && e->actor == PS_ACTOR_MAIN && (int64_t)e->obj == results_obj;
        }
        events += n;
        if (!n)
            bus_wait(b.r->bus, 10000000);
    }
    uint64_t published = bus_published(b.r->bus);
    int status = bench_gorun_end(&b);
    uint64_t el = bench_now_ns() - t0;
    *jobs_s = (double)jobs / ((double)el / 1e9);
    if (events_per_job)
        *events_per_job = (double)events / jobs;
    /* quiet: no events at all, so the program's own check of the results'
     * sum (exit status 1 if one is lost) proves the work */
    if (status != 0 ||
        (quiet ? published != 0 : results != (uint64_t)jobs || events != published)) {
        fprintf(stderr,
                "pool: engine (%s): exit status %d, %llu of %d results received, "
                "delivered %llu of %llu events\n",
                quiet ? "quiet" : "instrumented", status, (unsigned long long)results, jobs,
                (unsigned long long)events, (unsigned long long)published);
        return -1;
    }
    return 0;
}

/* ---- the same pool in plain C ---- */

typedef struct pchan {
    pthread_mutex_t mu;
    pthread_cond_t can_send, can_recv;
    int64_t *items;
    size_t cap, head, len;
    int closed, send_waiters, recv_waiters;
} pchan;

static void pchan_init(pchan *q, size_t cap)
{
    memset(q, 0, sizeof(*q));
    q->items = calloc(cap, sizeof(int64_t));
    q->cap = cap;
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->can_send, NULL);
    pthread_cond_init(&q->can_recv, NULL);
}

static void pchan_destroy(pchan *q)
{
    pthread_cond_destroy(&q->can_send);
    pthread_cond_destroy(&q->can_recv);
    pthread_mutex_destroy(&q->mu);
    free(q->items);
}

static int pchan_send(pchan *q, int64_t v)
{
    pthread_mutex_lock(&q->mu);
    while (q->len == q->cap && !q->closed) {
        q->send_waiters++;
        pthread_cond_wait(&q->can_send, &q->mu);
        q->send_waiters--;
    }
    if (q->closed) {
        pthread_mutex_unlock(&q->mu);
        return -1;
    }
    q->items[(q->head + q->len) % q->cap] = v;
    q->len++;
    if (q->recv_waiters)
        pthread_cond_signal(&q->can_recv);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

static int pchan_recv(pchan *q, int64_t *v)
{
    pthread_mutex_lock(&q->mu);
    while (q->len == 0 && !q->closed) {
        q->recv_waiters++;
        pthread_cond_wait(&q->can_recv, &q->mu);
        q->recv_waiters--;
    }
    if (q->len == 0) {
        pthread_mutex_unlock(&q->mu);
        return -1; /* closed and drained */
    }
    *v = q->items[q->head];
    q->head = (q->head + 1) % q->cap;
    q->len--;
    if (q->send_waiters)
        pthread_cond_signal(&q->can_send);
    pthread_mutex_unlock(&q->mu);
    return 0;
}

static void pchan_close(pchan *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = 1;
    pthread_cond_broadcast(&q->can_recv);
    pthread_cond_broadcast(&q->can_send);
    pthread_mutex_unlock(&q->mu);
}

typedef struct plain_pool {
    pchan jobs, results;
} plain_pool;

static void *plain_worker(void *arg)
{
    plain_pool *pp = arg;
    int64_t j;
    while (pchan_recv(&pp->jobs, &j) == 0)
        if (pchan_send(&pp->results, j * 2) != 0)
            break;
    return NULL;
}

static int plain_pool_run(int jobs, double *jobs_s)
{
    plain_pool pp;
    pchan_init(&pp.jobs, QCAP);
    pchan_init(&pp.results, (size_t)jobs);
    pthread_t th[WORKERS];
    uint64_t t0 = bench_now_ns();
    for (int w = 0; w < WORKERS; w++)
        pthread_create(&th[w], NULL, plain_worker, &pp);
    for (int j = 1; j <= jobs; j++)
        pchan_send(&pp.jobs, j);
    pchan_close(&pp.jobs);
    int64_t sum = 0, v;
    for (int a = 1; a <= jobs; a++)
        if (pchan_recv(&pp.results, &v) == 0)
            sum += v;
    for (int w = 0; w < WORKERS; w++)
        pthread_join(th[w], NULL);
    uint64_t el = bench_now_ns() - t0;
    pchan_destroy(&pp.jobs);
    pchan_destroy(&pp.results);
    *jobs_s = (double)jobs / ((double)el / 1e9);
    if (sum != (int64_t)jobs * (jobs + 1)) {
        fprintf(stderr, "pool: plain pool lost results\n");
        return -1;
    }
    return 0;
}

/* ---- Go ---- */

/* Runs argv with extra environment; its stdout into out.  Exit status. */
static int spawn_capture(char *const argv[], char *const env[], char *out, size_t len)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        for (int i = 0; env && env[i]; i++)
            putenv(env[i]);
        dup2(fd[1], 1);
        close(fd[0]);
        close(fd[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fd[1]);
    size_t got = 0;
    ssize_t k;
    while ((k = read(fd[0], out + got, len - 1 - got)) > 0 || (k < 0 && errno == EINTR))
        if (k > 0)
            got += (size_t)k;
    out[got] = 0;
    close(fd[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

int bench_go_build_src(const bench_ctx *c, const char *src, const char *name, char *bin, size_t len)
{
    static char e1[] = "GO111MODULE=off", e2[PATH_MAX + 32], e3[PATH_MAX + 32], e4[PATH_MAX + 32];
    char dir[PATH_MAX];
    if (!c->go || !realpath(c->out_dir, dir))
        return -1;
    snprintf(bin, len, "%s/%s", dir, name);
    snprintf(e2, sizeof e2, "GOCACHE=%s/go-cache", dir);
    snprintf(e3, sizeof e3, "GOPATH=%s/go-path", dir);
    snprintf(e4, sizeof e4, "HOME=%s", dir);
    char *env[] = {e1, e2, e3, getenv("HOME") ? NULL : e4, NULL};
    char *argv[] = {(char *)c->go, "build", "-o", bin, (char *)src, NULL};
    char out[4096];
    int rc = spawn_capture(argv, env, out, sizeof out);
    if (rc != 0)
        fprintf(stderr, "go build %s failed (%d): %s\n", src, rc, out);
    return rc;
}

int bench_go_build(const bench_ctx *c, char *bin, size_t len)
{
    return bench_go_build_src(c, c->go_src, "pool-go", bin, len);
}

static int go_pool(const char *bin, int jobs, double *jobs_s)
{
    char a1[32], a2[32], a3[32], out[512];
    snprintf(a1, sizeof a1, "%d", jobs);
    snprintf(a2, sizeof a2, "%d", WORKERS);
    snprintf(a3, sizeof a3, "%d", QCAP);
    char *argv[] = {(char *)bin, a1, a2, a3, NULL};
    if (spawn_capture(argv, NULL, out, sizeof out) != 0)
        return -1;
    const char *p = strstr(out, "jobs_per_s ");
    if (!p)
        return -1;
    *jobs_s = strtod(p + 11, NULL);
    return 0;
}

int bench_pool(const bench_ctx *c)
{
    int jobs = c->quick ? 200000 : 10000000;
    int runs = c->runs;
    double *eng = calloc((size_t)runs, sizeof(double)), *off = calloc((size_t)runs, sizeof(double));
    double *pln = calloc((size_t)runs, sizeof(double)), *gol = calloc((size_t)runs, sizeof(double));
    double *epj = calloc((size_t)runs, sizeof(double)),
           *cost = calloc((size_t)runs, sizeof(double));
    double *vs_pln = calloc((size_t)runs, sizeof(double));
    double *vs_go = calloc((size_t)runs, sizeof(double));
    char bin[PATH_MAX + 16], note[160];
    int have_go = 0, bad = 0;
    const char *no_go = "go not installed";
    if (c->go && c->go_src) {
        if (bench_go_build(c, bin, sizeof bin) == 0)
            have_go = 1;
        else
            no_go = "go build failed";
    }
    goprog *g = bench_gopool_load(c, WORKERS, jobs, QCAP);
    bad = g == NULL;
    for (int r = 0; r < runs && !bad; r++) {
        bench_progress("  run %d/%d", r + 1, runs);
        int first_quiet = r % 2; /* on, off; then off, on; ... */
        for (int k = 0; k < 2 && !bad; k++) {
            int quiet = k ^ first_quiet;
            bad = quiet ? engine_pool(g, jobs, 1, &off[r], NULL) != 0
                        : engine_pool(g, jobs, 0, &eng[r], &epj[r]) != 0;
        }
        bad = bad || plain_pool_run(jobs, &pln[r]) != 0;
        if (!bad && have_go && go_pool(bin, jobs, &gol[r]) != 0) {
            fprintf(stderr, "pool: the Go program failed\n");
            bad = 1;
        }
        /* the same engine without its events over with them: what the
         * instrumentation costs, per run */
        cost[r] = off[r] / eng[r];
        vs_pln[r] = pln[r] / eng[r];
        vs_go[r] = have_go ? eng[r] / gol[r] : 0;
    }
    if (!bad) {
        snprintf(note, sizeof note, "%d jobs, 2 workers, jobs queue %d%s", jobs, QCAP,
                 c->quick ? " (QUICK: scaled down from 10 M)" : "");
        double *tmp = calloc((size_t)runs, sizeof(double));
        memcpy(tmp, eng, (size_t)runs * sizeof(double));
        double e_med = bench_median(tmp, runs);
        double ev = bench_median(epj, runs);
        bench_figure("pool", "engine, instrumentation on (Go program, consumer draining)", eng,
                     runs, " jobs/s", note);
        snprintf(note, sizeof note, "%.2f events per job; %.1f M events/s through the bus", ev,
                 e_med * ev / 1e6);
        bench_figure("pool", "engine, events per job", epj, runs, "", note);
        bench_figure("pool", "engine, instrumentation off (same program, no events)", off, runs,
                     " jobs/s", "--no-events: same evaluator, threads, channels, pacer; 0 events");
        bench_figure("pool", "plain C pool, uninstrumented", pln, runs, " jobs/s",
                     "a different program: mutex + condvar queues, same capacities");
        memcpy(tmp, cost, (size_t)runs * sizeof(double));
        double o = (bench_median(tmp, runs) - 1) * 100;
        bench_ratio("pool", "engine off / on jobs/s (instrumentation cost, 1.00 = none)", cost,
                    runs, NULL);
        bench_ratio("pool", "plain C pool / engine jobs/s (baseline, a different program)", vs_pln,
                    runs, NULL);
        bench_goal("instrumentation overhead (engine off/on - 1) <= 10%", o, 10, 0, "%");
        if (have_go) {
            bench_figure("pool", "Go, buffered channels", gol, runs, " jobs/s",
                         "GOMAXPROCS default; Go's own timer");
            memcpy(tmp, vs_go, (size_t)runs * sizeof(double));
            double g = bench_median(tmp, runs);
            bench_ratio("pool", "engine / Go jobs/s", vs_go, runs,
                        "interpreted on the engine vs compiled");
            bench_goal("instrumented pool >= 1.0x Go jobs/s", g, 1.0, 1, "x");
        } else {
            bench_skip("pool", "Go, buffered channels", no_go);
        }
        free(tmp);
    }
    goprog_free(g);
    free(eng);
    free(off);
    free(pln);
    free(gol);
    free(epj);
    free(cost);
    free(vs_pln);
    free(vs_go);
    return bad ? -1 : 0;
}
