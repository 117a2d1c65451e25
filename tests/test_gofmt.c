/* test_gofmt.c - the Go library's fmt, strconv and maps (src/go/fmt.c,
 * numfmt.c, gmap.c, gbuf.c) against what Go 1.19 itself prints.
 *
 * The expected strings come from real Go: tests/gen/gofmt_cases.go writes
 * tests/gofmt_cases.h (fmt and strconv cases) and tests/data/go_ftoa.txt
 * (FormatFloat of thousands of doubles) was written by a Go program of the
 * same kind (see tests/data/README).  The evaluator is not built yet, so
 * the gor_* functions of value.h are test doubles here. */
#include <check.h>
#include <math.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "go/fmt.h"
#include "go/gbuf.h"
#include "go/gmap.h"
#include "go/numfmt.h"
#include "go/types.h"
#include "go/value.h"

/* Checks for hot loops: Check's ck_assert records its location (a write
 * to its log) even when it passes, a system call per check, which under
 * valgrind made the 100k-key loops take minutes. */
#define REQUIRE(c)                                                                                 \
    do {                                                                                           \
        if (!(c))                                                                                  \
            ck_abort_msg("%s:%d: %s", __FILE__, __LINE__, #c);                                     \
    } while (0)

/* ==== test doubles of the evaluator (value.h) ==== */

struct gor {
    int unused;
};
static struct gor the_gor;
#define G (&the_gor)

/* Every allocation is kept and freed when the test ends (the evaluator's
 * words are never freed while the program runs either). */
static pthread_mutex_t alloc_mu = PTHREAD_MUTEX_INITIALIZER;
static void **allocs;
static size_t nallocs, capallocs;

static void *track(void *p)
{
    REQUIRE(p != NULL);
    pthread_mutex_lock(&alloc_mu);
    if (nallocs == capallocs) {
        capallocs = capallocs ? capallocs * 2 : 1024;
        allocs = realloc(allocs, capallocs * sizeof *allocs);
    }
    allocs[nallocs++] = p;
    pthread_mutex_unlock(&alloc_mu);
    return p;
}

static void free_all(void)
{
    for (size_t i = 0; i < nallocs; i++)
        free(allocs[i]);
    free(allocs);
    allocs = NULL;
    nallocs = capallocs = 0;
}

gcell *gor_alloc(struct gor *g, int64_t nwords)
{
    (void)g;
    return track(calloc((size_t)(nwords ? nwords : 1), sizeof(gcell)));
}

void *gor_alloc_bytes(struct gor *g, int64_t nbytes)
{
    (void)g;
    return track(calloc(1, (size_t)(nbytes ? nbytes : 1)));
}

gstr *gor_str(struct gor *g, const char *p, int64_t len)
{
    gstr *s = gor_alloc_bytes(g, (int64_t)sizeof *s + len + 1);
    char *b = (char *)(s + 1);
    memcpy(b, p, (size_t)len);
    s->len = len;
    s->p = b;
    return s;
}

giface *gor_box(struct gor *g, const gtype *t, const gcell *v)
{
    giface *x = gor_alloc_bytes(g, (int64_t)(sizeof *x + (size_t)t->size * sizeof(gcell)));
    x->t = t;
    cells_copy(x->v, v, t->size);
    return x;
}

giface *gor_box1(struct gor *g, const gtype *t, uint64_t w)
{
    gcell c;
    atomic_init(&c, w);
    return gor_box(g, t, &c);
}

/* String/Error/GoString methods: C callbacks registered per declaring
 * type, given the receiver's words (NULL: a nil pointer receiver). */
typedef const char *(*method_fn)(const gcell *recv);
static struct {
    const gtype *t;
    const char *name;
    method_fn fn;
} methods[32];
static int nmethods;
static _Atomic int method_calls;

int gor_call_string_method(struct gor *g, const gtype *t, const gcell *v, const char *name,
                           const gstr **out)
{
    gmethod_path path;
    if (!types_find_method(t, name, &path))
        return 0;
    const gcell *cur = v;
    if (t->kind == GK_POINTER && !t->name)
        cur = (const gcell *)(uintptr_t)cell_get(v);
    for (int d = 0; d < path.depth && cur; d++) {
        cur += path.offsets[d];
        if (path.derefs[d])
            cur = (const gcell *)(uintptr_t)cell_get(cur);
    }
    for (int i = 0; i < nmethods; i++) {
        if (methods[i].t == path.recv && strcmp(methods[i].name, name) == 0) {
            const char *s = methods[i].fn(cur);
            atomic_fetch_add(&method_calls, 1);
            *out = gor_str(g, s, (int64_t)strlen(s));
            return 1;
        }
    }
    return 0;
}

/* The stub methods do not panic: the catching call is the plain one. */
int gor_call_string_method_catching(struct gor *g, const gtype *t, const gcell *v, const char *name,
                                    const gstr **out, giface **panicked)
{
    (void)panicked;
    return gor_call_string_method(g, t, v, name, out);
}

/* Panics and fatal errors: the message, and a jump back to the test. */
static char panic_msg[512];
static jmp_buf panic_jmp;
static int panic_armed;
static pthread_t main_thread;
static _Atomic int fatal_seen;
static char fatal_msg[256];

static _Noreturn void raise_panic(const char *msg)
{
    snprintf(panic_msg, sizeof panic_msg, "%s", msg);
    if (!panic_armed)
        ck_abort_msg("unexpected panic: %s", msg);
    panic_armed = 0;
    longjmp(panic_jmp, 1);
}

_Noreturn void gor_panic_runtime(struct gor *g, const char *fmt, ...)
{
    char msg[400];
    va_list ap;
    (void)g;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    char full[512];
    snprintf(full, sizeof full, "runtime error: %s", msg);
    raise_panic(full);
}

_Noreturn void gor_panic_string(struct gor *g, const char *msg)
{
    (void)g;
    raise_panic(msg);
}

_Noreturn void gor_panic_value(struct gor *g, giface *v)
{
    (void)g;
    (void)v;
    raise_panic("panic(value)");
}

_Noreturn void gor_fatal(struct gor *g, const char *msg)
{
    (void)g;
    if (!pthread_equal(pthread_self(), main_thread)) {
        /* a test thread: note it and end only that thread */
        snprintf(fatal_msg, sizeof fatal_msg, "fatal error: %s", msg);
        atomic_store(&fatal_seen, 1);
        pthread_exit(NULL);
    }
    char full[300];
    snprintf(full, sizeof full, "fatal error: %s", msg);
    raise_panic(full);
}

void gor_write(struct gor *g, int fd, const char *p, size_t n)
{
    (void)g;
    (void)fd;
    (void)p;
    (void)n;
}

/* EXPECT_PANIC(msg, statement): the statement panics with msg. */
#define EXPECT_PANIC(msg, stmt)                                                                    \
    do {                                                                                           \
        panic_armed = 1;                                                                           \
        if (setjmp(panic_jmp) == 0) {                                                              \
            stmt;                                                                                  \
            panic_armed = 0;                                                                       \
            ck_abort_msg("no panic from %s", #stmt);                                               \
        }                                                                                          \
        ck_assert_str_eq(panic_msg, msg);                                                          \
    } while (0)

/* ==== the types of the cases (as in tests/gen/gofmt_cases.go) ==== */

static go_arena arena;
static gtypes ts;
static gtype *t_int, *t_int8, *t_int16, *t_int32, *t_int64, *t_uint, *t_uint8, *t_uint16, *t_uint32,
    *t_uint64, *t_uintptr, *t_f32, *t_f64, *t_c64, *t_c128, *t_bool, *t_string, *t_any;
static gtype *t_point, *t_ppoint, *t_str1, *t_pstr1, *t_ptrstr, *t_pptrstr, *t_err, *t_both,
    *t_gostr, *t_inner, *t_outer, *t_embed, *t_withs, *t_myint, *t_mystr, *t_bytes, *t_mybytes,
    *t_anon;

static gtype *named(const char *name, gtype *u)
{
    gtype *t = types_named(&ts, "main", name);
    types_set_underlying(t, u);
    return t;
}

/* fields: name, type pairs; a NULL name is an embedded field */
static gtype *mkstruct(int n, ...)
{
    gfield f[16];
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < n; i++) {
        const char *name = va_arg(ap, const char *);
        gtype *type = va_arg(ap, gtype *);
        f[i] = (gfield){.name = name ? name : type->short_name, .type = type, .embedded = !name};
        f[i].exported = f[i].name[0] >= 'A' && f[i].name[0] <= 'Z';
    }
    va_end(ap);
    return types_struct(&ts, f, n);
}

static void method(gtype *t, const char *name, int ptr_recv, method_fn fn)
{
    gtype *sig = types_func(&ts, NULL, 0, &t_string, 1, 0);
    gmethod m = {.name = name, .sig = sig, .ptr_recv = ptr_recv};
    ck_assert_int_eq(types_add_method(&ts, t, &m), 0);
    methods[nmethods].t = t;
    methods[nmethods].name = name;
    methods[nmethods].fn = fn;
    nmethods++;
}

static char method_out[256];

static const char *str1_string(const gcell *r)
{
    snprintf(method_out, sizeof method_out, "S<%lld>", (long long)(int64_t)cell_get(r));
    return method_out;
}

static const char *ptrstr_string(const gcell *r)
{
    if (!r)
        return "nilptr";
    snprintf(method_out, sizeof method_out, "ptr%lld", (long long)(int64_t)cell_get(r));
    return method_out;
}

static const char *err_error(const gcell *r)
{
    const gstr *s = word_str(cell_get(r));
    snprintf(method_out, sizeof method_out, "err:%.*s", (int)gstr_len(s), gstr_ptr(s));
    return method_out;
}

static const char *both_error(const gcell *r)
{
    (void)r;
    return "both-error";
}

static const char *both_string(const gcell *r)
{
    (void)r;
    return "both-string";
}

static const char *gostr_gostring(const gcell *r)
{
    (void)r;
    return "GoStr!";
}

static void setup(void)
{
    main_thread = pthread_self();
    arena_init(&arena, 64 << 20);
    ck_assert_int_eq(types_init(&ts, &arena), 0);
    gtype **b = ts.basic;
    t_int = b[GK_INT], t_int8 = b[GK_INT8], t_int16 = b[GK_INT16], t_int32 = b[GK_INT32];
    t_int64 = b[GK_INT64], t_uint = b[GK_UINT], t_uint8 = b[GK_UINT8], t_uint16 = b[GK_UINT16];
    t_uint32 = b[GK_UINT32], t_uint64 = b[GK_UINT64], t_uintptr = b[GK_UINTPTR];
    t_f32 = b[GK_FLOAT32], t_f64 = b[GK_FLOAT64], t_c64 = b[GK_COMPLEX64];
    t_c128 = b[GK_COMPLEX128], t_bool = b[GK_BOOL], t_string = b[GK_STRING], t_any = ts.any_t;
    nmethods = 0;
    t_point = named("Point", mkstruct(2, "X", t_int, "Y", t_int));
    t_ppoint = types_pointer(&ts, t_point);
    t_str1 = named("Stringer1", t_int);
    method(t_str1, "String", 0, str1_string);
    t_pstr1 = types_pointer(&ts, t_str1);
    t_ptrstr = named("PtrStr", mkstruct(1, "N", t_int));
    method(t_ptrstr, "String", 1, ptrstr_string);
    t_pptrstr = types_pointer(&ts, t_ptrstr);
    t_err = named("Err", mkstruct(1, "Msg", t_string));
    method(t_err, "Error", 0, err_error);
    t_both = named("Both", t_int);
    method(t_both, "Error", 0, both_error);
    method(t_both, "String", 0, both_string);
    t_gostr = named("GoStr", t_int);
    method(t_gostr, "GoString", 0, gostr_gostring);
    t_inner = named("Inner", mkstruct(2, "A", t_int, "b", t_string));
    t_outer = named("Outer", mkstruct(6, "Name", t_string, "In", t_inner, "S", t_str1, "s", t_str1,
                                      "Any", t_any, "E", ts.error_t));
    t_embed = named("Embed", mkstruct(2, NULL, t_point, "Z", t_int));
    t_withs = named("WithS", mkstruct(1, NULL, t_str1));
    t_myint = named("MyInt", t_int);
    t_mystr = named("MyStr", t_string);
    t_bytes = types_slice(&ts, t_uint8);
    t_mybytes = named("Bytes", t_bytes);
    t_anon = mkstruct(2, "A", t_int, "B", t_string);
    atomic_store(&fatal_seen, 0);
}

static void teardown(void)
{
    types_free(&ts);
    arena_free(&arena);
    free_all();
}

/* ==== values ==== */

static uint64_t strw(const char *s)
{
    return (uint64_t)(uintptr_t)gor_str(G, s, (int64_t)strlen(s));
}

static uint64_t ptrw(const void *p)
{
    return (uint64_t)(uintptr_t)p;
}

#define NIL ((giface *)NULL)
static giface *box1(const gtype *t, uint64_t w)
{
    return gor_box1(G, t, w);
}
static giface *I(int64_t v)
{
    return box1(t_int, (uint64_t)v);
}
static giface *I8(int64_t v)
{
    return box1(t_int8, (uint64_t)(int64_t)(int8_t)v);
}
static giface *I16(int64_t v)
{
    return box1(t_int16, (uint64_t)(int64_t)(int16_t)v);
}
static giface *I32(int64_t v)
{
    return box1(t_int32, (uint64_t)(int64_t)(int32_t)v);
}
#define R I32
static giface *I64(int64_t v)
{
    return box1(t_int64, (uint64_t)v);
}
static giface *U(uint64_t v)
{
    return box1(t_uint, v);
}
static giface *U8(uint64_t v)
{
    return box1(t_uint8, (uint8_t)v);
}
static giface *U16(uint64_t v)
{
    return box1(t_uint16, (uint16_t)v);
}
static giface *U32(uint64_t v)
{
    return box1(t_uint32, (uint32_t)v);
}
static giface *U64(uint64_t v)
{
    return box1(t_uint64, v);
}
static giface *UP(uint64_t v)
{
    return box1(t_uintptr, v);
}
static giface *F64(double v)
{
    return box1(t_f64, f64_cell(v));
}
static giface *F32(double v)
{
    return box1(t_f32, f64_cell((double)(float)v));
}
static giface *B(int v)
{
    return box1(t_bool, v != 0);
}
static giface *S(const char *s)
{
    return box1(t_string, strw(s));
}
static giface *MYINT(int64_t v)
{
    return box1(t_myint, (uint64_t)v);
}
static giface *MYSTR(const char *s)
{
    return box1(t_mystr, strw(s));
}
static giface *STR1(int64_t v)
{
    return box1(t_str1, (uint64_t)v);
}
static giface *BOTH(int64_t v)
{
    return box1(t_both, (uint64_t)v);
}
static giface *GOSTR(int64_t v)
{
    return box1(t_gostr, (uint64_t)v);
}
static giface *ERR(const char *msg)
{
    return box1(t_err, strw(msg));
}
static giface *PTRSTR(int64_t n)
{
    return box1(t_ptrstr, (uint64_t)n);
}
static giface *PPTRSTR(int64_t n)
{
    gcell *w = gor_alloc(G, 1);
    cell_set(w, (uint64_t)n);
    return box1(t_pptrstr, ptrw(w));
}
#define NILPPTRSTR box1(t_pptrstr, 0)
#define NILPSTR1 box1(t_pstr1, 0)
#define NILPPOINT box1(t_ppoint, 0)
static giface *PSTR1(int64_t v)
{
    gcell *w = gor_alloc(G, 1);
    cell_set(w, (uint64_t)v);
    return box1(t_pstr1, ptrw(w));
}
static gcell *point_words(int64_t x, int64_t y)
{
    gcell *w = gor_alloc(G, 2);
    cell_set(&w[0], (uint64_t)x);
    cell_set(&w[1], (uint64_t)y);
    return w;
}
static giface *POINT(int64_t x, int64_t y)
{
    return gor_box(G, t_point, point_words(x, y));
}
static giface *PPOINT(int64_t x, int64_t y)
{
    return box1(t_ppoint, ptrw(point_words(x, y)));
}
static giface *INNER(int64_t a, const char *b)
{
    gcell *w = gor_alloc(G, 2);
    cell_set(&w[0], (uint64_t)a);
    cell_set(&w[1], strw(b));
    return gor_box(G, t_inner, w);
}
static giface *ANON(int64_t a, const char *b)
{
    gcell *w = gor_alloc(G, 2);
    cell_set(&w[0], (uint64_t)a);
    cell_set(&w[1], strw(b));
    return gor_box(G, t_anon, w);
}
static giface *EMBED(int64_t x, int64_t y, int64_t z)
{
    gcell *w = gor_alloc(G, 3);
    cell_set(&w[0], (uint64_t)x);
    cell_set(&w[1], (uint64_t)y);
    cell_set(&w[2], (uint64_t)z);
    return gor_box(G, t_embed, w);
}
static giface *WITHS(int64_t v)
{
    return box1(t_withs, (uint64_t)v);
}
/* Outer{name, Inner{a, b}, s, s2, any, err} */
static giface *OUTER(const char *name, int64_t a, const char *b, int64_t s, int64_t s2, giface *any,
                     giface *err)
{
    gcell *w = gor_alloc(G, t_outer->size);
    cell_set(&w[0], strw(name));
    cell_set(&w[1], (uint64_t)a);
    cell_set(&w[2], strw(b));
    cell_set(&w[3], (uint64_t)s);
    cell_set(&w[4], (uint64_t)s2);
    cell_set(&w[5], ptrw(any));
    cell_set(&w[6], ptrw(err));
    return gor_box(G, t_outer, w);
}
static gcell *complex_words(double re, double im)
{
    gcell *w = gor_alloc(G, 2);
    cell_set(&w[0], f64_cell(re));
    cell_set(&w[1], f64_cell(im));
    return w;
}
/* complex: one word pointing at (re, im) while types.c makes it one word
 * (see gvalue_complex) */
static giface *CPLX(double re, double im)
{
    if (t_c128->size >= 2)
        return gor_box(G, t_c128, complex_words(re, im));
    return box1(t_c128, ptrw(complex_words(re, im)));
}
static giface *CPLX64(double re, double im)
{
    re = (float)re;
    im = (float)im;
    if (t_c64->size >= 2)
        return gor_box(G, t_c64, complex_words(re, im));
    return box1(t_c64, ptrw(complex_words(re, im)));
}

static gslice *mkslice(const gtype *elem, int64_t n)
{
    gslice *s = gor_alloc_bytes(G, (int64_t)sizeof *s);
    s->base = gor_alloc(G, n * elem->size);
    s->len = s->cap = n;
    return s;
}

/* a slice of one-word elements: n words from ap */
static giface *vslice(const gtype *st, int n, va_list ap, int kind)
{
    gslice *s = mkslice(st->elem, n);
    for (int i = 0; i < n; i++) {
        uint64_t w;
        if (kind == 's')
            w = strw(va_arg(ap, const char *));
        else if (kind == 'p')
            w = ptrw(va_arg(ap, giface *));
        else
            w = (uint64_t)va_arg(ap, int);
        cell_set(&s->base[i], w);
    }
    return box1(st, ptrw(s));
}

#define SLICE_CTOR(NAME, TYPE, KIND)                                                               \
    static giface *NAME(int n, ...)                                                                \
    {                                                                                              \
        va_list ap;                                                                                \
        va_start(ap, n);                                                                           \
        giface *x = vslice(TYPE, n, ap, KIND);                                                     \
        va_end(ap);                                                                                \
        return x;                                                                                  \
    }
SLICE_CTOR(BYTES, t_bytes, 'i')
SLICE_CTOR(MYBYTES, t_mybytes, 'i')
SLICE_CTOR(INTS, types_slice(&ts, t_int), 'i')
SLICE_CTOR(STR1S, types_slice(&ts, t_str1), 'i')
SLICE_CTOR(PTRSTRS, types_slice(&ts, t_ptrstr), 'i')
SLICE_CTOR(STRS, types_slice(&ts, t_string), 's')
SLICE_CTOR(ANYS, types_slice(&ts, t_any), 'p')
static giface *floats(const gtype *st, int n, va_list ap, int f32)
{
    gslice *s = mkslice(st->elem, n);
    for (int i = 0; i < n; i++) {
        double d = va_arg(ap, double);
        cell_set(&s->base[i], f64_cell(f32 ? (double)(float)d : d));
    }
    return box1(st, ptrw(s));
}
static giface *F64S(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    giface *x = floats(types_slice(&ts, t_f64), n, ap, 0);
    va_end(ap);
    return x;
}
static giface *F32S(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    giface *x = floats(types_slice(&ts, t_f32), n, ap, 1);
    va_end(ap);
    return x;
}
/* struct{ B []byte } */
static giface *WITHBYTES(int n, ...)
{
    va_list ap;
    va_start(ap, n);
    giface *b = vslice(t_bytes, n, ap, 'i');
    va_end(ap);
    return gor_box(G, mkstruct(1, "B", t_bytes), b->v);
}
#define PPOINT0 box1(types_pointer(&ts, t_int), 0)
#define BYTESTR1 STR1S
#define NILBYTES box1(t_bytes, 0)
#define NILINTS box1(types_slice(&ts, t_int), 0)
#define NILMAPPTR box1(types_pointer(&ts, types_map(&ts, t_string, t_int)), 0)

static giface *arr3(gtype *elem, int64_t a, int64_t b, int64_t c)
{
    gcell *w = gor_alloc(G, 3);
    cell_set(&w[0], (uint64_t)a);
    cell_set(&w[1], (uint64_t)b);
    cell_set(&w[2], (uint64_t)c);
    return gor_box(G, types_array(&ts, elem, 3), w);
}
static giface *BARR3(int a, int b, int c)
{
    return arr3(t_uint8, a, b, c);
}
static giface *IARR3(int a, int b, int c)
{
    return arr3(t_int, a, b, c);
}
static giface *S1ARR(int a, int b)
{
    gcell *w = gor_alloc(G, 2);
    cell_set(&w[0], (uint64_t)a);
    cell_set(&w[1], (uint64_t)b);
    return gor_box(G, types_array(&ts, t_str1, 2), w);
}
/* []Point from n pairs */
static giface *POINTS(int n, ...)
{
    gslice *s = mkslice(t_point, n);
    va_list ap;
    va_start(ap, n);
    for (int i = 0; i < 2 * n; i++)
        cell_set(&s->base[i], (uint64_t)va_arg(ap, int));
    va_end(ap);
    return box1(types_slice(&ts, t_point), ptrw(s));
}
/* [][]int{{1}, {2, 3}} */
static giface *INTSS(void)
{
    gtype *si = types_slice(&ts, t_int);
    gslice *a = mkslice(t_int, 1), *b = mkslice(t_int, 2), *s = mkslice(si, 2);
    cell_set(&a->base[0], 1);
    cell_set(&b->base[0], 2);
    cell_set(&b->base[1], 3);
    cell_set(&s->base[0], ptrw(a));
    cell_set(&s->base[1], ptrw(b));
    return box1(types_slice(&ts, si), ptrw(s));
}

/* maps: n key/value pairs read by get_key and get_val (one word each) */
typedef uint64_t (*word_reader)(va_list *ap);
static uint64_t rd_int(va_list *ap)
{
    return (uint64_t)va_arg(*ap, int);
}
static uint64_t rd_str(va_list *ap)
{
    return strw(va_arg(*ap, const char *));
}
static uint64_t rd_f64(va_list *ap)
{
    return f64_cell(va_arg(*ap, double));
}
static uint64_t rd_ptr(va_list *ap)
{
    return ptrw(va_arg(*ap, giface *));
}

static giface *vmap(gtype *k, gtype *v, int n, va_list *ap, word_reader rk, word_reader rv)
{
    gtype *mt = types_map(&ts, k, v);
    gmap *m = gmap_new(G, mt, n);
    for (int i = 0; i < n; i++) {
        gcell key[2];
        atomic_init(&key[0], rk(ap));
        if (k == t_point) /* a Point key: x then y */
            atomic_init(&key[1], rk(ap));
        gcell *val = gmap_assign(G, m, key);
        cell_set(val, rv(ap));
    }
    return box1(mt, ptrw(m));
}

#define MAP_CTOR(NAME, K, V, RK, RV)                                                               \
    static giface *NAME(int n, ...)                                                                \
    {                                                                                              \
        va_list ap;                                                                                \
        va_start(ap, n);                                                                           \
        giface *x = vmap(K, V, n, &ap, RK, RV);                                                    \
        va_end(ap);                                                                                \
        return x;                                                                                  \
    }
MAP_CTOR(MSI, t_string, t_int, rd_str, rd_int)
MAP_CTOR(MIS, t_int, t_string, rd_int, rd_str)
MAP_CTOR(MFS, t_f64, t_string, rd_f64, rd_str)
MAP_CTOR(MBI, t_bool, t_int, rd_int, rd_int)
MAP_CTOR(MPS, t_point, t_string, rd_int, rd_str)
MAP_CTOR(MAI, t_any, t_int, rd_ptr, rd_int)
MAP_CTOR(MSS1, t_string, t_str1, rd_str, rd_int)
MAP_CTOR(MS1I, t_str1, t_int, rd_int, rd_int)
#define NILMSI box1(types_map(&ts, t_string, t_int), 0)

/* ==== checking ==== */

static int failures;

static void check_out(int line, const char *what, gbuf *b, const char *want, size_t wlen)
{
    ck_assert_int_eq(b->failed, 0);
    if (b->len != wlen || memcmp(gbuf_cstr(b), want, wlen) != 0) {
        fprintf(stderr, "gofmt_cases.h:%d: %s\n   got: [%s]\n  want: [%.*s]\n", line, what,
                gbuf_cstr(b), (int)wlen, want);
        failures++;
    }
}

static void check_printf(int line, const char *f, size_t flen, const char *want, size_t wlen,
                         giface **args, int n)
{
    gbuf b = GBUF_INIT;
    fmt_sprintf(G, &b, f, flen, args, n, NULL);
    check_out(line, f, &b, want, wlen);
    gbuf_free(&b);
}

static void check_print(int line, int ln, const char *want, size_t wlen, giface **args, int n)
{
    gbuf b = GBUF_INIT;
    if (ln)
        fmt_sprintln(G, &b, args, n);
    else
        fmt_sprint(G, &b, args, n);
    check_out(line, ln ? "Sprintln" : "Sprint", &b, want, wlen);
    gbuf_free(&b);
}

static void check_errorf(int line, const char *f, const char *want, int index, giface **args, int n)
{
    gbuf b = GBUF_INIT;
    fmt_wrap w = {.enabled = 1, .index = 99};
    fmt_sprintf(G, &b, f, strlen(f), args, n, &w);
    check_out(line, f, &b, want, strlen(want));
    if (w.index != index) {
        fprintf(stderr, "gofmt_cases.h:%d: %s: wrapped %d, want %d\n", line, f, w.index, index);
        failures++;
    }
    gbuf_free(&b);
}

#define ARGS(...)                                                                                  \
    (giface *[]){__VA_ARGS__}, (int)(sizeof((giface *[]){__VA_ARGS__}) / sizeof(giface *))
#define CASE(f, want, ...)                                                                         \
    check_printf(__LINE__, f, sizeof f - 1, want, sizeof want - 1, ARGS(__VA_ARGS__))
#define CASE0(f, want) check_printf(__LINE__, f, sizeof f - 1, want, sizeof want - 1, NULL, 0)
#define CASE_SP(want, ...) check_print(__LINE__, 0, want, sizeof want - 1, ARGS(__VA_ARGS__))
#define CASE_LN(want, ...) check_print(__LINE__, 1, want, sizeof want - 1, ARGS(__VA_ARGS__))
#define CASE_LN0(want) check_print(__LINE__, 1, want, sizeof want - 1, NULL, 0)
#define CASE_ERRORF(f, want, index, ...) check_errorf(__LINE__, f, want, index, ARGS(__VA_ARGS__))

static void check_str(int line, const char *what, gbuf *b, const char *want)
{
    check_out(line, what, b, want, strlen(want));
    gbuf_reset(b);
}

static void check_quote(int line, const char *s, size_t n, const char *q, const char *qa,
                        const char *qg, int back)
{
    gbuf b = GBUF_INIT;
    numfmt_append_quote(&b, s, n);
    check_str(line, "Quote", &b, q);
    numfmt_append_quote_ascii(&b, s, n);
    check_str(line, "QuoteToASCII", &b, qa);
    numfmt_append_quote_graphic(&b, s, n);
    check_str(line, "QuoteToGraphic", &b, qg);
    if (numfmt_can_backquote(s, n) != back) {
        fprintf(stderr, "gofmt_cases.h:%d: CanBackquote\n", line);
        failures++;
    }
    gbuf_free(&b);
}

static void check_qrune(int line, int32_t r, const char *q, const char *qa, const char *qg)
{
    gbuf b = GBUF_INIT;
    numfmt_append_quote_rune(&b, r);
    check_str(line, "QuoteRune", &b, q);
    numfmt_append_quote_rune_ascii(&b, r);
    check_str(line, "QuoteRuneToASCII", &b, qa);
    numfmt_append_quote_rune_graphic(&b, r);
    check_str(line, "QuoteRuneToGraphic", &b, qg);
    gbuf_free(&b);
}

static void check_err(int line, const char *fn, const char *s, numfmt_err e, int arg,
                      const char *want)
{
    gbuf b = GBUF_INIT;
    if (e != NUMFMT_OK)
        numfmt_error_text(&b, fn, s, strlen(s), e, arg);
    check_str(line, fn, &b, want);
    gbuf_free(&b);
}

static void check_pfloat(int line, const char *s, int size, uint64_t bits, const char *err)
{
    double f;
    numfmt_err e = numfmt_parse_float(s, strlen(s), size, &f);
    uint64_t got = f64_cell(f), want = bits;
    if (f != f && cell_f64(want) != cell_f64(want))
        got = want; /* any NaN */
    if (got != want) {
        fprintf(stderr, "gofmt_cases.h:%d: ParseFloat(%s, %d) = %a, want %a\n", line, s, size, f,
                cell_f64(want));
        failures++;
    }
    check_err(line, "ParseFloat", s, e, size, err);
}

static void check_pint(int line, const char *s, int base, int size, int64_t v, const char *err)
{
    int64_t got;
    numfmt_err e = numfmt_parse_int(s, strlen(s), base, size, &got);
    if (got != v) {
        fprintf(stderr, "gofmt_cases.h:%d: ParseInt(%s) = %lld\n", line, s, (long long)got);
        failures++;
    }
    check_err(line, "ParseInt", s, e, e == NUMFMT_EBASE ? base : size, err);
}

static void check_puint(int line, const char *s, int base, int size, uint64_t v, const char *err)
{
    uint64_t got;
    numfmt_err e = numfmt_parse_uint(s, strlen(s), base, size, &got);
    if (got != v) {
        fprintf(stderr, "gofmt_cases.h:%d: ParseUint(%s) = %llu\n", line, s,
                (unsigned long long)got);
        failures++;
    }
    check_err(line, "ParseUint", s, e, e == NUMFMT_EBASE ? base : size, err);
}

static void check_atoi(int line, const char *s, int64_t v, const char *err)
{
    int64_t got;
    numfmt_err e = numfmt_atoi(s, strlen(s), &got);
    if (got != v) {
        fprintf(stderr, "gofmt_cases.h:%d: Atoi(%s) = %lld\n", line, s, (long long)got);
        failures++;
    }
    check_err(line, "Atoi", s, e, 0, err);
}

static void check_pbool(int line, const char *s, int v, const char *err)
{
    int got;
    numfmt_err e = numfmt_parse_bool(s, strlen(s), &got);
    if (got != v)
        failures++;
    check_err(line, "ParseBool", s, e, 0, err);
}

static void check_unquote(int line, const char *s, size_t n, const char *want, int ok)
{
    gbuf b = GBUF_INIT;
    numfmt_err e = numfmt_unquote(&b, s, n);
    if ((e == NUMFMT_OK) != ok) {
        fprintf(stderr, "gofmt_cases.h:%d: Unquote(%s) ok=%d\n", line, s, e == NUMFMT_OK);
        failures++;
    }
    check_str(line, "Unquote", &b, ok ? want : "");
    gbuf_free(&b);
}

static void check_fmtint(int line, int64_t v, uint64_t u, int is_signed, int base, const char *want)
{
    gbuf b = GBUF_INIT;
    if (is_signed)
        numfmt_append_int(&b, v, base);
    else
        numfmt_append_uint(&b, u, base);
    check_str(line, "FormatInt", &b, want);
    gbuf_free(&b);
}

static void check_isprint_all(int line, int np, int ng, uint64_t hash)
{
    int p = 0, g = 0;
    uint64_t h = 14695981039346656037ULL;
    for (int32_t r = 0; r <= NUMFMT_MAX_RUNE; r++) {
        int ip = numfmt_is_print(r), ig = numfmt_is_graphic(r);
        p += ip;
        g += ig;
        h ^= (uint64_t)(ip | ig << 1);
        h *= 1099511628211ULL;
    }
    if (p != np || g != ng || h != hash) {
        fprintf(stderr, "gofmt_cases.h:%d: IsPrint %d/%d IsGraphic %d/%d\n", line, p, np, g, ng);
        failures++;
    }
}

#define QUOTE(s, n, q, qa, qg, back) check_quote(__LINE__, s, n, q, qa, qg, back)
#define QRUNE(r, q, qa, qg) check_qrune(__LINE__, r, q, qa, qg)
#define PFLOAT(s, size, bits, err) check_pfloat(__LINE__, s, size, bits, err)
#define PINT(s, base, size, v, err) check_pint(__LINE__, s, base, size, v, err)
#define PUINT(s, base, size, v, err) check_puint(__LINE__, s, base, size, v, err)
#define ATOI(s, v, err) check_atoi(__LINE__, s, v, err)
#define PBOOL(s, v, err) check_pbool(__LINE__, s, v, err)
#define UNQUOTE(s, n, want, ok) check_unquote(__LINE__, s, n, want, ok)
#define FMTINT(v, base, want) check_fmtint(__LINE__, v, 0, 1, base, want)
#define FMTUINT(v, base, want) check_fmtint(__LINE__, 0, v, 0, base, want)
#define ISPRINT_ALL(np, ng, h) check_isprint_all(__LINE__, np, ng, h)

START_TEST(go_cases)
{
    failures = 0;
#include "gofmt_cases.h"
    ck_assert_int_eq(failures, 0);
}
END_TEST

/* ==== FormatFloat against Go's table ==== */

START_TEST(ftoa_table)
{
    FILE *f = fopen(GOFMT_DATA "/go_ftoa.txt", "r");
    ck_assert_ptr_nonnull(f);
    char line[2048], want[1600];
    int n = 0, bad = 0;
    gbuf b = GBUF_INIT;
    while (fgets(line, sizeof line, f)) {
        unsigned long long bits;
        char fm;
        int prec, size;
        if (sscanf(line, "%llx %c %d %d %1599s", &bits, &fm, &prec, &size, want) != 5)
            continue;
        gbuf_reset(&b);
        numfmt_append_float(&b, cell_f64(bits), fm, prec, size);
        n++;
        if (strcmp(gbuf_cstr(&b), want) != 0 && bad++ < 10)
            fprintf(stderr, "ftoa: %s got %s\n", line, gbuf_cstr(&b));
    }
    fclose(f);
    gbuf_free(&b);
    ck_assert_int_ge(n, 3000);
    ck_assert_int_eq(bad, 0);
}
END_TEST

/* Shortest formatting reads back: random doubles and floats round-trip
 * through numfmt_parse_float. */
START_TEST(ftoa_roundtrip)
{
    uint64_t x = 88172645463325252ULL;
    gbuf b = GBUF_INIT;
    for (int i = 0; i < 20000; i++) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        double d = cell_f64(x);
        int size = i % 2 ? 32 : 64;
        if (size == 32)
            d = (float)cell_f64((x & 0x8fffffffffffffffULL) | 0x3000000000000000ULL);
        if (isnan(d) || isinf(d))
            continue;
        gbuf_reset(&b);
        numfmt_append_float(&b, d, "egf"[i % 3], -1, size);
        double back;
        REQUIRE(numfmt_parse_float(b.p, b.len, size, &back) == NUMFMT_OK);
        REQUIRE(back == d && signbit(back) == signbit(d));
    }
    gbuf_free(&b);
}
END_TEST

