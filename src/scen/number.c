#include "number.h"

#include <limits.h>

static int digit(char c)
{
    return c >= '0' && c <= '9';
}

int number_parse_int(const char *s, long long *out)
{
    int neg = *s == '-';
    const char *p = s + neg;
    unsigned long long v = 0;
    if (!digit(*p))
        return -1;
    for (; digit(*p); p++) {
        unsigned d = (unsigned)(*p - '0');
        if (v > (ULLONG_MAX - d) / 10)
            return -1;
        v = v * 10 + d;
    }
    if (*p || v > (unsigned long long)LLONG_MAX + (unsigned long long)neg)
        return -1;
    *out = neg ? (long long)(0 - v) : (long long)v;
    return 0;
}

int number_parse_milli(const char *s, long long *milli)
{
    int neg = *s == '-';
    const char *p = s + neg;
    long long whole = 0, frac = 0;
    int places = 0;
    if (!digit(*p))
        return -1;
    for (; digit(*p); p++) {
        if (whole > (LLONG_MAX / 1000 - 9) / 10)
            return -1;
        whole = whole * 10 + (*p - '0');
    }
    if (*p == '.') {
        p++;
        if (!digit(*p))
            return -1;
        for (; digit(*p); p++) {
            if (++places > 3)
                return -1;
            frac = frac * 10 + (*p - '0');
        }
    }
    if (*p)
        return -1;
    for (int i = places; i < 3; i++)
        frac *= 10;
    *milli = (neg ? -1 : 1) * (whole * 1000 + frac);
    return 0;
}
