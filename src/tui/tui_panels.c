/* tui_panels.c - the worker lanes (state, job progress, Gantt strip), the
 * sync panel and the event log. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "go/goprog.h"
#include "tui_draw.h"

/* A goroutine's wait, by the program's names: "recv jobs (empty)", "send
 * ch (no receiver)", "lock c.mu (held by W2)", "wg.Wait() (counter 3)". */
static const char *wait_text_go(const model *m, const goprog *prog, int a, char *buf, size_t len)
{
    const model_actor *ac = &m->actors[a];
    const model_obj *o = model_obj_find(m, ac->obj);
    const char *name = o ? goprog_object_name(prog, o->kind, o->line, o->cap) : NULL;
    char fallback[24], nm[PS_ACTOR_NAME_LEN];
    if (!name) {
        snprintf(fallback, sizeof fallback, "#%u", ac->obj);
        name = fallback;
    }
    int unbuffered = o && o->kind == PS_OBJ_CHAN && o->cap == 0;
    switch (ac->state) {
    case MS_WAIT_RECV:
        snprintf(buf, len, "recv %s (%s)", name, unbuffered ? "no sender" : "empty");
        break;
    case MS_WAIT_SEND:
        snprintf(buf, len, "send %s (%s)", name, unbuffered ? "no receiver" : "full");
        break;
    case MS_WAIT_MUTEX:
        if (o && o->owner >= 0)
            snprintf(buf, len, "lock %s (held by %s)", name, model_actor_name(o->owner, nm));
        else
            snprintf(buf, len, "lock %s%s", name, o && o->count > 0 ? " (readers in)" : "");
        break;
    case MS_WAIT_WG:
        snprintf(buf, len, "%s.Wait() (counter %lld)", name, o ? (long long)o->count : 0LL);
        break;
    default:
        break;
    }
    return buf;
}

const char *tui_wait_text(const model *m, const goprog *prog, int a, char *buf, size_t len)
{
    buf[0] = 0;
    return wait_text_go(m, prog, a, buf, len);
}

static tui_glyph gantt_glyph(int state)
{
    switch (state) {
    case MS_WORKING:
    case MS_SLEEPING:
    case MS_RUNNING:
        return TG_GANTT_WORK;
    case MS_WAIT_SEND:
    case MS_WAIT_MUTEX:
    case MS_WAIT_WG:
    case MS_WAIT_RECV:
        return TG_GANTT_BLOCKED;
    case MS_DONE:
    case MS_NEW:
        return TG_GANTT_DONE;
    default:
        return TG_GANTT_IDLE;
    }
}

static tui_role gantt_role(int state)
{
    switch (gantt_glyph(state)) {
    case TG_GANTT_WORK:
        return TR_GAUGE;
    case TG_GANTT_BLOCKED:
        return TR_WARN;
    default:
        return TR_DIM;
    }
}

/* The timeline's columns: from here to the right edge, on every lane and
 * on the time axis (wider terminals give the lanes' text more room). */
static int strip_x(int cols)
{
    return cols >= 100 ? 72 : 60;
}

/* The smallest of m[0..n) times a power of ten ns that is at least min. */
static uint64_t round_up(uint64_t min, const uint64_t *m, int n)
{
    for (uint64_t p = 1; p <= UINT64_MAX / 1000; p *= 10)
        for (int i = 0; i < n; i++)
            if (m[i] * p / 10 >= min)
                return m[i] * p / 10;
    return min;
}

/* A tick's spacing: 1, 2, 2.5 or 5 times a power of ten. */
static uint64_t nice_ns(uint64_t min)
{
    static const uint64_t m[] = {10, 20, 25, 50};
    return round_up(min, m, 4);
}

/* Virtual time a timeline cell stands for: the run so far over the strip's
 * n cells (a nice number, at least the base of 1 ms), so it fills the
 * width and its axis reads the run's length. */
static uint64_t strip_cell(const tui_frame_input *in, uint64_t now, int n)
{
    uint64_t base = in->cell_ns ? in->cell_ns : 1;
    uint64_t need = n > 1 ? (now + (uint64_t)n - 2) / (uint64_t)(n - 1) : now;
    /* finer steps than a tick's, so the run fills most of the width */
    static const uint64_t m[] = {10, 12, 15, 20, 25, 30, 40, 50, 60, 80};
    return round_up(need > base ? need : base, m, 10);
}

