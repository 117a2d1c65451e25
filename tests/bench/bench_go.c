/* bench_go.c - rows "go-start", "go-cpu", "go-atomic" and "go-10k": Go
 * programs run as users run them, `poolscope --headless PROGRAM.go`, against
 * the same program under Lua 5.4 and native Go (built once with go build),
 * each run of each figure interleaved with its baselines so that a noisy
 * machine slows them alike; ratios are medians of per-run ratios.
 *
 *   go-start   the lecture's worker pool (tests/go/lecture_1.go): wall time
 *              from fork to the first event on stderr (--log=events) and to
 *              the first line on stdout; `go run`'s time to its first line
 *              (it compiles first; its build cache is warm after run 1) and
 *              the native binary's.
 *   go-cpu     tests/bench/go/{sum,fib,wordcount}.go and their .lua twins:
 *              whole-process wall time (start-up included, as a user sees
 *              it); the goal is Lua's time / poolscope's >= 0.5.
 *   go-atomic  tests/go/ref_atomic_counters.go and ref_race_counter.go (50
 *              goroutines x 1000): poolscope with events (the default),
 *              with --no-events (nothing published), and native Go.
 *   go-10k     tests/bench/go/blocked.go: 10 000 goroutines blocked on one
 *              channel: peak RSS (wait4) and the program's own time to
 *              start them all ("started_ms", on poolscope's virtual clock,
 *              which follows real time at speed 1).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

enum { GO_RUNS_MAX = 64 };

static int runs_of(const bench_ctx *c)
{
    return c->runs < GO_RUNS_MAX ? c->runs : GO_RUNS_MAX;
}

/* Runs argv (in a process group of its own) with the extra environment env
 * until its first byte on fd (1 or 2): that time in *first_ns; then kills
 * the group.  0 if a byte came. */
static int spawn_first(char *const argv[], char *const env[], int fd, uint64_t *first_ns)
{
    int p[2];
    if (pipe(p) != 0)
        return -1;
    uint64_t t0 = bench_now_ns();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        setpgid(0, 0);
        for (int i = 0; env && env[i]; i++)
            putenv(env[i]);
        int nul = open("/dev/null", O_RDWR);
        dup2(p[1], fd);
        dup2(nul, fd == 1 ? 2 : 1);
        dup2(nul, 0);
        close(p[0]);
        close(p[1]);
        execv(argv[0], argv);
        _exit(127);
    }
    setpgid(pid, pid);
    close(p[1]);
    char b;
    ssize_t k;
    while ((k = read(p[0], &b, 1)) < 0 && errno == EINTR)
        ;
    *first_ns = bench_now_ns() - t0;
    kill(-pid, SIGKILL);
    close(p[0]);
    while (waitpid(pid, NULL, 0) < 0 && errno == EINTR)
        ;
    return k == 1 ? 0 : -1;
}

/* The path of a program, "lua5.4" say, or "" if it is not installed. */
static void which(const char *prog, char *buf, size_t len)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "command -v %s 2>/dev/null", prog);
    buf[0] = 0;
    if (bench_sh(cmd, buf, len) != 0)
        buf[0] = 0;
    buf[strcspn(buf, "\n")] = 0;
}

static double ms(uint64_t ns)
{
    return (double)ns / 1e6;
}

