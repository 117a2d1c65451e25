#include "types.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast.h"

static const char *const basic_names[GK_KIND_COUNT] = {
    [GK_BOOL] = "bool",
    [GK_INT] = "int",
    [GK_INT8] = "int8",
    [GK_INT16] = "int16",
    [GK_INT32] = "int32",
    [GK_INT64] = "int64",
    [GK_UINT] = "uint",
    [GK_UINT8] = "uint8",
    [GK_UINT16] = "uint16",
    [GK_UINT32] = "uint32",
    [GK_UINT64] = "uint64",
    [GK_UINTPTR] = "uintptr",
    [GK_FLOAT32] = "float32",
    [GK_FLOAT64] = "float64",
    [GK_COMPLEX64] = "complex64",
    [GK_COMPLEX128] = "complex128",
    [GK_STRING] = "string",
    [GK_UNSAFE_POINTER] = "unsafe.Pointer",
    [GK_UNTYPED_BOOL] = "untyped bool",
    [GK_UNTYPED_INT] = "untyped int",
    [GK_UNTYPED_RUNE] = "untyped rune",
    [GK_UNTYPED_FLOAT] = "untyped float",
    [GK_UNTYPED_STRING] = "untyped string",
    [GK_UNTYPED_NIL] = "untyped nil",
};

static gtype *types_register(gtypes *ts, gtype *t)
{
    if (ts->n == ts->cap) {
        int cap = ts->cap ? ts->cap * 2 : 256;
        gtype **all = realloc(ts->all, (size_t)cap * sizeof *all);
        if (!all) {
            ts->failed = 1;
            return t;
        }
        ts->all = all;
        ts->cap = cap;
    }
    t->id = (uint32_t)ts->n;
    ts->all[ts->n++] = t;
    return t;
}

gtype *types_new(gtypes *ts, gkind kind)
{
    gtype *t = arena_alloc(ts->a, sizeof *t);
    if (!t) {
        ts->failed = 1;
        static gtype invalid = {.kind = GK_INVALID, .size = 1};
        return &invalid;
    }
    t->kind = kind;
    t->size = 1;
    t->underlying = t;
    t->comparable = 1;
    return types_register(ts, t);
}

int types_init(gtypes *ts, go_arena *a)
{
    memset(ts, 0, sizeof *ts);
    ts->a = a;
    for (int k = GK_BOOL; k <= GK_UNSAFE_POINTER; k++) {
        gtype *t = types_new(ts, (gkind)k);
        t->name = t->short_name = basic_names[k];
        ts->basic[k] = t;
    }
    for (int k = GK_UNTYPED_BOOL; k <= GK_UNTYPED_NIL; k++) {
        gtype *t = types_new(ts, (gkind)k);
        t->name = t->short_name = basic_names[k];
        ts->basic[k] = t;
    }
    ts->byte_t = ts->basic[GK_UINT8];
    ts->rune_t = ts->basic[GK_INT32];
    ts->any_t = types_interface(ts, NULL, 0);
    /* type error interface { Error() string } */
    gtype *str = ts->basic[GK_STRING];
    gimethod m = {.name = "Error", .sig = types_func(ts, NULL, 0, &str, 1, 0)};
    gtype *eu = types_interface(ts, &m, 1);
    ts->error_t = types_named(ts, NULL, "error");
    types_set_underlying(ts->error_t, eu);
    return ts->failed ? -1 : 0;
}

void types_free(gtypes *ts)
{
    for (int i = 0; i < ts->n; i++)
        free(ts->all[i]->methods);
    free(ts->all);
    ts->all = NULL;
    ts->n = ts->cap = 0;
}

/* Interning by linear search over the types of the same kind: programs have
 * a few hundred types; a hash would matter only for machine-made ones. */
typedef int (*types_match)(const gtype *t, const void *key);

static gtype *types_find(gtypes *ts, gkind kind, types_match match, const void *key)
{
    for (int i = 0; i < ts->n; i++) {
        gtype *t = ts->all[i];
        if (t->kind == kind && !t->name && match(t, key))
            return t;
    }
    return NULL;
}

struct elem_key {
    gtype *elem, *key;
    int64_t len;
    int dir;
};

