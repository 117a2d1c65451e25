/* test_tui.c - screen tests: frames drawn from hand-written event sequences
 * (no threads, no session) by the real tui_draw(), through ncurses newterm
 * into a file, fed to libvterm, then asserted cell by cell. */
#include <check.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vterm.h>

#include <unistd.h>

#include "sync/clock.h"
#include "model/model.h"
#include "rec/record.h"
#include "rec/replay.h"
#include "rt/scenario.h"
#include "scen/scenfile.h"
#include "rec/session.h"
#include "tui/tui_cast.h"
#include "tui/tui_draw.h"
#include "tui/tui_keys.h"
#include "recgen.h"
#include "tui/tui_picker.h"
#include "tui/tui_theme.h"

#define NS 1000000000ull

typedef struct vscreen {
    VTerm *vt;
    VTermScreen *scr;
    int rows, cols;
} vscreen;

/* ---- hand-written runs ---- */

typedef struct fixture {
    model m;
    pacer_view v;
    tui_ui ui;
    uint64_t seq;
} fixture;

static void ev(fixture *f, int actor, int kind, uint32_t obj, int64_t arg, int64_t value,
               uint64_t vt)
{
    ps_event e;
    memset(&e, 0, sizeof e);
    e.seq = f->seq++;
    e.vt_ns = vt;
    e.rt_ns = vt;
    e.actor = (uint32_t)actor;
    e.kind = (uint16_t)kind;
    e.obj = obj;
    e.arg = arg;
    e.value = value;
    model_apply(&f->m, &e);
    tui_ui_sync(&f->ui, &f->m, 1);
}

static void fixture_init(fixture *f, int workers, int queue_cap, int with_wg)
{
    ps_params p;
    ps_layout l;
    memset(f, 0, sizeof(*f));
    ck_assert_int_eq(scenario_defaults("worker-pool", &p), 0);
    p.workers = workers;
    p.queue_cap = queue_cap;
    scenario_layout(&p, &l);
    if (with_wg) {
        l.n_wgs = 1;
        snprintf(l.wgs[0], PS_OBJ_NAME, "wg");
    }
    ck_assert_int_eq(model_init(&f->m, &l), 0);
    tui_ui_init(&f->ui);
    f->v.n_actors = workers + 1;
    f->v.mode = PACER_RUN;
    f->v.speed_milli = 1000;
    f->v.next_default = -1;
}

/* The lecture's pool, one second in: W1 works on job 1, W3 on job 2, W2
 * finished job 3; jobs 4 and 5 wait in the queue; the WaitGroup reads 1. */
static void pool_story(fixture *f)
{
    fixture_init(f, 3, 5, 1);
    ev(f, 0, EV_SCENARIO_START, 0, 3, 5, 0);
    ev(f, 0, EV_WG_ADD, 0, 3, 3, 0);
    for (int w = 1; w <= 3; w++)
        ev(f, w, EV_THREAD_START, 0, 0, 0, 0);
    for (int j = 1; j <= 5; j++)
        ev(f, 0, EV_Q_SEND, 0, j, j, 0);
    int who[] = {1, 3, 2};
    for (int j = 1; j <= 3; j++) {
        ev(f, who[j - 1], EV_Q_RECV, 0, j, 5 - j, 0);
        ev(f, who[j - 1], EV_JOB_STARTED, 0, j, (int64_t)(2 * NS), 0);
    }
    ev(f, 2, EV_JOB_FINISHED, 0, 3, 0, NS);
    ev(f, 0, EV_WG_DONE, 0, -1, 2, NS);
    ev(f, 0, EV_WG_DONE, 0, -1, 1, NS);
    f->v.vnow = NS;
}

/* ---- rendering ---- */

static void render(vscreen *vs, int rows, int cols, const char *term, int color,
                   const tui_frame_input *in)
{
    char n[16];
    int utf8 = strcmp(term, "vt100") != 0;
    setlocale(LC_ALL, utf8 ? "C.UTF-8" : "C");
    snprintf(n, sizeof n, "%d", rows);
    setenv("LINES", n, 1);
    snprintf(n, sizeof n, "%d", cols);
    setenv("COLUMNS", n, 1);
    FILE *out = tmpfile(), *inp = fopen("/dev/null", "r");
    ck_assert_ptr_nonnull(out);
    SCREEN *s = newterm(term, out, inp);
    ck_assert_ptr_nonnull(s);
    tui_theme_init(color, utf8);
    tui_draw(stdscr, in);
    wnoutrefresh(stdscr);
    doupdate();
    fflush(out);
    long len = ftell(out);
    char *bytes = malloc((size_t)len + 1);
    rewind(out);
    ck_assert_int_eq((long)fread(bytes, 1, (size_t)len, out), len);
    vs->rows = rows;
    vs->cols = cols;
    vs->vt = vterm_new(rows, cols);
    vterm_set_utf8(vs->vt, 1);
    vs->scr = vterm_obtain_screen(vs->vt);
    vterm_screen_enable_altscreen(vs->scr, 1);
    vterm_screen_reset(vs->scr, 1);
    vterm_input_write(vs->vt, bytes, (size_t)len);
    free(bytes);
    delscreen(s);
    fclose(out);
    fclose(inp);
}

static void vs_free(vscreen *vs)
{
    vterm_free(vs->vt);
}

static VTermScreenCell cell_at(const vscreen *vs, int row, int col)
{
    VTermScreenCell c;
    VTermPos pos = {row, col};
    vterm_screen_get_cell(vs->scr, pos, &c);
    return c;
}

/* Row text of columns [x0, x1) as UTF-8 (a blank for an empty cell). */
static char *row_text(const vscreen *vs, int row, int x0, int x1, char *buf, size_t len)
{
    size_t o = 0;
    for (int x = x0; x < x1 && x < vs->cols && o + 5 < len; x++) {
        VTermScreenCell c = cell_at(vs, row, x);
        uint32_t ch = c.chars[0] ? c.chars[0] : ' ';
        if (c.width == 0)
            continue;
        if (ch < 0x80) {
            buf[o++] = (char)ch;
        } else if (ch < 0x800) {
            buf[o++] = (char)(0xC0 | (ch >> 6));
            buf[o++] = (char)(0x80 | (ch & 0x3F));
        } else {
            buf[o++] = (char)(0xE0 | (ch >> 12));
            buf[o++] = (char)(0x80 | ((ch >> 6) & 0x3F));
            buf[o++] = (char)(0x80 | (ch & 0x3F));
        }
    }
    buf[o] = 0;
    return buf;
}

