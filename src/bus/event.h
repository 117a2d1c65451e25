/* event.h - the fixed-size event record every thread publishes.
 *
 * One record is one visible action of one thread.  It is exactly one cache
 * line so that a ring slot never shares a line with its neighbour.
 */
#ifndef PS_EVENT_H
#define PS_EVENT_H

#include <stddef.h>
#include <stdint.h>

/* Actor ids: 0 is the scenario's main thread, 1..PS_MAX_WORKERS are workers,
 * PS_ACTOR_CTL is the controller (the UI or headless consumer).  A program run
 * (run.h: run_go) numbers its goroutines 1, 2, 3, ... up to PS_ACTOR_ID_MAX,
 * never reusing one, so the controller's id lies above that range.  Views keep
 * per-actor detail for the first PS_MAX_ACTORS ids only (model.h). */
#define PS_ACTOR_MAIN 0
#define PS_MAX_WORKERS 64
#define PS_MAX_ACTORS (PS_MAX_WORKERS + 1)
#define PS_ACTOR_ID_MAX 0x3fffffff
#define PS_ACTOR_CTL (PS_ACTOR_ID_MAX + 1)
/* Room for any actor's name: "main", "ctl", "W1073741823" and the NUL. */
#define PS_ACTOR_NAME_LEN 16

#define PS_EVENT_KINDS(X)                                                                          \
    X(SCENARIO_START, "scenario-start")                                                            \
    X(SCENARIO_END, "scenario-end")                                                                \
    X(THREAD_START, "thread-start")                                                                \
    X(JOB_STARTED, "job-started")                                                                  \
    X(JOB_FINISHED, "job-finished")                                                                \
    X(SLEEP, "sleep")                                                                              \
    X(WAKE, "wake")                                                                                \
    X(THREAD_EXIT, "thread-exit")                                                                  \
    X(Q_SEND, "queue-send")                                                                        \
    X(Q_SEND_BLOCKED, "queue-send-blocked")                                                        \
    X(Q_RECV, "queue-recv")                                                                        \
    X(Q_RECV_BLOCKED, "queue-recv-blocked")                                                        \
    X(Q_RECV_CLOSED, "queue-recv-closed")                                                          \
    X(Q_CLOSE, "queue-close")                                                                      \
    X(Q_SEND_CLOSED, "queue-send-on-closed")                                                       \
    X(Q_CLOSE_CLOSED, "queue-close-closed")                                                        \
    X(WG_ADD, "wg-add")                                                                            \
    X(WG_DONE, "wg-done")                                                                          \
    X(WG_WAIT, "wg-wait")                                                                          \
    X(WG_WAIT_RETURN, "wg-wait-return")                                                            \
    X(WG_NEGATIVE, "wg-negative")                                                                  \
    X(ATOMIC_ADD, "atomic-add")                                                                    \
    X(ATOMIC_LOAD, "atomic-load")                                                                  \
    X(ATOMIC_STORE, "atomic-store")                                                                \
    X(MUTEX_REQUEST, "mutex-request")                                                              \
    X(MUTEX_ACQUIRED, "mutex-acquired")                                                            \
    X(MUTEX_RELEASED, "mutex-released")                                                            \
    X(MUTEX_UNLOCK_UNLOCKED, "mutex-unlock-unlocked")                                              \
    X(SELECT_BLOCKED, "select-blocked")                                                            \
    X(SELECT_DEFAULT, "select-default")                                                            \
    X(RW_RLOCK_REQUEST, "rw-rlock-request")                                                        \
    X(RW_RLOCK_ACQUIRED, "rw-rlock-acquired")                                                      \
    X(RW_RUNLOCK, "rw-runlock")                                                                    \
    X(RW_LOCK_REQUEST, "rw-lock-request")                                                          \
    X(RW_LOCK_ACQUIRED, "rw-lock-acquired")                                                        \
    X(RW_UNLOCK, "rw-unlock")                                                                      \
    X(RW_RUNLOCK_UNLOCKED, "rw-runlock-unlocked")                                                  \
    X(RW_UNLOCK_UNLOCKED, "rw-unlock-unlocked")                                                    \
    X(ATOMIC_SWAP, "atomic-swap")                                                                  \
    X(ATOMIC_CAS, "atomic-cas")                                                                    \
    X(ATOMIC_CAS_FAILED, "atomic-cas-failed")                                                      \
    X(ERROR, "error")                                                                              \
    X(CANCEL, "cancel")                                                                            \
    X(SAY, "say")                                                                                  \
    X(AT, "at")                                                                                    \
    X(OBJECT, "object")                                                                            \
    X(TEXT, "text")                                                                                \
    X(OUTPUT, "output")                                                                            \
    X(CTL_PAUSE, "ctl-pause")                                                                      \
    X(CTL_RESUME, "ctl-resume")                                                                    \
    X(CTL_STEP_MODE, "ctl-step-mode")                                                              \
    X(CTL_STEP, "ctl-step")                                                                        \
    X(CTL_SPEED, "ctl-speed")

