/* scenfile.c - the INI scenario loader (inih does the parsing).
 *
 * inih calls one handler per "key = value" and reports only the line of the
 * first error, so the loader reads the lines itself (ini_parse_stream with
 * its own reader): it knows the current line number for every message, sees
 * section headers and continuation lines, and rejects over-long lines that
 * inih would otherwise split silently.
 */
#include "scenfile.h"

#include <errno.h>
#include <fcntl.h>
#include <ini.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "go/goprog.h"

#include "number.h"
#include "printable.h"
#include "version.h"

#define MAX_MAPS 256
#define ALLOWED_SECTIONS "scenario, params, code"
#define ALLOWED_SCENARIO_KEYS "name, title, kind, description"
#define ALLOWED_CODE_KEYS                                                                          \
    "code, line.N, map.KIND, map.main.KIND, map.worker.KIND, map.wN.KIND, map.say.N"

/* The [params] keys, the SP_* bit of each, and their ranges. */
typedef struct param_key {
    const char *key;
    unsigned bit;
    long long lo, hi;
} param_key;

enum { K_WORKERS, K_JOBS, K_JOB_MS, K_DURATIONS, K_SEED, K_QUEUE, K_FAIL_JOB, K_COUNTERS, K_SPEED };

static const param_key param_keys[] = {
    {"workers", SP_WORKERS, 1, PS_MAX_WORKERS},
    {"jobs", SP_JOBS, 0, 10000000},
    {"job_ms", SP_JOB_MS, 0, 3600000},
    {"durations_ms", SP_DURATIONS, 0, 3600000},
    {"seed", SP_DURATIONS, 0, 4294967295LL},
    {"queue", SP_QUEUE, 1, 1000000},
    {"fail_job", SP_FAIL_JOB, 0, PS_MAX_WORKERS},
    {"counters", SP_COUNTERS, 1, PS_MAX_WORKERS},
    {"speed", SP_SPEED, 0, 0},
};
#define N_PARAM_KEYS (sizeof param_keys / sizeof param_keys[0])

typedef struct code_map {
    int role, kind, say, code_line, file_line;
    int worker; /* map.wN.: worker N only (0: by role) */
} code_map;

typedef struct loader {
    const char *label;
    /* input: a file or a string */
    FILE *f;
    const char *mem;
    int line; /* the line inih is at */
    int cont; /* it starts with blank space: a continuation */
    /* results */
    ps_params fp; /* values the file set (see key_line) */
    scenario_text *t;
    int key_line[N_PARAM_KEYS]; /* where each [params] key was set, 0 if not */
    int kind_line, title_line, desc_line, name_line, scenario_line;
    int code_line_set[SCENTEXT_MAX_LINES];
    int code_key_line;                 /* where "code = FILE" is, 0 if not set */
    char code_file[SCENTEXT_PATH_LEN]; /* its value */
    code_map maps[MAX_MAPS];
    int n_maps;
    /* the first error */
    int err_line;
    char *err;
    size_t len;
} loader;

/* 1 if s holds a byte that would act on a terminal (ESC, CR, ...). */
static int has_control(const char *s)
{
    for (; *s; s++)
        if (printable_char((unsigned char)*s) != (unsigned char)*s)
            return 1;
    return 0;
}

