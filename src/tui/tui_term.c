#include "tui_term.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "tui_theme.h"

static SCREEN *screen;
static int sig_pipe[2] = {-1, -1};
/* Only the UI thread takes stop signals (the goroutines' threads block them,
 * rt/run_signals.h), so the handler and the loop share a thread. */
static volatile sig_atomic_t stop_signal;
/* What a fatal signal needs to give the terminal back, computed before it is
 * needed because a handler may only write() and tcsetattr().  The handler
 * runs in whichever thread crashed, and the goroutines' threads are started
 * before the screen: these plain variables are written before the release
 * store of term_armed and read only after an acquire load that saw 1. */
static struct termios saved_tio;
static int have_tio;
static char restore_seq[256];
static size_t restore_len;
static int ui_tid;          /* the thread that opened the screen: it restores */
static pthread_t ui_thread; /* the same, for pthread_kill */
static atomic_int term_armed;
/* The first fatal signal, 0 before: the thread whose compare-exchange stores
 * it ends the process (seq_cst: one winner when threads fault at once). */
static atomic_int fatal_sig;
static atomic_int fatal_tid, fatal_from; /* the winner's tid, kill(2)'s sender */
/* Who restores the terminal, so that it is done once (seq_cst, like every
 * access to it: compare-exchanges between the winner and the UI thread). */
enum { RS_NONE, RS_ASKED, RS_RESTORING, RS_DONE };
static atomic_int restore_state;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
/* Every signal whose default action ends the process, but the three above
 * (which stop the run gracefully) and the two ncurses and the job control own
 * (WINCH, TSTP/CONT): the terminal is restored, then the process dies of it
 * as it would have.  Faults first; then the rest a user or the system may
 * send (Ctrl-\ is SIGQUIT).  The real-time signals are handled in a loop. */
static const struct fatal_signal {
    int sig;
    const char *name;
} fatal_signals[] = {
    {.sig = SIGSEGV, .name = "SIGSEGV"},     {.sig = SIGABRT, .name = "SIGABRT"},
    {.sig = SIGBUS, .name = "SIGBUS"},       {.sig = SIGFPE, .name = "SIGFPE"},
    {.sig = SIGILL, .name = "SIGILL"},       {.sig = SIGTRAP, .name = "SIGTRAP"},
    {.sig = SIGSYS, .name = "SIGSYS"},       {.sig = SIGQUIT, .name = "SIGQUIT"},
    {.sig = SIGUSR1, .name = "SIGUSR1"},     {.sig = SIGUSR2, .name = "SIGUSR2"},
    {.sig = SIGALRM, .name = "SIGALRM"},     {.sig = SIGPIPE, .name = "SIGPIPE"},
    {.sig = SIGXCPU, .name = "SIGXCPU"},     {.sig = SIGXFSZ, .name = "SIGXFSZ"},
    {.sig = SIGVTALRM, .name = "SIGVTALRM"}, {.sig = SIGPROF, .name = "SIGPROF"},
    {.sig = SIGIO, .name = "SIGIO"},         {.sig = SIGPWR, .name = "SIGPWR"},
#ifdef SIGSTKFLT
    {.sig = SIGSTKFLT, .name = "SIGSTKFLT"},
#endif
};
#define N_FATAL (sizeof fatal_signals / sizeof fatal_signals[0])

int tui_term_check(char *why, size_t len)
{
    const char *term = getenv("TERM");
    int err = 0;
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
        snprintf(why, len, "standard input and output are not a terminal");
        return -1;
    }
    if (!term || !*term || !strcmp(term, "dumb")) {
        snprintf(why, len, "TERM=%s cannot show the screen", term && *term ? term : "(unset)");
        return -1;
    }
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK) {
        snprintf(why, len, "unknown terminal type '%s'", term);
        return -1;
    }
    int hardcopy = tigetflag("hc") > 0,
        addressable = tigetstr("cup") != NULL && tigetstr("cup") != (char *)-1;
    del_curterm(cur_term);
    if (hardcopy || !addressable) {
        snprintf(why, len, "terminal '%s' cannot move the cursor", term);
        return -1;
    }
    return 0;
}

static void seq_add(const char *cap)
{
    char *s = tigetstr((char *)cap);
    if (!s || s == (char *)-1)
        return;
    size_t n = strlen(s);
    if (restore_len + n < sizeof restore_seq) {
        memcpy(restore_seq + restore_len, s, n);
        restore_len += n;
    }
}