/* ==== what Go cannot tell us exactly: addresses ==== */

static int is_hex_addr(const char *s, size_t n)
{
    if (n < 3 || s[0] != '0' || s[1] != 'x')
        return 0;
    for (size_t i = 2; i < n; i++)
        if (!strchr("0123456789abcdef", s[i]))
            return 0;
    return 1;
}

static const char *sprintf1(gbuf *b, const char *f, giface *a)
{
    gbuf_reset(b);
    fmt_sprintf(G, b, f, strlen(f), &a, 1, NULL);
    return gbuf_cstr(b);
}

START_TEST(addresses)
{
    gbuf b = GBUF_INIT;
    giface *pp = PPOINT(1, 2);
    const gcell *target = (const gcell *)(uintptr_t)cell_get(pp->v);
    char want[64];
    snprintf(want, sizeof want, "0x%llx", (unsigned long long)(uintptr_t)target);
    ck_assert_str_eq(sprintf1(&b, "%p", pp), want);
    ck_assert_str_eq(sprintf1(&b, "%#p", pp), want + 2);
    snprintf(want, sizeof want, "[0x%llx]", (unsigned long long)(uintptr_t)target);
    ck_assert_str_eq(sprintf1(&b, "%v", ANYS(1, pp)), want); /* below the top: an address */
    snprintf(want, sizeof want, "%llu", (unsigned long long)(uintptr_t)target);
    ck_assert_str_eq(sprintf1(&b, "%d", box1(types_pointer(&ts, t_int), ptrw(target))), want);
    /* a slice's %p is its data pointer; a map's and a chan's their object */
    giface *s = INTS(2, 1, 2);
    const gslice *sl = (const gslice *)(uintptr_t)cell_get(s->v);
    snprintf(want, sizeof want, "0x%llx", (unsigned long long)(uintptr_t)sl->base);
    ck_assert_str_eq(sprintf1(&b, "%p", s), want);
    const char *m = sprintf1(&b, "%p", MSI(1, "a", 1));
    ck_assert(is_hex_addr(m, strlen(m)));
    gtype *ch = types_chan(&ts, t_int, 3);
    int dummy;
    m = sprintf1(&b, "%v", box1(ch, ptrw(&dummy)));
    ck_assert(is_hex_addr(m, strlen(m)));
    ck_assert_str_eq(sprintf1(&b, "%v", box1(ch, 0)), "<nil>");
    ck_assert_str_eq(sprintf1(&b, "%#v", box1(ch, 0)), "(chan int)(nil)");
    gtype *fn = types_func(&ts, NULL, 0, NULL, 0, 0);
    ck_assert_str_eq(sprintf1(&b, "%v", box1(fn, 0)), "<nil>");
    m = sprintf1(&b, "%v", box1(fn, ptrw(&dummy)));
    ck_assert(is_hex_addr(m, strlen(m)));
    ck_assert_str_eq(sprintf1(&b, "%T", box1(fn, 0)), "func()");
    ck_assert_str_eq(sprintf1(&b, "%p", I(3)), "%!p(int=3)");
    ck_assert_str_eq(sprintf1(&b, "%#v", box1(types_pointer(&ts, t_int), 0)), "(*int)(nil)");
    gbuf_free(&b);
}
END_TEST

