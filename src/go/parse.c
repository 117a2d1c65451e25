#include "parse.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct parser {
    go_arena *a;
    go_token *toks;
    size_t n, i;
    int depth;
    int expr_lev; /* < 0: in a control clause, where T{ does not start a literal */
    go_diag *d;
    jmp_buf fail;
} parser;

/* ---- helpers ---- */

static _Noreturn void p_fail_at(parser *p, go_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    p->d->pos = pos;
    vsnprintf(p->d->msg, sizeof p->d->msg, fmt, ap);
    va_end(ap);
    longjmp(p->fail, 1);
}

static go_token *p_tok(parser *p)
{
    return &p->toks[p->i];
}

static go_tok p_peek(parser *p, size_t k)
{
    size_t j = p->i + k;
    return j < p->n ? p->toks[j].tok : T_EOF;
}

static int p_is(parser *p, go_tok t)
{
    return p_tok(p)->tok == t;
}

static void p_advance(parser *p)
{
    if (p->i + 1 < p->n)
        p->i++;
}

/* "newline", "name x", "literal 5", "keyword for", ")" as gc says them. */
static void p_describe(const go_token *t, char *buf, size_t n)
{
    if (t->tok == T_SEMICOLON && t->auto_semi)
        snprintf(buf, n, t->pos.col && t->text[0] == '\n' ? "newline" : "EOF");
    else if (t->tok == T_EOF)
        snprintf(buf, n, "EOF");
    else if (t->tok == T_IDENT)
        snprintf(buf, n, "name %.*s", (int)(t->len > 40 ? 40 : t->len), t->text);
    else if (t->tok >= T_INT && t->tok <= T_STRING)
        snprintf(buf, n, "literal %.*s", (int)(t->len > 40 ? 40 : t->len), t->text);
    else if (t->tok >= T_KEYWORD_FIRST && t->tok <= T_KEYWORD_LAST)
        snprintf(buf, n, "keyword %s", lex_tok_name(t->tok));
    else
        snprintf(buf, n, "%s", lex_tok_name(t->tok));
}

static _Noreturn void p_unexpected(parser *p, const char *expecting)
{
    char what[64];
    p_describe(p_tok(p), what, sizeof what);
    if (expecting)
        p_fail_at(p, p_tok(p)->pos, "syntax error: unexpected %s, expecting %s", what, expecting);
    p_fail_at(p, p_tok(p)->pos, "syntax error: unexpected %s", what);
}

static go_token *p_expect(parser *p, go_tok t)
{
    go_token *k = p_tok(p);
    if (k->tok != t)
        p_unexpected(p, lex_tok_name(t));
    p_advance(p);
    return k;
}

static gnode *p_node(parser *p, int kind, go_pos pos)
{
    gnode *n = arena_alloc(p->a, sizeof *n);
    if (!n)
        p_fail_at(p, pos,
                  "poolscope: the program is too large (syntax tree over its memory limit)");
    n->kind = (uint8_t)kind;
    n->pos = pos;
    return n;
}

static void p_enter(parser *p)
{
    if (++p->depth > PARSE_MAX_DEPTH)
        p_fail_at(p, p_tok(p)->pos, "poolscope: nesting deeper than %d levels (limit)",
                  PARSE_MAX_DEPTH);
}

static void p_leave(parser *p)
{
    p->depth--;
}

/* A growable list of nodes, copied into the arena when done. */
typedef struct nlist {
    gnode **v;
    int n, cap;
    gnode *small[8];
} nlist;

static void nl_init(nlist *l)
{
    l->v = l->small;
    l->n = 0;
    l->cap = 8;
}

static void nl_push(parser *p, nlist *l, gnode *x)
{
    if (l->n == l->cap) {
        int cap = l->cap * 2;
        gnode **v = arena_alloc(p->a, (size_t)cap * sizeof *v);
        if (!v)
            p_fail_at(p, x->pos, "poolscope: the program is too large");
        memcpy(v, l->v, (size_t)l->n * sizeof *v);
        l->v = v;
        l->cap = cap;
    }
    l->v[l->n++] = x;
}

static gnode **nl_done(parser *p, nlist *l, int32_t *count)
{
    *count = l->n;
    if (!l->n)
        return NULL;
    gnode **v = arena_alloc(p->a, (size_t)l->n * sizeof *v);
    if (!v)
        p_fail_at(p, p_tok(p)->pos, "poolscope: the program is too large");
    memcpy(v, l->v, (size_t)l->n * sizeof *v);
    return v;
}

static gnode *p_ident(parser *p)
{
    go_token *k = p_tok(p);
    if (k->tok != T_IDENT)
        p_unexpected(p, "name");
    gnode *n = p_node(p, N_IDENT, k->pos);
    n->text = arena_strndup(p->a, k->text, (size_t)k->len);
    n->len = k->len;
    p_advance(p);
    return n;
}

/* ---- types ---- */

static gnode *p_type(parser *p);
static gnode *p_expr(parser *p);
static gnode *p_block(parser *p);
static gnode *p_functype_rest(parser *p, go_pos pos);
static gnode *p_unary(parser *p);

static gnode *p_type_name(parser *p)
{
    gnode *x = p_ident(p);
    if (p_is(p, T_PERIOD)) {
        p_advance(p);
        gnode *s = p_node(p, N_SELECTOR, x->pos);
        s->a = x;
        gnode *sel = p_ident(p);
        s->text = sel->text;
        s->len = sel->len;
        x = s;
    }
    if (p_is(p, T_LBRACK) && p_peek(p, 1) != T_RBRACK) {
        /* a generic instantiation T[int] */
        gnode *ix = p_node(p, N_INDEX, p_tok(p)->pos);
        p_advance(p);
        ix->a = x;
        ix->b = p_type(p);
        while (p_is(p, T_COMMA)) {
            p_advance(p);
            p_type(p);
        }
        p_expect(p, T_RBRACK);
        ix->flags |= NF_GENERIC;
        x = ix;
    }
    return x;
}

