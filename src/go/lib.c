#include "lib.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lib_api.h"

/* The packages' signatures.  The natives (fn) come with the evaluator
 * (eval.c): a NULL fn is a member the checker accepts and the evaluator
 * refuses to run with "poolscope does not support X yet". */

#define FN(name, type)                                                                             \
    {                                                                                              \
        LM_FUNC, name, type, NULL, NULL                                                            \
    }
#define TY(name, type)                                                                             \
    {                                                                                              \
        LM_TYPE, name, type, NULL, NULL                                                            \
    }
#define ME(name, type)                                                                             \
    {                                                                                              \
        LM_METHOD, name, type, NULL, NULL                                                          \
    }
#define CO(name, type, value)                                                                      \
    {                                                                                              \
        LM_CONST, name, type, NULL, value                                                          \
    }
#define VA(name, type)                                                                             \
    {                                                                                              \
        LM_VAR, name, type, NULL, NULL                                                             \
    }

static const golib_member fmt_members[] = {
    FN("Println", "func(a ...any) (n int, err error)"),
    FN("Print", "func(a ...any) (n int, err error)"),
    FN("Printf", "func(format string, a ...any) (n int, err error)"),
    FN("Sprintf", "func(format string, a ...any) string"),
    FN("Sprint", "func(a ...any) string"),
    FN("Sprintln", "func(a ...any) string"),
    FN("Errorf", "func(format string, a ...any) error"),
    FN("Fprintf", "func(w Writer, format string, a ...any) (n int, err error)"),
    FN("Fprintln", "func(w Writer, a ...any) (n int, err error)"),
    FN("Fprint", "func(w Writer, a ...any) (n int, err error)"),
    TY("Stringer", "interface{ String() string }"),
    TY("Writer", "interface{ Write(p []byte) (n int, err error) }"),
};

static const golib_member time_members[] = {
    TY("Duration", "int64"),
    TY("Month", "int"),
    TY("Weekday", "int"),
    TY("Time", "struct{ ns int64 }"),
    TY("Timer", "struct{ C <-chan Time; t uintptr }"),
    TY("Ticker", "struct{ C <-chan Time; t uintptr }"),
    CO("Nanosecond", "Duration", "1"),
    CO("Microsecond", "Duration", "1000"),
    CO("Millisecond", "Duration", "1000000"),
    CO("Second", "Duration", "1000000000"),
    CO("Minute", "Duration", "60000000000"),
    CO("Hour", "Duration", "3600000000000"),
    CO("Sunday", "Weekday", "0"),
    CO("Monday", "Weekday", "1"),
    CO("Tuesday", "Weekday", "2"),
    CO("Wednesday", "Weekday", "3"),
    CO("Thursday", "Weekday", "4"),
    CO("Friday", "Weekday", "5"),
    CO("Saturday", "Weekday", "6"),
    ME("Weekday.String", "func() string"),
    ME("Time.Equal", "func(u Time) bool"),
    FN("Sleep", "func(d Duration)"),
    FN("Now", "func() Time"),
    FN("Since", "func(t Time) Duration"),
    FN("Until", "func(t Time) Duration"),
    FN("ParseDuration", "func(s string) (Duration, error)"),
    FN("After", "func(d Duration) <-chan Time"),
    FN("Tick", "func(d Duration) <-chan Time"),
    FN("NewTimer", "func(d Duration) *Timer"),
    FN("NewTicker", "func(d Duration) *Ticker"),
    FN("AfterFunc", "func(d Duration, f func()) *Timer"),
    ME("Duration.String", "func() string"),
    ME("Duration.Seconds", "func() float64"),
    ME("Duration.Milliseconds", "func() int64"),
    ME("Duration.Microseconds", "func() int64"),
    ME("Duration.Nanoseconds", "func() int64"),
    ME("Duration.Minutes", "func() float64"),
    ME("Duration.Hours", "func() float64"),
    ME("Duration.Round", "func(m Duration) Duration"),
    ME("Duration.Truncate", "func(m Duration) Duration"),
    ME("Time.Sub", "func(u Time) Duration"),
    ME("Time.Add", "func(d Duration) Time"),
    ME("Time.Before", "func(u Time) bool"),
    ME("Time.After", "func(u Time) bool"),
    ME("Time.UnixNano", "func() int64"),
    ME("Time.Unix", "func() int64"),
    ME("*Timer.Stop", "func() bool"),
    ME("*Timer.Reset", "func(d Duration) bool"),
    ME("*Ticker.Stop", "func()"),
    ME("*Ticker.Reset", "func(d Duration)"),
};

