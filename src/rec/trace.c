#include "trace.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "go/goprog.h"
#include "json.h"
#include "outfile.h"
#include "model/model.h"

/* A hand-off's flow id: object << 32 | its number + 1 (a queue's k-th send
 * and k-th receive, a mutex's k-th acquisition and the release before it, a
 * WaitGroup's k-th return to zero and the Waits it ends).  Below 2^53 for
 * object ids under 2^21, so a JavaScript viewer reads it exactly. */
#define FLOW_OBJ_SHIFT 32

/* Each event owns a slot of SLOT_NS ns of the trace's clock from its point
 * p: state slices change at p, an operation's slice spans [p + 1, p + 3],
 * its flows, counters and instants sit at p + 2, inside it.  So no two
 * slices of a track start together, and each flow lies strictly inside the
 * slice it binds to: viewers break ties of equal timestamps each its own
 * way (Perfetto's maintainers call them unsupported). */
#define SLOT_OP 1
#define SLOT_OP_DUR 2
#define SLOT_MARK 2
#define SLOT_NS 4

#define TRACE_WGS 64   /* WaitGroups whose Wait hand-offs get flows */
#define TRACE_LINE 100 /* what an output line's instant keeps of it */

typedef struct trace_wg {
    uint32_t obj;
    uint32_t zeros; /* times its counter came back to 0 */
} trace_wg;

/* A goroutine's output line being gathered: one instant per event that
 * ends lines (those it ends joined by " / "), so no two share a time. */
typedef struct trace_line {
    char s[TRACE_LINE + 3]; /* room for a " / " */
    size_t n, ended;        /* s[0, ended): the lines this event ended */
    int fd, cut;
} trace_line;

struct trace_writer {
    outfile out; /* written whole or not at all */
    FILE *f;     /* out.f */
    char path[256];
    model m;
    const goprog *prog; /* a Go program's: goroutine and object names */
    int named;          /* actors below this were named by trace_open */
    int ctl_named;
    /* the trace's clock (trace.h) */
    int started, held;
    uint64_t lecture;   /* the lecture clock at the last event */
    uint64_t off;       /* lecture ns spent held before it */
    uint64_t now, next; /* the point of the event being written; the next's earliest */
    uint64_t held_at;   /* where the controller's held slice began */
    const char *held_name;
    uint64_t steps;
    uint64_t step_at;              /* where the open step slice began (steps: one is open) */
    int step_actor;                /* whom it granted */
    uint64_t since[PS_MAX_ACTORS]; /* where each tracked actor's state began */
    trace_wg wgs[TRACE_WGS];
    int n_wgs;
    trace_line lines[PS_MAX_ACTORS];
};

/* Microseconds, as Chrome's ts and dur want them, exact to the ns. */
static void put_us(trace_writer *t, const char *key, uint64_t ns)
{
    fprintf(t->f, ",\"%s\":%" PRIu64 ".%03u", key, ns / 1000, (unsigned)(ns % 1000));
}

/* Every record starts with a comma but the first (written in trace_open),
 * and with ph, pid, tid and ts: ts early, as Perfetto's tokenizer reads it. */
static void begin(trace_writer *t, const char *ph, int actor, uint64_t ns)
{
    fprintf(t->f, ",\n{\"ph\":\"%s\",\"pid\":1,\"tid\":%d", ph, actor + 1);
    put_us(t, "ts", ns);
}

static void put_name(trace_writer *t, const char *key, const char *s)
{
    fprintf(t->f, ",\"%s\":", key);
    json_put_string(t->f, s, strlen(s));
}

/* A track's name: the actor's, or a goroutine's as the screen names it
 * ("worker(2)", "main.func1"), with its id ("W3 worker(2)"). */
static void thread_name(trace_writer *t, int actor, uint32_t label, int64_t arg)
{
    char b[PS_ACTOR_NAME_LEN], l[96] = "", name[128];
    if (t->prog && label)
        goprog_label(t->prog, label, arg, l, sizeof l);
    snprintf(name, sizeof name, "%s%s%s", event_actor_name(actor, b), l[0] ? " " : "", l);
    begin(t, "M", actor, 0);
    fputs(",\"name\":\"thread_name\",\"args\":{\"name\":", t->f);
    json_put_string(t->f, name, strlen(name));
    fputs("}}", t->f);
    begin(t, "M", actor, 0);
    fprintf(t->f, ",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":%d}}", actor);
}