static gnode *p_field_decl(parser *p)
{
    gnode *f = p_node(p, N_FIELD, p_tok(p)->pos);
    nlist names;
    nl_init(&names);
    if (p_is(p, T_MUL)) { /* embedded *T */
        go_pos pos = p_tok(p)->pos;
        p_advance(p);
        gnode *s = p_node(p, N_STAR, pos);
        s->a = p_type_name(p);
        f->a = s;
        f->flags |= NF_EMBEDDED;
    } else if (p_is(p, T_IDENT) && (p_peek(p, 1) == T_SEMICOLON || p_peek(p, 1) == T_RBRACE ||
                                    p_peek(p, 1) == T_STRING || p_peek(p, 1) == T_PERIOD)) {
        f->a = p_type_name(p);
        f->flags |= NF_EMBEDDED;
    } else {
        nl_push(p, &names, p_ident(p));
        while (p_is(p, T_COMMA)) {
            p_advance(p);
            nl_push(p, &names, p_ident(p));
        }
        f->a = p_type(p);
    }
    f->list = nl_done(p, &names, &f->nlist);
    if (p_is(p, T_STRING)) {
        go_token *k = p_tok(p);
        f->text = arena_strndup(p->a, k->text, (size_t)k->len);
        f->len = k->len;
        p_advance(p);
    }
    return f;
}

static gnode *p_struct_type(parser *p)
{
    gnode *s = p_node(p, N_STRUCTTYPE, p_tok(p)->pos);
    p_expect(p, T_STRUCT);
    p_expect(p, T_LBRACE);
    nlist fields;
    nl_init(&fields);
    while (!p_is(p, T_RBRACE) && !p_is(p, T_EOF)) {
        nl_push(p, &fields, p_field_decl(p));
        if (!p_is(p, T_RBRACE))
            p_expect(p, T_SEMICOLON);
    }
    p_expect(p, T_RBRACE);
    s->list = nl_done(p, &fields, &s->nlist);
    return s;
}

static gnode *p_interface_type(parser *p)
{
    gnode *s = p_node(p, N_INTERFACETYPE, p_tok(p)->pos);
    p_expect(p, T_INTERFACE);
    p_expect(p, T_LBRACE);
    nlist elems;
    nl_init(&elems);
    while (!p_is(p, T_RBRACE) && !p_is(p, T_EOF)) {
        gnode *f = p_node(p, N_FIELD, p_tok(p)->pos);
        if (p_is(p, T_IDENT) && p_peek(p, 1) == T_LPAREN) {
            gnode *name = p_ident(p);
            f->list = arena_alloc(p->a, sizeof(gnode *));
            if (!f->list)
                p_fail_at(p, name->pos, "poolscope: the program is too large");
            f->list[0] = name;
            f->nlist = 1;
            f->a = p_functype_rest(p, name->pos);
        } else {
            /* an embedded interface, or a type set (constraints: generics) */
            if (p_is(p, T_TILDE) || (p_is(p, T_IDENT) && p_peek(p, 1) == T_OR))
                f->flags |= NF_GENERIC;
            if (p_is(p, T_TILDE))
                p_advance(p);
            f->a = p_type(p);
            while (p_is(p, T_OR)) {
                f->flags |= NF_GENERIC;
                p_advance(p);
                if (p_is(p, T_TILDE))
                    p_advance(p);
                p_type(p);
            }
            f->flags |= NF_EMBEDDED;
        }
        nl_push(p, &elems, f);
        if (!p_is(p, T_RBRACE))
            p_expect(p, T_SEMICOLON);
    }
    p_expect(p, T_RBRACE);
    s->list = nl_done(p, &elems, &s->nlist);
    return s;
}

/* One parameter group list: "(a, b int, c string)", "(int, string)",
 * "(xs ...int)".  Go's rule: either every entry is named or none is. */
static void p_params(parser *p, gnode ***out, int32_t *n)
{
    p_expect(p, T_LPAREN);
    nlist entries; /* each a type, or an identifier then a type */
    nl_init(&entries);
    nlist types;
    nl_init(&types);
    int named = 0;
    while (!p_is(p, T_RPAREN) && !p_is(p, T_EOF)) {
        go_pos pos = p_tok(p)->pos;
        gnode *first = NULL, *ty = NULL;
        if (p_is(p, T_IDENT) && p_peek(p, 1) != T_PERIOD && p_peek(p, 1) != T_COMMA &&
            p_peek(p, 1) != T_RPAREN) {
            first = p_ident(p);
            if (p_is(p, T_ELLIPSIS)) {
                gnode *e = p_node(p, N_ELLIPSIS, p_tok(p)->pos);
                p_advance(p);
                e->a = p_type(p);
                ty = e;
            } else {
                ty = p_type(p);
            }
            named = 1;
        } else if (p_is(p, T_ELLIPSIS)) {
            gnode *e = p_node(p, N_ELLIPSIS, pos);
            p_advance(p);
            e->a = p_type(p);
            ty = e;
        } else {
            ty = p_type(p);
        }
        gnode *f = p_node(p, N_FIELD, pos);
        if (first) {
            f->list = arena_alloc(p->a, sizeof(gnode *));
            if (!f->list)
                p_fail_at(p, pos, "poolscope: the program is too large");
            f->list[0] = first;
            f->nlist = 1;
        }
        f->a = ty;
        nl_push(p, &entries, f);
        if (!p_is(p, T_RPAREN))
            p_expect(p, T_COMMA);
    }
    p_expect(p, T_RPAREN);
    if (named) {
        /* "a, b int": entries without a name are names whose type follows */
        nlist pending;
        nl_init(&pending);
        for (int i = 0; i < entries.n; i++) {
            gnode *f = entries.v[i];
            if (!f->nlist) {
                if (f->a->kind != N_IDENT)
                    p_fail_at(p, f->pos, "syntax error: mixed named and unnamed parameters");
                nl_push(p, &pending, f->a);
                continue;
            }
            nlist names;
            nl_init(&names);
            for (int k = 0; k < pending.n; k++)
                nl_push(p, &names, pending.v[k]);
            nl_push(p, &names, f->list[0]);
            pending.n = 0;
            f->list = nl_done(p, &names, &f->nlist);
            f->pos = f->list[0]->pos;
            nl_push(p, &types, f);
        }
        if (pending.n)
            p_fail_at(p, pending.v[0]->pos, "syntax error: mixed named and unnamed parameters");
        *out = nl_done(p, &types, n);
        return;
    }
    *out = nl_done(p, &entries, n);
}

