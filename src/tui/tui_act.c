/* tui_act.c - what each key does, for a live run and for a replay.  A key
 * that cannot work in this mode says why in the footer instead of doing
 * nothing. */
#include <stdio.h>

#include "sync/clock.h"
#include "rec/replay.h"
#include "tui_app.h"
#include "tui_draw.h"

static const int64_t speeds[] = {100, 250, 500, 1000, 2000, 5000, 10000, 25000, 50000, 100000};
#define N_SPEEDS ((int)(sizeof speeds / sizeof speeds[0]))
#define TUI_PROMPT_NS 3600000000000ull /* the w prompt's message: an hour, until Enter or Esc */

static void say(tui_app *a, const char *msg)
{
    tui_ui_say(&a->ui, clock_now_ns(), msg);
}

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

/* A session whose events are all known ahead (a recording) can only have
 * run out of them; real threads say what holds them. */
static int known_ahead(const tui_app *a)
{
    return (session_caps(a->s) & SESSION_SEEK) != 0;
}

/* At the end: what can still be done, going back or starting again. */
static void say_over(tui_app *a)
{
    say(a, session_caps(a->s) & SESSION_BACK
               ? "end of the recording: , steps back, Home goes to the start"
               : "the run is over: r restarts it");
}

static void step_failed(tui_app *a, int actor, int rc)
{
    char msg[160], name[PS_ACTOR_NAME_LEN], wait[96];
    switch (rc) {
    case PACER_ENOTREADY:
        if (known_ahead(a)) {
            snprintf(msg, sizeof msg, "%s has no more events in the recording",
                     model_actor_name(actor, name));
            break;
        }
        tui_wait_text(a->m, session_program(a->s), actor, wait, sizeof wait);
        snprintf(msg, sizeof msg, "%s cannot step: %s", model_actor_name(actor, name),
                 *wait                                  ? wait
                 : a->m->actors[actor].state == MS_DONE ? "it is done"
                 : a->m->actors[actor].state == MS_NEW  ? "main has not started it yet"
                                                        : "blocked");
        break;
    case PACER_ENONE:
        snprintf(msg, sizeof msg, known_ahead(a) ? "end of the recording" : "no thread can move");
        break;
    case PACER_EBUSY:
        snprintf(msg, sizeof msg, "threads still moving: try again");
        break;
    default:
        snprintf(msg, sizeof msg, "cannot step (%d)", rc);
        break;
    }
    say(a, msg);
}

/* A step of a thread in timed work ends the work: say so, and where the
 * virtual clock jumped ("W1 finished job 1: virtual time jumped to 1.000 s"). */
static void said_work_done(tui_app *a, int actor, uint64_t vend)
{
    char msg[96], name[PS_ACTOR_NAME_LEN];
    const model_actor *ac = &a->m->actors[actor];
    model_actor_name(actor, name);
    if ((ac->state == MS_WORKING || ac->has_job) && ac->job) /* a worker-pool diagram's job */
        snprintf(msg, sizeof msg, "%s finished job %lld: virtual time jumped to %.3f s", name,
                 (long long)ac->job, (double)vend / 1e9);
    else if (ac->state == MS_SLEEPING)
        snprintf(msg, sizeof msg, "%s finished its sleep: virtual time jumped to %.3f s", name,
                 (double)vend / 1e9);
    else
        snprintf(msg, sizeof msg, "%s finished its wait: virtual time jumped to %.3f s", name,
                 (double)vend / 1e9);
    say(a, msg);
}

static void do_step(tui_app *a, int actor)
{
    if (a->finished) {
        say_over(a);
        return;
    }
    if (actor != PACER_ANY && actor >= a->m->n_actors) {
        say(a, "no such worker");
        return;
    }
    if (a->v.mode != PACER_STEP)
        a->s->ops->set_mode(a->s, PACER_STEP);
    pacer_view before;
    a->s->ops->view(a->s, &before);
    int rc = a->s->ops->step(a->s, actor);
    if (rc >= 0) /* a thread moved: what the footer said of the old state is stale */
        a->ui.msg_until = clock_now_ns();
    if (rc < 0)
        step_failed(a, actor, rc);
    else if (rc < before.n_actors && before.actors[rc].state == PA_TIMED) /* real threads only */
        said_work_done(a, rc, before.actors[rc].deadline);
}

/* Folds what the session has, and says whether goroutine who did an
 * operation in it (an event other than a wait at a step point or a text). */
static int fold_saw_op(tui_app *a, int who)
{
    ps_event buf[256];
    size_t n;
    int saw = 0;
    while ((n = session_poll(a->s, buf, 256)) > 0) {
        for (size_t i = 0; i < n; i++)
            saw |= (int)buf[i].actor == who && buf[i].kind < EV_CTL_PAUSE && buf[i].kind != EV_AT &&
                   buf[i].kind != EV_TEXT && buf[i].kind != EV_THREAD_START &&
                   buf[i].kind != EV_SCENARIO_START;
        tui_app_fold(a, buf, n);
    }
    return saw;
}

