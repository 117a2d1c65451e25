/* bench_rss.c - row "rss": peak resident set of the default scenario.
 *
 * Runs `poolscope --headless` (the default scenario, worker-pool, at its
 * default speed: about 2 s) as a child with stdout to /dev/null, and reads
 * ru_maxrss from wait4.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"

static int child_maxrss_kb(const char *prog, const char *speed, long *kb)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        int fd = open("/dev/null", O_WRONLY);
        if (fd >= 0)
            dup2(fd, 1);
        if (speed)
            execl(prog, prog, "--headless", "--speed", speed, (char *)NULL);
        else
            execl(prog, prog, "--headless", (char *)NULL);
        _exit(127);
    }
    int st;
    struct rusage ru;
    while (wait4(pid, &st, 0, &ru) < 0)
        if (errno != EINTR)
            return -1;
    if (!WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return -1;
    *kb = ru.ru_maxrss;
    return 0;
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
    return bad ? -1 : 0;
}
