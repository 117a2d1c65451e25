/* run_prog.h - run.c's hooks into a program run's goroutines (run_prog.c);
 * the API is in run.h. */
#ifndef PS_RUN_PROG_H
#define PS_RUN_PROG_H

#include "run.h"

/* Joins every goroutine thread not joined yet; run_live(r) must be 0. */
void run_prog_join(ps_run *r);
void run_prog_free(ps_run *r);
void run_prog_set_quiet(ps_run *r, int quiet);

#endif
