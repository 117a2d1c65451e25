/* model_same.h - asserts two models are the same as far as a view can tell. */
#ifndef PS_MODEL_SAME_H
#define PS_MODEL_SAME_H

#include <check.h>

#include "model/model.h"

/* A program's object as each model folded it. */
static inline void model_obj_same(const model_obj *x, const model_obj *y)
{
    ck_assert_uint_eq(x->id, y->id);
    ck_assert_int_eq(x->kind, y->kind);
    ck_assert_uint_eq(x->line, y->line);
    ck_assert_int_eq(x->cap, y->cap);
    ck_assert_int_eq(x->depth, y->depth);
    ck_assert_int_eq(x->closed, y->closed);
    ck_assert_uint_eq(x->sent, y->sent);
    ck_assert_uint_eq(x->received, y->received);
    ck_assert_int_eq(x->count, y->count);
    ck_assert_int_eq(x->owner, y->owner);
    ck_assert_uint_eq(x->locks, y->locks);
    ck_assert_int_eq(x->n_waiters, y->n_waiters);
    ck_assert_mem_eq(x->waiters, y->waiters, sizeof x->waiters);
    ck_assert_int_eq(x->value, y->value);
    ck_assert_int_eq(x->expected, y->expected);
    ck_assert_uint_eq(x->loads, y->loads);
    ck_assert_uint_eq(x->stores, y->stores);
    ck_assert_uint_eq(x->ops, y->ops);
    ck_assert_uint_eq(x->lost, y->lost);
    ck_assert_uint_eq(x->overwrites, y->overwrites);
    ck_assert_int_eq(x->last_store_by, y->last_store_by);
    ck_assert_int_eq(x->over_by, y->over_by);
    ck_assert_int_eq(x->over_whom, y->over_whom);
    ck_assert_int_eq(x->over_value, y->over_value);
    ck_assert_int_eq(x->over_old, y->over_old);
    ck_assert_uint_eq(x->failed, y->failed);
    ck_assert_uint_eq(x->cancelled, y->cancelled);
    ck_assert_int_eq(x->first_by, y->first_by);
    ck_assert_int_eq(x->waited, y->waited);
    ck_assert_str_eq(x->first, y->first);
    ck_assert_str_eq(x->returned, y->returned);
    ck_assert_uint_eq(x->items_more, y->items_more);
    ck_assert_uint_eq(itemq_len(&x->items), itemq_len(&y->items));
    itemq_iter ix = itemq_begin(&x->items), iy = itemq_begin(&y->items);
    int64_t vx, vy;
    while (itemq_next(&ix, &vx)) {
        ck_assert(itemq_next(&iy, &vy));
        ck_assert_int_eq(vx, vy);
    }
}

/* The fields a view reads: every goroutine's lane, every object the
 * program made, the counts, the log, and the view's part. */
static inline void model_same(const model *a, const model *b)
{
    ck_assert_uint_eq(a->events, b->events);
    ck_assert_uint_eq(a->next_seq, b->next_seq);
    ck_assert_uint_eq(a->seq_errors, b->seq_errors);
    ck_assert_uint_eq(a->vt, b->vt);
    ck_assert_uint_eq(a->rt, b->rt);
    ck_assert_mem_eq(a->kind_count, b->kind_count, sizeof a->kind_count);
    ck_assert_int_eq(a->n_actors, b->n_actors);
    ck_assert_int_eq(a->hi_actor, b->hi_actor);
    ck_assert_mem_eq(a->actors, b->actors, sizeof a->actors);
    ck_assert_uint_eq(a->threads_started, b->threads_started);
    ck_assert_uint_eq(a->threads_exited, b->threads_exited);
    ck_assert_uint_eq(a->threads_peak, b->threads_peak);
    ck_assert_uint_eq(a->untracked, b->untracked);
    ck_assert_int_eq(a->n_objs, b->n_objs);
    ck_assert_uint_eq(a->objs_dropped, b->objs_dropped);
    for (int i = 0; i < a->n_objs; i++)
        model_obj_same(&a->objs[i], &b->objs[i]);
    ck_assert_int_eq(a->started, b->started);
    ck_assert_int_eq(a->ended, b->ended);
    ck_assert_int_eq(a->errors, b->errors);
    ck_assert_int_eq(a->paused, b->paused);
    ck_assert_int_eq(a->step_mode, b->step_mode);
    ck_assert_int_eq(a->speed_milli, b->speed_milli);
    ck_assert_uint_eq(a->steps, b->steps);
    ck_assert_uint_eq(a->log_n, b->log_n);
    ck_assert_mem_eq(a->log, b->log, sizeof a->log);
    ck_assert_uint_eq(a->out_n, b->out_n);
    ck_assert_mem_eq(a->out, b->out, sizeof a->out);
    /* the view's part: code lines (and whatever else model_ui folds) */
    ck_assert_ptr_eq(a->text, b->text);
    ck_assert_mem_eq(&a->ui, &b->ui, sizeof a->ui);
}

#endif
