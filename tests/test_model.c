/* test_model.c - the model as a pure fold of hand-written event sequences. */
#include <check.h>
#include <string.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/logfmt.h"
#include "model/model.h"
#include "rec/trace.h"

static uint64_t seq;

static ps_event mk(int actor, int kind, uint32_t obj, int64_t arg, int64_t value, uint64_t vt)
{
    ps_event e;
    memset(&e, 0, sizeof e);
    e.seq = seq++;
    e.actor = (uint32_t)actor;
    e.kind = (uint16_t)kind;
    e.obj = obj;
    e.arg = arg;
    e.value = value;
    e.vt_ns = vt;
    return e;
}

static void pool_model(model *m)
{
    ps_params p;
    ps_layout l;
    seq = 0;
    scenario_defaults("worker-pool", &p);
    scenario_layout(&p, &l);
    ck_assert_int_eq(model_init(m, &l), 0);
}

static void apply(model *m, ps_event e)
{
    model_apply(m, &e);
}

START_TEST(model_worker_pool_sequence)
{
    model m;
    pool_model(&m);
    apply(&m, mk(0, EV_SCENARIO_START, 0, 3, 5, 0));
    apply(&m, mk(1, EV_THREAD_START, 0, 0, 0, 0));
    apply(&m, mk(2, EV_THREAD_START, 0, 0, 0, 0));
    apply(&m, mk(1, EV_Q_RECV_BLOCKED, 0, 0, 0, 0));
    ck_assert_int_eq(m.actors[1].state, MS_WAIT_RECV);
    ck_assert_int_eq(m.queues[0].n_recv_waiters, 1);
    apply(&m, mk(0, EV_Q_SEND, 0, 1, 0, 0)); /* handed to W1 */
    apply(&m, mk(1, EV_Q_RECV, 0, 1, 0, 0));
    ck_assert_int_eq(m.queues[0].n_recv_waiters, 0);
    ck_assert_uint_eq(m.queues[0].depth, 0);
    apply(&m, mk(0, EV_Q_SEND, 0, 2, 1, 0));
    apply(&m, mk(0, EV_Q_SEND, 0, 3, 2, 0));
    ck_assert_uint_eq(m.queues[0].depth, 2);
    ck_assert_int_eq(model_queue_item(&m.queues[0], 0), 2);
    ck_assert_int_eq(model_queue_item(&m.queues[0], 1), 3);
    apply(&m, mk(1, EV_JOB_STARTED, 0, 1, 1000, 0));
    ck_assert_int_eq(m.actors[1].state, MS_WORKING);
    ck_assert_int_eq(m.actors[1].job, 1);
    apply(&m, mk(2, EV_Q_RECV, 0, 2, 1, 0));
    apply(&m, mk(2, EV_JOB_STARTED, 0, 2, 1000, 0));
    ck_assert_int_eq(m.running_jobs, 2);
    apply(&m, mk(1, EV_JOB_FINISHED, 0, 1, 1000, 1000));
    ck_assert_int_eq(m.actors[1].state, MS_IDLE);
    ck_assert_uint_eq(m.actors[1].jobs_done, 1);
    ck_assert_uint_eq(m.vt, 1000);
    ck_assert_int_eq(m.max_running_jobs, 2);
    apply(&m, mk(0, EV_Q_CLOSE, 0, 0, 1, 1000));
    ck_assert_int_eq(m.queues[0].closed, 1);
    ck_assert_uint_eq(m.queues[0].depth, 1);
    ck_assert_uint_eq(m.seq_errors, 0);
    /* the lecture's line for the newest line-making event */
    char buf[64];
    logfmt_line(&m.layout, model_line_at(&m, 0), buf, sizeof buf);
    ck_assert_str_eq(buf, "worker 1 finished job 1");
    logfmt_line(&m.layout, model_line_at(&m, 2), buf, sizeof buf);
    ck_assert_str_eq(buf, "worker 1 started  job 1");
    model_free(&m);
}
END_TEST

