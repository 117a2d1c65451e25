/* lib_sort.c - package sort, with Go 1.19's own algorithms: pdqsort for
 * Sort and Slice (not stable: which of equal elements comes first, and the
 * sequence of Less and Swap calls a program can observe, are Go's), and
 * insertion sort plus SymMerge for Stable and SliceStable.  The algorithms
 * follow Go's sort/zsortfunc.go step for step. */
#include "lib_natives.h"

#include <stdio.h>
#include <string.h>

/* What the algorithms sort: Less and Swap by index. */
typedef struct sorter sorter;
struct sorter {
    gor *g;
    int (*less)(sorter *s, int64_t i, int64_t j);
    void (*swap)(sorter *s, int64_t i, int64_t j);
    gcell *base;      /* a slice's elements */
    int32_t esize;    /* words an element */
    gclosure *lessfn; /* sort.Slice's less */
    const giface *data;
};

static int s_less(sorter *s, int64_t i, int64_t j)
{
    return s->less(s, i, j);
}

static void s_swap(sorter *s, int64_t i, int64_t j)
{
    s->swap(s, i, j);
}

static void insertion_sort(sorter *d, int64_t a, int64_t b)
{
    for (int64_t i = a + 1; i < b; i++)
        for (int64_t j = i; j > a && s_less(d, j, j - 1); j--)
            s_swap(d, j, j - 1);
}

static void sift_down(sorter *d, int64_t lo, int64_t hi, int64_t first)
{
    int64_t root = lo;
    for (;;) {
        int64_t child = 2 * root + 1;
        if (child >= hi)
            return;
        if (child + 1 < hi && s_less(d, first + child, first + child + 1))
            child++;
        if (!s_less(d, first + root, first + child))
            return;
        s_swap(d, first + root, first + child);
        root = child;
    }
}

static void heap_sort(sorter *d, int64_t a, int64_t b)
{
    int64_t first = a, lo = 0, hi = b - a;
    for (int64_t i = (hi - 1) / 2; i >= 0; i--)
        sift_down(d, i, hi, first);
    for (int64_t i = hi - 1; i >= 0; i--) {
        s_swap(d, first, first + i);
        sift_down(d, lo, i, first);
    }
}

enum { HINT_UNKNOWN, HINT_INCREASING, HINT_DECREASING };

static int64_t partition(sorter *d, int64_t a, int64_t b, int64_t pivot, int *already)
{
    s_swap(d, a, pivot);
    int64_t i = a + 1, j = b - 1;
    while (i <= j && s_less(d, i, a))
        i++;
    while (i <= j && !s_less(d, j, a))
        j--;
    if (i > j) {
        s_swap(d, j, a);
        *already = 1;
        return j;
    }
    s_swap(d, i, j);
    i++;
    j--;
    for (;;) {
        while (i <= j && s_less(d, i, a))
            i++;
        while (i <= j && !s_less(d, j, a))
            j--;
        if (i > j)
            break;
        s_swap(d, i, j);
        i++;
        j--;
    }
    s_swap(d, j, a);
    *already = 0;
    return j;
}

static int64_t partition_equal(sorter *d, int64_t a, int64_t b, int64_t pivot)
{
    s_swap(d, a, pivot);
    int64_t i = a + 1, j = b - 1;
    for (;;) {
        while (i <= j && !s_less(d, a, i))
            i++;
        while (i <= j && s_less(d, a, j))
            j--;
        if (i > j)
            break;
        s_swap(d, i, j);
        i++;
        j--;
    }
    return i;
}

static int partial_insertion_sort(sorter *d, int64_t a, int64_t b)
{
    enum { max_steps = 5, shortest_shifting = 50 };
    int64_t i = a + 1;
    for (int step = 0; step < max_steps; step++) {
        while (i < b && !s_less(d, i, i - 1))
            i++;
        if (i == b)
            return 1;
        if (b - a < shortest_shifting)
            return 0;
        s_swap(d, i, i - 1);
        if (i - a >= 2) /* the smaller one to the left (Go's loop runs to 1, not a) */
            for (int64_t j = i - 1; j >= 1; j--) {
                if (!s_less(d, j, j - 1))
                    break;
                s_swap(d, j, j - 1);
            }
        if (b - i >= 2)
            for (int64_t j = i + 1; j < b; j++) {
                if (!s_less(d, j, j - 1))
                    break;
                s_swap(d, j, j - 1);
            }
    }
    return 0;
}

