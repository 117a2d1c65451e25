#include "run_signals.h"

void run_signals_ui(sigset_t *set)
{
    sigemptyset(set);
    /* stop signals: the screen's handler wakes its loop through a pipe, the
     * loop ends the run; in a scenario thread they would only interrupt its
     * futex waits and leave the loop's poll asleep */
    sigaddset(set, SIGHUP);
    sigaddset(set, SIGINT);
    sigaddset(set, SIGTERM);
    /* ^\ from the terminal: whatever becomes of it is the UI thread's to decide */
    sigaddset(set, SIGQUIT);
    /* ncurses' resize handler must interrupt the UI thread's poll, or the new
     * size is drawn only at the next timeout */
    sigaddset(set, SIGWINCH);
    /* job control: ncurses' SIGTSTP handler calls endwin and, after SIGCONT,
     * redraws; curses may run only in the UI thread */
    sigaddset(set, SIGTSTP);
    sigaddset(set, SIGCONT);
    sigaddset(set, SIGTTIN);
    sigaddset(set, SIGTTOU);
    /* only the controller writes (recordings, traces, casts); a scenario
     * thread that ever wrote to a closed pipe gets EPIPE, not a dead screen */
    sigaddset(set, SIGPIPE);
}
