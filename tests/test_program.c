/* test_program.c - program runs: goroutines started on demand (run_go),
 * 10 000 of them blocked at once, a long series one after another, the
 * program's end when main returns, the goroutine limit and Go's deadlock.
 *
 * PS_SEQ_GOROUTINES sets the series' length (100 000 by default; the full
 * setup runs 1 000 000, tests/meson.build).  The 10 000 and the series
 * print what they measured on stderr ("program: ...").
 */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "rt/run.h"
#include "sync/clock.h"

/* ---- the consumer: every event, in order ---- */

typedef struct prog_run {
    ps_run *run;
    ps_event *ev;
    size_t n, cap;
    int saw_deadlock; /* run_deadlocked said 1 while draining */
} prog_run;

static void collect(prog_run *t, const ps_event *e)
{
    if (t->n == t->cap) {
        t->cap = t->cap ? t->cap * 2 : 4096;
        t->ev = realloc(t->ev, t->cap * sizeof(ps_event));
    }
    t->ev[t->n++] = *e;
}

static size_t drain(prog_run *t)
{
    ps_event buf[256];
    size_t n = bus_poll(t->run->bus, buf, 256);
    for (size_t i = 0; i < n; i++)
        collect(t, &buf[i]);
    return n;
}

static ps_run *create(const run_program_opts *o)
{
    const char *err = NULL;
    ps_run *r = run_create_program(o, &err);
    ck_assert_msg(r != NULL, "run_create_program: %s", err ? err : "?");
    return r;
}

/* Drains to the end (stepping with the default rule in step mode); a
 * deadlock stops the run, as the program's consumer does. */
static void finish(prog_run *t)
{
    while (!run_finished(t->run)) {
        if (drain(t))
            continue;
        if (run_deadlocked(t->run)) {
            t->saw_deadlock = 1;
            run_stop(t->run);
        }
        if (pacer_get_mode(t->run->pacer) == PACER_STEP) {
            if (run_step(t->run, PACER_ANY, 200000000u) < 0)
                bus_wait(t->run->bus, 1000000);
        } else {
            bus_wait(t->run->bus, 20000000);
        }
    }
    drain(t);
    run_join(t->run);
}

static void prog_free(prog_run *t)
{
    run_destroy(t->run);
    free(t->ev);
}

static size_t count_kind(const prog_run *t, int kind)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        n += t->ev[i].kind == kind;
    return n;
}

static int seq_ok(const prog_run *t)
{
    for (size_t i = 0; i < t->n; i++)
        if (t->ev[i].seq != i)
            return 0;
    return 1;
}

static long rss_kb(const char *field)
{
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long kb = -1;
    size_t n = strlen(field);
    while (f && fgets(line, sizeof line, f))
        if (!strncmp(line, field, n))
            kb = atol(line + n + 1);
    if (f)
        fclose(f);
    return kb;
}

/* ---- goroutine bodies ---- */

typedef struct shared {
    ps_chan q, q2;
    ps_mutex mu;
    ps_wg wg;
    int n;         /* goroutines to start */
    int64_t limit; /* the series' length, the stress's rounds */
    /* measured by main (read after the join) */
    uint64_t t_started, t_blocked;
    long rss_blocked_kb;
    int go_rc, ids_ok;
    char limit_msg[160];
} shared;

static int recv_once(ps_actor *self, void *arg)
{
    shared *s = arg;
    int64_t v;
    chan_recv(&s->q, self, &v);
    return 0;
}

static int do_nothing(ps_actor *self, void *arg)
{
    (void)self;
    (void)arg;
    return 0;
}

static int send_one(ps_actor *self, void *arg)
{
    shared *s = arg;
    return chan_send(&s->q, self, self->id);
}

/* ---- main returning ends the program ---- */

static int main_returns_7(ps_actor *self, void *arg)
{
    shared *s = arg;
    for (int i = 0; i < 3; i++)
        run_go(self->run, self, recv_once, s, NULL); /* blocked for good */
    while (pacer_deadlocked(self->pacer) == 0) {
        int live, active;
        pacer_counts(self->pacer, &live, &active);
        if (active == 1)
            break; /* the three are blocked, main runs */
        usleep(1000);
    }
    return 7;
}

