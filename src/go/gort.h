/* gort.h - the Go runtime on the engine: what the evaluator asks of rt.
 *
 * Every goroutine is an engine actor on its own pthread; every channel a
 * ps_chan whose items are words (a value of more than one word travels as
 * a pointer to an immutable copy); every blocking operation goes through
 * the engine's one blocking protocol, so the pacer sees it, steps it and
 * finds deadlocks.  Step points: gort_point is called before every
 * statement; in run mode it is one relaxed load.
 */
#ifndef PS_GO_GORT_H
#define PS_GO_GORT_H

#include <stdint.h>

#include "eval.h"
#include "rt/pacer.h"

struct ps_actor;
struct ps_chan;

typedef struct gchan gchan;

/* Goroutines live at once, main included: a thread each, and this machine
 * kind's kernel.pid_max is 32768 (RUN_GOROUTINES_MAX).  10 000 blocked
 * goroutines and main fit, with room. */
#define GORT_MAX_GOROUTINES 20000
/* Events a goroutine's bus lane holds.  The engine's default (64) keeps 10 000
 * lanes small, but 50 goroutines doing atomic adds then wait for the consumer
 * every 64 events (2x the wall time of an unwatched run); a lane's pages are
 * touched only as it fills, so 1024 costs a blocked goroutine nothing more
 * (10 000 blocked: 143 MB either way, row go-10k). */
#define GORT_RING_CAP 1024

/* g runs as the engine actor self (its thread's first act). */
void gort_bind(gor *g, struct ps_actor *self);

/* A step point.  Returns only if the run goes on; a stopping run unwinds
 * the goroutine (no deferred calls run, as when Go's main returns).  Inline:
 * in run mode it is the pacer's one relaxed gate load, and it is passed at
 * every statement. */
void gort_point_slow(gor *g);
static inline void gort_point(gor *g)
{
    if (g->pacer && pacer_gate(g->pacer))
        gort_point_slow(g);
}

/* The step point before the statement on source line line: every event the
 * goroutine publishes from here carries it (one plain store: the actor's
 * line is its own thread's). */
static inline void gort_at(gor *g, int32_t line)
{
    *g->line = (uint32_t)line;
    gort_point(g);
}

/* go f(args): a new goroutine running cl with args (nwords words). */
void gort_go(gor *g, gclosure *cl, const gcell *args, int32_t nwords);
/* runtime.NumGoroutine: main and the program's goroutines that have not
 * returned. */
int64_t gort_num_goroutine(gor *g);
/* runtime.NumCPU: the CPUs the process may run on. */
int64_t gort_num_cpu(void);
/* runtime.GOMAXPROCS(n): the setting before (NumCPU at first); n > 0 sets
 * it (every goroutine is a thread all the same). */
int64_t gort_maxprocs(gor *g, int64_t n);

/* An object event: the program made object id of kind (PS_OBJ_*) on source
 * line line (0: the goroutine's current line); value as event.h says. */
void gort_object(gor *g, uint32_t id, int kind, int64_t value, int32_t line);
/* make(chan T, cap) on source line line: publishes the object event. */
gchan *gort_chan_make(gor *g, const gtype *chan_type, int64_t cap, int32_t line);
/* A channel of elem values (the library's own: timers, contexts). */
gchan *gort_chan_new(gor *g, const gtype *elem, int64_t cap);
struct ps_chan *gchan_queue(gchan *c);
/* A goroutine of the runtime's own (a timer): fn(actor, arg) in C. */
void gort_go_native(gor *g, int (*fn)(struct ps_actor *self, void *arg), void *arg);
/* The same, named on the screen as the Go function 'as' (errgroup's g.Go(f)
 * runs f: its lane says main.func1). */
struct gfunc;
void gort_go_native_as(gor *g, int (*fn)(struct ps_actor *self, void *arg), void *arg,
                       const struct gfunc *as);