/* The timeline's right end: the clock while it runs, the last event once
 * the run is over (the pacer's clock goes on, the run does not). */
static uint64_t strip_now(const tui_frame_input *in)
{
    if (in->finished || in->m->ended) /* its end event is in: the session may not be over yet */
        return in->m->vt;
    return in->v->vnow > in->m->vt ? in->v->vnow : in->m->vt;
}

/* Gantt strip: one cell per cell ns of virtual time from the start, like a
 * Gantt chart; the cells grow coarser as the run goes on, so it always
 * shows the whole run (the time axis above says the scale). */
static void draw_gantt(WINDOW *w, const model *m, int a, int y, int x, int n, uint64_t now,
                       uint64_t cell)
{
    static const int state_of[] = {MS_DONE, MS_IDLE, MS_RUNNING, MS_WAIT_RECV}; /* by class */
    for (int i = 0; i < n; i++) {
        uint64_t t = (uint64_t)i * cell;
        int c = model_tl_at(m, a, t, t + cell, now);
        if (c < 0)
            break;
        if (c == 0)
            continue;
        int s = state_of[c];
        tui_put(w, y, x + i, 1, gantt_role(s), tui_glyph_str(gantt_glyph(s)));
    }
}

static tui_role state_role(int state)
{
    switch (state) {
    case MS_WORKING:
    case MS_SLEEPING:
        return TR_OK;
    case MS_WAIT_SEND:
    case MS_WAIT_MUTEX:
    case MS_WAIT_WG:
    case MS_WAIT_RECV:
        return TR_WARN;
    default:
        return TR_NORMAL;
    }
}

/* Step-mode marker: ready to step, or the one 'n' steps next. */
static void draw_ready(WINDOW *w, const tui_frame_input *in, int a, int y, int x)
{
    const pacer_view *v = in->marks ? in->marks : in->v;
    if ((in->finished && !in->marks) || v->mode == PACER_RUN || a >= v->n_actors)
        return;
    int st = v->actors[a].state;
    if (a == v->next_default)
        tui_put(w, y, x, 1, TR_READY, tui_glyph_str(TG_NEXT));
    else if (st == PA_AT_POINT || st == PA_TIMED)
        tui_put(w, y, x, 1, TR_READY, tui_glyph_str(TG_READY));
}

/* Appends "WORD N" to buf (after two blanks unless first) when n is not 0;
 * returns the new end. */
static size_t ops_part(char *buf, size_t len, size_t o, const char *word, long long n)
{
    if (!n || o >= len)
        return o;
    int k = snprintf(buf + o, len - o, "%s%s %lld", o ? "  " : "", word, n);
    return k > 0 ? o + (size_t)k : o;
}

const char *tui_ops_text(const model *m, int a, char *buf, size_t len)
{
    const model_actor *ac = &m->actors[a];
    size_t o = 0;
    buf[0] = 0;
    o = ops_part(buf, len, o, "sent", (long long)ac->sent);
    o = ops_part(buf, len, o, "recv", (long long)ac->received);
    o = ops_part(buf, len, o, "adds", (long long)ac->adds);
    o = ops_part(buf, len, o, "locks", (long long)ac->locks);
    /* the race lesson: what it read, and what it wrote back over others */
    if (ac->stores && o < len)
        snprintf(buf + o, len - o, "%sread %lld wrote %lld", o ? "  " : "",
                 (long long)ac->load_value, (long long)ac->last_value);
    else if (ac->adds && o < len)
        snprintf(buf + o, len - o, "  last =%lld", (long long)ac->last_value);
    else if (ac->loads && o < len)
        snprintf(buf + o, len - o, "%sread %lld", o ? "  " : "", (long long)ac->load_value);
    else if (!o)
        ops_part(buf, len, o, "Done", (long long)ac->wg_dones);
    return buf;
}

