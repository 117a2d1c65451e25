/* tui_keys.h - the one key table: it feeds the footer, the '?' help overlay,
 * the key dispatch and the generated man page, so they cannot disagree. */
#ifndef PS_TUI_KEYS_H
#define PS_TUI_KEYS_H

typedef enum tui_action {
    TA_NONE = 0,
    TA_PAUSE,       /* space: pause / resume */
    TA_STEP,        /* n, right: one step by the default rule */
    TA_STEP_WORKER, /* 1-9: one step of worker N */
    TA_STEP_MAIN,   /* m: one step of main */
    TA_STEP_MODE,   /* s: step mode on / off */
    TA_FASTER,
    TA_SLOWER,
    TA_RESTART,
    TA_CODE,   /* c: the code panel on / off */
    TA_PICKER, /* p: the scenario picker */
    TA_SCROLL_UP,
    TA_SCROLL_DOWN,
    TA_HELP,
    TA_QUIT,
} tui_action;

#define TK_FOOTER 1u      /* shown in the footer (in table order, as width allows) */
#define TK_FOOTER_MORE 2u /* shown after the TK_FOOTER keys when there is room */

typedef struct tui_key {
    int key, key_last; /* a range of keys (key_last == key for one key) */
    const char *name;  /* as shown: "space", "1-9" */
    const char *label; /* footer: one short word */
    const char *help;  /* help overlay and man page: one line */
    tui_action action;
    unsigned flags;
} tui_key;

extern const tui_key tui_keys[];
extern const int tui_key_count;

/* The entry for a key code, or NULL. */
const tui_key *tui_key_find(int key);

#endif