static gnode *p_functype_rest(parser *p, go_pos pos)
{
    gnode *f = p_node(p, N_FUNCTYPE, pos);
    p_params(p, &f->list, &f->nlist);
    if (p_is(p, T_LPAREN)) {
        p_params(p, &f->list2, &f->nlist2);
    } else if (!p_is(p, T_LBRACE) && !p_is(p, T_SEMICOLON) && !p_is(p, T_RPAREN) &&
               !p_is(p, T_COMMA) && !p_is(p, T_RBRACK) && !p_is(p, T_RBRACE) &&
               !p_is(p, T_STRING) && !p_is(p, T_ASSIGN) && !p_is(p, T_COLON) && !p_is(p, T_EOF)) {
        gnode *r = p_node(p, N_FIELD, p_tok(p)->pos);
        r->a = p_type(p);
        f->list2 = arena_alloc(p->a, sizeof(gnode *));
        if (!f->list2)
            p_fail_at(p, pos, "poolscope: the program is too large");
        f->list2[0] = r;
        f->nlist2 = 1;
    }
    return f;
}

static gnode *p_try_type(parser *p)
{
    go_token *k = p_tok(p);
    gnode *n;
    switch (k->tok) {
    case T_IDENT:
        return p_type_name(p);
    case T_LBRACK:
        n = p_node(p, N_ARRAYTYPE, k->pos);
        p_advance(p);
        if (p_is(p, T_RBRACK)) {
            p_advance(p);
        } else if (p_is(p, T_ELLIPSIS)) {
            n->a = p_node(p, N_ELLIPSIS, p_tok(p)->pos);
            p_advance(p);
            p_expect(p, T_RBRACK);
        } else {
            p->expr_lev++;
            n->a = p_expr(p);
            p->expr_lev--;
            p_expect(p, T_RBRACK);
        }
        n->b = p_type(p);
        return n;
    case T_STRUCT:
        return p_struct_type(p);
    case T_MUL:
        n = p_node(p, N_STAR, k->pos);
        p_advance(p);
        n->a = p_type(p);
        return n;
    case T_FUNC:
        p_advance(p);
        return p_functype_rest(p, k->pos);
    case T_INTERFACE:
        return p_interface_type(p);
    case T_MAP:
        n = p_node(p, N_MAPTYPE, k->pos);
        p_advance(p);
        p_expect(p, T_LBRACK);
        n->a = p_type(p);
        p_expect(p, T_RBRACK);
        n->b = p_type(p);
        return n;
    case T_CHAN:
        n = p_node(p, N_CHANTYPE, k->pos);
        p_advance(p);
        n->op = GO_CHAN_BOTH;
        if (p_is(p, T_ARROW)) {
            p_advance(p);
            n->op = GO_CHAN_SEND;
        }
        n->a = p_type(p);
        return n;
    case T_ARROW:
        n = p_node(p, N_CHANTYPE, k->pos);
        p_advance(p);
        p_expect(p, T_CHAN);
        n->op = GO_CHAN_RECV;
        n->a = p_type(p);
        return n;
    case T_LPAREN: {
        p_advance(p);
        gnode *t = p_type(p);
        p_expect(p, T_RPAREN);
        gnode *par = p_node(p, N_PAREN, k->pos);
        par->a = t;
        return par;
    }
    default:
        return NULL;
    }
}

static gnode *p_type(parser *p)
{
    p_enter(p);
    gnode *t = p_try_type(p);
    if (!t)
        p_unexpected(p, "type");
    p_leave(p);
    return t;
}

/* ---- expressions ---- */

static gnode *p_literal_value(parser *p, gnode *type);

static gnode *p_element(parser *p)
{
    gnode *x = p_is(p, T_LBRACE) ? p_literal_value(p, NULL) : p_expr(p);
    if (p_is(p, T_COLON)) {
        gnode *kv = p_node(p, N_KEYVALUE, x->pos);
        p_advance(p);
        kv->a = x;
        kv->b = p_is(p, T_LBRACE) ? p_literal_value(p, NULL) : p_expr(p);
        return kv;
    }
    return x;
}

static gnode *p_literal_value(parser *p, gnode *type)
{
    gnode *c = p_node(p, N_COMPOSITE, type ? type->pos : p_tok(p)->pos);
    c->a = type;
    p_enter(p);
    p_expect(p, T_LBRACE);
    p->expr_lev++;
    nlist elems;
    nl_init(&elems);
    while (!p_is(p, T_RBRACE) && !p_is(p, T_EOF)) {
        nl_push(p, &elems, p_element(p));
        if (!p_is(p, T_COMMA))
            break;
        p_advance(p);
    }
    p->expr_lev--;
    if (!p_is(p, T_RBRACE)) {
        char what[64];
        p_describe(p_tok(p), what, sizeof what);
        p_fail_at(p, p_tok(p)->pos,
                  "syntax error: unexpected %s in composite literal; possibly missing comma or }",
                  what);
    }
    p_advance(p);
    c->list = nl_done(p, &elems, &c->nlist);
    p_leave(p);
    return c;
}

static gnode *p_operand(parser *p)
{
    go_token *k = p_tok(p);
    gnode *n;
    switch (k->tok) {
    case T_IDENT:
        return p_ident(p);
    case T_INT:
    case T_FLOAT:
    case T_IMAG:
    case T_CHAR:
    case T_STRING:
        n = p_node(p, N_BASICLIT, k->pos);
        n->op = (uint16_t)k->tok;
        n->text = arena_strndup(p->a, k->text, (size_t)k->len);
        n->len = k->len;
        p_advance(p);
        return n;
    case T_LPAREN:
        n = p_node(p, N_PAREN, k->pos);
        p_advance(p);
        p->expr_lev++;
        n->a = p_expr(p);
        p->expr_lev--;
        p_expect(p, T_RPAREN);
        return n;
    case T_FUNC: {
        p_advance(p);
        gnode *ft = p_functype_rest(p, k->pos);
        if (p_is(p, T_LBRACE)) {
            n = p_node(p, N_FUNCLIT, k->pos);
            n->a = ft;
            p->expr_lev++;
            n->b = p_block(p);
            p->expr_lev--;
            return n;
        }
        return ft;
    }
    default: {
        gnode *t = p_try_type(p);
        if (t)
            return t;
        p_unexpected(p, "expression");
    }
    }
}

/* Could x be the type of a composite literal x{...}? */
static int p_literal_type(const gnode *x)
{
    switch (x->kind) {
    case N_IDENT:
    case N_ARRAYTYPE:
    case N_STRUCTTYPE:
    case N_MAPTYPE:
        return 1;
    case N_SELECTOR:
        return x->a->kind == N_IDENT;
    case N_INDEX:
        return (x->flags & NF_GENERIC) != 0;
    default:
        return 0;
    }
}

