/* logfmt.h - the lecture's own lines ("worker 1 started  job 1"), from events.
 *
 * The same text is printed headless, shown in the TUI's log panel and
 * replayed from recordings, so it is formatted in exactly one place.
 */
#ifndef PS_LOGFMT_H
#define PS_LOGFMT_H

#include <stddef.h>

#include "bus/event.h"
#include "rt/scenario.h"

/* 1 if e makes a lecture line under this layout. */
int logfmt_has_line(const ps_layout *l, const ps_event *e);
/* Formats e's lecture line into buf; returns its length, or 0 if none. */
size_t logfmt_line(const ps_layout *l, const ps_event *e, char *buf, size_t len);
/* Expands a template: %w worker number, %j job, %v value, %% percent. */
size_t logfmt_expand(const char *tmpl, const ps_event *e, char *buf, size_t len);

#endif
