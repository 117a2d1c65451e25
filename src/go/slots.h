/* slots.h - the last resolution pass: variable references to frame slots.
 *
 * The checker decides late which locals are boxed (a closure captures them,
 * or their address is taken), so it marks a local reference X_LOCAL and
 * leaves the box test to run time.  Once the whole file is checked, this
 * pass rewrites every X_LOCAL node to X_SLOT (the value is in the frame's
 * slot x) or X_SLOT_BOXED (slot x holds the box's address), so a variable
 * read is one load with no test of its symbol: Lua's and clox's registers.
 */
#ifndef PS_GO_SLOTS_H
#define PS_GO_SLOTS_H

#include "check.h"

/* Rewrites p's tree.  Single-threaded: before any goroutine starts. */
void slots_resolve(gprog *p);

#endif
