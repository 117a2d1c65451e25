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
    TA_STEP_OP,     /* o: the default rule's goroutine on to its next operation */
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
    TA_BACK,      /* replay: one event back */
    TA_JUMP_BACK, /* replay: 5 % of the recording back */
    TA_JUMP_FWD,  /* replay: 5 % forward */
    TA_START,     /* replay: to the first event */
    TA_END,       /* replay: to the last event */
    TA_STEP_PICK, /* w, digits, Enter: one step of worker N (any id) */
    TA_LINE_BACK, /* replay: back to the previous lecture line */
    TA_LINE_FWD,  /* replay: on to the next lecture line */
} tui_action;

#define TK_FOOTER 1u        /* shown in the live footer (in table order, as width allows) */
#define TK_FOOTER_REPLAY 2u /* shown in the replay footer */
#define TK_REPLAY 4u        /* only a replay can do it: it seeks (SESSION_SEEK, SESSION_BACK) */
#define TK_ALIAS 8u         /* another key for the entry above: help lists it on that line */
#define TK_LIVE 32u         /* only a live run can do it: it picks a scenario (SESSION_PICK) */
#define TK_FOOTER_MORE 16u  /* live: shown after the TK_FOOTER keys when there is room */

/* Key codes curses leaves as bytes. */
#define TUI_KEY_ESC 27
#define TUI_KEY_DEL 127 /* Backspace on most terminals */
#define TUI_KEY_BS 8    /* Backspace as Ctrl-H */

typedef struct tui_key {
    int key, key_last; /* a range of keys (key_last == key for one key) */
    const char *name;  /* as shown: "space", "1-9" */
    const char *label; /* footer: one short word */
    const char *help;  /* help overlay and man page: one line */
    tui_action action;
    unsigned flags;
    const char *brief; /* help on a small screen: TUI_KEY_BRIEF columns at most (NULL: an alias) */
} tui_key;

#define TUI_KEY_BRIEF 27

extern const tui_key tui_keys[];
extern const int tui_key_count;

/* The entry for a key code, or NULL. */
const tui_key *tui_key_find(int key);
/* NULL if k works on a session that can do caps (session.h), else why it
 * cannot, for the footer.  The one reading of TK_LIVE and TK_REPLAY: the
 * key dispatch and the help both ask it. */
const char *tui_key_refusal(const tui_key *k, unsigned caps);

#endif
