/* lib_errors.c - package errors (New, Is, As, Unwrap) and the error types
 * the library makes (errors.New's, fmt.Errorf's). */
#include "lib_natives.h"

#include <stdio.h>
#include <string.h>

giface *lib_error_value(gor *g, uint64_t msg, giface *wrapped, int wrap)
{
    gvm *vm = g->vm;
    const gtype *t = wrap ? vm->t_wrap_error : vm->t_error_string;
    gcell *obj = gor_alloc(g, t->elem->size);
    cell_set(&obj[0], msg);
    if (wrap)
        cell_set(&obj[1], (uint64_t)(uintptr_t)wrapped);
    return gor_box1(g, t, (uint64_t)(uintptr_t)obj);
}

_Noreturn void lib_unsupported(gor *g, const char *what)
{
    char buf[256];
    int n = snprintf(buf, sizeof buf, "poolscope does not support %s\n", what);
    gor_write(g, 2, buf, (size_t)n);
    gort_exit(g, 2);
}

static void errors_new_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)(uintptr_t)lib_error_value(g, cell_get(&args[0]), NULL, 0));
}

/* The error err wraps (its Unwrap() error), or NULL. */
static giface *errors_unwrap1(gor *g, const giface *err)
{
    gcell res[1];
    if (!err || !eval_call_method0(g, err, "Unwrap", res))
        return NULL;
    return (giface *)(uintptr_t)cell_get(&res[0]);
}

static void errors_unwrap_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0],
             (uint64_t)(uintptr_t)errors_unwrap1(g, (giface *)(uintptr_t)cell_get(&args[0])));
}

static void errors_is_native(gor *g, gcell *args, gcell *res)
{
    const gtype *et = g->vm->prog->types.error_t;
    giface *err = (giface *)(uintptr_t)cell_get(&args[0]);
    gcell target[1];
    cell_set(&target[0], cell_get(&args[1]));
    int found = 0;
    for (int depth = 0; depth < 1000; depth++) {
        gcell e[1];
        cell_set(&e[0], (uint64_t)(uintptr_t)err);
        if (err == NULL ? cell_get(&target[0]) == 0
                        : (err->t->comparable && gvalue_equal(g, et, e, target))) {
            found = 1;
            break;
        }
        if (!err)
            break;
        err = errors_unwrap1(g, err);
        if (!err)
            break;
    }
    cell_set(&res[0], (uint64_t)found);
}

static void errors_as_native(gor *g, gcell *args, gcell *res)
{
    giface *err = (giface *)(uintptr_t)cell_get(&args[0]);
    const giface *target = (const giface *)(uintptr_t)cell_get(&args[1]);
    if (!target || target->t->kind != GK_POINTER)
        gor_panic_string(g, "errors: target must be a non-nil pointer");
    gcell *dst = (gcell *)(uintptr_t)cell_get(&target->v[0]);
    if (!dst)
        gor_panic_string(g, "errors: target must be a non-nil pointer");
    const gtype *want = target->t->elem;
    int found = 0;
    for (int depth = 0; err && depth < 1000; depth++) {
        const char *missing;
        int ptr_only;
        if (want->kind == GK_INTERFACE ? types_implements(err->t, want, &missing, &ptr_only)
                                       : err->t == want) {
            if (want->kind == GK_INTERFACE)
                cell_set(dst, (uint64_t)(uintptr_t)err);
            else
                cells_copy(dst, err->v, want->size);
            found = 1;
            break;
        }
        err = errors_unwrap1(g, err);
    }
    cell_set(&res[0], (uint64_t)found);
}

const golib_native lib_errors_natives[] = {
    {"New", errors_new_native},
    {"Is", errors_is_native},
    {"As", errors_as_native},
    {"Unwrap", errors_unwrap_native},
    {NULL, NULL},
};
