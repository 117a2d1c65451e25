/* lib_context.c - packages context and golang.org/x/sync/errgroup.
 *
 * A context is a *context.cancelCtx of the library's own: a done channel
 * (an engine queue: its close is the cancellation everyone sees), the
 * error, the parent and the children to cancel with it.  The lock guarding
 * them is a plain ps_lock: no Go code runs under it and it publishes
 * nothing; the close of done publishes the event. */
#include "lib_natives.h"

#include <string.h>

#include "fmt.h"
#include "gbuf.h"
#include "gmap.h"

#include "rt/chan.h"
#include "rt/run.h"
#include "rt/waitgroup.h"
#include "sync/lock.h"

typedef struct gctx {
    ps_lock mu;
    gchan *done; /* NULL for Background: never done */
    giface *err; /* under mu */
    struct gctx *parent;
    int64_t deadline; /* virtual ns; with has_deadline (set before it is shared) */
    int has_deadline;
    struct gctx **children; /* under mu */
    int nchildren, capchildren;
    /* WithValue's: a key and its value (set before it is shared); it has no
     * done of its own: its Done and Err are its parent's */
    int is_value;
    uint64_t key, val; /* interface words */
    int kind;          /* CTX_*: what String says it is */
} gctx;

enum { CTX_BACKGROUND, CTX_TODO, CTX_CANCEL, CTX_DEADLINE, CTX_VALUE };

/* Whose done and err c has: itself, or for a value context the nearest
 * ancestor that is not one. */
static gctx *ctx_owner(gctx *c)
{
    while (c && c->is_value)
        c = c->parent;
    return c;
}

static gctx *ctx_of(gor *g, const gcell *args)
{
    gctx *c = (gctx *)(uintptr_t)cell_get(&args[0]);
    if (!c)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return c;
}

static giface *ctx_err(gctx *c)
{
    ps_lock_acquire(&c->mu);
    giface *e = c->err;
    ps_lock_release(&c->mu);
    return e;
}

/* Cancels c and its children with err (the first cancellation wins). */
static void ctx_cancel(gor *g, gctx *c, giface *err)
{
    ps_lock_acquire(&c->mu);
    if (c->err || !c->done) {
        ps_lock_release(&c->mu);
        return;
    }
    c->err = err;
    int n = c->nchildren;
    gctx **kids = c->children;
    c->nchildren = 0;
    ps_lock_release(&c->mu);
    gort_chan_close(g, c->done);
    for (int i = 0; i < n; i++)
        ctx_cancel(g, kids[i], err);
}

static gctx *ctx_new(gor *g, gctx *vparent)
{
    gctx *c = gor_alloc_bytes(g, sizeof *c);
    ps_lock_init(&c->mu);
    c->parent = vparent; /* Value and Deadline look up through value contexts */
    c->done = gort_chan_new(g, g->vm->prog->types.basic[GK_BOOL], 0);
    gctx *parent = ctx_owner(vparent); /* who cancels it */
    if (!parent)
        return c;
    ps_lock_acquire(&parent->mu);
    giface *perr = parent->err;
    if (!perr && parent->done) {
        if (parent->nchildren == parent->capchildren) {
            int cap = parent->capchildren ? parent->capchildren * 2 : 4;
            gctx **v = gor_alloc_bytes(g, (int64_t)cap * (int64_t)sizeof *v);
            if (parent->nchildren)
                memcpy(v, parent->children, (size_t)parent->nchildren * sizeof *v);
            parent->children = v;
            parent->capchildren = cap;
        }
        parent->children[parent->nchildren++] = c;
    }
    ps_lock_release(&parent->mu);
    if (perr)
        ctx_cancel(g, c, perr);
    return c;
}

static uint64_t ctx_value(gor *g, gctx *c)
{
    return (uint64_t)(uintptr_t)gor_box1(g, g->vm->t_ctx, (uint64_t)(uintptr_t)c);
}

static gctx *ctx_unbox(gor *g, uint64_t w)
{
    const giface *b = (const giface *)(uintptr_t)w;
    if (!b)
        gor_panic_string(g, "cannot create context from nil parent");
    if (b->t != g->vm->t_ctx)
        lib_unsupported(g, "a context.Context of the program's own type");
    return (gctx *)(uintptr_t)cell_get(&b->v[0]);
}

static void ctx_done_native(gor *g, gcell *args, gcell *res)
{
    gctx *c = ctx_owner(ctx_of(g, args));
    cell_set(&res[0], c ? (uint64_t)(uintptr_t)c->done : 0);
}

