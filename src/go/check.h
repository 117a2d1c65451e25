/* check.h - the Go checker: names resolved, types computed, constants folded.
 *
 * The checker walks the syntax tree once per declaration (package-level
 * declarations are checked on first use, as go/types does, which also gives
 * the package variables Go's initialization order), and writes on every node
 * what the evaluator needs: its type, its constant value, the symbol an
 * identifier names, and an opcode (eval.h) chosen for the operand types.
 * Errors are reported as go vet would: FILE:LINE:COL: message.  What the
 * evaluator does not provide is refused by name ("poolscope does not support
 * X"), never accepted and run wrong.
 */
#ifndef PS_GO_CHECK_H
#define PS_GO_CHECK_H

#include <stdint.h>

#include "arena.h"
#include "ast.h"
#include "parse.h"
#include "types.h"
#include "value.h"

/* Untyped integer constants need more than 64 bits (1 << 100 >> 98 is 4):
 * 128 bits, a GCC/Clang extension; beyond that the checker refuses with
 * the limit named. */
__extension__ typedef __int128 gi128;
__extension__ typedef unsigned __int128 gu128;

/* A constant's value (untyped or typed). */
typedef enum gckind { CK_BOOL, CK_INT, CK_FLOAT, CK_STRING } gckind;
typedef struct gconst {
    gckind kind;
    gi128 i;
    long double f; /* untyped float constants: 1e1000 / 1e998 is exact enough */
    const gstr *s;
    int b;
    uint64_t word; /* the value as its (final) type's word, set when typed */
} gconst;

/* A selector's field path (n->aux of X_FIELD): embedded fields walked,
 * then the field.  At step i, if deref, the current value is a pointer
 * (loaded first, nil-checked), then off words are added. */
typedef struct gpath {
    int n;
    struct {
        int32_t off;
        int deref;
    } s[9];
} gpath;

typedef enum gsymkind {
    SY_VAR,
    SY_CONST,
    SY_TYPE,
    SY_FUNC,
    SY_PKG,
    SY_BUILTIN,
    SY_NIL,
    SY_LABEL,
} gsymkind;

struct gfunc;
struct golib_pkg;

typedef struct gsym {
    gsymkind kind;
    const char *name;
    go_pos pos;
    gtype *type;
    gconst *cv;
    /* variables */
    int global;    /* a package variable: slot in the globals */
    int32_t slot;  /* word index in its frame (or the globals) */
    int boxed;     /* lives in a heap box (captured or address taken, or big) */
    int addressed; /* &x (or a pointer method's receiver) somewhere */
    /* captured by a function literal that a go statement starts; shared:
     * that, an integer, and never addressed: its loads and stores are
     * watched one by one (a race's lost updates show), check_program */
    int go_captured, shared;
    struct gfunc *owner; /* the function whose frame holds it */
    int used;
    int is_param;
    /* functions, builtins, packages */
    struct gfunc *fn;
    int builtin;
    const struct golib_pkg *pkg;
    /* package-level declarations checked on first use */
    gnode *decl, *spec;
    int state; /* 0 unchecked, 1 in progress, 2 done */
    int index; /* for a value spec: which name */
    /* package variables and functions this one's initializer or body names
     * (Go's initialization order follows them through function bodies) */
    struct gsym **deps;
    int ndeps, capdeps;
} gsym;

/* Native code of a library function: args and results as laid out by the
 * signature (the receiver first for methods; a variadic tail as one slice). */
struct gor;
typedef void (*gnative_fn)(struct gor *g, gcell *args, gcell *res);

/* A captured variable of a closure: where it comes from in the enclosing
 * function (a local slot holding a box, or the enclosing closure's env). */
typedef struct gcapture {
    gsym *sym;
    int from_env; /* 1: the enclosing function's env[index]; 0: its slot */
    int32_t index;
} gcapture;

typedef struct gfunc {
    const char *name; /* "main.worker", "main.(*T).inc", "main.main.func1" */
    gnode *decl;      /* N_FUNCDECL or N_FUNCLIT */
    gtype *sig;       /* with the receiver as the first parameter for methods */
    gnode *body;
    int32_t param_words, result_words, frame_words;
    int32_t *param_slots; /* per parameter (receiver first): its slot */
    int nparams;
    gsym **params; /* per parameter: its symbol (NULL for _ or unnamed) */
    gsym **results;
    int nresults;
    int named_results;
    int has_defer;
    int has_recover;
    gnative_fn native;
    /* closures */
    struct gfunc *outer;
    int ncaptures, capcaptures;
    gcapture *captures;
    int is_method;
    _Atomic(gclosure *) value; /* the function as a value (made on first use) */
    struct gfunc *next_all;    /* gprog.funcs */
    int index;                 /* 0, 1, ... in the order made (thread-start labels) */
    /* written by slots.c: no parameter or result is boxed and no defer, so a
     * call's frame needs no set-up and its body no unwinding frame */
    int plain;
} gfunc;

typedef struct gprog {
    const char *filename;
    const char *src;
    size_t srclen;
    go_arena arena;
    gtypes types;
    gnode *file;
    gfunc *main_fn;
    gfunc *funcs; /* every function, through next_all (newest first) */
    int nfuncs;
    gfunc **inits; /* init() functions, in order */
    int ninits;
    gnode **var_inits; /* package var specs, in initialization order */
    int nvar_inits;
    int32_t global_words;
    /* the evaluator's natives for library members (NULL: check only) */
    gnative_fn (*native_of)(const char *pkg_path, const char *member);
    gsym **lib_vars; /* the library's package variables (os.Stdout): initialized first */
    int nlib_vars, caplib_vars;
    int uses_errgroup;
    int has_go; /* a go statement somewhere: its package-level integers are watched */
    /* the variables go statements' function literals capture (go_captured) */
    struct gsym **go_vars;
    int ngo_vars, capgo_vars;
    /* --set NAME=VALUE overrides of package constants */
    int nsets;
    struct {
        const char *name, *value;
        int used;
        /* where the constant's value is written (the code panel shows the
         * value set there); line 0 when it cannot be shown alone (a, b = 1, 2) */
        int32_t line, col;
    } sets[16];
} gprog;

#define CHECK_MAX_SOURCE (4u << 20)  /* 4 MiB of Go source */
#define CHECK_MAX_ARENA (256u << 20) /* syntax tree and types */

/* Loads (reads, parses and checks) the program.  0, or -1 with d set (and
 * d->pos the place). */
int check_program(gprog *p, const char *filename, const char *src, size_t len, go_diag *d);
void check_free(gprog *p);

/* Package-level constant overrides: call before check_program. */
int check_add_set(gprog *p, const char *name, const char *value);

#endif
