/* gofmt_cases.h - written by tests/gen/gofmt_cases.go (go1.19); do not edit. */
/* integers */
CASE("%d|%5d|%-5d|%05d|%+d|% d|%+05d|%-05d|", "3|   -3|42   |-0007|+5| 6|-0008|9    |", I(3), I(-3),
     I(42), I(-7), I(5), I(6), I(-8), I(9));
CASE("%x|%X|%#x|%#X|%o|%#o|%O|%b|%#b|%#o", "ff|FF|-0xff|0XFF|10|010|0o10|101|-0b101|0", I(255),
     I(255), I(-255), I(255), I(8), I(8), I(8), I(5), I(-5), I(0));
CASE("%.3d|%.0d|%5.0d|%08.3d|%+.3d|%-8.3x|%.d|% 5d|%x",
     "007||     |    -007|+007|0ff     ||  -42|0", I(7), I(0), I(0), I(-7), I(7), I(255), I(0),
     I(-42), I(0));
CASE("%d %x %d %d %d", "-128 -80 255 -9223372036854775808 18446744073709551615", I8(-128), I8(-128),
     U8(255), I64(-9223372036854775807 - 1), U64(18446744073709551615ULL));
CASE("%v %#v %v %#v %#v %x %X", "-300 -5 65535 0x7 0x1000 deadbeef -1", I16(-300), I32(-5),
     U16(65535), U(7), UP(4096), U32(3735928559U), I64(-1));
CASE("%c|%c|%c|%c|%5c|%-3c|", "A|\360\237\230\200|\357\277\275|\357\277\275|    \342\230\272|x  |",
     R(65), R(0x1F600), R(-1), I(0x110000), R(0x263A), R(120));
CASE(
    "%q|%q|%q|%+q|%q|%q|%q|%#q|%q",
    "'x'|'\\n'|'\\x7f'|'\\u00e9'|'\303\251'|'\357\277\275'|'\\''|'\360\237\230\200'|'\357\277\275'",
    R(120), R(10), R(0x7f), R(0xE9), R(0xE9), R(0x110000), R(39), R(0x1F600), I(-1));
CASE("%U|%#U|%#U|%U|%.6U|%#10U|%-10U|%08U|",
     "U+1F600|U+0078 'x'|U+000A|U+FFFFFFFFFFFFFFFF|U+000041|U+263A '\342\230\272'|U+0001    |  "
     "U+0002|",
     R(0x1F600), R(120), R(10), I(-1), R(65), R(0x263A), R(1), R(2));
CASE("%s|%t|%e|%p|%z|%!|%\342\230\272",
     "%!s(int=3)|%!t(int=4)|%!e(int=5)|%!p(int=6)|%!z(int=7)|%!!(int=8)|%!\342\230\272(int=9)",
     I(3), I(4), I(5), I(6), I(7), I(8), I(9));
CASE("%x %X %o %b %c %q %U", "-a A 11 11 B 'C' U+0044", MYINT(-10), MYINT(10), MYINT(9), MYINT(3),
     MYINT(66), MYINT(67), MYINT(68));
/* floats */
CASE("%v|%v|%v|%v|%v|%v|%v|%v", "0|-0|1e-05|0.0001|1.23456789e+08|1e+20|1e+21|1e+06", F64(0),
     F64(-0.0), F64(1e-5), F64(1e-4), F64(123456789.0), F64(1e20), F64(1e21), F64(1e6));
CASE("%v|%v|%v|%v|%v|%v|%v|%v", "100000|0.1|0.1|1e+10|3|2.5e-10|1.6777216e+07|3.4e+38",
     F64(100000.0), F64(0.1), F32(0.1), F32(1e10), F64(3.0), F64(2.5e-10), F32(16777216.0),
     F32(3.4e38));
CASE("%v|%v|%v|%+v|%05v|% v|%8v|%-8v|%08.2f|%+08.2f",
     "NaN|+Inf|-Inf|NaN|  NaN| NaN|    +Inf|-Inf    |    +Inf|    -Inf", F64(NAN), F64(INFINITY),
     F64(-INFINITY), F64(NAN), F64(NAN), F64(NAN), F64(INFINITY), F64(-INFINITY), F64(INFINITY),
     F64(-INFINITY));
CASE("%e|%E|%f|%F|%g|%G|%.2f|%8.3f|%-8.3f|%08.3f|%+.1e|% f|% .3e",
     "1.234568e+03|1.234568E+03|1234.567800|1234.567800|1234.5678|1E-07|2.67|  -3.142|3.142   "
     "|-003.142|+1.2e+04| 1.500000|-1.500e+00",
     F64(1234.5678), F64(1234.5678), F64(1234.5678), F64(1234.5678), F64(1234.5678), F64(1e-7),
     F64(2.675), F64(-3.14159), F64(3.14159), F64(-3.14159), F64(12345), F64(1.5), F64(-1.5));
CASE("%#g|%#.3g|%#v|%#e|%#.0f|%#.0e|%#g|%#g|%#x|%#.2g",
     "1.00000|1.00|1|2.000000e+00|3.|4.e+00|1.23456789e+08|0.00000|0x1.0000p+00|1.0e+02", F64(1.0),
     F64(1.0), F64(1.0), F64(2.0), F64(3.0), F64(4.0), F64(123456789.0), F64(0.0), F64(1.0),
     F64(100.0));
CASE("%x|%X|%.3x|%#.0x|%b|%b|%x|%.0f|%.0f|%.1f|%.1f|%.3g|%.10g",
     "0x1p+00|-0X1.FFP+07|0x1.922p+01|0x1.p+01|4503599627370496p-52|8388608p-23|0x1.99999ap-04|2|4|"
     "0.1|0.2|100|0.3333333333",
     F64(1.0), F64(-255.5), F64(3.14159), F64(1.5), F64(1.0), F32(1.0), F32(0.1), F64(2.5),
     F64(3.5), F64(0.05), F64(0.25), F64(100.0), F64(1.0 / 3));
CASE("%6.2f|%-+9.3e|%010.4g|%G|%.0e|%g|%g|%g|%e",
     "  3.14|-1.000e-03|-0000012.5|1E+300|1e+01|5e-324|1.7976931348623157e+308|1e-45|0.000000e+00",
     F32(3.14159), F32(-0.001), F64(-12.5), F64(1e300), F64(9.5), F64(5e-324),
     F64(1.7976931348623157e308), F32(1e-45), F64(0));