START_TEST(main_return_ends_program)
{
    shared s = {0};
    chan_init(&s.q, 0, 1);
    prog_run t = {.run = create(&(run_program_opts){.max_goroutines = 16})};
    ck_assert_int_eq(run_start_program(t.run, main_returns_7, &s), 0);
    finish(&t);
    int status = -1;
    ck_assert_int_eq(run_exit_status(t.run, &status), 1);
    ck_assert_int_eq(status, 7);
    ck_assert_int_eq(t.saw_deadlock, 0);
    ck_assert_int_eq(run_deadlocked(t.run), 0);
    ck_assert(seq_ok(&t));
    ck_assert_uint_eq(count_kind(&t, EV_SCENARIO_START), 1);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_START), 3);
    ck_assert_uint_eq(count_kind(&t, EV_SCENARIO_END), 1);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_EXIT), 4); /* the three unwound, and main */
    ck_assert_uint_eq(count_kind(&t, EV_Q_RECV_BLOCKED), 3);
    size_t end = 0;
    for (size_t i = 0; i < t.n; i++)
        if (t.ev[i].kind == EV_SCENARIO_END) {
            end = i;
            ck_assert_int_eq(t.ev[i].value, 7);
            ck_assert_uint_eq(t.ev[i].actor, PS_ACTOR_MAIN);
        }
    for (size_t i = 0; i < end; i++) /* nobody exited before the end */
        ck_assert_int_ne(t.ev[i].kind, EV_THREAD_EXIT);
    chan_destroy(&s.q);
    prog_free(&t);
}
END_TEST

/* run_program_exit from a goroutine (os.Exit) ends it too; main unwinds. */
static int exits_3(ps_actor *self, void *arg)
{
    (void)arg;
    return run_program_exit(self->run, self, 3);
}

static int main_waits(ps_actor *self, void *arg)
{
    shared *s = arg;
    run_go(self->run, self, exits_3, s, NULL);
    int64_t v;
    chan_recv(&s->q, self, &v); /* returns PS_ESTOPPED once the program ends */
    return 0;
}

START_TEST(goroutine_exit_ends_program)
{
    shared s = {0};
    chan_init(&s.q, 0, 1);
    prog_run t = {.run = create(&(run_program_opts){0})};
    ck_assert_int_eq(run_start_program(t.run, main_waits, &s), 0);
    finish(&t);
    int status = -1;
    ck_assert_int_eq(run_exit_status(t.run, &status), 1);
    ck_assert_int_eq(status, 3);
    ck_assert_uint_eq(count_kind(&t, EV_SCENARIO_END), 1);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_EXIT), 2);
    ck_assert_int_eq(t.saw_deadlock, 0);
    chan_destroy(&s.q);
    prog_free(&t);
}
END_TEST

/* ---- 10 000 goroutines blocked at once ---- */

/* ThreadSanitizer runs out of mappings near 8 000 threads: 2 000 there;
 * PS_BLOCKED_GOROUTINES overrides (valgrind allows 500 threads). */
#if defined(__SANITIZE_THREAD__)
#define BLOCKED_DEFAULT 2000
#else
#define BLOCKED_DEFAULT 10000
#endif
/* A sanitizer runs a tenth of the series, as the soak does of its jobs. */
#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
#define SERIES_DIVISOR 10
#else
#define SERIES_DIVISOR 1
#endif

static int env_int(const char *name, int dflt)
{
    const char *v = getenv(name);
    return v && atoi(v) > 0 ? atoi(v) : dflt;
}

static int main_blocks_n(ps_actor *self, void *arg)
{
    shared *s = arg;
    uint64_t t0 = clock_now_ns();
    for (int i = 0; i < s->n; i++)
        if ((s->go_rc = run_go(self->run, self, recv_once, s, NULL)) != PS_OK)
            return 1;
    s->t_started = clock_now_ns() - t0;
    for (;;) { /* every one blocked on q: only main is active */
        int live, active;
        pacer_counts(self->pacer, &live, &active);
        if (live == s->n + 1 && active == 1)
            break;
        usleep(1000);
    }
    s->t_blocked = clock_now_ns() - t0;
    s->rss_blocked_kb = rss_kb("VmRSS:");
    for (int i = 0; i < s->n; i++) /* release them: each send hands over */
        if (chan_send(&s->q, self, i) != PS_OK)
            return 1;
    return 0;
}

/* Every goroutine's events come in its order: thread-start (by main),
 * blocked, received (by main's hand-off), thread-exit; each exactly once. */
