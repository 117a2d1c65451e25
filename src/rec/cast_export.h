/* cast_export.h - a run as an asciicast: a view's screens over time.
 *
 * The view is whatever draws the screen.  It is given, once, the stream its
 * terminal bytes go to (a memory stream this module reads back), and then
 * asked to draw the model at chosen moments.  The TUI's view (tui/tui_cast.c)
 * draws with tui_draw() on an ncurses screen of its own, at the size asked
 * for, and copies the bytes it writes to that stream; app/cast_text.c is a
 * plain-text view, used when the TUI's cannot start.
 *
 * Time (cast_opts.pace):
 *   - lecture (the default): cast seconds = the lecture clock (each event's
 *     wt_ns, from the first; --speed was the run's): the lecturer's pauses and the time
 *     spent on each step are kept; a pause longer than CAST_LECTURE_IDLE_MAX_S
 *     (a hostile file's) is cut to it;
 *   - virtual: cast seconds = virtual seconds / speed, a pause longer than
 *     CAST_IDLE_MAX_S cut to that (asciinema's idle_time_limit);
 *   - virtual with a dwell: every event that changes the screen is a frame
 *     of its own, each shown dwell_ms: a run of a few virtual milliseconds
 *     becomes one a student can follow.
 * Frames: the screen after every event that changes it, except that on a
 * clock, events closer than CAST_FRAME_S share a frame (a player shows no
 * more) unless a step or a key comes between them: every step has a frame.
 * While nothing happens a frame comes every CAST_IDLE_S (virtual) or
 * CAST_LECTURE_IDLE_S (lecture) so the clocks move.
 * Markers ("m"): one a step ("step 3 (n): W2 line 12") and one a line the
 * program printed (its text): the lecture's lines.
 */
#ifndef PS_CAST_EXPORT_H
#define PS_CAST_EXPORT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "bus/event.h"
#include "model/model.h"
#include "pace.h"
#include "rt/scenario.h"

#define CAST_FRAME_S (1.0 / 30)       /* at most 30 frames a second on a clock */
#define CAST_IDLE_S 0.1               /* virtual pace: a frame every 0.1 s when idle */
#define CAST_IDLE_MAX_S 2.0           /* virtual pace: a longer pause is cut to 2 s */
#define CAST_LECTURE_IDLE_S 1.0       /* lecture pace: the wall clock's second */
#define CAST_LECTURE_IDLE_MAX_S 600.0 /* lecture pace: a longer pause is cut to 10 min */
#define CAST_COLS 80                  /* the size without a recorded screen or --size */
#define CAST_ROWS 24

typedef struct cast_view {
    void *ctx;
    int width, height;
    /* Once, before any draw: the view writes its terminal bytes to term. */
    int (*open)(void *ctx, FILE *term, int width, int height);
    /* Draws the screen of m at virtual time vt, wall_ns into the cast
     * (the header's wall clock), into term. */
    void (*draw)(void *ctx, const model *m, uint64_t vt, uint64_t wall_ns);
    /* After the last draw (may be NULL). */
    void (*close)(void *ctx);
    /* 1 if a frame could not be written whole (may be NULL). */
    int (*failed)(void *ctx);
} cast_view;

typedef struct cast_opts {
    ps_pace pace;        /* PACE_LECTURE or PACE_VIRTUAL (PACE_STEP: as lecture) */
    int64_t speed_milli; /* virtual pace: cast time = the virtual clock / speed */
    int dwell_ms;        /* virtual pace: each frame this long (0: the virtual clock's) */
    int cols, rows;      /* the screen's size */
} cast_opts;

typedef struct cast_export cast_export;

/* NULL with a message in err on failure. */
cast_export *cast_export_open(const char *path, const ps_params *p, const ps_layout *l,
                              const cast_view *view, const cast_opts *o, char *err, size_t len);
/* Events in sequence order. */
void cast_export_event(cast_export *x, const ps_event *e);
/* A key the lecturer pressed after the events so far: the next step's
 * marker names it, and it always starts a frame. */
void cast_export_key(cast_export *x, const char *name);
/* Frames and markers written so far (tests, the summary). */
uint64_t cast_export_frames(const cast_export *x);
uint64_t cast_export_markers(const cast_export *x);
/* Draws the last frame, closes, frees x.  0, or -1 with a message. */
int cast_export_close(cast_export *x, char *err, size_t len);

#endif
