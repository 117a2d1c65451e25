#include "replay.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "go/goprog.h"
#include "scen/printable.h"
#include "record.h"
#include "session_go.h"

typedef enum { AT_MAGIC, AT_PARAMS, AT_EVENTS, AT_END } load_stage;

/* The reader's state while it goes through the file line by line. */
typedef struct loader {
    replay_data *d;
    const char *path;
    unsigned long line;
    load_stage stage;
    int version; /* 2 or 3 (3 adds the lecture clock, keys and the screen's size) */
    uint64_t keys_cap;
    /* version 2: the program's path, --set values and source as read */
    char *program;
    int nsets;
    char *set_names[GOPROG_MAX_SETS], *set_values[GOPROG_MAX_SETS];
    char *src;
    size_t src_len, src_cap;
    long src_lines, src_left; /* the source's line count, those still to come */
    uint64_t cap;
    char *err;
    size_t len;
} loader;

/* A message naming FILE:LINE; returns -1 for the callers' convenience. */
static int fail(loader *l, const char *fmt, const char *what)
{
    char msg[200];
    snprintf(msg, sizeof msg, fmt, what);
    printable_fix(msg); /* a quoted line goes to a terminal */
    snprintf(l->err, l->len, "%s:%lu: %s", l->path, l->line, msg);
    return -1;
}

/* ---- one event line ---- */

static int next_u64(char **p, uint64_t *v)
{
    char *s = *p, *end;
    if (*s < '0' || *s > '9')
        return -1;
    errno = 0;
    unsigned long long x = strtoull(s, &end, 10);
    if (errno || (*end != ' ' && *end != '\0'))
        return -1;
    *v = x;
    *p = *end ? end + 1 : end;
    return 0;
}

static int next_i64(char **p, int64_t *v)
{
    char *s = *p, *end;
    if (!((*s >= '0' && *s <= '9') || (*s == '-' && s[1] >= '0' && s[1] <= '9')))
        return -1;
    errno = 0;
    long long x = strtoll(s, &end, 10);
    if (errno || (*end != ' ' && *end != '\0'))
        return -1;
    *v = x;
    *p = *end ? end + 1 : end;
    return 0;
}

static char *next_word(char **p)
{
    char *s = *p, *sp = strchr(s, ' ');
    if (!*s || !sp)
        return NULL;
    *sp = '\0';
    *p = sp + 1;
    return s;
}

/* "main", "ctl", "W<n>" with n a worker of this run; -1 otherwise. */
static int parse_actor(const char *s, long workers)
{
    if (!strcmp(s, "main"))
        return PS_ACTOR_MAIN;
    if (!strcmp(s, "ctl"))
        return PS_ACTOR_CTL;
    char *end;
    if (s[0] != 'W' || s[1] < '1' || s[1] > '9')
        return -1;
    long w = strtol(s + 1, &end, 10);
    return *end || w > workers ? -1 : (int)w;
}

