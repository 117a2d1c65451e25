/* trace.h - a run as Chrome Trace Event Format JSON (Perfetto, about:tracing).
 *
 * Built from the model fold, one event at a time, so it can follow a live
 * consumer loop or a replay alike:
 *   - one track per thread (pid 1, tid actor + 1), named by 'M' thread_name;
 *   - each state a thread leaves becomes an 'X' slice ending where the next
 *     begins: "job N" (cat job), "sleep" (cat sleep), and blocked time
 *     (queue send / recv, mutex wait, wg.Wait) in cat blocked;
 *   - each queue send / receive is a zero-length 'X' slice (cat queue) with
 *     a flow ('s' at the send, 'f' at the receive of the same item: a FIFO
 *     queue's k-th receive takes its k-th send);
 *   - queue depth, counter and WaitGroup values are 'C' counter tracks;
 *   - lecture lines, errors and cancellations are 'i' instant events.
 * Timestamps are virtual microseconds (the lecture's clock); every event
 * also carries its sequence number and real time in args.
 */
#ifndef PS_EXPORT_TRACE_H
#define PS_EXPORT_TRACE_H

#include <stddef.h>

#include "bus/event.h"
#include "rt/scenario.h"

typedef struct trace_writer trace_writer;

/* NULL with a message in err if path cannot be created. */
struct goprog;
/* prog: a Go program's run (its goroutines and objects named as the screen
 * names them), or NULL for a C scenario's. */
trace_writer *trace_open(const char *path, const ps_params *p, const ps_layout *l,
                         const struct goprog *prog, char *err, size_t len);
/* Events in sequence order. */
void trace_event(trace_writer *t, const ps_event *e);
/* Closes the open slices and the JSON; frees t.  0, or -1 with a message
 * (naming the file) when a write failed. */
int trace_close(trace_writer *t, char *err, size_t len);

#endif