/* A worker's job, its progress and its count of jobs done. */
static void draw_job(WINDOW *w, const model_actor *ac, int y, int x, uint64_t now)
{
    /* a worker-pool diagram's worker works on its job while it sleeps */
    int working = ac->state == MS_WORKING || (ac->has_job && ac->state == MS_SLEEPING);
    if (ac->job)
        tui_putf(w, y, x, 11, working ? TR_BOX_TITLE : TR_DIM, "job %lld", (long long)ac->job);
    x += 12;
    if (working && ac->job_dur) {
        uint64_t done = now > ac->job_start ? now - ac->job_start : 0;
        done = done > ac->job_dur ? ac->job_dur : done;
        tui_bar(w, y, x, 10, done, ac->job_dur);
        tui_putf(w, y, x + 11, 4, TR_NORMAL, "%3d%%",
                 (int)((double)done / (double)ac->job_dur * 100));
    }
    x += 16;
    tui_putf(w, y, x, 12, TR_NORMAL, "done %llu", (unsigned long long)ac->jobs_done);
}

/* What a thread did; a Go program's goroutine first says what it runs
 * ("worker(2)  recv 3"). */
static void draw_ops(WINDOW *w, const tui_frame_input *in, int a, int y, int x, int width,
                     char *ops, size_t len)
{
    char label[64], fn[48];
    const model_actor *ac = &in->m->actors[a];
    goprog_label(in->prog, ac->label, ac->label_arg, fn, sizeof fn);
    /* where it is, as a traceback says it: its function and line */
    if (ac->line && ac->state != MS_DONE)
        snprintf(label, sizeof label, "%s%sline %u", fn, fn[0] ? " " : "", (unsigned)ac->line);
    else
        snprintf(label, sizeof label, "%s", fn);
    if (ac->outcome && ac->state == MS_DONE) { /* what its function returned */
        /* the state column says failed or cancelled: this says with what */
        snprintf(ops, len, "%s%s", ac->outcome == 2 ? "" : "error: ", ac->text);
        int lw = label[0] ? tui_width(label) + 2 : 0;
        if (label[0])
            tui_put(w, y, x, width, TR_BOX_TITLE, label);
        if (width - lw > 0)
            tui_put(w, y, x + lw, width - lw, TR_WARN, ops);
        return;
    }
    if (!label[0]) {
        tui_put(w, y, x, width, TR_NORMAL, tui_ops_text(in->m, a, ops, len));
        return;
    }
    int lw = tui_width(label);
    tui_put(w, y, x, width, TR_BOX_TITLE, label);
    if (width - lw - 2 > 0)
        tui_put(w, y, x + lw + 2, width - lw - 2, TR_NORMAL, tui_ops_text(in->m, a, ops, len));
}

static void draw_lane(WINDOW *w, const tui_frame_input *in, int a, int y, int cols)
{
    const model *m = in->m;
    const model_actor *ac = &m->actors[a];
    char name[PS_ACTOR_NAME_LEN], wait[64], ops[96];
    uint64_t now = strip_now(in); /* the clock, or the last event once the run is over */
    draw_ready(w, in, a, y, 0);
    tui_put(w, y, 1, 4, TR_BOX_TITLE, model_actor_name(a, name));
    const char *st = tui_wait_text(m, in->prog, a, wait, sizeof wait);
    /* main's name fills the name column: its wait text says it is blocked
     * ("send jobs (full)") and gets the room main has no job column for */
    int is_main = a == PS_ACTOR_MAIN, sw = is_main ? 24 : 17;
    tui_role role = state_role(ac->state);
    if (!*st && ac->state == MS_DONE && ac->outcome) { /* its errgroup function's end */
        st = ac->outcome == 2 ? "cancelled" : "failed";
        role = TR_WARN;
    } else if (!*st)
        st = model_state_name(ac->state);
    else if (!is_main)
        tui_put(w, y, 5, 1, TR_WARN, tui_glyph_str(TG_BLOCKED));
    /* the lane's column holds the wait, not its detail (Sync has the holder) */
    char *detail = strstr(wait, " (");
    if (st == wait && detail && tui_width(wait) > sw)
        *detail = 0;
    tui_put(w, y, 6, sw, role, st);
    /* "done 0" means nothing to a thread that runs no jobs (main, the
     * counter and mutex lessons): it shows its own operations instead */
    int x = strip_x(cols);
    if (!is_main && (ac->job || ac->jobs_done)) {
        /* a worker of the pool: its function first where there is room */
        char fn[48];
        goprog_label(in->prog, ac->label, ac->label_arg, fn, sizeof fn);
        int shift = cols >= 100 && fn[0] ? 12 : 0;
        if (shift)
            tui_put(w, y, 23, shift - 1, TR_BOX_TITLE, fn);
        draw_job(w, ac, y, 23 + shift, now);
    } else {
        draw_ops(w, in, a, y, 6 + sw, x - 7 - sw, ops, sizeof ops);
    }
    if (cols - x - 1 > 4)
        draw_gantt(w, m, a, y, x, cols - x - 1, now, strip_cell(in, strip_now(in), cols - x - 1));
}

