// gofmt_cases.go - writes tests/gofmt_cases.h: each case is a C line
// holding what Go 1.19 itself printed, for tests/test_gofmt.c.
//
//	go run tests/gen/gofmt_cases.go > tests/gofmt_cases.h
//
// Each case names its operands twice: as C (the constructors of
// test_gofmt.c) and as Go values; the expected text is Go's.
package main

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

type Point struct{ X, Y int }
type Stringer1 int

func (s Stringer1) String() string { return fmt.Sprintf("S<%d>", int(s)) }

type PtrStr struct{ N int }

func (p *PtrStr) String() string {
	if p == nil {
		return "nilptr"
	}
	return fmt.Sprintf("ptr%d", p.N)
}

type Err struct{ Msg string }

func (e Err) Error() string { return "err:" + e.Msg }

type Both int

func (Both) Error() string  { return "both-error" }
func (Both) String() string { return "both-string" }

type GoStr int

func (GoStr) GoString() string { return "GoStr!" }

type Inner struct {
	A int
	b string
}
type Outer struct {
	Name string
	In   Inner
	S    Stringer1
	s    Stringer1
	Any  interface{}
	E    error
}
type Embed struct {
	Point
	Z int
}
type WithS struct{ Stringer1 }
type MyInt int
type MyStr string
type Bytes []byte

