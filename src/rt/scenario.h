/* scenario.h - what a scenario is: its parameters, the objects it shows, and
 * the code its threads run.
 *
 * ps_params is filled from defaults, then a scenario file, then options.
 * ps_layout is derived from the params: the names, capacities and line
 * templates a view needs to read the events (the model, headless log, TUI,
 * recordings and exports all take it from here).
 */
#ifndef PS_SCENARIO_H
#define PS_SCENARIO_H

#include <stddef.h>
#include <stdint.h>

#include "bus/event.h"

#define PS_NAME_LEN 32
#define PS_TITLE_LEN 96
#define PS_MAX_QUEUES 4
#define PS_MAX_WGS 2
#define PS_MAX_COUNTERS 8
#define PS_MAX_MUTEXES 2
#define PS_MAX_SAYS 8
#define PS_SAY_LEN 48
#define PS_OBJ_NAME 16
#define PS_MAX_DURATIONS 64
#define PS_MAX_DURATION_NS (3600000LL * 1000000LL) /* one hour of virtual time */
/* The ranges every source of parameters (options, scenario files,
 * recordings) is held to by scenario_finish: a 2.5 KB recording must not
 * ask for 2^31 jobs or a queue of 2^31 slots. */
#define PS_MAX_JOBS 10000000
#define PS_MAX_QUEUE 1000000
#define PS_SPEED_MIN_MILLI 100    /* 0.1x */
#define PS_SPEED_MAX_MILLI 100000 /* 100x */

typedef enum ps_scenario_kind {
    SK_WORKER_POOL = 0,
    SK_WAITGROUP,
    SK_WAITGROUP_WORKERS,
    SK_ATOMIC_COUNTERS,
    SK_RACE,
    SK_MUTEXES,
    SK_ERRGROUP,
    SK_BACKPRESSURE,
    SK_THREAD_PER_JOB,
    SK_KIND_COUNT
} ps_scenario_kind;

typedef struct ps_params {
    char name[PS_NAME_LEN];
    char title[PS_TITLE_LEN];
    int kind;
    int workers;         /* worker threads */
    int jobs;            /* jobs (or iterations per thread) */
    int64_t job_ns;      /* virtual duration of one job / one sleep */
    int queue_cap;       /* job queue capacity */
    int64_t speed_milli; /* initial speed, thousandths */
    /* Job durations: job j (1-based) lasts durations_ns[(j - 1) % n_durations]
     * if there is a list; else a value drawn from [job_ns, job_ns_max] by a
     * hash of (seed, j) if job_ns_max > job_ns; else job_ns.  See
     * scenario_job_ns(): the same params always give the same durations. */
    int n_durations;
    int64_t durations_ns[PS_MAX_DURATIONS];
    int64_t job_ns_max;
    uint64_t seed;
    int fail_job; /* errgroup: the job that returns an error (0: none) */
    /* mutexes: the named counters, and which one thread w (1-based) adds to:
     * names[targets[(w - 1) % n_targets]]. */
    int n_names;
    char names[PS_MAX_COUNTERS][PS_OBJ_NAME];
    int n_targets;
    uint8_t targets[PS_MAX_WORKERS];
} ps_params;

typedef struct ps_layout {
    int workers; /* actors are main + workers */
    int program; /* a Go program's: its goroutines are lanes as they start */
    int n_queues;
    struct {
        char name[PS_OBJ_NAME];
        uint32_t cap;
    } queues[PS_MAX_QUEUES];
    int job_queue;    /* index of the queue drawn as "Job Queue", or -1 */
    int result_queue; /* index of the results queue, or -1 */
    int n_wgs;
    char wgs[PS_MAX_WGS][PS_OBJ_NAME];
    int n_counters;
    char counters[PS_MAX_COUNTERS][PS_OBJ_NAME];
    int n_mutexes;
    char mutexes[PS_MAX_MUTEXES][PS_OBJ_NAME];
    /* Lecture lines.  %w worker number, %j job, %v value, %% a percent. */
    char job_started[PS_SAY_LEN];
    char job_finished[PS_SAY_LEN];
    char send_blocked[PS_SAY_LEN]; /* queue-send-blocked: %j is the item */
    int n_says;
    char says[PS_MAX_SAYS][PS_SAY_LEN];
} ps_layout;

struct ps_run;
struct ps_actor;
typedef void (*scenario_fn)(struct ps_run *run, struct ps_actor *self);

typedef struct scenario_def {
    const char *name;
    const char *summary; /* one line, for --list */
    ps_scenario_kind kind;
    void (*defaults)(ps_params *p);
    void (*layout)(const ps_params *p, ps_layout *l);
    scenario_fn main_fn;
    scenario_fn worker_fn;
    /* SP_* bits: the parameters this kind reads (a scenario file may set
     * only these), and SP_PER_JOB if it runs one thread per job (workers is
     * then jobs: see scenario_finish). */
    unsigned uses;
} scenario_def;

enum {
    SP_WORKERS = 1u << 0,
    SP_JOBS = 1u << 1,
    SP_JOB_MS = 1u << 2,
    SP_DURATIONS = 1u << 3, /* durations_ms and seed */
    SP_QUEUE = 1u << 4,
    SP_FAIL_JOB = 1u << 5,
    SP_COUNTERS = 1u << 6,
    SP_SPEED = 1u << 7,
    SP_PER_JOB = 1u << 8,
};

const scenario_def *scenario_find(const char *name);
const scenario_def *scenario_by_kind(int kind);
/* NULL-terminated list of every built-in scenario. */
const scenario_def *const *scenario_all(void);
/* Defaults of the named scenario into p; -1 if unknown. */
int scenario_defaults(const char *name, ps_params *p);
void scenario_layout(const ps_params *p, ps_layout *l);
/* The virtual duration of job j (1-based) under p. */
int64_t scenario_job_ns(const ps_params *p, int64_t job);
/* After every override: derived values (one thread per job), every range
 * above and the checks that span parameters.  0, or -1 with a message
 * ending in "(allowed: ...)". */
int scenario_finish(ps_params *p, char *err, size_t len);

#endif
