/* lib_sync.c - packages sync and sync/atomic on the engine's primitives.
 *
 * A sync.Mutex, RWMutex or WaitGroup is a struct of one word that holds,
 * from its first use, a pointer to the engine object (made once: the
 * first compare-exchange wins, so its zero value works as in Go). */
#include "lib_natives.h"

#include <string.h>

#include "gort.h"
#include "gvars.h"
#include "rt/counter.h"
#include "rt/mutex.h"
#include "rt/rwmutex.h"
#include "rt/waitgroup.h"
#include "sync/lock.h"

/* 64-byte aligned memory from the goroutine's heap (the objects keep their
 * own cache lines). */
static void *sync_alloc(gor *g, size_t n)
{
    char *p = gor_alloc_bytes(g, (int64_t)(n + 64));
    return (void *)(((uintptr_t)p + 63) & ~(uintptr_t)63);
}

typedef enum { SO_MUTEX, SO_RWMUTEX, SO_WG, SO_COUNTER } sync_kind;

static void *sync_make(gor *g, sync_kind k)
{
    uint32_t id = gort_obj_id(g);
    switch (k) {
    case SO_MUTEX: {
        ps_mutex *m = sync_alloc(g, sizeof *m);
        mutex_init(m, id);
        return m;
    }
    case SO_RWMUTEX: {
        ps_rwmutex *m = sync_alloc(g, sizeof *m);
        rwmutex_init(m, id);
        return m;
    }
    case SO_WG: {
        ps_wg *w = sync_alloc(g, sizeof *w);
        wg_init(w, id);
        return w;
    }
    default: {
        ps_counter *c = sync_alloc(g, sizeof *c);
        counter_init(c, id, 0);
        return c;
    }
    }
}

static uint32_t sync_id(void *o, sync_kind k)
{
    switch (k) {
    case SO_MUTEX:
        return ((ps_mutex *)o)->obj;
    case SO_RWMUTEX:
        return ((ps_rwmutex *)o)->obj;
    case SO_WG:
        return ((ps_wg *)o)->obj;
    default:
        return ((ps_counter *)o)->obj;
    }
}

/* A sync value's first word holds, from its first use, a sync_home: the
 * engine object and the word it was made for.  A word that holds another
 * word's home is a copy (a WaitGroup passed by value, a struct with a
 * Mutex assigned): Go copies the state, so the copy gets an object of its
 * own, made from the original's state at the copy's first use (for a
 * WaitGroup its counter; a Mutex unlocked), where sharing the original's
 * let `go worker(wg)` run as if it were correct. */
typedef struct sync_home {
    void *obj;
    const gcell *home;
} sync_home;

static void announce(gor *g, void *obj, sync_kind k)
{
    /* made now, at its first use: the screen names it from this line */
    static const int kinds[] = {
        [SO_MUTEX] = PS_OBJ_MUTEX, [SO_RWMUTEX] = PS_OBJ_RWMUTEX, [SO_WG] = PS_OBJ_WG};
    if (k != SO_COUNTER)
        gort_object(g, sync_id(obj, k), kinds[k], 0, 0);
}

/* A new object for word; from is the original's object when word is a
 * copy of it. */
static sync_home *sync_home_new(gor *g, gcell *word, sync_kind k, void *from)
{
    sync_home *h = gor_alloc_bytes(g, sizeof *h);
    h->obj = sync_make(g, k);
    h->home = word;
    if (from && k == SO_WG) {
        ps_wg *src = from, *dst = h->obj;
        ps_lock_acquire(&src->mu);
        dst->count = src->count; /* dst is not shared yet */
        ps_lock_release(&src->mu);
    }
    /* a copied Mutex starts unlocked: the state it had when copied is not
     * known (the copy is seen at its first use), and copies are made of
     * unlocked ones (a value receiver, a struct assigned); a copy of a
     * locked one is the bug vet warns of */
    return h;
}

