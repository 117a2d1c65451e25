#include "model.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const state_names[MS_STATE_COUNT] = {
    [MS_NEW] = "new",
    [MS_RUNNING] = "running",
    [MS_IDLE] = "idle",
    [MS_WAIT_RECV] = "wait recv",
    [MS_WORKING] = "working",
    [MS_SLEEPING] = "sleeping",
    [MS_WAIT_SEND] = "wait send",
    [MS_WAIT_MUTEX] = "wait lock",
    [MS_WAIT_WG] = "wg.Wait",
    [MS_DONE] = "done",
};

const char *model_state_name(int state)
{
    return state >= 0 && state < MS_STATE_COUNT ? state_names[state] : "?";
}

const char *model_actor_name(int actor, char buf[PS_ACTOR_NAME_LEN])
{
    return event_actor_name(actor, buf);
}

int model_init(model *m, const ps_layout *layout)
{
    memset(m, 0, sizeof(*m));
    m->layout = *layout;
    m->n_actors = layout->workers + 1;
    if (m->n_actors > PS_MAX_ACTORS)
        m->n_actors = PS_MAX_ACTORS;
    m->speed_milli = 1000;
    m->job_obj = -1;
    model_ui_init(&m->ui);
    return 0;
}

void model_set_text(model *m, const scenario_text *t)
{
    m->text = t;
}

void model_free(model *m)
{
    for (int i = 0; i < m->n_objs; i++)
        itemq_free(&m->objs[i].items);
    free(m->objs);
    free(m->index);
    m->objs = NULL;
    m->index = NULL;
    m->n_objs = m->cap_objs = 0;
    m->n_index = 0;
}

int model_copy(model *dst, const model *src)
{
    *dst = *src;
    /* shares none of src's memory, even on failure */
    dst->objs = NULL;
    dst->index = NULL;
    dst->cap_objs = dst->n_objs;
    int rc = 0;
    if (src->n_objs) {
        dst->objs = malloc((size_t)src->n_objs * sizeof *dst->objs);
        rc = dst->objs ? 0 : -1;
        if (!rc)
            memcpy(dst->objs, src->objs, (size_t)src->n_objs * sizeof *dst->objs);
        for (int i = 0; !rc && i < dst->n_objs; i++) /* none shares src's chunks */
            itemq_init(&dst->objs[i].items);
        for (int i = 0; !rc && i < dst->n_objs; i++)
            rc = itemq_copy(&dst->objs[i].items, &src->objs[i].items);
    }
    if (!rc && src->n_index) {
        dst->index = malloc((size_t)src->n_index * sizeof *dst->index);
        rc = dst->index ? 0 : -1;
        if (!rc)
            memcpy(dst->index, src->index, (size_t)src->n_index * sizeof *dst->index);
    }
    if (rc) {
        if (!dst->objs)
            dst->n_objs = 0;
        dst->n_index = 0;
        model_free(dst);
    }
    return rc;
}

int model_tl_class(int state)
{
    switch (state) {
    case MS_NEW:
    case MS_DONE:
        return 0;
    case MS_IDLE:
        return 1;
    case MS_WAIT_RECV:
    case MS_WAIT_SEND:
    case MS_WAIT_MUTEX:
    case MS_WAIT_WG:
        return 3;
    default:
        return 2;
    }
}

static uint64_t tl_bucket(const model_actor *a, uint64_t vt)
{
    return vt >> (MODEL_TL_BASE + a->tl_shift);
}

/* Halves the timeline's grain until virtual instant vt has a bucket. */
static void tl_fit(model_actor *a, uint64_t vt)
{
    while (tl_bucket(a, vt) >= MODEL_TL && a->tl_shift < 63 - MODEL_TL_BASE) {
        for (int i = 0; i < MODEL_TL / 2; i++)
            a->tl[i] = a->tl[2 * i] > a->tl[2 * i + 1] ? a->tl[2 * i] : a->tl[2 * i + 1];
        memset(a->tl + MODEL_TL / 2, 0, MODEL_TL / 2);
        a->tl_shift++;
        a->tl_last >>= 1;
    }
}

