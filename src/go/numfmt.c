#include "numfmt.h"

#include <math.h>
#include <string.h>

#include "isprint_tab.h"

/* ---- UTF-8 ---- */

int numfmt_rune_valid(int32_t r)
{
    return (r >= 0 && r < 0xD800) || (r > 0xDFFF && r <= NUMFMT_MAX_RUNE);
}

static int utf8_cont(unsigned char c)
{
    return c >= 0x80 && c <= 0xBF;
}

/* The bounds of the second byte after a lead byte (Go's acceptRanges):
 * they exclude overlong forms, surrogates and runes past U+10FFFF. */
static void utf8_second_range(unsigned char c, unsigned char *lo, unsigned char *hi)
{
    *lo = 0x80;
    *hi = 0xBF;
    if (c == 0xE0)
        *lo = 0xA0;
    else if (c == 0xED)
        *hi = 0x9F;
    else if (c == 0xF0)
        *lo = 0x90;
    else if (c == 0xF4)
        *hi = 0x8F;
}

int numfmt_utf8_decode(const char *s, size_t n, int32_t *r)
{
    const unsigned char *p = (const unsigned char *)s;
    unsigned char c = p[0], lo, hi;
    *r = NUMFMT_RUNE_ERROR;
    if (c < 0x80) {
        *r = c;
        return 1;
    }
    int w = c >= 0xC2 && c <= 0xDF   ? 2
            : c >= 0xE0 && c <= 0xEF ? 3
            : c >= 0xF0 && c <= 0xF4 ? 4
                                     : 0;
    if (!w || n < (size_t)w)
        return 1;
    utf8_second_range(c, &lo, &hi);
    if (p[1] < lo || p[1] > hi)
        return 1;
    for (int i = 2; i < w; i++)
        if (!utf8_cont(p[i]))
            return 1;
    if (w == 2)
        *r = (int32_t)(c & 0x1F) << 6 | (p[1] & 0x3F);
    else if (w == 3)
        *r = (int32_t)(c & 0x0F) << 12 | (int32_t)(p[1] & 0x3F) << 6 | (p[2] & 0x3F);
    else
        *r = (int32_t)(c & 0x07) << 18 | (int32_t)(p[1] & 0x3F) << 12 |
             (int32_t)(p[2] & 0x3F) << 6 | (p[3] & 0x3F);
    return w;
}

size_t numfmt_utf8_count(const char *s, size_t n)
{
    size_t count = 0;
    int32_t r;
    for (size_t i = 0; i < n; count++)
        i += (unsigned char)s[i] < 0x80 ? 1 : (size_t)numfmt_utf8_decode(s + i, n - i, &r);
    return count;
}

int numfmt_utf8_valid(const char *s, size_t n)
{
    int32_t r;
    for (size_t i = 0; i < n;) {
        int w = numfmt_utf8_decode(s + i, n - i, &r);
        if (w == 1 && r == NUMFMT_RUNE_ERROR)
            return 0;
        i += (size_t)w;
    }
    return 1;
}

/* ---- integers ---- */

static const char numfmt_digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* u in base into the end of buf[68]: the index of the first digit. */
static int format_bits(char *buf, uint64_t u, int base, int neg)
{
    int i = 68;
    do {
        buf[--i] = numfmt_digits[u % (unsigned)base];
        u /= (unsigned)base;
    } while (u);
    if (neg)
        buf[--i] = '-';
    return i;
}

int numfmt_append_uint(gbuf *b, uint64_t v, int base)
{
    char buf[68];
    if (base < 2 || base > 36)
        return -1;
    int i = format_bits(buf, v, base, 0);
    gbuf_put(b, buf + i, (size_t)(68 - i));
    return 0;
}

int numfmt_append_int(gbuf *b, int64_t v, int base)
{
    char buf[68];
    if (base < 2 || base > 36)
        return -1;
    /* the magnitude as unsigned: -INT64_MIN is not an int64 */
    uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int i = format_bits(buf, u, base, v < 0);
    gbuf_put(b, buf + i, (size_t)(68 - i));
    return 0;
}

/* ---- strconv's multi-precision decimal (decimal.go) ---- */

enum { DEC_MAX = 800, DEC_MAX_SHIFT = 60 };

typedef struct dec {
    unsigned char d[DEC_MAX]; /* digits '0'..'9', most significant first */
    int nd, dp;               /* digits used; decimal point position */
    int neg, trunc;           /* trunc: nonzero digits were dropped past d */
} dec;

static void dec_trim(dec *a)
{
    while (a->nd > 0 && a->d[a->nd - 1] == '0')
        a->nd--;
    if (a->nd == 0)
        a->dp = 0;
}

static void dec_assign(dec *a, uint64_t v)
{
    unsigned char buf[24];
    int n = 0;
    while (v > 0) {
        buf[n++] = (unsigned char)('0' + v % 10);
        v /= 10;
    }
    a->nd = 0;
    for (n--; n >= 0; n--)
        a->d[a->nd++] = buf[n];
    a->dp = a->nd;
    dec_trim(a);
}

static void dec_right_shift(dec *a, unsigned k)
{
    int r = 0, w = 0;
    uint64_t n = 0;
    for (; n >> k == 0; r++) {
        if (r >= a->nd) {
            if (n == 0) {
                a->nd = 0;
                return;
            }
            while (n >> k == 0) {
                n *= 10;
                r++;
            }
            break;
        }
        n = n * 10 + (uint64_t)(a->d[r] - '0');
    }
    a->dp -= r - 1;
    uint64_t mask = ((uint64_t)1 << k) - 1;
    for (; r < a->nd; r++) {
        uint64_t dig = n >> k;
        n &= mask;
        a->d[w++] = (unsigned char)(dig + '0');
        n = n * 10 + (uint64_t)(a->d[r] - '0');
    }
    while (n > 0) {
        uint64_t dig = n >> k;
        n &= mask;
        if (w < DEC_MAX)
            a->d[w++] = (unsigned char)(dig + '0');
        else if (dig > 0)
            a->trunc = 1;
        n *= 10;
    }
    a->nd = w;
    dec_trim(a);
}

/* decimal.go's leftcheats: a shift left by k adds delta[k] digits (the
 * digits of 5^k), one fewer when the number is below 5^k as a digit
 * string. */
static const unsigned char dec_delta[61] = {
    0,  1,  1,  1,  2,  2,  2,  3,  3,  3,  4,  4,  4,  4,  5,  5,  5,  6,  6,  6,  7,
    7,  7,  7,  8,  8,  8,  9,  9,  9,  10, 10, 10, 10, 11, 11, 11, 12, 12, 12, 13, 13,
    13, 13, 14, 14, 14, 15, 15, 15, 16, 16, 16, 16, 17, 17, 17, 18, 18, 18, 19,
};

