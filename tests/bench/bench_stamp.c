/* bench_stamp.c - row "stamp": what a cheaper causal stamp would save.
 *
 * Every event's stamp is one clock_gettime(CLOCK_MONOTONIC) (vDSO).  A
 * stamp must respect happens-before: a read that happens-after another
 * (through a lock, an atomic or a wake-up) must not return less, so it
 * must not execute before the synchronising load (clock.h).  Candidates,
 * each timed over the same number of back-to-back reads:
 *   clock_gettime  what the engine uses
 *   rdtsc          the TSC, unordered: may execute before an earlier
 *                  acquire load, so it does NOT hold
 *   lfence;rdtsc   ordered (what the vDSO itself does on this clocksource)
 *   rdtscp         ordered after earlier loads
 * The ordered TSC reads hold on a machine whose TSC is invariant
 * (constant_tsc, nonstop_tsc); adopting one also means converting ticks to
 * the nanoseconds the virtual clock, the pacer's absolute waits and the
 * recordings use, with a calibrated scale that drifts from CLOCK_MONOTONIC.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "bench.h"
#include "sync/clock.h"

#if defined(__x86_64__)
#include <x86intrin.h>
#endif

enum { STAMP_READS = 5000000, STAMP_KINDS = 4 };
static const char *const stamp_name[STAMP_KINDS] = {
    "clock_gettime(CLOCK_MONOTONIC)", "rdtsc (unordered: not causal)", "lfence; rdtsc", "rdtscp"};

static double stamp_time(int kind)
{
    volatile uint64_t sink = 0;
    uint64_t t0 = bench_now_ns();
    for (int i = 0; i < STAMP_READS; i++) {
#if defined(__x86_64__)
        unsigned aux;
        switch (kind) {
        case 0:
            sink += clock_now_ns();
            break;
        case 1:
            sink += __rdtsc();
            break;
        case 2:
            _mm_lfence();
            sink += __rdtsc();
            break;
        default:
            sink += __rdtscp(&aux);
            break;
        }
#else
        (void)kind;
        sink += clock_now_ns();
#endif
    }
    (void)sink;
    return (double)(bench_now_ns() - t0) / STAMP_READS;
}

static int cpu_flag(const char *flag)
{
    FILE *f = fopen("/proc/cpuinfo", "r");
    char line[4096];
    int found = 0;
    while (f && !found && fgets(line, sizeof line, f))
        if (!strncmp(line, "flags", 5)) {
            char pat[64];
            snprintf(pat, sizeof pat, " %s", flag);
            const char *p = strstr(line, pat);
            found = p && (p[strlen(pat)] == ' ' || p[strlen(pat)] == '\n');
        }
    if (f)
        fclose(f);
    return found;
}

int bench_stamp(const bench_ctx *c)
{
#if !defined(__x86_64__)
    bench_skip("stamp", "TSC reads", "not x86-64");
    return 0;
#endif
    int runs = c->runs;
    double *t[STAMP_KINDS], *ratio = calloc((size_t)runs, sizeof(double));
    for (int k = 0; k < STAMP_KINDS; k++)
        t[k] = calloc((size_t)runs, sizeof(double));
    for (int r = 0; r < runs; r++) {
        for (int k = 0; k < STAMP_KINDS; k++) /* rotate: no kind always runs first */
            t[(k + r) % STAMP_KINDS][r] = stamp_time((k + r) % STAMP_KINDS);
        ratio[r] = t[2][r] / t[0][r];
    }
    char note[96];
    snprintf(note, sizeof note, "%d reads back to back; invariant TSC: %s", STAMP_READS,
             cpu_flag("constant_tsc") && cpu_flag("nonstop_tsc") ? "yes" : "no");
    for (int k = 0; k < STAMP_KINDS; k++)
        bench_figure("stamp", stamp_name[k], t[k], runs, " ns", note);
    bench_ratio("stamp", "lfence;rdtsc / clock_gettime", ratio, runs,
                "the cheapest read that holds, against the engine's");
    for (int k = 0; k < STAMP_KINDS; k++)
        free(t[k]);
    free(ratio);
    return 0;
}
