/* lib_strings.c - package strings, with Go's edge cases (empty separators,
 * counts, invalid UTF-8 read as U+FFFD one byte at a time). */
#include "lib_natives.h"

#include <string.h>

#include "numfmt.h"

typedef struct sv {
    const char *p;
    int64_t n;
} sv;

static sv arg_sv(const gcell *args, int i)
{
    const gstr *s = word_str(cell_get(&args[i]));
    return (sv){gstr_ptr(s), gstr_len(s)};
}

static const gstr *arg_gstr(const gcell *args, int i)
{
    return word_str(cell_get(&args[i]));
}

static uint64_t str_word(gor *g, const char *p, int64_t n)
{
    return (uint64_t)(uintptr_t)gor_str(g, p, n);
}

static uint64_t buf_word(gor *g, gbuf *b)
{
    if (b->failed)
        gor_fatal(g, "out of memory");
    uint64_t w = str_word(g, b->p, (int64_t)b->len);
    gbuf_free(b);
    return w;
}

/* The rune at p (n > 0 bytes left) and its width. */
static int rune_at(const char *p, int64_t n, int32_t *r)
{
    if ((unsigned char)*p < 0x80) {
        *r = (unsigned char)*p;
        return 1;
    }
    return numfmt_utf8_decode(p, (size_t)n, r);
}

static int64_t sv_index(sv s, sv sub)
{
    if (sub.n == 0)
        return 0;
    if (sub.n > s.n)
        return -1;
    for (int64_t i = 0; i + sub.n <= s.n; i++) {
        const char *q = memchr(s.p + i, sub.p[0], (size_t)(s.n - sub.n - i + 1));
        if (!q)
            return -1;
        i = q - s.p;
        if (memcmp(q, sub.p, (size_t)sub.n) == 0)
            return i;
    }
    return -1;
}

static int64_t sv_last_index(sv s, sv sub)
{
    if (sub.n == 0)
        return s.n;
    for (int64_t i = s.n - sub.n; i >= 0; i--)
        if (memcmp(s.p + i, sub.p, (size_t)sub.n) == 0)
            return i;
    return -1;
}

static int64_t sv_count(sv s, sv sub)
{
    if (sub.n == 0)
        return (int64_t)numfmt_utf8_count(s.p, (size_t)s.n) + 1;
    int64_t c = 0;
    for (;;) {
        int64_t i = sv_index(s, sub);
        if (i < 0)
            return c;
        c++;
        s.p += i + sub.n;
        s.n -= i + sub.n;
    }
}

static int sv_has_rune(sv set, int32_t r)
{
    for (int64_t i = 0; i < set.n;) {
        int32_t c;
        i += rune_at(set.p + i, set.n - i, &c);
        if (c == r)
            return 1;
    }
    return 0;
}

static int64_t sv_index_rune(sv s, int32_t r)
{
    if (r >= 0 && r < 0x80) {
        const char *q = s.n ? memchr(s.p, r, (size_t)s.n) : NULL;
        return q ? q - s.p : -1;
    }
    if (r != NUMFMT_RUNE_ERROR && !numfmt_rune_valid(r))
        return -1;
    for (int64_t i = 0; i < s.n;) {
        int32_t c;
        int w = rune_at(s.p + i, s.n - i, &c);
        if (c == r)
            return i;
        i += w;
    }
    return -1;
}

static int64_t sv_index_any(sv s, sv chars)
{
    if (chars.n == 0)
        return -1;
    for (int64_t i = 0; i < s.n;) {
        int32_t c;
        int w = rune_at(s.p + i, s.n - i, &c);
        if (sv_has_rune(chars, c))
            return i;
        i += w;
    }
    return -1;
}

static int64_t sv_last_index_any(sv s, sv chars)
{
    int64_t last = -1;
    if (chars.n == 0)
        return -1;
    for (int64_t i = 0; i < s.n;) {
        int32_t c;
        int w = rune_at(s.p + i, s.n - i, &c);
        if (sv_has_rune(chars, c))
            last = i;
        i += w;
    }
    return last;
}