static int match_elem(const gtype *t, const void *k)
{
    const struct elem_key *e = k;
    return t->elem == e->elem && t->key == e->key && t->len == e->len && t->dir == e->dir;
}

static gtype *types_elem_type(gtypes *ts, gkind kind, gtype *elem, gtype *key, int64_t len, int dir)
{
    struct elem_key k = {elem, key, len, dir};
    gtype *t = types_find(ts, kind, match_elem, &k);
    if (t)
        return t;
    t = types_new(ts, kind);
    t->elem = elem;
    t->key = key;
    t->len = len;
    t->dir = dir;
    return t;
}

gtype *types_pointer(gtypes *ts, gtype *elem)
{
    if (elem->ptr_to)
        return elem->ptr_to;
    gtype *t = types_elem_type(ts, GK_POINTER, elem, NULL, 0, 0);
    elem->ptr_to = t;
    return t;
}

gtype *types_slice(gtypes *ts, gtype *elem)
{
    if (elem->slice_of)
        return elem->slice_of;
    gtype *t = types_elem_type(ts, GK_SLICE, elem, NULL, 0, 0);
    t->comparable = 0;
    elem->slice_of = t;
    return t;
}

gtype *types_array(gtypes *ts, gtype *elem, int64_t len)
{
    gtype *t = types_elem_type(ts, GK_ARRAY, elem, NULL, len, 0);
    int64_t size = (int64_t)elem->size * len;
    t->size = size > INT32_MAX ? INT32_MAX : (int32_t)size;
    t->comparable = elem->comparable;
    return t;
}

gtype *types_map(gtypes *ts, gtype *key, gtype *val)
{
    gtype *t = types_elem_type(ts, GK_MAP, val, key, 0, 0);
    t->comparable = 0;
    return t;
}

gtype *types_chan(gtypes *ts, gtype *elem, int dir)
{
    return types_elem_type(ts, GK_CHAN, elem, NULL, 0, dir);
}

struct sig_key {
    gtype **params, **results;
    int np, nr, variadic;
};

static int match_sig(const gtype *t, const void *k)
{
    const struct sig_key *s = k;
    if (t->nparams != s->np || t->nresults != s->nr || t->variadic != s->variadic)
        return 0;
    for (int i = 0; i < s->np; i++)
        if (t->params[i] != s->params[i])
            return 0;
    for (int i = 0; i < s->nr; i++)
        if (t->results[i] != s->results[i])
            return 0;
    return 1;
}

static gtype **types_copy_list(gtypes *ts, gtype **v, int n)
{
    if (!n)
        return NULL;
    gtype **c = arena_alloc(ts->a, (size_t)n * sizeof *c);
    if (!c) {
        ts->failed = 1;
        return NULL;
    }
    memcpy(c, v, (size_t)n * sizeof *c);
    return c;
}

gtype *types_func(gtypes *ts, gtype **params, int np, gtype **results, int nr, int variadic)
{
    struct sig_key k = {params, results, np, nr, variadic};
    gtype *t = types_find(ts, GK_FUNC, match_sig, &k);
    if (t)
        return t;
    t = types_new(ts, GK_FUNC);
    t->params = types_copy_list(ts, params, np);
    t->results = types_copy_list(ts, results, nr);
    t->nparams = np;
    t->nresults = nr;
    t->variadic = variadic;
    t->comparable = 0;
    return t;
}

gtype *types_tuple(gtypes *ts, gtype **elems, int n)
{
    struct sig_key k = {elems, NULL, n, 0, 0};
    gtype *t = types_find(ts, GK_TUPLE, match_sig, &k);
    if (t)
        return t;
    t = types_new(ts, GK_TUPLE);
    t->params = types_copy_list(ts, elems, n);
    t->nparams = n;
    int32_t size = 0;
    for (int i = 0; i < n; i++)
        size += elems[i]->size;
    t->size = size;
    return t;
}

struct struct_key {
    const gfield *f;
    int n;
};

