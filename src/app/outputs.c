#include "outputs.h"

#include <string.h>

#include "rec/replay.h"

/* Set once by main before any thread starts, then only read by the one
 * consumer thread: no lock needed. */
static const outputs_cast_maker *cast_maker;

void outputs_set_cast_view(const outputs_cast_maker *maker)
{
    cast_maker = maker;
}

/* The cast's view: the front end's if it plugged one in, else text. */
static cast_view cast_view_for(outputs *k, const session *s, int64_t speed)
{
    cast_view v = cast_text_view(&k->text);
    if (cast_maker)
        k->view_ctx = cast_maker->make(&v, s, speed);
    if (!k->view_ctx)
        v = cast_text_view(&k->text);
    return v;
}

static void view_free(outputs *k)
{
    if (k->view_ctx)
        cast_maker->free_ctx(k->view_ctx);
    k->view_ctx = NULL;
}

void outputs_open(outputs *k, const options *o, const session *s, FILE *msg)
{
    char err[384];
    memset(k, 0, sizeof(*k));
    k->msg = msg;
    if (o->record_path) {
        /* a Go program's recording holds its source and --set values */
        k->rec = s->prog ? record_open_go(o->record_path, s->prog, err, sizeof err) : NULL;
        if (!s->prog)
            snprintf(err, sizeof err, "cannot record %s: no program", o->record_path);
        if (!k->rec || record_error(k->rec)) {
            fprintf(msg, "poolscope: %s; the run goes on without recording\n",
                    k->rec ? record_error(k->rec) : err);
            k->failed = 1;
        }
    }
    if (o->trace_path) {
        k->trace = trace_open(o->trace_path, &s->params, &s->layout, s->prog, err, sizeof err);
        if (!k->trace) {
            fprintf(msg, "poolscope: %s; the run goes on without it\n", err);
            k->failed = 1;
        }
    }
    if (o->cast_path) {
        /* the lecture's clock, unless --speed asks for another */
        int64_t speed = o->speed_given ? o->params.speed_milli : 1000;
        cast_view v = cast_view_for(k, s, speed);
        k->cast =
            cast_export_open(o->cast_path, &s->params, &s->layout, &v, speed, err, sizeof err);
        if (!k->cast) {
            view_free(k);
            fprintf(msg, "poolscope: %s; the run goes on without it\n", err);
            k->failed = 1;
        }
    }
}

static void rec_check(outputs *k, int rc)
{
    if (rc == 0)
        return;
    fprintf(k->msg, "poolscope: %s; the run goes on without recording\n", record_error(k->rec));
    k->failed = 1;
}

void outputs_event(outputs *k, const ps_event *e)
{
    if (k->rec)
        rec_check(k, record_event(k->rec, e));
    if (k->trace)
        trace_event(k->trace, e);
    if (k->cast)
        cast_export_event(k->cast, e);
}

void outputs_tick(outputs *k)
{
    if (k->rec)
        rec_check(k, record_tick(k->rec));
}

int outputs_close(outputs *k)
{
    char err[384];
    if (k->rec) {
        int stopped = record_error(k->rec) != NULL;
        if (record_close(k->rec, err, sizeof err) && !stopped) {
            fprintf(k->msg, "poolscope: %s\n", err);
            k->failed = 1;
        }
    }
    if (k->trace && trace_close(k->trace, err, sizeof err)) {
        fprintf(k->msg, "poolscope: %s\n", err);
        k->failed = 1;
    }
    if (k->cast && cast_export_close(k->cast, err, sizeof err)) {
        fprintf(k->msg, "poolscope: %s\n", err);
        k->failed = 1;
    }
    view_free(k);
    k->rec = NULL;
    k->trace = NULL;
    k->cast = NULL;
    return k->failed ? -1 : 0;
}

int outputs_export_replay(const options *o, FILE *msg)
{
    char err[512];
    outputs k;
    session *s = session_replay_create(o->replay_path, PACER_RUN, err, sizeof err);
    if (err[0])
        fprintf(msg, "poolscope: %s\n", err);
    if (!s)
        return 1;
    const replay_data *d = session_replay_data(s);
    outputs_open(&k, o, s, msg);
    for (uint64_t i = 0; i < d->n; i++)
        outputs_event(&k, &d->events[i]);
    int rc = outputs_close(&k) || !d->complete ? 1 : 0;
    s->ops->destroy(s);
    return rc;
}
