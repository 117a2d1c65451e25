#include "gmap.h"

#include <math.h>
#include <stdatomic.h>
#include <string.h>

#include "sync/lock.h"

/* ---- hashing ---- */

static uint64_t hash_mix(uint64_t h)
{
    /* murmur3's finalizer: every input bit reaches every output bit */
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdULL;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53ULL;
    h ^= h >> 33;
    return h;
}

static uint64_t hash_combine(uint64_t h, uint64_t part)
{
    return hash_mix(h ^ (part + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2)));
}

static uint64_t hash_bytes(const char *p, int64_t n)
{
    uint64_t h = hash_mix((uint64_t)n ^ 0x243f6a8885a308d3ULL);
    int64_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ hash_mix(w)) * 0x100000001b3ULL;
    }
    if (i < n) { /* the last 1..7 bytes in at most two fixed-size loads (wyhash's way) */
        const unsigned char *q = (const unsigned char *)p + i;
        size_t r = (size_t)(n - i);
        uint64_t w;
        if (r >= 4) {
            uint32_t lo, hi;
            memcpy(&lo, q, 4);
            memcpy(&hi, q + r - 4, 4);
            w = lo | (uint64_t)hi << 32;
        } else {
            w = q[0] | (uint64_t)q[r / 2] << 8 | (uint64_t)q[r - 1] << 16;
        }
        h = (h ^ hash_mix(w ^ r ^ 0xff00)) * 0x100000001b3ULL;
    }
    return hash_mix(h);
}

/* NaN keys: each hashes anew (Go uses a random hash), so a map of many
 * NaNs does not pile them all in one probe chain.  relaxed: the counter
 * only has to differ from call to call. */
static _Atomic uint64_t nan_counter;

static uint64_t hash_float(double d)
{
    if (d == 0)
        return hash_mix(0x5bd1e995); /* +0 and -0 */
    if (d != d)
        return hash_mix(atomic_fetch_add_explicit(&nan_counter, 1, memory_order_relaxed) ^
                        0x6a09e667f3bcc909ULL);
    return hash_mix(f64_cell(d));
}

_Noreturn static void gvalue_panic(struct gor *g, const char *what, const gtype *t)
{
    char name[256];
    types_format(t, name, sizeof name);
    gor_panic_runtime(g, "%s %s", what, name);
}

uint64_t gvalue_hash(struct gor *g, const gtype *t, const gcell *v)
{
    switch (t->kind) {
    case GK_FLOAT32:
    case GK_FLOAT64:
        return hash_float(cell_f64(cell_get(v)));
    case GK_COMPLEX64:
    case GK_COMPLEX128: {
        double re, im;
        gvalue_complex(t, v, &re, &im);
        return hash_combine(hash_float(re), hash_float(im));
    }
    case GK_STRING: {
        const gstr *s = word_str(cell_get(v));
        return hash_bytes(gstr_ptr(s), gstr_len(s));
    }
    case GK_INTERFACE: {
        const giface *x = (const giface *)(uintptr_t)cell_get(v);
        if (!x)
            return hash_mix(0x13198a2e03707344ULL);
        if (!x->t->comparable)
            gvalue_panic(g, "hash of unhashable type", x->t);
        return hash_combine(hash_mix(x->t->id), gvalue_hash(g, x->t, x->v));
    }
    case GK_ARRAY: {
        uint64_t h = hash_mix((uint64_t)t->len);
        for (int64_t i = 0; i < t->len; i++)
            h = hash_combine(h, gvalue_hash(g, t->elem, v + i * t->elem->size));
        return h;
    }
    case GK_STRUCT: {
        uint64_t h = hash_mix((uint64_t)t->nfields);
        for (int i = 0; i < t->nfields; i++) {
            const gfield *f = &t->fields[i];
            if (f->name && strcmp(f->name, "_") == 0)
                continue; /* blank fields take no part in == */
            h = hash_combine(h, gvalue_hash(g, f->type, v + f->offset));
        }
        return h;
    }
    case GK_SLICE:
    case GK_MAP:
    case GK_FUNC:
        gvalue_panic(g, "hash of unhashable type", t);
    default:
        /* bool, integers, pointers, channels: the word is the value */
        return hash_mix(cell_get(v) ^ 0xa4093822299f31d0ULL);
    }
}