static int str_eq(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static int match_struct(const gtype *t, const void *k)
{
    const struct struct_key *s = k;
    if (t->nfields != s->n)
        return 0;
    for (int i = 0; i < s->n; i++) {
        const gfield *a = &t->fields[i], *b = &s->f[i];
        if (a->type != b->type || a->embedded != b->embedded || !str_eq(a->name, b->name) ||
            !str_eq(a->tag, b->tag))
            return 0;
    }
    return 1;
}

gtype *types_struct(gtypes *ts, const gfield *fields, int n)
{
    struct struct_key k = {fields, n};
    gtype *t = types_find(ts, GK_STRUCT, match_struct, &k);
    if (t)
        return t;
    t = types_new(ts, GK_STRUCT);
    t->fields = n ? arena_alloc(ts->a, (size_t)n * sizeof *t->fields) : NULL;
    if (n && !t->fields) {
        ts->failed = 1;
        return t;
    }
    t->nfields = n;
    int64_t off = 0;
    for (int i = 0; i < n; i++) {
        t->fields[i] = fields[i];
        t->fields[i].offset = (int32_t)off;
        off += fields[i].type->size;
        if (!fields[i].type->comparable)
            t->comparable = 0;
    }
    t->size = off > INT32_MAX ? INT32_MAX : (int32_t)off;
    return t;
}

static int imethod_cmp(const void *x, const void *y)
{
    return strcmp(((const gimethod *)x)->name, ((const gimethod *)y)->name);
}

struct iface_key {
    const gimethod *m;
    int n;
};

static int match_iface(const gtype *t, const void *k)
{
    const struct iface_key *s = k;
    if (t->nimethods != s->n)
        return 0;
    for (int i = 0; i < s->n; i++)
        if (strcmp(t->imethods[i].name, s->m[i].name) != 0 || t->imethods[i].sig != s->m[i].sig)
            return 0;
    return 1;
}

gtype *types_interface(gtypes *ts, const gimethod *m, int n)
{
    gimethod *sorted = n ? arena_alloc(ts->a, (size_t)n * sizeof *sorted) : NULL;
    if (n && !sorted) {
        ts->failed = 1;
        return ts->basic[GK_BOOL];
    }
    if (n)
        memcpy(sorted, m, (size_t)n * sizeof *sorted);
    if (n > 1) /* qsort(NULL, 0, ...) is undefined (UBSan: nonnull) */
        qsort(sorted, (size_t)n, sizeof *sorted, imethod_cmp);
    struct iface_key k = {sorted, n};
    gtype *t = types_find(ts, GK_INTERFACE, match_iface, &k);
    if (t)
        return t;
    t = types_new(ts, GK_INTERFACE);
    t->imethods = sorted;
    t->nimethods = n;
    return t;
}

gtype *types_named(gtypes *ts, const char *pkg, const char *name)
{
    gtype *t = types_new(ts, GK_INVALID);
    t->short_name = name;
    t->pkg = pkg;
    if (pkg) {
        size_t n = strlen(pkg) + strlen(name) + 2;
        char *full = arena_alloc(ts->a, n);
        if (full) {
            /* %T prints the package's last element: "time.Duration", "main.T" */
            const char *last = strrchr(pkg, '/');
            snprintf(full, n, "%s.%s", last ? last + 1 : pkg, name);
        }
        t->name = full ? full : name;
    } else {
        t->name = name;
    }
    t->underlying = NULL;
    return t;
}

void types_set_underlying(gtype *named, gtype *u)
{
    gtype *base = u->underlying ? u->underlying : u;
    named->underlying = base;
    named->kind = base->kind;
    named->size = base->size;
    named->elem = base->elem;
    named->key = base->key;
    named->len = base->len;
    named->dir = base->dir;
    named->nfields = base->nfields;
    named->fields = base->fields;
    named->nparams = base->nparams;
    named->nresults = base->nresults;
    named->params = base->params;
    named->results = base->results;
    named->variadic = base->variadic;
    named->nimethods = base->nimethods;
    named->imethods = base->imethods;
    named->comparable = base->comparable;
    if (!named->lib)
        named->lib = base->lib;
}

int types_add_method(gtypes *ts, gtype *named, const gmethod *m)
{
    (void)ts;
    for (int i = 0; i < named->nmethods; i++)
        if (strcmp(named->methods[i].name, m->name) == 0)
            return -1;
    if (named->nmethods == named->capmethods) {
        int cap = named->capmethods ? named->capmethods * 2 : 4;
        gmethod *v = realloc(named->methods, (size_t)cap * sizeof *v);
        if (!v)
            return -1;
        named->methods = v;
        named->capmethods = cap;
    }
    named->methods[named->nmethods++] = *m;
    return 0;
}

int types_identical(const gtype *x, const gtype *y)
{
    return x == y;
}

int types_is_integer(const gtype *t)
{
    return (t->kind >= GK_INT && t->kind <= GK_UINTPTR) || t->kind == GK_UNTYPED_INT ||
           t->kind == GK_UNTYPED_RUNE;
}

int types_is_unsigned(const gtype *t)
{
    return t->kind >= GK_UINT && t->kind <= GK_UINTPTR;
}

int types_is_float(const gtype *t)
{
    return t->kind == GK_FLOAT32 || t->kind == GK_FLOAT64 || t->kind == GK_UNTYPED_FLOAT;
}

int types_is_numeric(const gtype *t)
{
    return types_is_integer(t) || types_is_float(t) || t->kind == GK_COMPLEX64 ||
           t->kind == GK_COMPLEX128;
}

int types_is_string(const gtype *t)
{
    return t->kind == GK_STRING || t->kind == GK_UNTYPED_STRING;
}

int types_is_untyped(const gtype *t)
{
    return t->kind >= GK_UNTYPED_BOOL && t->kind <= GK_UNTYPED_NIL;
}

int types_is_interface(const gtype *t)
{
    return t->kind == GK_INTERFACE;
}

int types_int_bits(const gtype *t)
{
    switch (t->kind) {
    case GK_INT8:
    case GK_UINT8:
        return 8;
    case GK_INT16:
    case GK_UINT16:
        return 16;
    case GK_INT32:
    case GK_UINT32:
    case GK_UNTYPED_RUNE:
        return 32;
    default:
        return 64;
    }
}

/* ---- formatting ---- */

typedef struct tbuf {
    char *p;
    size_t n, len;
} tbuf;

static void tb_put(tbuf *b, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i < k; i++) {
        if (b->len + 1 < b->n)
            b->p[b->len] = s[i];
        b->len++;
    }
    if (b->n)
        b->p[b->len < b->n ? b->len : b->n - 1] = 0;
}

