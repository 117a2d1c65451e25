/* run_signals.h - which signals the goroutines' threads leave to the UI thread.
 *
 * Every goroutine's thread is made with exactly run_signals_ui() blocked, so
 * those asynchronous signals reach the controller thread, where the screen's
 * handlers (and ncurses') belong.  The synchronous faults (SIGSEGV, SIGBUS, SIGFPE, SIGILL,
 * SIGABRT, SIGTRAP, SIGSYS) are never in the set: Linux turns a blocked fault
 * into its default action, so a handler could never give the terminal back
 * after a crash in a goroutine's thread.
 */
#ifndef PS_RUN_SIGNALS_H
#define PS_RUN_SIGNALS_H

#include <signal.h>

/* Fills set with the signals the UI thread owns (see run_signals.c for why
 * each one). */
void run_signals_ui(sigset_t *set);

/* Test-only hook: POOLSCOPE_TEST_FAULT=SEGV|BUS|FPE|ILL|ABRT gives that
 * signal's number (main faults at its first step point, docs/testing.md);
 * unset, empty or anything else gives 0. */
int run_signals_test_fault(void);
/* Makes the calling thread fault with sig the way a bug would: the kernel
 * sends SIGSEGV, SIGBUS and SIGFPE for a bad access or a division by zero
 * (a blocked one then kills the process at once, the bug this hook shows;
 * raise() into a blocked thread would only leave it pending), SIGILL comes
 * from a trap instruction on x86, SIGABRT from abort().  Falls back to
 * raise(sig). */
void run_signals_fault(int sig);

#endif
