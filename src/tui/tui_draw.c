/* tui_draw.c - the frame: layout, header, footer, help overlay, and the
 * "terminal too small" screen.  The panels live in tui_diagram.c and
 * tui_panels.c. */
#include "tui_draw.h"

#include <stdio.h>
#include <string.h>

#include "tui_keys.h"
#include "tui_picker.h"

/* The Sync panel's lines: one an object, at most 6 (the program's first). */
static int sync_lines(const model *m)
{
    int n = m->n_objs;
    return n < 1 ? 1 : n > 6 ? 6 : n;
}

static void layout_diagram(tui_layout *l, int cols)
{
    int y0 = l->diagram.y;
    int mw = 24 + (cols - 80) / 6;
    int qx = mw + 14;
    int gap = cols >= 100 ? 22 : 14;
    int iw = qx + 4;
    l->main_box = (tui_rect){y0, 0, 5, mw};
    l->queue_box = (tui_rect){y0, qx, 5, cols - qx};
    l->idle_box = (tui_rect){y0 + 6, 0, 5, iw};
    l->work_box = (tui_rect){y0 + 6, iw + gap, 5, cols - iw - gap};
}

/* Rows for n lanes when avail rows are left for the lanes and the log:
 * every lane when the log keeps a line (no goroutine that fits is hidden);
 * else the log keeps 2 lines and the lanes scroll; at least 1 lane. */
static int lane_rows(int avail, int n)
{
    if (n <= avail - 1)
        return n;
    int rows = avail - 2;
    return rows > n ? n : rows < 1 ? 1 : rows;
}

/* The lanes' rows for n workers in avail rows (the lanes' rule, main's lane
 * and the log's rule already counted out), one a row or, when most would
 * scroll out of sight (64 at 80x24), several to a row as cells saying
 * their state and job; sets lane_cols and lanes_shown. */
static int layout_lanes(tui_layout *l, int avail, int n, int cols)
{
    int lanes = lane_rows(avail, n);
    l->lane_cols = 1;
    l->lanes_shown = lanes < n ? lanes : n;
    if (n > 2 * lanes) {
        l->lane_cols = (cols - 1) / TUI_CELL_W;
        lanes = lane_rows(avail, (n + l->lane_cols - 1) / l->lane_cols);
        l->lanes_shown = lanes * l->lane_cols < n ? lanes * l->lane_cols : n;
    }
    return lanes;
}

void tui_layout_compute(tui_layout *l, int rows, int cols, const model *m)
{
    memset(l, 0, sizeof(*l));
    l->too_small = rows < TUI_MIN_ROWS || cols < TUI_MIN_COLS;
    if (l->too_small)
        return;
    l->header = (tui_rect){0, 0, 1, cols};
    l->footer = (tui_rect){rows - 1, 0, 1, cols};
    l->diagram = (tui_rect){1, 0, TUI_DIAG_ROWS, cols};
    layout_diagram(l, cols);
    int rest = rows - 2 - TUI_DIAG_ROWS, y = 1 + TUI_DIAG_ROWS;
    int workers = model_lanes(m), s0 = sync_lines(m), s, lanes = 0;
    /* main's lane comes first: a lecturer must see main block on a full
     * queue or in Wait even when workers scroll.  The worker lanes come
     * next: the Sync panel gives up lines (down to one) before a goroutine
     * that would fit is hidden; the log keeps what is left.  When they do
     * not fit anyway, Sync keeps two lines and the lanes scroll. */
    for (s = s0; s >= 1; s--) {
        lanes = layout_lanes(l, rest - (1 + s) - 3, workers, cols);
        if (l->lanes_shown >= workers)
            break;
    }
    if (s < 1) {
        s = s0 < 2 ? s0 : 2;
        lanes = layout_lanes(l, rest - (1 + s) - 3, workers, cols);
    }
    /* each section: a rule row, then its lines (main's, then the workers') */
    l->lanes = (tui_rect){y, 0, 2 + lanes, cols};
    y += 2 + lanes;
    l->sync = (tui_rect){y, 0, 1 + s, cols};
    y += 1 + s;
    l->log = (tui_rect){y, 0, rows - 1 - y, cols};
}