#define STR_PRED(name, expr)                                                                       \
    static void name(gor *g, gcell *args, gcell *res)                                              \
    {                                                                                              \
        (void)g;                                                                                   \
        sv a = arg_sv(args, 0), b = arg_sv(args, 1);                                               \
        (void)b;                                                                                   \
        cell_set(&res[0], (uint64_t)(int64_t)(expr));                                              \
    }

STR_PRED(contains_native, sv_index(a, b) >= 0)
STR_PRED(contains_any_native, sv_index_any(a, b) >= 0)
STR_PRED(count_native, sv_count(a, b))
STR_PRED(has_prefix_native, a.n >= b.n && memcmp(a.p, b.p, (size_t)b.n) == 0)
STR_PRED(has_suffix_native, a.n >= b.n && memcmp(a.p + a.n - b.n, b.p, (size_t)b.n) == 0)
STR_PRED(index_native, sv_index(a, b))
STR_PRED(last_index_native, sv_last_index(a, b))
STR_PRED(index_any_native, sv_index_any(a, b))
STR_PRED(last_index_any_native, sv_last_index_any(a, b))

static int sv_compare(sv a, sv b)
{
    int64_t n = a.n < b.n ? a.n : b.n;
    int c = n > 0 ? memcmp(a.p, b.p, (size_t)n) : 0;
    if (c)
        return c < 0 ? -1 : 1;
    return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
}
STR_PRED(compare_native, sv_compare(a, b))

static void contains_rune_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(sv_index_rune(arg_sv(args, 0), (int32_t)cell_get(&args[1])) >= 0));
}

static void index_rune_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)sv_index_rune(arg_sv(args, 0), (int32_t)cell_get(&args[1])));
}

static void index_byte_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    sv s = arg_sv(args, 0);
    const char *q = s.n ? memchr(s.p, (int)(cell_get(&args[1]) & 0xff), (size_t)s.n) : NULL;
    cell_set(&res[0], (uint64_t)(q ? q - s.p : -1));
}

static void last_index_byte_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    sv s = arg_sv(args, 0);
    char c = (char)(cell_get(&args[1]) & 0xff);
    int64_t i = s.n - 1;
    while (i >= 0 && s.p[i] != c)
        i--;
    cell_set(&res[0], (uint64_t)i);
}

/* Simple case folding: equal, or equal once both are lowered or raised. */
static int rune_fold_eq(int32_t a, int32_t b)
{
    return a == b || lib_rune_to_lower(a) == lib_rune_to_lower(b) ||
           lib_rune_to_upper(a) == lib_rune_to_upper(b);
}

static void equal_fold_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    sv a = arg_sv(args, 0), b = arg_sv(args, 1);
    int64_t i = 0, j = 0;
    int eq = 1;
    while (eq && i < a.n && j < b.n) {
        int32_t r1, r2;
        i += rune_at(a.p + i, a.n - i, &r1);
        j += rune_at(b.p + j, b.n - j, &r2);
        eq = rune_fold_eq(r1, r2);
    }
    cell_set(&res[0], (uint64_t)(eq && i == a.n && j == b.n));
}

/* ---- []string results ---- */

typedef struct strvec {
    uint64_t *v;
    int64_t n, cap;
} strvec;

static void strvec_push(gor *g, strvec *a, uint64_t w)
{
    if (a->n == a->cap) {
        int64_t cap = a->cap ? a->cap * 2 : 8;
        uint64_t *v = realloc(a->v, (size_t)cap * sizeof *v);
        if (!v) {
            free(a->v);
            gor_fatal(g, "out of memory");
        }
        a->v = v;
        a->cap = cap;
    }
    a->v[a->n++] = w;
}