static int fail(loader *ld, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int fail_in(loader *ld, const char *label, int line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* The file's name for a message of room characters that must also hold
 * `need` more: a path too long keeps its end, "...ry/deep/file.ini", so the
 * message itself is never cut off. */
static const char *short_label(const char *label, size_t room, size_t need)
{
    size_t n = strlen(label), keep = room > need + 24 ? room - need - 4 : 20;
    return n <= keep ? label : label + n - keep;
}

static int vfail(loader *ld, const char *label, int line, const char *fmt, va_list ap)
{
    if (ld->err_line)
        return 0;
    char msg[384];
    vsnprintf(msg, sizeof msg, fmt, ap);
    printable_fix(msg); /* a quoted value goes to a terminal */
    ld->err_line = line ? line : -1;
    const char *l = short_label(label, ld->len, strlen(msg) + 16);
    const char *dots = l == label ? "" : "...";
    if (line)
        snprintf(ld->err, ld->len, "%s%s:%d: %s", dots, l, line, msg);
    else
        snprintf(ld->err, ld->len, "%s%s: %s", dots, l, msg);
    return 0;
}

/* Records the first error; 0 for inih (a handler error). */
static int fail(loader *ld, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(ld, ld->label, line, fmt, ap);
    va_end(ap);
    return 0;
}

/* The same for an error in another file (the code file): "LABEL:LINE: ...",
 * or "LABEL: ..." for line 0. */
static int fail_in(loader *ld, const char *label, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vfail(ld, label, line, fmt, ap);
    va_end(ap);
    return 0;
}

/* ---- reading lines ---- */

static int next_char(loader *ld)
{
    if (ld->f)
        return getc(ld->f);
    if (!*ld->mem)
        return EOF;
    return (unsigned char)*ld->mem++;
}

static void check_section(loader *ld, const char *s)
{
    if (*s != '[') /* an indented "[" continues a value in inih */
        return;
    size_t n = strcspn(s + 1, "]");
    if (s[1 + n] != ']')
        return; /* inih reports the syntax error */
    if (n == 8 && !strncmp(s + 1, "scenario", 8))
        ld->scenario_line = ld->line;
    else if (!(n == 6 && !strncmp(s + 1, "params", 6)) && !(n == 4 && !strncmp(s + 1, "code", 4)))
        fail(ld, ld->line, "unknown section [%.*s] (allowed: " ALLOWED_SECTIONS ")", (int)n, s + 1);
}

/* inih's reader (fgets-like): counts lines, flags continuations, rejects
 * lines that do not fit (inih would cut them into pieces). */
static char *read_line(char *str, int num, void *stream)
{
    loader *ld = stream;
    int c = next_char(ld), n = 0, too_long = 0;
    if (c == EOF)
        return NULL;
    for (; c != EOF && c != '\n'; c = next_char(ld)) {
        if (n < num - 2)
            str[n++] = (char)c;
        else
            too_long = 1;
    }
    str[n++] = '\n';
    str[n] = '\0';
    ld->line++;
    ld->cont = str[0] == ' ' || str[0] == '\t';
    if (too_long) {
        fail(ld, ld->line, "line longer than %d characters (allowed: up to %d)", num - 2, num - 2);
        str[0] = '\n'; /* inih skips it */
        str[1] = '\0';
    }
    check_section(ld, str);
    return str;
}

/* ---- values ---- */

static int parse_int(const char *s, long long *out)
{
    return number_parse_int(s, out); /* inih strips the spaces around a value */
}

/* One whole number of key k in its range. */
static int get_int(loader *ld, const param_key *k, const char *v, long long *out)
{
    if (parse_int(v, out))
        return fail(ld, ld->line, "%s = '%s' is not a whole number (allowed: %lld..%lld)", k->key,
                    v, k->lo, k->hi);
    if (*out < k->lo || *out > k->hi)
        return fail(ld, ld->line, "%s = %lld is out of range (allowed: %lld..%lld)", k->key, *out,
                    k->lo, k->hi);
    return 1;
}

static int get_speed(loader *ld, const char *v)
{
    long long milli;
    if (number_parse_milli(v, &milli))
        return fail(ld, ld->line, "speed = '%s' is not a number (allowed: 0.1..100)", v);
    if (milli < PS_SPEED_MIN_MILLI || milli > PS_SPEED_MAX_MILLI)
        return fail(ld, ld->line, "speed = %s is out of range (allowed: 0.1..100)", v);
    ld->fp.speed_milli = milli;
    return 1;
}

/* "300, 600, 900" (a list, cycled) or "200..800" (drawn with the seed). */
static int get_durations(loader *ld, const param_key *k, const char *v)
{
    const char *dots = strstr(v, "..");
    char item[64];
    long long x;
    if (dots) {
        long long lo, hi;
        snprintf(item, sizeof item, "%.*s", (int)(dots - v), v);
        if (!get_int(ld, k, item, &lo) || !get_int(ld, k, dots + 2, &hi))
            return 0;
        if (lo > hi)
            return fail(ld, ld->line,
                        "durations_ms = %s: the range is empty (allowed: LO..HI "
                        "with LO <= HI)",
                        v);
        ld->fp.job_ns = lo * 1000000LL;
        ld->fp.job_ns_max = hi * 1000000LL;
        ld->fp.n_durations = 0;
        return 1;
    }
    ld->fp.n_durations = 0;
    for (const char *s = v; *s;) {
        size_t n = strcspn(s, ",");
        if (ld->fp.n_durations == PS_MAX_DURATIONS)
            return fail(ld, ld->line,
                        "durations_ms has more than %d values (allowed: 1..%d "
                        "values, or LO..HI)",
                        PS_MAX_DURATIONS, PS_MAX_DURATIONS);
        snprintf(item, sizeof item, "%.*s", (int)(n < 63 ? n : 63), s);
        if (!get_int(ld, k, item + strspn(item, " \t"), &x))
            return 0;
        ld->fp.durations_ns[ld->fp.n_durations++] = x * 1000000LL;
        s += n + (s[n] == ',');
    }
    if (!ld->fp.n_durations)
        return fail(ld, ld->line,
                    "durations_ms is empty (allowed: a list like 300, 600 or a "
                    "range like 200..800)");
    return 1;
}

static int valid_name(const char *s, size_t n)
{
    if (!n || n >= PS_OBJ_NAME)
        return 0;
    for (size_t i = 0; i < n; i++)
        if (!(s[i] == '_' || (s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
              (s[i] >= '0' && s[i] <= '9')))
            return 0;
    return 1;
}

/* "a, a, b": thread w adds to the w-th name (cycled); at most 2 distinct. */
static int get_counters(loader *ld, const char *v)
{
    ps_params *p = &ld->fp;
    p->n_names = p->n_targets = 0;
    for (const char *s = v; *s;) {
        s += strspn(s, " \t");
        size_t n = strcspn(s, ", \t");
        if (!valid_name(s, n))
            return fail(ld, ld->line,
                        "counters = %s: bad name '%.*s' (allowed: 1..%d letters, "
                        "digits or _, separated by commas)",
                        v, (int)n, s, PS_OBJ_NAME - 1);
        int i = 0;
        while (i < p->n_names && (strlen(p->names[i]) != n || strncmp(p->names[i], s, n)))
            i++;
        if (i == p->n_names && p->n_names == 2)
            return fail(ld, ld->line,
                        "counters = %s: more than 2 distinct names (allowed: "
                        "1 or 2 names, one per thread, e.g. a, a, b)",
                        v);
        if (i == p->n_names)
            snprintf(p->names[p->n_names++], PS_OBJ_NAME, "%.*s", (int)n, s);
        if (p->n_targets == PS_MAX_WORKERS)
            return fail(ld, ld->line,
                        "counters has more than %d entries (allowed: one per "
                        "thread)",
                        PS_MAX_WORKERS);
        p->targets[p->n_targets++] = (uint8_t)i;
        s += n;
        s += strspn(s, " \t");
        s += *s == ',';
    }
    if (!p->n_targets)
        return fail(ld, ld->line, "counters is empty (allowed: names like a, a, b)");
    return 1;
}

/* ---- sections ---- */

static int params_key(loader *ld, const char *name, const char *v)
{
    size_t i = 0;
    while (i < N_PARAM_KEYS && strcmp(param_keys[i].key, name))
        i++;
    if (i == N_PARAM_KEYS)
        return fail(ld, ld->line,
                    "unknown key '%s' in [params] (allowed: workers, jobs, "
                    "job_ms, durations_ms, seed, queue, fail_job, counters, speed)",
                    name);
    const param_key *k = &param_keys[i];
    if (ld->key_line[i])
        return fail(ld, ld->line, "%s is set twice (first on line %d)", name, ld->key_line[i]);
    ld->key_line[i] = ld->line;
    long long x;
    if (!strcmp(name, "durations_ms"))
        return get_durations(ld, k, v);
    if (!strcmp(name, "counters"))
        return get_counters(ld, v);
    if (!strcmp(name, "speed"))
        return get_speed(ld, v);
    if (!get_int(ld, k, v, &x))
        return 0;
    if (!strcmp(name, "workers"))
        ld->fp.workers = (int)x;
    else if (!strcmp(name, "jobs"))
        ld->fp.jobs = (int)x;
    else if (!strcmp(name, "job_ms"))
        ld->fp.job_ns = x * 1000000LL;
    else if (!strcmp(name, "seed"))
        ld->fp.seed = (uint64_t)x;
    else if (!strcmp(name, "queue"))
        ld->fp.queue_cap = (int)x;
    else
        ld->fp.fail_job = (int)x;
    return 1;
}

static void kinds_list(char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (const scenario_def *const *d = scenario_all(); *d && n < len; d++)
        n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "", (*d)->name);
}

static int set_once(loader *ld, int *line, const char *name)
{
    if (*line)
        return fail(ld, ld->line, "%s is set twice (first on line %d)", name, *line);
    *line = ld->line;
    return 1;
}

/* A continuation line of description: "|" alone starts a new paragraph. */
static int description_more(loader *ld, const char *v)
{
    char *d = ld->t->description;
    size_t n = strlen(d);
    snprintf(d + n, SCENTEXT_DESC_LEN - n, "%s",
             !strcmp(v, "|")         ? "\n"
             : n && d[n - 1] != '\n' ? " "
                                     : "");
    n = strlen(d);
    if (strcmp(v, "|"))
        snprintf(d + n, SCENTEXT_DESC_LEN - n, "%s", v);
    if (strlen(d) + 1 >= SCENTEXT_DESC_LEN)
        return fail(ld, ld->line, "description is too long (allowed: up to %d characters)",
                    SCENTEXT_DESC_LEN - 2);
    return 1;
}

static int scenario_key(loader *ld, const char *name, const char *v)
{
    if (!strcmp(name, "kind")) {
        const scenario_def *d = scenario_find(v);
        if (!d) {
            char kinds[512];
            kinds_list(kinds, sizeof kinds);
            return fail(ld, ld->line, "unknown kind '%s' (allowed: %s)", v, kinds);
        }
        ld->fp.kind = (int)d->kind;
        return set_once(ld, &ld->kind_line, name);
    }
    if ((!strcmp(name, "title") || !strcmp(name, "name")) && has_control(v))
        return fail(ld, ld->line, "%s holds a control byte (allowed: printable text)", name);
    if (!strcmp(name, "title")) {
        if (strlen(v) >= PS_TITLE_LEN)
            return fail(ld, ld->line, "title is too long (allowed: up to %d characters)",
                        PS_TITLE_LEN - 1);
        snprintf(ld->fp.title, PS_TITLE_LEN, "%s", v);
        return set_once(ld, &ld->title_line, name);
    }
    if (!strcmp(name, "name")) {
        if (!*v || strlen(v) >= PS_NAME_LEN || strchr(v, '/'))
            return fail(ld, ld->line, "name '%s' (allowed: 1..%d characters, no '/')", v,
                        PS_NAME_LEN - 1);
        snprintf(ld->fp.name, PS_NAME_LEN, "%s", v);
        return set_once(ld, &ld->name_line, name);
    }
    if (!strcmp(name, "description")) {
        if (!set_once(ld, &ld->desc_line, name))
            return 0;
        ld->t->description[0] = '\0';
        return description_more(ld, v);
    }
    return fail(ld, ld->line, "unknown key '%s' in [scenario] (allowed: " ALLOWED_SCENARIO_KEYS ")",
                name);
}

/* "line.N = code": a leading '|' is dropped so that indentation survives
 * (inih strips blank space before a value); tabs become four spaces. */
static int code_line(loader *ld, const char *name, const char *v)
{
    long long n;
    if (parse_int(name + 5, &n) || n < 1 || n > SCENTEXT_MAX_LINES)
        return fail(ld, ld->line, "bad code line number '%s' (allowed: line.1..line.%d)", name,
                    SCENTEXT_MAX_LINES);
    if (ld->code_line_set[n - 1])
        return fail(ld, ld->line, "%s is set twice (first on line %d)", name,
                    ld->code_line_set[n - 1]);
    ld->code_line_set[n - 1] = ld->line;
    char *out = ld->t->lines[n - 1];
    size_t k = 0;
    for (const char *s = v + (*v == '|'); *s && k + 4 < SCENTEXT_LINE_LEN; s++)
        for (int r = *s == '\t' ? 4 : 1; r--;)
            out[k++] = *s == '\t' ? ' ' : *s;
    out[k] = '\0';
    if (n > ld->t->n_lines)
        ld->t->n_lines = (int)n;
    return 1;
}

/* "wN." of map.wN.KIND: worker N (1..64) alone, e.g. the second goroutine
 * of a program whose two goroutines run different code. */
static int map_worker(loader *ld, const char *name, const char **k, code_map *m)
{
    char *end;
    long n = strtol(*k + 1, &end, 10);
    if (end == *k + 1 || *end != '.' || n < 1 || n > PS_MAX_WORKERS)
        return fail(ld, ld->line, "bad worker number in '%s' (allowed: map.w1.KIND..map.w%d.KIND)",
                    name, PS_MAX_WORKERS);
    m->role = SCENTEXT_WORKER;
    m->worker = (int)n;
    *k = end + 1;
    return 1;
}

/* "map.[main.|worker.|wN.]KIND = N"; KIND "say.I" maps say template I. */
static int code_map_key(loader *ld, const char *name, const char *v)
{
    code_map m = {SCENTEXT_ANY, -1, -1, 0, ld->line, 0};
    const char *k = name + 4;
    if (!strncmp(k, "main.", 5))
        m.role = SCENTEXT_MAIN, k += 5;
    else if (!strncmp(k, "worker.", 7))
        m.role = SCENTEXT_WORKER, k += 7;
    else if (k[0] == 'w' && k[1] >= '0' && k[1] <= '9' && !map_worker(ld, name, &k, &m))
        return 0;
    long long x;
    if (!strncmp(k, "say.", 4)) {
        if (parse_int(k + 4, &x) || x < 0 || x >= PS_MAX_SAYS)
            return fail(ld, ld->line, "bad say index in '%s' (allowed: map.say.0..map.say.%d)",
                        name, PS_MAX_SAYS - 1);
        m.kind = EV_SAY;
        m.say = (int)x;
    } else if ((m.kind = event_kind_parse(k)) < 0 || m.kind >= EV_CTL_PAUSE) {
        return fail(ld, ld->line,
                    "unknown event kind '%s' in '%s' (allowed: thread-start, "
                    "job-started, queue-send, ... as --log=events prints them)",
                    k, name);
    }
    if (parse_int(v, &x) || x < 1 || x > SCENTEXT_MAX_LINES)
        return fail(ld, ld->line, "%s = '%s' is not a code line (allowed: 1..%d)", name, v,
                    SCENTEXT_MAX_LINES);
    m.code_line = (int)x;
    if (ld->n_maps == MAX_MAPS)
        return fail(ld, ld->line, "too many map entries (allowed: %d)", MAX_MAPS);
    ld->maps[ld->n_maps++] = m;
    return 1;
}

/* "code = FILE": the listing is read from FILE after the parse (load_code). */
static int code_key(loader *ld, const char *v)
{
    if (!*v || strlen(v) >= sizeof ld->code_file || strchr(v, '/') || !strcmp(v, "..") ||
        !strcmp(v, "."))
        return fail(ld, ld->line,
                    "code = '%s' (allowed: the name of a file next to the scenario file, "
                    "1..%d characters, no '/', or a built-in's, e.g. worker-pool.go)",
                    v, (int)sizeof ld->code_file - 1);
    if (!set_once(ld, &ld->code_key_line, "code"))
        return 0;
    snprintf(ld->code_file, sizeof ld->code_file, "%s", v);
    return 1;
}

static int handler(void *user, const char *section, const char *name, const char *value)
{
    loader *ld = user;
    if (ld->err_line)
        return 1; /* keep the first error only */
    if (ld->cont) {
        if (!strcmp(section, "scenario") && !strcmp(name, "description"))
            return description_more(ld, value);
        return fail(ld, ld->line,
                    "a line starting with blank space continues '%s' (allowed: "
                    "only description continues; start the line in column 1)",
                    name);
    }
    if (!strcmp(section, "scenario"))
        return scenario_key(ld, name, value);
    if (!strcmp(section, "params"))
        return params_key(ld, name, value);
    if (!strcmp(section, "code")) {
        if (!strcmp(name, "code"))
            return code_key(ld, value);
        if (!strncmp(name, "line.", 5))
            return code_line(ld, name, value);
        if (!strncmp(name, "map.", 4))
            return code_map_key(ld, name, value);
        return fail(ld, ld->line, "unknown key '%s' in [code] (allowed: " ALLOWED_CODE_KEYS ")",
                    name);
    }
    if (!*section)
        return fail(ld, ld->line,
                    "'%s' is outside any section (allowed: sections " ALLOWED_SECTIONS ")", name);
    return 0; /* unknown section: reported by the reader */
}

/* ---- after the parse ---- */

static int check_required(loader *ld)
{
    int at = ld->scenario_line ? ld->scenario_line : 1;
    const char *missing = !ld->kind_line    ? "kind"
                          : !ld->title_line ? "title"
                          : !ld->desc_line  ? "description"
                                            : NULL;
    if (!missing)
        return 1;
    if (!ld->scenario_line)
        return fail(ld, 1, "missing section [scenario] (required: title, kind, description)");
    return fail(ld, at,
                "missing required key '%s' in [scenario] (required: title, kind, "
                "description)",
                missing);
}

static void uses_list(unsigned uses, char *buf, size_t len)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < N_PARAM_KEYS && n < len; i++)
        if (uses & param_keys[i].bit)
            n += (size_t)snprintf(buf + n, len - n, "%s%s", n ? ", " : "", param_keys[i].key);
}