static void ctx_err_native(gor *g, gcell *args, gcell *res)
{
    gctx *c = ctx_owner(ctx_of(g, args));
    cell_set(&res[0], c ? (uint64_t)(uintptr_t)ctx_err(c) : 0);
}

/* Value(key): the nearest value context's with an equal key (Go's ==
 * on interfaces), else nil. */
static void ctx_value_native(gor *g, gcell *args, gcell *res)
{
    static const gtype any = {.kind = GK_INTERFACE};
    gcell key[1];
    cell_set(&key[0], cell_get(&args[1]));
    for (const gctx *c = ctx_of(g, args); c; c = c->parent) {
        gcell k[1];
        cell_set(&k[0], c->key);
        if (c->is_value && gvalue_equal(g, &any, k, key)) {
            cell_set(&res[0], c->val);
            return;
        }
    }
    cell_set(&res[0], 0);
}

/* Go's stringify for a WithValue's val: a Stringer's String, a string,
 * else "<not Stringer>" ("<nil>" for nil). */
static void ctx_put_val(gor *g, gbuf *b, uint64_t w)
{
    const giface *v = (const giface *)(uintptr_t)w;
    const gstr *s = NULL;
    if (!v)
        gbuf_puts(b, "<nil>");
    else if (gor_call_string_method(g, v->t, v->v, "String", &s))
        gbuf_put(b, gstr_ptr(s), (size_t)gstr_len(s));
    else if (v->t->kind == GK_STRING) {
        s = word_str(cell_get(&v->v[0]));
        gbuf_put(b, gstr_ptr(s), (size_t)gstr_len(s));
    } else
        gbuf_puts(b, "<not Stringer>");
}

/* Go 1.19's context String: "context.Background.WithCancel", ... */
static void ctx_name(gor *g, gbuf *b, const gctx *c)
{
    if (!c) {
        gbuf_puts(b, "context.Background");
        return;
    }
    if (c->kind == CTX_BACKGROUND || c->kind == CTX_TODO) {
        gbuf_puts(b, c->kind == CTX_TODO ? "context.TODO" : "context.Background");
        return;
    }
    ctx_name(g, b, c->parent);
    if (c->kind == CTX_CANCEL) {
        gbuf_puts(b, ".WithCancel");
    } else if (c->kind == CTX_DEADLINE) {
        char d[40];
        gbuf_puts(b, ".WithDeadline(");
        lib_time_string(g, c->deadline, 1, b);
        gbuf_puts(b, " [");
        gbuf_put(b, d, lib_duration_string(c->deadline - gort_now(g), d));
        gbuf_puts(b, "])");
    } else {
        const giface *k = (const giface *)(uintptr_t)c->key;
        gbuf_puts(b, ".WithValue(type ");
        if (k)
            fmt_type_name(b, k->t);
        gbuf_puts(b, ", val ");
        ctx_put_val(g, b, c->val);
        gbuf_putc(b, ')');
    }
}

static void ctx_string_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    ctx_name(g, &b, ctx_of(g, args));
    cell_set(&res[0], (uint64_t)(uintptr_t)gor_str(g, b.p ? b.p : "", (int64_t)b.len));
    gbuf_free(&b);
}

static void with_value_native(gor *g, gcell *args, gcell *res)
{
    gctx *parent = ctx_unbox(g, cell_get(&args[0]));
    const giface *k = (const giface *)(uintptr_t)cell_get(&args[1]);
    if (!k)
        gor_panic_string(g, "nil key");
    if (!k->t->comparable)
        gor_panic_string(g, "key is not comparable");
    gctx *c = gor_alloc_bytes(g, sizeof *c);
    ps_lock_init(&c->mu);
    c->parent = parent;
    c->is_value = 1;
    c->kind = CTX_VALUE;
    c->key = cell_get(&args[1]);
    c->val = cell_get(&args[2]);
    cell_set(&res[0], ctx_value(g, c));
}

static void ctx_deadline_native(gor *g, gcell *args, gcell *res)
{
    const gctx *c = ctx_of(g, args);
    while (c && !c->has_deadline)
        c = c->parent;
    cell_set(&res[0], c ? (uint64_t)c->deadline : 0);
    cell_set(&res[1], c != NULL);
}

static void background_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    gctx *c = gor_alloc_bytes(g, sizeof *c);
    ps_lock_init(&c->mu);
    c->kind = CTX_BACKGROUND;
    cell_set(&res[0], ctx_value(g, c));
}

