/* ast.h - the syntax tree of one Go source file, and the checker's notes on it.
 *
 * One node type for every construct: a kind, a position and a few child
 * slots whose meaning each kind documents below.  The parser fills the
 * syntax; the checker (check.h) then writes each node's type, constant
 * value and resolution (which slot a variable lives in, which field offset
 * a selector reads, which opcode runs it), so the evaluator never looks a
 * name up at run time.
 */
#ifndef PS_GO_AST_H
#define PS_GO_AST_H

#include <stdint.h>

#include "lex.h"

#define GO_NODE_KINDS(X)                                                                           \
    /* expressions */                                                                              \
    X(N_BAD)        /* a syntax error's placeholder */                                             \
    X(N_IDENT)      /* text */                                                                     \
    X(N_BASICLIT)   /* op = T_INT/T_FLOAT/T_IMAG/T_CHAR/T_STRING, text */                          \
    X(N_COMPOSITE)  /* a = type (NULL: elided), list = elements */                                 \
    X(N_KEYVALUE)   /* a = key, b = value */                                                       \
    X(N_FUNCLIT)    /* a = N_FUNCTYPE, b = body */                                                 \
    X(N_PAREN)      /* a */                                                                        \
    X(N_SELECTOR)   /* a = x, text = selected name */                                              \
    X(N_INDEX)      /* a = x, b = index (list: more indices: generics) */                          \
    X(N_SLICE)      /* a = x, b = low, c = high, d = max; flags & NF_SLICE3 */                     \
    X(N_TYPEASSERT) /* a = x, b = type (NULL: .(type)) */                                          \
    X(N_CALL)       /* a = func, list = args; flags & NF_ELLIPSIS */                               \
    X(N_STAR)       /* a: *a (dereference or pointer type) */                                      \
    X(N_UNARY)      /* op, a */                                                                    \
    X(N_BINARY)     /* op, a, b */                                                                 \
    /* types */                                                                                    \
    X(N_ARRAYTYPE)     /* a = length (NULL: slice; N_ELLIPSIS node: [...]), b = elem */            \
    X(N_STRUCTTYPE)    /* list = N_FIELD */                                                        \
    X(N_FIELD)         /* list = names (N_IDENT, may be empty), a = type, text = tag */            \
    X(N_FUNCTYPE)      /* list = params (N_FIELD), list2 = results (N_FIELD) */                    \
    X(N_INTERFACETYPE) /* list = N_FIELD: a method (one name, a = N_FUNCTYPE) or embedded */       \
    X(N_MAPTYPE)       /* a = key, b = value */                                                    \
    X(N_CHANTYPE)      /* op = GO_CHAN_*, a = elem */                                              \
    X(N_ELLIPSIS)      /* a = elem (a variadic parameter's type), or [...] */                      \
    /* statements */                                                                               \
    X(N_DECLSTMT) /* a = N_GENDECL */                                                              \
    X(N_EMPTY)                                                                                     \
    X(N_LABELED)    /* text = label, a = statement */                                              \
    X(N_EXPRSTMT)   /* a */                                                                        \
    X(N_SEND)       /* a = channel, b = value */                                                   \
    X(N_INCDEC)     /* op = T_INC/T_DEC, a */                                                      \
    X(N_ASSIGN)     /* op = T_ASSIGN, T_DEFINE or T_ADD_ASSIGN..., list = lhs, list2 = rhs */      \
    X(N_GO)         /* a = call */                                                                 \
    X(N_DEFER)      /* a = call */                                                                 \
    X(N_RETURN)     /* list = results */                                                           \
    X(N_BRANCH)     /* op = T_BREAK/T_CONTINUE/T_GOTO/T_FALLTHROUGH, text = label or NULL */       \
    X(N_BLOCK)      /* list = statements */                                                        \
    X(N_IF)         /* a = init, b = cond, c = then (N_BLOCK), d = else (N_IF/N_BLOCK) */          \
    X(N_CASECLAUSE) /* list = expressions (none: default), list2 = body */                         \
    X(N_SWITCH)     /* a = init, b = tag (may be NULL), list = N_CASECLAUSE */                     \
    X(N_TYPESWITCH) /* a = init, b = N_ASSIGN (v := x.(type)) or N_EXPRSTMT, list = clauses */     \
    X(N_COMMCLAUSE) /* a = N_SEND / receive statement, NULL for default; list2 = body */           \
    X(N_SELECT)     /* list = N_COMMCLAUSE */                                                      \
    X(N_FOR)        /* a = init, b = cond, c = post, d = body */                                   \
    X(N_RANGE)      /* a = key, b = value, op = T_DEFINE/T_ASSIGN/0, c = x, d = body */            \
    /* declarations */                                                                             \
    X(N_IMPORT)    /* text = path (unquoted), a = local name (N_IDENT) or NULL */                  \
    X(N_VALUESPEC) /* list = names, a = type, list2 = values; x = iota */                          \
    X(N_TYPESPEC)  /* text = name, a = type; flags & NF_ALIAS; list = type params */               \
    X(N_GENDECL)   /* op = T_VAR/T_CONST/T_TYPE/T_IMPORT, list = specs */                          \
    X(N_FUNCDECL)  /* text = name, a = receiver N_FIELD or NULL, b = N_FUNCTYPE, c = body */       \
    X(N_FILE)      /* text = package name, list = decls */

typedef enum go_node_kind {
#define GO_NODE_ENUM(name) name,
    GO_NODE_KINDS(GO_NODE_ENUM)
#undef GO_NODE_ENUM
        N_KIND_COUNT
} go_node_kind;

enum {
    NF_SLICE3 = 1u << 0,    /* x[a:b:c] */
    NF_ELLIPSIS = 1u << 1,  /* f(xs...) */
    NF_ALIAS = 1u << 2,     /* type A = B */
    NF_EMBEDDED = 1u << 3,  /* a struct field without a name */
    NF_ADDRESSED = 1u << 4, /* checker: the variable's address is taken or it is captured */
    NF_GENERIC = 1u << 5,   /* parser: type parameters were written here */
};

enum { GO_CHAN_BOTH = 3, GO_CHAN_SEND = 1, GO_CHAN_RECV = 2 };

struct gtype;
struct gconst;
struct gsym;

typedef struct gnode gnode;
struct gnode {
    uint8_t kind;
    uint8_t flags;
    uint16_t op;
    go_pos pos;
    gnode *a, *b, *c, *d;
    gnode **list, **list2;
    int32_t nlist, nlist2;
    const char *text; /* NUL-terminated (identifiers, labels, paths, literal source) */
    int32_t len;
    /* ---- written by the checker ---- */
    struct gtype *type;
    struct gconst *cv; /* a constant expression's value */
    struct gsym *sym;  /* an identifier's object; a clause's implicit variable */
    int32_t x, y;      /* per-opcode numbers: slot, offset, index, count */
    uint16_t xop;      /* the evaluator's opcode (eval.h) */
    void *aux;         /* per-opcode data */
};

const char *ast_kind_name(int kind);

#endif
