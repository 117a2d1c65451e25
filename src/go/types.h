/* types.h - Go's types, and how a value of each lives in memory.
 *
 * Memory is made of 64-bit words (gcell), always read and written with
 * relaxed C11 atomics (value.h), so a Go program's data race is a race on
 * atomic words: real (lost updates happen) but never undefined behaviour in
 * C.  Every word is valid on its own, so a torn read of a multi-word value
 * never makes the evaluator touch memory it should not:
 *
 *   bool, integers     one word, the value (wrapped to the type's width,
 *                      sign-extended for signed types)
 *   float32/float64    one word, the double's bits (float32 rounded)
 *   string             one word: a gstr * (immutable), NULL for ""
 *   pointer            one word: the gcell * it points at, NULL for nil
 *   slice              one word: a gslice * (an immutable header), NULL for nil
 *   map, chan, func    one word: the object, NULL for nil
 *   interface          one word: a giface * (an immutable box: dynamic type and
 *                      a copy of the value), NULL for nil
 *   array [N]T         N * size(T) words, inline
 *   struct             its fields' words, inline, in order
 *
 * The zero value of every type is all words 0.
 *
 * Types are interned: two unnamed types are identical iff their gtype
 * pointers are equal; a defined (named) type is its own gtype.
 */
#ifndef PS_GO_TYPES_H
#define PS_GO_TYPES_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef enum gkind {
    GK_INVALID = 0,
    GK_BOOL,
    GK_INT,
    GK_INT8,
    GK_INT16,
    GK_INT32,
    GK_INT64,
    GK_UINT,
    GK_UINT8,
    GK_UINT16,
    GK_UINT32,
    GK_UINT64,
    GK_UINTPTR,
    GK_FLOAT32,
    GK_FLOAT64,
    GK_COMPLEX64,
    GK_COMPLEX128,
    GK_STRING,
    GK_UNSAFE_POINTER,
    GK_ARRAY,
    GK_SLICE,
    GK_STRUCT,
    GK_POINTER,
    GK_FUNC,
    GK_INTERFACE,
    GK_MAP,
    GK_CHAN,
    /* the checker's own kinds */
    GK_UNTYPED_BOOL,
    GK_UNTYPED_INT,
    GK_UNTYPED_RUNE,
    GK_UNTYPED_FLOAT,
    GK_UNTYPED_STRING,
    GK_UNTYPED_NIL,
    GK_TUPLE, /* a call's several results */
    GK_KIND_COUNT
} gkind;

typedef struct gtype gtype;
struct gfunc;

typedef struct gfield {
    const char *name; /* for an embedded field: the type's name */
    gtype *type;
    int32_t offset; /* in words */
    int embedded;
    int exported;
    const char *tag;
} gfield;

/* A method of a defined type (declared in the program or by a library). */
typedef struct gmethod {
    const char *name;
    gtype *sig;       /* the method's type without the receiver (a GK_FUNC) */
    struct gfunc *fn; /* its code (the receiver is the first parameter) */
    int ptr_recv;     /* declared with a pointer receiver */
} gmethod;

/* An interface's method. */
typedef struct gimethod {
    const char *name;
    gtype *sig;
} gimethod;

struct gtype {
    gkind kind;
    int32_t size; /* in words */
    /* a defined type: its name as %T prints it ("main.Point", "time.Duration"),
     * and the name alone ("Point"); NULL for an unnamed type */
    const char *name;
    const char *short_name;
    const char *pkg;   /* the defining package's path ("main", "time"), or NULL */
    gtype *underlying; /* itself for unnamed types */
    gtype *elem;       /* array, slice, pointer, chan, map value */
    gtype *key;        /* map */
    int64_t len;       /* array */
    int dir;           /* chan: GO_CHAN_* */
    /* struct */
    int nfields;
    gfield *fields;
    /* func (and tuple: params are the elements) */
    int nparams, nresults;
    gtype **params, **results;
    int variadic;
    /* interface: methods sorted by name */
    int nimethods;
    gimethod *imethods;
    /* a defined type's declared methods (value and pointer receivers) */
    int nmethods, capmethods;
    gmethod *methods;
    gtype *ptr_to; /* the interned *T */
    gtype *slice_of;
    /* comparable with == (computed) */
    int comparable;
    /* a per-type id, for hashing and map keys */
    uint32_t id;
    /* the library's behaviour for its own types (sync.Mutex etc.): a GL_* */
    int lib;
};

/* The universe of one program: interned types and the predeclared ones. */
typedef struct gtypes {
    go_arena *a;
    gtype *basic[GK_KIND_COUNT]; /* bool, int, ..., the untyped kinds */
    gtype *byte_t, *rune_t;      /* aliases: the same gtype as uint8, int32 */
    gtype *error_t;              /* the predeclared interface error */
    gtype *any_t;                /* interface{} */
    gtype **all;                 /* every type, by id */
    int n, cap;
    int failed; /* out of memory */
} gtypes;

int types_init(gtypes *ts, go_arena *a);
void types_free(gtypes *ts);

gtype *types_new(gtypes *ts, gkind kind);
gtype *types_pointer(gtypes *ts, gtype *elem);
gtype *types_slice(gtypes *ts, gtype *elem);
gtype *types_array(gtypes *ts, gtype *elem, int64_t len);
gtype *types_map(gtypes *ts, gtype *key, gtype *val);
gtype *types_chan(gtypes *ts, gtype *elem, int dir);
gtype *types_func(gtypes *ts, gtype **params, int np, gtype **results, int nr, int variadic);
gtype *types_tuple(gtypes *ts, gtype **elems, int n);
/* fields are copied; offsets are computed here */
gtype *types_struct(gtypes *ts, const gfield *fields, int n);
/* methods are copied and sorted */
gtype *types_interface(gtypes *ts, const gimethod *m, int n);
/* A defined type: its underlying type is set later (types_set_underlying). */
gtype *types_named(gtypes *ts, const char *pkg, const char *name);
void types_set_underlying(gtype *named, gtype *u);
int types_add_method(gtypes *ts, gtype *named, const gmethod *m);

int types_identical(const gtype *x, const gtype *y);
int types_is_integer(const gtype *t);
int types_is_unsigned(const gtype *t);
int types_is_float(const gtype *t);
int types_is_numeric(const gtype *t);
int types_is_string(const gtype *t);
int types_is_untyped(const gtype *t);
int types_is_interface(const gtype *t);
/* bits of an integer kind (int and uint are 64) */
int types_int_bits(const gtype *t);
/* The size Go gives a value of t on amd64, in bytes (cap growth follows it). */
int64_t types_go_size(const gtype *t);

/* Go's spelling of a type, as %T and error messages print it. */
size_t types_format(const gtype *t, char *buf, size_t len);

/* Method lookup on a value of type t (a defined type or a pointer to one),
 * through embedded fields: the method, the field path to the receiver and
 * whether the receiver must be addressed.  0 if none. */
typedef struct gmethod_path {
    gmethod *m;   /* a defined type's method, or NULL when ... */
    gimethod *im; /* ... the method is an embedded interface's */
    gtype *recv;  /* the type that declares it */
    int depth;    /* embedded fields walked */
    int32_t offsets[8];
    int derefs[8]; /* 1: the embedded field at that step is a pointer */
    int ambiguous;
} gmethod_path;
int types_find_method(const gtype *t, const char *name, gmethod_path *out);
/* Does type t implement interface it?  On no, *missing names a method. */
int types_implements(const gtype *t, const gtype *it, const char **missing, int *ptr_only);

#endif