static const golib_member sync_members[] = {
    TY("Mutex", "struct{ m uintptr }"),
    TY("RWMutex", "struct{ m uintptr }"),
    TY("WaitGroup", "struct{ w uintptr }"),
    TY("Once", "struct{ m uintptr; done uint32 }"),
    TY("Locker", "interface{ Lock(); Unlock() }"),
    TY("Map", "struct{ m uintptr }"),
    ME("*Map.Load", "func(key any) (value any, ok bool)"),
    ME("*Map.Store", "func(key, value any)"),
    ME("*Map.LoadOrStore", "func(key, value any) (actual any, loaded bool)"),
    ME("*Map.LoadAndDelete", "func(key any) (value any, loaded bool)"),
    ME("*Map.Delete", "func(key any)"),
    ME("*Map.Range", "func(f func(key, value any) bool)"),
    ME("*Mutex.Lock", "func()"),
    ME("*Mutex.Unlock", "func()"),
    ME("*Mutex.TryLock", "func() bool"),
    ME("*RWMutex.Lock", "func()"),
    ME("*RWMutex.Unlock", "func()"),
    ME("*RWMutex.RLock", "func()"),
    ME("*RWMutex.RUnlock", "func()"),
    ME("*WaitGroup.Add", "func(delta int)"),
    ME("*WaitGroup.Done", "func()"),
    ME("*WaitGroup.Wait", "func()"),
    ME("*Once.Do", "func(f func())"),
};

static const golib_member atomic_members[] = {
    FN("AddInt32", "func(addr *int32, delta int32) (new int32)"),
    FN("AddInt64", "func(addr *int64, delta int64) (new int64)"),
    FN("AddUint32", "func(addr *uint32, delta uint32) (new uint32)"),
    FN("AddUint64", "func(addr *uint64, delta uint64) (new uint64)"),
    FN("LoadInt32", "func(addr *int32) (val int32)"),
    FN("LoadInt64", "func(addr *int64) (val int64)"),
    FN("LoadUint32", "func(addr *uint32) (val uint32)"),
    FN("LoadUint64", "func(addr *uint64) (val uint64)"),
    FN("StoreInt32", "func(addr *int32, val int32)"),
    FN("StoreInt64", "func(addr *int64, val int64)"),
    FN("StoreUint32", "func(addr *uint32, val uint32)"),
    FN("StoreUint64", "func(addr *uint64, val uint64)"),
    FN("SwapInt32", "func(addr *int32, new int32) (old int32)"),
    FN("SwapInt64", "func(addr *int64, new int64) (old int64)"),
    FN("CompareAndSwapInt32", "func(addr *int32, old, new int32) (swapped bool)"),
    FN("CompareAndSwapInt64", "func(addr *int64, old, new int64) (swapped bool)"),
    FN("SwapUint32", "func(addr *uint32, new uint32) (old uint32)"),
    FN("SwapUint64", "func(addr *uint64, new uint64) (old uint64)"),
    FN("CompareAndSwapUint32", "func(addr *uint32, old, new uint32) (swapped bool)"),
    FN("CompareAndSwapUint64", "func(addr *uint64, old, new uint64) (swapped bool)"),
    TY("Int32", "struct{ v int32 }"),
    TY("Int64", "struct{ v int64 }"),
    TY("Uint32", "struct{ v uint32 }"),
    TY("Uint64", "struct{ v uint64 }"),
    TY("Bool", "struct{ v uint32 }"),
    TY("Value", "struct{ v any }"),
    ME("*Value.Load", "func() (val any)"),
    ME("*Value.Store", "func(val any)"),
    ME("*Value.Swap", "func(new any) (old any)"),
    ME("*Value.CompareAndSwap", "func(old, new any) (swapped bool)"),
    ME("*Int32.Add", "func(delta int32) (new int32)"),
    ME("*Int32.Load", "func() int32"),
    ME("*Int32.Store", "func(val int32)"),
    ME("*Int32.Swap", "func(new int32) (old int32)"),
    ME("*Int32.CompareAndSwap", "func(old, new int32) (swapped bool)"),
    ME("*Int64.Add", "func(delta int64) (new int64)"),
    ME("*Int64.Load", "func() int64"),
    ME("*Int64.Store", "func(val int64)"),
    ME("*Int64.Swap", "func(new int64) (old int64)"),
    ME("*Int64.CompareAndSwap", "func(old, new int64) (swapped bool)"),
    ME("*Uint32.Add", "func(delta uint32) (new uint32)"),
    ME("*Uint32.Load", "func() uint32"),
    ME("*Uint32.Store", "func(val uint32)"),
    ME("*Uint64.Add", "func(delta uint64) (new uint64)"),
    ME("*Uint64.Load", "func() uint64"),
    ME("*Uint64.Store", "func(val uint64)"),
    ME("*Bool.Load", "func() bool"),
    ME("*Bool.Store", "func(val bool)"),
};

