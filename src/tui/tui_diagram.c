/* tui_diagram.c - the lecture's state diagram, live.
 *
 * Drawn like its mermaid source: Main goroutine (Create Workers, Submit Jobs)
 * -> Job Queue -> Worker pool {Idle Worker <-> Working}, with the same
 * transition labels.  Each thread is a token standing in the box of its
 * state; an arrow lights up when its transition happens.  Scenarios without
 * a job queue get the same idea over generic thread states. */
#include <stdio.h>
#include <string.h>

#include "tui_draw.h"

static tui_role arrow_role(const tui_frame_input *in, int arrow)
{
    int stopped = in->finished || in->v->mode != PACER_RUN;
    return tui_ui_lit(in->ui, in->m, arrow, in->now_ns, stopped) ? TR_ARROW_HOT : TR_ARROW;
}

static tui_role token_role(int state)
{
    switch (state) {
    case MS_WORKING:
    case MS_SLEEPING:
        return TR_TOK_WORK;
    case MS_WAIT_SEND:
    case MS_WAIT_MUTEX:
    case MS_WAIT_WG:
        return TR_TOK_BLOCKED;
    case MS_DONE:
        return TR_TOK_DONE;
    default:
        return TR_TOK_IDLE;
    }
}

/* Token text: "W1", "W1:j3" when working, "W1!" blocked, "W1+" done. */
static void token_text(const model *m, int a, char *buf, size_t len)
{
    char nb[PS_ACTOR_NAME_LEN];
    const model_actor *ac = &m->actors[a];
    const char *name = model_actor_name(a, nb);
    if (ac->state == MS_WORKING)
        snprintf(buf, len, "%s:j%lld", name, (long long)ac->job);
    else if (ac->state == MS_DONE && ac->outcome) /* an errgroup function failed or was cancelled */
        snprintf(buf, len, "%s%s", name,
                 tui_glyph_str(ac->outcome == 2 ? TG_CANCEL_MARK : TG_FAIL_MARK));
    else if (ac->state == MS_DONE)
        snprintf(buf, len, "%s%s", name, tui_glyph_str(TG_DONE_MARK));
    else if (token_role(ac->state) == TR_TOK_BLOCKED)
        snprintf(buf, len, "%s%s", name, tui_glyph_str(TG_BLOCKED));
    else
        snprintf(buf, len, "%s", name);
}

typedef int (*actor_filter)(const model *m, int a);

/* Flows the tokens of every actor passing 'in_box' into the box's inside;
 * when they do not fit, the last slot says how many more there are. */
static void draw_tokens(WINDOW *w, const model *m, tui_rect box, actor_filter in_box)
{
    int left = box.x + 2, x = left, y = box.y + 1, right = box.x + box.w - 2;
    int bottom = box.y + box.h - 2, total = 0, shown = 0;
    for (int a = 0; a < m->n_actors; a++)
        total += in_box(m, a);
    for (int a = 0; a < m->n_actors; a++) {
        if (!in_box(m, a))
            continue;
        char t[24];
        token_text(m, a, t, sizeof t);
        int tw = tui_width(t) + 2, more = total - shown - 1;
        if (x + tw > right + 1 && y < bottom) {
            x = left;
            y++;
        }
        /* on the last row, keep room for "+N" while more tokens follow */
        if (x + tw > right + 1 || (y == bottom && more > 0 && x + tw + 6 > right + 1)) {
            tui_putf(w, y, x, right - x + 1, TR_BOX_TITLE, "+%d", total - shown);
            return;
        }
        tui_putf(w, y, x, tw, token_role(m->actors[a].state), " %s ", t);
        x += tw + 1;
        shown++;
    }
}

static int in_idle(const model *m, int a)
{
    int s = m->actors[a].state;
    return a != PS_ACTOR_MAIN && (s == MS_IDLE || s == MS_WAIT_RECV || s == MS_DONE);
}

static int in_working(const model *m, int a)
{
    int s = m->actors[a].state;
    return a != PS_ACTOR_MAIN && s != MS_NEW && !in_idle(m, a);
}

/* ---- worker-pool variant ---- */

typedef enum { PH_CREATE, PH_SUBMIT, PH_RESULTS, PH_DONE } main_phase;

