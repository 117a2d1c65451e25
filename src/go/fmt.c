/* fmt.c - Go's fmt: format.go (the raw formatter, f_*) and print.go (the
 * printer over typed values, pp_*), ported function for function so the
 * corner cases fall out the way they do in Go.  A value is (type, words):
 * words as types.h lays them out; an operand is an interface box. */
#include "fmt.h"

#include <stdlib.h>
#include <string.h>

#include "gmap.h"
#include "numfmt.h"

static const char ldigits[] = "0123456789abcdefx";
static const char udigits[] = "0123456789ABCDEFX";

/* Past this nesting a value is cyclic (a slice holding itself) or absurd;
 * Go would overflow its stack, so we end the program as it would
 * ("fatal error: stack overflow").  A level costs about 160 bytes of C
 * stack at -O2 (gcc -fstack-usage), so the bound keeps a print within
 * ~50 KB of a goroutine's thread stack. */
enum { FMT_MAX_DEPTH = 256 };

typedef struct pp {
    struct gor *g;
    gbuf *buf;
    fmt_flags f;
    /* the operand being printed, for badVerb: its type and words (NULL
     * type: a nil operand) */
    const gtype *arg_t;
    const gcell *arg_v;
    int erroring; /* in badVerb: no methods are called */
    fmt_wrap *wrap;
    int wrap_on; /* Errorf and no second %w yet */
    int argnum;  /* the operand index being printed */
    int reordered, good_argnum;
} pp;

/* ---- words ---- */

static uint64_t word(const gcell *v)
{
    return cell_get(v);
}

static const giface *word_iface(const gcell *v)
{
    return (const giface *)(uintptr_t)cell_get(v);
}

static int is_predeclared(const gtype *t)
{
    return t->underlying == t && t->name != NULL;
}

static int is_basic_kind(gkind k)
{
    return (k >= GK_BOOL && k <= GK_COMPLEX128) || k == GK_STRING;
}

static int64_t int_value(const gtype *t, const gcell *v)
{
    /* stored sign-extended (types.h); shifted again in case a writer
     * did not */
    int bits = types_int_bits(t);
    uint64_t w = word(v);
    if (bits == 64)
        return (int64_t)w;
    uint64_t m = (uint64_t)1 << (bits - 1);
    w &= (m << 1) - 1;
    return (int64_t)((w ^ m) - m);
}

static uint64_t uint_value(const gtype *t, const gcell *v)
{
    int bits = types_int_bits(t);
    uint64_t w = word(v);
    return bits == 64 ? w : w & (((uint64_t)1 << bits) - 1);
}

void fmt_type_name(gbuf *out, const gtype *t)
{
    char small[256];
    size_t n = types_format(t, small, sizeof small);
    if (n < sizeof small) {
        gbuf_put(out, small, n);
        return;
    }
    char *big = malloc(n + 1);
    if (!big) {
        out->failed = 1;
        return;
    }
    types_format(t, big, n + 1);
    gbuf_put(out, big, n);
    free(big);
}

/* ---- format.go: padding ---- */

static void f_write_padding(pp *p, int n)
{
    if (n > 0)
        gbuf_fill(p->buf, p->f.zero ? '0' : ' ', (size_t)n);
}

/* s padded on the left (or with '-' the right) to the width, in runes. */
static void f_pad(pp *p, const char *s, size_t n)
{
    if (!p->f.wid_present || p->f.wid == 0) {
        gbuf_put(p->buf, s, n);
        return;
    }
    int width = p->f.wid - (int)numfmt_utf8_count(s, n);
    if (!p->f.minus) {
        f_write_padding(p, width);
        gbuf_put(p->buf, s, n);
    } else {
        gbuf_put(p->buf, s, n);
        f_write_padding(p, width);
    }
}

static void f_pad_str(pp *p, const char *s)
{
    f_pad(p, s, strlen(s));
}

/* f_pad with the zero flag off: what Go does for non-numbers. */
static void f_pad_nozero(pp *p, const char *s, size_t n)
{
    unsigned char zero = p->f.zero;
    p->f.zero = 0;
    f_pad(p, s, n);
    p->f.zero = zero;
}

static void f_boolean(pp *p, int v)
{
    f_pad_str(p, v ? "true" : "false");
}

/* ---- format.go: integers ---- */

/* U+0078, or with '#' U+0078 'x' */
static void f_unicode(pp *p, uint64_t u)
{
    gbuf t = GBUF_INIT;
    char hex[20];
    int prec = p->f.prec_present && p->f.prec > 4 ? p->f.prec : 4, n = 0;
    uint64_t x = u;
    do {
        hex[n++] = udigits[x & 0xF];
        x >>= 4;
    } while (x);
    gbuf_puts(&t, "U+");
    if (prec > n)
        gbuf_fill(&t, '0', (size_t)(prec - n));
    while (n > 0)
        gbuf_putc(&t, hex[--n]);
    if (p->f.sharp && u <= NUMFMT_MAX_RUNE && numfmt_is_print((int32_t)u)) {
        gbuf_puts(&t, " '");
        gbuf_put_rune(&t, (int32_t)u);
        gbuf_putc(&t, '\'');
    }
    if (t.failed)
        p->buf->failed = 1;
    f_pad_nozero(p, t.p, t.len);
    gbuf_free(&t);
}

static char *f_int_buf(char *small, size_t nsmall, size_t need, char **heap)
{
    *heap = NULL;
    if (need <= nsmall)
        return small;
    *heap = malloc(need);
    return *heap;
}

