/* bench_main.c - poolscope-bench: runs every row, then prints one table of
 * medians, same-run ratios and the goals, with the machine it ran on.
 *
 *   poolscope-bench [--runs N] [--quick] [--only ROW[,ROW...]]
 *                   [--poolscope PATH] [--go PATH] [--go-src PATH] [--out-dir DIR]
 *
 * Run by `meson test -C build --benchmark --verbose` (./dev bench).  Exit 0
 * unless a row is broken (wrong event count, lost event...): benchmarks print
 * figures, they do not pass or fail on time.
 *
 * Adding a row (rendering, replay...): write `int bench_NAME(const
 * bench_ctx *c)` in its own file, declare it in bench.h, add the file to
 * tests/bench/meson.build and one line to 'rows' below.  Report with
 * bench_figure / bench_ratio / bench_goal, or bench_skip.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

#ifndef BENCH_BUILDTYPE
#define BENCH_BUILDTYPE "unknown"
#endif

typedef struct row_def {
    const char *name;
    const char *what;
    int (*run)(const bench_ctx *c);
} row_def;

static const row_def rows[] = {
    {"bus", "event bus: 1/2/4 producers -> 1 consumer vs ck_ring, Vyukov, SPSC rings, mutex queue",
     bench_bus},
    {"pool", "worker pool, zero-length jobs: engine on/off vs plain C pool vs Go", bench_pool},
    {"model", "model fold rate", bench_model},
    {"rss", "peak RSS of the default scenario", bench_rss},
    {"render", "TUI frame time (80x24, 200x60; 8, 64 workers) and a paused TUI's CPU",
     bench_render},
    {"wall", "the lecture's worker-pool at speed 1: wall time", bench_wall},
    {"heavy", "64 workers, zero-length jobs: quiet engine vs headless vs the screen", bench_heavy},
    {"output", "headless lecture output rate", bench_output},
    {"consumer", "the screen's consumer alone: merge and fold of a real run's events",
     bench_consumer},
    {"stamp", "the cost of a causal stamp: clock_gettime against TSC reads", bench_stamp},
    {"chan", "channels: unbuffered vs buffered ping-pong, select's cost", bench_chan},
    {"10k-blocked", "a program's 10 000 goroutines blocked on one channel: start time, RSS",
     bench_blocked},
    {"goroutines", "goroutines one after another; the merge with 10 000 lanes", bench_goroutines},
    {"go-start", "a Go program: start to first event and first line, against go run",
     bench_go_start},
    {"go-cpu", "Go programs: sum, fib(27), word count against Lua 5.4 and native Go", bench_go_cpu},
    {"go-atomic", "Go programs: atomic counters and the race, events on/off, against native Go",
     bench_go_atomic},
    {"go-10k", "a Go program's 10 000 goroutines blocked on one channel: RSS, start time",
     bench_go_10k},
    /* the replay seek row is the 'seek' benchmark (tests/test_seek.c) */
};

/* ---- statistics ---- */

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

static int cmp_u64(const void *a, const void *b)
{
    uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
    return x < y ? -1 : x > y;
}

