/* gorun.h - poolscope PROGRAM.go, headless: as `go run` (stdout is the
 * program's, stderr its errors, the exit status its own). */
#ifndef PS_GORUN_H
#define PS_GORUN_H

#include "options.h"

#include "rt/run.h"

/* Runs o->go_path; returns the exit status. */
int gorun_headless(const options *o);
/* The engine's options for a program run as o asks (headless or on screen). */
run_program_opts gorun_opts(const options *o);

#endif
