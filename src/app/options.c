#include "options.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "version.h"

#include "scen/catalog.h"
#include "scen/number.h"
#include "scen/printable.h"

static const char usage[] =
    "usage: poolscope [options] [PROGRAM.go]\n"
    "Runs a Go program with every goroutine a real thread and shows it live\n"
    "(--headless: runs it as go run does).  Without PROGRAM.go, a built-in\n"
    "scenario (a Go program of the lecture; default worker-pool).\n"
    "\n"
    "  --headless            no screen: the program's output, as go run's\n"
    "  --log=lines|events    headless replay: the program's output (default) or\n"
    "                        every event\n"
    "  --scenario NAME|FILE  a built-in scenario by name (see --list), or a .go file\n"
    "  --list                list the built-in scenarios\n"
    "  --speed X             virtual time per real time (0.1..100, default 1)\n"
    "  --paused              start paused\n"
    "  --step                start in step mode\n"
    "  --ring N              events per thread ring (2..1048576, default 8192)\n"
    "  --record FILE         write the run (the program, every event) to FILE\n"
    "  --replay FILE         replay a recording instead of running threads\n"
    "  --export-trace FILE   write a Chrome trace (Perfetto) JSON of the run\n"
    "  --export-cast FILE    write an asciicast v2 of the run\n"
    "  --export-html FILE    write a web page that plays the run's cast\n"
    "  --pace lecture|virtual|step\n"
    "                        a replay's and the exports' clock: as the lecture\n"
    "                        was given (default), virtual time, or (replay) one\n"
    "                        recorded step per key\n"
    "  --dwell MS            a virtual-pace cast: MS ms each frame (1..60000)\n"
    "  --size COLSxROWS      the cast's screen (default: the recorded one, or 80x24)\n"
    "  --set NAME=VALUE      a Go program: override a package-level constant\n"
    "  --seed N              a Go program: select's random choices (default:\n"
    "                        random; 0 with --step)\n"
    "  --no-events           a Go program, headless: publish no events (it runs\n"
    "                        unwatched: the benchmarks' baseline)\n"
    "  --color=auto|always|never\n"
    "  --help, --version\n";

const char *options_usage(void)
{
    return usage;
}