static void check_lifecycles(const prog_run *t, int n)
{
    uint8_t *st = calloc((size_t)n + 1, 1);
    for (size_t i = 0; i < t->n; i++) {
        const ps_event *e = &t->ev[i];
        if (e->actor == PS_ACTOR_MAIN || e->actor == PS_ACTOR_CTL)
            continue;
        ck_assert_uint_le(e->actor, (unsigned)n);
        static const int order[] = {EV_THREAD_START, EV_Q_RECV_BLOCKED, EV_Q_RECV, EV_THREAD_EXIT};
        uint8_t *a = &st[e->actor];
        if (*a >= 4 || e->kind != order[*a])
            ck_abort_msg("goroutine %u: %s at step %d", e->actor, event_kind_name(e->kind), *a);
        (*a)++;
    }
    for (int id = 1; id <= n; id++)
        if (st[id] != 4)
            ck_abort_msg("goroutine %d saw %d of its 4 events", id, st[id]);
    free(st);
}

START_TEST(ten_thousand_blocked_then_released)
{
    const int n = env_int("PS_BLOCKED_GOROUTINES", BLOCKED_DEFAULT);
    shared s = {.n = n};
    chan_init(&s.q, 0, 1);
    prog_run t = {.run = create(&(run_program_opts){.max_goroutines = n + 1})};
    ck_assert_int_eq(run_start_program(t.run, main_blocks_n, &s), 0);
    finish(&t);
    ck_assert_int_eq(s.go_rc, PS_OK);
    ck_assert(seq_ok(&t));
    ck_assert_int_eq(t.saw_deadlock, 0);
    int status = -1;
    ck_assert_int_eq(run_exit_status(t.run, &status), 1);
    ck_assert_int_eq(status, 0);
    check_lifecycles(&t, n);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_EXIT), (uint64_t)n + 1);
    int listed, lanes = bus_lanes(t.run->bus, &listed);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr,
            "program: %d goroutines started in %.1f ms, all blocked after %.1f ms, RSS then "
            "%.1f MB, peak RSS %.1f MB, %zu events, %d lanes made\n",
            n, (double)s.t_started / 1e6, (double)s.t_blocked / 1e6,
            (double)s.rss_blocked_kb / 1024.0, (double)ru.ru_maxrss / 1024.0, t.n, lanes);
    /* the bound, with its thread stacks; sanitizers shadow memory */
    if (!getenv("PS_TIME_SLACK") && n == 10000)
        ck_assert_int_lt(s.rss_blocked_kb, 200 * 1024);
    chan_destroy(&s.q);
    prog_free(&t);
}
END_TEST

/* ---- goroutines one after another ---- */

static int main_series(ps_actor *self, void *arg)
{
    shared *s = arg;
    uint64_t t0 = clock_now_ns();
    int last = 0;
    s->ids_ok = 1;
    for (int64_t i = 0; i < s->limit; i++) {
        int id = -1;
        if ((s->go_rc = run_go(self->run, self, send_one, s, &id)) != PS_OK)
            return 1;
        int64_t v;
        if (chan_recv(&s->q, self, &v) != PS_OK || v != id)
            return 1;
        s->ids_ok &= id > last; /* never reused */
        last = id;
    }
    s->t_started = clock_now_ns() - t0;
    return 0;
}

START_TEST(goroutines_in_series)
{
    shared s = {.limit = env_int("PS_SEQ_GOROUTINES", 100000) / SERIES_DIVISOR};
    chan_init(&s.q, 0, 1);
    prog_run t = {.run = create(&(run_program_opts){.max_goroutines = 1000})};
    ck_assert_int_eq(run_start_program(t.run, main_series, &s), 0);
    /* count, do not keep: a million goroutines make 4 million events */
    uint64_t starts = 0, exits = 0, n = 0;
    ps_event buf[256];
    while (!run_finished(t.run)) {
        size_t k = bus_poll(t.run->bus, buf, 256);
        for (size_t i = 0; i < k; i++, n++) {
            if (buf[i].seq != n)
                ck_abort_msg("seq %llu, want %llu", (unsigned long long)buf[i].seq,
                             (unsigned long long)n);
            starts += buf[i].kind == EV_THREAD_START;
            exits += buf[i].kind == EV_THREAD_EXIT;
        }
        if (!k)
            bus_wait(t.run->bus, 20000000);
    }
    run_join(t.run);
    ck_assert_int_eq(s.go_rc, PS_OK);
    ck_assert_int_eq(s.ids_ok, 1);
    ck_assert_uint_eq(starts, (uint64_t)s.limit);
    ck_assert_uint_eq(exits, (uint64_t)s.limit + 1);
    int listed, lanes = bus_lanes(t.run->bus, &listed);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    fprintf(stderr,
            "program: %lld goroutines one after another in %.2f s (%.0f a second), %d lanes "
            "made, peak RSS %.1f MB\n",
            (long long)s.limit, (double)s.t_started / 1e9,
            (double)s.limit / ((double)s.t_started / 1e9), lanes, (double)ru.ru_maxrss / 1024.0);
    ck_assert_int_le(lanes, 2 + 2 * 1000); /* reused, never more than the bus holds */
    chan_destroy(&s.q);
    prog_free(&t);
}
END_TEST