static void ctl_track(trace_writer *t)
{
    if (!t->ctl_named)
        thread_name(t, PS_ACTOR_CTL, 0, 0);
    t->ctl_named = 1;
}

trace_writer *trace_open(const char *path, const ps_params *p, const ps_layout *l,
                         const goprog *prog, char *err, size_t len)
{
    trace_writer *t = calloc(1, sizeof(*t));
    if (!t || model_init(&t->m, l)) {
        snprintf(err, len, "cannot export a trace to %s: out of memory", path);
        free(t);
        return NULL;
    }
    snprintf(t->path, sizeof t->path, "%s", path);
    if (outfile_open(&t->out, path) != 0 || !(t->f = t->out.f)) {
        snprintf(err, len, "cannot export a trace to %s: %s", path, strerror(errno));
        model_free(&t->m);
        free(t);
        return NULL;
    }
    const char *title = p->title[0] ? p->title : p->name;
    fputs("{\"traceEvents\":[\n{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"ts\":0,"
          "\"name\":\"process_name\",\"args\":{\"name\":",
          t->f);
    json_put_string(t->f, title, strlen(title));
    fputs("}}", t->f);
    t->prog = prog;
    /* a program's goroutines are named as they start (their thread-start
     * says which function); a scenario's workers are all there at once */
    t->named = prog ? 1 : l->workers + 1;
    for (int a = 0; a < t->named && a < PS_MAX_ACTORS; a++)
        thread_name(t, a, 0, 0);
    return t;
}

/* The controller's slice of the time the run was held (paused or stepped),
 * from where it began to the current point. */
static void held_close(trace_writer *t)
{
    ctl_track(t);
    begin(t, "X", PS_ACTOR_CTL, t->held_at);
    put_us(t, "dur", t->now - t->held_at);
    fputs(",\"cat\":\"lecture\"", t->f);
    put_name(t, "name", t->held_name);
    fputs(",\"args\":{\"clock\":\"lecture\"}}", t->f);
}

/* The controller's slice of the last step, from the grant to the current
 * point: the next step, a mode change or the end. */
static void step_close(trace_writer *t)
{
    char buf[32], a[PS_ACTOR_NAME_LEN];
    if (!t->steps || t->step_at == UINT64_MAX)
        return;
    snprintf(buf, sizeof buf, "step %s", event_actor_name(t->step_actor, a));
    begin(t, "X", PS_ACTOR_CTL, t->step_at);
    put_us(t, "dur", t->now - t->step_at);
    fputs(",\"cat\":\"step\"", t->f);
    put_name(t, "name", buf);
    fprintf(t->f, ",\"args\":{\"step\":%" PRIu64 "}}", t->steps);
    t->step_at = UINT64_MAX;
}

/* The first event that is not a speed change: a run that runs publishes its
 * program's events first, so one whose first event is the controller's was
 * paused or in step mode from the start (--paused, --step: no ctl event
 * says so), and the lecture time before it was held. */
static void clock_start(trace_writer *t, const ps_event *e, uint64_t lecture)
{
    t->started = 1;
    if (e->kind < EV_CTL_PAUSE || e->kind > EV_CTL_STEP)
        return;
    t->held = 1;
    t->held_at = 0;
    t->held_name = e->kind == EV_CTL_STEP || e->kind == EV_CTL_PAUSE ? "step mode" : "paused";
    t->off = lecture;
    t->next = SLOT_NS; /* the held slice starts alone at 0 */
}

/* The event's point on the trace's clock (trace.h): its virtual time plus
 * the lecture time spent held before it, never before the last event's
 * slot (threads stamp their own virtual time: seq order can step back). */
static void clock_tick(trace_writer *t, const ps_event *e)
{
    /* 0 from a session that stamps no lecture clock: the publish's real time */
    uint64_t lecture = e->wt_ns ? e->wt_ns : e->rt_ns;
    if (!t->started && e->kind != EV_CTL_SPEED)
        clock_start(t, e, lecture);
    else if (t->held && lecture > t->lecture)
        t->off += lecture - t->lecture;
    if (lecture > t->lecture)
        t->lecture = lecture;
    uint64_t p = e->vt_ns + t->off;
    t->now = p > t->next ? p : t->next;
    t->next = t->now + SLOT_NS;
}

