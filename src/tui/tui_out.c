/* tui_out.c - --record and the exports from the live screen: the same
 * outputs_* hooks headless calls, fed from the UI thread.  A failing output
 * must not write to the terminal while curses owns it, so outputs print to
 * a memory stream; each new line becomes the footer message (a recording
 * that stopped reads "recording stopped: ...") and the whole text goes to
 * stderr once the terminal is restored. */
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "sync/clock.h"
#include "tui_app.h"
#include "tui_term.h"

#define TUI_OUT_MSG_NS 10000000000u /* a failed output stays in the footer 10 s */

int tui_out_init(tui_app *a)
{
    a->msgs = open_memstream(&a->msg_buf, &a->msg_len);
    return a->msgs ? 0 : -1;
}

/* "poolscope: recording to F stopped after N events: R; the run goes on..."
 * becomes "recording stopped: F: R (after N events)". */
static void footer_text(const char *line, char *out, size_t len)
{
    char s[512];
    const char *p = strncmp(line, "poolscope: ", 11) ? line : line + 11;
    snprintf(s, sizeof s, "%s", p);
    char *cut = strstr(s, "; the run goes on");
    if (cut)
        *cut = 0;
    char *after = strstr(s, " stopped after "), *why = after ? strstr(after, ": ") : NULL;
    if (!strncmp(s, "recording to ", 13) && after && why) {
        *after = 0;
        *why = 0;
        snprintf(out, len, "recording stopped: %.80s: %.60s (after %.30s)", s + 13, why + 2,
                 after + 15);
    } else if (!strncmp(s, "cannot record", 13)) {
        snprintf(out, len, "recording stopped: %.140s", s);
    } else {
        snprintf(out, len, "%.158s", s);
    }
}

/* New lines in the message stream: the last one goes to the footer. */
static void take_messages(tui_app *a)
{
    char line[512], text[256];
    fflush(a->msgs);
    if (a->msg_len <= a->msg_seen)
        return;
    size_t end = a->msg_len;
    while (end > a->msg_seen && a->msg_buf[end - 1] == '\n')
        end--;
    size_t start = end;
    while (start > a->msg_seen && a->msg_buf[start - 1] != '\n')
        start--;
    snprintf(line, sizeof line, "%.*s", (int)(end - start), a->msg_buf + start);
    a->msg_seen = a->msg_len;
    footer_text(line, text, sizeof text);
    uint64_t now = clock_now_ns();
    tui_ui_say(&a->ui, now, text);
    a->ui.msg_until = now + TUI_OUT_MSG_NS;
    a->dirty = 1;
}

static void rec_state(tui_app *a)
{
    if (!a->o->record_path)
        a->rec = 0;
    else
        a->rec = a->out.rec && !record_error(a->out.rec) ? 1 : -1;
}

void tui_out_open(tui_app *a)
{
    int cols = 0, rows = 0;
    if (tui_term_size(&cols, &rows) != 0)
        cols = rows = 0;
    outputs_open(&a->out, a->o, a->s, cols, rows, a->msgs);
    a->out_open = 1;
    a->out_failed |= a->out.failed;
    rec_state(a);
    take_messages(a);
}

void tui_out_event(tui_app *a, const ps_event *e)
{
    if (!a->out_open)
        return;
    outputs_event(&a->out, e);
    if (a->out.failed) {
        a->out_failed = 1;
        rec_state(a);
        take_messages(a);
    }
}

/* The name a key is recorded by: its character, or the key table's
 * name for the keys that are not one ("space", "Right"). */
static const char *out_key_name(const tui_key *k, int key, char buf[16])
{
    static const struct {
        int key;
        const char *name;
    } named[] = {{' ', "space"},       {'\n', "Enter"},       {'\r', "Enter"},
                 {KEY_ENTER, "Enter"}, {KEY_RIGHT, "Right"},  {KEY_LEFT, "Left"},
                 {KEY_UP, "Up"},       {KEY_DOWN, "Down"},    {KEY_HOME, "Home"},
                 {KEY_END, "End"},     {KEY_PPAGE, "PgUp"},   {KEY_NPAGE, "PgDn"},
                 {TUI_KEY_ESC, "Esc"}, {KEY_BACKSPACE, "BS"}, {TUI_KEY_DEL, "BS"}};
    for (size_t i = 0; i < sizeof named / sizeof named[0]; i++)
        if (key == named[i].key)
            return named[i].name;
    if (key > ' ' && key <= '~') {
        buf[0] = (char)key;
        buf[1] = 0;
        return buf;
    }
    if (k && k->name && !strchr(k->name, ' ') && strlen(k->name) < 16)
        return k->name;
    snprintf(buf, 16, "key%d", key);
    return buf;
}

void tui_out_key(tui_app *a, const tui_key *k, int key)
{
    char buf[16];
    if (!a->out_open)
        return;
    outputs_key(&a->out, out_key_name(k, key, buf));
}

void tui_out_screen(tui_app *a, int cols, int rows)
{
    if (a->out_open)
        outputs_screen(&a->out, cols, rows);
}

void tui_out_tick(tui_app *a)
{
    if (!a->out_open)
        return;
    outputs_tick(&a->out);
    a->out_failed |= a->out.failed;
    rec_state(a);
    take_messages(a);
}

void tui_out_close(tui_app *a)
{
    if (!a->out_open)
        return;
    a->out_failed |= outputs_close(&a->out) != 0;
    a->out_open = 0;
    take_messages(a);
}

int tui_out_recording(const tui_app *a)
{
    return a->out_open && a->rec > 0;
}

void tui_out_finish(tui_app *a)
{
    if (!a->msgs)
        return;
    fclose(a->msgs);
    if (a->msg_len)
        fwrite(a->msg_buf, 1, a->msg_len, stderr);
    free(a->msg_buf);
    a->msgs = NULL;
    a->msg_buf = NULL;
}
