#include "tui_keys.h"

#include <curses.h>

#include "rec/session.h"

#define TK_BOTH (TK_FOOTER | TK_FOOTER_REPLAY)

/* Table order is footer order.  The replay footer has to fit 80 columns with
 * the seek keys, so it drops StepMode, Faster, Slower and Restart (they stay
 * in the help).  The brief (at most TUI_KEY_BRIEF columns) is the help's
 * two-column form on a small terminal (80x24), where the whole help text
 * does not fit; the one-column form and the man page have it. */
const tui_key tui_keys[] = {
    {' ', ' ', "space", "Pause", "pause or resume every thread (a replay: its clock)", TA_PAUSE,
     TK_BOTH, "pause / resume all threads"},
    {'n', 'n', "n", "Step", "step: the default rule's next thread (replay: one event)", TA_STEP,
     TK_BOTH, "one step (the default rule)"},
    {KEY_RIGHT, KEY_RIGHT, "Right", "Step", "the same as n", TA_STEP, TK_ALIAS, NULL},
    {'.', '.', ".", "Step", "the same as n", TA_STEP, TK_ALIAS, NULL},
    {',', ',', ",", "Back", "replay: one event back (step mode)", TA_BACK,
     TK_FOOTER_REPLAY | TK_REPLAY, "one event back"},
    {KEY_LEFT, KEY_LEFT, "Left", "Back", "the same as ,", TA_BACK, TK_REPLAY | TK_ALIAS, NULL},
    {'[', '[', "[", "-5%", "replay: jump back 5% of the events", TA_JUMP_BACK,
     TK_FOOTER_REPLAY | TK_REPLAY, "jump back 5%"},
    {KEY_PPAGE, KEY_PPAGE, "PgUp", "-5%", "the same as [", TA_JUMP_BACK, TK_REPLAY | TK_ALIAS,
     NULL},
    {']', ']', "]", "+5%", "replay: jump forward 5% of the events", TA_JUMP_FWD,
     TK_FOOTER_REPLAY | TK_REPLAY, "jump forward 5%"},
    {KEY_NPAGE, KEY_NPAGE, "PgDn", "+5%", "the same as ]", TA_JUMP_FWD, TK_REPLAY | TK_ALIAS, NULL},
    {KEY_HOME, KEY_HOME, "Home", "Start", "replay: back to the first event", TA_START,
     TK_FOOTER_REPLAY | TK_REPLAY, "to the first event"},
    {'g', 'g', "g", "Start", "the same as Home", TA_START, TK_REPLAY | TK_ALIAS, NULL},
    {KEY_END, KEY_END, "End", "End", "replay: to the last event", TA_END,
     TK_FOOTER_REPLAY | TK_REPLAY, "to the last event"},
    {'G', 'G', "G", "End", "the same as End", TA_END, TK_REPLAY | TK_ALIAS, NULL},
    {'{', '{', "{", "Op-", "replay: back to the previous operation (step mode)", TA_LINE_BACK,
     TK_REPLAY, "previous operation"},
    {'}', '}', "}", "Op+", "replay: on to the next operation (step mode)", TA_LINE_FWD, TK_REPLAY,
     "next operation"},
    {'1', '9', "1-9", "Worker", "one step of worker 1..9 (a replay: to its next event)",
     TA_STEP_WORKER, 0, "one step of worker 1..9"},
    {'w', 'w', "w", "Worker#", "one step of any worker: w, number, Enter (Esc cancels)",
     TA_STEP_PICK, 0, "step worker N: w N Enter"},
    {'m', 'm', "m", "Main", "one step of the main goroutine (replay: its next event)", TA_STEP_MAIN,
     0, "one step of main"},
    {'o', 'o', "o", "Op", "the goroutine n would move, on to its next operation", TA_STEP_OP,
     TK_LIVE, "on to its next operation"},
    {'s', 's', "s", "StepMode", "step mode on or off (off resumes running)", TA_STEP_MODE,
     TK_FOOTER, "step mode on / off"},
    {'+', '+', "+", "Faster", "double the speed (up to 100x)", TA_FASTER, TK_FOOTER,
     "double the speed"},
    {'=', '=', "=", "Faster", "the same as +", TA_FASTER, TK_ALIAS, NULL},
    {'-', '-', "-", "Slower", "halve the speed (down to 0.1x)", TA_SLOWER, TK_FOOTER,
     "halve the speed"},
    {'r', 'r', "r", "Restart", "start the scenario again from the beginning", TA_RESTART, TK_FOOTER,
     "restart the scenario"},
    {'c', 'c', "c", "Code", "show or hide the code panel (each thread on its line)", TA_CODE,
     TK_FOOTER_MORE, "code panel on / off"},
    {'p', 'p', "p", "Scenarios", "choose another scenario (the running threads stop)", TA_PICKER,
     TK_FOOTER_MORE | TK_LIVE, "choose another scenario"},
    {KEY_UP, KEY_UP, "Up", "Scroll", "scroll the worker lanes up / down", TA_SCROLL_UP, 0,
     "scroll the worker lanes"},
    /* an alias line of its own action: help lists "Up Down" on one line */
    {KEY_DOWN, KEY_DOWN, "Down", "Scroll", "scroll the worker lanes down", TA_SCROLL_DOWN, TK_ALIAS,
     NULL},
    {'?', '?', "?", "Help", "show or hide this help", TA_HELP, TK_BOTH, "this help on / off"},
    {'h', 'h', "h", "Help", "the same as ?", TA_HELP, TK_ALIAS, NULL},
    {'q', 'q', "q", "Quit", "stop every thread, restore the terminal and exit", TA_QUIT, TK_BOTH,
     "quit (every thread stops)"},
};

const int tui_key_count = (int)(sizeof tui_keys / sizeof tui_keys[0]);

const tui_key *tui_key_find(int key)
{
    for (int i = 0; i < tui_key_count; i++)
        if (key >= tui_keys[i].key && key <= tui_keys[i].key_last)
            return &tui_keys[i];
    return NULL;
}

/* What each mode flag asks of the session, and what a key says without it. */
static const struct {
    unsigned flag, needs;
    const char *why;
} gates[] = {
    {.flag = TK_REPLAY,
     .needs = SESSION_SEEK | SESSION_BACK,
     .why = "only a replay can go back or jump: this is a live run (see --replay)"},
    {.flag = TK_LIVE,
     .needs = SESSION_PICK,
     .why = "only a live run can choose another scenario: this is a replay"},
};

const char *tui_key_refusal(const tui_key *k, unsigned caps)
{
    for (size_t i = 0; i < sizeof gates / sizeof gates[0]; i++)
        if ((k->flags & gates[i].flag) && (caps & gates[i].needs) != gates[i].needs)
            return gates[i].why;
    return NULL;
}