static void f_integer(pp *p, uint64_t u, int base, int is_signed, int32_t verb, const char *digits)
{
    int negative = is_signed && (int64_t)u < 0;
    if (negative)
        u = 0 - u;
    char small[68], *heap;
    /* widths and precisions are at most 1e6 (tooLarge) */
    size_t len = 68;
    if (p->f.wid_present || p->f.prec_present)
        len = 68 + 3 + (size_t)p->f.wid + (size_t)p->f.prec;
    char *buf = f_int_buf(small, sizeof small, len, &heap);
    if (!buf) {
        p->buf->failed = 1;
        return;
    }
    int prec = 0;
    if (p->f.prec_present) {
        prec = p->f.prec;
        if (prec == 0 && u == 0) { /* %.0d of 0 is nothing but padding */
            unsigned char zero = p->f.zero;
            p->f.zero = 0;
            f_write_padding(p, p->f.wid);
            p->f.zero = zero;
            free(heap);
            return;
        }
    } else if (p->f.zero && p->f.wid_present) {
        prec = p->f.wid;
        if (negative || p->f.plus || p->f.space)
            prec--; /* room for the sign */
    }
    size_t i = len;
    do {
        buf[--i] = digits[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    while (i > 0 && prec > (int)(len - i))
        buf[--i] = '0';
    if (p->f.sharp) {
        if (base == 2) {
            buf[--i] = 'b';
            buf[--i] = '0';
        } else if (base == 8 && buf[i] != '0') {
            buf[--i] = '0';
        } else if (base == 16) {
            buf[--i] = digits[16];
            buf[--i] = '0';
        }
    }
    if (verb == 'O') {
        buf[--i] = 'o';
        buf[--i] = '0';
    }
    if (negative)
        buf[--i] = '-';
    else if (p->f.plus)
        buf[--i] = '+';
    else if (p->f.space)
        buf[--i] = ' ';
    /* zero padding was done above, as precision */
    f_pad_nozero(p, buf + i, len - i);
    free(heap);
}

/* ---- format.go: strings ---- */

/* The first prec runes of s (all of s without a precision). */
static size_t f_truncate(const pp *p, const char *s, size_t n)
{
    if (!p->f.prec_present)
        return n;
    int left = p->f.prec;
    int32_t r;
    for (size_t i = 0; i < n;) {
        if (--left < 0)
            return i;
        i += (unsigned char)s[i] < 0x80 ? 1 : (size_t)numfmt_utf8_decode(s + i, n - i, &r);
    }
    return n;
}

static void f_s(pp *p, const char *s, size_t n)
{
    f_pad(p, s, f_truncate(p, s, n));
}

/* %x of a string or []byte: two hex digits a byte; with ' ' spaced, with
 * '#' 0x before the whole (or, with ' ' too, before each byte). */
static void f_sbx(pp *p, const char *s, size_t length, const char *digits)
{
    if (p->f.prec_present && (size_t)p->f.prec < length)
        length = (size_t)p->f.prec;
    if (length == 0) {
        if (p->f.wid_present)
            f_write_padding(p, p->f.wid);
        return;
    }
    size_t width = 2 * length;
    if (p->f.space) {
        if (p->f.sharp)
            width *= 2;
        width += length - 1;
    } else if (p->f.sharp) {
        width += 2;
    }
    int pad = p->f.wid_present && (size_t)p->f.wid > width ? p->f.wid - (int)width : 0;
    if (!p->f.minus)
        f_write_padding(p, pad);
    if (p->f.sharp) {
        gbuf_putc(p->buf, '0');
        gbuf_putc(p->buf, digits[16]);
    }
    for (size_t i = 0; i < length; i++) {
        if (p->f.space && i > 0) {
            gbuf_putc(p->buf, ' ');
            if (p->f.sharp) {
                gbuf_putc(p->buf, '0');
                gbuf_putc(p->buf, digits[16]);
            }
        }
        unsigned char c = (unsigned char)s[i];
        gbuf_putc(p->buf, digits[c >> 4]);
        gbuf_putc(p->buf, digits[c & 0xF]);
    }
    if (p->f.minus)
        f_write_padding(p, pad);
}

static void f_q(pp *p, const char *s, size_t n)
{
    n = f_truncate(p, s, n);
    gbuf t = GBUF_INIT;
    if (p->f.sharp && numfmt_can_backquote(s, n)) {
        gbuf_putc(&t, '`');
        gbuf_put(&t, s, n);
        gbuf_putc(&t, '`');
    } else if (p->f.plus) {
        numfmt_append_quote_ascii(&t, s, n);
    } else {
        numfmt_append_quote(&t, s, n);
    }
    if (t.failed)
        p->buf->failed = 1;
    f_pad(p, t.p, t.len);
    gbuf_free(&t);
}

static int32_t f_rune(uint64_t c)
{
    return c > NUMFMT_MAX_RUNE ? NUMFMT_RUNE_ERROR : (int32_t)c;
}

static void f_c(pp *p, uint64_t c)
{
    gbuf t = GBUF_INIT;
    gbuf_put_rune(&t, f_rune(c));
    f_pad(p, t.p, t.len);
    gbuf_free(&t);
}

static void f_qc(pp *p, uint64_t c)
{
    gbuf t = GBUF_INIT;
    if (p->f.plus)
        numfmt_append_quote_rune_ascii(&t, f_rune(c));
    else
        numfmt_append_quote_rune(&t, f_rune(c));
    f_pad(p, t.p, t.len);
    gbuf_free(&t);
}

/* ---- format.go: floats ---- */

/* '#': keep a decimal point and the trailing zeros %e/%g would drop. */
static void f_float_sharp(gbuf *num, int32_t verb, int prec)
{
    int digits = 0;
    if (verb == 'v' || verb == 'g' || verb == 'G' || verb == 'x')
        digits = prec == -1 ? 6 : prec;
    char tail[8];
    size_t ntail = 0;
    int has_point = 0, saw_nonzero = 0;
    for (size_t i = 1; i < num->len; i++) {
        char c = num->p[i];
        if (c == '.') {
            has_point = 1;
            continue;
        }
        if (c == 'p' || c == 'P' || ((c == 'e' || c == 'E') && verb != 'x' && verb != 'X')) {
            ntail = num->len - i < sizeof tail ? num->len - i : sizeof tail;
            memcpy(tail, num->p + i, ntail);
            gbuf_truncate(num, i);
            break;
        }
        if (c != '0')
            saw_nonzero = 1;
        if (saw_nonzero)
            digits--; /* significant digits after the first non-zero one */
    }
    if (!has_point) {
        if (num->len == 2 && num->p[1] == '0')
            digits--; /* a leading 0 counts once */
        gbuf_putc(num, '.');
    }
    if (digits > 0)
        gbuf_fill(num, '0', (size_t)digits);
    gbuf_put(num, tail, ntail);
}

static void f_float(pp *p, double v, int size, int32_t verb, int prec)
{
    if (p->f.prec_present)
        prec = p->f.prec;
    gbuf num = GBUF_INIT;
    gbuf_putc(&num, '+');
    numfmt_append_float(&num, v, (char)verb, prec, size);
    if (num.failed) {
        p->buf->failed = 1;
        gbuf_free(&num);
        return;
    }
    char *s = num.p;
    if (s[1] == '-' || s[1] == '+')
        memmove(s, s + 1, --num.len);
    if (p->f.space && s[0] == '+' && !p->f.plus)
        s[0] = ' ';
    if (s[1] == 'I' || s[1] == 'N') {
        /* infinities and NaN are not padded with zeros; NaN has no sign
         * unless asked */
        size_t skip = s[1] == 'N' && !p->f.space && !p->f.plus;
        f_pad_nozero(p, s + skip, num.len - skip);
        gbuf_free(&num);
        return;
    }
    if (p->f.sharp && verb != 'b') {
        f_float_sharp(&num, verb, prec);
        s = num.p;
    }
    if (p->f.plus || s[0] != '+') {
        /* zero padding goes between the sign and the digits */
        if (p->f.zero && p->f.wid_present && (size_t)p->f.wid > num.len) {
            gbuf_putc(p->buf, s[0]);
            f_write_padding(p, p->f.wid - (int)num.len);
            gbuf_put(p->buf, s + 1, num.len - 1);
        } else {
            f_pad(p, s, num.len);
        }
    } else {
        f_pad(p, s + 1, num.len - 1);
    }
    gbuf_free(&num);
}

/* ---- print.go ---- */

static void pp_print_value(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                           int can_iface);
static void pp_print_arg(pp *p, const gtype *t, const gcell *v, int32_t verb);

static void pp_bad_verb(pp *p, int32_t verb)
{
    p->erroring = 1;
    gbuf_puts(p->buf, "%!");
    gbuf_put_rune(p->buf, verb);
    gbuf_putc(p->buf, '(');
    if (p->arg_t) {
        const gtype *t = p->arg_t;
        const gcell *v = p->arg_v;
        fmt_type_name(p->buf, t);
        gbuf_putc(p->buf, '=');
        pp_print_value(p, t, v, 'v', 0, 0);
    } else {
        gbuf_puts(p->buf, "<nil>");
    }
    gbuf_putc(p->buf, ')');
    p->erroring = 0;
}

static void pp_fmt_bool(pp *p, int v, int32_t verb)
{
    if (verb == 't' || verb == 'v')
        f_boolean(p, v);
    else
        pp_bad_verb(p, verb);
}

/* 0x-prefixed (or not) hex, as %#v prints unsigned numbers and %p. */
static void pp_fmt_0x64(pp *p, uint64_t v, int leading0x)
{
    unsigned char sharp = p->f.sharp;
    p->f.sharp = (unsigned char)leading0x;
    f_integer(p, v, 16, 0, 'v', ldigits);
    p->f.sharp = sharp;
}

static void pp_fmt_integer(pp *p, uint64_t v, int is_signed, int32_t verb)
{
    switch (verb) {
    case 'v':
        if (p->f.sharp_v && !is_signed)
            pp_fmt_0x64(p, v, 1);
        else
            f_integer(p, v, 10, is_signed, verb, ldigits);
        break;
    case 'd':
        f_integer(p, v, 10, is_signed, verb, ldigits);
        break;
    case 'b':
        f_integer(p, v, 2, is_signed, verb, ldigits);
        break;
    case 'o':
    case 'O':
        f_integer(p, v, 8, is_signed, verb, ldigits);
        break;
    case 'x':
        f_integer(p, v, 16, is_signed, verb, ldigits);
        break;
    case 'X':
        f_integer(p, v, 16, is_signed, verb, udigits);
        break;
    case 'c':
        f_c(p, v);
        break;
    case 'q':
        f_qc(p, v);
        break;
    case 'U':
        f_unicode(p, v);
        break;
    default:
        pp_bad_verb(p, verb);
    }
}

static void pp_fmt_float(pp *p, double v, int size, int32_t verb)
{
    switch (verb) {
    case 'v':
        f_float(p, v, size, 'g', -1);
        break;
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
        f_float(p, v, size, verb, -1);
        break;
    case 'f':
    case 'e':
    case 'E':
        f_float(p, v, size, verb, 6);
        break;
    case 'F':
        f_float(p, v, size, 'f', 6);
        break;
    default:
        pp_bad_verb(p, verb);
    }
}

static void pp_fmt_complex(pp *p, double re, double im, int size, int32_t verb)
{
    switch (verb) {
    case 'v':
    case 'b':
    case 'g':
    case 'G':
    case 'x':
    case 'X':
    case 'f':
    case 'F':
    case 'e':
    case 'E':
        break;
    default:
        pp_bad_verb(p, verb);
        return;
    }
    unsigned char plus = p->f.plus;
    gbuf_putc(p->buf, '(');
    pp_fmt_float(p, re, size / 2, verb);
    p->f.plus = 1; /* the imaginary part always has its sign */
    pp_fmt_float(p, im, size / 2, verb);
    gbuf_puts(p->buf, "i)");
    p->f.plus = plus;
}

static void pp_fmt_string(pp *p, const char *s, size_t n, int32_t verb)
{
    switch (verb) {
    case 'v':
        if (p->f.sharp_v)
            f_q(p, s, n);
        else
            f_s(p, s, n);
        break;
    case 's':
        f_s(p, s, n);
        break;
    case 'x':
        f_sbx(p, s, n, ldigits);
        break;
    case 'X':
        f_sbx(p, s, n, udigits);
        break;
    case 'q':
        f_q(p, s, n);
        break;
    default:
        pp_bad_verb(p, verb);
    }
}

/* %s %q %x %X of a []byte or [N]byte (bytes b, n of them; nil: b NULL). */
static void pp_fmt_bytes(pp *p, const char *b, size_t n, int32_t verb)
{
    switch (verb) {
    case 's':
        f_pad(p, b, f_truncate(p, b, n));
        break;
    case 'x':
        f_sbx(p, b, n, ldigits);
        break;
    case 'X':
        f_sbx(p, b, n, udigits);
        break;
    default: /* 'q' */
        f_q(p, b, n);
    }
}

/* The address a pointer-like value prints as (0 for nil). */
static uint64_t pp_address(const gtype *t, const gcell *v)
{
    uint64_t w = word(v);
    if (t->kind == GK_SLICE && w) /* Go prints a slice's data pointer */
        return (uint64_t)(uintptr_t)((const gslice *)(uintptr_t)w)->base;
    return w;
}

static int is_pointer_kind(gkind k)
{
    return k == GK_CHAN || k == GK_FUNC || k == GK_MAP || k == GK_POINTER || k == GK_SLICE ||
           k == GK_UNSAFE_POINTER;
}

static void pp_fmt_pointer(pp *p, const gtype *t, const gcell *v, int32_t verb)
{
    if (!is_pointer_kind(t->kind)) {
        pp_bad_verb(p, verb);
        return;
    }
    uint64_t u = pp_address(t, v);
    switch (verb) {
    case 'v':
        if (p->f.sharp_v) {
            gbuf_putc(p->buf, '(');
            fmt_type_name(p->buf, t);
            gbuf_puts(p->buf, ")(");
            if (u == 0)
                gbuf_puts(p->buf, "nil");
            else
                pp_fmt_0x64(p, u, 1);
            gbuf_putc(p->buf, ')');
        } else if (u == 0) {
            f_pad_str(p, "<nil>");
        } else {
            pp_fmt_0x64(p, u, !p->f.sharp);
        }
        break;
    case 'p':
        pp_fmt_0x64(p, u, !p->f.sharp);
        break;
    case 'b':
    case 'o':
    case 'd':
    case 'x':
    case 'X':
        pp_fmt_integer(p, u, 0, verb);
        break;
    default:
        pp_bad_verb(p, verb);
    }
}

/* ---- methods ---- */

/* Is name() string in t's method set?  *deref: calling it through a nil
 * pointer would dereference it (a value receiver, or a promoted method). */
static int pp_has_method(const gtype *t, const char *name, int *deref)
{
    gmethod_path path;
    *deref = 0;
    if (t->kind == GK_INTERFACE || !types_find_method(t, name, &path))
        return 0;
    const gtype *sig = path.im ? path.im->sig : path.m->sig;
    if (!sig || sig->nparams != 0 || sig->nresults != 1 || sig->results[0]->kind != GK_STRING ||
        !is_predeclared(sig->results[0]))
        return 0;
    /* a pointer-receiver method is not in T's method set, unless it is
     * promoted through an embedded pointer */
    int via_ptr = 0;
    for (int d = 0; d < path.depth; d++)
        via_ptr |= path.derefs[d];
    if (path.m && path.m->ptr_recv && t->kind != GK_POINTER && !via_ptr)
        return 0;
    *deref = path.depth > 0 || path.im || (path.m && !path.m->ptr_recv);
    return 1;
}

/* Calls t's name() string method if it has one, formatting the result with
 * verb; 1 if it did. */
static int pp_call_method(pp *p, const gtype *t, const gcell *v, const char *name, int32_t verb,
                          int as_string)
{
    int deref;
    if (!pp_has_method(t, name, &deref))
        return 0;
    if (t->kind == GK_POINTER && word(v) == 0 && deref) {
        /* Go's catchPanic: the call panics on the nil receiver and fmt
         * prints <nil> instead */
        gbuf_puts(p->buf, "<nil>");
        return 1;
    }
    const gstr *s = NULL;
    giface *panicked = NULL;
    int called = gor_call_string_method_catching(p->g, t, v, name, &s, &panicked);
    if (!called)
        return 0;
    if (called == 2) { /* Go's catchPanic */
        if (t->kind == GK_POINTER && word(v) == 0) {
            gbuf_puts(p->buf, "<nil>"); /* a nil receiver: the method could not work */
            return 1;
        }
        gbuf_puts(p->buf, "%!");
        gbuf_put_rune(p->buf, verb);
        gbuf_puts(p->buf, "(PANIC=");
        gbuf_puts(p->buf, name);
        gbuf_puts(p->buf, " method: ");
        giface *one[1] = {panicked};
        fmt_sprint(p->g, p->buf, one, 1);
        gbuf_putc(p->buf, ')');
        return 1;
    }
    if (as_string)
        pp_fmt_string(p, gstr_ptr(s), (size_t)gstr_len(s), verb);
    else
        f_s(p, gstr_ptr(s), (size_t)gstr_len(s));
    return 1;
}

static int pp_is_error(const gtype *t)
{
    int deref;
    return pp_has_method(t, "Error", &deref);
}

/* handleMethods: %w, GoString for %#v, Error then String for v s x X q.
 * (t, v) is a concrete value (never an interface). */
static int pp_handle_methods(pp *p, const gtype *t, const gcell *v, int32_t verb)
{
    if (p->erroring)
        return 0;
    if (verb == 'w') {
        if (!pp_is_error(t) || !p->wrap_on || (p->wrap && p->wrap->index >= 0)) {
            /* not an error, not Errorf, or a second %w: Go wraps none */
            if (p->wrap)
                p->wrap->index = -1;
            p->wrap_on = 0;
            pp_bad_verb(p, verb);
            return 1;
        }
        p->wrap->index = p->argnum;
        verb = 'v';
    }
    if (p->f.sharp_v)
        return pp_call_method(p, t, v, "GoString", verb, 0);
    if (verb != 'v' && verb != 's' && verb != 'x' && verb != 'X' && verb != 'q')
        return 0;
    return pp_call_method(p, t, v, "Error", verb, 1) || pp_call_method(p, t, v, "String", verb, 1);
}

/* ---- printValue ---- */

/* Map printing: the entries copied out (a String method run while
 * printing may change the map), sorted as internal/fmtsort does. */
typedef struct pp_entry {
    gcell *k, *v;
} pp_entry;

static int cmp_u64(uint64_t a, uint64_t b)
{
    return a < b ? -1 : a > b;
}

static int cmp_float(double a, double b)
{
    if (a != a)
        return -1; /* NaN first; no answer for two NaNs */
    if (b != b)
        return 1;
    return a < b ? -1 : a > b;
}

static int64_t rtype_size(const gtype *t);

static int cmp_types(const gtype *a, const gtype *b)
{
    /* Go compares the type descriptors' addresses; its linker lays them
     * out by size, then by name */
    int c = cmp_u64((uint64_t)rtype_size(a), (uint64_t)rtype_size(b));
    if (c || a == b)
        return c;
    gbuf x = GBUF_INIT, y = GBUF_INIT;
    fmt_type_name(&x, a);
    fmt_type_name(&y, b);
    size_t n = x.len < y.len ? x.len : y.len;
    c = n ? memcmp(x.p, y.p, n) : 0;
    if (!c)
        c = cmp_u64(x.len, y.len);
    gbuf_free(&x);
    gbuf_free(&y);
    return c ? (c < 0 ? -1 : 1) : cmp_u64(a->id, b->id);
}

static int pp_compare(const gtype *t, const gcell *a, const gcell *b);

static int cmp_strings(const gcell *a, const gcell *b)
{
    const gstr *x = word_str(word(a)), *y = word_str(word(b));
    int64_t nx = gstr_len(x), ny = gstr_len(y);
    int c = memcmp(gstr_ptr(x), gstr_ptr(y), (size_t)(nx < ny ? nx : ny));
    if (c)
        return c < 0 ? -1 : 1;
    return nx < ny ? -1 : nx > ny;
}

static int cmp_ifaces(const gcell *a, const gcell *b)
{
    const giface *x = word_iface(a), *y = word_iface(b);
    if (!x || !y)
        return !x && !y ? 0 : !x ? -1 : 1;
    int c = cmp_types(x->t, y->t);
    return c ? c : pp_compare(x->t, x->v, y->v);
}

static int pp_compare(const gtype *t, const gcell *a, const gcell *b)
{
    switch (t->kind) {
    case GK_INT:
    case GK_INT8:
    case GK_INT16:
    case GK_INT32:
    case GK_INT64: {
        int64_t x = int_value(t, a), y = int_value(t, b);
        return x < y ? -1 : x > y;
    }
    case GK_FLOAT32:
    case GK_FLOAT64:
        return cmp_float(cell_f64(word(a)), cell_f64(word(b)));
    case GK_COMPLEX64:
    case GK_COMPLEX128: {
        double ar, ai, br, bi;
        gvalue_complex(t, a, &ar, &ai);
        gvalue_complex(t, b, &br, &bi);
        int c = cmp_float(ar, br);
        return c ? c : cmp_float(ai, bi);
    }
    case GK_STRING:
        return cmp_strings(a, b);
    case GK_BOOL:
        return (word(a) != 0) - (word(b) != 0);
    case GK_STRUCT:
        for (int i = 0; i < t->nfields; i++) {
            int c = pp_compare(t->fields[i].type, a + t->fields[i].offset, b + t->fields[i].offset);
            if (c)
                return c;
        }
        return 0;
    case GK_ARRAY:
        for (int64_t i = 0; i < t->len; i++) {
            int c = pp_compare(t->elem, a + i * t->elem->size, b + i * t->elem->size);
            if (c)
                return c;
        }
        return 0;
    case GK_INTERFACE:
        return cmp_ifaces(a, b);
    default: /* unsigned integers, pointers, channels: by value/address */
        return cmp_u64(types_is_unsigned(t) ? uint_value(t, a) : word(a),
                       types_is_unsigned(t) ? uint_value(t, b) : word(b));
    }
}

/* Stable merge sort of the entries by key (sort.Stable's result). */
static void pp_sort(const gtype *kt, pp_entry *e, pp_entry *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t h = n / 2;
    pp_sort(kt, e, tmp, h);
    pp_sort(kt, e + h, tmp, n - h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n)
        tmp[k++] = pp_compare(kt, e[j].k, e[i].k) < 0 ? e[j++] : e[i++];
    while (i < h)
        tmp[k++] = e[i++];
    while (j < n)
        tmp[k++] = e[j++];
    memcpy(e, tmp, n * sizeof *e);
}

/* The entries of m, copied, sorted; *n of them.  NULL and 0 for none. */
static pp_entry *pp_map_entries(pp *p, const gtype *t, gmap *m, size_t *n)
{
    *n = 0;
    size_t cap = 0;
    pp_entry *e = NULL;
    int32_t ks = t->key->size, vs = t->elem->size;
    gcell *k, *v;
    for (int64_t pos = gmap_next(p->g, m, 0, &k, &v); pos >= 0;
         pos = gmap_next(p->g, m, pos, &k, &v)) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 16;
            pp_entry *ne = realloc(e, cap * sizeof *e);
            if (!ne)
                break;
            e = ne;
        }
        gcell *words = malloc((size_t)(ks + vs ? ks + vs : 1) * sizeof *words);
        if (!words)
            break;
        cells_copy(words, k, ks);
        cells_copy(words + ks, v, vs);
        e[(*n)++] = (pp_entry){.k = words, .v = words + ks};
    }
    pp_entry *tmp = *n ? malloc(*n * sizeof *tmp) : NULL;
    if (tmp)
        pp_sort(t->key, e, tmp, *n);
    free(tmp);
    return e;
}