void tui_layout_replay(tui_layout *l)
{
    if (l->too_small)
        return;
    if (l->log.h >= 2) {
        l->log.h--;
        l->posbar = (tui_rect){l->log.y + l->log.h, 0, 1, l->footer.w};
    } else if (l->code.h >= 2 && l->code.x == 0) { /* the listing in the log's place */
        l->code.h--;
        l->posbar = (tui_rect){l->code.y + l->code.h, 0, 1, l->footer.w};
    }
}

void tui_marks_from_model(const model *m, pacer_view *v)
{
    v->mode = PACER_STEP;
    v->n_actors = m->hi_actor < PACER_VIEW_MAX ? m->hi_actor : PACER_VIEW_MAX;
    for (int a = 0; a < v->n_actors; a++) {
        int mark = model_step_mark(m, a);
        v->actors[a].state = mark == MODEL_MARK_POINT   ? PA_AT_POINT
                             : mark == MODEL_MARK_TIMED ? PA_TIMED
                                                        : PA_RUNNING;
    }
    v->next_default = model_next_step(m);
}

uint64_t tui_draw_cell_ns(void)
{
    return 1000000u; /* 1 ms: the timeline's finest; it widens to fit the run (tui_panels.c) */
}

const char *tui_mode_word(const tui_frame_input *in)
{
    if (in->finished)
        return in->replay ? "END" : "DONE";
    switch (in->v->mode) {
    case PACER_PAUSE:
        return "PAUSED";
    case PACER_STEP:
        return "STEP";
    default:
        return "RUNNING";
    }
}

static tui_role mode_role(const char *word)
{
    switch (word[0]) {
    case 'P':
        return TR_MODE_PAUSE;
    case 'S':
        return TR_MODE_STEP;
    case 'D':
    case 'E':
        return TR_MODE_DONE;
    default:
        return TR_MODE_RUN;
    }
}

static void speed_text(int64_t milli, char *buf, size_t len)
{
    if (milli >= 10000)
        snprintf(buf, len, "%lldx", (long long)(milli / 1000));
    else
        snprintf(buf, len, "%.1fx", (double)milli / 1000.0);
}

/* REPLAY for a recording, REC while recording live: what a lecturer needs
 * to see at a glance.  Returns its width (0: none). */
static int header_badge(const tui_frame_input *in, const char **text, tui_role *role)
{
    *text = in->replay ? " REPLAY " : in->rec > 0 ? " REC " : in->rec < 0 ? " REC stopped " : "";
    *role = in->rec < 0 && !in->replay ? TR_WARN : TR_MODE_STEP;
    return (int)strlen(*text);
}

static void draw_header(WINDOW *w, const tui_frame_input *in, tui_rect r)
{
    char right[96], speed[32];
    const char *mode = tui_mode_word(in), *badge;
    tui_role brole;
    int bw = header_badge(in, &badge, &brole);
    uint64_t ws = in->wall_ns / 1000000000u;
    speed_text(in->v->speed_milli, speed, sizeof speed);
    /* once the run is over its clock stops at its last event; a replay
     * shows the clock its pace follows, as its position bar does */
    uint64_t vnow = in->finished || in->m->ended ? in->m->vt : in->v->vnow;
    if (in->replay && in->clock)
        vnow = in->pos_t;
    snprintf(right, sizeof right, " %s  %s %.3fs  wall %llu:%02llu ", speed,
             in->replay && in->clock ? in->clock : "virtual", (double)vnow / 1e9,
             (unsigned long long)(ws / 60), (unsigned long long)(ws % 60));
    int rw = tui_width(right), mw = (int)strlen(mode) + 2;
    tui_fill(w, r.y, r.x, r.w, TR_HEADER);
    int x = tui_put(w, r.y, r.x, r.w, TR_HEADER_NAME, " poolscope ");
    int room = r.w - x - rw - mw - bw - 2;
    const char *title = in->title && (int)strlen(in->title) + 1 <= room ? in->title : in->name;
    tui_putf(w, r.y, x + 1, room, TR_HEADER, "%s", title ? title : "");
    if (bw)
        tui_put(w, r.y, r.w - rw - mw - bw - 1, bw, brole, badge);
    tui_putf(w, r.y, r.w - rw - mw, mw, mode_role(mode), " %s ", mode);
    tui_put(w, r.y, r.w - rw, rw, TR_HEADER, right);
}

