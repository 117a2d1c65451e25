#include "eval.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gmap.h"
#include "gort.h"
#include "gvars.h"
#include "lib_natives.h"
#include "slots.h"
#include "sync/lock.h"
#include "xop.h"

/* ---- memory ---- */

struct gchunk {
    struct gchunk *next;
    size_t size;
    _Alignas(16) char data[];
};

/* A goroutine bump-allocates from a piece of a chunk: 4 KiB first, twice
 * as much each time it runs out, up to a whole chunk.  Pieces are carved
 * from the VM's free regions (what is left of chunks, and of the pieces of
 * goroutines that ended), so a program of 100 000 small goroutines takes
 * 4 KiB each, not a chunk each (it ran out of its 4 GiB at 4 096 of them).
 * No GC: a free region was never handed out, so it is still zero. */
enum { CHUNK_BYTES = 1 << 20, PIECE_MIN = 4096, TAIL_MIN = 1024 };

/* A free region's header, in its own first bytes. */
struct gtail {
    struct gtail *next;
    char *end;
};

static void vm_chunk_push(gvm *vm, struct gchunk *c);

/* Under chunks_mu: [p, end) is free. */
static void vm_free_region_locked(gvm *vm, char *p, char *end)
{
    if (end - p < TAIL_MIN)
        return;                                  /* too small to be worth a header: left unused */
    struct gtail *t = (struct gtail *)(void *)p; /* 16-aligned: every bump is */
    t->next = vm->tails;
    t->end = end;
    vm->tails = t;
}

/* Under chunks_mu: at least n bytes off one of the first CARVE_LOOK free
 * regions (its whole rest when that is small), *got of them; NULL if none
 * of them has n.  (Looking at a few: the newest are often a piece's small
 * rest.) */
enum { CARVE_LOOK = 16 };
static char *vm_carve_locked(gvm *vm, size_t n, size_t *got)
{
    struct gtail **link = &vm->tails, *t = NULL;
    for (int k = 0; *link && k < CARVE_LOOK; k++, link = &(*link)->next)
        if ((size_t)((*link)->end - (char *)*link) >= n) {
            t = *link;
            break;
        }
    if (!t)
        return NULL;
    char *p = (char *)t, *end = t->end;
    *link = t->next;
    memset(t, 0, sizeof *t); /* handed out zeroed, as a fresh chunk's bytes are */
    if ((size_t)(end - p) >= n + PIECE_MIN) {
        vm_free_region_locked(vm, p + n, end);
        end = p + n;
    }
    *got = (size_t)(end - p);
    return p;
}

/* A fresh chunk of size bytes, counted against the program's limit. */
static struct gchunk *gor_new_chunk(gor *g, size_t size)
{
    gvm *vm = g->vm;
    /* relaxed: a budget, not an ordering */
    int64_t total = atomic_fetch_add_explicit(&vm->allocated, (int64_t)size, memory_order_relaxed);
    if (total + (int64_t)size > VM_MAX_ALLOC) {
        char msg[128];
        snprintf(msg, sizeof msg, "out of memory (poolscope's limit for a Go program: %lld GiB)",
                 (long long)(VM_MAX_ALLOC >> 30));
        gor_fatal(g, msg);
    }
    struct gchunk *c = calloc(1, sizeof *c + size);
    if (!c)
        gor_fatal(g, "out of memory");
    c->size = size;
    vm_chunk_push(vm, c);
    return c;
}

static void *gor_chunk(gor *g, size_t n)
{
    gvm *vm = g->vm;
    if (n > CHUNK_BYTES / 4) /* a large object: a chunk of its own */
        return gor_new_chunk(g, n)->data;
    size_t want = g->piece ? g->piece : PIECE_MIN, got = 0;
    while (want < n)
        want *= 2;
    g->piece = want < CHUNK_BYTES ? want * 2 : CHUNK_BYTES;
    ps_lock *l = vm->chunks_mu;
    ps_lock_acquire(l);
    vm_free_region_locked(vm, g->chunk, g->chunk_end); /* what its piece has left */
    char *p = vm_carve_locked(vm, want, &got);
    ps_lock_release(l);
    if (!p) {
        struct gchunk *c = gor_new_chunk(g, CHUNK_BYTES);
        ps_lock_acquire(l);
        vm_free_region_locked(vm, c->data, c->data + CHUNK_BYTES);
        p = vm_carve_locked(vm, want, &got);
        ps_lock_release(l);
    }
    g->chunk = p + n;
    g->chunk_end = p + got;
    return p;
}

void *gor_alloc_bytes(gor *g, int64_t nbytes)
{
    if (nbytes < 0)
        gor_panic_runtime(g, "makeslice: len out of range");
    size_t n = ((size_t)nbytes + 15) & ~(size_t)15;
    if (!n)
        n = 16;
    if (n <= (size_t)(g->chunk_end - g->chunk)) {
        void *r = g->chunk;
        g->chunk += n;
        return r; /* chunks are calloc'd and never reused: already zero */
    }
    return gor_chunk(g, n);
}

gcell *gor_alloc(gor *g, int64_t nwords)
{
    if (nwords > (VM_MAX_ALLOC >> 3))
        gor_panic_runtime(g, "makeslice: len out of range");
    return gor_alloc_bytes(g, nwords * 8);
}

gstr *gor_str(gor *g, const char *p, int64_t len)
{
    if (len <= 0)
        return NULL;
    gstr *s = gor_alloc_bytes(g, (int64_t)sizeof(gstr) + len);
    char *b = (char *)(s + 1);
    memcpy(b, p, (size_t)len);
    s->p = b;
    s->len = len;
    return s;
}

giface *gor_box(gor *g, const gtype *t, const gcell *v)
{
    giface *b = gor_alloc_bytes(g, (int64_t)sizeof(giface) + t->size * 8);
    b->t = t;
    cells_copy(b->v, v, t->size);
    return b;
}

giface *gor_box1(gor *g, const gtype *t, uint64_t w)
{
    giface *b = gor_alloc_bytes(g, (int64_t)sizeof(giface) + 8);
    b->t = t;
    cell_set(&b->v[0], w);
    return b;
}

void gor_write(gor *g, int fd, const char *p, size_t n)
{
    if (g->actor && g->vm->rt) /* a goroutine of a run: written and published at once */
        gort_output(g, fd, p, n);
    else
        g->vm->write(g->vm->write_ctx, fd, p, n);
}

/* ---- panics ---- */

typedef struct gdefer {
    gclosure *cl;
    gcell *args; /* evaluated at the defer statement */
    struct gdefer *next;
} gdefer;

typedef struct gdframe {
    jmp_buf jb;
    struct gdframe *prev;
    gdefer *defers;
    int depth;
} gdframe;

static void runtime_error_marker(gor *g, gcell *args, gcell *res)
{
    (void)g;
    (void)args;
    (void)res;
}

static gtype *vm_runtime_error_t(gvm *vm);

_Noreturn void gor_stop_unwind(gor *g)
{
    g->stopping = 1;
    g->top = NULL;
    longjmp(*g->root, 1);
}

static _Noreturn void gor_unwind(gor *g)
{
    if (g->top)
        longjmp(g->top->jb, 1);
    longjmp(*g->root, 1);
}

_Noreturn void gor_panic_value(gor *g, giface *v)
{
    gpanic *p = gor_alloc_bytes(g, sizeof *p);
    p->value = v;
    p->prev = g->panic;
    g->panic = p;
    gor_unwind(g);
}

_Noreturn void gor_panic_string(gor *g, const char *msg)
{
    gstr *s = gor_str(g, msg, (int64_t)strlen(msg));
    gor_panic_value(g, gor_box1(g, g->vm->prog->types.basic[GK_STRING], (uint64_t)(uintptr_t)s));
}

/* Go's runtime.plainError: a run-time panic whose text has no "runtime
 * error: " (assignment to entry in nil map, close of closed channel...). */
_Noreturn void gor_panic_plain(gor *g, const char *msg)
{
    gstr *s = gor_str(g, msg, (int64_t)strlen(msg));
    gpanic *p = gor_alloc_bytes(g, sizeof *p);
    p->value = gor_box1(g, g->vm->t_plain_error, (uint64_t)(uintptr_t)s);
    p->runtime_error = 1;
    p->prev = g->panic;
    g->panic = p;
    gor_unwind(g);
}

_Noreturn void gor_panic_runtime(gor *g, const char *fmt, ...)
{
    char buf[256] = "runtime error: ";
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf + 15, sizeof buf - 15, fmt, ap);
    va_end(ap);
    gstr *s = gor_str(g, buf, (int64_t)strlen(buf));
    gpanic *p = gor_alloc_bytes(g, sizeof *p);
    p->value = gor_box1(g, vm_runtime_error_t(g->vm), (uint64_t)(uintptr_t)s);
    p->runtime_error = 1;
    p->prev = g->panic;
    g->panic = p;
    gor_unwind(g);
}

_Noreturn void gor_fatal(gor *g, const char *msg)
{
    char buf[600];
    /* Go's fatal errors end with the goroutine's trace, as panics do */
    int n = snprintf(buf, sizeof buf, "fatal error: %s\n\ngoroutine %lld [running]:\n%s()\n\t%s\n",
                     msg, (long long)g->id, g->id == 1 ? "main.main" : "main.func",
                     g->vm->prog->filename ? g->vm->prog->filename : "?");
    gor_write(g, 2, buf, (size_t)n);
    gort_exit(g, 2);
}

/* ---- small helpers ---- */

static inline uint64_t wrap_int(uint64_t v, int bits, int uns)
{
    if (bits == 64)
        return v;
    uint64_t mask = (1ull << bits) - 1;
    v &= mask;
    if (!uns && (v >> (bits - 1)) & 1)
        v |= ~mask;
    return v;
}

/* 1 if n names a variable in the frame's own slot, which no other goroutine
 * can reach (not captured, its address never taken): its x++ needs no step
 * point between the load and the store, since nothing can come between. */
static inline int frame_private(const gnode *n)
{
    return n->xop == X_SLOT || (n->xop == X_LOCAL && !n->sym->boxed);
}

static inline gcell *frame_box(gcell *slot)
{
    return (gcell *)(uintptr_t)cell_get(slot);
}

static inline const gslice *word_slice(uint64_t w)
{
    return (const gslice *)(uintptr_t)w;
}

static gslice *gor_slice(gor *g, gcell *base, int64_t len, int64_t cap)
{
    gslice *s = gor_alloc_bytes(g, sizeof *s);
    s->base = base;
    s->len = len;
    s->cap = cap;
    return s;
}

static int str_cmp(const gstr *a, const gstr *b)
{
    int64_t la = gstr_len(a), lb = gstr_len(b);
    int c = memcmp(gstr_ptr(a), gstr_ptr(b), (size_t)(la < lb ? la : lb));
    return c ? c : (la < lb ? -1 : la > lb);
}

static int str_eq(const gstr *a, const gstr *b)
{
    int64_t la = gstr_len(a);
    return la == gstr_len(b) && memcmp(gstr_ptr(a), gstr_ptr(b), (size_t)la) == 0;
}

static gstr *str_concat(gor *g, const gstr *a, const gstr *b)
{
    int64_t la = gstr_len(a), lb = gstr_len(b);
    if (!la)
        return (gstr *)b;
    if (!lb)
        return (gstr *)a;
    gstr *s = gor_alloc_bytes(g, (int64_t)sizeof(gstr) + la + lb);
    char *p = (char *)(s + 1);
    memcpy(p, a->p, (size_t)la);
    memcpy(p + la, b->p, (size_t)lb);
    s->p = p;
    s->len = la + lb;
    return s;
}

/* ---- frames ---- */

typedef struct gframe {
    gcell *s;
    gclosure *cl;
    gfunc *fn;
    gdframe *df;   /* this call's defers, if it has any */
    gnode *target; /* a labelled break/continue's statement */
} gframe;

enum { EX_NORMAL, EX_BREAK, EX_CONTINUE, EX_RETURN, EX_FALLTHROUGH };

static uint64_t ev(gor *g, gframe *f, gnode *n);

/* ev for the leaves that dominate loops (a local in its slot, a constant)
 * without a call; anything else is ev. */
static inline uint64_t ev_fast(gor *g, gframe *f, gnode *n)
{
    if (n->xop == X_SLOT)
        return cell_get(&f->s[n->x]);
    if (n->xop == X_CONST)
        return n->cv->word;
    return ev(g, f, n);
}
static void evm(gor *g, gframe *f, gnode *n, gcell *dst);
static gcell *addr(gor *g, gframe *f, gnode *n);
static int exec(gor *g, gframe *f, gnode *s);
static int exec_for(gor *g, gframe *f, gnode *s);
static int exec_list(gor *g, gframe *f, gnode **list, int n);
static void call_fn(gor *g, gfunc *fn, gclosure *cl, gcell *args, gcell *res);
static int call_static_ok(const gnode *n);
static void call_static(gor *g, gframe *f, gnode *n, gcell *res);

/* Is n addressable (the checker's rule, read from its opcodes)? */
static int addr_ok(const gnode *n)
{
    switch (n->kind) {
    case N_IDENT:
        return n->sym && n->sym->kind == SY_VAR;
    case N_PAREN:
        return addr_ok(n->a);
    case N_STAR:
        return 1;
    case N_SELECTOR:
        return n->xop == X_PKGVAL || (n->xop == X_FIELD && (n->y || addr_ok(n->a)));
    case N_INDEX:
        return n->xop == X_INDEX_SLICE || n->xop == X_INDEX_PTRARRAY ||
               (n->xop == X_INDEX_ARRAY && addr_ok(n->a));
    default:
        return 0;
    }
}

static _Noreturn void nil_deref(gor *g)
{
    gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
}

/* ---- shared variables: each load and store watched (gvars.h) ---- */

static gcell *shared_addr(gor *g, gframe *f, const gnode *n)
{
    if (n->y == X_GLOBAL)
        return &g->vm->globals[n->sym->slot];
    if (n->y == X_CAPTURED)
        return (gcell *)(uintptr_t)cell_get(&f->cl->env[n->x]);
    return frame_box(&f->s[n->x]);
}

static ps_counter *shared_counter(gor *g, const gnode *n, gcell *p)
{
    return gvars_counter(g, p, PS_OBJ_VAR, n->sym->pos.line, n->sym->pos.col);
}

/* The word of an integer: the evaluator keeps it sign- or zero-extended,
 * so the counter reads and writes it whole. */
static counter_word shared_word(const gnode *n, gcell *p)
{
    return (counter_word){.at = p, .bits = 64, .is_signed = !types_is_unsigned(n->sym->type)};
}

/* A load of the shared variable n: a step point, then a seq_cst load and its
 * atomic-load event under the variable's counter (no actor: a plain load). */
static uint64_t shared_load(gor *g, gframe *f, const gnode *n)
{
    gcell *p = shared_addr(g, f, n);
    if (!g->actor)
        return cell_get(p);
    int64_t v = 0;
    if (counter_load_at(shared_counter(g, n, p), g->actor, shared_word(n, p), &v) == PS_ESTOPPED)
        gor_stop_unwind(g);
    return (uint64_t)v;
}

/* A store of w (already wrapped to the type) to the shared variable n. */
static void shared_store(gor *g, gframe *f, const gnode *n, uint64_t w)
{
    gcell *p = shared_addr(g, f, n);
    if (!g->actor) {
        cell_set(p, w);
        return;
    }
    if (counter_store_at(shared_counter(g, n, p), g->actor, shared_word(n, p), (int64_t)w) ==
        PS_ESTOPPED)
        gor_stop_unwind(g);
}

static gcell *var_addr(gor *g, gframe *f, gnode *n)
{
    gsym *s = n->sym;
    switch (n->xop) {
    case X_SHARED: /* unwatched: a, b = b, a (rare) */
        return shared_addr(g, f, n);
    case X_SLOT:
        return &f->s[n->x];
    case X_SLOT_BOXED:
        return frame_box(&f->s[n->x]);
    case X_LOCAL:
        return s->boxed ? frame_box(&f->s[s->slot]) : &f->s[s->slot];
    case X_CAPTURED:
        return (gcell *)(uintptr_t)cell_get(&f->cl->env[n->x]);
    case X_GLOBAL:
    case X_PKGVAL:
        return &g->vm->globals[s->slot];
    default:
        return NULL;
    }
}

/* A new variable (a := ..., var, range, a parameter): its box if boxed. */
static gcell *var_declare(gor *g, gframe *f, gsym *s)
{
    if (!s->boxed)
        return &f->s[s->slot];
    gcell *box = gor_alloc(g, s->type->size);
    cell_set(&f->s[s->slot], (uint64_t)(uintptr_t)box);
    if (s->shared && g->actor) /* named on the screen from its declaration */
        gvars_counter(g, box, PS_OBJ_VAR, s->pos.line, s->pos.col);
    return box;
}