#define OP_STEPS_MAX 1000       /* statements one 'o' runs through at most */
#define OP_REST_NS 200000000ull /* how long a step's goroutine may take to stop again */

/* 'o': the goroutine n would move (or main) steps statement by statement
 * until it does an operation the screen shows (a send, a receive, a lock,
 * a sleep, an atomic or shared variable's load or store, its exit): the
 * granularity of the C scenarios' steps, for a lecturer who wants the next
 * thing to happen rather than the next line. */
static void do_step_op(tui_app *a)
{
    if (a->finished) {
        say_over(a);
        return;
    }
    if (a->v.mode != PACER_STEP)
        a->s->ops->set_mode(a->s, PACER_STEP);
    fold_saw_op(a, -1); /* what came before the key is not this step's */
    int who = PACER_ANY;
    for (int i = 0; i < OP_STEPS_MAX; i++) {
        int rc = a->s->ops->step(a->s, who);
        if (rc < 0) {
            if (i == 0)
                step_failed(a, who, rc);
            break;
        }
        who = rc;
        a->ui.msg_until = clock_now_ns();
        /* until it stops again (a point, a block, its end), its events folded */
        int saw = 0;
        uint64_t until = clock_now_ns() + OP_REST_NS;
        pacer_view v;
        do {
            saw |= fold_saw_op(a, who);
            a->s->ops->view(a->s, &v);
        } while (who < v.n_actors && who < PACER_VIEW_MAX && v.actors[who].state == PA_RUNNING &&
                 clock_now_ns() < until);
        saw |= fold_saw_op(a, who);
        if (saw)
            break;
    }
}

/* 'w', digits, Enter: a step of any worker, also those above 9.  Returns 1
 * if the key was part of the number. */
int tui_pick_key(tui_app *a, int key)
{
    char msg[96];
    uint64_t now = clock_now_ns();
    if (key == 0)
        ;                                /* just show the prompt */
    else if (key >= '0' && key <= '9') { /* a digit never leaves the prompt to step a worker */
        if (a->pick <= PS_MAX_WORKERS)
            a->pick = a->pick * 10 + (key - '0');
    } else if ((key == KEY_BACKSPACE || key == TUI_KEY_DEL || key == TUI_KEY_BS) && a->pick)
        a->pick /= 10;
    else if (key == '\n' || key == '\r' || key == KEY_ENTER) {
        a->picking = 0;
        a->ui.msg_until = now;
        if (a->pick >= 1 && a->pick <= a->m->layout.workers)
            do_step(a, a->pick);
        else
            say(a, "no such worker");
        return 1;
    } else {
        /* Esc or any other key cancels the prompt and does nothing else: a
         * 'q' typed instead of a digit must not quit the lecture */
        a->picking = 0;
        say(a, "step cancelled");
        return 1;
    }
    snprintf(msg, sizeof msg, "step worker: %.0d_  (1..%d, Enter steps, Esc cancels)", a->pick,
             a->m->layout.workers);
    say(a, msg);
    a->ui.msg_until = now + TUI_PROMPT_NS; /* stays until Enter or Esc */
    return 1;
}

/* Moves a replay to 'seq' events folded (clamped to the recording). */
static void seek_to(tui_app *a, int64_t seq)
{
    uint64_t n = a->s->ops->length(a->s);
    uint64_t to = seq < 0 ? 0 : (uint64_t)seq > n ? n : (uint64_t)seq;
    if (a->s->ops->seek(a->s, to, a->m) != 0) {
        /* the model was freed: nothing left to draw; said after curses */
        fprintf(a->msgs, "poolscope: cannot seek to event %llu: out of memory\n",
                (unsigned long long)to);
        a->out_failed = 1;
        a->quit = 1;
        return;
    }
    /* the model holds what the events said (checkpoints cover it); the
     * arrows that fired before are long past: only the last stays lit */
    tui_ui_reset(&a->ui);
    tui_ui_sync(&a->ui, a->m, 1);
    tui_app_keys(a, 0);
    a->finished = a->s->ops->finished(a->s);
}

static int64_t jump(const tui_app *a)
{
    int64_t n = (int64_t)a->s->ops->length(a->s) / 20;
    return n < 1 ? 1 : n;
}

/* An operation a lecturer steps to: a goroutine's event other than a wait
 * at a step point (AT) or a text chunk; the controller's are none. */
static int is_operation(const ps_event *e)
{
    return e->actor != PS_ACTOR_CTL && e->kind < EV_CTL_PAUSE && e->kind != EV_AT &&
           e->kind != EV_TEXT;
}

/* The position that shows the next (dir > 0) or the previous operation as
 * the newest: one past that operation's event; -1 if there is none. */
static int64_t line_pos(const tui_app *a, int dir)
{
    const replay_data *d = session_replay_data(a->s);
    int64_t pos = (int64_t)a->m->events;
    if (!d)
        return -1;
    if (dir > 0) {
        for (uint64_t i = (uint64_t)pos; i < d->n; i++)
            if (is_operation(&d->events[i]))
                return (int64_t)i + 1;
        return -1;
    }
    for (int64_t i = pos - 2; i >= 0; i--)
        if (is_operation(&d->events[i]))
            return i + 1;
    return -1;
}