CASE("%d|%s|%q|%t|%c",
     "%!d(float64=1.5)|%!s(float64=2.5)|%!q(float64=3)|%!t(float64=4)|%!c(float64=5)", F64(1.5),
     F64(2.5), F64(3), F64(4), F64(5));
CASE("%v|%.2f|%+v|%e|%08.3f|%d",
     "(1+2i)|(-1.50+0.25i)|(1-2i)|(1.000000e+00+2.000000e+00i)|(0001.000+002.000i)|%!d(complex128=("
     "1+2i))",
     CPLX(1, 2), CPLX(-1.5, 0.25), CPLX(1, -2), CPLX64(1, 2), CPLX(1, 2), CPLX(1, 2));
/* strings */
CASE("%s|%q|%x|%X|% x|%#x|%# x|%10s|%-10s|%.2s|%.3q|%5.1s|",
     "h\303\251llo|\"h\303\251llo\"|6869|6869|61 62 63|0x616263|0x61 0x62 0x63|        "
     "\346\227\245\346\234\254|go        |\346\227\245\346\234\254|\"abc\"|    x|",
     S("héllo"), S("héllo"), S("hi"), S("hi"), S("abc"), S("abc"), S("abc"), S("日本"), S("go"),
     S("日本語"), S("abcdef"), S("xyz"));
CASE("%q|%+q|%#q|%#q|%#+q|%q|%x|%5x|%-5x|%.1x|%q",
     "\"a\\n\\t\\x01\\x7f\342\230\272\\xff\"|\"\\u00e9\\u263a\\U0001f600\"|`raw\342\230\272`|"
     "\"ctl\\n\"|\"x`y\"|\"\\ufeff\"||     |61   |61|\"\\u00ad\\u2028\"",
     S("a\n\t\001\177☺\xff"), S("é☺\U0001F600"), S("raw☺"), S("ctl\n"), S("x`y"), S("\xef\xbb\xbf"),
     S(""), S(""), S("a"), S("abc"), S("\u00ad\u2028"));
CASE("%v|%#v|%d|%s|%T|%5.2v|%-6v|", "x|\"y\\\"z\"|%!d(string=hi)|m|main.MyStr|   ab|ab    |",
     S("x"), S("y\"z"), S("hi"), MYSTR("m"), MYSTR("m"), S("abc"), S("ab"));
CASE("%s|%x|%X|% x|%q|%v|%d|%#v|%#v|%s|%x",
     "abc|01ab|01AB|01 02 03|\"h\\n\"|[1 2 3]|[4 5]|[]byte{0x1, 0x2}|[]byte(nil)||",
     BYTES(3, 'a', 'b', 'c'), BYTES(2, 1, 171), BYTES(2, 1, 171), BYTES(3, 1, 2, 3),
     BYTES(2, 'h', 10), BYTES(3, 1, 2, 3), BYTES(2, 4, 5), BYTES(2, 1, 2), NILBYTES, NILBYTES,
     NILBYTES);
CASE("%v|%s|%#v|%x|%s|%x|%v|%#v|%5s|%t",
     "[1 2]|ok|main.Bytes{0x1, 0x2}|ff|abc|010203|[1 2 3]|[3]uint8{0x1, 0x2, 0x3}|   "
     "ab|[%!t(uint8=1)]",
     MYBYTES(2, 1, 2), MYBYTES(2, 'o', 'k'), MYBYTES(2, 1, 2), MYBYTES(1, 255),
     BARR3('a', 'b', 'c'), BARR3(1, 2, 3), BARR3(1, 2, 3), BARR3(1, 2, 3), BYTES(2, 'a', 'b'),
     BYTES(1, 1));
/* bools, nil, type names, percent signs and misuse */
CASE("%t|%v|%5t|%-6t|%d|%#v|%q", "true|false| true|false |%!d(bool=true)|true|%!q(bool=false)",
     B(1), B(0), B(1), B(0), B(1), B(1), B(0));
CASE("%v|%d|%T|%5v|%-7v|%s|%#v", "<nil>|%!d(<nil>)|<nil>|<nil>|<nil>  |%!s(<nil>)|<nil>", NIL, NIL,
     NIL, NIL, NIL, NIL, NIL);
CASE("%T|%T|%T|%T|%T|%T|%T|%T|%T",
     "[]int|map[string]int|*main.Point|struct { A int; B string }|[]interface "
     "{}|main.Stringer1|[]uint8|float32|int32",
     INTS(1, 1), MSI(0), PPOINT(1, 2), ANON(1, "x"), ANYS(0), STR1(1), BYTES(0), F32(1), R(1));
CASE("%10T|%-10T|%.3T|", "       int|string    |flo|", I(1), S(""), F64(1));
CASE("100%%|%5%|%-5%|%d%%", "100%|%|%|5%", I(5));
CASE("%d %d", "3 %!d(MISSING)", I(3));
CASE("%d", "3%!(EXTRA int=4, string=x, <nil>, main.Stringer1=S<2>)", I(3), I(4), S("x"), NIL,
     STR1(2));
CASE("%*d|%-*d|%.*f|%*d|%.*d|%*.*f|", "    3|3    |3.14|7   |%!(BADPREC)8|  2.50|", I(5), I(3),
     I(5), I(3), I(2), F64(3.14159), I(-4), I(7), I(-1), I(8), I(6), I(2), F64(2.5));
CASE("%*d|%.*d|%*d|%*d|", "%!(BADWIDTH)3|%!(BADPREC)4|%!(BADWIDTH)5|  6|", S("x"), I(3), F64(1.5),
     I(4), I(10000000), I(5), MYINT(3), I(6));
CASE("%[2]d %[1]d %d|%[3]d|%[0]d|%[x]d|%.[2]d|%[2]*[1]d|%[3]*.[2]*[1]f|%[1]d %d",
     "2 1 2|%!d(float64=12)|%!d(BADINDEX)|%!d(BADINDEX)|2| 1|%!(BADWIDTH)%!f(int=01)|1 2", I(1),
     I(2), F64(12.0));
CASE("%[5]d|%[1]|%[1", "%!d(BADINDEX)|%!|(int=1)%!(NOVERB)", I(1));
CASE("%-+ #0d|%+-d|%0-5d|%-05d|%#5x|%#-8o|%", "+1|+2|3    |4    | 0xff|010     |%!(NOVERB)", I(1),
     I(2), I(3), I(4), I(255), I(8));