static int bits_len(uint64_t x)
{
    int n = 0;
    while (x) {
        n++;
        x >>= 1;
    }
    return n;
}

static void break_patterns(sorter *d, int64_t a, int64_t b)
{
    int64_t length = b - a;
    if (length < 8)
        return;
    uint64_t r = (uint64_t)length; /* Go 1.19's xorshift, seeded with the length */
    uint64_t modulus = 1ull << bits_len((uint64_t)length);
    for (int64_t idx = a + (length / 4) * 2 - 1; idx <= a + (length / 4) * 2 + 1; idx++) {
        r ^= r << 13;
        r ^= r >> 17;
        r ^= r << 5;
        int64_t other = (int64_t)(r & (modulus - 1));
        if (other >= length)
            other -= length;
        s_swap(d, idx, a + other);
    }
}

static void order2(sorter *d, int64_t *a, int64_t *b, int *swaps)
{
    if (s_less(d, *b, *a)) {
        (*swaps)++;
        int64_t t = *a;
        *a = *b;
        *b = t;
    }
}

static int64_t median(sorter *d, int64_t a, int64_t b, int64_t c, int *swaps)
{
    order2(d, &a, &b, swaps);
    order2(d, &b, &c, swaps);
    order2(d, &a, &b, swaps);
    return b;
}

static int64_t choose_pivot(sorter *d, int64_t a, int64_t b, int *hint)
{
    enum { shortest_ninther = 50, max_swaps = 4 * 3 };
    int64_t l = b - a;
    int swaps = 0;
    int64_t i = a + l / 4 * 1, j = a + l / 4 * 2, k = a + l / 4 * 3;
    if (l >= 8) {
        if (l >= shortest_ninther) {
            i = median(d, i - 1, i, i + 1, &swaps);
            j = median(d, j - 1, j, j + 1, &swaps);
            k = median(d, k - 1, k, k + 1, &swaps);
        }
        j = median(d, i, j, k, &swaps);
    }
    *hint = swaps == 0 ? HINT_INCREASING : swaps == max_swaps ? HINT_DECREASING : HINT_UNKNOWN;
    return j;
}

static void reverse_range(sorter *d, int64_t a, int64_t b)
{
    for (int64_t i = a, j = b - 1; i < j; i++, j--)
        s_swap(d, i, j);
}

static void pdqsort(sorter *d, int64_t a, int64_t b, int limit)
{
    enum { max_insertion = 12 };
    int was_balanced = 1, was_partitioned = 1;
    for (;;) {
        int64_t length = b - a;
        if (length <= max_insertion) {
            insertion_sort(d, a, b);
            return;
        }
        if (limit == 0) {
            heap_sort(d, a, b);
            return;
        }
        if (!was_balanced) {
            break_patterns(d, a, b);
            limit--;
        }
        int hint;
        int64_t pivot = choose_pivot(d, a, b, &hint);
        if (hint == HINT_DECREASING) {
            reverse_range(d, a, b);
            pivot = (b - 1) - (pivot - a);
            hint = HINT_INCREASING;
        }
        if (was_balanced && was_partitioned && hint == HINT_INCREASING &&
            partial_insertion_sort(d, a, b))
            return;
        if (a > 0 && !s_less(d, a - 1, pivot)) {
            a = partition_equal(d, a, b, pivot);
            continue;
        }
        int already;
        int64_t mid = partition(d, a, b, pivot, &already);
        was_partitioned = already;
        int64_t left = mid - a, right = b - mid, threshold = length / 8;
        if (left < right) {
            was_balanced = left >= threshold;
            pdqsort(d, a, mid, limit);
            a = mid + 1;
        } else {
            was_balanced = right >= threshold;
            pdqsort(d, mid + 1, b, limit);
            b = mid;
        }
    }
}

