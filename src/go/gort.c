/* gort.c - the Go runtime on the engine (see gort.h). */
#define _GNU_SOURCE /* pthread_getattr_np: a thread's own stack bounds; sched_getaffinity */
#include "gort.h"

#include <pthread.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "goprog.h"
#include "rt/chan_select.h"
#include "rt/run.h"
#include "sync/lock.h"

struct gchan {
    ps_chan q;
    const gtype *elem;
    struct gchan *next; /* every channel of the run, destroyed at its end */
};

/* The state of one program run (vm->rt). */
typedef struct gort {
    ps_run *run;
    gvm *vm;
    _Atomic uint32_t next_obj; /* object ids for channels, locks, counters (relaxed: unique only) */
    _Atomic int64_t next_goid; /* Go's goroutine numbers (relaxed: unique only) */
    /* runtime.NumGoroutine: main and the go statements' goroutines not yet
     * returned (not poolscope's timer and context threads, which Go does
     * not have); relaxed: a count read at a moment, no ordering */
    _Atomic int64_t user_live;
    _Atomic int64_t maxprocs; /* runtime.GOMAXPROCS's setting; 0: NumCPU (it limits nothing) */
    _Atomic(gchan *) chans;   /* a stack of every channel made: freed by gort_free */
    /* the program's writes: one at a time, each written and published as
     * output events under out_mu, stamped above the last (out_stamp, under
     * out_mu), so the merged events hold the writes whole and in the order
     * they reached the program's stdout */
    ps_lock out_mu;
    uint64_t out_stamp;
    /* the program's live goroutines (main and the go statements'), for a
     * deadlock report: each links its own gor in and out */
    ps_lock reg_mu;
    gor *reg_head;
} gort;

static gort *gort_of(const gor *g)
{
    return g->vm->rt;
}

static ps_actor *gort_actor(const gor *g)
{
    return g->actor;
}

uint32_t gort_obj_id(gor *g)
{
    return atomic_fetch_add_explicit(&gort_of(g)->next_obj, 1, memory_order_relaxed);
}

void gort_bind(gor *g, ps_actor *self)
{
    g->actor = self;
    g->pacer = self ? self->pacer : NULL;
    g->line = self ? &self->line : &g->no_line;
}

void gort_point_slow(gor *g)
{
    ps_actor *self = gort_actor(g);
    if (self->at_point && self->at_line == self->line)
        return; /* nothing happened since the point on this line: the same step */
    /* stepping or paused: where it waits, for the code panel (run mode
     * never comes here, so it costs nothing there) */
    if (self->line)
        actor_emit(self, EV_AT, 0, 0, 0);
    self->at_point = 0;
    if (pacer_point(self->pacer, self->id))
        gor_stop_unwind(g);
    self->at_point = 1; /* the statement's operation is this step too (actor.h) */
    self->at_line = self->line;
}

/* An engine result that means the run stops: unwind. */
static void gort_check(gor *g, int rc)
{
    if (rc == PS_ESTOPPED)
        gor_stop_unwind(g);
}

/* The C stack's lowest usable address, with room for a native call. */
static uintptr_t gort_stack_limit(void)
{
    pthread_attr_t a;
    void *addr = NULL;
    size_t size = 0;
    if (pthread_getattr_np(pthread_self(), &a) != 0)
        return 0;
    pthread_attr_getstack(&a, &addr, &size);
    pthread_attr_destroy(&a);
    size_t margin = size / 8 > (64u << 10) ? size / 8 : (64u << 10);
    return (uintptr_t)addr + margin;
}

typedef struct gort_launch {
    gvm *vm;
    gclosure *cl;
    gcell *args;
    int64_t goid;
    const char *creator_fn;
    uint32_t created_line;
} gort_launch;

static void gort_register(gor *g)
{
    gort *rt = gort_of(g);
    ps_lock_acquire(&rt->reg_mu);
    g->reg_prev = NULL;
    g->reg_next = rt->reg_head;
    if (rt->reg_head)
        rt->reg_head->reg_prev = g;
    rt->reg_head = g;
    ps_lock_release(&rt->reg_mu);
}

static void gort_unregister(gor *g)
{
    gort *rt = gort_of(g);
    ps_lock_acquire(&rt->reg_mu);
    if (g->reg_prev)
        g->reg_prev->reg_next = g->reg_next;
    else
        rt->reg_head = g->reg_next;
    if (g->reg_next)
        g->reg_next->reg_prev = g->reg_prev;
    ps_lock_release(&rt->reg_mu);
}