static int parse_event(loader *l, char *s, ps_event *e)
{
    uint64_t obj;
    char *actor, *kind;
    memset(e, 0, sizeof(*e));
    uint64_t line = 0;
    /* version 3 has the lecture clock after value; version 2's is its real
     * time (the view took each event as it was published, near enough) */
    if (next_u64(&s, &e->seq) || next_u64(&s, &e->vt_ns) || next_u64(&s, &e->rt_ns) ||
        !(actor = next_word(&s)) || !(kind = next_word(&s)) || next_u64(&s, &obj) ||
        next_i64(&s, &e->arg) || next_i64(&s, &e->value) ||
        (l->version >= 3 && next_u64(&s, &e->wt_ns)) ||
        (*s == '@' && (++s, next_u64(&s, &line) || !line || line > UINT32_MAX)) || *s ||
        obj > UINT32_MAX)
        return fail(l, "%s",
                    l->version >= 3
                        ? "not an event line (want: seq vt_ns rt_ns actor kind obj arg value "
                          "wt_ns [@line])"
                        : "not an event line (want: seq vt_ns rt_ns actor kind obj arg value "
                          "[@line])");
    if (l->version < 3)
        e->wt_ns = e->rt_ns;
    e->line = (uint32_t)line;
    /* a Go program numbers its goroutines up to PS_ACTOR_ID_MAX */
    int k = event_kind_parse(kind), a = parse_actor(actor, PS_ACTOR_ID_MAX);
    if (k < 0)
        return fail(l, "unknown event kind '%.40s'", kind);
    if (a < 0)
        return fail(l, "unknown actor '%.20s' (want main, ctl or W1..W<workers>)", actor);
    if (e->seq != l->d->n) {
        char want[64];
        snprintf(want, sizeof want, "%llu, want %llu", (unsigned long long)e->seq,
                 (unsigned long long)l->d->n);
        return fail(l, "event out of sequence: seq %s", want);
    }
    e->kind = (uint16_t)k;
    e->actor = (uint32_t)a;
    e->obj = (uint32_t)obj;
    return 0;
}

/* "key WT_NS NAME" (version 3): a key the lecturer pressed once the events
 * before it were shown; NAME is one word of printable ASCII. */
static int parse_key(loader *l, char *s)
{
    replay_data *d = l->d;
    replay_key k = {.at = d->n};
    char *name = s;
    if (next_u64(&name, &k.wt_ns) || !*name || strlen(name) >= sizeof k.name || strchr(name, ' '))
        return fail(l, "%s", "not a key line (want: key wt_ns NAME)");
    for (const char *c = name; *c; c++)
        if (*c <= ' ' || *c > '~')
            return fail(l, "%s", "a key's name is printable ASCII");
    if (d->n_keys >= REPLAY_KEYS_MAX)
        return fail(l, "%s", "more key lines than a replay holds (allowed: up to 1048576)");
    if (d->n_keys == l->keys_cap) {
        uint64_t cap = l->keys_cap ? l->keys_cap * 2 : 64;
        replay_key *ks = realloc(d->keys, cap * sizeof(*ks));
        if (!ks)
            return fail(l, "%s", "out of memory");
        d->keys = ks;
        l->keys_cap = cap;
    }
    snprintf(k.name, sizeof k.name, "%s", name);
    d->keys[d->n_keys++] = k;
    return 0;
}

/* "screen COLS ROWS" (version 3): the size of the screen the run was shown
 * on, from here on; the first is the recording's (a cast's default size). */
static int parse_screen(loader *l, char *s)
{
    uint64_t c, r;
    if (next_u64(&s, &c) || next_u64(&s, &r) || *s || c < 1 || r < 1 || c > REPLAY_SCREEN_MAX ||
        r > REPLAY_SCREEN_MAX)
        return fail(l, "%s", "not a screen line (want: screen COLS ROWS, 1 to 4096 each)");
    if (!l->d->cols) {
        l->d->cols = (int)c;
        l->d->rows = (int)r;
    }
    return 0;
}

static int push_event(loader *l, const ps_event *e)
{
    replay_data *d = l->d;
    if (d->n == l->cap) {
        uint64_t cap = l->cap ? l->cap * 2 : 4096;
        ps_event *ev = realloc(d->events, cap * sizeof(*ev));
        if (!ev)
            return fail(l, "%s", "out of memory");
        d->events = ev;
        l->cap = cap;
    }
    d->events[d->n++] = *e;
    return 0;
}

/* ---- header, parameters, trailer ---- */

