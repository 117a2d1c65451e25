/* model.h - the state any view needs, as a pure fold of events.
 *
 * model_apply(m, e) is the only way the model changes.  No threads, no clock:
 * the same layout, listing and events always give the same model.  The
 * headless log, the TUI, replay and exports all read it.
 */
#ifndef PS_MODEL_H
#define PS_MODEL_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"
#include "itemq.h"
#include "model_ui.h"
#include "rt/scenario.h"
#include "scen/scenfile.h"

#define MODEL_HIST 64    /* per-actor state changes kept (the trace's slices) */
#define MODEL_TL 256     /* per-actor timeline buckets: the whole run, coarser as it goes on */
#define MODEL_TL_BASE 20 /* a bucket is 2^(20 + tl_shift) ns: about 1 ms at first */
#define MODEL_TEXT 129   /* a goroutine's text (GORT_TEXT_MAX bytes and a NUL) */
#define MODEL_LOG 64     /* last events kept */
#define MODEL_OUT 8192   /* the last bytes of a program's stdout kept (a replay's log panel) */
#define MODEL_SPARK 32   /* per-counter values kept for the sparkline */

typedef enum model_state {
    MS_NEW = 0,    /* not started yet */
    MS_RUNNING,    /* main: doing its own work */
    MS_IDLE,       /* worker: between jobs */
    MS_WAIT_RECV,  /* blocked receiving from an empty queue */
    MS_WORKING,    /* in timed work on a job */
    MS_SLEEPING,   /* in a timed sleep */
    MS_WAIT_SEND,  /* blocked sending to a full queue */
    MS_WAIT_MUTEX, /* waiting for a mutex */
    MS_WAIT_WG,    /* in WaitGroup.Wait */
    MS_DONE,       /* exited */
    MS_STATE_COUNT
} model_state;

typedef struct model_actor {
    uint8_t state;
    uint32_t obj;       /* the queue / mutex / wg it waits on */
    int64_t job;        /* current (or last) job, 0 if none */
    int has_job;        /* worker-pool diagram: it took a job and has not come back for the next */
    uint64_t job_start; /* virtual ns */
    uint64_t job_dur;
    uint64_t jobs_done;
    uint64_t since;    /* virtual ns of the last state change */
    uint32_t line;     /* a Go program's: the source line of its last event (0: none) */
    uint32_t label;    /* a Go program's: its thread-start's obj (its function), 0: none */
    int64_t label_arg; /* and value (its first argument when an integer) */
    /* a Go program's last load of a shared variable (object load_obj): the
     * variable's store count then, and the value it read */
    uint32_t load_obj;
    int has_load;
    uint64_t load_stores;
    int64_t load_value;
    /* a Go program's: the text its last TEXT events spelled, and how its
     * errgroup function ended: 1 it returned an error (text: what it
     * said), 2 the group's context cancelled it */
    char text[MODEL_TEXT];
    int outcome;
    /* what a thread that runs no jobs did: its own operations, so its lane
     * can say "add 5 =7" or "lock 3" instead of "done 0" */
    uint64_t sent, received;      /* queue items it sent / received */
    uint64_t adds, loads, stores; /* counter operations */
    uint64_t locks;               /* mutex acquisitions */
    uint64_t wg_dones;            /* WaitGroup Done calls */
    int64_t last_value;           /* counter value its last add or store left */
    /* the timeline: bucket k holds the strongest state class (model_tl_class)
     * the actor was in during [k, k + 1) x 2^(MODEL_TL_BASE + tl_shift) ns;
     * when the run outgrows the buckets, pairs merge and tl_shift grows, so
     * the whole run stays, at a coarser grain */
    uint8_t tl[MODEL_TL];
    uint32_t tl_shift, tl_last; /* tl_last: the bucket of its last state change */
    uint32_t hist_n;            /* total state changes; the last MODEL_HIST are kept */
    uint8_t hist_state[MODEL_HIST];
    uint64_t hist_vt[MODEL_HIST];
    /* step mode: the steps taken when its last own event came (the pacer's
     * ready_step: in step mode a thread runs from a grant to its next point) */
    uint64_t ready_step;
} model_actor;

enum { MODEL_MARK_NONE = 0, MODEL_MARK_POINT, MODEL_MARK_TIMED };

/* An object a Go program made (an OBJECT event), and what its events say.
 * There is no fixed number of them: the array grows as the program makes
 * them, up to MODEL_OBJS_MAX (a bound against a hostile recording: past
 * it objects are counted, objs_dropped, not kept). */
#define MODEL_OBJS_MAX 65536
#define MODEL_OBJ_INDEX (1u << 20) /* ids below this are found through an index */
#define MODEL_CHAN_ITEMS                                                                           \
    (1u << 20) /* a channel's items kept in order: a hostile recording's bound */
#define MODEL_OBJ_WAITERS 16
typedef struct model_obj {
    uint32_t id;
    int kind;           /* PS_OBJ_* */
    uint32_t line;      /* where it was made: its name, from the program */
    int64_t cap, depth; /* a channel's */
    /* a channel's contents in order, front first (what sends put in and
     * receives took out; items_more past MODEL_CHAN_ITEMS are only counted,
     * behind them) */
    itemq items;
    uint64_t items_more;
    int closed;
    uint64_t sent, received;
    int64_t count;  /* a WaitGroup's counter; an RWMutex's readers */
    int owner;      /* a mutex's holder (an RWMutex's writer), -1: none */
    uint64_t locks; /* acquisitions */
    /* who waits to lock it (a mutex, an RWMutex), in the order they came:
     * the first MODEL_OBJ_WAITERS, n_waiters counts them all */
    int n_waiters;
    uint32_t waiters[MODEL_OBJ_WAITERS];
    /* an atomic or a shared plain variable's: its value, operations, and
     * (plain) the updates lost: expected sums each store's change over the
     * value its goroutine loaded (a blind store sets it), so expected -
     * value is what overwritten stores took away */
    int64_t value, expected;
    uint64_t loads, stores, ops, lost;
    /* the last store that overwrote another goroutine's (overwrites: how
     * many did): by whom and what, over whose store of what */
    uint64_t overwrites;
    int last_store_by; /* who stored last (-1: nobody yet) */
    int over_by, over_whom;
    int64_t over_value, over_old;
    /* an errgroup's: functions that failed or were cancelled, the first
     * error and who returned it, what Wait returned */
    uint64_t failed, cancelled;
    int first_by;
    int waited; /* Wait returned: returned[] holds its error, "" for nil */
    char first[MODEL_TEXT], returned[MODEL_TEXT];
} model_obj;