static main_phase phase_of(const model *m)
{
    const model_queue *q = &m->queues[m->layout.job_queue];
    if (m->actors[0].state == MS_DONE || m->ended)
        return PH_DONE;
    if (q->closed)
        return PH_RESULTS;
    int started = 0;
    for (int a = 1; a < m->n_actors; a++)
        started += m->actors[a].state != MS_NEW;
    return q->sent == 0 && started < m->layout.workers ? PH_CREATE : PH_SUBMIT;
}

static void draw_main_box(WINDOW *w, const tui_frame_input *in, tui_rect b)
{
    const model *m = in->m;
    static const char *const steps[] = {"Create Workers", "Submit Jobs", "Get Results"};
    main_phase ph = phase_of(m);
    tui_box(w, b, TR_BOX, "Main goroutine", TR_BOX_TITLE);
    for (int i = 0; i < 3; i++) {
        int y = b.y + 1 + i;
        if (i)
            tui_put(w, y, b.x + 2, 1, TR_ARROW, tui_glyph_str(TG_ARROW_D));
        tui_put(w, y, b.x + 4, b.w - 5, (int)ph == i ? TR_BOX_TITLE : TR_NORMAL, steps[i]);
    }
    int row = ph == PH_DONE ? 2 : (int)ph;
    char t[16];
    token_text(m, 0, t, sizeof t);
    tui_role r = ph == PH_DONE ? TR_TOK_DONE : token_role(m->actors[0].state);
    if (m->actors[0].state == MS_WAIT_RECV) {
        r = TR_TOK_BLOCKED; /* main blocks on the results, workers idle on jobs */
        snprintf(t, sizeof t, "main%s", tui_glyph_str(TG_BLOCKED));
    } else if (r == TR_TOK_IDLE) {
        r = TR_TOK_MAIN;
    }
    int tw = tui_width(t) + 2;
    tui_putf(w, b.y + 1 + row, b.x + b.w - 1 - tw, tw, r, " %s ", t);
    /* step mode: main has no lane, so its ready mark goes by its token */
    const pacer_view *v = in->v;
    int st = v->n_actors > 0 ? v->actors[0].state : PA_RUNNING;
    if (!in->finished && v->mode != PACER_RUN && (st == PA_AT_POINT || st == PA_TIMED))
        tui_put(w, b.y + 1 + row, b.x + b.w - 2 - tw, 1, TR_READY,
                tui_glyph_str(v->next_default == 0 ? TG_NEXT : TG_READY));
}

/* "2 3 4 ... +97" : the queue's items in order from its head. */
static void draw_queue_items(WINDOW *w, const model_queue *q, int y, int x, int width)
{
    int used = tui_put(w, y, x, width, TR_DIM, "next: ");
    if (!q->depth) {
        tui_put(w, y, x + used, width - used, TR_DIM, "(empty)");
        return;
    }
    itemq_iter it = itemq_begin(&q->items);
    int64_t item;
    for (uint64_t i = 0; i < q->depth && itemq_next(&it, &item); i++) {
        char id[24], more[24];
        snprintf(id, sizeof id, "%lld", (long long)item);
        snprintf(more, sizeof more, "+%llu more", (unsigned long long)(q->depth - i));
        int need = (int)strlen(id) + 1;
        if (used + need + (i + 1 < q->depth ? (int)strlen(more) + 1 : 0) > width) {
            tui_put(w, y, x + used, width - used, TR_DIM, more);
            return;
        }
        used += tui_put(w, y, x + used, width - used, TR_BOX_TITLE, id) + 1;
    }
}

static void waiters_text(const uint8_t *list, int n, char *buf, size_t len)
{
    size_t o = 0;
    buf[0] = 0;
    for (int i = 0; i < n && o + 8 < len; i++) {
        char name[PS_ACTOR_NAME_LEN];
        o += (size_t)snprintf(buf + o, len - o, "%s%s", i ? " " : "",
                              model_actor_name(list[i], name));
    }
}

