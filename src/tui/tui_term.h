/* tui_term.h - all terminal setup and teardown in one place (like htop's
 * CRT.c): the check that a screen is possible, curses start and end, and the
 * signals that must give the terminal back before the process goes. */
#ifndef PS_TUI_TERM_H
#define PS_TUI_TERM_H

#include <stddef.h>

/* 0 if stdin/stdout are a terminal curses can drive; else -1 with a reason
 * (for a message suggesting --headless) in why. */
int tui_term_check(char *why, size_t len);
/* Starts curses on the terminal; color: 0 never, 1 always, 2 auto (NO_COLOR
 * and the terminal decide).  0 on success. */
int tui_term_open(int color);
/* Ends curses and the signal handling; safe to call twice. */
void tui_term_close(void);
/* A file descriptor that becomes readable when SIGINT/SIGTERM/SIGHUP came. */
int tui_term_signal_fd(void);
/* The signal that asked us to stop, or 0. */
int tui_term_stop_signal(void);
/* 1 if the terminal's size (TIOCGWINSZ) is no longer what curses drew for,
 * after telling curses the new size: a SIGWINCH that came before curses
 * could catch it (the window between its size query and its handler, or a
 * detached tmux passing its size on late) is found at the next check. */
int tui_term_size_changed(void);
/* The terminal's size now (also before curses starts): 0, or -1 if it has
 * none (not a terminal). */
int tui_term_size(int *cols, int *rows);
/* The live screen while curses is on, else NULL: a second screen (the cast
 * export's) switches back to it after drawing. */
struct screen *tui_term_screen(void);

#endif
