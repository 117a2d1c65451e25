/* lib_time.c - package time on the pacer's virtual clock.
 *
 * Sleep is the engine's timed work, so --speed and pause apply; a Timer or
 * Ticker is a goroutine of the runtime's own that sleeps and then sends
 * (timer channels hold one value, as Go's do: a ticker drops a tick nobody
 * took). */
#include "lib_natives.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "gbuf.h"

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

static void until_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)((int64_t)cell_get(&args[0]) - gort_now(g)));
}

/* ---- ParseDuration: Go 1.19's time/format.go, step for step ---- */

/* time's quote: ASCII as is (with \" and \\), every other byte \xhh. */
static size_t pd_quote(char *buf, size_t cap, const char *s, int64_t n)
{
    static const char hex[] = "0123456789abcdef";
    size_t k = 0;
    if (k < cap)
        buf[k++] = '"';
    for (int64_t i = 0; i < n && k + 5 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || c < ' ') {
            buf[k++] = '\\';
            buf[k++] = 'x';
            buf[k++] = hex[c >> 4];
            buf[k++] = hex[c & 15];
        } else {
            if (c == '"' || c == '\\')
                buf[k++] = '\\';
            buf[k++] = (char)c;
        }
    }
    if (k < cap)
        buf[k++] = '"';
    return k;
}

/* Results (0, the error); returns 0 for pd_parse's return. */
static int pd_fail(gor *g, gcell *res, const char *pre, const char *unit, int64_t ulen,
                   const gstr *orig)
{
    char msg[1024];
    size_t k = (size_t)snprintf(msg, sizeof msg, "time: %s", pre);
    if (unit) {
        k += pd_quote(msg + k, sizeof msg - k, unit, ulen);
        k += (size_t)snprintf(msg + k, sizeof msg - k, " in duration ");
    }
    k += pd_quote(msg + k, sizeof msg - k, gstr_ptr(orig), gstr_len(orig));
    cell_set(&res[0], 0);
    gstr *m = gor_str(g, msg, (int64_t)(k < sizeof msg ? k : sizeof msg - 1));
    cell_set(&res[1], (uint64_t)(uintptr_t)lib_error_value(g, (uint64_t)(uintptr_t)m, NULL, 0));
    return 0;
}

static const struct {
    const char *name;
    uint64_t ns;
} pd_units[] = {
    {"ns", 1},           {"us", 1000},      {"\xc2\xb5s", 1000}, /* U+00B5 micro sign */
    {"\xce\xbcs", 1000},                                         /* U+03BC Greek mu */
    {"ms", 1000000},     {"s", 1000000000}, {"m", 60000000000},  {"h", 3600000000000},
};

static int pd_parse(gor *g, gcell *args, gcell *res)
{
    const gstr *orig = word_str(cell_get(&args[0]));
    const char *s = gstr_ptr(orig);
    int64_t n = gstr_len(orig), i = 0;
    const uint64_t big = (uint64_t)1 << 63;
    uint64_t d = 0;
    int neg = 0;
    if (n > 0 && (s[0] == '-' || s[0] == '+')) {
        neg = s[0] == '-';
        i = 1;
    }
    if (n - i == 1 && s[i] == '0') {
        cell_set(&res[0], 0);
        cell_set(&res[1], 0);
        return 1;
    }
    if (i == n)
        return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
    while (i < n) {
        uint64_t v = 0, f = 0;
        double scale = 1;
        if (!(s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
            return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
        int64_t pl = i;
        for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) { /* leadingInt */
            if (v > big / 10)
                return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
            v = v * 10 + (uint64_t)(s[i] - '0');
            if (v > big)
                return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
        }
        int pre = pl != i, post = 0;
        if (i < n && s[i] == '.') {
            i++;
            pl = i;
            int overflow = 0;
            for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) { /* leadingFraction */
                if (overflow)
                    continue;
                if (f > (big - 1) / 10) {
                    overflow = 1;
                    continue;
                }
                uint64_t y = f * 10 + (uint64_t)(s[i] - '0');
                if (y > big) {
                    overflow = 1;
                    continue;
                }
                f = y;
                scale *= 10;
            }
            post = pl != i;
        }
        if (!pre && !post)
            return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
        int64_t u0 = i;
        while (i < n && !(s[i] == '.' || (s[i] >= '0' && s[i] <= '9')))
            i++;
        if (i == u0)
            return pd_fail(g, res, "missing unit in duration ", NULL, 0, orig);
        uint64_t unit = 0;
        for (size_t k = 0; k < sizeof pd_units / sizeof pd_units[0]; k++)
            if ((int64_t)strlen(pd_units[k].name) == i - u0 &&
                memcmp(pd_units[k].name, s + u0, (size_t)(i - u0)) == 0)
                unit = pd_units[k].ns;
        if (!unit)
            return pd_fail(g, res, "unknown unit ", s + u0, i - u0, orig);
        if (v > big / unit)
            return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
        v *= unit;
        if (f > 0) {
            v += (uint64_t)((double)f * ((double)unit / scale));
            if (v > big)
                return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
        }
        d += v;
        if (d > big)
            return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
    }
    if (!neg && d > big - 1)
        return pd_fail(g, res, "invalid duration ", NULL, 0, orig);
    cell_set(&res[0], neg ? (uint64_t)0 - d : d);
    cell_set(&res[1], 0);
    return 1;
}