/* A lecture line never shows an earlier time than the line above it, even
 * when the second thread's virtual stamp trails the first's. */
/* A Go program's model: its objects come from OBJECT events. */
static void go_model(model *m)
{
    ps_layout l = {.workers = PS_MAX_WORKERS, .program = 1, .job_queue = -1, .result_queue = -1};
    ck_assert_int_eq(model_init(m, &l), 0);
    seq = 0;
}

/* ops++ by W1 and W2 interleaved (load, load, store, store): W2's store
 * overwrites W1's, one update lost; an atomic's adds lose none; a goroutine
 * blocked on a channel or a mutex waits on that object by its id. */
START_TEST(model_go_shared_variables_and_waits)
{
    model m;
    go_model(&m);
    apply(&m, mk(0, EV_OBJECT, 7, PS_OBJ_VAR, 6, 1));
    apply(&m, mk(0, EV_OBJECT, 8, PS_OBJ_ATOMIC, 0, 1));
    const model_obj *v = model_obj_find(&m, 7), *at = model_obj_find(&m, 8);
    ck_assert_ptr_nonnull(v);
    ck_assert_int_eq(v->kind, PS_OBJ_VAR);
    ck_assert_int_eq(v->cap, 6); /* the declaration's column: its name */
    apply(&m, mk(1, EV_ATOMIC_LOAD, 7, 0, 0, 2));
    apply(&m, mk(2, EV_ATOMIC_LOAD, 7, 0, 0, 3));
    apply(&m, mk(1, EV_ATOMIC_STORE, 7, 0, 1, 4));
    ck_assert_uint_eq(v->lost, 0);
    ck_assert_uint_eq(v->overwrites, 0);
    apply(&m, mk(2, EV_ATOMIC_STORE, 7, 0, 1, 5));
    ck_assert_int_eq(v->value, 1);
    ck_assert_int_eq(v->expected, 2);
    ck_assert_uint_eq(v->lost, 1);
    ck_assert_uint_eq(v->overwrites, 1);
    ck_assert_int_eq(v->over_by, 2);
    ck_assert_int_eq(v->over_whom, 1);
    /* in turn, no update is lost; a blind store resets what is expected */
    apply(&m, mk(1, EV_ATOMIC_LOAD, 7, 0, 1, 6));
    apply(&m, mk(1, EV_ATOMIC_STORE, 7, 0, 2, 7));
    ck_assert_int_eq(v->expected, 3);
    ck_assert_uint_eq(v->lost, 1);
    apply(&m, mk(2, EV_ATOMIC_STORE, 7, 0, 10, 8));
    ck_assert_uint_eq(v->lost, 0);
    for (int i = 1; i <= 3; i++)
        apply(&m, mk(i, EV_ATOMIC_ADD, 8, 1, i, 9));
    ck_assert_int_eq(at->value, 3);
    ck_assert_uint_eq(at->lost, 0);
    ck_assert_uint_eq(at->ops, 3);
    /* waits by object id (ids past the scenarios' four queues) */
    apply(&m, mk(0, EV_OBJECT, 40, PS_OBJ_CHAN, 0, 10));
    apply(&m, mk(3, EV_THREAD_START, 1, 0, 0, 10));
    apply(&m, mk(3, EV_Q_RECV_BLOCKED, 40, 0, 0, 11));
    ck_assert_int_eq(m.actors[3].state, MS_WAIT_RECV);
    ck_assert_uint_eq(m.actors[3].obj, 40);
    apply(&m, mk(1, EV_Q_SEND, 40, 5, 0, 12));
    apply(&m, mk(3, EV_Q_RECV, 40, 5, 0, 12));
    ck_assert_int_eq(m.actors[3].state, MS_RUNNING);
    apply(&m, mk(0, EV_OBJECT, 41, PS_OBJ_MUTEX, 0, 13));
    apply(&m, mk(1, EV_MUTEX_REQUEST, 41, 0, 0, 13));
    apply(&m, mk(1, EV_MUTEX_ACQUIRED, 41, 1, 0, 13));
    apply(&m, mk(3, EV_MUTEX_REQUEST, 41, 0, 0, 14));
    ck_assert_int_eq(m.actors[3].state, MS_WAIT_MUTEX);
    ck_assert_int_eq(model_obj_find(&m, 41)->owner, 1);
    apply(&m, mk(2, EV_MUTEX_REQUEST, 41, 0, 0, 15)); /* waiters in the order they came */
    const model_obj *mu = model_obj_find(&m, 41);
    ck_assert_int_eq(mu->n_waiters, 2);
    ck_assert_uint_eq(mu->waiters[0], 3);
    ck_assert_uint_eq(mu->waiters[1], 2);
    apply(&m, mk(1, EV_MUTEX_RELEASED, 41, 0, 0, 16));
    apply(&m, mk(3, EV_MUTEX_ACQUIRED, 41, 3, 0, 16));
    ck_assert_int_eq(mu->n_waiters, 1);
    ck_assert_uint_eq(mu->waiters[0], 2);
    ck_assert_int_eq(mu->owner, 3);
    /* errgroup: a text in 16-byte chunks, then what it was */
    apply(&m, mk(0, EV_OBJECT, 42, PS_OBJ_GROUP, 0, 17));
    const char *msg = "job 2 failed after a long wait";
    int64_t w[4] = {0};
    memcpy(w, msg, strlen(msg));
    apply(&m, mk(2, EV_TEXT, 0, w[0], w[1], 18));
    apply(&m, mk(2, EV_TEXT, 1, w[2], w[3], 18));
    apply(&m, mk(2, EV_ERROR, 42, 1, 0, 18));
    apply(&m, mk(3, EV_TEXT, 0, 0, 0, 19));
    apply(&m, mk(3, EV_CANCEL, 42, 0, 0, 19));
    const model_obj *gr = model_obj_find(&m, 42);
    ck_assert_str_eq(m.actors[2].text, msg);
    ck_assert_int_eq(m.actors[2].outcome, 1);
    ck_assert_int_eq(m.actors[3].outcome, 2);
    ck_assert_uint_eq(gr->failed, 1);
    ck_assert_uint_eq(gr->cancelled, 1);
    ck_assert_int_eq(gr->first_by, 2);
    ck_assert_str_eq(gr->first, msg);
    apply(&m, mk(0, EV_TEXT, 0, w[0], w[1], 20));
    apply(&m, mk(0, EV_ERROR, 42, 2, 0, 20));
    ck_assert_int_eq(gr->waited, 1);
    ck_assert_str_eq(gr->returned, "job 2 failed aft");
    model_free(&m);
}
END_TEST

