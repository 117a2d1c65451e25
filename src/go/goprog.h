/* goprog.h - a Go program file, loaded and checked, ready to run as many
 * times as asked: what `poolscope --headless PROGRAM.go` and the screen's
 * session for a program (rec/session_go.c) share. */
#ifndef PS_GO_GOPROG_H
#define PS_GO_GOPROG_H

#include <stddef.h>

#include "check.h"
#include "eval.h"

#define GOPROG_MAX_SETS 16 /* as many as gprog.sets holds */

/* What a name in goprog.names is of: a make(chan), a sync method call (its
 * WaitGroup, Mutex or RWMutex made at first use), a sync/atomic call on &x
 * or an atomic type's method, a shared plain variable's declaration. */
enum { GOPROG_NAME_SYNC, GOPROG_NAME_CHAN, GOPROG_NAME_ATOMIC, GOPROG_NAME_VAR };

typedef struct goprog {
    gprog prog;
    char *path; /* the file, as given */
    char *src;  /* the file's bytes: the checked tree points into them */
    size_t len;
    /* the --set overrides it was checked with (owned copies) */
    int nsets;
    char *set_names[GOPROG_MAX_SETS], *set_values[GOPROG_MAX_SETS];
    /* per function index (thread-start labels, gfunc.index): the name a
     * lecturer reads ("worker", "main.func1", "(*T).inc") and whether its
     * first parameter is an integer (shown as "worker(2)") */
    int nlabels;
    char **labels;
    unsigned char *label_int;
    /* the names of the channels the program makes: the variable, field or
     * key a make(chan ...) is assigned to, by the make's line */
    int nnames;
    struct {
        int32_t line, col; /* col: a shared variable's declaration (else 0) */
        int cls;           /* GOPROG_NAME_*: what made the object there */
        int ints;          /* a channel of integers: its items are their values */
        const char *name;  /* in the checked tree's arena */
    } names[256];
} goprog;

/* The name of the object of kind (PS_OBJ_*) made on source line line
 * ("jobs", "c.results", "wg", "c.mu", "ops"), or NULL; where is the object
 * event's value (a shared variable's declaration column, else unused). */
const char *goprog_object_name(const goprog *g, int kind, uint32_t line, int64_t where);

/* "worker(2)", "main.func1": goroutine label (1 + function index) with its
 * first argument; "" for 0 or an unknown label. */
void goprog_label(const goprog *g, uint32_t label, int64_t arg, char *buf, size_t len);
/* 1 if the channel made on source line line carries integers (its items'
 * values can be shown: the events carry them), else 0. */
int goprog_chan_ints(const goprog *g, uint32_t line);
/* The line where the channel the program's "// poolscope: diagram
 * worker-pool NAME" directive names is made (the lecture's worker-pool
 * diagram shows it as the job queue), or 0: no such directive or channel. */
uint32_t goprog_job_line(const goprog *g);
/* The label of the runtime's own timer goroutines (time.After, Ticker,
 * AfterFunc): Go has no goroutine there, so the lane says what it is. */
#define GOPROG_LABEL_TIMER UINT32_MAX

/* Reads and checks path with the --set overrides (names[i] = values[i]).
 * NULL with the message in err ("FILE:LINE:COL: ...", or the file's error). */
goprog *goprog_load(const char *path, int nsets, const char *const names[],
                    const char *const values[], char *err, size_t len);
/* The same for a source already in memory: src (malloc'd, len bytes and a
 * NUL) is the program's from here, even on failure; path names it in
 * messages (a recording's program: the file it was recorded from). */
goprog *goprog_load_text(const char *path, char *src, size_t len, int nsets,
                         const char *const names[], const char *const values[], char *err,
                         size_t elen);
void goprog_free(goprog *g);

/* A fresh machine for one run of g (eval_prepare): its output through
 * write(ctx, fd, bytes, n), its select and math/rand choices from seed.
 * 0, or -1 when out of memory.  vm_free after the run. */
int goprog_vm(goprog *g, gvm *vm, uint64_t seed, void (*write)(void *, int, const char *, size_t),
              void *ctx);

#endif