static void parse_duration_native(gor *g, gcell *args, gcell *res)
{
    (void)pd_parse(g, args, res);
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
    cell_set(&res[0], (uint64_t)(g->vm->wall0_ns + (int64_t)cell_get(&args[0])));
}

static void time_unix_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)((g->vm->wall0_ns + (int64_t)cell_get(&args[0])) / 1000000000));
}

/* ---- timers: a runtime goroutine each ---- */

/* A Timer or Ticker.  Each start (the first, and every Reset) is a
 * generation with a runtime goroutine of its own; Stop and Reset end the
 * current one by moving gen on, so a goroutine that wakes to a newer
 * generation exits without firing. */
typedef struct timer {
    gvm *vm;
    gchan *c;     /* C (NULL for AfterFunc) */
    gclosure *fn; /* AfterFunc's f */
    int ticker;
    /* relaxed, all three: flags a goroutine reads when it wakes; what it
     * sends travels through the channel, which orders it */
    _Atomic uint32_t gen;
    _Atomic int stopped; /* the current generation was stopped */
    _Atomic int fired;   /* the current generation fired */
} timer;

typedef struct timer_run {
    timer *t;
    uint32_t gen;
    int64_t dur, period; /* this generation's (period 0: a Timer) */
    uint64_t vfrom;      /* the virtual instant it was started, by its creator */
} timer_run;

static int timer_current(timer *t, uint32_t gen)
{
    return atomic_load_explicit(&t->gen, memory_order_relaxed) == gen &&
           !atomic_load_explicit(&t->stopped, memory_order_relaxed);
}

static int timer_goroutine(ps_actor *self, void *arg)
{
    timer_run run = *(timer_run *)arg;
    free(arg);
    timer *t = run.t;
    gor g;
    gor_init(&g, t->vm, 0);
    gort_bind(&g, self);
    /* from the instant the program started it, not from when this thread
     * first ran: Go's timers live in its runtime and start at once, and a
     * ticker's ticks do not drift */
    uint64_t from = run.vfrom;
    for (;;) {
        uint64_t d = (uint64_t)(run.dur > 0 ? run.dur : 0);
        if (run_sleep_from(self, from, d) == PS_ESTOPPED)
            break;
        from += d;
        if (!timer_current(t, run.gen))
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
        if (!run.period)
            break;
        run.dur = run.period;
    }
    gor_release(&g);
    return 0;
}

/* Starts generation gen of t: a goroutine that fires after d (then every
 * period). */
static void timer_launch(gor *g, timer *t, uint32_t gen, int64_t d, int64_t period)
{
    timer_run *run = malloc(sizeof *run);
    if (!run)
        gor_fatal(g, "out of memory");
    *run =
        (timer_run){.t = t, .gen = gen, .dur = d, .period = period, .vfrom = (uint64_t)gort_now(g)};
    gort_go_timer(g, timer_goroutine, run);
}

