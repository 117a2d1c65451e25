/* run_signals.h - which signals the scenario threads leave to the UI thread.
 *
 * run_start blocks exactly run_signals_ui() in every scenario thread, so
 * those asynchronous signals reach the controller thread, where the screen's
 * handlers (and ncurses') belong.  The synchronous faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
 * SIGABRT, SIGTRAP, SIGSYS) are never in the set: Linux turns a blocked fault
 * into its default action, so a handler could never give the terminal back
 * after a crash in a scenario thread.
 */
#ifndef PS_RUN_SIGNALS_H
#define PS_RUN_SIGNALS_H

#include <signal.h>

/* Fills set with the signals the UI thread owns (see run_signals.c for why
 * each one). */
void run_signals_ui(sigset_t *set);

#endif
