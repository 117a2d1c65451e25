#include "event.h"

#include <inttypes.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[EV_KIND_COUNT] = {
#define PS_KIND_NAME(name, text) [EV_##name] = text,
    PS_EVENT_KINDS(PS_KIND_NAME)
#undef PS_KIND_NAME
};

const char *event_kind_name(int kind)
{
    return kind >= 0 && kind < EV_KIND_COUNT ? kind_names[kind] : "unknown";
}

int event_kind_parse(const char *name)
{
    for (int k = 0; k < EV_KIND_COUNT; k++)
        if (strcmp(kind_names[k], name) == 0)
            return k;
    return -1;
}

const char *event_actor_name(int actor, char buf[PS_ACTOR_NAME_LEN])
{
    if (actor == PS_ACTOR_MAIN)
        return "main";
    if (actor == PS_ACTOR_CTL)
        return "ctl";
    snprintf(buf, PS_ACTOR_NAME_LEN, "W%d", actor);
    return buf;
}

size_t event_format(const ps_event *e, char *buf, size_t len)
{
    char a[PS_ACTOR_NAME_LEN];
    int n = snprintf(buf, len,
                     "%" PRIu64 " %" PRIu64 " %" PRIu64 " %s %s %" PRIu32 " %" PRId64 " %" PRId64
                     " %" PRIu64,
                     e->seq, e->vt_ns, e->rt_ns, event_actor_name(e->actor, a),
                     event_kind_name(e->kind), e->obj, e->arg, e->value, e->wt_ns);
    if (n < 0)
        return 0;
    if (e->line && (size_t)n < len) { /* a Go program's: its source line */
        int k = snprintf(buf + n, len - (size_t)n, " @%" PRIu32, e->line);
        n += k > 0 ? k : 0;
    }
    return (size_t)n;
}