static gnode *p_call(parser *p, gnode *fun)
{
    gnode *c = p_node(p, N_CALL, p_tok(p)->pos);
    c->a = fun;
    p_expect(p, T_LPAREN);
    p->expr_lev++;
    nlist args;
    nl_init(&args);
    while (!p_is(p, T_RPAREN) && !p_is(p, T_EOF)) {
        /* make([]int, n), new(T): a type is an operand like any other */
        nl_push(p, &args, p_expr(p));
        if (p_is(p, T_ELLIPSIS)) {
            c->flags |= NF_ELLIPSIS;
            p_advance(p);
        }
        if (!p_is(p, T_COMMA))
            break;
        p_advance(p);
    }
    p->expr_lev--;
    if (!p_is(p, T_RPAREN)) {
        char what[64];
        p_describe(p_tok(p), what, sizeof what);
        p_fail_at(p, p_tok(p)->pos,
                  "syntax error: unexpected %s in argument list; possibly missing comma or )",
                  what);
    }
    p_advance(p);
    c->list = nl_done(p, &args, &c->nlist);
    return c;
}

static gnode *p_index_or_slice(parser *p, gnode *x)
{
    go_pos pos = p_tok(p)->pos;
    p_expect(p, T_LBRACK);
    p->expr_lev++;
    gnode *idx[3] = {0};
    int ncolon = 0;
    if (!p_is(p, T_COLON))
        idx[0] = p_is(p, T_LBRACK) || p_is(p, T_MAP) || p_is(p, T_CHAN) || p_is(p, T_FUNC)
                     ? p_type(p)
                     : p_expr(p);
    while (p_is(p, T_COLON) && ncolon < 2) {
        ncolon++;
        p_advance(p);
        if (!p_is(p, T_COLON) && !p_is(p, T_RBRACK))
            idx[ncolon] = p_expr(p);
    }
    int generic = 0;
    while (!ncolon && p_is(p, T_COMMA)) { /* F[int, string] */
        generic = 1;
        p_advance(p);
        if (!p_is(p, T_RBRACK))
            p_type(p);
    }
    p->expr_lev--;
    p_expect(p, T_RBRACK);
    if (!ncolon) {
        if (!idx[0])
            p_fail_at(p, pos, "syntax error: expecting operand");
        gnode *n = p_node(p, N_INDEX, pos);
        n->a = x;
        n->b = idx[0];
        if (generic)
            n->flags |= NF_GENERIC;
        return n;
    }
    gnode *n = p_node(p, N_SLICE, pos);
    n->a = x;
    n->b = idx[0];
    n->c = idx[1];
    n->d = idx[2];
    if (ncolon == 2) {
        n->flags |= NF_SLICE3;
        if (!idx[1] || !idx[2])
            p_fail_at(p, pos, "syntax error: middle index required in 3-index slice");
    }
    return n;
}

static gnode *p_primary(parser *p)
{
    gnode *x = p_operand(p);
    for (;;) {
        go_token *k = p_tok(p);
        switch (k->tok) {
        case T_PERIOD:
            p_advance(p);
            if (p_is(p, T_IDENT)) {
                gnode *s = p_node(p, N_SELECTOR, k->pos);
                s->a = x;
                gnode *sel = p_ident(p);
                s->text = sel->text;
                s->len = sel->len;
                s->pos = sel->pos;
                x = s;
            } else if (p_is(p, T_LPAREN)) {
                p_advance(p);
                gnode *t = p_node(p, N_TYPEASSERT, k->pos);
                t->a = x;
                if (p_is(p, T_TYPE))
                    p_advance(p);
                else
                    t->b = p_type(p);
                p_expect(p, T_RPAREN);
                x = t;
            } else {
                p_unexpected(p, "name or (");
            }
            break;
        case T_LBRACK:
            x = p_index_or_slice(p, x);
            break;
        case T_LPAREN:
            p_enter(p);
            x = p_call(p, x);
            p_leave(p);
            break;
        case T_LBRACE:
            if (p_literal_type(x) && (p->expr_lev >= 0 || x->kind == N_ARRAYTYPE ||
                                      x->kind == N_MAPTYPE || x->kind == N_STRUCTTYPE)) {
                x = p_literal_value(p, x);
                break;
            }
            return x;
        default:
            return x;
        }
    }
}

static gnode *p_unary(parser *p)
{
    go_token *k = p_tok(p);
    p_enter(p);
    gnode *n;
    switch (k->tok) {
    case T_ADD:
    case T_SUB:
    case T_NOT:
    case T_XOR:
    case T_AND:
    case T_TILDE:
        n = p_node(p, N_UNARY, k->pos);
        n->op = (uint16_t)k->tok;
        p_advance(p);
        n->a = p_unary(p);
        break;
    case T_ARROW:
        p_advance(p);
        if (p_is(p, T_CHAN)) { /* <-chan T */
            n = p_node(p, N_CHANTYPE, k->pos);
            p_advance(p);
            n->op = GO_CHAN_RECV;
            n->a = p_type(p);
            break;
        }
        n = p_node(p, N_UNARY, k->pos);
        n->op = T_ARROW;
        n->a = p_unary(p);
        break;
    case T_MUL:
        n = p_node(p, N_STAR, k->pos);
        p_advance(p);
        n->a = p_unary(p);
        break;
    default:
        n = p_primary(p);
    }
    p_leave(p);
    return n;
}

static int p_prec(go_tok t)
{
    switch (t) {
    case T_LOR:
        return 1;
    case T_LAND:
        return 2;
    case T_EQL:
    case T_NEQ:
    case T_LSS:
    case T_LEQ:
    case T_GTR:
    case T_GEQ:
        return 3;
    case T_ADD:
    case T_SUB:
    case T_OR:
    case T_XOR:
        return 4;
    case T_MUL:
    case T_QUO:
    case T_REM:
    case T_SHL:
    case T_SHR:
    case T_AND:
    case T_AND_NOT:
        return 5;
    default:
        return 0;
    }
}

static gnode *p_binary(parser *p, int prec1)
{
    gnode *x = p_unary(p);
    for (;;) {
        go_token *k = p_tok(p);
        int prec = p_prec(k->tok);
        if (prec < prec1 || prec == 0)
            return x;
        p_advance(p);
        p_enter(p);
        gnode *n = p_node(p, N_BINARY, k->pos);
        n->op = (uint16_t)k->tok;
        n->a = x;
        n->b = p_binary(p, prec + 1);
        p_leave(p);
        x = n;
    }
}