int bench_go_start(const bench_ctx *c)
{
    char src[PATH_MAX], bin[PATH_MAX], cache[PATH_MAX + 32], dir[PATH_MAX];
    bench_src_path(c, "../go/lecture_1.go", src, sizeof src);
    int n = runs_of(c),
        have_go = c->go && bench_go_build_src(c, src, "lecture-go", bin, sizeof bin) == 0;
    if (!realpath(c->out_dir, dir))
        snprintf(dir, sizeof dir, ".");
    snprintf(cache, sizeof cache, "GOCACHE=%s/go-cache", dir);
    char e1[] = "GO111MODULE=off";
    char *env[] = {e1, cache, NULL};
    double ev[GO_RUNS_MAX], line[GO_RUNS_MAX], gorun[GO_RUNS_MAX], native[GO_RUNS_MAX];
    for (int r = 0; r < n; r++) {
        uint64_t t;
        char *a_ev[] = {(char *)c->poolscope, "--headless", "--log=events", src, NULL};
        char *a_line[] = {(char *)c->poolscope, "--headless", src, NULL};
        if (spawn_first(a_ev, NULL, 2, &t) != 0) {
            bench_skip("go-start", "first event", "poolscope printed no event");
            return 1;
        }
        ev[r] = ms(t);
        if (spawn_first(a_line, NULL, 1, &t) != 0) {
            bench_skip("go-start", "first line", "poolscope printed no line");
            return 1;
        }
        line[r] = ms(t);
        if (have_go) {
            char *a_run[] = {(char *)c->go, "run", src, NULL};
            char *a_bin[] = {bin, NULL};
            gorun[r] = spawn_first(a_run, env, 1, &t) == 0 ? ms(t) : 0;
            native[r] = spawn_first(a_bin, NULL, 1, &t) == 0 ? ms(t) : 0;
        }
    }
    bench_figure("go-start", "poolscope: to first event (lecture_1.go)", ev, n, " ms",
                 "fork to the first byte of --log=events");
    bench_figure("go-start", "poolscope: to first stdout line", line, n, " ms", NULL);
    if (have_go) {
        bench_figure("go-start", "go run: to first stdout line", gorun, n, " ms",
                     "compiles first (warm build cache after run 1)");
        bench_figure("go-start", "native Go binary: to first stdout line", native, n, " ms", NULL);
    } else {
        bench_skip("go-start", "go run", "no go tool");
    }
    bench_goal("go-start: start to first event (ms)", bench_median(ev, n), 5, 0, " ms");
    return 0;
}

typedef struct cpu_prog {
    const char *name, *go, *lua;
} cpu_prog;

static const cpu_prog cpu_progs[] = {
    {.name = "sum 10^7", .go = "go/sum.go", .lua = "go/sum.lua"},
    {.name = "fib(27)", .go = "go/fib.go", .lua = "go/fib.lua"},
    {.name = "word count 10^6", .go = "go/wordcount.go", .lua = "go/wordcount.lua"},
};

static int cpu_one(const bench_ctx *c, const cpu_prog *p, const char *lua, int n)
{
    char src[PATH_MAX], lsrc[PATH_MAX], bin[PATH_MAX], name[64], fig[128];
    bench_src_path(c, p->go, src, sizeof src);
    bench_src_path(c, p->lua, lsrc, sizeof lsrc);
    snprintf(name, sizeof name, "cpu-%d", (int)(p - cpu_progs));
    int have_go = c->go && bench_go_build_src(c, src, name, bin, sizeof bin) == 0;
    double t_ps[GO_RUNS_MAX], t_lua[GO_RUNS_MAX], t_go[GO_RUNS_MAX];
    double r_lua[GO_RUNS_MAX], r_go[GO_RUNS_MAX];
    for (int r = 0; r < n; r++) {
        uint64_t a = 0, b = 0, g = 0;
        char *a_ps[] = {(char *)c->poolscope, "--headless", src, NULL};
        char *a_lua[] = {(char *)lua, lsrc, NULL};
        char *a_go[] = {bin, NULL};
        int bad = 0;
        if (r % 2) { /* alternate the order: neither always runs first */
            bad |= lua[0] && bench_spawn(a_lua, NULL, &b, NULL) != 0;
            bad |= bench_spawn(a_ps, NULL, &a, NULL) != 0;
        } else {
            bad |= bench_spawn(a_ps, NULL, &a, NULL) != 0;
            bad |= lua[0] && bench_spawn(a_lua, NULL, &b, NULL) != 0;
        }
        if (have_go)
            bad |= bench_spawn(a_go, NULL, &g, NULL) != 0;
        if (bad) {
            bench_skip("go-cpu", p->name, "a run failed");
            return 1;
        }
        t_ps[r] = ms(a);
        t_lua[r] = ms(b);
        t_go[r] = ms(g);
        r_lua[r] = a ? (double)b / (double)a : 0;
        r_go[r] = a ? (double)g / (double)a : 0;
    }
    snprintf(fig, sizeof fig, "%s: poolscope", p->name);
    bench_figure("go-cpu", fig, t_ps, n, " ms", "whole process");
    if (lua[0]) {
        snprintf(fig, sizeof fig, "%s: Lua 5.4", p->name);
        bench_figure("go-cpu", fig, t_lua, n, " ms", NULL);
        snprintf(fig, sizeof fig, "%s: speed vs Lua (Lua time / poolscope time)", p->name);
        double keep[GO_RUNS_MAX];
        memcpy(keep, r_lua, sizeof keep);
        bench_ratio("go-cpu", fig, r_lua, n, NULL);
        snprintf(fig, sizeof fig, "go-cpu: %s, speed vs Lua 5.4", p->name);
        bench_goal(fig, bench_median(keep, n), 0.5, 1, "x");
    } else {
        bench_skip("go-cpu", p->name, "no lua5.4");
    }
    if (have_go) {
        snprintf(fig, sizeof fig, "%s: native Go", p->name);
        bench_figure("go-cpu", fig, t_go, n, " ms", NULL);
        snprintf(fig, sizeof fig, "%s: speed vs native Go", p->name);
        bench_ratio("go-cpu", fig, r_go, n, NULL);
    }
    return 0;
}