/* ---- the limit ---- */

static int main_hits_limit(ps_actor *self, void *arg)
{
    shared *s = arg;
    for (int i = 0; i < 3; i++)
        run_go(self->run, self, recv_once, s, NULL);
    s->go_rc = run_go(self->run, self, recv_once, s, NULL); /* the 5th live */
    run_go_limit(self->run, s->limit_msg, sizeof s->limit_msg);
    chan_send(&s->q, self, 1); /* one exits */
    int id = -1, rc = PS_ELIMIT;
    for (int i = 0; i < 1000 && rc == PS_ELIMIT; i++) { /* once it is joined, its slot is free */
        rc = run_go(self->run, self, do_nothing, s, &id);
        if (rc == PS_ELIMIT)
            usleep(1000);
    }
    s->ids_ok = rc == PS_OK && id > 3;
    return 0;
}

START_TEST(limit_is_reported)
{
    shared s = {0};
    chan_init(&s.q, 0, 1);
    prog_run t = {.run = create(&(run_program_opts){.max_goroutines = 4})};
    ck_assert_int_eq(run_start_program(t.run, main_hits_limit, &s), 0);
    finish(&t);
    ck_assert_int_eq(s.go_rc, PS_ELIMIT);
    ck_assert_str_eq(s.limit_msg, "too many goroutines: 4 live (max_goroutines 4)");
    ck_assert_int_eq(s.ids_ok, 1);
    /* the refused go published nothing: starts and exits still pair up */
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_START), 4);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_EXIT), 5);
    const char *err = NULL;
    ck_assert_ptr_null(run_create_program(&(run_program_opts){.max_goroutines = 30001}, &err));
    ck_assert_ptr_nonnull(strstr(err, "allowed: 1..30000"));
    chan_destroy(&s.q);
    prog_free(&t);
}
END_TEST

/* A thread that cannot be made (a 1 TiB stack: EAGAIN, as at the
 * system's thread limits) is PS_ELIMIT too, with the cause named; the
 * goroutine's start and exit are still published, and the program goes on. */
static int main_no_thread(ps_actor *self, void *arg)
{
    shared *s = arg;
    s->go_rc = run_go(self->run, self, do_nothing, s, NULL);
    run_go_limit(self->run, s->limit_msg, sizeof s->limit_msg);
    return 5;
}

START_TEST(thread_failure_is_elimit)
{
    shared s = {0};
    prog_run t = {.run = create(&(run_program_opts){.stack_size = (size_t)1 << 40})};
    ck_assert_int_eq(run_start_program(t.run, main_no_thread, &s), 0);
    finish(&t);
    ck_assert_int_eq(s.go_rc, PS_ELIMIT);
    ck_assert_msg(strstr(s.limit_msg, "cannot create a thread for a goroutine: ") == s.limit_msg,
                  "%s", s.limit_msg);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_START), 1);
    ck_assert_uint_eq(count_kind(&t, EV_THREAD_EXIT), 2);
    for (size_t i = 0; i < t.n; i++)
        if (t.ev[i].kind == EV_THREAD_EXIT && t.ev[i].actor != PS_ACTOR_MAIN)
            ck_assert_int_eq(t.ev[i].value, PS_ELIMIT);
    int status = -1;
    ck_assert_int_eq(run_exit_status(t.run, &status), 1);
    ck_assert_int_eq(status, 5);
    prog_free(&t);
}
END_TEST

/* ---- step mode: the same steps give the same run ---- */

static int send_two(ps_actor *self, void *arg)
{
    shared *s = arg;
    for (int i = 0; i < 2; i++)
        if (chan_send(&s->q, self, self->id * 10 + i) != PS_OK)
            return 1;
    return 0;
}

