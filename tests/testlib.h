/* testlib.h - helpers shared by the engine tests (a Go scenario's run:
 * gotest.h). */
#ifndef PS_TESTLIB_H
#define PS_TESTLIB_H

#include <stdlib.h>

/* Upper time bounds are multiplied by PS_TIME_SLACK (valgrind and the
 * sanitizers slow threads down); lower bounds are semantics and never move. */
static inline double test_slack(void)
{
    const char *s = getenv("PS_TIME_SLACK");
    double v = s ? atof(s) : 1.0;
    return v >= 1.0 ? v : 1.0;
}

#endif
