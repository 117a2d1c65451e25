/* lib_math.c - package math.
 *
 * Most functions are the C library's: for these glibc and Go agree on the
 * special values (±0, ±Inf, NaN) and on every result the corpus prints.
 * Where Go's own algorithm gives different bits (Pow, Hypot, Log2, Log10,
 * Max and Min's NaN and signed-zero rules) it is followed here, so a program
 * prints what Go prints. */
#include "lib_natives.h"

#include <math.h>
#include <stdint.h>

static double arg_f(const gcell *args, int i)
{
    return cell_f64(cell_get(&args[i]));
}

static void set_f(gcell *res, double d)
{
    cell_set(&res[0], f64_cell(d));
}

/* The one-argument functions that are the C library's. */
#define MATH_F1(name, expr)                                                                        \
    static void math_##name##_native(gor *g, gcell *args, gcell *res)                              \
    {                                                                                              \
        (void)g;                                                                                   \
        double x = arg_f(args, 0);                                                                 \
        set_f(res, (expr));                                                                        \
    }

MATH_F1(sqrt, sqrt(x))
MATH_F1(abs, fabs(x))
MATH_F1(floor, floor(x))
MATH_F1(ceil, ceil(x))
MATH_F1(round, round(x))
MATH_F1(trunc, trunc(x))
MATH_F1(round_even, x - x != 0 ? x : nearbyint(x))
MATH_F1(exp, exp(x))
MATH_F1(exp2, exp2(x))
MATH_F1(expm1, expm1(x))
MATH_F1(log1p, log1p(x))
MATH_F1(sin, sin(x))
MATH_F1(cos, cos(x))
MATH_F1(tan, tan(x))
MATH_F1(asin, asin(x))
MATH_F1(acos, acos(x))
MATH_F1(atan, atan(x))
MATH_F1(sinh, sinh(x))
MATH_F1(cosh, cosh(x))
MATH_F1(tanh, tanh(x))
/* Go's Log (FreeBSD's e_log.c reduction and polynomial; Go's amd64
 * assembly computes the same): glibc's log differs in the last bit for
 * some arguments, which Log10(0.001) = -3 exposes. */
static double go_log(double x)
{
    if (isnan(x) || (isinf(x) && x > 0))
        return x;
    if (x < 0)
        return NAN;
    if (x == 0)
        return -INFINITY;
    int ki;
    double f1 = frexp(x, &ki);
    if (f1 < 1.41421356237309504880168872420969807856967187537694807317667974 / 2) {
        f1 *= 2;
        ki--;
    }
    double f = f1 - 1, k = (double)ki;
    double s = f / (2 + f), s2 = s * s, s4 = s2 * s2;
    double t1 = s2 * (6.666666666666735130e-01 +
                      s4 * (2.857142874366239149e-01 +
                            s4 * (1.818357216161805012e-01 + s4 * 1.479819860511658591e-01)));
    double t2 = s4 * (3.999999999940941908e-01 +
                      s4 * (2.222219843214978396e-01 + s4 * 1.531383769920937332e-01));
    double r = t1 + t2, hfsq = 0.5 * f * f;
    return k * 6.93147180369123816490e-01 -
           ((hfsq - (s * (hfsq + r) + k * 1.90821492927058770002e-10)) - f);
}

MATH_F1(log, go_log(x))
/* Go: Log(x) * (1/Ln10), not the C library's correctly rounded log10 */
MATH_F1(log10,
        go_log(x) * 0.434294481903251827651128918916605082294397005803666566114453783 /* 1/Ln10 */)

/* Go's Log2: exact for powers of two, else Log(frac)/Ln2 + exp. */
static void math_log2_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double x = arg_f(args, 0);
    int e;
    double frac = frexp(x, &e);
    if (frac == 0.5) {
        set_f(res, (double)(e - 1));
        return;
    }
    set_f(res, go_log(frac) *
                       1.44269504088896340735992468100189213742664595415298593413544940 /* 1/Ln2 */
                   + (double)e);
}

static void math_max_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double x = arg_f(args, 0), y = arg_f(args, 1);
    double r;
    if (isinf(x) && x > 0)
        r = x;
    else if (isinf(y) && y > 0)
        r = y;
    else if (isnan(x) || isnan(y))
        r = NAN;
    else if (x == 0 && x == y)
        r = signbit(x) ? y : x;
    else
        r = x > y ? x : y;
    set_f(res, r);
}

static void math_min_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double x = arg_f(args, 0), y = arg_f(args, 1);
    double r;
    if (isinf(x) && x < 0)
        r = x;
    else if (isinf(y) && y < 0)
        r = y;
    else if (isnan(x) || isnan(y))
        r = NAN;
    else if (x == 0 && x == y)
        r = signbit(x) ? x : y;
    else
        r = x < y ? x : y;
    set_f(res, r);
}