static const char *const dec_cutoff[61] = {
    "",
    "5",
    "25",
    "125",
    "625",
    "3125",
    "15625",
    "78125",
    "390625",
    "1953125",
    "9765625",
    "48828125",
    "244140625",
    "1220703125",
    "6103515625",
    "30517578125",
    "152587890625",
    "762939453125",
    "3814697265625",
    "19073486328125",
    "95367431640625",
    "476837158203125",
    "2384185791015625",
    "11920928955078125",
    "59604644775390625",
    "298023223876953125",
    "1490116119384765625",
    "7450580596923828125",
    "37252902984619140625",
    "186264514923095703125",
    "931322574615478515625",
    "4656612873077392578125",
    "23283064365386962890625",
    "116415321826934814453125",
    "582076609134674072265625",
    "2910383045673370361328125",
    "14551915228366851806640625",
    "72759576141834259033203125",
    "363797880709171295166015625",
    "1818989403545856475830078125",
    "9094947017729282379150390625",
    "45474735088646411895751953125",
    "227373675443232059478759765625",
    "1136868377216160297393798828125",
    "5684341886080801486968994140625",
    "28421709430404007434844970703125",
    "142108547152020037174224853515625",
    "710542735760100185871124267578125",
    "3552713678800500929355621337890625",
    "17763568394002504646778106689453125",
    "88817841970012523233890533447265625",
    "444089209850062616169452667236328125",
    "2220446049250313080847263336181640625",
    "11102230246251565404236316680908203125",
    "55511151231257827021181583404541015625",
    "277555756156289135105907917022705078125",
    "1387778780781445675529539585113525390625",
    "6938893903907228377647697925567626953125",
    "34694469519536141888238489627838134765625",
    "173472347597680709441192448139190673828125",
    "867361737988403547205962240695953369140625",
};

static int dec_left_delta(const dec *a, unsigned k)
{
    const char *s = dec_cutoff[k];
    int delta = dec_delta[k];
    for (int i = 0; s[i]; i++) {
        if (i >= a->nd)
            return delta - 1;
        if (a->d[i] != (unsigned char)s[i])
            return a->d[i] < (unsigned char)s[i] ? delta - 1 : delta;
    }
    return delta;
}

static void dec_left_shift(dec *a, unsigned k)
{
    int delta = dec_left_delta(a, k);
    int r = a->nd, w = a->nd + delta;
    uint64_t n = 0;
    for (r--; r >= 0; r--) {
        n += (uint64_t)(a->d[r] - '0') << k;
        uint64_t quo = n / 10, rem = n - 10 * quo;
        w--;
        if (w < DEC_MAX)
            a->d[w] = (unsigned char)(rem + '0');
        else if (rem != 0)
            a->trunc = 1;
        n = quo;
    }
    while (n > 0) {
        uint64_t quo = n / 10, rem = n - 10 * quo;
        w--;
        if (w < DEC_MAX)
            a->d[w] = (unsigned char)(rem + '0');
        else if (rem != 0)
            a->trunc = 1;
        n = quo;
    }
    a->nd += delta;
    if (a->nd >= DEC_MAX)
        a->nd = DEC_MAX;
    a->dp += delta;
    dec_trim(a);
}

static void dec_shift(dec *a, int k)
{
    if (a->nd == 0)
        return;
    if (k > 0) {
        for (; k > DEC_MAX_SHIFT; k -= DEC_MAX_SHIFT)
            dec_left_shift(a, DEC_MAX_SHIFT);
        dec_left_shift(a, (unsigned)k);
    } else if (k < 0) {
        for (; k < -DEC_MAX_SHIFT; k += DEC_MAX_SHIFT)
            dec_right_shift(a, DEC_MAX_SHIFT);
        dec_right_shift(a, (unsigned)-k);
    }
}

static int dec_should_round_up(const dec *a, int nd)
{
    if (nd < 0 || nd >= a->nd)
        return 0;
    if (a->d[nd] == '5' && nd + 1 == a->nd) { /* exactly halfway: to even */
        if (a->trunc)
            return 1;
        return nd > 0 && (a->d[nd - 1] - '0') % 2 != 0;
    }
    return a->d[nd] >= '5';
}

static void dec_round_down(dec *a, int nd)
{
    if (nd < 0 || nd >= a->nd)
        return;
    a->nd = nd;
    dec_trim(a);
}

static void dec_round_up(dec *a, int nd)
{
    if (nd < 0 || nd >= a->nd)
        return;
    for (int i = nd - 1; i >= 0; i--) {
        if (a->d[i] < '9') {
            a->d[i]++;
            a->nd = i + 1;
            return;
        }
    }
    /* all nines: 1 and one more place */
    a->d[0] = '1';
    a->nd = 1;
    a->dp++;
}

static void dec_round(dec *a, int nd)
{
    if (nd < 0 || nd >= a->nd)
        return;
    if (dec_should_round_up(a, nd))
        dec_round_up(a, nd);
    else
        dec_round_down(a, nd);
}

static uint64_t dec_rounded_integer(const dec *a)
{
    if (a->dp > 20)
        return UINT64_MAX;
    int i;
    uint64_t n = 0;
    for (i = 0; i < a->dp && i < a->nd; i++)
        n = n * 10 + (uint64_t)(a->d[i] - '0');
    for (; i < a->dp; i++)
        n *= 10;
    if (dec_should_round_up(a, a->dp))
        n++;
    return n;
}

/* ---- float to text (ftoa.go) ---- */

typedef struct fltinfo {
    unsigned mantbits, expbits;
    int bias;
} fltinfo;

static const fltinfo flt32 = {.mantbits = 23, .expbits = 8, .bias = -127};
static const fltinfo flt64 = {.mantbits = 52, .expbits = 11, .bias = -1023};

static int imax(int a, int b)
{
    return a > b ? a : b;
}

static int imin(int a, int b)
{
    return a < b ? a : b;
}

/* The shortest digits in d that still read back as mant*2^exp (Go's
 * roundShortest: between the half-way points to the neighbours, which
 * count as inside when the mantissa is even, as round-to-even reads). */