/* OBJECT's kinds */
enum {
    PS_OBJ_CHAN = 1,
    PS_OBJ_WG,
    PS_OBJ_MUTEX,
    PS_OBJ_RWMUTEX,
    PS_OBJ_ATOMIC,
    PS_OBJ_VAR,
    PS_OBJ_GROUP
};

typedef enum ps_kind {
#define PS_KIND_ENUM(name, text) EV_##name,
    PS_EVENT_KINDS(PS_KIND_ENUM)
#undef PS_KIND_ENUM
        EV_KIND_COUNT
} ps_kind;

/* Argument conventions per kind (unused fields are 0):
 * A worker "waiting for a job" is queue-recv-blocked on the job queue, "job
 * received" is queue-recv on it and "result sent" is queue-send on the
 * results queue: the queue events say it, so no second event repeats it.
 *   THREAD_START                  the thread was started (go f()), published by its
 *                                 starter: arg = the starter's id (main: 0); a Go
 *                                 program's: obj = 1 + the index of its function in
 *                                 the program (0: none), value = its first argument
 *                                 when that is an integer
 *   THREAD_EXIT                   value = 0, or PS_ELIMIT (run.h): a program's
 *                                 goroutine whose thread could not be made
 *   JOB_STARTED                   arg = job, value = duration (virtual ns)
 *   JOB_FINISHED                  arg = job
 *   SLEEP, WAKE                   value = duration (virtual ns)
 *   Q_SEND, Q_SEND_BLOCKED        obj = queue, arg = item, value = depth after
 *   Q_RECV                        obj = queue, arg = item, value = depth after
 *                                 (an unbuffered queue's hand-off: Q_SEND of the
 *                                 sender then Q_RECV of the receiver, value 0,
 *                                 both published by whichever came second)
 *   Q_RECV_BLOCKED, Q_RECV_CLOSED obj = queue
 *   Q_CLOSE, Q_SEND_CLOSED        obj = queue, arg = item (send only)
 *   Q_CLOSE_CLOSED                obj = queue (Go: panic: close of closed channel)
 *   MUTEX_UNLOCK_UNLOCKED         obj = mutex (Go: fatal error: sync: unlock of
 *                                 unlocked mutex)
 *   WG_ADD, WG_DONE               obj = wg, arg = delta, value = counter after
 *   WG_WAIT, WG_WAIT_RETURN       obj = wg, value = counter
 *   WG_NEGATIVE                   obj = wg, value = counter it would have had
 *   ATOMIC_ADD                    obj = counter, arg = delta, value = new value
 *   ATOMIC_LOAD, ATOMIC_STORE     obj = counter, value = value read / written
 *   MUTEX_*                       obj = mutex, arg = owner actor (ACQUIRED)
 *   SELECT_BLOCKED                obj = queue of the first non-nil case (0 if none),
 *                                 arg = cases, value = non-nil cases (0: blocked
 *                                 for ever: select {} or a nil channel); the case
 *                                 that proceeds later publishes its Q_* events
 *   SELECT_DEFAULT                a select with default (or a try operation) found
 *                                 no case ready: obj, arg, value as SELECT_BLOCKED
 *   RW_*                          obj = rwmutex, arg = the writer holding it after
 *                                 the event (-1: none), value = readers after
 *   RW_RUNLOCK_UNLOCKED           RUnlock with no reader (Go: fatal error: sync:
 *                                 RUnlock of unlocked RWMutex)
 *   RW_UNLOCK_UNLOCKED            Unlock with no writer (Go: fatal error: sync:
 *                                 Unlock of unlocked RWMutex)
 *   ATOMIC_SWAP                   obj = counter, arg = old value, value = new value
 *   ATOMIC_CAS                    obj = counter, arg = old value, value = new value
 *   ATOMIC_CAS_FAILED             obj = counter, arg = expected, value = value found
 *   ERROR                         arg = job, value = error code
 *   CANCEL                        arg = job that observed the cancellation
 *   SAY                           obj = line template, arg = job, value = value
 *   SCENARIO_START                arg = workers, value = jobs (a program:
 *                                 arg = max_goroutines)
 *   SCENARIO_END                  value = outcome (a program: its exit status)
 *   CTL_STEP                      arg = actor granted
 *   CTL_SPEED                     value = speed in thousandths
 *   OBJECT                        a Go program made an object: obj = its id, arg =
 *                                 PS_OBJ_* (its kind), value = a channel's capacity;
 *                                 line = the line of the make, or of the first use
 *                                 of a WaitGroup or mutex (which makes it): its name
 *                                 is the program's, goprog_object_name.  An atomic
 *                                 (PS_OBJ_ATOMIC): line of its first sync/atomic
 *                                 call; a shared plain integer (PS_OBJ_VAR, which
 *                                 goroutines load and store: ATOMIC_LOAD / _STORE
 *                                 with obj = its id): line and value = column of
 *                                 its declaration
 *   OUTPUT                        what a Go program wrote: obj = fd (1 stdout, 2
 *                                 stderr) + 256 x the bytes (1..16) in arg and value
 *                                 (little-endian); in order, so a replay writes it again
 *   TEXT                          a Go program's text for the events after it: obj =
 *                                 chunk (0 starts a text), arg and value its 16 bytes
 *                                 (little-endian, NUL-padded); then ERROR / CANCEL
 *   ERROR (a Go program)          errgroup: the goroutine's function returned the error
 *                                 in the TEXT before it; obj = group, arg = 1 the
 *                                 group's first (Wait returns it), 0 a later one, 2 the
 *                                 group's Wait returned it ("" and value 1: nil)
 *   CANCEL (a Go program)         errgroup: the function returned the context's error
 *                                 (the group was cancelled): obj = group
 *   AT                            a Go program's goroutine waits at a step point
 *                                 (step or pause mode) before the statement on
 *                                 source line 'line'
 * Every event of a Go program's goroutine also carries 'line': the source
 * line of the statement it was executing (0: none, as in the C scenarios). */