static void tb_type(tbuf *b, const gtype *t, int depth);

static void tb_sig(tbuf *b, const gtype *t, int depth)
{
    tb_put(b, "(");
    for (int i = 0; i < t->nparams; i++) {
        if (i)
            tb_put(b, ", ");
        if (t->variadic && i == t->nparams - 1) {
            tb_put(b, "...");
            tb_type(b, t->params[i]->elem, depth + 1);
        } else {
            tb_type(b, t->params[i], depth + 1);
        }
    }
    tb_put(b, ")");
    if (t->nresults == 1) {
        tb_put(b, " ");
        tb_type(b, t->results[0], depth + 1);
    } else if (t->nresults > 1) {
        tb_put(b, " (");
        for (int i = 0; i < t->nresults; i++) {
            if (i)
                tb_put(b, ", ");
            tb_type(b, t->results[i], depth + 1);
        }
        tb_put(b, ")");
    }
}

static void tb_type(tbuf *b, const gtype *t, int depth)
{
    char num[32];
    if (depth > 32) {
        tb_put(b, "...");
        return;
    }
    if (!t) { /* an operand without a type (a checker error on its way) */
        tb_put(b, "invalid type");
        return;
    }
    if (t->name) {
        tb_put(b, t->name);
        return;
    }
    switch (t->kind) {
    case GK_POINTER:
        tb_put(b, "*");
        tb_type(b, t->elem, depth + 1);
        break;
    case GK_SLICE:
        tb_put(b, "[]");
        tb_type(b, t->elem, depth + 1);
        break;
    case GK_ARRAY:
        snprintf(num, sizeof num, "[%lld]", (long long)t->len);
        tb_put(b, num);
        tb_type(b, t->elem, depth + 1);
        break;
    case GK_MAP:
        tb_put(b, "map[");
        tb_type(b, t->key, depth + 1);
        tb_put(b, "]");
        tb_type(b, t->elem, depth + 1);
        break;
    case GK_CHAN:
        tb_put(b, t->dir == GO_CHAN_RECV   ? "<-chan "
                  : t->dir == GO_CHAN_SEND ? "chan<- "
                                           : "chan ");
        tb_type(b, t->elem, depth + 1);
        break;
    case GK_FUNC:
        tb_put(b, "func");
        tb_sig(b, t, depth);
        break;
    case GK_STRUCT:
        tb_put(b, "struct {");
        for (int i = 0; i < t->nfields; i++) {
            tb_put(b, i ? "; " : " ");
            if (!t->fields[i].embedded) {
                tb_put(b, t->fields[i].name);
                tb_put(b, " ");
            }
            tb_type(b, t->fields[i].type, depth + 1);
            if (t->fields[i].tag) {
                tb_put(b, " ");
                tb_put(b, t->fields[i].tag);
            }
        }
        tb_put(b, t->nfields ? " }" : "}");
        break;
    case GK_INTERFACE:
        if (!t->nimethods) {
            tb_put(b, "interface {}");
            break;
        }
        tb_put(b, "interface {");
        for (int i = 0; i < t->nimethods; i++) {
            tb_put(b, i ? "; " : " ");
            tb_put(b, t->imethods[i].name);
            tb_sig(b, t->imethods[i].sig, depth);
        }
        tb_put(b, " }");
        break;
    case GK_TUPLE:
        tb_put(b, "(");
        for (int i = 0; i < t->nparams; i++) {
            if (i)
                tb_put(b, ", ");
            tb_type(b, t->params[i], depth + 1);
        }
        tb_put(b, ")");
        break;
    default:
        tb_put(b, basic_names[t->kind] ? basic_names[t->kind] : "?");
    }
}

