#include "check.h"

#include <ctype.h>
#include <math.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib.h"
#include "lib_api.h"
#include "lib_natives.h"
#include "xop.h"

/* ---- scopes ---- */

typedef struct scope {
    struct scope *up;
    gsym **syms;
    int n, cap;
    gfunc *fn; /* the function whose body this is (NULL: package, universe) */
} scope;

typedef struct libscope {
    const golib_pkg *pkg;
    scope *s;
    int used;
    gnode *import;
} libscope;

typedef struct checker {
    gprog *p;
    go_diag *d;
    jmp_buf fail;
    gtypes *ts;
    scope *universe, *pkg, *cur;
    gfunc *fn;  /* the function being checked */
    int iota;   /* -1 outside a constant declaration */
    int nfuncs; /* anonymous functions numbered per top-level function */
    gfunc *topfn;
    libscope libs[32];
    int nlibs;
    const golib_pkg *in_lib; /* parsing a library's signatures */
    scope *lib_scope;
    /* labels of the current function */
    gnode *labels[64];
    unsigned char label_used[64]; /* a break or continue names it */
    int nlabels;
    /* breakable/continuable statements, innermost last */
    gnode *targets[256];
    int ntargets;
    int loop_depth;
    gnode **var_order;
    int nvar, capvar;
    gsym *dep_owner; /* the package var or func being checked: gets the deps */
} checker;

static _Noreturn void ck_fail(checker *c, go_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    c->d->pos = pos;
    vsnprintf(c->d->msg, sizeof c->d->msg, fmt, ap);
    va_end(ap);
    longjmp(c->fail, 1);
}

#define ck_unsupported(c, pos, what) ck_fail(c, pos, "poolscope does not support %s", what)
/* pkg.name where the package lacks it: a name Go's package has is refused
 * by name, anything else is Go's "undefined". */
#define ck_no_member(c, n, lib)                                                                    \
    do {                                                                                           \
        if ((lib) && lib_api_has((lib)->path, (n)->text))                                          \
            ck_fail(c, (n)->pos,                                                                   \
                    "poolscope does not support %s.%s (docs/go.md lists what each package has)",   \
                    (n)->a->text, (n)->text);                                                      \
        ck_fail(c, (n)->pos, "undefined: %s.%s", (n)->a->text, (n)->text);                         \
    } while (0)

static void *ck_alloc(checker *c, size_t n)
{
    void *r = arena_alloc(&c->p->arena, n);
    if (!r)
        ck_fail(c, (go_pos){1, 1},
                "poolscope: the program is too large (over %u MiB of syntax and types)",
                CHECK_MAX_ARENA >> 20);
    return r;
}

static const char *ck_typestr(checker *c, const gtype *t)
{
    char buf[256];
    size_t n = types_format(t, buf, sizeof buf);
    if (n >= sizeof buf)
        n = sizeof buf - 1;
    return arena_strndup(&c->p->arena, buf, n);
}

static scope *scope_open(checker *c, gfunc *fn)
{
    scope *s = ck_alloc(c, sizeof *s);
    s->up = c->cur;
    s->fn = fn;
    c->cur = s;
    return s;
}

static void scope_close(checker *c);

static gsym *scope_find_here(const scope *s, const char *name)
{
    for (int i = s->n - 1; i >= 0; i--)
        if (strcmp(s->syms[i]->name, name) == 0)
            return s->syms[i];
    return NULL;
}

static gsym *ck_sym(checker *c, gsymkind kind, const char *name, go_pos pos)
{
    gsym *s = ck_alloc(c, sizeof *s);
    s->kind = kind;
    s->name = name;
    s->pos = pos;
    return s;
}

static void scope_add(checker *c, scope *s, gsym *sym)
{
    if (strcmp(sym->name, "_") == 0)
        return;
    gsym *old = scope_find_here(s, sym->name);
    if (old) {
        if (s == c->pkg || !s->fn)
            ck_fail(c, sym->pos, "%s redeclared in this block", sym->name);
        ck_fail(c, sym->pos, "%s redeclared in this block", sym->name);
    }
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 8;
        gsym **v = ck_alloc(c, (size_t)cap * sizeof *v);
        if (s->n)
            memcpy(v, s->syms, (size_t)s->n * sizeof *v);
        s->syms = v;
        s->cap = cap;
    }
    s->syms[s->n++] = sym;
}

/* ---- constants ---- */

#define I128_MAX ((gi128)(((gu128)1 << 127) - 1))

static gconst *cv_new(checker *c, gckind kind)
{
    gconst *v = ck_alloc(c, sizeof *v);
    v->kind = kind;
    return v;
}

static gconst *cv_int(checker *c, gi128 i)
{
    gconst *v = cv_new(c, CK_INT);
    v->i = i;
    return v;
}

static gconst *cv_float(checker *c, long double f)
{
    gconst *v = cv_new(c, CK_FLOAT);
    v->f = f;
    return v;
}

static gconst *cv_bool(checker *c, int b)
{
    gconst *v = cv_new(c, CK_BOOL);
    v->b = b;
    return v;
}

static gstr *ck_gstr(checker *c, const char *p, int64_t n)
{
    if (!n)
        return NULL;
    gstr *s = ck_alloc(c, sizeof *s);
    char *b = ck_alloc(c, (size_t)n + 1);
    memcpy(b, p, (size_t)n);
    s->p = b;
    s->len = n;
    return s;
}

static gconst *cv_string(checker *c, const char *p, int64_t n)
{
    gconst *v = cv_new(c, CK_STRING);
    v->s = ck_gstr(c, p, n);
    return v;
}

static long double cv_to_float(const gconst *v)
{
    return v->kind == CK_INT ? (long double)v->i : v->f;
}

/* Is the float an exact integer that fits? */
static int cv_float_int(long double f, gi128 *out)
{
    if (f != f || f != floorl(f) || fabsl(f) > 1.7e38L)
        return 0;
    *out = (gi128)f;
    return 1;
}

static const char *cv_format(checker *c, const gconst *v)
{
    char buf[128];
    switch (v->kind) {
    case CK_BOOL:
        return v->b ? "true" : "false";
    case CK_INT: {
        gi128 x = v->i;
        char tmp[64];
        int n = 0, neg = x < 0;
        gu128 u = neg ? -(gu128)x : (gu128)x;
        do {
            tmp[n++] = (char)('0' + (int)(u % 10));
            u /= 10;
        } while (u);
        int k = 0;
        if (neg)
            buf[k++] = '-';
        while (n)
            buf[k++] = tmp[--n];
        buf[k] = 0;
        break;
    }
    case CK_FLOAT:
        snprintf(buf, sizeof buf, "%Lg", v->f);
        break;
    case CK_STRING:
        snprintf(buf, sizeof buf, "\"%.*s\"", (int)(gstr_len(v->s) > 40 ? 40 : gstr_len(v->s)),
                 gstr_ptr(v->s));
        break;
    }
    return arena_strndup(&c->p->arena, buf, strlen(buf));
}

/* Does constant v fit type t?  Fills v->word when it does. */
static int cv_represent(const gconst *cv, const gtype *t, uint64_t *word)
{
    const gtype *u = t->underlying ? t->underlying : t;
    switch (u->kind) {
    case GK_BOOL:
    case GK_UNTYPED_BOOL:
        if (cv->kind != CK_BOOL)
            return 0;
        *word = (uint64_t)cv->b;
        return 1;
    case GK_STRING:
    case GK_UNTYPED_STRING:
        if (cv->kind != CK_STRING)
            return 0;
        *word = (uint64_t)(uintptr_t)cv->s;
        return 1;
    case GK_FLOAT32:
    case GK_FLOAT64:
    case GK_UNTYPED_FLOAT: {
        if (cv->kind != CK_INT && cv->kind != CK_FLOAT)
            return 0;
        double f = (double)cv_to_float(cv);
        if (isinf(f) && !isinf(cv_to_float(cv)))
            return 0;
        if (u->kind == GK_FLOAT32) {
            if (isinf((float)f) && !isinf(f))
                return 0;
            f = (double)(float)f;
        }
        if (isinf(f))
            return 0;
        if (f == 0)
            f = 0; /* Go's constants have no negative zero: -0.0 is 0 */
        *word = f64_cell(f);
        return 1;
    }
    default:
        break;
    }
    if (!types_is_integer(u) && u->kind != GK_UNTYPED_INT && u->kind != GK_UNTYPED_RUNE)
        return 0;
    gi128 i;
    if (cv->kind == CK_INT)
        i = cv->i;
    else if (cv->kind != CK_FLOAT || !cv_float_int(cv->f, &i))
        return 0;
    int bits = types_int_bits(u);
    if (u->kind == GK_UNTYPED_INT || u->kind == GK_UNTYPED_RUNE) {
        *word = (uint64_t)(int64_t)i;
        return 1;
    }
    if (types_is_unsigned(u)) {
        gu128 max = bits == 64 ? UINT64_MAX : (((gu128)1 << bits) - 1);
        if (i < 0 || (gu128)i > max)
            return 0;
    } else {
        gi128 max = ((gi128)1 << (bits - 1)) - 1;
        if (i > max || i < -max - 1)
            return 0;
    }
    *word = (uint64_t)(int64_t)i;
    return 1;
}

/* ---- type expressions ---- */

static gtype *ck_type(checker *c, gnode *n);
static gsym *ck_lookup(checker *c, const char *name, go_pos pos, int capture);
static void ck_resolve_global(checker *c, gsym *s);
static gconst *ck_const_expr(checker *c, gnode *n, gtype **type);
static gtype *ck_signature(checker *c, gnode *ft, gnode *recv, gfunc *fn);

static gsym *ck_lib_member(checker *c, const golib_pkg *pkg, const char *name);

static gtype *ck_named_type_of(checker *c, gsym *s, go_pos pos)
{
    if (s->kind != SY_TYPE)
        ck_fail(c, pos, "%s is not a type", s->name);
    if (s->state == 0)
        ck_resolve_global(c, s);
    return s->type;
}

static int64_t ck_array_len(checker *c, gnode *n)
{
    gtype *t = NULL;
    gconst *v = ck_const_expr(c, n, &t);
    if (!v)
        ck_fail(c, n->pos, "array length %s (value of type %s) must be constant", "expression",
                t ? ck_typestr(c, t) : "?");
    gi128 len;
    if (v->kind == CK_INT)
        len = v->i;
    else if (v->kind != CK_FLOAT || !cv_float_int(v->f, &len))
        ck_fail(c, n->pos, "array length %s must be integer", cv_format(c, v));
    if (len < 0)
        ck_fail(c, n->pos, "invalid array length %s", cv_format(c, v));
    if (len > (1 << 24))
        ck_fail(c, n->pos, "poolscope: array of %s elements is over its limit of %d",
                cv_format(c, v), 1 << 24);
    return (int64_t)len;
}

static gtype *ck_struct_type(checker *c, gnode *n)
{
    int count = 0;
    for (int i = 0; i < n->nlist; i++)
        count += n->list[i]->nlist ? n->list[i]->nlist : 1;
    gfield *fs = count ? ck_alloc(c, (size_t)count * sizeof *fs) : NULL;
    int k = 0;
    for (int i = 0; i < n->nlist; i++) {
        gnode *f = n->list[i];
        gtype *ft = ck_type(c, f->a);
        const char *tag = NULL;
        if (f->text) {
            char *buf = ck_alloc(c, (size_t)f->len + 1);
            const char *err = NULL;
            long len = lex_unquote(f->text, (size_t)f->len, buf, &err);
            if (len < 0)
                ck_fail(c, f->pos, "invalid struct tag");
            buf[len] = 0;
            tag = f->text; /* %#v and %T print the tag as written */
        }
        if (!f->nlist) {
            gnode *tn = f->a->kind == N_STAR ? f->a->a : f->a;
            const char *name = tn->kind == N_SELECTOR ? tn->text : tn->text;
            fs[k++] = (gfield){.name = name,
                               .type = ft,
                               .embedded = 1,
                               .tag = tag,
                               .exported = name[0] >= 'A' && name[0] <= 'Z'};
            continue;
        }
        for (int j = 0; j < f->nlist; j++) {
            const char *name = f->list[j]->text;
            for (int q = 0; q < k; q++)
                if (strcmp(fs[q].name, name) == 0 && strcmp(name, "_") != 0)
                    ck_fail(c, f->list[j]->pos, "%s redeclared", name);
            fs[k++] = (gfield){
                .name = name, .type = ft, .tag = tag, .exported = name[0] >= 'A' && name[0] <= 'Z'};
        }
    }
    return types_struct(c->ts, fs, k);
}

static gtype *ck_interface_type(checker *c, gnode *n)
{
    gimethod ms[128];
    int k = 0;
    for (int i = 0; i < n->nlist; i++) {
        gnode *f = n->list[i];
        if (f->flags & NF_GENERIC)
            ck_unsupported(c, f->pos, "generics (type constraints)");
        if (f->flags & NF_EMBEDDED) {
            gtype *e = ck_type(c, f->a);
            if (e->kind != GK_INTERFACE)
                ck_unsupported(c, f->pos, "generics (type constraints)");
            for (int j = 0; j < e->nimethods && k < 128; j++) {
                int dup = 0;
                for (int q = 0; q < k; q++)
                    dup |= strcmp(ms[q].name, e->imethods[j].name) == 0;
                if (!dup)
                    ms[k++] = e->imethods[j];
            }
            continue;
        }
        if (k >= 128)
            ck_fail(c, f->pos, "poolscope: more than 128 methods in one interface (limit)");
        for (int q = 0; q < k; q++)
            if (strcmp(ms[q].name, f->list[0]->text) == 0)
                ck_fail(c, f->pos, "duplicate method %s", f->list[0]->text);
        ms[k++] = (gimethod){.name = f->list[0]->text, .sig = ck_signature(c, f->a, NULL, NULL)};
    }
    return types_interface(c->ts, ms, k);
}

static gtype *ck_type(checker *c, gnode *n)
{
    switch (n->kind) {
    case N_IDENT: {
        gsym *s = ck_lookup(c, n->text, n->pos, 0);
        if (!s)
            ck_fail(c, n->pos, "undefined: %s", n->text);
        n->sym = s;
        return n->type = ck_named_type_of(c, s, n->pos);
    }
    case N_SELECTOR: {
        if (n->a->kind != N_IDENT)
            ck_fail(c, n->pos, "%s is not a type", n->text);
        gsym *pk = ck_lookup(c, n->a->text, n->a->pos, 0);
        if (!pk && c->in_lib) { /* a library signature naming another package's type */
            const golib_pkg *lp = lib_find(n->a->text);
            if (lp) {
                gsym *m = ck_lib_member(c, lp, n->text);
                if (m)
                    return n->type = ck_named_type_of(c, m, n->pos);
            }
        }
        if (!pk)
            ck_fail(c, n->a->pos, "undefined: %s", n->a->text);
        if (pk->kind != SY_PKG)
            ck_fail(c, n->pos, "%s.%s is not a type", n->a->text, n->text);
        for (int i = 0; i < c->nlibs; i++)
            if (c->libs[i].pkg == pk->pkg) {
                c->libs[i].used = 1;
                gsym *m = scope_find_here(c->libs[i].s, n->text);
                if (!m || !(n->text[0] >= 'A' && n->text[0] <= 'Z'))
                    ck_no_member(c, n, c->libs[i].pkg);
                return n->type = ck_named_type_of(c, m, n->pos);
            }
        ck_fail(c, n->pos, "undefined: %s.%s", n->a->text, n->text);
    }
    case N_PAREN:
        return n->type = ck_type(c, n->a);
    case N_STAR:
        return n->type = types_pointer(c->ts, ck_type(c, n->a));
    case N_ARRAYTYPE: {
        gtype *elem = ck_type(c, n->b);
        if (!n->a)
            return n->type = types_slice(c->ts, elem);
        if (n->a->kind == N_ELLIPSIS)
            ck_fail(c, n->pos, "invalid use of [...] array (outside a composite literal)");
        return n->type = types_array(c->ts, elem, ck_array_len(c, n->a));
    }
    case N_MAPTYPE: {
        gtype *k = ck_type(c, n->a), *v = ck_type(c, n->b);
        if (!k->comparable && k->kind != GK_INTERFACE)
            ck_fail(c, n->a->pos, "invalid map key type %s", ck_typestr(c, k));
        return n->type = types_map(c->ts, k, v);
    }
    case N_CHANTYPE:
        return n->type = types_chan(c->ts, ck_type(c, n->a), n->op);
    case N_FUNCTYPE:
        return n->type = ck_signature(c, n, NULL, NULL);
    case N_STRUCTTYPE:
        return n->type = ck_struct_type(c, n);
    case N_INTERFACETYPE:
        return n->type = ck_interface_type(c, n);
    case N_INDEX:
        if (n->flags & NF_GENERIC || n->a->kind == N_IDENT)
            ck_unsupported(c, n->pos, "generics (type instantiation)");
        ck_fail(c, n->pos, "not a type");
    default:
        ck_fail(c, n->pos, "%s is not a type", n->kind == N_IDENT ? n->text : "expression");
    }
}

/* A function's signature; with fn, its parameters become its first locals. */
static gtype *ck_signature(checker *c, gnode *ft, gnode *recv, gfunc *fn)
{
    gtype *params[256], *results[64];
    int np = 0, nr = 0, variadic = 0;
    gsym *psyms[256], *rsyms[64];
    int total = (recv ? 1 : 0);
    for (int i = 0; i < ft->nlist; i++)
        total += ft->list[i]->nlist ? ft->list[i]->nlist : 1;
    if (total > 256)
        ck_fail(c, ft->pos, "poolscope: more than 256 parameters (limit)");
    if (recv) {
        gtype *rt = ck_type(c, recv->a);
        params[np] = rt;
        psyms[np++] =
            recv->nlist ? ck_sym(c, SY_VAR, recv->list[0]->text, recv->list[0]->pos) : NULL;
    }
    for (int i = 0; i < ft->nlist; i++) {
        gnode *f = ft->list[i];
        gnode *tn = f->a;
        gtype *t;
        if (tn->kind == N_ELLIPSIS) {
            if (i != ft->nlist - 1 || f->nlist > 1)
                ck_fail(c, tn->pos, "can only use ... with final parameter in list");
            t = types_slice(c->ts, ck_type(c, tn->a));
            variadic = 1;
        } else {
            t = ck_type(c, tn);
        }
        int names = f->nlist ? f->nlist : 1;
        for (int j = 0; j < names; j++) {
            params[np] = t;
            psyms[np++] = f->nlist ? ck_sym(c, SY_VAR, f->list[j]->text, f->list[j]->pos) : NULL;
        }
    }
    int named = 0;
    for (int i = 0; i < ft->nlist2; i++) {
        gnode *f = ft->list2[i];
        gtype *t = ck_type(c, f->a);
        int names = f->nlist ? f->nlist : 1;
        for (int j = 0; j < names; j++) {
            if (nr >= 64)
                ck_fail(c, f->pos, "poolscope: more than 64 results (limit)");
            results[nr] = t;
            rsyms[nr++] = f->nlist ? ck_sym(c, SY_VAR, f->list[j]->text, f->list[j]->pos) : NULL;
            named |= f->nlist > 0;
        }
    }
    gtype *sig =
        types_func(c->ts, params + (recv ? 1 : 0), np - (recv ? 1 : 0), results, nr, variadic);
    if (!fn)
        return sig;
    fn->sig = recv ? types_func(c->ts, params, np, results, nr, variadic) : sig;
    fn->nparams = np;
    fn->params = ck_alloc(c, (size_t)(np + 1) * sizeof *fn->params);
    fn->param_slots = ck_alloc(c, (size_t)(np + 1) * sizeof *fn->param_slots);
    fn->nresults = nr;
    fn->results = ck_alloc(c, (size_t)(nr + 1) * sizeof *fn->results);
    fn->named_results = named;
    int32_t slot = 0;
    for (int i = 0; i < np; i++) {
        fn->param_slots[i] = slot;
        if (psyms[i]) {
            psyms[i]->type = params[i];
            psyms[i]->slot = slot;
            psyms[i]->owner = fn;
            psyms[i]->is_param = 1;
            psyms[i]->used = 1;
        }
        fn->params[i] = psyms[i];
        slot += params[i]->size;
    }
    fn->param_words = slot;
    for (int i = 0; i < nr; i++) {
        if (rsyms[i]) {
            rsyms[i]->type = results[i];
            rsyms[i]->slot = slot;
            rsyms[i]->owner = fn;
            rsyms[i]->used = 1;
        }
        fn->results[i] = rsyms[i];
        slot += results[i]->size;
    }
    fn->result_words = slot - fn->param_words;
    fn->frame_words = slot;
    return sig;
}

/* ---- names ---- */

/* Makes sym, a local of an outer function, reachable from c->fn: it is
 * boxed, and every function between captures it.  Returns the env index. */
static int32_t ck_capture(checker *c, gfunc *fn, gsym *sym)
{
    for (int i = 0; i < fn->ncaptures; i++)
        if (fn->captures[i].sym == sym)
            return i;
    gcapture cap = {.sym = sym};
    if (fn->outer == sym->owner) {
        cap.from_env = 0;
        cap.index = sym->slot;
    } else {
        cap.from_env = 1;
        cap.index = ck_capture(c, fn->outer, sym);
    }
    if (fn->ncaptures == fn->capcaptures) {
        int n = fn->capcaptures ? fn->capcaptures * 2 : 4;
        gcapture *v = ck_alloc(c, (size_t)n * sizeof *v);
        if (fn->ncaptures)
            memcpy(v, fn->captures, (size_t)fn->ncaptures * sizeof *v);
        fn->captures = v;
        fn->capcaptures = n;
    }
    fn->captures[fn->ncaptures] = cap;
    return fn->ncaptures++;
}

static gsym *ck_lookup(checker *c, const char *name, go_pos pos, int capture)
{
    (void)pos;
    for (scope *s = c->cur; s; s = s->up) {
        gsym *sym = scope_find_here(s, name);
        if (!sym)
            continue;
        if (capture && sym->kind == SY_VAR && !sym->global && sym->owner && c->fn &&
            sym->owner != c->fn) {
            sym->boxed = 1;
            ck_capture(c, c->fn, sym);
        }
        return sym;
    }
    return NULL;
}

static int32_t ck_capture_index(checker *c, gsym *sym)
{
    for (int i = 0; i < c->fn->ncaptures; i++)
        if (c->fn->captures[i].sym == sym)
            return i;
    return -1;
}

