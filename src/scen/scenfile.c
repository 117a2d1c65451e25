/* scenfile.c - a Go scenario's source as the code panel lists it (see
 * scenfile.h). */
#include "scenfile.h"

#include <stdio.h>
#include <string.h>

#include "go/goprog.h"

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