int bench_go_cpu(const bench_ctx *c)
{
    char lua[PATH_MAX];
    which("lua5.4", lua, sizeof lua);
    int bad = 0;
    for (size_t i = 0; i < sizeof cpu_progs / sizeof cpu_progs[0]; i++)
        bad |= cpu_one(c, &cpu_progs[i], lua, runs_of(c));
    return bad;
}

static int atomic_one(const bench_ctx *c, const char *rel, const char *label, int n)
{
    char src[PATH_MAX], bin[PATH_MAX], name[64], fig[160];
    bench_src_path(c, rel, src, sizeof src);
    snprintf(name, sizeof name, "atomic-%s", label);
    int have_go = c->go && bench_go_build_src(c, src, name, bin, sizeof bin) == 0;
    double on[GO_RUNS_MAX], off[GO_RUNS_MAX], go[GO_RUNS_MAX];
    double on_go[GO_RUNS_MAX], on_off[GO_RUNS_MAX];
    for (int r = 0; r < n; r++) {
        uint64_t a = 0, b = 0, g = 0;
        char *a_on[] = {(char *)c->poolscope, "--headless", src, NULL};
        char *a_off[] = {(char *)c->poolscope, "--headless", "--no-events", src, NULL};
        char *a_go[] = {bin, NULL};
        int bad = 0;
        if (r % 2) {
            bad |= bench_spawn(a_off, NULL, &b, NULL) != 0;
            bad |= bench_spawn(a_on, NULL, &a, NULL) != 0;
        } else {
            bad |= bench_spawn(a_on, NULL, &a, NULL) != 0;
            bad |= bench_spawn(a_off, NULL, &b, NULL) != 0;
        }
        if (have_go)
            bad |= bench_spawn(a_go, NULL, &g, NULL) != 0;
        if (bad) {
            bench_skip("go-atomic", label, "a run failed");
            return 1;
        }
        on[r] = ms(a);
        off[r] = ms(b);
        go[r] = ms(g);
        on_off[r] = b ? (double)a / (double)b : 0;
        on_go[r] = g ? (double)a / (double)g : 0;
    }
    double keep[GO_RUNS_MAX];
    snprintf(fig, sizeof fig, "%s: events on", label);
    bench_figure("go-atomic", fig, on, n, " ms", "whole process");
    snprintf(fig, sizeof fig, "%s: events off (--no-events)", label);
    bench_figure("go-atomic", fig, off, n, " ms", NULL);
    snprintf(fig, sizeof fig, "%s: events on / off", label);
    memcpy(keep, on_off, sizeof keep);
    bench_ratio("go-atomic", fig, on_off, n, NULL);
    snprintf(fig, sizeof fig, "go-atomic: %s, events on / off", label);
    bench_goal(fig, bench_median(keep, n), 1.5, 0, "x");
    if (have_go) {
        snprintf(fig, sizeof fig, "%s: native Go", label);
        bench_figure("go-atomic", fig, go, n, " ms", NULL);
        snprintf(fig, sizeof fig, "%s: poolscope (events on) / native Go", label);
        memcpy(keep, on_go, sizeof keep);
        bench_ratio("go-atomic", fig, on_go, n, NULL);
        snprintf(fig, sizeof fig, "go-atomic: %s, wall / native Go", label);
        bench_goal(fig, bench_median(keep, n), 5, 0, "x");
    } else {
        bench_skip("go-atomic", label, "no go tool: no native baseline");
    }
    return 0;
}