static timer *timer_start(gor *g, int64_t d, int64_t period, gclosure *fn, const gtype *elem)
{
    timer *t = gor_alloc_bytes(g, sizeof *t);
    t->vm = g->vm;
    t->fn = fn;
    t->ticker = period != 0;
    atomic_init(&t->gen, 0);
    atomic_init(&t->stopped, 0);
    atomic_init(&t->fired, 0);
    if (!fn)
        t->c = gort_chan_new(g, elem, 1);
    timer_launch(g, t, 0, d, period);
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

/* A new generation: the old goroutine (asleep, or gone) will not fire. */
static int timer_restart(gor *g, timer *t, int64_t d, int64_t period)
{
    int active = !atomic_load_explicit(&t->stopped, memory_order_relaxed) &&
                 !atomic_load_explicit(&t->fired, memory_order_relaxed);
    uint32_t gen = atomic_fetch_add_explicit(&t->gen, 1, memory_order_relaxed) + 1;
    atomic_store_explicit(&t->fired, 0, memory_order_relaxed);
    atomic_store_explicit(&t->stopped, 0, memory_order_relaxed);
    timer_launch(g, t, gen, d, period);
    return active;
}

static void timer_reset_native(gor *g, gcell *args, gcell *res)
{
    const gcell *obj = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!obj)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    timer *t = (timer *)(uintptr_t)cell_get(&obj[1]);
    if (!t)
        gor_panic_string(g, "time: Reset called on uninitialized Timer");
    cell_set(&res[0], (uint64_t)timer_restart(g, t, (int64_t)cell_get(&args[1]), 0));
}

static void ticker_reset_native(gor *g, gcell *args, gcell *res)
{
    (void)res;
    const gcell *obj = (const gcell *)(uintptr_t)cell_get(&args[0]);
    if (!obj)
        gor_panic_runtime(g, "invalid memory address or nil pointer dereference");
    timer *t = (timer *)(uintptr_t)cell_get(&obj[1]);
    if (!t)
        gor_panic_string(g, "time: Reset called on uninitialized Ticker");
    int64_t d = (int64_t)cell_get(&args[1]);
    if (d <= 0)
        gor_panic_string(g, "non-positive interval for Ticker.Reset");
    timer_restart(g, t, d, d);
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

/* ---- the wall clock: a Time's reading, Format, the calendar ----
 *
 * A Time is virtual ns (the lecture's clock); on the wall it reads
 * wall0_ns + that (wall0_ns: the wall clock when the program started), in
 * the local zone (TZ, as Go's Local).  A Time has no location of its own:
 * Date's loc says how its fields are read, and every Time prints in the
 * local zone. */
static int64_t time_wall(gor *g, int64_t t)
{
    return g->vm->wall0_ns + t;
}

/* The local calendar of wall ns w: tm, and the ns within its second. */
static void time_tm(int64_t w, struct tm *tm, long *nsec)
{
    int64_t sec = w / 1000000000, ns = w % 1000000000;
    if (ns < 0) {
        ns += 1000000000;
        sec--;
    }
    time_t tt = (time_t)sec;
    localtime_r(&tt, tm);
    *nsec = (long)ns;
}

static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};
static const char *const day_names[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                        "Thursday", "Friday", "Saturday"};

static void put_int(gbuf *b, long v, int width, char pad)
{
    char t[32];
    int n = pad ? snprintf(t, sizeof t, pad == '0' ? "%0*ld" : "%*ld", width, v)
                : snprintf(t, sizeof t, "%ld", v);
    gbuf_put(b, t, (size_t)n);
}

/* "-0700", "-07:00", "-07", "-070000", "-07:00:00"; z: "Z" at offset 0. */
static void put_zone(gbuf *b, long off, int colon, int secs, int hours_only, int z)
{
    if (z && off == 0) {
        gbuf_putc(b, 'Z');
        return;
    }
    gbuf_putc(b, off < 0 ? '-' : '+');
    long a = off < 0 ? -off : off;
    put_int(b, a / 3600, 2, '0');
    if (hours_only)
        return;
    if (colon)
        gbuf_putc(b, ':');
    put_int(b, a / 60 % 60, 2, '0');
    if (secs) {
        if (colon)
            gbuf_putc(b, ':');
        put_int(b, a % 60, 2, '0');
    }
}

static int starts(const char *p, const char *end, const char *w)
{
    size_t n = strlen(w);
    return (size_t)(end - p) >= n && memcmp(p, w, n) == 0;
}

/* Go's Time.Format: the layout's reference-time chunks (Mon Jan 2
 * 15:04:05 MST 2006) replaced by t's fields, the rest copied. */
