/* cast_export.h - a run as an asciicast: a view's screens over time.
 *
 * The view is whatever draws the screen.  It is given, once, the stream its
 * terminal bytes go to (a memory stream this module reads back), and then
 * asked to draw the model at chosen moments.  The TUI plugs in by creating
 * its ncurses screen on that stream:
 *
 *     static int tui_cast_open(void *ctx, FILE *term, int w, int h)
 *     {   SCREEN *s = newterm("xterm-256color", term, devnull_in);
 *         set_term(s); resize_term(h, w); ... return s ? 0 : -1; }
 *     static void tui_cast_draw(void *ctx, const model *m, uint64_t vt)
 *     {   tui_draw(ctx, m, vt); doupdate(); }   -- the real drawing code
 *
 * src/cast_text.c is a plain-text view used until then.
 *
 * Time: cast seconds = virtual seconds / speed (speed 1000: the lecture's
 * own clock).  A frame is drawn before an event that comes at least one frame
 * gap after the last frame (so every state that lasted is shown), and every
 * CAST_IDLE_S while nothing happens (so clocks and progress bars move).
 * Markers ("m") mark the scenario's phases, each lecture line and each step.
 */
#ifndef PS_CAST_EXPORT_H
#define PS_CAST_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "bus/event.h"
#include "model/model.h"
#include "rt/scenario.h"

#define CAST_FRAME_S (1.0 / 30) /* at most 30 frames a second */
#define CAST_IDLE_S 0.1         /* a frame every 0.1 s when idle */

typedef struct cast_view {
    void *ctx;
    int width, height;
    /* Once, before any draw: the view writes its terminal bytes to term. */
    int (*open)(void *ctx, FILE *term, int width, int height);
    /* Draws the screen of m at virtual time vt into term. */
    void (*draw)(void *ctx, const model *m, uint64_t vt);
    /* After the last draw (may be NULL). */
    void (*close)(void *ctx);
} cast_view;

typedef struct cast_export cast_export;

/* NULL with a message in err on failure. */
cast_export *cast_export_open(const char *path, const ps_params *p, const ps_layout *l,
                              const cast_view *view, int64_t speed_milli, char *err, size_t len);
/* Events in sequence order. */
void cast_export_event(cast_export *x, const ps_event *e);
/* Draws the last frame, closes, frees x.  0, or -1 with a message. */
int cast_export_close(cast_export *x, char *err, size_t len);

#endif