/* The kind's defaults, then every key the file set (if the kind reads it). */
static int apply(loader *ld, ps_params *p)
{
    const scenario_def *d = scenario_by_kind(ld->fp.kind);
    const ps_params *f = &ld->fp;
    memset(p, 0, sizeof(*p));
    d->defaults(p);
    for (size_t i = 0; i < N_PARAM_KEYS; i++) {
        if (!ld->key_line[i] || (d->uses & param_keys[i].bit))
            continue;
        char allowed[256];
        uses_list(d->uses, allowed, sizeof allowed);
        return fail(ld, ld->key_line[i], "%s does not apply to kind %s (allowed: %s)",
                    param_keys[i].key, d->name, allowed);
    }
    snprintf(p->title, PS_TITLE_LEN, "%s", f->title);
    if (ld->name_line)
        snprintf(p->name, PS_NAME_LEN, "%s", f->name);
#define SET(key, field)                                                                            \
    if (ld->key_line[key])                                                                         \
        p->field = f->field;
    SET(K_WORKERS, workers)
    SET(K_JOBS, jobs)
    SET(K_QUEUE, queue_cap)
    SET(K_FAIL_JOB, fail_job)
    SET(K_SPEED, speed_milli)
    SET(K_SEED, seed)
#undef SET
    if (ld->key_line[K_JOB_MS]) { /* job_ms: one duration for every job */
        p->job_ns = f->job_ns;
        p->n_durations = 0;
        p->job_ns_max = 0;
    }
    if (ld->key_line[K_DURATIONS]) {
        p->n_durations = f->n_durations;
        memcpy(p->durations_ns, f->durations_ns, sizeof p->durations_ns);
        if (!f->n_durations) {
            p->job_ns = f->job_ns;
            p->job_ns_max = f->job_ns_max;
        }
    }
    if (ld->key_line[K_COUNTERS]) {
        p->n_names = f->n_names;
        memcpy(p->names, f->names, sizeof p->names);
        p->n_targets = f->n_targets;
        memcpy(p->targets, f->targets, sizeof p->targets);
    }
    return 1;
}