static gnode *p_expr(parser *p)
{
    return p_binary(p, 1);
}

static void p_expr_list(parser *p, gnode ***out, int32_t *n)
{
    nlist l;
    nl_init(&l);
    nl_push(p, &l, p_expr(p));
    while (p_is(p, T_COMMA)) {
        p_advance(p);
        nl_push(p, &l, p_expr(p));
    }
    *out = nl_done(p, &l, n);
}

/* ---- statements ---- */

static gnode *p_stmt(parser *p);
static gnode *p_decl(parser *p, go_tok kw);

enum { SIMPLE_PLAIN, SIMPLE_RANGE_OK, SIMPLE_LABEL_OK };

static gnode *p_simple_stmt(parser *p, int mode)
{
    go_pos pos = p_tok(p)->pos;
    if (mode == SIMPLE_RANGE_OK && p_is(p, T_RANGE)) { /* for range x */
        gnode *r = p_node(p, N_RANGE, pos);
        p_advance(p);
        r->c = p_expr(p);
        return r;
    }
    gnode **lhs;
    int32_t nl;
    p_expr_list(p, &lhs, &nl);
    go_token *k = p_tok(p);
    switch (k->tok) {
    case T_DEFINE:
    case T_ASSIGN:
    case T_ADD_ASSIGN:
    case T_SUB_ASSIGN:
    case T_MUL_ASSIGN:
    case T_QUO_ASSIGN:
    case T_REM_ASSIGN:
    case T_AND_ASSIGN:
    case T_OR_ASSIGN:
    case T_XOR_ASSIGN:
    case T_SHL_ASSIGN:
    case T_SHR_ASSIGN:
    case T_AND_NOT_ASSIGN: {
        p_advance(p);
        if (mode == SIMPLE_RANGE_OK && p_is(p, T_RANGE) &&
            (k->tok == T_DEFINE || k->tok == T_ASSIGN)) {
            gnode *r = p_node(p, N_RANGE, pos);
            p_advance(p);
            if (nl > 2)
                p_fail_at(p, lhs[2]->pos,
                          "syntax error: range clause permits at most two iteration variables");
            r->a = lhs[0];
            r->b = nl > 1 ? lhs[1] : NULL;
            r->op = (uint16_t)k->tok;
            r->c = p_expr(p);
            return r;
        }
        gnode *a = p_node(p, N_ASSIGN, k->pos);
        a->op = (uint16_t)k->tok;
        a->list = lhs;
        a->nlist = nl;
        p_expr_list(p, &a->list2, &a->nlist2);
        return a;
    }
    default:
        break;
    }
    if (nl > 1)
        p_unexpected(p, ":= or = or comma");
    gnode *x = lhs[0];
    if (k->tok == T_COLON && mode == SIMPLE_LABEL_OK && x->kind == N_IDENT) {
        p_advance(p);
        gnode *l = p_node(p, N_LABELED, x->pos);
        l->text = x->text;
        l->len = x->len;
        if (p_is(p, T_RBRACE)) {
            l->a = p_node(p, N_EMPTY, p_tok(p)->pos);
            return l;
        }
        l->a = p_stmt(p);
        return l;
    }
    if (k->tok == T_ARROW) {
        gnode *s = p_node(p, N_SEND, k->pos);
        p_advance(p);
        s->a = x;
        s->b = p_expr(p);
        return s;
    }
    if (k->tok == T_INC || k->tok == T_DEC) {
        gnode *s = p_node(p, N_INCDEC, k->pos);
        s->op = (uint16_t)k->tok;
        s->a = x;
        p_advance(p);
        return s;
    }
    gnode *s = p_node(p, N_EXPRSTMT, x->pos);
    s->a = x;
    return s;
}

static gnode *p_block(parser *p)
{
    gnode *b = p_node(p, N_BLOCK, p_tok(p)->pos);
    p_enter(p);
    p_expect(p, T_LBRACE);
    int saved = p->expr_lev;
    p->expr_lev = 0;
    nlist stmts;
    nl_init(&stmts);
    while (!p_is(p, T_RBRACE) && !p_is(p, T_EOF) && !p_is(p, T_CASE) && !p_is(p, T_DEFAULT)) {
        if (p_is(p, T_SEMICOLON)) {
            p_advance(p);
            continue;
        }
        nl_push(p, &stmts, p_stmt(p));
        if (!p_is(p, T_RBRACE)) {
            if (!p_is(p, T_SEMICOLON))
                p_unexpected(p, "semicolon or newline or }");
            p_advance(p);
        }
    }
    if (!p_is(p, T_RBRACE))
        p_unexpected(p, "}");
    b->y = p_tok(p)->pos.line; /* the closing brace's line: a return's position */
    p_advance(p);
    p->expr_lev = saved;
    b->list = nl_done(p, &stmts, &b->nlist);
    p_leave(p);
    return b;
}

/* Statements up to the next case, default or }. */
static void p_clause_body(parser *p, gnode ***out, int32_t *n)
{
    nlist stmts;
    nl_init(&stmts);
    while (!p_is(p, T_CASE) && !p_is(p, T_DEFAULT) && !p_is(p, T_RBRACE) && !p_is(p, T_EOF)) {
        if (p_is(p, T_SEMICOLON)) {
            p_advance(p);
            continue;
        }
        nl_push(p, &stmts, p_stmt(p));
        if (!p_is(p, T_CASE) && !p_is(p, T_DEFAULT) && !p_is(p, T_RBRACE)) {
            if (!p_is(p, T_SEMICOLON))
                p_unexpected(p, "semicolon or newline or }");
            p_advance(p);
        }
    }
    *out = nl_done(p, &stmts, n);
}

