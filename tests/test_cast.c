/* test_cast.c - the asciicast writer: header, escaping, times that never go
 * back, markers; the cast export drives a view over a Go program's events. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rec/cast.h"
#include "rec/cast_export.h"
#include "rec/session_go.h"

static char *slurp(const char *path)
{
    static char buf[1 << 16];
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    return buf;
}

START_TEST(cast_writer_lines)
{
    char path[128], err[256];
    snprintf(path, sizeof path, "/tmp/ps-test-cast-%ld.cast", (long)getpid());
    cast_writer *c = cast_open(path, 80, 24, "a \"title\"", err, sizeof err);
    ck_assert_ptr_nonnull(c);
    cast_output(c, 0.5, "\033[1mé\"\\\n\x01\xff", 11);
    cast_marker(c, 0.25, "step 1"); /* earlier: written at 0.5 */
    cast_output(c, 1.0, "x", 1);
    ck_assert_int_eq(cast_close(c, 1, err, sizeof err), 0);
    const char *s = slurp(path);
    ck_assert_msg(
        !strncmp(s, "{\"version\": 2, \"width\": 80, \"height\": 24, \"timestamp\": ", 55), "%s",
        s);
    ck_assert_ptr_nonnull(strstr(s, "\"title\": \"a \\\"title\\\"\""));
    ck_assert_ptr_nonnull(
        strstr(s, "\n[0.500000, \"o\", \"\\u001b[1m\xc3\xa9\\\"\\\\\\n\\u0001\\ufffd\"]\n"
                  "[0.500000, \"m\", \"step 1\"]\n[1.000000, \"o\", \"x\"]\n"));
    unlink(path);
    ck_assert_ptr_null(cast_open("/nonexistent/x.cast", 80, 24, "t", err, sizeof err));
    ck_assert_str_eq(err, "cannot export a cast to /nonexistent/x.cast: No such file or directory");
}
END_TEST

/* A view that writes its frame number, and counts. */
typedef struct fake {
    FILE *term;
    int frames, closed;
} fake;

static int fake_open(void *ctx, FILE *term, int w, int h)
{
    (void)w;
    (void)h;
    ((fake *)ctx)->term = term;
    return 0;
}

static void fake_draw(void *ctx, const model *m, uint64_t vt, uint64_t wall)
{
    (void)wall;
    fake *f = ctx;
    fprintf(f->term, "frame %d events %llu vt %llu\r\n", ++f->frames, (unsigned long long)m->events,
            (unsigned long long)vt);
}

static void fake_close(void *ctx)
{
    ((fake *)ctx)->closed = 1;
}