START_TEST(model_line_times_never_go_back)
{
    model m;
    pool_model(&m);
    apply(&m, mk(1, EV_JOB_FINISHED, 0, 1, 1000, 1001000000));
    apply(&m, mk(2, EV_JOB_FINISHED, 0, 2, 1000, 1000000000)); /* stamped 1 ms earlier */
    ck_assert_uint_eq(model_line_at(&m, 1)->vt_ns, 1001000000);
    ck_assert_uint_eq(model_line_at(&m, 0)->vt_ns, 1001000000);
    apply(&m, mk(1, EV_JOB_STARTED, 0, 3, 1000, 1002000000));
    ck_assert_uint_eq(model_line_at(&m, 0)->vt_ns, 1002000000);
    ck_assert_uint_eq(m.vt, 1002000000); /* the fold's own time is the events' */
    model_free(&m);
}
END_TEST

START_TEST(model_same_events_same_model)
{
    model a, b;
    pool_model(&a);
    ps_event ev[4] = {mk(0, EV_SCENARIO_START, 0, 3, 5, 0), mk(0, EV_Q_SEND, 0, 1, 1, 5),
                      mk(1, EV_Q_RECV, 0, 1, 0, 6), mk(1, EV_JOB_STARTED, 0, 1, 10, 7)};
    for (int i = 0; i < 4; i++)
        model_apply(&a, &ev[i]);
    pool_model(&b);
    for (int i = 0; i < 4; i++)
        model_apply(&b, &ev[i]);
    ck_assert_int_eq(a.actors[1].state, b.actors[1].state);
    ck_assert_uint_eq(a.vt, b.vt);
    ck_assert_uint_eq(a.events, b.events);
    ck_assert_int_eq(memcmp(a.actors, b.actors, sizeof a.actors), 0);
    model_free(&a);
    model_free(&b);
}
END_TEST

