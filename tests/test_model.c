/* test_model.c - the model as a pure fold of hand-written event sequences,
 * shaped as a Go program's run publishes them. */
#include <check.h>
#include <string.h>

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "model/model.h"
#include "rec/session_go.h"
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

/* The same at source line 'line' (a goroutine's own events carry one). */
static ps_event at(ps_event e, uint32_t line)
{
    e.line = line;
    return e;
}

/* A Go program's model, as a session of worker-pool.go lays it out (main
 * and the first PS_MAX_WORKERS goroutines in detail). */
static void go_model(model *m)
{
    ps_params p;
    ps_layout l;
    session_go_layout(&p, &l, "worker-pool.go");
    ck_assert_int_eq(l.program, 1);
    ck_assert_int_eq(l.workers, PS_MAX_WORKERS);
    ck_assert_int_eq(model_init(m, &l), 0);
    seq = 0;
}

static void apply(model *m, ps_event e)
{
    model_apply(m, &e);
}

/* The channel ids of the pool below, in the order main makes them. */
enum { JOBS = 0, RESULTS = 1 };

/* main makes jobs and results, starts worker(1) and worker(2) (function
 * label 5): what every pool sequence below begins with. */
static void pool_start(model *m)
{
    apply(m, mk(0, EV_SCENARIO_START, 0, 20000, 0, 0));
    apply(m, at(mk(0, EV_OBJECT, JOBS, PS_OBJ_CHAN, 5, 0), 27));
    apply(m, at(mk(0, EV_OBJECT, RESULTS, PS_OBJ_CHAN, 5, 0), 28));
    apply(m, mk(1, EV_THREAD_START, 5, 0, 1, 0)); /* published by main, about W1 */
    apply(m, mk(2, EV_THREAD_START, 5, 0, 2, 0));
}

