/* tui_loop.c - the UI thread: the only thread that calls curses.  It drains
 * the session (a live run or a recording), folds events into the model,
 * feeds the outputs, reads keys and draws; nothing else.
 *
 * The consumer must keep up with the threads, or their rings fill and they
 * wait for it: every turn drains everything pending (within a time budget,
 * so keys stay responsive in a flood), and while events flow the thread
 * naps only TUI_NAP_US between drains, as the headless consumer does, and
 * draws at most one frame per TUI_FRAME_NS.  Otherwise it sleeps in ppoll
 * on the keyboard and the signal pipe: 16 ms while things move, 250 ms when
 * paused or done (100 ms while recording, so the file is flushed as often
 * as headless flushes it), so a paused screen costs next to no CPU. */
#define _GNU_SOURCE /* ppoll: a nap shorter than poll's millisecond */
#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "sync/clock.h"
#include "app/gorun.h"
#include "rec/replay.h"
#include "rec/session_go.h"
#include "tui.h"
#include "tui_app.h"
#include "tui_draw.h"
#include "tui_term.h"

#define TUI_DRAIN_BUDGET_NS 8000000u /* a turn's drain: keys stay responsive in a flood */
#define TUI_FRAME_NS 16000000u       /* at most one frame per 16 ms while events flow */
#define TUI_NAP_US 100 /* between drains while events flow: 8192-event rings never fill */
/* How long poll(2) sleeps: while things move, while recording (the file is
 * flushed as often as headless flushes it), and otherwise. */
#define TUI_POLL_MOVING_MS 16
#define TUI_POLL_RECORDING_MS 100
#define TUI_POLL_IDLE_MS 250
#define TUI_KEY_FAST_NS 300000000u   /* after a key: poll fast, its effects arrive soon */
#define TUI_FADE_TAIL_NS 50000000u   /* one frame more once an arrow stopped being lit */
#define TUI_MSG_TAIL_NS 300000000u   /* and once a message expired */
#define TUI_WARN_MORE_NS 7000000000u /* a partial recording's warning: 10 s to read it */

void tui_app_fold(tui_app *a, const ps_event *ev, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        model_apply(a->m, &ev[i]);
        tui_out_event(a, &ev[i]);
    }
}

/* Stepping or paused, a store that overwrote another goroutine's is the
 * race lesson's moment: the footer says which store overwrote which. */
static void said_overwrite(tui_app *a)
{
    uint64_t n = 0;
    const model_obj *last = NULL;
    for (int i = 0; i < a->m->n_objs; i++) {
        n += a->m->objs[i].overwrites;
        if (a->m->objs[i].overwrites)
            last = &a->m->objs[i];
    }
    if (n > a->overwrites && last && a->v.mode != PACER_RUN && last->over_by >= 0 &&
        last->over_whom >= 0) {
        char msg[160], by[PS_ACTOR_NAME_LEN], whom[PS_ACTOR_NAME_LEN];
        const char *name =
            goprog_object_name(session_program(a->s), last->kind, last->line, last->cap);
        snprintf(msg, sizeof msg, "%s stored %s = %lld over %s's store of %lld: an update lost",
                 model_actor_name(last->over_by, by), name ? name : "it",
                 (long long)last->over_value, model_actor_name(last->over_whom, whom),
                 (long long)last->over_old);
        tui_ui_say(&a->ui, clock_now_ns(), msg);
    }
    a->overwrites = n;
}

void tui_app_keys(tui_app *a, int say)
{
    const replay_data *d = session_replay_data(a->s);
    if (!d || !d->n_keys)
        return;
    if (!say) /* a seek: the key before the new position is not news */
        a->key_next = 0;
    uint64_t last = UINT64_MAX;
    while (a->key_next < d->n_keys && d->keys[a->key_next].at <= a->m->events)
        last = a->key_next++;
    if (say && last != UINT64_MAX) {
        char text[128];
        tui_replay_key_text(d, last, a->m, session_program(a->s), text, sizeof text);
        tui_ui_say(&a->ui, clock_now_ns(), text);
    }
}

static size_t drain(tui_app *a)
{
    ps_event buf[256];
    size_t total = 0, n;
    uint64_t now = clock_now_ns(), end = now + TUI_DRAIN_BUDGET_NS;
    for (unsigned batch = 1; (n = session_poll(a->s, buf, 256)) > 0; batch++) {
        tui_app_fold(a, buf, n);
        total += n;
        if (batch % 16 == 0 && clock_now_ns() >= end) /* a clock read per 4096 events */
            break;
    }
    tui_ui_sync(&a->ui, a->m, now);
    said_overwrite(a);
    tui_app_keys(a, 1);
    return total;
}

