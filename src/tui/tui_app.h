/* tui_app.h - the UI thread's state, shared by the loop (tui_loop.c), the
 * key actions (tui_act.c) and the outputs it feeds (tui_out.c).  Everything
 * here is owned by the UI thread alone: no locks, no atomics. */
#ifndef PS_TUI_APP_H
#define PS_TUI_APP_H

#include <stdint.h>
#include <stdio.h>

#include "rec/session.h"
#include "app/options.h"
#include "app/outputs.h"
#include "tui_keys.h"
#include "tui_picker.h"
#include "tui_ui.h"

typedef struct tui_app {
    const options *o;
    session *s;
    model *m;
    tui_ui ui;
    pacer_view v;
    uint64_t t0;
    uint64_t cell_ns;
    int quit;
    int failed;         /* the program cannot go on (a restart failed): exit 1 */
    int dirty;          /* a key or a change of marks: draw now */
    int fresh;          /* events folded since the last frame: draw when one is due */
    int flowing;        /* the last drain got events: nap briefly, drain again */
    uint64_t last_draw; /* when the last frame was drawn */
    int finished;
    uint64_t last_wall_s;
    uint64_t fast_until; /* after a key: poll fast, its effects arrive soon */
    int picking;         /* 'w' typed: reading a worker number until Enter */
    uint64_t overwrites; /* stores over another's the footer has told of */
    int pick;
    /* --record and the exports: written from the events drawn, as headless
     * does.  Their messages go to a memory stream, never to the terminal
     * curses owns, and show in the footer; they are printed at exit. */
    outputs out;
    int out_open, out_failed;
    int rec; /* 0 not recording, 1 recording, -1 stopped */
    FILE *msgs;
    char *msg_buf;
    size_t msg_len, msg_seen;
    /* the running scenario's listing (the code panel's), and the picker */
    scenario_text *text;
    tui_picker picker;
    char output[16384]; /* a Go program's stdout, its tail, for the log panel */
    uint64_t key_next;  /* a replay: its next recorded key not yet reached */
} tui_app;

/* What the screen's consumer does with each event it drains (tui_loop.c):
 * the model's fold and the outputs.  The loop's drain and the benchmark of
 * the screen's consumer call this one function. */
void tui_app_fold(tui_app *a, const ps_event *ev, size_t n);

/* A replay: the recorded keys its position passed since the last call; the
 * footer says the last of them ("n  W2 load ops") if say, else (after a
 * seek) they are only passed. */
void tui_app_keys(tui_app *a, int say);

/* Runs what key k (code key) asks for (tui_act.c). */
void tui_act(tui_app *a, const tui_key *k, int key);
/* 'w', digits, Enter: a step of any worker.  1 if key was part of it. */
int tui_pick_key(tui_app *a, int key);

/* The scenario picker (tui_switch.c): p opens it; while open it takes every
 * key; choosing stops the running threads and starts the chosen scenario. */
void tui_switch_open(tui_app *a);
void tui_switch_key(tui_app *a, int key);
/* The listing of the session's scenario into a->text (none for a recording
 * of a scenario that is not built in). */
void tui_switch_text(tui_app *a);

/* Outputs (tui_out.c): open once the session exists, feed every event,
 * tick on every wake, close at exit (and around a live restart). */
int tui_out_init(tui_app *a);
void tui_out_open(tui_app *a);
void tui_out_event(tui_app *a, const ps_event *e);
void tui_out_tick(tui_app *a);
/* A key the lecturer pressed (k: its table entry, or NULL), before it acts:
 * recorded, so a replay can show it; and the screen's size when it changed. */
void tui_out_key(tui_app *a, const tui_key *k, int key);
void tui_out_screen(tui_app *a, int cols, int rows);
void tui_out_close(tui_app *a);
/* After curses has ended: the messages, to stderr; frees the stream. */
void tui_out_finish(tui_app *a);
/* 1 while a recording is written: the loop then wakes every 100 ms so that
 * the file is flushed as often as headless flushes it. */
int tui_out_recording(const tui_app *a);

#endif
