/* session_replay.c - a session over a recording (replay.h).
 *
 * Events come out at the recorded virtual pace: a replay clock runs at
 * speed x real time, like the live pacer's virtual clock, and an event is
 * handed out once the clock reaches its vt.  Pause stops the clock; in step
 * mode each step hands out one event and moves the clock to it.  Everything
 * here runs on the view's thread: no shared state.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sync/clock.h"
#include "replay.h"

typedef struct replay {
    session base; /* first: a replay * is a session * */
    replay_data d;
    ps_pace pace;
    uint64_t cursor;  /* next event to hand out */
    uint64_t granted; /* step / pause: events handed out may reach this */
    pacer_mode mode;
    int64_t speed;   /* thousandths */
    uint64_t vclock; /* the pace's clock (event_t) at anchor */
    uint64_t anchor; /* monotonic ns when vclock was set */
    uint64_t steps;
    int stopped; /* stop(): nothing more is handed out until a seek */
} replay;

/* The longest a replay waits for its next event, in real time: at virtual
 * pace 5 s (asciinema's idle_time_limit: a clock that jumps by years in a
 * recording must not make the replay wait for them); at the lecture's pace
 * 10 minutes, so the lecturer's pauses are kept and a hostile file's are not. */
#define REPLAY_IDLE_MAX_NS 5000000000u
#define REPLAY_LECTURE_IDLE_MAX_NS 600000000000u

/* Event i's time on the clock the replay follows. */
static uint64_t event_t(const replay *r, uint64_t i)
{
    const ps_event *e = &r->d.events[i];
    return r->pace == PACE_VIRTUAL ? e->vt_ns : e->wt_ns;
}

static uint64_t replay_cnow(const replay *r)
{
    if (r->mode != PACER_RUN)
        return r->vclock;
    /* clock_scale_milli: (now - anchor) * speed overflowed after 51 h at 100x */
    uint64_t dv = clock_scale_milli(clock_now_ns() - r->anchor, (uint64_t)r->speed);
    return dv > UINT64_MAX - r->vclock ? UINT64_MAX : r->vclock + dv;
}

/* Sets the clock to v from now on (mode or speed change, seek). */
static void replay_rebase(replay *r, uint64_t v)
{
    r->vclock = v;
    r->anchor = clock_now_ns();
}

static size_t replay_poll(session *s, ps_event *out, size_t max)
{
    replay *r = (replay *)s;
    uint64_t v = replay_cnow(r), limit = r->stopped ? r->cursor : r->d.n;
    if (r->mode != PACER_RUN && !r->stopped)
        limit = r->granted < r->d.n ? r->granted : r->d.n;
    size_t n = 0;
    while (n < max && r->cursor < limit && (r->mode != PACER_RUN || event_t(r, r->cursor) <= v))
        out[n++] = r->d.events[r->cursor++];
    return n;
}

static void sleep_ns(uint64_t ns)
{
    struct timespec ts = {(time_t)(ns / 1000000000u), (long)(ns % 1000000000u)};
    nanosleep(&ts, NULL);
}

static void replay_wait(session *s, uint64_t timeout_ns)
{
    replay *r = (replay *)s;
    if (r->stopped || r->cursor >= r->d.n || (r->mode != PACER_RUN && r->cursor < r->granted))
        return;
    uint64_t ns = timeout_ns;
    if (r->mode == PACER_RUN) {
        uint64_t due = event_t(r, r->cursor), v = replay_cnow(r);
        uint64_t bound = r->pace == PACE_VIRTUAL ? REPLAY_IDLE_MAX_NS : REPLAY_LECTURE_IDLE_MAX_NS;
        uint64_t most = clock_scale_milli(bound, (uint64_t)r->speed);
        if (due > v && due - v > most) { /* a pause past the bound is cut to it */
            replay_rebase(r, due - most);
            v = due - most;
        }
        uint64_t left = due > v ? due - v : 0; /* left * 1000 must not wrap */
        uint64_t real = left < UINT64_MAX / 1000u ? left * 1000u / (uint64_t)r->speed : UINT64_MAX;
        ns = real < ns ? real : ns;
    }
    if (ns)
        sleep_ns(ns);
}

static int replay_finished(session *s)
{
    replay *r = (replay *)s;
    return r->stopped || r->cursor >= r->d.n;
}

static void replay_set_mode(session *s, pacer_mode mode)
{
    replay *r = (replay *)s;
    /* leaving run: the clock stops where it is; events already due stay
     * grantable so that nothing the view was about to get is lost */
    uint64_t v = replay_cnow(r);
    if (r->mode == PACER_RUN && mode != PACER_RUN) {
        r->granted = r->cursor;
        while (r->granted < r->d.n && event_t(r, r->granted) <= v)
            r->granted++;
    }
    r->mode = mode;
    replay_rebase(r, v);
}

static int64_t replay_set_speed(session *s, int64_t speed_milli)
{
    replay *r = (replay *)s;
    if (speed_milli < PACER_SPEED_MIN)
        speed_milli = PACER_SPEED_MIN;
    if (speed_milli > PACER_SPEED_MAX)
        speed_milli = PACER_SPEED_MAX;
    replay_rebase(r, replay_cnow(r));
    r->speed = speed_milli;
    return speed_milli;
}

/* Where one recorded step that starts at event i ends (the first event it
 * does not hand out): at the lecture's pace each key the lecturer pressed
 * is a step (a recording made on the screen), else each ctl-step (headless
 * step mode), else each event. */