static void pp_free_entries(pp_entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(e[i].k);
    free(e);
}

static void pp_print_map(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                         int can_iface)
{
    gmap *m = (gmap *)(uintptr_t)word(v);
    if (p->f.sharp_v) {
        fmt_type_name(p->buf, t);
        if (!m) {
            gbuf_puts(p->buf, "(nil)");
            return;
        }
        gbuf_putc(p->buf, '{');
    } else {
        gbuf_puts(p->buf, "map[");
    }
    size_t n = 0;
    pp_entry *e = m ? pp_map_entries(p, t, m, &n) : NULL;
    for (size_t i = 0; i < n; i++) {
        if (i > 0)
            gbuf_puts(p->buf, p->f.sharp_v ? ", " : " ");
        pp_print_value(p, t->key, e[i].k, verb, depth + 1, can_iface);
        gbuf_putc(p->buf, ':');
        pp_print_value(p, t->elem, e[i].v, verb, depth + 1, can_iface);
    }
    pp_free_entries(e, n);
    gbuf_putc(p->buf, p->f.sharp_v ? '}' : ']');
}

static void pp_print_struct(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                            int can_iface)
{
    if (p->f.sharp_v)
        fmt_type_name(p->buf, t);
    gbuf_putc(p->buf, '{');
    for (int i = 0; i < t->nfields; i++) {
        const gfield *f = &t->fields[i];
        if (i > 0)
            gbuf_puts(p->buf, p->f.sharp_v ? ", " : " ");
        if ((p->f.plus_v || p->f.sharp_v) && f->name && f->name[0]) {
            gbuf_puts(p->buf, f->name);
            gbuf_putc(p->buf, ':');
        }
        const gtype *ft = f->type;
        const gcell *fv = v + f->offset;
        const giface *x = ft->kind == GK_INTERFACE ? word_iface(fv) : NULL;
        if (x) { /* getField: a non-nil interface field prints as its value */
            ft = x->t;
            fv = x->v;
        }
        /* an unexported field's value cannot become an interface: no
         * methods below it (reflect's CanInterface) */
        pp_print_value(p, ft, fv, verb, depth + 1, can_iface && f->exported);
    }
    gbuf_putc(p->buf, '}');
}