size_t types_format(const gtype *t, char *buf, size_t len)
{
    tbuf b = {buf, len, 0};
    if (len)
        buf[0] = 0;
    tb_type(&b, t, 0);
    return b.len;
}

/* ---- methods ---- */

static gmethod *types_own_method(const gtype *t, const char *name)
{
    for (int i = 0; i < t->nmethods; i++)
        if (strcmp(t->methods[i].name, name) == 0)
            return &t->methods[i];
    return NULL;
}

/* Breadth-first over embedded fields, as the spec's depth rule asks: the
 * shallowest method wins; two at the same depth are ambiguous. */
int types_find_method(const gtype *t, const char *name, gmethod_path *out)
{
    memset(out, 0, sizeof *out);
    const gtype *base =
        t->kind == GK_POINTER && t->elem->kind != GK_INTERFACE && !t->name ? t->elem : t;
    gmethod *m = types_own_method(base, name);
    if (m) {
        out->m = m;
        out->recv = (gtype *)base;
        return 1;
    }
    if (base->kind != GK_STRUCT)
        return 0;
    /* level-order search; paths are short in practice (depth <= 8) */
    typedef struct {
        const gtype *t;
        int depth;
        int32_t offsets[8];
        int derefs[8];
    } item;
    item queue[64];
    int qh = 0, qt = 0;
    queue[qt++] = (item){.t = base};
    int found_depth = -1;
    while (qh < qt) {
        item it = queue[qh++];
        if (found_depth >= 0 && it.depth >= found_depth)
            break;
        const gtype *st = it.t;
        if (st->kind != GK_STRUCT)
            continue;
        for (int i = 0; i < st->nfields; i++) {
            const gfield *f = &st->fields[i];
            if (!f->embedded)
                continue;
            const gtype *ft = f->type;
            int deref = 0;
            if (ft->kind == GK_POINTER) {
                ft = ft->elem;
                deref = 1;
            }
            if (it.depth >= 7)
                continue;
            item next = it;
            next.t = ft;
            next.offsets[it.depth] = f->offset;
            next.derefs[it.depth] = deref;
            next.depth = it.depth + 1;
            gmethod *fm = types_own_method(ft, name);
            gimethod *fim = NULL;
            if (!fm && ft->kind == GK_INTERFACE) {
                for (int k = 0; k < ft->nimethods; k++)
                    if (strcmp(ft->imethods[k].name, name) == 0)
                        fim = &ft->imethods[k];
            }
            if (fm || fim) {
                if (found_depth == next.depth) {
                    out->ambiguous = 1;
                    continue;
                }
                found_depth = next.depth;
                out->m = fm;
                out->im = fim;
                out->recv = (gtype *)ft;
                out->depth = next.depth;
                memcpy(out->offsets, next.offsets, sizeof out->offsets);
                memcpy(out->derefs, next.derefs, sizeof out->derefs);
                continue;
            }
            if (qt < 64)
                queue[qt++] = next;
        }
    }
    return (out->m || out->im) && !out->ambiguous;
}

