/* tui_cast.c - the cast view: the real tui_draw() on a private ncurses
 * screen.  ncurses writes to a temporary file (a real descriptor, as it
 * expects); after each frame the new bytes are copied to the cast's stream.
 * The bytes ncurses sends while it starts (alternate screen, keypad) are
 * skipped, so a played cast leaves its last frame on the terminal.
 *
 * The live screen may be on at the same time (the TUI with --export-cast):
 * a frame switches to the cast's screen and back (set_term).  Everything
 * here runs on the one consumer thread. */
#include "tui_cast.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "go/goprog.h"
#include "tui_draw.h"
#include "tui_term.h"
#include "tui_theme.h"

typedef struct tui_cast {
    SCREEN *scr;
    FILE *out, *in; /* ncurses' output (a memory file) and input (/dev/null) */
    FILE *term;     /* the cast's stream */
    off_t taken;    /* bytes of out already copied (or skipped) */
    int lost;       /* a write or read of the frames failed: the cast is not whole */
    tui_ui ui;
    ps_params params;
    const goprog *prog;  /* a Go program's: names, and its code panel */
    scenario_text *text; /* its listing */
    double cast_per_vt;  /* cast ns per virtual ns */
    int cols, rows;      /* the cast's screen */
} tui_cast;

/* A cast screen put aside by a live restart (r closes the cast and opens a
 * new one).  Deleting a second screen while the live one is on leaves the
 * live one deaf to keys (ncurses 6.4), so it is kept for the next cast and
 * deleted once the live screen is gone.  Only the UI thread touches it. */
static struct {
    SCREEN *scr;
    FILE *out, *in;
} spare;

/* Back to the live screen, if there is one. */
static void live_again(void)
{
    SCREEN *live = tui_term_screen();
    if (live)
        set_term(live);
}

/* Without a live screen the locale may be "C": ncursesw needs UTF-8 to
 * draw the glyphs (a cast is UTF-8 anyway). */
static int cast_utf8(void)
{
    if (tui_term_screen())
        return tui_theme_utf8();
    if (!tui_locale_utf8())
        setlocale(LC_CTYPE, "");
    if (!tui_locale_utf8())
        setlocale(LC_CTYPE, "C.UTF-8");
    return tui_locale_utf8();
}

static off_t out_size(const tui_cast *c)
{
    struct stat st;
    fflush(c->out);
    return fstat(fileno(c->out), &st) == 0 ? st.st_size : c->taken;
}

/* ncurses' output: a memory file (memfd), so a full /tmp cannot eat frames
 * (tmpfile() there wrote 14 of 150 frames and said nothing); tmpfile() only
 * where memfd_create is missing. */
static FILE *cast_memfile(void)
{
    int fd = (int)syscall(SYS_memfd_create, "poolscope-cast", 1u /* MFD_CLOEXEC */);
    FILE *f = fd >= 0 ? fdopen(fd, "w+") : NULL;
    if (!f && fd >= 0)
        close(fd);
    return f ? f : tmpfile();
}

/* The private screen, made when the cast is asked for so that a terminal
 * type this system lacks falls back to the text view.  0 on success. */
static int screen_start(tui_cast *c)
{
    if (spare.scr) { /* the last cast's screen: redrawn whole at the first frame */
        c->scr = spare.scr;
        c->out = spare.out;
        c->in = spare.in;
        spare.scr = NULL;
        spare.out = spare.in = NULL;
        set_term(c->scr);
        resize_term(c->rows, c->cols);
        clearok(curscr, TRUE);
        c->taken = out_size(c);
        live_again();
        return 0;
    }
    int color = tui_term_screen() ? tui_theme_color() : 1, utf8 = cast_utf8();
    c->out = cast_memfile();
    c->in = fopen("/dev/null", "r");
    if (c->out && c->in)
        c->scr = newterm(TUI_CAST_TERM, c->out, c->in);
    if (!c->scr) {
        live_again();
        return -1;
    }
    resize_term(c->rows, c->cols);
    curs_set(0);
    tui_theme_init(color, utf8);
    c->taken = out_size(c); /* skip the start-up bytes */
    live_again();
    return 0;
}

static int cast_open(void *ctx, FILE *term, int width, int height)
{
    tui_cast *c = ctx;
    (void)width;
    (void)height;
    c->term = term;
    return c->scr ? 0 : -1;
}

/* Each arrow lit as long after it last fired (the model keeps its virtual
 * time) as the screen keeps it lit: on the cast's clock "now" is that much
 * past the firing. */
static void cast_arrows(tui_cast *c, const model *m, uint64_t vt, uint64_t now)
{
    for (int a = 0; a < MODEL_AR_COUNT; a++) {
        uint64_t ago = m->ui.fired[a] && vt > m->ui.fired_vt[a]
                           ? (uint64_t)((double)(vt - m->ui.fired_vt[a]) * c->cast_per_vt)
                           : 0;
        c->ui.fired[a] = m->ui.fired[a] && ago <= now ? now - ago + 1 : 0;
    }
}