static gclosure *fn_value(gor *g, gfunc *fn)
{
    /* acquire: a closure made by another goroutine is fully written */
    gclosure *cl = atomic_load_explicit(&fn->value, memory_order_acquire);
    if (cl)
        return cl;
    gclosure *mine = gor_alloc_bytes(g, sizeof *mine);
    mine->fn = fn;
    gclosure *expected = NULL;
    /* release: publishes mine's contents; on failure, acquire the winner's */
    if (atomic_compare_exchange_strong_explicit(&fn->value, &expected, mine, memory_order_acq_rel,
                                                memory_order_acquire))
        return mine;
    return expected;
}

/* ---- conversions between types at assignment ---- */

static void assign_conv(gor *g, const gtype *from, const gtype *to, const gcell *src, gcell *dst)
{
    if (to->kind == GK_INTERFACE && from && from->kind != GK_INTERFACE &&
        from->kind != GK_UNTYPED_NIL) {
        cell_set(dst, (uint64_t)(uintptr_t)gor_box(g, from, src));
        return;
    }
    cells_copy(dst, src, to->size);
}

/* Evaluates n as a value of type to (boxing into an interface if need be). */
static void ev_to(gor *g, gframe *f, gnode *n, const gtype *to, gcell *dst)
{
    const gtype *from = n->type;
    if (to->kind == GK_INTERFACE && from && from->kind != GK_INTERFACE &&
        from->kind != GK_UNTYPED_NIL && n->xop != X_NIL) {
        int32_t sz = from->size;
        gcell tmp[sz > 0 ? sz : 1];
        evm(g, f, n, tmp);
        cell_set(dst, (uint64_t)(uintptr_t)gor_box(g, from, tmp));
        return;
    }
    evm(g, f, n, dst);
}

static uint64_t ev_to1(gor *g, gframe *f, gnode *n, const gtype *to)
{
    gcell w;
    cell_set(&w, 0);
    ev_to(g, f, n, to, &w);
    return cell_get(&w);
}

/* ---- integers ---- */

/* The operand shape of a binary operator: an N_BINARY node's, or an x op= y
 * statement's (x, y and the types from its nodes). */
typedef struct arith_op {
    int xop, bits, uns;
    const gtype *type;   /* the result's (float32 rounding) */
    const gtype *rhs_ty; /* the right operand's (a shift count's signedness) */
} arith_op;

static uint64_t int_div(gor *g, const arith_op *n, uint64_t a, uint64_t b, int rem)
{
    if (!b)
        gor_panic_runtime(g, "integer divide by zero");
    uint64_t r;
    if (n->uns) {
        r = rem ? a % b : a / b;
    } else {
        int64_t x = (int64_t)a, y = (int64_t)b;
        if (y == -1) /* INT64_MIN / -1 overflows in C; Go wraps */
            r = rem ? 0 : (uint64_t)0 - a;
        else
            r = (uint64_t)(rem ? x % y : x / y);
    }
    return wrap_int(r, n->bits, n->uns);
}

static uint64_t shift(gor *g, const arith_op *n, uint64_t a, uint64_t s, int left)
{
    const gtype *st = n->rhs_ty;
    if (st && !types_is_unsigned(st->underlying) && (int64_t)s < 0)
        gor_panic_runtime(g, "negative shift amount");
    int bits = n->bits;
    if (left)
        return s >= 64 ? 0 : wrap_int(a << s, bits, n->uns);
    if (s >= 64)
        return n->uns ? 0 : ((int64_t)a < 0 ? UINT64_MAX : 0);
    return n->uns ? a >> s : (uint64_t)((int64_t)a >> s);
}

static uint64_t arith(gor *g, const arith_op *n, uint64_t a, uint64_t b)
{
    int xop = n->xop;
    switch (xop) {
    case X_ADD_INT:
        return wrap_int(a + b, n->bits, n->uns);
    case X_SUB_INT:
        return wrap_int(a - b, n->bits, n->uns);
    case X_MUL_INT:
        return wrap_int(a * b, n->bits, n->uns);
    case X_DIV_INT:
        return int_div(g, n, a, b, 0);
    case X_REM_INT:
        return int_div(g, n, a, b, 1);
    case X_AND:
        return a & b;
    case X_OR:
        return a | b;
    case X_XOR:
        return wrap_int(a ^ b, n->bits, n->uns);
    case X_ANDNOT:
        return a & ~b;
    case X_SHL:
        return shift(g, n, a, b, 1);
    case X_SHR:
        return shift(g, n, a, b, 0);
    case X_ADD_FLOAT:
    case X_SUB_FLOAT:
    case X_MUL_FLOAT:
    case X_DIV_FLOAT: {
        double x = cell_f64(a), y = cell_f64(b), r;
        r = xop == X_ADD_FLOAT   ? x + y
            : xop == X_SUB_FLOAT ? x - y
            : xop == X_MUL_FLOAT ? x * y
                                 : x / y;
        if (n->type && n->type->underlying->kind == GK_FLOAT32)
            r = (double)(float)r;
        return f64_cell(r);
    }
    case X_ADD_STR:
        return (uint64_t)(uintptr_t)str_concat(g, word_str(a), word_str(b));
    default:
        return 0;
    }
}

static int values_equal(gor *g, const gtype *t, const gcell *a, const gcell *b)
{
    return gvalue_equal(g, t, a, b);
}

static uint64_t compare(gor *g, gframe *f, gnode *n)
{
    switch (n->xop) {
    case X_EQ_NILCMP:
    case X_NE_NILCMP: {
        gnode *x = n->aux;
        uint64_t w = ev(g, f, x);
        int isnil = w == 0;
        return n->xop == X_EQ_NILCMP ? isnil : !isnil;
    }
    case X_EQ_ANY:
    case X_NE_ANY: {
        const gtype *t = n->aux;
        int32_t sz = t->size;
        gcell a[sz > 0 ? sz : 1], b[sz > 0 ? sz : 1];
        if (t->kind == GK_INTERFACE) {
            ev_to(g, f, n->a, t, a);
            ev_to(g, f, n->b, t, b);
        } else {
            evm(g, f, n->a, a);
            evm(g, f, n->b, b);
        }
        int eq = values_equal(g, t, a, b);
        return n->xop == X_EQ_ANY ? eq : !eq;
    }
    default:
        break;
    }
    uint64_t a = ev(g, f, n->a), b = ev(g, f, n->b);
    switch (n->xop) {
    case X_EQ_WORD:
        return a == b;
    case X_NE_WORD:
        return a != b;
    case X_LT_INT:
        return n->y ? a < b : (int64_t)a < (int64_t)b;
    case X_LE_INT:
        return n->y ? a <= b : (int64_t)a <= (int64_t)b;
    case X_GT_INT:
        return n->y ? a > b : (int64_t)a > (int64_t)b;
    case X_GE_INT:
        return n->y ? a >= b : (int64_t)a >= (int64_t)b;
    case X_EQ_FLOAT:
        return cell_f64(a) == cell_f64(b);
    case X_NE_FLOAT:
        return cell_f64(a) != cell_f64(b);
    case X_LT_FLOAT:
        return cell_f64(a) < cell_f64(b);
    case X_LE_FLOAT:
        return cell_f64(a) <= cell_f64(b);
    case X_GT_FLOAT:
        return cell_f64(a) > cell_f64(b);
    case X_GE_FLOAT:
        return cell_f64(a) >= cell_f64(b);
    case X_EQ_STR:
        return str_eq(word_str(a), word_str(b));
    case X_NE_STR:
        return !str_eq(word_str(a), word_str(b));
    case X_LT_STR:
        return str_cmp(word_str(a), word_str(b)) < 0;
    case X_LE_STR:
        return str_cmp(word_str(a), word_str(b)) <= 0;
    case X_GT_STR:
        return str_cmp(word_str(a), word_str(b)) > 0;
    case X_GE_STR:
        return str_cmp(word_str(a), word_str(b)) >= 0;
    default:
        return 0;
    }
}

/* ---- selectors, indexing ---- */

/* The address of the field n selects (n->xop == X_FIELD). */
static gcell *field_addr(gor *g, gframe *f, gnode *n, gcell *tmp)
{
    const gpath *p = n->aux;
    gnode *x = n->a;
    gcell *base;
    if (p->s[0].deref) {
        base = (gcell *)(uintptr_t)ev(g, f, x);
    } else if ((base = addr(g, f, x)) == NULL) {
        evm(g, f, x, tmp); /* a value: f().x */
        base = tmp;
    }
    for (int i = 0; i < p->n; i++) {
        if (i > 0 && p->s[i].deref)
            base = (gcell *)(uintptr_t)cell_get(base);
        if (!base)
            nil_deref(g);
        base += p->s[i].off;
    }
    return base;
}

static _Noreturn void index_panic(gor *g, int64_t i, int64_t len)
{
    gor_panic_runtime(g, "index out of range [%lld] with length %lld", (long long)i,
                      (long long)len);
}

static gcell *index_addr(gor *g, gframe *f, gnode *n, gcell *tmp)
{
    const gtype *elem = n->type;
    switch (n->xop) {
    case X_INDEX_SLICE: {
        const gslice *s = word_slice(ev(g, f, n->a));
        int64_t i = (int64_t)ev(g, f, n->b);
        int64_t len = s ? s->len : 0;
        if (i < 0 || i >= len)
            index_panic(g, i, len);
        return s->base + i * elem->size;
    }
    case X_INDEX_ARRAY: {
        const gtype *at = n->a->type->underlying;
        gcell *base = addr(g, f, n->a);
        if (!base) {
            evm(g, f, n->a, tmp);
            base = tmp;
        }
        int64_t i = (int64_t)ev(g, f, n->b);
        if (i < 0 || i >= at->len)
            index_panic(g, i, at->len);
        return base + i * elem->size;
    }
    case X_INDEX_PTRARRAY: {
        const gtype *at = n->a->type->underlying->elem->underlying;
        gcell *base = (gcell *)(uintptr_t)ev(g, f, n->a);
        int64_t i = (int64_t)ev(g, f, n->b);
        if (!base)
            nil_deref(g);
        if (i < 0 || i >= at->len)
            index_panic(g, i, at->len);
        return base + i * elem->size;
    }
    default:
        return NULL;
    }
}

/* Needs a temp when the indexed or selected value is not addressable. */
static int32_t temp_words(const gnode *n)
{
    const gtype *t = n->a && n->a->type ? n->a->type : NULL;
    return t && t->size > 0 ? t->size : 1;
}

static gcell *addr(gor *g, gframe *f, gnode *n)
{
    switch (n->kind) {
    case N_IDENT:
        return var_addr(g, f, n);
    case N_PAREN:
        return addr(g, f, n->a);
    case N_STAR: {
        gcell *p = (gcell *)(uintptr_t)ev(g, f, n->a);
        if (!p)
            nil_deref(g);
        return p;
    }
    case N_SELECTOR:
        if (n->xop == X_PKGVAL)
            return var_addr(g, f, n);
        if (n->xop == X_FIELD && (n->y || (n->a && addr_ok(n->a))))
            return field_addr(g, f, n, NULL);
        return NULL;
    case N_INDEX:
        if (n->xop == X_INDEX_SLICE || n->xop == X_INDEX_PTRARRAY ||
            (n->xop == X_INDEX_ARRAY && addr_ok(n->a)))
            return index_addr(g, f, n, NULL);
        return NULL;
    default:
        return NULL;
    }
}

/* ---- slices, strings, conversions ---- */

static _Noreturn void slice_panic(gor *g, int64_t lo, int64_t hi, int64_t max, int which)
{
    if (which == 2)
        gor_panic_runtime(g, "slice bounds out of range [::%lld] with capacity %lld", (long long)hi,
                          (long long)max);
    if (which == 1)
        gor_panic_runtime(g, "slice bounds out of range [:%lld] with capacity %lld", (long long)hi,
                          (long long)max);
    gor_panic_runtime(g, "slice bounds out of range [%lld:%lld]", (long long)lo, (long long)hi);
}

static uint64_t slice_expr(gor *g, gframe *f, gnode *n)
{
    if (n->xop == X_SLICE_STRING) {
        const gstr *s = word_str(ev(g, f, n->a));
        int64_t len = gstr_len(s);
        int64_t lo = n->b ? (int64_t)ev(g, f, n->b) : 0;
        int64_t hi = n->c ? (int64_t)ev(g, f, n->c) : len;
        if (hi < 0 || hi > len)
            gor_panic_runtime(g, "slice bounds out of range [:%lld] with length %lld",
                              (long long)hi, (long long)len);
        if (lo < 0 || lo > hi)
            slice_panic(g, lo, hi, len, 0);
        if (lo == hi)
            return 0;
        gstr *r = gor_alloc_bytes(g, sizeof *r);
        r->p = s->p + lo;
        r->len = hi - lo;
        return (uint64_t)(uintptr_t)r;
    }
    gcell *base;
    int64_t len, cap;
    const gtype *elem;
    if (n->xop == X_SLICE_SLICE) {
        const gslice *s = word_slice(ev(g, f, n->a));
        base = s ? s->base : NULL;
        len = s ? s->len : 0;
        cap = s ? s->cap : 0;
        elem = n->a->type->underlying->elem;
    } else {
        const gtype *at = n->a->type->underlying;
        if (n->y) {
            at = at->elem->underlying;
            base = (gcell *)(uintptr_t)ev(g, f, n->a);
            if (!base)
                nil_deref(g);
        } else {
            base = addr(g, f, n->a);
        }
        len = cap = at->len;
        elem = at->elem;
    }
    int64_t lo = n->b ? (int64_t)ev(g, f, n->b) : 0;
    int64_t hi = n->c ? (int64_t)ev(g, f, n->c) : len;
    int64_t max = n->d ? (int64_t)ev(g, f, n->d) : cap;
    if (max < 0 || max > cap)
        slice_panic(g, lo, max, cap, 2);
    if (hi < 0 || hi > max)
        slice_panic(g, lo, hi, max, 1);
    if (lo < 0 || lo > hi)
        slice_panic(g, lo, hi, max, 0);
    return (uint64_t)(uintptr_t)gor_slice(g, base ? base + lo * elem->size : NULL, hi - lo,
                                          max - lo);
}

static uint64_t str_from_bytes(gor *g, const gslice *s)
{
    if (!s || !s->len)
        return 0;
    gstr *r = gor_alloc_bytes(g, (int64_t)sizeof(gstr) + s->len);
    char *p = (char *)(r + 1);
    for (int64_t i = 0; i < s->len; i++)
        p[i] = (char)cell_get(&s->base[i]);
    r->p = p;
    r->len = s->len;
    return (uint64_t)(uintptr_t)r;
}

static uint64_t str_from_runes(gor *g, const gslice *s)
{
    if (!s || !s->len)
        return 0;
    char *buf = gor_alloc_bytes(g, s->len * 4);
    int64_t k = 0;
    for (int64_t i = 0; i < s->len; i++)
        k += lex_utf8_encode((uint32_t)cell_get(&s->base[i]), buf + k);
    gstr *r = gor_alloc_bytes(g, sizeof *r);
    r->p = buf;
    r->len = k;
    return (uint64_t)(uintptr_t)r;
}

static uint64_t bytes_from_str(gor *g, const gstr *s)
{
    int64_t n = gstr_len(s);
    gcell *b = gor_alloc(g, n);
    for (int64_t i = 0; i < n; i++)
        cell_set(&b[i], (unsigned char)s->p[i]);
    return (uint64_t)(uintptr_t)gor_slice(g, b, n, n);
}

static uint64_t runes_from_str(gor *g, const gstr *s)
{
    int64_t n = gstr_len(s), count = 0;
    const unsigned char *p = (const unsigned char *)gstr_ptr(s);
    for (int64_t i = 0; i < n;) {
        int size;
        lex_utf8_decode(p + i, (size_t)(n - i), &size);
        i += size;
        count++;
    }
    gcell *b = gor_alloc(g, count);
    int64_t k = 0;
    for (int64_t i = 0; i < n;) {
        int size;
        uint32_t r = lex_utf8_decode(p + i, (size_t)(n - i), &size);
        cell_set(&b[k++], r);
        i += size;
    }
    return (uint64_t)(uintptr_t)gor_slice(g, b, count, count);
}

static uint64_t to_float_word(uint64_t w, const gtype *from, const gtype *to)
{
    double d;
    if (types_is_float(from))
        d = cell_f64(w);
    else if (types_is_unsigned(from))
        d = (double)w;
    else
        d = (double)(int64_t)w;
    if (to->kind == GK_FLOAT32)
        d = (double)(float)d;
    return f64_cell(d);
}

