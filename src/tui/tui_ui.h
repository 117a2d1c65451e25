/* tui_ui.h - the view's own state (no curses): help shown, lane scroll, which
 * diagram arrows fired lately, the status message.  Folded from events next
 * to the model, so a frame is a pure function of (model, pacer view, ui). */
#ifndef PS_TUI_UI_H
#define PS_TUI_UI_H

#include <stdint.h>

#include "bus/event.h"
#include "model/model.h"
#include "scen/scenfile.h"

/* The diagram's transitions, named as in the lecture's mermaid diagram. */
typedef enum tui_arrow {
    TUI_AR_INIT = 0, /* Create Workers -> Idle: "Initialize Workers" */
    TUI_AR_ADD,      /* Submit Jobs -> Job Queue: "Add Jobs" */
    TUI_AR_DISPATCH, /* Job Queue -> Idle: "Dispatch Job" */
    TUI_AR_GET,      /* Idle -> Working: "Get Job from Queue" */
    TUI_AR_DONE,     /* Working -> Idle: "Job Complete" */
    TUI_AR_COUNT
} tui_arrow;

#define TUI_FLASH_NS 450000000u /* how long an arrow stays lit after it fired */
#define TUI_MSG_NS 3000000000u  /* how long a status message stays (tui_ui_say) */

typedef struct tui_ui {
    int help;                     /* the '?' overlay is shown */
    int lane_scroll;              /* first worker lane shown */
    uint64_t fired[TUI_AR_COUNT]; /* real ns an arrow last fired (0: never) */
    int last_arrow;               /* the arrow fired last, or -1: stays lit while stopped */
    int64_t jobs_total;           /* from scenario-start: jobs main will submit */
    char msg[160];                /* status line message */
    uint64_t msg_until;
    /* The code panel: shown or not, the listing (NULL: none), and the code
     * line each thread stands on (0: none), from its last mapped event. */
    int code;
    const scenario_text *text;
    uint8_t code_at[PS_MAX_ACTORS];
    int code_last;                   /* the thread that moved on the listing last, or -1 */
    const struct tui_picker *picker; /* the scenario picker overlay (NULL: none) */
} tui_ui;

void tui_ui_init(tui_ui *u);
/* After a restart or a seek: forgets what events folded, keeps what the user
 * set (help, lane scroll, code panel, its listing, the picker). */
void tui_ui_reset(tui_ui *u);
/* Notes which arrow (if any) e makes fire, at real time now_ns, and where
 * e's thread stands in the listing. */
void tui_ui_note(tui_ui *u, const model *m, const ps_event *e, uint64_t now_ns);
/* 1 while arrow a is lit at now_ns (always the last one when 'stopped'). */
int tui_ui_lit(const tui_ui *u, int a, uint64_t now_ns, int stopped);
void tui_ui_say(tui_ui *u, uint64_t now_ns, const char *msg);
/* After a replay jumped to 'seq' events of 'events': what the events before
 * seq would have noted (the job total, the last arrow), as long past. */
void tui_ui_seeked(tui_ui *u, const model *m, const ps_event *events, uint64_t seq);

#endif
