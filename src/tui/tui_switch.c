/* tui_switch.c - changing the program from the screen: the picker's keys,
 * and what choosing does (check the chosen program, stop and join the
 * running threads, start it with the --set values on a fresh model and
 * view; the recording and exports start over with it). */
#include <stdio.h>
#include <string.h>

#include "sync/clock.h"
#include "rec/replay.h"
#include "app/gorun.h"
#include "rec/session_go.h"
#include "tui_app.h"
#include "tui_draw.h"

static void say(tui_app *a, const char *msg)
{
    tui_ui_say(&a->ui, clock_now_ns(), msg);
}

void tui_switch_text(tui_app *a)
{
    const goprog *g = session_program(a->s);
    if (g) { /* a Go program: its own source, markers from its events' lines */
        scentext_from_goprog(a->text, g);
        a->ui.text = a->text;
        return;
    }
    const replay_data *d = session_replay_data(a->s);
    /* a recording: the listing its load made, the one its checkpoints
     * folded with */
    if (d)
        *a->text = d->text;
    else
        memset(a->text, 0, sizeof *a->text);
    a->ui.text = a->text;
}

/* A fresh start of the view on the session's scenario. */
static void fresh_view(tui_app *a)
{
    tui_ui_reset(&a->ui);
    a->cell_ns = tui_draw_cell_ns();
    a->t0 = clock_now_ns();
    a->finished = 0;
}

/* A program chosen in the picker: checked first (a compile error is said
 * in the footer and the running one goes on), then run in place of it; the
 * recording and the exports start over with it, as on r. */
static void choose_go(tui_app *a, const tui_pick *it)
{
    char msg[1024];
    const char *o_names[16], *o_values[16];
    const options *o = a->o;
    for (int i = 0; i < o->nsets; i++)
        o_names[i] = o->sets[i].name, o_values[i] = o->sets[i].value;
    goprog *g = goprog_load(it->go_path, o->nsets, o_names, o_values, msg, sizeof msg);
    if (!g) {
        say(a, msg);
        return;
    }
    tui_out_close(a);
    session_go_drop_output(a->s); /* it would be written under the screen */
    a->s->ops->destroy(a->s);     /* stops and joins every thread */
    run_program_opts ro = gorun_opts(o);
    ro.mode = o->start_mode;
    uint64_t seed = o->seed_given ? o->seed : o->start_mode == PACER_STEP ? 0 : clock_now_ns();
    const char *err = NULL;
    a->s = session_go_create(g, it->go_path, &ro, seed, &err);
    if (!a->s || (model_free(a->m), model_init(a->m, &a->s->layout) != 0)) {
        fprintf(a->msgs, "poolscope: %s: %s\n", it->go_path, err ? err : "out of memory");
        a->out_failed = 1;
        a->quit = 1;
        return;
    }
    tui_switch_text(a);
    model_set_text(a->m, a->text);
    a->ui.code = 1;
    fresh_view(a);
    tui_out_open(a);
}

static void choose(tui_app *a, const tui_pick *it)
{
    if (it->err[0])
        say(a, it->err);
    else
        choose_go(a, it);
}

void tui_switch_open(tui_app *a)
{
    if (tui_picker_open(&a->picker, a->s->params.name) != 0)
        say(a, "out of memory");
    else
        a->ui.help = 0;
}

void tui_switch_key(tui_app *a, int key)
{
    if (tui_picker_key(&a->picker, key) == TP_CHOSEN && a->picker.n)
        choose(a, &a->picker.items[a->picker.sel]);
    if (!a->picker.open)
        tui_picker_free(&a->picker); /* the files are read again on the next open */
}
