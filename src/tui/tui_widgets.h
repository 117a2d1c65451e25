/* tui_widgets.h - the small drawing pieces every panel uses: clipped text,
 * boxes with titles, section rules, gauges, sparklines. */
#ifndef PS_TUI_WIDGETS_H
#define PS_TUI_WIDGETS_H

#include <curses.h>
#include <stdint.h>

#include "tui_theme.h"

typedef struct tui_rect {
    int y, x, h, w;
} tui_rect;

/* Text at (y, x) in role r, cut to at most max columns; returns columns used.
 * UTF-8 glyph strings count one column per character. */
int tui_put(WINDOW *w, int y, int x, int max, tui_role r, const char *s);
int tui_putf(WINDOW *w, int y, int x, int max, tui_role r, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
/* Columns s takes on screen. */
int tui_width(const char *s);
/* A box with a title in its top border. */
void tui_box(WINDOW *w, tui_rect r, tui_role border, const char *title, tui_role title_role);
/* A horizontal rule across the rect's top row with a title: "── Title ─────". */
void tui_rule(WINDOW *w, int y, int x, int width, const char *title);
void tui_hline(WINDOW *w, int y, int x, int n, tui_role r);
void tui_vline(WINDOW *w, int y, int x, int n, tui_role r);
/* A bar of n cells, filled (num/den) of it: the filled part in TR_GAUGE glyphs. */
void tui_bar(WINDOW *w, int y, int x, int n, uint64_t num, uint64_t den);
/* A sparkline of the last n of vals (a ring of cap with count total). */
void tui_sparkline(WINDOW *w, int y, int x, int n, const int64_t *ring, int cap, uint32_t count);
void tui_fill(WINDOW *w, int y, int x, int n, tui_role r);

#endif
