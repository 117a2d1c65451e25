/* tui_picker.c - the scenario picker overlay (see tui_picker.h). */
#include "tui_picker.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "tui_keys.h"
#include "tui_widgets.h"

#define NAME_COLS 18 /* the longest built-in name, waitgroup-workers, and a blank */

void tui_picker_free(tui_picker *p)
{
    free(p->items);
    memset(p, 0, sizeof(*p));
}

/* One built-in as its file says (the C defaults if it has none). */
static void pick_load(tui_pick *it, const scenario_def *d)
{
    int rc = scenfile_resolve(d->name, &it->params, &it->text, it->err, sizeof it->err);
    if (rc == 0) {
        it->err[0] = '\0';
    } else if (rc > 0) {
        snprintf(it->err, sizeof it->err, "no scenario file for %s", d->name);
        scenario_defaults(d->name, &it->params);
    }
    if (rc != 0) /* still listed, by its C name */
        snprintf(it->params.name, PS_NAME_LEN, "%s", d->name);
}

int tui_picker_open(tui_picker *p, const char *current)
{
    int n = 0;
    tui_picker_free(p);
    for (const scenario_def *const *d = scenario_all(); *d; d++)
        n++;
    p->items = calloc((size_t)n, sizeof(*p->items));
    if (!p->items)
        return -1;
    p->n = n;
    for (int i = 0; i < n; i++) {
        pick_load(&p->items[i], scenario_all()[i]);
        if (current && !strcmp(p->items[i].params.name, current))
            p->sel = i;
    }
    p->open = 1;
    return 0;
}

tui_pick_result tui_picker_key(tui_picker *p, int key)
{
    switch (key) {
    case KEY_UP:
    case 'k':
        p->sel -= p->sel > 0;
        return TP_NONE;
    case KEY_DOWN:
    case 'j':
        p->sel += p->sel < p->n - 1;
        return TP_NONE;
    case KEY_HOME:
    case 'g':
        p->sel = 0;
        return TP_NONE;
    case KEY_END:
    case 'G':
        p->sel = p->n - 1;
        return TP_NONE;
    case '\n':
    case '\r':
    case KEY_ENTER:
        p->open = 0;
        return TP_CHOSEN;
    case TUI_KEY_ESC:
    case 'q':
    case 'p':
        p->open = 0;
        return TP_CANCELLED;
    default:
        return TP_NONE;
    }
}

/* s wrapped at blanks into rows [y, end) of width columns; a '\n' starts a
 * new paragraph.  Returns the next free row. */
static int draw_wrapped(WINDOW *w, const char *s, int y, int end, int x, int width, tui_role r)
{
    while (*s && y < end) {
        int n = (int)strcspn(s, "\n"), take = n;
        if (take > width) { /* cut at the last blank that fits */
            take = width;
            while (take > 0 && s[take] != ' ')
                take--;
            take = take ? take : width;
        }
        tui_putf(w, y++, x, width, r, "%.*s", take, s);
        s += take;
        s += strspn(s, " ");
        s += *s == '\n';
    }
    return y;
}

static void draw_item(WINDOW *w, const tui_picker *p, int i, int y, tui_rect r)
{
    const tui_pick *it = &p->items[i];
    int sel = i == p->sel, x = r.x + 2;
    tui_role role = sel ? TR_SELECTED : TR_NORMAL;
    if (sel) /* the bar, and an arrow: it reads without colour or reverse too */
        tui_fill(w, y, r.x + 1, r.w - 2, TR_SELECTED);
    tui_put(w, y, x, 1, role, sel ? tui_glyph_str(TG_ARROW_R) : " ");
    tui_putf(w, y, x + 2, NAME_COLS, role, "%s", it->params.name);
    tui_put(w, y, x + 2 + NAME_COLS, r.w - NAME_COLS - 6, it->err[0] ? TR_WARN : role,
            it->err[0] ? "(cannot run: see below)" : it->params.title);
}

void tui_draw_picker(WINDOW *w, const tui_picker *p, int rows, int cols)
{
    int bw = cols - 4 > 100 ? 100 : cols - 4;
    int h = p->n + 13 > rows - 2 ? rows - 2 : p->n + 13;
    tui_rect r = {(rows - h) / 2, (cols - bw) / 2, h, bw};
    tui_box(w, r, TR_BOX, "Scenarios", TR_BOX_TITLE);
    /* the list, then a rule, the paragraph (3 rows at least) and the hint */
    int lh = h - 2 - 5 < p->n ? h - 2 - 5 : p->n;
    int first = p->sel - lh + 1 > 0 ? p->sel - lh + 1 : 0;
    int y = r.y + 1;
    for (int i = first; i < first + lh && i < p->n; i++)
        draw_item(w, p, i, y++, r);
    tui_hline(w, y++, r.x + 1, r.w - 2, TR_BOX);
    int hint = r.y + h - 2;
    if (p->n) {
        const tui_pick *it = &p->items[p->sel];
        draw_wrapped(w, it->err[0] ? it->err : it->text.description, y, hint, r.x + 2, r.w - 4,
                     it->err[0] ? TR_WARN : TR_NORMAL);
    }
    tui_put(w, hint, r.x + 2, r.w - 4, TR_DIM, "Up/Down or j/k move   Enter runs it   Esc cancels");
}
