#include "record.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "go/goprog.h"
#include "sync/clock.h"
#include "version.h"

struct recorder {
    FILE *f;
    char path[256];
    uint64_t count;
    uint64_t last_flush; /* monotonic ns */
    int stopped;
    /* the lecture clock's origin on the monotonic clock, from the first
     * event (its wt_ns), so a key pressed between events is on that clock */
    uint64_t wt_origin, last_wt;
    int have_origin, cols, rows;
    char error[384];
};

/* Stops the recording with a message naming the file and the cause. */
static int record_fail(recorder *r, int err)
{
    if (r->stopped)
        return 0;
    r->stopped = 1;
    snprintf(r->error, sizeof r->error, "recording to %s stopped after %llu events: %s", r->path,
             (unsigned long long)r->count, strerror(err ? err : EIO));
    return -1;
}

static int record_flush(recorder *r)
{
    if (r->stopped)
        return 0;
    r->last_flush = clock_now_ns();
    errno = 0;
    if (fflush(r->f) != 0 || ferror(r->f))
        return record_fail(r, errno);
    return 0;
}

/* A text value on one line: "\n" for a newline, "\\" for a backslash. */
static void put_text(FILE *f, const char *s)
{
    for (; *s; s++)
        if (*s == '\n' || *s == '\\')
            fputs(*s == '\n' ? "\\n" : "\\\\", f);
        else
            fputc(*s, f);
}

/* The source a line a record: "| TEXT", and "+ TEXT" for the rest of a
 * line longer than RECORD_SOURCE_CHUNK bytes (a reader's lines are bounded). */
static void put_source(FILE *f, const char *src, size_t len)
{
    int lines = 0;
    for (size_t i = 0; i < len; i++)
        lines += src[i] == '\n';
    lines += len && src[len - 1] != '\n';
    fprintf(f, "source %d\n", lines);
    const char *p = src, *end = src + len;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        size_t n = nl ? (size_t)(nl - p) : (size_t)(end - p);
        for (size_t at = 0; at == 0 || at < n; at += RECORD_SOURCE_CHUNK) {
            size_t k = n - at < RECORD_SOURCE_CHUNK ? n - at : RECORD_SOURCE_CHUNK;
            fprintf(f, "%s%.*s\n", at ? "+ " : "| ", (int)k, p + at);
        }
        p += n + (nl != NULL);
    }
}

recorder *record_open_go(const char *path, const goprog *g, char *err, size_t len)
{
    recorder *r = calloc(1, sizeof(*r));
    if (!r) {
        snprintf(err, len, "cannot record to %s: out of memory", path);
        return NULL;
    }
    snprintf(r->path, sizeof r->path, "%s", path);
    r->f = fopen(path, "w");
    if (!r->f) {
        snprintf(err, len, "cannot record to %s: %s", path, strerror(errno));
        free(r);
        return NULL;
    }
    fprintf(r->f, "%s %d\n# written by poolscope %s; see docs/recording-format.md\nprogram ",
            RECORD_MAGIC, RECORD_VERSION, PS_VERSION);
    put_text(r->f, g->path);
    fputc('\n', r->f);
    for (int i = 0; i < g->nsets; i++) {
        fputs("set ", r->f);
        put_text(r->f, g->set_names[i]);
        fputc('=', r->f);
        put_text(r->f, g->set_values[i]);
        fputc('\n', r->f);
    }
    put_source(r->f, g->src, g->len);
    fputs("# seq vt_ns rt_ns actor kind obj arg value wt_ns [@line]\nevents\n", r->f);
    record_flush(r);
    return r;
}

int record_event(recorder *r, const ps_event *e)
{
    char line[256];
    if (r->stopped)
        return 0;
    if (!r->have_origin) {
        r->wt_origin = clock_now_ns() - e->wt_ns;
        r->have_origin = 1;
    }
    r->last_wt = e->wt_ns > r->last_wt ? e->wt_ns : r->last_wt;
    size_t n = event_format(e, line, sizeof line - 1);
    line[n++] = '\n';
    errno = 0;
    if (fwrite(line, 1, n, r->f) != n)
        return record_fail(r, errno);
    r->count++;
    return record_tick(r);
}

/* One whole line, or the recording stops. */
static int put_line(recorder *r, const char *line, int n)
{
    if (r->stopped)
        return 0;
    errno = 0;
    if (n < 0 || fwrite(line, 1, (size_t)n, r->f) != (size_t)n)
        return record_fail(r, errno);
    return record_tick(r);
}

int record_key(recorder *r, const char *name)
{
    char line[64];
    uint64_t now = clock_now_ns();
    uint64_t wt = r->have_origin && now > r->wt_origin ? now - r->wt_origin : 0;
    wt = wt > r->last_wt ? wt : r->last_wt; /* never before what was shown */
    return put_line(r, line,
                    snprintf(line, sizeof line, "key %llu %.15s\n", (unsigned long long)wt, name));
}

int record_screen(recorder *r, int cols, int rows)
{
    char line[64];
    if (cols == r->cols && rows == r->rows)
        return 0;
    r->cols = cols;
    r->rows = rows;
    return put_line(r, line, snprintf(line, sizeof line, "screen %d %d\n", cols, rows));
}

int record_tick(recorder *r)
{
    if (r->stopped || clock_now_ns() - r->last_flush < RECORD_FLUSH_NS)
        return 0;
    return record_flush(r);
}

int record_close(recorder *r, char *err, size_t len)
{
    if (!r->stopped)
        fprintf(r->f, "end %llu\n", (unsigned long long)r->count);
    record_flush(r);
    errno = 0;
    if (fclose(r->f) != 0)
        record_fail(r, errno);
    int rc = r->stopped ? -1 : 0;
    if (rc)
        snprintf(err, len, "%s", r->error);
    free(r);
    return rc;
}

const char *record_error(const recorder *r)
{
    return r->stopped ? r->error : NULL;
}