/* Bytes of a byte slice or array, for %s %q %x %X. */
static void pp_print_byte_seq(pp *p, const gtype *t, const gcell *v, int32_t verb)
{
    const gcell *base = v;
    int64_t n = t->len;
    if (t->kind == GK_SLICE) {
        const gslice *s = (const gslice *)(uintptr_t)word(v);
        base = s ? s->base : NULL;
        n = s ? s->len : 0;
    }
    char *bytes = malloc(n ? (size_t)n : 1);
    if (!bytes) {
        p->buf->failed = 1;
        return;
    }
    for (int64_t i = 0; i < n; i++)
        bytes[i] = (char)word(base + i);
    pp_fmt_bytes(p, bytes, (size_t)n, verb);
    free(bytes);
}

static void pp_print_seq(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                         int can_iface)
{
    const gcell *base = v;
    int64_t n = t->len;
    const gslice *s = NULL;
    if (t->kind == GK_SLICE) {
        s = (const gslice *)(uintptr_t)word(v);
        base = s ? s->base : NULL;
        n = s ? s->len : 0;
    }
    if ((verb == 's' || verb == 'q' || verb == 'x' || verb == 'X') && t->elem->kind == GK_UINT8) {
        pp_print_byte_seq(p, t, v, verb);
        return;
    }
    if (p->f.sharp_v) {
        fmt_type_name(p->buf, t);
        if (t->kind == GK_SLICE && !s) {
            gbuf_puts(p->buf, "(nil)");
            return;
        }
        gbuf_putc(p->buf, '{');
    } else {
        gbuf_putc(p->buf, '[');
    }
    for (int64_t i = 0; i < n; i++) {
        if (i > 0)
            gbuf_puts(p->buf, p->f.sharp_v ? ", " : " ");
        pp_print_value(p, t->elem, base + i * t->elem->size, verb, depth + 1, can_iface);
    }
    gbuf_putc(p->buf, p->f.sharp_v ? '}' : ']');
}

