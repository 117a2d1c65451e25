/* gvars.c - a watched Go variable's counter by its address (see gvars.h).
 *
 * An open-addressing table under one lock.  Each goroutine keeps the last
 * address it looked up and its counter (gor.var_addr / var_counter, its own
 * thread's), so a loop over one variable takes the lock once. */
#include "gvars.h"

#include <stdlib.h>

#include "gort.h"
#include "sync/lock.h"

typedef struct gvar_slot {
    gcell *addr; /* NULL: empty */
    ps_counter *c;
} gvar_slot;

typedef struct gvars {
    ps_lock mu; /* guards everything below */
    size_t cap, n;
    gvar_slot *slots;
} gvars;

int gvars_init(gvm *vm)
{
    gvars *t = calloc(1, sizeof *t);
    if (!t)
        return -1;
    ps_lock_init(&t->mu);
    vm->vars = t;
    return 0;
}

void gvars_free(gvm *vm)
{
    gvars *t = vm->vars;
    if (!t)
        return;
    for (size_t i = 0; i < t->cap; i++)
        if (t->slots[i].addr)
            counter_destroy(t->slots[i].c), free(t->slots[i].c);
    free(t->slots);
    free(t);
    vm->vars = NULL;
}

static size_t gvars_hash(const gcell *addr, size_t cap)
{
    uint64_t h = (uint64_t)(uintptr_t)addr >> 3;
    h *= 0x9e3779b97f4a7c15ull; /* Fibonacci hashing: words 8 bytes apart spread */
    return (size_t)(h >> 32) & (cap - 1);
}

static gvar_slot *gvars_find(gvars *t, const gcell *addr)
{
    for (size_t i = gvars_hash(addr, t->cap);; i = (i + 1) & (t->cap - 1))
        if (t->slots[i].addr == addr || !t->slots[i].addr)
            return &t->slots[i];
}

/* Doubles the table (at half full): under t->mu.  0, or -1 out of memory. */
static int gvars_grow(gvars *t)
{
    size_t cap = t->cap ? t->cap * 2 : 64;
    gvar_slot *old = t->slots, *slots = calloc(cap, sizeof *slots);
    if (!slots)
        return -1;
    size_t old_cap = t->cap;
    t->slots = slots;
    t->cap = cap;
    for (size_t i = 0; i < old_cap; i++)
        if (old[i].addr)
            *gvars_find(t, old[i].addr) = old[i];
    free(old);
    return 0;
}

ps_counter *gvars_counter(gor *g, gcell *addr, int kind, int32_t line, int64_t where)
{
    if (g->var_addr == addr)
        return g->var_counter;
    gvars *t = g->vm->vars;
    ps_lock_acquire(&t->mu);
    gvar_slot *s = t->cap ? gvars_find(t, addr) : NULL;
    ps_counter *c = s && s->addr ? s->c : NULL;
    if (!c && (t->n + 1) * 2 > t->cap && gvars_grow(t) != 0) {
        ps_lock_release(&t->mu);
        gor_fatal(g, "out of memory");
    }
    if (!c) {
        s = gvars_find(t, addr);
        /* aligned: a ps_counter keeps its lock on a cache line of its own */
        c = aligned_alloc(64, (sizeof *c + 63) & ~(size_t)63);
        if (!c) {
            ps_lock_release(&t->mu);
            gor_fatal(g, "out of memory");
        }
        counter_init(c, gort_obj_id(g), 0);
        *s = (gvar_slot){.addr = addr, .c = c};
        t->n++;
        /* under the lock: no goroutine that finds the counter can publish
         * an operation on it before the object event that names it (the
         * event may wait for room on the bus; the consumer never takes
         * this lock, so the wait ends) */
        gort_object(g, c->obj, kind, where, line);
    }
    ps_lock_release(&t->mu);
    g->var_addr = addr;
    g->var_counter = c;
    return c;
}