static void todo_native(gor *g, gcell *args, gcell *res)
{
    background_native(g, args, res);
    ctx_unbox(g, cell_get(&res[0]))->kind = CTX_TODO;
}

/* cancel(): the CancelFunc, a native closure bound to the context. */
static void ctx_cancel_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    ctx_cancel(g, ctx_of(g, args),
               (giface *)(uintptr_t)cell_get(&g->vm->globals[g->vm->ctx_canceled_slot]));
}

static uint64_t ctx_cancel_func(gor *g, gctx *c)
{
    gclosure *cl = gor_alloc_bytes(g, (int64_t)sizeof *cl + 8);
    cl->fn = g->vm->ctx_cancel_fn;
    cl->bound = 1;
    cl->nenv = 1;
    cell_set(&cl->env[0], (uint64_t)(uintptr_t)c);
    return (uint64_t)(uintptr_t)cl;
}

static void with_cancel_native(gor *g, gcell *args, gcell *res)
{
    gctx *c = ctx_new(g, ctx_unbox(g, cell_get(&args[0])));
    c->kind = CTX_CANCEL;
    cell_set(&res[0], ctx_value(g, c));
    cell_set(&res[1], ctx_cancel_func(g, c));
}

typedef struct ctx_timer {
    gvm *vm;
    gctx *c;
    int64_t d;
} ctx_timer;

static int ctx_timer_goroutine(ps_actor *self, void *arg)
{
    ctx_timer *t = arg;
    gor g;
    gor_init(&g, t->vm, 0);
    gort_bind(&g, self);
    jmp_buf root;
    g.root = &root;
    if (setjmp(root) == 0 && run_sleep(self, (uint64_t)(t->d > 0 ? t->d : 0)) == PS_OK)
        ctx_cancel(&g, t->c,
                   (giface *)(uintptr_t)cell_get(&t->vm->globals[t->vm->ctx_deadline_slot]));
    gor_release(&g);
    return 0;
}

/* A context cancelled with DeadlineExceeded at virtual time deadline. */
static void with_deadline_at(gor *g, gcell *args, gcell *res, int64_t deadline)
{
    gctx *c = ctx_new(g, ctx_unbox(g, cell_get(&args[0])));
    ctx_timer *t = gor_alloc_bytes(g, sizeof *t);
    t->vm = g->vm;
    t->c = c;
    t->d = deadline - gort_now(g);
    c->deadline = deadline;
    c->has_deadline = 1;
    c->kind = CTX_DEADLINE;
    gort_go_native(g, ctx_timer_goroutine, t);
    cell_set(&res[0], ctx_value(g, c));
    cell_set(&res[1], ctx_cancel_func(g, c));
}

static void with_timeout_native(gor *g, gcell *args, gcell *res)
{
    with_deadline_at(g, args, res, gort_now(g) + (int64_t)cell_get(&args[1]));
}

/* WithDeadline(parent, d): a time.Time is its clock's ns (lib_time.c) */
static void with_deadline_native(gor *g, gcell *args, gcell *res)
{
    with_deadline_at(g, args, res, (int64_t)cell_get(&args[1]));
}

static void canceled_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    static const char msg[] = "context canceled";
    g->vm->ctx_canceled_slot = (int32_t)(res - g->vm->globals);
    cell_set(&res[0], (uint64_t)(uintptr_t)lib_error_value(
                          g, (uint64_t)(uintptr_t)gor_str(g, msg, sizeof msg - 1), NULL, 0));
}

static void deadline_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    static const char msg[] = "context deadline exceeded";
    g->vm->ctx_deadline_slot = (int32_t)(res - g->vm->globals);
    cell_set(&res[0], (uint64_t)(uintptr_t)lib_error_value(
                          g, (uint64_t)(uintptr_t)gor_str(g, msg, sizeof msg - 1), NULL, 0));
}

const golib_native lib_context_natives[] = {
    {"Background", background_native},
    {"TODO", todo_native},
    {"WithCancel", with_cancel_native},
    {"WithTimeout", with_timeout_native},
    {"WithValue", with_value_native},
    {"WithDeadline", with_deadline_native},
    {"Canceled", canceled_init},
    {"DeadlineExceeded", deadline_init},
    {NULL, NULL},
};

