/* model_ui.h - what the screen shows of the events besides the state they
 * leave: which diagram arrow each event fires (model.c decides), and the
 * code line each goroutine stands on.  model_apply folds it
 * beside the rest of the model (model.h: m->ui), so a replay's checkpoints
 * hold it too and a seek lands where a fold from the start would.  Times
 * are the events' virtual ones: a view maps them to its own clock (the
 * screen lights an arrow when it sees it fire, a cast at its event's time).
 */
#ifndef PS_MODEL_UI_H
#define PS_MODEL_UI_H

#include <stdint.h>

#include "bus/event.h"
#include "rt/scenario.h"

/* The diagram's transitions, named as in the lecture's mermaid diagram. */
typedef enum model_arrow {
    MODEL_AR_INIT = 0, /* Create Workers -> Idle: "Initialize Workers" */
    MODEL_AR_ADD,      /* Submit Jobs -> Job Queue: "Add Jobs" */
    MODEL_AR_DISPATCH, /* Job Queue -> Idle: "Dispatch Job" */
    MODEL_AR_GET,      /* Idle -> Working: "Get Job from Queue" */
    MODEL_AR_DONE,     /* Working -> Idle: "Job Complete" */
    MODEL_AR_COUNT
} model_arrow;

typedef struct model_ui {
    uint64_t fired[MODEL_AR_COUNT];    /* how often each arrow fired */
    uint64_t fired_vt[MODEL_AR_COUNT]; /* virtual ns it fired last */
    int last_arrow;                    /* the arrow fired last, or -1 */
    int32_t code_at[PS_MAX_ACTORS];    /* each thread's code line, 0: none */
    int code_last;                     /* the thread that moved on the listing last, or -1 */
} model_ui;

void model_ui_init(model_ui *u);
/* Folds e: each goroutine's code line (its events carry it). */
void model_ui_apply(model_ui *u, const ps_event *e);
/* Arrow a (MODEL_AR_*, or -1: none) fired at virtual instant vt. */
void model_ui_fire(model_ui *u, int a, uint64_t vt);

#endif