START_TEST(model_worker_pool_sequence)
{
    model m;
    go_model(&m);
    pool_start(&m);
    ck_assert_int_eq(m.started, 1);
    ck_assert_int_eq(m.n_objs, 2);
    const model_obj *jobs = model_obj_find(&m, JOBS), *results = model_obj_find(&m, RESULTS);
    ck_assert_ptr_nonnull(jobs);
    ck_assert_int_eq(jobs->kind, PS_OBJ_CHAN);
    ck_assert_int_eq(jobs->cap, 5);
    ck_assert_uint_eq(jobs->line, 27); /* its name is the program's: the make's line */
    ck_assert_uint_eq(results->line, 28);
    ck_assert_uint_eq(m.actors[1].label, 5);
    ck_assert_int_eq(m.actors[2].label_arg, 2);
    ck_assert_int_eq(m.actors[1].state, MS_RUNNING);
    ck_assert_int_eq(model_lanes(&m), 2);
    apply(&m, at(mk(1, EV_Q_RECV_BLOCKED, JOBS, 0, 0, 0), 15));
    ck_assert_int_eq(m.actors[1].state, MS_WAIT_RECV);
    ck_assert_uint_eq(m.actors[1].obj, JOBS);
    /* an unbuffered hand-off's pair: main's send, then W1's receive */
    apply(&m, at(mk(0, EV_Q_SEND, JOBS, 1, 0, 0), 37));
    apply(&m, mk(1, EV_Q_RECV, JOBS, 1, 0, 0));
    ck_assert_int_eq(m.actors[1].state, MS_RUNNING);
    ck_assert_uint_eq(jobs->sent, 1);
    ck_assert_uint_eq(jobs->received, 1);
    ck_assert_int_eq(jobs->depth, 0);
    apply(&m, at(mk(0, EV_Q_SEND, JOBS, 2, 1, 0), 37));
    apply(&m, at(mk(0, EV_Q_SEND, JOBS, 3, 2, 0), 37));
    ck_assert_int_eq(jobs->depth, 2);
    apply(&m, at(mk(1, EV_SLEEP, 0, 0, 1000, 0), 17));
    ck_assert_int_eq(m.actors[1].state, MS_SLEEPING);
    ck_assert_uint_eq(m.actors[1].job_dur, 1000);
    apply(&m, at(mk(2, EV_Q_RECV, JOBS, 2, 1, 0), 15));
    ck_assert_int_eq(jobs->depth, 1);
    apply(&m, at(mk(2, EV_SLEEP, 0, 0, 1000, 0), 17));
    apply(&m, at(mk(1, EV_WAKE, 0, 0, 1000, 1000), 17));
    ck_assert_int_eq(m.actors[1].state, MS_RUNNING);
    ck_assert_int_eq(m.actors[2].state, MS_SLEEPING);
    ck_assert_uint_eq(m.vt, 1000);
    apply(&m, at(mk(0, EV_Q_RECV_BLOCKED, RESULTS, 0, 0, 1000), 43));
    ck_assert_int_eq(m.actors[0].state, MS_WAIT_RECV);
    ck_assert_uint_eq(m.actors[0].obj, RESULTS);
    apply(&m, at(mk(1, EV_Q_SEND, RESULTS, 2, 0, 1000), 19));
    apply(&m, mk(0, EV_Q_RECV, RESULTS, 2, 0, 1000)); /* published by W1 for main */
    ck_assert_int_eq(m.actors[0].state, MS_RUNNING);
    ck_assert_uint_eq(m.actors[1].sent, 1);
    ck_assert_uint_eq(m.actors[1].received, 1);
    ck_assert_uint_eq(m.actors[0].sent, 3);
    ck_assert_uint_eq(m.actors[0].received, 1);
    ck_assert_uint_eq(m.actors[0].line, 43); /* the hand-off carries no line: main's stays */
    apply(&m, at(mk(0, EV_Q_CLOSE, JOBS, 0, 0, 1000), 39));
    ck_assert_int_eq(jobs->closed, 1);
    ck_assert_int_eq(jobs->depth, 1);
    ck_assert_int_eq(results->closed, 0);
    apply(&m, at(mk(1, EV_Q_RECV, JOBS, 3, 0, 1000), 15));
    apply(&m, at(mk(1, EV_Q_RECV_BLOCKED, JOBS, 0, 0, 1000), 15));
    apply(&m, mk(1, EV_Q_RECV_CLOSED, JOBS, 0, 0, 1000)); /* woken by nothing left */
    ck_assert_int_eq(m.actors[1].state, MS_RUNNING);
    apply(&m, mk(1, EV_THREAD_EXIT, 0, 0, 0, 1000));
    ck_assert_int_eq(m.actors[1].state, MS_DONE);
    ck_assert_uint_eq(m.threads_started, 2);
    ck_assert_uint_eq(m.threads_exited, 1);
    ck_assert_uint_eq(m.threads_peak, 2);
    ck_assert_uint_eq(m.seq_errors, 0);
    ck_assert_uint_eq(m.untracked, 0);
    ck_assert_uint_eq(m.kind_count[EV_Q_SEND], 4);
    /* the state history a lane's strip draws */
    const model_actor *w1 = &m.actors[1];
    ck_assert_uint_ge(w1->hist_n, 5);
    ck_assert_int_eq(w1->hist_state[(w1->hist_n - 1) % MODEL_HIST], MS_DONE);
    ck_assert_int_eq(model_log_at(&m, 0)->kind, EV_THREAD_EXIT);
    ck_assert_int_eq(model_log_at(&m, 1)->kind, EV_Q_RECV_CLOSED);
    model_free(&m);
}
END_TEST

/* ops++ by W1 and W2 interleaved (load, load, store, store): W2's store
 * overwrites W1's, one update lost; an atomic's adds lose none; a goroutine
 * blocked on a channel or a mutex waits on that object by its id. */
/* Step mode's marks as the pacer keeps them, from the events alone: every
 * thread at rest that runs is at a point, the longest-resting first (ties to
 * the lowest id); one that waits on an object has none; sleepers come after,
 * the soonest due first. */
