/* fuzz_scenfile.c - libFuzzer target for the scenario-file parser: the input
 * is loaded as --scenario FILE would (a private file), and, when it holds no
 * NUL byte, also from memory as the built-ins are; both must agree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fuzz_file.h"
#include "scen/scenfile.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_loaded(const ps_params *p, const scenario_text *t)
{
    if (p->workers < 1 || p->workers > PS_MAX_WORKERS || p->jobs < 0 || p->queue_cap < 1 ||
        p->job_ns < 0 || p->kind < 0 || p->kind >= SK_KIND_COUNT || p->n_durations < 0 ||
        p->n_durations > PS_MAX_DURATIONS || p->n_names < 0 || p->n_names > PS_MAX_COUNTERS)
        abort();
    if (!memchr(p->name, 0, sizeof p->name) || !memchr(p->title, 0, sizeof p->title))
        abort();
    if (t->n_lines < 0 || t->n_lines > SCENTEXT_MAX_LINES ||
        !memchr(t->description, 0, sizeof t->description))
        abort();
    for (int i = 0; i < t->n_lines; i++)
        if (!memchr(t->lines[i], 0, SCENTEXT_LINE_LEN))
            abort();
    /* every highlighted line is one of the listing's lines */
    for (int k = 0; k < EV_KIND_COUNT; k++)
        for (int a = 0; a <= 2; a++)
            for (int s = -1; s < PS_MAX_SAYS; s++)
                if (scentext_line(t, k, a, s) > t->n_lines)
                    abort();
    /* the layout a view reads is derived without trouble */
    ps_layout l;
    scenario_layout(p, &l);
    if (l.workers != p->workers)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static scenario_text t1, t2;
    const char *path = fuzz_file("scenfile", "ini", data, size);
    if (!path)
        return 0;
    ps_params p1, p2;
    char e1[512] = "", e2[512] = "";
    memset(&p1, 0, sizeof p1);
    int rc1 = scenfile_load(path, &p1, &t1, e1, sizeof e1);
    /* a refusal names the file and the line: "FILE:LINE: ..." */
    if (rc1 != 0 && (rc1 != -1 || strncmp(e1, path, strlen(path)) != 0 || e1[strlen(path)] != ':'))
        abort();
    if (rc1 == 0)
        check_loaded(&p1, &t1);
    for (const char *c = e1; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7f)
            abort(); /* a message goes to a terminal: no control bytes */
    if (!memchr(data, 0, size)) {
        char *s = malloc(size + 1);
        if (!s)
            return 0;
        memcpy(s, data, size);
        s[size] = '\0';
        memset(&p2, 0, sizeof p2);
        int rc2 = scenfile_load_string(path, s, &p2, &t2, e2, sizeof e2);
        free(s);
        if (rc1 != rc2 || (rc1 && strcmp(e1, e2)))
            abort(); /* a file and the same text in memory read alike */
        if (rc1 == 0 && (p1.workers != p2.workers || p1.jobs != p2.jobs ||
                         strcmp(p1.name, p2.name) || t1.n_lines != t2.n_lines))
            abort();
    }
    return 0;
}