static int main_gathers(ps_actor *self, void *arg)
{
    shared *s = arg;
    for (int i = 0; i < 3; i++)
        run_go(self->run, self, send_two, s, NULL);
    int64_t v, sum = 0;
    for (int i = 0; i < 6; i++)
        if (chan_recv(&s->q, self, &v) == PS_OK)
            sum += v;
    return (int)sum;
}

static void stepped(prog_run *t, shared *s)
{
    memset(s, 0, sizeof *s);
    chan_init(&s->q, 0, 1);
    *t = (prog_run){.run = create(&(run_program_opts){.mode = PACER_STEP, .max_goroutines = 8})};
    ck_assert_int_eq(run_start_program(t->run, main_gathers, s), 0);
    finish(t);
    chan_destroy(&s->q);
}

START_TEST(step_same_run_each_time)
{
    prog_run first, t;
    shared s;
    stepped(&first, &s);
    int status = -1;
    ck_assert_int_eq(run_exit_status(first.run, &status), 1);
    ck_assert_int_eq(status, 10 + 11 + 20 + 21 + 30 + 31);
    ck_assert_uint_gt(count_kind(&first, EV_CTL_STEP), 10);
    for (int k = 0; k < 20; k++) {
        stepped(&t, &s);
        ck_assert_uint_eq(t.n, first.n);
        for (size_t i = 0; i < t.n; i++) {
            const ps_event *a = &t.ev[i], *b = &first.ev[i];
            ck_assert_msg(a->actor == b->actor && a->kind == b->kind && a->arg == b->arg &&
                              a->value == b->value && a->vt_ns == b->vt_ns,
                          "run %d differs at event %zu", k, i);
        }
        prog_free(&t);
    }
    prog_free(&first);
}
END_TEST

/* ---- Go's deadlock ---- */

static int recv_q2(ps_actor *self, void *arg)
{
    shared *s = arg;
    int64_t v;
    chan_recv(&s->q2, self, &v);
    return 0;
}

/* main and one goroutine each wait on a channel nobody sends to */
static int main_deadlocks(ps_actor *self, void *arg)
{
    shared *s = arg;
    run_go(self->run, self, recv_q2, s, NULL);
    int64_t v;
    chan_recv(&s->q, self, &v);
    return 0;
}

static void deadlock_in_mode(pacer_mode mode)
{
    shared s = {0};
    chan_init(&s.q, 0, 1);
    chan_init(&s.q2, 1, 1);
    prog_run t = {.run = create(&(run_program_opts){.mode = mode})};
    ck_assert_int_eq(run_start_program(t.run, main_deadlocks, &s), 0);
    if (mode == PACER_PAUSE) { /* held at a step point: not asleep */
        usleep(50000);
        drain(&t);
        ck_assert_int_eq(run_deadlocked(t.run), 0);
        run_set_mode(t.run, PACER_RUN);
    }
    finish(&t);
    ck_assert_int_eq(t.saw_deadlock, 1);
    ck_assert_int_eq(run_exit_status(t.run, NULL), 0);
    ck_assert_uint_eq(count_kind(&t, EV_Q_RECV_BLOCKED), 2);
    chan_destroy(&s.q);
    chan_destroy(&s.q2);
    prog_free(&t);
}

START_TEST(two_goroutine_deadlock)
{
    static const pacer_mode modes[] = {PACER_RUN, PACER_PAUSE, PACER_STEP};
    deadlock_in_mode(modes[_i]);
}
END_TEST

/* One goroutine sleeps (timed work) while main waits for it: asleep in
 * Go's sense only if nobody sleeps, so no deadlock; then it sends. */
static int sleep_then_send(ps_actor *self, void *arg)
{
    shared *s = arg;
    run_sleep(self, 200000000u); /* 0.2 s virtual: 0.02 s at 10x */
    return chan_send(&s->q, self, 1);
}

static int main_waits_for_sleeper(ps_actor *self, void *arg)
{
    shared *s = arg;
    run_go(self->run, self, sleep_then_send, s, NULL);
    int64_t v;
    return chan_recv(&s->q, self, &v) == PS_OK ? 0 : 1;
}