/* A compact cell's word: what the worker waits on or works at, in text, so
 * it reads without colour ("j37", "recv", "done"). */
static const char *cell_detail(const model_actor *ac, char *buf, size_t len)
{
    static const char *word[MS_STATE_COUNT] = {
        [MS_NEW] = "new",         [MS_RUNNING] = "run",    [MS_IDLE] = "idle",
        [MS_WAIT_RECV] = "recv",  [MS_SLEEPING] = "sleep", [MS_WAIT_SEND] = "send",
        [MS_WAIT_MUTEX] = "lock", [MS_WAIT_WG] = "Wait",   [MS_DONE] = "done",
    };
    if (ac->state == MS_WORKING || (ac->has_job && ac->state == MS_SLEEPING))
        snprintf(buf, len, "j%lld", (long long)ac->job);
    else if ((ac->state == MS_IDLE || ac->state == MS_RUNNING) && ac->adds)
        snprintf(buf, len, "+%llu", (unsigned long long)ac->adds);
    else
        snprintf(buf, len, "%s", ac->state < MS_STATE_COUNT ? word[ac->state] : "?");
    return buf;
}

/* One worker in the compact form: step mark, name, state glyph (the
 * timeline's: work, idle, blocked) and its word. */
static void draw_cell(WINDOW *w, const tui_frame_input *in, int a, int y, int x)
{
    const model_actor *ac = &in->m->actors[a];
    char name[PS_ACTOR_NAME_LEN], detail[24];
    draw_ready(w, in, a, y, x);
    tui_put(w, y, x + 1, 3, TR_BOX_TITLE, model_actor_name(a, name));
    tui_put(w, y, x + 5, 1, gantt_role(ac->state), tui_glyph_str(gantt_glyph(ac->state)));
    tui_put(w, y, x + 7, TUI_CELL_W - 8, state_role(ac->state),
            cell_detail(ac, detail, sizeof detail));
}

/* The first worker shown: the scroll, kept where a whole page (the last one
 * included) shows, and at a row's start in the compact form. */
static int first_lane(const tui_layout *l, int n, int scroll)
{
    int c = l->lane_cols, last = n - l->lanes_shown;
    last = (last + c - 1) / c * c;
    scroll = scroll > last ? last : scroll < 0 ? 0 : scroll;
    return scroll - scroll % c;
}

/* "0 1s 2s": the timeline's scale on n columns from x (the lanes' rule):
 * a tick label every so many cells, never crowded. */
static void draw_axis(WINDOW *w, const tui_frame_input *in, int y, int x, int n)
{
    if (n < 6)
        return;
    uint64_t cell = strip_cell(in, strip_now(in), n);
    uint64_t tick = nice_ns(cell * 6);
    for (uint64_t t = 0; t / cell < (uint64_t)n; t += tick) {
        char lab[24];
        double sec = (double)t / 1e9;
        if (t == 0)
            snprintf(lab, sizeof lab, "0");
        else if (t >= 1000000000u)
            snprintf(lab, sizeof lab, "%gs", sec);
        else
            snprintf(lab, sizeof lab, "%gms", sec * 1000);
        int at = (int)(t / cell), lw = (int)strlen(lab);
        if (at + lw > n)
            break;
        tui_put(w, y, x + at, lw, TR_RULE, lab);
    }
}

