#include "cast.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "json.h"
#include "outfile.h"

struct cast_writer {
    outfile out; /* written whole or not at all */
    FILE *f;     /* out.f */
    char path[256];
    double last;
};

cast_writer *cast_open(const char *path, int width, int height, const char *title, char *err,
                       size_t len)
{
    cast_writer *c = calloc(1, sizeof(*c));
    if (!c) {
        snprintf(err, len, "cannot export a cast to %s: out of memory", path);
        return NULL;
    }
    snprintf(c->path, sizeof c->path, "%s", path);
    if (outfile_open(&c->out, path) != 0 || !(c->f = c->out.f)) {
        snprintf(err, len, "cannot export a cast to %s: %s", path, strerror(errno));
        free(c);
        return NULL;
    }
    fprintf(c->f,
            "{\"version\": 2, \"width\": %d, \"height\": %d, \"timestamp\": %lld, \"title\": ",
            width, height, (long long)time(NULL));
    json_put_string(c->f, title, strlen(title));
    fputs(", \"env\": {\"TERM\": \"xterm-256color\"}}\n", c->f);
    return c;
}

static void put_event(cast_writer *c, double t, const char *code, const char *data, size_t n)
{
    if (!(t >= c->last)) /* also catches NaN */
        t = c->last;
    c->last = t;
    fprintf(c->f, "[%.6f, \"%s\", ", t, code);
    json_put_string(c->f, data, n);
    fputs("]\n", c->f);
}

void cast_output(cast_writer *c, double t, const char *data, size_t n)
{
    put_event(c, t, "o", data, n);
}

void cast_marker(cast_writer *c, double t, const char *label)
{
    put_event(c, t, "m", label, strlen(label));
}

int cast_close(cast_writer *c, int ok, char *err, size_t len)
{
    int bad = outfile_close(&c->out, ok) != 0;
    int e = errno;
    if (bad)
        snprintf(err, len, "exporting the cast to %s failed: %s", c->path, strerror(e));
    free(c);
    return bad ? -1 : 0;
}