int types_implements(const gtype *t, const gtype *it, const char **missing, int *ptr_only)
{
    *ptr_only = 0;
    for (int i = 0; i < it->nimethods; i++) {
        const gimethod *im = &it->imethods[i];
        if (t->kind == GK_INTERFACE) {
            int ok = 0;
            for (int k = 0; k < t->nimethods; k++)
                if (strcmp(t->imethods[k].name, im->name) == 0 && t->imethods[k].sig == im->sig)
                    ok = 1;
            if (!ok) {
                *missing = im->name;
                return 0;
            }
            continue;
        }
        gmethod_path path;
        if (!types_find_method(t, im->name, &path)) {
            *missing = im->name;
            return 0;
        }
        const gtype *sig = path.im ? path.im->sig : path.m->sig;
        if (sig != im->sig) {
            *missing = im->name;
            return 0;
        }
        /* a pointer-receiver method is in T's method set only through *T
         * (or an embedded pointer on the way) */
        if (path.m && path.m->ptr_recv && t->kind != GK_POINTER) {
            int via_ptr = 0;
            for (int d = 0; d < path.depth; d++)
                via_ptr |= path.derefs[d];
            if (!via_ptr) {
                *missing = im->name;
                *ptr_only = 1;
                return 0;
            }
        }
    }
    return 1;
}

/* ---- Go's own sizes (what unsafe.Sizeof says on amd64) ---- */

static int64_t types_go_align(const gtype *t)
{
    switch (t->underlying ? t->underlying->kind : t->kind) {
    case GK_BOOL:
    case GK_INT8:
    case GK_UINT8:
        return 1;
    case GK_INT16:
    case GK_UINT16:
        return 2;
    case GK_INT32:
    case GK_UINT32:
    case GK_FLOAT32:
        return 4;
    case GK_ARRAY:
        return types_go_align(t->elem);
    case GK_STRUCT: {
        int64_t a = 1;
        for (int i = 0; i < t->nfields; i++) {
            int64_t fa = types_go_align(t->fields[i].type);
            if (fa > a)
                a = fa;
        }
        return a;
    }
    default:
        return 8;
    }
}

int64_t types_go_size(const gtype *t)
{
    switch (t->underlying ? t->underlying->kind : t->kind) {
    case GK_BOOL:
    case GK_INT8:
    case GK_UINT8:
        return 1;
    case GK_INT16:
    case GK_UINT16:
        return 2;
    case GK_INT32:
    case GK_UINT32:
    case GK_FLOAT32:
        return 4;
    case GK_STRING:
    case GK_INTERFACE:
    case GK_COMPLEX128:
        return 16;
    case GK_SLICE:
        return 24;
    case GK_ARRAY:
        return t->len * types_go_size(t->elem);
    case GK_STRUCT: {
        int64_t off = 0;
        for (int i = 0; i < t->nfields; i++) {
            int64_t a = types_go_align(t->fields[i].type);
            off = (off + a - 1) / a * a;
            off += types_go_size(t->fields[i].type);
        }
        int64_t a = types_go_align(t);
        /* a final zero-size field gets a byte, as gc pads it */
        if (t->nfields && types_go_size(t->fields[t->nfields - 1].type) == 0 && off)
            off++;
        return (off + a - 1) / a * a;
    }
    default:
        return 8;
    }
}