/* The context type and its methods, made before any goroutine runs. */
void lib_context_prepare(gvm *vm)
{
    gtypes *ts = &vm->prog->types;
    gtype *ctx_iface = NULL;
    for (int i = 0; i < ts->n; i++)
        if (ts->all[i]->pkg && !strcmp(ts->all[i]->pkg, "context") &&
            !strcmp(ts->all[i]->short_name, "Context"))
            ctx_iface = ts->all[i];
    if (!ctx_iface)
        return;
    gtype *cc = types_named(ts, "context", "cancelCtx");
    types_set_underlying(cc, ts->basic[GK_UINTPTR]);
    gtype *pc = types_pointer(ts, cc);
    vm->t_ctx = pc;
    static const struct {
        const char *name;
        gnative_fn fn;
    } ms[] = {
        {"Done", ctx_done_native},
        {"Err", ctx_err_native},
        {"Value", ctx_value_native},
        {"Deadline", ctx_deadline_native},
    };
    for (size_t k = 0; k < sizeof ms / sizeof ms[0]; k++)
        for (int i = 0; i < ctx_iface->nimethods; i++)
            if (!strcmp(ctx_iface->imethods[i].name, ms[k].name))
                lib_native_method(vm, pc, ms[k].name, ms[k].fn, ctx_iface->imethods[i].sig);
    gtype *none = types_func(ts, NULL, 0, NULL, 0, 0);
    vm->ctx_cancel_fn = lib_native_method(vm, pc, "cancel", ctx_cancel_native, none);
    gtype *str = ts->basic[GK_STRING];
    lib_native_method(vm, pc, "String", ctx_string_native, types_func(ts, NULL, 0, &str, 1, 0));
}

/* ---- errgroup ---- */

typedef struct ggroup {
    ps_wg wg;
    ps_lock mu;
    giface *err;      /* under mu: the first error */
    gclosure *cancel; /* WithContext's cancel, or NULL */
    gchan *sem;       /* SetLimit's tokens, or NULL */
} ggroup;

static ggroup *group_of(gor *g, const gcell *args)
{
    gcell *obj = (gcell *)(uintptr_t)cell_get(&args[0]);
    if (!obj)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    /* acquire: a group another goroutine made is initialized */
    uint64_t p = atomic_load_explicit(&obj[0], memory_order_acquire);
    if (p)
        return (ggroup *)(uintptr_t)p;
    char *mem = gor_alloc_bytes(g, (int64_t)sizeof(ggroup) + 64);
    ggroup *gr = (ggroup *)(void *)(((uintptr_t)mem + 63) & ~(uintptr_t)63);
    wg_init(&gr->wg, gort_obj_id(g));
    ps_lock_init(&gr->mu);
    uint64_t expected = 0;
    /* acq_rel: publishes gr, or acquires the winner's */
    if (atomic_compare_exchange_strong_explicit(&obj[0], &expected, (uint64_t)(uintptr_t)gr,
                                                memory_order_acq_rel, memory_order_acquire)) {
        gort_object(g, gr->wg.obj, PS_OBJ_GROUP, 0, 0); /* named from this line */
        return gr;
    }
    return (ggroup *)(uintptr_t)expected;
}

/* What an error says (its Error method), as text events for the screen,
 * then the event about it. */
static void group_say(gor *g, const giface *err, int kind, uint32_t obj, int64_t arg)
{
    gcell out[1];
    const gstr *s = NULL;
    if (err && eval_call_method0(g, err, "Error", out))
        s = word_str(cell_get(&out[0]));
    gort_text(g, gstr_ptr(s), (size_t)gstr_len(s));
    actor_emit(g->actor, kind, obj, arg, err == NULL);
}

/* The function's error: the group's first (Wait returns it) or a later one;
 * the context's own error (context.Canceled) says it was cancelled. */
static void group_failed(gor *g, ggroup *gr, const giface *err, int first)
{
    /* only a group made by WithContext has a context (and context.Canceled
     * is then initialized: its cancel func returns it) */
    const giface *canceled =
        gr->cancel ? (const giface *)(uintptr_t)cell_get(&g->vm->globals[g->vm->ctx_canceled_slot])
                   : NULL;
    if (err == canceled)
        group_say(g, err, EV_CANCEL, gr->wg.obj, first);
    else
        group_say(g, err, EV_ERROR, gr->wg.obj, first);
}

static void group_rc(gor *g, int rc)
{
    if (rc == PS_ESTOPPED)
        gor_stop_unwind(g);
}

