/* test_record.c - recordings: a Go program's live run -> record -> replay
 * gives the same events and the same model; every kind of bad recording is
 * named by FILE:LINE, a version 1 recording (a retired C scenario's) is
 * refused; a full disk stops the recording, not the run; replay controls. */
#include <check.h>
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "version.h" /* PS_SOURCE_ASSETS */

#include "rec/outfile.h"
#include "rec/record.h"
#include "rec/replay.h"
#include "go/goprog.h"
#include "rec/session.h"
#include "rec/session_go.h"
#include "model_same.h"

/* What a consumer saw: its model and every event. */
typedef struct seen {
    model m;
    ps_event *events;
    size_t n, cap;
    int deadlocked;
} seen;

static void seen_event(seen *v, const ps_event *e)
{
    model_apply(&v->m, e);
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 1024;
        v->events = realloc(v->events, v->cap * sizeof *v->events);
        ck_assert_ptr_nonnull(v->events);
    }
    v->events[v->n++] = *e;
}

/* Steps a live run in step mode takes before it runs on (a program of 50
 * goroutines doing 1000 increments each would take 50 000 steps). */
#define DRAIN_STEPS 300

/* Drains s to its end like headless does, recording if rec is given; a
 * deadlock stops the run, as the screen does.  In step mode it steps with
 * the default rule, DRAIN_STEPS steps, then runs on. */
static void drain(session *s, seen *v, recorder *rec)
{
    ps_event buf[256];
    pacer_view pv;
    int steps = 0;
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
        if (s->ops->deadlocked(s) && !v->deadlocked) {
            v->deadlocked = 1;
            s->ops->stop(s);
        }
        s->ops->view(s, &pv);
        if (pv.mode == PACER_STEP && steps++ == DRAIN_STEPS)
            s->ops->set_mode(s, PACER_RUN);
        else if (pv.mode != PACER_STEP || s->ops->step(s, PACER_ANY) < 0)
            s->ops->wait(s, 10000000);
    }
}

static void seen_free(seen *v)
{
    model_free(&v->m);
    free(v->events);
}

/* Ends a live session: the program's output, which it kept, is dropped
 * (destroy would write it to stdout). */
static void destroy_quiet(session *s)
{
    fflush(stdout);
    int out = dup(1), null = open("/dev/null", O_WRONLY);
    if (out >= 0 && null >= 0)
        dup2(null, 1);
    s->ops->destroy(s);
    if (out >= 0 && null >= 0)
        dup2(out, 1);
    if (out >= 0)
        close(out);
    if (null >= 0)
        close(null);
}

static void temp_path(char *path, size_t len, const char *tag)
{
    snprintf(path, len, "/tmp/ps-test-%s-%ld.rec", tag, (long)getpid());
}

