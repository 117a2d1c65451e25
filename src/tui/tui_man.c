/* tui_man.c - writes poolscope.1 from the key table and the --help text, so
 * the man page cannot drift from what the program does.  Run at build time. */
#include <stdio.h>
#include <string.h>

#include "app/options.h"
#include "tui_keys.h"
#include "version.h"

/* roff: a leading dot or quote would be read as a request; backslash escapes. */
static void roff(FILE *f, const char *s)
{
    if (*s == '.' || *s == '\'')
        fputs("\\&", f);
    for (; *s; s++) {
        if (*s == '\\')
            fputs("\\e", f);
        else if (*s == '-')
            fputs("\\-", f);
        else
            fputc(*s, f);
    }
}

static void options_section(FILE *f)
{
    const char *u = options_usage();
    fputs(".SH OPTIONS\n", f);
    /* each "  --opt  text" line of the usage becomes a tagged paragraph */
    for (const char *line = u; *line;) {
        const char *end = strchr(line, '\n');
        size_t n = end ? (size_t)(end - line) : strlen(line);
        char buf[256];
        snprintf(buf, sizeof buf, "%.*s", (int)n, line);
        if (!strncmp(buf, "  -", 3)) {
            char *opt = buf + 2, *sp = strstr(opt, "  ");
            fputs(".TP\n.B ", f);
            if (sp) {
                *sp = 0;
                roff(f, opt);
                fputc('\n', f);
                sp++;
                while (*sp == ' ')
                    sp++;
                roff(f, sp);
            } else {
                roff(f, opt);
            }
            fputc('\n', f);
        }
        line += n + (end != NULL);
    }
}

static void keys_section(FILE *f)
{
    fputs(".SH KEYS\nThe screen reads these keys (the footer shows the main ones, "
          "\\fB?\\fR shows them all):\n",
          f);
    for (int i = 0; i < tui_key_count; i++) {
        fputs(".TP\n.B ", f);
        roff(f, tui_keys[i].name);
        fputc('\n', f);
        roff(f, tui_keys[i].help);
        fputc('\n', f);
    }
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "w") : stdout;
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    fprintf(f, ".TH POOLSCOPE 1 \"\" \"poolscope %s\" \"User Commands\"\n", PS_VERSION);
    fputs(".SH NAME\npoolscope \\- a Go concurrency lecture with real threads, live\n"
          ".SH SYNOPSIS\n.B poolscope\n[\\fIoptions\\fR] [\\fIPROGRAM.go\\fR]\n"
          ".SH DESCRIPTION\n\\fBpoolscope\\fR runs a Go program (one file of package main, "
          "or a built-in scenario of the lecture: \\fB\\-\\-list\\fR; the default is the "
          "lecture's worker pool) with every goroutine a real thread and shows every visible "
          "action live on the screen: the lecture's state diagram with each goroutine "
          "standing in the box of its state, the program's channels, WaitGroups, mutexes and "
          "shared variables by their names, a lane per goroutine with a timeline, the "
          "program's code with each goroutine's marker, and the program's own output.\n"
          ".PP\nWith \\fB\\-\\-record\\fR \\fIFILE\\fR the run is written to FILE as it is shown; "
          "\\fB\\-\\-replay\\fR \\fIFILE\\fR shows it again, with REPLAY in the header and a "
          "position bar, and keys to step, go back and jump (below).\n"
          ".PP\nWith \\fB\\-\\-headless\\fR it runs the program as go run does (its output, "
          "errors and exit status).  Without a "
          "terminal (or with TERM=dumb) the screen is refused with exit status 2.\n",
          f);
    options_section(f);
    keys_section(f);
    fputs(".SH STEP MODE\n\\fB\\-\\-step\\fR, \\fBn\\fR or \\fBs\\fR stop every thread at its "
          "next visible action.  A key then lets exactly one thread take one step: "
          "\\fBn\\fR the one the default rule picks; \\fB1\\fR\\-\\fB9\\fR, \\fBw\\fR "
          "\\fInumber\\fR Enter, or \\fBm\\fR the one named.  The default rule: the thread that "
          "has been ready at a step point longest (ties: main, then the lowest worker "
          "number); if none is, the thread whose timed work ends first.  Stepping a thread "
          "in timed work finishes that work, and the virtual clock jumps to its end.  On "
          "the screen a mark shows each thread ready to step and another the one \\fBn\\fR "
          "moves next; a blocked thread shows what it waits on.  The same start and the "
          "same keys give the same run.\n",
          f);
    fputs(".SH ENVIRONMENT\n.TP\n.B NO_COLOR\nwhen set and not empty, the screen uses no "
          "colour (unless \\fB\\-\\-color=always\\fR); every state stays readable by text "
          "and attributes.\n.TP\n.B TERM\nthe terminal type; \\fBdumb\\fR or an unknown type "
          "refuses the screen.\n"
          ".SH EXIT STATUS\n0 on success, 1 when the run fails, 2 on a usage error or when "
          "no screen can be opened.\n",
          f);
    if (f != stdout)
        fclose(f);
    return 0;
}