/* fmt_value: one value of a static type, with flags (an interface type
 * prints its dynamic value). */
START_TEST(value_entry)
{
    gbuf b = GBUF_INIT;
    gcell w;
    atomic_init(&w, (uint64_t)42);
    fmt_flags f = {.wid = 6, .wid_present = 1, .zero = 1};
    fmt_value(G, &b, t_int, &w, 'd', &f);
    ck_assert_str_eq(gbuf_cstr(&b), "000042");
    gbuf_reset(&b);
    atomic_init(&w, ptrw(STR1(7)));
    fmt_value(G, &b, t_any, &w, 'v', NULL);
    ck_assert_str_eq(gbuf_cstr(&b), "S<7>");
    gbuf_reset(&b);
    atomic_init(&w, 0);
    fmt_value(G, &b, ts.error_t, &w, 'v', NULL);
    ck_assert_str_eq(gbuf_cstr(&b), "<nil>");
    gbuf_free(&b);
}
END_TEST

/* A String method is called once per value printed, and not at all for
 * verbs that do not use it. */
START_TEST(method_calls_counted)
{
    gbuf b = GBUF_INIT;
    atomic_store(&method_calls, 0);
    sprintf1(&b, "%d", STR1S(3, 1, 2, 3));
    ck_assert_int_eq(atomic_load(&method_calls), 0);
    sprintf1(&b, "%v", STR1S(3, 1, 2, 3));
    ck_assert_int_eq(atomic_load(&method_calls), 3);
    sprintf1(&b, "%v", OUTER("n", 1, "b", 2, 3, STR1(1), NULL)); /* S and Any, not s */
    ck_assert_int_eq(atomic_load(&method_calls), 5);
    gbuf_free(&b);
}
END_TEST

