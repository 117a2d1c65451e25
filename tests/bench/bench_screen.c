/* bench_screen.c - rows "heavy" and "output": does the consumer keep up?
 *
 * The program is the benchmarks' Go pool, tests/bench/go/worker_pool.go
 * (bench_gopool.h), its constants set with --set.
 * heavy   64 workers x JOBS zero-length jobs, a jobs channel of 5 (the
 *         lecture's worker-pool had room for its five jobs), --speed 100,
 *         three ways back to back in every run:
 *           quiet     in this process, the same program on the same engine
 *                     with instrumentation off (--no-events): the rate the
 *                     threads reach alone
 *           headless  the real binary, --headless, stdout to /dev/null
 *           screen    the real binary on an 80x24 tmux screen, timed from
 *                     the start to the header's DONE (polled every 20 ms)
 *         Goal: screen >= 50 % of quiet (same run).
 * output  the real binary, --headless --log=events, 2 workers x JOBS
 *         zero-length jobs, jobs channel 1024: events per second of wall
 *         time, every event a line on stderr, read from a pipe by this
 *         process (which counts the lines: the events) as a reader of the
 *         log would.  Goal: >= 3 M events/s.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "bench_gopool.h"
#include "model/model.h"
#include "rec/session_go.h"
#include "tui/tui_app.h"

enum { HEAVY_WORKERS = 64, HEAVY_QCAP = 5 };

/* The --set arguments of the pool: "numWorkers=W" "numJobs=N" "qcap=Q". */
typedef struct pool_sets {
    char w[32], j[32], q[32];
} pool_sets;

static void pool_sets_of(pool_sets *s, int workers, int jobs, int qcap)
{
    snprintf(s->w, sizeof s->w, "numWorkers=%d", workers);
    snprintf(s->j, sizeof s->j, "numJobs=%d", jobs);
    snprintf(s->q, sizeof s->q, "qcap=%d", qcap);
}

static int heavy_quiet(goprog *g, int jobs, double *jobs_s)
{
    bench_gorun b;
    uint64_t t0 = bench_now_ns();
    if (bench_gorun_start(&b, g, 1) != 0)
        return -1;
    ps_event buf[256];
    uint64_t got = 0;
    /* a program run's consumer polls even with nothing published: a poll
     * retires the lanes of goroutines that exited (bus_wait alone spins) */
    while (!run_finished(b.r)) {
        size_t n = bus_poll(b.r->bus, buf, 256);
        got += n;
        if (!n)
            bus_wait(b.r->bus, 10000000);
    }
    uint64_t published = bus_published(b.r->bus) + got;
    int status = bench_gorun_end(&b);
    uint64_t el = bench_now_ns() - t0;
    *jobs_s = (double)jobs / ((double)el / 1e9);
    return status == 0 && published == 0 ? 0 : -1; /* the program checks every result came */
}

static int heavy_headless(const bench_ctx *c, int jobs, double *jobs_s)
{
    char path[4096];
    pool_sets s;
    pool_sets_of(&s, HEAVY_WORKERS, jobs, HEAVY_QCAP);
    char *argv[] = {(char *)c->poolscope,
                    "--headless",
                    "--set",
                    s.w,
                    "--set",
                    s.j,
                    "--set",
                    s.q,
                    "--speed",
                    "100",
                    (char *)bench_gopool_path(c, path, sizeof path),
                    NULL};
    uint64_t ns;
    if (bench_spawn(argv, NULL, &ns, NULL) != 0)
        return -1;
    *jobs_s = (double)jobs / ((double)ns / 1e9);
    return 0;
}

static int heavy_screen(const bench_ctx *c, int jobs, double *jobs_s)
{
    char cmd[PATH_MAX + 4096 + 256], top[4096], path[4096];
    pool_sets s;
    pool_sets_of(&s, HEAVY_WORKERS, jobs, HEAVY_QCAP);
    bench_sh("tmux -L ps-bench-heavy kill-server 2>/dev/null", NULL, 0);
    snprintf(cmd, sizeof cmd,
             "tmux -L ps-bench-heavy new-session -d -x 80 -y 24 "
             "'exec %s --set %s --set %s --set %s --speed 100 %s'",
             c->poolscope, s.w, s.j, s.q, bench_gopool_path(c, path, sizeof path));
    uint64_t t0 = bench_now_ns(), limit = t0 + 600ull * 1000000000u;
    if (bench_sh(cmd, NULL, 0) != 0)
        return -1;
    int done = 0;
    while (!done && bench_now_ns() < limit) {
        usleep(20000);
        if (bench_sh("tmux -L ps-bench-heavy capture-pane -p -S 0 -E 0 2>/dev/null", top,
                     sizeof top) != 0)
            break;
        done = strstr(top, "DONE") != NULL;
    }
    uint64_t el = bench_now_ns() - t0;
    bench_sh("tmux -L ps-bench-heavy kill-server 2>/dev/null", NULL, 0);
    if (!done)
        return -1;
    *jobs_s = (double)jobs / ((double)el / 1e9);
    return 0;
}