/* A state change at vt: the old state lasted from the last change until
 * vt (its buckets, and vt's own, which now also holds the new one). */
static void tl_mark(model_actor *a, uint64_t vt, int old, int state)
{
    tl_fit(a, vt);
    uint64_t b = tl_bucket(a, vt);
    if (b >= MODEL_TL)
        b = MODEL_TL - 1; /* past 2^63 ns: the last bucket */
    uint8_t was = (uint8_t)model_tl_class(old), now = (uint8_t)model_tl_class(state);
    for (uint64_t k = a->tl_last; k <= b; k++)
        a->tl[k] = a->tl[k] > was ? a->tl[k] : was;
    a->tl[b] = a->tl[b] > now ? a->tl[b] : now;
    a->tl_last = (uint32_t)b;
}

int model_tl_at(const model *m, int a, uint64_t t0, uint64_t t1, uint64_t now)
{
    const model_actor *ac = &m->actors[a];
    if (t0 > now)
        return -1;
    uint64_t b0 = tl_bucket(ac, t0), b1 = tl_bucket(ac, t1 - 1), bn = tl_bucket(ac, now);
    int best = 0, cur = model_tl_class(ac->state);
    for (uint64_t k = b0; k <= b1 && k <= bn && k < MODEL_TL; k++) {
        int c = k < ac->tl_last    ? ac->tl[k]
                : k == ac->tl_last ? (ac->tl[k] > cur ? ac->tl[k] : cur)
                                   : cur;
        best = c > best ? c : best;
    }
    return best;
}

static void set_state(model *m, int actor, int state, uint32_t obj)
{
    model_actor *a = &m->actors[actor];
    if (a->state == state && a->obj == obj)
        return;
    tl_mark(a, m->vt, a->state, state);
    a->state = (uint8_t)state;
    a->obj = obj;
    a->since = m->vt;
    a->hist_state[a->hist_n % MODEL_HIST] = (uint8_t)state;
    a->hist_vt[a->hist_n % MODEL_HIST] = m->vt;
    a->hist_n++;
}

/* A goroutine between its waits runs its own code. */
static int active_state_of(const model *m, int actor)
{
    (void)m, (void)actor;
    return MS_RUNNING;
}

/* a + b as two's complement: a recording may hold any int64, and the fold
 * must stay defined (signed overflow is not). */
static int64_t wrap_add(int64_t a, int64_t b)
{
    return (int64_t)((uint64_t)a + (uint64_t)b);
}

static void apply_thread(model *m, const ps_event *e, int a)
{
    model_actor *ac = &m->actors[a];
    switch (e->kind) {
    case EV_SCENARIO_START:
        m->started = 1;
        set_state(m, a, MS_RUNNING, 0);
        break;
    case EV_SCENARIO_END:
        m->ended = 1;
        break;
    case EV_THREAD_START:
        set_state(m, a, active_state_of(m, a), 0);
        break;
    case EV_THREAD_EXIT:
        set_state(m, a, MS_DONE, 0);
        break;
    case EV_JOB_STARTED:
        ac->job = e->arg;
        ac->job_start = e->vt_ns;
        ac->job_dur = (uint64_t)e->value;
        m->jobs_started++;
        if (++m->running_jobs > m->max_running_jobs)
            m->max_running_jobs = m->running_jobs;
        set_state(m, a, MS_WORKING, 0);
        break;
    case EV_JOB_FINISHED:
        ac->jobs_done++;
        m->jobs_finished++;
        m->running_jobs--;
        set_state(m, a, active_state_of(m, a), 0);
        break;
    case EV_SLEEP:
        ac->job_start = e->vt_ns;
        ac->job_dur = (uint64_t)e->value;
        set_state(m, a, MS_SLEEPING, 0);
        break;
    case EV_WAKE:
        set_state(m, a, MS_RUNNING, 0);
        break;
    case EV_ERROR:
        if (!m->errors++) {
            m->first_error_job = e->arg;
            m->first_error_code = e->value;
            m->first_error_vt = e->vt_ns;
        }
        break;
    case EV_CANCEL:
        m->cancelled++;
        if (ac->state == MS_WORKING) { /* its job ended without finishing */
            m->running_jobs--;
            set_state(m, a, active_state_of(m, a), 0);
        }
        break;
    default:
        break;
    }
}