static int check_magic(loader *l, const char *s)
{
    size_t n = strlen(RECORD_MAGIC);
    char want[64];
    snprintf(want, sizeof want, "%s %d", RECORD_MAGIC, RECORD_VERSION);
    if (strncmp(s, RECORD_MAGIC, n) != 0 || s[n] != ' ')
        return fail(l, "not a poolscope recording (the first line should be '%s')", want);
    if (strcmp(s + n + 1, "1") == 0) /* poolscope's C scenarios, retired */
        return fail(l, "%s",
                    "recording format version 1 (a C scenario's, before every scenario was a Go "
                    "program) is no longer read: record the scenario's Go program again");
    if (strcmp(s + n + 1, "2") != 0 && strcmp(s + n + 1, "3") != 0)
        return fail(l,
                    "recording format version '%.20s' is not supported (this poolscope reads "
                    "versions 2 and 3)",
                    s + n + 1);
    l->version = s[n + 1] - '0';
    l->d->version = l->version;
    l->stage = AT_PARAMS;
    return 0;
}

/* ---- version 2: the program ---- */

/* "\n" and "\\" back to a newline and a backslash, in place. */
static void unescape_text(char *s)
{
    char *o = s;
    for (; *s; s++)
        *o++ = s[0] == '\\' && (s[1] == 'n' || s[1] == '\\') ? (*++s == 'n' ? '\n' : '\\') : *s;
    *o = '\0';
}

static int parse_program(loader *l, char *s)
{
    if (l->program)
        return fail(l, "%s", "a second 'program' line");
    unescape_text(s);
    if (!*s)
        return fail(l, "%s", "'program' names no file");
    if (!(l->program = strdup(s)))
        return fail(l, "%s", "out of memory");
    return 0;
}

static int parse_set(loader *l, char *s)
{
    char *eq = strchr(s, '=');
    if (!eq || eq == s)
        return fail(l, "%s", "set line without 'NAME=' (want: set NAME=VALUE)");
    if (l->nsets == GOPROG_MAX_SETS)
        return fail(l, "%s", "more than 16 set lines (allowed: up to 16, as --set)");
    *eq = '\0';
    unescape_text(s);
    unescape_text(eq + 1);
    int i = l->nsets;
    if (!(l->set_names[i] = strdup(s)) || !(l->set_values[i] = strdup(eq + 1))) {
        free(l->set_names[i]);
        return fail(l, "%s", "out of memory");
    }
    l->nsets++;
    return 0;
}

static int parse_source_count(loader *l, const char *s)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (l->src || errno || *end || end == s || n < 0 || n > 1000000)
        return fail(l, "%s", "want one 'source N' line, N the source's line count");
    l->src_lines = l->src_left = n;
    if (!(l->src = malloc(1)))
        return fail(l, "%s", "out of memory");
    l->src_cap = 1;
    l->src[0] = '\0';
    return 0;
}

/* "| TEXT" a source line, "+ TEXT" the rest of the one before it. */
static int source_add(loader *l, const char *s)
{
    int more = s[0] == '+';
    if (!more && l->src_left == 0)
        return fail(l, "%s", "more source lines than its 'source N' line says");
    if (more && l->src_left == l->src_lines)
        return fail(l, "%s", "a '+' line continues no source line");
    const char *text = s[1] == ' ' ? s + 2 : s + 1;
    size_t n = strlen(text), need = l->src_len + n + 2;
    if (need > CHECK_MAX_SOURCE + 2)
        return fail(l, "%s", "the program's source is over the 4 MiB of a Go source");
    if (need > l->src_cap) {
        size_t cap = need * 2 > CHECK_MAX_SOURCE + 2 ? CHECK_MAX_SOURCE + 2 : need * 2;
        char *b = realloc(l->src, cap);
        if (!b)
            return fail(l, "%s", "out of memory");
        l->src = b;
        l->src_cap = cap;
    }
    if (more && l->src_len) /* back over the newline its line ended with */
        l->src_len--;
    memcpy(l->src + l->src_len, text, n);
    l->src_len += n;
    l->src[l->src_len++] = '\n';
    l->src[l->src_len] = '\0';
    l->src_left -= !more;
    return 0;
}