static void round_shortest(dec *d, uint64_t mant, int exp, const fltinfo *flt)
{
    if (mant == 0) {
        d->nd = 0;
        return;
    }
    int minexp = flt->bias + 1;
    /* an integer that is exact already */
    if (exp > minexp && 332 * (d->dp - d->nd) >= 100 * (exp - (int)flt->mantbits))
        return;
    dec upper = {.nd = 0}, lower = {.nd = 0};
    dec_assign(&upper, mant * 2 + 1);
    dec_shift(&upper, exp - (int)flt->mantbits - 1);
    uint64_t mantlo;
    int explo;
    if (mant > (uint64_t)1 << flt->mantbits || exp == minexp) {
        mantlo = mant - 1;
        explo = exp;
    } else {
        mantlo = mant * 2 - 1;
        explo = exp - 1;
    }
    dec_assign(&lower, mantlo * 2 + 1);
    dec_shift(&lower, explo - (int)flt->mantbits - 1);
    int inclusive = mant % 2 == 0;
    int upperdelta = 0;
    for (int ui = 0;; ui++) {
        int mi = ui - upper.dp + d->dp;
        if (mi >= d->nd)
            break;
        int li = ui - upper.dp + lower.dp;
        unsigned char l = li >= 0 && li < lower.nd ? lower.d[li] : '0';
        unsigned char m = mi >= 0 ? d->d[mi] : '0';
        unsigned char u = ui < upper.nd ? upper.d[ui] : '0';
        int okdown = l != m || (inclusive && li + 1 == lower.nd);
        if (upperdelta == 0 && m + 1 < u)
            upperdelta = 2;
        else if (upperdelta == 0 && m != u)
            upperdelta = 1;
        else if (upperdelta == 1 && (m != '9' || u != '0'))
            upperdelta = 2;
        int okup = upperdelta > 0 && (inclusive || upperdelta > 1 || ui + 1 < upper.nd);
        if (okdown && okup) {
            dec_round(d, mi + 1);
            return;
        }
        if (okdown) {
            dec_round_down(d, mi + 1);
            return;
        }
        if (okup) {
            dec_round_up(d, mi + 1);
            return;
        }
    }
}

static void fmt_e(gbuf *b, int neg, const dec *d, int prec, char fmt)
{
    if (neg)
        gbuf_putc(b, '-');
    gbuf_putc(b, d->nd ? (char)d->d[0] : '0');
    if (prec > 0) {
        gbuf_putc(b, '.');
        int i = 1, m = imin(d->nd, prec + 1);
        if (i < m) {
            gbuf_put(b, (const char *)d->d + i, (size_t)(m - i));
            i = m;
        }
        if (i <= prec)
            gbuf_fill(b, '0', (size_t)(prec - i + 1));
    }
    gbuf_putc(b, fmt);
    int exp = d->nd == 0 ? 0 : d->dp - 1; /* 0 has exponent 0 */
    gbuf_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp >= 100)
        gbuf_putc(b, (char)('0' + exp / 100));
    gbuf_putc(b, (char)('0' + exp / 10 % 10));
    gbuf_putc(b, (char)('0' + exp % 10));
}

static void fmt_f(gbuf *b, int neg, const dec *d, int prec)
{
    if (neg)
        gbuf_putc(b, '-');
    if (d->dp > 0) {
        int m = imin(d->nd, d->dp);
        gbuf_put(b, (const char *)d->d, (size_t)m);
        gbuf_fill(b, '0', (size_t)(d->dp - m));
    } else {
        gbuf_putc(b, '0');
    }
    if (prec > 0) {
        gbuf_putc(b, '.');
        for (int i = 1; i <= prec; i++) {
            int j = d->dp + i - 1;
            gbuf_putc(b, 0 <= j && j < d->nd ? (char)d->d[j] : '0');
        }
    }
}

static void format_digits(gbuf *b, int shortest, int neg, const dec *d, int prec, char fmt)
{
    switch (fmt) {
    case 'e':
    case 'E':
        fmt_e(b, neg, d, prec, fmt);
        return;
    case 'f':
        fmt_f(b, neg, d, prec);
        return;
    case 'g':
    case 'G': {
        int eprec = prec;
        if (eprec > d->nd && d->nd >= d->dp)
            eprec = d->nd;
        /* %e is used if the exponent from the conversion is less than -4
         * or at least the precision; shortest decides with precision 6 */
        if (shortest)
            eprec = 6;
        int exp = d->dp - 1;
        if (exp < -4 || exp >= eprec) {
            if (prec > d->nd)
                prec = d->nd;
            fmt_e(b, neg, d, prec - 1, (char)(fmt + 'e' - 'g'));
            return;
        }
        if (prec > d->dp)
            prec = d->nd;
        fmt_f(b, neg, d, imax(prec - d->dp, 0));
        return;
    }
    }
    gbuf_putc(b, '%');
    gbuf_putc(b, fmt);
}

static void big_ftoa(gbuf *b, int prec, char fmt, int neg, uint64_t mant, int exp,
                     const fltinfo *flt)
{
    dec d = {.nd = 0};
    dec_assign(&d, mant);
    dec_shift(&d, exp - (int)flt->mantbits);
    int shortest = prec < 0;
    if (shortest) {
        round_shortest(&d, mant, exp, flt);
        if (fmt == 'e' || fmt == 'E')
            prec = imax(d.nd - 1, 0);
        else if (fmt == 'f')
            prec = imax(d.nd - d.dp, 0);
        else if (fmt == 'g' || fmt == 'G')
            prec = d.nd;
    } else if (fmt == 'e' || fmt == 'E') {
        dec_round(&d, prec + 1);
    } else if (fmt == 'f') {
        dec_round(&d, d.dp + prec);
    } else if (fmt == 'g' || fmt == 'G') {
        if (prec == 0)
            prec = 1;
        dec_round(&d, prec);
    }
    format_digits(b, shortest, neg, &d, prec, fmt);
}

/* %b: mantissa "p" exponent, in decimal. */
static void fmt_b(gbuf *b, int neg, uint64_t mant, int exp, const fltinfo *flt)
{
    if (neg)
        gbuf_putc(b, '-');
    numfmt_append_uint(b, mant, 10);
    gbuf_putc(b, 'p');
    exp -= (int)flt->mantbits;
    if (exp >= 0)
        gbuf_putc(b, '+');
    numfmt_append_int(b, exp, 10);
}

