#include "run_signals.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

void run_signals_ui(sigset_t *set)
{
    sigemptyset(set);
    /* stop signals: the screen's handler wakes its loop through a pipe, the
     * loop ends the run; in a goroutine's thread they would only interrupt its
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

int run_signals_test_fault(void)
{
    static const struct {
        const char *name;
        int sig;
    } faults[] = {
        {"SEGV", SIGSEGV}, {"BUS", SIGBUS}, {"FPE", SIGFPE}, {"ILL", SIGILL}, {"ABRT", SIGABRT}};
    const char *v = getenv("POOLSCOPE_TEST_FAULT");
    for (size_t i = 0; v && i < sizeof faults / sizeof faults[0]; i++)
        if (!strcmp(v, faults[i].name))
            return faults[i].sig;
    return 0;
}

/* no_sanitize: UBSan would report the division and go on instead of faulting */
__attribute__((no_sanitize("undefined"))) static int divide(int a, volatile int *b)
{
    return a / *b;
}

void run_signals_fault(int sig)
{
    volatile char sink = 0;
    if (sig == SIGSEGV) {
        /* a page with no access rights: a read of it is a real SEGV_ACCERR */
        char *p = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
        if (p != MAP_FAILED)
            sink = *(volatile char *)p;
    } else if (sig == SIGBUS) {
        /* a mapping beyond the end of an empty file: a read is BUS_ADRERR */
        FILE *f = tmpfile();
        char *p = f ? mmap(NULL, 4096, PROT_READ, MAP_SHARED, fileno(f), 0) : MAP_FAILED;
        if (p != MAP_FAILED)
            sink = *(volatile char *)p;
    } else if (sig == SIGFPE) {
        volatile int zero = 0;
        sink = (char)divide(1, &zero);
    } else if (sig == SIGABRT) {
        abort();
    }
#if defined(__x86_64__) || defined(__i386__)
    if (sig == SIGILL)
        __builtin_trap(); /* ud2: ILL_ILLOPN */
#endif
    (void)sink;
    raise(sig);
}