/* The engine object behind a sync value's first word. */
static void *sync_object(gor *g, gcell *word, sync_kind k)
{
    if (!word)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    for (;;) {
        /* acquire: the home another goroutine made is initialized */
        uint64_t p = atomic_load_explicit(word, memory_order_acquire);
        const sync_home *h = (const sync_home *)(uintptr_t)p;
        if (h && (h->home == word || k == SO_RWMUTEX || k == SO_COUNTER))
            return h->obj; /* (a copied RWMutex or counter still shares: not cloned) */
        sync_home *mine = sync_home_new(g, word, k, h ? h->obj : NULL);
        /* acq_rel: publishes mine, or acquires the winner's */
        if (atomic_compare_exchange_strong_explicit(word, &p, (uint64_t)(uintptr_t)mine,
                                                    memory_order_acq_rel, memory_order_acquire)) {
            announce(g, mine->obj, k);
            return mine->obj;
        }
        /* lost the race: mine stays unused; the word changed, look again */
    }
}

static gcell *sync_arg(const gcell *args)
{
    return (gcell *)(uintptr_t)cell_get(&args[0]);
}

static void sync_rc(gor *g, int rc)
{
    if (rc == PS_ESTOPPED)
        gor_stop_unwind(g);
}

static void mutex_lock_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gort_wait_begin(g, GW_SEMACQUIRE);
    int rc = mutex_lock(sync_object(g, sync_arg(args), SO_MUTEX), g->actor);
    gort_wait_end(g);
    sync_rc(g, rc);
}

static void mutex_unlock_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int rc = mutex_unlock(sync_object(g, sync_arg(args), SO_MUTEX), g->actor);
    sync_rc(g, rc);
    if (rc == PS_EUNLOCKED)
        gor_fatal(g, MUTEX_UNLOCKED_MSG);
}

static void rw_lock_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gort_wait_begin(g, GW_SEMACQUIRE);
    int rc = rwmutex_lock(sync_object(g, sync_arg(args), SO_RWMUTEX), g->actor);
    gort_wait_end(g);
    sync_rc(g, rc);
}

static void rw_rlock_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gort_wait_begin(g, GW_SEMACQUIRE);
    int rc = rwmutex_rlock(sync_object(g, sync_arg(args), SO_RWMUTEX), g->actor);
    gort_wait_end(g);
    sync_rc(g, rc);
}

static void rw_unlock_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int rc = rwmutex_unlock(sync_object(g, sync_arg(args), SO_RWMUTEX), g->actor);
    sync_rc(g, rc);
    if (rc == PS_EUNLOCKED)
        gor_fatal(g, "sync: Unlock of unlocked RWMutex");
}

static void rw_runlock_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int rc = rwmutex_runlock(sync_object(g, sync_arg(args), SO_RWMUTEX), g->actor);
    sync_rc(g, rc);
    if (rc == PS_EUNLOCKED)
        gor_fatal(g, "sync: RUnlock of unlocked RWMutex");
}

static void wg_add_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int rc = wg_add(sync_object(g, sync_arg(args), SO_WG), g->actor, (int64_t)cell_get(&args[1]));
    sync_rc(g, rc);
    if (rc == PS_ENEGATIVE)
        gor_panic_string(g, WG_NEGATIVE_MSG);
}

static void wg_done_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int rc = wg_done(sync_object(g, sync_arg(args), SO_WG), g->actor);
    sync_rc(g, rc);
    if (rc == PS_ENEGATIVE)
        gor_panic_string(g, WG_NEGATIVE_MSG);
}

static void wg_wait_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gort_wait_begin(g, GW_SEMACQUIRE);
    int rc = wg_wait(sync_object(g, sync_arg(args), SO_WG), g->actor);
    gort_wait_end(g);
    sync_rc(g, rc);
}

