/* tui.h - the live screen: poolscope without --headless. */
#ifndef PS_TUI_H
#define PS_TUI_H

#include "app/options.h"

/* Runs the scenario of o on the screen until q (or a stop signal).  Returns
 * the exit status: 0, 1 on failure, 2 when no screen can be opened. */
int tui_run(const options *o);

#endif