START_TEST(model_step_marks_follow_the_pacer)
{
    model m;
    go_model(&m);
    apply(&m, mk(PS_ACTOR_CTL, EV_CTL_STEP, 0, 0, 0, 0));
    ck_assert_int_eq(m.step_mode, 1); /* a step is taken in step mode */
    apply(&m, mk(0, EV_SCENARIO_START, 0, 20000, 0, 0));
    apply(&m, at(mk(0, EV_AT, 0, 0, 0, 0), 13));
    ck_assert_int_eq(model_step_mark(&m, 0), MODEL_MARK_POINT);
    ck_assert_int_eq(model_next_step(&m), 0);
    apply(&m, mk(PS_ACTOR_CTL, EV_CTL_STEP, 0, 0, 0, 0)); /* main starts W1 and W2 */
    apply(&m, mk(1, EV_THREAD_START, 5, 0, 1, 0));
    apply(&m, mk(2, EV_THREAD_START, 5, 0, 2, 0));
    apply(&m, at(mk(0, EV_AT, 0, 0, 0, 0), 14));
    ck_assert_int_eq(model_next_step(&m), 0);             /* all ready at step 2: the lowest id */
    apply(&m, mk(PS_ACTOR_CTL, EV_CTL_STEP, 0, 0, 0, 0)); /* main again */
    apply(&m, at(mk(0, EV_AT, 0, 0, 0, 0), 15));
    ck_assert_int_eq(model_next_step(&m), 1); /* W1 has waited longest */
    apply(&m, mk(PS_ACTOR_CTL, EV_CTL_STEP, 1, 0, 0, 0));
    apply(&m, mk(1, EV_Q_RECV_BLOCKED, JOBS, 0, 0, 1));
    ck_assert_int_eq(model_step_mark(&m, 1), MODEL_MARK_NONE); /* it waits: no mark */
    ck_assert_int_eq(model_next_step(&m), 2);
    apply(&m, mk(PS_ACTOR_CTL, EV_CTL_STEP, 2, 0, 0, 0));
    apply(&m, mk(2, EV_SLEEP, 0, 0, 500, 1)); /* due at 501 */
    apply(&m, mk(PS_ACTOR_CTL, EV_CTL_STEP, 0, 0, 0, 0));
    apply(&m, mk(0, EV_SLEEP, 0, 0, 100, 2)); /* due at 102 */
    ck_assert_int_eq(model_step_mark(&m, 2), MODEL_MARK_TIMED);
    ck_assert_int_eq(model_next_step(&m), 0); /* none at a point: the soonest due */
    apply(&m, mk(0, EV_WAKE, 0, 0, 100, 102));
    ck_assert_int_eq(model_next_step(&m), 0); /* awake: at a point, before any sleeper */
    apply(&m, mk(0, EV_THREAD_EXIT, 0, 0, 0, 102));
    ck_assert_int_eq(model_step_mark(&m, 0), MODEL_MARK_NONE);
    ck_assert_int_eq(model_next_step(&m), 2);
    model_free(&m);
}
END_TEST

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
    /* waits by object id (any id a program's objects take) */
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
    ck_assert_uint_eq(mu->locks, 2);
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

/* A WaitGroup's counter and its waiter; an RWMutex's readers and writer:
 * a writer waits while readers are in, a reader while the writer is. */
START_TEST(model_waitgroup_and_rwmutex)
{
    model m;
    go_model(&m);
    for (int w = 1; w <= 3; w++)
        apply(&m, mk(w, EV_THREAD_START, 5, 0, w, 0));
    apply(&m, mk(0, EV_OBJECT, 3, PS_OBJ_WG, 0, 0));
    apply(&m, mk(0, EV_WG_ADD, 3, 2, 2, 0));
    apply(&m, mk(0, EV_WG_WAIT, 3, 0, 2, 0));
    const model_obj *wg = model_obj_find(&m, 3);
    ck_assert_int_eq(wg->count, 2);
    ck_assert_int_eq(m.actors[0].state, MS_WAIT_WG);
    ck_assert_uint_eq(m.actors[0].obj, 3);
    apply(&m, mk(1, EV_WG_DONE, 3, -1, 1, 0));
    apply(&m, mk(2, EV_WG_DONE, 3, -1, 0, 0));
    ck_assert_int_eq(wg->count, 0);
    ck_assert_int_eq(m.actors[0].state, MS_WAIT_WG); /* until its Wait returns */
    apply(&m, mk(0, EV_WG_WAIT_RETURN, 3, 0, 0, 0));
    ck_assert_int_eq(m.actors[0].state, MS_RUNNING);
    ck_assert_uint_eq(m.actors[1].wg_dones, 1);
    ck_assert_uint_eq(m.actors[0].wg_dones, 0);
    apply(&m, mk(0, EV_WG_WAIT, 3, 0, 0, 0)); /* a Wait on zero does not block */
    ck_assert_int_eq(m.actors[0].state, MS_RUNNING);
    /* RWMutex 4: arg = the writer holding it after the event (-1: none),
     * value = the readers in */
    apply(&m, mk(0, EV_OBJECT, 4, PS_OBJ_RWMUTEX, 0, 0));
    apply(&m, mk(1, EV_RW_RLOCK_REQUEST, 4, -1, 0, 0));
    apply(&m, mk(1, EV_RW_RLOCK_ACQUIRED, 4, -1, 1, 0));
    apply(&m, mk(2, EV_RW_RLOCK_REQUEST, 4, -1, 1, 0));
    apply(&m, mk(2, EV_RW_RLOCK_ACQUIRED, 4, -1, 2, 0));
    const model_obj *rw = model_obj_find(&m, 4);
    ck_assert_int_eq(rw->count, 2);
    ck_assert_int_eq(rw->owner, -1);
    ck_assert_int_eq(m.actors[2].state, MS_RUNNING);
    apply(&m, mk(3, EV_RW_LOCK_REQUEST, 4, -1, 2, 0));
    ck_assert_int_eq(m.actors[3].state, MS_WAIT_MUTEX);
    ck_assert_int_eq(rw->n_waiters, 1);
    apply(&m, mk(1, EV_RW_RUNLOCK, 4, -1, 1, 0));
    apply(&m, mk(2, EV_RW_RUNLOCK, 4, -1, 0, 0));
    ck_assert_int_eq(m.actors[3].state, MS_WAIT_MUTEX);
    apply(&m, mk(3, EV_RW_LOCK_ACQUIRED, 4, 3, 0, 0));
    ck_assert_int_eq(m.actors[3].state, MS_RUNNING);
    ck_assert_int_eq(rw->owner, 3);
    ck_assert_int_eq(rw->n_waiters, 0);
    apply(&m, mk(1, EV_RW_RLOCK_REQUEST, 4, 3, 0, 0)); /* the writer is in */
    ck_assert_int_eq(m.actors[1].state, MS_WAIT_MUTEX);
    apply(&m, mk(3, EV_RW_UNLOCK, 4, -1, 0, 0));
    apply(&m, mk(1, EV_RW_RLOCK_ACQUIRED, 4, -1, 1, 0));
    ck_assert_int_eq(m.actors[1].state, MS_RUNNING);
    ck_assert_uint_eq(rw->locks, 4);
    ck_assert_int_eq(rw->count, 1);
    model_free(&m);
}
END_TEST