static void read_keys(tui_app *a)
{
    int key;
    while (!a->quit && (key = getch()) != ERR) {
        a->dirty = 1;
        if (key != KEY_RESIZE) /* before it acts: a step's events come after it */
            tui_out_key(a, a->picker.open ? NULL : tui_key_find(key), key);
        a->fast_until = clock_now_ns() + TUI_KEY_FAST_NS;
        if (a->picker.open) { /* the overlay takes every key while open */
            tui_switch_key(a, key);
            if (!a->quit)
                a->s->ops->view(a->s, &a->v);
            continue;
        }
        if (a->picking && tui_pick_key(a, key)) {
            a->s->ops->view(a->s, &a->v);
            continue;
        }
        if (key == TUI_KEY_ESC && a->ui.help) {
            a->ui.help = 0;
            continue;
        }
        const tui_key *k = tui_key_find(key);
        if (k)
            tui_act(a, k, key);
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
        .rec = a->rec,
        .caps = session_caps(a->s),
        .prog = session_program(a->s),
        .output = session_go_output(a->s, a->output, sizeof a->output) || session_go_program(a->s)
                      ? a->output
                      : NULL,
    };
    /* a recording: the output its events hold; before its first line (or in
     * one made before output was recorded) the log lists the last events,
     * which a replay's seek keys move through */
    if (!in.output && a->m->out_n && model_output(a->m, a->output, sizeof a->output))
        in.output = a->output;
    pacer_view marks;
    if (session_replay_data(a->s)) { /* a recording: where in it the screen is */
        tui_frame_replay(&in, a->s, a->m);
        if (a->m->step_mode && !a->m->ended) { /* a stepped lecture: its marks */
            tui_marks_from_model(a->m, &marks);
            in.marks = &marks;
        }
    }
    tui_draw(stdscr, &in);
    wnoutrefresh(stdscr);
    doupdate();
    tui_out_screen(a, COLS, LINES);
}

/* Something on screen moves with the clock while threads run; otherwise only
 * the wall clock (once a second), a fading arrow or message. */
static int should_draw(tui_app *a, uint64_t now)
{
    uint64_t ws = (now - a->t0) / 1000000000u;
    int moving = !a->finished && a->v.mode == PACER_RUN;
    int fading = 0;
    for (int i = 0; i < MODEL_AR_COUNT; i++)
        fading |= a->ui.fired[i] && now < a->ui.fired[i] + TUI_FLASH_NS + TUI_FADE_TAIL_NS;
    fading |= a->ui.msg[0] && now < a->ui.msg_until + TUI_MSG_TAIL_NS;
    int due = now >= a->last_draw + TUI_FRAME_NS; /* events and motion: a frame at most */
    int r = a->dirty || ((moving || fading || a->fresh) && due) || ws != a->last_wall_s;
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
    int ms = moving                 ? TUI_POLL_MOVING_MS
             : tui_out_recording(a) ? TUI_POLL_RECORDING_MS
                                    : TUI_POLL_IDLE_MS;
    /* events are flowing: drain again soon, or the threads wait for room */
    struct timespec ts = {.tv_sec = ms / 1000, .tv_nsec = (long)(ms % 1000) * 1000000L};
    if (a->flowing)
        ts = (struct timespec){.tv_nsec = TUI_NAP_US * 1000L};
    int r = ppoll(fds, fds[1].fd >= 0 ? 2 : 1, &ts, NULL);
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
        a->flowing = drain(a) > 0;
        a->fresh |= a->flowing;
        tui_out_tick(a);
        a->finished = a->s->ops->finished(a->s);
        pacer_view old = a->v;
        a->s->ops->view(a->s, &a->v);
        if (a->v.mode != PACER_RUN && marks_changed(&old, &a->v))
            a->dirty = 1;
        read_keys(a);
        if (a->quit)
            break;
        uint64_t now = clock_now_ns();
        if ((now - a->t0) / 1000000000u != a->last_wall_s && tui_term_size_changed())
            a->dirty = 1; /* once a second: a resize whose SIGWINCH was lost */
        if (should_draw(a, now)) {
            draw(a, now);
            a->last_draw = now;
            a->fresh = 0;
        }
        a->dirty = 0;
        wait_input(a);
    }
}

