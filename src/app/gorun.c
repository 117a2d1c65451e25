#include "gorun.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bus/event.h"
#include "go/check.h"
#include "go/eval.h"
#include "go/goprog.h"
#include "go/gort.h"
#include "go/lib_natives.h"
#include "outputs.h"
#include "rec/session_go.h"
#include "rt/run.h"
#include "sync/clock.h"

enum { GORUN_POLL = 256, GORUN_WAIT_NS = 20000000 /* 20 ms */ };

/* The program's writes: straight to the fd, as Go's os.Stdout is unbuffered
 * (a write per Print), retried on a short write. */
static void gorun_write(void *ctx, int fd, const char *p, size_t n)
{
    (void)ctx;
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return; /* a closed pipe: Go would get EPIPE and go on */
        p += k;
        n -= (size_t)k;
    }
}

/* The lecture clock's last stamp (run_stamp_wall): the consumer's, this
 * thread's alone. */
static uint64_t wall_last;

static void gorun_events(ps_run *r, int log, outputs *k)
{
    ps_event buf[GORUN_POLL];
    size_t n;
    while ((n = bus_poll(r->bus, buf, GORUN_POLL)) > 0) {
        run_stamp_wall(r, buf, n, &wall_last);
        for (size_t i = 0; k && i < n; i++)
            outputs_event(k, &buf[i]);
        if (!log)
            continue;
        for (size_t i = 0; i < n; i++) {
            char line[256];
            size_t k = event_format(&buf[i], line, sizeof line - 1);
            if (k > sizeof line - 2)
                k = sizeof line - 2;
            line[k++] = '\n';
            fwrite(line, 1, k, stderr);
        }
    }
}

/* Go's report when every goroutine is blocked: each one, what it waits in,
 * where, and who started it (gort_deadlock_report). */
static void gorun_deadlock(gvm *vm)
{
    char *msg = gort_deadlock_report(vm);
    static const char fallback[] = "fatal error: all goroutines are asleep - deadlock!\n";
    if (msg)
        gorun_write(NULL, 2, msg, strlen(msg));
    else
        gorun_write(NULL, 2, fallback, sizeof fallback - 1);
    free(msg);
}

static int gorun_drive(ps_run *r, gvm *vm, const options *o, outputs *k)
{
    int deadlock = 0;
    while (!run_finished(r)) {
        gorun_events(r, o->log == LOG_EVENTS, k);
        if (k)
            outputs_tick(k);
        if (!deadlock && run_deadlocked(r)) {
            deadlock = 1;
            gorun_deadlock(vm);
            run_stop(r);
            continue;
        }
        if (o->start_mode == PACER_STEP && !deadlock) {
            int a = run_step(r, PACER_ANY, GORUN_WAIT_NS);
            if (a >= 0 || a == PACER_EBUSY)
                continue;
        }
        bus_wait(r->bus, GORUN_WAIT_NS);
    }
    gorun_events(r, o->log == LOG_EVENTS, k);
    run_join(r);
    int status = 0;
    if (deadlock)
        return 2;
    if (!run_exit_status(r, &status))
        status = 0;
    return status;
}

int gorun_headless(const options *o)
{
    int watched = o->start_mode != PACER_RUN || o->log == LOG_EVENTS || o->record_path ||
                  o->trace_path || o->cast_path || o->html_path;
    if (o->no_events && watched) {
        fprintf(stderr, "poolscope: --no-events runs the program unwatched: not with %s\n",
                o->log == LOG_EVENTS         ? "--log=events"
                : o->start_mode != PACER_RUN ? "--step or --paused"
                : o->record_path             ? "--record"
                                             : "--export-trace or --export-cast");
        return 2;
    }
    const char *names[16], *values[16];
    for (int i = 0; i < o->nsets; i++)
        names[i] = o->sets[i].name, values[i] = o->sets[i].value;
    char err[1024];
    goprog *g = goprog_load(o->go_path, o->nsets, names, values, err, sizeof err);
    if (!g) {
        fprintf(stderr, "%s\n", err);
        return 2;
    }
    gvm *vm = calloc(1, sizeof *vm);
    /* Go's select is random run to run; --seed (or --step, whose runs are
     * all alike) makes it one sequence */
    uint64_t seed = o->seed_given ? o->seed : o->start_mode == PACER_STEP ? 0 : clock_now_ns();
    int status = 2;
    if (!vm || goprog_vm(g, vm, seed, gorun_write, NULL) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        goto out;
    }
    run_program_opts ro = gorun_opts(o);
    ps_run *r = NULL;
    const char *e = NULL;
    if (gort_start(vm, &ro, &r, &e) != 0) {
        fprintf(stderr, "poolscope: %s\n", e ? e : "cannot start the program");
        if (r)
            gort_free(vm);
        goto out;
    }
    /* --record and the exports read what the run is from a session's
     * description (no operations: the loop here drives the run) */
    outputs k;
    int want = o->record_path || o->trace_path || o->cast_path || o->html_path;
    session desc = {.prog = g};
    session_go_layout(&desc.params, &desc.layout, o->go_path);
    desc.layout.job_line = goprog_job_line(g);
    if (want)
        outputs_open(&k, o, &desc, 0, 0, stderr);
    status = gorun_drive(r, vm, o, want ? &k : NULL);
    gort_free(vm);
    if (want && outputs_close(&k) != 0 && status == 0)
        status = 1;
out:
    if (vm)
        vm_free(vm);
    free(vm);
    goprog_free(g);
    return status;
}

run_program_opts gorun_opts(const options *o)
{
    return (run_program_opts){
        .mode = o->start_mode,
        .speed_milli = o->speed_given ? o->params.speed_milli : 1000,
        .ring_cap = o->ring_cap,
        /* Go's stacks grow to 1 GB: main gets that much address space (only
         * the pages a deep recursion touches are real memory) */
        .main_stack_size = (size_t)1 << 30,
        .quiet = o->no_events,
        .max_goroutines = GORT_MAX_GOROUTINES,
        .goroutine_ring_cap = GORT_RING_CAP,
    };
}