static void time_format(gbuf *b, const char *p, size_t len, int64_t wall)
{
    struct tm tm;
    long ns;
    time_tm(wall, &tm, &ns);
    const char *end = p + len;
    int year = tm.tm_year + 1900, hour = tm.tm_hour, h12 = hour % 12 ? hour % 12 : 12;
    long off = tm.tm_gmtoff;
    while (p < end) {
        if (starts(p, end, "January")) {
            gbuf_puts(b, month_names[tm.tm_mon]);
            p += 7;
        } else if (starts(p, end, "Jan")) {
            gbuf_put(b, month_names[tm.tm_mon], 3);
            p += 3;
        } else if (starts(p, end, "Monday")) {
            gbuf_puts(b, day_names[tm.tm_wday]);
            p += 6;
        } else if (starts(p, end, "Mon")) {
            gbuf_put(b, day_names[tm.tm_wday], 3);
            p += 3;
        } else if (starts(p, end, "MST")) {
            if (tm.tm_zone && tm.tm_zone[0] && tm.tm_zone[0] != '+' && tm.tm_zone[0] != '-')
                gbuf_puts(b, tm.tm_zone);
            else
                put_zone(b, off, 0, 0, 0, 0);
            p += 3;
        } else if (starts(p, end, "2006")) {
            put_int(b, year, 4, '0');
            p += 4;
        } else if (starts(p, end, "01")) {
            put_int(b, tm.tm_mon + 1, 2, '0');
            p += 2;
        } else if (starts(p, end, "02")) {
            put_int(b, tm.tm_mday, 2, '0');
            p += 2;
        } else if (starts(p, end, "03")) {
            put_int(b, h12, 2, '0');
            p += 2;
        } else if (starts(p, end, "04")) {
            put_int(b, tm.tm_min, 2, '0');
            p += 2;
        } else if (starts(p, end, "05")) {
            put_int(b, tm.tm_sec, 2, '0');
            p += 2;
        } else if (starts(p, end, "06")) {
            put_int(b, year % 100, 2, '0');
            p += 2;
        } else if (starts(p, end, "15")) {
            put_int(b, hour, 2, '0');
            p += 2;
        } else if (starts(p, end, "_2") && !starts(p, end, "_2006")) {
            put_int(b, tm.tm_mday, 2, ' ');
            p += 2;
        } else if (*p == '1') {
            put_int(b, tm.tm_mon + 1, 0, 0);
            p++;
        } else if (*p == '2') {
            put_int(b, tm.tm_mday, 0, 0);
            p++;
        } else if (*p == '3') {
            put_int(b, h12, 0, 0);
            p++;
        } else if (*p == '4') {
            put_int(b, tm.tm_min, 0, 0);
            p++;
        } else if (*p == '5') {
            put_int(b, tm.tm_sec, 0, 0);
            p++;
        } else if (starts(p, end, "PM") || starts(p, end, "pm")) {
            gbuf_puts(b, hour >= 12 ? (*p == 'P' ? "PM" : "pm") : (*p == 'P' ? "AM" : "am"));
            p += 2;
        } else if ((*p == '-' || *p == 'Z') &&
                   (starts(p + 1, end, "07:00:00") || starts(p + 1, end, "070000") ||
                    starts(p + 1, end, "07:00") || starts(p + 1, end, "0700") ||
                    starts(p + 1, end, "07"))) {
            int z = *p == 'Z';
            p++;
            if (starts(p, end, "07:00:00")) {
                put_zone(b, off, 1, 1, 0, z);
                p += 8;
            } else if (starts(p, end, "070000")) {
                put_zone(b, off, 0, 1, 0, z);
                p += 6;
            } else if (starts(p, end, "07:00")) {
                put_zone(b, off, 1, 0, 0, z);
                p += 5;
            } else if (starts(p, end, "0700")) {
                put_zone(b, off, 0, 0, 0, z);
                p += 4;
            } else {
                put_zone(b, off, 0, 0, 1, z);
                p += 2;
            }
        } else if ((*p == '.' || *p == ',') && p + 1 < end && (p[1] == '0' || p[1] == '9')) {
            char digit = p[1];
            const char *q = p + 1;
            while (q < end && *q == digit)
                q++;
            if (q < end && *q >= '0' && *q <= '9') { /* not a fraction: ".0001" */
                gbuf_putc(b, *p++);
                continue;
            }
            int n = (int)(q - p - 1) > 9 ? 9 : (int)(q - p - 1);
            char f[16];
            snprintf(f, sizeof f, "%09ld", ns);
            if (digit == '9') { /* trailing zeros cut, and the dot with them */
                int k = n;
                while (k > 0 && f[k - 1] == '0')
                    k--;
                if (k) {
                    gbuf_putc(b, *p);
                    gbuf_put(b, f, (size_t)k);
                }
            } else {
                gbuf_putc(b, *p);
                gbuf_put(b, f, (size_t)n);
            }
            p = q;
        } else {
            gbuf_putc(b, *p++);
        }
    }
}