typedef struct model {
    ps_layout layout;
    int n_actors; /* actors 0..n_actors-1 are folded in detail (at most PS_MAX_ACTORS) */
    int hi_actor; /* 1 + the highest of them an event was about (main counts as seen) */
    model_actor actors[PS_MAX_ACTORS];
    /* Every actor, also those past n_actors (a program's goroutines): what
     * is kept of them is counted, never indexed by their id. */
    uint64_t threads_started; /* thread-start events */
    uint64_t threads_exited;  /* thread-exit events */
    uint64_t threads_peak;    /* most started and not yet exited at once */
    uint64_t untracked;       /* events of actors past n_actors (not the controller) */
    /* the worker-pool diagram's job channel (layout.job_line): its object
     * id (-1 until made) */
    int64_t job_obj;
    /* the program's objects, in the order made (owned: model_free); index[id]
     * is 1 + the object's place for ids below n_index, 0 for none */
    int n_objs, cap_objs;
    model_obj *objs;
    uint32_t *index, n_index;
    uint64_t objs_dropped; /* objects past MODEL_OBJS_MAX, or when memory ran out */
    uint64_t vt, rt;       /* latest virtual / real time seen */
    uint64_t events;       /* events folded */
    uint64_t next_seq;     /* the sequence number expected next */
    uint64_t seq_errors;   /* events out of sequence (must stay 0) */
    uint64_t kind_count[EV_KIND_COUNT];
    uint64_t jobs_started, jobs_finished, results;
    int running_jobs, max_running_jobs;
    int started, ended; /* scenario start / end seen */
    int errors;         /* ERROR events */
    int64_t first_error_job;
    int64_t first_error_code;
    uint64_t first_error_vt;
    int cancelled;
    uint64_t send_on_closed;
    int paused, step_mode; /* from controller events */
    int64_t speed_milli;
    uint64_t steps;
    ps_event log[MODEL_LOG]; /* last MODEL_LOG events, oldest first from log_n */
    /* the program's stdout from its output events: out_n bytes in all, the
     * last MODEL_OUT of them in out (byte i at out[i % MODEL_OUT]) */
    uint64_t out_n;
    char out[MODEL_OUT];
    uint64_t log_n;
    /* The view's part (arrows, job total, code lines), folded with the rest;
     * text is the listing that places the threads (model_set_text). */
    const scenario_text *text;
    model_ui ui;
} model;

/* 0 (nothing is allocated yet: the objects and the job queue's contents
 * grow as the program makes them). */
int model_init(model *m, const ps_layout *layout);
void model_free(model *m);
/* The listing whose line map places each thread in m->ui (NULL: none); not
 * owned, it must outlive m and its copies.  Set it before folding. */
void model_set_text(model *m, const scenario_text *t);
/* Deep copy (dst must not be initialised, or must have been freed); -1
 * when out of memory (dst is then freed, an empty model). */
int model_copy(model *dst, const model *src);
void model_apply(model *m, const ps_event *e);

const char *model_state_name(int state);
/* A state's class on the timeline: 0 none (not started, done), 1 idle, 2
 * running or timed work, 3 blocked; a bucket keeps the highest it saw. */
int model_tl_class(int state);
/* The strongest class of actor a during virtual [t0, t1) (t1 > t0), up to
 * virtual now (its current state after its last change). */
int model_tl_at(const model *m, int a, uint64_t t0, uint64_t t1, uint64_t now);
/* The lanes after main's: the goroutines (of those kept in detail) that
 * have started. */
int model_lanes(const model *m);
/* Who a step with no goroutine chosen moves next, by the pacer's rule (the
 * longest at a step point, then the soonest due timed work, ties to the
 * lowest id): an actor id, or -1 when none is marked. */
int model_next_step(const model *m);
/* Step mode's mark of actor a, as the pacer keeps it at rest: a thread that
 * runs is at a step point (MODEL_MARK_POINT), one in a sleep or timed work
 * is due (MODEL_MARK_TIMED), one that waits on an object or is done or new
 * has none. */
int model_step_mark(const model *m, int a);
/* A Go program's object with this id, or NULL. */
const model_obj *model_obj_find(const model *m, uint32_t id);
/* Actor's display name: "main", "W1"... */
const char *model_actor_name(int actor, char buf[PS_ACTOR_NAME_LEN]);
/* The last at most cap - 1 bytes of the program's stdout folded so far,
 * from the start of a line when it can, NUL-terminated; their length. */
size_t model_output(const model *m, char *buf, size_t cap);
/* The bytes (1..16) an output event carries into buf, and its fd (1, 2). */
size_t model_output_bytes(const ps_event *e, char buf[16], int *fd);
/* The i-th most recent event (0 = newest), or NULL. */
const ps_event *model_log_at(const model *m, uint64_t i);

#endif
