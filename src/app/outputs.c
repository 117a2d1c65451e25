#include "outputs.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rec/html_export.h"
#include "rec/replay.h"

/* Set once by main before any thread starts, then only read by the one
 * consumer thread: no lock needed. */
static const outputs_cast_maker *cast_maker;

void outputs_set_cast_view(const outputs_cast_maker *maker)
{
    cast_maker = maker;
}

/* The cast's view: the front end's if it plugged one in, else text. */
static cast_view cast_view_for(outputs *k, const session *s, const cast_opts *co)
{
    cast_view v = cast_text_view(&k->text);
    if (cast_maker)
        k->view_ctx = cast_maker->make(&v, s, co);
    if (!k->view_ctx) {
        v = cast_text_view(&k->text);
        v.width = co->cols;
        v.height = co->rows;
    }
    return v;
}

static void view_free(outputs *k)
{
    if (k->view_ctx)
        cast_maker->free_ctx(k->view_ctx);
    k->view_ctx = NULL;
}

/* How the cast is timed and sized: --pace (step replays are shown on the
 * lecture's clock), --speed, --dwell, and --size, else the screen's. */
static cast_opts cast_opts_for(const outputs *k, const options *o)
{
    return (cast_opts){
        .pace = o->pace == PACE_VIRTUAL ? PACE_VIRTUAL : PACE_LECTURE,
        .speed_milli = o->speed_given ? o->params.speed_milli : 1000,
        .dwell_ms = o->dwell_ms,
        .cols = o->cast_cols ? o->cast_cols
                : k->cols    ? k->cols
                             : CAST_COLS,
        .rows = o->cast_rows ? o->cast_rows
                : k->rows    ? k->rows
                             : CAST_ROWS,
    };
}

/* --export-html without --export-cast: the cast goes to a file of its own
 * beside the page, removed once the page is written.  The path or NULL. */
static const char *cast_path_for(outputs *k, const options *o)
{
    if (o->cast_path || !o->html_path)
        return o->cast_path;
    snprintf(k->cast_tmp, sizeof k->cast_tmp, "%s.cast-XXXXXX", o->html_path);
    int fd = mkstemp(k->cast_tmp);
    if (fd < 0) {
        k->cast_tmp[0] = 0;
        return NULL;
    }
    close(fd);
    return k->cast_tmp;
}

static void cast_start(outputs *k, const options *o, const session *s)
{
    char err[384];
    const char *path = cast_path_for(k, o);
    if (!path) {
        fprintf(k->msg, "poolscope: cannot export HTML to %s: %s; the run goes on without it\n",
                o->html_path, strerror(errno));
        k->failed = 1;
        return;
    }
    cast_opts co = cast_opts_for(k, o);
    cast_view v = cast_view_for(k, s, &co);
    k->cast = cast_export_open(path, &s->params, &s->layout, &v, &co, err, sizeof err);
    k->cast_path_used = path;
    if (!k->cast) {
        view_free(k);
        fprintf(k->msg, "poolscope: %s; the run goes on without it\n", err);
        k->failed = 1;
        return;
    }
    k->html_path = o->html_path;
    k->html_title = s->params.title[0] ? s->params.title : s->params.name;
}

void outputs_open(outputs *k, const options *o, const session *s, int cols, int rows, FILE *msg)
{
    char err[384];
    memset(k, 0, sizeof(*k));
    k->msg = msg;
    k->cols = cols;
    k->rows = rows;
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
        if (k->rec && cols)
            record_screen(k->rec, cols, rows);
    }
    if (o->trace_path) {
        k->trace = trace_open(o->trace_path, &s->params, &s->layout, s->prog, err, sizeof err);
        if (!k->trace) {
            fprintf(msg, "poolscope: %s; the run goes on without it\n", err);
            k->failed = 1;
        }
    }
    if (o->cast_path || o->html_path)
        cast_start(k, o, s);
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

void outputs_key(outputs *k, const char *name)
{
    if (k->rec)
        rec_check(k, record_key(k->rec, name));
    if (k->cast)
        cast_export_key(k->cast, name);
}

void outputs_screen(outputs *k, int cols, int rows)
{
    if (k->rec)
        rec_check(k, record_screen(k->rec, cols, rows));
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
    int cast_ok = 1, had_cast = k->cast != NULL;
    if (k->cast && cast_export_close(k->cast, err, sizeof err)) {
        fprintf(k->msg, "poolscope: %s\n", err);
        k->failed = 1;
        cast_ok = 0;
    }
    if (had_cast && k->html_path && cast_ok) {
        if (html_export_write(k->cast_path_used, k->html_path, k->html_title, err, sizeof err)) {
            fprintf(k->msg, "poolscope: %s\n", err);
            k->failed = 1;
        }
    }
    if (k->cast_tmp[0])
        unlink(k->cast_tmp);
    k->cast_tmp[0] = 0;
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
    session *s = session_replay_create(o->replay_path, PACER_RUN, o->pace, err, sizeof err);
    if (err[0])
        fprintf(msg, "poolscope: %s\n", err);
    if (!s)
        return 1;
    const replay_data *d = session_replay_data(s);
    outputs_open(&k, o, s, d->cols, d->rows, msg);
    uint64_t key = 0;
    for (uint64_t i = 0; i < d->n; i++) {
        /* the keys where the lecturer pressed them: the cast's step marks */
        for (; key < d->n_keys && d->keys[key].at <= i; key++)
            if (k.cast)
                cast_export_key(k.cast, d->keys[key].name);
        outputs_event(&k, &d->events[i]);
    }
    int rc = outputs_close(&k) || !d->complete ? 1 : 0;
    s->ops->destroy(s);
    return rc;
}
