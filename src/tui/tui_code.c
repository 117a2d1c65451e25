/* tui_code.c - the code panel: the program's listing with each goroutine's marker (W1▶, main▶) on
 * the line it stands on.  Where a thread stands is folded from its events in the model
 * (m->ui.code_at); this file only places and draws the panel, so a frame stays a function of its
 * input. */
#include <stdio.h>
#include <string.h>

#include "tui_draw.h"

#define GUTTER_MIN 6 /* "main▶" and a blank */
#define GUTTER_BOTTOM 14
#define GUTTER_SIDE 10

static int listing_lines(const tui_frame_input *in)
{
    const scenario_text *t = in->ui->text;
    return t ? t->n_lines : 0;
}

static int digits(int n)
{
    int d = 1;
    while (n >= 10)
        n /= 10, d++;
    return d;
}

/* Columns the side panel wants: a gap and a rule, the gutter, numbers, the
 * longest line. */
static int side_width(const tui_frame_input *in)
{
    const scenario_text *t = in->ui->text;
    int longest = 24;
    for (int i = 0; t && i < t->n_lines; i++) {
        int n = tui_width(t->lines[i]);
        longest = n > longest ? n : longest;
    }
    return 2 + GUTTER_SIDE + digits(listing_lines(in)) + 1 + longest + 1;
}

void tui_code_layout(tui_layout *l, int rows, int cols, const tui_frame_input *in)
{
    int left = cols - side_width(in);
    if (cols < TUI_CODE_SIDE_COLS || left < TUI_MIN_COLS) {
        /* no room beside the panels for whole lines: the listing takes the
         * log's place, full width, and the log keeps its newest lines under
         * it when there is room for both */
        int keep = l->log.h >= 12 ? 4 : 0;
        l->code = l->log;
        l->code.h -= keep;
        l->log.y += l->code.h;
        l->log.h = keep;
        if (in->replay)
            tui_layout_replay(l);
        return;
    }
    tui_layout_compute(l, rows, left, in->m);
    if (in->replay) /* the position bar, under the panels on the left */
        tui_layout_replay(l);
    l->header.w = l->footer.w = cols;
    l->code = (tui_rect){1, left, rows - 2, cols - left};
}

/* The first code line shown when the listing does not fit in n rows: the
 * window that shows the thread that moved last and, of the others, as many
 * markers as it can; among equals the one that centres the last mover. */
static int first_line(const tui_frame_input *in, int n)
{
    const model_ui *u = &in->m->ui;
    int total = listing_lines(in), actors = in->m->n_actors;
    if (total <= n)
        return 1;
    int anchor = u->code_last >= 0 && u->code_last < actors ? u->code_at[u->code_last] : 0;
    int best = 1, best_count = -1, best_off = total;
    for (int top = 1; top + n - 1 <= total; top++) {
        if (anchor && (anchor < top || anchor > top + n - 1))
            continue;
        int count = 0, off = anchor ? top + n / 2 - anchor : 0;
        for (int a = 0; a < actors && a < PS_MAX_ACTORS; a++)
            count += u->code_at[a] >= top && u->code_at[a] <= top + n - 1;
        off = off < 0 ? -off : off;
        if (count > best_count || (count == best_count && off < best_off))
            best = top, best_count = count, best_off = off;
    }
    if (best_count == 0 && !anchor) /* nobody on it yet: where the program starts */
        for (int i = 0; i < total; i++)
            if (!strncmp(in->ui->text->lines[i], "func main()", 11)) {
                int top = i + 1 - 2 > 1 ? i + 1 - 2 : 1;
                return top + n - 1 <= total ? top : total - n + 1;
            }
    return best;
}

/* "W1 W3" or "main": the threads on code line ln in at most width columns,
 * the ones that do not fit counted as "+N".  Returns how many there are. */
