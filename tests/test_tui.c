/* test_tui.c - screen tests: frames drawn from hand-written event sequences
 * of Go programs (assets/scenarios/NAME.go; no threads, no session but in
 * the replay and step cases) by the real tui_draw(), through ncurses newterm
 * into a file, fed to libvterm, then asserted cell by cell.  The events are the ones a real run of
 * the program publishes (`poolscope --headless --log=events PROGRAM.go`): object events make its
 * channels, WaitGroups and variables, each event carries the source line of its goroutine,
 * thread-start the goroutine's function; the program's output is what the log panel shows. */
#include <check.h>
#include <dirent.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <vterm.h>

#include <sys/stat.h>
#include <unistd.h>

#include "go/goprog.h"
#include "model/model.h"
#include "rec/record.h"
#include "rec/replay.h"
#include "rec/session.h"
#include "rec/session_go.h"
#include "scen/scenfile.h"
#include "sync/clock.h"
#include "tui/tui_cast.h"
#include "tui/tui_draw.h"
#include "tui/tui_keys.h"
#include "tui/tui_picker.h"
#include "tui/tui_theme.h"
#include "version.h"

#define NS 1000000000ull

typedef struct vscreen {
    VTerm *vt;
    VTermScreen *scr;
    int rows, cols;
} vscreen;

/* ---- hand-written runs of a Go program ---- */

typedef struct fixture {
    model m;
    pacer_view v;
    tui_ui ui;
    uint64_t seq, vt;
    goprog *g;
    ps_params p;
    ps_layout l;
    scenario_text text; /* the code panel's listing, scentext_from_goprog */
    char out[8192];     /* the program's stdout so far: the log panel */
} fixture;

/* assets/scenarios/NAME.go of the source tree. */
static const char *scenario_path(const char *name, char *buf, size_t len)
{
    snprintf(buf, len, "%s/scenarios/%s.go", PS_SOURCE_ASSETS, name);
    return buf;
}

/* The fixture's model, listing and view over program g (owned from here)
 * at path, as the screen's Go session sets them up (session_go_create: its
 * layout, the lecture's diagram when the program's directive asks for it;
 * the listing from scentext_from_goprog, placing the goroutines). */
static void fixture_prog(fixture *f, goprog *g, const char *path)
{
    memset(f, 0, sizeof(*f));
    f->g = g;
    session_go_layout(&f->p, &f->l, path);
    f->l.job_line = goprog_job_line(g);
    ck_assert_int_eq(model_init(&f->m, &f->l), 0);
    scentext_from_goprog(&f->text, f->g);
    model_set_text(&f->m, &f->text);
    tui_ui_init(&f->ui);
    f->ui.text = &f->text;
    f->v.mode = PACER_RUN;
    f->v.speed_milli = 1000;
    f->v.next_default = -1;
}

