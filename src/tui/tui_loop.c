/* tui_loop.c - the UI thread: the only thread that calls curses.  It drains
 * the session, folds events into the model, reads keys and draws; nothing
 * else.  It sleeps in poll(2) on the keyboard and the signal pipe: 16 ms
 * while things move, 250 ms when paused or done, so a paused screen costs
 * next to no CPU. */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/session.h"
#include "tui.h"
#include "tui_draw.h"
#include "tui_keys.h"
#include "tui_term.h"

#define TUI_DRAIN_MAX 4096 /* events per turn: keys stay responsive in a flood */

typedef struct tui_app {
    session *s;
    model *m;
    tui_ui ui;
    pacer_view v;
    uint64_t t0;
    uint64_t cell_ns;
    int quit;
    int dirty;
    int finished;
    uint64_t last_wall_s;
    uint64_t fast_until; /* after a key: poll fast, its effects arrive soon */
    int picking;         /* 'w' typed: reading a worker number until Enter */
    int pick;
} tui_app;

static size_t drain(tui_app *a)
{
    ps_event buf[256];
    size_t total = 0, n;
    uint64_t now = clock_now_ns();
    while (total < TUI_DRAIN_MAX && (n = session_poll(a->s, buf, 256)) > 0) {
        for (size_t i = 0; i < n; i++) {
            model_apply(a->m, &buf[i]);
            tui_ui_note(&a->ui, a->m, &buf[i], now);
        }
        total += n;
    }
    return total;
}

static const int64_t speeds[] = {100, 250, 500, 1000, 2000, 5000, 10000, 25000, 50000, 100000};
#define N_SPEEDS ((int)(sizeof speeds / sizeof speeds[0]))

static void change_speed(tui_app *a, int dir)
{
    int64_t cur = a->v.speed_milli;
    int64_t next = dir > 0 ? speeds[N_SPEEDS - 1] : speeds[0];
    for (int i = 0; i < N_SPEEDS; i++) {
        int k = dir > 0 ? i : N_SPEEDS - 1 - i;
        if ((dir > 0 && speeds[k] > cur) || (dir < 0 && speeds[k] < cur)) {
            next = speeds[k];
            break;
        }
    }
    a->s->ops->set_speed(a->s, next);
}

static void step_failed(tui_app *a, int actor, int rc)
{
    char msg[96], name[8], wait[64];
    switch (rc) {
    case PACER_ENOTREADY:
        tui_wait_text(a->m, actor, wait, sizeof wait);
        snprintf(msg, sizeof msg, "%s cannot step: %s", model_actor_name(actor, name),
                 *wait                                  ? wait
                 : a->m->actors[actor].state == MS_DONE ? "it is done"
                 : a->m->actors[actor].state == MS_NEW  ? "main has not started it yet"
                                                        : "blocked");
        break;
    case PACER_ENONE:
        snprintf(msg, sizeof msg, "no thread can move");
        break;
    case PACER_EBUSY:
        snprintf(msg, sizeof msg, "threads still moving: try again");
        break;
    default:
        snprintf(msg, sizeof msg, "cannot step (%d)", rc);
        break;
    }
    tui_ui_say(&a->ui, clock_now_ns(), msg);
}

static void said_work_done(tui_app *a, int actor, uint64_t vend);

static void do_step(tui_app *a, int actor)
{
    if (a->finished) {
        tui_ui_say(&a->ui, clock_now_ns(), "the run is over: r restarts it");
        return;
    }
    if (actor != PACER_ANY && actor >= a->m->n_actors) {
        tui_ui_say(&a->ui, clock_now_ns(), "no such worker");
        return;
    }
    if (a->v.mode != PACER_STEP)
        a->s->ops->set_mode(a->s, PACER_STEP);
    pacer_view before;
    a->s->ops->view(a->s, &before);
    int rc = a->s->ops->step(a->s, actor);
    if (rc < 0)
        step_failed(a, actor, rc);
    else if (rc < before.n_actors && before.actors[rc].state == PA_TIMED)
        said_work_done(a, rc, before.actors[rc].deadline);
}

/* A step of a thread in timed work ends the work: say so, and where the
 * virtual clock jumped ("W1 finished job 1: virtual time jumped to 1.000 s"). */