static int str_equal(uint64_t wa, uint64_t wb)
{
    const gstr *a = word_str(wa), *b = word_str(wb);
    if (a == b)
        return 1;
    int64_t n = gstr_len(a);
    return n == gstr_len(b) && memcmp(gstr_ptr(a), gstr_ptr(b), (size_t)n) == 0;
}

int gvalue_equal(struct gor *g, const gtype *t, const gcell *a, const gcell *b)
{
    switch (t->kind) {
    case GK_FLOAT32:
    case GK_FLOAT64:
        return cell_f64(cell_get(a)) == cell_f64(cell_get(b));
    case GK_COMPLEX64:
    case GK_COMPLEX128: {
        double ar, ai, br, bi;
        gvalue_complex(t, a, &ar, &ai);
        gvalue_complex(t, b, &br, &bi);
        return ar == br && ai == bi;
    }
    case GK_STRING:
        return str_equal(cell_get(a), cell_get(b));
    case GK_INTERFACE: {
        const giface *x = (const giface *)(uintptr_t)cell_get(a);
        const giface *y = (const giface *)(uintptr_t)cell_get(b);
        if (!x || !y)
            return x == y;
        if (x->t != y->t)
            return 0;
        if (!x->t->comparable)
            gvalue_panic(g, "comparing uncomparable type", x->t);
        return gvalue_equal(g, x->t, x->v, y->v);
    }
    case GK_ARRAY:
        for (int64_t i = 0; i < t->len; i++)
            if (!gvalue_equal(g, t->elem, a + i * t->elem->size, b + i * t->elem->size))
                return 0;
        return 1;
    case GK_STRUCT:
        for (int i = 0; i < t->nfields; i++) {
            const gfield *f = &t->fields[i];
            if (f->name && strcmp(f->name, "_") == 0)
                continue;
            if (!gvalue_equal(g, f->type, a + f->offset, b + f->offset))
                return 0;
        }
        return 1;
    case GK_SLICE:
    case GK_MAP:
    case GK_FUNC:
        gvalue_panic(g, "comparing uncomparable type", t);
    default:
        return cell_get(a) == cell_get(b);
    }
}

/* complex64/128: types.h gives no layout yet.  Two inline words (real,
 * imaginary) when the type is two words; otherwise the one word points to
 * two such words (NULL: 0+0i). */
void gvalue_complex(const gtype *t, const gcell *v, double *re, double *im)
{
    const gcell *p = v;
    if (t->size < 2)
        p = (const gcell *)(uintptr_t)cell_get(v);
    *re = p ? cell_f64(cell_get(&p[0])) : 0;
    *im = p ? cell_f64(cell_get(&p[1])) : 0;
}

/* ---- the map ---- */

typedef struct gpos {
    uint64_t hash;
    uint64_t seq; /* insertion number: iteration order, never reused */
    gcell *e;     /* the key and value words; NULL once deleted */
} gpos;

struct gmap {
    const gtype *type;
    int32_t ksize, vsize;
    ps_lock lock;
    /* A writer's flag, raised (exchange) before it takes the lock and
     * lowered after it releases it: seen raised by another writer, reader
     * or iterator, the two overlapped in time, a data race Go reports as a
     * fatal error.  relaxed: the flag guards no data (the lock does); in a
     * program whose map use is synchronized, the Go-level happens-before
     * edge already orders the lowering before the next exchange, and
     * coherence makes that exchange read the lowered value. */
    _Atomic int writing;
    /* len(m): written under the lock, read by gmap_len without it.
     * relaxed: len is one number and orders nothing. */
    _Atomic int64_t count;
    /* under the lock: */
    gpos *pos; /* npos used (live and deleted), in seq order */
    int64_t npos, cap, ndeleted;
    uint32_t *index; /* pos index + 1, 0 empty; mask + 1 slots */
    uint64_t mask;
    uint64_t nextseq;
    gcell **spare; /* zeroed blocks of deleted entries, for reuse */
    int64_t nspare, capspare;
};

enum { GMAP_MIN_CAP = 8, GMAP_MAX_HINT = 1 << 20 };