/* The slice of a's strings (a freed); nil_if_empty for Go's nil results. */
static uint64_t strvec_slice(gor *g, strvec *a, int nil_if_empty)
{
    if (a->n == 0 && nil_if_empty) {
        free(a->v);
        return 0;
    }
    gslice *s = lib_slice_make(g, a->n, a->n);
    for (int64_t i = 0; i < a->n; i++)
        cell_set(&s->base[i], a->v[i]);
    free(a->v);
    return (uint64_t)(uintptr_t)s;
}

/* Go's genSplit: n < 0 is all; sep "" splits into UTF-8 sequences. */
static uint64_t gen_split(gor *g, const gstr *s, sv sep, int64_t save, int64_t n)
{
    strvec a = {0};
    int64_t len = gstr_len(s);
    if (n == 0)
        return 0;
    if (sep.n == 0) {
        int64_t l = (int64_t)numfmt_utf8_count(gstr_ptr(s), (size_t)len);
        if (n < 0 || n > l)
            n = l;
        int64_t off = 0;
        for (int64_t i = 0; i < n - 1; i++) {
            int32_t r;
            int w = rune_at(gstr_ptr(s) + off, len - off, &r);
            strvec_push(g, &a, lib_substr(g, s, off, w));
            off += w;
        }
        if (n > 0)
            strvec_push(g, &a, lib_substr(g, s, off, len - off));
        return strvec_slice(g, &a, 0);
    }
    sv rest = {gstr_ptr(s), len};
    if (n < 0)
        n = sv_count(rest, sep) + 1;
    int64_t off = 0;
    for (int64_t i = 0; i < n - 1; i++) {
        int64_t m = sv_index((sv){rest.p + off, len - off}, sep);
        if (m < 0)
            break;
        strvec_push(g, &a, lib_substr(g, s, off, m + save));
        off += m + sep.n;
    }
    strvec_push(g, &a, lib_substr(g, s, off, len - off));
    return strvec_slice(g, &a, 0);
}

static void split_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], gen_split(g, arg_gstr(args, 0), arg_sv(args, 1), 0, -1));
}

static void split_n_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0],
             gen_split(g, arg_gstr(args, 0), arg_sv(args, 1), 0, (int64_t)cell_get(&args[2])));
}

static void split_after_native(gor *g, gcell *args, gcell *res)
{
    sv sep = arg_sv(args, 1);
    cell_set(&res[0], gen_split(g, arg_gstr(args, 0), sep, sep.n, -1));
}

static void split_after_n_native(gor *g, gcell *args, gcell *res)
{
    sv sep = arg_sv(args, 1);
    cell_set(&res[0], gen_split(g, arg_gstr(args, 0), sep, sep.n, (int64_t)cell_get(&args[2])));
}

/* f(r) for a func(rune) bool. */
static int call_pred(gor *g, gclosure *f, int32_t r)
{
    gcell a[1], out[1];
    cell_set(&a[0], (uint64_t)(int64_t)r);
    eval_call(g, f, a, out);
    return cell_get(&out[0]) != 0;
}

/* Fields (f NULL: unicode spaces) and FieldsFunc. */
static uint64_t fields(gor *g, const gstr *s, gclosure *f)
{
    strvec a = {0};
    int64_t len = gstr_len(s), start = -1;
    const char *p = gstr_ptr(s);
    for (int64_t i = 0; i < len;) {
        int32_t r;
        int w = rune_at(p + i, len - i, &r);
        int sep = f ? call_pred(g, f, r) : lib_rune_is_space(r);
        if (sep && start >= 0) {
            strvec_push(g, &a, lib_substr(g, s, start, i - start));
            start = -1;
        } else if (!sep && start < 0) {
            start = i;
        }
        i += w;
    }
    if (start >= 0)
        strvec_push(g, &a, lib_substr(g, s, start, len - start));
    /* Fields gives an empty, non-nil slice; FieldsFunc the same */
    return strvec_slice(g, &a, 0);
}

static void fields_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], fields(g, arg_gstr(args, 0), NULL));
}

static void fields_func_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], fields(g, arg_gstr(args, 0), (gclosure *)(uintptr_t)cell_get(&args[1])));
}