/* A new local variable of the current function. */
static gsym *ck_local(checker *c, const char *name, go_pos pos, gtype *t)
{
    if (!t)
        ck_fail(c, pos, "missing type for %s", name);
    gsym *s = ck_sym(c, SY_VAR, name, pos);
    s->type = t;
    s->owner = c->fn;
    s->slot = c->fn->frame_words;
    /* a large value lives in a box: frames stay small on goroutine stacks;
     * a zero-size one still gets a word, so every slot is in the frame */
    if (t->size > 16) {
        s->boxed = 1;
        c->fn->frame_words += 1;
    } else {
        c->fn->frame_words += t->size > 0 ? t->size : 1;
    }
    if (c->fn->frame_words > 1 << 16)
        ck_fail(c, pos, "poolscope: a function's locals over %d words (limit)", 1 << 16);
    scope_add(c, c->cur, s);
    return s;
}

static void scope_close(checker *c)
{
    scope *s = c->cur;
    for (int i = 0; i < s->n; i++) {
        gsym *v = s->syms[i];
        if (v->kind == SY_VAR && !v->used && !v->is_param && !v->global)
            ck_fail(c, v->pos, "%s declared but not used", v->name);
    }
    c->cur = s->up;
}

/* ---- operands ---- */

typedef enum mode {
    M_INVALID,
    M_NOVALUE,
    M_VALUE,
    M_VAR, /* addressable */
    M_MAPINDEX,
    M_CONST,
    M_TYPE,
    M_BUILTIN,
    M_PKG,
    M_COMMAOK, /* a value that may also give ok: map index, assertion, receive */
} mode;

typedef struct opnd {
    mode m;
    gtype *t;
    gconst *cv;
} opnd;

static opnd ck_expr(checker *c, gnode *n, gtype *hint);
static void ck_block(checker *c, gnode *b, int new_scope);
static void ck_stmt(checker *c, gnode *s);
static void ck_func_body(checker *c, gfunc *fn, gnode *body);

static gtype *basic(checker *c, gkind k)
{
    return c->ts->basic[k];
}

/* The default type of an untyped value. */
static gtype *ck_default(checker *c, gtype *t)
{
    switch (t->kind) {
    case GK_UNTYPED_BOOL:
        return basic(c, GK_BOOL);
    case GK_UNTYPED_INT:
        return basic(c, GK_INT);
    case GK_UNTYPED_RUNE:
        return c->ts->rune_t;
    case GK_UNTYPED_FLOAT:
        return basic(c, GK_FLOAT64);
    case GK_UNTYPED_STRING:
        return basic(c, GK_STRING);
    default:
        return t;
    }
}

static const char *ck_desc(checker *c, gnode *n, const opnd *o)
{
    char buf[200];
    if (o->m == M_CONST && o->cv) {
        const char *v = n->kind == N_BASICLIT || n->kind == N_IDENT ? n->text : cv_format(c, o->cv);
        if (types_is_untyped(o->t))
            snprintf(buf, sizeof buf, "%s (%s constant)", v, ck_typestr(c, o->t));
        else
            snprintf(buf, sizeof buf, "%s (constant %s of type %s)", v, cv_format(c, o->cv),
                     ck_typestr(c, o->t));
    } else if (n->kind == N_IDENT) {
        snprintf(buf, sizeof buf, "%s (variable of type %s)", n->text, ck_typestr(c, o->t));
    } else {
        snprintf(buf, sizeof buf, "value of type %s", ck_typestr(c, o->t));
    }
    return arena_strndup(&c->p->arena, buf, strlen(buf));
}

/* Sets a constant node's final type and word. */
static void ck_set_const(checker *c, gnode *n, gtype *t)
{
    gconst *v = cv_new(c, n->cv->kind);
    *v = *n->cv;
    uint64_t w = 0;
    if (!cv_represent(v, t, &w)) {
        if (v->kind == CK_FLOAT && types_is_integer(t))
            ck_fail(c, n->pos,
                    "cannot use %s (untyped float constant) as %s value in %s (truncated)",
                    cv_format(c, v), ck_typestr(c, t), "assignment");
        ck_fail(c, n->pos, "cannot use %s (untyped %s constant %s) as %s value (overflows)",
                n->kind == N_BASICLIT ? n->text : cv_format(c, v),
                v->kind == CK_FLOAT ? "float" : "int", cv_format(c, v), ck_typestr(c, t));
    }
    /* a typed float constant holds its type's precision (the spec's
     * representability: "rounded to T's precision"), so float64(float32(0.1))
     * is 0.10000000149011612 */
    const gtype *u = t->underlying ? t->underlying : t;
    if (v->kind == CK_FLOAT && (u->kind == GK_FLOAT32 || u->kind == GK_FLOAT64))
        v->f = (long double)cell_f64(w);
    v->word = w;
    n->cv = v;
    n->type = t;
    n->xop = X_CONST;
}

static int ck_implements(checker *c, gtype *t, gtype *it, gnode *n, int fail)
{
    const char *missing = NULL;
    int ptr_only = 0;
    if (types_implements(t, it, &missing, &ptr_only))
        return 1;
    if (!fail)
        return 0;
    if (ptr_only)
        ck_fail(
            c, n->pos,
            "cannot use %s as %s value: %s does not implement %s (method %s has pointer receiver)",
            ck_typestr(c, t), ck_typestr(c, it), ck_typestr(c, t), ck_typestr(c, it), missing);
    ck_fail(c, n->pos, "cannot use %s as %s value: %s does not implement %s (missing method %s)",
            ck_typestr(c, t), ck_typestr(c, it), ck_typestr(c, t), ck_typestr(c, it), missing);
}

/* Can a value of type v be assigned to type t? */
static int ck_assignable(checker *c, gtype *v, gtype *t, gnode *n)
{
    if (v == t)
        return 1;
    gtype *vu = v->underlying, *tu = t->underlying;
    if (t->kind == GK_INTERFACE && v->kind != GK_UNTYPED_NIL)
        return ck_implements(c, v, t, n, 0);
    if (vu == tu && (!v->name || !t->name) && v->kind != GK_INTERFACE)
        return 1;
    if (v->kind == GK_CHAN && t->kind == GK_CHAN && v->dir == GO_CHAN_BOTH && v->elem == t->elem &&
        (!v->name || !t->name))
        return 1;
    if (v->kind == GK_UNTYPED_NIL)
        return t->kind == GK_POINTER || t->kind == GK_FUNC || t->kind == GK_SLICE ||
               t->kind == GK_MAP || t->kind == GK_CHAN || t->kind == GK_INTERFACE ||
               t->kind == GK_UNSAFE_POINTER;
    if (v->kind == GK_UNTYPED_BOOL)
        return tu->kind == GK_BOOL;
    return 0;
}

/* Converts operand o (node n) for use as a value of type t, or fails with
 * Go's message (what = "assignment", "argument", "return statement"...). */
static void ck_assign(checker *c, gnode *n, opnd *o, gtype *t, const char *what)
{
    if (o->m == M_PKG) /* math as a value: its type is nothing */
        ck_fail(c, n->pos, "use of package %s not in selector", n->text);
    if (o->m == M_TYPE)
        ck_fail(c, n->pos, "%s (type) is not an expression", n->kind == N_IDENT ? n->text : "type");
    if (o->m == M_NOVALUE)
        ck_fail(c, n->pos, "%s (no value) used as value", "call");
    if (o->m == M_BUILTIN)
        ck_fail(c, n->pos, "%s (built-in function) must be called", n->text);
    if (o->t->kind == GK_TUPLE)
        ck_fail(c, n->pos, "multiple-value %s (value of type %s) in single-value context", "call",
                ck_typestr(c, o->t));
    if (o->m == M_CONST && types_is_untyped(o->t)) {
        gtype *target = t;
        if (t->kind == GK_INTERFACE) {
            target = ck_default(c, o->t);
            if (!ck_implements(c, target, t, n, 0))
                ck_fail(c, n->pos, "cannot use %s as %s value in %s", ck_desc(c, n, o),
                        ck_typestr(c, t), what);
        } else {
            gkind k = t->underlying->kind;
            int ok = 0;
            switch (o->cv->kind) {
            case CK_BOOL:
                ok = k == GK_BOOL;
                break;
            case CK_STRING:
                ok = k == GK_STRING;
                break;
            default:
                ok = types_is_numeric(t->underlying);
            }
            if (!ok)
                ck_fail(c, n->pos, "cannot use %s as %s value in %s", ck_desc(c, n, o),
                        ck_typestr(c, t), what);
        }
        ck_set_const(c, n, target);
        o->t = target;
        if (t->kind == GK_INTERFACE)
            o->t = target;
        return;
    }
    if (types_is_untyped(o->t) && o->t->kind == GK_UNTYPED_BOOL) {
        if (t->underlying->kind != GK_BOOL && t->kind != GK_INTERFACE)
            ck_fail(c, n->pos, "cannot use %s as %s value in %s", ck_desc(c, n, o),
                    ck_typestr(c, t), what);
        n->type = t->kind == GK_INTERFACE ? basic(c, GK_BOOL) : t;
        return;
    }
    if (o->t->kind == GK_UNTYPED_NIL) {
        if (!ck_assignable(c, o->t, t, n))
            ck_fail(c, n->pos, "cannot use nil as %s value in %s", ck_typestr(c, t), what);
        n->type = t;
        return;
    }
    if (!ck_assignable(c, o->t, t, n)) {
        if (t->kind == GK_INTERFACE)
            ck_implements(c, o->t, t, n, 1);
        ck_fail(c, n->pos, "cannot use %s as %s value in %s", ck_desc(c, n, o), ck_typestr(c, t),
                what);
    }
}

/* A value for an untyped context (x := 5, fmt.Println(5)): its default type. */
static void ck_use_default(checker *c, gnode *n, opnd *o)
{
    if (o->m == M_PKG) /* math as a value: its type is nothing */
        ck_fail(c, n->pos, "use of package %s not in selector", n->text);
    if (o->m == M_TYPE)
        ck_fail(c, n->pos, "%s (type) is not an expression", n->kind == N_IDENT ? n->text : "type");
    if (o->m == M_NOVALUE)
        ck_fail(c, n->pos, "%s (no value) used as value", "call");
    if (o->t->kind == GK_UNTYPED_NIL)
        ck_fail(c, n->pos, "use of untyped nil in %s", "assignment");
    if (types_is_untyped(o->t))
        ck_assign(c, n, o, ck_default(c, o->t), "assignment");
}

static opnd ck_value(checker *c, gnode *n, gtype *hint)
{
    opnd o = ck_expr(c, n, hint);
    if (o.m == M_TYPE)
        ck_fail(c, n->pos, "%s (type) is not an expression",
                n->kind == N_IDENT ? n->text : ck_typestr(c, o.t));
    if (o.m == M_NOVALUE)
        ck_fail(c, n->pos, "%s (no value) used as value", "call");
    if (o.m == M_PKG)
        ck_fail(c, n->pos, "use of package %s not in selector", n->text);
    if (o.m == M_BUILTIN)
        ck_fail(c, n->pos, "%s (built-in function) must be called", n->text);
    if (o.t && o.t->kind == GK_TUPLE)
        ck_fail(c, n->pos, "multiple-value %s (value of type %s) in single-value context", "call",
                ck_typestr(c, o.t));
    return o;
}

static int ck_addressable(const gnode *n)
{
    switch (n->kind) {
    case N_IDENT:
        return n->sym && n->sym->kind == SY_VAR;
    case N_PAREN:
        return ck_addressable(n->a);
    case N_STAR:
        return 1;
    case N_SELECTOR:
        return n->xop == X_FIELD && (n->y || ck_addressable(n->a));
    case N_INDEX:
        return n->xop == X_INDEX_SLICE || n->xop == X_INDEX_PTRARRAY ||
               (n->xop == X_INDEX_ARRAY && ck_addressable(n->a));
    case N_COMPOSITE:
        return 0;
    default:
        return 0;
    }
}

/* Marks the variable under an addressed expression as boxed. */
static void ck_mark_addressed(gnode *n)
{
    while (n->kind == N_PAREN || (n->kind == N_SELECTOR && !n->y) ||
           (n->kind == N_INDEX && n->xop == X_INDEX_ARRAY))
        n = n->a;
    if (n->kind == N_IDENT && n->sym && n->sym->kind == SY_VAR)
        n->sym->addressed = 1;
    if (n->kind == N_IDENT && n->sym && n->sym->kind == SY_VAR && !n->sym->global)
        n->sym->boxed = 1;
}

/* ---- constant folding ---- */

static int ck_is_const(const opnd *o)
{
    return o->m == M_CONST && o->cv;
}

static gi128 ck_wrap_typed(checker *c, gnode *n, gi128 v, gtype *t)
{
    if (types_is_untyped(t)) {
        if (v > I128_MAX / 4 || v < -(I128_MAX / 4))
            ck_fail(c, n->pos, "constant overflow");
        return v;
    }
    gconst tmp = {.kind = CK_INT, .i = v};
    uint64_t w;
    if (!cv_represent(&tmp, t, &w))
        ck_fail(c, n->pos, "constant %s overflows %s", cv_format(c, &tmp), ck_typestr(c, t));
    return v;
}

static gconst *ck_fold_binary(checker *c, gnode *n, int op, gconst *x, gconst *y, gtype *t)
{
    if (x->kind == CK_STRING) {
        if (op == T_ADD) {
            int64_t a = gstr_len(x->s), b = gstr_len(y->s);
            char *buf = malloc((size_t)(a + b) + 1);
            if (!buf)
                ck_fail(c, n->pos, "poolscope: out of memory");
            memcpy(buf, gstr_ptr(x->s), (size_t)a);
            memcpy(buf + a, gstr_ptr(y->s), (size_t)b);
            gconst *r = cv_string(c, buf, a + b);
            free(buf);
            return r;
        }
        int64_t a = gstr_len(x->s), b = gstr_len(y->s);
        int cmp = memcmp(gstr_ptr(x->s), gstr_ptr(y->s), (size_t)(a < b ? a : b));
        if (!cmp)
            cmp = a < b ? -1 : a > b;
        switch (op) {
        case T_EQL:
            return cv_bool(c, cmp == 0);
        case T_NEQ:
            return cv_bool(c, cmp != 0);
        case T_LSS:
            return cv_bool(c, cmp < 0);
        case T_LEQ:
            return cv_bool(c, cmp <= 0);
        case T_GTR:
            return cv_bool(c, cmp > 0);
        case T_GEQ:
            return cv_bool(c, cmp >= 0);
        }
        return NULL;
    }
    if (x->kind == CK_BOOL) {
        switch (op) {
        case T_LAND:
            return cv_bool(c, x->b && y->b);
        case T_LOR:
            return cv_bool(c, x->b || y->b);
        case T_EQL:
            return cv_bool(c, x->b == y->b);
        case T_NEQ:
            return cv_bool(c, x->b != y->b);
        }
        return NULL;
    }
    int is_float = x->kind == CK_FLOAT || y->kind == CK_FLOAT || types_is_float(t);
    if (is_float && !(types_is_integer(t) && !types_is_untyped(t))) {
        long double a = cv_to_float(x), b = cv_to_float(y);
        switch (op) {
        case T_ADD:
            return cv_float(c, a + b);
        case T_SUB:
            return cv_float(c, a - b);
        case T_MUL:
            return cv_float(c, a * b);
        case T_QUO:
            if (b == 0)
                ck_fail(c, n->pos, "invalid operation: division by zero");
            return cv_float(c, a / b);
        case T_EQL:
            return cv_bool(c, a == b);
        case T_NEQ:
            return cv_bool(c, a != b);
        case T_LSS:
            return cv_bool(c, a < b);
        case T_LEQ:
            return cv_bool(c, a <= b);
        case T_GTR:
            return cv_bool(c, a > b);
        case T_GEQ:
            return cv_bool(c, a >= b);
        }
        ck_fail(c, n->pos, "invalid operation: operator %s not defined on untyped float",
                lex_tok_name(op));
    }
    gi128 a, b;
    if (x->kind == CK_INT)
        a = x->i;
    else if (!cv_float_int(x->f, &a))
        ck_fail(c, n->pos, "constant truncated to integer");
    if (y->kind == CK_INT)
        b = y->i;
    else if (!cv_float_int(y->f, &b))
        ck_fail(c, n->pos, "constant truncated to integer");
    gi128 r;
    switch (op) {
    case T_ADD:
        r = a + b;
        break;
    case T_SUB:
        r = a - b;
        break;
    case T_MUL:
        if (a && (b > I128_MAX / 4 / (a < 0 ? -a : a) || b < -(I128_MAX / 4) / (a < 0 ? -a : a)))
            ck_fail(c, n->pos, "constant multiplication overflow");
        r = a * b;
        break;
    case T_QUO:
        if (!b)
            ck_fail(c, n->pos, "invalid operation: division by zero");
        r = a / b;
        break;
    case T_REM:
        if (!b)
            ck_fail(c, n->pos, "invalid operation: division by zero");
        r = a % b;
        break;
    case T_AND:
        r = a & b;
        break;
    case T_OR:
        r = a | b;
        break;
    case T_XOR:
        r = a ^ b;
        break;
    case T_AND_NOT:
        r = a & ~b;
        break;
    case T_EQL:
        return cv_bool(c, a == b);
    case T_NEQ:
        return cv_bool(c, a != b);
    case T_LSS:
        return cv_bool(c, a < b);
    case T_LEQ:
        return cv_bool(c, a <= b);
    case T_GTR:
        return cv_bool(c, a > b);
    case T_GEQ:
        return cv_bool(c, a >= b);
    default:
        return NULL;
    }
    return cv_int(c, ck_wrap_typed(c, n, r, t));
}

/* The kind of untyped constant a binary operation on untyped operands gives:
 * the "larger" of int < rune < float. */
static gtype *ck_untyped_join(checker *c, gtype *a, gtype *b)
{
    if (a == b)
        return a;
    int ra = a->kind == GK_UNTYPED_INT     ? 1
             : a->kind == GK_UNTYPED_RUNE  ? 2
             : a->kind == GK_UNTYPED_FLOAT ? 3
                                           : 0;
    int rb = b->kind == GK_UNTYPED_INT     ? 1
             : b->kind == GK_UNTYPED_RUNE  ? 2
             : b->kind == GK_UNTYPED_FLOAT ? 3
                                           : 0;
    if (!ra || !rb)
        return NULL;
    return ra > rb ? a : b;
    (void)c;
}

static gconst *ck_const_expr(checker *c, gnode *n, gtype **type)
{
    opnd o = ck_expr(c, n, NULL);
    *type = o.t;
    return ck_is_const(&o) ? o.cv : NULL;
}

/* ---- literals ---- */

static opnd ck_basiclit(checker *c, gnode *n)
{
    opnd o = {.m = M_CONST};
    switch (n->op) {
    case T_INT: {
        const char *s = n->text;
        int base = 10;
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            base = 16;
            s += 2;
        } else if (s[0] == '0' && (s[1] == 'b' || s[1] == 'B')) {
            base = 2;
            s += 2;
        } else if (s[0] == '0' && (s[1] == 'o' || s[1] == 'O')) {
            base = 8;
            s += 2;
        } else if (s[0] == '0' && s[1]) {
            base = 8;
            s += 1;
        }
        gu128 v = 0;
        for (; *s; s++) {
            if (*s == '_')
                continue;
            int d = *s >= '0' && *s <= '9' ? *s - '0' : (*s | 0x20) - 'a' + 10;
            if (d >= base)
                ck_fail(c, n->pos, "invalid digit %c in %s literal", *s,
                        base == 8   ? "octal"
                        : base == 2 ? "binary"
                                    : "decimal");
            if (v > ((gu128)I128_MAX) / 64)
                ck_fail(c, n->pos, "poolscope: integer constant %s is too large (limit: 2^120)",
                        n->text);
            v = v * (unsigned)base + (unsigned)d;
        }
        o.cv = cv_int(c, (gi128)v);
        o.t = basic(c, GK_UNTYPED_INT);
        break;
    }
    case T_FLOAT: {
        char buf[128];
        int k = 0;
        for (const char *s = n->text; *s && k < 126; s++)
            if (*s != '_')
                buf[k++] = *s;
        buf[k] = 0;
        o.cv = cv_float(c, strtold(buf, NULL));
        o.t = basic(c, GK_UNTYPED_FLOAT);
        /* 1e3 is an untyped float constant whose value is an integer */
        break;
    }
    case T_IMAG:
        ck_unsupported(c, n->pos, "complex numbers");
    case T_CHAR: {
        char buf[16];
        const char *err = NULL;
        if (n->len > 12)
            ck_fail(c, n->pos, "more than one character in rune literal");
        long len = lex_unquote(n->text, (size_t)n->len, buf, &err);
        if (len < 0)
            ck_fail(c, n->pos, "%s", err);
        uint32_t r;
        if (n->text[1] == '\\' && (n->text[2] == 'x' || (n->text[2] >= '0' && n->text[2] <= '7'))) {
            r = (unsigned char)buf[0];
        } else {
            int size = 0;
            if (len == 0)
                ck_fail(c, n->pos, "empty rune literal or unescaped ' in rune literal");
            r = lex_utf8_decode((const unsigned char *)buf, (size_t)len, &size);
            if (size != len)
                ck_fail(c, n->pos, "more than one character in rune literal");
        }
        o.cv = cv_int(c, r);
        o.t = basic(c, GK_UNTYPED_RUNE);
        break;
    }
    case T_STRING: {
        char *buf = malloc((size_t)n->len + 1);
        if (!buf)
            ck_fail(c, n->pos, "poolscope: out of memory");
        const char *err = NULL;
        long len = lex_unquote(n->text, (size_t)n->len, buf, &err);
        if (len < 0) {
            free(buf);
            ck_fail(c, n->pos, "%s", err);
        }
        o.cv = cv_string(c, buf, len);
        free(buf);
        o.t = basic(c, GK_UNTYPED_STRING);
        break;
    }
    }
    n->cv = o.cv;
    n->type = o.t;
    n->xop = X_CONST;
    return o;
}

/* ---- identifiers, unary and binary ---- */

static void ck_add_dep(checker *c, gsym *owner, gsym *dep)
{
    for (int i = 0; i < owner->ndeps; i++)
        if (owner->deps[i] == dep)
            return;
    if (owner->ndeps == owner->capdeps) {
        int cap = owner->capdeps ? owner->capdeps * 2 : 8;
        gsym **v = ck_alloc(c, (size_t)cap * sizeof *v);
        if (owner->ndeps)
            memcpy(v, owner->deps, (size_t)owner->ndeps * sizeof *v);
        owner->deps = v;
        owner->capdeps = cap;
    }
    owner->deps[owner->ndeps++] = dep;
}