/* A mode change: the held slices on the controller's track follow it. */
static void clock_mode(trace_writer *t, const ps_event *e)
{
    if (e->kind != EV_CTL_PAUSE && e->kind != EV_CTL_RESUME && e->kind != EV_CTL_STEP_MODE)
        return;
    step_close(t);
    if (t->held && t->held_at < t->now) {
        held_close(t);
        t->held_at = t->now;
    }
    if (!t->held)
        t->held_at = t->now;
    t->held = e->kind != EV_CTL_RESUME;
    t->held_name = e->kind == EV_CTL_PAUSE ? "paused" : "step mode";
}

/* A Go program's object by the name the program gives it ("jobs", "c.mu"),
 * else its kind and number ("chan 3"). */
static const char *obj_name(const trace_writer *t, uint32_t id, char *buf, size_t len)
{
    static const char *const kinds[] = {
        [PS_OBJ_CHAN] = "chan",       [PS_OBJ_WG] = "wg",         [PS_OBJ_MUTEX] = "mutex",
        [PS_OBJ_RWMUTEX] = "rwmutex", [PS_OBJ_ATOMIC] = "atomic", [PS_OBJ_VAR] = "var",
        [PS_OBJ_GROUP] = "errgroup"};
    const model_obj *o = model_obj_find(&t->m, id);
    const char *name = o ? goprog_object_name(t->prog, o->kind, o->line, o->cap) : NULL;
    int known =
        o && o->kind >= 0 && o->kind < (int)(sizeof kinds / sizeof *kinds) && kinds[o->kind];
    if (name)
        snprintf(buf, len, "%s", name);
    else
        snprintf(buf, len, "%s %u", known ? kinds[o->kind] : "object", id);
    return buf;
}

/* The slice a thread's state makes, named by the program's objects, or
 * NULL for states not drawn. */
static const char *state_slice(const trace_writer *t, const model_actor *a, char *buf, size_t len,
                               const char **cat)
{
    char o[64];
    *cat = "blocked";
    switch (a->state) {
    case MS_SLEEPING:
        *cat = "sleep";
        return "sleep";
    case MS_WORKING:
        *cat = "job";
        snprintf(buf, len, "job %" PRId64, a->job);
        return buf;
    case MS_WAIT_RECV:
    case MS_WAIT_SEND:
        snprintf(buf, len, "%s %s (blocked)", a->state == MS_WAIT_RECV ? "recv" : "send",
                 obj_name(t, a->obj, o, sizeof o));
        return buf;
    case MS_WAIT_MUTEX:
        snprintf(buf, len, "lock %s (waiting)", obj_name(t, a->obj, o, sizeof o));
        return buf;
    case MS_WAIT_WG:
        snprintf(buf, len, "%s.Wait", obj_name(t, a->obj, o, sizeof o));
        return buf;
    case MS_RUNNING:
        *cat = "run";
        return "running";
    default:
        return NULL;
    }
}

/* The slice of the state 'before' (if it is one drawn), from where it began
 * on the trace's clock to 'end'; its virtual start and length in args. */
static void close_slice(trace_writer *t, int actor, const model_actor *before, uint64_t end,
                        uint64_t vt_end)
{
    char buf[128];
    const char *cat, *name = state_slice(t, before, buf, sizeof buf, &cat);
    if (!name)
        return;
    begin(t, "X", actor, t->since[actor]);
    put_us(t, "dur", end - t->since[actor]);
    fprintf(t->f, ",\"cat\":\"%s\"", cat);
    put_name(t, "name", name);
    fprintf(t->f, ",\"args\":{\"vt_ns\":%" PRIu64 ",\"vt_dur_ns\":%" PRIu64 "}}", before->since,
            vt_end > before->since ? vt_end - before->since : 0);
}

/* An operation's slice on its goroutine's track, [p + 1, p + 3]; key (if
 * not NULL) and v add what it left (a depth, a value). */
static void op_slice(trace_writer *t, const ps_event *e, const char *cat, const char *name,
                     const char *key, int64_t v)
{
    begin(t, "X", (int)e->actor, t->now + SLOT_OP);
    put_us(t, "dur", SLOT_OP_DUR);
    fprintf(t->f, ",\"cat\":\"%s\"", cat);
    put_name(t, "name", name);
    fprintf(t->f, ",\"args\":{\"seq\":%" PRIu64, e->seq);
    if (key)
        fprintf(t->f, ",\"%s\":%" PRId64, key, v);
    fputs("}}", t->f);
}

