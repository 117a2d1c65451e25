/* session_go.c - a session over a Go program's run (gort.h). */
#include "session_go.h"

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "go/gort.h"

typedef struct gosess {
    session base; /* first: a gosess * is a session * */
    goprog *g;
    gvm vm;
    int vm_ready;
    ps_run *run;
    run_program_opts o;
    uint64_t seed;
    /* the program's stdout (out[0]) and stderr (out[1]): written by any
     * goroutine's thread under mu, printed by destroy */
    pthread_mutex_t mu;
    FILE *out[2];
    char *buf[2];
    size_t len[2];
    uint64_t last_wt; /* the lecture clock of the last event handed out (poll's thread only) */
} gosess;

static void go_write(void *ctx, int fd, const char *p, size_t n)
{
    gosess *s = ctx;
    pthread_mutex_lock(&s->mu);
    FILE *f = s->out[fd == 2];
    if (f)
        fwrite(p, 1, n, f);
    pthread_mutex_unlock(&s->mu);
}

static int go_outputs_open(gosess *s)
{
    for (int i = 0; i < 2; i++)
        if (!(s->out[i] = open_memstream(&s->buf[i], &s->len[i])))
            return -1;
    return 0;
}

/* The kept output, to the real fds (the screen has ended), then freed. */
static void go_outputs_flush(gosess *s)
{
    for (int i = 0; i < 2; i++) {
        if (!s->out[i])
            continue;
        fclose(s->out[i]);
        s->out[i] = NULL;
        const char *p = s->buf[i];
        size_t n = s->len[i];
        while (p && n) {
            ssize_t k = write(i ? 2 : 1, p, n);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            p += k;
            n -= (size_t)k;
        }
        free(s->buf[i]);
        s->buf[i] = NULL;
        s->len[i] = 0;
    }
}

static ps_run *go_run(session *s)
{
    return ((gosess *)s)->run;
}

/* Stamps the lecture clock (event.h: wt_ns) on what the view takes now. */
static size_t go_poll(session *s, ps_event *out, size_t max)
{
    gosess *g = (gosess *)s;
    size_t n = bus_poll(go_run(s)->bus, out, max);
    run_stamp_wall(go_run(s), out, n, &g->last_wt);
    return n;
}

static void go_wait(session *s, uint64_t timeout_ns)
{
    bus_wait(go_run(s)->bus, timeout_ns);
}

static int go_finished(session *s)
{
    return run_finished(go_run(s));
}

static void go_set_mode(session *s, pacer_mode mode)
{
    run_set_mode(go_run(s), mode);
}

static int64_t go_set_speed(session *s, int64_t speed_milli)
{
    return run_set_speed(go_run(s), speed_milli);
}

#define GO_STEP_WAIT_NS 200000000u /* a step waits 0.2 s at most for the threads to rest */

static int go_step(session *s, int actor)
{
    return run_step(go_run(s), actor, GO_STEP_WAIT_NS);
}

/* Ends the current run: threads unwound and joined, memory freed. */
static void go_end(gosess *s)
{
    if (s->run) {
        run_shutdown(s->run, NULL, NULL);
        gort_free(&s->vm);
        s->run = NULL;
    }
    if (s->vm_ready) {
        vm_free(&s->vm);
        s->vm_ready = 0;
    }
}

static int go_begin(gosess *s, const char **err)
{
    if (goprog_vm(s->g, &s->vm, s->seed, go_write, s) != 0) {
        *err = "out of memory";
        return -1;
    }
    s->vm_ready = 1;
    ps_run *r = NULL;
    if (gort_start(&s->vm, &s->o, &r, err) != 0) {
        if (r)
            gort_free(&s->vm);
        return -1;
    }
    s->run = r;
    return 0;
}

static int go_restart(session *base, model *m)
{
    gosess *s = (gosess *)base;
    s->o.mode = pacer_get_mode(s->run->pacer);
    go_end(s);
    const char *err;
    session_go_drop_output(base);        /* a fresh run: the output starts anew too */
    s->last_wt = 0;                      /* and its lecture clock */
    const scenario_text *text = m->text; /* the view's listing stays */
    model_free(m);
    if (model_init(m, &base->layout) != 0)
        return -1;
    model_set_text(m, text);
    return go_begin(s, &err);
}