static const golib_member errors_members[] = {
    FN("New", "func(text string) error"),
    FN("Is", "func(err, target error) bool"),
    FN("As", "func(err error, target any) bool"),
    FN("Unwrap", "func(err error) error"),
};

static const golib_member os_members[] = {
    TY("File", "struct{ fd int }"),
    VA("Stdout", "*File"),
    VA("Stderr", "*File"),
    VA("Args", "[]string"),
    FN("Exit", "func(code int)"),
    FN("Getenv", "func(key string) string"),
    ME("*File.Write", "func(b []byte) (n int, err error)"),
    ME("*File.WriteString", "func(s string) (n int, err error)"),
};

static const golib_member strings_members[] = {
    FN("Contains", "func(s, substr string) bool"),
    FN("ContainsRune", "func(s string, r rune) bool"),
    FN("ContainsAny", "func(s, chars string) bool"),
    FN("Count", "func(s, substr string) int"),
    FN("EqualFold", "func(s, t string) bool"),
    FN("Fields", "func(s string) []string"),
    FN("HasPrefix", "func(s, prefix string) bool"),
    FN("HasSuffix", "func(s, suffix string) bool"),
    FN("Index", "func(s, substr string) int"),
    FN("IndexByte", "func(s string, c byte) int"),
    FN("IndexRune", "func(s string, r rune) int"),
    FN("Join", "func(elems []string, sep string) string"),
    FN("LastIndex", "func(s, substr string) int"),
    FN("Repeat", "func(s string, count int) string"),
    FN("Replace", "func(s, old, new string, n int) string"),
    FN("ReplaceAll", "func(s, old, new string) string"),
    FN("Split", "func(s, sep string) []string"),
    FN("SplitN", "func(s, sep string, n int) []string"),
    FN("Title", "func(s string) string"),
    FN("ToLower", "func(s string) string"),
    FN("ToUpper", "func(s string) string"),
    FN("Trim", "func(s, cutset string) string"),
    FN("TrimSpace", "func(s string) string"),
    FN("TrimLeft", "func(s, cutset string) string"),
    FN("TrimRight", "func(s, cutset string) string"),
    FN("TrimPrefix", "func(s, prefix string) string"),
    FN("TrimSuffix", "func(s, suffix string) string"),
    FN("Map", "func(mapping func(rune) rune, s string) string"),
    FN("Compare", "func(a, b string) int"),
    FN("SplitAfter", "func(s, sep string) []string"),
    FN("SplitAfterN", "func(s, sep string, n int) []string"),
    FN("FieldsFunc", "func(s string, f func(rune) bool) []string"),
    FN("TrimFunc", "func(s string, f func(rune) bool) string"),
    FN("TrimLeftFunc", "func(s string, f func(rune) bool) string"),
    FN("TrimRightFunc", "func(s string, f func(rune) bool) string"),
    FN("IndexFunc", "func(s string, f func(rune) bool) int"),
    FN("IndexAny", "func(s, chars string) int"),
    FN("LastIndexAny", "func(s, chars string) int"),
    FN("LastIndexByte", "func(s string, c byte) int"),
    FN("ToTitle", "func(s string) string"),
    FN("Cut", "func(s, sep string) (before, after string, found bool)"),
    FN("NewReader", "func(s string) *Reader"),
    TY("Reader", "struct{ s string; i int64 }"),
    ME("*Reader.Len", "func() int"),
    ME("*Builder.Cap", "func() int"),
    TY("Builder", "struct{ b []byte }"),
    ME("*Builder.WriteString", "func(s string) (int, error)"),
    ME("*Builder.WriteByte", "func(c byte) error"),
    ME("*Builder.WriteRune", "func(r rune) (int, error)"),
    ME("*Builder.Write", "func(p []byte) (int, error)"),
    ME("*Builder.String", "func() string"),
    ME("*Builder.Len", "func() int"),
    ME("*Builder.Reset", "func()"),
    ME("*Builder.Grow", "func(n int)"),
    FN("NewReplacer", "func(oldnew ...string) *Replacer"),
    TY("Replacer", "struct{ r []string }"),
    ME("*Replacer.Replace", "func(s string) string"),
};

