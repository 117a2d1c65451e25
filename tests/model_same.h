/* model_same.h - asserts two models are the same as far as a view can tell. */
#ifndef PS_MODEL_SAME_H
#define PS_MODEL_SAME_H

#include <check.h>

#include "model/model.h"

/* The fields a view reads; queue items compared by content. */
static inline void model_same(const model *a, const model *b)
{
    ck_assert_uint_eq(a->events, b->events);
    ck_assert_uint_eq(a->next_seq, b->next_seq);
    ck_assert_uint_eq(a->seq_errors, b->seq_errors);
    ck_assert_uint_eq(a->vt, b->vt);
    ck_assert_uint_eq(a->rt, b->rt);
    ck_assert_mem_eq(a->kind_count, b->kind_count, sizeof a->kind_count);
    ck_assert_mem_eq(a->actors, b->actors, sizeof a->actors);
    ck_assert_mem_eq(a->counters, b->counters, sizeof a->counters);
    ck_assert_mem_eq(a->mutexes, b->mutexes, sizeof a->mutexes);
    ck_assert_mem_eq(a->wgs, b->wgs, sizeof a->wgs);
    ck_assert_mem_eq(a->loaded, b->loaded, sizeof a->loaded);
    for (int q = 0; q < PS_MAX_QUEUES; q++) {
        const model_queue *x = &a->queues[q], *y = &b->queues[q];
        ck_assert_uint_eq(x->depth, y->depth);
        ck_assert_uint_eq(x->sent, y->sent);
        ck_assert_uint_eq(x->received, y->received);
        ck_assert_int_eq(x->closed, y->closed);
        for (uint64_t i = 0; i < x->depth; i++)
            ck_assert_int_eq(model_queue_item(x, i), model_queue_item(y, i));
    }
    ck_assert_uint_eq(a->jobs_started, b->jobs_started);
    ck_assert_uint_eq(a->jobs_finished, b->jobs_finished);
    ck_assert_uint_eq(a->results, b->results);
    ck_assert_int_eq(a->ended, b->ended);
    ck_assert_uint_eq(a->steps, b->steps);
    ck_assert_uint_eq(a->log_n, b->log_n);
    ck_assert_mem_eq(a->log, b->log, sizeof a->log);
    ck_assert_uint_eq(a->lines_n, b->lines_n);
    /* the view's part: arrows, job total, code lines */
    ck_assert_ptr_eq(a->text, b->text);
    ck_assert_int_eq(a->ui.jobs_total, b->ui.jobs_total);
    ck_assert_mem_eq(a->ui.fired, b->ui.fired, sizeof a->ui.fired);
    ck_assert_mem_eq(a->ui.fired_vt, b->ui.fired_vt, sizeof a->ui.fired_vt);
    ck_assert_int_eq(a->ui.last_arrow, b->ui.last_arrow);
    ck_assert_mem_eq(a->ui.code_at, b->ui.code_at, sizeof a->ui.code_at);
    ck_assert_int_eq(a->ui.code_last, b->ui.code_last);
}

#endif
