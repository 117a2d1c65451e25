/* lib_strconv.c - package strconv on numfmt (Go's exact formatting and
 * parsing).  A parse error is a *strconv.NumError whose Err is ErrSyntax or
 * ErrRange itself, so errors.Is finds them through Unwrap. */
#include "lib_natives.h"

#include <string.h>

#include "numfmt.h"

static const gstr *arg_gstr(const gcell *args, int i)
{
    return word_str(cell_get(&args[i]));
}

static uint64_t buf_word(gor *g, gbuf *b)
{
    if (b->failed)
        gor_fatal(g, "out of memory");
    uint64_t w = (uint64_t)(uintptr_t)gor_str(g, b->p, (int64_t)b->len);
    gbuf_free(b);
    return w;
}

static uint64_t cstr_word(gor *g, const char *s)
{
    return (uint64_t)(uintptr_t)gor_str(g, s, (int64_t)strlen(s));
}

static void err_syntax_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0],
             (uint64_t)(uintptr_t)lib_error_value(g, cstr_word(g, "invalid syntax"), NULL, 0));
    g->vm->strconv_err_syntax = res; /* before any goroutine runs */
}

static void err_range_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0],
             (uint64_t)(uintptr_t)lib_error_value(g, cstr_word(g, "value out of range"), NULL, 0));
    g->vm->strconv_err_range = res;
}

/* *strconv.NumError: made by the checker for NumError's methods. */
static const gtype *num_error_ptr(gor *g)
{
    gtype *t = lib_type(g->vm, "strconv", "NumError");
    gtypes *ts = &g->vm->prog->types;
    for (int i = 0; t && i < ts->n; i++)
        if (ts->all[i]->kind == GK_POINTER && ts->all[i]->elem == t)
            return ts->all[i];
    gor_fatal(g, "poolscope: internal error: no *strconv.NumError");
}

/* The error for e, or 0 (nil) for NUMFMT_OK. */
static uint64_t num_error(gor *g, const char *fn, const gstr *s, numfmt_err e, int arg)
{
    if (e == NUMFMT_OK)
        return 0;
    uint64_t err;
    if (e == NUMFMT_ESYNTAX) {
        err = cell_get(g->vm->strconv_err_syntax);
    } else if (e == NUMFMT_ERANGE) {
        err = cell_get(g->vm->strconv_err_range);
    } else {
        gbuf b = GBUF_INIT;
        gbuf_puts(&b, numfmt_err_reason(e));
        numfmt_append_int(&b, arg, 10);
        err = (uint64_t)(uintptr_t)lib_error_value(g, buf_word(g, &b), NULL, 0);
    }
    gcell *obj = gor_alloc(g, 3);
    cell_set(&obj[0], cstr_word(g, fn));
    cell_set(&obj[1], (uint64_t)(uintptr_t)gor_str(g, gstr_ptr(s), gstr_len(s)));
    cell_set(&obj[2], err);
    return (uint64_t)(uintptr_t)gor_box1(g, num_error_ptr(g), (uint64_t)(uintptr_t)obj);
}

static const gcell *num_error_of(gor *g, const gcell *args)
{
    const gcell *e = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!e)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return e;
}

/* Go's: "strconv." + Func + ": parsing " + Quote(Num) + ": " + Err.Error() */
static void num_error_error_native(gor *g, gcell *args, gcell *res)
{
    const gcell *e = num_error_of(g, args);
    const gstr *fn = word_str(cell_get(&e[0])), *num = word_str(cell_get(&e[1]));
    const giface *err = (const giface *)(uintptr_t)cell_get(&e[2]);
    gbuf b = GBUF_INIT;
    gbuf_puts(&b, "strconv.");
    gbuf_put(&b, gstr_ptr(fn), (size_t)gstr_len(fn));
    gbuf_puts(&b, ": parsing ");
    numfmt_append_quote(&b, gstr_ptr(num), (size_t)gstr_len(num));
    gbuf_puts(&b, ": ");
    gcell out[1];
    if (!eval_call_method0(g, err, "Error", out)) {
        gbuf_free(&b);
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    }
    const gstr *m = word_str(cell_get(&out[0]));
    gbuf_put(&b, gstr_ptr(m), (size_t)gstr_len(m));
    cell_set(&res[0], buf_word(g, &b));
}

static void num_error_unwrap_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], cell_get(&num_error_of(g, args)[2]));
}

/* ---- parsing ---- */

static void atoi_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 0);
    int64_t v = 0;
    numfmt_err e = numfmt_atoi(gstr_ptr(s), (size_t)gstr_len(s), &v);
    cell_set(&res[0], (uint64_t)v);
    cell_set(&res[1], num_error(g, "Atoi", s, e, 0));
}

