/* trace.h - a run as Chrome Trace Event Format JSON (Perfetto, about:tracing).
 *
 * Built from the model fold, one event at a time, so it can follow a live
 * consumer loop or a replay alike (a replay's trace is the live run's).
 *
 * The clock (otherData "clock":"virtual+lecture"): each event's point is
 *   ts = vt_ns + the lecture time (wt_ns deltas) spent paused or in step
 *        mode before it,
 * so a running run reads on its virtual clock and a paused or stepped one,
 * whose virtual clock barely moves, on the lecture's: each step takes the
 * time it took on screen.  A run started with --step or --paused says so by
 * no event: its first event is the controller's (a run that runs publishes
 * its program's first), so the lecture time before that is held time too.
 * Each event owns a 4 ns slot from its point and the next starts no earlier
 * (ties of virtual time, or a thread's stamp earlier than the event before,
 * move on a slot): ts never goes back and no two slices of a track start
 * together.  An event without a lecture clock (wt_ns 0) counts its rt_ns.
 *
 * The layout (pid 1; tid actor + 1, named by 'M' thread_name at ts 0):
 *   - each goroutine a track; each state it leaves an 'X' slice from the
 *     point it began to the point it ended: "running" (cat run), "sleep",
 *     "job N", blocked time (queue send / recv, mutex wait, wg.Wait; cat
 *     blocked), with the virtual start and length in args.vt_ns, vt_dur_ns;
 *   - each operation (channel send, receive, close; WaitGroup Add, Done,
 *     Wait; Lock, Unlock; atomic and shared-variable loads, stores, adds)
 *     an 'X' slice of 2 ns, 1 ns after its point, inside its state's;
 *   - each hand-off an arrow: 's' and 'f' (bp "e") 2 ns after the point,
 *     inside the operation's slice, from a channel's k-th send to its k-th
 *     receive, from an Unlock to the Lock that waited for it, from the Done
 *     that brought a WaitGroup to zero to each Wait it ended;
 *   - channel depths, WaitGroup counts, atomics' and shared variables'
 *     values, mutex holders (W number, main 0, -1 free) and RWMutex readers
 *     and writer as 'C' counter tracks;
 *   - errors, cancellations, Go's fatal misuses, lecture lines, output
 *     lines and step points ("line N") as 'i' instants, 2 ns after the point;
 *   - the controller's track (tid 0x40000001): "paused" and "step mode"
 *     slices where the run was held, one "step W2" slice per step inside.
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