/* Checks that span keys, at the line of the key that breaks them. */
static int check_params(loader *ld, ps_params *p)
{
    const scenario_def *d = scenario_by_kind(p->kind);
    if ((d->uses & SP_PER_JOB) && (p->jobs < 1 || p->jobs > PS_MAX_WORKERS))
        return fail(ld, ld->key_line[K_JOBS] ? ld->key_line[K_JOBS] : ld->kind_line,
                    "jobs = %d, but %s runs one thread per job (allowed: 1..%d)", p->jobs, d->name,
                    PS_MAX_WORKERS);
    if (p->fail_job > p->jobs)
        return fail(ld, ld->key_line[K_FAIL_JOB] ? ld->key_line[K_FAIL_JOB] : ld->kind_line,
                    "fail_job = %d is not one of the %d jobs (allowed: 0..%d, 0 for none)",
                    p->fail_job, p->jobs, p->jobs);
    char why[256];
    if (scenario_finish(p, why, sizeof why))
        return fail(ld, ld->kind_line, "%s", why);
    return 1;
}

static int check_maps(loader *ld)
{
    scenario_text *t = ld->t;
    for (int i = 0; i < ld->n_maps; i++) {
        code_map *m = &ld->maps[i];
        if (m->code_line > t->n_lines)
            return fail(ld, m->file_line,
                        "map to code line %d, which is not there (allowed: 1..%d, %s%s)",
                        m->code_line, t->n_lines, ld->code_key_line ? "the lines of " : "",
                        ld->code_key_line ? ld->code_file : "the line.N keys");
        if (m->worker && m->kind == EV_SAY && m->say >= 0)
            t->worker_say[m->worker][m->say] = (uint8_t)m->code_line;
        else if (m->worker)
            t->worker_line[m->worker][m->kind] = (uint8_t)m->code_line;
        else if (m->kind == EV_SAY && m->say >= 0)
            t->say_line[m->role][m->say] = (uint8_t)m->code_line;
        else
            t->line_of[m->role][m->kind] = (uint8_t)m->code_line;
    }
    return 1;
}