static void parse_int_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 0);
    int base = (int)(int64_t)cell_get(&args[1]), bits = (int)(int64_t)cell_get(&args[2]);
    int64_t v = 0;
    numfmt_err e = numfmt_parse_int(gstr_ptr(s), (size_t)gstr_len(s), base, bits, &v);
    cell_set(&res[0], (uint64_t)v);
    cell_set(&res[1], num_error(g, "ParseInt", s, e, e == NUMFMT_EBASE ? base : bits));
}

static void parse_uint_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 0);
    int base = (int)(int64_t)cell_get(&args[1]), bits = (int)(int64_t)cell_get(&args[2]);
    uint64_t v = 0;
    numfmt_err e = numfmt_parse_uint(gstr_ptr(s), (size_t)gstr_len(s), base, bits, &v);
    cell_set(&res[0], v);
    cell_set(&res[1], num_error(g, "ParseUint", s, e, e == NUMFMT_EBASE ? base : bits));
}

static void parse_float_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 0);
    double v = 0;
    numfmt_err e =
        numfmt_parse_float(gstr_ptr(s), (size_t)gstr_len(s), (int)(int64_t)cell_get(&args[1]), &v);
    cell_set(&res[0], f64_cell(v));
    cell_set(&res[1], num_error(g, "ParseFloat", s, e, 0));
}

static void parse_bool_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 0);
    int v = 0;
    numfmt_err e = numfmt_parse_bool(gstr_ptr(s), (size_t)gstr_len(s), &v);
    cell_set(&res[0], (uint64_t)v);
    cell_set(&res[1], num_error(g, "ParseBool", s, e, 0));
}

/* ---- formatting ---- */

static void check_base(gor *g, int64_t base)
{
    if (base < 2 || base > 36)
        gor_panic_string(g, "strconv: illegal AppendInt/FormatInt base");
}

static void itoa_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    numfmt_append_int(&b, (int64_t)cell_get(&args[0]), 10);
    cell_set(&res[0], buf_word(g, &b));
}

static void format_int_native(gor *g, gcell *args, gcell *res)
{
    int64_t base = (int64_t)cell_get(&args[1]);
    check_base(g, base);
    gbuf b = GBUF_INIT;
    numfmt_append_int(&b, (int64_t)cell_get(&args[0]), (int)base);
    cell_set(&res[0], buf_word(g, &b));
}

static void format_uint_native(gor *g, gcell *args, gcell *res)
{
    int64_t base = (int64_t)cell_get(&args[1]);
    check_base(g, base);
    gbuf b = GBUF_INIT;
    numfmt_append_uint(&b, cell_get(&args[0]), (int)base);
    cell_set(&res[0], buf_word(g, &b));
}

static void put_float(gbuf *b, const gcell *args)
{
    numfmt_append_float(b, cell_f64(cell_get(&args[0])), (char)cell_get(&args[1]),
                        (int)(int64_t)cell_get(&args[2]), (int)(int64_t)cell_get(&args[3]));
}

static void format_float_native(gor *g, gcell *args, gcell *res)
{
    int64_t bits = (int64_t)cell_get(&args[3]);
    if (bits != 32 && bits != 64)
        gor_panic_string(g, "strconv: illegal AppendFloat/FormatFloat bitSize");
    gbuf b = GBUF_INIT;
    put_float(&b, args);
    cell_set(&res[0], buf_word(g, &b));
}

static void format_bool_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], cstr_word(g, cell_get(&args[0]) ? "true" : "false"));
}

typedef void (*quote_fn)(gbuf *, const char *, size_t);
typedef void (*quote_rune_fn)(gbuf *, int32_t);

static void quote_with(gor *g, gcell *args, gcell *res, quote_fn q)
{
    const gstr *s = arg_gstr(args, 0);
    gbuf b = GBUF_INIT;
    q(&b, gstr_ptr(s), (size_t)gstr_len(s));
    cell_set(&res[0], buf_word(g, &b));
}

static void quote_rune_with(gor *g, gcell *args, gcell *res, quote_rune_fn q)
{
    gbuf b = GBUF_INIT;
    q(&b, (int32_t)cell_get(&args[0]));
    cell_set(&res[0], buf_word(g, &b));
}

static void quote_native(gor *g, gcell *args, gcell *res)
{
    quote_with(g, args, res, numfmt_append_quote);
}

static void quote_ascii_native(gor *g, gcell *args, gcell *res)
{
    quote_with(g, args, res, numfmt_append_quote_ascii);
}

static void quote_graphic_native(gor *g, gcell *args, gcell *res)
{
    quote_with(g, args, res, numfmt_append_quote_graphic);
}

static void quote_rune_native(gor *g, gcell *args, gcell *res)
{
    quote_rune_with(g, args, res, numfmt_append_quote_rune);
}

static void quote_rune_ascii_native(gor *g, gcell *args, gcell *res)
{
    quote_rune_with(g, args, res, numfmt_append_quote_rune_ascii);
}

static void quote_rune_graphic_native(gor *g, gcell *args, gcell *res)
{
    quote_rune_with(g, args, res, numfmt_append_quote_rune_graphic);
}