static const golib_member strconv_members[] = {
    FN("Itoa", "func(i int) string"),
    FN("Atoi", "func(s string) (int, error)"),
    FN("ParseInt", "func(s string, base int, bitSize int) (i int64, err error)"),
    FN("ParseUint", "func(s string, base int, bitSize int) (uint64, error)"),
    FN("ParseFloat", "func(s string, bitSize int) (float64, error)"),
    FN("ParseBool", "func(str string) (bool, error)"),
    FN("FormatInt", "func(i int64, base int) string"),
    FN("FormatUint", "func(i uint64, base int) string"),
    FN("FormatFloat", "func(f float64, fmt byte, prec, bitSize int) string"),
    FN("FormatBool", "func(b bool) string"),
    FN("Quote", "func(s string) string"),
    FN("QuoteRune", "func(r rune) string"),
    FN("Unquote", "func(s string) (string, error)"),
    FN("QuoteToASCII", "func(s string) string"),
    FN("QuoteToGraphic", "func(s string) string"),
    FN("QuoteRuneToASCII", "func(r rune) string"),
    FN("QuoteRuneToGraphic", "func(r rune) string"),
    FN("CanBackquote", "func(s string) bool"),
    FN("IsPrint", "func(r rune) bool"),
    FN("IsGraphic", "func(r rune) bool"),
    FN("AppendInt", "func(dst []byte, i int64, base int) []byte"),
    FN("AppendUint", "func(dst []byte, i uint64, base int) []byte"),
    FN("AppendFloat", "func(dst []byte, f float64, fmt byte, prec, bitSize int) []byte"),
    FN("AppendBool", "func(dst []byte, b bool) []byte"),
    FN("AppendQuote", "func(dst []byte, s string) []byte"),
    CO("IntSize", "", "64"),
    TY("NumError", "struct{ Func string; Num string; Err error }"),
    ME("*NumError.Error", "func() string"),
    ME("*NumError.Unwrap", "func() error"),
    VA("ErrSyntax", "error"),
    VA("ErrRange", "error"),
};

