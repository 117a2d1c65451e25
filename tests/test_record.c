/* test_record.c - recordings: live run -> record -> replay gives the same
 * lecture and the same model; every kind of bad recording is named by
 * FILE:LINE; a full disk stops the recording, not the run; replay controls. */
#include <check.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "model/logfmt.h"
#include "rec/outfile.h"
#include "rec/record.h"
#include "rec/replay.h"
#include "go/goprog.h"
#include "rec/session.h"
#include "model_same.h"
#include "testlib.h"

/* What a consumer saw: its model and its lecture lines. */
typedef struct seen {
    model m;
    char *lines;
    size_t len, cap;
} seen;

static void seen_event(seen *v, const ps_event *e)
{
    char line[256];
    model_apply(&v->m, e);
    size_t n = logfmt_line(&v->m.layout, e, line, sizeof line);
    if (!n)
        return;
    if (v->len + n + 2 > v->cap) {
        v->cap = (v->cap + n + 2) * 2;
        v->lines = realloc(v->lines, v->cap);
    }
    memcpy(v->lines + v->len, line, n);
    v->len += n;
    v->lines[v->len++] = '\n';
    v->lines[v->len] = '\0';
}

/* Drains s to its end like headless does, recording if rec is given. */
static void drain(session *s, seen *v, recorder *rec)
{
    ps_event buf[256];
    pacer_view pv;
    memset(v, 0, sizeof(*v));
    ck_assert_int_eq(model_init(&v->m, &s->layout), 0);
    while (!s->ops->finished(s)) {
        size_t n = session_poll(s, buf, 256);
        for (size_t i = 0; i < n; i++) {
            seen_event(v, &buf[i]);
            if (rec)
                ck_assert_int_eq(record_event(rec, &buf[i]), 0);
        }
        if (n)
            continue;
        s->ops->view(s, &pv);
        if (pv.mode != PACER_STEP || s->ops->step(s, PACER_ANY) < 0)
            s->ops->wait(s, 10000000);
    }
}

static void seen_free(seen *v)
{
    model_free(&v->m);
    free(v->lines);
}

static void temp_path(char *path, size_t len, const char *tag)
{
    snprintf(path, len, "/tmp/ps-test-%s-%ld.rec", tag, (long)getpid());
}

/* Live run of scenario d in mode, recorded; replayed; both the same. */
static void round_trip(const scenario_def *d, pacer_mode mode)
{
    ps_params p;
    char path[128], err[512];
    const char *cerr;
    seen live, back;
    ck_assert_int_eq(scenario_defaults(d->name, &p), 0);
    p.speed_milli = PACER_SPEED_MAX;
    temp_path(path, sizeof path, d->name);
    session *s = session_live_create(&p, mode, 0, &cerr);
    ck_assert_ptr_nonnull(s);
    recorder *rec = record_open(path, &s->params, err, sizeof err);
    ck_assert_ptr_nonnull(rec);
    drain(s, &live, rec);
    ck_assert_int_eq(record_close(rec, err, sizeof err), 0);
    s->ops->destroy(s);
    ck_assert_int_eq(live.m.ended, 1);

    session *r = session_replay_create(path, PACER_RUN, err, sizeof err);
    ck_assert_msg(r != NULL && !err[0], "%s", err);
    ck_assert_mem_eq(&r->params, &p, sizeof p);
    ck_assert_uint_eq(r->ops->length(r), live.m.events);
    r->ops->set_speed(r, PACER_SPEED_MAX);
    drain(r, &back, NULL);
    ck_assert_str_eq(back.lines, live.lines);
    model_same(&back.m, &live.m);
    r->ops->destroy(r);
    seen_free(&live);
    seen_free(&back);
    unlink(path);
}

START_TEST(round_trip_every_scenario)
{
    for (const scenario_def *const *d = scenario_all(); *d; d++) {
        round_trip(*d, PACER_RUN);
        round_trip(*d, PACER_STEP); /* with the controller's ctl-step events */
    }
}
END_TEST

/* ---- bad recordings ---- */

static const char header[] = "poolscope-recording 1\n"
                             "param kind=worker-pool\n"
                             "param workers=3\n"
                             "events\n";

