/* tui_theme.h - every attribute and glyph the screen uses, by role.
 *
 * 8 colours by design; with no colour (NO_COLOR, --color=never, vt100) each
 * role still reads by text and attribute (bold, reverse, underline), so no
 * meaning rests on a colour alone.  Glyphs are Unicode in a UTF-8 locale,
 * plain ASCII otherwise. */
#ifndef PS_TUI_THEME_H
#define PS_TUI_THEME_H

#include <curses.h>

typedef enum tui_role {
    TR_NORMAL = 0,
    TR_HEADER,      /* the top bar */
    TR_HEADER_NAME, /* "poolscope" in the top bar */
    TR_MODE_RUN,
    TR_MODE_PAUSE,
    TR_MODE_STEP,
    TR_MODE_DONE,
    TR_BOX,       /* diagram box borders */
    TR_BOX_TITLE, /* state names */
    TR_ARROW,     /* transitions at rest */
    TR_ARROW_HOT, /* a transition that just fired */
    TR_TOK_IDLE,
    TR_TOK_WORK,
    TR_TOK_BLOCKED,
    TR_TOK_DONE,
    TR_TOK_MAIN,
    TR_GAUGE, /* filled part of a gauge / progress bar */
    TR_GAUGE_EMPTY,
    TR_RULE, /* section rules and their titles */
    TR_DIM,  /* secondary text (never the only carrier of meaning) */
    TR_WARN, /* lost updates, errors, closed */
    TR_OK,
    TR_KEY,       /* footer: the key */
    TR_KEY_LABEL, /* footer: what it does */
    TR_READY,     /* step mode: a ready thread / the next one */
    TR_CODE_HOT,  /* a code line a thread stands on */
    TR_SELECTED,  /* the highlighted entry of a list (the scenario picker) */
    TR_COUNT
} tui_role;

typedef enum tui_glyph {
    TG_ARROW_R = 0,
    TG_ARROW_L,
    TG_ARROW_D,
    TG_BLOCK_FULL,  /* progress / gauge filled */
    TG_BLOCK_EMPTY, /* progress / gauge empty */
    TG_GANTT_WORK,
    TG_GANTT_IDLE,
    TG_GANTT_BLOCKED,
    TG_GANTT_DONE,
    TG_DONE_MARK,
    TG_FAIL_MARK,   /* an errgroup function returned an error */
    TG_CANCEL_MARK, /* its group's context cancelled it */
    TG_READY,
    TG_NEXT,
    TG_BLOCKED,
    TG_DOT,
    TG_COUNT
} tui_glyph;

/* Chooses colours (on: 1) and glyphs (utf8: 1); call after initscr/newterm
 * when colour is wanted (start_color is called here). */
void tui_theme_init(int color, int utf8);
int tui_theme_color(void);
int tui_theme_utf8(void);
attr_t tui_attr(tui_role r);
const char *tui_glyph_str(tui_glyph g);
/* Sparkline level 0..7 as a glyph. */
const char *tui_spark(int level);
/* 1 if the current locale speaks UTF-8. */
int tui_locale_utf8(void);

#endif
