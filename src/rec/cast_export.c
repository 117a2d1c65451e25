#include "cast_export.h"

#include <stdlib.h>
#include <string.h>

#include "cast.h"

#define CAST_LINE_MAX 72 /* a printed line's marker label, at most */

struct cast_export {
    cast_writer *w;
    cast_view view;
    cast_opts o;
    FILE *term;   /* memory stream the view writes to */
    char *bytes;  /* its buffer */
    size_t size;  /* its length */
    size_t taken; /* bytes already written to the cast */
    model m;
    double per_ns; /* cast seconds per ns of the clock */
    double skip;   /* cast seconds cut out of pauses past the bound */
    double last_frame, last_t;
    uint64_t t0; /* the lecture clock of the first event */
    int have_t0, drawn, dirty, boundary;
    uint64_t frames, markers;
    char key[16];             /* the last key pressed, for the next step's marker */
    char line[CAST_LINE_MAX]; /* the printed line so far */
    size_t line_n;
};

static int dwell(const cast_export *x)
{
    return x->o.pace == PACE_VIRTUAL && x->o.dwell_ms > 0;
}

/* An event's time in the cast, on the clock the pace follows. */
static double cast_t(cast_export *x, const ps_event *e)
{
    if (x->o.pace != PACE_VIRTUAL) {
        if (!x->have_t0) {
            x->t0 = e->wt_ns;
            x->have_t0 = 1;
        }
        uint64_t wt = e->wt_ns > x->t0 ? e->wt_ns - x->t0 : 0;
        return (double)wt * 1e-9 - x->skip; /* the lecture's own seconds: --speed was the run's */
    }
    return (double)e->vt_ns * x->per_ns - x->skip;
}

/* The virtual time a frame at cast time t shows: on the virtual clock the
 * clock's own (an idle frame's moves on), else the last event's. */
static uint64_t frame_vt(const cast_export *x, double t)
{
    if (x->o.pace != PACE_VIRTUAL || dwell(x) || t <= x->last_t)
        return x->m.vt;
    double v = (t + x->skip) / x->per_ns + 0.5;
    return v >= 18446744073709551615.0 ? UINT64_MAX : (uint64_t)v;
}

/* Draws m and writes what the view output, if anything, as one "o" event
 * at t.  1 if the screen changed (a frame was written). */
static int frame(cast_export *x, double t)
{
    x->view.draw(x->view.ctx, &x->m, frame_vt(x, t), (uint64_t)(t > 0 ? t * 1e9 : 0));
    fflush(x->term);
    int changed = x->size > x->taken;
    if (changed) {
        cast_output(x->w, t, x->bytes + x->taken, x->size - x->taken);
        x->frames++;
    }
    x->taken = x->size;
    x->last_frame = t > x->last_frame ? t : x->last_frame;
    x->drawn = 1;
    x->dirty = 0;
    return changed;
}

static void idle_frames(cast_export *x, double until)
{
    double every = x->o.pace == PACE_VIRTUAL ? CAST_IDLE_S : CAST_LECTURE_IDLE_S;
    while (x->drawn && x->last_frame + every < until)
        frame(x, x->last_frame + every);
}

cast_export *cast_export_open(const char *path, const ps_params *p, const ps_layout *l,
                              const cast_view *view, const cast_opts *o, char *err, size_t len)
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
    x->o = *o;
    x->per_ns = 1e-9 * 1000.0 / (double)(o->speed_milli > 0 ? o->speed_milli : 1000);
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

static void mark(cast_export *x, double t, const char *label)
{
    cast_marker(x->w, t, label);
    x->markers++;
}

/* A step's marker: "step 3 (n): W2 line 12", the goroutine granted and the
 * statement it waits before (its last AT). */
static void mark_step(cast_export *x, double t, const ps_event *e)
{
    char label[96], who[PS_ACTOR_NAME_LEN], key[24] = "", at[24] = "";
    int a = (int)e->arg;
    if (x->key[0])
        snprintf(key, sizeof key, " (%s)", x->key);
    if (a >= 0 && a < x->m.n_actors && x->m.actors[a].line)
        snprintf(at, sizeof at, " line %u", (unsigned)x->m.actors[a].line);
    snprintf(label, sizeof label, "step %llu%s: %s%s", (unsigned long long)x->m.steps + 1, key,
             event_actor_name(a, who), at);
    x->key[0] = 0;
    mark(x, t, label);
}

/* The program's output: each whole line it printed is a marker (the
 * lecture's line), labelled with its text (cut to CAST_LINE_MAX). */
static void mark_output(cast_export *x, double t, const ps_event *e)
{
    char bytes[16];
    int fd;
    size_t n = model_output_bytes(e, bytes, &fd);
    for (size_t i = 0; i < n; i++) {
        if (bytes[i] == '\n') {
            x->line[x->line_n] = 0;
            mark(x, t, x->line_n ? x->line : "(empty line)");
            x->line_n = 0;
        } else if (x->line_n < sizeof x->line - 1 && (unsigned char)bytes[i] >= ' ') {
            x->line[x->line_n++] = bytes[i];
        }
    }
}

/* On a clock: the state so far lasted until t; its frame comes now if the
 * frame gap allows or a step or key starts here. */
static double clock_before(cast_export *x, const ps_event *e)
{
    double t = cast_t(x, e);
    double bound = x->o.pace == PACE_VIRTUAL ? CAST_IDLE_MAX_S : CAST_LECTURE_IDLE_MAX_S;
    int step = e->kind == EV_CTL_STEP || x->boundary;
    if (x->dirty && (t >= x->last_frame + CAST_FRAME_S || step))
        frame(x, x->last_t);
    if (x->drawn && t > x->last_frame + bound) { /* a long pause: cut it */
        x->skip += t - x->last_frame - bound;
        t = cast_t(x, e);
    }
    idle_frames(x, t);
    x->boundary = 0;
    return t;
}

void cast_export_event(cast_export *x, const ps_event *e)
{
    double t = dwell(x) ? (double)x->frames * x->o.dwell_ms / 1000.0 : clock_before(x, e);
    if (e->kind == EV_CTL_STEP)
        mark_step(x, t, e);
    model_apply(&x->m, e);
    x->dirty = 1;
    x->last_t = t;
    if (e->kind == EV_OUTPUT)
        mark_output(x, t, e);
    if (dwell(x) || !x->drawn)
        frame(x, t);
}

void cast_export_key(cast_export *x, const char *name)
{
    snprintf(x->key, sizeof x->key, "%s", name);
    x->boundary = 1;
}

uint64_t cast_export_frames(const cast_export *x)
{
    return x->frames;
}

uint64_t cast_export_markers(const cast_export *x)
{
    return x->markers;
}

int cast_export_close(cast_export *x, char *err, size_t len)
{
    int rc = 0;
    if (x->w && (x->dirty || !x->drawn))
        frame(x, dwell(x) ? (double)x->frames * x->o.dwell_ms / 1000.0 : x->last_t);
    if (x->w && x->line_n) { /* a last line without its newline */
        x->line[x->line_n] = 0;
        mark(x, x->last_frame, x->line);
    }
    if (x->w && dwell(x)) /* the last frame is shown for its dwell too */
        cast_output(x->w, x->last_frame + x->o.dwell_ms / 1000.0, "", 0);
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