void tui_draw_lanes(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    int n = model_lanes(in->m), shown = l->lanes_shown;
    int first = first_lane(l, n, in->ui->lane_scroll);
    shown = shown > n - first ? n - first : shown;
    char title[128];
    if (shown < n)
        snprintf(title, sizeof title, "Threads: main, W%d-W%d of %d (Up/Down)", first + 1,
                 first + shown, n);
    else
        snprintf(title, sizeof title, "Threads");
    tui_rule(w, l->lanes.y, 0, l->lanes.w, title);
    /* the glyphs' key, left of the time axis; without "timeline:" when a
     * long title leaves no room (the compact cells use the same glyphs) */
    int ax = l->lane_cols > 1 ? l->lanes.w : strip_x(l->lanes.w);
    char legend[96];
    for (int word = 1; word >= 0; word--) {
        snprintf(legend, sizeof legend, " %s%s work %s idle %s blocked ", word ? "timeline: " : "",
                 tui_glyph_str(TG_GANTT_WORK), tui_glyph_str(TG_GANTT_IDLE),
                 tui_glyph_str(TG_GANTT_BLOCKED));
        int lw = tui_width(legend);
        if (ax - lw - 1 > (int)strlen(title) + 6) {
            tui_put(w, l->lanes.y, ax - lw - 1, lw, TR_RULE, legend);
            break;
        }
    }
    if (l->lane_cols == 1)
        draw_axis(w, in, l->lanes.y, ax, l->lanes.w - ax - 1);
    draw_lane(w, in, PS_ACTOR_MAIN, l->lanes.y + 1, l->lanes.w);
    int c = l->lane_cols;
    for (int i = 0; i < shown; i++) {
        int y = l->lanes.y + 2 + i / c;
        if (c > 1)
            draw_cell(w, in, 1 + first + i, y, (i % c) * TUI_CELL_W);
        else
            draw_lane(w, in, 1 + first + i, y, l->lanes.w);
    }
}

/* " W1 W3": the threads waiting in state st on object id (at most len). */
static void obj_waiters(const model *m, int st, uint32_t id, char *buf, size_t len)
{
    size_t o = 0;
    buf[0] = 0;
    for (int a = 0; a < m->n_actors && o + 8 < len; a++)
        if (m->actors[a].state == st && m->actors[a].obj == id) {
            char nm[PS_ACTOR_NAME_LEN];
            o += (size_t)snprintf(buf + o, len - o, " %s", model_actor_name(a, nm));
        }
}

/* " W1 W3 +2": who waits for a lock, first come first; "+N" those past the
 * model's list. */
static void lock_waiters(const model_obj *o, char *buf, size_t len)
{
    size_t n = 0;
    int shown = o->n_waiters < MODEL_OBJ_WAITERS ? o->n_waiters : MODEL_OBJ_WAITERS;
    buf[0] = 0;
    for (int i = 0; i < shown && n + 12 < len; i++) {
        char nm[PS_ACTOR_NAME_LEN];
        n += (size_t)snprintf(buf + n, len - n, " %s", model_actor_name((int)o->waiters[i], nm));
    }
    if (o->n_waiters > shown && n + 12 < len)
        snprintf(buf + n, len - n, " +%d", o->n_waiters - shown);
}

/* An errgroup: "errgroup running 2  failed 1  cancelled 2  first error
 * W2: task 2 failed  Wait returned task 2 failed". */
static void draw_group(WINDOW *w, const model_obj *o, int y, int x, int cols)
{
    char by[PS_ACTOR_NAME_LEN];
    x += tui_putf(w, y, x, 40, TR_NORMAL, "errgroup running %lld  ", (long long)o->count);
    if (o->failed)
        x += tui_putf(w, y, x, 20, TR_WARN, "failed %llu  ", (unsigned long long)o->failed);
    if (o->cancelled)
        x += tui_putf(w, y, x, 20, TR_WARN, "cancelled %llu  ", (unsigned long long)o->cancelled);
    if (o->first_by >= 0 && !o->waited && x < cols - 8)
        x += tui_putf(w, y, x, cols - x - 1, TR_WARN, "first error %s: %s  ",
                      model_actor_name(o->first_by, by), o->first);
    if (o->waited && x < cols - 8)
        tui_putf(w, y, x, cols - x - 1, o->returned[0] ? TR_WARN : TR_NORMAL, "Wait returned %s",
                 o->returned[0] ? o->returned : "nil");
}