static uint64_t to_int_word(uint64_t w, const gtype *from, const gtype *to)
{
    uint64_t r = w;
    if (types_is_float(from)) {
        double d = cell_f64(w);
        /* out-of-range float to int is implementation-defined in Go; amd64
         * gives 0x8000000000000000, never undefined behaviour here */
        if (d != d || d >= 9223372036854775808.0 * (types_is_unsigned(to) ? 2 : 1) ||
            d < -9223372036854775808.0)
            r = 0x8000000000000000ull;
        else if (types_is_unsigned(to) && d >= 9223372036854775808.0)
            r = (uint64_t)d;
        else
            r = (uint64_t)(int64_t)d;
    }
    return wrap_int(r, types_int_bits(to), types_is_unsigned(to));
}

static void convert(gor *g, gframe *f, gnode *n, gcell *dst)
{
    gnode *a = n->list[0];
    const gtype *to = n->type, *from = a->type;
    const gtype *tu = to->underlying, *fu = from ? from->underlying : NULL;
    if (tu->kind == GK_INTERFACE) {
        ev_to(g, f, a, to, dst);
        return;
    }
    if (!fu || fu->kind == GK_UNTYPED_NIL) {
        cells_zero(dst, to->size);
        return;
    }
    if (types_is_numeric(tu) && types_is_numeric(fu)) {
        uint64_t w = ev(g, f, a);
        cell_set(dst, types_is_float(tu) ? to_float_word(w, fu, tu) : to_int_word(w, fu, tu));
        return;
    }
    if (tu->kind == GK_STRING) {
        if (types_is_integer(fu)) {
            uint64_t w = ev(g, f, a);
            int64_t r = (int64_t)w;
            if (types_is_unsigned(fu) ? w > 0x10FFFF : (r < 0 || r > 0x10FFFF))
                r = 0xFFFD;
            char buf[4];
            int k = lex_utf8_encode((uint32_t)r, buf);
            cell_set(dst, (uint64_t)(uintptr_t)gor_str(g, buf, k));
            return;
        }
        if (fu->kind == GK_SLICE) {
            const gslice *s = word_slice(ev(g, f, a));
            cell_set(dst, fu->elem->underlying->kind == GK_UINT8 ? str_from_bytes(g, s)
                                                                 : str_from_runes(g, s));
            return;
        }
    }
    if (tu->kind == GK_SLICE && fu->kind == GK_STRING) {
        const gstr *s = word_str(ev(g, f, a));
        cell_set(dst, tu->elem->underlying->kind == GK_UINT8 ? bytes_from_str(g, s)
                                                             : runes_from_str(g, s));
        return;
    }
    evm(g, f, a, dst);
}

/* ---- type assertions ---- */

static int dyn_implements(const gtype *t, const gtype *it)
{
    const char *missing;
    int ptr_only;
    return types_implements(t, it, &missing, &ptr_only);
}

/* A failed assertion panics with a *runtime.TypeAssertionError: its text
 * has no "runtime error: " before it. */
_Noreturn static void assert_panic(gor *g, const char *msg)
{
    gpanic *p = gor_alloc_bytes(g, sizeof *p);
    gstr *s = gor_str(g, msg, (int64_t)strlen(msg));
    p->value = gor_box1(g, vm_runtime_error_t(g->vm), (uint64_t)(uintptr_t)s);
    p->prev = g->panic;
    g->panic = p;
    gor_unwind(g);
}

static void assert_fail(gor *g, const giface *b, const gtype *want, const gtype *iface)
{
    char wn[128], in[128], hn[128], buf[520];
    types_format(want, wn, sizeof wn);
    types_format(iface, in, sizeof in);
    /* the interface as Go's runtime names it: "interface {}" when empty,
     * "interface" for error (its type has no package path there) */
    const char *iname = !iface->nimethods          ? "interface {}"
                        : strcmp(in, "error") == 0 ? "interface"
                                                   : in;
    if (!b) {
        snprintf(buf, sizeof buf, "interface conversion: %s is nil, not %s", iname, wn);
        assert_panic(g, buf);
    }
    types_format(b->t, hn, sizeof hn);
    if (want->kind == GK_INTERFACE) {
        const char *missing = "?";
        int ptr_only;
        types_implements(b->t, want, &missing, &ptr_only);
        /* Go: "interface conversion: main.T is not main.I: missing method M" */
        snprintf(buf, sizeof buf, "interface conversion: %s is not %s: missing method %s", hn, wn,
                 missing);
        assert_panic(g, buf);
    }
    snprintf(buf, sizeof buf, "interface conversion: %s is %s, not %s",
             iface->nimethods ? in : "interface {}", hn, wn);
    assert_panic(g, buf);
}

/* x.(T): writes the value (and, if n->y, ok after it). */
static void type_assert(gor *g, gframe *f, gnode *n, gcell *dst)
{
    const gtype *want = n->aux;
    const giface *b = (const giface *)(uintptr_t)ev(g, f, n->a);
    int ok;
    if (want->kind == GK_INTERFACE)
        ok = b && dyn_implements(b->t, want);
    else
        ok = b && b->t == want;
    if (!ok && !n->y)
        assert_fail(g, b, want, n->a->type);
    if (want->kind == GK_INTERFACE)
        cell_set(dst, ok ? (uint64_t)(uintptr_t)b : 0);
    else if (ok)
        cells_copy(dst, b->v, want->size);
    else
        cells_zero(dst, want->size);
    if (n->y)
        cell_set(&dst[want->size], (uint64_t)ok);
}

/* ---- composite literals ---- */

static void elem_value(gor *g, gframe *f, gnode *v, const gtype *t, gcell *dst)
{
    if (v->kind == N_COMPOSITE && (v->flags & NF_ADDRESSED)) { /* elided &T{...} */
        const gtype *et = t->elem;
        gcell *p = gor_alloc(g, et->size);
        gnode tmp = *v;
        tmp.type = (gtype *)et;
        evm(g, f, &tmp, p);
        cell_set(dst, (uint64_t)(uintptr_t)p);
        return;
    }
    ev_to(g, f, v, t, dst);
}

static void composite(gor *g, gframe *f, gnode *n, gcell *dst)
{
    const gtype *t = n->type, *u = t->underlying;
    switch (u->kind) {
    case GK_STRUCT:
        cells_zero(dst, u->size);
        for (int i = 0; i < n->nlist; i++) {
            gnode *e = n->list[i];
            int fi = e->kind == N_KEYVALUE ? e->x : i;
            gnode *v = e->kind == N_KEYVALUE ? e->b : e;
            elem_value(g, f, v, u->fields[fi].type, dst + u->fields[fi].offset);
        }
        return;
    case GK_ARRAY:
        cells_zero(dst, u->size);
        for (int i = 0, idx = 0; i < n->nlist; i++, idx++) {
            gnode *e = n->list[i];
            if (e->kind == N_KEYVALUE)
                idx = e->y;
            gnode *v = e->kind == N_KEYVALUE ? e->b : e;
            elem_value(g, f, v, u->elem, dst + (int64_t)idx * u->elem->size);
        }
        return;
    case GK_SLICE: {
        int64_t len = n->x;
        gcell *base = gor_alloc(g, len * u->elem->size);
        for (int i = 0, idx = 0; i < n->nlist; i++, idx++) {
            gnode *e = n->list[i];
            if (e->kind == N_KEYVALUE)
                idx = e->y;
            gnode *v = e->kind == N_KEYVALUE ? e->b : e;
            elem_value(g, f, v, u->elem, base + (int64_t)idx * u->elem->size);
        }
        cell_set(dst, (uint64_t)(uintptr_t)gor_slice(g, base, len, len));
        return;
    }
    case GK_MAP: {
        gmap *m = gmap_new(g, t, n->nlist);
        int32_t ks = u->key->size > 0 ? u->key->size : 1;
        for (int i = 0; i < n->nlist; i++) {
            gnode *e = n->list[i];
            gcell key[ks];
            elem_value(g, f, e->a, u->key, key);
            gcell *slot = gmap_assign(g, m, key);
            elem_value(g, f, e->b, u->elem, slot);
        }
        cell_set(dst, (uint64_t)(uintptr_t)m);
        return;
    }
    default:
        cells_zero(dst, t->size);
    }
}

/* ---- maps and channels ---- */

static void map_index(gor *g, gframe *f, gnode *n, gcell *dst)
{
    const gtype *mt = n->a->type->underlying;
    gmap *m = (gmap *)(uintptr_t)ev(g, f, n->a);
    int32_t ks = mt->key->size > 0 ? mt->key->size : 1;
    gcell key[ks];
    ev_to(g, f, n->b, mt->key, key);
    gcell *v = m ? gmap_lookup(g, m, key) : NULL;
    if (v)
        cells_copy(dst, v, mt->elem->size);
    else
        cells_zero(dst, mt->elem->size);
    if (n->y)
        cell_set(&dst[mt->elem->size], v != NULL);
}

static gcell *map_slot(gor *g, gframe *f, gnode *n)
{
    const gtype *mt = n->a->type->underlying;
    gmap *m = (gmap *)(uintptr_t)ev(g, f, n->a);
    int32_t ks = mt->key->size > 0 ? mt->key->size : 1;
    gcell key[ks];
    ev_to(g, f, n->b, mt->key, key);
    if (!m)
        gor_panic_plain(g, "assignment to entry in nil map");
    return gmap_assign(g, m, key);
}

static void recv_expr(gor *g, gframe *f, gnode *n, gcell *dst)
{
    gchan *c = (gchan *)(uintptr_t)ev(g, f, n->a);
    const gtype *elem = n->type;
    if (!c)
        gort_block_forever(g, GW_CHAN_RECV_NIL);
    int ok = gort_chan_recv(g, c, dst);
    if (n->y)
        cell_set(&dst[elem->size], (uint64_t)ok);
}

/* ---- calls ---- */

static int32_t sig_param_words(const gtype *sig)
{
    int32_t w = 0;
    for (int i = 0; i < sig->nparams; i++)
        w += sig->params[i]->size;
    return w;
}

static int32_t sig_result_words(const gtype *sig)
{
    int32_t w = 0;
    for (int i = 0; i < sig->nresults; i++)
        w += sig->results[i]->size;
    return w;
}

/* Evaluates a call's arguments into args, laid out as sig's parameters. */
static void call_args(gor *g, gframe *f, gnode *call, const gtype *sig, gcell *args)
{
    int np = sig->nparams;
    if (call->y == 1) { /* f(g()) */
        gnode *inner = call->list[0];
        const gtype *tt = inner->type;
        gcell tmp[tt->size > 0 ? tt->size : 1];
        evm(g, f, inner, tmp);
        int32_t off = 0, toff = 0;
        int fixed = sig->variadic ? np - 1 : np;
        for (int i = 0; i < fixed; i++) {
            assign_conv(g, tt->params[i], sig->params[i], tmp + toff, args + off);
            off += sig->params[i]->size;
            toff += tt->params[i]->size;
        }
        if (sig->variadic) {
            const gtype *et = sig->params[np - 1]->elem;
            int64_t extra = tt->nparams - fixed;
            gcell *base = gor_alloc(g, extra * et->size);
            for (int64_t k = 0; k < extra; k++) {
                assign_conv(g, tt->params[fixed + k], et, tmp + toff, base + k * et->size);
                toff += tt->params[fixed + k]->size;
            }
            cell_set(&args[off], extra ? (uint64_t)(uintptr_t)gor_slice(g, base, extra, extra) : 0);
        }
        return;
    }
    int32_t off = 0;
    int fixed = sig->variadic && !(call->flags & NF_ELLIPSIS) ? np - 1 : np;
    for (int i = 0; i < fixed; i++) {
        ev_to(g, f, call->list[i], sig->params[i], args + off);
        off += sig->params[i]->size;
    }
    if (fixed < np) {
        const gtype *et = sig->params[np - 1]->elem;
        int64_t extra = call->nlist - fixed;
        if (!extra) {
            cell_set(&args[off], 0);
            return;
        }
        gcell *base = gor_alloc(g, extra * et->size);
        for (int64_t k = 0; k < extra; k++)
            ev_to(g, f, call->list[fixed + k], et, base + k * et->size);
        cell_set(&args[off], (uint64_t)(uintptr_t)gor_slice(g, base, extra, extra));
    }
}

/* The receiver of a method found along path mp, from the value of x. */
static void method_receiver(gor *g, gframe *f, gnode *x, const gmethod_path *mp, gcell *out,
                            gcell *tmp)
{
    const gtype *xt = x->type;
    gcell *base;
    if (xt->kind == GK_POINTER) {
        base = (gcell *)(uintptr_t)ev(g, f, x);
    } else if (addr_ok(x)) {
        base = addr(g, f, x);
    } else {
        evm(g, f, x, tmp);
        base = tmp;
    }
    for (int d = 0; d < mp->depth; d++) {
        if (!base)
            nil_deref(g);
        base += mp->offsets[d];
        if (mp->derefs[d])
            base = (gcell *)(uintptr_t)cell_get(base);
    }
    if (mp->m && mp->m->ptr_recv) {
        cell_set(out, (uint64_t)(uintptr_t)base);
        return;
    }
    if (!base)
        nil_deref(g);
    cells_copy(out, base, mp->recv->size);
}

/* An interface's method for its dynamic value: the function and receiver. */
static gfunc *iface_method(gor *g, const giface *b, const char *name, gcell *recv)
{
    if (!b)
        nil_deref(g);
    gmethod_path mp;
    if (!types_find_method(b->t, name, &mp) || !mp.m)
        gor_fatal(g, "poolscope: internal error: method missing at run time");
    const gcell *base = b->v;
    if (b->t->kind == GK_POINTER)
        base = (const gcell *)(uintptr_t)cell_get(&b->v[0]);
    for (int d = 0; d < mp.depth; d++) {
        if (!base)
            nil_deref(g);
        base += mp.offsets[d];
        if (mp.derefs[d])
            base = (const gcell *)(uintptr_t)cell_get(base);
    }
    if (mp.m->ptr_recv) {
        cell_set(recv, (uint64_t)(uintptr_t)base);
    } else {
        if (!base)
            nil_deref(g);
        cells_copy(recv, base, mp.recv->size);
    }
    return mp.m->fn;
}

/* A function value of a call (the callee and, for a method value, its bound
 * receiver), and where its arguments start. */
typedef struct callee {
    gfunc *fn;
    gclosure *cl;
    const gtype *sig; /* parameters after the receiver */
    int32_t recv_words;
    gcell recv[64]; /* receiver words (a struct receiver of up to 64) */
} callee;

static void callee_of(gor *g, gframe *f, gnode *call, callee *c)
{
    gnode *fn = call->a;
    while (fn->kind == N_PAREN)
        fn = fn->a;
    c->cl = NULL;
    c->recv_words = 0;
    switch (call->xop) {
    case X_CALL:
        c->fn = call->aux;
        c->sig = c->fn->sig;
        return;
    case X_CALL_METHOD: {
        const gmethod_path *mp = fn->aux;
        const gtype *rt = mp->m && mp->m->ptr_recv ? NULL : mp->recv;
        int32_t rw = rt ? rt->size : 1;
        if (rw > 64)
            gor_fatal(g, "poolscope: a value receiver of more than 64 words (limit)");
        gcell tmp[temp_words(fn) > 0 ? temp_words(fn) : 1];
        if (mp->im) { /* a method of an embedded interface */
            gcell iw;
            gmethod_path mp2 = *mp;
            mp2.m = NULL;
            method_receiver(g, f, fn->a, &mp2, &iw, tmp);
            const giface *b = (const giface *)(uintptr_t)cell_get(&iw);
            c->fn = iface_method(g, b, fn->text, c->recv);
            c->recv_words = c->fn->sig->params[0]->size;
            c->sig = mp->im->sig;
            return;
        }
        method_receiver(g, f, fn->a, mp, c->recv, tmp);
        c->fn = mp->m->fn;
        c->recv_words = rw;
        c->sig = mp->m->sig;
        return;
    }
    case X_CALL_IFACE: {
        const giface *b = (const giface *)(uintptr_t)ev(g, f, fn->a);
        c->fn = iface_method(g, b, fn->text, c->recv);
        c->recv_words = c->fn->sig->params[0]->size;
        c->sig = fn->type;
        return;
    }
    default: {
        gclosure *cl = (gclosure *)(uintptr_t)ev(g, f, fn);
        if (!cl)
            nil_deref(g);
        c->cl = cl;
        c->fn = cl->fn;
        c->sig = fn->type->underlying;
        if (cl->bound) {
            c->recv_words = cl->nenv;
            cells_copy(c->recv, cl->env, cl->nenv);
        }
        return;
    }
    }
}

static void builtin_call(gor *g, gframe *f, gnode *n, gcell *dst);