/* A slice that holds itself: Go's fmt recurses until the stack overflows
 * (a fatal error); so do we, within a bounded C stack. */
START_TEST(cyclic_value_is_fatal)
{
    gtype *st = types_slice(&ts, t_any);
    gslice *s = mkslice(t_any, 1);
    giface *self = box1(st, ptrw(s));
    cell_set(&s->base[0], ptrw(self));
    gbuf b = GBUF_INIT;
    EXPECT_PANIC("fatal error: stack overflow", sprintf1(&b, "%v", self));
    gbuf_free(&b);
}
END_TEST

/* ==== maps ==== */

static gmap *new_map(gtype *k, gtype *v, int64_t hint)
{
    return gmap_new(G, types_map(&ts, k, v), hint);
}

static gcell *word_key(gcell *k, uint64_t w)
{
    atomic_init(k, w);
    return k;
}

START_TEST(map_int_100k)
{
    enum { N = 100000 };
    gmap *m = new_map(t_int, t_int, 0);
    gcell k;
    ck_assert_int_eq(gmap_len(NULL), 0);
    REQUIRE((gmap_lookup(G, NULL, word_key(&k, 1))) == NULL);
    gmap_delete(G, NULL, &k); /* no effect on nil */
    for (int64_t i = 0; i < N; i++)
        cell_set(gmap_assign(G, m, word_key(&k, (uint64_t)(i * 7919 - N))), (uint64_t)i);
    ck_assert_int_eq(gmap_len(m), N);
    for (int64_t i = 0; i < N; i++) {
        gcell *v = gmap_lookup(G, m, word_key(&k, (uint64_t)(i * 7919 - N)));
        REQUIRE((v) != NULL);
        REQUIRE(((int64_t)cell_get(v)) == (i));
    }
    REQUIRE((gmap_lookup(G, m, word_key(&k, 1))) == NULL);
    /* assign to a present key: the same words */
    gcell *v1 = gmap_assign(G, m, word_key(&k, (uint64_t)-N));
    ck_assert_ptr_eq(v1, gmap_lookup(G, m, &k));
    ck_assert_int_eq(gmap_len(m), N);
    for (int64_t i = 0; i < N; i += 2)
        gmap_delete(G, m, word_key(&k, (uint64_t)(i * 7919 - N)));
    ck_assert_int_eq(gmap_len(m), N / 2);
    for (int64_t i = 0; i < N; i++) {
        gcell *v = gmap_lookup(G, m, word_key(&k, (uint64_t)(i * 7919 - N)));
        REQUIRE(i % 2 ? v != NULL : v == NULL);
    }
    /* iteration: every live entry once, in insertion order */
    int64_t count = 0, last = -1;
    gcell *key, *val;
    for (int64_t pos = gmap_next(G, m, 0, &key, &val); pos >= 0;
         pos = gmap_next(G, m, pos, &key, &val)) {
        int64_t i = (int64_t)cell_get(val);
        REQUIRE((i % 2) == (1));
        REQUIRE((i) > (last));
        last = i;
        count++;
    }
    ck_assert_int_eq(count, N / 2);
    gmap_free(m);
}
END_TEST

