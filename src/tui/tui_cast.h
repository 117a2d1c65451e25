/* tui_cast.h - --export-cast through the real screen: a cast_view whose
 * terminal is an ncurses screen of its own (newterm on a file) and whose
 * frames are tui_draw(), so a cast looks exactly like the live screen. */
#ifndef PS_TUI_CAST_H
#define PS_TUI_CAST_H

#include "app/outputs.h"

/* A terminfo without `rep` (xterm-256color has it): libvterm and the
 * asciinema players replay every byte it emits. */
#define TUI_CAST_TERM "screen-256color"

/* For outputs_set_cast_view. */
extern const outputs_cast_maker tui_cast_maker;

#endif