static void join_native(gor *g, gcell *args, gcell *res)
{
    const gslice *e = (const gslice *)(uintptr_t)cell_get(&args[0]);
    sv sep = arg_sv(args, 1);
    gbuf b = GBUF_INIT;
    for (int64_t i = 0; e && i < e->len; i++) {
        if (i)
            gbuf_put(&b, sep.p, (size_t)sep.n);
        const gstr *s = word_str(cell_get(&e->base[i]));
        gbuf_put(&b, gstr_ptr(s), (size_t)gstr_len(s));
    }
    cell_set(&res[0], buf_word(g, &b));
}

static void repeat_native(gor *g, gcell *args, gcell *res)
{
    sv s = arg_sv(args, 0);
    int64_t count = (int64_t)cell_get(&args[1]);
    if (count < 0)
        gor_panic_string(g, "strings: negative Repeat count");
    if (s.n && count > INT64_MAX / s.n)
        gor_panic_string(g, "strings: Repeat count causes overflow");
    int64_t total = s.n * count;
    if (total == 0) {
        cell_set(&res[0], 0);
        return;
    }
    char *p = gor_alloc_bytes(g, total);
    for (int64_t i = 0; i < count; i++)
        memcpy(p + i * s.n, s.p, (size_t)s.n);
    gstr *r = gor_alloc_bytes(g, sizeof *r);
    r->p = p;
    r->len = total;
    cell_set(&res[0], (uint64_t)(uintptr_t)r);
}

static uint64_t replace(gor *g, const gstr *str, sv old, sv new, int64_t n)
{
    sv s = {gstr_ptr(str), gstr_len(str)};
    if ((old.n == new.n &&memcmp(old.p, new.p, (size_t)old.n) == 0) || n == 0)
        return (uint64_t)(uintptr_t)str;
    int64_t m = sv_count(s, old);
    if (m == 0)
        return (uint64_t)(uintptr_t)str;
    if (n < 0 || m < n)
        n = m;
    gbuf b = GBUF_INIT;
    int64_t start = 0;
    for (int64_t i = 0; i < n; i++) {
        int64_t j = start;
        if (old.n == 0) {
            if (i > 0 && start < s.n) {
                int32_t r;
                j += rune_at(s.p + start, s.n - start, &r);
            }
        } else {
            j += sv_index((sv){s.p + start, s.n - start}, old);
        }
        gbuf_put(&b, s.p + start, (size_t)(j - start));
        gbuf_put(&b, new.p, (size_t) new.n);
        start = j + old.n;
    }
    gbuf_put(&b, s.p + start, (size_t)(s.n - start));
    return buf_word(g, &b);
}

static void replace_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], replace(g, arg_gstr(args, 0), arg_sv(args, 1), arg_sv(args, 2),
                              (int64_t)cell_get(&args[3])));
}

static void replace_all_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], replace(g, arg_gstr(args, 0), arg_sv(args, 1), arg_sv(args, 2), -1));
}

/* Map over the runes (mapping NULL: fn), dropping negative results. */
static uint64_t map_runes(gor *g, const gstr *str, gclosure *mapping, int32_t (*fn)(int32_t))
{
    sv s = {gstr_ptr(str), gstr_len(str)};
    gbuf b = GBUF_INIT;
    int changed = 0;
    for (int64_t i = 0; i < s.n;) {
        int32_t r, m;
        int w = rune_at(s.p + i, s.n - i, &r);
        if (mapping) {
            gcell a[1], out[1];
            cell_set(&a[0], (uint64_t)(int64_t)r);
            eval_call(g, mapping, a, out);
            m = (int32_t)cell_get(&out[0]);
        } else {
            m = fn(r);
        }
        /* an invalid byte is rewritten as U+FFFD even when mapped to itself */
        changed |= m != r || (r == NUMFMT_RUNE_ERROR && w == 1);
        if (m >= 0)
            gbuf_put_rune(&b, m);
        i += w;
    }
    if (!changed) {
        gbuf_free(&b);
        return (uint64_t)(uintptr_t)str;
    }
    return buf_word(g, &b);
}

