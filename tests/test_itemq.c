/* test_itemq.c - the model's queue mirror: any int64 sequence round-trips,
 * through pops, chunk boundaries, copies and iteration. */
#include <check.h>
#include <stdint.h>
#include <stdlib.h>

#include "model/itemq.h"

/* A deterministic mix of near and far values, extremes included. */
static int64_t value(uint64_t i)
{
    uint64_t x = i * 0x9e3779b97f4a7c15u;
    x ^= x >> 29;
    switch (i % 7) {
    case 0:
        return INT64_MIN;
    case 1:
        return INT64_MAX;
    case 2:
        return (int64_t)x;
    default:
        return (int64_t)(i * 2);
    }
}

START_TEST(itemq_roundtrip_any_int64)
{
    itemq q;
    itemq_init(&q);
    uint64_t in = 0, out = 0;
    int64_t v;
    for (int round = 0; round < 50; round++) {
        for (int k = 0; k < 997; k++) /* more than a chunk holds */
            ck_assert_int_eq(itemq_push(&q, value(in++)), 0);
        for (int k = 0; k < 613; k++) {
            ck_assert_int_eq(itemq_pop(&q, &v), 1);
            ck_assert_int_eq(v, value(out++));
        }
        ck_assert_uint_eq(itemq_len(&q), in - out);
        itemq_iter it = itemq_begin(&q);
        for (uint64_t k = out; k < in; k++) {
            ck_assert_int_eq(itemq_next(&it, &v), 1);
            ck_assert_int_eq(v, value(k));
        }
        ck_assert_int_eq(itemq_next(&it, &v), 0);
    }
    itemq c;
    ck_assert_int_eq(itemq_copy(&c, &q), 0);
    while (out < in) {
        ck_assert_int_eq(itemq_pop(&q, &v), 1);
        ck_assert_int_eq(v, value(out));
        ck_assert_int_eq(itemq_pop(&c, &v), 1);
        ck_assert_int_eq(v, value(out++));
    }
    ck_assert_int_eq(itemq_pop(&q, &v), 0);
    ck_assert_uint_le(itemq_bytes(&q), 2 * sizeof(itemq_chunk)); /* empty: two chunks at most */
    int wrong = 0;
    for (int k = 0; k < 100000; k++) /* fills and empties: no growth */
        wrong += itemq_push(&q, k) != 0 || itemq_pop(&q, &v) != 1 || v != k;
    ck_assert_int_eq(wrong, 0);
    ck_assert_uint_le(itemq_bytes(&q), 2 * sizeof(itemq_chunk));
    ck_assert_int_eq(itemq_push(&q, 5), 0);
    ck_assert_int_eq(itemq_pop(&q, &v), 1);
    ck_assert_int_eq(v, 5);
    itemq_free(&q);
    itemq_free(&c);
}
END_TEST

/* Results of a worker pool: near their predecessor, so about a byte each. */
START_TEST(itemq_near_items_are_small)
{
    itemq q;
    itemq_init(&q);
    for (int64_t j = 1; j <= 1000000; j++)
        ck_assert_int_eq(itemq_push(&q, (j ^ (j & 3)) * 2), 0); /* slightly out of order */
    ck_assert_uint_le(itemq_bytes(&q), 1000000 * 2);
    ck_assert_uint_ge(itemq_bytes(&q), 1000000);
    itemq_free(&q);
}
END_TEST

Suite *suite_make(void)
{
    Suite *s = suite_create("itemq");
    TCase *tc = tcase_create("itemq");
    tcase_add_test(tc, itemq_roundtrip_any_int64);
    tcase_add_test(tc, itemq_near_items_are_small);
    suite_add_tcase(s, tc);
    return s;
}