START_TEST(model_same_events_same_model)
{
    model a, b;
    go_model(&a);
    ps_event ev[6] = {
        mk(0, EV_SCENARIO_START, 0, 20000, 0, 0), mk(0, EV_OBJECT, 0, PS_OBJ_CHAN, 5, 0),
        mk(1, EV_THREAD_START, 5, 0, 1, 2),       at(mk(0, EV_Q_SEND, 0, 1, 1, 5), 37),
        at(mk(1, EV_Q_RECV, 0, 1, 0, 6), 15),     at(mk(1, EV_SLEEP, 0, 0, 10, 7), 17)};
    for (int i = 0; i < 6; i++)
        model_apply(&a, &ev[i]);
    go_model(&b);
    for (int i = 0; i < 6; i++)
        model_apply(&b, &ev[i]);
    ck_assert_int_eq(a.actors[1].state, MS_SLEEPING);
    ck_assert_int_eq(a.actors[1].state, b.actors[1].state);
    ck_assert_uint_eq(a.vt, b.vt);
    ck_assert_uint_eq(a.events, b.events);
    ck_assert_int_eq(memcmp(a.actors, b.actors, sizeof a.actors), 0);
    ck_assert_int_eq(a.n_objs, 1);
    ck_assert_int_eq(a.n_objs, b.n_objs);
    ck_assert_uint_eq(a.objs[0].received, b.objs[0].received);
    ck_assert_int_eq(memcmp(&a.ui, &b.ui, sizeof a.ui), 0);
    model_free(&a);
    model_free(&b);
}
END_TEST

START_TEST(model_counts_sequence_gaps)
{
    model m;
    go_model(&m);
    apply(&m, mk(0, EV_SCENARIO_START, 0, 20000, 0, 0));
    seq++; /* an event went missing */
    apply(&m, mk(0, EV_OBJECT, 0, PS_OBJ_CHAN, 5, 0));
    ck_assert_uint_eq(m.seq_errors, 1);
    apply(&m, mk(0, EV_Q_SEND, 0, 1, 1, 0));
    ck_assert_uint_eq(m.seq_errors, 1); /* back in sequence from the gap on */
    model_free(&m);
}
END_TEST

/* Each goroutine's own operations, folded from its events alone: what its
 * lane shows beside its state. */