static void pp_print_iface(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                           int can_iface)
{
    const giface *x = word_iface(v);
    if (!x) {
        if (p->f.sharp_v) {
            fmt_type_name(p->buf, t);
            gbuf_puts(p->buf, "(nil)");
        } else {
            gbuf_puts(p->buf, "<nil>");
        }
        return;
    }
    pp_print_value(p, x->t, x->v, verb, depth + 1, can_iface);
}

static void pp_print_pointer(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                             int can_iface)
{
    gcell *target = (gcell *)(uintptr_t)word(v);
    gkind k = t->elem->kind;
    /* at the top level &{...}, &[...], &map[...]; below it an address */
    if (depth == 0 && target && (k == GK_ARRAY || k == GK_SLICE || k == GK_STRUCT || k == GK_MAP)) {
        gbuf_putc(p->buf, '&');
        pp_print_value(p, t->elem, target, verb, depth + 1, can_iface);
        return;
    }
    pp_fmt_pointer(p, t, v, verb);
}

static void pp_print_basic(pp *p, const gtype *t, const gcell *v, int32_t verb)
{
    switch (t->kind) {
    case GK_BOOL:
        pp_fmt_bool(p, word(v) != 0, verb);
        break;
    case GK_INT:
    case GK_INT8:
    case GK_INT16:
    case GK_INT32:
    case GK_INT64:
        pp_fmt_integer(p, (uint64_t)int_value(t, v), 1, verb);
        break;
    case GK_UINT:
    case GK_UINT8:
    case GK_UINT16:
    case GK_UINT32:
    case GK_UINT64:
    case GK_UINTPTR:
        pp_fmt_integer(p, uint_value(t, v), 0, verb);
        break;
    case GK_FLOAT32:
        pp_fmt_float(p, cell_f64(word(v)), 32, verb);
        break;
    case GK_FLOAT64:
        pp_fmt_float(p, cell_f64(word(v)), 64, verb);
        break;
    case GK_COMPLEX64:
    case GK_COMPLEX128: {
        double re, im;
        gvalue_complex(t, v, &re, &im);
        pp_fmt_complex(p, re, im, t->kind == GK_COMPLEX64 ? 64 : 128, verb);
        break;
    }
    default: { /* GK_STRING */
        const gstr *s = word_str(word(v));
        pp_fmt_string(p, gstr_ptr(s), (size_t)gstr_len(s), verb);
    }
    }
}