START_TEST(model_counts_sequence_gaps)
{
    model m;
    pool_model(&m);
    apply(&m, mk(0, EV_SCENARIO_START, 0, 3, 5, 0));
    seq++; /* an event went missing */
    apply(&m, mk(0, EV_Q_SEND, 0, 1, 1, 0));
    ck_assert_uint_eq(m.seq_errors, 1);
    model_free(&m);
}
END_TEST

START_TEST(model_waitgroup_mutex_and_lost_updates)
{
    ps_layout l;
    memset(&l, 0, sizeof l);
    l.workers = 2;
    l.job_queue = l.result_queue = -1;
    l.n_wgs = 1;
    l.n_counters = 1;
    l.n_mutexes = 1;
    model m;
    seq = 0;
    model_init(&m, &l);
    apply(&m, mk(0, EV_WG_ADD, 0, 2, 2, 0));
    apply(&m, mk(0, EV_WG_WAIT, 0, 0, 2, 0));
    ck_assert_int_eq(m.wgs[0].count, 2);
    ck_assert_int_eq(m.wgs[0].n_waiters, 1);
    ck_assert_int_eq(m.actors[0].state, MS_WAIT_WG);
    /* the race: W1 loads 0, W2 loads 0, W1 stores 1, W2 stores 1 */
    apply(&m, mk(1, EV_ATOMIC_LOAD, 0, 0, 0, 0));
    apply(&m, mk(2, EV_ATOMIC_LOAD, 0, 0, 0, 0));
    apply(&m, mk(1, EV_ATOMIC_STORE, 0, 0, 1, 0));
    ck_assert_uint_eq(m.counters[0].lost, 0);
    apply(&m, mk(2, EV_ATOMIC_STORE, 0, 0, 1, 0));
    ck_assert_uint_eq(m.counters[0].lost, 1);
    ck_assert_int_eq(m.counters[0].value, 1);
    ck_assert_int_eq(m.counters[0].expected, 2);
    /* mutex: W1 holds, W2 waits, hand-off */
    apply(&m, mk(1, EV_MUTEX_REQUEST, 0, -1, 0, 0));
    apply(&m, mk(1, EV_MUTEX_ACQUIRED, 0, 1, 0, 0));
    apply(&m, mk(2, EV_MUTEX_REQUEST, 0, 1, 0, 0));
    ck_assert_int_eq(m.mutexes[0].owner, 1);
    ck_assert_int_eq(m.mutexes[0].n_waiters, 1);
    ck_assert_int_eq(m.actors[2].state, MS_WAIT_MUTEX);
    apply(&m, mk(1, EV_MUTEX_RELEASED, 0, 1, 0, 0));
    apply(&m, mk(2, EV_MUTEX_ACQUIRED, 0, 2, 0, 0));
    ck_assert_int_eq(m.mutexes[0].owner, 2);
    ck_assert_uint_eq(m.mutexes[0].contended, 1);
    ck_assert_uint_eq(m.mutexes[0].handoffs, 1);
    apply(&m, mk(1, EV_WG_DONE, 0, -1, 1, 0));
    apply(&m, mk(2, EV_WG_DONE, 0, -1, 0, 0));
    apply(&m, mk(0, EV_WG_WAIT_RETURN, 0, 0, 0, 0));
    ck_assert_int_eq(m.wgs[0].count, 0);
    ck_assert_int_eq(m.wgs[0].n_waiters, 0);
    ck_assert_int_eq(m.actors[0].state, MS_RUNNING);
    model_free(&m);
}
END_TEST

