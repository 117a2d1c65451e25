/* cast_text.h - a plain-text screen for --export-cast when no front end
 * plugs in its own view (outputs_set_cast_view): the program always plugs
 * in the TUI's (tui/tui_cast.h), so this is the fallback when that view
 * cannot start (a terminal type this system lacks). */
#ifndef PS_CAST_TEXT_H
#define PS_CAST_TEXT_H

#include <stdio.h>

#include "rec/cast_export.h"

/* A cast_view that draws the model as text: clock, threads, queues,
 * counters and the last lecture lines, into t's stream. */
typedef struct cast_text {
    FILE *term;
} cast_text;

cast_view cast_text_view(cast_text *t);

#endif