/* '{' '}': operation by operation, held there (step mode) so the class
 * can read it. */
static void seek_line(tui_app *a, int dir)
{
    int64_t to = line_pos(a, dir);
    if (a->v.mode != PACER_STEP)
        a->s->ops->set_mode(a->s, PACER_STEP);
    if (to < 0) {
        say(a, dir > 0 ? "no operation after this one" : "no operation before this one");
        return;
    }
    seek_to(a, to);
}

/* The seek keys (tui_act let them through: the session can seek). */
static void act_seek(tui_app *a, tui_action act)
{
    int64_t pos = (int64_t)a->m->events;
    switch (act) {
    case TA_BACK:
        /* one event back is a step backwards: stay in step mode there */
        if (a->v.mode != PACER_STEP)
            a->s->ops->set_mode(a->s, PACER_STEP);
        if (pos == 0)
            say(a, "at the first event");
        seek_to(a, pos - 1);
        break;
    case TA_JUMP_BACK:
        seek_to(a, pos - jump(a));
        break;
    case TA_JUMP_FWD:
        seek_to(a, pos + jump(a));
        break;
    case TA_START:
        seek_to(a, 0);
        break;
    case TA_LINE_BACK:
    case TA_LINE_FWD:
        seek_line(a, act == TA_LINE_FWD ? 1 : -1);
        break;
    default:
        seek_to(a, (int64_t)a->s->ops->length(a->s));
        break;
    }
}

static void do_restart(tui_app *a)
{
    /* a restart of real threads numbers events from 0 again: the recording
     * and the exports start over with it (they hold the run since the
     * last r) */
    int outputs = a->out_open;
    if (outputs)
        tui_out_close(a);
    if (a->s->ops->restart(a->s, a->m) != 0) {
        /* no run to show any more: leave the screen and say why (exit 1),
         * rather than show "the run is over" and exit 0 */
        fprintf(a->msgs, "poolscope: restart failed: the scenario's threads could not be "
                         "started (out of memory or threads?)\n");
        a->failed = 1;
        a->quit = 1;
        return;
    }
    if (outputs)
        tui_out_open(a);
    tui_ui_reset(&a->ui);
    a->t0 = clock_now_ns();
    a->finished = 0;
}

static void toggle_mode(tui_app *a, pacer_mode other)
{
    if (a->finished) {
        say_over(a);
        return;
    }
    a->s->ops->set_mode(a->s, a->v.mode == other ? PACER_RUN : other);
}

/* By a lane, or a row of cells in the compact form; never past the last
 * page, so the first key back moves the screen. */
static void scroll_lanes(tui_app *a, int by)
{
    tui_layout l;
    int rows, cols, n = a->m->layout.workers;
    getmaxyx(stdscr, rows, cols);
    tui_layout_compute(&l, rows, cols, a->m);
    int c = l.lane_cols > 0 ? l.lane_cols : 1, last = n - l.lanes_shown;
    last = last < 0 ? 0 : (last + c - 1) / c * c;
    int s = a->ui.lane_scroll - a->ui.lane_scroll % c + by * c;
    a->ui.lane_scroll = s < 0 ? 0 : s > last ? last : s;
}

void tui_act(tui_app *a, const tui_key *k, int key)
{
    const char *why = tui_key_refusal(k, session_caps(a->s));
    if (why) {
        say(a, why);
        return;
    }
    /* a mode change or a restart makes the footer's message about the old
     * state stale ("W1 cannot step: ..." after a resume) */
    if (k->action == TA_PAUSE || k->action == TA_STEP_MODE || k->action == TA_RESTART)
        a->ui.msg_until = clock_now_ns();
    switch (k->action) {
    case TA_PAUSE:
        toggle_mode(a, a->v.mode == PACER_STEP ? PACER_STEP : PACER_PAUSE);
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
    case TA_STEP_OP:
        do_step_op(a);
        break;
    case TA_STEP_PICK:
        a->picking = 1;
        a->pick = 0;
        tui_pick_key(a, 0);
        break;
    case TA_STEP_MODE:
        toggle_mode(a, PACER_STEP);
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
        tui_switch_open(a);
        break;
    case TA_SCROLL_UP:
    case TA_SCROLL_DOWN:
        scroll_lanes(a, k->action == TA_SCROLL_UP ? -1 : 1);
        break;
    case TA_HELP:
        a->ui.help = !a->ui.help;
        break;
    case TA_QUIT:
        a->quit = 1;
        break;
    case TA_BACK:
    case TA_JUMP_BACK:
    case TA_JUMP_FWD:
    case TA_START:
    case TA_END:
    case TA_LINE_BACK:
    case TA_LINE_FWD:
        act_seek(a, k->action);
        break;
    default:
        break;
    }
}
