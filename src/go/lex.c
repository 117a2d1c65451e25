#include "lex.h"

#include <stdio.h>
#include <string.h>

static const char *const tok_names[T_COUNT] = {
#define GO_TOK_NAME(name, text) [name] = text,
    GO_TOKENS(GO_TOK_NAME)
#undef GO_TOK_NAME
};

const char *lex_tok_name(go_tok t)
{
    return t < T_COUNT ? tok_names[t] : "?";
}

void lex_init(go_lexer *lx, const char *src, size_t len)
{
    memset(lx, 0, sizeof *lx);
    lx->src = lx->p = src;
    lx->end = src + len;
    lx->line = 1;
    lx->line_start = src;
    lx->last = T_SEMICOLON;
}

static go_pos lex_here(const go_lexer *lx, const char *at)
{
    return (go_pos){lx->line, (int32_t)(at - lx->line_start) + 1};
}

static void lex_error(go_lexer *lx, const char *at, const char *msg)
{
    if (lx->err[0])
        return;
    snprintf(lx->err, sizeof lx->err, "%s", msg);
    lx->err_pos = lex_here(lx, at);
}

/* Does a newline after token t end the statement? */
static int lex_semi_after(go_tok t)
{
    switch (t) {
    case T_IDENT:
    case T_INT:
    case T_FLOAT:
    case T_IMAG:
    case T_CHAR:
    case T_STRING:
    case T_BREAK:
    case T_CONTINUE:
    case T_FALLTHROUGH:
    case T_RETURN:
    case T_INC:
    case T_DEC:
    case T_RPAREN:
    case T_RBRACK:
    case T_RBRACE:
        return 1;
    default:
        return 0;
    }
}

static int is_letter(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
}

static int is_digit(int c)
{
    return c >= '0' && c <= '9';
}

