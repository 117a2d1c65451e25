/* replay.h - reads a recording (record.h) and replays it as a session.
 *
 * replay_load reads the whole file, checks every line, and folds the events
 * once to keep a model checkpoint every cp_every events, so that a seek
 * anywhere copies the nearest checkpoint and folds at most cp_every - 1
 * events.  The checkpoints are folded with the recorded built-in's listing
 * (text), so they hold the code lines too (model_ui.h).  A bad line stops the load there: the
 * events before it are kept (they are a sound prefix of the run) and the message names FILE:LINE.
 */
#ifndef PS_REPLAY_H
#define PS_REPLAY_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"
#include "model/model.h"
#include "rt/pacer.h"
#include "rt/scenario.h"
#include "scen/scenfile.h"
#include "pace.h"
#include "session.h"

#define REPLAY_CP_MIN 8192           /* events between checkpoints, at least */
#define REPLAY_CP_BUDGET (64u << 20) /* bytes all checkpoints may take */
/* What a recording may be, so that no file of any size costs more than
 * ~1.1 GiB (16 M events of 64 bytes, the checkpoints' 64 MB) or reads
 * without end: a regular file, at most 2 GiB, lines of at most 4096 bytes,
 * at most 16 M events.  docs/recording-format.md states them. */
#define REPLAY_FILE_MAX (2LL << 30)
#define REPLAY_FILE_MAX_TEXT "2 GiB"
#define REPLAY_LINE_MAX 4096 /* the messages of replay.c say these numbers too */
#define REPLAY_EVENTS_MAX (16 << 20)
#define REPLAY_KEYS_MAX (1 << 20) /* key lines: 32 MB at most */
#define REPLAY_SCREEN_MAX 4096    /* a screen line's columns and rows */

/* A key the lecturer pressed (version 3's "key" lines). */
typedef struct replay_key {
    uint64_t at;    /* the events shown before it */
    uint64_t wt_ns; /* the lecture clock when it was pressed */
    char name[16];  /* "n", "m", "space", "Right" */
} replay_key;

typedef struct replay_data {
    ps_params params;
    ps_layout layout;
    ps_event *events; /* every event, seq i at index i */
    uint64_t n;
    int complete; /* the "end" line was read: the run was closed */
    int version;  /* the file's format version: 2 or 3 */
    /* version 3: the keys that drove the run on the screen (none headless),
     * and the screen's size when it started (0 x 0: unknown) */
    replay_key *keys;
    uint64_t n_keys;
    int cols, rows;
    /* the listing of the recorded scenario if it is a built-in (its file
     * read now), else empty: every model here folds with it */
    scenario_text text;
    /* a version 2 recording's Go program, checked as it ran (else NULL) */
    struct goprog *prog;
    model *cps; /* cps[k]: the model after k * cp_every events */
    uint64_t n_cps, cp_every;
} replay_data;

/* 0: the whole recording was read.  1: only the events before a bad line,
 * or a recording without its end line; err says which (FILE:LINE).  -1:
 * nothing can be replayed; err says why.  d is freed with replay_free on 0
 * and 1, and needs nothing on -1. */
int replay_load(replay_data *d, const char *path, char *err, size_t len);
void replay_free(replay_data *d);
/* Replaces m (an initialised model) with the model after the first seq
 * events (clamped to n), folded with d->text.  0, or -1 out of memory (m is
 * then freed). */
int replay_model_at(const replay_data *d, uint64_t seq, model *m);

/* A session over a recording.  NULL with err on failure; otherwise err is
 * "" or a warning to show (a recording replayed only in part). */
session *session_replay_create(const char *path, pacer_mode mode, ps_pace pace, char *err,
                               size_t len);
/* Where a replay session s is on the clock its pace follows (lecture or
 * virtual: *pace says which; the step pace shows the lecture clock): the
 * time of the last event handed out, running on towards the next one while
 * it plays; *end is the last event's.  The header and the position bar
 * both show this one clock. */
uint64_t session_replay_clock(session *s, ps_pace *pace, uint64_t *end);
/* The loaded recording of a replay session, NULL for a live one. */
const replay_data *session_replay_data(session *s);

#endif
