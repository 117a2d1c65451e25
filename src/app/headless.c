#include "headless.h"

#include <inttypes.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sync/clock.h"
#include "model/model.h"
#include "rec/replay.h"
#include "rec/session.h"
#include "scen/printable.h"
#include "outputs.h"

/* How long an idle drain sleeps at most: the recording's flush (outputs_tick)
 * and a deadlock check come at least this often. */
#define HEADLESS_WAIT_NS 50000000u /* 50 ms */

static void print_event(FILE *out, log_kind log, model *m, const ps_event *e)
{
    char line[256];
    model_apply(m, e);
    if (log != LOG_EVENTS) {
        /* the program's output as it wrote it, to the stream it went to */
        if (e->kind == EV_OUTPUT) {
            int fd;
            size_t k = model_output_bytes(e, line, &fd);
            fwrite(line, 1, k, fd == 2 ? stderr : out);
        }
        return;
    }
    size_t n = event_format(e, line, sizeof line - 1);
    if (n > sizeof line - 2)
        n = sizeof line - 2; /* event_format says what it would have written */
    line[n++] = '\n';        /* one fwrite of the line: no format string to parse */
    fwrite(line, 1, n, out);
}

static void summary(FILE *out, const model *m, session *s, uint64_t wall)
{
    session_stats st;
    char name[PS_NAME_LEN];
    s->ops->stats(s, &st);
    /* a recording's name is the file's text */
    snprintf(name, sizeof name, "%s", s->params.name);
    fprintf(out, "# %s: %.3f s wall, %.3f s virtual, %" PRIu64 " events, %" PRIu64 " goroutines",
            printable_fix(name), (double)wall / 1e9, (double)m->vt / 1e9, m->events,
            m->threads_started + m->started);
    if (st.replayed)
        fputs(", replayed", out);
    else
        fprintf(out, ", ring waits %" PRIu64 " (%.3f ms blocked)", st.blocked_count,
                (double)st.blocked_ns / 1e6);
    fputc('\n', out);
}

/* Go's message, and what each blocked thread waits on (from the model). */
static void report_deadlock(const model *m)
{
    char name[PS_ACTOR_NAME_LEN];
    fprintf(stderr, "poolscope: all threads are asleep - deadlock!\n");
    for (int a = 0; a < m->n_actors; a++)
        if (m->actors[a].state != MS_DONE)
            fprintf(stderr, "  %s: %s\n", model_actor_name(a, name),
                    model_state_name(m->actors[a].state));
}

/* Drains the session to its end.  Step mode without a screen: the default
 * rule chooses every step, which gives one deterministic interleaving. */
static void drain(session *s, FILE *out, log_kind log, model *m, outputs *k)
{
    ps_event buf[256];
    pacer_view v;
    while (!s->ops->finished(s)) {
        size_t n = session_poll(s, buf, 256);
        for (size_t i = 0; i < n; i++) {
            print_event(out, log, m, &buf[i]);
            outputs_event(k, &buf[i]);
        }
        outputs_tick(k);
        if (n)
            continue;
        fflush(out); /* quiet now: what was printed reaches a pipe's reader */
        if (s->ops->deadlocked(s)) {
            report_deadlock(m);
            s->ops->stop(s);
            continue;
        }
        s->ops->view(s, &v);
        if (v.mode != PACER_STEP || s->ops->step(s, PACER_ANY) < 0)
            s->ops->wait(s, HEADLESS_WAIT_NS);
    }
}

/* The recording of --replay (its warning printed). */
static session *open_session(const options *o)
{
    char msg[512];
    session *s = session_replay_create(o->replay_path, o->start_mode, o->pace, msg, sizeof msg);
    if (msg[0])
        fprintf(stderr, "poolscope: %s\n", msg);
    if (s && o->speed_given)
        s->ops->set_speed(s, o->params.speed_milli);
    return s;
}

int headless_run(const options *o, FILE *out)
{
    outputs k;
    uint64_t t0 = clock_now_ns(); /* wall time includes starting the threads */
    session *s = open_session(o);
    if (!s)
        return 1;
    model *m = malloc(sizeof(*m));
    if (!m || model_init(m, &s->layout) != 0) {
        fprintf(stderr, "poolscope: out of memory\n");
        free(m);
        s->ops->destroy(s);
        return 1;
    }
    /* A file or pipe: large blocks (the lines of a 10 M-job run), flushed
     * whenever the run goes quiet (drain); a terminal keeps its lines. */
    static char obuf[1 << 16];
    if (!isatty(fileno(out)))
        setvbuf(out, obuf, _IOFBF, sizeof obuf);
    outputs_open(&k, o, s, 0, 0, stderr);
    drain(s, out, o->log, m, &k);
    uint64_t wall = clock_now_ns() - t0;
    int ok = !m->seq_errors; /* a deadlocked program's recording is whole without an end event */
    session_stats st;
    s->ops->stats(s, &st);
    ok &= !st.cut; /* a recording cut short is not the run it claims (docs: status 1) */
    summary(out, m, s, wall);
    /* stdout that cannot take the lines (a closed pipe with SIGPIPE ignored,
     * a full disk) is a failed run, said once */
    if (fflush(out) != 0 || ferror(out)) {
        fprintf(stderr, "poolscope: writing the output failed: %s\n", strerror(errno));
        ok = 0;
    }
    ok &= outputs_close(&k) == 0;
    model_free(m);
    free(m);
    s->ops->destroy(s);
    return ok ? 0 : 1;
}