static gnode *p_if(parser *p)
{
    gnode *n = p_node(p, N_IF, p_tok(p)->pos);
    p_expect(p, T_IF);
    int saved = p->expr_lev;
    p->expr_lev = -1;
    if (p_is(p, T_LBRACE))
        p_fail_at(p, p_tok(p)->pos, "syntax error: missing condition in if statement");
    gnode *s = p_is(p, T_SEMICOLON) ? NULL : p_simple_stmt(p, SIMPLE_PLAIN);
    if (p_is(p, T_SEMICOLON)) {
        p_advance(p);
        n->a = s;
        if (p_is(p, T_LBRACE))
            p_fail_at(p, p_tok(p)->pos, "syntax error: missing condition in if statement");
        s = p_simple_stmt(p, SIMPLE_PLAIN);
    }
    if (!s || s->kind != N_EXPRSTMT) {
        if (s && s->kind == N_ASSIGN && s->op == T_DEFINE)
            p_fail_at(p, s->pos, "syntax error: cannot use %s as value", "assignment");
        p_fail_at(p, n->pos, "syntax error: missing condition in if statement");
    }
    n->b = s->a;
    p->expr_lev = saved;
    n->c = p_block(p);
    if (p_is(p, T_ELSE)) {
        p_advance(p);
        if (p_is(p, T_IF))
            n->d = p_if(p);
        else if (p_is(p, T_LBRACE))
            n->d = p_block(p);
        else
            p_unexpected(p, "if statement or block");
    }
    return n;
}

static int p_is_typeswitch_guard(const gnode *s)
{
    if (!s)
        return 0;
    if (s->kind == N_EXPRSTMT)
        return s->a->kind == N_TYPEASSERT && !s->a->b;
    if (s->kind == N_ASSIGN && s->op == T_DEFINE && s->nlist == 1 && s->nlist2 == 1)
        return s->list2[0]->kind == N_TYPEASSERT && !s->list2[0]->b;
    return 0;
}

static gnode *p_switch(parser *p)
{
    go_pos pos = p_tok(p)->pos;
    p_expect(p, T_SWITCH);
    int saved = p->expr_lev;
    p->expr_lev = -1;
    gnode *init = NULL, *tag = NULL;
    if (!p_is(p, T_LBRACE)) {
        if (!p_is(p, T_SEMICOLON))
            tag = p_simple_stmt(p, SIMPLE_PLAIN);
        if (p_is(p, T_SEMICOLON)) {
            p_advance(p);
            init = tag;
            tag = NULL;
            if (!p_is(p, T_LBRACE))
                tag = p_simple_stmt(p, SIMPLE_PLAIN);
        }
    }
    p->expr_lev = saved;
    int ts = p_is_typeswitch_guard(tag);
    if (tag && !ts && tag->kind != N_EXPRSTMT)
        p_fail_at(p, tag->pos, "syntax error: switch expression must be an expression");
    gnode *n = p_node(p, ts ? N_TYPESWITCH : N_SWITCH, pos);
    n->a = init;
    n->b = ts ? tag : tag ? tag->a : NULL;
    p_expect(p, T_LBRACE);
    nlist clauses;
    nl_init(&clauses);
    while (p_is(p, T_CASE) || p_is(p, T_DEFAULT)) {
        gnode *c = p_node(p, N_CASECLAUSE, p_tok(p)->pos);
        if (p_is(p, T_CASE)) {
            p_advance(p);
            if (ts) {
                nlist types;
                nl_init(&types);
                nl_push(p, &types, p_type(p));
                while (p_is(p, T_COMMA)) {
                    p_advance(p);
                    nl_push(p, &types, p_type(p));
                }
                c->list = nl_done(p, &types, &c->nlist);
            } else {
                p_expr_list(p, &c->list, &c->nlist);
            }
        } else {
            p_advance(p);
            c->flags |= NF_EMBEDDED; /* reused: the default clause */
        }
        p_expect(p, T_COLON);
        p_clause_body(p, &c->list2, &c->nlist2);
        nl_push(p, &clauses, c);
    }
    if (!p_is(p, T_RBRACE))
        p_unexpected(p, "case or default or }");
    p_advance(p);
    n->list = nl_done(p, &clauses, &n->nlist);
    return n;
}

static gnode *p_select(parser *p)
{
    gnode *n = p_node(p, N_SELECT, p_tok(p)->pos);
    p_expect(p, T_SELECT);
    p_expect(p, T_LBRACE);
    nlist clauses;
    nl_init(&clauses);
    while (p_is(p, T_CASE) || p_is(p, T_DEFAULT)) {
        gnode *c = p_node(p, N_COMMCLAUSE, p_tok(p)->pos);
        if (p_is(p, T_CASE)) {
            p_advance(p);
            c->a = p_simple_stmt(p, SIMPLE_PLAIN);
        } else {
            p_advance(p);
        }
        p_expect(p, T_COLON);
        p_clause_body(p, &c->list2, &c->nlist2);
        nl_push(p, &clauses, c);
    }
    if (!p_is(p, T_RBRACE))
        p_unexpected(p, "case or default or }");
    p_advance(p);
    n->list = nl_done(p, &clauses, &n->nlist);
    return n;
}

static gnode *p_for(parser *p)
{
    go_pos pos = p_tok(p)->pos;
    p_expect(p, T_FOR);
    int saved = p->expr_lev;
    p->expr_lev = -1;
    gnode *init = NULL, *cond = NULL, *post = NULL;
    if (!p_is(p, T_LBRACE)) {
        if (!p_is(p, T_SEMICOLON))
            cond = p_simple_stmt(p, SIMPLE_RANGE_OK);
        if (cond && cond->kind == N_RANGE) {
            p->expr_lev = saved;
            cond->pos = pos;
            cond->d = p_block(p);
            return cond;
        }
        if (p_is(p, T_SEMICOLON)) {
            p_advance(p);
            init = cond;
            cond = NULL;
            if (!p_is(p, T_SEMICOLON))
                cond = p_simple_stmt(p, SIMPLE_PLAIN);
            if (!p_is(p, T_SEMICOLON) || p_tok(p)->auto_semi)
                p_unexpected(p, "for loop condition");
            p_advance(p);
            if (!p_is(p, T_LBRACE))
                post = p_simple_stmt(p, SIMPLE_PLAIN);
        }
    }
    p->expr_lev = saved;
    if (cond && cond->kind != N_EXPRSTMT)
        p_fail_at(p, cond->pos, "syntax error: cannot use %s as value",
                  cond->kind == N_ASSIGN ? "assignment" : "statement");
    if (post && post->kind == N_ASSIGN && post->op == T_DEFINE)
        p_fail_at(p, post->pos, "syntax error: cannot declare in post statement of for loop");
    gnode *n = p_node(p, N_FOR, pos);
    n->a = init;
    n->b = cond ? cond->a : NULL;
    n->c = post;
    n->d = p_block(p);
    return n;
}

