/* bench_program.c - rows "10k-blocked" and "goroutines": program runs
 * (run_go), where every goroutine is a thread of its own.
 *
 *   10k-blocked  main starts 10 000 goroutines that each block on one
 *                channel (thread-start, queue-recv-blocked: their events
 *                published), then releases them; in a child process per
 *                run, so ru_maxrss is the run's alone: the time to start
 *                them, the time until every one is blocked, the RSS then
 *                (/proc/self/status) and the peak (wait4).
 *   goroutines   20 000 goroutines one after another (each sends its id,
 *                main receives it: create, run, exit, join), and the
 *                consumer's merge with 10 000 lanes: a poll of an idle bus
 *                whose 10 000 lanes left the list, against one whose 10 000
 *                lanes are all static (every poll reads every lane, the
 *                bus before dynamic lanes), and the drain rate of 10 000
 *                lanes holding 32 events each against 64 lanes holding
 *                5 000 each.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "rt/run.h"

typedef struct prog_result {
    double start_ms, blocked_ms, rss_mb;
    int ok;
} prog_result;

typedef struct prog_arg {
    ps_chan q;
    int n;
    prog_result res;
    uint64_t series_ns;
} prog_arg;

static long vm_rss_kb(void)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, "VmRSS:", 6))
            kb = atol(line + 6);
    if (f)
        fclose(f);
    return kb;
}

static int recv_once(ps_actor *self, void *arg)
{
    int64_t v;
    return chan_recv(&((prog_arg *)arg)->q, self, &v);
}

static int main_blocked(ps_actor *self, void *arg)
{
    prog_arg *a = arg;
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < a->n; i++)
        if (run_go(self->run, self, recv_once, a, NULL) != PS_OK)
            return 1;
    a->res.start_ms = (double)(bench_now_ns() - t0) / 1e6;
    for (;;) {
        int live, active;
        pacer_counts(self->pacer, &live, &active);
        if (live == a->n + 1 && active == 1)
            break;
        usleep(1000);
    }
    a->res.blocked_ms = (double)(bench_now_ns() - t0) / 1e6;
    a->res.rss_mb = (double)vm_rss_kb() / 1024.0;
    for (int i = 0; i < a->n; i++)
        if (chan_send(&a->q, self, i) != PS_OK)
            return 1;
    return 0;
}

/* Runs main_fn as a program to its end, the caller the consumer; the
 * number of events, or 0 if it failed. */
static uint64_t run_program(int max, run_go_fn main_fn, prog_arg *a)
{
    const char *err;
    ps_run *r = run_create_program(&(run_program_opts){.max_goroutines = max}, &err);
    if (!r || run_start_program(r, main_fn, a) != 0)
        return 0;
    ps_event buf[256];
    uint64_t n = 0;
    while (!run_finished(r)) {
        size_t k = bus_poll(r->bus, buf, 256);
        n += k;
        if (!k)
            bus_wait(r->bus, 20000000);
    }
    run_join(r);
    int status = 1;
    run_exit_status(r, &status);
    run_destroy(r);
    return status == 0 ? n : 0;
}

/* One run of 10k-blocked in a child; its peak RSS from wait4. */
static int blocked_once(int n, prog_result *out, double *peak_mb)
{
    int fd[2];
    if (pipe(fd) != 0)
        return -1;
    pid_t pid = fork();
    if (pid == 0) {
        close(fd[0]);
        static prog_arg a;
        a.n = n;
        chan_init(&a.q, 0, 1);
        a.res.ok = run_program(n + 1, main_blocked, &a) == 5 * (uint64_t)n + 3;
        ssize_t w = write(fd[1], &a.res, sizeof a.res);
        _exit(w == (ssize_t)sizeof a.res ? 0 : 1);
    }
    close(fd[1]);
    ssize_t got = pid > 0 ? read(fd[0], out, sizeof *out) : -1;
    close(fd[0]);
    int st = 0;
    struct rusage ru;
    if (pid < 0 || wait4(pid, &st, 0, &ru) < 0)
        return -1;
    *peak_mb = (double)ru.ru_maxrss / 1024.0;
    return got == (ssize_t)sizeof *out && WIFEXITED(st) && !WEXITSTATUS(st) && out->ok ? 0 : -1;
}

int bench_blocked(const bench_ctx *c)
{
    int runs = c->quick ? 3 : c->runs, n = 10000, bad = 0;
    double *start = calloc((size_t)runs, sizeof(double)), *blocked = calloc((size_t)runs, 8);
    double *rss = calloc((size_t)runs, sizeof(double)), *peak = calloc((size_t)runs, 8);
    for (int r = 0; r < runs && !bad; r++) {
        prog_result res;
        bench_progress("10k-blocked: run %d of %d", r + 1, runs);
        bad = blocked_once(n, &res, &peak[r]) != 0;
        start[r] = res.start_ms;
        blocked[r] = res.blocked_ms;
        rss[r] = res.rss_mb;
    }
    if (bad) {
        fprintf(stderr, "10k-blocked: the program failed\n");
    } else {
        const char *note = "10 000 goroutines, each blocked on one channel; child process";
        bench_figure("10k-blocked", "start 10 000 goroutines (run_go x 10 000)", start, runs, " ms",
                     note);
        bench_figure("10k-blocked", "until all 10 000 are blocked", blocked, runs, " ms", note);
        bench_figure("10k-blocked", "RSS with all 10 000 blocked", rss, runs, " MB",
                     "VmRSS: thread stacks, lanes, slots");
        bench_figure("10k-blocked", "peak RSS of the run", peak, runs, " MB", "ru_maxrss, wait4");
        bench_goal("10 000 blocked goroutines < 200 MB RSS", bench_median(rss, runs), 200, 0,
                   " MB");
    }
    free(start);
    free(blocked);
    free(rss);
    free(peak);
    return bad ? -1 : 0;
}