static void on_stop(int sig)
{
    int saved = errno;
    stop_signal = sig;
    if (sig_pipe[1] >= 0) {
        ssize_t r = write(sig_pipe[1], "x", 1);
        (void)r;
    }
    errno = saved;
}

/* Async-signal-safe appends for the crash message (no stdio in a handler). */
static size_t msg_str(char *buf, size_t at, size_t cap, const char *s)
{
    while (*s && at < cap)
        buf[at++] = *s++;
    return at;
}

static size_t msg_num(char *buf, size_t at, size_t cap, long n)
{
    char digits[24];
    size_t k = 0;
    unsigned long u = n < 0 ? 0 : (unsigned long)n;
    do
        digits[k++] = (char)('0' + u % 10);
    while ((u /= 10) && k < sizeof digits);
    while (k && at < cap)
        buf[at++] = digits[--k];
    return at;
}

/* "poolscope: SIGSEGV in a goroutine's thread (tid 1234); terminal restored",
 * with the sender when it came from kill(2): fatal_sig, fatal_tid and
 * fatal_from are stored before restore_state leaves 0 (seq_cst) and read
 * after it did. */
static void fatal_report(void)
{
    char buf[160];
    size_t n = 0, cap = sizeof buf - 1;
    int sig = atomic_load_explicit(&fatal_sig, memory_order_relaxed);
    int tid = atomic_load_explicit(&fatal_tid, memory_order_relaxed);
    int from = atomic_load_explicit(&fatal_from, memory_order_relaxed);
    const char *name = sig >= SIGRTMIN && sig <= SIGRTMAX ? "a real-time signal" : "a signal";
    for (size_t i = 0; i < N_FATAL; i++)
        if (fatal_signals[i].sig == sig)
            name = fatal_signals[i].name;
    n = msg_str(buf, n, cap, "poolscope: ");
    n = msg_str(buf, n, cap, name);
    n = msg_str(buf, n, cap,
                tid == ui_tid ? " in the UI thread (tid " : " in a goroutine's thread (tid ");
    n = msg_num(buf, n, cap, tid);
    n = msg_str(buf, n, cap, ")");
    if (from) {
        n = msg_str(buf, n, cap, ", sent by process ");
        n = msg_num(buf, n, cap, from);
    }
    n = msg_str(buf, n, cap, "; terminal restored\n");
    ssize_t r = write(STDERR_FILENO, buf, n);
    (void)r;
}

/* Claims the restore (restore_state from -> RS_RESTORING) and does it; 0 if
 * another thread has it.  endwin() is not async-signal-safe: write the
 * prepared reset sequence and restore the saved termios. */
static int restore_claim(int from)
{
    if (!atomic_compare_exchange_strong(&restore_state, &from, RS_RESTORING))
        return 0;
    if (restore_len) {
        ssize_t r = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)r;
    }
    if (have_tio)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
    fatal_report();
    atomic_store(&restore_state, RS_DONE);
    return 1;
}

/* Sleeps in steps of 10 ms, at most ms, until the terminal is restored. */
static void restore_wait(int ms)
{
    struct timespec step = {0, 10000000};
    for (int i = 0; i < ms / 10 && atomic_load(&restore_state) != RS_DONE; i++)
        nanosleep(&step, NULL);
}

/* Runs in whichever thread took the signal: a goroutine's thread's fault as well
 * as the UI thread's (run_start never blocks the faults).  One thread wins
 * fatal_sig.  The terminal is restored by the UI thread, interrupted in this
 * handler so that it writes no frame after the reset: a goroutine's thread asks
 * it with pthread_kill and waits.  Then the winner dies of its signal, so the
 * exit status is the signal's and a core shows the faulting thread (like
 * htop's CRT.c).  Every other thread waits in here for that. */
static void on_fatal(int sig, siginfo_t *si, void *uc)
{
    (void)uc;
    int none = 0;
    int tid = (int)syscall(SYS_gettid);
    int armed = atomic_load_explicit(&term_armed, memory_order_acquire);
    if (atomic_compare_exchange_strong(&fatal_sig, &none, sig)) {
        /* relaxed: published by the seq_cst restore_state operations below */
        atomic_store_explicit(&fatal_tid, tid, memory_order_relaxed);
        atomic_store_explicit(&fatal_from, si && si->si_code == SI_USER ? (int)si->si_pid : 0,
                              memory_order_relaxed);
        if (armed && tid != ui_tid) {
            atomic_store(&restore_state, RS_ASKED);
            pthread_kill(ui_thread, sig);
            restore_wait(1000);
            /* the UI thread did not answer (stuck in a fault of its own?) */
            restore_claim(RS_ASKED);
            restore_wait(1000);
        } else if (armed) {
            restore_claim(RS_NONE);
        }
    } else {
        /* The UI thread asked by the winner restores here; any thread then
         * waits for the winner to end the process, and after 2 s (its write
         * stuck on a stopped terminal) dies of its own signal. */
        struct timespec step = {0, 10000000};
        for (int i = 0; i < 200; i++) {
            if (armed && tid == ui_tid)
                restore_claim(RS_ASKED);
            nanosleep(&step, NULL);
        }
    }
    /* The default action, then deliver the signal now: it is blocked while
     * this handler runs, so unblock it rather than wait for the return. */
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    sigaction(sig, &dfl, NULL);
    raise(sig);
    sigset_t only;
    sigemptyset(&only);
    sigaddset(&only, sig);
    pthread_sigmask(SIG_UNBLOCK, &only, NULL);
}