/* %x: -0x1.23abcp+20, the mantissa rounded to prec hex digits. */
static void fmt_x(gbuf *b, int prec, char fmt, int neg, uint64_t mant, int exp, const fltinfo *flt)
{
    const char *hex = fmt == 'X' ? "0123456789ABCDEF" : "0123456789abcdef";
    if (mant == 0)
        exp = 0;
    /* the leading 1 (if any) at bit 60 */
    mant <<= 60 - flt->mantbits;
    while (mant != 0 && (mant & (uint64_t)1 << 60) == 0) {
        mant <<= 1;
        exp--;
    }
    if (prec >= 0 && prec < 15) {
        unsigned shift = (unsigned)prec * 4;
        uint64_t extra = (mant << shift) & (((uint64_t)1 << 60) - 1);
        mant >>= 60 - shift;
        if ((extra | (mant & 1)) > (uint64_t)1 << 59)
            mant++;
        mant <<= 60 - shift;
        if (mant & (uint64_t)1 << 61) { /* wrapped around */
            mant >>= 1;
            exp++;
        }
    }
    if (neg)
        gbuf_putc(b, '-');
    gbuf_putc(b, '0');
    gbuf_putc(b, fmt);
    gbuf_putc(b, (char)('0' + ((mant >> 60) & 1)));
    mant <<= 4; /* drop the leading digit */
    if (prec < 0 && mant != 0) {
        gbuf_putc(b, '.');
        for (; mant != 0; mant <<= 4)
            gbuf_putc(b, hex[(mant >> 60) & 15]);
    } else if (prec > 0) {
        gbuf_putc(b, '.');
        for (int i = 0; i < prec; i++, mant <<= 4)
            gbuf_putc(b, hex[(mant >> 60) & 15]);
    }
    gbuf_putc(b, fmt == 'X' ? 'P' : 'p');
    gbuf_putc(b, exp < 0 ? '-' : '+');
    if (exp < 0)
        exp = -exp;
    if (exp >= 1000)
        gbuf_putc(b, (char)('0' + exp / 1000));
    if (exp >= 100)
        gbuf_putc(b, (char)('0' + exp / 100 % 10));
    gbuf_putc(b, (char)('0' + exp / 10 % 10));
    gbuf_putc(b, (char)('0' + exp % 10));
}

static uint64_t float_bits(double val, int bitsize)
{
    if (bitsize == 32) {
        /* rounds to nearest even; out of range gives ±Inf (IEEE, Annex F) */
        float f = (float)val;
        uint32_t u;
        memcpy(&u, &f, sizeof u);
        return u;
    }
    uint64_t u;
    memcpy(&u, &val, sizeof u);
    return u;
}

void numfmt_append_float(gbuf *b, double val, char fmt, int prec, int bitsize)
{
    const fltinfo *flt = bitsize == 32 ? &flt32 : &flt64;
    uint64_t bits = float_bits(val, bitsize);
    int neg = bits >> (flt->expbits + flt->mantbits) != 0;
    int exp = (int)(bits >> flt->mantbits) & ((1 << flt->expbits) - 1);
    uint64_t mant = bits & (((uint64_t)1 << flt->mantbits) - 1);
    if (exp == (1 << flt->expbits) - 1) {
        gbuf_puts(b, mant ? "NaN" : neg ? "-Inf" : "+Inf");
        return;
    }
    if (exp == 0)
        exp++; /* denormal */
    else
        mant |= (uint64_t)1 << flt->mantbits;
    exp += flt->bias;
    if (fmt == 'b')
        fmt_b(b, neg, mant, exp, flt);
    else if (fmt == 'x' || fmt == 'X')
        fmt_x(b, prec, fmt, neg, mant, exp, flt);
    else
        big_ftoa(b, prec, fmt, neg, mant, exp, flt);
}

/* ---- text to numbers (atoi.go, atof.go, atob.go) ---- */

static unsigned char lower(unsigned char c)
{
    return c | ('x' - 'X');
}

/* Underscores may separate digits (base-prefixed literals only, which the
 * callers check): never twice, never at either end. */
static int underscore_ok(const char *s, size_t n)
{
    char saw = '^';
    size_t i = 0;
    if (n >= 1 && (s[0] == '-' || s[0] == '+')) {
        s++;
        n--;
    }
    int hex = 0;
    if (n >= 2 && s[0] == '0' &&
        (lower((unsigned char)s[1]) == 'b' || lower((unsigned char)s[1]) == 'o' ||
         lower((unsigned char)s[1]) == 'x')) {
        i = 2;
        saw = '0'; /* the prefix counts as a digit */
        hex = lower((unsigned char)s[1]) == 'x';
    }
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
            saw = '0';
            continue;
        }
        if (c == '_') {
            if (saw != '0')
                return 0;
            saw = '_';
            continue;
        }
        if (saw == '_')
            return 0;
        saw = '!';
    }
    return saw != '_';
}

/* The base of a base-0 string and where its digits start. */
static int parse_base0(const char *s, size_t n, size_t *start)
{
    *start = 0;
    if (s[0] != '0')
        return 10;
    if (n >= 3 && lower((unsigned char)s[1]) == 'b') {
        *start = 2;
        return 2;
    }
    if (n >= 3 && lower((unsigned char)s[1]) == 'o') {
        *start = 2;
        return 8;
    }
    if (n >= 3 && lower((unsigned char)s[1]) == 'x') {
        *start = 2;
        return 16;
    }
    *start = 1;
    return 8;
}

numfmt_err numfmt_parse_uint(const char *s, size_t n, int base, int bitsize, uint64_t *out)
{
    *out = 0;
    if (n == 0)
        return NUMFMT_ESYNTAX;
    int base0 = base == 0;
    size_t i = 0;
    if (base == 0)
        base = parse_base0(s, n, &i);
    else if (base < 2 || base > 36)
        return NUMFMT_EBASE;
    if (bitsize == 0)
        bitsize = 64;
    else if (bitsize < 0 || bitsize > 64)
        return NUMFMT_EBITSIZE;
    uint64_t cutoff = UINT64_MAX / (uint64_t)base + 1;
    uint64_t max = bitsize == 64 ? UINT64_MAX : ((uint64_t)1 << bitsize) - 1;
    int underscores = 0;
    uint64_t v = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i], d;
        if (c == '_' && base0) {
            underscores = 1;
            continue;
        } else if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (lower(c) >= 'a' && lower(c) <= 'z') {
            d = lower(c) - 'a' + 10;
        } else {
            return NUMFMT_ESYNTAX;
        }
        if (d >= base)
            return NUMFMT_ESYNTAX;
        if (v >= cutoff) {
            *out = max;
            return NUMFMT_ERANGE;
        }
        v *= (uint64_t)base;
        uint64_t v1 = v + d;
        if (v1 < v || v1 > max) {
            *out = max;
            return NUMFMT_ERANGE;
        }
        v = v1;
    }
    if (underscores && !underscore_ok(s, n))
        return NUMFMT_ESYNTAX;
    *out = v;
    return NUMFMT_OK;
}

