#include "tui_ui.h"

#include <stdio.h>
#include <string.h>

void tui_ui_init(tui_ui *u)
{
    memset(u, 0, sizeof(*u));
    u->last_arrow = -1;
}

static int arrow_of(const model *m, const ps_event *e)
{
    int jq = m->layout.job_queue;
    int worker = e->actor != PS_ACTOR_MAIN && e->actor < PS_ACTOR_CTL;
    switch (e->kind) {
    case EV_THREAD_START:
        return worker ? TUI_AR_INIT : -1;
    case EV_Q_SEND:
        return jq >= 0 && (int)e->obj == jq && !worker ? TUI_AR_ADD : -1;
    case EV_Q_RECV:
        return jq >= 0 && (int)e->obj == jq && worker ? TUI_AR_DISPATCH : -1;
    case EV_JOB_STARTED:
        return TUI_AR_GET;
    case EV_JOB_FINISHED:
        return TUI_AR_DONE;
    default:
        return -1;
    }
}

void tui_ui_note(tui_ui *u, const model *m, const ps_event *e, uint64_t now_ns)
{
    if (e->kind == EV_SCENARIO_START)
        u->jobs_total = e->value;
    int a = arrow_of(m, e);
    if (a < 0)
        return;
    u->fired[a] = now_ns ? now_ns : 1;
    u->last_arrow = a;
}

int tui_ui_lit(const tui_ui *u, int a, uint64_t now_ns, int stopped)
{
    if (a < 0 || a >= TUI_AR_COUNT || !u->fired[a])
        return 0;
    if (stopped && a == u->last_arrow)
        return 1;
    return now_ns < u->fired[a] + TUI_FLASH_NS;
}

void tui_ui_say(tui_ui *u, uint64_t now_ns, const char *msg)
{
    snprintf(u->msg, sizeof u->msg, "%s", msg);
    u->msg_until = now_ns + 3000000000u;
}

void tui_ui_seeked(tui_ui *u, const model *m, const ps_event *events, uint64_t seq)
{
    if (seq > 0)
        tui_ui_note(u, m, &events[0], 1);
    for (uint64_t i = seq > MODEL_LOG ? seq - MODEL_LOG : 1; i < seq; i++)
        tui_ui_note(u, m, &events[i], 1);
}
