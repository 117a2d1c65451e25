/* itemq.h - a queue's contents as the model mirrors them: a FIFO of int64
 * items stored as zigzag varint deltas in chunks.
 *
 * A channel of 10 M results would cost the model 80 MB as an array sized to
 * its capacity (and as much again per replay checkpoint).  Job numbers and
 * results are mostly near their predecessor, so a delta takes a byte or two:
 * the mirror grows with the items actually queued, at 1-2 bytes each, and
 * shrinks as they leave (keeping at most two chunks when empty, so a queue
 * that empties after every item costs no allocation).  Any int64 sequence round-trips (at most 10
 * bytes an item).  Views read the first few items from the head (itemq_iter).
 */
#ifndef PS_ITEMQ_H
#define PS_ITEMQ_H

#include <stddef.h>
#include <stdint.h>

#define ITEMQ_CHUNK 4080 /* data bytes per chunk: a chunk is 4 KB with its header */

typedef struct itemq_chunk {
    struct itemq_chunk *next;
    uint32_t len; /* bytes used */
    uint8_t data[ITEMQ_CHUNK];
} itemq_chunk;

typedef struct itemq {
    itemq_chunk *head, *tail;
    itemq_chunk *spare; /* one emptied chunk kept for the next: a queue that fills
                           and drains all the time does not allocate per chunk */
    uint32_t head_off;  /* where the head item's delta starts in head */
    int64_t head_val;   /* the head item (when count > 0) */
    int64_t tail_val;   /* the last item pushed */
    uint64_t count;
} itemq;

void itemq_init(itemq *q);
void itemq_free(itemq *q);
/* dst becomes a copy of src (dst uninitialised).  0, or -1 on ENOMEM
 * (dst is then empty). */
int itemq_copy(itemq *dst, const itemq *src);
/* 0, or -1 on ENOMEM (the item is not queued). */
int itemq_push(itemq *q, int64_t v);
/* 1 and the head item in *v, or 0 if empty. */
int itemq_pop(itemq *q, int64_t *v);
static inline uint64_t itemq_len(const itemq *q)
{
    return q->count;
}
/* Bytes allocated (chunks), for tests and benchmarks. */
size_t itemq_bytes(const itemq *q);

/* Items from the head in order, without changing the queue. */
typedef struct itemq_iter {
    const itemq_chunk *c;
    uint32_t off;
    int64_t v;
    uint64_t left;
} itemq_iter;

itemq_iter itemq_begin(const itemq *q);
/* 1 and the next item in *v, or 0 at the end. */
int itemq_next(itemq_iter *it, int64_t *v);

#endif