/* The first row (from 'from') containing s, or -1. */
static int find_row(const vscreen *vs, const char *s, int from)
{
    char buf[1024];
    for (int r = from; r < vs->rows; r++)
        if (strstr(row_text(vs, r, 0, vs->cols, buf, sizeof buf), s))
            return r;
    return -1;
}

/* 1 if s is written inside rect (within its borders). */
static int inside(const vscreen *vs, tui_rect b, const char *s)
{
    char buf[1024];
    for (int r = b.y + 1; r < b.y + b.h - 1; r++)
        if (strstr(row_text(vs, r, b.x + 1, b.x + b.w - 1, buf, sizeof buf), s))
            return 1;
    return 0;
}

/* The column where s starts on row r, or -1. */
static int find_col(const vscreen *vs, int r, const char *s)
{
    char buf[8];
    size_t n = strlen(s);
    for (int x = 0; x + (int)n <= vs->cols; x++) {
        size_t k = 0;
        for (; k < n; k++)
            if (strcmp(row_text(vs, r, x + (int)k, x + (int)k + 1, buf, sizeof buf),
                       (char[]){s[k], 0}))
                break;
        if (k == n)
            return x;
    }
    return -1;
}

static tui_frame_input frame_of(fixture *f)
{
    tui_frame_input in = {.m = &f->m,
                          .v = &f->v,
                          .ui = &f->ui,
                          .title = "Worker pool: 3 workers, 5 jobs of 1 s",
                          .name = "worker-pool",
                          .wall_ns = 2 * NS,
                          .now_ns = 10 * NS,
                          .cell_ns = NS / 4,
                          .caps = SESSION_PICK};
    return in;
}

static void assert_pool_screen(int rows, int cols, const char *term, int color)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[1024];
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, rows, cols, term, color, &in);
    tui_layout_compute(&l, rows, cols, &f.m);
    ck_assert(!l.too_small);
    ck_assert_msg(inside(&vs, l.work_box, "W1"), "W1 stands in the Working box");
    ck_assert_msg(inside(&vs, l.work_box, "W3"), "W3 stands in the Working box");
    ck_assert_msg(inside(&vs, l.idle_box, "W2"), "W2 stands in the Idle box");
    ck_assert_msg(!inside(&vs, l.idle_box, "W1"), "W1 is not idle");
    ck_assert_msg(inside(&vs, l.queue_box, "2/5"), "queue reads 2/5");
    ck_assert_msg(inside(&vs, l.queue_box, "next: 4 5"), "queue shows 4 5 in order");
    ck_assert_int_ge(find_row(&vs, "WaitGroup wg counter 1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "RUNNING", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Get Job", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Dispatch Job", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Initialize Workers", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Add Jobs", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Job Complete", 0), 0);
    /* the last log line sits just above the footer */
    row_text(&vs, rows - 2, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "worker 2 finished job 3"), "last log line: '%s'", buf);
    row_text(&vs, rows - 1, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "space Pause") && strstr(buf, "q Quit"), "footer: '%s'", buf);
    vs_free(&vs);
    model_free(&f.m);
}

START_TEST(pool_80x24)
{
    assert_pool_screen(24, 80, "screen-256color", 1);
}
END_TEST