/* Range while deleting: an entry deleted before it is reached is never
 * produced; entries inserted during the loop may be; deleting the
 * current entry is fine; every entry not deleted is produced once. */
START_TEST(map_iterate_while_deleting)
{
    enum { N = 100000 };
    gmap *m = new_map(t_int, t_int, 0);
    gcell k;
    for (int64_t i = 0; i < N; i++)
        cell_set(gmap_assign(G, m, word_key(&k, (uint64_t)i)), (uint64_t)i);
    char *seen = calloc(2 * N, 1);
    gcell *key, *val;
    int64_t produced = 0;
    for (int64_t pos = gmap_next(G, m, 0, &key, &val); pos >= 0;
         pos = gmap_next(G, m, pos, &key, &val)) {
        int64_t i = (int64_t)cell_get(key);
        REQUIRE((seen[i]) == (0));
        seen[i] = 1;
        produced++;
        if (i < N && i % 2 == 0 && i + 1 < N)
            gmap_delete(G, m, word_key(&k, (uint64_t)(i + 1))); /* not reached yet */
        if (i % 3 == 0)
            gmap_delete(G, m, word_key(&k, (uint64_t)i)); /* the current one */
        if (i < N && i % 1000 == 0)
            cell_set(gmap_assign(G, m, word_key(&k, (uint64_t)(N + i))), 0); /* new */
    }
    for (int64_t i = 1; i < N; i += 2)
        REQUIRE((seen[i]) == (0));
    for (int64_t i = 0; i < N; i += 2)
        REQUIRE((seen[i]) == (1));
    ck_assert_int_ge(produced, N / 2);
    free(seen);
    gmap_free(m);
}
END_TEST