/* The built-in NAME (assets/scenarios/NAME.go). */
static void fixture_init(fixture *f, const char *name)
{
    char path[4096], err[512];
    scenario_path(name, path, sizeof path);
    goprog *g = goprog_load(path, 0, NULL, NULL, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    fixture_prog(f, g, path);
}

/* A program of the test's own (src, as the file path would hold it). */
static void fixture_text(fixture *f, const char *path, const char *src)
{
    char err[512];
    size_t n = strlen(src);
    char *copy = malloc(n + 1);
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, src, n + 1);
    goprog *g = goprog_load_text(path, copy, n, 0, NULL, NULL, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    fixture_prog(f, g, path);
}

/* worker-pool.go without its "// poolscope: diagram" directive: the same
 * program, so the same events, on the generic diagram. */
static void fixture_generic_pool(fixture *f)
{
    char path[4096];
    FILE *fp = fopen(scenario_path("worker-pool", path, sizeof path), "r");
    ck_assert_ptr_nonnull(fp);
    static char src[16384], line[1024];
    size_t o = 0;
    while (fgets(line, sizeof line, fp))
        if (strncmp(line, "// poolscope: diagram", 21) != 0)
            o += (size_t)snprintf(src + o, sizeof src - o, "%s", line);
    fclose(fp);
    ck_assert_uint_lt(o, sizeof src - 1);
    fixture_text(f, "generic-pool.go", src);
    ck_assert_int_eq(f->l.job_line, 0);
}

static void fixture_free(fixture *f)
{
    model_free(&f->m);
    goprog_free(f->g);
    f->g = NULL;
}

/* The first line of the listing holding s (the program's line numbers are
 * looked up, not written down). */
static int line_of(const scenario_text *t, const char *s)
{
    for (int i = 0; i < t->n_lines; i++)
        if (strstr(t->lines[i], s))
            return i + 1;
    ck_abort_msg("no line of %s reads '%s'", t->source, s);
    return 0;
}

static int fline(const fixture *f, const char *s)
{
    return line_of(&f->text, s);
}

/* What a thread-start says of a goroutine running function fn ("worker",
 * "main.func1"): 1 + its index in the program. */
static uint32_t label_of(const goprog *g, const char *fn)
{
    for (int i = 0; i < g->nlabels; i++)
        if (g->labels[i] && !strcmp(g->labels[i], fn))
            return (uint32_t)i + 1;
    ck_abort_msg("no function %s", fn);
    return 0;
}

/* The line and column of shared variable name's declaration (an object
 * event's line and value, PS_OBJ_VAR). */
static void var_decl(const goprog *g, const char *name, uint32_t *line, int64_t *col)
{
    for (int i = 0; i < g->nnames; i++)
        if (g->names[i].cls == GOPROG_NAME_VAR && !strcmp(g->names[i].name, name)) {
            *line = (uint32_t)g->names[i].line;
            *col = g->names[i].col;
            return;
        }
    ck_abort_msg("no shared variable %s", name);
}

/* One event at the fixture's virtual time f->vt, on source line 'line'. */
static void ev(fixture *f, int actor, int kind, uint32_t obj, int64_t arg, int64_t value, int line)
{
    ps_event e;
    memset(&e, 0, sizeof e);
    e.seq = f->seq++;
    e.vt_ns = f->vt;
    e.rt_ns = f->vt;
    e.actor = (uint32_t)actor;
    e.kind = (uint16_t)kind;
    e.obj = obj;
    e.arg = arg;
    e.value = value;
    e.line = (uint32_t)line;
    model_apply(&f->m, &e);
    tui_ui_sync(&f->ui, &f->m, 1);
    if (actor < PS_MAX_ACTORS && actor + 1 > f->v.n_actors)
        f->v.n_actors = actor + 1;
}

/* go fn(arg): the thread-start of goroutine id (its first argument arg). */
static void go_start(fixture *f, int id, const char *fn, int64_t arg)
{
    ev(f, id, EV_THREAD_START, label_of(f->g, fn), 0, arg, 0);
}

/* A line of the program's stdout. */
static void say(fixture *f, const char *fmt, ...)
{
    size_t o = strlen(f->out);
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(f->out + o, sizeof f->out - o, fmt, ap);
    va_end(ap);
    o = strlen(f->out);
    if (o + 1 < sizeof f->out)
        f->out[o] = '\n', f->out[o + 1] = 0;
}

enum { JOBS = 0, RESULTS = 1 }; /* worker-pool.go's channels, object ids as a run makes them */

/* worker-pool.go up to its first receive: main made jobs and results
 * (capacity numJobs), started three workers and sent 'sent' jobs. */
static void pool_begin(fixture *f, int numjobs, int sent)
{
    ev(f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(f, 0, EV_OBJECT, JOBS, PS_OBJ_CHAN, numjobs, fline(f, "jobs := make("));
    ev(f, 0, EV_OBJECT, RESULTS, PS_OBJ_CHAN, numjobs, fline(f, "results := make("));
    for (int w = 1; w <= 3; w++)
        go_start(f, w, "worker", w);
    for (int j = 1; j <= sent; j++)
        ev(f, 0, EV_Q_SEND, JOBS, j, j, fline(f, "jobs <- j"));
}

/* Worker w takes job j (the channel holding left after it) and starts on it. */
static void pool_take(fixture *f, int w, int j, int left)
{
    ev(f, w, EV_Q_RECV, JOBS, j, left, fline(f, "for j := range jobs"));
    say(f, "worker %d started  job %d", w, j);
    ev(f, w, EV_SLEEP, 0, 0, (int64_t)NS, fline(f, "time.Sleep"));
}

/* The lecture's pool half a second in: main sent the five jobs, closed
 * jobs and waits for a result; W1 works on job 1 and W3 (scheduled before
 * W2) on job 2, each in its second of sleep; W2 has not come for a job
 * yet; jobs 3, 4 and 5 wait in the channel.  generic: the program without
 * its diagram directive. */
static void pool_story_of(fixture *f, int generic)
{
    if (generic)
        fixture_generic_pool(f);
    else
        fixture_init(f, "worker-pool");
    pool_begin(f, 5, 5);
    ev(f, 0, EV_Q_CLOSE, JOBS, 0, 5, fline(f, "close(jobs)"));
    ev(f, 0, EV_Q_RECV_BLOCKED, RESULTS, 0, 0, fline(f, "<-results"));
    pool_take(f, 1, 1, 4);
    pool_take(f, 3, 2, 3);
    f->vt = NS / 2;
    f->v.vnow = NS / 2;
}

static void pool_story(fixture *f)
{
    pool_story_of(f, 0);
}

/* ---- rendering ---- */

/* TUI_DUMP=1 prints every frame drawn (to see what a failing test saw). */
static void vs_dump(const vscreen *vs);

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
    if (getenv("TUI_DUMP"))
        vs_dump(vs);
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

static void vs_dump(const vscreen *vs)
{
    char buf[1024];
    fprintf(stderr, "---- %dx%d\n", vs->cols, vs->rows);
    for (int r = 0; r < vs->rows; r++)
        fprintf(stderr, "%2d|%s|\n", r, row_text(vs, r, 0, vs->cols, buf, sizeof buf));
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

static uint32_t char_at(const vscreen *vs, int r, int x)
{
    return cell_at(vs, r, x).chars[0];
}

/* The box whose top border carries " title ", corner to corner, as drawn
 * (libvterm shows line drawing as U+250x, on vt100 too). */
static tui_rect box_of(const vscreen *vs, const char *title)
{
    char want[96];
    snprintf(want, sizeof want, " %s ", title);
    for (int r = 0; r < vs->rows; r++) {
        int x = find_col(vs, r, want);
        if (x < 0)
            continue;
        int l = x, rt = x + (int)strlen(want), b = r + 1;
        while (l >= 0 && char_at(vs, r, l) != 0x250c)
            l--;
        while (rt < vs->cols && char_at(vs, r, rt) != 0x2510)
            rt++;
        if (l < 0 || rt >= vs->cols)
            continue;
        while (b < vs->rows && char_at(vs, b, l) != 0x2514)
            b++;
        if (b < vs->rows)
            return (tui_rect){r, l, b - r + 1, rt - l + 1};
    }
    ck_abort_msg("no box titled '%s' on screen", title);
    return (tui_rect){0, 0, 0, 0};
}

/* The row that ends the section whose rule is on row r: the next rule (a
 * row starting with a line) or the footer. */
static int section_end(const vscreen *vs, int r)
{
    ck_assert_int_ge(r, 0);
    for (int y = r + 1; y < vs->rows - 1; y++)
        if (char_at(vs, y, 0) == 0x2500)
            return y;
    return vs->rows - 1;
}

static tui_frame_input frame_of(fixture *f)
{
    tui_frame_input in = {.m = &f->m,
                          .v = &f->v,
                          .ui = &f->ui,
                          .title = f->p.title,
                          .name = f->p.name,
                          .wall_ns = 2 * NS,
                          .now_ns = 10 * NS,
                          .cell_ns = NS / 4,
                          .caps = SESSION_PICK,
                          .prog = f->g,
                          .output = f->out};
    return in;
}

/* worker-pool.go's directive gives it the lecture's diagram: main's steps,
 * the job channel's contents, idle and working workers, each arrow's label
 * (pool_story's state). */
static void assert_pool_diagram(const vscreen *vs)
{
    tui_rect q = box_of(vs, "Job Queue: jobs"), idle = box_of(vs, "Idle Worker");
    tui_rect work = box_of(vs, "Working"), mb = box_of(vs, "Main goroutine");
    ck_assert_msg(inside(vs, work, "W1:j1"), "W1 stands in the Working box, on job 1");
    ck_assert_msg(inside(vs, work, "W3:j2"), "W3 stands in the Working box, on job 2");
    ck_assert_msg(inside(vs, idle, "W2"), "W2 has no job yet: Idle");
    ck_assert_msg(!inside(vs, idle, "W1"), "W1 is not idle");
    ck_assert_msg(inside(vs, q, "3/5") && inside(vs, q, "CLOSED"), "jobs holds 3 of 5, closed");
    ck_assert_msg(inside(vs, q, "next: 3 4 5"), "the channel shows 3 4 5 in order");
    ck_assert_msg(inside(vs, mb, "Get Results") && inside(vs, mb, "main"),
                  "main closed jobs: it gets the results");
    const char *labels[] = {"Add Jobs", "Dispatch Job", "Initialize Workers",
                            "Get Job",  "Job Complete", NULL};
    for (int i = 0; labels[i]; i++)
        ck_assert_msg(find_row(vs, labels[i], 0) >= 0, "the arrow '%s' is drawn", labels[i]);
}

/* A program without the directive gets the generic diagram: main's box,
 * its objects by the program's names, a box for each goroutine state (the same
 * state as pool_story's). */
static void assert_generic_diagram(const vscreen *vs)
{
    tui_rect run = box_of(vs, "Running"), slp = box_of(vs, "Sleeping");
    tui_rect blk = box_of(vs, "Blocked"), done = box_of(vs, "Done");
    tui_rect obj = box_of(vs, "Shared objects");
    box_of(vs, "Main goroutine");
    ck_assert_msg(inside(vs, slp, "W1") && inside(vs, slp, "W3"), "W1 and W3 sleep in their jobs");
    ck_assert_msg(inside(vs, run, "W2"), "W2 runs its own code: Running");
    ck_assert_msg(!inside(vs, run, "W1") && !inside(vs, blk, "W1"), "W1 is in one box only");
    ck_assert_msg(inside(vs, blk, "main"), "main waits for a result: Blocked");
    ck_assert_msg(!inside(vs, done, "W"), "nobody is done");
    ck_assert_msg(inside(vs, obj, "jobs chan 3/5 closed") && inside(vs, obj, "results chan 0/5"),
                  "the program's channels by name");
    ck_assert_int_ge(find_row(vs, "go func() x workers", 0), 0);
}

static void assert_pool_screen(int rows, int cols, const char *term, int color, int generic)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[1024];
    pool_story_of(&f, generic);
    tui_frame_input in = frame_of(&f);
    render(&vs, rows, cols, term, color, &in);
    tui_layout_compute(&l, rows, cols, &f.m);
    ck_assert(!l.too_small);
    if (generic)
        assert_generic_diagram(&vs);
    else
        assert_pool_diagram(&vs);
    /* Sync: each channel by the program's name, depth of capacity */
    int r = find_row(&vs, "jobs ", l.sync.y);
    ck_assert_int_ge(r, 0);
    row_text(&vs, r, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "chan 3/5") && strstr(buf, "sent 5  received 2") &&
                      strstr(buf, "closed"),
                  "jobs holds 3 of 5, closed: '%s'", buf);
    r = find_row(&vs, "results ", l.sync.y);
    ck_assert_int_ge(r, 0);
    ck_assert(strstr(row_text(&vs, r, 0, cols, buf, sizeof buf), "chan 0/5"));
    ck_assert_int_ge(find_row(&vs, "RUNNING", 0), 0);
    /* the lanes: main says what it waits on; each worker its function */
    row_text(&vs, l.lanes.y + 1, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, " main ") && strstr(buf, "recv results (empty)"), "main: '%s'", buf);
    row_text(&vs, l.lanes.y + 2, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, " W1 ") && strstr(buf, "sleeping"), "W1's lane: '%s'", buf);
    if (generic) /* a goroutine's lane names its function and counts what it did */
        ck_assert_msg(strstr(buf, "worker(1)") && strstr(buf, "recv 1"), "W1's lane: '%s'", buf);
    else /* the lecture's worker: its job and how far the job's second is */
        ck_assert_msg(strstr(buf, "job 1") && strstr(buf, " 50%"), "W1's lane: '%s'", buf);
    row_text(&vs, l.lanes.y + 3, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, " W2 ") && strstr(buf, "running") && strstr(buf, "worker(2)"),
                  "W2's lane: '%s'", buf);
    /* the last line the program printed closes the log */
    row_text(&vs, section_end(&vs, find_row(&vs, "Log (the program's output", 0)) - 1, 0, cols, buf,
             sizeof buf);
    ck_assert_msg(strstr(buf, "worker 3 started  job 2"), "last log line: '%s'", buf);
    row_text(&vs, rows - 1, 0, cols, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "space Pause") && strstr(buf, "q Quit"), "footer: '%s'", buf);
    vs_free(&vs);
    fixture_free(&f);
}