typedef struct group_job {
    gvm *vm;
    ggroup *gr;
    gclosure *f;
    int64_t goid;
} group_job;

static int group_goroutine(ps_actor *self, void *arg)
{
    group_job *j = arg;
    gor g;
    gor_init(&g, j->vm, j->goid);
    gort_bind(&g, self);
    jmp_buf root;
    g.root = &root;
    if (setjmp(root) == 0) {
        gcell none[1], res[1];
        eval_call(&g, j->f, none, res);
        giface *err = (giface *)(uintptr_t)cell_get(&res[0]);
        if (err) {
            ps_lock_acquire(&j->gr->mu);
            int first = !j->gr->err;
            if (first)
                j->gr->err = err;
            ps_lock_release(&j->gr->mu);
            group_failed(&g, j->gr, err, first);
            if (first && j->gr->cancel)
                eval_call(&g, j->gr->cancel, none, none);
        }
        if (j->gr->sem) {
            gcell tok[1];
            gort_chan_recv(&g, j->gr->sem, tok);
        }
        group_rc(&g, wg_done(&j->gr->wg, self));
    } else if (!g.stopping) {
        /* a panic in f: Go's report, and the program ends */
        eval_report_panic(&g);
        gort_exit(&g, 2);
    }
    gor_release(&g);
    return 0;
}

static void group_go_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    ggroup *gr = group_of(g, args);
    if (gr->sem) {
        gcell tok[1];
        cell_set(&tok[0], 0);
        gort_chan_send(g, gr->sem, tok);
    }
    group_rc(g, wg_add(&gr->wg, g->actor, 1));
    group_job *j = gor_alloc_bytes(g, sizeof *j);
    j->vm = g->vm;
    j->gr = gr;
    j->f = (gclosure *)(uintptr_t)cell_get(&args[1]);
    gort_go_native_as(g, group_goroutine, j, j->f ? j->f->fn : NULL);
}

static void group_try_go_native(gor *g, gcell *args, gcell *res)
{
    ggroup *gr = group_of(g, args);
    if (gr->sem) {
        int rc = chan_try_send(gchan_queue(gr->sem), g->actor, 0);
        group_rc(g, rc);
        if (rc != PS_OK) {
            cell_set(&res[0], 0);
            return;
        }
    }
    group_rc(g, wg_add(&gr->wg, g->actor, 1));
    group_job *j = gor_alloc_bytes(g, sizeof *j);
    j->vm = g->vm;
    j->gr = gr;
    j->f = (gclosure *)(uintptr_t)cell_get(&args[1]);
    gort_go_native_as(g, group_goroutine, j, j->f ? j->f->fn : NULL);
    cell_set(&res[0], 1);
}

static void group_wait_native(gor *g, gcell *args, gcell *res)
{
    ggroup *gr = group_of(g, args);
    group_rc(g, wg_wait(&gr->wg, g->actor));
    if (gr->cancel) {
        gcell none[1];
        eval_call(g, gr->cancel, none, none);
    }
    ps_lock_acquire(&gr->mu);
    giface *err = gr->err;
    ps_lock_release(&gr->mu);
    group_say(g, err, EV_ERROR, gr->wg.obj, 2); /* what Wait returned */
    cell_set(&res[0], (uint64_t)(uintptr_t)err);
}

static void group_set_limit_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    ggroup *gr = group_of(g, args);
    int64_t n = (int64_t)cell_get(&args[1]);
    gr->sem = n < 0 ? NULL : gort_chan_new(g, g->vm->prog->types.basic[GK_BOOL], n);
}

static void group_with_context_native(gor *g, gcell *args, gcell *res)
{
    gcell *obj = gor_alloc(g, 1);
    gcell ptr[1];
    cell_set(&ptr[0], (uint64_t)(uintptr_t)obj);
    ggroup *gr = group_of(g, ptr);
    gctx *c = ctx_new(g, ctx_unbox(g, cell_get(&args[0])));
    gr->cancel = (gclosure *)(uintptr_t)ctx_cancel_func(g, c);
    cell_set(&res[0], (uint64_t)(uintptr_t)obj);
    cell_set(&res[1], ctx_value(g, c));
}

const golib_native lib_errgroup_natives[] = {
    {"WithContext", group_with_context_native}, {"*Group.Go", group_go_native},
    {"*Group.Wait", group_wait_native},         {"*Group.SetLimit", group_set_limit_native},
    {"*Group.TryGo", group_try_go_native},      {NULL, NULL},
};
