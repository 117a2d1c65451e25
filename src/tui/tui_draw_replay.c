/* tui_draw_replay.c - the replay position bar: where in the recording the
 * screen is (event k of N, virtual time), as text and as a bar, so a
 * lecturer who seeks sees at once where they landed. */
#include <stdio.h>

#include "go/goprog.h"
#include "rec/replay.h"
#include "tui_draw.h"

void tui_frame_replay(tui_frame_input *in, session *s, const model *m)
{
    const replay_data *d = session_replay_data(s);
    ps_pace pace;
    in->replay = 1;
    in->pos = m->events < d->n ? m->events : d->n;
    in->len = d->n;
    in->pos_t = session_replay_clock(s, &pace, &in->len_t);
    in->clock = pace_name(pace);
    in->partial = !d->complete;
}

/* An operation's verb, as a lecturer says it. */
static const char *op_verb(int kind)
{
    static const char *const verbs[EV_KIND_COUNT] = {
        [EV_Q_SEND] = "send",
        [EV_Q_RECV] = "recv",
        [EV_Q_SEND_BLOCKED] = "send (blocks)",
        [EV_Q_RECV_BLOCKED] = "recv (blocks)",
        [EV_Q_RECV_CLOSED] = "recv (closed)",
        [EV_Q_CLOSE] = "close",
        [EV_WG_ADD] = "Add",
        [EV_WG_DONE] = "Done",
        [EV_WG_WAIT] = "Wait",
        [EV_WG_WAIT_RETURN] = "Wait returns",
        [EV_ATOMIC_ADD] = "add",
        [EV_ATOMIC_LOAD] = "load",
        [EV_ATOMIC_STORE] = "store",
        [EV_ATOMIC_SWAP] = "swap",
        [EV_ATOMIC_CAS] = "cas",
        [EV_ATOMIC_CAS_FAILED] = "cas (fails)",
        [EV_MUTEX_REQUEST] = "Lock",
        [EV_MUTEX_ACQUIRED] = "Lock",
        [EV_MUTEX_RELEASED] = "Unlock",
        [EV_SLEEP] = "sleep",
        [EV_WAKE] = "wakes",
        [EV_THREAD_EXIT] = "exits",
        [EV_THREAD_START] = "go",
        [EV_SELECT_BLOCKED] = "select (blocks)",
        [EV_OUTPUT] = "prints",
        [EV_SCENARIO_END] = "ends",
    };
    return kind >= 0 && kind < EV_KIND_COUNT && verbs[kind] ? verbs[kind] : NULL;
}

void tui_replay_key_text(const replay_data *d, uint64_t k, const model *m, const goprog *prog,
                         char *buf, size_t len)
{
    uint64_t end = k + 1 < d->n_keys ? d->keys[k + 1].at : d->n;
    char who[PS_ACTOR_NAME_LEN];
    int n = snprintf(buf, len, "%s", d->keys[k].name);
    for (uint64_t i = d->keys[k].at; i < end && i < d->n; i++) {
        const ps_event *e = &d->events[i];
        const char *verb = e->actor == PS_ACTOR_CTL ? NULL : op_verb(e->kind);
        if (!verb)
            continue;
        const model_obj *o = model_obj_find(m, e->obj);
        const char *name = o ? goprog_object_name(prog, o->kind, o->line, o->cap) : NULL;
        snprintf(buf + n, len - (size_t)n, "  %s %s%s%s", event_actor_name((int)e->actor, who),
                 verb, name ? " " : "", name ? name : "");
        return;
    }
}

void tui_draw_posbar(WINDOW *w, const tui_frame_input *in, tui_rect r)
{
    char left[64], right[96];
    snprintf(left, sizeof left, " event %llu/%llu ", (unsigned long long)in->pos,
             (unsigned long long)in->len);
    snprintf(right, sizeof right, " %.3fs of %.3fs %s%s ", (double)in->pos_t / 1e9,
             (double)in->len_t / 1e9, in->clock ? in->clock : "",
             in->partial ? " (cut short)" : "");
    tui_fill(w, r.y, r.x, r.w, TR_NORMAL);
    int x = r.x + tui_put(w, r.y, r.x, r.w, TR_BOX_TITLE, left);
    int rw = tui_width(right), bar = r.w - (x - r.x) - rw;
    if (bar >= 8)
        tui_bar(w, r.y, x, bar, in->pos, in->len ? in->len : 1);
    else
        bar = 0;
    tui_put(w, r.y, x + bar, r.w - (x + bar - r.x), TR_NORMAL, right);
}