static void call_expr(gor *g, gframe *f, gnode *n, gcell *res)
{
    if (n->xop == X_CALL_BUILTIN) {
        builtin_call(g, f, n, res);
        return;
    }
    if (n->xop == X_CONVERT) {
        convert(g, f, n, res);
        return;
    }
    if (n->xop == X_CALL && call_static_ok(n)) {
        const gfunc *fn = n->aux;
        gcell r[fn->result_words > 0 ? fn->result_words : 1];
        call_static(g, f, n, res ? res : r);
        return;
    }
    callee c;
    callee_of(g, f, n, &c);
    int32_t pw = c.recv_words + sig_param_words(c.sig);
    gcell args[pw > 0 ? pw : 1];
    cells_copy(args, c.recv, c.recv_words);
    call_args(g, f, n, c.sig, args + c.recv_words);
    int32_t rw = sig_result_words(c.sig);
    if (res) {
        call_fn(g, c.fn, c.cl, args, res);
    } else {
        gcell r[rw > 0 ? rw : 1];
        call_fn(g, c.fn, c.cl, args, r);
    }
}

/* A bound method value x.M (or i.M): a closure holding the receiver. */
static uint64_t method_value(gor *g, gframe *f, gnode *n)
{
    gcell recv[64];
    gfunc *fn;
    int32_t rw;
    if (n->xop == X_IFACE_METHODVAL) {
        const giface *b = (const giface *)(uintptr_t)ev(g, f, n->a);
        fn = iface_method(g, b, n->text, recv);
        rw = fn->sig->params[0]->size;
    } else {
        const gmethod_path *mp = n->aux;
        gcell tmp[temp_words(n) > 0 ? temp_words(n) : 1];
        method_receiver(g, f, n->a, mp, recv, tmp);
        fn = mp->m->fn;
        rw = mp->m->ptr_recv ? 1 : mp->recv->size;
    }
    gclosure *cl = gor_alloc_bytes(g, (int64_t)sizeof *cl + rw * 8);
    cl->fn = fn;
    cl->bound = 1;
    cl->nenv = rw;
    cells_copy(cl->env, recv, rw);
    return (uint64_t)(uintptr_t)cl;
}

static uint64_t func_lit(gor *g, gframe *f, gnode *n)
{
    gfunc *fn = n->aux;
    gclosure *cl = gor_alloc_bytes(g, (int64_t)sizeof *cl + fn->ncaptures * 8);
    cl->fn = fn;
    cl->nenv = fn->ncaptures;
    for (int i = 0; i < fn->ncaptures; i++) {
        const gcapture *cap = &fn->captures[i];
        uint64_t box =
            cap->from_env ? cell_get(&f->cl->env[cap->index]) : cell_get(&f->s[cap->index]);
        cell_set(&cl->env[i], box);
    }
    return (uint64_t)(uintptr_t)cl;
}

/* ---- builtins ---- */

/* A float as Go's runtime prints it (println, an unrecovered panic's
 * value): "+1.500000e+000", a sign always and three exponent digits;
 * "NaN", "+Inf", "-Inf". */
static void runtime_float(char *buf, size_t len, double v)
{
    if (isnan(v)) {
        snprintf(buf, len, "NaN");
        return;
    }
    if (isinf(v)) {
        snprintf(buf, len, "%cInf", v > 0 ? '+' : '-');
        return;
    }
    char t[40];
    snprintf(t, sizeof t, "%+.6e", v); /* "+1.500000e+00" */
    char *e = strchr(t, 'e');
    if (!e) {
        snprintf(buf, len, "%s", t);
        return;
    }
    *e = 0;
    snprintf(buf, len, "%se%c%03d", t, e[1], atoi(e + 2));
}

static void print_value(gor *g, const gtype *t, uint64_t w)
{
    char buf[64];
    int n = 0;
    const gtype *u = t->underlying;
    if (u->kind == GK_STRING) {
        const gstr *s = word_str(w);
        gor_write(g, 2, gstr_ptr(s), (size_t)gstr_len(s));
        return;
    }
    if (u->kind == GK_BOOL)
        n = snprintf(buf, sizeof buf, "%s", w ? "true" : "false");
    else if (types_is_float(u)) {
        runtime_float(buf, sizeof buf, cell_f64(w));
        n = (int)strlen(buf);
    } else if (types_is_unsigned(u))
        n = snprintf(buf, sizeof buf, "%llu", (unsigned long long)w);
    else if (types_is_integer(u))
        n = snprintf(buf, sizeof buf, "%lld", (long long)w);
    else if (u->kind == GK_INTERFACE)
        n = snprintf(buf, sizeof buf, "(%p,%p)",
                     w ? (void *)((const giface *)(uintptr_t)w)->t : NULL, (void *)(uintptr_t)w);
    else
        n = snprintf(buf, sizeof buf, "%p", (void *)(uintptr_t)w);
    gor_write(g, 2, buf, (size_t)n);
}

/* Go 1.19's malloc size classes: growslice rounds the new capacity's bytes
 * up to one, so cap() after append prints what Go prints. */
static const int32_t size_classes[] = {
    8,     16,    24,    32,    48,    64,    80,    96,    112,   128,   144,   160,
    176,   192,   208,   224,   240,   256,   288,   320,   352,   384,   416,   448,
    480,   512,   576,   640,   704,   768,   896,   1024,  1152,  1280,  1408,  1536,
    1792,  2048,  2304,  2688,  3072,  3200,  3456,  4096,  4864,  5376,  6144,  6528,
    6784,  6912,  8192,  9472,  9728,  10240, 10880, 12288, 13568, 14336, 16384, 18432,
    19072, 20480, 21760, 24576, 27264, 28672, 32768,
};

static int64_t round_up_size(int64_t n)
{
    if (n <= 32768) {
        for (size_t i = 0; i < sizeof size_classes / sizeof size_classes[0]; i++)
            if (n <= size_classes[i])
                return size_classes[i];
    }
    return (n + 8191) / 8192 * 8192;
}

static int64_t append_grow(int64_t cap, int64_t need, int64_t esize)
{
    int64_t nc = cap;
    if (need > 2 * cap) {
        nc = need;
    } else if (cap < 256) {
        nc = 2 * cap;
    } else {
        while (nc > 0 && nc < need)
            nc += (nc + 3 * 256) / 4;
        if (nc <= 0)
            nc = need;
    }
    if (esize <= 0)
        return nc;
    return round_up_size(nc * esize) / esize;
}

static uint64_t append_builtin(gor *g, gframe *f, gnode *n)
{
    const gtype *st = n->type->underlying, *et = st->elem;
    const gslice *s = word_slice(ev(g, f, n->list[0]));
    int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
    int64_t add;
    const gslice *src = NULL;
    const gstr *ssrc = NULL;
    if (n->y == 1) {
        src = word_slice(ev(g, f, n->list[1]));
        add = src ? src->len : 0;
    } else if (n->y == 2) {
        ssrc = word_str(ev(g, f, n->list[1]));
        add = gstr_len(ssrc);
    } else {
        add = n->nlist - 1;
    }
    if (!add)
        return (uint64_t)(uintptr_t)s;
    int32_t es = et->size;
    gcell *base = s ? s->base : NULL;
    int64_t need = len + add;
    if (need > cap) {
        int64_t nc = append_grow(cap, need, types_go_size(et));
        gcell *nb = gor_alloc(g, nc * es);
        if (base)
            cells_copy(nb, base, (int32_t)(len * es));
        base = nb;
        cap = nc;
    }
    if (src) {
        /* memmove semantics: src may overlap */
        if (src->base > base + len * es || src->base + add * es < base) {
            cells_copy(base + len * es, src->base, (int32_t)(add * es));
        } else {
            for (int64_t i = add * es - 1; i >= 0; i--)
                cell_set(&base[len * es + i], cell_get(&src->base[i]));
        }
    } else if (ssrc) {
        for (int64_t i = 0; i < add; i++)
            cell_set(&base[len + i], (unsigned char)ssrc->p[i]);
    } else {
        for (int64_t i = 0; i < add; i++)
            ev_to(g, f, n->list[1 + i], et, base + (len + i) * es);
    }
    return (uint64_t)(uintptr_t)gor_slice(g, base, need, cap);
}

static uint64_t make_builtin(gor *g, gframe *f, gnode *n)
{
    const gtype *t = n->type, *u = t->underlying;
    int64_t a = n->nlist > 1 ? (int64_t)ev(g, f, n->list[1]) : 0;
    int64_t b = n->nlist > 2 ? (int64_t)ev(g, f, n->list[2]) : a;
    switch (u->kind) {
    case GK_SLICE:
        if (a < 0 || a > (1ll << 40))
            gor_panic_runtime(g, "makeslice: len out of range");
        if (b < a || b > (1ll << 40))
            gor_panic_runtime(g, "makeslice: cap out of range");
        return (uint64_t)(uintptr_t)gor_slice(g, gor_alloc(g, b * u->elem->size), a, b);
    case GK_MAP:
        if (a < 0)
            gor_panic_runtime(g, "makemap: size out of range");
        return (uint64_t)(uintptr_t)gmap_new(g, t, a);
    case GK_CHAN:
        if (a < 0 || a > (1ll << 30))
            gor_panic_runtime(g, "makechan: size out of range");
        return (uint64_t)(uintptr_t)gort_chan_make(g, t, a, n->pos.line);
    default:
        return 0;
    }
}

static void builtin_call(gor *g, gframe *f, gnode *n, gcell *dst)
{
    switch (n->x) {
    case B_LEN:
    case B_CAP: {
        gnode *a = n->list[0];
        const gtype *u = a->type->underlying;
        uint64_t w = ev(g, f, a);
        int64_t r = 0;
        if (u->kind == GK_STRING)
            r = gstr_len(word_str(w));
        else if (u->kind == GK_SLICE)
            r = w ? (n->x == B_LEN ? word_slice(w)->len : word_slice(w)->cap) : 0;
        else if (u->kind == GK_MAP)
            r = gmap_len((gmap *)(uintptr_t)w);
        else if (u->kind == GK_CHAN)
            r = w ? (n->x == B_LEN ? gort_chan_len((gchan *)(uintptr_t)w)
                                   : gort_chan_cap((gchan *)(uintptr_t)w))
                  : 0;
        else if (u->kind == GK_POINTER)
            r = u->elem->underlying->len;
        cell_set(dst, (uint64_t)r);
        return;
    }
    case B_APPEND:
        cell_set(dst, append_builtin(g, f, n));
        return;
    case B_COPY: {
        const gslice *d = word_slice(ev(g, f, n->list[0]));
        int64_t k = 0;
        if (n->y) {
            const gstr *s = word_str(ev(g, f, n->list[1]));
            k = d ? (d->len < gstr_len(s) ? d->len : gstr_len(s)) : 0;
            for (int64_t i = 0; i < k; i++)
                cell_set(&d->base[i], (unsigned char)s->p[i]);
        } else {
            const gslice *s = word_slice(ev(g, f, n->list[1]));
            int32_t es = n->list[0]->type->underlying->elem->size;
            k = d && s ? (d->len < s->len ? d->len : s->len) : 0;
            if (k && d->base > s->base)
                for (int64_t i = k * es - 1; i >= 0; i--)
                    cell_set(&d->base[i], cell_get(&s->base[i]));
            else if (k)
                cells_copy(d->base, s->base, (int32_t)(k * es));
        }
        cell_set(dst, (uint64_t)k);
        return;
    }
    case B_DELETE: {
        const gtype *mt = n->list[0]->type->underlying;
        gmap *m = (gmap *)(uintptr_t)ev(g, f, n->list[0]);
        gcell key[mt->key->size > 0 ? mt->key->size : 1];
        ev_to(g, f, n->list[1], mt->key, key);
        if (m)
            gmap_delete(g, m, key);
        return;
    }
    case B_MAKE:
        cell_set(dst, make_builtin(g, f, n));
        return;
    case B_NEW:
        cell_set(dst, (uint64_t)(uintptr_t)gor_alloc(g, n->type->elem->size));
        return;
    case B_PANIC: {
        giface *v = (giface *)(uintptr_t)ev_to1(g, f, n->list[0], g->vm->prog->types.any_t);
        if (!v) /* Go 1.19: panic(nil) is a panic whose value is nil */
            gor_panic_value(g, NULL);
        gor_panic_value(g, v);
    }
    case B_RECOVER: {
        gpanic *p = g->panic;
        if (p && !p->recovered && g->depth == g->recover_depth) {
            p->recovered = 1;
            cell_set(dst, (uint64_t)(uintptr_t)p->value);
        } else {
            cell_set(dst, 0);
        }
        return;
    }
    case B_PRINT:
    case B_PRINTLN:
        for (int i = 0; i < n->nlist; i++) {
            if (i && n->x == B_PRINTLN)
                gor_write(g, 2, " ", 1);
            print_value(g, n->list[i]->type, ev(g, f, n->list[i]));
        }
        if (n->x == B_PRINTLN)
            gor_write(g, 2, "\n", 1);
        return;
    case B_CLOSE: {
        gchan *c = (gchan *)(uintptr_t)ev(g, f, n->list[0]);
        if (!c)
            gor_panic_plain(g, "close of nil channel");
        gort_chan_close(g, c);
        return;
    }
    default:
        gor_fatal(g, "poolscope: internal error: unknown builtin");
    }
}

/* ---- expressions ---- */

static __attribute__((noinline)) uint64_t ev_slow(gor *g, gframe *f, gnode *n);

/* One-word expressions: the hot opcodes here, in a function with no
 * variable-length temporaries (so no frame set-up); the rest in ev_slow. */
static uint64_t ev(gor *g, gframe *f, gnode *n)
{
    switch (n->xop) {
    case X_SLOT:
        return cell_get(&f->s[n->x]);
    case X_CONST:
        return n->cv->word;
    case X_GLOBAL:
        return cell_get(&g->vm->globals[n->sym->slot]);
    case X_ADD_INT: {
        uint64_t a = ev_fast(g, f, n->a);
        return wrap_int(a + ev_fast(g, f, n->b), n->x, n->y);
    }
    case X_SUB_INT: {
        uint64_t a = ev_fast(g, f, n->a);
        return wrap_int(a - ev_fast(g, f, n->b), n->x, n->y);
    }
    case X_MUL_INT: {
        uint64_t a = ev_fast(g, f, n->a);
        return wrap_int(a * ev_fast(g, f, n->b), n->x, n->y);
    }
    case X_LT_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a < b : (int64_t)a < (int64_t)b;
    }
    case X_LE_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a <= b : (int64_t)a <= (int64_t)b;
    }
    case X_GT_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a > b : (int64_t)a > (int64_t)b;
    }
    case X_GE_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a >= b : (int64_t)a >= (int64_t)b;
    }
    case X_EQ_WORD: {
        uint64_t a = ev_fast(g, f, n->a);
        return a == ev_fast(g, f, n->b);
    }
    case X_NE_WORD: {
        uint64_t a = ev_fast(g, f, n->a);
        return a != ev_fast(g, f, n->b);
    }
    case X_NOT:
        return !ev_fast(g, f, n->a);
    case X_LAND:
        return ev_fast(g, f, n->a) ? ev_fast(g, f, n->b) != 0 : 0;
    case X_LOR:
        return ev_fast(g, f, n->a) ? 1 : ev_fast(g, f, n->b) != 0;
    case X_CALL:
        if (call_static_ok(n) && ((const gfunc *)n->aux)->result_words == 1) {
            gcell r;
            call_static(g, f, n, &r);
            return cell_get(&r);
        }
        return ev_slow(g, f, n);
    case X_DIV_INT:
    case X_REM_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        arith_op op = {.xop = n->xop, .bits = n->x, .uns = n->y, .type = n->type};
        return int_div(g, &op, a, b, n->xop == X_REM_INT);
    }
    case X_INDEX_SLICE: { /* s[i] of a one-word element (index_addr's rule) */
        const gslice *sl = word_slice(ev_fast(g, f, n->a));
        int64_t i = (int64_t)ev_fast(g, f, n->b);
        int64_t len = sl ? sl->len : 0;
        if (i < 0 || i >= len)
            index_panic(g, i, len);
        return cell_get(sl->base + i * n->type->size);
    }
    case X_CALL_BUILTIN:
        if (n->x == B_LEN && n->nlist == 1) { /* len(s) of a string or slice */
            const gtype *u = n->list[0]->type->underlying;
            if (u->kind == GK_STRING)
                return (uint64_t)gstr_len(word_str(ev_fast(g, f, n->list[0])));
            if (u->kind == GK_SLICE) {
                uint64_t w = ev_fast(g, f, n->list[0]);
                return w ? (uint64_t)word_slice(w)->len : 0;
            }
        }
        return ev_slow(g, f, n);
    default:
        return ev_slow(g, f, n);
    }
}