static gnode *p_stmt(parser *p)
{
    go_token *k = p_tok(p);
    gnode *n;
    p_enter(p);
    switch (k->tok) {
    case T_VAR:
    case T_CONST:
    case T_TYPE:
        n = p_node(p, N_DECLSTMT, k->pos);
        n->a = p_decl(p, k->tok);
        break;
    case T_LBRACE:
        n = p_block(p);
        break;
    case T_IF:
        n = p_if(p);
        break;
    case T_SWITCH:
        n = p_switch(p);
        break;
    case T_SELECT:
        n = p_select(p);
        break;
    case T_FOR:
        n = p_for(p);
        break;
    case T_GO:
    case T_DEFER:
        n = p_node(p, k->tok == T_GO ? N_GO : N_DEFER, k->pos);
        p_advance(p);
        n->a = p_expr(p);
        if (n->a->kind == N_PAREN)
            p_fail_at(p, n->a->pos, "syntax error: expression in %s must not be parenthesized",
                      k->tok == T_GO ? "go" : "defer");
        if (n->a->kind != N_CALL)
            p_fail_at(p, n->a->pos, "syntax error: expression in %s must be function call",
                      k->tok == T_GO ? "go" : "defer");
        break;
    case T_RETURN:
        n = p_node(p, N_RETURN, k->pos);
        p_advance(p);
        if (!p_is(p, T_SEMICOLON) && !p_is(p, T_RBRACE))
            p_expr_list(p, &n->list, &n->nlist);
        break;
    case T_BREAK:
    case T_CONTINUE:
    case T_GOTO:
    case T_FALLTHROUGH:
        n = p_node(p, N_BRANCH, k->pos);
        n->op = (uint16_t)k->tok;
        p_advance(p);
        if (k->tok != T_FALLTHROUGH && p_is(p, T_IDENT)) {
            gnode *l = p_ident(p);
            n->text = l->text;
            n->len = l->len;
        }
        break;
    case T_SEMICOLON:
        n = p_node(p, N_EMPTY, k->pos);
        break;
    case T_FUNC:
        if (p_peek(p, 1) == T_IDENT)
            p_fail_at(p, p->toks[p->i + 1].pos, "syntax error: unexpected name %.*s, expecting (",
                      (int)p->toks[p->i + 1].len, p->toks[p->i + 1].text);
        n = p_simple_stmt(p, SIMPLE_LABEL_OK);
        break;
    default:
        n = p_simple_stmt(p, SIMPLE_LABEL_OK);
    }
    p_leave(p);
    return n;
}

/* ---- declarations ---- */

static gnode *p_value_spec(parser *p, go_tok kw, int iota, gnode *prev)
{
    gnode *s = p_node(p, N_VALUESPEC, p_tok(p)->pos);
    nlist names;
    nl_init(&names);
    nl_push(p, &names, p_ident(p));
    while (p_is(p, T_COMMA)) {
        p_advance(p);
        nl_push(p, &names, p_ident(p));
    }
    s->list = nl_done(p, &names, &s->nlist);
    s->x = iota;
    if (!p_is(p, T_ASSIGN) && !p_is(p, T_SEMICOLON) && !p_is(p, T_RPAREN))
        s->a = p_type(p);
    if (p_is(p, T_ASSIGN)) {
        p_advance(p);
        p_expr_list(p, &s->list2, &s->nlist2);
    } else if (kw == T_VAR && !s->a) {
        p_unexpected(p, "type");
    } else if (kw == T_CONST) {
        if (!prev || s->a)
            p_fail_at(p, s->pos,
                      s->a ? "syntax error: missing constant value"
                           : "missing init expr for const declaration");
        /* an omitted list repeats the previous one (with this iota) */
        s->a = prev->a;
        s->list2 = prev->list2;
        s->nlist2 = prev->nlist2;
        s->flags |= NF_EMBEDDED; /* reused: values copied from the spec before */
    }
    return s;
}

static gnode *p_type_spec(parser *p)
{
    gnode *s = p_node(p, N_TYPESPEC, p_tok(p)->pos);
    gnode *name = p_ident(p);
    s->text = name->text;
    s->len = name->len;
    if (p_is(p, T_LBRACK) && p_peek(p, 1) == T_IDENT) {
        go_tok t2 = p_peek(p, 2);
        if (t2 == T_IDENT || t2 == T_INTERFACE || t2 == T_TILDE || t2 == T_COMMA ||
            t2 == T_LBRACK || t2 == T_MUL) {
            if (t2 != T_MUL || p_peek(p, 3) == T_IDENT) {
                s->flags |= NF_GENERIC;
                s->pos = p_tok(p)->pos;
                /* skip the parameter list; the checker refuses generics */
                int depth = 0;
                do {
                    if (p_is(p, T_LBRACK))
                        depth++;
                    else if (p_is(p, T_RBRACK))
                        depth--;
                    else if (p_is(p, T_EOF))
                        p_unexpected(p, "]");
                    p_advance(p);
                } while (depth > 0);
            }
        }
    }
    if (p_is(p, T_ASSIGN)) {
        s->flags |= NF_ALIAS;
        p_advance(p);
    }
    s->a = p_type(p);
    return s;
}

static gnode *p_import_spec(parser *p)
{
    gnode *s = p_node(p, N_IMPORT, p_tok(p)->pos);
    if (p_is(p, T_IDENT)) {
        s->a = p_ident(p);
    } else if (p_is(p, T_PERIOD)) {
        s->a = p_node(p, N_IDENT, p_tok(p)->pos);
        s->a->text = ".";
        s->a->len = 1;
        p_advance(p);
    }
    go_token *k = p_tok(p);
    if (k->tok != T_STRING)
        p_unexpected(p, "import path");
    s->pos = k->pos;
    char *path = arena_alloc(p->a, (size_t)k->len + 1);
    const char *err = NULL;
    long n = path ? lex_unquote(k->text, (size_t)k->len, path, &err) : -1;
    if (n < 0)
        p_fail_at(p, k->pos, "invalid import path");
    path[n] = 0;
    s->text = path;
    s->len = (int32_t)n;
    p_advance(p);
    return s;
}