static void swap_range(sorter *d, int64_t a, int64_t b, int64_t n)
{
    for (int64_t i = 0; i < n; i++)
        s_swap(d, a + i, b + i);
}

static void rotate(sorter *d, int64_t a, int64_t m, int64_t b)
{
    int64_t i = m - a, j = b - m;
    while (i != j) {
        if (i > j) {
            swap_range(d, m - i, m, j);
            i -= j;
        } else {
            swap_range(d, m - i, m + j - i, i);
            j -= i;
        }
    }
    swap_range(d, m - i, m, i);
}

static void sym_merge(sorter *d, int64_t a, int64_t m, int64_t b)
{
    if (m - a == 1) {
        int64_t i = m, j = b;
        while (i < j) {
            int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
            if (s_less(d, h, a))
                i = h + 1;
            else
                j = h;
        }
        for (int64_t k = a; k < i - 1; k++)
            s_swap(d, k, k + 1);
        return;
    }
    if (b - m == 1) {
        int64_t i = a, j = m;
        while (i < j) {
            int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
            if (!s_less(d, m, h))
                i = h + 1;
            else
                j = h;
        }
        for (int64_t k = m; k > i; k--)
            s_swap(d, k, k - 1);
        return;
    }
    int64_t mid = (int64_t)((uint64_t)(a + b) >> 1), n = mid + m, start, r;
    if (m > mid) {
        start = n - b;
        r = mid;
    } else {
        start = a;
        r = m;
    }
    int64_t p = n - 1;
    while (start < r) {
        int64_t c = (int64_t)((uint64_t)(start + r) >> 1);
        if (!s_less(d, p - c, c))
            start = c + 1;
        else
            r = c;
    }
    int64_t end = n - start;
    if (start < m && m < end)
        rotate(d, start, m, end);
    if (a < start && start < mid)
        sym_merge(d, a, start, mid);
    if (mid < end && end < b)
        sym_merge(d, mid, end, b);
}

static void stable(sorter *d, int64_t n)
{
    int64_t block = 20, a = 0, b = block;
    while (b <= n) {
        insertion_sort(d, a, b);
        a = b;
        b += block;
    }
    insertion_sort(d, a, n);
    while (block < n) {
        a = 0;
        b = 2 * block;
        while (b <= n) {
            sym_merge(d, a, a + block, b);
            a = b;
            b += 2 * block;
        }
        if (a + block < n)
            sym_merge(d, a, a + block, n);
        block *= 2;
    }
}

static int is_sorted(sorter *d, int64_t n)
{
    for (int64_t i = n - 1; i > 0; i--)
        if (s_less(d, i, i - 1))
            return 0;
    return 1;
}

/* ---- what is sorted ---- */

static void swap_elems(sorter *s, int64_t i, int64_t j)
{
    gcell *a = s->base + i * s->esize, *b = s->base + j * s->esize;
    for (int32_t k = 0; k < s->esize; k++) {
        uint64_t t = cell_get(&a[k]);
        cell_set(&a[k], cell_get(&b[k]));
        cell_set(&b[k], t);
    }
}

static int less_ints(sorter *s, int64_t i, int64_t j)
{
    return (int64_t)cell_get(&s->base[i]) < (int64_t)cell_get(&s->base[j]);
}

static int less_strings(sorter *s, int64_t i, int64_t j)
{
    const gstr *a = word_str(cell_get(&s->base[i])), *b = word_str(cell_get(&s->base[j]));
    int64_t n = gstr_len(a) < gstr_len(b) ? gstr_len(a) : gstr_len(b);
    int c = n > 0 ? memcmp(gstr_ptr(a), gstr_ptr(b), (size_t)n) : 0;
    return c < 0 || (c == 0 && gstr_len(a) < gstr_len(b));
}

static int less_floats(sorter *s, int64_t i, int64_t j)
{
    double a = cell_f64(cell_get(&s->base[i])), b = cell_f64(cell_get(&s->base[j]));
    return a < b || (a != a && b == b); /* NaNs first, as Float64Slice.Less */
}

