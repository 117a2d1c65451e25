/* lex.h - Go's tokens, with the spec's automatic semicolons.
 *
 * The lexer turns one source buffer into tokens on demand.  Each token
 * carries its byte offset, line and column (1-based; columns count bytes,
 * as go vet's do), so every later phase can name FILE:LINE:COL.  A semicolon
 * is inserted after a line's final token when that token is an identifier,
 * a literal, one of the keywords break continue fallthrough return, or one
 * of ++ -- ) ] } (the Go specification, "Semicolons").
 */
#ifndef PS_GO_LEX_H
#define PS_GO_LEX_H

#include <stddef.h>
#include <stdint.h>

#define GO_TOKENS(X)                                                                               \
    X(T_EOF, "EOF")                                                                                \
    X(T_ILLEGAL, "ILLEGAL")                                                                        \
    X(T_IDENT, "identifier")                                                                       \
    X(T_INT, "integer literal")                                                                    \
    X(T_FLOAT, "float literal")                                                                    \
    X(T_IMAG, "imaginary literal")                                                                 \
    X(T_CHAR, "rune literal")                                                                      \
    X(T_STRING, "string literal")                                                                  \
    X(T_ADD, "+")                                                                                  \
    X(T_SUB, "-")                                                                                  \
    X(T_MUL, "*")                                                                                  \
    X(T_QUO, "/")                                                                                  \
    X(T_REM, "%")                                                                                  \
    X(T_AND, "&")                                                                                  \
    X(T_OR, "|")                                                                                   \
    X(T_XOR, "^")                                                                                  \
    X(T_SHL, "<<")                                                                                 \
    X(T_SHR, ">>")                                                                                 \
    X(T_AND_NOT, "&^")                                                                             \
    X(T_ADD_ASSIGN, "+=")                                                                          \
    X(T_SUB_ASSIGN, "-=")                                                                          \
    X(T_MUL_ASSIGN, "*=")                                                                          \
    X(T_QUO_ASSIGN, "/=")                                                                          \
    X(T_REM_ASSIGN, "%=")                                                                          \
    X(T_AND_ASSIGN, "&=")                                                                          \
    X(T_OR_ASSIGN, "|=")                                                                           \
    X(T_XOR_ASSIGN, "^=")                                                                          \
    X(T_SHL_ASSIGN, "<<=")                                                                         \
    X(T_SHR_ASSIGN, ">>=")                                                                         \
    X(T_AND_NOT_ASSIGN, "&^=")                                                                     \
    X(T_LAND, "&&")                                                                                \
    X(T_LOR, "||")                                                                                 \
    X(T_ARROW, "<-")                                                                               \
    X(T_INC, "++")                                                                                 \
    X(T_DEC, "--")                                                                                 \
    X(T_EQL, "==")                                                                                 \
    X(T_LSS, "<")                                                                                  \
    X(T_GTR, ">")                                                                                  \
    X(T_ASSIGN, "=")                                                                               \
    X(T_NOT, "!")                                                                                  \
    X(T_NEQ, "!=")                                                                                 \
    X(T_LEQ, "<=")                                                                                 \
    X(T_GEQ, ">=")                                                                                 \
    X(T_DEFINE, ":=")                                                                              \
    X(T_ELLIPSIS, "...")                                                                           \
    X(T_LPAREN, "(")                                                                               \
    X(T_LBRACK, "[")                                                                               \
    X(T_LBRACE, "{")                                                                               \
    X(T_COMMA, ",")                                                                                \
    X(T_PERIOD, ".")                                                                               \
    X(T_RPAREN, ")")                                                                               \
    X(T_RBRACK, "]")                                                                               \
    X(T_RBRACE, "}")                                                                               \
    X(T_SEMICOLON, ";")                                                                            \
    X(T_COLON, ":")                                                                                \
    X(T_TILDE, "~")                                                                                \
    X(T_BREAK, "break")                                                                            \
    X(T_CASE, "case")                                                                              \
    X(T_CHAN, "chan")                                                                              \
    X(T_CONST, "const")                                                                            \
    X(T_CONTINUE, "continue")                                                                      \
    X(T_DEFAULT, "default")                                                                        \
    X(T_DEFER, "defer")                                                                            \
    X(T_ELSE, "else")                                                                              \
    X(T_FALLTHROUGH, "fallthrough")                                                                \
    X(T_FOR, "for")                                                                                \
    X(T_FUNC, "func")                                                                              \
    X(T_GO, "go")                                                                                  \
    X(T_GOTO, "goto")                                                                              \
    X(T_IF, "if")                                                                                  \
    X(T_IMPORT, "import")                                                                          \
    X(T_INTERFACE, "interface")                                                                    \
    X(T_MAP, "map")                                                                                \
    X(T_PACKAGE, "package")                                                                        \
    X(T_RANGE, "range")                                                                            \
    X(T_RETURN, "return")                                                                          \
    X(T_SELECT, "select")                                                                          \
    X(T_STRUCT, "struct")                                                                          \
    X(T_SWITCH, "switch")                                                                          \
    X(T_TYPE, "type")                                                                              \
    X(T_VAR, "var")

typedef enum go_tok {
#define GO_TOK_ENUM(name, text) name,
    GO_TOKENS(GO_TOK_ENUM)
#undef GO_TOK_ENUM
        T_COUNT
} go_tok;

#define T_KEYWORD_FIRST T_BREAK
#define T_KEYWORD_LAST T_VAR

/* A position: line and column are 1-based, the column counts bytes. */
typedef struct go_pos {
    int32_t line, col;
} go_pos;

typedef struct go_token {
    go_tok tok;
    go_pos pos;
    const char *text; /* into the source: the token's bytes */
    int32_t len;
    /* T_SEMICOLON: 1 if inserted at a newline or EOF (its text is "\n") */
    int auto_semi;
} go_token;

typedef struct go_lexer {
    const char *src, *end, *p;
    int32_t line;
    const char *line_start;
    go_tok last; /* the previous token, for semicolon insertion */
    /* the first error, if any: a message and where */
    char err[160];
    go_pos err_pos;
} go_lexer;

void lex_init(go_lexer *lx, const char *src, size_t len);
/* The next token; T_ILLEGAL (and lx->err) on a bad character or literal. */
go_token lex_next(go_lexer *lx);
const char *lex_tok_name(go_tok t);

/* Literal decoding, shared with the parser and the constant folder.
 * lex_unquote writes the bytes a string or rune literal denotes into out
 * (at most len bytes; the literal's own length is always enough) and
 * returns how many, or -1 with *err set. */
long lex_unquote(const char *text, size_t len, char *out, const char **err);
/* UTF-8: encodes r into out (4 bytes room), returns the length (Go's rules:
 * invalid runes become U+FFFD). */
int lex_utf8_encode(uint32_t r, char *out);
/* Decodes one rune from s (n > 0 bytes); *size gets its length (1 for an
 * invalid byte, whose rune is U+FFFD), as Go's utf8.DecodeRuneInString. */
uint32_t lex_utf8_decode(const unsigned char *s, size_t n, int *size);

#endif
