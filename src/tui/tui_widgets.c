#include "tui_widgets.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

int tui_width(const char *s)
{
    int n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80; /* count UTF-8 lead bytes */
    return n;
}

int tui_put(WINDOW *w, int y, int x, int max, tui_role r, const char *s)
{
    int maxy, maxx;
    getmaxyx(w, maxy, maxx);
    if (y < 0 || y >= maxy || x < 0 || x >= maxx || max <= 0)
        return 0;
    if (max > maxx - x)
        max = maxx - x;
    /* cut at a character boundary after max columns */
    int cols = 0;
    size_t bytes = 0;
    while (s[bytes] && cols < max) {
        bytes++;
        while (((unsigned char)s[bytes] & 0xC0) == 0x80)
            bytes++;
        cols++;
    }
    wattrset(w, tui_attr(r));
    mvwaddnstr(w, y, x, s, (int)bytes);
    wattrset(w, A_NORMAL);
    return cols;
}

int tui_putf(WINDOW *w, int y, int x, int max, tui_role r, const char *fmt, ...)
{
    char buf[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    return tui_put(w, y, x, max, r, buf);
}

void tui_hline(WINDOW *w, int y, int x, int n, tui_role r)
{
    if (n <= 0)
        return;
    wattrset(w, tui_attr(r));
    mvwhline(w, y, x, ACS_HLINE, n);
    wattrset(w, A_NORMAL);
}

void tui_vline(WINDOW *w, int y, int x, int n, tui_role r)
{
    if (n <= 0)
        return;
    wattrset(w, tui_attr(r));
    mvwvline(w, y, x, ACS_VLINE, n);
    wattrset(w, A_NORMAL);
}

void tui_fill(WINDOW *w, int y, int x, int n, tui_role r)
{
    if (n <= 0)
        return;
    wattrset(w, tui_attr(r));
    mvwhline(w, y, x, ' ', n);
    wattrset(w, A_NORMAL);
}

void tui_box(WINDOW *w, tui_rect r, tui_role border, const char *title, tui_role title_role)
{
    if (r.h < 2 || r.w < 2)
        return;
    wattrset(w, tui_attr(border));
    mvwaddch(w, r.y, r.x, ACS_ULCORNER);
    mvwaddch(w, r.y, r.x + r.w - 1, ACS_URCORNER);
    mvwaddch(w, r.y + r.h - 1, r.x, ACS_LLCORNER);
    mvwaddch(w, r.y + r.h - 1, r.x + r.w - 1, ACS_LRCORNER);
    mvwhline(w, r.y, r.x + 1, ACS_HLINE, r.w - 2);
    mvwhline(w, r.y + r.h - 1, r.x + 1, ACS_HLINE, r.w - 2);
    mvwvline(w, r.y + 1, r.x, ACS_VLINE, r.h - 2);
    mvwvline(w, r.y + 1, r.x + r.w - 1, ACS_VLINE, r.h - 2);
    wattrset(w, A_NORMAL);
    for (int y = r.y + 1; y < r.y + r.h - 1; y++)
        mvwhline(w, y, r.x + 1, ' ', r.w - 2);
    if (title && *title) {
        char t[128];
        snprintf(t, sizeof t, " %s ", title);
        tui_put(w, r.y, r.x + 2, r.w - 4, title_role, t);
    }
}

void tui_rule(WINDOW *w, int y, int x, int width, const char *title)
{
    tui_hline(w, y, x, width, TR_RULE);
    if (title && *title) {
        char t[160];
        snprintf(t, sizeof t, " %s ", title);
        tui_put(w, y, x + 2, width - 4, TR_RULE, t);
    }
}

void tui_bar(WINDOW *w, int y, int x, int n, uint64_t num, uint64_t den)
{
    if (n <= 0)
        return;
    /* a double: num * n wraps for the counts a recording may claim */
    double f = den ? (double)(num < den ? num : den) / (double)den * n + 0.5 : 0;
    int fill = (int)f;
    if (num > 0 && fill == 0)
        fill = 1; /* something is there: show it */
    if (fill > n)
        fill = n;
    for (int i = 0; i < n; i++)
        tui_put(w, y, x + i, 1, i < fill ? TR_GAUGE : TR_GAUGE_EMPTY,
                tui_glyph_str(i < fill ? TG_BLOCK_FULL : TG_BLOCK_EMPTY));
}

void tui_sparkline(WINDOW *w, int y, int x, int n, const int64_t *ring, int cap, uint32_t count)
{
    int k = (int)(count < (uint32_t)cap ? count : (uint32_t)cap);
    if (k > n)
        k = n;
    if (k <= 0)
        return;
    int64_t lo = INT64_MAX, hi = INT64_MIN;
    for (int i = 0; i < k; i++) {
        int64_t v = ring[(count - (uint32_t)k + (uint32_t)i) % (uint32_t)cap];
        lo = v < lo ? v : lo;
        hi = v > hi ? v : hi;
    }
    for (int i = 0; i < k; i++) {
        int64_t v = ring[(count - (uint32_t)k + (uint32_t)i) % (uint32_t)cap];
        /* unsigned span: hi - lo and v - lo overflow int64 when a recording's
         * values reach both INT64_MIN and INT64_MAX; the level needs no more
         * precision than a double's */
        uint64_t span = (uint64_t)hi - (uint64_t)lo, off = (uint64_t)v - (uint64_t)lo;
        int level = span ? (int)((double)off / (double)span * 7.0) : 3;
        level = level < 0 ? 0 : level > 7 ? 7 : level;
        tui_put(w, y, x + i, 1, TR_OK, tui_spark(level));
    }
}