/* Parses a whole decimal number in [lo, hi] (scen/number.h). */
static int parse_ll(const char *s, long long lo, long long hi, long long *out)
{
    long long v;
    if (!s || number_parse_int(s, &v) || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

/* A speed of 0.1..100 (at most three decimal places), in thousandths. */
static int parse_speed(const char *s, long long *milli)
{
    long long v;
    if (!s || number_parse_milli(s, &v) || v < PS_SPEED_MIN_MILLI || v > PS_SPEED_MAX_MILLI)
        return -1;
    *milli = v;
    return 0;
}

static int bad(char *err, size_t len, const char *opt, const char *val, const char *allowed)
{
    if (val)
        snprintf(err, len, "poolscope: bad value '%s' for %s (allowed: %s)", val, opt, allowed);
    else
        snprintf(err, len, "poolscope: %s needs a value (allowed: %s)", opt, allowed);
    return 2;
}

/* "--opt=value" or "--opt value": the value, advancing *i for the latter. */
static const char *value_of(const char *arg, const char *opt, int argc, char **argv, int *i)
{
    size_t n = strlen(opt);
    if (strncmp(arg, opt, n) != 0)
        return NULL;
    if (arg[n] == '=')
        return arg + n + 1;
    if (arg[n] == '\0')
        return *i + 1 < argc ? argv[++*i] : "";
    return NULL;
}

/* "COLSxROWS": a cast's screen, 20..1000 columns by 10..500 rows. */
static int parse_size(const char *s, int *cols, int *rows)
{
    char buf[32];
    long long c, r;
    const char *x = strchr(s, 'x');
    if (!x || (size_t)(x - s) >= sizeof buf)
        return -1;
    memcpy(buf, s, (size_t)(x - s));
    buf[x - s] = 0;
    if (parse_ll(buf, 20, 1000, &c) || parse_ll(x + 1, 10, 500, &r))
        return -1;
    *cols = (int)c;
    *rows = (int)r;
    return 0;
}

/* The options that name a file, and where each goes. */
static const struct file_opt {
    const char *opt;
    size_t offset;
} file_opts[] = {
    {"--record", offsetof(options, record_path)},
    {"--replay", offsetof(options, replay_path)},
    {"--export-trace", offsetof(options, trace_path)},
    {"--export-cast", offsetof(options, cast_path)},
    {"--export-html", offsetof(options, html_path)},
};

/* 0 or 2 if arg is one of file_opts, -1 if it is not. */
static int file_option(options *o, int argc, char **argv, int *i, char *err, size_t len)
{
    for (size_t k = 0; k < sizeof file_opts / sizeof file_opts[0]; k++) {
        const char *v = value_of(argv[*i], file_opts[k].opt, argc, argv, i);
        if (!v)
            continue;
        if (!*v)
            return bad(err, len, file_opts[k].opt, NULL, "a file name");
        *(const char **)(void *)((char *)o + file_opts[k].offset) = v;
        return 0;
    }
    return -1;
}

/* The options of the C scenarios, which are gone: each says what to do now. */
static const char *const retired[] = {"--workers", "--jobs", "--job-ms", "--queue"};

static int parse_one(options *o, long long *speed, const char **scen, int argc, char **argv, int *i,
                     char *err, size_t len)
{
    const char *a = argv[*i], *v;
    if (!strcmp(a, "--help") || !strcmp(a, "-h"))
        o->action = ACT_HELP;
    else if (!strcmp(a, "--version") || !strcmp(a, "-V"))
        o->action = ACT_VERSION;
    else if (!strcmp(a, "--list"))
        o->action = ACT_LIST;
    else if (!strcmp(a, "--headless"))
        o->headless = 1;
    else if (!strcmp(a, "--paused"))
        o->start_mode = PACER_PAUSE;
    else if (!strcmp(a, "--step"))
        o->start_mode = PACER_STEP;
    else if (!strcmp(a, "--no-events"))
        o->no_events = 1;
    else if ((v = value_of(a, "--log", argc, argv, i))) {
        if (!strcmp(v, "lines"))
            o->log = LOG_LINES;
        else if (!strcmp(v, "events"))
            o->log = LOG_EVENTS;
        else
            return bad(err, len, "--log", v, "lines, events");
    } else if ((v = value_of(a, "--color", argc, argv, i))) {
        if (!strcmp(v, "auto"))
            o->color = COLOR_AUTO;
        else if (!strcmp(v, "always"))
            o->color = COLOR_ALWAYS;
        else if (!strcmp(v, "never"))
            o->color = COLOR_NEVER;
        else
            return bad(err, len, "--color", v, "auto, always, never");
    } else if ((v = value_of(a, "--scenario", argc, argv, i))) {
        if (!*v)
            return bad(err, len, "--scenario", NULL, "a name from --list");
        *scen = v;
    } else if ((v = value_of(a, "--speed", argc, argv, i))) {
        if (parse_speed(v, speed))
            return bad(err, len, "--speed", *v ? v : NULL, "0.1..100");
    } else if ((v = value_of(a, "--pace", argc, argv, i))) {
        int p = pace_parse(v);
        if (p < 0)
            return bad(err, len, "--pace", *v ? v : NULL, "lecture, virtual, step");
        o->pace = (ps_pace)p;
        o->pace_given = 1;
    } else if ((v = value_of(a, "--dwell", argc, argv, i))) {
        long long n;
        if (parse_ll(v, 1, 60000, &n))
            return bad(err, len, "--dwell", *v ? v : NULL, "1..60000 (ms)");
        o->dwell_ms = (int)n;
    } else if ((v = value_of(a, "--size", argc, argv, i))) {
        if (parse_size(v, &o->cast_cols, &o->cast_rows))
            return bad(err, len, "--size", *v ? v : NULL, "COLSxROWS, 20..1000 x 10..500");
    } else if ((v = value_of(a, "--set", argc, argv, i))) {
        const char *eq = strchr(v, '=');
        if (!eq || eq == v)
            return bad(err, len, "--set", *v ? v : NULL, "NAME=VALUE");
        if (o->nsets >= 16)
            return bad(err, len, "--set", v, "at most 16 of them");
        /* the name ends at '=': a copy, since argv stays as it is */
        static char names[16][64];
        size_t n = (size_t)(eq - v) < sizeof names[0] - 1 ? (size_t)(eq - v) : sizeof names[0] - 1;
        memcpy(names[o->nsets], v, n);
        names[o->nsets][n] = 0;
        o->sets[o->nsets].name = names[o->nsets];
        o->sets[o->nsets].value = eq + 1;
        o->nsets++;
    } else if ((v = value_of(a, "--seed", argc, argv, i))) {
        long long n;
        if (parse_ll(v, 0, 0x7fffffffffffffffll, &n))
            return bad(err, len, "--seed", *v ? v : NULL, "0..2^63-1");
        o->seed = (uint64_t)n;
        o->seed_given = 1;
    } else if (a[0] != '-' && strlen(a) > 3 && !strcmp(a + strlen(a) - 3, ".go")) {
        o->go_path = a;
    } else if ((v = value_of(a, "--ring", argc, argv, i))) {
        long long n;
        if (parse_ll(v, 2, 1048576, &n))
            return bad(err, len, "--ring", *v ? v : NULL, "2..1048576");
        o->ring_cap = (size_t)n;
    } else {
        int rc = file_option(o, argc, argv, i, err, len);
        if (rc >= 0)
            return rc;
        for (size_t k = 0; k < sizeof retired / sizeof retired[0]; k++)
            if (!strncmp(a, retired[k], strlen(retired[k])) &&
                (a[strlen(retired[k])] == 0 || a[strlen(retired[k])] == '=')) {
                snprintf(err, len,
                         "poolscope: %s is gone: every scenario is a Go program now; set its "
                         "constants with --set NAME=VALUE (worker-pool: --set numJobs=9)",
                         retired[k]);
                return 2;
            }
        snprintf(err, len, "poolscope: unknown option '%s' (see --help)", a);
        return 2;
    }
    return 0;
}

/* Which file a path names, by device and inode: the file's own, or (not
 * there yet) its directory's and its last component, so ./x and x agree and
 * a link is its target.  0 if neither can be found. */
typedef struct file_id {
    dev_t dev;
    ino_t ino;
    char name[256]; /* "" for an existing file */
} file_id;

static int file_id_of(const char *path, file_id *id)
{
    struct stat st;
    memset(id, 0, sizeof(*id));
    if (stat(path, &st) == 0) {
        id->dev = st.st_dev;
        id->ino = st.st_ino;
        return 1;
    }
    char dir[4096];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path) + 1 : 1, slash ? path : ".");
    if (stat(dir, &st) != 0)
        return 0;
    id->dev = st.st_dev;
    id->ino = st.st_ino;
    snprintf(id->name, sizeof id->name, "%s", slash ? slash + 1 : path);
    return 1;
}