static int gutter_text(const tui_frame_input *in, int ln, int width, char *buf, size_t len)
{
    const model_ui *u = &in->m->ui;
    int here[PS_MAX_ACTORS], n = 0, actors = in->m->n_actors;
    for (int a = 0; a < actors && a < PS_MAX_ACTORS; a++)
        if (u->code_at[a] == ln)
            here[n++] = a;
    size_t o = 0, all = 0;
    char nm[PS_ACTOR_NAME_LEN];
    for (int i = 0; i < n; i++)
        all += (i > 0) + strlen(model_actor_name(here[i], nm));
    buf[0] = '\0';
    for (int i = 0; i < n; i++) {
        const char *name = model_actor_name(here[i], nm);
        size_t need = o + (i > 0) + strlen(name);
        /* when not all fit, keep room for " +N" after the ones shown */
        if (i > 0 && (int)all > width && (int)need + 4 > width) {
            snprintf(buf + o, len - o, " +%d", n - i);
            break;
        }
        o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? " " : "", name);
    }
    return n;
}

/* squeeze: the listing is wider than the panel, so indentation is halved
 * (four columns a level become two) before lines are cut. */
static void draw_line(WINDOW *w, const tui_frame_input *in, int ln, int y, tui_rect r, int gw,
                      int squeeze)
{
    const scenario_text *t = in->ui->text;
    const char *text = t->lines[ln - 1];
    size_t lead = strspn(text, " ");
    text += squeeze ? lead - lead / 2 : 0;
    char marks[64];
    int nw = digits(t->n_lines), x = r.x + gw;
    /* the gutter: marks, then the arrow, then a blank before the number */
    int here = gutter_text(in, ln, gw - 2, marks, sizeof marks);
    if (here) {
        int mx = x - 2 - tui_width(marks);
        tui_put(w, y, mx < r.x ? r.x : mx, gw - 2, TR_READY, marks);
        tui_put(w, y, x - 2, 1, TR_READY, tui_glyph_str(TG_ARROW_R));
        tui_fill(w, y, x, r.x + r.w - x, TR_CODE_HOT);
    }
    tui_putf(w, y, x, nw, here ? TR_CODE_HOT : TR_DIM, "%*d", nw, ln);
    tui_put(w, y, x + nw + 1, r.x + r.w - x - nw - 1, here ? TR_CODE_HOT : TR_NORMAL, text);
}

void tui_draw_code(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    tui_rect r = l->code;
    const scenario_text *t = in->ui->text;
    int side = r.x > 0, rows = r.h - 1, total = listing_lines(in);
    if (side) { /* a blank, a rule down the left edge, the listing right of it */
        tui_vline(w, r.y, r.x + 1, r.h, TR_RULE);
        r.x += 2, r.w -= 2;
    }
    const char *src = t ? t->source : "";
    const char *base = strrchr(src, '/');
    int top = first_line(in, rows), last = top + rows - 1 < total ? top + rows - 1 : total;
    char title[160];
    if (total > rows)
        snprintf(title, sizeof title, "Code: %.60s  %d-%d of %d", base ? base + 1 : src, top, last,
                 total);
    else
        snprintf(title, sizeof title, "Code: %.60s", total ? (base ? base + 1 : src) : "none");
    tui_rule(w, r.y, r.x, r.w, title);
    if (!total) {
        tui_put(w, r.y + 1, r.x + 1, r.w - 2, TR_DIM,
                "this scenario has no code listing (see docs/scenarios.md, [code])");
        return;
    }
    int gw = side ? GUTTER_SIDE : GUTTER_BOTTOM;
    gw = gw < GUTTER_MIN ? GUTTER_MIN : gw;
    int longest = 0;
    for (int i = 0; i < total; i++) {
        int n = tui_width(t->lines[i]);
        longest = n > longest ? n : longest;
    }
    int squeeze = gw + digits(total) + 1 + longest > r.w;
    for (int ln = top, y = r.y + 1; ln <= last; ln++, y++)
        draw_line(w, in, ln, y, r, gw, squeeze);
}