static int less_closure(sorter *s, int64_t i, int64_t j)
{
    gcell a[2], r[1];
    cell_set(&a[0], (uint64_t)i);
    cell_set(&a[1], (uint64_t)j);
    eval_call(s->g, s->lessfn, a, r);
    return cell_get(&r[0]) != 0;
}

static int less_iface(sorter *s, int64_t i, int64_t j)
{
    gcell a[2], r[1];
    cell_set(&a[0], (uint64_t)i);
    cell_set(&a[1], (uint64_t)j);
    eval_call_method(s->g, s->data, "Less", a, 2, r);
    return cell_get(&r[0]) != 0;
}

static void swap_iface(sorter *s, int64_t i, int64_t j)
{
    gcell a[2], r[1];
    cell_set(&a[0], (uint64_t)i);
    cell_set(&a[1], (uint64_t)j);
    eval_call_method(s->g, s->data, "Swap", a, 2, r);
}

/* A []T's sorter with a C less. */
static sorter slice_sorter(gor *g, uint64_t w, int (*less)(sorter *, int64_t, int64_t), int64_t *n)
{
    const gslice *sl = (const gslice *)(uintptr_t)w;
    *n = sl ? sl->len : 0;
    return (sorter){
        .g = g, .less = less, .swap = swap_elems, .base = sl ? sl->base : NULL, .esize = 1};
}

/* sort.Slice's x: any holding a slice. */
static sorter any_slice_sorter(gor *g, gcell *args, int64_t *n)
{
    const giface *x = (const giface *)(uintptr_t)cell_get(&args[0]);
    if (!x || x->t->underlying->kind != GK_SLICE) {
        char tn[128] = "nil";
        if (x)
            types_format(x->t, tn, sizeof tn);
        char msg[200];
        snprintf(msg, sizeof msg, "reflect: call of Swapper on %s Value", x ? tn : "zero");
        gor_panic_string(g, msg);
    }
    const gslice *sl = (const gslice *)(uintptr_t)cell_get(&x->v[0]);
    *n = sl ? sl->len : 0;
    return (sorter){.g = g,
                    .less = less_closure,
                    .swap = swap_elems,
                    .base = sl ? sl->base : NULL,
                    .esize = x->t->underlying->elem->size,
                    .lessfn = (gclosure *)(uintptr_t)cell_get(&args[1])};
}

static sorter iface_sorter(gor *g, gcell *args, int64_t *n)
{
    const giface *data = (const giface *)(uintptr_t)cell_get(&args[0]);
    gcell r[1];
    if (!eval_call_method0(g, data, "Len", r))
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    *n = (int64_t)cell_get(&r[0]);
    return (sorter){.g = g, .less = less_iface, .swap = swap_iface, .data = data};
}

static void sort_n(sorter *d, int64_t n)
{
    if (n > 1)
        pdqsort(d, 0, n, bits_len((uint64_t)n));
}

static void ints_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = slice_sorter(g, cell_get(&args[0]), less_ints, &n);
    sort_n(&d, n);
}

static void strings_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = slice_sorter(g, cell_get(&args[0]), less_strings, &n);
    sort_n(&d, n);
}

static void float64s_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = slice_sorter(g, cell_get(&args[0]), less_floats, &n);
    sort_n(&d, n);
}

static void ints_sorted_native(gor *g, gcell *args, gcell *res)
{
    int64_t n;
    sorter d = slice_sorter(g, cell_get(&args[0]), less_ints, &n);
    cell_set(&res[0], (uint64_t)is_sorted(&d, n));
}

static void strings_sorted_native(gor *g, gcell *args, gcell *res)
{
    int64_t n;
    sorter d = slice_sorter(g, cell_get(&args[0]), less_strings, &n);
    cell_set(&res[0], (uint64_t)is_sorted(&d, n));
}

static void float64s_sorted_native(gor *g, gcell *args, gcell *res)
{
    int64_t n;
    sorter d = slice_sorter(g, cell_get(&args[0]), less_floats, &n);
    cell_set(&res[0], (uint64_t)is_sorted(&d, n));
}

