/* eval.h - runs a checked Go program: one gor per goroutine, tree-walking
 * the checker's annotated nodes.
 *
 * Variables live in frame slots (a C array on the goroutine's own stack:
 * one thread owns it) or, when captured, address-taken or large, in heap
 * boxes (value.h's word rule).  A panic unwinds with longjmp to the nearest
 * frame that has deferred calls; recover() in a deferred call stops it.
 * The evaluator reaches the engine only through gort.h (goroutines,
 * channels, locks, sleeps and step points).
 */
#ifndef PS_GO_EVAL_H
#define PS_GO_EVAL_H

#include <setjmp.h>
#include <stdint.h>

#include "check.h"
#include "value.h"

struct gvm;
struct gdframe;

/* The value of a panic in flight, and the ones it interrupted. */
typedef struct gpanic {
    giface *value;
    int runtime_error; /* a run-time error: "panic: runtime error: ..." shape */
    int recovered;
    struct gpanic *prev;
} gpanic;

typedef struct gor {
    struct gvm *vm;
    void *actor;      /* the engine's actor (gort.h), or NULL */
    void *pacer;      /* the actor's pacer (gort_point's gate), or NULL */
    uint32_t *line;   /* the actor's current source line (gort_at) */
    uint32_t no_line; /* where line points without an actor */
    int64_t id;       /* Go's goroutine number: main is 1 */
    /* allocation: a bump region of the goroutine's own */
    char *chunk, *chunk_end; /* its piece: bump-allocated (eval.c) */
    size_t piece;            /* the size of its next piece */
    /* unwinding */
    struct gdframe *top; /* innermost frame with defers */
    jmp_buf *root;       /* the goroutine's bottom: a panic nobody recovered */
    gpanic *panic;
    int depth;             /* calls deep */
    int recover_depth;     /* recover() works in the call at this depth */
    uintptr_t stack_limit; /* the lowest C stack address calls may use */
    uint64_t rng;          /* select's and math/rand's generator */
    int stopping;          /* unwinding because the run stops: no panic report */
    /* the last watched variable it used and its counter (gvars.c) */
    void *var_addr, *var_counter;
    /* what a deadlock report says of it (gort.c): written by its own thread,
     * read by the reporting one, so atomics (relaxed: a report of a moment) */
    _Atomic int wait_reason; /* GW_* (gort.h), 0 while it runs */
    _Atomic uint32_t wait_line;
    const char *entry_fn;   /* its function's Go name ("main.worker") */
    const char *creator_fn; /* the function whose go statement started it, or NULL (main) */
    uint32_t created_line;  /* and that statement's line */
    int entry_params;       /* its function has parameters: "(...)" in a trace */
    struct gor *reg_prev, *reg_next; /* gort's live goroutines, under its lock */
    void *cond_ch; /* its channel for sync.Cond waits (lib_sync.c), made at its first */
} gor;

/* The program being run: its globals and its outcome. */
typedef struct gvm {
    gprog *prog;
    gcell *globals;
    /* memory: every chunk any goroutine took, freed at the end */
    _Atomic int64_t allocated; /* bytes: the limit is VM_MAX_ALLOC */
    void *chunks_mu;           /* a ps_lock (gort) */
    struct gchunk *chunks;
    /* under chunks_mu: the unused ends of the chunks of goroutines that
     * ended (never handed out, still zero but for their gtail header), for
     * the next goroutine to go on from: without them each goroutine's
     * first allocation took a MiB of the budget for good */
    struct gtail *tails;
    _Atomic int exiting; /* set once: os.Exit, an unrecovered panic, main's return */
    _Atomic int exit_code;
    int64_t next_goid; /* under gort's spawn lock */
    void *rt;          /* gort's state */
    /* output: fd 1 and 2 (app layer may redirect) */
    void (*write)(void *ctx, int fd, const char *p, size_t n);
    void *write_ctx;
    uint64_t seed;
    /* the library's own error types (*errors.errorString, *fmt.wrapError) */
    gtype *t_error_string, *t_wrap_error;
    gtype *t_time;
    gtype *t_plain_error; /* runtime.plainError */ /* time.Time (a timer channel's element) */
    gcell atomic_obj;
    void *vars; /* the watched variables' counters by address (gvars.c) */
    /* context: its type, cancel's code, and where Canceled and
     * DeadlineExceeded live among the globals */
    gtype *t_ctx;
    /* package log's standard logger (a *log.Logger's cells), made by the
     * first call that needs it (lib_log.c: a compare-and-swap) */
    _Atomic(uintptr_t) log_std;
    gtype *t_any_map;
    /* a time.Time is virtual ns; its wall-clock reading (Unix, Format, what
     * it prints) is wall0_ns + that, wall0_ns the wall clock at the start */
    int64_t wall0_ns; /* map[any]any: a sync.Map's (made before any goroutine runs) */
    struct gfunc *ctx_cancel_fn;
    /* strconv.ErrSyntax and ErrRange's globals (set by their initializers) */
    gcell *strconv_err_syntax, *strconv_err_range;
    void *rand_global; /* math/rand's top-level source (set by its initializer) */
    int32_t ctx_canceled_slot,
        ctx_deadline_slot; /* the engine counter that orders sync/atomic's events */
} gvm;

#define VM_MAX_ALLOC (4ll << 30) /* 4 GiB of Go heap */
#define VM_MAX_DEPTH 10000000    /* Go calls deep in one goroutine (the C stack ends it first) */

/* Runs the main goroutine on the calling thread's gor: package variables,
 * init functions, main.  Returns 0 (main returned), 2 (a panic nobody
 * recovered) or -1 (the run stopped under it). */
int eval_run_main(gvm *vm, gor *g);
/* A goroutine's body: calls cl (a closure of no results) with args (its
 * parameters' words, already evaluated by the go statement). */
void eval_run_goroutine(gor *g, gclosure *cl, gcell *args);
/* Calls a function value from native code (sort.Slice's less, Once.Do). */
void eval_call(gor *g, gclosure *cl, gcell *args, gcell *res);

/* Calls method name() of the dynamic value b with no arguments; 0 if it
 * has none.  res gets the results. */
int eval_call_method0(gor *g, const giface *b, const char *name, gcell *res);

/* Calls method name of the dynamic value b with args (nargs words, laid
 * out as its parameters); 0 if it has none.  res gets the results. */
int eval_call_method(gor *g, const giface *b, const char *name, const gcell *args, int32_t nargs,
                     gcell *res);

/* Calls cl, catching a panic: NULL, or the panic taken off the goroutine. */
gpanic *eval_call_catching(gor *g, gclosure *cl, gcell *args, gcell *res);
/* Hands a caught panic on, as if it had not been caught. */
_Noreturn void eval_panic_again(gor *g, gpanic *p);

/* The program's source as Go's traces and log's Llongfile name it: its
 * absolute path (in path), or the name it was given. */
const char *vm_source_path(const gvm *vm, char path[4096]);

/* Go's report of the panic in flight on stderr (panic: ..., goroutine N). */
void eval_report_panic(gor *g);

/* The run stops: unwinds the goroutine to its bottom, running nothing. */
_Noreturn void gor_stop_unwind(gor *g);

void gor_init(gor *g, gvm *vm, int64_t id);
void gor_release(gor *g);
/* Frees every chunk (after all goroutines ended). */
void vm_free(gvm *vm);
/* Before any goroutine runs: the globals, the locks, the library types. */
int eval_prepare(gvm *vm);

#endif