/* Once: {m *mutex; done uint32}: the fast path is an acquire load of done. */
static void once_do_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gcell *o = sync_arg(args);
    if (!o)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    if (cell_get(&o[1]))
        return;
    ps_mutex *m = sync_object(g, &o[0], SO_MUTEX);
    gort_wait_begin(g, GW_SEMACQUIRE);
    int rc = mutex_lock(m, g->actor);
    gort_wait_end(g);
    sync_rc(g, rc);
    if (!cell_get(&o[1])) {
        gcell none[1];
        /* done is set and the lock released even if f panics (Go's defers):
         * a recovered panic leaves a Once that is done, not one locked */
        gpanic *p = eval_call_catching(g, (gclosure *)(uintptr_t)cell_get(&args[1]), none, none);
        cell_set(&o[1], 1);
        if (p) {
            sync_rc(g, mutex_unlock(m, g->actor));
            eval_panic_again(g, p);
        }
    }
    sync_rc(g, mutex_unlock(m, g->actor));
}

/* ---- sync/atomic ---- */

/* The counter of the variable at addr: one per variable, made at its first
 * atomic operation (its lock orders the events with the word's
 * modification order; the screen names it from this line). */
static ps_counter *atomic_counter(gor *g, gcell *addr)
{
    return gvars_counter(g, addr, PS_OBJ_ATOMIC, 0, 0);
}

static counter_word atomic_word(gcell *addr, int bits, int sgn)
{
    return (counter_word){.at = addr, .bits = bits, .is_signed = sgn};
}

#define ATOMIC_FNS(NAME, BITS, SGN)                                                                \
    static void atomic_add_##NAME(gor *g, gcell *args, gcell *res)                                 \
    {                                                                                              \
        gcell *p = sync_arg(args);                                                                 \
        if (!p)                                                                                    \
            gor_panic_runtime(g, "invalid memory address or nil pointer dereference");             \
        int64_t out = 0;                                                                           \
        sync_rc(g, counter_add_at(atomic_counter(g, p), g->actor, atomic_word(p, BITS, SGN),       \
                                  (int64_t)cell_get(&args[1]), &out));                             \
        cell_set(&res[0], (uint64_t)out);                                                          \
    }                                                                                              \
    static void atomic_load_##NAME(gor *g, gcell *args, gcell *res)                                \
    {                                                                                              \
        gcell *p = sync_arg(args);                                                                 \
        if (!p)                                                                                    \
            gor_panic_runtime(g, "invalid memory address or nil pointer dereference");             \
        int64_t out = 0;                                                                           \
        sync_rc(g,                                                                                 \
                counter_load_at(atomic_counter(g, p), g->actor, atomic_word(p, BITS, SGN), &out)); \
        cell_set(&res[0], (uint64_t)out);                                                          \
    }                                                                                              \
    static void atomic_store_##NAME(gor *g, gcell *args, gcell *res)                               \
    {                                                                                              \
        (void)res;                                                                                 \
        gcell *p = sync_arg(args);                                                                 \
        if (!p)                                                                                    \
            gor_panic_runtime(g, "invalid memory address or nil pointer dereference");             \
        sync_rc(g, counter_store_at(atomic_counter(g, p), g->actor, atomic_word(p, BITS, SGN),     \
                                    (int64_t)cell_get(&args[1])));                                 \
    }                                                                                              \
    static void atomic_swap_##NAME(gor *g, gcell *args, gcell *res)                                \
    {                                                                                              \
        gcell *p = sync_arg(args);                                                                 \
        if (!p)                                                                                    \
            gor_panic_runtime(g, "invalid memory address or nil pointer dereference");             \
        int64_t old = 0;                                                                           \
        sync_rc(g, counter_swap_at(atomic_counter(g, p), g->actor, atomic_word(p, BITS, SGN),      \
                                   (int64_t)cell_get(&args[1]), &old));                            \
        cell_set(&res[0], (uint64_t)old);                                                          \
    }                                                                                              \
    static void atomic_cas_##NAME(gor *g, gcell *args, gcell *res)                                 \
    {                                                                                              \
        gcell *p = sync_arg(args);                                                                 \
        if (!p)                                                                                    \
            gor_panic_runtime(g, "invalid memory address or nil pointer dereference");             \
        int swapped = 0;                                                                           \
        sync_rc(g, counter_cas_at(atomic_counter(g, p), g->actor, atomic_word(p, BITS, SGN),       \
                                  (int64_t)cell_get(&args[1]), (int64_t)cell_get(&args[2]),        \
                                  &swapped));                                                      \
        cell_set(&res[0], (uint64_t)swapped);                                                      \
    }