numfmt_err numfmt_parse_int(const char *s, size_t n, int base, int bitsize, int64_t *out)
{
    *out = 0;
    if (n == 0)
        return NUMFMT_ESYNTAX;
    int neg = s[0] == '-';
    size_t skip = s[0] == '+' || s[0] == '-';
    uint64_t un;
    numfmt_err e = numfmt_parse_uint(s + skip, n - skip, base, bitsize, &un);
    if (e != NUMFMT_OK && e != NUMFMT_ERANGE)
        return e;
    if (bitsize == 0)
        bitsize = 64;
    uint64_t cutoff = (uint64_t)1 << (bitsize - 1);
    if (!neg && un >= cutoff) {
        *out = (int64_t)(cutoff - 1);
        return NUMFMT_ERANGE;
    }
    if (neg && un > cutoff) {
        *out = (int64_t)(0 - cutoff);
        return NUMFMT_ERANGE;
    }
    /* -cutoff itself is the minimum: negate as unsigned */
    *out = neg ? (int64_t)(0 - un) : (int64_t)un;
    return NUMFMT_OK;
}

numfmt_err numfmt_atoi(const char *s, size_t n, int64_t *out)
{
    /* Atoi is ParseInt(s, 10, 0), with its own name in the error */
    return numfmt_parse_int(s, n, 10, 0, out);
}

numfmt_err numfmt_parse_bool(const char *s, size_t n, int *out)
{
    static const char *const yes[] = {"1", "t", "T", "true", "TRUE", "True"};
    static const char *const no[] = {"0", "f", "F", "false", "FALSE", "False"};
    *out = 0;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strlen(yes[i]) == n && memcmp(yes[i], s, n) == 0) {
            *out = 1;
            return NUMFMT_OK;
        }
        if (strlen(no[i]) == n && memcmp(no[i], s, n) == 0)
            return NUMFMT_OK;
    }
    return NUMFMT_ESYNTAX;
}

static size_t prefix_len_nocase(const char *s, size_t n, const char *prefix)
{
    size_t k = strlen(prefix), i;
    if (k > n)
        k = n;
    for (i = 0; i < k; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c += 'a' - 'A';
        if (c != (unsigned char)prefix[i])
            return i;
    }
    return k;
}

/* inf, infinity, nan (any case, inf with a sign): 1, *f and the length. */
static int float_special(const char *s, size_t n, double *f, size_t *used)
{
    if (n == 0)
        return 0;
    double sign = 1;
    size_t nsign = 0;
    if (s[0] == '+' || s[0] == '-') {
        sign = s[0] == '-' ? -1 : 1;
        nsign = 1;
    } else if (s[0] == 'n' || s[0] == 'N') {
        if (prefix_len_nocase(s, n, "nan") != 3)
            return 0;
        *f = NAN;
        *used = 3;
        return 1;
    } else if (s[0] != 'i' && s[0] != 'I') {
        return 0;
    }
    size_t k = prefix_len_nocase(s + nsign, n - nsign, "infinity");
    if (k > 3 && k < 8)
        k = 3;
    if (k != 3 && k != 8)
        return 0;
    *f = sign * INFINITY;
    *used = nsign + k;
    return 1;
}

typedef struct fscan {
    uint64_t mantissa;
    int exp, neg, trunc, hex;
    size_t end; /* bytes read */
} fscan;

static int fscan_exponent(const char *s, size_t n, size_t *i, int *dp, int *underscores)
{
    (*i)++;
    if (*i >= n)
        return 0;
    int esign = 1;
    if (s[*i] == '+') {
        (*i)++;
    } else if (s[*i] == '-') {
        (*i)++;
        esign = -1;
    }
    if (*i >= n || s[*i] < '0' || s[*i] > '9')
        return 0;
    int e = 0;
    for (; *i < n && ((s[*i] >= '0' && s[*i] <= '9') || s[*i] == '_'); (*i)++) {
        if (s[*i] == '_') {
            *underscores = 1;
            continue;
        }
        if (e < 10000)
            e = e * 10 + s[*i] - '0';
    }
    *dp += e * esign;
    return 1;
}

/* readFloat: the syntax of a float, its mantissa (up to 19 decimal or 16
 * hex digits) and exponent; 0 on a syntax error. */
static int read_float(const char *s, size_t n, fscan *f)
{
    memset(f, 0, sizeof *f);
    size_t i = 0;
    int underscores = 0;
    if (i >= n)
        return 0;
    if (s[i] == '+') {
        i++;
    } else if (s[i] == '-') {
        f->neg = 1;
        i++;
    }
    uint64_t base = 10;
    int max_digits = 19;
    char exp_char = 'e';
    if (i + 2 < n && s[i] == '0' && lower((unsigned char)s[i + 1]) == 'x') {
        base = 16;
        max_digits = 16;
        i += 2;
        exp_char = 'p';
        f->hex = 1;
    }
    int sawdot = 0, sawdigits = 0, nd = 0, nd_mant = 0, dp = 0;
    for (; i < n; i++) {
        unsigned char c = (unsigned char)s[i], d;
        if (c == '_') {
            underscores = 1;
            continue;
        }
        if (c == '.') {
            if (sawdot)
                break;
            sawdot = 1;
            dp = nd;
            continue;
        }
        if (c >= '0' && c <= '9') {
            d = c - '0';
        } else if (base == 16 && lower(c) >= 'a' && lower(c) <= 'f') {
            d = lower(c) - 'a' + 10;
        } else {
            break;
        }
        sawdigits = 1;
        if (c == '0' && nd == 0) { /* leading zeros */
            dp--;
            continue;
        }
        nd++;
        if (nd_mant < max_digits) {
            f->mantissa = f->mantissa * base + d;
            nd_mant++;
        } else if (c != '0') {
            f->trunc = 1;
        }
    }
    if (!sawdigits)
        return 0;
    if (!sawdot)
        dp = nd;
    if (base == 16) {
        dp *= 4;
        nd_mant *= 4;
    }
    if (i < n && lower((unsigned char)s[i]) == (unsigned char)exp_char) {
        if (!fscan_exponent(s, n, &i, &dp, &underscores))
            return 0;
    } else if (base == 16) {
        return 0; /* a hex float needs its p exponent */
    }
    if (f->mantissa != 0)
        f->exp = dp - nd_mant;
    f->end = i;
    if (underscores && !underscore_ok(s, i))
        return 0;
    return 1;
}

/* decimal.set: the digits of a decimal float (already checked by
 * read_float). */
