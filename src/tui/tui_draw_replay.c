/* tui_draw_replay.c - the replay position bar: where in the recording the
 * screen is (event k of N, virtual time), as text and as a bar, so a
 * lecturer who seeks sees at once where they landed. */
#include <stdio.h>

#include "rec/replay.h"
#include "tui_draw.h"

void tui_frame_replay(tui_frame_input *in, const replay_data *d, const model *m)
{
    in->replay = 1;
    in->pos = m->events < d->n ? m->events : d->n;
    in->len = d->n;
    in->pos_vt = in->pos ? d->events[in->pos - 1].vt_ns : 0;
    in->len_vt = d->n ? d->events[d->n - 1].vt_ns : 0;
    in->partial = !d->complete;
}

void tui_draw_posbar(WINDOW *w, const tui_frame_input *in, tui_rect r)
{
    char left[64], right[96];
    snprintf(left, sizeof left, " event %llu/%llu ", (unsigned long long)in->pos,
             (unsigned long long)in->len);
    snprintf(right, sizeof right, " %.3fs of %.3fs%s ", (double)in->pos_vt / 1e9,
             (double)in->len_vt / 1e9, in->partial ? " (cut short)" : "");
    tui_fill(w, r.y, r.x, r.w, TR_NORMAL);
    int x = r.x + tui_put(w, r.y, r.x, r.w, TR_BOX_TITLE, left);
    int rw = tui_width(right), bar = r.w - (x - r.x) - rw;
    if (bar >= 8)
        tui_bar(w, r.y, x, bar, in->pos, in->len ? in->len : 1);
    else
        bar = 0;
    tui_put(w, r.y, x + bar, r.w - (x + bar - r.x), TR_NORMAL, right);
}
