/* headless.h - replays a recording without a screen: every event (--log=events)
 * or a summary. */
#ifndef PS_HEADLESS_H
#define PS_HEADLESS_H

#include <stdio.h>

#include "options.h"

/* Exit status: 0 if the recorded run is whole, 1 if not (or unreadable). */
int headless_run(const options *o, FILE *out);

#endif