static int dec_set(dec *b, const char *s, size_t n)
{
    size_t i = 0;
    b->nd = b->dp = b->neg = b->trunc = 0;
    if (i >= n)
        return 0;
    if (s[i] == '+') {
        i++;
    } else if (s[i] == '-') {
        b->neg = 1;
        i++;
    }
    int sawdot = 0, sawdigits = 0;
    for (; i < n; i++) {
        char c = s[i];
        if (c == '_')
            continue;
        if (c == '.') {
            if (sawdot)
                return 0;
            sawdot = 1;
            b->dp = b->nd;
            continue;
        }
        if (c < '0' || c > '9')
            break;
        sawdigits = 1;
        if (c == '0' && b->nd == 0) {
            b->dp--;
            continue;
        }
        if (b->nd < DEC_MAX)
            b->d[b->nd++] = (unsigned char)c;
        else if (c != '0')
            b->trunc = 1;
    }
    if (!sawdigits)
        return 0;
    if (!sawdot)
        b->dp = b->nd;
    if (i < n && lower((unsigned char)s[i]) == 'e') {
        int unused = 0;
        if (!fscan_exponent(s, n, &i, &b->dp, &unused))
            return 0;
    }
    return i == n;
}

/* decimal.floatBits: the float nearest to d (ties to even); *overflow. */
static uint64_t dec_float_bits(dec *d, const fltinfo *flt, int *overflow)
{
    static const int powtab[] = {1, 3, 6, 9, 13, 16, 19, 23, 26};
    enum { NPOW = sizeof powtab / sizeof powtab[0] };
    int exp = 0;
    uint64_t mant = 0;
    *overflow = 0;
    if (d->nd == 0 || d->dp < -330) {
        exp = flt->bias;
        goto out;
    }
    if (d->dp > 310)
        goto overflow;
    /* scale by powers of two until 0.5 <= d < 1 */
    while (d->dp > 0) {
        int k = d->dp >= NPOW ? 27 : powtab[d->dp];
        dec_shift(d, -k);
        exp += k;
    }
    while (d->dp < 0 || (d->dp == 0 && d->d[0] < '5')) {
        int k = -d->dp >= NPOW ? 27 : powtab[-d->dp];
        dec_shift(d, k);
        exp -= k;
    }
    exp--;                     /* our range is [0.5,1) but floating point range is [1,2) */
    if (exp < flt->bias + 1) { /* denormal */
        int k = flt->bias + 1 - exp;
        dec_shift(d, -k);
        exp += k;
    }
    if (exp - flt->bias >= (1 << flt->expbits) - 1)
        goto overflow;
    dec_shift(d, (int)(1 + flt->mantbits));
    mant = dec_rounded_integer(d);
    if (mant == (uint64_t)2 << flt->mantbits) { /* rounding carried */
        mant >>= 1;
        exp++;
        if (exp - flt->bias >= (1 << flt->expbits) - 1)
            goto overflow;
    }
    if ((mant & (uint64_t)1 << flt->mantbits) == 0)
        exp = flt->bias;
    goto out;
overflow:
    mant = 0;
    exp = (1 << flt->expbits) - 1 + flt->bias;
    *overflow = 1;
out:;
    uint64_t bits = mant & (((uint64_t)1 << flt->mantbits) - 1);
    bits |= (uint64_t)((exp - flt->bias) & ((1 << flt->expbits) - 1)) << flt->mantbits;
    if (d->neg)
        bits |= (uint64_t)1 << flt->mantbits << flt->expbits;
    return bits;
}

/* atofHex: mantissa*2^exp rounded to the format, ties to even. */
static uint64_t atof_hex(const fltinfo *flt, uint64_t mantissa, int exp, int neg, int trunc,
                         int *overflow)
{
    int max_exp = (1 << flt->expbits) + flt->bias - 2;
    int min_exp = flt->bias + 1;
    exp += (int)flt->mantbits;
    /* shift left until 1 is at bit mantbits+2 (two guard bits) */
    while (mantissa != 0 && mantissa >> (flt->mantbits + 2) == 0) {
        mantissa <<= 1;
        exp--;
    }
    if (trunc)
        mantissa |= 1;
    while (mantissa >> (1 + flt->mantbits + 2) != 0) {
        mantissa = mantissa >> 1 | (mantissa & 1);
        exp++;
    }
    /* denormal: shift right, keeping a sticky bit */
    while (mantissa > 1 && exp < min_exp - 2) {
        mantissa = mantissa >> 1 | (mantissa & 1);
        exp++;
    }
    uint64_t round = mantissa & 3;
    mantissa >>= 2;
    round |= mantissa & 1; /* round to even */
    exp += 2;
    if (round == 3) {
        mantissa++;
        if (mantissa == (uint64_t)1 << (1 + flt->mantbits)) {
            mantissa >>= 1;
            exp++;
        }
    }
    if (mantissa >> flt->mantbits == 0) /* denormal or zero */
        exp = flt->bias;
    *overflow = 0;
    if (exp > max_exp) {
        mantissa = (uint64_t)1 << flt->mantbits;
        exp = max_exp + 1;
        *overflow = 1;
    }
    uint64_t bits = mantissa & (((uint64_t)1 << flt->mantbits) - 1);
    bits |= (uint64_t)((exp - flt->bias) & ((1 << flt->expbits) - 1)) << flt->mantbits;
    if (neg)
        bits |= (uint64_t)1 << flt->mantbits << flt->expbits;
    return bits;
}

static double bits_float(uint64_t bits, int bitsize)
{
    if (bitsize == 32) {
        uint32_t u = (uint32_t)bits;
        float f;
        memcpy(&f, &u, sizeof f);
        return f;
    }
    double d;
    memcpy(&d, &bits, sizeof d);
    return d;
}

numfmt_err numfmt_parse_float(const char *s, size_t n, int bitsize, double *out)
{
    const fltinfo *flt = bitsize == 32 ? &flt32 : &flt64;
    size_t used;
    *out = 0;
    if (float_special(s, n, out, &used)) {
        if (used == n)
            return NUMFMT_OK;
        *out = 0;
        return NUMFMT_ESYNTAX;
    }
    fscan f;
    if (!read_float(s, n, &f) || f.end != n)
        return NUMFMT_ESYNTAX;
    int overflow;
    uint64_t bits;
    if (f.hex) {
        bits = atof_hex(flt, f.mantissa, f.exp, f.neg, f.trunc, &overflow);
    } else {
        dec d;
        if (!dec_set(&d, s, n))
            return NUMFMT_ESYNTAX;
        bits = dec_float_bits(&d, flt, &overflow);
    }
    *out = bits_float(bits, bitsize == 32 ? 32 : 64);
    return overflow ? NUMFMT_ERANGE : NUMFMT_OK;
}