gmap *gmap_new(struct gor *g, const gtype *map_type, int64_t hint)
{
    gmap *m = gor_alloc_bytes(g, (int64_t)sizeof *m);
    m->type = map_type;
    m->ksize = map_type->key->size;
    m->vsize = map_type->elem->size;
    ps_lock_init(&m->lock);
    atomic_init(&m->writing, 0);
    atomic_init(&m->count, 0);
    /* the first insertion allocates: remember the wanted room in cap */
    m->cap = hint > GMAP_MAX_HINT ? GMAP_MAX_HINT : hint > 0 ? hint : 0;
    return m;
}

int64_t gmap_len(const gmap *m)
{
    return m ? atomic_load_explicit(&((gmap *)m)->count, memory_order_relaxed) : 0;
}

static void gmap_write_begin(struct gor *g, gmap *m)
{
    if (atomic_exchange_explicit(&m->writing, 1, memory_order_relaxed))
        gor_fatal(g, "concurrent map writes");
    ps_lock_acquire(&m->lock);
}

static void gmap_write_end(gmap *m)
{
    ps_lock_release(&m->lock);
    atomic_store_explicit(&m->writing, 0, memory_order_relaxed);
}

static void gmap_read_begin(struct gor *g, gmap *m, const char *what)
{
    if (atomic_load_explicit(&m->writing, memory_order_relaxed))
        gor_fatal(g, what);
    ps_lock_acquire(&m->lock);
}

/* Under the lock: the position holding key (hash h), or NULL. */
static gpos *gmap_find(struct gor *g, gmap *m, uint64_t h, const gcell *key)
{
    if (!m->index)
        return NULL;
    const gtype *kt = m->type->key;
    /* a one-word key that is no float and no interface (whose NaNs are not
     * equal to themselves) is equal when its words are: the same string
     * header, the same integer, no call */
    int word_eq = m->ksize == 1 && kt->kind != GK_FLOAT32 && kt->kind != GK_FLOAT64 &&
                  kt->kind != GK_INTERFACE;
    uint64_t kw = word_eq ? cell_get(key) : 0;
    for (uint64_t i = h & m->mask;; i = (i + 1) & m->mask) {
        uint32_t slot = m->index[i];
        if (!slot)
            return NULL;
        gpos *p = &m->pos[slot - 1];
        if (!p->e || p->hash != h)
            continue;
        if (word_eq && cell_get(p->e) == kw)
            return p;
        /* equal keys never panic here: both were hashed, so comparable */
        if (gvalue_equal(g, kt, key, p->e))
            return p;
    }
}

static void index_put(gmap *m, uint64_t h, uint32_t slot)
{
    uint64_t i = h & m->mask;
    while (m->index[i])
        i = (i + 1) & m->mask;
    m->index[i] = slot;
}

/* Under the lock: room for one more position.  Deleted positions are
 * dropped in place first (order kept, so iterators are undisturbed); the
 * arrays double only when at least half the positions are live, so the
 * retired arrays (program memory, never freed) add up to less than the
 * live ones, and a map whose size stays put while keys come and go
 * allocates nothing more. */
static void gmap_make_room(struct gor *g, gmap *m)
{
    if (m->index && m->npos < m->cap)
        return;
    int64_t cap = m->cap < GMAP_MIN_CAP ? GMAP_MIN_CAP : m->cap;
    int grow = !m->index || m->ndeleted < m->npos / 2;
    if (m->index && grow)
        cap *= 2;
    if (cap > (int64_t)(UINT32_MAX / 4))
        gor_fatal(g, "runtime: map too large");
    gpos *pos = grow ? gor_alloc_bytes(g, cap * (int64_t)sizeof *pos) : m->pos;
    int64_t n = 0;
    for (int64_t i = 0; i < m->npos; i++)
        if (m->pos[i].e)
            pos[n++] = m->pos[i];
    uint64_t slots = 1;
    while (slots < (uint64_t)cap * 2)
        slots *= 2;
    if (grow)
        m->index = gor_alloc_bytes(g, (int64_t)(slots * sizeof *m->index));
    else
        memset(m->index, 0, slots * sizeof *m->index);
    m->pos = pos;
    m->npos = n;
    m->cap = cap;
    m->ndeleted = 0;
    m->mask = slots - 1;
    for (int64_t i = 0; i < n; i++)
        index_put(m, pos[i].hash, (uint32_t)(i + 1));
}