static void draw_queue_box(WINDOW *w, const tui_frame_input *in, tui_rect b)
{
    const model *m = in->m;
    int qi = m->layout.job_queue;
    const model_queue *q = &m->queues[qi];
    char title[64], nums[48], who[160];
    snprintf(title, sizeof title, "Job Queue: %s", m->layout.queues[qi].name);
    tui_box(w, b, TR_BOX, title, TR_BOX_TITLE);
    int inner = b.w - 4, x = b.x + 2;
    snprintf(nums, sizeof nums, " %llu/%u", (unsigned long long)q->depth, q->cap);
    int tag = q->closed ? 9 : 0, nw = (int)strlen(nums);
    int bar = inner - nw - tag;
    bar = bar > 30 ? 30 : bar;
    tui_bar(w, b.y + 1, x, bar, q->depth, q->cap);
    tui_put(w, b.y + 1, x + bar, nw, TR_BOX_TITLE, nums);
    if (q->closed)
        tui_put(w, b.y + 1, x + bar + nw + 2, 7, TR_WARN, "CLOSED");
    draw_queue_items(w, q, b.y + 2, x, inner);
    if (q->n_recv_waiters) {
        waiters_text(q->recv_waiters, q->n_recv_waiters, who, sizeof who);
        tui_putf(w, b.y + 3, x, inner, TR_TOK_BLOCKED, "waiting to receive (empty): %s", who);
    } else if (q->n_send_waiters) {
        waiters_text(q->send_waiters, q->n_send_waiters, who, sizeof who);
        tui_putf(w, b.y + 3, x, inner, TR_TOK_BLOCKED, "waiting to send (full): %s", who);
    } else {
        tui_put(w, b.y + 3, x, inner, TR_DIM, "nobody blocked on it");
    }
}

/* A vertical connector from a box's bottom border into the box below. */
static void draw_down(WINDOW *w, int y, int x, tui_role r, const char *label)
{
    wattrset(w, tui_attr(TR_BOX));
    mvwaddch(w, y, x, ACS_TTEE);
    wattrset(w, A_NORMAL);
    tui_vline(w, y + 1, x, 1, r);
    tui_put(w, y + 1, x + 2, 30, r, label);
    tui_put(w, y + 2, x, 1, r, tui_glyph_str(TG_ARROW_D));
}

/* A horizontal arrow of n cells ending in a head pointing right (dir > 0)
 * or left. */
static void draw_across(WINDOW *w, int y, int x, int n, int dir, tui_role r)
{
    tui_hline(w, y, x, n, r);
    tui_put(w, y, dir > 0 ? x + n - 1 : x, 1, r, tui_glyph_str(dir > 0 ? TG_ARROW_R : TG_ARROW_L));
}

static void draw_pool_arrows(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    tui_rect mb = l->main_box, qb = l->queue_box, ib = l->idle_box, wb = l->work_box;
    tui_role add = arrow_role(in, MODEL_AR_ADD), get = arrow_role(in, MODEL_AR_GET);
    tui_role done = arrow_role(in, MODEL_AR_DONE);
    int gx = mb.x + mb.w, gw = qb.x - gx;
    tui_put(w, mb.y + 1, gx + (gw - 8) / 2, 8, add, "Add Jobs");
    draw_across(w, mb.y + 2, gx + 1, gw - 1, 1, add);
    draw_down(w, mb.y + mb.h - 1, mb.x + 1, arrow_role(in, MODEL_AR_INIT), "Initialize Workers");
    draw_down(w, qb.y + qb.h - 1, qb.x + 2, arrow_role(in, MODEL_AR_DISPATCH), "Dispatch Job");
    int ax = ib.x + ib.w + 1, aw = wb.x - ax - 1;
    if (aw >= 18) {
        tui_put(w, ib.y + 1, ax + (aw - 18) / 2, 18, get, "Get Job from Queue");
    } else {
        tui_put(w, ib.y, ax + (aw - 7) / 2, 7, get, "Get Job");
        tui_put(w, ib.y + 1, ax + (aw - 10) / 2, 10, get, "from Queue");
    }
    draw_across(w, ib.y + 2, ax, aw, 1, get);
    draw_across(w, ib.y + 3, ax, aw, -1, done);
    tui_put(w, ib.y + 4, ax + (aw - 12) / 2, 12, done, "Job Complete");
}

static void draw_pool(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    draw_main_box(w, in, l->main_box);
    draw_queue_box(w, in, l->queue_box);
    tui_box(w, l->idle_box, TR_BOX, "Idle Worker", TR_BOX_TITLE);
    tui_box(w, l->work_box, TR_BOX, "Working", TR_BOX_TITLE);
    draw_tokens(w, in->m, l->idle_box, in_idle);
    draw_tokens(w, in->m, l->work_box, in_working);
    draw_pool_arrows(w, in, l);
}

