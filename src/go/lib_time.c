/* lib_time.c - package time on the pacer's virtual clock.
 *
 * Sleep is the engine's timed work, so --speed and pause apply; a Timer or
 * Ticker is a goroutine of the runtime's own that sleeps and then sends
 * (timer channels hold one value, as Go's do: a ticker drops a tick nobody
 * took). */
#include "lib_natives.h"

#include <stdio.h>
#include <string.h>

#include "rt/chan.h"
#include "rt/run.h"

/* Go's Duration.String. */
static int64_t dur_frac(char *buf, int64_t w, uint64_t *v, int prec)
{
    int print = 0;
    for (int i = 0; i < prec; i++) {
        int digit = (int)(*v % 10);
        print = print || digit != 0;
        if (print)
            buf[--w] = (char)('0' + digit);
        *v /= 10;
    }
    if (print)
        buf[--w] = '.';
    return w;
}

static int64_t dur_int(char *buf, int64_t w, uint64_t v)
{
    if (v == 0) {
        buf[--w] = '0';
        return w;
    }
    while (v > 0) {
        buf[--w] = (char)('0' + v % 10);
        v /= 10;
    }
    return w;
}

size_t lib_duration_string(int64_t d, char out[40])
{
    char buf[40];
    int64_t w = sizeof buf;
    uint64_t u = (uint64_t)d;
    int neg = d < 0;
    if (neg)
        u = 0 - u;
    if (u < 1000000000ull) {
        int prec;
        buf[--w] = 's';
        if (u == 0) {
            memcpy(out, "0s", 3);
            return 2;
        } else if (u < 1000) {
            prec = 0;
            buf[--w] = 'n';
        } else if (u < 1000000) {
            prec = 3;
            buf[--w] = (char)0xB5; /* U+00B5 micro sign */
            buf[--w] = (char)0xC2;
        } else {
            prec = 6;
            buf[--w] = 'm';
        }
        w = dur_frac(buf, w, &u, prec);
        w = dur_int(buf, w, u);
    } else {
        buf[--w] = 's';
        w = dur_frac(buf, w, &u, 9);
        w = dur_int(buf, w, u % 60);
        u /= 60;
        if (u > 0) {
            buf[--w] = 'm';
            w = dur_int(buf, w, u % 60);
            u /= 60;
            if (u > 0) {
                buf[--w] = 'h';
                w = dur_int(buf, w, u);
            }
        }
    }
    if (neg)
        buf[--w] = '-';
    size_t n = sizeof buf - (size_t)w;
    memcpy(out, buf + w, n);
    out[n] = 0;
    return n;
}

static void dur_string_native(gor *g, gcell *args, gcell *res)
{
    char buf[40];
    size_t n = lib_duration_string((int64_t)cell_get(&args[0]), buf);
    cell_set(&res[0], (uint64_t)(uintptr_t)gor_str(g, buf, (int64_t)n));
}

static void dur_seconds_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int64_t d = (int64_t)cell_get(&args[0]);
    int64_t sec = d / 1000000000, nsec = d % 1000000000;
    cell_set(&res[0], f64_cell((double)sec + (double)nsec / 1e9));
}

static void dur_minutes_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int64_t d = (int64_t)cell_get(&args[0]);
    int64_t m = d / 60000000000ll, nsec = d % 60000000000ll;
    cell_set(&res[0], f64_cell((double)m + (double)nsec / 6e10));
}

static void dur_hours_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int64_t d = (int64_t)cell_get(&args[0]);
    int64_t h = d / 3600000000000ll, nsec = d % 3600000000000ll;
    cell_set(&res[0], f64_cell((double)h + (double)nsec / 3.6e12));
}

static void dur_ms_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)((int64_t)cell_get(&args[0]) / 1000000));
}

static void dur_us_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)((int64_t)cell_get(&args[0]) / 1000));
}

static void dur_ns_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]));
}

