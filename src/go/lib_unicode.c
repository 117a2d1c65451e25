/* lib_unicode.c - packages unicode and unicode/utf8, and the rune classes
 * strings shares (Fields, ToUpper, EqualFold...).
 *
 * UTF-8 is numfmt's (Go's exact rules).  The classes are exact for ASCII
 * and Latin-1, where Go's unicode package answers from its own Latin-1
 * table; beyond it they cover the common scripts (Latin Extended-A, Greek,
 * Cyrillic, and the letters of the big CJK, kana and Hangul blocks) rather
 * than Go's full Unicode 13 tables: a program classing a rune outside them
 * may get a different answer. */
#include "lib_natives.h"

#include "numfmt.h"

typedef struct rrange {
    int32_t lo, hi;
} rrange;

static int in_ranges(const rrange *r, size_t n, int32_t c)
{
    for (size_t i = 0; i < n; i++)
        if (c >= r[i].lo && c <= r[i].hi)
            return 1;
    return 0;
}

int lib_rune_is_space(int32_t r)
{
    if (r <= 0xFF)
        return r == ' ' || (r >= '\t' && r <= '\r') || r == 0x85 || r == 0xA0;
    return r == 0x1680 || (r >= 0x2000 && r <= 0x200A) || r == 0x2028 || r == 0x2029 ||
           r == 0x202F || r == 0x205F || r == 0x3000;
}

int lib_rune_is_upper(int32_t r)
{
    if (r < 0x80)
        return r >= 'A' && r <= 'Z';
    if (r <= 0xFF)
        return r >= 0xC0 && r <= 0xDE && r != 0xD7;
    if ((r >= 0x100 && r <= 0x137) || (r >= 0x14A && r <= 0x177))
        return (r & 1) == 0;
    if ((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E))
        return (r & 1) == 1;
    if (r == 0x178)
        return 1;
    if (r >= 0x391 && r <= 0x3A9)
        return r != 0x3A2;
    return r >= 0x400 && r <= 0x42F;
}

int lib_rune_is_lower(int32_t r)
{
    if (r < 0x80)
        return r >= 'a' && r <= 'z';
    if (r <= 0xFF)
        return r == 0xB5 || (r >= 0xDF && r != 0xF7);
    if ((r >= 0x100 && r <= 0x137) || (r >= 0x14A && r <= 0x177))
        return (r & 1) == 1;
    if ((r >= 0x139 && r <= 0x148) || (r >= 0x179 && r <= 0x17E))
        return (r & 1) == 0;
    if (r == 0x138 || r == 0x149 || r == 0x17F)
        return 1;
    if (r >= 0x3AC && r <= 0x3CE)
        return 1;
    return r >= 0x430 && r <= 0x45F;
}

int lib_rune_is_letter(int32_t r)
{
    if (r < 0x80)
        return (r | 0x20) >= 'a' && (r | 0x20) <= 'z';
    if (r <= 0xFF)
        return r == 0xAA || r == 0xB5 || r == 0xBA || (r >= 0xC0 && r != 0xD7 && r != 0xF7);
    static const rrange letters[] = {
        {0x100, 0x2C1},   {0x370, 0x373},   {0x376, 0x377},   {0x37B, 0x37D},   {0x386, 0x386},
        {0x388, 0x3FF},   {0x400, 0x481},   {0x48A, 0x52F},   {0x531, 0x556},   {0x561, 0x587},
        {0x5D0, 0x5EA},   {0x620, 0x64A},   {0x671, 0x6D3},   {0x904, 0x939},   {0xE01, 0xE30},
        {0xE32, 0xE33},   {0xE40, 0xE46},   {0x10A0, 0x10FF}, {0x1E00, 0x1FBC}, {0x3041, 0x3096},
        {0x309D, 0x309F}, {0x30A1, 0x30FA}, {0x30FC, 0x30FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFC},
        {0xAC00, 0xD7A3}, {0xF900, 0xFA6D}, {0xFF21, 0xFF3A}, {0xFF41, 0xFF5A}, {0xFF66, 0xFFDC},
    };
    return in_ranges(letters, sizeof letters / sizeof letters[0], r);
}