int bench_heavy(const bench_ctx *c)
{
    if (!c->poolscope || access(c->poolscope, X_OK) != 0) {
        bench_skip("heavy", "64 workers", "no --poolscope program given");
        return 0;
    }
    int have_tmux = bench_sh("command -v tmux >/dev/null 2>&1", NULL, 0) == 0;
    int jobs = c->quick ? 30000 : 300000, runs = c->runs, bad = 0;
    goprog *g = bench_gopool_load(c, HEAVY_WORKERS, jobs, HEAVY_QCAP);
    if (!g)
        return -1;
    double *q = calloc((size_t)runs, sizeof(double)), *h = calloc((size_t)runs, sizeof(double));
    double *s = calloc((size_t)runs, sizeof(double)), *sq = calloc((size_t)runs, sizeof(double));
    double *hq = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs && !bad; r++) {
        bad = heavy_quiet(g, jobs, &q[r]) || heavy_headless(c, jobs, &h[r]) ||
              (have_tmux && heavy_screen(c, jobs, &s[r]));
        hq[r] = h[r] / q[r];
        sq[r] = s[r] / q[r];
        bench_progress("  heavy run %d: quiet %.0f, headless %.0f, screen %.0f jobs/s", r + 1, q[r],
                       h[r], s[r]);
    }
    if (bad) {
        fprintf(stderr, "heavy: a run failed\n");
    } else {
        char note[128];
        snprintf(note, sizeof note, "worker_pool.go: %d workers x %d zero-length jobs, chan %d",
                 HEAVY_WORKERS, jobs, HEAVY_QCAP);
        bench_figure("heavy", "engine quiet (--no-events), in process", q, runs, " jobs/s", note);
        bench_figure("heavy", "headless, real binary, stdout /dev/null", h, runs, " jobs/s", note);
        bench_ratio("heavy", "headless / quiet", hq, runs, "");
        if (have_tmux) {
            bench_figure("heavy", "screen, real binary in tmux 80x24, start to DONE", s, runs,
                         " jobs/s", note);
            bench_ratio("heavy", "screen / quiet", sq, runs, "");
            bench_goal("heavy scenario on the screen >= 50% of the quiet rate",
                       100.0 * bench_median(sq, runs), 50, 1, "%");
        } else {
            bench_skip("heavy", "screen", "tmux not installed");
        }
    }
    goprog_free(g);
    free(q);
    free(h);
    free(s);
    free(sq);
    free(hq);
    return bad ? -1 : 0;
}

/* Runs argv to its end with stdout to /dev/null and stderr into a pipe this
 * process reads, counting its lines; wall time in *ns.  0 if it exited 0. */