/* Each thread's own operations, folded from its events alone: what its
 * lane shows when it runs no jobs. */
START_TEST(model_per_actor_ops)
{
    ps_layout l;
    memset(&l, 0, sizeof l);
    l.workers = 2;
    l.job_queue = l.result_queue = -1;
    l.n_wgs = 1;
    l.n_counters = 1;
    l.n_mutexes = 1;
    model m;
    seq = 0;
    model_init(&m, &l);
    apply(&m, mk(1, EV_ATOMIC_ADD, 0, 1, 1, 0));
    apply(&m, mk(2, EV_ATOMIC_ADD, 0, 1, 2, 0));
    apply(&m, mk(1, EV_ATOMIC_ADD, 0, -1, 1, 0));
    apply(&m, mk(2, EV_ATOMIC_LOAD, 0, 0, 1, 0));
    apply(&m, mk(2, EV_ATOMIC_STORE, 0, 0, 2, 0));
    apply(&m, mk(2, EV_MUTEX_REQUEST, 0, -1, 0, 0));
    apply(&m, mk(2, EV_MUTEX_ACQUIRED, 0, 2, 0, 0));
    apply(&m, mk(2, EV_MUTEX_RELEASED, 0, 2, 0, 0));
    apply(&m, mk(1, EV_WG_DONE, 0, -1, 0, 0));
    const model_actor *w1 = &m.actors[1], *w2 = &m.actors[2];
    ck_assert_uint_eq(w1->adds, 2);
    ck_assert_int_eq(w1->last_value, 1);
    ck_assert_uint_eq(w1->loads + w1->stores + w1->locks, 0);
    ck_assert_uint_eq(w1->wg_dones, 1);
    ck_assert_uint_eq(w2->adds, 1);
    ck_assert_uint_eq(w2->loads, 1);
    ck_assert_uint_eq(w2->stores, 1);
    ck_assert_int_eq(w2->last_value, 2);
    ck_assert_int_eq(m.loaded[2], 1);
    ck_assert_uint_eq(w2->locks, 1);
    ck_assert_uint_eq(w2->wg_dones, 0);
    ck_assert_uint_eq(m.actors[0].adds + m.actors[0].locks, 0);
    model_free(&m);
    /* queue items, per thread */
    pool_model(&m);
    apply(&m, mk(0, EV_Q_SEND, 0, 1, 1, 0));
    apply(&m, mk(0, EV_Q_SEND, 0, 2, 2, 0));
    apply(&m, mk(1, EV_Q_RECV, 0, 1, 1, 0));
    ck_assert_uint_eq(m.actors[0].sent, 2);
    ck_assert_uint_eq(m.actors[0].received, 0);
    ck_assert_uint_eq(m.actors[1].received, 1);
    model_free(&m);
}
END_TEST

START_TEST(model_copy_is_deep)
{
    model a, b;
    pool_model(&a);
    apply(&a, mk(0, EV_Q_SEND, 0, 9, 1, 0));
    ck_assert_int_eq(model_copy(&b, &a), 0);
    apply(&a, mk(1, EV_Q_RECV, 0, 9, 0, 0));
    ck_assert_uint_eq(b.queues[0].depth, 1);
    ck_assert_int_eq(model_queue_item(&b.queues[0], 0), 9);
    ck_assert_uint_eq(a.queues[0].depth, 0);
    model_free(&a);
    model_free(&b);
}
END_TEST

