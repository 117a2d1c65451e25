/* tui_diagram.c - the lecture's state diagram, live.
 *
 * A program whose directive names its job channel ("// poolscope: diagram
 * worker-pool jobs", docs/scenarios.md) gets the lecture's diagram, drawn
 * like its mermaid source: Main goroutine (Create Workers, Submit Jobs) ->
 * Job Queue -> Worker pool {Idle Worker <-> Working}, with the same
 * transition labels.  Each goroutine is a token standing in the box of its
 * state; an arrow lights up when its transition happens (model.c: a send
 * on the channel adds a job, a receive dispatches it, the worker's sleep is
 * its work).  Any other program gets the same idea over generic states,
 * with its objects. */
#include <stdio.h>
#include <string.h>

#include "go/goprog.h"

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
    if (ac->has_job && ac->state != MS_DONE)
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

/* A worker is idle from its start until it takes a job, and again once it
 * comes back for the next; it works while it holds one. */
static int in_working(const model *m, int a)
{
    const model_actor *ac = &m->actors[a];
    return a != PS_ACTOR_MAIN && a < model_lanes(m) + 1 && ac->has_job && ac->state != MS_DONE;
}

static int in_idle(const model *m, int a)
{
    return a != PS_ACTOR_MAIN && a < model_lanes(m) + 1 && m->actors[a].state != MS_NEW &&
           !in_working(m, a);
}

/* ---- worker-pool variant ---- */

typedef enum { PH_CREATE, PH_SUBMIT, PH_RESULTS, PH_DONE } main_phase;

/* The job channel's object, or NULL before main makes it. */
static const model_obj *job_chan(const model *m)
{
    return m->job_obj >= 0 ? model_obj_find(m, (uint32_t)m->job_obj) : NULL;
}

/* Main creates workers until its first send, submits until it closes the
 * channel, then gets the results. */
static main_phase phase_of(const model *m)
{
    const model_obj *q = job_chan(m);
    if (m->actors[0].state == MS_DONE || m->ended)
        return PH_DONE;
    if (q && q->closed)
        return PH_RESULTS;
    return !q || q->sent == 0 ? PH_CREATE : PH_SUBMIT;
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
    const pacer_view *v = in->marks ? in->marks : in->v;
    int st = v->n_actors > 0 ? v->actors[0].state : PA_RUNNING;
    if (!(in->finished && !in->marks) && v->mode != PACER_RUN &&
        (st == PA_AT_POINT || st == PA_TIMED))
        tui_put(w, b.y + 1 + row, b.x + b.w - 2 - tw, 1, TR_READY,
                tui_glyph_str(v->next_default == 0 ? TG_NEXT : TG_READY));
}

/* "2 3 4 ... +97" : the queue's items in order from its head. */
static void draw_queue_items(WINDOW *w, const itemq *q, uint64_t behind, int y, int x, int width)
{
    int used = tui_put(w, y, x, width, TR_DIM, "next: ");
    uint64_t depth = itemq_len(q) + behind;
    if (!depth) {
        tui_put(w, y, x + used, width - used, TR_DIM, "(empty)");
        return;
    }
    itemq_iter it = itemq_begin(q);
    int64_t item;
    uint64_t i = 0;
    char more[32];
    for (; i < depth && itemq_next(&it, &item); i++) {
        char id[24];
        snprintf(id, sizeof id, "%lld", (long long)item);
        snprintf(more, sizeof more, "+%llu more", (unsigned long long)(depth - i));
        int need = (int)strlen(id) + 1;
        if (used + need + (i + 1 < depth ? (int)strlen(more) + 1 : 0) > width) {
            tui_put(w, y, x + used, width - used, TR_DIM, more);
            return;
        }
        used += tui_put(w, y, x + used, width - used, TR_BOX_TITLE, id) + 1;
    }
    if (i < depth) { /* the ones past what the model keeps */
        snprintf(more, sizeof more, "+%llu more", (unsigned long long)(depth - i));
        tui_put(w, y, x + used, width - used, TR_DIM, more);
    }
}

