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

#define FLOW_QUEUE_SHIFT 40 /* flow id: queue << 40 | item number, + 1 */

struct trace_writer {
    outfile out; /* written whole or not at all */
    FILE *f;     /* out.f */
    char path[256];
    model m;
    const goprog *prog; /* a Go program's: goroutine and object names */
    int ctl_named;
};

/* Microseconds, as Chrome's ts and dur want them. */
static double us(uint64_t ns)
{
    return (double)ns / 1000.0;
}

/* Every record starts with a comma but the first (written in trace_open). */
static void begin(trace_writer *t, const char *ph, int actor, uint64_t vt)
{
    fprintf(t->f, ",\n{\"ph\":\"%s\",\"pid\":1,\"tid\":%d,\"ts\":%.3f", ph, actor + 1, us(vt));
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
    fputs("{\"traceEvents\":[\n{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"process_name\","
          "\"args\":{\"name\":",
          t->f);
    json_put_string(t->f, title, strlen(title));
    fputs("}}", t->f);
    t->prog = prog;
    /* a program's goroutines are named as they start (their thread-start
     * says which function); a scenario's workers are all there at once */
    for (int a = 0; a <= (prog ? 0 : l->workers) && a < PS_MAX_ACTORS; a++)
        thread_name(t, a, 0, 0);
    return t;
}

/* A Go program's object by the name the program gives it ("jobs", "c.mu"),
 * else its kind and number ("chan 3"). */