/* Copies what ncurses wrote since the last frame into the cast's stream,
 * checking every step: a frame that cannot be copied whole marks the cast
 * lost (reported by cast_export_close), never a silent gap.  Then the
 * memory file starts over, so it holds one frame, not the whole cast. */
static void copy_new_bytes(tui_cast *c)
{
    char buf[8192];
    if (fflush(c->out) != 0 || ferror(c->out))
        c->lost = 1;
    off_t end = out_size(c);
    while (!c->lost && c->taken < end) {
        size_t want = (size_t)(end - c->taken) < sizeof buf ? (size_t)(end - c->taken) : sizeof buf;
        ssize_t got = pread(fileno(c->out), buf, want, c->taken);
        if (got <= 0 || fwrite(buf, 1, (size_t)got, c->term) != (size_t)got) {
            c->lost = 1;
            break;
        }
        c->taken += got;
    }
    if (!c->lost && ftruncate(fileno(c->out), 0) == 0 && fseek(c->out, 0, SEEK_SET) == 0)
        c->taken = 0;
}

static int cast_failed(void *ctx)
{
    return ((tui_cast *)ctx)->lost;
}

static void cast_draw(void *ctx, const model *m, uint64_t vt, uint64_t now)
{
    tui_cast *c = ctx;
    pacer_view v = {0};
    cast_arrows(c, m, vt, now);
    v.n_actors = m->n_actors;
    v.mode = m->step_mode ? PACER_STEP : m->paused ? PACER_PAUSE : PACER_RUN;
    v.speed_milli = m->speed_milli ? m->speed_milli : c->params.speed_milli;
    v.vnow = vt;
    v.next_default = -1;
    if (m->step_mode && !m->ended) /* a stepped lecture: its marks, as the screen had them */
        tui_marks_from_model(m, &v);
    tui_frame_input in = {
        .m = m,
        .v = &v,
        .ui = &c->ui,
        .title = c->params.title,
        .name = c->params.name,
        .wall_ns = now,
        .now_ns = now + 1,
        .cell_ns = tui_draw_cell_ns(),
        .finished = m->ended,
        .prog = c->prog,
    };
    static char out[4096]; /* the cast view draws one frame at a time, on one thread */
    out[0] = 0;
    if ((m->out_n && model_output(m, out, sizeof out)) || c->prog)
        in.output = out;
    set_term(c->scr);
    tui_draw(stdscr, &in);
    wnoutrefresh(stdscr);
    doupdate();
    live_again();
    copy_new_bytes(c);
}

static void cast_close(void *ctx)
{
    (void)ctx; /* the screen lives until cast_free: a restart may reuse it */
}

static void screen_delete(SCREEN *scr, FILE *out, FILE *in)
{
    if (scr) { /* no endwin: its bytes would come after the last frame anyway */
        set_term(scr);
        delscreen(scr);
    }
    if (out)
        fclose(out);
    if (in)
        fclose(in);
}

static void cast_free(void *ctx);

static void *cast_make(cast_view *v, const session *s, const cast_opts *o)
{
    tui_cast *c = calloc(1, sizeof(*c));
    if (!c)
        return NULL;
    c->cols = o->cols;
    c->rows = o->rows;
    if (screen_start(c) != 0) {
        cast_free(c);
        return NULL;
    }
    tui_ui_init(&c->ui);
    c->params = s->params;
    if ((c->prog = session_program(s))) { /* its code, as on the screen */
        if (!(c->text = malloc(sizeof *c->text))) {
            cast_free(c);
            return NULL;
        }
        scentext_from_goprog(c->text, c->prog);
        c->ui.text = c->text;
        c->ui.code = 1;
    }
    c->cast_per_vt = 1000.0 / (double)(o->speed_milli > 0 ? o->speed_milli : 1000);
    *v = (cast_view){.ctx = c,
                     .width = c->cols,
                     .height = c->rows,
                     .open = cast_open,
                     .draw = cast_draw,
                     .close = cast_close,
                     .failed = cast_failed};
    return c;
}

static void cast_free(void *ctx)
{
    tui_cast *c = ctx;
    if (tui_term_screen() && c->scr && !spare.scr) {
        spare.scr = c->scr;
        spare.out = c->out;
        spare.in = c->in;
    } else {
        screen_delete(c->scr, c->out, c->in);
        screen_delete(spare.scr, spare.out, spare.in);
        spare.scr = NULL;
        spare.out = spare.in = NULL;
    }
    live_again();
    free(c->text);
    free(c);
}

const outputs_cast_maker tui_cast_maker = {cast_make, cast_free};