/* " W1 W3": who waits in state st on object id, by id. */
static void waiters_text(const model *m, int st, int64_t id, char *buf, size_t len)
{
    size_t o = 0;
    buf[0] = 0;
    for (int a = 0; a < m->n_actors && o + 8 < len; a++)
        if (m->actors[a].state == st && (int64_t)m->actors[a].obj == id) {
            char name[PS_ACTOR_NAME_LEN];
            o +=
                (size_t)snprintf(buf + o, len - o, "%s%s", o ? " " : "", model_actor_name(a, name));
        }
}

static void draw_queue_box(WINDOW *w, const tui_frame_input *in, tui_rect b)
{
    const model *m = in->m;
    const model_obj *q = job_chan(m);
    const char *name = q ? goprog_object_name(in->prog, q->kind, q->line, q->cap) : NULL;
    char title[64], nums[48], who[160];
    snprintf(title, sizeof title, "Job Queue: %s", name ? name : "jobs");
    tui_box(w, b, TR_BOX, title, TR_BOX_TITLE);
    int inner = b.w - 4, x = b.x + 2;
    uint64_t depth = q ? (uint64_t)q->depth : 0, cap = q ? (uint64_t)q->cap : 0;
    snprintf(nums, sizeof nums, " %llu/%llu", (unsigned long long)depth, (unsigned long long)cap);
    int closed = q && q->closed;
    int tag = closed ? 9 : 0, nw = (int)strlen(nums);
    int bar = inner - nw - tag;
    bar = bar > 30 ? 30 : bar;
    tui_bar(w, b.y + 1, x, bar, depth, cap ? cap : 1);
    tui_put(w, b.y + 1, x + bar, nw, TR_BOX_TITLE, nums);
    if (closed)
        tui_put(w, b.y + 1, x + bar + nw + 2, 7, TR_WARN, "CLOSED");
    if (q)
        draw_queue_items(w, &q->items, q->items_more, b.y + 2, x, inner);
    else
        tui_put(w, b.y + 2, x, inner, TR_DIM, "next: (not made yet)");
    waiters_text(m, MS_WAIT_RECV, m->job_obj, who, sizeof who);
    if (*who) {
        tui_putf(w, b.y + 3, x, inner, TR_TOK_BLOCKED, "waiting to receive (empty): %s", who);
        return;
    }
    waiters_text(m, MS_WAIT_SEND, m->job_obj, who, sizeof who);
    if (*who)
        tui_putf(w, b.y + 3, x, inner, TR_TOK_BLOCKED, "waiting to send (full): %s", who);
    else
        tui_put(w, b.y + 3, x, inner, TR_DIM, "nobody blocked on it");
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

/* The program's objects by its names, a line each: "jobs chan 2/5",
 * "wg = 3", "c.mu held by W2", "ops = 17". */
static void draw_objects_box(WINDOW *w, const tui_frame_input *in, tui_rect b)
{
    const model *m = in->m;
    tui_box(w, b, TR_BOX, "Shared objects", TR_BOX_TITLE);
    int y = b.y + 1, x = b.x + 2, inner = b.w - 4;
    for (int i = 0; i < m->n_objs && y < b.y + b.h - 1; i++, y++) {
        const model_obj *o = &m->objs[i];
        char fallback[24], nm[PS_ACTOR_NAME_LEN];
        const char *name = goprog_object_name(in->prog, o->kind, o->line, o->cap);
        if (!name)
            snprintf(fallback, sizeof fallback, "#%u", o->id), name = fallback;
        switch (o->kind) {
        case PS_OBJ_CHAN:
            tui_putf(w, y, x, inner, TR_BOX_TITLE, "%s chan %lld/%lld%s", name, (long long)o->depth,
                     (long long)o->cap, o->closed ? " closed" : "");
            break;
        case PS_OBJ_WG:
        case PS_OBJ_GROUP:
            tui_putf(w, y, x, inner, TR_BOX_TITLE, "%s = %lld", name, (long long)o->count);
            break;
        case PS_OBJ_MUTEX:
        case PS_OBJ_RWMUTEX:
            tui_putf(w, y, x, inner, TR_BOX_TITLE, "%s held by %s", name,
                     o->owner >= 0 ? model_actor_name(o->owner, nm) : "nobody");
            break;
        default:
            tui_putf(w, y, x, inner, TR_BOX_TITLE, "%s = %lld", name, (long long)o->value);
            break;
        }
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
    draw_objects_box(w, in, ob);
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
    if (in->m->layout.job_line)
        draw_pool(w, in, l);
    else
        draw_threads(w, in, l);
}
