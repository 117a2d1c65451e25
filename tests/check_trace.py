#!/usr/bin/env python3
"""check_trace.py TRACE.json [WORKERS] [--step] [--run] - a Chrome trace
poolscope wrote (src/rec/trace.h) follows the Trace Event Format as Perfetto's
JSON importer reads it, and poolscope's own layout:

  schema   every record an object with ph (M X C i s f), pid, tid and ts (a
           number >= 0; 'M' records too, at 0), the fields its phase needs
           and of their types (dur >= 0, args objects, flow ids, metadata
           names), no array at a record's top level (Perfetto's tokenizer
           refuses one), no control characters in names;
  layout   on each track no two slices start at the same ts, slices nest
           (none half overlaps another), no instant at a slice's start,
           every slice and instant on a named track; every flow end has its
           start (same id, cat and name, not later) and each lies strictly
           inside a slice of its track (what it binds to);
  WORKERS  the worker pool: a track per worker (W1 worker(1)), sleep,
           blocked and queue slices, the job queue's counter, flows;
  --step   a step-mode run: the controller's "step mode" slice and one
           slice per step, the goroutines' slices spread out in time;
  --run    a run never paused or stepped: no held time.

No jsonschema module is assumed (python3's stdlib has none): the schema is
checked by hand.  Prints one line of numbers; exits 1 with the first fault.
"""
import bisect
import collections
import json
import math
import sys

PHASES = {"M", "X", "C", "i", "s", "f"}
META = {"process_name": "name", "thread_name": "name", "thread_sort_index": "sort_index"}


class Fault(Exception):
    pass


def need(cond, what, rec=None):
    if not cond:
        raise Fault(what + ("" if rec is None else ": %s" % json.dumps(rec)[:300]))


def is_num(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v)


def is_int(v):
    return isinstance(v, int) and not isinstance(v, bool)


def is_name(v):
    return isinstance(v, str) and v != "" and not any(ord(c) < 0x20 for c in v)


def check_meta(e):
    need(e["ts"] == 0, "a metadata record not at ts 0", e)
    need(e.get("name") in META, "unknown metadata name", e)
    args = e.get("args")
    need(isinstance(args, dict), "metadata without args", e)
    key = META[e["name"]]
    if key == "name":
        need(is_name(args.get("name")), "metadata name not a string", e)
    else:
        need(is_int(args.get(key)), "sort_index not an integer", e)


def check_record(e):
    """One record's schema: required keys and types per phase."""
    need(isinstance(e, dict), "a record is not an object", e)
    need(e.get("ph") in PHASES, "ph missing or unknown", e)
    for k in ("pid", "tid"):
        need(is_int(e.get(k)) and 0 <= e[k] < 2 ** 32, k + " missing or not a u32", e)
    need(is_num(e.get("ts")) and e["ts"] >= 0, "ts missing or negative", e)
    need(not any(isinstance(v, list) for v in e.values()), "an array at the top", e)
    if "args" in e:
        need(isinstance(e["args"], dict), "args not an object", e)
    ph = e["ph"]
    if ph == "M":
        check_meta(e)
        return
    need(is_name(e.get("name")), "name missing or not printable", e)
    if ph == "X":
        need(is_num(e.get("dur")) and e["dur"] >= 0, "X without dur >= 0", e)
        need(is_name(e.get("cat")), "X without cat", e)
    elif ph == "C":
        args = e.get("args")
        need(args and all(is_num(v) for v in args.values()), "C without numeric args", e)
    elif ph == "i":
        need(e.get("s", "t") in ("t", "p", "g"), "instant scope", e)
    else:  # s, f
        need(is_int(e.get("id")) and e["id"] > 0, "flow without an id", e)
        need(is_name(e.get("cat")), "flow without cat", e)
        if ph == "f":
            need(e.get("bp") == "e", "flow end not bound to its enclosing slice", e)


def check_top(doc):
    need(isinstance(doc, dict) and isinstance(doc.get("traceEvents"), list), "no traceEvents")
    need(doc.get("displayTimeUnit") in ("ms", "ns"), "displayTimeUnit")
    other = doc.get("otherData")
    need(isinstance(other, dict) and other.get("clock") == "virtual+lecture", "otherData.clock")
    for k in ("held_ns", "steps", "events"):
        need(is_int(other.get(k)) and other[k] >= 0, "otherData." + k)


def ns(x):
    """A ts in ns (the writer prints us to 3 decimals)."""
    return round(x * 1000)


def check_nesting(tid, xs):
    """xs: (start, end) of one track's slices, in ns.  Each slice begins at
    a ts of its own; each lies inside the one open around it, or after it."""
    starts = [s for s, _ in xs]
    dup = [s for s, n in collections.Counter(starts).items() if n > 1]
    need(not dup, "tid %d: two slices start at ts %s us" % (tid, dup[:1] and dup[0] / 1000))
    stack = []
    for s, end in sorted(xs):
        while stack and stack[-1] <= s:
            stack.pop()
        need(not stack or end <= stack[-1],
             "tid %d: slice [%d, %d] ns half overlaps one ending at %d" % (tid, s, end,
                                                                         stack[-1] if stack else 0))
        stack.append(end)


