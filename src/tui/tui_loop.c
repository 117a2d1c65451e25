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
#include "tui_picker.h"
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
    const options *o;
    scenario_text *text; /* the running scenario's listing (the code panel's) */
    tui_picker picker;
    const char *fatal; /* why the loop had to stop, printed after the screen closes */
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
    int rc = a->s->ops->step(a->s, actor);
    if (rc < 0)
        step_failed(a, actor, rc);
}

/* A fresh start of the view: what the user set (help, code panel) stays. */
static void reset_view(tui_app *a)
{
    int help = a->ui.help, code = a->ui.code;
    tui_ui_init(&a->ui);
    a->ui.help = help;
    a->ui.code = code;
    a->ui.text = a->text;
    a->ui.picker = &a->picker;
    a->t0 = clock_now_ns();
    a->finished = 0;
    int64_t job_ns = a->s->params.job_ns;
    a->cell_ns = job_ns / 4 > 1000000 ? (uint64_t)job_ns / 4 : 1000000;
}

static void do_restart(tui_app *a)
{
    if (a->s->ops->restart(a->s, a->m) != 0) {
        tui_ui_say(&a->ui, clock_now_ns(), "restart failed");
        return;
    }
    reset_view(a);
}

/* Starts the scenario p on a fresh model; 0, or -1 with *err (a->s NULL). */
static int start_scenario(tui_app *a, const ps_params *p, const char **err)
{
    a->s = session_live_create(p, a->o->start_mode, a->o->ring_cap, err);
    if (!a->s)
        return -1;
    model_free(a->m);
    if (model_init(a->m, &a->s->layout) != 0) {
        *err = "out of memory";
        a->s->ops->destroy(a->s);
        a->s = NULL;
        return -1;
    }
    return 0;
}

/* The picker's choice: the running threads stop and are joined (session
 * destroy), then the chosen scenario starts with its file's parameters.  If
 * it cannot start, the one that ran before starts again. */
static void switch_scenario(tui_app *a, const tui_pick *it)
{
    char msg[160];
    const char *err = NULL;
    if (it->err[0]) {
        tui_ui_say(&a->ui, clock_now_ns(), it->err);
        return;
    }
    ps_params old = a->s->params;
    a->s->ops->destroy(a->s);
    if (start_scenario(a, &it->params, &err) == 0) {
        *a->text = it->text;
        reset_view(a);
        return;
    }
    snprintf(msg, sizeof msg, "cannot start %s: %s", it->params.name, err);
    if (start_scenario(a, &old, &err) != 0) {
        a->fatal = err;
        a->quit = 1;
        return;
    }
    reset_view(a);
    tui_ui_say(&a->ui, clock_now_ns(), msg);
}

static void open_picker(tui_app *a)
{
    if (!a->s->live)
        tui_ui_say(&a->ui, clock_now_ns(), "the scenario picker needs a live run, not a replay");
    else if (tui_picker_open(&a->picker, a->s->params.name) != 0)
        tui_ui_say(&a->ui, clock_now_ns(), "out of memory");
    else
        a->ui.help = 0;
}

static void picker_key(tui_app *a, int key)
{
    if (tui_picker_key(&a->picker, key) == TP_CHOSEN && a->picker.n)
        switch_scenario(a, &a->picker.items[a->picker.sel]);
    if (!a->picker.open)
        tui_picker_free(&a->picker); /* read again on the next open */
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
    case TA_CODE:
        a->ui.code = !a->ui.code;
        break;
    case TA_PICKER:
        open_picker(a);
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
        if (a->picker.open) { /* the overlay takes every key while open */
            picker_key(a, key);
            if (a->quit)
                return;
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
    int r = poll(fds, fds[1].fd >= 0 ? 2 : 1, moving ? 16 : 250);
    if (r < 0 && errno != EINTR)
        a->quit = 1;
}

static void loop(tui_app *a)
{
    while (!a->quit && !tui_term_stop_signal()) {
        if (drain(a))
            a->dirty = 1;
        a->finished = a->s->ops->finished(a->s);
        a->s->ops->view(a->s, &a->v);
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
    a.o = o;
    a.text = malloc(sizeof(*a.text));
    a.m = calloc(1, sizeof(*a.m));
    if (!a.text || !a.m) {
        fprintf(stderr, "poolscope: out of memory\n");
        free(a.text);
        free(a.m);
        return 1;
    }
    *a.text = o->text;
    if (start_scenario(&a, &o->params, &err) != 0) {
        fprintf(stderr, "poolscope: %s\n", err);
        free(a.text);
        free(a.m);
        return 1;
    }
    tui_ui_init(&a.ui);
    reset_view(&a);
    a.dirty = 1;
    int rc = 0;
    if (tui_term_open(color_arg(o->color)) != 0) {
        fprintf(stderr, "poolscope: cannot start curses on this terminal; try --headless\n");
        rc = 2;
    } else {
        loop(&a);
        tui_term_close();
    }
    if (a.fatal) {
        fprintf(stderr, "poolscope: %s\n", a.fatal);
        rc = 1;
    }
    if (a.s)
        a.s->ops->destroy(a.s);
    tui_picker_free(&a.picker);
    model_free(a.m);
    free(a.m);
    free(a.text);
    return rc;
}