START_TEST(logfmt_templates)
{
    ps_event e;
    memset(&e, 0, sizeof e);
    e.actor = 3;
    e.arg = 12;
    e.value = -4;
    char buf[64];
    logfmt_expand("w%w j%j v%v 100%%", &e, buf, sizeof buf);
    ck_assert_str_eq(buf, "w3 j12 v-4 100%");
    logfmt_expand("%v%v%v%v", &e, buf, 6); /* truncates, stays terminated */
    ck_assert_str_eq(buf, "-4-4-");
}
END_TEST

/* The view's part of the fold (model_ui.h): which diagram arrow an event
 * fires, the job total, and the code line each thread stands on through the
 * listing's line map (an unmapped event leaves it, an exit clears it). */
START_TEST(model_ui_fold)
{
    model m;
    scenario_text t;
    memset(&t, 0, sizeof t);
    t.n_lines = 9;
    t.line_of[SCENTEXT_WORKER][EV_JOB_STARTED] = 4;
    t.line_of[SCENTEXT_MAIN][EV_Q_SEND] = 7;
    pool_model(&m);
    model_set_text(&m, &t);
    ck_assert_int_eq(m.ui.last_arrow, -1);
    ps_event e[] = {
        mk(0, EV_SCENARIO_START, 0, 3, 5, 0), mk(1, EV_THREAD_START, 0, 0, 0, 0),
        mk(0, EV_Q_SEND, 0, 1, 1, 10),        mk(1, EV_Q_RECV, 0, 1, 0, 20),
        mk(1, EV_JOB_STARTED, 0, 1, 100, 30), mk(1, EV_ATOMIC_LOAD, 0, 0, 0, 40),
    };
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        model_apply(&m, &e[i]);
    ck_assert_int_eq(m.ui.jobs_total, 5);
    ck_assert_uint_eq(m.ui.fired[MODEL_AR_INIT], 1);
    ck_assert_uint_eq(m.ui.fired[MODEL_AR_ADD], 1);
    ck_assert_uint_eq(m.ui.fired[MODEL_AR_DISPATCH], 1);
    ck_assert_uint_eq(m.ui.fired_vt[MODEL_AR_GET], 30);
    ck_assert_int_eq(m.ui.last_arrow, MODEL_AR_GET);
    ck_assert_int_eq(m.ui.code_at[0], 7);
    ck_assert_int_eq(m.ui.code_at[1], 4); /* the load is not mapped: W1 stays */
    ck_assert_int_eq(m.ui.code_last, 1);
    ps_event x = mk(1, EV_THREAD_EXIT, 0, 0, 0, 50);
    model_apply(&m, &x);
    ck_assert_int_eq(m.ui.code_at[1], 0);
    /* a copy (a checkpoint) keeps the listing and the view's part */
    model c;
    ck_assert_int_eq(model_copy(&c, &m), 0);
    ck_assert_ptr_eq(c.text, &t);
    ck_assert_mem_eq(&c.ui, &m.ui, sizeof m.ui);
    model_free(&c);
    model_free(&m);
}
END_TEST

/* A program's goroutines have ids far past the actors a model keeps in
 * detail: every event of theirs goes through the fold, the event log line,
 * the lecture line and the trace export without indexing anything by the
 * id (ASan and UBSan builds check that), and the model counts them. */
static const int big_ids[] = {PS_MAX_ACTORS, 70000, 1000000, PS_ACTOR_ID_MAX};

static void big_id_events(model *m, trace_writer *tw)
{
    for (size_t i = 0; i < sizeof big_ids / sizeof big_ids[0]; i++) {
        int a = big_ids[i];
        ps_event e[] = {
            mk(0, EV_THREAD_START, 0, 0, 0, 0),
            mk(a, EV_THREAD_START, 0, 0, 0, 0),
            mk(a, EV_Q_RECV_BLOCKED, 0, 0, 0, 1),
            mk(0, EV_Q_SEND, 0, 7, 0, 2),
            mk(a, EV_Q_RECV, 0, 7, 0, 2),
            mk(a, EV_JOB_STARTED, 0, 7, 5, 3),
            mk(a, EV_MUTEX_REQUEST, 0, 0, 0, 4),
            mk(a, EV_MUTEX_ACQUIRED, 0, a, 0, 4),
            mk(a, EV_WG_WAIT, 0, 0, 1, 5),
            mk(a, EV_ATOMIC_LOAD, 0, 0, 3, 6),
            mk(a, EV_SAY, 0, 0, 0, 7),
            mk(a, EV_THREAD_EXIT, 0, 0, 0, 8),
        };
        e[0].actor = (uint32_t)a; /* the spawn of a published by main: about a */
        for (size_t k = 0; k < sizeof e / sizeof e[0]; k++) {
            model_apply(m, &e[k]);
            trace_event(tw, &e[k]);
        }
    }
}