static const golib_member math_members[] = {
    CO("Pi", "", "3.14159265358979323846264338327950288419716939937510582097494459"),
    CO("E", "", "2.71828182845904523536028747135266249775724709369995957496696763"),
    CO("Sqrt2", "", "1.41421356237309504880168872420969807856967187537694807317667974"),
    CO("MaxInt", "", "9223372036854775807"),
    CO("MinInt", "", "-9223372036854775808"),
    CO("MaxInt8", "", "127"),
    CO("MinInt8", "", "-128"),
    CO("MaxInt16", "", "32767"),
    CO("MinInt16", "", "-32768"),
    CO("MaxInt32", "", "2147483647"),
    CO("MinInt32", "", "-2147483648"),
    CO("MaxInt64", "", "9223372036854775807"),
    CO("MinInt64", "", "-9223372036854775808"),
    CO("MaxUint8", "", "255"),
    CO("MaxUint16", "", "65535"),
    CO("MaxUint32", "", "4294967295"),
    CO("MaxUint64", "", "18446744073709551615"),
    CO("MaxUint", "", "18446744073709551615"),
    CO("MaxFloat64", "", "1.79769313486231570814527423731704356798070e+308"),
    CO("SmallestNonzeroFloat64", "", "4.9406564584124654417656879286822137236505980e-324"),
    CO("MaxFloat32", "", "3.40282346638528859811704183484516925440e+38"),
    CO("SmallestNonzeroFloat32", "", "1.401298464324817070923729583289916131280e-45"),
    CO("Phi", "", "1.61803398874989484820458683436563811772030917980576286213544862"),
    CO("SqrtE", "", "1.64872127070012814684865078831110152470"),
    CO("SqrtPi", "", "1.77245385090551602729816748334114518279754945612238712821380779"),
    CO("SqrtPhi", "", "1.27201964951406896425242246173749149171560804184009624861664038"),
    CO("Ln2", "", "0.693147180559945309417232121458176568075500134360255254120680009"),
    CO("Log2E", "", "1 / 0.693147180559945309417232121458176568075500134360255254120680009"),
    CO("Ln10", "", "2.30258509299404568401799145468436420760110148862877297603332790"),
    CO("Log10E", "", "1 / 2.30258509299404568401799145468436420760110148862877297603332790"),
    FN("Sqrt", "func(x float64) float64"),
    FN("Pow", "func(x, y float64) float64"),
    FN("Abs", "func(x float64) float64"),
    FN("Floor", "func(x float64) float64"),
    FN("Ceil", "func(x float64) float64"),
    FN("Round", "func(x float64) float64"),
    FN("Trunc", "func(x float64) float64"),
    FN("Max", "func(x, y float64) float64"),
    FN("Min", "func(x, y float64) float64"),
    FN("Mod", "func(x, y float64) float64"),
    FN("Inf", "func(sign int) float64"),
    FN("IsInf", "func(f float64, sign int) bool"),
    FN("NaN", "func() float64"),
    FN("IsNaN", "func(f float64) (is bool)"),
    FN("Log", "func(x float64) float64"),
    FN("Log2", "func(x float64) float64"),
    FN("Log10", "func(x float64) float64"),
    FN("Exp", "func(x float64) float64"),
    FN("Sin", "func(x float64) float64"),
    FN("Cos", "func(x float64) float64"),
    FN("Tan", "func(x float64) float64"),
    FN("Atan", "func(x float64) float64"),
    FN("Atan2", "func(y, x float64) float64"),
    FN("Hypot", "func(p, q float64) float64"),
    FN("Cbrt", "func(x float64) float64"),
    FN("RoundToEven", "func(x float64) float64"),
    FN("Remainder", "func(x, y float64) float64"),
    FN("Dim", "func(x, y float64) float64"),
    FN("Signbit", "func(x float64) bool"),
    FN("Copysign", "func(f, sign float64) float64"),
    FN("Log1p", "func(x float64) float64"),
    FN("Exp2", "func(x float64) float64"),
    FN("Expm1", "func(x float64) float64"),
    FN("Asin", "func(x float64) float64"),
    FN("Acos", "func(x float64) float64"),
    FN("Sinh", "func(x float64) float64"),
    FN("Cosh", "func(x float64) float64"),
    FN("Tanh", "func(x float64) float64"),
    FN("Modf", "func(f float64) (int float64, frac float64)"),
    FN("Frexp", "func(f float64) (frac float64, exp int)"),
    FN("Ldexp", "func(frac float64, exp int) float64"),
    FN("Float64bits", "func(f float64) uint64"),
    FN("Float64frombits", "func(b uint64) float64"),
    FN("Float32bits", "func(f float32) uint32"),
    FN("Float32frombits", "func(b uint32) float32"),
};