/* The Go file at path, loaded and checked. */
static goprog *load_go(const char *path)
{
    char err[512];
    goprog *g = goprog_load(path, 0, NULL, NULL, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    return g;
}

/* A live session of the Go file at path in mode, at 100x. */
static session *live_go(const char *path, pacer_mode mode)
{
    const char *cerr = NULL;
    run_program_opts o = {.mode = mode, .speed_milli = PACER_SPEED_MAX};
    session *s = session_go_create(load_go(path), path, &o, 0, &cerr);
    ck_assert_msg(s != NULL, "%s: %s", path, cerr ? cerr : "?");
    return s;
}

/* A live run of the Go file at path in mode, recorded; replayed; both the
 * same: every event, the model, the program.  1 if the run deadlocked. */
static int round_trip(const char *path, pacer_mode mode)
{
    char rec_path[128], err[512];
    seen live, back;
    const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
    temp_path(rec_path, sizeof rec_path, base);
    session *s = live_go(path, mode);
    const goprog *g = session_go_program(s);
    ck_assert_ptr_nonnull(g);
    recorder *rec = record_open_go(rec_path, g, err, sizeof err);
    ck_assert_msg(rec != NULL, "%s", err);
    drain(s, &live, rec);
    ck_assert_int_eq(record_close(rec, err, sizeof err), 0);
    ps_params lp = s->params;
    ps_layout ll = s->layout;
    goprog *src = load_go(path); /* the file, to compare the recorded source with */
    destroy_quiet(s);
    ck_assert_msg(live.m.ended || live.deadlocked, "%s did not end", path);
    ck_assert_uint_gt(live.n, 2);
    ck_assert_uint_eq(live.m.seq_errors, 0);
    if (mode == PACER_STEP)
        ck_assert_uint_gt(live.m.kind_count[EV_CTL_STEP], 0);

    session *r = session_replay_create(rec_path, PACER_RUN, PACE_VIRTUAL, err, sizeof err);
    ck_assert_msg(r != NULL && !err[0], "%s: %s", path, err);
    ck_assert_str_eq(r->params.name, lp.name);
    ck_assert_str_eq(r->params.title, lp.title);
    ck_assert_mem_eq(&r->layout, &ll, sizeof ll);
    const goprog *rg = session_program(r);
    ck_assert_ptr_nonnull(rg);
    ck_assert_str_eq(rg->path, path);
    ck_assert_uint_eq(rg->len, src->len);
    ck_assert_int_eq(memcmp(rg->src, src->src, src->len), 0);
    ck_assert_int_eq(rg->nlabels, src->nlabels);
    goprog_free(src);
    ck_assert_uint_eq(r->ops->length(r), live.m.events);
    r->ops->set_speed(r, PACER_SPEED_MAX);
    drain(r, &back, NULL);
    ck_assert_int_eq(back.deadlocked, 0); /* a recording only replays */
    ck_assert_uint_eq(back.n, live.n);
    for (size_t i = 0; i < live.n; i++)
        ck_assert_msg(!memcmp(&back.events[i], &live.events[i], sizeof live.events[i]),
                      "%s: event %zu differs", path, i);
    model_same(&back.m, &live.m);
    r->ops->destroy(r);
    int dl = live.deadlocked;
    seen_free(&live);
    seen_free(&back);
    unlink(rec_path);
    return dl;
}

static int name_cmp(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Built-ins whose run is tens of thousands of statements (goroutines doing
 * thousands of operations each): a stepped round trip of theirs runs on for
 * a second after its DRAIN_STEPS steps, as their running one does, and
 * tests nothing the others' stepped ones do not; they round trip running. */
static int heavy(const char *name)
{
    return !strcmp(name, "atomic-counters.go") || !strcmp(name, "mutexes.go") ||
           !strcmp(name, "race.go");
}

/* Every built-in scenario (assets/scenarios/NAME.go) round trips, running
 * and (all but the heavy ones) stepped: with the controller's ctl-step
 * events, then running on. */
START_TEST(round_trip_every_scenario)
{
    char dir[4096], path[4096 + 256];
    char *names[256];
    int n = 0;
    snprintf(dir, sizeof dir, "%s/scenarios", PS_SOURCE_ASSETS);
    DIR *d = opendir(dir);
    ck_assert_ptr_nonnull(d);
    for (struct dirent *de; (de = readdir(d));) {
        size_t len = strlen(de->d_name);
        if (len > 3 && !strcmp(de->d_name + len - 3, ".go") && n < 256)
            names[n++] = strdup(de->d_name);
    }
    closedir(d);
    qsort(names, (size_t)n, sizeof names[0], name_cmp);
    ck_assert_int_ge(n, 9); /* the nine the C scenarios were, and more */
    for (int i = 0; i < n; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        int dl = round_trip(path, PACER_RUN);
        if (!strcmp(names[i], "deadlock.go")) /* a run the deadlock stopped records too */
            ck_assert_int_eq(dl, 1);
        if (!heavy(names[i]))
            round_trip(path, PACER_STEP);
        free(names[i]);
    }
}
END_TEST

/* ---- bad recordings ---- */

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

/* A version 2 header: the program p.go, three lines of source (lines 1-6),
 * its events line (7): the first event is line 8. */
#define HEADER GO_HEAD GO_SRC "events\n"
#define EV0 "0 0 0 main scenario-start 0 3 5\n"
#define EV1 "1 5 9 W1 thread-start 0 0 0\n"

START_TEST(bad_recordings)
{
    char text[1024];
    bad("", -1, 1, "empty file", 0);
    bad("hello world\n", -1, 1, "not a poolscope recording", 0);
    bad("\x7f"
        "ELF\x02\x01\n",
        -1, 1, "not a poolscope recording", 0);
    bad("poolscope-recording 4\nevents\n", -1, 1, "version '4' is not supported", 0);
    bad(GO_HEAD GO_SRC, -1, 7, "before its 'events' line", 0);
    snprintf(text, sizeof text, "%s" EV0 EV1 "end 2\n", HEADER);
    bad(text, 0, 0, "", 2);
    snprintf(text, sizeof text, "%s" EV0 "garbage here\n" EV1 "end 2\n", HEADER);
    bad(text, 1, 9, "unexpected line 'garbage here'; replaying the 1 events", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 thread-start 0 0\n", HEADER);
    bad(text, 1, 9, "not an event line", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 thread-begin 0 0 0\n", HEADER);
    bad(text, 1, 9, "unknown event kind 'thread-begin'", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 bob thread-start 0 0 0\n", HEADER);
    bad(text, 1, 9, "unknown actor 'bob'", 1);
    snprintf(text, sizeof text, "%s" EV0 "2 5 9 W1 thread-start 0 0 0\n", HEADER);
    bad(text, 1, 9, "out of sequence: seq 2, want 1", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 thread-sta", HEADER);
    bad(text, 1, 9, "last line is cut short", 1);
    snprintf(text, sizeof text, "%s" EV0 EV1, HEADER);
    bad(text, 1, 0, "no end line (the recording was cut short); replaying the 2 events", 2);
    snprintf(text, sizeof text, "%s" EV0 EV1 "end 3\n", HEADER);
    bad(text, 1, 10, "end line says '3'", 2);
    snprintf(text, sizeof text, "%s" EV0 EV1 "end 2\n" EV1, HEADER);
    bad(text, 1, 11, "text after the end line", 2);
    snprintf(text, sizeof text, "%s" EV0 "1 -5 9 W1 thread-start 0 0 0\n", HEADER);
    bad(text, 1, 9, "not an event line", 1);
    /* a Go program's source line: "@N" after the value, N >= 1 */
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @0\n", HEADER);
    bad(text, 1, 9, "not an event line", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @12x\n", HEADER);
    bad(text, 1, 9, "not an event line", 1);
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @4294967296\n", HEADER);
    bad(text, 1, 9, "not an event line", 1);
    char err[256];
    replay_data d;
    ck_assert_int_eq(replay_load(&d, "/nonexistent/x.rec", err, sizeof err), -1);
    ck_assert_str_eq(err, "cannot read recording /nonexistent/x.rec: No such file or directory");
}
END_TEST

/* A version 1 recording (a C scenario's parameters, before every scenario
 * was a Go program) is refused, and the message says which version. */
START_TEST(version_1_refused)
{
    static const char v1[] = "poolscope-recording 1\n"
                             "param kind=worker-pool\n"
                             "param workers=3\n"
                             "events\n" EV0 EV1 "end 2\n";
    bad(v1, -1, 1, "version 1", 0);
}
END_TEST

/* ---- writing ---- */

/* The line of a Go program's event: written as " @N", read back, folded
 * into its actor. */
START_TEST(event_lines_round_trip)
{
    char text[1024], err[256], buf[256];
    snprintf(text, sizeof text, "%s" EV0 "1 5 9 W1 at 0 0 0 @2\n2 6 10 W1 sleep 0 0 7 @3\nend 3\n",
             HEADER);
    replay_data d;
    ck_assert_int_eq(load_text(text, err, sizeof err, &d), 0);
    ck_assert_uint_eq(d.n, 3);
    ck_assert_uint_eq(d.events[0].line, 0);
    ck_assert_uint_eq(d.events[1].line, 2);
    ck_assert_int_eq(d.events[1].kind, EV_AT);
    ck_assert_uint_eq(d.events[2].line, 3);
    event_format(&d.events[2], buf, sizeof buf);
    /* a version 2 line has no lecture clock: its real time stands in */
    ck_assert_str_eq(buf, "2 6 10 W1 sleep 0 0 7 10 @3");
    event_format(&d.events[0], buf, sizeof buf);
    ck_assert_str_eq(buf, "0 0 0 main scenario-start 0 3 5 0");
    model m;
    ck_assert_int_eq(model_init(&m, &d.layout), 0);
    model_set_text(&m, &d.text);
    for (uint64_t i = 0; i < d.n; i++)
        model_apply(&m, &d.events[i]);
    ck_assert_uint_eq(m.actors[1].line, 3);
    ck_assert_uint_eq(m.actors[0].line, 0);
    ck_assert_int_eq(m.ui.code_at[1], 3); /* where the screen shows W1 in the listing */
    model_free(&m);
    replay_free(&d);
}
END_TEST

/* go_src as a program (its path: name). */
static goprog *small_prog(const char *name)
{
    char err[512];
    goprog *g =
        goprog_load_text(name, strdup(go_src), strlen(go_src), 0, NULL, NULL, err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    return g;
}

START_TEST(record_to_full_disk)
{
    char err[512];
    goprog *g = small_prog("small.go");
    recorder *r = record_open_go("/dev/full", g, err, sizeof err);
    ck_assert_ptr_nonnull(r); /* opening works; the first flush fails */
    ck_assert_ptr_nonnull(record_error(r));
    ck_assert_msg(strstr(record_error(r), "recording to /dev/full stopped") &&
                      strstr(record_error(r), "No space left on device"),
                  "%s", record_error(r));
    ps_event e = {0};
    ck_assert_int_eq(record_event(r, &e), 0); /* stopped: no second report */
    ck_assert_int_eq(record_close(r, err, sizeof err), -1);
    ck_assert_ptr_nonnull(strstr(err, "/dev/full"));
    ck_assert_ptr_null(record_open_go("/nonexistent/dir/x.rec", g, err, sizeof err));
    ck_assert_str_eq(err, "cannot record to /nonexistent/dir/x.rec: No such file or directory");
    goprog_free(g);
}
END_TEST

/* A recording killed mid-run keeps every line flushed before: at most
 * RECORD_FLUSH_NS old. */
START_TEST(record_flushes_every_100ms)
{
    char path[128], err[512];
    goprog *g = small_prog("small.go");
    temp_path(path, sizeof path, "flush");
    recorder *r = record_open_go(path, g, err, sizeof err);
    ck_assert_ptr_nonnull(r);
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
    goprog_free(g);
    unlink(path);
}
END_TEST

/* What a recording says of its run survives it: the parameters and layout
 * a replay gives are the live session's (the name from the program's
 * path, spaces and all), and --set values with backslashes, quotes, an
 * '=' and a newline come back as set. */
START_TEST(params_round_trip)
{
    char path[128], err[512];
    static const char src[] = "package main\n\nimport \"fmt\"\n\nconst title = \"plain\"\n\n"
                              "func main() {\n\tfmt.Println(title)\n}\n";
    const char *names[] = {"title"}, *values[] = {"a\\b \"q\"\nc = d"};
    goprog *g = goprog_load_text("/some dir/my prog.go", strdup(src), strlen(src), 1, names, values,
                                 err, sizeof err);
    ck_assert_msg(g != NULL, "%s", err);
    ps_params lp;
    ps_layout ll;
    session_go_layout(&lp, &ll, g->path);
    temp_path(path, sizeof path, "params");
    recorder *r = record_open_go(path, g, err, sizeof err);
    ck_assert_ptr_nonnull(r);
    ck_assert_int_eq(record_close(r, err, sizeof err), 0);
    replay_data d;
    ck_assert_msg(replay_load(&d, path, err, sizeof err) == 0, "%s", err);
    ck_assert_str_eq(d.params.name, "my prog.go");
    ck_assert_str_eq(d.params.name, lp.name);
    ck_assert_str_eq(d.params.title, lp.title);
    ck_assert_int_eq(d.params.speed_milli, lp.speed_milli);
    ck_assert_mem_eq(&d.layout, &ll, sizeof ll);
    ck_assert_int_eq(d.layout.program, 1);
    ck_assert_ptr_nonnull(d.prog);
    ck_assert_str_eq(d.prog->path, "/some dir/my prog.go");
    ck_assert_int_eq(d.prog->nsets, 1);
    ck_assert_str_eq(d.prog->set_names[0], "title");
    ck_assert_str_eq(d.prog->set_values[0], values[0]);
    ck_assert_uint_eq(d.n, 0);
    replay_free(&d);
    goprog_free(g);
    unlink(path);
}
END_TEST

/* ---- replay controls ---- */

/* assets/scenarios/worker-pool.go, into buf. */
static const char *pool_path(char *buf, size_t len)
{
    snprintf(buf, len, "%s/scenarios/worker-pool.go", PS_SOURCE_ASSETS);
    return buf;
}

/* A recorded worker-pool.go run at 100x, replayed in mode. */
static session *replay_of_pool(pacer_mode mode, char *path, size_t len)
{
    char err[512], prog[4096];
    seen live;
    temp_path(path, len, "controls");
    session *s = live_go(pool_path(prog, sizeof prog), PACER_RUN);
    recorder *rec = record_open_go(path, session_program(s), err, sizeof err);
    ck_assert_msg(rec != NULL, "%s", err);
    drain(s, &live, rec);
    ck_assert_int_eq(record_close(rec, err, sizeof err), 0);
    destroy_quiet(s);
    ck_assert_int_eq(live.m.ended, 1);
    seen_free(&live);
    session *r = session_replay_create(path, mode, PACE_VIRTUAL, err, sizeof err);
    ck_assert_msg(r != NULL, "%s", err);
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
    size_t w2 = 1;
    while (w2 < d->n && d->events[w2].actor != 2)
        w2++;
    ck_assert_uint_lt(w2, 20); /* worker 2 started among the first events */
    ck_assert_int_eq(r->ops->step(r, 2), 2);
    size_t n = r->ops->poll(r, e, 64);
    ck_assert_uint_eq(n, w2);
    ck_assert_int_eq(e[n - 1].actor, 2);
    ck_assert_uint_eq(e[n - 1].seq, w2);
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
    /* run: the rest comes at 100x (2 virtual s: about 20 ms) */
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
    char path[128], prog[4096];
    ps_event e[64];
    session_stats st;
    model m;
    session *l = live_go(pool_path(prog, sizeof prog), PACER_RUN);
    ck_assert_uint_eq(session_caps(l), SESSION_PICK);
    ck_assert(l->ops->seek == NULL);
    ck_assert_ptr_null(session_replay_data(l));
    ck_assert_ptr_nonnull(session_program(l));
    ck_assert_uint_eq(l->ops->length(l), 0); /* real threads: not known */
    while (!l->ops->finished(l))
        if (!session_poll(l, e, 64))
            l->ops->wait(l, 10000000);
    ck_assert_int_eq(l->ops->deadlocked(l), 0);
    l->ops->stats(l, &st);
    ck_assert_int_eq(st.replayed, 0);
    destroy_quiet(l);

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
    tcase_set_timeout(tc, 120);
    tcase_add_test(tc, round_trip_every_scenario);
    tcase_add_test(tc, bad_recordings);
    tcase_add_test(tc, version_1_refused);
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