const char *numfmt_err_reason(numfmt_err e)
{
    switch (e) {
    case NUMFMT_OK:
        return "";
    case NUMFMT_ESYNTAX:
        return "invalid syntax";
    case NUMFMT_ERANGE:
        return "value out of range";
    case NUMFMT_EBASE:
        return "invalid base ";
    case NUMFMT_EBITSIZE:
        return "invalid bit size ";
    }
    return "";
}

void numfmt_error_text(gbuf *b, const char *fn, const char *s, size_t n, numfmt_err e, int arg)
{
    gbuf_puts(b, "strconv.");
    gbuf_puts(b, fn);
    gbuf_puts(b, ": parsing ");
    numfmt_append_quote(b, s, n);
    gbuf_puts(b, ": ");
    gbuf_puts(b, numfmt_err_reason(e));
    if (e == NUMFMT_EBASE || e == NUMFMT_EBITSIZE)
        numfmt_append_int(b, arg, 10);
}

/* ---- quoting (quote.go) ---- */

static size_t bsearch16(const uint16_t *a, size_t n, uint16_t x)
{
    size_t i = 0, j = n;
    while (i < j) {
        size_t h = i + (j - i) / 2;
        if (a[h] < x)
            i = h + 1;
        else
            j = h;
    }
    return i;
}

static size_t bsearch32(const uint32_t *a, size_t n, uint32_t x)
{
    size_t i = 0, j = n;
    while (i < j) {
        size_t h = i + (j - i) / 2;
        if (a[h] < x)
            i = h + 1;
        else
            j = h;
    }
    return i;
}

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))

int numfmt_is_print(int32_t r)
{
    if (r <= 0xFF) {
        if (r >= 0x20 && r <= 0x7E)
            return 1;
        if (r >= 0xA1 && r <= 0xFF)
            return r != 0xAD; /* the soft hyphen */
        return 0;
    }
    /* the tables hold ranges [lo, hi] of printable runes, and the few
     * unprintable ones inside them */
    if (r < 0x10000) {
        uint16_t rr = (uint16_t)r;
        size_t i = bsearch16(isprint16, NELEM(isprint16), rr);
        if (i >= NELEM(isprint16) || rr < isprint16[i & ~(size_t)1] || isprint16[i | 1] < rr)
            return 0;
        size_t j = bsearch16(isnotprint16, NELEM(isnotprint16), rr);
        return j >= NELEM(isnotprint16) || isnotprint16[j] != rr;
    }
    uint32_t rr = (uint32_t)r;
    size_t i = bsearch32(isprint32, NELEM(isprint32), rr);
    if (i >= NELEM(isprint32) || rr < isprint32[i & ~(size_t)1] || isprint32[i | 1] < rr)
        return 0;
    if (r >= 0x20000)
        return 1;
    uint16_t lo = (uint16_t)(r - 0x10000);
    size_t j = bsearch16(isnotprint32, NELEM(isnotprint32), lo);
    return j >= NELEM(isnotprint32) || isnotprint32[j] != lo;
}

static int in_graphic_list(int32_t r)
{
    if (r < 0 || r > 0xFFFF)
        return 0;
    uint16_t rr = (uint16_t)r;
    size_t i = bsearch16(isgraphic, NELEM(isgraphic), rr);
    return i < NELEM(isgraphic) && rr == isgraphic[i];
}

int numfmt_is_graphic(int32_t r)
{
    return numfmt_is_print(r) || in_graphic_list(r);
}

static void put_hex(gbuf *b, uint32_t v, int ndigits)
{
    static const char hex[] = "0123456789abcdef";
    for (int s = (ndigits - 1) * 4; s >= 0; s -= 4)
        gbuf_putc(b, hex[(v >> s) & 0xF]);
}

static void append_escaped_rune(gbuf *b, int32_t r, char quote, int ascii_only, int graphic_only)
{
    if (r == (unsigned char)quote || r == '\\') { /* always backslashed */
        gbuf_putc(b, '\\');
        gbuf_putc(b, (char)r);
        return;
    }
    if (ascii_only) {
        if (r < 0x80 && numfmt_is_print(r)) {
            gbuf_putc(b, (char)r);
            return;
        }
    } else if (numfmt_is_print(r) || (graphic_only && in_graphic_list(r))) {
        gbuf_put_rune(b, r);
        return;
    }
    static const char *const esc[] = {
        ['\a'] = "\\a", ['\b'] = "\\b", ['\f'] = "\\f", ['\n'] = "\\n",
        ['\r'] = "\\r", ['\t'] = "\\t", ['\v'] = "\\v"};
    if (r >= 0 && r < (int32_t)NELEM(esc) && esc[r]) {
        gbuf_puts(b, esc[r]);
    } else if (r < ' ' || r == 0x7f) {
        gbuf_puts(b, "\\x");
        put_hex(b, (uint32_t)r & 0xFF, 2);
    } else if (!numfmt_rune_valid(r) || r < 0x10000) {
        gbuf_puts(b, "\\u");
        put_hex(b, numfmt_rune_valid(r) ? (uint32_t)r : 0xFFFD, 4);
    } else {
        gbuf_puts(b, "\\U");
        put_hex(b, (uint32_t)r, 8);
    }
}

static void append_quoted(gbuf *b, const char *s, size_t n, char quote, int ascii_only,
                          int graphic_only)
{
    gbuf_putc(b, quote);
    for (size_t i = 0; i < n;) {
        int32_t r;
        int w = numfmt_utf8_decode(s + i, n - i, &r);
        if (w == 1 && r == NUMFMT_RUNE_ERROR) {
            gbuf_puts(b, "\\x");
            put_hex(b, (unsigned char)s[i], 2);
            i++;
            continue;
        }
        append_escaped_rune(b, r, quote, ascii_only, graphic_only);
        i += (size_t)w;
    }
    gbuf_putc(b, quote);
}

static void append_quoted_rune(gbuf *b, int32_t r, int ascii_only, int graphic_only)
{
    gbuf_putc(b, '\'');
    if (!numfmt_rune_valid(r))
        r = NUMFMT_RUNE_ERROR;
    append_escaped_rune(b, r, '\'', ascii_only, graphic_only);
    gbuf_putc(b, '\'');
}

void numfmt_append_quote(gbuf *b, const char *s, size_t n)
{
    append_quoted(b, s, n, '"', 0, 0);
}

void numfmt_append_quote_ascii(gbuf *b, const char *s, size_t n)
{
    append_quoted(b, s, n, '"', 1, 0);
}

void numfmt_append_quote_graphic(gbuf *b, const char *s, size_t n)
{
    append_quoted(b, s, n, '"', 0, 1);
}

