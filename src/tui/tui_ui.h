/* tui_ui.h - the view's own state (no curses): help shown, lane scroll, when
 * each diagram arrow lit on the screen's clock, the status message.  What
 * the events say (which arrow fired last, the job total, each thread's code
 * line) is folded in the model (model/model_ui.h); this only maps the
 * arrows' firings to real time, so a frame is a pure function of (model,
 * pacer view, ui). */
#ifndef PS_TUI_UI_H
#define PS_TUI_UI_H

#include <stdint.h>

#include "model/model.h"
#include "scen/scenfile.h"

#define TUI_FLASH_NS 450000000u /* how long an arrow stays lit after it fired */
#define TUI_MSG_NS 3000000000u  /* how long a status message stays (tui_ui_say) */

typedef struct tui_ui {
    int help;                       /* the '?' overlay is shown */
    int lane_scroll;                /* first worker lane shown */
    uint64_t fired[MODEL_AR_COUNT]; /* real ns an arrow last fired (0: never) */
    uint64_t seen[MODEL_AR_COUNT];  /* its firings (m->ui.fired) at that time */
    char msg[160];                  /* status line message */
    uint64_t msg_until;
    /* The code panel: shown or not, and the listing (NULL: none). */
    int code;
    const scenario_text *text;
    const struct tui_picker *picker; /* the scenario picker overlay (NULL: none) */
} tui_ui;

void tui_ui_init(tui_ui *u);
/* After a restart or a seek: forgets when arrows fired, keeps what the user
 * set (help, lane scroll, code panel, its listing, the picker). */
void tui_ui_reset(tui_ui *u);
/* The arrows m saw fire since the last sync light at real time now_ns.
 * After a reset (a seek, a restart) pass 1: those that fired before are
 * long past, so only the last one stays lit, while stopped. */
void tui_ui_sync(tui_ui *u, const model *m, uint64_t now_ns);
/* 1 while arrow a is lit at now_ns (always m's last one when 'stopped'). */
int tui_ui_lit(const tui_ui *u, const model *m, int a, uint64_t now_ns, int stopped);
void tui_ui_say(tui_ui *u, uint64_t now_ns, const char *msg);

#endif
