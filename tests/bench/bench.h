/* bench.h - the benchmark program's shared pieces: options, timing, the
 * statistics every row quotes (medians of >= 5 runs, percentiles), and the
 * result table every row reports into.
 *
 * A row is one function in the table of bench_main.c.  It measures, then
 * reports figures (bench_figure), same-run ratios (bench_ratio) and goals
 * (bench_goal), or says why it could not run (bench_skip).  Rows to add
 * later (rendering, replay) follow the same pattern: see bench_main.c.
 */
#ifndef PS_BENCH_H
#define PS_BENCH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

typedef struct bench_ctx {
    int runs;              /* repetitions per figure (>= 5) */
    int quick;             /* scaled-down sizes, for a smoke test */
    const char *poolscope; /* the program, for the RSS row */
    const char *go;        /* the go tool, or NULL */
    const char *go_src;    /* the Go worker pool (pool.go) */
    const char *out_dir;   /* where the Go program is built */
} bench_ctx;

static inline uint64_t bench_now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

static inline void bench_relax(void)
{
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#endif
}

/* Statistics (the arrays are sorted in place). */
double bench_median(double *v, int n);
double bench_min(const double *v, int n);
double bench_max(const double *v, int n);
/* The p-th percentile (0..100) of n samples, nearest rank. */
uint64_t bench_percentile_u64(uint64_t *v, size_t n, double p);

/* Results.  'group' is the row (e.g. "bus"), 'name' the figure within it.
 * Figures: median of the n samples, with min..max as the spread. */
void bench_figure(const char *group, const char *name, double *samples, int n, const char *unit,
                  const char *note);
/* A ratio measured within the same run, as the median of per-run ratios. */
void bench_ratio(const char *group, const char *name, double *ratios, int n, const char *note);
/* A goal from the issue: met when value >= target (higher_better) or <= target. */
void bench_goal(const char *goal, double value, double target, int higher_better, const char *unit);
void bench_skip(const char *group, const char *name, const char *why);
/* Progress on stderr (meson --verbose shows it live). */
void bench_progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Runs argv to its end, stdout to out_path (NULL: /dev/null) and stderr
 * to /dev/null; its wall time in *ns and peak RSS in *maxrss_kb (either
 * may be NULL).  0 if it exited 0. */
int bench_spawn(char *const argv[], const char *out_path, uint64_t *ns, long *maxrss_kb);
/* popen(cmd): its output into out (NULL: discarded); the exit status. */
int bench_sh(const char *cmd, char *out, size_t len);
/* The argv of the lecture's pool in poolscope --headless: the Go program
 * tests/bench/go/worker_pool.go with 2 workers, jobs zero-length jobs, a
 * jobs channel of 1024, speed 100 (the arguments of pool.go, as --set
 * values).  The strings are static: one argv at a time. */
enum { BENCH_POOL_ARGC = 12 };
void bench_pool_argv(const bench_ctx *c, const char *jobs, char *argv[BENCH_POOL_ARGC]);

/* Builds tests/bench/pool.go into c->out_dir (bin gets its path); 0 on
 * success.  Needs c->go and c->go_src. */
int bench_go_build(const bench_ctx *c, char *bin, size_t len);
/* Builds the Go program src into c->out_dir/name (bin gets its path). */
int bench_go_build_src(const bench_ctx *c, const char *src, const char *name, char *bin,
                       size_t len);
/* A file beside pool.go: dir(c->go_src)/rel into buf. */
void bench_src_path(const bench_ctx *c, const char *rel, char *buf, size_t len);

/* The rows (one file each). */
int bench_bus(const bench_ctx *c);
int bench_pool(const bench_ctx *c);
int bench_model(const bench_ctx *c);
int bench_rss(const bench_ctx *c);
int bench_render(const bench_ctx *c);
int bench_wall(const bench_ctx *c);
int bench_chan(const bench_ctx *c);
int bench_heavy(const bench_ctx *c);
int bench_output(const bench_ctx *c);
int bench_consumer(const bench_ctx *c);
int bench_stamp(const bench_ctx *c);
int bench_blocked(const bench_ctx *c);
int bench_goroutines(const bench_ctx *c);
int bench_go_start(const bench_ctx *c);
int bench_go_cpu(const bench_ctx *c);
int bench_go_atomic(const bench_ctx *c);
int bench_go_10k(const bench_ctx *c);

#endif
