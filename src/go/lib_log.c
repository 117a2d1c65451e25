/* lib_log.c - package log: the standard logger and a program's Loggers.
 *
 * A *log.Logger is three cells: out (an io.Writer), prefix, flag.  Each
 * message is one write, header and text together, as Go's Logger writes
 * it under its mutex, so concurrent lines never interleave.  The header's
 * date and time are the wall clock's (Go's log calls time.Now; poolscope's
 * time.Now is the lecture's virtual clock), local unless LUTC. */
#include "lib_natives.h"

#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

#include "fmt.h"
#include "gbuf.h"

enum {
    LOG_DATE = 1,
    LOG_TIME = 2,
    LOG_MICRO = 4,
    LOG_LONGFILE = 8,
    LOG_SHORTFILE = 16,
    LOG_UTC = 32,
    LOG_MSGPREFIX = 64,
};
enum { L_OUT, L_PREFIX, L_FLAG, L_CELLS };

/* The standard logger: stderr, no prefix, LstdFlags. */
static gcell *log_std(gor *g)
{
    uintptr_t p = atomic_load_explicit(&g->vm->log_std, memory_order_acquire);
    if (p)
        return (gcell *)p;
    gcell *l = gor_alloc(g, L_CELLS); /* out 0: stderr (the program may not import os) */
    cell_set(&l[L_FLAG], LOG_DATE | LOG_TIME);
    /* acq_rel: the winner's cells are set before others can see it (release),
     * and a loser reads the winner's (acquire) */
    uintptr_t none = 0;
    if (!atomic_compare_exchange_strong_explicit(&g->vm->log_std, &none, (uintptr_t)l,
                                                 memory_order_acq_rel, memory_order_acquire))
        return (gcell *)none;
    return l;
}

static gcell *logger_of(gor *g, const gcell *arg)
{
    gcell *l = (gcell *)(uintptr_t)cell_get(arg);
    if (!l)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return l;
}

static void put_gostr(gbuf *b, uint64_t w)
{
    const gstr *s = word_str(w);
    gbuf_put(b, gstr_ptr(s), (size_t)gstr_len(s));
}

/* Go's Logger.formatHeader. */
static void log_header(gor *g, const gcell *l, gbuf *b)
{
    int64_t flag = (int64_t)cell_get(&l[L_FLAG]);
    if (!(flag & LOG_MSGPREFIX))
        put_gostr(b, cell_get(&l[L_PREFIX]));
    if (flag & (LOG_DATE | LOG_TIME | LOG_MICRO)) {
        struct timeval tv;
        gettimeofday(&tv, NULL);
        struct tm tm;
        time_t sec = tv.tv_sec;
        if (flag & LOG_UTC)
            gmtime_r(&sec, &tm);
        else
            localtime_r(&sec, &tm);
        char t[64];
        if (flag & LOG_DATE) {
            snprintf(t, sizeof t, "%04d/%02d/%02d ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
            gbuf_puts(b, t);
        }
        if (flag & (LOG_TIME | LOG_MICRO)) {
            snprintf(t, sizeof t, "%02d:%02d:%02d", tm.tm_hour, tm.tm_min, tm.tm_sec);
            gbuf_puts(b, t);
            if (flag & LOG_MICRO) {
                snprintf(t, sizeof t, ".%06ld", (long)tv.tv_usec);
                gbuf_puts(b, t);
            }
            gbuf_putc(b, ' ');
        }
    }
    if (flag & (LOG_SHORTFILE | LOG_LONGFILE)) {
        char path[4096], t[32];
        const char *file = vm_source_path(g->vm, path);
        if (flag & LOG_SHORTFILE) {
            const char *slash = strrchr(file, '/');
            file = slash ? slash + 1 : file;
        }
        gbuf_puts(b, file);
        snprintf(t, sizeof t, ":%u: ", (unsigned)*g->line);
        gbuf_puts(b, t);
    }
    if (flag & LOG_MSGPREFIX)
        put_gostr(b, cell_get(&l[L_PREFIX]));
}

/* The message of a ...any (how: 0 Print, 1 Println) or of format, ...any. */
static void log_text(gor *g, const gcell *args, int how, gbuf *b)
{
    int fmt = how == 2;
    giface *small[16], **v;
    int n = lib_operands(&args[fmt], &v, small, 16);
    if (fmt) {
        const gstr *f = word_str(cell_get(&args[0]));
        fmt_sprintf(g, b, gstr_ptr(f), (size_t)gstr_len(f), v, n, NULL);
    } else if (how == 1) {
        fmt_sprintln(g, b, v, n);
    } else {
        fmt_sprint(g, b, v, n);
    }
    if (v != small)
        free(v);
}

/* Writes one message to l; what: 0 print, 1 fatal (exit 1), 2 panic. */
static void log_output(gor *g, const gcell *l, const gcell *args, int how, int what)
{
    gbuf msg = GBUF_INIT, line = GBUF_INIT;
    log_text(g, args, how, &msg);
    log_header(g, l, &line);
    gbuf_put(&line, msg.p ? msg.p : "", msg.len);
    if (!msg.len || msg.p[msg.len - 1] != '\n')
        gbuf_putc(&line, '\n');
    uint64_t w = cell_get(&l[L_OUT]);
    gcell res[2];
    if (w)
        lib_out_writer(g, w, lib_writer_fd(g, w), &line, res);
    else /* the standard logger's: os.Stderr */
        gor_write(g, 2, line.p ? line.p : "", line.len);
    gbuf_free(&line);
    if (what == 1) {
        gbuf_free(&msg);
        gort_exit(g, 1);
    }
    if (what == 2) {
        /* panic(s): s is the message as Sprint made it (no newline added) */
        gstr *s = gor_str(g, msg.p ? msg.p : "", (int64_t)msg.len);
        gbuf_free(&msg);
        gor_panic_value(g,
                        gor_box1(g, g->vm->prog->types.basic[GK_STRING], (uint64_t)(uintptr_t)s));
    }
    gbuf_free(&msg);
}

#define LOG_STD(name, how, what)                                                                   \
    static void name(gor *g, gcell *args, gcell *res)                                              \
    {                                                                                              \
        (void)res;                                                                                 \
        log_output(g, log_std(g), args, how, what);                                                \
    }
#define LOG_OWN(name, how, what)                                                                   \
    static void name(gor *g, gcell *args, gcell *res)                                              \
    {                                                                                              \
        (void)res;                                                                                 \
        log_output(g, logger_of(g, &args[0]), &args[1], how, what);                                \
    }
LOG_STD(print_native, 0, 0)
LOG_STD(println_native, 1, 0)
LOG_STD(printf_native, 2, 0)
LOG_STD(fatal_native, 0, 1)
LOG_STD(fatalln_native, 1, 1)
LOG_STD(fatalf_native, 2, 1)
LOG_STD(panic_native, 0, 2)
LOG_STD(panicln_native, 1, 2)
LOG_STD(panicf_native, 2, 2)
LOG_OWN(l_print_native, 0, 0)
LOG_OWN(l_println_native, 1, 0)
LOG_OWN(l_printf_native, 2, 0)
LOG_OWN(l_fatal_native, 0, 1)
LOG_OWN(l_fatalln_native, 1, 1)
LOG_OWN(l_fatalf_native, 2, 1)
LOG_OWN(l_panic_native, 0, 2)
LOG_OWN(l_panicln_native, 1, 2)
LOG_OWN(l_panicf_native, 2, 2)

static void set_flags_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cell_set(&log_std(g)[L_FLAG], cell_get(&args[0]));
}