static gcell *gmap_block(struct gor *g, gmap *m)
{
    if (m->nspare)
        return m->spare[--m->nspare];
    int64_t n = m->ksize + m->vsize;
    return gor_alloc(g, n ? n : 1);
}

gcell *gmap_lookup(struct gor *g, gmap *m, const gcell *key)
{
    if (!m)
        return NULL;
    /* hash first, outside the lock: it may panic */
    uint64_t h = gvalue_hash(g, m->type->key, key);
    gmap_read_begin(g, m, "concurrent map read and map write");
    gpos *p = gmap_find(g, m, h, key);
    gcell *v = p ? p->e + m->ksize : NULL;
    ps_lock_release(&m->lock);
    return v;
}

gcell *gmap_assign(struct gor *g, gmap *m, const gcell *key)
{
    uint64_t h = gvalue_hash(g, m->type->key, key);
    gmap_write_begin(g, m);
    gpos *p = gmap_find(g, m, h, key);
    gcell *e;
    if (p) {
        e = p->e;
    } else {
        gmap_make_room(g, m);
        e = gmap_block(g, m);
        cells_copy(e, key, m->ksize);
        m->pos[m->npos] = (gpos){.hash = h, .seq = m->nextseq++, .e = e};
        m->npos++;
        index_put(m, h, (uint32_t)m->npos);
        atomic_store_explicit(&m->count, atomic_load_explicit(&m->count, memory_order_relaxed) + 1,
                              memory_order_relaxed);
    }
    gmap_write_end(m);
    return e + m->ksize;
}

static void gmap_keep_spare(struct gor *g, gmap *m, gcell *e)
{
    /* zeroed first: a racy reader still holding e sees valid words */
    cells_zero(e, m->ksize + m->vsize);
    if (m->nspare == m->capspare) {
        /* doubling: the retired stacks add up to less than the live one */
        int64_t cap = m->capspare ? m->capspare * 2 : 16;
        gcell **v = gor_alloc_bytes(g, cap * (int64_t)sizeof *v);
        if (m->nspare)
            memcpy(v, m->spare, (size_t)m->nspare * sizeof *v);
        m->spare = v;
        m->capspare = cap;
    }
    m->spare[m->nspare++] = e;
}

void gmap_delete(struct gor *g, gmap *m, const gcell *key)
{
    if (!m)
        return;
    uint64_t h = gvalue_hash(g, m->type->key, key);
    gmap_write_begin(g, m);
    gpos *p = gmap_find(g, m, h, key);
    if (p) {
        gcell *e = p->e;
        p->e = NULL;
        m->ndeleted++;
        atomic_store_explicit(&m->count, atomic_load_explicit(&m->count, memory_order_relaxed) - 1,
                              memory_order_relaxed);
        gmap_keep_spare(g, m, e);
    }
    gmap_write_end(m);
}

/* Under the lock: the first position whose seq is at least seq. */
static int64_t gmap_seek(const gmap *m, uint64_t seq)
{
    int64_t lo = 0, hi = m->npos;
    while (lo < hi) {
        int64_t mid = lo + (hi - lo) / 2;
        if (m->pos[mid].seq < seq)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

int64_t gmap_next(struct gor *g, gmap *m, int64_t pos, gcell **key, gcell **val)
{
    *key = *val = NULL;
    if (!m || pos < 0)
        return -1;
    gmap_read_begin(g, m, "concurrent map iteration and map write");
    int64_t next = -1;
    for (int64_t i = gmap_seek(m, (uint64_t)pos); i < m->npos; i++) {
        if (m->pos[i].e) {
            *key = m->pos[i].e;
            *val = m->pos[i].e + m->ksize;
            next = (int64_t)m->pos[i].seq + 1;
            break;
        }
    }
    ps_lock_release(&m->lock);
    return next;
}

void gmap_free(gmap *m)
{
    /* everything is program memory (gor_alloc): nothing of its own */
    (void)m;
}