static int spawn_count_stderr(char *const argv[], uint64_t *lines, uint64_t *ns)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    uint64_t t0 = bench_now_ns();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        FILE *nul = fopen("/dev/null", "w");
        if (!nul)
            _exit(126);
        dup2(fileno(nul), 1);
        dup2(fd[1], 2);
        close(fd[0]);
        close(fd[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    close(fd[1]);
    static char buf[1 << 16];
    uint64_t n = 0;
    ssize_t k;
    while ((k = read(fd[0], buf, sizeof buf)) > 0 || (k < 0 && errno == EINTR))
        for (const char *p = buf, *end = buf + (k > 0 ? k : 0);
             (p = memchr(p, '\n', (size_t)(end - p))); p++)
            n++;
    close(fd[0]);
    int st;
    while (waitpid(pid, &st, 0) < 0)
        if (errno != EINTR)
            return -1;
    *ns = bench_now_ns() - t0;
    *lines = n;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int bench_output(const bench_ctx *c)
{
    if (!c->poolscope || access(c->poolscope, X_OK) != 0) {
        bench_skip("output", "headless event log", "no --poolscope program given");
        return 0;
    }
    int jobs = c->quick ? 200000 : 2000000, runs = c->runs, bad = 0;
    char path[4096];
    pool_sets s;
    pool_sets_of(&s, 2, jobs, 1024);
    char *argv[] = {(char *)c->poolscope,
                    "--headless",
                    "--log=events",
                    "--set",
                    s.w,
                    "--set",
                    s.j,
                    "--set",
                    s.q,
                    "--speed",
                    "100",
                    (char *)bench_gopool_path(c, path, sizeof path),
                    NULL};
    double *ev = calloc((size_t)runs, sizeof(double));
    uint64_t events = 0;
    for (int r = 0; r < runs && !bad; r++) {
        uint64_t ns;
        /* at least the 4 events a job (its send and receive, its result's):
         * a run cut short is not a figure */
        bad = spawn_count_stderr(argv, &events, &ns) || events < 4 * (uint64_t)jobs;
        ev[r] = bad ? 0 : (double)events / ((double)ns / 1e9);
    }
    if (bad) {
        fprintf(stderr, "output: poolscope --headless --log=events failed\n");
    } else {
        char note[128];
        snprintf(note, sizeof note, "2 workers x %d zero-length jobs, %.2f M event lines", jobs,
                 (double)events / 1e6);
        double med = bench_median(ev, runs);
        bench_figure("output", "headless --log=events, events per wall second", ev, runs, " ev/s",
                     note);
        bench_goal("headless event output >= 3 M events/s", med, 3e6, 1, " ev/s");
    }
    free(ev);
    return bad ? -1 : 0;
}

/* ---- row "consumer": the screen's consumer alone ----
 * Events of a real run (worker_pool.go, 4 workers, zero-length jobs, jobs
 * channel 1024) are recorded once, then in every trial published into a
 * fresh bus, one ring per thread as they were made (main, the workers and
 * the controller; their stamps kept, so the merge has the run's real
 * interleaving), and drained as the screen drains: bus_poll in batches of
 * 256 and tui_app_fold (the model's fold over the layout the screen's
 * session gives the program; no outputs).  Nothing else runs meanwhile, so
 * this is the consumer's ceiling.  Goal: >= 5 M/s. */

enum { CONSUMER_WORKERS = 4 };

typedef struct recorded {
    ps_event *ev;
    size_t n, cap;
    ps_layout layout;
    int producers;
} recorded;

static int record_run(const bench_ctx *c, int jobs, recorded *out)
{
    ps_params p;
    bench_gorun b;
    char path[4096];
    goprog *g = bench_gopool_load(c, CONSUMER_WORKERS, jobs, 1024);
    if (!g || bench_gorun_start(&b, g, 0) != 0) {
        goprog_free(g);
        return -1;
    }
    *out = (recorded){.producers = CONSUMER_WORKERS + 2};
    session_go_layout(&p, &out->layout, bench_gopool_path(c, path, sizeof path));
    out->layout.job_line = goprog_job_line(g);
    ps_event buf[256];
    int bad = 0;
    while (!run_finished(b.r)) {
        size_t n = bus_poll(b.r->bus, buf, 256);
        if (out->n + n > out->cap) {
            out->cap = out->cap ? out->cap * 2 : 1 << 16;
            out->ev = realloc(out->ev, out->cap * sizeof(ps_event));
        }
        for (size_t i = 0; i < n; i++) /* main and the workers are actors 0..4 */
            bad |= buf[i].actor != PS_ACTOR_CTL && (int)buf[i].actor >= out->producers - 1;
        memcpy(out->ev + out->n, buf, n * sizeof(ps_event));
        out->n += n;
        if (!n)
            bus_wait(b.r->bus, 10000000);
    }
    bad |= bench_gorun_end(&b) != 0;
    goprog_free(g);
    return bad ? -1 : 0;
}

/* One trial: events per second through merge and fold. */
static int consume_once(const recorded *rec, double *ev_s)
{
    bus *b = bus_create(rec->producers, rec->n);
    model *m = malloc(sizeof(*m));
    if (!b || !m || model_init(m, &rec->layout) != 0) {
        bus_destroy(b);
        free(m);
        return -1;
    }
    for (size_t i = 0; i < rec->n; i++) {
        int p = rec->ev[i].actor == PS_ACTOR_CTL ? rec->producers - 1 : (int)rec->ev[i].actor;
        bus_publish(b, p, &rec->ev[i]);
    }
    tui_app a = {.m = m};
    ps_event buf[256];
    size_t got = 0, n;
    uint64_t t0 = bench_now_ns();
    while ((n = bus_poll(b, buf, 256)) > 0) {
        tui_app_fold(&a, buf, n);
        got += n;
    }
    uint64_t el = bench_now_ns() - t0;
    int ok = got == rec->n && m->ended;
    model_free(m);
    free(m);
    bus_destroy(b);
    *ev_s = (double)got / ((double)el / 1e9);
    return ok ? 0 : -1;
}

int bench_consumer(const bench_ctx *c)
{
    recorded rec = {0};
    int jobs = c->quick ? 20000 : 100000, runs = c->runs, bad = 0;
    if (record_run(c, jobs, &rec) != 0) {
        fprintf(stderr, "consumer: recording the run failed\n");
        return -1;
    }
    double *ev = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs && !bad; r++)
        bad = consume_once(&rec, &ev[r]);
    if (bad) {
        fprintf(stderr, "consumer: a trial did not deliver every event\n");
    } else {
        char note[128];
        snprintf(note, sizeof note, "%zu events of worker_pool.go, 4 workers x %d jobs, %d rings",
                 rec.n, jobs, rec.producers);
        double med = bench_median(ev, runs);
        bench_figure("consumer", "screen consumer: bus merge + model fold (tui_app_fold)", ev, runs,
                     " ev/s", note);
        bench_goal("the screen's consumer sustains >= 5 M events/s", med, 5e6, 1, " ev/s");
    }
    free(ev);
    free(rec.ev);
    return bad ? -1 : 0;
}