/* The file's name without directories and ".ini": the default name. */
static void default_name(const char *label, char *out, size_t len)
{
    const char *b = strrchr(label, '/');
    b = b ? b + 1 : label;
    size_t n = strlen(b);
    if (n > 4 && !strcmp(b + n - 4, ".ini"))
        n -= 4;
    snprintf(out, len, "%.*s", (int)n, b);
}

/* ---- the code file ---- */

/* {file name, text} pairs generated from assets/code at build time, ending
 * with {NULL, NULL} (tools/embed-scenarios.py). */
extern const char *const scenfile_code_blobs[][2];

/* 1 if this program runs from the build tree (then the source tree's files
 * are the current ones, not an older installed copy). */
static int in_build_tree(void)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return 0;
    exe[n] = '\0';
    size_t k = strlen(PS_BUILD_ROOT);
    return !strncmp(exe, PS_BUILD_ROOT, k) && exe[k] == '/';
}

/* assets/SUB/FILE, installed or in the source tree (the source tree's first
 * when running from the build tree): a readable path into buf, or NULL. */
static const char *find_asset(const char *sub, const char *file, char *buf, size_t len)
{
    const char *dirs[2] = {PS_DATADIR, PS_SOURCE_ASSETS};
    int first = in_build_tree();
    for (int i = 0; i < 2; i++) {
        snprintf(buf, len, "%s/%s/%s", dirs[(first + i) % 2], sub, file);
        if (access(buf, R_OK) == 0)
            return buf;
    }
    return NULL;
}

