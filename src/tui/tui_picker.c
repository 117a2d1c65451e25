/* tui_picker.c - the scenario picker overlay (see tui_picker.h). */
#include "tui_picker.h"

#include <dirent.h>
#include <limits.h>
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

/* A Go program as an entry: its file name, the title and paragraph of its
 * leading comment (docs/scenarios.md). */
static void put(char *dst, size_t n, const char *src)
{
    size_t k = strlen(src);
    k = k < n ? k : n - 1;
    memcpy(dst, src, k);
    dst[k] = 0;
}

static void pick_go(tui_pick *it, const char *path)
{
    put(it->go_path, sizeof it->go_path, path);
    const char *base = strrchr(path, '/');
    put(it->params.name, PS_NAME_LEN, base ? base + 1 : path);
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(it->err, sizeof it->err, "%.200s: cannot be read", path);
        return;
    }
    char line[512];
    size_t o = 0;
    int first = 1;
    while (fgets(line, sizeof line, f) && strncmp(line, "package ", 8) != 0) {
        line[strcspn(line, "\n")] = 0;
        if (strncmp(line, "// ", 3) != 0 || !strncmp(line, "// poolscope:", 13))
            continue;
        if (first)
            put(it->params.title, PS_TITLE_LEN, line + 3);
        else if (o + 2 < sizeof it->text.description)
            o += (size_t)snprintf(it->text.description + o, sizeof it->text.description - o, "%s%s",
                                  o ? " " : "", line + 3);
        first = 0;
    }
    fclose(f);
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The .go files of dir, sorted, as entries after the first n of p; the new n. */
static int add_go_dir(tui_picker *p, int n, int cap, const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return n;
    char *names[256];
    int k = 0;
    struct dirent *e;
    while ((e = readdir(d)) && k < 256) {
        size_t len = strlen(e->d_name);
        if (len > 3 && !strcmp(e->d_name + len - 3, ".go") && (names[k] = strdup(e->d_name)))
            k++;
    }
    closedir(d);
    qsort(names, (size_t)k, sizeof names[0], by_name);
    for (int i = 0; i < k; i++) {
        size_t dl = strlen(dir), nl = strlen(names[i]);
        if (n < cap && dl + 1 + nl < PATH_MAX) {
            char path[PATH_MAX];
            memcpy(path, dir, dl);
            path[dl] = '/';
            memcpy(path + dl + 1, names[i], nl + 1);
            pick_go(&p->items[n++], path);
        }
        free(names[i]);
    }
    return n;
}

#define PICKER_MAX_GO 64 /* Go programs listed, built-in and the current directory's */

int tui_picker_open(tui_picker *p, const char *current)
{
    int n = 0;
    tui_picker_free(p);
    for (const scenario_def *const *d = scenario_all(); *d; d++)
        n++;
    int cap = n + PICKER_MAX_GO;
    p->items = calloc((size_t)cap, sizeof(*p->items));
    if (!p->items)
        return -1;
    for (int i = 0; i < n; i++)
        pick_load(&p->items[i], scenario_all()[i]);
    char dir[PATH_MAX];
    if (scenfile_go_dir(dir, sizeof dir))
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