static void dur_round_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int64_t d = (int64_t)cell_get(&args[0]), m = (int64_t)cell_get(&args[1]);
    if (m <= 0) {
        cell_set(&res[0], (uint64_t)d);
        return;
    }
    int64_t r = d % m;
    if (d < 0) {
        r = -r;
        d = r + r < m ? d + r : d - (m - r);
    } else {
        d = r + r < m ? d - r : d + (m - r);
    }
    cell_set(&res[0], (uint64_t)d);
}

static void dur_truncate_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    int64_t d = (int64_t)cell_get(&args[0]), m = (int64_t)cell_get(&args[1]);
    cell_set(&res[0], (uint64_t)(m <= 0 ? d : d - d % m));
}

static void sleep_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    gort_sleep(g, (int64_t)cell_get(&args[0]));
}

/* A Time is its virtual nanoseconds since the program started. */
static void now_native(gor *g, gcell *args, gcell *res)
{
    (void)args;
    cell_set(&res[0], (uint64_t)gort_now(g));
}

static void since_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)(gort_now(g) - (int64_t)cell_get(&args[0])));
}

static void time_sub_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]) - cell_get(&args[1]));
}

static void time_add_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]) + cell_get(&args[1]));
}

static void time_before_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (int64_t)cell_get(&args[0]) < (int64_t)cell_get(&args[1]));
}

static void time_after_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (int64_t)cell_get(&args[0]) > (int64_t)cell_get(&args[1]));
}

static void time_unixnano_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]));
}

static void time_unix_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], (uint64_t)((int64_t)cell_get(&args[0]) / 1000000000));
}

/* ---- timers: a runtime goroutine each ---- */

typedef struct timer {
    gvm *vm;
    gchan *c;       /* C (NULL for AfterFunc) */
    gclosure *fn;   /* AfterFunc's f */
    int64_t period; /* a Ticker's; 0 for a Timer */
    int64_t dur;
    _Atomic int stopped; /* Stop: set once (relaxed: the goroutine checks after waking) */
    _Atomic int fired;
} timer;

static int timer_goroutine(ps_actor *self, void *arg)
{
    timer *t = arg;
    gor g;
    gor_init(&g, t->vm, 0);
    gort_bind(&g, self);
    for (;;) {
        if (run_sleep(self, (uint64_t)(t->dur > 0 ? t->dur : 0)) == PS_ESTOPPED)
            break;
        if (atomic_load_explicit(&t->stopped, memory_order_relaxed))
            break;
        atomic_store_explicit(&t->fired, 1, memory_order_relaxed);
        if (t->fn) {
            gcell none[1];
            jmp_buf root;
            g.root = &root;
            if (setjmp(root) == 0)
                eval_run_goroutine(&g, t->fn, none);
            break;
        }
        int64_t now = (int64_t)pacer_vnow(self->pacer);
        /* the channel holds one value: a tick nobody took is dropped */
        if (chan_try_send(gchan_queue(t->c), self, now) == PS_ESTOPPED)
            break;
        if (!t->period)
            break;
        t->dur = t->period;
    }
    gor_release(&g);
    return 0;
}

static timer *timer_start(gor *g, int64_t d, int64_t period, gclosure *fn, const gtype *elem)
{
    timer *t = gor_alloc_bytes(g, sizeof *t);
    t->vm = g->vm;
    t->dur = d;
    t->period = period;
    t->fn = fn;
    atomic_init(&t->stopped, 0);
    atomic_init(&t->fired, 0);
    if (!fn)
        t->c = gort_chan_new(g, elem, 1);
    gort_go_native(g, timer_goroutine, t);
    return t;
}

static void after_native(gor *g, gcell *args, gcell *res)
{
    timer *t = timer_start(g, (int64_t)cell_get(&args[0]), 0, NULL, g->vm->t_time);
    cell_set(&res[0], (uint64_t)(uintptr_t)t->c);
}

static void tick_native(gor *g, gcell *args, gcell *res)
{
    int64_t d = (int64_t)cell_get(&args[0]);
    if (d <= 0) {
        cell_set(&res[0], 0);
        return;
    }
    timer *t = timer_start(g, d, d, NULL, g->vm->t_time);
    cell_set(&res[0], (uint64_t)(uintptr_t)t->c);
}