/* The recorded program, checked as it ran: names and listing for every view. */
static int check_program_of(loader *l)
{
    replay_data *d = l->d;
    if (!l->program || !l->src)
        return fail(l, "%s", "a version 2 recording needs its 'program' and 'source' lines");
    if (l->src_left)
        return fail(l, "%s", "the source ends before the line count of its 'source N' line");
    char msg[512];
    const char *names[GOPROG_MAX_SETS], *values[GOPROG_MAX_SETS];
    for (int i = 0; i < l->nsets; i++)
        names[i] = l->set_names[i], values[i] = l->set_values[i];
    char *src = l->src;
    l->src = NULL;
    d->prog =
        goprog_load_text(l->program, src, l->src_len, l->nsets, names, values, msg, sizeof msg);
    if (!d->prog)
        return fail(l, "the recorded program does not check here: %.150s", msg);
    session_go_layout(&d->params, &d->layout, l->program);
    d->layout.job_line = goprog_job_line(d->prog);
    l->stage = AT_EVENTS;
    return 0;
}

static void loader_free(loader *l)
{
    free(l->program);
    for (int i = 0; i < l->nsets; i++)
        free(l->set_names[i]), free(l->set_values[i]);
    free(l->src);
}

static int check_end(loader *l, const char *s)
{
    char *end;
    errno = 0;
    unsigned long long n = strtoull(s, &end, 10);
    if (errno || *end || end == s || n != l->d->n)
        return fail(l, "end line says '%.30s' events, but the file has a different count", s);
    l->d->complete = 1;
    l->stage = AT_END;
    return 0;
}

static int parse_line(loader *l, char *s)
{
    ps_event e;
    if (l->stage == AT_MAGIC)
        return check_magic(l, s);
    if (s[0] == '#' || s[0] == '\0')
        return 0;
    if (l->stage == AT_EVENTS && s[0] >= '0' && s[0] <= '9')
        return parse_event(l, s, &e) ? -1 : push_event(l, &e);
    if (l->stage == AT_EVENTS && !strncmp(s, "end ", 4))
        return check_end(l, s + 4);
    if (l->stage == AT_EVENTS && l->version >= 3 && !strncmp(s, "key ", 4))
        return parse_key(l, s + 4);
    if (l->stage >= AT_PARAMS && l->stage < AT_END && l->version >= 3 && !strncmp(s, "screen ", 7))
        return parse_screen(l, s + 7);
    if (l->stage == AT_PARAMS && l->src_left && (s[0] == '|' || s[0] == '+'))
        return source_add(l, s);
    if (l->stage == AT_PARAMS && l->src && s[0] == '+' && (s[1] == ' ' || !s[1]))
        return source_add(l, s);
    if (l->stage == AT_PARAMS && !strncmp(s, "program ", 8))
        return parse_program(l, s + 8);
    if (l->stage == AT_PARAMS && !strncmp(s, "set ", 4))
        return parse_set(l, s + 4);
    if (l->stage == AT_PARAMS && !strncmp(s, "source ", 7))
        return parse_source_count(l, s + 7);
    if (l->stage == AT_PARAMS && !strcmp(s, "events"))
        return check_program_of(l);
    if (l->stage == AT_END)
        return fail(l, "%s", "text after the end line");
    return fail(l, "unexpected line '%.40s'", s);
}

/* ---- checkpoints ---- */

/* A checkpoint's size at most: the model, every object the recording makes
 * (and its index entry), and the channels' contents at the most items the
 * recording ever had queued (sends not yet received, over all channels). */
static size_t model_bytes(const replay_data *d)
{
    uint64_t objs = 0, queued = 0, most = 0;
    for (uint64_t i = 0; i < d->n; i++) {
        int k = d->events[i].kind;
        objs += k == EV_OBJECT;
        queued += k == EV_Q_SEND;
        queued -= k == EV_Q_RECV && queued;
        most = queued > most ? queued : most;
    }
    objs = objs < MODEL_OBJS_MAX ? objs : MODEL_OBJS_MAX;
    most = most < (uint64_t)MODEL_CHAN_ITEMS * 4 ? most : (uint64_t)MODEL_CHAN_ITEMS * 4;
    /* the channels' contents at their fullest: 10 bytes an item at most (itemq.h) */
    return sizeof(model) + (size_t)objs * (sizeof(model_obj) + 2 * sizeof(uint32_t)) +
           (size_t)most * 10u;
}