/* One end of a hand-off's arrow, inside the operation's slice: 's' binds
 * to it, 'f' too with bp "e" (else it would bind to the next slice). */
static void flow(trace_writer *t, const ps_event *e, int start, const char *name, uint64_t n)
{
    begin(t, start ? "s" : "f", (int)e->actor, t->now + SLOT_MARK);
    fputs(",\"cat\":\"handoff\"", t->f);
    put_name(t, "name", name);
    fprintf(t->f, ",\"id\":%" PRIu64 "%s}", ((uint64_t)e->obj << FLOW_OBJ_SHIFT) + n + 1,
            start ? "" : ",\"bp\":\"e\"");
}

/* A counter track's sample ("queue jobs" depth): args is its JSON object. */
static void counter(trace_writer *t, const ps_event *e, const char *what, const char *name,
                    const char *args)
{
    char buf[96];
    snprintf(buf, sizeof buf, "%s %s", what, name);
    begin(t, "C", (int)e->actor, t->now + SLOT_MARK);
    put_name(t, "name", buf);
    fprintf(t->f, ",\"args\":%s}", args);
}

static void counter_value(trace_writer *t, const ps_event *e, const char *what, const char *name,
                          const char *key, int64_t v)
{
    char args[64];
    snprintf(args, sizeof args, "{\"%s\":%" PRId64 "}", key, v);
    counter(t, e, what, name, args);
}

static void instant(trace_writer *t, int actor, const char *cat, const char *name, uint64_t seq)
{
    begin(t, "i", actor, t->now + SLOT_MARK);
    fprintf(t->f, ",\"cat\":\"%s\"", cat); /* no "s": a thread's, by default */
    put_name(t, "name", name);
    fprintf(t->f, ",\"args\":{\"seq\":%" PRIu64 "}}", seq);
}

/* A channel's operations: the slice, the arrow from the k-th send to the
 * k-th receive (FIFO), the depth it left. */
static void records_queue(trace_writer *t, const ps_event *e, uint64_t nth, const char *q)
{
    char buf[96];
    switch (e->kind) {
    case EV_Q_SEND:
    case EV_Q_RECV:
        snprintf(buf, sizeof buf, "%s %s %" PRId64, e->kind == EV_Q_SEND ? "send" : "recv", q,
                 e->arg);
        op_slice(t, e, "queue", buf, "depth", e->value);
        flow(t, e, e->kind == EV_Q_SEND, q, nth);
        counter_value(t, e, "queue", q, "depth", e->value);
        break;
    case EV_Q_RECV_CLOSED:
    case EV_Q_CLOSE:
        snprintf(buf, sizeof buf, e->kind == EV_Q_CLOSE ? "close %s" : "recv %s (closed)", q);
        op_slice(t, e, "queue", buf, NULL, 0);
        break;
    case EV_SELECT_DEFAULT:
        op_slice(t, e, "queue", "select default", NULL, 0);
        break;
    default:
        break;
    }
}

/* The WaitGroup's entry for its zero hand-offs, or NULL when full. */
static trace_wg *wg_entry(trace_writer *t, uint32_t obj)
{
    for (int i = 0; i < t->n_wgs; i++)
        if (t->wgs[i].obj == obj)
            return &t->wgs[i];
    if (t->n_wgs == TRACE_WGS)
        return NULL;
    t->wgs[t->n_wgs] = (trace_wg){.obj = obj};
    return &t->wgs[t->n_wgs++];
}

/* A WaitGroup's Add, Done and Wait: the count as a counter track, and an
 * arrow from the Done (or Add) that brought it to zero to each Wait that
 * was blocked on it. */
static void records_wg(trace_writer *t, const ps_event *e, const model_actor *before, const char *w)
{
    char buf[96];
    trace_wg *g = wg_entry(t, e->obj);
    if (e->kind == EV_WG_ADD || e->kind == EV_WG_DONE) {
        snprintf(buf, sizeof buf,
                 e->kind == EV_WG_DONE ? "%s.Done() =%" PRId64 : "%s.Add(%" PRId64 ") =%" PRId64, w,
                 e->kind == EV_WG_DONE ? e->value : e->arg, e->value);
        op_slice(t, e, "sync", buf, "count", e->value);
        if (g && e->value == 0)
            flow(t, e, 1, w, g->zeros++);
        counter_value(t, e, "wg", w, "count", e->value);
    } else if (e->kind == EV_WG_WAIT && e->value <= 0) { /* returns at once */
        snprintf(buf, sizeof buf, "%s.Wait() =%" PRId64, w, e->value);
        op_slice(t, e, "sync", buf, NULL, 0);
    } else if (e->kind == EV_WG_WAIT_RETURN) {
        snprintf(buf, sizeof buf, "%s.Wait() returns", w);
        op_slice(t, e, "sync", buf, NULL, 0);
        if (g && g->zeros && before->state == MS_WAIT_WG)
            flow(t, e, 0, w, g->zeros - 1);
    }
}