/* *Timer and *Ticker: {C chan; t *timer} */
static uint64_t timer_object(gor *g, timer *t)
{
    gcell *obj = gor_alloc(g, 2);
    cell_set(&obj[0], (uint64_t)(uintptr_t)t->c);
    cell_set(&obj[1], (uint64_t)(uintptr_t)t);
    return (uint64_t)(uintptr_t)obj;
}

static void new_timer_native(gor *g, gcell *args, gcell *res)
{
    timer *t = timer_start(g, (int64_t)cell_get(&args[0]), 0, NULL, g->vm->t_time);
    cell_set(&res[0], timer_object(g, t));
}

static void new_ticker_native(gor *g, gcell *args, gcell *res)
{
    int64_t d = (int64_t)cell_get(&args[0]);
    if (d <= 0)
        gor_panic_string(g, "non-positive interval for NewTicker");
    timer *t = timer_start(g, d, d, NULL, g->vm->t_time);
    cell_set(&res[0], timer_object(g, t));
}

static void after_func_native(gor *g, gcell *args, gcell *res)
{
    gclosure *fn = (gclosure *)(uintptr_t)cell_get(&args[1]);
    timer *t = timer_start(g, (int64_t)cell_get(&args[0]), 0, fn, NULL);
    cell_set(&res[0], timer_object(g, t));
}

static timer *timer_of(gor *g, gcell *args)
{
    const gcell *obj = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!obj)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    timer *t = (timer *)(uintptr_t)cell_get(&obj[1]);
    if (!t)
        gor_panic_string(g, "time: Stop called on uninitialized Timer");
    return t;
}

static void timer_stop_native(gor *g, gcell *args, gcell *res)
{
    timer *t = timer_of(g, args);
    /* relaxed: a flag the timer goroutine reads when it wakes */
    int was = atomic_exchange_explicit(&t->stopped, 1, memory_order_relaxed);
    int fired = atomic_load_explicit(&t->fired, memory_order_relaxed);
    cell_set(&res[0], (uint64_t)(!was && !fired));
}

static void ticker_stop_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    timer *t = timer_of(g, args);
    atomic_store_explicit(&t->stopped, 1, memory_order_relaxed); /* read when it wakes */
}

static void time_equal_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]) == cell_get(&args[1]));
}

static void weekday_string_native(gor *g, gcell *args, gcell *res)
{
    static const char *const days[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                       "Thursday", "Friday", "Saturday"};
    int64_t d = (int64_t)cell_get(&args[0]);
    char buf[40];
    const char *s = buf;
    if (d >= 0 && d < 7)
        s = days[d];
    else
        snprintf(buf, sizeof buf, "%%!Weekday(%lld)", (long long)d);
    cell_set(&res[0], (uint64_t)(uintptr_t)gor_str(g, s, (int64_t)strlen(s)));
}

const golib_native lib_time_natives[] = {
    {"Time.Equal", time_equal_native},
    {"Weekday.String", weekday_string_native},
    {"Sleep", sleep_native},
    {"Now", now_native},
    {"Since", since_native},
    {"After", after_native},
    {"Tick", tick_native},
    {"NewTimer", new_timer_native},
    {"NewTicker", new_ticker_native},
    {"AfterFunc", after_func_native},
    {"Duration.String", dur_string_native},
    {"Duration.Seconds", dur_seconds_native},
    {"Duration.Milliseconds", dur_ms_native},
    {"Duration.Microseconds", dur_us_native},
    {"Duration.Nanoseconds", dur_ns_native},
    {"Duration.Minutes", dur_minutes_native},
    {"Duration.Hours", dur_hours_native},
    {"Duration.Round", dur_round_native},
    {"Duration.Truncate", dur_truncate_native},
    {"Time.Sub", time_sub_native},
    {"Time.Add", time_add_native},
    {"Time.Before", time_before_native},
    {"Time.After", time_after_native},
    {"Time.UnixNano", time_unixnano_native},
    {"Time.Unix", time_unix_native},
    {"*Timer.Stop", timer_stop_native},
    {"*Ticker.Stop", ticker_stop_native},
    {NULL, NULL},
};
