#include "itemq.h"

#include <stdlib.h>
#include <string.h>

enum { VARINT_MAX = 10 };

void itemq_init(itemq *q)
{
    memset(q, 0, sizeof(*q));
}

void itemq_free(itemq *q)
{
    itemq_chunk *c = q->head;
    while (c) {
        itemq_chunk *n = c->next;
        free(c);
        c = n;
    }
    free(q->spare);
    itemq_init(q);
}

/* A chunk the head left: kept as the spare if there is none. */
static void chunk_retire(itemq *q, itemq_chunk *c)
{
    if (q->spare) {
        free(c);
        return;
    }
    c->next = NULL;
    c->len = 0;
    q->spare = c;
}

/* Zigzag: small negative and positive deltas both become small numbers.
 * Unsigned arithmetic throughout: wrapping is defined, and any two int64s
 * differ by a delta that wraps back exactly. */
static uint64_t zigzag(uint64_t d)
{
    return (d << 1) ^ (0u - (d >> 63));
}

static uint64_t unzigzag(uint64_t z)
{
    return (z >> 1) ^ (0u - (z & 1));
}

static uint32_t varint_put(uint8_t *p, uint64_t z)
{
    uint32_t n = 0;
    while (z >= 0x80) {
        p[n++] = (uint8_t)(z | 0x80);
        z >>= 7;
    }
    p[n++] = (uint8_t)z;
    return n;
}

/* Decodes the varint at c->data[*off], moving *off past it. */
static uint64_t varint_get(const itemq_chunk *c, uint32_t *off)
{
    uint64_t z = 0;
    for (unsigned shift = 0; *off < c->len && shift < 64; shift += 7) {
        uint8_t b = c->data[(*off)++];
        z |= (uint64_t)(b & 0x7f) << shift;
        if (!(b & 0x80))
            break;
    }
    return z;
}

static int64_t add_delta(int64_t v, uint64_t z)
{
    return (int64_t)((uint64_t)v + unzigzag(z));
}

int itemq_push(itemq *q, int64_t v)
{
    uint8_t buf[VARINT_MAX];
    uint32_t n = varint_put(buf, zigzag((uint64_t)v - (uint64_t)q->tail_val));
    if (!q->tail || q->tail->len + n > ITEMQ_CHUNK) {
        itemq_chunk *c = q->spare ? q->spare : malloc(sizeof(*c));
        if (!c)
            return -1;
        q->spare = NULL;
        c->next = NULL;
        c->len = 0;
        if (q->tail)
            q->tail->next = c;
        else
            q->head = c;
        q->tail = c;
    }
    memcpy(q->tail->data + q->tail->len, buf, n);
    if (!q->count) {
        q->head_off = q->tail->len;
        q->head_val = v;
    }
    q->tail->len += n;
    q->tail_val = v;
    q->count++;
    return 0;
}

/* Moves (c, off) to the start of the next item's delta. */
static void skip_item(const itemq_chunk **c, uint32_t *off)
{
    varint_get(*c, off);
    if (*off >= (*c)->len && (*c)->next) {
        *c = (*c)->next;
        *off = 0;
    }
}

int itemq_pop(itemq *q, int64_t *v)
{
    if (!q->count)
        return 0;
    *v = q->head_val;
    if (--q->count == 0) { /* empty: the one chunk left starts over */
        q->head->len = 0;
        q->head_off = 0;
        return 1;
    }
    const itemq_chunk *c = q->head;
    skip_item(&c, &q->head_off);
    if (c != q->head) {
        itemq_chunk *old = q->head;
        q->head = (itemq_chunk *)c;
        chunk_retire(q, old);
    }
    uint32_t off = q->head_off;
    q->head_val = add_delta(q->head_val, varint_get(q->head, &off));
    return 1;
}

int itemq_copy(itemq *dst, const itemq *src)
{
    *dst = *src;
    dst->head = dst->tail = dst->spare = NULL;
    itemq_chunk **link = &dst->head;
    for (const itemq_chunk *c = src->head; c; c = c->next) {
        itemq_chunk *n = malloc(sizeof(*n));
        if (!n) {
            itemq_free(dst);
            return -1;
        }
        memcpy(n, c, sizeof(*n));
        n->next = NULL;
        *link = n;
        link = &n->next;
        dst->tail = n;
    }
    return 0;
}

size_t itemq_bytes(const itemq *q)
{
    size_t n = 0;
    for (const itemq_chunk *c = q->head; c; c = c->next)
        n += sizeof(*c);
    return n + (q->spare ? sizeof(*q->spare) : 0);
}

itemq_iter itemq_begin(const itemq *q)
{
    return (itemq_iter){.c = q->head, .off = q->head_off, .v = q->head_val, .left = q->count};
}

int itemq_next(itemq_iter *it, int64_t *v)
{
    if (!it->left)
        return 0;
    *v = it->v;
    if (--it->left) {
        skip_item(&it->c, &it->off);
        uint32_t off = it->off;
        it->v = add_delta(it->v, varint_get(it->c, &off));
    }
    return 1;
}
