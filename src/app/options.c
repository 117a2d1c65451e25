#include "options.h"

#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "scen/number.h"
#include "scen/printable.h"

static const char usage[] =
    "usage: poolscope [options] [PROGRAM.go]\n"
    "Runs a concurrency lecture scenario with real threads and shows it live,\n"
    "or a Go program (PROGRAM.go: --headless runs it as go run does).\n"
    "\n"
    "  --headless            print the lecture's lines instead of the screen\n"
    "  --log=lines|events    headless: lecture lines (default) or every event\n"
    "  --scenario NAME|FILE  scenario to run (default worker-pool), or a scenario\n"
    "                        file (contains '/' or ends in .ini); see --list\n"
    "  --list                list the scenarios\n"
    "  --workers N           worker threads (1..64)\n"
    "  --jobs N              jobs, or iterations per thread (0..10000000)\n"
    "  --job-ms MS           virtual duration of one job or sleep (0..3600000)\n"
    "  --queue N             job queue capacity (1..1000000)\n"
    "  --speed X             virtual time per real time (0.1..100, default 1)\n"
    "  --paused              start paused\n"
    "  --step                start in step mode\n"
    "  --ring N              events per thread ring (2..1048576, default 8192)\n"
    "  --record FILE         write the run (parameters, every event) to FILE\n"
    "  --replay FILE         replay a recording instead of running threads\n"
    "  --export-trace FILE   write a Chrome trace (Perfetto) JSON of the run\n"
    "  --export-cast FILE    write an asciicast v2 of the run\n"
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

/* The options that name a file, and where each goes. */
static const struct file_opt {
    const char *opt;
    size_t offset;
} file_opts[] = {
    {"--record", offsetof(options, record_path)},
    {"--replay", offsetof(options, replay_path)},
    {"--export-trace", offsetof(options, trace_path)},
    {"--export-cast", offsetof(options, cast_path)},
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

typedef struct overrides {
    long long workers, jobs, job_ms, queue, speed;
} overrides;

static int parse_one(options *o, overrides *ov, const char **scen, int argc, char **argv, int *i,
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
    } else if ((v = value_of(a, "--workers", argc, argv, i))) {
        if (parse_ll(v, 1, PS_MAX_WORKERS, &ov->workers))
            return bad(err, len, "--workers", *v ? v : NULL, "1..64");
    } else if ((v = value_of(a, "--jobs", argc, argv, i))) {
        if (parse_ll(v, 0, 10000000, &ov->jobs))
            return bad(err, len, "--jobs", *v ? v : NULL, "0..10000000");
    } else if ((v = value_of(a, "--job-ms", argc, argv, i))) {
        if (parse_ll(v, 0, 3600000, &ov->job_ms))
            return bad(err, len, "--job-ms", *v ? v : NULL, "0..3600000");
    } else if ((v = value_of(a, "--queue", argc, argv, i))) {
        if (parse_ll(v, 1, 1000000, &ov->queue))
            return bad(err, len, "--queue", *v ? v : NULL, "1..1000000");
    } else if ((v = value_of(a, "--speed", argc, argv, i))) {
        if (parse_speed(v, &ov->speed))
            return bad(err, len, "--speed", *v ? v : NULL, "0.1..100");
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
        snprintf(err, len, "poolscope: unknown option '%s' (see --help)", a);
        return 2;
    }
    return 0;
}

/* An override the scenario does not read is an error, not silently ignored. */
/* A title that counts workers or jobs would lie after --workers or --jobs:
 * keep its topic (up to a colon) and say what the command line set. */
static void retitle(ps_params *p, const overrides *ov)
{
    char t[2 * PS_TITLE_LEN + 2], extra[PS_TITLE_LEN] = "";
    size_t n = 0;
    if (ov->workers >= 0)
        n += (size_t)snprintf(extra + n, sizeof extra - n, ", %lld workers", ov->workers);
    if (ov->jobs >= 0 && n < sizeof extra)
        n += (size_t)snprintf(extra + n, sizeof extra - n, ", %lld jobs", ov->jobs);
    if (ov->job_ms >= 0 && n < sizeof extra)
        n += (size_t)snprintf(extra + n, sizeof extra - n, ", %lld ms each", ov->job_ms);
    if (ov->queue >= 0 && n < sizeof extra)
        snprintf(extra + n, sizeof extra - n, ", queue %lld", ov->queue);
    if (!extra[0])
        return;
    size_t topic = strcspn(p->title, ":");
    snprintf(t, sizeof t, "%.*s:%s", (int)topic, p->title, extra + 1);
    t[PS_TITLE_LEN - 1] = '\0'; /* a title too long is cut, never overflows */
    memcpy(p->title, t, PS_TITLE_LEN);
}