static void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop;
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
        sigaction(stop_signals[i], &sa, NULL);
    /* Every fatal signal is blocked while one is handled: a second fault in
     * the same thread takes the default action instead of re-entering. */
    for (size_t i = 0; i < N_FATAL; i++)
        sigaddset(&sa.sa_mask, fatal_signals[i].sig);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
        sigaddset(&sa.sa_mask, sig);
    sa.sa_sigaction = on_fatal;
    sa.sa_flags = SA_SIGINFO;
    for (size_t i = 0; i < N_FATAL; i++)
        sigaction(fatal_signals[i].sig, &sa, NULL);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++) /* glibc keeps its own below SIGRTMIN */
        sigaction(sig, &sa, NULL);
}

static void signals_restore(void)
{
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
        signal(stop_signals[i], SIG_DFL);
    for (size_t i = 0; i < N_FATAL; i++)
        signal(fatal_signals[i].sig, SIG_DFL);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; sig++)
        signal(sig, SIG_DFL);
}

static int want_color(int color)
{
    const char *nc = getenv("NO_COLOR");
    if (color == 0)
        return 0;
    if (color == 1)
        return 1;
    return !(nc && *nc);
}

int tui_term_open(int color)
{
    setlocale(LC_ALL, "");
    have_tio = tcgetattr(STDIN_FILENO, &saved_tio) == 0;
    if (pipe(sig_pipe) == 0) {
        fcntl(sig_pipe[0], F_SETFL, O_NONBLOCK);
        fcntl(sig_pipe[1], F_SETFL, O_NONBLOCK);
        fcntl(sig_pipe[0], F_SETFD, FD_CLOEXEC);
        fcntl(sig_pipe[1], F_SETFD, FD_CLOEXEC);
    }
    screen = newterm(NULL, stdout, stdin);
    if (!screen)
        return -1;
    restore_len = 0;
    seq_add("sgr0");
    seq_add("cnorm");
    seq_add("rmkx");
    seq_add("rmcup");
    ui_tid = (int)syscall(SYS_gettid);
    ui_thread = pthread_self();
    /* release: the sequence, termios and thread above are complete for a
     * handler in any thread that sees 1 (its acquire load) */
    atomic_store_explicit(&term_armed, 1, memory_order_release);
    signals_install();
    cbreak();
    noecho();
    nonl();
    keypad(stdscr, TRUE);
    nodelay(stdscr, TRUE);
    set_escdelay(25);
    curs_set(0);
    tui_theme_init(want_color(color), tui_locale_utf8());
    return 0;
}

void tui_term_close(void)
{
    if (!screen)
        return;
    endwin();
    signals_restore();
    /* relaxed: a late fault just skips the restore (curses is off already) */
    atomic_store_explicit(&term_armed, 0, memory_order_relaxed);
    delscreen(screen);
    screen = NULL;
    for (int i = 0; i < 2; i++) {
        if (sig_pipe[i] >= 0)
            close(sig_pipe[i]);
        sig_pipe[i] = -1;
    }
}

int tui_term_size_changed(void)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
        return 0;
    if (ws.ws_row == LINES && ws.ws_col == COLS)
        return 0;
    resizeterm(ws.ws_row, ws.ws_col);
    return 1;
}

int tui_term_size(int *cols, int *rows)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) != 0 || !ws.ws_row || !ws.ws_col)
        return -1;
    *cols = ws.ws_col;
    *rows = ws.ws_row;
    return 0;
}

int tui_term_signal_fd(void)
{
    return sig_pipe[0];
}

int tui_term_stop_signal(void)
{
    return stop_signal;
}

SCREEN *tui_term_screen(void)
{
    return screen;
}
