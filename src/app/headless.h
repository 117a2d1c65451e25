/* headless.h - runs a scenario without a screen and prints the lecture's lines. */
#ifndef PS_HEADLESS_H
#define PS_HEADLESS_H

#include <stdio.h>

#include "options.h"

/* Exit status: 0 if the scenario ran to its end, 1 if it failed to. */
int headless_run(const options *o, FILE *out);

#endif
