#include "tui_ui.h"

#include <stdio.h>
#include <string.h>

void tui_ui_init(tui_ui *u)
{
    memset(u, 0, sizeof(*u));
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

void tui_ui_sync(tui_ui *u, const model *m, uint64_t now_ns)
{
    for (int a = 0; a < MODEL_AR_COUNT; a++) {
        if (m->ui.fired[a] == u->seen[a])
            continue;
        u->seen[a] = m->ui.fired[a];
        u->fired[a] = now_ns ? now_ns : 1;
    }
}

int tui_ui_lit(const tui_ui *u, const model *m, int a, uint64_t now_ns, int stopped)
{
    if (a < 0 || a >= MODEL_AR_COUNT || !u->fired[a])
        return 0;
    if (stopped && a == m->ui.last_arrow)
        return 1;
    return now_ns < u->fired[a] + TUI_FLASH_NS;
}

void tui_ui_say(tui_ui *u, uint64_t now_ns, const char *msg)
{
    snprintf(u->msg, sizeof u->msg, "%s", msg);
    u->msg_until = now_ns + TUI_MSG_NS;
}
