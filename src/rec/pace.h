/* pace.h - which clock a replay and an export follow.
 *
 * A recording holds two clocks on every event (event.h): the virtual clock
 * (time.Sleep moves it; it stands still while the run is paused or stepped)
 * and the lecture clock (when the view showed the event: pauses, key presses
 * and the time spent on each step are in it).  A replay plays at the
 * lecture's pace by default, compressed to virtual time on request, or one
 * recorded step per key. */
#ifndef PS_PACE_H
#define PS_PACE_H

#include <string.h>

typedef enum ps_pace {
    PACE_LECTURE = 0, /* the lecture clock: as it was given */
    PACE_VIRTUAL,     /* the virtual clock: pauses and steps take no time */
    PACE_STEP         /* step mode: each key replays one recorded key's events */
} ps_pace;

/* "lecture", "virtual", "step" */
static inline const char *pace_name(ps_pace p)
{
    return p == PACE_VIRTUAL ? "virtual" : p == PACE_STEP ? "step" : "lecture";
}

/* The pace a name says, or -1. */
static inline int pace_parse(const char *s)
{
    for (int p = PACE_LECTURE; p <= PACE_STEP; p++)
        if (!strcmp(s, pace_name((ps_pace)p)))
            return p;
    return -1;
}

#endif
