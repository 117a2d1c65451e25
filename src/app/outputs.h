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
    /* the screen the run is shown on (set before outputs_open; 0 x 0: none,
     * as headless): recorded, and a cast's size unless --size says */
    int cols, rows;
    const char *html_path, *html_title; /* --export-html: written from the cast at close */
    const char *cast_path_used;         /* the cast's file (--export-cast's or cast_tmp) */
    char cast_tmp[4096];                /* the cast of --export-html without --export-cast */
    FILE *msg;  /* where messages go (stderr, or the TUI's status line file) */
    int failed; /* an output could not be opened or stopped */
} outputs;

/* A front end's own cast view, drawn by its real drawing code (the TUI's:
 * tui_cast.h).  make fills v for a cast of s as o says and returns its
 * context, or NULL to fall back to the text view; free_ctx frees it once the
 * cast is closed. */
typedef struct outputs_cast_maker {
    void *(*make)(cast_view *v, const session *s, const cast_opts *o);
    void (*free_ctx)(void *ctx);
} outputs_cast_maker;
/* Called once by main before any output opens (NULL: the text view). */
void outputs_set_cast_view(const outputs_cast_maker *maker);

/* Opens what o asks for.  Failures are printed and counted, not fatal. */
/* cols x rows: the screen the run is shown on (0 x 0: none, headless). */
void outputs_open(outputs *k, const options *o, const session *s, int cols, int rows, FILE *msg);
void outputs_event(outputs *k, const ps_event *e);
void outputs_tick(outputs *k);
/* A key the lecturer pressed (the screen's): recorded, and the cast's
 * next step marker names it.  name is one word ("n", "space"). */
void outputs_key(outputs *k, const char *name);
/* The screen is now cols x rows: recorded. */
void outputs_screen(outputs *k, int cols, int rows);
/* 0 if every output asked for was written whole, else -1. */
int outputs_close(outputs *k);
/* --replay with exports and no --headless: writes them from the recording
 * at once (no pacing).  Exit status: 0, or 1 if the recording or an output
 * failed. */
int outputs_export_replay(const options *o, FILE *msg);

#endif