static void map_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0],
             map_runes(g, arg_gstr(args, 1), (gclosure *)(uintptr_t)cell_get(&args[0]), NULL));
}

static void to_upper_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], map_runes(g, arg_gstr(args, 0), NULL, lib_rune_to_upper));
}

static void to_lower_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], map_runes(g, arg_gstr(args, 0), NULL, lib_rune_to_lower));
}

/* Title's word boundaries (Go's isSeparator). */
static int is_separator(int32_t r)
{
    if (r <= 0x7F)
        return !((r >= '0' && r <= '9') || ((r | 0x20) >= 'a' && (r | 0x20) <= 'z') || r == '_');
    if (lib_rune_is_letter(r) || lib_rune_is_digit(r))
        return 0;
    return lib_rune_is_space(r);
}

static void title_native(gor *g, gcell *args, gcell *res)
{
    sv s = arg_sv(args, 0);
    gbuf b = GBUF_INIT;
    int32_t prev = ' ';
    for (int64_t i = 0; i < s.n;) {
        int32_t r;
        int w = rune_at(s.p + i, s.n - i, &r);
        gbuf_put_rune(&b, is_separator(prev) ? lib_rune_to_upper(r) : r);
        prev = r;
        i += w;
    }
    cell_set(&res[0], buf_word(g, &b));
}

/* ---- trimming ---- */

/* The rune ending at s.p[end] (end > 0) and its width. */
static int rune_before(sv s, int64_t end, int32_t *r)
{
    if ((unsigned char)s.p[end - 1] < 0x80) {
        *r = (unsigned char)s.p[end - 1];
        return 1;
    }
    int64_t start = end - 1, lim = end - 4 < 0 ? 0 : end - 4;
    for (start--; start >= lim; start--)
        if (((unsigned char)s.p[start] & 0xC0) != 0x80)
            break;
    if (start < 0)
        start = 0;
    int w = numfmt_utf8_decode(s.p + start, (size_t)(end - start), r);
    if (start + w != end) {
        *r = NUMFMT_RUNE_ERROR;
        return 1;
    }
    return w;
}

typedef struct trim_by {
    gor *g;
    gclosure *f; /* a func(rune) bool, or */
    sv set;      /* a cutset, or */
    int space;   /* unicode spaces */
} trim_by;

static int trim_match(const trim_by *t, int32_t r)
{
    if (t->f)
        return call_pred(t->g, t->f, r);
    if (t->space)
        return lib_rune_is_space(r);
    return sv_has_rune(t->set, r);
}

static uint64_t trim(gor *g, const gstr *str, const trim_by *t, int left, int right)
{
    sv s = {gstr_ptr(str), gstr_len(str)};
    int64_t lo = 0, hi = s.n;
    while (left && lo < hi) {
        int32_t r;
        int w = rune_at(s.p + lo, hi - lo, &r);
        if (!trim_match(t, r))
            break;
        lo += w;
    }
    while (right && hi > lo) {
        int32_t r;
        int w = rune_before((sv){s.p + lo, hi - lo}, hi - lo, &r);
        if (!trim_match(t, r))
            break;
        hi -= w;
    }
    return lib_substr(g, str, lo, hi - lo);
}

static void trim_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .set = arg_sv(args, 1)};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 1, 1));
}

static void trim_left_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .set = arg_sv(args, 1)};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 1, 0));
}

static void trim_right_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .set = arg_sv(args, 1)};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 0, 1));
}

static void trim_space_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .space = 1};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 1, 1));
}

static void trim_func_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .f = (gclosure *)(uintptr_t)cell_get(&args[1])};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 1, 1));
}

static void trim_left_func_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .f = (gclosure *)(uintptr_t)cell_get(&args[1])};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 1, 0));
}

static void trim_right_func_native(gor *g, gcell *args, gcell *res)
{
    trim_by t = {.g = g, .f = (gclosure *)(uintptr_t)cell_get(&args[1])};
    cell_set(&res[0], trim(g, arg_gstr(args, 0), &t, 0, 1));
}

