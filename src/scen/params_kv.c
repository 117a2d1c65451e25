#include "params_kv.h"

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "printable.h"

/* KV_DURATIONS: n_durations and durations_ns as "300000000,600000000";
 * KV_COUNTERS: names and targets as one name per thread, "a,a,b". */
typedef enum { KV_KIND, KV_TEXT, KV_INT, KV_I64, KV_DURATIONS, KV_COUNTERS } kv_type;

typedef struct kv_field {
    const char *key;
    kv_type type;
    size_t offset;
    size_t size; /* KV_TEXT: the buffer's size */
} kv_field;

#define KV(key, type, field)                                                                       \
    {                                                                                              \
        key, type, offsetof(ps_params, field), sizeof(((ps_params *)0)->field)                     \
    }

/* Every field of ps_params, "kind" first: a reader sets the scenario's
 * defaults from it before the other keys override them. */
static const kv_field fields[] = {
    KV("kind", KV_KIND, kind),
    KV("name", KV_TEXT, name),
    KV("title", KV_TEXT, title),
    KV("workers", KV_INT, workers),
    KV("jobs", KV_INT, jobs),
    KV("job_ns", KV_I64, job_ns),
    KV("queue_cap", KV_INT, queue_cap),
    KV("speed_milli", KV_I64, speed_milli),
    KV("durations_ns", KV_DURATIONS, durations_ns),
    KV("job_ns_max", KV_I64, job_ns_max),
    KV("seed", KV_I64, seed), /* uint64_t, stored as its int64_t bits */
    KV("fail_job", KV_INT, fail_job),
    KV("counters", KV_COUNTERS, names),
};

#define N_FIELDS (sizeof fields / sizeof fields[0])

/* Escapes '\n' and '\\' so that a value stays on its line. */
static void escape(const char *s, char *out, size_t len)
{
    size_t n = 0;
    for (; *s && n + 3 < len; s++) {
        if (*s == '\n' || *s == '\\') {
            out[n++] = '\\';
            out[n++] = *s == '\n' ? 'n' : '\\';
        } else {
            out[n++] = *s;
        }
    }
    out[n] = '\0';
}

static void unescape(const char *s, char *out, size_t len)
{
    size_t n = 0;
    for (; *s && n + 1 < len; s++) {
        if (s[0] == '\\' && (s[1] == 'n' || s[1] == '\\'))
            out[n++] = *++s == 'n' ? '\n' : '\\';
        else
            out[n++] = *s;
    }
    out[n] = '\0';
}

static void list_text(const ps_params *p, kv_type type, char *buf, size_t len)
{
    size_t n = 0;
    int count = type == KV_DURATIONS ? p->n_durations : p->n_targets;
    buf[0] = '\0';
    for (int i = 0; i < count && n < len; i++) {
        const char *sep = i ? "," : "";
        if (type == KV_DURATIONS)
            n += (size_t)snprintf(buf + n, len - n, "%s%" PRId64, sep, p->durations_ns[i]);
        else
            n += (size_t)snprintf(buf + n, len - n, "%s%s", sep, p->names[p->targets[i]]);
    }
}

/* The inverse of list_text; -1 on a bad item. */
/* What a counter's name may hold (as in scenario files). */
#define NAME_CHARS "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"

