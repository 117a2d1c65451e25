#include "gbuf.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void gbuf_init(gbuf *b)
{
    memset(b, 0, sizeof *b);
}

void gbuf_free(gbuf *b)
{
    free(b->p);
    gbuf_init(b);
}

void gbuf_reset(gbuf *b)
{
    b->len = 0;
}

int gbuf_reserve(gbuf *b, size_t n)
{
    if (b->failed)
        return -1;
    /* one byte more for gbuf_cstr's NUL */
    if (n < b->cap - b->len)
        return 0;
    if (n > SIZE_MAX / 2 - b->len) {
        b->failed = 1;
        return -1;
    }
    size_t cap = b->cap ? b->cap : 64;
    while (cap - b->len <= n)
        cap *= 2;
    char *p = realloc(b->p, cap);
    if (!p) {
        b->failed = 1;
        return -1;
    }
    b->p = p;
    b->cap = cap;
    return 0;
}

void gbuf_put(gbuf *b, const char *p, size_t n)
{
    if (!n || gbuf_reserve(b, n))
        return;
    memcpy(b->p + b->len, p, n);
    b->len += n;
}

void gbuf_puts(gbuf *b, const char *s)
{
    gbuf_put(b, s, strlen(s));
}

void gbuf_putc(gbuf *b, char c)
{
    if (gbuf_reserve(b, 1))
        return;
    b->p[b->len++] = c;
}

void gbuf_fill(gbuf *b, char c, size_t n)
{
    if (!n || gbuf_reserve(b, n))
        return;
    memset(b->p + b->len, c, n);
    b->len += n;
}

void gbuf_put_rune(gbuf *b, int32_t r)
{
    unsigned char s[4];
    uint32_t u = (uint32_t)r;
    if (u > 0x10FFFF || (u >= 0xD800 && u <= 0xDFFF))
        u = 0xFFFD;
    if (u < 0x80) {
        gbuf_putc(b, (char)u);
        return;
    }
    size_t n;
    if (u < 0x800) {
        s[0] = (unsigned char)(0xC0 | u >> 6);
        s[1] = (unsigned char)(0x80 | (u & 0x3F));
        n = 2;
    } else if (u < 0x10000) {
        s[0] = (unsigned char)(0xE0 | u >> 12);
        s[1] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
        s[2] = (unsigned char)(0x80 | (u & 0x3F));
        n = 3;
    } else {
        s[0] = (unsigned char)(0xF0 | u >> 18);
        s[1] = (unsigned char)(0x80 | (u >> 12 & 0x3F));
        s[2] = (unsigned char)(0x80 | (u >> 6 & 0x3F));
        s[3] = (unsigned char)(0x80 | (u & 0x3F));
        n = 4;
    }
    gbuf_put(b, (const char *)s, n);
}

void gbuf_truncate(gbuf *b, size_t len)
{
    if (len < b->len)
        b->len = len;
}

const char *gbuf_cstr(gbuf *b)
{
    if (!b->p)
        return "";
    /* gbuf_reserve keeps len < cap: there is room for the NUL */
    b->p[b->len] = 0;
    return b->p;
}
