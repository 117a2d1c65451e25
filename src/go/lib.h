/* lib.h - the Go packages poolscope provides, as tables the checker reads.
 *
 * Each package is a table of members whose types are written in Go syntax
 * and parsed by the checker in the package's own scope, so a signature is
 * stated once, in the language it describes.  Functions and methods are
 * native C (gnative_fn); a type is a Go type expression (a library type
 * such as sync.Mutex is a struct of hidden words the natives own).
 */
#ifndef PS_GO_LIB_H
#define PS_GO_LIB_H

#include "check.h"

typedef enum golib_kind {
    LM_TYPE,   /* name, type = underlying type's source */
    LM_FUNC,   /* name, type = "func(...) ...", fn */
    LM_METHOD, /* name = "T.M" or "*T.M", type = "func(...) ...", fn */
    LM_CONST,  /* name, type = type source ("" for untyped), value = constant source */
    LM_VAR,    /* name, type, fn = its initializer (res = the value) */
} golib_kind;

typedef struct golib_member {
    golib_kind kind;
    const char *name;
    const char *type;
    gnative_fn fn;
    const char *value;
} golib_member;

typedef struct golib_pkg {
    const char *path; /* "sync/atomic" */
    const char *name; /* "atomic" */
    const golib_member *members;
    int n;
} golib_pkg;

/* The package for an import path, or NULL if poolscope does not have it. */
const golib_pkg *lib_find(const char *path);

#endif