CASE("%100000000d|%.100000000d|%1000001d|", "%!(NOVERB)%!(EXTRA int=1, int=2, int=3)", I(1), I(2),
     I(3));
CASE("%.3d|%.d|%.0s|%.s", "001|||", I(1), I(0), S("abc"), S("abc"));
CASE0("no verbs", "no verbs");
CASE0("%d", "%!d(MISSING)");
CASE0("%", "%!(NOVERB)");
CASE0("%-", "%!(NOVERB)");
CASE0("%[1]d", "%!d(BADINDEX)");
CASE("%w", "%!w(main.Err={x})", ERR("x"));
CASE("%w|%w", "%!w(int=3)|%!w(<nil>)", I(3), NIL);
/* pointers, structs, slices, arrays */
CASE("%v|%+v|%#v|%v|%#v|%d|%s|%+v",
     "&{1 2}|&{X:1 Y:2}|&main.Point{X:1, Y:2}|<nil>|(*main.Point)(nil)|0|&{%!s(int=3) "
     "%!s(int=4)}|<nil>",
     PPOINT(1, 2), PPOINT(1, 2), PPOINT(1, 2), NILPPOINT, NILPPOINT, NILPPOINT, PPOINT(3, 4),
     NILPPOINT);
CASE("%v|%+v|%#v|%d|%x|%s|%05d|%v",
     "{1 2}|{X:1 Y:2}|main.Point{X:-1, Y:2}|{10 11}|{a b}|{%!s(int=1) %!s(int=2)}|{00001 -0002}|{3 "
     "s}",
     POINT(1, 2), POINT(1, 2), POINT(-1, 2), POINT(10, 11), POINT(10, 11), POINT(1, 2),
     POINT(1, -2), ANON(3, "s"));
CASE("%#v|%+v|%#v|%v|%+v|%#v",
     "struct { A int; B string }{A:3, B:\"s\"}|{Point:{X:1 Y:2} "
     "Z:3}|main.Embed{Point:main.Point{X:1, Y:2}, Z:3}|{5 q}|{A:5 b:q}|main.Inner{A:5, b:\"q\"}",
     ANON(3, "s"), EMBED(1, 2, 3), EMBED(1, 2, 3), INNER(5, "q"), INNER(5, "q"), INNER(5, "q"));
CASE("%v|%+v|%#v",
     "{n {1 b} S<2> 3 <nil> <nil>}|{Name:n In:{A:1 b:b} S:S<2> s:3 Any:4 "
     "E:err:e}|main.Outer{Name:\"n\", In:main.Inner{A:1, b:\"b\"}, S:2, s:3, Any:9, E:error(nil)}",
     OUTER("n", 1, "b", 2, 3, NIL, NULL), OUTER("n", 1, "b", 2, 3, I(4), ERR("e")),
     OUTER("n", 1, "b", 2, 3, STR1(9), NULL));
CASE("%v|%d|%x|%02d|%#v|%v|%#v|%q|%#v|%v",
     "[1 2 3]|[1 2]|[a ff]|[01 02]|[]int{1, 2}|[]|[]int(nil)|[\"a\" \"b\"]|[]string{\"a\", "
     "\"b\"}|[]",
     INTS(3, 1, 2, 3), INTS(2, 1, 2), INTS(2, 10, 255), INTS(2, 1, 2), INTS(2, 1, 2), NILINTS,
     NILINTS, STRS(2, "a", "b"), STRS(2, "a", "b"), INTS(0));
CASE("%v|%#v|%v|%#v|%+v|%#v|%v|%x|%s",
     "[1 a <nil> 2.5]|[]interface {}{1, \"a\", interface {}(nil), 2.5}|[1 2 3]|[3]int{1, 2, "
     "3}|[{X:1 Y:2} {X:3 Y:4}]|[]main.Point{main.Point{X:1, Y:2}}|[[1] [2 3]]|[6869 "
     "796f]|[%!s(int=65)]",
     ANYS(4, I(1), S("a"), NIL, F64(2.5)), ANYS(4, I(1), S("a"), NIL, F64(2.5)), IARR3(1, 2, 3),
     IARR3(1, 2, 3), POINTS(2, 1, 2, 3, 4), POINTS(1, 1, 2), INTSS(), STRS(2, "hi", "yo"),
     INTS(1, 65));
CASE("%v|%+v|%#v|%v", "[{1 2} [in]]|<nil>|[]interface {}{(*main.Point)(nil)}|nilptr",
     ANYS(2, POINT(1, 2), ANYS(1, S("in"))), NILMAPPTR, ANYS(1, NILPPOINT), NILPPTRSTR);
/* maps */
CASE("%v|%#v|%v|%#v|%v|%d",
     "map[a:1 b:2 c:3]|map[string]int{\"a\":1, "
     "\"b\":2}|map[]|map[string]int(nil)|map[]|map[%!d(string=k):10]",
     MSI(3, "b", 2, "a", 1, "c", 3), MSI(2, "b", 2, "a", 1), NILMSI, NILMSI, MSI(0),
     MSI(1, "k", 10));
CASE("%v|%v|%v",
     "map[-30:x -1:m 2:two 10:t]|map[NaN:nan -Inf:-inf -2:m 0:z 1.5:x]|map[false:0 true:1]",
     MIS(4, 10, "t", -1, "m", 2, "two", -30, "x"),
     MFS(5, NAN, "nan", 1.5, "x", -INFINITY, "-inf", 0.0, "z", -2.0, "m"), MBI(2, 1, 1, 0, 0));
CASE("%v|%+v|%#v",
     "map[{1 2}:a {1 5}:b {2 1}:c]|map[{X:1 Y:2}:a]|map[main.Point]string{main.Point{X:1, "
     "Y:2}:\"a\"}",
     MPS(3, 2, 1, "c", 1, 5, "b", 1, 2, "a"), MPS(1, 1, 2, "a"), MPS(1, 1, 2, "a"));
CASE("%v", "map[<nil>:9 true:4 2.5:3 -5:11 1:1 3:5 z:6 0:12 a:2 4:8 [1 2 3]:10 {1 2}:7]",
     MAI(12, I(1), 1, S("a"), 2, F64(2.5), 3, B(1), 4, I8(3), 5, MYSTR("z"), 6, POINT(1, 2), 7,
         U(4), 8, NIL, 9, IARR3(1, 2, 3), 10, I(-5), 11, S("0"), 12));