static __attribute__((noinline)) uint64_t ev_slow(gor *g, gframe *f, gnode *n)
{
    switch (n->xop) {
    case X_SHARED:
        return shared_load(g, f, n);
    case X_SLOT:
        return cell_get(&f->s[n->x]);
    case X_SLOT_BOXED:
        return cell_get(frame_box(&f->s[n->x]));
    case X_CONST:
        return n->cv->word;
    case X_LOCAL: {
        gsym *s = n->sym;
        return cell_get(s->boxed ? frame_box(&f->s[s->slot]) : &f->s[s->slot]);
    }
    case X_CAPTURED:
        return cell_get((gcell *)(uintptr_t)cell_get(&f->cl->env[n->x]));
    case X_GLOBAL:
    case X_PKGVAL:
        return cell_get(&g->vm->globals[n->sym->slot]);
    case X_NIL:
        return 0;
    case X_FUNCVAL:
        return (uint64_t)(uintptr_t)fn_value(g, n->sym->fn);
    case X_PAREN:
        return ev(g, f, n->a);
    /* the commonest operators inline: one dispatch, not three */
    case X_ADD_INT: {
        uint64_t a = ev_fast(g, f, n->a);
        return wrap_int(a + ev_fast(g, f, n->b), n->x, n->y);
    }
    case X_SUB_INT: {
        uint64_t a = ev_fast(g, f, n->a);
        return wrap_int(a - ev_fast(g, f, n->b), n->x, n->y);
    }
    case X_MUL_INT: {
        uint64_t a = ev_fast(g, f, n->a);
        return wrap_int(a * ev_fast(g, f, n->b), n->x, n->y);
    }
    case X_EQ_WORD: {
        uint64_t a = ev_fast(g, f, n->a);
        return a == ev_fast(g, f, n->b);
    }
    case X_NE_WORD: {
        uint64_t a = ev_fast(g, f, n->a);
        return a != ev_fast(g, f, n->b);
    }
    case X_LT_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a < b : (int64_t)a < (int64_t)b;
    }
    case X_LE_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a <= b : (int64_t)a <= (int64_t)b;
    }
    case X_GT_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a > b : (int64_t)a > (int64_t)b;
    }
    case X_GE_INT: {
        uint64_t a = ev_fast(g, f, n->a), b = ev_fast(g, f, n->b);
        return n->y ? a >= b : (int64_t)a >= (int64_t)b;
    }
    case X_DIV_INT:
    case X_REM_INT:
    case X_AND:
    case X_OR:
    case X_XOR:
    case X_ANDNOT:
    case X_SHL:
    case X_SHR:
    case X_ADD_FLOAT:
    case X_SUB_FLOAT:
    case X_MUL_FLOAT:
    case X_DIV_FLOAT:
    case X_ADD_STR: {
        uint64_t a = ev(g, f, n->a);
        arith_op op = {
            .xop = n->xop, .bits = n->x, .uns = n->y, .type = n->type, .rhs_ty = n->b->type};
        return arith(g, &op, a, ev(g, f, n->b));
    }
    case X_LAND:
        return ev(g, f, n->a) ? ev(g, f, n->b) != 0 : 0;
    case X_LOR:
        return ev(g, f, n->a) ? 1 : ev(g, f, n->b) != 0;
    case X_EQ_FLOAT:
    case X_NE_FLOAT:
    case X_LT_FLOAT:
    case X_LE_FLOAT:
    case X_GT_FLOAT:
    case X_GE_FLOAT:
    case X_EQ_STR:
    case X_NE_STR:
    case X_LT_STR:
    case X_LE_STR:
    case X_GT_STR:
    case X_GE_STR:
    case X_EQ_ANY:
    case X_NE_ANY:
    case X_EQ_NILCMP:
    case X_NE_NILCMP:
        return compare(g, f, n);
    case X_NEG_INT:
        return wrap_int(0 - ev(g, f, n->a), n->x, n->y);
    case X_NEG_FLOAT:
        return f64_cell(-cell_f64(ev(g, f, n->a)));
    case X_PLUS:
        return ev(g, f, n->a);
    case X_NOT:
        return !ev(g, f, n->a);
    case X_COMPL:
        return wrap_int(~ev(g, f, n->a), n->x, n->y);
    case X_ADDR: {
        gnode *x = n->a;
        while (x->kind == N_PAREN)
            x = x->a;
        if (x->kind == N_COMPOSITE) {
            gcell *p = gor_alloc(g, x->type->size);
            composite(g, f, x, p);
            return (uint64_t)(uintptr_t)p;
        }
        return (uint64_t)(uintptr_t)addr(g, f, x);
    }
    case X_DEREF: {
        gcell *p = (gcell *)(uintptr_t)ev(g, f, n->a);
        if (!p)
            nil_deref(g);
        return cell_get(p);
    }
    case X_FIELD: {
        gcell tmp[temp_words(n)];
        return cell_get(field_addr(g, f, n, tmp));
    }
    case X_INDEX_SLICE:
    case X_INDEX_ARRAY:
    case X_INDEX_PTRARRAY: {
        gcell tmp[temp_words(n)];
        return cell_get(index_addr(g, f, n, tmp));
    }
    case X_INDEX_STRING: {
        const gstr *s = word_str(ev(g, f, n->a));
        int64_t i = (int64_t)ev(g, f, n->b);
        if (i < 0 || i >= gstr_len(s))
            index_panic(g, i, gstr_len(s));
        return (unsigned char)s->p[i];
    }
    case X_SLICE_SLICE:
    case X_SLICE_ARRAY:
    case X_SLICE_STRING:
        return slice_expr(g, f, n);
    case X_METHODVAL:
    case X_IFACE_METHODVAL:
        return method_value(g, f, n);
    case X_METHODEXPR:
        return (uint64_t)(uintptr_t)fn_value(g, ((const gmethod_path *)n->aux)->m->fn);
    case X_FUNCLIT:
        return func_lit(g, f, n);
    case X_CALL_BUILTIN:
        if (n->x == B_LEN && n->nlist == 1) { /* len(s) of a string or slice: inline */
            const gtype *u = n->list[0]->type->underlying;
            if (u->kind == GK_STRING)
                return (uint64_t)gstr_len(word_str(ev_fast(g, f, n->list[0])));
            if (u->kind == GK_SLICE) {
                uint64_t w = ev_fast(g, f, n->list[0]);
                return w ? (uint64_t)word_slice(w)->len : 0;
            }
        }
        goto general;
    case X_CALL:
        if (call_static_ok(n) && ((const gfunc *)n->aux)->result_words == 1) {
            gcell r;
            call_static(g, f, n, &r);
            return cell_get(&r);
        }
        goto general;
    default:
    general : {
        gcell w[n->type && n->type->size > 1 ? n->type->size + 1 : 2];
        evm(g, f, n, w);
        return cell_get(&w[0]);
    }
    }
}

static void evm(gor *g, gframe *f, gnode *n, gcell *dst)
{
    const gtype *t = n->type;
    int32_t size = t ? t->size : 0;
    switch (n->xop) {
    case X_CALL:
    case X_CALL_VALUE:
    case X_CALL_METHOD:
    case X_CALL_IFACE:
    case X_CALL_BUILTIN:
    case X_CONVERT:
        call_expr(g, f, n, dst);
        return;
    case X_COMPOSITE:
        composite(g, f, n, dst);
        return;
    case X_INDEX_MAP:
        map_index(g, f, n, dst);
        return;
    case X_RECV:
        recv_expr(g, f, n, dst);
        return;
    case X_TYPEASSERT:
        type_assert(g, f, n, dst);
        return;
    case X_PAREN:
        evm(g, f, n->a, dst);
        return;
    default:
        break;
    }
    if (t && size == 0)
        return; /* struct{}{}: nothing to copy */
    if (size <= 1) {
        cell_set(dst, ev(g, f, n));
        return;
    }
    switch (n->xop) {
    case X_DEREF: {
        gcell *p = (gcell *)(uintptr_t)ev(g, f, n->a);
        if (!p)
            nil_deref(g);
        cells_copy(dst, p, size);
        return;
    }
    case X_FIELD: {
        gcell tmp[temp_words(n)];
        cells_copy(dst, field_addr(g, f, n, tmp), size);
        return;
    }
    case X_INDEX_SLICE:
    case X_INDEX_ARRAY:
    case X_INDEX_PTRARRAY: {
        gcell tmp[temp_words(n)];
        cells_copy(dst, index_addr(g, f, n, tmp), size);
        return;
    }
    default: {
        gcell *p = addr(g, f, n);
        if (!p)
            gor_fatal(g, "poolscope: internal error: no value for a multi-word expression");
        cells_copy(dst, p, size);
    }
    }
}

/* ---- assignment ---- */

static void store(gor *g, gframe *f, gnode *l, const gtype *from, const gcell *v)
{
    if (l->xop == X_BLANK)
        return;
    const gtype *to = l->type;
    if (l->kind == N_INDEX && l->xop == X_INDEX_MAP) {
        gcell *slot = map_slot(g, f, l);
        assign_conv(g, from, to, v, slot);
        return;
    }
    if (l->xop == X_SHARED) { /* an integer: one word, no conversion */
        gcell w[1];
        assign_conv(g, from, to, v, w);
        shared_store(g, f, l, cell_get(w));
        return;
    }
    gcell *p = addr(g, f, l);
    if (!p)
        gor_fatal(g, "poolscope: internal error: assignment to a non-addressable place");
    assign_conv(g, from, to, v, p);
}

static int32_t tuple_words(const gtype *t)
{
    return t && t->size > 0 ? t->size + 1 : 2;
}

static void assign_stmt(gor *g, gframe *f, gnode *s)
{
    int nl = s->nlist, nr = s->nlist2;
    if (s->op != T_ASSIGN && s->op != T_DEFINE) { /* x op= y */
        gnode *l = s->list[0];
        arith_op op = {
            .xop = s->xop, .bits = s->x, .uns = s->y, .type = l->type, .rhs_ty = s->list2[0]->type};
        if (l->xop == X_INDEX_MAP) {
            gcell *slot = map_slot(g, f, l);
            uint64_t a = cell_get(slot);
            cell_set(slot, arith(g, &op, a, ev(g, f, s->list2[0])));
            return;
        }
        if (l->xop == X_SHARED) { /* a watched load, then a watched store */
            uint64_t a = shared_load(g, f, l);
            shared_store(g, f, l, arith(g, &op, a, ev(g, f, s->list2[0])));
            return;
        }
        gcell *p = addr(g, f, l);
        uint64_t a = cell_get(p);
        if (!frame_private(l))
            gort_point(g); /* a shared variable's load and store are two steps */
        uint64_t r = arith(g, &op, a, ev(g, f, s->list2[0]));
        cell_set(p, r);
        return;
    }
    if (nr == 1 && nl > 1) { /* a, b := f() / v, ok := m[k] */
        gnode *r = s->list2[0];
        const gtype *rt = r->type;
        gcell tmp[tuple_words(rt) + 1];
        evm(g, f, r, tmp);
        int32_t off = 0;
        for (int i = 0; i < nl; i++) {
            const gtype *et = s->y == 1 ? rt->params[i]
                              : i == 0  ? rt
                                        : g->vm->prog->types.basic[GK_BOOL];
            gnode *l = s->list[i];
            if (s->op == T_DEFINE && (l->flags & NF_ADDRESSED)) {
                gcell *p = var_declare(g, f, l->sym);
                assign_conv(g, et, l->sym->type, tmp + off, p);
            } else {
                store(g, f, l, et, tmp + off);
            }
            off += et->size;
        }
        return;
    }
    if (nl == 1) {
        gnode *l = s->list[0];
        if (s->op == T_DEFINE && (l->flags & NF_ADDRESSED)) {
            gcell *p = var_declare(g, f, l->sym);
            ev_to(g, f, s->list2[0], l->sym->type, p);
            return;
        }
        if (l->xop == X_BLANK) {
            gcell tmp[tuple_words(s->list2[0]->type)];
            evm(g, f, s->list2[0], tmp);
            return;
        }
        if (l->xop == X_INDEX_MAP) {
            gcell tmp[tuple_words(l->type)];
            ev_to(g, f, s->list2[0], l->type, tmp);
            gcell *slot = map_slot(g, f, l);
            cells_copy(slot, tmp, l->type->size);
            return;
        }
        int32_t sz = l->type->size;
        gcell tmp[sz > 0 ? sz : 1];
        ev_to(g, f, s->list2[0], l->type, tmp);
        if (l->xop == X_SHARED) {
            shared_store(g, f, l, cell_get(&tmp[0]));
            return;
        }
        gcell *p = addr(g, f, l);
        cells_copy(p, tmp, sz);
        return;
    }
    /* a, b = b, a.  Go's two phases: the index and pointer operands on the
     * left and every right side are evaluated first, in order; then the
     * assignments happen left to right.  i, s[i] = 1, 2 sets the old s[i]. */
    gcell *dst[nl];
    gmap *maps[nl];
    gcell *keys[nl];
    for (int i = 0; i < nl; i++) {
        gnode *l = s->list[i];
        dst[i] = NULL;
        maps[i] = NULL;
        keys[i] = NULL;
        if (l->xop == X_BLANK || (s->op == T_DEFINE && (l->flags & NF_ADDRESSED)))
            continue;
        if (l->xop == X_INDEX_MAP) {
            const gtype *mt = l->a->type->underlying;
            maps[i] = (gmap *)(uintptr_t)ev(g, f, l->a);
            keys[i] = gor_alloc(g, mt->key->size > 0 ? mt->key->size : 1);
            ev_to(g, f, l->b, mt->key, keys[i]);
            continue;
        }
        dst[i] = addr(g, f, l);
    }
    int32_t total = 0;
    for (int i = 0; i < nr; i++)
        total += s->list[i]->type ? s->list[i]->type->size
                                  : (s->list2[i]->type ? s->list2[i]->type->size : 1);
    gcell tmp[total > 0 ? total : 1];
    int32_t off = 0;
    for (int i = 0; i < nr; i++) {
        const gtype *to = s->list[i]->xop == X_BLANK ? s->list2[i]->type : s->list[i]->type;
        if (s->op == T_DEFINE && (s->list[i]->flags & NF_ADDRESSED))
            to = s->list[i]->sym->type;
        ev_to(g, f, s->list2[i], to, tmp + off);
        off += to ? to->size : 1;
    }
    off = 0;
    for (int i = 0; i < nl; i++) {
        gnode *l = s->list[i];
        const gtype *to = l->xop == X_BLANK ? s->list2[i]->type : l->type;
        if (s->op == T_DEFINE && (l->flags & NF_ADDRESSED)) {
            to = l->sym->type;
            cells_copy(var_declare(g, f, l->sym), tmp + off, to->size);
        } else if (keys[i]) {
            if (!maps[i])
                gor_panic_plain(g, "assignment to entry in nil map");
            cells_copy(gmap_assign(g, maps[i], keys[i]), tmp + off, to->size);
        } else if (dst[i]) {
            cells_copy(dst[i], tmp + off, to->size);
        }
        off += to ? to->size : 1;
    }
}

static void var_decl(gor *g, gframe *f, gnode *spec)
{
    int nl = spec->nlist, nr = spec->nlist2;
    if (nr == 1 && nl > 1) {
        gnode *r = spec->list2[0];
        const gtype *rt = r->type;
        gcell tmp[tuple_words(rt) + 1];
        evm(g, f, r, tmp);
        int32_t off = 0;
        for (int i = 0; i < nl; i++) {
            const gtype *et = spec->y == 1 ? rt->params[i]
                              : i == 0     ? rt
                                           : g->vm->prog->types.basic[GK_BOOL];
            gnode *l = spec->list[i];
            if (l->xop != X_BLANK)
                assign_conv(g, et, l->sym->type, tmp + off, var_declare(g, f, l->sym));
            off += et->size;
        }
        return;
    }
    for (int i = 0; i < nl; i++) {
        gnode *l = spec->list[i];
        if (l->xop == X_BLANK) {
            if (nr) {
                gcell tmp[tuple_words(spec->list2[i]->type)];
                evm(g, f, spec->list2[i], tmp);
            }
            continue;
        }
        gcell *p = var_declare(g, f, l->sym);
        if (nr)
            ev_to(g, f, spec->list2[i], l->sym->type, p);
        else
            cells_zero(p, l->sym->type->size);
    }
}

/* ---- statements ---- */

static int exec_list(gor *g, gframe *f, gnode **list, int n)
{
    for (int i = 0; i < n; i++) {
        int r = exec(g, f, list[i]);
        if (r)
            return r;
    }
    return EX_NORMAL;
}