static void pp_unknown_type(pp *p, const gtype *t)
{
    gbuf_putc(p->buf, '?');
    fmt_type_name(p->buf, t);
    gbuf_putc(p->buf, '?');
}

static void pp_print_value(pp *p, const gtype *t, const gcell *v, int32_t verb, int depth,
                           int can_iface)
{
    if (depth > FMT_MAX_DEPTH)
        gor_fatal(p->g, "stack overflow");
    /* below the top level, methods are called on what can be an
     * interface (the dynamic value, for an interface) */
    if (depth > 0 && can_iface) {
        const gtype *mt = t;
        const gcell *mv = v;
        if (t->kind == GK_INTERFACE && word_iface(v)) {
            mt = word_iface(v)->t;
            mv = word_iface(v)->v;
        }
        if (mt->kind != GK_INTERFACE) {
            p->arg_t = mt;
            p->arg_v = mv;
            if (pp_handle_methods(p, mt, mv, verb))
                return;
        }
    }
    p->arg_t = t;
    p->arg_v = v;
    switch (t->kind) {
    case GK_BOOL:
    case GK_INT:
    case GK_INT8:
    case GK_INT16:
    case GK_INT32:
    case GK_INT64:
    case GK_UINT:
    case GK_UINT8:
    case GK_UINT16:
    case GK_UINT32:
    case GK_UINT64:
    case GK_UINTPTR:
    case GK_FLOAT32:
    case GK_FLOAT64:
    case GK_COMPLEX64:
    case GK_COMPLEX128:
    case GK_STRING:
        pp_print_basic(p, t, v, verb);
        break;
    case GK_MAP:
        pp_print_map(p, t, v, verb, depth, can_iface);
        break;
    case GK_STRUCT:
        pp_print_struct(p, t, v, verb, depth, can_iface);
        break;
    case GK_INTERFACE:
        pp_print_iface(p, t, v, verb, depth, can_iface);
        break;
    case GK_ARRAY:
    case GK_SLICE:
        pp_print_seq(p, t, v, verb, depth, can_iface);
        break;
    case GK_POINTER:
        pp_print_pointer(p, t, v, verb, depth, can_iface);
        break;
    case GK_CHAN:
    case GK_FUNC:
    case GK_UNSAFE_POINTER:
        pp_fmt_pointer(p, t, v, verb);
        break;
    default:
        pp_unknown_type(p, t);
    }
}

/* printArg's []byte: as any slice, except that %#v names it "[]byte"
 * (fmtBytes), where a byte slice below the top level is "[]uint8". */
static void pp_print_byte_slice(pp *p, const gtype *t, const gcell *v, int32_t verb)
{
    const gslice *s = (const gslice *)(uintptr_t)word(v);
    if (!p->f.sharp_v || verb != 'v') {
        pp_print_value(p, t, v, verb, 0, 1);
        return;
    }
    gbuf_puts(p->buf, "[]byte");
    if (!s) {
        gbuf_puts(p->buf, "(nil)");
        return;
    }
    gbuf_putc(p->buf, '{');
    for (int64_t i = 0; i < s->len; i++) {
        if (i > 0)
            gbuf_puts(p->buf, ", ");
        pp_fmt_0x64(p, word(&s->base[i]) & 0xFF, 1);
    }
    gbuf_putc(p->buf, '}');
}

/* printArg: one operand (t NULL: nil). */
static void pp_print_arg(pp *p, const gtype *t, const gcell *v, int32_t verb)
{
    p->arg_t = t;
    p->arg_v = v;
    if (!t) {
        if (verb == 'T' || verb == 'v')
            f_pad_str(p, "<nil>");
        else
            pp_bad_verb(p, verb);
        return;
    }
    if (verb == 'T') {
        gbuf name = GBUF_INIT;
        fmt_type_name(&name, t);
        f_s(p, name.p ? name.p : "", name.len);
        gbuf_free(&name);
        return;
    }
    if (verb == 'p') {
        pp_fmt_pointer(p, t, v, 'p');
        return;
    }
    /* printArg's type switch: the predeclared types (no methods; %w is a
     * bad verb that leaves an earlier %w wrapped) and []byte go straight
     * to printing */
    if (is_predeclared(t) && is_basic_kind(t->kind)) {
        pp_print_basic(p, t, v, verb);
        return;
    }
    if (t->kind == GK_SLICE && !t->name && t->elem->kind == GK_UINT8 && is_predeclared(t->elem)) {
        pp_print_byte_slice(p, t, v, verb);
        return;
    }
    if (!pp_handle_methods(p, t, v, verb))
        pp_print_value(p, t, v, verb, 0, 1);
}