const char *scenfile_go_dir(char *buf, size_t len)
{
    const char *dirs[2] = {PS_DATADIR, PS_SOURCE_ASSETS};
    int first = in_build_tree();
    for (int i = 0; i < 2; i++) {
        snprintf(buf, len, "%s/scenarios", dirs[(first + i) % 2]);
        char probe[PATH_MAX + 32];
        snprintf(probe, sizeof probe, "%s/worker-pool.go", buf);
        if (access(probe, R_OK) == 0)
            return buf;
    }
    return NULL;
}

const char *scenfile_embedded_code(const char *file)
{
    for (int i = 0; scenfile_code_blobs[i][0]; i++)
        if (!strcmp(scenfile_code_blobs[i][0], file))
            return scenfile_code_blobs[i][1];
    return NULL;
}

typedef struct code_src {
    const char *label; /* the file as messages name it */
    FILE *f;
    const char *mem;
} code_src;

static int code_getc(code_src *s)
{
    if (s->f)
        return getc(s->f);
    return *s->mem ? (unsigned char)*s->mem++ : EOF;
}

/* One line of the listing into out: tabs to the next multiple of four
 * columns (Go is indented with tabs), '\r' dropped, other control characters
 * shown as '?'.  The line's length, -1 at the end, -2 if it does not fit. */
static int code_getline(code_src *s, char *out, size_t len)
{
    size_t k = 0;
    int c = code_getc(s), too_long = 0;
    if (c == EOF)
        return -1;
    for (; c != EOF && c != '\n'; c = code_getc(s)) {
        size_t reps = c == '\t' ? 4 - k % 4 : 1;
        if (c == '\r')
            continue;
        if (k + reps >= len) {
            too_long = 1;
            continue;
        }
        while (reps--)
            out[k++] = c == '\t' ? ' ' : (char)printable_char(c);
    }
    out[k] = '\0';
    return too_long ? -2 : (int)k;
}

/* The listing: code line N is line N of the file (so the map's numbers are
 * the ones an editor shows); trailing blank lines are dropped. */
static int read_code(loader *ld, code_src *s)
{
    scenario_text *t = ld->t;
    char line[SCENTEXT_LINE_LEN];
    int n = 0, k;
    snprintf(t->code_source, SCENTEXT_PATH_LEN, "%s", s->label);
    while ((k = code_getline(s, line, sizeof line)) != -1) {
        n++;
        if (k == -2)
            return fail_in(ld, s->label, n, "line longer than %d characters (allowed: up to %d)",
                           SCENTEXT_LINE_LEN - 1, SCENTEXT_LINE_LEN - 1);
        if (!k)
            continue;
        if (n > SCENTEXT_MAX_LINES)
            return fail_in(ld, s->label, n,
                           "the listing has more than %d lines (allowed: up to %d)",
                           SCENTEXT_MAX_LINES, SCENTEXT_MAX_LINES);
        memcpy(t->lines[n - 1], line, (size_t)k + 1);
        t->n_lines = n;
    }
    if (s->f && ferror(s->f))
        return fail_in(ld, s->label, 0, "cannot read the code file: %s", strerror(errno));
    if (!t->n_lines)
        return fail_in(ld, s->label, 0, "the code file is empty (allowed: 1..%d lines of code)",
                       SCENTEXT_MAX_LINES);
    return 1;
}

static int read_code_file(loader *ld, const char *path, FILE *f)
{
    code_src s = {path, f, NULL};
    int ok = read_code(ld, &s);
    fclose(f);
    return ok;
}

/* Scenario and code files: regular files of at most SCENFILE_MAX_BYTES,
 * opened without blocking (a FIFO, /dev/zero or /dev/tty must not hang or
 * run without end).  NULL with *err an errno or one of the codes below. */
enum { SCENFILE_ENOTREG = -1, SCENFILE_ETOOBIG = -2 };

static FILE *scenfile_open_regular(const char *path, int *err)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    *err = 0;
    if (fd < 0 || fstat(fd, &st) != 0)
        *err = errno;
    else if (S_ISDIR(st.st_mode))
        *err = EISDIR;
    else if (!S_ISREG(st.st_mode))
        *err = SCENFILE_ENOTREG;
    else if (st.st_size > SCENFILE_MAX_BYTES)
        *err = SCENFILE_ETOOBIG;
    FILE *f = *err ? NULL : fdopen(fd, "r");
    if (f)
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    else if (fd >= 0)
        close(fd);
    if (!f && !*err)
        *err = errno;
    return f;
}