static void apply_ctl(model *m, const ps_event *e)
{
    switch (e->kind) {
    case EV_CTL_PAUSE:
        m->paused = 1;
        break;
    case EV_CTL_RESUME:
        m->paused = 0;
        m->step_mode = 0;
        break;
    case EV_CTL_STEP_MODE:
        m->step_mode = 1;
        break;
    case EV_CTL_STEP: /* a step is taken in step mode: a run started --step has no STEP_MODE */
        m->steps++;
        m->step_mode = 1;
        break;
    case EV_CTL_SPEED:
        m->speed_milli = e->value;
        break;
    default:
        break;
    }
}

/* The actor's own operation counts (see model_actor). */
static void count_op(model_actor *ac, const ps_event *e)
{
    switch (e->kind) {
    case EV_Q_SEND:
        ac->sent++;
        break;
    case EV_Q_RECV:
        ac->received++;
        break;
    case EV_ATOMIC_ADD:
        ac->adds++;
        ac->last_value = e->value;
        break;
    case EV_ATOMIC_LOAD:
        ac->loads++;
        break;
    case EV_ATOMIC_STORE:
        ac->stores++;
        ac->last_value = e->value;
        break;
    case EV_MUTEX_ACQUIRED:
        ac->locks++;
        break;
    case EV_WG_DONE:
        ac->wg_dones++;
        break;
    default:
        break;
    }
}

/* Thread starts and exits of every actor, whatever its id. */
static void count_thread(model *m, const ps_event *e)
{
    if (e->kind == EV_THREAD_START) {
        m->threads_started++;
        uint64_t live = m->threads_started - m->threads_exited;
        if (m->threads_started > m->threads_exited && live > m->threads_peak)
            m->threads_peak = live;
    } else if (e->kind == EV_THREAD_EXIT) {
        m->threads_exited++;
    }
}

const model_obj *model_obj_find(const model *m, uint32_t id)
{
    if (id < MODEL_OBJ_INDEX) /* a program's ids count up from 0 */
        return id < m->n_index && m->index[id] ? &m->objs[m->index[id] - 1] : NULL;
    for (int i = 0; i < m->n_objs; i++)
        if (m->objs[i].id == id)
            return &m->objs[i];
    return NULL;
}

/* Room for one more object (and, for a small id, its index entry); 0 if
 * there is none: the object is counted as dropped. */
static int obj_room(model *m, uint32_t id)
{
    if (m->n_objs >= MODEL_OBJS_MAX)
        return 0;
    if (m->n_objs == m->cap_objs) {
        int cap = m->cap_objs ? 2 * m->cap_objs : 16;
        model_obj *o = realloc(m->objs, (size_t)cap * sizeof *o);
        if (!o)
            return 0;
        m->objs = o;
        m->cap_objs = cap;
    }
    if (id < MODEL_OBJ_INDEX && id >= m->n_index) {
        uint32_t n = m->n_index ? m->n_index : 64;
        while (n <= id)
            n *= 2;
        uint32_t *ix = realloc(m->index, (size_t)n * sizeof *ix);
        if (!ix)
            return 0;
        memset(ix + m->n_index, 0, (size_t)(n - m->n_index) * sizeof *ix);
        m->index = ix;
        m->n_index = n;
    }
    return 1;
}

/* 16 bytes of a text (TEXT: chunk obj, bytes in arg and value); chunk 0
 * starts it anew. */
