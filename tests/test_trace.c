/* test_trace.c - the Chrome trace's clock (trace.h): virtual time while the
 * run runs, the lecture's while it is paused or stepped (a --step run says
 * so by no event: its first is a step), one slot per event so that no two
 * slices of a track start together, never back when threads' stamps are. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "rec/trace.h"

static char path[128];
static uint64_t seq;

static char *slurp(void)
{
    static char buf[1 << 16];
    FILE *f = fopen(path, "r");
    ck_assert_ptr_nonnull(f);
    size_t n = fread(buf, 1, sizeof buf - 1, f);
    buf[n] = '\0';
    fclose(f);
    unlink(path);
    return buf;
}

static trace_writer *open_trace(void)
{
    char err[256];
    ps_params p = {.name = "t.go"};
    ps_layout l = {.workers = 2, .program = 1};
    snprintf(path, sizeof path, "/tmp/ps-test-trace-%ld.json", (long)getpid());
    seq = 0;
    trace_writer *t = trace_open(path, &p, &l, NULL, err, sizeof err);
    ck_assert_ptr_nonnull(t);
    return t;
}

/* One event: vt virtual ns, wt the lecture's. */
static void ev(trace_writer *t, uint32_t actor, int kind, uint32_t obj, int64_t arg, uint64_t vt,
               uint64_t wt)
{
    ps_event e = {.seq = seq++,
                  .vt_ns = vt,
                  .rt_ns = wt,
                  .wt_ns = wt,
                  .actor = actor,
                  .kind = (uint16_t)kind,
                  .obj = obj,
                  .arg = arg};
    trace_event(t, &e);
}

static char *close_trace(trace_writer *t)
{
    char err[256];
    ck_assert_int_eq(trace_close(t, err, sizeof err), 0);
    return slurp();
}

#define HAS(s, needle) ck_assert_msg(strstr(s, needle) != NULL, "no %s in\n%s", needle, s)

/* A pause of 1 ms of lecture time moves everything after it on by 1 ms; the
 * controller's track shows it. */
START_TEST(trace_pause_adds_lecture_time)
{
    trace_writer *t = open_trace();
    ev(t, 0, EV_SCENARIO_START, 0, 0, 1000, 1000);
    ev(t, 1, EV_THREAD_START, 0, 0, 2000, 2000);
    ev(t, PS_ACTOR_CTL, EV_CTL_PAUSE, 0, 0, 3000, 3000);
    ev(t, PS_ACTOR_CTL, EV_CTL_RESUME, 0, 0, 3100, 1003000);
    ev(t, 1, EV_SLEEP, 0, 0, 4000, 1004000);
    ev(t, 1, EV_WAKE, 0, 0, 5000, 1005000);
    char *s = close_trace(t);
    HAS(s, "\"ts\":3.000,\"dur\":1000.100,\"cat\":\"lecture\",\"name\":\"paused\"");
    HAS(s, "\"tid\":2,\"ts\":2.000,\"dur\":1002.000,\"cat\":\"run\"");
    HAS(s, "\"tid\":2,\"ts\":1004.000,\"dur\":1.000,\"cat\":\"sleep\",\"name\":\"sleep\","
           "\"args\":{\"vt_ns\":4000,\"vt_dur_ns\":1000}");
    HAS(s, "\"otherData\":{\"clock\":\"virtual+lecture\"");
    HAS(s, "\"held_ns\":1000000,\"steps\":0,\"events\":6}");
}
END_TEST

/* A run started in step mode: its first event is a step.  The lecture time
 * before it is held time, the virtual clock stands still, yet each step's
 * events have times of their own, a slice per step on the controller's
 * track. */