static void go_view(session *s, pacer_view *v)
{
    pacer_view_get(go_run(s)->pacer, v);
}

static uint64_t go_length(session *s)
{
    (void)s;
    return 0;
}

static int go_deadlocked(session *s)
{
    return run_deadlocked(go_run(s));
}

static void go_stop(session *s)
{
    run_stop(go_run(s));
}

static void go_stats(session *s, session_stats *st)
{
    bus *b = go_run(s)->bus;
    *st = (session_stats){
        .blocked_count = bus_blocked_count(b),
        .blocked_ns = bus_blocked_ns(b),
    };
}

static void go_destroy(session *base)
{
    gosess *s = (gosess *)base;
    go_end(s);
    go_outputs_flush(s);
    pthread_mutex_destroy(&s->mu);
    goprog_free(s->g);
    free(s);
}

/* Real threads only go forward; restart runs the program anew. */
static const session_ops go_ops = {
    .caps = SESSION_PICK, /* the picker can put another program or scenario in its place */
    .poll = go_poll,
    .wait = go_wait,
    .finished = go_finished,
    .set_mode = go_set_mode,
    .set_speed = go_set_speed,
    .step = go_step,
    .restart = go_restart,
    .seek = NULL,
    .view = go_view,
    .length = go_length,
    .deadlocked = go_deadlocked,
    .stop = go_stop,
    .stats = go_stats,
    .destroy = go_destroy,
};

/* The model keeps main and the first PS_MAX_WORKERS goroutines in detail. */
void session_go_layout(ps_params *p, ps_layout *l, const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *name = slash ? slash + 1 : path;
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "%s", name);
    snprintf(p->title, sizeof p->title, "%s", name);
    p->speed_milli = 1000;
    memset(l, 0, sizeof *l);
    l->workers = PS_MAX_WORKERS;
    l->program = 1;
}

session *session_go_create(goprog *g, const char *path, const run_program_opts *o, uint64_t seed,
                           const char **err)
{
    gosess *s = calloc(1, sizeof *s);
    if (!s) {
        *err = "out of memory";
        goprog_free(g);
        return NULL;
    }
    s->base.ops = &go_ops;
    s->g = g;
    s->o = *o;
    s->seed = seed;
    pthread_mutex_init(&s->mu, NULL);
    s->base.prog = g;
    session_go_layout(&s->base.params, &s->base.layout, path);
    s->base.layout.job_line = goprog_job_line(g);
    if (go_outputs_open(s) != 0) {
        *err = "out of memory";
        go_destroy(&s->base);
        return NULL;
    }
    if (go_begin(s, err) != 0) {
        go_destroy(&s->base);
        return NULL;
    }
    return &s->base;
}

void session_go_drop_output(session *base)
{
    if (!session_go_program(base))
        return;
    gosess *s = (gosess *)base;
    pthread_mutex_lock(&s->mu);
    for (int i = 0; i < 2; i++) /* kept so far: gone; later writes are kept anew */
        if (s->out[i]) {
            fclose(s->out[i]);
            free(s->buf[i]);
            s->buf[i] = NULL;
            s->len[i] = 0;
            s->out[i] = open_memstream(&s->buf[i], &s->len[i]); /* NULL: later writes dropped */
        }
    pthread_mutex_unlock(&s->mu);
}

const goprog *session_go_program(session *s)
{
    return s && s->ops == &go_ops ? ((gosess *)s)->g : NULL;
}

size_t session_go_output(session *base, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    buf[0] = 0;
    if (!session_go_program(base))
        return 0;
    gosess *s = (gosess *)base;
    size_t n = 0;
    pthread_mutex_lock(&s->mu);
    if (s->out[0] && fflush(s->out[0]) == 0 && s->buf[0]) {
        size_t len = s->len[0], from = len > cap - 1 ? len - (cap - 1) : 0;
        if (from) /* a cut line at the top would read as a line of its own */
            while (from < len && s->buf[0][from - 1] != '\n')
                from++;
        n = len - from;
        memcpy(buf, s->buf[0] + from, n);
    }
    pthread_mutex_unlock(&s->mu);
    buf[n] = 0;
    return n;
}