static void index_func_native(gor *g, gcell *args, gcell *res)
{
    sv s = arg_sv(args, 0);
    gclosure *f = (gclosure *)(uintptr_t)cell_get(&args[1]);
    int64_t found = -1;
    for (int64_t i = 0; i < s.n && found < 0;) {
        int32_t r;
        int w = rune_at(s.p + i, s.n - i, &r);
        if (call_pred(g, f, r))
            found = i;
        i += w;
    }
    cell_set(&res[0], (uint64_t)found);
}

static void trim_prefix_native(gor *g, gcell *args, gcell *res)
{
    const gstr *str = arg_gstr(args, 0);
    sv s = arg_sv(args, 0), p = arg_sv(args, 1);
    int has = s.n >= p.n && memcmp(s.p, p.p, (size_t)p.n) == 0;
    cell_set(&res[0], has ? lib_substr(g, str, p.n, s.n - p.n) : (uint64_t)(uintptr_t)str);
}

static void trim_suffix_native(gor *g, gcell *args, gcell *res)
{
    const gstr *str = arg_gstr(args, 0);
    sv s = arg_sv(args, 0), p = arg_sv(args, 1);
    int has = s.n >= p.n && memcmp(s.p + s.n - p.n, p.p, (size_t)p.n) == 0;
    cell_set(&res[0], has ? lib_substr(g, str, 0, s.n - p.n) : (uint64_t)(uintptr_t)str);
}

static void cut_native(gor *g, gcell *args, gcell *res)
{
    const gstr *str = arg_gstr(args, 0);
    sv s = arg_sv(args, 0), sep = arg_sv(args, 1);
    int64_t i = sv_index(s, sep);
    if (i < 0) {
        cell_set(&res[0], (uint64_t)(uintptr_t)str);
        cell_set(&res[1], 0);
        cell_set(&res[2], 0);
        return;
    }
    cell_set(&res[0], lib_substr(g, str, 0, i));
    cell_set(&res[1], lib_substr(g, str, i + sep.n, s.n - i - sep.n));
    cell_set(&res[2], 1);
}

/* ---- Builder: struct{ b []byte }, the bytes one word each ---- */

static gcell *builder_of(gor *g, const gcell *args)
{
    gcell *b = (gcell *)(uintptr_t)cell_get(&args[0]);
    if (!b)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return b;
}

/* Room for n more bytes; the slice (a new header: headers are immutable). */
static gslice *builder_grow(gor *g, gcell *b, int64_t n)
{
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&b[0]);
    int64_t len = s ? s->len : 0, cap = s ? s->cap : 0;
    gslice *ns = gor_alloc_bytes(g, sizeof *ns);
    ns->len = len;
    if (len + n <= cap) {
        ns->base = s->base;
        ns->cap = cap;
    } else {
        int64_t nc = cap * 2 + n;
        ns->base = gor_alloc(g, nc);
        ns->cap = nc;
        if (s)
            for (int64_t i = 0; i < len; i++)
                cell_set(&ns->base[i], cell_get(&s->base[i]));
    }
    return ns;
}

static void builder_put(gor *g, gcell *b, const char *p, int64_t n)
{
    if (n <= 0)
        return;
    gslice *s = builder_grow(g, b, n);
    for (int64_t i = 0; i < n; i++)
        cell_set(&s->base[s->len + i], (unsigned char)p[i]);
    s->len += n;
    cell_set(&b[0], (uint64_t)(uintptr_t)s);
}

static void builder_write_string_native(gor *g, gcell *args, gcell *res)
{
    sv s = arg_sv(args, 1);
    builder_put(g, builder_of(g, args), s.p, s.n);
    cell_set(&res[0], (uint64_t)s.n);
    cell_set(&res[1], 0);
}

static void builder_write_byte_native(gor *g, gcell *args, gcell *res)
{
    char c = (char)(cell_get(&args[1]) & 0xff);
    builder_put(g, builder_of(g, args), &c, 1);
    cell_set(&res[0], 0);
}

