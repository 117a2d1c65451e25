/* test_cast.c - the asciicast writer: header, escaping, times that never go
 * back, markers; the cast export drives a view over events. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rec/cast.h"
#include "rec/cast_export.h"

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

static void fake_draw(void *ctx, const model *m, uint64_t vt)
{
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
    scenario_defaults("worker-pool", &p);
    scenario_layout(&p, &l);
    snprintf(path, sizeof path, "/tmp/ps-test-castx-%ld.cast", (long)getpid());
    cast_export *x = cast_export_open(path, &p, &l, &v, 1000, err, sizeof err);
    ck_assert_ptr_nonnull(x);
    ps_event e[] = {
        {.seq = 0, .vt_ns = 0, .kind = EV_SCENARIO_START, .arg = 3, .value = 5},
        {.seq = 1, .vt_ns = 1000, .actor = 1, .kind = EV_THREAD_START},
        {.seq = 2,
         .vt_ns = 2000,
         .actor = 1,
         .kind = EV_JOB_STARTED,
         .arg = 1,
         .value = 1000000000},
        {.seq = 3, .vt_ns = 1000002000, .actor = 1, .kind = EV_JOB_FINISHED, .arg = 1},
        {.seq = 4, .vt_ns = 1000003000, .kind = EV_SCENARIO_END},
    };
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        cast_export_event(x, &e[i]);
    ck_assert_int_eq(cast_export_close(x, err, sizeof err), 0);
    ck_assert_int_eq(f.closed, 1);
    /* first frame, ~10 idle frames over the 1 s job, the last one */
    ck_assert_int_ge(f.frames, 11);
    ck_assert_int_le(f.frames, 14);
    const char *s = slurp(path);
    ck_assert_ptr_nonnull(strstr(s, "\"width\": 100, \"height\": 30"));
    ck_assert_ptr_nonnull(strstr(s, "[0.000000, \"m\", \"start\"]"));
    ck_assert_ptr_nonnull(strstr(s, ", \"m\", \"worker 1 started  job 1\"]"));
    ck_assert_ptr_nonnull(strstr(s, "[1.000003, \"m\", \"end\"]"));
    ck_assert_ptr_nonnull(strstr(s, "events 5 vt 1000003000"));
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
    scenario_defaults("worker-pool", &p);
    scenario_layout(&p, &l);
    snprintf(path, sizeof path, "/tmp/ps-test-castlost-%ld.cast", (long)getpid());
    unlink(path);
    cast_export *x = cast_export_open(path, &p, &l, &v, 1000, err, sizeof err);
    ck_assert_ptr_nonnull(x);
    ps_event e[] = {
        {.seq = 0, .vt_ns = 0, .kind = EV_SCENARIO_START, .arg = 3, .value = 5},
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
