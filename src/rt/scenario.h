/* scenario.h - what every view of a run reads about its scenario.
 *
 * A scenario is a Go program (scen/catalog.h); nothing about it is fixed in
 * C.  ps_params names the run and holds its speed; ps_layout says how many
 * goroutines the model keeps in detail.  The program's objects (channels,
 * WaitGroups, mutexes, atomics...) are found from its events, named by
 * the program (go/goprog.h), never listed here.
 */
#ifndef PS_SCENARIO_H
#define PS_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"

#define PS_NAME_LEN 32
#define PS_TITLE_LEN 96
#define PS_OBJ_NAME 16
#define PS_SPEED_MIN_MILLI 100    /* 0.1x */
#define PS_SPEED_MAX_MILLI 100000 /* 100x */

typedef struct ps_params {
    char name[PS_NAME_LEN];   /* the program's file name ("race.go") */
    char title[PS_TITLE_LEN]; /* as the header shows it */
    int64_t speed_milli;      /* initial speed, thousandths */
} ps_params;

typedef struct ps_layout {
    int workers; /* goroutines after main the model keeps in detail */
    int program; /* 1: a Go program's (its goroutines are lanes as they start) */
    /* the lecture's worker-pool diagram ("// poolscope: diagram worker-pool
     * jobs" in the program): the line where its job channel is made, 0 for
     * the generic diagram */
    uint32_t job_line;
} ps_layout;

#endif