CASE("%v|%s|%d|%v|%#v",
     "map[x:S<1> y:S<2>]|map[x:S<1>]|map[%!d(string=x):1]|map[S<1>:10 S<2>:20 "
     "S<3>:30]|map[string]main.Stringer1{\"x\":1}",
     MSS1(2, "y", 2, "x", 1), MSS1(1, "x", 1), MSS1(1, "x", 1), MS1I(3, 3, 30, 1, 10, 2, 20),
     MSS1(1, "x", 1));
CASE("%v", "map[<nil>:9 <nil>:4 1:3 1:5 S<1>:1 both-error:2 err:e:6 S<2>:8 {{1 2} 3}:7]",
     MAI(9, STR1(1), 1, BOTH(1), 2, I(1), 3, NILPPOINT, 4, GOSTR(1), 5, ERR("e"), 6, EMBED(1, 2, 3),
         7, WITHS(2), 8, PPOINT0, 9));
CASE("%x|%X|%q|%v", "map[61:a 62:b]|map[FF:73]|map[\"k\":'A']|map[NaN:1 -1:2 +Inf:3]",
     MSI(2, "b", 11, "a", 10), MIS(1, 255, "s"), MSI(1, "k", 65),
     MAI(3, F64(NAN), 1, F64(-1), 2, F64(INFINITY), 3));
/* widths and flags reach every element */
CASE("%5v|%-5d|%6.2f|%03d|%+v|%x|%X|% x|%.2x|%s|%q",
     "{    1     2}|[1     2    ]|[  1.00   2.50]|[001 002 003]|[1 -1]|[6162 63]|ABCD|ab "
     "cd|0102|{ab}|[\"a\\n\" \"\"]",
     POINT(1, 2), INTS(2, 1, 2), F64S(2, 1.0, 2.5), IARR3(1, 2, 3), ANYS(2, I(1), F64(-1)),
     STRS(2, "ab", "c"), BYTES(2, 171, 205), BYTES(2, 171, 205), BYTES(3, 1, 2, 3),
     WITHBYTES(2, 'a', 'b'), STRS(2, "a\n", ""));
CASE("%v|%d|%s|%c|%U|%x|%8.3s|%-8q|",
     "{[1 2]}|{[3]}|x|%!c(string=x)|%!U(string=x)|[0x1.8p+00]|     "
     "\346\227\245\346\234\254\350\252\236|\"\303\251\"     |",
     WITHBYTES(2, 1, 2), WITHBYTES(1, 3), S("x"), S("x"), S("x"), F32S(1, 1.5), S("日本語です"),
     S("é"));
CASE("%.30g|%.20f|%.40e|%.0g|%#.0g|%.17g|%g|%G|%e",
     "0.100000000000000005551115123126|0.10000000000000000555|3."
     "3333333333333331482961625624739099293947e-01|0.5|0.5|0.10000000000000001|1e-320|1E-07|-0."
     "000000e+00",
     F64(0.1), F64(0.1), F64(1.0 / 3), F64(0.5), F64(0.5), F64(0.1), F64(1e-320), F64(1e-7),
     F64(-0.0));
/* methods: Error, String, GoString, method sets */
CASE("%v|%s|%q|%x|%X|%d|%#v|%5v|%-6s|%T|%+v|%.2s",
     "S<5>|S<5>|\"S<5>\"|533c353e|533C353E|5|5| S<5>|S<5>  |main.Stringer1|S<5>|S<", STR1(5),
     STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5), STR1(5),
     STR1(5));
CASE("%v|%+v|%#v|%s|%d|%v|%v|%#v",
     "err:boom|err:boom|main.Err{Msg:\"boom\"}|err:x|{%!d(string=x)}|both-error|1|GoStr!",
     ERR("boom"), ERR("boom"), ERR("boom"), ERR("x"), ERR("x"), BOTH(1), GOSTR(1), GOSTR(1));
CASE("%v|%v|%v|%v|%+v|%s|%v", "{1}|ptr2|nilptr|<nil>|<nil>|&{%!s(int=5) %!s(int=6)}|S<5>",
     PTRSTR(1), PPTRSTR(2), NILPPTRSTR, NILPSTR1, NILPSTR1, PPOINT(5, 6), WITHS(5));
CASE("%v|%v|%d|%v|%#v|%v|%v",
     "[S<1> S<2>]|[S<3> err:x both-error]|[4]|[1]|[]interface {}{GoStr!}|[{7}]|S<8>",
     STR1S(2, 1, 2), ANYS(3, STR1(3), ERR("x"), BOTH(0)), STR1S(1, 4), ANYS(1, GOSTR(1)),
     ANYS(1, GOSTR(1)), PTRSTRS(1, 7), PSTR1(8));
CASE("%s|%v|%x", "[S<1> S<2>]|[<nil>]|[533c313e 533c323e]", BYTESTR1(2, 1, 2), ANYS(1, NILPSTR1),
     S1ARR(1, 2));
/* Sprint and Sprintln */
CASE_SP("a1 2bc3.5 <nil> err:em4", S("a"), I(1), I(2), S("b"), S("c"), F64(3.5), NIL, ERR("e"),
        MYSTR("m"), I(4));
CASE_SP("1 2", I(1), I(2));
CASE_SP("err:x err:y S<1>sS<2>", ERR("x"), ERR("y"), STR1(1), S("s"), STR1(2));
CASE_SP("xy", S("x"), S("y"));
CASE_SP("&{1 2} S<3> [1 2] <nil> <nil>", PPOINT(1, 2), STR1(3), BYTES(2, 1, 2), NIL, NIL);
CASE_LN("a 1 b <nil> 1e+06 100000 0.1 S<1> &{1 2}\012", S("a"), I(1), S("b"), NIL, F64(1e6),
        F64(100000.0), F32(0.1), STR1(1), PPOINT(1, 2));