static const char *obj_name(const trace_writer *t, uint32_t id, char *buf, size_t len)
{
    static const char *const kinds[] = {[PS_OBJ_CHAN] = "chan",
                                        [PS_OBJ_WG] = "wg",
                                        [PS_OBJ_MUTEX] = "mutex",
                                        [PS_OBJ_RWMUTEX] = "rwmutex"};
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

/* The slice a goroutine's state makes, named by the program's objects. */
static const char *state_slice_go(const trace_writer *t, const model_actor *a, char *buf,
                                  size_t len, const char **cat)
{
    char o[64];
    *cat = "blocked";
    switch (a->state) {
    case MS_SLEEPING:
        *cat = "sleep";
        return "sleep";
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

/* The slice a thread's state makes, or NULL for states not drawn. */
static const char *state_slice(const trace_writer *t, const model_actor *a, char *buf, size_t len,
                               const char **cat)
{
    return state_slice_go(t, a, buf, len, cat);
}

/* The slice of the state 'before' left at vt (if it is one drawn). */
static void close_slice(trace_writer *t, int actor, const model_actor *before, uint64_t vt)
{
    char buf[128];
    const char *cat, *name = state_slice(t, before, buf, sizeof buf, &cat);
    if (!name)
        return;
    begin(t, "X", actor, before->since);
    fprintf(t->f, ",\"dur\":%.3f,\"cat\":\"%s\"", us(vt - before->since), cat);
    put_name(t, "name", name);
    fputc('}', t->f);
}

static void counter(trace_writer *t, const char *what, const char *name, uint64_t vt,
                    const char *key, int64_t v)
{
    char buf[48];
    snprintf(buf, sizeof buf, "%s %s", what, name);
    begin(t, "C", PS_ACTOR_MAIN, vt);
    put_name(t, "name", buf);
    fprintf(t->f, ",\"args\":{\"%s\":%" PRId64 "}}", key, v);
}

/* A zero-length slice for the send or receive, and its end of the flow. */
static void queue_op(trace_writer *t, const ps_event *e, uint64_t nth, const char *q)
{
    int send = e->kind == EV_Q_SEND;
    char buf[64];
    snprintf(buf, sizeof buf, "%s %s %" PRId64, send ? "send" : "recv", q, e->arg);
    begin(t, "X", e->actor, e->vt_ns);
    fputs(",\"dur\":0,\"cat\":\"queue\"", t->f);
    put_name(t, "name", buf);
    fprintf(t->f, ",\"args\":{\"seq\":%" PRIu64 ",\"rt_ns\":%" PRIu64 ",\"depth\":%" PRId64 "}}",
            e->seq, e->rt_ns, e->value);
    begin(t, send ? "s" : "f", e->actor, e->vt_ns);
    fprintf(t->f, ",\"cat\":\"handoff\",\"name\":\"%s\",\"id\":%" PRIu64 "%s}", q,
            ((uint64_t)e->obj << FLOW_QUEUE_SHIFT) + nth + 1, send ? "" : ",\"bp\":\"e\"");
    counter(t, "queue", q, e->vt_ns, "depth", e->value);
}

static void instant(trace_writer *t, const ps_event *e)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%s %" PRId64 " (%" PRId64 ")", event_kind_name(e->kind), e->arg,
             e->value);
    begin(t, "i", e->actor, e->vt_ns);
    fputs(",\"s\":\"t\",\"cat\":\"lecture\"", t->f);
    put_name(t, "name", buf);
    fprintf(t->f, ",\"args\":{\"seq\":%" PRIu64 "}}", e->seq);
}

/* A Go program's records: each goroutine's track named as it starts, its
 * channels' sends and receives with their flows, the channels' depths and
 * the WaitGroups' counters as counter tracks. */
static void event_records_go(trace_writer *t, const ps_event *e, uint64_t nth)
{
    char name[64];
    switch (e->kind) {
    case EV_THREAD_START:
        if (e->actor != PS_ACTOR_MAIN && e->actor < (uint32_t)t->m.n_actors)
            thread_name(t, (int)e->actor, e->obj, e->value);
        break;
    case EV_Q_SEND:
    case EV_Q_RECV:
        if (model_obj_find(&t->m, e->obj))
            queue_op(t, e, nth, obj_name(t, e->obj, name, sizeof name));
        break;
    case EV_WG_ADD:
    case EV_WG_DONE:
        if (model_obj_find(&t->m, e->obj))
            counter(t, "wg", obj_name(t, e->obj, name, sizeof name), e->vt_ns, "count", e->value);
        break;
    case EV_SAY:
    case EV_ERROR:
    case EV_CANCEL:
        instant(t, e);
        break;
    default:
        break;
    }
}

/* The send or receive count of the event's queue or channel before it: a
 * FIFO's k-th receive takes its k-th send (the flow's id). */
static uint64_t nth_op(const trace_writer *t, const ps_event *e)
{
    int send = e->kind == EV_Q_SEND;
    const model_obj *o = model_obj_find(&t->m, e->obj);
    return o ? send ? o->sent : o->received : 0;
}

void trace_event(trace_writer *t, const ps_event *e)
{
    int a = e->actor;
    if (a == PS_ACTOR_CTL && !t->ctl_named) {
        thread_name(t, a, 0, 0);
        t->ctl_named = 1;
    }
    uint64_t nth = nth_op(t, e);
    model_actor before = a < t->m.n_actors ? t->m.actors[a] : (model_actor){0};
    model_apply(&t->m, e);
    if (a < t->m.n_actors && t->m.actors[a].hist_n != before.hist_n)
        close_slice(t, a, &before, t->m.actors[a].since);
    event_records_go(t, e, nth);
}

int trace_close(trace_writer *t, char *err, size_t len)
{
    for (int a = 0; a < t->m.n_actors; a++)
        close_slice(t, a, &t->m.actors[a], t->m.vt);
    fprintf(t->f,
            "\n],\"displayTimeUnit\":\"ms\",\"otherData\":{\"clock\":\"virtual\","
            "\"events\":%" PRIu64 "}}\n",
            t->m.events);
    int bad = outfile_close(&t->out, 1) != 0;
    int e = errno;
    if (bad)
        snprintf(err, len, "exporting the trace to %s failed: %s", t->path, strerror(e));
    model_free(&t->m);
    free(t);
    return bad ? -1 : 0;
}
