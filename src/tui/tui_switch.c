/* tui_switch.c - changing the scenario from the screen: the picker's keys,
 * and what choosing does (stop and join the running threads, start the
 * chosen scenario with its file's parameters on a fresh model and view). */
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
    /* the options' scenario: its file (or a lecturer's own); a recording:
     * the listing its load found, the one its checkpoints folded with */
    *a->text = d ? d->text : a->o->text;
    a->ui.text = a->text;
}

/* A fresh start of the view on the session's scenario. */
static void fresh_view(tui_app *a)
{
    tui_ui_reset(&a->ui);
    a->cell_ns = tui_draw_cell_ns(a->s->params.job_ns);
    a->t0 = clock_now_ns();
    a->finished = 0;
}

/* Starts p on a fresh model; 0, or -1 with *err (then a->s is NULL). */
static int start(tui_app *a, const ps_params *p, const char **err)
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
    model_set_text(a->m, a->text); /* its contents follow the choice */
    return 0;
}

/* The chosen scenario replaces the running one; the recording and the
 * exports start over with it, as on r.  If it cannot start, the one that
 * ran before starts again; if neither can, the program ends saying why. */
/* A Go program chosen in the picker: checked first (a compile error is
 * said in the footer and the running one goes on), then run in place of it. */
static void choose_go(tui_app *a, const tui_pick *it)
{
    char msg[1024];
    const char *o_names[16], *o_values[16];
    const options *o = a->o;
    if (o->record_path || o->trace_path || o->cast_path) {
        say(a, "a Go program cannot be recorded on the screen yet: run it with --headless");
        return;
    }
    for (int i = 0; i < o->nsets; i++)
        o_names[i] = o->sets[i].name, o_values[i] = o->sets[i].value;
    goprog *g = goprog_load(it->go_path, o->nsets, o_names, o_values, msg, sizeof msg);
    if (!g) {
        say(a, msg);
        return;
    }
    tui_out_close(a);
    a->s->ops->destroy(a->s); /* stops and joins every thread */
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
    char msg[160];
    const char *err = "";
    int failed = 0;
    if (it->err[0]) {
        say(a, it->err);
        return;
    }
    if (it->go_path[0]) {
        choose_go(a, it);
        return;
    }
    ps_params old = a->s->params;
    tui_out_close(a);
    a->s->ops->destroy(a->s); /* stops and joins every thread */
    if (start(a, &it->params, &err) == 0) {
        *a->text = it->text;
    } else { /* a->text still holds the one that ran before */
        snprintf(msg, sizeof msg, "cannot start %s: %s", it->params.name, err);
        failed = 1;
        if (start(a, &old, &err) != 0) {
            fprintf(a->msgs, "poolscope: %s\n", err);
            a->out_failed = 1;
            a->quit = 1;
            return;
        }
    }
    fresh_view(a);
    tui_out_open(a);
    if (failed)
        say(a, msg);
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
