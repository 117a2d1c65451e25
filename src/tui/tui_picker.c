/* tui_picker.c - the scenario picker overlay (see tui_picker.h). */
#include "tui_picker.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "scen/catalog.h"
#include "tui_keys.h"
#include "tui_widgets.h"

#define NAME_COLS 22 /* the longest built-in name, waitgroup-workers.go, and a blank */

void tui_picker_free(tui_picker *p)
{
    free(p->items);
    memset(p, 0, sizeof(*p));
}

/* A Go program as an entry: its file name, the title and paragraph of its
 * leading comment (docs/scenarios.md). */
static void pick_go(tui_pick *it, const char *path)
{
    snprintf(it->go_path, sizeof it->go_path, "%s", path);
    const char *base = strrchr(path, '/');
    snprintf(it->params.name, PS_NAME_LEN, "%.31s", base ? base + 1 : path);
    if (catalog_about(path, it->params.title, PS_TITLE_LEN, it->text.description,
                      sizeof it->text.description) != 0)
        snprintf(it->err, sizeof it->err, "%.200s: cannot be read", path);
}

/* The .go files of dir, sorted, as entries after the first n of p; the new n. */
static int add_go_dir(tui_picker *p, int n, int cap, const char *dir)
{
    char **names;
    int k = catalog_names(dir, &names);
    for (int i = 0; i < k && n < cap; i++) {
        char path[PATH_MAX];
        if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, names[i]) < sizeof path)
            pick_go(&p->items[n++], path);
    }
    if (k >= 0) /* the list is allocated even when it is empty */
        catalog_names_free(names, k);
    return n;
}

#define PICKER_MAX_GO 64 /* Go programs listed, built-in and the current directory's */

int tui_picker_open(tui_picker *p, const char *current)
{
    int n = 0, cap = PICKER_MAX_GO;
    tui_picker_free(p);
    p->items = calloc((size_t)cap, sizeof(*p->items));
    if (!p->items)
        return -1;
    char dir[PATH_MAX];
    if (catalog_dir(dir, sizeof dir))
        n = add_go_dir(p, n, cap, dir);
    n = add_go_dir(p, n, cap, ".");
    p->n = n;
    for (int i = 0; i < n; i++)
        if (current && !strcmp(p->items[i].params.name, current))
            p->sel = i;
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
