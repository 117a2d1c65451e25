/* tui_picker.h - the scenario picker: an overlay listing the built-in
 * scenarios (Go programs) and the current directory's .go files with their
 * titles, and the highlighted one's paragraph.  It reads the files each
 * time it opens (a lecturer may have edited one); what choosing does is
 * tui_switch.c's business (stop, join, start anew). */
#ifndef PS_TUI_PICKER_H
#define PS_TUI_PICKER_H

#include <curses.h>

#include "rt/scenario.h"
#include "scen/scenfile.h"

typedef struct tui_pick {
    char go_path[4096]; /* the program (a built-in's or one in the current directory) */
    ps_params params;   /* its file name and title */
    scenario_text text; /* its paragraph and listing */
    char err[256];      /* why it cannot run ("" if it can) */
} tui_pick;

typedef struct tui_picker {
    int open;
    int sel; /* the highlighted entry */
    int n;
    tui_pick *items; /* the built-ins, then the current directory's, each sorted */
} tui_picker;

typedef enum { TP_NONE = 0, TP_CHOSEN, TP_CANCELLED } tui_pick_result;

/* Lists the built-in Go scenarios and the .go files of the current
 * directory, and opens the picker on the entry named current (or the
 * first).  0, or -1 when out of memory. */
int tui_picker_open(tui_picker *p, const char *current);
void tui_picker_free(tui_picker *p);
/* A key while open: Up/k, Down/j move, Home/g and End/G go to either end,
 * Enter chooses (p->sel), Esc, q or p cancels (and closes). */
tui_pick_result tui_picker_key(tui_picker *p, int key);
void tui_draw_picker(WINDOW *w, const tui_picker *p, int rows, int cols);

#endif
