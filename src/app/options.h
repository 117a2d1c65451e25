/* options.h - the command line, parsed into one struct; no side effects. */
#ifndef PS_OPTIONS_H
#define PS_OPTIONS_H

#include <stddef.h>

#include "bus/event.h"
#include "rec/pace.h"
#include "rt/pacer.h"
#include "rt/scenario.h"

typedef enum { LOG_LINES = 0, LOG_EVENTS } log_kind;
typedef enum { COLOR_AUTO = 0, COLOR_ALWAYS, COLOR_NEVER } color_mode;
typedef enum { ACT_RUN = 0, ACT_HELP, ACT_VERSION, ACT_LIST } opt_action;

typedef struct options {
    opt_action action;
    int headless;
    log_kind log;
    color_mode color;
    pacer_mode start_mode; /* --paused / --step */
    size_t ring_cap;
    ps_params params;        /* speed_milli: --speed, else 1x */
    const char *record_path; /* --record: write the run to this file */
    const char *replay_path; /* --replay: a recording instead of a live run */
    const char *trace_path;  /* --export-trace: Chrome trace JSON */
    const char *cast_path;   /* --export-cast: asciicast v2 */
    const char *html_path;   /* --export-html: a page that plays the cast */
    ps_pace pace;            /* --pace: a replay's and the exports' clock */
    int pace_given;
    int dwell_ms;             /* --dwell: a virtual-pace cast's time a frame (0: the clock's) */
    int cast_cols, cast_rows; /* --size: the cast's screen (0: the recorded one, else 80x24) */
    int speed_given;          /* --speed was given (a replay keeps its own otherwise) */
    const char *go_path;      /* the program: PROGRAM.go, --scenario's, or a built-in's */
    char scenario_path[4096]; /* a built-in's path (go_path points here) */
    uint64_t seed;            /* --seed: select's and math/rand's generator */
    int seed_given;
    int no_events; /* --no-events: a headless Go program publishes nothing */
    int nsets;     /* --set NAME=VALUE: package constants */
    struct {
        const char *name, *value;
    } sets[16];
} options;

/* 0 on success; on a usage error 2, with a message naming the option and
 * the value in err (len bytes). */
int options_parse(options *o, int argc, char **argv, char *err, size_t len);
/* The --help text. */
const char *options_usage(void);

#endif