/* Spacing: REPLAY_CP_MIN, or wider so that every checkpoint fits the budget
 * (a run with a huge queue has a huge model). */
static uint64_t cp_spacing(const replay_data *d)
{
    uint64_t max_cps = REPLAY_CP_BUDGET / model_bytes(d);
    if (max_cps < 2)
        max_cps = 2;
    uint64_t every = (d->n + max_cps - 1) / max_cps;
    return every < REPLAY_CP_MIN ? REPLAY_CP_MIN : every;
}

/* The recorded program's listing, from the source the recording holds. */
static void load_text(replay_data *d)
{
    if (d->prog)
        scentext_from_goprog(&d->text, d->prog);
}

static int build_checkpoints(replay_data *d)
{
    model m;
    d->cp_every = cp_spacing(d);
    d->n_cps = d->n / d->cp_every + 1;
    d->cps = calloc(d->n_cps, sizeof(model));
    if (!d->cps || model_init(&m, &d->layout))
        return -1;
    model_set_text(&m, &d->text);
    int rc = 0;
    for (uint64_t k = 0; k < d->n_cps && rc == 0; k++) {
        for (uint64_t i = k ? (k - 1) * d->cp_every : 0; k && i < k * d->cp_every; i++)
            model_apply(&m, &d->events[i]);
        rc = model_copy(&d->cps[k], &m);
        if (rc)
            d->n_cps = k; /* those before are whole */
    }
    model_free(&m);
    return rc;
}

int replay_model_at(const replay_data *d, uint64_t seq, model *m)
{
    if (seq > d->n)
        seq = d->n;
    uint64_t k = seq / d->cp_every;
    if (k >= d->n_cps)
        k = d->n_cps - 1;
    model_free(m);
    if (model_copy(m, &d->cps[k]))
        return -1;
    for (uint64_t i = k * d->cp_every; i < seq; i++)
        model_apply(m, &d->events[i]);
    return 0;
}

/* ---- the whole file ---- */

/* Lines are read through a block buffer and bounded: a recording's longest
 * line is ~150 bytes, and /dev/zero or a 2 GB line must not be read whole
 * before it is refused. */
typedef struct line_reader {
    FILE *f;
    size_t pos, len;
    char buf[1 << 16];
} line_reader;

/* The next line into out (without its newline, NUL-terminated), at most
 * REPLAY_LINE_MAX bytes.  Its length, or -1 at the end of the file, -2 if it
 * is longer, -3 if the file ends inside it (no newline), -4 if it holds a
 * NUL byte (seen before the length: a file of zeros is not text at all). */
static long next_line(line_reader *r, char *out)
{
    size_t n = 0;
    for (;;) {
        if (r->pos == r->len) {
            r->len = fread(r->buf, 1, sizeof r->buf, r->f);
            r->pos = 0;
            if (!r->len)
                return n ? -3 : -1;
        }
        const char *nl = memchr(r->buf + r->pos, '\n', r->len - r->pos);
        size_t take = nl ? (size_t)(nl - (r->buf + r->pos)) : r->len - r->pos;
        if (memchr(r->buf + r->pos, '\0', take))
            return -4;
        if (n + take > REPLAY_LINE_MAX)
            return -2;
        memcpy(out + n, r->buf + r->pos, take);
        n += take;
        r->pos += take + (nl != NULL);
        if (nl) {
            if (n && out[n - 1] == '\r') /* a recording that crossed to Windows: CRLF */
                n--;
            out[n] = '\0';
            return (long)n;
        }
    }
}

