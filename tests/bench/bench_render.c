/* bench_render.c - rows "render" and "wall".
 *
 * render: the time the real tui_draw() takes for one frame, into an ncurses
 * screen made with newterm() on /dev/null, at 80x24 and 200x60 with 8 and
 * 64 workers all busy and a long queue: the frame of the benchmarks' Go
 * pool (tests/bench/go/worker_pool.go, bench_gopool.h) as the screen draws
 * a Go program's (its lecture diagram, its code panel on), every worker
 * holding a job and the jobs channel full; "draw" is tui_draw alone, "frame"
 * adds doupdate(), which diffs and writes the escape sequences (the clock
 * moves every frame, as it does while running).  Then the CPU a paused TUI
 * uses over 5 s: the real program under tmux, read from /proc/PID/stat.
 *
 * wall: the lecture's worker-pool at speed 1, run headless 5 times: its wall
 * time (the Go program takes 2.005 s; the floor is 2.000 s).
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench.h"
#include "bench_gopool.h"
#include "model/model.h"
#include "rec/session_go.h"
#include "scen/scenfile.h"
#include "tui/tui_draw.h"
#include "tui/tui_theme.h"

/* The line of listing t that holds s (0: none). */
static int line_of(const scenario_text *t, const char *s)
{
    for (int i = 0; i < t->n_lines; i++)
        if (strstr(t->lines[i], s))
            return i + 1;
    return 0;
}

/* A busy worker pool, as a run of worker_pool.go with 'workers' workers
 * and a jobs channel of 'queue' publishes it: main filled the channel,
 * every worker took a job (and is on its way to send the result), main
 * filled it again.  The model is folded over the layout the screen's
 * session gives the program, with its listing t. */
static int busy_model(model *m, const goprog *g, const scenario_text *t, const char *path,
                      int workers, int queue)
{
    ps_params p;
    ps_layout l;
    session_go_layout(&p, &l, path);
    l.job_line = goprog_job_line(g);
    if (model_init(m, &l) != 0)
        return -1;
    model_set_text(m, t);
    uint32_t label = 0;
    for (int i = 0; i < g->nlabels; i++)
        if (g->labels[i] && !strcmp(g->labels[i], "worker"))
            label = (uint32_t)i + 1;
    int mk_jobs = line_of(t, "jobs := make("), mk_res = line_of(t, "results := make(");
    int send = line_of(t, "jobs <- j"), range = line_of(t, "for j := range jobs");
    int jobs = queue + workers;
    uint64_t seq = 0;
    ps_event e;
#define EMIT(a, k, o, ar, v, ln)                                                                   \
    do {                                                                                           \
        memset(&e, 0, sizeof e);                                                                   \
        e.seq = seq++;                                                                             \
        e.actor = (uint32_t)(a);                                                                   \
        e.kind = (uint16_t)(k);                                                                    \
        e.obj = (o);                                                                               \
        e.arg = (ar);                                                                              \
        e.value = (v);                                                                             \
        e.line = (uint32_t)(ln);                                                                   \
        model_apply(m, &e);                                                                        \
    } while (0)
    EMIT(0, EV_SCENARIO_START, 0, 20000, 0, 0);
    EMIT(0, EV_OBJECT, 0, PS_OBJ_CHAN, queue, mk_jobs);
    EMIT(0, EV_OBJECT, 1, PS_OBJ_CHAN, jobs, mk_res);
    for (int w = 1; w <= workers; w++)
        EMIT(w, EV_THREAD_START, label, 0, 0, 0);
    for (int j = 1; j <= queue; j++)
        EMIT(0, EV_Q_SEND, 0, j, j, send);
    for (int w = 1; w <= workers; w++)
        EMIT(w, EV_Q_RECV, 0, w, queue - w, range);
    for (int j = queue + 1; j <= jobs; j++)
        EMIT(0, EV_Q_SEND, 0, j, j - workers, send);
#undef EMIT
    return 0;
}

