#include "tui_ui.h"

#include <stdio.h>
#include <string.h>

void tui_ui_init(tui_ui *u)
{
    memset(u, 0, sizeof(*u));
    u->last_arrow = -1;
    u->code_last = -1;
}

void tui_ui_reset(tui_ui *u)
{
    tui_ui keep = *u;
    tui_ui_init(u);
    u->help = keep.help;
    u->lane_scroll = keep.lane_scroll;
    u->code = keep.code;
    u->text = keep.text;
    u->picker = keep.picker;
}

/* A thread stands on the line of its last event the scenario file maps (an
 * unmapped event, such as a load before the line that prints it, leaves it
 * where it was); a thread that exits leaves the listing. */
static void note_code(tui_ui *u, const ps_event *e)
{
    if (!u->text || e->actor >= PS_MAX_ACTORS || e->kind >= EV_CTL_PAUSE)
        return;
    int line = scentext_line(u->text, e->kind, e->actor, e->kind == EV_SAY ? (int)e->obj : -1);
    if (line > 0)
        u->code_at[e->actor] = (uint8_t)line;
    else if (e->kind == EV_THREAD_EXIT)
        u->code_at[e->actor] = 0;
    else
        return;
    u->code_last = e->actor;
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
    note_code(u, e);
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
    u->msg_until = now_ns + TUI_MSG_NS;
}

/* The code markers as of seq: each thread's last mapped event may lie
 * before the window tui_ui_seeked notes, so look back until every thread is
 * placed (or the start). */
static void seek_code(tui_ui *u, const model *m, const ps_event *events, uint64_t seq)
{
    uint8_t placed[PS_MAX_ACTORS] = {0};
    int left = m->n_actors;
    memset(u->code_at, 0, sizeof u->code_at);
    u->code_last = -1;
    for (uint64_t i = seq; i-- > 0 && left > 0 && u->text;) {
        const ps_event *e = &events[i];
        if (e->actor >= PS_MAX_ACTORS || placed[e->actor] || e->kind >= EV_CTL_PAUSE)
            continue;
        int say = e->kind == EV_SAY ? (int)e->obj : -1;
        int line = scentext_line(u->text, e->kind, e->actor, say);
        if (line <= 0 && e->kind != EV_THREAD_EXIT)
            continue;
        u->code_at[e->actor] = (uint8_t)(line > 0 ? line : 0);
        u->code_last = u->code_last < 0 ? e->actor : u->code_last;
        placed[e->actor] = 1;
        left--;
    }
}

void tui_ui_seeked(tui_ui *u, const model *m, const ps_event *events, uint64_t seq)
{
    if (seq > 0)
        tui_ui_note(u, m, &events[0], 1);
    for (uint64_t i = seq > MODEL_LOG ? seq - MODEL_LOG : 1; i < seq; i++)
        tui_ui_note(u, m, &events[i], 1);
    seek_code(u, m, events, seq);
}