/* ---- threads variant (no job queue): generic states ---- */

static int in_run(const model *m, int a)
{
    int s = m->actors[a].state;
    return s == MS_RUNNING || s == MS_IDLE;
}

static int in_sleep(const model *m, int a)
{
    int s = m->actors[a].state;
    return s == MS_SLEEPING || s == MS_WORKING;
}

static int in_blocked(const model *m, int a)
{
    int s = m->actors[a].state;
    return s == MS_WAIT_RECV || s == MS_WAIT_SEND || s == MS_WAIT_MUTEX || s == MS_WAIT_WG;
}

static int in_done(const model *m, int a)
{
    return m->actors[a].state == MS_DONE;
}

static void draw_objects_box(WINDOW *w, const model *m, tui_rect b)
{
    tui_box(w, b, TR_BOX, "Shared objects", TR_BOX_TITLE);
    int y = b.y + 1, x = b.x + 2, inner = b.w - 4;
    char who[160];
    for (int i = 0; i < m->layout.n_wgs && y < b.y + b.h - 1; i++, y++) {
        waiters_text(m->wgs[i].waiters, m->wgs[i].n_waiters, who, sizeof who);
        tui_putf(w, y, x, inner, TR_BOX_TITLE, "WaitGroup %s = %lld%s%s", m->layout.wgs[i],
                 (long long)m->wgs[i].count, *who ? "   waiting: " : "", who);
    }
    for (int i = 0; i < m->layout.n_counters && y < b.y + b.h - 1; i++, y++) {
        int n = tui_putf(w, y, x, inner, TR_BOX_TITLE, "%s = %lld  ", m->layout.counters[i],
                         (long long)m->counters[i].value);
        const model_counter *c = &m->counters[i];
        tui_sparkline(w, y, x + n, inner - n, c->spark, MODEL_SPARK, c->spark_n);
    }
    for (int i = 0; i < m->layout.n_mutexes && y < b.y + b.h - 1; i++, y++) {
        char name[PS_ACTOR_NAME_LEN];
        int o = m->mutexes[i].owner;
        tui_putf(w, y, x, inner, TR_BOX_TITLE, "mutex %s: %s", m->layout.mutexes[i],
                 o >= 0 ? model_actor_name(o, name) : "free");
    }
}

static void draw_threads(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    const model *m = in->m;
    tui_rect mb = l->main_box, ob = l->queue_box;
    char wait[64];
    tui_box(w, mb, TR_BOX, "Main goroutine", TR_BOX_TITLE);
    tui_putf(w, mb.y + 1, mb.x + 2, mb.w - 4, TR_BOX_TITLE, "%s",
             model_state_name(m->actors[0].state));
    tui_put(w, mb.y + 2, mb.x + 2, mb.w - 4, TR_DIM,
            tui_wait_text(m, in->prog, 0, wait, sizeof wait));
    draw_objects_box(w, m, ob);
    tui_put(w, mb.y + 2, mb.x + mb.w + 2, ob.x - mb.x - mb.w - 3, TR_ARROW, "uses");
    draw_across(w, mb.y + 3, mb.x + mb.w + 1, ob.x - mb.x - mb.w - 1, 1, TR_ARROW);
    draw_down(w, mb.y + mb.h - 1, mb.x + 1, arrow_role(in, MODEL_AR_INIT), "go func() x workers");
    static const char *const titles[] = {"Running", "Sleeping", "Blocked", "Done"};
    static const actor_filter filters[] = {in_run, in_sleep, in_blocked, in_done};
    int gap = 5, bw = (l->diagram.w - 3 * gap) / 4, y = l->idle_box.y;
    for (int i = 0; i < 4; i++) {
        tui_rect b = {y, i * (bw + gap), 5, bw};
        tui_box(w, b, TR_BOX, titles[i], TR_BOX_TITLE);
        draw_tokens(w, m, b, filters[i]);
        if (i < 3)
            draw_across(w, y + 2, b.x + bw + 1, gap - 2, 1, TR_ARROW);
    }
}

void tui_draw_diagram(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    if (in->m->layout.job_queue >= 0 && in->m->layout.job_queue < PS_MAX_QUEUES)
        draw_pool(w, in, l);
    else
        draw_threads(w, in, l);
}