/* A mutex's Lock and Unlock: the holder as a counter track (its W number,
 * main 0, -1 free), an arrow from each Unlock to a Lock that waited for it. */
static void records_mutex(trace_writer *t, const ps_event *e, uint64_t locks,
                          const model_actor *before, const char *mu)
{
    char buf[96];
    int lock = e->kind == EV_MUTEX_ACQUIRED;
    snprintf(buf, sizeof buf, "%s %s", lock ? "lock" : "unlock", mu);
    op_slice(t, e, "sync", buf, NULL, 0);
    if (!lock)
        flow(t, e, 1, mu, locks);
    else if (locks && before->state == MS_WAIT_MUTEX)
        flow(t, e, 0, mu, locks);
    counter_value(t, e, "mutex", mu, "holder", lock ? e->arg : -1);
}

/* An RWMutex's: the readers and the writer (-1: none) as counter tracks. */
static void records_rw(trace_writer *t, const ps_event *e, const char *rw)
{
    static const char *const ops[] = {[EV_RW_RLOCK_ACQUIRED] = "rlock",
                                      [EV_RW_RUNLOCK] = "runlock",
                                      [EV_RW_LOCK_ACQUIRED] = "lock",
                                      [EV_RW_UNLOCK] = "unlock"};
    char buf[96], args[96];
    snprintf(buf, sizeof buf, "%s %s", ops[e->kind], rw);
    op_slice(t, e, "sync", buf, "readers", e->value);
    snprintf(args, sizeof args, "{\"readers\":%" PRId64 ",\"writer\":%" PRId64 "}", e->value,
             e->arg);
    counter(t, e, "rwmutex", rw, args);
}

/* An atomic's or a shared plain variable's operation; each change of its
 * value a sample of its counter track (a load changes nothing). */
static void records_value(trace_writer *t, const ps_event *e, const char *v)
{
    const model_obj *o = model_obj_find(&t->m, e->obj);
    const char *cat = o && o->kind == PS_OBJ_VAR ? "var" : "atomic";
    char buf[128];
    switch (e->kind) {
    case EV_ATOMIC_ADD:
        snprintf(buf, sizeof buf, "add %s %+" PRId64 " =%" PRId64, v, e->arg, e->value);
        break;
    case EV_ATOMIC_LOAD:
        snprintf(buf, sizeof buf, "load %s =%" PRId64, v, e->value);
        break;
    case EV_ATOMIC_STORE:
        snprintf(buf, sizeof buf, "store %s =%" PRId64, v, e->value);
        break;
    case EV_ATOMIC_CAS_FAILED:
        snprintf(buf, sizeof buf, "cas %s failed: want %" PRId64 ", found %" PRId64, v, e->arg,
                 e->value);
        break;
    default: /* swap, cas */
        snprintf(buf, sizeof buf, "%s %s %" PRId64 " -> %" PRId64,
                 e->kind == EV_ATOMIC_SWAP ? "swap" : "cas", v, e->arg, e->value);
        break;
    }
    op_slice(t, e, cat, buf, "value", e->value);
    if (e->kind != EV_ATOMIC_LOAD && e->kind != EV_ATOMIC_CAS_FAILED)
        counter_value(t, e, cat, v, "value", e->value);
}

