#include "gorun.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bus/event.h"
#include "go/check.h"
#include "go/eval.h"
#include "go/gort.h"
#include "go/lib_natives.h"
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

/* The source, or NULL with a message printed. */
static char *gorun_read(const char *path, size_t *len)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        fprintf(stderr, "poolscope: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        fprintf(stderr, "poolscope: %s: not a regular file\n", path);
        return NULL;
    }
    if ((unsigned long long)st.st_size > CHECK_MAX_SOURCE) {
        fprintf(stderr, "poolscope: %s: %lld bytes, over the limit of %u MiB for a Go source\n",
                path, (long long)st.st_size, CHECK_MAX_SOURCE >> 20);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "poolscope: %s: %s\n", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size + 1, f) : 0;
    fclose(f);
    if (!buf || n > (size_t)st.st_size) {
        fprintf(stderr, "poolscope: %s: %s\n", path, buf ? "changed while read" : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

static void gorun_events(ps_run *r, int log)
{
    ps_event buf[GORUN_POLL];
    size_t n;
    while ((n = bus_poll(r->bus, buf, GORUN_POLL)) > 0) {
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

/* Go's report when every goroutine is blocked. */
static void gorun_deadlock(void)
{
    static const char msg[] = "fatal error: all goroutines are asleep - deadlock!\n\n"
                              "goroutine 1 [chan receive]:\nmain.main()\n";
    gorun_write(NULL, 2, msg, sizeof msg - 1);
}

static int gorun_drive(ps_run *r, const options *o)
{
    int deadlock = 0;
    while (!run_finished(r)) {
        gorun_events(r, o->log == LOG_EVENTS);
        if (!deadlock && run_deadlocked(r)) {
            deadlock = 1;
            gorun_deadlock();
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
    gorun_events(r, o->log == LOG_EVENTS);
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
    if (o->no_events && (o->start_mode != PACER_RUN || o->log == LOG_EVENTS)) {
        fprintf(stderr, "poolscope: --no-events runs the program unwatched: not with %s\n",
                o->log == LOG_EVENTS ? "--log=events" : "--step or --paused");
        return 2;
    }
    size_t len = 0;
    char *src = gorun_read(o->go_path, &len);
    if (!src)
        return 2;
    gprog *p = calloc(1, sizeof *p);
    gvm *vm = calloc(1, sizeof *vm);
    if (!p || !vm) {
        fprintf(stderr, "poolscope: out of memory\n");
        free(p);
        free(vm);
        free(src);
        return 2;
    }
    p->native_of = lib_native;
    for (int i = 0; i < o->nsets; i++)
        check_add_set(p, o->sets[i].name, o->sets[i].value);
    go_diag d;
    int status = 2;
    if (check_program(p, o->go_path, src, len, &d) != 0) {
        fprintf(stderr, "%s:%d:%d: %s\n", o->go_path, d.pos.line, d.pos.col, d.msg);
        goto out;
    }
    vm->prog = p;
    vm->write = gorun_write;
    /* Go's select is random run to run; --seed (or --step, whose runs are
     * all alike) makes it one sequence */
    vm->seed = o->seed_given ? o->seed : o->start_mode == PACER_STEP ? 0 : clock_now_ns();
    if (eval_prepare(vm) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        goto out;
    }
    run_program_opts ro = {
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
    ps_run *r = NULL;
    const char *err = NULL;
    if (gort_start(vm, &ro, &r, &err) != 0) {
        fprintf(stderr, "poolscope: %s\n", err ? err : "cannot start the program");
        if (r)
            gort_free(vm);
        goto out;
    }
    status = gorun_drive(r, o);
    gort_free(vm);
out:
    vm_free(vm);
    check_free(p);
    free(vm);
    free(p);
    free(src);
    return status;
}
