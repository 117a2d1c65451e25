/* lib_fmt.c - package fmt: Print*, Sprint*, Fprint*, Errorf. */
#include "lib_natives.h"

#include <string.h>

#include "fmt.h"
#include "gbuf.h"

/* The operands of a ...any parameter: the slice's interface boxes. */
int lib_operands(const gcell *slot, giface ***out, giface **small, int nsmall)
{
    const gslice *s = (const gslice *)(uintptr_t)cell_get(slot);
    int n = s ? (int)s->len : 0;
    giface **v = n <= nsmall ? small : malloc((size_t)n * sizeof *v);
    for (int i = 0; i < n && v; i++)
        v[i] = (giface *)(uintptr_t)cell_get(&s->base[i]);
    *out = v;
    return v ? n : 0;
}

static void lib_done(giface **v, giface **small, gbuf *b)
{
    if (v != small)
        free(v);
    gbuf_free(b);
}

static void lib_out(gor *g, int fd, gbuf *b, gcell *res)
{
    gor_write(g, fd, b->p ? b->p : "", b->len);
    cell_set(&res[0], b->len);
    cell_set(&res[1], 0);
}

/* The fd behind an io.Writer that is an *os.File. */
int lib_writer_fd(gor *g, uint64_t w)
{
    const giface *b = (const giface *)(uintptr_t)w;
    if (!b)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    if (b->t->kind == GK_POINTER && b->t->elem->name && strcmp(b->t->elem->name, "os.File") == 0) {
        const gcell *file = (const gcell *)(uintptr_t)cell_get(&b->v[0]);
        if (!file)
            gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
        return (int)cell_get(&file[0]);
    }
    return -1;
}

/* Writes b to w: the fd for an *os.File, else w's Write method with the
 * bytes as a []byte (a *strings.Builder, the program's own writer). */
void lib_out_writer(gor *g, uint64_t w, int fd, gbuf *b, gcell *res)
{
    if (fd >= 0) {
        lib_out(g, fd, b, res);
        return;
    }
    gslice *p = lib_slice_make(g, (int64_t)b->len, (int64_t)b->len);
    for (size_t i = 0; i < b->len; i++)
        cell_set(&p->base[i], (unsigned char)b->p[i]);
    gcell a[1];
    cell_set(&a[0], (uint64_t)(uintptr_t)p);
    if (!eval_call_method(g, (const giface *)(uintptr_t)w, "Write", a, 1, res))
        lib_unsupported(g, "fmt.Fprint to a writer without a Write method");
}

static void lib_print_any(gor *g, gcell *args, gcell *res, int fd, int line)
{
    giface *small[16], **v;
    int n = lib_operands(&args[0], &v, small, 16);
    gbuf b = GBUF_INIT;
    if (line)
        fmt_sprintln(g, &b, v, n);
    else
        fmt_sprint(g, &b, v, n);
    lib_out(g, fd, &b, res);
    lib_done(v, small, &b);
}

static void fmt_println_native(gor *g, gcell *args, gcell *res)
{
    lib_print_any(g, args, res, 1, 1);
}

static void fmt_print_native(gor *g, gcell *args, gcell *res)
{
    lib_print_any(g, args, res, 1, 0);
}

static void lib_printf(gor *g, const gcell *fmtw, const gcell *argsw, gbuf *b, fmt_wrap *wrap)
{
    const gstr *f = word_str(cell_get(fmtw));
    giface *small[16], **v;
    int n = lib_operands(argsw, &v, small, 16);
    fmt_sprintf(g, b, gstr_ptr(f), (size_t)gstr_len(f), v, n, wrap);
    if (v != small)
        free(v);
}

static void fmt_printf_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    lib_printf(g, &args[0], &args[1], &b, NULL);
    lib_out(g, 1, &b, res);
    gbuf_free(&b);
}

static uint64_t lib_gostr(gor *g, gbuf *b)
{
    uint64_t w = (uint64_t)(uintptr_t)gor_str(g, b->p, (int64_t)b->len);
    gbuf_free(b);
    return w;
}

static void fmt_sprintf_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    lib_printf(g, &args[0], &args[1], &b, NULL);
    cell_set(&res[0], lib_gostr(g, &b));
}

static void fmt_sprint_native(gor *g, gcell *args, gcell *res)
{
    giface *small[16], **v;
    int n = lib_operands(&args[0], &v, small, 16);
    gbuf b = GBUF_INIT;
    fmt_sprint(g, &b, v, n);
    if (v != small)
        free(v);
    cell_set(&res[0], lib_gostr(g, &b));
}

static void fmt_sprintln_native(gor *g, gcell *args, gcell *res)
{
    giface *small[16], **v;
    int n = lib_operands(&args[0], &v, small, 16);
    gbuf b = GBUF_INIT;
    fmt_sprintln(g, &b, v, n);
    if (v != small)
        free(v);
    cell_set(&res[0], lib_gostr(g, &b));
}

static void lib_fprint_any(gor *g, gcell *args, gcell *res, int line)
{
    int fd = lib_writer_fd(g, cell_get(&args[0]));
    giface *small[16], **v;
    int n = lib_operands(&args[1], &v, small, 16);
    gbuf b = GBUF_INIT;
    if (line)
        fmt_sprintln(g, &b, v, n);
    else
        fmt_sprint(g, &b, v, n);
    lib_out_writer(g, cell_get(&args[0]), fd, &b, res);
    lib_done(v, small, &b);
}

static void fmt_fprintln_native(gor *g, gcell *args, gcell *res)
{
    lib_fprint_any(g, args, res, 1);
}

static void fmt_fprint_native(gor *g, gcell *args, gcell *res)
{
    lib_fprint_any(g, args, res, 0);
}

static void fmt_fprintf_native(gor *g, gcell *args, gcell *res)
{
    int fd = lib_writer_fd(g, cell_get(&args[0]));
    gbuf b = GBUF_INIT;
    lib_printf(g, &args[1], &args[2], &b, NULL);
    lib_out_writer(g, cell_get(&args[0]), fd, &b, res);
    gbuf_free(&b);
}

/* Errorf: an *fmt.wrapError when %w named an operand, else an
 * *errors.errorString, as Go 1.19 does. */
static void fmt_errorf_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    fmt_wrap wrap = {.enabled = 1, .index = -1};
    lib_printf(g, &args[0], &args[1], &b, &wrap);
    uint64_t msg = lib_gostr(g, &b);
    giface *wrapped = NULL;
    if (wrap.index >= 0) {
        const gslice *s = (const gslice *)(uintptr_t)cell_get(&args[1]);
        wrapped = (giface *)(uintptr_t)cell_get(&s->base[wrap.index]);
    }
    cell_set(&res[0], (uint64_t)(uintptr_t)lib_error_value(g, msg, wrapped, wrap.index >= 0));
}

const golib_native lib_fmt_natives[] = {
    {"Println", fmt_println_native},
    {"Print", fmt_print_native},
    {"Printf", fmt_printf_native},
    {"Sprintf", fmt_sprintf_native},
    {"Sprint", fmt_sprint_native},
    {"Sprintln", fmt_sprintln_native},
    {"Errorf", fmt_errorf_native},
    {"Fprintf", fmt_fprintf_native},
    {"Fprintln", fmt_fprintln_native},
    {"Fprint", fmt_fprint_native},
    {NULL, NULL},
};