static void said_work_done(tui_app *a, int actor, uint64_t vend)
{
    char msg[96], name[8];
    const model_actor *ac = &a->m->actors[actor];
    model_actor_name(actor, name);
    if (ac->state == MS_WORKING && ac->job)
        snprintf(msg, sizeof msg, "%s finished job %lld: virtual time jumped to %.3f s", name,
                 (long long)ac->job, (double)vend / 1e9);
    else
        snprintf(msg, sizeof msg, "%s finished its wait: virtual time jumped to %.3f s", name,
                 (double)vend / 1e9);
    tui_ui_say(&a->ui, clock_now_ns(), msg);
}

/* 'w', digits, Enter: a step of any worker, also those above 9.  Returns 1
 * if the key was part of the number. */
static int pick_key(tui_app *a, int key)
{
    char msg[96];
    uint64_t now = clock_now_ns();
    if (key == 0)
        ; /* just show the prompt */
    else if (key >= '0' && key <= '9' && a->pick <= PS_MAX_WORKERS)
        a->pick = a->pick * 10 + (key - '0');
    else if ((key == KEY_BACKSPACE || key == 127 || key == 8) && a->pick)
        a->pick /= 10;
    else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
        a->picking = 0;
        a->ui.msg_until = now;
        if (a->pick >= 1 && a->pick <= a->m->layout.workers)
            do_step(a, a->pick);
        else
            tui_ui_say(&a->ui, now, "no such worker");
        return 1;
    } else {
        a->picking = 0; /* Esc or another key: no step */
        a->ui.msg_until = now;
        return key == 27 || key == 'w';
    }
    snprintf(msg, sizeof msg, "step worker: %.0d_  (1..%d, Enter steps, Esc cancels)", a->pick,
             a->m->layout.workers);
    tui_ui_say(&a->ui, now, msg);
    a->ui.msg_until = now + 3600000000000ull; /* stays until Enter or Esc */
    return 1;
}

static void do_restart(tui_app *a)
{
    int help = a->ui.help;
    if (a->s->ops->restart(a->s, a->m) != 0) {
        tui_ui_say(&a->ui, clock_now_ns(), "restart failed");
        return;
    }
    tui_ui_init(&a->ui);
    a->ui.help = help;
    a->t0 = clock_now_ns();
    a->finished = 0;
}

static void act(tui_app *a, const tui_key *k, int key)
{
    switch (k->action) {
    case TA_PAUSE:
        if (!a->finished)
            a->s->ops->set_mode(a->s, a->v.mode == PACER_RUN ? PACER_PAUSE : PACER_RUN);
        break;
    case TA_STEP:
        do_step(a, PACER_ANY);
        break;
    case TA_STEP_WORKER:
        do_step(a, key - '0');
        break;
    case TA_STEP_MAIN:
        do_step(a, PS_ACTOR_MAIN);
        break;
    case TA_STEP_PICK:
        a->picking = 1;
        a->pick = 0;
        pick_key(a, 0);
        break;
    case TA_STEP_MODE:
        if (!a->finished)
            a->s->ops->set_mode(a->s, a->v.mode == PACER_STEP ? PACER_RUN : PACER_STEP);
        break;
    case TA_FASTER:
    case TA_SLOWER:
        change_speed(a, k->action == TA_FASTER ? 1 : -1);
        break;
    case TA_RESTART:
        do_restart(a);
        break;
    case TA_SCROLL_UP:
    case TA_SCROLL_DOWN:
        a->ui.lane_scroll += k->action == TA_SCROLL_UP ? -1 : 1;
        a->ui.lane_scroll = a->ui.lane_scroll < 0 ? 0 : a->ui.lane_scroll;
        if (a->ui.lane_scroll > a->m->layout.workers - 1)
            a->ui.lane_scroll = a->m->layout.workers - 1;
        break;
    case TA_HELP:
        a->ui.help = !a->ui.help;
        break;
    case TA_QUIT:
        a->quit = 1;
        break;
    default:
        break;
    }
}

static void read_keys(tui_app *a)
{
    int key;
    while ((key = getch()) != ERR) {
        a->dirty = 1;
        a->fast_until = clock_now_ns() + 300000000u;
        if (a->picking && pick_key(a, key)) {
            a->s->ops->view(a->s, &a->v);
            continue;
        }
        if (key == 27 && a->ui.help) {
            a->ui.help = 0;
            continue;
        }
        const tui_key *k = tui_key_find(key);
        if (k)
            act(a, k, key);
        a->s->ops->view(a->s, &a->v);
    }
}