static void go_text(model_actor *ac, const ps_event *e)
{
    size_t at = (size_t)e->obj * 16;
    if (e->obj == 0)
        memset(ac->text, 0, sizeof ac->text);
    if (at + 16 >= sizeof ac->text)
        return;
    memcpy(ac->text + at, &e->arg, 8);
    memcpy(ac->text + at + 8, &e->value, 8);
}

/* errgroup: a function's error or cancellation (the text before it says
 * what), or what Wait returned (arg 2). */
static void go_outcome(model *m, model_obj *o, const ps_event *e, int a)
{
    model_actor *ac = &m->actors[a];
    if (e->kind == EV_ERROR && e->arg == 2) {
        if (o) {
            o->waited = 1;
            snprintf(o->returned, sizeof o->returned, "%s", e->value ? "" : ac->text);
        }
        return;
    }
    ac->outcome = e->kind == EV_CANCEL ? 2 : 1;
    if (!o)
        return;
    if (e->kind == EV_CANCEL)
        o->cancelled++;
    else
        o->failed++;
    if (e->arg == 1) {
        o->first_by = a;
        snprintf(o->first, sizeof o->first, "%s", ac->text);
    }
}

/* A lock's waiters in the order they came (the first MODEL_OBJ_WAITERS). */
static void obj_wait(model_obj *o, int a)
{
    for (int i = 0; i < o->n_waiters && i < MODEL_OBJ_WAITERS; i++)
        if (o->waiters[i] == (uint32_t)a)
            return;
    if (o->n_waiters < MODEL_OBJ_WAITERS)
        o->waiters[o->n_waiters] = (uint32_t)a;
    o->n_waiters++;
}

static void obj_unwait(model_obj *o, int a)
{
    int n = o->n_waiters < MODEL_OBJ_WAITERS ? o->n_waiters : MODEL_OBJ_WAITERS;
    for (int i = 0; i < n; i++)
        if (o->waiters[i] == (uint32_t)a) {
            memmove(&o->waiters[i], &o->waiters[i + 1], (size_t)(n - i - 1) * sizeof o->waiters[0]);
            o->n_waiters--;
            return;
        }
    if (o->n_waiters > MODEL_OBJ_WAITERS) /* one past those kept */
        o->n_waiters--;
}

/* A goroutine's waits on its program's objects (obj: the object's id, as
 * model_obj_find reads it); 1 if e was one of those events.  The scenario's
 * fixed queues, WaitGroups and mutexes are not a program's. */
static int apply_go_wait(model *m, const ps_event *e, int a)
{
    const model_obj *o = model_obj_find(m, e->obj);
    int st = m->actors[a].state;
    int waiting =
        st == MS_WAIT_SEND || st == MS_WAIT_RECV || st == MS_WAIT_MUTEX || st == MS_WAIT_WG;
    switch (e->kind) {
    case EV_TEXT:
        go_text(&m->actors[a], e);
        return 1;
    case EV_ERROR:
    case EV_CANCEL:
        go_outcome(m, (model_obj *)o, e, a);
        return 1;
    case EV_Q_SEND_BLOCKED:
        set_state(m, a, MS_WAIT_SEND, e->obj);
        return 1;
    case EV_Q_RECV_BLOCKED:
        set_state(m, a, MS_WAIT_RECV, e->obj);
        return 1;
    case EV_WG_WAIT:
        if (e->value > 0)
            set_state(m, a, MS_WAIT_WG, e->obj);
        return 1;
    case EV_MUTEX_REQUEST:
    case EV_RW_LOCK_REQUEST:
    case EV_RW_RLOCK_REQUEST:
        /* the holder is known from the events before this one: a request
         * that finds the lock held waits (a free one is acquired next) */
        if (o && ((o->owner >= 0 && o->owner != a) ||
                  (e->kind == EV_RW_LOCK_REQUEST && o->count > 0))) { /* held, or readers in */
            set_state(m, a, MS_WAIT_MUTEX, e->obj);
            obj_wait((model_obj *)o, a);
        }
        return 1;
    case EV_MUTEX_ACQUIRED:
    case EV_RW_LOCK_ACQUIRED:
    case EV_RW_RLOCK_ACQUIRED:
        if (o)
            obj_unwait((model_obj *)o, a);
        if (waiting)
            set_state(m, a, MS_RUNNING, 0);
        return 1;
    case EV_Q_SEND:
    case EV_Q_RECV:
    case EV_Q_RECV_CLOSED:
    case EV_Q_SEND_CLOSED:
    case EV_Q_CLOSE:
    case EV_WG_WAIT_RETURN:
        if (waiting)
            set_state(m, a, MS_RUNNING, 0);
        return 1;
    case EV_WG_ADD:
    case EV_WG_DONE:
    case EV_MUTEX_RELEASED:
        return 1;
    default:
        return 0;
    }
}

