#include "goprog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "bus/event.h"
#include "lib_natives.h"
#include "xop.h"

static int goprog_labels(goprog *g);
static void names_walk(goprog *g, const gnode *n);
static void name_add(goprog *g, go_pos at, int cls, const char *name);

/* The source, or NULL with the message in err. */
static char *goprog_read(const char *path, size_t *len, char *err, size_t elen)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        snprintf(err, elen, "poolscope: %s: %s", path, strerror(errno));
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        snprintf(err, elen, "poolscope: %s: not a regular file", path);
        return NULL;
    }
    if ((unsigned long long)st.st_size > CHECK_MAX_SOURCE) {
        snprintf(err, elen, "poolscope: %s: %lld bytes, over the limit of %u MiB for a Go source",
                 path, (long long)st.st_size, CHECK_MAX_SOURCE >> 20);
        return NULL;
    }
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(err, elen, "poolscope: %s: %s", path, strerror(errno));
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    size_t n = buf ? fread(buf, 1, (size_t)st.st_size + 1, f) : 0;
    fclose(f);
    if (!buf || n > (size_t)st.st_size) {
        snprintf(err, elen, "poolscope: %s: %s", path,
                 buf ? "changed while read" : "out of memory");
        free(buf);
        return NULL;
    }
    buf[n] = 0;
    *len = n;
    return buf;
}

goprog *goprog_load(const char *path, int nsets, const char *const names[],
                    const char *const values[], char *err, size_t len)
{
    size_t n = 0;
    char *src = goprog_read(path, &n, err, len);
    return src ? goprog_load_text(path, src, n, nsets, names, values, err, len) : NULL;
}

/* The --set overrides, copied: a replay's come from its file's buffer. */
static int goprog_sets(goprog *g, int nsets, const char *const names[], const char *const values[])
{
    if (nsets > GOPROG_MAX_SETS)
        nsets = GOPROG_MAX_SETS;
    for (int i = 0; i < nsets; i++) {
        if (!(g->set_names[i] = strdup(names[i])) || !(g->set_values[i] = strdup(values[i])))
            return -1;
        g->nsets = i + 1;
        check_add_set(&g->prog, g->set_names[i], g->set_values[i]);
    }
    return 0;
}

goprog *goprog_load_text(const char *path, char *src, size_t n, int nsets,
                         const char *const names[], const char *const values[], char *err,
                         size_t len)
{
    goprog *g = calloc(1, sizeof *g);
    if (!g || !(g->path = strdup(path))) {
        snprintf(err, len, "poolscope: out of memory");
        free(src);
        free(g);
        return NULL;
    }
    g->src = src;
    g->len = n;
    g->prog.native_of = lib_native;
    if (goprog_sets(g, nsets, names, values) != 0) {
        snprintf(err, len, "poolscope: out of memory");
        goprog_free(g);
        return NULL;
    }
    go_diag d;
    if (check_program(&g->prog, path, g->src, g->len, &d) != 0) {
        snprintf(err, len, "%s:%d:%d: %s", path, d.pos.line, d.pos.col, d.msg);
        goprog_free(g);
        return NULL;
    }
    names_walk(g, g->prog.file);
    for (int i = 0; i < g->prog.ngo_vars; i++) /* shared variables: by declaration */
        if (g->prog.go_vars[i]->shared)
            name_add(g, g->prog.go_vars[i]->pos, GOPROG_NAME_VAR, g->prog.go_vars[i]->name);
    if (goprog_labels(g) != 0) {
        snprintf(err, len, "poolscope: out of memory");
        goprog_free(g);
        return NULL;
    }
    return g;
}

/* The names of the program's functions as tracebacks print them, less the
 * package: "main.worker" is "worker", "main.main.func1" "main.func1". */
static int goprog_labels(goprog *g)
{
    int n = g->prog.nfuncs;
    g->labels = calloc((size_t)(n > 0 ? n : 1), sizeof *g->labels);
    g->label_int = calloc((size_t)(n > 0 ? n : 1), 1);
    if (!g->labels || !g->label_int)
        return -1;
    g->nlabels = n;
    for (gfunc *fn = g->prog.funcs; fn; fn = fn->next_all) {
        if (fn->index < 0 || fn->index >= n || !fn->name)
            continue;
        const char *name = strncmp(fn->name, "main.", 5) == 0 ? fn->name + 5 : fn->name;
        if (!(g->labels[fn->index] = strdup(name)))
            return -1;
        g->label_int[fn->index] = fn->sig && fn->sig->nparams > 0 && !fn->is_method &&
                                  types_is_integer(fn->sig->params[0]);
    }
    return 0;
}

static int is_make_chan(const gnode *n)
{
    return n && n->kind == N_CALL && n->xop == X_CALL_BUILTIN && n->x == B_MAKE && n->type &&
           n->type->underlying && n->type->underlying->kind == GK_CHAN;
}