static int is_hex(int c)
{
    return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static void lex_newline(go_lexer *lx, const char *nl)
{
    lx->line++;
    lx->line_start = nl + 1;
}

/* Skips blanks and comments up to a newline that ends a statement.  Returns
 * 1 at such a newline (not consumed), 0 at a token or the end. */
static int lex_skip(go_lexer *lx, int want_semi)
{
    while (lx->p < lx->end) {
        char c = *lx->p;
        if (c == ' ' || c == '\t' || c == '\r') {
            lx->p++;
        } else if (c == '\n') {
            if (want_semi)
                return 1;
            lex_newline(lx, lx->p);
            lx->p++;
        } else if (c == '/' && lx->p + 1 < lx->end && lx->p[1] == '/') {
            while (lx->p < lx->end && *lx->p != '\n')
                lx->p++;
        } else if (c == '/' && lx->p + 1 < lx->end && lx->p[1] == '*') {
            const char *start = lx->p;
            go_pos start_pos = lex_here(lx, start);
            int had_nl = 0;
            lx->p += 2;
            while (lx->p + 1 < lx->end && !(lx->p[0] == '*' && lx->p[1] == '/')) {
                if (*lx->p == '\n') {
                    had_nl = 1;
                    lex_newline(lx, lx->p);
                }
                lx->p++;
            }
            if (lx->p + 1 >= lx->end) {
                lex_error(lx, start, "comment not terminated");
                lx->err_pos = start_pos;
                lx->p = lx->end;
                return 0;
            }
            lx->p += 2;
            /* a general comment containing newlines acts like a newline */
            if (had_nl && want_semi)
                return 2;
        } else {
            return 0;
        }
    }
    return 0;
}

static go_token lex_make(go_lexer *lx, go_tok t, const char *start)
{
    go_token k = {
        .tok = t, .pos = lex_here(lx, start), .text = start, .len = (int32_t)(lx->p - start)};
    lx->last = t;
    return k;
}

static void lex_digits(go_lexer *lx, int base)
{
    for (; lx->p < lx->end; lx->p++) {
        int c = (unsigned char)*lx->p;
        if (c == '_')
            continue;
        if (base == 16 ? !is_hex(c) : !is_digit(c))
            break;
    }
}

static go_token lex_number(go_lexer *lx, const char *start)
{
    go_tok t = T_INT;
    if (*lx->p == '0' && lx->p + 1 < lx->end && strchr("xXbBoO", lx->p[1]) && lx->p[1]) {
        char b = lx->p[1] | 0x20;
        lx->p += 2;
        lex_digits(lx, b == 'x' ? 16 : 10);
        if (b == 'x' && lx->p < lx->end && (*lx->p == '.' || (*lx->p | 0x20) == 'p')) {
            t = T_FLOAT;
            if (*lx->p == '.') {
                lx->p++;
                lex_digits(lx, 16);
            }
            if (lx->p < lx->end && (*lx->p | 0x20) == 'p') {
                lx->p++;
                if (lx->p < lx->end && (*lx->p == '+' || *lx->p == '-'))
                    lx->p++;
                lex_digits(lx, 10);
            }
        }
    } else {
        lex_digits(lx, 10);
        if (lx->p < lx->end && *lx->p == '.') {
            t = T_FLOAT;
            lx->p++;
            lex_digits(lx, 10);
        }
        if (lx->p < lx->end && (*lx->p | 0x20) == 'e') {
            t = T_FLOAT;
            lx->p++;
            if (lx->p < lx->end && (*lx->p == '+' || *lx->p == '-'))
                lx->p++;
            if (lx->p >= lx->end || !is_digit((unsigned char)*lx->p))
                lex_error(lx, start, "exponent has no digits");
            lex_digits(lx, 10);
        }
    }
    if (lx->p < lx->end && *lx->p == 'i') {
        lx->p++;
        t = T_IMAG;
    }
    if (lx->p < lx->end && (is_letter((unsigned char)*lx->p) || is_digit((unsigned char)*lx->p))) {
        while (lx->p < lx->end &&
               (is_letter((unsigned char)*lx->p) || is_digit((unsigned char)*lx->p)))
            lx->p++;
        lex_error(lx, start, "invalid number literal");
        return lex_make(lx, T_ILLEGAL, start);
    }
    return lex_make(lx, t, start);
}

/* A quoted literal ending at quote q; escapes are checked by lex_unquote. */
static go_token lex_quoted(go_lexer *lx, const char *start, char q, go_tok t)
{
    go_pos start_pos = lex_here(lx, start); /* errors name where the literal began */
    lx->p++;
    while (lx->p < lx->end && *lx->p != q) {
        if (*lx->p == '\n' && q != '`') {
            lex_error(lx, start,
                      q == '"' ? "string literal not terminated" : "rune literal not terminated");
            return lex_make(lx, T_ILLEGAL, start);
        }
        if (*lx->p == '\n')
            lex_newline(lx, lx->p);
        if (*lx->p == '\\' && q != '`')
            lx->p++;
        lx->p++;
    }
    if (lx->p >= lx->end) {
        lex_error(lx, start,
                  q == '`'   ? "raw string literal not terminated"
                  : q == '"' ? "string literal not terminated"
                             : "rune literal not terminated");
        lx->err_pos = start_pos;
        lx->p = lx->end;
        return lex_make(lx, T_ILLEGAL, start);
    }
    lx->p++;
    go_token k = lex_make(lx, t, start);
    if (q == '`') {
        /* the token starts on an earlier line: its position is the start */
        int32_t lines = 0;
        const char *ls = NULL;
        for (const char *s = start; s < lx->p; s++)
            if (*s == '\n') {
                lines++;
                ls = s;
            }
        if (lines) {
            (void)ls;
            const char *line_start = start;
            while (line_start > lx->src && line_start[-1] != '\n')
                line_start--;
            k.pos = (go_pos){lx->line - lines, (int32_t)(start - line_start) + 1};
        }
    }
    return k;
}

struct op_entry {
    const char *text;
    go_tok tok;
};

/* Longest first, so the first match is the longest. */
static const struct op_entry ops[] = {
    {"&^=", T_AND_NOT_ASSIGN},
    {"<<=", T_SHL_ASSIGN},
    {">>=", T_SHR_ASSIGN},
    {"...", T_ELLIPSIS},
    {"&&", T_LAND},
    {"||", T_LOR},
    {"<-", T_ARROW},
    {"++", T_INC},
    {"--", T_DEC},
    {"==", T_EQL},
    {"!=", T_NEQ},
    {"<=", T_LEQ},
    {">=", T_GEQ},
    {":=", T_DEFINE},
    {"+=", T_ADD_ASSIGN},
    {"-=", T_SUB_ASSIGN},
    {"*=", T_MUL_ASSIGN},
    {"/=", T_QUO_ASSIGN},
    {"%=", T_REM_ASSIGN},
    {"&=", T_AND_ASSIGN},
    {"|=", T_OR_ASSIGN},
    {"^=", T_XOR_ASSIGN},
    {"<<", T_SHL},
    {">>", T_SHR},
    {"&^", T_AND_NOT},
    {"+", T_ADD},
    {"-", T_SUB},
    {"*", T_MUL},
    {"/", T_QUO},
    {"%", T_REM},
    {"&", T_AND},
    {"|", T_OR},
    {"^", T_XOR},
    {"<", T_LSS},
    {">", T_GTR},
    {"=", T_ASSIGN},
    {"!", T_NOT},
    {"(", T_LPAREN},
    {"[", T_LBRACK},
    {"{", T_LBRACE},
    {",", T_COMMA},
    {".", T_PERIOD},
    {")", T_RPAREN},
    {"]", T_RBRACK},
    {"}", T_RBRACE},
    {";", T_SEMICOLON},
    {":", T_COLON},
    {"~", T_TILDE},
};

static go_tok lex_keyword(const char *s, size_t n)
{
    for (int t = T_KEYWORD_FIRST; t <= T_KEYWORD_LAST; t++)
        if (strlen(tok_names[t]) == n && memcmp(tok_names[t], s, n) == 0)
            return (go_tok)t;
    return T_IDENT;
}

go_token lex_next(go_lexer *lx)
{
    int want = lex_semi_after(lx->last);
    int nl = lex_skip(lx, want);
    if (nl || (lx->p >= lx->end && want)) {
        go_token k = {
            .tok = T_SEMICOLON, .pos = lex_here(lx, lx->p), .text = "\n", .len = 1, .auto_semi = 1};
        lx->last = T_SEMICOLON;
        if (nl == 1) {
            lex_newline(lx, lx->p);
            lx->p++;
        }
        return k;
    }
    const char *start = lx->p;
    if (lx->p >= lx->end) {
        go_token k = {.tok = T_EOF, .pos = lex_here(lx, lx->p), .text = lx->p, .len = 0};
        return k;
    }
    int c = (unsigned char)*lx->p;
    if (is_letter(c)) {
        while (lx->p < lx->end &&
               (is_letter((unsigned char)*lx->p) || is_digit((unsigned char)*lx->p)))
            lx->p++;
        return lex_make(lx, lex_keyword(start, (size_t)(lx->p - start)), start);
    }
    if (is_digit(c) || (c == '.' && lx->p + 1 < lx->end && is_digit((unsigned char)lx->p[1])))
        return lex_number(lx, start);
    if (c == '"')
        return lex_quoted(lx, start, '"', T_STRING);
    if (c == '`')
        return lex_quoted(lx, start, '`', T_STRING);
    if (c == '\'')
        return lex_quoted(lx, start, '\'', T_CHAR);
    for (size_t i = 0; i < sizeof ops / sizeof ops[0]; i++) {
        size_t n = strlen(ops[i].text);
        if ((size_t)(lx->end - lx->p) >= n && memcmp(lx->p, ops[i].text, n) == 0) {
            lx->p += n;
            return lex_make(lx, ops[i].tok, start);
        }
    }
    char msg[64];
    if (c >= 0x20 && c < 0x7f)
        snprintf(msg, sizeof msg, "invalid character %c", c);
    else
        snprintf(msg, sizeof msg, "invalid character %#x", c);
    lex_error(lx, start, msg);
    lx->p++;
    return lex_make(lx, T_ILLEGAL, start);
}

int lex_utf8_encode(uint32_t r, char *out)
{
    if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        r = 0xFFFD;
    if (r < 0x80) {
        out[0] = (char)r;
        return 1;
    }
    if (r < 0x800) {
        out[0] = (char)(0xC0 | (r >> 6));
        out[1] = (char)(0x80 | (r & 0x3F));
        return 2;
    }
    if (r < 0x10000) {
        out[0] = (char)(0xE0 | (r >> 12));
        out[1] = (char)(0x80 | ((r >> 6) & 0x3F));
        out[2] = (char)(0x80 | (r & 0x3F));
        return 3;
    }
    out[0] = (char)(0xF0 | (r >> 18));
    out[1] = (char)(0x80 | ((r >> 12) & 0x3F));
    out[2] = (char)(0x80 | ((r >> 6) & 0x3F));
    out[3] = (char)(0x80 | (r & 0x3F));
    return 4;
}

uint32_t lex_utf8_decode(const unsigned char *s, size_t n, int *size)
{
    *size = 1;
    if (s[0] < 0x80)
        return s[0];
    int need;
    uint32_t r, min;
    if ((s[0] & 0xE0) == 0xC0) {
        need = 2;
        r = s[0] & 0x1F;
        min = 0x80;
    } else if ((s[0] & 0xF0) == 0xE0) {
        need = 3;
        r = s[0] & 0x0F;
        min = 0x800;
    } else if ((s[0] & 0xF8) == 0xF0) {
        need = 4;
        r = s[0] & 0x07;
        min = 0x10000;
    } else {
        return 0xFFFD;
    }
    if ((size_t)need > n)
        return 0xFFFD;
    for (int i = 1; i < need; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0xFFFD;
        r = r << 6 | (s[i] & 0x3F);
    }
    if (r < min || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF))
        return 0xFFFD;
    *size = need;
    return r;
}

