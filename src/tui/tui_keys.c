#include "tui_keys.h"

#include <curses.h>

const tui_key tui_keys[] = {
    {' ', ' ', "space", "Pause", "pause or resume every thread", TA_PAUSE, TK_FOOTER},
    {'n', 'n', "n", "Step", "step mode: one step of the next thread by the default rule", TA_STEP,
     TK_FOOTER},
    {KEY_RIGHT, KEY_RIGHT, "Right", "Step", "the same as n", TA_STEP, 0},
    {'1', '9', "1-9", "Worker", "one step of worker 1..9 (when it is ready)", TA_STEP_WORKER, 0},
    {'m', 'm', "m", "Main", "one step of the main goroutine", TA_STEP_MAIN, 0},
    {'s', 's', "s", "StepMode", "step mode on or off (off resumes running)", TA_STEP_MODE,
     TK_FOOTER},
    {'+', '+', "+", "Faster", "double the speed (up to 100x)", TA_FASTER, TK_FOOTER},
    {'=', '=', "=", "Faster", "the same as +", TA_FASTER, 0},
    {'-', '-', "-", "Slower", "halve the speed (down to 0.1x)", TA_SLOWER, TK_FOOTER},
    {'r', 'r', "r", "Restart", "start the scenario again from the beginning", TA_RESTART,
     TK_FOOTER},
    {'c', 'c', "c", "Code", "show or hide the code panel: each thread marked on its line", TA_CODE,
     TK_FOOTER_MORE},
    {'p', 'p', "p", "Scenarios", "choose another scenario (the running threads stop first)",
     TA_PICKER, TK_FOOTER_MORE},
    {KEY_UP, KEY_UP, "Up", "Scroll", "scroll the worker lanes up", TA_SCROLL_UP, 0},
    {KEY_DOWN, KEY_DOWN, "Down", "Scroll", "scroll the worker lanes down", TA_SCROLL_DOWN, 0},
    {'?', '?', "?", "Help", "show or hide this help", TA_HELP, TK_FOOTER},
    {'h', 'h', "h", "Help", "the same as ?", TA_HELP, 0},
    {'q', 'q', "q", "Quit", "stop every thread, restore the terminal and exit", TA_QUIT, TK_FOOTER},
};

const int tui_key_count = (int)(sizeof tui_keys / sizeof tui_keys[0]);

const tui_key *tui_key_find(int key)
{
    for (int i = 0; i < tui_key_count; i++)
        if (key >= tui_keys[i].key && key <= tui_keys[i].key_last)
            return &tui_keys[i];
    return NULL;
}