typedef struct ps_event {
    uint64_t seq;   /* delivery number, gap-free from 0 (the bus's consumer sets it) */
    uint64_t vt_ns; /* virtual time since scenario start */
    uint64_t rt_ns; /* real (monotonic) time since scenario start: the merge key */
    int64_t arg;
    int64_t value;
    uint32_t obj;
    uint32_t actor; /* 0..PS_ACTOR_ID_MAX, or PS_ACTOR_CTL */
    uint16_t kind;
    uint16_t pad0;
    uint32_t line; /* the Go source line its actor was at, 0 if none */
    /* the lecture's clock: real ns since the run started at which the view
     * took the event (session_go's poll stamps it, strictly increasing), so
     * pauses and the time spent on each step are in it; a replay hands out
     * the recorded one.  0 until a session hands the event out. */
    uint64_t wt_ns;
} ps_event;

_Static_assert(sizeof(ps_event) == 64, "an event is one cache line");

const char *event_kind_name(int kind);
/* Returns the kind for a name, or -1. */
int event_kind_parse(const char *name);
/* "main", "W3", "ctl" (buf: PS_ACTOR_NAME_LEN bytes) */
const char *event_actor_name(int actor, char buf[PS_ACTOR_NAME_LEN]);
/* One line (no newline) of every field, for --log=events and recordings:
 * "seq vt_ns rt_ns actor kind obj arg value wt_ns [@line]". */
size_t event_format(const ps_event *e, char *buf, size_t len);

#endif
