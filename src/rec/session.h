/* session.h - what a view drives: a live run of real threads, or (later) a
 * recording being replayed.  The view owns a model and feeds it the events
 * the session hands out; the controls (pause, step, speed, restart, seek)
 * go through the session, so one TUI serves both.
 */
#ifndef PS_SESSION_H
#define PS_SESSION_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"
#include "model/model.h"
#include "rt/pacer.h"
#include "rt/scenario.h"

typedef struct session session;

typedef struct session_ops {
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
    /* Starts again from the beginning; m is re-initialised to match. 0 on
     * success. */
    int (*restart)(session *s, model *m);
    /* Replay only (NULL when live): rebuilds m as of 'seq' events folded. */
    int (*seek)(session *s, uint64_t seq, model *m);
    /* Mode, speed, clock, and (live) each thread's pacer state. */
    void (*view)(session *s, pacer_view *v);
    /* Total events when known (replay), else 0. */
    uint64_t (*length)(session *s);
    void (*destroy)(session *s);
} session_ops;

struct session {
    const session_ops *ops;
    ps_params params;
    ps_layout layout;
    int live; /* real threads (1) or a recording (0) */
};

/* A live run: starts the threads at once.  NULL with *err on failure. */
session *session_live_create(const ps_params *p, pacer_mode mode, size_t ring_cap,
                             const char **err);
struct ps_run *session_live_run(session *s);

static inline size_t session_poll(session *s, ps_event *out, size_t max)
{
    return s->ops->poll(s, out, max);
}

#endif