static const golib_member sort_members[] = {
    FN("Ints", "func(x []int)"),
    FN("Strings", "func(x []string)"),
    FN("Float64s", "func(x []float64)"),
    FN("Slice", "func(x any, less func(i, j int) bool)"),
    FN("SliceStable", "func(x any, less func(i, j int) bool)"),
    FN("Sort", "func(data Interface)"),
    FN("Stable", "func(data Interface)"),
    FN("Search", "func(n int, f func(int) bool) int"),
    FN("SearchInts", "func(a []int, x int) int"),
    FN("IntsAreSorted", "func(x []int) bool"),
    FN("StringsAreSorted", "func(x []string) bool"),
    FN("SliceIsSorted", "func(x any, less func(i, j int) bool) bool"),
    FN("Reverse", "func(data Interface) Interface"),
    TY("Interface", "interface{ Len() int; Less(i, j int) bool; Swap(i, j int) }"),
    TY("IntSlice", "[]int"),
    TY("StringSlice", "[]string"),
    ME("IntSlice.Len", "func() int"),
    ME("IntSlice.Less", "func(i, j int) bool"),
    ME("IntSlice.Swap", "func(i, j int)"),
    ME("StringSlice.Len", "func() int"),
    ME("StringSlice.Less", "func(i, j int) bool"),
    ME("StringSlice.Swap", "func(i, j int)"),
    ME("IntSlice.Sort", "func()"),
    ME("StringSlice.Sort", "func()"),
    TY("Float64Slice", "[]float64"),
    ME("Float64Slice.Len", "func() int"),
    ME("Float64Slice.Less", "func(i, j int) bool"),
    ME("Float64Slice.Swap", "func(i, j int)"),
    ME("Float64Slice.Sort", "func()"),
    FN("IsSorted", "func(data Interface) bool"),
    FN("SearchStrings", "func(a []string, x string) int"),
    FN("SearchFloat64s", "func(a []float64, x float64) int"),
    FN("Float64sAreSorted", "func(x []float64) bool"),
    TY("reverse", "struct{ data Interface }"),
    ME("reverse.Len", "func() int"),
    ME("reverse.Less", "func(i, j int) bool"),
    ME("reverse.Swap", "func(i, j int)"),
};

static const golib_member context_members[] = {
    TY("Context", "interface{ Done() <-chan struct{}; Err() error; Value(key any) any; Deadline() "
                  "(deadline time.Time, ok bool) }"),
    TY("CancelFunc", "func()"),
    FN("Background", "func() Context"),
    FN("TODO", "func() Context"),
    FN("WithCancel", "func(parent Context) (ctx Context, cancel CancelFunc)"),
    FN("WithTimeout", "func(parent Context, timeout time.Duration) (Context, CancelFunc)"),
    FN("WithValue", "func(parent Context, key, val any) Context"),
    FN("WithDeadline", "func(parent Context, d time.Time) (Context, CancelFunc)"),
    VA("Canceled", "error"),
    VA("DeadlineExceeded", "error"),
};

static const golib_member runtime_members[] = {
    TY("Error", "interface{ Error() string; RuntimeError() }"),
    FN("NumGoroutine", "func() int"),
    FN("Gosched", "func()"),
    FN("NumCPU", "func() int"),
    FN("GOMAXPROCS", "func(n int) int"),
    CO("GOOS", "string", "\"linux\""),
    CO("Compiler", "string", "\"gc\""),
#if defined(__x86_64__)
    CO("GOARCH", "string", "\"amd64\""),
#elif defined(__aarch64__)
    CO("GOARCH", "string", "\"arm64\""),
#endif
};

/* log: the standard logger and Loggers of the program's own (a Logger's
 * out is an io.Writer: *os.File or any Write method). */
