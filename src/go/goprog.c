#include "goprog.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "lib_natives.h"

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
    goprog *g = calloc(1, sizeof *g);
    if (!g) {
        snprintf(err, len, "poolscope: out of memory");
        return NULL;
    }
    if (!(g->src = goprog_read(path, &g->len, err, len))) {
        free(g);
        return NULL;
    }
    g->prog.native_of = lib_native;
    for (int i = 0; i < nsets; i++)
        check_add_set(&g->prog, names[i], values[i]);
    go_diag d;
    if (check_program(&g->prog, path, g->src, g->len, &d) != 0) {
        snprintf(err, len, "%s:%d:%d: %s", path, d.pos.line, d.pos.col, d.msg);
        goprog_free(g);
        return NULL;
    }
    return g;
}

void goprog_free(goprog *g)
{
    if (!g)
        return;
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