static int read_lines(loader *l, FILE *f)
{
    line_reader *r = malloc(sizeof(*r));
    char *line = malloc(REPLAY_LINE_MAX + 1);
    int rc = 0;
    if (!r || !line) {
        free(r);
        free(line);
        return fail(l, "%s", "out of memory");
    }
    *r = (line_reader){.f = f};
    long n;
    while (rc == 0 && (n = next_line(r, line)) != -1) {
        l->line++;
        if (n == -3)
            rc = fail(l, "%s", "last line is cut short (no newline)");
        else if (n == -2)
            rc = fail(l, "%s", "line longer than 4096 bytes (not a poolscope recording)");
        else if (n == -4)
            rc = fail(l, "%s", "a NUL byte in the line (not a text recording)");
        else if (l->d->n >= REPLAY_EVENTS_MAX && l->stage == AT_EVENTS)
            rc = fail(l, "%s", "more events than a replay holds (allowed: up to 16777216)");
        else
            rc = parse_line(l, line);
    }
    free(r);
    free(line);
    if (rc == 0 && ferror(f))
        rc = fail(l, "read error: %s", strerror(errno));
    return rc;
}

/* After the lines: what can be replayed, and what to say about it. */
static int load_verdict(loader *l, int rc)
{
    replay_data *d = l->d;
    size_t used = strlen(l->err);
    if (l->stage == AT_MAGIC && rc == 0) {
        l->line = 1;
        return fail(l, "%s", "empty file, not a poolscope recording");
    }
    if (l->stage < AT_EVENTS) {
        if (rc == 0) {
            l->line++;
            fail(l, "%s", "the file ends before its 'events' line");
        }
        return -1;
    }
    if (rc == 0 && d->complete)
        return 0;
    if (rc == 0)
        snprintf(l->err, l->len, "%s: no end line (the recording was cut short)", l->path);
    used = strlen(l->err);
    snprintf(l->err + used, l->len - used, "; replaying the %llu events before it",
             (unsigned long long)d->n);
    return 1;
}

/* Opens a recording to read: a regular file of at most REPLAY_FILE_MAX bytes
 * (a FIFO would block in fopen, a device never end), else NULL and why. */
static FILE *replay_open(const char *path, char *err, size_t len)
{
    /* O_NONBLOCK: opening a FIFO with no writer returns at once */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    const char *why = NULL;
    if (fd < 0 || fstat(fd, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = S_ISDIR(st.st_mode) ? strerror(EISDIR) : "not a regular file (a FIFO or a device)";
    else if (st.st_size > REPLAY_FILE_MAX)
        why = "larger than 2 GiB (allowed: up to " REPLAY_FILE_MAX_TEXT ")";
    FILE *f = why ? NULL : fdopen(fd, "r");
    if (f)
        fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    else if (fd >= 0)
        close(fd);
    if (!f)
        snprintf(err, len, "cannot read recording %s: %s", path, why ? why : strerror(errno));
    return f;
}

int replay_load(replay_data *d, const char *path, char *err, size_t len)
{
    loader l = {.d = d, .path = path, .stage = AT_MAGIC, .err = err, .len = len};
    memset(d, 0, sizeof(*d));
    err[0] = '\0';
    FILE *f = replay_open(path, err, len);
    if (!f)
        return -1;
    int rc = load_verdict(&l, read_lines(&l, f));
    fclose(f);
    loader_free(&l);
    if (rc >= 0)
        load_text(d);
    if (rc >= 0 && build_checkpoints(d)) {
        snprintf(err, len, "%s: out of memory for the replay's checkpoints", path);
        rc = -1;
    }
    if (rc < 0)
        replay_free(d);
    return rc;
}

void replay_free(replay_data *d)
{
    for (uint64_t k = 0; d->cps && k < d->n_cps; k++)
        model_free(&d->cps[k]);
    free(d->cps);
    free(d->events);
    free(d->keys);
    goprog_free(d->prog);
    memset(d, 0, sizeof(*d));
}