START_TEST(model_large_actor_ids)
{
    model m;
    pool_model(&m);
    scenario_text t;
    memset(&t, 0, sizeof t);
    t.n_lines = 9;
    t.line_of[SCENTEXT_WORKER][EV_JOB_STARTED] = 4;
    model_set_text(&m, &t);
    char path[] = "/tmp/ps-bigid-XXXXXX", err[256];
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    ps_params p;
    scenario_defaults("worker-pool", &p);
    trace_writer *tw = trace_open(path, &p, &m.layout, NULL, err, sizeof err);
    ck_assert_ptr_nonnull(tw);
    big_id_events(&m, tw);
    ck_assert_int_eq(trace_close(tw, err, sizeof err), 0);
    int n = (int)(sizeof big_ids / sizeof big_ids[0]);
    ck_assert_uint_eq(m.threads_started, 2 * (uint64_t)n);
    ck_assert_uint_eq(m.threads_exited, (uint64_t)n);
    ck_assert_uint_eq(m.threads_peak, (uint64_t)n + 1);
    ck_assert_uint_eq(m.untracked, 11 * (uint64_t)n); /* all but their thread-start */
    ck_assert_uint_eq(m.seq_errors, 0);
    ck_assert_int_eq(m.queues[0].n_recv_waiters, 0); /* nobody past n_actors listed */
    ck_assert_uint_eq(m.jobs_started, 0);
    /* the log lines name them in full */
    ps_event e = mk(1000000, EV_JOB_STARTED, 0, 7, 5, 3);
    char line[256];
    event_format(&e, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " W1000000 job-started "));
    e.actor = PS_ACTOR_ID_MAX;
    event_format(&e, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " W1073741823 job-started "));
    e.actor = PS_ACTOR_CTL;
    event_format(&e, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " ctl job-started "));
    e.actor = 1000000;
    logfmt_line(&m.layout, &e, line, sizeof line);
    ck_assert_str_eq(line, "worker 1000000 started  job 7");
    /* the trace names a track by its id: tid = actor + 1 */
    FILE *f = fopen(path, "r");
    static char json[1 << 16];
    size_t got = fread(json, 1, sizeof json - 1, f);
    json[got] = 0;
    fclose(f);
    unlink(path);
    ck_assert_ptr_nonnull(strstr(json, "\"tid\":1000001,"));
    ck_assert_ptr_nonnull(strstr(json, "\"tid\":1073741824,"));
    model_free(&m);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("model");
    TCase *tc = tcase_create("model");
    tcase_add_test(tc, model_worker_pool_sequence);
    tcase_add_test(tc, model_same_events_same_model);
    tcase_add_test(tc, model_line_times_never_go_back);
    tcase_add_test(tc, model_counts_sequence_gaps);
    tcase_add_test(tc, model_waitgroup_mutex_and_lost_updates);
    tcase_add_test(tc, model_per_actor_ops);
    tcase_add_test(tc, model_copy_is_deep);
    tcase_add_test(tc, model_ui_fold);
    tcase_add_test(tc, logfmt_templates);
    tcase_add_test(tc, model_large_actor_ids);
    tcase_add_test(tc, model_go_shared_variables_and_waits);
    suite_add_tcase(s, tc);
    return s;
}
