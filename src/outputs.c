#include "outputs.h"

#include <string.h>

void outputs_open(outputs *k, const options *o, const session *s, FILE *msg)
{
    char err[384];
    memset(k, 0, sizeof(*k));
    k->msg = msg;
    if (o->record_path) {
        k->rec = record_open(o->record_path, &s->params, err, sizeof err);
        if (!k->rec || record_error(k->rec)) {
            fprintf(msg, "poolscope: %s; the run goes on without recording\n",
                    k->rec ? record_error(k->rec) : err);
            k->failed = 1;
        }
    }
    if (o->trace_path) {
        k->trace = trace_open(o->trace_path, &s->params, &s->layout, err, sizeof err);
        if (!k->trace) {
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
    k->rec = NULL;
    k->trace = NULL;
    return k->failed ? -1 : 0;
}