static uint64_t step_end(const replay *r, uint64_t i)
{
    const replay_data *d = &r->d;
    if (r->pace == PACE_STEP && d->n_keys) {
        for (uint64_t k = 0; k < d->n_keys; k++)
            if (d->keys[k].at > i)
                return d->keys[k].at;
        return d->n;
    }
    uint64_t j = i + 1;
    while (r->pace == PACE_STEP && j < d->n && d->events[j].kind != EV_CTL_STEP)
        j++;
    return j;
}

/* One step (PACER_ANY): see step_end; for a given actor every event up to
 * its next one. */
static int replay_step(session *s, int actor)
{
    replay *r = (replay *)s;
    if (r->mode != PACER_STEP)
        return PACER_EMODE;
    if (r->stopped)
        return PACER_ENONE;
    uint64_t i = r->granted > r->cursor ? r->granted : r->cursor;
    while (i < r->d.n && actor != PACER_ANY && (int)r->d.events[i].actor != actor)
        i++;
    if (i >= r->d.n)
        return actor == PACER_ANY ? PACER_ENONE : PACER_ENOTREADY;
    r->granted = actor == PACER_ANY ? step_end(r, i) : i + 1;
    r->steps++;
    replay_rebase(r, event_t(r, r->granted - 1));
    return (int)r->d.events[i].actor;
}

static int replay_seek(session *s, uint64_t seq, model *m)
{
    replay *r = (replay *)s;
    if (replay_model_at(&r->d, seq, m))
        return -1;
    r->cursor = r->granted = seq < r->d.n ? seq : r->d.n;
    r->stopped = 0;
    replay_rebase(r, r->cursor ? event_t(r, r->cursor - 1) : 0);
    return 0;
}

static int replay_restart(session *s, model *m)
{
    return replay_seek(s, 0, m);
}

static void replay_view(session *s, pacer_view *v)
{
    replay *r = (replay *)s;
    uint64_t next = r->granted > r->cursor ? r->granted : r->cursor;
    *v = (pacer_view){0};
    v->n_actors = r->base.layout.workers + 1;
    v->mode = r->mode;
    v->speed_milli = r->speed;
    /* the virtual clock of what was handed out (the pace's clock is
     * session_replay_clock's) */
    v->vnow = r->cursor ? r->d.events[r->cursor - 1].vt_ns : 0;
    if (r->pace == PACE_VIRTUAL && r->mode == PACER_RUN && r->cursor < r->d.n)
        v->vnow = replay_cnow(r) < event_t(r, r->cursor) ? replay_cnow(r) : event_t(r, r->cursor);
    v->vnow = r->cursor && v->vnow < r->d.events[r->cursor - 1].vt_ns
                  ? r->d.events[r->cursor - 1].vt_ns
                  : v->vnow;
    v->steps = r->steps;
    /* who the next step moves: the actor of the next event */
    v->next_default = next < r->d.n ? (int)r->d.events[next].actor : -1;
}

static uint64_t replay_length(session *s)
{
    return ((replay *)s)->d.n;
}

static int replay_deadlocked(session *s)
{
    (void)s;
    return 0;
}

/* Ends the replay where it is: nothing more is handed out. */
static void replay_stop(session *s)
{
    ((replay *)s)->stopped = 1;
}

static void replay_stats(session *s, session_stats *st)
{
    const replay *r = (const replay *)s;
    *st = (session_stats){.replayed = 1, .cut = !r->d.complete};
}

static void replay_destroy(session *s)
{
    replay *r = (replay *)s;
    replay_free(&r->d);
    free(r);
}

static const session_ops replay_ops = {
    .caps = SESSION_SEEK | SESSION_BACK,
    .poll = replay_poll,
    .wait = replay_wait,
    .finished = replay_finished,
    .set_mode = replay_set_mode,
    .set_speed = replay_set_speed,
    .step = replay_step,
    .restart = replay_restart,
    .seek = replay_seek,
    .view = replay_view,
    .length = replay_length,
    .deadlocked = replay_deadlocked,
    .stop = replay_stop,
    .stats = replay_stats,
    .destroy = replay_destroy,
};

session *session_replay_create(const char *path, pacer_mode mode, ps_pace pace, char *err,
                               size_t len)
{
    replay *r = calloc(1, sizeof(*r));
    if (!r) {
        snprintf(err, len, "cannot replay %s: out of memory", path);
        return NULL;
    }
    if (replay_load(&r->d, path, err, len) < 0) {
        free(r);
        return NULL;
    }
    r->base.ops = &replay_ops;
    r->base.params = r->d.params;
    r->base.layout = r->d.layout;
    r->base.prog = r->d.prog;
    r->pace = pace;
    r->mode = pace == PACE_STEP ? PACER_STEP : mode;
    r->speed = PACER_SPEED_MIN;
    replay_rebase(r, 0);                                 /* the clock starts now, at virtual 0 */
    replay_set_speed(&r->base, r->d.params.speed_milli); /* clamped */
    return &r->base;
}

uint64_t session_replay_clock(session *s, ps_pace *pace, uint64_t *end)
{
    replay *r = (replay *)s;
    *pace = r->pace == PACE_VIRTUAL ? PACE_VIRTUAL : PACE_LECTURE;
    *end = r->d.n ? event_t(r, r->d.n - 1) : 0;
    uint64_t lo = r->cursor ? event_t(r, r->cursor - 1) : 0;
    if (r->mode != PACER_RUN || r->stopped || r->cursor >= r->d.n)
        return lo;
    /* between the last event handed out and the next one: the clock runs */
    uint64_t v = replay_cnow(r), hi = event_t(r, r->cursor);
    return v < lo ? lo : v > hi ? hi : v;
}

const replay_data *session_replay_data(session *s)
{
    return s->ops == &replay_ops ? &((replay *)s)->d : NULL;
}
