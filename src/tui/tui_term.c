#include "tui_term.h"

#include <curses.h>
#include <errno.h>
#include <fcntl.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "tui_theme.h"

static SCREEN *screen;
static int sig_pipe[2] = {-1, -1};
static volatile sig_atomic_t stop_signal;
static struct termios saved_tio;
static int have_tio;
/* What a fatal signal writes to restore the screen: computed before it is
 * needed, because a signal handler may only write() and tcsetattr(). */
static char restore_seq[256];
static size_t restore_len;

static const int stop_signals[] = {SIGINT, SIGTERM, SIGHUP};
static const int fatal_signals[] = {SIGSEGV, SIGABRT, SIGBUS, SIGFPE, SIGILL};

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

/* endwin() is not async-signal-safe: write the prepared reset sequence and
 * restore the saved termios, then die of the same signal. */
static void on_fatal(int sig)
{
    if (restore_len) {
        ssize_t r = write(STDOUT_FILENO, restore_seq, restore_len);
        (void)r;
    }
    if (have_tio)
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved_tio);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void signals_install(void)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sigemptyset(&sa.sa_mask);
    sa.sa_handler = on_stop;
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
        sigaction(stop_signals[i], &sa, NULL);
    sa.sa_handler = on_fatal;
    sa.sa_flags = SA_RESETHAND;
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        sigaction(fatal_signals[i], &sa, NULL);
}

static void signals_restore(void)
{
    for (size_t i = 0; i < sizeof stop_signals / sizeof stop_signals[0]; i++)
        signal(stop_signals[i], SIG_DFL);
    for (size_t i = 0; i < sizeof fatal_signals / sizeof fatal_signals[0]; i++)
        signal(fatal_signals[i], SIG_DFL);
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
    delscreen(screen);
    screen = NULL;
    restore_len = 0;
    for (int i = 0; i < 2; i++) {
        if (sig_pipe[i] >= 0)
            close(sig_pipe[i]);
        sig_pipe[i] = -1;
    }
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
