/* xop.h - the evaluator's opcodes, chosen by the checker for each node.
 *
 * A node's kind says what the source wrote; its xop says how to run it for
 * the operand types the checker found (an int add, a string compare, a
 * call of a known function, a field of a pointer...), so the evaluator does
 * one switch and no type test at run time.
 */
#ifndef PS_GO_XOP_H
#define PS_GO_XOP_H

typedef enum go_xop {
    X_NONE,
    X_CONST,       /* the node's constant word (cv->word) */
    X_LOCAL,       /* sym: a slot in the frame */
    X_LOCAL_BOXED, /* sym: the slot holds a box pointer */
    X_CAPTURED,    /* x = env index: a box pointer */
    X_GLOBAL,      /* sym: the globals */
    X_FUNCVAL,     /* sym->fn as a function value */
    X_NIL,
    X_BLANK, /* _ on the left of an assignment */

    /* unary */
    X_NEG_INT,
    X_NEG_FLOAT,
    X_NOT,
    X_COMPL,
    X_ADDR,
    X_DEREF,
    X_RECV,
    X_PLUS,

    /* binary: integers (x = bits, y = 1 if unsigned) */
    X_ADD_INT,
    X_SUB_INT,
    X_MUL_INT,
    X_DIV_INT,
    X_REM_INT,
    X_AND,
    X_OR,
    X_XOR,
    X_ANDNOT,
    X_SHL,
    X_SHR,
    X_ADD_FLOAT,
    X_SUB_FLOAT,
    X_MUL_FLOAT,
    X_DIV_FLOAT,
    X_ADD_STR,
    X_EQ_WORD, /* bool, ints, pointers, chans */
    X_NE_WORD,
    X_LT_INT, /* y = unsigned */
    X_LE_INT,
    X_GT_INT,
    X_GE_INT,
    X_EQ_FLOAT,
    X_NE_FLOAT,
    X_LT_FLOAT,
    X_LE_FLOAT,
    X_GT_FLOAT,
    X_GE_FLOAT,
    X_EQ_STR,
    X_NE_STR,
    X_LT_STR,
    X_LE_STR,
    X_GT_STR,
    X_GE_STR,
    X_EQ_ANY, /* by gvalue_equal on the operands' type (aux) */
    X_NE_ANY,
    X_EQ_NILCMP, /* slice/map/func == nil (a = the value) */
    X_NE_NILCMP,
    X_LAND,
    X_LOR,

    /* selectors, indexing */
    X_FIELD,     /* x = offset of the field in a's value (a has aux = path) */
    X_PKGVAL,    /* a package member: sym */
    X_METHODVAL, /* x.M as a value: bound receiver */
    X_IFACE_METHODVAL,
    X_METHODEXPR, /* T.M as a function */
    X_INDEX_SLICE,
    X_INDEX_ARRAY,
    X_INDEX_PTRARRAY,
    X_INDEX_STRING,
    X_INDEX_MAP,
    X_SLICE_SLICE,
    X_SLICE_ARRAY,
    X_SLICE_STRING,
    X_TYPEASSERT, /* to a concrete type or an interface (aux = target) */
    X_COMPOSITE,
    X_FUNCLIT,

    /* calls */
    X_CALL,         /* a static function (aux = gfunc) */
    X_CALL_VALUE,   /* a function value */
    X_CALL_METHOD,  /* a static method, receiver from a (aux = gmethod_path) */
    X_CALL_IFACE,   /* an interface method (text = name) */
    X_CALL_BUILTIN, /* x = builtin id */
    X_CONVERT,      /* a conversion to n->type from a's type */
    X_PAREN,

    /* written by slots.c after the check, in place of X_LOCAL */
    X_SLOT,       /* x = the frame slot holding the value */
    X_SLOT_BOXED, /* x = the frame slot holding the box's address */
    /* a shared variable (gsym.shared): y = X_SLOT_BOXED or X_CAPTURED, x as
     * that one's; its loads and stores are watched (eval.c shared_load) */
    X_SHARED,
    X_COUNT
} go_xop;

/* Builtin functions */
typedef enum go_builtin {
    B_APPEND = 1,
    B_CAP,
    B_CLOSE,
    B_COPY,
    B_DELETE,
    B_LEN,
    B_MAKE,
    B_NEW,
    B_PANIC,
    B_PRINT,
    B_PRINTLN,
    B_RECOVER,
    B_COMPLEX,
    B_REAL,
    B_IMAG,
} go_builtin;

#endif
