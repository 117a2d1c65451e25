/* xop.h - the evaluator's opcodes, chosen by the checker for each node.
 *
 * A node's kind says what the source wrote; its xop says how to run it for
 * the operand types the checker found (an int add, a string compare, a
 * call of a known function, a field of a pointer...), so the evaluator does
 * one switch and no type test at run time.
 */
#ifndef PS_GO_XOP_H
#define PS_GO_XOP_H

#define GO_XOPS(X)                                                                                 \
    X(X_NONE)                                                                                      \
    X(X_CONST)                                                                                     \
    X(X_LOCAL)                                                                                     \
    X(X_LOCAL_BOXED)                                                                               \
    X(X_CAPTURED)                                                                                  \
    X(X_GLOBAL)                                                                                    \
    X(X_FUNCVAL)                                                                                   \
    X(X_NIL)                                                                                       \
    X(X_BLANK)                                                                                     \
    X(X_NEG_INT)                                                                                   \
    X(X_NEG_FLOAT)                                                                                 \
    X(X_NOT)                                                                                       \
    X(X_COMPL)                                                                                     \
    X(X_ADDR)                                                                                      \
    X(X_DEREF)                                                                                     \
    X(X_RECV)                                                                                      \
    X(X_PLUS)                                                                                      \
    X(X_ADD_INT)                                                                                   \
    X(X_SUB_INT)                                                                                   \
    X(X_MUL_INT)                                                                                   \
    X(X_DIV_INT)                                                                                   \
    X(X_REM_INT)                                                                                   \
    X(X_AND)                                                                                       \
    X(X_OR)                                                                                        \
    X(X_XOR)                                                                                       \
    X(X_ANDNOT)                                                                                    \
    X(X_SHL)                                                                                       \
    X(X_SHR)                                                                                       \
    X(X_ADD_FLOAT)                                                                                 \
    X(X_SUB_FLOAT)                                                                                 \
    X(X_MUL_FLOAT)                                                                                 \
    X(X_DIV_FLOAT)                                                                                 \
    X(X_ADD_STR)                                                                                   \
    X(X_EQ_WORD)                                                                                   \
    X(X_NE_WORD)                                                                                   \
    X(X_LT_INT)                                                                                    \
    X(X_LE_INT)                                                                                    \
    X(X_GT_INT)                                                                                    \
    X(X_GE_INT)                                                                                    \
    X(X_EQ_FLOAT)                                                                                  \
    X(X_NE_FLOAT)                                                                                  \
    X(X_LT_FLOAT)                                                                                  \
    X(X_LE_FLOAT)                                                                                  \
    X(X_GT_FLOAT)                                                                                  \
    X(X_GE_FLOAT)                                                                                  \
    X(X_EQ_STR)                                                                                    \
    X(X_NE_STR)                                                                                    \
    X(X_LT_STR)                                                                                    \
    X(X_LE_STR)                                                                                    \
    X(X_GT_STR)                                                                                    \
    X(X_GE_STR)                                                                                    \
    X(X_EQ_ANY)                                                                                    \
    X(X_NE_ANY)                                                                                    \
    X(X_EQ_NILCMP)                                                                                 \
    X(X_NE_NILCMP)                                                                                 \
    X(X_LAND)                                                                                      \
    X(X_LOR)                                                                                       \
    X(X_FIELD)                                                                                     \
    X(X_PKGVAL)                                                                                    \
    X(X_METHODVAL)                                                                                 \
    X(X_IFACE_METHODVAL)                                                                           \
    X(X_METHODEXPR)                                                                                \
    X(X_INDEX_SLICE)                                                                               \
    X(X_INDEX_ARRAY)                                                                               \
    X(X_INDEX_PTRARRAY)                                                                            \
    X(X_INDEX_STRING)                                                                              \
    X(X_INDEX_MAP)                                                                                 \
    X(X_SLICE_SLICE)                                                                               \
    X(X_SLICE_ARRAY)                                                                               \
    X(X_SLICE_STRING)                                                                              \
    X(X_TYPEASSERT)                                                                                \
    X(X_COMPOSITE)                                                                                 \
    X(X_FUNCLIT)                                                                                   \
    X(X_CALL)                                                                                      \
    X(X_CALL_VALUE)                                                                                \
    X(X_CALL_METHOD)                                                                               \
    X(X_CALL_IFACE)                                                                                \
    X(X_CALL_BUILTIN)                                                                              \
    X(X_CONVERT)                                                                                   \
    X(X_PAREN)

typedef enum go_xop {
#define GO_XOP_ENUM(name) name,
    GO_XOPS(GO_XOP_ENUM)
#undef GO_XOP_ENUM
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