static int color_arg(color_mode c)
{
    return c == COLOR_NEVER ? 0 : c == COLOR_ALWAYS ? 1 : 2;
}

/* A Go program's run, or the recording of --replay; NULL after saying why.  A
 * replay's warning (a recording cut short) is shown in the footer. */
static session *open_session(tui_app *a)
{
    const options *o = a->o;
    char msg[1024];
    const char *err = NULL;
    if (o->go_path) { /* a Go program: checked first, its errors before any screen */
        const char *names[16], *values[16];
        for (int i = 0; i < o->nsets; i++)
            names[i] = o->sets[i].name, values[i] = o->sets[i].value;
        goprog *g = goprog_load(o->go_path, o->nsets, names, values, msg, sizeof msg);
        if (!g) {
            fprintf(stderr, "%s\n", msg);
            return NULL;
        }
        run_program_opts ro = gorun_opts(o);
        uint64_t seed = o->seed_given ? o->seed : o->start_mode == PACER_STEP ? 0 : clock_now_ns();
        session *s = session_go_create(g, o->go_path, &ro, seed, &err);
        if (!s)
            fprintf(stderr, "poolscope: %s\n", err);
        return s;
    }
    session *s = session_replay_create(o->replay_path, o->start_mode, o->pace, msg, sizeof msg);
    if (!s) {
        fprintf(stderr, "poolscope: %s\n", msg);
        return NULL;
    }
    if (msg[0]) {
        fprintf(a->msgs, "poolscope: %s\n", msg);
        tui_ui_say(&a->ui, clock_now_ns(), msg);
        a->ui.msg_until += TUI_WARN_MORE_NS;
    }
    if (o->speed_given)
        s->ops->set_speed(s, o->params.speed_milli);
    return s;
}

/* Refusals that need no terminal: the exit status, or 0 to go on. */
static int refuse(const options *o)
{
    char why[160];
    if (tui_term_check(why, sizeof why) != 0) {
        fprintf(stderr,
                "poolscope: cannot open the screen: %s\n"
                "poolscope: run with --headless to print the lecture's lines instead\n",
                why);
        return 2;
    }
    if (o->replay_path && o->record_path) {
        fprintf(stderr, "poolscope: --record with --replay needs --headless: a replay on the "
                        "screen can seek back, a recording cannot\n");
        return 2;
    }
    return 0;
}

static int app_start(tui_app *a, const options *o)
{
    memset(a, 0, sizeof(*a));
    a->o = o;
    tui_ui_init(&a->ui);
    if (tui_out_init(a) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        return -1;
    }
    if (!(a->s = open_session(a)))
        return -1;
    a->m = malloc(sizeof(*a->m));
    a->text = malloc(sizeof(*a->text));
    if (!a->m || !a->text || model_init(a->m, &a->s->layout) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        free(a->m);
        a->m = NULL;
        return -1;
    }
    tui_switch_text(a);
    model_set_text(a->m, a->text);
    if (session_program(a->s))
        a->ui.code = 1; /* a Go program: its code is what the lecture is about */
    a->ui.picker = &a->picker;
    a->cell_ns = tui_draw_cell_ns();
    a->t0 = clock_now_ns();
    a->dirty = 1;
    /* the outputs are written from events that come once: a session that
     * goes back hands them out again (a replay's exports are written from
     * the file: outputs_export_replay) */
    if (!(session_caps(a->s) & SESSION_BACK))
        tui_out_open(a);
    return 0;
}

static void app_end(tui_app *a)
{
    tui_out_close(a);
    if (a->s)
        a->s->ops->destroy(a->s);
    if (a->m) {
        model_free(a->m);
        free(a->m);
    }
    free(a->text);
    tui_picker_free(&a->picker);
    tui_out_finish(a);
}

int tui_run(const options *o)
{
    int rc = refuse(o);
    if (rc)
        return rc;
    tui_app a;
    if (app_start(&a, o) != 0) {
        app_end(&a);
        return o->go_path ? 2 : 1; /* a Go program that does not load: as go run's 2 */
    }
    if (tui_term_open(color_arg(o->color)) != 0) {
        fprintf(stderr, "poolscope: cannot start curses on this terminal; try --headless\n");
        rc = 2;
    } else {
        loop(&a);
        tui_term_close();
    }
    /* after curses: the outputs' messages reach the real stderr */
    app_end(&a);
    return rc ? rc : a.out_failed || a.failed ? 1 : 0;
}