typedef struct frame_times {
    double draw_us, frame_us;
} frame_times;

static frame_times time_frames(const bench_ctx *c, int rows, int cols, int workers, int frames)
{
    char n[16], path[4096];
    model *m = malloc(sizeof *m);
    scenario_text *t = malloc(sizeof *t);
    goprog *g = bench_gopool_load(c, workers, 1000 + workers, 1000);
    if (g && t)
        scentext_from_goprog(t, g);
    if (!m || !t || !g ||
        busy_model(m, g, t, bench_gopool_path(c, path, sizeof path), workers, 1000) != 0) {
        free(m);
        free(t);
        goprog_free(g);
        return (frame_times){-1, -1};
    }
    pacer_view v;
    memset(&v, 0, sizeof v);
    v.n_actors = workers + 1;
    v.speed_milli = 1000;
    tui_ui ui;
    tui_ui_init(&ui);
    ui.text = t;
    ui.code = 1; /* a Go program's screen starts with its code */
    tui_frame_input in = {.m = m,
                          .v = &v,
                          .ui = &ui,
                          .title = "Worker pool",
                          .name = "worker_pool.go",
                          .prog = g,
                          .output = ""};
    setlocale(LC_ALL, "C.UTF-8");
    snprintf(n, sizeof n, "%d", rows);
    setenv("LINES", n, 1);
    snprintf(n, sizeof n, "%d", cols);
    setenv("COLUMNS", n, 1);
    FILE *out = fopen("/dev/null", "w"), *inp = fopen("/dev/null", "r");
    SCREEN *s = newterm("screen-256color", out, inp);
    tui_theme_init(1, 1);
    uint64_t draw = 0, total = 0;
    for (int f = 0; f < frames; f++) {
        /* the clocks move each frame, as while running */
        m->vt += 16000000;
        in.wall_ns += 16000000;
        in.now_ns += 16000000;
        uint64_t t0 = bench_now_ns();
        tui_draw(stdscr, &in);
        uint64_t t1 = bench_now_ns();
        wnoutrefresh(stdscr);
        doupdate();
        uint64_t t2 = bench_now_ns();
        draw += t1 - t0;
        total += t2 - t0;
    }
    endwin();
    delscreen(s);
    fclose(out);
    fclose(inp);
    model_free(m);
    free(m);
    free(t);
    goprog_free(g);
    return (frame_times){(double)draw / frames / 1e3, (double)total / frames / 1e3};
}

static int render_sizes(const bench_ctx *c)
{
    static const struct {
        int rows, cols, workers;
    } sizes[] = {{24, 80, 8}, {24, 80, 64}, {60, 200, 8}, {60, 200, 64}};
    int frames = c->quick ? 50 : 500;
    double goal80 = 0;
    for (size_t i = 0; i < sizeof sizes / sizeof sizes[0]; i++) {
        double *d = calloc((size_t)c->runs, sizeof(double));
        double *f = calloc((size_t)c->runs, sizeof(double));
        for (int r = 0; r < c->runs; r++) {
            frame_times t = time_frames(c, sizes[i].rows, sizes[i].cols, sizes[i].workers, frames);
            if (t.draw_us < 0) {
                fprintf(stderr, "render: the pool's frame could not be set up\n");
                free(d);
                free(f);
                return -1;
            }
            d[r] = t.draw_us;
            f[r] = t.frame_us;
        }
        char name[64];
        snprintf(name, sizeof name, "%dx%d, %d workers: draw", sizes[i].cols, sizes[i].rows,
                 sizes[i].workers);
        bench_figure("render", name, d, c->runs, "us/frame", "tui_draw only");
        snprintf(name, sizeof name, "%dx%d, %d workers: frame", sizes[i].cols, sizes[i].rows,
                 sizes[i].workers);
        bench_figure("render", name, f, c->runs, "us/frame", "tui_draw + doupdate");
        if (i == 0)
            goal80 = bench_median(f, c->runs) / 1000.0;
        free(d);
        free(f);
    }
    bench_goal("a frame at 80x24 with 8 workers <= 0.5 ms", goal80, 0.5, 0, "ms");
    return 0;
}