ATOMIC_FNS(i32, 32, 1)
ATOMIC_FNS(i64, 64, 1)
ATOMIC_FNS(u32, 32, 0)
ATOMIC_FNS(u64, 64, 0)

/* ---- sync.Map: a map[any]any under a lock of its own ----
 *
 * Its word holds, from its first use, a smap (made once: the first
 * compare-exchange wins, as for a Mutex).  Every operation holds the lock,
 * so the map's own overlap check never fires; Range copies the entries
 * first and calls f without the lock, so f may use the map (Go's Range
 * is no consistent snapshot either). */
typedef struct smap {
    ps_lock mu;
    gmap *m;
} smap;

/* The object a lazily made value's word holds: made by make(g) at the
 * word's first use, the first compare-exchange winning (so its zero value
 * works, as Go's does). */
static void *word_object(gor *g, gcell *word, void *(*make)(gor *g))
{
    if (!word)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    /* acquire: the object another goroutine made is initialized */
    uint64_t p = atomic_load_explicit(word, memory_order_acquire);
    if (p)
        return (void *)(uintptr_t)p;
    void *mine = make(g);
    /* acq_rel: publishes mine, or acquires the winner's (mine stays unused) */
    if (atomic_compare_exchange_strong_explicit(word, &p, (uint64_t)(uintptr_t)mine,
                                                memory_order_acq_rel, memory_order_acquire))
        return mine;
    return (void *)(uintptr_t)p;
}

static void *smap_make(gor *g)
{
    smap *m = gor_alloc_bytes(g, sizeof *m);
    ps_lock_init(&m->mu);
    m->m = gmap_new(g, g->vm->t_any_map, 0);
    return m;
}

static smap *smap_of(gor *g, gcell *args)
{
    return word_object(g, sync_arg(args), smap_make);
}

/* Load, and LoadAndDelete (del): the value and whether it was there. */
static void map_load(gor *g, gcell *args, gcell *res, int del)
{
    smap *m = smap_of(g, args);
    ps_lock_acquire(&m->mu);
    gcell *v = gmap_lookup(g, m->m, &args[1]);
    cell_set(&res[0], v ? cell_get(v) : 0);
    cell_set(&res[1], v != NULL);
    if (v && del)
        gmap_delete(g, m->m, &args[1]);
    ps_lock_release(&m->mu);
}

static void map_load_native(gor *g, gcell *args, gcell *res)
{
    map_load(g, args, res, 0);
}

static void map_store_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    smap *m = smap_of(g, args);
    ps_lock_acquire(&m->mu);
    cell_set(gmap_assign(g, m->m, &args[1]), cell_get(&args[2]));
    ps_lock_release(&m->mu);
}

static void map_load_or_store_native(gor *g, gcell *args, gcell *res)
{
    smap *m = smap_of(g, args);
    ps_lock_acquire(&m->mu);
    gcell *v = gmap_lookup(g, m->m, &args[1]);
    if (v) {
        cell_set(&res[0], cell_get(v));
        cell_set(&res[1], 1);
    } else {
        cell_set(gmap_assign(g, m->m, &args[1]), cell_get(&args[2]));
        cell_set(&res[0], cell_get(&args[2]));
        cell_set(&res[1], 0);
    }
    ps_lock_release(&m->mu);
}

static void map_load_and_delete_native(gor *g, gcell *args, gcell *res)
{
    map_load(g, args, res, 1);
}