static void builder_write_rune_native(gor *g, gcell *args, gcell *res)
{
    gbuf t = GBUF_INIT;
    gbuf_put_rune(&t, (int32_t)cell_get(&args[1]));
    builder_put(g, builder_of(g, args), t.p, (int64_t)t.len);
    cell_set(&res[0], t.len);
    cell_set(&res[1], 0);
    gbuf_free(&t);
}

static void builder_write_native(gor *g, gcell *args, gcell *res)
{
    gcell *b = builder_of(g, args);
    const gslice *p = (const gslice *)(uintptr_t)cell_get(&args[1]);
    int64_t n = p ? p->len : 0;
    if (n > 0) {
        gslice *s = builder_grow(g, b, n);
        for (int64_t i = 0; i < n; i++)
            cell_set(&s->base[s->len + i], cell_get(&p->base[i]) & 0xff);
        s->len += n;
        cell_set(&b[0], (uint64_t)(uintptr_t)s);
    }
    cell_set(&res[0], (uint64_t)n);
    cell_set(&res[1], 0);
}

static void builder_string_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&builder_of(g, args)[0]);
    int64_t n = s ? s->len : 0;
    if (n == 0) {
        cell_set(&res[0], 0);
        return;
    }
    gstr *r = gor_alloc_bytes(g, (int64_t)sizeof *r + n);
    char *p = (char *)(r + 1);
    for (int64_t i = 0; i < n; i++)
        p[i] = (char)cell_get(&s->base[i]);
    r->p = p;
    r->len = n;
    cell_set(&res[0], (uint64_t)(uintptr_t)r);
}

static void builder_len_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&builder_of(g, args)[0]);
    cell_set(&res[0], (uint64_t)(s ? s->len : 0));
}

static void builder_cap_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&builder_of(g, args)[0]);
    cell_set(&res[0], (uint64_t)(s ? s->cap : 0));
}

static void builder_reset_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cell_set(&builder_of(g, args)[0], 0);
}

static void builder_grow_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n = (int64_t)cell_get(&args[1]);
    if (n < 0)
        gor_panic_string(g, "strings.Builder.Grow: negative count");
    gcell *b = builder_of(g, args);
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&b[0]);
    if (s ? s->cap - s->len >= n : n == 0)
        return;
    cell_set(&b[0], (uint64_t)(uintptr_t)builder_grow(g, b, n));
}

/* ---- Replacer: struct{ r []string }, the old/new pairs ---- */

static void new_replacer_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = (const gslice *)(uintptr_t)cell_get(&args[0]);
    if (s && s->len % 2 == 1)
        gor_panic_string(g, "strings.NewReplacer: odd argument count");
    gcell *obj = gor_alloc(g, 1);
    if (s) {
        gslice *c = lib_slice_make(g, s->len, s->len);
        cells_copy(c->base, s->base, (int32_t)s->len);
        cell_set(&obj[0], (uint64_t)(uintptr_t)c);
    }
    cell_set(&res[0], (uint64_t)(uintptr_t)obj);
}

/* At each position the first pair (in argument order) whose old string
 * matches is replaced, as Go's replacers choose; no overlaps. */