/* An atomic's or a shared variable's operation by goroutine e->actor.  A
 * store whose goroutine loaded the variable before another goroutine's
 * store overwrites that store: its update is lost (the race lesson; also
 * atomic.Load then atomic.Store). */
static void apply_var(model *m, model_obj *o, const ps_event *e)
{
    int a = (int)e->actor;
    model_actor *ac = a < m->n_actors ? &m->actors[a] : NULL;
    o->ops++;
    switch (e->kind) {
    case EV_ATOMIC_LOAD:
    case EV_ATOMIC_CAS_FAILED:
        if (!o->loads && !o->stores) /* its value before any watched store */
            o->expected = e->value;
        o->loads++;
        o->value = e->value;
        if (ac)
            ac->load_obj = o->id, ac->has_load = 1, ac->load_stores = o->stores,
            ac->load_value = e->value;
        return;
    case EV_ATOMIC_STORE: {
        int rmw = ac && ac->has_load && ac->load_obj == o->id;
        if (rmw && ac->load_stores < o->stores) {
            o->overwrites++;
            o->over_by = a;
            o->over_whom = o->last_store_by;
            o->over_value = e->value;
            o->over_old = o->value;
        }
        /* the change this store meant to make, on the value it loaded */
        o->expected =
            rmw ? wrap_add(o->expected, (int64_t)((uint64_t)e->value - (uint64_t)ac->load_value))
                : e->value;
        if (ac)
            ac->has_load = 0;
        break;
    }
    default: /* add, swap, compare-and-swap: one atomic step, nothing lost */
        o->expected = wrap_add(o->expected, (int64_t)((uint64_t)e->value - (uint64_t)o->value));
        break;
    }
    o->value = e->value;
    o->stores++;
    o->last_store_by = a;
    o->lost = o->expected > o->value ? (uint64_t)o->expected - (uint64_t)o->value : 0;
}

/* A send's item behind the others (counted only once some are): a send a
 * receiver takes at once is pushed and popped by the pair of events. */
static void chan_push(model_obj *o, int64_t item)
{
    if (o->kind != PS_OBJ_CHAN)
        return;
    if (o->items_more || itemq_len(&o->items) >= MODEL_CHAN_ITEMS ||
        itemq_push(&o->items, item) != 0)
        o->items_more++;
}

static void chan_pop(model_obj *o)
{
    int64_t item;
    if (o->kind != PS_OBJ_CHAN)
        return;
    if (!itemq_pop(&o->items, &item) && o->items_more)
        o->items_more--;
}

/* A Go program's objects: made by OBJECT events, then what the queue
 * events say of them (a channel's depth after each send and receive). */