START_TEST(pool_120x40)
{
    assert_pool_screen(40, 120, "screen-256color", 1);
    /* bigger: the title fits and more of the log shows */
    fixture f;
    vscreen vs;
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 40, 120, "screen-256color", 1, &in);
    ck_assert_int_eq(find_row(&vs, "Worker pool: 3 workers, 5 jobs of 1 s", 0), 0);
    ck_assert_int_ge(find_row(&vs, "worker 1 started  job 1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Get Job from Queue", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

START_TEST(monochrome_vt100)
{
    assert_pool_screen(24, 80, "vt100", 0);
    fixture f;
    vscreen vs;
    tui_layout l;
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "vt100", 0, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    /* working tokens are reverse video, idle ones are not: not colour alone */
    int r = l.work_box.y + 1, x = find_col(&vs, r, "W1");
    ck_assert_int_ge(x, 0);
    ck_assert(cell_at(&vs, r, x).attrs.reverse);
    r = l.idle_box.y + 1;
    x = find_col(&vs, r, "W2");
    ck_assert_int_ge(x, 0);
    ck_assert(!cell_at(&vs, r, x).attrs.reverse);
    /* and nothing is coloured */
    VTermScreenCell c = cell_at(&vs, l.work_box.y + 1, find_col(&vs, l.work_box.y + 1, "W1"));
    ck_assert(VTERM_COLOR_IS_DEFAULT_FG(&c.fg) || VTERM_COLOR_IS_DEFAULT_BG(&c.fg) ||
              c.attrs.reverse);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* A projector washes colours out: on the colour screen no cell is bold black
 * (drawn grey) and none is blue on the default background. */
START_TEST(projector_contrast)
{
    fixture f;
    vscreen vs;
    pool_story(&f);
    ev(&f, 2, EV_THREAD_EXIT, 0, 0, 0, NS); /* a done token too */
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    int bold_black = 0, blue = 0;
    for (int r = 0; r < 24; r++)
        for (int x = 0; x < 80; x++) {
            VTermScreenCell c = cell_at(&vs, r, x);
            if (!c.chars[0] || c.chars[0] == ' ')
                continue;
            int fg_black = VTERM_COLOR_IS_INDEXED(&c.fg) && c.fg.indexed.idx == 0;
            int fg_blue = VTERM_COLOR_IS_INDEXED(&c.fg) && c.fg.indexed.idx == 4;
            bold_black += fg_black && c.attrs.bold;
            blue += fg_blue && VTERM_COLOR_IS_DEFAULT_BG(&c.bg);
        }
    ck_assert_msg(!bold_black, "%d cells are bold black", bold_black);
    ck_assert_msg(!blue, "%d cells are blue on the default background", blue);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

START_TEST(too_small)
{
    fixture f;
    vscreen vs;
    char buf[256];
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 20, 60, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "terminal too small: need 80x24, have 60x20", 0), 0);
    ck_assert_int_lt(find_row(&vs, "Dispatch Job", 0), 0);
    vs_free(&vs);
    /* enlarged, it draws again */
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_lt(find_row(&vs, "too small", 0), 0);
    ck_assert(strstr(row_text(&vs, 0, 0, 80, buf, sizeof buf), "poolscope"));
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* The help shows each key that works in this mode (aliases on their key's
 * line, seek keys only in a replay, the picker only live) with its text
 * from the key table. */
static void assert_help(int replay)
{
    fixture f;
    vscreen vs;
    pool_story(&f);
    f.ui.help = 1;
    tui_frame_input in = frame_of(&f);
    in.replay = replay;
    in.caps = replay ? SESSION_SEEK | SESSION_BACK : SESSION_PICK;
    in.len = f.m.events;
    render(&vs, 40, 120, "screen-256color", 1, &in);
    for (int i = 0; i < tui_key_count; i++) {
        const tui_key *k = &tui_keys[i];
        int shown = replay ? !(k->flags & TK_LIVE) : !(k->flags & TK_REPLAY);
        const char *text = k->flags & TK_ALIAS ? k->name : k->help;
        int row = find_row(&vs, text, 0);
        if (shown)
            ck_assert_msg(row >= 0, "help (replay %d) shows '%s'", replay, text);
        else if (!(k->flags & TK_ALIAS))
            ck_assert_msg(row < 0, "help (replay %d) hides '%s'", replay, text);
    }
    /* the default step rule (pacer.h) is spelled out */
    ck_assert_int_ge(find_row(&vs, "the thread ready longest (ties: main, then W1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "timed work ends first", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}

/* The key table's mode flags gate keys by what the session can do: the
 * seek keys need a session that seeks and goes back, the picker one that
 * can start another scenario; every other key works on both. */
START_TEST(keys_gated_by_caps)
{
    unsigned live = SESSION_PICK, replay = SESSION_SEEK | SESSION_BACK;
    for (int i = 0; i < tui_key_count; i++) {
        const tui_key *k = &tui_keys[i];
        const char *on_live = tui_key_refusal(k, live), *on_replay = tui_key_refusal(k, replay);
        ck_assert_msg(!on_live == !(k->flags & TK_REPLAY), "'%s' live", k->name);
        ck_assert_msg(!on_replay == !(k->flags & TK_LIVE), "'%s' replay", k->name);
        ck_assert_ptr_null(tui_key_refusal(k, live | replay));
    }
    ck_assert_str_eq(tui_key_refusal(tui_key_find(','), live),
                     "only a replay can go back or jump: this is a live run (see --replay)");
    ck_assert_ptr_nonnull(strstr(tui_key_refusal(tui_key_find('p'), replay), "live run"));
    /* seeking forward alone is not enough for the seek keys */
    ck_assert_ptr_nonnull(tui_key_refusal(tui_key_find(','), SESSION_SEEK));
}
END_TEST

START_TEST(help_from_key_table)
{
    assert_help(0);
    assert_help(1);
}
END_TEST

/* At 80x24 the help fits, live and in a replay: every key of the mode with
 * its brief on its row (two columns), the legend and the step rule whole. */
static void assert_help_80x24(int replay)
{
    fixture f;
    vscreen vs;
    char buf[256];
    pool_story(&f);
    f.ui.help = 1;
    tui_frame_input in = frame_of(&f);
    in.replay = replay;
    in.caps = replay ? SESSION_SEEK | SESSION_BACK : SESSION_PICK;
    in.len = f.m.events;
    render(&vs, 24, 80, "screen-256color", 1, &in);
    for (int i = 0; i < tui_key_count; i++) {
        const tui_key *k = &tui_keys[i];
        if (k->flags & (replay ? TK_LIVE : TK_REPLAY))
            continue;
        ck_assert_msg(k->flags & TK_ALIAS || (k->brief && strlen(k->brief) <= TUI_KEY_BRIEF),
                      "'%s' has a brief of at most %d columns", k->name, TUI_KEY_BRIEF);
        const char *text = k->flags & TK_ALIAS ? k->name : k->brief;
        int row = find_row(&vs, text, 0);
        ck_assert_msg(row >= 0, "80x24 help (replay %d) shows '%s' whole", replay, text);
        if (!(k->flags & TK_ALIAS)) {
            snprintf(buf, sizeof buf, " %s ", k->name);
            ck_assert_msg(find_col(&vs, row, buf) >= 0, "key '%s' on the row of its brief",
                          k->name);
        }
    }
    const char *legend[] = {"stands in the box of its thread's state.",
                            "Lit arrow: it just happened.",
                            "Timeline:",
                            "the one 'n' steps next",
                            "blocked W1",
                            " done W1",
                            " cancelled",
                            " free",
                            "the thread ready longest (ties: main, then W1, W2...), else the one",
                            "whose timed work ends first (its job ends, virtual time jumps to it).",
                            NULL};
    for (int i = 0; legend[i]; i++)
        ck_assert_msg(find_row(&vs, legend[i], 0) >= 0, "80x24 help (replay %d) shows '%s'", replay,
                      legend[i]);
    vs_free(&vs);
    model_free(&f.m);
}

START_TEST(help_80x24)
{
    assert_help_80x24(0);
    assert_help_80x24(1);
}
END_TEST

START_TEST(step_mode_marks)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    pool_story(&f);
    f.v.mode = PACER_STEP;
    f.v.actors[1].state = PA_TIMED;
    f.v.actors[2].state = PA_AT_POINT;
    f.v.actors[3].state = PA_TIMED;
    f.v.next_default = 2;
    /* W2 waits for a job now */
    ev(&f, 2, EV_Q_RECV, 0, 4, 1, NS);
    ev(&f, 2, EV_Q_RECV, 0, 5, 0, NS);
    ev(&f, 2, EV_JOB_STARTED, 0, 5, (int64_t)NS, NS);
    ev(&f, 2, EV_JOB_FINISHED, 0, 5, 0, NS);
    ev(&f, 2, EV_Q_RECV_BLOCKED, 0, 0, 0, NS);
    f.v.actors[2].state = PA_BLOCKED;
    f.v.next_default = 1;
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    ck_assert_int_ge(find_row(&vs, " STEP ", 0), 0);
    row_text(&vs, l.lanes.y + 2, 0, 80, buf, sizeof buf);
    ck_assert_msg(strncmp(buf, "\u25c6", 3) == 0, "W1 is next: '%s'", buf);
    row_text(&vs, l.lanes.y + 3, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "recv jobs (empty)"), "W2 says what it waits on: '%s'", buf);
    row_text(&vs, l.lanes.y + 4, 0, 80, buf, sizeof buf);
    ck_assert_msg(strncmp(buf, "\u25b8", 3) == 0, "W3 is ready: '%s'", buf);
    ck_assert(inside(&vs, l.queue_box, "waiting to receive (empty): W2"));
    /* the last transition stays lit while stopped: Get Job (W2 started 5)... */
    ck_assert_int_eq(f.m.ui.last_arrow, MODEL_AR_DONE);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* main has a lane above the workers: what it waits on, what it sent, and
 * its Gantt strip; blocked on a full queue it says so (backpressure). */
START_TEST(main_lane_backpressure)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    fixture_init(&f, 2, 2, 0);
    ev(&f, 0, EV_SCENARIO_START, 0, 2, 10, 0);
    for (int w = 1; w <= 2; w++)
        ev(&f, w, EV_THREAD_START, 0, 0, 0, 0);
    for (int j = 1; j <= 4; j++)
        ev(&f, 0, EV_Q_SEND, 0, j, j, 0);
    ev(&f, 1, EV_Q_RECV, 0, 1, 3, 0);
    ev(&f, 1, EV_JOB_STARTED, 0, 1, (int64_t)NS, 0);
    ev(&f, 2, EV_Q_RECV, 0, 2, 2, 0);
    ev(&f, 2, EV_JOB_STARTED, 0, 2, (int64_t)NS, 0);
    ev(&f, 0, EV_Q_SEND_BLOCKED, 0, 5, 2, NS / 4);
    f.v.vnow = NS / 2;
    tui_frame_input in = frame_of(&f);
    for (int color = 0; color < 2; color++) {
        render(&vs, 24, 80, color ? "screen-256color" : "vt100", color, &in);
        tui_layout_compute(&l, 24, 80, &f.m);
        row_text(&vs, l.lanes.y + 1, 0, 80, buf, sizeof buf);
        ck_assert_msg(strncmp(buf, " main send jobs (full)", 22) == 0, "main lane: '%s'", buf);
        ck_assert_msg(strstr(buf, "sent 4"), "main lane counts what it sent: '%s'", buf);
        /* its Gantt strip: running, then blocked since 0.25 s */
        ck_assert_msg(strstr(buf, color ? "\u2592" : "="), "main's strip shows blocked: '%s'", buf);
        row_text(&vs, l.lanes.y + 2, 0, 80, buf, sizeof buf);
        ck_assert_msg(strstr(buf, " W1 ") && strstr(buf, "job 1"), "W1 below main: '%s'", buf);
        ck_assert_int_ge(find_row(&vs, " W2 ", l.lanes.y), 0);
        vs_free(&vs);
    }
    /* then in Wait: the lane says which WaitGroup */
    model_free(&f.m);
    fixture_init(&f, 3, 5, 1);
    ev(&f, 0, EV_SCENARIO_START, 0, 3, 5, 0);
    ev(&f, 0, EV_WG_ADD, 0, 3, 3, 0);
    ev(&f, 0, EV_WG_WAIT, 0, 0, 3, 0);
    in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, " main wg.Wait()", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

START_TEST(waitgroup_variant)
{
    ps_params p;
    ps_layout l;
    fixture f;
    vscreen vs;
    memset(&f, 0, sizeof f);
    ck_assert_int_eq(scenario_defaults("waitgroup", &p), 0);
    scenario_layout(&p, &l);
    ck_assert_int_eq(model_init(&f.m, &l), 0);
    tui_ui_init(&f.ui);
    f.v.n_actors = 3;
    f.v.speed_milli = 1000;
    f.v.next_default = -1;
    ev(&f, 0, EV_SCENARIO_START, 0, 2, 5, 0);
    ev(&f, 0, EV_WG_ADD, 0, 2, 2, 0);
    ev(&f, 1, EV_THREAD_START, 0, 0, 0, 0);
    ev(&f, 2, EV_THREAD_START, 0, 0, 0, 0);
    ev(&f, 0, EV_WG_WAIT, 0, 0, 2, 0);
    ev(&f, 1, EV_ATOMIC_ADD, 0, 1, 1, 0);
    ev(&f, 1, EV_SAY, 0, 0, 1, 0);
    ev(&f, 1, EV_SLEEP, 0, 0, 1000000, 0);
    tui_frame_input in = {.m = &f.m,
                          .v = &f.v,
                          .ui = &f.ui,
                          .title = p.title,
                          .name = p.name,
                          .wall_ns = NS,
                          .now_ns = NS,
                          .cell_ns = 250000};
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "Shared objects", 0), 0);
    ck_assert_int_ge(find_row(&vs, "WaitGroup wg = 2", 0), 0);
    ck_assert_int_ge(find_row(&vs, "atomic counter = 1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Incremented: 1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "wg.Wait()", 0), 0);
    /* W1 runs no jobs: its lane shows its adds and the value it left, not "done 0" */
    ck_assert_int_ge(find_row(&vs, " W1   sleeping         adds 1  last =1", 0), 0);
    ck_assert_int_lt(find_row(&vs, "done 0", 0), 0);
    vs_free(&vs);
    /* the race: each lane says what its thread read and wrote back */
    ev(&f, 2, EV_ATOMIC_LOAD, 0, 0, 0, 0);
    ev(&f, 2, EV_ATOMIC_STORE, 0, 0, 1, 0);
    render(&vs, 24, 80, "vt100", 0, &in);
    ck_assert_int_ge(find_row(&vs, " W2   idle             read 0 wrote 1", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

START_TEST(scale_64_workers_100000_jobs)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    fixture_init(&f, 64, 100000, 0);
    ev(&f, 0, EV_SCENARIO_START, 0, 64, 100000, 0);
    for (int w = 1; w <= 64; w++)
        ev(&f, w, EV_THREAD_START, 0, 0, 0, 0);
    for (int j = 1; j <= 100000; j++)
        ev(&f, 0, EV_Q_SEND, 0, j, j, 0);
    for (int w = 1; w <= 64; w++) {
        ev(&f, w, EV_Q_RECV, 0, w, 100000 - w, 0);
        ev(&f, w, EV_JOB_STARTED, 0, w, (int64_t)NS, 0);
    }
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    ck_assert(inside(&vs, l.queue_box, "99936/100000"));
    ck_assert(inside(&vs, l.queue_box, "next: 65 66"));
    ck_assert(inside(&vs, l.queue_box, "more"));
    ck_assert(inside(&vs, l.work_box, "+"));
    ck_assert_int_ge(find_row(&vs, "of 64", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* 64 workers at 80x24: the compact form puts several workers on a row, each
 * with its state as a glyph and a word (no colour needed), and scrolls by
 * rows to a last page that ends at W64. */
START_TEST(compact_lanes_64_workers)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    fixture_init(&f, 64, 100, 0);
    ev(&f, 0, EV_SCENARIO_START, 0, 64, 100, 0);
    for (int w = 1; w <= 64; w++)
        ev(&f, w, EV_THREAD_START, 0, 0, 0, 0);
    for (int w = 1; w <= 60; w++) {
        ev(&f, 0, EV_Q_SEND, 0, w, 1, 0);
        ev(&f, w, EV_Q_RECV, 0, w, 0, 0);
        ev(&f, w, EV_JOB_STARTED, 0, w, (int64_t)NS, 0);
    }
    ev(&f, 61, EV_Q_RECV_BLOCKED, 0, 0, 0, 0);
    ev(&f, 62, EV_THREAD_EXIT, 0, 0, 0, 0);
    tui_frame_input in = frame_of(&f);
    tui_layout_compute(&l, 24, 80, &f.m);
    ck_assert_int_gt(l.lane_cols, 1);
    ck_assert_int_ge(l.lanes_shown, 18);
    render(&vs, 24, 80, "vt100", 0, &in);
    row_text(&vs, l.lanes.y + 1, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, " main "), "main keeps its lane: '%s'", buf);
    row_text(&vs, l.lanes.y + 2, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, " W1  # j1 ") && strstr(buf, " W2  # j2 "),
                  "cells: name, glyph, job: '%s'", buf);
    snprintf(buf, sizeof buf, "W1-W%d of 64", l.lanes_shown);
    ck_assert_int_ge(find_row(&vs, buf, 0), 0);
    vs_free(&vs);
    /* scrolled far down: the last page, whole rows, W64 on it */
    f.ui.lane_scroll = 1000;
    render(&vs, 24, 80, "vt100", 0, &in);
    ck_assert_int_ge(find_row(&vs, " W64 ", 0), 0);
    ck_assert_int_ge(find_row(&vs, " W61 = recv ", 0), 0);
    ck_assert_int_ge(find_row(&vs, " W62   done ", 0), 0);
    ck_assert_int_ge(find_row(&vs, " W63 . idle ", 0), 0);
    ck_assert_int_lt(find_row(&vs, " W1 ", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* The man page is generated from the key table: every key is in it. */
START_TEST(man_page_has_every_key)
{
    const char *path = getenv("POOLSCOPE_MAN");
    ck_assert_ptr_nonnull(path);
    FILE *fp = fopen(path, "r");
    ck_assert_ptr_nonnull(fp);
    static char text[65536];
    size_t n = fread(text, 1, sizeof text - 1, fp), o = 0;
    fclose(fp);
    for (size_t i = 0; i < n; i++) { /* undo roff's \- */
        if (text[i] == '\\' && i + 1 < n && text[i + 1] == '-')
            continue;
        text[o++] = text[i];
    }
    text[o] = 0;
    for (int i = 0; i < tui_key_count; i++)
        ck_assert_msg(strstr(text, tui_keys[i].help), "man page has '%s'", tui_keys[i].help);
}
END_TEST

/* ---- the code panel and the scenario picker ---- */

static scenario_text pool_text;

/* worker-pool with its listing: W1 works on job 1 (line 3), W2 sent its
 * result (line 6), W3 ran out of jobs and exited (no marker), main received
 * a result (line 25). */
static void code_story(fixture *f)
{
    char err[512];
    ps_params p;
    ck_assert_msg(scenfile_resolve("worker-pool", &p, &pool_text, err, sizeof err) == 0, "%s", err);
    fixture_init(f, 3, 5, 0);
    f->ui.text = &pool_text;
    model_set_text(&f->m, &pool_text);
    f->ui.code = 1;
    ev(f, 0, EV_SCENARIO_START, 0, 3, 5, 0);
    for (int w = 1; w <= 3; w++)
        ev(f, w, EV_THREAD_START, 0, 0, 0, 0);
    for (int j = 1; j <= 5; j++)
        ev(f, 0, EV_Q_SEND, 0, j, j, 0);
    ev(f, 0, EV_Q_CLOSE, 0, 0, 5, 0);
    ev(f, 0, EV_Q_RECV_BLOCKED, 1, 0, 0, 0);
    for (int w = 1; w <= 3; w++) {
        ev(f, w, EV_Q_RECV, 0, w, 5 - w, 0);
        ev(f, w, EV_JOB_STARTED, 0, w, (int64_t)NS, 0);
    }
    ev(f, 2, EV_JOB_FINISHED, 0, 2, 0, NS);
    ev(f, 2, EV_Q_SEND, 1, 4, 1, NS);
    ev(f, 3, EV_JOB_FINISHED, 0, 3, 0, NS);
    ev(f, 3, EV_Q_SEND, 1, 6, 2, NS);
    ev(f, 3, EV_Q_RECV_CLOSED, 0, 0, 0, NS);
    ev(f, 3, EV_THREAD_EXIT, 0, 0, 0, NS);
    ev(f, 0, EV_Q_RECV, 1, 4, 1, NS);
    f->v.vnow = NS;
}

/* The row showing marker mark ("W1▶") holds code line ln and its text. */
static void assert_marker(const vscreen *vs, const char *mark, int ln, const char *code)
{
    char buf[1024], want[64];
    int r = find_row(vs, mark, 0);
    ck_assert_msg(r >= 0, "marker %s is on screen", mark);
    row_text(vs, r, 0, vs->cols, buf, sizeof buf);
    snprintf(want, sizeof want, "%s %2d ", mark, ln);
    ck_assert_msg(strstr(buf, want), "%s stands on line %d: '%s'", mark, ln, buf);
    ck_assert_msg(strstr(buf, code), "line %d reads '%s': '%s'", ln, code, buf);
}

START_TEST(code_panel_markers)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    code_story(&f);
    ck_assert_int_eq(f.m.ui.code_at[1], 3);
    ck_assert_int_eq(f.m.ui.code_at[0], 25);
    tui_frame_input in = frame_of(&f);
    /* wide: beside the diagram, the whole listing */
    render(&vs, 40, 120, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "Code: worker-pool.go", 0), 0);
    assert_marker(&vs, "W1\u25b6", 3, "fmt.Println(\"work");
    assert_marker(&vs, "W2\u25b6", 6, "results <- j * 2");
    assert_marker(&vs, "main\u25b6", 25, "<-results");
    ck_assert_msg(find_row(&vs, "W3\u25b6", 0) < 0, "W3 exited: no marker");
    ck_assert_int_ge(find_row(&vs, "func main() {", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Log (the program's output", 0), 0); /* the log stays */
    tui_layout_compute(&l, 40, 120, &f.m);
    tui_code_layout(&l, 40, 120, &in);
    ck_assert_int_ge(l.diagram.w, 80);
    ck_assert_int_eq(l.code.x + l.code.w, 120);
    in.replay = 1; /* a replay keeps its position bar, left of the listing */
    tui_layout_compute(&l, 40, 120, &f.m);
    tui_code_layout(&l, 40, 120, &in);
    ck_assert_int_eq(l.posbar.h, 1);
    ck_assert_int_le(l.posbar.x + l.posbar.w, l.code.x);
    in.replay = 0;
    vs_free(&vs);
    /* 80x24: in the log's place; the last thread that moved (main) is shown */
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "Code: worker-pool.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, "of 27", 0), 0);
    ck_assert_int_lt(find_row(&vs, "Log (the program's output", 0), 0);
    assert_marker(&vs, "main\u25b6", 25, "<-results");
    ck_assert_int_ge(find_row(&vs, "Dispatch Job", 0), 0); /* the diagram stays */
    vs_free(&vs);
    /* off: the log is back */
    f.ui.code = 0;
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_lt(find_row(&vs, "Code: worker-pool.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Log (the program's output", 0), 0);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* The marked line stands out by attribute, not by colour alone. */
START_TEST(code_panel_highlight_mono)
{
    fixture f;
    vscreen vs;
    code_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 40, 120, "vt100", 0, &in);
    int r = find_row(&vs, "<-results", 0), x = find_col(&vs, r, "<-results");
    ck_assert_int_ge(x, 0);
    ck_assert(cell_at(&vs, r, x).attrs.reverse);
    ck_assert_int_ge(find_col(&vs, r, "main>"), 0); /* ASCII arrow on vt100 */
    r = find_row(&vs, "func main() {", 0);
    x = find_col(&vs, r, "func main");
    ck_assert(!cell_at(&vs, r, x).attrs.reverse);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* Four threads on one line in a narrow gutter: the ones that do not fit
 * are counted. */
START_TEST(code_panel_crowded_line)
{
    fixture f;
    vscreen vs;
    code_story(&f);
    for (int w = 1; w <= 3; w++)
        ev(&f, w, EV_Q_RECV_BLOCKED, 0, 0, 0, 2 * NS);
    ev(&f, 0, EV_THREAD_START, 0, 0, 0, 2 * NS); /* main on line 16: a line of its own */
    tui_frame_input in = frame_of(&f);
    render(&vs, 40, 120, "screen-256color", 1, &in);
    assert_marker(&vs, "W1 W2 W3\u25b6", 2, "for j := range jobs");
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* waitgroup's two goroutines run different code: W2's marker follows the
 * decrementing one (map.w2. in its file). */
START_TEST(code_panel_waitgroup)
{
    static scenario_text wt;
    char err[512];
    ps_params p;
    ps_layout l;
    fixture f;
    vscreen vs;
    memset(&f, 0, sizeof f);
    ck_assert_msg(scenfile_resolve("waitgroup", &p, &wt, err, sizeof err) == 0, "%s", err);
    scenario_layout(&p, &l);
    ck_assert_int_eq(model_init(&f.m, &l), 0);
    tui_ui_init(&f.ui);
    f.ui.text = &wt;
    model_set_text(&f.m, &wt);
    f.ui.code = 1;
    f.v.n_actors = 3;
    f.v.speed_milli = 1000;
    f.v.next_default = -1;
    ev(&f, 0, EV_SCENARIO_START, 0, 2, 5, 0);
    ev(&f, 0, EV_WG_ADD, 0, 2, 2, 0);
    ev(&f, 1, EV_THREAD_START, 0, 0, 0, 0);
    ev(&f, 2, EV_THREAD_START, 0, 0, 0, 0);
    ev(&f, 0, EV_WG_WAIT, 0, 0, 2, 0);
    ev(&f, 1, EV_ATOMIC_ADD, 0, 1, 1, 0);
    ev(&f, 2, EV_ATOMIC_ADD, 0, -1, 0, 0);
    ev(&f, 2, EV_ATOMIC_LOAD, 0, 0, 0, 0); /* not mapped: W2 stays on line 17 */
    tui_frame_input in = {.m = &f.m,
                          .v = &f.v,
                          .ui = &f.ui,
                          .title = p.title,
                          .name = p.name,
                          .wall_ns = NS,
                          .now_ns = NS,
                          .cell_ns = 250000};
    render(&vs, 40, 120, "screen-256color", 1, &in);
    assert_marker(&vs, "W1\u25b6", 8, "atomic.AddInt");
    assert_marker(&vs, "W2\u25b6", 17, "atomic.AddInt");
    assert_marker(&vs, "main\u25b6", 24, "wg.Wait()");
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

START_TEST(picker_overlay)
{
    fixture f;
    vscreen vs;
    tui_picker pk;
    char buf[1024];
    memset(&pk, 0, sizeof pk);
    pool_story(&f);
    ck_assert_int_eq(tui_picker_open(&pk, "waitgroup"), 0);
    f.ui.picker = &pk;
    ck_assert_int_eq(pk.sel, 1);
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "vt100", 0, &in);
    /* every scenario is listed with its title */
    int n = 0;
    for (const scenario_def *const *d = scenario_all(); *d; d++, n++)
        ck_assert_msg(find_row(&vs, (*d)->name, 0) >= 0, "lists %s", (*d)->name);
    /* then the Go programs: the built-ins (assets/go) and the current directory's */
    ck_assert_int_gt(pk.n, n);
    int go_wp = -1;
    for (int i = 0; i < pk.n; i++) {
        ck_assert_msg((i >= n) == (pk.items[i].go_path[0] != 0), "entry %d: Go after C", i);
        if (i >= n && !strcmp(pk.items[i].params.name, "worker-pool.go"))
            go_wp = i;
    }
    ck_assert_msg(go_wp > 0, "the built-in worker-pool.go is listed");
    ck_assert_str_eq(pk.items[go_wp].params.title, "Worker pool: 3 workers, 5 jobs of 1 s");
    ck_assert_msg(strstr(pk.items[go_wp].text.description, "The lecture's first program"),
                  "its paragraph from its leading comment");
    ck_assert_int_ge(find_row(&vs, "Worker pool: 3 workers, 5 jobs of 1 s", 0), 0);
    /* the highlighted one: an arrow and reverse video */
    int r = find_row(&vs, "> waitgroup ", 0);
    ck_assert_msg(r >= 0, "waitgroup is highlighted");
    ck_assert(cell_at(&vs, r, find_col(&vs, r, "waitgroup")).attrs.reverse);
    r = find_row(&vs, "worker-pool", 1);
    ck_assert(!cell_at(&vs, r, find_col(&vs, r, "worker-pool")).attrs.reverse);
    row_text(&vs, r, 0, 80, buf, sizeof buf);
    ck_assert_msg(!strstr(buf, "> worker-pool"), "only one highlighted: '%s'", buf);
    /* and its paragraph */
    ck_assert_int_ge(find_row(&vs, "The lecture's WaitGroup program", 0), 0);
    vs_free(&vs);
    /* j moves down: the next one's paragraph */
    ck_assert_int_eq(tui_picker_key(&pk, 'j'), TP_NONE);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "\u25b6 waitgroup-workers", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Five workers each sleep one second", 0), 0);
    ck_assert_int_lt(find_row(&vs, "The lecture's WaitGroup program", 0), 0);
    vs_free(&vs);
    ck_assert_int_eq(tui_picker_key(&pk, KEY_UP), TP_NONE);
    ck_assert_int_eq(tui_picker_key(&pk, 'k'), TP_NONE);
    ck_assert_int_eq(tui_picker_key(&pk, 'k'), TP_NONE); /* stays on the first */
    ck_assert_int_eq(pk.sel, 0);
    ck_assert_int_eq(tui_picker_key(&pk, '\r'), TP_CHOSEN);
    ck_assert_int_eq(pk.open, 0);
    ck_assert_int_eq(pk.items[pk.sel].params.kind, SK_WORKER_POOL);
    ck_assert_int_eq(tui_picker_open(&pk, "errgroup"), 0);
    ck_assert_str_eq(pk.items[pk.sel].params.name, "errgroup");
    ck_assert_int_eq(tui_picker_key(&pk, 27), TP_CANCELLED);
    ck_assert_int_eq(pk.open, 0);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_lt(find_row(&vs, "Scenarios", 0), 0); /* closed: not drawn */
    vs_free(&vs);
    tui_picker_free(&pk);
    model_free(&f.m);
}
END_TEST

/* c and p are in the footer where there is room; the essential keys first. */
START_TEST(footer_more_keys)
{
    fixture f;
    vscreen vs;
    char buf[256];
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 120, "screen-256color", 1, &in);
    row_text(&vs, 23, 0, 120, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "q Quit  c Code  p Scenarios"), "footer: '%s'", buf);
    vs_free(&vs);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    row_text(&vs, 23, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "q Quit") && !strstr(buf, "c Code"), "footer: '%s'", buf);
    vs_free(&vs);
    model_free(&f.m);
}
END_TEST

/* ---- replay: the position bar after a seek ---- */

/* A worker-pool recording of 'jobs' jobs (6 events each, 3 workers). */
static void gen_pool(const char *path, int jobs)
{
    ps_params p;
    recgen_pool(path, &p, 3, jobs, 1000000, 0);
}

static tui_frame_input replay_frame(session *s, model *m, pacer_view *v, tui_ui *ui)
{
    s->ops->view(s, v);
    tui_frame_input in = {.m = m,
                          .v = v,
                          .ui = ui,
                          .title = s->params.title,
                          .name = s->params.name,
                          .now_ns = NS,
                          .cell_ns = NS / 4,
                          .caps = session_caps(s)};
    tui_ui_init(ui);
    tui_ui_sync(ui, m, 1);
    tui_frame_replay(&in, session_replay_data(s), m);
    return in;
}

START_TEST(replay_bar_after_seek)
{
    char path[] = "/tmp/poolscope-tui-XXXXXX", err[256], buf[256];
    vscreen vs;
    model m;
    pacer_view v;
    tui_ui ui;
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    gen_pool(path, 200000); /* 1.2 M events */
    session *s = session_replay_create(path, PACER_PAUSE, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    unlink(path);
    ck_assert_int_eq(model_init(&m, &s->layout), 0);
    tui_ui_init(&ui);
    uint64_t n = s->ops->length(s), t0 = clock_now_ns();
    /* job 100000's result is the 600005th event: seek just after it */
    ck_assert_int_eq(s->ops->seek(s, 600005, &m), 0);
    tui_frame_input in = replay_frame(s, &m, &v, &ui);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    uint64_t took = clock_now_ns() - t0;
    fprintf(stderr, "tui: seek to event 600005 of %llu and draw the frame: %.2f ms\n",
            (unsigned long long)n, (double)took / 1e6);
    ck_assert_int_eq(m.events, 600005);
    row_text(&vs, 0, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "REPLAY") && strstr(buf, "PAUSED"), "header: '%s'", buf);
    snprintf(err, sizeof err, "event 600005/%llu", (unsigned long long)n);
    row_text(&vs, 22, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, err), "position bar: '%s'", buf);
    ck_assert_msg(strstr(buf, "100.000s of 200.000s"), "position bar time: '%s'", buf);
    ck_assert_int_ge(find_row(&vs, "results received 100000/200000", 0), 0);
    row_text(&vs, 23, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, ", Back") && strstr(buf, "End End") && strstr(buf, "q Quit"),
                  "replay footer: '%s'", buf);
    vs_free(&vs);
    /* to the end: END, the bar full */
    ck_assert_int_eq(s->ops->seek(s, n, &m), 0);
    in = replay_frame(s, &m, &v, &ui);
    in.finished = s->ops->finished(s);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, " END ", 0), 0);
    snprintf(err, sizeof err, "event %llu/%llu", (unsigned long long)n, (unsigned long long)n);
    ck_assert_int_eq(find_row(&vs, err, 0), 22);
    vs_free(&vs);
    model_free(&m);
    s->ops->destroy(s);
}
END_TEST

/* ---- step mode: a recording replays the interleaving the keys chose ---- */

static int step_until(session *s, model *m, recorder *rec, int actor)
{
    ps_event buf[64];
    int rc = PACER_EBUSY;
    for (int tries = 0; tries < 2000 && rc == PACER_EBUSY; tries++)
        if ((rc = s->ops->step(s, actor)) == PACER_EBUSY || rc == PACER_ENOTREADY)
            usleep(1000);
    for (int quiet = 0; quiet < 50; quiet++) { /* drain what the step published */
        size_t k = session_poll(s, buf, 64);
        for (size_t i = 0; i < k; i++) {
            model_apply(m, &buf[i]);
            record_event(rec, &buf[i]);
        }
        if (!k)
            usleep(1000);
    }
    return rc;
}

START_TEST(step_interleaving_replays)
{
    char path[] = "/tmp/poolscope-step-XXXXXX", err[256];
    const char *e = NULL;
    ps_params p;
    model m;
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    scenario_defaults("worker-pool", &p);
    p.jobs = 3;
    session *s = session_live_create(&p, PACER_STEP, 64, &e);
    ck_assert_msg(s != NULL, "%s", e);
    ck_assert_int_eq(model_init(&m, &s->layout), 0);
    recorder *rec = record_open(path, &s->params, err, sizeof err);
    ck_assert_msg(rec != NULL, "%s", err);
    /* main until the workers exist, then W3 before W2 before W1: not the
     * default rule's order (lowest id first) */
    int first_worker = -1;
    for (int i = 0; i < 40 && first_worker < 0; i++) {
        int rc = step_until(s, &m, rec, 3);
        if (rc == 3)
            first_worker = 3;
        else
            step_until(s, &m, rec, PS_ACTOR_MAIN);
    }
    ck_assert_int_eq(first_worker, 3);
    ck_assert_int_eq(step_until(s, &m, rec, 2), 2);
    ck_assert_int_eq(step_until(s, &m, rec, 1), 1);
    uint64_t live_n = m.events;
    s->ops->destroy(s);
    ck_assert_int_eq(record_close(rec, err, sizeof err), 0);
    /* the replay, stepped one event at a time, hands out the same events */
    replay_data d;
    ck_assert_int_ge(replay_load(&d, path, err, sizeof err), 0);
    session *r = session_replay_create(path, PACER_STEP, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
    unlink(path);
    ck_assert_uint_ge(d.n, live_n);
    int order[3], n_order = 0;
    for (uint64_t i = 0; i < d.n; i++) {
        ps_event ev;
        ck_assert_int_ge(r->ops->step(r, PACER_ANY), 0);
        ck_assert_int_eq(session_poll(r, &ev, 1), 1);
        ck_assert_int_eq(ev.seq, i);
        ck_assert_int_eq(ev.actor, d.events[i].actor);
        ck_assert_int_eq(ev.kind, d.events[i].kind);
        /* ctl-step's arg: the thread a step moved; a worker's first one */
        if (ev.kind == EV_CTL_STEP && ev.arg >= 1 && ev.arg <= 3 && n_order < 3 &&
            (n_order == 0 || order[n_order - 1] != ev.arg) &&
            (n_order < 2 || order[n_order - 2] != ev.arg))
            order[n_order++] = (int)ev.arg;
    }
    ck_assert_int_eq(n_order, 3);
    ck_assert_msg(order[0] == 3 && order[1] == 2 && order[2] == 1,
                  "workers stepped in the chosen order W3 W2 W1, not %d %d %d", order[0], order[1],
                  order[2]);
    replay_free(&d);
    r->ops->destroy(r);
    model_free(&m);
}
END_TEST

/* ---- the cast view draws the real screen ---- */

START_TEST(cast_view_is_the_tui)
{
    fixture f;
    vscreen vs;
    session fake;
    cast_view v;
    char *bytes = NULL;
    size_t len = 0;
    setlocale(LC_ALL, "C.UTF-8");
    pool_story(&f);
    memset(&fake, 0, sizeof fake);
    scenario_defaults("worker-pool", &fake.params);
    fake.layout = f.m.layout;
    void *ctx = tui_cast_maker.make(&v, &fake, 1000);
    ck_assert_ptr_nonnull(ctx);
    ck_assert_int_eq(v.width, TUI_CAST_COLS);
    FILE *term = open_memstream(&bytes, &len);
    ck_assert_int_eq(v.open(v.ctx, term, v.width, v.height), 0);
    v.draw(v.ctx, &f.m, NS);
    fflush(term);
    for (size_t i = 0; i + 8 <= len; i++)
        ck_assert_msg(memcmp(bytes + i, "\033[?1049h", 8), "no alternate screen in a cast");
    vs.rows = v.height;
    vs.cols = v.width;
    vs.vt = vterm_new(vs.rows, vs.cols);
    vterm_set_utf8(vs.vt, 1);
    vs.scr = vterm_obtain_screen(vs.vt);
    vterm_screen_reset(vs.scr, 1);
    vterm_input_write(vs.vt, bytes, len);
    ck_assert_int_ge(find_row(&vs, "Job Queue", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Idle Worker", 0), 0);
    ck_assert_int_ge(find_row(&vs, "worker 2 finished job 3", 0), 0);
    vs_free(&vs);
    v.close(v.ctx);
    tui_cast_maker.free_ctx(ctx);
    fclose(term);
    free(bytes);
    model_free(&f.m);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("tui");
    TCase *tc = tcase_create("screen");
    tcase_add_test(tc, pool_80x24);
    tcase_add_test(tc, pool_120x40);
    tcase_add_test(tc, monochrome_vt100);
    tcase_add_test(tc, too_small);
    tcase_add_test(tc, projector_contrast);
    tcase_add_test(tc, help_from_key_table);
    tcase_add_test(tc, keys_gated_by_caps);
    tcase_add_test(tc, help_80x24);
    tcase_add_test(tc, step_mode_marks);
    tcase_add_test(tc, main_lane_backpressure);
    tcase_add_test(tc, waitgroup_variant);
    tcase_add_test(tc, scale_64_workers_100000_jobs);
    tcase_add_test(tc, compact_lanes_64_workers);
    tcase_add_test(tc, man_page_has_every_key);
    tcase_add_test(tc, code_panel_markers);
    tcase_add_test(tc, code_panel_highlight_mono);
    tcase_add_test(tc, code_panel_crowded_line);
    tcase_add_test(tc, code_panel_waitgroup);
    tcase_add_test(tc, picker_overlay);
    tcase_add_test(tc, footer_more_keys);
    suite_add_tcase(s, tc);
    TCase *rp = tcase_create("replay");
    tcase_set_timeout(rp, 120);
    tcase_add_test(rp, replay_bar_after_seek);
    tcase_add_test(rp, step_interleaving_replays);
    tcase_add_test(rp, cast_view_is_the_tui);
    suite_add_tcase(s, rp);
    return s;
}