static void replacer_replace_native(gor *g, gcell *args, gcell *res)
{
    const gcell *obj = builder_of(g, args);
    const gslice *pairs = (const gslice *)(uintptr_t)cell_get(&obj[0]);
    const gstr *str = arg_gstr(args, 1);
    sv s = {gstr_ptr(str), gstr_len(str)};
    int64_t np = pairs ? pairs->len / 2 : 0;
    if (np == 0) {
        cell_set(&res[0], (uint64_t)(uintptr_t)str);
        return;
    }
    gbuf b = GBUF_INIT;
    int changed = 0;
    for (int64_t i = 0; i <= s.n;) {
        int64_t k = 0;
        sv old = {0}, new = {0};
        for (; k < np; k++) {
            const gstr *o = word_str(cell_get(&pairs->base[2 * k]));
            old = (sv){gstr_ptr(o), gstr_len(o)};
            if (old.n <= s.n - i && memcmp(s.p + i, old.p, (size_t)old.n) == 0)
                break;
        }
        if (k < np) {
            const gstr *nw = word_str(cell_get(&pairs->base[2 * k + 1]));
            new = (sv){gstr_ptr(nw), gstr_len(nw)};
            gbuf_put(&b, new.p, (size_t) new.n);
            changed = 1;
            if (old.n > 0) {
                i += old.n;
                continue;
            }
        }
        if (i < s.n)
            gbuf_putc(&b, s.p[i]);
        i++;
    }
    if (!changed) {
        gbuf_free(&b);
        cell_set(&res[0], (uint64_t)(uintptr_t)str);
        return;
    }
    cell_set(&res[0], buf_word(g, &b));
}

/* ---- Reader: struct{ s string; i int64 } (Len only) ---- */

static void new_reader_native(gor *g, gcell *args, gcell *res)
{
    gcell *obj = gor_alloc(g, 2);
    cell_set(&obj[0], cell_get(&args[0]));
    cell_set(&res[0], (uint64_t)(uintptr_t)obj);
}

static void reader_len_native(gor *g, gcell *args, gcell *res)
{
    const gcell *r = builder_of(g, args);
    int64_t n = gstr_len(word_str(cell_get(&r[0]))) - (int64_t)cell_get(&r[1]);
    cell_set(&res[0], (uint64_t)(n > 0 ? n : 0));
}

const golib_native lib_strings_natives[] = {
    {"Contains", contains_native},
    {"ContainsRune", contains_rune_native},
    {"ContainsAny", contains_any_native},
    {"Count", count_native},
    {"Compare", compare_native},
    {"EqualFold", equal_fold_native},
    {"Fields", fields_native},
    {"FieldsFunc", fields_func_native},
    {"HasPrefix", has_prefix_native},
    {"HasSuffix", has_suffix_native},
    {"Index", index_native},
    {"IndexAny", index_any_native},
    {"IndexByte", index_byte_native},
    {"IndexFunc", index_func_native},
    {"IndexRune", index_rune_native},
    {"Join", join_native},
    {"LastIndex", last_index_native},
    {"LastIndexAny", last_index_any_native},
    {"LastIndexByte", last_index_byte_native},
    {"Repeat", repeat_native},
    {"Replace", replace_native},
    {"ReplaceAll", replace_all_native},
    {"Split", split_native},
    {"SplitN", split_n_native},
    {"SplitAfter", split_after_native},
    {"SplitAfterN", split_after_n_native},
    {"Title", title_native},
    {"ToLower", to_lower_native},
    {"ToUpper", to_upper_native},
    {"ToTitle", to_upper_native},
    {"Trim", trim_native},
    {"TrimSpace", trim_space_native},
    {"TrimLeft", trim_left_native},
    {"TrimRight", trim_right_native},
    {"TrimFunc", trim_func_native},
    {"TrimLeftFunc", trim_left_func_native},
    {"TrimRightFunc", trim_right_func_native},
    {"TrimPrefix", trim_prefix_native},
    {"TrimSuffix", trim_suffix_native},
    {"Cut", cut_native},
    {"Map", map_native},
    {"*Builder.WriteString", builder_write_string_native},
    {"*Builder.WriteByte", builder_write_byte_native},
    {"*Builder.WriteRune", builder_write_rune_native},
    {"*Builder.Write", builder_write_native},
    {"*Builder.String", builder_string_native},
    {"*Builder.Len", builder_len_native},
    {"*Builder.Cap", builder_cap_native},
    {"*Builder.Reset", builder_reset_native},
    {"*Builder.Grow", builder_grow_native},
    {"NewReplacer", new_replacer_native},
    {"*Replacer.Replace", replacer_replace_native},
    {"NewReader", new_reader_native},
    {"*Reader.Len", reader_len_native},
    {NULL, NULL},
};
