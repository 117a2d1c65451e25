#include "logfmt.h"

#include <stdint.h>
#include <string.h>

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

/* Decimal digits of v into buf (no terminator); returns how many.  Not
 * snprintf: a lecture line has one or two numbers, and the headless printer
 * formats millions of lines a second. */
static size_t logfmt_int(int64_t v, char *buf)
{
    char tmp[24];
    size_t n = 0, k = 0;
    uint64_t u = v < 0 ? 0u - (uint64_t)v : (uint64_t)v; /* INT64_MIN too */
    do {
        tmp[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        buf[k++] = '-';
    while (n)
        buf[k++] = tmp[--n];
    return k;
}

size_t logfmt_expand(const char *t, const ps_event *e, char *buf, size_t len)
{
    size_t n = 0;
    if (!len)
        return 0;
    for (; *t && n + 1 < len; t++) {
        int64_t v;
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
        char num[24];
        size_t k = logfmt_int(v, num);
        if (k > len - 1 - n)
            k = len - 1 - n; /* cut, as snprintf would */
        memcpy(buf + n, num, k);
        n += k;
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