static void draw_footer(WINDOW *w, const tui_frame_input *in, tui_rect r)
{
    int x = r.x;
    /* the mode's keys first; live, the others (TK_FOOTER_MORE) after them
     * where the width allows */
    unsigned want[2] = {in->replay ? TK_FOOTER_REPLAY : TK_FOOTER, in->replay ? 0 : TK_FOOTER_MORE};
    int full = 0;
    const tui_ui *u = in->ui;
    /* a status message takes the right end; keys stop at a whole key before it */
    int n = u->msg[0] && in->now_ns < u->msg_until ? tui_width(u->msg) : 0;
    int limit = n ? (r.w - n - 2 > 0 ? r.w - n - 2 : 0) : r.w;
    tui_fill(w, r.y, r.x, r.w, TR_NORMAL);
    for (int pass = 0; pass < 2 && !full; pass++)
        for (int i = 0; i < tui_key_count; i++) {
            const tui_key *k = &tui_keys[i];
            if (!(k->flags & want[pass]))
                continue;
            int need = tui_width(k->name) + (int)strlen(k->label) + 1;
            if (x + need > limit) {
                full = 1;
                break;
            }
            x += tui_put(w, r.y, x, r.w - x, TR_KEY, k->name);
            x += tui_putf(w, r.y, x, r.w - x, TR_KEY_LABEL, " %s", k->label);
            x += 2;
        }
    if (n)
        tui_put(w, r.y, limit + 1, r.w - limit - 1, TR_WARN, u->msg);
}

/* Help lines: a key with its aliases ("n Right ."), only the keys that work
 * in this mode (a live run has no seek keys). */
static int help_rows(const tui_frame_input *in, int *first, char names[][32], int max)
{
    int n = 0;
    for (int i = 0; i < tui_key_count && n < max; i++) {
        const tui_key *k = &tui_keys[i];
        if (tui_key_refusal(k, in->caps))
            continue;
        if ((k->flags & TK_ALIAS) && n > 0) {
            size_t o = strlen(names[n - 1]);
            snprintf(names[n - 1] + o, 32 - o, " %s", k->name);
            continue;
        }
        first[n] = i;
        snprintf(names[n++], 32, "%s", k->name);
    }
    return n;
}

/* The legend under the keys: what the screen's marks mean and the default
 * step rule, as pacer.h states it.  Returns the row after it. */
static int help_legend(WINDOW *w, int y, int x, int width, int end)
{
    /* every glyph the screen draws is named here (a token's marks, the
     * queue's slots, the timeline's cells) */
    if (y < end)
        tui_put(w, y++, x, width, TR_DIM,
                "A token (W1, main) stands in the box of its thread's state.");
    if (y < end)
        tui_putf(w, y++, x, width, TR_DIM,
                 "Lit arrow: it just happened. W1%s blocked W1%s done W1%s failed "
                 "W1%s cancelled",
                 tui_glyph_str(TG_BLOCKED), tui_glyph_str(TG_DONE_MARK),
                 tui_glyph_str(TG_FAIL_MARK), tui_glyph_str(TG_CANCEL_MARK));
    if (y < end)
        tui_putf(w, y++, x, width, TR_DIM,
                 "Timeline: %s working  %s idle  %s blocked; queue %s item  %s free",
                 tui_glyph_str(TG_GANTT_WORK), tui_glyph_str(TG_GANTT_IDLE),
                 tui_glyph_str(TG_GANTT_BLOCKED), tui_glyph_str(TG_BLOCK_FULL),
                 tui_glyph_str(TG_BLOCK_EMPTY));
    if (y < end)
        tui_putf(w, y++, x, width, TR_DIM, "Step mode: %s ready to step, %s the one 'n' steps next",
                 tui_glyph_str(TG_READY), tui_glyph_str(TG_NEXT));

    const char *rule[] = {
        "n: the thread ready longest (ties: main, then W1, W2...), else the one",
        "whose timed work ends first (its job ends, virtual time jumps to it).",
        NULL,
    };
    for (int i = 0; rule[i] && y < end; i++, y++)
        tui_put(w, y, x, width, TR_DIM, rule[i]);
    return y;
}