int lib_rune_is_digit(int32_t r)
{
    if (r <= 0xFF)
        return r >= '0' && r <= '9';
    static const rrange digits[] = {
        {0x660, 0x669}, {0x6F0, 0x6F9}, {0x966, 0x96F},   {0x9E6, 0x9EF},
        {0xE50, 0xE59}, {0xED0, 0xED9}, {0xFF10, 0xFF19},
    };
    return in_ranges(digits, sizeof digits / sizeof digits[0], r);
}

int lib_rune_is_punct(int32_t r)
{
    if (r < 0x80) /* category P: $+<=>^`|~ are symbols, not punctuation */
        return (r >= '!' && r <= '/' && r != '$' && r != '+') || r == ':' || r == ';' || r == '?' ||
               r == '@' || (r >= '[' && r <= ']') || r == '_' || r == '{' || r == '}';
    if (r <= 0xFF)
        return r == 0xA1 || r == 0xA7 || r == 0xAB || r == 0xB6 || r == 0xB7 || r == 0xBB ||
               r == 0xBF;
    static const rrange punct[] = {
        {0x2010, 0x2027}, {0x2030, 0x2043}, {0x2045, 0x2051}, {0x2053, 0x205E},
        {0x3001, 0x3003}, {0x3008, 0x3011}, {0xFF01, 0xFF03}, {0xFF05, 0xFF0A},
        {0xFF0C, 0xFF0F}, {0xFF1A, 0xFF1B}, {0xFF1F, 0xFF20},
    };
    return in_ranges(punct, sizeof punct / sizeof punct[0], r);
}

int32_t lib_rune_to_upper(int32_t r)
{
    if (r < 0x80)
        return r >= 'a' && r <= 'z' ? r - 32 : r;
    if (r <= 0xFF) {
        if (r == 0xB5)
            return 0x39C;
        if (r == 0xFF)
            return 0x178;
        return r >= 0xE0 && r != 0xF7 ? r - 32 : r;
    }
    if (!lib_rune_is_lower(r))
        return r;
    if (r <= 0x17E) {
        if (r == 0x17F)
            return 'S';
        if (r == 0x131)
            return 'I';
        if (r == 0x138 || r == 0x149)
            return r;
        return r - 1;
    }
    if (r == 0x17F)
        return 'S';
    if (r >= 0x3B1 && r <= 0x3CB)
        return r == 0x3C2 ? 0x3A3 : r - 32;
    if (r >= 0x430 && r <= 0x44F)
        return r - 32;
    if (r >= 0x450 && r <= 0x45F)
        return r - 80;
    return r;
}

int32_t lib_rune_to_lower(int32_t r)
{
    if (r < 0x80)
        return r >= 'A' && r <= 'Z' ? r + 32 : r;
    if (r <= 0xFF)
        return r >= 0xC0 && r <= 0xDE && r != 0xD7 ? r + 32 : r;
    if (!lib_rune_is_upper(r))
        return r;
    if (r == 0x178)
        return 0xFF;
    if (r == 0x130)
        return 'i';
    if (r <= 0x17E)
        return r + 1;
    if (r >= 0x391 && r <= 0x3AB)
        return r + 32;
    if (r >= 0x410 && r <= 0x42F)
        return r + 32;
    if (r >= 0x400 && r <= 0x40F)
        return r + 80;
    return r;
}

/* ---- unicode ---- */

#define RUNE_PRED(name, fn)                                                                        \
    static void name(gor *g, gcell *args, gcell *res)                                              \
    {                                                                                              \
        (void)g;                                                                                   \
        cell_set(&res[0], (uint64_t)(fn((int32_t)cell_get(&args[0])) != 0));                       \
    }

RUNE_PRED(is_upper_native, lib_rune_is_upper)
RUNE_PRED(is_lower_native, lib_rune_is_lower)
RUNE_PRED(is_letter_native, lib_rune_is_letter)
RUNE_PRED(is_digit_native, lib_rune_is_digit)
RUNE_PRED(is_space_native, lib_rune_is_space)
RUNE_PRED(is_punct_native, lib_rune_is_punct)
RUNE_PRED(is_print_native, numfmt_is_print)
RUNE_PRED(is_graphic_native, numfmt_is_graphic)

static int rune_is_number(int32_t r)
{
    return lib_rune_is_digit(r) || r == 0xB2 || r == 0xB3 || r == 0xB9 || (r >= 0xBC && r <= 0xBE);
}
RUNE_PRED(is_number_native, rune_is_number)