// cstr: a C string literal of s (octal escapes for anything not plain).
func cstr(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b.WriteByte('\\')
			b.WriteByte(c)
		case c == '?':
			b.WriteString(`\?`) // no trigraphs
		case c >= 0x20 && c < 0x7f:
			b.WriteByte(c)
		default:
			fmt.Fprintf(&b, "\\%03o", c)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func c(format, cargs string, args ...interface{}) {
	fmt.Printf("CASE(%s, %s, %s);\n", cstr(format), cstr(fmt.Sprintf(format, args...)), cargs)
}

func c0(format string) {
	fmt.Printf("CASE0(%s, %s);\n", cstr(format), cstr(fmt.Sprintf(format)))
}

func ln(cargs string, args ...interface{}) {
	fmt.Printf("CASE_LN(%s, %s);\n", cstr(fmt.Sprintln(args...)), cargs)
}

func sp(cargs string, args ...interface{}) {
	fmt.Printf("CASE_SP(%s, %s);\n", cstr(fmt.Sprint(args...)), cargs)
}

func ef(format, cargs string, args ...interface{}) {
	err := fmt.Errorf(format, args...)
	idx := -1
	if u := errors.Unwrap(err); u != nil {
		for i, a := range args {
			if e, ok := a.(error); ok && e == u {
				idx = i
			}
		}
	}
	fmt.Printf("CASE_ERRORF(%s, %s, %d, %s);\n", cstr(format), cstr(err.Error()), idx, cargs)
}

func verbs() {
	fmt.Println("/* integers */")
	c("%d|%5d|%-5d|%05d|%+d|% d|%+05d|%-05d|", "I(3), I(-3), I(42), I(-7), I(5), I(6), I(-8), I(9)", 3, -3, 42, -7, 5, 6, -8, 9)
	c("%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b|%#o", "I(255), I(255), I(-255), I(255), I(8), I(8), I(8), I(5), I(-5), I(0)", 255, 255, -255, 255, 8, 8, 8, 5, -5, 0)
	c("%.3d|%.0d|%5.0d|%08.3d|%+.3d|%-8.3x|%.d|% 5d|%x", "I(7), I(0), I(0), I(-7), I(7), I(255), I(0), I(-42), I(0)", 7, 0, 0, -7, 7, 255, 0, -42, 0)
	c("%d %x %d %d %d", "I8(-128), I8(-128), U8(255), I64(-9223372036854775807-1), U64(18446744073709551615ULL)", int8(-128), int8(-128), uint8(255), int64(math.MinInt64), uint64(math.MaxUint64))
	c("%v %#v %v %#v %#v %x %X", "I16(-300), I32(-5), U16(65535), U(7), UP(4096), U32(3735928559U), I64(-1)", int16(-300), int32(-5), uint16(65535), uint(7), uintptr(4096), uint32(0xdeadbeef), int64(-1))
	c("%c|%c|%c|%c|%5c|%-3c|", "R(65), R(0x1F600), R(-1), I(0x110000), R(0x263A), R(120)", 'A', 0x1F600, -1, 0x110000, '☺', 'x')
	c("%q|%q|%q|%+q|%q|%q|%q|%#q|%q", "R(120), R(10), R(0x7f), R(0xE9), R(0xE9), R(0x110000), R(39), R(0x1F600), I(-1)", 'x', '\n', 0x7f, 'é', 'é', 0x110000, '\'', 0x1F600, -1)
	c("%U|%#U|%#U|%U|%.6U|%#10U|%-10U|%08U|", "R(0x1F600), R(120), R(10), I(-1), R(65), R(0x263A), R(1), R(2)", 0x1F600, 'x', '\n', -1, 'A', '☺', 1, 2)
	c("%s|%t|%e|%p|%z|%!|%☺", "I(3), I(4), I(5), I(6), I(7), I(8), I(9)", 3, 4, 5, 6, 7, 8, 9)
	c("%x %X %o %b %c %q %U", "MYINT(-10), MYINT(10), MYINT(9), MYINT(3), MYINT(66), MYINT(67), MYINT(68)", MyInt(-10), MyInt(10), MyInt(9), MyInt(3), MyInt(66), MyInt(67), MyInt(68))

	fmt.Println("/* floats */")
	c("%v|%v|%v|%v|%v|%v|%v|%v", "F64(0), F64(-0.0), F64(1e-5), F64(1e-4), F64(123456789.0), F64(1e20), F64(1e21), F64(1e6)", 0.0, math.Copysign(0, -1), 1e-5, 1e-4, 123456789.0, 1e20, 1e21, 1e6)
	c("%v|%v|%v|%v|%v|%v|%v|%v", "F64(100000.0), F64(0.1), F32(0.1), F32(1e10), F64(3.0), F64(2.5e-10), F32(16777216.0), F32(3.4e38)", 100000.0, 0.1, float32(0.1), float32(1e10), 3.0, 2.5e-10, float32(16777216.0), float32(3.4e38))
	c("%v|%v|%v|%+v|%05v|% v|%8v|%-8v|%08.2f|%+08.2f", "F64(NAN), F64(INFINITY), F64(-INFINITY), F64(NAN), F64(NAN), F64(NAN), F64(INFINITY), F64(-INFINITY), F64(INFINITY), F64(-INFINITY)", math.NaN(), math.Inf(1), math.Inf(-1), math.NaN(), math.NaN(), math.NaN(), math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1))
	c("%e|%E|%f|%F|%g|%G|%.2f|%8.3f|%-8.3f|%08.3f|%+.1e|% f|% .3e", "F64(1234.5678), F64(1234.5678), F64(1234.5678), F64(1234.5678), F64(1234.5678), F64(1e-7), F64(2.675), F64(-3.14159), F64(3.14159), F64(-3.14159), F64(12345), F64(1.5), F64(-1.5)", 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1234.5678, 1e-7, 2.675, -3.14159, 3.14159, -3.14159, 12345.0, 1.5, -1.5)
	c("%#g|%#.3g|%#v|%#e|%#.0f|%#.0e|%#g|%#g|%#x|%#.2g", "F64(1.0), F64(1.0), F64(1.0), F64(2.0), F64(3.0), F64(4.0), F64(123456789.0), F64(0.0), F64(1.0), F64(100.0)", 1.0, 1.0, 1.0, 2.0, 3.0, 4.0, 123456789.0, 0.0, 1.0, 100.0)
	c("%x|%X|%.3x|%#.0x|%b|%b|%x|%.0f|%.0f|%.1f|%.1f|%.3g|%.10g", "F64(1.0), F64(-255.5), F64(3.14159), F64(1.5), F64(1.0), F32(1.0), F32(0.1), F64(2.5), F64(3.5), F64(0.05), F64(0.25), F64(100.0), F64(1.0/3)", 1.0, -255.5, 3.14159, 1.5, 1.0, float32(1.0), float32(0.1), 2.5, 3.5, 0.05, 0.25, 100.0, 1.0/3)
	c("%6.2f|%-+9.3e|%010.4g|%G|%.0e|%g|%g|%g|%e", "F32(3.14159), F32(-0.001), F64(-12.5), F64(1e300), F64(9.5), F64(5e-324), F64(1.7976931348623157e308), F32(1e-45), F64(0)", float32(3.14159), float32(-0.001), -12.5, 1e300, 9.5, 5e-324, math.MaxFloat64, float32(1e-45), 0.0)
	c("%d|%s|%q|%t|%c", "F64(1.5), F64(2.5), F64(3), F64(4), F64(5)", 1.5, 2.5, 3.0, 4.0, 5.0)
	c("%v|%.2f|%+v|%e|%08.3f|%d", "CPLX(1, 2), CPLX(-1.5, 0.25), CPLX(1, -2), CPLX64(1, 2), CPLX(1, 2), CPLX(1, 2)", complex(1, 2), complex(-1.5, 0.25), complex(1, -2), complex64(complex(1, 2)), complex(1, 2), complex(1, 2))

	fmt.Println("/* strings */")
	c("%s|%q|%x|%X|% x|%#x|%# x|%10s|%-10s|%.2s|%.3q|%5.1s|", "S(\"héllo\"), S(\"héllo\"), S(\"hi\"), S(\"hi\"), S(\"abc\"), S(\"abc\"), S(\"abc\"), S(\"日本\"), S(\"go\"), S(\"日本語\"), S(\"abcdef\"), S(\"xyz\")", "héllo", "héllo", "hi", "hi", "abc", "abc", "abc", "日本", "go", "日本語", "abcdef", "xyz")
	c("%q|%+q|%#q|%#q|%#+q|%q|%x|%5x|%-5x|%.1x|%q", "S(\"a\\n\\t\\001\\177☺\\xff\"), S(\"é☺\\U0001F600\"), S(\"raw☺\"), S(\"ctl\\n\"), S(\"x`y\"), S(\"\\xef\\xbb\\xbf\"), S(\"\"), S(\"\"), S(\"a\"), S(\"abc\"), S(\"\\u00ad\\u2028\")", "a\n\t\x01\x7f☺\xff", "é☺\U0001F600", "raw☺", "ctl\n", "x`y", "\xef\xbb\xbf", "", "", "a", "abc", "\u00ad\u2028")
	c("%v|%#v|%d|%s|%T|%5.2v|%-6v|", "S(\"x\"), S(\"y\\\"z\"), S(\"hi\"), MYSTR(\"m\"), MYSTR(\"m\"), S(\"abc\"), S(\"ab\")", "x", "y\"z", "hi", MyStr("m"), MyStr("m"), "abc", "ab")
	c("%s|%x|%X|% x|%q|%v|%d|%#v|%#v|%s|%x", "BYTES(3, 'a', 'b', 'c'), BYTES(2, 1, 171), BYTES(2, 1, 171), BYTES(3, 1, 2, 3), BYTES(2, 'h', 10), BYTES(3, 1, 2, 3), BYTES(2, 4, 5), BYTES(2, 1, 2), NILBYTES, NILBYTES, NILBYTES", []byte("abc"), []byte{1, 171}, []byte{1, 171}, []byte{1, 2, 3}, []byte("h\n"), []byte{1, 2, 3}, []byte{4, 5}, []byte{1, 2}, []byte(nil), []byte(nil), []byte(nil))
	c("%v|%s|%#v|%x|%s|%x|%v|%#v|%5s|%t", "MYBYTES(2, 1, 2), MYBYTES(2, 'o', 'k'), MYBYTES(2, 1, 2), MYBYTES(1, 255), BARR3('a', 'b', 'c'), BARR3(1, 2, 3), BARR3(1, 2, 3), BARR3(1, 2, 3), BYTES(2, 'a', 'b'), BYTES(1, 1)", Bytes{1, 2}, Bytes("ok"), Bytes{1, 2}, Bytes{255}, [3]byte{'a', 'b', 'c'}, [3]byte{1, 2, 3}, [3]byte{1, 2, 3}, [3]byte{1, 2, 3}, []byte("ab"), []byte{1})

	fmt.Println("/* bools, nil, type names, percent signs and misuse */")
	c("%t|%v|%5t|%-6t|%d|%#v|%q", "B(1), B(0), B(1), B(0), B(1), B(1), B(0)", true, false, true, false, true, true, false)
	c("%v|%d|%T|%5v|%-7v|%s|%#v", "NIL, NIL, NIL, NIL, NIL, NIL, NIL", nil, nil, nil, nil, nil, nil, nil)
	c("%T|%T|%T|%T|%T|%T|%T|%T|%T", "INTS(1, 1), MSI(0), PPOINT(1, 2), ANON(1, \"x\"), ANYS(0), STR1(1), BYTES(0), F32(1), R(1)", []int{1}, map[string]int{}, &Point{1, 2}, struct {
		A int
		B string
	}{1, "x"}, []interface{}{}, Stringer1(1), []byte{}, float32(1), rune(1))
	c("%10T|%-10T|%.3T|", "I(1), S(\"\"), F64(1)", 1, "", 1.0)
	c("100%%|%5%|%-5%|%d%%", "I(5)", 5)
	c("%d %d", "I(3)", 3)
	c("%d", "I(3), I(4), S(\"x\"), NIL, STR1(2)", 3, 4, "x", nil, Stringer1(2))
	c("%*d|%-*d|%.*f|%*d|%.*d|%*.*f|", "I(5), I(3), I(5), I(3), I(2), F64(3.14159), I(-4), I(7), I(-1), I(8), I(6), I(2), F64(2.5)", 5, 3, 5, 3, 2, 3.14159, -4, 7, -1, 8, 6, 2, 2.5)
	c("%*d|%.*d|%*d|%*d|", "S(\"x\"), I(3), F64(1.5), I(4), I(10000000), I(5), MYINT(3), I(6)", "x", 3, 1.5, 4, 10000000, 5, MyInt(3), 6)
	c("%[2]d %[1]d %d|%[3]d|%[0]d|%[x]d|%.[2]d|%[2]*[1]d|%[3]*.[2]*[1]f|%[1]d %d", "I(1), I(2), F64(12.0)", 1, 2, 12.0)
	c("%[5]d|%[1]|%[1", "I(1)", 1)
	c("%-+ #0d|%+-d|%0-5d|%-05d|%#5x|%#-8o|%", "I(1), I(2), I(3), I(4), I(255), I(8)", 1, 2, 3, 4, 255, 8)
	c("%100000000d|%.100000000d|%1000001d|", "I(1), I(2), I(3)", 1, 2, 3)
	c("%.3d|%.d|%.0s|%.s", "I(1), I(0), S(\"abc\"), S(\"abc\")", 1, 0, "abc", "abc")
	c0("no verbs")
	c0("%d")
	c0("%")
	c0("%-")
	c0("%[1]d")
	c("%w", "ERR(\"x\")", Err{"x"})
	c("%w|%w", "I(3), NIL", 3, nil)

	fmt.Println("/* pointers, structs, slices, arrays */")
	c("%v|%+v|%#v|%v|%#v|%d|%s|%+v", "PPOINT(1, 2), PPOINT(1, 2), PPOINT(1, 2), NILPPOINT, NILPPOINT, NILPPOINT, PPOINT(3, 4), NILPPOINT", &Point{1, 2}, &Point{1, 2}, &Point{1, 2}, (*Point)(nil), (*Point)(nil), (*Point)(nil), &Point{3, 4}, (*Point)(nil))
	c("%v|%+v|%#v|%d|%x|%s|%05d|%v", "POINT(1, 2), POINT(1, 2), POINT(-1, 2), POINT(10, 11), POINT(10, 11), POINT(1, 2), POINT(1, -2), ANON(3, \"s\")", Point{1, 2}, Point{1, 2}, Point{-1, 2}, Point{10, 11}, Point{10, 11}, Point{1, 2}, Point{1, -2}, struct {
		A int
		B string
	}{3, "s"})
	c("%#v|%+v|%#v|%v|%+v|%#v", "ANON(3, \"s\"), EMBED(1, 2, 3), EMBED(1, 2, 3), INNER(5, \"q\"), INNER(5, \"q\"), INNER(5, \"q\")", struct {
		A int
		B string
	}{3, "s"}, Embed{Point{1, 2}, 3}, Embed{Point{1, 2}, 3}, Inner{5, "q"}, Inner{5, "q"}, Inner{5, "q"})
	c("%v|%+v|%#v", "OUTER(\"n\", 1, \"b\", 2, 3, NIL, NULL), OUTER(\"n\", 1, \"b\", 2, 3, I(4), ERR(\"e\")), OUTER(\"n\", 1, \"b\", 2, 3, STR1(9), NULL)", Outer{"n", Inner{1, "b"}, 2, 3, nil, nil}, Outer{"n", Inner{1, "b"}, 2, 3, 4, Err{"e"}}, Outer{"n", Inner{1, "b"}, 2, 3, Stringer1(9), nil})
	c("%v|%d|%x|%02d|%#v|%v|%#v|%q|%#v|%v", "INTS(3, 1, 2, 3), INTS(2, 1, 2), INTS(2, 10, 255), INTS(2, 1, 2), INTS(2, 1, 2), NILINTS, NILINTS, STRS(2, \"a\", \"b\"), STRS(2, \"a\", \"b\"), INTS(0)", []int{1, 2, 3}, []int{1, 2}, []int{10, 255}, []int{1, 2}, []int{1, 2}, []int(nil), []int(nil), []string{"a", "b"}, []string{"a", "b"}, []int{})
	c("%v|%#v|%v|%#v|%+v|%#v|%v|%x|%s", "ANYS(4, I(1), S(\"a\"), NIL, F64(2.5)), ANYS(4, I(1), S(\"a\"), NIL, F64(2.5)), IARR3(1, 2, 3), IARR3(1, 2, 3), POINTS(2, 1, 2, 3, 4), POINTS(1, 1, 2), INTSS(), STRS(2, \"hi\", \"yo\"), INTS(1, 65)", []interface{}{1, "a", nil, 2.5}, []interface{}{1, "a", nil, 2.5}, [3]int{1, 2, 3}, [3]int{1, 2, 3}, []Point{{1, 2}, {3, 4}}, []Point{{1, 2}}, [][]int{{1}, {2, 3}}, []string{"hi", "yo"}, []int{65})
	c("%v|%+v|%#v|%v", "ANYS(2, POINT(1, 2), ANYS(1, S(\"in\"))), NILMAPPTR, ANYS(1, NILPPOINT), NILPPTRSTR", []interface{}{Point{1, 2}, []interface{}{"in"}}, (*map[string]int)(nil), []interface{}{(*Point)(nil)}, (*PtrStr)(nil))

	fmt.Println("/* maps */")
	c("%v|%#v|%v|%#v|%v|%d", "MSI(3, \"b\", 2, \"a\", 1, \"c\", 3), MSI(2, \"b\", 2, \"a\", 1), NILMSI, NILMSI, MSI(0), MSI(1, \"k\", 10)", map[string]int{"b": 2, "a": 1, "c": 3}, map[string]int{"b": 2, "a": 1}, map[string]int(nil), map[string]int(nil), map[string]int{}, map[string]int{"k": 10})
	c("%v|%v|%v", "MIS(4, 10, \"t\", -1, \"m\", 2, \"two\", -30, \"x\"), MFS(5, NAN, \"nan\", 1.5, \"x\", -INFINITY, \"-inf\", 0.0, \"z\", -2.0, \"m\"), MBI(2, 1, 1, 0, 0)", map[int]string{10: "t", -1: "m", 2: "two", -30: "x"}, map[float64]string{math.NaN(): "nan", 1.5: "x", math.Inf(-1): "-inf", 0: "z", -2: "m"}, map[bool]int{true: 1, false: 0})
	c("%v|%+v|%#v", "MPS(3, 2, 1, \"c\", 1, 5, \"b\", 1, 2, \"a\"), MPS(1, 1, 2, \"a\"), MPS(1, 1, 2, \"a\")", map[Point]string{{2, 1}: "c", {1, 5}: "b", {1, 2}: "a"}, map[Point]string{{1, 2}: "a"}, map[Point]string{{1, 2}: "a"})
	c("%v", "MAI(12, I(1), 1, S(\"a\"), 2, F64(2.5), 3, B(1), 4, I8(3), 5, MYSTR(\"z\"), 6, POINT(1, 2), 7, U(4), 8, NIL, 9, IARR3(1, 2, 3), 10, I(-5), 11, S(\"0\"), 12)", map[interface{}]int{1: 1, "a": 2, 2.5: 3, true: 4, int8(3): 5, MyStr("z"): 6, Point{1, 2}: 7, uint(4): 8, nil: 9, [3]int{1, 2, 3}: 10, -5: 11, "0": 12})
	c("%v|%s|%d|%v|%#v", "MSS1(2, \"y\", 2, \"x\", 1), MSS1(1, \"x\", 1), MSS1(1, \"x\", 1), MS1I(3, 3, 30, 1, 10, 2, 20), MSS1(1, \"x\", 1)", map[string]Stringer1{"y": 2, "x": 1}, map[string]Stringer1{"x": 1}, map[string]Stringer1{"x": 1}, map[Stringer1]int{3: 30, 1: 10, 2: 20}, map[string]Stringer1{"x": 1})

	c("%v", "MAI(9, STR1(1), 1, BOTH(1), 2, I(1), 3, NILPPOINT, 4, GOSTR(1), 5, ERR(\"e\"), 6, EMBED(1, 2, 3), 7, WITHS(2), 8, PPOINT0, 9)", map[interface{}]int{Stringer1(1): 1, Both(1): 2, 1: 3, (*Point)(nil): 4, GoStr(1): 5, Err{"e"}: 6, Embed{Point{1, 2}, 3}: 7, WithS{2}: 8, (*int)(nil): 9})
	c("%x|%X|%q|%v", "MSI(2, \"b\", 11, \"a\", 10), MIS(1, 255, \"s\"), MSI(1, \"k\", 65), MAI(3, F64(NAN), 1, F64(-1), 2, F64(INFINITY), 3)", map[string]int{"b": 11, "a": 10}, map[int]string{255: "s"}, map[string]int{"k": 65}, map[interface{}]int{math.NaN(): 1, -1.0: 2, math.Inf(1): 3})

	fmt.Println("/* widths and flags reach every element */")
	c("%5v|%-5d|%6.2f|%03d|%+v|%x|%X|% x|%.2x|%s|%q", "POINT(1, 2), INTS(2, 1, 2), F64S(2, 1.0, 2.5), IARR3(1, 2, 3), ANYS(2, I(1), F64(-1)), STRS(2, \"ab\", \"c\"), BYTES(2, 171, 205), BYTES(2, 171, 205), BYTES(3, 1, 2, 3), WITHBYTES(2, 'a', 'b'), STRS(2, \"a\\n\", \"\")", Point{1, 2}, []int{1, 2}, []float64{1, 2.5}, [3]int{1, 2, 3}, []interface{}{1, -1.0}, []string{"ab", "c"}, []byte{171, 205}, []byte{171, 205}, []byte{1, 2, 3}, struct{ B []byte }{[]byte("ab")}, []string{"a\n", ""})
	c("%v|%d|%s|%c|%U|%x|%8.3s|%-8q|", "WITHBYTES(2, 1, 2), WITHBYTES(1, 3), S(\"x\"), S(\"x\"), S(\"x\"), F32S(1, 1.5), S(\"日本語です\"), S(\"é\")", struct{ B []byte }{[]byte{1, 2}}, struct{ B []byte }{[]byte{3}}, "x", "x", "x", []float32{1.5}, "日本語です", "é")
	c("%.30g|%.20f|%.40e|%.0g|%#.0g|%.17g|%g|%G|%e", "F64(0.1), F64(0.1), F64(1.0/3), F64(0.5), F64(0.5), F64(0.1), F64(1e-320), F64(1e-7), F64(-0.0)", 0.1, 0.1, 1.0/3, 0.5, 0.5, 0.1, 1e-320, 1e-7, math.Copysign(0, -1))
	fmt.Println("/* methods: Error, String, GoString, method sets */")
	c("%v|%s|%q|%x|%X|%d|%#v|%5v|%-6s|%T|%+v|%.2s", "STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5)", Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5), Stringer1(5))
	c("%v|%+v|%#v|%s|%d|%v|%v|%#v", "ERR(\"boom\"), ERR(\"boom\"), ERR(\"boom\"), ERR(\"x\"), ERR(\"x\"), BOTH(1), GOSTR(1), GOSTR(1)", Err{"boom"}, Err{"boom"}, Err{"boom"}, Err{"x"}, Err{"x"}, Both(1), GoStr(1), GoStr(1))
	c("%v|%v|%v|%v|%+v|%s|%v", "PTRSTR(1), PPTRSTR(2), NILPPTRSTR, NILPSTR1, NILPSTR1, PPOINT(5, 6), WITHS(5)", PtrStr{1}, &PtrStr{2}, (*PtrStr)(nil), (*Stringer1)(nil), (*Stringer1)(nil), &Point{5, 6}, WithS{5})
	c("%v|%v|%d|%v|%#v|%v|%v", "STR1S(2, 1, 2), ANYS(3, STR1(3), ERR(\"x\"), BOTH(0)), STR1S(1, 4), ANYS(1, GOSTR(1)), ANYS(1, GOSTR(1)), PTRSTRS(1, 7), PSTR1(8)", []Stringer1{1, 2}, []interface{}{Stringer1(3), Err{"x"}, Both(0)}, []Stringer1{4}, []interface{}{GoStr(1)}, []interface{}{GoStr(1)}, []PtrStr{{7}}, func() *Stringer1 { s := Stringer1(8); return &s }())
	c("%s|%v|%x", "BYTESTR1(2, 1, 2), ANYS(1, NILPSTR1), S1ARR(1, 2)", []Stringer1{1, 2}, []interface{}{(*Stringer1)(nil)}, [2]Stringer1{1, 2})
}