START_TEST(model_per_actor_ops)
{
    model m;
    go_model(&m);
    apply(&m, mk(0, EV_OBJECT, 10, PS_OBJ_ATOMIC, 0, 0));
    apply(&m, mk(0, EV_OBJECT, 11, PS_OBJ_VAR, 4, 0));
    apply(&m, mk(0, EV_OBJECT, 12, PS_OBJ_MUTEX, 0, 0));
    apply(&m, mk(0, EV_OBJECT, 13, PS_OBJ_WG, 0, 0));
    apply(&m, mk(1, EV_ATOMIC_ADD, 10, 1, 1, 0));
    apply(&m, mk(2, EV_ATOMIC_ADD, 10, 1, 2, 0));
    apply(&m, mk(1, EV_ATOMIC_ADD, 10, -1, 1, 0));
    apply(&m, mk(2, EV_ATOMIC_LOAD, 11, 0, 1, 0));
    ck_assert_int_eq(m.actors[2].has_load, 1); /* what it loaded, until its store */
    ck_assert_uint_eq(m.actors[2].load_obj, 11);
    ck_assert_int_eq(m.actors[2].load_value, 1);
    apply(&m, mk(2, EV_ATOMIC_STORE, 11, 0, 2, 0));
    ck_assert_int_eq(m.actors[2].has_load, 0);
    apply(&m, mk(2, EV_MUTEX_REQUEST, 12, -1, 0, 0));
    apply(&m, mk(2, EV_MUTEX_ACQUIRED, 12, 2, 0, 0));
    apply(&m, mk(2, EV_MUTEX_RELEASED, 12, 2, 0, 0));
    apply(&m, mk(1, EV_WG_DONE, 13, -1, 0, 0));
    const model_actor *w1 = &m.actors[1], *w2 = &m.actors[2];
    ck_assert_uint_eq(w1->adds, 2);
    ck_assert_int_eq(w1->last_value, 1);
    ck_assert_uint_eq(w1->loads + w1->stores + w1->locks, 0);
    ck_assert_uint_eq(w1->wg_dones, 1);
    ck_assert_uint_eq(w2->adds, 1);
    ck_assert_uint_eq(w2->loads, 1);
    ck_assert_uint_eq(w2->stores, 1);
    ck_assert_int_eq(w2->last_value, 2);
    ck_assert_uint_eq(w2->locks, 1);
    ck_assert_uint_eq(w2->wg_dones, 0);
    ck_assert_uint_eq(m.actors[0].adds + m.actors[0].locks, 0);
    /* channel items, per goroutine */
    apply(&m, mk(0, EV_OBJECT, 14, PS_OBJ_CHAN, 2, 0));
    apply(&m, mk(0, EV_Q_SEND, 14, 1, 1, 0));
    apply(&m, mk(0, EV_Q_SEND, 14, 2, 2, 0));
    apply(&m, mk(1, EV_Q_RECV, 14, 1, 1, 0));
    ck_assert_uint_eq(m.actors[0].sent, 2);
    ck_assert_uint_eq(m.actors[0].received, 0);
    ck_assert_uint_eq(m.actors[1].received, 1);
    ck_assert_int_eq(model_obj_find(&m, 14)->depth, 1);
    model_free(&m);
}
END_TEST

/* A copy (a replay's checkpoint) goes its own way: folding more into the
 * original leaves it as it was. */
/* No fixed number of objects (there were 64): a program that makes 1000
 * channels and a few with ids past the index has every one folded, found
 * and copied; a recording that makes more than MODEL_OBJS_MAX has the rest
 * counted as dropped, not kept. */
START_TEST(model_objects_without_a_fixed_maximum)
{
    model a, b;
    go_model(&a);
    for (uint32_t id = 0; id < 1000; id++)
        apply(&a, mk(0, EV_OBJECT, id, PS_OBJ_CHAN, 1, 1));
    apply(&a, mk(0, EV_OBJECT, 3000000000u, PS_OBJ_WG, 0, 1));
    apply(&a, mk(0, EV_Q_SEND, 999, 7, 1, 2));
    apply(&a, mk(0, EV_WG_ADD, 3000000000u, 2, 2, 2));
    ck_assert_int_eq(a.n_objs, 1001);
    ck_assert_ptr_nonnull(model_obj_find(&a, 0));
    ck_assert_int_eq(model_obj_find(&a, 999)->depth, 1);
    ck_assert_int_eq(model_obj_find(&a, 3000000000u)->count, 2);
    ck_assert_ptr_null(model_obj_find(&a, 1000));
    ck_assert_int_eq(model_copy(&b, &a), 0);
    apply(&a, mk(0, EV_Q_RECV, 999, 7, 0, 3));
    ck_assert_int_eq(model_obj_find(&b, 999)->depth, 1);
    ck_assert_int_eq(model_obj_find(&a, 999)->depth, 0);
    model_free(&b);
    for (uint32_t id = 1000; id < MODEL_OBJS_MAX + 500; id++)
        apply(&a, mk(0, EV_OBJECT, id, PS_OBJ_CHAN, 0, 4));
    ck_assert_int_eq(a.n_objs, MODEL_OBJS_MAX);
    ck_assert_uint_eq(a.objs_dropped, 501);
    ck_assert_uint_eq(a.seq_errors, 0);
    model_free(&a);
}
END_TEST