static void set_prefix_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cell_set(&log_std(g)[L_PREFIX], cell_get(&args[0]));
}

static void flags_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0], cell_get(&log_std(g)[L_FLAG]));
}

static void prefix_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0], cell_get(&log_std(g)[L_PREFIX]));
}

static void l_set_flags_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cell_set(&logger_of(g, &args[0])[L_FLAG], cell_get(&args[1]));
}

static void l_set_prefix_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cell_set(&logger_of(g, &args[0])[L_PREFIX], cell_get(&args[1]));
}

static void l_flags_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], cell_get(&logger_of(g, &args[0])[L_FLAG]));
}

static void l_prefix_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], cell_get(&logger_of(g, &args[0])[L_PREFIX]));
}

static void new_native(gor *g, gcell *args, gcell *res)
{
    gcell *l = gor_alloc(g, L_CELLS);
    cell_set(&l[L_OUT], cell_get(&args[0]));
    cell_set(&l[L_PREFIX], cell_get(&args[1]));
    cell_set(&l[L_FLAG], cell_get(&args[2]));
    cell_set(&res[0], (uint64_t)(uintptr_t)l);
}

static void default_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0], (uint64_t)(uintptr_t)log_std(g));
}

const golib_native lib_log_natives[] = {
    {"Print", print_native},
    {"Println", println_native},
    {"Printf", printf_native},
    {"Fatal", fatal_native},
    {"Fatalln", fatalln_native},
    {"Fatalf", fatalf_native},
    {"Panic", panic_native},
    {"Panicln", panicln_native},
    {"Panicf", panicf_native},
    {"SetFlags", set_flags_native},
    {"SetPrefix", set_prefix_native},
    {"Flags", flags_native},
    {"Prefix", prefix_native},
    {"New", new_native},
    {"Default", default_native},
    {"*Logger.Print", l_print_native},
    {"*Logger.Println", l_println_native},
    {"*Logger.Printf", l_printf_native},
    {"*Logger.Fatal", l_fatal_native},
    {"*Logger.Fatalln", l_fatalln_native},
    {"*Logger.Fatalf", l_fatalf_native},
    {"*Logger.Panic", l_panic_native},
    {"*Logger.Panicln", l_panicln_native},
    {"*Logger.Panicf", l_panicf_native},
    {"*Logger.SetFlags", l_set_flags_native},
    {"*Logger.SetPrefix", l_set_prefix_native},
    {"*Logger.Flags", l_flags_native},
    {"*Logger.Prefix", l_prefix_native},
    {NULL, NULL},
};