static void math_mod_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, fmod(arg_f(args, 0), arg_f(args, 1)));
}

static void math_remainder_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, remainder(arg_f(args, 0), arg_f(args, 1)));
}

static void math_atan2_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, atan2(arg_f(args, 0), arg_f(args, 1)));
}

static void math_copysign_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, copysign(arg_f(args, 0), arg_f(args, 1)));
}

static void math_dim_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double v = arg_f(args, 0) - arg_f(args, 1);
    set_f(res, v <= 0 ? 0 : v); /* NaN stays NaN: v <= 0 is false */
}

/* Go's Hypot: p*sqrt(1+(q/p)^2), whose last bit can differ from C's. */
static void math_hypot_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double p = fabs(arg_f(args, 0)), q = fabs(arg_f(args, 1));
    if (isinf(p) || isinf(q)) {
        set_f(res, INFINITY);
        return;
    }
    if (isnan(p) || isnan(q)) {
        set_f(res, NAN);
        return;
    }
    if (p < q) {
        double t = p;
        p = q;
        q = t;
    }
    if (p == 0) {
        set_f(res, 0);
        return;
    }
    q = q / p;
    set_f(res, p * sqrt(1 + q * q));
}

/* Go's Cbrt (a rational first guess, then two Newton-like steps): glibc's
 * differs in the last bit even for perfect cubes (Cbrt(27) is 3 in Go). */
static double go_cbrt(double x)
{
    if (x == 0 || isnan(x) || isinf(x))
        return x;
    int neg = x < 0;
    if (neg)
        x = -x;
    int e;
    double f = frexp(x, &e); /* 0.5 <= f < 1 */
    int m = e % 3;
    if (m > 0) {
        m -= 3;
        e -= m; /* a multiple of 3 */
    }
    if (m == 0) {
        f = 1.662848358e-01 * f + 1.096040958e+00 - 4.105032829e-01 / (5.649335816e-01 + f);
    } else if (m == -1) {
        f *= 0.5;
        f = 2.639607233e-01 * f + 8.699282849e-01 - 1.629083358e-01 / (2.824667908e-01 + f);
    } else {
        f *= 0.25;
        f = 4.190115298e-01 * f + 6.904625373e-01 - 6.46502159e-02 / (1.412333954e-01 + f);
    }
    double y = ldexp(f, e / 3);
    double s = y * y * y;
    double t = s + x;
    y *= (t + x) / (s + t);
    s = (y * y * y - x) / x;
    y -= y * (((14.0 / 81.0) * s - (2.0 / 9.0)) * s + (1.0 / 3.0)) * s;
    return neg ? -y : y;
}

static void math_cbrt_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, go_cbrt(arg_f(args, 0)));
}

static int is_odd_int(double x)
{
    if (fabs(x) >= 9007199254740992.0) /* 1<<53: every such float is even */
        return 0;
    double xi;
    double xf = modf(x, &xi);
    return xf == 0 && ((int64_t)xi & 1) == 1;
}

/* Go's Pow: the special cases, then x**yf by Exp(yf*Log(x)) and x**yi by
 * repeated squaring on Frexp's mantissa (its results differ from the C
 * library's correctly rounded pow in the last bit for many arguments). */
static double go_pow(double x, double y)
{
    if (y == 0 || x == 1)
        return 1;
    if (y == 1)
        return x;
    if (isnan(x) || isnan(y))
        return NAN;
    if (x == 0) {
        if (y < 0)
            return signbit(x) && is_odd_int(y) ? -INFINITY : INFINITY;
        return signbit(x) && is_odd_int(y) ? x : 0;
    }
    if (isinf(y)) {
        if (x == -1)
            return 1;
        if ((fabs(x) < 1) == (y > 0))
            return 0;
        return INFINITY;
    }
    if (isinf(x)) {
        if (x < 0)
            return go_pow(1 / x, -y); /* Pow(-0, -y) */
        return y < 0 ? 0 : INFINITY;
    }
    if (y == 0.5)
        return sqrt(x);
    if (y == -0.5)
        return 1 / sqrt(x);
    double yi;
    double yf = modf(fabs(y), &yi);
    if (yf != 0 && x < 0)
        return NAN;
    if (yi >= 9223372036854775808.0) {
        /* a large even integer: overflow or underflow except for -1 */
        if (x == -1)
            return 1;
        if ((fabs(x) < 1) == (y > 0))
            return 0;
        return INFINITY;
    }
    double a1 = 1.0;
    int ae = 0;
    if (yf != 0) {
        if (yf > 0.5) {
            yf--;
            yi++;
        }
        a1 = exp(yf * go_log(x));
    }
    int xe;
    double x1 = frexp(x, &xe);
    for (int64_t i = (int64_t)yi; i != 0; i >>= 1) {
        if (xe < -(1 << 12) || (1 << 12) < xe) {
            /* catastrophic overflow: ldexp gives the answer */
            ae += xe;
            break;
        }
        if ((i & 1) == 1) {
            a1 *= x1;
            ae += xe;
        }
        x1 *= x1;
        xe <<= 1;
        if (x1 < .5) {
            x1 += x1;
            xe--;
        }
    }
    if (y < 0) {
        a1 = 1 / a1;
        ae = -ae;
    }
    return ldexp(a1, ae);
}