static int gort_goroutine(ps_actor *self, void *arg)
{
    gort_launch st = *(gort_launch *)arg;
    free(arg);
    gor g;
    gor_init(&g, st.vm, st.goid);
    gort_bind(&g, self);
    g.stack_limit = gort_stack_limit();
    g.entry_fn = st.cl->fn->name;
    g.entry_params = st.cl->fn->nparams > 0;
    g.creator_fn = st.creator_fn;
    g.created_line = st.created_line;
    gort_register(&g);
    eval_run_goroutine(&g, st.cl, st.args);
    gort_unregister(&g);
    gor_release(&g);
    atomic_fetch_sub_explicit(&gort_of(&g)->user_live, 1, memory_order_relaxed);
    return 0;
}

int64_t gort_maxprocs(gor *g, int64_t n)
{
    gort *rt = gort_of(g);
    int64_t was = atomic_load_explicit(&rt->maxprocs, memory_order_relaxed);
    if (!was)
        was = gort_num_cpu();
    if (n > 0) /* relaxed: a setting read back, no ordering */
        atomic_store_explicit(&rt->maxprocs, n, memory_order_relaxed);
    return was;
}

int64_t gort_num_cpu(void)
{
    /* as Go: the CPUs this process may run on (its affinity mask) */
    cpu_set_t set;
    if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
        return CPU_COUNT(&set);
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    return n > 0 ? n : 1;
}

int64_t gort_num_goroutine(gor *g)
{
    return atomic_load_explicit(&gort_of(g)->user_live, memory_order_relaxed);
}

void gort_go(gor *g, gclosure *cl, const gcell *args, int32_t nwords)
{
    gort *rt = gort_of(g);
    gort_launch *st = malloc(sizeof *st);
    if (!st)
        gor_fatal(g, "out of memory");
    st->vm = g->vm;
    st->cl = cl;
    st->args = gor_alloc(g, nwords);
    cells_copy(st->args, args, nwords);
    st->goid = atomic_fetch_add_explicit(&rt->next_goid, 1, memory_order_relaxed);
    st->creator_fn = g->entry_fn;
    st->created_line = *g->line;
    const gfunc *fn = cl->fn;
    int64_t arg0 = 0;
    if (!cl->bound && fn->sig->nparams > 0 && nwords > 0 && types_is_integer(fn->sig->params[0]))
        arg0 = (int64_t)cell_get(&args[0]);
    atomic_fetch_add_explicit(&rt->user_live, 1, memory_order_relaxed); /* counted from its go */
    int rc = run_go_labelled(rt->run, gort_actor(g), gort_goroutine, st, (uint32_t)fn->index + 1,
                             arg0, NULL);
    if (rc == PS_OK)
        return;
    atomic_fetch_sub_explicit(&rt->user_live, 1, memory_order_relaxed);
    free(st);
    gort_check(g, rc);
    char why[160], msg[220];
    run_go_limit(rt->run, why, sizeof why);
    snprintf(msg, sizeof msg, "poolscope: cannot start a goroutine: %s", why);
    gor_fatal(g, msg);
}

/* ---- channels ---- */

gchan *gort_chan_make(gor *g, const gtype *chan_type, int64_t cap, int32_t line)
{
    gchan *c = gort_chan_new(g, chan_type->underlying->elem, cap);
    gort_object(g, c->q.obj, PS_OBJ_CHAN, cap, line);
    return c;
}

void gort_object(gor *g, uint32_t id, int kind, int64_t value, int32_t line)
{
    ps_actor *self = gort_actor(g);
    actor_time t = actor_time_now(self);
    actor_publish(self, &t,
                  (ps_event){.actor = (uint32_t)self->id,
                             .kind = EV_OBJECT,
                             .obj = id,
                             .arg = kind,
                             .value = value,
                             .line = (uint32_t)(line > 0 ? line : 0)});
}