/* utime + stime of pid, in clock ticks; -1 if gone. */
static long proc_ticks(long pid)
{
    char path[64];
    snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    FILE *f = fopen(path, "r");
    if (!f)
        return -1;
    char buf[1024];
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[n] = '\0';
    char *p = strrchr(buf, ')'); /* the command name may hold spaces */
    unsigned long ut = 0, st = 0;
    if (!p || sscanf(p + 2, "%*c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %lu %lu", &ut, &st) != 2)
        return -1;
    return (long)(ut + st);
}

static void paused_cpu(const bench_ctx *c)
{
    if (bench_sh("command -v tmux >/dev/null 2>&1", NULL, 0) != 0) {
        bench_skip("render", "paused TUI CPU", "tmux not installed");
        return;
    }
    char cmd[1024], pid[32];
    snprintf(cmd, sizeof cmd,
             "tmux -L ps-bench kill-server 2>/dev/null; "
             "tmux -L ps-bench new-session -d -x 80 -y 24 'exec %s --paused' && "
             "sleep 1 && tmux -L ps-bench display -p '#{pane_pid}'",
             c->poolscope);
    if (bench_sh(cmd, pid, sizeof pid) != 0 || atol(pid) <= 0) {
        bench_skip("render", "paused TUI CPU", "could not start poolscope under tmux");
        bench_sh("tmux -L ps-bench kill-server 2>/dev/null", NULL, 0);
        return;
    }
    int secs = c->quick ? 1 : 5;
    long t0 = proc_ticks(atol(pid));
    sleep((unsigned)secs);
    long t1 = proc_ticks(atol(pid));
    bench_sh("tmux -L ps-bench kill-server 2>/dev/null", NULL, 0);
    if (t0 < 0 || t1 < 0) {
        bench_skip("render", "paused TUI CPU", "poolscope exited");
        return;
    }
    double pct = 100.0 * (double)(t1 - t0) / (double)sysconf(_SC_CLK_TCK) / secs;
    bench_figure("render", "paused TUI CPU over 5 s", &pct, 1, "% of a core",
                 "real binary in tmux, --paused");
    bench_goal("a paused TUI <= 0.5% CPU", pct, 0.5, 0, "%");
}

int bench_render(const bench_ctx *c)
{
    if (render_sizes(c) != 0)
        return -1;
    if (c->poolscope && access(c->poolscope, X_OK) == 0)
        paused_cpu(c);
    else
        bench_skip("render", "paused TUI CPU", "no --poolscope program given");
    return 0;
}

int bench_wall(const bench_ctx *c)
{
    if (!c->poolscope || access(c->poolscope, X_OK) != 0) {
        bench_skip("wall", "worker-pool at speed 1", "no --poolscope program given");
        return 0;
    }
    int runs = c->quick ? 1 : c->runs;
    double *s = calloc((size_t)runs, sizeof(double));
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "%s --headless >/dev/null", c->poolscope);
    for (int r = 0; r < runs; r++) {
        uint64_t t0 = bench_now_ns();
        int rc = system(cmd);
        s[r] = (double)(bench_now_ns() - t0) / 1e6;
        if (rc != 0) {
            free(s);
            fprintf(stderr, "wall: poolscope --headless failed\n");
            return 1;
        }
    }
    double med = bench_median(s, runs);
    bench_figure("wall", "worker-pool, speed 1, whole process", s, runs, "ms",
                 "Go reference: 2005 ms; floor 2000 ms");
    bench_goal("worker-pool at speed 1 <= 2005 ms wall", med, 2005, 0, "ms");
    free(s);
    return 0;
}
