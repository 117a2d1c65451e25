#include "cast_export.h"

#include <stdlib.h>
#include <string.h>

#include "cast.h"

struct cast_export {
    cast_writer *w;
    cast_view view;
    FILE *term;   /* memory stream the view writes to */
    char *bytes;  /* its buffer */
    size_t size;  /* its length */
    size_t taken; /* bytes already written to the cast */
    model m;
    double per_ns; /* cast seconds per virtual ns */
    double skip;   /* cast seconds cut out of idle gaps longer than CAST_IDLE_MAX_S */
    double last_frame;
    int drawn, dirty;
};

static double cast_t(const cast_export *x, uint64_t vt)
{
    return (double)vt * x->per_ns - x->skip;
}

/* The virtual time shown at cast time t (a double past 2^64 does not
 * convert: the clock stops at its end). */
static uint64_t cast_vt(const cast_export *x, double t)
{
    double v = (t + x->skip) / x->per_ns + 0.5;
    return v >= 18446744073709551615.0 ? UINT64_MAX : v <= 0 ? 0 : (uint64_t)v;
}

/* Draws m at vt and writes what the view output as one "o" event. */
static void frame(cast_export *x, uint64_t vt)
{
    x->view.draw(x->view.ctx, &x->m, vt);
    fflush(x->term);
    if (x->size > x->taken)
        cast_output(x->w, cast_t(x, vt), x->bytes + x->taken, x->size - x->taken);
    x->taken = x->size;
    x->last_frame = cast_t(x, vt);
    x->drawn = 1;
    x->dirty = 0;
}

static void idle_frames(cast_export *x, double until)
{
    while (x->drawn && x->last_frame + CAST_IDLE_S < until) {
        double t = x->last_frame + CAST_IDLE_S;
        frame(x, cast_vt(x, t));
    }
}

cast_export *cast_export_open(const char *path, const ps_params *p, const ps_layout *l,
                              const cast_view *view, int64_t speed_milli, char *err, size_t len)
{
    cast_export *x = calloc(1, sizeof(*x));
    if (!x || model_init(&x->m, l) || !(x->term = open_memstream(&x->bytes, &x->size))) {
        snprintf(err, len, "cannot export a cast to %s: out of memory", path);
        if (x)
            model_free(&x->m);
        free(x);
        return NULL;
    }
    x->view = *view;
    x->per_ns = 1e-9 * 1000.0 / (double)(speed_milli > 0 ? speed_milli : 1000);
    x->w = cast_open(path, view->width, view->height, p->title[0] ? p->title : p->name, err, len);
    if (!x->w || view->open(view->ctx, x->term, view->width, view->height)) {
        if (x->w)
            snprintf(err, len, "cannot export a cast to %s: the view cannot draw", path);
        x->view.close = NULL;
        x->drawn = 1; /* nothing to draw with */
        x->dirty = 0;
        cast_export_close(x, NULL, 0);
        return NULL;
    }
    return x;
}

/* The marker an event sets, or 0. */
static size_t marker(const cast_export *x, const ps_event *e, char *buf, size_t len)
{
    switch (e->kind) {
    case EV_SCENARIO_START:
        return (size_t)snprintf(buf, len, "start");
    case EV_SCENARIO_END:
        return (size_t)snprintf(buf, len, "end");
    case EV_Q_CLOSE:
        return (size_t)snprintf(buf, len, "close");
    case EV_WG_WAIT_RETURN:
        return (size_t)snprintf(buf, len, "wg.Wait returns");
    case EV_ERROR:
        return (size_t)snprintf(buf, len, "error");
    case EV_CTL_STEP:
        return (size_t)snprintf(buf, len, "step %llu", (unsigned long long)x->m.steps);
    default:
        return 0;
    }
}

void cast_export_event(cast_export *x, const ps_event *e)
{
    char label[128];
    double t = cast_t(x, e->vt_ns);
    /* the state so far lasted until t: show it if a frame fits before */
    if (x->dirty && t >= x->last_frame + CAST_FRAME_S)
        frame(x, x->m.vt);
    if (x->drawn && t > x->last_frame + CAST_IDLE_MAX_S) { /* a long pause: cut it */
        x->skip += t - x->last_frame - CAST_IDLE_MAX_S;
        t = cast_t(x, e->vt_ns);
    }
    idle_frames(x, t);
    model_apply(&x->m, e);
    x->dirty = 1;
    if (!x->drawn)
        frame(x, x->m.vt);
    if (marker(x, e, label, sizeof label))
        cast_marker(x->w, t, label);
}

int cast_export_close(cast_export *x, char *err, size_t len)
{
    int rc = 0;
    if (x->w && (x->dirty || !x->drawn))
        frame(x, x->m.vt);
    /* the view's own writes (ncurses into its file) are checked too: a frame
     * lost there is an export that failed, not a shorter cast */
    int lost = x->view.failed && x->view.failed(x->view.ctx);
    if (!lost && x->term && (fflush(x->term) != 0 || ferror(x->term)))
        lost = 1;
    if (x->view.close)
        x->view.close(x->view.ctx);
    if (x->term)
        fclose(x->term);
    if (x->w)
        rc = cast_close(x->w, !lost, err, len);
    if (lost && rc == 0) {
        if (err)
            snprintf(err, len, "exporting the cast failed: a frame could not be written whole");
        rc = -1;
    }
    free(x->bytes);
    model_free(&x->m);
    free(x);
    return rc;
}