static int file_id_same(const file_id *a, const file_id *b)
{
    return a->dev == b->dev && a->ino == b->ino && !strcmp(a->name, b->name);
}

/* An output that is an input, or two outputs that are one file, would
 * overwrite the lecturer's file or mix two exports: refused (exit 2),
 * naming both.  /dev/null and other non-regular files may be shared. */
static int files_distinct(const options *o, const char *prog, char *err, size_t len)
{
    const struct {
        const char *opt, *path;
        int output;
    } f[] = {
        {.opt = "program", .path = prog},
        {.opt = "--replay", .path = o->replay_path},
        {.opt = "--record", .path = o->record_path, .output = 1},
        {.opt = "--export-trace", .path = o->trace_path, .output = 1},
        {.opt = "--export-cast", .path = o->cast_path, .output = 1},
        {.opt = "--export-html", .path = o->html_path, .output = 1},
    };
    enum { N = sizeof f / sizeof f[0] };
    file_id id[N];
    int have[N];
    for (int i = 0; i < N; i++) {
        struct stat st;
        /* a device, FIFO or /dev/null is no file to protect */
        have[i] = f[i].path && !(stat(f[i].path, &st) == 0 && !S_ISREG(st.st_mode)) &&
                  file_id_of(f[i].path, &id[i]);
    }
    for (int i = 0; i < N; i++)
        for (int j = i + 1; j < N; j++)
            if (have[i] && have[j] && f[j].output && file_id_same(&id[i], &id[j])) {
                snprintf(err, len, "poolscope: %s %s and %s %s are the same file (%s)", f[i].opt,
                         f[i].path, f[j].opt, f[j].path,
                         f[i].output ? "two outputs would mix" : "the output would overwrite it");
                printable_fix(err);
                return 2;
            }
    return 0;
}