static const golib_member log_members[] = {
    TY("Logger", "struct{ out interface{ Write(p []byte) (n int, err error) }; prefix string; "
                 "flag int }"),
    CO("Ldate", "", "1"),
    CO("Ltime", "", "2"),
    CO("Lmicroseconds", "", "4"),
    CO("Llongfile", "", "8"),
    CO("Lshortfile", "", "16"),
    CO("LUTC", "", "32"),
    CO("Lmsgprefix", "", "64"),
    CO("LstdFlags", "", "3"),
    FN("Print", "func(v ...any)"),
    FN("Printf", "func(format string, v ...any)"),
    FN("Println", "func(v ...any)"),
    FN("Fatal", "func(v ...any)"),
    FN("Fatalf", "func(format string, v ...any)"),
    FN("Fatalln", "func(v ...any)"),
    FN("Panic", "func(v ...any)"),
    FN("Panicf", "func(format string, v ...any)"),
    FN("Panicln", "func(v ...any)"),
    FN("SetFlags", "func(flag int)"),
    FN("SetPrefix", "func(prefix string)"),
    FN("Flags", "func() int"),
    FN("Prefix", "func() string"),
    FN("New", "func(out interface{ Write(p []byte) (n int, err error) }, prefix string, flag int) "
              "*Logger"),
    FN("Default", "func() *Logger"),
    ME("*Logger.Print", "func(v ...any)"),
    ME("*Logger.Printf", "func(format string, v ...any)"),
    ME("*Logger.Println", "func(v ...any)"),
    ME("*Logger.Fatal", "func(v ...any)"),
    ME("*Logger.Fatalf", "func(format string, v ...any)"),
    ME("*Logger.Fatalln", "func(v ...any)"),
    ME("*Logger.Panic", "func(v ...any)"),
    ME("*Logger.Panicf", "func(format string, v ...any)"),
    ME("*Logger.Panicln", "func(v ...any)"),
    ME("*Logger.SetFlags", "func(flag int)"),
    ME("*Logger.SetPrefix", "func(prefix string)"),
    ME("*Logger.Flags", "func() int"),
    ME("*Logger.Prefix", "func() string"),
};

static const golib_member errgroup_members[] = {
    TY("Group", "struct{ g uintptr }"),
    FN("WithContext", "func(ctx context.Context) (*Group, context.Context)"),
    ME("*Group.Go", "func(f func() error)"),
    ME("*Group.Wait", "func() error"),
    ME("*Group.SetLimit", "func(n int)"),
    ME("*Group.TryGo", "func(f func() error) bool"),
};

static const golib_member rand_members[] = {
    FN("Intn", "func(n int) int"),
    FN("Int", "func() int"),
    FN("Int63", "func() int64"),
    FN("Int31", "func() int32"),
    FN("Uint32", "func() uint32"),
    FN("Int31n", "func(n int32) int32"),
    FN("Int63n", "func(n int64) int64"),
    FN("Float64", "func() float64"),
    FN("Float32", "func() float32"),
    FN("Seed", "func(seed int64)"),
    FN("Perm", "func(n int) []int"),
    FN("Shuffle", "func(n int, swap func(i, j int))"),
    FN("NewSource", "func(seed int64) Source"),
    FN("New", "func(src Source) *Rand"),
    TY("Source", "interface{ Int63() int64; Seed(seed int64) }"),
    TY("Rand", "struct{ src Source }"),
    TY("rngSource", "struct{ tap, feed int; vec [607]int64 }"),
    VA("globalRand", "*Rand"),
    ME("*rngSource.Int63", "func() int64"),
    ME("*rngSource.Seed", "func(seed int64)"),
    ME("*Rand.Intn", "func(n int) int"),
    ME("*Rand.Int", "func() int"),
    ME("*Rand.Int63", "func() int64"),
    ME("*Rand.Int31", "func() int32"),
    ME("*Rand.Uint32", "func() uint32"),
    ME("*Rand.Int31n", "func(n int32) int32"),
    ME("*Rand.Int63n", "func(n int64) int64"),
    ME("*Rand.Float64", "func() float64"),
    ME("*Rand.Float32", "func() float32"),
    ME("*Rand.Perm", "func(n int) []int"),
    ME("*Rand.Shuffle", "func(n int, swap func(i, j int))"),
    ME("*Rand.Seed", "func(seed int64)"),
    ME("*Rand.NormFloat64", "func() float64"),
    ME("*Rand.ExpFloat64", "func() float64"),
    FN("NormFloat64", "func() float64"),
    FN("ExpFloat64", "func() float64"),
};

