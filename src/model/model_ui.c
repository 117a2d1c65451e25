#include "model_ui.h"

#include <string.h>

void model_ui_init(model_ui *u)
{
    memset(u, 0, sizeof(*u));
    u->last_arrow = -1;
    u->code_last = -1;
}

/* A goroutine stands on the line of its last event (every event of a Go
 * program carries its line; the controller's none); one that exits leaves
 * the listing. */
void model_ui_apply(model_ui *u, const ps_event *e)
{
    if (e->actor >= PS_MAX_ACTORS || e->kind >= EV_CTL_PAUSE)
        return;
    if (!e->line && e->kind != EV_THREAD_EXIT)
        return;
    u->code_at[e->actor] = e->kind == EV_THREAD_EXIT ? 0 : (int32_t)e->line;
    u->code_last = (int)e->actor;
}

void model_ui_fire(model_ui *u, int a, uint64_t vt)
{
    if (a < 0 || a >= MODEL_AR_COUNT)
        return;
    u->fired[a]++;
    u->fired_vt[a] = vt;
    u->last_arrow = a;
}