/* A program's output events fold into its stdout's last bytes (stderr is
 * not the log's), a line cut at the top of what is kept left out. */
static ps_event out_ev(int fd, const char *s)
{
    ps_event e = mk(0, EV_OUTPUT, (uint32_t)fd | (uint32_t)strlen(s) << 8, 0, 0, 0);
    char b[16] = {0};
    memcpy(b, s, strlen(s));
    memcpy(&e.arg, b, 8);
    memcpy(&e.value, b + 8, 8);
    return e;
}

START_TEST(model_program_output)
{
    model m;
    char buf[64];
    go_model(&m);
    apply(&m, out_ev(1, "worker 1 start"));
    apply(&m, out_ev(1, "ed  job 1\n"));
    apply(&m, out_ev(2, "panic: boom\n"));
    apply(&m, out_ev(1, "sum: 420\n"));
    ck_assert_uint_eq(m.out_n, 33);
    ck_assert_uint_eq(model_output(&m, buf, sizeof buf), 33);
    ck_assert_str_eq(buf, "worker 1 started  job 1\nsum: 420\n");
    ck_assert_uint_eq(model_output(&m, buf, 20), 9); /* the cut first line is left out */
    ck_assert_str_eq(buf, "sum: 420\n");
    for (int i = 0; i < 1000; i++) /* past what is kept: the newest MODEL_OUT bytes stay */
        apply(&m, out_ev(1, "0123456789abcde\n"));
    static char big[MODEL_OUT + 1];
    ck_assert_uint_eq(model_output(&m, big, sizeof big), MODEL_OUT);
    ck_assert_int_eq(strncmp(big, "0123456789abcde\n", 16), 0);
    model_free(&m);
}
END_TEST

/* A channel's contents in order: sends put items at the back, receives
 * take the front; a hand-off (send then receive at once) leaves none. */
START_TEST(model_channel_contents)
{
    model m, c;
    go_model(&m);
    pool_start(&m);
    for (int j = 1; j <= 4; j++)
        apply(&m, mk(0, EV_Q_SEND, JOBS, j * 10, j, 0));
    apply(&m, mk(1, EV_Q_RECV, JOBS, 10, 3, 0));
    const model_obj *jobs = model_obj_find(&m, JOBS);
    ck_assert_uint_eq(itemq_len(&jobs->items), 3);
    itemq_iter it = itemq_begin(&jobs->items);
    int64_t v;
    for (int j = 2; j <= 4; j++) {
        ck_assert(itemq_next(&it, &v));
        ck_assert_int_eq(v, j * 10);
    }
    ck_assert_int_eq(model_copy(&c, &m), 0);
    apply(&m, mk(2, EV_Q_RECV, JOBS, 20, 2, 0));
    ck_assert_uint_eq(itemq_len(&model_obj_find(&c, JOBS)->items), 3); /* its own copy */
    ck_assert_uint_eq(itemq_len(&model_obj_find(&m, JOBS)->items), 2);
    apply(&m, mk(1, EV_Q_SEND, RESULTS, 7, 0, 0)); /* handed to main at once */
    apply(&m, mk(0, EV_Q_RECV, RESULTS, 7, 0, 0));
    ck_assert_uint_eq(itemq_len(&model_obj_find(&m, RESULTS)->items), 0);
    model_free(&c);
    model_free(&m);
}
END_TEST

START_TEST(model_copy_is_independent)
{
    model a, b;
    go_model(&a);
    pool_start(&a);
    apply(&a, mk(0, EV_Q_SEND, JOBS, 9, 1, 0));
    ck_assert_int_eq(model_copy(&b, &a), 0);
    apply(&a, mk(1, EV_Q_RECV, JOBS, 9, 0, 5));
    apply(&a, mk(0, EV_OBJECT, 2, PS_OBJ_WG, 0, 5));
    ck_assert_int_eq(b.objs[JOBS].depth, 1);
    ck_assert_uint_eq(b.objs[JOBS].received, 0);
    ck_assert_int_eq(b.n_objs, 2);
    ck_assert_uint_eq(b.actors[1].received, 0);
    ck_assert_uint_eq(b.events, a.events - 2);
    ck_assert_int_eq(a.objs[JOBS].depth, 0);
    ck_assert_int_eq(a.n_objs, 3);
    apply(&b, mk(1, EV_Q_RECV, JOBS, 9, 0, 5)); /* and folds on as the original did */
    ck_assert_uint_eq(b.objs[JOBS].received, 1);
    ck_assert_int_eq(memcmp(b.actors, a.actors, sizeof a.actors), 0);
    model_free(&a);
    model_free(&b);
}
END_TEST