static void map_delete_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    smap *m = smap_of(g, args);
    ps_lock_acquire(&m->mu);
    gmap_delete(g, m->m, &args[1]);
    ps_lock_release(&m->mu);
}

static void map_range_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    smap *m = smap_of(g, args);
    gclosure *f = (gclosure *)(uintptr_t)cell_get(&args[1]);
    if (!f)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    ps_lock_acquire(&m->mu);
    int64_t n = gmap_len(m->m), k = 0;
    ps_lock_release(&m->mu);
    /* program memory (no GC), so a panic in f loses nothing that leaks */
    uint64_t *kv = gor_alloc_bytes(g, (n > 0 ? n : 1) * 2 * (int64_t)sizeof *kv);
    ps_lock_acquire(&m->mu);
    gcell *key, *val;
    for (int64_t pos = gmap_next(g, m->m, 0, &key, &val); pos >= 0 && k < n;
         pos = gmap_next(g, m->m, pos, &key, &val), k++) {
        kv[2 * k] = cell_get(key);
        kv[2 * k + 1] = cell_get(val);
    }
    ps_lock_release(&m->mu);
    for (int64_t i = 0; i < k; i++) {
        gcell a[2], more[1];
        cell_set(&a[0], kv[2 * i]);
        cell_set(&a[1], kv[2 * i + 1]);
        eval_call(g, f, a, more); /* without the lock: f may use the map */
        if (!cell_get(&more[0]))
            break;
    }
}

/* ---- atomic.Value: one interface word, loaded and stored atomically ---- */

static gcell *value_word(gor *g, gcell *args)
{
    gcell *v = sync_arg(args);
    if (!v)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return v;
}

/* A value to store: not nil, and of the type the first store gave. */
static void value_check(gor *g, gcell *word, uint64_t w)
{
    const giface *nv = (const giface *)(uintptr_t)w;
    if (!nv)
        gor_panic_string(g, "sync/atomic: store of nil value into Value");
    /* acquire: the boxed value another goroutine stored is visible */
    const giface *cur = (const giface *)(uintptr_t)atomic_load_explicit(word, memory_order_acquire);
    if (cur && cur->t != nv->t)
        gor_panic_string(g, "sync/atomic: store of inconsistently typed value into Value");
}

static void value_load_native(gor *g, gcell *args, gcell *res)
{
    /* acquire: pairs with the store's release, so the boxed words are seen */
    cell_set(&res[0], atomic_load_explicit(value_word(g, args), memory_order_acquire));
}

static void value_store_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gcell *word = value_word(g, args);
    value_check(g, word, cell_get(&args[1]));
    /* release: the box's words are written before the pointer is seen */
    atomic_store_explicit(word, cell_get(&args[1]), memory_order_release);
}

static void value_swap_native(gor *g, gcell *args, gcell *res)
{
    gcell *word = value_word(g, args);
    value_check(g, word, cell_get(&args[1]));
    /* acq_rel: publishes the new box, acquires the old one's words */
    cell_set(&res[0], atomic_exchange_explicit(word, cell_get(&args[1]), memory_order_acq_rel));
}

static void value_cas_native(gor *g, gcell *args, gcell *res)
{
    static const gtype any = {.kind = GK_INTERFACE};
    gcell *word = value_word(g, args);
    value_check(g, word, cell_get(&args[2]));
    for (;;) {
        /* acquire: to compare the current box's words */
        uint64_t cur = atomic_load_explicit(word, memory_order_acquire);
        gcell c[1];
        cell_set(&c[0], cur);
        if (!gvalue_equal(g, &any, c, &args[1])) {
            cell_set(&res[0], 0);
            return;
        }
        /* acq_rel: publishes the new box; a lost race reloads */
        if (atomic_compare_exchange_weak_explicit(word, &cur, cell_get(&args[2]),
                                                  memory_order_acq_rel, memory_order_acquire)) {
            cell_set(&res[0], 1);
            return;
        }
    }
}