static void slice_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = any_slice_sorter(g, args, &n);
    pdqsort(&d, 0, n, bits_len((uint64_t)n)); /* Go: no n <= 1 shortcut here */
}

static void slice_stable_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = any_slice_sorter(g, args, &n);
    stable(&d, n);
}

static void slice_is_sorted_native(gor *g, gcell *args, gcell *res)
{
    int64_t n;
    sorter d = any_slice_sorter(g, args, &n);
    cell_set(&res[0], (uint64_t)is_sorted(&d, n));
}

static void sort_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = iface_sorter(g, args, &n);
    sort_n(&d, n);
}

static void stable_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    int64_t n;
    sorter d = iface_sorter(g, args, &n);
    stable(&d, n);
}

static void is_sorted_native(gor *g, gcell *args, gcell *res)
{
    int64_t n;
    sorter d = iface_sorter(g, args, &n);
    cell_set(&res[0], (uint64_t)is_sorted(&d, n));
}

/* ---- searching ---- */

static void search_native(gor *g, gcell *args, gcell *res)
{
    int64_t i = 0, j = (int64_t)cell_get(&args[0]);
    gclosure *f = (gclosure *)(uintptr_t)cell_get(&args[1]);
    while (i < j) {
        int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
        gcell a[1], r[1];
        cell_set(&a[0], (uint64_t)h);
        eval_call(g, f, a, r);
        if (!cell_get(&r[0]))
            i = h + 1;
        else
            j = h;
    }
    cell_set(&res[0], (uint64_t)i);
}

/* The first index whose element is >= x (less_x: element < x). */
static int64_t search_slice(const gslice *s, int (*lt)(uint64_t e, uint64_t x), uint64_t x)
{
    int64_t i = 0, j = s ? s->len : 0;
    while (i < j) {
        int64_t h = (int64_t)((uint64_t)(i + j) >> 1);
        if (lt(cell_get(&s->base[h]), x))
            i = h + 1;
        else
            j = h;
    }
    return i;
}

static int lt_int(uint64_t e, uint64_t x)
{
    return (int64_t)e < (int64_t)x;
}

static int lt_float(uint64_t e, uint64_t x)
{
    return !(cell_f64(e) >= cell_f64(x));
}

static int lt_string(uint64_t e, uint64_t x)
{
    const gstr *a = word_str(e), *b = word_str(x);
    int64_t n = gstr_len(a) < gstr_len(b) ? gstr_len(a) : gstr_len(b);
    int c = n > 0 ? memcmp(gstr_ptr(a), gstr_ptr(b), (size_t)n) : 0;
    return c < 0 || (c == 0 && gstr_len(a) < gstr_len(b));
}

static void search_ints_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)search_slice((const gslice *)(uintptr_t)cell_get(&args[0]), lt_int,
                                             cell_get(&args[1])));
}

static void search_strings_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)search_slice((const gslice *)(uintptr_t)cell_get(&args[0]),
                                             lt_string, cell_get(&args[1])));
}

static void search_floats_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)search_slice((const gslice *)(uintptr_t)cell_get(&args[0]),
                                             lt_float, cell_get(&args[1])));
}

/* ---- IntSlice, StringSlice, Float64Slice and Reverse ---- */

static const gslice *recv_slice(const gcell *args)
{
    return (const gslice *)(uintptr_t)cell_get(&args[0]);
}

static void slice_len_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    const gslice *s = recv_slice(args);
    cell_set(&res[0], (uint64_t)(s ? s->len : 0));
}

static const gcell *elem_at(gor *g, const gslice *s, int64_t i)
{
    int64_t n = s ? s->len : 0;
    if (i < 0 || i >= n)
        gor_panic_runtime(g, "index out of range [%lld] with length %lld", (long long)i,
                          (long long)n);
    return &s->base[i];
}

static void elem_less(gor *g, gcell *args, gcell *res, int (*less)(sorter *, int64_t, int64_t))
{
    const gslice *s = recv_slice(args);
    int64_t i = (int64_t)cell_get(&args[1]), j = (int64_t)cell_get(&args[2]);
    elem_at(g, s, i);
    elem_at(g, s, j);
    sorter d = {.g = g, .base = s->base, .esize = 1};
    cell_set(&res[0], (uint64_t)less(&d, i, j));
}

