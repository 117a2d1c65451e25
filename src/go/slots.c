#include "slots.h"

#include "ast.h"
#include "xop.h"

static void slots_node(gnode *n)
{
    if (!n)
        return;
    if (n->xop == X_LOCAL && n->sym) {
        n->xop = n->sym->boxed ? X_SLOT_BOXED : X_SLOT;
        n->x = n->sym->slot;
    }
    /* a variable another goroutine shares: every read and write of it is
     * an observed load or store (a captured one is always boxed; a
     * package-level one is a global) */
    if ((n->xop == X_SLOT_BOXED || n->xop == X_CAPTURED || n->xop == X_GLOBAL) && n->sym &&
        n->sym->shared) {
        n->y = n->xop;
        n->xop = X_SHARED;
    }
    slots_node(n->a);
    slots_node(n->b);
    slots_node(n->c);
    slots_node(n->d);
    for (int i = 0; i < n->nlist; i++)
        slots_node(n->list[i]);
    for (int i = 0; i < n->nlist2; i++)
        slots_node(n->list2[i]);
}

static int slots_plain(const gfunc *fn)
{
    if (fn->has_defer || fn->native || !fn->body)
        return 0;
    for (int i = 0; i < fn->nparams; i++)
        if (fn->params[i] && fn->params[i]->boxed)
            return 0;
    for (int i = 0; i < fn->nresults; i++)
        if (fn->results[i] && fn->results[i]->boxed)
            return 0;
    return 1;
}

void slots_resolve(gprog *p)
{
    slots_node(p->file);
    for (gfunc *fn = p->funcs; fn; fn = fn->next_all)
        fn->plain = slots_plain(fn);
}