/* After a loop body: does control leave the loop?  Returns -1 to go on. */
static int loop_control(gframe *f, gnode *loop, int r)
{
    if (r == EX_BREAK) {
        if (!f->target || f->target == loop) {
            f->target = NULL;
            return EX_NORMAL;
        }
        return r;
    }
    if (r == EX_CONTINUE) {
        if (!f->target || f->target == loop) {
            f->target = NULL;
            return -1;
        }
        return r;
    }
    if (r)
        return r;
    return -1;
}

/* for i := a; i < n; i++ on a frame-private int i and a leaf n: the
 * condition and the increment inline, each still a step point. */
static int for_counted(const gnode *s)
{
    const gnode *b = s->b, *c = s->c;
    return b && c && b->xop == X_LT_INT && !b->y && b->a->xop == X_SLOT &&
           (b->b->xop == X_SLOT || b->b->xop == X_CONST) && c->kind == N_INCDEC && c->op == T_INC &&
           c->a->xop == X_SLOT && c->a->x == b->a->x && c->x == 64;
}

static int exec_for_counted(gor *g, gframe *f, gnode *s)
{
    gcell *i = &f->s[s->b->a->x];
    gnode *n = s->b->b;
    for (;;) {
        gort_at(g, s->pos.line);
        int64_t bound = (int64_t)ev_fast(g, f, n);
        if (!((int64_t)cell_get(i) < bound))
            return EX_NORMAL;
        int r = loop_control(f, s, exec_list(g, f, s->d->list, s->d->nlist));
        if (r >= 0)
            return r;
        gort_at(g, s->pos.line);
        cell_set(i, cell_get(i) + 1);
    }
}

static int exec_for(gor *g, gframe *f, gnode *s)
{
    if (s->a)
        exec(g, f, s->a);
    if (for_counted(s))
        return exec_for_counted(g, f, s);
    for (;;) {
        if (s->b) {
            gort_at(g, s->pos.line);
            if (!ev_fast(g, f, s->b))
                return EX_NORMAL;
        }
        int r = loop_control(f, s, exec_list(g, f, s->d->list, s->d->nlist));
        if (r >= 0)
            return r;
        if (s->c)
            exec(g, f, s->c);
        else if (!s->b)
            gort_at(g, s->pos.line); /* for {}: still a step point each turn */
    }
}

static void range_assign(gor *g, gframe *f, gnode *s, gnode *l, const gtype *t, const gcell *v)
{
    if (!l || l->xop == X_BLANK)
        return;
    if (s->op == T_DEFINE)
        cells_copy(l->sym->boxed ? frame_box(&f->s[l->sym->slot]) : &f->s[l->sym->slot], v,
                   t->size);
    else
        store(g, f, l, t, v);
}

static int exec_range(gor *g, gframe *f, gnode *s)
{
    const gtype *xt = s->c->type->underlying;
    if (s->op == T_DEFINE) { /* Go 1.19: the iteration variables are declared once */
        if (s->a && s->a->xop != X_BLANK)
            var_declare(g, f, s->a->sym);
        if (s->b && s->b->xop != X_BLANK)
            var_declare(g, f, s->b->sym);
    }
    gcell key[1];
    int r;
    switch (s->x) {
    case GK_STRING: {
        const gstr *str = word_str(ev(g, f, s->c));
        int64_t n = gstr_len(str);
        const unsigned char *p = (const unsigned char *)gstr_ptr(str);
        for (int64_t i = 0; i < n;) {
            gort_at(g, s->pos.line);
            int size;
            uint32_t rune = lex_utf8_decode(p + i, (size_t)(n - i), &size);
            gcell rv[1];
            cell_set(key, (uint64_t)i);
            cell_set(rv, rune);
            range_assign(g, f, s, s->a, g->vm->prog->types.basic[GK_INT], key);
            range_assign(g, f, s, s->b, g->vm->prog->types.rune_t, rv);
            i += size;
            r = loop_control(f, s, exec_list(g, f, s->d->list, s->d->nlist));
            if (r >= 0)
                return r;
        }
        return EX_NORMAL;
    }
    case GK_SLICE:
    case GK_ARRAY:
    case GK_POINTER: {
        gcell *base;
        int64_t len;
        const gtype *et;
        if (xt->kind == GK_SLICE) {
            const gslice *sl = word_slice(ev(g, f, s->c));
            base = sl ? sl->base : NULL;
            len = sl ? sl->len : 0;
            et = xt->elem;
        } else {
            const gtype *at = xt->kind == GK_POINTER ? xt->elem->underlying : xt;
            et = at->elem;
            len = at->len;
            if (xt->kind == GK_POINTER) {
                base = (gcell *)(uintptr_t)ev(g, f, s->c);
                if (!base && s->b)
                    nil_deref(g);
            } else if (s->b) { /* range over an array copies it */
                base = gor_alloc(g, at->size);
                evm(g, f, s->c, base);
            } else {
                base = NULL;
            }
        }
        for (int64_t i = 0; i < len; i++) {
            gort_at(g, s->pos.line);
            cell_set(key, (uint64_t)i);
            range_assign(g, f, s, s->a, g->vm->prog->types.basic[GK_INT], key);
            if (s->b)
                range_assign(g, f, s, s->b, et, base + i * et->size);
            r = loop_control(f, s, exec_list(g, f, s->d->list, s->d->nlist));
            if (r >= 0)
                return r;
        }
        return EX_NORMAL;
    }
    case GK_MAP: {
        gmap *m = (gmap *)(uintptr_t)ev(g, f, s->c);
        gcell *k, *v;
        for (int64_t pos = m ? gmap_next(g, m, 0, &k, &v) : -1; pos >= 0;
             pos = gmap_next(g, m, pos, &k, &v)) {
            gort_at(g, s->pos.line);
            range_assign(g, f, s, s->a, xt->key, k);
            range_assign(g, f, s, s->b, xt->elem, v);
            r = loop_control(f, s, exec_list(g, f, s->d->list, s->d->nlist));
            if (r >= 0)
                return r;
        }
        return EX_NORMAL;
    }
    case GK_CHAN: {
        gchan *c = (gchan *)(uintptr_t)ev(g, f, s->c);
        int32_t es = xt->elem->size;
        gcell v[es > 0 ? es : 1];
        for (;;) {
            gort_at(g, s->pos.line);
            if (!c)
                gort_block_forever(g, GW_CHAN_RECV_NIL);
            if (!gort_chan_recv(g, c, v))
                return EX_NORMAL;
            range_assign(g, f, s, s->a, xt->elem, v);
            r = loop_control(f, s, exec_list(g, f, s->d->list, s->d->nlist));
            if (r >= 0)
                return r;
        }
    }
    default:
        return EX_NORMAL;
    }
}

static int exec_switch(gor *g, gframe *f, gnode *s)
{
    if (s->a)
        exec(g, f, s->a);
    const gtype *tt = s->b ? s->b->type : NULL;
    int32_t ts = tt && tt->size > 0 ? tt->size : 1;
    gcell tag[ts];
    if (s->b)
        evm(g, f, s->b, tag);
    int chosen = -1, deflt = -1;
    for (int i = 0; i < s->nlist && chosen < 0; i++) {
        gnode *cl = s->list[i];
        if (cl->flags & NF_EMBEDDED)
            deflt = i;
        for (int k = 0; k < cl->nlist; k++) {
            gnode *e = cl->list[k];
            int hit;
            if (!s->b) {
                hit = ev(g, f, e) != 0;
            } else {
                gnode *cmp = e->aux;
                const gtype *ct = cmp->xop == X_EQ_ANY ? cmp->aux : tt;
                gcell a[ct->size > 0 ? ct->size : 1], b[ct->size > 0 ? ct->size : 1];
                assign_conv(g, tt, ct, tag, a);
                ev_to(g, f, e, ct, b);
                if (cmp->xop == X_EQ_STR)
                    hit = str_eq(word_str(cell_get(a)), word_str(cell_get(b)));
                else if (cmp->xop == X_EQ_FLOAT)
                    hit = cell_f64(cell_get(a)) == cell_f64(cell_get(b));
                else if (cmp->xop == X_EQ_WORD)
                    hit = cell_get(a) == cell_get(b);
                else
                    hit = values_equal(g, ct, a, b);
            }
            if (hit) {
                chosen = i;
                break;
            }
        }
    }
    if (chosen < 0)
        chosen = deflt;
    if (chosen < 0)
        return EX_NORMAL;
    for (int i = chosen; i < s->nlist; i++) {
        gnode *cl = s->list[i];
        int r = exec_list(g, f, cl->list2, cl->nlist2);
        if (r == EX_FALLTHROUGH)
            continue;
        if (r == EX_BREAK && (!f->target || f->target == s)) {
            f->target = NULL;
            return EX_NORMAL;
        }
        return r;
    }
    return EX_NORMAL;
}

static int exec_typeswitch(gor *g, gframe *f, gnode *s)
{
    if (s->a)
        exec(g, f, s->a);
    gnode *guard = s->b;
    gnode *x = guard->kind == N_ASSIGN ? guard->list2[0]->a : guard->a->a;
    const giface *b = (const giface *)(uintptr_t)ev(g, f, x);
    int chosen = -1, deflt = -1;
    const gtype *match = NULL;
    for (int i = 0; i < s->nlist && chosen < 0; i++) {
        gnode *cl = s->list[i];
        if (cl->flags & NF_EMBEDDED)
            deflt = i;
        for (int k = 0; k < cl->nlist; k++) {
            gnode *e = cl->list[k];
            const gtype *t = e->xop == X_NIL ? NULL : e->type;
            int hit = !t                        ? b == NULL
                      : t->kind == GK_INTERFACE ? b && dyn_implements(b->t, t)
                                                : b && b->t == t;
            if (hit) {
                chosen = i;
                match = t;
                break;
            }
        }
    }
    if (chosen < 0)
        chosen = deflt;
    if (chosen < 0)
        return EX_NORMAL;
    gnode *cl = s->list[chosen];
    if (cl->sym) {
        gcell *p = var_declare(g, f, cl->sym);
        const gtype *vt = cl->sym->type;
        if (vt->kind == GK_INTERFACE)
            cell_set(p, (uint64_t)(uintptr_t)b);
        else if (b && match)
            cells_copy(p, b->v, vt->size);
        else
            cells_zero(p, vt->size);
    }
    int r = exec_list(g, f, cl->list2, cl->nlist2);
    if (r == EX_BREAK && (!f->target || f->target == s)) {
        f->target = NULL;
        return EX_NORMAL;
    }
    return r;
}

static int exec_select(gor *g, gframe *f, gnode *s)
{
    int n = s->nlist, has_default = 0;
    gselcase cases[n > 0 ? n : 1];
    int map[n > 0 ? n : 1];
    int nc = 0, deflt = -1;
    /* every channel and sent value is evaluated first, in source order */
    int32_t words = 0;
    for (int i = 0; i < n; i++) {
        gnode *comm = s->list[i]->a;
        if (!comm)
            continue;
        gnode *ch = comm->kind == N_SEND ? comm->a : NULL;
        const gtype *ct = ch ? ch->type : NULL;
        (void)ct;
        words += 2 * 16;
    }
    gcell buf[words > 0 ? words : 1];
    int32_t off = 0;
    for (int i = 0; i < n; i++) {
        gnode *comm = s->list[i]->a;
        if (!comm) {
            has_default = 1;
            deflt = i;
            continue;
        }
        gselcase *c = &cases[nc];
        memset(c, 0, sizeof *c);
        if (comm->kind == N_SEND) {
            const gtype *et = comm->a->type->underlying->elem;
            c->c = (gchan *)(uintptr_t)ev(g, f, comm->a);
            c->send = 1;
            gcell *v = et->size <= 16 ? buf + off : gor_alloc(g, et->size);
            off += 16;
            ev_to(g, f, comm->b, et, v);
            c->v = v;
        } else {
            gnode *rx = comm->kind == N_EXPRSTMT ? comm->a : comm->list2[0];
            while (rx->kind == N_PAREN)
                rx = rx->a;
            const gtype *et = rx->a->type->underlying->elem;
            c->c = (gchan *)(uintptr_t)ev(g, f, rx->a);
            c->dst = et->size <= 16 ? buf + off : gor_alloc(g, et->size);
            off += 16;
        }
        map[nc++] = i;
    }
    gort_point(g);
    int k = gort_select(g, cases, nc, has_default);
    int chosen = k < 0 ? deflt : map[k];
    gnode *cl = s->list[chosen];
    gnode *comm = cl->a;
    if (comm && comm->kind == N_ASSIGN) {
        gnode *rx = comm->list2[0];
        while (rx->kind == N_PAREN)
            rx = rx->a;
        const gtype *et = rx->a->type->underlying->elem;
        gcell okw[1];
        cell_set(okw, (uint64_t)cases[k].ok);
        for (int i = 0; i < comm->nlist; i++) {
            gnode *l = comm->list[i];
            const gtype *vt = i == 0 ? et : g->vm->prog->types.basic[GK_BOOL];
            const gcell *v = i == 0 ? cases[k].dst : okw;
            if (comm->op == T_DEFINE && (l->flags & NF_ADDRESSED))
                assign_conv(g, vt, l->sym->type, v, var_declare(g, f, l->sym));
            else
                store(g, f, l, vt, v);
        }
    }
    int r = exec_list(g, f, cl->list2, cl->nlist2);
    if (r == EX_BREAK && (!f->target || f->target == s)) {
        f->target = NULL;
        return EX_NORMAL;
    }
    return r;
}

/* go / defer: the function value and its arguments, evaluated now. */
static gclosure *deferred_call(gor *g, gframe *f, gnode *call, gcell **args_out, int32_t *nwords)
{
    callee c;
    callee_of(g, f, call, &c);
    int32_t pw = c.recv_words + sig_param_words(c.sig);
    gcell *args = gor_alloc(g, pw);
    cells_copy(args, c.recv, c.recv_words);
    call_args(g, f, call, c.sig, args + c.recv_words);
    gclosure *cl = c.cl;
    if (!cl || cl->bound) { /* the receiver, if any, is already in args */
        cl = gor_alloc_bytes(g, sizeof *cl);
        cl->fn = c.fn;
    }
    *args_out = args;
    *nwords = pw;
    return cl;
}

/* A deferred builtin (defer close(ch), defer panic(x)): run at exit with
 * its arguments evaluated at the defer statement. */
typedef struct gdefer_builtin {
    gnode *call;
    gcell vals[8];
} gdefer_builtin;

static void exec_defer(gor *g, gframe *f, gnode *s)
{
    gnode *call = s->a;
    gdefer *d = gor_alloc_bytes(g, sizeof *d);
    if (call->xop == X_CALL_BUILTIN) {
        if (call->nlist > 8)
            gor_fatal(g, "poolscope: a deferred builtin with more than 8 arguments (limit)");
        /* keep the node; its arguments are evaluated now into a copy */
        gnode *copy = gor_alloc_bytes(g, sizeof *copy);
        *copy = *call;
        copy->list = gor_alloc_bytes(g, (int64_t)sizeof(gnode *) * (call->nlist + 1));
        for (int i = 0; i < call->nlist; i++) {
            gnode *a = call->list[i];
            gnode *lit = gor_alloc_bytes(g, sizeof *lit);
            gconst *cv = gor_alloc_bytes(g, sizeof *cv);
            const gtype *want = call->x == B_PANIC ? g->vm->prog->types.any_t : a->type;
            cv->word = ev_to1(g, f, a, want);
            lit->kind = N_BASICLIT;
            lit->xop = X_CONST;
            lit->cv = cv;
            lit->type = (gtype *)want;
            copy->list[i] = lit;
        }
        d->cl = NULL;
        d->args = (gcell *)(void *)copy;
    } else {
        int32_t nw;
        d->cl = deferred_call(g, f, call, &d->args, &nw);
    }
    d->next = f->df->defers;
    f->df->defers = d;
}

static void run_defer(gor *g, gframe *f, gdefer *d)
{
    if (!d->cl) {
        gnode *call = (gnode *)(void *)d->args;
        builtin_call(g, f, call, NULL);
        return;
    }
    int32_t rw = sig_result_words(d->cl->fn->sig);
    gcell res[rw > 0 ? rw : 1];
    call_fn(g, d->cl->fn, d->cl, d->args, res);
}