static uint64_t key_str(int64_t i)
{
    char s[32];
    snprintf(s, sizeof s, "key-%lld", (long long)i);
    return strw(s);
}

START_TEST(map_string_keys)
{
    enum { N = 100000 };
    gmap *m = new_map(t_string, t_int, 16);
    gcell k;
    for (int64_t i = 0; i < N; i++)
        cell_set(gmap_assign(G, m, word_key(&k, key_str(i))), (uint64_t)i);
    ck_assert_int_eq(gmap_len(m), N);
    /* content, not pointer: a fresh copy of the bytes finds the entry */
    for (int64_t i = 0; i < N; i += 7) {
        gcell *v = gmap_lookup(G, m, word_key(&k, key_str(i)));
        REQUIRE((v) != NULL);
        REQUIRE(((int64_t)cell_get(v)) == (i));
    }
    /* "" is NULL or an empty gstr: equal either way */
    cell_set(gmap_assign(G, m, word_key(&k, 0)), 5);
    ck_assert_int_eq((int64_t)cell_get(gmap_lookup(G, m, word_key(&k, strw("")))), 5);
    for (int64_t i = 0; i < N; i++)
        gmap_delete(G, m, word_key(&k, key_str(i)));
    ck_assert_int_eq(gmap_len(m), 1);
    /* reuse after deletes: the map still works and stays small */
    for (int64_t i = 0; i < N; i++)
        cell_set(gmap_assign(G, m, word_key(&k, key_str(i))), (uint64_t)i);
    ck_assert_int_eq(gmap_len(m), N + 1);
    gmap_free(m);
}
END_TEST