/* "jobs", "c.results": an assignment's left side as written, or NULL. */
static const char *lhs_name(go_arena *a, const gnode *l)
{
    if (l->kind == N_IDENT)
        return l->text;
    if (l->kind == N_SELECTOR && l->a && l->a->kind == N_IDENT) {
        size_t na = strlen(l->a->text), nb = strlen(l->text);
        char buf[256];
        if (na + 1 + nb >= sizeof buf)
            return l->text;
        memcpy(buf, l->a->text, na);
        buf[na] = '.';
        memcpy(buf + na + 1, l->text, nb);
        return arena_strndup(a, buf, na + 1 + nb);
    }
    return l->kind == N_SELECTOR ? l->text : NULL;
}

static void name_add(goprog *g, go_pos at, int cls, const char *name)
{
    if (!name || g->nnames >= (int)(sizeof g->names / sizeof g->names[0]))
        return;
    g->names[g->nnames].line = at.line;
    g->names[g->nnames].col = cls == GOPROG_NAME_VAR ? at.col : 0;
    g->names[g->nnames].cls = cls;
    g->names[g->nnames].ints = 0;
    g->names[g->nnames++].name = name;
}

/* atomic.AddInt64(&ops, 1) and ops.Add(1) on an atomic.Int64: the
 * variable, as written ("ops", "c.hits"). */
static const char *atomic_target(go_arena *a, const gnode *n)
{
    if (n->kind != N_CALL || !n->a || n->a->kind != N_SELECTOR || !n->a->a)
        return NULL;
    const gnode *x = n->a->a;
    if (x->kind == N_IDENT && x->sym && x->sym->kind == SY_PKG && x->sym->pkg &&
        strcmp(x->sym->pkg->path, "sync/atomic") == 0) {
        const gnode *p = n->nlist > 0 ? n->list[0] : NULL;
        while (p && p->kind == N_PAREN)
            p = p->a;
        return p && p->kind == N_UNARY && p->op == T_AND && p->a ? lhs_name(a, p->a) : NULL;
    }
    const gtype *t = x->type;
    if (t && t->kind == GK_POINTER)
        t = t->elem;
    if (!t || !t->pkg || strcmp(t->pkg, "sync/atomic") != 0)
        return NULL;
    return lhs_name(a, x);
}

/* wg.Add(1), c.mu.Lock(): a method call on a sync.WaitGroup, Mutex or
 * RWMutex (or a pointer to one): its receiver, as written. */
static const char *sync_receiver(go_arena *a, const gnode *n)
{
    if (n->kind != N_CALL || !n->a || n->a->kind != N_SELECTOR || !n->a->a)
        return NULL;
    const gtype *t = n->a->a->type;
    if (t && t->kind == GK_POINTER)
        t = t->elem;
    int group = t && t->pkg && strcmp(t->pkg, "golang.org/x/sync/errgroup") == 0 && t->short_name &&
                strcmp(t->short_name, "Group") == 0;
    if (!group && (!t || !t->pkg || strcmp(t->pkg, "sync") != 0 || !t->short_name ||
                   (strcmp(t->short_name, "WaitGroup") && strcmp(t->short_name, "Mutex") &&
                    strcmp(t->short_name, "RWMutex"))))
        return NULL;
    return lhs_name(a, n->a->a);
}

/* A channel's name, and whether its elements are integers. */
static void name_chan(goprog *g, const gnode *make, const char *name)
{
    int before = g->nnames;
    name_add(g, make->pos, GOPROG_NAME_CHAN, name);
    const gtype *elem = make->type->underlying->elem;
    if (g->nnames > before)
        g->names[before].ints = elem && types_is_integer(elem);
}

/* Every make(chan ...) with a name: x := make, x = make, var x = make,
 * T{field: make(...)}. */