void gort_output(gor *g, int fd, const char *p, size_t n)
{
    gort *rt = gort_of(g);
    ps_actor *self = gort_actor(g);
    /* a full ring makes the holder wait for the consumer, which never takes
     * out_mu: other writers wait their turn, as a shared stdout makes them */
    ps_lock_acquire(&rt->out_mu);
    g->vm->write(g->vm->write_ctx, fd, p, n);
    for (size_t at = 0; !self->quiet && at < n; at += 16) {
        size_t k = n - at < 16 ? n - at : 16;
        char chunk[16] = {0};
        memcpy(chunk, p + at, k);
        int64_t lo, hi;
        memcpy(&lo, chunk, 8);
        memcpy(&hi, chunk + 8, 8);
        actor_time t = actor_time_locked(self, &rt->out_stamp);
        actor_publish(self, &t,
                      (ps_event){.actor = (uint32_t)self->id,
                                 .kind = EV_OUTPUT,
                                 .obj = (uint32_t)(fd == 2 ? 2 : 1) | (uint32_t)k << 8,
                                 .arg = lo,
                                 .value = hi});
    }
    ps_lock_release(&rt->out_mu);
}

void gort_text(gor *g, const char *s, size_t n)
{
    ps_actor *self = gort_actor(g);
    if (n > GORT_TEXT_MAX)
        n = GORT_TEXT_MAX;
    for (size_t at = 0; at == 0 || at < n; at += 16) {
        char chunk[16] = {0};
        memcpy(chunk, s + at, n - at < 16 ? n - at : 16);
        int64_t lo, hi;
        memcpy(&lo, chunk, 8);
        memcpy(&hi, chunk + 8, 8);
        actor_time t = actor_time_now(self);
        actor_publish(self, &t,
                      (ps_event){.actor = (uint32_t)self->id,
                                 .kind = EV_TEXT,
                                 .obj = (uint32_t)(at / 16),
                                 .arg = lo,
                                 .value = hi});
    }
}

ps_chan *gchan_queue(gchan *c)
{
    return &c->q;
}

void gort_go_native(gor *g, int (*fn)(ps_actor *self, void *arg), void *arg)
{
    gort_go_native_as(g, fn, arg, NULL);
}

static void gort_go_label(gor *g, int (*fn)(ps_actor *self, void *arg), void *arg, uint32_t label)
{
    gort *rt = gort_of(g);
    int rc = label ? run_go_labelled(rt->run, gort_actor(g), fn, arg, label, 0, NULL)
                   : run_go(rt->run, gort_actor(g), fn, arg, NULL);
    gort_check(g, rc);
    if (rc != PS_OK) {
        char why[160], msg[220];
        run_go_limit(rt->run, why, sizeof why);
        snprintf(msg, sizeof msg, "poolscope: cannot start the runtime's goroutine: %s", why);
        gor_fatal(g, msg);
    }
}

void gort_go_native_as(gor *g, int (*fn)(ps_actor *self, void *arg), void *arg,
                       const struct gfunc *as)
{
    gort_go_label(g, fn, arg, as ? (uint32_t)as->index + 1 : 0);
}

void gort_go_timer(gor *g, int (*fn)(ps_actor *self, void *arg), void *arg)
{
    gort_go_label(g, fn, arg, GOPROG_LABEL_TIMER);
}

gchan *gort_chan_new(gor *g, const gtype *elem, int64_t cap)
{
    /* 64-byte aligned: a ps_chan keeps its own cache lines */
    char *mem = gor_alloc_bytes(g, (int64_t)sizeof(gchan) + 64);
    gchan *c = (gchan *)(void *)(((uintptr_t)mem + 63) & ~(uintptr_t)63);
    c->elem = elem;
    if (chan_init(&c->q, gort_obj_id(g), (size_t)cap) != 0)
        gor_fatal(g, "out of memory");
    gort *rt = gort_of(g);
    /* relaxed load, release on success: gort_free (after every thread is
     * joined) walks the stack; the join orders the pushes before it */
    gchan *head = atomic_load_explicit(&rt->chans, memory_order_relaxed);
    do
        c->next = head;
    while (!atomic_compare_exchange_weak_explicit(&rt->chans, &head, c, memory_order_release,
                                                  memory_order_relaxed));
    return c;
}

/* A value as a channel item: one word, or a pointer to a copy. */
static int64_t gort_item(gor *g, const gchan *c, const gcell *v)
{
    int32_t sz = c->elem->size;
    if (sz == 1)
        return (int64_t)cell_get(v);
    if (sz == 0)
        return 0;
    gcell *copy = gor_alloc(g, sz);
    cells_copy(copy, v, sz);
    return (int64_t)(uintptr_t)copy;
}