static int ov_check(const ps_params *p, const overrides *ov, char *err, size_t len)
{
    const scenario_def *d = scenario_by_kind(p->kind);
    const struct {
        long long v;
        unsigned bit;
        const char *opt;
    } all[] = {{ov->workers, SP_WORKERS, "--workers"},
               {ov->jobs, SP_JOBS, "--jobs"},
               {ov->job_ms, SP_JOB_MS, "--job-ms"},
               {ov->queue, SP_QUEUE, "--queue"}};
    char allowed[128] = "--speed";
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (d->uses & all[i].bit)
            snprintf(allowed + strlen(allowed), sizeof allowed - strlen(allowed), ", %s",
                     all[i].opt);
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++)
        if (all[i].v >= 0 && !(d->uses & all[i].bit)) {
            snprintf(err, len, "poolscope: %s does not apply to scenario %s (allowed: %s)",
                     all[i].opt, p->name, allowed);
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
static int files_distinct(const options *o, const char *scen, char *err, size_t len)
{
    const struct {
        const char *opt, *path;
        int output;
    } f[] = {
        {.opt = "--scenario", .path = strchr(scen, '/') || strstr(scen, ".ini") ? scen : NULL},
        {.opt = "--replay", .path = o->replay_path},
        {.opt = "--record", .path = o->record_path, .output = 1},
        {.opt = "--export-trace", .path = o->trace_path, .output = 1},
        {.opt = "--export-cast", .path = o->cast_path, .output = 1},
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

int options_parse(options *o, int argc, char **argv, char *err, size_t len)
{
    memset(o, 0, sizeof(*o));
    o->start_mode = PACER_RUN;
    overrides ov = {-1, -1, -1, -1, -1};
    const char *scen = "worker-pool";
    for (int i = 1; i < argc; i++) {
        int rc = parse_one(o, &ov, &scen, argc, argv, &i, err, len);
        if (rc)
            return rc;
    }
    if (o->replay_path && (ov.workers >= 0 || ov.jobs >= 0 || ov.job_ms >= 0 || ov.queue >= 0 ||
                           strcmp(scen, "worker-pool") != 0)) {
        snprintf(err, len,
                 "poolscope: --replay takes the recording's own scenario and "
                 "parameters: drop --scenario, --workers, --jobs, --job-ms, --queue");
        return 2;
    }
    o->speed_given = ov.speed >= 0;
    if (strlen(scen) > 3 && !strcmp(scen + strlen(scen) - 3, ".go"))
        o->go_path = scen;
    if (o->go_path) { /* a Go program: its own constants, not a scenario's parameters */
        if (ov.workers >= 0 || ov.jobs >= 0 || ov.job_ms >= 0 || ov.queue >= 0) {
            snprintf(err, len,
                     "poolscope: for a Go program, set its constants with --set NAME=VALUE");
            return 2;
        }
        if (ov.speed >= 0)
            o->params.speed_milli = ov.speed;
        return 0;
    }
    int found = scenfile_resolve(scen, &o->params, &o->text, err, len);
    if (found < 0)
        return 2; /* err: "FILE:LINE: what is wrong (allowed: ...)" */
    if (found > 0) {
        snprintf(err, len, "poolscope: unknown scenario '%s' (see --list)", scen);
        return 2;
    }
    if (ov_check(&o->params, &ov, err, len))
        return 2;
    if (ov.workers >= 0)
        o->params.workers = (int)ov.workers;
    if (ov.jobs >= 0)
        o->params.jobs = (int)ov.jobs;
    if (ov.job_ms >= 0) { /* one duration for every job, instead of a list or range */
        o->params.job_ns = ov.job_ms * 1000000LL;
        o->params.n_durations = 0;
        o->params.job_ns_max = 0;
    }
    if (ov.queue >= 0)
        o->params.queue_cap = (int)ov.queue;
    if (ov.speed >= 0)
        o->params.speed_milli = ov.speed;
    retitle(&o->params, &ov);
    char why[160];
    if (scenario_finish(&o->params, why, sizeof why) != 0) {
        snprintf(err, len, "poolscope: scenario %s: %s", o->params.name, why);
        return 2;
    }
    return files_distinct(o, scen, err, len);
}