static void int_slice_less_native(gor *g, gcell *args, gcell *res)
{
    elem_less(g, args, res, less_ints);
}

static void string_slice_less_native(gor *g, gcell *args, gcell *res)
{
    elem_less(g, args, res, less_strings);
}

static void float_slice_less_native(gor *g, gcell *args, gcell *res)
{
    elem_less(g, args, res, less_floats);
}

static void slice_swap_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    const gslice *s = recv_slice(args);
    int64_t i = (int64_t)cell_get(&args[1]), j = (int64_t)cell_get(&args[2]);
    gcell *a = (gcell *)elem_at(g, s, i), *b = (gcell *)elem_at(g, s, j);
    uint64_t t = cell_get(a);
    cell_set(a, cell_get(b));
    cell_set(b, t);
}

static void int_slice_sort_native(gor *g, gcell *args, gcell *res)
{
    ints_native(g, args, res);
}

static void string_slice_sort_native(gor *g, gcell *args, gcell *res)
{
    strings_native(g, args, res);
}

static void float_slice_sort_native(gor *g, gcell *args, gcell *res)
{
    float64s_native(g, args, res);
}

/* reverse: struct{ data Interface }, Less turned around. */
static void reverse_native(gor *g, gcell *args, gcell *res)
{
    gtype *t = lib_type(g->vm, "sort", "reverse");
    if (!t)
        gor_fatal(g, "poolscope: internal error: no sort.reverse");
    cell_set(&res[0], (uint64_t)(uintptr_t)gor_box1(g, t, cell_get(&args[0])));
}

static const giface *reverse_data(gor *g, const gcell *args)
{
    const giface *d = (const giface *)(uintptr_t)cell_get(&args[0]);
    if (!d)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    return d;
}

static void reverse_len_native(gor *g, gcell *args, gcell *res)
{
    eval_call_method0(g, reverse_data(g, args), "Len", res);
}

static void reverse_less_native(gor *g, gcell *args, gcell *res)
{
    gcell a[2];
    cell_set(&a[0], cell_get(&args[2]));
    cell_set(&a[1], cell_get(&args[1]));
    eval_call_method(g, reverse_data(g, args), "Less", a, 2, res);
}

static void reverse_swap_native(gor *g, gcell *args, gcell *res)
{
    eval_call_method(g, reverse_data(g, args), "Swap", args + 1, 2, res);
}

const golib_native lib_sort_natives[] = {
    {"Ints", ints_native},
    {"Strings", strings_native},
    {"Float64s", float64s_native},
    {"IntsAreSorted", ints_sorted_native},
    {"StringsAreSorted", strings_sorted_native},
    {"Float64sAreSorted", float64s_sorted_native},
    {"Slice", slice_native},
    {"SliceStable", slice_stable_native},
    {"SliceIsSorted", slice_is_sorted_native},
    {"Sort", sort_native},
    {"Stable", stable_native},
    {"IsSorted", is_sorted_native},
    {"Search", search_native},
    {"SearchInts", search_ints_native},
    {"SearchStrings", search_strings_native},
    {"SearchFloat64s", search_floats_native},
    {"Reverse", reverse_native},
    {"reverse.Len", reverse_len_native},
    {"reverse.Less", reverse_less_native},
    {"reverse.Swap", reverse_swap_native},
    {"IntSlice.Len", slice_len_native},
    {"IntSlice.Less", int_slice_less_native},
    {"IntSlice.Swap", slice_swap_native},
    {"IntSlice.Sort", int_slice_sort_native},
    {"StringSlice.Len", slice_len_native},
    {"StringSlice.Less", string_slice_less_native},
    {"StringSlice.Swap", slice_swap_native},
    {"StringSlice.Sort", string_slice_sort_native},
    {"Float64Slice.Len", slice_len_native},
    {"Float64Slice.Less", float_slice_less_native},
    {"Float64Slice.Swap", slice_swap_native},
    {"Float64Slice.Sort", float_slice_sort_native},
    {NULL, NULL},
};