double bench_median(double *v, int n)
{
    if (n <= 0)
        return 0;
    qsort(v, (size_t)n, sizeof(double), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double bench_min(const double *v, int n)
{
    double m = v[0];
    for (int i = 1; i < n; i++)
        m = v[i] < m ? v[i] : m;
    return m;
}

double bench_max(const double *v, int n)
{
    double m = v[0];
    for (int i = 1; i < n; i++)
        m = v[i] > m ? v[i] : m;
    return m;
}

uint64_t bench_percentile_u64(uint64_t *v, size_t n, double p)
{
    if (!n)
        return 0;
    qsort(v, n, sizeof(uint64_t), cmp_u64);
    size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
    k = k ? k - 1 : 0;
    return v[k < n ? k : n - 1];
}

/* ---- results ---- */

enum { MAX_LINES = 128 };
static char figures[MAX_LINES][256];
static int n_figures;
static char ratios[MAX_LINES][256];
static int n_ratios;
static char goals[MAX_LINES][256];
static int n_goals;

static void fmt_num(char *buf, size_t len, double v)
{
    double a = v < 0 ? -v : v;
    if (a >= 1e9)
        snprintf(buf, len, "%.2f G", v / 1e9);
    else if (a >= 1e6)
        snprintf(buf, len, "%.2f M", v / 1e6);
    else if (a >= 1e4)
        snprintf(buf, len, "%.1f k", v / 1e3);
    else if (a >= 100)
        snprintf(buf, len, "%.0f", v);
    else
        snprintf(buf, len, "%.2f", v);
}

void bench_figure(const char *group, const char *name, double *samples, int n, const char *unit,
                  const char *note)
{
    char med[32], lo[32], hi[32];
    fmt_num(lo, sizeof lo, bench_min(samples, n));
    fmt_num(hi, sizeof hi, bench_max(samples, n));
    fmt_num(med, sizeof med, bench_median(samples, n));
    if (n_figures < MAX_LINES)
        snprintf(figures[n_figures++], 256, "| %s | %s | %s%s | %s .. %s | %d | %s |", group, name,
                 med, unit, lo, hi, n, note ? note : "");
    bench_progress("  %s / %s: %s%s (min %s, max %s)", group, name, med, unit, lo, hi);
}

void bench_ratio(const char *group, const char *name, double *r, int n, const char *note)
{
    double lo = bench_min(r, n), hi = bench_max(r, n), med = bench_median(r, n);
    if (n_ratios < MAX_LINES)
        snprintf(ratios[n_ratios++], 256, "| %s | %s | %.2fx | %.2f .. %.2f | %s |", group, name,
                 med, lo, hi, note ? note : "");
    bench_progress("  ratio %s / %s: %.2fx", group, name, med);
}

void bench_goal(const char *goal, double value, double target, int higher_better, const char *unit)
{
    int met = higher_better ? value >= target : value <= target;
    char v[32], t[32];
    fmt_num(v, sizeof v, value);
    fmt_num(t, sizeof t, target);
    if (n_goals < MAX_LINES)
        snprintf(goals[n_goals++], 256, "| %s | %s%s | %s %s%s | %s |", goal, v, unit,
                 higher_better ? ">=" : "<=", t, unit, met ? "met" : "**missed**");
}

void bench_skip(const char *group, const char *name, const char *why)
{
    if (n_figures < MAX_LINES)
        snprintf(figures[n_figures++], 256, "| %s | %s | - | - | - | skipped: %s |", group, name,
                 why);
    bench_progress("  %s / %s: skipped: %s", group, name, why);
}

void bench_progress(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
}

/* ---- child processes ---- */

int bench_spawn(char *const argv[], const char *out_path, uint64_t *ns, long *maxrss_kb)
{
    uint64_t t0 = bench_now_ns();
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open(out_path ? out_path : "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0644);
        int nul = open("/dev/null", O_WRONLY);
        if (fd < 0 || nul < 0)
            _exit(126);
        dup2(fd, 1);
        dup2(nul, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    int st;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0)
        if (errno != EINTR)
            return -1;
    if (ns)
        *ns = bench_now_ns() - t0;
    if (maxrss_kb)
        *maxrss_kb = ru.ru_maxrss;
    return WIFEXITED(st) && WEXITSTATUS(st) == 0 ? 0 : -1;
}

int bench_sh(const char *cmd, char *out, size_t len)
{
    FILE *p = popen(cmd, "r");
    if (!p)
        return -1;
    size_t n = out ? fread(out, 1, len - 1, p) : 0;
    if (out)
        out[n] = '\0';
    return pclose(p);
}

void bench_pool_argv(const bench_ctx *c, const char *jobs, char *argv[BENCH_POOL_ARGC])
{
    static char set_jobs[64], path[4096];
    snprintf(set_jobs, sizeof set_jobs, "numJobs=%s", jobs);
    bench_src_path(c, "go/worker_pool.go", path, sizeof path);
    char *v[BENCH_POOL_ARGC] = {
        (char *)c->poolscope, "--headless", "--set", "numWorkers=2", "--set", set_jobs, "--set",
        "qcap=1024",          "--speed",    "100",   path,           NULL};
    memcpy(argv, v, sizeof v);
}

void bench_src_path(const bench_ctx *c, const char *rel, char *buf, size_t len)
{
    const char *slash = c->go_src ? strrchr(c->go_src, '/') : NULL;
    int dl = slash ? (int)(slash - c->go_src) : 1;
    snprintf(buf, len, "%.*s/%s", dl, slash ? c->go_src : ".", rel);
}

/* ---- the machine ---- */

static void cpu_model(char *buf, size_t len)
{
    snprintf(buf, len, "unknown CPU");
    FILE *f = fopen("/proc/cpuinfo", "r");
    if (!f)
        return;
    char line[512];
    while (fgets(line, sizeof line, f)) {
        if (strncmp(line, "model name", 10) != 0)
            continue;
        char *v = strchr(line, ':');
        if (v) {
            v++;
            while (*v == ' ' || *v == '\t')
                v++;
            v[strcspn(v, "\n")] = 0;
            snprintf(buf, len, "%s", v);
        }
        break;
    }
    fclose(f);
}

static void print_machine(const bench_ctx *c)
{
    char cpu[256];
    struct utsname u;
    cpu_model(cpu, sizeof cpu);
    uname(&u);
    printf("machine: %s, %ld cores online (%ld configured), %s %s %s\n", cpu,
           sysconf(_SC_NPROCESSORS_ONLN), sysconf(_SC_NPROCESSORS_CONF), u.sysname, u.release,
           u.machine);
#if defined(__clang__)
    printf("compiler: clang %s, buildtype %s\n", __clang_version__, BENCH_BUILDTYPE);
#elif defined(__GNUC__)
    printf("compiler: gcc %s, buildtype %s\n", __VERSION__, BENCH_BUILDTYPE);
#else
    printf("compiler: unknown, buildtype %s\n", BENCH_BUILDTYPE);
#endif
    printf("runs: %d per figure; figures are medians (min .. max over the runs)%s\n", c->runs,
           c->quick ? "; QUICK mode: sizes scaled down" : "");
}

/* ---- main ---- */

static int selected(const char *only, const char *name)
{
    if (!only)
        return 1;
    size_t n = strlen(name);
    for (const char *p = only; *p;) {
        size_t k = strcspn(p, ",");
        if (k == n && strncmp(p, name, n) == 0)
            return 1;
        p += k;
        if (*p == ',')
            p++;
    }
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: poolscope-bench [--runs N] [--quick] [--only ROW[,ROW...]]\n"
                    "         [--poolscope PATH] [--go PATH] [--go-src PATH] [--out-dir DIR]\n"
                    "rows:");
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++)
        fprintf(stderr, " %s", rows[i].name);
    fprintf(stderr, "\n");
}

int main(int argc, char **argv)
{
    bench_ctx c = {.runs = 5, .out_dir = "."};
    const char *only = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        const char *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            usage();
            return 0;
        }
        if (!strcmp(a, "--quick")) {
            c.quick = 1;
            continue;
        }
        if (!v) {
            usage();
            return 2;
        }
        if (!strcmp(a, "--runs"))
            c.runs = atoi(v);
        else if (!strcmp(a, "--only"))
            only = v;
        else if (!strcmp(a, "--poolscope"))
            c.poolscope = v;
        else if (!strcmp(a, "--go"))
            c.go = *v ? v : NULL;
        else if (!strcmp(a, "--go-src"))
            c.go_src = v;
        else if (!strcmp(a, "--out-dir"))
            c.out_dir = v;
        else {
            usage();
            return 2;
        }
        i++;
    }
    if (c.runs < 5 && !c.quick) {
        fprintf(stderr, "poolscope-bench: --runs must be at least 5 (or use --quick)\n");
        return 2;
    }
    if (c.runs < 1)
        c.runs = 1;
    setvbuf(stdout, NULL, _IOLBF, 0);
    int broken = 0;
    for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
        if (!selected(only, rows[i].name))
            continue;
        bench_progress("# %s: %s", rows[i].name, rows[i].what);
        if (rows[i].run(&c) != 0) {
            fprintf(stderr, "poolscope-bench: row %s is BROKEN\n", rows[i].name);
            broken = 1;
        }
    }
    printf("\n# poolscope benchmarks\n\n");
    print_machine(&c);
    printf("\n| row | figure | median | min .. max | runs | note |\n"
           "|---|---|---:|---:|---:|---|\n");
    for (int i = 0; i < n_figures; i++)
        printf("%s\n", figures[i]);
    if (n_ratios) {
        printf("\nSame-run ratios (each run measures both sides back to back; median of the "
               "per-run ratios):\n\n| row | ratio | median | min .. max | note |\n"
               "|---|---|---:|---:|---|\n");
        for (int i = 0; i < n_ratios; i++)
            printf("%s\n", ratios[i]);
    }
    if (n_goals) {
        printf("\nGoals (issues 7, 12 and 14):\n\n| goal | measured | target | "
               "|\n|---|---:|---:|---|\n");
        for (int i = 0; i < n_goals; i++)
            printf("%s\n", goals[i]);
    }
    return broken;
}
