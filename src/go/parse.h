/* parse.h - Go source to syntax tree (recursive descent, as go/parser).
 *
 * The whole file is lexed first into a token array, so the parser can look
 * ahead freely.  The first error stops parsing; its message has the shape
 * of the gc compiler's ("syntax error: unexpected X, expecting Y").  Limits:
 * the token count and the nesting depth are bounded, so a hostile file can
 * neither exhaust memory nor overflow the C stack.
 */
#ifndef PS_GO_PARSE_H
#define PS_GO_PARSE_H

#include <stddef.h>

#include "arena.h"
#include "ast.h"

#define PARSE_MAX_DEPTH 400 /* nested expressions, blocks and types */
#define PARSE_MAX_TOKENS 2000000

typedef struct go_diag {
    go_pos pos;
    char msg[256];
} go_diag;

/* Parses src; NULL with *d set on the first error.  Nodes live in a. */
gnode *parse_file(go_arena *a, const char *src, size_t len, go_diag *d);
/* A type or an expression written as a string (the library's signatures). */
gnode *parse_type_string(go_arena *a, const char *src, go_diag *d);
gnode *parse_expr_string(go_arena *a, const char *src, go_diag *d);

#endif
