#include "logfmt.h"

#include <stdio.h>

static const char *template_for(const ps_layout *l, const ps_event *e)
{
    switch (e->kind) {
    case EV_JOB_STARTED:
        return l->job_started[0] ? l->job_started : NULL;
    case EV_JOB_FINISHED:
        return l->job_finished[0] ? l->job_finished : NULL;
    case EV_Q_SEND_BLOCKED:
        return l->send_blocked[0] ? l->send_blocked : NULL;
    case EV_SAY:
        return e->obj < (uint32_t)l->n_says && e->obj < PS_MAX_SAYS ? l->says[e->obj] : NULL;
    default:
        return NULL;
    }
}

int logfmt_has_line(const ps_layout *l, const ps_event *e)
{
    return template_for(l, e) != NULL;
}

size_t logfmt_expand(const char *t, const ps_event *e, char *buf, size_t len)
{
    size_t n = 0;
    if (!len)
        return 0;
    for (; *t && n + 1 < len; t++) {
        long long v;
        if (t[0] != '%' || !t[1]) {
            buf[n++] = *t;
            continue;
        }
        t++;
        switch (*t) {
        case 'w':
            v = e->actor;
            break;
        case 'j':
            v = e->arg;
            break;
        case 'v':
            v = e->value;
            break;
        default:
            buf[n++] = *t;
            continue;
        }
        int k = snprintf(buf + n, len - n, "%lld", v);
        if (k < 0)
            break;
        n += (size_t)k < len - n ? (size_t)k : len - n - 1;
    }
    buf[n] = '\0';
    return n;
}

size_t logfmt_line(const ps_layout *l, const ps_event *e, char *buf, size_t len)
{
    const char *t = template_for(l, e);
    if (!t) {
        if (len)
            buf[0] = '\0';
        return 0;
    }
    return logfmt_expand(t, e, buf, len);
}