static void names_walk(goprog *g, const gnode *n)
{
    if (!n)
        return;
    if ((n->kind == N_ASSIGN || n->kind == N_VALUESPEC) && n->nlist == n->nlist2)
        for (int i = 0; i < n->nlist; i++)
            if (is_make_chan(n->list2[i]))
                name_chan(g, n->list2[i], lhs_name(&g->prog.arena, n->list[i]));
    /* g, ctx := errgroup.WithContext(ctx): the group is made on this line */
    if ((n->kind == N_ASSIGN || n->kind == N_VALUESPEC) && n->nlist >= 1 && n->nlist2 == 1 &&
        n->list2[0]->kind == N_CALL && n->list2[0]->a && n->list2[0]->a->kind == N_SELECTOR &&
        n->list2[0]->a->text && strcmp(n->list2[0]->a->text, "WithContext") == 0 &&
        n->list2[0]->type && n->list2[0]->type->kind == GK_TUPLE)
        name_add(g, n->list2[0]->pos, GOPROG_NAME_SYNC, lhs_name(&g->prog.arena, n->list[0]));
    if (n->kind == N_KEYVALUE && n->a && n->a->kind == N_IDENT && is_make_chan(n->b))
        name_chan(g, n->b, n->a->text);
    const char *recv = sync_receiver(&g->prog.arena, n);
    if (recv)
        name_add(g, n->pos, GOPROG_NAME_SYNC, recv);
    const char *at = atomic_target(&g->prog.arena, n);
    if (at)
        name_add(g, n->pos, GOPROG_NAME_ATOMIC, at);
    names_walk(g, n->a);
    names_walk(g, n->b);
    names_walk(g, n->c);
    names_walk(g, n->d);
    for (int i = 0; i < n->nlist; i++)
        names_walk(g, n->list[i]);
    for (int i = 0; i < n->nlist2; i++)
        names_walk(g, n->list2[i]);
}

const char *goprog_object_name(const goprog *g, int kind, uint32_t line, int64_t where)
{
    int cls = kind == PS_OBJ_CHAN     ? GOPROG_NAME_CHAN
              : kind == PS_OBJ_ATOMIC ? GOPROG_NAME_ATOMIC
              : kind == PS_OBJ_VAR    ? GOPROG_NAME_VAR
                                      : GOPROG_NAME_SYNC;
    for (int i = 0; g && i < g->nnames; i++)
        if ((uint32_t)g->names[i].line == line && g->names[i].cls == cls &&
            (cls != GOPROG_NAME_VAR || g->names[i].col == where))
            return g->names[i].name;
    return NULL;
}

int goprog_chan_ints(const goprog *g, uint32_t line)
{
    for (int i = 0; g && i < g->nnames; i++)
        if ((uint32_t)g->names[i].line == line && g->names[i].cls == GOPROG_NAME_CHAN)
            return g->names[i].ints;
    return 0;
}

void goprog_label(const goprog *g, uint32_t label, int64_t arg, char *buf, size_t len)
{
    buf[0] = 0;
    if (label == GOPROG_LABEL_TIMER) {
        snprintf(buf, len, "timer");
        return;
    }
    if (!g || label < 1 || (int)label > g->nlabels || !g->labels[label - 1])
        return;
    if (g->label_int[label - 1])
        snprintf(buf, len, "%s(%lld)", g->labels[label - 1], (long long)arg);
    else
        snprintf(buf, len, "%s", g->labels[label - 1]);
}

/* The value of directive "// poolscope: KEY VALUE" in the leading comment
 * (before package), into buf; NULL if there is none. */
static const char *goprog_directive(const goprog *g, const char *key, char *buf, size_t len)
{
    const char *p = g->src, *end = g->src + g->len;
    size_t kn = strlen(key);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        if (n >= 8 && !strncmp(p, "package ", 8))
            return NULL;
        const char *d = "// poolscope: ";
        size_t dn = strlen(d);
        if (n > dn + kn && !strncmp(p, d, dn) && !strncmp(p + dn, key, kn) && p[dn + kn] == ' ') {
            size_t vn = n - dn - kn - 1;
            while (vn && (p[dn + kn + 1 + vn - 1] == '\r' || p[dn + kn + 1 + vn - 1] == ' '))
                vn--;
            snprintf(buf, len, "%.*s", (int)vn, p + dn + kn + 1);
            return buf;
        }
        p += n + 1;
    }
    return NULL;
}

uint32_t goprog_job_line(const goprog *g)
{
    char v[96];
    const char *pre = "worker-pool ";
    if (!g || !goprog_directive(g, "diagram", v, sizeof v) || strncmp(v, pre, strlen(pre)) != 0)
        return 0;
    const char *name = v + strlen(pre);
    for (int i = 0; i < g->nnames; i++)
        if (g->names[i].cls == GOPROG_NAME_CHAN && !strcmp(g->names[i].name, name))
            return (uint32_t)g->names[i].line;
    return 0;
}

void goprog_free(goprog *g)
{
    if (!g)
        return;
    for (int i = 0; i < g->nlabels; i++)
        free(g->labels[i]);
    free(g->labels);
    free(g->label_int);
    for (int i = 0; i < g->nsets; i++)
        free(g->set_names[i]), free(g->set_values[i]);
    free(g->path);
    check_free(&g->prog);
    free(g->src);
    free(g);
}

int goprog_vm(goprog *g, gvm *vm, uint64_t seed, void (*write)(void *, int, const char *, size_t),
              void *ctx)
{
    memset(vm, 0, sizeof *vm);
    vm->prog = &g->prog;
    vm->write = write;
    vm->write_ctx = ctx;
    vm->seed = seed;
    return eval_prepare(vm);
}
