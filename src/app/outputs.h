/* outputs.h - what a consumer loop writes besides its view: the recording
 * (--record), the trace export (--export-trace) and the cast (--export-cast).
 *
 * Headless calls these from its loop; the TUI calls the same from its
 * consumer loop: outputs_open once the session exists, outputs_event for
 * every event it polls (in order), outputs_tick whenever it wakes (so the
 * recording is flushed every 100 ms even when idle), outputs_close at exit.
 * A failing output prints one message to 'msg' and stops; the run goes on.
 */
#ifndef PS_OUTPUTS_H
#define PS_OUTPUTS_H

#include <stdio.h>

#include "cast_text.h"
#include "rec/cast_export.h"
#include "rec/trace.h"
#include "rec/record.h"
#include "rec/session.h"
#include "options.h"

typedef struct outputs {
    recorder *rec;
    trace_writer *trace;
    cast_export *cast;
    cast_text text; /* the cast's view when no front end plugs in its own */
    void *view_ctx; /* the plugged-in view's context (outputs_set_cast_view) */
    FILE *msg;      /* where messages go (stderr, or the TUI's status line file) */
    int failed;     /* an output could not be opened or stopped */
} outputs;

/* A front end's own cast view, drawn by its real drawing code (the TUI's:
 * tui_cast.h).  make fills v for a cast of s at speed_milli and returns its
 * context, or NULL to fall back to the text view; free_ctx frees it once the
 * cast is closed. */
typedef struct outputs_cast_maker {
    void *(*make)(cast_view *v, const session *s, int64_t speed_milli);
    void (*free_ctx)(void *ctx);
} outputs_cast_maker;
/* Called once by main before any output opens (NULL: the text view). */
void outputs_set_cast_view(const outputs_cast_maker *maker);

/* Opens what o asks for.  Failures are printed and counted, not fatal. */
void outputs_open(outputs *k, const options *o, const session *s, FILE *msg);
void outputs_event(outputs *k, const ps_event *e);
void outputs_tick(outputs *k);
/* 0 if every output asked for was written whole, else -1. */
int outputs_close(outputs *k);
/* --replay with exports and no --headless: writes them from the recording
 * at once (no pacing).  Exit status: 0, or 1 if the recording or an output
 * failed. */
int outputs_export_replay(const options *o, FILE *msg);

#endif