START_TEST(pool_80x24)
{
    assert_pool_screen(24, 80, "screen-256color", 1, 0);
}
END_TEST

START_TEST(generic_diagram)
{
    assert_pool_screen(24, 80, "screen-256color", 1, 1);
    assert_pool_screen(24, 80, "vt100", 0, 1);
    assert_pool_screen(40, 120, "screen-256color", 1, 1);
}
END_TEST

START_TEST(pool_120x40)
{
    assert_pool_screen(40, 120, "screen-256color", 1, 0);
    /* bigger: the title fits and more of the log shows */
    fixture f;
    vscreen vs;
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 40, 120, "screen-256color", 1, &in);
    ck_assert_int_eq(find_row(&vs, f.p.title, 0), 0);
    ck_assert_int_ge(find_row(&vs, "worker 1 started  job 1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Get Job from Queue", 0), 0);
    /* and under the program's output, its events: the newest just above the footer */
    char buf[256];
    ck_assert_int_ge(find_row(&vs, "Events (newest last)", 0), 0);
    row_text(&vs, 38, 0, 120, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "W3") && strstr(buf, "sleep"), "the newest event: '%s'", buf);
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

START_TEST(monochrome_vt100)
{
    assert_pool_screen(24, 80, "vt100", 0, 0);
    fixture f;
    vscreen vs;
    pool_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "vt100", 0, &in);
    /* working tokens are reverse video, idle ones are not: not colour alone */
    tui_rect work = box_of(&vs, "Working"), idle = box_of(&vs, "Idle Worker");
    int r = work.y + 1, x = find_col(&vs, r, "W1");
    ck_assert_int_ge(x, 0);
    ck_assert(cell_at(&vs, r, x).attrs.reverse);
    r = idle.y + 1;
    x = find_col(&vs, r, "W2");
    ck_assert_int_ge(x, 0);
    ck_assert(!cell_at(&vs, r, x).attrs.reverse);
    /* and nothing is coloured */
    for (int y = 0; y < 24; y++)
        for (int c = 0; c < 80; c++) {
            VTermScreenCell cell = cell_at(&vs, y, c);
            ck_assert_msg(VTERM_COLOR_IS_DEFAULT_FG(&cell.fg) &&
                              VTERM_COLOR_IS_DEFAULT_BG(&cell.bg),
                          "cell %d,%d is coloured on vt100", y, c);
        }
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

static void code_story(fixture *f);

/* A projector washes colours out: on the colour screen no cell is bold black
 * (drawn grey) and none is blue on the default background. */
START_TEST(projector_contrast)
{
    fixture f;
    vscreen vs;
    code_story(&f); /* a done token too, and the code panel's marked lines */
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
    fixture_free(&f);
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
    ck_assert_int_lt(find_row(&vs, "Main goroutine", 0), 0);
    vs_free(&vs);
    /* enlarged, it draws again */
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_lt(find_row(&vs, "too small", 0), 0);
    ck_assert(strstr(row_text(&vs, 0, 0, 80, buf, sizeof buf), "poolscope"));
    vs_free(&vs);
    fixture_free(&f);
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
    render(&vs, 50, 120, "screen-256color", 1, &in); /* tall enough for one key a line */
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
    fixture_free(&f);
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
    fixture_free(&f);
}

START_TEST(help_80x24)
{
    assert_help_80x24(0);
    assert_help_80x24(1);
}
END_TEST

/* Step mode: main sent job 1, W1 took it and sleeps (timed work), W2 came
 * for a job before main sent the next and blocks; main waits at its next
 * send and W3 at its first statement, both ready: main is the one 'n'
 * steps (ready longest, ties: main). */
START_TEST(step_mode_marks)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    fixture_init(&f, "worker-pool");
    pool_begin(&f, 5, 1);
    pool_take(&f, 1, 1, 0);
    ev(&f, 2, EV_Q_RECV_BLOCKED, JOBS, 0, 0, fline(&f, "for j := range jobs"));
    ev(&f, 0, EV_AT, 0, 0, 0, fline(&f, "jobs <- j"));
    ev(&f, 3, EV_AT, 0, 0, 0, fline(&f, "for j := range jobs"));
    f.v.mode = PACER_STEP;
    f.v.actors[0].state = PA_AT_POINT;
    f.v.actors[1].state = PA_TIMED;
    f.v.actors[2].state = PA_BLOCKED;
    f.v.actors[3].state = PA_AT_POINT;
    f.v.next_default = 0;
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    ck_assert_int_ge(find_row(&vs, " STEP ", 0), 0);
    row_text(&vs, l.lanes.y + 1, 0, 80, buf, sizeof buf);
    ck_assert_msg(strncmp(buf, "\u25c6main", 7) == 0, "main is next: '%s'", buf);
    row_text(&vs, l.lanes.y + 2, 0, 80, buf, sizeof buf);
    ck_assert_msg(strncmp(buf, "\u25b8W1", 5) == 0, "W1's timed work can be stepped: '%s'", buf);
    row_text(&vs, l.lanes.y + 3, 0, 80, buf, sizeof buf);
    ck_assert_msg(strncmp(buf, " W2", 3) == 0 && strstr(buf, "recv jobs (empty)"),
                  "W2 is not ready and says what it waits on: '%s'", buf);
    row_text(&vs, l.lanes.y + 4, 0, 80, buf, sizeof buf);
    ck_assert_msg(strncmp(buf, "\u25b8W3", 5) == 0, "W3 is ready: '%s'", buf);
    /* the diagram: W1 works on job 1, W2 is idle, waiting on the channel */
    ck_assert(inside(&vs, box_of(&vs, "Working"), "W1:j1"));
    ck_assert(inside(&vs, box_of(&vs, "Idle Worker"), "W2"));
    ck_assert(inside(&vs, box_of(&vs, "Job Queue: jobs"), "waiting to receive (empty): W2"));
    /* the last transition stays lit while stopped: W1 took job 1 and works */
    ck_assert_int_eq(f.m.ui.last_arrow, MODEL_AR_GET);
    ck_assert(tui_ui_lit(&f.ui, &f.m, MODEL_AR_GET, in.now_ns, 1));
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* main has a lane above the workers: what it waits on, what it sent, and
 * its Gantt strip; blocked on a full channel it says so (backpressure.go:
 * jobs has room for two). */
