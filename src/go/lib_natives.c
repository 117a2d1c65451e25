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
    {"math", lib_math_natives},
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