static int rune_is_control(int32_t r)
{
    return (uint32_t)r <= 0x1F || (r >= 0x7F && r <= 0x9F);
}
RUNE_PRED(is_control_native, rune_is_control)

static void to_upper_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(int64_t)lib_rune_to_upper((int32_t)cell_get(&args[0])));
}

static void to_lower_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(int64_t)lib_rune_to_lower((int32_t)cell_get(&args[0])));
}

const golib_native lib_unicode_natives[] = {
    {"IsUpper", is_upper_native},     {"IsLower", is_lower_native},
    {"IsLetter", is_letter_native},   {"IsDigit", is_digit_native},
    {"IsNumber", is_number_native},   {"IsSpace", is_space_native},
    {"IsPunct", is_punct_native},     {"IsPrint", is_print_native},
    {"IsGraphic", is_graphic_native}, {"IsControl", is_control_native},
    {"ToUpper", to_upper_native},     {"ToLower", to_lower_native},
    {"ToTitle", to_upper_native},     {NULL, NULL},
};

/* ---- unicode/utf8 ---- */

static const gstr *arg_str(const gcell *args, int i)
{
    return word_str(cell_get(&args[i]));
}

static const gslice *arg_slice(const gcell *args, int i)
{
    return (const gslice *)(uintptr_t)cell_get(&args[i]);
}

/* A []byte's bytes in a malloc'd buffer (NULL if empty); *n its length. */
static char *bytes_of(gor *g, const gslice *s, size_t *n)
{
    *n = s ? (size_t)s->len : 0;
    if (!*n)
        return NULL;
    char *p = malloc(*n);
    if (!p)
        gor_fatal(g, "out of memory");
    for (size_t i = 0; i < *n; i++)
        p[i] = (char)cell_get(&s->base[i]);
    return p;
}

static void rune_count_in_string_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gstr *s = arg_str(args, 0);
    cell_set(&res[0], numfmt_utf8_count(gstr_ptr(s), (size_t)gstr_len(s)));
}

static void rune_count_native(gor *g, gcell *args, gcell *res)
{
    size_t n;
    char *p = bytes_of(g, arg_slice(args, 0), &n);
    cell_set(&res[0], p ? numfmt_utf8_count(p, n) : 0);
    free(p);
}

static void valid_native(gor *g, gcell *args, gcell *res)
{
    size_t n;
    char *p = bytes_of(g, arg_slice(args, 0), &n);
    cell_set(&res[0], (uint64_t)(p ? numfmt_utf8_valid(p, n) != 0 : 1));
    free(p);
}

static void decode(const char *p, size_t n, gcell *res)
{
    int32_t r = NUMFMT_RUNE_ERROR;
    int w = n ? numfmt_utf8_decode(p, n, &r) : 0;
    cell_set(&res[0], (uint64_t)(int64_t)r);
    cell_set(&res[1], (uint64_t)w);
}

static void decode_rune_in_string_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gstr *s = arg_str(args, 0);
    decode(gstr_ptr(s), (size_t)gstr_len(s), res);
}

static void decode_rune_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = arg_slice(args, 0);
    char buf[4];
    size_t n = s ? (size_t)(s->len < 4 ? s->len : 4) : 0;
    for (size_t i = 0; i < n; i++)
        buf[i] = (char)cell_get(&s->base[i]);
    (void)g;
    decode(buf, n, res);
}

/* DecodeLastRune: back up to the rune start within UTFMax bytes, then
 * decode; anything but a valid rune ending at the end is (RuneError, 1). */
static void decode_last(const char *p, size_t n, gcell *res)
{
    if (n == 0) {
        cell_set(&res[0], NUMFMT_RUNE_ERROR);
        cell_set(&res[1], 0);
        return;
    }
    int64_t end = (int64_t)n, start = end - 1;
    if ((unsigned char)p[start] < 0x80) {
        cell_set(&res[0], (unsigned char)p[start]);
        cell_set(&res[1], 1);
        return;
    }
    int64_t lim = end - 4 < 0 ? 0 : end - 4;
    for (start--; start >= lim; start--)
        if (((unsigned char)p[start] & 0xC0) != 0x80)
            break;
    if (start < 0)
        start = 0;
    int32_t r;
    int w = numfmt_utf8_decode(p + start, (size_t)(end - start), &r);
    if (start + w != end) {
        cell_set(&res[0], NUMFMT_RUNE_ERROR);
        cell_set(&res[1], 1);
        return;
    }
    cell_set(&res[0], (uint64_t)(int64_t)r);
    cell_set(&res[1], (uint64_t)w);
}