def inside(xs, starts, t):
    """Whether ns t lies strictly inside one of the (start, end) slices xs
    (sorted; starts: their starts): the last to start before t, as a rule."""
    i = bisect.bisect_left(starts, t) - 1
    return (i >= 0 and xs[i][1] > t) or any(s < t < end for s, end in xs[:max(i, 0)])


def check_layout(ev):
    names = {e["tid"] for e in ev if e["ph"] == "M" and e["name"] == "thread_name"}
    slices = collections.defaultdict(list)
    for e in ev:
        if e["ph"] in ("X", "i", "s", "f"):
            need(e["tid"] in names, "a record on an unnamed track", e)
        if e["ph"] == "X":
            slices[e["tid"]].append((ns(e["ts"]), ns(e["ts"]) + ns(e["dur"])))
    for tid, xs in slices.items():
        check_nesting(tid, xs)
        xs.sort()
    starts = {tid: [s for s, _ in xs] for tid, xs in slices.items()}
    start_sets = {tid: set(v) for tid, v in starts.items()}
    for e in ev:
        if e["ph"] == "i":
            need(ns(e["ts"]) not in start_sets.get(e["tid"], ()), "an instant at a slice's start",
                 e)
    begun = {}
    for e in sorted((e for e in ev if e["ph"] in "sf"), key=lambda e: (e["ts"], e["ph"] == "f")):
        need(inside(slices.get(e["tid"], []), starts.get(e["tid"], []), ns(e["ts"])),
             "a flow outside any slice", e)
        key = (e["id"], e["cat"], e["name"])
        if e["ph"] == "s":
            begun[key] = e["ts"]
        else:
            need(key in begun, "a flow end without its start", e)
    return slices


def check_pool(ev, workers):
    names = {e["tid"]: e["args"]["name"] for e in ev
             if e["ph"] == "M" and e["name"] == "thread_name"}
    want = ["main"] + ["W%d worker(%d)" % (w, w) for w in range(1, workers + 1)]
    need(all(n in names.values() for n in want), "thread names %s" % sorted(names.values()))
    cats = {e.get("cat") for e in ev if e["ph"] == "X"}
    for c in ("sleep", "blocked", "queue"):
        need(c in cats, "no X slices of cat %s (have %s)" % (c, sorted(cats)))
    counters = {e["name"] for e in ev if e["ph"] == "C"}
    need("queue jobs" in counters, "counters %s" % sorted(counters))
    need(any(e["ph"] == "f" for e in ev), "no hand-off flows")


def check_step(doc, ev, slices):
    ctl = [e for e in ev if e["ph"] == "X" and e["cat"] in ("lecture", "step")
           and e["tid"] == 0x40000001]
    need(any(e["name"] == "step mode" for e in ctl), "no step mode slice on the controller's track")
    steps = [e for e in ctl if e["cat"] == "step"]
    need(steps and len(steps) == doc["otherData"]["steps"],
         "%d step slices, otherData.steps %d" % (len(steps), doc["otherData"]["steps"]))
    need(doc["otherData"]["held_ns"] > 0, "a step-mode run with no held time")
    goroutines = [xs for tid, xs in slices.items() if tid != 0x40000001]
    spread = {s for xs in goroutines for s, _ in xs}
    need(len(spread) > 1 and max(spread) > 0, "the goroutines' slices all at one ts")


def check_run(doc, ev):
    need(doc["otherData"]["held_ns"] == 0, "a run-mode trace with held time")
    held = [e for e in ev if e["ph"] == "X" and e["cat"] == "lecture"]
    need(not held, "a run-mode trace with a held slice", held[0] if held else None)


def main(argv):
    flags = {a for a in argv[1:] if a.startswith("--")}
    pos = [a for a in argv[1:] if not a.startswith("--")]
    need(pos and not flags - {"--step", "--run"}, "usage: check_trace.py TRACE.json [WORKERS] "
         "[--step] [--run]")
    with open(pos[0], encoding="utf-8") as f:
        doc = json.load(f)
    check_top(doc)
    ev = doc["traceEvents"]
    for e in ev:
        check_record(e)
    slices = check_layout(ev)
    if len(pos) > 1:
        check_pool(ev, int(pos[1]))
    if "--step" in flags:
        check_step(doc, ev, slices)
    if "--run" in flags:
        check_run(doc, ev)
    phs = collections.Counter(e["ph"] for e in ev)
    n_x = sum(len(xs) for xs in slices.values())
    distinct = sum(len({s for s, _ in xs}) for xs in slices.values())
    print("trace ok: %d records (%s), %d slices on %d tracks, %d distinct (track, ts), "
          "%d flows, %d counter tracks, %d steps, held %.3f ms"
          % (len(ev), " ".join("%s %d" % kv for kv in sorted(phs.items())), n_x, len(slices),
             distinct, phs["f"], len({e["name"] for e in ev if e["ph"] == "C"}),
             doc["otherData"]["steps"], doc["otherData"]["held_ns"] / 1e6))


if __name__ == "__main__":
    try:
        main(sys.argv)
    except Fault as f:
        print("check_trace.py: %s: %s" % (sys.argv[1] if len(sys.argv) > 1 else "", f))
        sys.exit(1)