static gnode *p_decl(parser *p, go_tok kw)
{
    gnode *d = p_node(p, N_GENDECL, p_tok(p)->pos);
    d->op = (uint16_t)kw;
    p_advance(p);
    nlist specs;
    nl_init(&specs);
    if (p_is(p, T_LPAREN)) {
        p_advance(p);
        int iota = 0;
        gnode *prev = NULL;
        while (!p_is(p, T_RPAREN) && !p_is(p, T_EOF)) {
            gnode *s = kw == T_IMPORT ? p_import_spec(p)
                       : kw == T_TYPE ? p_type_spec(p)
                                      : p_value_spec(p, kw, iota++, prev);
            prev = s;
            nl_push(p, &specs, s);
            if (!p_is(p, T_RPAREN)) {
                if (!p_is(p, T_SEMICOLON))
                    p_unexpected(p, "semicolon or newline or )");
                p_advance(p);
            }
        }
        p_expect(p, T_RPAREN);
    } else {
        nl_push(p, &specs,
                kw == T_IMPORT ? p_import_spec(p)
                : kw == T_TYPE ? p_type_spec(p)
                               : p_value_spec(p, kw, 0, NULL));
    }
    d->list = nl_done(p, &specs, &d->nlist);
    return d;
}

static gnode *p_func_decl(parser *p)
{
    go_pos pos = p_tok(p)->pos;
    p_expect(p, T_FUNC);
    gnode *f = p_node(p, N_FUNCDECL, pos);
    if (p_is(p, T_LPAREN)) {
        gnode **recv;
        int32_t nr;
        p_params(p, &recv, &nr);
        if (nr != 1)
            p_fail_at(p, pos, nr ? "method has multiple receivers" : "method has no receiver");
        f->a = recv[0];
    }
    gnode *name = p_ident(p);
    f->text = name->text;
    f->len = name->len;
    f->pos = name->pos;
    if (p_is(p, T_LBRACK)) { /* type parameters */
        f->flags |= NF_GENERIC;
        int depth = 0;
        do {
            if (p_is(p, T_LBRACK))
                depth++;
            else if (p_is(p, T_RBRACK))
                depth--;
            else if (p_is(p, T_EOF))
                p_unexpected(p, "]");
            p_advance(p);
        } while (depth > 0);
    }
    f->b = p_functype_rest(p, pos);
    if (p_is(p, T_LBRACE)) {
        p->expr_lev = 0;
        f->c = p_block(p);
    }
    return f;
}

static gnode *p_file(parser *p)
{
    while (p_is(p, T_SEMICOLON))
        p_advance(p);
    gnode *file = p_node(p, N_FILE, p_tok(p)->pos);
    if (!p_is(p, T_PACKAGE))
        p_fail_at(p, p_tok(p)->pos, "syntax error: package statement must be first");
    p_advance(p);
    gnode *pkg = p_ident(p);
    file->text = pkg->text;
    file->len = pkg->len;
    if (!p_is(p, T_EOF))
        p_expect(p, T_SEMICOLON);
    nlist decls;
    nl_init(&decls);
    while (p_is(p, T_IMPORT)) {
        nl_push(p, &decls, p_decl(p, T_IMPORT));
        if (!p_is(p, T_EOF))
            p_expect(p, T_SEMICOLON);
    }
    while (!p_is(p, T_EOF)) {
        if (p_is(p, T_SEMICOLON)) {
            p_advance(p);
            continue;
        }
        go_token *k = p_tok(p);
        if (k->tok == T_FUNC)
            nl_push(p, &decls, p_func_decl(p));
        else if (k->tok == T_VAR || k->tok == T_CONST || k->tok == T_TYPE)
            nl_push(p, &decls, p_decl(p, k->tok));
        else if (k->tok == T_IMPORT)
            p_fail_at(p, k->pos, "syntax error: imports must appear before other declarations");
        else
            p_fail_at(p, k->pos, "syntax error: non-declaration statement outside function body");
        if (!p_is(p, T_EOF)) {
            if (!p_is(p, T_SEMICOLON))
                p_unexpected(p, "semicolon or newline after top level declaration");
            p_advance(p);
        }
    }
    file->list = nl_done(p, &decls, &file->nlist);
    return file;
}

/* Lexes everything; 0, or -1 with d set. */
static int p_lex_all(parser *p, const char *src, size_t len)
{
    go_lexer lx;
    lex_init(&lx, src, len);
    size_t cap = 1024;
    p->toks = malloc(cap * sizeof *p->toks);
    if (!p->toks)
        return -1;
    for (;;) {
        go_token t = lex_next(&lx);
        if (t.tok == T_ILLEGAL || lx.err[0]) {
            p->d->pos = lx.err_pos;
            snprintf(p->d->msg, sizeof p->d->msg, "%s", lx.err[0] ? lx.err : "invalid token");
            return -1;
        }
        if (p->n == cap) {
            if (cap >= PARSE_MAX_TOKENS) {
                p->d->pos = t.pos;
                snprintf(p->d->msg, sizeof p->d->msg, "poolscope: more than %d tokens (limit)",
                         PARSE_MAX_TOKENS);
                return -1;
            }
            cap *= 2;
            go_token *nt = realloc(p->toks, cap * sizeof *nt);
            if (!nt)
                return -1;
            p->toks = nt;
        }
        p->toks[p->n++] = t;
        if (t.tok == T_EOF)
            return 0;
    }
}

gnode *parse_file(go_arena *a, const char *src, size_t len, go_diag *d)
{
    parser p = {.a = a, .d = d};
    gnode *file = NULL;
    memset(d, 0, sizeof *d);
    if (p_lex_all(&p, src, len) != 0) {
        if (!d->msg[0])
            snprintf(d->msg, sizeof d->msg, "poolscope: out of memory reading the source");
        free(p.toks);
        return NULL;
    }
    if (setjmp(p.fail) == 0)
        file = p_file(&p);
    free(p.toks);
    return file;
}

gnode *parse_type_string(go_arena *a, const char *src, go_diag *d)
{
    size_t n = strlen(src);
    char *buf = malloc(n + 32);
    if (!buf)
        return NULL;
    int k = snprintf(buf, n + 32, "package p\ntype _ %s\n", src);
    gnode *f = parse_file(a, buf, (size_t)k, d);
    /* the nodes keep pointers only to arena copies, not to buf */
    free(buf);
    if (!f || f->nlist != 1)
        return NULL;
    return f->list[0]->list[0]->a;
}

gnode *parse_expr_string(go_arena *a, const char *src, go_diag *d)
{
    size_t n = strlen(src);
    char *buf = malloc(n + 32);
    if (!buf)
        return NULL;
    int k = snprintf(buf, n + 32, "package p\nvar _ = %s\n", src);
    gnode *f = parse_file(a, buf, (size_t)k, d);
    free(buf);
    if (!f || f->nlist != 1)
        return NULL;
    return f->list[0]->list[0]->list2[0];
}