/* Loads text as a recording: the load's result, its message in err. */
static int load_text(const char *text, char *err, size_t len, replay_data *d)
{
    char path[128];
    temp_path(path, sizeof path, "bad");
    FILE *f = fopen(path, "w");
    ck_assert_ptr_nonnull(f);
    fputs(text, f);
    fclose(f);
    int rc = replay_load(d, path, err, len);
    unlink(path);
    return rc;
}

/* A load of text gives rc, a message naming line 'line' and containing
 * 'what', and (rc 1) the events before it. */
static void bad(const char *text, int rc, int line, const char *what, uint64_t events)
{
    char err[512], where[160];
    replay_data d;
    int got = load_text(text, err, sizeof err, &d);
    ck_assert_msg(got == rc, "rc %d (want %d): %s", got, rc, err);
    if (line) {
        snprintf(where, sizeof where, ".rec:%d: ", line);
        ck_assert_msg(strstr(err, where), "'%s' lacks '%s'", err, where);
    }
    ck_assert_msg(strstr(err, what), "'%s' lacks '%s'", err, what);
    if (got >= 0) {
        ck_assert_uint_eq(d.n, events);
        replay_free(&d);
    }
}

#define EV0 "0 0 0 main scenario-start 0 3 5\n"
#define EV1 "1 5 9 W1 thread-start 0 0 0\n"

/* ---- a Go program's recordings (version 2) ---- */

static const char go_src[] = "package main\n\nimport \"fmt\"\n\nconst n = 2 // jobs\n\n"
                             "func main() {\n\tfmt.Println(\"n is\", n)\n}\n";

/* A recording of go_src (+ extra appended to it) with --set n=7 and two
 * events; the replay's program must be the one recorded, source and all. */