/* ---- goroutines in series ---- */

static int send_id(ps_actor *self, void *arg)
{
    return chan_send(&((prog_arg *)arg)->q, self, self->id);
}

static int main_series(ps_actor *self, void *arg)
{
    prog_arg *a = arg;
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < a->n; i++) {
        int64_t v;
        if (run_go(self->run, self, send_id, a, NULL) != PS_OK || chan_recv(&a->q, self, &v))
            return 1;
    }
    a->series_ns = bench_now_ns() - t0;
    return 0;
}

/* ---- the consumer's merge with 10 000 lanes ---- */

/* ns per bus_poll of a bus with nothing to deliver. */
static double idle_poll_ns(bus *b)
{
    ps_event buf[64];
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < 1000; i++)
        bus_poll(b, buf, 64);
    return (double)(bench_now_ns() - t0) / 1000.0;
}

/* lanes x per events, round-robin stamps (every head in play), drained;
 * events per second.  dynamic: lanes opened on a bus of 1 static lane. */
static double drain_rate(int lanes, int per, int dynamic, double *idle_ns)
{
    bus *b =
        dynamic ? bus_create_lanes(1, 64, lanes, (size_t)per) : bus_create(lanes + 1, (size_t)per);
    int *id = malloc((size_t)lanes * sizeof(int));
    for (int i = 0; i < lanes; i++)
        id[i] = dynamic ? bus_open(b) : i + 1;
    uint64_t key = 1;
    for (int k = 0; k < per; k++)
        for (int i = 0; i < lanes; i++) {
            ps_event e = {.rt_ns = key++, .actor = (uint32_t)i};
            bus_publish(b, id[i], &e);
        }
    static ps_event buf[4096];
    uint64_t want = (uint64_t)lanes * (uint64_t)per, got = 0, t0 = bench_now_ns();
    while (got < want)
        got += bus_poll(b, buf, 4096);
    double rate = (double)want / ((double)(bench_now_ns() - t0) / 1e9);
    bus_wait(b, 1000000); /* quiet: idle dynamic lanes leave the list */
    bus_wait(b, 1000000);
    if (idle_ns)
        *idle_ns = idle_poll_ns(b);
    free(id);
    bus_destroy(b);
    return rate;
}

int bench_goroutines(const bench_ctx *c)
{
    int runs = c->quick ? 3 : c->runs, n = c->quick ? 5000 : 20000, bad = 0;
    double *rate = calloc((size_t)runs, 8), *idle_dyn = calloc((size_t)runs, 8);
    double *idle_sta = calloc((size_t)runs, 8), *d10k = calloc((size_t)runs, 8);
    double *d64 = calloc((size_t)runs, 8);
    for (int r = 0; r < runs && !bad; r++) {
        bench_progress("goroutines: run %d of %d", r + 1, runs);
        static prog_arg a;
        memset(&a, 0, sizeof a);
        a.n = n;
        chan_init(&a.q, 0, 1);
        bad = run_program(1000, main_series, &a) == 0;
        chan_destroy(&a.q);
        rate[r] = (double)n / ((double)a.series_ns / 1e9);
        d10k[r] = drain_rate(10000, 32, 1, &idle_dyn[r]);
        drain_rate(10000, 32, 0, &idle_sta[r]);
        d64[r] = drain_rate(64, 5000, 1, NULL);
    }
    if (bad) {
        fprintf(stderr, "goroutines: the series failed\n");
    } else {
        char note[96];
        snprintf(note, sizeof note, "%d goroutines, each sends its id and exits; main receives", n);
        bench_figure("goroutines", "one after another (create, run, exit, join)", rate, runs, " /s",
                     note);
        bench_figure("goroutines", "idle poll, 10 000 dynamic lanes (left the list)", idle_dyn,
                     runs, " ns", "bus_poll with nothing to deliver");
        bench_figure("goroutines", "idle poll, 10 000 static lanes (every lane read)", idle_sta,
                     runs, " ns", "the bus as it was: bus_look reads every lane");
        bench_figure("goroutines", "drain, 10 000 lanes x 32 events", d10k, runs, " ev/s",
                     "round-robin stamps: every lane's head in play (heap merge)");
        bench_figure("goroutines", "drain, 64 lanes x 5 000 events", d64, runs, " ev/s",
                     "the same 320 000 events on 64 lanes");
    }
    free(rate);
    free(idle_dyn);
    free(idle_sta);
    free(d10k);
    free(d64);
    return bad ? -1 : 0;
}