int bench_go_atomic(const bench_ctx *c)
{
    int n = runs_of(c);
    return atomic_one(c, "../go/ref_atomic_counters.go", "atomic-counters 50x1000", n) |
           atomic_one(c, "../go/ref_race_counter.go", "race counter 50x1000", n);
}

/* The "started_ms N" line of blocked.go's output file; -1 if none. */
static double started_ms(const char *path)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char line[128];
    double v = -1;
    while (fgets(line, sizeof line, f))
        if (sscanf(line, "started_ms %lf", &v) == 1)
            break;
    fclose(f);
    return v;
}

int bench_go_10k(const bench_ctx *c)
{
    char src[PATH_MAX], bin[PATH_MAX], out[PATH_MAX + 32], dir[PATH_MAX];
    bench_src_path(c, "go/blocked.go", src, sizeof src);
    if (!realpath(c->out_dir, dir))
        snprintf(dir, sizeof dir, ".");
    snprintf(out, sizeof out, "%s/go-10k.out", dir);
    int n = runs_of(c);
    int have_go = c->go && bench_go_build_src(c, src, "blocked-go", bin, sizeof bin) == 0;
    double wall[GO_RUNS_MAX], rss[GO_RUNS_MAX], start[GO_RUNS_MAX];
    double gwall[GO_RUNS_MAX], grss[GO_RUNS_MAX], gstart[GO_RUNS_MAX];
    for (int r = 0; r < n; r++) {
        uint64_t t = 0;
        long kb = 0;
        char *a_ps[] = {(char *)c->poolscope, "--headless", src, NULL};
        if (bench_spawn(a_ps, out, &t, &kb) != 0 || (start[r] = started_ms(out)) < 0) {
            bench_skip("go-10k", "poolscope", "the run failed");
            return 1;
        }
        wall[r] = ms(t);
        rss[r] = (double)kb / 1024.0;
        if (have_go) {
            char *a_go[] = {bin, NULL};
            if (bench_spawn(a_go, out, &t, &kb) != 0 || (gstart[r] = started_ms(out)) < 0)
                have_go = 0;
            gwall[r] = ms(t);
            grss[r] = (double)kb / 1024.0;
        }
    }
    double keep[GO_RUNS_MAX];
    memcpy(keep, rss, sizeof keep);
    bench_figure("go-10k", "poolscope: peak RSS", rss, n, " MB", "wait4 ru_maxrss");
    bench_figure("go-10k", "poolscope: start 10 000 goroutines", start, n, " ms",
                 "the program's started_ms");
    bench_figure("go-10k", "poolscope: whole run", wall, n, " ms", NULL);
    if (have_go) {
        bench_figure("go-10k", "native Go: peak RSS", grss, n, " MB", NULL);
        bench_figure("go-10k", "native Go: start 10 000 goroutines", gstart, n, " ms", NULL);
        bench_figure("go-10k", "native Go: whole run", gwall, n, " ms", NULL);
    }
    bench_goal("go-10k: peak RSS of 10 000 blocked goroutines (MB)", bench_median(keep, n), 200, 0,
               " MB");
    return 0;
}