START_TEST(map_struct_and_interface_keys)
{
    enum { N = 100000 };
    /* struct{X, Y int} keys */
    gmap *m = new_map(t_point, t_string, 0);
    for (int64_t i = 0; i < N; i++)
        cell_set(gmap_assign(G, m, point_words(i % 317, i / 317)), key_str(i));
    ck_assert_int_eq(gmap_len(m), N);
    for (int64_t i = 0; i < N; i += 11) {
        gcell *v = gmap_lookup(G, m, point_words(i % 317, i / 317));
        REQUIRE((v) != NULL);
        const gstr *s = word_str(cell_get(v));
        char want[32];
        snprintf(want, sizeof want, "key-%lld", (long long)i);
        REQUIRE((gstr_len(s)) == ((int64_t)strlen(want)));
        REQUIRE(memcmp(gstr_ptr(s), want, strlen(want)) == 0);
    }
    gmap_free(m);
    /* interface{} keys: by dynamic type, then value */
    gmap *a = new_map(t_any, t_int, 0);
    gcell k;
    for (int64_t i = 0; i < N; i++) {
        giface *x = i % 3 == 0 ? I(i) : i % 3 == 1 ? S(gstr_ptr(word_str(key_str(i)))) : I64(i);
        cell_set(gmap_assign(G, a, word_key(&k, ptrw(x))), (uint64_t)i);
    }
    ck_assert_int_eq(gmap_len(a), N);
    REQUIRE((gmap_lookup(G, a, word_key(&k, ptrw(I(3))))) != NULL);
    REQUIRE((gmap_lookup(G, a, word_key(&k, ptrw(I64(3))))) == NULL); /* int64(3) != int(3) */
    REQUIRE((gmap_lookup(G, a, word_key(&k, ptrw(MYINT(3))))) == NULL);
    REQUIRE((gmap_lookup(G, a, word_key(&k, ptrw(I64(5))))) != NULL);
    REQUIRE((gmap_lookup(G, a, word_key(&k, 0))) == NULL); /* nil */
    cell_set(gmap_assign(G, a, &k), 1);
    ck_assert_int_eq((int64_t)cell_get(gmap_lookup(G, a, word_key(&k, 0))), 1);
    ck_assert_int_eq(gmap_len(a), N + 1);
    gmap_free(a);
}
END_TEST

START_TEST(hash_and_equality_rules)
{
    gcell a, b;
    /* floats: +0 == -0 (one key), NaN != NaN (each a new key) */
    word_key(&a, f64_cell(0.0));
    word_key(&b, f64_cell(-0.0));
    REQUIRE(gvalue_equal(G, t_f64, &a, &b));
    REQUIRE(gvalue_hash(G, t_f64, &a) == gvalue_hash(G, t_f64, &b));
    word_key(&a, f64_cell(NAN));
    REQUIRE(!gvalue_equal(G, t_f64, &a, &a));
    gmap *m = new_map(t_f64, t_int, 0);
    for (int i = 0; i < 1000; i++)
        cell_set(gmap_assign(G, m, word_key(&a, f64_cell(NAN))), (uint64_t)i);
    ck_assert_int_eq(gmap_len(m), 1000);
    REQUIRE((gmap_lookup(G, m, &a)) == NULL);
    gmap_delete(G, m, &a); /* deletes nothing */
    ck_assert_int_eq(gmap_len(m), 1000);
    gmap_assign(G, m, word_key(&a, f64_cell(0.0)));
    gmap_assign(G, m, word_key(&a, f64_cell(-0.0)));
    ck_assert_int_eq(gmap_len(m), 1001);
    gmap_free(m);
    /* strings by content */
    word_key(&a, strw("abc"));
    word_key(&b, strw("abc"));
    REQUIRE(gvalue_equal(G, t_string, &a, &b));
    REQUIRE(gvalue_hash(G, t_string, &a) == gvalue_hash(G, t_string, &b));
    word_key(&b, strw("abd"));
    REQUIRE(!gvalue_equal(G, t_string, &a, &b));
    /* interfaces: type first (int 1 != int64 1), nil == nil only */
    word_key(&a, ptrw(I(1)));
    word_key(&b, ptrw(I64(1)));
    REQUIRE(!gvalue_equal(G, t_any, &a, &b));
    word_key(&b, ptrw(I(1)));
    REQUIRE(gvalue_equal(G, t_any, &a, &b));
    REQUIRE(gvalue_hash(G, t_any, &a) == gvalue_hash(G, t_any, &b));
    word_key(&b, 0);
    REQUIRE(!gvalue_equal(G, t_any, &a, &b));
    REQUIRE(gvalue_equal(G, t_any, &b, &b));
    /* structs: field by field, blank fields ignored */
    gfield f[2] = {{.name = "X", .type = t_int, .exported = 1}, {.name = "_", .type = t_int}};
    gtype *blank = types_struct(&ts, f, 2);
    gcell s1[2], s2[2];
    word_key(&s1[0], 1), word_key(&s1[1], 2), word_key(&s2[0], 1), word_key(&s2[1], 3);
    REQUIRE(gvalue_equal(G, blank, s1, s2));
    REQUIRE(gvalue_hash(G, blank, s1) == gvalue_hash(G, blank, s2));
    REQUIRE(!gvalue_equal(G, t_point, s1, s2));
    /* arrays */
    gtype *a2 = types_array(&ts, t_string, 2);
    gcell x[2], y[2];
    word_key(&x[0], strw("a")), word_key(&x[1], strw("b"));
    word_key(&y[0], strw("a")), word_key(&y[1], strw("b"));
    REQUIRE(gvalue_equal(G, a2, x, y));
    REQUIRE(gvalue_hash(G, a2, x) == gvalue_hash(G, a2, y));
}
END_TEST