static void decode_last_rune_in_string_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gstr *s = arg_str(args, 0);
    decode_last(gstr_ptr(s), (size_t)gstr_len(s), res);
}

static void valid_string_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gstr *s = arg_str(args, 0);
    cell_set(&res[0], (uint64_t)(numfmt_utf8_valid(gstr_ptr(s), (size_t)gstr_len(s)) != 0));
}

static int rune_len(int32_t r)
{
    if (r < 0)
        return -1;
    if (r < 0x80)
        return 1;
    if (r < 0x800)
        return 2;
    if (r >= 0xD800 && r <= 0xDFFF)
        return -1;
    if (r < 0x10000)
        return 3;
    if (r <= NUMFMT_MAX_RUNE)
        return 4;
    return -1;
}

static void rune_len_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(int64_t)rune_len((int32_t)cell_get(&args[0])));
}

static void valid_rune_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(rune_len((int32_t)cell_get(&args[0])) > 0));
}

static void full_rune_in_string_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gstr *s = arg_str(args, 0);
    size_t n = (size_t)gstr_len(s);
    const unsigned char *p = (const unsigned char *)gstr_ptr(s);
    int full = 1;
    if (n == 0) {
        full = 0;
    } else if (p[0] >= 0xC2 && p[0] <= 0xF4) {
        size_t need = p[0] < 0xE0 ? 2 : p[0] < 0xF0 ? 3 : 4;
        if (n < need) {
            int32_t r;
            /* a prefix that is already invalid is a full (error) rune */
            gbuf b = GBUF_INIT;
            gbuf_put(&b, (const char *)p, n);
            for (size_t i = n; i < need; i++)
                gbuf_putc(&b, (char)0x80);
            full = b.failed ? 0 : numfmt_utf8_decode(b.p, need, &r) != (int)need;
            gbuf_free(&b);
        }
    }
    cell_set(&res[0], (uint64_t)full);
}

static void encode_rune_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = arg_slice(args, 0);
    gbuf b = GBUF_INIT;
    gbuf_put_rune(&b, (int32_t)cell_get(&args[1]));
    int64_t n = (int64_t)b.len;
    if (!s || s->len < n) {
        gbuf_free(&b);
        gor_panic_runtime(g, "index out of range [%lld] with length %lld",
                          (long long)(s ? s->len : 0), (long long)(s ? s->len : 0));
    }
    for (int64_t i = 0; i < n; i++)
        cell_set(&s->base[i], (unsigned char)b.p[i]);
    gbuf_free(&b);
    cell_set(&res[0], (uint64_t)n);
}

static void append_rune_native(gor *g, gcell *args, gcell *res)
{
    const gslice *s = arg_slice(args, 0);
    gbuf b = GBUF_INIT;
    gbuf_put_rune(&b, (int32_t)cell_get(&args[1]));
    int64_t len = s ? s->len : 0, n = (int64_t)b.len;
    gslice *out = gor_alloc_bytes(g, sizeof *out);
    if (s && s->cap >= len + n) {
        out->base = s->base;
        out->cap = s->cap;
    } else {
        int64_t cap = (len + n) * 2;
        out->base = gor_alloc(g, cap);
        out->cap = cap;
        if (s)
            cells_copy(out->base, s->base, (int32_t)len);
    }
    for (int64_t i = 0; i < n; i++)
        cell_set(&out->base[len + i], (unsigned char)b.p[i]);
    out->len = len + n;
    gbuf_free(&b);
    cell_set(&res[0], (uint64_t)(uintptr_t)out);
}

const golib_native lib_utf8_natives[] = {
    {"RuneCountInString", rune_count_in_string_native},
    {"RuneCount", rune_count_native},
    {"Valid", valid_native},
    {"DecodeRuneInString", decode_rune_in_string_native},
    {"DecodeRune", decode_rune_native},
    {"DecodeLastRuneInString", decode_last_rune_in_string_native},
    {"RuneLen", rune_len_native},
    {"ValidRune", valid_rune_native},
    {"ValidString", valid_string_native},
    {"FullRuneInString", full_rune_in_string_native},
    {"EncodeRune", encode_rune_native},
    {"AppendRune", append_rune_native},
    {NULL, NULL},
};
