/* session.h - what a view drives: a live run of real threads
 * (session_live.c) or a recording being replayed (session_replay.c, made by
 * replay.h).  The view owns a model and feeds it the events the session
 * hands out; the controls (pause, step, speed, restart, seek, stop) go
 * through the session, so the headless printer and the TUI serve both.
 *
 * A view never asks which kind it has: it asks what the session can do
 * (session_caps) and calls its operations.
 */
#ifndef PS_SESSION_H
#define PS_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"
#include "model/model.h"
#include "rt/pacer.h"
#include "rt/scenario.h"

/* What a session can do besides polling and stepping forward. */
#define SESSION_SEEK 1u /* seek() jumps to any event, length() counts them */
#define SESSION_BACK 2u /* it can go back: events handed out may be handed out again */
#define SESSION_PICK 4u /* another scenario can take its place (real threads start anew) */

typedef struct session session;

/* What the headless summary reports beside the model. */
typedef struct session_stats {
    int replayed;           /* the events were read from a recording */
    int cut;                /* a recording without its end line: not the whole run */
    uint64_t blocked_count; /* publishes that found their ring full (real threads) */
    uint64_t blocked_ns;    /* the time those publishers waited */
} session_stats;

typedef struct session_ops {
    unsigned caps; /* SESSION_* */
    /* Next events in sequence order (never blocks). */
    size_t (*poll)(session *s, ps_event *out, size_t max);
    /* Sleeps until events may be ready, at most timeout_ns. */
    void (*wait)(session *s, uint64_t timeout_ns);
    /* 1 when no event will ever come again. */
    int (*finished)(session *s);
    void (*set_mode)(session *s, pacer_mode mode);
    int64_t (*set_speed)(session *s, int64_t speed_milli);
    /* One step (actor or PACER_ANY): the actor moved or a PACER_E* code. */
    int (*step)(session *s, int actor);
    /* Starts again from the beginning; m is re-initialised to match (its
     * listing, model_set_text, is kept).  0 on success. */
    int (*restart)(session *s, model *m);
    /* SESSION_SEEK (NULL without): rebuilds m as of 'seq' events folded. */
    int (*seek)(session *s, uint64_t seq, model *m);
    /* Mode, speed, clock, and (real threads) each thread's pacer state. */
    void (*view)(session *s, pacer_view *v);
    /* Total events when known (SESSION_SEEK), else 0. */
    uint64_t (*length)(session *s);
    /* 1 if every thread waits on another and none can ever move (Go's "all
     * goroutines are asleep"); a recording never is: it only replays. */
    int (*deadlocked)(session *s);
    /* No more events after those already on their way: threads unwind,
     * a replay ends where it is; finished() follows. */
    void (*stop)(session *s);
    void (*stats)(session *s, session_stats *st);
    void (*destroy)(session *s);
} session_ops;

struct goprog;

struct session {
    const session_ops *ops;
    ps_params params;
    ps_layout layout;
    /* a Go program's run or recording: the program (names, source), owned
     * by the session; NULL for a C scenario's */
    const struct goprog *prog;
};

/* The Go program a session runs or replays, or NULL. */
static inline const struct goprog *session_program(const session *s)
{
    return s ? s->prog : NULL;
}

/* A live run: starts the threads at once.  NULL with *err on failure. */
session *session_live_create(const ps_params *p, pacer_mode mode, size_t ring_cap,
                             const char **err);

static inline size_t session_poll(session *s, ps_event *out, size_t max)
{
    return s->ops->poll(s, out, max);
}

static inline unsigned session_caps(const session *s)
{
    return s->ops->caps;
}

#endif