static int exec_return(gor *g, gframe *f, gnode *s)
{
    gfunc *fn = f->fn;
    if (!s->nlist)
        return EX_RETURN;
    int32_t total = fn->result_words;
    gcell tmp[total > 0 ? total : 1];
    if (s->y == 1) {
        gnode *r = s->list[0];
        gcell t2[tuple_words(r->type)];
        evm(g, f, r, t2);
        int32_t off = 0, toff = 0;
        for (int i = 0; i < fn->nresults; i++) {
            const gtype *want = fn->sig->results[i];
            assign_conv(g, r->type->params[i], want, t2 + toff, tmp + off);
            off += want->size;
            toff += r->type->params[i]->size;
        }
    } else {
        /* all results evaluated before any is stored: return b, a */
        int32_t off = 0;
        for (int i = 0; i < fn->nresults; i++) {
            ev_to(g, f, s->list[i], fn->sig->results[i], tmp + off);
            off += fn->sig->results[i]->size;
        }
    }
    /* into the result variables (a boxed one's box: deferred calls see it) */
    int32_t off = 0;
    for (int i = 0; i < fn->nresults; i++) {
        gsym *rs = fn->results[i];
        int32_t sz = fn->sig->results[i]->size;
        gcell *dst = f->s + fn->param_words + off;
        if (rs && rs->boxed)
            dst = frame_box(&f->s[rs->slot]);
        cells_copy(dst, tmp + off, sz);
        off += sz;
    }
    return EX_RETURN;
}

/* The statements of loop bodies in their commonest forms, in a function
 * small enough that its prologue costs nothing; 1 if s was run. */
static inline int exec_fast(gor *g, gframe *f, gnode *s, int *r)
{
    switch (s->kind) {
    case N_INCDEC: { /* i++ on a frame-private int */
        gnode *l = s->a;
        if (l->xop != X_SLOT || s->xop == X_ADD_FLOAT)
            return 0;
        gcell *p = &f->s[l->x];
        uint64_t v = cell_get(p);
        cell_set(p, wrap_int(s->op == T_INC ? v + 1 : v - 1, s->x, s->y));
        *r = EX_NORMAL;
        return 1;
    }
    case N_ASSIGN: {
        if (s->nlist != 1 || s->nlist2 != 1)
            return 0;
        gnode *l = s->list[0];
        if (l->xop != X_SLOT)
            return 0;
        gcell *p = &f->s[l->x];
        if (s->op == T_ASSIGN || (s->op == T_DEFINE && !(l->flags & NF_ADDRESSED))) {
            if (l->type->size != 1 || l->type->kind == GK_INTERFACE)
                return 0;
            uint64_t v = ev_fast(g, f, s->list2[0]); /* x = e: one word, no boxing */
            cell_set(p, v);
        } else if (s->xop == X_ADD_INT || s->xop == X_SUB_INT) { /* sum += i */
            uint64_t b = ev_fast(g, f, s->list2[0]);
            uint64_t a = cell_get(p);
            cell_set(p, wrap_int(s->xop == X_ADD_INT ? a + b : a - b, s->x, s->y));
        } else {
            return 0;
        }
        *r = EX_NORMAL;
        return 1;
    }
    case N_RETURN: { /* return e: one word, no box */
        gfunc *fn = f->fn;
        if (s->nlist != 1 || fn->nresults != 1 || s->y == 1)
            return 0;
        const gtype *want = fn->sig->results[0];
        gsym *rs = fn->results[0];
        if (want->size != 1 || want->kind == GK_INTERFACE || (rs && rs->boxed))
            return 0;
        uint64_t v = ev_fast(g, f, s->list[0]);
        cell_set(f->s + fn->param_words, v);
        *r = EX_RETURN;
        return 1;
    }
    case N_IF:
        if (s->a)
            return 0;
        if (ev_fast(g, f, s->b))
            *r = exec_list(g, f, s->c->list, s->c->nlist);
        else if (s->d)
            *r = s->d->kind == N_IF ? exec(g, f, s->d) : exec_list(g, f, s->d->list, s->d->nlist);
        else
            *r = EX_NORMAL;
        return 1;
    case N_FOR:
        *r = exec_for(g, f, s);
        return 1;
    default:
        return 0;
    }
}

static __attribute__((noinline)) int exec_stmt(gor *g, gframe *f, gnode *s);

static int exec(gor *g, gframe *f, gnode *s)
{
    gort_at(g, s->pos.line);
    int r;
    if (exec_fast(g, f, s, &r))
        return r;
    return exec_stmt(g, f, s);
}

/* Every statement (exec's slow path: its step point already passed). */
static __attribute__((noinline)) int exec_stmt(gor *g, gframe *f, gnode *s)
{
    switch (s->kind) {
    case N_EMPTY:
        return EX_NORMAL;
    case N_EXPRSTMT: {
        gnode *x = s->a;
        gcell tmp[tuple_words(x->type) + 1];
        evm(g, f, x, tmp);
        return EX_NORMAL;
    }
    case N_DECLSTMT:
        if (s->a->op == T_VAR)
            for (int i = 0; i < s->a->nlist; i++)
                var_decl(g, f, s->a->list[i]);
        return EX_NORMAL;
    case N_ASSIGN:
        assign_stmt(g, f, s);
        return EX_NORMAL;
    case N_INCDEC: {
        gnode *l = s->a;
        if (l->xop == X_SHARED) { /* x++: a watched load, then a watched store */
            uint64_t v = shared_load(g, f, l);
            shared_store(g, f, l, wrap_int(s->op == T_INC ? v + 1 : v - 1, s->x, s->y));
            return EX_NORMAL;
        }
        gcell *p = l->xop == X_INDEX_MAP ? map_slot(g, f, l) : addr(g, f, l);
        uint64_t v = cell_get(p);
        if (!frame_private(l))
            gort_point(g); /* the load and the store of x++ are two steps: a race shows */
        if (s->xop == X_ADD_FLOAT) {
            double d = cell_f64(v) + (s->op == T_INC ? 1 : -1);
            if (l->type->underlying->kind == GK_FLOAT32)
                d = (double)(float)d;
            cell_set(p, f64_cell(d));
        } else {
            cell_set(p, wrap_int(s->op == T_INC ? v + 1 : v - 1, s->x, s->y));
        }
        return EX_NORMAL;
    }
    case N_SEND: {
        gchan *c = (gchan *)(uintptr_t)ev(g, f, s->a);
        const gtype *et = s->a->type->underlying->elem;
        gcell v[et->size > 0 ? et->size : 1];
        ev_to(g, f, s->b, et, v);
        if (!c)
            gort_block_forever(g, GW_CHAN_SEND_NIL);
        gort_chan_send(g, c, v);
        return EX_NORMAL;
    }
    case N_GO: {
        if (s->a->xop == X_CALL_BUILTIN)
            gor_fatal(g, "poolscope does not support go with a builtin function");
        gcell *args;
        int32_t nw;
        gclosure *cl = deferred_call(g, f, s->a, &args, &nw);
        gort_go(g, cl, args, nw);
        return EX_NORMAL;
    }
    case N_DEFER:
        exec_defer(g, f, s);
        return EX_NORMAL;
    case N_RETURN:
        return exec_return(g, f, s);
    case N_BRANCH:
        f->target = s->aux;
        if (s->op == T_FALLTHROUGH)
            return EX_FALLTHROUGH;
        if (!s->text)
            f->target = NULL;
        return s->op == T_BREAK ? EX_BREAK : EX_CONTINUE;
    case N_BLOCK:
        return exec_list(g, f, s->list, s->nlist);
    case N_LABELED:
        return exec(g, f, s->a);
    case N_IF:
        if (s->a)
            exec(g, f, s->a);
        if (ev_fast(g, f, s->b))
            return exec_list(g, f, s->c->list, s->c->nlist);
        if (s->d)
            return s->d->kind == N_IF ? exec(g, f, s->d) : exec_list(g, f, s->d->list, s->d->nlist);
        return EX_NORMAL;
    case N_FOR:
        return exec_for(g, f, s);
    case N_RANGE:
        return exec_range(g, f, s);
    case N_SWITCH:
        return exec_switch(g, f, s);
    case N_TYPESWITCH:
        return exec_typeswitch(g, f, s);
    case N_SELECT:
        return exec_select(g, f, s);
    default:
        return EX_NORMAL;
    }
}

/* ---- calls of Go functions ---- */

static void stack_check(gor *g)
{
    char here;
    if (++g->depth > VM_MAX_DEPTH || (g->stack_limit && (uintptr_t)&here < g->stack_limit)) {
        gor_write(g, 2, "runtime: goroutine stack exceeds 1000000000-byte limit\n", 56);
        gor_fatal(g, "stack overflow");
    }
}

static void missing_native(gor *g, gfunc *fn)
{
    char msg[200];
    snprintf(msg, sizeof msg, "poolscope does not support %s yet", fn->name);
    gor_write(g, 2, msg, strlen(msg));
    gor_write(g, 2, "\n", 1);
    gort_exit(g, 2);
}

/* The body, with the frame's deferred calls run on every way out. */
static void call_body(gor *g, gframe *f)
{
    gfunc *fn = f->fn;
    if (!fn->has_defer) {
        exec_list(g, f, fn->body->list, fn->body->nlist);
        return;
    }
    gdframe df = {.prev = g->top, .depth = g->depth};
    f->df = &df;
    g->top = &df;
    if (setjmp(df.jb) == 0)
        exec_list(g, f, fn->body->list, fn->body->nlist);
    /* here: the body returned, or a panic unwound to this frame */
    for (;;) {
        g->depth = df.depth;
        gdefer *d = df.defers;
        if (!d)
            break;
        df.defers = d->next;
        int saved = g->recover_depth;
        g->recover_depth = g->panic ? df.depth + 1 : -1;
        if (setjmp(df.jb) == 0)
            run_defer(g, f, d);
        g->recover_depth = saved;
    }
    g->top = df.prev;
    if (g->panic) {
        if (g->panic->recovered) {
            g->panic = g->panic->prev;
            /* recovered: the function returns its named results normally */
        } else {
            gor_unwind(g);
        }
    }
}

/* Runs fn in frame (fn->frame_words words: the parameters in place, the
 * rest zeroed) and copies its results to res. */
static void call_frame(gor *g, gfunc *fn, gclosure *cl, gcell *frame, gcell *res)
{
    stack_check(g);
    gframe f = {.s = frame, .cl = cl, .fn = fn};
    uint32_t line = *g->line; /* the caller's statement goes on after the call */
    if (fn->plain) {
        exec_list(g, &f, fn->body->list, fn->body->nlist);
        cells_copy(res, frame + fn->param_words, fn->result_words);
        g->depth--;
        *g->line = line;
        return;
    }
    for (int i = 0; i < fn->nparams; i++) {
        gsym *ps = fn->params[i];
        if (ps && ps->boxed) {
            gcell *box = gor_alloc(g, ps->type->size);
            cells_copy(box, &frame[ps->slot], ps->type->size);
            cell_set(&frame[ps->slot], (uint64_t)(uintptr_t)box);
        }
    }
    for (int i = 0; i < fn->nresults; i++) {
        gsym *rs = fn->results[i];
        if (rs && rs->boxed)
            cell_set(&frame[rs->slot], (uint64_t)(uintptr_t)gor_alloc(g, rs->type->size));
    }
    call_body(g, &f);
    /* boxed named results: the box holds the value (a deferred call may
     * have changed it) */
    int32_t off = fn->param_words;
    for (int i = 0; i < fn->nresults; i++) {
        gsym *rs = fn->results[i];
        int32_t sz = fn->sig->results[i]->size;
        if (rs && rs->boxed)
            cells_copy(res + (off - fn->param_words), frame_box(&frame[rs->slot]), sz);
        else
            cells_copy(res + (off - fn->param_words), frame + off, sz);
        off += sz;
    }
    g->depth--;
    *g->line = line;
}

static void call_fn(gor *g, gfunc *fn, gclosure *cl, gcell *args, gcell *res)
{
    if (fn->native) {
        fn->native(g, args, res);
        return;
    }
    if (!fn->body)
        missing_native(g, fn);
    int32_t fw = fn->frame_words > 0 ? fn->frame_words : 1;
    gcell frame[fw];
    cells_copy(frame, args, fn->param_words);
    cells_zero(frame + fn->param_words, fw - fn->param_words);
    call_frame(g, fn, cl, frame, res);
}

/* A call of a Go function known at check time (X_CALL) with its arguments
 * one by one (not f(g()), not variadic): evaluated straight into the new
 * frame, with no argument array, callee record or copy. */
static int call_static_ok(const gnode *n)
{
    const gfunc *fn = n->aux;
    return !fn->native && fn->body && n->y != 1 && !fn->sig->variadic;
}

static void call_static(gor *g, gframe *f, gnode *n, gcell *res)
{
    gfunc *fn = n->aux;
    const gtype *sig = fn->sig;
    int32_t fw = fn->frame_words > 0 ? fn->frame_words : 1;
    gcell frame[fw];
    int32_t off = 0;
    for (int i = 0; i < sig->nparams; i++) {
        const gtype *pt = sig->params[i];
        if (pt->size == 1 && pt->kind != GK_INTERFACE) {
            uint64_t v = ev_fast(g, f, n->list[i]);
            cell_set(&frame[off], v);
        } else {
            ev_to(g, f, n->list[i], pt, frame + off);
        }
        off += pt->size;
    }
    cells_zero(frame + off, fw - off);
    call_frame(g, fn, NULL, frame, res);
}

void eval_call(gor *g, gclosure *cl, gcell *args, gcell *res)
{
    if (!cl)
        nil_deref(g);
    if (cl->bound) {
        int32_t pw = cl->nenv + sig_param_words(cl->fn->sig) - cl->fn->sig->params[0]->size;
        gcell all[pw > 0 ? pw : 1];
        cells_copy(all, cl->env, cl->nenv);
        cells_copy(all + cl->nenv, args, pw - cl->nenv);
        call_fn(g, cl->fn, cl, all, res);
        return;
    }
    call_fn(g, cl->fn, cl, args, res);
}

int eval_call_method0(gor *g, const giface *b, const char *name, gcell *res)
{
    gmethod_path mp;
    if (!b || !types_find_method(b->t, name, &mp) || !mp.m || mp.m->sig->nparams)
        return 0;
    gcell recv[64];
    gfunc *fn = iface_method(g, b, name, recv);
    call_fn(g, fn, NULL, recv, res);
    return 1;
}

int eval_call_method(gor *g, const giface *b, const char *name, const gcell *args, int32_t nargs,
                     gcell *res)
{
    gmethod_path mp;
    if (!b || !types_find_method(b->t, name, &mp) || !mp.m)
        return 0;
    gcell all[64 + (nargs > 0 ? nargs : 1)];
    gfunc *fn = iface_method(g, b, name, all);
    int32_t rw = mp.m->ptr_recv ? 1 : mp.recv->size;
    cells_copy(all + rw, args, nargs);
    call_fn(g, fn, NULL, all, res);
    return 1;
}

/* (t, v)'s method name when it is a string method (no parameters, one
 * string result) in the value's method set: its function, the receiver
 * laid out in recv; NULL if none. */
static gfunc *string_method(gor *g, const gtype *t, const gcell *v, const char *name,
                            gcell recv[64])
{
    gmethod_path mp;
    if (!types_find_method(t, name, &mp) || !mp.m)
        return NULL;
    const gtype *sig = mp.m->sig;
    if (sig->nparams || sig->nresults != 1 || sig->results[0]->kind != GK_STRING)
        return NULL;
    if (mp.m->ptr_recv && t->kind != GK_POINTER) {
        int via = 0;
        for (int d = 0; d < mp.depth; d++)
            via |= mp.derefs[d];
        if (!via)
            return NULL; /* not in the value's method set */
    }
    return iface_method(g, gor_box(g, t, v), name, recv);
}

int gor_call_string_method(gor *g, const gtype *t, const gcell *v, const char *name,
                           const gstr **out)
{
    gcell recv[64], res[1];
    gfunc *fn = string_method(g, t, v, name, recv);
    if (!fn)
        return 0;
    call_fn(g, fn, NULL, recv, res);
    *out = word_str(cell_get(&res[0]));
    return 1;
}

/* Runs call(g, ctx) with a frame that catches a panic: NULL if it returned,
 * else the panic, taken off the goroutine (the caller prints it, or hands
 * it on with eval_panic_again).  A stopping run's unwind is not caught. */
static gpanic *call_catching(gor *g, void (*call)(gor *g, void *ctx), void *ctx)
{
    gdframe df = {.prev = g->top, .depth = g->depth};
    gpanic *before = g->panic;
    uint32_t line = *g->line;
    g->top = &df;
    if (setjmp(df.jb) == 0) {
        call(g, ctx);
        g->top = df.prev;
        return NULL;
    }
    g->top = df.prev;
    g->depth = df.depth;
    *g->line = line;
    gpanic *p = g->panic;
    g->panic = before;
    return p;
}

typedef struct closure_call {
    gclosure *cl;
    gcell *args, *res;
} closure_call;

static void closure_call_run(gor *g, void *ctx)
{
    closure_call *c = ctx;
    eval_call(g, c->cl, c->args, c->res);
}

