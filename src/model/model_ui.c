#include "model_ui.h"

#include <string.h>

void model_ui_init(model_ui *u)
{
    memset(u, 0, sizeof(*u));
    u->last_arrow = -1;
    u->code_last = -1;
}

/* A thread stands on the line of its last event the scenario file maps (an
 * unmapped event, such as a load before the line that prints it, leaves it
 * where it was); a thread that exits leaves the listing. */
static void apply_code(model_ui *u, const scenario_text *t, const ps_event *e)
{
    if (e->actor >= PS_MAX_ACTORS || e->kind >= EV_CTL_PAUSE)
        return;
    if (e->line || (e->kind == EV_THREAD_EXIT && !t)) { /* a Go program's: its own line */
        u->code_at[e->actor] = e->kind == EV_THREAD_EXIT ? 0 : (int32_t)e->line;
        u->code_last = e->actor;
        return;
    }
    if (!t)
        return;
    int line = scentext_line(t, e->kind, e->actor, e->kind == EV_SAY ? (int)e->obj : -1);
    if (line > 0)
        u->code_at[e->actor] = line;
    else if (e->kind == EV_THREAD_EXIT)
        u->code_at[e->actor] = 0;
    else
        return;
    u->code_last = e->actor;
}

int model_ui_arrow(const ps_layout *l, const ps_event *e)
{
    int jq = l->job_queue;
    int worker = e->actor != PS_ACTOR_MAIN && e->actor < PS_ACTOR_CTL;
    switch (e->kind) {
    case EV_THREAD_START:
        return worker ? MODEL_AR_INIT : -1;
    case EV_Q_SEND:
        return jq >= 0 && (int)e->obj == jq && !worker ? MODEL_AR_ADD : -1;
    case EV_Q_RECV:
        return jq >= 0 && (int)e->obj == jq && worker ? MODEL_AR_DISPATCH : -1;
    case EV_JOB_STARTED:
        return MODEL_AR_GET;
    case EV_JOB_FINISHED:
        return MODEL_AR_DONE;
    default:
        return -1;
    }
}

void model_ui_apply(model_ui *u, const ps_layout *l, const scenario_text *t, const ps_event *e)
{
    if (e->kind == EV_SCENARIO_START)
        u->jobs_total = e->value;
    apply_code(u, t, e);
    int a = model_ui_arrow(l, e);
    if (a < 0)
        return;
    u->fired[a]++;
    u->fired_vt[a] = e->vt_ns;
    u->last_arrow = a;
}
