/* cast_export.h - a run as an asciicast: a view's screens over time.
 *
 * The view is whatever draws the screen.  It is given, once, the stream its
 * terminal bytes go to (a memory stream this module reads back), and then
 * asked to draw the model at chosen moments.  The TUI's view (tui/tui_cast.c)
 * draws with tui_draw() on an ncurses screen of its own and copies the bytes
 * it writes to that stream; app/cast_text.c is a plain-text view, used when
 * the TUI's cannot start.
 *
 * Time: cast seconds = virtual seconds / speed (speed 1000: the lecture's
 * own clock).  A frame is drawn before an event that comes at least one frame
 * gap after the last frame (so every state that lasted is shown), and every
 * CAST_IDLE_S while nothing happens (so clocks and progress bars move).  A
 * pause longer than CAST_IDLE_MAX_S is cut to that (asciinema's
 * idle_time_limit), so a recording whose clock jumps by years still gives a
 * cast of bounded length: at most CAST_IDLE_MAX_S / CAST_IDLE_S (20) idle
 * frames between two events.
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
#define CAST_IDLE_MAX_S 2.0     /* a longer pause is cut to 2 s */

typedef struct cast_view {
    void *ctx;
    int width, height;
    /* Once, before any draw: the view writes its terminal bytes to term. */
    int (*open)(void *ctx, FILE *term, int width, int height);
    /* Draws the screen of m at virtual time vt into term. */
    void (*draw)(void *ctx, const model *m, uint64_t vt);
    /* After the last draw (may be NULL). */
    void (*close)(void *ctx);
    /* 1 if a frame could not be written whole (may be NULL). */
    int (*failed)(void *ctx);
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