static const char *scenfile_open_why(int err)
{
    return err == SCENFILE_ENOTREG   ? "not a regular file (a FIFO or a device)"
           : err == SCENFILE_ETOOBIG ? "larger than 1 MiB (allowed: up to 1 MiB)"
           : err == EISDIR           ? "it is a directory"
                                     : strerror(err);
}

/* "code = FILE" is looked for next to the scenario file; a bare name (no
 * '/') then among the built-ins' code files (assets/code: installed, in the
 * source tree, or compiled in), so a copied built-in .ini keeps its listing. */
static int load_code(loader *ld)
{
    const char *name = ld->code_file, *slash = strrchr(ld->label, '/');
    char path[SCENTEXT_PATH_LEN * 2], label[SCENTEXT_PATH_LEN + 16];
    int bare = !strchr(name, '/'), err = ENOENT;
    FILE *f;
    if (strncmp(ld->label, "<built-in>", 10)) {
        int dir = !slash ? 0 : (int)(slash - ld->label + 1);
        snprintf(path, sizeof path, "%.*s%s", dir, ld->label, name);
        if ((f = scenfile_open_regular(path, &err)))
            return read_code_file(ld, path, f);
        if (err != ENOENT)
            return fail(ld, ld->code_key_line, "cannot read code file '%s': %s", name,
                        scenfile_open_why(err));
    }
    if (bare && find_asset("code", name, path, sizeof path) &&
        (f = scenfile_open_regular(path, &err)))
        return read_code_file(ld, path, f);
    const char *mem = bare ? scenfile_embedded_code(name) : NULL;
    if (mem) {
        snprintf(label, sizeof label, "<built-in>/%s", name);
        code_src s = {label, NULL, mem};
        return read_code(ld, &s);
    }
    return fail(ld, ld->code_key_line,
                "cannot read code file '%s': %s (allowed: a file next to the scenario file, "
                "or a built-in's, e.g. worker-pool.go)",
                name, strerror(err));
}

/* The listing comes from "code = FILE" or from line.N keys, not both. */
static int check_listing(loader *ld)
{
    if (!ld->code_key_line)
        return 1;
    for (int i = 0; i < SCENTEXT_MAX_LINES; i++)
        if (ld->code_line_set[i])
            return fail(ld, ld->code_line_set[i],
                        "line.%d and 'code = %s' both give the listing (allowed: one of them)",
                        i + 1, ld->code_file);
    return load_code(ld);
}

static int load(loader *ld, ps_params *p, scenario_text *text)
{
    scenario_text scratch;
    ld->t = text ? text : &scratch;
    memset(ld->t, 0, sizeof(*ld->t));
    snprintf(ld->t->source, SCENTEXT_PATH_LEN, "%s", ld->label);
    int rc = ini_parse_stream(read_line, ld, handler, ld);
    if (rc > 0 && (!ld->err_line || rc < ld->err_line)) {
        ld->err_line = 0; /* inih's syntax error comes first */
        fail(ld, rc, "expected '[section]' or 'key = value'");
    }
    if (rc < 0)
        fail(ld, 0, "out of memory");
    if (ld->err_line || !check_required(ld) || !check_listing(ld) || !check_maps(ld))
        return -1;
    ps_params np;
    if (!apply(ld, &np))
        return -1;
    if (!ld->name_line)
        default_name(ld->label, np.name, sizeof np.name);
    if (!check_params(ld, &np))
        return -1;
    *p = np;
    return 0;
}

int scenfile_load(const char *path, ps_params *p, scenario_text *text, char *err, size_t len)
{
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.label = path;
    ld.err = err;
    ld.len = len;
    int e;
    ld.f = scenfile_open_regular(path, &e);
    if (!ld.f) {
        const char *why = scenfile_open_why(e), *l = short_label(path, len, strlen(why) + 40);
        snprintf(err, len, "%s%s: cannot read the scenario file: %s", l == path ? "" : "...", l,
                 why);
        return -1;
    }
    int rc = load(&ld, p, text);
    if (!rc && ferror(ld.f)) {
        const char *why = strerror(errno), *l = short_label(path, len, strlen(why) + 40);
        snprintf(err, len, "%s%s: cannot read the scenario file: %s", l == path ? "" : "...", l,
                 why);
        rc = -1;
    }
    fclose(ld.f);
    return rc;
}

int scenfile_load_string(const char *label, const char *ini, ps_params *p, scenario_text *text,
                         char *err, size_t len)
{
    loader ld;
    memset(&ld, 0, sizeof ld);
    ld.label = label;
    ld.err = err;
    ld.len = len;
    ld.mem = ini;
    return load(&ld, p, text);
}

/* ---- finding the built-ins' files ---- */

/* {name, text} pairs generated from assets/scenarios at build time, ending
 * with {NULL, NULL} (tools/embed-scenarios.py). */
extern const char *const scenfile_blobs[][2];

const char *scenfile_embedded(const char *name)
{
    for (int i = 0; scenfile_blobs[i][0]; i++)
        if (!strcmp(scenfile_blobs[i][0], name))
            return scenfile_blobs[i][1];
    return NULL;
}

const char *scenfile_find(const char *name, char *buf, size_t len)
{
    char file[PS_NAME_LEN + 8];
    if (!scenario_find(name))
        return NULL;
    snprintf(file, sizeof file, "%s.ini", name);
    return find_asset("scenarios", file, buf, len);
}

