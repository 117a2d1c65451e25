/* lib_natives.c - which C function runs which library member. */
#include "lib_natives.h"

#include <string.h>

static const struct {
    const char *path;
    const golib_native *natives;
} tables[] = {
    {"fmt", lib_fmt_natives},         {"errors", lib_errors_natives},
    {"sync", lib_sync_natives},       {"sync/atomic", lib_atomic_natives},
    {"time", lib_time_natives},       {"os", lib_os_natives},
    {"context", lib_context_natives}, {"golang.org/x/sync/errgroup", lib_errgroup_natives},
    {"math", lib_math_natives},       {"strings", lib_strings_natives},
    {"unicode", lib_unicode_natives}, {"unicode/utf8", lib_utf8_natives},
    {"strconv", lib_strconv_natives}, {"sort", lib_sort_natives},
    {"math/rand", lib_rand_natives},  {"runtime", lib_runtime_natives},
    {"log", lib_log_natives},
};

gnative_fn lib_native(const char *pkg_path, const char *member)
{
    for (size_t i = 0; i < sizeof tables / sizeof tables[0]; i++) {
        if (strcmp(tables[i].path, pkg_path) != 0)
            continue;
        for (const golib_native *n = tables[i].natives; n->name; n++)
            if (strcmp(n->name, member) == 0)
                return n->fn;
    }
    return NULL;
}

gslice *lib_slice_make(gor *g, int64_t len, int64_t cap)
{
    gslice *s = gor_alloc_bytes(g, sizeof *s);
    s->base = gor_alloc(g, cap > 0 ? cap : 1);
    s->len = len;
    s->cap = cap;
    return s;
}

uint64_t lib_substr(gor *g, const gstr *s, int64_t off, int64_t n)
{
    if (n <= 0)
        return 0;
    if (off == 0 && n == gstr_len(s))
        return (uint64_t)(uintptr_t)s;
    gstr *r = gor_alloc_bytes(g, sizeof *r);
    r->p = s->p + off;
    r->len = n;
    return (uint64_t)(uintptr_t)r;
}

gtype *lib_type(gvm *vm, const char *pkg, const char *name)
{
    gtypes *ts = &vm->prog->types;
    for (int i = 0; i < ts->n; i++)
        if (ts->all[i]->pkg && ts->all[i]->short_name && !strcmp(ts->all[i]->pkg, pkg) &&
            !strcmp(ts->all[i]->short_name, name))
            return ts->all[i];
    return NULL;
}