static void apply_obj(model *m, const ps_event *e)
{
    if (e->kind == EV_OBJECT) {
        if (m->job_obj < 0 && m->layout.job_line && e->line == m->layout.job_line &&
            e->arg == PS_OBJ_CHAN)
            m->job_obj = e->obj;
        if (model_obj_find(m, e->obj))
            return;
        if (!obj_room(m, e->obj)) {
            m->objs_dropped++;
            return;
        }
        if (e->obj < MODEL_OBJ_INDEX)
            m->index[e->obj] = (uint32_t)m->n_objs + 1;
        m->objs[m->n_objs++] = (model_obj){.id = e->obj,
                                           .kind = (int)e->arg,
                                           .line = e->line,
                                           .cap = e->value,
                                           .owner = -1,
                                           .last_store_by = -1,
                                           .over_by = -1,
                                           .over_whom = -1,
                                           .first_by = -1};
        itemq_init(&m->objs[m->n_objs - 1].items);
        return;
    }
    model_obj *o = (model_obj *)model_obj_find(m, e->obj);
    if (!o)
        return;
    switch (e->kind) {
    case EV_WG_ADD:
    case EV_WG_DONE:
    case EV_WG_WAIT:
    case EV_WG_WAIT_RETURN:
        o->count = e->value;
        break;
    case EV_MUTEX_ACQUIRED:
        o->owner = (int)e->arg;
        o->locks++;
        break;
    case EV_MUTEX_RELEASED:
        o->owner = -1;
        break;
    case EV_RW_LOCK_ACQUIRED:
    case EV_RW_RLOCK_ACQUIRED:
    case EV_RW_UNLOCK:
    case EV_RW_RUNLOCK:
        o->owner = (int)e->arg;
        o->count = e->value;
        o->locks += e->kind == EV_RW_LOCK_ACQUIRED || e->kind == EV_RW_RLOCK_ACQUIRED;
        break;
    case EV_ATOMIC_ADD:
    case EV_ATOMIC_SWAP:
    case EV_ATOMIC_CAS:
    case EV_ATOMIC_CAS_FAILED:
    case EV_ATOMIC_LOAD:
    case EV_ATOMIC_STORE:
        apply_var(m, o, e);
        break;
    case EV_Q_SEND:
        o->sent++;
        o->depth = e->value;
        chan_push(o, e->arg);
        break;
    case EV_Q_RECV:
        o->received++;
        o->depth = e->value;
        chan_pop(o);
        break;
    case EV_Q_CLOSE:
        o->closed = 1;
        break;
    default:
        break;
    }
}

/* The worker-pool diagram: what the job channel's events and a worker's
 * timed work mean (a worker is any goroutine but main).  A receive from it
 * dispatches a job; the worker's sleep is the job's work; it is idle again
 * when it comes back for the next. */
static int job_fold(model *m, const ps_event *e)
{
    int a = (int)e->actor;
    int on_jobs = m->job_obj >= 0 && (int64_t)e->obj == m->job_obj;
    int worker = a != PS_ACTOR_MAIN && a < m->n_actors;
    model_actor *ac = worker ? &m->actors[a] : NULL;
    switch (e->kind) {
    case EV_THREAD_START:
        return worker && m->job_obj >= 0 ? MODEL_AR_INIT : -1;
    case EV_Q_SEND:
        return on_jobs && a == PS_ACTOR_MAIN ? MODEL_AR_ADD : -1;
    case EV_Q_RECV:
        if (!on_jobs || !ac)
            return -1;
        ac->has_job = 1;
        ac->job = e->arg;
        return MODEL_AR_DISPATCH;
    case EV_Q_RECV_BLOCKED:
    case EV_Q_RECV_CLOSED:
        if (on_jobs && ac)
            ac->has_job = 0;
        return -1;
    case EV_SLEEP:
        return ac && ac->has_job ? MODEL_AR_GET : -1;
    case EV_WAKE:
        if (!ac || !ac->has_job)
            return -1;
        ac->jobs_done++; /* the job's work is done: its result is the worker's next step */
        return MODEL_AR_DONE;
    default:
        return -1;
    }
}

size_t model_output_bytes(const ps_event *e, char buf[16], int *fd)
{
    size_t k = e->obj >> 8;
    k = k > 16 ? 16 : k;
    *fd = (e->obj & 0xff) == 2 ? 2 : 1;
    memcpy(buf, &e->arg, 8);
    memcpy(buf + 8, &e->value, 8);
    return k;
}