static void unquote_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 0);
    gbuf b = GBUF_INIT;
    numfmt_err e = numfmt_unquote(&b, gstr_ptr(s), (size_t)gstr_len(s));
    if (e != NUMFMT_OK) {
        gbuf_free(&b);
        cell_set(&res[0], 0);
        cell_set(&res[1], cell_get(g->vm->strconv_err_syntax));
        return;
    }
    cell_set(&res[0], buf_word(g, &b));
    cell_set(&res[1], 0);
}

static void can_backquote_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gstr *s = arg_gstr(args, 0);
    cell_set(&res[0], (uint64_t)(numfmt_can_backquote(gstr_ptr(s), (size_t)gstr_len(s)) != 0));
}

static void is_print_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(numfmt_is_print((int32_t)cell_get(&args[0])) != 0));
}

static void is_graphic_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(numfmt_is_graphic((int32_t)cell_get(&args[0])) != 0));
}

/* ---- Append*: dst []byte, one word a byte ---- */

static void append_bytes(gor *g, const gcell *dstw, gbuf *b, gcell *res)
{
    if (b->failed)
        gor_fatal(g, "out of memory");
    const gslice *s = (const gslice *)(uintptr_t)cell_get(dstw);
    int64_t len = s ? s->len : 0, n = (int64_t)b->len;
    gslice *out = gor_alloc_bytes(g, sizeof *out);
    if (s && s->cap >= len + n) {
        out->base = s->base;
        out->cap = s->cap;
    } else {
        int64_t cap = (len + n) * 2;
        out->base = gor_alloc(g, cap > 0 ? cap : 1);
        out->cap = cap;
        for (int64_t i = 0; s && i < len; i++)
            cell_set(&out->base[i], cell_get(&s->base[i]));
    }
    for (int64_t i = 0; i < n; i++)
        cell_set(&out->base[len + i], (unsigned char)b->p[i]);
    out->len = len + n;
    gbuf_free(b);
    cell_set(&res[0], (uint64_t)(uintptr_t)out);
}

static void append_int_native(gor *g, gcell *args, gcell *res)
{
    int64_t base = (int64_t)cell_get(&args[2]);
    check_base(g, base);
    gbuf b = GBUF_INIT;
    numfmt_append_int(&b, (int64_t)cell_get(&args[1]), (int)base);
    append_bytes(g, &args[0], &b, res);
}

static void append_uint_native(gor *g, gcell *args, gcell *res)
{
    int64_t base = (int64_t)cell_get(&args[2]);
    check_base(g, base);
    gbuf b = GBUF_INIT;
    numfmt_append_uint(&b, cell_get(&args[1]), (int)base);
    append_bytes(g, &args[0], &b, res);
}

static void append_float_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    put_float(&b, args + 1);
    append_bytes(g, &args[0], &b, res);
}

static void append_bool_native(gor *g, gcell *args, gcell *res)
{
    gbuf b = GBUF_INIT;
    gbuf_puts(&b, cell_get(&args[1]) ? "true" : "false");
    append_bytes(g, &args[0], &b, res);
}

static void append_quote_native(gor *g, gcell *args, gcell *res)
{
    const gstr *s = arg_gstr(args, 1);
    gbuf b = GBUF_INIT;
    numfmt_append_quote(&b, gstr_ptr(s), (size_t)gstr_len(s));
    append_bytes(g, &args[0], &b, res);
}

const golib_native lib_strconv_natives[] = {
    {"Itoa", itoa_native},
    {"Atoi", atoi_native},
    {"ParseInt", parse_int_native},
    {"ParseUint", parse_uint_native},
    {"ParseFloat", parse_float_native},
    {"ParseBool", parse_bool_native},
    {"FormatInt", format_int_native},
    {"FormatUint", format_uint_native},
    {"FormatFloat", format_float_native},
    {"FormatBool", format_bool_native},
    {"Quote", quote_native},
    {"QuoteToASCII", quote_ascii_native},
    {"QuoteToGraphic", quote_graphic_native},
    {"QuoteRune", quote_rune_native},
    {"QuoteRuneToASCII", quote_rune_ascii_native},
    {"QuoteRuneToGraphic", quote_rune_graphic_native},
    {"Unquote", unquote_native},
    {"CanBackquote", can_backquote_native},
    {"IsPrint", is_print_native},
    {"IsGraphic", is_graphic_native},
    {"AppendInt", append_int_native},
    {"AppendUint", append_uint_native},
    {"AppendFloat", append_float_native},
    {"AppendBool", append_bool_native},
    {"AppendQuote", append_quote_native},
    {"*NumError.Error", num_error_error_native},
    {"*NumError.Unwrap", num_error_unwrap_native},
    {"ErrSyntax", err_syntax_init},
    {"ErrRange", err_range_init},
    {NULL, NULL},
};