START_TEST(sleep_is_not_deadlock)
{
    static const pacer_mode modes[] = {PACER_RUN, PACER_STEP};
    shared s = {0};
    chan_init(&s.q, 0, 1);
    prog_run t = {.run = create(&(run_program_opts){.mode = modes[_i], .speed_milli = 10000})};
    ck_assert_int_eq(run_start_program(t.run, main_waits_for_sleeper, &s), 0);
    finish(&t);
    ck_assert_int_eq(t.saw_deadlock, 0);
    int status = -1;
    ck_assert_int_eq(run_exit_status(t.run, &status), 1);
    ck_assert_int_eq(status, 0);
    chan_destroy(&s.q);
    prog_free(&t);
}
END_TEST

/* Many hand-offs: goroutines pass a token round a ring of channels of
 * capacity 1, take a mutex and finish through a WaitGroup, main waiting in
 * wg.Wait; at every instant someone runs or a hand-off is on its way, so
 * the exact count must never reach 0 (run it under TSan). */
#define STRESS_G 8
typedef struct ring_arg {
    shared *s;
    ps_chan *in, *out;
    int first;
} ring_arg;

static int pass_token(ps_actor *self, void *arg)
{
    ring_arg *ra = arg;
    shared *s = ra->s;
    int64_t v = 0;
    for (int64_t i = 0; i < s->limit; i++) {
        if (!(ra->first && i == 0) && chan_recv(ra->in, self, &v) != PS_OK)
            break;
        if (mutex_lock(&s->mu, self) != PS_OK || mutex_unlock(&s->mu, self) != PS_OK)
            break;
        if (chan_send(ra->out, self, v + 1) != PS_OK)
            break;
    }
    wg_done(&s->wg, self);
    return 0;
}

static int main_stress(ps_actor *self, void *arg)
{
    shared *s = arg;
    static ps_chan ring[STRESS_G];
    static ring_arg ra[STRESS_G];
    for (int i = 0; i < STRESS_G; i++)
        chan_init(&ring[i], (uint32_t)i, 1);
    wg_add(&s->wg, self, STRESS_G);
    for (int i = 0; i < STRESS_G; i++) {
        ra[i] = (ring_arg){s, &ring[i], &ring[(i + 1) % STRESS_G], i == 0};
        run_go(self->run, self, pass_token, &ra[i], NULL);
    }
    wg_wait(&s->wg, self);
    for (int i = 0; i < STRESS_G; i++)
        chan_destroy(&ring[i]);
    return 0;
}

START_TEST(handoff_stress_no_false_deadlock)
{
    shared s = {.limit = 20000};
    mutex_init(&s.mu, 0);
    wg_init(&s.wg, 0);
    prog_run t = {.run = create(&(run_program_opts){0})};
    ck_assert_int_eq(run_start_program(t.run, main_stress, &s), 0);
    uint64_t n = 0;
    ps_event buf[256];
    while (!run_finished(t.run)) { /* checked after every poll, not only when idle */
        size_t k = bus_poll(t.run->bus, buf, 256);
        n += k;
        ck_assert_int_eq(run_deadlocked(t.run), 0);
        if (!k)
            bus_wait(t.run->bus, 20000000);
    }
    run_join(t.run);
    int status = -1;
    ck_assert_int_eq(run_exit_status(t.run, &status), 1);
    ck_assert_int_eq(status, 0);
    ck_assert_int_eq(run_deadlocked(t.run), 0);
    ck_assert_uint_gt(n, (uint64_t)STRESS_G * 20000 * 4);
    mutex_destroy(&s.mu);
    wg_destroy(&s.wg);
    prog_free(&t);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("program");
    TCase *tc = tcase_create("program");
    tcase_set_timeout(tc, 600);
    tcase_add_test(tc, main_return_ends_program);
    tcase_add_test(tc, goroutine_exit_ends_program);
    tcase_add_test(tc, limit_is_reported);
    tcase_add_test(tc, thread_failure_is_elimit);
    tcase_add_test(tc, step_same_run_each_time);
    tcase_add_loop_test(tc, two_goroutine_deadlock, 0, 3);
    tcase_add_loop_test(tc, sleep_is_not_deadlock, 0, 2);
    tcase_add_test(tc, handoff_stress_no_false_deadlock);
    tcase_add_test(tc, ten_thousand_blocked_then_released);
    suite_add_tcase(s, tc);
    TCase *series = tcase_create("series"); /* alone with CK_RUN_CASE=series */
    tcase_set_timeout(series, 1800);
    tcase_add_test(series, goroutines_in_series);
    suite_add_tcase(s, series);
    return s;
}