static void apply_output(model *m, const ps_event *e)
{
    char b[16];
    int fd;
    size_t k = model_output_bytes(e, b, &fd);
    if (fd != 1)
        return; /* stderr goes to the terminal after the screen, not the log */
    for (size_t i = 0; i < k; i++)
        m->out[m->out_n++ % MODEL_OUT] = b[i];
}

size_t model_output(const model *m, char *buf, size_t cap)
{
    if (!cap)
        return 0;
    uint64_t kept = m->out_n < MODEL_OUT ? m->out_n : MODEL_OUT;
    uint64_t n = kept < cap - 1 ? kept : cap - 1, from = m->out_n - n;
    if (from && n) /* a cut line at the top would read as a line of its own */
        while (n && m->out[(from - 1) % MODEL_OUT] != '\n')
            from++, n--;
    for (uint64_t i = 0; i < n; i++)
        buf[i] = m->out[(from + i) % MODEL_OUT];
    buf[n] = 0;
    return (size_t)n;
}

int model_step_mark(const model *m, int a)
{
    switch (a >= 0 && a < m->n_actors ? m->actors[a].state : MS_NEW) {
    case MS_RUNNING:
    case MS_IDLE:
        return MODEL_MARK_POINT;
    case MS_SLEEPING:
    case MS_WORKING:
        return MODEL_MARK_TIMED;
    default:
        return MODEL_MARK_NONE;
    }
}

int model_next_step(const model *m)
{
    int best = -1;
    uint64_t kb = 0;
    for (int pass = MODEL_MARK_POINT; pass <= MODEL_MARK_TIMED && best < 0; pass++)
        for (int a = 0; a < m->hi_actor; a++) {
            const model_actor *x = &m->actors[a];
            if (model_step_mark(m, a) != pass)
                continue;
            uint64_t kx = pass == MODEL_MARK_POINT ? x->ready_step : x->job_start + x->job_dur;
            if (best < 0 || kx < kb) /* a is the higher id: ties keep best */
                best = a, kb = kx;
        }
    return best;
}

void model_apply(model *m, const ps_event *e)
{
    if (e->seq != m->next_seq)
        m->seq_errors++;
    m->next_seq = e->seq + 1;
    m->events++;
    if (e->kind < EV_KIND_COUNT)
        m->kind_count[e->kind]++;
    if (e->vt_ns > m->vt)
        m->vt = e->vt_ns;
    if (e->rt_ns > m->rt)
        m->rt = e->rt_ns;
    m->log[m->log_n % MODEL_LOG] = *e;
    m->log_n++;
    model_ui_apply(&m->ui, e);
    if (e->kind >= EV_CTL_PAUSE) {
        apply_ctl(m, e);
        return;
    }
    apply_obj(m, e);
    if (e->kind == EV_OUTPUT)
        apply_output(m, e);
    if (m->layout.job_line)
        model_ui_fire(&m->ui, job_fold(m, e), e->vt_ns);
    count_thread(m, e);
    if (e->actor >= (uint32_t)m->n_actors) {
        /* past the actors kept in detail (or the controller): counted only */
        m->untracked += e->actor != PS_ACTOR_CTL;
        return;
    }
    int a = (int)e->actor;
    m->hi_actor = a + 1 > m->hi_actor ? a + 1 : m->hi_actor;
    count_op(&m->actors[a], e);
    m->actors[a].ready_step = m->steps;
    if (e->line) /* only its own events carry one (actor.h) */
        m->actors[a].line = e->line;
    if (e->kind == EV_THREAD_START) {
        m->actors[a].label = e->obj;
        m->actors[a].label_arg = e->value;
    }
    if (!apply_go_wait(m, e, a))
        apply_thread(m, e, a);
}

const ps_event *model_log_at(const model *m, uint64_t i)
{
    if (i >= m->log_n || i >= MODEL_LOG)
        return NULL;
    return &m->log[(m->log_n - 1 - i) % MODEL_LOG];
}

int model_lanes(const model *m)
{
    return m->hi_actor > 1 ? m->hi_actor - 1 : 0;
}