gpanic *eval_call_catching(gor *g, gclosure *cl, gcell *args, gcell *res)
{
    closure_call c = {cl, args, res};
    return call_catching(g, closure_call_run, &c);
}

_Noreturn void eval_panic_again(gor *g, gpanic *p)
{
    g->panic = p;
    gor_unwind(g);
}

typedef struct method_call {
    gfunc *fn;
    gcell *recv, *res;
} method_call;

static void method_call_run(gor *g, void *ctx)
{
    method_call *c = ctx;
    call_fn(g, c->fn, NULL, c->recv, c->res);
}

int gor_call_string_method_catching(gor *g, const gtype *t, const gcell *v, const char *name,
                                    const gstr **out, giface **panicked)
{
    gcell recv[64], res[1];
    method_call c = {string_method(g, t, v, name, recv), recv, res};
    if (!c.fn)
        return 0;
    gpanic *p = call_catching(g, method_call_run, &c);
    if (p) {
        *panicked = p->value;
        return 2;
    }
    *out = word_str(cell_get(&res[0]));
    return 1;
}

/* ---- goroutines and the program ---- */

static void vm_chunk_push(gvm *vm, struct gchunk *c)
{
    ps_lock *l = vm->chunks_mu;
    ps_lock_acquire(l);
    c->next = vm->chunks;
    vm->chunks = c;
    ps_lock_release(l);
}

void vm_free(gvm *vm)
{
    struct gchunk *c = vm->chunks;
    while (c) {
        struct gchunk *n = c->next;
        free(c);
        c = n;
    }
    vm->chunks = NULL;
    vm->tails = NULL;
    gvars_free(vm);
    free(vm->globals);
    vm->globals = NULL;
    free(vm->chunks_mu);
    vm->chunks_mu = NULL;
}

void gor_init(gor *g, gvm *vm, int64_t id)
{
    memset(g, 0, sizeof *g);
    g->vm = vm;
    g->id = id;
    g->line = &g->no_line;
    g->recover_depth = -1;
    g->rng = vm->seed ^ ((uint64_t)id * 0x9e3779b97f4a7c15ull);
    atomic_init(&g->wait_reason, 0);
    atomic_init(&g->wait_line, 0);
}

void gor_release(gor *g)
{
    /* what is left of its piece goes to the next goroutines */
    if (g->chunk && g->vm->chunks_mu) {
        ps_lock *l = g->vm->chunks_mu;
        ps_lock_acquire(l);
        vm_free_region_locked(g->vm, g->chunk, g->chunk_end);
        ps_lock_release(l);
    }
    g->chunk = g->chunk_end = NULL;
}

/* The type of run-time error values: a string whose Error() is itself. */
static void runtime_error_method(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]));
}

static gtype *vm_runtime_error_t(gvm *vm)
{
    gtypes *ts = &vm->prog->types;
    for (int i = ts->n - 1; i >= 0; i--) {
        gtype *t = ts->all[i];
        if (t->pkg && strcmp(t->pkg, "runtime") == 0 && strcmp(t->short_name, "errorString") == 0)
            return t;
    }
    return ts->basic[GK_STRING];
}

static void vm_make_runtime_error(gvm *vm)
{
    gtypes *ts = &vm->prog->types;
    gtype *t = types_named(ts, "runtime", "errorString");
    types_set_underlying(t, ts->basic[GK_STRING]);
    gtype *str = ts->basic[GK_STRING];
    gfunc *fn = arena_alloc(&vm->prog->arena, sizeof *fn);
    fn->name = "runtime.errorString.Error";
    fn->native = runtime_error_method;
    fn->sig = types_func(ts, &t, 1, &str, 1, 0);
    fn->nparams = 1;
    fn->nresults = 1;
    fn->param_words = 1;
    fn->result_words = 1;
    gmethod m = {.name = "Error", .sig = types_func(ts, NULL, 0, &str, 1, 0), .fn = fn};
    types_add_method(ts, t, &m);
    gtype *pe = types_named(ts, "runtime", "plainError");
    types_set_underlying(pe, str);
    gfunc *pf = arena_alloc(&vm->prog->arena, sizeof *pf);
    *pf = *fn;
    pf->name = "runtime.plainError.Error";
    pf->sig = types_func(ts, &pe, 1, &str, 1, 0);
    gmethod pm = {.name = "Error", .sig = m.sig, .fn = pf};
    types_add_method(ts, pe, &pm);
    vm->t_plain_error = pe;
    /* both are runtime.Error: RuntimeError(), a method that does nothing */
    gtype *none = types_func(ts, NULL, 0, NULL, 0, 0);
    gtype *recv[2] = {t, pe};
    for (int i = 0; i < 2; i++) {
        gfunc *rf = arena_alloc(&vm->prog->arena, sizeof *rf);
        rf->name = i ? "runtime.plainError.RuntimeError" : "runtime.errorString.RuntimeError";
        rf->native = runtime_error_marker;
        rf->sig = types_func(ts, &recv[i], 1, NULL, 0, 0);
        rf->nparams = 1;
        rf->param_words = 1;
        gmethod rm = {.name = "RuntimeError", .sig = none, .fn = rf};
        types_add_method(ts, recv[i], &rm);
    }
}

static void error_string_error(gor *g, gcell *args, gcell *res)
{
    const gcell *obj = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!obj)
        nil_deref(g);
    cell_set(&res[0], cell_get(&obj[0]));
}

static void wrap_error_unwrap(gor *g, gcell *args, gcell *res)
{
    const gcell *obj = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!obj)
        nil_deref(g);
    cell_set(&res[0], cell_get(&obj[1]));
}

gfunc *lib_native_method(gvm *vm, gtype *recv, const char *name, gnative_fn fn, gtype *sig)
{
    gtypes *ts = &vm->prog->types;
    gfunc *f = arena_alloc(&vm->prog->arena, sizeof *f);
    gtype *ps[65];
    ps[0] = recv;
    for (int i = 0; i < sig->nparams && i < 64; i++)
        ps[i + 1] = sig->params[i];
    f->name = name;
    f->native = fn;
    f->sig = types_func(ts, ps, sig->nparams + 1, sig->results, sig->nresults, sig->variadic);
    f->nparams = sig->nparams + 1;
    f->nresults = sig->nresults;
    for (int i = 0; i < f->sig->nparams; i++)
        f->param_words += f->sig->params[i]->size;
    for (int i = 0; i < sig->nresults; i++)
        f->result_words += sig->results[i]->size;
    gmethod m = {.name = name, .sig = sig, .fn = f, .ptr_recv = recv->kind == GK_POINTER};
    types_add_method(ts, recv->kind == GK_POINTER ? recv->elem : recv, &m);
    return f;
}

static gfunc *vm_native_method(gvm *vm, gtype *recv, const char *name, gnative_fn fn, gtype *result)
{
    gtypes *ts = &vm->prog->types;
    gfunc *f = arena_alloc(&vm->prog->arena, sizeof *f);
    f->name = name;
    f->native = fn;
    f->sig = types_func(ts, &recv, 1, &result, 1, 0);
    f->nparams = 1;
    f->nresults = 1;
    f->param_words = 1;
    f->result_words = 1;
    gmethod m = {.name = strrchr(name, '.') + 1,
                 .sig = types_func(ts, NULL, 0, &result, 1, 0),
                 .fn = f,
                 .ptr_recv = 1};
    types_add_method(ts, recv->elem, &m);
    return f;
}

/* errors.New's and fmt.Errorf's types, whether or not the program imports
 * those packages (a run-time error may need them). */
static void vm_make_error_types(gvm *vm)
{
    gtypes *ts = &vm->prog->types;
    gtype *str = ts->basic[GK_STRING];
    gfield fs[2] = {{.name = "s", .type = str}, {.name = "err", .type = ts->error_t}};
    gtype *es = types_named(ts, "errors", "errorString");
    types_set_underlying(es, types_struct(ts, fs, 1));
    vm->t_error_string = types_pointer(ts, es);
    vm_native_method(vm, vm->t_error_string, "errors.(*errorString).Error", error_string_error,
                     str);
    fs[0].name = "msg";
    gtype *we = types_named(ts, "fmt", "wrapError");
    types_set_underlying(we, types_struct(ts, fs, 2));
    vm->t_wrap_error = types_pointer(ts, we);
    vm_native_method(vm, vm->t_wrap_error, "fmt.(*wrapError).Error", error_string_error, str);
    vm_native_method(vm, vm->t_wrap_error, "fmt.(*wrapError).Unwrap", wrap_error_unwrap,
                     ts->error_t);
}

/* "panic: " and the value, as Go's printpanicval writes it. */
static void print_panic_value(gor *g, const giface *v, char *buf, size_t len)
{
    if (!v) {
        snprintf(buf, len, "nil"); /* Go 1.19: panic(nil) prints "panic: nil" */
        return;
    }
    const gstr *s = NULL;
    if (gor_call_string_method(g, v->t, v->v, "Error", &s) ||
        gor_call_string_method(g, v->t, v->v, "String", &s)) {
        snprintf(buf, len, "%.*s", (int)gstr_len(s), gstr_ptr(s));
        return;
    }
    const gtype *u = v->t->underlying;
    uint64_t w = cell_get(&v->v[0]);
    char tn[128];
    types_format(v->t, tn, sizeof tn);
    int named = v->t->name && v->t->pkg;
    if (u->kind == GK_STRING) {
        s = word_str(w);
        if (named)
            snprintf(buf, len, "%s(\"%.*s\")", tn, (int)gstr_len(s), gstr_ptr(s));
        else
            snprintf(buf, len, "%.*s", (int)gstr_len(s), gstr_ptr(s));
    } else if (types_is_integer(u)) {
        if (types_is_unsigned(u))
            snprintf(buf, len, named ? "%s(%llu)" : "%.0s%llu", tn, (unsigned long long)w);
        else
            snprintf(buf, len, named ? "%s(%lld)" : "%.0s%lld", tn, (long long)w);
    } else if (types_is_float(u)) {
        char fb[40];
        runtime_float(fb, sizeof fb, cell_f64(w));
        snprintf(buf, len, named ? "%s(%s)" : "%.0s%s", tn, fb);
    } else if (u->kind == GK_BOOL) {
        snprintf(buf, len, named ? "%s(%s)" : "%.0s%s", tn, w ? "true" : "false");
    } else {
        snprintf(buf, len, "(%s) %p", tn, (const void *)v->v);
    }
}

const char *vm_source_path(const gvm *vm, char path[4096])
{
    const char *file = vm->prog->filename ? vm->prog->filename : "main.go";
    return realpath(file, path) ? path : file; /* go run prints the absolute path */
}

void eval_report_panic(gor *g)
{
    char msg[600], line[700];
    gpanic *p = g->panic;
    /* the first panic first, each later one indented, as Go prints them */
    gpanic *chain[16];
    int n = 0;
    for (gpanic *q = p; q && n < 16; q = q->prev)
        chain[n++] = q;
    for (int i = n - 1; i >= 0; i--) {
        print_panic_value(g, chain[i]->value, msg, sizeof msg);
        int k = snprintf(line, sizeof line, "%spanic: %s%s\n", i == n - 1 ? "" : "\t", msg,
                         chain[i]->recovered ? " [recovered]" : "");
        gor_write(g, 2, line, (size_t)k);
    }
    print_panic_value(g, p->value, msg, sizeof msg);
    if (p->runtime_error && strstr(msg, "nil pointer dereference")) {
        static const char sig[] =
            "[signal SIGSEGV: segmentation violation code=0x1 addr=0x0 pc=0x0]\n";
        gor_write(g, 2, sig, sizeof sig - 1);
    }
    /* its function and line, and who started it (Go prints every frame,
     * with addresses: the first frame and the go statement are what a
     * reader looks for) */
    char path[4096];
    const char *file = vm_source_path(g->vm, path);
    const char *fn = g->entry_fn ? g->entry_fn : g->id == 1 ? "main.main" : "main.func";
    int k = snprintf(line, sizeof line, "\ngoroutine %lld [running]:\n%s(%s)\n\t%s:%u\n",
                     (long long)g->id, fn, g->entry_params ? "..." : "", file, (unsigned)*g->line);
    if (k > 0 && g->creator_fn && (size_t)k < sizeof line)
        k += snprintf(line + k, sizeof line - (size_t)k, "created by %s\n\t%s:%u\n", g->creator_fn,
                      file, (unsigned)g->created_line);
    gor_write(g, 2, line, (size_t)(k < (int)sizeof line ? k : (int)sizeof line - 1));
}

static void goroutine_body(gor *g, gclosure *cl, gcell *args)
{
    jmp_buf root;
    g->root = &root;
    if (setjmp(root) == 0) {
        int32_t rw = sig_result_words(cl->fn->sig);
        gcell res[rw > 0 ? rw : 1];
        call_fn(g, cl->fn, cl, args, res);
        return;
    }
    if (g->stopping)
        return; /* the program ends elsewhere (main returned, os.Exit, q) */
    /* a panic nobody recovered: the whole program ends */
    eval_report_panic(g);
    g->panic = NULL;
    gort_exit(g, 2);
}

void eval_run_goroutine(gor *g, gclosure *cl, gcell *args)
{
    goroutine_body(g, cl, args);
}

static void init_globals(gor *g)
{
    gprog *p = g->vm->prog;
    gframe f = {0};
    gcell dummy[1];
    f.s = dummy;
    for (int i = 0; i < p->nvar_inits; i++) {
        gnode *spec = p->var_inits[i];
        int nl = spec->nlist, nr = spec->nlist2;
        if (!nr)
            continue;
        if (nr == 1 && nl > 1) {
            gnode *r = spec->list2[0];
            gcell tmp[tuple_words(r->type) + 1];
            evm(g, &f, r, tmp);
            int32_t off = 0;
            for (int k = 0; k < nl; k++) {
                gsym *s = spec->list[k]->sym;
                const gtype *et = spec->y == 1 ? r->type->params[k]
                                  : k == 0     ? r->type
                                               : p->types.basic[GK_BOOL];
                if (s && strcmp(s->name, "_") != 0)
                    assign_conv(g, et, s->type, tmp + off, &g->vm->globals[s->slot]);
                off += et->size;
            }
            continue;
        }
        for (int k = 0; k < nl; k++) {
            gsym *s = spec->list[k]->sym;
            if (!s || strcmp(s->name, "_") == 0) {
                gcell tmp[tuple_words(spec->list2[k]->type)];
                evm(g, &f, spec->list2[k], tmp);
                continue;
            }
            ev_to(g, &f, spec->list2[k], s->type, &g->vm->globals[s->slot]);
        }
    }
}

static void main_body(gor *g)
{
    gprog *p = g->vm->prog;
    for (int i = 0; i < p->nlib_vars; i++) {
        gsym *v = p->lib_vars[i];
        if (v->fn->native) /* one without a native stays zero until it is provided */
            v->fn->native(g, NULL, &g->vm->globals[v->slot]);
    }
    init_globals(g);
    gcell none[1];
    for (int i = 0; i < p->ninits; i++)
        call_fn(g, p->inits[i], NULL, none, none);
    call_fn(g, p->main_fn, NULL, none, none);
}

int eval_run_main(gvm *vm, gor *g)
{
    jmp_buf root;
    g->vm = vm;
    g->root = &root;
    if (setjmp(root) == 0) {
        main_body(g);
        return 0;
    }
    if (g->stopping)
        return -1;
    eval_report_panic(g);
    return 2;
}

int eval_prepare(gvm *vm)
{
    slots_resolve(vm->prog);
    vm->globals = calloc((size_t)(vm->prog->global_words > 0 ? vm->prog->global_words : 1), 8);
    vm->chunks_mu = malloc(sizeof(ps_lock));
    if (!vm->globals || !vm->chunks_mu || gvars_init(vm) != 0)
        return -1;
    ps_lock_init(vm->chunks_mu);
    atomic_init(&vm->allocated, 0);
    atomic_init(&vm->log_std, 0);
    {
        struct timespec ts;
        clock_gettime(CLOCK_REALTIME, &ts); /* virtual time 0 is now on the wall */
        vm->wall0_ns = (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
    }
    atomic_init(&vm->exiting, 0);
    atomic_init(&vm->exit_code, 0);
    vm_make_runtime_error(vm);
    vm_make_error_types(vm);
    lib_context_prepare(vm);
    gtypes *ts = &vm->prog->types;
    gtype *any = types_interface(ts, NULL, 0);
    vm->t_any_map = types_map(ts, any, any);
    vm->t_time = ts->basic[GK_INT64];
    for (int i = 0; i < ts->n; i++)
        if (ts->all[i]->pkg && strcmp(ts->all[i]->pkg, "time") == 0 &&
            strcmp(ts->all[i]->short_name, "Time") == 0)
            vm->t_time = ts->all[i];
    return 0;
}