CASE_LN0("\012");
/* Errorf and %w */
CASE_ERRORF("ctx: %w", "ctx: err:x", 0, ERR("x"));
CASE_ERRORF("%v then %w", "1 then err:y", 1, I(1), ERR("y"));
CASE_ERRORF("%w and %w", "err:a and %!w(main.Err={b})", -1, ERR("a"), ERR("b"));
CASE_ERRORF("%w", "%!w(int=3)", -1, I(3));
CASE_ERRORF("%w %w", "err:a %!w(int=3)", 0, ERR("a"), I(3));
CASE_ERRORF("%w", "%!w(<nil>)", -1, NIL);
CASE_ERRORF("%w", "%!w(main.Stringer1=3)", -1, STR1(3));
CASE_ERRORF("%[2]w %[1]v", "err:z 1", 1, I(1), ERR("z"));
CASE_ERRORF("%w", "[%!w(uint8=1)]", -1, BYTES(1, 1));
/* strconv */
QUOTE("", 0, "\"\"", "\"\"", "\"\"", 1);
QUOTE("abc", 3, "\"abc\"", "\"abc\"", "\"abc\"", 1);
QUOTE("h\303\251llo", 6, "\"h\303\251llo\"", "\"h\\u00e9llo\"", "\"h\303\251llo\"", 1);
QUOTE("a\"b\\c", 5, "\"a\\\"b\\\\c\"", "\"a\\\"b\\\\c\"", "\"a\\\"b\\\\c\"", 1);
QUOTE("\007\010\014\012\015\011\013\000\037\177", 10, "\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\"",
      "\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\"", "\"\\a\\b\\f\\n\\r\\t\\v\\x00\\x1f\\x7f\"", 0);
QUOTE("\377\376", 2, "\"\\xff\\xfe\"", "\"\\xff\\xfe\"", "\"\\xff\\xfe\"", 0);
QUOTE("\342\230\272\360\237\230\200", 7, "\"\342\230\272\360\237\230\200\"",
      "\"\\u263a\\U0001f600\"", "\"\342\230\272\360\237\230\200\"", 1);
QUOTE("\302\255", 2, "\"\\u00ad\"", "\"\\u00ad\"", "\"\\u00ad\"", 1);
QUOTE("\342\200\250\342\200\251", 6, "\"\\u2028\\u2029\"", "\"\\u2028\\u2029\"",
      "\"\\u2028\\u2029\"", 1);
QUOTE("\357\273\277", 3, "\"\\ufeff\"", "\"\\ufeff\"", "\"\\ufeff\"", 0);
QUOTE("\364\217\277\277", 4, "\"\\U0010ffff\"", "\"\\U0010ffff\"", "\"\\U0010ffff\"", 1);
QUOTE("\356\200\200", 3, "\"\\ue000\"", "\"\\ue000\"", "\"\\ue000\"", 1);
QUOTE("`raw`", 5, "\"`raw`\"", "\"`raw`\"", "\"`raw`\"", 0);
QUOTE("tab\011here", 8, "\"tab\\there\"", "\"tab\\there\"", "\"tab\\there\"", 1);
QUOTE("\315\270", 2, "\"\\u0378\"", "\"\\u0378\"", "\"\\u0378\"", 1);
QUOTE("\346\227\245\346\234\254\350\252\236", 9, "\"\346\227\245\346\234\254\350\252\236\"",
      "\"\\u65e5\\u672c\\u8a9e\"", "\"\346\227\245\346\234\254\350\252\236\"", 1);
QUOTE("\355\240\200", 3, "\"\\xed\\xa0\\x80\"", "\"\\xed\\xa0\\x80\"", "\"\\xed\\xa0\\x80\"", 0);
QUOTE("\342\200\213\343\200\200", 6, "\"\\u200b\\u3000\"", "\"\\u200b\\u3000\"",
      "\"\\u200b\343\200\200\"", 1);
QRUNE(97, "'a'", "'a'", "'a'");
QRUNE(39, "'\\''", "'\\''", "'\\''");
QRUNE(34, "'\"'", "'\"'", "'\"'");
QRUNE(92, "'\\\\'", "'\\\\'", "'\\\\'");
QRUNE(10, "'\\n'", "'\\n'", "'\\n'");
QRUNE(0, "'\\x00'", "'\\x00'", "'\\x00'");
QRUNE(127, "'\\x7f'", "'\\x7f'", "'\\x7f'");
QRUNE(173, "'\\u00ad'", "'\\u00ad'", "'\\u00ad'");
QRUNE(233, "'\303\251'", "'\\u00e9'", "'\303\251'");
QRUNE(9786, "'\342\230\272'", "'\\u263a'", "'\342\230\272'");
QRUNE(128512, "'\360\237\230\200'", "'\\U0001f600'", "'\360\237\230\200'");
QRUNE(55296, "'\357\277\275'", "'\\ufffd'", "'\357\277\275'");
QRUNE(1114112, "'\357\277\275'", "'\\ufffd'", "'\357\277\275'");
QRUNE(-1, "'\357\277\275'", "'\\ufffd'", "'\357\277\275'");
QRUNE(65279, "'\\ufeff'", "'\\ufeff'", "'\\ufeff'");
QRUNE(12288, "'\\u3000'", "'\\u3000'", "'\343\200\200'");
QRUNE(8232, "'\\u2028'", "'\\u2028'", "'\\u2028'");
QRUNE(1114111, "'\\U0010ffff'", "'\\U0010ffff'", "'\\U0010ffff'");
PFLOAT("0", 64, 0x0000000000000000ULL, "");
PFLOAT("0", 32, 0x0000000000000000ULL, "");
PFLOAT("1.5", 64, 0x3ff8000000000000ULL, "");
PFLOAT("1.5", 32, 0x3ff8000000000000ULL, "");
PFLOAT("-1.5e10", 64, 0xc20bf08eb0000000ULL, "");
PFLOAT("-1.5e10", 32, 0xc20bf08ec0000000ULL, "");
PFLOAT("1e308", 64, 0x7fe1ccf385ebc8a0ULL, "");
PFLOAT("1e308", 32, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1e308\": value out of range");
PFLOAT("1e309", 64, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1e309\": value out of range");
PFLOAT("1e309", 32, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1e309\": value out of range");
PFLOAT("-1e309", 64, 0xfff0000000000000ULL,
       "strconv.ParseFloat: parsing \"-1e309\": value out of range");
PFLOAT("-1e309", 32, 0xfff0000000000000ULL,
       "strconv.ParseFloat: parsing \"-1e309\": value out of range");