/* An atomic or a shared plain variable: "atomic = 50000  operations 50000",
 * "plain = 4817  loads 50000 stores 50000  LOST UPDATES 45183 (expected
 * 50000)  last: W3 stored 9 over W2's 9".  The words say it without colour;
 * none reads like the variable's own name. */
static void draw_var(WINDOW *w, const model_obj *o, const char *kind, int y, int x, int cols)
{
    char by[PS_ACTOR_NAME_LEN], whom[PS_ACTOR_NAME_LEN];
    int plain = o->kind == PS_OBJ_VAR;
    x += tui_putf(w, y, x, 40, plain ? TR_WARN : TR_NORMAL, "%s = %lld  ", kind,
                  (long long)o->value);
    if (o->overwrites) /* the lost updates take the room of the counts */
        ;
    else if (plain)
        x += tui_putf(w, y, x, 40, TR_DIM, "loads %llu  stores %llu  ",
                      (unsigned long long)o->loads, (unsigned long long)o->stores);
    else
        x += tui_putf(w, y, x, 40, TR_DIM, "operations %llu  ", (unsigned long long)o->ops);
    if (x >= cols - 4)
        return;
    if (o->lost)
        x += tui_putf(w, y, x, cols - x - 1, TR_WARN, "LOST UPDATES %llu (expected %lld)  ",
                      (unsigned long long)o->lost, (long long)o->expected);
    else if (o->stores)
        x += tui_put(w, y, x, cols - x - 1, TR_DIM, "no update lost  ");
    if (o->overwrites && o->over_by >= 0 && o->over_whom >= 0 && x < cols - 8)
        tui_putf(w, y, x, cols - x - 1, TR_WARN, "%s stored %lld over %s's %lld",
                 model_actor_name(o->over_by, by), (long long)o->over_value,
                 model_actor_name(o->over_whom, whom), (long long)o->over_old);
}

/* "[4 5 +3]": a channel of integers' items, front first, in at most width
 * columns; the columns used. */
static int chan_items(WINDOW *w, const model_obj *o, int y, int x, int width)
{
    char buf[64];
    size_t n = 0;
    uint64_t shown = 0, total = itemq_len(&o->items) + o->items_more;
    itemq_iter it = itemq_begin(&o->items);
    int64_t v;
    n += (size_t)snprintf(buf, sizeof buf, "[");
    while (itemq_next(&it, &v) && n + 24 < (size_t)width && n + 24 < sizeof buf) {
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s%lld", shown ? " " : "", (long long)v);
        shown++;
    }
    if (shown < total)
        n += (size_t)snprintf(buf + n, sizeof buf - n, "%s+%llu", shown ? " " : "",
                              (unsigned long long)(total - shown));
    snprintf(buf + n, sizeof buf - n, "]");
    return tui_put(w, y, x, width, TR_BOX_TITLE, buf);
}

/* A Go program's object by the program's name: a channel's depth/capacity,
 * sent, received, closed; a WaitGroup's counter and who waits; a mutex's
 * holder and who waits. */