static void draw(tui_app *a, uint64_t now)
{
    tui_frame_input in = {
        .m = a->m,
        .v = &a->v,
        .ui = &a->ui,
        .title = a->s->params.title,
        .name = a->s->params.name,
        .wall_ns = now - a->t0,
        .now_ns = now,
        .cell_ns = a->cell_ns,
        .finished = a->finished,
    };
    tui_draw(stdscr, &in);
    wnoutrefresh(stdscr);
    doupdate();
}

/* Something on screen moves with the clock while threads run; otherwise only
 * the wall clock (once a second), a fading arrow or message. */
static int should_draw(tui_app *a, uint64_t now)
{
    uint64_t ws = (now - a->t0) / 1000000000u;
    int moving = !a->finished && a->v.mode == PACER_RUN;
    int fading = 0;
    for (int i = 0; i < TUI_AR_COUNT; i++)
        fading |= a->ui.fired[i] && now < a->ui.fired[i] + TUI_FLASH_NS + 50000000u;
    fading |= a->ui.msg[0] && now < a->ui.msg_until + 300000000u;
    int r = a->dirty || moving || fading || ws != a->last_wall_s;
    a->last_wall_s = ws;
    return r;
}

static void wait_input(tui_app *a)
{
    struct pollfd fds[2] = {{.fd = 0, .events = POLLIN},
                            {.fd = tui_term_signal_fd(), .events = POLLIN}};
    int moving = !a->finished && a->v.mode == PACER_RUN;
    /* paused or stepping: poll fast only while a thread is still on its way
     * to its next step point, so its mark shows as soon as it is there */
    for (int i = 0; !moving && !a->finished && i < a->v.n_actors; i++)
        moving = a->v.actors[i].state == PA_RUNNING;
    moving |= clock_now_ns() < a->fast_until;
    int r = poll(fds, fds[1].fd >= 0 ? 2 : 1, moving ? 16 : 250);
    if (r < 0 && errno != EINTR)
        a->quit = 1;
}

/* 1 if what the step marks are drawn from changed (a thread came to rest
 * after the frame showing its events was drawn). */
static int marks_changed(const pacer_view *o, const pacer_view *v)
{
    if (o->mode != v->mode || o->next_default != v->next_default || o->n_actors != v->n_actors)
        return 1;
    for (int i = 0; i < v->n_actors; i++)
        if (o->actors[i].state != v->actors[i].state)
            return 1;
    return 0;
}

static void loop(tui_app *a)
{
    while (!a->quit && !tui_term_stop_signal()) {
        if (drain(a))
            a->dirty = 1;
        a->finished = a->s->ops->finished(a->s);
        pacer_view old = a->v;
        a->s->ops->view(a->s, &a->v);
        if (a->v.mode != PACER_RUN && marks_changed(&old, &a->v))
            a->dirty = 1;
        read_keys(a);
        if (a->quit)
            break;
        uint64_t now = clock_now_ns();
        if (should_draw(a, now))
            draw(a, now);
        a->dirty = 0;
        wait_input(a);
    }
}

static int color_arg(color_mode c)
{
    return c == COLOR_NEVER ? 0 : c == COLOR_ALWAYS ? 1 : 2;
}

int tui_run(const options *o)
{
    char why[160];
    const char *err = NULL;
    if (tui_term_check(why, sizeof why) != 0) {
        fprintf(stderr,
                "poolscope: cannot open the screen: %s\n"
                "poolscope: run with --headless to print the lecture's lines instead\n",
                why);
        return 2;
    }
    tui_app a;
    memset(&a, 0, sizeof a);
    a.s = session_live_create(&o->params, o->start_mode, o->ring_cap, &err);
    if (!a.s) {
        fprintf(stderr, "poolscope: %s\n", err);
        return 1;
    }
    a.m = malloc(sizeof(*a.m));
    if (!a.m || model_init(a.m, &a.s->layout) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        free(a.m);
        a.s->ops->destroy(a.s);
        return 1;
    }
    tui_ui_init(&a.ui);
    a.cell_ns = o->params.job_ns / 4 > 1000000 ? (uint64_t)o->params.job_ns / 4 : 1000000;
    a.t0 = clock_now_ns();
    a.dirty = 1;
    int rc = 0;
    if (tui_term_open(color_arg(o->color)) != 0) {
        fprintf(stderr, "poolscope: cannot start curses on this terminal; try --headless\n");
        rc = 2;
    } else {
        loop(&a);
        tui_term_close();
    }
    a.s->ops->destroy(a.s);
    model_free(a.m);
    free(a.m);
    return rc;
}