/* ---- sync.Cond: L, and the waiters' channels in the order they came ----
 *
 * A Cond is {L Locker, c *cond}.  Wait adds the goroutine's own channel
 * (buffered 1, one per goroutine, made at its first Wait) to the list,
 * unlocks L, receives, and locks L again; Signal takes the first waiter
 * off the list and sends it a token, Broadcast every one.  A token is sent
 * only to a waiter taken off the list, so none is left over for a later
 * Wait.  The receive is a step point and a blocking wait like any other:
 * step mode and the deadlock check see a goroutine in Wait. */
typedef struct cond {
    ps_lock mu;
    gchan **w; /* under mu */
    int n, cap;
} cond;

enum { COND_L = 0, COND_C = 1 }; /* the Cond's words: L (an interface), c */

static void *cond_make(gor *g)
{
    cond *cv = gor_alloc_bytes(g, sizeof *cv);
    ps_lock_init(&cv->mu);
    return cv;
}

static cond *cond_of(gor *g, gcell *c)
{
    if (!c)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return word_object(g, &c[COND_C], cond_make);
}

static void cond_locker(gor *g, gcell *c, const char *method)
{
    const giface *l = (const giface *)(uintptr_t)cell_get(&c[COND_L]);
    if (!l)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    gcell none[1] = {0};
    if (!eval_call_method(g, l, method, none, 0, none))
        lib_unsupported(g, "a sync.Cond whose L has no Lock and Unlock");
}

static void new_cond_native(gor *g, gcell *args, gcell *res)
{
    gcell *c = gor_alloc(g, 2);
    cell_set(&c[COND_L], cell_get(&args[0]));
    cell_set(&res[0], (uint64_t)(uintptr_t)c);
}

static void cond_wait_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gcell *c = sync_arg(args);
    cond *cv = cond_of(g, c);
    if (!g->cond_ch)
        g->cond_ch = gort_chan_new(g, g->vm->prog->types.basic[GK_BOOL], 1);
    gchan *ch = g->cond_ch;
    ps_lock_acquire(&cv->mu);
    if (cv->n == cv->cap) {
        int cap = cv->cap ? cv->cap * 2 : 4;
        gchan **w = gor_alloc_bytes(g, (int64_t)cap * (int64_t)sizeof *w);
        if (cv->n)
            memcpy(w, cv->w, (size_t)cv->n * sizeof *w);
        cv->w = w;
        cv->cap = cap;
    }
    cv->w[cv->n++] = ch;
    ps_lock_release(&cv->mu);
    cond_locker(g, c, "Unlock");
    gcell tok[1];
    gort_chan_recv_as(g, ch, tok, GW_COND);
    cond_locker(g, c, "Lock");
}

/* Wakes the first waiter (all: every one). */
static void cond_wake(gor *g, gcell *args, int all)
{
    cond *cv = cond_of(g, sync_arg(args));
    for (;;) {
        ps_lock_acquire(&cv->mu);
        gchan *ch = NULL;
        if (cv->n) {
            ch = cv->w[0];
            memmove(cv->w, cv->w + 1, (size_t)(cv->n - 1) * sizeof *cv->w);
            cv->n--;
        }
        ps_lock_release(&cv->mu);
        if (!ch)
            return;
        gcell tok[1];
        cell_set(&tok[0], 1);
        gort_chan_send(g, ch, tok); /* buffered 1 and empty: it does not block */
        if (!all)
            return;
    }
}

static void cond_signal_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cond_wake(g, args, 0);
}

static void cond_broadcast_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    cond_wake(g, args, 1);
}

static void mutex_trylock_native(gor *g, gcell *args, gcell *res)
{
    int locked = 0;
    sync_rc(g, mutex_trylock(sync_object(g, sync_arg(args), SO_MUTEX), g->actor, &locked));
    cell_set(&res[0], (uint64_t)locked);
}

