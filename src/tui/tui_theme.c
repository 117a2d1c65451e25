#include "tui_theme.h"

#include <langinfo.h>
#include <string.h>

typedef struct role_def {
    short fg, bg; /* -1: terminal default */
    attr_t color; /* attributes with colour */
    attr_t mono;  /* attributes without colour: must carry the meaning */
} role_def;

/* For a projector's washed-out contrast: black text is never bold (bold
 * black is drawn grey on many terminals), nothing that matters is blue on
 * black, and a green background carries white. */
static const role_def roles[TR_COUNT] = {
    [TR_NORMAL] = {-1, -1, A_NORMAL, A_NORMAL},
    [TR_HEADER] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [TR_HEADER_NAME] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE | A_BOLD},
    [TR_MODE_RUN] = {COLOR_WHITE, COLOR_GREEN, A_BOLD, A_BOLD},
    [TR_MODE_PAUSE] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_BOLD | A_UNDERLINE},
    [TR_MODE_STEP] = {COLOR_WHITE, COLOR_MAGENTA, A_BOLD, A_BOLD | A_UNDERLINE},
    [TR_MODE_DONE] = {COLOR_WHITE, COLOR_BLUE, A_BOLD, A_BOLD},
    [TR_BOX] = {COLOR_CYAN, -1, A_NORMAL, A_NORMAL},
    [TR_BOX_TITLE] = {COLOR_WHITE, -1, A_BOLD, A_BOLD},
    [TR_ARROW] = {COLOR_WHITE, -1, A_NORMAL, A_NORMAL},
    [TR_ARROW_HOT] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TR_TOK_IDLE] = {COLOR_CYAN, -1, A_BOLD, A_NORMAL},
    [TR_TOK_WORK] = {COLOR_WHITE, COLOR_GREEN, A_BOLD, A_REVERSE | A_BOLD},
    [TR_TOK_BLOCKED] = {COLOR_WHITE, COLOR_RED, A_BOLD, A_UNDERLINE | A_BOLD},
    [TR_TOK_DONE] = {COLOR_WHITE, -1, A_NORMAL, A_NORMAL},
    [TR_TOK_MAIN] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE},
    [TR_GAUGE] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [TR_GAUGE_EMPTY] = {COLOR_WHITE, -1, A_NORMAL, A_NORMAL},
    [TR_RULE] = {COLOR_CYAN, -1, A_BOLD, A_BOLD},
    [TR_DIM] = {COLOR_WHITE, -1, A_NORMAL, A_NORMAL},
    [TR_WARN] = {COLOR_RED, -1, A_BOLD, A_BOLD | A_UNDERLINE},
    [TR_OK] = {COLOR_GREEN, -1, A_BOLD, A_BOLD},
    [TR_KEY] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE},
    [TR_KEY_LABEL] = {-1, -1, A_NORMAL, A_NORMAL},
    [TR_READY] = {COLOR_YELLOW, -1, A_BOLD, A_BOLD},
    [TR_CODE_HOT] = {COLOR_BLACK, COLOR_YELLOW, A_NORMAL, A_REVERSE | A_BOLD},
    [TR_SELECTED] = {COLOR_BLACK, COLOR_CYAN, A_NORMAL, A_REVERSE | A_BOLD},
};

static const char *const glyph_utf8[TG_COUNT] = {
    [TG_ARROW_R] = "\u25b6",     [TG_ARROW_L] = "\u25c0",       [TG_ARROW_D] = "\u25bc",
    [TG_BLOCK_FULL] = "\u2588",  [TG_BLOCK_EMPTY] = "\u2591",   [TG_GANTT_WORK] = "\u2588",
    [TG_GANTT_IDLE] = "\u00b7",  [TG_GANTT_BLOCKED] = "\u2592", [TG_GANTT_DONE] = " ",
    [TG_DONE_MARK] = "\u2713",   [TG_READY] = "\u25b8",         [TG_NEXT] = "\u25c6",
    [TG_BLOCKED] = "\u2026",     [TG_DOT] = "\u00b7",           [TG_FAIL_MARK] = "\u2717",
    [TG_CANCEL_MARK] = "\u2298",
};
static const char *const glyph_ascii[TG_COUNT] = {
    [TG_ARROW_R] = ">",     [TG_ARROW_L] = "<",    [TG_ARROW_D] = "v",    [TG_BLOCK_FULL] = "#",
    [TG_BLOCK_EMPTY] = ".", [TG_GANTT_WORK] = "#", [TG_GANTT_IDLE] = ".", [TG_GANTT_BLOCKED] = "=",
    [TG_GANTT_DONE] = " ",  [TG_DONE_MARK] = "+",  [TG_READY] = ">",      [TG_NEXT] = "*",
    [TG_BLOCKED] = "..",    [TG_DOT] = ".",        [TG_FAIL_MARK] = "!",  [TG_CANCEL_MARK] = "~",
};
static const char *const spark_utf8[8] = {"\u2581", "\u2582", "\u2583", "\u2584",
                                          "\u2585", "\u2586", "\u2587", "\u2588"};
static const char *const spark_ascii[8] = {"_", ".", "-", "~", "=", "+", "*", "#"};

static int use_color, use_utf8;

void tui_theme_init(int color, int utf8)
{
    use_utf8 = utf8;
    use_color = color && has_colors();
    if (!use_color)
        return;
    start_color();
    use_default_colors();
    for (int r = 1; r < TR_COUNT; r++)
        init_pair((short)r, roles[r].fg, roles[r].bg);
}

int tui_theme_color(void)
{
    return use_color;
}

int tui_theme_utf8(void)
{
    return use_utf8;
}

attr_t tui_attr(tui_role r)
{
    if (r < 0 || r >= TR_COUNT)
        return A_NORMAL;
    if (!use_color)
        return roles[r].mono;
    return roles[r].color | (r ? (attr_t)COLOR_PAIR(r) : 0);
}

const char *tui_glyph_str(tui_glyph g)
{
    return (use_utf8 ? glyph_utf8 : glyph_ascii)[g];
}

const char *tui_spark(int level)
{
    level = level < 0 ? 0 : level > 7 ? 7 : level;
    return (use_utf8 ? spark_utf8 : spark_ascii)[level];
}

int tui_locale_utf8(void)
{
    const char *cs = nl_langinfo(CODESET);
    return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}