static int list_set(ps_params *p, kv_type type, const char *value)
{
    int n = 0;
    if (type == KV_DURATIONS)
        p->n_durations = 0;
    else
        p->n_names = p->n_targets = 0;
    for (const char *s = value; *s; n++) {
        size_t k = strcspn(s, ",");
        char item[32];
        if (k >= sizeof item || n >= (type == KV_DURATIONS ? PS_MAX_DURATIONS : PS_MAX_WORKERS))
            return -1;
        snprintf(item, sizeof item, "%.*s", (int)k, s);
        s += k + (s[k] == ',');
        if (type == KV_DURATIONS) {
            char *end;
            errno = 0;
            long long v = strtoll(item, &end, 10);
            if (!*item || errno || *end || v < 0)
                return -1;
            p->durations_ns[p->n_durations++] = v;
            continue;
        }
        int i = 0;
        while (i < p->n_names && strcmp(p->names[i], item))
            i++;
        if (i == p->n_names && (p->n_names == PS_MAX_COUNTERS || !*item || k >= PS_OBJ_NAME ||
                                item[strspn(item, NAME_CHARS)]))
            return -1; /* a name is shown in lecture lines: letters, digits and _ only */
        if (i == p->n_names)
            memcpy(p->names[p->n_names++], item, k + 1); /* k < PS_OBJ_NAME: fits */
        p->targets[p->n_targets++] = (uint8_t)i;
    }
    return 0;
}

static void field_text(const ps_params *p, const kv_field *f, char *buf, size_t len)
{
    const char *at = (const char *)p + f->offset;
    const scenario_def *d;
    switch (f->type) {
    case KV_KIND:
        d = scenario_by_kind(*(const int *)at);
        if (d)
            snprintf(buf, len, "%s", d->name);
        else
            snprintf(buf, len, "%d", *(const int *)at);
        break;
    case KV_TEXT:
        escape(at, buf, len);
        break;
    case KV_INT:
        snprintf(buf, len, "%d", *(const int *)at);
        break;
    case KV_I64:
        snprintf(buf, len, "%" PRId64, *(const int64_t *)at);
        break;
    case KV_DURATIONS:
    case KV_COUNTERS:
        list_text(p, f->type, buf, len);
        break;
    }
}

void params_kv_each(const ps_params *p, void (*fn)(void *ctx, const char *key, const char *value),
                    void *ctx)
{
    char buf[PS_MAX_DURATIONS * 21 + 8]; /* the longest: a list of durations */
    for (size_t i = 0; i < N_FIELDS; i++) {
        field_text(p, &fields[i], buf, sizeof buf);
        fn(ctx, fields[i].key, buf);
    }
}

static int parse_i64(const char *s, int64_t lo, int64_t hi, int64_t *out)
{
    char *end;
    errno = 0;
    long long v = strtoll(s, &end, 10);
    if (!*s || errno || *end || v < lo || v > hi)
        return -1;
    *out = v;
    return 0;
}

static int set_field(ps_params *p, const kv_field *f, const char *value)
{
    char *at = (char *)p + f->offset;
    const scenario_def *d;
    int64_t v;
    switch (f->type) {
    case KV_KIND:
        /* the scenario's name; then defaults, so that a recording that lacks
         * a newer field still gets a sound value for it */
        if (!(d = scenario_find(value)) || scenario_defaults(value, p))
            return -1;
        return 0;
    case KV_TEXT:
        unescape(value, at, f->size);
        /* shown on the screen and in the headless summary: no control bytes
         * (an escaped newline stays one: it is how a title breaks) */
        for (char *c = at; *c; c++)
            if (*c != '\n' && printable_char((unsigned char)*c) != (unsigned char)*c)
                *c = '?';
        return 0;
    case KV_INT:
        if (parse_i64(value, INT32_MIN, INT32_MAX, &v))
            return -1;
        *(int *)at = (int)v;
        return 0;
    case KV_I64:
        if (parse_i64(value, INT64_MIN, INT64_MAX, &v))
            return -1;
        *(int64_t *)at = v;
        return 0;
    case KV_DURATIONS:
    case KV_COUNTERS:
        return list_set(p, f->type, value);
    }
    return -1;
}

int params_kv_set(ps_params *p, const char *key, const char *value, char *err, size_t len)
{
    for (size_t i = 0; i < N_FIELDS; i++) {
        if (strcmp(fields[i].key, key) != 0)
            continue;
        if (set_field(p, &fields[i], value) == 0)
            return 0;
        snprintf(err, len, "bad value '%.40s' for parameter '%s'", value, key);
        return -1;
    }
    snprintf(err, len, "unknown parameter '%.40s'", key);
    return -1;
}