func printers() {
	fmt.Println("/* Sprint and Sprintln */")
	sp("S(\"a\"), I(1), I(2), S(\"b\"), S(\"c\"), F64(3.5), NIL, ERR(\"e\"), MYSTR(\"m\"), I(4)", "a", 1, 2, "b", "c", 3.5, nil, Err{"e"}, MyStr("m"), 4)
	sp("I(1), I(2)", 1, 2)
	sp("ERR(\"x\"), ERR(\"y\"), STR1(1), S(\"s\"), STR1(2)", Err{"x"}, Err{"y"}, Stringer1(1), "s", Stringer1(2))
	sp("S(\"x\"), S(\"y\")", "x", "y")
	sp("PPOINT(1, 2), STR1(3), BYTES(2, 1, 2), NIL, NIL", &Point{1, 2}, Stringer1(3), []byte{1, 2}, nil, nil)
	ln("S(\"a\"), I(1), S(\"b\"), NIL, F64(1e6), F64(100000.0), F32(0.1), STR1(1), PPOINT(1, 2)", "a", 1, "b", nil, 1e6, 100000.0, float32(0.1), Stringer1(1), &Point{1, 2})
	fmt.Printf("CASE_LN0(%s);\n", cstr(fmt.Sprintln()))

	fmt.Println("/* Errorf and %w */")
	ef("ctx: %w", "ERR(\"x\")", Err{"x"})
	ef("%v then %w", "I(1), ERR(\"y\")", 1, Err{"y"})
	ef("%w and %w", "ERR(\"a\"), ERR(\"b\")", Err{"a"}, Err{"b"})
	ef("%w", "I(3)", 3)
	ef("%w %w", "ERR(\"a\"), I(3)", Err{"a"}, 3)
	ef("%w", "NIL", nil)
	ef("%w", "STR1(3)", Stringer1(3))
	ef("%[2]w %[1]v", "I(1), ERR(\"z\")", 1, Err{"z"})
	ef("%w", "BYTES(1, 1)", []byte{1})
}