PFLOAT("2e-324", 64, 0x0000000000000000ULL, "");
PFLOAT("2e-324", 32, 0x0000000000000000ULL, "");
PFLOAT("5e-324", 64, 0x0000000000000001ULL, "");
PFLOAT("5e-324", 32, 0x0000000000000000ULL, "");
PFLOAT("1e-400", 64, 0x0000000000000000ULL, "");
PFLOAT("1e-400", 32, 0x0000000000000000ULL, "");
PFLOAT("inf", 64, 0x7ff0000000000000ULL, "");
PFLOAT("inf", 32, 0x7ff0000000000000ULL, "");
PFLOAT("+Inf", 64, 0x7ff0000000000000ULL, "");
PFLOAT("+Inf", 32, 0x7ff0000000000000ULL, "");
PFLOAT("-infinity", 64, 0xfff0000000000000ULL, "");
PFLOAT("-infinity", 32, 0xfff0000000000000ULL, "");
PFLOAT("nan", 64, 0x7ff8000000000001ULL, "");
PFLOAT("nan", 32, 0x7ff8000000000000ULL, "");
PFLOAT("NaN", 64, 0x7ff8000000000001ULL, "");
PFLOAT("NaN", 32, 0x7ff8000000000000ULL, "");
PFLOAT("-nan", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"-nan\": invalid syntax");
PFLOAT("-nan", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"-nan\": invalid syntax");
PFLOAT("infx", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"infx\": invalid syntax");
PFLOAT("infx", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"infx\": invalid syntax");
PFLOAT("1e", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1e\": invalid syntax");
PFLOAT("1e", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1e\": invalid syntax");
PFLOAT("1e+", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1e+\": invalid syntax");
PFLOAT("1e+", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1e+\": invalid syntax");
PFLOAT(".5", 64, 0x3fe0000000000000ULL, "");
PFLOAT(".5", 32, 0x3fe0000000000000ULL, "");
PFLOAT("5.", 64, 0x4014000000000000ULL, "");
PFLOAT("5.", 32, 0x4014000000000000ULL, "");
PFLOAT(".", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \".\": invalid syntax");
PFLOAT(".", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \".\": invalid syntax");
PFLOAT("", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"\": invalid syntax");
PFLOAT("", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"\": invalid syntax");
PFLOAT("+", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"+\": invalid syntax");
PFLOAT("+", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"+\": invalid syntax");
PFLOAT("0x1p-2", 64, 0x3fd0000000000000ULL, "");
PFLOAT("0x1p-2", 32, 0x3fd0000000000000ULL, "");
PFLOAT("0x1.8p1", 64, 0x4008000000000000ULL, "");
PFLOAT("0x1.8p1", 32, 0x4008000000000000ULL, "");
PFLOAT("0X1P+1", 64, 0x4000000000000000ULL, "");
PFLOAT("0X1P+1", 32, 0x4000000000000000ULL, "");
PFLOAT("0x1", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"0x1\": invalid syntax");
PFLOAT("0x1", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"0x1\": invalid syntax");
PFLOAT("0x1p", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"0x1p\": invalid syntax");
PFLOAT("0x1p", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"0x1p\": invalid syntax");
PFLOAT("1_000.5", 64, 0x408f440000000000ULL, "");
PFLOAT("1_000.5", 32, 0x408f440000000000ULL, "");
PFLOAT("0x_1p0", 64, 0x3ff0000000000000ULL, "");
PFLOAT("0x_1p0", 32, 0x3ff0000000000000ULL, "");
PFLOAT("1__0", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1__0\": invalid syntax");
PFLOAT("1__0", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1__0\": invalid syntax");
PFLOAT("_1", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"_1\": invalid syntax");
PFLOAT("_1", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"_1\": invalid syntax");
PFLOAT("1_", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1_\": invalid syntax");
PFLOAT("1_", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1_\": invalid syntax");
PFLOAT("0.1", 64, 0x3fb999999999999aULL, "");
PFLOAT("0.1", 32, 0x3fb99999a0000000ULL, "");
PFLOAT("3.4028235e38", 64, 0x47efffffe54daff8ULL, "");
PFLOAT("3.4028235e38", 32, 0x47efffffe0000000ULL, "");
PFLOAT("3.5e38", 64, 0x47f074f8c4d3cd7bULL, "");
PFLOAT("3.5e38", 32, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"3.5e38\": value out of range");
PFLOAT("1e-46", 64, 0x366244ce242c5561ULL, "");
PFLOAT("1e-46", 32, 0x0000000000000000ULL, "");
PFLOAT("123456789012345678901234567890", 64, 0x45f8ee90ff6c373eULL, "");
PFLOAT("123456789012345678901234567890", 32, 0x45f8ee9100000000ULL, "");
PFLOAT("0.000000000000000000000000000000000000000000001", 64, 0x3696d601ad376ab9ULL, "");
PFLOAT("0.000000000000000000000000000000000000000000001", 32, 0x36a0000000000000ULL, "");
PFLOAT("1.7976931348623157e308", 64, 0x7fefffffffffffffULL, "");
PFLOAT("1.7976931348623157e308", 32, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1.7976931348623157e308\": value out of range");
PFLOAT("1.7976931348623159e308", 64, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1.7976931348623159e308\": value out of range");
PFLOAT("1.7976931348623159e308", 32, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1.7976931348623159e308\": value out of range");
PFLOAT(" 1", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \" 1\": invalid syntax");
PFLOAT(" 1", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \" 1\": invalid syntax");
PFLOAT("1 ", 64, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1 \": invalid syntax");
PFLOAT("1 ", 32, 0x0000000000000000ULL, "strconv.ParseFloat: parsing \"1 \": invalid syntax");
PFLOAT("1e1000000", 64, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1e1000000\": value out of range");
PFLOAT("1e1000000", 32, 0x7ff0000000000000ULL,
       "strconv.ParseFloat: parsing \"1e1000000\": value out of range");
PFLOAT("0e99999999", 64, 0x0000000000000000ULL, "");
PFLOAT("0e99999999", 32, 0x0000000000000000ULL, "");
PFLOAT("4.9406564584124654e-324", 64, 0x0000000000000001ULL, "");
PFLOAT("4.9406564584124654e-324", 32, 0x0000000000000000ULL, "");
PFLOAT("2.4703282292062327e-324", 64, 0x0000000000000000ULL, "");
PFLOAT("2.4703282292062327e-324", 32, 0x0000000000000000ULL, "");
PFLOAT("2.4703282292062328e-324", 64, 0x0000000000000001ULL, "");
PFLOAT("2.4703282292062328e-324", 32, 0x0000000000000000ULL, "");
PFLOAT("1.000000000000000111022302462515654042363166809082031250000001", 64, 0x3ff0000000000001ULL,
       "");
PFLOAT("1.000000000000000111022302462515654042363166809082031250000001", 32, 0x3ff0000000000000ULL,
       "");