#define HELP_LEGEND_ROWS 6

static void draw_help(WINDOW *w, const tui_frame_input *in, int rows, int cols)
{
    int first[64];
    char names[64][32];
    int n = help_rows(in, first, names, 64);
    /* one key a line with its whole text when it fits; else (80x24) two
     * columns of briefs, so every key and the whole legend still show */
    int two = n + HELP_LEGEND_ROWS + 3 > rows - 2;
    int key_rows = two ? (n + 1) / 2 : n;
    int h = key_rows + HELP_LEGEND_ROWS + 3;
    int bw = two ? cols - 2 : cols - 8 > 76 ? 76 : cols - 8;
    bw = bw > 78 ? 78 : bw;
    h = h > rows - 2 ? rows - 2 : h;
    tui_rect r = {(rows - h) / 2, (cols - bw) / 2, h, bw};
    tui_box(w, r, TR_BOX_TITLE, "Keys (? or Esc closes)", TR_BOX_TITLE);
    int end = r.y + h - 1, cw = (bw - 2) / 2; /* a column: 11 for the key, then the brief */
    for (int i = 0; i < n; i++) {
        int y = r.y + 1 + (two ? i % key_rows : i);
        int x = r.x + 1 + (two && i >= key_rows ? cw : 0);
        if (y >= end)
            continue;
        const tui_key *k = &tui_keys[first[i]];
        tui_putf(w, y, x, 11, TR_KEY, " %-9s ", names[i]);
        if (two)
            tui_put(w, y, x + 11, cw - 11, TR_NORMAL, k->brief ? k->brief : k->help);
        else
            tui_put(w, y, r.x + 14, bw - 16, TR_NORMAL, k->help);
    }
    help_legend(w, r.y + 2 + key_rows, r.x + 2, bw - 4, end);
}

static void draw_too_small(WINDOW *w, int rows, int cols)
{
    char msg[96];
    snprintf(msg, sizeof msg, "terminal too small: need %dx%d, have %dx%d", TUI_MIN_COLS,
             TUI_MIN_ROWS, cols, rows);
    int n = (int)strlen(msg), x = cols > n ? (cols - n) / 2 : 0;
    tui_put(w, rows / 2, x, cols, TR_WARN, msg);
    if (rows / 2 + 1 < rows)
        tui_put(w, rows / 2 + 1, cols > 20 ? (cols - 20) / 2 : 0, cols, TR_NORMAL,
                "enlarge it, or q quits");
}

void tui_draw(WINDOW *w, const tui_frame_input *in)
{
    int rows, cols;
    tui_layout l;
    getmaxyx(w, rows, cols);
    werase(w);
    tui_layout_compute(&l, rows, cols, in->m);
    if (l.too_small) {
        draw_too_small(w, rows, cols);
        return;
    }
    /* the code panel first: a replay's position bar comes out of the log,
     * so the listing shows the rows it showed live */
    if (in->ui->code)
        tui_code_layout(&l, rows, cols, in);
    else if (in->replay)
        tui_layout_replay(&l);
    draw_header(w, in, l.header);
    tui_draw_diagram(w, in, &l);
    tui_draw_lanes(w, in, &l);
    tui_draw_sync(w, in, &l);
    if (l.log.h > 0)
        tui_draw_log(w, in, &l);
    if (l.code.h > 0)
        tui_draw_code(w, in, &l);
    if (l.posbar.h)
        tui_draw_posbar(w, in, l.posbar);
    draw_footer(w, in, l.footer);
    if (in->ui->help)
        draw_help(w, in, rows, cols);
    if (in->ui->picker && in->ui->picker->open)
        tui_draw_picker(w, in->ui->picker, rows, cols);
}
