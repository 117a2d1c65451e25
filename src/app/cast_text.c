#include "cast_text.h"

#include <inttypes.h>

#include "model/logfmt.h"

static int text_open(void *ctx, FILE *term, int width, int height)
{
    (void)width;
    (void)height;
    ((cast_text *)ctx)->term = term;
    return 0;
}

static void text_actors(FILE *f, const model *m)
{
    char name[PS_ACTOR_NAME_LEN];
    for (int a = 0; a < m->n_actors && a < 10; a++) {
        const model_actor *ac = &m->actors[a];
        fprintf(f, "  %-5s %-10s", model_actor_name(a, name), model_state_name(ac->state));
        if (ac->state == MS_WORKING)
            fprintf(f, " job %" PRId64, ac->job);
        fputs("\033[K\r\n", f);
    }
}

static void text_objects(FILE *f, const model *m)
{
    const ps_layout *l = &m->layout;
    for (int q = 0; q < l->n_queues; q++)
        fprintf(f, "  queue %-8s %" PRIu64 "/%u%s\033[K\r\n", l->queues[q].name, m->queues[q].depth,
                (unsigned)m->queues[q].cap, m->queues[q].closed ? " closed" : "");
    for (int c = 0; c < l->n_counters; c++)
        fprintf(f, "  %-14s %" PRId64 "\033[K\r\n", l->counters[c], m->counters[c].value);
    for (int w = 0; w < l->n_wgs; w++)
        fprintf(f, "  %-14s %" PRId64 "\033[K\r\n", l->wgs[w], m->wgs[w].count);
}

static void text_draw(void *ctx, const model *m, uint64_t vt)
{
    char line[128];
    FILE *f = ((cast_text *)ctx)->term;
    fprintf(f, "\033[H\033[1mpoolscope\033[0m  t = %.3f s\033[K\r\n\033[K\r\n", (double)vt / 1e9);
    text_actors(f, m);
    fputs("\033[K\r\n", f);
    text_objects(f, m);
    fputs("\033[K\r\n", f);
    for (uint64_t i = 6; i-- > 0;) {
        const ps_event *e = model_line_at(m, i);
        if (e && logfmt_line(&m->layout, e, line, sizeof line))
            fprintf(f, "  %s\033[K\r\n", line);
    }
    fputs("\033[J", f);
}

cast_view cast_text_view(cast_text *t)
{
    return (cast_view){.ctx = t,
                       .width = CAST_TEXT_WIDTH,
                       .height = CAST_TEXT_HEIGHT,
                       .open = text_open,
                       .draw = text_draw};
}
