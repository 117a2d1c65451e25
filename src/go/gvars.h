/* gvars.h - the engine counter that watches one Go variable, found by the
 * variable's address.
 *
 * sync/atomic's operations on &x, and the loads and stores of a shared
 * variable (a go statement's function literal captures it: gsym.shared),
 * go through a ps_counter, so each publishes an event in the word's
 * modification order and is a step point.  The counter is made at the
 * variable's first watched use (or its declaration), with an object event
 * that names it on the screen: kind PS_OBJ_ATOMIC or PS_OBJ_VAR, the source
 * line, and "where" (a shared variable's declaration column, else 0).  The
 * run's memory is never reused before its end, so an address names one
 * variable for the whole run.
 */
#ifndef PS_GO_GVARS_H
#define PS_GO_GVARS_H

#include <stdint.h>

#include "eval.h"
#include "rt/counter.h"

/* The table of a run: made by eval_prepare, freed by vm_free.  0, or -1 out
 * of memory. */
int gvars_init(gvm *vm);
void gvars_free(gvm *vm);

/* The counter watching the word at addr (made now if it is its first use:
 * the object event comes from g, line 0 meaning g's current line). */
ps_counter *gvars_counter(gor *g, gcell *addr, int kind, int32_t line, int64_t where);

#endif