START_TEST(cast_export_frames_and_markers)
{
    char path[128], err[256];
    ps_params p;
    ps_layout l;
    fake f = {0};
    cast_view v = {.ctx = &f,
                   .width = 100,
                   .height = 30,
                   .open = fake_open,
                   .draw = fake_draw,
                   .close = fake_close};
    session_go_layout(&p, &l, "worker-pool.go");
    snprintf(path, sizeof path, "/tmp/ps-test-castx-%ld.cast", (long)getpid());
    cast_opts co = {.pace = PACE_VIRTUAL, .speed_milli = 1000, .cols = 100, .rows = 30};
    cast_export *x = cast_export_open(path, &p, &l, &v, &co, err, sizeof err);
    ck_assert_ptr_nonnull(x);
    /* worker-pool.go with one job: main makes jobs, starts worker(1) and
     * sends it the job; the worker sleeps a second; main steps once (a
     * ctl-step) and closes the channel; the worker's range ends */
    ps_event e[] = {
        {.seq = 0, .vt_ns = 0, .kind = EV_SCENARIO_START, .arg = 20000},
        {.seq = 1,
         .vt_ns = 0,
         .kind = EV_OBJECT,
         .obj = 0,
         .arg = PS_OBJ_CHAN,
         .value = 5,
         .line = 27},
        {.seq = 2, .vt_ns = 1000, .actor = 1, .kind = EV_THREAD_START, .obj = 5, .value = 1},
        {.seq = 3, .vt_ns = 1500, .kind = EV_Q_SEND, .obj = 0, .arg = 1, .value = 1, .line = 37},
        {.seq = 4, .vt_ns = 2000, .actor = 1, .kind = EV_Q_RECV, .obj = 0, .arg = 1, .line = 15},
        {.seq = 5, .vt_ns = 2000, .actor = 1, .kind = EV_SLEEP, .value = 1000000000, .line = 17},
        {.seq = 6,
         .vt_ns = 1000002000,
         .actor = 1,
         .kind = EV_WAKE,
         .value = 1000000000,
         .line = 17},
        {.seq = 7, .vt_ns = 1000002000, .actor = PS_ACTOR_CTL, .kind = EV_CTL_STEP, .arg = 0},
        {.seq = 8, .vt_ns = 1000002500, .kind = EV_Q_CLOSE, .obj = 0, .line = 39},
        {.seq = 9, .vt_ns = 1000002500, .actor = 1, .kind = EV_Q_RECV_CLOSED, .obj = 0},
        {.seq = 10, .vt_ns = 1000002600, .actor = 1, .kind = EV_THREAD_EXIT},
        {.seq = 11, .vt_ns = 1000003000, .kind = EV_SCENARIO_END},
    };
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        cast_export_event(x, &e[i]);
    ck_assert_int_eq(cast_export_close(x, err, sizeof err), 0);
    ck_assert_int_eq(f.closed, 1);
    /* first frame, ~10 idle frames over the 1 s sleep, the last one */
    ck_assert_int_ge(f.frames, 11);
    ck_assert_int_le(f.frames, 14);
    const char *s = slurp(path);
    ck_assert_ptr_nonnull(strstr(s, "\"width\": 100, \"height\": 30"));
    ck_assert_ptr_nonnull(strstr(s, "\"title\": \"worker-pool.go\"")); /* the program's name */
    /* one marker a step: the goroutine granted and the line it waits at */
    ck_assert_ptr_nonnull(strstr(s, "[1.000002, \"m\", \"step 1: main line 37\"]"));
    ck_assert_ptr_null(strstr(s, "\"start\""));
    ck_assert_ptr_nonnull(strstr(s, "events 12 vt 1000003000"));
    /* the idle frames show the sleep going on: one at 0.5 s of it */
    ck_assert_ptr_nonnull(strstr(s, "events 6 vt 50000"));
    unlink(path);
}
END_TEST

static int fake_failed(void *ctx)
{
    return ((fake *)ctx)->frames >= 2; /* the second frame could not be written */
}

/* A view that lost a frame (ncurses' file full, say) fails the export, and
 * no half cast is left where the file was to be. */
START_TEST(cast_export_lost_frame_fails)
{
    char path[128], err[256] = "";
    ps_params p;
    ps_layout l;
    fake f = {0};
    cast_view v = {.ctx = &f,
                   .width = 80,
                   .height = 24,
                   .open = fake_open,
                   .draw = fake_draw,
                   .failed = fake_failed};
    session_go_layout(&p, &l, "worker-pool.go");
    snprintf(path, sizeof path, "/tmp/ps-test-castlost-%ld.cast", (long)getpid());
    unlink(path);
    cast_opts co = {.pace = PACE_VIRTUAL, .speed_milli = 1000, .cols = 80, .rows = 24};
    cast_export *x = cast_export_open(path, &p, &l, &v, &co, err, sizeof err);
    ck_assert_ptr_nonnull(x);
    ps_event e[] = {
        {.seq = 0, .vt_ns = 0, .kind = EV_SCENARIO_START, .arg = 20000},
        {.seq = 1, .vt_ns = 500000000, .kind = EV_SCENARIO_END},
    };
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        cast_export_event(x, &e[i]);
    ck_assert_int_eq(cast_export_close(x, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "could not be written whole"));
    ck_assert_int_ne(access(path, F_OK), 0);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("cast");
    TCase *tc = tcase_create("cast");
    tcase_add_test(tc, cast_writer_lines);
    tcase_add_test(tc, cast_export_frames_and_markers);
    tcase_add_test(tc, cast_export_lost_frame_fails);
    suite_add_tcase(s, tc);
    return s;
}