/* What the program wrote to fd (1 or 2), as output events of 16 bytes
 * each (event.h OUTPUT): a recording holds it, so a replay shows it. */
void gort_output(gor *g, int fd, const char *p, size_t n);
/* A timer's goroutine (time.After, Ticker, AfterFunc): its lane says timer. */
void gort_go_timer(gor *g, int (*fn)(struct ps_actor *self, void *arg), void *arg);
/* Publishes s (its first GORT_TEXT_MAX bytes) as text events: 16 bytes an
 * event in arg and value, chunk number in obj (event.h TEXT). */
#define GORT_TEXT_MAX 128
void gort_text(gor *g, const char *s, size_t n);
void gort_chan_send(gor *g, gchan *c, const gcell *v);
/* Receives into dst (elem size words); 0 if closed and drained (dst zeroed). */
int gort_chan_recv(gor *g, gchan *c, gcell *dst);
void gort_chan_close(gor *g, gchan *c);
int64_t gort_chan_len(gchan *c);
int64_t gort_chan_cap(gchan *c);

typedef struct gselcase {
    gchan *c; /* NULL: a nil channel, never ready */
    int send; /* 1: send v; 0: receive into dst */
    const gcell *v;
    gcell *dst;
    int ok; /* receive: 0 if closed */
} gselcase;
/* Go's select: the chosen case, or -1 for default (has_default). */
int gort_select(gor *g, gselcase *cases, int n, int has_default);
/* Blocks for good (a nil channel's operation, select {}): reason says
 * which (GW_*), for a deadlock report. */
_Noreturn void gort_block_forever(gor *g, int reason);

/* What a goroutine waits in, as Go's traces say it ("goroutine 6 [chan
 * send]:"); gort_wait_begin records it with the line, gort_wait_end clears
 * it. */
enum {
    GW_NONE = 0,
    GW_CHAN_SEND,
    GW_CHAN_RECV,
    GW_CHAN_SEND_NIL,
    GW_CHAN_RECV_NIL,
    GW_SELECT,
    GW_SELECT_NONE,
    GW_SEMACQUIRE, /* Go 1.19's word for WaitGroup.Wait and a Mutex's Lock */
    GW_SLEEP,
    GW_COND, /* sync.Cond.Wait */
};
static inline void gort_wait_begin(gor *g, int reason)
{
    atomic_store_explicit(&g->wait_line, *g->line, memory_order_relaxed);
    atomic_store_explicit(&g->wait_reason, reason, memory_order_relaxed);
}
static inline void gort_wait_end(gor *g)
{
    atomic_store_explicit(&g->wait_reason, GW_NONE, memory_order_relaxed);
}
/* A receive from c that waits as reason says (a sync.Cond's wait is a
 * receive from a channel of the goroutine's own). */
int gort_chan_recv_as(gor *g, gchan *c, gcell *dst, int reason);
/* Go's report when every goroutine is blocked: "fatal error: all goroutines
 * are asleep - deadlock!", then each goroutine, what it waits in, where,
 * and who started it; a malloc'd string (NULL: out of memory). */
char *gort_deadlock_report(gvm *vm);

void gort_sleep(gor *g, int64_t ns);
/* Virtual nanoseconds since the program started. */
int64_t gort_now(gor *g);

/* The program ends with status code (os.Exit, a fatal error, a panic). */
_Noreturn void gort_exit(gor *g, int code);

/* A fresh id for an engine object (a channel, a lock, a counter). */
uint32_t gort_obj_id(gor *g);

/* Creates the program's run and starts main (eval_run_main on its own
 * thread).  0, or -1 with *err.  The caller consumes the run's events
 * until run_finished, then calls gort_free. */
struct ps_run;
struct run_program_opts;
int gort_start(gvm *vm, const struct run_program_opts *o, struct ps_run **out, const char **err);
void gort_free(gvm *vm);

#endif