static uint64_t gostr_of(gor *g, gbuf *b)
{
    uint64_t w = (uint64_t)(uintptr_t)gor_str(g, b->p ? b->p : "", (int64_t)b->len);
    gbuf_free(b);
    return w;
}

static void time_format_native(gor *g, gcell *args, gcell *res)
{
    const gstr *l = word_str(cell_get(&args[1]));
    gbuf b = GBUF_INIT;
    time_format(&b, gstr_ptr(l), (size_t)gstr_len(l), time_wall(g, (int64_t)cell_get(&args[0])));
    cell_set(&res[0], gostr_of(g, &b));
}

/* Time.String: "2006-01-02 15:04:05.999999999 -0700 MST m=+0.000019540",
 * the monotonic reading being the virtual clock's. */
void lib_time_string(gor *g, int64_t t, int mono, gbuf *b)
{
    static const char layout[] = "2006-01-02 15:04:05.999999999 -0700 MST";
    time_format(b, layout, sizeof layout - 1, time_wall(g, t));
    /* Go shows the monotonic reading of a Time from Now (or Add to one),
     * not of one from Date or Unix: a Time has no flag for it, so a Time
     * outside the run so far (before the start, or not yet come) is taken
     * for a Date's */
    if (mono > 0 || (mono < 0 && t >= 0 && t <= gort_now(g))) {
        char m[48];
        snprintf(m, sizeof m, " m=+%lld.%09lld", (long long)(t / 1000000000),
                 (long long)(t % 1000000000));
        gbuf_puts(b, m);
    }
}

static void time_string_native(gor *g, gcell *args, gcell *res)
{
    int64_t t = (int64_t)cell_get(&args[0]);
    gbuf b = GBUF_INIT;
    lib_time_string(g, t, -1, &b);
    cell_set(&res[0], gostr_of(g, &b));
}

enum { TF_YEAR, TF_MONTH, TF_DAY, TF_HOUR, TF_MINUTE, TF_SECOND, TF_NANO, TF_WEEKDAY, TF_YEARDAY };

static void time_field(gor *g, gcell *args, gcell *res, int which)
{
    struct tm tm;
    long ns;
    time_tm(time_wall(g, (int64_t)cell_get(&args[0])), &tm, &ns);
    const long v[] = {[TF_YEAR] = tm.tm_year + 1900,
                      [TF_MONTH] = tm.tm_mon + 1,
                      [TF_DAY] = tm.tm_mday,
                      [TF_HOUR] = tm.tm_hour,
                      [TF_MINUTE] = tm.tm_min,
                      [TF_SECOND] = tm.tm_sec,
                      [TF_NANO] = ns,
                      [TF_WEEKDAY] = tm.tm_wday,
                      [TF_YEARDAY] = tm.tm_yday + 1};
    cell_set(&res[0], (uint64_t)(int64_t)v[which]);
}

#define TIME_FIELD(name, which)                                                                    \
    static void name(gor *g, gcell *args, gcell *res)                                              \
    {                                                                                              \
        time_field(g, args, res, which);                                                           \
    }
TIME_FIELD(time_year_native, TF_YEAR)
TIME_FIELD(time_month_native, TF_MONTH)
TIME_FIELD(time_day_native, TF_DAY)
TIME_FIELD(time_hour_native, TF_HOUR)
TIME_FIELD(time_minute_native, TF_MINUTE)
TIME_FIELD(time_second_native, TF_SECOND)
TIME_FIELD(time_nanosecond_native, TF_NANO)
TIME_FIELD(time_weekday_native, TF_WEEKDAY)
TIME_FIELD(time_yearday_native, TF_YEARDAY)

static void time_unixmilli_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)(time_wall(g, (int64_t)cell_get(&args[0])) / 1000000));
}

static void time_unixmicro_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)(time_wall(g, (int64_t)cell_get(&args[0])) / 1000));
}