static void draw_obj(WINDOW *w, const tui_frame_input *in, const model_obj *o, int y, int cols)
{
    static const char *const kinds[] = {
        [PS_OBJ_CHAN] = "chan",       [PS_OBJ_WG] = "WaitGroup",  [PS_OBJ_MUTEX] = "Mutex",
        [PS_OBJ_RWMUTEX] = "RWMutex", [PS_OBJ_ATOMIC] = "atomic", [PS_OBJ_VAR] = "plain",
        [PS_OBJ_GROUP] = "errgroup"};
    const char *kind = o->kind >= PS_OBJ_CHAN && o->kind <= PS_OBJ_GROUP ? kinds[o->kind] : "?";
    char fallback[32], who[96], nm[PS_ACTOR_NAME_LEN];
    const char *name = goprog_object_name(in->prog, o->kind, o->line, o->cap);
    if (!name) {
        snprintf(fallback, sizeof fallback, "%s#%u", kind, o->id);
        name = fallback;
    }
    const model *m = in->m;
    int x = 1 + tui_putf(w, y, 1, 24, TR_BOX_TITLE, "%s ", name);
    switch (o->kind) {
    case PS_OBJ_CHAN:
        x += tui_putf(w, y, x, 30, TR_NORMAL, o->cap ? "chan %lld/%lld  " : "chan unbuffered  ",
                      (long long)o->depth, (long long)o->cap);
        if (o->depth > 0 && goprog_chan_ints(in->prog, o->line)) /* its contents, front first */
            x += chan_items(w, o, y, x, cols - x - 1 < 28 ? cols - x - 1 : 28) + 2;
        x += tui_putf(w, y, x, 40, TR_DIM, "sent %llu  received %llu  ",
                      (unsigned long long)o->sent, (unsigned long long)o->received);
        if (o->closed && x < cols - 8)
            x += tui_put(w, y, x, cols - x - 1, TR_WARN, "closed  ");
        /* who is blocked on it, by the state the model folded for each */
        obj_waiters(m, MS_WAIT_SEND, o->id, who, sizeof who);
        if (who[0] && x < cols - 8)
            x += tui_putf(w, y, x, cols - x - 1, TR_WARN, "waiting to send:%s  ", who);
        obj_waiters(m, MS_WAIT_RECV, o->id, who, sizeof who);
        if (who[0] && x < cols - 8)
            tui_putf(w, y, x, cols - x - 1, TR_WARN, "waiting to receive:%s", who);
        break;
    case PS_OBJ_ATOMIC:
    case PS_OBJ_VAR:
        draw_var(w, o, kind, y, x, cols);
        break;
    case PS_OBJ_GROUP:
        draw_group(w, o, y, x, cols);
        break;
    case PS_OBJ_WG:
        obj_waiters(m, MS_WAIT_WG, o->id, who, sizeof who);
        tui_putf(w, y, x, cols - x - 1, TR_NORMAL, "WaitGroup counter %lld   waiting:%s",
                 (long long)o->count, who[0] ? who : " nobody");
        break;
    default:
        lock_waiters(o, who, sizeof who);
        tui_putf(w, y, x, cols - x - 1, TR_NORMAL, "%s held by %s   waiting:%s   locked %llu", kind,
                 o->owner >= 0 ? model_actor_name(o->owner, nm) : "nobody",
                 who[0] ? who : " nobody", (unsigned long long)o->locks);
        break;
    }
}

void tui_draw_sync(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    const model *m = in->m;
    tui_rule(w, l->sync.y, 0, l->sync.w, "Sync");
    int y = l->sync.y + 1, end = l->sync.y + l->sync.h;
    for (int i = 0; i < m->n_objs && y < end; i++, y++)
        draw_obj(w, in, &m->objs[i], y, l->sync.w);
}

/* A Go program's log: the last lines it printed, newest last. */
/* Lines of the program's output so far (the last one without its newline
 * counts too). */
static int output_lines(const char *out)
{
    size_t n = strlen(out);
    int k = n > 0;
    for (size_t i = 0; i + 1 < n; i++)
        k += out[i] == '\n';
    return k;
}

/* The program's last lines on rows [y0, y0 + rows), newest last at the bottom. */
static void draw_output(WINDOW *w, const tui_frame_input *in, const tui_layout *l, int y0, int rows)
{
    enum { MAX_ROWS = 256 };
    const char *out = in->output;
    size_t n = strlen(out), starts[MAX_ROWS];
    if (n && out[n - 1] == '\n')
        n--; /* the last line's newline ends it, it does not start another */
    rows = rows < MAX_ROWS ? rows : MAX_ROWS;
    if (rows <= 0 || !n)
        return;
    int k = 0; /* starts of the last 'rows' lines, a ring */
    for (size_t i = 0; i <= n; i++)
        if (i == 0 || out[i - 1] == '\n')
            starts[k++ % rows] = i;
    int shown = k < rows ? k : rows;
    for (int j = 0; j < shown; j++) {
        size_t from = starts[(k - shown + j) % rows];
        const char *nl = memchr(out + from, '\n', n - from);
        size_t len = nl ? (size_t)(nl - (out + from)) : n - from;
        char line[512];
        snprintf(line, sizeof line, "%.*s", (int)(len < sizeof line ? len : sizeof line - 1),
                 out + from);
        int y = y0 + (rows - shown) + j;
        tui_put(w, y, 1, l->log.w - 2, j == shown - 1 ? TR_BOX_TITLE : TR_NORMAL, line);
    }
}

