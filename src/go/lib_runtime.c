/* lib_runtime.c - package runtime: NumGoroutine, Gosched, NumCPU, GOMAXPROCS.
 * Every goroutine is a thread of its own, so GOMAXPROCS limits nothing: it
 * keeps and returns its setting, as a program that prints it expects. */
#include "lib_natives.h"

#include <sched.h>

#include "gort.h"

static void num_goroutine_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0], (uint64_t)gort_num_goroutine(g));
}

/* Gosched: a step point (in step mode the lecturer picks who runs next),
 * then the thread yields its CPU, as Go's scheduler would. */
static void gosched_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    (void)res;
    gort_point(g);
    sched_yield();
}

static void num_cpu_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    (void)args;
    cell_set(&res[0], (uint64_t)gort_num_cpu());
}

static void gomaxprocs_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)gort_maxprocs(g, (int64_t)cell_get(&args[0])));
}

const golib_native lib_runtime_natives[] = {
    {"NumGoroutine", num_goroutine_native},
    {"Gosched", gosched_native},
    {"NumCPU", num_cpu_native},
    {"GOMAXPROCS", gomaxprocs_native},
    {NULL, NULL},
};