static void pp_print_operand(pp *p, const giface *x, int32_t verb)
{
    pp_print_arg(p, x ? x->t : NULL, x ? x->v : NULL, verb);
}

/* ---- doPrintf ---- */

static int too_large(int x)
{
    return x > 1000000 || x < -1000000;
}

/* parsenum: a decimal number at format[*i..end); 0 if none. */
static int parse_num(const char *s, size_t *i, size_t end, int *num)
{
    int n = 0, isnum = 0;
    if (*i >= end)
        return 0;
    for (; *i < end && s[*i] >= '0' && s[*i] <= '9'; (*i)++) {
        if (too_large(n)) {
            *i = end; /* a crazy long number: the whole rest */
            *num = 0;
            return 0;
        }
        n = n * 10 + (s[*i] - '0');
        isnum = 1;
    }
    *num = n;
    return isnum;
}

/* intFromArg: operand argnum as a width or precision. */
static int int_from_arg(giface *const *a, int nargs, int *argnum, int *num)
{
    *num = 0;
    if (*argnum >= nargs)
        return 0;
    const giface *x = a[*argnum];
    int ok = 0;
    /* any integer kind; past tooLarge's bound the number is refused below
     * (clamped first, so it fits an int) */
    if (x && types_is_integer(x->t) && types_is_unsigned(x->t)) {
        uint64_t u = uint_value(x->t, x->v);
        ok = (int64_t)u >= 0;
        *num = !ok ? 0 : u > 2000000 ? 2000000 : (int)u;
    } else if (x && types_is_integer(x->t)) {
        int64_t n = int_value(x->t, x->v);
        ok = 1;
        *num = n > 2000000 ? 2000000 : n < -2000000 ? -2000000 : (int)n;
    }
    (*argnum)++;
    if (too_large(*num)) {
        *num = 0;
        ok = 0;
    }
    return ok;
}

/* argNumber: an index like [3] at format[*i]; the operand it names. */
static int arg_number(pp *p, int *argnum, const char *format, size_t *i, size_t end, int nargs)
{
    if (*i >= end || format[*i] != '[')
        return 0;
    p->reordered = 1;
    /* parseArgNumber */
    size_t len = end - *i;
    if (len < 3) {
        p->good_argnum = 0;
        (*i)++;
        return 0;
    }
    for (size_t k = 1; k < len; k++) {
        if (format[*i + k] != ']')
            continue;
        size_t j = *i + 1;
        int width;
        int ok = parse_num(format, &j, *i + k, &width) && j == *i + k;
        *i += k + 1;
        if (ok && width - 1 >= 0 && width - 1 < nargs) {
            *argnum = width - 1;
            return 1;
        }
        p->good_argnum = 0;
        return ok;
    }
    p->good_argnum = 0;
    (*i)++;
    return 0;
}

static void pp_missing(pp *p, const char *what, int32_t verb)
{
    gbuf_puts(p->buf, "%!");
    gbuf_put_rune(p->buf, verb);
    gbuf_puts(p->buf, what);
}

static void pp_extra(pp *p, giface *const *a, int argnum, int nargs)
{
    memset(&p->f, 0, sizeof p->f);
    gbuf_puts(p->buf, "%!(EXTRA ");
    for (int i = argnum; i < nargs; i++) {
        if (i > argnum)
            gbuf_puts(p->buf, ", ");
        if (!a[i]) {
            gbuf_puts(p->buf, "<nil>");
            continue;
        }
        fmt_type_name(p->buf, a[i]->t);
        gbuf_putc(p->buf, '=');
        p->argnum = i;
        pp_print_operand(p, a[i], 'v');
    }
    gbuf_putc(p->buf, ')');
}

/* The flags before a verb; 1 at a plain verb after them (printed already:
 * the fast path of doPrintf). */
static void pp_flag(pp *p, char c)
{
    switch (c) {
    case '#':
        p->f.sharp = 1;
        break;
    case '0':
        p->f.zero = !p->f.minus; /* only pad with zeros on the left */
        break;
    case '+':
        p->f.plus = 1;
        break;
    case '-':
        p->f.minus = 1;
        p->f.zero = 0;
        break;
    default: /* ' ' */
        p->f.space = 1;
    }
}

static void pp_set_v(pp *p)
{
    p->f.sharp_v = p->f.sharp;
    p->f.sharp = 0;
    p->f.plus_v = p->f.plus;
    p->f.plus = 0;
}

typedef struct pp_scan {
    const char *format;
    size_t i, end;
    giface *const *a;
    int nargs, argnum, after_index;
} pp_scan;

/* Width ('*' or digits) and precision of one verb. */
static void pp_width_prec(pp *p, pp_scan *s)
{
    if (s->i < s->end && s->format[s->i] == '*') {
        s->i++;
        p->f.wid_present = (unsigned char)int_from_arg(s->a, s->nargs, &s->argnum, &p->f.wid);
        if (!p->f.wid_present)
            gbuf_puts(p->buf, "%!(BADWIDTH)");
        if (p->f.wid < 0) {
            p->f.wid = -p->f.wid;
            p->f.minus = 1;
            p->f.zero = 0;
        }
        s->after_index = 0;
    } else {
        p->f.wid_present = (unsigned char)parse_num(s->format, &s->i, s->end, &p->f.wid);
        if (s->after_index && p->f.wid_present) /* "%[3]2d" */
            p->good_argnum = 0;
    }
    if (s->i + 1 < s->end && s->format[s->i] == '.') {
        s->i++;
        if (s->after_index) /* "%[3].2d" */
            p->good_argnum = 0;
        s->after_index = arg_number(p, &s->argnum, s->format, &s->i, s->end, s->nargs);
        if (s->i < s->end && s->format[s->i] == '*') {
            s->i++;
            p->f.prec_present = (unsigned char)int_from_arg(s->a, s->nargs, &s->argnum, &p->f.prec);
            if (p->f.prec < 0) { /* a negative precision is none */
                p->f.prec = 0;
                p->f.prec_present = 0;
            }
            if (!p->f.prec_present)
                gbuf_puts(p->buf, "%!(BADPREC)");
            s->after_index = 0;
        } else {
            p->f.prec_present = (unsigned char)parse_num(s->format, &s->i, s->end, &p->f.prec);
            if (!p->f.prec_present) {
                p->f.prec = 0;
                p->f.prec_present = 1;
            }
        }
    }
}