PINT("0", 10, 64, 0LL, "");
PUINT("0", 10, 64, 0ULL, "");
PINT("-0", 10, 64, 0LL, "");
PUINT("-0", 10, 64, 0ULL, "strconv.ParseUint: parsing \"-0\": invalid syntax");
PINT("12345", 10, 64, 12345LL, "");
PUINT("12345", 10, 64, 12345ULL, "");
PINT("-9223372036854775808", 10, 64, (-9223372036854775807LL - 1), "");
PUINT("-9223372036854775808", 10, 64, 0ULL,
      "strconv.ParseUint: parsing \"-9223372036854775808\": invalid syntax");
PINT("9223372036854775807", 10, 64, 9223372036854775807LL, "");
PUINT("9223372036854775807", 10, 64, 9223372036854775807ULL, "");
PINT("9223372036854775808", 10, 64, 9223372036854775807LL,
     "strconv.ParseInt: parsing \"9223372036854775808\": value out of range");
PUINT("9223372036854775808", 10, 64, 9223372036854775808ULL, "");
PINT("-9223372036854775809", 10, 64, (-9223372036854775807LL - 1),
     "strconv.ParseInt: parsing \"-9223372036854775809\": value out of range");
PUINT("-9223372036854775809", 10, 64, 0ULL,
      "strconv.ParseUint: parsing \"-9223372036854775809\": invalid syntax");
PINT("999999999999999999999", 10, 64, 9223372036854775807LL,
     "strconv.ParseInt: parsing \"999999999999999999999\": value out of range");
PUINT("999999999999999999999", 10, 64, 18446744073709551615ULL,
      "strconv.ParseUint: parsing \"999999999999999999999\": value out of range");
PINT("127", 10, 8, 127LL, "");
PUINT("127", 10, 8, 127ULL, "");
PINT("128", 10, 8, 127LL, "strconv.ParseInt: parsing \"128\": value out of range");
PUINT("128", 10, 8, 128ULL, "");
PINT("-128", 10, 8, -128LL, "");
PUINT("-128", 10, 8, 0ULL, "strconv.ParseUint: parsing \"-128\": invalid syntax");
PINT("-129", 10, 8, -128LL, "strconv.ParseInt: parsing \"-129\": value out of range");
PUINT("-129", 10, 8, 0ULL, "strconv.ParseUint: parsing \"-129\": invalid syntax");
PINT("0x1F", 0, 64, 31LL, "");
PUINT("0x1F", 0, 64, 31ULL, "");
PINT("0X1f", 0, 64, 31LL, "");
PUINT("0X1f", 0, 64, 31ULL, "");
PINT("0b101", 0, 64, 5LL, "");
PUINT("0b101", 0, 64, 5ULL, "");
PINT("0o17", 0, 64, 15LL, "");
PUINT("0o17", 0, 64, 15ULL, "");
PINT("017", 0, 64, 15LL, "");
PUINT("017", 0, 64, 15ULL, "");
PINT("0", 0, 64, 0LL, "");
PUINT("0", 0, 64, 0ULL, "");
PINT("1_000", 0, 64, 1000LL, "");
PUINT("1_000", 0, 64, 1000ULL, "");
PINT("1_000", 10, 64, 0LL, "strconv.ParseInt: parsing \"1_000\": invalid syntax");
PUINT("1_000", 10, 64, 0ULL, "strconv.ParseUint: parsing \"1_000\": invalid syntax");
PINT("0x_1F", 0, 64, 31LL, "");
PUINT("0x_1F", 0, 64, 31ULL, "");
PINT("0x1__F", 0, 64, 0LL, "strconv.ParseInt: parsing \"0x1__F\": invalid syntax");
PUINT("0x1__F", 0, 64, 0ULL, "strconv.ParseUint: parsing \"0x1__F\": invalid syntax");
PINT("_1", 0, 64, 0LL, "strconv.ParseInt: parsing \"_1\": invalid syntax");
PUINT("_1", 0, 64, 0ULL, "strconv.ParseUint: parsing \"_1\": invalid syntax");
PINT("1_", 0, 64, 0LL, "strconv.ParseInt: parsing \"1_\": invalid syntax");
PUINT("1_", 0, 64, 0ULL, "strconv.ParseUint: parsing \"1_\": invalid syntax");
PINT("-0x10", 0, 64, -16LL, "");
PUINT("-0x10", 0, 64, 0ULL, "strconv.ParseUint: parsing \"-0x10\": invalid syntax");
PINT("+5", 10, 64, 5LL, "");
PUINT("+5", 10, 64, 0ULL, "strconv.ParseUint: parsing \"+5\": invalid syntax");
PINT("--5", 10, 64, 0LL, "strconv.ParseInt: parsing \"--5\": invalid syntax");
PUINT("--5", 10, 64, 0ULL, "strconv.ParseUint: parsing \"--5\": invalid syntax");
PINT("", 10, 64, 0LL, "strconv.ParseInt: parsing \"\": invalid syntax");
PUINT("", 10, 64, 0ULL, "strconv.ParseUint: parsing \"\": invalid syntax");
PINT("-", 10, 64, 0LL, "strconv.ParseInt: parsing \"-\": invalid syntax");
PUINT("-", 10, 64, 0ULL, "strconv.ParseUint: parsing \"-\": invalid syntax");
PINT("z", 36, 64, 35LL, "");
PUINT("z", 36, 64, 35ULL, "");
PINT("Z", 36, 64, 35LL, "");
PUINT("Z", 36, 64, 35ULL, "");
PINT("12", 1, 64, 0LL, "strconv.ParseInt: parsing \"12\": invalid base 1");
PUINT("12", 1, 64, 0ULL, "strconv.ParseUint: parsing \"12\": invalid base 1");
PINT("12", 37, 64, 0LL, "strconv.ParseInt: parsing \"12\": invalid base 37");
PUINT("12", 37, 64, 0ULL, "strconv.ParseUint: parsing \"12\": invalid base 37");
PINT("12", 10, 65, 0LL, "strconv.ParseInt: parsing \"12\": invalid bit size 65");
PUINT("12", 10, 65, 0ULL, "strconv.ParseUint: parsing \"12\": invalid bit size 65");
PINT("12", 10, -1, 0LL, "strconv.ParseInt: parsing \"12\": invalid bit size -1");
PUINT("12", 10, -1, 0ULL, "strconv.ParseUint: parsing \"12\": invalid bit size -1");
PINT("12a", 10, 64, 0LL, "strconv.ParseInt: parsing \"12a\": invalid syntax");
PUINT("12a", 10, 64, 0ULL, "strconv.ParseUint: parsing \"12a\": invalid syntax");
PINT("ff", 16, 32, 255LL, "");
PUINT("ff", 16, 32, 255ULL, "");
PINT("80000000", 16, 32, 2147483647LL,
     "strconv.ParseInt: parsing \"80000000\": value out of range");