START_TEST(main_lane_backpressure)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    fixture_init(&f, "backpressure");
    int send = fline(&f, "jobs <- j"), range = fline(&f, "for j := range jobs");
    ev(&f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(&f, 0, EV_OBJECT, JOBS, PS_OBJ_CHAN, 2, fline(&f, "jobs := make("));
    ev(&f, 0, EV_OBJECT, RESULTS, PS_OBJ_CHAN, 10, fline(&f, "results := make("));
    go_start(&f, 1, "worker", 1);
    go_start(&f, 2, "worker", 2);
    ev(&f, 0, EV_Q_SEND, JOBS, 1, 1, send);
    ev(&f, 0, EV_Q_SEND, JOBS, 2, 2, send);
    ev(&f, 0, EV_Q_SEND_BLOCKED, JOBS, 3, 2, send);
    ev(&f, 1, EV_Q_RECV, JOBS, 1, 1, range);
    ev(&f, 0, EV_Q_SEND, JOBS, 3, 2, 0); /* the receiver completes main's send */
    ev(&f, 2, EV_Q_RECV, JOBS, 2, 1, range);
    ev(&f, 1, EV_SLEEP, 0, 0, (int64_t)NS, fline(&f, "time.Sleep"));
    ev(&f, 2, EV_SLEEP, 0, 0, (int64_t)NS, fline(&f, "time.Sleep"));
    ev(&f, 0, EV_Q_SEND, JOBS, 4, 2, send);
    f.vt = NS / 4;
    ev(&f, 0, EV_Q_SEND_BLOCKED, JOBS, 5, 2, send);
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
        ck_assert_msg(strstr(buf, " W1 ") && strstr(buf, "worker(1)"), "W1 below main: '%s'", buf);
        ck_assert_int_ge(find_row(&vs, " W2 ", l.lanes.y), 0);
        ck_assert(inside(&vs, box_of(&vs, "Blocked"), "main"));
        /* Sync says who is blocked on the channel, by its name */
        int r = find_row(&vs, " jobs chan 2/2", l.sync.y);
        ck_assert_int_ge(r, 0);
        row_text(&vs, r, 0, 80, buf, sizeof buf);
        ck_assert_msg(strstr(buf, "waiting to send: main"), "jobs in Sync: '%s'", buf);
        vs_free(&vs);
    }
    fixture_free(&f);
    /* then in Wait: the lane says which WaitGroup (waitgroup.go's wg) */
    fixture_init(&f, "waitgroup");
    ev(&f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(&f, 0, EV_OBJECT, 0, PS_OBJ_WG, 0, fline(&f, "wg.Add(2)"));
    ev(&f, 0, EV_WG_ADD, 0, 2, 2, fline(&f, "wg.Add(2)"));
    ev(&f, 0, EV_WG_WAIT, 0, 0, 2, fline(&f, "wg.Wait()"));
    in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, " main wg.Wait()", 0), 0);
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* waitgroup.go: two goroutines move one atomic counter, main waits; the
 * Sync panel names the WaitGroup and the counter, the lanes say what each
 * goroutine did. */
START_TEST(waitgroup_variant)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    fixture_init(&f, "waitgroup");
    int add = fline(&f, "wg.Add(2)"), inc = fline(&f, "AddInt32(&counter, 1)");
    ev(&f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(&f, 0, EV_OBJECT, 0, PS_OBJ_WG, 0, add);
    ev(&f, 0, EV_WG_ADD, 0, 2, 2, add);
    go_start(&f, 1, "main.func1", 0);
    go_start(&f, 2, "main.func2", 0);
    ev(&f, 0, EV_WG_WAIT, 0, 0, 2, fline(&f, "wg.Wait()"));
    ev(&f, 1, EV_OBJECT, 1, PS_OBJ_ATOMIC, 0, inc);
    ev(&f, 1, EV_ATOMIC_ADD, 1, 1, 1, inc);
    ev(&f, 1, EV_ATOMIC_LOAD, 1, 0, 1, inc + 1);
    say(&f, "Incremented: 1");
    ev(&f, 1, EV_SLEEP, 0, 0, 1000000, fline(&f, "time.Sleep"));
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    int r = find_row(&vs, "wg ", l.sync.y);
    ck_assert_int_ge(r, 0);
    row_text(&vs, r, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "WaitGroup counter 2") && strstr(buf, "waiting: main"),
                  "Sync: the WaitGroup and who waits: '%s'", buf);
    r = find_row(&vs, " counter atomic = 1", l.sync.y);
    ck_assert_msg(r >= 0, "Sync: the atomic counter and its value");
    ck_assert_int_ge(find_row(&vs, "Incremented: 1", 0), 0);
    ck_assert_int_ge(find_row(&vs, "wg.Wait()", 0), 0);
    /* W1 runs no jobs: its lane shows its function, its adds and the value
     * it left, not "done 0" */
    row_text(&vs, l.lanes.y + 2, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, " W1 ") && strstr(buf, "sleeping") && strstr(buf, "main.func1") &&
                      strstr(buf, "adds 1  last =1"),
                  "W1's lane: '%s'", buf);
    ck_assert_int_lt(find_row(&vs, "done 0", 0), 0);
    /* the generic diagram: its objects by name, each goroutine in its state's box */
    tui_rect obj = box_of(&vs, "Shared objects");
    ck_assert(inside(&vs, obj, "wg = 2") && inside(&vs, obj, "counter = 1"));
    ck_assert(inside(&vs, box_of(&vs, "Sleeping"), "W1"));
    ck_assert(inside(&vs, box_of(&vs, "Running"), "W2"));
    ck_assert(inside(&vs, box_of(&vs, "Blocked"), "main"));
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* race.go: ops++ is a load and a store; two goroutines load 0, both store
 * 1: each lane says what its goroutine read and wrote back, Sync counts the
 * lost update and who overwrote whom. */
START_TEST(race_variant)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    uint32_t decl;
    int64_t col;
    fixture_init(&f, "race");
    var_decl(f.g, "ops", &decl, &col);
    int add = fline(&f, "wg.Add(1)"), inc = fline(&f, "ops++");
    ev(&f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(&f, 0, EV_OBJECT, 0, PS_OBJ_VAR, col, (int)decl);
    ev(&f, 0, EV_OBJECT, 1, PS_OBJ_WG, 0, add);
    ev(&f, 0, EV_WG_ADD, 1, 1, 1, add);
    go_start(&f, 1, "main.func1", 0);
    ev(&f, 0, EV_WG_ADD, 1, 1, 2, add);
    go_start(&f, 2, "main.func1", 0);
    ev(&f, 1, EV_ATOMIC_LOAD, 0, 0, 0, inc);
    ev(&f, 2, EV_ATOMIC_LOAD, 0, 0, 0, inc);
    ev(&f, 1, EV_ATOMIC_STORE, 0, 0, 1, inc);
    ev(&f, 2, EV_ATOMIC_STORE, 0, 0, 1, inc);
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "vt100", 0, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    for (int w = 1; w <= 2; w++) {
        row_text(&vs, l.lanes.y + 1 + w, 0, 80, buf, sizeof buf);
        ck_assert_msg(strstr(buf, "read 0 wrote 1"), "W%d's lane: '%s'", w, buf);
    }
    int r = find_row(&vs, "ops ", l.sync.y);
    ck_assert_int_ge(r, 0);
    row_text(&vs, r, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "plain = 1") && strstr(buf, "LOST UPDATES 1 (expected 2)"),
                  "Sync: the lost update: '%s'", buf);
    /* monochrome: the lesson reads by weight and underline, not colour */
    int x = find_col(&vs, r, "LOST UPDATES");
    ck_assert(cell_at(&vs, r, x).attrs.bold && cell_at(&vs, r, x).attrs.underline);
    x = find_col(&vs, r, "plain");
    ck_assert(cell_at(&vs, r, x).attrs.bold);
    vs_free(&vs);
    render(&vs, 24, 120, "vt100", 0, &in);
    ck_assert_int_ge(find_row(&vs, "W2 stored 1 over W1's 1", 0), 0);
    vs_free(&vs);
    /* colour: the lost update and the plain variable in the warning's red */
    render(&vs, 24, 120, "screen-256color", 1, &in);
    r = find_row(&vs, "LOST UPDATES 1 (expected 2)", 0);
    ck_assert_int_ge(r, 0);
    VTermScreenCell c = cell_at(&vs, r, find_col(&vs, r, "LOST UPDATES"));
    ck_assert(VTERM_COLOR_IS_INDEXED(&c.fg) && c.fg.indexed.idx % 8 == 1 && c.attrs.bold);
    c = cell_at(&vs, r, find_col(&vs, r, "W2 stored 1 over"));
    ck_assert(VTERM_COLOR_IS_INDEXED(&c.fg) && c.fg.indexed.idx % 8 == 1);
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* A goroutine's text (TEXT events: 16 bytes an event, little-endian). */
static void text_of(fixture *f, int actor, const char *t)
{
    size_t n = strlen(t);
    for (uint32_t chunk = 0; chunk * 16 < n || chunk == 0; chunk++) {
        char b[16] = {0};
        memcpy(b, t + chunk * 16, n - chunk * 16 < 16 ? n - chunk * 16 : 16);
        int64_t arg, value;
        memcpy(&arg, b, 8);
        memcpy(&value, b + 8, 8);
        ev(f, actor, EV_TEXT, chunk, arg, value, 0);
    }
}