/* The records of an event on one of the program's objects. */
static void records_obj(trace_writer *t, const ps_event *e, uint64_t nth, const model_actor *before)
{
    char name[64];
    if (!model_obj_find(&t->m, e->obj))
        return;
    obj_name(t, e->obj, name, sizeof name);
    switch (e->kind) {
    case EV_WG_ADD:
    case EV_WG_DONE:
    case EV_WG_WAIT:
    case EV_WG_WAIT_RETURN:
        records_wg(t, e, before, name);
        break;
    case EV_MUTEX_ACQUIRED:
    case EV_MUTEX_RELEASED:
        records_mutex(t, e, nth, before, name);
        break;
    case EV_RW_RLOCK_ACQUIRED:
    case EV_RW_RUNLOCK:
    case EV_RW_LOCK_ACQUIRED:
    case EV_RW_UNLOCK:
        records_rw(t, e, name);
        break;
    case EV_ATOMIC_ADD:
    case EV_ATOMIC_LOAD:
    case EV_ATOMIC_STORE:
    case EV_ATOMIC_SWAP:
    case EV_ATOMIC_CAS:
    case EV_ATOMIC_CAS_FAILED:
        records_value(t, e, name);
        break;
    default:
        records_queue(t, e, nth, name);
        break;
    }
}

/* What Go would print for a fatal misuse, or NULL. */
static const char *fatal_text(int kind)
{
    switch (kind) {
    case EV_Q_SEND_CLOSED:
        return "panic: send on closed channel";
    case EV_Q_CLOSE_CLOSED:
        return "panic: close of closed channel";
    case EV_WG_NEGATIVE:
        return "panic: sync: negative WaitGroup counter";
    case EV_MUTEX_UNLOCK_UNLOCKED:
        return "fatal error: sync: unlock of unlocked mutex";
    case EV_RW_RUNLOCK_UNLOCKED:
        return "fatal error: sync: RUnlock of unlocked RWMutex";
    case EV_RW_UNLOCK_UNLOCKED:
        return "fatal error: sync: Unlock of unlocked RWMutex";
    default:
        return NULL;
    }
}

/* An errgroup function's outcome, with the text it returned (TEXT events
 * before it spell it; the model keeps it for the goroutines it tracks). */
static void outcome_instant(trace_writer *t, const ps_event *e)
{
    char buf[MODEL_TEXT + 32];
    const char *text = e->actor < (uint32_t)t->m.n_actors ? t->m.actors[e->actor].text : "";
    const char *what = e->kind == EV_CANCEL ? "cancelled" : e->arg == 2 ? "Wait returned" : "error";
    snprintf(buf, sizeof buf, "%s%s%s", what, text[0] ? ": " : "", text);
    instant(t, (int)e->actor, "error", buf, e->seq);
}

/* The bytes the goroutine wrote, gathered into lines: the lines this event
 * ends become one instant on its track (two ended by one event are joined
 * by " / ", so no two instants of a track share a time). */
static void output_bytes(trace_writer *t, const ps_event *e)
{
    char b[16], name[TRACE_LINE + 16];
    int fd;
    size_t k = model_output_bytes(e, b, &fd);
    trace_line *l = &t->lines[e->actor];
    l->fd = fd;
    for (size_t i = 0; i < k; i++) {
        unsigned char c = (unsigned char)b[i];
        if (c == '\n' && l->ended && l->ended < l->n && l->n + 3 <= sizeof l->s) {
            /* a second line ends */
            memmove(l->s + l->ended + 3, l->s + l->ended, l->n - l->ended);
            memcpy(l->s + l->ended, " / ", 3);
            l->n += 3;
        }
        if (c == '\n')
            l->ended = l->n;
        else if (l->n < TRACE_LINE)
            l->s[l->n++] = c < 0x20 || c == 0x7f ? ' ' : (char)c;
        else
            l->cut = 1;
    }
    if (!l->ended)
        return;
    snprintf(name, sizeof name, "%s: %.*s%s", fd == 2 ? "stderr" : "stdout", (int)l->ended, l->s,
             l->cut ? "..." : "");
    instant(t, (int)e->actor, "output", name, e->seq);
    memmove(l->s, l->s + l->ended, l->n - l->ended);
    l->n -= l->ended;
    l->ended = 0;
    l->cut = 0;
}

/* What a goroutine's event says beside its objects: lecture lines, errors
 * and fatal misuses as instants, its output lines, where it stopped to
 * wait for a step, its track's name as it starts. */