static int hexval(int c)
{
    return is_digit(c) ? c - '0' : (c | 0x20) - 'a' + 10;
}

/* One escape after the backslash at s (s < e); writes its bytes to out. */
static int lex_escape(const char **sp, const char *e, char quote, char *out, const char **err)
{
    const char *s = *sp;
    int c = (unsigned char)*s++;
    int n = 0;
    uint32_t v = 0;
    switch (c) {
    case 'a':
        out[0] = 7;
        break;
    case 'b':
        out[0] = 8;
        break;
    case 'f':
        out[0] = 12;
        break;
    case 'n':
        out[0] = 10;
        break;
    case 'r':
        out[0] = 13;
        break;
    case 't':
        out[0] = 9;
        break;
    case 'v':
        out[0] = 11;
        break;
    case '\\':
        out[0] = '\\';
        break;
    case '\'':
    case '"':
        if (c != quote) {
            *err = "unknown escape sequence";
            return -1;
        }
        out[0] = (char)c;
        break;
    case 'x':
        n = 2;
        break;
    case 'u':
        n = 4;
        break;
    case 'U':
        n = 8;
        break;
    default:
        if (c >= '0' && c <= '7') {
            v = (uint32_t)(c - '0');
            for (int i = 0; i < 2; i++) {
                if (s >= e || *s < '0' || *s > '7') {
                    *err = "invalid octal escape";
                    return -1;
                }
                v = v * 8 + (uint32_t)(*s++ - '0');
            }
            if (v > 255) {
                *err = "octal escape value > 255";
                return -1;
            }
            out[0] = (char)v;
            *sp = s;
            return 1;
        }
        *err = "unknown escape sequence";
        return -1;
    }
    if (!n) {
        *sp = s;
        return 1;
    }
    for (int i = 0; i < n; i++) {
        if (s >= e || !is_hex((unsigned char)*s)) {
            *err = "invalid escape sequence: not enough hex digits";
            return -1;
        }
        v = v * 16 + (uint32_t)hexval((unsigned char)*s++);
    }
    *sp = s;
    if (c == 'x') {
        out[0] = (char)v;
        return 1;
    }
    if (v > 0x10FFFF || (v >= 0xD800 && v < 0xE000)) {
        *err = "escape sequence is invalid Unicode code point";
        return -1;
    }
    return lex_utf8_encode(v, out);
}

long lex_unquote(const char *text, size_t len, char *out, const char **err)
{
    if (len < 2) {
        *err = "bad literal";
        return -1;
    }
    char q = text[0];
    const char *s = text + 1, *e = text + len - 1;
    long n = 0;
    if (q == '`') {
        for (; s < e; s++)
            if (*s != '\r') /* carriage returns are discarded from raw strings */
                out[n++] = *s;
        return n;
    }
    while (s < e) {
        if (*s == '\\') {
            s++;
            int k = lex_escape(&s, e, q, out + n, err);
            if (k < 0)
                return -1;
            n += k;
        } else {
            out[n++] = *s++;
        }
    }
    return n;
}