PUINT("80000000", 16, 32, 2147483648ULL, "");
PINT("0b", 0, 64, 0LL, "strconv.ParseInt: parsing \"0b\": invalid syntax");
PUINT("0b", 0, 64, 0ULL, "strconv.ParseUint: parsing \"0b\": invalid syntax");
PINT("0x", 0, 64, 0LL, "strconv.ParseInt: parsing \"0x\": invalid syntax");
PUINT("0x", 0, 64, 0ULL, "strconv.ParseUint: parsing \"0x\": invalid syntax");
PINT("08", 0, 64, 0LL, "strconv.ParseInt: parsing \"08\": invalid syntax");
PUINT("08", 0, 64, 0ULL, "strconv.ParseUint: parsing \"08\": invalid syntax");
PINT("1 ", 10, 64, 0LL, "strconv.ParseInt: parsing \"1 \": invalid syntax");
PUINT("1 ", 10, 64, 0ULL, "strconv.ParseUint: parsing \"1 \": invalid syntax");
PINT("\331\241", 10, 64, 0LL, "strconv.ParseInt: parsing \"\331\241\": invalid syntax");
PUINT("\331\241", 10, 64, 0ULL, "strconv.ParseUint: parsing \"\331\241\": invalid syntax");
ATOI("0", 0LL, "");
ATOI("12", 12LL, "");
ATOI("-12", -12LL, "");
ATOI("+12", 12LL, "");
ATOI("12a", 0LL, "strconv.Atoi: parsing \"12a\": invalid syntax");
ATOI("", 0LL, "strconv.Atoi: parsing \"\": invalid syntax");
ATOI("-", 0LL, "strconv.Atoi: parsing \"-\": invalid syntax");
ATOI("+", 0LL, "strconv.Atoi: parsing \"+\": invalid syntax");
ATOI("999999999999999999999", 9223372036854775807LL,
     "strconv.Atoi: parsing \"999999999999999999999\": value out of range");
ATOI("-9223372036854775808", (-9223372036854775807LL - 1), "");
ATOI("9223372036854775807", 9223372036854775807LL, "");
ATOI("9223372036854775808", 9223372036854775807LL,
     "strconv.Atoi: parsing \"9223372036854775808\": value out of range");
ATOI("123456789012345678", 123456789012345678LL, "");
ATOI("1_000", 0LL, "strconv.Atoi: parsing \"1_000\": invalid syntax");
ATOI(" 1", 0LL, "strconv.Atoi: parsing \" 1\": invalid syntax");
ATOI("0x10", 0LL, "strconv.Atoi: parsing \"0x10\": invalid syntax");
ATOI("00012", 12LL, "");
PBOOL("1", 1, "");
PBOOL("t", 1, "");
PBOOL("T", 1, "");
PBOOL("true", 1, "");
PBOOL("TRUE", 1, "");
PBOOL("True", 1, "");
PBOOL("0", 0, "");
PBOOL("f", 0, "");
PBOOL("F", 0, "");
PBOOL("false", 0, "");
PBOOL("FALSE", 0, "");
PBOOL("False", 0, "");
PBOOL("yes", 0, "strconv.ParseBool: parsing \"yes\": invalid syntax");
PBOOL("", 0, "strconv.ParseBool: parsing \"\": invalid syntax");
PBOOL("tRUE", 0, "strconv.ParseBool: parsing \"tRUE\": invalid syntax");
UNQUOTE("\"abc\"", 5, "abc", 1);
UNQUOTE("\"a\\nb\"", 6, "a\012b", 1);
UNQUOTE("'a'", 3, "a", 1);
UNQUOTE("'\\n'", 4, "\012", 1);
UNQUOTE("'ab'", 4, "", 0);
UNQUOTE("''", 2, "", 1);
UNQUOTE("`raw\\n`", 7, "raw\\n", 1);
UNQUOTE("`a\015b`", 5, "ab", 1);
UNQUOTE("\"\\x41\\u263a\\U0001F600\\101\"", 26, "A\342\230\272\360\237\230\200A", 1);
UNQUOTE("\"\\400\"", 6, "", 0);
UNQUOTE("\"\\q\"", 4, "", 0);
UNQUOTE("\"abc", 4, "", 0);
UNQUOTE("abc\"", 4, "", 0);
UNQUOTE("\"a\"b\"", 5, "", 0);
UNQUOTE("\"\\'\"", 4, "", 0);
UNQUOTE("'\\\"'", 4, "", 0);
UNQUOTE("'\"'", 3, "\"", 1);
UNQUOTE("\"'\"", 3, "'", 1);
UNQUOTE("\"\\xff\"", 6, "\377", 1);
UNQUOTE("\"a\012b\"", 5, "", 0);
UNQUOTE("\"\\ud800\"", 8, "", 0);
UNQUOTE("'\\U00110000'", 12, "", 0);
UNQUOTE("\"\342\230\272\"", 5, "\342\230\272", 1);
UNQUOTE("'\342\230\272'", 5, "\342\230\272", 1);
UNQUOTE("'\377'", 3, "\357\277\275", 1);
UNQUOTE("\"", 1, "", 0);
UNQUOTE("", 0, "", 0);
UNQUOTE("'", 1, "", 0);
UNQUOTE("``", 2, "", 1);
UNQUOTE("\"\\\"", 3, "", 0);
UNQUOTE("\"\\\\\"", 4, "\\", 1);
FMTINT(0LL, 10, "0");
FMTINT(-1LL, 10, "-1");
FMTINT((-9223372036854775807LL - 1), 10, "-9223372036854775808");
FMTINT(9223372036854775807LL, 2, "111111111111111111111111111111111111111111111111111111111111111");
FMTINT((-9223372036854775807LL - 1), 16, "-8000000000000000");
FMTINT(255LL, 16, "ff");
FMTINT(35LL, 36, "z");
FMTINT(-35LL, 36, "-z");
FMTINT(1234567LL, 7, "13331215");
FMTUINT(18446744073709551615ULL, 10, "18446744073709551615");
FMTUINT(18446744073709551615ULL, 2,
        "1111111111111111111111111111111111111111111111111111111111111111");
FMTUINT(12345ULL, 36, "9ix");
ISPRINT_ALL(143680, 143696, 0xec2135773d441b9dULL);