static void math_pow_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, go_pow(arg_f(args, 0), arg_f(args, 1)));
}

static void math_inf_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    set_f(res, (int64_t)cell_get(&args[0]) >= 0 ? INFINITY : -INFINITY);
}

static void math_isinf_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double f = arg_f(args, 0);
    int64_t sign = (int64_t)cell_get(&args[1]);
    cell_set(&res[0], (uint64_t)((sign >= 0 && f > 1.79769313486231570815e308) ||
                                 (sign <= 0 && f < -1.79769313486231570815e308)));
}

static void math_nan_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    (void)args;
    cell_set(&res[0], 0x7FF8000000000001ull); /* Go's NaN bits */
}

static void math_isnan_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)(isnan(arg_f(args, 0)) != 0));
}

static void math_signbit_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]) >> 63);
}

static void math_modf_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    double f = arg_f(args, 0), ip;
    double frac;
    if (f < 1 && f > -1) {
        /* Go: (±0, f) for |f| < 1, keeping the sign of zero */
        ip = f < 0 || (f == 0 && signbit(f)) ? -0.0 : 0.0;
        frac = f;
    } else {
        frac = modf(f, &ip);
    }
    cell_set(&res[0], f64_cell(ip));
    cell_set(&res[1], f64_cell(frac));
}

static void math_frexp_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int e = 0;
    double f = arg_f(args, 0);
    double m = (f == 0 || isinf(f) || isnan(f)) ? f : frexp(f, &e);
    cell_set(&res[0], f64_cell(m));
    cell_set(&res[1], (uint64_t)(int64_t)e);
}

static void math_ldexp_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int64_t e = (int64_t)cell_get(&args[1]);
    if (e > 100000)
        e = 100000;
    if (e < -100000)
        e = -100000;
    set_f(res, ldexp(arg_f(args, 0), (int)e));
}

static void math_bits_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0])); /* a float64's word is its bits */
}

static void math_f32bits_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    /* a float32 is held as its value in a double's bits (value.h) */
    union {
        float f;
        uint32_t u;
    } x = {.f = (float)arg_f(args, 0)};
    cell_set(&res[0], x.u);
}

static void math_f32frombits_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    union {
        uint32_t u;
        float f;
    } x = {.u = (uint32_t)cell_get(&args[0])};
    set_f(res, (double)x.f);
}

const golib_native lib_math_natives[] = {
    {"Sqrt", math_sqrt_native},
    {"Pow", math_pow_native},
    {"Abs", math_abs_native},
    {"Floor", math_floor_native},
    {"Ceil", math_ceil_native},
    {"Round", math_round_native},
    {"RoundToEven", math_round_even_native},
    {"Trunc", math_trunc_native},
    {"Max", math_max_native},
    {"Min", math_min_native},
    {"Mod", math_mod_native},
    {"Remainder", math_remainder_native},
    {"Dim", math_dim_native},
    {"Inf", math_inf_native},
    {"IsInf", math_isinf_native},
    {"NaN", math_nan_native},
    {"IsNaN", math_isnan_native},
    {"Signbit", math_signbit_native},
    {"Copysign", math_copysign_native},
    {"Log", math_log_native},
    {"Log2", math_log2_native},
    {"Log10", math_log10_native},
    {"Log1p", math_log1p_native},
    {"Exp", math_exp_native},
    {"Exp2", math_exp2_native},
    {"Expm1", math_expm1_native},
    {"Sin", math_sin_native},
    {"Cos", math_cos_native},
    {"Tan", math_tan_native},
    {"Asin", math_asin_native},
    {"Acos", math_acos_native},
    {"Atan", math_atan_native},
    {"Atan2", math_atan2_native},
    {"Sinh", math_sinh_native},
    {"Cosh", math_cosh_native},
    {"Tanh", math_tanh_native},
    {"Hypot", math_hypot_native},
    {"Cbrt", math_cbrt_native},
    {"Modf", math_modf_native},
    {"Frexp", math_frexp_native},
    {"Ldexp", math_ldexp_native},
    {"Float64bits", math_bits_native},
    {"Float64frombits", math_bits_native},
    {"Float32bits", math_f32bits_native},
    {"Float32frombits", math_f32frombits_native},
    {NULL, NULL},
};