/* One verb, its flags at s->i (after the '%'); 0 at the end of format. */
static int pp_directive(pp *p, pp_scan *s)
{
    memset(&p->f, 0, sizeof p->f);
    for (; s->i < s->end; s->i++) {
        char c = s->format[s->i];
        if (c == '#' || c == '0' || c == '+' || c == '-' || c == ' ') {
            pp_flag(p, c);
            continue;
        }
        if (c >= 'a' && c <= 'z' && s->argnum < s->nargs) {
            /* the fast path: a plain verb */
            if (c == 'v')
                pp_set_v(p);
            p->argnum = s->argnum;
            pp_print_operand(p, s->a[s->argnum], c);
            s->argnum++;
            s->i++;
            return 1;
        }
        break;
    }
    s->after_index = arg_number(p, &s->argnum, s->format, &s->i, s->end, s->nargs);
    pp_width_prec(p, s);
    if (!s->after_index)
        s->after_index = arg_number(p, &s->argnum, s->format, &s->i, s->end, s->nargs);
    if (s->i >= s->end) {
        gbuf_puts(p->buf, "%!(NOVERB)");
        return 0;
    }
    int32_t verb = (unsigned char)s->format[s->i];
    int size = 1;
    if (verb >= 0x80)
        size = numfmt_utf8_decode(s->format + s->i, s->end - s->i, &verb);
    s->i += (size_t)size;
    if (verb == '%') { /* absorbs no operand; ignores width and precision */
        gbuf_putc(p->buf, '%');
    } else if (!p->good_argnum) {
        pp_missing(p, "(BADINDEX)", verb);
    } else if (s->argnum >= s->nargs) {
        pp_missing(p, "(MISSING)", verb);
    } else {
        if (verb == 'v')
            pp_set_v(p);
        p->argnum = s->argnum;
        pp_print_operand(p, s->a[s->argnum], verb);
        s->argnum++;
    }
    return 1;
}

static void pp_init(pp *p, struct gor *g, gbuf *out, fmt_wrap *wrap)
{
    memset(p, 0, sizeof *p);
    p->g = g;
    p->buf = out;
    p->wrap = wrap;
    p->wrap_on = wrap && wrap->enabled;
    if (wrap)
        wrap->index = -1;
}

void fmt_sprintf(struct gor *g, gbuf *out, const char *format, size_t flen, giface *const *args,
                 int nargs, fmt_wrap *wrap)
{
    pp p;
    pp_init(&p, g, out, wrap);
    pp_scan s = {.format = format, .end = flen, .a = args, .nargs = nargs};
    while (s.i < s.end) {
        p.good_argnum = 1;
        size_t last = s.i;
        while (s.i < s.end && format[s.i] != '%')
            s.i++;
        gbuf_put(out, format + last, s.i - last);
        if (s.i >= s.end)
            break;
        s.i++; /* the '%' */
        if (!pp_directive(&p, &s))
            break;
    }
    if (!p.reordered && s.argnum < nargs)
        pp_extra(&p, args, s.argnum, nargs);
}

void fmt_sprint(struct gor *g, gbuf *out, giface *const *args, int nargs)
{
    pp p;
    pp_init(&p, g, out, NULL);
    int prev_string = 0;
    for (int i = 0; i < nargs; i++) {
        int is_string = args[i] && args[i]->t->kind == GK_STRING;
        if (i > 0 && !is_string && !prev_string)
            gbuf_putc(out, ' ');
        memset(&p.f, 0, sizeof p.f);
        p.argnum = i;
        pp_print_operand(&p, args[i], 'v');
        prev_string = is_string;
    }
}

void fmt_sprintln(struct gor *g, gbuf *out, giface *const *args, int nargs)
{
    pp p;
    pp_init(&p, g, out, NULL);
    for (int i = 0; i < nargs; i++) {
        if (i > 0)
            gbuf_putc(out, ' ');
        memset(&p.f, 0, sizeof p.f);
        p.argnum = i;
        pp_print_operand(&p, args[i], 'v');
    }
    gbuf_putc(out, '\n');
}

void fmt_value(struct gor *g, gbuf *out, const gtype *t, const gcell *v, int32_t verb,
               const fmt_flags *flags)
{
    pp p;
    pp_init(&p, g, out, NULL);
    if (flags)
        p.f = *flags;
    if (t && t->kind == GK_INTERFACE) {
        const giface *x = word_iface(v);
        t = x ? x->t : NULL;
        v = x ? x->v : NULL;
    }
    pp_print_arg(&p, t, v, verb);
}

/* ---- the size of Go's type descriptor (for interface key order) ---- */

/* The methods in t's method set (a defined type, a pointer to one, or a
 * struct promoting its embedded fields' methods, one level of them is
 * enough for the order of descriptors). */
static int method_count(const gtype *t, int depth)
{
    int n = 0;
    if (t->kind == GK_POINTER && !t->name)
        return t->elem->nmethods + (t->elem->kind == GK_STRUCT && depth < 2
                                        ? method_count(t->elem, depth + 1) - t->elem->nmethods
                                        : 0);
    for (int i = 0; i < t->nmethods; i++)
        n += !t->methods[i].ptr_recv;
    if (t->kind != GK_STRUCT || depth >= 2)
        return n;
    for (int i = 0; i < t->nfields; i++) {
        const gfield *f = &t->fields[i];
        if (!f->embedded)
            continue;
        if (f->type->kind == GK_POINTER && !f->type->name)
            n += f->type->elem->nmethods;
        else
            n += method_count(f->type, depth + 1);
    }
    return n;
}

/* reflect's rtype is 48 bytes on 64-bit; each kind adds its fields; a
 * named type (or one with methods) adds an uncommonType (16) and 16 a
 * method.  Go 1.19, amd64. */
static int64_t rtype_size(const gtype *t)
{
    int64_t s = 48;
    switch (t->kind) {
    case GK_ARRAY:
        s += 24;
        break;
    case GK_CHAN:
        s += 16;
        break;
    case GK_FUNC:
        s += 8 + 8 * (int64_t)(t->nparams + t->nresults);
        break;
    case GK_INTERFACE:
        s += 32 + 8 * (int64_t)t->nimethods;
        break;
    case GK_MAP:
        s += 40;
        break;
    case GK_POINTER:
    case GK_SLICE:
        s += 8;
        break;
    case GK_STRUCT:
        s += 32 + 24 * (int64_t)t->nfields;
        break;
    default:
        break;
    }
    int m = method_count(t, 0);
    if (t->name || m > 0)
        s += 16 + 16 * (int64_t)m;
    return s;
}