static void gort_unitem(const gchan *c, int64_t item, gcell *dst)
{
    int32_t sz = c->elem->size;
    if (sz == 1)
        cell_set(dst, (uint64_t)item);
    else if (sz > 1 && item)
        cells_copy(dst, (const gcell *)(uintptr_t)item, sz);
    else
        cells_zero(dst, sz);
}

void gort_chan_send(gor *g, gchan *c, const gcell *v)
{
    gort_wait_begin(g, GW_CHAN_SEND);
    int rc = chan_send(&c->q, gort_actor(g), gort_item(g, c, v));
    gort_wait_end(g);
    gort_check(g, rc);
    if (rc == PS_ECLOSED)
        gor_panic_plain(g, "send on closed channel");
}

int gort_chan_recv(gor *g, gchan *c, gcell *dst)
{
    return gort_chan_recv_as(g, c, dst, GW_CHAN_RECV);
}

int gort_chan_recv_as(gor *g, gchan *c, gcell *dst, int reason)
{
    int64_t item = 0;
    gort_wait_begin(g, reason);
    int rc = chan_recv(&c->q, gort_actor(g), &item);
    gort_wait_end(g);
    gort_check(g, rc);
    if (rc == PS_ECLOSED) {
        cells_zero(dst, c->elem->size);
        return 0;
    }
    gort_unitem(c, item, dst);
    return 1;
}

void gort_chan_close(gor *g, gchan *c)
{
    int rc = chan_close(&c->q, gort_actor(g));
    gort_check(g, rc);
    if (rc == PS_ECLOSED)
        gor_panic_plain(g, "close of closed channel");
}

int64_t gort_chan_len(gchan *c)
{
    return (int64_t)chan_len(&c->q);
}

int64_t gort_chan_cap(gchan *c)
{
    return (int64_t)chan_cap(&c->q);
}

int gort_select(gor *g, gselcase *cases, int n, int has_default)
{
    if (n > CHAN_SELECT_MAX)
        gor_fatal(g, "poolscope: a select with more than 128 cases (limit)");
    chan_case cc[n > 0 ? n : 1];
    memset(cc, 0, sizeof cc);
    for (int i = 0; i < n; i++) {
        cc[i].q = cases[i].c ? &cases[i].c->q : NULL;
        cc[i].dir = cases[i].send ? CHAN_SEND : CHAN_RECV;
        if (cases[i].send && cases[i].c)
            cc[i].item = gort_item(g, cases[i].c, cases[i].v);
    }
    int chosen = CHAN_DEFAULT;
    gort_wait_begin(g, n ? GW_SELECT : GW_SELECT_NONE);
    int rc = chan_select(gort_actor(g), cc, n, !has_default, &g->rng, &chosen);
    gort_wait_end(g);
    gort_check(g, rc);
    if (rc == PS_EAGAIN)
        return -1;
    if (rc == PS_ECLOSED)
        gor_panic_plain(g, "send on closed channel");
    if (rc != PS_OK || chosen < 0)
        gor_fatal(g, "poolscope: internal error: select failed");
    gselcase *c = &cases[chosen];
    if (!c->send) {
        c->ok = cc[chosen].ok;
        if (c->ok)
            gort_unitem(c->c, cc[chosen].item, c->dst);
        else
            cells_zero(c->dst, c->c->elem->size);
    }
    return chosen;
}

void gort_block_forever(gor *g, int reason)
{
    gort_wait_begin(g, reason);
    chan_block_forever(gort_actor(g));
    gor_stop_unwind(g);
}

/* ---- time ---- */

void gort_sleep(gor *g, int64_t ns)
{
    if (ns <= 0) {
        gort_point(g); /* time.Sleep(0) yields: still a step */
        return;
    }
    gort_wait_begin(g, GW_SLEEP);
    int rc = run_sleep(gort_actor(g), (uint64_t)ns);
    gort_wait_end(g);
    gort_check(g, rc);
}

/* ---- a deadlock's report ---- */

static const char *const wait_words[] = {
    [GW_NONE] = "running",
    [GW_CHAN_SEND] = "chan send",
    [GW_CHAN_RECV] = "chan receive",
    [GW_CHAN_SEND_NIL] = "chan send (nil chan)",
    [GW_CHAN_RECV_NIL] = "chan receive (nil chan)",
    [GW_SELECT] = "select",
    [GW_SELECT_NONE] = "select (no cases)",
    [GW_SEMACQUIRE] = "semacquire",
    [GW_SLEEP] = "sleep",
    [GW_COND] = "sync.Cond.Wait",
};

