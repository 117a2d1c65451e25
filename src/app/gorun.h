/* gorun.h - poolscope PROGRAM.go, headless: as `go run` (stdout is the
 * program's, stderr its errors, the exit status its own). */
#ifndef PS_GORUN_H
#define PS_GORUN_H

#include "options.h"

/* Runs o->go_path; returns the exit status. */
int gorun_headless(const options *o);

#endif