static void records_note(trace_writer *t, const ps_event *e)
{
    char buf[128];
    const char *fatal = fatal_text(e->kind);
    if (fatal) {
        instant(t, (int)e->actor, "error", fatal, e->seq);
        return;
    }
    switch (e->kind) {
    case EV_THREAD_START:
        if (e->actor >= (uint32_t)t->named)
            thread_name(t, (int)e->actor, e->obj, e->value);
        break;
    case EV_SAY:
        snprintf(buf, sizeof buf, "say %" PRId64 " (%" PRId64 ")", e->arg, e->value);
        instant(t, (int)e->actor, "lecture", buf, e->seq);
        break;
    case EV_ERROR:
    case EV_CANCEL:
        outcome_instant(t, e);
        break;
    case EV_OUTPUT:
        if (e->actor < PS_MAX_ACTORS)
            output_bytes(t, e);
        break;
    case EV_AT:
        snprintf(buf, sizeof buf, "line %" PRIu32, e->line);
        instant(t, (int)e->actor, "step", buf, e->seq);
        break;
    case EV_SCENARIO_END:
        snprintf(buf, sizeof buf, "exit %" PRId64, e->value);
        instant(t, (int)e->actor, "lecture", buf, e->seq);
        break;
    default:
        break;
    }
}

/* The controller's track: its modes (clock_mode), a slice per step (from
 * the grant to the next), speed changes as instants. */
static void records_ctl(trace_writer *t, const ps_event *e)
{
    char buf[64];
    ctl_track(t);
    clock_mode(t, e);
    if (e->kind == EV_CTL_STEP) {
        step_close(t);
        t->steps++;
        t->step_at = t->now;
        t->step_actor = (int)e->arg;
    } else if (e->kind == EV_CTL_SPEED) {
        snprintf(buf, sizeof buf, "speed %.3gx", (double)e->value / 1000.0);
        instant(t, PS_ACTOR_CTL, "lecture", buf, e->seq);
    }
}

/* The count before the event that numbers its hand-off (flow ids): a FIFO's
 * k-th receive takes its k-th send, a mutex's k-th Unlock lets its
 * (k + 1)-th Lock in. */
static uint64_t nth_op(const trace_writer *t, const ps_event *e)
{
    const model_obj *o = model_obj_find(&t->m, e->obj);
    if (!o)
        return 0;
    switch (e->kind) {
    case EV_Q_SEND:
        return o->sent;
    case EV_Q_RECV:
        return o->received;
    case EV_MUTEX_ACQUIRED:
    case EV_MUTEX_RELEASED:
        return o->locks;
    default:
        return 0;
    }
}

void trace_event(trace_writer *t, const ps_event *e)
{
    int a = (int)e->actor;
    clock_tick(t, e);
    if (e->actor == PS_ACTOR_CTL) {
        model_apply(&t->m, e);
        records_ctl(t, e);
        return;
    }
    uint64_t nth = nth_op(t, e);
    int tracked = a < t->m.n_actors;
    model_actor before = tracked ? t->m.actors[a] : (model_actor){0};
    model_apply(&t->m, e);
    if (tracked && t->m.actors[a].hist_n != before.hist_n) {
        close_slice(t, a, &before, t->now, t->m.actors[a].since);
        t->since[a] = t->now;
    }
    records_obj(t, e, nth, &before);
    records_note(t, e);
}

/* The end: a last slot for the partial output lines, then every open
 * slice closed after it. */
static void close_open(trace_writer *t)
{
    t->now = t->next;
    t->next = t->now + SLOT_NS;
    for (int a = 0; a < PS_MAX_ACTORS; a++) {
        trace_line *l = &t->lines[a];
        char name[TRACE_LINE + 16];
        if (!l->n)
            continue;
        snprintf(name, sizeof name, "%s: %.*s...", l->fd == 2 ? "stderr" : "stdout", (int)l->n,
                 l->s);
        instant(t, a, "output", name, t->m.events);
    }
    t->now = t->next;
    for (int a = 0; a < t->m.n_actors; a++)
        close_slice(t, a, &t->m.actors[a], t->now, t->m.vt);
    step_close(t);
    if (t->held)
        held_close(t);
}

int trace_close(trace_writer *t, char *err, size_t len)
{
    close_open(t);
    fprintf(t->f,
            "\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"clock\":\"virtual+lecture\","
            "\"clock_doc\":\"ts = virtual time + lecture time spent paused or in step mode "
            "before the event; args.vt_ns: virtual time\",\"held_ns\":%" PRIu64
            ",\"steps\":%" PRIu64 ",\"events\":%" PRIu64 "}}\n",
            t->off, t->steps, t->m.events);
    int bad = outfile_close(&t->out, 1) != 0;
    int e = errno;
    if (bad)
        snprintf(err, len, "exporting the trace to %s failed: %s", t->path, strerror(e));
    model_free(&t->m);
    free(t);
    return bad ? -1 : 0;
}