const golib_native lib_sync_natives[] = {
    {"*Mutex.TryLock", mutex_trylock_native},
    {"*Mutex.Lock", mutex_lock_native},
    {"*Mutex.Unlock", mutex_unlock_native},
    {"*RWMutex.Lock", rw_lock_native},
    {"*RWMutex.Unlock", rw_unlock_native},
    {"*RWMutex.RLock", rw_rlock_native},
    {"*RWMutex.RUnlock", rw_runlock_native},
    {"*WaitGroup.Add", wg_add_native},
    {"*WaitGroup.Done", wg_done_native},
    {"*WaitGroup.Wait", wg_wait_native},
    {"NewCond", new_cond_native},
    {"*Cond.Wait", cond_wait_native},
    {"*Cond.Signal", cond_signal_native},
    {"*Cond.Broadcast", cond_broadcast_native},
    {"*Map.Load", map_load_native},
    {"*Map.Store", map_store_native},
    {"*Map.LoadOrStore", map_load_or_store_native},
    {"*Map.LoadAndDelete", map_load_and_delete_native},
    {"*Map.Delete", map_delete_native},
    {"*Map.Range", map_range_native},
    {"*Once.Do", once_do_native},
    {NULL, NULL},
};

const golib_native lib_atomic_natives[] = {
    {"*Value.Load", value_load_native},
    {"*Value.Store", value_store_native},
    {"*Value.Swap", value_swap_native},
    {"*Value.CompareAndSwap", value_cas_native},
    {"AddInt32", atomic_add_i32},
    {"AddInt64", atomic_add_i64},
    {"AddUint32", atomic_add_u32},
    {"AddUint64", atomic_add_u64},
    {"LoadInt32", atomic_load_i32},
    {"LoadInt64", atomic_load_i64},
    {"LoadUint32", atomic_load_u32},
    {"LoadUint64", atomic_load_u64},
    {"StoreInt32", atomic_store_i32},
    {"StoreInt64", atomic_store_i64},
    {"StoreUint32", atomic_store_u32},
    {"StoreUint64", atomic_store_u64},
    {"SwapInt32", atomic_swap_i32},
    {"SwapInt64", atomic_swap_i64},
    {"CompareAndSwapInt32", atomic_cas_i32},
    {"CompareAndSwapInt64", atomic_cas_i64},
    {"SwapUint32", atomic_swap_u32},
    {"SwapUint64", atomic_swap_u64},
    {"CompareAndSwapUint32", atomic_cas_u32},
    {"CompareAndSwapUint64", atomic_cas_u64},
    /* the types' methods: the receiver's first word is the value */
    {"*Int32.Add", atomic_add_i32},
    {"*Int32.Load", atomic_load_i32},
    {"*Int32.Store", atomic_store_i32},
    {"*Int32.Swap", atomic_swap_i32},
    {"*Int32.CompareAndSwap", atomic_cas_i32},
    {"*Int64.Add", atomic_add_i64},
    {"*Int64.Load", atomic_load_i64},
    {"*Int64.Store", atomic_store_i64},
    {"*Int64.Swap", atomic_swap_i64},
    {"*Int64.CompareAndSwap", atomic_cas_i64},
    {"*Uint32.Add", atomic_add_u32},
    {"*Uint32.Load", atomic_load_u32},
    {"*Uint32.Store", atomic_store_u32},
    {"*Uint64.Add", atomic_add_u64},
    {"*Uint64.Load", atomic_load_u64},
    {"*Uint64.Store", atomic_store_u64},
    {"*Uint32.Swap", atomic_swap_u32},
    {"*Uint32.CompareAndSwap", atomic_cas_u32},
    {"*Uint64.Swap", atomic_swap_u64},
    {"*Uint64.CompareAndSwap", atomic_cas_u64},
    {"*Bool.Swap", atomic_swap_u32},
    {"*Bool.CompareAndSwap", atomic_cas_u32},
    {"*Bool.Load", atomic_load_u32},
    {"*Bool.Store", atomic_store_u32},
    {NULL, NULL},
};