static opnd ck_ident(checker *c, gnode *n)
{
    if (strcmp(n->text, "_") == 0)
        ck_fail(c, n->pos, "cannot use _ as value");
    gsym *s = ck_lookup(c, n->text, n->pos, 1);
    if (!s)
        ck_fail(c, n->pos, "undefined: %s", n->text);
    n->sym = s;
    if (c->dep_owner &&
        ((s->kind == SY_VAR && s->global && s->spec) || (s->kind == SY_FUNC && s->decl)))
        ck_add_dep(c, c->dep_owner, s);
    if (s->state == 0 && (s->decl || s->spec) && s->kind != SY_PKG)
        ck_resolve_global(c, s);
    opnd o = {.t = s->type};
    switch (s->kind) {
    case SY_VAR:
        s->used = 1;
        o.m = M_VAR;
        if (s->global)
            n->xop = X_GLOBAL;
        else if (c->fn && s->owner != c->fn) {
            n->xop = X_CAPTURED;
            n->x = ck_capture_index(c, s);
        } else
            n->xop = X_LOCAL; /* X_LOCAL_BOXED when s->boxed: decided at run time */
        break;
    case SY_CONST:
        if (s == NULL || strcmp(s->name, "iota") == 0) {
            if (c->iota < 0)
                ck_fail(c, n->pos, "cannot use iota outside constant declaration");
            o.cv = cv_int(c, c->iota);
            o.t = basic(c, GK_UNTYPED_INT);
        } else {
            o.cv = s->cv;
        }
        o.m = M_CONST;
        n->cv = o.cv;
        n->xop = X_CONST;
        if (!types_is_untyped(o.t)) {
            n->type = o.t;
            ck_set_const(c, n, o.t);
        }
        break;
    case SY_TYPE:
        o.m = M_TYPE;
        break;
    case SY_FUNC:
        o.m = M_VALUE;
        n->xop = X_FUNCVAL;
        break;
    case SY_PKG:
        o.m = M_PKG;
        for (int i = 0; i < c->nlibs; i++)
            if (c->libs[i].pkg == s->pkg)
                c->libs[i].used = 1;
        break;
    case SY_BUILTIN:
        o.m = M_BUILTIN;
        break;
    case SY_NIL:
        o.m = M_VALUE;
        o.t = basic(c, GK_UNTYPED_NIL);
        n->xop = X_NIL;
        break;
    case SY_LABEL:
        ck_fail(c, n->pos, "undefined: %s", n->text);
    }
    n->type = o.t;
    return o;
}