START_TEST(trace_step_start_is_held)
{
    trace_writer *t = open_trace();
    ev(t, PS_ACTOR_CTL, EV_CTL_STEP, 0, 0, 0, 500);
    ev(t, 0, EV_SCENARIO_START, 0, 0, 0, 600);
    ev(t, PS_ACTOR_CTL, EV_CTL_STEP, 0, 0, 0, 10600);
    ev(t, 0, EV_THREAD_START, 0, 0, 0, 10700);
    ev(t, 0, EV_SLEEP, 0, 0, 0, 10700); /* the same lecture ns: the next slot */
    ev(t, 0, EV_WAKE, 0, 0, 2000, 20000);
    char *s = close_trace(t);
    /* held from 0 to the end (22.000 + two 4 ns slots) */
    HAS(s, "{\"ph\":\"X\",\"pid\":1,\"tid\":1073741825,\"ts\":0.000,\"dur\":22.008,"
           "\"cat\":\"lecture\",\"name\":\"step mode\"");
    HAS(s, "\"ts\":0.500,\"dur\":10.100,\"cat\":\"step\",\"name\":\"step main\"");
    HAS(s, "\"ts\":10.600,\"dur\":11.408,\"cat\":\"step\",\"name\":\"step main\"");
    HAS(s, "\"tid\":1,\"ts\":0.600,\"dur\":10.104,\"cat\":\"run\"");
    /* the sleep's 2 us of virtual time on top of 20 us of lecture time */
    HAS(s, "\"tid\":1,\"ts\":10.704,\"dur\":11.296,\"cat\":\"sleep\",\"name\":\"sleep\","
           "\"args\":{\"vt_ns\":0,\"vt_dur_ns\":2000}");
    HAS(s, "\"held_ns\":20000,\"steps\":2,");
}
END_TEST

/* Operations at one virtual ns (a hand-off, a tight loop) and a stamp
 * earlier than the event before (threads stamp their own time): each event
 * takes the next 4 ns slot, its operation's slice 1 ns into it, its flow
 * and counter inside that. */
START_TEST(trace_slots_never_share_or_go_back)
{
    trace_writer *t = open_trace();
    ps_event obj = {.seq = seq++, .kind = EV_OBJECT, .obj = 7, .arg = PS_OBJ_CHAN, .value = 1};
    trace_event(t, &obj);
    ev(t, 1, EV_THREAD_START, 0, 0, 1000, 0);
    ev(t, 2, EV_THREAD_START, 0, 0, 1000, 0);
    ev(t, 1, EV_Q_SEND, 7, 42, 5000, 0);
    ev(t, 2, EV_Q_RECV, 7, 42, 4000, 0); /* stamped earlier */
    char *s = close_trace(t);
    HAS(s, "\"tid\":2,\"ts\":5.001,\"dur\":0.002,\"cat\":\"queue\",\"name\":\"send chan 7 42\"");
    HAS(s, "{\"ph\":\"s\",\"pid\":1,\"tid\":2,\"ts\":5.002,\"cat\":\"handoff\",\"name\":\"chan 7\","
           "\"id\":30064771073}");
    HAS(s, "\"tid\":3,\"ts\":5.005,\"dur\":0.002,\"cat\":\"queue\",\"name\":\"recv chan 7 42\"");
    HAS(s, "{\"ph\":\"f\",\"pid\":1,\"tid\":3,\"ts\":5.006,\"cat\":\"handoff\",\"name\":\"chan 7\","
           "\"id\":30064771073,\"bp\":\"e\"}");
    HAS(s, "{\"ph\":\"C\",\"pid\":1,\"tid\":3,\"ts\":5.006,\"name\":\"queue chan 7\"");
    HAS(s, "\"tid\":3,\"ts\":1.004,\"dur\":4.008,\"cat\":\"run\""); /* closed at the end slot */
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("trace");
    TCase *tc = tcase_create("clock");
    tcase_add_test(tc, trace_pause_adds_lecture_time);
    tcase_add_test(tc, trace_step_start_is_held);
    tcase_add_test(tc, trace_slots_never_share_or_go_back);
    suite_add_tcase(s, tc);
    return s;
}
