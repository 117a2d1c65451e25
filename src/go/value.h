/* value.h - the run-time objects of a Go program, and the word access rule.
 *
 * Every word of Go memory is a gcell, read with acquire and written with
 * release.  Why not relaxed: a word may be a pointer that publishes an
 * immutable object (a string header, a slice header, an interface box)
 * built by another goroutine; acquire/release makes its contents visible
 * to whoever loads the pointer, even when the Go program races.  On x86-64
 * both compile to plain moves, as relaxed ones do.  A Go data race (two
 * goroutines doing ops++) is still a real race: the load and the store are
 * separate operations and updates are lost, but no C object is ever
 * accessed non-atomically by two threads, so ThreadSanitizer stays quiet.
 */
#ifndef PS_GO_VALUE_H
#define PS_GO_VALUE_H

#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "types.h"

typedef _Atomic uint64_t gcell;

static inline uint64_t cell_get(const gcell *c)
{
    /* acquire: see the header comment (publication of immutable objects). */
    return atomic_load_explicit((gcell *)c, memory_order_acquire);
}

static inline void cell_set(gcell *c, uint64_t v)
{
    /* release: pairs with cell_get's acquire. */
    atomic_store_explicit(c, v, memory_order_release);
}

static inline void cells_copy(gcell *dst, const gcell *src, int32_t n)
{
    for (int32_t i = 0; i < n; i++)
        cell_set(&dst[i], cell_get(&src[i]));
}

static inline void cells_zero(gcell *dst, int32_t n)
{
    for (int32_t i = 0; i < n; i++)
        cell_set(&dst[i], 0);
}

static inline double cell_f64(uint64_t w)
{
    union {
        uint64_t u;
        double d;
    } x = {.u = w};
    return x.d;
}

static inline uint64_t f64_cell(double d)
{
    union {
        uint64_t u;
        double d;
    } x = {.d = d};
    return x.u;
}

/* A string: immutable once published.  NULL is "". */
typedef struct gstr {
    int64_t len;
    const char *p; /* len bytes; may point into another string's bytes */
} gstr;

/* A slice header: immutable once published (append makes a new one).
 * NULL is the nil slice. */
typedef struct gslice {
    gcell *base; /* element 0 of this slice */
    int64_t len, cap;
} gslice;

/* An interface value: the dynamic type and a copy of the value (t->size
 * words).  Immutable once published.  NULL is the nil interface. */
typedef struct giface {
    const gtype *t;
    gcell v[];
} giface;

struct gfunc;
struct gor;

/* A function value: the code and its environment (captured variables'
 * boxes, or a method value's bound receiver).  NULL is the nil func. */
typedef struct gclosure {
    struct gfunc *fn;
    int32_t bound; /* a method value: env holds the receiver's words */
    int32_t nenv;
    gcell env[];
} gclosure;

/* ---- what the evaluator provides to the library (eval.c) ---- */

/* Allocates n zeroed words (or bytes) on the goroutine's heap.  Never NULL:
 * past the program's memory limit it ends the program with a message. */
gcell *gor_alloc(struct gor *g, int64_t nwords);
void *gor_alloc_bytes(struct gor *g, int64_t nbytes);

/* A new string (its bytes copied). */
gstr *gor_str(struct gor *g, const char *p, int64_t len);
static inline int64_t gstr_len(const gstr *s)
{
    return s ? s->len : 0;
}
static inline const char *gstr_ptr(const gstr *s)
{
    return s ? s->p : "";
}
/* A string word's bytes and length. */
static inline const gstr *word_str(uint64_t w)
{
    return (const gstr *)(uintptr_t)w;
}

/* A new interface box for a value of type t held in words v. */
giface *gor_box(struct gor *g, const gtype *t, const gcell *v);
/* A box for a one-word value. */
giface *gor_box1(struct gor *g, const gtype *t, uint64_t w);

/* Calls method name of the value (t, v) with no arguments and one string
 * result (String, Error).  1 and *out on success, 0 if t has no such method.
 * A panic inside propagates as Go's does. */
int gor_call_string_method(struct gor *g, const gtype *t, const gcell *v, const char *name,
                           const gstr **out);
/* The same, a panic in the method caught (fmt's catchPanic): 0 no such
 * method, 1 *out its result, 2 it panicked (*panicked its value). */
int gor_call_string_method_catching(struct gor *g, const gtype *t, const gcell *v, const char *name,
                                    const gstr **out, giface **panicked);

/* Raises a Go run-time panic ("runtime error: " + msg), or a plain panic
 * with a string value.  Do not return. */
_Noreturn void gor_panic_runtime(struct gor *g, const char *fmt, ...);
_Noreturn void gor_panic_string(struct gor *g, const char *msg);
/* A run-time panic without the "runtime error: " prefix (runtime.plainError). */
_Noreturn void gor_panic_plain(struct gor *g, const char *msg);
/* A panic whose value is the interface box v (panic(v)). */
_Noreturn void gor_panic_value(struct gor *g, giface *v);
/* Go's fatal errors (not recoverable): "fatal error: " + msg, exit 2. */
_Noreturn void gor_fatal(struct gor *g, const char *msg);

/* Writes to the program's standard output (fd 1) or error (fd 2). */
void gor_write(struct gor *g, int fd, const char *p, size_t n);

#endif