static int ends_with(const char *s, const char *tail)
{
    size_t n = strlen(s), k = strlen(tail);
    return n > k && !strcmp(s + n - k, tail);
}

/* --scenario's argument (or the default): a .go file, or a built-in's name
 * (scen/catalog.h) whose path goes into o->scenario_path. */
static int resolve_scenario(options *o, const char *scen, int given, char *err, size_t len)
{
    if (ends_with(scen, ".ini")) {
        snprintf(err, len,
                 "poolscope: %.200s: scenario files (.ini) are gone: a scenario is a Go program "
                 "(see docs/scenarios.md)",
                 scen);
        printable_fix(err);
        return 2;
    }
    /* a path, or a .go file here; else a built-in's name ("race", "race.go") */
    if (strchr(scen, '/') || (ends_with(scen, ".go") && access(scen, F_OK) == 0)) {
        o->go_path = scen;
        return 0;
    }
    if (!catalog_find(scen, o->scenario_path, sizeof o->scenario_path)) {
        char dir[4096];
        if (!catalog_dir(dir, sizeof dir))
            snprintf(err, len,
                     "poolscope: the built-in scenarios are not installed (looked in %s/scenarios "
                     "and %s/scenarios): name a .go file",
                     PS_DATADIR, PS_SOURCE_ASSETS);
        else if (given)
            snprintf(err, len, "poolscope: unknown scenario '%.200s' (see --list)", scen);
        else
            snprintf(err, len, "poolscope: %s/%s.go is missing", dir, scen);
        printable_fix(err);
        return 2;
    }
    o->go_path = o->scenario_path;
    return 0;
}

/* --pace, --dwell and --size ask for what a run can give. */
static int pace_check(const options *o, char *err, size_t len)
{
    if (o->pace == PACE_STEP && !o->replay_path) {
        snprintf(err, len,
                 "poolscope: --pace step replays a recording step by step: it needs "
                 "--replay FILE (a live run steps with --step)");
        return 2;
    }
    if (o->dwell_ms && o->pace != PACE_VIRTUAL) {
        snprintf(err, len,
                 "poolscope: --dwell gives a virtual-pace cast a fixed time a frame: "
                 "it needs --pace virtual (the lecture's pace has its own times)");
        return 2;
    }
    if ((o->dwell_ms || o->cast_cols) && !o->cast_path && !o->html_path) {
        snprintf(err, len,
                 "poolscope: --%s shapes the cast: it needs --export-cast FILE or "
                 "--export-html FILE",
                 o->dwell_ms ? "dwell" : "size");
        return 2;
    }
    return 0;
}

int options_parse(options *o, int argc, char **argv, char *err, size_t len)
{
    memset(o, 0, sizeof(*o));
    o->start_mode = PACER_RUN;
    long long speed = -1;
    const char *scen = NULL;
    for (int i = 1; i < argc; i++) {
        int rc = parse_one(o, &speed, &scen, argc, argv, &i, err, len);
        if (rc)
            return rc;
    }
    o->speed_given = speed >= 0;
    o->params.speed_milli = speed >= 0 ? speed : 1000;
    int rc = pace_check(o, err, len);
    if (rc)
        return rc;
    if (o->replay_path && (scen || o->go_path)) {
        snprintf(err, len,
                 "poolscope: --replay takes the recording's own program: drop --scenario and "
                 "PROGRAM.go");
        return 2;
    }
    if (o->replay_path || o->action != ACT_RUN)
        return files_distinct(o, NULL, err, len);
    if (scen && o->go_path) {
        snprintf(err, len, "poolscope: give one program: --scenario %.200s or %.200s", scen,
                 o->go_path);
        printable_fix(err);
        return 2;
    }
    if (!o->go_path) {
        int rc = resolve_scenario(o, scen ? scen : CATALOG_DEFAULT, scen != NULL, err, len);
        if (rc)
            return rc;
    }
    return files_distinct(o, o->go_path, err, len);
}
