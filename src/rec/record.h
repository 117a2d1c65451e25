/* record.h - writes a run to a recording file, from the consumer's side.
 *
 * Format (docs/recording-format.md): a "poolscope-recording 3" line, the
 * program's path, --set values and source, an "events" line, one
 * event_format() line per event with "key" and "screen" lines among them,
 * and an "end N" line when the run closed.
 * Lines are buffered and flushed at least every RECORD_FLUSH_NS and at close,
 * so a recording cut short by a crash or a kill keeps every line up to its
 * last flush.  Only the consumer thread calls these (never a worker).
 *
 * A write that fails (full disk, I/O error) stops the recording, not the run:
 * record_event returns -1 once and record_error says why.
 */
#ifndef PS_RECORD_H
#define PS_RECORD_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"
#include "rt/scenario.h"

#define RECORD_MAGIC "poolscope-recording"
#define RECORD_VERSION_C 1 /* a C scenario's (parameters): no longer read */
/* 2: a Go program's path, --set values and source, then its events (read);
 * 3: the same with the lecture's clock on each event, the keys pressed and
 * the screen's size (written) */
#define RECORD_VERSION 3
#define RECORD_SOURCE_CHUNK 4000u  /* a source line's bytes a record ("+ " continues it) */
#define RECORD_FLUSH_NS 100000000u /* 100 ms */

typedef struct recorder recorder;

struct goprog;
/* Creates path and writes the header of a run of the Go program g: its
 * path, --set values and source (version 2), so a replay needs no file but
 * this one.  NULL with a message in err when the file cannot be created. */
recorder *record_open_go(const char *path, const struct goprog *g, char *err, size_t len);
/* Appends e.  0; -1 on the call where the recording stopped (then
 * record_error says why); later calls do nothing and return 0. */
int record_event(recorder *r, const ps_event *e);
/* A key the lecturer pressed, after the events recorded so far: name is one
 * word ("n", "space"); its time is the lecture clock, from the events'
 * (the recorder keeps their clock's origin).  Same returns as record_event. */
int record_key(recorder *r, const char *name);
/* The screen is cols x rows from here on (recorded when it changes). */
int record_screen(recorder *r, int cols, int rows);
/* Flushes if RECORD_FLUSH_NS passed since the last flush: call it when idle
 * too.  Same returns as record_event. */
int record_tick(recorder *r);
/* Writes the end line, flushes and closes; frees r.  0, or -1 if the
 * recording stopped (now or earlier), with record_error's text in err. */
int record_close(recorder *r, char *err, size_t len);
/* Why the recording stopped, or NULL while it goes on. */
const char *record_error(const recorder *r);

#endif