static opnd ck_unary(checker *c, gnode *n, gtype *hint)
{
    if (n->op == T_AND) {
        gnode *x = n->a;
        while (x->kind == N_PAREN)
            x = x->a;
        if (x->kind == N_COMPOSITE) { /* &T{...}: a new T */
            opnd o = ck_expr(c, x, hint && hint->kind == GK_POINTER ? hint->elem : NULL);
            n->type = types_pointer(c->ts, o.t);
            n->xop = X_ADDR;
            return (opnd){.m = M_VALUE, .t = n->type};
        }
        opnd o = ck_value(c, n->a, NULL);
        if (!ck_addressable(n->a))
            ck_fail(c, n->pos, "invalid operation: cannot take address of %s",
                    ck_desc(c, n->a, &o));
        ck_mark_addressed(n->a);
        n->type = types_pointer(c->ts, o.t);
        n->xop = X_ADDR;
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    if (n->op == T_ARROW) {
        opnd o = ck_value(c, n->a, NULL);
        if (o.t->kind != GK_CHAN)
            ck_fail(c, n->pos, "invalid operation: cannot receive from non-channel %s",
                    ck_desc(c, n->a, &o));
        if (o.t->dir == GO_CHAN_SEND)
            ck_fail(c, n->pos, "invalid operation: cannot receive from send-only channel %s",
                    ck_desc(c, n->a, &o));
        n->type = o.t->elem;
        n->xop = X_RECV;
        return (opnd){.m = M_COMMAOK, .t = n->type};
    }
    opnd o = ck_value(c, n->a, hint);
    gtype *u = o.t->underlying;
    switch (n->op) {
    case T_ADD:
    case T_SUB:
        if (!types_is_numeric(u))
            ck_fail(c, n->pos, "invalid operation: operator %s not defined on %s",
                    lex_tok_name(n->op), ck_desc(c, n->a, &o));
        if (ck_is_const(&o)) {
            gconst *v = o.cv;
            if (n->op == T_SUB)
                v = v->kind == CK_INT ? cv_int(c, -v->i) : cv_float(c, -v->f);
            if (v->kind == CK_INT)
                ck_wrap_typed(c, n, v->i, o.t);
            n->cv = v;
            n->type = o.t;
            if (!types_is_untyped(o.t))
                ck_set_const(c, n, o.t);
            else
                n->xop = X_CONST;
            return (opnd){.m = M_CONST, .t = o.t, .cv = v};
        }
        n->xop = n->op == T_ADD ? X_PLUS : types_is_float(u) ? X_NEG_FLOAT : X_NEG_INT;
        n->x = types_int_bits(u);
        n->y = types_is_unsigned(u);
        n->type = o.t;
        return (opnd){.m = M_VALUE, .t = o.t};
    case T_NOT:
        if (u->kind != GK_BOOL && u->kind != GK_UNTYPED_BOOL)
            ck_fail(c, n->pos, "invalid operation: operator ! not defined on %s",
                    ck_desc(c, n->a, &o));
        if (ck_is_const(&o)) {
            n->cv = cv_bool(c, !o.cv->b);
            n->type = o.t;
            if (!types_is_untyped(o.t))
                ck_set_const(c, n, o.t);
            else
                n->xop = X_CONST;
            return (opnd){.m = M_CONST, .t = o.t, .cv = n->cv};
        }
        n->xop = X_NOT;
        n->type = o.t;
        return (opnd){.m = M_VALUE, .t = o.t};
    case T_XOR:
        if (!types_is_integer(u))
            ck_fail(c, n->pos, "invalid operation: operator ^ not defined on %s",
                    ck_desc(c, n->a, &o));
        if (ck_is_const(&o)) {
            gi128 v = ~o.cv->i;
            if (types_is_unsigned(u)) {
                int bits = types_int_bits(u);
                v = (gi128)(bits == 64 ? (uint64_t) ~(uint64_t)o.cv->i
                                       : (uint64_t)(~(uint64_t)o.cv->i & ((1ull << bits) - 1)));
            }
            n->cv = cv_int(c, v);
            n->type = o.t;
            if (!types_is_untyped(o.t))
                ck_set_const(c, n, o.t);
            else
                n->xop = X_CONST;
            return (opnd){.m = M_CONST, .t = o.t, .cv = n->cv};
        }
        n->xop = X_COMPL;
        n->x = types_int_bits(u);
        n->y = types_is_unsigned(u);
        n->type = o.t;
        return (opnd){.m = M_VALUE, .t = o.t};
    default:
        ck_fail(c, n->pos, "invalid operation: unary %s", lex_tok_name(n->op));
    }
}

static int ck_is_comparison(int op)
{
    return op == T_EQL || op == T_NEQ || op == T_LSS || op == T_LEQ || op == T_GTR || op == T_GEQ;
}

static go_xop ck_cmp_xop(int op, int base)
{
    /* base: X_EQ_WORD (eq/ne only), X_LT_INT, X_EQ_FLOAT, X_EQ_STR families */
    switch (base) {
    case X_LT_INT:
        return op == T_LSS ? X_LT_INT : op == T_LEQ ? X_LE_INT : op == T_GTR ? X_GT_INT : X_GE_INT;
    case X_EQ_FLOAT:
        switch (op) {
        case T_EQL:
            return X_EQ_FLOAT;
        case T_NEQ:
            return X_NE_FLOAT;
        case T_LSS:
            return X_LT_FLOAT;
        case T_LEQ:
            return X_LE_FLOAT;
        case T_GTR:
            return X_GT_FLOAT;
        default:
            return X_GE_FLOAT;
        }
    case X_EQ_STR:
        switch (op) {
        case T_EQL:
            return X_EQ_STR;
        case T_NEQ:
            return X_NE_STR;
        case T_LSS:
            return X_LT_STR;
        case T_LEQ:
            return X_LE_STR;
        case T_GTR:
            return X_GT_STR;
        default:
            return X_GE_STR;
        }
    default:
        return op == T_EQL ? X_EQ_WORD : X_NE_WORD;
    }
}

static opnd ck_shift(checker *c, gnode *n, opnd x, gtype *hint)
{
    opnd y = ck_value(c, n->b, NULL);
    if (!types_is_integer(y.t->underlying)) {
        if (ck_is_const(&y) && y.cv->kind == CK_FLOAT) {
            gi128 iv;
            if (!cv_float_int(y.cv->f, &iv))
                ck_fail(c, n->b->pos, "invalid shift count %s", ck_desc(c, n->b, &y));
        } else {
            ck_fail(c, n->b->pos, "invalid operation: shift count %s must be integer",
                    ck_desc(c, n->b, &y));
        }
    }
    if (ck_is_const(&y) && y.cv->kind == CK_INT && y.cv->i < 0)
        ck_fail(c, n->b->pos, "invalid operation: negative shift count %s", ck_desc(c, n->b, &y));
    if (ck_is_const(&x) && ck_is_const(&y)) {
        gi128 a;
        if (x.cv->kind == CK_INT)
            a = x.cv->i;
        else if (!cv_float_int(x.cv->f, &a))
            ck_fail(c, n->pos, "invalid operation: shifted operand %s must be integer",
                    ck_desc(c, n->a, &x));
        gi128 s = y.cv->kind == CK_INT ? y.cv->i : (gi128)y.cv->f;
        if (s > 126)
            ck_fail(c, n->pos, "poolscope: constant shift count %d too large (limit 126)", (int)s);
        gi128 r = n->op == T_SHL ? a << s : a >> s;
        if (n->op == T_SHL && a && (r >> s) != a)
            ck_fail(c, n->pos, "constant shift overflow");
        gtype *t = types_is_untyped(x.t)
                       ? (x.t->kind == GK_UNTYPED_FLOAT ? basic(c, GK_UNTYPED_INT) : x.t)
                       : x.t;
        ck_wrap_typed(c, n, r, t);
        n->cv = cv_int(c, r);
        n->type = t;
        if (!types_is_untyped(t))
            ck_set_const(c, n, t);
        else
            n->xop = X_CONST;
        return (opnd){.m = M_CONST, .t = t, .cv = n->cv};
    }
    if (types_is_untyped(y.t))
        ck_assign(c, n->b, &y, basic(c, GK_UINT), "shift count");
    if (types_is_untyped(x.t)) {
        /* "the type it would assume if the shift were replaced by its left operand alone" */
        gtype *t = hint && types_is_integer(hint->underlying) ? hint : basic(c, GK_INT);
        ck_assign(c, n->a, &x, t, "shift");
        x.t = t;
    }
    if (!types_is_integer(x.t->underlying))
        ck_fail(c, n->pos, "invalid operation: shifted operand %s must be integer",
                ck_desc(c, n->a, &x));
    n->xop = n->op == T_SHL ? X_SHL : X_SHR;
    n->x = types_int_bits(x.t->underlying);
    n->y = types_is_unsigned(x.t->underlying);
    n->type = x.t;
    return (opnd){.m = M_VALUE, .t = x.t};
}

static opnd ck_binary(checker *c, gnode *n, gtype *hint)
{
    int op = n->op;
    if (op == T_SHL || op == T_SHR) {
        opnd x = ck_value(c, n->a, hint);
        return ck_shift(c, n, x, hint);
    }
    opnd x = ck_value(c, n->a, NULL);
    opnd y = ck_value(c, n->b, NULL);
    /* bring untyped operands to the other's type (nil: below) */
    if (x.t->kind == GK_UNTYPED_NIL || y.t->kind == GK_UNTYPED_NIL)
        ;
    else if (types_is_untyped(x.t) && !types_is_untyped(y.t))
        ck_assign(c, n->a, &x, y.t, "operation"), x.t = y.t;
    else if (types_is_untyped(y.t) && !types_is_untyped(x.t))
        ck_assign(c, n->b, &y, x.t, "operation"), y.t = x.t;
    if (x.t->kind == GK_UNTYPED_NIL || y.t->kind == GK_UNTYPED_NIL) {
        if (!ck_is_comparison(op) || (op != T_EQL && op != T_NEQ))
            ck_fail(c, n->pos, "invalid operation: operator %s not defined on nil",
                    lex_tok_name(op));
        gnode *other = x.t->kind == GK_UNTYPED_NIL ? n->b : n->a;
        gtype *ot = x.t->kind == GK_UNTYPED_NIL ? y.t : x.t;
        if (ot->kind == GK_UNTYPED_NIL)
            ck_fail(c, n->pos, "invalid operation: %s (operator %s not defined on nil)",
                    "nil == nil", lex_tok_name(op));
        opnd no = {.m = M_VALUE, .t = basic(c, GK_UNTYPED_NIL)};
        ck_assign(c, other == n->a ? n->b : n->a, &no, ot, "comparison");
        n->xop = op == T_EQL ? X_EQ_NILCMP : X_NE_NILCMP;
        n->aux = other;
        n->type = basic(c, GK_UNTYPED_BOOL);
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    gtype *t = x.t;
    if (types_is_untyped(x.t) && types_is_untyped(y.t)) {
        t = ck_untyped_join(c, x.t, y.t);
        if (!t && x.t != y.t)
            ck_fail(c, n->a->pos, "invalid operation: %s (mismatched types %s and %s)", "operands",
                    ck_typestr(c, x.t), ck_typestr(c, y.t));
        if (!t)
            t = x.t;
    } else if (x.t != y.t) {
        int iface_cmp =
            ck_is_comparison(op) && ((x.t->kind == GK_INTERFACE && ck_assignable(c, y.t, x.t, n)) ||
                                     (y.t->kind == GK_INTERFACE && ck_assignable(c, x.t, y.t, n)));
        if (!iface_cmp)
            ck_fail(c, n->a->pos, "invalid operation: %s %s %s (mismatched types %s and %s)",
                    n->a->kind == N_IDENT ? n->a->text : "x", lex_tok_name(op),
                    n->b->kind == N_IDENT ? n->b->text : "y", ck_typestr(c, x.t),
                    ck_typestr(c, y.t));
        t = x.t->kind == GK_INTERFACE ? x.t : y.t;
        n->xop = op == T_EQL ? X_EQ_ANY : X_NE_ANY;
        n->aux = t;
        n->x = x.t->kind == GK_INTERFACE ? 1 : 2; /* which operand needs boxing */
        if (op != T_EQL && op != T_NEQ)
            ck_fail(c, n->pos, "invalid operation: operator %s not defined on interface",
                    lex_tok_name(op));
        n->type = basic(c, GK_UNTYPED_BOOL);
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    gtype *u = t->underlying;
    if (ck_is_const(&x) && ck_is_const(&y)) {
        if ((op == T_QUO || op == T_REM) &&
            ((y.cv->kind == CK_INT && y.cv->i == 0) || (y.cv->kind == CK_FLOAT && y.cv->f == 0)))
            ck_fail(c, n->pos, "invalid operation: division by zero");
        if (t->kind == GK_UNTYPED_FLOAT || types_is_float(u)) {
            if (op == T_REM)
                ck_fail(c, n->pos, "invalid operation: operator %% not defined on %s",
                        ck_desc(c, n->a, &x));
        }
        gtype *ft = t;
        if (types_is_integer(u) && !types_is_untyped(u) && op == T_QUO) {
            /* typed integer division truncates */
        }
        gconst *v = ck_fold_binary(c, n, op, x.cv, y.cv, ft);
        if (!v)
            ck_fail(c, n->pos, "invalid operation: operator %s not defined on %s", lex_tok_name(op),
                    ck_desc(c, n->a, &x));
        gtype *rt = ck_is_comparison(op) || op == T_LAND || op == T_LOR
                        ? (ck_is_comparison(op) ? basic(c, GK_UNTYPED_BOOL) : t)
                        : t;
        if (rt->kind == GK_UNTYPED_INT && v->kind == CK_FLOAT)
            rt = basic(c, GK_UNTYPED_FLOAT);
        n->cv = v;
        n->type = rt;
        if (!types_is_untyped(rt))
            ck_set_const(c, n, rt);
        else
            n->xop = X_CONST;
        return (opnd){.m = M_CONST, .t = rt, .cv = v};
    }
    /* one side may still be untyped (both untyped, non-constant: comparisons) */
    if (types_is_untyped(t) && t->kind != GK_UNTYPED_BOOL) {
        gtype *d = ck_default(c, t);
        ck_assign(c, n->a, &x, d, "operation");
        ck_assign(c, n->b, &y, d, "operation");
        t = d;
        u = d->underlying;
    }
    n->x = types_int_bits(u);
    n->y = types_is_unsigned(u);
    if (op == T_LAND || op == T_LOR) {
        if (u->kind != GK_BOOL && u->kind != GK_UNTYPED_BOOL)
            ck_fail(c, n->pos, "invalid operation: operator %s not defined on %s", lex_tok_name(op),
                    ck_desc(c, n->a, &x));
        n->xop = op == T_LAND ? X_LAND : X_LOR;
        n->type = t;
        return (opnd){.m = M_VALUE, .t = t};
    }
    if (ck_is_comparison(op)) {
        n->type = basic(c, GK_UNTYPED_BOOL);
        int ordered = op != T_EQL && op != T_NEQ;
        if (types_is_string(u))
            n->xop = ck_cmp_xop(op, X_EQ_STR);
        else if (types_is_float(u))
            n->xop = ck_cmp_xop(op, X_EQ_FLOAT);
        else if (types_is_integer(u))
            n->xop = ordered ? ck_cmp_xop(op, X_LT_INT) : ck_cmp_xop(op, X_EQ_WORD);
        else if (ordered)
            ck_fail(c, n->pos, "invalid operation: %s %s %s (operator %s not defined on %s)",
                    n->a->kind == N_IDENT ? n->a->text : "x", lex_tok_name(op),
                    n->b->kind == N_IDENT ? n->b->text : "y", lex_tok_name(op), ck_typestr(c, t));
        else if (!u->comparable || u->kind == GK_SLICE || u->kind == GK_MAP || u->kind == GK_FUNC)
            ck_fail(c, n->pos, "invalid operation: %s %s %s (%s can only be compared to nil)",
                    n->a->kind == N_IDENT ? n->a->text : "x", lex_tok_name(op),
                    n->b->kind == N_IDENT ? n->b->text : "y",
                    u->kind == GK_SLICE ? "slice"
                    : u->kind == GK_MAP ? "map"
                                        : "func");
        else if (u->kind == GK_BOOL || u->kind == GK_POINTER || u->kind == GK_CHAN ||
                 u->kind == GK_UNTYPED_BOOL || u->kind == GK_UNSAFE_POINTER)
            n->xop = ck_cmp_xop(op, X_EQ_WORD);
        else {
            n->xop = op == T_EQL ? X_EQ_ANY : X_NE_ANY;
            n->aux = t;
            n->x = 0;
        }
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    int is_str = types_is_string(u), is_float = types_is_float(u), is_int = types_is_integer(u);
    switch (op) {
    case T_ADD:
        n->xop = is_str ? X_ADD_STR : is_float ? X_ADD_FLOAT : is_int ? X_ADD_INT : X_NONE;
        break;
    case T_SUB:
        n->xop = is_float ? X_SUB_FLOAT : is_int ? X_SUB_INT : X_NONE;
        break;
    case T_MUL:
        n->xop = is_float ? X_MUL_FLOAT : is_int ? X_MUL_INT : X_NONE;
        break;
    case T_QUO:
        n->xop = is_float ? X_DIV_FLOAT : is_int ? X_DIV_INT : X_NONE;
        if (is_int && ck_is_const(&y) && y.cv->kind == CK_INT && y.cv->i == 0)
            ck_fail(c, n->pos, "invalid operation: division by zero");
        break;
    case T_REM:
        n->xop = is_int ? X_REM_INT : X_NONE;
        if (is_int && ck_is_const(&y) && y.cv->kind == CK_INT && y.cv->i == 0)
            ck_fail(c, n->pos, "invalid operation: division by zero");
        break;
    case T_AND:
        n->xop = is_int ? X_AND : X_NONE;
        break;
    case T_OR:
        n->xop = is_int ? X_OR : X_NONE;
        break;
    case T_XOR:
        n->xop = is_int ? X_XOR : X_NONE;
        break;
    case T_AND_NOT:
        n->xop = is_int ? X_ANDNOT : X_NONE;
        break;
    }
    if (n->xop == X_NONE) {
        if (u->kind == GK_COMPLEX128 || u->kind == GK_COMPLEX64)
            ck_unsupported(c, n->pos, "complex numbers");
        ck_fail(c, n->pos, "invalid operation: operator %s not defined on %s", lex_tok_name(op),
                ck_desc(c, n->a, &x));
    }
    n->type = t;
    (void)hint;
    return (opnd){.m = M_VALUE, .t = t};
}

/* ---- selectors ---- */

/* Finds field name in struct type st (breadth first through embedded
 * fields).  Returns the field's type, or NULL. */
static gtype *ck_find_field(const gtype *st, const char *name, gpath *path, int *ambiguous)
{
    typedef struct {
        const gtype *t;
        gpath p;
    } item;
    item q[64];
    int qh = 0, qt = 0;
    q[qt++] = (item){.t = st};
    gtype *found = NULL;
    int found_n = -1;
    *ambiguous = 0;
    while (qh < qt) {
        item it = q[qh++];
        if (found && it.p.n >= found_n)
            break;
        const gtype *t = it.t;
        int deref = 0;
        if (t->kind == GK_POINTER) {
            t = t->elem;
            deref = 1;
        }
        if (t->kind != GK_STRUCT)
            continue;
        for (int i = 0; i < t->nfields; i++) {
            const gfield *f = &t->fields[i];
            if (strcmp(f->name, name) == 0) {
                if (found && found_n == it.p.n) {
                    *ambiguous = 1;
                    continue;
                }
                *path = it.p;
                path->s[path->n].off = f->offset;
                path->s[path->n].deref = deref;
                path->n++;
                found = f->type;
                found_n = it.p.n;
            } else if (f->embedded && it.p.n < 7 && qt < 64) {
                item next = {.t = f->type, .p = it.p};
                next.p.s[next.p.n].off = f->offset;
                next.p.s[next.p.n].deref = deref;
                next.p.n++;
                q[qt++] = next;
            }
        }
    }
    return found;
}

static opnd ck_pkg_member(checker *c, gnode *n, gsym *pk)
{
    for (int i = 0; i < c->nlibs; i++) {
        if (c->libs[i].pkg != pk->pkg)
            continue;
        c->libs[i].used = 1;
        gsym *m = scope_find_here(c->libs[i].s, n->text);
        if (!m || !(n->text[0] >= 'A' && n->text[0] <= 'Z'))
            ck_no_member(c, n, c->libs[i].pkg);
        if (m->state == 0 && m->kind == SY_TYPE)
            ck_resolve_global(c, m);
        n->sym = m;
        n->type = m->type;
        switch (m->kind) {
        case SY_TYPE:
            return (opnd){.m = M_TYPE, .t = m->type};
        case SY_CONST:
            n->cv = m->cv;
            n->xop = X_CONST;
            if (!types_is_untyped(m->type))
                ck_set_const(c, n, m->type);
            return (opnd){.m = M_CONST, .t = m->type, .cv = m->cv};
        case SY_FUNC:
            /* a signature without its native yet: refused now, by name, not
             * when the call runs (after the program has printed) */
            if (!lib_native(c->libs[i].pkg->path, n->text))
                ck_fail(c, n->pos, "poolscope does not support %s.%s yet", n->a->text, n->text);
            n->xop = X_FUNCVAL;
            return (opnd){.m = M_VALUE, .t = m->type};
        default:
            n->xop = X_PKGVAL;
            return (opnd){.m = M_VAR, .t = m->type};
        }
    }
    ck_fail(c, n->pos, "undefined: %s.%s", n->a->text, n->text);
}

static opnd ck_selector(checker *c, gnode *n)
{
    if (n->a->kind == N_IDENT) {
        gsym *s = ck_lookup(c, n->a->text, n->a->pos, 0);
        if (s && s->kind == SY_PKG) {
            n->a->sym = s;
            return ck_pkg_member(c, n, s);
        }
    }
    opnd x = ck_expr(c, n->a, NULL);
    if (x.m == M_TYPE) { /* a method expression T.M or (*T).M */
        gmethod_path mp;
        if (!types_find_method(x.t, n->text, &mp) || !mp.m)
            ck_fail(c, n->pos, "%s.%s undefined (type %s has no method %s)", ck_typestr(c, x.t),
                    n->text, ck_typestr(c, x.t), n->text);
        gmethod_path *keep = ck_alloc(c, sizeof *keep);
        *keep = mp;
        n->aux = keep;
        n->xop = X_METHODEXPR;
        gtype *ps[257];
        gtype *sig = mp.m->sig;
        ps[0] = x.t;
        for (int i = 0; i < sig->nparams && i < 256; i++)
            ps[i + 1] = sig->params[i];
        n->type =
            types_func(c->ts, ps, sig->nparams + 1, sig->results, sig->nresults, sig->variadic);
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    if (x.m != M_VAR && x.m != M_VALUE && x.m != M_COMMAOK && x.m != M_MAPINDEX)
        ck_value(c, n->a, NULL);
    gtype *t = x.t;
    /* fields */
    const gtype *st = t->kind == GK_POINTER ? t->elem : t;
    if (st->kind == GK_STRUCT) {
        gpath path = {0};
        int amb = 0;
        gtype *ft = ck_find_field(t, n->text, &path, &amb);
        if (amb)
            ck_fail(c, n->pos, "ambiguous selector %s.%s", n->a->kind == N_IDENT ? n->a->text : "x",
                    n->text);
        if (ft) {
            gpath *keep = ck_alloc(c, sizeof *keep);
            *keep = path;
            n->aux = keep;
            n->xop = X_FIELD;
            /* through a pointer anywhere on the path: addressable */
            int via_ptr = 0;
            for (int i = 0; i < path.n; i++)
                via_ptr |= path.s[i].deref;
            n->y = via_ptr;
            n->type = ft;
            return (opnd){.m = (via_ptr || x.m == M_VAR) ? M_VAR : M_VALUE, .t = ft};
        }
    }
    /* methods */
    if (t->kind == GK_INTERFACE) {
        for (int i = 0; i < t->nimethods; i++)
            if (strcmp(t->imethods[i].name, n->text) == 0) {
                n->xop = X_IFACE_METHODVAL;
                n->type = t->imethods[i].sig;
                n->x = i;
                return (opnd){.m = M_VALUE, .t = n->type};
            }
    } else {
        gmethod_path mp;
        if (types_find_method(t, n->text, &mp)) {
            gmethod_path *keep = ck_alloc(c, sizeof *keep);
            *keep = mp;
            n->aux = keep;
            n->xop = X_METHODVAL;
            n->type = mp.m ? mp.m->sig : mp.im->sig;
            if (mp.m && mp.m->ptr_recv && t->kind != GK_POINTER) {
                int via_ptr = 0;
                for (int d = 0; d < mp.depth; d++)
                    via_ptr |= mp.derefs[d];
                if (!via_ptr) {
                    if (!ck_addressable(n->a))
                        ck_fail(c, n->pos, "cannot call pointer method %s on %s", n->text,
                                ck_typestr(c, t));
                    ck_mark_addressed(n->a);
                }
            }
            return (opnd){.m = M_VALUE, .t = n->type};
        }
    }
    /* a method Go's library type has and poolscope's lacks: refused by name */
    const gtype *named = t->kind == GK_POINTER ? t->elem : t;
    if (named->pkg && named->short_name && strcmp(named->pkg, "main") != 0) {
        char m[160];
        snprintf(m, sizeof m, "%s.%s", named->short_name, n->text);
        if (lib_api_has(named->pkg, m))
            ck_fail(c, n->pos,
                    "poolscope does not support %s.%s (docs/go.md lists what each package has)",
                    ck_typestr(c, named), n->text);
    }
    if (t->kind == GK_POINTER && t->elem->kind == GK_POINTER)
        ck_fail(c, n->pos, "%s.%s undefined (type %s has no field or method %s)",
                n->a->kind == N_IDENT ? n->a->text : "x", n->text, ck_typestr(c, t), n->text);
    ck_fail(c, n->pos, "%s.%s undefined (type %s has no field or method %s)",
            n->a->kind == N_IDENT ? n->a->text : "x", n->text, ck_typestr(c, t), n->text);
}

/* ---- index, slice, assert ---- */

static void ck_index_value(checker *c, gnode *n, int64_t limit)
{
    opnd o = ck_value(c, n, NULL);
    if (ck_is_const(&o)) {
        gi128 iv;
        if (o.cv->kind == CK_INT)
            iv = o.cv->i;
        else if (o.cv->kind != CK_FLOAT || !cv_float_int(o.cv->f, &iv))
            ck_fail(c, n->pos, "invalid argument: index %s must be integer", ck_desc(c, n, &o));
        if (iv < 0)
            ck_fail(c, n->pos, "invalid argument: index %s must not be negative",
                    ck_desc(c, n, &o));
        if (limit >= 0 && iv >= limit)
            ck_fail(c, n->pos, "invalid argument: index %s out of bounds [0:%lld]",
                    cv_format(c, o.cv), (long long)limit);
        if (types_is_untyped(o.t))
            ck_set_const(c, n, basic(c, GK_INT));
        return;
    }
    if (!types_is_integer(o.t->underlying))
        ck_fail(c, n->pos, "invalid argument: index %s must be integer", ck_desc(c, n, &o));
}

static opnd ck_index(checker *c, gnode *n)
{
    if (n->flags & NF_GENERIC)
        ck_unsupported(c, n->pos, "generics (instantiation)");
    opnd x = ck_expr(c, n->a, NULL);
    if (x.m == M_TYPE)
        ck_unsupported(c, n->pos, "generics (instantiation)");
    if (x.m == M_VALUE && x.t->kind == GK_FUNC && n->a->sym && n->a->sym->kind == SY_FUNC)
        ck_unsupported(c, n->pos, "generics (instantiation)");
    x = ck_value(c, n->a, NULL);
    gtype *t = x.t->underlying;
    switch (t->kind) {
    case GK_STRING:
    case GK_UNTYPED_STRING:
        ck_index_value(c, n->b, ck_is_const(&x) ? gstr_len(x.cv->s) : -1);
        if (types_is_untyped(x.t))
            ck_set_const(c, n->a, basic(c, GK_STRING));
        n->xop = X_INDEX_STRING;
        n->type = c->ts->byte_t;
        return (opnd){.m = M_VALUE, .t = n->type};
    case GK_SLICE:
        ck_index_value(c, n->b, -1);
        n->xop = X_INDEX_SLICE;
        n->type = t->elem;
        return (opnd){.m = M_VAR, .t = n->type};
    case GK_ARRAY:
        ck_index_value(c, n->b, t->len);
        n->xop = X_INDEX_ARRAY;
        n->type = t->elem;
        return (opnd){.m = x.m == M_VAR ? M_VAR : M_VALUE, .t = n->type};
    case GK_POINTER:
        if (t->elem->underlying->kind == GK_ARRAY) {
            ck_index_value(c, n->b, t->elem->underlying->len);
            n->xop = X_INDEX_PTRARRAY;
            n->type = t->elem->underlying->elem;
            return (opnd){.m = M_VAR, .t = n->type};
        }
        break;
    case GK_MAP: {
        opnd k = ck_value(c, n->b, t->key);
        ck_assign(c, n->b, &k, t->key, "map index");
        n->xop = X_INDEX_MAP;
        n->type = t->elem;
        return (opnd){.m = M_MAPINDEX, .t = n->type};
    }
    default:
        break;
    }
    ck_fail(c, n->pos, "invalid operation: cannot index %s", ck_desc(c, n->a, &x));
}

static opnd ck_slice_expr(checker *c, gnode *n)
{
    opnd x = ck_value(c, n->a, NULL);
    gtype *t = x.t->underlying;
    int64_t limit = -1;
    gtype *rt = x.t;
    if (types_is_string(t)) {
        if (n->flags & NF_SLICE3)
            ck_fail(c, n->pos, "invalid operation: 3-index slice of string");
        if (types_is_untyped(x.t)) {
            ck_set_const(c, n->a, basic(c, GK_STRING));
            rt = basic(c, GK_STRING);
        }
        n->xop = X_SLICE_STRING;
    } else if (t->kind == GK_SLICE) {
        n->xop = X_SLICE_SLICE;
    } else if (t->kind == GK_ARRAY) {
        if (!ck_addressable(n->a))
            ck_fail(c, n->pos, "invalid operation: %s (slice of unaddressable value)", "slice");
        ck_mark_addressed(n->a);
        limit = t->len;
        rt = types_slice(c->ts, t->elem);
        n->xop = X_SLICE_ARRAY;
    } else if (t->kind == GK_POINTER && t->elem->underlying->kind == GK_ARRAY) {
        limit = t->elem->underlying->len;
        rt = types_slice(c->ts, t->elem->underlying->elem);
        n->xop = X_SLICE_ARRAY;
        n->y = 1; /* through the pointer */
    } else {
        ck_fail(c, n->pos, "cannot slice %s", ck_desc(c, n->a, &x));
    }
    gnode *ix[3] = {n->b, n->c, n->d};
    for (int i = 0; i < 3; i++)
        if (ix[i])
            ck_index_value(c, ix[i], limit >= 0 ? limit + 1 : -1);
    n->type = rt;
    return (opnd){.m = M_VALUE, .t = rt};
}

/* t as the program's own code names it: ck_typestr without "main.". */
static void ck_local_typestr(checker *c, const gtype *t, char *out, size_t len)
{
    const char *full = ck_typestr(c, t);
    size_t k = 0;
    for (const char *p = full; *p && k + 1 < len;) {
        if (strncmp(p, "main.", 5) == 0 &&
            (p == full || !(isalnum((unsigned char)p[-1]) || p[-1] == '_'))) {
            p += 5;
            continue;
        }
        out[k++] = *p++;
    }
    out[k] = 0;
}

static opnd ck_typeassert(checker *c, gnode *n)
{
    opnd x = ck_value(c, n->a, NULL);
    if (x.t->kind != GK_INTERFACE)
        ck_fail(c, n->a->pos, "invalid operation: %s is not an interface", ck_desc(c, n->a, &x));
    if (!n->b)
        ck_fail(c, n->pos, "invalid syntax tree: use of .(type) outside type switch");
    gtype *t = ck_type(c, n->b);
    if (t->kind != GK_INTERFACE) {
        const char *missing = NULL;
        int ptr_only = 0;
        if (!types_implements(t, x.t, &missing, &ptr_only)) {
            /* Go's words: the expression, then why, types named as the
             * package's own code names them (no "main.") */
            char tn[256], xn[256];
            ck_local_typestr(c, t, tn, sizeof tn);
            ck_local_typestr(c, x.t, xn, sizeof xn);
            char why[200];
            snprintf(why, sizeof why,
                     ptr_only ? "%s method has pointer receiver" : "missing %s method", missing);
            ck_fail(c, n->a->pos,
                    "impossible type assertion: %s.(%s)\n\t%s does not implement %s (%s)",
                    n->a->kind == N_IDENT ? n->a->text : "x", tn, tn, xn, why);
        }
    }
    n->xop = X_TYPEASSERT;
    n->aux = t;
    n->type = t;
    return (opnd){.m = M_COMMAOK, .t = t};
}

/* ---- calls ---- */

static void ck_args(checker *c, gnode *call, gtype *sig, int skip_first)
{
    int np = sig->nparams - skip_first;
    gtype **params = sig->params ? sig->params + skip_first : NULL; /* NULL + 0 is UB */
    int na = call->nlist;
    /* f(g()) where g returns several values */
    if (na == 1 && (np > 1 || sig->variadic) && !(call->flags & NF_ELLIPSIS) &&
        call->list[0]->kind == N_CALL) {
        opnd o = ck_expr(c, call->list[0], NULL);
        if (o.t && o.t->kind == GK_TUPLE) {
            if (o.t->nparams != np && !(sig->variadic && o.t->nparams >= np - 1))
                ck_fail(c, call->pos, "%s arguments in call to %s\n\thave %s\n\twant %s",
                        o.t->nparams < np ? "not enough" : "too many", "function",
                        ck_typestr(c, o.t), ck_typestr(c, sig));
            for (int i = 0; i < o.t->nparams; i++) {
                gtype *want = sig->variadic && i >= np - 1 ? params[np - 1]->elem : params[i];
                if (!ck_assignable(c, o.t->params[i], want, call->list[0]))
                    ck_fail(c, call->list[0]->pos, "cannot use %s value as %s value in argument",
                            ck_typestr(c, o.t->params[i]), ck_typestr(c, want));
            }
            call->y = 1; /* spread a tuple */
            return;
        }
        if (o.m == M_NOVALUE)
            ck_fail(c, call->list[0]->pos, "%s (no value) used as value", "call");
        gtype *want = np ? (sig->variadic && np == 1 ? params[0]->elem : params[0]) : NULL;
        if (!want)
            ck_fail(c, call->list[0]->pos, "too many arguments in call");
        if (np > (sig->variadic ? 2 : 1))
            ck_fail(c, call->pos, "not enough arguments in call");
        if (o.t && o.t->kind == GK_TUPLE)
            ck_fail(c, call->list[0]->pos,
                    "multiple-value %s (value of type %s) in single-value context", "call",
                    ck_typestr(c, o.t));
        ck_assign(c, call->list[0], &o, want, "argument"); /* checked once: funclits inside */
        return;
    }
    if (call->flags & NF_ELLIPSIS) {
        if (!sig->variadic)
            ck_fail(c, call->pos, "have (...) but function is not variadic");
        if (na != np)
            ck_fail(c, call->pos, "%s arguments in call", na < np ? "not enough" : "too many");
        for (int i = 0; i < na; i++) {
            opnd o = ck_value(c, call->list[i], params[i]);
            ck_assign(c, call->list[i], &o, params[i], "argument");
        }
        return;
    }
    int fixed = sig->variadic ? np - 1 : np;
    if (na < fixed || (!sig->variadic && na > np)) {
        char have[256] = "(";
        for (int i = 0; i < na; i++) {
            opnd o = ck_expr(c, call->list[i], NULL);
            char tb[64];
            if (o.m == M_PKG || o.m == M_TYPE || o.m == M_BUILTIN || !o.t)
                o = ck_value(c, call->list[i], NULL); /* fails with the operand's own error */
            types_format(o.t ? (types_is_untyped(o.t) && o.m == M_CONST ? o.t : o.t)
                             : basic(c, GK_INVALID),
                         tb, sizeof tb);
            if (types_is_untyped(o.t) && o.m == M_CONST)
                snprintf(tb, sizeof tb, "number");
            strncat(have, i ? ", " : "", sizeof have - strlen(have) - 1);
            strncat(have, tb, sizeof have - strlen(have) - 1);
        }
        strncat(have, ")", sizeof have - strlen(have) - 1);
        char want[256];
        types_format(sig, want, sizeof want);
        ck_fail(c, na < fixed ? call->pos : call->list[np]->pos,
                "%s arguments in call to %s\n\thave %s\n\twant %s",
                na < fixed ? "not enough" : "too many",
                call->a->kind == N_IDENT      ? call->a->text
                : call->a->kind == N_SELECTOR ? call->a->text
                                              : "function",
                have, want + 4);
    }
    for (int i = 0; i < na; i++) {
        gtype *want = i < fixed ? params[i] : params[np - 1]->elem;
        opnd o = ck_value(c, call->list[i], want);
        ck_assign(c, call->list[i], &o, want, "argument");
    }
}

static opnd ck_results(checker *c, gnode *n, gtype *sig)
{
    if (sig->nresults == 0) {
        n->type = NULL;
        return (opnd){.m = M_NOVALUE};
    }
    if (sig->nresults == 1) {
        n->type = sig->results[0];
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    n->type = types_tuple(c->ts, sig->results, sig->nresults);
    return (opnd){.m = M_VALUE, .t = n->type};
}

static opnd ck_builtin(checker *c, gnode *n, int b, gtype *hint);
static opnd ck_conversion(checker *c, gnode *n, gtype *t);

static opnd ck_call(checker *c, gnode *n, gtype *hint)
{
    opnd f = ck_expr(c, n->a, NULL);
    if (f.m == M_TYPE)
        return ck_conversion(c, n, f.t);
    if (f.m == M_BUILTIN) {
        gnode *fn = n->a;
        while (fn->kind == N_PAREN)
            fn = fn->a;
        return ck_builtin(c, n, fn->sym->builtin, hint);
    }
    if (f.m == M_NOVALUE || !f.t)
        ck_fail(c, n->pos, "invalid operation: cannot call non-function");
    if (f.t->underlying->kind != GK_FUNC)
        ck_fail(c, n->pos, "invalid operation: cannot call non-function %s", ck_desc(c, n->a, &f));
    gnode *fn = n->a;
    while (fn->kind == N_PAREN)
        fn = fn->a;
    gtype *sig = f.t->underlying;
    if (fn->xop == X_FUNCVAL && fn->sym && fn->sym->fn) {
        n->xop = X_CALL;
        n->aux = fn->sym->fn;
    } else if (fn->kind == N_SELECTOR && fn->xop == X_METHODVAL) {
        n->xop = X_CALL_METHOD;
    } else if (fn->kind == N_SELECTOR && fn->xop == X_IFACE_METHODVAL) {
        n->xop = X_CALL_IFACE;
    } else {
        n->xop = X_CALL_VALUE;
    }
    ck_args(c, n, sig, 0);
    return ck_results(c, n, sig);
}

static int ck_const_int(checker *c, gnode *n, const char *what, int64_t *out)
{
    opnd o = ck_value(c, n, NULL);
    if (ck_is_const(&o)) {
        gi128 v;
        if (o.cv->kind == CK_INT)
            v = o.cv->i;
        else if (o.cv->kind != CK_FLOAT || !cv_float_int(o.cv->f, &v))
            ck_fail(c, n->pos, "%s %s must be integer", what, ck_desc(c, n, &o));
        if (v < 0)
            ck_fail(c, n->pos, "invalid argument: %s %s must not be negative", what,
                    cv_format(c, o.cv));
        if (types_is_untyped(o.t))
            ck_set_const(c, n, basic(c, GK_INT));
        *out = (int64_t)v;
        return 1;
    }
    if (!types_is_integer(o.t->underlying))
        ck_fail(c, n->pos, "cannot convert %s to type int", ck_desc(c, n, &o));
    return 0;
}

static void ck_nargs(checker *c, gnode *n, const char *name, int min, int max)
{
    if (n->nlist < min)
        ck_fail(c, n->pos, "not enough arguments for %s() (expected %d, found %d)", name, min,
                n->nlist);
    if (max >= 0 && n->nlist > max)
        ck_fail(c, n->list[max]->pos, "too many arguments for %s() (expected %d, found %d)", name,
                max, n->nlist);
}

static opnd ck_builtin(checker *c, gnode *n, int b, gtype *hint)
{
    n->xop = X_CALL_BUILTIN;
    n->x = b;
    gtype *int_t = basic(c, GK_INT);
    switch (b) {
    case B_LEN:
    case B_CAP: {
        const char *name = b == B_LEN ? "len" : "cap";
        ck_nargs(c, n, name, 1, 1);
        opnd o = ck_value(c, n->list[0], NULL);
        gtype *u = o.t->underlying;
        if (u->kind == GK_POINTER && u->elem->underlying->kind == GK_ARRAY)
            u = u->elem->underlying;
        if (ck_is_const(&o) && o.cv->kind == CK_STRING && b == B_LEN) {
            n->cv = cv_int(c, gstr_len(o.cv->s));
            n->type = basic(c, GK_UNTYPED_INT);
            ck_set_const(c, n, int_t);
            return (opnd){.m = M_CONST, .t = int_t, .cv = n->cv};
        }
        if (u->kind == GK_ARRAY) {
            n->cv = cv_int(c, u->len);
            ck_set_const(c, n, int_t);
            return (opnd){.m = M_CONST, .t = int_t, .cv = n->cv};
        }
        int ok = u->kind == GK_SLICE || u->kind == GK_CHAN ||
                 (b == B_LEN && (u->kind == GK_STRING || u->kind == GK_MAP));
        if (!ok)
            ck_fail(c, n->list[0]->pos, "invalid argument: %s for %s", ck_desc(c, n->list[0], &o),
                    name);
        n->type = int_t;
        return (opnd){.m = M_VALUE, .t = int_t};
    }
    case B_APPEND: {
        ck_nargs(c, n, "append", 1, -1);
        opnd s = ck_value(c, n->list[0], hint);
        if (s.t->kind == GK_UNTYPED_NIL && hint)
            ck_assign(c, n->list[0], &s, hint, "argument"), s.t = hint;
        if (s.t->underlying->kind != GK_SLICE)
            ck_fail(c, n->list[0]->pos, "invalid argument: %s is not a slice",
                    ck_desc(c, n->list[0], &s));
        gtype *elem = s.t->underlying->elem;
        if (n->flags & NF_ELLIPSIS) {
            if (n->nlist != 2)
                ck_fail(c, n->pos, "can only use ... with final argument in list");
            opnd o = ck_value(c, n->list[1], s.t);
            if (types_is_string(o.t->underlying) && elem == c->ts->byte_t) {
                if (types_is_untyped(o.t))
                    ck_set_const(c, n->list[1], basic(c, GK_STRING));
                n->y = 2; /* append([]byte, string...) */
            } else {
                if (o.t->kind == GK_UNTYPED_NIL)
                    ck_assign(c, n->list[1], &o, s.t, "argument");
                else if (o.t->underlying->kind != GK_SLICE || o.t->underlying->elem != elem)
                    ck_fail(c, n->list[1]->pos, "cannot use %s as %s value in argument to append",
                            ck_desc(c, n->list[1], &o), ck_typestr(c, types_slice(c->ts, elem)));
                n->y = 1;
            }
        } else {
            for (int i = 1; i < n->nlist; i++) {
                opnd o = ck_value(c, n->list[i], elem);
                ck_assign(c, n->list[i], &o, elem, "argument to append");
            }
        }
        n->type = s.t;
        return (opnd){.m = M_VALUE, .t = s.t};
    }
    case B_COPY: {
        ck_nargs(c, n, "copy", 2, 2);
        opnd d = ck_value(c, n->list[0], NULL), s = ck_value(c, n->list[1], NULL);
        if (d.t->underlying->kind != GK_SLICE)
            ck_fail(c, n->pos, "invalid argument: copy expects slice arguments");
        if (types_is_string(s.t->underlying)) {
            if (types_is_untyped(s.t))
                ck_set_const(c, n->list[1], basic(c, GK_STRING));
            n->y = 1;
        } else if (s.t->underlying->kind != GK_SLICE ||
                   s.t->underlying->elem != d.t->underlying->elem) {
            ck_fail(c, n->pos, "invalid argument: arguments to copy have different element types");
        }
        n->type = int_t;
        return (opnd){.m = M_VALUE, .t = int_t};
    }
    case B_DELETE: {
        ck_nargs(c, n, "delete", 2, 2);
        opnd m = ck_value(c, n->list[0], NULL);
        if (m.t->underlying->kind != GK_MAP)
            ck_fail(c, n->list[0]->pos, "invalid argument: %s is not a map",
                    ck_desc(c, n->list[0], &m));
        opnd k = ck_value(c, n->list[1], m.t->underlying->key);
        ck_assign(c, n->list[1], &k, m.t->underlying->key, "argument to delete");
        return (opnd){.m = M_NOVALUE};
    }
    case B_MAKE: {
        ck_nargs(c, n, "make", 1, 3);
        gtype *t = ck_type(c, n->list[0]);
        gkind k = t->underlying->kind;
        if (k != GK_SLICE && k != GK_MAP && k != GK_CHAN)
            ck_fail(c, n->list[0]->pos,
                    "invalid argument: cannot make %s; type must be slice, map, or channel",
                    ck_typestr(c, t));
        if (k == GK_SLICE && n->nlist < 2)
            ck_fail(c, n->pos, "invalid operation: %s expects 2 or 3 arguments; found 1",
                    "make([]T)");
        if (k != GK_SLICE && n->nlist > 2)
            ck_fail(c, n->pos,
                    "invalid operation: make(%s, ...) expects 1 or 2 arguments; found %d",
                    ck_typestr(c, t), n->nlist);
        int64_t v[2] = {-1, -1};
        int isc[2] = {0, 0};
        for (int i = 1; i < n->nlist; i++)
            isc[i - 1] = ck_const_int(c, n->list[i], "size", &v[i - 1]);
        if (isc[0] && isc[1] && v[0] > v[1])
            ck_fail(c, n->list[1]->pos, "invalid argument: length and capacity swapped");
        n->type = t;
        return (opnd){.m = M_VALUE, .t = t};
    }
    case B_NEW: {
        ck_nargs(c, n, "new", 1, 1);
        gtype *t = ck_type(c, n->list[0]);
        n->type = types_pointer(c->ts, t);
        return (opnd){.m = M_VALUE, .t = n->type};
    }
    case B_PANIC: {
        ck_nargs(c, n, "panic", 1, 1);
        opnd o = ck_value(c, n->list[0], c->ts->any_t);
        ck_assign(c, n->list[0], &o, c->ts->any_t, "argument to panic");
        return (opnd){.m = M_NOVALUE};
    }
    case B_RECOVER:
        ck_nargs(c, n, "recover", 0, 0);
        if (c->fn)
            c->fn->has_recover = 1;
        n->type = c->ts->any_t;
        return (opnd){.m = M_VALUE, .t = n->type};
    case B_PRINT:
    case B_PRINTLN:
        for (int i = 0; i < n->nlist; i++) {
            opnd o = ck_value(c, n->list[i], NULL);
            ck_use_default(c, n->list[i], &o);
        }
        return (opnd){.m = M_NOVALUE};
    case B_CLOSE: {
        ck_nargs(c, n, "close", 1, 1);
        opnd o = ck_value(c, n->list[0], NULL);
        if (o.t->underlying->kind != GK_CHAN)
            ck_fail(c, n->list[0]->pos, "invalid operation: non-chan argument %s to close",
                    ck_desc(c, n->list[0], &o));
        if (o.t->underlying->dir == GO_CHAN_RECV)
            ck_fail(c, n->list[0]->pos, "invalid operation: cannot close receive-only channel %s",
                    ck_desc(c, n->list[0], &o));
        return (opnd){.m = M_NOVALUE};
    }
    default:
        ck_unsupported(c, n->pos, "complex numbers");
    }
}

static opnd ck_conversion(checker *c, gnode *n, gtype *t)
{
    if (n->nlist != 1)
        ck_fail(c, n->pos,
                n->nlist ? "too many arguments in conversion to %s"
                         : "missing argument in conversion to %s",
                ck_typestr(c, t));
    gnode *a = n->list[0];
    opnd o = ck_value(c, a, t);
    gtype *tu = t->underlying, *fu = o.t->underlying;
    n->xop = X_CONVERT;
    n->type = t;
    if (ck_is_const(&o) && (types_is_numeric(tu) || tu->kind == GK_STRING || tu->kind == GK_BOOL)) {
        gconst *v = o.cv;
        if (tu->kind == GK_STRING && v->kind == CK_INT && types_is_integer(fu)) {
            char buf[4];
            int len = lex_utf8_encode(v->i < 0 || v->i > 0x10FFFF ? 0xFFFD : (uint32_t)v->i, buf);
            v = cv_string(c, buf, len);
        } else if (types_is_integer(tu) && v->kind == CK_FLOAT) {
            gi128 iv;
            if (!cv_float_int(v->f, &iv))
                ck_fail(c, a->pos, "cannot convert %s to type %s (truncated)", ck_desc(c, a, &o),
                        ck_typestr(c, t));
            v = cv_int(c, iv);
        } else if (types_is_float(tu) && v->kind == CK_INT) {
            v = cv_float(c, (long double)v->i);
        }
        int ok = (v->kind == CK_STRING && tu->kind == GK_STRING) ||
                 (v->kind == CK_BOOL && tu->kind == GK_BOOL) ||
                 ((v->kind == CK_INT || v->kind == CK_FLOAT) && types_is_numeric(tu));
        if (ok) {
            n->cv = v;
            uint64_t w;
            if (!cv_represent(v, t, &w))
                ck_fail(c, a->pos, "cannot convert %s to type %s (overflows)", ck_desc(c, a, &o),
                        ck_typestr(c, t));
            ck_set_const(c, n, t);
            return (opnd){.m = M_CONST, .t = t, .cv = n->cv};
        }
    }
    if (types_is_untyped(o.t)) {
        gtype *d = o.t->kind == GK_UNTYPED_NIL ? t : ck_default(c, o.t);
        if (types_is_numeric(tu) && types_is_numeric(d))
            d = t;
        ck_assign(c, a, &o, d == t ? t : d, "conversion");
        o.t = a->type ? a->type : d;
        fu = o.t->underlying;
    }
    /* the conversion rules of the spec */
    int ok = ck_assignable(c, o.t, t, a) || fu == tu ||
             (o.t->kind == GK_POINTER && t->kind == GK_POINTER &&
              o.t->elem->underlying == t->elem->underlying) ||
             (types_is_numeric(fu) && types_is_numeric(tu)) ||
             (tu->kind == GK_STRING && types_is_integer(fu)) ||
             (tu->kind == GK_STRING && fu->kind == GK_SLICE &&
              (fu->elem->underlying->kind == GK_UINT8 || fu->elem->underlying->kind == GK_INT32)) ||
             (fu->kind == GK_STRING && tu->kind == GK_SLICE &&
              (tu->elem->underlying->kind == GK_UINT8 || tu->elem->underlying->kind == GK_INT32));
    if (!ok)
        ck_fail(c, a->pos, "cannot convert %s to type %s", ck_desc(c, a, &o), ck_typestr(c, t));
    if (tu->kind == GK_COMPLEX128 || tu->kind == GK_COMPLEX64)
        ck_unsupported(c, n->pos, "complex numbers");
    return (opnd){.m = M_VALUE, .t = t};
}

/* ---- composite and function literals ---- */

static void ck_elem_value(checker *c, gnode *v, gtype *t)
{
    if (v->kind == N_COMPOSITE && !v->a) {
        gtype *lt = t->kind == GK_POINTER ? t->elem : t;
        ck_expr(c, v, lt);
        if (t->kind == GK_POINTER) { /* &T elided: {…} stands for &T{…} */
            v->flags |= NF_ADDRESSED;
            v->type = t;
        }
        return;
    }
    opnd o = ck_value(c, v, t);
    ck_assign(c, v, &o, t, "struct literal");
}

static opnd ck_composite(checker *c, gnode *n, gtype *hint)
{
    gtype *t;
    if (n->a) {
        if (n->a->kind == N_ARRAYTYPE && n->a->a && n->a->a->kind == N_ELLIPSIS) {
            gtype *elem = ck_type(c, n->a->b);
            int64_t max = 0, idx = 0;
            for (int i = 0; i < n->nlist; i++) {
                if (n->list[i]->kind == N_KEYVALUE) {
                    int64_t k;
                    if (!ck_const_int(c, n->list[i]->a, "index", &k))
                        ck_fail(c, n->list[i]->a->pos,
                                "index must be non-negative integer constant");
                    idx = k;
                }
                idx++;
                if (idx > max)
                    max = idx;
            }
            t = types_array(c->ts, elem, max);
        } else {
            t = ck_type(c, n->a);
        }
    } else {
        if (!hint)
            ck_fail(c, n->pos, "invalid composite literal type: missing type");
        t = hint;
    }
    gtype *u = t->underlying;
    n->type = t;
    n->xop = X_COMPOSITE;
    switch (u->kind) {
    case GK_STRUCT: {
        if (n->nlist && n->list[0]->kind == N_KEYVALUE) {
            for (int i = 0; i < n->nlist; i++) {
                gnode *kv = n->list[i];
                if (kv->kind != N_KEYVALUE || kv->a->kind != N_IDENT)
                    ck_fail(c, kv->pos,
                            "mixture of field:value and value elements in struct literal");
                int fi = -1;
                for (int k = 0; k < u->nfields; k++)
                    if (strcmp(u->fields[k].name, kv->a->text) == 0)
                        fi = k;
                if (fi < 0)
                    ck_fail(c, kv->a->pos, "unknown field %s in struct literal of type %s",
                            kv->a->text, ck_typestr(c, t));
                for (int k = 0; k < i; k++)
                    if (n->list[k]->x == fi)
                        ck_fail(c, kv->a->pos, "duplicate field name %s in struct literal",
                                kv->a->text);
                kv->x = fi;
                ck_elem_value(c, kv->b, u->fields[fi].type);
            }
        } else {
            if (n->nlist && n->nlist < u->nfields)
                ck_fail(c, n->list[n->nlist - 1]->pos,
                        "too few values in struct literal of type %s", ck_typestr(c, t));
            if (n->nlist > u->nfields)
                ck_fail(c, n->list[u->nfields]->pos, "too many values in struct literal of type %s",
                        ck_typestr(c, t));
            for (int i = 0; i < n->nlist; i++) {
                if (n->list[i]->kind == N_KEYVALUE)
                    ck_fail(c, n->list[i]->pos,
                            "mixture of field:value and value elements in struct literal");
                ck_elem_value(c, n->list[i], u->fields[i].type);
            }
            n->y = 1; /* positional */
        }
        break;
    }
    case GK_ARRAY:
    case GK_SLICE: {
        int64_t idx = 0, max = 0;
        for (int i = 0; i < n->nlist; i++) {
            gnode *e = n->list[i];
            if (e->kind == N_KEYVALUE) {
                int64_t k;
                if (!ck_const_int(c, e->a, "index", &k))
                    ck_fail(c, e->a->pos, "index %s must be integer constant", "expression");
                idx = k;
                ck_elem_value(c, e->b, u->elem);
            } else {
                ck_elem_value(c, e, u->elem);
            }
            if (u->kind == GK_ARRAY && idx >= u->len)
                ck_fail(c, e->pos, "index %lld out of bounds [0:%lld]", (long long)idx,
                        (long long)u->len);
            if (e->kind == N_KEYVALUE)
                e->y = (int32_t)idx; /* its index; a plain element follows the one before */
            if (idx > (1 << 24))
                ck_fail(c, e->pos, "poolscope: literal index over %d (limit)", 1 << 24);
            idx++;
            if (idx > max)
                max = idx;
        }
        n->x = (int32_t)max;
        break;
    }
    case GK_MAP:
        for (int i = 0; i < n->nlist; i++) {
            gnode *kv = n->list[i];
            if (kv->kind != N_KEYVALUE)
                ck_fail(c, kv->pos, "missing key in map literal");
            ck_elem_value(c, kv->a, u->key);
            ck_elem_value(c, kv->b, u->elem);
        }
        break;
    default:
        ck_fail(c, n->pos, "invalid composite literal type %s", ck_typestr(c, t));
    }
    return (opnd){.m = M_VALUE, .t = t};
}

static gfunc *ck_new_func(checker *c, const char *name, gnode *decl)
{
    gfunc *f = ck_alloc(c, sizeof *f);
    f->name = name;
    f->decl = decl;
    f->next_all = c->p->funcs;
    f->index = c->p->nfuncs++;
    c->p->funcs = f;
    return f;
}

static opnd ck_funclit(checker *c, gnode *n)
{
    char name[160];
    snprintf(name, sizeof name, "%s.func%d", c->topfn ? c->topfn->name : "main.glob", ++c->nfuncs);
    gfunc *fn = ck_new_func(c, arena_strndup(&c->p->arena, name, strlen(name)), n);
    fn->outer = c->fn;
    gfunc *saved_fn = c->fn;
    scope *sc = scope_open(c, fn);
    ck_signature(c, n->a, NULL, fn);
    for (int i = 0; i < fn->nparams; i++)
        if (fn->params[i])
            scope_add(c, sc, fn->params[i]);
    for (int i = 0; i < fn->nresults; i++)
        if (fn->results[i])
            scope_add(c, sc, fn->results[i]);
    c->fn = fn;
    int saved_targets = c->ntargets, saved_labels = c->nlabels;
    c->ntargets = 0;
    c->nlabels = 0;
    ck_func_body(c, fn, n->b);
    c->ntargets = saved_targets;
    c->nlabels = saved_labels;
    c->fn = saved_fn;
    scope_close(c);
    n->aux = fn;
    n->xop = X_FUNCLIT;
    n->type = types_func(c->ts, fn->sig->params, fn->sig->nparams, fn->sig->results,
                         fn->sig->nresults, fn->sig->variadic);
    return (opnd){.m = M_VALUE, .t = n->type};
}

static opnd ck_expr(checker *c, gnode *n, gtype *hint)
{
    opnd o;
    switch (n->kind) {
    case N_IDENT:
        return ck_ident(c, n);
    case N_BASICLIT:
        return ck_basiclit(c, n);
    case N_PAREN:
        o = ck_expr(c, n->a, hint);
        n->type = o.t;
        /* a typed constant inside: its node's final value, with its word
         * (o.cv may be the copy from before the word was set) */
        n->cv = o.m == M_CONST && n->a->xop == X_CONST && n->a->cv ? n->a->cv : o.cv;
        n->xop = o.m == M_CONST ? X_CONST : X_PAREN;
        n->sym = n->a->sym;
        return o;
    case N_UNARY:
        return ck_unary(c, n, hint);
    case N_BINARY:
        return ck_binary(c, n, hint);
    case N_SELECTOR:
        return ck_selector(c, n);
    case N_INDEX:
        return ck_index(c, n);
    case N_SLICE:
        return ck_slice_expr(c, n);
    case N_TYPEASSERT:
        return ck_typeassert(c, n);
    case N_CALL:
        return ck_call(c, n, hint);
    case N_COMPOSITE:
        return ck_composite(c, n, hint);
    case N_FUNCLIT:
        return ck_funclit(c, n);
    case N_STAR: {
        o = ck_expr(c, n->a, NULL);
        if (o.m == M_TYPE) {
            n->type = types_pointer(c->ts, o.t);
            return (opnd){.m = M_TYPE, .t = n->type};
        }
        o = ck_value(c, n->a, NULL);
        if (o.t->kind == GK_UNTYPED_NIL)
            ck_fail(c, n->pos, "invalid operation: cannot indirect nil");
        if (o.t->underlying->kind != GK_POINTER)
            ck_fail(c, n->pos, "invalid operation: cannot indirect %s", ck_desc(c, n->a, &o));
        n->type = o.t->underlying->elem;
        n->xop = X_DEREF;
        return (opnd){.m = M_VAR, .t = n->type};
    }
    case N_ARRAYTYPE:
    case N_STRUCTTYPE:
    case N_FUNCTYPE:
    case N_INTERFACETYPE:
    case N_MAPTYPE:
    case N_CHANTYPE:
        return (opnd){.m = M_TYPE, .t = ck_type(c, n)};
    case N_KEYVALUE:
        ck_fail(c, n->pos, "unexpected key:value");
    default:
        ck_fail(c, n->pos, "unexpected %s", ast_kind_name(n->kind));
    }
}

/* ---- statements ---- */

static gtype *ck_comma_ok_type(checker *c, gnode *rhs)
{
    gnode *x = rhs;
    while (x->kind == N_PAREN)
        x = x->a;
    if (x->xop == X_INDEX_MAP || x->xop == X_TYPEASSERT || x->xop == X_RECV) {
        x->y = 1; /* produce ok too */
        rhs->y = 1;
        return basic(c, GK_BOOL);
    }
    return NULL;
}

/* Left side of '=': an addressable operand, a map index or _. */
static gtype *ck_lhs(checker *c, gnode *l)
{
    if (l->kind == N_IDENT && strcmp(l->text, "_") == 0) {
        l->xop = X_BLANK;
        return NULL;
    }
    int was_used = 0;
    gsym *s = NULL;
    if (l->kind == N_IDENT) {
        s = ck_lookup(c, l->text, l->pos, 0);
        was_used = s ? s->used : 0;
    }
    opnd o = ck_expr(c, l, NULL);
    if (s && s->kind == SY_VAR)
        s->used = was_used; /* assigning is not using */
    if (o.m == M_MAPINDEX || ck_addressable(l))
        return o.t;
    if (l->kind == N_SELECTOR && l->a->type && l->a->xop == X_INDEX_MAP)
        ck_fail(c, l->pos, "cannot assign to struct field %s in map", "m[k].f");
    ck_fail(c, l->pos, "cannot assign to %s (neither addressable nor a map index expression)",
            l->kind == N_IDENT ? l->text : "expression");
}

static void ck_assign_stmt(checker *c, gnode *s)
{
    int nl = s->nlist, nr = s->nlist2;
    if (s->op != T_ASSIGN && s->op != T_DEFINE) { /* x op= y */
        if (nl != 1 || nr != 1)
            ck_fail(c, s->pos, "assignment operation %s requires single-valued expressions",
                    lex_tok_name(s->op));
        gtype *t = ck_lhs(c, s->list[0]);
        if (!t)
            ck_fail(c, s->pos, "cannot use _ as value");
        /* check as the binary expression lhs op rhs */
        gnode bin = {.kind = N_BINARY, .pos = s->pos, .a = s->list[0], .b = s->list2[0]};
        static const int base[] = {
            [T_ADD_ASSIGN] = T_ADD, [T_SUB_ASSIGN] = T_SUB,         [T_MUL_ASSIGN] = T_MUL,
            [T_QUO_ASSIGN] = T_QUO, [T_REM_ASSIGN] = T_REM,         [T_AND_ASSIGN] = T_AND,
            [T_OR_ASSIGN] = T_OR,   [T_XOR_ASSIGN] = T_XOR,         [T_SHL_ASSIGN] = T_SHL,
            [T_SHR_ASSIGN] = T_SHR, [T_AND_NOT_ASSIGN] = T_AND_NOT,
        };
        bin.op = (uint16_t)base[s->op];
        opnd r = ck_binary(c, &bin, t);
        (void)r;
        s->xop = bin.xop;
        s->x = bin.x;
        s->y = bin.y;
        s->aux = bin.aux;
        return;
    }
    if (s->op == T_DEFINE) {
        int any_new = 0;
        gtype *types[64];
        if (nl > 64)
            ck_fail(c, s->pos, "poolscope: more than 64 names in one assignment (limit)");
        /* right side first: x := x + 1 refers to the outer x */
        if (nr == 1 && nl > 1) {
            opnd o = ck_expr(c, s->list2[0], NULL);
            if (o.t && o.t->kind == GK_TUPLE) {
                if (o.t->nparams != nl)
                    ck_fail(c, s->pos, "assignment mismatch: %d variables but %s returns %d values",
                            nl, "call", o.t->nparams);
                for (int i = 0; i < nl; i++)
                    types[i] = o.t->params[i];
                s->y = 1; /* tuple */
            } else if (nl == 2 && (types[1] = ck_comma_ok_type(c, s->list2[0]))) {
                types[0] = o.t;
                s->y = 2; /* comma ok */
            } else {
                ck_fail(c, s->pos, "assignment mismatch: %d variables but %d value", nl, nr);
            }
        } else {
            if (nl != nr)
                ck_fail(c, s->pos, "assignment mismatch: %d variable%s but %d value%s", nl,
                        nl > 1 ? "s" : "", nr, nr > 1 ? "s" : "");
            for (int i = 0; i < nr; i++) {
                gnode *l = s->list[i];
                gsym *old = l->kind == N_IDENT ? scope_find_here(c->cur, l->text) : NULL;
                gtype *hint = old && old->kind == SY_VAR ? old->type : NULL;
                opnd o = ck_value(c, s->list2[i], hint);
                if (hint)
                    ck_assign(c, s->list2[i], &o, hint, "assignment");
                else
                    ck_use_default(c, s->list2[i], &o);
                types[i] = s->list2[i]->type ? s->list2[i]->type : o.t;
                if (types_is_untyped(types[i]))
                    types[i] = ck_default(c, types[i]);
            }
        }
        for (int i = 0; i < nl; i++) {
            gnode *l = s->list[i];
            if (l->kind != N_IDENT)
                ck_fail(c, l->pos, "non-name %s on left side of :=", "expression");
            if (strcmp(l->text, "_") == 0) {
                l->xop = X_BLANK;
                continue;
            }
            gsym *old = scope_find_here(c->cur, l->text);
            if (old && old->kind == SY_VAR) {
                if (!ck_assignable(c, types[i], old->type, l))
                    ck_fail(c, l->pos, "cannot use %s value as %s value in assignment",
                            ck_typestr(c, types[i]), ck_typestr(c, old->type));
                l->sym = old;
                l->xop = X_LOCAL;
                l->type = old->type;
                continue;
            }
            any_new = 1;
            if (types[i]->kind == GK_UNTYPED_NIL)
                ck_fail(c, s->list2[i]->pos, "use of untyped nil in assignment");
            gsym *v = ck_local(c, l->text, l->pos, types[i]);
            l->sym = v;
            l->xop = X_LOCAL;
            l->type = types[i];
            l->flags |= NF_ADDRESSED; /* reused: declares */
        }
        if (!any_new)
            ck_fail(c, s->pos, "no new variables on left side of :=");
        return;
    }
    /* plain = */
    gtype *lt[64];
    if (nl > 64)
        ck_fail(c, s->pos, "poolscope: more than 64 names in one assignment (limit)");
    for (int i = 0; i < nl; i++)
        lt[i] = ck_lhs(c, s->list[i]);
    if (nr == 1 && nl > 1) {
        opnd o = ck_expr(c, s->list2[0], NULL);
        if (o.t && o.t->kind == GK_TUPLE) {
            if (o.t->nparams != nl)
                ck_fail(c, s->pos, "assignment mismatch: %d variables but %s returns %d values", nl,
                        "call", o.t->nparams);
            for (int i = 0; i < nl; i++)
                if (lt[i] && !ck_assignable(c, o.t->params[i], lt[i], s->list[i]))
                    ck_fail(c, s->pos, "cannot use %s value as %s value in assignment",
                            ck_typestr(c, o.t->params[i]), ck_typestr(c, lt[i]));
            s->y = 1;
            return;
        }
        gtype *okt = nl == 2 ? ck_comma_ok_type(c, s->list2[0]) : NULL;
        if (!okt)
            ck_fail(c, s->pos, "assignment mismatch: %d variables but %d value", nl, nr);
        if (lt[0] && !ck_assignable(c, o.t, lt[0], s->list[0]))
            ck_fail(c, s->pos, "cannot use %s value as %s value in assignment", ck_typestr(c, o.t),
                    ck_typestr(c, lt[0]));
        if (lt[1] && lt[1]->underlying->kind != GK_BOOL)
            ck_fail(c, s->pos, "cannot use bool value as %s value in assignment",
                    ck_typestr(c, lt[1]));
        s->y = 2;
        return;
    }
    if (nl != nr)
        ck_fail(c, s->pos, "assignment mismatch: %d variable%s but %d value%s", nl,
                nl > 1 ? "s" : "", nr, nr > 1 ? "s" : "");
    for (int i = 0; i < nr; i++) {
        opnd o = ck_value(c, s->list2[i], lt[i]);
        if (lt[i])
            ck_assign(c, s->list2[i], &o, lt[i], "assignment");
        else
            ck_use_default(c, s->list2[i], &o);
    }
}

static void ck_var_decl_local(checker *c, gnode *spec)
{
    gtype *t = spec->a ? ck_type(c, spec->a) : NULL;
    int nl = spec->nlist, nr = spec->nlist2;
    gtype *types[64];
    if (nl > 64)
        ck_fail(c, spec->pos, "poolscope: more than 64 names in one declaration (limit)");
    if (nr == 1 && nl > 1) {
        opnd o = ck_expr(c, spec->list2[0], t);
        if (o.t && o.t->kind == GK_TUPLE && o.t->nparams == nl) {
            for (int i = 0; i < nl; i++)
                types[i] = t ? t : o.t->params[i];
            spec->y = 1;
        } else if (nl == 2 && (types[1] = ck_comma_ok_type(c, spec->list2[0]))) {
            types[0] = t ? t : o.t;
            spec->y = 2;
        } else {
            ck_fail(c, spec->pos, "assignment mismatch: %d variables but %d value", nl, nr);
        }
    } else {
        if (nr && nr != nl)
            ck_fail(c, spec->pos, "assignment mismatch: %d variable%s but %d value%s", nl,
                    nl > 1 ? "s" : "", nr, nr > 1 ? "s" : "");
        for (int i = 0; i < nl; i++) {
            if (!nr) {
                types[i] = t;
                continue;
            }
            opnd o = ck_value(c, spec->list2[i], t);
            if (t)
                ck_assign(c, spec->list2[i], &o, t, "variable declaration");
            else
                ck_use_default(c, spec->list2[i], &o);
            types[i] = t ? t : (spec->list2[i]->type ? spec->list2[i]->type : o.t);
        }
    }
    for (int i = 0; i < nl; i++) {
        gnode *l = spec->list[i];
        if (strcmp(l->text, "_") == 0) {
            l->xop = X_BLANK;
            continue;
        }
        gsym *v = ck_local(c, l->text, l->pos, types[i]);
        l->sym = v;
        l->xop = X_LOCAL;
        l->type = types[i];
    }
}

static void ck_const_spec(checker *c, gnode *spec, scope *into, int global);
static void ck_type_spec_local(checker *c, gnode *spec);

static void ck_decl_stmt(checker *c, gnode *d)
{
    for (int i = 0; i < d->nlist; i++) {
        gnode *spec = d->list[i];
        if (d->op == T_VAR)
            ck_var_decl_local(c, spec);
        else if (d->op == T_CONST)
            ck_const_spec(c, spec, c->cur, 0);
        else
            ck_type_spec_local(c, spec);
    }
}

static void ck_cond(checker *c, gnode *e)
{
    opnd o = ck_value(c, e, NULL);
    if (o.t->underlying->kind != GK_BOOL && o.t->kind != GK_UNTYPED_BOOL)
        ck_fail(c, e->pos, "non-boolean condition in %s statement", "if");
    if (types_is_untyped(o.t))
        ck_assign(c, e, &o, basic(c, GK_BOOL), "condition");
}

static void ck_push_target(checker *c, gnode *s)
{
    if (c->ntargets >= 256)
        ck_fail(c, s->pos, "poolscope: statements nested over 256 deep (limit)");
    c->targets[c->ntargets++] = s;
}

static const char *ck_label_of(checker *c, gnode *s)
{
    for (int i = 0; i < c->nlabels; i++)
        if (c->labels[i]->a == s)
            return c->labels[i]->text;
    return NULL;
}

static void ck_branch(checker *c, gnode *s)
{
    if (s->op == T_GOTO)
        ck_unsupported(c, s->pos, "goto");
    if (s->op == T_FALLTHROUGH)
        return; /* checked by the switch */
    int want_loop = s->op == T_CONTINUE;
    for (int i = c->ntargets - 1; i >= 0; i--) {
        gnode *t = c->targets[i];
        int is_loop = t->kind == N_FOR || t->kind == N_RANGE;
        if (s->text) {
            const char *l = ck_label_of(c, t);
            if (!l || strcmp(l, s->text) != 0)
                continue;
            if (want_loop && !is_loop)
                ck_fail(c, s->pos, "invalid continue label %s", s->text);
            for (int k = 0; k < c->nlabels; k++)
                if (strcmp(c->labels[k]->text, s->text) == 0)
                    c->label_used[k] = 1;
            s->aux = t;
            return;
        }
        if (want_loop && !is_loop)
            continue;
        s->aux = t;
        return;
    }
    if (s->text) {
        for (int i = 0; i < c->nlabels; i++)
            if (strcmp(c->labels[i]->text, s->text) == 0)
                ck_fail(c, s->pos, "invalid %s label %s", want_loop ? "continue" : "break",
                        s->text);
        ck_fail(c, s->pos, "%s label not defined: %s", want_loop ? "continue" : "break", s->text);
    }
    ck_fail(c, s->pos, "%s is not in a loop%s", want_loop ? "continue" : "break",
            want_loop ? "" : ", switch, or select");
}

static void ck_body_list(checker *c, gnode **list, int n)
{
    for (int i = 0; i < n; i++)
        ck_stmt(c, list[i]);
}

/* Two constants of one type that are equal (a case's words, set when typed). */
static int ck_same_const(const gconst *a, const gconst *b)
{
    if (a->kind != b->kind)
        return 0;
    switch (a->kind) {
    case CK_STRING:
        return gstr_len(a->s) == gstr_len(b->s) &&
               memcmp(gstr_ptr(a->s), gstr_ptr(b->s), (size_t)gstr_len(a->s)) == 0;
    case CK_INT:
        return memcmp(&a->i, &b->i, sizeof a->i) == 0;
    case CK_BOOL:
        return a->b == b->b;
    default:
        return 0; /* floats: not checked */
    }
}

/* Go: "duplicate case 1 (constant of type int) in expression switch" when
 * case e (list k of clause i) repeats an earlier constant case. */
static void ck_dup_case(checker *c, gnode *s, int i, int k, gnode *e, gtype *tag_t)
{
    if (!e->cv || tag_t->kind == GK_INTERFACE || types_is_float(tag_t->underlying))
        return;
    for (int pi = 0; pi <= i; pi++) {
        gnode *pcl = s->list[pi];
        for (int pk = 0; pk < (pi == i ? k : pcl->nlist); pk++) {
            gnode *p = pcl->list[pk];
            if (!p->cv || !ck_same_const(p->cv, e->cv))
                continue;
            if (e->kind == N_BASICLIT)
                ck_fail(c, e->pos, "duplicate case %s (constant of type %s) in expression switch",
                        e->text, ck_typestr(c, tag_t));
            ck_fail(c, e->pos, "duplicate case %s in expression switch",
                    e->kind == N_IDENT ? e->text : "expression");
        }
    }
}

static void ck_switch(checker *c, gnode *s)
{
    scope_open(c, c->fn);
    if (s->a)
        ck_stmt(c, s->a);
    gtype *tag_t = basic(c, GK_BOOL);
    if (s->b) {
        opnd o = ck_value(c, s->b, NULL);
        ck_use_default(c, s->b, &o);
        tag_t = s->b->type ? s->b->type : o.t;
    }
    ck_push_target(c, s);
    int has_default = 0;
    for (int i = 0; i < s->nlist; i++) {
        gnode *cl = s->list[i];
        if (cl->flags & NF_EMBEDDED) {
            if (has_default)
                ck_fail(c, cl->pos, "multiple defaults in switch");
            has_default = 1;
        }
        for (int k = 0; k < cl->nlist; k++) {
            gnode *e = cl->list[k];
            opnd o = ck_value(c, e, tag_t);
            if (!s->b) {
                ck_assign(c, e, &o, basic(c, GK_BOOL), "switch case");
                continue;
            }
            /* compare as tag == e */
            gnode *cmp = ck_alloc(c, sizeof *cmp);
            cmp->kind = N_BINARY;
            cmp->op = T_EQL;
            cmp->pos = e->pos;
            cmp->a = s->b;
            cmp->b = e;
            if (types_is_untyped(o.t))
                ck_assign(c, e, &o, tag_t, "switch case");
            else if (o.t != tag_t &&
                     !(tag_t->kind == GK_INTERFACE && ck_assignable(c, o.t, tag_t, e)) &&
                     !(o.t->kind == GK_INTERFACE && ck_assignable(c, tag_t, o.t, e)))
                ck_fail(c, e->pos, "invalid case %s in switch on %s (mismatched types %s and %s)",
                        e->kind == N_IDENT ? e->text : "expression",
                        s->b->kind == N_IDENT ? s->b->text : "tag", ck_typestr(c, o.t),
                        ck_typestr(c, tag_t));
            gnode tmp_a = *s->b;
            cmp->a = &tmp_a; /* the tag is evaluated once; the comparison only needs xop */
            ck_binary(c, cmp, NULL);
            cmp->a = s->b;
            e->aux = cmp;
            ck_dup_case(c, s, i, k, e, tag_t);
        }
        scope_open(c, c->fn);
        ck_body_list(c, cl->list2, cl->nlist2);
        for (int k = 0; k < cl->nlist2; k++) {
            gnode *st = cl->list2[k];
            if (st->kind == N_BRANCH && st->op == T_FALLTHROUGH) {
                if (k != cl->nlist2 - 1)
                    ck_fail(c, st->pos, "fallthrough statement out of place");
                if (i == s->nlist - 1)
                    ck_fail(c, st->pos, "cannot fallthrough final case in switch");
            }
        }
        scope_close(c);
    }
    c->ntargets--;
    scope_close(c);
}

static void ck_typeswitch(checker *c, gnode *s)
{
    scope_open(c, c->fn);
    if (s->a)
        ck_stmt(c, s->a);
    gnode *guard = s->b;
    gnode *x = guard->kind == N_ASSIGN ? guard->list2[0]->a : guard->a->a;
    const char *bind = guard->kind == N_ASSIGN ? guard->list[0]->text : NULL;
    opnd o = ck_value(c, x, NULL);
    if (o.t->kind != GK_INTERFACE)
        ck_fail(c, x->pos, "%s (variable of type %s) is not an interface",
                x->kind == N_IDENT ? x->text : "x", ck_typestr(c, o.t));
    ck_push_target(c, s);
    int any_used = 0;
    gsym *bsyms[256];
    int nb = 0;
    for (int i = 0; i < s->nlist; i++) {
        gnode *cl = s->list[i];
        gtype *single = NULL;
        for (int k = 0; k < cl->nlist; k++) {
            gnode *e = cl->list[k];
            if (e->kind == N_IDENT && strcmp(e->text, "nil") == 0) {
                e->type = NULL;
                e->xop = X_NIL;
                continue;
            }
            gtype *t = ck_type(c, e);
            e->type = t;
            const char *missing = NULL;
            int ptr_only = 0;
            if (t->kind != GK_INTERFACE && !types_implements(t, o.t, &missing, &ptr_only)) {
                /* gc's words, the reason on a second line */
                char tn[256], xn[256], why[200];
                ck_local_typestr(c, t, tn, sizeof tn);
                ck_local_typestr(c, o.t, xn, sizeof xn);
                snprintf(why, sizeof why,
                         ptr_only ? "%s method has pointer receiver" : "missing %s method",
                         missing);
                ck_fail(c, e->pos,
                        "impossible type switch case: %s\n\t%s (variable of type %s) cannot have "
                        "dynamic type %s (%s)",
                        tn, x->kind == N_IDENT ? x->text : "x", xn, tn, why);
            }
            if (cl->nlist == 1)
                single = t;
        }
        scope_open(c, c->fn);
        if (bind && strcmp(bind, "_") != 0) {
            gsym *v = ck_local(c, bind, guard->list[0]->pos, single ? single : o.t);
            v->used = 0;
            cl->sym = v;
            if (nb < 256)
                bsyms[nb++] = v;
        }
        ck_body_list(c, cl->list2, cl->nlist2);
        if (cl->sym) {
            any_used |= cl->sym->used;
            cl->sym->used = 1; /* reported once below, as Go does */
        }
        scope_close(c);
    }
    if (bind && strcmp(bind, "_") != 0 && !any_used)
        ck_fail(c, guard->list[0]->pos, "%s declared but not used", bind);
    (void)bsyms;
    c->ntargets--;
    scope_close(c);
}

static void ck_select(checker *c, gnode *s)
{
    ck_push_target(c, s);
    int has_default = 0;
    for (int i = 0; i < s->nlist; i++) {
        gnode *cl = s->list[i];
        scope_open(c, c->fn);
        gnode *comm = cl->a;
        if (!comm) {
            if (has_default)
                ck_fail(c, cl->pos, "multiple defaults in select");
            has_default = 1;
        } else if (comm->kind == N_SEND) {
            ck_stmt(c, comm);
        } else {
            gnode *rx = comm->kind == N_EXPRSTMT ? comm->a
                        : comm->kind == N_ASSIGN ? comm->list2[0]
                                                 : NULL;
            while (rx && rx->kind == N_PAREN)
                rx = rx->a;
            if (!rx || rx->kind != N_UNARY || rx->op != T_ARROW ||
                (comm->kind == N_ASSIGN && (comm->nlist2 != 1 || comm->nlist > 2)))
                ck_fail(c, comm->pos, "select case must be receive, send or assign recv");
            ck_stmt(c, comm);
        }
        ck_body_list(c, cl->list2, cl->nlist2);
        scope_close(c);
    }
    c->ntargets--;
}

static void ck_for(checker *c, gnode *s)
{
    scope_open(c, c->fn);
    if (s->a)
        ck_stmt(c, s->a);
    if (s->b)
        ck_cond(c, s->b);
    if (s->c)
        ck_stmt(c, s->c);
    ck_push_target(c, s);
    ck_block(c, s->d, 1);
    c->ntargets--;
    scope_close(c);
}

static void ck_range(checker *c, gnode *s)
{
    scope_open(c, c->fn);
    opnd o = ck_value(c, s->c, NULL);
    if (types_is_untyped(o.t))
        ck_use_default(c, s->c, &o);
    gtype *t = s->c->type ? s->c->type : o.t;
    gtype *u = t->underlying;
    gtype *kt = NULL, *vt = NULL;
    if (u->kind == GK_POINTER && u->elem->underlying->kind == GK_ARRAY)
        u = u->elem->underlying;
    switch (u->kind) {
    case GK_STRING:
        kt = basic(c, GK_INT);
        vt = c->ts->rune_t;
        break;
    case GK_SLICE:
    case GK_ARRAY:
        kt = basic(c, GK_INT);
        vt = u->elem;
        break;
    case GK_MAP:
        kt = u->key;
        vt = u->elem;
        break;
    case GK_CHAN:
        if (u->dir == GO_CHAN_SEND)
            ck_fail(c, s->c->pos, "invalid operation: range %s: receive from send-only channel",
                    s->c->kind == N_IDENT ? s->c->text : "x");
        kt = u->elem;
        if (s->b)
            ck_fail(c, s->b->pos, "range over %s permits only one iteration variable",
                    ck_desc(c, s->c, &o));
        break;
    default:
        if (types_is_integer(u))
            ck_unsupported(c, s->c->pos, "range over an integer (Go 1.22)");
        if (u->kind == GK_FUNC)
            ck_unsupported(c, s->c->pos, "range over a function (Go 1.23)");
        ck_fail(c, s->c->pos, "cannot range over %s", ck_desc(c, s->c, &o));
    }
    s->x = u->kind;
    gnode *vars[2] = {s->a, s->b};
    gtype *vts[2] = {kt, vt};
    for (int i = 0; i < 2; i++) {
        gnode *l = vars[i];
        if (!l)
            continue;
        if (s->op == T_DEFINE) {
            if (l->kind != N_IDENT)
                ck_fail(c, l->pos, "non-name on left side of :=");
            if (strcmp(l->text, "_") == 0) {
                l->xop = X_BLANK;
                continue;
            }
            gsym *v = ck_local(c, l->text, l->pos, vts[i]);
            l->sym = v;
            l->xop = X_LOCAL;
            l->type = vts[i];
        } else {
            gtype *lt = ck_lhs(c, l);
            if (lt && !ck_assignable(c, vts[i], lt, l))
                ck_fail(c, l->pos, "cannot assign %s to %s in range", ck_typestr(c, vts[i]),
                        ck_typestr(c, lt));
        }
    }
    ck_push_target(c, s);
    ck_block(c, s->d, 1);
    c->ntargets--;
    scope_close(c);
}

static void ck_return(checker *c, gnode *s)
{
    gfunc *fn = c->fn;
    if (!fn)
        ck_fail(c, s->pos, "return outside function");
    if (!s->nlist) {
        if (fn->nresults && !fn->named_results)
            ck_fail(c, s->pos, "not enough return values\n\thave ()\n\twant %s",
                    ck_typestr(c, types_tuple(c->ts, fn->sig->results, fn->sig->nresults)));
        return;
    }
    if (s->nlist == 1 && fn->nresults > 1) {
        opnd o = ck_expr(c, s->list[0], NULL);
        if (o.t && o.t->kind == GK_TUPLE && o.t->nparams == fn->nresults) {
            for (int i = 0; i < fn->nresults; i++)
                if (!ck_assignable(c, o.t->params[i], fn->sig->results[i], s->list[0]))
                    ck_fail(c, s->pos, "cannot use %s value as %s value in return statement",
                            ck_typestr(c, o.t->params[i]), ck_typestr(c, fn->sig->results[i]));
            s->y = 1;
            return;
        }
    }
    if (s->nlist != fn->nresults)
        ck_fail(c, s->list[0]->pos, "%s return values\n\thave (%s)\n\twant %s",
                s->nlist > fn->nresults ? "too many" : "not enough", "...",
                fn->nresults
                    ? ck_typestr(c, types_tuple(c->ts, fn->sig->results, fn->sig->nresults))
                    : "()");
    for (int i = 0; i < s->nlist; i++) {
        gtype *want = fn->sig->results[i];
        opnd o = ck_value(c, s->list[i], want);
        ck_assign(c, s->list[i], &o, want, "return statement");
    }
}

/* v among the variables goroutines may share (go_vars), once; -1 when out
 * of memory. */
static int ck_go_var(gprog *p, gsym *v)
{
    if (v->go_captured)
        return 0;
    v->go_captured = 1;
    if (p->ngo_vars == p->capgo_vars) {
        int cap = p->capgo_vars ? p->capgo_vars * 2 : 16;
        gsym **nv = arena_alloc(&p->arena, (size_t)cap * sizeof *nv);
        if (!nv)
            return -1;
        if (p->ngo_vars)
            memcpy(nv, p->go_vars, (size_t)p->ngo_vars * sizeof *nv);
        p->go_vars = nv;
        p->capgo_vars = cap;
    }
    p->go_vars[p->ngo_vars++] = v;
    return 0;
}

static void ck_go_defer(checker *c, gnode *s)
{
    gnode *call = s->a;
    opnd o = ck_expr(c, call, NULL);
    (void)o;
    if (call->xop == X_CONVERT)
        ck_fail(c, s->pos, "%s requires function call, not conversion",
                s->kind == N_GO ? "go" : "defer");
    if (call->xop == X_CALL_BUILTIN) {
        int b = call->x;
        if (b == B_LEN || b == B_CAP || b == B_APPEND || b == B_MAKE || b == B_NEW)
            ck_fail(c, s->pos, "%s discards result of %s", s->kind == N_GO ? "go" : "defer",
                    "builtin call");
    }
    if (s->kind == N_DEFER)
        c->fn->has_defer = 1;
    /* go func() { ... }(): what it captures another goroutine shares */
    gfunc *lit = s->kind == N_GO && call->kind == N_CALL && call->a && call->a->kind == N_FUNCLIT
                     ? call->a->aux
                     : NULL;
    c->p->has_go |= s->kind == N_GO;
    for (int i = 0; lit && i < lit->ncaptures; i++)
        if (ck_go_var(c->p, lit->captures[i].sym) != 0)
            ck_fail(c, s->pos, "poolscope: out of memory");
}

static void ck_stmt(checker *c, gnode *s)
{
    switch (s->kind) {
    case N_EMPTY:
        return;
    case N_DECLSTMT:
        ck_decl_stmt(c, s->a);
        return;
    case N_LABELED:
        for (int i = 0; i < c->nlabels; i++)
            if (strcmp(c->labels[i]->text, s->text) == 0)
                ck_fail(c, s->pos, "label %s already defined", s->text);
        if (c->nlabels >= 64)
            ck_fail(c, s->pos, "poolscope: more than 64 labels in a function (limit)");
        c->label_used[c->nlabels] = 0;
        c->labels[c->nlabels++] = s;
        ck_stmt(c, s->a);
        return;
    case N_EXPRSTMT: {
        gnode *x = s->a;
        while (x->kind == N_PAREN)
            x = x->a;
        opnd o = ck_expr(c, s->a, NULL);
        if (x->kind == N_CALL) {
            if (x->xop == X_CONVERT)
                ck_fail(c, s->pos, "%s (value of type %s) is not used", "conversion",
                        ck_typestr(c, o.t));
            if (x->xop == X_CALL_BUILTIN) {
                int b = x->x;
                if (b == B_LEN || b == B_CAP || b == B_APPEND || b == B_MAKE || b == B_NEW)
                    ck_fail(c, s->pos, "%s (value of type %s) is not used", "builtin call",
                            ck_typestr(c, o.t));
            }
            return;
        }
        if (x->kind == N_UNARY && x->op == T_ARROW)
            return;
        ck_fail(c, s->pos, "%s (%s) is not used",
                x->kind == N_IDENT      ? x->text
                : x->kind == N_BASICLIT ? x->text
                                        : "expression",
                o.m == M_CONST ? (types_is_untyped(o.t) ? ck_typestr(c, o.t) : "constant")
                               : "value");
    }
    case N_SEND: {
        opnd ch = ck_value(c, s->a, NULL);
        if (ch.t->underlying->kind != GK_CHAN)
            ck_fail(c, s->pos, "invalid operation: cannot send to non-channel %s",
                    ck_desc(c, s->a, &ch));
        if (ch.t->underlying->dir == GO_CHAN_RECV)
            ck_fail(c, s->pos, "invalid operation: cannot send to receive-only channel %s",
                    ck_desc(c, s->a, &ch));
        opnd v = ck_value(c, s->b, ch.t->underlying->elem);
        ck_assign(c, s->b, &v, ch.t->underlying->elem, "send");
        return;
    }
    case N_INCDEC: {
        gtype *t = ck_lhs(c, s->a);
        if (s->a->kind == N_IDENT) { /* x++ reads x, as x += 1 does: a use (gc agrees) */
            gsym *v = ck_lookup(c, s->a->text, s->a->pos, 0);
            if (v && v->kind == SY_VAR)
                v->used = 1;
        }
        if (!t || !types_is_numeric(t->underlying))
            ck_fail(c, s->pos, "invalid operation: %s%s (non-numeric type %s)",
                    s->a->kind == N_IDENT ? s->a->text : "x", s->op == T_INC ? "++" : "--",
                    t ? ck_typestr(c, t) : "_");
        s->x = types_int_bits(t->underlying);
        s->y = types_is_unsigned(t->underlying);
        s->xop = types_is_float(t->underlying) ? X_ADD_FLOAT : X_ADD_INT;
        return;
    }
    case N_ASSIGN:
        ck_assign_stmt(c, s);
        return;
    case N_GO:
    case N_DEFER:
        ck_go_defer(c, s);
        return;
    case N_RETURN:
        ck_return(c, s);
        return;
    case N_BRANCH:
        ck_branch(c, s);
        return;
    case N_BLOCK:
        ck_block(c, s, 1);
        return;
    case N_IF:
        scope_open(c, c->fn);
        if (s->a)
            ck_stmt(c, s->a);
        ck_cond(c, s->b);
        ck_block(c, s->c, 1);
        if (s->d)
            ck_stmt(c, s->d);
        scope_close(c);
        return;
    case N_SWITCH:
        ck_switch(c, s);
        return;
    case N_TYPESWITCH:
        ck_typeswitch(c, s);
        return;
    case N_SELECT:
        ck_select(c, s);
        return;
    case N_FOR:
        ck_for(c, s);
        return;
    case N_RANGE:
        ck_range(c, s);
        return;
    default:
        ck_fail(c, s->pos, "unexpected %s", ast_kind_name(s->kind));
    }
}

static void ck_block(checker *c, gnode *b, int new_scope)
{
    if (new_scope)
        scope_open(c, c->fn);
    ck_body_list(c, b->list, b->nlist);
    if (new_scope)
        scope_close(c);
}

/* The spec's terminating statements (for "missing return"). */
static int ck_terminates(const gnode *s);

static int ck_list_terminates(gnode **l, int n)
{
    while (n > 0 && l[n - 1]->kind == N_EMPTY)
        n--;
    return n > 0 && ck_terminates(l[n - 1]);
}

static int ck_has_break(const gnode *s, const gnode *target, int depth);

static int ck_list_has_break(gnode **l, int n, const gnode *target, int depth)
{
    for (int i = 0; i < n; i++)
        if (ck_has_break(l[i], target, depth))
            return 1;
    return 0;
}

static int ck_has_break(const gnode *s, const gnode *target, int depth)
{
    if (!s || depth > 200)
        return 0;
    switch (s->kind) {
    case N_BRANCH:
        return s->op == T_BREAK && s->aux == target;
    case N_BLOCK:
        return ck_list_has_break(s->list, s->nlist, target, depth + 1);
    case N_LABELED:
        return ck_has_break(s->a, target, depth + 1);
    case N_IF:
        return ck_has_break(s->c, target, depth + 1) || ck_has_break(s->d, target, depth + 1);
    case N_CASECLAUSE:
    case N_COMMCLAUSE:
        return ck_list_has_break(s->list2, s->nlist2, target, depth + 1);
    case N_SWITCH:
    case N_TYPESWITCH:
    case N_SELECT:
        return ck_list_has_break(s->list, s->nlist, target, depth + 1);
    case N_FOR:
    case N_RANGE:
        return ck_has_break(s->d, target, depth + 1);
    default:
        return 0;
    }
}

static int ck_terminates(const gnode *s)
{
    switch (s->kind) {
    case N_RETURN:
        return 1;
    case N_BRANCH:
        return s->op == T_GOTO;
    case N_EXPRSTMT: {
        const gnode *x = s->a;
        return x->kind == N_CALL && x->xop == X_CALL_BUILTIN && x->x == B_PANIC;
    }
    case N_BLOCK:
        return ck_list_terminates(s->list, s->nlist);
    case N_IF:
        return s->d && ck_terminates(s->c) && ck_terminates(s->d);
    case N_LABELED:
        return ck_terminates(s->a);
    case N_FOR:
        return !s->b && !ck_has_break(s->d, s, 0);
    case N_SWITCH:
    case N_TYPESWITCH:
    case N_SELECT: {
        int has_default = s->kind == N_SELECT;
        for (int i = 0; i < s->nlist; i++) {
            const gnode *cl = s->list[i];
            if (s->kind != N_SELECT && (cl->flags & NF_EMBEDDED))
                has_default = 1;
            int n = cl->nlist2;
            int ft =
                n && cl->list2[n - 1]->kind == N_BRANCH && cl->list2[n - 1]->op == T_FALLTHROUGH;
            if (!ft && !ck_list_terminates(cl->list2, n))
                return 0;
            if (ck_list_has_break(cl->list2, n, s, 0))
                return 0;
        }
        return has_default;
    }
    default:
        return 0;
    }
}

static void ck_func_body(checker *c, gfunc *fn, gnode *body)
{
    fn->body = body;
    ck_block(c, body, 1);
    for (int i = 0; i < c->nlabels; i++) /* its own: the callers start it at 0 */
        if (!c->label_used[i])
            ck_fail(c, c->labels[i]->pos, "label %s defined and not used", c->labels[i]->text);
    if (fn->nresults && !ck_list_terminates(body->list, body->nlist))
        ck_fail(c, (go_pos){body->y, 1}, "missing return");
}

/* ---- declarations ---- */

static void ck_const_spec(checker *c, gnode *spec, scope *into, int global)
{
    gtype *t = spec->a ? ck_type(c, spec->a) : NULL;
    if (spec->nlist2 < spec->nlist)
        ck_fail(c, spec->nlist2 ? spec->list[spec->nlist2]->pos : spec->pos,
                "missing init expr for const declaration");
    if (spec->nlist2 > spec->nlist)
        ck_fail(c, spec->list2[spec->nlist]->pos, "extra init expr");
    int saved = c->iota;
    c->iota = spec->x;
    for (int i = 0; i < spec->nlist; i++) {
        gnode *name = spec->list[i];
        gsym *s = global ? name->sym : ck_sym(c, SY_CONST, name->text, name->pos);
        gnode *e = spec->list2[i];
        /* an implicit repetition re-checks the same expression with a new iota */
        opnd o = ck_value(c, e, t);
        if (!ck_is_const(&o))
            ck_fail(c, e->pos, "%s is not constant", ck_desc(c, e, &o));
        gconst *v = o.cv;
        gtype *vt = o.t;
        for (int k = 0; k < c->p->nsets; k++)
            if (strcmp(c->p->sets[k].name, name->text) == 0) {
                c->p->sets[k].used = 1;
                c->p->sets[k].line = spec->nlist == 1 && spec->nlist2 == 1 ? e->pos.line : 0;
                c->p->sets[k].col = e->pos.col;
                const char *val = c->p->sets[k].value;
                gnode lit = {
                    .kind = N_BASICLIT, .pos = e->pos, .text = val, .len = (int32_t)strlen(val)};
                char *end;
                if (vt->underlying->kind == GK_STRING || vt->kind == GK_UNTYPED_STRING) {
                    v = cv_string(c, val, (int64_t)strlen(val));
                } else if (strcmp(val, "true") == 0 || strcmp(val, "false") == 0) {
                    v = cv_bool(c, val[0] == 't');
                } else {
                    long long iv = strtoll(val, &end, 0);
                    if (*end == 0 && end != val) {
                        v = cv_int(c, iv);
                    } else {
                        double fv = strtod(val, &end);
                        if (*end || end == val)
                            ck_fail(c, name->pos, "--set %s=%s: not a constant of type %s",
                                    name->text, val, ck_typestr(c, vt));
                        v = cv_float(c, fv);
                    }
                }
                (void)lit;
                if ((v->kind == CK_BOOL) !=
                    (vt->underlying->kind == GK_BOOL || vt->kind == GK_UNTYPED_BOOL))
                    ck_fail(c, name->pos, "--set %s=%s: not a constant of type %s", name->text, val,
                            ck_typestr(c, vt));
                uint64_t w;
                if (!types_is_untyped(vt) && !cv_represent(v, vt, &w))
                    ck_fail(c, name->pos, "--set %s=%s: does not fit type %s", name->text, val,
                            ck_typestr(c, vt));
            }
        if (t) {
            gnode tmp = *e;
            tmp.cv = v;
            opnd to = {.m = M_CONST, .t = vt, .cv = v};
            ck_assign(c, &tmp, &to, t, "constant declaration");
            v = tmp.cv;
            vt = t;
        } else if (!types_is_untyped(vt)) {
            gnode tmp = *e;
            tmp.cv = v;
            ck_set_const(c, &tmp, vt);
            v = tmp.cv;
        }
        s->kind = SY_CONST;
        s->cv = v;
        s->type = vt;
        s->state = 2;
        name->sym = s;
        if (!global)
            scope_add(c, into, s);
    }
    c->iota = saved;
}

static gtype *ck_defined_type(checker *c, gnode *spec, gsym *s, const char *pkg)
{
    if (spec->flags & NF_GENERIC)
        ck_unsupported(c, spec->pos, "generics (type parameters)");
    if (spec->flags & NF_ALIAS) {
        s->state = 1;
        s->type = ck_type(c, spec->a);
        s->state = 2;
        return s->type;
    }
    gtype *t = types_named(c->ts, pkg, s->name);
    s->type = t;
    s->state = 1; /* its own name may appear inside: type Node struct { next *Node } */
    gtype *u = ck_type(c, spec->a);
    if (u == t || (u->kind == GK_INVALID && !u->underlying))
        ck_fail(c, spec->pos, "invalid recursive type %s", s->name);
    if (!u->underlying)
        ck_fail(c, spec->pos, "invalid recursive type %s", s->name);
    types_set_underlying(t, u);
    /* a defined type does not inherit methods, except an interface's */
    s->state = 2;
    return t;
}

static void ck_type_spec_local(checker *c, gnode *spec)
{
    gsym *s = ck_sym(c, SY_TYPE, spec->text, spec->pos);
    scope_add(c, c->cur, s);
    ck_defined_type(c, spec, s, "main");
}

static void ck_var_global(checker *c, gsym *s)
{
    gnode *spec = s->spec;
    gfunc *saved_fn = c->fn;
    scope *saved = c->cur;
    gsym *saved_owner = c->dep_owner;
    /* the spec's first named variable holds its dependencies */
    gsym *owner = NULL;
    for (int i = 0; i < spec->nlist && !owner; i++)
        if (spec->list[i]->sym)
            owner = spec->list[i]->sym;
    c->dep_owner = owner;
    c->cur = c->pkg;
    c->fn = NULL;
    gtype *t = spec->a ? ck_type(c, spec->a) : NULL;
    int nl = spec->nlist, nr = spec->nlist2;
    for (int i = 0; i < nl; i++) {
        gsym *v = spec->list[i]->sym;
        if (v)
            v->state = 1;
    }
    if (nr == 1 && nl > 1) {
        opnd o = ck_expr(c, spec->list2[0], t);
        if (o.t && o.t->kind == GK_TUPLE && o.t->nparams == nl) {
            for (int i = 0; i < nl; i++)
                if (spec->list[i]->sym)
                    spec->list[i]->sym->type = t ? t : o.t->params[i];
            spec->y = 1;
        } else if (nl == 2 && ck_comma_ok_type(c, spec->list2[0])) {
            if (spec->list[0]->sym)
                spec->list[0]->sym->type = t ? t : o.t;
            if (spec->list[1]->sym)
                spec->list[1]->sym->type = basic(c, GK_BOOL);
            spec->y = 2;
        } else {
            ck_fail(c, spec->pos, "assignment mismatch: %d variables but %d value", nl, nr);
        }
    } else {
        if (nr && nr != nl)
            ck_fail(c, spec->pos, "assignment mismatch: %d variable%s but %d value%s", nl,
                    nl > 1 ? "s" : "", nr, nr > 1 ? "s" : "");
        for (int i = 0; i < nl; i++) {
            gtype *vt = t;
            if (nr) {
                opnd o = ck_value(c, spec->list2[i], t);
                if (t)
                    ck_assign(c, spec->list2[i], &o, t, "variable declaration");
                else
                    ck_use_default(c, spec->list2[i], &o);
                vt = t ? t : (spec->list2[i]->type ? spec->list2[i]->type : o.t);
            }
            if (spec->list[i]->sym)
                spec->list[i]->sym->type = vt;
        }
    }
    for (int i = 0; i < nl; i++) {
        gsym *v = spec->list[i]->sym;
        if (!v)
            continue;
        v->slot = c->p->global_words;
        c->p->global_words += v->type->size;
        v->state = 2;
        v->used = 1;
    }
    /* record the initialization order: a spec after the ones it uses */
    if (c->nvar == c->capvar) {
        int cap = c->capvar ? c->capvar * 2 : 16;
        gnode **v = ck_alloc(c, (size_t)cap * sizeof *v);
        if (c->nvar)
            memcpy(v, c->var_order, (size_t)c->nvar * sizeof *v);
        c->var_order = v;
        c->capvar = cap;
    }
    c->var_order[c->nvar++] = spec;
    c->cur = saved;
    c->fn = saved_fn;
    c->dep_owner = saved_owner;
}

static void ck_func_decl_sig(checker *c, gsym *s)
{
    gnode *d = s->decl;
    if (d->flags & NF_GENERIC)
        ck_unsupported(c, d->pos, "generics (type parameters)");
    scope *saved = c->cur;
    c->cur = c->pkg;
    gfunc *fn = s->fn;
    ck_signature(c, d->b, NULL, fn);
    s->type = types_func(c->ts, fn->sig->params, fn->sig->nparams, fn->sig->results,
                         fn->sig->nresults, fn->sig->variadic);
    s->state = 2;
    c->cur = saved;
}

static void ck_resolve_global(checker *c, gsym *s)
{
    if (s->state == 2)
        return;
    if (s->state == 1) {
        if (s->kind == SY_TYPE)
            return; /* a type may refer to itself through pointers, slices... */
        ck_fail(c, s->pos, "initialization cycle or invalid recursive reference to %s", s->name);
    }
    scope *saved = c->cur;
    gfunc *saved_fn = c->fn;
    int saved_iota = c->iota;
    switch (s->kind) {
    case SY_TYPE:
        c->cur = c->lib_scope && s->decl == NULL ? c->lib_scope : c->pkg;
        c->fn = NULL;
        ck_defined_type(c, s->spec, s, "main");
        break;
    case SY_CONST: {
        c->cur = c->pkg;
        c->fn = NULL;
        s->state = 1;
        gnode *spec = s->spec;
        for (int i = 0; i < spec->nlist; i++)
            spec->list[i]->sym->state = 1;
        ck_const_spec(c, spec, c->pkg, 1);
        break;
    }
    case SY_VAR:
        ck_var_global(c, s);
        break;
    case SY_FUNC:
        s->state = 1;
        ck_func_decl_sig(c, s);
        break;
    default:
        s->state = 2;
    }
    c->cur = saved;
    c->fn = saved_fn;
    c->iota = saved_iota;
}

static gsym *ck_declare_global(checker *c, gsymkind k, gnode *name, gnode *decl, gnode *spec)
{
    if (strcmp(name->text, "init") == 0 && k != SY_FUNC)
        ck_fail(c, name->pos, "cannot declare init - must be func");
    if (strcmp(name->text, "main") == 0 && k != SY_FUNC)
        ck_fail(c, name->pos, "cannot declare main - must be func");
    gsym *s = ck_sym(c, k, name->text, name->pos);
    s->decl = decl;
    s->spec = spec;
    s->global = k == SY_VAR;
    name->sym = s;
    scope_add(c, c->pkg, s);
    return s;
}

static void ck_method_decl(checker *c, gnode *d)
{
    gnode *recv = d->a;
    gnode *tn = recv->a;
    int ptr = 0;
    if (tn->kind == N_STAR) {
        tn = tn->a;
        ptr = 1;
    }
    while (tn->kind == N_PAREN)
        tn = tn->a;
    if (tn->kind == N_INDEX)
        ck_unsupported(c, tn->pos, "generics (methods of generic types)");
    if (tn->kind != N_IDENT)
        ck_fail(c, tn->pos, "invalid receiver type");
    gsym *ts = scope_find_here(c->pkg, tn->text);
    if (!ts)
        ck_fail(c, tn->pos, "undefined: %s", tn->text);
    if (ts->kind != SY_TYPE)
        ck_fail(c, tn->pos, "%s is not a type", tn->text);
    ck_resolve_global(c, ts);
    gtype *t = ts->type;
    if (!t->short_name || t->pkg == NULL || strcmp(t->pkg, "main") != 0)
        ck_fail(c, tn->pos, "cannot define new methods on non-local type %s", ck_typestr(c, t));
    if (t->kind == GK_POINTER || t->kind == GK_INTERFACE)
        ck_fail(c, tn->pos, "invalid receiver type %s (pointer or interface type)", tn->text);
    char name[200];
    snprintf(name, sizeof name, ptr ? "main.(*%s).%s" : "main.%s.%s", tn->text, d->text);
    gfunc *fn = ck_new_func(c, arena_strndup(&c->p->arena, name, strlen(name)), d);
    fn->is_method = 1;
    scope *saved = c->cur;
    c->cur = c->pkg;
    ck_signature(c, d->b, recv, fn);
    c->cur = saved;
    gmethod m = {.name = d->text, .fn = fn, .ptr_recv = ptr};
    m.sig = types_func(c->ts, fn->sig->params + 1, fn->sig->nparams - 1, fn->sig->results,
                       fn->sig->nresults, fn->sig->variadic);
    if (t->kind == GK_STRUCT)
        for (int i = 0; i < t->nfields; i++)
            if (strcmp(t->fields[i].name, d->text) == 0)
                ck_fail(c, d->pos, "field and method with the same name %s", d->text);
    if (types_add_method(c->ts, t, &m) != 0)
        ck_fail(c, d->pos, "method %s.%s already declared", tn->text, d->text);
    d->aux = fn;
}

static void ck_check_func(checker *c, gnode *d, gfunc *fn)
{
    c->fn = fn;
    c->topfn = fn;
    c->nfuncs = 0;
    c->nlabels = 0;
    c->ntargets = 0;
    scope *sc = scope_open(c, fn);
    for (int i = 0; i < fn->nparams; i++)
        if (fn->params[i])
            scope_add(c, sc, fn->params[i]);
    for (int i = 0; i < fn->nresults; i++)
        if (fn->results[i])
            scope_add(c, sc, fn->results[i]);
    if (!d->c)
        ck_fail(c, d->pos, "missing function body");
    ck_func_body(c, fn, d->c);
    scope_close(c);
    c->fn = NULL;
    c->topfn = NULL;
}

/* ---- the universe and the library ---- */

static __attribute__((noinline)) void ck_universe(checker *c)
{
    c->universe = scope_open(c, NULL);
    static const struct {
        const char *name;
        gkind k;
    } basics[] = {
        {"bool", GK_BOOL},           {"int", GK_INT},
        {"int8", GK_INT8},           {"int16", GK_INT16},
        {"int32", GK_INT32},         {"int64", GK_INT64},
        {"uint", GK_UINT},           {"uint8", GK_UINT8},
        {"uint16", GK_UINT16},       {"uint32", GK_UINT32},
        {"uint64", GK_UINT64},       {"uintptr", GK_UINTPTR},
        {"float32", GK_FLOAT32},     {"float64", GK_FLOAT64},
        {"complex64", GK_COMPLEX64}, {"complex128", GK_COMPLEX128},
        {"string", GK_STRING},
    };
    go_pos none = {0, 0};
    for (size_t i = 0; i < sizeof basics / sizeof basics[0]; i++) {
        gsym *s = ck_sym(c, SY_TYPE, basics[i].name, none);
        s->type = basic(c, basics[i].k);
        s->state = 2;
        scope_add(c, c->universe, s);
    }
    static const struct {
        const char *name;
        int which; /* 0 byte, 1 rune, 2 error, 3 any */
    } aliases[] = {{"byte", 0}, {"rune", 1}, {"error", 2}, {"any", 3}};
    for (size_t i = 0; i < 4; i++) {
        gsym *s = ck_sym(c, SY_TYPE, aliases[i].name, none);
        s->type = i == 0   ? c->ts->byte_t
                  : i == 1 ? c->ts->rune_t
                  : i == 2 ? c->ts->error_t
                           : c->ts->any_t;
        s->state = 2;
        scope_add(c, c->universe, s);
    }
    gsym *t = ck_sym(c, SY_CONST, "true", none);
    t->cv = cv_bool(c, 1);
    t->type = basic(c, GK_UNTYPED_BOOL);
    t->state = 2;
    scope_add(c, c->universe, t);
    gsym *f = ck_sym(c, SY_CONST, "false", none);
    f->cv = cv_bool(c, 0);
    f->type = basic(c, GK_UNTYPED_BOOL);
    f->state = 2;
    scope_add(c, c->universe, f);
    gsym *io = ck_sym(c, SY_CONST, "iota", none);
    io->type = basic(c, GK_UNTYPED_INT);
    io->state = 2;
    scope_add(c, c->universe, io);
    gsym *nil = ck_sym(c, SY_NIL, "nil", none);
    nil->type = basic(c, GK_UNTYPED_NIL);
    nil->state = 2;
    scope_add(c, c->universe, nil);
    static const struct {
        const char *name;
        int b;
    } builtins[] = {
        {"append", B_APPEND},   {"cap", B_CAP},     {"close", B_CLOSE},     {"copy", B_COPY},
        {"delete", B_DELETE},   {"len", B_LEN},     {"make", B_MAKE},       {"new", B_NEW},
        {"panic", B_PANIC},     {"print", B_PRINT}, {"println", B_PRINTLN}, {"recover", B_RECOVER},
        {"complex", B_COMPLEX}, {"real", B_REAL},   {"imag", B_IMAG},
    };
    for (size_t i = 0; i < sizeof builtins / sizeof builtins[0]; i++) {
        gsym *s = ck_sym(c, SY_BUILTIN, builtins[i].name, none);
        s->builtin = builtins[i].b;
        s->state = 2;
        scope_add(c, c->universe, s);
    }
}

static void ck_lib_fail(checker *c, const golib_pkg *pkg, const char *name, go_diag *d)
{
    ck_fail(c, (go_pos){1, 1}, "poolscope: internal error in package %s, member %s: %s", pkg->path,
            name, d->msg);
}

static gnode *ck_lib_type_src(checker *c, const golib_pkg *pkg, const char *name, const char *src)
{
    go_diag d;
    gnode *n = parse_type_string(&c->p->arena, src, &d);
    if (!n)
        ck_lib_fail(c, pkg, name, &d);
    return n;
}

/* Builds a package's scope from its table: types first (their underlying
 * types may name each other), then methods, then the rest. */
static scope *ck_lib_scope_build(checker *c, const golib_pkg *pkg);

static gnative_fn ck_native(checker *c, const golib_pkg *pkg, const char *name)
{
    return c->p->native_of ? c->p->native_of(pkg->path, name) : NULL;
}

static scope *ck_lib_scope(checker *c, const golib_pkg *pkg)
{
    const golib_pkg *saved_lib = c->in_lib;
    c->in_lib = pkg;
    scope *s = ck_lib_scope_build(c, pkg);
    c->in_lib = saved_lib;
    return s;
}

static scope *ck_lib_scope_build(checker *c, const golib_pkg *pkg)
{
    scope *saved = c->cur;
    c->cur = c->universe;
    scope *s = scope_open(c, NULL);
    const char *pkgpath = pkg->path;
    /* declare the types (underlying set below) */
    for (int i = 0; i < pkg->n; i++) {
        const golib_member *m = &pkg->members[i];
        if (m->kind != LM_TYPE)
            continue;
        gsym *t = ck_sym(c, SY_TYPE, m->name, (go_pos){0, 0});
        t->type = types_named(c->ts, pkgpath, m->name);
        t->state = 1;
        scope_add(c, s, t);
    }
    for (int i = 0; i < pkg->n; i++) {
        const golib_member *m = &pkg->members[i];
        if (m->kind != LM_TYPE)
            continue;
        gsym *t = scope_find_here(s, m->name);
        gtype *u = ck_type(c, ck_lib_type_src(c, pkg, m->name, m->type));
        types_set_underlying(t->type, u);
        t->state = 2;
    }
    for (int i = 0; i < pkg->n; i++) {
        const golib_member *m = &pkg->members[i];
        go_pos none = {0, 0};
        if (m->kind == LM_METHOD) {
            const char *dot = strchr(m->name, '.');
            int ptr = m->name[0] == '*';
            char tname[64];
            snprintf(tname, sizeof tname, "%.*s", (int)(dot - m->name - ptr), m->name + ptr);
            gsym *t = scope_find_here(s, tname);
            if (!t)
                ck_fail(c, none, "poolscope: internal error: %s.%s has no type", pkg->path,
                        m->name);
            gtype *sig = ck_type(c, ck_lib_type_src(c, pkg, m->name, m->type));
            char full[128];
            snprintf(full, sizeof full, "%s.(%s%s).%s", pkg->name, ptr ? "*" : "", tname, dot + 1);
            gfunc *fn = ck_new_func(c, arena_strndup(&c->p->arena, full, strlen(full)), NULL);
            fn->native = m->fn ? m->fn : ck_native(c, pkg, m->name);
            fn->is_method = 1;
            gtype *ps[64];
            ps[0] = ptr ? types_pointer(c->ts, t->type) : t->type;
            for (int k = 0; k < sig->nparams && k < 63; k++)
                ps[k + 1] = sig->params[k];
            fn->sig =
                types_func(c->ts, ps, sig->nparams + 1, sig->results, sig->nresults, sig->variadic);
            fn->nparams = sig->nparams + 1;
            fn->nresults = sig->nresults;
            int32_t pw = 0, rw = 0;
            for (int k = 0; k < fn->sig->nparams; k++)
                pw += fn->sig->params[k]->size;
            for (int k = 0; k < sig->nresults; k++)
                rw += sig->results[k]->size;
            fn->param_words = pw;
            fn->result_words = rw;
            gmethod gm = {.name = dot + 1, .sig = sig, .fn = fn, .ptr_recv = ptr};
            types_add_method(c->ts, t->type, &gm);
            continue;
        }
        if (m->kind == LM_TYPE)
            continue;
        gsym *sym = ck_sym(c,
                           m->kind == LM_FUNC    ? SY_FUNC
                           : m->kind == LM_CONST ? SY_CONST
                                                 : SY_VAR,
                           m->name, none);
        sym->state = 2;
        if (m->kind == LM_FUNC) {
            gtype *sig = ck_type(c, ck_lib_type_src(c, pkg, m->name, m->type));
            char full[128];
            snprintf(full, sizeof full, "%s.%s", pkg->name, m->name);
            gfunc *fn = ck_new_func(c, arena_strndup(&c->p->arena, full, strlen(full)), NULL);
            fn->native = m->fn ? m->fn : ck_native(c, pkg, m->name);
            fn->sig = sig;
            fn->nparams = sig->nparams;
            fn->nresults = sig->nresults;
            for (int k = 0; k < sig->nparams; k++)
                fn->param_words += sig->params[k]->size;
            for (int k = 0; k < sig->nresults; k++)
                fn->result_words += sig->results[k]->size;
            sym->fn = fn;
            sym->type = sig;
        } else if (m->kind == LM_CONST) {
            go_diag d;
            gnode *e = parse_expr_string(&c->p->arena, m->value, &d);
            if (!e)
                ck_lib_fail(c, pkg, m->name, &d);
            c->cur = s;
            opnd o = ck_value(c, e, NULL);
            gconst *v = o.cv;
            gtype *vt = o.t;
            if (m->type && m->type[0]) {
                vt = ck_type(c, ck_lib_type_src(c, pkg, m->name, m->type));
                opnd to = o;
                ck_assign(c, e, &to, vt, "constant");
                v = e->cv;
            }
            sym->cv = v;
            sym->type = vt;
        } else {
            sym->type = ck_type(c, ck_lib_type_src(c, pkg, m->name, m->type));
            sym->global = 1;
            sym->slot = c->p->global_words;
            c->p->global_words += sym->type->size;
            sym->fn = ck_new_func(c, m->name, NULL);
            sym->fn->native = m->fn ? m->fn : ck_native(c, pkg, m->name);
            if (c->p->nlib_vars == c->p->caplib_vars) {
                int cap = c->p->caplib_vars ? c->p->caplib_vars * 2 : 8;
                gsym **v = ck_alloc(c, (size_t)cap * sizeof *v);
                if (c->p->nlib_vars)
                    memcpy(v, c->p->lib_vars, (size_t)c->p->nlib_vars * sizeof *v);
                c->p->lib_vars = v;
                c->p->caplib_vars = cap;
            }
            c->p->lib_vars[c->p->nlib_vars++] = sym;
        }
        scope_add(c, s, sym);
    }
    c->cur = saved;
    return s;
}

static gsym *ck_lib_member(checker *c, const golib_pkg *pkg, const char *name)
{
    for (int i = 0; i < c->nlibs; i++)
        if (c->libs[i].pkg == pkg)
            return scope_find_here(c->libs[i].s, name);
    if (c->nlibs >= 32)
        return NULL;
    libscope *ls = &c->libs[c->nlibs++];
    ls->pkg = pkg;
    ls->used = 1; /* needed by another package, not imported by the program */
    ls->s = ck_lib_scope(c, pkg);
    return scope_find_here(ls->s, name);
}

static void ck_imports(checker *c, gnode *file)
{
    for (int i = 0; i < file->nlist; i++) {
        gnode *d = file->list[i];
        if (d->kind != N_GENDECL || d->op != T_IMPORT)
            continue;
        for (int k = 0; k < d->nlist; k++) {
            gnode *imp = d->list[k];
            const golib_pkg *pkg = lib_find(imp->text);
            if (!pkg) {
                if (strcmp(imp->text, "unsafe") == 0 || strcmp(imp->text, "C") == 0)
                    ck_fail(c, imp->pos, "poolscope does not support %s", imp->text);
                ck_fail(c, imp->pos,
                        "poolscope does not support %s (docs/go.md lists the packages it has)",
                        imp->text);
            }
            if (c->nlibs >= 32)
                ck_fail(c, imp->pos, "poolscope: more than 32 imports (limit)");
            libscope *ls = NULL;
            for (int q = 0; q < c->nlibs; q++)
                if (c->libs[q].pkg == pkg)
                    ls = &c->libs[q]; /* loaded already, for another package's types */
            if (!ls) {
                ls = &c->libs[c->nlibs++];
                ls->pkg = pkg;
                c->lib_scope = NULL;
                ls->s = ck_lib_scope(c, pkg);
            }
            ls->import = imp;
            ls->used = 0;
            const char *local = imp->a ? imp->a->text : pkg->name;
            if (strcmp(local, ".") == 0)
                ck_unsupported(c, imp->pos, "dot imports");
            if (strcmp(local, "_") == 0) {
                ls->used = 1;
                continue;
            }
            gsym *s = ck_sym(c, SY_PKG, local, imp->pos);
            s->pkg = pkg;
            s->state = 2;
            /* imports live in the file scope: here, the package scope */
            scope_add(c, c->pkg, s);
            if (strcmp(pkg->path, "golang.org/x/sync/errgroup") == 0)
                c->p->uses_errgroup = 1;
        }
    }
}

static void ck_collect(checker *c, gnode *file)
{
    for (int i = 0; i < file->nlist; i++) {
        gnode *d = file->list[i];
        if (d->kind == N_FUNCDECL) {
            if (d->a)
                continue; /* methods after the types */
            if (strcmp(d->text, "init") == 0) {
                if (d->b->nlist || d->b->nlist2)
                    ck_fail(c, d->pos, "func init must have no arguments and no return values");
                continue;
            }
            if (strcmp(d->text, "main") == 0 && (d->b->nlist || d->b->nlist2))
                ck_fail(c, d->pos, "func main must have no arguments and no return values");
            gsym *s =
                ck_declare_global(c, SY_FUNC, &(gnode){.text = d->text, .pos = d->pos}, d, NULL);
            char name[160];
            snprintf(name, sizeof name, "main.%s", d->text);
            s->fn = ck_new_func(c, arena_strndup(&c->p->arena, name, strlen(name)), d);
            d->sym = s;
            continue;
        }
        if (d->kind != N_GENDECL || d->op == T_IMPORT)
            continue;
        for (int k = 0; k < d->nlist; k++) {
            gnode *spec = d->list[k];
            if (d->op == T_TYPE) {
                gsym *s = ck_declare_global(
                    c, SY_TYPE, &(gnode){.text = spec->text, .pos = spec->pos}, d, spec);
                spec->sym = s;
                continue;
            }
            for (int j = 0; j < spec->nlist; j++) {
                gnode *name = spec->list[j];
                if (strcmp(name->text, "_") == 0) {
                    if (d->op == T_VAR) {
                        gsym *s = ck_sym(c, SY_VAR, "_", name->pos);
                        s->spec = spec;
                        s->global = 1;
                        name->sym = s;
                    }
                    continue;
                }
                gsym *s = ck_declare_global(c, d->op == T_VAR ? SY_VAR : SY_CONST, name, d, spec);
                s->index = j;
            }
        }
    }
}

/* Does spec's initialization need variable v, directly or through the
 * bodies of the functions it names? */
static int ck_needs(const gsym *from, const gsym *v, int depth, const gsym **seen, int *nseen)
{
    if (!from || depth > 64)
        return 0;
    for (int i = 0; i < *nseen; i++)
        if (seen[i] == from)
            return 0;
    if (*nseen < 4096)
        seen[(*nseen)++] = from;
    for (int i = 0; i < from->ndeps; i++) {
        const gsym *d = from->deps[i];
        if (d == v)
            return 1;
        if (d->kind == SY_FUNC && ck_needs(d, v, depth + 1, seen, nseen))
            return 1;
    }
    return 0;
}

static gsym *ck_spec_owner(gnode *spec)
{
    for (int i = 0; i < spec->nlist; i++)
        if (spec->list[i]->sym)
            return spec->list[i]->sym;
    return NULL;
}

/* Go's order: repeatedly the earliest variable in declaration order that
 * depends on no uninitialized variable. */
static void ck_init_order(checker *c, gnode *file)
{
    int n = 0;
    for (int i = 0; i < file->nlist; i++)
        if (file->list[i]->kind == N_GENDECL && file->list[i]->op == T_VAR)
            n += file->list[i]->nlist;
    gnode **specs = n ? ck_alloc(c, (size_t)n * sizeof *specs) : NULL;
    gnode **order = n ? ck_alloc(c, (size_t)n * sizeof *order) : NULL;
    int *done = n ? ck_alloc(c, (size_t)n * sizeof *done) : NULL;
    int k = 0;
    for (int i = 0; i < file->nlist; i++)
        if (file->list[i]->kind == N_GENDECL && file->list[i]->op == T_VAR)
            for (int j = 0; j < file->list[i]->nlist; j++)
                specs[k++] = file->list[i]->list[j];
    const gsym **seen = ck_alloc(c, 4096 * sizeof *seen);
    for (int emitted = 0; emitted < n;) {
        int pick = -1;
        for (int i = 0; i < n && pick < 0; i++) {
            if (done[i])
                continue;
            int ready = 1;
            gsym *owner = ck_spec_owner(specs[i]);
            for (int j = 0; j < n && ready; j++) {
                if (done[j] || j == i)
                    continue;
                for (int q = 0; q < specs[j]->nlist && ready; q++) {
                    const gsym *v = specs[j]->list[q]->sym;
                    int nseen = 0;
                    if (v && ck_needs(owner, v, 0, seen, &nseen))
                        ready = 0;
                }
            }
            if (ready)
                pick = i;
        }
        if (pick < 0) /* a cycle through functions: declaration order */
            for (int i = 0; i < n && pick < 0; i++)
                if (!done[i])
                    pick = i;
        done[pick] = 1;
        order[emitted++] = specs[pick];
    }
    c->p->var_inits = order;
    c->p->nvar_inits = n;
}

static __attribute__((noinline)) void ck_package(checker *c, gnode *file)
{
    if (strcmp(file->text, "main") != 0)
        ck_fail(c, file->pos, "package %s is not a main package (poolscope runs package main)",
                file->text);
    c->pkg = scope_open(c, NULL);
    ck_imports(c, file);
    ck_collect(c, file);
    /* types, then methods, then everything else in source order */
    for (int i = 0; i < c->pkg->n; i++)
        if (c->pkg->syms[i]->kind == SY_TYPE)
            ck_resolve_global(c, c->pkg->syms[i]);
    for (int i = 0; i < file->nlist; i++)
        if (file->list[i]->kind == N_FUNCDECL && file->list[i]->a)
            ck_method_decl(c, file->list[i]);
    for (int i = 0; i < c->pkg->n; i++)
        ck_resolve_global(c, c->pkg->syms[i]);
    /* blank package variables are initialized too */
    for (int i = 0; i < file->nlist; i++) {
        gnode *d = file->list[i];
        if (d->kind != N_GENDECL || d->op != T_VAR)
            continue;
        for (int k = 0; k < d->nlist; k++)
            for (int j = 0; j < d->list[k]->nlist; j++) {
                gsym *s = d->list[k]->list[j]->sym;
                if (s && strcmp(s->name, "_") == 0 && s->state == 0)
                    ck_var_global(c, s);
            }
    }
    gsym *main_sym = scope_find_here(c->pkg, "main");
    if (!main_sym || main_sym->kind != SY_FUNC)
        ck_fail(c, (go_pos){1, 1}, "function main is undeclared in the main package");
    c->p->main_fn = main_sym->fn;
    /* bodies */
    int ninit = 0;
    for (int i = 0; i < file->nlist; i++)
        if (file->list[i]->kind == N_FUNCDECL && !file->list[i]->a &&
            strcmp(file->list[i]->text, "init") == 0)
            ninit++;
    c->p->inits = ninit ? ck_alloc(c, (size_t)ninit * sizeof *c->p->inits) : NULL;
    for (int i = 0; i < file->nlist; i++) {
        gnode *d = file->list[i];
        if (d->kind != N_FUNCDECL)
            continue;
        gfunc *fn;
        if (d->a) {
            fn = d->aux;
        } else if (strcmp(d->text, "init") == 0) {
            char name[64];
            snprintf(name, sizeof name, "main.init.%d", c->p->ninits);
            fn = ck_new_func(c, arena_strndup(&c->p->arena, name, strlen(name)), d);
            scope *saved = c->cur;
            c->cur = c->pkg;
            ck_signature(c, d->b, NULL, fn);
            c->cur = saved;
            c->p->inits[c->p->ninits++] = fn;
            d->aux = fn;
        } else {
            fn = d->sym->fn;
        }
        c->cur = c->pkg;
        c->dep_owner = d->a ? NULL : d->sym; /* init and methods: none */
        ck_check_func(c, d, fn);
        c->dep_owner = NULL;
    }
    for (int i = 0; i < c->nlibs; i++)
        if (!c->libs[i].used)
            ck_fail(c, c->libs[i].import->pos, "\"%s\" imported but not used",
                    c->libs[i].pkg->path);
    for (int k = 0; k < c->p->nsets; k++)
        if (!c->p->sets[k].used)
            ck_fail(c, (go_pos){1, 1}, "--set %s: the program declares no constant %s",
                    c->p->sets[k].name, c->p->sets[k].name);
    ck_init_order(c, file);
    if (c->p->types.failed)
        ck_fail(c, (go_pos){1, 1}, "poolscope: out of memory for types");
}

int check_add_set(gprog *p, const char *name, const char *value)
{
    if (p->nsets >= 16)
        return -1;
    p->sets[p->nsets].name = name;
    p->sets[p->nsets].value = value;
    p->sets[p->nsets].used = 0;
    p->nsets++;
    return 0;
}

/* Not inlined: the locals of what runs under setjmp stay out of its frame. */
static __attribute__((noinline)) int ck_run(checker *c)
{
    if (setjmp(c->fail) != 0)
        return -1;
    ck_universe(c);
    ck_package(c, c->p->file);
    return 0;
}

int check_program(gprog *p, const char *filename, const char *src, size_t len, go_diag *d)
{
    p->filename = filename;
    p->src = src;
    p->srclen = len;
    arena_init(&p->arena, CHECK_MAX_ARENA);
    memset(d, 0, sizeof *d);
    if (len > CHECK_MAX_SOURCE) {
        d->pos = (go_pos){1, 1};
        snprintf(d->msg, sizeof d->msg,
                 "poolscope: the source is %zu bytes, over its limit of %u MiB", len,
                 CHECK_MAX_SOURCE >> 20);
        return -1;
    }
    if (types_init(&p->types, &p->arena) != 0) {
        snprintf(d->msg, sizeof d->msg, "poolscope: out of memory");
        return -1;
    }
    p->file = parse_file(&p->arena, src, len, d);
    if (!p->file)
        return -1;
    checker *c = calloc(1, sizeof *c);
    if (!c) {
        snprintf(d->msg, sizeof d->msg, "poolscope: out of memory");
        return -1;
    }
    c->p = p;
    c->d = d;
    c->ts = &p->types;
    c->iota = -1;
    int rc = ck_run(c);
    free(c);
    /* a program with go statements: its package-level variables are shared
     * by every goroutine */
    for (int i = 0; rc == 0 && p->has_go && i < p->nvar_inits; i++)
        for (int k = 0; rc == 0 && k < p->var_inits[i]->nlist; k++) {
            gsym *v = p->var_inits[i]->list[k]->sym;
            if (v && v->kind == SY_VAR && v->global && strcmp(v->name, "_") != 0)
                rc = ck_go_var(p, v);
        }
    /* now that every &x is seen: the shared integers whose loads and
     * stores the evaluator watches (an addressed one may be read through a
     * pointer, sync/atomic's way, which it cannot follow) */
    for (int i = 0; rc == 0 && i < p->ngo_vars; i++) {
        gsym *v = p->go_vars[i];
        v->shared = !v->addressed && v->type && types_is_integer(v->type);
    }
    return rc;
}

void check_free(gprog *p)
{
    types_free(&p->types);
    arena_free(&p->arena);
}