/* UTC, Local: the same instant (a Time prints in the local zone, above) */
static void time_same_native(gor *g, gcell *args, gcell *res)
{
    (void)g;
    cell_set(&res[0], cell_get(&args[0]));
}

static void month_string_native(gor *g, gcell *args, gcell *res)
{
    int64_t m = (int64_t)cell_get(&args[0]);
    char buf[40];
    const char *s = buf;
    if (m >= 1 && m <= 12)
        s = month_names[m - 1];
    else
        snprintf(buf, sizeof buf, "%%!Month(%lld)", (long long)m);
    cell_set(&res[0], (uint64_t)(uintptr_t)gor_str(g, s, (int64_t)strlen(s)));
}

/* *Location: one cell, 1 for UTC, 0 for Local. */
static void location_var(gor *g, gcell *res, int utc)
{
    gcell *l = gor_alloc(g, 1);
    cell_set(&l[0], (uint64_t)utc);
    cell_set(&res[0], (uint64_t)(uintptr_t)l);
}

static void utc_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    location_var(g, res, 1);
}

static void local_init(gor *g, gcell *args, gcell *res)
{
    (void)args;
    location_var(g, res, 0);
}

static void unix_native(gor *g, gcell *args, gcell *res)
{
    int64_t w = (int64_t)cell_get(&args[0]) * 1000000000 + (int64_t)cell_get(&args[1]);
    cell_set(&res[0], (uint64_t)(w - g->vm->wall0_ns));
}

static void unix_milli_native(gor *g, gcell *args, gcell *res)
{
    cell_set(&res[0], (uint64_t)((int64_t)cell_get(&args[0]) * 1000000 - g->vm->wall0_ns));
}

/* Date: the fields in loc (UTC, else the local zone), normalized as Go
 * does (month 13 is January of the next year); loc nil panics. */
static void date_native(gor *g, gcell *args, gcell *res)
{
    const gcell *loc = (const gcell *)(uintptr_t)cell_get(&args[7]);
    if (!loc)
        gor_panic_string(g, "time: missing Location in call to Date");
    struct tm tm = {0};
    tm.tm_year = (int)((int64_t)cell_get(&args[0]) - 1900);
    tm.tm_mon = (int)((int64_t)cell_get(&args[1]) - 1);
    tm.tm_mday = (int)(int64_t)cell_get(&args[2]);
    tm.tm_hour = (int)(int64_t)cell_get(&args[3]);
    tm.tm_min = (int)(int64_t)cell_get(&args[4]);
    tm.tm_sec = (int)(int64_t)cell_get(&args[5]);
    tm.tm_isdst = -1;
    time_t sec = cell_get(&loc[0]) ? timegm(&tm) : mktime(&tm);
    int64_t w = (int64_t)sec * 1000000000 + (int64_t)cell_get(&args[6]);
    cell_set(&res[0], (uint64_t)(w - g->vm->wall0_ns));
}

const golib_native lib_time_natives[] = {
    {"Time.Equal", time_equal_native},
    {"Weekday.String", weekday_string_native},
    {"Sleep", sleep_native},
    {"Now", now_native},
    {"Since", since_native},
    {"Until", until_native},
    {"ParseDuration", parse_duration_native},
    {"*Timer.Reset", timer_reset_native},
    {"*Ticker.Reset", ticker_reset_native},
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
    {"Time.String", time_string_native},
    {"Time.Format", time_format_native},
    {"Time.Year", time_year_native},
    {"Time.Month", time_month_native},
    {"Time.Day", time_day_native},
    {"Time.Hour", time_hour_native},
    {"Time.Minute", time_minute_native},
    {"Time.Second", time_second_native},
    {"Time.Nanosecond", time_nanosecond_native},
    {"Time.Weekday", time_weekday_native},
    {"Time.YearDay", time_yearday_native},
    {"Time.UnixMilli", time_unixmilli_native},
    {"Time.UnixMicro", time_unixmicro_native},
    {"Month.String", month_string_native},
    {"Time.UTC", time_same_native},
    {"Time.Local", time_same_native},
    {"UTC", utc_init},
    {"Local", local_init},
    {"Unix", unix_native},
    {"UnixMilli", unix_milli_native},
    {"Date", date_native},
    {"*Timer.Stop", timer_stop_native},
    {"*Ticker.Stop", ticker_stop_native},
    {NULL, NULL},
};