int scenfile_resolve(const char *arg, ps_params *p, scenario_text *text, char *err, size_t len)
{
    size_t n = strlen(arg);
    if (strchr(arg, '/') || (n > 4 && !strcmp(arg + n - 4, ".ini")))
        return scenfile_load(arg, p, text, err, len);
    if (!scenario_find(arg))
        return 1;
    char path[SCENTEXT_PATH_LEN];
    if (scenfile_find(arg, path, sizeof path))
        return scenfile_load(path, p, text, err, len);
    const char *ini = scenfile_embedded(arg);
    if (ini) {
        char label[64];
        snprintf(label, sizeof label, "<built-in>/%s.ini", arg); /* the name is its basename */
        return scenfile_load_string(label, ini, p, text, err, len);
    }
    if (text) /* no file anywhere: the C defaults alone */
        memset(text, 0, sizeof(*text));
    return scenario_defaults(arg, p) == 0 ? 0 : 1;
}

int scentext_line(const scenario_text *t, int kind, int actor, int say)
{
    if (!t || kind < 0 || kind >= EV_KIND_COUNT || actor > PS_MAX_WORKERS)
        return 0;
    int role = actor == PS_ACTOR_MAIN ? SCENTEXT_MAIN : SCENTEXT_WORKER;
    int said = kind == EV_SAY && say >= 0 && say < PS_MAX_SAYS;
    if (actor >= 1 && said && t->worker_say[actor][say]) /* map.wN. wins */
        return t->worker_say[actor][say];
    if (actor >= 1 && t->worker_line[actor][kind])
        return t->worker_line[actor][kind];
    if (said) {
        if (t->say_line[role][say])
            return t->say_line[role][say];
        if (t->say_line[SCENTEXT_ANY][say])
            return t->say_line[SCENTEXT_ANY][say];
    }
    return t->line_of[role][kind] ? t->line_of[role][kind] : t->line_of[SCENTEXT_ANY][kind];
}

/* Appends line [p, p + n) to t, tabs expanded, cut on a UTF-8 boundary. */
static void go_line(scenario_text *t, const char *p, size_t n)
{
    char *out = t->lines[t->n_lines++];
    size_t o = 0;
    for (size_t i = 0; i < n && o + 1 < SCENTEXT_LINE_LEN; i++) {
        if (p[i] == '\t') {
            do
                out[o++] = ' ';
            while (o % 4 && o + 1 < SCENTEXT_LINE_LEN);
        } else if (p[i] != '\r') {
            out[o++] = p[i];
        }
    }
    while (o > 0 && ((unsigned char)out[o - 1] & 0xC0) == 0x80 && o + 1 >= SCENTEXT_LINE_LEN)
        o--; /* a cut rune's continuation bytes */
    if (o > 0 && o + 1 >= SCENTEXT_LINE_LEN && (unsigned char)out[o - 1] >= 0xC0)
        o--; /* and its lead byte */
    out[o] = 0;
}

void scentext_from_go(scenario_text *t, const char *path, const char *src, size_t len)
{
    memset(t, 0, sizeof *t);
    snprintf(t->source, sizeof t->source, "%s", path);
    snprintf(t->code_source, sizeof t->code_source, "%s", path);
    size_t i = 0;
    while (i < len && t->n_lines < SCENTEXT_GO_LINES) {
        const char *nl = memchr(src + i, '\n', len - i);
        size_t n = nl ? (size_t)(nl - (src + i)) : len - i;
        go_line(t, src + i, n);
        i += n + (nl != NULL);
    }
}

/* --set NAME=VALUE as the program now runs: the constant's line shows the
 * value set, marked ("const numJobs = 9  // --set, the file says 5"). */
static void show_sets(scenario_text *t, const goprog *g)
{
    for (int k = 0; k < g->prog.nsets; k++) {
        int ln = g->prog.sets[k].line, col = g->prog.sets[k].col;
        if (!g->prog.sets[k].used || ln < 1 || ln > t->n_lines || col < 1)
            continue;
        /* the source line, to count the value's display column (tabs: 4) */
        const char *p = g->src, *end = g->src + g->len;
        for (int i = 1; i < ln && p < end; i++) {
            const char *nl = memchr(p, '\n', (size_t)(end - p));
            p = nl ? nl + 1 : end;
        }
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        size_t n = eol ? (size_t)(eol - p) : (size_t)(end - p);
        int x = 0;
        for (int i = 0; i < col - 1 && (size_t)i < n; i++)
            x = p[i] == '\t' ? (x / 4 + 1) * 4 : x + 1;
        char *line = t->lines[ln - 1];
        size_t len = strlen(line);
        if ((size_t)x > len)
            continue;
        char was[64], out[SCENTEXT_LINE_LEN];
        snprintf(was, sizeof was, "%s", line + x);
        was[strcspn(was, "/")] = 0; /* the old value, less a trailing comment */
        size_t w = strlen(was);
        while (w > 0 && was[w - 1] == ' ')
            was[--w] = 0;
        snprintf(out, sizeof out, "%.*s%s  // --set, the file says %s", x, line,
                 g->prog.sets[k].value, was);
        memcpy(line, out, sizeof out);
    }
}

void scentext_from_goprog(scenario_text *t, const goprog *g)
{
    scentext_from_go(t, g->path, g->src, g->len);
    show_sets(t, g);
}