/* errgroup's lesson in the panels: the goroutine whose function returned
 * an error says failed with the error, the ones the context cancelled say
 * cancelled, Sync says what Wait returned; in colour (the warning's red)
 * and in monochrome (bold, underlined). */
START_TEST(errgroup_outcomes)
{
    fixture f;
    vscreen vs;
    char buf[256];
    fixture_init(&f, "errgroup");
    int go = fline(&f, "g2.Go(func() error {");
    ev(&f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(&f, 0, EV_OBJECT, 0, PS_OBJ_GROUP, 0, go);
    for (int w = 1; w <= 3; w++)
        go_start(&f, w, "main.func2", 0);
    text_of(&f, 2, "task 2 failed");
    ev(&f, 2, EV_ERROR, 0, 1, 0, go);
    ev(&f, 1, EV_CANCEL, 0, 0, 0, go);
    ev(&f, 3, EV_CANCEL, 0, 0, 0, go);
    for (int w = 1; w <= 3; w++)
        ev(&f, w, EV_THREAD_EXIT, 0, 0, 0, 0);
    text_of(&f, 0, "task 2 failed");
    ev(&f, 0, EV_ERROR, 0, 2, 0, go);
    tui_frame_input in = frame_of(&f);
    for (int color = 0; color <= 1; color++) {
        render(&vs, 40, 120, color ? "screen-256color" : "vt100", color, &in);
        int r = find_row(&vs, " W2 ", 0);
        ck_assert_int_ge(r, 0);
        row_text(&vs, r, 0, 120, buf, sizeof buf);
        ck_assert_msg(strstr(buf, "failed") && strstr(buf, "error: task 2 failed"), "W2: '%s'",
                      buf);
        VTermScreenCell c = cell_at(&vs, r, find_col(&vs, r, "failed"));
        if (color)
            ck_assert(VTERM_COLOR_IS_INDEXED(&c.fg) && c.fg.indexed.idx % 8 == 1);
        else
            ck_assert(c.attrs.bold && c.attrs.underline);
        for (int w = 1; w <= 3; w += 2) {
            char name[8];
            snprintf(name, sizeof name, " W%d ", w);
            r = find_row(&vs, name, 0);
            row_text(&vs, r, 0, 120, buf, sizeof buf);
            ck_assert_msg(strstr(buf, "cancelled"), "W%d: '%s'", w, buf);
        }
        ck_assert_int_ge(find_row(&vs, "Wait returned task 2 failed", 0), 0);
        ck_assert_int_ge(find_row(&vs, "failed 1  cancelled 2", 0), 0);
        vs_free(&vs);
    }
    fixture_free(&f);
}
END_TEST

/* The lecture's pool with 64 workers and 100 000 jobs (constants of its
 * own, so the program and its events agree), on the lecture's diagram. */
static const char pool64_src[] = "// Worker pool: 64 workers, 100000 jobs\n"
                                 "// poolscope: diagram worker-pool jobs\n"
                                 "package main\n"
                                 "\n"
                                 "import \"time\"\n"
                                 "\n"
                                 "const numWorkers = 64\n"
                                 "const numJobs = 100000\n"
                                 "\n"
                                 "func worker(id int, jobs <-chan int, results chan<- int) {\n"
                                 "\tfor j := range jobs {\n"
                                 "\t\ttime.Sleep(time.Second)\n"
                                 "\t\tresults <- j * 2\n"
                                 "\t}\n"
                                 "}\n"
                                 "\n"
                                 "func main() {\n"
                                 "\tjobs := make(chan int, numJobs)\n"
                                 "\tresults := make(chan int, numJobs)\n"
                                 "\tfor w := 1; w <= numWorkers; w++ {\n"
                                 "\t\tgo worker(w, jobs, results)\n"
                                 "\t}\n"
                                 "\tfor j := 1; j <= numJobs; j++ {\n"
                                 "\t\tjobs <- j\n"
                                 "\t}\n"
                                 "\tclose(jobs)\n"
                                 "\tfor a := 1; a <= numJobs; a++ {\n"
                                 "\t\t<-results\n"
                                 "\t}\n"
                                 "}\n";

static void pool64_begin(fixture *f, int sent)
{
    fixture_text(f, "pool64.go", pool64_src);
    ev(f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(f, 0, EV_OBJECT, JOBS, PS_OBJ_CHAN, 100000, fline(f, "jobs := make("));
    ev(f, 0, EV_OBJECT, RESULTS, PS_OBJ_CHAN, 100000, fline(f, "results := make("));
    for (int w = 1; w <= 64; w++)
        go_start(f, w, "worker", w);
    for (int j = 1; j <= sent; j++)
        ev(f, 0, EV_Q_SEND, JOBS, j, j, fline(f, "jobs <- j"));
}

START_TEST(scale_64_workers_100000_jobs)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char buf[256];
    pool64_begin(&f, 100000);
    int range = fline(&f, "for j := range jobs"), sleep = fline(&f, "time.Sleep");
    for (int w = 1; w <= 64; w++) {
        ev(&f, w, EV_Q_RECV, JOBS, w, 100000 - w, range);
        ev(&f, w, EV_SLEEP, 0, 0, (int64_t)NS, sleep);
    }
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    tui_layout_compute(&l, 24, 80, &f.m);
    int r = find_row(&vs, "jobs ", l.sync.y);
    ck_assert_int_ge(r, 0);
    row_text(&vs, r, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "chan 99936/100000") && strstr(buf, "received 64"),
                  "jobs after 64 receives: '%s'", buf);
    tui_rect q = box_of(&vs, "Job Queue: jobs");
    ck_assert(inside(&vs, q, "99936/100000"));
    ck_assert(inside(&vs, q, "next: 65 66"));
    ck_assert(inside(&vs, q, "more"));
    /* 64 tokens do not fit in the box: the last slot counts the rest */
    ck_assert(inside(&vs, box_of(&vs, "Working"), "+"));
    ck_assert_int_ge(find_row(&vs, "of 64", 0), 0);
    vs_free(&vs);
    fixture_free(&f);
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
    pool64_begin(&f, 60);
    int range = fline(&f, "for j := range jobs"), sleep = fline(&f, "time.Sleep");
    for (int w = 1; w <= 60; w++) {
        ev(&f, w, EV_Q_RECV, JOBS, w, 60 - w, range);
        ev(&f, w, EV_SLEEP, 0, 0, (int64_t)NS, sleep);
    }
    ev(&f, 61, EV_Q_RECV_BLOCKED, JOBS, 0, 0, range);
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
    ck_assert_int_ge(find_row(&vs, " W63 # run ", 0), 0);
    ck_assert_int_lt(find_row(&vs, " W1 ", l.lanes.y), 0);
    vs_free(&vs);
    fixture_free(&f);
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

/* worker-pool.go with its listing: W1 sleeps in job 1 (time.Sleep), W2
 * sent its result (results <- j * 2), W3 ran out of jobs and exited (no
 * marker), main received a result (<-results; the hand-off is published by
 * the sender and carries no line of main's, so main stays there). */
static void code_story(fixture *f)
{
    fixture_init(f, "worker-pool");
    f->ui.code = 1;
    pool_begin(f, 5, 5);
    ev(f, 0, EV_Q_CLOSE, JOBS, 0, 5, fline(f, "close(jobs)"));
    ev(f, 0, EV_Q_RECV_BLOCKED, RESULTS, 0, 0, fline(f, "<-results"));
    pool_take(f, 1, 1, 4);
    pool_take(f, 2, 2, 3);
    pool_take(f, 3, 3, 2);
    f->vt = NS;
    int send = fline(f, "results <- j * 2"), range = fline(f, "for j := range jobs");
    ev(f, 2, EV_WAKE, 0, 0, (int64_t)NS, fline(f, "time.Sleep"));
    say(f, "worker 2 finished job 2");
    ev(f, 2, EV_Q_SEND, RESULTS, 4, 0, send);
    ev(f, 0, EV_Q_RECV, RESULTS, 4, 0, 0);
    ev(f, 3, EV_WAKE, 0, 0, (int64_t)NS, fline(f, "time.Sleep"));
    say(f, "worker 3 finished job 3");
    ev(f, 3, EV_Q_SEND, RESULTS, 6, 1, send);
    ev(f, 3, EV_Q_RECV, JOBS, 4, 1, range);
    ev(f, 3, EV_Q_RECV, JOBS, 5, 0, range);
    ev(f, 3, EV_Q_RECV_CLOSED, JOBS, 0, 0, range);
    ev(f, 3, EV_THREAD_EXIT, 0, 0, 0, 0);
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

/* "of N": the code panel's title when N lines do not all show. */
static const char *want_of(char *buf, size_t len, int n)
{
    snprintf(buf, len, "of %d ", n);
    return buf;
}

START_TEST(code_panel_markers)
{
    fixture f;
    vscreen vs;
    tui_layout l;
    char want[32];
    code_story(&f);
    int sleep = fline(&f, "time.Sleep"), send = fline(&f, "results <- j * 2");
    int recv = fline(&f, "<-results");
    ck_assert_int_eq(f.m.ui.code_at[1], sleep);
    ck_assert_int_eq(f.m.ui.code_at[2], send);
    ck_assert_int_eq(f.m.ui.code_at[0], recv);
    ck_assert_int_eq(f.m.ui.code_at[3], 0);
    tui_frame_input in = frame_of(&f);
    /* wide enough for its longest line beside 80 columns: beside the
     * diagram, the whole listing */
    render(&vs, 50, 200, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "Code: worker-pool.go ", 0), 0);
    ck_assert_int_lt(find_row(&vs, want_of(want, sizeof want, f.text.n_lines), 0), 0);
    assert_marker(&vs, "W1\u25b6", sleep, "time.Sleep(");
    assert_marker(&vs, "W2\u25b6", send, "results <- j * 2");
    assert_marker(&vs, "main\u25b6", recv, "<-results");
    ck_assert_msg(find_row(&vs, "W3\u25b6", 0) < 0, "W3 exited: no marker");
    ck_assert_int_ge(find_row(&vs, "func main() {", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Log (the program's output", 0), 0); /* the log stays */
    ck_assert_int_ge(find_row(&vs, "worker 3 finished job 3", 0), 0);
    tui_layout_compute(&l, 50, 200, &f.m);
    tui_code_layout(&l, 50, 200, &in);
    ck_assert_int_ge(l.diagram.w, 80);
    ck_assert_int_gt(l.code.x, 0);
    ck_assert_int_eq(l.code.x + l.code.w, 200);
    in.replay = 1; /* a replay keeps its position bar, left of the listing */
    tui_layout_compute(&l, 50, 200, &f.m);
    tui_code_layout(&l, 50, 200, &in);
    ck_assert_int_eq(l.posbar.h, 1);
    ck_assert_int_le(l.posbar.x + l.posbar.w, l.code.x);
    in.replay = 0;
    vs_free(&vs);
    /* 120x40: its comment lines do not fit beside 80 columns: the listing
     * takes the log's place at full width, the window holding the most
     * markers (W3's exit left no last mover on it); the log keeps its
     * newest lines under it */
    render(&vs, 40, 120, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, want_of(want, sizeof want, f.text.n_lines), 0), 0);
    assert_marker(&vs, "W1\u25b6", sleep, "time.Sleep(");
    assert_marker(&vs, "W2\u25b6", send, "results <- j * 2");
    ck_assert_int_ge(find_row(&vs, "Log (the program's output", 0), 0);
    ck_assert_int_ge(find_row(&vs, "worker 3 finished job 3", 0), 0);
    tui_layout_compute(&l, 40, 120, &f.m);
    tui_code_layout(&l, 40, 120, &in);
    ck_assert_int_eq(l.code.x, 0);
    ck_assert_int_eq(l.code.w, 120);
    vs_free(&vs);
    /* 80x24: in the log's place */
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "Code: worker-pool.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, want_of(want, sizeof want, f.text.n_lines), 0), 0);
    ck_assert_int_lt(find_row(&vs, "Log (the program's output", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Main goroutine", 0), 0); /* the diagram stays */
    vs_free(&vs);
    /* main moves last: its line is in the window */
    ev(&f, 0, EV_Q_RECV, RESULTS, 6, 0, recv);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    assert_marker(&vs, "main\u25b6", recv, "<-results");
    vs_free(&vs);
    /* off: the log is back */
    f.ui.code = 0;
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_lt(find_row(&vs, "Code: worker-pool.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Log (the program's output", 0), 0);
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* The marked line stands out by attribute, not by colour alone. */
START_TEST(code_panel_highlight_mono)
{
    fixture f;
    vscreen vs;
    code_story(&f);
    tui_frame_input in = frame_of(&f);
    render(&vs, 50, 200, "vt100", 0, &in);
    int r = find_row(&vs, "<-results", 0), x = find_col(&vs, r, "<-results");
    ck_assert_int_ge(x, 0);
    ck_assert(cell_at(&vs, r, x).attrs.reverse);
    ck_assert_int_ge(find_col(&vs, r, "main>"), 0); /* ASCII arrow on vt100 */
    r = find_row(&vs, "func main() {", 0);
    x = find_col(&vs, r, "func main");
    ck_assert(!cell_at(&vs, r, x).attrs.reverse);
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* Three workers on one line: the gutter lists them all. */
START_TEST(code_panel_crowded_line)
{
    fixture f;
    vscreen vs;
    fixture_init(&f, "worker-pool");
    f.ui.code = 1;
    pool_begin(&f, 5, 0);
    int range = fline(&f, "for j := range jobs");
    for (int w = 1; w <= 3; w++)
        ev(&f, w, EV_Q_RECV_BLOCKED, JOBS, 0, 0, range);
    ev(&f, 0, EV_AT, 0, 0, 0, fline(&f, "jobs <- j")); /* main on a line of its own */
    tui_frame_input in = frame_of(&f);
    render(&vs, 50, 200, "screen-256color", 1, &in);
    assert_marker(&vs, "W1 W2 W3\u25b6", range, "for j := range jobs");
    assert_marker(&vs, "main\u25b6", fline(&f, "jobs <- j"), "jobs <- j");
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* waitgroup.go's two goroutines run different code: each marker follows
 * its own function's lines; an event without a line (main's thread-start
 * of them has none of theirs) leaves a marker where it was. */
START_TEST(code_panel_waitgroup)
{
    fixture f;
    vscreen vs;
    fixture_init(&f, "waitgroup");
    f.ui.code = 1;
    int add = fline(&f, "wg.Add(2)"), inc = fline(&f, "AddInt32(&counter, 1)");
    int dec = fline(&f, "AddInt32(&counter, -1)"), wait = fline(&f, "wg.Wait()");
    ev(&f, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    ev(&f, 0, EV_OBJECT, 0, PS_OBJ_WG, 0, add);
    ev(&f, 0, EV_WG_ADD, 0, 2, 2, add);
    go_start(&f, 1, "main.func1", 0);
    go_start(&f, 2, "main.func2", 0);
    ev(&f, 0, EV_WG_WAIT, 0, 0, 2, wait);
    ev(&f, 1, EV_OBJECT, 1, PS_OBJ_ATOMIC, 0, inc);
    ev(&f, 1, EV_ATOMIC_ADD, 1, 1, 1, inc);
    ev(&f, 2, EV_ATOMIC_ADD, 1, -1, 0, dec);
    ck_assert_int_eq(f.m.ui.code_at[2], dec);
    ev(&f, 2, EV_Q_RECV, 7, 0, 0, 0); /* no line: W2 stays on its line */
    ck_assert_int_eq(f.m.ui.code_at[2], dec);
    tui_frame_input in = frame_of(&f);
    in.wall_ns = NS;
    in.now_ns = NS;
    in.cell_ns = 250000;
    render(&vs, 50, 200, "screen-256color", 1, &in);
    assert_marker(&vs, "W1\u25b6", inc, "atomic.AddInt32(");
    assert_marker(&vs, "W2\u25b6", dec, "atomic.AddInt32(");
    assert_marker(&vs, "main\u25b6", wait, "wg.Wait()");
    vs_free(&vs);
    fixture_free(&f);
}
END_TEST

/* The index of the picker's entry named name, or -1. */
static int pick_index(const tui_picker *pk, const char *name)
{
    for (int i = 0; i < pk->n; i++)
        if (!strcmp(pk->items[i].params.name, name))
            return i;
    return -1;
}

/* The picker lists every built-in Go scenario (assets/scenarios/NAME.go) by
 * its file name, with the title and paragraph of its leading comment, then
 * the .go files of the current directory. */
START_TEST(picker_overlay)
{
    fixture f;
    vscreen vs;
    tui_picker pk;
    char buf[1024], dir[] = "/tmp/poolscope-pick-XXXXXX", cwd[4096], mine[4200];
    memset(&pk, 0, sizeof pk);
    pool_story(&f);
    /* the current directory holds a program of the lecturer's own */
    ck_assert_ptr_nonnull(getcwd(cwd, sizeof cwd));
    ck_assert_ptr_nonnull(mkdtemp(dir));
    snprintf(mine, sizeof mine, "%s/zz-mine.go", dir);
    FILE *fp = fopen(mine, "w");
    ck_assert_ptr_nonnull(fp);
    fputs("// My own program\n// Written in class.\npackage main\n\nfunc main() {}\n", fp);
    fclose(fp);
    ck_assert_int_eq(chdir(dir), 0);
    ck_assert_int_eq(tui_picker_open(&pk, "waitgroup.go"), 0);
    ck_assert_int_eq(chdir(cwd), 0);
    unlink(mine);
    rmdir(dir);
    f.ui.picker = &pk;
    ck_assert_int_eq(pk.sel, pick_index(&pk, "waitgroup.go"));
    /* every built-in is an entry, and only Go programs are */
    char sdir[4096];
    snprintf(sdir, sizeof sdir, "%s/scenarios", PS_SOURCE_ASSETS);
    DIR *d = opendir(sdir);
    ck_assert_ptr_nonnull(d);
    int builtins = 0;
    for (struct dirent *e; (e = readdir(d));) {
        size_t n = strlen(e->d_name);
        if (n > 3 && !strcmp(e->d_name + n - 3, ".go")) {
            builtins++;
            ck_assert_msg(pick_index(&pk, e->d_name) >= 0, "lists %s", e->d_name);
        }
    }
    closedir(d);
    ck_assert_int_ge(builtins, 10);
    for (int i = 0; i < pk.n; i++)
        ck_assert_msg(pk.items[i].go_path[0], "entry %d (%s) is a Go program", i,
                      pk.items[i].params.name);
    int wp = pick_index(&pk, "worker-pool.go"), own = pick_index(&pk, "zz-mine.go");
    ck_assert_msg(wp >= 0, "the built-in worker-pool.go is listed");
    ck_assert_str_eq(pk.items[wp].params.title, "Worker pool: 3 workers, 5 jobs of 1 s");
    ck_assert_msg(strstr(pk.items[wp].text.description, "The lecture's first program"),
                  "its paragraph from its leading comment");
    ck_assert_msg(own >= builtins, "the current directory's program comes after the built-ins");
    ck_assert_str_eq(pk.items[own].params.title, "My own program");
    tui_frame_input in = frame_of(&f);
    render(&vs, 24, 80, "vt100", 0, &in);
    ck_assert_int_ge(find_row(&vs, "Scenarios", 0), 0);
    ck_assert_int_ge(find_row(&vs, "WaitGroup and an atomic counter", 0), 0);
    /* the highlighted one: an arrow and reverse video */
    int r = find_row(&vs, "> waitgroup.go ", 0);
    ck_assert_msg(r >= 0, "waitgroup.go is highlighted");
    ck_assert(cell_at(&vs, r, find_col(&vs, r, "waitgroup.go")).attrs.reverse);
    r = find_row(&vs, " waitgroup-workers.go ", 0);
    ck_assert_int_ge(r, 0);
    ck_assert(!cell_at(&vs, r, find_col(&vs, r, "waitgroup-workers.go")).attrs.reverse);
    row_text(&vs, r, 0, 80, buf, sizeof buf);
    ck_assert_msg(!strstr(buf, "> waitgroup-workers"), "only one highlighted: '%s'", buf);
    /* and its paragraph */
    ck_assert_int_ge(find_row(&vs, "The lecture's second program", 0), 0);
    vs_free(&vs);
    /* j moves down: the next one's paragraph */
    ck_assert_int_eq(tui_picker_key(&pk, 'j'), TP_NONE);
    ck_assert_str_eq(pk.items[pk.sel].params.name, "worker-pool.go");
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "\u25b6 worker-pool.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, "The lecture's first program", 0), 0);
    ck_assert_int_lt(find_row(&vs, "The lecture's second program", 0), 0);
    vs_free(&vs);
    /* to the end: the lecturer's own, with its paragraph */
    ck_assert_int_eq(tui_picker_key(&pk, 'G'), TP_NONE);
    ck_assert_int_eq(pk.sel, pk.n - 1);
    ck_assert_int_eq(pk.sel, own);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_ge(find_row(&vs, "\u25b6 zz-mine.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, "Written in class.", 0), 0);
    vs_free(&vs);
    ck_assert_int_eq(tui_picker_key(&pk, 'g'), TP_NONE);
    ck_assert_int_eq(tui_picker_key(&pk, KEY_UP), TP_NONE);
    ck_assert_int_eq(tui_picker_key(&pk, 'k'), TP_NONE); /* stays on the first */
    ck_assert_int_eq(pk.sel, 0);
    ck_assert_int_eq(tui_picker_key(&pk, '\r'), TP_CHOSEN);
    ck_assert_int_eq(pk.open, 0);
    ck_assert_int_eq(tui_picker_open(&pk, "errgroup.go"), 0);
    ck_assert_str_eq(pk.items[pk.sel].params.name, "errgroup.go");
    ck_assert_int_eq(tui_picker_key(&pk, 27), TP_CANCELLED);
    ck_assert_int_eq(pk.open, 0);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    ck_assert_int_lt(find_row(&vs, "Scenarios", 0), 0); /* closed: not drawn */
    vs_free(&vs);
    tui_picker_free(&pk);
    fixture_free(&f);
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
    fixture_free(&f);
}
END_TEST

/* ---- replay: the position bar after a seek ---- */

typedef struct recgen_go {
    recorder *rec;
    uint64_t seq, vt;
} recgen_go;

static void rg_emit(recgen_go *g, int actor, int kind, uint32_t obj, int64_t arg, int64_t value,
                    int line)
{
    ps_event e = {.seq = g->seq++,
                  .vt_ns = g->vt,
                  .rt_ns = g->vt / 10,
                  .actor = (uint32_t)actor,
                  .kind = (uint16_t)kind,
                  .obj = obj,
                  .arg = arg,
                  .value = value,
                  .line = (uint32_t)line};
    ck_assert_int_eq(record_event(g->rec, &e), 0);
}

/* A recording of worker-pool.go run with --set numJobs=jobs, its events in
 * an order the program allows: the REC_PREFIX events before main's first
 * send (the start, the two channels, the three workers); main sends every
 * job and closes jobs; then REC_PER_JOB events a job: a worker takes it,
 * sleeps (1 ms of virtual time each, so the jobs take jobs ms), sends its
 * result and main receives it; then REC_SUFFIX: the workers find jobs
 * closed and every goroutine exits.  Returns the events written. */
enum { REC_PREFIX = 6, REC_PER_JOB = 5, REC_SUFFIX = 8 };

static uint64_t gen_pool(const char *path, int64_t jobs)
{
    char err[512], n[24], spath[4096];
    snprintf(n, sizeof n, "%lld", (long long)jobs);
    const char *names[] = {"numJobs"}, *values[] = {n};
    goprog *g = goprog_load(scenario_path("worker-pool", spath, sizeof spath), 1, names, values,
                            err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    scenario_text *t = malloc(sizeof *t);
    ck_assert_ptr_nonnull(t);
    scentext_from_goprog(t, g);
    int mk_jobs = line_of(t, "jobs := make("), mk_res = line_of(t, "results := make(");
    int send = line_of(t, "jobs <- j"), close_l = line_of(t, "close(jobs)");
    int range = line_of(t, "for j := range jobs"), sleep = line_of(t, "time.Sleep");
    int result = line_of(t, "results <- j * 2"), recv = line_of(t, "<-results");
    uint32_t worker = label_of(g, "worker");
    recgen_go r = {record_open_go(path, g, err, sizeof err), 0, 0};
    ck_assert_msg(r.rec != NULL, "%s", err);
    rg_emit(&r, 0, EV_SCENARIO_START, 0, 20000, 0, 0);
    rg_emit(&r, 0, EV_OBJECT, JOBS, PS_OBJ_CHAN, jobs, mk_jobs);
    rg_emit(&r, 0, EV_OBJECT, RESULTS, PS_OBJ_CHAN, jobs, mk_res);
    for (int w = 1; w <= 3; w++)
        rg_emit(&r, w, EV_THREAD_START, worker, 0, w, 0);
    for (int64_t j = 1; j <= jobs; j++)
        rg_emit(&r, 0, EV_Q_SEND, JOBS, j, j, send);
    rg_emit(&r, 0, EV_Q_CLOSE, JOBS, 0, jobs, close_l);
    for (int64_t j = 1; j <= jobs; j++) {
        int w = (int)((j - 1) % 3) + 1;
        rg_emit(&r, w, EV_Q_RECV, JOBS, j, jobs - j, range);
        rg_emit(&r, w, EV_SLEEP, 0, 0, 1000000, sleep);
        r.vt += 1000000;
        rg_emit(&r, w, EV_WAKE, 0, 0, 1000000, sleep);
        rg_emit(&r, w, EV_Q_SEND, RESULTS, 2 * j, 1, result);
        rg_emit(&r, 0, EV_Q_RECV, RESULTS, 2 * j, 0, recv);
    }
    for (int w = 1; w <= 3; w++) {
        rg_emit(&r, w, EV_Q_RECV_CLOSED, JOBS, 0, 0, range);
        rg_emit(&r, w, EV_THREAD_EXIT, 0, 0, 0, 0);
    }
    rg_emit(&r, 0, EV_SCENARIO_END, 0, 0, 0, 0);
    rg_emit(&r, 0, EV_THREAD_EXIT, 0, 0, 0, 0);
    ck_assert_int_eq(record_close(r.rec, err, sizeof err), 0);
    free(t);
    goprog_free(g);
    return r.seq;
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
                          .caps = session_caps(s),
                          .prog = session_program(s)};
    tui_ui_init(ui);
    tui_ui_sync(ui, m, 1);
    tui_frame_replay(&in, s, m);
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
    enum { JOBS_N = 200000 };
    uint64_t written = gen_pool(path, JOBS_N); /* 1.2 M events */
    ck_assert_int_eq(written,
                     REC_PREFIX + JOBS_N + 1 + (uint64_t)REC_PER_JOB * JOBS_N + REC_SUFFIX);
    session *s = session_replay_create(path, PACER_PAUSE, PACE_VIRTUAL, err, sizeof err);
    ck_assert_msg(s != NULL, "%s", err);
    unlink(path);
    ck_assert_ptr_nonnull(session_program(s));
    ck_assert_int_eq(model_init(&m, &s->layout), 0);
    tui_ui_init(&ui);
    uint64_t n = s->ops->length(s), t0 = clock_now_ns();
    ck_assert_int_eq(n, written);
    /* main's receive of job 100000's result: seek just after it */
    uint64_t at = REC_PREFIX + JOBS_N + 1 + (uint64_t)REC_PER_JOB * (JOBS_N / 2);
    ck_assert_int_eq(s->ops->seek(s, at, &m), 0);
    tui_frame_input in = replay_frame(s, &m, &v, &ui);
    render(&vs, 24, 80, "screen-256color", 1, &in);
    uint64_t took = clock_now_ns() - t0;
    fprintf(stderr, "tui: seek to event %llu of %llu and draw the frame: %.2f ms\n",
            (unsigned long long)at, (unsigned long long)n, (double)took / 1e6);
    ck_assert_int_eq(m.events, at);
    row_text(&vs, 0, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "REPLAY") && strstr(buf, "PAUSED"), "header: '%s'", buf);
    snprintf(err, sizeof err, "event %llu/%llu", (unsigned long long)at, (unsigned long long)n);
    row_text(&vs, 22, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, err), "position bar: '%s'", buf);
    ck_assert_msg(strstr(buf, "100.000s of 200.000s"), "position bar time: '%s'", buf);
    /* Sync: results received so far; the diagram's queue: the jobs left */
    ck_assert_int_ge(find_row(&vs, "results chan 0/200000  sent 100000  received 100000", 0), 0);
    /* the jobs channel's row: its contents front first, then its counts */
    int jr = find_row(&vs, "jobs chan 100000/200000", 0);
    ck_assert_int_ge(jr, 0);
    row_text(&vs, jr, 0, 80, buf, sizeof buf);
    ck_assert_msg(strstr(buf, "[100001 "), "jobs in Sync: '%s'", buf);
    ck_assert_int_ge(find_col(&vs, jr, "sent 200000  received 100000"), 0);
    tui_rect q = box_of(&vs, "Job Queue: jobs");
    ck_assert(inside(&vs, q, "100000/200000") && inside(&vs, q, "next: 100001 100002"));
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
    ck_assert(inside(&vs, box_of(&vs, "Idle Worker"), "W3"));
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
    char path[] = "/tmp/poolscope-step-XXXXXX", err[512], spath[4096];
    const char *e = NULL;
    model m;
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    scenario_path("worker-pool", spath, sizeof spath);
    const char *names[] = {"numJobs"}, *values[] = {"3"};
    goprog *g = goprog_load(spath, 1, names, values, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    run_program_opts o = {.mode = PACER_STEP, .speed_milli = 1000};
    session *s = session_go_create(g, spath, &o, 0, &e);
    ck_assert_msg(s != NULL, "%s", e);
    ck_assert_int_eq(model_init(&m, &s->layout), 0);
    recorder *rec = record_open_go(path, session_program(s), err, sizeof err);
    ck_assert_msg(rec != NULL, "%s", err);
    /* main until its three workers exist, then W3 before W2 before W1: not
     * the default rule's order (main, then the lowest id first) */
    int first_worker = -1;
    for (int i = 0; i < 80 && first_worker < 0; i++) {
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
    session *r = session_replay_create(path, PACER_STEP, PACE_VIRTUAL, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
    unlink(path);
    ck_assert_ptr_nonnull(session_program(r));
    ck_assert_uint_ge(d.n, live_n);
    int order[3], n_order = 0;
    for (uint64_t i = 0; i < d.n; i++) {
        ps_event ev;
        ck_assert_int_ge(r->ops->step(r, PACER_ANY), 0);
        ck_assert_int_eq(session_poll(r, &ev, 1), 1);
        ck_assert_int_eq(ev.seq, i);
        ck_assert_int_eq(ev.actor, d.events[i].actor);
        ck_assert_int_eq(ev.kind, d.events[i].kind);
        ck_assert_int_eq(ev.line, d.events[i].line);
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
    fake.params = f.p;
    fake.layout = f.m.layout;
    fake.prog = f.g;
    cast_opts co = {.pace = PACE_VIRTUAL, .speed_milli = 1000, .cols = 80, .rows = 24};
    void *ctx = tui_cast_maker.make(&v, &fake, &co);
    ck_assert_ptr_nonnull(ctx);
    ck_assert_int_eq(v.width, 80);
    FILE *term = open_memstream(&bytes, &len);
    ck_assert_int_eq(v.open(v.ctx, term, v.width, v.height), 0);
    v.draw(v.ctx, &f.m, NS, NS);
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
    if (getenv("TUI_DUMP"))
        vs_dump(&vs);
    /* the screen's diagram, and the program's code as the screen shows it */
    assert_pool_diagram(&vs);
    ck_assert_int_ge(find_row(&vs, "Code: worker-pool.go", 0), 0);
    ck_assert_int_ge(find_row(&vs, "W1 W3\u25b6", 0), 0);
    vs_free(&vs);
    v.close(v.ctx);
    tui_cast_maker.free_ctx(ctx);
    fclose(term);
    free(bytes);
    fixture_free(&f);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("tui");
    TCase *tc = tcase_create("screen");
    tcase_add_test(tc, pool_80x24);
    tcase_add_test(tc, generic_diagram);
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
    tcase_add_test(tc, race_variant);
    tcase_add_test(tc, errgroup_outcomes);
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