void numfmt_append_quote_rune(gbuf *b, int32_t r)
{
    append_quoted_rune(b, r, 0, 0);
}

void numfmt_append_quote_rune_ascii(gbuf *b, int32_t r)
{
    append_quoted_rune(b, r, 1, 0);
}

void numfmt_append_quote_rune_graphic(gbuf *b, int32_t r)
{
    append_quoted_rune(b, r, 0, 1);
}

int numfmt_can_backquote(const char *s, size_t n)
{
    for (size_t i = 0; i < n;) {
        int32_t r;
        int w = numfmt_utf8_decode(s + i, n - i, &r);
        i += (size_t)w;
        if (w > 1) {
            if (r == 0xFEFF)
                return 0; /* BOMs are invisible */
            continue;
        }
        if (r == NUMFMT_RUNE_ERROR)
            return 0;
        if ((r < ' ' && r != '\t') || r == '`' || r == 0x7F)
            return 0;
    }
    return 1;
}

static int unhex(unsigned char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

/* \x \u \U: n hex digits at s. */
static numfmt_err unquote_hex(const char *s, size_t len, int n, int32_t *v)
{
    if (len < (size_t)n)
        return NUMFMT_ESYNTAX;
    uint32_t x = 0;
    for (int j = 0; j < n; j++) {
        int d = unhex((unsigned char)s[j]);
        if (d < 0)
            return NUMFMT_ESYNTAX;
        x = x << 4 | (uint32_t)d;
    }
    *v = (int32_t)x;
    return NUMFMT_OK;
}

static numfmt_err unquote_escape(const char *s, size_t n, char quote, int32_t *value,
                                 int *multibyte, size_t *used)
{
    static const char simple[] = "a\ab\bf\fn\nr\rt\tv\v\\\\";
    unsigned char c = (unsigned char)s[1];
    *used = 2;
    for (int i = 0; simple[i]; i += 2) {
        if (c == (unsigned char)simple[i]) {
            *value = simple[i + 1];
            return NUMFMT_OK;
        }
    }
    if (c == 'x' || c == 'u' || c == 'U') {
        int k = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        if (unquote_hex(s + 2, n - 2, k, value))
            return NUMFMT_ESYNTAX;
        *used = 2 + (size_t)k;
        if (c == 'x')
            return NUMFMT_OK;
        if (!numfmt_rune_valid(*value))
            return NUMFMT_ESYNTAX;
        *multibyte = 1;
        return NUMFMT_OK;
    }
    if (c >= '0' && c <= '7') {
        int32_t v = c - '0';
        if (n < 4)
            return NUMFMT_ESYNTAX;
        for (int j = 2; j < 4; j++) {
            int x = s[j] - '0';
            if (x < 0 || x > 7)
                return NUMFMT_ESYNTAX;
            v = v << 3 | x;
        }
        if (v > 255)
            return NUMFMT_ESYNTAX;
        *value = v;
        *used = 4;
        return NUMFMT_OK;
    }
    if ((c == '\'' || c == '"') && c == (unsigned char)quote) {
        *value = c;
        return NUMFMT_OK;
    }
    return NUMFMT_ESYNTAX;
}

numfmt_err numfmt_unquote_char(const char *s, size_t n, char quote, int32_t *value, int *multibyte,
                               size_t *used)
{
    *value = 0;
    *multibyte = 0;
    *used = 0;
    if (n == 0)
        return NUMFMT_ESYNTAX;
    unsigned char c = (unsigned char)s[0];
    if (c == (unsigned char)quote && (quote == '\'' || quote == '"'))
        return NUMFMT_ESYNTAX;
    if (c >= 0x80) {
        *used = (size_t)numfmt_utf8_decode(s, n, value);
        *multibyte = 1;
        return NUMFMT_OK;
    }
    if (c != '\\') {
        *value = c;
        *used = 1;
        return NUMFMT_OK;
    }
    if (n <= 1)
        return NUMFMT_ESYNTAX;
    return unquote_escape(s, n, quote, value, multibyte, used);
}

static numfmt_err unquote_raw(gbuf *out, const char *s, size_t end)
{
    /* a raw string: its bytes less carriage returns */
    for (size_t i = 1; i + 1 < end; i++)
        if (s[i] != '\r')
            gbuf_putc(out, s[i]);
    return NUMFMT_OK;
}

/* The fast case: no escapes and no newline, valid UTF-8 (one rune for a
 * character literal). */
static int unquote_plain(gbuf *out, const char *s, size_t end, char quote)
{
    if (memchr(s, '\\', end) || memchr(s, '\n', end))
        return 0;
    if (quote == '"') {
        if (!numfmt_utf8_valid(s + 1, end - 2))
            return 0;
    } else {
        int32_t r;
        if (end < 3)
            return 0;
        int w = numfmt_utf8_decode(s + 1, end - 2, &r);
        if ((size_t)w + 2 != end || (r == NUMFMT_RUNE_ERROR && w == 1))
            return 0;
    }
    gbuf_put(out, s + 1, end - 2);
    return 1;
}

numfmt_err numfmt_unquote(gbuf *out, const char *s, size_t n)
{
    size_t mark = out->len;
    if (n < 2)
        return NUMFMT_ESYNTAX;
    char quote = s[0];
    const char *close = memchr(s + 1, quote, n - 1);
    if (!close)
        return NUMFMT_ESYNTAX;
    size_t end = (size_t)(close - s) + 1; /* after the first closing quote */
    if (quote == '`')
        return end == n ? unquote_raw(out, s, end) : NUMFMT_ESYNTAX;
    if (quote != '"' && quote != '\'')
        return NUMFMT_ESYNTAX;
    if (unquote_plain(out, s, end, quote))
        return end == n ? NUMFMT_OK : (gbuf_truncate(out, mark), NUMFMT_ESYNTAX);
    size_t i = 1;
    while (i < n && s[i] != quote) {
        int32_t r;
        int multibyte;
        size_t used;
        if (s[i] == '\n' ||
            numfmt_unquote_char(s + i, n - i, quote, &r, &multibyte, &used) != NUMFMT_OK) {
            gbuf_truncate(out, mark);
            return NUMFMT_ESYNTAX;
        }
        i += used;
        if (r < 0x80 || !multibyte)
            gbuf_putc(out, (char)r);
        else
            gbuf_put_rune(out, r);
        if (quote == '\'')
            break;
    }
    if (i >= n || s[i] != quote || i + 1 != n) {
        gbuf_truncate(out, mark);
        return NUMFMT_ESYNTAX;
    }
    return NUMFMT_OK;
}
