#include "cast_text.h"

#include <inttypes.h>

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
        if (ac->line)
            fprintf(f, " line %u", (unsigned)ac->line);
        fputs("\033[K\r\n", f);
    }
}

/* The program's objects by kind and id (a text cast has no program to
 * name them): a channel's depth, a WaitGroup's count, a variable's value. */
static void text_objects(FILE *f, const model *m)
{
    for (int i = 0; i < m->n_objs && i < 8; i++) {
        const model_obj *o = &m->objs[i];
        if (o->kind == PS_OBJ_CHAN)
            fprintf(f, "  chan#%-4u %" PRId64 "/%" PRId64 "%s\033[K\r\n", o->id, o->depth, o->cap,
                    o->closed ? " closed" : "");
        else if (o->kind == PS_OBJ_WG)
            fprintf(f, "  wg#%-6u %" PRId64 "\033[K\r\n", o->id, o->count);
        else if (o->kind == PS_OBJ_ATOMIC || o->kind == PS_OBJ_VAR)
            fprintf(f, "  var#%-5u %" PRId64 "\033[K\r\n", o->id, o->value);
    }
}

static void text_draw(void *ctx, const model *m, uint64_t vt, uint64_t wall_ns)
{
    (void)wall_ns;
    FILE *f = ((cast_text *)ctx)->term;
    fprintf(f, "\033[H\033[1mpoolscope\033[0m  t = %.3f s\033[K\r\n\033[K\r\n", (double)vt / 1e9);
    text_actors(f, m);
    fputs("\033[K\r\n", f);
    text_objects(f, m);
    fputs("\033[J", f);
}

cast_view cast_text_view(cast_text *t)
{
    return (cast_view){
        .ctx = t, .width = CAST_COLS, .height = CAST_ROWS, .open = text_open, .draw = text_draw};
}