/* The view's part of the fold (model_ui.h): each goroutine stands on the
 * source line of its last event that carries one (a hand-off published for
 * it by another carries none and leaves it), an exit clears it. */
START_TEST(model_ui_fold)
{
    model m;
    scenario_text t;
    memset(&t, 0, sizeof t);
    t.n_lines = 45;
    go_model(&m);
    model_set_text(&m, &t);
    ck_assert_int_eq(m.ui.code_last, -1);
    ps_event e[] = {
        mk(0, EV_SCENARIO_START, 0, 20000, 0, 0),
        at(mk(0, EV_OBJECT, JOBS, PS_OBJ_CHAN, 5, 0), 27),
        mk(1, EV_THREAD_START, 5, 0, 1, 0),
        at(mk(1, EV_AT, 0, 0, 0, 1), 15),
        at(mk(0, EV_Q_SEND, JOBS, 1, 1, 10), 37),
        at(mk(1, EV_Q_RECV, JOBS, 1, 0, 20), 15),
        at(mk(1, EV_SLEEP, 0, 0, 100, 30), 17),
        at(mk(0, EV_Q_RECV_BLOCKED, RESULTS, 0, 0, 40), 43),
        at(mk(1, EV_Q_SEND, RESULTS, 2, 0, 130), 19),
        mk(0, EV_Q_RECV, RESULTS, 2, 0, 130), /* W1's hand-off to main: no line */
    };
    for (size_t i = 0; i < sizeof e / sizeof e[0]; i++)
        model_apply(&m, &e[i]);
    ck_assert_int_eq(m.ui.code_at[0], 43);
    ck_assert_int_eq(m.ui.code_at[1], 19);
    ck_assert_int_eq(m.ui.code_last, 1);
    ck_assert_uint_eq(m.actors[0].line, 43);
    ps_event x = mk(1, EV_THREAD_EXIT, 0, 0, 0, 150);
    model_apply(&m, &x);
    ck_assert_int_eq(m.ui.code_at[1], 0);
    ck_assert_int_eq(m.ui.code_at[0], 43);
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
 * detail: every event of theirs goes through the fold, the event log line
 * and the trace export without indexing anything by the id (ASan and UBSan
 * builds check that), and the model counts them. */
static const int big_ids[] = {PS_MAX_ACTORS, 70000, 1000000, PS_ACTOR_ID_MAX};
#define BIG_EVENTS 14 /* each one's, its thread-start included */

static void big_id_events(model *m, trace_writer *tw)
{
    ps_event pre[] = {
        mk(0, EV_OBJECT, 40, PS_OBJ_CHAN, 0, 0),  mk(0, EV_OBJECT, 41, PS_OBJ_MUTEX, 0, 0),
        mk(0, EV_OBJECT, 42, PS_OBJ_WG, 0, 0),    mk(0, EV_OBJECT, 43, PS_OBJ_ATOMIC, 0, 0),
        mk(0, EV_OBJECT, 44, PS_OBJ_GROUP, 0, 0),
    };
    for (size_t k = 0; k < sizeof pre / sizeof pre[0]; k++) {
        model_apply(m, &pre[k]);
        trace_event(tw, &pre[k]);
    }
    for (size_t i = 0; i < sizeof big_ids / sizeof big_ids[0]; i++) {
        ps_event e = mk(big_ids[i], EV_THREAD_START, 5, 0, 1, 0); /* main's go, about it */
        model_apply(m, &e);
        trace_event(tw, &e);
    }
    for (size_t i = 0; i < sizeof big_ids / sizeof big_ids[0]; i++) {
        int a = big_ids[i];
        ps_event e[] = {
            at(mk(a, EV_Q_RECV_BLOCKED, 40, 0, 0, 1), 15),
            at(mk(0, EV_Q_SEND, 40, 7, 0, 2), 37),
            mk(a, EV_Q_RECV, 40, 7, 0, 2),
            at(mk(a, EV_SLEEP, 0, 0, 5, 3), 17),
            at(mk(a, EV_WAKE, 0, 0, 5, 8), 17),
            at(mk(a, EV_MUTEX_REQUEST, 41, 0, 0, 8), 20),
            at(mk(a, EV_MUTEX_ACQUIRED, 41, a, 0, 8), 20),
            at(mk(a, EV_MUTEX_RELEASED, 41, 0, 0, 9), 21),
            at(mk(a, EV_WG_WAIT, 42, 0, 1, 9), 22),
            at(mk(a, EV_ATOMIC_LOAD, 43, 0, 3, 10), 23),
            at(mk(a, EV_TEXT, 0, 0x6c6961660a, 0, 11), 24),
            at(mk(a, EV_ERROR, 44, 1, 0, 11), 24),
            mk(a, EV_AT, 0, 0, 0, 12),
        };
        for (size_t k = 0; k < sizeof e / sizeof e[0]; k++) {
            model_apply(m, &e[k]);
            trace_event(tw, &e[k]);
        }
    }
    for (size_t i = 0; i < sizeof big_ids / sizeof big_ids[0]; i++) {
        ps_event e = mk(big_ids[i], EV_THREAD_EXIT, 0, 0, 0, 13);
        model_apply(m, &e);
        trace_event(tw, &e);
    }
}

START_TEST(model_large_actor_ids)
{
    model m;
    go_model(&m);
    scenario_text t;
    memset(&t, 0, sizeof t);
    t.n_lines = 45;
    model_set_text(&m, &t);
    char path[] = "/tmp/ps-bigid-XXXXXX", err[256];
    int fd = mkstemp(path);
    ck_assert_int_ge(fd, 0);
    close(fd);
    trace_writer *tw =
        trace_open(path, &(ps_params){.speed_milli = 1000}, &m.layout, NULL, err, sizeof err);
    ck_assert_ptr_nonnull(tw);
    big_id_events(&m, tw);
    ck_assert_int_eq(trace_close(tw, err, sizeof err), 0);
    int n = (int)(sizeof big_ids / sizeof big_ids[0]);
    ck_assert_uint_eq(m.threads_started, (uint64_t)n);
    ck_assert_uint_eq(m.threads_exited, (uint64_t)n);
    ck_assert_uint_eq(m.threads_peak, (uint64_t)n);
    /* all but main's sends: their thread-start, 12 events each, their exit */
    ck_assert_uint_eq(m.untracked, (BIG_EVENTS) * (uint64_t)n);
    ck_assert_uint_eq(m.seq_errors, 0);
    /* their objects' state is folded (it is no goroutine's), no lane is */
    const model_obj *ch = model_obj_find(&m, 40), *mu = model_obj_find(&m, 41),
                    *a = model_obj_find(&m, 43);
    ck_assert_uint_eq(ch->sent, (uint64_t)n);
    ck_assert_uint_eq(ch->received, (uint64_t)n);
    ck_assert_uint_eq(mu->locks, (uint64_t)n);
    ck_assert_int_eq(mu->owner, -1);
    ck_assert_int_eq(mu->n_waiters, 0); /* nobody past n_actors listed */
    ck_assert_uint_eq(a->loads, (uint64_t)n);
    ck_assert_int_eq(model_lanes(&m), 0);
    ck_assert_int_eq(m.hi_actor, 1); /* main only */
    ck_assert_uint_eq(m.actors[0].sent, (uint64_t)n);
    /* the log lines name them in full */
    ps_event e = mk(1000000, EV_SLEEP, 0, 0, 5, 3);
    char line[256];
    event_format(&e, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " W1000000 sleep "));
    e.actor = PS_ACTOR_ID_MAX;
    event_format(&e, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " W1073741823 sleep "));
    e.actor = PS_ACTOR_CTL;
    event_format(&e, line, sizeof line);
    ck_assert_ptr_nonnull(strstr(line, " ctl sleep "));
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
    tcase_add_test(tc, model_counts_sequence_gaps);
    tcase_add_test(tc, model_waitgroup_and_rwmutex);
    tcase_add_test(tc, model_per_actor_ops);
    tcase_add_test(tc, model_copy_is_independent);
    tcase_add_test(tc, model_ui_fold);
    tcase_add_test(tc, model_large_actor_ids);
    tcase_add_test(tc, model_go_shared_variables_and_waits);
    tcase_add_test(tc, model_step_marks_follow_the_pacer);
    tcase_add_test(tc, model_objects_without_a_fixed_maximum);
    tcase_add_test(tc, model_program_output);
    tcase_add_test(tc, model_channel_contents);
    suite_add_tcase(s, tc);
    return s;
}