/* An event as the log says it, by the program's names: "1.000s  W2
 * queue-recv jobs 4  line 16".  Its time is at least shown's (two
 * goroutines' events come in their real order, and one's virtual stamp can
 * trail the other's by a tick: the log never goes back). */
static void event_line(const tui_frame_input *in, const ps_event *e, uint64_t shown, char *buf,
                       size_t len)
{
    char who[PS_ACTOR_NAME_LEN], at[24] = "";
    const char *what = NULL;
    int on_obj = (e->kind >= EV_Q_SEND && e->kind <= EV_ATOMIC_CAS_FAILED) ||
                 e->kind == EV_OBJECT || e->kind == EV_ERROR || e->kind == EV_CANCEL;
    const model_obj *o = on_obj ? model_obj_find(in->m, e->obj) : NULL;
    if (o)
        what = goprog_object_name(in->prog, o->kind, o->line, o->cap);
    if (e->line)
        snprintf(at, sizeof at, "  line %u", (unsigned)e->line);
    uint64_t vt = e->vt_ns > shown ? e->vt_ns : shown;
    snprintf(buf, len, "%8.3fs  %-5s %s %s%s%lld%s", (double)vt / 1e9,
             event_actor_name((int)e->actor, who), event_kind_name(e->kind), what ? what : "",
             what ? " " : "", (long long)e->arg, at);
}

/* An event the Events list shows: not the program's output (the log
 * above has it) nor an error's text chunks. */
static int event_listed(const ps_event *e)
{
    return e->kind != EV_OUTPUT && e->kind != EV_TEXT;
}

/* The last events on rows [y0, y0 + rows), newest last at the bottom. */
static void draw_events(WINDOW *w, const tui_frame_input *in, const tui_layout *l, int y0, int rows)
{
    const model *m = in->m;
    uint64_t n = m->log_n < MODEL_LOG ? m->log_n : MODEL_LOG, shown = 0;
    const ps_event *list[MODEL_LOG];
    int k = 0;
    for (uint64_t i = 0; i < n && k < rows; i++) { /* newest first */
        const ps_event *e = model_log_at(m, i);
        if (e && event_listed(e))
            list[k++] = e;
    }
    for (int i = 0; i < k; i++) {
        const ps_event *e = list[k - 1 - i];
        char line[256];
        event_line(in, e, shown, line, sizeof line);
        shown = e->vt_ns > shown ? e->vt_ns : shown;
        tui_put(w, y0 + (rows - k) + i, 1, l->log.w - 2, i == k - 1 ? TR_BOX_TITLE : TR_NORMAL,
                line);
    }
}

void tui_draw_log(WINDOW *w, const tui_frame_input *in, const tui_layout *l)
{
    int rows = l->log.h - 1, y = l->log.y + 1;
    if (!in->output) { /* a recording holds no output: its last events instead */
        tui_rule(w, l->log.y, 0, l->log.w, "Events (newest last)");
        draw_events(w, in, l, y, rows);
        return;
    }
    tui_rule(w, l->log.y, 0, l->log.w, "Log (the program's output, newest last)");
    /* a tall log the output does not fill shows the last events under it,
     * rather than a screenful of blank rows */
    int lines = output_lines(in->output), events = rows - (lines > 4 ? lines : 4) - 1;
    if (events < 6) {
        draw_output(w, in, l, y, rows);
        return;
    }
    draw_output(w, in, l, y, rows - events - 1);
    tui_rule(w, y + rows - events - 1, 0, l->log.w, "Events (newest last)");
    draw_events(w, in, l, y + rows - events, events);
}