func q(s string) {
	fmt.Printf("QUOTE(%s, %d, %s, %s, %s, %d);\n", cstr(s), len(s), cstr(strconv.Quote(s)), cstr(strconv.QuoteToASCII(s)), cstr(strconv.QuoteToGraphic(s)), b2i(strconv.CanBackquote(s)))
}

func qr(r rune) {
	fmt.Printf("QRUNE(%d, %s, %s, %s);\n", r, cstr(strconv.QuoteRune(r)), cstr(strconv.QuoteRuneToASCII(r)), cstr(strconv.QuoteRuneToGraphic(r)))
}

// cint: an int64 as a C constant (INT64_MIN has no literal).
func cint(v int64) string {
	if v == math.MinInt64 {
		return "(-9223372036854775807LL - 1)"
	}
	return fmt.Sprintf("%dLL", v)
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func errText(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}

func pf(s string, size int) {
	f, err := strconv.ParseFloat(s, size)
	fmt.Printf("PFLOAT(%s, %d, 0x%016xULL, %s);\n", cstr(s), size, math.Float64bits(f), cstr(errText(err)))
}

func pi(s string, base, size int) {
	v, err := strconv.ParseInt(s, base, size)
	fmt.Printf("PINT(%s, %d, %d, %s, %s);\n", cstr(s), base, size, cint(v), cstr(errText(err)))
}

func pu(s string, base, size int) {
	v, err := strconv.ParseUint(s, base, size)
	fmt.Printf("PUINT(%s, %d, %d, %dULL, %s);\n", cstr(s), base, size, v, cstr(errText(err)))
}

func atoi(s string) {
	v, err := strconv.Atoi(s)
	fmt.Printf("ATOI(%s, %s, %s);\n", cstr(s), cint(int64(v)), cstr(errText(err)))
}

func pb(s string) {
	v, err := strconv.ParseBool(s)
	fmt.Printf("PBOOL(%s, %d, %s);\n", cstr(s), b2i(v), cstr(errText(err)))
}

func unq(s string) {
	v, err := strconv.Unquote(s)
	fmt.Printf("UNQUOTE(%s, %d, %s, %d);\n", cstr(s), len(s), cstr(v), b2i(err == nil))
}

func fi(v int64, base int) {
	fmt.Printf("FMTINT(%s, %d, %s);\n", cint(v), base, cstr(strconv.FormatInt(v, base)))
}

func fu(v uint64, base int) {
	fmt.Printf("FMTUINT(%dULL, %d, %s);\n", v, base, cstr(strconv.FormatUint(v, base)))
}

func strconvs() {
	fmt.Println("/* strconv */")
	for _, s := range []string{"", "abc", "héllo", "a\"b\\c", "\a\b\f\n\r\t\v\x00\x1f\x7f", "\xff\xfe", "☺\U0001F600", "\u00ad", "\u2028\u2029", "\ufeff", "\U0010ffff", "\ue000", "`raw`", "tab\there", "\u0378", "日本語", "\xed\xa0\x80", "\u200b\u3000"} {
		q(s)
	}
	for _, r := range []rune{'a', '\'', '"', '\\', '\n', 0, 0x7f, 0xad, 0xe9, 0x263a, 0x1f600, 0xd800, 0x110000, -1, 0xfeff, 0x3000, 0x2028, 0x10ffff} {
		qr(r)
	}
	for _, s := range []string{"0", "1.5", "-1.5e10", "1e308", "1e309", "-1e309", "2e-324", "5e-324", "1e-400", "inf", "+Inf", "-infinity", "nan", "NaN", "-nan", "infx", "1e", "1e+", ".5", "5.", ".", "", "+", "0x1p-2", "0x1.8p1", "0X1P+1", "0x1", "0x1p", "1_000.5", "0x_1p0", "1__0", "_1", "1_", "0.1", "3.4028235e38", "3.5e38", "1e-46", "123456789012345678901234567890", "0.000000000000000000000000000000000000000000001", "1.7976931348623157e308", "1.7976931348623159e308", " 1", "1 ", "1e1000000", "0e99999999", "4.9406564584124654e-324", "2.4703282292062327e-324", "2.4703282292062328e-324", "1.000000000000000111022302462515654042363166809082031250000001"} {
		pf(s, 64)
		pf(s, 32)
	}
	for _, t := range []struct {
		s          string
		base, size int
	}{{"0", 10, 64}, {"-0", 10, 64}, {"12345", 10, 64}, {"-9223372036854775808", 10, 64}, {"9223372036854775807", 10, 64}, {"9223372036854775808", 10, 64}, {"-9223372036854775809", 10, 64}, {"999999999999999999999", 10, 64}, {"127", 10, 8}, {"128", 10, 8}, {"-128", 10, 8}, {"-129", 10, 8}, {"0x1F", 0, 64}, {"0X1f", 0, 64}, {"0b101", 0, 64}, {"0o17", 0, 64}, {"017", 0, 64}, {"0", 0, 64}, {"1_000", 0, 64}, {"1_000", 10, 64}, {"0x_1F", 0, 64}, {"0x1__F", 0, 64}, {"_1", 0, 64}, {"1_", 0, 64}, {"-0x10", 0, 64}, {"+5", 10, 64}, {"--5", 10, 64}, {"", 10, 64}, {"-", 10, 64}, {"z", 36, 64}, {"Z", 36, 64}, {"12", 1, 64}, {"12", 37, 64}, {"12", 10, 65}, {"12", 10, -1}, {"12a", 10, 64}, {"ff", 16, 32}, {"80000000", 16, 32}, {"0b", 0, 64}, {"0x", 0, 64}, {"08", 0, 64}, {"1 ", 10, 64}, {"\u0661", 10, 64}} {
		pi(t.s, t.base, t.size)
		pu(t.s, t.base, t.size)
	}
	for _, s := range []string{"0", "12", "-12", "+12", "12a", "", "-", "+", "999999999999999999999", "-9223372036854775808", "9223372036854775807", "9223372036854775808", "123456789012345678", "1_000", " 1", "0x10", "00012"} {
		atoi(s)
	}
	for _, s := range []string{"1", "t", "T", "true", "TRUE", "True", "0", "f", "F", "false", "FALSE", "False", "yes", "", "tRUE"} {
		pb(s)
	}
	for _, s := range []string{`"abc"`, `"a\nb"`, `'a'`, `'\n'`, `'ab'`, `''`, "`raw\\n`", "`a\rb`", `"\x41\u263a\U0001F600\101"`, `"\400"`, `"\q"`, `"abc`, `abc"`, `"a"b"`, `"\'"`, `'\"'`, `'"'`, `"'"`, `"\xff"`, "\"a\nb\"", `"\ud800"`, `'\U00110000'`, `"☺"`, `'☺'`, "'\xff'", `"`, ``, `'`, "``", `"\"`, `"\\"`} {
		unq(s)
	}
	for _, t := range []struct {
		v    int64
		base int
	}{{0, 10}, {-1, 10}, {math.MinInt64, 10}, {math.MaxInt64, 2}, {math.MinInt64, 16}, {255, 16}, {35, 36}, {-35, 36}, {1234567, 7}} {
		fi(t.v, t.base)
	}
	fu(math.MaxUint64, 10)
	fu(math.MaxUint64, 2)
	fu(12345, 36)
	// IsPrint and IsGraphic over all runes, as a count and an FNV-1a hash
	var np, ng int
	h := uint64(14695981039346656037)
	for r := rune(0); r <= utf8.MaxRune; r++ {
		p, g := strconv.IsPrint(r), strconv.IsGraphic(r)
		if p {
			np++
		}
		if g {
			ng++
		}
		h ^= uint64(b2i(p) | b2i(g)<<1)
		h *= 1099511628211
	}
	fmt.Printf("ISPRINT_ALL(%d, %d, 0x%016xULL);\n", np, ng, h)
}

func main() {
	fmt.Println("/* gofmt_cases.h - written by tests/gen/gofmt_cases.go (go1.19); do not edit. */")
	verbs()
	printers()
	strconvs()
}
