/* bench_rss.c - row "rss": peak resident set of the default scenario, and of
 * the lecture's pool at 10 M jobs against Go's (see rss_vs_go).
 *
 * Runs `poolscope --headless` (the default scenario, worker-pool, at its
 * default speed: about 2 s) as a child with stdout to /dev/null, and reads
 * ru_maxrss from wait4.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bench.h"

static int child_maxrss_kb(const char *prog, const char *speed, long *kb)
{
    char *argv[] = {(char *)prog, "--headless", speed ? "--speed" : NULL, (char *)speed, NULL};
    return bench_spawn(argv, NULL, NULL, kb);
}

/* The lecture's pool at JOBS jobs (results channel sized to the job count,
 * as make(chan int, numJobs)), 2 workers, jobs queue 1024: poolscope
 * --headless against tests/bench/pool.go with the same arguments, back to
 * back in every run. */
static int rss_vs_go(const bench_ctx *c)
{
    char bin[PATH_MAX + 16];
    if (!c->go || !c->go_src) {
        bench_skip("rss", "pool vs Go", "go not installed");
        return 0;
    }
    if (bench_go_build(c, bin, sizeof bin) != 0) {
        bench_skip("rss", "pool vs Go", "go build failed");
        return 0;
    }
    int jobs = c->quick ? 1000000 : 10000000, runs = c->runs, bad = 0;
    char j[16];
    snprintf(j, sizeof j, "%d", jobs);
    char *ps[BENCH_POOL_ARGC];
    bench_pool_argv(c, j, ps);
    char *go[] = {bin, j, "2", "1024", NULL};
    double *p = calloc((size_t)runs, sizeof(double)), *g = calloc((size_t)runs, sizeof(double));
    double *ratio = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs && !bad; r++) {
        long kp = 0, kg = 0;
        bad = bench_spawn(ps, NULL, NULL, &kp) || bench_spawn(go, NULL, NULL, &kg);
        p[r] = (double)kp / 1024.0;
        g[r] = (double)kg / 1024.0;
        ratio[r] = g[r] > 0 ? p[r] / g[r] : 0;
    }
    if (bad) {
        fprintf(stderr, "rss: the pool (poolscope or Go) failed\n");
    } else {
        char note[96];
        snprintf(note, sizeof note, "%d jobs, 2 workers, queue 1024, results chan of %d", jobs,
                 jobs);
        bench_figure("rss", "peak RSS, pool, poolscope --headless", p, runs, " MB", note);
        bench_figure("rss", "peak RSS, pool, Go (pool.go)", g, runs, " MB", note);
        bench_ratio("rss", "poolscope / Go peak RSS", ratio, runs, "same run, back to back");
        char goal[96];
        snprintf(goal, sizeof goal, "pool peak RSS <= 1.2x Go's (%d M jobs)", jobs / 1000000);
        bench_goal(goal, bench_median(ratio, runs), 1.2, 0, "x");
    }
    free(p);
    free(g);
    free(ratio);
    return bad ? -1 : 0;
}

int bench_rss(const bench_ctx *c)
{
    if (!c->poolscope || access(c->poolscope, X_OK) != 0) {
        bench_skip("rss", "peak RSS, default scenario", "no --poolscope program given");
        return 0;
    }
    int runs = c->runs;
    const char *speed = c->quick ? "100" : NULL;
    double *mb = calloc((size_t)runs, sizeof(double));
    int bad = 0;
    for (int r = 0; r < runs && !bad; r++) {
        long kb = 0;
        if (child_maxrss_kb(c->poolscope, speed, &kb) != 0) {
            fprintf(stderr, "rss: poolscope --headless failed\n");
            bad = 1;
        }
        mb[r] = (double)kb / 1024.0;
    }
    if (!bad) {
        double *tmp = calloc((size_t)runs, sizeof(double));
        memcpy(tmp, mb, (size_t)runs * sizeof(double));
        double med = bench_median(tmp, runs);
        free(tmp);
        bench_figure("rss", "peak RSS, default scenario (poolscope --headless)", mb, runs, " MB",
                     c->quick ? "ru_maxrss via wait4; QUICK: --speed 100"
                              : "ru_maxrss via wait4 (MB = 1024 KB)");
        bench_goal("peak RSS of the default scenario <= 8 MB", med, 8, 0, " MB");
    }
    free(mb);
    if (!bad && rss_vs_go(c) != 0)
        bad = 1;
    return bad ? -1 : 0;
}