START_TEST(go_recording_round_trip)
{
    char path[128], err[512];
    static char src[sizeof go_src + 9000];
    /* a comment line longer than a recording's line: carried over in chunks */
    size_t n = strlen(go_src);
    memcpy(src, go_src, n);
    memcpy(src + n, "// ", 3);
    memset(src + n + 3, 'x', 8990);
    src[n + 8993] = '\n';
    src[n + 8994] = 0;
    char *copy = strdup(src);
    const char *names[] = {"n"}, *values[] = {"7"};
    goprog *g =
        goprog_load_text("my prog.go", copy, strlen(src), 1, names, values, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    temp_path(path, sizeof path, "go");
    recorder *r = record_open_go(path, g, err, sizeof err);
    ck_assert_ptr_nonnull(r);
    ps_event e0 = {.seq = 0, .kind = EV_SCENARIO_START, .actor = PS_ACTOR_MAIN};
    ps_event e1 = {
        .seq = 1, .vt_ns = 5, .kind = EV_THREAD_START, .actor = 4000, .obj = 1, .line = 8};
    ck_assert_int_eq(record_event(r, &e0), 0);
    ck_assert_int_eq(record_event(r, &e1), 0);
    ck_assert_int_eq(record_close(r, err, sizeof err), 0);
    replay_data d;
    ck_assert_msg(replay_load(&d, path, err, sizeof err) == 0, "%s", err);
    ck_assert_ptr_nonnull(d.prog);
    ck_assert_str_eq(d.prog->path, "my prog.go");
    ck_assert_uint_eq(d.prog->len, strlen(src));
    ck_assert_int_eq(memcmp(d.prog->src, src, d.prog->len), 0);
    ck_assert_int_eq(d.prog->nsets, 1);
    ck_assert_str_eq(d.prog->set_values[0], "7");
    ck_assert_int_eq(d.layout.program, 1);
    ck_assert_uint_eq(d.n, 2);
    ck_assert_uint_eq(d.events[1].actor, 4000); /* a goroutine past the first 64 */
    ck_assert_uint_eq(d.events[1].line, 8);
    /* the listing shows the value set, as the live screen does */
    ck_assert_msg(strstr(d.text.lines[4], "const n = 7") && strstr(d.text.lines[4], "--set"), "%s",
                  d.text.lines[4]);
    replay_free(&d);
    goprog_free(g);
    unlink(path);
}
END_TEST

#define GO_HEAD "poolscope-recording 2\nprogram p.go\n"
#define GO_SRC "source 3\n| package main\n|\n| func main() {}\n"

START_TEST(go_bad_recordings)
{
    bad(GO_HEAD GO_SRC "events\nend 0\n", 0, 0, "", 0);
    bad(GO_HEAD "events\n", -1, 3, "needs its 'program' and 'source' lines", 0);
    bad("poolscope-recording 2\n" GO_SRC "events\n", -1, 6, "needs its 'program'", 0);
    bad(GO_HEAD "source 4\n| package main\n|\n| func main() {}\nevents\n", -1, 7,
        "the source ends before", 0);
    bad(GO_HEAD GO_SRC "| extra\n", -1, 7, "unexpected line", 0);
    bad(GO_HEAD "source 1\n+ package main\n", -1, 4, "continues no source line", 0);
    bad(GO_HEAD "source x\n", -1, 3, "want one 'source N' line", 0);
    bad(GO_HEAD GO_SRC "set n\n", -1, 7, "set line without 'NAME='", 0);
    bad(GO_HEAD "program q.go\n", -1, 3, "a second 'program' line", 0);
    /* the program must check here: a recording of another Go is refused */
    bad(GO_HEAD "source 1\n| package main; func main() { undefined() }\nevents\n", -1, 5,
        "does not check here: p.go:1:", 0);
    /* --set of a constant the program lacks: as on the command line */
    bad(GO_HEAD GO_SRC "set nope=1\nevents\n", -1, 8, "does not check here", 0);
    /* goroutine ids go past the 64 a scenario has */
    bad(GO_HEAD GO_SRC "events\n0 0 0 W70000 thread-start 1 0 0\nend 1\n", 0, 0, "", 1);
}
END_TEST

START_TEST(bad_recordings)
{
    char text[1024];
    bad("", -1, 1, "empty file", 0);
    bad("hello world\n", -1, 1, "not a poolscope recording", 0);
    bad("\x7f"
        "ELF\x02\x01\n",
        -1, 1, "not a poolscope recording", 0);
    bad("poolscope-recording 3\nevents\n", -1, 1, "version '3' is not supported", 0);
    bad("poolscope-recording 1\nparam workers=3\n", -1, 2, "before 'kind'", 0);
    bad("poolscope-recording 1\nparam kind=nope\n", -1, 2, "bad value 'nope' for parameter 'kind'",
        0);
    bad("poolscope-recording 1\nparam kind=worker-pool\nparam colour=red\n", -1, 3,
        "unknown parameter 'colour'", 0);
    bad("poolscope-recording 1\nparam kind=worker-pool\nparam workers=0\nevents\n", -1, 4,
        "workers (allowed: 1..64)", 0);
    bad("poolscope-recording 1\nparam kind=worker-pool\n", -1, 3, "before its 'events' line", 0);
    bad("poolscope-recording 1\nevents\n", -1, 2, "no 'param kind", 0);
    snprintf(text, sizeof text, "%s" EV0 EV1 "end 2\n", header);
    bad(text, 0, 0, "", 2);
    snprintf(text, sizeof text, "%s" EV0 "garbage here\n" EV1 "end 2\n", header);
    bad(text, 1, 6, "unexpected line 'garbage here'; replaying the 1 events", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 thread-start 0 0\n", header);
    bad(text, 1, 6, "not an event line", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 thread-begin 0 0 0\n", header);
    bad(text, 1, 6, "unknown event kind 'thread-begin'", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W9 thread-start 0 0 0\n", header);
    bad(text, 1, 6, "unknown actor 'W9'", 1);
    snprintf(text, sizeof text, "%s" EV0 "2 5 9 W1 thread-start 0 0 0\n", header);
    bad(text, 1, 6, "out of sequence: seq 2, want 1", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 thread-sta", header);
    bad(text, 1, 6, "last line is cut short", 1);
    snprintf(text, sizeof text, "%s" EV0 EV1, header);
    bad(text, 1, 0, "no end line (the recording was cut short); replaying the 2 events", 2);
    snprintf(text, sizeof text, "%s" EV0 EV1 "end 3\n", header);
    bad(text, 1, 7, "end line says '3'", 2);
    snprintf(text, sizeof text, "%s" EV0 EV1 "end 2\n" EV1, header);
    bad(text, 1, 8, "text after the end line", 2);
    snprintf(text, sizeof text, "%s" EV0 "1 -5 9 W1 thread-start 0 0 0\n", header);
    bad(text, 1, 6, "not an event line", 1);
    /* a Go program's source line: "@N" after the value, N >= 1 */
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @0\n", header);
    bad(text, 1, 6, "not an event line", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @12x\n", header);
    bad(text, 1, 6, "not an event line", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @4294967296\n", header);
    bad(text, 1, 6, "not an event line", 1);
    char err[256];
    replay_data d;
    ck_assert_int_eq(replay_load(&d, "/nonexistent/x.rec", err, sizeof err), -1);
    ck_assert_str_eq(err, "cannot read recording /nonexistent/x.rec: No such file or directory");
}
END_TEST

/* ---- writing ---- */

/* The line of a Go program's event: written as " @N", read back, folded
 * into its actor. */
START_TEST(event_lines_round_trip)
{
    char text[1024], err[256], buf[256];
    snprintf(text, sizeof text,
             "%s" EV0 "1 5 9 W1 at 0 0 0 @12\n2 6 10 W1 sleep 0 0 7 @13\nend 3\n", header);
    replay_data d;
    ck_assert_int_eq(load_text(text, err, sizeof err, &d), 0);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_uint_eq(d.events[0].line, 0);
    ck_assert_uint_eq(d.events[1].line, 12);
    ck_assert_int_eq(d.events[1].kind, EV_AT);
    ck_assert_uint_eq(d.events[2].line, 13);
    event_format(&d.events[2], buf, sizeof buf);
    ck_assert_str_eq(buf, "2 6 10 W1 sleep 0 0 7 @13");
    event_format(&d.events[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "0 0 0 main scenario-start 0 3 5");
    model m;
    ck_assert_int_eq(model_init(&m, &d.layout), 0);
    for (uint64_t i = 0; i < d.n; i++)
        model_apply(&m, &d.events[i]);
    ck_assert_uint_eq(m.actors[1].line, 13);
    ck_assert_uint_eq(m.actors[0].line, 0);
    model_free(&m);
    replay_free(&d);
}
END_TEST

START_TEST(record_to_full_disk)
{
    char err[512];
    ps_params p;
    scenario_defaults("worker-pool", &p);
    recorder *r = record_open("/dev/full", &p, err, sizeof err);
    ck_assert_ptr_nonnull(r); /* opening works; the first flush fails */
    ck_assert_ptr_nonnull(record_error(r));
    ck_assert_msg(strstr(record_error(r), "recording to /dev/full stopped") &&
                      strstr(record_error(r), "No space left on device"),
                  "%s", record_error(r));
    ps_event e = {0};
    ck_assert_int_eq(record_event(r, &e), 0); /* stopped: no second report */
    ck_assert_int_eq(record_close(r, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "/dev/full"));
    ck_assert_ptr_null(record_open("/nonexistent/dir/x.rec", &p, err, sizeof err));
    ck_assert_str_eq(err, "cannot record to /nonexistent/dir/x.rec: No such file or directory");
}
END_TEST

/* A recording killed mid-run keeps every line flushed before: at most
 * RECORD_FLUSH_NS old. */
START_TEST(record_flushes_every_100ms)
{
    char path[128], err[512];
    ps_params p;
    scenario_defaults("worker-pool", &p);
    temp_path(path, sizeof path, "flush");
    recorder *r = record_open(path, &p, err, sizeof err);
    ps_event e = {.kind = EV_SCENARIO_START, .arg = 3, .value = 5};
    record_event(r, &e);
    usleep(120000);
    record_tick(r); /* what an idle consumer loop calls */
    replay_data d;
    /* no end line yet: the recording reads as cut short, with its event */
    ck_assert_int_eq(replay_load(&d, path, err, sizeof err), 1);
    ck_assert_uint_eq(d.n, 1);
    replay_free(&d);
    record_close(r, err, sizeof err);
    ck_assert_int_eq(replay_load(&d, path, err, sizeof err), 0);
    replay_free(&d);
    unlink(path);
}
END_TEST

/* Parameters survive a recording, text with newlines and backslashes too. */
START_TEST(params_round_trip)
{
    char path[128], err[512];
    ps_params p;
    scenario_defaults("waitgroup", &p);
    snprintf(p.title, sizeof p.title, "a\\b\nc = d");
    p.workers = 7;
    p.job_ns = 1234567; /* not a scenario's default */
    temp_path(path, sizeof path, "params");
    recorder *r = record_open(path, &p, err, sizeof err);
    record_close(r, err, sizeof err);
    replay_data d;
    ck_assert_int_eq(replay_load(&d, path, err, sizeof err), 0);
    ck_assert_mem_eq(&d.params, &p, sizeof p);
    ck_assert_int_eq(d.layout.workers, 7);
    replay_free(&d);
    unlink(path);
}
END_TEST

/* ---- replay controls ---- */

/* A recorded worker-pool run at 100x, replayed in mode. */
static session *replay_of_pool(pacer_mode mode, char *path, size_t len)
{
    ps_params p;
    char err[512];
    const char *cerr;
    seen live;
    scenario_defaults("worker-pool", &p);
    p.speed_milli = PACER_SPEED_MAX;
    temp_path(path, len, "controls");
    session *s = session_live_create(&p, PACER_RUN, 0, &cerr);
    recorder *rec = record_open(path, &s->params, err, sizeof err);
    drain(s, &live, rec);
    record_close(rec, err, sizeof err);
    s->ops->destroy(s);
    seen_free(&live);
    session *r = session_replay_create(path, mode, err, sizeof err);
    ck_assert_ptr_nonnull(r);
    return r;
}

START_TEST(replay_step_pause_seek)
{
    char path[128];
    ps_event e[64];
    pacer_view v;
    model m;
    session *r = replay_of_pool(PACER_STEP, path, sizeof path);
    const replay_data *d = session_replay_data(r);
    model_init(&m, &r->layout);
    ck_assert_uint_eq(r->ops->poll(r, e, 64), 0); /* step mode: nothing until a step */
    ck_assert_int_eq(r->ops->step(r, PACER_ANY), d->events[0].actor);
    ck_assert_uint_eq(r->ops->poll(r, e, 64), 1);
    ck_assert_uint_eq(e[0].seq, 0);
    /* a step for W2 hands out everything up to W2's next event */
    ck_assert_int_eq(r->ops->step(r, 2), 2);
    size_t n = r->ops->poll(r, e, 64);
    ck_assert_uint_ge(n, 1);
    ck_assert_int_eq(e[n - 1].actor, 2);
    /* seek: the model as of 20 events, and the next event handed out is 20 */
    ck_assert_int_eq(r->ops->seek(r, 20, &m), 0);
    ck_assert_uint_eq(m.events, 20);
    r->ops->view(r, &v);
    ck_assert_uint_eq(v.vnow, d->events[19].vt_ns);
    ck_assert_int_eq(v.next_default, d->events[20].actor);
    r->ops->step(r, PACER_ANY);
    ck_assert_uint_eq(r->ops->poll(r, e, 64), 1);
    ck_assert_uint_eq(e[0].seq, 20);
    /* paused: nothing comes however long one waits */
    r->ops->set_mode(r, PACER_PAUSE);
    r->ops->wait(r, 30000000);
    ck_assert_uint_eq(r->ops->poll(r, e, 64), 0);
    ck_assert_int_eq(r->ops->step(r, PACER_ANY), PACER_EMODE);
    /* run: the rest comes at 100x (2.1 virtual s: about 21 ms) */
    r->ops->set_mode(r, PACER_RUN);
    uint64_t got = 21;
    while (!r->ops->finished(r)) {
        got += r->ops->poll(r, e, 64);
        r->ops->wait(r, 50000000);
    }
    ck_assert_uint_eq(got, r->ops->length(r));
    /* restart = seek 0 */
    ck_assert_int_eq(r->ops->restart(r, &m), 0);
    ck_assert_uint_eq(m.events, 0);
    ck_assert_int_eq(r->ops->finished(r), 0);
    ck_assert_int_eq(r->ops->set_speed(r, 1000000), PACER_SPEED_MAX);
    model_free(&m);
    r->ops->destroy(r);
    unlink(path);
}
END_TEST

/* What a view asks instead of which kind of session it has: the caps, the
 * stats, deadlocked and stop, for real threads and for a recording. */
START_TEST(session_caps_and_ops)
{
    char path[128];
    ps_event e[64];
    ps_params p;
    const char *cerr;
    session_stats st;
    model m;
    scenario_defaults("worker-pool", &p);
    p.speed_milli = PACER_SPEED_MAX;
    session *l = session_live_create(&p, PACER_RUN, 0, &cerr);
    ck_assert_ptr_nonnull(l);
    ck_assert_uint_eq(session_caps(l), SESSION_PICK);
    ck_assert(l->ops->seek == NULL);
    ck_assert_ptr_null(session_replay_data(l));
    while (!l->ops->finished(l))
        if (!session_poll(l, e, 64))
            l->ops->wait(l, 10000000);
    ck_assert_int_eq(l->ops->deadlocked(l), 0);
    l->ops->stats(l, &st);
    ck_assert_int_eq(st.replayed, 0);
    l->ops->destroy(l);

    session *r = replay_of_pool(PACER_RUN, path, sizeof path);
    ck_assert_uint_eq(session_caps(r), SESSION_SEEK | SESSION_BACK);
    ck_assert_ptr_nonnull(session_replay_data(r));
    r->ops->stats(r, &st);
    ck_assert_int_eq(st.replayed, 1);
    ck_assert_uint_eq(st.blocked_count, 0);
    ck_assert_int_eq(r->ops->deadlocked(r), 0);
    /* stop: nothing more is handed out, and it is finished; a seek goes on */
    r->ops->stop(r);
    ck_assert_int_eq(r->ops->finished(r), 1);
    ck_assert_uint_eq(session_poll(r, e, 64), 0);
    model_init(&m, &r->layout);
    ck_assert_int_eq(r->ops->seek(r, 3, &m), 0);
    ck_assert_int_eq(r->ops->finished(r), 0);
    model_free(&m);
    r->ops->destroy(r);
    unlink(path);
}
END_TEST

/* An export is written whole or not at all: a failed one leaves the good
 * file that was there, and no temporary beside it. */
START_TEST(outfile_whole_or_nothing)
{
    char path[128], tmp[sizeof(((outfile *)0)->tmp)];
    temp_path(path, sizeof path, "outfile");
    FILE *f = fopen(path, "w");
    fputs("good\n", f);
    fclose(f);
    outfile of;
    ck_assert_int_eq(outfile_open(&of, path), 0);
    fputs("half", of.f);
    snprintf(tmp, sizeof tmp, "%s", of.tmp);
    ck_assert_int_eq(outfile_close(&of, 0), 0); /* the export failed */
    char buf[16] = "";
    f = fopen(path, "r");
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    fclose(f);
    ck_assert_str_eq(buf, "good\n");
    ck_assert_int_ne(access(tmp, F_OK), 0);
    ck_assert_int_eq(outfile_open(&of, path), 0); /* and a good one replaces it */
    fputs("new\n", of.f);
    ck_assert_int_eq(outfile_close(&of, 1), 0);
    f = fopen(path, "r");
    ck_assert_ptr_nonnull(fgets(buf, sizeof buf, f));
    fclose(f);
    ck_assert_str_eq(buf, "new\n");
    ck_assert_int_eq(outfile_open(&of, "/dev/full"), 0); /* a device: written directly */
    fputs("x", of.f);
    ck_assert_int_eq(outfile_close(&of, 1), -1);
    unlink(path);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("record");
    TCase *tc = tcase_create("record");
    tcase_add_test(tc, round_trip_every_scenario);
    tcase_add_test(tc, bad_recordings);
    tcase_add_test(tc, go_recording_round_trip);
    tcase_add_test(tc, go_bad_recordings);
    tcase_add_test(tc, event_lines_round_trip);
    tcase_add_test(tc, record_to_full_disk);
    tcase_add_test(tc, record_flushes_every_100ms);
    tcase_add_test(tc, params_round_trip);
    tcase_add_test(tc, replay_step_pause_seek);
    tcase_add_test(tc, session_caps_and_ops);
    tcase_add_test(tc, outfile_whole_or_nothing);
    suite_add_tcase(s, tc);
    return s;
}