START_TEST(unhashable_panics)
{
    gcell a, b;
    giface *sl = INTS(1, 1);
    word_key(&a, ptrw(sl));
    word_key(&b, ptrw(INTS(1, 1)));
    EXPECT_PANIC("runtime error: hash of unhashable type []int", gvalue_hash(G, t_any, &a));
    EXPECT_PANIC("runtime error: comparing uncomparable type []int",
                 gvalue_equal(G, t_any, &a, &b));
    /* different dynamic types compare unequal without a panic */
    word_key(&b, ptrw(I(1)));
    REQUIRE(!gvalue_equal(G, t_any, &a, &b));
    gmap *m = new_map(t_any, t_int, 0);
    EXPECT_PANIC("runtime error: hash of unhashable type []int", gmap_assign(G, m, &a));
    EXPECT_PANIC("runtime error: hash of unhashable type []int", gmap_lookup(G, m, &a));
    EXPECT_PANIC("runtime error: hash of unhashable type []int", gmap_delete(G, m, &a));
    /* the map is still usable after the panics (no lock or flag held) */
    cell_set(gmap_assign(G, m, &b), 9);
    ck_assert_int_eq((int64_t)cell_get(gmap_lookup(G, m, &b)), 9);
    /* a struct holding an interface holding a map: unhashable too */
    gtype *holder = mkstruct(1, "V", t_any);
    gcell h;
    word_key(&h, ptrw(MSI(0)));
    giface *hv = gor_box(G, holder, &h);
    word_key(&a, ptrw(hv));
    EXPECT_PANIC("runtime error: hash of unhashable type map[string]int", gmap_assign(G, m, &a));
    gmap_free(m);
}
END_TEST

/* Keys that come and go around a steady size: the deleted entries' words
 * and the positions are reused, so the map stops allocating. */
START_TEST(map_churn_bounded)
{
    gmap *m = new_map(t_int, t_string, 0);
    gcell k;
    for (int64_t i = 0; i < 1000; i++)
        cell_set(gmap_assign(G, m, word_key(&k, (uint64_t)i)), 0);
    for (int64_t i = 1000; i < 20000; i++) /* warm up: the arrays reach their size */
        gmap_assign(G, m, word_key(&k, (uint64_t)i)),
            gmap_delete(G, m, word_key(&k, (uint64_t)(i - 1000)));
    size_t before = nallocs;
    for (int64_t i = 20000; i < 500000; i++) {
        gmap_assign(G, m, word_key(&k, (uint64_t)i));
        gmap_delete(G, m, word_key(&k, (uint64_t)(i - 1000)));
    }
    ck_assert_int_eq(gmap_len(m), 1000);
    ck_assert_uint_le(nallocs - before, 4);
    for (int64_t i = 499000; i < 500000; i++)
        REQUIRE((gmap_lookup(G, m, word_key(&k, (uint64_t)i))) != NULL);
}
END_TEST

/* Threads that take turns (a mutex, as a Go program's sync.Mutex would)
 * never trip the concurrent-write check; the map ends whole. */
static gmap *shared_map;
static pthread_mutex_t go_mutex = PTHREAD_MUTEX_INITIALIZER;

static void *synced_writer(void *arg)
{
    int64_t base = (int64_t)(intptr_t)arg;
    gcell k;
    for (int64_t i = 0; i < 20000; i++) {
        pthread_mutex_lock(&go_mutex);
        cell_set(gmap_assign(G, shared_map, word_key(&k, (uint64_t)(base + i))), 1);
        if (i % 3 == 0)
            gmap_delete(G, shared_map, &k);
        pthread_mutex_unlock(&go_mutex);
    }
    return NULL;
}

START_TEST(map_synchronized_writers)
{
    shared_map = new_map(t_int, t_int, 0);
    pthread_t th[4];
    for (int i = 0; i < 4; i++)
        pthread_create(&th[i], NULL, synced_writer, (void *)(intptr_t)(i * 1000000));
    for (int i = 0; i < 4; i++)
        pthread_join(th[i], NULL);
    ck_assert_int_eq(atomic_load(&fatal_seen), 0);
    ck_assert_int_eq(gmap_len(shared_map), 4 * (20000 - 6667));
    gmap_free(shared_map);
}
END_TEST

/* Unsynchronized writers overlap sooner or later: Go's fatal error. */
static _Atomic int stop_racers;

static void *racy_writer(void *arg)
{
    int64_t base = (int64_t)(intptr_t)arg;
    gcell k;
    for (int64_t i = 0; !atomic_load(&stop_racers); i++) {
        gmap_assign(G, shared_map, word_key(&k, (uint64_t)(base + i % 100000)));
        if (i % 2)
            gmap_delete(G, shared_map, &k);
    }
    return NULL;
}

START_TEST(map_concurrent_writes_fatal)
{
    shared_map = new_map(t_int, t_int, 0);
    atomic_store(&stop_racers, 0);
    pthread_t th[2];
    for (int i = 0; i < 2; i++)
        pthread_create(&th[i], NULL, racy_writer, (void *)(intptr_t)(i * 1000000));
    for (int t = 0; t < 3000 && !atomic_load(&fatal_seen); t++)
        nanosleep(&(struct timespec){.tv_nsec = 10000000}, NULL);
    atomic_store(&stop_racers, 1);
    for (int i = 0; i < 2; i++)
        pthread_join(th[i], NULL);
    ck_assert_int_eq(atomic_load(&fatal_seen), 1);
    ck_assert_str_eq(fatal_msg, "fatal error: concurrent map writes");
}
END_TEST

/* ==== gbuf ==== */

START_TEST(gbuf_basics)
{
    gbuf b = GBUF_INIT;
    ck_assert_str_eq(gbuf_cstr(&b), "");
    for (int i = 0; i < 10000; i++)
        gbuf_putc(&b, (char)('a' + i % 26));
    ck_assert_uint_eq(b.len, 10000);
    gbuf_fill(&b, '-', 3);
    gbuf_put_rune(&b, 0x263A);
    gbuf_put_rune(&b, 0xD800); /* a surrogate is U+FFFD */
    gbuf_put_rune(&b, 0x1F600);
    ck_assert_str_eq(gbuf_cstr(&b) + 10000, "---\342\230\272\357\277\275\360\237\230\200");
    gbuf_truncate(&b, 2);
    ck_assert_str_eq(gbuf_cstr(&b), "ab");
    gbuf_free(&b);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("gofmt");
    TCase *c = tcase_create("fmt");
    tcase_add_checked_fixture(c, setup, teardown);
    tcase_set_timeout(c, 120);
    tcase_add_test(c, go_cases);
    tcase_add_test(c, ftoa_table);
    tcase_add_test(c, ftoa_roundtrip);
    tcase_add_test(c, addresses);
    tcase_add_test(c, value_entry);
    tcase_add_test(c, method_calls_counted);
    tcase_add_test(c, gbuf_basics);
    tcase_add_test(c, cyclic_value_is_fatal);
    suite_add_tcase(s, c);
    TCase *m = tcase_create("gmap");
    tcase_add_checked_fixture(m, setup, teardown);
    tcase_set_timeout(m, 300);
    tcase_add_test(m, map_int_100k);
    tcase_add_test(m, map_iterate_while_deleting);
    tcase_add_test(m, map_string_keys);
    tcase_add_test(m, map_struct_and_interface_keys);
    tcase_add_test(m, hash_and_equality_rules);
    tcase_add_test(m, unhashable_panics);
    tcase_add_test(m, map_churn_bounded);
    tcase_add_test(m, map_synchronized_writers);
    tcase_add_test(m, map_concurrent_writes_fatal);
    suite_add_tcase(s, m);
    return s;
}
