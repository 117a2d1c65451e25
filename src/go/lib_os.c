/* lib_os.c - package os: Exit, Stdout, Stderr, Args, Getenv. */
#include "lib_natives.h"

#include <stdlib.h>
#include <string.h>

static void exit_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t code = (int64_t)cell_get(&args[0]);
    gort_exit(g, (int)(code & 0xff)); /* the shell sees the low 8 bits, as with Go */
}

/* *os.File: {fd int} */
static void file_var(gor *g, gcell *res, int fd)
{
    gcell *f = gor_alloc(g, 1);
    cell_set(&f[0], (uint64_t)fd);
    cell_set(&res[0], (uint64_t)(uintptr_t)f);
}

static void stdout_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    file_var(g, res, 1);
}

static void stderr_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    file_var(g, res, 2);
}

static void args_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    /* os.Args[0] is the program's name; poolscope passes no arguments on */
    gcell *base = gor_alloc(g, 1);
    const char *name = g->vm->prog->filename ? g->vm->prog->filename : "main";
    cell_set(&base[0], (uint64_t)(uintptr_t)gor_str(g, name, (int64_t)strlen(name)));
    gslice *s = gor_alloc_bytes(g, sizeof *s);
    s->base = base;
    s->len = s->cap = 1;
    cell_set(&res[0], (uint64_t)(uintptr_t)s);
}

static int file_fd(gor *g, gcell *args)
{
    const gcell *f = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!f)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return (int)cell_get(&f[0]);
}

static void file_write_native(gor *g, gcell *args, gcell *res)
{
    int fd = file_fd(g, args);
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&args[1]);
    int64_t n = s ? s->len : 0;
    char *buf = malloc((size_t)n + 1);
    if (!buf)
        gor_fatal(g, "out of memory");
    for (int64_t i = 0; i < n; i++)
        buf[i] = (char)cell_get(&s->base[i]);
    gor_write(g, fd, buf, (size_t)n);
    free(buf);
    cell_set(&res[0], (uint64_t)n);
    cell_set(&res[1], 0);
}

static void file_write_string_native(gor *g, gcell *args, gcell *res)
{
    int fd = file_fd(g, args);
    const gstr *s = word_str(cell_get(&args[1]));
    gor_write(g, fd, gstr_ptr(s), (size_t)gstr_len(s));
    cell_set(&res[0], (uint64_t)gstr_len(s));
    cell_set(&res[1], 0);
}

static void getenv_native(gor *g, gcell *args, gcell *res)
{
    const gstr *k = word_str(cell_get(&args[0]));
    char key[256];
    int64_t n = gstr_len(k) < 255 ? gstr_len(k) : 255;
    memcpy(key, gstr_ptr(k), (size_t)n);
    key[n] = 0;
    const char *v = getenv(key);
    cell_set(&res[0], v ? (uint64_t)(uintptr_t)gor_str(g, v, (int64_t)strlen(v)) : 0);
}

const golib_native lib_os_natives[] = {
    {"Exit", exit_native},
    {"Stdout", stdout_init},
    {"Stderr", stderr_init},
    {"Args", args_init},
    {"Getenv", getenv_native},
    {"*File.Write", file_write_native},
    {"*File.WriteString", file_write_string_native},
    {NULL, NULL},
};