static const golib_member utf8_members[] = {
    CO("RuneError", "", "'\\uFFFD'"),
    CO("UTFMax", "", "4"),
    FN("RuneCountInString", "func(s string) (n int)"),
    FN("RuneCount", "func(p []byte) int"),
    FN("DecodeRuneInString", "func(s string) (rune, int)"),
    FN("DecodeLastRuneInString", "func(s string) (rune, int)"),
    FN("RuneLen", "func(r rune) int"),
    FN("ValidString", "func(s string) bool"),
    FN("EncodeRune", "func(p []byte, r rune) int"),
    CO("RuneSelf", "", "0x80"),
    CO("MaxRune", "", "'\\U0010FFFF'"),
    FN("DecodeRune", "func(p []byte) (rune, int)"),
    FN("Valid", "func(p []byte) bool"),
    FN("ValidRune", "func(r rune) bool"),
    FN("FullRuneInString", "func(s string) bool"),
    FN("AppendRune", "func(p []byte, r rune) []byte"),
};

static const golib_member unicode_members[] = {
    FN("IsUpper", "func(r rune) bool"),     FN("IsLower", "func(r rune) bool"),
    FN("IsLetter", "func(r rune) bool"),    FN("IsDigit", "func(r rune) bool"),
    FN("IsSpace", "func(r rune) bool"),     FN("IsPunct", "func(r rune) bool"),
    FN("ToUpper", "func(r rune) rune"),     FN("ToLower", "func(r rune) rune"),
    FN("IsNumber", "func(r rune) bool"),    FN("IsPrint", "func(r rune) bool"),
    FN("IsGraphic", "func(r rune) bool"),   FN("IsControl", "func(r rune) bool"),
    FN("ToTitle", "func(r rune) rune"),     CO("MaxRune", "", "'\\U0010FFFF'"),
    CO("ReplacementChar", "", "'\\uFFFD'"), CO("MaxASCII", "", "'\\u007F'"),
    CO("MaxLatin1", "", "'\\u00FF'"),
};

#define PKG(p, n, m)                                                                               \
    {                                                                                              \
        p, n, m, (int)(sizeof m / sizeof m[0])                                                     \
    }

static const golib_pkg packages[] = {
    PKG("fmt", "fmt", fmt_members),
    PKG("time", "time", time_members),
    PKG("sync", "sync", sync_members),
    PKG("sync/atomic", "atomic", atomic_members),
    PKG("errors", "errors", errors_members),
    PKG("os", "os", os_members),
    PKG("strings", "strings", strings_members),
    PKG("strconv", "strconv", strconv_members),
    PKG("math", "math", math_members),
    PKG("sort", "sort", sort_members),
    PKG("context", "context", context_members),
    PKG("runtime", "runtime", runtime_members),
    PKG("log", "log", log_members),
    PKG("golang.org/x/sync/errgroup", "errgroup", errgroup_members),
    PKG("math/rand", "rand", rand_members),
    PKG("unicode/utf8", "utf8", utf8_members),
    PKG("unicode", "unicode", unicode_members),
};

const golib_pkg *lib_find(const char *path)
{
    for (size_t i = 0; i < sizeof packages / sizeof packages[0]; i++)
        if (strcmp(packages[i].path, path) == 0)
            return &packages[i];
    return NULL;
}

static int api_cmp(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

int lib_api_has(const char *path, const char *name)
{
    char key[256];
    int n = snprintf(key, sizeof key, "%s.%s", path, name);
    if (n < 0 || (size_t)n >= sizeof key)
        return 0;
    return bsearch(key, lib_api_names, lib_api_count, sizeof lib_api_names[0], api_cmp) != NULL;
}
