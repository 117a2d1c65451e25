/* tui_draw.h - one frame from (model, pacer view, ui state): no session, no
 * clock of its own.  The live loop, the screen tests and (later) recording
 * export all draw through tui_draw(). */
#ifndef PS_TUI_DRAW_H
#define PS_TUI_DRAW_H

#include <curses.h>
#include <stdint.h>

#include "model/model.h"
#include "rt/pacer.h"
#include "tui_ui.h"
#include "tui_widgets.h"

#define TUI_MIN_ROWS 24
#define TUI_MIN_COLS 80
#define TUI_DIAG_ROWS 11
#define TUI_CELL_W 13 /* a worker's cell in the compact lanes: "◆W12 █ j37" */

typedef struct tui_frame_input {
    const model *m;
    const pacer_view *v;
    const tui_ui *ui;
    const char *title; /* the scenario's title */
    const char *name;  /* the scenario's name */
    uint64_t wall_ns;  /* real time since the run started */
    uint64_t now_ns;   /* real clock, for arrow flashes and messages */
    uint64_t cell_ns;  /* virtual time per timeline cell */
    int finished;      /* no event will come again */
    /* a replay (--replay): the header says REPLAY and a position bar shows
     * event pos of len; both show the clock the replay's pace follows
     * (clock: "lecture" or "virtual"), at pos_t of len_t */
    int replay;
    uint64_t pos, len, pos_t, len_t;
    const char *clock;
    int partial; /* the recording was cut short (no end line) */
    /* --record: 0 not recording, 1 recording, -1 the recording stopped */
    int rec;
    unsigned caps; /* what the session can do (session.h): the help lists the keys that work */
    /* a Go program's goroutine names ("worker(2)") from their thread-start
     * labels, or NULL (a scenario, a recording) */
    const struct goprog *prog;
    const char *output; /* and its stdout so far (its tail), or NULL */
    /* step mode's marks (who is ready, who n moves): the pacer's (NULL: v),
     * or in a replay or cast the model's, as the lecture's pacer had them */
    const pacer_view *marks;
} tui_frame_input;

/* Where each panel goes on a rows x cols screen. */
typedef struct tui_layout {
    int too_small;
    tui_rect header, diagram, lanes, sync, log, footer;
    tui_rect code;   /* the code panel (h == 0 when not shown): see tui_code_layout */
    tui_rect posbar; /* replay: the position bar above the footer (h == 0 live) */
    /* the diagram's boxes (worker-pool variant; h == 0 when not drawn) */
    tui_rect main_box, queue_box, idle_box, work_box;
    int lanes_shown; /* worker lanes that fit */
    int lane_cols;   /* workers to a row: 1, or more in the compact form (cells) */
} tui_layout;

void tui_layout_compute(tui_layout *l, int rows, int cols, const model *m);
/* The layout of a replay: the log gives its last row to the position bar
 * (the code panel, when it took the log's place, if the log has none). */
void tui_layout_replay(tui_layout *l);
/* The marks a recorded lecture showed, from the model: v gets step mode,
 * each actor's state at a point or timed, and who n moves next. */
void tui_marks_from_model(const model *m, pacer_view *v);
/* Draws the whole frame into w (its size decides the layout); no refresh. */
void tui_draw(WINDOW *w, const tui_frame_input *in);

/* The panels (tui_diagram.c, tui_panels.c). */
void tui_draw_diagram(WINDOW *w, const tui_frame_input *in, const tui_layout *l);
void tui_draw_lanes(WINDOW *w, const tui_frame_input *in, const tui_layout *l);
void tui_draw_sync(WINDOW *w, const tui_frame_input *in, const tui_layout *l);
void tui_draw_log(WINDOW *w, const tui_frame_input *in, const tui_layout *l);

/* The code panel (tui_code.c).  With it on, tui_code_layout moves the panels:
 * from TUI_CODE_SIDE_COLS columns on, when the longest line fits beside 80
 * columns for the others, the listing takes a column on the right; else it
 * takes the log's place at full width, the log keeping its newest lines
 * under it when there is room. */
#define TUI_CODE_SIDE_COLS 120
void tui_code_layout(tui_layout *l, int rows, int cols, const tui_frame_input *in);
void tui_draw_code(WINDOW *w, const tui_frame_input *in, const tui_layout *l);

/* What actor a is waiting on, in words ("recv jobs (empty)"), or "". */
struct goprog;
/* What thread a waits on ("recv jobs (empty)"), or "" if it runs; a Go
 * program's objects by its names (prog). */
const char *tui_wait_text(const model *m, const struct goprog *prog, int a, char *buf, size_t len);
/* What thread a did itself, in words ("adds 5  last =7", "sent 3"), or "". */
const char *tui_ops_text(const model *m, int a, char *buf, size_t len);
/* Fills in's replay fields: the place of m (events folded) in the
 * recording of replay session s. */
struct session;
void tui_frame_replay(tui_frame_input *in, struct session *s, const model *m);
/* What the lecturer's key k of recording d did, for the replay's footer:
 * "n  W2 load ops" (the key, then the first operation after it, by the
 * program's names in m), or the key alone. */
struct replay_data;
void tui_replay_key_text(const struct replay_data *d, uint64_t k, const model *m,
                         const struct goprog *prog, char *buf, size_t len);
/* The replay position bar (tui_draw_replay.c). */
void tui_draw_posbar(WINDOW *w, const tui_frame_input *in, tui_rect r);
/* Virtual time per timeline cell. */
uint64_t tui_draw_cell_ns(void);
/* The mode word shown in the header: RUNNING, PAUSED, STEP, DONE (a replay
 * at its last event: END). */
const char *tui_mode_word(const tui_frame_input *in);

#endif