static int by_goid(const void *a, const void *b)
{
    int64_t x = (*(gor *const *)a)->id, y = (*(gor *const *)b)->id;
    return (x > y) - (x < y);
}

char *gort_deadlock_report(gvm *vm)
{
    gort *rt = vm->rt;
    char *out = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&out, &len);
    if (!f)
        return NULL;
    char path[4096];
    const char *file = vm_source_path(vm, path);
    fputs("fatal error: all goroutines are asleep - deadlock!\n", f);
    ps_lock_acquire(&rt->reg_mu); /* every goroutine is blocked: none links in or out */
    size_t n = 0;
    for (gor *g = rt->reg_head; g; g = g->reg_next)
        n++;
    gor **all = calloc(n ? n : 1, sizeof *all);
    n = 0;
    for (gor *g = rt->reg_head; all && g; g = g->reg_next)
        all[n++] = g;
    if (all)
        qsort(all, n, sizeof *all, by_goid);
    for (size_t i = 0; all && i < n; i++) {
        const gor *g = all[i];
        int w = atomic_load_explicit(&g->wait_reason, memory_order_relaxed);
        uint32_t line = atomic_load_explicit(&g->wait_line, memory_order_relaxed);
        fprintf(f, "\ngoroutine %lld [%s]:\n%s(%s)\n\t%s:%u\n", (long long)g->id,
                w >= 0 && w <= GW_COND ? wait_words[w] : "?", g->entry_fn ? g->entry_fn : "?",
                g->entry_params ? "..." : "", file, (unsigned)line);
        if (g->creator_fn)
            fprintf(f, "created by %s\n\t%s:%u\n", g->creator_fn, file, (unsigned)g->created_line);
    }
    ps_lock_release(&rt->reg_mu);
    free(all);
    if (fclose(f) != 0) {
        free(out);
        return NULL;
    }
    return out;
}

int64_t gort_now(gor *g)
{
    return (int64_t)pacer_vnow(gort_actor(g)->pacer);
}

void gort_exit(gor *g, int code)
{
    run_program_exit(gort_of(g)->run, gort_actor(g), code);
    gor_stop_unwind(g);
}

/* ---- the program ---- */

static int gort_main(ps_actor *self, void *arg)
{
    gvm *vm = arg;
    gor g;
    gor_init(&g, vm, 1);
    gort_bind(&g, self);
    g.stack_limit = gort_stack_limit();
    g.entry_fn = "main.main";
    gort_register(&g);
    int rc = eval_run_main(vm, &g);
    gort_unregister(&g);
    gor_release(&g);
    if (rc < 0)
        return 0; /* the run stopped: its status was set by whoever stopped it */
    return rc;
}

int gort_start(gvm *vm, const run_program_opts *o, ps_run **out, const char **err)
{
    gort *rt = calloc(1, sizeof *rt);
    if (!rt) {
        *err = "out of memory";
        return -1;
    }
    rt->vm = vm;
    atomic_init(&rt->next_obj, 0);
    atomic_init(&rt->next_goid,
                6); /* Go 1.19's runtime has 2-5 (GC, sweeper, scavenger, finalizers) */
    atomic_init(&rt->user_live, 1); /* main */
    atomic_init(&rt->maxprocs, 0);
    atomic_init(&rt->chans, NULL);
    ps_lock_init(&rt->out_mu);
    ps_lock_init(&rt->reg_mu);
    rt->run = run_create_program(o, err);
    if (!rt->run) {
        free(rt);
        return -1;
    }
    vm->rt = rt;
    *out = rt->run;
    if (run_start_program(rt->run, gort_main, vm) != 0) {
        *err = "cannot start the main goroutine's thread";
        return -1;
    }
    return 0;
}

void gort_free(gvm *vm)
{
    gort *rt = vm->rt;
    if (!rt)
        return;
    run_destroy(rt->run);
    /* acquire: pairs with the pushes' release (the threads are joined too) */
    for (gchan *c = atomic_load_explicit(&rt->chans, memory_order_acquire); c; c = c->next)
        chan_destroy(&c->q);
    free(rt);
    vm->rt = NULL;
}
